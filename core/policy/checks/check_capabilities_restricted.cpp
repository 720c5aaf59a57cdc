// SPDX-License-Identifier: Apache-2.0
//
// capabilities_restricted (restricted, from v1.22)
// Containers must drop ALL capabilities, and are only permitted to add back the
// NET_BIND_SERVICE capability. From v1.25 Windows pods are exempt. Replaces
// capabilities_baseline at the restricted level.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_22(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    std::vector<std::string> missingDrop, adding, badCaps;
    for (const auto &c : pod.containers()) {
        const auto caps = pod.containerField(c, {"securityContext", "capabilities"});
        const auto drop = pod.containerField(c, {"securityContext", "capabilities", "drop"});
        if (!caps.present) {
            record(result, pod, drop, false);
            missingDrop.push_back(c.name);
            continue;
        }
        bool hasAll = false;
        for (auto item : itemsOf(pod, drop)) {
            if (doc.scalar(item) == "ALL")
                hasAll = true;
        }
        record(result, pod, drop, hasAll);
        if (!hasAll)
            missingDrop.push_back(c.name);
        const auto add = pod.containerField(c, {"securityContext", "capabilities", "add"});
        const auto items = itemsOf(pod, add);
        bool containerAdds = false;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string &cap = doc.scalar(items[i]);
            const bool ok = cap == "NET_BIND_SERVICE";
            record(result, pod, itemRef(pod, add, i), ok);
            if (!ok) {
                containerAdds = true;
                badCaps.push_back(cap);
            }
        }
        if (containerAdds)
            adding.push_back(c.name);
    }
    std::vector<std::string> parts;
    if (!missingDrop.empty())
        parts.push_back(containersPhrase(missingDrop) +
                        " must set securityContext.capabilities.drop=[\"ALL\"]");
    if (!adding.empty())
        parts.push_back(containersPhrase(adding) + " must not include " +
                        quoted(sortedSet(badCaps)) + " in securityContext.capabilities.add");
    if (parts.empty())
        return;
    result.forbid("unrestricted capabilities",
                  parts.size() == 2 ? parts[0] + "; " + parts[1] : parts[0]);
}

} // namespace

CheckDefinition capabilitiesRestricted()
{
    return {"capabilities_restricted",
            Level::Restricted,
            {{22, check1_22, {"capabilities_baseline"}},
             {25, exemptWindows<check1_22>, {"capabilities_baseline"}}}};
}

} // namespace PodSec::Policy::Checks
