// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admissionconfig.h"
#include "policy/result.h"

#include <functional>
#include <string>

namespace PodSec::K8s {
class PodSpecView;
}

namespace PodSec::Admission {

/// The outcome of one mode for one object.
struct ModeResult
{
    LevelVersion policy;
    /// False when the mode does not act on this object: enforce on workload templates
    /// (enforce only rejects Pods), any mode of an exempt object, warn on a rejected Pod.
    bool applies = true;
    bool allowed = true;
    /// The API server's text: "violates PodSecurity ..." (enforce) or
    /// "would violate PodSecurity ..." (audit, warn); empty when allowed or not applied.
    std::string message;
    /// The evaluation behind the verdict (empty results for privileged).
    Policy::Evaluation evaluation;
};

enum class Exemption { None, Namespace, RuntimeClass, User };
const char *exemptionName(Exemption e); ///< "namespace", "runtimeClass", "user", ""

struct AdmissionResult
{
    ModeResult enforce, audit, warn;
    Exemption exempt = Exemption::None;
    /// Label errors of the namespace, as in the "error" audit annotation (may be empty).
    std::string policyError;
    /// Would the API server accept the request?
    bool admitted() const { return !enforce.applies || enforce.allowed; }
};

/// What admission reads of a pod or workload besides its evaluations.
struct Subject
{
    bool isPod = false;       ///< enforce acts on Pods only
    bool hasTemplate = false; ///< a workload without a pod template is not evaluated
    std::string namespaceName;
    std::string runtimeClassName; ///< spec.runtimeClassName's scalar text, "" when unset
};
Subject subjectOf(const K8s::PodSpecView &pod);

/// The exemption that applies to a pod or workload (namespace, then user, then runtime
/// class, as the API server checks them), or Exemption::None.
Exemption exemptionOf(const Subject &subject, const AdmissionConfig &config,
                      const std::string &username = {});
Exemption exemptionOf(const K8s::PodSpecView &pod, const AdmissionConfig &config,
                      const std::string &username = {});

/// The API server's text for a mode whose evaluation at policy fails: "violates PodSecurity
/// ..." (enforce) or "would violate PodSecurity ..." (audit, warn).
std::string denialMessage(bool enforce, const LevelVersion &policy,
                          const Policy::Evaluation &evaluation);

/// Evaluates a pod or workload at a level and version (the caller may share results).
using Evaluate = std::function<const Policy::Evaluation &(const LevelVersion &)>;

/// Evaluates a pod or workload as Pod Security Admission would in a namespace with the
/// given policy (spec/pss-checks.md §6.3–§6.5), asking evaluate for each mode's policy.
AdmissionResult admit(const Subject &subject, const NamespacePolicy &policy,
                      const AdmissionConfig &config, const Evaluate &evaluate,
                      const std::string &username = {});
AdmissionResult admit(const K8s::PodSpecView &pod, const NamespacePolicy &policy,
                      const AdmissionConfig &config, const Evaluate &evaluate,
                      const std::string &username = {});
/// As above; evaluations of equal level/version pairs are shared.
AdmissionResult admit(const K8s::PodSpecView &pod, const NamespacePolicy &policy,
                      const AdmissionConfig &config, const std::string &username = {});

} // namespace PodSec::Admission
