// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace PodSec::Ui {

/// Help → Controls…: every check of the registry (Policy::registry()) with its level, the
/// versions where its behaviour changed, its explanation in the UI language
/// (DetailsPane::explanation) and a minimal failing and passing Pod (resources/catalogue,
/// evaluated by tests/core/tst_catalogueexamples). "Open as Scratch Workspace" writes the
/// chosen example to a fresh temporary folder and asks the window to open it. Evaluates
/// nothing itself.
class ControlsCatalogue final : public QDialog
{
    Q_OBJECT

public:
    explicit ControlsCatalogue(QWidget *parent = nullptr);

    enum Column { IdColumn, LevelColumn, VersionsColumn };
    enum class Example { Failing, Passing };

    QTreeWidget *checksList() const { return m_checks; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTextBrowser *explanationView() const { return m_text; }
    /// The ID of the selected check; empty when none is.
    QString currentCheck() const;
    /// Selects a check's row (clearing a filter that hides it); false when there is none.
    bool selectCheck(const QString &id);
    Example example() const;
    void setExample(Example example);

    /// The bundled example Pod of a check (YAML); empty when there is none.
    static QString exampleText(const QString &checkId, Example example);
    /// Writes the chosen example of the selected check to a new temporary folder and emits
    /// scratchWorkspaceRequested; returns the folder, or empty (with a message) on failure.
    QString openScratchWorkspace();

Q_SIGNALS:
    /// A folder holding one example Pod, to be opened as the window's workspace.
    void scratchWorkspaceRequested(const QString &folder);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    void showCurrent();

    QLineEdit *m_filter;
    QTreeWidget *m_checks;
    QTextBrowser *m_text;
    QComboBox *m_example;
    QPushButton *m_open;
    QLabel *m_count;
};

} // namespace PodSec::Ui
