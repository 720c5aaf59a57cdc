// SPDX-License-Identifier: Apache-2.0
#include "workloadfilterproxymodel.h"

#include "workloadtreemodel.h"

#include <QCollator>

namespace PodSec::Ui {

WorkloadFilterProxyModel::WorkloadFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    // Re-filtering on every dataChanged of a re-evaluation is too slow for large
    // workspaces; the window calls refilter() after each snapshot instead.
    setDynamicSortFilter(false);
}

void WorkloadFilterProxyModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    m_words.clear();
    for (const QString &w : text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        m_words.push_back(w.toStdString());
    invalidateFilter();
}

void WorkloadFilterProxyModel::setOnlyFailing(bool onlyFailing)
{
    if (m_onlyFailing == onlyFailing)
        return;
    m_onlyFailing = onlyFailing;
    invalidateFilter();
}

void WorkloadFilterProxyModel::refilter()
{
    if (!m_words.empty() || m_onlyFailing)
        invalidateFilter();
    if (sortColumn() >= 0) // not kept up by itself (dynamic sorting is off)
        sort(sortColumn(), sortOrder());
}

namespace {

/// Worst first: what a person sorting a badge column looks for.
int verdictRank(Verdict v)
{
    switch (v) {
    case Verdict::Fail:
        return 0;
    case Verdict::PodsRejected:
        return 1;
    case Verdict::Exempt:
        return 2;
    case Verdict::Pass:
        return 3;
    case Verdict::NotApplied:
        return 4;
    case Verdict::NotChecked:
        break;
    }
    return 5;
}

} // namespace

namespace {

const QCollator &sortCollator()
{
    static const QCollator collator = [] {
        QCollator c;
        c.setNumericMode(true);
        c.setCaseSensitivity(Qt::CaseInsensitive);
        return c;
    }();
    return collator;
}

/// Badge columns: Fail and Reject first; the checklist column: most severe first.
int rankOf(const QModelIndex &index, int column)
{
    if (column == WorkloadTreeModel::ChecklistColumn) {
        const QVariant x = index.data(WorkloadTreeModel::SeverityRole);
        return x.isValid() && x.toInt() >= 0 ? x.toInt() : 99;
    }
    return verdictRank(Verdict(index.data(WorkloadTreeModel::VerdictRole).toInt()));
}

} // namespace

void WorkloadFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    m_sorting = true;
    QSortFilterProxyModel::sort(column, order);
    m_sorting = false;
    m_ranks.clear();
    m_texts.clear();
}

bool WorkloadFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int column = left.column();
    int a = 0, b = 0;
    const bool ranked =
        (column >= WorkloadTreeModel::BaselineColumn && column <= WorkloadTreeModel::WarnColumn) ||
        column == WorkloadTreeModel::ChecklistColumn;
    if (ranked && m_sorting) {
        const auto rank = [&](const QModelIndex &i) {
            const RowId id(i.internalId(), i.row());
            const auto it = m_ranks.find(id);
            return it != m_ranks.end() ? it->second
                                       : m_ranks.emplace(id, rankOf(i, column)).first->second;
        };
        a = rank(left);
        b = rank(right);
    } else if (ranked) {
        a = rankOf(left, column);
        b = rankOf(right, column);
    } else if (m_sorting) {
        const auto key = [&](const QModelIndex &i) -> const QCollatorSortKey & {
            const RowId id(i.internalId(), i.row());
            const auto it = m_texts.find(id);
            return it != m_texts.end()
                       ? it->second
                       : m_texts.emplace(id, sortCollator().sortKey(i.data().toString()))
                             .first->second;
        };
        a = key(left).compare(key(right));
    } else {
        a = sortCollator().compare(left.data().toString(), right.data().toString());
    }
    if (a != b)
        return a < b;
    return left.row() < right.row(); // ties keep the workspace's order
}

std::pair<int, int> WorkloadFilterProxyModel::workloadCounts() const
{
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return {0, 0};
    int kept = 0, all = 0;
    using NodeType = WorkloadTreeModel::NodeType;
    // Workloads sit below roots and namespaces; live ones also below their controllers.
    auto walk = [&](auto &&self, const QModelIndex &parent) -> void {
        for (int r = 0; r < source->rowCount(parent); ++r) {
            const QModelIndex i = source->index(r, 0, parent);
            const int type = i.data(WorkloadTreeModel::NodeTypeRole).toInt();
            if (type == int(NodeType::Workload)) {
                ++all;
                kept += mapFromSource(i).isValid();
            } else if (type != int(NodeType::Root) && type != int(NodeType::Namespace)) {
                continue;
            }
            self(self, i);
        }
    };
    walk(walk, QModelIndex());
    return {kept, all};
}

bool WorkloadFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                const QModelIndex &sourceParent) const
{
    if (m_words.empty() && !m_onlyFailing)
        return true;
    // The source may be the tree model itself or identity proxies (badges) over it.
    QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QAbstractItemModel *model = sourceModel();
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model)) {
        index = proxy->mapToSource(index);
        model = proxy->sourceModel();
    }
    const auto *tree = qobject_cast<const WorkloadTreeModel *>(model);
    return tree && tree->rowMatches(index, m_words, m_onlyFailing);
}

} // namespace PodSec::Ui
