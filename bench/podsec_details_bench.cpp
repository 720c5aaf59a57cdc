// SPDX-License-Identifier: Apache-2.0
// Window benchmark for one small pod with many aliased containers (issue #12: a 12.7 KB pod
// whose `containers: [&c {...}, *c, *c, ...]` froze the window for over a minute). Opens it
// in the real main window (offscreen) and times each step the user takes: open (the window
// starts on the workload row), select a pod-level field row, a container row and one of its
// field rows, expand the pod's row, type in the filter, and show the editor's tooltip on the
// aliased line. Prints how much the details pane and the editor hold after each step. Numbers
// are printed, never asserted.
//
//   QT_QPA_PLATFORM=offscreen podsec_details_bench [--containers 2500]
#include "editor/codeeditor.h"
#include "models/workloadtreemodel.h"
#include "views/detailspane.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHelpEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QToolTip>
#include <QTreeView>

#include <cstdio>
#include <string>

namespace {

/// One Pod whose containers are one anchored container and count - 1 aliases of it.
std::string aliasedPod(int count)
{
    std::string yaml =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: aliased\n  namespace: "
        "default\nspec:\n  hostNetwork: true\n  containers: [&c {name: c, image: busybox, "
        "securityContext: {privileged: true, allowPrivilegeEscalation: true, "
        "runAsUser: 0, runAsNonRoot: false, seccompProfile: {type: Unconfined}, "
        "capabilities: {add: [NET_ADMIN, SYS_ADMIN]}}, ports: [{containerPort: "
        "80, hostPort: 80}]}";
    for (int i = 1; i < count; ++i)
        yaml += ", *c";
    return yaml + "]\n";
}

/// The first child of parent whose node type is type (a WorkloadTreeModel::NodeType).
QModelIndex firstChild(const QAbstractItemModel *model, const QModelIndex &parent,
                       PodSec::Ui::WorkloadTreeModel::NodeType type, int skip = 0)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(PodSec::Ui::WorkloadTreeModel::NodeTypeRole).toInt() == int(type) && skip-- == 0)
            return i;
    }
    return {};
}

void report(const char *step, qint64 ms, PodSec::Ui::MainWindow &window)
{
    const QTextDocument *details = window.detailsPane()->document();
    std::printf("%-34s %7lld ms   details: %6d blocks, %8d characters; editor: %6lld findings, "
                "%6lld underlines\n",
                step, ms, details->blockCount(), details->characterCount(),
                qlonglong(window.editor()->findings().size()),
                qlonglong(window.editor()->extraSelections().size()));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    int containers = 2500;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--containers") && i + 1 < args.size() &&
            args[i + 1].toInt() > 0) {
            containers = args[++i].toInt();
            continue;
        }
        const bool help = args[i] == QLatin1String("--help") || args[i] == QLatin1String("-h");
        std::fprintf(help ? stdout : stderr,
                     "usage: podsec_details_bench [--containers N]\n"
                     "Opens one Pod with N aliased containers (default 2500) in the main window\n"
                     "and prints the time of each step a user takes. Nothing is asserted.\n");
        return help ? 0 : 2;
    }
    QTemporaryDir dir;
    const std::string yaml = aliasedPod(containers);
    QFile f(dir.filePath(QStringLiteral("aliased.yaml")));
    if (!f.open(QIODevice::WriteOnly))
        return 2;
    f.write(yaml.data(), qint64(yaml.size()));
    f.close();
    std::printf("one Pod with %d aliased containers, %.1f KB\n", containers,
                double(yaml.size()) / 1024);

    PodSec::Ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QSignalSpy applied(&window, &PodSec::Ui::MainWindow::snapshotApplied);
    QElapsedTimer timer;
    timer.start();
    window.openPaths({f.fileName()});
    if (!applied.wait(600000)) {
        std::printf("no snapshot within 600 s\n");
        return 1;
    }
    QApplication::processEvents();
    report("open (selects the workload row)", timer.elapsed(), window);

    using NodeType = PodSec::Ui::WorkloadTreeModel::NodeType;
    QTreeView *tree = window.treeView();
    const auto *model = tree->model();
    const QModelIndex workload = model->index(0, 0, model->index(0, 0));
    const QModelIndex podField = firstChild(model, workload, NodeType::Field);
    const QModelIndex container = firstChild(model, workload, NodeType::Container, 1);
    const QModelIndex containerField = firstChild(model, container, NodeType::Field);
    struct Step
    {
        const char *name;
        QModelIndex index;
    };
    for (const Step &step :
         {Step{"select a pod-level field row", podField}, Step{"select a container row", container},
          Step{"select a container field row", containerField},
          Step{"select the workload row again", workload}}) {
        if (!step.index.isValid()) {
            std::printf("%s: no such row\n", step.name);
            continue;
        }
        timer.restart();
        tree->setCurrentIndex(step.index);
        QApplication::processEvents();
        report(step.name, timer.elapsed(), window);
    }
    // "show more" until everything is shown (each click shows ten times as much).
    for (int click = 1; window.detailsPane()->toHtml().contains(QStringLiteral("podsec:more"));
         ++click) {
        timer.restart();
        window.detailsPane()->showMore();
        QApplication::processEvents();
        report(qPrintable(QStringLiteral("show more (click %1)").arg(click)), timer.elapsed(),
               window);
    }
    tree->setCurrentIndex(workload);
    QApplication::processEvents();

    timer.restart();
    tree->expand(workload);
    tree->viewport()->repaint();
    report("expand the pod's row and paint", timer.elapsed(), window);

    // Filter keystrokes over the pod's ~30,000 rows: a word every field has, then one none
    // has, then clear.
    for (const char *word : {"securitycontext", "nothing-matches", ""}) {
        timer.restart();
        window.filterEdit()->setText(QString::fromLatin1(word));
        QApplication::processEvents();
        report(*word ? "filter" : "clear the filter", timer.elapsed(), window);
    }

    // The tooltip of the line every alias sits on.
    PodSec::Ui::CodeEditor *editor = window.editor();
    editor->goToLine(editor->blockCount() - 1, 20); // the last line holds the aliases
    const QRect cursor = editor->cursorRect();
    QHelpEvent help(QEvent::ToolTip, editor->viewport()->mapTo(editor, cursor.center()),
                    editor->mapToGlobal(cursor.center()));
    timer.restart();
    QApplication::sendEvent(editor, &help);
    report("tooltip on the aliased line", timer.elapsed(), window);
    std::printf("tooltip: %lld characters\n", qlonglong(QToolTip::text().size()));
    return 0;
}
