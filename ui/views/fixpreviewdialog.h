// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/fixloop.h"
#include "fix/fixplanner.h"

#include <QDialog>
#include <QString>
#include <QStringList>

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
    int file = -1;
    QString name;
    std::string text;
    Engine::FixOptions options;
};

/// Shows what fixing would change before anything is applied: every planned fix as a
/// checked row with what it may break below it in full, every decision with its choices as
/// unchecked rows, and the unified diff of the result. For a workload that cannot reach the
/// level without a person, its risky fixes start unticked (saying why), and keeping it at a
/// lower level in a namespace of its own or exempting it are offered, with the commands,
/// the admission configuration and the what-if. Unticking a fix (or ticking a choice) recomputes
/// the diff; nothing is written until the caller takes results() after Apply.
class FixPreviewDialog final : public QDialog
{
    Q_OBJECT

public:
    FixPreviewDialog(std::vector<FixTarget> targets, const Policy::LevelVersion &policy,
                     QWidget *parent = nullptr);

    struct Result
    {
        int file = -1;
        std::string before;
        std::string after;
    };
    /// The fixed texts of the files that change, with the current ticks.
    std::vector<Result> results() const { return m_results; }
    /// The diff as shown (all files).
    QString diffText() const;
    /// The rows: fixes (checkable, checked) and choices (checkable, unchecked).
    QTreeWidget *list() const { return m_list; }
    int fixCount() const { return m_fixCount; }

    /// The text shown for the selected "or keep it at …" / "or exempt it" row ("" none).
    QString alternativeShown() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void recompute();
    QString alternativeText(const Engine::FixAlternative &a) const;

    std::vector<FixTarget> m_targets;
    Policy::LevelVersion m_policy;
    std::vector<Result> m_results;
    QStringList m_alternatives; ///< the text of each alternative row
    QPlainTextEdit *m_alternative;
    QTreeWidget *m_list;
    QPlainTextEdit *m_diff;
    QLabel *m_summary;
    int m_fixCount = 0;
    bool m_building = false;
};

} // namespace PodSec::Ui
