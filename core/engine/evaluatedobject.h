// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admission.h"
#include "engine/placedobject.h"
#include "engine/ruleset.h"
#include "fix/texteditset.h"
#include "policy/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Yaml {
class Document;
} // namespace PodSec::Yaml

namespace PodSec::Render {
class OriginLocator;
} // namespace PodSec::Render

namespace PodSec {

/// What to evaluate: a level/version, and optionally admission by namespace labels
/// (where objects land and which policy judges them: Engine::Placement).
struct EvaluationOptions : Engine::Placement
{
    Policy::LevelVersion policy{Policy::Level::Restricted, Policy::Version::latest()};
    bool admission = false;
    /// The rule sets to run (`--rules`): the Pod Security Standards, the checklist. The
    /// checklist reads placement's facts (Engine::WorkspaceFacts) when set.
    bool pss = true;
    bool checklist = false;
};

/// One pod-bearing object with its evaluation: the value every sink (CLI reports,
/// window, tests) consumes. Immutable once built.
struct EvaluatedObject
{
    int document = 0;
    int item = -1; ///< index inside a List, -1 otherwise
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    std::string apiVersion;
    std::string kind;
    std::string namespaceName; ///< as written (may be empty)
    std::string name;
    /// The controlling ownerReference (kind, name, uid), when the object has one.
    K8s::Object::Owner owner;
    bool hasTemplate = true;
    /// False for objects listed only for their checklist findings (Secrets, Services, ...).
    bool podBearing = true;
    Policy::Evaluation evaluation; ///< at options.policy (empty when pss is not selected)
    /// The checklist's findings, one per rule that ran (options.checklist).
    std::vector<Engine::Finding> checklist;
    std::optional<Admission::AdmissionResult> admission;
    /// With admission: the namespace's enforce mode rejects the object or the pods it
    /// creates (Engine::PlacedObject::deniedByEnforce).
    bool enforceDenied = false;

    /// Automatic fixes planned against the file text, when evaluateDocument was given it
    /// (SARIF reports carry them as `fixes`).
    struct SuggestedFix
    {
        std::string checkId;
        std::string title;
        std::vector<Fix::TextEdit> edits; ///< byte offsets into the whole file
    };
    std::vector<SuggestedFix> fixes;

    bool allowed() const { return evaluation.allowed(); }
    /// With admission: whether the namespace's enforce policy passes (the pod would be
    /// admitted, or the template's pods would be). Without: allowed().
    bool passesEnforce() const { return admission ? !enforceDenied : allowed(); }
};

/// Evaluates every pod-bearing object of a parsed document (List items included).
/// With fileText (the whole text the document was parsed from), the automatic fixes of
/// each object are planned too. With origins (the document is part of a rendered root), every
/// inspected field points at the file it came from where one is found.
/// With options.checklist, objects of the kinds the checklist names are listed too
/// (podBearing false), fromCluster says whether the document came from a cluster read, and
/// namespaces (when given) receives the namespace of every namespaced object.
std::vector<EvaluatedObject> evaluateDocument(const Yaml::Document &document,
                                              const EvaluationOptions &options,
                                              const std::string *fileText = nullptr,
                                              const Render::OriginLocator *origins = nullptr,
                                              bool fromCluster = false,
                                              std::vector<std::string> *namespaces = nullptr);

} // namespace PodSec
