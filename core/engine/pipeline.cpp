// SPDX-License-Identifier: Apache-2.0
#include "engine/pipeline.h"

#include "engine/readkinds.h"

#include <algorithm>
#include <thread>

namespace PodSec::Engine {

SplitResult splitDocuments(const std::vector<std::string_view> &texts)
{
    SplitResult out;
    for (std::size_t f = 0; f < texts.size(); ++f) {
        std::vector<Diagnostic> errors;
        const auto chunks = Yaml::SourceFile::chunksOf(texts[f], errors);
        for (auto &d : errors)
            out.problems.emplace_back(f, std::move(d));
        for (std::size_t c = 0; c < chunks.size(); ++c)
            out.jobs.push_back({f, chunks[c], static_cast<int>(c)});
    }
    return out;
}

NamespaceLabels declaredNamespaces(const std::vector<std::string_view> &texts,
                                   const std::vector<DocumentJob> &jobs, NamespacePlaces *places)
{
    NamespaceLabels namespaces;
    for (const auto &job : jobs) {
        const std::string_view text = texts[job.file];
        if (text.substr(job.chunk.start, job.chunk.end - job.chunk.start).find("Namespace") ==
            std::string_view::npos)
            continue;
        // Most documents that mention it (CRDs: "scope: Namespaced") cannot declare one.
        if (!mayDeclareNamespace(text, job.chunk))
            continue;
        const auto doc = Yaml::SourceFile::parseChunk(text, job.chunk, job.index);
        if (places == nullptr) {
            collectNamespaces(doc, namespaces);
            continue;
        }
        collectNamespaces(doc, namespaces, [&](const K8s::Object &object) {
            const auto &root = doc.node(doc.resolve(object.root));
            (*places)[object.name] = {job.file, object.line, object.column, root.start, root.end};
        });
    }
    return namespaces;
}

WorkspaceFacts collectFacts(const std::vector<std::string_view> &texts,
                            const std::vector<DocumentJob> &jobs,
                            const std::vector<std::string> &names,
                            const std::vector<bool> &fromCluster,
                            const std::string &defaultNamespace)
{
    WorkspaceFacts facts;
    for (const auto &job : jobs) {
        const std::string_view text = texts[job.file];
        if (!mayHoldFacts(text.substr(job.chunk.start, job.chunk.end - job.chunk.start)) ||
            !mayHoldFactKinds(text, job.chunk))
            continue;
        const auto doc = Yaml::SourceFile::parseChunk(text, job.chunk, job.index);
        if (doc.error)
            continue;
        facts.collect(doc, names[job.file], job.file < fromCluster.size() && fromCluster[job.file],
                      defaultNamespace);
    }
    return facts;
}

int workerCount(int threads)
{
    if (threads > 0)
        return std::min(threads, 16);
    return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 16u));
}

void parallelFor(std::size_t n, const std::function<void(std::size_t)> &body,
                 const std::atomic<bool> *cancel, int threads)
{
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            if (cancel && cancel->load())
                return;
            body(i);
        }
    };
    const int workers = workerCount(threads);
    QThreadPool pool;
    pool.setMaxThreadCount(workers);
    for (int t = 1; t < workers && std::size_t(t) < n; ++t)
        pool.start(work);
    work();
    pool.waitForDone();
}

} // namespace PodSec::Engine
