// SPDX-License-Identifier: Apache-2.0
#include "admission/whatif.h"

#include "common/textescape.h"

#include <algorithm>
#include <map>
#include <set>

namespace PodSec::Admission {

namespace {

/// The pod-security labels of oldLabels that newLabels no longer has.
std::vector<std::string> removedLabels(const Labels &newLabels, const Labels &oldLabels)
{
    std::vector<std::string> removed;
    for (const auto &label : oldLabels) {
        // Not a structured binding: clang before 16 cannot capture one in a lambda.
        const std::string &k = label.first;
        const bool kept = std::any_of(newLabels.begin(), newLabels.end(),
                                      [&](const auto &l) { return l.first == k; });
        if (isPodSecurityLabel(k) && !kept)
            removed.push_back(k);
    }
    return removed;
}

/// The version as written: "latest" and "v1.37" are different here.
bool sameVersionText(const Policy::Version &a, const Policy::Version &b)
{
    return a.toString() == b.toString();
}

/// A word for sh: as it is when it is plain, else in single quotes.
std::string shellWord(const std::string &s)
{
    const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '.' || c == '_' || c == '/' || c == '=' || c == ':';
    });
    if (plain)
        return s;
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

namespace {

/// The pods kube-apiserver looks at, in its order: exempt runtime classes dropped, unowned
/// pods and the first pod of each controller in place, further pods of a seen controller
/// at the end.
std::vector<const ExistingPod *> orderedPods(const std::vector<ExistingPod> &pods)
{
    std::vector<const ExistingPod *> first, later;
    std::set<std::string> seen;
    for (const auto &p : pods) {
        if (p.exemptRuntimeClass)
            continue;
        if (p.controller.empty() || seen.insert(p.controller).second)
            first.push_back(&p);
        else
            later.push_back(&p);
    }
    first.insert(first.end(), later.begin(), later.end());
    return first;
}

} // namespace

std::vector<PodGroup> existingPodGroups(const std::vector<ExistingPod> &pods, std::size_t maxPods)
{
    const auto ordered = orderedPods(pods);
    const std::size_t checked = std::min(ordered.size(), maxPods);
    std::map<std::string, std::vector<std::string>> byReason; // reasons -> pod names
    for (std::size_t i = 0; i < checked; ++i) {
        if (!ordered[i]->reasons.empty())
            byReason[ordered[i]->reasons].push_back(ordered[i]->name);
    }
    std::vector<PodGroup> groups;
    for (auto &[reasons, names] : byReason) {
        std::sort(names.begin(), names.end());
        const std::size_t others = names.size() - 1;
        std::string line = names.front();
        if (others == 1)
            line += " (and 1 other pod)";
        else if (others > 1)
            line += " (and " + std::to_string(others) + " other pods)";
        groups.push_back({line + ": " + reasons, reasons, std::move(names)});
    }
    std::sort(groups.begin(), groups.end(),
              [](const PodGroup &a, const PodGroup &b) { return a.warning < b.warning; });
    return groups;
}

std::vector<std::string> existingPodWarnings(const std::string &ns,
                                             const Policy::LevelVersion &enforce,
                                             const std::vector<ExistingPod> &pods,
                                             std::size_t maxPods)
{
    const std::size_t total = orderedPods(pods).size();
    const std::size_t checked = std::min(total, maxPods);
    std::vector<std::string> warnings;
    if (checked < total)
        warnings.push_back("new PodSecurity enforce level only checked against the first " +
                           std::to_string(checked) + " of " + std::to_string(total) +
                           " existing pods");
    const auto groups = existingPodGroups(pods, maxPods);
    if (groups.empty())
        return warnings;
    warnings.push_back("existing pods in namespace \"" + ns +
                       "\" violate the new PodSecurity enforce level \"" + enforce.toString() +
                       "\"");
    for (const auto &g : groups)
        warnings.push_back(g.warning);
    return warnings;
}

std::string exemptNamespaceWarning(const std::string &ns, const NamespacePolicy &policy,
                                   const Defaults &defaults)
{
    const LevelVersion *modes[] = {&policy.enforce, &policy.audit, &policy.warn};
    const LevelVersion *defaultModes[] = {&defaults.enforce, &defaults.audit, &defaults.warn};
    const char *names[] = {"enforce", "audit", "warn"};
    bool allPrivileged = true, equalsDefaults = true;
    std::string list;
    for (int i = 0; i < 3; ++i) {
        const bool privileged = modes[i]->level == Policy::Level::Privileged;
        allPrivileged &= privileged;
        const bool same = privileged ? defaultModes[i]->level == Policy::Level::Privileged
                                     : *modes[i] == *defaultModes[i];
        equalsDefaults &= same;
        if (!privileged && (policy.levelLabel[i] || policy.versionLabel[i]))
            list += std::string(list.empty() ? "" : ", ") + names[i] + '=' + modes[i]->toString();
    }
    if (allPrivileged || equalsDefaults || list.empty())
        return {};
    return "namespace \"" + ns + "\" is exempt from Pod Security, and the policy (" + list +
           ") will be ignored";
}

WhatIf namespaceUpdate(
    const std::string &ns, const Labels &oldLabels, const Labels &newLabels,
    const AdmissionConfig &config,
    const std::function<std::vector<ExistingPod>(const Policy::LevelVersion &)> &podsFor)
{
    WhatIf result;
    const NamespacePolicy oldPolicy = resolveNamespacePolicy(oldLabels, config.defaults);
    const NamespacePolicy newPolicy = resolveNamespacePolicy(newLabels, config.defaults);
    if (!newPolicy.errors.empty() &&
        (oldPolicy.errors.empty() || oldPolicy.errorText() != newPolicy.errorText())) {
        result.allowed = false;
        result.error = newPolicy.errorText();
        return result;
    }
    const LevelVersion &was = oldPolicy.enforce;
    const LevelVersion &now = newPolicy.enforce;
    const bool unchanged = was.level == now.level && sameVersionText(was.version, now.version);
    const bool noPods = unchanged || now.level == Policy::Level::Privileged ||
                        (sameVersionText(was.version, now.version) && now.level <= was.level);
    if (noPods)
        return result;
    if (config.isExemptNamespace(ns)) {
        const std::string w = exemptNamespaceWarning(ns, newPolicy, config.defaults);
        if (!w.empty())
            result.warnings.push_back(w);
        return result;
    }
    result.podsEvaluated = true;
    const auto pods = podsFor(now);
    result.warnings = existingPodWarnings(ns, now, pods);
    result.groups = existingPodGroups(pods);
    return result;
}

bool podSecurityLabelsChange(const Labels &newLabels, const Labels &oldLabels)
{
    auto podSecurity = [](const Labels &labels) {
        std::map<std::string, std::string> out;
        for (const auto &[k, v] : labels) {
            if (isPodSecurityLabel(k))
                out[k] = v;
        }
        return out;
    };
    return podSecurity(newLabels) != podSecurity(oldLabels);
}

std::string kubectlLabelCommand(const std::string &ns, const Labels &newLabels, bool dryRun,
                                const Labels &oldLabels)
{
    if (!podSecurityLabelsChange(newLabels, oldLabels))
        return {};
    std::string cmd = "kubectl label --overwrite namespace " + shellWord(ns);
    for (const auto &[k, v] : newLabels) {
        if (isPodSecurityLabel(k))
            cmd += ' ' + shellWord(k + '=' + v);
    }
    for (const auto &k : removedLabels(newLabels, oldLabels))
        cmd += ' ' + shellWord(k + '-');
    if (dryRun)
        cmd += " --dry-run=server";
    return cmd;
}

std::string labelPatchYaml(const Labels &newLabels, const Labels &oldLabels)
{
    if (!podSecurityLabelsChange(newLabels, oldLabels))
        return {};
    std::string out = "metadata:\n  labels:\n";
    for (const auto &[k, v] : newLabels) {
        if (isPodSecurityLabel(k)) {
            // A JSON string is a YAML double-quoted scalar: any value stays one string.
            out += "    " + k + ": ";
            appendJsonString(out, v);
            out += '\n';
        }
    }
    for (const auto &k : removedLabels(newLabels, oldLabels))
        out += "    " + k + ": null\n";
    return out;
}

} // namespace PodSec::Admission
