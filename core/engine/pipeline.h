// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "engine/placedobject.h"
#include "yaml/sourcefile.h"

#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

/// The engine's pipeline, shared by every consumer (the CLI's reports, the window's
/// snapshot, the what-if, the fix loop):
///
///   texts --splitDocuments--> document jobs --declaredNamespaces--> Placement
///         --parse each job (in parallel)--> forEachPlacedObject --> rule sets
///
/// The stages are functions so that each consumer keeps its own schedule: the CLI streams
/// its report in document order with bounded memory (orderedParallel), the window keeps
/// every result and reuses unchanged files (parallelFor, workspacesnapshot.cpp).
namespace PodSec::Engine {

/// One YAML document of a workspace file.
struct DocumentJob
{
    std::size_t file = 0;
    Yaml::Chunk chunk;
    int index = 0; ///< the document's index in its file
};

struct SplitResult
{
    std::vector<DocumentJob> jobs; ///< in file and document order
    /// File-level problems (empty file, too large), with the file's index.
    std::vector<std::pair<std::size_t, Diagnostic>> problems;
};

/// Splits every text into its documents (no parsing).
SplitResult splitDocuments(const std::vector<std::string_view> &texts);

/// Where a Namespace object is: its file (index into texts), and its position there.
struct NamespacePlace
{
    std::size_t file = 0;
    std::uint32_t line = 1, column = 1, offset = 0, endOffset = 0;
};
using NamespacePlaces = std::map<std::string, NamespacePlace>;

/// The labels of every Namespace object in the jobs (a later definition wins), and where
/// that definition is when places is given. Only documents that mention "Namespace" can
/// declare one, so only they are parsed: admission can read every namespace before it
/// judges any workload.
NamespaceLabels declaredNamespaces(const std::vector<std::string_view> &texts,
                                   const std::vector<DocumentJob> &jobs,
                                   NamespacePlaces *places = nullptr);

/// The facts rules about other objects read (ServiceAccounts, NetworkPolicies, quotas,
/// limit ranges, Namespace objects), from the documents that may declare them (only those
/// are parsed). names[f] is file f's display name, fromCluster[f] whether it is a page of a
/// cluster read (may be empty: all files).
WorkspaceFacts collectFacts(const std::vector<std::string_view> &texts,
                            const std::vector<DocumentJob> &jobs,
                            const std::vector<std::string> &names,
                            const std::vector<bool> &fromCluster,
                            const std::string &defaultNamespace);

/// Worker threads for threads (0: one per core, at most 16).
int workerCount(int threads = 0);

/// Runs body(i) for every i in [0, n) on up to threads workers of a QThreadPool (the caller's
/// thread is one of them); stops taking new items once cancel becomes true.
void parallelFor(std::size_t n, const std::function<void(std::size_t)> &body,
                 const std::atomic<bool> *cancel = nullptr, int threads = 0);

/// Computes produce(i) for every i in [0, n) on worker threads and hands each result to
/// consume(i, result) on the caller's thread in index order, with at most window results
/// computed ahead of the consumer (bounded memory for streamed reports).
template <typename Result>
void orderedParallel(std::size_t n, const std::function<Result(std::size_t)> &produce,
                     const std::function<void(std::size_t, Result &&)> &consume, int threads = 0,
                     std::size_t window = 512)
{
    std::vector<std::optional<Result>> results(n);
    std::mutex mutex;
    std::condition_variable readyCv, spaceCv;
    std::size_t next = 0, consumed = 0;
    auto worker = [&] {
        for (;;) {
            std::unique_lock lock(mutex);
            spaceCv.wait(lock, [&] { return next >= n || next < consumed + window; });
            if (next >= n)
                return;
            const std::size_t i = next++;
            lock.unlock();
            Result r = produce(i);
            lock.lock();
            results[i] = std::move(r);
            readyCv.notify_all();
        }
    };
    QThreadPool pool;
    const int workers = workerCount(threads);
    pool.setMaxThreadCount(workers);
    for (int t = 0; t < workers; ++t)
        pool.start(worker);
    for (std::size_t i = 0; i < n; ++i) {
        Result r;
        {
            std::unique_lock lock(mutex);
            readyCv.wait(lock, [&] { return results[i].has_value(); });
            r = std::move(*results[i]);
            results[i].reset();
            consumed = i + 1;
        }
        spaceCv.notify_all();
        consume(i, std::move(r));
    }
    pool.waitForDone();
}

} // namespace PodSec::Engine
