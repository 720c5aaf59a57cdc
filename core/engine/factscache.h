// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace PodSec {
struct WorkspaceSnapshot;
struct SnapshotOptions;
} // namespace PodSec

namespace PodSec::Engine {

/// The re-open cache (issue #19 item 4): what a first build read of each file (its
/// workloads' facts, its other objects' findings, its problems), one record per file in a
/// folder, so opening the same files again judges them from those facts without parsing.
///
/// A record is found by a hash (BLAKE2b-256) of the file's path and bytes, of what the facts
/// were read with (default namespace, checklist, admission configuration) and of the engine's
/// own sources (engineFingerprint()); it is used only when what the checklist's cross-object
/// rules read of the whole workspace is the same too (WorkspaceSnapshot::factsKey). Changed
/// bytes make another hash: a record is never used for them. A record that is damaged
/// (checksum, bounds) is ignored and deleted; the folder is safe to delete at any time and
/// is kept under maxBytes (the records used longest ago go first). Thread-safe.
class FactsCache
{
public:
    static constexpr std::uint64_t DefaultMaxBytes = std::uint64_t(512) << 20;
    explicit FactsCache(std::string folder, std::uint64_t maxBytes = DefaultMaxBytes);

    const std::string &folder() const { return m_folder; }

    /// For buildSnapshot: a previous snapshot made of the records of now's files (now holds
    /// the files, factsKey and factsOptionsKey), whose options differ from every real one so
    /// that each cached file is judged again from its facts; a file without a usable record
    /// (or a rendering, or unread) gets another path there and is parsed. nullopt when no
    /// file has one.
    std::optional<WorkspaceSnapshot> previousFor(const WorkspaceSnapshot &now,
                                                 const SnapshotOptions &options) const;

    /// Writes a record for each file of the snapshot that may have one and has none yet,
    /// then deletes the oldest records beyond maxBytes. Failing to write is not an error:
    /// the next open parses.
    void store(const WorkspaceSnapshot &snapshot, const SnapshotOptions &options) const;

    /// Counts since construction, for the tests and benchmarks: records used, files looked
    /// up without a usable record, records written.
    int hits() const { return m_hits; }
    int misses() const { return m_misses; }
    int stored() const { return m_stored; }

private:
    std::string recordPath(const WorkspaceSnapshot &s, const SnapshotOptions &options,
                           std::size_t file) const;
    void trim() const;

    std::string m_folder;
    std::uint64_t m_maxBytes;
    mutable std::atomic<int> m_hits{0}, m_misses{0}, m_stored{0};
};

} // namespace PodSec::Engine
