// SPDX-License-Identifier: Apache-2.0
#include "checkcommand.h"

#include "common/fileinput.h"
#include "common/phasetiming.h"
#include "engine/pipeline.h"
#include "engine/readkinds.h"
#include "output.h"
#include "render/originlocator.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>

namespace PodSec::Cli {

namespace {

/// One unit of work: a document chunk of a file, or a file that has no documents.
struct WorkItem
{
    std::size_t file;
    std::optional<Yaml::Chunk> chunk;
    int documentIndex = 0;
    bool firstOfFile = false;
};

struct WorkResult
{
    std::vector<ReportFragment> fragments;
    std::vector<Diagnostic> errors;
    std::size_t allowed = 0;
    std::size_t denied = 0;
    std::size_t checklist[4] = {0, 0, 0, 0};
    std::vector<std::string> namespaces; ///< of every namespaced object (checklist)
};

} // namespace

std::vector<std::string> expandPaths(const std::vector<std::string> &paths,
                                     std::vector<FileError> &errors,
                                     std::vector<Render::Root> *roots)
{
    WalkResult walk = walkPaths(paths);
    for (auto &p : walk.problems)
        errors.push_back({std::move(p.path), Diagnostic{0, 1, 1, std::move(p.message)}});
    auto found = Render::takeRoots(walk, paths);
    if (roots)
        *roots = std::move(found);
    return std::move(walk.files);
}

bool readInput(const std::string &path, std::uint64_t maxSize, std::string &text,
               std::string &error)
{
    return readManifestInput(path, maxSize, text, error);
}

int runCheck(CheckRequest &request)
{
    PhaseTiming timing;
    std::vector<FileError> errors;
    std::vector<Render::Root> roots;
    const auto paths = expandPaths(request.paths, errors, &roots);

    // Read every file and split it into documents (cheap, sequential).
    std::vector<std::unique_ptr<Yaml::SourceFile>> files;
    std::vector<bool> fromCluster;
    std::vector<WorkItem> items;
    // Rendered roots: their text is a file named by the root's folder; fields point back to
    // the files they came from.
    std::vector<std::unique_ptr<Render::Rendering>> renderings;
    std::vector<std::unique_ptr<Render::OriginLocator>> locators;
    std::vector<const Render::OriginLocator *> locatorOf;
    // One work item per document (or one for a file without any, to report its errors).
    auto addFile = [&](std::unique_ptr<Yaml::SourceFile> file,
                       const std::vector<Yaml::Chunk> &chunks) {
        const std::size_t index = files.size();
        if (chunks.empty())
            items.push_back({index, std::nullopt, 0, true});
        for (std::size_t i = 0; i < chunks.size(); ++i)
            items.push_back({index, chunks[i], static_cast<int>(i), i == 0});
        files.push_back(std::move(file));
        locatorOf.push_back(nullptr);
        fromCluster.push_back(false);
    };
    for (const auto &path : paths) {
        std::string text;
        std::string readError;
        const std::string display = path == "-" ? "<stdin>" : path;
        if (!readInput(path, request.maxFileSize, text, readError)) {
            errors.push_back({display, Diagnostic{0, 1, 1, readError}});
            continue;
        }
        std::vector<Yaml::Chunk> chunks;
        auto file = Yaml::SourceFile::prepare(display, std::move(text), chunks);
        addFile(std::move(file), chunks);
    }
    for (const auto &root : roots) {
        auto rendering = std::make_unique<Render::Rendering>(Render::render(root, request.render));
        for (auto d : rendering->problems) {
            if (!rendering->hint.empty())
                d.message += "; to evaluate it: " + rendering->hint;
            errors.push_back({root.path, std::move(d)});
        }
        if (!rendering->rendered) {
            renderings.push_back(std::move(rendering));
            continue;
        }
        std::vector<Yaml::Chunk> chunks;
        auto file = Yaml::SourceFile::prepare(root.path, rendering->text, chunks);
        addFile(std::move(file), chunks);
        locators.push_back(std::make_unique<Render::OriginLocator>(*rendering));
        locatorOf.back() = locators.back().get();
        renderings.push_back(std::move(rendering));
    }
    for (auto &[name, text] : request.inMemory) {
        std::vector<Yaml::Chunk> chunks;
        auto file = Yaml::SourceFile::prepare(name, std::move(text), chunks);
        addFile(std::move(file), chunks);
        fromCluster.back() = true;
    }

    timing.lap("read and split");

    // Admission needs the namespaces' labels before any workload is judged.
    // The checklist reads other objects (ServiceAccounts, NetworkPolicies, ...) first too.
    EvaluationOptions &options = request.context.options;
    if (options.admission || options.checklist) {
        std::vector<std::string_view> texts;
        std::vector<std::string> names;
        for (const auto &file : files) {
            texts.emplace_back(file->text);
            names.push_back(file->path);
        }
        std::vector<Engine::DocumentJob> jobs;
        for (const auto &item : items) {
            if (item.chunk)
                jobs.push_back({item.file, *item.chunk, item.documentIndex});
        }
        if (options.admission) {
            for (auto &[name, labels] : Engine::declaredNamespaces(texts, jobs))
                options.namespaces[name] = std::move(labels);
        }
        if (options.checklist)
            options.facts = std::make_shared<const Engine::WorkspaceFacts>(
                Engine::collectFacts(texts, jobs, names, fromCluster, options.defaultNamespace));
    }

    timing.lap("namespaces and facts (pre-pass)");

    auto format = createFormat(request.format, request.context);
    Output output(request.outputFile);
    if (!output.ok()) {
        std::fprintf(stderr, "%s:1:1: cannot write report: %s\n", request.outputFile.c_str(),
                     output.error().c_str());
        return 2;
    }

    auto process = [&](std::size_t i) {
        const WorkItem &item = items[i];
        WorkResult r;
        const auto &file = *files[item.file];
        if (!item.chunk) {
            r.errors = file.errors;
            return r;
        }
        // A document whose kind no selected rule set reads is only validated.
        const auto doc = Engine::parseForRules(file.text, *item.chunk, item.documentIndex,
                                               {true, options.checklist});
        // Syntax and document-rule errors, objects the API server could not decode (not
        // evaluated), and warnings for input kubectl ignores.
        r.errors = Engine::documentProblems(doc);
        if (doc.error)
            return r;
        const Render::OriginLocator *origins = locatorOf[item.file];
        // A rendering is not the user's text: fixes are planned in the files it came from.
        const bool fixes = format->wantsFixes() && !origins;
        for (const auto &o : evaluateDocument(doc, options, fixes ? &file.text : nullptr, origins,
                                              fromCluster[item.file],
                                              options.checklist ? &r.namespaces : nullptr)) {
            r.fragments.push_back(format->object(file.path, o));
            for (const auto &f : o.checklist) {
                if (!f.allowed)
                    ++r.checklist[int(f.severity())];
            }
            if (o.podBearing)
                (o.passesEnforce() ? r.allowed : r.denied)++;
        }
        return r;
    };

    Summary summary;
    std::set<std::string> namespaces;
    output.write(format->begin());
    // Documents are evaluated in parallel; the report is written in document order.
    Engine::orderedParallel<WorkResult>(
        items.size(), process,
        [&](std::size_t i, WorkResult &&r) {
            const auto &item = items[i];
            if (item.firstOfFile)
                output.write(format->fileStarted(files[item.file]->path));
            for (const auto &fragment : r.fragments)
                output.write(format->append(fragment));
            summary.objects += r.allowed + r.denied;
            summary.allowed += r.allowed;
            summary.denied += r.denied;
            for (int k = 0; k < 4; ++k)
                summary.checklist[k] += r.checklist[k];
            namespaces.insert(r.namespaces.begin(), r.namespaces.end());
            for (auto &d : r.errors)
                errors.push_back({files[item.file]->path, std::move(d)});
        },
        request.threads);
    timing.lap("parse, evaluate and write the report (streamed)");

    // Warnings are printed but neither counted nor reported as errors, nor exit status 2.
    const auto firstWarning = std::stable_partition(
        errors.begin(), errors.end(), [](const FileError &e) { return !e.diagnostic.warning; });
    const std::vector<FileError> warnings(std::make_move_iterator(firstWarning),
                                          std::make_move_iterator(errors.end()));
    errors.erase(firstWarning, errors.end());
    summary.errors = errors.size();
    // The lines the window's Problems panel shows (and copies) for the same input.
    for (const std::vector<FileError> *list : {&std::as_const(errors), &warnings}) {
        for (const auto &e : *list)
            std::fprintf(stderr, "%s\n", problemLine(e.file, e.diagnostic).c_str());
    }
    // The checklist's namespace rules, once per namespace of the workspace, by name.
    if (options.checklist) {
        const Engine::RuleSet *checklist = Engine::findRuleSet("checklist");
        for (const auto &[name, facts] : options.facts->namespaces)
            namespaces.insert(name);
        for (const auto &name : namespaces) {
            NamespaceReport ns;
            ns.name = name;
            const auto it = options.facts->namespaces.find(name);
            if (it != options.facts->namespaces.end() && it->second.declared)
                ns.source = it->second.source;
            checklist->evaluateNamespace(name, options, ns.findings);
            for (const auto &f : ns.findings) {
                if (!f.allowed)
                    ++summary.checklist[int(f.severity())];
            }
            format->namespaces.push_back(std::move(ns));
        }
    }
    output.write(format->end(summary, errors));
    if (!output.commit()) {
        std::fprintf(stderr, "%s:1:1: cannot write report: %s\n", request.outputFile.c_str(),
                     output.error().c_str());
        return 2;
    }
    timing.lap("report end (problems, namespace rules, summary)");
    if (!errors.empty())
        return 2;
    bool checklistFails = false;
    for (int k = 0; k <= int(request.context.failOn); ++k)
        checklistFails = checklistFails || summary.checklist[k] > 0;
    return summary.denied > 0 || checklistFails ? 1 : 0;
}

} // namespace PodSec::Cli
