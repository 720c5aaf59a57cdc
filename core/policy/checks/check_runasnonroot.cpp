// SPDX-License-Identifier: Apache-2.0
//
// runAsNonRoot (restricted, v1.0)
// Containers must be required to run as non-root users: spec.securityContext.runAsNonRoot
// must be true, or every container must set securityContext.runAsNonRoot to true; no one
// may set it to false. From v1.35, pods in a user namespace (spec.hostUsers: false) are
// exempt.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    const auto podField = pod.specField({"securityContext", "runAsNonRoot"});
    const bool podFalse = podField.present && doc.isFalse(podField.node);
    const bool podTrue = podField.present && doc.isTrue(podField.node);
    std::vector<std::string> explicitBad, implicitBad;
    std::vector<K8s::FieldRef> implicitFields;
    for (const auto &c : pod.containers()) {
        const auto f = pod.containerField(c, {"securityContext", "runAsNonRoot"});
        if (f.present && doc.isFalse(f.node)) {
            record(result, pod, f, false);
            explicitBad.push_back(c.name);
        } else if (f.present && doc.isTrue(f.node)) {
            record(result, pod, f, true);
        } else if (podTrue) {
            if (f.present)
                record(result, pod, f, true);
        } else {
            implicitFields.push_back(f);
            implicitBad.push_back(c.name);
        }
    }
    if (podField.present || !implicitBad.empty())
        record(result, pod, podField, !podFalse && (podTrue || implicitBad.empty()));
    for (const auto &f : implicitFields)
        record(result, pod, f, false);
    if (podFalse || !explicitBad.empty())
        result.forbid("runAsNonRoot != true",
                      settersPhrase(podFalse, explicitBad) +
                          " must not set securityContext.runAsNonRoot=false");
    else if (!implicitBad.empty())
        result.forbid("runAsNonRoot != true", "pod or " + containersPhrase(implicitBad) +
                                                  " must set securityContext.runAsNonRoot=true");
}

} // namespace

CheckDefinition runAsNonRoot()
{
    return {"runAsNonRoot",
            Level::Restricted,
            {{0, check1_0, {}}, {35, exemptUserNamespace<check1_0>, {}}}};
}

} // namespace PodSec::Policy::Checks
