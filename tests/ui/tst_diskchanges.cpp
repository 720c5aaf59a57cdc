// SPDX-License-Identifier: Apache-2.0
// Files changed behind the window's back, as git, editors, formatters and shells change
// them (issue #12): an edit is never lost, a file is never dropped because it was briefly
// missing or empty, and only what changed is reloaded.
#include "editor/codeeditor.h"
#include "editor/documentset.h"
#include "editor/recoverystore.h"
#include "engine/factscache.h"
#include "models/diskwatcher.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "views/diskchanges.h"
#include "views/mainwindow.h"
#include "views/recoverycontroller.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <functional>

#include <unistd.h>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

QByteArray pod(const QString &name, const QString &ns, const QString &extra = {})
{
    return QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: %1\n  namespace: %2\n"
                          "spec:\n  containers:\n  - name: c\n    image: nginx\n%3")
        .arg(name, ns, extra)
        .toUtf8();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The names of the workloads of the window's current snapshot.
QStringList workloadNames(const MainWindow &w)
{
    QStringList names;
    if (const auto s = w.treeModel()->snapshot()) {
        for (const auto &wl : s->workloads)
            names << QString::fromStdString(wl.id().name);
    }
    names.sort();
    return names;
}

int fileIndex(const MainWindow &w, const QString &path)
{
    return int(w.workspace()->paths().indexOf(path));
}

/// Types text at the start of a file's document, as a user would (an undoable edit).
void typeInto(MainWindow &w, int file, const QString &text)
{
    QTextDocument *doc = w.documents()->document(file);
    QTextCursor cursor(doc);
    cursor.insertText(text);
}

/// Answers every question about a changed file with Keep My Edits, counting them in asked.
void keepMineCounting(MainWindow &w, int &asked)
{
    w.diskChanges()->setResolver([&asked](const QString &, const QString &, const QString &) {
        ++asked;
        return DiskChangeController::Choice::KeepMine;
    });
}

QString documentText(MainWindow &w, int file)
{
    QTextDocument *doc = w.documents()->document(file);
    return doc ? doc->toPlainText() : QString();
}

} // namespace

class TestDiskChanges : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString a, b;

    /// A folder with a.yaml (pod alpha) and b.yaml (pod beta), opened in w.
    void openFolder(MainWindow &w)
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        a = m_dir.filePath(QStringLiteral("a.yaml"));
        b = m_dir.filePath(QStringLiteral("b.yaml"));
        QVERIFY(writeFile(a, pod(QStringLiteral("alpha"), QStringLiteral("team"))));
        QVERIFY(writeFile(b, pod(QStringLiteral("beta"), QStringLiteral("team"))));
        w.documents()->diskWatcher()->setTimings(100, 800);
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({m_dir.path()});
        QVERIFY(applied.wait(20000));
        QCOMPARE(workloadNames(w), QStringList({QStringLiteral("alpha"), QStringLiteral("beta")}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true); // records and caches of tests only
    }
    // A window with unsaved edits keeps them for recovery every 5 s and, destroyed without
    // closing, leaves them there (a test that failed, or outlasted the 5 s on a loaded
    // machine): each test starts without records.
    void init() { QDir(RecoveryStore().directory()).removeRecursively(); }

    void anotherFileChangingKeepsUnsavedEdits()
    {
        // The edit in a.yaml was dropped when b.yaml changed (all files were reopened).
        MainWindow w;
        openFolder(w);
        const int fa = fileIndex(w, a);
        typeInto(w, fa, QStringLiteral("# my edit\n"));
        QVERIFY(w.documents()->isDirty(fa));
        QVERIFY(writeFile(b, pod(QStringLiteral("gamma"), QStringLiteral("team"))));
        QTRY_COMPARE_WITH_TIMEOUT(workloadNames(w),
                                  QStringList({QStringLiteral("alpha"), QStringLiteral("gamma")}),
                                  10000);
        QVERIFY(documentText(w, fa).startsWith(QStringLiteral("# my edit\n")));
        QVERIFY(w.documents()->isDirty(fa));
        QVERIFY(w.isWindowModified());
        QCOMPARE(w.diskChanges()->pendingConflicts(), 0);
    }

    void unlinkAndRecreateKeepsTheFile_data()
    {
        QTest::addColumn<bool>("openTheFileItself");
        QTest::newRow("folder") << false;
        QTest::newRow("file") << true;
    }

    void unlinkAndRecreateKeepsTheFile()
    {
        // git checkout FILE unlinks and recreates it: the workspace fell to 0 paths.
        QFETCH(bool, openTheFileItself);
        MainWindow w;
        openFolder(w);
        if (openTheFileItself) {
            QSignalSpy applied(&w, &MainWindow::snapshotApplied);
            w.openPaths({a});
            QVERIFY(applied.wait(20000));
        }
        QVERIFY(QFile::remove(a));
        QTest::qWait(300); // git takes a moment between unlinking and writing
        QVERIFY(writeFile(a, pod(QStringLiteral("alpha2"), QStringLiteral("team"))));
        QTRY_VERIFY_WITH_TIMEOUT(workloadNames(w).contains(QStringLiteral("alpha2")), 10000);
        QVERIFY(!workloadNames(w).contains(QStringLiteral("alpha")));
        // And again: the watch must have been put back on the new file.
        QVERIFY(writeFile(a, pod(QStringLiteral("alpha3"), QStringLiteral("team"))));
        QTRY_VERIFY_WITH_TIMEOUT(workloadNames(w).contains(QStringLiteral("alpha3")), 10000);
    }

    void truncateThenWriteNeverDropsTheWorkload()
    {
        // `cat new > file`: truncated first, written a moment later. The reload read the
        // empty file and the workload disappeared.
        MainWindow w;
        openFolder(w);
        QStringList seen;
        connect(&w, &MainWindow::snapshotApplied, this,
                [&] { seen << workloadNames(w).join(QLatin1Char(',')); });
        QVERIFY(writeFile(a, {}));
        QTest::qWait(300); // longer than the debounce, shorter than the grace period
        QVERIFY(writeFile(a, pod(QStringLiteral("alpha"), QStringLiteral("team"),
                                 QStringLiteral("  hostNetwork: true\n"))));
        QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty(), 10000);
        QTest::qWait(1200); // past the grace period: nothing more arrives
        for (const QString &names : std::as_const(seen))
            QCOMPARE(names, QStringLiteral("alpha,beta"));
        QVERIFY(documentText(w, fileIndex(w, a)).contains(QStringLiteral("hostNetwork")));
    }

    void renameOverAndNewAndDeletedFiles()
    {
        MainWindow w;
        openFolder(w);
        // An editor saving atomically: write a temporary file, rename it over.
        const QString tmp = m_dir.filePath(QStringLiteral(".a.yaml.swp"));
        QVERIFY(writeFile(tmp, pod(QStringLiteral("renamed"), QStringLiteral("team"))));
        QVERIFY(::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(a).constData()) ==
                0);
        QTRY_VERIFY_WITH_TIMEOUT(workloadNames(w).contains(QStringLiteral("renamed")), 10000);
        // A new file in the opened folder (and a subfolder made after opening) joins.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("sub")));
        QTest::qWait(300);
        const QString c = m_dir.filePath(QStringLiteral("sub/c.yaml"));
        QVERIFY(writeFile(c, pod(QStringLiteral("gamma"), QStringLiteral("team"))));
        QTRY_VERIFY_WITH_TIMEOUT(workloadNames(w).contains(QStringLiteral("gamma")), 10000);
        // A file without edits deleted for good goes, after the grace period.
        QVERIFY(QFile::remove(b));
        QTRY_COMPARE_WITH_TIMEOUT(workloadNames(w),
                                  QStringList({QStringLiteral("gamma"), QStringLiteral("renamed")}),
                                  10000);
        QVERIFY(w.workspace()->isAbsent(fileIndex(w, b)));
        // It comes back at its old place.
        QVERIFY(writeFile(b, pod(QStringLiteral("beta"), QStringLiteral("team"))));
        QTRY_VERIFY_WITH_TIMEOUT(workloadNames(w).contains(QStringLiteral("beta")), 10000);
        QVERIFY(!w.workspace()->isAbsent(fileIndex(w, b)));
    }

    void deletedFileWithUnsavedEditsIsKept()
    {
        MainWindow w;
        openFolder(w);
        const int fb = fileIndex(w, b);
        typeInto(w, fb, QStringLiteral("# keep me\n"));
        QVERIFY(QFile::remove(b));
        QTest::qWait(1500); // past the grace period
        QVERIFY(w.documents()->isDirty(fb));
        QVERIFY(documentText(w, fb).startsWith(QStringLiteral("# keep me\n")));
        QVERIFY(workloadNames(w).contains(QStringLiteral("beta")));
        // Saving writes it again.
        QVERIFY(w.saveAll());
        QVERIFY(readFile(b).startsWith("# keep me\n"));
    }

    void dirtyFileChangedOnDiskAsks()
    {
        MainWindow w;
        openFolder(w);
        const int fa = fileIndex(w, a);
        typeInto(w, fa, QStringLiteral("# mine\n"));
        QStringList asked;
        auto choice = DiskChangeController::Choice::KeepMine;
        w.diskChanges()->setResolver(
            [&](const QString &path, const QString &mine, const QString &theirs) {
                asked << path;
                [&] {
                    QVERIFY(mine.startsWith(QStringLiteral("# mine\n")));
                    QVERIFY(theirs.contains(QStringLiteral("theirs")));
                }();
                return choice;
            });
        // Keep mine: nothing changes in the editor, the edit is still unsaved.
        QVERIFY(writeFile(a, pod(QStringLiteral("theirs"), QStringLiteral("team"))));
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 10000);
        QCOMPARE(asked.first(), a);
        QVERIFY(documentText(w, fa).startsWith(QStringLiteral("# mine\n")));
        QVERIFY(w.documents()->isDirty(fa));
        // Take theirs: the disk's text, not dirty, and Undo brings the edit back.
        choice = DiskChangeController::Choice::TakeTheirs;
        QVERIFY(writeFile(a, pod(QStringLiteral("theirs2"), QStringLiteral("team"))));
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 2, 10000);
        QVERIFY(documentText(w, fa).contains(QStringLiteral("theirs2")));
        QVERIFY(!w.documents()->isDirty(fa));
        QTRY_VERIFY_WITH_TIMEOUT(workloadNames(w).contains(QStringLiteral("theirs2")), 10000);
        w.documents()->document(fa)->undo();
        QVERIFY(documentText(w, fa).startsWith(QStringLiteral("# mine\n")));
        QVERIFY(w.documents()->isDirty(fa));
    }

    void undoAfterKeepingMineIsStillUnsaved()
    {
        // Kept edits, then Undo back to the text first loaded: that text is no longer what
        // is on disk, so it was wrongly called saved (and the window showed the old text as
        // the file's, with nothing to save and no reload to come). Found by tst_soak.
        MainWindow w;
        openFolder(w);
        const int fa = fileIndex(w, a);
        const QString loaded = documentText(w, fa);
        int asked = 0;
        keepMineCounting(w, asked);
        typeInto(w, fa, QStringLiteral("# mine\n"));
        QVERIFY(writeFile(a, pod(QStringLiteral("theirs"), QStringLiteral("team"))));
        QTRY_COMPARE_WITH_TIMEOUT(asked, 1, 10000);
        w.documents()->document(fa)->undo();
        QCOMPARE(documentText(w, fa), loaded);
        QVERIFY(w.documents()->isDirty(fa));
        QVERIFY(w.isWindowModified());
        // Typing and undoing again does not make it saved either.
        typeInto(w, fa, QStringLiteral("# again\n"));
        w.documents()->document(fa)->undo();
        QVERIFY(w.documents()->isDirty(fa));
        // Saving writes what the editor shows; afterwards Undo and Redo work from there.
        QVERIFY(w.saveFile(fa));
        QCOMPARE(QString::fromUtf8(readFile(a)), loaded);
        QVERIFY(!w.documents()->isDirty(fa));
        typeInto(w, fa, QStringLiteral("# after saving\n"));
        w.documents()->document(fa)->undo();
        QVERIFY(!w.documents()->isDirty(fa));
        QCOMPARE(asked, 1);
    }

    void diskTakingMyTextIsNoConflict()
    {
        // Another program wrote exactly what the editor shows (the same change made in
        // another editor and saved there): nothing to ask, the file is saved.
        MainWindow w;
        openFolder(w);
        const int fa = fileIndex(w, a);
        const QString loaded = documentText(w, fa);
        int asked = 0;
        keepMineCounting(w, asked);
        typeInto(w, fa, QStringLiteral("# the same on both sides\n"));
        QVERIFY(writeFile(a, documentText(w, fa).toUtf8()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.documents()->isDirty(fa), 10000);
        QCOMPARE(asked, 0);
        QCOMPARE(w.diskChanges()->pendingConflicts(), 0);
        QVERIFY(!w.isWindowModified());
        // Undo still goes back to the text before the edit, which is now unsaved.
        w.documents()->document(fa)->undo();
        QCOMPARE(documentText(w, fa), loaded);
        QVERIFY(w.documents()->isDirty(fa));
        // The same text behind a byte-order mark is not what saving would write: asked.
        QVERIFY(writeFile(a, "\xEF\xBB\xBF" + loaded.toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(asked, 1, 10000);
        QVERIFY(w.documents()->isDirty(fa));
    }

    void fileDeletedWhileAQuestionIsOpenIsNotReloaded()
    {
        // While the question about a.yaml was open, b.yaml (with edits) changed and was then
        // deleted: its queued change was still taken afterwards (here without asking, as the
        // disk had held b's edits), so b counted as saved, and present, though it was gone.
        MainWindow w;
        openFolder(w);
        const int fa = fileIndex(w, a);
        const int fb = fileIndex(w, b);
        typeInto(w, fa, QStringLiteral("# mine in a\n"));
        typeInto(w, fb, QStringLiteral("# mine in b\n"));
        const auto waitFor = [](const std::function<bool()> &done) {
            QElapsedTimer clock;
            clock.start();
            while (!done() && clock.elapsed() < 10000)
                QTest::qWait(20);
            return done();
        };
        QSignalSpy said(w.diskChanges(), &DiskChangeController::message);
        bool queued = false;
        bool deleted = false;
        w.diskChanges()->setResolver([&](const QString &path, const QString &, const QString &) {
            if (path == a && !queued) { // the question is open: the event loop runs
                writeFile(b, w.documents()->bytesToSave(fb));
                queued = waitFor([&] { return w.diskChanges()->pendingConflicts() == 1; });
                QFile::remove(b);
                deleted = waitFor([&] {
                    for (const auto &m : said) {
                        if (m.first().toString().startsWith(QStringLiteral("Deleted on disk")))
                            return true;
                    }
                    return false;
                });
            }
            return DiskChangeController::Choice::KeepMine;
        });
        QVERIFY(writeFile(a, pod(QStringLiteral("theirs"), QStringLiteral("team"))));
        QTRY_VERIFY_WITH_TIMEOUT(deleted, 20000);
        QVERIFY(queued);
        QCOMPARE(w.diskChanges()->pendingConflicts(), 0);
        QVERIFY(!QFile::exists(b));
        QVERIFY(w.documents()->isDirty(fb));
        QVERIFY(w.documents()->isDirty(fa));
        QVERIFY(w.saveAll());
        QVERIFY(readFile(b).startsWith("# mine in b\n"));
    }

    void undoAfterTheFileBecameUnreadableIsStillUnsaved()
    {
        // A file with edits that can no longer be read (here: grown past the size limit)
        // holds something else on disk: undoing the edits does not make it saved.
        MainWindow w;
        openFolder(w);
        const int fa = fileIndex(w, a);
        w.documents()->diskWatcher()->setMaxFileSize(4096);
        QSignalSpy said(w.diskChanges(), &DiskChangeController::message);
        typeInto(w, fa, QStringLiteral("# mine\n"));
        QVERIFY(writeFile(a, pod(QStringLiteral("alpha"), QStringLiteral("team")) +
                                 QByteArray(8192, '#')));
        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), 10000);
        QVERIFY(said.first().first().toString().contains(QStringLiteral("not read")));
        w.documents()->document(fa)->undo();
        QVERIFY(w.documents()->isDirty(fa));
    }

    void undoAfterTheFileWasDeletedIsStillUnsaved()
    {
        // The same when the file with edits was deleted on disk: undoing the edits leaves a
        // text that is nowhere on disk, and saving must still write the file again.
        MainWindow w;
        openFolder(w);
        const int fb = fileIndex(w, b);
        const QString loaded = documentText(w, fb);
        typeInto(w, fb, QStringLiteral("# keep me\n"));
        QSignalSpy said(w.diskChanges(), &DiskChangeController::message);
        QVERIFY(QFile::remove(b));
        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), 10000); // past the grace period
        QVERIFY(said.first().first().toString().startsWith(QStringLiteral("Deleted on disk")));
        w.documents()->document(fb)->undo();
        QCOMPARE(documentText(w, fb), loaded);
        QVERIFY(w.documents()->isDirty(fb));
        QVERIFY(w.saveAll());
        QCOMPARE(QString::fromUtf8(readFile(b)), loaded);
    }

    void ownSaveIsNotAChange()
    {
        MainWindow w;
        openFolder(w);
        const int fa = fileIndex(w, a);
        int asked = 0;
        keepMineCounting(w, asked);
        QSignalSpy reloads(w.diskChanges(), &DiskChangeController::filesChanged);
        typeInto(w, fa, QStringLiteral("# saved\n"));
        QVERIFY(w.saveFile(fa));
        typeInto(w, fa, QStringLiteral("# typed after saving\n"));
        QTest::qWait(1200);
        QCOMPARE(asked, 0);
        QCOMPARE(reloads.count(), 0);
        QVERIFY(documentText(w, fa).startsWith(QStringLiteral("# typed after saving\n# saved\n")));
    }

    void reloadReopensWhatWasOpened()
    {
        // Reload reopened the files found at the last load, so a file that had gone
        // missing never came back, and new files never came.
        MainWindow w;
        openFolder(w);
        w.documents()->diskWatcher()->clear(); // only Reload can notice now
        QVERIFY(QFile::remove(a));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("d.yaml")),
                          pod(QStringLiteral("delta"), QStringLiteral("team"))));
        auto *reload = w.findChild<QAction *>(QStringLiteral("reloadAction"));
        QVERIFY(reload);
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        reload->trigger();
        QVERIFY(applied.wait(20000));
        QCOMPARE(workloadNames(w), QStringList({QStringLiteral("beta"), QStringLiteral("delta")}));
        QVERIFY(writeFile(a, pod(QStringLiteral("alpha"), QStringLiteral("team"))));
        QTRY_VERIFY_WITH_TIMEOUT(workloadNames(w).contains(QStringLiteral("alpha")), 10000);
    }

    void unsavedEditsAreKeptForRecovery()
    {
        MainWindow w;
        openFolder(w);
        const RecoveryStore &store = w.recovery()->store();
        const int fa = fileIndex(w, a);
        w.recovery()->setInterval(50);
        typeInto(w, fa, QStringLiteral("# not saved yet\n"));
        QTRY_COMPARE_WITH_TIMEOUT(store.entries().size(), 1, 5000);
        QCOMPARE(store.entries().first().path, QFileInfo(a).absoluteFilePath());
        QVERIFY(store.entries().first().text.startsWith(QStringLiteral("# not saved yet\n")));
        // Private: the text may hold secrets.
        const QString record =
            QDir(store.directory()).entryInfoList({QStringLiteral("*.json")}).first().filePath();
        QCOMPARE(QFile::permissions(record) & 0x0077, QFileDevice::Permissions());
        QVERIFY(store.orphans().isEmpty()); // this process is alive: nothing to offer
        QVERIFY(w.saveFile(fa));
        QTRY_VERIFY_WITH_TIMEOUT(store.entries().isEmpty(), 5000);
    }

    void editsOfACrashedWindowAreOffered()
    {
        QStringList offered;
        {
            MainWindow crashed;
            openFolder(crashed);
            typeInto(crashed, fileIndex(crashed, b), QStringLiteral("# lost in a crash\n"));
            crashed.recovery()->keepNow();
        } // destroyed without closing, as a crash would: the record stays
        // Pretend its process is gone.
        MainWindow w;
        const QDir dir(w.recovery()->store().directory());
        const auto records = dir.entryInfoList({QStringLiteral("*.json")});
        QCOMPARE(records.size(), 1);
        QFile f(records.first().filePath());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        o.insert(QStringLiteral("pid"), 0);
        f.resize(0);
        f.write(QJsonDocument(o).toJson());
        f.close();

        w.recovery()->setPrompt([&](const QStringList &paths) {
            offered = paths;
            return RecoveryController::Choice::Recover;
        });
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({m_dir.path()});
        QCOMPARE(offered, QStringList({QFileInfo(b).absoluteFilePath()}));
        const int fb = fileIndex(w, b);
        QVERIFY(documentText(w, fb).startsWith(QStringLiteral("# lost in a crash\n")));
        QVERIFY(w.documents()->isDirty(fb));
        // Undo shows the file as it is on disk.
        w.documents()->document(fb)->undo();
        QVERIFY(!documentText(w, fb).contains(QStringLiteral("lost in a crash")));
        // Once offered, the old record is gone (this window keeps its own).
        QVERIFY(w.recovery()->store().orphans().isEmpty());
        w.recovery()->forgetAll();
    }
    // The re-open cache (issue #19 item 4): opening the same folder again judges its files
    // from their records, with the same verdicts; one byte changed while no window was open
    // is never served from the old record.
    void reopenNeverServesChangedBytes()
    {
        QTemporaryDir cacheDir;
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        a = m_dir.filePath(QStringLiteral("a.yaml"));
        b = m_dir.filePath(QStringLiteral("b.yaml"));
        // alpha passes restricted; with runAsUser 0000 (YAML 1.1: octal, 0) it runs as root.
        const QString tidy =
            QStringLiteral("  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n"
                           "    seccompProfile: {type: RuntimeDefault}\n");
        QByteArray alpha = pod(QStringLiteral("alpha"), QStringLiteral("team"),
                               QStringLiteral("    securityContext:\n"
                                              "      allowPrivilegeEscalation: false\n"
                                              "      capabilities: {drop: [ALL]}\n") +
                                   tidy);
        QVERIFY(writeFile(a, alpha));
        QVERIFY(writeFile(b, pod(QStringLiteral("beta"), QStringLiteral("team"))));
        auto open = [&](MainWindow &w) {
            auto cache = std::make_shared<const Engine::FactsCache>(cacheDir.path().toStdString());
            w.workspace()->setFactsCache(cache);
            QSignalSpy applied(&w, &MainWindow::snapshotApplied);
            w.openPaths({m_dir.path()});
            return applied.wait(20000) ? cache : nullptr;
        };
        auto restricted = [](const MainWindow &w, const char *name) {
            for (const auto &wl : w.treeModel()->snapshot()->workloads) {
                if (wl.id().name == name)
                    return wl.verdicts[int(Column::Restricted)];
            }
            return Verdict::NotChecked;
        };
        {
            MainWindow first;
            const auto cache = open(first);
            QVERIFY(cache);
            QCOMPARE(cache->hits(), 0);
            QTRY_COMPARE_WITH_TIMEOUT(cache->stored(), 2, 10000);
            QCOMPARE(restricted(first, "alpha"), Verdict::Pass);
            QCOMPARE(restricted(first, "beta"), Verdict::Fail);
        }
        {
            MainWindow again;
            const auto cache = open(again);
            QVERIFY(cache);
            QCOMPARE(cache->hits(), 2);
            QCOMPARE(workloadNames(again),
                     QStringList({QStringLiteral("alpha"), QStringLiteral("beta")}));
            QCOMPARE(restricted(again, "alpha"), Verdict::Pass);
            QCOMPARE(restricted(again, "beta"), Verdict::Fail);
        }
        // One byte, from a terminal, with no window open.
        alpha[alpha.indexOf("1000")] = '0';
        QVERIFY(writeFile(a, alpha));
        MainWindow after;
        const auto cache = open(after);
        QVERIFY(cache);
        QCOMPARE(cache->hits(), 1); // beta's file
        QCOMPARE(cache->misses(), 1);
        QCOMPARE(restricted(after, "alpha"), Verdict::Fail);
        QCOMPARE(restricted(after, "beta"), Verdict::Fail);
    }
};

QTEST_MAIN(TestDiskChanges)
#include "tst_diskchanges.moc"
