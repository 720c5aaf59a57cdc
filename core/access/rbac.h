// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// RBAC objects and the matching rules of Kubernetes' RBAC authorizer
/// (pkg/apis/rbac/v1/evaluation_helpers.go, plugin/pkg/auth/authorizer/rbac/rbac.go and
/// pkg/registry/rbac/validation/rule.go), exact to them: spec/access.md §2.
namespace PodSec::Access {

using Labels = std::vector<std::pair<std::string, std::string>>;

/// Where an object or a rule was written: a file position, or nothing (a live cluster's
/// object, a built-in role).
struct Source
{
    std::string file; ///< empty: no file position
    std::uint32_t line = 0, column = 0;
    bool valid() const { return !file.empty(); }
};

struct PolicyRule
{
    std::vector<std::string> verbs, apiGroups, resources, resourceNames, nonResourceURLs;
    Source source;
    /// "apiGroups=[\"\"] resources=[pods] verbs=[create]" for chains and reports.
    std::string text() const;
};

struct LabelSelectorRequirement
{
    std::string key;
    std::string op; ///< In, NotIn, Exists, DoesNotExist
    std::vector<std::string> values;
};

/// A metav1.LabelSelector: every matchLabels pair and every expression must hold; an
/// unknown operator matches nothing (the API server rejects it as an invalid selector).
struct LabelSelector
{
    Labels matchLabels;
    std::vector<LabelSelectorRequirement> matchExpressions;
    bool matches(const Labels &labels) const;
};

struct Role
{
    bool cluster = false; ///< ClusterRole; else Role in namespaceName
    std::string name, namespaceName;
    std::vector<PolicyRule> rules;
    Labels labels;
    /// aggregationRule.clusterRoleSelectors, when the role has an aggregationRule.
    std::optional<std::vector<LabelSelector>> aggregation;
    Source source;
    bool builtin = false; ///< from Kubernetes' bootstrap policy, not from the input
    const char *kind() const { return cluster ? "ClusterRole" : "Role"; }
};

enum class SubjectKind : std::uint8_t { User, Group, ServiceAccount };

struct Subject
{
    SubjectKind kind = SubjectKind::User;
    std::string name;
    std::string namespaceName; ///< ServiceAccount only
    const char *kindName() const;
    /// `user "alice"`, `group "devs"`, `serviceaccount "ci/deployer"`.
    std::string display() const;
    /// The user name Kubernetes gives it: "system:serviceaccount:ns:name" for an account.
    std::string userName() const;
    bool operator==(const Subject &o) const
    {
        return kind == o.kind && name == o.name && namespaceName == o.namespaceName;
    }
    bool operator<(const Subject &o) const;
};

struct Binding
{
    bool cluster = false; ///< ClusterRoleBinding; else RoleBinding in namespaceName
    std::string name, namespaceName;
    std::string roleKind; ///< roleRef.kind: Role or ClusterRole
    std::string roleName; ///< roleRef.name
    std::vector<Subject> subjects;
    /// Subjects whose kind is none of User, Group, ServiceAccount: they match nobody.
    std::vector<std::string> unknownSubjects;
    Source source;
    bool builtin = false;
    const char *kind() const { return cluster ? "ClusterRoleBinding" : "RoleBinding"; }
};

/// An authenticated identity as the authorizer sees it.
struct UserInfo
{
    std::string name;
    std::vector<std::string> groups;
};

/// The identity of a subject that can authenticate (a User or a ServiceAccount): a service
/// account is in system:serviceaccounts, system:serviceaccounts:<ns> and
/// system:authenticated; a user in system:authenticated, except system:anonymous, which is
/// in system:unauthenticated. A Group subject has no identity of its own (nullopt).
std::optional<UserInfo> userInfoOf(const Subject &subject);

/// authorizer.Attributes: a resource request or a non-resource request.
struct Request
{
    std::string verb;
    bool resourceRequest = true;
    std::string apiGroup, resource, subresource, name, namespaceName;
    std::string path; ///< non-resource requests
};

bool verbMatches(const PolicyRule &rule, std::string_view verb);
bool apiGroupMatches(const PolicyRule &rule, std::string_view group);
/// combined is "resource" or "resource/subresource".
bool resourceMatches(const PolicyRule &rule, std::string_view combined,
                     std::string_view subresource);
bool resourceNameMatches(const PolicyRule &rule, std::string_view name);
bool nonResourceURLMatches(const PolicyRule &rule, std::string_view path);
/// RuleAllows of rbac.go.
bool ruleAllows(const Request &request, const PolicyRule &rule);

/// appliesToUser of the rule resolver: whether subject names user; a ServiceAccount subject
/// without a namespace takes bindingNamespace (empty for a ClusterRoleBinding: no match).
bool appliesTo(const UserInfo &user, const Subject &subject, const std::string &bindingNamespace);

/// Whether a resource (no subresource) is cluster-scoped (spec/access.md §2's list).
bool isClusterScoped(std::string_view resource);

} // namespace PodSec::Access
