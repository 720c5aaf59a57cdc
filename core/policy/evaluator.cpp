// SPDX-License-Identifier: Apache-2.0
#include "policy/evaluator.h"

#include "k8s/podspec.h"
#include "policy/registry.h"

namespace PodSec::Policy {

bool Evaluation::allowed() const
{
    for (const auto &r : results) {
        if (!r.allowed)
            return false;
    }
    return true;
}

namespace {

/// The forbidden results in check order, joined with ", ": reasons only, or "reason
/// (detail)" as every user-facing pod message prints them.
std::string aggregate(const std::vector<CheckResult> &results, bool withDetail)
{
    std::string out;
    for (const auto &r : results) {
        if (r.allowed)
            continue;
        if (!out.empty())
            out += ", ";
        out += r.reason.empty() ? std::string("unknown forbidden reason") : r.reason;
        if (withDetail && !r.detail.empty())
            out += " (" + r.detail + ')';
    }
    return out;
}

} // namespace

std::string Evaluation::aggregateReason() const
{
    return aggregate(results, false);
}

std::string Evaluation::aggregateDetail() const
{
    return aggregate(results, true);
}

Evaluation evaluate(const K8s::PodSpecView &pod, const LevelVersion &policy)
{
    Evaluation e;
    e.policy = policy;
    const auto selected = checksFor(policy.level, policy.version);
    e.results.reserve(selected.size());
    for (const auto &s : selected) {
        CheckResult r;
        r.id = s.check->id;
        r.level = s.check->level;
        s.variant->function(pod, r);
        e.results.push_back(std::move(r));
    }
    return e;
}

} // namespace PodSec::Policy
