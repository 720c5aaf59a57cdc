// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "fix/plan.h"
#include "fix/planbuilder.h"
#include "policy/levelversion.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace PodSec::Engine {

using Fix::Decision;
using Fix::DocumentPlanner;
using Fix::FixIt;

/// fixText() stops after this many rounds even when fixes are left (each round applies at
/// most one fix per object, so this bounds the fixes per object).
inline constexpr int MaxFixRounds = 200;

struct FixOptions
{
    std::set<std::string> only;     ///< check IDs; empty means all
    std::set<std::string> excluded; ///< FixIt keys the user left out
    /// Restrict fixing to one object: {document index, List item or -1}.
    std::optional<std::pair<int, int>> object;
};

/// Parses text and calls fn for every pod-bearing object with a pod template, evaluated at
/// policy; selected tells whether options.object picks it; planner plans for its document.
/// Documents that do not parse are skipped; false when there was any such document (or a
/// file-level problem such as an empty text).
bool forEachObject(const std::string &text, const Policy::LevelVersion &policy,
                   const FixOptions &options,
                   const std::function<void(const std::string &label, const K8s::PodSpecView &view,
                                            const Policy::Evaluation &evaluation, bool selected,
                                            const DocumentPlanner &planner)> &fn);

/// A decision left for a person, with the object it belongs to ("Kind ns/name").
struct ObjectDecision
{
    std::string object;
    Decision decision;
    /// "Kind ns/name: id: question [choice: a | b]".
    std::string line() const;
    /// Whether this answers the remaining finding "Kind ns/name: id".
    bool explains(const std::string &remaining) const
    {
        return remaining == object + ": " + decision.checkId;
    }
};

struct FixResult
{
    std::string text;                 ///< the fixed text
    std::vector<std::string> applied; ///< titles, in order
    std::vector<std::string> appliedKeys;
    std::vector<std::string> appliedObjects;      ///< "Kind ns/name" of each applied fix
    std::vector<std::string> appliedConsequences; ///< FixIt::consequence of each ("" none)
    /// Checks still failing, per object ("Kind ns/name: id").
    std::vector<std::string> remaining;
    /// What a person has to decide, per object, with the choices planned against text.
    std::vector<ObjectDecision> decisions;
    /// Why parts of the text were left alone: each document that does not parse (and
    /// file-level problems such as an empty text), with its position in the input.
    std::vector<Diagnostic> errors;
    int objects = 0;       ///< pod-bearing objects looked at
    int passingBefore = 0; ///< of those, passing before fixing
    int passingAfter = 0;
};

/// Fixes the pod-bearing objects of a YAML stream until they pass the policy or no
/// automatic fix is left (at most MaxFixRounds rounds). The stream is split into its
/// documents once and each document is fixed on its own text, so the work is linear in
/// the number of documents and fixes, and every document ends as it would if it were
/// fixed alone. Each round applies at most one fix per object of the document, then
/// re-parses and re-evaluates the document; a round that would make any check fail that
/// passed before is undone and its fixes are tried one by one, and a fix that still does
/// harm is dropped (for that document). Documents that do not parse are left
/// byte-identical and listed in errors at their place in the input; the others are still
/// fixed. Decisions and their choices are planned against the fixed text (their edits and
/// lines are those of result.text). Running it again on its result is a no-op.
FixResult fixText(std::string text, const Policy::LevelVersion &policy,
                  const FixOptions &options = {});
inline FixResult fixText(std::string text, const Policy::LevelVersion &policy,
                         const std::set<std::string> &only)
{
    return fixText(std::move(text), policy, FixOptions{only, {}, {}});
}

} // namespace PodSec::Engine
