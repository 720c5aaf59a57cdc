// SPDX-License-Identifier: Apache-2.0
#include "engine/evaluatedobject.h"

#include "fix/fixplanner.h"
#include "render/originlocator.h"

#include <optional>

namespace PodSec {

std::vector<EvaluatedObject>
evaluateDocument(const Yaml::Document &document, const EvaluationOptions &options,
                 const std::string *fileText, const Render::OriginLocator *origins,
                 bool fromCluster, std::vector<std::string> *namespaces)
{
    const Engine::RuleSet *checklist =
        options.checklist ? Engine::findRuleSet("checklist") : nullptr;
    std::vector<EvaluatedObject> out;
    std::optional<Fix::DocumentPlanner> planner;
    if (fileText)
        planner.emplace(document, *fileText);
    auto describe = [&](const K8s::Object &object, EvaluatedObject &e) {
        e.document = document.index;
        e.item = object.item;
        e.line = object.line;
        e.column = object.column;
        e.apiVersion = object.apiVersion;
        e.kind = object.kindText;
        e.namespaceName = object.namespaceName;
        e.name = object.name;
        e.owner = object.controller;
    };
    auto onOther = [&](const K8s::Object &object) {
        if (namespaces && Engine::isNamespacedKind(object.kindText))
            namespaces->push_back(object.namespaceOr(options.defaultNamespace));
        if (!checklist || !checklist->evaluatesObject(object))
            return;
        EvaluatedObject e;
        describe(object, e);
        e.hasTemplate = false;
        e.podBearing = false;
        checklist->evaluateObject(object, options, fromCluster, e.checklist);
        out.push_back(std::move(e));
    };
    auto onPlaced = [&](const Engine::PlacedObject &placed) {
        const auto &object = placed.object();
        if (namespaces)
            namespaces->push_back(object.namespaceName);
        EvaluatedObject e;
        describe(object, e);
        if (!placed.namespaceWritten())
            e.namespaceName.clear();
        e.hasTemplate = object.hasTemplate;
        if (checklist)
            checklist->evaluatePod(placed, options.policy, e.checklist);
        if (!options.pss) {
            e.evaluation.policy = options.policy;
            out.push_back(std::move(e));
            return;
        }
        if (options.admission) {
            e.admission = placed.admission();
            e.enforceDenied = placed.deniedByEnforce();
        }
        e.evaluation = placed.takeEvaluation(options.policy);
        if (planner && object.hasTemplate && !e.evaluation.allowed()) {
            for (auto &fix : planner->plan(placed.pod(), e.evaluation).fixes)
                e.fixes.push_back({fix.checkId, fix.title, fix.edits.edits()});
        }
        if (origins) {
            const Yaml::NodeId node = document.resolve(object.root);
            origins->relocate(document, node, e.evaluation);
            if (e.admission) {
                for (auto *m : {&e.admission->enforce, &e.admission->audit, &e.admission->warn})
                    origins->relocate(document, node, m->evaluation);
            }
        }
        out.push_back(std::move(e));
    };
    Engine::forEachObject(document, options, onPlaced, onOther);
    return out;
}

} // namespace PodSec
