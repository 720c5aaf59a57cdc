// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fix/plan.h"
#include "fix/yamlsurgeon.h"
#include "k8s/podspec.h"
#include "policy/result.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace PodSec::Fix {

/// What a fixer sees and does while the fixes of one object are planned: the object (its
/// pod view, document and evaluation), the surgeon that writes edits for its document, and
/// the plan being built. One context serves every failing check of the object, so a
/// question asked once (the Windows decision of linuxOnly()) is not asked again.
///
/// Titles and questions are user-facing: fixers translate them in the "PodSec::Fix"
/// context (QCoreApplication::translate or QT_TRANSLATE_NOOP), which the window's lupdate
/// run collects from core/fix/.
class FixContext
{
public:
    FixContext(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
               const YamlSurgeon &surgeon);

    const K8s::PodSpecView &pod() const { return m_pod; }
    const Yaml::Document &doc() const { return m_doc; }
    const Policy::Evaluation &evaluation() const { return m_eval; }
    const YamlSurgeon &surgeon() const { return m_surgeon; }
    /// The pod selects Windows nodes (nodeSelector kubernetes.io/os: windows) without
    /// saying spec.os.name: windows.
    bool selectsWindows() const { return m_selectsWindows; }

    /// The value node a finding's field points at; NoNode when the field is absent.
    Yaml::NodeId valueOf(const Policy::InspectedField &f) const;
    /// "container "a"" or "the pod", for the container whose path starts the field path.
    QString subject(const std::string &path) const;

    /// An automatic fix (nothing when the edits could not be planned).
    void add(const Policy::CheckResult &r, const std::string &path, const std::string &action,
             const QString &title, Edits edits);
    /// A question for a person, with the fixes the person may pick.
    void decide(const Policy::CheckResult &r, const std::string &path, const QString &question,
                std::vector<FixIt> choices = {});
    /// A titled fix with its stable key ("checkId|path|action"), or nothing when the edits
    /// could not be planned.
    static std::optional<FixIt> choice(const Policy::CheckResult &r, const std::string &path,
                                       const std::string &action, const QString &title,
                                       Edits edits);

    /// Every failing present field gets its value replaced. titleText (marked with
    /// QT_TRANSLATE_NOOP in "PodSec::Fix") has %1 for the subject.
    void replaceBad(const Policy::CheckResult &r, const char *titleText, const Value &to);
    /// Every failing present field is removed with its key. titleText has %1 for the
    /// subject, %2 for the value and %3 for the field's last key.
    void removeBad(const Policy::CheckResult &r, const char *titleText);
    /// Removes the mapping entry whose value is value.
    Edits removeField(Yaml::NodeId value) const;

    /// A pod that selects Windows nodes without saying spec.os.name: Linux-only settings
    /// do not belong in it; the person decides whether to declare it a Windows pod (asked
    /// once per object, later checks point at that decision). true when the caller must
    /// not plan Linux-only fixes.
    bool linuxOnly(const Policy::CheckResult &r);

    /// The plan built so far, moved out.
    Plan takePlan() { return std::move(m_plan); }

private:
    const K8s::PodSpecView &m_pod;
    const Yaml::Document &m_doc;
    const Policy::Evaluation &m_eval;
    const YamlSurgeon &m_surgeon;
    bool m_selectsWindows = false;
    bool m_windowsDecided = false;
    Plan m_plan;
};

/// Plans the fixes and decisions of one failing check into the context.
using FixerFunction = void (*)(FixContext &context, const Policy::CheckResult &result);

} // namespace PodSec::Fix
