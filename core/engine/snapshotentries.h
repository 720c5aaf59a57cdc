// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/accessinput.h"
#include "admission/admission.h"
#include "engine/placedobject.h"
#include "engine/workspacesnapshot.h"
#include "policy/podchecks.h"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace PodSec::Fix {
class DocumentPlanner;
}

namespace PodSec {

struct WorkloadFacts
{
    /// The entry without anything the options decide: identity, positions, containers
    /// (without fields) and the checklist's findings, which read no policy.
    WorkloadIdentity base;
    Admission::Subject subject;
    /// The account its pods run as and whether they ask for its token, as the access model
    /// reads them (Access::readAccount): its document need not be read again for access.
    std::string serviceAccount = "default";
    std::optional<bool> automount;
    /// Every check variant on the pod, positions already traced back to a rendering's
    /// origins; empty for an object without a pod template.
    Policy::PodChecks checks;
};

} // namespace PodSec

/// The entries of a workspace snapshot, made from one placed object at a time (buildSnapshot's
/// parallel pass; workspacesnapshot.cpp assembles them).
namespace PodSec::SnapshotEntries {

/// A pod-bearing object judged at baseline and restricted of the options' version and by its
/// namespace's modes, its inspected fields merged into one list (planner: mark the fields a
/// restricted fix changes; origins: fields of a rendering point at the files they came from;
/// checklist: the rule set whose failing findings it carries, or nullptr).
WorkloadEntry evaluateWorkload(const Engine::PlacedObject &placed, int file,
                               const SnapshotOptions &options, const Fix::DocumentPlanner *planner,
                               const Render::OriginLocator *origins,
                               const Engine::RuleSet *checklist = nullptr);

/// Tells each access input text (one per file of s) what its workloads' documents hold, so
/// access does not parse them again: a document that is one workload (not a List's item) is
/// what its facts say (WorkloadFacts::serviceAccount, automount, its identity and position).
/// Not for renderings (originsOf set), whose positions are the files they came from.
void addKnownWorkloads(const WorkspaceSnapshot &s,
                       const std::vector<const Render::OriginLocator *> &originsOf, bool live,
                       std::vector<Access::InputText> &texts);

/// The fields a restricted fix would change, given the failing restricted evaluation.
using FixableFields = std::function<std::set<std::string, std::less<>>(const Policy::Evaluation &)>;

/// The entry of a workload judged again from its facts, at version and by its namespace's
/// policy under placement: equal to evaluateWorkload's on the parsed object. fixable, when
/// set, is asked when restricted fails.
WorkloadEntry composeWorkload(const std::shared_ptr<const WorkloadFacts> &facts,
                              const Engine::Placement &placement, const Policy::Version &version,
                              const FixableFields &fixable = {});

/// The failing ones of a rule set's findings, moved out of all, each at its size: they are kept
/// for as long as the workspace is open (17,624 workloads of a cluster held 27 MB of them).
std::vector<Engine::Finding> keepFailing(std::vector<Engine::Finding> &all);

/// The failing findings of a rule set on a placed object.
std::vector<Engine::Finding> failing(const Engine::PlacedObject &placed, const Engine::RuleSet &set,
                                     const Policy::Version &version);

/// An object of another kind with its failing findings, or nullopt when it has none.
std::optional<ObjectEntry> objectEntry(const K8s::Object &object,
                                       const Engine::Placement &placement,
                                       const Engine::RuleSet &set, bool fromCluster);

} // namespace PodSec::SnapshotEntries
