// SPDX-License-Identifier: Apache-2.0
//
// windowsHostProcess (baseline, v1.0)
// Windows pods offer the ability to run HostProcess containers, which enable privileged
// access to the Windows node; they must not be allowed:
// securityContext.windowsOptions.hostProcess must be unset or false at pod level and in
// every container (for every pod, not only Windows ones).
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    auto inspect = [&](Yaml::NodeId base, const std::string &basePath) {
        const auto f =
            pod.field(base, basePath, {"securityContext", "windowsOptions", "hostProcess"});
        if (!f.present)
            return true;
        const bool bad = pod.doc().isTrue(f.node);
        record(result, pod, f, !bad);
        return !bad;
    };
    const bool podBad = !inspect(pod.spec(), pod.specPath());
    std::vector<std::string> bad;
    for (const auto &c : pod.containers()) {
        if (!inspect(c.node, c.path))
            bad.push_back(c.name);
    }
    if (podBad || !bad.empty())
        result.forbid("hostProcess",
                      settersPhrase(podBad, bad) +
                          " must not set securityContext.windowsOptions.hostProcess=true");
}

} // namespace

CheckDefinition windowsHostProcess()
{
    return {"windowsHostProcess", Level::Baseline, {{0, check1_0, {}}}};
}

} // namespace PodSec::Policy::Checks
