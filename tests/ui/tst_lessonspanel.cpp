// SPDX-License-Identifier: Apache-2.0
// View ▸ Lessons (issue 18 item 1): a test lesson (tests/data/lessons) opens as a fresh copy of
// its start/, its goals are unmet, an edit in the editor meets them and the marks follow,
// hints come one at a time, the solution comes as the fix preview (one undo step), and the
// reset brings back the start.
#include "podtestutil.h"
#include "uitestutil.h"
#include "windowtestutil.h"

#include "editor/codeeditor.h"
#include "editor/documentset.h"
#include "views/fixpreviewdialog.h"
#include "views/lessonspanel.h"
#include "views/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>

#include <functional>

using namespace PodSec;
using namespace PodSec::Ui;
using PodSec::TestUtil::whenModal;

namespace {

QString lessonDir(const char *name)
{
    return TestUtil::testDataPath(QStringLiteral("lessons/") + QLatin1String(name));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The marks of the goal rows (true: met).
QList<bool> marks(const LessonsPanel *panel)
{
    QList<bool> out;
    for (int i = 0; i < panel->goalsList()->count(); ++i)
        out << panel->goalsList()->item(i)->data(LessonsPanel::MetRole).toBool();
    return out;
}

/// Selects the tree row of a workload ("shop/web"): its file then is in the editor.
bool selectWorkload(MainWindow &w, const QString &key)
{
    if (!w.selectKey(key))
        return false;
    QCoreApplication::processEvents();
    return w.currentFile() >= 0;
}

} // namespace

class TestLessonsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_US"))); }

    void lessonInProgress()
    {
        MainWindow w;
        w.setQuietSaveErrors(true);
        w.resize(1400, 900);
        w.show();
        LessonsPanel *panel = w.lessonsPanel();
        QVERIFY(panel);
        QVERIFY(!panel->isVisible()); // until View ▸ Lessons
        panel->setCourseRoot(TestUtil::testDataPath(QStringLiteral("lessons")));
        QCOMPARE(panel->courseList()->count(), 2);
        QCOMPARE(panel->courseList()->item(0)->text(),
                 QStringLiteral("1. A privileged web server"));
        QVERIFY(!panel->solutionButton()->isEnabled());

        // Starting a course entry opens a fresh copy of its start/.
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        QSignalSpy open(panel, &LessonsPanel::openRequested);
        panel->courseList()->setCurrentRow(0);
        panel->findChild<QPushButton *>(); // the panel's buttons exist
        Q_EMIT panel->courseList()->itemActivated(panel->courseList()->item(0));
        QCOMPARE(open.count(), 1);
        QVERIFY(applied.wait(60000));
        QVERIFY(panel->isVisible());
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("A privileged web server")));
        const QString copy = w.lessonFolder();
        QVERIFY(!copy.isEmpty());
        QVERIFY(!copy.startsWith(lessonDir("01-privileged")));
        QCOMPARE(readAll(copy + QStringLiteral("/pod.yaml")),
                 readAll(lessonDir("01-privileged") + QStringLiteral("/start/pod.yaml")));

        // Goals: image present and namespace enforcing baseline are met; the rest are not.
        QCOMPARE(panel->goalsList()->count(), 6);
        QCOMPARE(marks(panel), (QList<bool>{false, false, true, false, false, true}));
        QCOMPARE(panel->goalsList()->item(0)->text(),
                 QStringLiteral("Pod web passes Baseline — Failing: privileged"));
        QVERIFY(panel->goalsList()->item(1)->text().startsWith(
            QStringLiteral("The app container is not privileged")));
        QVERIFY(!panel->completeBanner()->isVisibleTo(panel));

        // Hints, one at a time.
        QVERIFY(panel->hintButton()->isEnabled());
        const QString hint1 = QStringLiteral("Look at the container");
        QVERIFY(!panel->textView()->toPlainText().contains(hint1));
        panel->hintButton()->click();
        QCOMPARE(panel->hintsShown(), 1);
        QVERIFY(panel->textView()->toPlainText().contains(hint1));
        QVERIFY(!panel->textView()->toPlainText().contains(QStringLiteral("Remove the")));
        panel->hintButton()->click();
        QCOMPARE(panel->hintsShown(), 2);
        QVERIFY(panel->textView()->toPlainText().contains(QStringLiteral("Remove the")));
        QVERIFY(!panel->hintButton()->isEnabled());
        QVERIFY(!panel->revealNextHint());

        // The student deletes the privileged line in the editor: every goal is met.
        QVERIFY(selectWorkload(w, QStringLiteral("shop/web")));
        CodeEditor *editor = w.editor();
        QVERIFY(!editor->isReadOnly());
        const QString line = QStringLiteral("        privileged: true\n");
        const int at = int(editor->toPlainText().indexOf(line));
        QVERIFY(at > 0);
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(at);
        cursor.setPosition(at + int(line.size()), QTextCursor::KeepAnchor);
        editor->setTextCursor(cursor);
        editor->textCursor().removeSelectedText();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isComplete(), 30000);
        QCOMPARE(marks(panel), QList<bool>(6, true));
        QVERIFY(panel->completeBanner()->isVisibleTo(panel));

        // Undo: the marks follow back.
        editor->undo();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isComplete(), 30000);
        QCOMPARE(marks(panel), (QList<bool>{false, false, true, false, false, true}));

        // Show Solution: the fix preview with the difference, applied as one undo step.
        QString diff;
        whenModal([&diff](QWidget *modal) {
            auto *dialog = qobject_cast<FixPreviewDialog *>(modal);
            QVERIFY(dialog);
            diff = dialog->diffText();
            dialog->accept();
        });
        panel->solutionButton()->click();
        QVERIFY2(diff.contains(QStringLiteral("-        privileged: true")), qPrintable(diff));
        QVERIFY(diff.contains(QStringLiteral("+      securityContext: {}")));
        QVERIFY(!diff.contains(QStringLiteral("namespace.yaml"))); // the same as the solution
        QCOMPARE(editor->toPlainText().toUtf8(),
                 readAll(lessonDir("01-privileged") + QStringLiteral("/solution/pod.yaml")));
        QTRY_VERIFY_WITH_TIMEOUT(panel->isComplete(), 30000);
        editor->undo();
        QVERIFY(editor->toPlainText().contains(line));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isComplete(), 30000);

        // Reset: No keeps everything.
        auto answerReset = [](bool yes) {
            whenModal([yes](QWidget *modal) {
                auto *box = qobject_cast<QMessageBox *>(modal);
                QVERIFY(box);
                QCOMPARE(box->objectName(), QStringLiteral("resetLessonQuestion"));
                QCOMPARE(box->defaultButton(), box->button(QMessageBox::No));
                box->button(yes ? QMessageBox::Yes : QMessageBox::No)->click();
            });
        };
        editor->textCursor().insertText(QStringLiteral("# my edit\n"));
        answerReset(false);
        QVERIFY(!w.resetLesson());
        QCOMPARE(w.lessonFolder(), copy);
        QCOMPARE(panel->hintsShown(), 2);

        // Yes: a fresh copy of start/, the old one gone, hints hidden, goals unmet again.
        applied.clear();
        answerReset(true);
        QVERIFY(w.resetLesson());
        QVERIFY(w.lessonFolder() != copy);
        QVERIFY(!QFileInfo::exists(copy));
        QCOMPARE(panel->hintsShown(), 0);
        QVERIFY(panel->hintButton()->isEnabled());
        QVERIFY(applied.wait(60000) || applied.count() > 0);
        QCOMPARE(w.documents()->dirtyCount(), 0);
        QCOMPARE(readAll(w.lessonFolder() + QStringLiteral("/pod.yaml")),
                 readAll(lessonDir("01-privileged") + QStringLiteral("/start/pod.yaml")));
        QCOMPARE(marks(panel), (QList<bool>{false, false, true, false, false, true}));

        // Another workspace: the goals cannot be checked there.
        QTemporaryDir other;
        TestUtil::copySample(other.path());
        applied.clear();
        w.openPaths({other.path()});
        QVERIFY(applied.wait(60000));
        QCOMPARE(marks(panel), QList<bool>(6, false));
        QVERIFY(panel->goalsList()->item(2)->toolTip().contains(QStringLiteral("Not checked")));
        QDir(w.lessonFolder()).removeRecursively();
    }

    // A missing object is not met, and the English lesson is shown when there is no Chinese.
    // Goals the panel words itself: the warn and audit levels, and access risks with the
    // severity and scope of what still fails in words.
    void goalWords()
    {
        std::vector<Lessons::Problem> problems;
        const auto goals = Lessons::parseGoals("goals:\n"
                                               "  - namespace: shop\n    warns: restricted\n"
                                               "  - subject: ServiceAccount/ci/deployer\n"
                                               "    risk: createWorkloads\n    atMost: info\n"
                                               "    scope: shop\n"
                                               "  - subject: User/alice\n    risk: bind\n",
                                               "goals.yaml", problems);
        QVERIFY(problems.empty());
        QCOMPARE(LessonsPanel::goalText(goals.goals[0]),
                 QStringLiteral("Namespace shop warns at Restricted"));
        QCOMPARE(LessonsPanel::notMetText(goals.goals[0], {"baseline"}),
                 QStringLiteral("It warns at Baseline now."));
        QCOMPARE(LessonsPanel::goalText(goals.goals[1]),
                 QStringLiteral("ServiceAccount/ci/deployer has no createWorkloads risk above "
                                "INFO in namespace shop"));
        QCOMPARE(LessonsPanel::notMetText(goals.goals[1], {"createWorkloads (danger, shop)"}),
                 QStringLiteral("Failing: createWorkloads (DANGER, in namespace shop)"));
        QCOMPARE(LessonsPanel::goalText(goals.goals[2]),
                 QStringLiteral("User/alice has no bind risk"));
        QCOMPARE(LessonsPanel::notMetText(goals.goals[2], {"bind (danger, cluster)"}),
                 QStringLiteral("Failing: bind (DANGER, cluster-wide)"));
    }

    void deletingTheObjectIsNoSolution()
    {
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
        MainWindow w;
        w.show();
        LessonsPanel *panel = w.lessonsPanel();
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        QVERIFY(w.openLesson(lessonDir("02-namespace")));
        QVERIFY(applied.wait(60000));
        QCOMPARE(QString::fromStdString(panel->lesson()->text.language), QStringLiteral("en"));
        QCOMPARE(marks(panel), (QList<bool>{false, false, true, false, true}));
        // The Pod of tools is exempt only by the lesson's admission.yaml.
        QVERIFY(marks(panel).at(4));
        QVERIFY(selectWorkload(w, QStringLiteral("shop/api")));
        CodeEditor *editor = w.editor();
        const QString text = editor->toPlainText();
        const int deployment = int(text.indexOf(QStringLiteral("---\n")));
        QVERIFY(deployment > 0);
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(deployment);
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        editor->setTextCursor(cursor);
        editor->textCursor().removeSelectedText();
        QTRY_COMPARE_WITH_TIMEOUT(marks(panel), (QList<bool>{false, false, false, false, true}),
                                  30000);
        QVERIFY(panel->goalsList()->item(1)->text().contains(QStringLiteral("Deployment api")));
        QDir(w.lessonFolder()).removeRecursively();
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
    }
};

QTEST_MAIN(TestLessonsPanel)
#include "tst_lessonspanel.moc"
