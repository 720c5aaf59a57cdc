// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/ruleset.h"

namespace PodSec::Engine {

/// The seed's security checklist beyond the Pod Security Standards (spec/checklist.md) as
/// the engine's second rule set: workload rules (§2), namespace rules (§3) and object
/// rules (§4), each explained by resources/explanations/<id>.md.
const RuleSet &checklistRuleSet();

} // namespace PodSec::Engine
