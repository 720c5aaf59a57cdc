// SPDX-License-Identifier: Apache-2.0
// `podsec` under hostile conditions (issue 13): what --output writes to, what fix --in-place
// keeps, bounds on input, folder entries that cannot be read, and secrets in no output.
// Tests of root behaviour (owners kept) skip when not run as root.
#include "podtestutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run podsec(const QStringList &args, int timeoutMs = 120000, const QString &program = {})
{
    QProcess p;
    p.setProgram(program.isEmpty() ? QStringLiteral(PODSEC_CLI_PATH) : program);
    p.setArguments(args);
    p.start();
    if (!p.waitForStarted())
        return {};
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct stat statOf(const QString &path, bool follow = false)
{
    struct stat st = {};
    const QByteArray name = QFile::encodeName(path);
    if (follow)
        ::stat(name.constData(), &st);
    else
        ::lstat(name.constData(), &st);
    return st;
}

/// Denied at restricted, fixable: fix changes it.
const QByteArray FixablePod = "apiVersion: v1\n"
                              "kind: Pod\n"
                              "metadata:\n"
                              "  name: web\n"
                              "spec:\n"
                              "  containers:\n"
                              "  - name: app\n"
                              "    image: nginx\n";

QString data(const char *name)
{
    return PodSec::TestUtil::testDataPath(QStringLiteral("cli/") + QLatin1String(name));
}

} // namespace

class TestCliSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputWritesThroughFifo();
    void outputWritesThroughDevice();
    void outputFollowsSymlink();
    void outputKeepsOwnerAndMode();
    void fixReportsUnreadableDocuments();
    void fixInPlaceKeepsOwnerModeSetgid();
    void fixBackupKeepsModeAndIsNeverOverwritten();
    void fixKeepsHardLinks();
    void boundedInput();
    void fifoNamedDirectlyIsRefused();
    void folderProblemsAreReported();
    void unreadableSubfolderIsReported();
    void secretsAppearInNoOutput();
};

void TestCliSafety::outputWritesThroughFifo()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("report.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // A reader is waiting, so podsec's open for writing does not block.
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=json"),
                           QStringLiteral("--output"), fifo, data("admission-mix.yaml")});
    QByteArray got;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(reader, buf, sizeof buf)) > 0)
        got.append(buf, n);
    ::close(reader);
    QVERIFY2(S_ISFIFO(statOf(fifo).st_mode), "the FIFO was replaced by a file");
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    QVERIFY(got.contains("\"schemaVersion\""));
}

void TestCliSafety::outputWritesThroughDevice()
{
    if (::geteuid() != 0)
        QSKIP("needs root (mknod)");
    QTemporaryDir dir;
    const QString null = dir.filePath(QStringLiteral("null"));
    QCOMPARE(::mknod(QFile::encodeName(null).constData(), S_IFCHR | 0666, makedev(1, 3)), 0);
    const auto r = podsec(
        {QStringLiteral("check"), QStringLiteral("--output"), null, data("admission-mix.yaml")});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    const struct stat st = statOf(null);
    QVERIFY2(S_ISCHR(st.st_mode), "the device was replaced by a regular file");
    QCOMPARE(st.st_rdev, makedev(1, 3));
}

void TestCliSafety::outputFollowsSymlink()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("report.json"));
    const QString link = dir.filePath(QStringLiteral("latest.json"));
    QVERIFY(writeFile(target, "old"));
    QVERIFY(QFile::link(target, link));
    const auto r = podsec({QStringLiteral("check"), QStringLiteral("--format=json"),
                           QStringLiteral("--output"), link, data("admission-mix.yaml")});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    QVERIFY2(S_ISLNK(statOf(link).st_mode), "the symbolic link was replaced");
    QVERIFY(readFile(target).contains("\"schemaVersion\""));
}

void TestCliSafety::outputKeepsOwnerAndMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.txt"));
    QVERIFY(writeFile(path, "old"));
    const QByteArray name = QFile::encodeName(path);
    if (::geteuid() == 0)
        QCOMPARE(::chown(name.constData(), 1234, 5678), 0);
    QCOMPARE(::chmod(name.constData(), 0640), 0);
    const auto before = statOf(path);
    const auto r = podsec(
        {QStringLiteral("check"), QStringLiteral("--output"), path, data("admission-mix.yaml")});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    const auto after = statOf(path);
    QVERIFY(readFile(path).contains("objects at restricted"));
    QCOMPARE(after.st_mode & 07777, mode_t(0640));
    QCOMPARE(after.st_uid, before.st_uid);
    QCOMPARE(after.st_gid, before.st_gid);
}

void TestCliSafety::fixReportsUnreadableDocuments()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("three.yaml"));
    const QByteArray original = readFile(data("three-docs-one-broken.yaml"));
    QVERIFY(writeFile(path, original));
    // To stdout: the broken document is reported where `check` reports it (its flow
    // sequence is never closed: on the document's last byte, 7848d10), the first is fixed.
    const auto out = podsec({QStringLiteral("fix"), path});
    QCOMPARE(out.exitCode, 2);
    QVERIFY2(out.err.contains((path + QStringLiteral(":17:1: YAML syntax error")).toLocal8Bit()),
             out.err.constData());
    QVERIFY(out.out.contains("allowPrivilegeEscalation: false"));
    QVERIFY(out.out.contains("  containers: [unclosed\n")); // left as it was
    // In place: the same, and the file is still written for the documents that parse.
    const auto inPlace = podsec({QStringLiteral("fix"), QStringLiteral("--in-place"), path});
    QCOMPARE(inPlace.exitCode, 2);
    QVERIFY(
        inPlace.err.contains((path + QStringLiteral(":17:1: YAML syntax error")).toLocal8Bit()));
    const QByteArray fixed = readFile(path);
    QVERIFY(fixed != original);
    QVERIFY(fixed.contains("metadata:\n  name: broken\nspec:\n  containers: [unclosed\n"));
    QVERIFY(!inPlace.err.contains("every object now passes"));
}

void TestCliSafety::fixInPlaceKeepsOwnerModeSetgid()
{
    if (::geteuid() != 0)
        QSKIP("needs root (a file owned by someone else)");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pod.yaml"));
    QVERIFY(writeFile(path, FixablePod));
    const QByteArray name = QFile::encodeName(path);
    QCOMPARE(::chown(name.constData(), 1234, 5678), 0);
    QCOMPARE(::chmod(name.constData(), 02640), 0);
    const auto r = podsec({QStringLiteral("fix"), QStringLiteral("--in-place"), path});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    QVERIFY(readFile(path) != FixablePod);
    const auto st = statOf(path);
    QCOMPARE(st.st_uid, uid_t(1234));
    QCOMPARE(st.st_gid, gid_t(5678));
    QCOMPARE(st.st_mode & 07777, mode_t(02640));
    // Read-only stays read-only.
    QVERIFY(writeFile(path + QStringLiteral("2"), FixablePod));
    QCOMPARE(::chmod(QFile::encodeName(path + QStringLiteral("2")).constData(), 0444), 0);
    QVERIFY(
        podsec({QStringLiteral("fix"), QStringLiteral("--in-place"), path + QStringLiteral("2")})
            .exitCode != 2);
    QCOMPARE(statOf(path + QStringLiteral("2")).st_mode & 07777, mode_t(0444));
}

void TestCliSafety::fixBackupKeepsModeAndIsNeverOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secret.yaml"));
    QVERIFY(writeFile(path, FixablePod));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
    const auto r = podsec({QStringLiteral("fix"), QStringLiteral("--in-place"),
                           QStringLiteral("--backup"), QStringLiteral(".orig"), path});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    const QString backup = path + QStringLiteral(".orig");
    QCOMPARE(readFile(backup), FixablePod);
    QCOMPARE(statOf(backup).st_mode & 07777, mode_t(0600));
    // A second run with an existing backup: refused, both files untouched.
    const QByteArray olderBackup = readFile(backup);
    QVERIFY(writeFile(path, FixablePod + "# edited\n"));
    const auto again = podsec({QStringLiteral("fix"), QStringLiteral("--in-place"),
                               QStringLiteral("--backup"), QStringLiteral(".orig"), path});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains("already exists"), again.err.constData());
    QCOMPARE(readFile(backup), olderBackup);
    QCOMPARE(readFile(path), FixablePod + "# edited\n");
}

void TestCliSafety::fixKeepsHardLinks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pod.yaml"));
    const QString other = dir.filePath(QStringLiteral("also.yaml"));
    QVERIFY(writeFile(path, FixablePod));
    QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(other).constData()), 0);
    const auto r = podsec({QStringLiteral("fix"), QStringLiteral("--in-place"), path});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    QVERIFY(readFile(path) != FixablePod);
    QCOMPARE(statOf(path).st_ino, statOf(other).st_ino);
    QCOMPARE(readFile(other), readFile(path));
}

void TestCliSafety::boundedInput()
{
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.yaml"));
    QVERIFY(writeFile(big, FixablePod + QByteArray(4096, '#')));
    for (const QString &command : {QStringLiteral("check"), QStringLiteral("fix")}) {
        const auto r =
            podsec({command, QStringLiteral("--max-file-size"), QStringLiteral("1K"), big});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     (big + QStringLiteral(":1:1: file is 4.1 KiB, larger than the size limit "
                                           "of 1 KiB"))
                         .toLocal8Bit()),
                 r.err.constData());
    }
    // Devices that never end: bounded too, with a message instead of an abort.
    const auto zero = podsec({QStringLiteral("check"), QStringLiteral("--max-file-size=1M"),
                              QStringLiteral("/dev/zero")});
    QCOMPARE(zero.exitCode, 2);
    QVERIFY2(zero.err.contains("/dev/zero:1:1: larger than the size limit of 1 MiB"),
             zero.err.constData());
    const auto kubeconfig = podsec(
        {QStringLiteral("check"), QStringLiteral("--kubeconfig"), QStringLiteral("/dev/zero")});
    QCOMPARE(kubeconfig.exitCode, 2);
    QVERIFY2(kubeconfig.err.contains("/dev/zero:1:1: larger than the size limit"),
             kubeconfig.err.constData());
    const auto usage =
        podsec({QStringLiteral("check"), QStringLiteral("--max-file-size=lots"), big});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY(usage.err.contains("--max-file-size must be"));
}

void TestCliSafety::fifoNamedDirectlyIsRefused()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe.yaml"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const auto r = podsec({QStringLiteral("check"), fifo}, 20000);
    QCOMPARE(r.exitCode, 2); // -1 when it blocked
    QVERIFY2(r.err.contains((fifo + QStringLiteral(":1:1: not read: a FIFO")).toLocal8Bit()),
             r.err.constData());
}

void TestCliSafety::folderProblemsAreReported()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("manifests"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/sub")));
    QVERIFY(writeFile(root + QStringLiteral("/sub/pod.yaml"), FixablePod));
    QVERIFY(QFile::link(root + QStringLiteral("/missing.yaml"),
                        root + QStringLiteral("/dangling.yaml")));
    QVERIFY(QFile::link(root + QStringLiteral("/loop.yaml"), root + QStringLiteral("/loop.yaml")));
    QVERIFY(QFile::link(root, root + QStringLiteral("/sub/back")));
    QCOMPARE(::mkfifo(QFile::encodeName(root + QStringLiteral("/pipe.yaml")).constData(), 0600), 0);
    const auto r = podsec({QStringLiteral("check"), root}, 20000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.contains("1 objects") || r.out.contains("1 object"));
    const QStringList expected = {QStringLiteral("/dangling.yaml:1:1: dangling symbolic link"),
                                  QStringLiteral("/loop.yaml:1:1: symbolic link loop"),
                                  QStringLiteral("/sub/back:1:1: symbolic link loop"),
                                  QStringLiteral("/pipe.yaml:1:1: not read: a FIFO")};
    for (const QString &tail : expected) {
        const QString line = root + tail;
        QVERIFY2(r.err.contains(line.toLocal8Bit()), r.err.constData());
    }
}

void TestCliSafety::unreadableSubfolderIsReported()
{
    // Root reads every folder: run podsec as nobody then (setpriv), else as ourselves.
    QStringList prefix;
    if (::geteuid() == 0) {
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("root without setpriv: cannot make a folder unreadable");
        prefix = {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                  QStringLiteral("--clear-groups"), QStringLiteral(PODSEC_CLI_PATH)};
    }
    QTemporaryDir dir;
    QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const QString root = dir.filePath(QStringLiteral("manifests"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/locked")));
    QVERIFY(writeFile(root + QStringLiteral("/pod.yaml"), FixablePod));
    QCOMPARE(::chmod(QFile::encodeName(root + QStringLiteral("/pod.yaml")).constData(), 0644), 0);
    QCOMPARE(::chmod(QFile::encodeName(root + QStringLiteral("/locked")).constData(), 0), 0);
    const auto r = prefix.isEmpty()
                       ? podsec({QStringLiteral("check"), root})
                       : podsec(prefix + QStringList{QStringLiteral("check"), root}, 120000,
                                QStandardPaths::findExecutable(QStringLiteral("setpriv")));
    ::chmod(QFile::encodeName(root + QStringLiteral("/locked")).constData(), 0755);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(
        r.err.contains((root + QStringLiteral("/locked:1:1: cannot read folder")).toLocal8Bit()),
        r.err.constData());
}

void TestCliSafety::secretsAppearInNoOutput()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("m"));
    QVERIFY(QDir().mkpath(root));
    // Planted values: a Secret's data and stringData, token-like strings in a Secret and a
    // ConfigMap, and a document that does not parse; a fixable Pod beside them. (`fix` to
    // standard output prints the manifest itself, so it is not among the runs.)
    const QByteArray planted[] = {"UExBTlRFRC1TRUNSRVQtREFUQQ==", "planted-string-data-7f3a",
                                  "ghp_PlantedTokenAbcdefghijklmnopqrstuvwx12",
                                  "eyJhbGciOiJSUzI1NiJ9.cGxhbnRlZA.c2lnbmF0dXJlcGxhbnRlZA"};
    QVERIFY(writeFile(root + QStringLiteral("/all.yaml"),
                      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n"
                      "  password: " +
                          planted[0] + "\nstringData:\n  user: " + planted[1] +
                          "\n  token: " + planted[2] +
                          "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n"
                          "  TOKEN: " +
                          planted[3] +
                          "\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: x}\ndata:\n"
                          "  key: [" +
                          planted[0] + "\n"));
    QVERIFY(writeFile(root + QStringLiteral("/pod.yaml"), FixablePod));
    QList<Run> runs;
    for (const char *format : {"text", "json", "sarif", "junit"}) {
        runs << podsec(
            {QStringLiteral("check"), QStringLiteral("--format"), QLatin1String(format), root});
        runs << podsec({QStringLiteral("check"), QStringLiteral("--admission"),
                        QStringLiteral("--format"), QLatin1String(format), root});
    }
    runs << podsec({QStringLiteral("fix"), QStringLiteral("--diff"), root});
    runs << podsec({QStringLiteral("fix"), QStringLiteral("--in-place"), QStringLiteral("--backup"),
                    QStringLiteral(".bak"), root});
    for (const auto &r : runs) {
        QVERIFY(r.exitCode == 1 || r.exitCode == 2);
        QVERIFY(!r.out.isEmpty() || !r.err.isEmpty());
        for (const QByteArray &secret : planted) {
            QVERIFY2(!r.out.contains(secret), r.out.constData());
            QVERIFY2(!r.err.contains(secret), r.err.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestCliSafety)
#include "tst_clisafety.moc"
