// SPDX-License-Identifier: Apache-2.0
// F8 / Shift+F8: the next / previous failing field row of the tree (issue 18 item 3).
#include "mainwindow.h"
#include "models/workloadtreemodel.h"

#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>

namespace PodSec::Ui {

namespace {

/// Every row below parent, depth first (column 0).
void collect(const QAbstractItemModel *model, const QModelIndex &parent, QModelIndexList &out)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        out << index;
        collect(model, index, out);
    }
}

bool isFailingField(const QModelIndex &index)
{
    return index.data(WorkloadTreeModel::NodeTypeRole).toInt() ==
               int(WorkloadTreeModel::NodeType::Field) &&
           index.data(WorkloadTreeModel::AnyFailRole).toBool();
}

} // namespace

bool MainWindow::jumpToFailingField(bool forward)
{
    QModelIndexList rows;
    collect(m_tree->model(), {}, rows);
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const qsizetype at = current.isValid() ? rows.indexOf(current) : -1;
    const qsizetype n = rows.size();
    for (qsizetype step = 1; step <= n; ++step) {
        // From the row after (before) the current one, wrapping around; without a current
        // row, from the first (last) row.
        const qsizetype i = at < 0 ? (forward ? step - 1 : n - step)
                                   : ((at + (forward ? step : -step)) % n + n) % n;
        if (isFailingField(rows[i])) {
            m_leftTabs->setCurrentWidget(m_tree);
            m_tree->setCurrentIndex(rows[i]);
            m_tree->scrollTo(rows[i]);
            return true;
        }
    }
    statusBar()->showMessage(tr("No failing field in the tree"), 5000);
    return false;
}

} // namespace PodSec::Ui
