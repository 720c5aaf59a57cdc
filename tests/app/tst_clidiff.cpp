// SPDX-License-Identifier: Apache-2.0
// `podsec diff` (spec/cli.md, issue 18 item 4), run as a process: the JSON shape, the text,
// exit statuses in both directions, usage errors.
#include "podtestutil.h"

#include <QFile>
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

QString fixture()
{
    return PodSec::TestUtil::testDataPath(QStringLiteral("versiondiff/workloads.yaml"));
}

Run diff(const char *from, const char *to, const QStringList &more = {})
{
    return podsec(QStringList{QStringLiteral("diff"), QStringLiteral("--from"), QLatin1String(from),
                              QStringLiteral("--to"), QLatin1String(to)} +
                  more + QStringList{fixture()});
}

QJsonObject json(const Run &r)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", r.out.constData());
    return doc.object();
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &s : v.toArray())
        out.push_back(s.toString());
    return out;
}

} // namespace

class TestCliDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonShape()
    {
        const Run r = diff("v1.22", "v1.23", {QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1); // runs-as-root is denied at v1.23
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const auto root = json(r);
        QCOMPARE(root.keys(), (QStringList{QStringLiteral("checks"), QStringLiteral("from"),
                                           QStringLiteral("level"), QStringLiteral("objects"),
                                           QStringLiteral("to")}));
        QCOMPARE(root[QStringLiteral("from")].toString(), QStringLiteral("v1.22"));
        QCOMPARE(root[QStringLiteral("to")].toString(), QStringLiteral("v1.23"));
        QCOMPARE(root[QStringLiteral("level")].toString(), QStringLiteral("restricted"));
        QCOMPARE(root[QStringLiteral("checks")].toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("runAsUser")},
                                         {QStringLiteral("change"), QStringLiteral("added")},
                                         {QStringLiteral("version"), QStringLiteral("v1.23")}}}));
        const auto objects = root[QStringLiteral("objects")].toArray();
        QCOMPARE(objects.size(), 1);
        const auto o = objects[0].toObject();
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("from"), QStringLiteral("kind"),
                                        QStringLiteral("name"), QStringLiteral("namespace"),
                                        QStringLiteral("source"), QStringLiteral("to")}));
        QCOMPARE(o[QStringLiteral("kind")].toString(), QStringLiteral("Deployment"));
        QCOMPARE(o[QStringLiteral("namespace")].toString(), QStringLiteral("web"));
        QCOMPARE(o[QStringLiteral("name")].toString(), QStringLiteral("runs-as-root"));
        QVERIFY(o[QStringLiteral("source")].toString().endsWith(
            QStringLiteral("versiondiff/workloads.yaml:42")));
        QCOMPARE(o[QStringLiteral("from")].toObject(),
                 (QJsonObject{{QStringLiteral("allowed"), true},
                              {QStringLiteral("failing"), QJsonArray{}}}));
        QCOMPARE(
            o[QStringLiteral("to")].toObject(),
            (QJsonObject{{QStringLiteral("allowed"), false},
                         {QStringLiteral("failing"), QJsonArray{QStringLiteral("runAsUser")}}}));
    }

    void directionDecidesTheExitStatus()
    {
        // The other way round the same object is listed, but nothing gets stricter.
        const Run back =
            diff("v1.23", "v1.22", {QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(back.exitCode, 0);
        const auto root = json(back);
        QCOMPARE(root[QStringLiteral("checks")][0][QStringLiteral("change")].toString(),
                 QStringLiteral("removed"));
        const auto o = root[QStringLiteral("objects")][0].toObject();
        QCOMPARE(strings(o[QStringLiteral("from")][QStringLiteral("failing")]),
                 QStringList{QStringLiteral("runAsUser")});
        QVERIFY(o[QStringLiteral("to")][QStringLiteral("allowed")].toBool());

        // v1.24 → latest: the Windows pod is relaxed, reserved-ports passes sysctls, nothing
        // new fails: 0. latest → v1.24: they fail again: 1.
        const Run forward =
            diff("v1.24", "latest", {QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(forward.exitCode, 0);
        QStringList names;
        for (const auto &v : json(forward)[QStringLiteral("objects")].toArray())
            names.push_back(v[QStringLiteral("name")].toString());
        QCOMPARE(names, (QStringList{QStringLiteral("windows"), QStringLiteral("reserved-ports")}));
        QCOMPARE(diff("latest", "v1.24").exitCode, 1);
        // The same version: nothing listed, 0.
        const Run same =
            diff("latest", "v1.37", {QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(same.exitCode, 0);
        QVERIFY(json(same)[QStringLiteral("objects")].toArray().isEmpty());
        QVERIFY(json(same)[QStringLiteral("checks")].toArray().isEmpty());
    }

    void baselineLevel()
    {
        const Run r = diff("v1.27", "v1.26",
                           {QStringLiteral("--level"), QStringLiteral("baseline"),
                            QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1); // reserved-ports fails sysctls before v1.27
        const auto root = json(r);
        QCOMPARE(root[QStringLiteral("level")].toString(), QStringLiteral("baseline"));
        QCOMPARE(root[QStringLiteral("objects")].toArray().size(), 1);
        QCOMPARE(root[QStringLiteral("objects")][0][QStringLiteral("name")].toString(),
                 QStringLiteral("reserved-ports"));
    }

    void textFieldByField()
    {
        const Run r = diff("v1.24", "v1.25");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(
            r.out.startsWith("Pod Security Standards, level restricted, from v1.24 to v1.25\n"));
        QVERIFY(r.out.contains("  changed  allowPrivilegeEscalation   since v1.25\n"));
        QVERIFY(r.out.contains("  Pod win/windows\n"));
        QVERIFY(
            r.out.contains("  v1.24: denied (allowPrivilegeEscalation, capabilities_restricted, "
                           "seccompProfile_restricted)\n  v1.25: allowed\n"));
        QVERIFY(r.out.contains("  - allowPrivilegeEscalation fails only at v1.24: "
                               "allowPrivilegeEscalation != false"));
        QVERIFY(r.out.contains(
            "      spec.containers[0].securityContext.allowPrivilegeEscalation: null\n"));
        QVERIFY(!r.out.contains("runs-as-root"));
        QVERIFY(!r.out.contains("passes-everywhere"));
        QVERIFY(!r.out.contains("fails-everywhere"));
    }

    void outputFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("diff.json"));
        const Run r = diff(
            "v1.22", "v1.23",
            {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll())
                     .object()[QStringLiteral("objects")]
                     .toArray()
                     .size(),
                 1);
    }

    void usageErrors()
    {
        const Run bad = diff("v2.0", "latest");
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.out.isEmpty());
        QVERIFY2(bad.err.startsWith("podsec: --from: unknown policy version 'v2.0'; valid "
                                    "versions: latest, v1.0, v1.1, ... v1.37"),
                 bad.err.constData());
        QVERIFY(diff("latest", "1.25").err.contains("--to: unknown policy version '1.25'"));
        for (const QStringList &args :
             {QStringList{QStringLiteral("--to"), QStringLiteral("latest")},
              QStringList{QStringLiteral("--from"), QStringLiteral("v1.24")},
              QStringList{QStringLiteral("--from"), QStringLiteral("v1.24"), QStringLiteral("--to"),
                          QStringLiteral("latest"), QStringLiteral("--level"),
                          QStringLiteral("privileged")},
              QStringList{QStringLiteral("--from"), QStringLiteral("v1.24"), QStringLiteral("--to"),
                          QStringLiteral("latest"), QStringLiteral("--format"),
                          QStringLiteral("sarif")},
              QStringList{QStringLiteral("--from"), QStringLiteral("v1.24"), QStringLiteral("--to"),
                          QStringLiteral("latest"), QStringLiteral("--bogus")}}) {
            const Run r =
                podsec(QStringList{QStringLiteral("diff")} + args + QStringList{fixture()});
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.startsWith("podsec: "), r.err.constData());
        }
        const Run missing =
            podsec({QStringLiteral("diff"), QStringLiteral("--from"), QStringLiteral("v1.24"),
                    QStringLiteral("--to"), QStringLiteral("latest"),
                    QStringLiteral("/nonexistent/x.yaml")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith("/nonexistent/x.yaml:1:1: "));
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_clidiff.moc"
