// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/whatif.h"
#include "k8s/object.h"
#include "policy/result.h"

#include <string>
#include <vector>

namespace PodSec::Engine {

/// The Pods of namespace ns found in texts (files or a cluster's list pages), placed and
/// evaluated at policy by the engine: name, controlling owner (ownerReferences with
/// controller: true), exempt runtime class per config, and the aggregate reason. Objects
/// without a namespace land in defaultNamespace. Feeds Admission::namespaceUpdate().
/// A Pod as the what-if sees it: its controlling owner by uid (else "Kind/name"), and the
/// aggregate reason when evaluation fails (nullptr: privileged, nothing fails).
Admission::ExistingPod existingPod(const std::string &name, const K8s::Object::Owner &controller,
                                   bool exemptRuntimeClass, const Policy::Evaluation *evaluation);

std::vector<Admission::ExistingPod> podsInTexts(const std::vector<std::string> &texts,
                                                const std::string &ns,
                                                const std::string &defaultNamespace,
                                                const Policy::LevelVersion &policy,
                                                const Admission::AdmissionConfig &config);

} // namespace PodSec::Engine
