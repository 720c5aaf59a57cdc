// SPDX-License-Identifier: Apache-2.0
#include "workloadfilterproxymodel.h"

#include "workloadtreemodel.h"

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
