// SPDX-License-Identifier: Apache-2.0
// The tree's node, private to WorkloadTreeModel (workloadtreemodel.cpp, checklistrows.cpp).
#pragma once

#include "workloadtreemodel.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Ui {

/// Texts of unchanged workloads are shared between snapshots' indexes: no need to compare.
inline bool sameText(std::string_view a, std::string_view b)
{
    return (a.data() == b.data() && a.size() == b.size()) || a == b;
}

struct WorkloadTreeModel::Node
{
    Node() { noteNodeMade(); }
    /// A field row's node made on demand (Row): not one of a tree's, so not counted.
    struct OfRow
    {};
    explicit Node(OfRow) : counted(false) {}
    ~Node()
    {
        if (counted)
            noteNodeGone();
    }
    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;

    NodeType type = NodeType::Namespace;
    Node *parent = nullptr;
    /// Place among the parent's children; the row views see is parent->fields + row.
    int row = 0;
    /// A workload's pod-level and a container's field rows, and the field rows of a
    /// workload's checklist finding, shown before its children. They
    /// have no node of their own (issue #19: 10,000 workloads have 550,000 of them): their
    /// QModelIndex carries this node, tagged, and their row, and Row makes a node for them
    /// on demand. fieldMap, set only while an update moves them, gives each row's index
    /// into the field list; the row itself otherwise.
    int fields = 0;
    std::unique_ptr<std::vector<int>> fieldMap;
    std::string key;
    /// The snapshot the indices below refer to. During an update old
    /// rows still point at the previous snapshot (kept alive until the update is done), so
    /// views that ask for data while rows are being removed or inserted always get
    /// consistent answers.
    const WorkspaceSnapshot *snap = nullptr;
    int root = -1;      // index into snapshot roots (Root nodes)
    int ns = -1;        // index into snapshot namespaces
    int workload = -1;  // index into snapshot workloads
    int container = -1; // index into the workload's containers, -1 for pod level
    int field = -1;     // index into the owning field list
    // Checklist rows: a finding belongs to a workload (owner), else an object, else the
    // namespace ns.
    int owner = -1;        // index into snapshot workloads
    int object = -1;       // index into snapshot objects
    int finding = -1;      // index into the owner's checklist
    int findingField = -1; // index into the finding's fields
    // Objects' and namespaces' checklist rows: their lower-case filter text (a workload's
    // findings have none: filtertext.h); namespace rows: their Value column
    // (namespaceSummary). One string for both keeps 650k rows 21 MB smaller (issue #19).
    std::string text;
    std::vector<std::unique_ptr<Node>> children;
    /// A workload row of a tree being compared with the shown one, whose rows below are not
    /// built yet (WorkloadTreeModel::fillWorkload); never in the tree views see.
    bool pending = false;
    bool counted = true; ///< in nodeCount()
    /// Drops a filled workload row's rows below, making it pending again.
    void dropRows()
    {
        children.clear();
        fields = 0;
        pending = true;
    }

    /// The field list whose entries this workload or container node shows as field rows.
    const std::vector<FieldEntry> &fieldList() const
    {
        const auto &w = snap->workloads[static_cast<std::size_t>(workload)];
        return container < 0 ? w.podFields : w.fieldsOf(static_cast<std::size_t>(container));
    }
    /// The index into fieldList() of field row r.
    int fieldIndex(int r) const { return fieldMap ? (*fieldMap)[static_cast<std::size_t>(r)] : r; }
    /// The field of field row r.
    const FieldEntry &fieldAtRow(int r) const
    {
        return fieldList()[static_cast<std::size_t>(fieldIndex(r))];
    }
    /// The checklist finding of a Finding or FindingField row of a workload (owner set).
    const Engine::Finding &ownedFinding() const
    {
        return snap->workloads[static_cast<std::size_t>(owner)]
            .id()
            .checklist[static_cast<std::size_t>(finding)];
    }
    /// The key of field row r among its siblings: its path.
    std::string_view rowKey(int r) const
    {
        if (type == NodeType::Finding)
            return ownedFinding().fields[static_cast<std::size_t>(fieldIndex(r))].path;
        return fieldAtRow(r).path();
    }
    /// The row views see.
    int visibleRow() const { return parent ? parent->fields + row : row; }

    /// A field row's field in its snapshot (type Field, snap set).
    const FieldEntry &fieldEntry() const { return fieldList()[static_cast<std::size_t>(field)]; }
    /// The row's key among its siblings. A field row's is its field's path in its snapshot
    /// (KeyRole shows it as "f:" and the path): 550,000 field rows at 10,000 workloads keep
    /// no key of their own. A field path never starts as the other rows' keys do ("w:",
    /// "c:", "k:"...), so the two kinds cannot match.
    std::string_view keyView() const
    {
        if (type == NodeType::Field && snap)
            return fieldEntry().path();
        if (type == NodeType::FindingField && key.empty() && snap)
            return ownedFinding().fields[static_cast<std::size_t>(findingField)].path;
        return key;
    }
    /// The key as KeyRole shows it and indexForKey reads it.
    std::string fullKey() const
    {
        if (type == NodeType::Field && snap)
            return "f:" + std::string(keyView());
        if (type == NodeType::FindingField && key.empty() && snap)
            return "kf:" + std::to_string(findingField) + ':' + std::string(keyView());
        return key;
    }

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
    void renumber(std::size_t from = 0)
    {
        for (std::size_t i = from; i < children.size(); ++i) {
            children[i]->row = static_cast<int>(i);
            children[i]->parent = this;
        }
    }
    /// Takes the snapshot references of n (the same row in a newer snapshot).
    void takeIndices(const Node &n)
    {
        snap = n.snap;
        root = n.root;
        ns = n.ns;
        workload = n.workload;
        container = n.container;
        field = n.field;
        owner = n.owner;
        object = n.object;
        finding = n.finding;
        findingField = n.findingField;
        text = n.text;
    }
};

/// A row of the tree as the model's code reads it: a node of its own, or a field row made
/// on demand from its parent (a value, valid while the parent is not changed).
class WorkloadTreeModel::Row
{
public:
    explicit Row(const Node *node) : m_node(node) {}
    /// Field row r of parent (a workload, container or finding node, r < parent->fields).
    Row(const Node *parent, int r)
    {
        m_field.parent = const_cast<Node *>(parent);
        m_field.row = r - parent->fields; // visibleRow() gives r back
        m_field.snap = parent->snap;
        m_field.ns = parent->ns;
        m_field.workload = parent->workload;
        m_field.container = parent->container;
        if (parent->type == NodeType::Finding) {
            m_field.type = NodeType::FindingField;
            m_field.owner = parent->owner;
            m_field.object = parent->object;
            m_field.finding = parent->finding;
            m_field.findingField = parent->fieldIndex(r);
        } else {
            m_field.type = NodeType::Field;
            m_field.field = parent->fieldIndex(r);
        }
    }
    const Node *get() const { return m_node ? m_node : &m_field; }
    const Node *operator->() const { return get(); }
    bool isField() const { return !m_node; }

private:
    const Node *m_node = nullptr;
    Node m_field{Node::OfRow{}};
};

} // namespace PodSec::Ui
