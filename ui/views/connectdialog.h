// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/credentials.h"
#include "cluster/kubeconfig.h"

#include <QDialog>

#include <functional>

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
    /// The credential findings of the kubeconfig (spec/access.md §4), of every context.
    const std::vector<Access::CredentialFinding> &credentialFindings() const { return m_findings; }
    /// The findings shown for the selected context (no secret material: core/access).
    QLabel *credentialsLabel() const { return m_credentials; }
    /// Asks whether to connect despite a credential rated danger (tests replace the
    /// message box); false keeps the dialog open.
    void setConfirmation(std::function<bool(const QString &)> confirm)
    {
        m_confirm = std::move(confirm);
    }

public Q_SLOTS:
    void accept() override;

private:
    Cluster::Kubeconfig m_config;
    QLineEdit *m_path;
    QTreeWidget *m_contexts;
    QLabel *m_errors;
    QLabel *m_credentials;
    std::vector<Access::CredentialFinding> m_findings;
    std::function<bool(const QString &)> m_confirm;
    void showCredentials();
    /// The findings of a context at danger or worse, one line each.
    QStringList dangers(const QString &context) const;
    QString m_loaded;           ///< the path text load() last showed
    bool m_readOnEnter = false; ///< this Enter read a typed path: it does not connect too
};

} // namespace PodSec::Ui
