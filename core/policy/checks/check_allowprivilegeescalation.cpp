// SPDX-License-Identifier: Apache-2.0
//
// allowPrivilegeEscalation (restricted, from v1.8)
// Privilege escalation (for example through set-user-ID or set-group-ID file modes)
// must not be allowed: every container must set
// securityContext.allowPrivilegeEscalation to false. From v1.25 Windows pods are exempt.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_8(const K8s::PodSpecView &pod, CheckResult &result)
{
    std::vector<std::string> bad;
    for (const auto &c : pod.containers()) {
        const auto f = pod.containerField(c, {"securityContext", "allowPrivilegeEscalation"});
        const bool ok = f.present && pod.doc().isFalse(f.node);
        record(result, pod, f, ok);
        if (!ok)
            bad.push_back(c.name);
    }
    if (!bad.empty())
        result.forbid("allowPrivilegeEscalation != false",
                      containersPhrase(bad) +
                          " must set securityContext.allowPrivilegeEscalation=false");
}

} // namespace

CheckDefinition allowPrivilegeEscalation()
{
    return {"allowPrivilegeEscalation",
            Level::Restricted,
            {{8, check1_8, {}}, {25, exemptWindows<check1_8>, {}}}};
}

} // namespace PodSec::Policy::Checks
