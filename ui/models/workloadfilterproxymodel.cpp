// SPDX-License-Identifier: Apache-2.0
#include "workloadfilterproxymodel.h"

#include "workloadtreemodel.h"

namespace PodSec::Ui {

WorkloadFilterProxyModel::WorkloadFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

void WorkloadFilterProxyModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

void WorkloadFilterProxyModel::setOnlyFailing(bool onlyFailing)
{
    if (m_onlyFailing == onlyFailing)
        return;
    m_onlyFailing = onlyFailing;
    invalidateFilter();
}

bool WorkloadFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty() && !m_onlyFailing)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyFailing && !index.data(WorkloadTreeModel::AnyFailRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    // A row matches when all words occur in its text or in an ancestor's (so a workload
    // found by name keeps its fields visible).
    QString haystack;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        haystack += i.data(WorkloadTreeModel::SearchTextRole).toString() + QLatin1Char(' ');
    const QStringList words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        if (!haystack.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace PodSec::Ui
