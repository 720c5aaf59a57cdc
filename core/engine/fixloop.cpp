// SPDX-License-Identifier: Apache-2.0
#include "engine/fixloop.h"

#include "engine/placedobject.h"
#include "policy/result.h"
#include "yaml/sourcefile.h"

#include <algorithm>

namespace PodSec::Engine {

namespace {

struct Located
{
    std::string label; ///< "Kind ns/name"
    std::set<std::string> failing;
    bool selected = true;
};

struct Survey
{
    std::vector<Located> objects;
    std::vector<Diagnostic> errors; ///< documents (or the file) that do not parse
};

using ObjectFn = std::function<void(const std::string &, const K8s::PodSpecView &,
                                    const Policy::Evaluation &, bool, const DocumentPlanner &)>;

/// forEachObject() for the documents that parse; the problems of those that do not (and
/// file-level ones: empty, too large) are returned, with their positions.
std::vector<Diagnostic> visitObjects(const std::string &text, const Policy::LevelVersion &policy,
                                     const FixOptions &options, const ObjectFn &fn)
{
    const auto file = Yaml::SourceFile::fromText("", text);
    // Placement only names the objects here: the fix loop judges each pod at one policy.
    const Placement placement;
    for (const auto &doc : file->documents) {
        if (doc.error)
            continue; // its error is in file->errors; the other documents are still fixed
        const DocumentPlanner planner(doc, text);
        forEachPlacedObject(doc, placement, [&](const PlacedObject &placed) {
            const auto &object = placed.object();
            if (!object.hasTemplate)
                return;
            const std::string label = object.kindText + ' ' +
                                      (placed.namespaceWritten() ? object.namespaceName : "") +
                                      '/' + object.name;
            fn(label, placed.pod(), placed.evaluation(policy),
               !options.object || *options.object == std::pair{doc.index, object.item}, planner);
        });
    }
    return file->errors;
}

/// Evaluates every pod-bearing object of the documents of text that parse.
Survey survey(const std::string &text, const Policy::LevelVersion &policy,
              const FixOptions &options)
{
    Survey out;
    out.errors =
        visitObjects(text, policy, options,
                     [&](const std::string &label, const K8s::PodSpecView &,
                         const Policy::Evaluation &e, bool selected, const DocumentPlanner &) {
                         Located l{label, {}, selected};
                         for (const auto &r : e.results) {
                             if (!r.allowed)
                                 l.failing.insert(std::string(r.id));
                         }
                         out.objects.push_back(std::move(l));
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
    std::set<std::string> rejected = options.excluded;
    auto before = survey(text, policy, options);
    result.errors = before.errors;
    for (const auto &l : before.objects) {
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
        visitObjects(text, policy, options,
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
            auto after = survey(candidate, policy, options);
            // A fix never makes a document unreadable, nor any object fail a new check.
            if (after.errors.size() > before.errors.size() ||
                !noHarm(before.objects, after.objects)) {
                if (harmed && after.errors.size() <= before.errors.size() &&
                    after.objects.size() == before.objects.size()) {
                    for (std::size_t i = 0; i < after.objects.size(); ++i) {
                        if (!noHarm({before.objects[i]}, {after.objects[i]}))
                            harmed->insert(i);
                    }
                }
                return false;
            }
            text = std::move(candidate);
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
            // its own: it is left to a person and the others go in together. (Trying them
            // one by one, each with a re-parse of the whole text, made many documents
            // quadratic.)
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

    visitObjects(text, policy, options,
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
                     for (auto &d : planner.plan(view, evaluation, options.only).decisions)
                         result.decisions.push_back({label, std::move(d)});
                 });
    result.text = std::move(text);
    return result;
}

} // namespace PodSec::Engine
