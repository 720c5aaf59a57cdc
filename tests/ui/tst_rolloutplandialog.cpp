// SPDX-License-Identifier: Apache-2.0
// Fix → Rollout Plan for All Namespaces (issue 17 item 4): one row per namespace with what
// the plan does, the target's dry-run warnings expandable to their pods, re-planning when
// the target changes, and a saved script and patches equal to the engine's byte for byte.
#include "podtestutil.h"
#include "uitestutil.h"

#include "engine/rolloutplan.h"
#include "models/workloadtreemodel.h"
#include "views/mainwindow.h"
#include "views/rolloutplandialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

using namespace PodSec;
using namespace PodSec::Ui;
using Col = RolloutPlanDialog::Column;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::shared_ptr<const WorkspaceSnapshot> sample()
{
    return TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()));
}

RolloutPlanDialog::Input inputOf(std::shared_ptr<const WorkspaceSnapshot> snapshot)
{
    RolloutPlanDialog::Input input;
    input.snapshot = std::move(snapshot);
    input.defaultNamespace = "default";
    return input;
}

Engine::RolloutPlan planOf(const WorkspaceSnapshot &snapshot, Policy::Level target)
{
    Engine::PlanRequest request;
    request.target = target;
    return Engine::planRollout(snapshot, request);
}

QStringList planColumn(const QTreeWidget *tree)
{
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        texts << tree->topLevelItem(i)->text(Col::PlanColumn);
    return texts;
}

/// The child of item whose Qt::UserRole says kind.
QList<QTreeWidgetItem *> childrenOfKind(const QTreeWidgetItem *item, const QString &kind)
{
    QList<QTreeWidgetItem *> found;
    for (int i = 0; i < item->childCount(); ++i) {
        if (item->child(i)->data(0, Qt::UserRole).toString() == kind)
            found << item->child(i);
    }
    return found;
}

/// The sample and the rollout plan's test data, whose Pods make the dry run warn (the
/// sample's Pods are in namespaces whose enforce does not change).
std::shared_ptr<const WorkspaceSnapshot> sampleWithPods()
{
    auto files = TestUtil::readFiles(TestUtil::sampleDir());
    for (const char *name : {"namespaces.yaml", "workloads.yaml"}) {
        const QString path = TestUtil::testDataPath(QStringLiteral("plan/") + QLatin1String(name));
        files.emplace_back("plan/" + std::string(name), readAll(path).toStdString());
    }
    return TestUtil::snapshotOf(std::move(files));
}

} // namespace

class TestRolloutPlanDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One top-level row per namespace of the snapshot, in its order, with its numbers and a
    // step text; system namespaces say they are left alone; rejected workloads are said.
    void rowPerNamespace()
    {
        const auto snapshot = sample();
        QVERIFY(snapshot);
        RolloutPlanDialog dialog(inputOf(snapshot));
        const QTreeWidget *tree = dialog.tree();
        QCOMPARE(tree->topLevelItemCount(), int(snapshot->namespaces.size()));
        QVERIFY(tree->topLevelItemCount() >= 3);
        const auto expected = planOf(*snapshot, Policy::Level::Restricted);
        QCOMPARE(dialog.plan().namespaces.size(), expected.namespaces.size());
        bool sawRejected = false, sawLabels = false;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = tree->topLevelItem(i);
            const auto &p = expected.namespaces[std::size_t(i)];
            QCOMPARE(row->text(Col::NameColumn),
                     QString::fromStdString(snapshot->namespaces[std::size_t(i)].name));
            QCOMPARE(row->text(Col::WorkloadsColumn), QString::number(p.workloads));
            QCOMPARE(row->text(Col::PodsColumn), QString::number(p.pods));
            QCOMPARE(row->text(Col::MeetsColumn), QString::fromLatin1(Policy::levelName(p.meets)));
            const QString plan = row->text(Col::PlanColumn);
            switch (p.step) {
            case Engine::PlanStep::System:
                QCOMPARE(plan, QStringLiteral("system namespace: left as it is"));
                break;
            case Engine::PlanStep::Unchanged:
                QCOMPARE(plan, QStringLiteral("nothing to change"));
                break;
            case Engine::PlanStep::Target:
                QVERIFY2(plan.contains(QLatin1String("enforce")) &&
                             plan.contains(QLatin1String("restricted")),
                         qPrintable(plan));
                sawLabels = true;
                break;
            case Engine::PlanStep::Partial:
                // enforce what it meets; warn and audit the target.
                QVERIFY2(plan.contains(QString(QLatin1String("enforce ") +
                                               QLatin1String(Policy::levelName(p.meets)))) &&
                             plan.contains(QLatin1String("warn, audit restricted")),
                         qPrintable(plan));
                sawLabels = true;
                break;
            default:
                QVERIFY2(!plan.isEmpty(), qPrintable(row->text(0)));
            }
            if (p.rejectedNow > 0) {
                sawRejected = true;
                QVERIFY2(row->text(Col::EnforcesColumn)
                             .contains(QStringLiteral("rejects %1 workload").arg(p.rejectedNow)),
                         qPrintable(row->text(Col::EnforcesColumn)));
            } else {
                QCOMPARE(row->text(Col::EnforcesColumn),
                         QString::fromStdString(p.enforceNow.toString()));
            }
            // The plan's command is a child of the row.
            const auto command = childrenOfKind(row, QStringLiteral("command"));
            QCOMPARE(command.size(), p.command.empty() ? 0 : 1);
            if (!p.command.empty())
                QVERIFY(command[0]->text(0).endsWith(QString::fromStdString(p.command)));
        }
        QVERIFY(sawLabels);
        QVERIFY(sawRejected); // the sample has workloads its enforce rejects now
        QVERIFY2(dialog.summary().startsWith(
                     QStringLiteral("%1 of %2 namespace(s) enforce restricted:latest afterwards")
                         .arg(expected.reachingTarget())
                         .arg(expected.namespaces.size())),
                 qPrintable(dialog.summary()));
    }

    // The dry run's warnings are the engine's verbatim, each expandable to its pods.
    void warningsExpandToPods()
    {
        const auto snapshot = sampleWithPods();
        QVERIFY(snapshot);
        RolloutPlanDialog dialog(inputOf(snapshot));
        const auto &plan = dialog.plan();
        int warnings = 0, podRows = 0;
        for (int i = 0; i < dialog.tree()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = dialog.tree()->topLevelItem(i);
            const auto &p = plan.namespaces[std::size_t(i)];
            const auto dryRun = childrenOfKind(row, QStringLiteral("dryRun"));
            QCOMPARE(dryRun.size(), p.targetCommand.empty() ? 0 : 1);
            if (dryRun.isEmpty())
                continue;
            QVERIFY(dryRun[0]->text(0).endsWith(QString::fromStdString(p.targetCommand)));
            const auto lines = childrenOfKind(dryRun[0], QStringLiteral("warning"));
            QCOMPARE(lines.size(), int(p.targetDryRun.warnings.size()));
            for (int w = 0; w < lines.size(); ++w) {
                const std::string &warning = p.targetDryRun.warnings[std::size_t(w)];
                QCOMPARE(lines[w]->text(0),
                         QString(QStringLiteral("Warning: ") + QString::fromStdString(warning)));
                QStringList pods, expected;
                for (int c = 0; c < lines[w]->childCount(); ++c)
                    pods << lines[w]->child(c)->text(0);
                for (const auto &g : p.targetDryRun.groups) {
                    if (g.warning == warning) {
                        for (const auto &pod : g.pods)
                            expected << QString::fromStdString(pod);
                    }
                }
                QCOMPARE(pods, expected);
                ++warnings;
                podRows += lines[w]->childCount();
            }
        }
        // The Plan column names the modes whose labels change, and only those.
        for (int i = 0; i < dialog.tree()->topLevelItemCount(); ++i) {
            const auto &p = plan.namespaces[std::size_t(i)];
            const QString text = dialog.tree()->topLevelItem(i)->text(Col::PlanColumn);
            if (p.step == Engine::PlanStep::WarnOnly)
                QVERIFY2(!text.startsWith(QLatin1String("enforce")) &&
                             text.contains(QLatin1String("warn, audit restricted")),
                         (p.name + ": " + text.toStdString()).c_str());
        }
        QVERIFY(std::any_of(plan.namespaces.begin(), plan.namespaces.end(), [](const auto &p) {
            return p.step == Engine::PlanStep::WarnOnly && p.meets == Policy::Level::Baseline;
        }));
        QVERIFY(warnings > 0); // pods fail restricted where enforce would get stricter
        QVERIFY(podRows > 0);
    }

    // Switching the target plans again: the summary, the plan and some row's text change,
    // and the saved script and patches are the engine's for the new target, byte for byte.
    void targetSwitchReplansAndSaves()
    {
        const auto snapshot = sample();
        RolloutPlanDialog dialog(inputOf(snapshot));
        const QString summaryBefore = dialog.summary();
        const QStringList before = planColumn(dialog.tree());
        auto *target = dialog.findChild<QComboBox *>();
        QVERIFY(target);
        QCOMPARE(target->currentText(), QStringLiteral("restricted"));
        target->setCurrentIndex(target->findText(QStringLiteral("baseline")));
        QCOMPARE(dialog.plan().target.level, Policy::Level::Baseline);
        QVERIFY2(dialog.summary() != summaryBefore &&
                     dialog.summary().contains(QLatin1String("baseline:latest")),
                 qPrintable(dialog.summary()));
        QVERIFY(planColumn(dialog.tree()) != before);

        const auto baseline = planOf(*snapshot, Policy::Level::Baseline);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString script = dir.filePath(QStringLiteral("plan.sh"));
        QVERIFY2(dialog.saveScriptTo(script, error), qPrintable(error));
        QCOMPARE(readAll(script), QByteArray::fromStdString(Engine::planScript(baseline)));
        QVERIFY(Engine::planScript(baseline) !=
                Engine::planScript(planOf(*snapshot, Policy::Level::Restricted)));
        const QString patches = dir.filePath(QStringLiteral("plan.yaml"));
        QVERIFY2(dialog.savePatchesTo(patches, error), qPrintable(error));
        QCOMPARE(readAll(patches), QByteArray::fromStdString(Engine::planPatches(baseline)));

        // Copy Script puts the same script on the clipboard.
        auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyScript"));
        QVERIFY(copy);
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(),
                 QString::fromStdString(Engine::planScript(baseline)));

        // A folder that does not exist: no file, a message.
        error.clear();
        QVERIFY(!dialog.saveScriptTo(dir.filePath(QStringLiteral("missing/plan.sh")), error));
        QVERIFY(!error.isEmpty());

        // And back.
        dialog.setTarget(Policy::Level::Restricted);
        QCOMPARE(planColumn(dialog.tree()), before);
        QCOMPARE(dialog.summary(), summaryBefore);
    }

    // When the window judges every namespace at one level, the dialog says its "rejects"
    // counts follow that choice; as labelled, it says nothing.
    void forcedLevelIsSaid()
    {
        QVERIFY(!RolloutPlanDialog(inputOf(sample()))
                     .findChild<QLabel *>(QStringLiteral("forcedLevel")));
        SnapshotOptions options;
        options.forcedLevel = Policy::Level::Restricted;
        RolloutPlanDialog dialog(
            inputOf(TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()), options)));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("forcedLevel"));
        QVERIFY(note);
        QVERIFY2(note->text().contains(QLatin1String("restricted")), qPrintable(note->text()));
    }

    // Selecting a namespace row shows the checks its workloads fail.
    void selectionShowsFailingChecks()
    {
        const auto snapshot = sample();
        RolloutPlanDialog dialog(inputOf(snapshot));
        auto *details = dialog.findChild<QPlainTextEdit *>(QStringLiteral("details"));
        QVERIFY(details);
        bool checked = false;
        for (int i = 0; i < dialog.tree()->topLevelItemCount(); ++i) {
            const auto &p = dialog.plan().namespaces[std::size_t(i)];
            if (p.failingChecks.empty())
                continue;
            dialog.tree()->setCurrentItem(dialog.tree()->topLevelItem(i));
            for (const auto &[id, n] : p.failingChecks)
                QVERIFY2(details->toPlainText().contains(
                             QStringLiteral("%1 (%2)").arg(QString::fromStdString(id)).arg(n)),
                         qPrintable(details->toPlainText()));
            checked = true;
        }
        QVERIFY(checked);
    }

    // The window's Fix menu opens it over the current snapshot, at the window's font size,
    // and offers it only when there is a snapshot.
    void openedFromTheWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TestUtil::copySample(dir.path());
        MainWindow w;
        auto *action = w.findChild<QAction *>(QStringLiteral("rolloutPlanAction"));
        QVERIFY(action);
        QMenu *fix = nullptr;
        for (QAction *top : w.menuBar()->actions()) {
            if (top->menu() && top->menu()->actions().contains(action))
                fix = top->menu();
        }
        QVERIFY(fix);
        Q_EMIT fix->aboutToShow();
        QVERIFY(!action->isEnabled());

        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(20000));
        Q_EMIT fix->aboutToShow();
        QVERIFY(action->isEnabled());

        const QFont appFont = QApplication::font();
        QFont big = appFont;
        big.setPointSizeF(appFont.pointSizeF() * 1.5);
        QApplication::setFont(big);
        int rows = -1;
        qreal treeSize = 0, detailsSize = 0;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<RolloutPlanDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            rows = dialog->tree()->topLevelItemCount();
            treeSize = dialog->tree()->font().pointSizeF();
            detailsSize =
                dialog->findChild<QPlainTextEdit *>(QStringLiteral("details"))->font().pointSizeF();
            dialog->reject();
        });
        action->trigger();
        QApplication::setFont(appFont);
        QCOMPARE(rows, int(w.treeModel()->snapshot()->namespaces.size()));
        QCOMPARE(treeSize, big.pointSizeF());
        QCOMPARE(detailsSize, big.pointSizeF());
    }
};

QTEST_MAIN(TestRolloutPlanDialog)
#include "tst_rolloutplandialog.moc"
