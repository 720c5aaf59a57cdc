// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QPlainTextEdit>
#include <QSet>

namespace PodSec::Ui {

/// A finding shown in the editor: a wavy underline, a gutter marker and a tooltip.
/// Positions are 1-based line and byte column, as the engine reports them.
struct EditorFinding
{
    int line = 1;
    int column = 1;
    int byteLength = 1;   ///< clipped to the line
    bool failing = true;  ///< false: passing field (no underline)
    bool fixable = false; ///< a fix (or a decision with choices) exists: light bulb
    QString message;
};

/// The YAML editor: line numbers, gutter markers and underlines on failing fields,
/// tooltips with the reason. Syntax colouring comes from createYamlHighlighter().
class CodeEditor final : public QPlainTextEdit
{
    Q_OBJECT

public:
    /// Bounds on the underlines made around the visible lines: per line (the rest of a
    /// line's findings share one underline) and in all. Every finding keeps its gutter
    /// marker and tooltip.
    static constexpr int MaxUnderlinesPerLine = 100;
    static constexpr int MaxUnderlines = 500;
    /// Findings one tooltip lists in full; it counts the rest.
    static constexpr int MaxTooltipFindings = 10;

    explicit CodeEditor(QWidget *parent = nullptr);

    /// Shows doc (nullptr: an empty document), whose first block is line lineOffset + 1 of
    /// its file. The previous document's findings and underlines are dropped first: their
    /// cursors point into that document, and nothing is refreshed while the documents are
    /// swapped. Use this, never QPlainTextEdit::setDocument().
    void showDocument(QTextDocument *doc, int lineOffset = 0);
    void setFindings(const QVector<EditorFinding> &findings);
    const QVector<EditorFinding> &findings() const { return m_findings; }
    /// Moves the cursor to a 1-based line and byte column and centres it.
    void goToLine(int line, int column = 1);
    /// The 1-based line of the cursor.
    int cursorLine() const;
    /// Document position of a 1-based line and byte column.
    int positionOf(int line, int byteColumn) const;
    void setDark(bool dark);
    /// Shows an excerpt: the first block is line (offset + 1) of the file. Finding lines,
    /// goToLine() and cursorLine() stay in file lines.
    void setLineOffset(int offset);
    int lineOffset() const { return m_lineOffset; }
    /// The gutter numbers the shown document's own lines from 1 (an object shown on its
    /// own) instead of its file's; finding lines stay file lines. Reset by showDocument().
    void setNumbersFromOne(bool fromOne);

    /// Folds the section under a top-level key ("status:" at the left margin, and every
    /// line below it up to the next top-level line): the key's line stays, with a marker
    /// in the gutter that unfolds and folds it again. False if the document has no such
    /// key. A new document starts unfolded.
    bool foldTopLevelKey(const QString &key);
    /// The folded key's line (1-based file line), or 0.
    int foldLine() const { return m_foldLine; }
    bool isFolded() const { return m_folded; }
    /// Shows or hides the folded section's lines.
    void setFolded(bool folded);

    /// The presenter view's laser pointer: a bright, thickly framed highlight of the selected
    /// field (1-based line, byte column and length, clipped to the line; line 0: none), seen
    /// from the back of a room in light and dark. Shown only while setPointerShown(true).
    void setPointer(int line, int column, int byteLength);
    void setPointerShown(bool shown);
    bool isPointerShown() const { return m_pointerShown; }
    /// The document positions the pointer covers [start, end), or {-1, -1} when none shows.
    QPair<int, int> pointerRange() const;
    /// The pointer's colours: its fill, the text on it and its frame.
    static QColor pointerFill(bool dark);
    static QColor pointerText(bool dark);
    static QColor pointerFrame(bool dark);

    int lineNumberAreaWidth() const;
    void paintLineNumberArea(QPaintEvent *event);
    /// A click in the gutter at widget y: emits fixRequested on a light-bulb line.
    void gutterClicked(int y);
    bool isFixableLine(int line) const { return m_fixableLines.contains(line); }

Q_SIGNALS:
    /// The light bulb of a line was clicked (1-based file line).
    void fixRequested(int line);
    /// Another document is shown, or the editor became read-only or editable (what Undo,
    /// Redo, Cut and Paste can do changed).
    void documentStateChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void refreshSelections();

    QWidget *m_lineNumberArea;
    QVector<EditorFinding> m_findings; ///< sorted by line
    QSet<int> m_failingLines;
    QSet<int> m_fixableLines;
    bool m_dark = false;
    bool m_swapping = false; ///< inside showDocument(): no refresh
    int m_lineOffset = 0;
    int m_foldLine = 0; ///< the foldable key's file line; 0: none
    bool m_numbersFromOne = false;
    bool m_folded = false;
    bool m_pointerShown = false;
    int m_pointerLine = 0; ///< file line; 0: no pointer
    int m_pointerColumn = 1;
    int m_pointerBytes = 1;
};

} // namespace PodSec::Ui
