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

std::string Evaluation::aggregateReason() const
{
    std::string out;
    for (const auto &r : results) {
        if (r.allowed)
            continue;
        if (!out.empty())
            out += ", ";
        out += r.reason.empty() ? std::string("unknown forbidden reason") : r.reason;
    }
    return out;
}

std::string Evaluation::aggregateDetail() const
{
    std::string out;
    for (const auto &r : results) {
        if (r.allowed)
            continue;
        if (!out.empty())
            out += ", ";
        out += r.reason.empty() ? std::string("unknown forbidden reason") : r.reason;
        if (!r.detail.empty())
            out += " (" + r.detail + ')';
    }
    return out;
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
