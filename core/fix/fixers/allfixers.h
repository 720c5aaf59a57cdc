// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fix/fixer.h"

#include <string_view>
#include <vector>

namespace PodSec::Fix {

/// How a check's findings are settled.
enum class FixerKind {
    /// The fixer plans fixes that fixText() may apply (it may also ask decisions).
    Automatic,
    /// The fixer only asks a person: decisions, possibly with choices, never a fix that
    /// is applied automatically.
    DecisionOnly,
};

/// One check's fixer. Every check ID of Policy::registry() has exactly one entry
/// (tests/core/tst_fixers.cpp), so adding a check means deciding how it is fixed.
struct FixerEntry
{
    std::string_view checkId;
    FixerKind kind = FixerKind::Automatic;
    /// Plans the check's fixes or decisions; NoFixer for a decision-only check that the
    /// tool can only report (its findings then remain, unexplained).
    FixerFunction fixer = nullptr;
};

/// The marker for a check without any fixer (only with FixerKind::DecisionOnly).
inline constexpr FixerFunction NoFixer = nullptr;

/// All fixers, in the order of Policy::registry().
const std::vector<FixerEntry> &allFixers();
/// The entry of a check ID; nullptr for an unknown ID.
const FixerEntry *findFixer(std::string_view checkId);

} // namespace PodSec::Fix
