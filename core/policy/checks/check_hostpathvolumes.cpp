// SPDX-License-Identifier: Apache-2.0
//
// hostPathVolumes (baseline, v1.0)
// HostPath volumes must be forbidden: no entry of spec.volumes may set hostPath.
// Never runs at restricted, where restrictedVolumes replaces it.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto volumes = pod.specField({"volumes"});
    std::vector<std::string> bad;
    for (std::size_t i = 0; i < itemsOf(pod, volumes).size(); ++i) {
        const auto volume = itemRef(pod, volumes, i);
        const auto hostPath = pod.field(volume.node, volume.path, {"hostPath"});
        if (!hostPath.present)
            continue;
        record(result, pod, hostPath, false);
        bad.push_back(pod.doc().scalar(pod.doc().get(volume.node, "name")));
    }
    if (!bad.empty())
        result.forbid("hostPath volumes",
                      std::string(plural(bad.size(), "volume ", "volumes ")) + quoted(bad));
}

} // namespace

CheckDefinition hostPathVolumes()
{
    return {"hostPathVolumes", Level::Baseline, {{0, check1_0, {}}}};
}

} // namespace PodSec::Policy::Checks
