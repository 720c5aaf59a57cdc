// SPDX-License-Identifier: Apache-2.0
#include "lessonspanel.h"

#include "models/accesstreemodel.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace PodSec::Ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// A goal's mark: a green disc with a tick when met, an empty grey ring when not, a grey
/// dash while it cannot be checked.
QIcon mark(std::optional<bool> met, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(1.5, 1.5, size - 3.0, size - 3.0);
    if (met.value_or(false)) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1a, 0x7f, 0x37));
        p.drawEllipse(r);
        QPainterPath tick;
        tick.moveTo(r.left() + r.width() * 0.25, r.top() + r.height() * 0.52);
        tick.lineTo(r.left() + r.width() * 0.43, r.top() + r.height() * 0.70);
        tick.lineTo(r.left() + r.width() * 0.76, r.top() + r.height() * 0.32);
        p.setPen(
            QPen(Qt::white, qMax(1.5, size / 8.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(tick);
    } else {
        p.setPen(QPen(met ? QColor(0xb3, 0x26, 0x1e) : QColor(0x90, 0x90, 0x90),
                      qMax(1.5, size / 10.0)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r);
        if (!met)
            p.drawLine(QPointF(r.left() + r.width() * 0.3, r.center().y()),
                       QPointF(r.right() - r.width() * 0.3, r.center().y()));
    }
    return QIcon(pixmap);
}

QString levelText(Policy::Level level)
{
    switch (level) {
    case Policy::Level::Privileged:
        return LessonsPanel::tr("Privileged");
    case Policy::Level::Baseline:
        return LessonsPanel::tr("Baseline");
    case Policy::Level::Restricted:
        return LessonsPanel::tr("Restricted");
    }
    return {};
}

/// "Pod web", "Deployment shop/api".
QString objectText(const Lessons::ObjectRef &ref)
{
    return q(ref.kind) + QLatin1Char(' ') +
           (ref.namespaceName.empty() ? QString() : q(ref.namespaceName) + QLatin1Char('/')) +
           q(ref.name);
}

} // namespace

LessonsPanel::LessonsPanel(QWidget *parent)
    : QDockWidget(parent), m_root(QStringLiteral(":/lessons")), m_course(new QListWidget),
      m_start(new QPushButton), m_openFolder(new QPushButton), m_title(new QLabel),
      m_complete(new QLabel), m_text(new QTextBrowser), m_goalsLabel(new QLabel),
      m_goals(new QListWidget), m_hint(new QPushButton), m_solution(new QPushButton),
      m_reset(new QPushButton), m_problems(new QLabel)
{
    setObjectName(QStringLiteral("lessonsPanel"));
    setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);

    m_course->setObjectName(QStringLiteral("lessonsCourse"));
    m_course->setAlternatingRowColors(true);
    m_course->setWordWrap(true);
    m_course->setMinimumHeight(fontMetrics().height() * 5); // a few lessons in view
    auto *courseButtons = new QHBoxLayout;
    courseButtons->addWidget(m_start);
    courseButtons->addWidget(m_openFolder);
    courseButtons->addStretch();
    auto *coursePane = new QWidget;
    auto *courseLayout = new QVBoxLayout(coursePane);
    courseLayout->setContentsMargins(4, 4, 4, 0);
    courseLayout->addWidget(m_course, 1);
    courseLayout->addLayout(courseButtons);

    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_complete->setObjectName(QStringLiteral("lessonComplete"));
    m_complete->setWordWrap(true);
    m_complete->setContentsMargins(8, 6, 8, 6);
    m_complete->setStyleSheet(QStringLiteral(
        "QLabel { background: #1a7f37; color: white; font-weight: bold; border-radius: 4px; }"));
    m_complete->hide();
    m_text->setOpenExternalLinks(true);
    m_goals->setObjectName(QStringLiteral("lessonGoals"));
    m_goals->setWordWrap(true);
    m_goals->setSelectionMode(QAbstractItemView::NoSelection);
    m_goals->setFocusPolicy(Qt::NoFocus);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_problems->hide();
    auto *lessonButtons = new QHBoxLayout;
    lessonButtons->addWidget(m_hint);
    lessonButtons->addWidget(m_solution);
    lessonButtons->addWidget(m_reset);
    lessonButtons->addStretch();
    auto *lessonPane = new QWidget;
    auto *lessonLayout = new QVBoxLayout(lessonPane);
    lessonLayout->setContentsMargins(4, 0, 4, 4);
    lessonLayout->addWidget(m_title);
    lessonLayout->addWidget(m_complete);
    lessonLayout->addWidget(m_text, 3);
    lessonLayout->addWidget(m_goalsLabel);
    lessonLayout->addWidget(m_goals, 2);
    lessonLayout->addLayout(lessonButtons);
    lessonLayout->addWidget(m_problems);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(coursePane);
    split->addWidget(lessonPane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    setWidget(split);

    connect(m_course, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_course, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { m_start->setEnabled(item != nullptr); });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_course->currentItem())
            Q_EMIT openRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_openFolder, &QPushButton::clicked, this, &LessonsPanel::openFolder);
    connect(m_hint, &QPushButton::clicked, this, &LessonsPanel::revealNextHint);
    connect(m_solution, &QPushButton::clicked, this, &LessonsPanel::solutionRequested);
    connect(m_reset, &QPushButton::clicked, this, &LessonsPanel::resetRequested);
    retranslate();
    listCourse();
    clearLesson();
}

std::string LessonsPanel::language()
{
    return QLocale().name().toStdString();
}

void LessonsPanel::setCourseRoot(const QString &root)
{
    m_root = root;
    listCourse();
}

void LessonsPanel::listCourse()
{
    m_course->clear();
    for (const auto &folder : Lessons::courseFolders(m_root.toStdString())) {
        const auto lesson = Lessons::loadLesson(folder, language());
        const QString title = lesson.text.title.empty() ? q(lesson.name) : q(lesson.text.title);
        // Numbered in course order, as the folders are.
        auto *item = new QListWidgetItem(
            QStringLiteral("%1. %2").arg(m_course->count() + 1).arg(title), m_course);
        item->setData(Qt::UserRole, q(folder));
        item->setToolTip(q(lesson.name));
    }
    if (m_course->count() == 0) {
        auto *none = new QListWidgetItem(tr("No lesson is bundled with this build"), m_course);
        none->setFlags(Qt::NoItemFlags);
    }
    m_start->setEnabled(false);
}

void LessonsPanel::openFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open a lesson folder (it holds goals.yaml, start/ and solution/)"));
    if (!folder.isEmpty())
        Q_EMIT openRequested(folder);
}

void LessonsPanel::showLesson(const Lessons::Lesson &lesson)
{
    m_lesson = lesson;
    m_report.reset();
    m_hints = 0;
    showText();
    showGoals();
    QStringList problems;
    for (const auto &p : lesson.problems)
        problems << q(p.text()).toHtmlEscaped();
    m_problems->setText(problems.isEmpty()
                            ? QString()
                            : tr("This lesson has problems:") + QStringLiteral("<br>") +
                                  problems.join(QStringLiteral("<br>")));
    m_problems->setVisible(!problems.isEmpty());
    for (int i = 0; i < m_course->count(); ++i) {
        QListWidgetItem *item = m_course->item(i);
        if (QDir::cleanPath(item->data(Qt::UserRole).toString()) == q(lesson.folder))
            m_course->setCurrentItem(item);
    }
}

void LessonsPanel::clearLesson()
{
    m_lesson.reset();
    m_report.reset();
    m_hints = 0;
    m_problems->hide();
    showText();
    showGoals();
}

void LessonsPanel::setReport(const std::optional<Lessons::GoalReport> &report)
{
    m_report = report;
    showGoals();
}

bool LessonsPanel::revealNextHint()
{
    if (!m_lesson || m_hints >= int(m_lesson->text.hints.size()))
        return false;
    ++m_hints;
    showText();
    // The hint just revealed is the last thing shown: bring it into view.
    m_text->moveCursor(QTextCursor::End);
    m_text->ensureCursorVisible();
    return true;
}

void LessonsPanel::resetHints()
{
    m_hints = 0;
    showText();
}

void LessonsPanel::reveal()
{
    show();
    raise();
    m_course->setFocus();
}

void LessonsPanel::showText()
{
    const int hintCount = m_lesson ? int(m_lesson->text.hints.size()) : 0;
    m_hint->setEnabled(m_hints < hintCount);
    m_hint->setText(m_hints < hintCount
                        ? tr("Next &Hint (%1 of %2)").arg(m_hints + 1).arg(hintCount)
                        : tr("No More &Hints"));
    m_solution->setEnabled(m_lesson.has_value());
    m_reset->setEnabled(m_lesson.has_value());
    if (!m_lesson) {
        m_title->setText(QStringLiteral("<h3>%1</h3>").arg(tr("No lesson open")));
        m_text->setMarkdown(tr("Choose a lesson above and press **Start Lesson**, or open a "
                               "lesson folder. The lesson's workspace opens as a fresh copy: "
                               "edit it in the editor and watch the goals below."));
        return;
    }
    const auto &text = m_lesson->text;
    m_title->setText(QStringLiteral("<h3>%1</h3>")
                         .arg(q(text.title.empty() ? m_lesson->name : text.title).toHtmlEscaped()));
    QString markdown = q(text.story) + QStringLiteral("\n\n## ") + tr("Goal") +
                       QStringLiteral("\n\n") + q(text.goal) + QStringLiteral("\n");
    for (const auto &s : text.sections)
        markdown += QStringLiteral("\n## ") + q(s.heading) + QStringLiteral("\n\n") + q(s.body) +
                    QStringLiteral("\n");
    if (m_hints > 0)
        markdown += QStringLiteral("\n## ") + tr("Hints") + QStringLiteral("\n");
    for (int i = 0; i < m_hints; ++i)
        markdown += QStringLiteral("\n**") + tr("Hint %1 of %2").arg(i + 1).arg(hintCount) +
                    QStringLiteral("**\n\n") + q(text.hints[std::size_t(i)]) + QStringLiteral("\n");
    m_text->setMarkdown(markdown);
}

void LessonsPanel::showGoals()
{
    m_goals->clear();
    const bool checked =
        m_lesson && m_report && m_report->results.size() == m_lesson->goals.goals.size();
    const int size = qMax(16, fontMetrics().height());
    m_goals->setIconSize(QSize(size, size));
    if (m_lesson) {
        const auto &goals = m_lesson->goals.goals;
        for (std::size_t i = 0; i < goals.size(); ++i) {
            const Lessons::GoalResult *r = checked ? &m_report->results[i] : nullptr;
            auto *item = new QListWidgetItem(goalText(goals[i]), m_goals);
            item->setData(MetRole, r && r->met());
            item->setIcon(mark(r ? std::optional<bool>(r->met()) : std::nullopt, size));
            QString why;
            if (!r)
                why = tr("Not checked: the workspace shown is not this lesson's.");
            else if (r->status == Lessons::GoalStatus::ObjectMissing)
                why = tr("%1 is not in the workspace.").arg(objectText(*goals[i].object));
            else if (r->status == Lessons::GoalStatus::ObjectAmbiguous)
                why = tr("Several objects are called %1: the goal must name the namespace.")
                          .arg(objectText(*goals[i].object));
            else if (r->status == Lessons::GoalStatus::ContainerMissing)
                why = tr("%1 has no container %2.")
                          .arg(objectText(*goals[i].object), q(goals[i].container));
            else if (r->status == Lessons::GoalStatus::NamespaceMissing)
                why =
                    tr("There is no namespace %1 in the workspace.")
                        .arg(q(goals[i].kind == Lessons::GoalKind::Risk ? goals[i].scope
                                                                        : goals[i].namespaceName));
            else if (r->status == Lessons::GoalStatus::SubjectMissing)
                why = tr("Nothing in the workspace names %1.").arg(q(goals[i].subject->text()));
            else if (!r->met() && !r->failing.empty())
                why = notMetText(goals[i], r->failing);
            item->setToolTip(why.isEmpty() ? item->text() : item->text() + QLatin1Char('\n') + why);
            if (!why.isEmpty() && r && !r->met())
                item->setText(item->text() + QStringLiteral(" — ") + why);
        }
    }
    const int met = checked ? m_report->metCount() : 0;
    const int total = m_lesson ? int(m_lesson->goals.goals.size()) : 0;
    m_goalsLabel->setText(m_lesson ? tr("<b>Goals</b> (%1 of %2 met)").arg(met).arg(total)
                                   : tr("<b>Goals</b>"));
    m_complete->setText(tr("Lesson complete: every goal is met. Well done!"));
    m_complete->setVisible(isComplete());
}

QString LessonsPanel::notMetText(const Lessons::Goal &goal, const std::vector<std::string> &failing)
{
    const auto level = [&] {
        return levelText(*Policy::parseLevel(failing.front()));
    };
    switch (goal.kind) {
    case Lessons::GoalKind::Enforces:
        return tr("It enforces %1 now.").arg(level());
    case Lessons::GoalKind::Warns:
        return tr("It warns at %1 now.").arg(level());
    case Lessons::GoalKind::Audits:
        return tr("It audits at %1 now.").arg(level());
    default:
        break;
    }
    QStringList names;
    for (const auto &f : failing) {
        // A risk goal's "id (severity, scope)": the severity and the scope in words.
        const QString text = q(f);
        const auto open = text.indexOf(QLatin1String(" ("));
        const auto comma = text.indexOf(QLatin1String(", "), open);
        const auto severity =
            goal.kind == Lessons::GoalKind::Risk && open > 0 && comma > open
                ? Engine::severityFromName(text.mid(open + 2, comma - open - 2).toStdString())
                : std::nullopt;
        if (!severity || !text.endsWith(QLatin1Char(')'))) {
            names << text;
            continue;
        }
        const QString scope = text.mid(comma + 2, text.size() - comma - 3);
        names << tr("%1 (%2, %3)")
                     .arg(text.left(open), AccessTreeModel::severityText(*severity),
                          scope == QLatin1String("cluster") ? tr("cluster-wide")
                                                            : tr("in namespace %1").arg(scope));
    }
    return tr("Failing: %1").arg(names.join(QStringLiteral(", ")));
}

QString LessonsPanel::goalText(const Lessons::Goal &goal)
{
    const std::string own = goal.text(language());
    if (!own.empty())
        return q(own);
    const QString object = goal.object ? objectText(*goal.object) : QString();
    switch (goal.kind) {
    case Lessons::GoalKind::Passes:
        return tr("%1 passes %2").arg(object, levelText(goal.level));
    case Lessons::GoalKind::Check:
        if (!goal.object)
            return tr("Namespace %1 passes the %2 rule")
                .arg(q(goal.namespaceName), q(goal.checkId));
        if (!goal.container.empty())
            return tr("Container %1 of %2 passes the %3 check")
                .arg(q(goal.container), object, q(goal.checkId));
        return tr("%1 passes the %2 check").arg(object, q(goal.checkId));
    case Lessons::GoalKind::Present:
        return tr("%1 still has %2").arg(object, q(goal.path));
    case Lessons::GoalKind::Absent:
        return tr("%1 has no %2").arg(object, q(goal.path));
    case Lessons::GoalKind::Enforces:
        return tr("Namespace %1 enforces %2").arg(q(goal.namespaceName), levelText(goal.level));
    case Lessons::GoalKind::Admitted:
        return goal.admitted ? tr("%1 is admitted by its namespace").arg(object)
                             : tr("%1 is rejected by its namespace").arg(object);
    case Lessons::GoalKind::Warns:
        return tr("Namespace %1 warns at %2").arg(q(goal.namespaceName), levelText(goal.level));
    case Lessons::GoalKind::Audits:
        return tr("Namespace %1 audits at %2").arg(q(goal.namespaceName), levelText(goal.level));
    case Lessons::GoalKind::Risk: {
        const QString subject = q(goal.subject->text());
        const QString risk = q(goal.riskId);
        const QString scope =
            goal.scope == "cluster" ? tr("cluster-wide") : tr("in namespace %1").arg(q(goal.scope));
        if (!goal.atMost)
            return goal.scope.empty() ? tr("%1 has no %2 risk").arg(subject, risk)
                                      : tr("%1 has no %2 risk %3").arg(subject, risk, scope);
        const QString severity = AccessTreeModel::severityText(*goal.atMost);
        return goal.scope.empty()
                   ? tr("%1 has no %2 risk above %3").arg(subject, risk, severity)
                   : tr("%1 has no %2 risk above %3 %4").arg(subject, risk, severity, scope);
    }
    }
    return {};
}

void LessonsPanel::retranslate()
{
    setWindowTitle(tr("Lessons"));
    m_course->setAccessibleName(tr("Course"));
    m_start->setText(tr("&Start Lesson"));
    m_start->setToolTip(tr("Opens the lesson's workspace as a fresh copy"));
    m_openFolder->setText(tr("Open Lesson &Folder…"));
    m_solution->setText(tr("Show &Solution…"));
    m_solution->setToolTip(tr("Shows the difference to the solution in the fix preview"));
    m_reset->setText(tr("&Reset Lesson…"));
    m_reset->setToolTip(tr("Goes back to the lesson's start"));
    m_goals->setAccessibleName(tr("Goals"));
}

void LessonsPanel::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        listCourse();
        if (m_lesson) {
            // The same lesson in the new language; what was revealed stays revealed.
            const int hints = m_hints;
            const auto report = m_report;
            showLesson(Lessons::loadLesson(m_lesson->folder, language()));
            m_hints = hints;
            setReport(report);
            showText();
        }
    } else if (event->type() == QEvent::FontChange) {
        showGoals(); // the marks follow the zoom
        m_course->setMinimumHeight(fontMetrics().height() * 5);
    }
}

} // namespace PodSec::Ui
