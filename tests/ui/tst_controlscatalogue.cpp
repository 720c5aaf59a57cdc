// SPDX-License-Identifier: Apache-2.0
// Help → Controls… (issue 18 item 3): the catalogue lists every check of the registry, filters,
// shows a check's explanation and examples, and "Open as Scratch Workspace" opens the chosen
// example in the window, where the engine's evaluation fails exactly that check.
#include "podtestutil.h"
#include "uitestutil.h"

#include "models/workloadtreemodel.h"
#include "policy/registry.h"
#include "views/controlscatalogue.h"
#include "views/detailspane.h"
#include "views/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeView>
#include <QTreeWidget>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

int shownRows(const QTreeWidget *tree)
{
    int n = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        n += tree->topLevelItem(i)->isHidden() ? 0 : 1;
    return n;
}

/// The checks of a level at the latest version whose results on the workspace's only
/// workload are not allowed.
QStringList failingChecks(const WorkspaceSnapshot &snapshot, Policy::Level level)
{
    QStringList ids;
    if (snapshot.workloads.size() != 1)
        return {QStringLiteral("expected one workload")};
    for (const auto &r : snapshot.workloads.front().evaluation(level)->results) {
        if (!r.allowed)
            ids << QString::fromLatin1(r.id.data(), qsizetype(r.id.size()));
    }
    return ids;
}

/// The keys of the failing field rows of the window's tree, depth first.
void failingFields(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &out)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        if (index.data(WorkloadTreeModel::NodeTypeRole).toInt() ==
                int(WorkloadTreeModel::NodeType::Field) &&
            index.data(WorkloadTreeModel::AnyFailRole).toBool())
            out << index.data(WorkloadTreeModel::KeyRole).toString();
        failingFields(model, index, out);
    }
}

} // namespace

class TestControlsCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsFiltersExplainsAndOpensAnExample()
    {
        MainWindow w;
        auto *action = w.findChild<QAction *>(QStringLiteral("controlsCatalogueAction"));
        QVERIFY(action);
        QMenu *help = nullptr;
        for (QAction *top : w.menuBar()->actions()) {
            if (top->menu() && top->menu()->actions().contains(action))
                help = top->menu();
        }
        QVERIFY(help);
        QCOMPARE(help, w.menuBar()->actions().last()->menu()); // the Help menu
        action->trigger();
        auto *dialog = w.findChild<ControlsCatalogue *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        action->trigger(); // a second time: the same dialog
        QCOMPARE(w.findChildren<ControlsCatalogue *>().size(), 1);

        // Every check the registry has at the latest version, in the registry's order.
        QStringList latest;
        for (const auto &check : Policy::registry()) {
            if (check.variants.front().minimumVersion <= Policy::Version::latest().clamped())
                latest << QString::fromLatin1(check.id.data(), qsizetype(check.id.size()));
        }
        QTreeWidget *list = dialog->checksList();
        QCOMPARE(list->topLevelItemCount(), latest.size());
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            QCOMPARE(list->topLevelItem(i)->text(ControlsCatalogue::IdColumn), latest[i]);
        // Its level and the versions where it changed, as the registry holds them.
        const auto *runAsUser = Policy::findCheck("runAsUser");
        const auto row = list->findItems(QStringLiteral("runAsUser"), Qt::MatchExactly);
        QCOMPARE(row.size(), 1);
        QCOMPARE(row[0]->text(ControlsCatalogue::LevelColumn), QStringLiteral("restricted"));
        QStringList versions;
        for (const auto &v : runAsUser->variants)
            versions << QString::fromStdString(Policy::Version::v1(v.minimumVersion).toString());
        QCOMPARE(row[0]->text(ControlsCatalogue::VersionsColumn),
                 versions.join(QStringLiteral(", ")));

        // The filter keeps the rows that match, in the ID or the explanation.
        dialog->filterEdit()->setText(QStringLiteral("seccomp"));
        QCOMPARE(shownRows(list), 2);
        QVERIFY(dialog->currentCheck().startsWith(QStringLiteral("seccompProfile_")));
        dialog->filterEdit()->setText(QStringLiteral("no such control at all"));
        QCOMPARE(shownRows(list), 0);
        QVERIFY(dialog->currentCheck().isEmpty());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("openScratch"))->isEnabled());
        dialog->filterEdit()->clear();
        QCOMPARE(shownRows(list), latest.size());

        // The explanation the details pane shows, and both examples.
        QVERIFY(dialog->selectCheck(QStringLiteral("hostPorts")));
        const QString shown = dialog->explanationView()->toPlainText();
        QTextDocument expected;
        expected.setMarkdown(DetailsPane::explanation("hostPorts"));
        QVERIFY(!expected.toPlainText().isEmpty());
        QVERIFY(shown.contains(expected.toPlainText().left(200)));
        QVERIFY(shown.contains(QStringLiteral("hostPort: 8080")));

        // The failing example of a check opens as a workspace that fails that check.
        QVERIFY(dialog->selectCheck(QStringLiteral("runAsUser")));
        dialog->setExample(ControlsCatalogue::Example::Failing);
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        dialog->findChild<QPushButton *>(QStringLiteral("openScratch"))->click();
        QVERIFY(applied.wait(20000));
        auto snapshot = w.treeModel()->snapshot();
        QVERIFY(snapshot);
        QCOMPARE(failingChecks(*snapshot, Policy::Level::Restricted),
                 QStringList{QStringLiteral("runAsUser")});
        QVERIFY(snapshot->files.front().path.find("podsec-scratch-") != std::string::npos);
        const QString first =
            QFileInfo(QString::fromStdString(snapshot->files.front().path)).path();

        // The passing example, in another fresh folder, passes it.
        dialog->setExample(ControlsCatalogue::Example::Passing);
        const QString second = dialog->openScratchWorkspace();
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
        QTRY_VERIFY(w.treeModel()->snapshot() && w.treeModel()->snapshot() != snapshot);
        QVERIFY(failingChecks(*w.treeModel()->snapshot(), Policy::Level::Restricted).isEmpty());
        dialog->close();
        QDir(first).removeRecursively();
        QDir(second).removeRecursively();
    }

    void f8JumpsBetweenFailingFields()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("pods.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n"
                   "  hostNetwork: true\n  containers:\n    - name: c\n      image: x\n"
                   "      securityContext:\n        privileged: true\n"
                   "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n"
                   "  hostPID: true\n  containers:\n    - name: c\n      image: x\n");
        file.close();
        MainWindow w;
        auto *next = w.findChild<QAction *>(QStringLiteral("nextFailingFieldAction"));
        auto *previous = w.findChild<QAction *>(QStringLiteral("previousFailingFieldAction"));
        QVERIFY(next && previous);
        QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_F8));
        QCOMPARE(previous->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F8));
        QVERIFY(!w.jumpToFailingField(true)); // nothing open: nothing to jump to

        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(20000));
        QStringList fields;
        failingFields(w.treeView()->model(), {}, fields);
        QVERIFY2(fields.size() >= 3, qPrintable(fields.join(QLatin1Char(' '))));
        auto current = [&w] {
            return w.treeView()
                ->currentIndex()
                .siblingAtColumn(0)
                .data(WorkloadTreeModel::KeyRole)
                .toString();
        };
        w.treeView()->setCurrentIndex({});
        // Forward through every failing field, then around to the first again.
        for (int i = 0; i <= fields.size(); ++i) {
            next->trigger();
            QCOMPARE(current(), fields[i % fields.size()]);
        }
        // Backward from the first wraps to the last.
        previous->trigger();
        QCOMPARE(current(), fields.last());
        previous->trigger();
        QCOMPARE(current(), fields[fields.size() - 2]);
        // From a row that is not a field: the next failing field below it.
        w.treeView()->setCurrentIndex(w.treeView()->model()->index(0, 0));
        next->trigger();
        QCOMPARE(current(), fields.first());
    }
};

QTEST_MAIN(TestControlsCatalogue)
#include "tst_controlscatalogue.moc"
