// SPDX-License-Identifier: Apache-2.0
// Issue #19: a snapshot built with other options (version, level, admission configuration,
// namespace labels) from a previous one judges unchanged files again from their workloads'
// facts, without parsing them: the answer must be exactly a fresh build's, down to every
// field's position, and the facts must really be the previous ones.
#include "podtestutil.h"
#include "snapshottext.h"

#include "engine/workspacesnapshot.h"

#include <QFile>
#include <QTest>

#include <string>

using namespace PodSec;

namespace {

/// How many workloads of now were judged from the facts of a workload of before.
int sharedFacts(const WorkspaceSnapshot &now, const WorkspaceSnapshot &before)
{
    int n = 0;
    for (const auto &w : now.workloads) {
        for (const auto &b : before.workloads)
            n += w.facts && w.facts == b.facts;
    }
    return n;
}

const char *const Namespace = R"(apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
)";

const char *const Failing = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      runtimeClassName: gvisor
      securityContext: {sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}]}
      containers:
      - name: app
        image: nginx
        securityContext: {runAsUser: 0, procMount: Unmasked}
---
apiVersion: v1
kind: Pod
metadata: {name: lone, namespace: lab}
spec:
  hostUsers: false
  containers: [{name: c, image: i, securityContext: {runAsUser: 0}}]
)";

const char *const Passing = R"(apiVersion: v1
kind: Pod
metadata: {name: tidy, namespace: shop}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: c
    image: i
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL]}
)";

} // namespace

class TestRecompose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void otherOptionsFromFacts_data()
    {
        QTest::addColumn<bool>("checklist");
        QTest::addColumn<QString>("change");
        for (const bool checklist : {false, true}) {
            for (const char *change :
                 {"v1.22", "v1.0", "v1.34", "restricted", "baseline", "privileged", "defaults",
                  "exemptNamespace", "exemptRuntimeClass"})
                QTest::addRow("%s%s", change, checklist ? " checklist" : "")
                    << checklist << QString::fromLatin1(change);
        }
    }

    void otherOptionsFromFacts()
    {
        QFETCH(bool, checklist);
        QFETCH(QString, change);
        auto files = TestUtil::filesIn(TestUtil::sharedPath(QStringLiteral("corpus/real")));
        QVERIFY(files.size() > 50);
        for (auto &f :
             TestUtil::filesIn(QStringLiteral(PODSEC_SOURCE_DIR "/resources/sample/workspace")))
            files.push_back(std::move(f));
        files.emplace_back("ns.yaml", Namespace);
        files.emplace_back("failing.yaml", Failing);
        files.emplace_back("broken.yaml", "kind: Pod\nspec: [\n");
        SnapshotOptions options;
        options.checklist = checklist;
        const auto first = buildSnapshot(files, options);
        QVERIFY(first && first->workloads.size() > 100);

        SnapshotOptions other = options;
        if (change.startsWith(QLatin1Char('v')))
            other.version = *Policy::Version::parse(change.toStdString());
        else if (change == QLatin1String("defaults"))
            other.admissionConfig.defaults.enforce.level = Policy::Level::Restricted;
        else if (change == QLatin1String("exemptNamespace"))
            other.admissionConfig.exemptNamespaces = {"shop", "default"};
        else if (change == QLatin1String("exemptRuntimeClass"))
            other.admissionConfig.exemptRuntimeClasses = {"gvisor"};
        else
            other.forcedLevel = *Policy::parseLevel(change.toStdString());
        const auto again = buildSnapshot(files, other, {}, nullptr, &*first);
        const auto fresh = buildSnapshot(files, other);
        QVERIFY(again && fresh);
        QCOMPARE(TestUtil::snapshotText(*again), TestUtil::snapshotText(*fresh));
        QVERIFY(TestUtil::snapshotText(*again) !=
                TestUtil::snapshotText(*first)); // the change changed something
        // Judged from the first snapshot's facts: no file was parsed again.
        QCOMPARE(sharedFacts(*again, *first), int(first->workloads.size()));
        QCOMPARE(sharedFacts(*fresh, *first), 0);
    }

    // What the facts were read with changed (the default namespace, the checklist): every
    // file is parsed again.
    void otherReadingIsParsedAgain()
    {
        const std::vector<WorkspaceFile> files = {{"ns.yaml", Namespace},
                                                  {"failing.yaml", Failing}};
        const SnapshotOptions options;
        const auto first = buildSnapshot(files, options);
        SnapshotOptions otherNamespace = options;
        otherNamespace.defaultNamespace = "shop";
        otherNamespace.version = Policy::Version::v1(25);
        SnapshotOptions checklist = options;
        checklist.checklist = true;
        checklist.version = Policy::Version::v1(25);
        for (const auto &other : {otherNamespace, checklist}) {
            const auto again = buildSnapshot(files, other, {}, nullptr, &*first);
            QCOMPARE(TestUtil::snapshotText(*again),
                     TestUtil::snapshotText(*buildSnapshot(files, other)));
            QCOMPARE(sharedFacts(*again, *first), 0);
        }
    }

    // Another label on one Namespace: the other files are judged again from their facts,
    // the edited file is parsed.
    void labelEditRecomposesTheOthers()
    {
        std::vector<WorkspaceFile> files = {{"ns.yaml", Namespace}, {"failing.yaml", Failing}};
        const SnapshotOptions options;
        const auto first = buildSnapshot(files, options);
        std::string relabelled = Namespace;
        relabelled.replace(relabelled.find("baseline"), 8, "privileged");
        files[0].setText(relabelled);
        const auto again = buildSnapshot(files, options, {}, nullptr, &*first);
        QCOMPARE(TestUtil::snapshotText(*again),
                 TestUtil::snapshotText(*buildSnapshot(files, options)));
        QCOMPARE(sharedFacts(*again, *first), 2);
        QCOMPARE(first->workloads[0].verdicts[int(Column::Enforce)], Verdict::PodsRejected);
        QCOMPARE(again->workloads[0].verdicts[int(Column::Enforce)], Verdict::NotApplied);
    }

    // Where the window plans fixes (its light bulbs), a file with a workload failing
    // restricted is parsed again: the planner reads the document. A file that passes is not.
    void plannedFileFailingRestrictedIsParsed()
    {
        const std::vector<WorkspaceFile> files = {
            {"ns.yaml", Namespace}, {"failing.yaml", Failing}, {"passing.yaml", Passing}};
        SnapshotOptions options;
        options.planFixes = true;
        const auto first = buildSnapshot(files, options);
        SnapshotOptions other = options;
        other.version = Policy::Version::v1(24);
        const auto again = buildSnapshot(files, other, {}, nullptr, &*first);
        const auto fresh = buildSnapshot(files, other);
        QCOMPARE(TestUtil::snapshotText(*again), TestUtil::snapshotText(*fresh));
        QVERIFY(TestUtil::snapshotText(*again).contains(QLatin1String(" fixable")));
        QCOMPARE(again->workloads.size(), std::size_t(3));
        QCOMPARE(sharedFacts(*again, *first), 1); // tidy, of passing.yaml
        QCOMPARE(again->workloads[2].id().name, std::string("tidy"));
        QVERIFY(again->workloads[2].facts == first->workloads[2].facts);
    }

    // One byte of one file changed: that file is parsed, the others are not.
    void editedByteIsParsed()
    {
        std::vector<WorkspaceFile> files = {
            {"ns.yaml", Namespace}, {"failing.yaml", Failing}, {"passing.yaml", Passing}};
        const SnapshotOptions options;
        const auto first = buildSnapshot(files, options);
        std::string text = Passing;
        text.replace(text.find("true"), 4, "fals");
        text.insert(text.find("fals") + 4, "e");
        files[2].setText(text);
        SnapshotOptions other = options;
        other.forcedLevel = Policy::Level::Restricted;
        const auto again = buildSnapshot(files, other, {}, nullptr, &*first);
        QCOMPARE(TestUtil::snapshotText(*again),
                 TestUtil::snapshotText(*buildSnapshot(files, other)));
        QCOMPARE(sharedFacts(*again, *first), 2);
        QVERIFY(again->workloads[2].fails(Policy::Level::Restricted));
        QVERIFY(!first->workloads[2].fails(Policy::Level::Restricted));
    }
};

QTEST_GUILESS_MAIN(TestRecompose)
#include "tst_recompose.moc"
