// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "accesspanel.h"
#include "detailspane.h"
#include "diskchanges.h"
#include "editor/codeeditor.h"
#include "editor/documentset.h"
#include "models/badgeproxymodel.h"
#include "models/problemsmodel.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "namespacechipdelegate.h"
#include "problemspanel.h"
#include "recoverycontroller.h"
#include "selectionsync.h"
#include "treeheader.h"

#include "admission/admissionconfig.h"
#include "engine/workspacesnapshot.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace PodSec::Ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_workspace(new Workspace(this)), m_model(new WorkloadTreeModel(this)),
      m_badges(new BadgeProxyModel(this)), m_filter(new WorkloadFilterProxyModel(this)),
      m_tree(new QTreeView), m_details(new DetailsPane), m_editor(new CodeEditor),
      m_fileLabel(new QLabel), m_documents(new DocumentSet(m_workspace, this)),
      m_cluster(new ClusterSession(this))
{
    setWindowTitle(tr("PodSec Explorer"));
    setAcceptDrops(true);
    m_baseFontSize = QApplication::font().pointSizeF();

    m_badges->setSourceModel(m_model);
    m_filter->setSourceModel(m_badges);
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection); // rows to copy
    m_tree->setItemDelegateForColumn(WorkloadTreeModel::NameColumn,
                                     new NamespaceChipDelegate(m_tree));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(WorkloadTreeModel::NameColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(WorkloadTreeModel::NameColumn, 320);
    m_tree->setColumnWidth(WorkloadTreeModel::ValueColumn, 130);
    for (int c = WorkloadTreeModel::BaselineColumn; c < WorkloadTreeModel::ColumnCountValue; ++c)
        m_tree->setColumnWidth(c, 100);
    m_tree->setAccessibleName(tr("Namespaces and workloads"));
    m_tree->setColumnWidth(WorkloadTreeModel::KindColumn, 110);
    m_header = new TreeHeader(m_tree);

    auto *editorPane = new QWidget;
    m_editorPane = editorPane;
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(2);
    m_fileLabel->setContentsMargins(6, 4, 6, 2);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path must not force the editor pane wider than the splitter gives it.
    m_fileLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    editorLayout->addWidget(m_fileLabel);
    editorLayout->addWidget(m_editor);
    m_editor->setReadOnly(true);
    m_editor->setPlaceholderText(
        tr("Open a manifest file or folder (File → Open) to see its YAML here."));
    m_documents->setFont(m_editor->font());

    // The Access view (who can get around Pod Security) is a tab beside the workload tree.
    m_access = new AccessPanel;
    m_leftTabs = new QTabWidget;
    m_leftTabs->addTab(m_tree, tr("Workloads"));
    m_leftTabs->addTab(m_access, tr("Access"));
    createOverview();
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_leftTabs);
    left->addWidget(m_details);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(left);
    main->addWidget(editorPane);
    main->setStretchFactor(0, 7);
    main->setStretchFactor(1, 3);
    setCentralWidget(main);

    m_sync = new SelectionSync({m_workspace, m_documents, m_model, m_badges, m_filter, m_tree,
                                m_details, m_editor, m_fileLabel},
                               this);
    connect(m_access, &AccessPanel::openRequested, this, &MainWindow::openAccessSource);
    connect(m_access, &AccessPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_details, &DetailsPane::accessRequested, this, [this](const QString &key) {
        m_leftTabs->setCurrentWidget(m_access);
        m_access->selectKey(key);
    });
    m_fixes = new FixController(m_workspace, m_documents, this);
    connect(m_fixes, &FixController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    // A base an overlay renders was fixed on disk: render the roots again (as Reload does,
    // asking first when there are unsaved edits).
    connect(m_fixes, &FixController::originFilesWritten, this, [this] {
        if (confirmDiscard())
            openPaths(m_workspace->roots());
    });

    // The Problems panel: closed until asked for (the status bar's button, View ▸ Problems).
    m_problems = new ProblemsPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    m_problems->hide();
    connect(m_problems, &ProblemsPanel::openRequested, this, &MainWindow::openProblem);
    createLessons(); // View ▸ Lessons, closed until asked for

    createPolicyBar();
    createActions();

    m_counts = new QLabel;
    m_problemsButton = new QToolButton;
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsButton->setVisible(false);
    connect(m_problemsButton, &QToolButton::clicked, m_problems, &ProblemsPanel::reveal);
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setVisible(false);
    statusBar()->addWidget(m_counts);
    statusBar()->addWidget(m_problemsButton);
    statusBar()->addWidget(new QWidget, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, m_workspace, &Workspace::cancel);
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelClusterRead);

    connect(m_workspace, &Workspace::snapshotReady, this, &MainWindow::applySnapshot);
    connect(m_workspace, &Workspace::busyChanged, this, [this](bool busy) {
        showBusy();
        if (busy)
            m_progress->setRange(0, 0);
    });
    connect(m_workspace, &Workspace::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_documents, &DocumentSet::edited, this, &MainWindow::updateStatus);
    connect(m_documents, &DocumentSet::cleaned, this, &MainWindow::updateStatus);
    m_disk = new DiskChangeController(m_workspace, m_documents, m_sync, this);
    connect(m_disk, &DiskChangeController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_disk, &DiskChangeController::filesChanged, this, &MainWindow::updateStatus);
    m_recovery = new RecoveryController(m_workspace, m_documents, this);
    connect(m_cluster, &ClusterSession::versionKnown, this, &MainWindow::clusterVersionKnown);
    connect(m_cluster, &ClusterSession::pageArrived, this, &MainWindow::clusterPageArrived);
    connect(m_cluster, &ClusterSession::finished, this, &MainWindow::clusterReadFinished);

    setTabOrder(m_version, m_level);
    setTabOrder(m_level, m_filterEdit);
    setTabOrder(m_filterEdit, m_onlyFailing);
    setTabOrder(m_onlyFailing, m_tree);
    setTabOrder(m_tree, m_details);
    setTabOrder(m_details, m_editor);
    fitColumns();

    resize(1600, 960);
    main->setSizes({1120, 480});
    updateStatus();
}

MainWindow::~MainWindow()
{
    // ~QWidget moves the focus away, and QApplication::focusChanged would then reach
    // updateEditActions() on a window that is no longer a MainWindow.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
    // The document set is an older child than the editor: let go of its documents first.
    closeDocuments();
}

void MainWindow::setTransportFactory(TransportFactory factory)
{
    m_cluster->setTransportFactory(std::move(factory));
}

int MainWindow::currentFile() const
{
    return m_sync->currentFile();
}

bool MainWindow::selectKey(const QString &key)
{
    return m_sync->selectKey(key);
}

void MainWindow::connectToCluster(const QString &kubeconfig, const QString &context)
{
    if (!confirmDiscard())
        return;
    QStringList problems;
    const auto selection = m_cluster->resolve(kubeconfig, context, problems);
    if (!selection) {
        QMessageBox::warning(this, tr("Cannot connect"), problems.join(QLatin1Char('\n')));
        return;
    }
    if (const auto &exec = selection->user.exec) {
        // An exec plugin runs a program of the kubeconfig's choosing: only with consent,
        // remembered per kubeconfig file and command line.
        QString commandLine = QString::fromStdString(exec->command);
        for (const auto &a : exec->args)
            commandLine += QLatin1Char(' ') + QString::fromStdString(a);
        const QString key = QStringLiteral("execConsent/") +
                            QString::fromStdString(selection->user.sourceFile) + QLatin1Char('|') +
                            commandLine;
        QSettings settings;
        if (!settings.value(key).toBool()) {
            if (QMessageBox::question(
                    this, tr("Run a credential plugin?"),
                    tr("To log in as \"%1\", the kubeconfig asks to run this program:\n\n%2\n\n"
                       "Run it now (and for this kubeconfig from now on)?")
                        .arg(QString::fromStdString(selection->user.name), commandLine)) !=
                QMessageBox::Yes)
                return;
            settings.setValue(key, true);
        }
    }
    // Results stream in: the workspace switches to the cluster once its version is known,
    // and each list page is evaluated as it arrives.
    // The checklist's kinds (Secrets as metadata only) are read when that rule set is on.
    auto clientOptions = m_cluster->clientOptions();
    clientOptions.checklistKinds = m_workspace->options().checklist;
    m_cluster->setClientOptions(clientOptions);
    m_cluster->start(*selection, kubeconfig);
    showBusy();
    m_progress->setRange(0, 0);
    statusBar()->showMessage(
        tr("Reading %1…")
            .arg(QString::fromStdString(Cluster::redactedServer(selection->cluster.server))));
}

void MainWindow::showBusy()
{
    const bool busy = m_workspace->isBusy() || m_cluster->isReading();
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
}

void MainWindow::cancelClusterRead()
{
    m_cluster->cancel(); // the pages read so far stay
}

void MainWindow::clusterVersionKnown(const std::string &version, const Cluster::Selection &sel)
{
    m_sync->setStartNamespace(QString::fromStdString(sel.context.namespaceName));
    closeDocuments();
    m_workspace->openTexts({});
    m_documents->growToWorkspace();
    // The server's version is offered as the policy version.
    const QString server = QString::fromStdString(version);
    const QString minor = server.section(QLatin1Char('.'), 0, 1);
    const int index = m_version->findData(minor);
    if (index >= 0)
        m_version->setCurrentIndex(index);
    QString title =
        tr("PodSec Explorer — %1 (%2, Kubernetes %3)")
            .arg(QString::fromStdString(sel.context.name),
                 QString::fromStdString(Cluster::redactedServer(sel.cluster.server)), server);
    if (sel.cluster.insecureSkipTlsVerify)
        title += QStringLiteral(" — ") + tr("TLS verification OFF");
    if (m_cluster->sendsCredentialsInClear(sel))
        title += QStringLiteral(" — ") + tr("CREDENTIALS SENT UNENCRYPTED (http)");
    setWindowTitle(title);
    updateFixActions();
}

void MainWindow::clusterPageArrived(const std::string &name,
                                    const Cluster::ApiClient::PageText &text)
{
    const auto replaced = m_workspace->appendTexts({{name, text}});
    m_documents->growToWorkspace();
    for (int file : replaced) // a list that restarted after 410 Gone sends its pages again
        m_sync->reloadText(file, QString::fromStdString(*text));
    statusBar()->showMessage(
        tr("Reading %1… %n list page(s) so far", nullptr, int(m_workspace->paths().size()))
            .arg(m_cluster->context()));
}

void MainWindow::clusterReadFinished(const Cluster::ApiClient::Snapshot &snapshot)
{
    showBusy();
    if (snapshot.serverVersion.empty() && snapshot.cancelled) {
        statusBar()->clearMessage(); // the user cancelled: nothing to explain
        return;
    }
    if (snapshot.serverVersion.empty()) {
        QStringList problems;
        for (const auto &p : snapshot.problems)
            problems << QString::fromStdString(p);
        QMessageBox::warning(this, tr("Cannot read the cluster"), problems.join(QLatin1Char('\n')));
        return;
    }
    // The streamed pages normally are the final ones; a list that failed half-way or
    // restarted with fewer pages is put right by opening the final set.
    QStringList finalNames;
    for (const auto &d : snapshot.documents)
        finalNames << QString::fromStdString(d.first);
    if (finalNames != m_workspace->paths()) {
        closeDocuments();
        m_workspace->openTexts(snapshot.documents);
        m_documents->growToWorkspace();
    }
    const QString server = QString::fromStdString(snapshot.serverVersion);
    QString message =
        tr("Read %n list page(s) from Kubernetes %1", nullptr, int(snapshot.documents.size()))
            .arg(server);
    const QString minor = server.section(QLatin1Char('.'), 0, 1);
    if (m_version->currentData().toString() == minor)
        message += QStringLiteral(" · ") + tr("policy version set to %1").arg(minor);
    for (const auto &p : snapshot.problems)
        message += QStringLiteral(" · ") + QString::fromStdString(p);
    statusBar()->showMessage(message, 20000);
    Q_EMIT clusterReadEnded();
}

void MainWindow::closeDocuments()
{
    m_sync->detach(); // the editor lets go of the documents before they are deleted
    m_documents->clear();
}

void MainWindow::openPaths(const QStringList &paths)
{
    // Files replace a cluster still being read: stop it, and drop its late pages.
    m_cluster->stop();
    m_sync->setStartNamespace({});
    closeDocuments();
    Render::Options render = m_workspace->renderOptions();
    render.kustomizeCommand = Render::splitCommand(
        QSettings().value(QStringLiteral("render/kustomizeCommand")).toString().toStdString());
    render.helmValues.clear();
    for (const QString &v : QSettings().value(QStringLiteral("render/helmValues")).toStringList())
        render.helmValues.push_back(QFile::encodeName(v).toStdString());
    m_workspace->setRenderOptions(render);
    m_workspace->open(paths);
    m_documents->growToWorkspace();
    m_documents->watchWorkspaceFiles();
    addRecent(paths);
    m_recovery->offerRecovery(); // edits a crashed window left for these files
    // The workspace's name, then the modified mark right after it (Qt's [*]), then the
    // application: "workspace[*] — PodSec Explorer". Several paths (a reload opens the
    // folder's files) are named by the folder that holds them all.
    QString name = paths.size() == 1 ? QFileInfo(paths.first()).fileName() : QString();
    if (paths.size() > 1) {
        QString common = QFileInfo(paths.first()).absolutePath();
        for (const QString &p : paths) {
            while (!common.isEmpty() &&
                   !QFileInfo(p).absoluteFilePath().startsWith(common + QLatin1Char('/')))
                common = QFileInfo(common).path() == common ? QString() : QFileInfo(common).path();
        }
        name = QFileInfo(common).fileName().isEmpty() ? tr("%n files", nullptr, int(paths.size()))
                                                      : QFileInfo(common).fileName();
    }
    setWindowTitle(tr("%1[*] — PodSec Explorer").arg(name));
    updateFixActions();
}

bool MainWindow::loadAdmissionConfig(const QString &path)
{
    // Bounded as every user file the window reads (core/common/fileinput.h).
    std::string text, readError;
    if (!readBoundedFile(QFile::encodeName(path).toStdString(), m_workspace->maxFileSize(), text,
                         readError)) {
        QMessageBox::warning(this, tr("Admission configuration"),
                             tr("Cannot read %1: %2").arg(path, QString::fromStdString(readError)));
        return false;
    }
    std::vector<Diagnostic> errors;
    const auto config = Admission::parseAdmissionConfig(text, errors);
    if (!config) {
        QStringList lines;
        for (const auto &e : errors)
            lines << QStringLiteral("%1:%2:%3: %4")
                         .arg(path)
                         .arg(e.line)
                         .arg(e.column)
                         .arg(QString::fromStdString(e.message));
        QMessageBox::warning(
            this, tr("Admission configuration"),
            tr("The configuration was not loaded:\n%1").arg(lines.join(QLatin1Char('\n'))));
        return false;
    }
    SnapshotOptions options = m_workspace->options();
    options.admissionConfig = *config;
    m_workspace->setOptions(options);
    statusBar()->showMessage(tr("Admission configuration loaded: %1").arg(path), 8000);
    return true;
}

void MainWindow::applySnapshot(const std::shared_ptr<const WorkspaceSnapshot> &snapshot)
{
    const bool first = !m_model->snapshot() || m_model->rowCount() == 0;
    QElapsedTimer timing;
    timing.start();
    m_sync->setApplying(true);
    m_model->setSnapshot(snapshot);
    const qint64 tTree = timing.elapsed();
    m_problems->setSnapshot(snapshot);
    m_access->setResult(snapshot ? snapshot->access : nullptr);
    const qint64 tModel = timing.elapsed();
    m_filter->refilter();
    updateFilterCount();
    if (first) {
        fitColumns();
        // Namespaces open, workloads closed: the overview a class starts from.
        for (int r = 0; r < m_filter->rowCount(); ++r)
            m_tree->expand(m_filter->index(r, 0));
    }
    m_sync->pickStartRow();
    const qint64 tExpand = timing.elapsed();
    m_sync->updateEditorFindings();
    const qint64 tFindings = timing.elapsed();
    updateStatus();
    m_sync->setApplying(false);
    m_sync->refreshCurrentRow();
    if (qEnvironmentVariableIsSet("PODSEC_TIMING"))
        qInfo("applySnapshot: tree %lld ms, +problems/access %lld, +expand %lld, +findings %lld, "
              "+status/selection %lld",
              tTree, tModel, tExpand, tFindings, timing.elapsed());
    Q_EMIT snapshotApplied();
}

bool MainWindow::openAccessSource(const QString &path, int line, int column, bool focus)
{
    const auto snapshot = m_model->snapshot();
    for (std::size_t i = 0; snapshot && i < snapshot->files.size(); ++i) {
        if (QString::fromStdString(snapshot->files[i].path) == path)
            return m_sync->showPlace(int(i), line, column, 0, focus);
    }
    return false;
}

void MainWindow::updateStatus()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot) {
        m_counts->setText(tr("No workspace open"));
        m_problemsButton->setVisible(false);
        return;
    }
    int failBaseline = 0, failRestricted = 0, rejected = 0, controllers = 0;
    for (const auto &w : snapshot->workloads) {
        failBaseline += w.verdicts[int(Column::Baseline)] == Verdict::Fail;
        failRestricted += w.verdicts[int(Column::Restricted)] == Verdict::Fail;
        rejected += w.verdicts[int(Column::Enforce)] == Verdict::Fail;
        controllers += w.verdicts[int(Column::Enforce)] == Verdict::PodsRejected;
    }
    const int dirty = m_documents->dirtyCount();
    QString text =
        tr("%n namespace(s)", nullptr, int(snapshot->namespaces.size())) + QStringLiteral(" · ") +
        tr("%n workload(s)", nullptr, int(snapshot->workloads.size())) + QStringLiteral(" · ") +
        tr("%1 fail baseline, %2 fail restricted at %3")
            .arg(failBaseline)
            .arg(failRestricted)
            .arg(QString::fromStdString(snapshot->version.toString())) +
        QStringLiteral(" · ") + tr("%n pod(s) rejected by enforce", nullptr, rejected);
    if (controllers > 0)
        text += QStringLiteral(" · ") +
                tr("%n controller(s) whose pods enforce rejects", nullptr, controllers);
    // Problems: a button that opens the Problems panel.
    const int errors = m_problems->model()->errorCount();
    const int warnings = m_problems->model()->warningCount();
    QStringList problems;
    if (errors)
        problems << tr("%n file problem(s)", nullptr, errors);
    if (warnings)
        problems << tr("%n warning(s)", nullptr, warnings);
    m_problemsButton->setText(problems.join(QStringLiteral(" · ")));
    m_problemsButton->setIcon(style()->standardIcon(errors ? QStyle::SP_MessageBoxCritical
                                                           : QStyle::SP_MessageBoxWarning));
    m_problemsButton->setToolTip(tr("Show the Problems panel"));
    m_problemsButton->setVisible(!problems.isEmpty());
    if (dirty)
        text += QStringLiteral(" · ") + tr("%n unsaved file(s)", nullptr, dirty);
    setWindowModified(dirty > 0);
    m_counts->setText(text);
}

void MainWindow::openProblem(const FileProblem &problem, bool focus)
{
    const auto snapshot = m_model->snapshot();
    const int file = problem.file;
    if (snapshot && file >= 0 && m_workspace->readError(file).isEmpty() &&
        m_sync->showPlace(file, int(problem.diagnostic.line), int(problem.diagnostic.column),
                          problem.diagnostic.offset, focus))
        return;
    // Nothing to show in the editor: say why (a click in the status bar; Enter or a
    // double-click in a message box, one at a time).
    const QString path =
        snapshot ? QString::fromStdString(snapshot->problemPath(problem)) : QString();
    const QString text = tr("%1 cannot be opened in the editor:\n%2")
                             .arg(path, QString::fromStdString(problem.diagnostic.message));
    if (!focus) {
        statusBar()->showMessage(QString(text).replace(QLatin1Char('\n'), QLatin1Char(' ')), 15000);
        return;
    }
    auto *box = findChild<QMessageBox *>(QStringLiteral("problemMessage"));
    if (!box) {
        box = new QMessageBox(QMessageBox::Warning, QString(), QString(), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("problemMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
    }
    box->setWindowTitle(tr("Cannot open %1").arg(path));
    box->setText(text);
    box->open();
}

bool MainWindow::writeFile(int file, const QString &path)
{
    QString error;
    return m_documents->write(file, path, &error) || reportSaveError(path, error);
}

bool MainWindow::saveFile(int file)
{
    QString error;
    const QString path = m_workspace->paths().value(file);
    const bool edited = m_documents->isDirty(file);
    if (!m_documents->save(file, &error))
        return reportSaveError(path, error);
    updateStatus();
    statusBar()->showMessage(
        edited ? tr("Saved %1").arg(path) : tr("%1 has no unsaved edits").arg(path), 8000);
    return true;
}

bool MainWindow::reportSaveError(const QString &path, const QString &error)
{
    if (m_quietSaveErrors)
        statusBar()->showMessage(tr("Could not save %1: %2").arg(path, error), 8000);
    else
        QMessageBox::warning(
            this, tr("Save failed"),
            tr("Could not save %1: %2\nThe file on disk is unchanged.").arg(path, error));
    return false;
}

bool MainWindow::saveAll()
{
    const std::vector<int> files = m_documents->dirtyFiles();
    QStringList saved;
    bool ok = true;
    for (int file : files) {
        if (saveFile(file))
            saved << QFileInfo(m_workspace->paths().value(file)).fileName();
        else
            ok = false;
    }
    if (files.empty())
        statusBar()->showMessage(tr("No file has unsaved edits"), 8000);
    else if (ok && saved.size() > 1)
        statusBar()->showMessage(tr("Saved %n file(s): %1", nullptr, int(saved.size()))
                                     .arg(saved.join(QStringLiteral(", "))),
                                 8000);
    return ok;
}

void MainWindow::whatIf()
{
    m_fixes->whatIf(m_model->snapshot(), m_sync->currentNamespace());
}

void MainWindow::fixInteractive(FixScope scope)
{
    const WorkloadEntry *workload = m_sync->currentWorkload();
    const QModelIndex row = m_sync->currentSource();
    // A namespace's row (or one of its findings) fixes the namespace's checklist findings.
    const NamespaceEntry *ns =
        m_model->namespaceAt(row) ? m_model->namespaceAt(row) : m_model->findingNamespaceAt(row);
    m_fixes->fix(scope, m_model->snapshot(), workload, m_sync->currentField(),
                 workload ? workload->file : m_sync->currentFile(), workload ? nullptr : ns,
                 row.data(WorkloadTreeModel::RuleIdRole).toString());
}

void MainWindow::renderAgain()
{
    if (m_workspace->roots().isEmpty() || m_workspace->isReadOnly())
        return;
    if (confirmDiscard())
        openPaths(m_workspace->roots());
    else
        statusBar()->showMessage(tr("The new setting applies at the next Reload"), 8000);
}

bool MainWindow::confirmDiscard()
{
    const int dirty = m_documents->dirtyCount();
    if (!dirty)
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved edits"),
        tr("%n file(s) have unsaved edits. Save them first?", nullptr, dirty),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        for (int file : m_documents->dirtyFiles()) {
            if (!saveFile(file))
                return false;
        }
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (confirmDiscard()) {
        m_recovery->forgetAll(); // saved, or knowingly discarded
        event->accept();
    } else
        event->ignore();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty() && confirmDiscard())
        openPaths(paths);
}

} // namespace PodSec::Ui
