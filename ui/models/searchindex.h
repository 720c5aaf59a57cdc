// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Ui {

/// What the window's text filter matches in one WorkspaceSnapshot, lower-cased (ASCII):
/// - a workload: kind, name, namespace, and the reasons and details of its failing checks at
///   baseline and restricted;
/// - a checklist finding of a workload: rule ID, reason, detail and severity; and each of its
///   fields: path and value.
/// Namespace and container rows match their names, which the snapshot holds already, and
/// field rows their texts' pieces in place (fieldMatches).
///
/// Window-only data, so it lives here rather than in the snapshot. Immutable once built; the
/// Workspace builds it on its worker thread right after the snapshot, so filter keystrokes
/// only search ready text.
/// Appends the filter text of a checklist finding (rule ID, reason, detail, severity), or of
/// one of its fields (path and value), lower-cased. The index keeps them for a workload's
/// findings; the tree's rows of other objects' and namespaces' findings keep their own.
void appendFindingText(std::string &text, const Engine::Finding &finding);
void appendFindingFieldText(std::string &text, const Policy::InspectedField &field);

/// Whether text, lower-cased (ASCII), holds word (lower-case).
bool containsLowered(std::string_view text, std::string_view word);

/// A field's filter text, lower-cased (ASCII): its path and value, the IDs of the checks
/// that looked at it, and the baseline and restricted reasons of those that failed on it.
/// Not kept: 550,000 copies at 10,000 workloads were most of the index.
std::string fieldText(const WorkloadEntry &w, const FieldEntry &f);
/// Whether fieldText(w, f) holds word (lower-case, without spaces), found in the pieces it
/// is made of without making it. Without reasons, the failing checks' reasons are not
/// searched: a workload's own text holds them all.
bool fieldMatches(const WorkloadEntry &w, const FieldEntry &f, std::string_view word,
                  bool withReasons = true);
/// Whether fieldText(a, x) and fieldText(b, y) are made of the same pieces (so are equal),
/// without making them.
bool sameFieldText(const WorkloadEntry &a, const FieldEntry &x, const WorkloadEntry &b,
                   const FieldEntry &y);

class SearchIndex final
{
public:
    /// Builds the index of a snapshot. previous, when given, is an earlier snapshot (built
    /// with any options) and its index: a workload whose counterpart there (same file, same
    /// position in it) has the same kind, name, namespace, failing checks and fields shares
    /// that text instead of building it again, so a workspace growing page by page costs
    /// only its new pages. The texts are always exactly those of a fresh build.
    static std::shared_ptr<const SearchIndex> build(const WorkspaceSnapshot &snapshot,
                                                    const WorkspaceSnapshot *previous = nullptr,
                                                    const SearchIndex *previousIndex = nullptr);

    /// The text of a workload (an index into WorkspaceSnapshot::workloads).
    std::string_view workloadText(int workload) const;
    /// The text of a workload's checklist finding (an index into its checklist), or with
    /// field >= 0 of that finding's field.
    std::string_view findingText(int workload, int finding, int field = -1) const;

    std::size_t workloadCount() const { return m_entries.size(); }
    /// How many workloads took their text from the previous index.
    std::size_t reusedCount() const { return m_reused; }

private:
    /// One workload's texts in one buffer (strings of their own took twice the
    /// memory at 10,000 workloads).
    struct Entry
    {
        /// The workload's text, then each checklist finding's, followed by its fields'.
        std::string text;
        /// Where each text ends in text: the workload's first, then the others in that order.
        std::vector<std::uint32_t> ends;
        /// The position in ends of each finding's own text.
        std::vector<std::uint32_t> findingStart;
        std::string_view at(std::size_t i) const
        {
            return std::string_view(text).substr(ends[i - 1], ends[i] - ends[i - 1]);
        }
    };
    static std::shared_ptr<const Entry> makeEntry(const WorkloadEntry &w, const std::string &path);

    /// Shared with the indexes of earlier snapshots for unchanged workloads.
    std::vector<std::shared_ptr<const Entry>> m_entries;
    std::size_t m_reused = 0;
};

} // namespace PodSec::Ui
