// SPDX-License-Identifier: Apache-2.0
#include "problemsmodel.h"

namespace PodSec::Ui {

ProblemsModel::ProblemsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProblemsModel::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_errors = 0;
    if (m_snapshot) {
        for (const auto &p : m_snapshot->problems)
            m_errors += !p.diagnostic.warning;
    }
    endResetModel();
}

void ProblemsModel::setSeverityIcons(const QIcon &error, const QIcon &warning)
{
    m_errorIcon = error;
    m_warningIcon = warning;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, SeverityColumn), index(rowCount() - 1, SeverityColumn),
                           {Qt::DecorationRole});
}

const FileProblem *ProblemsModel::problemAt(int row) const
{
    if (!m_snapshot || row < 0 || row >= rowCount())
        return nullptr;
    return &m_snapshot->problems[std::size_t(row)];
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(m_snapshot->problems.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    const FileProblem *p = problemAt(index.row());
    if (!p || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const Diagnostic &d = p->diagnostic;
    const std::string &path = m_snapshot->problemPath(*p);
    switch (role) {
    case ProblemIndexRole:
        return index.row();
    case FileIndexRole:
        return p->file;
    case LineRole:
        return int(d.line);
    case ColumnRole:
        return int(d.column);
    case WarningRole:
        return d.warning;
    case ProblemLineRole:
    case Qt::ToolTipRole:
        return QString::fromStdString(problemLine(path, d));
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return d.warning ? m_warningIcon : m_errorIcon;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn || index.column() == ColumnColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case SeverityColumn:
            return int(d.warning);
        case LineColumn:
            return int(d.line);
        case ColumnColumn:
            return int(d.column);
        case FileColumn:
            // By file, then by place in it.
            return QString(QString::fromStdString(path) + QLatin1Char('\n') +
                           QStringLiteral("%1:%2")
                               .arg(d.line, 10, 10, QLatin1Char('0'))
                               .arg(d.column, 10, 10, QLatin1Char('0')));
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            // Text as well as the icon: the severity is never told by colour alone.
            return d.warning ? tr("Warning") : tr("Error");
        case FileColumn:
            return QString::fromStdString(path);
        case LineColumn:
            return int(d.line);
        case ColumnColumn:
            return int(d.column);
        case MessageColumn:
            return QString::fromStdString(d.message);
        }
        return {};
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case ColumnColumn:
        return tr("Column");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace PodSec::Ui
