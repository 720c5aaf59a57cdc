// SPDX-License-Identifier: Apache-2.0
//
// hostPorts (baseline, v1.0)
// HostPorts should be disallowed entirely: ports[*].hostPort of every container must be
// unset or 0.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    std::vector<std::string> badContainers, ports;
    for (const auto &c : pod.containers()) {
        const auto portsRef = pod.containerField(c, {"ports"});
        bool containerBad = false;
        for (std::size_t i = 0; i < itemsOf(pod, portsRef).size(); ++i) {
            const auto port = itemRef(pod, portsRef, i);
            const auto hostPort = pod.field(port.node, port.path, {"hostPort"});
            if (!hostPort.present)
                continue;
            const auto number = doc.toInt(hostPort.node);
            const bool ok = number && *number == 0;
            record(result, pod, hostPort, ok);
            if (!ok) {
                containerBad = true;
                ports.push_back(number ? std::to_string(*number) : doc.scalar(hostPort.node));
            }
        }
        if (containerBad)
            badContainers.push_back(c.name);
    }
    if (badContainers.empty())
        return;
    ports = sortedSet(ports);
    result.forbid("hostPort", containersPhrase(badContainers) + ' ' +
                                  plural(badContainers.size(), "uses", "use") + ' ' +
                                  plural(ports.size(), "hostPort", "hostPorts") + ' ' +
                                  joined(ports));
}

} // namespace

CheckDefinition hostPorts()
{
    return {"hostPorts", Level::Baseline, {{0, check1_0, {}}}};
}

} // namespace PodSec::Policy::Checks
