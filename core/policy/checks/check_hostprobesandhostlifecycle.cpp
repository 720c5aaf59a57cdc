// SPDX-License-Identifier: Apache-2.0
//
// hostProbesAndHostLifecycle (baseline, from v1.34)
// Probes and lifecycle handlers must not point at another host: httpGet.host and
// tcpSocket.host of livenessProbe, readinessProbe, startupProbe, lifecycle.postStart
// and lifecycle.preStop must be unset or empty.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_34(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    std::vector<std::string> badContainers, hosts;
    struct Handler
    {
        std::string_view first, second;
    };
    static constexpr Handler handlers[] = {{"livenessProbe", {}},
                                           {"readinessProbe", {}},
                                           {"startupProbe", {}},
                                           {"lifecycle", "postStart"},
                                           {"lifecycle", "preStop"}};
    for (const auto &c : pod.containers()) {
        bool containerBad = false;
        for (const auto &h : handlers) {
            for (std::string_view action : {"httpGet", "tcpSocket"}) {
                const auto f = h.second.empty()
                                   ? pod.containerField(c, {h.first, action, "host"})
                                   : pod.containerField(c, {h.first, h.second, action, "host"});
                if (!f.present)
                    continue;
                const std::string &host = doc.scalar(f.node);
                const bool ok = host.empty();
                record(result, pod, f, ok);
                if (!ok) {
                    containerBad = true;
                    hosts.push_back(host);
                }
            }
        }
        if (containerBad)
            badContainers.push_back(c.name);
    }
    if (badContainers.empty())
        return;
    badContainers = sortedSet(badContainers);
    hosts = sortedSet(hosts);
    result.forbid("probe or lifecycle host",
                  containersPhrase(badContainers) + ' ' +
                      plural(badContainers.size(), "uses", "use") + ' ' +
                      plural(hosts.size(), "probe or lifecycle host", "probe or lifecycle hosts") +
                      ' ' + quoted(hosts));
}

} // namespace

CheckDefinition hostProbesAndHostLifecycle()
{
    return {"hostProbesAndHostLifecycle", Level::Baseline, {{34, check1_34, {}}}};
}

} // namespace PodSec::Policy::Checks
