// SPDX-License-Identifier: Apache-2.0
#include "yaml/documentrules.h"

#include "yaml/sourcefile.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace PodSec::Yaml {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// A line starting with "---" or "..." followed by whitespace or the line end.
bool isMarkerLine(std::string_view text, std::size_t lineStart, char c)
{
    if (text.size() < lineStart + 3)
        return false;
    if (text[lineStart] != c || text[lineStart + 1] != c || text[lineStart + 2] != c)
        return false;
    return lineStart + 3 == text.size() || isSpace(text[lineStart + 3]);
}

/// The offset of the first byte of [from, to) that is not a blank line, comment, directive
/// or marker; to when there is none.
std::size_t firstContent(std::string_view text, std::size_t from, std::size_t to)
{
    std::size_t p = from;
    while (p < to) {
        std::size_t lineEnd = text.find('\n', p);
        if (lineEnd == std::string_view::npos || lineEnd > to)
            lineEnd = to;
        std::size_t q = p;
        if (isMarkerLine(text, p, '-'))
            q = p + 3;
        else if (isMarkerLine(text, p, '.') || (p < to && text[p] == '%'))
            q = lineEnd;
        while (q < lineEnd && isSpace(text[q]))
            ++q;
        if (q < lineEnd && text[q] != '#')
            return q;
        p = lineEnd + 1;
    }
    return to;
}

Diagnostic at(const Node &n, std::string message)
{
    return Diagnostic{n.start, n.line, n.column, std::move(message)};
}

std::string position(const Node &n)
{
    return "line " + std::to_string(n.line) + ", column " + std::to_string(n.column);
}

} // namespace

// kubectl splits a stream on "---" lines (k8s.io/apimachinery YAMLReader) and decodes the
// first YAML document of each part: what follows a "..." end marker in the same part is
// never read. Each chunk here is such a part up to its "..." line; ignored content after
// it is noted on the chunk so the document can warn about it.
std::vector<Chunk> SourceFile::splitDocuments(std::string_view text, std::uint32_t from)
{
    std::vector<Chunk> chunks;
    Chunk current{from, from, 1};
    std::uint32_t line = 1;
    std::size_t p = from;
    bool ended = false;          // a "..." closed the current part's document
    std::size_t ignoredFrom = 0; // start of the text after it
    std::uint32_t ignoredLine = 0;
    auto flush = [&](std::uint32_t end) {
        current.end = end;
        if (firstContent(text, current.start, current.end) < current.end)
            chunks.push_back(current);
    };
    auto closeIgnored = [&](std::size_t end) {
        if (!ended)
            return;
        ended = false;
        const std::size_t c = firstContent(text, ignoredFrom, end);
        if (c >= end || chunks.empty() || chunks.back().end != ignoredFrom)
            return;
        std::uint32_t l = ignoredLine;
        for (std::size_t i = ignoredFrom; i < c; ++i)
            l += text[i] == '\n';
        chunks.back().ignoredOffset = static_cast<std::uint32_t>(c);
        chunks.back().ignoredLine = l;
    };
    while (p < text.size()) {
        std::size_t lineEnd = text.find('\n', p);
        const std::size_t next = lineEnd == std::string_view::npos ? text.size() : lineEnd + 1;
        if (isMarkerLine(text, p, '-') && (ended || p != current.start)) {
            if (ended)
                closeIgnored(p);
            else
                flush(static_cast<std::uint32_t>(p));
            current = Chunk{static_cast<std::uint32_t>(p), 0, line};
        } else if (!ended && isMarkerLine(text, p, '.')) {
            flush(static_cast<std::uint32_t>(next));
            ended = true;
            ignoredFrom = next;
            ignoredLine = line + 1;
        }
        p = next;
        ++line;
    }
    if (ended)
        closeIgnored(text.size());
    else
        flush(static_cast<std::uint32_t>(text.size()));
    return chunks;
}

void checkMappingRules(const Document &doc, NodeId mapping, const NodeId *kids, std::size_t pairs,
                       std::string_view text, const std::function<void(Diagnostic)> &report)
{
    const Node &map = doc.node(mapping);
    if (map.kind != NodeKind::Mapping || map.aliasOf != NoNode)
        return;
    std::vector<std::pair<std::string_view, const Node *>> keys;
    for (std::size_t i = 0; i < pairs; ++i) {
        const Node &key = doc.node(kids[2 * i]);
        const Node &value = doc.node(kids[2 * i + 1]);
        if (key.kind == NodeKind::Scalar &&
            !(key.value == "<<" && key.scalarStyle == ScalarStyle::Plain))
            keys.emplace_back(key.value, &key);
        if (map.collectionStyle != CollectionStyle::Block || key.kind != NodeKind::Scalar ||
            key.aliasOf != NoNode)
            continue;
        // A block-mapping key is followed by ':' (yaml-cpp accepts a lone scalar line).
        std::size_t q = key.end;
        while (q < text.size() && (text[q] == ' ' || text[q] == '\t'))
            ++q;
        if (q >= text.size() || text[q] != ':') {
            report(at(key, "YAML syntax error: could not find expected ':'"));
            continue;
        }
        // A plain value's continuation lines must be indented deeper than its key.
        if (value.kind != NodeKind::Scalar || value.scalarStyle != ScalarStyle::Plain ||
            value.aliasOf != NoNode)
            continue;
        std::uint32_t lineNo = value.line;
        for (std::uint32_t i = value.start; i < value.end && i < text.size(); ++i) {
            if (text[i] != '\n')
                continue;
            ++lineNo;
            std::uint32_t s = i + 1;
            while (s < value.end && (text[s] == ' ' || text[s] == '\t'))
                ++s;
            const std::uint32_t indent = s - (i + 1);
            if (s < value.end && text[s] != '\n' && text[s] != '\r' &&
                indent + 1 <= key.column - 1) {
                report(Diagnostic{s, lineNo, indent + 1,
                                  "YAML syntax error: could not find expected ':'"});
                break;
            }
        }
    }
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t i = 1; i < keys.size(); ++i) {
        if (keys[i].first != keys[i - 1].first)
            continue;
        const Node *a = keys[i - 1].second, *b = keys[i].second;
        if (b->start < a->start)
            std::swap(a, b);
        report(at(*b, "duplicate key \"" + std::string(keys[i].first) + "\": already defined at " +
                          position(*a) + " (kubectl refuses the object)"));
    }
}

std::optional<Diagnostic> checkDocumentRules(const Document &doc, std::string_view text)
{
    std::optional<Diagnostic> first;
    const auto report = [&](Diagnostic d) {
        if (!first || d.offset < first->offset)
            first = std::move(d);
    };
    for (std::size_t m = 0; m < doc.nodeCount(); ++m) {
        const Node &map = doc.node(static_cast<NodeId>(m));
        if (map.kind != NodeKind::Mapping || map.aliasOf != NoNode)
            continue;
        checkMappingRules(doc, static_cast<NodeId>(m), doc.childIds().data() + map.firstChild,
                          map.childCount, text, report);
    }
    return first;
}

} // namespace PodSec::Yaml
