// SPDX-License-Identifier: Apache-2.0
#include "engine/ruleset.h"

#include "checklist/checklistruleset.h"
#include "engine/pssruleset.h"

#include <algorithm>

namespace PodSec::Engine {

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Deny:
        return "deny";
    case Severity::Danger:
        return "danger";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "";
}

std::optional<Severity> severityFromName(std::string_view name)
{
    for (Severity s : {Severity::Deny, Severity::Danger, Severity::Warning, Severity::Info}) {
        if (name == severityName(s))
            return s;
    }
    return std::nullopt;
}

const Rule *RuleSet::findRule(std::string_view id) const
{
    const auto &all = rules();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Rule &r) { return r.id == id; });
    return it == all.end() ? nullptr : &*it;
}

const std::vector<const RuleSet *> &ruleSets()
{
    static const std::vector<const RuleSet *> sets = {&pssRuleSet(), &checklistRuleSet()};
    return sets;
}

const RuleSet *findRuleSet(std::string_view id)
{
    for (const RuleSet *set : ruleSets()) {
        if (set->id() == id)
            return set;
    }
    return nullptr;
}

const Rule *findRule(std::string_view id)
{
    for (const RuleSet *set : ruleSets()) {
        if (const Rule *rule = set->findRule(id))
            return rule;
    }
    return nullptr;
}

} // namespace PodSec::Engine
