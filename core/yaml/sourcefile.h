// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "yaml/document.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Yaml {

/// Limits that keep hostile input bounded.
struct ParseLimits
{
    /// Nodes that aliases may add to a walk of one document that follows every alias
    /// (billion laughs). Nodes written out in the text do not count: their number is
    /// bounded by the file size.
    std::uint64_t maxExpandedNodes = 1'000'000;
    /// Deepest nesting accepted (yaml-cpp itself stops at about 500).
    int maxDepth = 400;
};

/// Byte range of one document in a stream, found by scanning for "---" and "..." lines.
struct Chunk
{
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t firstLine = 1; ///< 1-based
    /// Content after a "..." that ends this document, before the next "---": kubectl never
    /// reads it. Its first byte and line (1-based); ignoredLine 0 when there is none.
    std::uint32_t ignoredOffset = 0;
    std::uint32_t ignoredLine = 0;
};

/// The text of one file and its documents.
class SourceFile
{
public:
    std::string path; ///< as given by the user, for messages
    std::string text; ///< the file's bytes, untouched (BOM and CRLF included)
    std::uint32_t bomLength = 0;
    std::vector<Document> documents;
    /// File-level problems (unreadable, empty) and each document's error (syntax, invalid
    /// UTF-8, alias bombs, nesting), in file order.
    std::vector<Diagnostic> errors;

    /// Reads and parses the file. Never throws; problems end up in errors.
    static std::unique_ptr<SourceFile> load(const std::string &path, const ParseLimits & = {});
    /// Parses text held in memory.
    static std::unique_ptr<SourceFile> fromText(std::string path, std::string text,
                                                const ParseLimits & = {});

    /// Takes the text, notes the BOM and splits the documents without parsing them;
    /// file-level problems (empty, too large) are added to errors.
    static std::unique_ptr<SourceFile> prepare(std::string path, std::string text,
                                               std::vector<Chunk> &chunks);

    /// The document chunks of a whole file (after its BOM); an empty or comment-only file
    /// adds an error.
    static std::vector<Chunk> chunksOf(std::string_view text, std::vector<Diagnostic> &errors);

    /// Splits the text into document chunks as kubectl does (no parsing; documentrules.cpp).
    static std::vector<Chunk> splitDocuments(std::string_view text, std::uint32_t from);
    /// Parses one chunk into a document (usable from any thread).
    static Document parseChunk(std::string_view text, const Chunk &chunk, int index,
                               const ParseLimits & = {});

    /// Checks one chunk as parseChunk does (the same error and warnings, every position
    /// exact) without keeping a node tree: root is NoNode. For documents that nothing reads.
    static Document validateChunk(std::string_view text, const Chunk &chunk, int index,
                                  const ParseLimits & = {});
    /// The top-level kind of a chunk's document, read from the start of its yaml-cpp event
    /// stream (bounded: a few thousand events, shallow nesting): the kind every object of the
    /// document has if it parses at all. nullopt when unsure: no root mapping, no scalar
    /// "kind" key before the bound, an anchor that an alias key could repeat, a syntax error
    /// before it, bytes parseChunk refuses. Never throws.
    static std::optional<std::string> probeKind(std::string_view text, const Chunk &chunk);

    /// Line/column (1-based) of a byte offset, computed by scanning the text.
    Diagnostic locate(std::uint32_t offset, std::string message) const;

private:
    static Document parseOrValidate(std::string_view text, const Chunk &chunk, int index,
                                    const ParseLimits &limits, bool validateOnly);
};

/// Checks that text is valid UTF-8; returns the offset of the first bad byte, or -1.
long long findInvalidUtf8(std::string_view text);

} // namespace PodSec::Yaml
