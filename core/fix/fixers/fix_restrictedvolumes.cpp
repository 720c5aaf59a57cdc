// SPDX-License-Identifier: Apache-2.0
//
// restrictedVolumes: a volume type the restricted level does not allow is a decision (what
// replaces it depends on what the program keeps there), with an emptyDir as the choice.
// decideVolumeSources() also serves hostPathVolumes (fix_hostpathvolumes.cpp).
#include "fix/fixers/fixers.h"

#include <QCoreApplication>

namespace PodSec::Fix::Fixers {

using Yaml::NodeId;
using Yaml::NoNode;

void decideVolumeSources(FixContext &ctx, const Policy::CheckResult &r)
{
    const YamlSurgeon &surgeon = ctx.surgeon();
    for (const auto &f : r.fields) {
        if (f.allowed || !f.present)
            continue;
        const NodeId source = ctx.valueOf(f);
        const NodeId volume = surgeon.parent(source);
        if (volume == NoNode)
            continue;
        const QString name =
            QString::fromStdString(ctx.doc().scalar(ctx.doc().get(volume, "name")));
        const QString type = QString::fromStdString(f.path.substr(f.path.rfind('.') + 1));
        std::vector<FixIt> choices;
        if (auto c = FixContext::choice(
                r, f.path, "emptyDir",
                QCoreApplication::translate("PodSec::Fix",
                                            "Replace the %1 source of volume \"%2\" with an "
                                            "emptyDir (its data then lives only as long as the "
                                            "pod)")
                    .arg(type, name),
                surgeon.replaceEntry(volume, surgeon.indexIn(volume, source), "emptyDir", "{}")))
            choices.push_back(std::move(*c));
        ctx.decide(r, f.path,
                   QCoreApplication::translate(
                       "PodSec::Fix",
                       "Volume \"%1\" uses %2, which the policy does not allow. What replaces it "
                       "(an emptyDir, a persistentVolumeClaim, a configMap or secret) depends on "
                       "what the program keeps there")
                       .arg(name, type),
                   std::move(choices));
    }
}

void restrictedVolumes(FixContext &ctx, const Policy::CheckResult &r)
{
    decideVolumeSources(ctx, r);
}

} // namespace PodSec::Fix::Fixers
