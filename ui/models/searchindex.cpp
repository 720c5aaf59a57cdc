// SPDX-License-Identifier: Apache-2.0
#include "searchindex.h"

#include "engine/pipeline.h"

#include <algorithm>
#include <atomic>
#include <utility>

namespace PodSec::Ui {

namespace {

char lowered(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
}

/// Lower-cases text from position from on (ASCII).
void lowerInPlace(std::string &text, std::size_t from = 0)
{
    for (std::size_t i = from; i < text.size(); ++i)
        text[i] = lowered(text[i]);
}

/// The workload's kind, name and namespace, the path of its file (so a file name finds what
/// it holds) and its failing reasons, lower-cased.
std::string buildWorkloadText(const WorkloadEntry &w, const std::string &path)
{
    std::string text = w.id().kind + ' ' + w.id().name + ' ' + w.id().namespaceName + ' ' + path;
    for (const auto *e : {&w.baseline, &w.restricted}) {
        for (const auto &r : e->results) {
            if (r.allowed)
                continue;
            text += ' ';
            text += r.reason;
            text += ' ';
            text += r.detail;
        }
    }
    lowerInPlace(text);
    return text;
}

/// The reason of e's failing result for check id (an evaluation has one result per check),
/// or nullptr.
const std::string *failingReason(const Policy::Evaluation &e, std::string_view id)
{
    for (const auto &r : e.results) {
        if (r.id == id && !r.allowed)
            return &r.reason;
    }
    return nullptr;
}

/// Visits the pieces of a field's filter text as they are (not lower-cased), in the text's
/// order: path, value, then each check's ID followed, when it fails, by its baseline and
/// restricted reasons. Stops, and returns true, when visit does.
template <typename Visit>
bool anyPiece(const WorkloadEntry &w, const FieldEntry &f, bool withReasons, Visit &&visit)
{
    const auto texts = f.view();
    if (visit(texts.path) || visit(texts.value))
        return true;
    for (const auto &c : f.checks()) {
        if (visit(c.checkId))
            return true;
        if (c.allowed || !withReasons)
            continue;
        for (const auto *e : {&w.baseline, &w.restricted}) {
            const std::string *reason = failingReason(*e, c.checkId);
            if (reason && visit(*reason))
                return true;
        }
    }
    return false;
}

} // namespace

bool containsLowered(std::string_view text, std::string_view word)
{
    if (word.empty())
        return true;
    if (text.size() < word.size())
        return false;
    const char first = word.front();
    const char upper = first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
    for (std::size_t i = 0, last = text.size() - word.size(); i <= last; ++i) {
        if (text[i] != first && text[i] != upper)
            continue;
        std::size_t k = 1;
        while (k < word.size() && lowered(text[i + k]) == word[k])
            ++k;
        if (k == word.size())
            return true;
    }
    return false;
}

namespace {

/// Appends a checklist finding's text, then its fields'; ends gets where each ends.
void appendFindingTexts(std::string &text, std::vector<std::uint32_t> &ends,
                        const Engine::Finding &f)
{
    appendFindingText(text, f);
    ends.push_back(static_cast<std::uint32_t>(text.size()));
    for (const auto &field : f.fields) {
        appendFindingFieldText(text, field);
        ends.push_back(static_cast<std::uint32_t>(text.size()));
    }
}

// The texts are made of exactly what these compare: when they hold, the texts are equal.

bool sameFindings(const std::vector<Engine::Finding> &a, const std::vector<Engine::Finding> &b)
{
    return std::equal(
        a.begin(), a.end(), b.begin(), b.end(),
        [](const Engine::Finding &x, const Engine::Finding &y) {
            const auto id = [](const Engine::Finding &f) {
                return f.rule ? f.rule->id : std::string_view();
            };
            return id(x) == id(y) && x.reason == y.reason && x.detail == y.detail &&
                   x.severity() == y.severity() &&
                   std::equal(x.fields.begin(), x.fields.end(), y.fields.begin(), y.fields.end(),
                              [](const Policy::InspectedField &c, const Policy::InspectedField &d) {
                                  return c.path == d.path && c.value == d.value;
                              });
        });
}

bool sameFailures(const Policy::Evaluation &a, const Policy::Evaluation &b)
{
    return std::equal(a.results.begin(), a.results.end(), b.results.begin(), b.results.end(),
                      [](const Policy::CheckResult &x, const Policy::CheckResult &y) {
                          return x.id == y.id && x.allowed == y.allowed &&
                                 (x.allowed || (x.reason == y.reason && x.detail == y.detail));
                      });
}

bool sameText(const WorkloadEntry &a, const WorkloadEntry &b)
{
    return a.id().kind == b.id().kind && a.id().name == b.id().name &&
           a.id().namespaceName == b.id().namespaceName && sameFailures(a.baseline, b.baseline) &&
           sameFailures(a.restricted, b.restricted) &&
           sameFindings(a.id().checklist, b.id().checklist);
}

/// The workloads of each file: [first, second) in a snapshot's file-ordered workload list.
std::vector<std::pair<std::size_t, std::size_t>> workloadsByFile(const WorkspaceSnapshot &s)
{
    std::vector<std::pair<std::size_t, std::size_t>> ranges(s.files.size(), {0, 0});
    for (std::size_t i = 0; i < s.workloads.size();) {
        const int file = s.workloads[i].file;
        std::size_t end = i;
        while (end < s.workloads.size() && s.workloads[end].file == file)
            ++end;
        if (file >= 0 && static_cast<std::size_t>(file) < ranges.size())
            ranges[static_cast<std::size_t>(file)] = {i, end};
        i = end;
    }
    return ranges;
}

} // namespace

std::string fieldText(const WorkloadEntry &w, const FieldEntry &f)
{
    std::string text;
    anyPiece(w, f, true, [&](std::string_view piece) {
        if (!text.empty())
            text += ' ';
        text += piece;
        return false;
    });
    lowerInPlace(text);
    return text;
}

bool fieldMatches(const WorkloadEntry &w, const FieldEntry &f, std::string_view word,
                  bool withReasons)
{
    return anyPiece(w, f, withReasons,
                    [&](std::string_view piece) { return containsLowered(piece, word); });
}

bool sameFieldText(const WorkloadEntry &a, const FieldEntry &x, const WorkloadEntry &b,
                   const FieldEntry &y)
{
    // Piece by piece, as anyPiece gives them, without collecting them: the tree's update asks
    // this of every field row, twice.
    const auto reason = [](const Policy::Evaluation &e, const FieldCheck &c) {
        return c.allowed ? nullptr : failingReason(e, c.checkId);
    };
    const auto same = [](const std::string *r, const std::string *s) {
        return r == s || (r && s && *r == *s);
    };
    const auto xt = x.view(), yt = y.view();
    const auto xc = x.checks(), yc = y.checks();
    return xt.path == yt.path && xt.value == yt.value &&
           std::equal(xc.begin(), xc.end(), yc.begin(), yc.end(),
                      [&](const FieldCheck &c, const FieldCheck &d) {
                          return c.checkId == d.checkId &&
                                 same(reason(a.baseline, c), reason(b.baseline, d)) &&
                                 same(reason(a.restricted, c), reason(b.restricted, d));
                      });
}

void appendFindingText(std::string &text, const Engine::Finding &finding)
{
    const std::size_t from = text.size();
    text += finding.rule ? finding.rule->id : std::string_view();
    text += ' ';
    text += finding.reason;
    text += ' ';
    text += finding.detail;
    text += ' ';
    text += Engine::severityName(finding.severity());
    lowerInPlace(text, from);
}

void appendFindingFieldText(std::string &text, const Policy::InspectedField &field)
{
    const std::size_t from = text.size();
    text += field.path;
    text += ' ';
    text += field.value;
    lowerInPlace(text, from);
}

std::shared_ptr<const SearchIndex::Entry> SearchIndex::makeEntry(const WorkloadEntry &w,
                                                                 const std::string &path)
{
    auto entry = std::make_shared<Entry>();
    std::string &text = entry->text;
    text = buildWorkloadText(w, path);
    std::size_t count = 0;
    for (const auto &f : w.id().checklist)
        count += 1 + f.fields.size();
    entry->ends.reserve(1 + count);
    entry->ends.push_back(static_cast<std::uint32_t>(text.size()));
    entry->findingStart.reserve(w.id().checklist.size());
    for (const auto &f : w.id().checklist) {
        entry->findingStart.push_back(static_cast<std::uint32_t>(entry->ends.size()));
        appendFindingTexts(text, entry->ends, f);
    }
    text.shrink_to_fit();
    return entry;
}

std::shared_ptr<const SearchIndex> SearchIndex::build(const WorkspaceSnapshot &snapshot,
                                                      const WorkspaceSnapshot *previous,
                                                      const SearchIndex *previousIndex)
{
    auto index = std::make_shared<SearchIndex>();
    const auto &workloads = snapshot.workloads;
    index->m_entries.resize(workloads.size());
    if (previous && previousIndex &&
        previousIndex->m_entries.size() == previous->workloads.size()) {
        // Pair each file's workloads with those of the same file before, position by
        // position, when the file has as many as before; share the text of the pairs whose
        // inputs are equal.
        const auto now = workloadsByFile(snapshot);
        const auto before = workloadsByFile(*previous);
        std::vector<std::pair<std::size_t, std::size_t>> pairs; // (now, before)
        for (std::size_t file = 0; file < now.size() && file < before.size(); ++file) {
            const auto [first, end] = now[file];
            const auto [oldFirst, oldEnd] = before[file];
            if (end - first != oldEnd - oldFirst ||
                snapshot.files[file].path != previous->files[file].path)
                continue;
            for (std::size_t i = 0; i < end - first; ++i)
                pairs.emplace_back(first + i, oldFirst + i);
        }
        std::atomic<std::size_t> reused{0};
        Engine::parallelFor(pairs.size(), [&](std::size_t k) {
            const auto [i, old] = pairs[k];
            if (sameText(workloads[i], previous->workloads[old])) {
                index->m_entries[i] = previousIndex->m_entries[old];
                ++reused;
            }
        });
        index->m_reused = reused;
    }
    // Each workload's texts on its own, in parallel.
    Engine::parallelFor(workloads.size(), [&](std::size_t i) {
        if (!index->m_entries[i])
            index->m_entries[i] =
                makeEntry(workloads[i], snapshot.files.at(std::size_t(workloads[i].file)).path);
    });
    return index;
}

std::string_view SearchIndex::workloadText(int workload) const
{
    if (workload < 0 || static_cast<std::size_t>(workload) >= m_entries.size())
        return {};
    const Entry &entry = *m_entries[static_cast<std::size_t>(workload)];
    return std::string_view(entry.text).substr(0, entry.ends.front());
}

std::string_view SearchIndex::findingText(int workload, int finding, int field) const
{
    if (workload < 0 || static_cast<std::size_t>(workload) >= m_entries.size() || finding < 0)
        return {};
    const Entry &entry = *m_entries[static_cast<std::size_t>(workload)];
    const auto f = static_cast<std::size_t>(finding);
    if (f >= entry.findingStart.size())
        return {};
    const std::size_t last =
        f + 1 < entry.findingStart.size() ? entry.findingStart[f + 1] : entry.ends.size();
    const std::size_t i = entry.findingStart[f] + static_cast<std::size_t>(field + 1);
    return field >= -1 && i < last ? entry.at(i) : std::string_view();
}

} // namespace PodSec::Ui
