// SPDX-License-Identifier: Apache-2.0
// Engine::summarize and the reports for people (issue 17): the numbers are the snapshot's,
// Pods are grouped under their controllers, the HTML is self-contained.
#include "podtestutil.h"

#include "common/fileinput.h"
#include "engine/workspacesnapshot.h"
#include "engine/workspacesummary.h"
#include "reports/humanreports.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace PodSec;

namespace {

WorkspaceSnapshot snapshotOfFolder(const QString &folder)
{
    std::vector<WorkspaceFile> files;
    const auto walk = walkPaths({folder.toStdString()});
    for (const auto &path : walk.files) {
        QFile f(QString::fromStdString(path));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", path.c_str());
        files.emplace_back(path, f.readAll().toStdString());
    }
    auto s = buildSnapshot(std::move(files), SnapshotOptions{});
    if (!s)
        qFatal("no snapshot");
    return std::move(*s);
}

QString sample()
{
    return QStringLiteral(PODSEC_SOURCE_DIR "/resources/sample");
}
QString billing()
{
    return TestUtil::testDataPath(QStringLiteral("reports"));
}

int count(const WorkspaceSnapshot &s, Column c, Verdict v)
{
    int n = 0;
    for (const auto &w : s.workloads)
        n += w.verdicts[int(c)] == v;
    return n;
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersAreTheSnapshotsVerdicts_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("sample") << sample();
        QTest::newRow("billing") << billing();
    }
    void numbersAreTheSnapshotsVerdicts()
    {
        QFETCH(QString, folder);
        const auto snapshot = snapshotOfFolder(folder);
        const auto s = Engine::summarize(snapshot);
        QCOMPARE(std::size_t(s.workloads), snapshot.workloads.size());
        QCOMPARE(s.namespaces, int(snapshot.namespaces.size()));
        // The tree's badges: Restricted column Fail, Enforce column Fail / Pods rejected.
        QCOMPARE(s.failing, count(snapshot, Column::Restricted, Verdict::Fail));
        QCOMPARE(s.podsRejected, count(snapshot, Column::Enforce, Verdict::Fail));
        QCOMPARE(s.controllersRejected, count(snapshot, Column::Enforce, Verdict::PodsRejected));
        QCOMPARE(s.warned, count(snapshot, Column::Warn, Verdict::Fail));
        QCOMPARE(s.audited, count(snapshot, Column::Audit, Verdict::Fail));
        QCOMPARE(s.passRestricted + s.baselineOnly + s.privilegedOnly, s.workloads);
        QCOMPARE(s.privilegedOnly, count(snapshot, Column::Baseline, Verdict::Fail));
        int failingInGroups = 0, checksTotal = 0;
        for (std::size_t i = 0; i < s.perNamespace.size(); ++i) {
            const auto &n = s.perNamespace[i];
            const auto direct = Engine::namespaceNumbers(snapshot, snapshot.namespaces[i]);
            QCOMPARE(n.numbers.workloads, direct.workloads);
            QCOMPARE(n.numbers.podsRejected, direct.podsRejected);
            QCOMPARE(n.passRestricted + n.baselineOnly + n.privilegedOnly, n.numbers.workloads);
            QCOMPARE(n.failingWorkloads, n.numbers.failRestricted);
            for (const auto &g : n.failing)
                failingInGroups += g.pods > 0 ? 0 : g.failing;
            for (const auto &[id, c] : n.checks)
                checksTotal += c;
        }
        for (const auto &[id, c] : s.checks)
            checksTotal -= c;
        QCOMPARE(checksTotal, 0);
        QVERIFY(failingInGroups <= s.failing);
    }

    void podsAreGroupedUnderTheirController()
    {
        const auto snapshot = snapshotOfFolder(billing());
        const auto s = Engine::summarize(snapshot);
        QCOMPARE(s.perNamespace.size(), std::size_t(1));
        const auto &n = s.perNamespace[0];
        QCOMPARE(n.failing.size(), std::size_t(2));
        const auto &api = n.failing[0];
        QCOMPARE(api.kind, std::string("Deployment"));
        QCOMPARE(api.name, std::string("api-billing"));
        QCOMPARE(api.pods, 40);
        QCOMPARE(api.failing, 40);
        QCOMPARE(api.checks, (Engine::CheckCounts{{"allowPrivilegeEscalation", 40}}));
        QCOMPARE(Report::groupLine(api),
                 std::string("40 Pod(s), all fail allowPrivilegeEscalation"));
        QCOMPARE(n.failing[1].name, std::string("debug"));
        QCOMPARE(n.failing[1].rejected, 1); // hostPID under enforce=baseline
        QVERIFY(Report::groupLine(n.failing[1]).rfind("fails allowPrivilegeEscalation", 0) == 0);
        // Baseline: only the debug pod fails.
        const auto atBaseline = Engine::summarize(snapshot, Policy::Level::Baseline);
        QCOMPARE(atBaseline.failing, 1);
        QCOMPARE(atBaseline.perNamespace[0].failing.size(), std::size_t(1));
    }

    void htmlIsSelfContained()
    {
        const auto snapshot = snapshotOfFolder(sample());
        const auto s = Engine::summarize(snapshot);
        Report::ReportOptions options;
        options.source = "<sample & co>";
        const std::string html = Report::htmlReport(snapshot, s, options);
        QVERIFY(html.rfind("<!DOCTYPE html>\n", 0) == 0);
        QVERIFY(html.find("<script") == std::string::npos);
        QVERIFY(html.find(" src=") == std::string::npos);
        QVERIFY(html.find("href=\"http") == std::string::npos);
        QVERIFY(html.find("&lt;sample &amp; co&gt;") != std::string::npos);
        QCOMPARE(std::count_if(snapshot.namespaces.begin(), snapshot.namespaces.end(),
                               [&](const auto &ns) {
                                   return html.find("<section id=\"ns-" + ns.name + "\">") !=
                                          std::string::npos;
                               }),
                 std::ptrdiff_t(snapshot.namespaces.size()));
        QVERIFY(html.find("<svg") != std::string::npos);
        // Every failing check has its "how to fix" paragraph.
        for (const auto &[id, n] : s.checks) {
            QVERIFY2(!Report::howToFix(id).empty(), id.c_str());
            QVERIFY(html.find(Report::howToFix(id).substr(0, 20)) != std::string::npos);
        }
        options.maxGroups = 1;
        const std::string cut = Report::htmlReport(snapshot, s, options);
        QVERIFY(cut.size() < html.size());
        QVERIFY(cut.find("… and 1 more (the CSV report lists every one).") != std::string::npos);
    }

    void csvHasARowPerWorkload()
    {
        const auto snapshot = snapshotOfFolder(billing());
        const std::string csv = Report::csvReport(snapshot, Engine::summarize(snapshot));
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), std::ptrdiff_t(1 + 43));
        QVERIFY(csv.find("\r\nbilling,Pod,api-billing-7d9f-00,ReplicaSet/api-billing-7d9f,") !=
                std::string::npos);
        QVERIFY(csv.find(":42,fail,pass,allowPrivilegeEscalation\r\n") != std::string::npos);
        QVERIFY(csv.find("\r\nbilling,Pod,debug,,") != std::string::npos);
        QVERIFY(csv.find(":602,fail,fail,hostNamespaces;allowPrivilegeEscalation;") !=
                std::string::npos);
    }

    void markdownNamesEveryNamespace()
    {
        const auto snapshot = snapshotOfFolder(sample());
        const std::string md =
            Report::markdownReport(snapshot, Engine::summarize(snapshot), Report::ReportOptions{});
        for (const auto &ns : snapshot.namespaces)
            QVERIFY(md.find("\n### " + ns.name + "\n") != std::string::npos);
        QVERIFY(md.find("\n## How to fix\n") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
