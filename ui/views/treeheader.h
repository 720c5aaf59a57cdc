// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
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

private:
    void apply();
    void showMenu(const QPoint &pos);

    QTreeView *m_tree;
    QSet<int> m_userHidden;
    bool m_pss = true;
    bool m_checklist = true;
    int m_lastSection = -1;
    int m_clicks = 0;
};

} // namespace PodSec::Ui
