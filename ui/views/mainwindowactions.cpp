// SPDX-License-Identifier: Apache-2.0
// MainWindow's menus and policy bar, recent workspaces, theme and zoom, column widths.
#include "compareversionsdialog.h"
#include "connectdialog.h"
#include "controlscatalogue.h"
#include "detailspane.h"
#include "editor/codeeditor.h"
#include "editor/documentset.h"
#include "editor/highlighting.h"
#include "lessonspanel.h"
#include "mainwindow.h"
#include "models/badgeproxymodel.h"
#include "models/severitybadge.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "problemspanel.h"
#include "reportexport.h"

#include "selectionsync.h"
#include "treeheader.h"
#include "valuesfilesdialog.h"

#include "engine/buildinfo.h"
#include "policy/levelversion.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include <utility>

namespace PodSec::Ui {

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
    createRuleSetSelector(bar);
    bar->addSeparator();
    m_filterEdit = new QLineEdit;
    m_filterEdit->setPlaceholderText(tr("Filter names, paths, reasons…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(280);
    m_filterEdit->setAccessibleName(tr("Filter"));
    bar->addWidget(m_filterEdit);
    m_onlyFailing = new QCheckBox(tr("Only failing"));
    bar->addWidget(m_onlyFailing);
    m_filterCount = new QLabel;
    m_filterCount->setContentsMargins(6, 0, 6, 0);
    m_filterCount->setAccessibleName(tr("Rows the filter keeps"));
    bar->addWidget(m_filterCount);

    connect(m_version, &QComboBox::currentIndexChanged, this, &MainWindow::applyOptions);
    connect(m_level, &QComboBox::currentIndexChanged, this, &MainWindow::applyOptions);
    m_filterTyping = new QTimer(this);
    m_filterTyping->setSingleShot(true);
    m_filterTyping->setInterval(FilterTypingPause);
    connect(m_filterTyping, &QTimer::timeout, this, &MainWindow::applyPendingFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Typed (the user's change, not setText): on a large tree, filter once typing
        // pauses, so each key does not block the window.
        const auto snapshot = m_model->snapshot();
        const bool large = snapshot && int(snapshot->workloads.size()) >= m_filterTypingThreshold;
        if (large && m_filterEdit->isModified()) {
            m_filterTyping->start();
            return;
        }
        applyFilterText(text);
    });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &MainWindow::applyPendingFilter);
    connect(m_onlyFailing, &QCheckBox::toggled, this, [this](bool on) {
        applyPendingFilter();
        m_filter->setOnlyFailing(on);
        updateFilterCount();
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
    QAction *kustomize = file->addAction(tr("&Kustomize Command…"), this, [this] {
        // Kept in the settings; read by openPaths() (empty: kubectl kustomize, else
        // kustomize build, as podsec check --kustomize-command).
        QSettings settings;
        bool ok = false;
        const QString command = QInputDialog::getText(
            this, tr("Kustomize command"),
            tr("Render kustomizations with (empty: \"kubectl kustomize\" when kubectl is "
               "installed, else \"kustomize build\"):"),
            QLineEdit::Normal, settings.value(QStringLiteral("render/kustomizeCommand")).toString(),
            &ok);
        if (!ok)
            return;
        settings.setValue(QStringLiteral("render/kustomizeCommand"), command.trimmed());
        renderAgain();
    });
    kustomize->setObjectName(QStringLiteral("kustomizeCommandAction"));
    QAction *values = file->addAction(tr("Helm &Values Files…"), this, [this] {
        // Kept in the settings; read by openPaths() (as podsec check --values).
        QSettings settings;
        ValuesFilesDialog dialog(settings.value(QStringLiteral("render/helmValues")).toStringList(),
                                 this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        settings.setValue(QStringLiteral("render/helmValues"), dialog.files());
        renderAgain();
    });
    values->setObjectName(QStringLiteral("helmValuesAction"));
    file->addSeparator();
    QAction *save = file->addAction(tr("&Save"), this, [this] {
        if (currentFile() >= 0)
            saveFile(currentFile());
    });
    save->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save a Cop&y As…"), this, [this] {
        const int current = currentFile();
        if (current < 0 || !m_documents->document(current))
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save a copy"), m_workspace->paths().value(current),
            tr("Kubernetes manifests (*.yaml *.yml *.json);;All files (*)"));
        if (!path.isEmpty())
            writeFile(current, path);
    });
    QAction *saveAllAction = file->addAction(tr("Save A&ll"), this, [this] { saveAll(); });
    saveAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *exportReport = file->addAction(tr("&Export Report…"), this, [this] {
        const auto snapshot = m_model->snapshot();
        if (!snapshot)
            return;
        const std::string source = m_workspace->isReadOnly() && !m_cluster->context().isEmpty()
                                       ? "cluster context " + m_cluster->context().toStdString()
                                       : m_workspace->roots().join(QLatin1Char(' ')).toStdString();
        const QString written = ReportExport::run(this, *snapshot, source);
        if (!written.isEmpty())
            statusBar()->showMessage(tr("Report written to %1").arg(written), 8000);
    });
    exportReport->setObjectName(QStringLiteral("exportReportAction"));
    QAction *reload = file->addAction(tr("Reloa&d"), this, [this] {
        if (m_workspace->isReadOnly() && !m_cluster->context().isEmpty())
            connectToCluster(m_cluster->kubeconfig(), m_cluster->context()); // Refresh
        else if (confirmDiscard())
            openPaths(m_workspace->roots()); // what was opened: new files come, gone ones go
    });
    reload->setShortcut(QKeySequence::Refresh);
    reload->setObjectName(QStringLiteral("reloadAction"));
    m_resetSampleAction =
        file->addAction(tr("Rese&t Sample Workspace…"), this, [this] { resetSampleWorkspace(); });
    m_resetSampleAction->setObjectName(QStringLiteral("resetSampleAction"));
    m_resetSampleAction->setStatusTip(
        tr("Puts the sample workspace back as it was shipped (for the next class)"));
    updateResetAction();
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    createEditMenu();

    QMenu *fix = menuBar()->addMenu(tr("F&ix"));
    QAction *fixField = fix->addAction(tr("&Fix Selected Finding…"), this,
                                       [this] { fixInteractive(FixScope::Field); });
    fixField->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_fixActions = {fixField,
                    fix->addAction(tr("Make &Workload Restricted…"), this,
                                   [this] { fixInteractive(FixScope::Workload); }),
                    fix->addAction(tr("Make F&ile Restricted…"), this,
                                   [this] { fixInteractive(FixScope::File); }),
                    fix->addAction(tr("Make Workspace &Restricted…"), this,
                                   [this] { fixInteractive(FixScope::Workspace); })};
    fix->addSeparator();
    fix->addAction(tr("Namespace W&hat-If…"), this, [this] { whatIf(); });
    QAction *plan = fix->addAction(tr("Rollout &Plan for All Namespaces…"), this,
                                   [this] { m_fixes->rolloutPlan(m_model->snapshot()); });
    plan->setObjectName(QStringLiteral("rolloutPlanAction"));
    connect(fix, &QMenu::aboutToShow, plan,
            [this, plan] { plan->setEnabled(!!m_model->snapshot()); });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this, fix](const QPoint &pos) {
        if (m_tree->indexAt(pos).isValid())
            fix->exec(m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_editor, &CodeEditor::fixRequested, this, [this](int line) {
        m_editor->goToLine(line);
        m_sync->selectRowAtLine(line, true);
        fixInteractive(FixScope::Field);
    });
    connect(m_details, &DetailsPane::fixRequested, this, [this] {
        const QModelIndex row = m_sync->currentSource();
        // A checklist finding's row decides that finding; a workload's row fixes it all.
        const bool finding = !row.data(WorkloadTreeModel::RuleIdRole).toString().isEmpty();
        fixInteractive(m_model->workloadAt(row) && !finding ? FixScope::Workload : FixScope::Field);
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] { zoom(1); });
    // Each key once: the platform's ZoomOut is Ctrl+- too, and an action that lists a key
    // twice makes it ambiguous to Qt, which then runs nothing.
    auto keys = [](QKeySequence own, QKeySequence::StandardKey standard) {
        QList<QKeySequence> list{own};
        for (const QKeySequence &k : QKeySequence::keyBindings(standard)) {
            if (!list.contains(k))
                list << k;
        }
        return list;
    };
    zoomIn->setShortcuts(keys(QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn));
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [this] { zoom(-1); });
    zoomOut->setShortcuts(keys(QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut));
    QAction *zoomReset = view->addAction(tr("&Reset Zoom"), this, [this] { zoom(0); });
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    QAction *dark = view->addAction(tr("&Dark Palette"));
    dark->setCheckable(true);
    connect(dark, &QAction::toggled, this, &MainWindow::setDark);
    createLanguageMenu(view);
    view->addSeparator();
    createPresenterActions(view);
    view->addSeparator();
    view->addAction(tr("&Expand All"), m_tree, &QTreeView::expandAll);
    view->addAction(tr("&Collapse All"), m_tree, &QTreeView::collapseAll);
    QAction *focusFilter = view->addAction(tr("&Filter"), this, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    focusFilter->setShortcut(QKeySequence::Find);
    view->addSeparator();
    QAction *problems = view->addAction(tr("&Problems"), m_problems, &ProblemsPanel::reveal);
    problems->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QAction *lessons = view->addAction(tr("&Lessons"), m_lessons, &LessonsPanel::reveal);
    lessons->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    lessons->setObjectName(QStringLiteral("lessonsAction"));
    QAction *overview = view->addAction(tr("O&verview"), this, &MainWindow::showOverview);
    overview->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    overview->setObjectName(QStringLiteral("overviewAction"));
    QAction *nextFailing =
        view->addAction(tr("&Next Failing Field"), this, [this] { jumpToFailingField(true); });
    nextFailing->setShortcut(QKeySequence(Qt::Key_F8));
    nextFailing->setObjectName(QStringLiteral("nextFailingFieldAction"));
    QAction *previousFailing =
        view->addAction(tr("Previo&us Failing Field"), this, [this] { jumpToFailingField(false); });
    previousFailing->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    previousFailing->setObjectName(QStringLiteral("previousFailingFieldAction"));
    QAction *compare =
        view->addAction(tr("Co&mpare Versions…"), this, &MainWindow::compareVersions);
    compare->setObjectName(QStringLiteral("compareVersionsAction"));
    connect(view, &QMenu::aboutToShow, compare,
            [this, compare] { compare->setEnabled(!!m_model->snapshot()); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *catalogue =
        help->addAction(tr("&Controls…"), this, &MainWindow::showControlsCatalogue);
    catalogue->setObjectName(QStringLiteral("controlsCatalogueAction"));
    help->addAction(tr("&About PodSec Explorer"), this, &MainWindow::showAbout);
}

void MainWindow::applyPendingFilter()
{
    m_filterTyping->stop();
    if (m_filter->text() != m_filterEdit->text())
        applyFilterText(m_filterEdit->text());
}

void MainWindow::applyFilterText(const QString &text)
{
    m_filterTyping->stop();
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
    updateFilterCount();
    updateStatus();
}

void MainWindow::updateFilterCount()
{
    // The row the details showed may have gone with the filter: they show what is current.
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || !m_tree->selectionModel()->isSelected(current))
        m_details->showIndex(m_model, QModelIndex(), false);

    const QString text = m_filterEdit->text().trimmed();
    if (text.isEmpty() && !m_onlyFailing->isChecked()) {
        m_filterCount->clear();
        return;
    }
    const auto [kept, all] = m_filter->workloadCounts();
    if (m_filter->rowCount() == 0) {
        m_filterCount->setText(text.isEmpty() ? tr("Nothing fails")
                                              : tr("No row matches “%1”")
                                                    .arg(m_filterEdit->fontMetrics().elidedText(
                                                        text, Qt::ElideMiddle, 200)));
        m_filterCount->setStyleSheet(
            QStringLiteral("color: palette(highlight); font-weight: bold"));
        return;
    }
    m_filterCount->setStyleSheet(QString());
    m_filterCount->setText(tr("%1 of %n workload(s)", nullptr, all).arg(kept));
}

void MainWindow::updateFixActions()
{
    updateResetAction();
    const bool readOnly = m_workspace->isReadOnly();
    for (QAction *a : std::as_const(m_fixActions)) {
        a->setEnabled(!readOnly);
        a->setToolTip(readOnly ? tr("A cluster is only read: fix the manifests it came from")
                               : QString());
    }
}

void MainWindow::showAbout()
{
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
            .arg(QString::fromStdString(info.version), QString::fromStdString(info.policyVersions),
                 QString::fromLatin1(highlighterName()), components));
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
    m_documents->setDark(dark);
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
    m_documents->setFont(mono);
    // Badge icons grow with the text (large badges on a projector).
    const int icon = qRound(16 * (1.0 + 0.1 * qMax(0, m_zoom)));
    m_tree->setIconSize(QSize(icon, icon));
    pinColumns(); // first: unpinned, fitColumns() sizes the Name column again
    fitColumns();
}

void MainWindow::fitColumns()
{
    // Each badge column fits its header and the longest word it can show (in the current
    // language and font, bold as a failing verdict is) plus icon. Pinned (a projector's
    // zoom), only the words of passing and failing: the rarer "Not applied", "Pods rejected"
    // and "Exempt" elide there (their icon and tooltip say it), so the five stay in view.
    const bool pinned = m_header->isPinned();
    // The application's font as it is now: a zoom reaches the tree's own font() only
    // through the event loop, after this has run.
    const QFont treeFont = QApplication::font(m_tree);
    const QFontMetrics fm(treeFont);
    QFont boldFont = treeFont;
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    const int iconAndMargins = qMax(m_tree->iconSize().width(), fm.height()) + 24;
    int badge = 0;
    for (int c = WorkloadTreeModel::BaselineColumn; c <= WorkloadTreeModel::WarnColumn; ++c) {
        // The header's text and its sort arrow.
        int width = fm.horizontalAdvance(
                        m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()) +
                    fm.height() + 16;
        for (const Verdict v : BadgeProxyModel::verdictsOf(c)) {
            if (!pinned || v == Verdict::Pass || v == Verdict::Fail)
                width = qMax(width, bold.horizontalAdvance(BadgeProxyModel::verdictText(v, c)) +
                                        iconAndMargins);
        }
        m_tree->setColumnWidth(c, width);
        badge = qMax(badge, width);
    }
    int severity = 0; // the checklist column: "danger (14)" in the current language
    for (auto s : {Engine::Severity::Deny, Engine::Severity::Danger, Engine::Severity::Warning,
                   Engine::Severity::Info})
        severity =
            qMax(severity, fm.horizontalAdvance(SeverityBadge::text(s) + QStringLiteral(" (99)")));
    m_tree->setColumnWidth(WorkloadTreeModel::ChecklistColumn,
                           qMax(badge, severity + fm.height() + 24));
    // The name column fits the widest namespace with its chips, within reason.
    int name = 300;
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        const QModelIndex i = m_filter->index(r, 0);
        QFont bold = treeFont;
        bold.setBold(true);
        QFont small = treeFont;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        int w = 40 + QFontMetrics(bold).horizontalAdvance(i.data().toString()) + 10;
        for (const QString &chip : i.data(WorkloadTreeModel::ChipsRole).toStringList())
            w += QFontMetrics(small).horizontalAdvance(chip) + 18;
        name = qMax(name, w);
    }
    m_tree->setColumnWidth(WorkloadTreeModel::NameColumn, qMin(name, 420));
    // The kind column fits the kinds there are (the name column says them too).
    int kind = fm.horizontalAdvance(
        m_model->headerData(WorkloadTreeModel::KindColumn, Qt::Horizontal, Qt::DisplayRole)
            .toString());
    if (const auto snapshot = m_model->snapshot()) {
        QSet<QString> kinds{QStringLiteral("Namespace")};
        for (const auto &w : snapshot->workloads)
            kinds.insert(QString::fromStdString(w.id().kind));
        for (const auto &o : snapshot->objects)
            kinds.insert(QString::fromStdString(o.kind));
        for (const QString &k : std::as_const(kinds))
            kind = qMax(kind, fm.horizontalAdvance(k));
    }
    m_tree->setColumnWidth(WorkloadTreeModel::KindColumn, qMin(kind + 16, 180));
    // Values are short mostly ("true", "0", "RuntimeDefault"); the details show them whole.
    m_tree->setColumnWidth(WorkloadTreeModel::ValueColumn, fm.averageCharWidth() * 18);
    m_header->columnsFitted();
}

void MainWindow::compareVersions()
{
    auto snapshot = m_model->snapshot();
    if (!snapshot)
        return;
    auto *dialog = new CompareVersionsDialog({snapshot, m_workspace->options()}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CompareVersionsDialog::objectActivated, this, [this](const QString &key) {
        m_leftTabs->setCurrentWidget(m_tree);
        bool found = m_sync->selectWorkload(key.toStdString());
        if (!found && (!m_filterEdit->text().isEmpty() || m_onlyFailing->isChecked())) {
            // The filter hides the workload: show every row again.
            m_filterEdit->clear();
            m_onlyFailing->setChecked(false);
            found = m_sync->selectWorkload(key.toStdString());
        }
        if (!found)
            statusBar()->showMessage(tr("The workload is no longer in the tree"), 8000);
    });
    dialog->show();
}

void MainWindow::showControlsCatalogue()
{
    // One catalogue beside the window: asking again brings it to the front.
    if (auto *open = findChild<ControlsCatalogue *>()) {
        open->show();
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new ControlsCatalogue(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ControlsCatalogue::scratchWorkspaceRequested, this,
            [this](const QString &folder) { openPaths({folder}); });
    dialog->show();
}

void MainWindow::applyOptions()
{
    SnapshotOptions options = m_workspace->options();
    options.version = *Policy::Version::parse(m_version->currentData().toString().toStdString());
    const QString level = m_level->currentData().toString();
    options.forcedLevel = level.isEmpty() ? std::nullopt : Policy::parseLevel(level.toStdString());
    applyRuleSets(options);
    m_workspace->setOptions(options);
}
} // namespace PodSec::Ui
