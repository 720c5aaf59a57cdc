// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QTreeView;

namespace PodSec::Ui {

/// The workload tree's header: columns sort on a click (badge columns with Fail and Reject
/// first, the checklist's with the most severe first; a third click returns to the
/// workspace's order), and its context menu chooses the columns to show. A column shows
/// when the rule sets have it and the person has not hidden it; the choice is kept in the
/// settings.
class TreeHeader final : public QObject
{
    Q_OBJECT

public:
    explicit TreeHeader(QTreeView *tree);

    /// Which rule sets' columns exist (the policy bar's selector).
    void setRuleSets(bool pss, bool checklist);
    /// Hides or shows a column by the person's choice (the context menu's), and keeps it.
    void setUserHidden(int column, bool hidden);
    bool isUserHidden(int column) const { return m_userHidden.contains(column); }
    /// Pinned (the presenter view, a high zoom): every column but Name keeps the width it was
    /// given and the Name column takes the rest of the view, its text elided, so the badge
    /// columns never scroll off sideways; when the view is too narrow for the Name column to
    /// keep minimumNameWidth(), the Value, checklist and Kind columns give way (in that
    /// order), to come back when there is room. Unpinned: every column is the person's to
    /// resize again.
    void setPinned(bool pinned);
    bool isPinned() const { return m_pinned; }
    /// The window has given the columns their widths (for the font, the language): pinned,
    /// these are the ones kept.
    void columnsFitted();
    /// The Name column's least width while pinned.
    int minimumNameWidth() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// While pinned: collapses Value, checklist and Kind when the view is too narrow for them.
    void fitPinned();
    /// Shown by the rule sets and the person's choice (pinned, it may still be collapsed).
    bool wanted(int column) const;
    void apply();
    void showMenu(const QPoint &pos);

    QTreeView *m_tree;
    /// The tree's viewport while pinned (its resizes refit the columns). Kept, not asked of
    /// the tree: the filter also sees events while the tree is being destroyed, when the
    /// tree is no QAbstractScrollArea any more.
    QPointer<QWidget> m_viewport;
    QSet<int> m_userHidden;
    bool m_pss = true;
    bool m_checklist = true;
    int m_lastSection = -1;
    int m_clicks = 0;
    bool m_pinned = false;
    /// The columns fitPinned() collapsed to make room.
    QSet<int> m_collapsed;
    QHash<int, int> m_collapsedWidths; ///< their widths when they were collapsed
};

} // namespace PodSec::Ui
