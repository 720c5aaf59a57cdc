// SPDX-License-Identifier: Apache-2.0
// View → Compare Versions… (issue 18 item 4): the dialog shows what Engine::compareVersions
// computes (the same as `podsec diff`), compares again when a choice changes, and a workload
// activated there is selected in the window's tree.
#include "podtestutil.h"
#include "uitestutil.h"

#include "engine/versiondiff.h"
#include "models/workloadtreemodel.h"
#include "views/compareversionsdialog.h"
#include "views/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace PodSec;
using namespace PodSec::Ui;
using Dialog = CompareVersionsDialog;

namespace {

QString fixtureDir()
{
    return TestUtil::testDataPath(QStringLiteral("versiondiff"));
}

Policy::Version version(const char *text)
{
    return *Policy::Version::parse(text);
}

QStringList column(const QTreeWidget *tree, int c)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out << tree->topLevelItem(i)->text(c);
    return out;
}

/// Every row below item, depth first.
QStringList texts(const QTreeWidgetItem *item)
{
    QStringList out;
    for (int i = 0; i < item->childCount(); ++i)
        out << item->child(i)->text(0) << texts(item->child(i));
    return out;
}

} // namespace

class TestCompareVersions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheEnginesComparison()
    {
        const auto snapshot = TestUtil::snapshotOf(TestUtil::readFiles(fixtureDir()));
        QVERIFY(snapshot);
        Dialog dialog({snapshot, SnapshotOptions{}});
        QSignalSpy compared(&dialog, &Dialog::compared);
        // The default: v1.24 → the snapshot's version (latest), restricted.
        QVERIFY(compared.wait(20000));
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("fromVersion"))->currentText(),
                 QStringLiteral("v1.24"));
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("toVersion"))->currentText(),
                 QStringLiteral("latest"));

        dialog.setVersions(version("v1.22"), version("v1.23"));
        QVERIFY(compared.wait(20000));
        QTRY_VERIFY(!dialog.isBusy());
        const auto expected = Engine::compareVersions(*snapshot, {}, Policy::Level::Restricted,
                                                      version("v1.22"), version("v1.23"));
        QVERIFY(expected && dialog.diff());
        QCOMPARE(dialog.diff()->objects.size(), expected->objects.size());
        QCOMPARE(column(dialog.checksTree(), Dialog::CheckIdColumn),
                 QStringList{QStringLiteral("runAsUser")});
        QCOMPARE(column(dialog.checksTree(), Dialog::ChangeColumn),
                 QStringList{QStringLiteral("added")});
        QCOMPARE(column(dialog.checksTree(), Dialog::VersionColumn),
                 QStringList{QStringLiteral("v1.23")});
        QCOMPARE(column(dialog.objectsTree(), Dialog::ObjectNameColumn),
                 QStringList{QStringLiteral("runs-as-root")});
        QTreeWidgetItem *row = dialog.objectsTree()->topLevelItem(0);
        QCOMPARE(row->text(Dialog::FromColumn), QStringLiteral("allowed"));
        QCOMPARE(row->text(Dialog::ToColumn), QStringLiteral("denied: runAsUser"));
        // Field by field: the check that fails only at v1.23, and its failing field.
        const QStringList below = texts(row);
        QCOMPARE(below.size(), 2);
        QVERIFY(below[0].startsWith(QStringLiteral("runAsUser fails only at v1.23: ")));
        QCOMPARE(below[1],
                 QStringLiteral("spec.template.spec.containers[0].securityContext.runAsUser: 0"));
        QVERIFY(dialog.summary().contains(QStringLiteral("1 stricter at v1.23")));

        // The level choice compares again: baseline between v1.26 and v1.27 is the sysctl.
        dialog.setVersions(version("v1.26"), version("v1.27"));
        QVERIFY(compared.wait(20000));
        dialog.setLevel(Policy::Level::Baseline);
        QVERIFY(compared.wait(20000));
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(dialog.diff()->level, Policy::Level::Baseline);
        QCOMPARE(column(dialog.objectsTree(), Dialog::ObjectNameColumn),
                 QStringList{QStringLiteral("reserved-ports")});
        QCOMPARE(column(dialog.checksTree(), Dialog::CheckIdColumn),
                 QStringList{QStringLiteral("sysctls")});
    }

    void selectsTheWorkloadInTheWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(fixtureDir() + QStringLiteral("/workloads.yaml"),
                            dir.filePath(QStringLiteral("workloads.yaml"))));
        MainWindow w;
        auto *action = w.findChild<QAction *>(QStringLiteral("compareVersionsAction"));
        QVERIFY(action);
        QMenu *view = nullptr;
        for (QAction *top : w.menuBar()->actions()) {
            if (top->menu() && top->menu()->actions().contains(action))
                view = top->menu();
        }
        QVERIFY(view);
        Q_EMIT view->aboutToShow();
        QVERIFY(!action->isEnabled()); // nothing open yet

        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(20000));
        Q_EMIT view->aboutToShow();
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *dialog = w.findChild<Dialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QSignalSpy compared(dialog, &Dialog::compared);
        dialog->setVersions(version("v1.24"), version("v1.25"));
        QVERIFY(compared.wait(20000));
        QTRY_VERIFY(!dialog->isBusy());
        QCOMPARE(column(dialog->objectsTree(), Dialog::ObjectNameColumn),
                 QStringList{QStringLiteral("windows")});
        QTreeWidgetItem *row = dialog->objectsTree()->topLevelItem(0);
        // Activating a field row selects its workload.
        Q_EMIT dialog->objectsTree()->itemActivated(row->child(0)->child(0), 0);
        QTreeView *tree = w.treeView();
        QVERIFY(tree);
        // The tree nests the Pod under its namespace: its key chains both.
        QCOMPARE(tree->currentIndex().data(WorkloadTreeModel::KeyRole).toString(),
                 QStringLiteral("ns:win|w:") +
                     QString::fromStdString(dialog->diff()->objects[0].key));
        // A filter that hides the workload is cleared to show it.
        tree->setCurrentIndex({});
        w.filterEdit()->setText(QStringLiteral("reserved-ports"));
        Q_EMIT dialog->objectsTree()->itemActivated(row, 0);
        QVERIFY(w.filterEdit()->text().isEmpty());
        QVERIFY(tree->currentIndex()
                    .data(WorkloadTreeModel::KeyRole)
                    .toString()
                    .endsWith(QString::fromStdString(dialog->diff()->objects[0].key)));
        dialog->close();
    }
};

QTEST_MAIN(TestCompareVersions)
#include "tst_compareversions.moc"
