// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/namespacenumbers.h"
#include "engine/workspacesnapshot.h"

#include <QString>
#include <QStringList>

/// Texts of the workload tree's rows that take more than a lookup (translated in the
/// WorkloadTreeModel context).
namespace PodSec::Ui {

/// A namespace's chips: "enforce=restricted:latest", "audit=x (invalid) !", ... (forced:
/// every namespace is judged at one level).
QStringList namespaceChips(const NamespaceEntry &ns, bool forced);

/// A namespace row's Value: "3 workloads · 1 Pod rejected · Pods of 2 controllers rejected ·
/// 2 warned" (the parts that are not zero; the details pane has the full breakdown).
QString namespaceSummary(const Engine::NamespaceNumbers &numbers);

/// "Kustomize overlays/prod", "Helm chart charts/web".
QString rootName(const RootEntry &r);

/// What became of a root: the command that rendered it, or why it is not evaluated.
QString rootState(const RootEntry &r);

} // namespace PodSec::Ui
