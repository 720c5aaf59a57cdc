// SPDX-License-Identifier: Apache-2.0
//
// seccompProfile_restricted (restricted, from v1.19)
// The seccomp profile must be explicitly set to RuntimeDefault or Localhost, at pod level
// or in every container; Unconfined is forbidden. From v1.25 Windows pods are exempt.
// Replaces seccompProfile_baseline at the restricted level.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_19(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    auto good = [](const std::string &v) {
        return v == "RuntimeDefault" || v == "Localhost";
    };
    const auto podProfile = pod.specField({"securityContext", "seccompProfile"});
    const auto podType = pod.specField({"securityContext", "seccompProfile", "type"});
    bool podGood = false, podBad = false;
    std::vector<std::string> badValues, explicitBad, implicitBad;
    if (podProfile.present) {
        const std::string v = podType.present ? doc.scalar(podType.node) : std::string();
        podGood = good(v);
        podBad = !podGood;
        if (podBad)
            badValues.push_back(v);
    }
    std::vector<std::pair<K8s::FieldRef, bool>> containerFields;
    for (const auto &c : pod.containers()) {
        const auto profile = pod.containerField(c, {"securityContext", "seccompProfile"});
        const auto type = pod.containerField(c, {"securityContext", "seccompProfile", "type"});
        if (profile.present) {
            const std::string v = type.present ? doc.scalar(type.node) : std::string();
            const bool ok = good(v);
            containerFields.emplace_back(type, ok);
            if (!ok) {
                explicitBad.push_back(c.name);
                badValues.push_back(v);
            }
        } else if (!podGood) {
            containerFields.emplace_back(type, false);
            implicitBad.push_back(c.name);
        }
    }
    if (podProfile.present || !implicitBad.empty())
        record(result, pod, podType, podGood);
    for (const auto &[f, ok] : containerFields)
        record(result, pod, f, ok);
    if (podBad || !explicitBad.empty())
        result.forbid("seccompProfile",
                      settersPhrase(podBad, explicitBad) +
                          " must not set securityContext.seccompProfile.type to " +
                          quoted(sortedSet(badValues)));
    else if (!implicitBad.empty())
        result.forbid("seccompProfile",
                      "pod or " + containersPhrase(implicitBad) +
                          " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or "
                          "\"Localhost\"");
}

} // namespace

CheckDefinition seccompProfileRestricted()
{
    return {"seccompProfile_restricted",
            Level::Restricted,
            {{19, check1_19, {"seccompProfile_baseline"}},
             {25, exemptWindows<check1_19>, {"seccompProfile_baseline"}}}};
}

} // namespace PodSec::Policy::Checks
