// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QModelIndex>
#include <QObject>
#include <QSet>
#include <QString>

#include <cstdint>

class QLabel;
class QTreeView;

namespace PodSec {
struct FieldEntry;
struct NamespaceEntry;
struct WorkloadEntry;
} // namespace PodSec

namespace PodSec::Ui {

class BadgeProxyModel;
class CodeEditor;
class DetailsPane;
class DocumentSet;
class WorkloadFilterProxyModel;
class WorkloadTreeModel;
class Workspace;

/// Keeps the tree, the details pane and the editor on the same thing: a selected row shows
/// its file at its line (a large file through an excerpt) and its explanation; moving the
/// editor's cursor selects the row on that line. Expanded rows and the selection survive a
/// model reset, and a new workspace starts on a useful row.
class SelectionSync final : public QObject
{
    Q_OBJECT

public:
    /// The window's parts this works on (none owned).
    struct Parts
    {
        Workspace *workspace;
        DocumentSet *documents;
        WorkloadTreeModel *model;
        BadgeProxyModel *badges;
        WorkloadFilterProxyModel *filter;
        QTreeView *tree;
        DetailsPane *details;
        CodeEditor *editor;
        QLabel *fileLabel;
    };
    explicit SelectionSync(const Parts &parts, QObject *parent = nullptr);

    /// The file shown in the editor, or -1.
    int currentFile() const { return m_currentFile; }
    /// The tree's current row as an index of the model.
    QModelIndex currentSource() const;
    /// The workload of the current row (a field or container row belongs to one).
    const WorkloadEntry *currentWorkload() const;
    /// The field of the current row, if it is one.
    const FieldEntry *currentField() const;
    /// The namespace of the current row (or the row itself).
    const NamespaceEntry *currentNamespace() const;

    /// Selects the tree row with this key (see WorkloadTreeModel::KeyRole), or
    /// "namespace/name[:field.path.suffix]".
    bool selectKey(const QString &key);
    /// Selects the row of the workload whose WorkloadEntry::key() is key, wherever the tree
    /// nests it (under its namespace and its controllers).
    bool selectWorkload(const std::string &key);
    /// Selects the tree row of the current file on a 1-based line.
    void selectRowAtLine(int line, bool failingFieldsToo);
    /// Shows the current row in the details pane and its file and line in the editor.
    void showCurrentRow();
    /// After a re-evaluation: the current row in the details pane and the pointer; the editor
    /// keeps the file and the place it shows (one opened from the Access tab or the Problems
    /// panel may be being edited) unless it shows none. Only choosing a row moves it.
    void refreshCurrentRow();
    /// While a snapshot is being applied, the tree's current row may change on its own (the
    /// row shown went away): that change is a refresh too, not a choice.
    void setApplying(bool applying) { m_applying = applying; }
    /// Underlines the failing fields of the shown file (from the model's snapshot).
    void updateEditorFindings();
    /// After a snapshot: starts on the start namespace once its row exists, else on the
    /// first workload (once per workspace, so a row going away does not make the window
    /// jump).
    void pickStartRow();
    /// A cluster's context namespace, opened first (empty: none).
    void setStartNamespace(const QString &ns) { m_startNamespace = ns; }
    /// Shows a file at a 1-based line and column (a problem's place); a large file through
    /// an excerpt of the lines from offset. focus: the editor takes the keyboard focus.
    /// False if the file has no document.
    bool showPlace(int file, int line, int column, std::uint32_t offset, bool focus);
    /// Shows no file (before the documents are deleted for another workspace).
    void detach();
    /// Replaces a file's text (a cluster page read again) without moving the selection.
    void reloadText(int file, const QString &text);
    /// The file's document takes the workspace's new bytes (changed on disk); the editor
    /// keeps its place in it.
    void reloadFromWorkspace(int file);

private:
    void onEditorCursor();
    void showFile(int file, const WorkloadEntry *workload);
    QModelIndex toProxy(const QModelIndex &source) const;
    void saveTreeState();
    void restoreTreeState();
    void updateFileLabel();

    /// showCurrentRow's work, whether or not a snapshot is being applied.
    void showRow();
    /// The presenter view's pointer on the source row, when it is in the file shown.
    void pointAt(const QModelIndex &source);
    /// A click on the current row shows its file when the editor shows another one.
    void showClickedRow(const QModelIndex &index);

    Workspace *m_workspace;
    DocumentSet *m_documents;
    WorkloadTreeModel *m_model;
    BadgeProxyModel *m_badges;
    WorkloadFilterProxyModel *m_filter;
    QTreeView *m_tree;
    DetailsPane *m_details;
    CodeEditor *m_editor;
    QLabel *m_fileLabel;
    int m_currentFile = -1;
    QString m_excerptKey; ///< the excerpt shown ("file/offset"), empty: a whole file
    QString m_startNamespace;
    bool m_pickStartRow = true;    ///< no row has been current yet in this workspace
    QSet<QString> m_savedExpanded; ///< keys of expanded rows across a model reset
    QString m_savedCurrent;
    bool m_syncing = false;
    bool m_applying = false;
};

} // namespace PodSec::Ui
