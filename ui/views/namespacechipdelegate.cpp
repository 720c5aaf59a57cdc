// SPDX-License-Identifier: Apache-2.0
#include "namespacechipdelegate.h"

#include "models/workloadtreemodel.h"

#include <QApplication>
#include <QPainter>

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
    for (const QString &chip : chips) {
        // Markers of WorkloadTreeModel::ChipsRole: " !" an invalid label, " *" a default.
        const bool invalid = chip.endsWith(QLatin1String(" !"));
        const bool defaulted = chip.endsWith(QLatin1String(" *"));
        QString text = defaulted || invalid ? chip.left(chip.size() - 2) : chip;
        const int w = fm.horizontalAdvance(text) + 12;
        if (x + w > r.right())
            break;
        const QRect chipRect(x, r.center().y() - fm.height() / 2 - 2, w, fm.height() + 4);
        QColor fill = invalid                                      ? QColor(0xc6, 0x28, 0x28)
                      : text.contains(QLatin1String("restricted")) ? QColor(0x1e, 0x6f, 0x5c)
                      : text.contains(QLatin1String("baseline"))   ? QColor(0x2f, 0x5f, 0xa8)
                                                                   : QColor(0x70, 0x75, 0x7a);
        if (defaulted)
            fill.setAlpha(dark ? 110 : 70);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(chipRect, chipRect.height() / 2.0, chipRect.height() / 2.0);
        painter->setPen(defaulted ? opt.palette.color(QPalette::Text) : QColor(Qt::white));
        painter->drawText(chipRect, Qt::AlignCenter, text);
        x += w + 6;
    }
    painter->restore();
}

QSize NamespaceChipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(qMax(s.height(), option.fontMetrics.height() + 8));
    return s;
}

} // namespace PodSec::Ui
