// SPDX-License-Identifier: Apache-2.0
#include "fix/texteditset.h"

#include <algorithm>

namespace PodSec::Fix {

namespace {

bool overlaps(const TextEdit &a, const TextEdit &b)
{
    if (a.offset == b.offset)
        return true;
    const TextEdit &first = a.offset < b.offset ? a : b;
    const TextEdit &second = a.offset < b.offset ? b : a;
    return first.offset + first.length > second.offset;
}

} // namespace

bool TextEditSet::add(TextEdit edit)
{
    // The set is sorted and free of overlaps, so only the neighbours where edit would go
    // can overlap it. Edits usually arrive in text order: appending is then O(1).
    const auto at =
        m_edits.empty() || m_edits.back().offset < edit.offset
            ? m_edits.end()
            : std::upper_bound(m_edits.begin(), m_edits.end(), edit.offset,
                               [](std::uint32_t o, const TextEdit &e) { return o < e.offset; });
    if ((at != m_edits.begin() && overlaps(*(at - 1), edit)) ||
        (at != m_edits.end() && overlaps(*at, edit))) {
        m_errors = true;
        return false;
    }
    m_edits.insert(at, std::move(edit));
    return true;
}

bool TextEditSet::apply(std::string &text) const
{
    if (m_errors)
        return false;
    std::size_t size = text.size();
    for (const auto &e : m_edits) {
        if (std::uint64_t(e.offset) + e.length > text.size())
            return false;
        size = size - e.length + e.text.size();
    }
    if (m_edits.empty())
        return true;
    // One pass: the untouched runs and the replacements, in order.
    std::string out;
    out.reserve(size);
    std::size_t from = 0;
    for (const auto &e : m_edits) {
        out.append(text, from, e.offset - from);
        out += e.text;
        from = std::size_t(e.offset) + e.length;
    }
    out.append(text, from, std::string::npos);
    text = std::move(out);
    return true;
}

} // namespace PodSec::Fix
