// SPDX-License-Identifier: Apache-2.0
// `podsec plan` and the reports for people (`check --format html|markdown|csv`,
// `--summary`; spec/cli.md), run as a process.
#include "podtestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = PodSec::TestUtil::ProcessRun;

Run podsec(const QStringList &args)
{
    return PodSec::TestUtil::runProcess(QStringLiteral(PODSEC_CLI_PATH), args);
}

QString planData()
{
    return PodSec::TestUtil::testDataPath(QStringLiteral("plan"));
}

} // namespace

class TestCliPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textNamesEachNamespace()
    {
        const Run r = podsec({QStringLiteral("plan"), planData()});
        QCOMPARE(r.exitCode, 1); // some namespaces cannot enforce restricted yet
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.startsWith("Rollout plan towards restricted:latest: 3 of 8 namespace(s)"));
        QVERIFY(r.out.contains("\npartial "));
        QVERIFY(r.out.contains("enforce=baseline, warn=restricted, audit=restricted\n"));
        QVERIFY(r.out.contains("  Warning: existing pods in namespace \"partial\" violate the new "
                               "PodSecurity enforce level \"restricted:latest\"\n"));
        QVERIFY(r.out.contains("    pods (1): plain-1\n"));
    }

    void jsonScriptAndPatches()
    {
        const Run json = podsec({QStringLiteral("plan"), QStringLiteral("--format"),
                                 QStringLiteral("json"), planData()});
        QCOMPARE(json.exitCode, 1);
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(json.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const auto root = doc.object();
        QCOMPARE(root[QStringLiteral("target")].toString(), QStringLiteral("restricted:latest"));
        QCOMPARE(root[QStringLiteral("summary")][QStringLiteral("namespaces")].toInt(), 8);
        QCOMPARE(root[QStringLiteral("summary")][QStringLiteral("reachTarget")].toInt(), 3);
        bool seen = false;
        for (const auto &v : root[QStringLiteral("namespaces")].toArray()) {
            const auto ns = v.toObject();
            if (ns[QStringLiteral("name")].toString() != QStringLiteral("partial"))
                continue;
            seen = true;
            QCOMPARE(ns[QStringLiteral("step")].toString(), QStringLiteral("partial"));
            QCOMPARE(ns[QStringLiteral("meets")].toString(), QStringLiteral("baseline"));
            QCOMPARE(ns[QStringLiteral("plannedLabels")]
                       [QStringLiteral("pod-security.kubernetes.io/enforce")]
                           .toString(),
                     QStringLiteral("baseline"));
            const auto dryRun = ns[QStringLiteral("dryRun")].toObject();
            QCOMPARE(dryRun[QStringLiteral("warnings")].toArray().size(), 2);
            QCOMPARE(dryRun[QStringLiteral("groups")][0][QStringLiteral("pods")][0].toString(),
                     QStringLiteral("plain-1"));
        }
        QVERIFY(seen);

        const Run sh = podsec(
            {QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("sh"), planData()});
        QVERIFY(sh.out.startsWith("#!/bin/sh\n"));
        QCOMPARE(sh.out.count("\nkubectl label --overwrite namespace "), 6);
        const Run yaml = podsec({QStringLiteral("plan"), QStringLiteral("--format"),
                                 QStringLiteral("yaml"), planData()});
        QCOMPARE(yaml.out.count("\nkind: Namespace\n"), 6);
        // The patches read back as Namespaces without a problem.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.yaml"));
        const Run written =
            podsec({QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("yaml"),
                    QStringLiteral("--output"), path, planData()});
        QVERIFY(written.out.isEmpty());
        const Run check = podsec({QStringLiteral("check"), path});
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(check.err.isEmpty(), check.err.constData());
    }

    void baselineTargetAndCompletePlans()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("ok.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: team}\nspec:\n"
                "  containers: [{name: app, image: nginx}]\n");
        f.close();
        // The pod meets baseline: a baseline plan is complete (0), a restricted one not (1).
        const Run baseline = podsec({QStringLiteral("plan"), QStringLiteral("--target"),
                                     QStringLiteral("baseline"), dir.path()});
        QCOMPARE(baseline.exitCode, 0);
        QVERIFY(baseline.out.contains("enforce=baseline, warn=baseline, audit=baseline\n"));
        const Run restricted = podsec({QStringLiteral("plan"), dir.path()});
        QCOMPARE(restricted.exitCode, 1);
    }

    void reportsForPeople()
    {
        const QString data = PodSec::TestUtil::testDataPath(QStringLiteral("reports"));
        const Run summary = podsec({QStringLiteral("check"), QStringLiteral("--format"),
                                    QStringLiteral("json"), QStringLiteral("--summary"), data});
        QCOMPARE(summary.exitCode, 1);
        const auto root = QJsonDocument::fromJson(summary.out).object();
        QCOMPARE(root[QStringLiteral("summary")][QStringLiteral("pods")].toInt(), 41);
        QCOMPARE(root[QStringLiteral("summary")][QStringLiteral("failing")].toInt(), 43);
        QCOMPARE(root[QStringLiteral("summary")][QStringLiteral("podsRejected")].toInt(), 1);
        const auto group =
            root[QStringLiteral("namespaces")][0][QStringLiteral("failingWorkloads")][0].toObject();
        QCOMPARE(group[QStringLiteral("name")].toString(), QStringLiteral("api-billing"));
        QCOMPARE(group[QStringLiteral("pods")].toInt(), 40);
        QCOMPARE(group[QStringLiteral("checks")].toObject(),
                 (QJsonObject{{QStringLiteral("allowPrivilegeEscalation"), 40}}));
        // The full report names each Pod's controller.
        const Run full = podsec(
            {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"), data});
        QVERIFY(full.out.contains(
            "\"name\":\"api-billing-7d9f-00\",\"owner\":{\"kind\":\"ReplicaSet\",\"name\":"
            "\"api-billing-7d9f\"}"));

        const Run md = podsec({QStringLiteral("check"), QStringLiteral("--format"),
                               QStringLiteral("markdown"), data});
        QCOMPARE(md.exitCode, 1);
        QVERIFY(md.out.contains(
            "- **api-billing** (Deployment): 40 Pod(s), all fail allowPrivilegeEscalation"));
        const Run html = podsec(
            {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("html"), data});
        QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
        const Run csv = podsec(
            {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("csv"), data});
        QCOMPARE(csv.out.count("\r\n"), 44);
        // Baseline: only the debug pod fails, and it is rejected by enforce=baseline.
        const Run baseline = podsec({QStringLiteral("check"), QStringLiteral("--format"),
                                     QStringLiteral("json"), QStringLiteral("--summary"),
                                     QStringLiteral("--level"), QStringLiteral("baseline"), data});
        QCOMPARE(QJsonDocument::fromJson(baseline.out)
                     .object()[QStringLiteral("summary")][QStringLiteral("failing")]
                     .toInt(),
                 1);
        const Run wrong = podsec({QStringLiteral("check"), QStringLiteral("--summary"), data});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.err.contains("--summary goes with --format json"));
    }

    void usageErrors()
    {
        for (const QStringList &args :
             {QStringList{QStringLiteral("--target"), QStringLiteral("privileged")},
              QStringList{QStringLiteral("--target"), QStringLiteral("strict")},
              QStringList{QStringLiteral("--format"), QStringLiteral("sarif")},
              QStringList{QStringLiteral("--kubeconfig"), QStringLiteral("/nonexistent")}}) {
            const Run r =
                podsec(QStringList{QStringLiteral("plan")} + args + QStringList{planData()});
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QVERIFY(r.err.startsWith("podsec: "));
        }
        const Run missing = podsec({QStringLiteral("plan"), QStringLiteral("/nonexistent/x.yaml")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith("/nonexistent/x.yaml:1:1: "));
    }
};

QTEST_GUILESS_MAIN(TestCliPlan)
#include "tst_cliplan.moc"
