// SPDX-License-Identifier: Apache-2.0
// `podsec fix` on a Kustomize overlay (issue 14 item 3): the fixes land in the file the
// object came from (the base), never in the rendering; values a patch sets stay decisions
// naming the patch; a fix the overlay would undo is not kept. Runs the real
// `kubectl kustomize` on a private copy of tests/data/render/kustomize.
#include "podtestutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace PodSec;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run podsec(const QString &cwd, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(PODSEC_CLI_PATH), args);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

bool haveKubectl()
{
    return !QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

/// A private copy of the Kustomize test data (base, overlays/prod, overlays/dev).
bool copyData(const QString &to)
{
    return TestUtil::copyTree(TestUtil::testDataPath(QStringLiteral("render/kustomize")), to);
}

} // namespace

class TestCliOriginFix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (!haveKubectl())
            QSKIP("kubectl is not on PATH: the overlays cannot be rendered");
    }

    void inPlaceFixesTheBase()
    {
        QTemporaryDir dir;
        QVERIFY(copyData(dir.path()));
        const QByteArray patch = readAll(dir.filePath(QStringLiteral("overlays/prod/patch.yaml")));
        const QByteArray base = readAll(dir.filePath(QStringLiteral("base/deployment.yaml")));
        const Run r = podsec(dir.path(), {QStringLiteral("fix"), QStringLiteral("--in-place"),
                                          QStringLiteral("overlays/prod")});
        // privileged=true is written in the overlay's patch: a person decides there.
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("overlays/prod: fixed in base/deployment.yaml: ")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("privileged = true: change it in "
                                               "overlays/prod/patch.yaml:12")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(readAll(dir.filePath(QStringLiteral("overlays/prod/patch.yaml"))), patch);
        const QByteArray fixed = readAll(dir.filePath(QStringLiteral("base/deployment.yaml")));
        QVERIFY(fixed != base);
        // Lossless: the base's comment and its own lines are still there.
        QVERIFY(fixed.startsWith("# The base: a web server that shares the node's network.\n"));
        QVERIFY(fixed.contains("runAsNonRoot: true"));
        QVERIFY(fixed.contains("RuntimeDefault"));
        // What is left in the rendering is what the patch sets, and nothing the base sets.
        const Run after =
            podsec(dir.path(), {QStringLiteral("check"), QStringLiteral("overlays/prod")});
        QCOMPARE(after.exitCode, 1);
        QVERIFY2(after.out.contains(QStringLiteral("overlays/prod/patch.yaml:12")),
                 qPrintable(after.out));
        QVERIFY2(!after.out.contains(QStringLiteral("base/deployment.yaml:")),
                 qPrintable(after.out));
        // A second run has nothing left to fix in the base.
        const Run again = podsec(dir.path(), {QStringLiteral("fix"), QStringLiteral("--in-place"),
                                              QStringLiteral("overlays/prod")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(!again.err.contains(QStringLiteral("fixed in")));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("base/deployment.yaml"))), fixed);
    }

    void diffChangesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(copyData(dir.path()));
        const QByteArray base = readAll(dir.filePath(QStringLiteral("base/deployment.yaml")));
        const Run r = podsec(dir.path(), {QStringLiteral("fix"), QStringLiteral("--diff"),
                                          QStringLiteral("overlays/prod")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith(QStringLiteral("--- a/base/deployment.yaml\n")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("+          allowPrivilegeEscalation: false")));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("base/deployment.yaml"))), base);
        // The checks the diff fixes are not listed as decisions; the patch's value is.
        QVERIFY(!r.err.contains(QStringLiteral("allowPrivilegeEscalation (not set)")));
        QVERIFY(r.err.contains(QStringLiteral("change it in overlays/prod/patch.yaml:12")));
    }

    void withoutFlagsSaysWhatCouldBeFixed()
    {
        QTemporaryDir dir;
        QVERIFY(copyData(dir.path()));
        const QByteArray base = readAll(dir.filePath(QStringLiteral("base/deployment.yaml")));
        const Run r = podsec(dir.path(), {QStringLiteral("fix"), QStringLiteral("overlays/prod")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("can be fixed in base/deployment.yaml")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("use --in-place or --diff")));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("base/deployment.yaml"))), base);
    }

    void fixTheOverlayUndoesIsNotKept()
    {
        // The overlay replaces the container's securityContext with an empty one: whatever
        // the base sets there never reaches the rendering, so the base is left alone.
        QTemporaryDir dir;
        QVERIFY(copyData(dir.path()));
        QVERIFY(writeAll(dir.filePath(QStringLiteral("overlays/reset/kustomization.yaml")),
                         "resources:\n- ../../base\n"
                         "patches:\n- target: {kind: Deployment, name: web}\n"
                         "  patch: |-\n"
                         "    - op: replace\n"
                         "      path: /spec/template/spec/containers/0/securityContext\n"
                         "      value: {}\n"));
        const QByteArray base = readAll(dir.filePath(QStringLiteral("base/deployment.yaml")));
        const Run r = podsec(dir.path(), {QStringLiteral("fix"), QStringLiteral("--in-place"),
                                          QStringLiteral("--level"), QStringLiteral("restricted"),
                                          QStringLiteral("overlays/reset")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not kept: rendering overlays/reset again with "
                                               "them: ")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("would still fail")));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("base/deployment.yaml"))), base);
    }

    void sharedBaseIsChangedOnce()
    {
        // Two roots share the base; both fixes go into one write, after every rendering.
        QTemporaryDir dir;
        QVERIFY(copyData(dir.path()));
        const Run r = podsec(dir.path(), {QStringLiteral("fix"), QStringLiteral("--diff"),
                                          QStringLiteral("overlays")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out.count(QStringLiteral("--- a/base/deployment.yaml\n")), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliOriginFix)
#include "tst_clioriginfix.moc"
