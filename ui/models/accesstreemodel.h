// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/accessmodel.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace PodSec::Ui {

/// The Access view's tree (spec/access.md §5): subjects → risks with a severity badge →
/// the granting chain (binding → role → rule, each link a child of the one before), or,
/// for a who-can query, the subjects allowed → their chain. Every row carries the file
/// position of what it shows (none for built-in roles and live objects). It only arranges
/// what the core's access result and AccessModel::whoCan answer; it computes no policy.
class AccessTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum ColumnId { NameColumn, SeverityColumn, DetailColumn, ColumnCount };
    enum Roles {
        FileRole = Qt::UserRole + 1, ///< QString, empty: no file position
        LineRole,
        ColumnRole,
        BuiltinRole, ///< bool: a built-in bootstrap role or binding (read-only, no file)
        KeyRole,     ///< subject rows: the subject key; risk rows: the risk key
        SeverityRole ///< int (Engine::Severity) on subject and risk rows, else -1
    };
    enum class Mode { Risks, WhoCan };

    explicit AccessTreeModel(QObject *parent = nullptr);
    ~AccessTreeModel() override;

    /// The access part of a snapshot (null: nothing to show). A who-can query in force is
    /// asked again of the new result.
    void setResult(std::shared_ptr<const Access::AccessResult> result);
    std::shared_ptr<const Access::AccessResult> result() const { return m_result; }
    /// Shows the subjects allowed a who-can query (`create pods -n build`), or the risks
    /// again when query is empty. False (and error) when the query cannot be read.
    bool setQuery(const QString &query, QString *error = nullptr);
    Mode mode() const { return m_query ? Mode::WhoCan : Mode::Risks; }
    /// Top-level rows: subjects with risks, or subjects allowed the query.
    int subjectCount() const;
    /// The index of the row with this KeyRole (a subject or a risk), or invalid.
    QModelIndex findKey(const QString &key) const;

    /// The badge text of a severity ("DANGER"), translated.
    static QString severityText(Engine::Severity severity);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        int parent = -1;
        int row = 0;
        std::vector<int> children;
        QString texts[ColumnCount];
        QString tooltip;
        Access::Source source;
        bool builtin = false;
        int severity = -1;
        QString key;
    };
    void rebuild();
    int add(int parent, Node node);
    void addChain(int parent, const std::vector<Access::ChainLink> &chain);
    const Node *nodeOf(const QModelIndex &index) const;

    std::shared_ptr<const Access::AccessResult> m_result;
    std::unique_ptr<Access::Request> m_query;
    std::vector<Node> m_nodes; ///< m_nodes[0]: the invisible root
};

} // namespace PodSec::Ui
