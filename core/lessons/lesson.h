// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admissionconfig.h"
#include "engine/workspacesnapshot.h"
#include "lessons/goals.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Lessons {

/// A section of a lesson's text other than the goal and the hints (shown after the story).
struct Section
{
    std::string heading; ///< without the "## " and the marker
    std::string body;    ///< Markdown
};

/// lesson.<lang>.md: the first "# " heading is the title, the text up to the first "## "
/// heading the story; "## … {#goal}" is the goal, each "## … {#hint}" one hint.
struct LessonText
{
    std::string language; ///< of the file read ("en", "zh_CN"); empty when none was found
    std::string file;     ///< the file read
    std::string title;
    std::string story;
    std::string goal;
    std::vector<std::string> hints;
    std::vector<Section> sections;
};

/// Reads a lesson's Markdown; a missing title or goal, a second goal and a lesson without
/// hints are problems (with file and line).
LessonText parseLessonText(std::string_view markdown, const std::string &file,
                           std::vector<Problem> &problems);

/// A lesson folder (resources/lessons/README.md) read in one language.
struct Lesson
{
    std::string folder; ///< as given (a resource path ":/lessons/01-…" or a directory)
    std::string name;   ///< the folder's name ("01-host-namespaces")
    LessonText text;
    GoalSet goals;
    /// admission.yaml, when the lesson has one (loaded with the lesson's workspace).
    std::optional<Admission::AdmissionConfig> admission;
    /// Everything that is wrong with the lesson's files.
    std::vector<Problem> problems;

    std::string startFolder() const { return folder + "/start"; }
    std::string solutionFolder() const { return folder + "/solution"; }
    /// What goals are judged with: the lesson's admission configuration, if any.
    GoalContext context() const;
};

/// Reads the lesson in folder in language ("zh_CN"): lesson.<language>.md, else
/// lesson.<language without region>.md, else lesson.en.md; goals.yaml; admission.yaml when
/// present. A missing file is a problem.
Lesson loadLesson(const std::string &folder, const std::string &language);

/// The lesson folders below root (folders holding goals.yaml), in name order.
std::vector<std::string> courseFolders(const std::string &root);

/// The manifest files below folder (*.yaml, *.yml, *.json; hidden files skipped) relative
/// to it, sorted: what a lesson's start/ and solution/ hold.
std::vector<std::string> manifestFiles(const std::string &folder);

/// The manifest files below folder with their texts, named by their full paths, for
/// evaluateGoals(). Files that cannot be read are problems.
std::vector<WorkspaceFile> readManifests(const std::string &folder, std::vector<Problem> &problems);

} // namespace PodSec::Lessons
