// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace PodSec::Yaml {

enum class NodeKind : std::uint8_t { Null, Scalar, Mapping, Sequence };
enum class ScalarStyle : std::uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };
enum class CollectionStyle : std::uint8_t { Block, Flow };

/// Index of a node inside its Document; -1 means "no node".
using NodeId = std::int32_t;
constexpr NodeId NoNode = -1;

/// One node of a parsed YAML document.
///
/// Offsets are byte offsets into the whole file text (not the document), half-open
/// [start, end). start/end cover the node's content only: an anchor (&a) or tag (!t) in
/// front of it is excluded, the quotes of a quoted scalar and the brackets of a flow
/// collection are included. line and column (1-based, bytes) are those of start.
/// An alias node (*a) keeps its own span and refers to its target through aliasOf.
struct Node
{
    NodeKind kind = NodeKind::Null;
    ScalarStyle scalarStyle = ScalarStyle::Plain;
    CollectionStyle collectionStyle = CollectionStyle::Block;
    bool explicitNull = false; ///< Null written as text (~, null); false for an empty value
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    /// Mapping: 2*childCount entries (key, value, key, value...); sequence: childCount.
    std::uint32_t firstChild = 0;
    std::uint32_t childCount = 0;
    NodeId aliasOf = NoNode;
    std::string tag;   ///< "?" plain non-specific, "!" quoted non-specific, else the tag
    std::string value; ///< scalar value after YAML unescaping/folding
};

} // namespace PodSec::Yaml
