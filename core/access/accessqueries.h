// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/accessmodel.h"

#include <optional>
#include <string>
#include <vector>

/// Questions the window and the CLI ask of an access result, answered here so that both
/// give the same answer and no view computes policy: the who-can query (parsed as
/// `podsec access --who-can` reads it), who can create workloads in or relabel a namespace,
/// what a workload's token can do, and the ids `podsec explain` covers.
namespace PodSec::Access {

/// --who-can VERB RESOURCE[/SUB] [-n NS] [--name NAME]: "deployments.apps/scale" names
/// the group after the first dot; well-known resources get their group; a namespaced
/// resource without -n is asked in "default"; a Namespace is in its own namespace.
std::optional<Request> parseWhoCan(const std::string &verb, std::string resource,
                                   const std::optional<std::string> &namespaceName,
                                   const std::string &name, std::string &error);
/// The same question as one line, as typed in the window's search box:
/// `VERB RESOURCE[/SUB] [-n NS | --namespace NS | --namespace=NS] [--name NAME | --name=NAME]`.
std::optional<Request> parseWhoCanQuery(const std::string &line, std::string &error);

/// A risk one subject holds.
struct Holder
{
    const SubjectRisks *subject = nullptr;
    const Risk *risk = nullptr;
};

/// Who holds createWorkloads (or runs pods there through another account) and who holds
/// relabelNamespace for namespace ns: risks scoped to ns or to the cluster, worst first.
struct NamespaceAccess
{
    std::vector<Holder> createWorkloads;
    std::vector<Holder> relabel;
};
NamespaceAccess namespaceAccess(const AccessResult &result, const std::string &ns);

/// What the pods of a workload can do with their ServiceAccount's token.
struct WorkloadToken
{
    bool known = false; ///< the workload is among the access input
    std::string serviceAccount;
    bool mounted = true; ///< the pods mount the token (pod setting, else the account's)
    /// The account's risks (null: it has none).
    const SubjectRisks *account = nullptr;
    /// The account's privilegedPodToken risk, when it has one.
    const Risk *privilegedPodToken = nullptr;
};
WorkloadToken workloadToken(const AccessResult &result, const std::string &kind,
                            const std::string &ns, const std::string &name);

/// A stable key for a subject ("ServiceAccount/ns/name", "User//alice") and for a risk of
/// it ("<subject key>#<riskId>#<scope>"), for links between views.
std::string subjectKey(const Subject &subject);
std::string riskKey(const Subject &subject, const Risk &risk);

/// The credential finding ids of spec/access.md §4, with their severity.
struct CredentialKind
{
    const char *id;
    Engine::Severity severity;
};
const std::vector<CredentialKind> &credentialKinds();

/// Every id `podsec explain` covers for access: the 18 risks, then the credential findings.
struct ExplainedId
{
    std::string id;
    Engine::Severity severity;
    std::string chapters; ///< seed chapters, "7, 10"
    std::string summary;
};
const std::vector<ExplainedId> &explainedAccessIds();
const ExplainedId *findExplainedAccessId(const std::string &id);

} // namespace PodSec::Access
