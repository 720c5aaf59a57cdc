// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "connectdialog.h"
#include "detailspane.h"
#include "editor/codeeditor.h"
#include "editor/highlighting.h"
#include "fixpreviewdialog.h"
#include "models/badgeproxymodel.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "namespacechipdelegate.h"
#include "whatifdialog.h"

#include "engine/buildinfo.h"
#include "fix/fixplanner.h"
#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextDocumentLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyleFactory>
#include <QSyntaxHighlighter>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <set>
#include <tuple>

#include <functional>

namespace PodSec::Ui {

namespace {

/// Above this size the editor shows a file without syntax colouring: highlighting a
/// whole multi-megabyte stream would stall the window.
constexpr int LargeFileBytes = 2 * 1024 * 1024;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_workspace(new Workspace(this)), m_model(new WorkloadTreeModel(this)),
      m_badges(new BadgeProxyModel(this)), m_filter(new WorkloadFilterProxyModel(this)),
      m_tree(new QTreeView), m_details(new DetailsPane), m_editor(new CodeEditor),
      m_fileLabel(new QLabel), m_watcher(new QFileSystemWatcher(this)),
      m_editTimer(new QTimer(this))
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
    m_tree->setItemDelegateForColumn(WorkloadTreeModel::NameColumn,
                                     new NamespaceChipDelegate(m_tree));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(WorkloadTreeModel::NameColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(WorkloadTreeModel::NameColumn, 320);
    m_tree->setColumnWidth(WorkloadTreeModel::ValueColumn, 130);
    for (int c = WorkloadTreeModel::BaselineColumn; c < WorkloadTreeModel::ColumnCountValue; ++c)
        m_tree->setColumnWidth(c, 100);
    m_tree->setAccessibleName(tr("Namespaces and workloads"));

    auto *editorPane = new QWidget;
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

    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_tree);
    left->addWidget(m_details);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(left);
    main->addWidget(editorPane);
    main->setStretchFactor(0, 7);
    main->setStretchFactor(1, 3);
    setCentralWidget(main);

    createPolicyBar();
    createActions();

    m_counts = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setVisible(false);
    statusBar()->addWidget(m_counts, 1);
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
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onTreeSelection);
    // A reset (large re-evaluations) keeps what the user had open and selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_savedExpanded.clear();
        std::function<void(const QModelIndex &)> save = [&](const QModelIndex &parent) {
            for (int r = 0; r < m_filter->rowCount(parent); ++r) {
                const QModelIndex i = m_filter->index(r, 0, parent);
                if (!m_tree->isExpanded(i))
                    continue;
                m_savedExpanded.insert(i.data(WorkloadTreeModel::KeyRole).toString());
                save(i);
            }
        };
        save({});
        m_savedCurrent = m_tree->currentIndex().data(WorkloadTreeModel::KeyRole).toString();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_savedExpanded.isEmpty() && m_savedCurrent.isEmpty())
            return;
        std::function<void(const QModelIndex &)> restore = [&](const QModelIndex &parent) {
            for (int r = 0; r < m_filter->rowCount(parent); ++r) {
                const QModelIndex i = m_filter->index(r, 0, parent);
                if (m_savedExpanded.contains(i.data(WorkloadTreeModel::KeyRole).toString())) {
                    m_tree->expand(i);
                    restore(i);
                }
            }
        };
        restore({});
        if (!m_savedCurrent.isEmpty())
            selectKey(m_savedCurrent);
    });
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &MainWindow::onEditorCursor);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::fileChangedOnDisk);
    m_editTimer->setSingleShot(true);
    m_editTimer->setInterval(400);
    connect(m_editTimer, &QTimer::timeout, this, [this] {
        const QSet<int> files = std::exchange(m_editedFiles, {});
        for (int file : files) {
            if (file >= 0 && file < int(m_documents.size()) && m_documents[std::size_t(file)])
                m_workspace->setFileText(file, m_documents[std::size_t(file)]->toPlainText());
        }
    });

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

MainWindow::~MainWindow() = default;

void MainWindow::fitColumns()
{
    // Badge columns fit their longest word (in the current language and font) plus icon.
    const QFontMetrics fm(m_tree->font());
    int badge = fm.horizontalAdvance(
        m_model->headerData(WorkloadTreeModel::RestrictedColumn, Qt::Horizontal, Qt::DisplayRole)
            .toString());
    for (int v = 0; v <= int(Verdict::Exempt); ++v) {
        for (int c = WorkloadTreeModel::BaselineColumn; c < WorkloadTreeModel::ColumnCountValue;
             ++c)
            badge = qMax(badge, fm.horizontalAdvance(BadgeProxyModel::verdictText(Verdict(v), c)));
    }
    badge += fm.height() + 24; // icon and margins
    for (int c = WorkloadTreeModel::BaselineColumn; c < WorkloadTreeModel::ColumnCountValue; ++c)
        m_tree->setColumnWidth(c, badge);
    // The name column fits the widest namespace with its chips, within reason.
    int name = 300;
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        const QModelIndex i = m_filter->index(r, 0);
        QFont bold = m_tree->font();
        bold.setBold(true);
        QFont small = m_tree->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        int w = 40 + QFontMetrics(bold).horizontalAdvance(i.data().toString()) + 10;
        for (const QString &chip : i.data(WorkloadTreeModel::ChipsRole).toStringList())
            w += QFontMetrics(small).horizontalAdvance(chip) + 18;
        name = qMax(name, w);
    }
    m_tree->setColumnWidth(WorkloadTreeModel::NameColumn, qMin(name, 420));
}

void MainWindow::createPolicyBar()
{
    auto *bar = addToolBar(tr("Policy"));
    bar->setObjectName(QStringLiteral("policyBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr("Version ")));
    m_version = new QComboBox;
    m_version->setAccessibleName(tr("Policy version"));
    m_version->addItem(tr("latest"), QStringLiteral("latest"));
    for (int v = Policy::NewestMinor; v >= 0; --v)
        m_version->addItem(QStringLiteral("v1.%1").arg(v), QStringLiteral("v1.%1").arg(v));
    bar->addWidget(m_version);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Namespaces ")));
    m_level = new QComboBox;
    m_level->setAccessibleName(tr("Namespace policy"));
    m_level->addItem(tr("as labelled"), QString());
    m_level->addItem(tr("all privileged"), QStringLiteral("privileged"));
    m_level->addItem(tr("all baseline"), QStringLiteral("baseline"));
    m_level->addItem(tr("all restricted"), QStringLiteral("restricted"));
    bar->addWidget(m_level);
    bar->addSeparator();
    m_filterEdit = new QLineEdit;
    m_filterEdit->setPlaceholderText(tr("Filter names, paths, reasons…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(280);
    m_filterEdit->setAccessibleName(tr("Filter"));
    bar->addWidget(m_filterEdit);
    m_onlyFailing = new QCheckBox(tr("Only failing"));
    bar->addWidget(m_onlyFailing);

    connect(m_version, &QComboBox::currentIndexChanged, this, &MainWindow::applyOptions);
    connect(m_level, &QComboBox::currentIndexChanged, this, &MainWindow::applyOptions);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        if (!text.isEmpty()) {
            // Show the matching fields when few workloads match; expanding a huge
            // result on every keystroke would make typing sluggish.
            int shown = 0;
            for (int r = 0; r < m_filter->rowCount(); ++r)
                shown += m_filter->rowCount(m_filter->index(r, 0));
            if (shown <= 50)
                m_tree->expandAll();
        }
        updateStatus();
    });
    connect(m_onlyFailing, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setOnlyFailing(on);
        updateStatus();
    });
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openFile = file->addAction(tr("&Open File…"), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Open manifests"), QString(),
            tr("Kubernetes manifests (*.yaml *.yml *.json);;All files (*)"));
        if (!files.isEmpty())
            openPaths(files);
    });
    openFile->setShortcut(QKeySequence::Open);
    QAction *openFolder = file->addAction(tr("Open &Folder…"), this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Open a folder of manifests"));
        if (!dir.isEmpty())
            openPaths({dir});
    });
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addAction(tr("Connect to &Cluster…"), this, [this] {
        ConnectDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted && !dialog.selectedContext().isEmpty())
            connectToCluster(dialog.kubeconfigPath().contains(QLatin1Char(':'))
                                 ? QString()
                                 : dialog.kubeconfigPath(),
                             dialog.selectedContext());
    });
    file->addSeparator();
    file->addAction(tr("Load &Admission Configuration…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Load a PodSecurityConfiguration or AdmissionConfiguration"), QString(),
            tr("YAML files (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            loadAdmissionConfig(path);
    });
    file->addAction(tr("Default &Namespace…"), this, [this] {
        bool ok = false;
        const QString ns = QInputDialog::getText(
            this, tr("Default namespace"), tr("Objects that name no namespace are placed in:"),
            QLineEdit::Normal, QString::fromStdString(m_workspace->options().defaultNamespace),
            &ok);
        if (ok && !ns.trimmed().isEmpty()) {
            SnapshotOptions options = m_workspace->options();
            options.defaultNamespace = ns.trimmed().toStdString();
            m_workspace->setOptions(options);
        }
    });
    file->addSeparator();
    QAction *save = file->addAction(tr("&Save"), this, [this] {
        if (m_currentFile >= 0)
            saveFile(m_currentFile);
    });
    save->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save a &Copy As…"), this, [this] {
        if (m_currentFile < 0 || !documentFor(m_currentFile))
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save a copy"), m_workspace->paths().value(m_currentFile),
            tr("Kubernetes manifests (*.yaml *.yml *.json);;All files (*)"));
        if (!path.isEmpty())
            writeFile(m_currentFile, path);
    });
    QAction *saveAllAction = file->addAction(tr("Save A&ll"), this, [this] { saveAll(); });
    saveAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *reload = file->addAction(tr("&Reload"), this, [this] {
        if (m_workspace->isReadOnly() && !m_clusterContext.isEmpty())
            connectToCluster(m_clusterKubeconfig, m_clusterContext); // Refresh
        else if (confirmDiscard())
            openPaths(m_workspace->paths());
    });
    reload->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *fix = menuBar()->addMenu(tr("F&ix"));
    m_fixField = fix->addAction(tr("&Fix Selected Finding…"), this,
                                [this] { fixInteractive(FixScope::Field); });
    m_fixField->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_fixWorkload = fix->addAction(tr("Make &Workload Restricted…"), this,
                                   [this] { fixInteractive(FixScope::Workload); });
    fix->addAction(tr("Make F&ile Restricted…"), this, [this] { fixInteractive(FixScope::File); });
    fix->addAction(tr("Make Workspace &Restricted…"), this,
                   [this] { fixInteractive(FixScope::Workspace); });
    fix->addSeparator();
    fix->addAction(tr("Namespace &What-If…"), this, [this] { whatIf(); });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this, fix](const QPoint &pos) {
        if (m_tree->indexAt(pos).isValid())
            fix->exec(m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_editor, &CodeEditor::fixRequested, this, [this](int line) {
        m_editor->goToLine(line);
        selectRowAtLine(line, true);
        fixInteractive(FixScope::Field);
    });
    connect(m_details, &DetailsPane::fixRequested, this, [this] {
        const QModelIndex source =
            m_badges->mapToSource(m_filter->mapToSource(m_tree->currentIndex()));
        fixInteractive(m_model->workloadAt(source) ? FixScope::Workload : FixScope::Field);
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] { zoom(1); });
    zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [this] { zoom(-1); });
    zoomOut->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    QAction *zoomReset = view->addAction(tr("&Reset Zoom"), this, [this] { zoom(0); });
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    QAction *dark = view->addAction(tr("&Dark Palette"));
    dark->setCheckable(true);
    connect(dark, &QAction::toggled, this, &MainWindow::setDark);
    view->addSeparator();
    view->addAction(tr("&Expand All"), m_tree, &QTreeView::expandAll);
    view->addAction(tr("&Collapse All"), m_tree, &QTreeView::collapseAll);
    QAction *focusFilter = view->addAction(tr("&Filter"), this, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    focusFilter->setShortcut(QKeySequence::Find);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PodSec Explorer"), this, [this] {
        const auto info = PodSec::buildInfo(highlighterName());
        QString components;
        for (const auto &c : info.components)
            components += QStringLiteral("<li>%1 %2 (%3)</li>")
                              .arg(QString::fromStdString(c.name).toHtmlEscaped(),
                                   QString::fromStdString(c.version).toHtmlEscaped(),
                                   QString::fromStdString(c.licence));
        QMessageBox::about(
            this, tr("About PodSec Explorer"),
            tr("<h3>PodSec Explorer %1</h3><p>Evaluates Kubernetes workloads against the Pod "
               "Security Standards exactly as kube-apiserver's Pod Security Admission "
               "does.</p><p>Policy versions: %2 and latest.</p><p>Syntax colouring: %3.</p>"
               "<p>Built with:</p><ul>%4</ul>")
                .arg(QString::fromStdString(info.version),
                     QString::fromStdString(info.policyVersions),
                     QString::fromLatin1(highlighterName()), components));
    });
}

void MainWindow::connectToCluster(const QString &kubeconfig, const QString &context)
{
    if (!confirmDiscard())
        return;
    const auto files =
        Cluster::kubeconfigFiles(kubeconfig.toStdString(), qgetenv("KUBECONFIG").toStdString(),
                                 QDir::homePath().toStdString());
    const auto config = Cluster::loadKubeconfig(files, !kubeconfig.isEmpty());
    std::string error;
    const auto selection = Cluster::select(config, context.toStdString(), error);
    if (!selection || !m_transportFactory) {
        QStringList problems;
        for (const auto &e : config.errors)
            problems << QString::fromStdString(e.text());
        problems << (m_transportFactory ? QString::fromStdString(error)
                                        : tr("This build cannot reach clusters."));
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
    m_clusterKubeconfig = kubeconfig;
    m_clusterContext = QString::fromStdString(selection->context.name);
    // Results stream in: the workspace switches to the cluster once its version is known,
    // and each list page is evaluated as it arrives. A newer connection (or Cancel) stops
    // this one; its late pages are dropped by the generation check.
    if (m_clusterCancel)
        m_clusterCancel->store(true);
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_clusterCancel = cancelled;
    const int generation = ++m_clusterGeneration;
    m_clusterReading = true;
    showBusy();
    m_progress->setRange(0, 0);
    statusBar()->showMessage(
        tr("Reading %1…").arg(QString::fromStdString(selection->cluster.server)));
    QPointer<MainWindow> self(this);
    auto post = [self, generation](std::function<void(MainWindow *)> what) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, what = std::move(what)] {
                if (self && self->m_clusterGeneration == generation)
                    what(self.data());
            },
            Qt::QueuedConnection);
    };
    auto *watcher = new QFutureWatcher<Cluster::ApiClient::Snapshot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_clusterGeneration)
            return;
        clusterReadFinished(watcher->result());
    });
    const TransportFactory factory = m_transportFactory;
    watcher->setFuture(QtConcurrent::run([factory, sel = *selection, cancelled, post] {
        std::string transportError;
        auto transport = factory(sel, transportError);
        if (!transport || !transportError.empty()) {
            Cluster::ApiClient::Snapshot failed;
            failed.problems.push_back(transportError);
            return failed;
        }
        Cluster::ApiClient::Options options;
        options.cancelled = [cancelled] {
            return cancelled->load();
        };
        Cluster::ApiClient client(sel, *transport, options);
        return client.readCluster(
            [post](const std::string &name, const std::string &json) {
                post([name, json](MainWindow *w) { w->clusterPageArrived(name, json); });
            },
            [post, sel](const std::string &version) {
                post([version, sel](MainWindow *w) { w->clusterVersionKnown(version, sel); });
            });
    }));
}

void MainWindow::showBusy()
{
    const bool busy = m_workspace->isBusy() || m_clusterReading;
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
}

void MainWindow::cancelClusterRead()
{
    if (m_clusterCancel)
        m_clusterCancel->store(true); // the pages read so far stay
}

void MainWindow::growDocumentSlots()
{
    const auto n = std::size_t(m_workspace->paths().size());
    m_documents.resize(n, nullptr);
    m_dirty.resize(n, false);
    m_crlf.resize(n, false);
    m_bom.resize(n, false);
}

void MainWindow::clusterVersionKnown(const std::string &version, const Cluster::Selection &sel)
{
    m_clusterNamespace = QString::fromStdString(sel.context.namespaceName);
    closeDocuments();
    m_workspace->openTexts({});
    growDocumentSlots();
    // The server's version is offered as the policy version.
    const QString server = QString::fromStdString(version);
    const QString minor = server.section(QLatin1Char('.'), 0, 1);
    const int index = m_version->findData(minor);
    if (index >= 0)
        m_version->setCurrentIndex(index);
    QString title = tr("PodSec Explorer — %1 (%2, Kubernetes %3)")
                        .arg(QString::fromStdString(sel.context.name),
                             QString::fromStdString(sel.cluster.server), server);
    if (sel.cluster.insecureSkipTlsVerify)
        title += QStringLiteral(" — ") + tr("TLS verification OFF");
    setWindowTitle(title);
}

void MainWindow::clusterPageArrived(const std::string &name, const std::string &json)
{
    const auto replaced = m_workspace->appendTexts({{name, json}});
    growDocumentSlots();
    for (int file : replaced) {
        // A list that restarted after 410 Gone sends its pages again.
        if (auto *doc = m_documents[std::size_t(file)]) {
            m_syncing = true;
            doc->setPlainText(QString::fromStdString(json));
            m_syncing = false;
        }
    }
    statusBar()->showMessage(
        tr("Reading %1… %n list page(s) so far", nullptr, int(m_workspace->paths().size()))
            .arg(m_clusterContext));
}

void MainWindow::clusterReadFinished(const Cluster::ApiClient::Snapshot &snapshot)
{
    m_clusterReading = false;
    m_clusterCancel.reset();
    showBusy();
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
        growDocumentSlots();
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
    m_pickStartRow = true;
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    // Detach the editor before deleting the documents it may be showing.
    m_syncing = true;
    m_editor->setDocument(nullptr);
    m_syncing = false;
    m_editor->setLineOffset(0);
    m_editor->setFindings({});
    for (auto *d : m_documents)
        delete d;
    m_documents.clear();
    delete m_excerpt;
    m_excerpt = nullptr;
    m_excerptKey.clear();
    m_dirty.clear();
    m_crlf.clear();
    m_bom.clear();
    m_currentFile = -1;
    m_editor->setReadOnly(true);
    m_fileLabel->clear();
}

void MainWindow::openPaths(const QStringList &paths)
{
    // Files replace a cluster still being read: stop it, and drop its late pages.
    if (m_clusterCancel)
        m_clusterCancel->store(true);
    m_clusterCancel.reset();
    ++m_clusterGeneration;
    m_clusterReading = false;
    m_clusterNamespace.clear();
    closeDocuments();
    m_workspace->open(paths);
    const auto &files = m_workspace->paths();
    m_documents.resize(std::size_t(files.size()), nullptr);
    m_dirty.assign(std::size_t(files.size()), false);
    m_crlf.assign(std::size_t(files.size()), false);
    m_bom.assign(std::size_t(files.size()), false);
    if (!files.isEmpty())
        m_watcher->addPaths(files);
    for (const QString &e : m_workspace->errors())
        statusBar()->showMessage(e, 8000);
    addRecent(paths);
    setWindowTitle(tr("PodSec Explorer — %1[*]")
                       .arg(paths.size() == 1 ? QFileInfo(paths.first()).fileName()
                                              : tr("%n paths", nullptr, int(paths.size()))));
}

bool MainWindow::loadAdmissionConfig(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Admission configuration"),
                             tr("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    std::vector<Diagnostic> errors;
    const auto config = Admission::parseAdmissionConfig(f.readAll().toStdString(), errors);
    if (!config) {
        QStringList lines;
        for (const auto &e : errors)
            lines << QStringLiteral("%1:%2:%3: %4")
                         .arg(path)
                         .arg(e.line)
                         .arg(e.column)
                         .arg(q(e.message));
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

void MainWindow::applyOptions()
{
    SnapshotOptions options = m_workspace->options();
    options.version = *Policy::Version::parse(m_version->currentData().toString().toStdString());
    const QString level = m_level->currentData().toString();
    options.forcedLevel = level.isEmpty() ? std::nullopt : Policy::parseLevel(level.toStdString());
    m_workspace->setOptions(options);
}

void MainWindow::applySnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot)
{
    const bool first = !m_model->snapshot() || m_model->rowCount() == 0;
    QElapsedTimer timing;
    timing.start();
    m_model->setSnapshot(std::move(snapshot));
    const qint64 tModel = timing.elapsed();
    m_filter->refilter();
    if (first) {
        fitColumns();
        // Namespaces open, workloads closed: the overview a class starts from.
        for (int r = 0; r < m_filter->rowCount(); ++r)
            m_tree->expand(m_filter->index(r, 0));
    }
    // Like kubectl, a cluster starts in its context's namespace: it is opened once its row
    // exists (namespaces are read first), unless the user has already picked a row.
    const QModelIndex contextNamespace =
        m_clusterNamespace.isEmpty()
            ? QModelIndex()
            : m_filter->mapFromSource(m_badges->mapFromSource(
                  m_model->indexForKey(QStringLiteral("ns:") + m_clusterNamespace)));
    if (contextNamespace.isValid()) {
        if (!m_tree->currentIndex().isValid()) {
            m_tree->setCurrentIndex(contextNamespace);
            m_tree->expand(contextNamespace);
            m_tree->scrollTo(contextNamespace, QAbstractItemView::PositionAtTop);
        }
        m_clusterNamespace.clear();
    } else if (m_pickStartRow && !m_tree->currentIndex().isValid()) {
        // Start on the first workload so the editor and details are not empty (with a
        // cluster, once the first workload has arrived). Only once per workspace: a row
        // that goes away later (an edit) does not make the window jump.
        for (int r = 0; r < m_filter->rowCount() && m_pickStartRow; ++r) {
            const QModelIndex ns = m_filter->index(r, 0);
            if (m_filter->rowCount(ns) > 0) {
                m_tree->setCurrentIndex(m_filter->index(0, 0, ns));
                m_pickStartRow = false;
            }
        }
    }
    if (m_tree->currentIndex().isValid())
        m_pickStartRow = false;
    const qint64 tExpand = timing.elapsed();
    updateEditorFindings();
    const qint64 tFindings = timing.elapsed();
    updateStatus();
    onTreeSelection();
    if (qEnvironmentVariableIsSet("PODSEC_TIMING"))
        qInfo("applySnapshot: model %lld ms, +expand %lld, +findings %lld, +status/selection %lld",
              tModel, tExpand, tFindings, timing.elapsed());
    Q_EMIT snapshotApplied();
}

QTextDocument *MainWindow::documentFor(int file)
{
    if (file < 0 || file >= int(m_documents.size()))
        return nullptr;
    auto &doc = m_documents[std::size_t(file)];
    if (!doc) {
        QByteArray bytes = m_workspace->fileText(file);
        m_bom[std::size_t(file)] = bytes.startsWith("\xEF\xBB\xBF");
        if (m_bom[std::size_t(file)])
            bytes.remove(0, 3);
        m_crlf[std::size_t(file)] = bytes.contains("\r\n");
        doc = new QTextDocument(this);
        doc->setDocumentLayout(new QPlainTextDocumentLayout(doc));
        doc->setDefaultFont(m_editor->font());
        doc->setPlainText(QString::fromUtf8(bytes));
        doc->setModified(false);
        if (bytes.size() <= LargeFileBytes)
            createYamlHighlighter(doc, m_dark);
        connect(doc, &QTextDocument::contentsChange, this,
                [this, file](int, int removed, int added) {
                    if (m_syncing || (removed == 0 && added == 0))
                        return; // format-only changes (highlighting) are not edits
                    m_dirty[std::size_t(file)] = true;
                    m_editedFiles.insert(file);
                    scheduleEdit();
                    updateStatus();
                });
    }
    return doc;
}

void MainWindow::showFile(int file, const WorkloadEntry *workload)
{
    const std::string_view bytes = m_workspace->fileBytes(file);
    if (bytes.size() > std::size_t(LargeFileBytes) && workload) {
        // A large stream: show the selected object's lines only, read-only, so opening a
        // 30 MB file does not stall the window.
        const QString key =
            QString::number(file) + QLatin1Char('/') + QString::number(workload->offset);
        if (file == m_currentFile && m_excerptKey == key)
            return;
        std::size_t start = workload->offset;
        while (start > 0 && bytes[start - 1] != '\n')
            --start;
        std::size_t end = std::min<std::size_t>(workload->endOffset, bytes.size());
        while (end < bytes.size() && bytes[end] != '\n')
            ++end;
        auto *excerpt = new QTextDocument(this);
        excerpt->setDocumentLayout(new QPlainTextDocumentLayout(excerpt));
        excerpt->setDefaultFont(m_editor->font());
        excerpt->setPlainText(QString::fromUtf8(bytes.data() + start, qsizetype(end - start))
                                  .remove(QLatin1Char('\r')));
        createYamlHighlighter(excerpt, m_dark);
        m_syncing = true;
        m_editor->setDocument(excerpt);
        m_editor->setLineOffset(int(workload->line) - 1);
        m_syncing = false;
        delete m_excerpt;
        m_excerpt = excerpt;
        m_excerptKey = key;
        m_editor->setReadOnly(true);
        m_currentFile = file;
        m_fileLabel->setText(QStringLiteral("<b>%1</b> — %2")
                                 .arg(m_workspace->paths().value(file).toHtmlEscaped(),
                                      tr("large file (%1 MB): showing lines %2–%3, read-only")
                                          .arg(qulonglong(bytes.size() / (1024 * 1024)))
                                          .arg(workload->line)
                                          .arg(int(workload->line) + excerpt->blockCount() - 1)));
        updateEditorFindings();
        return;
    }
    if (file == m_currentFile && m_excerptKey.isEmpty())
        return;
    QTextDocument *doc = documentFor(file);
    if (!doc)
        return;
    m_syncing = true;
    m_editor->setDocument(doc);
    m_editor->setLineOffset(0);
    m_syncing = false;
    m_excerptKey.clear();
    m_editor->setReadOnly(m_workspace->isReadOnly());
    m_currentFile = file;
    QString label =
        QStringLiteral("<b>%1</b>").arg(m_workspace->paths().value(file).toHtmlEscaped());
    m_fileLabel->setText(label);
    updateEditorFindings();
}

void MainWindow::scheduleEdit()
{
    m_editTimer->start();
}

void MainWindow::updateEditorFindings()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot || m_currentFile < 0) {
        m_editor->setFindings({});
        return;
    }
    QVector<EditorFinding> findings;
    const int firstLine = m_editor->lineOffset() + 1;
    const int lastLine = m_editor->lineOffset() + m_editor->blockCount();
    for (const auto &w : snapshot->workloads) {
        if (w.file != m_currentFile)
            continue;
        auto add = [&](const FieldEntry &f) {
            if (int(f.line) < firstLine || int(f.line) > lastLine)
                return;
            bool fails = false;
            for (const auto v : f.verdicts)
                fails |= v == Verdict::Fail;
            if (!fails)
                return;
            EditorFinding e;
            e.line = int(f.line);
            e.column = int(f.column);
            e.byteLength = f.present ? int(f.endOffset - f.offset) : 1;
            QStringList reasons;
            for (const auto &c : f.checks) {
                if (c.allowed)
                    continue;
                for (const auto *ev : {&w.restricted, &w.baseline}) {
                    for (const auto &r : ev->results) {
                        const QString text =
                            QStringLiteral("%1: %2 (%3)")
                                .arg(q(std::string(r.id)), q(r.reason), q(r.detail));
                        if (r.id == c.checkId && !r.allowed && !reasons.contains(text))
                            reasons << text;
                    }
                }
            }
            e.fixable = f.fixable; // planned with the evaluation, off the GUI thread
            e.message = q(f.path) + QLatin1Char('\n') + reasons.join(QLatin1Char('\n'));
            if (e.fixable)
                e.message += QLatin1Char('\n') + tr("A fix is available: click the light bulb.");
            findings << e;
        };
        for (const auto &f : w.podFields)
            add(f);
        for (const auto &c : w.containers) {
            for (const auto &f : c.fields)
                add(f);
        }
    }
    m_editor->setFindings(findings);
}

void MainWindow::onTreeSelection()
{
    const QModelIndex proxyIndex = m_tree->currentIndex();
    const QModelIndex source = m_badges->mapToSource(m_filter->mapToSource(proxyIndex));
    m_details->showIndex(m_model, source, !m_workspace->isReadOnly());
    if (!source.isValid() || m_syncing)
        return;
    const int file = source.data(WorkloadTreeModel::FileIndexRole).toInt();
    if (file < 0)
        return;
    showFile(file, m_model->workloadAt(source));
    const int line = source.data(WorkloadTreeModel::LineRole).toInt();
    if (line > 0 && !m_editor->hasFocus()) {
        m_syncing = true;
        int column = 1;
        if (const auto *f = m_model->fieldAt(source))
            column = int(f->column);
        m_editor->goToLine(line, column);
        m_syncing = false;
    }
}

void MainWindow::onEditorCursor()
{
    if (m_syncing || !m_editor->hasFocus() || m_currentFile < 0)
        return;
    selectRowAtLine(m_editor->cursorLine(), false);
}

void MainWindow::selectRowAtLine(int line, bool failingFieldsToo)
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot)
        return;
    // The deepest row of this file on the line: a field, else its workload. Absent fields
    // sit on their nearest ancestor's line; they count when failingFieldsToo.
    QModelIndex best;
    std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            if (m_model->namespaceAt(i)) {
                visit(i);
                continue;
            }
            const auto *w = m_model->workloadAt(i);
            if (!w || w->file != m_currentFile)
                continue;
            if (const auto *f = m_model->fieldAt(i)) {
                if (int(f->line) == line &&
                    (f->present ||
                     (failingFieldsToo && i.data(WorkloadTreeModel::AnyFailRole).toBool())))
                    best = i;
            } else if (m_model->containerAt(i)) {
                visit(i);
            } else if (int(w->line) <= line) {
                best = i; // the last workload starting at or above the cursor
                visit(i);
            }
        }
    };
    visit({});
    if (!best.isValid())
        return;
    const QModelIndex proxy = m_filter->mapFromSource(m_badges->mapFromSource(best));
    if (!proxy.isValid())
        return;
    m_syncing = true;
    m_tree->setCurrentIndex(proxy);
    m_tree->scrollTo(proxy);
    m_syncing = false;
    m_details->showIndex(m_model, best, !m_workspace->isReadOnly());
}

bool MainWindow::selectKey(const QString &key)
{
    QModelIndex source = m_model->indexForKey(key);
    if (!source.isValid()) {
        // "namespace/name" or "namespace/name:field.path.suffix"
        const QString ns = key.section(QLatin1Char('/'), 0, 0);
        const QString rest = key.section(QLatin1Char('/'), 1);
        const QString name = rest.section(QLatin1Char(':'), 0, 0);
        const QString field = rest.section(QLatin1Char(':'), 1);
        std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
            for (int r = 0; r < m_model->rowCount(parent) && !source.isValid(); ++r) {
                const QModelIndex i = m_model->index(r, 0, parent);
                if (const auto *n = m_model->namespaceAt(i)) {
                    if (q(n->name) == ns)
                        visit(i);
                    continue;
                }
                const auto *w = m_model->workloadAt(i);
                if (w && q(w->name) != name && !m_model->fieldAt(i) && !m_model->containerAt(i))
                    visit(i); // workloads it owns
                if (!w || q(w->name) != name)
                    continue;
                if (const auto *f = m_model->fieldAt(i)) {
                    if (q(f->path).endsWith(field))
                        source = i;
                } else if (m_model->containerAt(i)) {
                    visit(i);
                } else if (field.isEmpty()) {
                    source = i;
                } else {
                    visit(i);
                }
            }
        };
        visit({});
    }
    if (!source.isValid())
        return false;
    const QModelIndex proxy = m_filter->mapFromSource(m_badges->mapFromSource(source));
    if (!proxy.isValid())
        return false;
    m_tree->setCurrentIndex(proxy);
    m_tree->scrollTo(proxy);
    return true;
}

void MainWindow::updateStatus()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot) {
        m_counts->setText(tr("No workspace open"));
        return;
    }
    int failBaseline = 0, failRestricted = 0, rejected = 0;
    for (const auto &w : snapshot->workloads) {
        failBaseline += w.verdicts[int(Column::Baseline)] == Verdict::Fail;
        failRestricted += w.verdicts[int(Column::Restricted)] == Verdict::Fail;
        rejected += w.verdicts[int(Column::Enforce)] == Verdict::Fail;
    }
    int dirty = 0;
    for (bool d : m_dirty)
        dirty += d;
    QString text =
        tr("%n namespace(s)", nullptr, int(snapshot->namespaces.size())) + QStringLiteral(" · ") +
        tr("%n workload(s)", nullptr, int(snapshot->workloads.size())) + QStringLiteral(" · ") +
        tr("%1 fail baseline, %2 fail restricted at %3")
            .arg(failBaseline)
            .arg(failRestricted)
            .arg(q(snapshot->version.toString())) +
        QStringLiteral(" · ") + tr("%n pod(s) rejected by enforce", nullptr, rejected);
    if (!snapshot->problems.empty())
        text += QStringLiteral(" · ") +
                tr("%n file problem(s)", nullptr, int(snapshot->problems.size()));
    if (dirty)
        text += QStringLiteral(" · ") + tr("%n unsaved file(s)", nullptr, dirty);
    setWindowModified(dirty > 0);
    m_counts->setText(text);
}

bool MainWindow::writeFile(int file, const QString &path)
{
    QTextDocument *doc =
        file >= 0 && file < int(m_documents.size()) ? m_documents[std::size_t(file)] : nullptr;
    if (!doc)
        return true;
    QString text = doc->toPlainText();
    if (m_crlf[std::size_t(file)])
        text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    QByteArray bytes = text.toUtf8();
    if (m_bom[std::size_t(file)])
        bytes.prepend("\xEF\xBB\xBF");
    const bool watched = m_watcher->files().contains(path);
    if (watched)
        m_watcher->removePath(path);
    // QSaveFile writes a temporary file and renames it over the original only when every
    // byte was written: a failed save leaves the file on disk as it was.
    QSaveFile out(path);
    const bool ok =
        out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit();
    if (watched)
        m_watcher->addPath(path);
    if (!ok) {
        const QString error = out.errorString();
        if (m_quietSaveErrors)
            statusBar()->showMessage(tr("Could not save %1: %2").arg(path, error), 8000);
        else
            QMessageBox::warning(
                this, tr("Save failed"),
                tr("Could not save %1: %2\nThe file on disk is unchanged.").arg(path, error));
        return false;
    }
    return true;
}

bool MainWindow::saveFile(int file)
{
    if (m_workspace->isReadOnly())
        return true; // a cluster is never written
    QTextDocument *doc =
        file >= 0 && file < int(m_documents.size()) ? m_documents[std::size_t(file)] : nullptr;
    if (!doc)
        return true;
    if (!writeFile(file, m_workspace->paths().value(file)))
        return false;
    m_dirty[std::size_t(file)] = false;
    doc->setModified(false);
    updateStatus();
    return true;
}

bool MainWindow::saveAll()
{
    bool ok = true;
    for (std::size_t i = 0; i < m_dirty.size(); ++i) {
        if (m_dirty[i])
            ok = saveFile(int(i)) && ok;
    }
    return ok;
}

void MainWindow::whatIf()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot)
        return;
    const QModelIndex source = m_badges->mapToSource(m_filter->mapToSource(m_tree->currentIndex()));
    const NamespaceEntry *ns = nullptr;
    for (QModelIndex i = source; i.isValid() && !ns; i = i.parent())
        ns = m_model->namespaceAt(i);
    if (!ns) {
        statusBar()->showMessage(tr("Select a namespace (or something in it) first."), 8000);
        return;
    }
    WhatIfDialog::Input input;
    input.ns = ns->name;
    input.currentLabels = ns->labels;
    for (int f = 0; f < int(m_workspace->paths().size()); ++f)
        input.texts.emplace_back(m_workspace->fileBytes(f));
    input.defaultNamespace = m_workspace->options().defaultNamespace;
    input.config = m_workspace->options().admissionConfig;
    // The strictest level every current workload meets, from the snapshot's verdicts.
    bool allRestricted = true, allBaseline = true;
    for (int w : ns->workloads) {
        const auto &entry = snapshot->workloads[std::size_t(w)];
        allRestricted &= entry.verdicts[int(Column::Restricted)] != Verdict::Fail;
        allBaseline &= entry.verdicts[int(Column::Baseline)] != Verdict::Fail;
    }
    input.strictestMet =
        QStringLiteral("%1:%2").arg(QLatin1String(allRestricted ? "restricted"
                                                  : allBaseline ? "baseline"
                                                                : "privileged"),
                                    QString::fromStdString(snapshot->version.toString()));
    WhatIfDialog dialog(std::move(input), this);
    dialog.exec();
}

void MainWindow::fixInteractive(FixScope scope)
{
    if (m_workspace->isReadOnly()) {
        statusBar()->showMessage(
            tr("This workspace is a cluster, which is only read. Fix the manifests it came from."),
            8000);
        return;
    }
    const auto snapshot = m_model->snapshot();
    if (!snapshot)
        return;
    const QModelIndex source = m_badges->mapToSource(m_filter->mapToSource(m_tree->currentIndex()));
    // The workload of the selected row (a field or container row belongs to one).
    const WorkloadEntry *workload = nullptr;
    for (QModelIndex i = source; i.isValid() && !workload; i = i.parent())
        workload = m_model->workloadAt(i);
    const FieldEntry *field = m_model->fieldAt(source);
    int file = workload ? workload->file : m_currentFile;
    if (scope != FixScope::Workspace && file < 0)
        return;
    if ((scope == FixScope::Field || scope == FixScope::Workload) && !workload)
        return;

    std::vector<FixTarget> targets;
    auto addTarget = [&](int f) -> FixTarget * {
        if (int(m_workspace->fileBytes(f).size()) > LargeFileBytes) {
            statusBar()->showMessage(tr("%1 is too large to fix in the window; use podsec fix")
                                         .arg(m_workspace->paths().value(f)),
                                     8000);
            return nullptr;
        }
        QTextDocument *doc = documentFor(f);
        if (!doc)
            return nullptr;
        QString text = doc->toPlainText();
        if (m_crlf[std::size_t(f)])
            text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
        FixTarget t;
        t.file = f;
        t.name = QFileInfo(m_workspace->paths().value(f)).fileName();
        t.text = text.toStdString();
        targets.push_back(std::move(t));
        return &targets.back();
    };
    if (scope == FixScope::Workspace) {
        for (int f = 0; f < int(m_documents.size()); ++f)
            addTarget(f);
    } else if (FixTarget *t = addTarget(file)) {
        if (scope != FixScope::File)
            t->options.object = std::pair{workload->document, workload->item};
        if (scope == FixScope::Field && field) {
            for (const auto &c : field->checks) {
                if (!c.allowed)
                    t->options.only.insert(std::string(c.checkId));
            }
            if (t->options.only.empty())
                return;
        }
    }
    if (targets.empty())
        return;
    const Policy::LevelVersion restricted{Policy::Level::Restricted, snapshot->version};
    FixPreviewDialog dialog(std::move(targets), restricted, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    for (const auto &r : dialog.results()) {
        QTextDocument *doc = documentFor(r.file);
        QString after = QString::fromStdString(r.after);
        after.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        const QString before = doc->toPlainText();
        // Only the changed middle is replaced, in one edit block: one undo step per file.
        qsizetype prefix = 0;
        while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
               before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
            ++suffix;
        QTextCursor cursor(doc);
        cursor.beginEditBlock();
        cursor.setPosition(int(prefix));
        cursor.setPosition(int(before.size() - suffix), QTextCursor::KeepAnchor);
        cursor.insertText(after.mid(prefix, after.size() - prefix - suffix));
        cursor.endEditBlock();
    }
    if (!dialog.results().empty())
        statusBar()->showMessage(
            tr("Applied fixes to %n file(s); not saved yet", nullptr, int(dialog.results().size())),
            8000);
}

bool MainWindow::confirmDiscard()
{
    int dirty = 0;
    for (bool d : m_dirty)
        dirty += d;
    if (!dirty)
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved edits"),
        tr("%n file(s) have unsaved edits. Save them first?", nullptr, dirty),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        for (std::size_t i = 0; i < m_dirty.size(); ++i) {
            if (m_dirty[i] && !saveFile(int(i)))
                return false;
        }
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (confirmDiscard())
        event->accept();
    else
        event->ignore();
}

void MainWindow::fileChangedOnDisk(const QString &path)
{
    const int file = int(m_workspace->paths().indexOf(path));
    if (file < 0)
        return;
    if (m_dirty[std::size_t(file)]) {
        const auto answer = QMessageBox::question(
            this, tr("File changed on disk"),
            tr("%1 changed on disk, and you have unsaved edits in it. Reload and lose your edits?")
                .arg(path),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    QTimer::singleShot(0, this, [this] { openPaths(m_workspace->paths()); });
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

void MainWindow::addRecent(const QStringList &paths)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentWorkspaces")).toStringList();
    const QString entry = paths.join(QLatin1Char('\n'));
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentWorkspaces"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentWorkspaces")).toStringList();
    for (const QString &entry : recent) {
        const QStringList paths = entry.split(QLatin1Char('\n'));
        m_recentMenu->addAction(paths.join(QStringLiteral(", ")), this, [this, paths] {
            if (confirmDiscard())
                openPaths(paths);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::setDark(bool dark)
{
    m_dark = dark;
    QPalette p;
    if (dark) {
        p = QPalette(QColor(0x2b, 0x2e, 0x33));
        p.setColor(QPalette::Window, QColor(0x2b, 0x2e, 0x33));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Base, QColor(0x1f, 0x22, 0x26));
        p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2e));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Button, QColor(0x33, 0x37, 0x3d));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x5f, 0xa8));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x37, 0x3d));
        p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
        p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    } else {
        p = QApplication::style()->standardPalette();
    }
    QApplication::setPalette(p);
    m_badges->setDarkPalette(dark);
    m_editor->setDark(dark);
    for (auto *doc : m_documents) {
        if (!doc)
            continue;
        for (auto *h : doc->findChildren<QSyntaxHighlighter *>())
            delete h;
        if (doc->characterCount() <= LargeFileBytes)
            createYamlHighlighter(doc, dark);
    }
}

void MainWindow::zoom(int steps)
{
    m_zoom = steps == 0 ? 0 : qBound(-4, m_zoom + steps, 12);
    QFont f = QApplication::font();
    f.setPointSizeF(m_baseFontSize * (1.0 + 0.1 * m_zoom));
    QApplication::setFont(f);
    QFont mono = m_editor->font();
    mono.setPointSizeF(f.pointSizeF());
    m_editor->setFont(mono);
    for (auto *doc : m_documents) {
        if (doc)
            doc->setDefaultFont(mono);
    }
    fitColumns();
}

} // namespace PodSec::Ui
