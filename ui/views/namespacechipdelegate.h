// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFont>
#include <QRect>
#include <QStyledItemDelegate>

namespace PodSec::Ui {

/// Paints a namespace's enforce/audit/warn policies as chips after its name. Chips that do
/// not fit are never dropped silently: a "+N" chip says how many are hidden, and the row's
/// tooltip lists every label.
class NamespaceChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    /// The chip's text without its marker (" !" invalid, " *" defaulted).
    static QString chipText(const QString &chip);
    /// Where a namespace row's parts go in rect: the name (elided to leave room for at least
    /// the "+N" marker), then the chips that fit, then the marker when some do not.
    struct ChipLayout
    {
        QString name;
        QRect nameRect;
        QList<QRect> chipRects; ///< the chips shown, then the "+N" marker if any is hidden
        int shown = 0;          ///< how many of the chips are shown
    };
    static ChipLayout layout(const QRect &rect, const QFont &font, const QString &name,
                             const QStringList &chips);
    /// The bold name's and the chips' fonts of a row in font.
    static QFont nameFont(const QFont &font);
    static QFont chipFont(const QFont &font);

    /// How many of chips fit in width pixels (each chip's text plus padding, gaps between
    /// them), keeping room for the "+N" chip when some do not fit.
    static int chipsThatFit(const QFontMetrics &fm, const QStringList &chips, int width);
    /// The tooltip of a namespace row: its own tooltip, then every label, one a line.
    static QString chipsToolTip(const QString &rowTip, const QStringList &chips);
};

} // namespace PodSec::Ui
