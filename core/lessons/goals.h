// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admissionconfig.h"
#include "common/diagnostic.h"
#include "engine/ruleset.h"
#include "policy/levelversion.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec {
struct WorkspaceFile;
}

/// Lessons (resources/lessons/README.md): a lesson's goals, read from its goals.yaml and
/// checked against the engine's result for a workspace. Nothing here words a goal for people
/// beyond English (describe(): tests, messages); the window words goals itself.
namespace PodSec::Lessons {

/// A problem of a lesson's files: the file (as the lesson names it) and where in it.
struct Problem
{
    std::string file;
    Diagnostic diagnostic;
    /// "file:line:column: message", as `podsec check` prints a problem.
    std::string text() const { return problemLine(file, diagnostic); }
};

enum class GoalKind : std::uint8_t {
    Passes,   ///< every check of a level passes on an object
    Check,    ///< one PSS check or checklist rule passes (optionally on one container)
    Present,  ///< a field of an object exists
    Absent,   ///< a field of an object is gone
    Enforces, ///< a namespace's effective enforce level is this one
    Admitted, ///< the namespace's enforce policy (exemptions included) admits the object
    Warns,    ///< a namespace's effective warn level is this one
    Audits,   ///< a namespace's effective audit level is this one
    Risk,     ///< a subject has no access risk of an id (spec/access.md), or none above a severity
};
/// The goals file's key of a kind ("passes", "check", ...).
const char *goalKindName(GoalKind kind);

/// "Kind/name" or "Kind/namespace/name" (namespace empty: any namespace).
struct ObjectRef
{
    std::string kind;
    std::string namespaceName;
    std::string name;
    std::string text() const;
};

struct Goal
{
    GoalKind kind = GoalKind::Passes;
    /// The object the goal is about (every kind but the namespace ones, Risk, and Check on a
    /// namespace).
    std::optional<ObjectRef> object;
    /// The namespace of Enforces, Warns, Audits and of a checklist namespace rule (check
    /// with namespace:).
    std::string namespaceName;
    Policy::Level level = Policy::Level::Restricted; ///< Passes, Enforces, Warns, Audits
    std::string checkId;                             ///< Check
    bool checklistRule = false; ///< checkId is a checklist rule, not a PSS check
    std::string container;      ///< Check: only this container (empty: every one)
    std::string path;           ///< Present, Absent: "spec.containers[0].image"
    bool admitted = true;       ///< Admitted: the outcome wanted
    /// Risk: the subject ("User/alice", "Group/devs", "ServiceAccount/ci/deployer"; kind is
    /// User, Group or ServiceAccount), the risk id, the scope looked at ("cluster" or a
    /// namespace; empty: every scope) and the severity the risk may keep (none: it must be
    /// gone).
    std::optional<ObjectRef> subject;
    std::string riskId;
    std::string scope;
    std::optional<Engine::Severity> atMost;
    /// The goal's own words by language ("en", "zh_CN"); may be empty.
    std::map<std::string, std::string> texts;
    /// Where the goal starts in goals.yaml.
    std::uint32_t line = 1, column = 1;

    /// The goal's own words in language (then its language without the region, then
    /// English); empty when it has none.
    std::string text(const std::string &language) const;
};

/// One step of a field path: a mapping key, or a sequence index (index >= 0).
struct PathStep
{
    std::string key;
    long long index = -1;
};
/// Splits "spec.containers[0].image" or `metadata.labels["a.b/c"]` into steps; nullopt
/// when it is not such a path.
std::optional<std::vector<PathStep>> parseFieldPath(std::string_view path);

/// A lesson's goals.yaml.
struct GoalSet
{
    /// The policy version the lesson is judged at.
    Policy::Version version = Policy::Version::latest();
    std::vector<Goal> goals;
    /// Some goal names a checklist rule: the checklist rule set must run.
    bool usesChecklist() const;
    /// Some goal is about access risks: the access model must be built.
    bool usesAccess() const;
};

/// Reads a goals file. Every problem (a syntax error, an unknown key or goal kind, an
/// unknown check id or level, a malformed object) is added to problems with file, line and
/// column; a goal with a problem is left out (never counted as met).
GoalSet parseGoals(std::string_view text, const std::string &file, std::vector<Problem> &problems);

/// The goal in English words ("Pod web passes restricted"), for messages and tests.
std::string describe(const Goal &goal);

enum class GoalStatus : std::uint8_t {
    Met,
    NotMet,
    ObjectMissing,    ///< no object of that kind and name in the workspace
    ObjectAmbiguous,  ///< several objects match "Kind/name": name the namespace
    ContainerMissing, ///< the object has no container of that name
    NamespaceMissing, ///< no such namespace in the workspace
    SubjectMissing,   ///< no binding of the workspace names the subject (Risk)
};

struct GoalResult
{
    GoalStatus status = GoalStatus::NotMet;
    /// NotMet: the checks or rules that fail (Passes, Check), the level in force (Enforces,
    /// Warns, Audits), the risks too severe as "id (severity, scope)" (Risk), or the objects
    /// that are missing; empty otherwise.
    std::vector<std::string> failing;
    bool met() const { return status == GoalStatus::Met; }
};

struct GoalReport
{
    std::vector<GoalResult> results; ///< one per goal, in order
    /// Every goal is met (and there is at least one).
    bool complete() const;
    int metCount() const;
};

/// What goals are judged with besides their files: the lesson's admission configuration
/// (defaults, exemptions; none: the API server's defaults) and the default namespace.
struct GoalContext
{
    Admission::AdmissionConfig admission;
    std::string defaultNamespace = "default";
};

/// Checks every goal against the engine's result for the files (Engine's buildSnapshot at
/// the goals' version, namespaces as labelled, the checklist when a goal needs it) and
/// against their parsed documents (fields, objects of any kind). A goal whose object is
/// not in the files is not met.
GoalReport evaluateGoals(const GoalSet &goals, const std::vector<WorkspaceFile> &files,
                         const GoalContext &context = {});

} // namespace PodSec::Lessons
