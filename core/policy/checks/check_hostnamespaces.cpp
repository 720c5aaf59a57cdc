// SPDX-License-Identifier: Apache-2.0
//
// hostNamespaces (baseline, v1.0)
// Sharing the host namespaces must be disallowed: spec.hostNetwork, spec.hostPID and
// spec.hostIPC must be unset or false.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    std::vector<std::string> items;
    for (const char *key : {"hostNetwork", "hostPID", "hostIPC"}) {
        const auto f = pod.specField({key});
        if (!f.present)
            continue;
        const bool bad = pod.doc().isTrue(f.node);
        record(result, pod, f, !bad);
        if (bad)
            items.push_back(std::string(key) + "=true");
    }
    if (!items.empty())
        result.forbid("host namespaces", joined(items));
}

} // namespace

CheckDefinition hostNamespaces()
{
    return {"hostNamespaces", Level::Baseline, {{0, check1_0, {}}}};
}

} // namespace PodSec::Policy::Checks
