// SPDX-License-Identifier: Apache-2.0
#include "fix/yamlsurgeon.h"

#include <algorithm>
#include <string_view>

namespace PodSec::Fix {

using Yaml::NodeId;
using Yaml::NodeKind;
using Yaml::NoNode;

namespace {

Edits single(std::uint32_t offset, std::uint32_t length, std::string text)
{
    TextEditSet set;
    set.add({offset, length, std::move(text)});
    return set;
}

} // namespace

YamlSurgeon::YamlSurgeon(const Yaml::Document &doc, const std::string &text,
                         std::string_view fileEol)
    : m_doc(doc), m_text(text)
{
    // The document's own line ends (searching the whole file for every document made a
    // fix of many documents quadratic); a document without a line break follows the file.
    const std::string_view chunk =
        std::string_view(text).substr(doc.chunkStart, doc.chunkEnd - doc.chunkStart);
    if (chunk.find('\n') != std::string_view::npos)
        m_eol = chunk.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    else if (!fileEol.empty())
        m_eol = std::string(fileEol);
    else
        m_eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    m_parent.assign(doc.nodeCount(), NoNode);
    m_isKey.assign(doc.nodeCount(), false);
    for (std::size_t id = 0; id < doc.nodeCount(); ++id) {
        const auto &n = doc.node(NodeId(id));
        if (n.aliasOf != NoNode)
            m_aliases.emplace(n.aliasOf, NodeId(id));
        m_spans.emplace((std::uint64_t(n.start) << 32) | n.end, NodeId(id));
        if (n.kind == NodeKind::Scalar && text.find('\n', n.start) < n.end)
            m_multiLine.emplace_back(n.start, n.end);
        if (n.kind == NodeKind::Mapping) {
            for (std::size_t i = 0; i < n.childCount; ++i) {
                m_parent[std::size_t(doc.mapKey(NodeId(id), i))] = NodeId(id);
                m_parent[std::size_t(doc.mapValue(NodeId(id), i))] = NodeId(id);
                m_isKey[std::size_t(doc.mapKey(NodeId(id), i))] = true;
            }
        } else if (n.kind == NodeKind::Sequence) {
            for (std::size_t i = 0; i < n.childCount; ++i)
                m_parent[std::size_t(doc.item(NodeId(id), i))] = NodeId(id);
        }
    }
    std::sort(m_multiLine.begin(), m_multiLine.end());
    const auto &root = doc.node(doc.root);
    m_json = root.kind == NodeKind::Mapping &&
             root.collectionStyle == Yaml::CollectionStyle::Flow && root.childCount > 0 &&
             doc.node(doc.mapKey(doc.root, 0)).scalarStyle == Yaml::ScalarStyle::DoubleQuoted;
}

NodeId YamlSurgeon::nodeAt(std::uint32_t start, std::uint32_t end) const
{
    const auto [first, last] = m_spans.equal_range((std::uint64_t(start) << 32) | end);
    NodeId best = NoNode;
    for (auto it = first; it != last; ++it) {
        if (!m_isKey[std::size_t(it->second)] && (best == NoNode || it->second < best))
            best = it->second;
    }
    return best;
}

std::size_t YamlSurgeon::indexIn(NodeId parentId, NodeId child) const
{
    const auto &p = m_doc.node(parentId);
    for (std::size_t i = 0; i < p.childCount; ++i) {
        if (p.kind == NodeKind::Mapping ? m_doc.mapValue(parentId, i) == child
                                        : m_doc.item(parentId, i) == child)
            return i;
    }
    return p.childCount;
}

std::vector<std::pair<NodeId, std::vector<NodeId>>>
YamlSurgeon::sharedAt(std::uint32_t offset) const
{
    std::vector<std::pair<NodeId, std::vector<NodeId>>> out;
    for (auto it = m_aliases.begin(); it != m_aliases.end();) {
        const NodeId target = it->first;
        std::vector<NodeId> users;
        for (; it != m_aliases.end() && it->first == target; ++it)
            users.push_back(it->second);
        const auto &t = m_doc.node(target);
        if (t.start <= offset && offset <= lineEnd(t.end))
            out.emplace_back(target, std::move(users));
    }
    return out;
}

std::string YamlSurgeon::format(const Value &v, NodeId like) const
{
    if (like != NoNode) {
        const auto style = m_doc.node(like).scalarStyle;
        if (style == Yaml::ScalarStyle::DoubleQuoted && v.isString)
            return '"' + v.text + '"';
        if (style == Yaml::ScalarStyle::SingleQuoted && v.isString)
            return '\'' + v.text + '\'';
    }
    return m_json && v.isString ? '"' + v.text + '"' : v.text;
}

Edits YamlSurgeon::replace(NodeId value, const Value &v) const
{
    if (value == NoNode || m_doc.node(value).aliasOf != NoNode)
        return std::nullopt;
    const auto &n = m_doc.node(value);
    if (n.kind == NodeKind::Mapping || n.kind == NodeKind::Sequence ||
        (n.kind == NodeKind::Null && !n.explicitNull))
        return std::nullopt;
    return single(n.start, n.end - n.start, format(v, value));
}

Edits YamlSurgeon::set(NodeId base, const std::vector<std::string> &keys, const Value &value) const
{
    NodeId current = m_doc.resolve(base);
    std::size_t k = 0;
    while (k + 1 < keys.size()) {
        const NodeId next = m_doc.get(current, keys[k]);
        if (next == NoNode)
            break;
        const auto &nn = m_doc.node(m_doc.resolve(next));
        if (nn.kind == NodeKind::Null)
            return fillNull(next, current, keys[k],
                            std::vector<std::string>(keys.begin() + long(k) + 1, keys.end()),
                            value);
        if (nn.kind != NodeKind::Mapping)
            return std::nullopt; // another kind: a person should look
        current = m_doc.resolve(next);
        ++k;
    }
    const NodeId existing = m_doc.get(current, keys[k]);
    if (k + 1 == keys.size() && existing != NoNode) {
        if (m_doc.kind(existing) == NodeKind::Null && !m_doc.node(existing).explicitNull)
            return single(m_doc.node(existing).start, 0, ' ' + format(value));
        return replace(existing, value);
    }
    return insert(current, std::vector<std::string>(keys.begin() + long(k), keys.end()), value);
}

Edits YamlSurgeon::append(NodeId sequence, const Value &plain) const
{
    if (sequence == NoNode || m_doc.node(sequence).aliasOf != NoNode)
        return std::nullopt;
    const auto &s = m_doc.node(sequence);
    if (s.kind != NodeKind::Sequence)
        return std::nullopt;
    const std::string item =
        s.childCount > 0 ? format(plain, m_doc.item(sequence, 0)) : format(plain);
    if (s.collectionStyle == Yaml::CollectionStyle::Flow) {
        if (s.childCount == 0)
            return single(s.start, s.end - s.start, '[' + item + ']');
        const auto &last = m_doc.node(m_doc.item(sequence, s.childCount - 1));
        return single(last.end, 0, ", " + item);
    }
    const auto &last = m_doc.node(m_doc.item(sequence, s.childCount - 1));
    return single(lineEnd(last.end), 0, m_eol + std::string(s.column - 1, ' ') + "- " + item);
}

Edits YamlSurgeon::removeEntry(NodeId mapping, std::size_t i) const
{
    const auto &m = m_doc.node(mapping);
    if (m.aliasOf != NoNode || m.kind != NodeKind::Mapping || i >= m.childCount)
        return std::nullopt;
    const auto &k = m_doc.node(m_doc.mapKey(mapping, i));
    const std::uint32_t last = entryEnd(mapping, i);
    if (m.collectionStyle == Yaml::CollectionStyle::Flow) {
        if (m.childCount == 1)
            return single(m.start, m.end - m.start, "{}");
        if (i > 0) {
            const std::uint32_t prev = entryEnd(mapping, i - 1);
            return single(prev, last - prev, {});
        }
        const auto &next = m_doc.node(m_doc.mapKey(mapping, 1));
        return single(k.start, next.start - k.start, {});
    }
    const bool ownLine = onlySpaces(lineStart(k.start), k.start);
    if (m.childCount == 1) {
        const NodeId p = parent(mapping);
        if (ownLine && p != NoNode && m_doc.kind(p) == NodeKind::Mapping) {
            // parentKey:\n  key: value  ->  parentKey: {}
            const auto &pk = m_doc.node(m_doc.mapKey(p, indexIn(p, mapping)));
            std::uint32_t colon = pk.end;
            while (colon < m_text.size() && m_text[colon] != ':')
                ++colon;
            if (colon >= k.start)
                return std::nullopt;
            TextEditSet set;
            set.add({colon + 1, 0, " {}"});
            if (!deleteLines(set, lineEndIncl(colon), lineEndIncl(last)))
                return std::nullopt;
            return set;
        }
        return single(k.start, last - k.start, "{}");
    }
    if (ownLine) {
        TextEditSet set;
        if (!deleteLines(set, lineStart(k.start), lineEndIncl(last)))
            return std::nullopt;
        return set;
    }
    // "- key: value" on the dash line: the next key moves up.
    if (i + 1 >= m.childCount)
        return std::nullopt;
    const auto &next = m_doc.node(m_doc.mapKey(mapping, i + 1));
    if (hasCommentLine(lineEndIncl(k.start), next.start))
        return std::nullopt;
    TextEditSet set;
    if (!set.add({k.start, next.start - k.start, {}}))
        return std::nullopt;
    // Its trailing comment becomes a comment line above the item, at the dash's indentation.
    const std::uint32_t line = lineStart(k.start);
    const std::uint32_t hash = trailingComment(line);
    if (hash < lineEnd(line)) {
        std::uint32_t indent = line;
        while (indent < k.start && (m_text[indent] == ' ' || m_text[indent] == '\t'))
            ++indent;
        const std::string comment =
            m_text.substr(line, indent - line) + m_text.substr(hash, lineEnd(line) - hash) + m_eol;
        if (!set.add({line, 0, comment}))
            return std::nullopt;
    }
    return set;
}

Edits YamlSurgeon::removeItems(NodeId sequence, const std::vector<std::size_t> &indexes) const
{
    const auto &s = m_doc.node(sequence);
    if (s.aliasOf != NoNode || s.kind != NodeKind::Sequence || indexes.empty())
        return std::nullopt;
    if (indexes.size() >= s.childCount) {
        const NodeId p = parent(sequence);
        if (p != NoNode && m_doc.kind(p) == NodeKind::Mapping)
            return removeEntry(p, indexIn(p, sequence));
        return single(s.start, s.end - s.start, "[]");
    }
    if (s.collectionStyle == Yaml::CollectionStyle::Flow) {
        std::string kept;
        for (std::size_t i = 0; i < s.childCount; ++i) {
            if (std::find(indexes.begin(), indexes.end(), i) != indexes.end())
                continue;
            const auto &item = m_doc.node(m_doc.item(sequence, i));
            kept += (kept.empty() ? "" : ", ") + m_text.substr(item.start, item.end - item.start);
        }
        return single(s.start, s.end - s.start, '[' + kept + ']');
    }
    TextEditSet set;
    for (std::size_t i : indexes) {
        const auto &item = m_doc.node(m_doc.item(sequence, i));
        std::uint32_t dash = item.start;
        while (dash > 0 && m_text[dash - 1] != '-' && m_text[dash - 1] != '\n')
            --dash;
        if (dash == 0 || m_text[dash - 1] != '-' || !onlySpaces(lineStart(dash), dash - 1))
            return std::nullopt;
        if (!deleteLines(set, lineStart(dash), lineEndIncl(std::max(item.end, dash))))
            return std::nullopt;
    }
    return set;
}

Edits YamlSurgeon::replaceEntry(NodeId mapping, std::size_t i, const std::string &key,
                                const std::string &value) const
{
    const auto &m = m_doc.node(mapping);
    if (m.aliasOf != NoNode || m.kind != NodeKind::Mapping || i >= m.childCount)
        return std::nullopt;
    const auto &k = m_doc.node(m_doc.mapKey(mapping, i));
    return single(k.start, entryEnd(mapping, i) - k.start, this->key(key) + ": " + value);
}

std::uint32_t YamlSurgeon::entryEnd(NodeId mapping, std::size_t i) const
{
    return std::max(m_doc.node(m_doc.mapKey(mapping, i)).end,
                    m_doc.node(m_doc.mapValue(mapping, i)).end);
}

std::uint32_t YamlSurgeon::lineStart(std::uint32_t at) const
{
    while (at > 0 && m_text[at - 1] != '\n')
        --at;
    return at;
}
std::uint32_t YamlSurgeon::lineEnd(std::uint32_t from) const
{
    std::size_t p = m_text.find('\n', from);
    if (p == std::string::npos)
        return static_cast<std::uint32_t>(m_text.size());
    if (p > 0 && m_text[p - 1] == '\r')
        --p;
    return static_cast<std::uint32_t>(p);
}
std::uint32_t YamlSurgeon::lineEndIncl(std::uint32_t from) const
{
    const std::size_t p = m_text.find('\n', from);
    return p == std::string::npos ? static_cast<std::uint32_t>(m_text.size())
                                  : static_cast<std::uint32_t>(p + 1);
}
bool YamlSurgeon::onlySpaces(std::uint32_t from, std::uint32_t to) const
{
    for (std::uint32_t p = from; p < to; ++p) {
        if (m_text[p] != ' ' && m_text[p] != '\t')
            return false;
    }
    return true;
}
bool YamlSurgeon::isCommentLine(std::uint32_t start) const
{
    std::uint32_t p = start;
    while (p < m_text.size() && (m_text[p] == ' ' || m_text[p] == '\t'))
        ++p;
    return p < m_text.size() && m_text[p] == '#';
}
bool YamlSurgeon::hasCommentLine(std::uint32_t from, std::uint32_t to) const
{
    for (std::uint32_t p = from; p < to; p = lineEndIncl(p)) {
        if (isCommentLine(p))
            return true;
    }
    return false;
}
std::uint32_t YamlSurgeon::trailingComment(std::uint32_t start) const
{
    const std::uint32_t end = lineEnd(start);
    // A continuation line of a multi-line scalar holds no comment.
    auto after = std::upper_bound(m_multiLine.begin(), m_multiLine.end(),
                                  std::pair{start, std::uint32_t(-1)});
    if (after != m_multiLine.begin() && std::prev(after)->second > start)
        return end;
    for (std::uint32_t p = start; p < end; ++p) {
        const char c = m_text[p];
        const char before = p > start ? m_text[p - 1] : ' ';
        if (c == '#' && (before == ' ' || before == '\t'))
            return p;
        if ((c == '"' || c == '\'') &&
            std::string_view(" \t[{,:-?").find(before) != std::string_view::npos) {
            // A quoted scalar: skip to its closing quote ('' and \" do not close it).
            for (++p; p < end; ++p) {
                if (c == '"' && m_text[p] == '\\') {
                    ++p;
                } else if (m_text[p] == c) {
                    if (c == '\'' && p + 1 < end && m_text[p + 1] == '\'')
                        ++p;
                    else
                        break;
                }
            }
            if (p >= end)
                return end; // the quote goes on past this line
        }
    }
    return end;
}
bool YamlSurgeon::deleteLines(TextEditSet &set, std::uint32_t from, std::uint32_t to) const
{
    std::uint32_t runStart = from;
    for (std::uint32_t p = from; p < to; p = lineEndIncl(p)) {
        if (isCommentLine(p)) {
            if (p > runStart && !set.add({runStart, p - runStart, {}}))
                return false;
            runStart = lineEndIncl(p);
        } else if (const std::uint32_t hash = trailingComment(p); hash < lineEnd(p)) {
            // The line goes, its trailing comment stays as a comment line at its indentation.
            if (p > runStart && !set.add({runStart, p - runStart, {}}))
                return false;
            std::uint32_t indent = p;
            while (m_text[indent] == ' ' || m_text[indent] == '\t')
                ++indent;
            if (!set.add({indent, hash - indent, {}}))
                return false;
            runStart = lineEndIncl(p);
        }
    }
    if (to > runStart && !set.add({runStart, to - runStart, {}}))
        return false;
    return true;
}

std::uint32_t YamlSurgeon::indentStep(NodeId mapping) const
{
    if (const auto step = stepBelow(mapping))
        return step;
    if (const auto step = stepBelow(m_doc.root))
        return step;
    return 2;
}
std::uint32_t YamlSurgeon::stepBelow(NodeId mapping) const
{
    for (std::size_t i = 0; i < m_doc.size(mapping); ++i) {
        const NodeId v = m_doc.resolve(m_doc.mapValue(mapping, i));
        const auto &vn = m_doc.node(v);
        if (vn.kind == NodeKind::Mapping && vn.collectionStyle == Yaml::CollectionStyle::Block &&
            vn.childCount > 0) {
            const auto &keyNode = m_doc.node(m_doc.mapKey(mapping, i));
            const auto &inner = m_doc.node(m_doc.mapKey(v, 0));
            if (inner.column > keyNode.column)
                return inner.column - keyNode.column;
        }
    }
    return 0;
}

std::string YamlSurgeon::flowEntries(const std::vector<std::string> &keys, const Value &value) const
{
    std::string inner = key(keys.back()) + ": " + format(value);
    for (std::size_t i = keys.size() - 1; i-- > 0;)
        inner = key(keys[i]) + ": {" + inner + '}';
    return inner;
}

std::string YamlSurgeon::blockLines(std::uint32_t indent, std::uint32_t step,
                                    const std::vector<std::string> &keys, const Value &value) const
{
    std::string lines;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        lines += m_eol + std::string(indent + step * i, ' ') + keys[i] + ':';
        if (i + 1 == keys.size())
            lines += ' ' + format(value);
    }
    return lines;
}

Edits YamlSurgeon::fillNull(NodeId nullValue, NodeId mapping, const std::string &key,
                            const std::vector<std::string> &keys, const Value &value) const
{
    const auto &n = m_doc.node(nullValue);
    const auto &m = m_doc.node(mapping);
    if (n.aliasOf != NoNode)
        return std::nullopt;
    if (n.explicitNull || m.collectionStyle == Yaml::CollectionStyle::Flow)
        return single(n.start, n.end - n.start, '{' + flowEntries(keys, value) + '}');
    const auto &keyNode = m_doc.node(m_doc.keyOf(mapping, key));
    return single(
        lineEnd(n.start), 0,
        blockLines(keyNode.column - 1 + indentStep(mapping), indentStep(mapping), keys, value));
}

Edits YamlSurgeon::insert(NodeId mapping, const std::vector<std::string> &keys,
                          const Value &value) const
{
    if (mapping == NoNode || m_doc.node(mapping).aliasOf != NoNode)
        return std::nullopt;
    const auto &m = m_doc.node(mapping);
    if (m.kind != NodeKind::Mapping)
        return std::nullopt;
    if (m.collectionStyle == Yaml::CollectionStyle::Flow) {
        const std::string inner = flowEntries(keys, value);
        if (m.childCount == 0)
            return single(m.start, m.end - m.start, '{' + inner + '}');
        const std::uint32_t last = entryEnd(mapping, m.childCount - 1);
        const auto &lastKey = m_doc.node(m_doc.mapKey(mapping, m.childCount - 1));
        if (lastKey.line != m.line) // one entry per line (pretty JSON): keep it so
            return single(last, 0, ',' + m_eol + std::string(lastKey.column - 1, ' ') + inner);
        return single(last, 0, ", " + inner);
    }
    const auto &firstKey = m_doc.node(m_doc.mapKey(mapping, 0));
    return single(lineEnd(entryEnd(mapping, m.childCount - 1)), 0,
                  blockLines(firstKey.column - 1, indentStep(mapping), keys, value));
}

} // namespace PodSec::Fix
