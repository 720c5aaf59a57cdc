// SPDX-License-Identifier: Apache-2.0
// The window reads and writes user files as the CLI does (issue #13): reading is bounded
// (a huge file, a device or a FIFO gives a clear problem, never bad_alloc or a hang, both
// when opening and when a watched file changes), and saving keeps the file's mode, setgid
// bit and hard links, and refuses when another program changed the file since it was read.
#include "editor/documentset.h"
#include "models/diskwatcher.h"
#include "models/workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

#include <sys/stat.h>
#include <unistd.h>

using namespace PodSec::Ui;

namespace {

const QByteArray Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
                       "spec:\n  containers:\n  - name: c\n    image: x\n";

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct stat statOf(const QString &path)
{
    struct stat st = {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st;
}

/// A file of size bytes that takes no room on disk.
bool sparse(const QString &path, qint64 size)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.resize(size);
}

} // namespace

class TestWindowFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void openIsBounded()
    {
        const QString good = m_dir.filePath(QStringLiteral("good.yaml"));
        const QString huge = m_dir.filePath(QStringLiteral("huge.yaml"));
        const QString fifo = m_dir.filePath(QStringLiteral("fifo.yaml"));
        const QString big = m_dir.filePath(QStringLiteral("big.yaml"));
        QVERIFY(writeBytes(good, Pod));
        QVERIFY(sparse(huge, qint64(4500) << 20)); // 4.5 GB, over the 1 GiB default
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        {
            Workspace workspace;
            workspace.open({good, huge, fifo});
            QVERIFY(workspace.readError(0).isEmpty());
            const QString hugeError = workspace.readError(1);
            const QString fifoError = workspace.readError(2);
            QVERIFY2(hugeError.contains(QLatin1String("limit")), qPrintable(hugeError));
            QVERIFY2(fifoError.contains(QLatin1String("FIFO")), qPrintable(fifoError));
            QCOMPARE(workspace.fileText(0), Pod);
            QVERIFY(workspace.fileText(1).isEmpty());
        }
        // A limit of the user's choosing, and a device that never ends.
        QVERIFY(writeBytes(big, QByteArray(4096, '#')));
        Workspace workspace;
        workspace.setMaxFileSize(1024);
        workspace.open({big, QStringLiteral("/dev/zero")});
        QVERIFY2(!workspace.readError(0).isEmpty(), "a file over the chosen limit is not read");
        QVERIFY2(!workspace.readError(1).isEmpty(), "/dev/zero is not read");
        QVERIFY(workspace.fileText(0).isEmpty() && workspace.fileText(1).isEmpty());
    }

    void changedFileOverTheLimitIsReported()
    {
        const QString path = m_dir.filePath(QStringLiteral("watched.yaml"));
        QVERIFY(writeBytes(path, Pod));
        DiskWatcher watcher;
        watcher.setTimings(10, 10);
        watcher.setMaxFileSize(1024);
        watcher.watch({path}, {path}, {Pod});
        QSignalSpy changed(&watcher, &DiskWatcher::changed);
        QVERIFY(writeBytes(path, QByteArray(4096, '#')));
        watcher.scanNow();
        QCOMPARE(changed.count(), 1);
        const auto changes = changed.first().first().value<QVector<DiskWatcher::Change>>();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().kind, DiskWatcher::Change::Unreadable);
        QVERIFY2(changes.first().error.contains(QLatin1String("limit")),
                 qPrintable(changes.first().error));
        // Said once while it stays so; read again once it fits.
        watcher.scanNow();
        QCOMPARE(changed.count(), 1);
        const QByteArray smaller = Pod + "# again\n";
        QVERIFY(writeBytes(path, smaller));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                watcher.scanNow();
                for (const auto &args : changed) {
                    for (const auto &c : args.first().value<QVector<DiskWatcher::Change>>()) {
                        if (c.kind == DiskWatcher::Change::Modified && c.bytes == smaller)
                            return true;
                    }
                }
                return false;
            }(),
            5000);
    }

    void saveKeepsModeSetgidAndLinks_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("linked");
        QTest::newRow("0640") << 0640 << false;
        QTest::newRow("setgid 02640") << 02640 << false;
        QTest::newRow("0600 with a second hard link") << 0600 << true;
    }

    void saveKeepsModeSetgidAndLinks()
    {
        QFETCH(int, mode);
        QFETCH(bool, linked);
        const QString path = m_dir.filePath(QStringLiteral("kept.yaml"));
        const QString link = m_dir.filePath(QStringLiteral("kept-link.yaml"));
        QFile::remove(path);
        QFile::remove(link);
        QVERIFY(writeBytes(path, Pod));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
        QCOMPARE(statOf(path).st_mode & 07777, mode_t(mode)); // setgid may be refused
        if (linked)
            QCOMPARE(
                ::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()),
                0);
        const ino_t inode = statOf(path).st_ino;

        Workspace workspace;
        workspace.open({path});
        DocumentSet documents(&workspace);
        documents.growToWorkspace();
        documents.watchWorkspaceFiles();
        QTextCursor(documents.document(0)).insertText(QStringLiteral("# saved\n"));
        QString error;
        QVERIFY2(documents.save(0, &error), qPrintable(error));

        const QByteArray expected = "# saved\n" + Pod;
        QCOMPARE(readBytes(path), expected);
        const struct stat st = statOf(path);
        QCOMPARE(st.st_mode & 07777, mode_t(mode));
        QCOMPARE(st.st_uid, ::getuid());
        QCOMPARE(int(st.st_nlink), linked ? 2 : 1);
        if (linked) {
            QCOMPARE(st.st_ino, inode); // written in place: still one file
            QCOMPARE(readBytes(link), expected);
        }
    }

    void saveRefusesWhenChangedOnDisk()
    {
        const QString path = m_dir.filePath(QStringLiteral("theirs.yaml"));
        QVERIFY(writeBytes(path, Pod));
        Workspace workspace;
        workspace.open({path});
        DocumentSet documents(&workspace);
        documents.growToWorkspace();
        documents.watchWorkspaceFiles();
        documents.diskWatcher()->setTimings(60000, 60000); // the change is not seen yet
        QTextCursor(documents.document(0)).insertText(QStringLiteral("# mine\n"));
        const QByteArray theirs = Pod + "# theirs\n";
        QVERIFY(writeBytes(path, theirs));
        QString error;
        QVERIFY(!documents.save(0, &error));
        QVERIFY2(error.contains(QLatin1String("changed on disk")), qPrintable(error));
        QCOMPARE(readBytes(path), theirs);
        QVERIFY(documents.isDirty(0));
        // Once the change was shown (and the person kept their edits), saving overwrites.
        QSignalSpy changed(documents.diskWatcher(), &DiskWatcher::changed);
        documents.diskWatcher()->scanNow();
        QCOMPARE(changed.count(), 1);
        QVERIFY2(documents.save(0, &error), qPrintable(error));
        QCOMPARE(readBytes(path), "# mine\n" + Pod);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestWindowFiles)
#include "tst_windowfiles.moc"
