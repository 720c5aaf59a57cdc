// SPDX-License-Identifier: Apache-2.0
// Fix planning and the fix loop, for callers (app/, ui/, tests):
// - fix/plan.h: FixIt, Decision, Plan;
// - fix/planbuilder.h: DocumentPlanner and planFixes(), which run each failing check's
//   fixer (fix/fixers/allfixers.h, one fix_<id>.cpp per check) with the YAML surgery of
//   fix/yamlsurgeon.h;
// The fix loop (fixText(), which re-parses and re-evaluates through the engine) is
// engine/fixloop.h.
#pragma once

#include "fix/plan.h"
#include "fix/planbuilder.h"
#include "fix/texteditset.h"
#include "policy/levelversion.h"
