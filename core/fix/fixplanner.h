// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fix/texteditset.h"
#include "policy/levelversion.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace PodSec::K8s {
class PodSpecView;
}
namespace PodSec::Policy {
struct Evaluation;
}

namespace PodSec::Fix {

/// One automatic fix: a titled set of edits against the text the object was parsed from.
struct FixIt
{
    std::string checkId;
    std::string title;
    std::string path; ///< the field it fixes
    TextEditSet edits;
};

/// The next automatic fix for a failing check of the object, planned against text. Only
/// bytes that must change change: scalars are replaced in place, new keys are inserted as
/// lines at the mapping's own indentation (block) or inside the braces (flow), with the
/// file's line ending. Values reached through aliases are not edited. Checks listed in
/// only restrict the choice when not empty.
std::optional<FixIt> nextFix(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
                             const std::string &text, const std::set<std::string> &only = {});

struct FixResult
{
    std::string text;                 ///< the fixed text
    std::vector<std::string> applied; ///< titles, in order
    /// Checks still failing that need a human decision, per object ("Kind ns/name: id").
    std::vector<std::string> remaining;
};

/// Fixes every pod-bearing object of a YAML stream until it passes the policy or no
/// automatic fix is left, re-parsing and re-evaluating after each fix. Text that does not
/// parse is returned unchanged.
FixResult fixText(std::string text, const Policy::LevelVersion &policy,
                  const std::set<std::string> &only = {});

} // namespace PodSec::Fix
