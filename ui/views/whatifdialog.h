// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/whatif.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace PodSec::Ui {

/// Namespace what-if: pick enforce/audit/warn labels for a namespace and see exactly what
/// `kubectl label --dry-run=server` would print for the workspace's pods, with the kubectl
/// command and a YAML patch to copy. Computes nothing itself: core/admission/whatif does.
class WhatIfDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Input
    {
        std::string ns;
        Admission::Labels currentLabels;
        std::vector<std::string> texts; ///< the workspace's files or cluster pages
        std::string defaultNamespace;
        Admission::AdmissionConfig config;
        QString strictestMet; ///< the strictest level every workload already meets
    };
    WhatIfDialog(Input input, QWidget *parent = nullptr);

    /// Sets one mode's proposed level ("" unset) and version.
    void propose(int mode, const QString &level, const QString &version);
    QString answer() const;  ///< what kubectl would print
    QString command() const; ///< the kubectl command
    QString patch() const;   ///< the YAML patch
    /// The violating pods: one top-level row per warning line, its pods as children.
    QTreeWidget *podTree() const { return m_pods; }

private:
    void recompute();
    Admission::Labels proposedLabels() const;
    /// What the API server makes of invalid current labels; "" when all are valid.
    QString invalidLabelNotice() const;

    Input m_input;
    QComboBox *m_level[3];
    QComboBox *m_version[3];
    QPlainTextEdit *m_answer;
    QPlainTextEdit *m_command;
    QPlainTextEdit *m_patch;
    QTreeWidget *m_pods;
    QLabel *m_podsLabel;
};

} // namespace PodSec::Ui
