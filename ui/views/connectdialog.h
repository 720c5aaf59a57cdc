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
    /// The kubeconfig path field (editable: a typed path is read when editing ends).
    QLineEdit *pathEdit() const { return m_path; }

public Q_SLOTS:
    void accept() override;

private:
    Cluster::Kubeconfig m_config;
    QLineEdit *m_path;
    QTreeWidget *m_contexts;
    QLabel *m_errors;
    QString m_loaded;           ///< the path text load() last showed
    bool m_readOnEnter = false; ///< this Enter read a typed path: it does not connect too
};

} // namespace PodSec::Ui
