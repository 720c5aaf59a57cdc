// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <memory>

namespace PodSec::Ui {

/// The Problems panel's rows: one per problem of a snapshot (WorkspaceSnapshot::problems:
/// files that could not be found, read, parsed or decoded, and warnings), in the order
/// `podsec check` prints them on stderr. Raw data only; nothing is worked out here.
class ProblemsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns {
        SeverityColumn,
        FileColumn,
        LineColumn,
        ColumnColumn,
        MessageColumn,
        ColumnCount
    };
    enum Roles {
        ProblemIndexRole = Qt::UserRole + 1, ///< index into the snapshot's problems
        FileIndexRole,                       ///< index into its files, -1: not a file of it
        LineRole,
        ColumnRole,
        WarningRole,     ///< bool
        ProblemLineRole, ///< "file:line:column: message", as `podsec check` prints it
        SortRole,        ///< what the column sorts by (numbers for line and column)
    };

    explicit ProblemsModel(QObject *parent = nullptr);

    /// Shows the snapshot's problems (none for null).
    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    std::shared_ptr<const WorkspaceSnapshot> snapshot() const { return m_snapshot; }
    /// The icons of the severity column (the view's style provides them).
    void setSeverityIcons(const QIcon &error, const QIcon &warning);
    /// The problem of a row, or null.
    const FileProblem *problemAt(int row) const;
    int errorCount() const { return m_errors; }
    int warningCount() const { return rowCount() - m_errors; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
    QIcon m_errorIcon, m_warningIcon;
    int m_errors = 0;
};

} // namespace PodSec::Ui
