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

/// What planning needs to know about a whole document (parents, aliases, spans). Built
/// once and passed to planFixes() for each object of the document, it keeps planning the
/// items of a large List linear. doc and text must outlive it.
class DocumentIndex
{
public:
    DocumentIndex(const Yaml::Document &doc, const std::string &text);
    ~DocumentIndex();
    DocumentIndex(const DocumentIndex &) = delete;
    DocumentIndex &operator=(const DocumentIndex &) = delete;
    const Editor &editor() const { return *m_editor; }

private:
    std::unique_ptr<Editor> m_editor;
};

/// Every fix and decision for the failing checks of one object, planned against text (the
/// text the object was parsed from). Only bytes that must change change: scalars are
/// replaced in place keeping their quoting, new keys are inserted as lines at the
/// mapping's own indentation (block) or inside the braces (flow, JSON quoting in JSON
/// documents), entries and items are removed line-wise keeping comment lines, all with the
/// file's line ending. A value shared through a YAML anchor is edited only when every user
/// of the anchor is in the same object; otherwise that is explained as a decision. Checks
/// listed in only restrict the plan when not empty.
/// index, when given, is the pod's document's (else one is built for this call).
Plan planFixes(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
               const std::string &text, const std::set<std::string> &only = {},
               const DocumentIndex *index = nullptr);

struct FixOptions
{
    std::set<std::string> only;     ///< check IDs; empty means all
    std::set<std::string> excluded; ///< FixIt keys the user left out
    /// Restrict fixing to one object: {document index, List item or -1}.
    std::optional<std::pair<int, int>> object;
};

/// Parses text and calls fn for every pod-bearing object with a pod template, evaluated at
/// policy; selected tells whether options.object picks it; index is its document's, for
/// planFixes(). false when text does not parse.
bool forEachObject(const std::string &text, const Policy::LevelVersion &policy,
                   const FixOptions &options,
                   const std::function<void(const std::string &label, const K8s::PodSpecView &view,
                                            const Policy::Evaluation &evaluation, bool selected,
                                            const DocumentIndex &index)> &fn);

struct FixResult
{
    std::string text;                 ///< the fixed text
    std::vector<std::string> applied; ///< titles, in order
    std::vector<std::string> appliedKeys;
    /// Checks still failing, per object ("Kind ns/name: id").
    std::vector<std::string> remaining;
    /// What a person has to decide, per object ("Kind ns/name: id: question [choice | ...]").
    std::vector<std::string> decisions;
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
