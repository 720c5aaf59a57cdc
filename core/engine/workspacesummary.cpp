// SPDX-License-Identifier: Apache-2.0
#include "engine/workspacesummary.h"

#include "engine/workspacesnapshot.h"

#include <algorithm>
#include <map>

namespace PodSec::Engine {
namespace {

CheckCounts sorted(const std::map<std::string, int> &counts)
{
    CheckCounts out(counts.begin(), counts.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    return out;
}

/// The controller at the top of w's owners within the namespace (w itself when it has none).
int topOf(const WorkspaceSnapshot &s, int index)
{
    const std::string &ns = s.workloads[std::size_t(index)].id().namespaceName;
    for (int steps = 0; steps < 8; ++steps) {
        const int owner = s.workloads.owner(std::size_t(index));
        if (owner < 0 || std::size_t(owner) >= s.workloads.size() ||
            s.workloads[std::size_t(owner)].id().namespaceName != ns)
            break;
        index = owner;
    }
    return index;
}

WorkloadGroup groupOf(const WorkspaceSnapshot &s, int top, const std::vector<int> &members,
                      Policy::Level level)
{
    WorkloadGroup g;
    g.workload = top;
    g.kind = s.workloads[std::size_t(top)].id().kind;
    g.name = s.workloads[std::size_t(top)].id().name;
    for (int m : members)
        g.pods += s.workloads[std::size_t(m)].id().kind == "Pod";
    std::map<std::string, int> checks;
    for (int m : members) {
        const auto &w = s.workloads[std::size_t(m)];
        if (g.pods > 0 && w.id().kind != "Pod")
            continue;
        ++g.members;
        g.rejected += w.deniedByEnforce;
        if (!w.fails(level))
            continue;
        ++g.failing;
        for (const auto &r : w.evaluation(level)->results) {
            if (!r.allowed)
                ++checks[std::string(r.id)];
        }
    }
    g.checks = sorted(checks);
    return g;
}

} // namespace

std::string workloadName(const WorkloadEntry &workload)
{
    return (workload.id().namespaceName.empty() ? std::string()
                                                : workload.id().namespaceName + '/') +
           workload.id().kind + '/' + workload.id().name;
}

std::string workloadSource(const WorkspaceSnapshot &snapshot, const WorkloadEntry &workload)
{
    const auto &path = snapshot.files.at(std::size_t(workload.file)).path;
    if (path.rfind("cluster:", 0) == 0)
        return "cluster: " + workloadName(workload);
    return path + ':' + std::to_string(workload.id().line);
}

WorkspaceSummary summarize(const WorkspaceSnapshot &snapshot, Policy::Level level)
{
    WorkspaceSummary s;
    s.level = {level, snapshot.version};
    std::map<std::string, int> allChecks;
    for (const auto &ns : snapshot.namespaces) {
        NamespaceSummary n;
        n.name = ns.name;
        n.declared = ns.declared;
        n.enforce = ns.policy.enforce.toString();
        n.audit = ns.policy.audit.toString();
        n.warn = ns.policy.warn.toString();
        n.numbers = namespaceNumbers(snapshot, ns);
        std::map<std::string, int> checks;
        std::map<int, std::vector<int>> groups; // top workload -> members
        std::vector<int> order;
        for (int index : ns.workloads) {
            const auto &w = snapshot.workloads[std::size_t(index)];
            if (!w.baseline.allowed())
                ++n.privilegedOnly;
            else if (!w.restricted.allowed())
                ++n.baselineOnly;
            else
                ++n.passRestricted;
            if (w.fails(level)) {
                ++s.failing;
                ++n.failingWorkloads;
                for (const auto &r : w.evaluation(level)->results) {
                    if (!r.allowed) {
                        ++checks[std::string(r.id)];
                        ++allChecks[std::string(r.id)];
                    }
                }
            }
            const int top = topOf(snapshot, index);
            auto &members = groups[top];
            if (members.empty())
                order.push_back(top);
            members.push_back(index);
        }
        n.checks = sorted(checks);
        for (int top : order) {
            auto g = groupOf(snapshot, top, groups[top], level);
            if (g.failing > 0)
                n.failing.push_back(std::move(g));
        }
        std::stable_sort(n.failing.begin(), n.failing.end(),
                         [](const auto &a, const auto &b) { return a.failing > b.failing; });
        s.workloads += n.numbers.workloads;
        s.pods += n.numbers.pods;
        s.podsRejected += n.numbers.podsRejected;
        s.controllersRejected += n.numbers.controllersRejected;
        s.warned += n.numbers.warned;
        s.audited += n.numbers.audited;
        s.passRestricted += n.passRestricted;
        s.baselineOnly += n.baselineOnly;
        s.privilegedOnly += n.privilegedOnly;
        s.perNamespace.push_back(std::move(n));
    }
    s.namespaces = int(s.perNamespace.size());
    s.checks = sorted(allChecks);
    return s;
}

} // namespace PodSec::Engine
