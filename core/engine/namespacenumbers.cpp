// SPDX-License-Identifier: Apache-2.0
#include "engine/namespacenumbers.h"

#include "engine/workspacesnapshot.h"

#include <algorithm>
#include <map>

namespace PodSec::Engine {

NamespaceNumbers namespaceNumbers(const WorkspaceSnapshot &snapshot, const NamespaceEntry &ns,
                                  std::size_t top)
{
    NamespaceNumbers n;
    std::map<std::string, int> controls;
    for (int index : ns.workloads) {
        if (index < 0 || std::size_t(index) >= snapshot.workloads.size())
            continue;
        const auto &w = snapshot.workloads[std::size_t(index)];
        ++n.workloads;
        n.pods += w.id().kind == "Pod";
        const Verdict enforce = w.verdicts[int(Column::Enforce)];
        n.podsRejected += enforce == Verdict::Fail;
        n.controllersRejected += enforce == Verdict::PodsRejected;
        n.warned += w.verdicts[int(Column::Warn)] == Verdict::Fail;
        n.audited += w.verdicts[int(Column::Audit)] == Verdict::Fail;
        n.failRestricted += w.verdicts[int(Column::Restricted)] == Verdict::Fail;
        for (const auto &r : w.restricted.results) {
            if (!r.allowed)
                ++controls[std::string(r.id)];
        }
    }
    n.topControls.assign(controls.begin(), controls.end());
    std::stable_sort(n.topControls.begin(), n.topControls.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    if (n.topControls.size() > top)
        n.topControls.resize(top);
    return n;
}

} // namespace PodSec::Engine
