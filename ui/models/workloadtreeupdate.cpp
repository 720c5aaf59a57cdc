// SPDX-License-Identifier: Apache-2.0
// WorkloadTreeModel's update in place: which rows a new tree changes, and the row moves that
// turn the shown tree into it (workloadtreemodel.cpp builds the trees).
#include "workloadtreemodel.h"

#include "workloadtreenode.h"

#include <algorithm>
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

} // namespace

bool WorkloadTreeModel::countChanges(const Node *oldParent, const Node *newParent, int &budget)
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
    for (std::size_t i = 0; i < newParent->children.size(); ++i) {
        const Node *c = newParent->children[i].get();
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
        if (!countChanges(old, c, budget))
            return false;
    }
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
        if (i < oldKids.size() && sameKey(oldKids[i].get(), newKids[i].get())) {
            Node *o = oldKids[i].get();
            Node *n = newKids[i].get();
            if (!sameData(o, n))
                changed.push_back(off + static_cast<int>(i));
            reconcile(o, n, index(off + static_cast<int>(i), 0, parentIndex)); // takes n's indices
            continue;
        }
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
