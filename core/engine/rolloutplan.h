// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/whatif.h"
#include "policy/levelversion.h"

#include <string>
#include <vector>

namespace PodSec {
struct WorkspaceSnapshot;
} // namespace PodSec

namespace PodSec::Engine {

/// What the plan does with a namespace.
enum class PlanStep : std::uint8_t {
    Target,    ///< every workload meets the target: enforce it
    Partial,   ///< enforce the strictest level its workloads meet, warn and audit the target
    WarnOnly,  ///< some workloads meet only privileged: warn and audit the target
    Unchanged, ///< it enforces the target (or stricter) already
    Repair,    ///< it enforces the target already; invalid labels are written as they act
    System,    ///< kube-system, kube-public, kube-node-lease: left as they are
    Exempt,    ///< exempt by the admission configuration: labels do not act on it
};
const char *planStepName(PlanStep step); ///< "target", "partial", "warn-only", ...

/// One namespace of a rollout plan.
struct NamespacePlan
{
    std::string name;
    bool declared = false;     ///< a Namespace object of the input
    Admission::Labels current; ///< its pod-security labels now
    Admission::Labels planned; ///< its pod-security labels after the plan
    Policy::LevelVersion enforceNow;
    int workloads = 0;
    int pods = 0;
    /// The strictest level every workload of the namespace meets (Pods and the templates of
    /// controllers; runtime-class exempt ones aside), at the plan's version.
    Policy::Level meets = Policy::Level::Restricted;
    /// How many workloads fail the target, and the checks they fail most (most first).
    int failTarget = 0;
    /// Workloads its enforce mode rejects now (Pods, and templates whose Pods it rejects).
    int rejectedNow = 0;
    std::vector<std::pair<std::string, int>> failingChecks;
    PlanStep step = PlanStep::Unchanged;
    /// `kubectl label --dry-run=server --overwrite ns <name> enforce=<target>`'s answer: the
    /// warnings the API server returns for the target, with the pods behind them.
    Admission::WhatIf targetDryRun;
    std::string targetCommand; ///< that command (with --dry-run=server)
    std::string command;       ///< the kubectl command of the plan; "" when nothing changes
    std::string patch;         ///< the plan's labels as a merge patch; "" when nothing changes
};

struct RolloutPlan
{
    Policy::LevelVersion target;
    std::vector<NamespacePlan> namespaces; ///< by name
    int reachingTarget() const;            ///< namespaces that enforce the target afterwards
};

struct PlanRequest
{
    Policy::Level target = Policy::Level::Restricted;
    /// Passed to Engine::podsInTexts when the dry-run needs another version than the
    /// snapshot's evaluations.
    std::string defaultNamespace = "default";
    Admission::AdmissionConfig config;
};

/// Plans namespace labels for every namespace of the snapshot at the snapshot's version: the
/// plan never lowers a namespace's enforcement, and every label it sets is one its current
/// workloads meet, so applying it rejects none of them.
RolloutPlan planRollout(const WorkspaceSnapshot &snapshot, const PlanRequest &request);

/// The plan as a POSIX shell script of `kubectl label` commands (system and exempt
/// namespaces as comments), and as a YAML stream of Namespace patches (one document each).
std::string planScript(const RolloutPlan &plan);
std::string planPatches(const RolloutPlan &plan);

bool isSystemNamespace(const std::string &ns);

} // namespace PodSec::Engine
