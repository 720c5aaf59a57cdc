// SPDX-License-Identifier: Apache-2.0
//
// seccompProfile_baseline (baseline, v1.0)
// The seccomp profile must not be explicitly set to Unconfined. Up to v1.18 the
// seccomp.security.alpha.kubernetes.io/pod and container.seccomp.security.alpha.
// kubernetes.io/<container> annotations are checked (allowed: runtime/default,
// docker/default, localhost/*); from v1.19 the seccompProfile.type fields of the pod and
// its containers (allowed: RuntimeDefault, Localhost, or unset).
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

namespace {

bool allowedAnnotation(const std::string &v)
{
    return v == "runtime/default" || v == "docker/default" || v.rfind("localhost/", 0) == 0;
}

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    const auto annotations = pod.field(pod.metadata(), pod.metadataPath(), {"annotations"});
    if (!annotations.present)
        return;
    std::vector<std::string> bad;
    auto inspect = [&](const std::string &key) {
        const auto value = doc.get(annotations.node, key);
        if (value == Yaml::NoNode)
            return;
        const std::string &v = doc.scalar(value);
        const bool ok = allowedAnnotation(v);
        record(result, pod, K8s::FieldRef{annotations.path + '[' + key + ']', true, value, value},
               ok);
        if (!ok)
            bad.push_back(key + '=' + goQuote(v));
    };
    inspect("seccomp.security.alpha.kubernetes.io/pod");
    for (const auto &c : pod.containers())
        inspect("container.seccomp.security.alpha.kubernetes.io/" + c.name);
    if (bad.empty())
        return;
    bad = sortedSet(bad);
    result.forbid("seccompProfile", std::string("forbidden ") +
                                        plural(bad.size(), "annotation ", "annotations ") +
                                        joined(bad));
}

void check1_19(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    std::vector<std::string> badValues, badContainers;
    auto inspect = [&](Yaml::NodeId base, const std::string &basePath) {
        const auto profile = pod.field(base, basePath, {"securityContext", "seccompProfile"});
        if (!profile.present)
            return true;
        const auto type = pod.field(profile.node, profile.path, {"type"});
        const std::string value = type.present ? doc.scalar(type.node) : std::string();
        const bool ok = value == "RuntimeDefault" || value == "Localhost";
        record(result, pod, type, ok);
        if (!ok)
            badValues.push_back(value);
        return ok;
    };
    const bool podBad = !inspect(pod.spec(), pod.specPath());
    for (const auto &c : pod.containers()) {
        if (!inspect(c.node, c.path))
            badContainers.push_back(c.name);
    }
    if (podBad || !badContainers.empty())
        result.forbid("seccompProfile",
                      settersPhrase(podBad, badContainers) +
                          " must not set securityContext.seccompProfile.type to " +
                          quoted(sortedSet(badValues)));
}

} // namespace

CheckDefinition seccompProfileBaseline()
{
    return {"seccompProfile_baseline", Level::Baseline, {{0, check1_0, {}}, {19, check1_19, {}}}};
}

} // namespace PodSec::Policy::Checks
