// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/ruleset.h"

namespace PodSec::Engine {

/// The Pod Security Standards (seed chapters 1–2) as the engine's first rule set: one rule
/// per check of Policy::registry(), severity deny (a failing check is what the API server
/// rejects where the level is enforced), explained by resources/explanations/<id>.md and
/// settled by the check's fixer (core/fix/fixers/allfixers.cpp).
const RuleSet &pssRuleSet();

} // namespace PodSec::Engine
