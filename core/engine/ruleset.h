// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::K8s {
struct Object;
}

namespace PodSec::Engine {

class PlacedObject;
struct Placement;

/// How bad a failing rule is (spec/checklist.md §1): deny = the API server would reject
/// it, danger = a direct path to a node or the control plane, then warning and info.
enum class Severity : std::uint8_t { Deny, Danger, Warning, Info };
const char *severityName(Severity severity);

/// What a rule looks at.
enum class Scope : std::uint8_t {
    PodSpec = 1,   ///< every pod-bearing object (Pods, templates, List items)
    Object = 2,    ///< objects of named kinds (Secrets, Services, ...)
    Namespace = 4, ///< once per namespace of the workspace
    Cluster = 8,   ///< cluster-wide (RBAC subjects, credentials)
};

/// How a rule's findings are settled.
enum class FixKind : std::uint8_t {
    None,         ///< reported only
    DecisionOnly, ///< a person decides (choices may be offered, nothing is applied alone)
    Automatic,    ///< fixes that `podsec fix` and the window apply
};

/// One rule of a rule set, as the reports, `podsec explain` and the tests see it.
struct Rule
{
    std::string_view id;
    Severity severity = Severity::Warning;
    Scope scope = Scope::PodSpec;
    /// The chapter of the seed (../shared/seed/README.md) the rule comes from.
    int seedChapter = 0;
    /// resources/explanations/<key>.md and resources/explanations/zh_CN/<key>.md.
    std::string explanationKey;
    FixKind fix = FixKind::None;
    /// One line for listings (`podsec explain`): for PSS "restricted, since v1.8".
    std::string summary;
};

/// One finding of a rule on one object, in a rule set's own terms.
struct Finding
{
    const Rule *rule = nullptr;
    bool allowed = true;
    std::string reason;
    std::string detail;
    std::vector<Policy::InspectedField> fields;
    /// Set when this finding is less severe than its rule's highest (a LoadBalancer is info
    /// where externalIPs are a warning; an exempted namespace is info).
    std::optional<Severity> severityOverride = std::nullopt;

    Severity severity() const
    {
        return severityOverride ? *severityOverride : rule ? rule->severity : Severity::Info;
    }
};

/// A plug-in of the engine pipeline: it declares its rules and the scopes it evaluates;
/// the pipeline hands it each placed object. A new rule set adds rules, never a loop.
class RuleSet
{
public:
    virtual ~RuleSet() = default;
    /// "pss", "checklist", ... (the values of `podsec check --rules`).
    virtual std::string_view id() const = 0;
    /// Scope flags of the rules it has.
    virtual unsigned scopes() const = 0;
    virtual const std::vector<Rule> &rules() const = 0;
    /// Evaluates a pod-bearing object (Scope::PodSpec) and appends one finding per rule
    /// that ran. The PSS rule set runs at level; others may ignore it.
    virtual void evaluatePod(const PlacedObject &object, const Policy::LevelVersion &level,
                             std::vector<Finding> &out) const = 0;

    /// Whether evaluateObject() has rules for this object (Scope::Object).
    virtual bool evaluatesObject(const K8s::Object &) const { return false; }
    /// Evaluates an object of the kinds the rule set names (Scope::Object): one finding
    /// per rule that ran. fromCluster: the object was read from a live cluster.
    virtual void evaluateObject(const K8s::Object &, const Placement &, bool /*fromCluster*/,
                                std::vector<Finding> &) const
    {}
    /// Evaluates one namespace of the workspace (Scope::Namespace), reading what it needs
    /// from placement (labels, admission configuration, facts).
    virtual void evaluateNamespace(const std::string &, const Placement &,
                                   std::vector<Finding> &) const
    {}

    const Rule *findRule(std::string_view id) const;
};

/// Whether a finding of this severity fails at the threshold (`--fail-on`).
inline bool atLeast(Severity severity, Severity threshold)
{
    return static_cast<int>(severity) <= static_cast<int>(threshold);
}
std::optional<Severity> severityFromName(std::string_view name);

/// Every rule set, in report order; the first is "pss".
const std::vector<const RuleSet *> &ruleSets();
const RuleSet *findRuleSet(std::string_view id);
/// The rule with this id in any rule set (ids are unique across rule sets), or nullptr.
const Rule *findRule(std::string_view id);

} // namespace PodSec::Engine
