// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/kubeconfig.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace PodSec::Ui {

/// Lists the contexts of the kubeconfig kubectl would use (KUBECONFIG, else
/// ~/.kube/config, or a file the user picks) with their cluster, user and namespace; the
/// current context is preselected. Kubeconfig errors are shown with file:line:column.
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    void load(const QString &explicitFile);
    const Cluster::Kubeconfig &kubeconfig() const { return m_config; }
    QString kubeconfigPath() const;
    QString selectedContext() const;
    QTreeWidget *contexts() const { return m_contexts; }

private:
    Cluster::Kubeconfig m_config;
    QLineEdit *m_path;
    QTreeWidget *m_contexts;
    QLabel *m_errors;
};

} // namespace PodSec::Ui
