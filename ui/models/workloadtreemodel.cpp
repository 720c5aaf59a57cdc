// SPDX-License-Identifier: Apache-2.0
#include "workloadtreemodel.h"

#include "disposal.h"
#include "treetexts.h"

#include "engine/namespacenumbers.h"
#include "engine/pipeline.h"
#include "workloadtreenode.h"

#include <QSet>

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <utility>

namespace PodSec::Ui {

WorkloadTreeModel::WorkloadTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    const auto next = [this] {
        ++m_generation;
    };
    connect(this, &QAbstractItemModel::modelAboutToBeReset, this, next);
    connect(this, &QAbstractItemModel::modelReset, this, next);
    connect(this, &QAbstractItemModel::rowsAboutToBeInserted, this, next);
    connect(this, &QAbstractItemModel::rowsInserted, this, next);
    connect(this, &QAbstractItemModel::rowsAboutToBeRemoved, this, next);
    connect(this, &QAbstractItemModel::rowsRemoved, this, next);
    connect(this, &QAbstractItemModel::rowsAboutToBeMoved, this, next);
    connect(this, &QAbstractItemModel::rowsMoved, this, next);
    connect(this, &QAbstractItemModel::dataChanged, this, next);
    connect(this, &QAbstractItemModel::layoutAboutToBeChanged, this, next);
    connect(this, &QAbstractItemModel::layoutChanged, this, next);
}

WorkloadTreeModel::~WorkloadTreeModel() = default;

std::unique_ptr<WorkloadTreeModel::Node>
WorkloadTreeModel::workloadTree(const WorkspaceSnapshot &s, int n, int w, bool deep) const
{
    auto node = std::make_unique<Node>();
    node->type = NodeType::Workload;
    node->snap = &s;
    node->ns = n;
    node->workload = w;
    node->key = "w:" + s.workloads[static_cast<std::size_t>(w)].key();
    node->pending = true;
    if (deep)
        fillWorkload(node.get());
    return node;
}

void WorkloadTreeModel::fillWorkload(Node *wNode) const
{
    const WorkspaceSnapshot &s = *wNode->snap;
    const auto w = static_cast<std::size_t>(wNode->workload);
    const auto &workload = s.workloads[w];
    wNode->pending = false;
    // Field rows have no nodes: a count (workloadtreenode.h).
    if (showsPss())
        wNode->fields = static_cast<int>(workload.podFields.size());
    for (std::size_t c = 0; showsPss() && c < workload.id().containers.size(); ++c) {
        const auto &container = workload.id().containers[c];
        auto cNode = std::make_unique<Node>();
        cNode->type = NodeType::Container;
        cNode->snap = &s;
        cNode->ns = wNode->ns;
        cNode->workload = wNode->workload;
        cNode->container = static_cast<int>(c);
        cNode->key = "c:" + container.path + '/' + container.name;
        cNode->fields = static_cast<int>(workload.fieldsOf(c).size());
        wNode->add(std::move(cNode));
    }
    addWorkloadFindings(wNode);
    // Live objects nest under their controller (Deployment → ReplicaSet → Pod), which is
    // always of the same namespace.
    for (int child : s.workloads.owned(w))
        wNode->add(workloadTree(s, wNode->ns, child, true));
}

std::unique_ptr<WorkloadTreeModel::Node> WorkloadTreeModel::buildTree(const WorkspaceSnapshot &s,
                                                                      bool deep) const
{
    auto root = std::make_unique<Node>();
    // Workloads of a rendered root are shown under their root, not their namespace.
    std::vector<int> rootOf(s.workloads.size(), -1);
    for (std::size_t r = 0; r < s.roots.size(); ++r) {
        for (int w : s.roots[r].workloads)
            rootOf[static_cast<std::size_t>(w)] = static_cast<int>(r);
    }
    std::vector<Node *> rootNodes;
    for (std::size_t r = 0; r < s.roots.size(); ++r) {
        auto rNode = std::make_unique<Node>();
        rNode->type = NodeType::Root;
        rNode->snap = &s;
        rNode->root = static_cast<int>(r);
        rNode->key = "root:" + s.roots[r].path;
        rootNodes.push_back(root->add(std::move(rNode)));
    }
    // Each top-level workload's rows, with those of what it controls, are built in parallel
    // (10,000 workloads are 650,000 rows), then put in place in order.
    std::vector<std::pair<int, int>> tops; // (namespace, workload)
    for (std::size_t n = 0; n < s.namespaces.size(); ++n) {
        for (int w : s.namespaces[n].workloads) {
            if (s.workloads.owner(static_cast<std::size_t>(w)) < 0)
                tops.emplace_back(static_cast<int>(n), w);
        }
    }
    std::vector<std::unique_ptr<Node>> built(tops.size());
    Engine::parallelFor(tops.size(), [&](std::size_t k) {
        built[k] = workloadTree(s, tops[k].first, tops[k].second, deep);
    });
    std::size_t next = 0;
    for (std::size_t n = 0; n < s.namespaces.size(); ++n) {
        const auto &ns = s.namespaces[n];
        auto nsNode = std::make_unique<Node>();
        nsNode->type = NodeType::Namespace;
        nsNode->snap = &s;
        nsNode->ns = static_cast<int>(n);
        nsNode->key = "ns:" + ns.name;
        nsNode->text = namespaceSummary(Engine::namespaceNumbers(s, ns)).toStdString();
        bool anyOwn = false;
        for (; next < tops.size() && tops[next].first == static_cast<int>(n); ++next) {
            const int r = rootOf[static_cast<std::size_t>(tops[next].second)];
            anyOwn = anyOwn || r < 0;
            (r < 0 ? nsNode.get() : rootNodes[static_cast<std::size_t>(r)])
                ->add(std::move(built[next]));
        }
        addNamespaceChecklist(nsNode.get());
        // A namespace only rendered objects use is shown through their roots, unless it is
        // declared (its labels say how admission judges them).
        if (anyOwn || ns.workloads.empty() || ns.declared)
            root->add(std::move(nsNode));
    }
    addClusterScoped(root.get(), s);
    return root;
}

bool WorkloadTreeModel::sameData(const Node *a, const Node *b)
{
    if (a->type != b->type || !a->snap || !b->snap)
        return false;
    if (!sameChecklistData(a, b))
        return false;
    switch (a->type) {
    case NodeType::Root: {
        const auto &x = a->snap->roots[std::size_t(a->root)];
        const auto &y = b->snap->roots[std::size_t(b->root)];
        return std::equal(std::begin(x.verdicts), std::end(x.verdicts), std::begin(y.verdicts)) &&
               x.rendered == y.rendered && x.problem == y.problem;
    }
    case NodeType::Namespace: {
        const auto &x = a->snap->namespaces[std::size_t(a->ns)];
        const auto &y = b->snap->namespaces[std::size_t(b->ns)];
        return std::equal(std::begin(x.verdicts), std::end(x.verdicts), std::begin(y.verdicts)) &&
               x.labels == y.labels && x.policy.enforce == y.policy.enforce &&
               x.policy.audit == y.policy.audit && x.policy.warn == y.policy.warn &&
               a->snap->forcedLevel == b->snap->forcedLevel && a->text == b->text;
    }
    case NodeType::Workload: {
        const auto &x = a->snap->workloads[std::size_t(a->workload)];
        const auto &y = b->snap->workloads[std::size_t(b->workload)];
        return std::equal(std::begin(x.verdicts), std::end(x.verdicts), std::begin(y.verdicts)) &&
               x.id().line == y.id().line;
    }
    case NodeType::Container:
    default:
        return false; // summarises its children; cheap to repaint
    case NodeType::Field: {
        const auto &x = a->fieldEntry();
        const auto &y = b->fieldEntry();
        const auto xt = x.view(), yt = y.view();
        // The text (sameFieldText) was compared with the checklist's data.
        return std::equal(std::begin(x.verdicts), std::end(x.verdicts), std::begin(y.verdicts)) &&
               xt.present == yt.present && xt.line == yt.line;
    }
    }
    return false;
}

namespace {

// A field row's index carries a pointer one byte into its parent node: nodes are aligned, so
// the lowest bit tells the two kinds of index apart.
constexpr quintptr FieldTag = 1;
static_assert(alignof(WorkloadTreeModel::Node) > FieldTag);

const void *tagged(const WorkloadTreeModel::Node *node)
{
    return reinterpret_cast<const char *>(node) + FieldTag;
}

const WorkloadTreeModel::Node *untagged(const void *pointer)
{
    return reinterpret_cast<const WorkloadTreeModel::Node *>(static_cast<const char *>(pointer) -
                                                             FieldTag);
}

} // namespace

WorkloadTreeModel::Node *WorkloadTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return index.internalId() & FieldTag ? nullptr : static_cast<Node *>(index.internalPointer());
}

WorkloadTreeModel::Row WorkloadTreeModel::rowAt(const QModelIndex &index) const
{
    if (index.isValid() && (index.internalId() & FieldTag))
        return Row(untagged(index.internalPointer()), index.row());
    return Row(nodeAt(index));
}

QModelIndex WorkloadTreeModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->visibleRow(), column, node);
}

QModelIndex WorkloadTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCountValue)
        return {};
    Node *p = nodeAt(parent);
    if (!p || row >= p->fields + static_cast<int>(p->children.size()))
        return {};
    if (row < p->fields)
        return createIndex(row, column, tagged(p));
    return createIndex(row, column, p->children[static_cast<std::size_t>(row - p->fields)].get());
}

QModelIndex WorkloadTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(rowAt(child)->parent);
}

int WorkloadTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    Node *p = nodeAt(parent);
    return p ? p->fields + static_cast<int>(p->children.size()) : 0;
}

int WorkloadTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCountValue;
}

const NamespaceEntry *WorkloadTreeModel::namespaceAt(const QModelIndex &index) const
{
    const Row row = rowAt(index);
    const Node *n = row.get();
    if (!index.isValid() || !n->snap || n->type != NodeType::Namespace)
        return nullptr;
    return &n->snap->namespaces[static_cast<std::size_t>(n->ns)];
}

const RootEntry *WorkloadTreeModel::rootAt(const QModelIndex &index) const
{
    const Row row = rowAt(index);
    const Node *n = row.get();
    if (!index.isValid() || !n->snap || n->type != NodeType::Root)
        return nullptr;
    return &n->snap->roots[static_cast<std::size_t>(n->root)];
}

const WorkloadEntry *WorkloadTreeModel::workloadAt(const QModelIndex &index) const
{
    const Row row = rowAt(index);
    const Node *n = row.get();
    if (!index.isValid() || !n->snap || n->workload < 0)
        return nullptr;
    return &n->snap->workloads[static_cast<std::size_t>(n->workload)];
}

const ContainerEntry *WorkloadTreeModel::containerAt(const QModelIndex &index) const
{
    const Row row = rowAt(index);
    const Node *n = row.get();
    const WorkloadEntry *w = workloadAt(index);
    if (!w || n->container < 0)
        return nullptr;
    return &w->id().containers[static_cast<std::size_t>(n->container)];
}

const FieldEntry *WorkloadTreeModel::fieldAt(const QModelIndex &index) const
{
    const Row row = rowAt(index);
    if (!workloadAt(index) || row->type != NodeType::Field)
        return nullptr;
    return &row->fieldEntry();
}

Verdict WorkloadTreeModel::verdict(const Node *node, int column) const
{
    const int c = column - BaselineColumn;
    if (c < 0 || c >= ColumnCount || !node->snap)
        return Verdict::NotChecked;
    switch (node->type) {
    case NodeType::Root:
        return node->snap->roots[static_cast<std::size_t>(node->root)].verdicts[c];
    case NodeType::Namespace:
        return node->snap->namespaces[static_cast<std::size_t>(node->ns)].verdicts[c];
    case NodeType::Workload:
        return node->snap->workloads[static_cast<std::size_t>(node->workload)].verdicts[c];
    case NodeType::Container: {
        Verdict v = Verdict::NotChecked;
        for (int r = 0; r < node->fields; ++r)
            v = combine(v, node->fieldAtRow(r).verdicts[c]);
        for (const auto &child : node->children)
            v = combine(v, verdict(child.get(), column));
        return v;
    }
    case NodeType::Field:
        return node->fieldEntry().verdicts[c];
    default:
        break;
    }
    return Verdict::NotChecked;
}

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString containerTypeText(K8s::ContainerType t)
{
    switch (t) {
    case K8s::ContainerType::Init:
        return WorkloadTreeModel::tr("init container");
    case K8s::ContainerType::Ephemeral:
        return WorkloadTreeModel::tr("ephemeral container");
    case K8s::ContainerType::Regular:
        break;
    }
    return WorkloadTreeModel::tr("container");
}

} // namespace

QVariant WorkloadTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Row row = rowAt(index);
    const Node *n = row.get();
    if (!n->snap)
        return {};
    const WorkspaceSnapshot *snapshot = n->snap;
    const int column = index.column();
    if (isChecklistNode(n))
        return checklistData(n, index, role);
    if ((column == ChecklistColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) ||
        role == SeverityRole)
        return checklistSummary(n, role);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (column == NameColumn) {
            switch (n->type) {
            case NodeType::Root:
                return rootName(*rootAt(index));
            case NodeType::Namespace:
                return q(snapshot->namespaces[static_cast<std::size_t>(n->ns)].name);
            case NodeType::Workload: {
                const auto *w = workloadAt(index);
                return QString(q(w->id().kind) + QLatin1Char(' ') +
                               (w->id().name.empty() ? tr("(unnamed)") : q(w->id().name)));
            }
            case NodeType::Container: {
                const auto *c = containerAt(index);
                return QString(containerTypeText(c->type) + QLatin1Char(' ') + q(c->name));
            }
            case NodeType::Field: {
                // The path below its container, or below the pod spec / pod metadata.
                const auto *f = fieldAt(index);
                const auto *w = workloadAt(index);
                const auto *c = containerAt(index);
                const std::string_view path = f->path();
                for (const std::string *prefix :
                     {c ? &c->path : &w->id().podSpecPath, &w->id().podMetadataPath}) {
                    if (path.size() > prefix->size() + 1 &&
                        path.compare(0, prefix->size(), *prefix) == 0 &&
                        path[prefix->size()] == '.')
                        return q(path.substr(prefix->size() + 1));
                }
                return q(path);
            }
            default:
                break;
            }
        }
        if (column == KindColumn) {
            if (n->type == NodeType::Namespace)
                return QStringLiteral("Namespace");
            if (n->type == NodeType::Workload)
                return q(workloadAt(index)->id().kind);
            return {};
        }
        if (column == ValueColumn && n->type == NodeType::Namespace)
            return QString::fromStdString(n->text);
        if (column == ValueColumn && n->type == NodeType::Root)
            return rootState(*rootAt(index));
        if (column == ValueColumn && n->type == NodeType::Field) {
            const auto *f = fieldAt(index);
            return f->present() ? q(f->value()) : tr("(not set)");
        }
        if (column == ValueColumn && n->type == NodeType::Workload) {
            const auto *w = workloadAt(index);
            const std::string &path = snapshot->files[static_cast<std::size_t>(w->file)].path;
            if (path.rfind("cluster:", 0) == 0)
                return tr("from the cluster"); // its page and line are nowhere but here
            const auto slash = path.find_last_of('/');
            return QStringLiteral("%1:%2")
                .arg(q(slash == std::string::npos ? path : path.substr(slash + 1)))
                .arg(w->id().line);
        }
        if (column >= BaselineColumn)
            return QString::fromLatin1(verdictName(verdict(n, column)));
        return {};
    case VerdictRole:
        if (column >= BaselineColumn)
            return static_cast<int>(verdict(n, column));
        return {};
    case AnyFailRole:
        for (int c = BaselineColumn; showsPss() && c < ColumnCountValue; ++c) {
            if (verdict(n, c) == Verdict::Fail || verdict(n, c) == Verdict::PodsRejected)
                return true;
        }
        return false;
    case NodeTypeRole:
        return static_cast<int>(n->type);
    case KeyRole: {
        QString key = q(n->fullKey());
        for (const Node *p = n->parent; p && p != m_root.get(); p = p->parent)
            key = q(p->fullKey()) + QLatin1Char('|') + key;
        return key;
    }
    case FileIndexRole:
        if (const auto *r = rootAt(index))
            return r->rendered ? r->file : -1;
        if (n->type == NodeType::Namespace) // its Namespace object, when declared
            return snapshot->namespaces[static_cast<std::size_t>(n->ns)].file;
        return n->workload < 0 ? -1 : workloadAt(index)->file;
    case OffsetRole:
    case EndOffsetRole:
    case ColumnRole:
    case LineRole: {
        quint32 offset = 0, end = 0, line = 0;
        if (const auto *f = fieldAt(index)) {
            offset = f->offset();
            end = f->endOffset();
            line = f->line();
        } else if (const auto *c = containerAt(index)) {
            line = c->line;
            const auto &fields = workloadAt(index)->fieldsOf(*c);
            offset = fields.empty() ? 0 : fields.front().offset();
        } else if (const auto *w = workloadAt(index)) {
            offset = w->id().offset;
            end = w->id().endOffset;
            line = w->id().line;
        } else if (n->type == NodeType::Namespace) {
            const auto &ns = snapshot->namespaces[static_cast<std::size_t>(n->ns)];
            offset = ns.offset;
            end = ns.endOffset;
            line = ns.file >= 0 ? ns.line : 0;
        }
        if (role == ColumnRole)
            return quint32(fieldAt(index) ? fieldAt(index)->column() : 1);
        return role == OffsetRole      ? QVariant(offset)
               : role == EndOffsetRole ? QVariant(end)
                                       : QVariant(line);
    }
    case ChipsRole:
        if (n->type != NodeType::Namespace)
            return {};
        return namespaceChips(snapshot->namespaces[static_cast<std::size_t>(n->ns)],
                              snapshot->forcedLevel.has_value());
    case SearchTextRole:
        return q(searchText(n));
    default:
        return {};
    }
}

QVariant WorkloadTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case ValueColumn:
        return tr("Value");
    case BaselineColumn:
        return tr("Baseline");
    case RestrictedColumn:
        return tr("Restricted");
    case EnforceColumn:
        return tr("Enforce");
    case AuditColumn:
        return tr("Audit");
    case WarnColumn:
        return tr("Warn");
    case ChecklistColumn:
        return tr("Checklist");
    default:
        return {};
    }
}

QModelIndex WorkloadTreeModel::indexForKey(const QString &key) const
{
    // Keys are chains of per-level keys joined by '|': descend one level at a time.
    const Node *node = m_root.get();
    const QStringList parts = key.split(QLatin1Char('|'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const std::string k = parts[i].toStdString();
        // A field row ends the chain.
        for (int r = 0; i + 1 == parts.size() &&
                        (k.rfind("f:", 0) == 0 || k.rfind("kf:", 0) == 0) && r < node->fields;
             ++r) {
            if (Row(node, r)->fullKey() == k)
                return index(r, 0, indexOf(const_cast<Node *>(node)));
        }
        const Node *next = nullptr;
        for (const auto &child : node->children) {
            if (child->fullKey() == k) {
                next = child.get();
                break;
            }
        }
        if (!next)
            return {};
        node = next;
    }
    return indexOf(const_cast<Node *>(node));
}

} // namespace PodSec::Ui
