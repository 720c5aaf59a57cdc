// SPDX-License-Identifier: Apache-2.0
#include "fixcommand.h"

#include "checkcommand.h"
#include "common/safefile.h"
#include "engine/checklistfixes.h"
#include "engine/fixloop.h"
#include "engine/originfix.h"
#include "engine/workspacesnapshot.h"
#include "fix/fixplanner.h"
#include "fix/unifieddiff.h"
#include "render/originlocator.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <cstdio>

namespace PodSec::Cli {

namespace {

/// Lists what fails in a rendered root as decisions, but for the checks in fixed ("Kind
/// ns/name: id"); true when there is any.
bool rootDecisions(const Render::Rendering &rendering, const FixRequest &request,
                   std::vector<FileError> &errors, const std::set<std::string> &fixed = {})
{
    const Render::Root &root = rendering.root;
    for (auto d : rendering.problems) {
        if (!rendering.hint.empty())
            d.message += "; to evaluate it: " + rendering.hint;
        errors.push_back({root.path, std::move(d)});
    }
    if (!rendering.rendered)
        return false;
    const Render::OriginLocator origins(rendering);
    const auto source = Yaml::SourceFile::fromText(root.path, rendering.text);
    EvaluationOptions options;
    options.policy = request.policy;
    bool any = false;
    for (const auto &doc : source->documents) {
        if (doc.error) {
            errors.push_back({root.path, *doc.error});
            continue;
        }
        for (const auto &o : evaluateDocument(doc, options)) {
            for (const auto &r : o.evaluation.results) {
                if (r.allowed || (!request.only.empty() && !request.only.count(std::string(r.id))))
                    continue;
                if (fixed.count(Engine::renderedObjectLabel(o) + ": " + std::string(r.id)))
                    continue;
                for (const auto &f : r.fields) {
                    if (f.allowed)
                        continue;
                    any = true;
                    // Where the value is written, the person decides there; elsewhere
                    // (generated, or changed on the way) the root is the place to set it.
                    const auto loc = origins.locate(doc, doc.resolve(doc.root), f.path, f.present);
                    const std::string where =
                        loc && loc->exact
                            ? "change it in " + loc->file + ':' + std::to_string(loc->line)
                            : "set it in " + origins.placeToChange();
                    std::fprintf(
                        stderr, "%s: needs a decision: %s %s: %s %s%s: %s\n", root.path.c_str(),
                        o.kind.c_str(), o.name.c_str(), std::string(r.id).c_str(), f.path.c_str(),
                        f.present ? (" = " + f.value).c_str() : " (not set)", where.c_str());
                }
            }
        }
    }
    return any;
}

/// The checklist's failing findings of a (fixed) text, each listed as a decision with the
/// choices the window offers (engine/checklistfixes.h): none of the checklist's rules is
/// fixed without a person (spec/checklist.md). Cross-object rules read the objects of the
/// same text; namespace findings follow the objects'.
bool listChecklistDecisions(const std::string &name, const std::string &text)
{
    const auto file = Yaml::SourceFile::fromText(name, text);
    EvaluationOptions options;
    options.pss = false;
    options.checklist = true;
    auto facts = std::make_shared<Engine::WorkspaceFacts>();
    for (const auto &doc : file->documents)
        facts->collect(doc, name, false, options.defaultNamespace);
    options.facts = facts;
    SnapshotOptions snapshotOptions;
    snapshotOptions.checklist = true;
    const auto snapshot = buildSnapshot({WorkspaceFile(name, text)}, snapshotOptions);
    Engine::ChecklistFixRequest request;
    request.all = true;
    const auto planned = snapshot ? Engine::planChecklistDecisions(*snapshot, request)
                                  : std::vector<Engine::ChecklistDecision>{};
    auto decisionAt = [&](const std::string &id, std::uint32_t line) {
        const auto it = std::find_if(planned.begin(), planned.end(), [&](const auto &d) {
            return d.checkId == id && d.line == line && d.object.rfind("Namespace ", 0) != 0;
        });
        return it == planned.end() ? nullptr : &*it;
    };
    bool any = false;
    for (const auto &doc : file->documents) {
        for (const auto &o : evaluateDocument(doc, options)) {
            for (const auto &f : o.checklist) {
                if (f.allowed)
                    continue;
                any = true;
                std::string label = o.kind + ' ';
                if (!o.namespaceName.empty())
                    label += o.namespaceName + '/';
                label += o.name;
                const std::string id(f.rule->id);
                std::fprintf(
                    stderr, "%s:%u:%u: needs a decision: %s: %s %s: %s (%s)%s\n", name.c_str(),
                    o.line, o.column, label.c_str(), Engine::severityName(f.severity()), id.c_str(),
                    f.reason.c_str(), f.detail.c_str(),
                    (decisionAt(id, o.line) ? decisionAt(id, o.line)->suffix() : std::string())
                        .c_str());
            }
        }
    }
    for (const auto &ns : snapshot ? snapshot->namespaces : std::vector<NamespaceEntry>{}) {
        for (const auto &f : ns.checklist) {
            if (f.allowed || f.rule->fix == Engine::FixKind::None)
                continue;
            any = true;
            const std::string id(f.rule->id);
            const auto it = std::find_if(planned.begin(), planned.end(), [&](const auto &d) {
                return d.checkId == id && d.object == "Namespace " + ns.name;
            });
            std::fprintf(stderr, "%s: needs a decision: Namespace %s: %s %s: %s (%s)%s\n",
                         name.c_str(), ns.name.c_str(), Engine::severityName(f.severity()),
                         id.c_str(), f.reason.c_str(),
                         (it == planned.end() ? f.detail : it->question).c_str(),
                         (it == planned.end() ? std::string() : it->suffix()).c_str());
        }
    }
    return any;
}

/// Fixes rendered Kustomize roots in the files their objects came from (Engine::fixOrigins):
/// with --diff their diffs, with --in-place the files rewritten; without either, only what
/// could be fixed is said. Lists what is left as decisions; true when there is any.
bool fixRoots(const std::vector<Render::Root> &roots, const FixRequest &request,
              std::vector<FileError> &errors)
{
    std::vector<Render::Rendering> renderings;
    std::vector<std::set<std::string>> fixed;
    std::map<std::string, std::string> pending;  // file -> fixed text
    std::map<std::string, std::string> original; // file -> text when first read
    std::vector<std::string> order;
    for (const auto &root : roots) {
        renderings.push_back(Render::render(root, request.render));
        if (!request.pss) {
            fixed.emplace_back();
            continue;
        }
        auto result = Engine::fixOrigins(renderings.back(), request.policy, request.only,
                                         request.render, pending);
        for (const auto &note : result.notes)
            std::fprintf(stderr, "%s: %s\n", root.path.c_str(), note.c_str());
        for (const auto &f : result.files) {
            if (original.emplace(f.path, f.before).second)
                order.push_back(f.path);
            for (const auto &a : f.applied)
                std::fprintf(stderr, "%s: %s %s: %s\n", root.path.c_str(),
                             request.inPlace || request.diff ? "fixed in" : "can be fixed in",
                             f.path.c_str(), a.c_str());
        }
        fixed.push_back(request.inPlace || request.diff ? std::move(result.fixed)
                                                        : std::set<std::string>{});
    }
    if (!order.empty() && !request.inPlace && !request.diff)
        std::fprintf(stderr, "podsec: use --in-place or --diff to change the files the "
                             "rendered objects came from\n");
    for (const auto &file : order) {
        if (request.diff) {
            const std::string d = Fix::unifiedDiff(original[file], pending[file], file);
            std::fwrite(d.data(), 1, d.size(), stdout);
        } else if (request.inPlace) {
            std::string error;
            if (!replaceFileContent(file, original[file], pending[file],
                                    request.backupSuffix.empty() ? std::string()
                                                                 : file + request.backupSuffix,
                                    request.maxFileSize, error))
                errors.push_back({file, Diagnostic{0, 1, 1, error}});
        }
    }
    bool decisions = false;
    for (std::size_t i = 0; i < roots.size(); ++i) {
        // Written: what is left is what the roots render now.
        if (request.inPlace && !order.empty()) {
            renderings[i] = Render::render(roots[i], request.render);
            fixed[i].clear();
        }
        decisions = rootDecisions(renderings[i], request, errors, fixed[i]) || decisions;
    }
    return decisions;
}

} // namespace

int runFix(const FixRequest &request)
{
    std::vector<FileError> errors;
    std::vector<Render::Root> roots;
    const auto paths = expandPaths(request.paths, errors, &roots);
    bool decisions = false;
    if (!roots.empty())
        decisions = fixRoots(roots, request, errors);
    if (paths.empty() && !roots.empty()) {
        for (const auto &e : errors)
            std::fprintf(stderr, "%s:%u:%u: %s\n", e.file.c_str(), e.diagnostic.line,
                         e.diagnostic.column, e.diagnostic.message.c_str());
        return !errors.empty() ? 2 : decisions ? 1 : 0;
    }
    if (!request.inPlace && !request.diff && paths.size() != 1) {
        std::fprintf(stderr,
                     "podsec: fix writes one input to standard output; use --in-place or "
                     "--diff for %zu files\n",
                     paths.size());
        return 2;
    }
    for (const auto &path : paths) {
        std::string text;
        std::string readError;
        if (!readInput(path, request.maxFileSize, text, readError)) {
            errors.push_back({path, Diagnostic{0, 1, 1, readError}});
            continue;
        }
        auto result =
            request.pss ? Engine::fixText(text, request.policy, request.only) : Engine::FixResult{};
        if (!request.pss)
            result.text = text;
        if (request.checklist)
            decisions =
                listChecklistDecisions(path == "-" ? "<stdin>" : path, result.text) || decisions;
        // Documents that do not parse are left as they are and make the run fail; the
        // others are fixed all the same.
        for (const auto &d : result.errors)
            errors.push_back({path == "-" ? "<stdin>" : path, d});
        for (const auto &d : result.decisions)
            std::fprintf(stderr, "%s: needs a decision: %s\n", path.c_str(), d.line().c_str());
        for (const auto &r : result.remaining) {
            // Findings without a decision of their own (the planner has nothing to offer).
            const bool explained =
                std::any_of(result.decisions.begin(), result.decisions.end(),
                            [&](const Engine::ObjectDecision &d) { return d.explains(r); });
            if (!explained)
                std::fprintf(stderr, "%s: needs a decision: %s\n", path.c_str(), r.c_str());
            decisions = true;
        }
        if (request.diff) {
            const std::string d = Fix::unifiedDiff(text, result.text, path);
            std::fwrite(d.data(), 1, d.size(), stdout);
        } else if (request.inPlace && path != "-") {
            if (result.text == text)
                continue;
            std::string error;
            if (!replaceFileContent(path, text, result.text,
                                    request.backupSuffix.empty() ? std::string()
                                                                 : path + request.backupSuffix,
                                    request.maxFileSize, error))
                errors.push_back({path, Diagnostic{0, 1, 1, error}});
        } else {
            std::fwrite(result.text.data(), 1, result.text.size(), stdout);
        }
    }
    for (const auto &e : errors)
        std::fprintf(stderr, "%s:%u:%u: %s\n", e.file.c_str(), e.diagnostic.line,
                     e.diagnostic.column, e.diagnostic.message.c_str());
    if (!errors.empty())
        return 2;
    return decisions ? 1 : 0;
}

} // namespace PodSec::Cli
