// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fix/texteditset.h"
#include "yaml/document.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace PodSec::Fix {

/// A value to write: raw YAML/JSON text (true, false, ["ALL"]) or a string, which JSON
/// documents and quoted neighbours want quoted.
struct Value
{
    std::string text;
    bool isString = false;
};

inline Value str(std::string s)
{
    return {std::move(s), true};
}
inline Value raw(std::string s)
{
    return {std::move(s), false};
}

/// The edits of one change, or nothing when the change cannot be made safely (an alias,
/// a collection where a scalar was expected, a comment in the way...).
using Edits = std::optional<TextEditSet>;

/// Text surgery on one parsed YAML document, the way a careful person edits a file.
///
/// Contract:
/// - Every edit is expressed in the coordinates of the original text (the text the
///   document was parsed from), never of an already edited one; a TextEditSet holds the
///   edits of one change and applies them together.
/// - Only bytes that must change change. Scalars are replaced in place keeping their
///   quoting. New keys go in the mapping's own style: as lines at its indentation (block,
///   with the document's indentation step), or inside the braces (flow), quoted as JSON in
///   JSON documents and one entry per line when the flow mapping already is so.
/// - Entries and items are removed line-wise; comment lines inside what is removed stay,
///   and a removed line's trailing comment stays as a comment line at its indentation.
/// - New lines use the file's line ending (CRLF when the text has any).
/// - An alias is never edited through: a change that would have to write into an alias
///   node is refused (nothing). sharedAt() tells callers which anchored nodes an edit
///   touches, so they can refuse edits that would reach other objects.
///
/// Built once per document (it indexes parents, keys, aliases and node spans); doc and
/// text must outlive it.
class YamlSurgeon
{
public:
    /// fileEol: the line ending of the file the document comes from, for a document
    /// without a line break of its own; empty: searched in text.
    YamlSurgeon(const Yaml::Document &doc, const std::string &text, std::string_view fileEol = {});

    const Yaml::Document &doc() const { return m_doc; }
    Yaml::NodeId parent(Yaml::NodeId n) const
    {
        return n == Yaml::NoNode ? Yaml::NoNode : m_parent[std::size_t(n)];
    }

    /// The value node with exactly this span (keys are never values); the first in
    /// document order when several share it (a collection and its only child).
    Yaml::NodeId nodeAt(std::uint32_t start, std::uint32_t end) const;
    /// Index of child inside its parent collection (entry index for mappings).
    std::size_t indexIn(Yaml::NodeId parentId, Yaml::NodeId child) const;
    /// Anchored nodes whose span holds offset, with every alias that refers to them.
    std::vector<std::pair<Yaml::NodeId, std::vector<Yaml::NodeId>>>
    sharedAt(std::uint32_t offset) const;

    /// v as written in this document, quoted like the scalar like when given.
    std::string format(const Value &v, Yaml::NodeId like = Yaml::NoNode) const;
    /// A key as written in this document (quoted in JSON).
    std::string key(const std::string &k) const { return m_json ? '"' + k + '"' : k; }

    /// Replaces a scalar (or written null) in place, keeping its quoting; nothing for
    /// aliases and collections.
    Edits replace(Yaml::NodeId value, const Value &v) const;
    /// Sets keys below base to value, creating the missing mappings.
    Edits set(Yaml::NodeId base, const std::vector<std::string> &keys, const Value &value) const;
    /// Appends an item to a sequence, in the sequence's own style.
    Edits append(Yaml::NodeId sequence, const Value &plain) const;
    /// Removes entry i of a mapping, with its value. Comment lines inside stay.
    Edits removeEntry(Yaml::NodeId mapping, std::size_t i) const;
    /// Removes the given items of a sequence; all of them removes the key that holds it.
    Edits removeItems(Yaml::NodeId sequence, const std::vector<std::size_t> &indexes) const;
    /// Replaces entry i of a mapping (key and value) with other text.
    Edits replaceEntry(Yaml::NodeId mapping, std::size_t i, const std::string &key,
                       const std::string &value) const;

private:
    std::uint32_t entryEnd(Yaml::NodeId mapping, std::size_t i) const;
    std::uint32_t lineStart(std::uint32_t at) const;
    /// End of the line holding from, before its line ending.
    std::uint32_t lineEnd(std::uint32_t from) const;
    /// Start of the next line (or the end of the text).
    std::uint32_t lineEndIncl(std::uint32_t from) const;
    bool onlySpaces(std::uint32_t from, std::uint32_t to) const;
    bool isCommentLine(std::uint32_t start) const;
    bool hasCommentLine(std::uint32_t from, std::uint32_t to) const;
    /// Where the trailing comment ("  # ...") of the line starting at start begins: the
    /// '#', or the line's end when it has none (quotes and multi-line scalars respected).
    std::uint32_t trailingComment(std::uint32_t start) const;
    /// Deletes whole lines [from, to) except comment lines, which stay where they are.
    bool deleteLines(TextEditSet &set, std::uint32_t from, std::uint32_t to) const;
    /// The indentation step of the document: the first nested block mapping found below
    /// mapping, else below the document root, tells it; two spaces otherwise.
    std::uint32_t indentStep(Yaml::NodeId mapping) const;
    std::uint32_t stepBelow(Yaml::NodeId mapping) const;
    std::string flowEntries(const std::vector<std::string> &keys, const Value &value) const;
    std::string blockLines(std::uint32_t indent, std::uint32_t step,
                           const std::vector<std::string> &keys, const Value &value) const;
    /// "key:" with nothing (or null) after it gets the new keys below it.
    Edits fillNull(Yaml::NodeId nullValue, Yaml::NodeId mapping, const std::string &key,
                   const std::vector<std::string> &keys, const Value &value) const;
    Edits insert(Yaml::NodeId mapping, const std::vector<std::string> &keys,
                 const Value &value) const;

    const Yaml::Document &m_doc;
    const std::string &m_text;
    std::string m_eol;
    std::vector<Yaml::NodeId> m_parent;
    std::vector<bool> m_isKey;
    std::multimap<Yaml::NodeId, Yaml::NodeId> m_aliases;          ///< anchor target -> aliases
    std::unordered_multimap<std::uint64_t, Yaml::NodeId> m_spans; ///< (start << 32 | end) -> nodes
    /// Spans of scalars written over several lines, by start.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_multiLine;
    bool m_json = false;
};

} // namespace PodSec::Fix
