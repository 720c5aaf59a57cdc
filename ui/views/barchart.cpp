// SPDX-License-Identifier: Apache-2.0
#include "barchart.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <utility>

namespace PodSec::Ui {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

constexpr int Gap = 8;

} // namespace

QColor chartColor(ChartTone tone, bool dark)
{
    switch (tone) {
    case ChartTone::Good:
        return dark ? QColor(0x4c, 0xaf, 0x50) : QColor(0x2e, 0x7d, 0x32);
    case ChartTone::Middle:
        return dark ? QColor(0xff, 0xc1, 0x07) : QColor(0xf9, 0xa8, 0x25);
    case ChartTone::Bad:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    case ChartTone::Neutral:
        break;
    }
    return dark ? QColor(0x79, 0x86, 0xcb) : QColor(0x3f, 0x51, 0xb5);
}

BarChart::BarChart(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void BarChart::setRows(std::vector<Row> rows)
{
    m_rows = std::move(rows);
    m_current = std::clamp(m_current, 0, std::max(0, int(m_rows.size()) - 1));
    updateGeometry();
    update();
}

BarChart::Geometry BarChart::geometry() const
{
    const QFontMetrics fm = fontMetrics();
    Geometry g{};
    g.rowHeight = fm.height() + 10;
    int label = fm.averageCharWidth() * 4, text = 0;
    g.most = 1;
    for (const auto &r : m_rows) {
        label = std::max(label, fm.horizontalAdvance(r.label));
        text = std::max(text, fm.horizontalAdvance(r.text));
        int total = 0;
        for (const auto &s : r.segments)
            total += s.value;
        g.most = std::max(g.most, total);
    }
    // Long names are elided rather than squeezing the bars; the tooltip says them whole.
    // (+2: an advance that fits exactly must not be elided for its rounding.)
    g.labelWidth = std::min({label + 2, fm.averageCharWidth() * 36, width() * 2 / 5});
    g.barLeft = g.labelWidth + 2 * Gap;
    g.barWidth = std::max(40, width() - g.barLeft - std::min(text, width() * 2 / 5) - 2 * Gap);
    return g;
}

QSize BarChart::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int rows = std::max(1, int(m_rows.size()));
    return {fm.averageCharWidth() * 80, rows * (fm.height() + 10) + 4};
}

QSize BarChart::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, sizeHint().height()};
}

QRect BarChart::rowRect(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const auto g = geometry();
    return {0, 2 + row * g.rowHeight, width(), g.rowHeight};
}

int BarChart::rowAt(const QPoint &pos) const
{
    if (pos.x() < 0 || pos.x() >= width() || pos.y() < 2)
        return -1;
    const int row = (pos.y() - 2) / geometry().rowHeight;
    return row < int(m_rows.size()) ? row : -1;
}

QRect BarChart::segmentRect(int row, int segment) const
{
    if (row < 0 || row >= int(m_rows.size()) || segment < 0 ||
        segment >= int(m_rows[std::size_t(row)].segments.size()))
        return {};
    const auto g = geometry();
    const auto &segments = m_rows[std::size_t(row)].segments;
    // Segments end where the running total ends, so rounding never leaves a gap.
    int before = 0;
    for (int s = 0; s < segment; ++s)
        before += segments[std::size_t(s)].value;
    const int value = segments[std::size_t(segment)].value;
    const int x0 = g.barLeft + int(qint64(before) * g.barWidth / g.most);
    const int x1 = g.barLeft + int(qint64(before + value) * g.barWidth / g.most);
    if (value <= 0)
        return {};
    const int top = 2 + row * g.rowHeight + 3;
    // A value too small for a pixel still shows as a sliver.
    return {x0, top, std::max(2, x1 - x0), g.rowHeight - 6};
}

QRect BarChart::barRect(int row) const
{
    QRect bar;
    for (int s = 0;
         row >= 0 && row < int(m_rows.size()) && s < int(m_rows[std::size_t(row)].segments.size());
         ++s)
        bar = bar.united(segmentRect(row, s));
    return bar;
}

void BarChart::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const auto g = geometry();
    const bool dark = isDark(palette());
    const QFontMetrics fm = fontMetrics();
    const int first = std::max(0, (event->rect().top() - 2) / g.rowHeight);
    const int last = std::min(int(m_rows.size()) - 1, (event->rect().bottom() - 2) / g.rowHeight);
    for (int r = first; r <= last; ++r) {
        const auto &row = m_rows[std::size_t(r)];
        const QRect line = rowRect(r);
        if (r == m_current && hasFocus()) {
            p.fillRect(line, palette().color(QPalette::Highlight).lighter(dark ? 80 : 170));
        }
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(Gap, line.top(), g.labelWidth, line.height()),
                   Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(row.label, Qt::ElideMiddle, g.labelWidth));
        int end = g.barLeft;
        for (int s = 0; s < int(row.segments.size()); ++s) {
            const QRect rect = segmentRect(r, s);
            if (rect.isEmpty())
                continue;
            p.fillRect(rect, chartColor(row.segments[std::size_t(s)].tone, dark));
            end = std::max(end, rect.right() + 1);
        }
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(end + Gap, line.top(), width() - end - Gap, line.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(row.text, Qt::ElideRight, width() - end - Gap));
    }
}

bool BarChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        QString tip;
        for (int s = 0; row >= 0 && s < int(m_rows[std::size_t(row)].segments.size()); ++s) {
            if (segmentRect(row, s).contains(help->pos()))
                tip = m_rows[std::size_t(row)].segments[std::size_t(s)].tip;
        }
        if (row >= 0 && tip.isEmpty())
            tip = m_rows[std::size_t(row)].tip;
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this, rowRect(row));
        return true;
    }
    return QWidget::event(event);
}

void BarChart::mouseMoveEvent(QMouseEvent *event)
{
    if (rowAt(event->position().toPoint()) >= 0)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    QWidget::mouseMoveEvent(event);
}

void BarChart::mouseReleaseEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && row >= 0) {
        m_current = row;
        update();
        Q_EMIT activated(m_rows[std::size_t(row)].key);
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void BarChart::setCurrent(int row)
{
    if (m_rows.empty())
        return;
    m_current = std::clamp(row, 0, int(m_rows.size()) - 1);
    update();
    Q_EMIT currentRectChanged(rowRect(m_current));
}

void BarChart::keyPressEvent(QKeyEvent *event)
{
    const int page = std::max(1, (parentWidget() ? parentWidget()->height() : height()) /
                                     std::max(1, geometry().rowHeight));
    switch (event->key()) {
    case Qt::Key_Up:
        setCurrent(m_current - 1);
        return;
    case Qt::Key_Down:
        setCurrent(m_current + 1);
        return;
    case Qt::Key_PageUp:
        setCurrent(m_current - page);
        return;
    case Qt::Key_PageDown:
        setCurrent(m_current + page);
        return;
    case Qt::Key_Home:
        setCurrent(0);
        return;
    case Qt::Key_End:
        setCurrent(int(m_rows.size()) - 1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0 && m_current < int(m_rows.size()))
            Q_EMIT activated(m_rows[std::size_t(m_current)].key);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void BarChart::changeEvent(QEvent *event)
{
    // The window's zoom changes the application font: rows grow with it.
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

ChartLegend::ChartLegend(std::vector<Item> items, QWidget *parent)
    : QWidget(parent), m_items(std::move(items))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    QStringList texts;
    for (const auto &i : m_items)
        texts << i.text;
    setAccessibleName(texts.join(QStringLiteral(", ")));
}

QSize ChartLegend::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    int width = 0;
    for (const auto &i : m_items)
        width += fm.height() + 6 + fm.horizontalAdvance(i.text) + 3 * Gap;
    return {width, fm.height() + 6};
}

void ChartLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QFontMetrics fm = fontMetrics();
    const bool dark = isDark(palette());
    int x = Gap;
    for (const auto &i : m_items) {
        const int side = fm.height() - 4;
        p.fillRect(QRect(x, (height() - side) / 2, side, side), chartColor(i.tone, dark));
        x += side + 6;
        const int w = fm.horizontalAdvance(i.text);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(x, 0, w + 2, height()), Qt::AlignLeft | Qt::AlignVCenter, i.text);
        x += w + 3 * Gap;
    }
}

void ChartLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace PodSec::Ui
