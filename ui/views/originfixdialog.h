// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/originfix.h"

#include <QDialog>

namespace PodSec::Ui {

/// Shows the fixes of a rendered Kustomize root planned in the files its objects came from
/// (Engine::fixOrigins): what each file gets, the unified diffs, and why any planned fix was
/// not kept. Those files are not open in the window: Write Files writes them (refusing any
/// that changed on disk since they were read), which cannot be undone in the editor.
class OriginFixDialog final : public QDialog
{
    Q_OBJECT

public:
    OriginFixDialog(const QString &root, const Engine::OriginFixResult &result,
                    QWidget *parent = nullptr);

    /// The diff as shown.
    QString diffText() const { return m_diff; }

private:
    QString m_diff;
};

} // namespace PodSec::Ui
