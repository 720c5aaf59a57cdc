// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/result.h"

namespace PodSec::K8s {
class PodSpecView;
}

namespace PodSec::Policy {

/// Runs every check selected for the policy on the pod. Privileged runs nothing.
Evaluation evaluate(const K8s::PodSpecView &pod, const LevelVersion &policy);

} // namespace PodSec::Policy
