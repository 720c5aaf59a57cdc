// SPDX-License-Identifier: Apache-2.0
// The tree's side of the text filter: which rows hold a word, what a row's filter text is and
// whether two rows' are the same (the texts themselves: filtertext.h).
#include "filtertext.h"
#include "workloadtreemodel.h"
#include "workloadtreenode.h"

#include <iterator>

namespace PodSec::Ui {

namespace {

/// The snapshot's path of the file a workload row's workload is in.
std::string_view filePath(const WorkspaceSnapshot &s, const WorkloadEntry &w)
{
    return w.file >= 0 && std::size_t(w.file) < s.files.size()
               ? std::string_view(s.files[std::size_t(w.file)].path)
               : std::string_view();
}

} // namespace

namespace {

/// The filter text a row names or keeps as it is: a root's path, a namespace's or container's
/// name (as written), other rows' lower-cased text (Node::text). Empty for the rows whose text
/// is made of pieces of their workload or finding (ownsPieces).
std::string_view keptText(const WorkloadTreeModel::Node *node)
{
    const auto &s = *node->snap;
    switch (node->type) {
    case WorkloadTreeModel::NodeType::Root:
        return s.roots[std::size_t(node->root)].path;
    case WorkloadTreeModel::NodeType::Namespace:
        return s.namespaces[std::size_t(node->ns)].name;
    case WorkloadTreeModel::NodeType::Container:
        return s.workloads[std::size_t(node->workload)]
            .id()
            .containers[std::size_t(node->container)]
            .name;
    default:
        return node->text;
    }
}

} // namespace

std::string WorkloadTreeModel::searchText(const Node *node)
{
    if (!node->snap)
        return {};
    const auto &s = *node->snap;
    switch (node->type) {
    case NodeType::Workload: {
        const auto &w = s.workloads[std::size_t(node->workload)];
        return workloadText(w, filePath(s, w));
    }
    case NodeType::Field:
        return fieldText(s.workloads[std::size_t(node->workload)], node->fieldEntry());
    case NodeType::Finding:
        if (node->owner >= 0)
            return findingText(node->ownedFinding());
        break;
    case NodeType::FindingField:
        if (node->owner >= 0)
            return findingFieldText(node->ownedFinding().fields[std::size_t(node->findingField)]);
        break;
    default:
        break;
    }
    return std::string(keptText(node));
}

bool WorkloadTreeModel::textHas(const Node *node, std::string_view word)
{
    if (!node->snap)
        return false;
    const auto &s = *node->snap;
    switch (node->type) {
    case NodeType::Workload: {
        const auto &w = s.workloads[std::size_t(node->workload)];
        return workloadMatches(w, filePath(s, w), word);
    }
    case NodeType::Field:
        // Its checks' reasons need no search: its workload, an ancestor, holds them.
        return fieldMatches(s.workloads[std::size_t(node->workload)], node->fieldEntry(), word,
                            false);
    case NodeType::Finding:
        if (node->owner >= 0)
            return findingMatches(node->ownedFinding(), word);
        break;
    case NodeType::FindingField:
        if (node->owner >= 0)
            return findingFieldMatches(node->ownedFinding().fields[std::size_t(node->findingField)],
                                       word);
        break;
    default:
        break;
    }
    return containsLowered(keptText(node), word);
}

bool WorkloadTreeModel::sameSearchText(const Node *a, const Node *b)
{
    if (a->type != b->type || !a->snap || !b->snap)
        return false;
    switch (a->type) {
    case NodeType::Workload: {
        const auto &x = a->snap->workloads[std::size_t(a->workload)];
        const auto &y = b->snap->workloads[std::size_t(b->workload)];
        return sameWorkloadText(x, filePath(*a->snap, x), y, filePath(*b->snap, y));
    }
    case NodeType::Field:
        return sameFieldText(a->snap->workloads[std::size_t(a->workload)], a->fieldEntry(),
                             b->snap->workloads[std::size_t(b->workload)], b->fieldEntry());
    case NodeType::Finding:
        if (a->owner >= 0 && b->owner >= 0)
            return sameFindingText(a->ownedFinding(), b->ownedFinding());
        break;
    case NodeType::FindingField:
        if (a->owner >= 0 && b->owner >= 0)
            return sameFindingFieldText(a->ownedFinding().fields[std::size_t(a->findingField)],
                                        b->ownedFinding().fields[std::size_t(b->findingField)]);
        break;
    default:
        break;
    }
    return (a->owner >= 0) == (b->owner >= 0) && sameText(keptText(a), keptText(b));
}

bool WorkloadTreeModel::rowMatches(const QModelIndex &index, const std::vector<std::string> &words,
                                   bool onlyFailing) const
{
    if (!index.isValid())
        return false;
    const Row row = rowAt(index);
    const Node *node = row.get();
    if (onlyFailing) {
        bool fails = showsChecklist() && worstSeverity(node) >= 0;
        for (int c = BaselineColumn; showsPss() && c < ColumnCountValue && !fails; ++c)
            fails = verdict(node, c) == Verdict::Fail || verdict(node, c) == Verdict::PodsRejected;
        if (!fails)
            return false;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &word = words[i];
        bool found = false;
        for (const Node *n = node; n && n != m_root.get() && !found; n = n->parent) {
            // Rows whose descendants ask again for each of their own rows: remembered.
            found = n->type == NodeType::Workload || n->type == NodeType::Container ||
                            n->type == NodeType::Finding
                        ? rememberedTextHas(n, words, i)
                        : textHas(n, word);
        }
        if (!found)
            return false;
    }
    return true;
}

bool WorkloadTreeModel::rememberedTextHas(const Node *n, const std::vector<std::string> &words,
                                          std::size_t i) const
{
    auto &memos = m_lastWorkloads;
    if (memos.generation != m_generation || memos.words != words) {
        memos = WorkloadMatches{m_generation, words, {}, 0};
    }
    WorkloadMatch *found = nullptr;
    for (auto &m : memos.last)
        found = m.node == n ? &m : found;
    if (!found) {
        found = &memos.last[memos.next];
        memos.next = (memos.next + 1) % std::size(memos.last);
        *found = {n, 0, 0};
    }
    auto &memo = *found;
    const std::uint64_t bit = i < 64 ? std::uint64_t(1) << i : 0;
    if (memo.known & bit)
        return (memo.found & bit) != 0;
    const bool has = textHas(n, words[i]);
    memo.known |= bit;
    memo.found |= has ? bit : 0;
    return has;
}

} // namespace PodSec::Ui
