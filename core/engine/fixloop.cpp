// SPDX-License-Identifier: Apache-2.0
#include "engine/fixloop.h"

#include "engine/placedobject.h"
#include "policy/result.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <string_view>

namespace PodSec::Engine {

namespace {

struct Located
{
    std::string label; ///< "Kind ns/name"
    std::set<std::string> failing;
    bool selected = true;
};

using ObjectFn = std::function<void(const std::string &, const K8s::PodSpecView &,
                                    const Policy::Evaluation &, bool, const DocumentPlanner &)>;

/// fn for every pod-bearing object of doc (parsed from text) that has a pod template.
/// fileEol: the file's line ending, for a document without a line break (DocumentPlanner).
void visitDocument(const Yaml::Document &doc, const std::string &text,
                   const Policy::LevelVersion &policy, const FixOptions &options,
                   const std::string &fileEol, const ObjectFn &fn)
{
    if (doc.error)
        return;
    const DocumentPlanner planner(doc, text, fileEol);
    // Placement only names the objects here: the fix loop judges each pod at one policy.
    const Placement placement;
    forEachPlacedObject(doc, placement, [&](const PlacedObject &placed) {
        const auto &object = placed.object();
        if (!object.hasTemplate)
            return;
        const std::string label = object.kindText + ' ' +
                                  (placed.namespaceWritten() ? object.namespaceName : "") + '/' +
                                  object.name;
        fn(label, placed.pod(), placed.evaluation(policy),
           !options.object || *options.object == std::pair{doc.index, object.item}, planner);
    });
}

/// forEachObject() for the documents of a whole text that parse; the problems of those
/// that do not (and file-level ones: empty, too large) are returned, with their positions.
std::vector<Diagnostic> visitObjects(const std::string &text, const Policy::LevelVersion &policy,
                                     const FixOptions &options, const ObjectFn &fn)
{
    const auto file = Yaml::SourceFile::fromText("", text);
    for (const auto &doc : file->documents)
        visitDocument(doc, text, policy, options, {}, fn);
    return file->errors;
}

/// One document's text parsed on its own: offsets count from its first byte, lines and
/// columns are those of the file when firstLine is the file line it starts on (a
/// document starts at a line start).
Yaml::Document parseOwn(const std::string &text, int index, std::uint32_t firstLine)
{
    Yaml::Chunk chunk;
    chunk.end = static_cast<std::uint32_t>(text.size());
    chunk.firstLine = firstLine;
    return Yaml::SourceFile::parseChunk(text, chunk, index);
}

/// Every pod-bearing object of a parsed document, with the checks it fails.
std::vector<Located> survey(const Yaml::Document &doc, const std::string &text,
                            const Policy::LevelVersion &policy, const FixOptions &options)
{
    std::vector<Located> out;
    visitDocument(doc, text, policy, options, {}, // nothing is planned here
                  [&](const std::string &label, const K8s::PodSpecView &,
                      const Policy::Evaluation &e, bool selected, const DocumentPlanner &) {
                      Located l{label, {}, selected};
                      for (const auto &r : e.results) {
                          if (!r.allowed)
                              l.failing.insert(std::string(r.id));
                      }
                      out.push_back(std::move(l));
                  });
    return out;
}

/// No object fails a check it passed before.
bool noHarm(const std::vector<Located> &before, const std::vector<Located> &after)
{
    if (before.size() != after.size())
        return false;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (!std::includes(before[i].failing.begin(), before[i].failing.end(),
                           after[i].failing.begin(), after[i].failing.end()))
            return false;
    }
    return true;
}

/// The edits of set moved by delta bytes.
Fix::TextEditSet shifted(const Fix::TextEditSet &set, std::uint32_t delta)
{
    Fix::TextEditSet out;
    for (auto e : set.edits()) {
        e.offset += delta;
        out.add(std::move(e));
    }
    return out;
}

/// The fix loop of fixText() on one document that parses: text is its own text and doc
/// was parsed from it (parseOwn); both end fixed. Applied fixes, counts, what remains and
/// the decisions go into result; the decisions' choices are moved to start at outOffset,
/// where the document lands in the fixed file, on file line outLine.
void fixDocument(std::string &text, Yaml::Document &doc, const Policy::LevelVersion &policy,
                 const FixOptions &options, const std::string &fileEol, std::uint32_t outOffset,
                 std::uint32_t outLine, FixResult &result)
{
    std::set<std::string> rejected = options.excluded;
    auto before = survey(doc, text, policy, options);
    for (const auto &l : before) {
        if (l.selected) {
            ++result.objects;
            result.passingBefore += l.failing.empty();
        }
    }
    for (int round = 0; round < MaxFixRounds; ++round) {
        // One fix per object per round, planned against the text as it is now.
        std::vector<FixIt> chosen;
        std::vector<std::size_t> objectOf; // chosen[i] fixes the objectOf[i]-th object
        std::vector<std::string> labelOf;  // and that object's "Kind ns/name"
        std::size_t objectIndex = 0;
        visitDocument(doc, text, policy, options, fileEol,
                      [&](const std::string &label, const K8s::PodSpecView &view,
                          const Policy::Evaluation &evaluation, bool selected,
                          const DocumentPlanner &planner) {
                          const std::size_t index = objectIndex++;
                          if (!selected)
                              return;
                          for (auto &fix : planner.plan(view, evaluation, options.only).fixes) {
                              if (!rejected.count(fix.key)) {
                                  chosen.push_back(std::move(fix));
                                  objectOf.push_back(index);
                                  labelOf.push_back(label);
                                  break;
                              }
                          }
                      });
        if (chosen.empty())
            break;
        // harmed (when given): the objects that got worse, if that is all that went wrong.
        auto attempt = [&](const std::vector<const FixIt *> &fixes,
                           std::set<std::size_t> *harmed = nullptr) -> bool {
            Fix::TextEditSet all;
            for (const FixIt *f : fixes) {
                for (const auto &e : f->edits.edits()) {
                    if (!all.add(e))
                        return false;
                }
            }
            std::string candidate = text;
            if (!all.apply(candidate))
                return false;
            auto parsed = parseOwn(candidate, doc.index, doc.firstLine);
            auto after = survey(parsed, candidate, policy, options);
            // A fix never makes the document unreadable, nor any object fail a new check.
            if (parsed.error || !noHarm(before, after)) {
                if (harmed && !parsed.error && after.size() == before.size()) {
                    for (std::size_t i = 0; i < after.size(); ++i) {
                        if (!noHarm({before[i]}, {after[i]}))
                            harmed->insert(i);
                    }
                }
                return false;
            }
            text = std::move(candidate);
            doc = std::move(parsed);
            before = std::move(after);
            for (const FixIt *f : fixes) {
                result.applied.push_back(f->title);
                result.appliedKeys.push_back(f->key);
                result.appliedObjects.push_back(labelOf[std::size_t(f - chosen.data())]);
                result.appliedConsequences.push_back(f->consequence);
            }
            return true;
        };
        std::vector<const FixIt *> all;
        for (const auto &f : chosen)
            all.push_back(&f);
        std::set<std::size_t> harmed;
        if (attempt(all, &harmed))
            continue;
        if (!harmed.empty()) {
            // Each fix edits its own object, so a fix that made its object worse does so on
            // its own: it is left to a person and the others go in together.
            std::vector<const FixIt *> rest;
            for (std::size_t i = 0; i < chosen.size(); ++i) {
                if (harmed.count(objectOf[i]))
                    rejected.insert(chosen[i].key);
                else
                    rest.push_back(&chosen[i]);
            }
            if (rest.empty() || attempt(rest))
                continue;
        }
        bool progressed = false;
        for (const auto &f : chosen) {
            if (attempt({&f})) {
                progressed = true;
                break;
            }
            rejected.insert(f.key); // it does harm on its own: leave it to a person
        }
        if (!progressed && chosen.size() == 1)
            continue; // the rejected fix is skipped in the next round
    }

    // What is left, with the positions of the fixed file.
    if (doc.firstLine != outLine)
        doc = parseOwn(text, doc.index, outLine);
    visitDocument(doc, text, policy, options, fileEol,
                  [&](const std::string &label, const K8s::PodSpecView &view,
                      const Policy::Evaluation &evaluation, bool selected,
                      const DocumentPlanner &planner) {
                      if (!selected)
                          return;
                      result.passingAfter += evaluation.allowed();
                      for (const auto &r : evaluation.results) {
                          if (!r.allowed)
                              result.remaining.push_back(label + ": " + std::string(r.id));
                      }
                      for (auto &d : planner.plan(view, evaluation, options.only).decisions) {
                          for (auto &c : d.choices)
                              c.edits = shifted(c.edits, outOffset);
                          result.decisions.push_back({label, std::move(d)});
                      }
                  });
}

std::uint32_t newlines(std::string_view text)
{
    return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

bool forEachObject(const std::string &text, const Policy::LevelVersion &policy,
                   const FixOptions &options, const ObjectFn &fn)
{
    return visitObjects(text, policy, options, fn).empty();
}

std::string ObjectDecision::line() const
{
    std::string line = object + ": " + decision.checkId + ": " + decision.question;
    for (std::size_t i = 0; i < decision.choices.size(); ++i)
        line += (i ? " | " : " [choice: ") + decision.choices[i].title;
    if (!decision.choices.empty())
        line += ']';
    return line;
}

FixResult fixText(std::string text, const Policy::LevelVersion &policy, const FixOptions &options)
{
    FixResult result;
    // The file is split once; each document is parsed, fixed and re-parsed on its own text
    // (a fix never reaches beyond its document), and the results are joined in one pass
    // with the bytes between documents (BOM, comment-only parts, text after "...").
    const auto chunks = Yaml::SourceFile::chunksOf(text, result.errors);
    if (chunks.empty()) {
        result.text = std::move(text);
        return result;
    }
    const std::string fileEol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    std::uint32_t outLine = 1; // the line out's end is on
    std::size_t copied = 0;    // input bytes already in out
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        const auto &chunk = chunks[i];
        const std::string_view between(text.data() + copied, chunk.start - copied);
        out += between;
        outLine += newlines(between);
        copied = chunk.end;
        std::string own = text.substr(chunk.start, chunk.end - chunk.start);
        const int index = static_cast<int>(i);
        auto doc = parseOwn(own, index, chunk.firstLine);
        if (doc.error) {
            // Left as it is; its error with its place in the input.
            Diagnostic d = *doc.error;
            d.offset += chunk.start;
            result.errors.push_back(std::move(d));
        } else if (!options.object || options.object->first == index) {
            fixDocument(own, doc, policy, options, fileEol, static_cast<std::uint32_t>(out.size()),
                        outLine, result);
        }
        out += own;
        outLine += newlines(own);
    }
    out.append(text, copied, std::string::npos);
    result.text = std::move(out);
    return result;
}

} // namespace PodSec::Engine
