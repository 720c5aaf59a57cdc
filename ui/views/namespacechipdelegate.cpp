// SPDX-License-Identifier: Apache-2.0
#include "namespacechipdelegate.h"

#include "models/workloadtreemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace PodSec::Ui {

void NamespaceChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QStringList chips = index.data(WorkloadTreeModel::ChipsRole).toStringList();
    if (chips.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    const ChipLayout parts = layout(opt.rect, opt.font, name, chips);
    painter->setFont(nameFont(opt.font));
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(parts.nameRect, Qt::AlignVCenter | Qt::AlignLeft, parts.name);

    painter->setFont(chipFont(opt.font));
    painter->setRenderHint(QPainter::Antialiasing);
    const bool dark = opt.palette.color(QPalette::Base).lightness() < 128;
    const int shown = parts.shown;
    int next = 0;
    const auto drawChip = [&](const QString &text, QColor fill, bool defaulted) {
        const QRect chipRect = parts.chipRects.value(next++);
        if (defaulted)
            fill.setAlpha(dark ? 110 : 70);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(chipRect, chipRect.height() / 2.0, chipRect.height() / 2.0);
        painter->setPen(defaulted ? opt.palette.color(QPalette::Text) : QColor(Qt::white));
        painter->drawText(chipRect, Qt::AlignCenter, text);
    };
    for (int i = 0; i < shown; ++i) {
        const QString &chip = chips[i];
        // Markers of WorkloadTreeModel::ChipsRole: " !" an invalid label, " *" a default.
        const bool invalid = chip.endsWith(QLatin1String(" !"));
        const bool defaulted = chip.endsWith(QLatin1String(" *"));
        const QString text = chipText(chip);
        drawChip(text,
                 invalid                                      ? QColor(0xc6, 0x28, 0x28)
                 : text.contains(QLatin1String("restricted")) ? QColor(0x1e, 0x6f, 0x5c)
                 : text.contains(QLatin1String("baseline"))   ? QColor(0x2f, 0x5f, 0xa8)
                                                              : QColor(0x70, 0x75, 0x7a),
                 defaulted);
    }
    if (shown < chips.size())
        drawChip(QStringLiteral("+%1").arg(chips.size() - shown), QColor(0x55, 0x5a, 0x60), false);
    painter->restore();
}

QFont NamespaceChipDelegate::nameFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

QFont NamespaceChipDelegate::chipFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

NamespaceChipDelegate::ChipLayout NamespaceChipDelegate::layout(const QRect &rect,
                                                                const QFont &font,
                                                                const QString &name,
                                                                const QStringList &chips)
{
    ChipLayout out;
    const QRect r = rect.adjusted(4, 0, -4, 0);
    const QFontMetrics bfm(nameFont(font));
    const QFontMetrics fm(chipFont(font));
    const auto chipWidth = [&](const QString &text) {
        return fm.horizontalAdvance(text) + 12;
    };
    // A narrow column (the presenter view, a long name) elides the name before it drops the
    // marker that says labels are hidden.
    const int markerRoom =
        chips.isEmpty() ? 0 : 10 + chipWidth(QStringLiteral("+%1").arg(chips.size())) + 6 + 1;
    out.name = bfm.elidedText(name, Qt::ElideRight, qMax(0, r.width() - markerRoom));
    out.nameRect = QRect(r.left(), r.top(), bfm.horizontalAdvance(out.name), r.height());
    int x = out.nameRect.right() + 1 + 10;
    out.shown = chipsThatFit(fm, chips, r.right() - x);
    const int top = r.center().y() - fm.height() / 2 - 2;
    auto place = [&](const QString &text) {
        out.chipRects << QRect(x, top, chipWidth(text), fm.height() + 4);
        x += chipWidth(text) + 6;
    };
    for (int i = 0; i < out.shown; ++i)
        place(chipText(chips[i]));
    if (out.shown < chips.size())
        place(QStringLiteral("+%1").arg(chips.size() - out.shown));
    return out;
}

QString NamespaceChipDelegate::chipText(const QString &chip)
{
    return chip.endsWith(QLatin1String(" !")) || chip.endsWith(QLatin1String(" *"))
               ? chip.left(chip.size() - 2)
               : chip;
}

int NamespaceChipDelegate::chipsThatFit(const QFontMetrics &fm, const QStringList &chips, int width)
{
    const auto chipWidth = [&](const QString &text) {
        return fm.horizontalAdvance(text) + 12 + 6;
    };
    int used = 0, fit = 0;
    for (const QString &chip : chips) {
        used += chipWidth(chipText(chip));
        if (used > width)
            break;
        ++fit;
    }
    if (fit == chips.size())
        return fit;
    // Some are hidden: make room for "+N" by hiding more if needed.
    while (fit > 0) {
        int total = chipWidth(QStringLiteral("+%1").arg(chips.size() - fit));
        for (int i = 0; i < fit; ++i)
            total += chipWidth(chipText(chips[i]));
        if (total <= width)
            break;
        --fit;
    }
    return fit;
}

QString NamespaceChipDelegate::chipsToolTip(const QString &rowTip, const QStringList &chips)
{
    QStringList lines;
    if (!rowTip.isEmpty())
        lines << rowTip;
    for (const QString &chip : chips) {
        const QString text = chipText(chip);
        // An invalid label's chip says so itself; a default is said to be one.
        lines << (chip.endsWith(QLatin1String(" *")) ? tr("%1 (no label: the default)").arg(text)
                                                     : text);
    }
    return lines.join(QLatin1Char('\n'));
}

bool NamespaceChipDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                      const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QStringList chips = index.data(WorkloadTreeModel::ChipsRole).toStringList();
    if (!event || event->type() != QEvent::ToolTip || chips.isEmpty())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QToolTip::showText(event->globalPos(),
                       chipsToolTip(index.data(Qt::ToolTipRole).toString(), chips), view);
    return true;
}

QSize NamespaceChipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(qMax(s.height(), option.fontMetrics.height() + 8));
    return s;
}

} // namespace PodSec::Ui
