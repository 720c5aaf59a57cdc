// SPDX-License-Identifier: Apache-2.0
//
// appArmorProfile (baseline, v1.0)
// On supported hosts the RuntimeDefault AppArmor profile is applied by default. The
// baseline policy prevents overriding or disabling it, and restricts overrides to an
// allowed set of profiles: RuntimeDefault or Localhost in the appArmorProfile fields of
// the pod and its containers, and "", runtime/default or localhost/* in the deprecated
// container.apparmor.security.beta.kubernetes.io/* annotations.
#include "policy/checks/checkutil.h"

#include <algorithm>

namespace PodSec::Policy::Checks {

namespace {

constexpr std::string_view AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

bool allowedType(const std::string &t)
{
    return t == "RuntimeDefault" || t == "Localhost";
}

bool allowedAnnotation(const std::string &v)
{
    return v.empty() || v == "runtime/default" || v.rfind("localhost/", 0) == 0;
}

void check1_0(const K8s::PodSpecView &pod, CheckResult &result)
{
    const auto &doc = pod.doc();
    std::vector<std::string> badTypes;
    bool podBad = false;
    std::vector<std::string> badContainers;
    auto inspect = [&](Yaml::NodeId base, const std::string &basePath,
                       std::initializer_list<std::string_view> profilePath) {
        const auto profile = pod.field(base, basePath, profilePath);
        if (!profile.present)
            return true;
        auto typeRef = pod.field(profile.node, profile.path, {"type"});
        if (!typeRef.present)
            typeRef.anchor = profile.node;
        const std::string type = typeRef.present ? doc.scalar(typeRef.node) : std::string();
        const bool ok = allowedType(type);
        record(result, pod, typeRef, ok);
        if (!ok)
            badTypes.push_back(type);
        return ok;
    };
    if (!inspect(pod.spec(), pod.specPath(), {"securityContext", "appArmorProfile"}))
        podBad = true;
    for (const auto &c : pod.containers()) {
        if (!inspect(c.node, c.path, {"securityContext", "appArmorProfile"}))
            badContainers.push_back(c.name);
    }
    std::vector<std::string> badAnnotations;
    const auto annotations = pod.field(pod.metadata(), pod.metadataPath(), {"annotations"});
    if (annotations.present) {
        for (std::size_t i = 0; i < doc.size(annotations.node); ++i) {
            const std::string &key = doc.scalar(doc.mapKey(annotations.node, i));
            if (key.rfind(AnnotationPrefix, 0) != 0)
                continue;
            const auto value = doc.mapValue(annotations.node, i);
            const std::string &v = doc.scalar(value);
            K8s::FieldRef ref{annotations.path + '[' + key + ']', true, value, value};
            const bool ok = allowedAnnotation(v);
            record(result, pod, ref, ok);
            if (!ok)
                badAnnotations.push_back(key + '=' + goQuote(v));
        }
    }
    if (!podBad && badContainers.empty() && badAnnotations.empty())
        return;
    std::vector<std::string> values = sortedSet(badTypes);
    std::sort(badAnnotations.begin(), badAnnotations.end());
    values.insert(values.end(), badAnnotations.begin(), badAnnotations.end());
    std::string setters = settersPhrase(podBad, badContainers);
    if (!badAnnotations.empty()) {
        if (!setters.empty())
            setters += " and ";
        setters += plural(badAnnotations.size(), "annotation", "annotations");
    }
    result.forbid(
        plural(values.size(), "forbidden AppArmor profile", "forbidden AppArmor profiles"),
        setters + " must not set AppArmor profile type to " + quoted(values));
}

} // namespace

CheckDefinition appArmorProfile()
{
    return {"appArmorProfile", Level::Baseline, {{0, check1_0, {}}}};
}

} // namespace PodSec::Policy::Checks
