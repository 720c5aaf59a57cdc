// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace PodSec {

/// A problem found while reading input. Line and column are 1-based; the column counts
/// bytes from the start of the line (the UTF-8 BOM is not counted). offset is the byte
/// offset into the file.
struct Diagnostic
{
    std::uint32_t offset = 0;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    std::string message;
    /// A warning (input that Kubernetes ignores, such as a second document after "..."):
    /// reported, but the input still counts as read.
    bool warning = false;
};

/// How `podsec check` prints a problem on stderr and the window's Problems panel copies it:
/// "file:line:column: message", with "warning: " before the message of a warning.
inline std::string problemLine(const std::string &file, const Diagnostic &d)
{
    return file + ':' + std::to_string(d.line) + ':' + std::to_string(d.column) + ": " +
           (d.warning ? "warning: " : "") + d.message;
}

} // namespace PodSec
