// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/result.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace PodSec::Yaml {
class Document;
}

namespace PodSec::Engine {

/// A ServiceAccount of the workspace, as the checklist's cross-object rules read it
/// (spec/checklist.md §2.1, §2.9).
struct ServiceAccountFacts
{
    std::string file; ///< the file (or cluster page) it was read from
    bool fromCluster = false;
    /// automountServiceAccountToken when set to a boolean; its field (with file) either way.
    bool automountSet = false;
    bool automount = true;
    Policy::InspectedField automountField;
    /// The annotation kubernetes.io/enforce-mountable-secrets parses as true
    /// (strconv.ParseBool).
    bool enforceMountable = false;
    std::vector<std::string> secrets;     ///< secrets[].name
    std::vector<std::string> pullSecrets; ///< imagePullSecrets[].name
};

/// What the namespace rules (spec/checklist.md §3) need of one namespace.
struct NamespaceFacts
{
    bool declared = false;    ///< a Namespace object exists in the workspace
    std::string source;       ///< the file of the Namespace object (empty: not declared)
    bool fromCluster = false; ///< the Namespace object came from a cluster read
    std::vector<std::pair<std::string, std::string>> labels; ///< the Namespace object's labels
    bool denyIngress = false;   ///< some NetworkPolicy denies all ingress by default
    bool denyEgress = false;    ///< some NetworkPolicy denies all egress by default
    int quotas = 0;             ///< ResourceQuotas
    bool defaultMemory = false; ///< some LimitRange gives containers a default memory limit
};

/// The objects of a workspace that rules about other objects read: ServiceAccounts,
/// NetworkPolicies, ResourceQuotas, LimitRanges and Namespaces, and every namespace some
/// object lives in. Built before any workload is judged, then read-only.
struct WorkspaceFacts
{
    std::map<std::pair<std::string, std::string>, ServiceAccountFacts> serviceAccounts;
    std::map<std::string, NamespaceFacts> namespaces;

    const ServiceAccountFacts *serviceAccount(const std::string &ns, const std::string &name) const;
    /// Adds what a parsed document declares. A later definition of the same object wins.
    void collect(const Yaml::Document &document, const std::string &file, bool fromCluster,
                 const std::string &defaultNamespace);
    /// Records that an object lives in namespace ns.
    void noteNamespace(const std::string &ns);
    /// Everything the rules read, as one string: equal keys, equal findings.
    std::string key() const;
};

/// Whether a document's text may declare one of the kinds collect() reads (a cheap test
/// that spares parsing the others).
bool mayHoldFacts(std::string_view text);

/// Whether an object of this kind lives in a namespace (Namespace, PodSecurityPolicy,
/// ClusterRole, Node, ... do not).
bool isNamespacedKind(std::string_view kind);

} // namespace PodSec::Engine
