// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/placedobject.h"
#include "engine/workspacesnapshot.h"

#include <optional>
#include <vector>

namespace PodSec::Fix {
class DocumentPlanner;
}

/// The entries of a workspace snapshot, made from one placed object at a time (buildSnapshot's
/// parallel pass; workspacesnapshot.cpp assembles them).
namespace PodSec::SnapshotEntries {

/// A pod-bearing object judged at baseline and restricted of the options' version and by its
/// namespace's modes, its inspected fields merged into one list (planner: mark the fields a
/// restricted fix changes; origins: fields of a rendering point at the files they came from).
WorkloadEntry evaluateWorkload(const Engine::PlacedObject &placed, int file,
                               const SnapshotOptions &options, const Fix::DocumentPlanner *planner,
                               const Render::OriginLocator *origins);

/// The failing findings of a rule set on a placed object.
std::vector<Engine::Finding> failing(const Engine::PlacedObject &placed, const Engine::RuleSet &set,
                                     const Policy::Version &version);

/// An object of another kind with its failing findings, or nullopt when it has none.
std::optional<ObjectEntry> objectEntry(const K8s::Object &object,
                                       const Engine::Placement &placement,
                                       const Engine::RuleSet &set, bool fromCluster);

} // namespace PodSec::SnapshotEntries
