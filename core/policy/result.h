// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/levelversion.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Policy {

/// One field a check looked at, passing or failing.
struct InspectedField
{
    std::string path; ///< full path from the object root
    bool present = false;
    std::string value; ///< JSON text of the value ("null" when absent)
    bool allowed = true;
    /// Source position of the value, or of the nearest existing ancestor when absent.
    std::uint32_t offset = 0;
    std::uint32_t endOffset = 0;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    /// The file line and column refer to when it is not the object's own: the origin of a
    /// field of a rendered Kustomize or Helm root (Render::OriginLocator), or another object a
    /// rule reads (such as a pod's ServiceAccount). Empty otherwise.
    std::string file;
};

/// The outcome of one check on one pod (spec/pss-checks.md §3).
struct CheckResult
{
    std::string_view id;
    Level level = Level::Baseline;
    bool allowed = true;
    std::string reason;
    std::string detail;
    std::vector<InspectedField> fields;

    void forbid(std::string r, std::string d)
    {
        allowed = false;
        reason = std::move(r);
        detail = std::move(d);
    }
};

/// All checks of one level/version on one pod, in reference order.
struct Evaluation
{
    LevelVersion policy;
    std::vector<CheckResult> results;

    bool allowed() const;
    /// Reasons of the forbidden checks joined with ", ".
    std::string aggregateReason() const;
    /// "reason (detail)" of the forbidden checks joined with ", ".
    std::string aggregateDetail() const;
};

} // namespace PodSec::Policy
