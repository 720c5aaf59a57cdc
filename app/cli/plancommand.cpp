// SPDX-License-Identifier: Apache-2.0
#include "plancommand.h"

#include "arguments.h"
#include "engine/buildinfo.h"
#include "engine/rolloutplan.h"
#include "output.h"
#include "report/jsonwriter.h"
#include "workspaceinput.h"

#include <algorithm>
#include <cstdio>

namespace PodSec::Cli {
namespace {

using Engine::NamespacePlan;
using Engine::PlanStep;

/// What the plan does, in a few words ("enforce=baseline; warn, audit=restricted").
std::string planSummary(const NamespacePlan &p)
{
    switch (p.step) {
    case PlanStep::System:
        return "system namespace: left as it is";
    case PlanStep::Exempt:
        return "exempt by the admission configuration: left as it is";
    case PlanStep::Unchanged:
        return "nothing to change";
    case PlanStep::Repair:
        return "repair invalid labels";
    default:
        break;
    }
    std::string out;
    for (const char *mode : {"enforce", "warn", "audit"}) {
        const std::string key = std::string("pod-security.kubernetes.io/") + mode;
        const auto planned = std::find_if(p.planned.begin(), p.planned.end(),
                                          [&](const auto &l) { return l.first == key; });
        const auto now = std::find_if(p.current.begin(), p.current.end(),
                                      [&](const auto &l) { return l.first == key; });
        if (planned == p.planned.end() ||
            (now != p.current.end() && now->second == planned->second))
            continue;
        out += (out.empty() ? "" : ", ") + std::string(mode) + '=' + planned->second;
    }
    return out.empty() ? "version labels only" : out;
}

std::string textPlan(const Engine::RolloutPlan &plan)
{
    std::string out = "Rollout plan towards " + plan.target.toString() + ": " +
                      std::to_string(plan.reachingTarget()) + " of " +
                      std::to_string(plan.namespaces.size()) +
                      " namespace(s) enforce it afterwards; applying it rejects no workload its "
                      "namespace admits now.\n\n";
    std::size_t width = 9;
    for (const auto &p : plan.namespaces)
        width = std::max(width, p.name.size());
    char line[512];
    std::snprintf(line, sizeof line, "%-*s  %9s  %5s  %-20s  %-10s  %s\n", int(width), "NAMESPACE",
                  "WORKLOADS", "PODS", "ENFORCES NOW", "MEETS", "PLAN");
    out += line;
    for (const auto &p : plan.namespaces) {
        std::snprintf(line, sizeof line, "%-*s  %9d  %5d  %-20s  %-10s  ", int(width),
                      p.name.c_str(), p.workloads, p.pods, p.enforceNow.toString().c_str(),
                      Policy::levelName(p.meets));
        out += line + planSummary(p) + '\n';
    }
    for (const auto &p : plan.namespaces) {
        if (p.command.empty() && p.targetDryRun.warnings.empty() && p.targetDryRun.allowed &&
            p.failTarget == 0 && p.rejectedNow == 0)
            continue;
        out += "\n" + p.name + ":\n";
        if (p.rejectedNow > 0)
            out += "  " + std::to_string(p.rejectedNow) + " workload(s) fail " +
                   p.enforceNow.toString() + ", which it enforces now: their Pods are rejected\n";
        if (p.failTarget > 0) {
            out += "  " + std::to_string(p.failTarget) + " of " + std::to_string(p.workloads) +
                   " workload(s) fail " + plan.target.toString() + ":";
            for (const auto &[id, n] : p.failingChecks)
                out += ' ' + id + " (" + std::to_string(n) + ')';
            out += '\n';
        }
        if (!p.targetCommand.empty()) {
            out += "  $ " + p.targetCommand + '\n';
            if (!p.targetDryRun.allowed)
                out +=
                    "  The Namespace \"" + p.name + "\" is invalid: " + p.targetDryRun.error + '\n';
            for (const auto &w : p.targetDryRun.warnings)
                out += "  Warning: " + w + '\n';
            for (const auto &g : p.targetDryRun.groups) {
                std::string pods;
                for (const auto &name : g.pods)
                    pods += (pods.empty() ? "" : ", ") + name;
                out += "    pods (" + std::to_string(g.pods.size()) + "): " + pods + '\n';
            }
        }
        if (!p.command.empty())
            out += "  plan: " + p.command + '\n';
    }
    return out;
}

void labelsObject(JsonWriter &w, const Admission::Labels &labels)
{
    w.beginObject();
    for (const auto &[k, v] : labels)
        w.key(k).value(v);
    w.endObject();
}

std::string jsonPlan(const Engine::RolloutPlan &plan)
{
    JsonWriter w;
    w.beginObject().key("schemaVersion").value(1);
    w.key("tool").beginObject().key("name").value("podsec");
    w.key("version").value(buildInfo().version).endObject();
    w.key("target").value(plan.target.toString());
    w.key("summary").beginObject().key("namespaces").value(plan.namespaces.size());
    w.key("reachTarget").value(plan.reachingTarget()).endObject();
    w.key("namespaces").beginArray();
    for (const auto &p : plan.namespaces) {
        w.lineBreak().beginObject().key("name").value(p.name);
        w.key("declared").value(p.declared).key("step").value(Engine::planStepName(p.step));
        w.key("enforces").value(p.enforceNow.toString());
        w.key("meets").value(Policy::levelName(p.meets));
        w.key("workloads").value(p.workloads).key("pods").value(p.pods);
        w.key("rejectedNow").value(p.rejectedNow);
        w.key("failTarget").value(p.failTarget).key("failingChecks").beginArray();
        for (const auto &[id, n] : p.failingChecks)
            w.beginObject().key("id").value(id).key("workloads").value(n).endObject();
        w.endArray();
        w.key("labels");
        labelsObject(w, p.current);
        w.key("plannedLabels");
        labelsObject(w, p.planned);
        w.key("command").value(p.command);
        const auto &d = p.targetDryRun;
        w.key("dryRun").beginObject().key("command").value(p.targetCommand);
        w.key("allowed").value(d.allowed).key("error").value(d.error);
        w.key("warnings").beginArray();
        for (const auto &warning : d.warnings)
            w.value(warning);
        w.endArray().key("groups").beginArray();
        for (const auto &g : d.groups) {
            w.beginObject().key("reasons").value(g.reasons).key("pods").beginArray();
            for (const auto &pod : g.pods)
                w.value(pod);
            w.endArray().endObject();
        }
        w.endArray().endObject().endObject();
    }
    w.endArray().endObject().trailer("\n");
    return w.take();
}

} // namespace

int runPlanCommand(const QStringList &args)
{
    CommandArguments parsed({"allow-insecure-credentials"},
                            {"target", "version", "format", "output", "admission-config",
                             "namespace", "kubeconfig", "context", "request-timeout",
                             "read-timeout", "max-file-size", "kustomize-command", "values",
                             "render-timeout"});
    if (const auto status = parsed.parse(args))
        return *status;
    WorkspaceRequest request;
    if (const auto status = parseRenderOptions(parsed, request.render))
        return *status;
    std::string error;
    const auto policy =
        parsePolicy(parsed.value("target", "restricted"), parsed.value("version", "latest"), error);
    if (!policy)
        return usageError(error.replace(0, 7, "--target"));
    if (policy->level == Policy::Level::Privileged)
        return usageError("--target must be baseline or restricted");
    const std::string format = parsed.value("format", "text");
    if (format != "text" && format != "json" && format != "sh" && format != "yaml")
        return usageError("--format must be one of text, json, sh, yaml (got '" + format + "')");
    if (const auto status = parseWorkspaceInput(parsed, request))
        return *status;
    Engine::PlanRequest planRequest;
    planRequest.target = policy->level;
    if (parsed.isSet("namespace"))
        planRequest.defaultNamespace = parsed.value("namespace");
    if (parsed.isSet("admission-config")) {
        if (const auto status = readAdmissionConfig(parsed.value("admission-config"),
                                                    request.maxFileSize, planRequest.config))
            return *status;
    }
    request.options.version = policy->version;
    request.options.defaultNamespace = planRequest.defaultNamespace;
    request.options.admissionConfig = planRequest.config;
    bool errors = false;
    int status = 2;
    const auto snapshot = readWorkspace(request, errors, status);
    if (!snapshot)
        return status;
    const auto plan = Engine::planRollout(*snapshot, planRequest);
    const std::string text = format == "json"   ? jsonPlan(plan)
                             : format == "sh"   ? Engine::planScript(plan)
                             : format == "yaml" ? Engine::planPatches(plan)
                                                : textPlan(plan);
    if (!writeWhole(parsed.value("output"), text, "the plan"))
        return 2;
    if (errors)
        return 2;
    const auto leftAlone =
        std::count_if(plan.namespaces.begin(), plan.namespaces.end(), [](const auto &p) {
            return p.step == PlanStep::System || p.step == PlanStep::Exempt;
        });
    const bool complete =
        plan.reachingTarget() + leftAlone == std::ptrdiff_t(plan.namespaces.size());
    return complete ? 0 : 1;
}

} // namespace PodSec::Cli
