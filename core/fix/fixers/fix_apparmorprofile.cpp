// SPDX-License-Identifier: Apache-2.0
//
// appArmorProfile: AppArmor profiles (field and annotation forms) other than
// RuntimeDefault/Localhost go to RuntimeDefault. fixProfiles() also serves
// seccompProfile_baseline (fix_seccompprofile_baseline.cpp).
#include "fix/fixers/fixers.h"

#include <QCoreApplication>

namespace PodSec::Fix::Fixers {

using Yaml::NodeId;
using Yaml::NodeKind;
using Yaml::NoNode;

void fixProfiles(FixContext &ctx, const Policy::CheckResult &r, bool apparmor)
{
    const YamlSurgeon &surgeon = ctx.surgeon();
    for (const auto &f : r.fields) {
        if (f.allowed)
            continue;
        if (f.path.find(".annotations[") != std::string::npos) {
            ctx.add(
                r, f.path, "set:runtime/default",
                QCoreApplication::translate("PodSec::Fix", "Set annotation %1 to runtime/default")
                    .arg(QString::fromStdString(
                        f.path.substr(f.path.find('[') + 1, f.path.size() - f.path.find('[') - 2))),
                surgeon.replace(ctx.valueOf(f), str("runtime/default")));
        } else if (f.present) {
            ctx.add(r, f.path, "set:RuntimeDefault",
                    (apparmor ? QCoreApplication::translate(
                                    "PodSec::Fix", "Use the RuntimeDefault AppArmor profile in %1")
                              : QCoreApplication::translate(
                                    "PodSec::Fix", "Use the RuntimeDefault seccomp profile in %1"))
                        .arg(ctx.subject(f.path)),
                    surgeon.replace(ctx.valueOf(f), str("RuntimeDefault")));
        } else {
            // appArmorProfile without a type: the profile mapping is the anchor.
            const NodeId profile = surgeon.nodeAt(f.offset, f.endOffset);
            if (profile != NoNode && ctx.doc().kind(profile) == NodeKind::Mapping)
                ctx.add(r, f.path, "set:RuntimeDefault",
                        QCoreApplication::translate("PodSec::Fix",
                                                    "Use the RuntimeDefault AppArmor profile in %1")
                            .arg(ctx.subject(f.path)),
                        surgeon.set(profile, {"type"}, str("RuntimeDefault")));
        }
    }
}

void appArmorProfile(FixContext &ctx, const Policy::CheckResult &r)
{
    fixProfiles(ctx, r, true);
}

} // namespace PodSec::Fix::Fixers
