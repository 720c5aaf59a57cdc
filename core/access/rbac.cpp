// SPDX-License-Identifier: Apache-2.0
#include "access/rbac.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace PodSec::Access {

namespace {

std::string list(const std::vector<std::string> &items, bool quoteEmpty)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ' ';
        out += items[i].empty() && quoteEmpty ? std::string("\"\"") : items[i];
    }
    return out + ']';
}

bool contains(const std::vector<std::string> &items, std::string_view value)
{
    return std::find(items.begin(), items.end(), value) != items.end();
}

std::string_view labelValue(const Labels &labels, const std::string &key, bool &found)
{
    // A later duplicate wins, as a YAML map read into a Go map would.
    found = false;
    std::string_view value;
    for (const auto &[k, v] : labels) {
        if (k == key) {
            found = true;
            value = v;
        }
    }
    return value;
}

} // namespace

std::string PolicyRule::text() const
{
    std::string out;
    if (!apiGroups.empty())
        out += "apiGroups=" + list(apiGroups, true) + ' ';
    if (!resources.empty())
        out += "resources=" + list(resources, true) + ' ';
    if (!resourceNames.empty())
        out += "resourceNames=" + list(resourceNames, true) + ' ';
    if (!nonResourceURLs.empty())
        out += "nonResourceURLs=" + list(nonResourceURLs, true) + ' ';
    return out + "verbs=" + list(verbs, true);
}

bool LabelSelector::matches(const Labels &labels) const
{
    for (const auto &[key, value] : matchLabels) {
        bool found = false;
        if (labelValue(labels, key, found) != value || !found)
            return false;
    }
    for (const auto &e : matchExpressions) {
        bool found = false;
        const std::string_view value = labelValue(labels, e.key, found);
        if (e.op == "In") {
            if (!found || !contains(e.values, value))
                return false;
        } else if (e.op == "NotIn") {
            if (found && contains(e.values, value))
                return false;
        } else if (e.op == "Exists") {
            if (!found)
                return false;
        } else if (e.op == "DoesNotExist") {
            if (found)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

const char *Subject::kindName() const
{
    switch (kind) {
    case SubjectKind::User:
        return "User";
    case SubjectKind::Group:
        return "Group";
    case SubjectKind::ServiceAccount:
        return "ServiceAccount";
    }
    return "User";
}

std::string Subject::display() const
{
    switch (kind) {
    case SubjectKind::User:
        return "user \"" + name + '"';
    case SubjectKind::Group:
        return "group \"" + name + '"';
    case SubjectKind::ServiceAccount:
        return "serviceaccount \"" + namespaceName + '/' + name + '"';
    }
    return name;
}

std::string Subject::userName() const
{
    if (kind == SubjectKind::ServiceAccount)
        return "system:serviceaccount:" + namespaceName + ':' + name;
    return name;
}

bool Subject::operator<(const Subject &o) const
{
    return std::tie(kind, namespaceName, name) < std::tie(o.kind, o.namespaceName, o.name);
}

std::optional<UserInfo> userInfoOf(const Subject &subject)
{
    switch (subject.kind) {
    case SubjectKind::Group:
        return std::nullopt;
    case SubjectKind::ServiceAccount:
        return UserInfo{subject.userName(),
                        {"system:serviceaccounts",
                         "system:serviceaccounts:" + subject.namespaceName,
                         "system:authenticated"}};
    case SubjectKind::User:
        if (subject.name == "system:anonymous")
            return UserInfo{subject.name, {"system:unauthenticated"}};
        return UserInfo{subject.name, {"system:authenticated"}};
    }
    return std::nullopt;
}

bool verbMatches(const PolicyRule &rule, std::string_view verb)
{
    return contains(rule.verbs, "*") || contains(rule.verbs, verb);
}

bool apiGroupMatches(const PolicyRule &rule, std::string_view group)
{
    return contains(rule.apiGroups, "*") || contains(rule.apiGroups, group);
}

bool resourceMatches(const PolicyRule &rule, std::string_view combined,
                     std::string_view subresource)
{
    for (const auto &r : rule.resources) {
        if (r == "*" || r == combined)
            return true;
        // "*/subresource" matches that subresource of every resource.
        if (subresource.empty())
            continue;
        if (r.size() == subresource.size() + 2 && r.compare(0, 2, "*/") == 0 &&
            std::string_view(r).substr(2) == subresource)
            return true;
    }
    return false;
}

bool resourceNameMatches(const PolicyRule &rule, std::string_view name)
{
    return rule.resourceNames.empty() || contains(rule.resourceNames, name);
}

bool nonResourceURLMatches(const PolicyRule &rule, std::string_view path)
{
    for (const auto &u : rule.nonResourceURLs) {
        if (u == "*" || u == path)
            return true;
        // "/apis/*" matches every path under "/apis/".
        if (!u.empty() && u.back() == '*') {
            std::string_view prefix(u);
            while (!prefix.empty() && prefix.back() == '*')
                prefix.remove_suffix(1);
            if (path.substr(0, prefix.size()) == prefix)
                return true;
        }
    }
    return false;
}

bool ruleAllows(const Request &request, const PolicyRule &rule)
{
    if (!request.resourceRequest)
        return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path);
    const std::string combined = request.subresource.empty()
                                     ? request.resource
                                     : request.resource + '/' + request.subresource;
    return verbMatches(rule, request.verb) && apiGroupMatches(rule, request.apiGroup) &&
           resourceMatches(rule, combined, request.subresource) &&
           resourceNameMatches(rule, request.name);
}

bool appliesTo(const UserInfo &user, const Subject &subject, const std::string &bindingNamespace)
{
    switch (subject.kind) {
    case SubjectKind::User:
        return user.name == subject.name;
    case SubjectKind::Group:
        return contains(user.groups, subject.name);
    case SubjectKind::ServiceAccount: {
        const std::string &ns =
            subject.namespaceName.empty() ? bindingNamespace : subject.namespaceName;
        if (ns.empty())
            return false;
        return user.name == "system:serviceaccount:" + ns + ':' + subject.name;
    }
    }
    return false;
}

bool isClusterScoped(std::string_view resource)
{
    static constexpr std::array<std::string_view, 19> Cluster = {
        "namespaces",
        "nodes",
        "persistentvolumes",
        "clusterroles",
        "clusterrolebindings",
        "certificatesigningrequests",
        "signers",
        "validatingwebhookconfigurations",
        "mutatingwebhookconfigurations",
        "validatingadmissionpolicies",
        "validatingadmissionpolicybindings",
        "customresourcedefinitions",
        "storageclasses",
        "priorityclasses",
        "runtimeclasses",
        "users",
        "groups",
        "uids",
        "userextras",
    };
    return std::find(Cluster.begin(), Cluster.end(), resource) != Cluster.end();
}

} // namespace PodSec::Access
