// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/namespacenumbers.h"
#include "policy/levelversion.h"

#include <string>
#include <utility>
#include <vector>

namespace PodSec {
struct WorkspaceSnapshot;
struct WorkloadEntry;
} // namespace PodSec

namespace PodSec::Engine {

/// How many of something fail one check.
using CheckCounts = std::vector<std::pair<std::string, int>>;

/// A workload as a report lists it: a controller with the workloads it owns in the snapshot
/// (a live Deployment with its ReplicaSets and their Pods), or a workload on its own.
struct WorkloadGroup
{
    int workload = -1; ///< the top workload (index into WorkspaceSnapshot::workloads)
    std::string kind, name;
    int pods = 0;       ///< Pods of the group
    int failing = 0;    ///< members failing the level: Pods, or the workloads when it has none
    int members = 0;    ///< what failing counts: its Pods, or its workloads when it has none
    int rejected = 0;   ///< members the namespace's enforce mode rejects (or whose Pods it would)
    CheckCounts checks; ///< check id, failing members; most first
};

/// One namespace of a report: the numbers of its row, its readiness, what fails and where.
struct NamespaceSummary
{
    std::string name;
    std::string enforce, audit, warn; ///< the policies its labels set ("restricted:latest")
    bool declared = false;
    NamespaceNumbers numbers;
    /// Its workloads by the strictest level they meet (runtime-class exempt ones included).
    int passRestricted = 0, baselineOnly = 0, privilegedOnly = 0;
    int failingWorkloads = 0;           ///< workloads failing the level
    CheckCounts checks;                 ///< workloads failing each check at the level
    std::vector<WorkloadGroup> failing; ///< groups with a member failing the level
};

/// What the overview, the reports and `podsec check --summary` show: one source for all.
struct WorkspaceSummary
{
    Policy::LevelVersion level; ///< what "failing" means (the snapshot's version)
    int namespaces = 0, workloads = 0, pods = 0;
    int podsRejected = 0, controllersRejected = 0, warned = 0, audited = 0;
    int failing = 0; ///< workloads failing the level
    int passRestricted = 0, baselineOnly = 0, privilegedOnly = 0;
    CheckCounts checks; ///< workloads failing each check at the level, most first
    std::vector<NamespaceSummary> perNamespace;
};

/// Summarises a snapshot; failing means failing level (baseline or restricted; privileged
/// fails nothing) at the snapshot's version.
WorkspaceSummary summarize(const WorkspaceSnapshot &snapshot,
                           Policy::Level level = Policy::Level::Restricted);

/// A workload by name: "namespace/Kind/name", or "Kind/name" without a namespace.
std::string workloadName(const WorkloadEntry &workload);

/// Where a report names a workload: "path:line", or for an object read from a cluster
/// "cluster: namespace/Kind/name".
std::string workloadSource(const WorkspaceSnapshot &snapshot, const WorkloadEntry &workload);

} // namespace PodSec::Engine
