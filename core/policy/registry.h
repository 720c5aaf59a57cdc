// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/result.h"

#include <string_view>
#include <vector>

namespace PodSec::K8s {
class PodSpecView;
}

namespace PodSec::Policy {

/// A check implementation fills in allowed/reason/detail/fields of the result it is given.
using CheckFunction = void (*)(const K8s::PodSpecView &pod, CheckResult &result);

/// One behaviour of a check, in force from minimumVersion (a v1 minor number) until the
/// next variant's minimum.
struct CheckVariant
{
    int minimumVersion = 0;
    CheckFunction function = nullptr;
    /// Baseline check IDs this restricted variant replaces.
    std::vector<std::string_view> overrides;
};

struct CheckDefinition
{
    std::string_view id;
    Level level = Level::Baseline;
    std::vector<CheckVariant> variants; ///< sorted by minimumVersion, strictly increasing
};

/// All checks, in the reference order (baseline IDs sorted, then restricted IDs sorted).
const std::vector<CheckDefinition> &registry();
const CheckDefinition *findCheck(std::string_view id);

/// Problems with the registry (duplicate IDs, unsorted variants, bad overrides); empty
/// when valid. Tested, not checked at run time.
std::vector<std::string> validateRegistry(const std::vector<CheckDefinition> &checks);

struct SelectedCheck
{
    const CheckDefinition *check;
    const CheckVariant *variant;
};

/// The checks that run for a level and version, in reporting order (§2.2, §2.3).
std::vector<SelectedCheck> checksFor(Level level, const Version &version);

} // namespace PodSec::Policy
