// SPDX-License-Identifier: Apache-2.0
// `podsec check` and `podsec fix` on Kustomize overlays and Helm charts (issue 14 items 3
// and 4): the same answer as the rendering piped in (no false PASS), findings in the files
// the values came from, and exit 2 with a message where no renderer is on PATH.
#include "podtestutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTest>

using namespace PodSec;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, const QByteArray &path = {},
        const QByteArray &stdinData = {})
{
    QProcess p;
    if (!path.isEmpty()) {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), QString::fromLocal8Bit(path));
        p.setProcessEnvironment(env);
    }
    p.setProgram(program);
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

Run podsec(const QStringList &args, const QByteArray &path = {}, const QByteArray &in = {})
{
    return run(QStringLiteral(PODSEC_CLI_PATH), args, path, in);
}

QString data(const QString &relative)
{
    return QDir::cleanPath(TestUtil::testDataPath(QStringLiteral("render/") + relative));
}

/// "Deployment/prod/prod-web: hostNetwork,privileged" per object of a JSON report.
QStringList failing(const QByteArray &json)
{
    QStringList out;
    const auto objects = QJsonDocument::fromJson(json).object().value(QStringLiteral("objects"));
    for (const auto &o : objects.toArray()) {
        const auto obj = o.toObject();
        QStringList checks;
        for (const auto &c : obj.value(QStringLiteral("checks")).toArray()) {
            if (!c.toObject().value(QStringLiteral("allowed")).toBool())
                checks << c.toObject().value(QStringLiteral("id")).toString();
        }
        out << obj.value(QStringLiteral("kind")).toString() + QLatin1Char('/') +
                   obj.value(QStringLiteral("namespace")).toString() + QLatin1Char('/') +
                   obj.value(QStringLiteral("name")).toString() + QStringLiteral(": ") +
                   checks.join(QLatin1Char(','));
    }
    return out;
}

bool haveKubectl()
{
    return !QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty();
}

} // namespace

class TestCliRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overlayAgreesWithPipedRendering_data()
    {
        QTest::addColumn<QString>("overlay");
        QTest::addColumn<QString>("level");
        QTest::newRow("prod baseline") << QStringLiteral("prod") << QStringLiteral("baseline");
        QTest::newRow("prod restricted") << QStringLiteral("prod") << QStringLiteral("restricted");
        QTest::newRow("dev baseline") << QStringLiteral("dev") << QStringLiteral("baseline");
        // The overlay's own files pass (a replicas patch); the base's hostNetwork does not.
        // Before roots were rendered this was a false PASS (exit 0).
        QTest::newRow("harmless patch, failing base")
            << QStringLiteral("../../falsepass/overlay") << QStringLiteral("baseline");
    }
    void overlayAgreesWithPipedRendering()
    {
        if (!haveKubectl())
            QSKIP("kubectl is not on PATH: the overlays cannot be rendered");
        QFETCH(QString, overlay);
        QFETCH(QString, level);
        const QString dir = data(QStringLiteral("kustomize/overlays/") + overlay);
        const Run rendered = run(QStringLiteral("kubectl"), {QStringLiteral("kustomize"), dir});
        QCOMPARE(rendered.exitCode, 0);
        const QStringList common{QStringLiteral("check"), QStringLiteral("--format"),
                                 QStringLiteral("json"), QStringLiteral("--level"), level};
        const Run piped = podsec(common + QStringList{QStringLiteral("-")}, {}, rendered.out);
        const Run folder = podsec(common + QStringList{dir});
        QCOMPARE(piped.exitCode, 1);
        QCOMPARE(folder.exitCode, piped.exitCode);
        QCOMPARE(failing(folder.out), failing(piped.out));
        const QString expected =
            overlay == QLatin1String("prod")  ? QStringLiteral("/prod/prod-web:")
            : overlay == QLatin1String("dev") ? QStringLiteral("/dev/web:")
                                              : QStringLiteral("/staging/web: hostNamespaces");
        QVERIFY2(failing(folder.out).first().contains(expected),
                 qPrintable(failing(folder.out).join(QLatin1Char('\n'))));
    }

    void findingsPointAtBaseAndPatch()
    {
        if (!haveKubectl())
            QSKIP("kubectl is not on PATH: the overlays cannot be rendered");
        const Run r = podsec({QStringLiteral("check"), QStringLiteral("--level"),
                              QStringLiteral("baseline"), data(QStringLiteral("kustomize"))});
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromLocal8Bit(r.out);
        // One report per overlay, none for the base or the patch fragments.
        QVERIFY2(out.contains(data(QStringLiteral("kustomize/overlays/prod")) + QLatin1Char('\n')),
                 qPrintable(out));
        QVERIFY(out.contains(data(QStringLiteral("kustomize/overlays/dev")) + QLatin1Char('\n')));
        QVERIFY(!out.contains(QStringLiteral("patch.yaml\n")));
        QVERIFY(out.contains(QStringLiteral("2 objects at baseline:latest: 0 allowed, 2 denied")));
        QVERIFY2(out.contains(data(QStringLiteral("kustomize/base/deployment.yaml")) +
                              QStringLiteral(":13:20  spec.template.spec.hostNetwork = true")),
                 qPrintable(out));
        QVERIFY(out.contains(data(QStringLiteral("kustomize/overlays/prod/patch.yaml")) +
                             QStringLiteral(":12:23  spec.template.spec.containers[0]."
                                            "securityContext.privileged = true")));
        QVERIFY(r.err.isEmpty());
    }

    void fixNamesThePlaceToChange()
    {
        if (!haveKubectl())
            QSKIP("kubectl is not on PATH: the overlays cannot be rendered");
        const QString prod = data(QStringLiteral("kustomize/overlays/prod"));
        const Run r = podsec(
            {QStringLiteral("fix"), QStringLiteral("--level"), QStringLiteral("baseline"), prod});
        QCOMPARE(r.exitCode, 1);
        const QString err = QString::fromLocal8Bit(r.err);
        QVERIFY2(err.contains(QStringLiteral("hostNetwork = true: change it in ") +
                              data(QStringLiteral("kustomize/base/deployment.yaml:13"))),
                 qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("privileged = true: change it in ") +
                             data(QStringLiteral("kustomize/overlays/prod/patch.yaml:12"))));
        QVERIFY(r.out.isEmpty());
    }

    void chartThroughStandInHelm()
    {
        const QByteArray path =
            QFile::encodeName(data(QStringLiteral("helm-bin"))) + ':' + qgetenv("PATH");
        const Run r = podsec({QStringLiteral("check"), QStringLiteral("--level"),
                              QStringLiteral("baseline"), data(QStringLiteral("chart"))},
                             path);
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromLocal8Bit(r.out);
        QVERIFY2(out.contains(data(QStringLiteral("chart/web/templates/deployment.yaml")) +
                              QStringLiteral(":9:16  spec.template.spec.hostPID = true")),
                 qPrintable(out));
        QVERIFY(r.err.isEmpty());
    }

    void chartValuesReachHelm()
    {
        // --values files go to helm template after the chart's values.yaml.
        const QByteArray path =
            QFile::encodeName(data(QStringLiteral("helm-bin"))) + ':' + qgetenv("PATH");
        const Run r =
            podsec({QStringLiteral("check"), QStringLiteral("--level"), QStringLiteral("baseline"),
                    QStringLiteral("--values"), data(QStringLiteral("helm-values/nohostpid.yaml")),
                    data(QStringLiteral("chart"))},
                   path);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains("hostPID"), r.out.constData());
    }

    void noRenderer_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("message");
        QTest::newRow("overlay") << QStringLiteral("kustomize/overlays/prod")
                                 << QStringLiteral(
                                        "needs kubectl or kustomize to render; not evaluated");
        QTest::newRow("chart") << QStringLiteral("chart")
                               << QStringLiteral("needs helm to render; not evaluated; to "
                                                 "evaluate it: helm template web ");
    }
    void noRenderer()
    {
        QFETCH(QString, folder);
        QFETCH(QString, message);
        const Run r = podsec({QStringLiteral("check"), data(folder)}, "/nonexistent");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromLocal8Bit(r.err).contains(message), r.err.constData());
        QVERIFY(QString::fromLocal8Bit(r.out).contains(QStringLiteral("0 objects")));
    }
};

QTEST_GUILESS_MAIN(TestCliRender)
#include "tst_clirender.moc"
