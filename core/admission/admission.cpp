// SPDX-License-Identifier: Apache-2.0
#include "admission/admission.h"

#include "k8s/podspec.h"
#include "policy/evaluator.h"

namespace PodSec::Admission {

const char *exemptionName(Exemption e)
{
    switch (e) {
    case Exemption::None:
        return "";
    case Exemption::Namespace:
        return "namespace";
    case Exemption::RuntimeClass:
        return "runtimeClass";
    case Exemption::User:
        return "user";
    }
    return "";
}

Subject subjectOf(const K8s::PodSpecView &pod)
{
    const auto &doc = pod.doc();
    return {pod.object().kind == K8s::Kind::Pod, pod.object().hasTemplate,
            pod.object().namespaceName, doc.scalar(doc.get(pod.spec(), "runtimeClassName"))};
}

Exemption exemptionOf(const Subject &subject, const AdmissionConfig &config,
                      const std::string &username)
{
    if (config.isExemptNamespace(subject.namespaceName))
        return Exemption::Namespace;
    if (!username.empty() && config.isExemptUser(username))
        return Exemption::User;
    if (config.isExemptRuntimeClass(subject.runtimeClassName))
        return Exemption::RuntimeClass;
    return Exemption::None;
}

Exemption exemptionOf(const K8s::PodSpecView &pod, const AdmissionConfig &config,
                      const std::string &username)
{
    return exemptionOf(subjectOf(pod), config, username);
}

AdmissionResult admit(const K8s::PodSpecView &pod, const NamespacePolicy &policy,
                      const AdmissionConfig &config, const Evaluate &evaluate,
                      const std::string &username)
{
    return admit(subjectOf(pod), policy, config, evaluate, username);
}

std::string denialMessage(bool enforce, const LevelVersion &policy,
                          const Policy::Evaluation &evaluation)
{
    return std::string(enforce ? "violates " : "would violate ") + "PodSecurity \"" +
           policy.toString() + "\": " + evaluation.aggregateDetail();
}

AdmissionResult admit(const Subject &subject, const NamespacePolicy &policy,
                      const AdmissionConfig &config, const Evaluate &evaluate,
                      const std::string &username)
{
    AdmissionResult r;
    r.enforce.policy = policy.enforce;
    r.audit.policy = policy.audit;
    r.warn.policy = policy.warn;
    if (!policy.errors.empty())
        r.policyError = "Failed to parse policy: " + policy.errorText();
    r.enforce.applies = subject.isPod;

    r.exempt = exemptionOf(subject, config, username);
    if (r.exempt != Exemption::None || !subject.hasTemplate) {
        // Exempt, or a workload without a pod template: nothing to evaluate.
        r.enforce.applies = r.audit.applies = r.warn.applies = false;
        return r;
    }
    auto fill = [&](ModeResult &m, bool enforce) {
        m.evaluation = evaluate(m.policy);
        m.allowed = m.evaluation.allowed();
        if (!m.allowed)
            m.message = denialMessage(enforce, m.policy, m.evaluation);
    };
    if (r.enforce.applies)
        fill(r.enforce, true);
    fill(r.audit, false);
    fill(r.warn, false);
    if (!r.admitted()) {
        r.warn.applies = false; // a rejected request carries no warning
        r.warn.message.clear();
    }
    return r;
}

AdmissionResult admit(const K8s::PodSpecView &pod, const NamespacePolicy &policy,
                      const AdmissionConfig &config, const std::string &username)
{
    std::vector<Policy::Evaluation> cache;
    cache.reserve(3);
    return admit(
        pod, policy, config,
        [&](const LevelVersion &lv) -> const Policy::Evaluation & {
            for (const auto &e : cache) {
                if (e.policy == lv)
                    return e;
            }
            cache.push_back(Policy::evaluate(pod, lv));
            return cache.back();
        },
        username);
}

} // namespace PodSec::Admission
