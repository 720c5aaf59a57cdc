// SPDX-License-Identifier: Apache-2.0
// A soak of the window (issue #12): thousands of random filter / select / edit / undo /
// save / reload steps on a copy of the real-world corpus while other programs change its
// files underneath (in place, unlink and recreate, truncate then write, rename over). The
// window must not crash, and no edit may be lost: a file with unsaved edits holds exactly
// what was typed into it, and at the end every file on disk is what its editor shows. When
// a file with edits changes on disk, the edits are mostly kept and sometimes the disk's
// version is taken.
//
// PODSEC_SOAK_STEPS (default 3000) and PODSEC_SOAK_SEED (default 12) make longer or other
// runs; a run also stops after PODSEC_SOAK_SECONDS (default 55) so the suite stays bounded.
#include "editor/documentset.h"
#include "models/diskwatcher.h"
#include "models/workspace.h"
#include "uitestutil.h"
#include "views/diskchanges.h"
#include "views/mainwindow.h"

#include <QAction>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeView>

#include <cstdio>
#include <map>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// The text as the editor shows it: no byte-order mark, CRLF as one line break.
QString asShown(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return QString::fromUtf8(bytes).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
}

QModelIndexList allRows(QTreeView *tree, const QModelIndex &parent = {}, int depth = 0)
{
    QModelIndexList out;
    const auto *model = tree->model();
    for (int r = 0; r < model->rowCount(parent) && out.size() < 400; ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        out << index;
        if (depth < 2 && tree->isExpanded(index))
            out << allRows(tree, index, depth + 1);
    }
    return out;
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomStepsWhileFilesChange()
    {
        const int steps = envInt("PODSEC_SOAK_STEPS", 3000);
        const quint32 seed = quint32(envInt("PODSEC_SOAK_SEED", 12));
        const qint64 budgetMs = 1000LL * envInt("PODSEC_SOAK_SECONDS", 55);
        QRandomGenerator rng(seed);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(TestUtil::copyCorpus(dir.path()));

        MainWindow w;
        w.setQuietSaveErrors(true);
        w.documents()->diskWatcher()->setTimings(60, 400);
        // Mostly the edits are kept (they must then survive anything); sometimes the disk's
        // version is taken (the edits are then one Undo away, and the file shows the disk).
        int kept = 0;
        int taken = 0;
        QSet<QString> takenFiles; // since the last save step
        QRandomGenerator choices(seed + 1);
        w.diskChanges()->setResolver([&](const QString &path, const QString &, const QString &) {
            if (choices.bounded(4) == 0) {
                ++taken;
                takenFiles.insert(path);
                return DiskChangeController::Choice::TakeTheirs;
            }
            ++kept;
            return DiskChangeController::Choice::KeepMine;
        });
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(30000));
        const QStringList paths = w.workspace()->paths();
        QVERIFY(paths.size() > 10);

        // What the user typed into each file with unsaved edits.
        std::map<int, QString> typed;
        auto check = [&](int step) {
            for (const auto &[file, text] : typed) {
                if (!w.documents()->isDirty(file))
                    continue;
                QTextDocument *doc = w.documents()->existingDocument(file);
                QVERIFY2(doc && doc->toPlainText() == text,
                         qPrintable(QStringLiteral("step %1: unsaved edit of %2 lost")
                                        .arg(step)
                                        .arg(paths[file])));
            }
        };
        const QStringList filters = {QString(),
                                     QStringLiteral("wordpress"),
                                     QStringLiteral("redis"),
                                     QStringLiteral("dashboard"),
                                     QStringLiteral("kube"),
                                     QStringLiteral("nginx"),
                                     QStringLiteral("zzz-nothing")};
        int counts[9] = {};
        QElapsedTimer clock;
        clock.start();
        int step = 0;
        for (; step < steps && clock.elapsed() < budgetMs; ++step) {
            const int action = int(rng.bounded(9));
            ++counts[action];
            const int file = int(rng.bounded(quint32(paths.size())));
            switch (action) {
            case 0: // filter
                w.filterEdit()->setText(filters[int(rng.bounded(quint32(filters.size())))]);
                break;
            case 1:
            case 2: { // select a row
                const QModelIndexList rows = allRows(w.treeView());
                if (!rows.isEmpty())
                    w.treeView()->setCurrentIndex(rows[int(rng.bounded(quint32(rows.size())))]);
                break;
            }
            case 3: { // type into a file
                if (w.documents()->isLarge(file))
                    break;
                QTextDocument *doc = w.documents()->document(file);
                QTextCursor cursor(doc->findBlockByNumber(
                    int(rng.bounded(quint32(std::max(1, doc->blockCount()))))));
                cursor.insertText(QStringLiteral("# soak %1\n").arg(step));
                typed[file] = doc->toPlainText();
                break;
            }
            case 4: { // undo in a file that has edits
                if (typed.empty())
                    break;
                auto pick = typed.begin();
                std::advance(pick, int(rng.bounded(quint32(typed.size()))));
                QTextDocument *doc = w.documents()->existingDocument(pick->first);
                if (doc && w.documents()->isDirty(pick->first)) {
                    doc->undo();
                    pick->second = doc->toPlainText();
                }
                break;
            }
            case 5: { // save a file with edits
                for (const auto &[f, text] : typed) {
                    if (!w.documents()->isDirty(f))
                        continue;
                    // A save is refused while another program's change of the file was
                    // not shown yet; once shown (the resolver keeps the edits) it goes in.
                    takenFiles.clear();
                    QTRY_VERIFY_WITH_TIMEOUT(w.saveFile(f), 10000);
                    // What was typed, unless the disk's version of it was taken meanwhile.
                    const QString shown = w.documents()->existingDocument(f)->toPlainText();
                    QVERIFY(shown == text || takenFiles.contains(paths[f]));
                    QCOMPARE(asShown(readFile(paths[f])), shown);
                    break;
                }
                break;
            }
            case 6:
            case 7: { // another program changes a file
                const QString path = paths[file];
                QByteArray bytes = readFile(path);
                bytes.append(QStringLiteral("# changed outside %1\n").arg(step).toUtf8());
                switch (rng.bounded(4)) {
                case 0:
                    QVERIFY(writeFile(path, bytes));
                    break;
                case 1: // git checkout: unlink, recreate
                    QFile::remove(path);
                    QTest::qWait(int(rng.bounded(30)));
                    QVERIFY(writeFile(path, bytes));
                    break;
                case 2: // shell redirection: truncate, then write
                    QVERIFY(writeFile(path, {}));
                    QTest::qWait(int(rng.bounded(30)));
                    QVERIFY(writeFile(path, bytes));
                    break;
                default: { // an editor's atomic save
                    const QString tmp = path + QStringLiteral(".tmp~");
                    QVERIFY(writeFile(tmp, bytes));
                    QVERIFY(std::rename(QFile::encodeName(tmp).constData(),
                                        QFile::encodeName(path).constData()) == 0);
                }
                }
                break;
            }
            default: { // Reload (it asks first when there are edits: only without)
                if (!w.documents()->dirtyCount() && rng.bounded(4) == 0) {
                    typed.clear();
                    w.findChild<QAction *>(QStringLiteral("reloadAction"))->trigger();
                }
                break;
            }
            }
            QTest::qWait(int(rng.bounded(12)));
            check(step);
            if (QTest::currentTestFailed())
                return;
        }

        // Quiet: every change from outside has arrived, files without edits show the disk.
        QTest::qWait(1000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.workspace()->isBusy(), 30000);
        check(step);
        for (int f = 0; f < int(paths.size()); ++f) {
            QTextDocument *doc = w.documents()->existingDocument(f);
            if (!doc || w.documents()->isDirty(f) || w.documents()->isLarge(f))
                continue;
            // The watcher's last reload runs on timers (debounce, stable reads): it must
            // arrive. (This failed for seed 1, and once for seed 12 under ctest -j2, when kept
            // edits had been undone: the old text counted as saved and was never reloaded;
            // tst_diskchanges::undoAfterKeepingMineIsStillUnsaved.)
            const auto shown = [&] {
                QTextDocument *now = w.documents()->existingDocument(f);
                return now ? now->toPlainText() : QStringLiteral("(no document)");
            };
            QTRY_COMPARE_WITH_TIMEOUT(shown(), asShown(readFile(paths[f])), 15000);
        }
        // Saving everything writes exactly what the editor shows.
        QVERIFY(w.saveAll());
        for (const auto &[f, text] : typed) {
            if (QTextDocument *doc = w.documents()->existingDocument(f))
                QCOMPARE(asShown(readFile(paths[f])), doc->toPlainText());
        }
        std::printf("soak: %d steps in %lld ms (seed %u): %d filter, %d select, %d edit, %d undo, "
                    "%d save, %d outside changes, %d reload-or-idle; conflicts: %d kept, %d "
                    "taken\n",
                    step, clock.elapsed(), seed, counts[0], counts[1] + counts[2], counts[3],
                    counts[4], counts[5], counts[6] + counts[7], counts[8], kept, taken);
    }
};

QTEST_MAIN(TestSoak)
#include "tst_soak.moc"
