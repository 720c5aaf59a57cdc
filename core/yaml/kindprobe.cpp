// SPDX-License-Identifier: Apache-2.0
// SourceFile::probeKind: the top-level kind of a document from the first events of its
// yaml-cpp parse, so that documents no rule reads (CRDs, ...) need no node tree.
#include "yaml/sourcefile.h"
#include "yaml/treebuilder.h"

#include <yaml-cpp/parser.h>

#include <istream>

namespace PodSec::Yaml {

namespace {

struct Found
{
    std::string kind;
};
struct GiveUp
{};

/// Follows the root mapping's keys until "kind" has a scalar value, then throws Found;
/// anything it is unsure of throws GiveUp.
class KindProbe : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override { throw GiveUp{}; }
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { leaf(nullptr, false); }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { leaf(nullptr, true); }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  const std::string &value) override
    {
        leaf(&value, false);
    }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        open(false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {
        open(true);
    }
    void OnMapEnd() override { close(); }

private:
    static constexpr int MaxEvents = 4096;
    static constexpr int MaxDepth = 64;

    void count()
    {
        if (++m_events > MaxEvents)
            throw GiveUp{};
    }
    /// A scalar, null or alias: at the root's level, a key or a value.
    void leaf(const std::string *value, bool alias)
    {
        count();
        if (m_depth == 0)
            throw GiveUp{}; // the document is a scalar
        if (m_depth > 1)
            return;
        if (m_rootItems++ % 2 == 0) {
            // A key. An alias key could stand for "kind": not worth following.
            if (alias)
                throw GiveUp{};
            m_kindNext = value && *value == "kind";
            return;
        }
        if (m_kindNext) {
            if (!value || value->empty())
                throw GiveUp{};
            throw Found{*value};
        }
    }
    void open(bool mapping)
    {
        count();
        if (m_depth == 0 && !mapping)
            throw GiveUp{};
        if (m_depth == 1 && m_rootItems % 2 == 1 && m_kindNext)
            throw GiveUp{}; // kind: {...} or kind: [...]
        if (++m_depth > MaxDepth)
            throw GiveUp{};
    }
    void close()
    {
        count();
        if (--m_depth <= 0)
            throw GiveUp{}; // the root mapping ended without a kind
        if (m_depth == 1)
            ++m_rootItems;
    }

    int m_events = 0;
    int m_depth = 0;
    std::size_t m_rootItems = 0;
    bool m_kindNext = false;
};

/// An anchor ("&name") may be in the text: an alias key could then repeat "kind" after the
/// one the probe finds, and the last one wins.
bool mayHoldAnchor(std::string_view body)
{
    for (std::size_t at = body.find('&'); at != std::string_view::npos;
         at = body.find('&', at + 1)) {
        if (at + 1 < body.size() && !Detail::isSpace(body[at + 1]))
            return true;
    }
    return false;
}

} // namespace

std::optional<std::string> SourceFile::probeKind(std::string_view text, const Chunk &chunk)
{
    if (chunk.start > chunk.end || chunk.end > text.size())
        return std::nullopt;
    const std::string_view body = text.substr(chunk.start, chunk.end - chunk.start);
    // What parseChunk refuses before yaml-cpp sees it, yaml-cpp does not see here either.
    if (body.find('\0') != std::string_view::npos || findInvalidUtf8(body) >= 0 ||
        mayHoldAnchor(body))
        return std::nullopt;
    Detail::MemoryBuffer buffer(body.data(), body.size());
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        KindProbe probe;
        parser.HandleNextDocument(probe);
    } catch (const Found &found) {
        return found.kind;
    } catch (...) {
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace PodSec::Yaml
