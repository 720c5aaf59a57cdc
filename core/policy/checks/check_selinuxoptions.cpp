// SPDX-License-Identifier: Apache-2.0
//
// seLinuxOptions (baseline, v1.0)
// Setting a custom SELinux user or role option is forbidden, and the SELinux type may
// only be empty, container_t, container_init_t or container_kvm_t (v1.31 adds
// container_engine_t); checked at pod level and in every container.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

template <bool WithEngineType> void check(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    std::vector<std::string> badTypes, badContainers;
    bool podBad = false, userSet = false, roleSet = false;
    auto allowedType = [](const std::string &t) {
        return t.empty() || t == "container_t" || t == "container_init_t" ||
               t == "container_kvm_t" || (WithEngineType && t == "container_engine_t");
    };
    auto inspect = [&](Yaml::NodeId base, const std::string &basePath) {
        const auto options = pod.field(base, basePath, {"securityContext", "seLinuxOptions"});
        if (!options.present)
            return true;
        bool ok = true;
        const auto type = pod.field(options.node, options.path, {"type"});
        if (type.present) {
            const bool typeOk = allowedType(doc.scalar(type.node));
            record(result, pod, type, typeOk);
            if (!typeOk) {
                badTypes.push_back(doc.scalar(type.node));
                ok = false;
            }
        }
        for (const char *key : {"user", "role"}) {
            const auto f = pod.field(options.node, options.path, {key});
            if (!f.present)
                continue;
            const bool fieldOk = doc.scalar(f.node).empty();
            record(result, pod, f, fieldOk);
            if (!fieldOk) {
                ok = false;
                (key[0] == 'u' ? userSet : roleSet) = true;
            }
        }
        return ok;
    };
    podBad = !inspect(pod.spec(), pod.specPath());
    for (const auto &c : pod.containers()) {
        if (!inspect(c.node, c.path))
            badContainers.push_back(c.name);
    }
    if (!podBad && badContainers.empty())
        return;
    std::vector<std::string> data;
    if (!badTypes.empty()) {
        badTypes = sortedSet(badTypes);
        data.push_back(std::string(plural(badTypes.size(), "type ", "types ")) + quoted(badTypes));
    }
    if (userSet)
        data.emplace_back("user may not be set");
    if (roleSet)
        data.emplace_back("role may not be set");
    std::string joinedData;
    for (std::size_t i = 0; i < data.size(); ++i)
        joinedData += (i ? "; " : "") + data[i];
    result.forbid("seLinuxOptions",
                  settersPhrase(podBad, badContainers) +
                      " set forbidden securityContext.seLinuxOptions: " + joinedData);
}

} // namespace

CheckDefinition seLinuxOptions()
{
    return {"seLinuxOptions", Level::Baseline, {{0, check<false>, {}}, {31, check<true>, {}}}};
}

} // namespace PodSec::Policy::Checks
