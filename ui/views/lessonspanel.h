// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lessons/lesson.h"

#include <QDockWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace PodSec::Ui {

/// View ▸ Lessons: the bundled course (resources/lessons, compiled in as ":/lessons") and
/// "Open Lesson Folder…"; the open lesson's story (Markdown), its goals with a mark each
/// that follows the workspace as it is edited, its hints revealed one at a time, "Show
/// Solution…" and "Reset Lesson…", and a "Lesson complete" banner once every goal is met.
/// It reads lessons (core/lessons) and words goals; whether a goal is met comes from the
/// window (Lessons::evaluateGoals on each snapshot), and opening, the solution and the reset
/// are the window's (the signals below).
class LessonsPanel final : public QDockWidget
{
    Q_OBJECT

public:
    explicit LessonsPanel(QWidget *parent = nullptr);

    /// Where the course is read from (default ":/lessons"); lists it again.
    void setCourseRoot(const QString &root);
    /// The language lessons are read in: the UI's (QLocale().name()).
    static std::string language();

    /// Shows a lesson (no hint revealed, goals not checked yet).
    void showLesson(const Lessons::Lesson &lesson);
    /// Back to no lesson.
    void clearLesson();
    bool hasLesson() const { return m_lesson.has_value(); }
    const Lessons::Lesson *lesson() const { return m_lesson ? &*m_lesson : nullptr; }
    /// The goals' results for the lesson's workspace; nullopt: the workspace shown is not
    /// the lesson's (its goals cannot be checked).
    void setReport(const std::optional<Lessons::GoalReport> &report);
    bool isComplete() const { return m_report && m_report->complete(); }

    /// Reveals the next hint; false when every hint is shown already.
    bool revealNextHint();
    int hintsShown() const { return m_hints; }
    void resetHints();

    /// Shows the panel (View ▸ Lessons).
    void reveal();

    /// A goal in words, in the UI language: its own words from goals.yaml, else worded here.
    static QString goalText(const Lessons::Goal &goal);
    /// Why a goal is not met, from GoalResult::failing (not empty).
    static QString notMetText(const Lessons::Goal &goal, const std::vector<std::string> &failing);

    // For tests and screenshots.
    QListWidget *courseList() const { return m_course; }
    QListWidget *goalsList() const { return m_goals; }
    QTextBrowser *textView() const { return m_text; }
    QLabel *completeBanner() const { return m_complete; }
    QPushButton *hintButton() const { return m_hint; }
    QPushButton *solutionButton() const { return m_solution; }
    QPushButton *resetButton() const { return m_reset; }
    /// Item data of each goal row: true when it is met.
    static constexpr int MetRole = Qt::UserRole + 1;

Q_SIGNALS:
    /// Open this lesson folder (a course entry or a folder the teacher chose).
    void openRequested(const QString &folder);
    void solutionRequested();
    void resetRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void listCourse();
    void showText();
    void showGoals();
    void openFolder();

    QString m_root;
    std::optional<Lessons::Lesson> m_lesson;
    std::optional<Lessons::GoalReport> m_report;
    int m_hints = 0;

    QListWidget *m_course;
    QPushButton *m_start;
    QPushButton *m_openFolder;
    QLabel *m_title;
    QLabel *m_complete;
    QTextBrowser *m_text;
    QLabel *m_goalsLabel;
    QListWidget *m_goals;
    QPushButton *m_hint;
    QPushButton *m_solution;
    QPushButton *m_reset;
    QLabel *m_problems;
};

} // namespace PodSec::Ui
