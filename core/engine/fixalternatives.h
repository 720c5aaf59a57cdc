// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/fixloop.h"

#include <set>
#include <string>
#include <vector>

namespace PodSec::Engine {

/// A way other than fixing for a workload that cannot reach the policy without a person
/// (a decision is left for it, such as a hostPath volume of a log collector): keep it at
/// the strictest level it meets in a namespace of its own, or exempt such a namespace in
/// the API server's admission configuration (spec/pss-checks.md §6.4). Each comes with
/// what to run or configure and what `kubectl label --dry-run=server` would answer.
struct FixAlternative
{
    enum class Kind { OwnNamespace, Exempt };
    Kind kind = Kind::OwnNamespace;
    std::string object;   ///< "Kind ns/name"
    std::string level;    ///< OwnNamespace: the level it meets ("baseline" or "privileged")
    std::string ns;       ///< the namespace proposed for it
    std::string commands; ///< OwnNamespace: kubectl commands; Exempt: the configuration
    std::string labels;   ///< the kubectl command labelling the namespace
    std::string answer;   ///< what the API server would answer to that label command
};

/// The alternatives for each object of objects ("Kind ns/name") in text, at policy's
/// version; objects not found are left out.
std::vector<FixAlternative> fixAlternatives(const std::string &text,
                                            const Policy::LevelVersion &policy,
                                            const FixOptions &options,
                                            const std::set<std::string> &objects);

} // namespace PodSec::Engine
