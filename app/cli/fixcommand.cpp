// SPDX-License-Identifier: Apache-2.0
#include "fixcommand.h"

#include "checkcommand.h"
#include "common/safefile.h"
#include "engine/fixloop.h"
#include "fix/fixplanner.h"
#include "fix/unifieddiff.h"
#include "render/originlocator.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <cstdio>

namespace PodSec::Cli {

namespace {

/// Renders a root and lists what fails in it as decisions; true when there is any.
bool rootDecisions(const Render::Root &root, const FixRequest &request,
                   std::vector<FileError> &errors)
{
    const Render::Rendering rendering = Render::render(root, request.render);
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

/// The checklist's failing workload and object findings of a (fixed) text, each listed as
/// a decision: none of the checklist's rules is fixed without a person (spec/checklist.md).
/// Cross-object rules read the objects of the same text.
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
                std::fprintf(stderr, "%s:%u:%u: needs a decision: %s: %s %s: %s (%s)\n",
                             name.c_str(), o.line, o.column, label.c_str(),
                             Engine::severityName(f.severity()), std::string(f.rule->id).c_str(),
                             f.reason.c_str(), f.detail.c_str());
            }
        }
    }
    return any;
}

} // namespace

int runFix(const FixRequest &request)
{
    std::vector<FileError> errors;
    std::vector<Render::Root> roots;
    const auto paths = expandPaths(request.paths, errors, &roots);
    bool decisions = false;
    for (const auto &root : roots)
        decisions = rootDecisions(root, request, errors) || decisions;
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
