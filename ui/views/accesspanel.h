// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/accessmodel.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTextBrowser;
class QTreeView;

namespace PodSec::Ui {

class AccessTreeModel;

/// The Access view beside the workload tree: a "who can" search box over the tree of
/// subjects → risks → binding → role → rule (AccessTreeModel), and the explanation of the
/// selected risk. Selecting a row asks for its file position; built-in roles have none and
/// are said to be read-only.
class AccessPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AccessPanel(QWidget *parent = nullptr);

    void setResult(std::shared_ptr<const Access::AccessResult> result);
    /// Asks a who-can query (`create pods -n build`); empty: the risks again.
    bool setQuery(const QString &query);
    /// Selects and reveals the row with this key (a subject or risk key, core/access).
    bool selectKey(const QString &key);

    AccessTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QLineEdit *queryEdit() const { return m_query; }
    QLabel *statusLabel() const { return m_status; }
    QTextBrowser *explanationView() const { return m_explanation; }

Q_SIGNALS:
    /// A row with a file position was selected (focus: activated with Enter or a double-click).
    void openRequested(const QString &file, int line, int column, bool focus);
    /// A row without a file position was selected; text says why.
    void message(const QString &text);

private:
    void rowSelected(const QModelIndex &index, bool focus);
    void updateStatus();

    AccessTreeModel *m_model;
    QLineEdit *m_query;
    QLabel *m_status;
    QTreeView *m_view;
    QTextBrowser *m_explanation;
    QString m_error;
};

} // namespace PodSec::Ui
