// SPDX-License-Identifier: Apache-2.0
// `podsec check --rules`, `--fail-on`, `explain` and `fix --rules` for the checklist rule
// set (spec/checklist.md §5), run as a process.
#include "podtestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace PodSec;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run podsec(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PODSEC_CLI_PATH), args);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString data(const char *name)
{
    return TestUtil::testDataPath(QStringLiteral("checklist/") + QLatin1String(name));
}

QString sample()
{
    return QStringLiteral(PODSEC_SOURCE_DIR "/resources/sample");
}

const QStringList formats = {QStringLiteral("text"), QStringLiteral("json"),
                             QStringLiteral("sarif"), QStringLiteral("junit")};

} // namespace

class TestChecklistCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pssIsTheDefault()
    {
        for (const QString &format : formats) {
            for (const QStringList &extra :
                 {QStringList{}, QStringList{QStringLiteral("--admission")}}) {
                const QStringList base =
                    QStringList{QStringLiteral("check"), QStringLiteral("--format"), format} +
                    extra + QStringList{sample()};
                const Run plain = podsec(base);
                const Run pss =
                    podsec(base + QStringList{QStringLiteral("--rules"), QStringLiteral("pss")});
                QCOMPARE(pss.exitCode, plain.exitCode);
                QCOMPARE(pss.out, plain.out);
                QVERIFY(!plain.out.contains("\"checklist\"") && !plain.out.contains("checklist: "));
            }
        }
    }

    void allKeepsThePssChecks()
    {
        const Run pss = podsec({QStringLiteral("check"), QStringLiteral("--format"),
                                QStringLiteral("json"), sample()});
        const Run all =
            podsec({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                    QStringLiteral("--rules"), QStringLiteral("all"), sample()});
        const auto a = QJsonDocument::fromJson(pss.out).object();
        const auto b = QJsonDocument::fromJson(all.out).object();
        QJsonArray podObjects;
        for (const auto &o : b.value(QStringLiteral("objects")).toArray()) {
            QVERIFY(o.toObject().contains(QStringLiteral("checklist")));
            if (o.toObject().contains(QStringLiteral("checks")))
                podObjects.append(o);
        }
        const auto before = a.value(QStringLiteral("objects")).toArray();
        QCOMPARE(podObjects.size(), before.size());
        for (int i = 0; i < before.size(); ++i)
            QCOMPARE(podObjects[i].toObject().value(QStringLiteral("checks")),
                     before[i].toObject().value(QStringLiteral("checks")));
        QVERIFY(!b.value(QStringLiteral("namespaces")).toArray().isEmpty());
        const auto counts = b.value(QStringLiteral("summary"))
                                .toObject()
                                .value(QStringLiteral("checklist"))
                                .toObject();
        for (const char *key : {"deny", "danger", "warning", "info"})
            QVERIFY(counts.contains(QLatin1String(key)));
        QCOMPARE(b.value(QStringLiteral("summary")).toObject().value(QStringLiteral("objects")),
                 a.value(QStringLiteral("summary")).toObject().value(QStringLiteral("objects")));
    }

    void failOnMovesTheLine()
    {
        const QStringList base = {QStringLiteral("check"), QStringLiteral("--rules"),
                                  QStringLiteral("checklist"), data("clean.yaml")};
        const Run clean = podsec(base);
        QCOMPARE(clean.exitCode, 0);
        QVERIFY2(clean.out.contains("info cpuLimit: cpu limit (containers \"app\" do not set "
                                    "resources.limits.cpu)"),
                 clean.out.constData());
        QVERIFY(clean.out.contains("checklist: 0 deny, 0 danger, 0 warning, 1 info"));
        QCOMPARE(podsec(base + QStringList{QStringLiteral("--fail-on"), QStringLiteral("info")})
                     .exitCode,
                 1);
        QCOMPARE(podsec(base + QStringList{QStringLiteral("--fail-on"), QStringLiteral("deny")})
                     .exitCode,
                 2);
        QCOMPARE(podsec({QStringLiteral("check"), QStringLiteral("--rules"), QStringLiteral("nope"),
                         data("clean.yaml")})
                     .exitCode,
                 2);
        // The same file passes PSS restricted too: --rules all adds nothing that fails.
        QCOMPARE(podsec({QStringLiteral("check"), QStringLiteral("--rules"), QStringLiteral("all"),
                         data("clean.yaml")})
                     .exitCode,
                 0);
        const Run warnings = podsec({QStringLiteral("check"), QStringLiteral("--rules"),
                                     QStringLiteral("checklist"), data("secrets.yaml")});
        QCOMPARE(warnings.exitCode, 1);
        QVERIFY(warnings.out.contains("warning secretEnv: secret in environment (container \"app\" "
                                      "reads secret \"db\" into environment variable \"PW\")"));
    }

    void secretValuesNeverAppear()
    {
        for (const QString &format : formats) {
            const Run r =
                podsec({QStringLiteral("check"), QStringLiteral("--rules"), QStringLiteral("all"),
                        QStringLiteral("--format"), format, data("secrets.yaml")});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(!r.out.contains("hunter2") && !r.err.contains("hunter2"), qPrintable(format));
            QVERIFY2(r.out.contains("secretInManifest"), qPrintable(format));
            QVERIFY2(r.out.contains("configMapCredentials"), qPrintable(format));
        }
        const Run fix = podsec({QStringLiteral("fix"), QStringLiteral("--rules"),
                                QStringLiteral("all"), data("secrets.yaml")});
        QVERIFY(!fix.err.contains("hunter2"));
    }

    void jsonShape()
    {
        const Run r =
            podsec({QStringLiteral("check"), QStringLiteral("--rules"), QStringLiteral("checklist"),
                    QStringLiteral("--format"), QStringLiteral("json"), data("secrets.yaml")});
        const auto root = QJsonDocument::fromJson(r.out).object();
        const auto objects = root.value(QStringLiteral("objects")).toArray();
        QCOMPARE(objects.size(), 3);
        const auto secret = objects[0].toObject();
        QCOMPARE(secret.value(QStringLiteral("kind")).toString(), QStringLiteral("Secret"));
        QVERIFY(!secret.contains(QStringLiteral("checks")));
        const auto finding = secret.value(QStringLiteral("checklist")).toArray()[0].toObject();
        QCOMPARE(finding.value(QStringLiteral("id")).toString(),
                 QStringLiteral("secretInManifest"));
        QCOMPARE(finding.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(finding.value(QStringLiteral("allowed")).toBool(), false);
        const auto field = finding.value(QStringLiteral("fields")).toArray()[0].toObject();
        QCOMPARE(field.value(QStringLiteral("path")).toString(),
                 QStringLiteral("stringData.password"));
        QVERIFY(field.value(QStringLiteral("value")).isNull());
        QCOMPARE(field.value(QStringLiteral("line")).toInt(), 5);
        const auto pod = objects[2].toObject();
        QVERIFY(!pod.contains(QStringLiteral("checks")));
        const auto namespaces = root.value(QStringLiteral("namespaces")).toArray();
        QCOMPARE(namespaces.size(), 1);
        QCOMPARE(namespaces[0].toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("shop"));
        QVERIFY(namespaces[0].toObject().value(QStringLiteral("source")).isNull());
        QCOMPARE(namespaces[0].toObject().value(QStringLiteral("checklist")).toArray().size(), 4);
    }

    void sarifLevels()
    {
        const Run r =
            podsec({QStringLiteral("check"), QStringLiteral("--rules"), QStringLiteral("all"),
                    QStringLiteral("--format"), QStringLiteral("sarif"), data("clean.yaml")});
        const auto run = QJsonDocument::fromJson(r.out)
                             .object()
                             .value(QStringLiteral("runs"))
                             .toArray()[0]
                             .toObject();
        const auto rules = run.value(QStringLiteral("tool"))
                               .toObject()
                               .value(QStringLiteral("driver"))
                               .toObject()
                               .value(QStringLiteral("rules"))
                               .toArray();
        const auto results = run.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 1);
        const auto result = results[0].toObject();
        QCOMPARE(result.value(QStringLiteral("ruleId")).toString(), QStringLiteral("cpuLimit"));
        QCOMPARE(result.value(QStringLiteral("level")).toString(), QStringLiteral("note"));
        QCOMPARE(rules[result.value(QStringLiteral("ruleIndex")).toInt()]
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("cpuLimit"));
    }

    void sampleShowsTheChecklist()
    {
        const Run r = podsec({QStringLiteral("check"), QStringLiteral("--rules"),
                              QStringLiteral("checklist"), sample()});
        QCOMPARE(r.exitCode, 1);
        for (const char *line :
             {"warning secretInManifest: secret data in a manifest (secret \"checkout-db\" carries "
              "2 "
              "key(s) in the file; anyone who can read the file can use them)",
              "which is \"/run/containerd/containerd.sock\" (the container runtime socket)",
              "service account \"node-exporter\" sets it to true",
              "warning defaultDenyNetworkPolicy: no default-deny network policy (namespace \"web\" "
              "has no default-deny policy for egress)"})
            QVERIFY2(r.out.contains(line), line);
        QVERIFY(!r.out.contains("change-me"));
    }

    void explainEveryRule()
    {
        for (const char *id :
             {"serviceAccountToken", "memoryLimit", "hostPathSensitive", "mountableSecrets",
              "defaultDenyNetworkPolicy", "podSecurityPolicy"}) {
            const Run r = podsec({QStringLiteral("explain"), QLatin1String(id)});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.startsWith(QByteArray("# ").append(id)));
            QVERIFY(r.out.contains("Seed chapter"));
        }
    }

    void fixListsDecisionsOnly()
    {
        QFile f(data("secrets.yaml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        const Run r = podsec({QStringLiteral("fix"), QStringLiteral("--rules"),
                              QStringLiteral("checklist"), data("secrets.yaml")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, original);
        QVERIFY2(r.err.contains("needs a decision: Pod shop/p: warning imageDigest: image not "
                                "pinned by digest"),
                 r.err.constData());
        const Run pssOnly = podsec({QStringLiteral("fix"), data("secrets.yaml")});
        QVERIFY(!pssOnly.err.contains("imageDigest"));
    }

    void fixListsTheChoicesTheWindowOffers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\n"
                "kind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n  - "
                "{name: a, image: x, resources: {requests: {memory: 1Gi}}}\n");
        f.close();
        const Run r = podsec(
            {QStringLiteral("fix"), QStringLiteral("--rules"), QStringLiteral("checklist"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.contains("Pod shop/p: warning serviceAccountToken: "
                           "automountServiceAccountToken != false (pod uses service account "
                           "\"default\" and does not set automountServiceAccountToken=false) "
                           "[choice: Set automountServiceAccountToken to false for the pod]\n"),
            r.err.constData());
        QVERIFY2(r.err.contains("[choice: Set limits.memory of container \"a\" to 1Gi]"),
                 r.err.constData());
        QVERIFY2(r.err.contains(": needs a decision: Namespace shop: warning podSecurityEnforced: "
                                "enforce below baseline (namespace \"shop\" enforces "
                                "privileged:latest (from the default)) [choice: Label namespace "
                                "\"shop\" to enforce baseline | Label namespace \"shop\" to "
                                "enforce restricted]\n"),
                 r.err.constData());
        QVERIFY2(r.err.contains("Namespace shop: warning defaultDenyNetworkPolicy"),
                 r.err.constData());
        // Listed, never written: the file is as it was.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("apiVersion: v1\nkind: Namespace\n"));
    }
};

QTEST_GUILESS_MAIN(TestChecklistCli)
#include "tst_checklistcli.moc"
