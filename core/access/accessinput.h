// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/rbac.h"
#include "common/diagnostic.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Yaml {
class Document;
using NodeId = std::int32_t;
} // namespace PodSec::Yaml

namespace PodSec::Access {

struct ServiceAccountInfo
{
    std::string name, namespaceName;
    std::optional<bool> automount; ///< automountServiceAccountToken, when set
    Source source;
};

/// A pod-bearing object: which account its pods run as and whether they ask for its token.
struct WorkloadInfo
{
    std::string kind, name, namespaceName;
    std::string serviceAccount;    ///< serviceAccountName, else serviceAccount, else "default"
    std::optional<bool> automount; ///< the pod spec's automountServiceAccountToken, when set
    Source source;
};

struct InputProblem
{
    std::string file;
    Diagnostic diagnostic;
};

/// The objects the access model reads (spec/access.md §1), in input order.
struct AccessInput
{
    std::vector<Role> roles; ///< Roles and ClusterRoles
    std::vector<Binding> bindings;
    std::vector<ServiceAccountInfo> serviceAccounts;
    std::vector<WorkloadInfo> workloads;
    /// Labels of the declared Namespace objects (a later definition wins).
    std::map<std::string, Labels> namespaces;
    /// Every namespace of the workspace: declared ones and those objects live in.
    std::set<std::string> namespaceNames;
    std::vector<InputProblem> problems;

    /// Appends other's objects after this one's.
    void append(AccessInput &&other);
};

/// One input text: a file, or a page of a live cluster's list (no file positions: live).
struct InputText
{
    std::string name;
    std::string_view text;
    bool live = false;
    /// Every document of the text is known to read without any problem (a snapshot found
    /// none in these bytes): a document of a kind access does not read would only be
    /// validated, finding nothing, so it is skipped.
    bool clean = false;
    /// In a clean text, the documents that are known to be one pod-bearing object each (not
    /// a List), by document index, ascending: what reading them would give (a snapshot's
    /// workload facts). They are not parsed again.
    std::vector<std::pair<int, WorkloadInfo>> known = {};
};

/// The account a pod-bearing object's pods run as and whether they ask for its token:
/// serviceAccountName, else serviceAccount, else "default"; automountServiceAccountToken.
void readAccount(const Yaml::Document &document, Yaml::NodeId podSpec, std::string &account,
                 std::optional<bool> &automount);

/// Adds the access-relevant objects of one parsed document (List items included).
void collectObjects(const Yaml::Document &document, const std::string &file, bool live,
                    const std::string &defaultNamespace, AccessInput &into);

/// Reads one parsed document as readAccessInput does: its problems, named by file (with its
/// objects' decoding problems when decoded: the document was parsed for access, not only
/// validated), then its objects unless it has an error.
void readDocument(const Yaml::Document &document, bool decoded, const std::string &file, bool live,
                  const std::string &defaultNamespace, AccessInput &into);

/// Splits and parses every text (documents in parallel on up to threads workers, 0: one
/// per core) and collects their objects in input order; problems name file and position.
AccessInput readAccessInput(const std::vector<InputText> &texts,
                            const std::string &defaultNamespace = "default", int threads = 0);

/// Kubernetes' built-in ClusterRoles and ClusterRoleBindings (the bootstrap policy,
/// ../shared/reference/rbac-bootstrap, compiled in), marked builtin, without positions.
const AccessInput &bootstrapPolicy();

} // namespace PodSec::Access
