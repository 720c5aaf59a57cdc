// SPDX-License-Identifier: Apache-2.0
//
// sysctls (baseline, v1.0)
// Sysctls can disable security mechanisms or affect all containers on a host; only a
// "safe" subset is allowed in spec.securityContext.sysctls[*].name. The safe set grows
// in v1.27, v1.29, v1.32 and v1.37.
#include "policy/checks/checkutil.h"

#include <algorithm>

namespace PodSec::Policy::Checks {

namespace {

struct SafeSysctl
{
    std::string_view name;
    int since;
};

constexpr SafeSysctl SafeSysctls[] = {
    {"kernel.shm_rmid_forced", 0},
    {"net.ipv4.ip_local_port_range", 0},
    {"net.ipv4.tcp_syncookies", 0},
    {"net.ipv4.ping_group_range", 0},
    {"net.ipv4.ip_unprivileged_port_start", 0},
    {"net.ipv4.ip_local_reserved_ports", 27},
    {"net.ipv4.tcp_keepalive_time", 29},
    {"net.ipv4.tcp_fin_timeout", 29},
    {"net.ipv4.tcp_keepalive_intvl", 29},
    {"net.ipv4.tcp_keepalive_probes", 29},
    {"net.ipv4.tcp_rmem", 32},
    {"net.ipv4.tcp_wmem", 32},
    {"net.ipv4.tcp_slow_start_after_idle", 37},
    {"net.ipv4.tcp_notsent_lowat", 37},
};

template <int Version> void check(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto sysctlsRef = pod.specField({"securityContext", "sysctls"});
    std::vector<std::string> bad;
    for (std::size_t i = 0; i < itemsOf(pod, sysctlsRef).size(); ++i) {
        const auto entry = itemRef(pod, sysctlsRef, i);
        const auto nameRef = pod.field(entry.node, entry.path, {"name"});
        const std::string name = nameRef.present ? pod.doc().scalar(nameRef.node) : std::string();
        const bool ok =
            std::any_of(std::begin(SafeSysctls), std::end(SafeSysctls),
                        [&](const SafeSysctl &s) { return s.since <= Version && s.name == name; });
        record(result, pod, nameRef, ok);
        if (!ok)
            bad.push_back(name);
    }
    if (!bad.empty())
        result.forbid("forbidden sysctls", joined(bad));
}

} // namespace

CheckDefinition sysctls()
{
    return {"sysctls",
            Level::Baseline,
            {{0, check<0>, {}},
             {27, check<27>, {}},
             {29, check<29>, {}},
             {32, check<32>, {}},
             {37, check<37>, {}}}};
}

} // namespace PodSec::Policy::Checks
