// SPDX-License-Identifier: Apache-2.0
//
// capabilities_restricted: every container drops ALL; added capabilities other than
// NET_BIND_SERVICE are removed (runtime defaults) or left to a person
// (fixAddedCapabilities(), fix_capabilities_baseline.cpp). Linux-only.
#include "fix/fixers/fixers.h"

#include <QCoreApplication>

namespace PodSec::Fix::Fixers {

using Yaml::NodeKind;

void capabilitiesRestricted(FixContext &ctx, const Policy::CheckResult &r)
{
    if (ctx.linuxOnly(r))
        return;
    const auto &pod = ctx.pod();
    const Yaml::Document &doc = ctx.doc();
    for (const auto &c : pod.containers()) {
        const auto drop = pod.containerField(c, {"securityContext", "capabilities", "drop"});
        bool hasAll = false;
        if (drop.present && doc.kind(drop.node) == NodeKind::Sequence) {
            for (std::size_t i = 0; i < doc.size(drop.node); ++i)
                hasAll |= doc.scalar(doc.item(drop.node, i)) == "ALL";
        }
        if (!hasAll) {
            auto edit = drop.present
                            ? ctx.surgeon().append(drop.node, str("ALL"))
                            : ctx.surgeon().set(c.node, {"securityContext", "capabilities", "drop"},
                                                raw("[\"ALL\"]"));
            ctx.add(r, drop.path, "drop-all",
                    QCoreApplication::translate("PodSec::Fix", "Drop ALL capabilities in %1")
                        .arg(ctx.subject(c.path)),
                    std::move(edit));
        }
        fixAddedCapabilities(ctx, r, c, true);
    }
}

} // namespace PodSec::Fix::Fixers
