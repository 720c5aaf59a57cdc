// SPDX-License-Identifier: Apache-2.0
// The tree model and its proxies: model tester, golden dump of the sample workspace,
// filter combinations, in-place updates after an edit, version switching.
#include "podtestutil.h"
#include "uitestutil.h"

#include "models/badgeproxymodel.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <functional>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

const char *const RunAsUserOnly = R"(apiVersion: v1
kind: Pod
metadata:
  name: root-user
  namespace: demo
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 0
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    image: app:1
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL]}
)";

QString diff(const QStringList &expected, const QStringList &actual)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("expected.txt"));
    const QString b = dir.filePath(QStringLiteral("actual.txt"));
    for (const auto &[path, lines] : {std::make_pair(a, expected), std::make_pair(b, actual)}) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    }
    QProcess p;
    p.start(QStringLiteral("diff"), {QStringLiteral("-u"), a, b});
    p.waitForFinished();
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// Every row with the roles views and the filter read, for comparing two models.
QStringList dumpRoles(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        QStringList cells;
        for (int role : {int(WorkloadTreeModel::KeyRole), int(WorkloadTreeModel::NodeTypeRole),
                         int(WorkloadTreeModel::FileIndexRole), int(WorkloadTreeModel::OffsetRole),
                         int(WorkloadTreeModel::EndOffsetRole), int(WorkloadTreeModel::LineRole),
                         int(WorkloadTreeModel::ColumnRole), int(WorkloadTreeModel::SearchTextRole),
                         int(WorkloadTreeModel::AnyFailRole), int(WorkloadTreeModel::SeverityRole)})
            cells << i.data(role).toString();
        for (int c = 0; c < model.columnCount(parent); ++c) {
            const QModelIndex x = model.index(r, c, parent);
            cells << x.data().toString() << x.data(WorkloadTreeModel::VerdictRole).toString();
        }
        if (model.parent(i) != parent)
            cells << QStringLiteral("(parent() does not lead back)");
        lines << cells.join(QStringLiteral(" | "));
        lines << dumpRoles(model, i);
    }
    return lines;
}

} // namespace

class TestWorkloadTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester()
    {
        WorkloadTreeModel model;
        BadgeProxyModel badges;
        WorkloadFilterProxyModel filter;
        badges.setSourceModel(&model);
        filter.setSourceModel(&badges);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&badges,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir())));
        QVERIFY(model.rowCount() > 0);
        filter.setText(QStringLiteral("runAsUser"));
        filter.setOnlyFailing(true);
        filter.setText(QString());
        filter.setOnlyFailing(false);
        // A re-evaluation at another version and a forced level goes through the testers too.
        SnapshotOptions options;
        options.version = Policy::Version::v1(22);
        options.forcedLevel = Policy::Level::Baseline;
        model.setSnapshot(
            TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()), options));
        model.setSnapshot(TestUtil::snapshotOf({}));
        QCOMPARE(model.rowCount(), 0);
    }

    void goldenSampleTree()
    {
        WorkloadTreeModel model;
        BadgeProxyModel badges;
        badges.setSourceModel(&model);
        model.setSnapshot(TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir())));
        QStringList actual = TestUtil::dumpModel(badges);
        // Namespace chips are part of what a person sees: append them to namespace lines.
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString chips = model.index(r, 0)
                                      .data(WorkloadTreeModel::ChipsRole)
                                      .toStringList()
                                      .join(QStringLiteral(", "));
            const QString name = model.index(r, 0).data().toString();
            for (QString &line : actual) {
                if (line.startsWith(name + QStringLiteral(" | "))) {
                    line += QStringLiteral("  [") + chips + QLatin1Char(']');
                    break;
                }
            }
        }
        const QString golden = TestUtil::testDataPath(QStringLiteral("ui/sample-tree.txt"));
        if (qEnvironmentVariableIsSet("PODSEC_UPDATE_GOLDEN")) {
            QFile f(golden);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(actual.join(QLatin1Char('\n')).toUtf8() + '\n');
            QSKIP("golden file rewritten");
        }
        QFile f(golden);
        QVERIFY2(f.open(QIODevice::ReadOnly),
                 "missing golden file; run with PODSEC_UPDATE_GOLDEN=1");
        const QStringList expected =
            QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(expected == actual, qPrintable(diff(expected, actual)));
    }

    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("onlyFailing");
        QTest::addColumn<QStringList>("workloads");
        QTest::newRow("none") << QString() << false
                              << QStringList{
                                     QStringLiteral("Job reindex"),
                                     QStringLiteral("Pod hello"),
                                     QStringLiteral("DaemonSet node-exporter"),
                                     QStringLiteral("ReplicationController legacy-collector"),
                                     QStringLiteral("Deployment checkout"),
                                     QStringLiteral("StatefulSet ledger"),
                                     QStringLiteral("Pod debug-shell"),
                                     QStringLiteral("ReplicaSet playground"),
                                     QStringLiteral("PodTemplate notebook"),
                                     QStringLiteral("Deployment frontend"),
                                     QStringLiteral("CronJob sitemap")};
        QTest::newRow("only failing")
            << QString() << true
            << QStringList{QStringLiteral("Job reindex"),
                           QStringLiteral("DaemonSet node-exporter"),
                           QStringLiteral("ReplicationController legacy-collector"),
                           QStringLiteral("StatefulSet ledger"),
                           QStringLiteral("Pod debug-shell"),
                           QStringLiteral("ReplicaSet playground"),
                           QStringLiteral("PodTemplate notebook"),
                           QStringLiteral("Deployment frontend")};
        QTest::newRow("by name") << QStringLiteral("ledger") << false
                                 << QStringList{QStringLiteral("StatefulSet ledger")};
        QTest::newRow("by kind, case-insensitive")
            << QStringLiteral("cronjob") << false << QStringList{QStringLiteral("CronJob sitemap")};
        QTest::newRow("by field path")
            << QStringLiteral("procMount") << false << QStringList{QStringLiteral("Job reindex")};
        QTest::newRow("by reason") << QStringLiteral("forbidden sysctls") << false
                                   << QStringList{QStringLiteral("PodTemplate notebook")};
        QTest::newRow("by value") << QStringLiteral("SYS_TIME") << false
                                  << QStringList{QStringLiteral("DaemonSet node-exporter")};
        QTest::newRow("two words") << QStringLiteral("hostPort 9100") << false
                                   << QStringList{QStringLiteral("DaemonSet node-exporter")};
        QTest::newRow("namespace name keeps its workloads")
            << QStringLiteral("monitoring") << false
            << QStringList{QStringLiteral("DaemonSet node-exporter"),
                           QStringLiteral("ReplicationController legacy-collector")};
        QTest::newRow("text and only failing")
            << QStringLiteral("payments") << true
            << QStringList{QStringLiteral("StatefulSet ledger"), QStringLiteral("Pod debug-shell")};
        QTest::newRow("nothing") << QStringLiteral("no-such-thing") << false << QStringList{};
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(bool, onlyFailing);
        QFETCH(QStringList, workloads);
        WorkloadTreeModel model;
        WorkloadFilterProxyModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir())));
        filter.setText(text);
        filter.setOnlyFailing(onlyFailing);
        QCOMPARE(TestUtil::workloadNames(filter), workloads);
    }

    void editUpdatesInPlace()
    {
        auto files = TestUtil::readFiles(TestUtil::sampleDir());
        WorkloadTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(TestUtil::snapshotOf(files));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const QModelIndex payments = model.index(3, 0);
        QCOMPARE(payments.data().toString(), QStringLiteral("payments"));
        const QPersistentModelIndex ledger = model.index(1, 0, payments);
        QCOMPARE(ledger.data().toString(), QStringLiteral("StatefulSet ledger"));
        const int ledgerRows = model.rowCount(ledger);

        // Fix the ledger's root user: the field row stays, its verdict changes.
        for (auto &f : files) {
            if (f.path == "payments.yaml") {
                std::string text = f.text();
                const auto at = text.find("runAsUser: 0");
                QVERIFY(at != std::string::npos);
                text.replace(at, 12, "runAsUser: 1000");
                f.setText(text);
            }
        }
        model.setSnapshot(TestUtil::snapshotOf(files));
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() > 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QVERIFY(ledger.isValid()); // persistent indexes (selection, expansion) survive
        QCOMPARE(model.rowCount(ledger), ledgerRows);

        // The namespace row's Value sums it up: the debug pod is rejected by enforce.
        const auto paymentsValue = [&] {
            return model.index(3, WorkloadTreeModel::ValueColumn).data().toString();
        };
        QCOMPARE(paymentsValue(),
                 QStringLiteral("3 workload(s) · 1 Pod(s) rejected · Pods of 1 controller(s) "
                                "rejected · 1 warned"));
        changed.clear();
        // Delete the debug pod's document: exactly that row goes.
        for (auto &f : files) {
            if (f.path == "payments.yaml")
                f.setText(f.text().substr(0, f.text().find("---\napiVersion: v1\nkind: Pod")));
        }
        model.setSnapshot(TestUtil::snapshotOf(files));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(paymentsValue(),
                 QStringLiteral("2 workload(s) · Pods of 1 controller(s) rejected · 1 warned"));
        QVERIFY(std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant> &args) {
            const auto from = args.at(0).value<QModelIndex>(), to = args.at(1).value<QModelIndex>();
            return !from.parent().isValid() && from.row() <= 3 && to.row() >= 3 &&
                   to.column() >= WorkloadTreeModel::ValueColumn;
        }));
        QCOMPARE(model.rowCount(model.index(3, 0)), 2);
        QVERIFY(ledger.isValid());
    }

    // Pages appended to a read-only workspace: an evaluation that has finished is shown
    // even when the next page arrives before its finished signal is handled, and the next
    // round evaluates only the new page on top of it.
    void appendedPagesKeepEarlierResults()
    {
        auto page = [](int n) {
            return NamedText(
                "cluster:pods#" + std::to_string(n),
                std::make_shared<const std::string>(
                    R"({"kind":"PodList","apiVersion":"v1","items":[{"metadata":{"name":"p)" +
                    std::to_string(n) +
                    R"(","namespace":"shop"},"spec":{"containers":[{"name":"c","image":"i"}]}}]})"));
        };
        Workspace workspace;
        std::vector<std::shared_ptr<const WorkspaceSnapshot>> seen;
        connect(&workspace, &Workspace::snapshotReady, this,
                [&](const std::shared_ptr<const WorkspaceSnapshot> &s) { seen.push_back(s); });
        workspace.openTexts({page(1)});
        QVERIFY(workspace.isBusy());
        // Without handling events, let the worker finish: its finished signal is queued.
        QThread::msleep(500);
        QVERIFY(workspace.isBusy()); // not delivered yet
        workspace.appendTexts({page(2)});
        QTRY_VERIFY_WITH_TIMEOUT(!workspace.isBusy(), 20000);
        QCOMPARE(seen.size(), std::size_t(2));
        QCOMPARE(seen[0]->workloads.size(), std::size_t(1));
        QCOMPARE(seen[1]->workloads.size(), std::size_t(2));
        QCOMPARE(seen[1]->workloads[1].id().name, std::string("p2"));
        // The first page's workload was taken over, not evaluated again.
        QCOMPARE(seen[1]->files[0].bytes, seen[0]->files[0].bytes);
    }

    // An update in place (rows kept, inserted and removed by key) leaves exactly the tree a
    // fresh model shows for the new snapshot: rows, keys, verdicts, places and search texts.
    void inPlaceUpdateEqualsFreshModel()
    {
        auto files = TestUtil::readFiles(TestUtil::sampleDir());
        WorkloadTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        SnapshotOptions latest; // the checklist's rows too, as the window shows them
        latest.checklist = true;
        model.setSnapshot(TestUtil::snapshotOf(files, latest));
        // A field row of the ledger, kept through every step below.
        const QModelIndex payments = model.index(3, 0);
        const QModelIndex ledger = model.index(1, 0, payments);
        QCOMPARE(ledger.data().toString(), QStringLiteral("StatefulSet ledger"));
        auto rowNamed = [&](const QModelIndex &parent, const QString &name) {
            for (int r = 0; r < model.rowCount(parent); ++r) {
                if (model.index(r, 0, parent).data().toString() == name)
                    return model.index(r, 0, parent);
            }
            return QModelIndex();
        };
        const QPersistentModelIndex db = rowNamed(ledger, QStringLiteral("container db"));
        QPersistentModelIndex runAsUser = rowNamed(db, QStringLiteral("securityContext.runAsUser"));
        QVERIFY(runAsUser.isValid());
        const QString runAsUserKey = runAsUser.data(WorkloadTreeModel::KeyRole).toString();

        auto edit = [&](const std::string &from, const std::string &to) {
            for (auto &f : files) {
                std::string text = f.text();
                const auto at = text.find(from);
                if (f.path == "payments.yaml" && at != std::string::npos) {
                    text.replace(at, from.size(), to);
                    f.setText(text);
                    return true;
                }
            }
            return false;
        };
        struct Step
        {
            const char *what;
            std::function<bool()> change;
            SnapshotOptions options;
        };
        SnapshotOptions v122 = latest;
        v122.version = Policy::Version::v1(22);
        SnapshotOptions baseline = latest;
        baseline.forcedLevel = Policy::Level::Baseline;
        const std::vector<Step> steps = {
            {"older version: fields come and go", [] { return true; }, v122},
            {"back to the latest", [] { return true; }, latest},
            {"a value changes", [&] { return edit("runAsUser: 0", "runAsUser: 1000"); }, latest},
            {"a field is added",
             [&] {
                 return edit("runAsUser: 1000", "runAsUser: 1000\n            privileged: true");
             },
             latest},
            {"forced level", [] { return true; }, baseline},
            {"a field is removed", [&] { return edit("\n            privileged: true", ""); },
             latest},
            {"checklist off: its rows go", [] { return true; }, {}},
            {"checklist on again", [] { return true; }, latest},
        };
        QList<int> rows; // the db container's rows after each step
        for (const auto &step : steps) {
            QVERIFY2(step.change(), step.what);
            const auto snapshot = TestUtil::snapshotOf(files, step.options);
            model.setSnapshot(snapshot);
            WorkloadTreeModel fresh;
            fresh.setSnapshot(snapshot);
            const QStringList expected = dumpRoles(fresh), actual = dumpRoles(model);
            QVERIFY2(expected == actual, qPrintable(QString::fromLatin1(step.what) +
                                                    QLatin1Char('\n') + diff(expected, actual)));
            QVERIFY2(runAsUser.isValid(), step.what);
            rows << model.rowCount(db);
            QCOMPARE(runAsUser.data(WorkloadTreeModel::KeyRole).toString(), runAsUserKey);
        }
        QCOMPARE(reset.count(), 1); // the first snapshot only: the sample is small
        // privileged is a row of its own while it is written.
        QCOMPARE(rows[3], rows[2] + 1);
        QCOMPARE(rows[5], rows[2]);
    }

    // An update builds the next tree's rows a batch of workloads at a time, compares or
    // reconciles them and drops them: the tree shown and a whole second tree never live
    // together (issue #19), whether the update resets the model (a version switch) or goes
    // in place (an edit). Either way the rows equal those of a model built afresh.
    void updatesNeverHoldTwoTrees()
    {
        std::string text;
        for (int i = 0; i < 1000; ++i) {
            text += "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p" + std::to_string(i) +
                    "\n  namespace: ns" + std::to_string(i % 3) + "\nspec:\n  containers:\n";
            for (int c = 0; c < 3; ++c)
                text += "  - name: c" + std::to_string(c) + "\n    image: app:1\n" +
                        (i % 2 ? "    securityContext: {privileged: true}\n" : "");
        }
        std::vector<WorkspaceFile> files{{"pods.yaml", text}};
        SnapshotOptions baseline;
        baseline.forcedLevel = Policy::Level::Baseline;
        WorkloadTreeModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSnapshot(TestUtil::snapshotOf(files));
        QThreadPool::globalInstance()->waitForDone(); // the empty tree it replaced
        const std::size_t shown = WorkloadTreeModel::nodeCount(true).live;
        QVERIFY2(shown >= 4000, qPrintable(QString::number(shown))); // workloads, containers

        auto update = [&](const SnapshotOptions &options) {
            const auto snapshot = TestUtil::snapshotOf(files, options);
            const std::size_t before = WorkloadTreeModel::nodeCount(true).live;
            model.setSnapshot(snapshot);
            const std::size_t peak = WorkloadTreeModel::nodeCount().peak;
            // The next tree's workload rows alone (1,000) and one batch below them; the
            // whole tree would double the count.
            QVERIFY2(
                peak - before < shown * 6 / 10,
                qPrintable(QStringLiteral("%1 nodes shown, %2 at the peak").arg(before).arg(peak)));
            WorkloadTreeModel fresh;
            fresh.setSnapshot(snapshot);
            const QStringList expected = dumpRoles(fresh), actual = dumpRoles(model);
            QVERIFY2(expected == actual, qPrintable(diff(expected, actual)));
            QThreadPool::globalInstance()->waitForDone();
        };
        update(baseline); // every workload's enforce verdict changes
        QCOMPARE(reset.count(), 2);
        const auto at = text.find("privileged: true");
        text.replace(at, 16, "privileged: false");
        files[0].setText(text);
        update(baseline); // one workload changes
        QCOMPARE(reset.count(), 2);
        // A namespace comes with its workloads: inserted whole, its rows built.
        text += "---\napiVersion: v1\nkind: Pod\nmetadata: {name: late, namespace: new}\n"
                "spec:\n  containers: [{name: c, image: app:1}]\n";
        files[0].setText(text);
        update(baseline);
        QCOMPARE(reset.count(), 2);
        update({}); // back: every workload again
        QCOMPARE(reset.count(), 3);
    }

    // Sorting orders every level, field rows included: a badge column puts failing rows
    // first, the name column sorts names as a person reads them.
    void sortingOrdersEveryLevel()
    {
        WorkloadTreeModel model;
        BadgeProxyModel badges;
        WorkloadFilterProxyModel filter;
        badges.setSourceModel(&model);
        filter.setSourceModel(&badges);
        model.setSnapshot(TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir())));
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        int fieldParents = 0;
        auto check = [&](auto &&self, const QModelIndex &parent, int column) -> void {
            const int rows = filter.rowCount(parent);
            bool fields = false;
            for (int r = 0; r + 1 < rows; ++r) {
                const QModelIndex a = filter.index(r, column, parent);
                const QModelIndex b = filter.index(r + 1, column, parent);
                fields = fields || a.data(WorkloadTreeModel::NodeTypeRole).toInt() ==
                                       int(WorkloadTreeModel::NodeType::Field);
                if (column == WorkloadTreeModel::NameColumn) {
                    QVERIFY2(collator.compare(a.data().toString(), b.data().toString()) <= 0,
                             qPrintable(a.data().toString() + QStringLiteral(" > ") +
                                        b.data().toString()));
                } else {
                    const bool failA =
                        a.data(WorkloadTreeModel::VerdictRole).toInt() == int(Verdict::Fail);
                    const bool failB =
                        b.data(WorkloadTreeModel::VerdictRole).toInt() == int(Verdict::Fail);
                    QVERIFY2(failA || !failB, qPrintable(b.siblingAtColumn(0).data().toString() +
                                                         QStringLiteral(" fails, sorted after ") +
                                                         a.siblingAtColumn(0).data().toString()));
                }
            }
            fieldParents += fields;
            for (int r = 0; r < rows; ++r)
                self(self, filter.index(r, 0, parent), column);
        };
        for (int column :
             {int(WorkloadTreeModel::NameColumn), int(WorkloadTreeModel::RestrictedColumn)}) {
            filter.sort(column);
            check(check, QModelIndex(), column);
        }
        QVERIFY(fieldParents > 10); // field rows were among those sorted
    }

    // Every row's key (what views restore expansion and selection by) leads back to it.
    void keysLeadBackToTheirRows()
    {
        SnapshotOptions options;
        options.checklist = true;
        WorkloadTreeModel model;
        model.setSnapshot(
            TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()), options));
        QSet<int> types;
        int rows = 0;
        auto walk = [&](auto &&self, const QModelIndex &parent) -> void {
            for (int r = 0; r < model.rowCount(parent); ++r) {
                const QModelIndex i = model.index(r, 0, parent);
                const QString key = i.data(WorkloadTreeModel::KeyRole).toString();
                QCOMPARE(model.indexForKey(key), i);
                types << i.data(WorkloadTreeModel::NodeTypeRole).toInt();
                ++rows;
                self(self, i);
            }
        };
        walk(walk, QModelIndex());
        QVERIFY(rows > 100);
        QVERIFY(types.contains(int(WorkloadTreeModel::NodeType::Field)));
        QVERIFY(types.contains(int(WorkloadTreeModel::NodeType::FindingField)));
    }

    void versionChangesBadges()
    {
        auto snapshotAt = [](Policy::Version v) {
            SnapshotOptions options;
            options.version = v;
            return TestUtil::snapshotOf({{"pod.yaml", RunAsUserOnly}}, options);
        };
        WorkloadTreeModel model;
        BadgeProxyModel badges;
        badges.setSourceModel(&model);
        model.setSnapshot(snapshotAt(Policy::Version::latest()));
        const QModelIndex pod =
            badges.index(0, WorkloadTreeModel::RestrictedColumn, badges.index(0, 0));
        QCOMPARE(pod.data().toString(), QStringLiteral("Fail"));
        QCOMPARE(model.index(0, 0, model.index(0, 0))
                     .siblingAtColumn(WorkloadTreeModel::RestrictedColumn)
                     .data(WorkloadTreeModel::VerdictRole)
                     .toInt(),
                 int(Verdict::Fail));
        model.setSnapshot(snapshotAt(Policy::Version::v1(22)));
        QCOMPARE(pod.data().toString(), QStringLiteral("Pass")); // runAsUser appears at v1.23
        QVERIFY(!pod.data(Qt::DecorationRole).value<QIcon>().isNull());
    }
};

QTEST_MAIN(TestWorkloadTreeModel)
#include "tst_workloadtreemodel.moc"
