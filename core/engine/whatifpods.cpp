// SPDX-License-Identifier: Apache-2.0
#include "engine/whatifpods.h"

#include "engine/placedobject.h"
#include "yaml/sourcefile.h"

namespace PodSec::Engine {

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
                Admission::ExistingPod p;
                p.name = object.name;
                const auto &owner = object.controller;
                if (!owner.uid.empty())
                    p.controller = owner.uid;
                else if (!owner.kind.empty() || !owner.name.empty())
                    p.controller = owner.kind + '/' + owner.name;
                p.exemptRuntimeClass = Admission::exemptionOf(placed.pod(), config) ==
                                       Admission::Exemption::RuntimeClass;
                const auto &evaluation = placed.evaluation(policy);
                if (!evaluation.allowed())
                    p.reasons = evaluation.aggregateReason();
                pods.push_back(std::move(p));
            });
        }
    }
    return pods;
}

} // namespace PodSec::Engine
