// SPDX-License-Identifier: Apache-2.0
//
// runAsUser (restricted, from v1.23)
// Containers must not set runAsUser to 0 (root), at pod or container level. From v1.35,
// pods in a user namespace (spec.hostUsers: false) are exempt.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_23(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    auto isRoot = [&](const K8s::FieldRef &f) {
        const auto n = doc.toInt(f.node);
        return n && *n == 0;
    };
    const auto podField = pod.specField({"securityContext", "runAsUser"});
    bool podBad = false;
    if (podField.present) {
        podBad = isRoot(podField);
        record(result, pod, podField, !podBad);
    }
    std::vector<std::string> bad;
    for (const auto &c : pod.containers()) {
        const auto f = pod.containerField(c, {"securityContext", "runAsUser"});
        if (!f.present)
            continue;
        const bool isBad = isRoot(f);
        record(result, pod, f, !isBad);
        if (isBad)
            bad.push_back(c.name);
    }
    if (podBad || !bad.empty())
        result.forbid("runAsUser=0", settersPhrase(podBad, bad) + " must not set runAsUser=0");
}

} // namespace

CheckDefinition runAsUser()
{
    return {"runAsUser",
            Level::Restricted,
            {{23, check1_23, {}}, {35, exemptUserNamespace<check1_23>, {}}}};
}

} // namespace PodSec::Policy::Checks
