// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/ruleset.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace PodSec::Ui {

/// How a checklist severity is shown: a translated word, an icon whose shape differs by
/// severity (octagon deny, diamond danger, triangle warning, circle info) and a colour, so
/// severities never differ by colour alone.
class SeverityBadge
{
    Q_DECLARE_TR_FUNCTIONS(PodSec::Ui::SeverityBadge)

public:
    static QString text(Engine::Severity severity);
    static QIcon icon(Engine::Severity severity);
    static QColor color(Engine::Severity severity, bool dark);
};

} // namespace PodSec::Ui
