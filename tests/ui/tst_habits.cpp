// SPDX-License-Identifier: Apache-2.0
// Habits of a desktop window (issue 18 item 5): the Edit menu (Undo/Redo of the shown document
// wherever the focus is, no ambiguous shortcut, Copy of tree rows), Enter applies the fix
// preview and Escape cancels it, "Saved" in the status bar, File ▸ Reset Sample Workspace.
#include "podtestutil.h"
#include "uitestutil.h"
#include "windowtestutil.h"

#include "editor/codeeditor.h"
#include "editor/documentset.h"
#include "models/badgeproxymodel.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "views/detailspane.h"
#include "views/fixpreviewdialog.h"
#include "views/mainwindow.h"
#include "views/problemspanel.h"
#include "views/sampleworkspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>

#include <functional>

using namespace PodSec;
using namespace PodSec::Ui;
using PodSec::TestUtil::whenModal;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Every file under dir, by its path relative to dir, with its bytes.
QMap<QString, QByteArray> filesUnder(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(path.mid(dir.size()), readAll(path));
    }
    return files;
}

/// The first workload row (in the tree's model) that fails some level.
QModelIndex failingWorkload(const QAbstractItemModel *model)
{
    for (int n = 0; n < model->rowCount(); ++n) {
        const QModelIndex ns = model->index(n, 0);
        for (int r = 0; r < model->rowCount(ns); ++r) {
            const QModelIndex row = model->index(r, 0, ns);
            if (row.data(WorkloadTreeModel::NodeTypeRole).toInt() ==
                    int(WorkloadTreeModel::NodeType::Workload) &&
                row.data(WorkloadTreeModel::AnyFailRole).toBool())
                return row;
        }
    }
    return {};
}

/// A window on a copy of the sample, shown and active (window shortcuts need that), with a
/// workload that fails selected and its file in the editor.
struct Window
{
    QTemporaryDir dir;
    MainWindow w;

    bool open(const QString &path = {})
    {
        if (path.isEmpty())
            TestUtil::copySample(dir.path());
        w.setQuietSaveErrors(true);
        w.resize(1400, 900);
        w.show();
        w.activateWindow();
        if (!QTest::qWaitForWindowActive(&w))
            return false;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({path.isEmpty() ? dir.path() : path});
        if (!applied.wait(60000))
            return false;
        const QModelIndex row = failingWorkload(w.treeView()->model());
        if (!row.isValid())
            return false;
        w.treeView()->setCurrentIndex(row);
        QCoreApplication::processEvents();
        return w.currentFile() >= 0 && !w.editor()->isReadOnly();
    }
    QAction *action(const char *name) const { return w.findChild<QAction *>(QLatin1String(name)); }
    QString text() const { return w.editor()->toPlainText(); }
};

} // namespace

class TestHabits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Ctrl+Z with the focus in the tree, the filter box or the details pane undoes the edit
    // of the document the editor shows; Undo and Redo are enabled only when there is one.
    void undoWhereverTheFocusIs()
    {
        Window win;
        QVERIFY(win.open());
        QAction *undo = win.action("undoAction");
        QAction *redo = win.action("redoAction");
        QVERIFY(undo && redo);
        const QString original = win.text();
        QVERIFY(!undo->isEnabled());
        QVERIFY(!redo->isEnabled());

        // An edit typed in the editor.
        win.w.editor()->setFocus();
        win.w.editor()->moveCursor(QTextCursor::Start);
        QTest::keyClicks(win.w.editor(), QStringLiteral("# note"));
        QTest::keyClick(win.w.editor(), Qt::Key_Return);
        const QString edited = win.text();
        QVERIFY(edited != original);
        QVERIFY(undo->isEnabled());

        // The tree: Ctrl+Z undoes the document's edit (the same key as the editor's own).
        QTreeView *tree = win.w.treeView();
        tree->setFocus();
        QCOMPARE(QApplication::focusWidget(), tree);
        for (int i = 0; i < 10 && win.text() != original && undo->isEnabled(); ++i)
            QTest::keySequence(tree, QKeySequence::Undo);
        QCOMPARE(win.text(), original);
        QCOMPARE(QApplication::focusWidget(), tree); // the focus stays where it was
        QVERIFY(!undo->isEnabled());
        QVERIFY(redo->isEnabled());

        // The filter box with nothing of its own to redo: Redo reaches the document.
        QLineEdit *filter = win.w.filterEdit();
        filter->setFocus();
        for (int i = 0; i < 10 && win.text() != edited && redo->isEnabled(); ++i)
            QTest::keySequence(filter, QKeySequence::Redo);
        QCOMPARE(win.text(), edited);
        QVERIFY(!redo->isEnabled());

        // Typing in the filter box: its Undo is its own first, then the document's.
        QTest::keyClicks(filter, QStringLiteral("zz"));
        QCOMPARE(filter->text(), QStringLiteral("zz"));
        QTest::keySequence(filter, QKeySequence::Undo);
        QCOMPARE(filter->text(), QString());
        QCOMPARE(win.text(), edited);

        // The details pane.
        win.w.detailsPane()->setFocus();
        QCOMPARE(QApplication::focusWidget(), win.w.detailsPane());
        for (int i = 0; i < 10 && win.text() != original && undo->isEnabled(); ++i)
            QTest::keySequence(win.w.detailsPane(), QKeySequence::Undo);
        QCOMPARE(win.text(), original);

        // The menu's action does the same (a click in the menu).
        QVERIFY(redo->isEnabled());
        redo->trigger();
        QVERIFY(win.text() != original);
    }

    // No key is given to two of the window's actions or shortcuts (Qt then runs neither),
    // and the Edit menu keeps the keys the window had.
    void noAmbiguousShortcuts()
    {
        Window win;
        QVERIFY(win.open());
        QHash<QKeySequence, QStringList> owners;
        for (QAction *a : win.w.findChildren<QAction *>()) {
            for (const QKeySequence &key : a->shortcuts())
                owners[key] << a->text();
        }
        for (QShortcut *s : win.w.findChildren<QShortcut *>()) {
            for (const QKeySequence &key : s->keys())
                owners[key] << s->objectName();
        }
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            QVERIFY2(it.value().size() == 1, qPrintable(it.key().toString() + QStringLiteral(": ") +
                                                        it.value().join(QStringLiteral(", "))));
        for (const auto key : {QKeySequence::Undo, QKeySequence::Redo, QKeySequence::Copy,
                               QKeySequence::Cut, QKeySequence::Paste, QKeySequence::SelectAll,
                               QKeySequence::Save, QKeySequence::Open, QKeySequence::Find})
            QVERIFY2(owners.contains(QKeySequence(key)), qPrintable(QKeySequence(key).toString()));
    }

    // Ctrl+- zooms out (its action listed that key twice, as Ctrl+- and as ZoomOut, which
    // Qt took for two shortcuts of one key and ran neither).
    void zoomOutKeyWorks()
    {
        Window win;
        QVERIFY(win.open());
        win.w.treeView()->setFocus();
        const qreal before = QApplication::font().pointSizeF();
        QTest::keyClick(win.w.treeView(), Qt::Key_Minus, Qt::ControlModifier);
        const qreal after = QApplication::font().pointSizeF();
        win.w.zoom(0);
        QVERIFY2(after < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    }

    // Copy with the focus in the tree copies the selected rows (name, kind, badges); in the
    // editor it copies the editor's selection; the Problems panel keeps its own Copy.
    void copyRowsAndText()
    {
        Window win;
        QVERIFY(win.open());
        QTreeView *tree = win.w.treeView();
        const QAbstractItemModel *model = tree->model();
        QVERIFY(model->rowCount() >= 2);
        tree->setFocus();
        tree->selectionModel()->select(model->index(0, 0), QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
        tree->selectionModel()->select(model->index(1, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QApplication::clipboard()->clear();
        QTest::keySequence(tree, QKeySequence::Copy);
        const QStringList lines =
            QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        for (int r = 0; r < 2; ++r) {
            const QStringList cells = lines[r].split(QLatin1Char('\t'));
            const QModelIndex row = model->index(r, 0);
            QVERIFY2(cells.value(0).startsWith(row.data().toString()), qPrintable(lines[r]));
            for (const QString &chip : row.data(WorkloadTreeModel::ChipsRole).toStringList())
                QVERIFY2(cells.value(0).contains(chip), qPrintable(lines[r]));
            // The kind and each badge the tree shows (the user may hide or move columns).
            int shown = 0;
            for (int c = WorkloadTreeModel::KindColumn; c < model->columnCount(); ++c) {
                const QString text = row.siblingAtColumn(c).data().toString();
                if (tree->isColumnHidden(c) || text.isEmpty())
                    continue;
                ++shown;
                QVERIFY2(cells.contains(text),
                         qPrintable(text + QStringLiteral(" in ") + lines[r]));
            }
            QVERIFY(shown >= 2);
        }

        // The editor's own Copy.
        win.w.editor()->setFocus();
        win.w.editor()->moveCursor(QTextCursor::Start);
        win.w.editor()->moveCursor(QTextCursor::EndOfLine, QTextCursor::KeepAnchor);
        const QString firstLine = win.w.editor()->textCursor().selectedText();
        QVERIFY(!firstLine.isEmpty());
        QTest::keySequence(win.w.editor(), QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), firstLine);

        // The Problems panel (a dock of the window) copies its lines as `podsec check` does.
        ProblemsPanel *problems = win.w.problemsPanel();
        problems->reveal();
        QSignalSpy applied(&win.w, &MainWindow::snapshotApplied);
        win.w.editor()->moveCursor(QTextCursor::End);
        win.w.editor()->insertPlainText(QStringLiteral("\n---\nkind: [unclosed\n"));
        QVERIFY(applied.wait(30000));
        QTreeView *view = problems->view();
        QTRY_VERIFY(view->model()->rowCount() > 0);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QApplication::clipboard()->clear();
        QTest::keySequence(view, QKeySequence::Copy);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(QLatin1String(":")) && !copied.contains(QLatin1Char('\t')),
                 qPrintable(copied));
    }

    // In the window's fix preview Enter applies (the document changes) and Escape cancels.
    void enterAppliesEscapeCancels()
    {
        Window win;
        QVERIFY(win.open());
        const QString original = win.text();
        whenModal([](QWidget *modal) {
            auto *dialog = qobject_cast<FixPreviewDialog *>(modal);
            QVERIFY(dialog);
            QTest::keyClick(dialog->focusWidget() ? dialog->focusWidget() : dialog, Qt::Key_Escape);
        });
        win.w.fixInteractive(MainWindow::FixScope::Workload);
        QCOMPARE(win.text(), original);
        whenModal([](QWidget *modal) {
            auto *dialog = qobject_cast<FixPreviewDialog *>(modal);
            QVERIFY(dialog);
            auto *apply = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply);
            QVERIFY(apply->isDefault() && apply->isEnabled());
            QTest::keyClick(dialog->focusWidget() ? dialog->focusWidget() : dialog, Qt::Key_Return);
        });
        win.w.fixInteractive(MainWindow::FixScope::Workload);
        QVERIFY(win.text() != original);
    }

    // Save says so in the status bar, naming the file; Save All names the files.
    void savedIsConfirmed()
    {
        Window win;
        QVERIFY(win.open());
        const int file = win.w.currentFile();
        const QString path = win.w.workspace()->paths().value(file);
        win.w.editor()->moveCursor(QTextCursor::Start);
        win.w.editor()->insertPlainText(QStringLiteral("# saved\n"));
        win.w.treeView()->setFocus();
        QTest::keySequence(win.w.treeView(), QKeySequence::Save);
        QVERIFY(readAll(path).startsWith("# saved\n"));
        QVERIFY2(win.w.statusBar()->currentMessage().contains(path),
                 qPrintable(win.w.statusBar()->currentMessage()));

        // Two files edited, Save All.
        QStringList names;
        for (int f = 0; f < win.w.workspace()->paths().size() && names.size() < 2; ++f) {
            if (QTextDocument *doc = win.w.documents()->document(f)) {
                QTextCursor(doc).insertText(QStringLiteral("# all\n"));
                names << QFileInfo(win.w.workspace()->paths().value(f)).fileName();
            }
        }
        QCOMPARE(names.size(), 2);
        QVERIFY(win.w.saveAll());
        const QString message = win.w.statusBar()->currentMessage();
        for (const QString &name : std::as_const(names))
            QVERIFY2(message.contains(name), qPrintable(message));
    }

    // Undoing back to what was loaded or saved leaves nothing unsaved: no "*" in the title,
    // no "unsaved file" in the status bar, nothing for Save All; Redo makes it unsaved again.
    void undoToSavedIsClean()
    {
        Window win;
        QVERIFY(win.open());
        const int file = win.w.currentFile();
        win.w.editor()->moveCursor(QTextCursor::Start);
        win.w.editor()->insertPlainText(QStringLiteral("# one\n"));
        QVERIFY(win.w.documents()->isDirty(file));
        QVERIFY(win.w.isWindowModified());
        win.w.editor()->undo();
        QVERIFY(!win.w.documents()->isDirty(file));
        QVERIFY(!win.w.isWindowModified());
        QCOMPARE(win.w.documents()->dirtyCount(), 0);
        win.w.editor()->redo();
        QVERIFY(win.w.documents()->isDirty(file));
        QVERIFY(win.w.isWindowModified());

        // The same after a save: back to the saved text is clean, the loaded one is not.
        QVERIFY(win.w.saveAll());
        QVERIFY(!win.w.isWindowModified());
        win.w.editor()->insertPlainText(QStringLiteral("# two\n"));
        QVERIFY(win.w.isWindowModified());
        win.w.editor()->undo();
        QVERIFY(!win.w.documents()->isDirty(file));
        QVERIFY(!win.w.isWindowModified());
        win.w.editor()->undo();
        QVERIFY(win.w.documents()->isDirty(file));
        QVERIFY(win.w.isWindowModified());
    }

    // A re-evaluation never changes the file the editor shows. A file opened from the Access
    // tab (or the Problems panel) is not the tree's current row's; it stays in the editor
    // while it is edited, and what is typed after the re-evaluation goes into it.
    void reEvaluationKeepsTheShownFile()
    {
        Window win;
        TestUtil::copySample(win.dir.path());
        // A file with no workload in it: the tree keeps its row while it is edited.
        QFile rbac(win.dir.filePath(QStringLiteral("rbac.yaml")));
        QVERIFY(rbac.open(QIODevice::WriteOnly));
        rbac.write("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ci, namespace: "
                   "batch}\n");
        rbac.close();
        QVERIFY(win.open(win.dir.path()));
        const int rowFile = win.w.currentFile();
        const int other = int(win.w.workspace()->paths().indexOf(rbac.fileName()));
        QVERIFY(other >= 0 && other != rowFile);
        const QModelIndex row = win.w.treeView()->currentIndex();
        QVERIFY(win.w.openAccessSource(rbac.fileName(), 1, 1, true));
        QCOMPARE(win.w.currentFile(), other);
        QCOMPARE(win.w.treeView()->currentIndex(), row);
        const QTextDocument *shown = win.w.editor()->document();
        QSignalSpy applied(&win.w, &MainWindow::snapshotApplied);
        win.w.editor()->moveCursor(QTextCursor::End);
        win.w.editor()->insertPlainText(QStringLiteral("# edited here\n"));
        QVERIFY(applied.wait(20000));
        QCOMPARE(win.w.currentFile(), other);
        QCOMPARE(win.w.editor()->document(), shown);
        win.w.editor()->insertPlainText(QStringLiteral("# and here\n"));
        QVERIFY(win.w.documents()->isDirty(other));
        QVERIFY(!win.w.documents()->isDirty(rowFile));
        QVERIFY(
            win.w.editor()->toPlainText().endsWith(QStringLiteral("# edited here\n# and here\n")));
        // Choosing a row shows its file again.
        win.w.treeView()->setCurrentIndex(win.w.treeView()->model()->index(0, 0));
        win.w.treeView()->setCurrentIndex(row);
        QCOMPARE(win.w.currentFile(), rowFile);
    }

    // The same when the row shown goes away with the edit: a namespace's finding that the
    // new label fixes. The tree picks another row; the editor keeps the file being edited.
    void vanishingRowKeepsTheShownFile()
    {
        Window win;
        QVERIFY(win.open());
        const QAbstractItemModel *model = win.w.treeView()->model();
        QModelIndex finding;
        for (int n = 0; n < model->rowCount() && !finding.isValid(); ++n) {
            const QModelIndex ns = model->index(n, 0);
            if (ns.data().toString() != QLatin1String("sandbox"))
                continue;
            for (int r = 0; r < model->rowCount(ns); ++r) {
                if (model->index(r, 0, ns).data().toString() ==
                    QLatin1String("podSecurityEnforced"))
                    finding = model->index(r, 0, ns);
            }
        }
        QVERIFY(finding.isValid());
        win.w.treeView()->setCurrentIndex(finding);
        const int file = win.w.currentFile();
        QVERIFY(win.w.workspace()->paths().value(file).endsWith(QLatin1String("namespaces.yaml")));
        const QTextDocument *shown = win.w.editor()->document();
        QSignalSpy applied(&win.w, &MainWindow::snapshotApplied);
        QTextCursor cursor = shown->find(QStringLiteral("name: sandbox   # no labels at all"));
        QVERIFY(!cursor.isNull());
        cursor.insertText(QStringLiteral(
            "name: sandbox\n  labels:\n    pod-security.kubernetes.io/enforce: baseline"));
        QVERIFY(applied.wait(20000));
        QVERIFY(win.w.treeView()->currentIndex().data().toString() !=
                QLatin1String("podSecurityEnforced"));
        QCOMPARE(win.w.currentFile(), file);
        QCOMPARE(win.w.editor()->document(), shown);
        // A click on the row the tree moved to shows its file.
        const QModelIndex now = win.w.treeView()->currentIndex();
        const int rowFile =
            win.w.treeModel()
                ->data(win.w.badgeModel()->mapToSource(win.w.filterModel()->mapToSource(now)),
                       WorkloadTreeModel::FileIndexRole)
                .toInt();
        QVERIFY(rowFile >= 0 && rowFile != file);
        QTest::mouseClick(win.w.treeView()->viewport(), Qt::LeftButton, {},
                          win.w.treeView()->visualRect(now).center());
        QCOMPARE(win.w.currentFile(), rowFile);
    }

    // A re-evaluation does not move the editor within the file either: a place shown from
    // the Problems panel stays when the policy version changes.
    void reEvaluationKeepsThePlace()
    {
        Window win;
        QVERIFY(win.open());
        const int file = win.w.currentFile();
        const QString path = win.w.workspace()->paths().value(file);
        const int rowLine = win.w.editor()->textCursor().blockNumber();
        const int line = rowLine + 5; // not the row's line
        QVERIFY(win.w.openAccessSource(path, line + 1, 1, false));
        QCOMPARE(win.w.editor()->textCursor().blockNumber(), line);
        QSignalSpy applied(&win.w, &MainWindow::snapshotApplied);
        win.w.versionCombo()->setCurrentIndex(
            win.w.versionCombo()->findData(QStringLiteral("v1.22")));
        QVERIFY(applied.wait(20000));
        QCOMPARE(win.w.currentFile(), file);
        QCOMPARE(win.w.editor()->textCursor().blockNumber(), line);
    }

    // Choosing a namespace row shows its Namespace object, where its labels are.
    void namespaceRowShowsItsObject()
    {
        Window win;
        QVERIFY(win.open());
        const QAbstractItemModel *model = win.w.treeView()->model();
        QModelIndex sandbox;
        for (int n = 0; n < model->rowCount(); ++n) {
            if (model->index(n, 0).data().toString() == QLatin1String("sandbox"))
                sandbox = model->index(n, 0);
        }
        QVERIFY(sandbox.isValid());
        win.w.treeView()->setFocus();
        win.w.treeView()->setCurrentIndex(sandbox);
        QVERIFY(win.w.workspace()
                    ->paths()
                    .value(win.w.currentFile())
                    .endsWith(QLatin1String("namespaces.yaml")));
        QCOMPARE(win.w.editor()->textCursor().block().text(), QStringLiteral("apiVersion: v1"));
        QCOMPARE(win.w.editor()->textCursor().block().next().next().next().text(),
                 QStringLiteral("  name: sandbox   # no labels at all"));
    }

    // File ▸ Reset Sample Workspace: enabled only on the user's copy of the sample; asks
    // about unsaved edits, then whether to reset (No by default); puts the shipped files back
    // and opens them.
    void resetSampleWorkspace()
    {
        QTemporaryDir data;
        const QString copy = data.filePath(QStringLiteral("sample-workspace"));
        SampleWorkspace::setLocations(TestUtil::sampleDir(), copy);
        QCOMPARE(SampleWorkspace::ensureCopy(), copy);
        const auto shipped = filesUnder(TestUtil::sampleDir());
        QCOMPARE(filesUnder(copy), shipped);

        Window win;
        QVERIFY(win.open(copy));
        QAction *reset = win.action("resetSampleAction");
        QVERIFY(reset && reset->isEnabled());
        // A saved fix, and an unsaved edit.
        const int file = win.w.currentFile();
        const QString path = win.w.workspace()->paths().value(file);
        win.w.editor()->moveCursor(QTextCursor::Start);
        win.w.editor()->insertPlainText(QStringLiteral("# solved\n"));
        QVERIFY(win.w.saveFile(file));
        win.w.editor()->insertPlainText(QStringLiteral("# unsaved\n"));
        QVERIFY(filesUnder(copy) != shipped);
        const QFile::Permissions folderMode = QFileInfo(copy).permissions();

        // Enter on the question keeps the files (No is the default).
        QStringList asked;
        auto answer = [&asked](QMessageBox::StandardButton unsaved, int key) {
            whenModal([&asked, unsaved, key](QWidget *first) {
                auto *box = qobject_cast<QMessageBox *>(first);
                QVERIFY(box);
                asked << box->windowTitle();
                box->button(unsaved)->click();
                whenModal([&asked, key](QWidget *second) {
                    auto *question = qobject_cast<QMessageBox *>(second);
                    QVERIFY(question);
                    asked << question->windowTitle();
                    QCOMPARE(question->defaultButton(), question->button(QMessageBox::No));
                    if (key)
                        QTest::keyClick(question, Qt::Key(key));
                    else
                        question->button(QMessageBox::Yes)->click();
                });
            });
        };
        answer(QMessageBox::Discard, Qt::Key_Return);
        QVERIFY(!win.w.resetSampleWorkspace());
        QCOMPARE(asked.size(), 2);
        QVERIFY(readAll(path).startsWith("# solved\n"));

        // Yes: the shipped files, opened again, nothing unsaved, nothing left beside them.
        asked.clear();
        win.w.editor()->insertPlainText(QStringLiteral("# unsaved\n"));
        QSignalSpy applied(&win.w, &MainWindow::snapshotApplied);
        answer(QMessageBox::Discard, 0);
        QVERIFY(win.w.resetSampleWorkspace());
        QCOMPARE(asked.size(), 2);
        QCOMPARE(filesUnder(copy), shipped);
        QCOMPARE(QFileInfo(copy).permissions(), folderMode); // as the copy was
        QCOMPARE(
            QDir(data.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{QStringLiteral("sample-workspace")});
        QVERIFY(applied.wait(60000) || applied.count() > 0);
        QCOMPARE(win.w.documents()->dirtyCount(), 0);
        QVERIFY(SampleWorkspace::isCopy(win.w.workspace()->roots()));
        QVERIFY(reset->isEnabled());

        // Another folder: the action is off.
        QTemporaryDir other;
        TestUtil::copySample(other.path());
        win.w.openPaths({other.path()});
        QVERIFY(!reset->isEnabled());
        QVERIFY(!win.w.resetSampleWorkspace());
        SampleWorkspace::setLocations({}, {});
    }

    // A reset that fails half-way (a shipped file cannot be read) leaves the copy as it was,
    // with nothing beside it.
    void failedResetKeepsTheCopy()
    {
        if (!QFileInfo(QStringLiteral("/proc/self/mem")).exists())
            QSKIP("needs /proc/self/mem (a file whose reading fails)");
        QTemporaryDir data;
        const QString bundled = data.filePath(QStringLiteral("bundled"));
        const QString copy = data.filePath(QStringLiteral("sample-workspace"));
        QDir().mkpath(bundled);
        TestUtil::copySample(bundled);
        SampleWorkspace::setLocations(bundled, copy);
        SampleWorkspace::ensureCopy();
        QFile edited(copy + QStringLiteral("/web.yaml"));
        QVERIFY(edited.open(QIODevice::Append));
        edited.write("# solved\n");
        edited.close();
        const auto before = filesUnder(copy);
        QVERIFY(QFile::link(QStringLiteral("/proc/self/mem"),
                            bundled + QStringLiteral("/zz-unreadable.yaml")));
        QString error;
        QVERIFY(!SampleWorkspace::reset(&error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(filesUnder(copy), before);
        QCOMPARE(
            QDir(data.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            (QStringList{QStringLiteral("bundled"), QStringLiteral("sample-workspace")}));
        SampleWorkspace::setLocations({}, {});
    }
};

QTEST_MAIN(TestHabits)
#include "tst_habits.moc"
