// SPDX-License-Identifier: Apache-2.0
// Window benchmark: a workspace of N workloads (default 10,000) in one file, or a cluster
// (--kubeconfig), opened in the real main window (offscreen). Prints the time of each phase
// (read, parse, evaluate, tree filled, version switch, filter keystrokes) and the peak RSS
// after each, then (unless --phases-only) sorting, scrolling and the pieces on their own.
// --sizes runs one child process per size (a clean peak RSS each) and prints a table.
// Numbers are printed, never asserted.
//
//   QT_QPA_PLATFORM=offscreen podsec_ui_bench [--workloads N | --sizes 1000,10000,50000]
//                                             [--kubeconfig FILE] [--phases-only]
#include "corpusgenerator.h"

#include "engine/factscache.h"
#include "engine/pipeline.h"
#include "engine/rolloutplan.h"
#include "engine/whatifpods.h"
#include "engine/workspacesummary.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "qnetworktransport.h"
#include "reports/humanreports.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

long procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLong();
    }
    return 0;
}

long peakRssKb()
{
    return procStatusKb("VmHWM:");
}

/// Starts the peak RSS afresh (Linux: clear_refs "5" resets VmHWM to the current RSS), so
/// that the bench's own generated text does not count as the window's.
void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

/// The phases of one run, printed as one "phases:" line of key=value pairs that --sizes
/// reads back from its children.
class Phases
{
public:
    void set(const std::string &key, double value) { m_values.emplace_back(key, value); }
    void time(const std::string &key, qint64 ms)
    {
        set(key + "_ms", double(ms));
        set(key + "_rss_mb", double(peakRssKb()) / 1024.0);
        // What is resident and what the heap holds in use at that moment, next to the peak.
        set(key + "_now_rss_mb", double(procStatusKb("VmRSS:")) / 1024.0);
        const struct mallinfo2 heap = mallinfo2();
        set(key + "_heap_mb", double(heap.uordblks + heap.hblkhd) / (1024.0 * 1024.0));
    }
    void print() const
    {
        std::printf("phases:");
        for (const auto &[k, v] : m_values)
            std::printf(" %s=%.1f", k.c_str(), v);
        std::printf("\n");
        std::fflush(stdout);
    }

private:
    std::vector<std::pair<std::string, double>> m_values;
};

/// Types text into the filter letter by letter, then clears it: every keystroke's time.
void typeFilter(PodSec::Ui::MainWindow &window, const QString &text, Phases &phases)
{
    std::vector<double> keystrokes;
    QString typed;
    for (QChar c : text) {
        typed += c;
        QElapsedTimer k;
        k.start();
        window.filterEdit()->setText(typed);
        QApplication::processEvents();
        keystrokes.push_back(double(k.nsecsElapsed()) / 1e6);
    }
    QElapsedTimer k;
    k.start();
    window.filterEdit()->clear();
    QApplication::processEvents();
    keystrokes.push_back(double(k.nsecsElapsed()) / 1e6);
    std::vector<double> sorted = keystrokes;
    std::sort(sorted.begin(), sorted.end());
    std::printf("filter keystrokes (%zu, \"%s\"): median %.1f ms, max %.1f ms (first keystroke "
                "%.1f ms, clear %.1f ms)\n",
                sorted.size(), qPrintable(text), sorted[sorted.size() / 2], sorted.back(),
                keystrokes.front(), keystrokes.back());
    phases.set("filter_median_ms", sorted[sorted.size() / 2]);
    phases.set("filter_max_ms", sorted.back());
    phases.set("filter_rss_mb", double(peakRssKb()) / 1024.0);
}

/// Re-evaluation at another version: an in-place model update.
void switchVersion(PodSec::Ui::MainWindow &window, QSignalSpy &applied, Phases &phases)
{
    QElapsedTimer timer;
    timer.start();
    window.versionCombo()->setCurrentIndex(
        window.versionCombo()->findData(QStringLiteral("v1.25")));
    applied.wait(600000);
    while (window.workspace()->isBusy())
        applied.wait(600000);
    const qint64 ms = timer.elapsed();
    phases.time("switch", ms);
    std::printf("re-evaluate at v1.25 and update the tree in place: %lld ms (peak RSS %ld MB)\n",
                ms, peakRssKb() / 1024);
}

/// Sorting by clicking a header: a badge column (worst first), the name, the kind.
void timeSorts(PodSec::Ui::MainWindow &window, const char *state)
{
    for (const auto &[column, name] :
         {std::pair{int(PodSec::Ui::WorkloadTreeModel::RestrictedColumn), "Restricted"},
          std::pair{int(PodSec::Ui::WorkloadTreeModel::EnforceColumn), "Enforce"},
          std::pair{int(PodSec::Ui::WorkloadTreeModel::NameColumn), "Name"},
          std::pair{int(PodSec::Ui::WorkloadTreeModel::KindColumn), "Kind"}}) {
        QElapsedTimer s;
        s.start();
        window.treeView()->sortByColumn(column, Qt::AscendingOrder);
        QApplication::processEvents();
        std::printf("sort by %s (%s): %.1f ms\n", name, state, double(s.nsecsElapsed()) / 1e6);
    }
}

/// Sorting, then scrolling through the expanded tree, then sorting again.
void sortAndScroll(PodSec::Ui::MainWindow &window)
{
    timeSorts(window, "namespaces collapsed");
    window.treeView()->expandAll();
    QApplication::processEvents();
    QScrollBar *bar = window.treeView()->verticalScrollBar();
    std::vector<double> pages;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer p;
        p.start();
        bar->setValue(bar->value() + bar->pageStep());
        window.treeView()->viewport()->repaint();
        pages.push_back(double(p.nsecsElapsed()) / 1e6);
    }
    std::sort(pages.begin(), pages.end());
    std::printf("scrolling (%d rows expanded): page down + repaint median %.1f ms, max %.1f ms\n",
                bar->maximum(), pages[pages.size() / 2], pages.back());
    timeSorts(window, "every row expanded once");
}

/// Parsing alone (every document's node tree, all cores, nothing kept), and parsing with
/// evaluation (buildSnapshot): what the window's background evaluation does.
void parseAndEvaluate(const std::string &corpus, Phases &phases)
{
    QElapsedTimer t;
    t.start();
    const std::vector<std::string_view> texts{corpus};
    const auto split = PodSec::Engine::splitDocuments(texts);
    PodSec::Engine::parallelFor(split.jobs.size(), [&](std::size_t i) {
        const auto &job = split.jobs[i];
        (void)PodSec::Yaml::SourceFile::parseChunk(corpus, job.chunk, job.index);
    });
    const qint64 parsed = t.elapsed();
    t.restart();
    const auto snapshot = PodSec::buildSnapshot({{"workloads.yaml", corpus}}, {});
    const qint64 built = t.elapsed();
    phases.set("parse_ms", double(parsed));
    phases.set("build_ms", double(built));
    std::printf("parse alone (%zu documents, all cores): %lld ms; parse + evaluate "
                "(buildSnapshot): %lld ms, so evaluate ~%lld ms\n",
                split.jobs.size(), parsed, built, built - parsed);
}

/// --no-cache: the window without the re-open cache (no record written, no second open).
bool g_cache = true;
/// --open-only: stop once the tree is filled (a heap profiler's peak is then the open's);
/// --switch-only: once the version switch is done. Both leave without freeing anything, so
/// that a heap profiler's "leaked" is what the window held at that moment.
bool g_openOnly = false;
bool g_switchOnly = false;

/// Opens the workspace again in a new window sharing cache, once the first window's records
/// are written: the time until its tree is filled (issue #19 item 4: within 1 s at 10k).
void reopen(const QString &path, const std::shared_ptr<const PodSec::Engine::FactsCache> &cache,
            Phases &phases)
{
    QElapsedTimer wait;
    wait.start();
    while (cache->stored() == 0 && wait.elapsed() < 600000)
        QTest::qWait(20);
    const qint64 stored = wait.elapsed();
    PodSec::Ui::MainWindow again;
    again.workspace()->setFactsCache(cache);
    again.show();
    QSignalSpy applied(&again, &PodSec::Ui::MainWindow::snapshotApplied);
    QElapsedTimer timer;
    timer.start();
    again.openPaths({path});
    if (!applied.wait(600000)) {
        std::printf("reopen: no snapshot within 600 s\n");
        return;
    }
    const qint64 filled = timer.elapsed();
    phases.time("reopen", filled);
    std::printf("second open (re-open cache: %d record(s) written, %d used; the first waited "
                "for %lld ms more): tree filled after %lld ms (peak RSS %ld MB)\n",
                cache->stored(), cache->hits(), stored, filled, peakRssKb() / 1024);
}

int runFile(int workloads, bool phasesOnly, const QString &open, bool windowOnly)
{
    Phases phases;
    QTemporaryDir dir;
    std::string corpus;
    QString path = dir.path();
    if (open.isEmpty()) {
        corpus = PodSec::Bench::namespaces() + PodSec::Bench::generate(workloads, 7);
        QFile f(dir.filePath(QStringLiteral("workloads.yaml")));
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        f.write(corpus.data(), qint64(corpus.size()));
        f.close();
        std::printf("workspace: %d workloads, %.1f MB in one file\n", workloads,
                    double(corpus.size()) / 1e6);
    } else {
        // A manifest of one's own (a CRD-heavy rendering, say): one file.
        QFile f(open);
        if (!f.open(QIODevice::ReadOnly))
            return 2;
        corpus = f.readAll().toStdString();
        path = open;
        workloads = 0;
        std::printf("workspace: %s, %.1f MB\n", qPrintable(open), double(corpus.size()) / 1e6);
    }
    phases.set("workloads", workloads);
    phases.set("mb", double(corpus.size()) / 1e6);
    // The window reads the file; the bench's copy of the text is read back after its phases.
    const QString corpusPath =
        open.isEmpty() ? dir.filePath(QStringLiteral("workloads.yaml")) : open;
    std::string().swap(corpus);
    malloc_trim(0);
    resetPeakRss();
    phases.set("start_rss_mb", double(peakRssKb()) / 1024.0);

    PodSec::Ui::MainWindow window;
    QTemporaryDir cacheDir;
    const auto cache =
        g_cache ? std::make_shared<const PodSec::Engine::FactsCache>(cacheDir.path().toStdString())
                : nullptr;
    window.workspace()->setFactsCache(cache); // as the application does, on an empty cache
    window.show();
    QSignalSpy applied(&window, &PodSec::Ui::MainWindow::snapshotApplied);
    QElapsedTimer timer;
    timer.start();
    window.openPaths({path});
    const qint64 openReturned = timer.elapsed();
    phases.time("read", openReturned);
    if (!applied.wait(600000)) {
        std::printf("no snapshot within 600 s\n");
        return 1;
    }
    const qint64 filled = timer.elapsed();
    phases.time("filled", filled);
    QApplication::processEvents();
    const qint64 painted = timer.elapsed();
    std::printf("open: GUI thread blocked %lld ms (reading files); tree filled after %lld ms; "
                "first paint done after %lld ms (peak RSS %ld MB)\n",
                openReturned, filled, painted, peakRssKb() / 1024);

    if (g_openOnly) {
        phases.print();
        dir.remove(); // the generated file; nothing else is freed
        std::_Exit(0);
    }
    switchVersion(window, applied, phases);
    if (g_switchOnly) {
        phases.print();
        dir.remove(); // the generated file; nothing else is freed
        std::_Exit(0);
    }
    typeFilter(window, QStringLiteral("workload-4242"), phases);
    if (!phasesOnly)
        sortAndScroll(window);
    const long windowPeak = peakRssKb();
    std::printf("peak RSS (window with the workspace open): %ld MB\n", windowPeak / 1024);
    phases.set("rss_mb", double(windowPeak) / 1024.0);
    if (cache)
        reopen(path, cache, phases);
    // After the window's peak is taken: these build more copies of their own (not with
    // --window-only, so that a heap profiler's peak is the window's).
    {
        QFile f(corpusPath);
        if (!f.open(QIODevice::ReadOnly))
            return 2;
        corpus = f.readAll().toStdString();
    }
    if (!windowOnly)
        parseAndEvaluate(corpus, phases);
    phases.print();
    if (phasesOnly)
        return 0;

    {
        // The pieces on their own: evaluation (all cores), then the model.
        QElapsedTimer t;
        t.start();
        auto snapshot = PodSec::buildSnapshot({{"workloads.yaml", corpus}}, {});
        const qint64 built = t.elapsed();
        const auto shared = std::make_shared<const PodSec::WorkspaceSnapshot>(std::move(*snapshot));
        t.restart();
        PodSec::Ui::WorkloadTreeModel model;
        model.setSnapshot(shared);
        const qint64 first = t.elapsed();
        PodSec::SnapshotOptions v125;
        v125.version = PodSec::Policy::Version::v1(25);
        auto other = std::make_shared<const PodSec::WorkspaceSnapshot>(
            std::move(*PodSec::buildSnapshot({{"workloads.yaml", corpus}}, v125)));
        t.restart();
        model.setSnapshot(std::move(other));
        const qint64 bare = t.elapsed();
        PodSec::Ui::WorkloadFilterProxyModel filter;
        filter.setSourceModel(&model);
        auto again = std::make_shared<const PodSec::WorkspaceSnapshot>(
            std::move(*PodSec::buildSnapshot({{"workloads.yaml", corpus}}, {})));
        t.restart();
        model.setSnapshot(std::move(again));
        const qint64 back = t.elapsed();
        // The overview's and the reports' numbers, a report, and the rollout plan.
        t.restart();
        const auto summary = PodSec::Engine::summarize(*shared);
        const qint64 summarized = t.elapsed();
        t.restart();
        const std::string html = PodSec::Report::htmlReport(*shared, summary, {});
        const qint64 reported = t.elapsed();
        t.restart();
        const auto plan = PodSec::Engine::planRollout(*shared, {});
        std::printf("summarize %lld ms; HTML report %lld ms, %.2f MB; rollout plan of %zu "
                    "namespaces %lld ms\n",
                    summarized, reported, double(html.size()) / 1e6, plan.namespaces.size(),
                    t.elapsed());
        std::printf("pieces: buildSnapshot %lld ms, model setSnapshot %lld ms; update to v1.25: "
                    "%lld ms bare, back to latest through the filter proxy %lld ms\n",
                    built, first, bare, back);
    }

    {
        // The editor's light bulbs: fixes planned with the evaluation (off the GUI thread).
        const std::string small =
            PodSec::Bench::namespaces() + PodSec::Bench::generate(std::min(workloads, 1000), 7);
        PodSec::SnapshotOptions plan;
        plan.planFixes = true;
        plan.maxFixPlanBytes = small.size();
        QElapsedTimer t;
        t.start();
        auto without = PodSec::buildSnapshot({{"small.yaml", small}}, {});
        const qint64 bare = t.elapsed();
        t.restart();
        auto with = PodSec::buildSnapshot({{"small.yaml", small}}, plan);
        std::size_t fixable = 0;
        for (const auto &w : with->workloads) {
            for (const auto &f : w.podFields)
                fixable += f.fixable;
            for (const auto &fields : w.containerFields) {
                for (const auto &f : fields)
                    fixable += f.fixable;
            }
        }
        std::printf("fix planning in the snapshot (%zu workloads, %.1f MB): %lld ms without, "
                    "%lld ms with (%zu fixable fields)\n",
                    without->workloads.size(), double(small.size()) / 1e6, bare, t.elapsed(),
                    fixable);
    }

    {
        // A cluster read page by page: the same workloads as 20 read-only pages appended one
        // at a time (each page evaluated as it arrives, earlier ones reused) against all at
        // once.
        std::vector<PodSec::NamedText> pages(20);
        std::size_t from = 0;
        for (std::size_t p = 0; p < pages.size(); ++p) {
            std::size_t to = p + 1 == pages.size()
                                 ? corpus.size()
                                 : corpus.find("\n---\n", (p + 1) * corpus.size() / pages.size());
            if (to == std::string::npos)
                to = corpus.size();
            else if (p + 1 < pages.size())
                to += 1;
            pages[p] = {"cluster:page#" + std::to_string(p + 1),
                        std::make_shared<const std::string>(corpus.substr(from, to - from))};
            from = to;
        }
        PodSec::Ui::Workspace streamed;
        QSignalSpy ready(&streamed, &PodSec::Ui::Workspace::snapshotReady);
        QElapsedTimer t;
        t.start();
        qint64 first = -1;
        int snapshots = 0;
        QObject::connect(&streamed, &PodSec::Ui::Workspace::snapshotReady, &streamed,
                         [&](const std::shared_ptr<const PodSec::WorkspaceSnapshot> &s) {
                             if (first < 0 && !s->workloads.empty())
                                 first = t.elapsed();
                             ++snapshots;
                         });
        streamed.openTexts({});
        for (const auto &page : pages) {
            streamed.appendTexts({page});
            QApplication::processEvents();
        }
        while (streamed.isBusy())
            ready.wait(120000);
        const qint64 streamedMs = t.elapsed();
        PodSec::Ui::Workspace whole;
        QSignalSpy wholeReady(&whole, &PodSec::Ui::Workspace::snapshotReady);
        t.restart();
        whole.openTexts(pages);
        wholeReady.wait(120000);
        std::printf("cluster pages (20 pages appended one by one): first rows after %lld ms, "
                    "all evaluated after %lld ms in %d snapshots; all 20 at once: %lld ms\n",
                    first, streamedMs, snapshots, t.elapsed());
    }

    {
        // The namespace what-if over the API server's 3000-pod limit: every pod parsed and
        // evaluated at the new enforce level, then the warnings. kube-apiserver stops after a
        // one-second budget; this is how far from it the offline what-if is.
        std::string pods = R"({"kind":"PodList","apiVersion":"v1","items":[)";
        for (int i = 0; i < 3200; ++i) {
            if (i)
                pods += ',';
            const char *context = i % 3 == 0   ? R"({"privileged":true})"
                                  : i % 3 == 1 ? R"({"runAsUser":0})"
                                               : R"({"allowPrivilegeEscalation":false})";
            pods += R"({"metadata":{"name":"pod-)" + std::to_string(i) +
                    R"(","namespace":"shop","ownerReferences":[{"kind":"ReplicaSet","name":"rs-)" +
                    std::to_string(i % 40) + R"(","uid":"u)" + std::to_string(i % 40) +
                    R"(","controller":true}]},"spec":{"containers":[{"name":"c","image":"i",)"
                    R"("securityContext":)" +
                    context + "}]}}";
        }
        pods += "]}";
        const PodSec::Policy::LevelVersion restricted{PodSec::Policy::Level::Restricted,
                                                      PodSec::Policy::Version::latest()};
        QElapsedTimer t;
        t.start();
        const auto existing =
            PodSec::Engine::podsInTexts({pods}, "shop", "default", restricted, {});
        const qint64 evaluated = t.elapsed();
        const auto warnings = PodSec::Admission::existingPodWarnings("shop", restricted, existing);
        std::printf("namespace what-if: %zu pods read and evaluated in %lld ms, %zu warnings in "
                    "%lld ms in all (kube-apiserver's budget: 1000 ms)\n",
                    existing.size(), evaluated, warnings.size(), t.elapsed());
    }
    return 0;
}

int runCluster(const QString &kubeconfig, bool phasesOnly, const QString &filter)
{
    Phases phases;
    PodSec::Ui::MainWindow window;
    window.setTransportFactory([](const PodSec::Cluster::Selection &selection, std::string &error) {
        return std::unique_ptr<PodSec::Cluster::Transport>(
            std::make_unique<PodSec::Net::QNetworkTransport>(selection, error));
    });
    window.show();
    QSignalSpy applied(&window, &PodSec::Ui::MainWindow::snapshotApplied);
    QSignalSpy ended(&window, &PodSec::Ui::MainWindow::clusterReadEnded);
    QElapsedTimer timer;
    timer.start();
    window.connectToCluster(kubeconfig, QString());
    if (!ended.wait(600000)) {
        std::printf("the cluster read did not end within 600 s\n");
        return 1;
    }
    const qint64 listed = timer.elapsed();
    phases.time("list", listed);
    // The last pages may still be being evaluated.
    while (window.workspace()->isBusy())
        applied.wait(600000);
    QApplication::processEvents();
    const qint64 filled = timer.elapsed();
    phases.time("filled", filled);
    {
        // Not held past here: the switch below would keep this snapshot alive beside the new
        // one for the rest of the run (the window itself frees it once the new one is shown).
        const auto snapshot = window.treeModel()->snapshot();
        const std::size_t workloads = snapshot ? snapshot->workloads.size() : 0;
        std::size_t bytes = 0;
        for (std::size_t i = 0; snapshot && i < snapshot->files.size(); ++i)
            bytes += snapshot->files[i].text().size();
        phases.set("workloads", double(workloads));
        phases.set("mb", double(bytes) / 1e6);
        std::printf("cluster: %zu workloads in %zu pages, %.1f MB of YAML; every page listed "
                    "after %lld ms; tree filled (last page evaluated) after %lld ms (peak RSS %ld "
                    "MB)\n",
                    workloads, snapshot ? snapshot->files.size() : 0, double(bytes) / 1e6, listed,
                    filled, peakRssKb() / 1024);
    }
    switchVersion(window, applied, phases);
    if (g_switchOnly) {
        phases.print();
        std::_Exit(0);
    }
    typeFilter(window, filter, phases);
    if (!phasesOnly)
        sortAndScroll(window);
    std::printf("peak RSS (window with the cluster open): %ld MB\n", peakRssKb() / 1024);
    phases.set("rss_mb", double(peakRssKb()) / 1024.0);
    phases.print();
    return 0;
}

/// One child process per size (each with its own peak RSS), then one table.
int runSizes(const std::vector<int> &sizes, bool extras)
{
    std::vector<std::map<std::string, double>> rows;
    for (int size : sizes) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args{QStringLiteral("--workloads"), QString::number(size)};
        if (!extras)
            args << QStringLiteral("--phases-only");
        if (!g_cache)
            args << QStringLiteral("--no-cache");
        child.start(QCoreApplication::applicationFilePath(), args);
        child.waitForFinished(-1);
        std::map<std::string, double> row;
        for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
            std::printf("  [%d] %s\n", size, line.constData());
            if (!line.startsWith("phases:"))
                continue;
            for (const QByteArray &pair : line.mid(7).trimmed().split(' ')) {
                const int eq = pair.indexOf('=');
                if (eq > 0)
                    row[pair.left(eq).toStdString()] = pair.mid(eq + 1).toDouble();
            }
        }
        std::fflush(stdout);
        rows.push_back(std::move(row));
    }
    std::printf("\n| workloads | MB | read | tree filled | (parse alone | parse+evaluate) | "
                "version switch | filter key median / max | peak RSS: filled / switch / end | "
                "second open |\n"
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (auto &r : rows) {
        std::printf("| %.0f | %.1f | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | "
                    "%.1f / %.1f ms | %.0f / %.0f / %.0f MB | %.0f ms |\n",
                    r["workloads"], r["mb"], r["read_ms"], r["filled_ms"], r["parse_ms"],
                    r["build_ms"], r["switch_ms"], r["filter_median_ms"], r["filter_max_ms"],
                    r["filled_rss_mb"], r["switch_rss_mb"], r["rss_mb"], r["reopen_ms"]);
    }
    return 0;
}

std::vector<int> parseSizes(const QString &list)
{
    std::vector<int> sizes;
    for (const QString &part : list.split(QLatin1Char(','))) {
        const int n = part.trimmed().toInt();
        if (n <= 0)
            return {};
        sizes.push_back(n);
    }
    return sizes;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    int workloads = 10000;
    std::vector<int> sizes;
    QString kubeconfig;
    QString filter = QStringLiteral("checkout");
    QString open;
    bool phasesOnly = false;
    bool windowOnly = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == QLatin1String("--workloads") && hasValue && args[i + 1].toInt() > 0) {
            workloads = args[++i].toInt();
            continue;
        }
        if (args[i] == QLatin1String("--sizes") && hasValue && !parseSizes(args[i + 1]).empty()) {
            sizes = parseSizes(args[++i]);
            continue;
        }
        if (args[i] == QLatin1String("--kubeconfig") && hasValue) {
            kubeconfig = args[++i];
            continue;
        }
        if (args[i] == QLatin1String("--open") && hasValue) {
            open = args[++i];
            continue;
        }
        if (args[i] == QLatin1String("--filter") && hasValue) {
            filter = args[++i];
            continue;
        }
        if (args[i] == QLatin1String("--phases-only")) {
            phasesOnly = true;
            continue;
        }
        if (args[i] == QLatin1String("--open-only")) {
            g_openOnly = phasesOnly = windowOnly = true;
            g_cache = false;
            continue;
        }
        if (args[i] == QLatin1String("--switch-only")) {
            g_switchOnly = phasesOnly = windowOnly = true;
            g_cache = false;
            continue;
        }
        if (args[i] == QLatin1String("--no-cache")) {
            g_cache = false;
            continue;
        }
        if (args[i] == QLatin1String("--window-only")) {
            phasesOnly = windowOnly = true;
            continue;
        }
        const bool help = args[i] == QLatin1String("--help") || args[i] == QLatin1String("-h");
        std::fprintf(
            help ? stdout : stderr,
            "usage: podsec_ui_bench [--workloads N | --sizes N,N,... | --open FILE] "
            "[--phases-only | --window-only | --open-only | --switch-only] [--no-cache]\n"
            "       podsec_ui_bench --kubeconfig FILE [--filter TEXT] [--phases-only]\n"
            "Opens N generated workloads (default 10000) in one file in the main window\n"
            "(offscreen unless QT_QPA_PLATFORM says otherwise) and prints the time and peak\n"
            "RSS of each phase: read, tree filled, version switch (v1.25), filter keystrokes;\n"
            "then parsing alone and parsing with evaluation, and a 'phases:' line of them all.\n"
            "Without --phases-only: sorting, scrolling and the pieces on their own too.\n"
            "--sizes runs one child process per size (a clean peak RSS each) and prints a\n"
            "table (Markdown). --kubeconfig reads that cluster's current context instead of\n"
            "a file (bench/cluster-bench.sh starts a test server) and types TEXT (default\n"
            "\"checkout\") into the filter. --open FILE opens that file instead of generated\n"
            "workloads. --window-only is --phases-only without parsing and evaluating on\n"
            "their own (for heap profilers: the whole run's peak is then the window's).\n"
            "The window has a re-open cache in a temporary folder, as the application has\n"
            "in the user's: once its phases are measured, a second window opens the same\n"
            "file from the records the first wrote (reopen). --no-cache: neither.\n"
            "--open-only stops once the tree is filled, without the cache (for heap\n"
            "profilers: the peak is then the first open's); --switch-only after the version\n"
            "switch. Both exit without freeing: a heap profiler's leaks are then what the\n"
            "window held at that moment.\n"
            "Nothing is asserted.\n");
        return help ? 0 : 2;
    }
    if (!sizes.empty())
        return runSizes(sizes, !phasesOnly);
    if (!kubeconfig.isEmpty())
        return runCluster(kubeconfig, phasesOnly, filter);
    return runFile(workloads, phasesOnly, open, windowOnly);
}
