// SPDX-License-Identifier: Apache-2.0
#include "accesstreemodel.h"

#include "access/accessqueries.h"

#include <QColor>

namespace PodSec::Ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString subjectText(const Access::Subject &s)
{
    switch (s.kind) {
    case Access::SubjectKind::User:
        return AccessTreeModel::tr("User %1").arg(q(s.name));
    case Access::SubjectKind::Group:
        return AccessTreeModel::tr("Group %1").arg(q(s.name));
    case Access::SubjectKind::ServiceAccount:
        break;
    }
    return AccessTreeModel::tr("Service account %1/%2").arg(q(s.namespaceName), q(s.name));
}

QString positionText(const Access::Source &s)
{
    return QStringLiteral("%1:%2:%3").arg(q(s.file)).arg(s.line).arg(s.column);
}

} // namespace

AccessTreeModel::AccessTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_nodes.emplace_back();
}

AccessTreeModel::~AccessTreeModel() = default;

QString AccessTreeModel::severityText(Engine::Severity severity)
{
    switch (severity) {
    case Engine::Severity::Deny:
        return tr("DENY");
    case Engine::Severity::Danger:
        return tr("DANGER");
    case Engine::Severity::Warning:
        return tr("WARNING");
    case Engine::Severity::Info:
        break;
    }
    return tr("INFO");
}

void AccessTreeModel::setResult(std::shared_ptr<const Access::AccessResult> result)
{
    m_result = std::move(result);
    rebuild();
}

bool AccessTreeModel::setQuery(const QString &query, QString *error)
{
    const QString line = query.trimmed();
    if (line.isEmpty()) {
        m_query.reset();
        rebuild();
        return true;
    }
    std::string message;
    auto request = Access::parseWhoCanQuery(line.toStdString(), message);
    if (!request) {
        if (error)
            *error = q(message);
        return false;
    }
    m_query = std::make_unique<Access::Request>(std::move(*request));
    rebuild();
    return true;
}

int AccessTreeModel::subjectCount() const
{
    return int(m_nodes.front().children.size());
}

int AccessTreeModel::add(int parent, Node node)
{
    node.parent = parent;
    node.row = int(m_nodes[std::size_t(parent)].children.size());
    m_nodes.push_back(std::move(node));
    const int id = int(m_nodes.size() - 1);
    m_nodes[std::size_t(parent)].children.push_back(id);
    return id;
}

void AccessTreeModel::addChain(int parent, const std::vector<Access::ChainLink> &chain)
{
    for (const auto &l : chain) {
        Node n;
        if (l.kind == "Rule") {
            n.texts[NameColumn] = tr("Rule %1").arg(q(l.rule));
        } else {
            n.texts[NameColumn] =
                q(l.kind) + QLatin1Char(' ') +
                (l.namespaceName.empty() ? QString() : q(l.namespaceName) + QLatin1Char('/')) +
                q(l.name);
        }
        if (l.builtin)
            n.texts[DetailColumn] = tr("built-in (Kubernetes bootstrap policy, no file)");
        else if (l.source.valid())
            n.texts[DetailColumn] = positionText(l.source);
        else
            n.texts[DetailColumn] = tr("cluster object (no file)");
        n.tooltip = n.texts[NameColumn];
        n.source = l.source;
        n.builtin = l.builtin;
        parent = add(parent, std::move(n));
    }
}

void AccessTreeModel::rebuild()
{
    beginResetModel();
    m_nodes.clear();
    m_nodes.emplace_back();
    if (m_result && m_query && m_result->model) {
        for (const auto &answer : m_result->model->whoCan(*m_query)) {
            Node n;
            n.texts[NameColumn] = subjectText(answer.subject);
            n.texts[DetailColumn] = tr("allowed");
            n.key = q(Access::subjectKey(answer.subject));
            addChain(add(0, std::move(n)), answer.chain);
        }
    } else if (m_result) {
        for (const auto &s : m_result->subjects) {
            Node n;
            n.texts[NameColumn] = subjectText(s.subject);
            n.severity = int(s.worst());
            n.texts[SeverityColumn] = severityText(s.worst());
            n.texts[DetailColumn] = tr("%n risk(s)", nullptr, int(s.risks.size()));
            n.key = q(Access::subjectKey(s.subject));
            const int subject = add(0, std::move(n));
            for (const auto &r : s.risks) {
                Node risk;
                risk.texts[NameColumn] = QStringLiteral("%1 [%2]").arg(
                    QLatin1String(Access::riskName(r.id)),
                    r.scope == "cluster" ? tr("cluster") : q(r.scope));
                risk.severity = int(r.severity);
                risk.texts[SeverityColumn] = severityText(r.severity);
                risk.texts[DetailColumn] = q(r.detail);
                risk.tooltip = q(r.detail);
                risk.key = q(Access::riskKey(s.subject, r));
                // The risk row opens where its chain is first written.
                for (const auto &l : r.chain) {
                    if (l.source.valid()) {
                        risk.source = l.source;
                        break;
                    }
                }
                addChain(add(subject, std::move(risk)), r.chain);
            }
        }
    }
    endResetModel();
}

QModelIndex AccessTreeModel::findKey(const QString &key) const
{
    for (std::size_t i = 1; i < m_nodes.size(); ++i) {
        if (m_nodes[i].key == key)
            return createIndex(m_nodes[i].row, 0, quintptr(i));
    }
    return {};
}

const AccessTreeModel::Node *AccessTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return &m_nodes.front();
    const auto id = std::size_t(index.internalId());
    return id < m_nodes.size() ? &m_nodes[id] : nullptr;
}

QModelIndex AccessTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (!p || row < 0 || row >= int(p->children.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, quintptr(p->children[std::size_t(row)]));
}

QModelIndex AccessTreeModel::parent(const QModelIndex &child) const
{
    const Node *n = child.isValid() ? nodeOf(child) : nullptr;
    if (!n || n->parent <= 0)
        return {};
    return createIndex(m_nodes[std::size_t(n->parent)].row, 0, quintptr(n->parent));
}

int AccessTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *n = nodeOf(parent);
    return n ? int(n->children.size()) : 0;
}

int AccessTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AccessTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *n = index.isValid() ? nodeOf(index) : nullptr;
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return n->texts[index.column()];
    case Qt::ToolTipRole:
        return n->tooltip.isEmpty() ? QVariant() : QVariant(n->tooltip);
    case Qt::BackgroundRole:
        // A tint that repeats the badge's text, never replaces it.
        if (index.column() != SeverityColumn || n->severity < 0)
            return {};
        switch (Engine::Severity(n->severity)) {
        case Engine::Severity::Deny:
        case Engine::Severity::Danger:
            return QColor(0xf8, 0xd7, 0xda);
        case Engine::Severity::Warning:
            return QColor(0xff, 0xec, 0xb3);
        case Engine::Severity::Info:
            return QColor(0xdd, 0xe8, 0xf5);
        }
        return {};
    case Qt::ForegroundRole:
        return index.column() == SeverityColumn && n->severity >= 0 ? QVariant(QColor(Qt::black))
                                                                    : QVariant();
    case FileRole:
        return q(n->source.file);
    case LineRole:
        return int(n->source.line);
    case ColumnRole:
        return int(n->source.column);
    case BuiltinRole:
        return n->builtin;
    case KeyRole:
        return n->key;
    case SeverityRole:
        return n->severity;
    default:
        return {};
    }
}

QVariant AccessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return m_query ? tr("Subject allowed → binding → role → rule")
                       : tr("Subject → risk → binding → role → rule");
    case SeverityColumn:
        return tr("Severity");
    case DetailColumn:
        return tr("Detail / where");
    default:
        return {};
    }
}

} // namespace PodSec::Ui
