// SPDX-License-Identifier: Apache-2.0
#include "engine/fixalternatives.h"

#include "admission/whatif.h"
#include "policy/evaluator.h"

namespace PodSec::Engine {

namespace {

/// A namespace name from a workload name and a suffix, within the 63 characters allowed.
std::string namespaceFor(const std::string &name, const std::string &suffix)
{
    std::string base = name.substr(0, 62 - suffix.size());
    while (!base.empty() && base.back() == '-')
        base.pop_back();
    return (base.empty() ? std::string("workload") : base) + '-' + suffix;
}

/// What kubectl prints for a label command, as the what-if dialog shows it.
std::string kubectlAnswer(const std::string &ns, const Admission::WhatIf &w)
{
    if (!w.allowed)
        return "The Namespace \"" + ns + "\" is invalid: " + w.error;
    std::string out;
    for (const auto &warning : w.warnings)
        out += "Warning: " + warning + '\n';
    return out + "namespace/" + ns + " labeled";
}

} // namespace

std::vector<FixAlternative> fixAlternatives(const std::string &text,
                                            const Policy::LevelVersion &policy,
                                            const FixOptions &options,
                                            const std::set<std::string> &objects)
{
    std::vector<FixAlternative> out;
    const Policy::LevelVersion baseline{Policy::Level::Baseline, policy.version};
    const std::string version = policy.version.toString();
    forEachObject(
        text, baseline, options,
        [&](const std::string &label, const K8s::PodSpecView &view,
            const Policy::Evaluation &atBaseline, bool selected, const DocumentPlanner &) {
            if (!selected || !objects.count(label))
                return;
            const std::string name = label.substr(label.find('/') + 1);
            // The pod as the only one of a new namespace, evaluated at whatever level the
            // label would enforce.
            auto podsFor = [&](const Policy::LevelVersion &lv) {
                const auto e = Policy::evaluate(view, lv);
                return std::vector<Admission::ExistingPod>{
                    {name, "", false, e.allowed() ? std::string() : e.aggregateReason()}};
            };
            const bool meetsBaseline = atBaseline.allowed();
            {
                FixAlternative a;
                a.kind = FixAlternative::Kind::OwnNamespace;
                a.object = label;
                a.level = meetsBaseline ? "baseline" : "privileged";
                a.ns = namespaceFor(name, a.level);
                const Admission::Labels labels{
                    {"pod-security.kubernetes.io/enforce", a.level},
                    {"pod-security.kubernetes.io/enforce-version", version},
                    {"pod-security.kubernetes.io/warn", "restricted"},
                    {"pod-security.kubernetes.io/warn-version", version}};
                a.labels = Admission::kubectlLabelCommand(a.ns, labels, false);
                a.commands = "kubectl create namespace " + a.ns + '\n' + a.labels;
                // Labelled before the workload moves in: the dry run after it has moved.
                a.answer =
                    kubectlAnswer(a.ns, Admission::namespaceUpdate(a.ns, {}, labels, {}, podsFor));
                out.push_back(std::move(a));
            }
            {
                FixAlternative a;
                a.kind = FixAlternative::Kind::Exempt;
                a.object = label;
                a.level = "restricted";
                a.ns = namespaceFor(name, "exempt");
                a.commands = "apiVersion: apiserver.config.k8s.io/v1\n"
                             "kind: AdmissionConfiguration\n"
                             "plugins:\n"
                             "- name: PodSecurity\n"
                             "  configuration:\n"
                             "    apiVersion: pod-security.admission.config.k8s.io/v1\n"
                             "    kind: PodSecurityConfiguration\n"
                             "    exemptions:\n"
                             "      namespaces: [\"" +
                             a.ns + "\"]\n";
                // The namespace keeps a restricted label, which the exemption overrides.
                const Admission::Labels labels{
                    {"pod-security.kubernetes.io/enforce", "restricted"},
                    {"pod-security.kubernetes.io/enforce-version", version}};
                a.labels = Admission::kubectlLabelCommand(a.ns, labels, false);
                Admission::AdmissionConfig config;
                config.exemptNamespaces = {a.ns};
                a.answer = kubectlAnswer(
                    a.ns, Admission::namespaceUpdate(a.ns, {}, labels, config, podsFor));
                out.push_back(std::move(a));
            }
        });
    return out;
}

} // namespace PodSec::Engine
