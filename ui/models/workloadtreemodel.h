// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <QAbstractItemModel>

#include <cstdint>
#include <memory>

namespace PodSec::Ui {

/// Kustomize and Helm roots → their rendered workloads, then
/// namespaces → workloads → pod-level fields and containers → container fields, over one
/// immutable WorkspaceSnapshot. Raw data only: verdicts come out as VerdictRole, and the
/// BadgeProxyModel turns them into icons and translated text. setSnapshot() updates in place (rows
/// inserted/removed/changed by stable keys), so expansion and selection survive a re-evaluation.
class WorkloadTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    // Unscoped on purpose: roles and columns are used as ints throughout Qt's API.
    enum Columns {
        NameColumn,
        KindColumn, ///< the object's kind (Namespace for namespace rows); hidden at will
        ValueColumn,
        BaselineColumn,
        RestrictedColumn,
        EnforceColumn,
        AuditColumn,
        WarnColumn,
        ChecklistColumn, ///< the worst checklist severity of the row (rule set "checklist")
        ColumnCountValue
    };
    enum Roles {
        VerdictRole = Qt::UserRole + 1, ///< int(PodSec::Verdict) of a verdict column
        NodeTypeRole,                   ///< int(NodeType)
        FileIndexRole,                  ///< index into snapshot files, -1 for namespaces
        OffsetRole,                     ///< byte offset of the item's source
        EndOffsetRole,
        LineRole,
        SearchTextRole, ///< names, paths, values and reasons, for filtering
        ChipsRole,      ///< QStringList: "enforce=restricted:latest", "audit=x (invalid) !", ...
        KeyRole,        ///< stable identity across snapshots
        AnyFailRole,    ///< bool: some verdict column fails
        SeverityRole,   ///< int(Engine::Severity): the row's worst checklist finding, or -1
        ColumnRole,     ///< 1-based column of the item's source
        RuleIdRole,     ///< the checklist rule of a Finding or FindingField row
    };
    /// Root: a Kustomize or Helm root, above the objects of its rendering. Finding: a
    /// failing checklist finding (under its workload, namespace or object); FindingField: a
    /// field it inspected; Object: a Secret, ConfigMap, Service... with findings;
    /// ClusterScope: the group of cluster-scoped objects with findings (PodSecurityPolicy).
    enum class NodeType {
        Namespace,
        Workload,
        Container,
        Field,
        Root,
        Finding,
        FindingField,
        Object,
        ClusterScope
    };
    /// Which rule sets the tree shows (the policy bar's selector).
    enum class RuleSets { PodSecurity, Checklist, Both };

    explicit WorkloadTreeModel(QObject *parent = nullptr);
    ~WorkloadTreeModel() override;

    /// Updates in place (rows inserted, removed and changed by stable keys) unless more than
    /// MaxInPlaceChanges rows would be inserted, removed or changed; then the model is reset.
    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    std::shared_ptr<const WorkspaceSnapshot> snapshot() const { return m_snapshot; }

    /// The snapshot entries behind an index (nullptr when not of that type).
    const NamespaceEntry *namespaceAt(const QModelIndex &index) const;
    const RootEntry *rootAt(const QModelIndex &index) const;
    const WorkloadEntry *workloadAt(const QModelIndex &index) const;
    const ContainerEntry *containerAt(const QModelIndex &index) const;
    const FieldEntry *fieldAt(const QModelIndex &index) const;
    /// A checklist finding row (or the finding of a FindingField row), and the field of a
    /// FindingField row.
    const Engine::Finding *findingAt(const QModelIndex &index) const;
    const Policy::InspectedField *findingFieldAt(const QModelIndex &index) const;
    /// The object of an Object row, or the object a finding row belongs to.
    const ObjectEntry *objectAt(const QModelIndex &index) const;
    /// The workload or namespace a finding row belongs to (nullptr otherwise).
    const WorkloadEntry *findingWorkloadAt(const QModelIndex &index) const;
    const NamespaceEntry *findingNamespaceAt(const QModelIndex &index) const;

    /// Which rule sets are shown: PodSecurity hides checklist rows, Checklist hides the
    /// Pod Security fields and containers (the columns are the view's business).
    void setRuleSets(RuleSets sets);
    RuleSets ruleSets() const { return m_ruleSets; }
    bool showsPss() const { return m_ruleSets != RuleSets::Checklist; }
    bool showsChecklist() const { return m_ruleSets != RuleSets::PodSecurity; }
    QModelIndex indexForKey(const QString &key) const;
    /// Filter support without QModelIndex overhead: every word (lower-case) occurs in the
    /// row's text or an ancestor's; with onlyFailing, some verdict of the row fails.
    bool rowMatches(const QModelIndex &index, const std::vector<std::string> &words,
                    bool onlyFailing) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The tree's node and row (workloadtreenode.h), for the model's own source files only.
    struct Node;
    class Row;
    /// How many nodes of all models' trees live now, and the most that lived at once since
    /// the last restart: an update holds the tree shown and at most a batch of the next one
    /// (tests check it; no field row has a node).
    struct NodeCount
    {
        std::size_t live = 0, peak = 0;
    };
    static NodeCount nodeCount(bool restartPeak = false);
    static void noteNodeMade();
    static void noteNodeGone();

private:
    /// The tree of a snapshot. Not deep: each top-level workload is a row alone, its rows
    /// below still to be built (Node::pending; fillWorkload).
    std::unique_ptr<Node> buildTree(const WorkspaceSnapshot &s, bool deep = true) const;
    /// A workload's row; deep: with its rows and those of the workloads it controls
    /// (thread-safe: reads only).
    std::unique_ptr<Node> workloadTree(const WorkspaceSnapshot &s, int n, int w, bool deep) const;
    /// Builds the rows below a pending workload row (thread-safe for distinct rows).
    void fillWorkload(Node *wNode) const;
    /// Fills the pending rows among nodes[first...] (at most FillBatch of them) in parallel.
    void fillSome(const std::vector<std::unique_ptr<Node>> &nodes, std::size_t first) const;
    /// Fills every pending row at or below node in parallel.
    void fillAll(Node *node) const;
    /// How many top-level workloads an update builds at once, compares and drops: the tree
    /// shown and a whole second tree never live together (issue #19).
    static constexpr std::size_t FillBatch = 256;
    void reconcile(Node *oldParent, Node *newParent, const QModelIndex &parentIndex);
    /// Counts rows an in-place update would insert, remove or change; false once over budget.
    /// Pending rows of the new tree are filled for the count and emptied again.
    bool countChanges(const Node *oldParent, Node *newParent, int &budget) const;
    static constexpr int MaxInPlaceChanges = 2000;
    /// The node of a row with one (the root for an invalid index); nullptr for a field row.
    Node *nodeAt(const QModelIndex &index) const;
    /// Any row (index valid).
    Row rowAt(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;
    /// Reconciles a node's field rows and takes the new node's snapshot references.
    void reconcileFields(Node *oldNode, const Node *newNode, const QModelIndex &index);
    /// dataChanged for the rows (sorted) below parentIndex, in contiguous ranges.
    void emitChanged(const QModelIndex &parentIndex, const std::vector<int> &rows);
    Verdict verdict(const Node *node, int column) const;
    /// The row's filter text (SearchTextRole; filtertext.h), and whether it holds word
    /// (lower-case, without spaces) or equals another row's, without making it.
    static std::string searchText(const Node *node);
    static bool textHas(const Node *node, std::string_view word);
    static bool sameSearchText(const Node *a, const Node *b);
    static bool sameData(const Node *a, const Node *b);
    // Checklist rows (checklistrows.cpp).
    void addWorkloadFindings(Node *workload) const;
    void addNamespaceChecklist(Node *ns) const;
    void addClusterScoped(Node *root, const WorkspaceSnapshot &s) const;
    static bool isChecklistNode(const Node *node);
    static bool sameChecklistData(const Node *a, const Node *b);
    static int worstSeverity(const Node *node);
    QVariant checklistData(const Node *node, const QModelIndex &index, int role) const;
    QVariant checklistSummary(const Node *node, int role) const;

    /// Whether the text of workload, container or finding node n holds words[i], remembered
    /// for the last few nodes asked: the filter asks again for each of their field rows, and
    /// a cluster's Pod row has its ReplicaSet and Deployment above it (their texts are read
    /// in pieces from the snapshot, further away in memory than the row).
    bool rememberedTextHas(const Node *n, const std::vector<std::string> &words,
                           std::size_t i) const;

    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
    std::unique_ptr<Node> m_root;
    RuleSets m_ruleSets = RuleSets::Both;
    /// Moves on with every change this model signals (connected first, so before any view
    /// or proxy hears of it): a remembered answer about a node is only good within one.
    quint64 m_generation = 1;
    struct WorkloadMatch
    {
        const Node *node = nullptr;
        std::uint64_t known = 0, found = 0; ///< bit i: words[i] (the first 64 words)
    };
    struct WorkloadMatches
    {
        quint64 generation = 0;
        std::vector<std::string> words;
        WorkloadMatch last[8];
        std::size_t next = 0; ///< the entry to replace
    };
    mutable WorkloadMatches m_lastWorkloads;
};

} // namespace PodSec::Ui
