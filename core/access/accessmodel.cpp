// SPDX-License-Identifier: Apache-2.0
#include "access/accessmodel.h"

#include <algorithm>
#include <functional>
#include <set>

namespace PodSec::Access {

AccessModel::AccessModel(AccessInput input, AccessOptions options)
    : m_input(std::move(input)), m_options(std::move(options))
{
    m_roles = m_input.roles;
    // A later definition of the same role wins, as a second `kubectl apply` would.
    for (std::size_t i = 0; i < m_roles.size(); ++i) {
        const Role &r = m_roles[i];
        if (r.cluster)
            m_clusterRoles[r.name] = int(i);
        else
            m_namespacedRoles[{r.namespaceName, r.name}] = int(i);
    }
    if (!m_options.live) {
        // Files: a ClusterRole the input does not define takes its built-in definition.
        for (const Role &r : bootstrapPolicy().roles) {
            if (!r.cluster || m_clusterRoles.count(r.name))
                continue;
            m_clusterRoles[r.name] = int(m_roles.size());
            m_roles.push_back(r);
        }
    }
    m_effective.resize(m_roles.size());
    for (std::size_t i = 0; i < m_roles.size(); ++i) {
        for (std::size_t j = 0; j < m_roles[i].rules.size(); ++j)
            m_effective[i].push_back({int(i), int(j)});
    }
    if (!m_options.live)
        resolveAggregation();

    // Known identities: users and service accounts bindings name, accounts declared or used.
    std::set<Subject> identities;
    for (const auto &b : m_input.bindings) {
        for (const auto &s : b.subjects) {
            if (s.kind != SubjectKind::Group)
                identities.insert(s);
        }
        for (const auto &u : b.unknownSubjects)
            m_problems.push_back(
                {b.source.file,
                 {0, b.source.line ? b.source.line : 1, b.source.column ? b.source.column : 1,
                  std::string(b.kind()) + " \"" + b.name + "\" names " + u +
                      ", which matches nobody",
                  true}});
        if (roleIndex(b) < 0)
            m_problems.push_back(
                {b.source.file,
                 {0, b.source.line ? b.source.line : 1, b.source.column ? b.source.column : 1,
                  std::string(b.kind()) + " \"" + b.name + "\" names " + b.roleKind + " \"" +
                      b.roleName + "\", which is not " +
                      (m_options.live                ? "in the cluster"
                       : b.roleKind == "ClusterRole" ? "in the input nor built in"
                                                     : "in the input") +
                      ": it grants nothing",
                  true}});
    }
    for (const auto &sa : m_input.serviceAccounts)
        identities.insert({SubjectKind::ServiceAccount, sa.name, sa.namespaceName});
    for (const auto &w : m_input.workloads)
        identities.insert({SubjectKind::ServiceAccount, w.serviceAccount, w.namespaceName});
    m_identities.assign(identities.begin(), identities.end());
}

AccessModel::~AccessModel() = default;

void AccessModel::resolveAggregation()
{
    // The aggregation controller sets an aggregated ClusterRole's rules to the union of the
    // rules of every ClusterRole its selectors match (their own rules aggregated in turn:
    // view is aggregated into edit, edit into admin), without duplicates.
    enum class State { Todo, Busy, Done };
    std::vector<State> state(m_roles.size(), State::Todo);
    std::function<void(int)> resolve = [&](int i) {
        if (state[i] != State::Todo)
            return;
        state[i] = State::Busy;
        const Role &role = m_roles[i];
        std::vector<RuleRef> rules;
        std::set<std::pair<int, int>> seen;
        for (std::size_t j = 0; j < m_roles.size(); ++j) {
            const Role &other = m_roles[j];
            if (int(j) == i || !other.cluster)
                continue;
            // Only the definition in force (the last one of that name) counts.
            if (m_clusterRoles.at(other.name) != int(j))
                continue;
            const bool match =
                std::any_of(role.aggregation->begin(), role.aggregation->end(),
                            [&](const LabelSelector &s) { return s.matches(other.labels); });
            if (!match)
                continue;
            if (other.aggregation)
                resolve(int(j));
            for (const RuleRef &r : m_effective[j]) {
                if (seen.insert({r.role, r.rule}).second)
                    rules.push_back(r);
            }
        }
        m_effective[i] = std::move(rules);
        state[i] = State::Done;
    };
    for (std::size_t i = 0; i < m_roles.size(); ++i) {
        if (m_roles[i].aggregation)
            resolve(int(i));
    }
}

int AccessModel::roleIndex(const Binding &binding) const
{
    if (binding.roleKind == "ClusterRole") {
        const auto it = m_clusterRoles.find(binding.roleName);
        return it == m_clusterRoles.end() ? -1 : it->second;
    }
    if (binding.roleKind == "Role" && !binding.cluster) {
        const auto it = m_namespacedRoles.find({binding.namespaceName, binding.roleName});
        return it == m_namespacedRoles.end() ? -1 : it->second;
    }
    return -1;
}

std::vector<ChainLink> AccessModel::chain(const Binding &binding, int role) const
{
    std::vector<ChainLink> out;
    out.push_back(
        {binding.kind(), binding.name, binding.namespaceName, {}, binding.source, binding.builtin});
    if (role >= 0) {
        const Role &r = m_roles[role];
        out.push_back({r.kind(), r.name, r.namespaceName, {}, r.source, r.builtin});
    }
    return out;
}

std::vector<ChainLink> AccessModel::chain(const Binding &binding, int role, RuleRef ref) const
{
    std::vector<ChainLink> out = chain(binding, role);
    const Role &owner = m_roles[ref.role];
    const PolicyRule &r = owner.rules[ref.rule];
    out.push_back({"Rule", owner.name + " rules[" + std::to_string(ref.rule) + ']',
                   owner.namespaceName, r.text(), r.source, owner.builtin});
    return out;
}

std::vector<AccessModel::WhoCan> AccessModel::whoCan(const Request &request) const
{
    std::vector<WhoCan> out;
    std::set<Subject> seen;
    for (const Binding &b : m_input.bindings) {
        if (!b.cluster &&
            (request.namespaceName.empty() || b.namespaceName != request.namespaceName))
            continue;
        const int role = roleIndex(b);
        if (role < 0)
            continue;
        for (const RuleRef &ref : m_effective[role]) {
            if (!ruleAllows(request, rule(ref)))
                continue;
            for (const Subject &s : b.subjects) {
                if (seen.insert(s).second)
                    out.push_back({s, chain(b, role, ref)});
            }
            break;
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const WhoCan &a, const WhoCan &b) { return a.subject < b.subject; });
    return out;
}

bool AccessModel::allows(const UserInfo &user, const Request &request) const
{
    for (const Binding &b : m_input.bindings) {
        if (!b.cluster &&
            (request.namespaceName.empty() || b.namespaceName != request.namespaceName))
            continue;
        if (std::none_of(b.subjects.begin(), b.subjects.end(), [&](const Subject &s) {
                return appliesTo(user, s, b.cluster ? std::string() : b.namespaceName);
            }))
            continue;
        const int role = roleIndex(b);
        if (role < 0)
            continue;
        for (const RuleRef &ref : m_effective[role]) {
            if (ruleAllows(request, rule(ref)))
                return true;
        }
    }
    return false;
}

Admission::NamespacePolicy AccessModel::namespacePolicy(const std::string &ns) const
{
    const auto it = m_input.namespaces.find(ns);
    return Admission::resolveNamespacePolicy(it == m_input.namespaces.end() ? Labels{} : it->second,
                                             m_options.defaults);
}

std::vector<Subject> AccessModel::membersOf(const std::string &group) const
{
    std::vector<Subject> out;
    for (const Subject &s : m_identities) {
        const auto info = userInfoOf(s);
        if (info &&
            std::find(info->groups.begin(), info->groups.end(), group) != info->groups.end())
            out.push_back(s);
    }
    return out;
}

} // namespace PodSec::Access
