// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <QIcon>
#include <QIdentityProxyModel>

namespace PodSec::Ui {

/// Presentation of the raw tree: verdict columns become an icon, a translated word and a
/// colour, so pass, fail, warn, audit, "not applied" and "exempt" differ by shape and
/// text as well as by colour.
class BadgeProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT

public:
    explicit BadgeProxyModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// The word shown for a verdict in a column ("Fail", "Warn", "Audit", "Pass", ...).
    static QString verdictText(Verdict verdict, int column);
    /// The verdicts a badge column can show (the levels pass or fail; the modes also are not
    /// applied or exempt, and enforce can reject a controller's Pods): what it is sized for.
    static QList<Verdict> verdictsOf(int column);
    static QIcon verdictIcon(Verdict verdict, int column);
    static QColor verdictColor(Verdict verdict, int column, bool dark);

    void setDarkPalette(bool dark);

private:
    bool m_dark = false;
};

} // namespace PodSec::Ui
