// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/whatif.h"

#include <string>
#include <vector>

namespace PodSec::Engine {

/// The Pods of namespace ns found in texts (files or a cluster's list pages), placed and
/// evaluated at policy by the engine: name, controlling owner (ownerReferences with
/// controller: true), exempt runtime class per config, and the aggregate reason. Objects
/// without a namespace land in defaultNamespace. Feeds Admission::namespaceUpdate().
std::vector<Admission::ExistingPod> podsInTexts(const std::vector<std::string> &texts,
                                                const std::string &ns,
                                                const std::string &defaultNamespace,
                                                const Policy::LevelVersion &policy,
                                                const Admission::AdmissionConfig &config);

} // namespace PodSec::Engine
