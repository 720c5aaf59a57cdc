// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace PodSec {

/// Writes a file the way a careful tool must: a regular file is replaced atomically (a
/// temporary file in the same folder, renamed over it) and keeps its owner, group and
/// mode (setuid/setgid/sticky included), or is not written at all when they cannot be
/// kept; a regular file with more than one hard link is written in place so the links stay
/// one file; a symbolic link is followed and its target treated so; anything else (a
/// device such as /dev/null, a FIFO, a terminal) is written through, never replaced.
/// A new file is created atomically with the usual mode (0666 less the umask).
class SafeWriter
{
public:
    SafeWriter() = default;
    SafeWriter(const SafeWriter &) = delete;
    SafeWriter &operator=(const SafeWriter &) = delete;
    ~SafeWriter(); ///< without commit(): the temporary file is removed, the target untouched

    /// Opens path for writing (a FIFO waits for its reader). false with a message.
    bool open(const std::string &path, std::string &error);
    bool write(std::string_view data);
    /// Finishes: fsync and rename (atomic mode) or close. false with a message.
    bool commit(std::string &error);

private:
    friend bool replaceFileContent(const std::string &, std::string_view, std::string_view,
                                   const std::string &, std::uint64_t, std::string &);
    bool openAtomic(const std::string &target, bool exists, std::string &error);
    bool keepOwnerAndMode(std::string &error);

    std::string m_target;    ///< the file finally written (symbolic links resolved)
    std::string m_temporary; ///< atomic mode: the temporary file renamed over m_target
    int m_fd = -1;
    bool m_ok = true;
    int m_writeError = 0;
    bool m_keep = false; ///< atomic mode over an existing file: its owner, group, mode
    std::uint32_t m_uid = 0;
    std::uint32_t m_gid = 0;
    std::uint32_t m_mode = 0;
};

/// A whole file written through SafeWriter: open, write, commit. false with the message of
/// the step that failed (a failed write is reported by the commit).
bool writeFileSafely(const std::string &path, std::string_view data, std::string &error);

/// `fix --in-place`: replaces the content of path, which was original when it was read,
/// with text, as SafeWriter does for a regular file (owner, group, mode and hard links
/// kept, or a clear refusal). Just before the replacement the file is read again; when it
/// is no longer original (edited meanwhile) nothing is written. With a backupPath, the
/// original goes there first, with the file's mode, and an existing backup is never
/// overwritten. false with a message ("changed since it was read; not written").
bool replaceFileContent(const std::string &path, std::string_view original, std::string_view text,
                        const std::string &backupPath, std::uint64_t maxSize, std::string &error);

} // namespace PodSec
