// SPDX-License-Identifier: Apache-2.0
// Internal to core/yaml: the yaml-cpp event handler that builds a Document's node tree with
// source spans (sourcefile.cpp), and what the kind probe shares with it (kindprobe.cpp).
#pragma once

#include "yaml/documentrules.h"
#include "yaml/sourcefile.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <streambuf>

namespace PodSec::Yaml::Detail {

/// An istream over memory that we do not own, so a chunk is parsed without a copy.
class MemoryBuffer : public std::streambuf
{
public:
    MemoryBuffer(const char *begin, std::size_t size)
    {
        char *b = const_cast<char *>(begin); // streambuf wants char*; we never write
        setg(b, b, b + size);
    }
};

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}
inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct BuildError
{
    std::uint32_t offset;
    std::string message;
};

class TreeBuilder : public YAML::EventHandler
{
public:
    /// validateOnly: the document rules run on each mapping as it closes, its children's
    /// strings are freed and no child lists are kept: the same errors as a full build
    /// (ruleError()), but no usable tree.
    TreeBuilder(std::string_view text, const Chunk &chunk, Document &doc, const ParseLimits &limits,
                bool validateOnly = false)
        : m_text(text), m_chunk(chunk), m_doc(doc), m_limits(limits), m_validateOnly(validateOnly)
    {}

    /// validateOnly: the document rules' first problem, as checkDocumentRules would report it
    /// on the full tree (the lowest offset; on a tie, the mapping that opened first).
    std::optional<Diagnostic> ruleError() const
    {
        if (!m_ruleError)
            return std::nullopt;
        return m_ruleError->diagnostic;
    }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        Node n;
        n.kind = NodeKind::Null;
        std::uint32_t p = absolute(mark);
        std::uint32_t line = lineOf(mark), column = columnOf(mark);
        // Skip properties on the same line (&a, !!null).
        while (p < m_chunk.end && (m_text[p] == '&' || m_text[p] == '!')) {
            const std::uint32_t end = propertyEnd(p);
            column += end - p;
            p = end;
            while (p < m_chunk.end && isBlank(m_text[p]))
                ++p, ++column;
        }
        if (startsWithNullWord(p)) {
            n.explicitNull = true;
            n.start = p;
            n.end = p + (m_text[p] == '~' ? 1 : 4);
            n.line = line;
            n.column = column;
        } else {
            placeImplicitNull(n, p, line, column);
        }
        add(std::move(n), anchor, 1);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (anchor >= m_anchors.size() || m_anchors[anchor] == NoNode)
            throw BuildError{absolute(mark), "unknown alias"};
        NodeId target = m_anchors[anchor];
        for (const auto &open : m_stack) {
            if (open.id == target)
                throw BuildError{absolute(mark),
                                 "alias " + aliasName(absolute(mark)) +
                                     " refers to a node that contains it (recursive alias)"};
        }
        Node n = m_doc.node(target); // copy kind/style for convenience
        n.aliasOf = target;
        n.start = absolute(mark);
        n.end = n.start + 1;
        while (n.end < m_chunk.end && !isSpace(m_text[n.end]) && m_text[n.end] != ',' &&
               m_text[n.end] != ']' && m_text[n.end] != '}')
            ++n.end;
        n.line = lineOf(mark);
        n.column = columnOf(mark);
        n.value.clear();
        n.childCount = 0;
        // The alias stands for a copy of its target: every node a walk would visit there
        // is expansion. Plain nodes cost what they weigh in the text, so only this counts.
        const std::uint64_t weight = m_weights[static_cast<std::size_t>(target)];
        m_expansion += weight;
        if (m_expansion > m_limits.maxExpandedNodes)
            throw BuildError{n.start, "alias expansion exceeds " +
                                          std::to_string(m_limits.maxExpandedNodes) +
                                          " nodes (billion laughs?); document rejected"};
        add(std::move(n), 0, weight);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        Node n;
        n.kind = NodeKind::Scalar;
        n.tag = tag;
        n.value = value;
        placeContent(n, mark);
        const char c = n.start < m_chunk.end ? m_text[n.start] : '\0';
        if (c == '"')
            n.scalarStyle = ScalarStyle::DoubleQuoted;
        else if (c == '\'')
            n.scalarStyle = ScalarStyle::SingleQuoted;
        else if (c == '|' && tag != "?")
            n.scalarStyle = ScalarStyle::Literal;
        else if (c == '>' && tag != "?")
            n.scalarStyle = ScalarStyle::Folded;
        n.end = scalarEnd(n);
        add(std::move(n), anchor, 1);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        openCollection(NodeKind::Sequence, mark, tag, anchor, style);
    }
    void OnSequenceEnd() override { closeCollection(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        openCollection(NodeKind::Mapping, mark, tag, anchor, style);
    }
    void OnMapEnd() override { closeCollection(); }

private:
    struct Open
    {
        NodeId id;
        std::vector<NodeId> kids;
        std::uint64_t weight = 1;
    };

    std::uint32_t absolute(const YAML::Mark &m) const
    {
        if (m.pos < 0)
            return m_chunk.start;
        std::uint64_t p = m_chunk.start + static_cast<std::uint64_t>(m.pos);
        return static_cast<std::uint32_t>(p > m_chunk.end ? m_chunk.end : p);
    }
    std::uint32_t lineOf(const YAML::Mark &m) const
    {
        return m_chunk.firstLine + static_cast<std::uint32_t>(m.line < 0 ? 0 : m.line);
    }
    static std::uint32_t columnOf(const YAML::Mark &m)
    {
        return static_cast<std::uint32_t>(m.column < 0 ? 0 : m.column) + 1;
    }

    std::string aliasName(std::uint32_t p) const
    {
        std::uint32_t e = p + 1;
        while (e < m_chunk.end && e - p < 64 && !isSpace(m_text[e]) && m_text[e] != ',' &&
               m_text[e] != ']' && m_text[e] != '}')
            ++e;
        return std::string(m_text.substr(p, e - p));
    }

    bool startsWithNullWord(std::uint32_t p) const
    {
        auto delim = [&](std::uint32_t q) {
            return q >= m_chunk.end || isSpace(m_text[q]) || m_text[q] == ',' || m_text[q] == '}' ||
                   m_text[q] == ']' || m_text[q] == '#';
        };
        if (p < m_chunk.end && m_text[p] == '~')
            return delim(p + 1);
        if (p + 4 <= m_chunk.end) {
            auto w = m_text.substr(p, 4);
            if (w == "null" || w == "Null" || w == "NULL")
                return delim(p + 4);
        }
        return false;
    }

    /// An empty value ("key:" with nothing after it) sits right after its key's colon.
    void placeImplicitNull(Node &n, std::uint32_t p, std::uint32_t line, std::uint32_t column)
    {
        n.start = n.end = p;
        n.line = line;
        n.column = column;
        if (m_stack.empty())
            return;
        const Open &parent = m_stack.back();
        const Node &pn = m_doc.node(parent.id);
        if (pn.kind != NodeKind::Mapping || parent.kids.size() % 2 != 1)
            return;
        const Node &key = m_doc.node(parent.kids.back());
        std::uint32_t q = key.end;
        while (q < m_chunk.end && isBlank(m_text[q]))
            ++q;
        if (q < m_chunk.end && m_text[q] == ':')
            ++q;
        n.start = n.end = q;
        n.line = key.line;
        n.column = key.column;
        for (std::uint32_t i = key.start; i < q; ++i) {
            if (m_text[i] == '\n') {
                ++n.line;
                n.column = 1;
            } else {
                ++n.column;
            }
        }
    }

    /// The end of the node property (&anchor or !tag) at p, scanned as yaml-cpp's scanner
    /// does: an anchor ends at a blank or a flow indicator, a tag after its handle
    /// ("!", "!!", "!name!") and its URI characters, or after "!<...>". A flow indicator
    /// right after a tag ("![a]") starts the content, so it is never part of the property.
    std::uint32_t propertyEnd(std::uint32_t p) const
    {
        const std::uint32_t end = m_chunk.end;
        auto flowIndicator = [](char c) {
            return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
        };
        if (m_text[p] == '&') {
            ++p;
            while (p < end && !isSpace(m_text[p]) && !flowIndicator(m_text[p]))
                ++p;
            return p;
        }
        ++p; // '!'
        if (p < end && m_text[p] == '<') {
            while (p < end && m_text[p] != '>' && !isSpace(m_text[p]))
                ++p;
            return p < end && m_text[p] == '>' ? p + 1 : p;
        }
        auto tagChar = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '%' || c == '!' ||
                   (c != '\0' && std::strchr("#;/?:@&=+$_.~*'()", c));
        };
        while (p < end && tagChar(m_text[p]))
            ++p;
        return p;
    }

    /// Moves the mark past properties (&anchor, !tag) and the space after them.
    void placeContent(Node &n, const YAML::Mark &mark)
    {
        std::uint32_t p = absolute(mark);
        std::uint32_t line = lineOf(mark), column = columnOf(mark);
        while (p < m_chunk.end && (m_text[p] == '&' || m_text[p] == '!')) {
            const std::uint32_t end = propertyEnd(p);
            column += end - p;
            p = end;
            bool moved = true;
            while (moved && p < m_chunk.end) {
                moved = false;
                while (p < m_chunk.end && isSpace(m_text[p])) {
                    if (m_text[p] == '\n') {
                        ++line;
                        column = 1;
                    } else {
                        ++column;
                    }
                    ++p;
                    moved = true;
                }
                if (p < m_chunk.end && m_text[p] == '#') {
                    while (p < m_chunk.end && m_text[p] != '\n')
                        ++p, ++column;
                    moved = true;
                }
            }
        }
        n.start = p;
        n.line = line;
        n.column = column;
    }

    std::uint32_t scalarEnd(const Node &n) const
    {
        const std::uint32_t end = m_chunk.end;
        std::uint32_t p = n.start;
        switch (n.scalarStyle) {
        case ScalarStyle::DoubleQuoted:
            for (++p; p < end; ++p) {
                if (m_text[p] == '\\')
                    ++p;
                else if (m_text[p] == '"')
                    return p + 1;
            }
            return end;
        case ScalarStyle::SingleQuoted:
            for (++p; p < end; ++p) {
                if (m_text[p] == '\'') {
                    if (p + 1 < end && m_text[p + 1] == '\'')
                        ++p;
                    else
                        return p + 1;
                }
            }
            return end;
        case ScalarStyle::Literal:
        case ScalarStyle::Folded:
            return blockScalarEnd(n.start);
        case ScalarStyle::Plain:
            break;
        }
        const std::string &v = n.value;
        if (p + v.size() <= end && m_text.compare(p, v.size(), v) == 0)
            return p + static_cast<std::uint32_t>(v.size());
        // Multi-line plain scalar: line breaks and indentation fold into the value's spaces.
        std::size_t i = 0;
        std::uint32_t lastGood = p;
        while (i < v.size() && p < end) {
            if (v[i] == m_text[p]) {
                ++i, ++p;
                lastGood = p;
            } else if ((v[i] == ' ' || v[i] == '\n') && isSpace(m_text[p])) {
                while (i < v.size() && (v[i] == ' ' || v[i] == '\n'))
                    ++i;
                while (p < end && isSpace(m_text[p]))
                    ++p;
            } else if (isSpace(m_text[p])) {
                while (p < end && isSpace(m_text[p]))
                    ++p;
            } else {
                break;
            }
        }
        return lastGood;
    }

    std::uint32_t lineIndent(std::uint32_t p) const
    {
        std::uint32_t ls = p;
        while (ls > m_chunk.start && m_text[ls - 1] != '\n')
            --ls;
        std::uint32_t spaces = 0;
        while (ls + spaces < m_chunk.end && m_text[ls + spaces] == ' ')
            ++spaces;
        return spaces;
    }

    std::uint32_t blockScalarEnd(std::uint32_t header) const
    {
        const std::uint32_t end = m_chunk.end;
        const std::uint32_t parentIndent = lineIndent(header);
        std::uint32_t p = header;
        while (p < end && m_text[p] != '\n')
            ++p;
        std::uint32_t result = p;
        if (result > header && m_text[result - 1] == '\r')
            --result;
        // strip a trailing comment on the header line from the span
        for (std::uint32_t q = header + 1; q < result; ++q) {
            if (m_text[q] == '#' && isBlank(m_text[q - 1])) {
                result = q;
                while (result > header + 1 && isBlank(m_text[result - 1]))
                    --result;
                break;
            }
        }
        // An explicit indentation indicator (|2, >-1) fixes the content indentation.
        std::uint32_t contentIndent = 0;
        for (std::uint32_t q = header + 1; q < result && q < header + 4; ++q) {
            if (m_text[q] >= '1' && m_text[q] <= '9') {
                contentIndent = parentIndent + static_cast<std::uint32_t>(m_text[q] - '0');
                break;
            }
        }
        while (p < end) {
            const std::uint32_t ls = p + 1;
            if (ls >= end)
                break;
            std::uint32_t q = ls;
            while (q < end && m_text[q] == ' ')
                ++q;
            std::uint32_t le = q;
            while (le < end && m_text[le] != '\n')
                ++le;
            std::uint32_t contentEnd = le;
            if (contentEnd > q && m_text[contentEnd - 1] == '\r')
                --contentEnd;
            const bool blank = q >= contentEnd;
            if (!blank) {
                const std::uint32_t indent = q - ls;
                if (contentIndent == 0) {
                    if (indent <= parentIndent)
                        break;
                    contentIndent = indent;
                } else if (indent < contentIndent) {
                    break;
                }
                result = contentEnd;
            }
            p = le;
        }
        return result;
    }

    void add(Node &&n, YAML::anchor_t anchor, std::uint64_t weight)
    {
        NodeId id = static_cast<NodeId>(m_doc.nodes().size());
        m_doc.nodes().push_back(std::move(n));
        m_weights.push_back(weight);
        registerAnchor(anchor, id);
        attach(id, weight);
    }

    void registerAnchor(YAML::anchor_t anchor, NodeId id)
    {
        if (anchor == 0)
            return;
        if (m_anchors.size() <= anchor)
            m_anchors.resize(anchor + 1, NoNode);
        m_anchors[anchor] = id;
    }

    void attach(NodeId id, std::uint64_t weight)
    {
        if (m_stack.empty()) {
            if (m_doc.root == NoNode)
                m_doc.root = id;
            return;
        }
        Open &parent = m_stack.back();
        parent.kids.push_back(id);
        parent.weight += weight;
    }

    void openCollection(NodeKind kind, const YAML::Mark &mark, const std::string &tag,
                        YAML::anchor_t anchor, YAML::EmitterStyle::value style)
    {
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth)
            throw BuildError{absolute(mark), "nesting deeper than " +
                                                 std::to_string(m_limits.maxDepth) + " levels"};
        Node n;
        n.kind = kind;
        n.tag = tag;
        n.collectionStyle =
            style == YAML::EmitterStyle::Flow ? CollectionStyle::Flow : CollectionStyle::Block;
        placeContent(n, mark);
        n.end = n.start;
        NodeId id = static_cast<NodeId>(m_doc.nodes().size());
        m_doc.nodes().push_back(std::move(n));
        m_weights.push_back(1);
        registerAnchor(anchor, id);
        m_stack.push_back(Open{id, {}, 1});
    }

    void closeCollection()
    {
        Open open = std::move(m_stack.back());
        m_stack.pop_back();
        auto &children = m_doc.children();
        Node &n = m_doc.nodes()[static_cast<std::size_t>(open.id)];
        n.firstChild = static_cast<std::uint32_t>(children.size());
        n.childCount = static_cast<std::uint32_t>(n.kind == NodeKind::Mapping ? open.kids.size() / 2
                                                                              : open.kids.size());
        if (m_validateOnly) {
            n.firstChild = 0;
            if (n.kind == NodeKind::Mapping)
                checkRules(open);
        } else {
            children.insert(children.end(), open.kids.begin(), open.kids.end());
        }
        std::uint32_t lastEnd = n.start;
        if (!open.kids.empty()) {
            lastEnd = m_doc.node(open.kids.back()).end;
            // Odd properties (tags with unusual characters) can make the skip in
            // placeContent overshoot; a collection never starts after its first child.
            const Node &first = m_doc.node(open.kids.front());
            if (first.start < n.start) {
                n.start = first.start;
                n.line = first.line;
                n.column = first.column;
            }
        }
        if (n.collectionStyle == CollectionStyle::Flow) {
            const char close = n.kind == NodeKind::Mapping ? '}' : ']';
            std::uint32_t p = open.kids.empty() ? n.start + 1 : lastEnd;
            while (p < m_chunk.end && m_text[p] != close) {
                if (m_text[p] == '#') {
                    while (p < m_chunk.end && m_text[p] != '\n')
                        ++p;
                } else {
                    ++p;
                }
            }
            n.end = p < m_chunk.end ? p + 1 : m_chunk.end;
        } else {
            n.end = std::max(lastEnd, n.start);
        }
        m_weights[static_cast<std::size_t>(open.id)] = open.weight;
        if (m_validateOnly) {
            // Nothing reads the children's strings again (an alias copies its target's kind).
            for (const NodeId kid : open.kids) {
                Node &k = m_doc.nodes()[static_cast<std::size_t>(kid)];
                std::string().swap(k.value);
                std::string().swap(k.tag);
            }
        }
        attach(open.id, open.weight);
    }

    std::string_view m_text;
    const Chunk &m_chunk;
    Document &m_doc;
    const ParseLimits &m_limits;
    std::vector<Open> m_stack;
    std::vector<NodeId> m_anchors;
    /// Nodes in a walk that follows every alias (weight of a node: nodes below it, aliases
    /// expanded).
    std::vector<std::uint64_t> m_weights;
    /// Nodes that aliases add to such a walk, over the whole document.
    std::uint64_t m_expansion = 0;

    /// validateOnly: the document rules on one mapping that has just closed.
    void checkRules(const Open &open)
    {
        std::uint32_t order = 0;
        checkMappingRules(m_doc, open.id, open.kids.data(), open.kids.size() / 2, m_text,
                          [&](Diagnostic d) {
                              const RuleProblem p{std::move(d), open.id, order++};
                              if (!m_ruleError || p.before(*m_ruleError))
                                  m_ruleError = p;
                          });
    }
    struct RuleProblem
    {
        Diagnostic diagnostic;
        NodeId mapping;
        std::uint32_t order;
        /// checkDocumentRules visits mappings in node order and keeps the first lowest offset.
        bool before(const RuleProblem &o) const
        {
            if (diagnostic.offset != o.diagnostic.offset)
                return diagnostic.offset < o.diagnostic.offset;
            return mapping != o.mapping ? mapping < o.mapping : order < o.order;
        }
    };
    bool m_validateOnly = false;
    std::optional<RuleProblem> m_ruleError;
};

} // namespace PodSec::Yaml::Detail
