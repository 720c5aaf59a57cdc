// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fix/texteditset.h"
#include "policy/levelversion.h"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace PodSec::K8s {
class PodSpecView;
}
namespace PodSec::Yaml {
class Document;
}
namespace PodSec::Policy {
struct Evaluation;
}

namespace PodSec::Fix {

/// One fix: a titled set of edits against the text the object was parsed from.
struct FixIt
{
    std::string checkId;
    std::string title; ///< user-facing, translated when the application installed a translator
    std::string path;  ///< the field it fixes (full path from the object root)
    /// Stable identity across re-planning ("checkId|path|action"), used to leave a fix out.
    std::string key;
    TextEditSet edits;
};

/// A failing finding that a person has to settle. choices are fixes the person may pick
/// (none of them is applied automatically); empty when the tool can only explain.
struct Decision
{
    std::string checkId;
    std::string path;
    std::string question;
    std::vector<FixIt> choices;
};

struct Plan
{
    std::vector<FixIt> fixes; ///< safe to apply automatically, each on its own
    std::vector<Decision> decisions;
};

class Editor;

/// Plans the fixes of the objects of one document. What it learns about the document
/// (parents, aliases, node spans) is built on the first plan() and shared by the others,
/// so planning every item of a large List stays linear. doc and text must outlive it.
class DocumentPlanner
{
public:
    DocumentPlanner(const Yaml::Document &doc, const std::string &text);
    ~DocumentPlanner();
    DocumentPlanner(const DocumentPlanner &) = delete;
    DocumentPlanner &operator=(const DocumentPlanner &) = delete;
    /// planFixes() for an object of this document.
    Plan plan(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
              const std::set<std::string> &only = {}) const;

private:
    const Yaml::Document &m_doc;
    const std::string &m_text;
    mutable std::unique_ptr<Editor> m_editor;
};

/// Every fix and decision for the failing checks of one object, planned against text (the
/// text the object was parsed from). Only bytes that must change change: scalars are
/// replaced in place keeping their quoting, new keys are inserted as lines at the
/// mapping's own indentation (block) or inside the braces (flow, JSON quoting in JSON
/// documents), entries and items are removed line-wise keeping comment lines, all with the
/// file's line ending. A value shared through a YAML anchor is edited only when every user
/// of the anchor is in the same object; otherwise that is explained as a decision. Checks
/// listed in only restrict the plan when not empty. (Several objects of one document:
/// DocumentPlanner.)
Plan planFixes(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
               const std::string &text, const std::set<std::string> &only = {});

struct FixOptions
{
    std::set<std::string> only;     ///< check IDs; empty means all
    std::set<std::string> excluded; ///< FixIt keys the user left out
    /// Restrict fixing to one object: {document index, List item or -1}.
    std::optional<std::pair<int, int>> object;
};

/// Parses text and calls fn for every pod-bearing object with a pod template, evaluated at
/// policy; selected tells whether options.object picks it; planner plans for its document.
/// false when text does not parse.
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
    /// Checks still failing, per object ("Kind ns/name: id").
    std::vector<std::string> remaining;
    /// What a person has to decide, per object, with the choices planned against text.
    std::vector<ObjectDecision> decisions;
    int objects = 0;       ///< pod-bearing objects looked at
    int passingBefore = 0; ///< of those, passing before fixing
    int passingAfter = 0;
};

/// Fixes the pod-bearing objects of a YAML stream until they pass the policy or no
/// automatic fix is left. Each round applies at most one fix per object, then re-parses
/// and re-evaluates; a round that would make any check fail that passed before is undone
/// and its fixes are tried one by one, and a fix that still does harm is dropped. Text
/// that does not parse is returned unchanged. Running it again on its result is a no-op.
FixResult fixText(std::string text, const Policy::LevelVersion &policy,
                  const FixOptions &options = {});
inline FixResult fixText(std::string text, const Policy::LevelVersion &policy,
                         const std::set<std::string> &only)
{
    return fixText(std::move(text), policy, FixOptions{only, {}, {}});
}

} // namespace PodSec::Fix
