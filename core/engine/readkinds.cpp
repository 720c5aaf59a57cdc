// SPDX-License-Identifier: Apache-2.0
#include "engine/readkinds.h"

#include "engine/workspacefacts.h"
#include "k8s/object.h"

#include <atomic>
#include <cstdlib>
#include <optional>
#include <string>

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

/// One of K8s::Object's pod-bearing kinds (Kind::Pod to Kind::CronJob), by name.
bool isPodBearingName(std::string_view kind)
{
    for (int k = int(K8s::Kind::Pod); k <= int(K8s::Kind::CronJob); ++k) {
        if (kind == K8s::kindName(K8s::Kind(k)))
            return true;
    }
    return false;
}

/// The word after the first "kind:" at the start of a line, or empty: a guess, never trusted,
/// that spares the probe (a yaml-cpp parser) on documents that are read anyway.
std::string_view guessKind(std::string_view text, const Yaml::Chunk &chunk)
{
    if (chunk.start > chunk.end || chunk.end > text.size())
        return {};
    const std::string_view body = text.substr(chunk.start, chunk.end - chunk.start);
    std::size_t at = body.substr(0, 5) == "kind:" ? 0 : body.find("\nkind:");
    if (at == std::string_view::npos)
        return {};
    at += body[at] == '\n' ? 6 : 5;
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t'))
        ++at;
    std::size_t end = at;
    while (end < body.size() && body[end] != ' ' && body[end] != '\t' && body[end] != '\r' &&
           body[end] != '\n' && body[end] != '#')
        ++end;
    return body.substr(at, end - at);
}

/// The probed kind when the guess says it may be one that pred rejects; else nullopt.
template <typename Pred>
std::optional<std::string> probeWhenGuessed(std::string_view text, const Yaml::Chunk &chunk,
                                            Pred needed)
{
    const std::string_view guess = guessKind(text, chunk);
    if (guess.empty() || needed(guess))
        return std::nullopt;
    return Yaml::SourceFile::probeKind(text, chunk);
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

bool buildsTree(std::string_view text, const Yaml::Chunk &chunk, const ReadSets &sets)
{
    if (!skipUnreadKinds())
        return true;
    const auto read = [&sets](std::string_view kind) {
        return kindIsRead(kind, sets);
    };
    const auto kind = probeWhenGuessed(text, chunk, read);
    return !kind || read(*kind);
}

ReadSets treesFor(std::string_view text, const Yaml::Chunk &chunk, const ReadSets &sets)
{
    if (!skipUnreadKinds())
        return sets;
    const std::string_view guess = guessKind(text, chunk);
    if (guess.empty())
        return sets;
    ReadSets out{false, false, false};
    const ReadSets each[] = {{true, false, false}, {false, true, false}, {false, false, true}};
    bool *answer[] = {&out.pss, &out.checklist, &out.access};
    const bool on[] = {sets.pss, sets.checklist, sets.access};
    std::optional<std::string> probed;
    bool probedYet = false;
    for (int i = 0; i < 3; ++i) {
        if (!on[i])
            continue;
        if (kindIsRead(guess, each[i])) {
            *answer[i] = true;
            continue;
        }
        if (!probedYet) {
            probed = Yaml::SourceFile::probeKind(text, chunk);
            probedYet = true;
        }
        *answer[i] = !probed || kindIsRead(*probed, each[i]);
    }
    return out;
}

Yaml::Document parseOrValidate(std::string_view text, const Yaml::Chunk &chunk, int index,
                               bool buildTree)
{
    return buildTree ? Yaml::SourceFile::parseChunk(text, chunk, index)
                     : Yaml::SourceFile::validateChunk(text, chunk, index);
}

Yaml::Document parseForRules(std::string_view text, const Yaml::Chunk &chunk, int index,
                             const ReadSets &sets)
{
    return parseOrValidate(text, chunk, index, buildsTree(text, chunk, sets));
}

bool mayDeclareNamespace(std::string_view text, const Yaml::Chunk &chunk)
{
    if (!skipUnreadKinds())
        return true;
    const auto may = [](std::string_view kind) {
        return kind == "Namespace" || endsWithList(kind);
    };
    const auto kind = probeWhenGuessed(text, chunk, may);
    return !kind || may(*kind);
}

bool mayHoldFactKinds(std::string_view text, const Yaml::Chunk &chunk)
{
    if (!skipUnreadKinds())
        return true;
    // WorkspaceFacts::collect reads Namespace objects and every namespaced kind.
    const auto may = [](std::string_view kind) {
        return kind == "Namespace" || isNamespacedKind(kind) || endsWithList(kind);
    };
    const auto kind = probeWhenGuessed(text, chunk, may);
    return !kind || may(*kind);
}

} // namespace PodSec::Engine
