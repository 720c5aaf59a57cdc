// SPDX-License-Identifier: Apache-2.0
#include "policy/podchecks.h"

#include "common/bytecodec.h"
#include "k8s/podspec.h"

#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace PodSec::Policy {

namespace {

/// The first flat index of each check's variants, in registry order.
const std::vector<std::size_t> &firstVariants()
{
    static const std::vector<std::size_t> first = [] {
        std::vector<std::size_t> out;
        std::size_t n = 0;
        for (const auto &c : registry()) {
            out.push_back(n);
            n += c.variants.size();
        }
        out.push_back(n);
        return out;
    }();
    return first;
}

/// The paths internPath keeps: chunks that never move, and a set of views into them.
struct PathPool
{
    static constexpr std::size_t ChunkBytes = 64 * 1024;
    std::mutex mutex;
    std::unordered_set<std::string_view> paths;
    std::vector<std::unique_ptr<char[]>> chunks;
    std::size_t used = ChunkBytes; ///< of the last chunk
    std::size_t total = 0;
};

} // namespace

const char *internPath(std::string_view path)
{
    static auto *const pool = new PathPool; // reachable until exit; never destroyed
    if (path.empty() || path.size() > MaxSharedPathLength)
        return nullptr;
    const std::lock_guard<std::mutex> lock(pool->mutex);
    if (const auto it = pool->paths.find(path); it != pool->paths.end())
        return it->data();
    if (pool->total + path.size() > MaxSharedPathBytes)
        return nullptr;
    if (pool->used + path.size() > PathPool::ChunkBytes) {
        pool->chunks.push_back(std::make_unique<char[]>(PathPool::ChunkBytes));
        pool->used = 0;
    }
    char *text = pool->chunks.back().get() + pool->used;
    std::memcpy(text, path.data(), path.size());
    pool->used += path.size();
    pool->total += path.size();
    pool->paths.insert(std::string_view(text, path.size()));
    return text;
}

std::size_t variantCount()
{
    return firstVariants().back();
}

std::size_t variantIndex(const SelectedCheck &selected)
{
    const auto check = static_cast<std::size_t>(selected.check - registry().data());
    return firstVariants()[check] +
           static_cast<std::size_t>(selected.variant - selected.check->variants.data());
}

std::vector<CheckResult> runEveryVariant(const K8s::PodSpecView &pod)
{
    std::vector<CheckResult> out;
    out.reserve(variantCount());
    for (const auto &c : registry()) {
        for (const auto &v : c.variants) {
            CheckResult r;
            r.id = c.id;
            r.level = c.level;
            v.function(pod, r);
            out.push_back(std::move(r));
        }
    }
    return out;
}

PodChecks::Text PodChecks::keep(const std::string &text)
{
    const Text t{static_cast<std::uint32_t>(m_chars.size()),
                 static_cast<std::uint32_t>(text.size())};
    m_chars += text;
    return t;
}

PodChecks::PodChecks(const std::vector<CheckResult> &results)
{
    // A path names one node, so a field seen by several variants is kept once; a field
    // that differs in anything but its verdict is kept apart.
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> byPath;
    m_outcomes.reserve(results.size());
    for (const auto &r : results) {
        Outcome o;
        o.allowed = r.allowed;
        o.firstRef = static_cast<std::uint32_t>(m_refs.size());
        o.refCount = static_cast<std::uint32_t>(r.fields.size());
        if (!r.reason.empty() || !r.detail.empty()) {
            o.text = static_cast<std::int32_t>(m_texts.size());
            m_texts.emplace_back(keep(r.reason), keep(r.detail));
        }
        for (const auto &f : r.fields) {
            auto &same = byPath[f.path];
            std::uint32_t index = static_cast<std::uint32_t>(m_fields.size());
            for (const auto i : same) {
                const Field &k = m_fields[i];
                if (k.present == f.present && k.offset == f.offset && k.endOffset == f.endOffset &&
                    k.line == f.line && k.column == f.column && view(k.value) == f.value &&
                    view(k.file) == f.file) {
                    index = i;
                    break;
                }
            }
            if (index == m_fields.size()) {
                const char *shared = internPath(f.path);
                const Text path =
                    shared ? Text{0, static_cast<std::uint32_t>(f.path.size())} : keep(f.path);
                m_fields.push_back({shared, path, keep(f.value), keep(f.file), f.present, f.offset,
                                    f.endOffset, f.line, f.column});
                same.push_back(index);
            }
            m_refs.push_back({index, f.allowed});
        }
        m_outcomes.push_back(o);
    }
    // byPath's keys view the results' strings, not m_fields: it dies here.
    m_fields.shrink_to_fit();
    m_refs.shrink_to_fit();
    m_texts.shrink_to_fit();
    m_chars.shrink_to_fit();
}

Evaluation PodChecks::evaluate(const LevelVersion &policy, bool withFields) const
{
    Evaluation e;
    e.policy = policy;
    if (m_outcomes.empty())
        return e;
    const auto selected = checksFor(policy.level, policy.version);
    e.results.reserve(selected.size());
    for (const auto &s : selected) {
        const Outcome &o = m_outcomes[variantIndex(s)];
        CheckResult r;
        r.id = s.check->id;
        r.level = s.check->level;
        r.allowed = o.allowed;
        if (o.text >= 0) {
            r.reason = text(m_texts[static_cast<std::size_t>(o.text)].first);
            r.detail = text(m_texts[static_cast<std::size_t>(o.text)].second);
        }
        if (withFields)
            r.fields.reserve(o.refCount);
        for (std::uint32_t i = o.firstRef; withFields && i < o.firstRef + o.refCount; ++i) {
            const Field &f = m_fields[m_refs[i].field];
            InspectedField out;
            out.path = std::string(pathOf(f));
            out.present = f.present;
            out.value = text(f.value);
            out.allowed = m_refs[i].allowed;
            out.offset = f.offset;
            out.endOffset = f.endOffset;
            out.line = f.line;
            out.column = f.column;
            out.file = text(f.file);
            r.fields.push_back(std::move(out));
        }
        e.results.push_back(std::move(r));
    }
    return e;
}

std::size_t PodChecks::heapBytes() const
{
    return m_fields.capacity() * sizeof(Field) + m_outcomes.capacity() * sizeof(Outcome) +
           m_refs.capacity() * sizeof(Ref) + m_texts.capacity() * sizeof(m_texts[0]) +
           m_chars.capacity();
}

void PodChecks::write(ByteWriter &out) const
{
    out.str(m_chars);
    out.u32(static_cast<std::uint32_t>(m_fields.size()));
    for (const auto &f : m_fields) {
        out.str(pathOf(f)); // interned again when read
        for (const Text t : {f.value, f.file}) {
            out.u32(t.start);
            out.u32(t.size);
        }
        out.flag(f.present);
        out.u32(f.offset);
        out.u32(f.endOffset);
        out.u32(f.line);
        out.u32(f.column);
    }
    out.u32(static_cast<std::uint32_t>(m_outcomes.size()));
    for (const auto &o : m_outcomes) {
        out.u32(o.firstRef);
        out.u32(o.refCount);
        out.i32(o.text);
        out.flag(o.allowed);
    }
    out.u32(static_cast<std::uint32_t>(m_refs.size()));
    for (const auto &r : m_refs) {
        out.u32(r.field);
        out.flag(r.allowed);
    }
    out.u32(static_cast<std::uint32_t>(m_texts.size()));
    for (const auto &[reason, detail] : m_texts) {
        for (const Text t : {reason, detail}) {
            out.u32(t.start);
            out.u32(t.size);
        }
    }
}

bool PodChecks::read(ByteReader &in)
{
    PodChecks c;
    c.m_chars = in.str();
    const auto inside = [&](Text t) {
        return std::uint64_t(t.start) + t.size <= c.m_chars.size();
    };
    const auto text = [&] {
        Text t;
        t.start = in.u32();
        t.size = in.u32();
        if (!inside(t))
            in.fail();
        return t;
    };
    c.m_fields.resize(in.count(37));
    std::vector<std::string_view> paths;
    for (auto &f : c.m_fields) {
        paths.push_back(in.view());
        f.value = text();
        f.file = text();
        f.present = in.flag();
        f.offset = in.u32();
        f.endOffset = in.u32();
        f.line = in.u32();
        f.column = in.u32();
    }
    c.m_outcomes.resize(in.count(13));
    if (!c.m_outcomes.empty() && c.m_outcomes.size() != variantCount())
        in.fail();
    for (auto &o : c.m_outcomes) {
        o.firstRef = in.u32();
        o.refCount = in.u32();
        o.text = in.i32();
        o.allowed = in.flag();
    }
    // Paths go to the shared pool, or after the other texts when it is full.
    for (std::size_t i = 0; in.ok() && i < paths.size(); ++i) {
        auto &f = c.m_fields[i];
        f.shared = internPath(paths[i]);
        f.path = f.shared ? Text{0, static_cast<std::uint32_t>(paths[i].size())}
                          : c.keep(std::string(paths[i]));
    }
    c.m_refs.resize(in.count(5));
    for (auto &r : c.m_refs) {
        r.field = in.u32();
        r.allowed = in.flag();
        if (r.field >= c.m_fields.size())
            in.fail();
    }
    c.m_texts.resize(in.count(16));
    for (auto &[reason, detail] : c.m_texts) {
        reason = text();
        detail = text();
    }
    for (const auto &o : c.m_outcomes) {
        if (std::uint64_t(o.firstRef) + o.refCount > c.m_refs.size() || o.text < -1 ||
            (o.text >= 0 && std::size_t(o.text) >= c.m_texts.size()))
            in.fail();
    }
    if (!in.ok())
        return false;
    *this = std::move(c);
    return true;
}

} // namespace PodSec::Policy
