// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/rolloutplan.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace PodSec {
struct WorkspaceSnapshot;
} // namespace PodSec

namespace PodSec::Ui {

/// Fix → Rollout Plan for All Namespaces: per namespace what its workloads meet, the labels
/// the plan sets, the API server's dry-run answer for the target (warnings expandable to
/// their pods) and the kubectl command; the plan as a shell script or Namespace patches.
/// Computes nothing itself: Engine::planRollout, planScript and planPatches do.
class RolloutPlanDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Input
    {
        std::shared_ptr<const WorkspaceSnapshot> snapshot;
        std::string defaultNamespace = "default";
        Admission::AdmissionConfig config;
    };
    explicit RolloutPlanDialog(Input input, QWidget *parent = nullptr);

    /// Plans again towards target (Baseline or Restricted), as the target choice does.
    void setTarget(Policy::Level target);
    const Engine::RolloutPlan &plan() const { return m_plan; }
    QString summary() const;
    /// One top-level row per namespace; see Column.
    QTreeWidget *tree() const { return m_tree; }
    enum Column {
        NameColumn,
        WorkloadsColumn,
        PodsColumn,
        EnforcesColumn,
        MeetsColumn,
        PlanColumn
    };

    /// Write the plan's script or patches to path (atomically); false with a message.
    bool saveScriptTo(const QString &path, QString &error) const;
    bool savePatchesTo(const QString &path, QString &error) const;

private:
    void replan();
    void showDetails();
    void saveInteractively(bool script);
    QString planText(const Engine::NamespacePlan &p) const;
    QTreeWidgetItem *namespaceRow(const Engine::NamespacePlan &p);

    Input m_input;
    Engine::RolloutPlan m_plan;
    QComboBox *m_target;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_details;
};

} // namespace PodSec::Ui
