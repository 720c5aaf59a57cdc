// SPDX-License-Identifier: Apache-2.0
#include "severitybadge.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <map>

namespace PodSec::Ui {

QString SeverityBadge::text(Engine::Severity severity)
{
    switch (severity) {
    case Engine::Severity::Deny:
        return tr("deny");
    case Engine::Severity::Danger:
        return tr("danger");
    case Engine::Severity::Warning:
        return tr("warning");
    case Engine::Severity::Info:
        break;
    }
    return tr("info");
}

QColor SeverityBadge::color(Engine::Severity severity, bool dark)
{
    switch (severity) {
    case Engine::Severity::Deny:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case Engine::Severity::Danger:
        return dark ? QColor(0xff, 0x9e, 0x57) : QColor(0xc4, 0x4d, 0x00);
    case Engine::Severity::Warning:
        return dark ? QColor(0xf6, 0xc3, 0x44) : QColor(0xb0, 0x6d, 0x00);
    case Engine::Severity::Info:
        break;
    }
    return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1a, 0x5f, 0xb4);
}

QIcon SeverityBadge::icon(Engine::Severity severity)
{
    static std::map<int, QIcon> cache;
    auto it = cache.find(int(severity));
    if (it != cache.end())
        return it->second;
    QPixmap pm(64, 64);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = color(severity, false);
    const QPen pen(Qt::white, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    QPainterPath path;
    switch (severity) {
    case Engine::Severity::Deny: // an octagon with a bar: "stop"
        path.addPolygon(QPolygonF(
            {{20, 4}, {44, 4}, {60, 20}, {60, 44}, {44, 60}, {20, 60}, {4, 44}, {4, 20}}));
        path.closeSubpath();
        p.fillPath(path, c);
        p.setPen(pen);
        p.drawLine(18, 32, 46, 32);
        break;
    case Engine::Severity::Danger: // a diamond with "!"
        path.addPolygon(QPolygonF({{32, 2}, {62, 32}, {32, 62}, {2, 32}}));
        path.closeSubpath();
        p.fillPath(path, c);
        p.setPen(pen);
        p.drawLine(32, 18, 32, 36);
        p.drawPoint(32, 46);
        break;
    case Engine::Severity::Warning: // a triangle with "!"
        path.moveTo(32, 4);
        path.lineTo(61, 58);
        path.lineTo(3, 58);
        path.closeSubpath();
        p.fillPath(path, c);
        p.setPen(pen);
        p.drawLine(32, 22, 32, 38);
        p.drawPoint(32, 49);
        break;
    case Engine::Severity::Info: // a circle with "i"
        p.setBrush(c);
        p.setPen(Qt::NoPen);
        p.drawEllipse(4, 4, 56, 56);
        p.setPen(pen);
        p.drawPoint(32, 18);
        p.drawLine(32, 29, 32, 46);
        break;
    }
    p.end();
    return cache.emplace(int(severity), QIcon(pm)).first->second;
}

} // namespace PodSec::Ui
