// SPDX-License-Identifier: Apache-2.0
// Reading a lesson folder (resources/lessons/README.md). QFile and QDir read the bundled
// course (Qt resources, ":/lessons/…") and a teacher's folders alike.
#include "lessons/lesson.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <regex>

namespace PodSec::Lessons {

namespace {

/// Lesson files are small: anything larger is not a lesson file.
constexpr qint64 MaxLessonFile = qint64(4) << 20;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// Reads a file whole; nullopt (and a problem naming it, unless quiet) when it cannot.
std::optional<std::string> readFile(const std::string &path, std::vector<Problem> *problems)
{
    QFile file(q(path));
    std::string error;
    if (!file.open(QIODevice::ReadOnly))
        error = "cannot read the file: " + file.errorString().toStdString();
    else if (file.size() > MaxLessonFile)
        error = "the file is larger than 4 MiB";
    if (error.empty()) {
        const QByteArray bytes = file.readAll();
        if (file.error() == QFileDevice::NoError)
            return bytes.toStdString();
        error = "cannot read the file: " + file.errorString().toStdString();
    }
    if (problems)
        problems->push_back({path, Diagnostic{0, 1, 1, error}});
    return std::nullopt;
}

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

/// A heading's text and its marker ("Goal {#goal}" -> "Goal", "goal").
std::pair<std::string, std::string> splitMarker(const std::string &heading)
{
    static const std::regex marker(R"(^(.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$)");
    std::smatch m;
    if (std::regex_match(heading, m, marker))
        return {trimmed(m[1].str()), m[2].str()};
    return {trimmed(heading), {}};
}

} // namespace

LessonText parseLessonText(std::string_view markdown, const std::string &file,
                           std::vector<Problem> &problems)
{
    LessonText text;
    text.file = file;
    enum class Part { BeforeTitle, Story, Goal, Hint, Section } part = Part::BeforeTitle;
    std::string body;
    bool goalSeen = false;
    std::uint32_t lineNumber = 0;
    auto finish = [&] {
        std::string t = trimmed(body);
        body.clear();
        switch (part) {
        case Part::BeforeTitle:
            break;
        case Part::Story:
            text.story = std::move(t);
            break;
        case Part::Goal:
            text.goal = std::move(t);
            break;
        case Part::Hint:
            text.hints.push_back(std::move(t));
            break;
        case Part::Section:
            text.sections.back().body = std::move(t);
            break;
        }
    };
    auto problem = [&](std::uint32_t line, std::string message) {
        problems.push_back({file, Diagnostic{0, line, 1, std::move(message)}});
    };
    std::string fence; // the fence that opened a code block ("```"), empty outside one
    std::size_t from = 0;
    if (markdown.substr(0, 3) == "\xEF\xBB\xBF")
        from = 3;
    while (from <= markdown.size()) {
        const auto end = markdown.find('\n', from);
        std::string line(markdown.substr(from, end == std::string_view::npos ? end : end - from));
        from = end == std::string_view::npos ? markdown.size() + 1 : end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::string stripped = trimmed(line);
        if (!fence.empty()) {
            if (stripped.compare(0, fence.size(), fence) == 0)
                fence.clear();
        } else if (stripped.rfind("```", 0) == 0 || stripped.rfind("~~~", 0) == 0) {
            fence = stripped.substr(0, 3);
        } else if (part == Part::BeforeTitle && line.rfind("# ", 0) == 0) {
            text.title = splitMarker(line.substr(2)).first;
            part = Part::Story;
            continue;
        } else if (part != Part::BeforeTitle && line.rfind("## ", 0) == 0) {
            finish();
            const auto [heading, marker] = splitMarker(line.substr(3));
            if (marker == "goal") {
                if (goalSeen)
                    problem(lineNumber, "a second {#goal} section (a lesson has one goal text)");
                goalSeen = true;
                part = Part::Goal;
            } else if (marker == "hint") {
                part = Part::Hint;
            } else {
                text.sections.push_back({heading, {}});
                part = Part::Section;
            }
            continue;
        }
        if (part != Part::BeforeTitle)
            body += line + '\n';
    }
    finish();
    if (text.title.empty())
        problem(1, "the lesson has no title (a first \"# \" heading)");
    if (!goalSeen || text.goal.empty())
        problem(lineNumber, "the lesson has no goal (a \"## … {#goal}\" section with text)");
    if (text.hints.empty())
        problem(lineNumber, "the lesson has no hint (\"## … {#hint}\" sections)");
    for (std::size_t i = 0; i < text.hints.size(); ++i) {
        if (text.hints[i].empty())
            problem(lineNumber, "hint " + std::to_string(i + 1) + " is empty");
    }
    return text;
}

GoalContext Lesson::context() const
{
    GoalContext context;
    if (admission)
        context.admission = *admission;
    return context;
}

Lesson loadLesson(const std::string &folder, const std::string &language)
{
    Lesson lesson;
    lesson.folder = QDir::cleanPath(q(folder)).toStdString();
    lesson.name = QFileInfo(q(lesson.folder)).fileName().toStdString();
    // The language asked for, then the language without its region, then English.
    std::vector<std::string> languages{language};
    if (const auto underscore = language.find('_'); underscore != std::string::npos)
        languages.push_back(language.substr(0, underscore));
    languages.emplace_back("en");
    bool found = false;
    for (const auto &l : languages) {
        const std::string path = lesson.folder + "/lesson." + l + ".md";
        if (l.empty() || !QFileInfo::exists(q(path)))
            continue;
        found = true;
        if (const auto markdown = readFile(path, &lesson.problems)) {
            lesson.text = parseLessonText(*markdown, path, lesson.problems);
            lesson.text.language = l;
        }
        break;
    }
    if (!found)
        lesson.problems.push_back({lesson.folder + "/lesson.en.md",
                                   Diagnostic{0, 1, 1, "the lesson has no lesson.en.md"}});
    const std::string goalsPath = lesson.folder + "/goals.yaml";
    if (const auto goals = readFile(goalsPath, &lesson.problems))
        lesson.goals = parseGoals(*goals, goalsPath, lesson.problems);
    const std::string admissionPath = lesson.folder + "/admission.yaml";
    if (QFileInfo::exists(q(admissionPath))) {
        if (const auto text = readFile(admissionPath, &lesson.problems)) {
            std::vector<Diagnostic> errors;
            lesson.admission = Admission::parseAdmissionConfig(*text, errors);
            for (auto &e : errors)
                lesson.problems.push_back({admissionPath, std::move(e)});
        }
    }
    for (const auto &sub : {lesson.startFolder(), lesson.solutionFolder()}) {
        if (!QFileInfo(q(sub)).isDir())
            lesson.problems.push_back(
                {sub, Diagnostic{0, 1, 1,
                                 "the lesson has no " + QFileInfo(q(sub)).fileName().toStdString() +
                                     "/ folder"}});
        else if (manifestFiles(sub).empty())
            lesson.problems.push_back({sub, Diagnostic{0, 1, 1, "the folder holds no manifest"}});
    }
    return lesson;
}

std::vector<std::string> courseFolders(const std::string &root)
{
    std::vector<std::string> out;
    const QDir dir(q(root));
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFileInfo::exists(dir.filePath(name) + QStringLiteral("/goals.yaml")))
            out.push_back(QDir::cleanPath(dir.filePath(name)).toStdString());
    }
    return out;
}

std::vector<std::string> manifestFiles(const std::string &folder)
{
    std::vector<std::string> out;
    const QString base = QDir::cleanPath(q(folder));
    QDirIterator it(base,
                    {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(base.size() + 1);
        const bool hidden =
            relative.startsWith(QLatin1Char('.')) || relative.contains(QStringLiteral("/."));
        if (!hidden)
            out.push_back(relative.toStdString());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<WorkspaceFile> readManifests(const std::string &folder, std::vector<Problem> &problems)
{
    std::vector<WorkspaceFile> files;
    const std::string base = QDir::cleanPath(q(folder)).toStdString();
    for (const auto &name : manifestFiles(base)) {
        const std::string path = base + '/' + name;
        if (auto text = readFile(path, &problems))
            files.emplace_back(path, std::move(*text));
    }
    return files;
}

} // namespace PodSec::Lessons
