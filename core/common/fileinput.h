// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace PodSec {

/// The largest input read unless the user says otherwise (`--max-file-size`): 1 GiB.
inline constexpr std::uint64_t DefaultMaxFileSize = std::uint64_t(1) << 30;

/// Reads the file at path whole, at most maxSize bytes. The size is checked before reading
/// (regular files) and while reading (devices, files that grow), so /dev/zero or a huge
/// file end with a message instead of exhausting memory. A FIFO (named pipe) is refused
/// without blocking, and so are folders and sockets. "-" is not special here.
/// Returns false with a message ("file is 5 GiB, over the limit of 1 GiB") in error.
bool readBoundedFile(const std::string &path, std::uint64_t maxSize, std::string &text,
                     std::string &error);

/// Reads standard input whole, at most maxSize bytes.
bool readBoundedStdin(std::uint64_t maxSize, std::string &text, std::string &error);

/// Reads one manifest input as `podsec check` and the window do: "-" is standard input,
/// anything else a file (readBoundedFile). A file over the limit says how to raise it
/// (both programs take --max-file-size). The message is what both report for the file.
bool readManifestInput(const std::string &path, std::uint64_t maxSize, std::string &text,
                       std::string &error);

/// "1 GiB", "512 MiB", "1000 bytes": a size for messages.
std::string sizeText(std::uint64_t bytes);

/// Parses "1073741824", "512K", "100M", "1G" (binary units; KiB/MiB/GiB and a trailing B
/// are accepted too). False for anything else or zero.
bool parseSize(const std::string &text, std::uint64_t &bytes);

/// Something a folder walk met and did not read, with the reason ("dangling symbolic
/// link", "cannot read folder: Permission denied").
struct PathProblem
{
    std::string path;
    std::string message;
};

struct WalkResult
{
    std::vector<std::string> files; ///< in the order given; each folder's files sorted
    std::vector<PathProblem> problems;
    std::vector<std::string> folders; ///< every folder searched (to watch them)
};

/// Expands paths the way `podsec check` and the window do (shared/spec/cli.md): "-" and
/// files are kept as given (a missing one is a problem); folders are searched recursively
/// for *.yaml, *.yml and *.json, skipping hidden folders. Symbolic links to folders are
/// followed unless they lead back into a folder being walked. Nothing is skipped silently:
/// unreadable folders, dangling or looping symbolic links and manifest-named entries that
/// are not regular files (FIFOs, sockets, devices) become problems.
WalkResult walkPaths(const std::vector<std::string> &paths);

} // namespace PodSec
