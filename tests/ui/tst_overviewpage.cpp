// SPDX-License-Identifier: Apache-2.0
// The Overview tab (issue 17 item 3): its cards say what the tree's badges count, it follows
// the policy bar (version, forced level) whether shown or hidden, and clicking a namespace's
// or a check's bar leads into the tree; an empty workspace says so, and 200 namespaces give
// 200 rows that stay clickable.
#include "uitestutil.h"

#include "models/badgeproxymodel.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "views/barchart.h"
#include "views/mainwindow.h"
#include "views/overviewpage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

/// What the tree's rows say, counted through the models' data (the badges' text).
struct TreeCounts
{
    int namespaces = 0, workloads = 0, pods = 0, rejected = 0, controllers = 0, failing = 0;
    bool operator==(const TreeCounts &) const = default;
};

void countRows(const QAbstractItemModel &model, const QModelIndex &parent, TreeCounts &c)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        const auto type =
            WorkloadTreeModel::NodeType(i.data(WorkloadTreeModel::NodeTypeRole).toInt());
        if (type == WorkloadTreeModel::NodeType::Namespace)
            ++c.namespaces;
        if (type == WorkloadTreeModel::NodeType::Workload) {
            ++c.workloads;
            const auto text = [&](int column) {
                return i.siblingAtColumn(column).data().toString();
            };
            c.pods += text(WorkloadTreeModel::KindColumn) == QLatin1String("Pod");
            c.rejected += text(WorkloadTreeModel::EnforceColumn) == QLatin1String("Reject");
            c.controllers +=
                text(WorkloadTreeModel::EnforceColumn) == QLatin1String("Pods rejected");
            c.failing += text(WorkloadTreeModel::RestrictedColumn) == QLatin1String("Fail");
        }
        countRows(model, i, c);
    }
}

TreeCounts treeCounts(const QAbstractItemModel &badges)
{
    TreeCounts c;
    countRows(badges, {}, c);
    return c;
}

TreeCounts cardCounts(const OverviewPage &page)
{
    auto card = [&](OverviewPage::Card which) {
        bool ok = false;
        const int value = page.cardText(which).toInt(&ok);
        return ok ? value : -1;
    };
    return {card(OverviewPage::NamespacesCard),
            card(OverviewPage::WorkloadsCard),
            card(OverviewPage::PodsCard),
            card(OverviewPage::PodsRejectedCard),
            card(OverviewPage::ControllersRejectedCard),
            card(OverviewPage::FailingCard)};
}

QString describe(const TreeCounts &c)
{
    return QStringLiteral("ns %1, workloads %2, pods %3, rejected %4, controllers %5, failing %6")
        .arg(c.namespaces)
        .arg(c.workloads)
        .arg(c.pods)
        .arg(c.rejected)
        .arg(c.controllers)
        .arg(c.failing);
}

} // namespace

namespace QTest {
template <> char *toString(const TreeCounts &c)
{
    return QTest::toString(describe(c));
}
} // namespace QTest

class TestOverviewPage : public QObject
{
    Q_OBJECT

private:
    bool openSample(MainWindow &w)
    {
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({m_dir.path()});
        return applied.wait(20000);
    }
    static bool select(MainWindow &w, QComboBox *combo, const QString &data)
    {
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        combo->setCurrentIndex(combo->findData(data));
        return applied.wait(20000);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        TestUtil::copySample(m_dir.path());
    }

    void cardsMatchTheTreesBadges()
    {
        const auto snapshot = TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()));
        QVERIFY(snapshot);
        WorkloadTreeModel model;
        model.setSnapshot(snapshot);
        BadgeProxyModel badges;
        badges.setSourceModel(&model);
        OverviewPage page;
        page.setSnapshot(snapshot);
        page.resize(1000, 700);
        page.show();
        QVERIFY(!page.showsEmptyText());
        const TreeCounts tree = treeCounts(badges);
        QVERIFY(tree.workloads > 0 && tree.failing > 0 && tree.pods > 0);
        QCOMPARE(cardCounts(page), tree);
        // Every namespace has its readiness bar, its values written as text beside it.
        QCOMPARE(int(page.readinessChart()->rows().size()), tree.namespaces);
        for (const auto &row : page.readinessChart()->rows())
            QVERIFY(!row.text.isEmpty() && !row.tip.isEmpty());
    }

    void followsThePolicyBar()
    {
        MainWindow w;
        w.show();
        QVERIFY(openSample(w));
        w.showOverview();
        QCOMPARE(w.leftTabs()->currentWidget(), w.overviewPage());
        OverviewPage &page = *w.overviewPage();
        const TreeCounts labelled = treeCounts(*w.badgeModel());
        QCOMPARE(cardCounts(page), labelled);

        // Forcing every namespace to restricted, with the page shown.
        QVERIFY(select(w, w.levelCombo(), QStringLiteral("restricted")));
        const TreeCounts forced = treeCounts(*w.badgeModel());
        QVERIFY2(!(forced == labelled), qPrintable(describe(forced)));
        QCOMPARE(cardCounts(page), forced);
        // Enforce rejects what fails restricted: the charts say so per namespace.
        int rejectedInChart = 0;
        for (const auto &row : page.rejectedChart()->rows())
            rejectedInChart += row.segments.at(0).value;
        QCOMPARE(rejectedInChart, forced.rejected);

        // An older version while the tree is shown: the hidden page catches up when shown.
        w.leftTabs()->setCurrentWidget(w.treeView());
        QVERIFY(select(w, w.versionCombo(), QStringLiteral("v1.22")));
        const TreeCounts old = treeCounts(*w.badgeModel());
        QVERIFY2(!(old == forced), qPrintable(describe(old)));
        w.showOverview();
        QCOMPARE(cardCounts(page), old);
        QVERIFY(page.summary().level.toString().find("v1.22") != std::string::npos);
    }

    void clicksLeadIntoTheTree()
    {
        MainWindow w;
        w.show();
        QVERIFY(openSample(w));
        w.showOverview();
        OverviewPage &page = *w.overviewPage();

        // A namespace's bar: the signal names it and the tree selects its row.
        BarChart *readiness = page.readinessChart();
        const int row = int(readiness->rows().size()) - 1;
        QVERIFY(row > 0);
        const QString name = QString::fromStdString(page.summary().perNamespace.at(row).name);
        QSignalSpy namespaces(&page, &OverviewPage::namespaceActivated);
        QVERIFY(!readiness->barRect(row).isEmpty());
        QCOMPARE(readiness->rowAt(readiness->barRect(row).center()), row);
        QTest::mouseClick(readiness, Qt::LeftButton, {}, readiness->barRect(row).center());
        QCOMPARE(namespaces.count(), 1);
        QCOMPARE(namespaces.at(0).at(0).toString(), name);
        QCOMPARE(w.leftTabs()->currentWidget(), w.treeView());
        const QModelIndex current = w.treeView()->currentIndex();
        QCOMPARE(current.data(WorkloadTreeModel::NodeTypeRole).toInt(),
                 int(WorkloadTreeModel::NodeType::Namespace));
        QCOMPARE(current.data().toString(), name);

        // A check's bar: the tree is filtered by the check's ID, failing rows only, and
        // keeps the workloads the bar counts.
        w.showOverview();
        BarChart *checks = page.checksChart();
        QVERIFY(!checks->rows().empty());
        const QString check = QString::fromStdString(page.summary().checks.at(0).first);
        const int failing = page.summary().checks.at(0).second;
        QSignalSpy checkSpy(&page, &OverviewPage::checkActivated);
        QTest::mouseClick(checks, Qt::LeftButton, {}, checks->barRect(0).center());
        QCOMPARE(checkSpy.count(), 1);
        QCOMPARE(checkSpy.at(0).at(0).toString(), check);
        QCOMPARE(w.filterEdit()->text(), check);
        QVERIFY(w.onlyFailingBox()->isChecked());
        QCOMPARE(w.filterModel()->workloadCounts().first, failing);

        // A namespace's rejected bar, below it: the rows are where they are drawn.
        BarChart *rejected = page.rejectedChart();
        if (!rejected->rows().empty()) {
            w.showOverview();
            QSignalSpy again(&page, &OverviewPage::namespaceActivated);
            QTest::mouseClick(rejected, Qt::LeftButton, {}, rejected->barRect(0).center());
            QCOMPARE(again.count(), 1);
            QCOMPARE(again.at(0).at(0).toString(), rejected->rows().at(0).label);
        }
    }

    void emptyAndManyNamespaces()
    {
        OverviewPage page;
        page.resize(900, 600);
        page.show();
        QVERIFY(page.showsEmptyText());
        QVERIFY(page.emptyLabel()->text().contains(QLatin1String("Nothing loaded")));

        std::vector<WorkspaceFile> files;
        std::string text;
        for (int i = 0; i < 200; ++i) {
            const std::string ns = "team-" + std::to_string(1000 + i);
            text += "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns +
                    "\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n---\n"
                    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  namespace: " +
                    ns + "\nspec:\n  containers:\n  - name: app\n    image: app\n" +
                    (i % 3 == 0 ? "    securityContext: {privileged: true}\n" : "") + "---\n";
        }
        files.push_back({"many.yaml", text});
        const auto snapshot = TestUtil::snapshotOf(std::move(files));
        QVERIFY(snapshot);
        page.setSnapshot(snapshot);
        QVERIFY(!page.showsEmptyText());
        QCOMPARE(page.cardText(OverviewPage::NamespacesCard), QStringLiteral("200"));
        BarChart *chart = page.readinessChart();
        QCOMPARE(int(chart->rows().size()), 200);
        QTRY_VERIFY(chart->height() > page.height()); // the page scrolls
        QCOMPARE(chart->rowAt(chart->barRect(199).center()), 199);
        QCOMPARE(int(page.rejectedChart()->rows().size()), 67); // every third is privileged
        QSignalSpy spy(&page, &OverviewPage::namespaceActivated);
        QTest::mouseClick(chart, Qt::LeftButton, {}, chart->barRect(150).center());
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("team-1150"));
        // The keyboard: End goes to the last row, Up one back, Enter activates it.
        chart->setFocus();
        QTest::keyClick(chart, Qt::Key_End);
        QTest::keyClick(chart, Qt::Key_Up);
        QCOMPARE(chart->currentRow(), 198);
        QTest::keyClick(chart, Qt::Key_Return);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("team-1198"));

        // The window's zoom (the application font) makes the rows taller.
        const int before = chart->sizeHint().height();
        const QFont original = QApplication::font();
        QFont bigger = original;
        bigger.setPointSizeF(original.pointSizeF() * 1.5);
        QApplication::setFont(bigger);
        QTRY_VERIFY(chart->sizeHint().height() > before);
        QApplication::setFont(original);

        page.setSnapshot(nullptr);
        QVERIFY(page.showsEmptyText());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
