// SPDX-License-Identifier: Apache-2.0
#include "engine/rolloutplan.h"

#include "common/textescape.h"
#include "engine/buildinfo.h"
#include "engine/whatifpods.h"
#include "engine/workspacesnapshot.h"

#include <algorithm>
#include <map>

namespace PodSec::Engine {
namespace {

constexpr const char *Prefix = "pod-security.kubernetes.io/";

void setLabel(Admission::Labels &labels, const std::string &key, const std::string &value)
{
    const auto it =
        std::find_if(labels.begin(), labels.end(), [&](const auto &l) { return l.first == key; });
    if (it != labels.end())
        it->second = value;
    else
        labels.emplace_back(key, value);
}

bool hasLabel(const Admission::Labels &labels, const std::string &key)
{
    return std::any_of(labels.begin(), labels.end(), [&](const auto &l) { return l.first == key; });
}

/// Sets mode's level, and its version when the plan's version is not latest or a version
/// label is there already (it may be invalid, or pin another version).
void setMode(Admission::Labels &labels, const char *mode, Policy::Level level,
             const Policy::Version &version)
{
    const std::string key = std::string(Prefix) + mode;
    setLabel(labels, key, Policy::levelName(level));
    if (!version.isLatest() || hasLabel(labels, key + "-version"))
        setLabel(labels, key + "-version", version.toString());
}

Admission::Mode modeOf(std::string_view mode)
{
    return mode == "enforce" ? Admission::Mode::Enforce
           : mode == "warn"  ? Admission::Mode::Warn
                             : Admission::Mode::Audit;
}

/// Text for a comment line: control characters become spaces.
std::string commentText(std::string s)
{
    for (char &c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    return s;
}

std::string whyLine(const NamespacePlan &p, const RolloutPlan &plan)
{
    std::string why = p.name + ": ";
    switch (p.step) {
    case PlanStep::System:
        return why + "system namespace, left as it is";
    case PlanStep::Exempt:
        return why + "exempt by the admission configuration, left as it is";
    case PlanStep::Unchanged:
        return why + "enforces " + p.enforceNow.toString() + " already";
    case PlanStep::Repair:
        return why + "invalid labels written as what the API server makes of them (" +
               p.enforceNow.toString() + ")";
    default:
        break;
    }
    why += "its workloads meet " + std::string(Policy::levelName(p.meets));
    if (p.failTarget > 0) {
        why += "; " + std::to_string(p.failTarget) + " of " + std::to_string(p.workloads) +
               " fail " + plan.target.toString() + " (";
        for (std::size_t i = 0; i < p.failingChecks.size(); ++i)
            why += (i ? ", " : "") + p.failingChecks[i].first + ' ' +
                   std::to_string(p.failingChecks[i].second);
        why += ')';
    }
    return why;
}

/// The labels and step of a namespace that is neither a system nor an exempt one.
void planLevels(NamespacePlan &p, const Admission::NamespacePolicy &policy, Policy::Level target,
                const Policy::Version &version)
{
    const bool repaired = Admission::podSecurityLabelsChange(p.planned, p.current);
    if (p.enforceNow.level >= target) {
        p.step = repaired ? PlanStep::Repair : PlanStep::Unchanged;
        return;
    }
    const Policy::Level enforce = std::min(target, p.meets);
    if (enforce > p.enforceNow.level)
        setMode(p.planned, "enforce", enforce, version);
    for (const char *mode : {"warn", "audit"}) {
        if (policy.policy(modeOf(mode)).level < target)
            setMode(p.planned, mode, target, version);
    }
    p.step = enforce == target              ? PlanStep::Target
             : enforce > p.enforceNow.level ? PlanStep::Partial
                                            : PlanStep::WarnOnly;
    if (!Admission::podSecurityLabelsChange(p.planned, p.current))
        p.step = PlanStep::Unchanged;
}

/// The step, planned labels, command and patch of a namespace whose numbers are counted.
void finishPlan(NamespacePlan &p, const Admission::NamespacePolicy &policy,
                const PlanRequest &request, const Policy::Version &version)
{
    if (isSystemNamespace(p.name)) {
        p.step = PlanStep::System;
    } else if (request.config.isExemptNamespace(p.name)) {
        p.step = PlanStep::Exempt;
    } else {
        // An invalid label is written as what the API server makes of it now.
        for (const auto &e : policy.errors) {
            for (const char *mode : {"enforce", "audit", "warn"}) {
                if (e.label.rfind(std::string(Prefix) + mode, 0) == 0)
                    setMode(p.planned, mode, policy.policy(modeOf(mode)).level, version);
            }
        }
        planLevels(p, policy, request.target, version);
    }
    if (Admission::podSecurityLabelsChange(p.planned, p.current)) {
        p.command = Admission::kubectlLabelCommand(p.name, p.planned, false, p.current);
        p.patch = Admission::labelPatchYaml(p.planned, p.current);
    }
}

/// Whether the namespace's labels reject w now: the snapshot's own answer, unless the window
/// judges every namespace at one level ("all restricted"); then the labels' enforce level
/// at the snapshot's version.
int rejectedByLabels(const WorkspaceSnapshot &snapshot, const WorkloadEntry &w,
                     const NamespacePlan &p, const Admission::AdmissionConfig &config)
{
    if (!snapshot.forcedLevel)
        return w.deniedByEnforce;
    if (config.isExemptNamespace(p.name) ||
        w.admission.exempt == Admission::Exemption::RuntimeClass)
        return 0;
    return w.fails(p.enforceNow.level);
}

} // namespace

const char *planStepName(PlanStep step)
{
    switch (step) {
    case PlanStep::Target:
        return "target";
    case PlanStep::Partial:
        return "partial";
    case PlanStep::WarnOnly:
        return "warn-only";
    case PlanStep::Unchanged:
        return "unchanged";
    case PlanStep::Repair:
        return "repair";
    case PlanStep::System:
        return "system";
    case PlanStep::Exempt:
        return "exempt";
    }
    return "";
}

bool isSystemNamespace(const std::string &ns)
{
    return ns == "kube-system" || ns == "kube-public" || ns == "kube-node-lease";
}

int RolloutPlan::reachingTarget() const
{
    return int(std::count_if(namespaces.begin(), namespaces.end(), [this](const auto &p) {
        return p.step == PlanStep::Target ||
               ((p.step == PlanStep::Unchanged || p.step == PlanStep::Repair) &&
                p.enforceNow.level >= target.level);
    }));
}

RolloutPlan planRollout(const WorkspaceSnapshot &snapshot, const PlanRequest &request)
{
    RolloutPlan plan;
    const Policy::Version &version = snapshot.version;
    plan.target = {request.target, version};
    for (const auto &ns : snapshot.namespaces) {
        NamespacePlan p;
        p.name = ns.name;
        p.declared = ns.declared;
        p.current = ns.labels;
        p.planned = ns.labels;
        const auto policy = Admission::resolveNamespacePolicy(ns.labels, request.config.defaults);
        p.enforceNow = policy.enforce;
        std::map<std::string, int> failing;
        std::vector<int> files;
        for (int index : ns.workloads) {
            const auto &w = snapshot.workloads[std::size_t(index)];
            ++p.workloads;
            p.rejectedNow += rejectedByLabels(snapshot, w, p, request.config);
            if (w.id().kind == "Pod") {
                ++p.pods;
                files.push_back(w.file);
            }
            if (w.admission.exempt == Admission::Exemption::RuntimeClass)
                continue;
            if (!w.baseline.allowed())
                p.meets = Policy::Level::Privileged;
            else if (!w.restricted.allowed())
                p.meets = std::min(p.meets, Policy::Level::Baseline);
            if (w.fails(request.target)) {
                ++p.failTarget;
                for (const auto &r : w.evaluation(request.target)->results) {
                    if (!r.allowed)
                        ++failing[std::string(r.id)];
                }
            }
        }
        p.failingChecks.assign(failing.begin(), failing.end());
        std::stable_sort(p.failingChecks.begin(), p.failingChecks.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });

        // The dry run of the target, as `kubectl label --dry-run=server` answers it; none
        // where enforcing the target would lower the namespace's enforcement.
        if (p.enforceNow.level >= request.target) {
            finishPlan(p, policy, request, version);
            plan.namespaces.push_back(std::move(p));
            continue;
        }
        Admission::Labels targetLabels = ns.labels;
        setMode(targetLabels, "enforce", request.target, version);
        p.targetCommand = Admission::kubectlLabelCommand(p.name, targetLabels, true, ns.labels);
        std::sort(files.begin(), files.end());
        files.erase(std::unique(files.begin(), files.end()), files.end());
        p.targetDryRun = Admission::namespaceUpdate(
            p.name, ns.labels, targetLabels, request.config, [&](const Policy::LevelVersion &at) {
                if (at.version.clamped() != version.clamped()) {
                    // Another version than the snapshot's: evaluate the Pods' files again.
                    std::vector<std::string> texts;
                    for (int f : files)
                        texts.push_back(snapshot.files[std::size_t(f)].text());
                    return podsInTexts(texts, p.name, request.defaultNamespace, at, request.config);
                }
                std::vector<Admission::ExistingPod> pods;
                for (int index : ns.workloads) {
                    const auto &w = snapshot.workloads[std::size_t(index)];
                    if (w.id().kind == "Pod")
                        pods.push_back(
                            existingPod(w.id().name, w.id().controller,
                                        w.admission.exempt == Admission::Exemption::RuntimeClass,
                                        w.evaluation(at.level)));
                }
                return pods;
            });

        finishPlan(p, policy, request, version);
        plan.namespaces.push_back(std::move(p));
    }
    return plan;
}

std::string planScript(const RolloutPlan &plan)
{
    std::string out =
        "#!/bin/sh\n# Pod Security rollout plan towards " + plan.target.toString() +
        ", made by podsec " + buildInfo().version +
        ".\n# No label it sets rejects a workload its namespace admits now.\n# Arguments "
        "go to each kubectl command: sh plan.sh --dry-run=server --context "
        "NAME\nset -eu\n";
    for (const auto &p : plan.namespaces) {
        out += "\n# " + commentText(whyLine(p, plan)) + '\n';
        if (!p.command.empty())
            out += p.command + " \"$@\"\n";
    }
    return out;
}

std::string planPatches(const RolloutPlan &plan)
{
    std::string out = "# Pod Security rollout plan towards " + plan.target.toString() +
                      ": one Namespace patch per namespace that changes (kubectl patch "
                      "namespace NAME --type merge --patch-file, or a Kustomize patch).\n";
    for (const auto &p : plan.namespaces) {
        if (p.patch.empty())
            continue;
        out += "---\n# " + commentText(whyLine(p, plan)) +
               "\napiVersion: v1\nkind: "
               "Namespace\nmetadata:\n  name: ";
        appendJsonString(out, p.name);
        out += "\n  labels:\n";
        for (const auto &[k, v] : p.planned) {
            out += "    ";
            appendJsonString(out, k);
            out += ": ";
            appendJsonString(out, v);
            out += '\n';
        }
        for (const auto &[k, v] : p.current) {
            if (hasLabel(p.planned, k))
                continue;
            out += "    ";
            appendJsonString(out, k);
            out += ": null\n";
        }
    }
    return out;
}

} // namespace PodSec::Engine
