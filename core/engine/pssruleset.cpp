// SPDX-License-Identifier: Apache-2.0
#include "engine/pssruleset.h"

#include "engine/placedobject.h"
#include "fix/fixers/allfixers.h"
#include "policy/registry.h"

namespace PodSec::Engine {

namespace {

FixKind fixKindOf(std::string_view checkId)
{
    const Fix::FixerEntry *entry = Fix::findFixer(checkId);
    if (!entry)
        return FixKind::None;
    if (entry->kind == Fix::FixerKind::Automatic)
        return FixKind::Automatic;
    return entry->fixer ? FixKind::DecisionOnly : FixKind::None;
}

class PssRuleSet final : public RuleSet
{
public:
    PssRuleSet()
    {
        for (const auto &check : Policy::registry()) {
            Rule rule;
            rule.id = check.id;
            rule.severity = Severity::Deny;
            rule.scope = Scope::PodSpec;
            rule.seedChapter = 1;
            rule.explanationKey = std::string(check.id);
            rule.fix = fixKindOf(check.id);
            rule.summary = std::string(Policy::levelName(check.level)) + ", since v1." +
                           std::to_string(check.variants.front().minimumVersion);
            m_rules.push_back(std::move(rule));
        }
    }

    std::string_view id() const override { return "pss"; }
    unsigned scopes() const override { return unsigned(Scope::PodSpec); }
    const std::vector<Rule> &rules() const override { return m_rules; }

    void evaluatePod(const PlacedObject &object, const Policy::LevelVersion &level,
                     std::vector<Finding> &out) const override
    {
        for (const auto &r : object.evaluation(level).results) {
            Finding f;
            f.rule = findRule(r.id);
            f.allowed = r.allowed;
            f.reason = r.reason;
            f.detail = r.detail;
            f.fields = r.fields;
            out.push_back(std::move(f));
        }
    }

private:
    std::vector<Rule> m_rules;
};

} // namespace

const RuleSet &pssRuleSet()
{
    static const PssRuleSet set;
    return set;
}

} // namespace PodSec::Engine
