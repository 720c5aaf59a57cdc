// SPDX-License-Identifier: Apache-2.0
#include "fix/unifieddiff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace PodSec::Fix {

namespace {

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

} // namespace

std::string unifiedDiff(const std::string &before, const std::string &after,
                        const std::string &name)
{
    const auto a = splitLines(before), b = splitLines(after);
    const std::size_t n = a.size(), m = b.size();
    // Common prefix and suffix first; the LCS table only covers the middle.
    std::size_t pre = 0;
    while (pre < n && pre < m && a[pre] == b[pre])
        ++pre;
    std::size_t suf = 0;
    while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf])
        ++suf;
    const std::size_t an = n - pre - suf, bn = m - pre - suf;
    // ops: ' ' keep, '-' remove, '+' add, over the whole files
    std::vector<std::pair<char, std::string>> ops;
    for (std::size_t i = 0; i < pre; ++i)
        ops.emplace_back(' ', a[i]);
    if (an * bn <= 20'000'000) {
        std::vector<std::uint32_t> lcs((an + 1) * (bn + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t & {
            return lcs[i * (bn + 1) + j];
        };
        for (std::size_t i = an; i-- > 0;)
            for (std::size_t j = bn; j-- > 0;)
                at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1
                                                    : std::max(at(i + 1, j), at(i, j + 1));
        std::size_t i = 0, j = 0;
        while (i < an || j < bn) {
            if (i < an && j < bn && a[pre + i] == b[pre + j]) {
                ops.emplace_back(' ', a[pre + i++]);
                ++j;
            } else if (i < an && (j == bn || at(i + 1, j) >= at(i, j + 1))) {
                ops.emplace_back('-', a[pre + i++]); // removals before additions, as diff -u
            } else {
                ops.emplace_back('+', b[pre + j++]);
            }
        }
    } else {
        for (std::size_t i = 0; i < an; ++i)
            ops.emplace_back('-', a[pre + i]);
        for (std::size_t j = 0; j < bn; ++j)
            ops.emplace_back('+', b[pre + j]);
    }
    for (std::size_t i = n - suf; i < n; ++i)
        ops.emplace_back(' ', a[i]);

    // Line numbers (1-based) of each op in the old and new text.
    std::vector<std::size_t> lineA(ops.size() + 1), lineB(ops.size() + 1);
    lineA[0] = lineB[0] = 1;
    for (std::size_t x = 0; x < ops.size(); ++x) {
        lineA[x + 1] = lineA[x] + (ops[x].first != '+');
        lineB[x + 1] = lineB[x] + (ops[x].first != '-');
    }
    const std::size_t context = 3;
    std::string out;
    std::size_t k = 0;
    while (k < ops.size()) {
        if (ops[k].first == ' ') {
            ++k;
            continue;
        }
        // Changes closer than two contexts apart share a hunk.
        std::size_t last = k;
        for (std::size_t x = k + 1; x < ops.size() && x <= last + 2 * context; ++x) {
            if (ops[x].first != ' ')
                last = x;
        }
        const std::size_t from = k >= context ? k - context : 0;
        const std::size_t to = std::min(ops.size(), last + 1 + context);
        std::string body;
        std::size_t countA = 0, countB = 0;
        for (std::size_t x = from; x < to; ++x) {
            countA += ops[x].first != '+';
            countB += ops[x].first != '-';
            body += ops[x].first + ops[x].second;
            if (ops[x].second.empty() || ops[x].second.back() != '\n')
                body += "\n\\ No newline at end of file\n";
        }
        if (out.empty())
            out += "--- a/" + name + "\n+++ b/" + name + "\n";
        out += "@@ -" + std::to_string(countA ? lineA[from] : lineA[from] - 1) + ',' +
               std::to_string(countA) + " +" +
               std::to_string(countB ? lineB[from] : lineB[from] - 1) + ',' +
               std::to_string(countB) + " @@\n" + body;
        k = to;
    }
    return out;
}

} // namespace PodSec::Fix
