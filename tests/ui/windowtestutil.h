// SPDX-License-Identifier: Apache-2.0
// Helpers for the tests that open a MainWindow (they link the widgets).
#pragma once

#include "models/workloadfilterproxymodel.h"
#include "views/mainwindow.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QModelIndex>
#include <QTimer>
#include <QTreeView>

#include <functional>

namespace PodSec::TestUtil {

/// The tree's current row in the raw model: the tree shows filter(badges(model)).
inline QModelIndex currentSource(Ui::MainWindow &w)
{
    const QModelIndex proxy = w.treeView()->currentIndex();
    const auto *badges = qobject_cast<const QAbstractProxyModel *>(w.filterModel()->sourceModel());
    return badges->mapToSource(w.filterModel()->mapToSource(proxy));
}

/// Runs answer on the next modal dialog once it is shown (from inside its exec()).
inline void whenModal(std::function<void(QWidget *)> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            answer(modal);
        }
    });
    timer->start();
}

} // namespace PodSec::TestUtil
