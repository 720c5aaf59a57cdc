// SPDX-License-Identifier: Apache-2.0
#include "engine/evaluatedobject.h"

#include "fix/fixplanner.h"

#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <optional>

namespace PodSec {

bool EvaluatedObject::passesEnforce() const
{
    if (!admission)
        return allowed();
    if (admission->exempt != Admission::Exemption::None)
        return true;
    const auto &e = admission->enforce;
    if (e.applies)
        return e.allowed;
    // Templates: enforce does not act on them, but the pods they create would be judged.
    return e.evaluation.results.empty() || e.evaluation.allowed();
}

std::vector<EvaluatedObject> evaluateDocument(const Yaml::Document &document,
                                              const EvaluationOptions &options,
                                              const std::string *fileText)
{
    std::vector<EvaluatedObject> out;
    std::optional<Fix::DocumentPlanner> planner;
    if (fileText)
        planner.emplace(document, *fileText);
    for (const auto &object : K8s::objectsIn(document)) {
        if (!object.isEvaluated())
            continue;
        EvaluatedObject e;
        e.document = document.index;
        e.item = object.item;
        e.line = object.line;
        e.column = object.column;
        e.apiVersion = object.apiVersion;
        e.kind = object.kindText;
        e.namespaceName = object.namespaceName;
        e.name = object.name;
        e.hasTemplate = object.hasTemplate;
        const K8s::PodSpecView pod(object);
        if (object.hasTemplate) {
            e.evaluation = Policy::evaluate(pod, options.policy);
            if (planner && !e.evaluation.allowed()) {
                for (auto &fix : planner->plan(pod, e.evaluation).fixes)
                    e.fixes.push_back({fix.checkId, fix.title, fix.edits.edits()});
            }
        } else
            e.evaluation.policy = options.policy;
        if (options.admission) {
            const std::string &ns = object.namespaceOr(options.defaultNamespace);
            static const std::vector<std::pair<std::string, std::string>> noLabels;
            const auto it = options.namespaces.find(ns);
            const auto policy = Admission::resolveNamespacePolicy(
                it == options.namespaces.end() ? noLabels : it->second,
                options.admissionConfig.defaults);
            K8s::Object withNamespace = object;
            withNamespace.namespaceName = ns;
            const K8s::PodSpecView nsPod(withNamespace);
            e.admission = Admission::admit(nsPod, policy, options.admissionConfig);
            if (!object.hasTemplate) {
                e.admission->enforce.applies = false;
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

void collectNamespaces(std::string_view fileText, const Yaml::Chunk &chunk, int index,
                       NamespaceLabels &namespaces)
{
    if (fileText.substr(chunk.start, chunk.end - chunk.start).find("Namespace") ==
        std::string_view::npos)
        return;
    const auto document = Yaml::SourceFile::parseChunk(fileText, chunk, index);
    for (const auto &object : K8s::objectsIn(document)) {
        if (object.kind == K8s::Kind::Namespace && !object.name.empty())
            namespaces[object.name] = object.labels;
    }
}

} // namespace PodSec
