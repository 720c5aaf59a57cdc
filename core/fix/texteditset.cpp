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
    for (const auto &e : m_edits) {
        if (overlaps(e, edit)) {
            m_errors = true;
            return false;
        }
    }
    const auto at =
        std::upper_bound(m_edits.begin(), m_edits.end(), edit.offset,
                         [](std::uint32_t o, const TextEdit &e) { return o < e.offset; });
    m_edits.insert(at, std::move(edit));
    return true;
}

bool TextEditSet::apply(std::string &text) const
{
    if (m_errors)
        return false;
    for (const auto &e : m_edits) {
        if (std::uint64_t(e.offset) + e.length > text.size())
            return false;
    }
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
        text.replace(it->offset, it->length, it->text);
    return true;
}

} // namespace PodSec::Fix
