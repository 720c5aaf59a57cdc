// SPDX-License-Identifier: Apache-2.0
#include "yaml/sourcefile.h"

#include "common/textescape.h"
#include "yaml/blockscanner.h"
#include "yaml/documentrules.h"
#include "yaml/treebuilder.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <istream>
#include <sstream>
#include <streambuf>
#include <utility>

namespace PodSec::Yaml {

using namespace Detail;

namespace {

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

/// The first character that Kubernetes' YAML reader (go-yaml v2's is_break) takes for a line
/// break and yaml-cpp 0.7 does not: a CR without an LF, NEL, LS, PS. What follows one on
/// its line would be a new line to the API server (a key behind a comment, say) and text
/// here, so such a document is refused rather than judged on what it hides.
/// In a file kubectl decodes as JSON (json), NEL, LS and PS are text inside strings, as here;
/// a lone CR is whitespace to its JSON decoder, but yaml-cpp reads it into the next key
/// ({"a": 1,\r"privileged": true} has no key "privileged" here), so it is refused there too.
std::optional<std::pair<std::size_t, const char *>> foreignLineBreak(std::string_view body,
                                                                     bool json)
{
    for (std::size_t i = 0; i < body.size(); ++i) {
        const auto c = static_cast<unsigned char>(body[i]);
        if (c == '\r' && (i + 1 >= body.size() || body[i + 1] != '\n'))
            return std::make_pair(i, "carriage return without a line feed");
        if (json || c < 0xC2 || i + 1 >= body.size())
            continue;
        const auto d = static_cast<unsigned char>(body[i + 1]);
        if (c == 0xC2 && d == 0x85)
            return std::make_pair(i, "U+0085 NEXT LINE");
        if (c == 0xE2 && d == 0x80 && i + 2 < body.size()) {
            const auto e = static_cast<unsigned char>(body[i + 2]);
            if (e == 0xA8)
                return std::make_pair(i, "U+2028 LINE SEPARATOR");
            if (e == 0xA9)
                return std::make_pair(i, "U+2029 PARAGRAPH SEPARATOR");
        }
    }
    return std::nullopt;
}

/// Whether kubectl decodes the file as JSON (apimachinery's YAMLOrJSONDecoder: a '{' after
/// leading whitespace).
bool readsAsJson(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

/// The document read by the block scanner (blockscanner.h) into doc, when it is written in
/// the form the scanner knows; otherwise doc is left as it was given and the caller asks
/// yaml-cpp. Whatever the tree builder throws on the way (nesting, limits) also hands the
/// document to yaml-cpp, which reports it with yaml-cpp's own view of the text.
bool scannedAsBlock(std::string_view text, const Chunk &chunk, std::string_view body, Document &doc,
                    const ParseLimits &limits, bool validateOnly,
                    std::optional<Diagnostic> &ruleError)
{
    if (!blockScannerEnabled())
        return false;
    Document scanned = doc; // nothing parsed yet: the chunk's index and range
    try {
        TreeBuilder builder(text, chunk, scanned, limits, validateOnly);
        if (!scanBlockDocument(body, builder))
            return false;
        ruleError = builder.ruleError();
    } catch (...) {
        return false;
    }
    doc = std::move(scanned);
    return true;
}

} // namespace

Document SourceFile::parseChunk(std::string_view text, const Chunk &chunk, int index,
                                const ParseLimits &limits)
{
    return parseOrValidate(text, chunk, index, limits, false);
}

Document SourceFile::validateChunk(std::string_view text, const Chunk &chunk, int index,
                                   const ParseLimits &limits)
{
    return parseOrValidate(text, chunk, index, limits, true);
}

Document SourceFile::parseOrValidate(std::string_view text, const Chunk &chunk, int index,
                                     const ParseLimits &limits, bool validateOnly)
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
    if (const auto lineBreak = foreignLineBreak(body, readsAsJson(text))) {
        doc.error = locateIn(text, chunk.start, chunk.firstLine,
                             chunk.start + static_cast<std::uint32_t>(lineBreak->first),
                             std::string(lineBreak->second) +
                                 ": Kubernetes reads it as a line break, this reader would not; "
                                 "document skipped");
        return doc;
    }
    std::optional<Diagnostic> ruleError;
    if (!scannedAsBlock(text, chunk, body, doc, limits, validateOnly, ruleError)) {
        try {
            MemoryBuffer buffer(body.data(), body.size());
            std::istream in(&buffer);
            YAML::Parser parser(in);
            TreeBuilder builder(text, chunk, doc, limits, validateOnly);
            parser.HandleNextDocument(builder);
            ruleError = builder.ruleError();
        } catch (const YAML::Exception &e) {
            doc.error = syntaxError(text, chunk, body, e);
        } catch (const BuildError &e) {
            doc.error = locateIn(text, chunk.start, chunk.firstLine, e.offset, e.message);
        } catch (const std::exception &e) {
            doc.error = locateIn(text, chunk.start, chunk.firstLine, chunk.start,
                                 std::string("cannot parse document: ") + e.what());
        }
    }
    if (!doc.error)
        doc.error = validateOnly ? ruleError : checkDocumentRules(doc, text);
    if (chunk.ignoredLine) {
        doc.warnings.push_back(locateIn(text, chunk.start, chunk.firstLine, chunk.ignoredOffset,
                                        "content after the document end \"...\" is ignored: "
                                        "kubectl reads one document until the next \"---\""));
        doc.warnings.back().warning = true;
    }
    if (doc.error || validateOnly) {
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
