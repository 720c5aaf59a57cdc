// SPDX-License-Identifier: Apache-2.0
//
// capabilities_baseline (baseline, v1.0)
// Adding capabilities beyond the container runtime's default set must be disallowed:
// securityContext.capabilities.add may only name AUDIT_WRITE, CHOWN, DAC_OVERRIDE,
// FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and
// SYS_CHROOT.
#include "policy/checks/checkutil.h"

#include <algorithm>
#include <array>

namespace PodSec::Policy::Checks {

namespace {

bool isDefaultCapability(const std::string &cap)
{
    static constexpr std::array<std::string_view, 13> allowed = {
        "AUDIT_WRITE",      "CHOWN",   "DAC_OVERRIDE", "FOWNER",  "FSETID", "KILL",      "MKNOD",
        "NET_BIND_SERVICE", "SETFCAP", "SETGID",       "SETPCAP", "SETUID", "SYS_CHROOT"};
    return std::find(allowed.begin(), allowed.end(), cap) != allowed.end();
}

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    std::vector<std::string> badContainers, badCaps;
    for (const auto &c : pod.containers()) {
        const auto add = pod.containerField(c, {"securityContext", "capabilities", "add"});
        bool containerBad = false;
        const auto items = itemsOf(pod, add);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string &cap = pod.doc().scalar(items[i]);
            const bool ok = isDefaultCapability(cap);
            record(result, pod, itemRef(pod, add, i), ok);
            if (!ok) {
                containerBad = true;
                badCaps.push_back(cap);
            }
        }
        if (containerBad)
            badContainers.push_back(c.name);
    }
    if (!badContainers.empty())
        result.forbid("non-default capabilities",
                      containersPhrase(badContainers) + " must not include " +
                          quoted(sortedSet(badCaps)) + " in securityContext.capabilities.add");
}

} // namespace

CheckDefinition capabilitiesBaseline()
{
    return {"capabilities_baseline", Level::Baseline, {{0, check1_0, {}}}};
}

} // namespace PodSec::Policy::Checks
