// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admissionconfig.h"
#include "admission/namespacepolicy.h"

#include <functional>
#include <string>
#include <vector>

namespace PodSec::Admission {

/// A pod of the namespace as the what-if needs it (Engine::podsInTexts finds them).
struct ExistingPod
{
    std::string name;
    std::string controller; ///< uid (or name) of its controlling owner; "" when none
    bool exemptRuntimeClass = false;
    std::string reasons; ///< aggregate reason at the new enforce policy; "" when it passes
};

/// The warnings kube-apiserver returns after an enforce label tightens
/// (spec/pss-checks.md §6.7), without the time budget: every pod up to maxPods is checked.
std::vector<std::string> existingPodWarnings(const std::string &ns,
                                             const Policy::LevelVersion &enforce,
                                             const std::vector<ExistingPod> &pods,
                                             std::size_t maxPods = 3000);

/// The exempt-namespace warning (§6.8), or "" when there is none.
std::string exemptNamespaceWarning(const std::string &ns, const NamespacePolicy &policy,
                                   const Defaults &defaults);

using Labels = std::vector<std::pair<std::string, std::string>>;

/// What `kubectl label --dry-run=server` would answer when a namespace's labels change
/// from oldLabels to newLabels (§6.6): rejected with the field errors, or allowed with
/// warnings. podsFor evaluates the namespace's pods at a policy; it is only called when
/// the API server would look at pods.
struct WhatIf
{
    bool allowed = true;
    std::string error; ///< the Invalid (422) message when rejected
    std::vector<std::string> warnings;
    bool podsEvaluated = false;
};
WhatIf namespaceUpdate(
    const std::string &ns, const Labels &oldLabels, const Labels &newLabels,
    const AdmissionConfig &config,
    const std::function<std::vector<ExistingPod>(const Policy::LevelVersion &)> &podsFor);

/// The kubectl command that applies newLabels' pod-security labels (with --dry-run=server
/// when dryRun); those of oldLabels that newLabels no longer has are removed ("key-").
std::string kubectlLabelCommand(const std::string &ns, const Labels &newLabels, bool dryRun,
                                const Labels &oldLabels = {});
/// Labels of oldLabels that newLabels no longer has become null (a merge patch removes them).
std::string labelPatchYaml(const Labels &newLabels, const Labels &oldLabels = {});

} // namespace PodSec::Admission
