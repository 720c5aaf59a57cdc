// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace PodSec {
struct NamespaceEntry;
struct WorkspaceSnapshot;
} // namespace PodSec

namespace PodSec::Engine {

/// What a namespace's row summarises (issue 17): its workloads and Pods, what its labels do
/// to them, and the controls that fail most at restricted.
struct NamespaceNumbers
{
    int workloads = 0;
    int pods = 0;                ///< workloads of kind Pod
    int podsRejected = 0;        ///< Pods enforce rejects
    int controllersRejected = 0; ///< templates whose Pods enforce would reject
    int warned = 0;              ///< workloads the warn mode warns about
    int audited = 0;             ///< workloads the audit mode annotates
    int failRestricted = 0;      ///< workloads that fail restricted
    /// Check ids with how many of the namespace's workloads fail them at restricted, most
    /// first (ties by id), at most `top`.
    std::vector<std::pair<std::string, int>> topControls;
};

NamespaceNumbers namespaceNumbers(const WorkspaceSnapshot &snapshot, const NamespaceEntry &ns,
                                  std::size_t top = 5);

} // namespace PodSec::Engine
