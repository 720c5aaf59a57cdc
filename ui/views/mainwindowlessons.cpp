// SPDX-License-Identifier: Apache-2.0
// MainWindow's lessons (View ▸ Lessons, resources/lessons/README.md): a lesson's start/ opened
// as a fresh scratch workspace, its goals checked by core/lessons on every snapshot, the
// solution offered in the fix preview, and the reset to the start.
#include "editor/documentset.h"
#include "lessonspanel.h"
#include "mainwindow.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "recoverycontroller.h"
#include "sampleworkspace.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QStatusBar>

namespace PodSec::Ui {

void MainWindow::createLessons()
{
    m_lessons = new LessonsPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_lessons);
    m_lessons->hide();
    connect(m_lessons, &LessonsPanel::openRequested, this,
            [this](const QString &folder) { openLesson(folder); });
    connect(m_lessons, &LessonsPanel::solutionRequested, this, &MainWindow::showLessonSolution);
    connect(m_lessons, &LessonsPanel::resetRequested, this, [this] { resetLesson(); });
    // The goals follow the snapshot the tree and the Overview show.
    connect(this, &MainWindow::snapshotApplied, this, &MainWindow::updateLessonGoals);
}

bool MainWindow::isLessonWorkspace() const
{
    return !m_lessonFolder.isEmpty() && !m_workspace->isReadOnly() &&
           m_workspace->roots() == QStringList{m_lessonFolder};
}

void MainWindow::updateLessonGoals()
{
    const Lessons::Lesson *lesson = m_lessons->lesson();
    const auto snapshot = m_model->snapshot();
    if (!lesson || !snapshot || !isLessonWorkspace()) {
        m_lessons->setReport(std::nullopt);
        return;
    }
    m_lessons->setReport(Lessons::evaluateGoals(lesson->goals, snapshot->files, lesson->context()));
}

QString MainWindow::copyLessonStart(const Lessons::Lesson &lesson)
{
    QString error;
    QString folder = SampleWorkspace::newScratchFolder(QStringLiteral("lesson"), &error);
    if (!folder.isEmpty() &&
        !SampleWorkspace::copyFolder(QString::fromStdString(lesson.startFolder()), folder, false,
                                     &error)) {
        QDir(folder).removeRecursively();
        folder.clear();
    }
    if (folder.isEmpty())
        QMessageBox::warning(this, tr("Lessons"),
                             tr("The lesson's workspace could not be made: %1").arg(error));
    return folder;
}

void MainWindow::openLessonWorkspace(const QString &folder, const Lessons::Lesson &lesson)
{
    // The lesson is judged at its version with its admission configuration: the tree shows
    // the same (namespaces as labelled).
    {
        const QSignalBlocker versionBlocker(m_version);
        const QSignalBlocker levelBlocker(m_level);
        const int version =
            m_version->findData(QString::fromStdString(lesson.goals.version.toString()));
        m_version->setCurrentIndex(version >= 0 ? version : 0);
        m_level->setCurrentIndex(m_level->findData(QString()));
    }
    SnapshotOptions options = m_workspace->options();
    options.version = lesson.goals.version;
    options.forcedLevel.reset();
    options.admissionConfig = lesson.context().admission;
    m_workspace->setOptions(options);
    const QString previous = m_lessonFolder;
    m_lessonFolder = folder;
    openPaths({folder});
    // The scratch copy the lesson worked in before is ours, and no longer open.
    if (!previous.isEmpty() && previous != folder)
        QDir(previous).removeRecursively();
}

bool MainWindow::openLesson(const QString &folder)
{
    if (!confirmDiscard())
        return false;
    const auto lesson = Lessons::loadLesson(folder.toStdString(), LessonsPanel::language());
    if (!QFileInfo(QString::fromStdString(lesson.startFolder())).isDir()) {
        QMessageBox::warning(this, tr("Lessons"),
                             tr("%1 is not a lesson folder: it has no start/ folder.").arg(folder));
        return false;
    }
    const QString copy = copyLessonStart(lesson);
    if (copy.isEmpty())
        return false;
    m_lessons->showLesson(lesson);
    m_lessons->reveal();
    openLessonWorkspace(copy, lesson);
    // Named by the lesson rather than by its scratch folder.
    setWindowTitle(tr("%1[*] — PodSec Explorer").arg(QString::fromStdString(lesson.text.title)));
    statusBar()->showMessage(tr("Lesson “%1”: its workspace is a fresh copy in %2")
                                 .arg(QString::fromStdString(lesson.text.title), copy),
                             10000);
    return true;
}

bool MainWindow::resetLesson()
{
    const Lessons::Lesson *lesson = m_lessons->lesson();
    if (!lesson)
        return false;
    QMessageBox box(
        QMessageBox::Question, tr("Reset the lesson?"),
        tr("Go back to the start of “%1”?").arg(QString::fromStdString(lesson->text.title)),
        QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("resetLessonQuestion"));
    box.setInformativeText(tr("Every edit of the lesson's files, saved or not, is lost, and the "
                              "hints are hidden again."));
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    box.button(QMessageBox::Yes)->setText(tr("&Reset"));
    box.button(QMessageBox::No)->setText(tr("&Keep Working"));
    if (box.exec() != QMessageBox::Yes)
        return false;
    const Lessons::Lesson current = *lesson;
    const QString copy = copyLessonStart(current);
    if (copy.isEmpty())
        return false;
    // The edits go knowingly: no question about saving them, nothing kept for recovery.
    closeDocuments();
    m_recovery->forgetAll();
    m_lessons->resetHints();
    openLessonWorkspace(copy, current);
    setWindowTitle(tr("%1[*] — PodSec Explorer").arg(QString::fromStdString(current.text.title)));
    statusBar()->showMessage(tr("The lesson is back at its start"), 8000);
    return true;
}

void MainWindow::showLessonSolution()
{
    const Lessons::Lesson *lesson = m_lessons->lesson();
    if (!lesson)
        return;
    if (!isLessonWorkspace()) {
        statusBar()->showMessage(tr("The workspace open is not the lesson's: start the lesson "
                                    "again to see its solution"),
                                 10000);
        return;
    }
    // Each file of solution/ against the file of the same name in the lesson's workspace (a
    // file the student deleted comes back as a new one).
    const QString solution = QString::fromStdString(lesson->solutionFolder());
    std::vector<FixTarget> targets;
    for (const auto &name : Lessons::manifestFiles(lesson->solutionFolder())) {
        const QString relative = QString::fromStdString(name);
        QFile file(solution + QLatin1Char('/') + relative);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        FixTarget target;
        target.name = relative;
        target.path = QString(m_lessonFolder + QLatin1Char('/') + relative).toStdString();
        target.file = int(m_workspace->paths().indexOf(QString::fromStdString(target.path)));
        target.create = target.file < 0;
        target.replacement = file.readAll().toStdString();
        target.replacementTitle = tr("%1 as in the solution").arg(relative);
        targets.push_back(std::move(target));
    }
    if (m_fixes->offerReplacements(tr("The lesson's solution"), std::move(targets)) == 0)
        statusBar()->showMessage(tr("Nothing changed: the files are as in the solution, or the "
                                    "preview was cancelled"),
                                 8000);
}

} // namespace PodSec::Ui
