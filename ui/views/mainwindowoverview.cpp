// SPDX-License-Identifier: Apache-2.0
// MainWindow's Overview tab: the page beside the workload tree, kept current with every
// snapshot, and its clicks leading into the tree.
#include "mainwindow.h"
#include "models/workloadtreemodel.h"
#include "overviewpage.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>

namespace PodSec::Ui {

void MainWindow::createOverview()
{
    m_overview = new OverviewPage;
    m_leftTabs->addTab(m_overview, tr("Overview"));
    // Every snapshot the tree shows (open, reload, edits, the policy bar's version and
    // level, a cluster's pages) reaches the page too; a hidden page summarises when shown.
    connect(this, &MainWindow::snapshotApplied, this,
            [this] { m_overview->setSnapshot(m_model->snapshot()); });
    connect(m_overview, &OverviewPage::namespaceActivated, this, &MainWindow::showNamespace);
    connect(m_overview, &OverviewPage::checkActivated, this, &MainWindow::filterByCheck);
}

void MainWindow::showOverview()
{
    m_leftTabs->setCurrentWidget(m_overview);
    m_overview->setFocus();
}

bool MainWindow::showNamespace(const QString &name)
{
    m_leftTabs->setCurrentWidget(m_tree);
    const QString key = QStringLiteral("ns:") + name;
    bool found = selectKey(key);
    if (!found && (!m_filterEdit->text().isEmpty() || m_onlyFailing->isChecked())) {
        // The filter hides the namespace: show every row again.
        m_filterEdit->clear();
        m_onlyFailing->setChecked(false);
        found = selectKey(key);
    }
    if (!found) {
        statusBar()->showMessage(tr("Namespace %1 is not in the tree").arg(name), 8000);
        return false;
    }
    m_tree->expand(m_tree->currentIndex());
    m_tree->scrollTo(m_tree->currentIndex(), QAbstractItemView::PositionAtTop);
    m_tree->setFocus();
    return true;
}

void MainWindow::filterByCheck(const QString &checkId)
{
    // The filter matches the check IDs of the fields a check inspected; with "Only failing"
    // the tree keeps the workloads whose fields fail it.
    m_leftTabs->setCurrentWidget(m_tree);
    m_onlyFailing->setChecked(true);
    m_filterEdit->setText(checkId);
    statusBar()->showMessage(tr("The tree shows the failing rows of check %1").arg(checkId), 8000);
    m_tree->setFocus();
}

} // namespace PodSec::Ui
