// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yaml/sourcefile.h"

#include <string_view>

/// Which documents need a node tree. A document whose top-level kind (Yaml::SourceFile::
/// probeKind) no selected rule set reads is only validated (Yaml::SourceFile::validateChunk):
/// its errors and warnings are the same, file:line:column exact, and no tree is built. CRDs,
/// the bulk of many rendered manifests, are the case this is for.
namespace PodSec::Engine {

/// The rule sets a parse is for.
struct ReadSets
{
    bool pss = true;        ///< pod-bearing kinds and Namespace objects (admission)
    bool checklist = false; ///< every namespaced kind (its namespace) and those it inspects
    bool access = false;    ///< pod-bearing kinds, Namespace, ServiceAccount, RBAC objects
};

/// Whether one of the sets reads an object of this top-level kind (or the items of a
/// List kind: always).
bool kindIsRead(std::string_view kind, const ReadSets &sets);

/// parseChunk, or validateChunk when the probe finds a kind no set in sets reads.
Yaml::Document parseForRules(std::string_view text, const Yaml::Chunk &chunk, int index,
                             const ReadSets &sets);

/// Whether parseForRules(text, chunk, index, sets) builds a node tree (else it only
/// validates): a tree built for other sets still has its warnings and errors, but decoding
/// problems only count for the sets that would have built it.
bool buildsTree(std::string_view text, const Yaml::Chunk &chunk, const ReadSets &sets);

/// For each set that is on in sets, whether buildsTree would say so for that set alone, from
/// one guess of the kind and at most one probe for all of them (a reader of several sets,
/// such as the window's snapshot, asks once per document).
ReadSets treesFor(std::string_view text, const Yaml::Chunk &chunk, const ReadSets &sets);

/// parseChunk when buildTree (any set of treesFor), else validateChunk.
Yaml::Document parseOrValidate(std::string_view text, const Yaml::Chunk &chunk, int index,
                               bool buildTree);

/// Whether the pre-passes (declaredNamespaces, collectFacts) must parse a chunk that
/// mentions one of their kinds: false only when its probed kind cannot hold one.
bool mayDeclareNamespace(std::string_view text, const Yaml::Chunk &chunk);
bool mayHoldFactKinds(std::string_view text, const Yaml::Chunk &chunk);

/// On by default; PODSEC_FULL_TREES=1 in the environment, or false here (tests comparing
/// against a reference run), builds every tree as before.
bool skipUnreadKinds();
void setSkipUnreadKinds(bool skip);

} // namespace PodSec::Engine
