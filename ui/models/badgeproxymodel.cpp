// SPDX-License-Identifier: Apache-2.0
#include "badgeproxymodel.h"

#include "severitybadge.h"
#include "workloadtreemodel.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <map>

namespace PodSec::Ui {

namespace {

enum class Shape { Check, Cross, Triangle, Eye, Dash, Shield, None };

Shape shapeFor(Verdict v, int column)
{
    switch (v) {
    case Verdict::Pass:
        return Shape::Check;
    case Verdict::Fail:
        if (column == WorkloadTreeModel::WarnColumn)
            return Shape::Triangle;
        if (column == WorkloadTreeModel::AuditColumn)
            return Shape::Eye;
        return Shape::Cross;
    case Verdict::NotApplied:
        return Shape::Dash;
    case Verdict::PodsRejected:
        return Shape::Cross;
    case Verdict::Exempt:
        return Shape::Shield;
    case Verdict::NotChecked:
        break;
    }
    return Shape::None;
}

QPixmap paintBadge(Shape shape, const QColor &color)
{
    const int size = 64;
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(Qt::white, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (shape) {
    case Shape::Check:
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        p.drawEllipse(4, 4, 56, 56);
        p.setPen(pen);
        p.drawPolyline(QPolygonF({QPointF(18, 33), QPointF(28, 43), QPointF(46, 22)}));
        break;
    case Shape::Cross:
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        p.drawEllipse(4, 4, 56, 56);
        p.setPen(pen);
        p.drawLine(21, 21, 43, 43);
        p.drawLine(43, 21, 21, 43);
        break;
    case Shape::Triangle: {
        QPainterPath path;
        path.moveTo(32, 4);
        path.lineTo(61, 58);
        path.lineTo(3, 58);
        path.closeSubpath();
        p.fillPath(path, color);
        p.setPen(pen);
        p.drawLine(32, 22, 32, 38);
        p.drawPoint(32, 49);
        break;
    }
    case Shape::Eye: {
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(4, 4, 56, 56, 12, 12);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(32, 32), 18, 11);
        p.setBrush(color);
        p.drawEllipse(QPointF(32, 32), 7, 7);
        break;
    }
    case Shape::Dash:
        p.setPen(QPen(color, 7, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(16, 32, 48, 32);
        break;
    case Shape::Shield: {
        QPainterPath path;
        path.moveTo(32, 4);
        path.lineTo(58, 14);
        path.cubicTo(58, 40, 46, 54, 32, 60);
        path.cubicTo(18, 54, 6, 40, 6, 14);
        path.closeSubpath();
        p.fillPath(path, color);
        break;
    }
    case Shape::None:
        break;
    }
    return pm;
}

} // namespace

BadgeProxyModel::BadgeProxyModel(QObject *parent) : QIdentityProxyModel(parent) {}

void BadgeProxyModel::setDarkPalette(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString BadgeProxyModel::verdictText(Verdict v, int column)
{
    switch (v) {
    case Verdict::Pass:
        return tr("Pass");
    case Verdict::Fail:
        if (column == WorkloadTreeModel::WarnColumn)
            return tr("Warn");
        if (column == WorkloadTreeModel::AuditColumn)
            return tr("Audit");
        if (column == WorkloadTreeModel::EnforceColumn)
            return tr("Reject");
        return tr("Fail");
    case Verdict::NotApplied:
        return tr("Not applied");
    case Verdict::PodsRejected:
        return tr("Pods rejected");
    case Verdict::Exempt:
        return tr("Exempt");
    case Verdict::NotChecked:
        break;
    }
    return {};
}

QList<Verdict> BadgeProxyModel::verdictsOf(int column)
{
    if (column == WorkloadTreeModel::BaselineColumn ||
        column == WorkloadTreeModel::RestrictedColumn)
        return {Verdict::Pass, Verdict::Fail};
    QList<Verdict> verdicts{Verdict::Pass, Verdict::Fail, Verdict::NotApplied, Verdict::Exempt};
    if (column == WorkloadTreeModel::EnforceColumn)
        verdicts << Verdict::PodsRejected;
    return verdicts;
}

QColor BadgeProxyModel::verdictColor(Verdict v, int column, bool dark)
{
    switch (v) {
    case Verdict::Pass:
        return dark ? QColor(0x5f, 0xd0, 0x7f) : QColor(0x1e, 0x8e, 0x3e);
    case Verdict::Fail:
        if (column == WorkloadTreeModel::WarnColumn)
            return dark ? QColor(0xf6, 0xc3, 0x44) : QColor(0xb0, 0x6d, 0x00);
        if (column == WorkloadTreeModel::AuditColumn)
            return dark ? QColor(0xc0, 0x9c, 0xf5) : QColor(0x7b, 0x3f, 0xc4);
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case Verdict::NotApplied:
        return dark ? QColor(0x9a, 0xa0, 0xa6) : QColor(0x70, 0x75, 0x7a);
    case Verdict::PodsRejected:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case Verdict::Exempt:
        return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1a, 0x5f, 0xb4);
    case Verdict::NotChecked:
        break;
    }
    return {};
}

QIcon BadgeProxyModel::verdictIcon(Verdict v, int column)
{
    static std::map<std::pair<int, int>, QIcon> cache;
    const Shape shape = shapeFor(v, column);
    if (shape == Shape::None)
        return {};
    const auto key = std::make_pair(static_cast<int>(shape), static_cast<int>(v) * 16 + column);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(key, QIcon(paintBadge(shape, verdictColor(v, column, false)))).first;
    return it->second;
}

QVariant BadgeProxyModel::data(const QModelIndex &index, int role) const
{
    const int column = index.column();
    if (column < WorkloadTreeModel::BaselineColumn)
        return QIdentityProxyModel::data(index, role);
    if (column == WorkloadTreeModel::ChecklistColumn) {
        // A checklist severity: its icon (by shape) and word, in its colour.
        const QVariant severity = QIdentityProxyModel::data(index, WorkloadTreeModel::SeverityRole);
        const bool shown = severity.isValid() && severity.toInt() >= 0 &&
                           !QIdentityProxyModel::data(index, Qt::DisplayRole).toString().isEmpty();
        if (shown && role == Qt::DecorationRole)
            return SeverityBadge::icon(Engine::Severity(severity.toInt()));
        if (shown && role == Qt::ForegroundRole)
            return SeverityBadge::color(Engine::Severity(severity.toInt()), m_dark);
        return QIdentityProxyModel::data(index, role);
    }
    const auto v = static_cast<Verdict>(
        QIdentityProxyModel::data(index, WorkloadTreeModel::VerdictRole).toInt());
    switch (role) {
    case Qt::DisplayRole:
        return verdictText(v, column);
    case Qt::DecorationRole:
        return verdictIcon(v, column);
    case Qt::ForegroundRole: {
        const QColor c = verdictColor(v, column, m_dark);
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::FontRole:
        if (v == Verdict::Fail) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        switch (v) {
        case Verdict::NotApplied:
            return column == WorkloadTreeModel::EnforceColumn
                       ? tr("Enforce only rejects Pods; workload templates are not rejected")
                       : tr("Not evaluated: the request would be rejected, so no warning is sent");
        case Verdict::Exempt:
            return tr("An exemption of the admission configuration applies");
        case Verdict::PodsRejected:
            return tr("Enforce does not reject the controller itself, but it rejects every Pod "
                      "the controller creates: they would never start");
        default:
            return verdictText(v, column);
        }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

} // namespace PodSec::Ui
