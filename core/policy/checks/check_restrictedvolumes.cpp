// SPDX-License-Identifier: Apache-2.0
//
// restrictedVolumes (restricted, v1.0)
// The restricted policy only permits these volume types: configMap, csi, downwardAPI,
// emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret. Replaces
// hostPathVolumes at the restricted level. A volume naming no source at all is what the
// API server defaults to emptyDir, so it is allowed (spec/pss-checks.md §7).
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

constexpr std::string_view AllowedSources[] = {
    "configMap", "csi",   "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim",
    "projected", "secret"};

constexpr std::string_view RestrictedSources[] = {"hostPath",
                                                  "gcePersistentDisk",
                                                  "awsElasticBlockStore",
                                                  "gitRepo",
                                                  "nfs",
                                                  "iscsi",
                                                  "glusterfs",
                                                  "rbd",
                                                  "flexVolume",
                                                  "cinder",
                                                  "cephfs",
                                                  "flocker",
                                                  "fc",
                                                  "azureFile",
                                                  "vsphereVolume",
                                                  "quobyte",
                                                  "azureDisk",
                                                  "photonPersistentDisk",
                                                  "portworxVolume",
                                                  "scaleIO",
                                                  "storageos"};

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    const auto volumes = pod.specField({"volumes"});
    std::vector<std::string> badNames, types;
    for (std::size_t i = 0; i < itemsOf(pod, volumes).size(); ++i) {
        const auto volume = itemRef(pod, volumes, i);
        bool allowed = false;
        for (auto source : AllowedSources) {
            const auto f = pod.field(volume.node, volume.path, {source});
            if (f.present) {
                record(result, pod, f, true);
                allowed = true;
                break;
            }
        }
        if (allowed)
            continue;
        for (auto source : RestrictedSources) {
            const auto f = pod.field(volume.node, volume.path, {source});
            if (f.present) {
                record(result, pod, f, false);
                badNames.push_back(doc.scalar(doc.get(volume.node, "name")));
                types.emplace_back(source);
                break;
            }
        }
    }
    if (badNames.empty())
        return;
    types = sortedSet(types);
    result.forbid("restricted volume types",
                  std::string(plural(badNames.size(), "volume ", "volumes ")) + quoted(badNames) +
                      ' ' + plural(badNames.size(), "uses", "use") + ' ' +
                      plural(types.size(), "restricted volume type", "restricted volume types") +
                      ' ' + quoted(types));
}

} // namespace

CheckDefinition restrictedVolumes()
{
    return {"restrictedVolumes", Level::Restricted, {{0, check1_0, {"hostPathVolumes"}}}};
}

} // namespace PodSec::Policy::Checks
