// SPDX-License-Identifier: Apache-2.0
#include "engine/whatifpods.h"

#include "engine/placedobject.h"
#include "yaml/sourcefile.h"

namespace PodSec::Engine {

Admission::ExistingPod existingPod(const std::string &name, const K8s::Object::Owner &controller,
                                   bool exemptRuntimeClass, const Policy::Evaluation *evaluation)
{
    Admission::ExistingPod p;
    p.name = name;
    if (!controller.uid.empty())
        p.controller = controller.uid;
    else if (!controller.kind.empty() || !controller.name.empty())
        p.controller = controller.kind + '/' + controller.name;
    p.exemptRuntimeClass = exemptRuntimeClass;
    if (evaluation && !evaluation->allowed())
        p.reasons = evaluation->aggregateReason();
    return p;
}

std::vector<Admission::ExistingPod> podsInTexts(const std::vector<std::string> &texts,
                                                const std::string &ns,
                                                const std::string &defaultNamespace,
                                                const Policy::LevelVersion &policy,
                                                const Admission::AdmissionConfig &config)
{
    Placement placement;
    placement.defaultNamespace = defaultNamespace;
    placement.admissionConfig = config;
    std::vector<Admission::ExistingPod> pods;
    for (const auto &text : texts) {
        const auto file = Yaml::SourceFile::fromText("", text);
        for (const auto &doc : file->documents) {
            forEachPlacedObject(doc, placement, [&](const PlacedObject &placed) {
                const auto &object = placed.object();
                if (object.kind != K8s::Kind::Pod || object.namespaceName != ns)
                    return;
                const auto &evaluation = placed.evaluation(policy);
                Admission::ExistingPod p =
                    existingPod(object.name, object.controller,
                                Admission::exemptionOf(placed.pod(), config) ==
                                    Admission::Exemption::RuntimeClass,
                                &evaluation);
                pods.push_back(std::move(p));
            });
        }
    }
    return pods;
}

} // namespace PodSec::Engine
