// SPDX-License-Identifier: Apache-2.0
#include "access/grants.h"

#include <algorithm>
#include <array>

namespace PodSec::Access::Grants {

namespace {

struct Probe
{
    int id;
    std::string_view group, resource, subresource;
    std::array<std::string_view, 5> verbs;
};

constexpr std::string_view Rbac = "rbac.authorization.k8s.io";
constexpr std::string_view SignerName = "kubernetes.io/kube-apiserver-client";

// clang-format off
const Probe Probes[] = {
    {int(RiskId::ReadSecrets), "", "secrets", "", {"get", "list", "watch"}},
    {int(RiskId::CreateWorkloads), "", "pods", "", {"create"}},
    {int(RiskId::CreateWorkloads), "", "replicationcontrollers", "", {"create"}},
    {int(RiskId::CreateWorkloads), "apps", "deployments", "", {"create"}},
    {int(RiskId::CreateWorkloads), "apps", "daemonsets", "", {"create"}},
    {int(RiskId::CreateWorkloads), "apps", "statefulsets", "", {"create"}},
    {int(RiskId::CreateWorkloads), "apps", "replicasets", "", {"create"}},
    {int(RiskId::CreateWorkloads), "batch", "jobs", "", {"create"}},
    {int(RiskId::CreateWorkloads), "batch", "cronjobs", "", {"create"}},
    {int(RiskId::CreateWorkloads), "", "pods", "ephemeralcontainers", {"update", "patch"}},
    {int(RiskId::CreatePersistentVolumes), "", "persistentvolumes", "", {"create"}},
    {int(RiskId::NodeProxy), "", "nodes", "proxy", {"get", "create", "update", "patch", "delete"}},
    {int(RiskId::Escalate), Rbac, "roles", "", {"escalate"}},
    {int(RiskId::Escalate), Rbac, "clusterroles", "", {"escalate"}},
    {int(RiskId::Bind), Rbac, "roles", "", {"bind"}},
    {int(RiskId::Bind), Rbac, "clusterroles", "", {"bind"}},
    {int(RiskId::Impersonate), "", "users", "", {"impersonate"}},
    {int(RiskId::Impersonate), "", "groups", "", {"impersonate"}},
    {int(RiskId::Impersonate), "", "serviceaccounts", "", {"impersonate"}},
    {int(RiskId::Impersonate), "authentication.k8s.io", "uids", "", {"impersonate"}},
    {int(RiskId::Impersonate), "authentication.k8s.io", "userextras", "*", {"impersonate"}},
    {CsrCreate, "certificates.k8s.io", "certificatesigningrequests", "", {"create"}},
    {CsrApprove, "certificates.k8s.io", "certificatesigningrequests", "approval", {"update", "patch"}},
    {SignerApprove, "certificates.k8s.io", "signers", "", {"approve"}},
    {int(RiskId::CreateTokens), "", "serviceaccounts", "token", {"create"}},
    {int(RiskId::ControlAdmissionWebhooks), "admissionregistration.k8s.io", "validatingwebhookconfigurations", "", {"create", "update", "patch", "delete"}},
    {int(RiskId::ControlAdmissionWebhooks), "admissionregistration.k8s.io", "mutatingwebhookconfigurations", "", {"create", "update", "patch", "delete"}},
    {int(RiskId::RelabelNamespace), "", "namespaces", "", {"patch", "update"}},
};
// clang-format on

// Resources a RoleBinding can usefully grant across namespaces (clusterWideGrant).
constexpr std::array<std::string_view, 30> NamespacedOnly = {"pods",
                                                             "services",
                                                             "endpoints",
                                                             "configmaps",
                                                             "secrets",
                                                             "serviceaccounts",
                                                             "persistentvolumeclaims",
                                                             "replicationcontrollers",
                                                             "events",
                                                             "limitranges",
                                                             "resourcequotas",
                                                             "podtemplates",
                                                             "bindings",
                                                             "deployments",
                                                             "daemonsets",
                                                             "statefulsets",
                                                             "replicasets",
                                                             "controllerrevisions",
                                                             "jobs",
                                                             "cronjobs",
                                                             "ingresses",
                                                             "networkpolicies",
                                                             "poddisruptionbudgets",
                                                             "horizontalpodautoscalers",
                                                             "roles",
                                                             "rolebindings",
                                                             "leases",
                                                             "endpointslices",
                                                             "localsubjectaccessreviews",
                                                             "csistoragecapacities"};

bool has(const std::vector<std::string> &v, std::string_view s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

/// Whether rule allows verb on the probe's resource for some object (spec §2: a rule with
/// resourceNames grants the risk for the objects it names, but never the create of a
/// resource, which has no name yet).
bool allowsSome(const PolicyRule &rule, const Probe &p, std::string_view verb)
{
    if (!verbMatches(rule, verb) || !apiGroupMatches(rule, p.group))
        return false;
    if (p.subresource == "*") {
        // Any subresource (userextras/<key>): "*", "userextras/<key>" or "*/<key>".
        const bool any = std::any_of(rule.resources.begin(), rule.resources.end(), [&](auto &r) {
            return r == "*" ||
                   (r.size() > p.resource.size() + 1 &&
                    r.compare(0, p.resource.size(), p.resource) == 0 &&
                    r[p.resource.size()] == '/') ||
                   (r.size() > 2 && r.compare(0, 2, "*/") == 0);
        });
        return any;
    }
    const std::string combined = p.subresource.empty()
                                     ? std::string(p.resource)
                                     : std::string(p.resource) + '/' + std::string(p.subresource);
    if (!resourceMatches(rule, combined, p.subresource))
        return false;
    if (verb == "create" && p.subresource.empty())
        return resourceNameMatches(rule, "");
    if (p.id == SignerApprove)
        return resourceNameMatches(rule, SignerName) ||
               resourceNameMatches(rule, "kubernetes.io/*");
    return true;
}

} // namespace

std::vector<RawGrant> rawGrants(const AccessModel &model, int role, bool clusterBinding)
{
    std::vector<RawGrant> out;
    auto grant = [&](int id) -> RawGrant & {
        for (auto &g : out) {
            if (g.id == id)
                return g;
        }
        out.push_back({id, {}});
        return out.back();
    };
    for (const auto &ref : model.effectiveRules(role)) {
        const PolicyRule &rule = model.rule(ref);
        for (const Probe &p : Probes) {
            // A RoleBinding grants namespaced resources only; a namespace is itself in its
            // own namespace, so it can be patched through a RoleBinding there.
            const bool clusterScoped =
                isClusterScoped(p.resource) ||
                (p.id == int(RiskId::Impersonate) && p.resource != "serviceaccounts");
            if (!clusterBinding && clusterScoped && p.resource != "namespaces")
                continue;
            std::string verbs;
            for (std::string_view v : p.verbs) {
                if (!v.empty() && allowsSome(rule, p, v))
                    verbs += (verbs.empty() ? "" : "/") + std::string(v);
            }
            if (verbs.empty())
                continue;
            std::string what = verbs + ' ' + std::string(p.resource);
            if (!p.subresource.empty())
                what += '/' + std::string(p.subresource);
            grant(p.id).matches.push_back({ref, std::move(what)});
        }
        const bool star =
            has(rule.verbs, "*") || has(rule.resources, "*") || has(rule.apiGroups, "*");
        if (star)
            grant(int(RiskId::Wildcard)).matches.push_back({ref, rule.text()});
        if (has(rule.verbs, "*") && has(rule.apiGroups, "*") && has(rule.resources, "*"))
            grant(StarRule).matches.push_back({ref, rule.text()});
    }
    return out;
}

bool onlyNamespaced(const AccessModel &model, int role)
{
    bool any = false;
    for (const auto &ref : model.effectiveRules(role)) {
        const PolicyRule &rule = model.rule(ref);
        if (!rule.nonResourceURLs.empty())
            return false;
        for (const auto &r : rule.resources) {
            const std::string_view base = std::string_view(r).substr(0, r.find('/'));
            if (std::find(NamespacedOnly.begin(), NamespacedOnly.end(), base) ==
                NamespacedOnly.end())
                return false;
            any = true;
        }
    }
    return any;
}

} // namespace PodSec::Access::Grants
