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

/// Pods of the namespace that fail the new enforce policy with the same aggregate reason:
/// warning is the line kube-apiserver prints for them ("<pod> (and <n> other pods): <reasons>"),
/// pods every one of them (byte-wise sorted), so "(and 39 other pods)" can be listed.
struct PodGroup
{
    std::string warning;
    std::string reasons;
    std::vector<std::string> pods;
};

/// The groups behind existingPodWarnings()'s per-reason lines, in the same order.
std::vector<PodGroup> existingPodGroups(const std::vector<ExistingPod> &pods,
                                        std::size_t maxPods = 3000);

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
    std::vector<PodGroup> groups; ///< the violating pods behind the warnings, when evaluated
};
WhatIf namespaceUpdate(
    const std::string &ns, const Labels &oldLabels, const Labels &newLabels,
    const AdmissionConfig &config,
    const std::function<std::vector<ExistingPod>(const Policy::LevelVersion &)> &podsFor);

/// Whether newLabels' pod-security labels differ from oldLabels' (a value, one more, one less).
bool podSecurityLabelsChange(const Labels &newLabels, const Labels &oldLabels);

/// The kubectl command that applies newLabels' pod-security labels (with --dry-run=server
/// when dryRun); those of oldLabels that newLabels no longer has are removed ("key-").
/// "" when the pod-security labels do not change (kubectl refuses a label command without
/// a label, and there is nothing to apply). Words that are not plain are single-quoted for sh.
std::string kubectlLabelCommand(const std::string &ns, const Labels &newLabels, bool dryRun,
                                const Labels &oldLabels = {});
/// Labels of oldLabels that newLabels no longer has become null (a merge patch removes them).
/// "" when the pod-security labels do not change.
std::string labelPatchYaml(const Labels &newLabels, const Labels &oldLabels = {});

} // namespace PodSec::Admission
