// SPDX-License-Identifier: Apache-2.0
// The checklist's namespace rules (spec/checklist.md §3): once per namespace of the
// workspace, from its labels and the NetworkPolicies, ResourceQuotas and LimitRanges in it.
#include "checklist/rules.h"

namespace PodSec::Checklist {

namespace {

const Engine::NamespaceFacts *factsOf(const std::string &ns, const Engine::Placement &p)
{
    if (!p.facts)
        return nullptr;
    const auto it = p.facts->namespaces.find(ns);
    return it == p.facts->namespaces.end() ? nullptr : &it->second;
}

} // namespace

// §3.1 The namespace enforces baseline or restricted with valid labels.
void podSecurityEnforced(const std::string &ns, const Engine::Placement &p, Finding &f)
{
    Engine::Labels labels;
    if (const auto *facts = factsOf(ns, p); facts && facts->declared) {
        labels = facts->labels;
    } else if (const auto it = p.namespaces.find(ns); it != p.namespaces.end()) {
        labels = it->second;
    }
    const auto policy = Admission::resolveNamespacePolicy(labels, p.admissionConfig.defaults);
    const bool valid = policy.errors.empty();
    if (valid && policy.enforce.level != Policy::Level::Privileged)
        return;
    const char *from = !valid                 ? "label invalid"
                       : policy.levelLabel[0] ? "from its label"
                                              : "from the default";
    f.allowed = false;
    f.reason = "enforce below baseline";
    f.detail = "namespace " + q(ns) + " enforces " + policy.enforce.toString() + " (" + from + ")";
    if (p.admissionConfig.isExemptNamespace(ns))
        f.severityOverride = Engine::Severity::Info;
}

// §3.2 The namespace's NetworkPolicies deny all ingress and all egress by default.
void defaultDenyNetworkPolicy(const std::string &ns, const Engine::Placement &p, Finding &f)
{
    const auto *facts = factsOf(ns, p);
    const bool ingress = facts && facts->denyIngress;
    const bool egress = facts && facts->denyEgress;
    if (ingress && egress)
        return;
    f.allowed = false;
    f.reason = "no default-deny network policy";
    f.detail = "namespace " + q(ns) + " has no default-deny policy for " +
               (!ingress && !egress ? "ingress and egress"
                : !ingress          ? "ingress"
                                    : "egress");
}

// §3.3 The namespace has a ResourceQuota.
void resourceQuota(const std::string &ns, const Engine::Placement &p, Finding &f)
{
    const auto *facts = factsOf(ns, p);
    if (facts && facts->quotas > 0)
        return;
    f.allowed = false;
    f.reason = "no resource quota";
    f.detail = "namespace " + q(ns) + " has no ResourceQuota";
}

// §3.4 The namespace has a LimitRange giving containers a default memory limit.
void limitRange(const std::string &ns, const Engine::Placement &p, Finding &f)
{
    const auto *facts = factsOf(ns, p);
    if (facts && facts->defaultMemory)
        return;
    f.allowed = false;
    f.reason = "no default memory limit";
    f.detail =
        "namespace " + q(ns) + " has no LimitRange that gives containers a default memory limit";
}

} // namespace PodSec::Checklist
