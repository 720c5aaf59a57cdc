// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <QDockWidget>

#include <memory>

class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace PodSec::Ui {

class ProblemsModel;

/// The Problems panel: every file of the workspace that could not be found, read, parsed
/// or decoded, and every warning, as `podsec check` lists them on stderr (ProblemsModel).
/// Columns sort; Enter, a click or a double-click asks to open the place; the context menu
/// (and Ctrl+C) copies the selected problems as `podsec check` prints them, or their
/// messages. The title counts the rows.
class ProblemsPanel final : public QDockWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    /// Shows the snapshot's problems, keeping the current row when it is still there.
    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    /// Shows the panel and puts the keyboard focus on its list.
    void reveal();

    // For tests.
    ProblemsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    /// The selected rows as `podsec check` prints them (one a line), or only their messages.
    QString selectedText(bool messagesOnly) const;

Q_SIGNALS:
    /// Open the problem's place (focus: move the keyboard focus there too).
    void openRequested(const PodSec::FileProblem &problem, bool focus);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void requestOpen(const QModelIndex &proxyIndex, bool focus);
    void showContextMenu(const QPoint &pos);

    ProblemsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLabel *m_empty;
};

} // namespace PodSec::Ui
