// SPDX-License-Identifier: Apache-2.0
#include "treeheader.h"

#include "models/workloadtreemodel.h"

#include <QApplication>
#include <QEvent>
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

bool TreeHeader::wanted(int c) const
{
    bool shown = !m_userHidden.contains(c);
    if (c >= WorkloadTreeModel::BaselineColumn && c <= WorkloadTreeModel::WarnColumn)
        shown = shown && m_pss;
    if (c == WorkloadTreeModel::ChecklistColumn)
        shown = shown && m_checklist;
    return shown;
}

void TreeHeader::apply()
{
    for (int c = WorkloadTreeModel::NameColumn + 1; c < WorkloadTreeModel::ColumnCountValue; ++c)
        m_tree->setColumnHidden(c, !wanted(c) || m_collapsed.contains(c));
    if (m_pinned)
        fitPinned();
}

void TreeHeader::setPinned(bool pinned)
{
    if (pinned == m_pinned)
        return;
    m_pinned = pinned;
    QHeaderView *header = m_tree->header();
    if (pinned) {
        m_viewport = m_tree->viewport();
        m_viewport->installEventFilter(this);
        header->setSectionResizeMode(QHeaderView::Fixed);
        header->setSectionResizeMode(WorkloadTreeModel::NameColumn, QHeaderView::Stretch);
        fitPinned();
    } else {
        if (m_viewport)
            m_viewport->removeEventFilter(this);
        m_viewport = nullptr;
        m_collapsed.clear();
        apply();
        const int name = header->sectionSize(WorkloadTreeModel::NameColumn);
        header->setSectionResizeMode(QHeaderView::Interactive);
        m_tree->setColumnWidth(WorkloadTreeModel::NameColumn, name);
    }
    m_tree->setHorizontalScrollBarPolicy(pinned ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
}

void TreeHeader::columnsFitted()
{
    if (!m_pinned)
        return;
    // Shown again (with the widths just given), then collapsed as far as needed.
    m_collapsed.clear();
    apply();
}

int TreeHeader::minimumNameWidth() const
{
    // Room for a workload's name and a namespace's first label chip (or its "+N" marker).
    // The application's font as it is now (a zoom reaches the tree's own font later).
    return QFontMetrics(QApplication::font(m_tree)).averageCharWidth() * 22 +
           m_tree->indentation() * 2;
}

bool TreeHeader::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_pinned && m_viewport && watched == m_viewport)
        fitPinned();
    return QObject::eventFilter(watched, event);
}

void TreeHeader::fitPinned()
{
    const QHeaderView *header = m_tree->header();
    // A column's width as given (a hidden section's size reads 0).
    auto given = [&](int c) {
        return m_collapsed.contains(c) ? m_collapsedWidths.value(c) : header->sectionSize(c);
    };
    int others = 0; // every wanted column but Name
    for (int c = WorkloadTreeModel::NameColumn + 1; c < WorkloadTreeModel::ColumnCountValue; ++c) {
        if (wanted(c))
            others += given(c);
    }
    int excess = others + minimumNameWidth() - m_tree->viewport()->width();
    // The Value column gives way first (the details and the editor show the value), then
    // the checklist's, then Kind (the details say it too); the badge columns never.
    QSet<int> collapsed;
    for (int c : {int(WorkloadTreeModel::ValueColumn), int(WorkloadTreeModel::ChecklistColumn),
                  int(WorkloadTreeModel::KindColumn)}) {
        if (excess <= 0)
            break;
        if (!wanted(c))
            continue;
        collapsed.insert(c);
        excess -= given(c);
    }
    if (collapsed == m_collapsed)
        return;
    for (int c : std::as_const(collapsed)) {
        if (!m_collapsed.contains(c))
            m_collapsedWidths.insert(c, header->sectionSize(c));
    }
    m_collapsed = collapsed;
    for (int c : {int(WorkloadTreeModel::ValueColumn), int(WorkloadTreeModel::ChecklistColumn),
                  int(WorkloadTreeModel::KindColumn)})
        m_tree->setColumnHidden(c, !wanted(c) || m_collapsed.contains(c));
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
