// SPDX-License-Identifier: Apache-2.0
#include "checklist/checklistruleset.h"

#include "checklist/rules.h"

namespace PodSec::Engine {

namespace {

using PodRule = void (*)(const PlacedObject &, Finding &);
using NamespaceRule = void (*)(const std::string &, const Placement &, Finding &);

struct Declared
{
    std::string_view id;
    Severity severity;
    Scope scope;
    std::uint8_t chapter;
    FixKind fix;
    std::int8_t objectRule = -1; ///< Checklist::ObjectRule
    PodRule pod = nullptr;
    NamespaceRule ns = nullptr;
};

constexpr auto Warn = Severity::Warning;
constexpr auto Decide = FixKind::DecisionOnly;
constexpr auto NoFix = FixKind::None;

const Declared declared[] = {
    {"serviceAccountToken", Warn, Scope::PodSpec, 3, Decide, -1, Checklist::serviceAccountToken},
    {"memoryLimit", Warn, Scope::PodSpec, 12, Decide, -1, Checklist::memoryLimit},
    {"cpuLimit", Severity::Info, Scope::PodSpec, 12, NoFix, -1, Checklist::cpuLimit},
    {"imageDigest", Warn, Scope::PodSpec, 12, Decide, -1, Checklist::imageDigest},
    {"secretEnv", Warn, Scope::PodSpec, 8, Decide, -1, Checklist::secretEnv},
    {"hostPathSensitive", Severity::Danger, Scope::PodSpec, 10, NoFix, -1,
     Checklist::hostPathSensitive},
    {"hostPathReadOnly", Warn, Scope::PodSpec, 10, Decide, -1, Checklist::hostPathReadOnly},
    {"windowsAdministrator", Warn, Scope::PodSpec, 5, Decide, -1, Checklist::windowsAdministrator},
    {"mountableSecrets", Severity::Deny, Scope::PodSpec, 3, Decide, -1,
     Checklist::mountableSecrets},
    {"podSecurityEnforced", Warn, Scope::Namespace, 2, Decide, -1, nullptr,
     Checklist::podSecurityEnforced},
    {"defaultDenyNetworkPolicy", Warn, Scope::Namespace, 9, Decide, -1, nullptr,
     Checklist::defaultDenyNetworkPolicy},
    {"resourceQuota", Severity::Info, Scope::Namespace, 9, NoFix, -1, nullptr,
     Checklist::resourceQuota},
    {"limitRange", Severity::Info, Scope::Namespace, 9, NoFix, -1, nullptr, Checklist::limitRange},
    {"secretInManifest", Warn, Scope::Object, 8, NoFix,
     std::int8_t(Checklist::ObjectRule::SecretInManifest)},
    {"legacyServiceAccountToken", Warn, Scope::Object, 3, NoFix,
     std::int8_t(Checklist::ObjectRule::LegacyToken)},
    {"configMapCredentials", Warn, Scope::Object, 12, NoFix,
     std::int8_t(Checklist::ObjectRule::ConfigMapCredentials)},
    {"serviceExposure", Warn, Scope::Object, 12, NoFix,
     std::int8_t(Checklist::ObjectRule::ServiceExposure)},
    {"podSecurityPolicy", Warn, Scope::Object, 4, NoFix, std::int8_t(Checklist::ObjectRule::Psp)},
};

const char *scopeWord(Scope scope)
{
    switch (scope) {
    case Scope::PodSpec:
        return "workloads";
    case Scope::Object:
        return "objects";
    case Scope::Namespace:
        return "namespaces";
    case Scope::Cluster:
        return "cluster";
    }
    return "";
}

class ChecklistRuleSet final : public RuleSet
{
public:
    ChecklistRuleSet()
    {
        for (const auto &d : declared) {
            Rule rule;
            rule.id = d.id;
            rule.severity = d.severity;
            rule.scope = d.scope;
            rule.seedChapter = d.chapter;
            rule.explanationKey = std::string(d.id);
            rule.fix = d.fix;
            rule.summary =
                std::string(scopeWord(d.scope)) + ", seed chapter " + std::to_string(d.chapter);
            m_rules.push_back(std::move(rule));
        }
    }

    std::string_view id() const override { return "checklist"; }
    unsigned scopes() const override
    {
        return unsigned(Scope::PodSpec) | unsigned(Scope::Object) | unsigned(Scope::Namespace);
    }
    const std::vector<Rule> &rules() const override { return m_rules; }

    void evaluatePod(const PlacedObject &object, const Policy::LevelVersion &,
                     std::vector<Finding> &out) const override
    {
        for (std::size_t i = 0; i < m_rules.size(); ++i) {
            if (!declared[i].pod)
                continue;
            Finding f;
            f.rule = &m_rules[i];
            declared[i].pod(object, f);
            out.push_back(std::move(f));
        }
    }

    bool evaluatesObject(const K8s::Object &object) const override
    {
        return !Checklist::objectRulesFor(object).empty();
    }

    void evaluateObject(const K8s::Object &object, const Placement &, bool fromCluster,
                        std::vector<Finding> &out) const override
    {
        for (const auto rule : Checklist::objectRulesFor(object)) {
            for (std::size_t i = 0; i < m_rules.size(); ++i) {
                if (declared[i].objectRule != int(rule))
                    continue;
                Finding f;
                f.rule = &m_rules[i];
                Checklist::evaluateObjectRule(rule, object, fromCluster, f);
                out.push_back(std::move(f));
            }
        }
    }

    void evaluateNamespace(const std::string &ns, const Placement &placement,
                           std::vector<Finding> &out) const override
    {
        for (std::size_t i = 0; i < m_rules.size(); ++i) {
            if (!declared[i].ns)
                continue;
            Finding f;
            f.rule = &m_rules[i];
            declared[i].ns(ns, placement, f);
            out.push_back(std::move(f));
        }
    }

private:
    std::vector<Rule> m_rules;
};

} // namespace

const RuleSet &checklistRuleSet()
{
    static const ChecklistRuleSet set;
    return set;
}

} // namespace PodSec::Engine
