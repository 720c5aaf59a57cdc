// SPDX-License-Identifier: Apache-2.0
// MainWindow's rule-set selector: Pod Security (the five verdict columns and the fields
// they judged), the security checklist (spec/checklist.md: findings per workload,
// namespace and object, one severity column) or both. The choice is kept in the settings.
#include "mainwindow.h"
#include "treeheader.h"

#include "models/workloadtreemodel.h"
#include "models/workspace.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QToolBar>
#include <QTreeView>

namespace PodSec::Ui {

namespace {

const QString SettingKey = QStringLiteral("policy/ruleSets");

} // namespace

void MainWindow::createRuleSetSelector(QToolBar *bar)
{
    bar->addWidget(new QLabel(tr("Rules ")));
    m_ruleSets = new QComboBox;
    m_ruleSets->setAccessibleName(tr("Rule sets"));
    m_ruleSets->setToolTip(tr("Pod Security Standards, the security checklist, or both"));
    m_ruleSets->addItem(tr("Pod Security"), QStringLiteral("pss"));
    m_ruleSets->addItem(tr("Checklist"), QStringLiteral("checklist"));
    m_ruleSets->addItem(tr("Both"), QStringLiteral("all"));
    // The checklist shows at first start: both rule sets unless the user chose otherwise.
    const int saved = m_ruleSets->findData(QSettings().value(SettingKey, QStringLiteral("all")));
    m_ruleSets->setCurrentIndex(saved >= 0 ? saved : 2);
    bar->addWidget(m_ruleSets);
    // The severity column right after the value, where it stays in view next to the five
    // verdict columns.
    m_tree->header()->moveSection(WorkloadTreeModel::ChecklistColumn,
                                  WorkloadTreeModel::BaselineColumn);
    SnapshotOptions options = m_workspace->options();
    applyRuleSets(options);
    m_workspace->setOptions(options);
    connect(m_ruleSets, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(SettingKey, m_ruleSets->currentData());
        applyOptions();
    });
}

void MainWindow::applyRuleSets(SnapshotOptions &options)
{
    const QString sets = m_ruleSets->currentData().toString();
    const bool pss = sets != QLatin1String("checklist");
    const bool checklist = sets != QLatin1String("pss");
    options.checklist = checklist;
    m_model->setRuleSets(!checklist ? WorkloadTreeModel::RuleSets::PodSecurity
                         : !pss     ? WorkloadTreeModel::RuleSets::Checklist
                                    : WorkloadTreeModel::RuleSets::Both);
    m_header->setRuleSets(pss, checklist);
}

} // namespace PodSec::Ui
