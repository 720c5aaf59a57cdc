// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"
#include "policy/levelversion.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

/// Version comparison (issue 18 item 4): what changes between two policy versions at one
/// level, in the checks (from the registry) and in a workspace's verdicts (from the one
/// pipeline every consumer uses). `podsec diff` and View → Compare Versions both show it.
namespace PodSec::Engine {

enum class CheckChangeKind : std::uint8_t {
    Added,   ///< runs at `to`, not at `from`
    Changed, ///< runs at both, with another behaviour (another variant of the registry)
    Removed, ///< runs at `from`, not at `to`
};
const char *checkChangeName(CheckChangeKind kind); ///< "added", "changed", "removed"

/// One check that differs between the two versions.
struct CheckChange
{
    std::string id;
    Policy::Level level = Policy::Level::Baseline; ///< the check's own level
    CheckChangeKind change = CheckChangeKind::Changed;
    /// The policy version that made the difference (a v1 minor number): of the versions
    /// between the two, the newest at which the check appeared or went (added, removed) or
    /// changed its behaviour (changed), compared with the version before it.
    int version = 0;
    std::string versionText() const { return "v1." + std::to_string(version); }
};

/// The checks whose selection differs between from and to at level (Policy::checksFor, both
/// clamped as evaluation clamps them), in the registry's reference order. Either direction:
/// from may be newer than to. Empty for privileged, which runs no check.
std::vector<CheckChange> checkChanges(Policy::Level level, const Policy::Version &from,
                                      const Policy::Version &to);

/// A check an object fails, with what it says and the failing fields it names.
struct FailingCheck
{
    std::string id;
    std::string reason, detail;
    std::vector<std::pair<std::string, std::string>> fields; ///< (path, JSON value), failing
};

/// An object's verdict at one of the two versions.
struct VersionVerdict
{
    bool allowed = true;
    std::vector<FailingCheck> failing; ///< in reference order
    bool fails(const std::string &id) const;
    std::vector<std::string> failingIds() const;
    /// The checks failing here that other does not fail: what an object gains or loses.
    std::vector<const FailingCheck *> notIn(const VersionVerdict &other) const;
};

/// An object whose failing checks differ between the two versions.
struct ObjectVersionChange
{
    int workload = -1;  ///< index into both snapshots' workloads
    std::string key;    ///< WorkloadEntry::key(), to find it again in the window
    std::string source; ///< workloadSource(): "path:line" or "cluster: ns/Kind/name"
    std::string kind, namespaceName, name;
    VersionVerdict from, to;
    /// Allowed at from and not at to; or, denied at both, failing a check at to it did not
    /// fail at from on a field no check failing at from names (a check renamed over the same
    /// field is not stricter).
    bool stricter() const;
};

struct VersionDiff
{
    Policy::Level level = Policy::Level::Restricted;
    Policy::Version from, to;
    std::vector<CheckChange> checks;
    std::vector<ObjectVersionChange> objects; ///< in the snapshot's workload order
    bool stricter() const;                    ///< some object's verdict gets stricter from → to
};

/// Compares two snapshots of the same workspace (the same files and options, but for the
/// version) at level: every workload whose failing checks differ. The checks come from
/// checkChanges(level, from.version, to.version).
VersionDiff diffSnapshots(const WorkspaceSnapshot &from, const WorkspaceSnapshot &to,
                          Policy::Level level);

/// The snapshot's files evaluated again at version, as the window's version switch does:
/// options are those the snapshot was built with (its roots, forced level and version are
/// taken from the snapshot). Only the evaluations are rebuilt: no fix planning, checklist or
/// access model. nullopt when cancelled.
std::optional<WorkspaceSnapshot> reevaluate(const WorkspaceSnapshot &snapshot,
                                            SnapshotOptions options, const Policy::Version &version,
                                            const std::atomic<bool> *cancel = nullptr);

/// What changes between from and to at level for the snapshot's workspace: the snapshot is
/// evaluated again at each version it is not already evaluated at (clamped). nullopt when
/// cancelled.
std::optional<VersionDiff> compareVersions(const WorkspaceSnapshot &snapshot,
                                           const SnapshotOptions &options, Policy::Level level,
                                           const Policy::Version &from, const Policy::Version &to,
                                           const std::atomic<bool> *cancel = nullptr);

/// The versions the window offers to compare: latest, then v1.<newest> down to v1.0.
std::vector<Policy::Version> knownVersions();

} // namespace PodSec::Engine
