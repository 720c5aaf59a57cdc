// SPDX-License-Identifier: Apache-2.0
#include "engine/workspacesnapshot.h"

#include "admission/admission.h"
#include "engine/snapshotentries.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace PodSec {

static_assert(sizeof(void *) != 8 || sizeof(WorkloadEntry) <= 560,
              "WorkloadEntry: held twice per workload while a version switch judges again");

const WorkloadIdentity &WorkloadEntry::noIdentity()
{
    static const WorkloadIdentity none;
    return none;
}

void WorkloadEntry::setFacts(std::shared_ptr<const WorkloadFacts> f)
{
    facts = std::move(f);
    identity = facts ? &facts->base : nullptr;
}

std::string WorkloadEntry::message(Column mode) const
{
    const ModeVerdict *m = admission.mode(mode);
    if (!facts || !m || !m->applies || m->allowed)
        return {};
    // The evaluation admission judged the mode by (composeWorkload's), told again.
    return Admission::denialMessage(mode == Column::Enforce, m->policy,
                                    facts->checks.evaluate(m->policy, false));
}

WorkloadAdmission::WorkloadAdmission(const Admission::AdmissionResult &result)
    : exempt(result.exempt), policyError(result.policyError)
{
    for (auto [to, from] : {std::pair{&enforce, &result.enforce}, std::pair{&audit, &result.audit},
                            std::pair{&warn, &result.warn}})
        *to = ModeVerdict{from->policy, from->applies, from->allowed};
}

int WorkloadList::indexOf(const WorkloadEntry *entry) const
{
    const auto it = std::find(m_at.begin(), m_at.end(), entry);
    return it == m_at.end() ? -1 : static_cast<int>(it - m_at.begin());
}

const std::vector<int> &WorkloadList::owned(std::size_t i) const
{
    static const std::vector<int> none;
    return i < m_owned.size() ? m_owned[i] : none;
}

void WorkloadList::append(std::shared_ptr<const Block> block)
{
    if (!block || block->empty())
        return;
    m_blockStart.push_back(m_at.size());
    for (const auto &entry : *block)
        m_at.push_back(&entry);
    m_blocks.push_back(std::move(block));
    m_owner.clear(); // links are made again (linkOwners)
    m_owned.clear();
}

std::shared_ptr<const WorkloadList::Block> WorkloadList::block(std::size_t first,
                                                               std::size_t count) const
{
    const auto it = std::lower_bound(m_blockStart.begin(), m_blockStart.end(), first);
    if (it == m_blockStart.end() || *it != first)
        return nullptr;
    const auto &b = m_blocks[static_cast<std::size_t>(it - m_blockStart.begin())];
    return b->size() == count ? b : nullptr;
}

void WorkloadList::linkOwners()
{
    const std::size_t n = m_at.size();
    m_owner.assign(n, -1);
    m_owned.assign(n, {});
    std::unordered_map<std::string, int> byUid, byName;
    const auto find = [](const std::unordered_map<std::string, int> &map, const std::string &key) {
        const auto it = map.find(key);
        return it == map.end() ? -1 : it->second;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const auto &w = *m_at[i];
        if (!w.id().uid.empty())
            byUid.emplace(w.id().namespaceName + '\n' + w.id().uid, static_cast<int>(i));
        byName.emplace(w.id().namespaceName + '\n' + w.id().kind + '\n' + w.id().name,
                       static_cast<int>(i));
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto &w = *m_at[i];
        if (w.id().controller.kind.empty() || w.id().controller.name.empty())
            continue;
        int owner = w.id().controller.uid.empty()
                        ? -1
                        : find(byUid, w.id().namespaceName + '\n' + w.id().controller.uid);
        if (owner < 0) {
            owner = find(byName, w.id().namespaceName + '\n' + w.id().controller.kind + '\n' +
                                     w.id().controller.name);
            // Same name, another object (a recreated owner): not this one's.
            if (owner >= 0 && !w.id().controller.uid.empty() &&
                !m_at[static_cast<std::size_t>(owner)]->id().uid.empty())
                owner = -1;
        }
        if (owner < 0)
            continue;
        bool cycle = false;
        for (int up = owner; up >= 0 && !cycle; up = m_owner[static_cast<std::size_t>(up)])
            cycle = up == static_cast<int>(i);
        if (!cycle)
            m_owner[i] = owner;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (m_owner[i] >= 0)
            m_owned[static_cast<std::size_t>(m_owner[i])].push_back(static_cast<int>(i));
    }
}

} // namespace PodSec
