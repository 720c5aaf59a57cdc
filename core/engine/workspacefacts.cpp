// SPDX-License-Identifier: Apache-2.0
#include "engine/workspacefacts.h"

#include "k8s/object.h"
#include "yaml/document.h"

#include <algorithm>
#include <array>

namespace PodSec::Engine {

namespace {

using Yaml::NodeId;
using Yaml::NodeKind;

/// Go's strconv.ParseBool, true side.
bool parsesTrue(const std::string &s)
{
    return s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True";
}

std::string group(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

std::vector<std::string> names(const Yaml::Document &doc, NodeId list)
{
    std::vector<std::string> out;
    list = doc.resolve(list);
    if (doc.kind(list) != NodeKind::Sequence)
        return out;
    for (std::size_t i = 0; i < doc.size(list); ++i)
        out.push_back(doc.scalar(doc.get(doc.item(list, i), "name")));
    return out;
}

bool emptySelector(const Yaml::Document &doc, NodeId selector)
{
    selector = doc.resolve(selector);
    if (selector == Yaml::NoNode)
        return true;
    if (doc.kind(selector) == NodeKind::Null)
        return true;
    if (doc.kind(selector) != NodeKind::Mapping)
        return false;
    return doc.size(doc.getSet(selector, "matchLabels")) == 0 &&
           doc.size(doc.getSet(selector, "matchExpressions")) == 0;
}

void readNetworkPolicy(const Yaml::Document &doc, NodeId root, NamespaceFacts &ns)
{
    const NodeId spec = doc.getSet(root, "spec");
    if (doc.kind(spec) != NodeKind::Mapping)
        return;
    const NodeId podSelector = doc.get(spec, "podSelector");
    if (!emptySelector(doc, podSelector))
        return;
    const std::size_t ingressRules = doc.size(doc.getSet(spec, "ingress"));
    const std::size_t egressRules = doc.size(doc.getSet(spec, "egress"));
    bool ingress = false, egress = false;
    const NodeId types = doc.resolve(doc.getSet(spec, "policyTypes"));
    if (doc.size(types) == 0) {
        ingress = true;
        egress = egressRules > 0;
    } else {
        for (std::size_t i = 0; i < doc.size(types); ++i) {
            const std::string &t = doc.scalar(doc.item(types, i));
            ingress = ingress || t == "Ingress";
            egress = egress || t == "Egress";
        }
    }
    ns.denyIngress = ns.denyIngress || (ingress && ingressRules == 0);
    ns.denyEgress = ns.denyEgress || (egress && egressRules == 0);
}

bool setsDefaultMemory(const Yaml::Document &doc, NodeId root)
{
    const NodeId limits = doc.resolve(doc.getSet(doc.getSet(root, "spec"), "limits"));
    for (std::size_t i = 0; i < doc.size(limits); ++i) {
        const NodeId limit = doc.item(limits, i);
        if (doc.scalar(doc.get(limit, "type")) == "Container" &&
            doc.getSet(doc.getSet(limit, "default"), "memory") != Yaml::NoNode)
            return true;
    }
    return false;
}

} // namespace

const ServiceAccountFacts *WorkspaceFacts::serviceAccount(const std::string &ns,
                                                          const std::string &name) const
{
    const auto it = serviceAccounts.find({ns, name});
    return it == serviceAccounts.end() ? nullptr : &it->second;
}

void WorkspaceFacts::noteNamespace(const std::string &ns)
{
    if (!ns.empty())
        namespaces[ns];
}

void WorkspaceFacts::collect(const Yaml::Document &doc, const std::string &file, bool fromCluster,
                             const std::string &defaultNamespace)
{
    for (const auto &object : K8s::objectsIn(doc)) {
        const std::string &kind = object.kindText;
        if (object.kind == K8s::Kind::Namespace) {
            if (object.name.empty())
                continue;
            auto &ns = namespaces[object.name];
            ns.declared = true;
            ns.source = file;
            ns.fromCluster = fromCluster;
            ns.labels = object.labels;
            continue;
        }
        if (!isNamespacedKind(kind))
            continue;
        const std::string &nsName = object.namespaceOr(defaultNamespace);
        const std::string g = group(object.apiVersion);
        if (kind == "ServiceAccount" && g.empty()) {
            ServiceAccountFacts sa;
            sa.file = file;
            sa.fromCluster = fromCluster;
            const NodeId automount = doc.getSet(object.root, "automountServiceAccountToken");
            auto &f = sa.automountField;
            f.path = "automountServiceAccountToken";
            f.present = automount != Yaml::NoNode;
            f.value = f.present ? doc.toJson(automount) : std::string("null");
            f.file = file;
            const NodeId at = f.present ? automount : object.root;
            const auto &n = doc.node(at);
            f.offset = n.start;
            f.endOffset = n.end;
            f.line = n.line;
            f.column = n.column;
            if (f.present && (doc.isTrue(automount) || doc.isFalse(automount))) {
                sa.automountSet = true;
                sa.automount = doc.isTrue(automount);
            }
            const NodeId annotations =
                doc.getSet(doc.getSet(object.root, "metadata"), "annotations");
            sa.enforceMountable = parsesTrue(
                doc.scalar(doc.get(annotations, "kubernetes.io/enforce-mountable-secrets")));
            sa.secrets = names(doc, doc.getSet(object.root, "secrets"));
            sa.pullSecrets = names(doc, doc.getSet(object.root, "imagePullSecrets"));
            serviceAccounts[{nsName, object.name}] = std::move(sa);
        } else if (kind == "NetworkPolicy" && g == "networking.k8s.io") {
            readNetworkPolicy(doc, object.root, namespaces[nsName]);
        } else if (kind == "ResourceQuota" && g.empty()) {
            ++namespaces[nsName].quotas;
        } else if (kind == "LimitRange" && g.empty()) {
            auto &ns = namespaces[nsName];
            ns.defaultMemory = ns.defaultMemory || setsDefaultMemory(doc, object.root);
        }
        noteNamespace(nsName);
    }
}

std::string WorkspaceFacts::key() const
{
    std::string k;
    auto add = [&](const std::string &s) {
        k += std::to_string(s.size());
        k += ':';
        k += s;
    };
    for (const auto &[id, sa] : serviceAccounts) {
        add(id.first);
        add(id.second);
        add(sa.file);
        add(sa.automountField.value);
        k += std::to_string(sa.automountField.line) + ',' + std::to_string(sa.automountSet) +
             std::to_string(sa.automount) + std::to_string(sa.enforceMountable) +
             std::to_string(sa.fromCluster);
        for (const auto &n : sa.secrets)
            add(n);
        k += '|';
        for (const auto &n : sa.pullSecrets)
            add(n);
        k += ';';
    }
    k += '#';
    for (const auto &[name, ns] : namespaces) {
        add(name);
        add(ns.source);
        k += std::to_string(ns.declared) + std::to_string(ns.denyIngress) +
             std::to_string(ns.denyEgress) + std::to_string(ns.defaultMemory) + ',' +
             std::to_string(ns.quotas);
        for (const auto &[key, value] : ns.labels) {
            add(key);
            add(value);
        }
        k += ';';
    }
    return k;
}

bool mayHoldFacts(std::string_view text)
{
    static constexpr std::array<std::string_view, 5> words = {
        "Namespace", "ServiceAccount", "NetworkPolicy", "ResourceQuota", "LimitRange"};
    for (const auto word : words) {
        for (std::size_t at = text.find(word); at != std::string_view::npos;
             at = text.find(word, at + 1)) {
            // automountServiceAccountToken is a field, not a kind.
            const char before = at ? text[at - 1] : ' ';
            const bool letter =
                (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z');
            if (!letter)
                return true;
        }
    }
    return false;
}

bool isNamespacedKind(std::string_view kind)
{
    static constexpr std::array<std::string_view, 22> clusterScoped = {
        "Namespace",
        "Node",
        "PersistentVolume",
        "ClusterRole",
        "ClusterRoleBinding",
        "PodSecurityPolicy",
        "CustomResourceDefinition",
        "StorageClass",
        "PriorityClass",
        "RuntimeClass",
        "IngressClass",
        "CSIDriver",
        "CSINode",
        "VolumeAttachment",
        "APIService",
        "CertificateSigningRequest",
        "ValidatingWebhookConfiguration",
        "MutatingWebhookConfiguration",
        "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding",
        "ComponentStatus",
        "FlowSchema",
    };
    return std::find(clusterScoped.begin(), clusterScoped.end(), kind) == clusterScoped.end() &&
           !kind.empty();
}

} // namespace PodSec::Engine
