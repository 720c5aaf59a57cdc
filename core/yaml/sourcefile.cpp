// SPDX-License-Identifier: Apache-2.0
#include "yaml/sourcefile.h"

#include "common/textescape.h"
#include "yaml/documentrules.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <istream>
#include <sstream>
#include <streambuf>

namespace PodSec::Yaml {

namespace {

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

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}
bool isSpace(char c)
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
    TreeBuilder(std::string_view text, const Chunk &chunk, Document &doc, const ParseLimits &limits)
        : m_text(text), m_chunk(chunk), m_doc(doc), m_limits(limits)
    {}

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
        children.insert(children.end(), open.kids.begin(), open.kids.end());
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
};

Diagnostic locateIn(std::string_view text, std::uint32_t from, std::uint32_t firstLine,
                    std::uint32_t offset, std::string message)
{
    Diagnostic d;
    d.offset = offset;
    d.line = firstLine;
    d.column = 1;
    for (std::uint32_t i = from; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++d.line;
            d.column = 1;
        } else {
            ++d.column;
        }
    }
    d.message = std::move(message);
    return d;
}

} // namespace

long long findInvalidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = decodeUtf8(text, i, cp);
        if (len == 0)
            return static_cast<long long>(i);
        i += len;
    }
    return -1;
}

namespace {

/// yaml-cpp's mark for a syntax error, in file coordinates. Some errors (a short hex escape
/// at the end of the text) are marked past the document's end, on a line that may not
/// exist: those are put where the document ends, as an unterminated flow collection is.
Diagnostic syntaxError(std::string_view text, const Chunk &chunk, std::string_view body,
                       const YAML::Exception &e)
{
    const std::string message = "YAML syntax error: " + e.msg;
    const auto pos = static_cast<std::size_t>(std::max(0, e.mark.pos));
    if (pos > body.size())
        return locateIn(text, chunk.start, chunk.firstLine, chunk.end, message);
    Diagnostic d;
    d.line = chunk.firstLine + static_cast<std::uint32_t>(std::max(0, e.mark.line));
    d.column = static_cast<std::uint32_t>(std::max(0, e.mark.column)) + 1;
    d.offset = chunk.start + static_cast<std::uint32_t>(pos);
    d.message = message;
    return d;
}

} // namespace

Document SourceFile::parseChunk(std::string_view text, const Chunk &chunk, int index,
                                const ParseLimits &limits)
{
    Document doc;
    doc.index = index;
    doc.chunkStart = chunk.start;
    doc.chunkEnd = chunk.end;
    doc.firstLine = chunk.firstLine;
    const std::string_view body = text.substr(chunk.start, chunk.end - chunk.start);
    const long long bad = findInvalidUtf8(body);
    if (bad >= 0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid UTF-8 (byte 0x%02x); document skipped",
                      static_cast<unsigned char>(body[static_cast<std::size_t>(bad)]));
        doc.error = locateIn(text, chunk.start, chunk.firstLine,
                             chunk.start + static_cast<std::uint32_t>(bad), buf);
        return doc;
    }
    if (body.find('\0') != std::string_view::npos) {
        const auto at = static_cast<std::uint32_t>(body.find('\0'));
        doc.error = locateIn(text, chunk.start, chunk.firstLine, chunk.start + at,
                             "NUL byte in input: not a text file; document skipped");
        return doc;
    }
    MemoryBuffer buffer(body.data(), body.size());
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(text, chunk, doc, limits);
        parser.HandleNextDocument(builder);
    } catch (const YAML::Exception &e) {
        doc.error = syntaxError(text, chunk, body, e);
    } catch (const BuildError &e) {
        doc.error = locateIn(text, chunk.start, chunk.firstLine, e.offset, e.message);
    } catch (const std::exception &e) {
        doc.error = locateIn(text, chunk.start, chunk.firstLine, chunk.start,
                             std::string("cannot parse document: ") + e.what());
    }
    if (!doc.error)
        doc.error = checkDocumentRules(doc, text);
    if (chunk.ignoredLine) {
        doc.warnings.push_back(locateIn(text, chunk.start, chunk.firstLine, chunk.ignoredOffset,
                                        "content after the document end \"...\" is ignored: "
                                        "kubectl reads one document until the next \"---\""));
        doc.warnings.back().warning = true;
    }
    if (doc.error) {
        doc.root = NoNode;
        doc.nodes().clear();
        doc.nodes().shrink_to_fit();
        doc.children().clear();
        doc.children().shrink_to_fit();
    }
    return doc;
}

std::vector<Chunk> SourceFile::chunksOf(std::string_view text, std::vector<Diagnostic> &errors)
{
    if (text.size() > 0xFFFFFFF0ULL) {
        errors.push_back(Diagnostic{0, 1, 1, "file too large (over 4 GiB)"});
        return {};
    }
    const bool bom = text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0;
    auto chunks = splitDocuments(text, bom ? 3 : 0);
    if (chunks.empty())
        errors.push_back(Diagnostic{
            0, 1, 1, text.empty() ? "empty file: no YAML documents" : "no YAML documents in file"});
    return chunks;
}

std::unique_ptr<SourceFile> SourceFile::prepare(std::string path, std::string text,
                                                std::vector<Chunk> &chunks)
{
    auto file = std::make_unique<SourceFile>();
    file->path = std::move(path);
    file->text = std::move(text);
    if (file->text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        file->bomLength = 3;
    chunks = chunksOf(file->text, file->errors);
    return file;
}

std::unique_ptr<SourceFile> SourceFile::fromText(std::string path, std::string text,
                                                 const ParseLimits &limits)
{
    std::vector<Chunk> chunks;
    auto file = prepare(std::move(path), std::move(text), chunks);
    file->documents.reserve(chunks.size());
    int index = 0;
    for (const auto &chunk : chunks) {
        file->documents.push_back(parseChunk(file->text, chunk, index++, limits));
        if (file->documents.back().error)
            file->errors.push_back(*file->documents.back().error);
    }
    return file;
}

std::unique_ptr<SourceFile> SourceFile::load(const std::string &path, const ParseLimits &limits)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        auto file = std::make_unique<SourceFile>();
        file->path = path;
        file->errors.push_back(
            Diagnostic{0, 1, 1, std::string("cannot read file: ") + std::strerror(errno)});
        return file;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return fromText(path, std::move(ss).str(), limits);
}

Diagnostic SourceFile::locate(std::uint32_t offset, std::string message) const
{
    return locateIn(text, bomLength, 1, offset, std::move(message));
}

} // namespace PodSec::Yaml
