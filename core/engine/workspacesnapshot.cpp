// SPDX-License-Identifier: Apache-2.0
#include "engine/workspacesnapshot.h"

#include "access/accessmodel.h"
#include "common/phasetiming.h"

#include "engine/evaluatedobject.h"
#include "engine/factscache.h"
#include "engine/pipeline.h"
#include "engine/placedobject.h"
#include "engine/readkinds.h"
#include "engine/snapshotentries.h"

#include "fix/fixplanner.h"
#include "render/originlocator.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string_view>
#include <utility>

namespace PodSec {

using SnapshotEntries::evaluateWorkload;
using SnapshotEntries::objectEntry;

std::vector<RootEntry> renderRoots(const std::vector<Render::Root> &roots,
                                   const Render::Options &options,
                                   std::vector<WorkspaceFile> &files)
{
    std::vector<RootEntry> out;
    for (const auto &root : roots) {
        RootEntry entry;
        entry.tool = root.tool;
        entry.path = root.path;
        auto rendering = std::make_shared<Render::Rendering>(Render::render(root, options));
        entry.rendered = rendering->rendered;
        entry.command = rendering->command;
        entry.hint = rendering->hint;
        if (!rendering->problems.empty()) {
            entry.problem = rendering->problems.front().message;
            entry.missingTool = entry.problem == Render::missingToolMessage(root.tool, root.path);
            if (!entry.hint.empty())
                entry.problem += "; to evaluate it: " + entry.hint;
        }
        entry.file = static_cast<int>(files.size());
        files.emplace_back(root.path, rendering->text);
        entry.origins = std::make_shared<const Render::OriginLocator>(*rendering);
        entry.rendering = std::move(rendering);
        out.push_back(std::move(entry));
    }
    return out;
}

const char *verdictName(Verdict v)
{
    switch (v) {
    case Verdict::NotChecked:
        return "not checked";
    case Verdict::Pass:
        return "pass";
    case Verdict::Fail:
        return "fail";
    case Verdict::NotApplied:
        return "not applied";
    case Verdict::Exempt:
        return "exempt";
    case Verdict::PodsRejected:
        return "pods rejected";
    }
    return "";
}

Verdict combine(Verdict a, Verdict b)
{
    auto rank = [](Verdict v) {
        switch (v) {
        case Verdict::Fail:
            return 5;
        case Verdict::PodsRejected:
            return 4;
        case Verdict::Pass:
            return 3;
        case Verdict::Exempt:
            return 2;
        case Verdict::NotApplied:
            return 1;
        case Verdict::NotChecked:
            return 0;
        }
        return 0;
    };
    return rank(a) >= rank(b) ? a : b;
}

std::string WorkloadEntry::key() const
{
    const WorkloadIdentity &w = id();
    return std::to_string(file) + '/' + std::to_string(w.document) + '/' + std::to_string(w.item) +
           '/' + w.kind + '/' + w.namespaceName + '/' + w.name;
}

namespace {

/// The rendered roots: which file holds each rendering, whether and how it was rendered, and
/// which origins its fields point back to (the same locator object: roots are rendered anew
/// only when a workspace is opened).
std::string rootsKey(const SnapshotOptions &o)
{
    std::string key;
    for (const auto &r : o.roots)
        key += std::to_string(r.file) + (r.rendered ? " r " : " - ") +
               std::to_string(reinterpret_cast<std::uintptr_t>(r.origins.get())) + ' ' + r.problem +
               '\n';
    return key;
}

/// The default namespace and the admission defaults, as text (both keys below read them).
std::string placementKey(const SnapshotOptions &o)
{
    const auto &d = o.admissionConfig.defaults;
    return o.defaultNamespace + '\n' + d.enforce.toString() + ' ' + d.audit.toString() + ' ' +
           d.warn.toString() + '\n';
}

/// What workloads' results depend on besides the files (WorkspaceSnapshot::optionsKey).
std::string optionsKey(const SnapshotOptions &o)
{
    const auto &a = o.admissionConfig;
    std::string key = o.version.toString() + '\n' +
                      (o.forcedLevel ? Policy::levelName(*o.forcedLevel) : "-") + '\n' +
                      placementKey(o) + (o.planFixes ? 'f' : '-') + (o.checklist ? 'c' : '-') +
                      std::to_string(o.maxFixPlanBytes) + '\n' + rootsKey(o);
    for (const auto *list : {&a.exemptUsernames, &a.exemptNamespaces, &a.exemptRuntimeClasses}) {
        for (const auto &item : *list)
            key += item + '\t';
        key += '\n';
    }
    return key;
}

/// What the access result depends on besides the files (WorkspaceSnapshot::accessKey).
std::string accessKey(const SnapshotOptions &o)
{
    return std::string(o.liveAccess ? "live\n" : "files\n") + placementKey(o);
}

/// What workloads' facts (WorkloadFacts) depend on besides the files.
std::string factsOptionsKey(const SnapshotOptions &o)
{
    return o.defaultNamespace + '\n' + (o.checklist ? 'c' : '-') + '\n' + rootsKey(o);
}

/// Whether the window plans restricted fixes in the file (its light bulbs).
bool plansFixes(const SnapshotOptions &o, const std::string &text,
                const Render::OriginLocator *origins)
{
    // A rendering is not edited: its fixes belong in the files it came from.
    return o.planFixes && text.size() <= o.maxFixPlanBytes && !origins;
}

bool sameFile(const WorkspaceFile &a, const WorkspaceFile &b)
{
    return a.path == b.path && a.readError == b.readError &&
           (a.bytes == b.bytes || a.text() == b.text());
}

} // namespace

std::optional<WorkspaceSnapshot>
buildSnapshot(std::vector<WorkspaceFile> files, const SnapshotOptions &options,
              const std::function<void(int, int)> &progress, const std::atomic<bool> *cancel,
              const WorkspaceSnapshot *previous, const std::vector<FileProblem> &walkProblems)
{
    PhaseTiming timing;
    WorkspaceSnapshot s;
    s.optionsKey = optionsKey(options);
    s.version = options.version;
    s.forcedLevel = options.forcedLevel;
    s.files = std::move(files);

    // Rendered roots: which files hold a rendering (and how to trace it back), which hold
    // none (no renderer, a failed rendering: nothing to split, the root's problem instead).
    s.roots = options.roots;
    std::vector<const Render::OriginLocator *> originsOf(s.files.size(), nullptr);
    std::vector<bool> unrendered(s.files.size(), false);
    for (const auto &root : s.roots) {
        if (root.file < 0 || static_cast<std::size_t>(root.file) >= s.files.size())
            continue;
        originsOf[static_cast<std::size_t>(root.file)] = root.origins.get();
        unrendered[static_cast<std::size_t>(root.file)] = !root.rendered;
        if (!root.problem.empty())
            s.problems.push_back({root.file, Diagnostic{0, 1, 1, root.problem}, {}});
    }
    std::vector<std::string_view> texts;
    for (std::size_t i = 0; i < s.files.size(); ++i)
        texts.emplace_back(unrendered[i] ? std::string_view() : s.files[i].text());
    auto split = Engine::splitDocuments(texts);
    // The walk's problems lead the list, as in `podsec check`; the roots' come next.
    s.problems.insert(s.problems.begin(), walkProblems.begin(), walkProblems.end());
    // A file that could not be read has that one problem (not "empty file"), as in the CLI.
    for (std::size_t f = 0; f < s.files.size(); ++f) {
        if (!s.files[f].readError.empty())
            s.problems.push_back({static_cast<int>(f), {0, 1, 1, s.files[f].readError}, {}});
    }
    for (const auto &[file, d] : split.problems) {
        if (s.files[file].readError.empty() && !unrendered[file])
            s.problems.push_back({static_cast<int>(file), d, {}});
    }
    const auto &jobs = split.jobs;
    const int total = static_cast<int>(jobs.size()) * 2;
    std::atomic<int> done{0};
    auto step = [&] {
        const int d = ++done;
        if (progress)
            progress(d, total);
    };

    timing.lap("snapshot: split");
    // 1. Namespaces first: they may come after the workloads that use them.
    Engine::NamespacePlaces places;
    Engine::NamespaceLabels declared = Engine::declaredNamespaces(texts, jobs, &places);
    std::map<std::string, NamespaceEntry> namespaces;
    for (const auto &[name, labels] : declared) {
        auto &ns = namespaces[name];
        ns.name = name;
        ns.declared = true;
        if (const auto place = places.find(name); place != places.end()) {
            ns.file = static_cast<int>(place->second.file);
            ns.line = place->second.line;
            ns.column = place->second.column;
            ns.offset = place->second.offset;
            ns.endOffset = place->second.endOffset;
        }
        for (const auto &l : labels) {
            if (Admission::isPodSecurityLabel(l.first))
                ns.labels.push_back(l);
        }
    }
    Engine::Placement placement;
    placement.defaultNamespace = options.defaultNamespace;
    placement.admissionConfig = options.admissionConfig;
    if (options.forcedLevel)
        placement.forced = Policy::LevelVersion{*options.forcedLevel, options.version};
    placement.namespaces = std::move(declared);
    for (auto &[name, ns] : namespaces)
        ns.policy = placement.policyOf(name);
    const auto undeclared = placement.policyFor({});
    const Engine::RuleSet *checklist = nullptr;
    if (options.checklist) {
        checklist = Engine::findRuleSet("checklist");
        std::vector<std::string> names;
        std::vector<bool> fromCluster;
        for (const auto &f : s.files) {
            names.push_back(f.path);
            fromCluster.push_back(f.path.rfind("cluster:", 0) == 0);
        }
        s.facts = std::make_shared<const Engine::WorkspaceFacts>(
            Engine::collectFacts(texts, jobs, names, fromCluster, options.defaultNamespace));
        s.factsKey = s.facts->key();
        placement.facts = s.facts;
    }

    timing.lap("snapshot: namespaces and facts");
    // Files unchanged since the previous snapshot keep their workloads, unless a namespace
    // they use now has other pod-security labels (or is newly declared or gone); with other
    // options or labels, their workloads are judged again from their facts (recompose).
    std::vector<std::pair<std::size_t, std::size_t>> reused(s.files.size(), {0, 0});
    std::vector<bool> reuse(s.files.size(), false), recompose(s.files.size(), false);
    s.factsOptionsKey = factsOptionsKey(options);
    // A first build takes what it can from the re-open cache: those files are judged again
    // from their cached facts, as a version switch judges them from the previous snapshot's.
    std::optional<WorkspaceSnapshot> cached;
    if (!previous && options.cache && (cached = options.cache->previousFor(s, options)))
        previous = &*cached;
    // The checklist's findings on a workload depend on other files too (its ServiceAccount):
    // when what those rules read has changed, nothing is reused.
    if (previous && previous->factsKey == s.factsKey &&
        previous->factsOptionsKey == s.factsOptionsKey) {
        const bool sameOptions = previous->optionsKey == s.optionsKey;
        auto sameNamespace = [&](const std::string &name) {
            const auto now = namespaces.find(name);
            const auto was = std::lower_bound(
                previous->namespaces.begin(), previous->namespaces.end(), name,
                [](const NamespaceEntry &e, const std::string &n) { return e.name < n; });
            const bool wasDeclared =
                was != previous->namespaces.end() && was->name == name && was->declared;
            const bool isDeclared = now != namespaces.end();
            if (wasDeclared != isDeclared)
                return false;
            return !isDeclared || now->second.labels == was->labels;
        };
        std::size_t w = 0;
        const auto &old = previous->workloads;
        for (std::size_t i = 0; i < s.files.size() && i < previous->files.size(); ++i) {
            while (w < old.size() && old[w].file < static_cast<int>(i))
                ++w;
            std::size_t end = w;
            const bool sameBytes = sameFile(previous->files[i], s.files[i]);
            bool same = sameBytes && sameOptions, haveFacts = sameBytes;
            while (end < old.size() && old[end].file == static_cast<int>(i)) {
                same = same && sameNamespace(old[end].id().namespaceName);
                haveFacts = haveFacts && old[end].facts;
                ++end;
            }
            reuse[i] = same;
            recompose[i] = !same && haveFacts;
            reused[i] = {w, end};
            w = end;
        }
    }
    // Recomposed: every workload of such a file, judged again in parallel into a block of
    // its own. A file whose fixes are planned is parsed again after all when a workload
    // fails restricted there: the planner reads the document.
    std::vector<std::shared_ptr<WorkloadList::Block>> composed(s.files.size());
    {
        std::vector<std::pair<std::size_t, std::size_t>> todo; // (file, previous index)
        for (std::size_t f = 0; f < s.files.size(); ++f) {
            if (!recompose[f])
                continue;
            composed[f] = std::make_shared<WorkloadList::Block>(reused[f].second - reused[f].first);
            for (std::size_t w = reused[f].first; w < reused[f].second; ++w)
                todo.emplace_back(f, w);
        }
        Engine::parallelFor(
            todo.size(),
            [&](std::size_t k) {
                const auto [f, w] = todo[k];
                (*composed[f])[w - reused[f].first] = SnapshotEntries::composeWorkload(
                    previous->workloads[w].facts, placement, options.version);
            },
            cancel);
        if (cancel && cancel->load())
            return std::nullopt;
        for (std::size_t f = 0; f < s.files.size(); ++f) {
            if (!recompose[f] || !plansFixes(options, s.files[f].text(), originsOf[f]))
                continue;
            for (const auto &w : *composed[f])
                recompose[f] =
                    recompose[f] && (!w.id().hasTemplate || !w.fails(Policy::Level::Restricted));
            if (!recompose[f])
                composed[f].reset();
        }
    }
    const auto kept = [&](std::size_t file) {
        return reuse[file] || recompose[file];
    };

    // The access model reads what it needs in the same pass over the documents, unless its
    // last result still holds or some files are not parsed again (reused).
    const bool sameFiles =
        previous && previous->files.size() == s.files.size() &&
        std::equal(s.files.begin(), s.files.end(), previous->files.begin(), sameFile);
    const bool keepAccess = options.evaluateAccess && sameFiles && previous->access &&
                            previous->accessKey == accessKey(options);
    bool accessInPass = options.evaluateAccess && !keepAccess &&
                        std::find(reuse.begin(), reuse.end(), true) == reuse.end() &&
                        std::find(recompose.begin(), recompose.end(), true) == recompose.end();
    for (std::size_t f = 0; f < s.files.size(); ++f)
        accessInPass = accessInPass && !(unrendered[f] && !s.files[f].text().empty());
    std::vector<Access::AccessInput> accessParts(accessInPass ? jobs.size() : 0);

    // 2. Parse and evaluate every document in parallel; each node tree lives only as long
    //    as its own evaluation, so memory stays bounded by the workers, not the workspace.
    std::vector<std::vector<WorkloadEntry>> perDocument(jobs.size());
    std::vector<std::vector<ObjectEntry>> perDocumentObjects(jobs.size());
    std::vector<std::vector<Diagnostic>> errors(jobs.size());
    Engine::parallelFor(
        jobs.size(),
        [&](std::size_t i) {
            const auto &job = jobs[i];
            if (kept(static_cast<std::size_t>(job.file))) {
                step();
                step();
                return;
            }
            const std::string &text = s.files[static_cast<std::size_t>(job.file)].text();
            // A document whose kind no selected rule set reads is only validated; the kind
            // is guessed (and probed) once for every set.
            const auto trees =
                Engine::treesFor(text, job.chunk, {true, options.checklist, accessInPass});
            const auto doc = Engine::parseOrValidate(text, job.chunk, job.index,
                                                     trees.pss || trees.checklist || trees.access);
            // Each reader counts the problems of the documents it would have parsed on its
            // own: decoding problems only where it would build a tree.
            if (accessInPass)
                Access::readDocument(doc, trees.access,
                                     s.files[static_cast<std::size_t>(job.file)].path,
                                     options.liveAccess, options.defaultNamespace, accessParts[i]);
            errors[i] = Engine::documentProblems(doc, trees.pss || trees.checklist);
            std::optional<Fix::DocumentPlanner> planner;
            if (plansFixes(options, text, originsOf[static_cast<std::size_t>(job.file)]))
                planner.emplace(doc, text);
            const bool fromCluster =
                s.files[static_cast<std::size_t>(job.file)].path.rfind("cluster:", 0) == 0;
            auto onPlaced = [&](const Engine::PlacedObject &placed) {
                perDocument[i].push_back(evaluateWorkload(
                    placed, static_cast<int>(job.file), options, planner ? &*planner : nullptr,
                    originsOf[static_cast<std::size_t>(job.file)], checklist));
            };
            auto onOther = [&](const K8s::Object &object) {
                if (!checklist)
                    return;
                std::optional<ObjectEntry> e =
                    objectEntry(object, placement, *checklist, fromCluster);
                if (e) {
                    e->file = static_cast<int>(job.file);
                    perDocumentObjects[i].push_back(std::move(*e));
                } else if (Engine::isNamespacedKind(object.kindText)) {
                    // An object without findings still makes its namespace one of the
                    // workspace's (the namespace rules run on it).
                    ObjectEntry marker; // no kind: only its namespace counts
                    marker.file = static_cast<int>(job.file);
                    marker.namespaceName = object.namespaceOr(placement.defaultNamespace);
                    perDocumentObjects[i].push_back(std::move(marker));
                }
            };
            Engine::forEachObject(doc, placement, onPlaced, onOther);
            step();
            step();
        },
        cancel);
    if (cancel && cancel->load())
        return std::nullopt;
    timing.lap("snapshot: parse and evaluate");
    for (std::size_t i = 0; i < errors.size(); ++i) {
        for (auto &d : errors[i])
            s.problems.push_back({static_cast<int>(jobs[i].file), std::move(d), {}});
    }
    if (previous) {
        // A reused file has the same bytes, so the same problems: take them all from the
        // previous snapshot (in place of the chunking errors found again above).
        const auto isReused = [&](const FileProblem &p) {
            return p.file >= 0 && kept(static_cast<std::size_t>(p.file));
        };
        s.problems.erase(std::remove_if(s.problems.begin(), s.problems.end(), isReused),
                         s.problems.end());
        std::copy_if(previous->problems.begin(), previous->problems.end(),
                     std::back_inserter(s.problems), [&](const FileProblem &p) {
                         return static_cast<std::size_t>(p.file) < reuse.size() && isReused(p);
                     });
    }
    std::stable_sort(s.problems.begin(), s.problems.end(),
                     [](const FileProblem &a, const FileProblem &b) { return a.file < b.file; });

    // 3. Assemble in file and document order.
    auto enter = [&](std::size_t index) { // s.workloads[index] joins its namespace
        const std::string &name = s.workloads[index].id().namespaceName;
        auto it = namespaces.find(name);
        if (it == namespaces.end()) {
            NamespaceEntry ns;
            ns.name = name;
            ns.policy = undeclared;
            it = namespaces.emplace(name, std::move(ns)).first;
        }
        it->second.workloads.push_back(static_cast<int>(index));
    };
    // Each file's entries are one block: kept as they were (shared with the previous
    // snapshot), judged again, or made by this build's pass.
    auto placeBlock = [&](std::shared_ptr<const WorkloadList::Block> block) {
        const std::size_t first = s.workloads.size();
        s.workloads.append(std::move(block));
        for (std::size_t w = first; w < s.workloads.size(); ++w)
            enter(w);
    };
    auto placeObject = [&](ObjectEntry &&o) {
        if (o.namespaceName.empty()) {
            s.objects.push_back(std::move(o));
            return;
        }
        auto it = namespaces.find(o.namespaceName);
        if (it == namespaces.end()) {
            NamespaceEntry ns;
            ns.name = o.namespaceName;
            ns.policy = undeclared;
            it = namespaces.emplace(o.namespaceName, std::move(ns)).first;
        }
        if (o.kind.empty()) {
            s.otherNamespaces.emplace_back(o.file, std::move(o.namespaceName));
            return;
        }
        it->second.objects.push_back(static_cast<int>(s.objects.size()));
        s.objects.push_back(std::move(o));
    };
    // The previous snapshot's objects of each kept file (a version switch keeps them all).
    std::vector<std::vector<std::size_t>> previousObjects(s.files.size()),
        previousOthers(s.files.size());
    for (std::size_t o = 0; previous && o < previous->objects.size(); ++o) {
        const auto f = static_cast<std::size_t>(previous->objects[o].file);
        if (f < s.files.size() && kept(f))
            previousObjects[f].push_back(o);
    }
    for (std::size_t o = 0; previous && o < previous->otherNamespaces.size(); ++o) {
        const auto f = static_cast<std::size_t>(previous->otherNamespaces[o].first);
        if (f < s.files.size() && kept(f))
            previousOthers[f].push_back(o);
    }
    std::vector<std::size_t> madeHere(s.files.size(), 0); // entries this pass made, per file
    for (std::size_t j = 0; j < jobs.size(); ++j)
        madeHere[static_cast<std::size_t>(jobs[j].file)] += perDocument[j].size();
    std::shared_ptr<WorkloadList::Block> made; // the current file's, when it is not kept
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        const auto file = static_cast<std::size_t>(jobs[j].file);
        const bool firstOfFile = j == 0 || jobs[j - 1].file != jobs[j].file;
        if (kept(file)) {
            if (firstOfFile) {
                const auto [first, end] = reused[file];
                std::shared_ptr<const WorkloadList::Block> block =
                    reuse[file] ? previous->workloads.block(first, end - first)
                                : std::move(composed[file]);
                if (!block && reuse[file]) // not one block there (never for a file we built)
                    block = std::make_shared<const WorkloadList::Block>(
                        previous->workloads.begin() + std::ptrdiff_t(first),
                        previous->workloads.begin() + std::ptrdiff_t(end));
                placeBlock(std::move(block));
                for (const std::size_t o : previousObjects[file])
                    placeObject(ObjectEntry(previous->objects[o]));
                for (const std::size_t o : previousOthers[file]) {
                    ObjectEntry marker;
                    marker.file = static_cast<int>(file);
                    marker.namespaceName = previous->otherNamespaces[o].second;
                    placeObject(std::move(marker));
                }
            }
            continue;
        }
        if (firstOfFile && madeHere[file] > 0) {
            made = std::make_shared<WorkloadList::Block>();
            made->reserve(madeHere[file]);
        }
        for (auto &w : perDocument[j])
            made->push_back(std::move(w));
        for (auto &o : perDocumentObjects[j])
            placeObject(std::move(o));
        const bool lastOfFile = j + 1 == jobs.size() || jobs[j + 1].file != jobs[j].file;
        if (lastOfFile && made)
            placeBlock(std::exchange(made, nullptr));
    }
    if (checklist) {
        // Namespaces only the facts know (a NetworkPolicy's, a ServiceAccount's) count too.
        for (const auto &[name, facts] : s.facts->namespaces) {
            if (namespaces.count(name))
                continue;
            NamespaceEntry ns;
            ns.name = name;
            ns.policy = undeclared;
            namespaces.emplace(name, std::move(ns));
        }
        for (auto &[name, ns] : namespaces) {
            std::vector<Engine::Finding> findings;
            checklist->evaluateNamespace(name, placement, findings);
            ns.checklist = SnapshotEntries::keepFailing(findings);
        }
    }
    s.workloads.linkOwners();
    for (auto &root : s.roots) {
        root.workloads.clear();
        std::fill(std::begin(root.verdicts), std::end(root.verdicts), Verdict::NotChecked);
        for (std::size_t w = 0; w < s.workloads.size(); ++w) {
            if (s.workloads[w].file != root.file || !root.rendered)
                continue;
            root.workloads.push_back(static_cast<int>(w));
            for (int c = 0; c < ColumnCount; ++c)
                root.verdicts[c] = combine(root.verdicts[c], s.workloads[w].verdicts[c]);
        }
    }
    for (auto &[name, ns] : namespaces) {
        for (int w : ns.workloads) {
            for (int c = 0; c < ColumnCount; ++c)
                ns.verdicts[c] =
                    combine(ns.verdicts[c], s.workloads[static_cast<std::size_t>(w)].verdicts[c]);
        }
        s.namespaces.push_back(std::move(ns));
    }
    timing.lap("snapshot: assemble");
    if (timing.enabled()) {
        std::size_t checks = 0, bases = 0;
        for (const auto &w : s.workloads) {
            if (!w.facts)
                continue;
            checks += w.facts->checks.heapBytes();
            bases += sizeof(WorkloadFacts) +
                     w.facts->base.containers.capacity() * sizeof(ContainerEntry);
        }
        std::fprintf(stderr, "podsec timing: snapshot facts: checks %zu MB, entries %zu MB\n",
                     checks >> 20, bases >> 20);
    }
    Access::AccessOptions accessOptions;
    accessOptions.live = options.liveAccess;
    accessOptions.defaults = options.admissionConfig.defaults;
    if (keepAccess) {
        s.access = previous->access; // immutable, and nothing it read has changed
        s.accessKey = previous->accessKey;
    } else if (accessInPass) {
        s.accessKey = accessKey(options);
        // In the order Access::readAccessInput gives: the files' problems, then each
        // document's objects and problems.
        Access::AccessInput input;
        for (const auto &[file, d] : split.problems)
            input.problems.push_back({s.files[file].path, d});
        for (auto &part : accessParts)
            input.append(std::move(part));
        s.access = Access::evaluateAccess(std::move(input), accessOptions);
    } else if (options.evaluateAccess) {
        s.accessKey = accessKey(options);
        // Files without a problem need not be validated again (files taken from the previous
        // snapshot or the re-open cache were not parsed in this build).
        std::vector<bool> clean(s.files.size(), true);
        for (const auto &p : s.problems) {
            if (p.file >= 0 && static_cast<std::size_t>(p.file) < clean.size())
                clean[static_cast<std::size_t>(p.file)] = false;
        }
        std::vector<Access::InputText> texts;
        for (std::size_t f = 0; f < s.files.size(); ++f)
            texts.push_back({s.files[f].path, s.files[f].text(), options.liveAccess,
                             clean[f] && s.files[f].readError.empty() && !unrendered[f]});
        SnapshotEntries::addKnownWorkloads(s, originsOf, options.liveAccess, texts);
        s.access = Access::evaluateAccess(texts, accessOptions, options.defaultNamespace);
    }
    if (options.evaluateAccess)
        timing.lap("snapshot: access");
    if (progress)
        progress(total, total);
    return s;
}

} // namespace PodSec
