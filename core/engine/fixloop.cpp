// SPDX-License-Identifier: Apache-2.0
#include "engine/fixloop.h"

#include "engine/placedobject.h"
#include "policy/result.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <map>

namespace PodSec::Engine {

namespace {

struct Located
{
    std::string label; ///< "Kind ns/name"
    std::set<std::string> failing;
    bool selected = true;
};

/// Evaluates every pod-bearing object of text; nullopt when it does not parse.
std::optional<std::vector<Located>>
survey(const std::string &text, const Policy::LevelVersion &policy, const FixOptions &options)
{
    std::vector<Located> out;
    const bool parsed =
        forEachObject(text, policy, options,
                      [&](const std::string &label, const K8s::PodSpecView &,
                          const Policy::Evaluation &e, bool selected, const DocumentPlanner &) {
                          Located l{label, {}, selected};
                          for (const auto &r : e.results) {
                              if (!r.allowed)
                                  l.failing.insert(std::string(r.id));
                          }
                          out.push_back(std::move(l));
                      });
    if (!parsed)
        return std::nullopt;
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

bool forEachObject(
    const std::string &text, const Policy::LevelVersion &policy, const FixOptions &options,
    const std::function<void(const std::string &, const K8s::PodSpecView &,
                             const Policy::Evaluation &, bool, const DocumentPlanner &)> &fn)
{
    const auto file = Yaml::SourceFile::fromText("", text);
    if (!file->errors.empty())
        return false;
    // Placement only names the objects here: the fix loop judges each pod at one policy.
    const Placement placement;
    for (const auto &doc : file->documents) {
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
    return true;
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
    if (!before) {
        result.text = std::move(text);
        return result;
    }
    for (const auto &l : *before) {
        if (l.selected) {
            ++result.objects;
            result.passingBefore += l.failing.empty();
        }
    }
    for (int round = 0; round < MaxFixRounds; ++round) {
        // One fix per object per round, planned against the text as it is now.
        std::vector<FixIt> chosen;
        std::map<const FixIt *, std::string> objectOf; // filled once chosen stops growing
        std::vector<std::string> chosenObjects;
        forEachObject(text, policy, options,
                      [&](const std::string &label, const K8s::PodSpecView &view,
                          const Policy::Evaluation &evaluation, bool selected,
                          const DocumentPlanner &planner) {
                          if (!selected)
                              return;
                          for (auto &fix : planner.plan(view, evaluation, options.only).fixes) {
                              if (!rejected.count(fix.key)) {
                                  chosen.push_back(std::move(fix));
                                  chosenObjects.push_back(label);
                                  break;
                              }
                          }
                      });
        for (std::size_t i = 0; i < chosen.size(); ++i)
            objectOf[&chosen[i]] = chosenObjects[i];
        if (chosen.empty())
            break;
        auto attempt = [&](const std::vector<const FixIt *> &fixes) -> bool {
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
            if (!after || !noHarm(*before, *after))
                return false;
            text = std::move(candidate);
            before = std::move(after);
            for (const FixIt *f : fixes) {
                result.applied.push_back(f->title);
                result.appliedKeys.push_back(f->key);
                result.appliedObjects.push_back(objectOf[f]);
                result.appliedConsequences.push_back(f->consequence);
            }
            return true;
        };
        std::vector<const FixIt *> all;
        for (const auto &f : chosen)
            all.push_back(&f);
        if (attempt(all))
            continue;
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

    forEachObject(text, policy, options,
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
