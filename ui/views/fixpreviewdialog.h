// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/checklistfixes.h"
#include "engine/fixloop.h"
#include "fix/fixplanner.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace PodSec::Engine {
struct FixAlternative;
}

namespace PodSec::Ui {

/// One file to fix: its current text (bytes as they would be saved) and what to fix in it.
struct FixTarget
{
    int file = -1; ///< -1: a new file a checklist choice would create (create)
    QString name;
    std::string text;
    Engine::FixOptions options;
    std::string path; ///< the workspace's path of the file (checklist choices name it)
    bool create = false;
    /// A whole new text offered instead of planned fixes (a lesson's solution): one ticked
    /// row, titled replacementTitle; with create, a new file holding it.
    std::optional<std::string> replacement;
    QString replacementTitle;
};

/// Shows what fixing would change before anything is applied: every planned fix as a
/// checked row with what it may break below it in full, every decision with its choices as
/// unchecked rows, and the unified diff of the result. For a workload that cannot reach the
/// level without a person, its risky fixes start unticked (saying why), and keeping it at a
/// lower level in a namespace of its own or exempting it are offered, with the commands,
/// the admission configuration and the what-if. The checklist's decisions (when given) follow
/// with their choices, unticked, each saying what it may break; a choice may change another
/// target's file (a ServiceAccount) or create one (a NetworkPolicy). Unticking a fix (or
/// ticking a choice) recomputes the diff; nothing is written until the caller takes
/// results() after Apply.
class FixPreviewDialog final : public QDialog
{
    Q_OBJECT

public:
    FixPreviewDialog(std::vector<FixTarget> targets, const Policy::LevelVersion &policy,
                     QWidget *parent = nullptr,
                     std::vector<Engine::ChecklistDecision> checklist = {});

    struct Result
    {
        int file = -1; ///< -1: a new file, at path
        std::string before;
        std::string after;
        std::string path;
    };
    /// The fixed texts of the files that change, with the current ticks.
    std::vector<Result> results() const { return m_results; }
    /// The diff as shown (all files).
    QString diffText() const;
    /// The rows: fixes (checkable, checked) and choices (checkable, unchecked).
    QTreeWidget *list() const { return m_list; }
    int fixCount() const { return m_fixCount; }

    /// The checklist choices' rows, in order (checkable, unchecked at first).
    QList<QTreeWidgetItem *> checklistChoiceRows() const { return m_choiceRows; }

    /// The text shown for the selected "or keep it at …" / "or exempt it" row ("" none).
    QString alternativeShown() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void recompute();
    QString alternativeText(const Engine::FixAlternative &a) const;
    void addChecklistRows();
    /// The targets' texts with the ticked checklist choices applied (by target); false with
    /// a message when two of them collide.
    bool checklistTexts(std::vector<std::string> &texts, QString &error) const;

    std::vector<FixTarget> m_targets;
    Policy::LevelVersion m_policy;
    std::vector<Result> m_results;
    QStringList m_alternatives; ///< the text of each alternative row
    std::vector<Engine::ChecklistDecision> m_checklist;
    /// Choices that asked for a value, with the value the person gave ({decision, choice}).
    std::map<std::pair<int, int>, Engine::ChecklistChoice> m_filled;
    /// Asks for the value of a ticked choice that needs one; false (untick) when none is given.
    bool askValue(QTreeWidgetItem *row);
    QList<QTreeWidgetItem *> m_choiceRows; ///< ChecklistRole: {decision, choice} index
    QPlainTextEdit *m_alternative;
    QTreeWidget *m_list;
    QPlainTextEdit *m_diff;
    QLabel *m_summary;
    class QPushButton *m_apply = nullptr;
    int m_fixCount = 0;
    bool m_building = false;
};

} // namespace PodSec::Ui
