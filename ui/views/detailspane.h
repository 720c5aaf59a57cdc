// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <QTextBrowser>

namespace PodSec::Ui {

class WorkloadTreeModel;

/// Explains the selected tree row: the checks behind it with reason and detail, the exact
/// message kube-apiserver would give in each mode, and what each failing control guards
/// against. Reads the snapshot only; computes no policy.
class DetailsPane final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit DetailsPane(QWidget *parent = nullptr);

    /// index is a source index of the tree model. offerFix: failing rows get a "Fix…" link
    /// (not in a read-only cluster workspace).
    void showIndex(const WorkloadTreeModel *model, const QModelIndex &index, bool offerFix = true);
    /// The explanation text of a check in the current UI language (Markdown).
    static QString explanation(std::string_view checkId);
    /// The Markdown shown for an index (for tests).
    static QString markdownFor(const WorkloadTreeModel *model, const QModelIndex &index,
                               bool offerFix = true);

Q_SIGNALS:
    /// The "Fix…" link of a failing row was clicked.
    void fixRequested();
};

} // namespace PodSec::Ui
