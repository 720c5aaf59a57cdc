// SPDX-License-Identifier: Apache-2.0
// WorkloadTreeModel's checklist rows (spec/checklist.md): a workload's failing findings
// and the fields they inspected, a namespace's findings, and the objects of other kinds
// (Secret, ConfigMap, Service, ...) that carry findings. Values hidden by the rules (a
// Secret's, a credential key's) come out as "null" from the engine and are never shown.
#include "filtertext.h"
#include "severitybadge.h"
#include "workloadtreenode.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace PodSec::Ui {

namespace {

using Node = WorkloadTreeModel::Node;
using NodeType = WorkloadTreeModel::NodeType;

std::string lower(std::string s)
{
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// The findings a Finding or FindingField row indexes into.
const std::vector<Engine::Finding> *findingsOf(const Node *n)
{
    if (!n->snap)
        return nullptr;
    if (n->owner >= 0)
        return &n->snap->workloads[std::size_t(n->owner)].id().checklist.list();
    if (n->object >= 0)
        return &n->snap->objects[std::size_t(n->object)].checklist;
    if (n->ns >= 0)
        return &n->snap->namespaces[std::size_t(n->ns)].checklist;
    return nullptr;
}

const Engine::Finding *findingOf(const Node *n)
{
    if (n->type != NodeType::Finding && n->type != NodeType::FindingField)
        return nullptr;
    const auto *all = findingsOf(n);
    return all && n->finding >= 0 && std::size_t(n->finding) < all->size()
               ? &(*all)[std::size_t(n->finding)]
               : nullptr;
}

struct Summary
{
    int worst = -1; ///< int(Severity), lower is worse
    int count = 0;
    void add(const std::vector<Engine::Finding> &findings)
    {
        for (const auto &f : findings) {
            const int s = int(f.severity());
            worst = worst < 0 ? s : std::min(worst, s);
            ++count;
        }
    }
};

Summary summaryOf(const Node *n)
{
    Summary sum;
    if (!n->snap)
        return sum;
    const auto &s = *n->snap;
    switch (n->type) {
    case NodeType::Workload:
        sum.add(s.workloads[std::size_t(n->workload)].id().checklist);
        break;
    case NodeType::Namespace: {
        const auto &ns = s.namespaces[std::size_t(n->ns)];
        sum.add(ns.checklist);
        for (int w : ns.workloads)
            sum.add(s.workloads[std::size_t(w)].id().checklist);
        for (int o : ns.objects)
            sum.add(s.objects[std::size_t(o)].checklist);
        break;
    }
    case NodeType::Object:
        sum.add(s.objects[std::size_t(n->object)].checklist);
        break;
    case NodeType::ClusterScope:
        for (const auto &o : s.objects) {
            if (o.namespaceName.empty())
                sum.add(o.checklist);
        }
        break;
    case NodeType::Finding:
        if (const auto *f = findingOf(n)) {
            sum.worst = int(f->severity());
            sum.count = 1;
        }
        break;
    case NodeType::FindingField: {
        const auto *f = findingOf(n);
        if (f && n->findingField >= 0 && !f->fields[std::size_t(n->findingField)].allowed) {
            sum.worst = int(f->severity());
            sum.count = 1;
        }
        break;
    }
    default:
        break;
    }
    return sum;
}

int fileIndex(const WorkspaceSnapshot &s, const std::string &path)
{
    for (std::size_t i = 0; i < s.files.size(); ++i) {
        if (s.files[i].path == path)
            return int(i);
    }
    return -1;
}

/// Where a row opens in the editor.
struct Place
{
    int file = -1;
    quint32 offset = 0, end = 0, line = 0, column = 1;
};

/// The Namespace object of ns: its file, at the line that names it (line 1 when no line
/// does, such as a JSON file on one line).
Place namespacePlace(const WorkspaceSnapshot &s, const std::string &ns)
{
    Place p;
    if (!s.facts)
        return p;
    const auto it = s.facts->namespaces.find(ns);
    if (it == s.facts->namespaces.end() || it->second.source.empty())
        return p;
    p.file = fileIndex(s, it->second.source);
    if (p.file < 0)
        return p;
    p.line = 1;
    const std::string &text = s.files[std::size_t(p.file)].text();
    const std::string names[] = {"name: " + ns, "name: \"" + ns + '"', "name: '" + ns + '\'',
                                 "\"name\": \"" + ns + '"'};
    std::size_t start = 0;
    for (quint32 line = 1; start < text.size(); ++line) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string_view l(text.data() + start, end - start);
        while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == ','))
            l.remove_suffix(1);
        for (const auto &n : names) {
            if (l.size() >= n.size() && l.substr(l.size() - n.size()) == n) {
                p.line = line;
                p.offset = quint32(start);
                p.end = quint32(end);
                return p;
            }
        }
        start = end + 1;
    }
    return p;
}

Place ownerPlace(const Node *n)
{
    Place p;
    const auto &s = *n->snap;
    if (n->owner >= 0) {
        const auto &w = s.workloads[std::size_t(n->owner)];
        return {w.file, w.id().offset, w.id().endOffset, w.id().line, w.id().column};
    }
    if (n->object >= 0) {
        const auto &o = s.objects[std::size_t(n->object)];
        return {o.file, o.offset, o.endOffset, o.line, o.column};
    }
    if (n->ns >= 0)
        return namespacePlace(s, s.namespaces[std::size_t(n->ns)].name);
    return p;
}

Place fieldPlace(const Node *n, const Policy::InspectedField &f)
{
    const Place owner = ownerPlace(n);
    const int file = f.file.empty() ? owner.file : fileIndex(*n->snap, f.file);
    if (file < 0)
        return owner; // a rendered field's origin outside the workspace
    return {file, f.offset, f.endOffset, f.line, f.column};
}

Place placeOf(const Node *n)
{
    if (!n->snap)
        return {};
    if (n->type == NodeType::Object)
        return ownerPlace(n);
    const auto *f = findingOf(n);
    if (!f)
        return {};
    if (n->type == NodeType::FindingField)
        return fieldPlace(n, f->fields[std::size_t(n->findingField)]);
    for (const auto &field : f->fields) {
        if (!field.allowed)
            return fieldPlace(n, field);
    }
    return f->fields.empty() ? ownerPlace(n) : fieldPlace(n, f->fields.front());
}

/// A field's value as shown: values the rules hide (Secret data, credential keys) are
/// never shown, only said to be hidden.
QString fieldValue(const Policy::InspectedField &f)
{
    if (!f.present)
        return WorkloadTreeModel::tr("(not set)");
    if (f.value == "null")
        return WorkloadTreeModel::tr("(value not shown)");
    return q(f.value);
}

} // namespace

bool WorkloadTreeModel::isChecklistNode(const Node *node)
{
    switch (node->type) {
    case NodeType::Finding:
    case NodeType::FindingField:
    case NodeType::Object:
    case NodeType::ClusterScope:
        return true;
    default:
        return false;
    }
}

namespace {

void addFindings(Node *parent, const std::vector<Engine::Finding> &findings, int owner, int object)
{
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto &f = findings[i];
        auto node = std::make_unique<Node>();
        node->type = NodeType::Finding;
        node->snap = parent->snap;
        node->ns = parent->ns;
        node->owner = owner;
        node->object = object;
        node->finding = int(i);
        const std::string id(f.rule ? f.rule->id : std::string_view());
        node->key = "k:" + id;
        // A workload's findings are matched in their own strings (filtertext.h), and their
        // field rows have no nodes (workloadtreenode.h).
        if (owner >= 0) {
            node->fields = int(f.fields.size());
            parent->add(std::move(node));
            continue;
        }
        node->text = findingText(f); // the few rows of other objects keep theirs
        for (std::size_t j = 0; j < f.fields.size(); ++j) {
            auto field = std::make_unique<Node>();
            field->type = NodeType::FindingField;
            field->snap = parent->snap;
            field->ns = parent->ns;
            field->owner = owner;
            field->object = object;
            field->finding = int(i);
            field->findingField = int(j);
            field->key = "kf:" + std::to_string(j) + ':' + f.fields[j].path;
            field->text = findingFieldText(f.fields[j]);
            node->add(std::move(field));
        }
        parent->add(std::move(node));
    }
}

std::unique_ptr<Node> objectNode(const Node *parent, int o)
{
    const auto &object = parent->snap->objects[std::size_t(o)];
    auto node = std::make_unique<Node>();
    node->type = NodeType::Object;
    node->snap = parent->snap;
    node->ns = parent->ns;
    node->object = o;
    node->key = "o:" + object.kind + '/' + object.name + '#' + std::to_string(object.file) + ':' +
                std::to_string(object.document) + ':' + std::to_string(object.item);
    node->text = lower(object.kind + ' ' + object.name);
    addFindings(node.get(), object.checklist, -1, o);
    return node;
}

} // namespace

void WorkloadTreeModel::addWorkloadFindings(Node *workload) const
{
    if (!showsChecklist() || !workload->snap)
        return;
    addFindings(workload, workload->snap->workloads[std::size_t(workload->workload)].id().checklist,
                workload->workload, -1);
}

void WorkloadTreeModel::addNamespaceChecklist(Node *ns) const
{
    if (!showsChecklist() || !ns->snap)
        return;
    const auto &entry = ns->snap->namespaces[std::size_t(ns->ns)];
    addFindings(ns, entry.checklist, -1, -1);
    for (int o : entry.objects)
        ns->add(objectNode(ns, o));
}

void WorkloadTreeModel::addClusterScoped(Node *root, const WorkspaceSnapshot &s) const
{
    if (!showsChecklist())
        return;
    auto group = std::make_unique<Node>();
    group->type = NodeType::ClusterScope;
    group->snap = &s;
    group->key = "cluster-scoped";
    group->text = lower(tr("Cluster-scoped objects").toStdString());
    for (std::size_t o = 0; o < s.objects.size(); ++o) {
        if (s.objects[o].namespaceName.empty() && !s.objects[o].kind.empty())
            group->add(objectNode(group.get(), int(o)));
    }
    if (!group->children.empty())
        root->add(std::move(group));
}

int WorkloadTreeModel::worstSeverity(const Node *node)
{
    return summaryOf(node).worst;
}

bool WorkloadTreeModel::sameChecklistData(const Node *a, const Node *b)
{
    const Summary x = summaryOf(a), y = summaryOf(b);
    if (x.worst != y.worst || x.count != y.count || !sameSearchText(a, b))
        return false;
    if (a->type == NodeType::Workload) {
        const auto &p = a->snap->workloads[std::size_t(a->workload)].id().checklist;
        const auto &r = b->snap->workloads[std::size_t(b->workload)].id().checklist;
        return std::equal(p.begin(), p.end(), r.begin(), r.end(), [](const auto &f, const auto &g) {
            return f.rule == g.rule && f.reason == g.reason && f.detail == g.detail;
        });
    }
    if (a->type == NodeType::FindingField || a->type == NodeType::Object)
        return placeOf(a).line == placeOf(b).line;
    return true;
}

QVariant WorkloadTreeModel::checklistSummary(const Node *node, int role) const
{
    const Summary sum = summaryOf(node);
    if (role == SeverityRole)
        return sum.worst;
    if (sum.worst < 0 || !showsChecklist())
        return {};
    const auto severity = Engine::Severity(sum.worst);
    if (role == Qt::DisplayRole)
        return sum.count > 1 || node->type != NodeType::Finding
                   ? QStringLiteral("%1 (%2)").arg(SeverityBadge::text(severity)).arg(sum.count)
                   : SeverityBadge::text(severity);
    if (role == Qt::ToolTipRole)
        return tr("%n checklist finding(s); the most severe: %1", nullptr, sum.count)
            .arg(SeverityBadge::text(severity));
    return {};
}

QVariant WorkloadTreeModel::checklistData(const Node *n, const QModelIndex &index, int role) const
{
    const int column = index.column();
    const auto *finding = findingOf(n);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (column == ChecklistColumn) {
            if (n->type == NodeType::Finding || n->type == NodeType::FindingField) {
                const int worst = worstSeverity(n);
                return worst < 0 ? QVariant() : SeverityBadge::text(Engine::Severity(worst));
            }
            return checklistSummary(n, role);
        }
        if (column == NameColumn) {
            switch (n->type) {
            case NodeType::Finding:
                return finding && finding->rule ? q(std::string(finding->rule->id)) : QString();
            case NodeType::FindingField:
                return q(finding->fields[std::size_t(n->findingField)].path);
            case NodeType::Object: {
                const auto &o = n->snap->objects[std::size_t(n->object)];
                return QString(q(o.kind) + QLatin1Char(' ') + q(o.name));
            }
            case NodeType::ClusterScope:
                return tr("Cluster-scoped objects");
            default:
                return {};
            }
        }
        if (column == KindColumn)
            return n->type == NodeType::Object ? q(n->snap->objects[std::size_t(n->object)].kind)
                                               : QVariant();
        if (column == ValueColumn) {
            if (n->type == NodeType::Finding && finding)
                return role == Qt::ToolTipRole ? q(finding->detail) : q(finding->reason);
            if (n->type == NodeType::FindingField)
                return fieldValue(finding->fields[std::size_t(n->findingField)]);
            if (n->type == NodeType::Object) {
                const auto &o = n->snap->objects[std::size_t(n->object)];
                const std::string &path = n->snap->files[std::size_t(o.file)].path;
                const auto slash = path.find_last_of('/');
                return QStringLiteral("%1:%2")
                    .arg(q(slash == std::string::npos ? path : path.substr(slash + 1)))
                    .arg(o.line);
            }
        }
        return {};
    case SeverityRole:
        return worstSeverity(n);
    case RuleIdRole:
        return finding && finding->rule ? q(std::string(finding->rule->id)) : QVariant();
    case NodeTypeRole:
        return int(n->type);
    case KeyRole: {
        QString key = q(n->fullKey());
        for (const Node *p = n->parent; p && p->parent; p = p->parent)
            key = q(p->fullKey()) + QLatin1Char('|') + key;
        return key;
    }
    case SearchTextRole:
        return QString::fromStdString(searchText(n));
    case AnyFailRole:
        return false;
    case FileIndexRole:
    case OffsetRole:
    case EndOffsetRole:
    case LineRole:
    case ColumnRole: {
        const Place p = placeOf(n);
        switch (role) {
        case FileIndexRole:
            return p.file;
        case OffsetRole:
            return p.offset;
        case EndOffsetRole:
            return p.end;
        case LineRole:
            return p.line;
        default:
            return p.column;
        }
    }
    default:
        return {};
    }
}

// An invalid index reads as the root row, which has no snapshot: every answer is nullptr.

const Engine::Finding *WorkloadTreeModel::findingAt(const QModelIndex &index) const
{
    return findingOf(rowAt(index).get());
}

const Policy::InspectedField *WorkloadTreeModel::findingFieldAt(const QModelIndex &index) const
{
    const Row n = rowAt(index);
    const auto *f = n->type == NodeType::FindingField ? findingOf(n.get()) : nullptr;
    return f ? &f->fields[std::size_t(n->findingField)] : nullptr;
}

const ObjectEntry *WorkloadTreeModel::objectAt(const QModelIndex &index) const
{
    const Row n = rowAt(index);
    return n->snap && n->object >= 0 ? &n->snap->objects[std::size_t(n->object)] : nullptr;
}

const WorkloadEntry *WorkloadTreeModel::findingWorkloadAt(const QModelIndex &index) const
{
    const Row n = rowAt(index);
    return n->snap && n->owner >= 0 ? &n->snap->workloads[std::size_t(n->owner)] : nullptr;
}

const NamespaceEntry *WorkloadTreeModel::findingNamespaceAt(const QModelIndex &index) const
{
    const Row n = rowAt(index);
    if (!n->snap || !findingOf(n.get()) || n->owner >= 0 || n->object >= 0 || n->ns < 0)
        return nullptr;
    return &n->snap->namespaces[std::size_t(n->ns)];
}

void WorkloadTreeModel::setRuleSets(RuleSets sets)
{
    if (m_ruleSets == sets)
        return;
    beginResetModel();
    m_ruleSets = sets;
    m_root.reset(); // before the new rows are built: two whole trees never live together
    m_root = m_snapshot ? buildTree(*m_snapshot) : std::make_unique<Node>();
    endResetModel();
}

} // namespace PodSec::Ui
