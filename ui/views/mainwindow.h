// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fixcontroller.h"
#include "models/clustersession.h"

#include <QMainWindow>

#include <memory>

class QAbstractItemView;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QTabWidget;
class QTimer;
class QPushButton;
class QToolBar;
class QToolButton;
class QTreeView;

namespace PodSec {
struct FileProblem;
struct SnapshotOptions;
} // namespace PodSec

namespace PodSec {
struct WorkspaceSnapshot;
} // namespace PodSec

namespace PodSec::Lessons {
struct Lesson;
} // namespace PodSec::Lessons

namespace PodSec::Ui {

class AccessPanel;
class BadgeProxyModel;
class CodeEditor;
class DetailsPane;
class DiskChangeController;
class LessonsPanel;
class RecoveryController;
class DocumentSet;
class OverviewPage;
class ProblemsPanel;
class SelectionSync;
class Workspace;
class WorkloadFilterProxyModel;
class WorkloadTreeModel;

/// The explorer window: policy bar, namespace/workload/field tree with a badge per level
/// and mode, details pane and YAML editor, all fed by one evaluation snapshot. It lays the
/// parts out and wires them; the work is done by its controllers: DocumentSet (editor
/// documents, saving), ClusterSession (reading a cluster), SelectionSync (tree <-> editor)
/// and FixController (fix and what-if dialogs). Menus and theming: mainwindowactions.cpp.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openPaths(const QStringList &paths);

    /// Makes the transport for a cluster (app/net's QNetworkAccessManager one; tests may
    /// pass a fake). Without one, Connect explains that this build cannot reach clusters.
    using TransportFactory = ClusterSession::TransportFactory;
    void setTransportFactory(TransportFactory factory);
    /// Reads namespaces, pods and workloads of a kubeconfig context in the background and
    /// shows them read-only. kubeconfig empty: kubectl's files; context empty: current.
    void connectToCluster(const QString &kubeconfig, const QString &context);

    using FixScope = FixController::Scope;
    /// Plans the fixes for the selected row's field, workload or file, or the whole
    /// workspace, shows them in a preview (edits can be unticked) and applies the accepted
    /// result to the editor documents, one undo step per file. Nothing is saved.
    void fixInteractive(FixScope scope);
    /// Opens the namespace what-if for the selected row's namespace.
    void whatIf();
    /// View → Compare Versions…: a CompareVersionsDialog over the current snapshot, beside
    /// the window; a workload activated there is selected in the tree.
    void compareVersions();
    /// Help → Controls…: the ControlsCatalogue (one at a time, not modal); its scratch
    /// workspaces open here.
    void showControlsCatalogue();
    /// F8 / Shift+F8: selects the next (previous) failing field row of the tree after the
    /// current one, wrapping around; false when the tree has none.
    bool jumpToFailingField(bool forward);
    /// Saves every file with unsaved edits (atomically); false if any save failed. The
    /// status bar names the files saved.
    bool saveAll();
    bool saveFile(int file);
    /// File ▸ Reset Sample Workspace: asks (unsaved edits first, as closing does, then
    /// whether to reset), replaces the user's copy of the sample with the sample as shipped
    /// (SampleWorkspace::reset) and opens it again. False when nothing was reset.
    bool resetSampleWorkspace();
    /// Opens a lesson folder (resources/lessons/README.md): its start/ is copied into a fresh
    /// scratch folder and opened, judged at the lesson's version with its admission
    /// configuration; the Lessons panel shows it. Asks about unsaved edits first. False when
    /// nothing was opened.
    bool openLesson(const QString &folder);
    /// Reset Lesson…: asks (No by default), then opens a fresh copy of the lesson's start/
    /// (the edits are dropped) with its hints hidden again. False when nothing was reset.
    bool resetLesson();
    /// Show Solution…: the difference between each file of the lesson's workspace and the
    /// solution's file of the same name, in the fix preview, applied as one undo step a file.
    void showLessonSolution();
    /// The scratch folder of the open lesson (empty when none was opened).
    QString lessonFolder() const { return m_lessonFolder; }
    LessonsPanel *lessonsPanel() const { return m_lessons; }
    /// Writes a file's editor text to path atomically; false (and a message) on failure.
    bool writeFile(int file, const QString &path);
    /// Tests: report save failures in the status bar instead of a message box.
    void setQuietSaveErrors(bool quiet) { m_quietSaveErrors = quiet; }
    void setDark(bool dark);
    bool isDark() const { return m_dark; }
    /// Changes the UI font size by steps of 10% (0 resets).
    void zoom(int steps);
    /// The zoom in steps of 10% (0: the system's size).
    int zoomLevel() const { return m_zoom; }

    // mainwindowpresenter.cpp: the presenter view (issue 18 item 2).
    /// The presenter view's least zoom (steps of 10%): a lower zoom is raised to it.
    static constexpr int PresenterZoom = 5;
    /// From this zoom on, the badge columns are pinned even outside the presenter view.
    static constexpr int PinColumnsZoom = 3;
    /// View → Presenter (F11; Escape or F11 leaves): full screen, zoomed to at least
    /// PresenterZoom, the badge columns pinned beside a Name column that takes the rest, a
    /// laser-pointer highlight of the selected field in the editor and the explanation first
    /// in the details pane. Leaving restores the window's geometry, state and zoom.
    void setPresenting(bool on);
    bool isPresenting() const { return m_presenting; }
    /// View → Editor (Ctrl+1) and View → Workload Tree (Ctrl+2): shows or hides the editor
    /// pane (the file label and the editor) or the tabs of the tree, Access and Overview.
    void setEditorShown(bool shown);
    void setTreeShown(bool shown);
    QWidget *editorPane() const { return m_editorPane; }

    // For tests and screenshots.
    WorkloadTreeModel *treeModel() const { return m_model; }
    WorkloadFilterProxyModel *filterModel() const { return m_filter; }
    BadgeProxyModel *badgeModel() const { return m_badges; }
    QTreeView *treeView() const { return m_tree; }
    CodeEditor *editor() const { return m_editor; }
    DetailsPane *detailsPane() const { return m_details; }
    DocumentSet *documents() const { return m_documents; }
    DiskChangeController *diskChanges() const { return m_disk; }
    RecoveryController *recovery() const { return m_recovery; }
    Workspace *workspace() const { return m_workspace; }
    ClusterSession *clusterSession() const { return m_cluster; }
    QComboBox *versionCombo() const { return m_version; }
    QComboBox *levelCombo() const { return m_level; }
    /// The policy bar's rule-set selector: "pss", "checklist" or "all" (item data).
    QComboBox *ruleSetCombo() const { return m_ruleSets; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *onlyFailingBox() const { return m_onlyFailing; }
    QLabel *filterCountLabel() const { return m_filterCount; }
    class TreeHeader *treeHeader() const { return m_header; }
    /// Counts what the filter keeps (the label beside it).
    void updateFilterCount();
    /// Typing in the filter waits for a pause (FilterTypingPause) before the tree is filtered
    /// when the tree holds at least this many workloads: filtering 17,624 of them took a third
    /// of a second a key, 88,573 nearly two. Text set by the program is applied at once.
    void setFilterTypingThreshold(int workloads) { m_filterTypingThreshold = workloads; }
    static constexpr int FilterTypingPause = 250; ///< ms
    /// The filter text typed and not applied yet is applied now.
    void applyPendingFilter();
    ProblemsPanel *problemsPanel() const { return m_problems; }
    /// The Access view (a tab beside the workload tree) and the tabs that hold both.
    AccessPanel *accessPanel() const { return m_access; }
    QTabWidget *leftTabs() const { return m_leftTabs; }
    /// The Overview tab (numbers and charts of the snapshot) and switching to it.
    OverviewPage *overviewPage() const { return m_overview; }
    void showOverview();
    /// Selects a namespace's row in the tree (clearing a filter that hides it).
    bool showNamespace(const QString &name);
    /// Shows the tree filtered to the failing rows of a check.
    void filterByCheck(const QString &checkId);
    /// Shows a file position of the Access view in the editor (the file by its path).
    bool openAccessSource(const QString &path, int line, int column, bool focus);
    /// The status bar's "N file problem(s)" button (hidden when there are none).
    QToolButton *problemsButton() const { return m_problemsButton; }
    int currentFile() const;
    /// Reads a PodSecurityConfiguration (defaults, exemptions) and re-evaluates; shows the
    /// errors with file:line:column and keeps the previous configuration when it is invalid.
    bool loadAdmissionConfig(const QString &path);
    /// Selects the tree row with this key (see WorkloadTreeModel::KeyRole).
    bool selectKey(const QString &key);
    /// Shows a problem's place in the editor (focus: and moves the keyboard focus there), or
    /// its message when the file cannot be shown (unreadable, too large, not a file).
    void openProblem(const PodSec::FileProblem &problem, bool focus);

Q_SIGNALS:
    void snapshotApplied();
    /// A cluster read has ended (its last pages may still be being evaluated).
    void clusterReadEnded();

public Q_SLOTS:
    /// Stops reading a cluster after the request under way; what was read stays.
    void cancelClusterRead();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // mainwindowactions.cpp: menus, policy bar, recent workspaces, column widths.
    void createActions();
    // mainwindowlanguage.cpp: View ▸ Language, and the texts again after a switch.
    void createLanguageMenu(QMenu *view);
    void retranslate();
    // mainwindowedit.cpp: the Edit menu.
    void createEditMenu();
    /// Undo and Redo follow the shown document; Cut and Paste need an editable target.
    void updateEditActions();
    /// Copies the selected rows of a list or tree as tab-separated text.
    void copyRows(QAbstractItemView *view);
    /// Reset Sample Workspace is enabled only when the user's copy of the sample is open.
    void updateResetAction();
    void createPolicyBar();
    // mainwindowpresenter.cpp: View → Presenter, Editor, Workload Tree.
    void createPresenterActions(QMenu *view);
    /// Badge columns pinned (presenter view or zoom >= PinColumnsZoom) or free.
    void pinColumns();
    void addRecent(const QStringList &paths);
    void rebuildRecentMenu();
    void showAbout();
    void fitColumns();
    /// The policy bar's version and level into the workspace's options.
    void applyOptions();
    // mainwindowrulesets.cpp: the rule-set selector (Pod Security, Checklist, both).
    void createRuleSetSelector(QToolBar *bar);
    // mainwindowlessons.cpp: the Lessons panel.
    void createLessons();
    /// The workspace open is the open lesson's scratch copy.
    bool isLessonWorkspace() const;
    /// Checks the lesson's goals against the snapshot shown (core/lessons).
    void updateLessonGoals();
    /// A fresh scratch copy of the lesson's start/; empty (and a message) on failure.
    QString copyLessonStart(const Lessons::Lesson &lesson);
    /// Opens a scratch copy as the lesson's workspace, at the lesson's version and admission
    /// configuration, and removes the copy the lesson used before.
    void openLessonWorkspace(const QString &folder, const Lessons::Lesson &lesson);
    // mainwindowoverview.cpp: the Overview tab.
    void createOverview();
    /// The selector into the options (SnapshotOptions::checklist), settings, tree and columns.
    void applyRuleSets(SnapshotOptions &options);

    void applySnapshot(const std::shared_ptr<const WorkspaceSnapshot> &snapshot);
    void updateStatus();
    /// Enables the fix actions only where fixes can be applied (not on a cluster).
    void updateFixActions();
    bool confirmDiscard();
    /// Opens the workspace again after a render setting changed (asking about unsaved edits).
    void renderAgain();
    /// Tells of a failed save (message box, or status bar when quiet); false.
    bool reportSaveError(const QString &path, const QString &error);
    /// Forgets the workspace's editor documents, excerpt and watched files (before another
    /// workspace is opened).
    void closeDocuments();
    /// The progress bar and Cancel while an evaluation runs or a cluster is being read.
    void showBusy();
    // A cluster being read: the version (switch to it), each page, the end.
    void clusterVersionKnown(const std::string &version, const Cluster::Selection &sel);
    void clusterPageArrived(const std::string &name, const Cluster::ApiClient::PageText &text);
    void clusterReadFinished(const Cluster::ApiClient::Snapshot &snapshot);

    Workspace *m_workspace;
    WorkloadTreeModel *m_model;
    BadgeProxyModel *m_badges;
    WorkloadFilterProxyModel *m_filter;
    QTreeView *m_tree;
    DetailsPane *m_details;
    CodeEditor *m_editor;
    QLabel *m_fileLabel;
    DocumentSet *m_documents;
    ClusterSession *m_cluster;
    SelectionSync *m_sync = nullptr;
    DiskChangeController *m_disk = nullptr;
    RecoveryController *m_recovery = nullptr;
    FixController *m_fixes = nullptr;
    QComboBox *m_version = nullptr;
    QComboBox *m_level = nullptr;
    QComboBox *m_ruleSets = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_onlyFailing = nullptr;
    QLabel *m_counts = nullptr;
    /// Beside the filter: "N of M workloads", or that nothing matches.
    QLabel *m_filterCount = nullptr;
    QTimer *m_filterTyping = nullptr; ///< the pause after typing (setFilterTypingThreshold)
    int m_filterTypingThreshold = 3000;
    void applyFilterText(const QString &text);
    class TreeHeader *m_header = nullptr;
    ProblemsPanel *m_problems = nullptr;
    LessonsPanel *m_lessons = nullptr;
    QString m_lessonFolder;
    AccessPanel *m_access = nullptr;
    OverviewPage *m_overview = nullptr;
    QTabWidget *m_leftTabs = nullptr;
    QToolButton *m_problemsButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_cutAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_resetSampleAction = nullptr;
    QList<QAction *> m_fixActions; ///< disabled while the workspace is read-only (a cluster)
    bool m_quietSaveErrors = false;
    bool m_dark = false;
    int m_zoom = 0;
    QWidget *m_editorPane = nullptr;
    QAction *m_presenterAction = nullptr;
    QAction *m_leavePresenterAction = nullptr;
    QAction *m_editorAction = nullptr;
    QAction *m_treeAction = nullptr;
    bool m_presenting = false;
    // What leaving the presenter view restores.
    QRect m_geometryBeforePresenting;
    Qt::WindowStates m_stateBeforePresenting;
    int m_zoomBeforePresenting = 0;
    qreal m_baseFontSize = 0;
};

} // namespace PodSec::Ui
