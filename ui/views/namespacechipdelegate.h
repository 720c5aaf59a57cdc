// SPDX-License-Identifier: Apache-2.0
#pragma once

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
    /// How many of chips fit in width pixels (each chip's text plus padding, gaps between
    /// them), keeping room for the "+N" chip when some do not fit.
    static int chipsThatFit(const QFontMetrics &fm, const QStringList &chips, int width);
    /// The tooltip of a namespace row: its own tooltip, then every label, one a line.
    static QString chipsToolTip(const QString &rowTip, const QStringList &chips);
};

} // namespace PodSec::Ui
