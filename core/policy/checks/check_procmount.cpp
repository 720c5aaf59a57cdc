// SPDX-License-Identifier: Apache-2.0
//
// procMount (baseline, v1.0)
// The default /proc masks reduce the attack surface: securityContext.procMount of every
// container must be unset or Default. From v1.35, pods in a user namespace
// (spec.hostUsers: false) are exempt at the baseline level.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

void procMountRule(const K8s::PodSpecView &pod, CheckResult &result)
{
    std::vector<std::string> bad, values;
    for (const auto &c : pod.containers()) {
        const auto f = pod.containerField(c, {"securityContext", "procMount"});
        if (!f.present)
            continue;
        const std::string &value = pod.doc().scalar(f.node);
        const bool ok = value == "Default";
        record(result, pod, f, ok);
        if (!ok) {
            bad.push_back(c.name);
            values.push_back(value);
        }
    }
    if (!bad.empty())
        result.forbid("procMount", containersPhrase(bad) +
                                       " must not set securityContext.procMount to " +
                                       quoted(sortedSet(values)));
}

CheckDefinition procMount()
{
    return {"procMount",
            Level::Baseline,
            {{0, procMountRule, {}}, {35, exemptUserNamespace<procMountRule>, {}}}};
}

} // namespace PodSec::Policy::Checks
