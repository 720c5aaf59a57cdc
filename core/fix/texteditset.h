// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace PodSec::Fix {

/// Replace length bytes at offset (in the original text) with text. length 0 inserts.
struct TextEdit
{
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    std::string text;
};

/// A set of edits in original coordinates. Overlapping edits are refused (two insertions
/// at the same offset overlap too: their order would be ambiguous). Applied back to front,
/// so every edit keeps the coordinates it was planned with.
class TextEditSet
{
public:
    /// false (and the set is marked as having errors) when edit overlaps an existing one.
    bool add(TextEdit edit);
    bool hasErrors() const { return m_errors; }
    bool isEmpty() const { return m_edits.empty(); }
    const std::vector<TextEdit> &edits() const { return m_edits; } ///< sorted by offset

    /// Applies all edits; false (text untouched) if the set has errors or an edit lies
    /// outside the text.
    bool apply(std::string &text) const;

private:
    std::vector<TextEdit> m_edits;
    bool m_errors = false;
};

} // namespace PodSec::Fix
