// SPDX-License-Identifier: Apache-2.0
// WorkloadTreeModel's update in place: which rows a new tree changes, and the row moves that
// turn the shown tree into it (workloadtreemodel.cpp builds the trees).
#include "workloadtreemodel.h"

#include "disposal.h"
#include "workloadtreenode.h"

#include "engine/pipeline.h"

#include <algorithm>
#include <atomic>
#include <string_view>
#include <unordered_map>

namespace PodSec::Ui {

namespace {

bool sameKey(const WorkloadTreeModel::Node *a, const WorkloadTreeModel::Node *b)
{
    return a->type == b->type && a->keyView() == b->keyView();
}

/// The same children, key by key in order: what a re-evaluation mostly finds, and then no
/// key needs looking up.
bool sameKeys(const WorkloadTreeModel::Node *a, const WorkloadTreeModel::Node *b)
{
    return a->children.size() == b->children.size() &&
           std::equal(a->children.begin(), a->children.end(), b->children.begin(),
                      [](const auto &x, const auto &y) { return sameKey(x.get(), y.get()); });
}

/// The same field rows, path by path in order.
bool sameFieldKeys(const WorkloadTreeModel::Node *a, const WorkloadTreeModel::Node *b)
{
    if (a->fields != b->fields)
        return false;
    for (int r = 0; r < a->fields; ++r) {
        if (a->rowKey(r) != b->rowKey(r))
            return false;
    }
    return true;
}

/// Which old rows an update keeps: those whose keys appear among the new ones in increasing
/// order. For each old row, its position among the new ones, or -1 when it goes.
template <typename OldKey, typename NewKey>
std::vector<int> keptPositions(std::size_t oldCount, OldKey oldKey, std::size_t newCount,
                               NewKey newKey)
{
    std::unordered_map<std::string_view, int> newPos;
    for (std::size_t i = 0; i < newCount; ++i)
        newPos.emplace(newKey(i), static_cast<int>(i));
    std::vector<int> kept(oldCount, -1);
    int last = -1;
    for (std::size_t i = 0; i < oldCount; ++i) {
        const auto it = newPos.find(oldKey(i));
        if (it != newPos.end() && it->second > last)
            last = kept[i] = it->second;
    }
    return kept;
}

std::atomic<std::size_t> liveNodes{0}, peakNodes{0};

} // namespace

WorkloadTreeModel::NodeCount WorkloadTreeModel::nodeCount(bool restartPeak)
{
    NodeCount out{liveNodes.load(), peakNodes.load()};
    if (restartPeak)
        peakNodes = out.live;
    return out;
}

void WorkloadTreeModel::noteNodeMade()
{
    const std::size_t live = ++liveNodes;
    std::size_t peak = peakNodes.load(std::memory_order_relaxed);
    while (live > peak && !peakNodes.compare_exchange_weak(peak, live))
        ;
}

void WorkloadTreeModel::noteNodeGone()
{
    --liveNodes;
}

void WorkloadTreeModel::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot)
{
    if (!m_snapshot) {
        auto newRoot = snapshot ? buildTree(*snapshot) : std::make_unique<Node>();
        beginResetModel();
        m_snapshot = std::move(snapshot);
        auto oldRoot = std::exchange(m_root, std::move(newRoot));
        endResetModel();
        disposeLater(std::move(oldRoot), true);
        return;
    }
    // The new tree's top-level workloads start as rows alone; the rows below them are built
    // a batch at a time, compared (or reconciled) and dropped, so the tree shown and a whole
    // second one never live together (issue #19: 18 MB at 10,000 workloads).
    auto newRoot = snapshot ? buildTree(*snapshot, false) : std::make_unique<Node>();
    // Keep the old snapshot alive until the tree no longer refers to it.
    auto old = std::exchange(m_snapshot, std::move(snapshot));
    // Thousands of inserted, removed or changed rows (a version switch on a large
    // workspace) cost views far more than one reset; views restore expansion and selection
    // by KeyRole. Edits change a few rows and stay in place.
    int budget = MaxInPlaceChanges;
    if (!countChanges(m_root.get(), newRoot.get(), budget)) {
        beginResetModel();
        // The old rows go before the new ones are built.
        m_root = std::move(newRoot);
        fillAll(m_root.get());
        endResetModel();
        releaseFreeMemory();
        return;
    }
    reconcile(m_root.get(), newRoot.get(), QModelIndex());
    disposeLater(std::move(newRoot)); // what is left of it: placeholders and moved-from rows
}

void WorkloadTreeModel::fillSome(const std::vector<std::unique_ptr<Node>> &nodes,
                                 std::size_t first) const
{
    std::vector<Node *> batch;
    for (std::size_t i = first; i < nodes.size() && batch.size() < FillBatch; ++i) {
        if (nodes[i]->pending)
            batch.push_back(nodes[i].get());
    }
    Engine::parallelFor(batch.size(), [&](std::size_t k) { fillWorkload(batch[k]); });
}

void WorkloadTreeModel::fillAll(Node *node) const
{
    // Pending rows sit under the namespaces and the rendered roots; they have no rows below.
    std::vector<Node *> pending;
    const auto collect = [&](const auto &self, Node *n) -> void {
        if (n->pending) {
            pending.push_back(n);
            return;
        }
        for (const auto &child : n->children)
            self(self, child.get());
    };
    collect(collect, node);
    Engine::parallelFor(pending.size(), [&](std::size_t k) { fillWorkload(pending[k]); });
}

bool WorkloadTreeModel::countChanges(const Node *oldParent, Node *newParent, int &budget) const
{
    // Field rows (no nodes): matched by path, in line or looked up.
    if (sameFieldKeys(oldParent, newParent)) {
        for (int r = 0; r < newParent->fields; ++r) {
            if (!sameData(Row(oldParent, r).get(), Row(newParent, r).get()) && --budget < 0)
                return false;
        }
    } else {
        std::unordered_map<std::string_view, int> oldRows;
        for (int r = 0; r < oldParent->fields; ++r)
            oldRows.emplace(oldParent->rowKey(r), r);
        for (int r = 0; r < newParent->fields; ++r) {
            const auto it = oldRows.find(newParent->rowKey(r));
            if ((it == oldRows.end() ||
                 !sameData(Row(oldParent, it->second).get(), Row(newParent, r).get())) &&
                --budget < 0)
                return false;
            if (it != oldRows.end())
                oldRows.erase(it);
        }
        budget -= static_cast<int>(oldRows.size());
        if (budget < 0)
            return false;
    }
    // Each new child's old counterpart: at the same position when the keys line up, else
    // looked up by key.
    const bool aligned = sameKeys(oldParent, newParent);
    std::unordered_map<std::string_view, const Node *> oldByKey;
    for (std::size_t i = 0; !aligned && i < oldParent->children.size(); ++i)
        oldByKey.emplace(oldParent->children[i]->keyView(), oldParent->children[i].get());
    int matched = 0;
    // Pending rows matched with old ones: compared a batch at a time, then dropped again.
    std::vector<std::pair<const Node *, Node *>> batch;
    const auto compareBatch = [&] {
        Engine::parallelFor(batch.size(), [&](std::size_t k) { fillWorkload(batch[k].second); });
        bool within = true;
        for (const auto &[old, c] : batch) {
            within = within && countChanges(old, c, budget);
            c->dropRows();
        }
        batch.clear();
        return within;
    };
    for (std::size_t i = 0; i < newParent->children.size(); ++i) {
        Node *c = newParent->children[i].get();
        const Node *old = nullptr;
        if (aligned) {
            old = oldParent->children[i].get();
        } else if (const auto it = oldByKey.find(c->keyView()); it != oldByKey.end()) {
            old = it->second;
        }
        if (!old) {
            if (--budget < 0)
                return false;
            continue;
        }
        ++matched;
        if (!sameData(old, c) && c->type != NodeType::Container && --budget < 0)
            return false;
        if (c->pending) {
            batch.emplace_back(old, c);
            if (batch.size() == FillBatch && !compareBatch())
                return false;
        } else if (!countChanges(old, c, budget)) {
            return false;
        }
    }
    if (!compareBatch())
        return false;
    budget -= static_cast<int>(oldParent->children.size()) - matched;
    return budget >= 0;
}

void WorkloadTreeModel::reconcileFields(Node *o, const Node *n, const QModelIndex &index)
{
    std::vector<int> changed; // rows (of the new list) whose shown data changed
    if (sameFieldKeys(o, n)) {
        for (int r = 0; r < n->fields; ++r) {
            if (!sameData(Row(o, r).get(), Row(n, r).get()))
                changed.push_back(r);
        }
        o->takeIndices(*n); // the rows read the new snapshot from here
    } else {
        // Keep the old rows whose paths appear in the new list in increasing order; remove
        // the rest (from the end), then insert the new ones. fieldMap tells each row's field
        // meanwhile.
        std::vector<int> target = keptPositions(
            std::size_t(o->fields), [o](std::size_t r) { return o->rowKey(int(r)); },
            std::size_t(n->fields), [n](std::size_t r) { return n->rowKey(int(r)); });
        auto map = std::make_unique<std::vector<int>>();
        for (int r = 0; r < o->fields; ++r)
            map->push_back(o->fieldIndex(r));
        o->fieldMap = std::move(map);
        for (int r = o->fields; r-- > 0;) {
            if (target[std::size_t(r)] >= 0)
                continue;
            int first = r;
            while (first > 0 && target[std::size_t(first) - 1] < 0)
                --first;
            beginRemoveRows(index, first, r);
            o->fieldMap->erase(o->fieldMap->begin() + first, o->fieldMap->begin() + r + 1);
            target.erase(target.begin() + first, target.begin() + r + 1);
            o->fields -= r - first + 1;
            endRemoveRows();
            r = first;
        }
        // The kept rows are the same fields in the new snapshot: switch them over at once.
        for (int r = 0; r < o->fields; ++r) {
            if (!sameData(Row(o, r).get(), Row(n, target[std::size_t(r)]).get()))
                changed.push_back(target[std::size_t(r)]);
        }
        *o->fieldMap = target;
        o->takeIndices(*n);
        for (int r = 0; r < n->fields; ++r) {
            if (r < o->fields && (*o->fieldMap)[std::size_t(r)] == r)
                continue;
            beginInsertRows(index, r, r);
            o->fieldMap->insert(o->fieldMap->begin() + r, r);
            ++o->fields;
            endInsertRows();
        }
        o->fieldMap.reset();
        std::sort(changed.begin(), changed.end());
    }
    emitChanged(index, changed);
}

void WorkloadTreeModel::emitChanged(const QModelIndex &parentIndex, const std::vector<int> &rows)
{
    // Only rows whose shown data changed, as contiguous ranges: a re-evaluation that
    // changes one workload touches a handful of rows, not the whole tree.
    for (std::size_t a = 0; a < rows.size();) {
        std::size_t b = a;
        while (b + 1 < rows.size() && rows[b + 1] == rows[b] + 1)
            ++b;
        Q_EMIT dataChanged(index(rows[a], 0, parentIndex),
                           index(rows[b], ColumnCountValue - 1, parentIndex));
        a = b + 1;
    }
}

void WorkloadTreeModel::reconcile(Node *oldParent, Node *newParent, const QModelIndex &parentIndex)
{
    reconcileFields(oldParent, newParent, parentIndex);
    const int off = oldParent->fields; // the children's rows follow the field rows
    auto &oldKids = oldParent->children;
    auto &newKids = newParent->children;
    std::vector<int> changed;
    // The workloads of a namespace or a rendered root: those of the new tree were pending.
    const bool topLevel = newParent->parent && (newParent->type == NodeType::Namespace ||
                                                newParent->type == NodeType::Root);
    // Keep the old children whose keys appear in the new list in increasing order; remove
    // the rest (from the end, so rows stay valid).
    std::vector<int> kept(oldKids.size(), 0); // all of them when the keys line up
    if (!sameKeys(oldParent, newParent))
        kept = keptPositions(
            oldKids.size(), [&](std::size_t i) { return oldKids[i]->keyView(); }, newKids.size(),
            [&](std::size_t i) { return newKids[i]->keyView(); });
    for (std::size_t i = oldKids.size(); i-- > 0;) {
        if (kept[i] >= 0)
            continue;
        std::size_t first = i;
        while (first > 0 && kept[first - 1] < 0)
            --first;
        beginRemoveRows(parentIndex, off + static_cast<int>(first), off + static_cast<int>(i));
        oldKids.erase(oldKids.begin() + static_cast<long>(first),
                      oldKids.begin() + static_cast<long>(i) + 1);
        oldParent->renumber(first);
        endRemoveRows();
        i = first;
    }
    for (std::size_t i = 0; i < newKids.size(); ++i) {
        // Pending rows are built a batch at a time, and a matched one's rows dropped once
        // reconciled.
        if (newKids[i]->pending)
            fillSome(newKids, i);
        if (i < oldKids.size() && sameKey(oldKids[i].get(), newKids[i].get())) {
            Node *o = oldKids[i].get();
            Node *n = newKids[i].get();
            if (!sameData(o, n))
                changed.push_back(off + static_cast<int>(i));
            reconcile(o, n, index(off + static_cast<int>(i), 0, parentIndex)); // takes n's indices
            if (topLevel && n->type == NodeType::Workload)
                n->dropRows();
            continue;
        }
        fillAll(newKids[i].get()); // a namespace comes with its workloads
        beginInsertRows(parentIndex, off + static_cast<int>(i), off + static_cast<int>(i));
        oldKids.insert(oldKids.begin() + static_cast<long>(i), std::move(newKids[i]));
        oldParent->renumber(i);
        endInsertRows();
        newKids[i] = std::make_unique<Node>(); // placeholder keeps positions aligned
        newKids[i]->key = std::string(oldKids[i]->keyView());
    }
    emitChanged(parentIndex, changed);
}

} // namespace PodSec::Ui
