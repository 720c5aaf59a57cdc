// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QWidget>

#include <vector>

namespace PodSec::Ui {

/// What a bar segment stands for; its colour follows the palette (light or dark).
enum class ChartTone { Good, Middle, Bad, Neutral };

/// The colour of a tone on a light or dark background.
QColor chartColor(ChartTone tone, bool dark);

/// Horizontal bars painted with QPainter, one row per item: its label, its segments stacked,
/// and after the bar its values as text (colour is never the only carrier). Each segment has
/// a tooltip; clicking a row (or Enter on the current row) emits activated() with its key.
/// Only the rows in view are painted, so hundreds of rows in a scroll area stay quick.
class BarChart final : public QWidget
{
    Q_OBJECT

public:
    struct Segment
    {
        int value = 0;
        ChartTone tone = ChartTone::Neutral;
        QString tip; ///< tooltip over the segment
    };
    struct Row
    {
        QString label; ///< drawn left of the bar (elided when long)
        QString key;   ///< what activated() says
        std::vector<Segment> segments;
        QString text; ///< drawn after the bar: the values
        QString tip;  ///< tooltip over the label and the text
    };

    explicit BarChart(QWidget *parent = nullptr);

    void setRows(std::vector<Row> rows);
    const std::vector<Row> &rows() const { return m_rows; }

    /// Hit-testing (widget coordinates): the row at pos (-1 outside every row), the whole
    /// row's rectangle, the rectangle of its bar (all segments; empty when its total is 0) and
    /// of one segment (empty when its value is 0).
    int rowAt(const QPoint &pos) const;
    QRect rowRect(int row) const;
    QRect barRect(int row) const;
    QRect segmentRect(int row, int segment) const;
    int currentRow() const { return m_current; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void activated(const QString &key);
    /// The keyboard moved the current row (widget coordinates), to be scrolled into view.
    void currentRectChanged(const QRect &rect);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Geometry
    {
        int rowHeight, labelWidth, barLeft, barWidth, most;
    };
    Geometry geometry() const;
    void setCurrent(int row);

    std::vector<Row> m_rows;
    int m_current = 0;
};

/// A row of colour swatches with their meaning, under or above a chart.
class ChartLegend final : public QWidget
{
    Q_OBJECT

public:
    struct Item
    {
        ChartTone tone;
        QString text;
    };
    explicit ChartLegend(std::vector<Item> items, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    std::vector<Item> m_items;
};

} // namespace PodSec::Ui
