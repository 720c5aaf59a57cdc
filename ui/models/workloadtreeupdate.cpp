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

} // namespace

bool WorkloadTreeModel::countChanges(const Node *oldParent, const Node *newParent, int &budget)
{
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

void WorkloadTreeModel::reconcile(Node *oldParent, Node *newParent, const QModelIndex &parentIndex)
{
    auto &oldKids = oldParent->children;
    auto &newKids = newParent->children;
    std::vector<int> changed;
    // Keep the old children whose keys appear in the new list in increasing order; remove
    // the rest (from the end, so rows stay valid).
    std::vector<bool> keep(oldKids.size(), true);
    if (!sameKeys(oldParent, newParent)) {
        std::unordered_map<std::string_view, std::size_t> newPos;
        for (std::size_t i = 0; i < newKids.size(); ++i)
            newPos.emplace(newKids[i]->keyView(), i);
        std::size_t last = 0;
        bool any = false;
        for (std::size_t i = 0; i < oldKids.size(); ++i) {
            auto it = newPos.find(oldKids[i]->keyView());
            keep[i] = it != newPos.end() && (!any || it->second > last);
            if (keep[i]) {
                last = it->second;
                any = true;
            }
        }
    }
    for (std::size_t i = oldKids.size(); i-- > 0;) {
        if (keep[i])
            continue;
        std::size_t first = i;
        while (first > 0 && !keep[first - 1])
            --first;
        beginRemoveRows(parentIndex, static_cast<int>(first), static_cast<int>(i));
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
            const bool same = sameData(o, n);
            o->takeIndices(*n);
            if (!same)
                changed.push_back(static_cast<int>(i));
            reconcile(o, n, index(static_cast<int>(i), 0, parentIndex));
            continue;
        }
        beginInsertRows(parentIndex, static_cast<int>(i), static_cast<int>(i));
        oldKids.insert(oldKids.begin() + static_cast<long>(i), std::move(newKids[i]));
        oldParent->renumber(i);
        endInsertRows();
        newKids[i] = std::make_unique<Node>(); // placeholder keeps positions aligned
        newKids[i]->key = std::string(oldKids[i]->keyView());
    }
    // Only rows whose shown data changed, as contiguous ranges: a re-evaluation that
    // changes one workload touches a handful of rows, not the whole tree.
    for (std::size_t a = 0; a < changed.size();) {
        std::size_t b = a;
        while (b + 1 < changed.size() && changed[b + 1] == changed[b] + 1)
            ++b;
        Q_EMIT dataChanged(index(changed[a], 0, parentIndex),
                           index(changed[b], ColumnCountValue - 1, parentIndex));
        a = b + 1;
    }
}

} // namespace PodSec::Ui
