// SPDX-License-Identifier: Apache-2.0
#include "codeeditor.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPolygonF>
#include <QScopedValueRollback>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

namespace PodSec::Ui {

namespace {

class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumberArea(event); }
    void mousePressEvent(QMouseEvent *event) override
    {
        m_editor->gutterClicked(int(event->position().y()));
    }

private:
    CodeEditor *m_editor;
};

/// Number of UTF-16 units covering the first byteCount bytes of text's UTF-8 form.
int charsForBytes(const QString &text, int byteCount)
{
    int bytes = 0, i = 0;
    while (i < text.size() && bytes < byteCount) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size()) {
            bytes += 4;
            i += 2;
            continue;
        }
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        ++i;
    }
    return i;
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_lineNumberArea(new LineNumberArea(this))
{
    setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { updateLineNumberAreaWidth(); });
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::refreshSelections);
    // Underlines are made for the visible lines only, so a file with thousands of
    // findings stays fast.
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &, int dy) {
        if (dy)
            refreshSelections();
    });
    updateLineNumberAreaWidth();
}

void CodeEditor::setLineOffset(int offset)
{
    m_lineOffset = offset;
    updateLineNumberAreaWidth();
    refreshSelections();
    Q_EMIT documentStateChanged();
}

void CodeEditor::setNumbersFromOne(bool fromOne)
{
    m_numbersFromOne = fromOne;
    updateLineNumberAreaWidth();
    m_lineNumberArea->update();
}

void CodeEditor::setDark(bool dark)
{
    m_dark = dark;
    refreshSelections();
    m_lineNumberArea->update();
}

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount() + m_lineOffset); max >= 10; max /= 10)
        ++digits;
    const int marker = fontMetrics().height();
    return 8 + marker + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void CodeEditor::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void CodeEditor::paintLineNumberArea(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QColor background = m_dark ? QColor(0x25, 0x28, 0x2c) : QColor(0xf2, 0xf3, 0xf5);
    const QColor number = m_dark ? QColor(0x8a, 0x93, 0x9b) : QColor(0x80, 0x86, 0x8c);
    painter.fillRect(event->rect(), background);
    const QSet<int> &failingLines = m_failingLines;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int h = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1 + m_lineOffset;
            if (m_fixableLines.contains(line)) {
                // A light bulb: amber glass, grey base.
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                const int d = h * 6 / 10;
                const QRect glass(4 + (h - d) / 2, top + (h - d) / 2 - 1, d, d);
                painter.setBrush(m_dark ? QColor(0xff, 0xcc, 0x4d) : QColor(0xf2, 0xa9, 0x00));
                painter.drawEllipse(glass);
                painter.setBrush(number);
                painter.drawRect(QRect(glass.center().x() - d / 4, glass.bottom() - 1, d / 2 + 1,
                                       qMax(2, d / 4)));
            } else if (line == m_foldLine) {
                // A fold marker: a triangle pointing right (folded) or down (open).
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(number);
                const qreal d = h * 0.5, x = 4 + (h - d) / 2, y = top + (h - d) / 2;
                const QPolygonF triangle =
                    m_folded
                        ? QPolygonF{QPointF(x, y), QPointF(x + d, y + d / 2), QPointF(x, y + d)}
                        : QPolygonF{QPointF(x, y), QPointF(x + d, y), QPointF(x + d / 2, y + d)};
                painter.drawPolygon(triangle);
            } else if (failingLines.contains(line)) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(m_dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28));
                const int d = h * 6 / 10;
                painter.drawEllipse(QRect(4 + (h - d) / 2, top + (h - d) / 2, d, d));
            }
            painter.setPen(line == cursorLine() ? palette().color(QPalette::Text) : number);
            painter.drawText(0, top, m_lineNumberArea->width() - 4, h, Qt::AlignRight,
                             QString::number(m_numbersFromOne ? line - m_lineOffset : line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void CodeEditor::gutterClicked(int y)
{
    // The gutter shares the viewport's vertical coordinates.
    const QTextBlock block = cursorForPosition(QPoint(0, y)).block();
    if (!block.isValid() || y >= blockBoundingGeometry(block).translated(contentOffset()).bottom())
        return; // below the last line
    const int line = block.blockNumber() + 1 + m_lineOffset;
    if (line == m_foldLine)
        setFolded(!m_folded);
    else if (m_fixableLines.contains(line))
        Q_EMIT fixRequested(line);
}

bool CodeEditor::foldTopLevelKey(const QString &key)
{
    const QString head = key + QLatin1Char(':');
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        if (b.text() == head) {
            m_foldLine = b.blockNumber() + 1 + m_lineOffset;
            setFolded(true);
            return true;
        }
    }
    return false;
}

void CodeEditor::setFolded(bool folded)
{
    if (m_foldLine <= 0)
        return;
    const QTextBlock head = document()->findBlockByNumber(m_foldLine - 1 - m_lineOffset);
    if (!head.isValid())
        return;
    m_folded = folded;
    QTextBlock b = head.next();
    const int start = b.isValid() ? b.position() : head.position();
    int end = start;
    // The key's own lines: indented, or empty; the next line at the left margin ends it.
    for (; b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (!text.isEmpty() && !text.front().isSpace())
            break;
        b.setVisible(!folded);
        end = b.position() + b.length();
    }
    if (folded && textCursor().blockNumber() > head.blockNumber() &&
        textCursor().block().position() < end) {
        QTextCursor c(head);
        setTextCursor(c); // the cursor must not sit in a hidden line
    }
    document()->markContentsDirty(start, qMax(0, end - start));
    viewport()->update();
    m_lineNumberArea->update();
}

int CodeEditor::positionOf(int line, int byteColumn) const
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1 - m_lineOffset));
    if (!block.isValid())
        return qMax(0, document()->characterCount() - 1);
    return block.position() + charsForBytes(block.text(), qMax(0, byteColumn - 1));
}

void CodeEditor::setPointer(int line, int column, int byteLength)
{
    m_pointerLine = qMax(0, line);
    m_pointerColumn = qMax(1, column);
    m_pointerBytes = qMax(1, byteLength);
    if (m_pointerShown) {
        refreshSelections();
        viewport()->update();
    }
}

void CodeEditor::setPointerShown(bool shown)
{
    m_pointerShown = shown;
    refreshSelections();
    viewport()->update();
}

QPair<int, int> CodeEditor::pointerRange() const
{
    if (!m_pointerShown || m_pointerLine <= m_lineOffset)
        return {-1, -1};
    const QTextBlock block = document()->findBlockByNumber(m_pointerLine - 1 - m_lineOffset);
    if (!block.isValid() || !block.isVisible())
        return {-1, -1};
    const QString text = block.text();
    const int blockEnd = block.position() + int(text.size());
    int start = qMin(positionOf(m_pointerLine, m_pointerColumn), blockEnd);
    int end = qMin(positionOf(m_pointerLine, m_pointerColumn + m_pointerBytes), blockEnd);
    // A value's key with it ("runAsUser: 0"): back over ": " and the key's characters.
    int key = start - block.position();
    while (key > 0 && text[key - 1] == QLatin1Char(' '))
        --key;
    if (key > 0 && text[key - 1] == QLatin1Char(':')) {
        --key;
        while (key > 0 && !QStringLiteral(" \t{,").contains(text[key - 1]))
            --key;
        start = block.position() + key;
    }
    if (end <= start) // an empty line, or a field at its end: the pointer still shows
        end = start;
    return {start, end};
}

QColor CodeEditor::pointerFill(bool dark)
{
    // Signal yellow under black text: the strongest contrast on a white or a dark page.
    return dark ? QColor(0xff, 0xd6, 0x00) : QColor(0xff, 0xe6, 0x00);
}

QColor CodeEditor::pointerText(bool)
{
    return QColor(Qt::black);
}

QColor CodeEditor::pointerFrame(bool dark)
{
    return dark ? QColor(0xff, 0x4d, 0x6a) : QColor(0xe0, 0x00, 0x2a);
}

void CodeEditor::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    const auto [start, end] = pointerRange();
    if (start < 0)
        return;
    // A thick frame around the field (the fill is an extra selection under the text).
    QTextCursor c(document());
    c.setPosition(start);
    const QRect from = cursorRect(c);
    c.setPosition(end);
    const QRect to = cursorRect(c);
    const int pad = qMax(2, fontMetrics().height() / 8);
    const int width = qMax(3, fontMetrics().height() / 6);
    const QRect frame = QRect(QPoint(from.left(), from.top()),
                              QPoint(qMax(to.left(), from.left() + pad), to.bottom()))
                            .adjusted(-pad - width / 2, -width / 2, pad + width / 2, width / 2);
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(pointerFrame(m_dark), width));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(frame, pad + width, pad + width);
}

void CodeEditor::showDocument(QTextDocument *doc, int lineOffset)
{
    m_pointerLine = 0; // its line was one of the previous document
    m_findings.clear();
    m_failingLines.clear();
    m_fixableLines.clear();
    setExtraSelections({}); // while the cursors' document is still the shown one
    {
        const QScopedValueRollback swapping(m_swapping, true);
        setDocument(doc);
    }
    m_lineOffset = lineOffset;
    m_foldLine = 0;
    m_folded = false;
    m_numbersFromOne = false;
    updateLineNumberAreaWidth();
    refreshSelections();
}

void CodeEditor::setFindings(const QVector<EditorFinding> &findings)
{
    m_findings = findings;
    std::stable_sort(
        m_findings.begin(), m_findings.end(),
        [](const EditorFinding &a, const EditorFinding &b) { return a.line < b.line; });
    m_failingLines.clear();
    m_fixableLines.clear();
    for (const auto &f : m_findings) {
        if (f.failing)
            m_failingLines.insert(f.line);
        if (f.failing && f.fixable)
            m_fixableLines.insert(f.line);
    }
    refreshSelections();
    m_lineNumberArea->update();
}

void CodeEditor::refreshSelections()
{
    if (m_swapping)
        return;
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection current;
    current.format.setBackground(m_dark ? QColor(0x2c, 0x31, 0x38) : QColor(0xee, 0xf3, 0xfb));
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    selections << current;
    // The presenter view's pointer: the field's line tinted, the field itself signal yellow.
    if (const auto [start, end] = pointerRange(); start >= 0) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(m_dark ? QColor(0x4a, 0x3f, 0x00) : QColor(0xff, 0xf6, 0xb3));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(document());
        line.cursor.setPosition(start);
        selections << line;
        QTextEdit::ExtraSelection field;
        field.format.setBackground(pointerFill(m_dark));
        field.format.setForeground(pointerText(m_dark));
        field.format.setFontWeight(QFont::Bold);
        field.cursor = QTextCursor(document());
        field.cursor.setPosition(start);
        field.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selections << field;
    }
    // A generous margin around the visible lines keeps short scrolls cheap and exact.
    const int firstLine = firstVisibleBlock().blockNumber() + 1 + m_lineOffset - 200;
    const int lastLine = firstLine + 400 + viewport()->height() / qMax(1, fontMetrics().height());
    auto underline = [&](int start, int end) {
        QTextEdit::ExtraSelection s;
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(m_dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f));
        s.cursor = QTextCursor(document());
        s.cursor.setPosition(start);
        s.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selections << s;
    };
    auto it = std::lower_bound(m_findings.cbegin(), m_findings.cend(), firstLine,
                               [](const EditorFinding &f, int line) { return f.line < line; });
    while (it != m_findings.cend() && it->line <= lastLine && selections.size() <= MaxUnderlines) {
        const int line = it->line;
        const auto lineEnd = std::find_if(
            it, m_findings.cend(), [line](const EditorFinding &f) { return f.line != line; });
        const QTextBlock block = document()->findBlockByNumber(line - 1 - m_lineOffset);
        if (!block.isValid() || line <= m_lineOffset) {
            it = lineEnd;
            continue;
        }
        const QString text = block.text();
        const int blockEnd = block.position() + int(text.size());
        // ASCII lines (most YAML) map byte columns to positions directly.
        const bool ascii =
            std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
        auto position = [&](int byteColumn) {
            return ascii ? block.position() + qBound(0, byteColumn - 1, int(text.size()))
                         : positionOf(line, byteColumn);
        };
        // Past MaxUnderlinesPerLine findings on one line (thousands of YAML aliases in one
        // flow sequence), the rest of the line's findings share one underline.
        int count = 0;
        int mergedStart = blockEnd;
        int mergedEnd = -1;
        for (; it != lineEnd; ++it) {
            if (!it->failing)
                continue;
            const int start = position(it->column);
            int end = position(it->column + it->byteLength);
            if (end <= start)
                end = qMin(start + 1, blockEnd);
            end = qMin(end, blockEnd);
            if (++count <= MaxUnderlinesPerLine) {
                underline(start, end);
            } else {
                mergedStart = qMin(mergedStart, start);
                mergedEnd = qMax(mergedEnd, end);
            }
        }
        if (mergedEnd >= 0)
            underline(mergedStart, mergedEnd);
    }
    setExtraSelections(selections);
    m_lineNumberArea->update();
}

void CodeEditor::goToLine(int line, int column)
{
    if (m_folded && line > m_foldLine) {
        const QTextBlock target = document()->findBlockByNumber(qMax(0, line - 1 - m_lineOffset));
        if (target.isValid() && !target.isVisible())
            setFolded(false);
    }
    QTextCursor c(document());
    c.setPosition(positionOf(line, column));
    setTextCursor(c);
    centerCursor();
}

int CodeEditor::cursorLine() const
{
    return textCursor().blockNumber() + 1 + m_lineOffset;
}

bool CodeEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint inViewport = viewport()->mapFrom(this, help->pos());
        const QTextCursor c = cursorForPosition(inViewport);
        const int line = c.blockNumber() + 1 + m_lineOffset;
        // The findings under the mouse first, then the rest of the line's; a bounded number
        // of them (a line can hold thousands of aliased fields).
        const int byteColumn = int(c.block().text().left(c.positionInBlock()).toUtf8().size()) + 1;
        auto under = [byteColumn](const EditorFinding &f) {
            return f.column <= byteColumn && byteColumn < f.column + qMax(1, f.byteLength);
        };
        QStringList messages;
        int more = 0;
        for (const bool first : {true, false}) {
            for (const auto &f : m_findings) {
                if (!f.failing || f.line != line || under(f) != first ||
                    messages.contains(f.message))
                    continue;
                if (messages.size() < MaxTooltipFindings)
                    messages << f.message;
                else
                    ++more;
            }
        }
        if (more > 0)
            messages << tr("… %Ln more findings on this line", nullptr, more);
        if (!messages.isEmpty()) {
            QToolTip::showText(help->globalPos(), messages.join(QLatin1String("\n\n")), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    if (event->type() == QEvent::ReadOnlyChange)
        Q_EMIT documentStateChanged();
    return QPlainTextEdit::event(event);
}

} // namespace PodSec::Ui
