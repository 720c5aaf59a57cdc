// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/apiclient.h"
#include "engine/workspacesnapshot.h"

#include <QMainWindow>
#include <QSet>

#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextDocument;
class QTimer;
class QTreeView;

namespace PodSec::Ui {

class BadgeProxyModel;
class CodeEditor;
class DetailsPane;
class Workspace;
class WorkloadFilterProxyModel;
class WorkloadTreeModel;

/// The explorer window: policy bar, namespace/workload/field tree with a badge per level
/// and mode, details pane and YAML editor, all fed by one evaluation snapshot.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openPaths(const QStringList &paths);

    /// Makes the transport for a cluster (app/net's QNetworkAccessManager one; tests may
    /// pass a fake). Without one, Connect explains that this build cannot reach clusters.
    using TransportFactory = std::function<std::unique_ptr<Cluster::Transport>(
        const Cluster::Selection &, std::string &error)>;
    void setTransportFactory(TransportFactory factory) { m_transportFactory = std::move(factory); }
    /// Reads namespaces, pods and workloads of a kubeconfig context in the background and
    /// shows them read-only. kubeconfig empty: kubectl's files; context empty: current.
    void connectToCluster(const QString &kubeconfig, const QString &context);

    enum class FixScope { Field, Workload, File, Workspace };
    /// Plans the fixes for the selected row's field, workload or file, or the whole
    /// workspace, shows them in a preview (edits can be unticked) and applies the accepted
    /// result to the editor documents, one undo step per file. Nothing is saved.
    void fixInteractive(FixScope scope);
    /// Opens the namespace what-if for the selected row's namespace.
    void whatIf();
    /// Saves every file with unsaved edits (atomically); false if any save failed.
    bool saveAll();
    bool saveFile(int file);
    /// Writes a file's editor text to path atomically; false (and a message) on failure.
    bool writeFile(int file, const QString &path);
    /// Tests: report save failures in the status bar instead of a message box.
    void setQuietSaveErrors(bool quiet) { m_quietSaveErrors = quiet; }
    void setDark(bool dark);
    bool isDark() const { return m_dark; }
    /// Changes the UI font size by steps of 10% (0 resets).
    void zoom(int steps);

    // For tests and screenshots.
    WorkloadTreeModel *treeModel() const { return m_model; }
    WorkloadFilterProxyModel *filterModel() const { return m_filter; }
    QTreeView *treeView() const { return m_tree; }
    CodeEditor *editor() const { return m_editor; }
    DetailsPane *detailsPane() const { return m_details; }
    Workspace *workspace() const { return m_workspace; }
    QComboBox *versionCombo() const { return m_version; }
    QComboBox *levelCombo() const { return m_level; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *onlyFailingBox() const { return m_onlyFailing; }
    int currentFile() const { return m_currentFile; }
    /// Reads a PodSecurityConfiguration (defaults, exemptions) and re-evaluates; shows the
    /// errors with file:line:column and keeps the previous configuration when it is invalid.
    bool loadAdmissionConfig(const QString &path);
    /// Selects the tree row with this key (see WorkloadTreeModel::KeyRole).
    bool selectKey(const QString &key);

Q_SIGNALS:
    void snapshotApplied();
    /// A cluster read has ended (its last pages may still be being evaluated).
    void clusterReadEnded();

public Q_SLOTS:
    /// Stops reading a cluster after the request under way; what was read stays.
    void cancelClusterRead();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createPolicyBar();
    void fitColumns();
    void applySnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    void applyOptions();
    void onTreeSelection();
    void onEditorCursor();
    /// Selects the tree row of the current file on a 1-based line.
    void selectRowAtLine(int line, bool failingFieldsToo);
    void showFile(int file, const WorkloadEntry *workload);
    void updateEditorFindings();
    void updateStatus();
    void scheduleEdit();
    bool confirmDiscard();
    void fileChangedOnDisk(const QString &path);
    void addRecent(const QStringList &paths);
    void rebuildRecentMenu();
    QTextDocument *documentFor(int file);
    /// Forgets the workspace's editor documents, excerpt and watched files (before another
    /// workspace is opened).
    void closeDocuments();
    /// The progress bar and Cancel while an evaluation runs or a cluster is being read.
    void showBusy();
    /// m_documents and its companions sized to the workspace's files.
    void growDocumentSlots();
    // A cluster being read: the version (switch to it), each page, the end.
    void clusterVersionKnown(const std::string &version, const Cluster::Selection &sel);
    void clusterPageArrived(const std::string &name, const std::string &json);
    void clusterReadFinished(const Cluster::ApiClient::Snapshot &snapshot);

    Workspace *m_workspace;
    WorkloadTreeModel *m_model;
    BadgeProxyModel *m_badges;
    WorkloadFilterProxyModel *m_filter;
    QTreeView *m_tree;
    DetailsPane *m_details;
    CodeEditor *m_editor;
    QLabel *m_fileLabel;
    QComboBox *m_version;
    QComboBox *m_level;
    QLineEdit *m_filterEdit;
    QCheckBox *m_onlyFailing;
    QLabel *m_counts;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QMenu *m_recentMenu = nullptr;
    QFileSystemWatcher *m_watcher;
    QTimer *m_editTimer;
    std::vector<QTextDocument *> m_documents; ///< one per file, created on demand
    std::vector<bool> m_dirty;
    std::vector<bool> m_crlf;
    std::vector<bool> m_bom;
    int m_currentFile = -1;
    QTextDocument *m_excerpt = nullptr; ///< large files: the shown excerpt
    QString m_excerptKey;
    QSet<QString> m_savedExpanded; ///< keys of expanded rows across a model reset
    QString m_savedCurrent;
    QSet<int> m_editedFiles;
    bool m_quietSaveErrors = false;
    TransportFactory m_transportFactory;
    QString m_clusterKubeconfig, m_clusterContext; ///< the connected cluster, for Reload
    QString m_clusterNamespace;                    ///< the context's namespace, opened first
    bool m_pickStartRow = true;  ///< no row has been current yet in this workspace
    int m_clusterGeneration = 0; ///< the newest read; older pages dropped
    std::shared_ptr<std::atomic<bool>> m_clusterCancel;
    bool m_clusterReading = false;
    QAction *m_fixField = nullptr;
    QAction *m_fixWorkload = nullptr;
    bool m_syncing = false;
    bool m_dark = false;
    int m_zoom = 0;
    qreal m_baseFontSize = 0;
};

} // namespace PodSec::Ui
