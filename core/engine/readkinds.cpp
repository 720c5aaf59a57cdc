// SPDX-License-Identifier: Apache-2.0
#include "engine/readkinds.h"

#include "engine/workspacefacts.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>

namespace PodSec::Engine {

namespace {

std::atomic<int> &skipSetting()
{
    static std::atomic<int> setting{std::getenv("PODSEC_FULL_TREES") ? 0 : 1};
    return setting;
}

bool endsWithList(std::string_view kind)
{
    return kind.size() >= 4 && kind.substr(kind.size() - 4) == "List";
}

bool isPodBearingName(std::string_view kind)
{
    static constexpr std::array<std::string_view, 9> names = {
        "Pod",         "PodTemplate", "ReplicationController",
        "ReplicaSet",  "Deployment",  "DaemonSet",
        "StatefulSet", "Job",         "CronJob"};
    return std::find(names.begin(), names.end(), kind) != names.end();
}

} // namespace

bool skipUnreadKinds()
{
    return skipSetting().load() != 0;
}

void setSkipUnreadKinds(bool skip)
{
    skipSetting().store(skip ? 1 : 0);
}

bool kindIsRead(std::string_view kind, const ReadSets &sets)
{
    // A List's items are objects of their own kinds (K8s::objectsIn).
    if (kind.empty() || endsWithList(kind))
        return true;
    const bool podOrNamespace = isPodBearingName(kind) || kind == "Namespace";
    if (sets.pss && podOrNamespace)
        return true;
    // Namespaced kinds make their namespace one of the workspace's; the object rules read
    // PodSecurityPolicies (cluster-scoped) too.
    if (sets.checklist && (podOrNamespace || isNamespacedKind(kind) || kind == "PodSecurityPolicy"))
        return true;
    if (sets.access &&
        (podOrNamespace || kind == "ServiceAccount" || kind == "Role" || kind == "ClusterRole" ||
         kind == "RoleBinding" || kind == "ClusterRoleBinding"))
        return true;
    return false;
}

Yaml::Document parseForRules(std::string_view text, const Yaml::Chunk &chunk, int index,
                             const ReadSets &sets)
{
    if (skipUnreadKinds()) {
        const auto kind = Yaml::SourceFile::probeKind(text, chunk);
        if (kind && !kindIsRead(*kind, sets))
            return Yaml::SourceFile::validateChunk(text, chunk, index);
    }
    return Yaml::SourceFile::parseChunk(text, chunk, index);
}

bool mayDeclareNamespace(std::string_view text, const Yaml::Chunk &chunk)
{
    if (!skipUnreadKinds())
        return true;
    const auto kind = Yaml::SourceFile::probeKind(text, chunk);
    return !kind || *kind == "Namespace" || endsWithList(*kind);
}

bool mayHoldFactKinds(std::string_view text, const Yaml::Chunk &chunk)
{
    if (!skipUnreadKinds())
        return true;
    // WorkspaceFacts::collect reads Namespace objects and every namespaced kind.
    const auto kind = Yaml::SourceFile::probeKind(text, chunk);
    return !kind || *kind == "Namespace" || isNamespacedKind(*kind) || endsWithList(*kind);
}

} // namespace PodSec::Engine
