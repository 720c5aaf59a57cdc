// SPDX-License-Identifier: Apache-2.0
// `podsec` run as a process: exit codes, stderr format and report shapes per
// shared/spec/cli.md, on the shared fixtures, the real-world corpus and our own data.
#include "podtestutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace PodSec;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run podsec(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    p.setProgram(QStringLiteral(PODSEC_CLI_PATH));
    p.setArguments(args);
    p.start();
    if (!p.waitForStarted())
        return {};
    p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject parseJson(const QByteArray &data)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "invalid JSON:" << error.errorString() << "at" << error.offset;
    return doc.object();
}

QString cliData(const char *name)
{
    return TestUtil::testDataPath(QStringLiteral("cli/") + QLatin1String(name));
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void usageErrors_data();
    void usageErrors();
    void fixtureFolders_data();
    void fixtureFolders();
    void corpusJsonShape();
    void brokenDocumentDoesNotStopOthers();
    void standardInput();
    void readsLikeKubernetes();
    void sarif();
    void junit();
    void textFormat();
    void admissionSample();
    void admissionConfigExemptions();
    void admissionDefaultsArePrivileged();
    void admissionDeniesTemplatesWhosePodsWouldBeRejected();
    void outputFile();
    void explain();
    void hostileInput_data();
    void hostileInput();
    void fixToStdout();
    void fixDiffInPlaceBackup();
    void fixNeedsDecision();
    void sarifFixes();
};

void TestCli::version()
{
    const auto r = podsec({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.split('\n');
    QCOMPARE(lines.value(0), QByteArray("podsec " PODSEC_VERSION_STRING));
    QCOMPARE(lines.value(1),
             QByteArray("Pod Security Standards policy versions: v1.0\u2013v1.37 (and latest)"));
    QVERIFY(r.out.contains("\n  yaml-cpp 0.7"));
    QVERIFY(r.out.contains("\n  Qt 6.") && r.out.contains("(LGPL-3.0-only)"));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("missing command");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("check"), QStringLiteral("--bogus"), QStringLiteral("x")}
        << QStringLiteral("unknown option '--bogus'");
    QTest::newRow("bad level") << QStringList{QStringLiteral("check"),
                                              QStringLiteral("--level=strict"), QStringLiteral("x")}
                               << QStringLiteral("--level must be one of");
    QTest::newRow("bad version") << QStringList{QStringLiteral("check"),
                                                QStringLiteral("--version"),
                                                QStringLiteral("v1.05"), QStringLiteral("x")}
                                 << QStringLiteral("--version must be");
    QTest::newRow("bad format") << QStringList{QStringLiteral("check"),
                                               QStringLiteral("--format=yaml"), QStringLiteral("x")}
                                << QStringLiteral("--format must be");
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("check"), QStringLiteral("--level")}
        << QStringLiteral("needs a value");
    QTest::newRow("missing file") << QStringList{QStringLiteral("check"),
                                                 QStringLiteral("/nonexistent/pod.yaml")}
                                  << QStringLiteral("/nonexistent/pod.yaml:1:1: no such file");
    QTest::newRow("unknown check")
        << QStringList{QStringLiteral("explain"), QStringLiteral("runAsRoot")}
        << QStringLiteral("unknown check ID 'runAsRoot'");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, stderrContains);
    const auto r = podsec(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrContains), r.err.constData());
}

void TestCli::fixtureFolders_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("pass");
    for (const char *level : {"baseline", "restricted"}) {
        for (const char *version : {"v1.0", "v1.25", "v1.30", "v1.37"}) {
            for (bool pass : {true, false}) {
                QTest::addRow("%s/%s/%s", level, version, pass ? "pass" : "fail")
                    << QString::fromLatin1(level) << QString::fromLatin1(version) << pass;
            }
        }
    }
}

void TestCli::fixtureFolders()
{
    QFETCH(QString, level);
    QFETCH(QString, version);
    QFETCH(bool, pass);
    const QString dir = TestUtil::sharedPath(
        QStringLiteral("conformance/pss-fixtures/%1/%2/%3")
            .arg(level, version, pass ? QStringLiteral("pass") : QStringLiteral("fail")));
    const auto r =
        podsec({QStringLiteral("check"), QStringLiteral("--format=json"), QStringLiteral("--level"),
                level, QStringLiteral("--version"), version, dir});
    QCOMPARE(r.exitCode, pass ? 0 : 1);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const auto report = parseJson(r.out);
    const auto objects = report[QLatin1String("objects")].toArray();
    const int files = int(QDir(dir).entryList({QStringLiteral("*.yaml")}, QDir::Files).size());
    QCOMPARE(objects.size(), files);
    for (const auto &o : objects) {
        const auto object = o.toObject();
        QVERIFY2(object[QLatin1String("allowed")].toBool() == pass,
                 qPrintable(
                     object[QLatin1String("source")].toObject()[QLatin1String("file")].toString()));
    }
    const auto summary = report[QLatin1String("summary")].toObject();
    QCOMPARE(summary[QLatin1String("objects")].toInt(), files);
    QCOMPARE(summary[QLatin1String(pass ? "allowed" : "denied")].toInt(), files);
}

void TestCli::corpusJsonShape()
{
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=json"),
                           TestUtil::sharedPath(QStringLiteral("corpus/real"))});
    // The corpus holds privileged DaemonSets, and one ReplicationController with a duplicate
    // key that kubectl refuses: an error, so exit 2, and that object gets no verdict.
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(
        r.err.endsWith("etcd-controller.yaml:12:3: duplicate key \"selector\": already defined "
                       "at line 6, column 3 (kubectl refuses the object)\n"),
        r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    const auto report = parseJson(r.out);
    QCOMPARE(report[QLatin1String("schemaVersion")].toInt(), 1);
    QCOMPARE(report[QLatin1String("tool")].toObject()[QLatin1String("name")].toString(),
             QStringLiteral("podsec"));
    QCOMPARE(report[QLatin1String("policy")].toObject()[QLatin1String("level")].toString(),
             QStringLiteral("restricted"));
    QCOMPARE(report[QLatin1String("policy")].toObject()[QLatin1String("version")].toString(),
             QStringLiteral("latest"));
    const auto objects = report[QLatin1String("objects")].toArray();
    // INVENTORY.tsv counts 148 pod-bearing workloads in the corpus; the API server refuses
    // one (etcd-controller.yaml, duplicate key).
    QCOMPARE(objects.size(), 147);
    const QStringList kinds = {QStringLiteral("Pod"),
                               QStringLiteral("PodTemplate"),
                               QStringLiteral("ReplicationController"),
                               QStringLiteral("ReplicaSet"),
                               QStringLiteral("Deployment"),
                               QStringLiteral("DaemonSet"),
                               QStringLiteral("StatefulSet"),
                               QStringLiteral("Job"),
                               QStringLiteral("CronJob")};
    int allowed = 0;
    for (const auto &value : objects) {
        const auto o = value.toObject();
        const auto source = o[QLatin1String("source")].toObject();
        QVERIFY(source[QLatin1String("file")].toString().endsWith(QLatin1String(".yaml")) ||
                source[QLatin1String("file")].toString().endsWith(QLatin1String(".yml")) ||
                source[QLatin1String("file")].toString().endsWith(QLatin1String(".json")));
        QVERIFY(source[QLatin1String("document")].toInt(-1) >= 0);
        QVERIFY(source[QLatin1String("line")].toInt() >= 1);
        QVERIFY(source[QLatin1String("column")].toInt() >= 1);
        QVERIFY(kinds.contains(o[QLatin1String("kind")].toString()));
        QVERIFY(!o[QLatin1String("apiVersion")].toString().isEmpty());
        QVERIFY(o.contains(QLatin1String("name")));
        const bool objectAllowed = o[QLatin1String("allowed")].toBool();
        allowed += objectAllowed;
        const auto checks = o[QLatin1String("checks")].toArray();
        QCOMPARE(checks.size(), 15); // restricted:latest runs 15 checks
        QString expectedMessage;
        for (const auto &c : checks) {
            const auto check = c.toObject();
            QVERIFY(!check[QLatin1String("id")].toString().isEmpty());
            const bool checkAllowed = check[QLatin1String("allowed")].toBool();
            if (!checkAllowed) {
                if (!expectedMessage.isEmpty())
                    expectedMessage += QStringLiteral(", ");
                expectedMessage += check[QLatin1String("reason")].toString() +
                                   QStringLiteral(" (") +
                                   check[QLatin1String("detail")].toString() + QStringLiteral(")");
            }
            bool anyFailingField = false;
            for (const auto &f : check[QLatin1String("fields")].toArray()) {
                const auto field = f.toObject();
                const QString path = field[QLatin1String("path")].toString();
                QVERIFY2(path.startsWith(QLatin1String("spec.")) ||
                             path.startsWith(QLatin1String("metadata.annotations[")) ||
                             path.startsWith(QLatin1String("template.")),
                         qPrintable(path));
                QVERIFY(field.contains(QLatin1String("value")));
                QVERIFY(field[QLatin1String("line")].toInt() >= 1);
                if (!field[QLatin1String("present")].toBool())
                    QVERIFY(field[QLatin1String("value")].isNull());
                anyFailingField |= !field[QLatin1String("allowed")].toBool();
            }
            // Every denied check points at least at one failing field.
            if (!checkAllowed)
                QVERIFY2(anyFailingField, qPrintable(check[QLatin1String("id")].toString()));
        }
        QCOMPARE(o[QLatin1String("message")].toString(), expectedMessage);
        QCOMPARE(objectAllowed, expectedMessage.isEmpty());
    }
    const auto summary = report[QLatin1String("summary")].toObject();
    QCOMPARE(summary[QLatin1String("objects")].toInt(), 147);
    QCOMPARE(summary[QLatin1String("allowed")].toInt(), allowed);
    QCOMPARE(summary[QLatin1String("denied")].toInt(), 147 - allowed);
    QCOMPARE(summary[QLatin1String("errors")].toInt(), 1);
}

void TestCli::brokenDocumentDoesNotStopOthers()
{
    const QString file = cliData("three-docs-one-broken.yaml");
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=json"), file});
    QCOMPARE(r.exitCode, 2);
    const QStringList lines = QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    static const QRegularExpression format(QStringLiteral("^(.+):(\\d+):(\\d+): (.+)$"));
    const auto m = format.match(lines.first());
    QVERIFY2(m.hasMatch(), qPrintable(lines.first()));
    QCOMPARE(m.captured(1), file);
    QVERIFY(m.captured(2).toInt() >= 15 && m.captured(2).toInt() <= 17); // inside document 2
    const auto report = parseJson(r.out);
    const auto objects = report[QLatin1String("objects")].toArray();
    QCOMPARE(objects.size(), 2);
    QCOMPARE(objects[0].toObject()[QLatin1String("name")].toString(), QStringLiteral("first"));
    QCOMPARE(objects[1].toObject()[QLatin1String("name")].toString(), QStringLiteral("third"));
    QCOMPARE(objects[1]
                 .toObject()[QLatin1String("source")]
                 .toObject()[QLatin1String("document")]
                 .toInt(),
             2);
    QCOMPARE(objects[1].toObject()[QLatin1String("allowed")].toBool(), true);
    const auto errors = report[QLatin1String("errors")].toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].toObject()[QLatin1String("line")].toInt(), m.captured(2).toInt());
}

// Issue 14: an object the API server cannot decode is an error at the value (exit 2) and
// gets no verdict; a whole float is its integer (runAsUser 0.0 is root); a template-less
// Deployment runs every check; content after "..." is a warning (no exit 2).
void TestCli::readsLikeKubernetes()
{
    const QByteArray input =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: quoted}\nspec:\n"
        "  containers:\n  - name: c\n    ports:\n    - hostPort: \"80\"\n"
        "---\napiVersion: v1\nkind: Pod\nmetadata: {name: root}\nspec:\n"
        "  securityContext: {runAsNonRoot: true, runAsUser: 0.0}\n"
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: empty}\n";
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=json"),
                           QStringLiteral("--level=restricted"), QStringLiteral("-")},
                          input);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(QString::fromUtf8(r.err),
             QStringLiteral("<stdin>:8:17: Pod in version \"v1\" cannot be handled as a Pod: json: "
                            "cannot unmarshal string into Go struct field "
                            "ContainerPort.spec.containers.ports.hostPort of type int32\n"));
    const auto report = parseJson(r.out);
    const auto objects = report[QLatin1String("objects")].toArray();
    QCOMPARE(objects.size(), 2);
    const auto root = objects[0].toObject();
    QCOMPARE(root[QLatin1String("name")].toString(), QStringLiteral("root"));
    QCOMPARE(root[QLatin1String("message")].toString(),
             QStringLiteral("runAsUser=0 (pod must not set runAsUser=0)"));
    const auto empty = objects[1].toObject();
    QCOMPARE(empty[QLatin1String("name")].toString(), QStringLiteral("empty"));
    QCOMPARE(empty[QLatin1String("allowed")].toBool(), true);
    QCOMPARE(empty[QLatin1String("checks")].toArray().size(), 15); // all of restricted:latest
    QCOMPARE(report[QLatin1String("errors")].toArray().size(), 1);

    const QByteArray ended = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n...\n"
                             "apiVersion: v1\nkind: Pod\nmetadata: {name: hidden}\n"
                             "spec: {hostNetwork: true}\n";
    const auto w = podsec({QStringLiteral("check"), QStringLiteral("--format=json"),
                           QStringLiteral("--level=baseline"), QStringLiteral("-")},
                          ended);
    QCOMPARE(w.exitCode, 0);
    QVERIFY2(QString::fromUtf8(w.err).startsWith(QStringLiteral("<stdin>:5:1: warning: ")),
             w.err.constData());
    QCOMPARE(parseJson(w.out)[QLatin1String("objects")].toArray().size(), 1);

    const QByteArray stray = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n$NOT_A_KEY\n";
    const auto s = podsec({QStringLiteral("check"), QStringLiteral("-")}, stray);
    QCOMPARE(s.exitCode, 2);
    QVERIFY2(QString::fromUtf8(s.err).startsWith(QStringLiteral("<stdin>:5:1: ")),
             s.err.constData());
}

void TestCli::standardInput()
{
    const QByteArray pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                           "  containers:\n  - name: c\n    image: x\n";
    const auto r = podsec(
        {QStringLiteral("check"), QStringLiteral("--format=json"), QStringLiteral("-")}, pod);
    QCOMPARE(r.exitCode, 1);
    const auto o = parseJson(r.out)[QLatin1String("objects")].toArray().at(0).toObject();
    QCOMPARE(o[QLatin1String("source")].toObject()[QLatin1String("file")].toString(),
             QStringLiteral("<stdin>"));
    QCOMPARE(
        o[QLatin1String("message")].toString(),
        QStringLiteral(
            "allowPrivilegeEscalation != false (container \"c\" must set "
            "securityContext.allowPrivilegeEscalation=false), unrestricted capabilities "
            "(container \"c\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            "runAsNonRoot != true (pod or container \"c\" must set "
            "securityContext.runAsNonRoot=true), seccompProfile (pod or container \"c\" must "
            "set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"));
    const auto baseline = podsec(
        {QStringLiteral("check"), QStringLiteral("--level=baseline"), QStringLiteral("-")}, pod);
    QCOMPARE(baseline.exitCode, 0);
}

void TestCli::sarif()
{
    const auto r = podsec(
        {QStringLiteral("check"), QStringLiteral("--format=sarif"),
         TestUtil::sharedPath(QStringLiteral("conformance/pss-fixtures/baseline/v1.37/fail"))});
    QCOMPARE(r.exitCode, 1);
    const auto sarif = parseJson(r.out);
    QCOMPARE(sarif[QLatin1String("version")].toString(), QStringLiteral("2.1.0"));
    const auto run = sarif[QLatin1String("runs")].toArray().at(0).toObject();
    const auto rules = run[QLatin1String("tool")]
                           .toObject()[QLatin1String("driver")]
                           .toObject()[QLatin1String("rules")]
                           .toArray();
    QCOMPARE(rules.size(), qsizetype(Policy::registry().size()));
    const auto results = run[QLatin1String("results")].toArray();
    QVERIFY(results.size() >= 30);
    for (const auto &value : results) {
        const auto result = value.toObject();
        const int index = result[QLatin1String("ruleIndex")].toInt();
        QCOMPARE(rules[index].toObject()[QLatin1String("id")].toString(),
                 result[QLatin1String("ruleId")].toString());
        const auto region = result[QLatin1String("locations")]
                                .toArray()
                                .at(0)
                                .toObject()[QLatin1String("physicalLocation")]
                                .toObject()[QLatin1String("region")]
                                .toObject();
        QVERIFY(region[QLatin1String("startLine")].toInt() >= 1);
    }
}

void TestCli::junit()
{
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=junit"),
                           cliData("three-docs-one-broken.yaml")});
    QCOMPARE(r.exitCode, 2);
    QXmlStreamReader xml(r.out);
    int testcases = 0, failures = 0, errors = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("testsuites")) {
            QCOMPARE(xml.attributes().value(QLatin1String("tests")).toInt(), 3);
            QCOMPARE(xml.attributes().value(QLatin1String("errors")).toInt(), 1);
        }
        testcases += xml.name() == QLatin1String("testcase");
        failures += xml.name() == QLatin1String("failure");
        errors += xml.name() == QLatin1String("error");
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(testcases, 3);
    QCOMPARE(failures, 4); // "first" fails four restricted checks
    QCOMPARE(errors, 1);
}

void TestCli::textFormat()
{
    const auto r = podsec({QStringLiteral("check"), cliData("three-docs-one-broken.yaml")});
    QCOMPARE(r.exitCode, 2);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(!text.contains(QLatin1Char('\x1b'))); // no colour when not a terminal
    QVERIFY(text.contains(QStringLiteral("FAIL  Pod first")));
    QVERIFY(text.contains(QStringLiteral("PASS  Pod third")));
    // the failing field with its line:column and path
    QVERIFY2(text.contains(QStringLiteral(
                 "8:7  spec.containers[0].securityContext.allowPrivilegeEscalation (not set)")),
             qPrintable(text));
    QVERIFY(text.contains(
        QStringLiteral("2 objects at restricted:latest: 1 allowed, 1 denied, 1 error")));
}

void TestCli::admissionSample()
{
    const QString sample = QStringLiteral(PODSEC_SOURCE_DIR "/resources/sample/workspace");
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--admission"),
                           QStringLiteral("--format=json"), sample});
    QCOMPARE(r.exitCode, 1);
    const auto objects = parseJson(r.out)[QLatin1String("objects")].toArray();
    QHash<QString, QJsonObject> byName;
    for (const auto &o : objects)
        byName.insert(o.toObject()[QLatin1String("name")].toString(), o.toObject());
    const auto pod =
        byName.value(QStringLiteral("debug-shell"))[QLatin1String("admission")].toObject();
    const auto enforce = pod[QLatin1String("enforce")].toObject();
    QCOMPARE(enforce[QLatin1String("policy")].toString(), QStringLiteral("restricted:latest"));
    QCOMPARE(enforce[QLatin1String("applies")].toBool(), true);
    QCOMPARE(enforce[QLatin1String("allowed")].toBool(), false);
    QVERIFY(enforce[QLatin1String("message")].toString().startsWith(QStringLiteral(
        "violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false")));
    // a rejected pod carries no warning
    QCOMPARE(pod[QLatin1String("warn")].toObject()[QLatin1String("message")].toString(), QString());

    const auto frontend =
        byName.value(QStringLiteral("frontend"))[QLatin1String("admission")].toObject();
    QCOMPARE(frontend[QLatin1String("enforce")].toObject()[QLatin1String("applies")].toBool(),
             false);
    QCOMPARE(frontend[QLatin1String("enforce")].toObject()[QLatin1String("policy")].toString(),
             QStringLiteral("baseline:v1.30"));
    const auto warn = frontend[QLatin1String("warn")].toObject();
    QCOMPARE(warn[QLatin1String("policy")].toString(), QStringLiteral("restricted:latest"));
    QVERIFY(warn[QLatin1String("message")].toString().startsWith(
        QStringLiteral("would violate PodSecurity \"restricted:latest\": hostPort (container "
                       "\"nginx\" uses hostPort 80)")));

    const auto reindex =
        byName.value(QStringLiteral("reindex"))[QLatin1String("admission")].toObject();
    QCOMPARE(reindex[QLatin1String("enforce")].toObject()[QLatin1String("policy")].toString(),
             QStringLiteral("restricted:latest")); // invalid level fails closed
    QCOMPARE(reindex[QLatin1String("error")].toString(),
             QStringLiteral("Failed to parse policy: metadata.labels[pod-security.kubernetes.io/"
                            "enforce]: Invalid value: \"restrictd\": must be one of privileged, "
                            "baseline, restricted"));
}

void TestCli::admissionConfigExemptions()
{
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=json"),
                           QStringLiteral("--admission-config"), cliData("psa-config.yaml"),
                           cliData("admission-mix.yaml")});
    QCOMPARE(r.exitCode, 1); // "plain" violates the baseline enforce default (hostPID)
    const auto objects = parseJson(r.out)[QLatin1String("objects")].toArray();
    QCOMPARE(objects.size(), 3);
    auto admission = [&](int i) {
        return objects[i].toObject()[QLatin1String("admission")].toObject();
    };
    QCOMPARE(admission(0)[QLatin1String("exempt")].toString(), QStringLiteral("namespace"));
    QCOMPARE(admission(1)[QLatin1String("exempt")].toString(), QStringLiteral("runtimeClass"));
    QVERIFY(admission(2)[QLatin1String("exempt")].isNull());
    QCOMPARE(
        admission(2)[QLatin1String("enforce")].toObject()[QLatin1String("message")].toString(),
        QStringLiteral("violates PodSecurity \"baseline:v1.30\": host namespaces (hostPID=true)"));
    QCOMPARE(admission(2)[QLatin1String("audit")].toObject()[QLatin1String("policy")].toString(),
             QStringLiteral("restricted:latest"));

    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.yaml"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("kind: PodSecurityConfiguration\ndefaults:\n  enforce: strict\n");
    f.close();
    const auto e = podsec({QStringLiteral("check"), QStringLiteral("--admission-config"), bad,
                           cliData("admission-mix.yaml")});
    QCOMPARE(e.exitCode, 2);
    QCOMPARE(QString::fromUtf8(e.err).trimmed(),
             bad + QStringLiteral(
                       ":3:12: defaults.enforce: must be one of privileged, baseline, restricted"));
}

void TestCli::admissionDefaultsArePrivileged()
{
    // spec/cli.md: unlabelled modes take the configuration's defaults, else
    // privileged:latest, as kube-apiserver does; --level/--version never set them.
    const QByteArray pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: scratch\n"
                           "spec:\n  containers:\n  - name: c\n    image: nginx\n";
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--admission"),
                           QStringLiteral("--level=baseline"), QStringLiteral("--format=json"),
                           QStringLiteral("-")},
                          pod);
    QCOMPARE(r.exitCode, 0);
    const auto report = parseJson(r.out);
    QCOMPARE(report[QLatin1String("summary")].toObject()[QLatin1String("denied")].toInt(), 0);
    const auto object = report[QLatin1String("objects")].toArray()[0].toObject();
    QCOMPARE(object[QLatin1String("allowed")].toBool(), true); // at --level baseline
    const auto admission = object[QLatin1String("admission")].toObject();
    for (const char *mode : {"enforce", "audit", "warn"}) {
        const auto m = admission[QLatin1String(mode)].toObject();
        QCOMPARE(m[QLatin1String("policy")].toString(), QStringLiteral("privileged:latest"));
        QCOMPARE(m[QLatin1String("allowed")].toBool(), true);
    }
    // A Pod denied at --level restricted is still admitted by an unlabelled namespace.
    const auto strict = podsec({QStringLiteral("check"), QStringLiteral("--admission"),
                                QStringLiteral("--format=json"), QStringLiteral("-")},
                               pod);
    QCOMPARE(strict.exitCode, 0);
    const auto o = parseJson(strict.out)[QLatin1String("objects")].toArray()[0].toObject();
    QCOMPARE(o[QLatin1String("allowed")].toBool(), false);
    QCOMPARE(o[QLatin1String("admission")]
                 .toObject()[QLatin1String("enforce")]
                 .toObject()[QLatin1String("allowed")]
                 .toBool(),
             true);
}

void TestCli::admissionDeniesTemplatesWhosePodsWouldBeRejected()
{
    // Enforce does not act on a Deployment, but the Pods it creates would be rejected: the
    // summary counts it as denied (a false pass otherwise).
    const QByteArray input = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n"
                             "  labels:\n    pod-security.kubernetes.io/enforce: baseline\n"
                             "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n"
                             "  namespace: prod\nspec:\n  template:\n    spec:\n      containers:\n"
                             "      - name: c\n        image: x\n        securityContext:\n"
                             "          privileged: true\n";
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--admission"),
                           QStringLiteral("--level=privileged"), QStringLiteral("--format=json"),
                           QStringLiteral("-")},
                          input);
    QCOMPARE(r.exitCode, 1);
    const auto report = parseJson(r.out);
    QCOMPARE(report[QLatin1String("summary")].toObject()[QLatin1String("denied")].toInt(), 1);
    const auto enforce = report[QLatin1String("objects")]
                             .toArray()[0]
                             .toObject()[QLatin1String("admission")]
                             .toObject()[QLatin1String("enforce")]
                             .toObject();
    QCOMPARE(enforce[QLatin1String("applies")].toBool(), false);
    // The same workload in a namespace that enforces privileged passes.
    QByteArray relaxed = input;
    relaxed.replace("enforce: baseline", "enforce: privileged");
    QCOMPARE(podsec({QStringLiteral("check"), QStringLiteral("--admission"), QStringLiteral("-")},
                    relaxed)
                 .exitCode,
             0);
}

void TestCli::outputFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("report.json"));
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=json"),
                           QStringLiteral("--output"), out, cliData("admission-mix.yaml")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(parseJson(f.readAll())[QLatin1String("summary")]
                 .toObject()[QLatin1String("objects")]
                 .toInt(),
             3);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
}

void TestCli::explain()
{
    const auto list = podsec({QStringLiteral("explain")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(QString::fromUtf8(list.out).count(QStringLiteral(" v1.")),
             qsizetype(Policy::registry().size()));
    const auto one = podsec({QStringLiteral("explain"), QStringLiteral("runAsNonRoot")});
    QCOMPARE(one.exitCode, 0);
    QVERIFY(one.out.startsWith("# runAsNonRoot"));
    QVERIFY(one.out.contains("## How to satisfy it"));
}

void TestCli::hostileInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error"); // expected "LINE:COLUMN: message" fragment

    QByteArray bomb =
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const char prev = char(c - 1);
        bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
        for (int i = 0; i < 9; ++i)
            bomb += (i ? ", *" : "*") + QByteArray(1, prev);
        bomb += "]\n";
    }
    QTest::newRow("billion laughs") << bomb << 2 << QStringLiteral("alias expansion exceeds");
    QTest::newRow("recursive alias")
        << QByteArray("kind: Pod\nspec: &a {containers: [*a]}\n") << 2
        << QStringLiteral("2:24: alias *a refers to a node that contains it");
    QTest::newRow("deep flow nesting") << QByteArray(100000, '[') << 2 << QStringLiteral("1:");
    QByteArray deepBlock;
    for (int i = 0; i < 2000; ++i)
        deepBlock += QByteArray(i * 2, ' ') + "k" + QByteArray::number(i) + ":\n";
    QTest::newRow("deep block nesting") << deepBlock << 2 << QStringLiteral("nesting deeper than");
    QTest::newRow("5 MB single line")
        << (QByteArray("kind: ConfigMap\ndata:\n  big: ") + QByteArray(5 * 1024 * 1024, 'x')) << 0
        << QString();
    QTest::newRow("invalid UTF-8") << QByteArray("kind: Pod\nmetadata:\n  name: caf\xe9\n") << 2
                                   << QStringLiteral("3:12: invalid UTF-8 (byte 0xe9)");
    // kubectl's reader takes a lone CR for a line break: "privileged: true" is applied by
    // the API server, and must not pass unseen behind a comment.
    QTest::newRow("privileged behind a lone CR")
        << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n"
                      "  - name: c\n    image: i\n    securityContext:\n"
                      "      runAsNonRoot: true #\r      privileged: true\n")
        << 2 << QStringLiteral("10:27: carriage return without a line feed");
    QTest::newRow("binary junk") << QByteArray("\x7f"
                                               "ELF\x02\x01\x01\x00\x00\x00\x00",
                                               12)
                                 << 2 << QStringLiteral("1:");
    QTest::newRow("empty file") << QByteArray() << 2 << QStringLiteral("1:1: empty file");
    QTest::newRow("only comments") << QByteArray("# nothing here\n---\n# still nothing\n") << 2
                                   << QStringLiteral("1:1: no YAML documents");
}

void TestCli::hostileInput()
{
    QFETCH(QByteArray, content);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("input.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=json"), path});
    QCOMPARE(r.exitCode, exitCode);
    const QString err = QString::fromUtf8(r.err);
    if (error.isEmpty()) {
        QVERIFY2(err.isEmpty(), qPrintable(err));
    } else {
        QVERIFY2(err.startsWith(path + QLatin1Char(':')) && err.contains(error), qPrintable(err));
        static const QRegularExpression format(QStringLiteral("^.+:\\d+:\\d+: .+\n$"));
        QVERIFY2(format.match(err).hasMatch(), qPrintable(err));
    }
    // The report is still complete JSON.
    QVERIFY(parseJson(r.out).contains(QLatin1String("summary")));
}

namespace {
const QByteArray FixablePod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p  # demo\nspec:\n"
                              "  containers:\n  - name: a\n    image: x\n"
                              "    securityContext: {privileged: true}\n";
} // namespace

void TestCli::fixToStdout()
{
    const auto fixed = podsec({QStringLiteral("fix"), QStringLiteral("-")}, FixablePod);
    QCOMPARE(fixed.exitCode, 0);
    QVERIFY(fixed.out.contains("name: p  # demo\n")); // untouched lines stay byte-identical
    QVERIFY(
        fixed.out.contains("securityContext: {privileged: false, allowPrivilegeEscalation: false"));
    const auto check = podsec({QStringLiteral("check"), QStringLiteral("-")}, fixed.out);
    QCOMPARE(check.exitCode, 0);
    const auto only =
        podsec({QStringLiteral("fix"), QStringLiteral("--only=privileged"), QStringLiteral("-")},
               FixablePod);
    QCOMPARE(only.exitCode, 1); // the other restricted findings remain, listed on stderr
    QVERIFY(only.out.contains("{privileged: false}"));
    QVERIFY(only.err.contains("needs a decision: Pod /p: allowPrivilegeEscalation"));
    QCOMPARE(podsec({QStringLiteral("fix"), QStringLiteral("--only=nope"), QStringLiteral("-")})
                 .exitCode,
             2);
}

void TestCli::fixDiffInPlaceBackup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pod.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(FixablePod);
    f.close();
    const auto diff = podsec({QStringLiteral("fix"), QStringLiteral("--diff"), path});
    QCOMPARE(diff.exitCode, 0);
    QVERIFY(diff.out.contains(
        "-    securityContext: {privileged: true}\n+    securityContext: {privileged: false"));
    QVERIFY(diff.out.contains("@@ -"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), FixablePod); // --diff writes nothing
    f.close();
    const auto inPlace = podsec({QStringLiteral("fix"), QStringLiteral("--in-place"),
                                 QStringLiteral("--backup"), QStringLiteral(".orig"), path});
    QCOMPARE(inPlace.exitCode, 0);
    QFile backup(path + QStringLiteral(".orig"));
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), FixablePod);
    QCOMPARE(podsec({QStringLiteral("check"), path}).exitCode, 0);
    // Fixing again is a no-op.
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray once = f.readAll();
    f.close();
    QCOMPARE(podsec({QStringLiteral("fix"), QStringLiteral("--in-place"), path}).exitCode, 0);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), once);
}

void TestCli::fixNeedsDecision()
{
    const QByteArray hostPath =
        "kind: Pod\napiVersion: v1\nmetadata: {name: h}\nspec:\n  containers:\n"
        "  - {name: a, image: x}\n  volumes:\n  - name: root\n    hostPath: {path: /}\n";
    const auto r = podsec({QStringLiteral("fix"), QStringLiteral("-")}, hostPath);
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(err.startsWith(QStringLiteral("-: needs a decision: Pod /h: restrictedVolumes: "
                                           "Volume \"root\" uses hostPath")),
             qPrintable(err));
    QVERIFY2(err.endsWith(QStringLiteral("[choice: Replace the hostPath source of volume "
                                         "\"root\" with an emptyDir (its data then lives only "
                                         "as long as the pod)]")),
             qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 0);      // one finding, one line
    QVERIFY(r.out.contains("hostPath: {path: /}")); // left for a person
}

// SARIF results carry the edits `podsec fix` plans, as byte regions of the original file:
// applying a result's fix makes that check pass, the other bytes stay.
void TestCli::sarifFixes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pod.yaml"));
    const QByteArray text = "kind: Pod\napiVersion: v1\nmetadata: {name: p}\nspec:\n"
                            "  hostPID: true  # debugging\n  containers:\n  - name: a\n"
                            "    image: x\n    securityContext:\n      privileged: true\n";
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    const auto r = podsec(
        {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("sarif"), path});
    QCOMPARE(r.exitCode, 1);
    const auto results = QJsonDocument::fromJson(r.out)
                             .object()[QStringLiteral("runs")][0][QStringLiteral("results")]
                             .toArray();
    QMap<QString, QByteArray> fixedBy;
    for (const auto &v : results) {
        const auto result = v.toObject();
        const auto fixes = result[QStringLiteral("fixes")].toArray();
        if (fixes.isEmpty())
            continue;
        QByteArray fixed = text;
        const auto change = fixes[0].toObject()[QStringLiteral("artifactChanges")][0].toObject();
        QCOMPARE(change[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString(),
                 path);
        const auto replacements = change[QStringLiteral("replacements")].toArray();
        for (qsizetype i = replacements.size(); i-- > 0;) { // back to front
            const auto rep = replacements[i].toObject();
            const auto region = rep[QStringLiteral("deletedRegion")].toObject();
            fixed.replace(
                region[QStringLiteral("byteOffset")].toInt(),
                region[QStringLiteral("byteLength")].toInt(),
                rep[QStringLiteral("insertedContent")][QStringLiteral("text")].toString().toUtf8());
        }
        fixedBy.insert(result[QStringLiteral("ruleId")].toString(), fixed);
    }
    QCOMPARE(fixedBy.value(QStringLiteral("privileged")),
             QByteArray(text).replace("privileged: true", "privileged: false"));
    QCOMPARE(fixedBy.value(QStringLiteral("hostNamespaces")),
             QByteArray(text).replace("hostPID: true", "hostPID: false"));
    QVERIFY(fixedBy.contains(QStringLiteral("allowPrivilegeEscalation")));
    QVERIFY(fixedBy.contains(QStringLiteral("seccompProfile_restricted")));
    // Every fix, applied on its own, makes its own check pass.
    for (auto it = fixedBy.cbegin(); it != fixedBy.cend(); ++it) {
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(it.value());
        f.close();
        const auto again = podsec(
            {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"), path});
        const auto checks = QJsonDocument::fromJson(again.out)
                                .object()[QStringLiteral("objects")][0][QStringLiteral("checks")]
                                .toArray();
        bool allowed = false;
        for (const auto &c : checks) {
            if (c.toObject()[QStringLiteral("id")].toString() == it.key())
                allowed = c.toObject()[QStringLiteral("allowed")].toBool();
        }
        QVERIFY2(allowed, qPrintable(it.key()));
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
