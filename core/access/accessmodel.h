// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/accessinput.h"
#include "admission/namespacepolicy.h"
#include "engine/ruleset.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace PodSec::Access {

using Engine::Severity;

/// The risks of spec/access.md §3, in its table's order.
enum class RiskId : std::uint8_t {
    ReadSecrets,
    CreateWorkloads,
    RunAsAnyServiceAccount,
    CreatePersistentVolumes,
    NodeProxy,
    Escalate,
    Bind,
    Impersonate,
    ApproveClientCertificates,
    CreateTokens,
    ControlAdmissionWebhooks,
    RelabelNamespace,
    Wildcard,
    ClusterAdmin,
    SystemMasters,
    Unauthenticated,
    ClusterWideGrant,
    PrivilegedPodToken,
};
constexpr int RiskCount = 18;
/// "readSecrets", ... (the ids of reports and `podsec explain`).
const char *riskName(RiskId id);
/// The risk's severity when it does not depend on a namespace (the table's column).
Severity baseSeverity(RiskId id);
int seedChapter(RiskId id);

/// One link of the chain that grants a risk: a binding, a role, a rule (kind "Rule"), a
/// group the subject is a member of, or a workload.
struct ChainLink
{
    std::string kind, name, namespaceName;
    std::string rule; ///< the rule's text, for kind "Rule"
    Source source;
    bool builtin = false;
};

struct Risk
{
    RiskId id = RiskId::ReadSecrets;
    Severity severity = Severity::Warning;
    std::string scope; ///< "cluster" or a namespace
    std::string detail;
    std::vector<ChainLink> chain;
};

struct SubjectRisks
{
    Subject subject;
    std::vector<Risk> risks; ///< worst first
    Severity worst() const;
};

struct AccessOptions
{
    /// A live cluster's objects: aggregated ClusterRoles keep their stored rules and no
    /// built-in role is assumed.
    bool live = false;
    /// Defaults of unlabelled namespaces (an admission configuration's), for the
    /// namespace-dependent severities.
    Admission::Defaults defaults;
};

/// The access model of one workspace: roles resolved (built-ins, aggregation), bindings
/// indexed, questions answered exactly as the RBAC authorizer would (spec/access.md §2).
class AccessModel
{
public:
    explicit AccessModel(AccessInput input, AccessOptions options = {});
    ~AccessModel();
    AccessModel(const AccessModel &) = delete;
    AccessModel &operator=(const AccessModel &) = delete;

    const AccessInput &input() const { return m_input; }
    const AccessOptions &options() const { return m_options; }

    /// A rule of a role's effective rules, with the role that holds it (another one for
    /// an aggregated ClusterRole).
    struct RuleRef
    {
        int role = -1;
        int rule = -1;
    };
    /// Input roles, then the built-in ones the input does not define.
    const std::vector<Role> &roles() const { return m_roles; }
    /// The role a binding names, or -1 (missing, or a ClusterRoleBinding naming a Role).
    int roleIndex(const Binding &binding) const;
    const std::vector<RuleRef> &effectiveRules(int role) const { return m_effective[role]; }
    const PolicyRule &rule(RuleRef ref) const { return m_roles[ref.role].rules[ref.rule]; }

    /// The chain binding → role → rule.
    std::vector<ChainLink> chain(const Binding &binding, int role, RuleRef ref) const;
    std::vector<ChainLink> chain(const Binding &binding, int role) const;

    /// Every subject a binding names that the request is allowed for, with the granting
    /// chain (what `kubectl who-can` answers): ClusterRoleBindings, and RoleBindings of the
    /// request's namespace (none for a cluster-scoped request).
    struct WhoCan
    {
        Subject subject;
        std::vector<ChainLink> chain;
    };
    std::vector<WhoCan> whoCan(const Request &request) const;
    /// Whether an identity is allowed the request (the authorizer's answer).
    bool allows(const UserInfo &user, const Request &request) const;

    /// The policy that judges namespace ns (its labels, else the defaults).
    Admission::NamespacePolicy namespacePolicy(const std::string &ns) const;
    /// Every known identity in the group (users and service accounts of the workspace).
    std::vector<Subject> membersOf(const std::string &group) const;
    const std::vector<Subject> &knownIdentities() const { return m_identities; }

    /// Problems of the model itself: bindings naming a missing role (they grant nothing),
    /// subjects of unknown kinds. Warnings, with the binding's position.
    const std::vector<InputProblem> &problems() const { return m_problems; }

private:
    void resolveAggregation();

    AccessInput m_input;
    AccessOptions m_options;
    std::vector<Role> m_roles;
    std::vector<std::vector<RuleRef>> m_effective;
    std::map<std::string, int> m_clusterRoles;
    std::map<std::pair<std::string, std::string>, int> m_namespacedRoles;
    std::vector<Subject> m_identities; ///< known users and service accounts, sorted
    std::vector<InputProblem> m_problems;
};

/// The risks of every subject (spec/access.md §3), subjects sorted (users, groups, service
/// accounts; by namespace and name), those without risks left out.
std::vector<SubjectRisks> evaluateRisks(const AccessModel &model);

/// The access part of a workspace snapshot: the model, the risks, and the problems of the
/// input and of the model (missing roles). Immutable once built.
struct AccessResult
{
    std::shared_ptr<const AccessModel> model;
    std::vector<SubjectRisks> subjects;
    std::vector<InputProblem> problems;
};
/// Builds the model of input and evaluates the risks (the window's snapshot, which reads the
/// input in its own pass over the documents).
std::shared_ptr<const AccessResult> evaluateAccess(AccessInput input, const AccessOptions &options);
/// Reads the texts, builds the model and evaluates the risks (the CLI, the benchmark, and the
/// snapshot when it cannot read the input in its own pass).
std::shared_ptr<const AccessResult> evaluateAccess(const std::vector<InputText> &texts,
                                                   const AccessOptions &options,
                                                   const std::string &defaultNamespace = "default",
                                                   int threads = 0);

} // namespace PodSec::Access
