// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QStringList>

class QListWidget;

namespace PodSec::Ui {

/// Picks the values files every Helm chart of the workspace is rendered with, after the
/// chart's own values.yaml (`helm template --values`, as `podsec check --values`), in order.
class ValuesFilesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ValuesFilesDialog(const QStringList &files, QWidget *parent = nullptr);
    QStringList files() const;

private:
    QListWidget *m_list;
};

} // namespace PodSec::Ui
