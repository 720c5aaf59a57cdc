// SPDX-License-Identifier: Apache-2.0
//
// privileged (baseline, v1.0)
// Privileged pods disable most security mechanisms and must be disallowed:
// securityContext.privileged of every container must be unset or false.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    std::vector<std::string> bad;
    for (const auto &c : pod.containers()) {
        const auto f = pod.containerField(c, {"securityContext", "privileged"});
        if (!f.present)
            continue;
        const bool isBad = pod.doc().isTrue(f.node);
        record(result, pod, f, !isBad);
        if (isBad)
            bad.push_back(c.name);
    }
    if (!bad.empty())
        result.forbid("privileged",
                      containersPhrase(bad) + " must not set securityContext.privileged=true");
}

} // namespace

CheckDefinition privileged()
{
    return {"privileged", Level::Baseline, {{0, check1_0, {}}}};
}

} // namespace PodSec::Policy::Checks
