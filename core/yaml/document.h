// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "yaml/node.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Yaml {

/// A scalar resolved the way Kubernetes' YAML reader (YAML 1.1 rules) types it.
enum class ScalarType : std::uint8_t { Null, Bool, Int, Float, String };

/// One YAML document of a stream: a node tree with source spans. The document does not
/// own the file text; it is valid as long as the SourceText it was parsed from.
class Document
{
public:
    /// 0-based index of the document in its file (documents that hold nothing but
    /// comments are not counted).
    int index = 0;
    /// Byte range of the document's chunk in the file, and its first line (1-based).
    std::uint32_t chunkStart = 0;
    std::uint32_t chunkEnd = 0;
    std::uint32_t firstLine = 1;
    NodeId root = NoNode;
    /// Set when the document could not be parsed or breaks a document rule (duplicate key,
    /// a line that is not part of any node); root is then NoNode.
    std::optional<Diagnostic> error;
    /// Input of the document's part that Kubernetes ignores (after "..."), as warnings.
    std::vector<Diagnostic> warnings;

    const Node &node(NodeId id) const { return m_nodes[static_cast<std::size_t>(id)]; }
    std::size_t nodeCount() const { return m_nodes.size(); }

    /// Follows an alias to its target (one hop: targets are never aliases).
    NodeId resolve(NodeId id) const;
    NodeKind kind(NodeId id) const;

    /// Mapping lookup on the resolved node. The last occurrence of a key wins; keys
    /// merged in with "<<" are searched after the explicit ones. NoNode if absent.
    NodeId get(NodeId mapping, std::string_view key) const;
    /// Like get(), but a key whose value is null counts as absent.
    NodeId getSet(NodeId mapping, std::string_view key) const;
    /// Mapping key node for a value found with get(), for positions; NoNode if absent.
    NodeId keyOf(NodeId mapping, std::string_view key) const;

    std::size_t size(NodeId collection) const;
    /// Sequence item i (unresolved, so an alias keeps its own position).
    NodeId item(NodeId sequence, std::size_t i) const;
    NodeId mapKey(NodeId mapping, std::size_t i) const;
    NodeId mapValue(NodeId mapping, std::size_t i) const;

    /// The scalar text of a resolved scalar node; empty for anything else.
    const std::string &scalar(NodeId id) const;
    ScalarType scalarType(NodeId id) const;
    bool isTrue(NodeId id) const;
    bool isFalse(NodeId id) const;
    bool isString(NodeId id) const;
    /// The integer a Go integer field decodes this scalar to, as the API server reads it:
    /// YAML 1.1 resolution (go-yaml v2), then the JSON number sigs.k8s.io/yaml writes
    /// (Go json.Marshal), then strconv.ParseInt. A whole float (0.0, 8e1, -0.0) is that
    /// integer; a fraction, a string, a bool, or a number beyond int64 is nullopt.
    std::optional<long long> toInt(NodeId id) const;
    /// The JSON text of a number scalar (Int or Float) as sigs.k8s.io/yaml converts it:
    /// 8080.0 -> "8080", 1e21 -> "1e+21", 18446744073709551615 stays; nullopt for
    /// anything else and for .inf/.nan, which JSON cannot hold.
    std::optional<std::string> jsonNumber(NodeId id) const;
    /// Whether the scalar is YAML 1.1 .inf/.nan: the YAML-to-JSON step fails on it.
    bool isNonFinite(NodeId id) const;

    /// Compact JSON rendering of a node (bounded in depth and size; aliases resolved).
    std::string toJson(NodeId id, int maxDepth = 4, int maxNodes = 64) const;

    // Builder interface (used by the parser)
    std::vector<Node> &nodes() { return m_nodes; }
    std::vector<NodeId> &children() { return m_children; }
    const std::vector<NodeId> &childIds() const { return m_children; }

private:
    NodeId findKey(NodeId mapping, std::string_view key, bool wantKey, int depth) const;
    void renderJson(std::string &out, NodeId id, int depth, int &budget) const;

    std::vector<Node> m_nodes;
    std::vector<NodeId> m_children;
    static const std::string s_empty;
};

} // namespace PodSec::Yaml
