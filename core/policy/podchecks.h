// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/registry.h"
#include "policy/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec {
class ByteReader;
class ByteWriter;
} // namespace PodSec

namespace PodSec::K8s {
class PodSpecView;
}

namespace PodSec::Policy {

/// The number of variants of the registry, and one variant's place among them.
std::size_t variantCount();
std::size_t variantIndex(const SelectedCheck &selected);

/// Every behaviour of every check (each CheckVariant of the registry), run once on one
/// pod and kept compactly: the evaluation at any level and version is then put together
/// from them without the pod's node tree (issue #19: switching the version re-evaluates
/// from facts). evaluate(policy) equals Policy::evaluate(pod, policy), field for field.
class PodChecks
{
public:
    PodChecks() = default;
    /// results: one per variant, in registry order (runEveryVariant).
    explicit PodChecks(const std::vector<CheckResult> &results);

    /// Every check selected for the policy, from the kept results (without their fields
    /// unless withFields). Privileged: none.
    Evaluation evaluate(const LevelVersion &policy, bool withFields = true) const;

    /// A kept field as views into this object's text (valid while it lives).
    struct FieldView
    {
        std::string_view path, value, file;
        bool present = false;
        std::uint32_t offset = 0, endOffset = 0, line = 1, column = 1;
    };
    /// What evaluate(policy) gives, field by field, without copying: visit(checkId, field,
    /// allowed) for each field of each selected check, in the same order; field is the
    /// kept field's number (see field()).
    template <typename Visit> void forEachField(const LevelVersion &policy, Visit &&visit) const
    {
        if (m_outcomes.empty())
            return;
        for (const auto &s : checksFor(policy.level, policy.version)) {
            const Outcome &o = m_outcomes[variantIndex(s)];
            for (std::uint32_t i = o.firstRef; i < o.firstRef + o.refCount; ++i)
                visit(s.check->id, m_refs[i].field, m_refs[i].allowed);
        }
    }
    /// The kept field numbered i (i < fieldCount()).
    FieldView field(std::uint32_t i) const
    {
        const Field &f = m_fields[i];
        return FieldView{pathOf(f), view(f.value), view(f.file), f.present,
                         f.offset,  f.endOffset,   f.line,       f.column};
    }
    /// How many distinct fields are kept: no evaluation names more paths.
    std::size_t fieldCount() const { return m_fields.size(); }
    /// Heap bytes held, for the benchmarks.
    std::size_t heapBytes() const;

    /// Writes every part as it is, for the re-open cache (engine/factscache.h).
    void write(ByteWriter &out) const;
    /// Reads what write() wrote; false (and this object unchanged) when the bytes are damaged
    /// or do not fit this registry: a piece outside the text, a reference to a missing field
    /// or text, another number of variants.
    bool read(ByteReader &in);

private:
    /// A piece of m_chars.
    struct Text
    {
        std::uint32_t start = 0, size = 0;
    };
    struct Field
    {
        /// The path's text in the pool every PodChecks shares (internPath), or nullptr when
        /// it is kept in m_chars (path); path.size is its length either way.
        const char *shared = nullptr;
        Text path, value, file;
        bool present = false;
        std::uint32_t offset = 0, endOffset = 0, line = 1, column = 1;
    };
    std::string_view pathOf(const Field &f) const
    {
        return f.shared ? std::string_view(f.shared, f.path.size) : view(f.path);
    }
    Text keep(const std::string &text);
    std::string_view view(Text t) const
    {
        // Pieces are kept inside m_chars by keep(): no bounds to check.
        return std::string_view(m_chars.data() + t.start, t.size);
    }
    std::string text(Text t) const { return std::string(view(t)); }
    struct Outcome
    {
        std::uint32_t firstRef = 0, refCount = 0;
        std::int32_t text = -1; ///< index into m_texts (reason, detail) when forbidden
        bool allowed = true;
    };
    struct Ref
    {
        std::uint32_t field = 0;
        bool allowed = true;
    };
    std::vector<Field> m_fields;
    std::vector<Outcome> m_outcomes; ///< by variantIndex
    std::vector<Ref> m_refs;
    std::vector<std::pair<Text, Text>> m_texts;
    std::string m_chars; ///< every path, value, file name, reason and detail, one after another
};

/// A path's text in a pool shared by the whole process, kept once however many pods have the
/// field (10,000 workloads named the same 120 paths 150,000 times: 9.6 MB), or nullptr for an
/// empty path, a path longer than MaxSharedPathLength, or once the pool holds
/// MaxSharedPathBytes (hostile input with endless distinct paths then keeps its own).
/// Thread-safe; the text lives as long as the process.
const char *internPath(std::string_view path);
constexpr std::size_t MaxSharedPathLength = 512;
constexpr std::size_t MaxSharedPathBytes = std::size_t(8) << 20;

/// Runs every variant of every check on the pod, in registry order.
std::vector<CheckResult> runEveryVariant(const K8s::PodSpecView &pod);

} // namespace PodSec::Policy
