// SPDX-License-Identifier: Apache-2.0
//
// hostProbesAndHostLifecycle: the host field of a probe or lifecycle handler is removed
// (the handler then targets the pod's own IP).
#include "fix/fixers/fixers.h"

#include <QCoreApplication>

namespace PodSec::Fix::Fixers {

void hostProbesAndHostLifecycle(FixContext &ctx, const Policy::CheckResult &r)
{
    for (const auto &f : r.fields) {
        if (!f.allowed && f.present) {
            const std::string handler = f.path.substr(0, f.path.rfind('.'));
            ctx.add(r, f.path, "remove",
                    QCoreApplication::translate("PodSec::Fix", "Remove host %2 from %3 in %1")
                        .arg(ctx.subject(f.path), QString::fromStdString(f.value),
                             QString::fromStdString(
                                 handler.substr(handler.find('.', handler.rfind(']')) + 1))),
                    ctx.removeField(ctx.valueOf(f)));
        }
    }
}

} // namespace PodSec::Fix::Fixers
