// SPDX-License-Identifier: Apache-2.0
#include "treeheader.h"

#include "models/workloadtreemodel.h"

#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTreeView>

namespace PodSec::Ui {

namespace {

const QString HiddenKey = QStringLiteral("tree/hiddenColumns");

} // namespace

TreeHeader::TreeHeader(QTreeView *tree) : QObject(tree), m_tree(tree)
{
    for (const QVariant &c : QSettings().value(HiddenKey).toList()) {
        // The Name column always shows: it is where the rows are.
        if (c.toInt() > WorkloadTreeModel::NameColumn &&
            c.toInt() < WorkloadTreeModel::ColumnCountValue)
            m_userHidden.insert(c.toInt());
    }
    QHeaderView *header = m_tree->header();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    // No sort at first: the workspace's own order (files, documents).
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_tree->setSortingEnabled(true);
    // Ascending, descending, then the workspace's order again.
    connect(header, &QHeaderView::sectionClicked, this, [this, header](int section) {
        m_clicks = section == m_lastSection ? m_clicks + 1 : 1;
        m_lastSection = section;
        if (m_clicks == 3) {
            m_clicks = 0;
            header->setSortIndicator(-1, Qt::AscendingOrder);
            m_tree->sortByColumn(-1, Qt::AscendingOrder);
        }
    });
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &TreeHeader::showMenu);
    apply();
}

void TreeHeader::setRuleSets(bool pss, bool checklist)
{
    m_pss = pss;
    m_checklist = checklist;
    apply();
}

void TreeHeader::setUserHidden(int column, bool hidden)
{
    if (column <= WorkloadTreeModel::NameColumn || column >= WorkloadTreeModel::ColumnCountValue)
        return;
    if (hidden)
        m_userHidden.insert(column);
    else
        m_userHidden.remove(column);
    QVariantList list;
    for (int c : std::as_const(m_userHidden))
        list << c;
    std::sort(list.begin(), list.end(),
              [](const QVariant &a, const QVariant &b) { return a.toInt() < b.toInt(); });
    QSettings().setValue(HiddenKey, list);
    apply();
}

void TreeHeader::apply()
{
    for (int c = WorkloadTreeModel::NameColumn + 1; c < WorkloadTreeModel::ColumnCountValue; ++c) {
        bool shown = !m_userHidden.contains(c);
        if (c >= WorkloadTreeModel::BaselineColumn && c <= WorkloadTreeModel::WarnColumn)
            shown = shown && m_pss;
        if (c == WorkloadTreeModel::ChecklistColumn)
            shown = shown && m_checklist;
        m_tree->setColumnHidden(c, !shown);
    }
}

void TreeHeader::showMenu(const QPoint &pos)
{
    QMenu menu;
    const auto *model = m_tree->model();
    const QHeaderView *header = m_tree->header();
    for (int visual = 0; visual < header->count(); ++visual) { // in the order they show
        const int c = header->logicalIndex(visual);
        if (c <= WorkloadTreeModel::NameColumn)
            continue;
        const bool inRuleSets =
            (c < WorkloadTreeModel::BaselineColumn || c > WorkloadTreeModel::WarnColumn || m_pss) &&
            (c != WorkloadTreeModel::ChecklistColumn || m_checklist);
        QAction *a = menu.addAction(model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!m_userHidden.contains(c));
        a->setEnabled(inRuleSets); // the rule-set selector decides those
        connect(a, &QAction::toggled, this, [this, c](bool on) { setUserHidden(c, !on); });
    }
    menu.exec(m_tree->header()->viewport()->mapToGlobal(pos));
}

} // namespace PodSec::Ui
