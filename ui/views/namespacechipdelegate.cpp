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
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    const QRect r = opt.rect.adjusted(4, 0, -4, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QFontMetrics bfm(bold);
    painter->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, name);
    int x = r.left() + bfm.horizontalAdvance(name) + 10;

    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.85);
    painter->setFont(small);
    const QFontMetrics fm(small);
    painter->setRenderHint(QPainter::Antialiasing);
    const bool dark = opt.palette.color(QPalette::Base).lightness() < 128;
    const int shown = chipsThatFit(fm, chips, r.right() - x);
    const auto drawChip = [&](const QString &text, QColor fill, bool defaulted) {
        const int w = fm.horizontalAdvance(text) + 12;
        const QRect chipRect(x, r.center().y() - fm.height() / 2 - 2, w, fm.height() + 4);
        if (defaulted)
            fill.setAlpha(dark ? 110 : 70);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(chipRect, chipRect.height() / 2.0, chipRect.height() / 2.0);
        painter->setPen(defaulted ? opt.palette.color(QPalette::Text) : QColor(Qt::white));
        painter->drawText(chipRect, Qt::AlignCenter, text);
        x += w + 6;
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
