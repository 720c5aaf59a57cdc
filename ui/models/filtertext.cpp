// SPDX-License-Identifier: Apache-2.0
#include "filtertext.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace PodSec::Ui {

namespace {

char lowered(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
}

/// A text made of pieces, lower-cased: each piece after the first follows a space.
class TextOf
{
public:
    bool operator()(std::string_view piece)
    {
        if (!m_first)
            m_text += ' ';
        m_first = false;
        for (char ch : piece)
            m_text += lowered(ch);
        return false; // every piece
    }
    std::string take() { return std::move(m_text); }

private:
    std::string m_text;
    bool m_first = true;
};

/// Visits the pieces of a workload's text as they are (not lower-cased), in the text's order.
/// Stops, and returns true, when visit does.
template <typename Visit>
bool workloadPieces(const WorkloadEntry &w, std::string_view path, Visit &&visit)
{
    const auto &id = w.id();
    if (visit(id.kind) || visit(id.name) || visit(id.namespaceName) || visit(path))
        return true;
    for (const auto *e : {&w.baseline, &w.restricted}) {
        for (const auto &r : e->results) {
            if (!r.allowed && (visit(r.reason) || visit(r.detail)))
                return true;
        }
    }
    return false;
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

/// The same for a field: path, value, then each check's ID followed, when it fails, by its
/// baseline and restricted reasons.
template <typename Visit>
bool fieldPieces(const WorkloadEntry &w, const FieldEntry &f, bool withReasons, Visit &&visit)
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

/// The same for a checklist finding (without its fields): rule ID, reason, detail, severity.
template <typename Visit> bool findingPieces(const Engine::Finding &f, Visit &&visit)
{
    return visit(f.rule ? f.rule->id : std::string_view()) || visit(f.reason) || visit(f.detail) ||
           visit(Engine::severityName(f.severity()));
}

template <typename Visit>
bool findingFieldPieces(const Policy::InspectedField &field, Visit &&visit)
{
    return visit(field.path) || visit(field.value);
}

/// A visitor of pieces that stops at the first one holding word (lower-case, no spaces).
auto holding(std::string_view word)
{
    return [word](std::string_view piece) {
        return containsLowered(piece, word);
    };
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
    // Where word could start: the next place of its first letter in either case, found with
    // memchr (the filter reads every text of every row this way).
    const char *const begin = text.data();
    const char *const last = begin + (text.size() - word.size()) + 1;
    const auto next = [last](const char *from, char ch) -> const char * {
        const void *at = from < last ? std::memchr(from, ch, std::size_t(last - from)) : nullptr;
        return at ? static_cast<const char *>(at) : last;
    };
    const char *lower = next(begin, first);
    const char *capital = upper == first ? last : next(begin, upper);
    while (lower != last || capital != last) {
        const char *at = std::min(lower, capital);
        std::size_t k = 1;
        while (k < word.size() && lowered(at[k]) == word[k])
            ++k;
        if (k == word.size())
            return true;
        if (at == lower)
            lower = next(at + 1, first);
        else
            capital = next(at + 1, upper);
    }
    return false;
}

std::string workloadText(const WorkloadEntry &w, std::string_view path)
{
    TextOf text;
    workloadPieces(w, path, text);
    return text.take();
}

bool workloadMatches(const WorkloadEntry &w, std::string_view path, std::string_view word)
{
    return workloadPieces(w, path, holding(word));
}

bool sameWorkloadText(const WorkloadEntry &a, std::string_view pathA, const WorkloadEntry &b,
                      std::string_view pathB)
{
    // The pieces in order (a dozen or so), compared without making the texts.
    std::vector<std::string_view> x, y;
    const auto into = [](std::vector<std::string_view> &pieces) {
        return [&pieces](std::string_view piece) {
            pieces.push_back(piece);
            return false;
        };
    };
    workloadPieces(a, pathA, into(x));
    workloadPieces(b, pathB, into(y));
    return x == y;
}

std::string fieldText(const WorkloadEntry &w, const FieldEntry &f)
{
    TextOf text;
    fieldPieces(w, f, true, text);
    return text.take();
}

bool fieldMatches(const WorkloadEntry &w, const FieldEntry &f, std::string_view word,
                  bool withReasons)
{
    return fieldPieces(w, f, withReasons, holding(word));
}

bool sameFieldText(const WorkloadEntry &a, const FieldEntry &x, const WorkloadEntry &b,
                   const FieldEntry &y)
{
    // Piece by piece, as fieldPieces gives them, without collecting them: the tree's update
    // asks this of every field row, twice.
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

std::string findingText(const Engine::Finding &finding)
{
    TextOf text;
    findingPieces(finding, text);
    return text.take();
}

bool findingMatches(const Engine::Finding &finding, std::string_view word)
{
    return findingPieces(finding, holding(word));
}

bool sameFindingText(const Engine::Finding &a, const Engine::Finding &b)
{
    const auto id = [](const Engine::Finding &f) {
        return f.rule ? f.rule->id : std::string_view();
    };
    return id(a) == id(b) && a.reason == b.reason && a.detail == b.detail &&
           a.severity() == b.severity();
}

std::string findingFieldText(const Policy::InspectedField &field)
{
    TextOf text;
    findingFieldPieces(field, text);
    return text.take();
}

bool findingFieldMatches(const Policy::InspectedField &field, std::string_view word)
{
    return findingFieldPieces(field, holding(word));
}

bool sameFindingFieldText(const Policy::InspectedField &a, const Policy::InspectedField &b)
{
    return a.path == b.path && a.value == b.value;
}

} // namespace PodSec::Ui
