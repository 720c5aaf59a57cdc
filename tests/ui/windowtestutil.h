// SPDX-License-Identifier: Apache-2.0
// Helpers for the tests that open a MainWindow (they link the widgets).
#pragma once

#include "models/workloadfilterproxymodel.h"
#include "views/mainwindow.h"

#include <QAbstractProxyModel>
#include <QModelIndex>
#include <QTreeView>

namespace PodSec::TestUtil {

/// The tree's current row in the raw model: the tree shows filter(badges(model)).
inline QModelIndex currentSource(Ui::MainWindow &w)
{
    const QModelIndex proxy = w.treeView()->currentIndex();
    const auto *badges = qobject_cast<const QAbstractProxyModel *>(w.filterModel()->sourceModel());
    return badges->mapToSource(w.filterModel()->mapToSource(proxy));
}

} // namespace PodSec::TestUtil
