// SPDX-License-Identifier: Apache-2.0
// Window benchmark: a workspace of N workloads (default 10,000) opened in the real main
// window (offscreen): time until the tree is filled, model update time, filter keystroke
// times, scrolling, and peak memory. Numbers are printed, never asserted.
//
//   QT_QPA_PLATFORM=offscreen podsec_ui_bench [--workloads 10000]
#include "corpusgenerator.h"

#include "engine/rolloutplan.h"
#include "engine/whatifpods.h"
#include "engine/workspacesummary.h"
#include "models/viewsnapshot.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "reports/humanreports.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    int workloads = 10000;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--workloads") && i + 1 < args.size() &&
            args[i + 1].toInt() > 0) {
            workloads = args[++i].toInt();
            continue;
        }
        const bool help = args[i] == QLatin1String("--help") || args[i] == QLatin1String("-h");
        std::fprintf(help ? stdout : stderr,
                     "usage: podsec_ui_bench [--workloads N]\n"
                     "Opens N generated workloads (default 10000) in one file in the main window\n"
                     "(offscreen unless QT_QPA_PLATFORM says otherwise) and prints the time of\n"
                     "each step and the peak RSS. Nothing is asserted.\n");
        return help ? 0 : 2;
    }
    QTemporaryDir dir;
    const std::string corpus = PodSec::Bench::namespaces() + PodSec::Bench::generate(workloads, 7);
    QFile f(dir.filePath(QStringLiteral("workloads.yaml")));
    if (!f.open(QIODevice::WriteOnly))
        return 2;
    f.write(corpus.data(), qint64(corpus.size()));
    f.close();
    std::printf("workspace: %d workloads, %.1f MB in one file\n", workloads,
                double(corpus.size()) / 1e6);

    PodSec::Ui::MainWindow window;
    window.show();
    QSignalSpy applied(&window, &PodSec::Ui::MainWindow::snapshotApplied);
    QElapsedTimer timer;
    timer.start();
    window.openPaths({dir.path()});
    const qint64 openReturned = timer.elapsed();
    if (!applied.wait(120000)) {
        std::printf("no snapshot within 120 s\n");
        return 1;
    }
    const qint64 filled = timer.elapsed();
    QApplication::processEvents();
    const qint64 painted = timer.elapsed();
    std::printf("open: GUI thread blocked %lld ms (reading files); tree filled after %lld ms; "
                "first paint done after %lld ms\n",
                openReturned, filled, painted);

    // Re-evaluation at another version: an in-place model update.
    timer.restart();
    window.versionCombo()->setCurrentIndex(
        window.versionCombo()->findData(QStringLiteral("v1.25")));
    applied.wait(120000);
    std::printf("re-evaluate at v1.25 and update the tree in place: %lld ms\n", timer.elapsed());

    // Filter keystrokes: type a workload name letter by letter, then clear.
    std::vector<double> keystrokes;
    QString typed;
    for (QChar c : QStringLiteral("workload-4242")) {
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
    std::printf("filter keystrokes (%zu): median %.1f ms, max %.1f ms (first keystroke %.1f ms, "
                "clear %.1f ms)\n",
                sorted.size(), sorted[sorted.size() / 2], sorted.back(), keystrokes.front(),
                keystrokes.back());

    // Sorting by clicking a header: a badge column (worst first), the name, the kind.
    auto timeSorts = [&window](const char *state) {
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
    };
    timeSorts("namespaces collapsed");

    // Scrolling: expand everything and page through the tree.
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

    timeSorts("every row expanded once");
    std::printf("peak RSS (window with the workspace open): %ld MB\n", peakRssKb() / 1024);

    {
        // The pieces on their own: evaluation (all cores), then the model.
        QElapsedTimer t;
        t.start();
        auto snapshot = PodSec::buildSnapshot({{"workloads.yaml", corpus}}, {});
        const qint64 built = t.elapsed();
        t.restart();
        const auto view = PodSec::Ui::ViewSnapshot::derive(
            std::make_shared<const PodSec::WorkspaceSnapshot>(std::move(*snapshot)));
        const qint64 indexed = t.elapsed();
        t.restart();
        const auto reindexed = PodSec::Ui::ViewSnapshot::derive(view.snapshot, &view);
        const qint64 reusedMs = t.elapsed();
        t.restart();
        PodSec::Ui::WorkloadTreeModel model;
        model.setSnapshot(view);
        const qint64 first = t.elapsed();
        PodSec::SnapshotOptions v125;
        v125.version = PodSec::Policy::Version::v1(25);
        auto other = PodSec::Ui::ViewSnapshot::derive(
            std::make_shared<const PodSec::WorkspaceSnapshot>(
                std::move(*PodSec::buildSnapshot({{"workloads.yaml", corpus}}, v125))),
            &view);
        t.restart();
        model.setSnapshot(std::move(other));
        const qint64 bare = t.elapsed();
        PodSec::Ui::WorkloadFilterProxyModel filter;
        filter.setSourceModel(&model);
        auto again =
            PodSec::Ui::ViewSnapshot::derive(std::make_shared<const PodSec::WorkspaceSnapshot>(
                std::move(*PodSec::buildSnapshot({{"workloads.yaml", corpus}}, {}))));
        t.restart();
        model.setSnapshot(std::move(again));
        const qint64 back = t.elapsed();
        // The overview's and the reports' numbers, a report, and the rollout plan.
        t.restart();
        const auto summary = PodSec::Engine::summarize(*reindexed.snapshot);
        const qint64 summarized = t.elapsed();
        t.restart();
        const std::string html = PodSec::Report::htmlReport(*reindexed.snapshot, summary, {});
        const qint64 reported = t.elapsed();
        t.restart();
        const auto plan = PodSec::Engine::planRollout(*reindexed.snapshot, {});
        std::printf("summarize %lld ms; HTML report %lld ms, %.2f MB; rollout plan of %zu "
                    "namespaces %lld ms\n",
                    summarized, reported, double(html.size()) / 1e6, plan.namespaces.size(),
                    t.elapsed());
        std::printf(
            "pieces: buildSnapshot %lld ms, search index %lld ms (%lld ms reusing %zu of %zu), "
            "model setSnapshot %lld ms; in-place update to v1.25: %lld ms bare, back to latest "
            "through the filter proxy %lld ms\n",
            built, indexed, reusedMs, reindexed.search->reusedCount(),
            reindexed.search->workloadCount(), first, bare, back);
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
            for (const auto &c : w.containers) {
                for (const auto &f : c.fields)
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
        std::vector<std::pair<std::string, std::string>> pages(20);
        std::size_t from = 0;
        for (std::size_t p = 0; p < pages.size(); ++p) {
            std::size_t to = p + 1 == pages.size()
                                 ? corpus.size()
                                 : corpus.find("\n---\n", (p + 1) * corpus.size() / pages.size());
            if (to == std::string::npos)
                to = corpus.size();
            else if (p + 1 < pages.size())
                to += 1;
            pages[p] = {"cluster:page#" + std::to_string(p + 1), corpus.substr(from, to - from)};
            from = to;
        }
        PodSec::Ui::Workspace streamed;
        QSignalSpy ready(&streamed, &PodSec::Ui::Workspace::snapshotReady);
        QElapsedTimer t;
        t.start();
        qint64 first = -1;
        int snapshots = 0;
        QObject::connect(&streamed, &PodSec::Ui::Workspace::snapshotReady, &streamed,
                         [&](const PodSec::Ui::ViewSnapshot &s) {
                             if (first < 0 && !s.snapshot->workloads.empty())
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
