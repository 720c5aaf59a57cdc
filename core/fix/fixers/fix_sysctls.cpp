// SPDX-License-Identifier: Apache-2.0
//
// sysctls: the forbidden sysctls are removed from spec.securityContext.sysctls in one fix.
#include "fix/fixers/fixers.h"

#include <QCoreApplication>
#include <QStringList>

namespace PodSec::Fix::Fixers {

using Yaml::NodeId;
using Yaml::NoNode;

void sysctls(FixContext &ctx, const Policy::CheckResult &r)
{
    const YamlSurgeon &surgeon = ctx.surgeon();
    std::vector<std::size_t> bad;
    QStringList names;
    NodeId sequence = NoNode;
    for (const auto &f : r.fields) {
        if (f.allowed || !f.present)
            continue;
        const NodeId item = surgeon.parent(ctx.valueOf(f));
        const NodeId seq = surgeon.parent(item);
        if (item == NoNode || seq == NoNode || (sequence != NoNode && seq != sequence))
            return;
        sequence = seq;
        bad.push_back(surgeon.indexIn(seq, item));
        names << QString::fromStdString(ctx.doc().scalar(ctx.valueOf(f)));
    }
    if (sequence != NoNode)
        ctx.add(r, ctx.pod().specPath() + ".securityContext.sysctls", "remove",
                QCoreApplication::translate("PodSec::Fix", "Remove forbidden sysctls %1")
                    .arg(names.join(QStringLiteral(", "))),
                surgeon.removeItems(sequence, bad));
}

} // namespace PodSec::Fix::Fixers
