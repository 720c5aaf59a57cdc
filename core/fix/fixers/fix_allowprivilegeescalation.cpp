// SPDX-License-Identifier: Apache-2.0
//
// allowPrivilegeEscalation: every container gets allowPrivilegeEscalation: false, unless
// the pod selects Windows nodes (then the Windows decision of linuxOnly()).
#include "fix/fixers/fixers.h"

#include <QCoreApplication>

namespace PodSec::Fix::Fixers {

void allowPrivilegeEscalation(FixContext &ctx, const Policy::CheckResult &r)
{
    if (ctx.linuxOnly(r))
        return;
    const auto &pod = ctx.pod();
    for (const auto &c : pod.containers()) {
        const auto f = pod.containerField(c, {"securityContext", "allowPrivilegeEscalation"});
        if (!(f.present && ctx.doc().isFalse(f.node)))
            ctx.add(r, f.path, "set:false",
                    QCoreApplication::translate("PodSec::Fix",
                                                "Set allowPrivilegeEscalation to false in %1")
                        .arg(ctx.subject(c.path)),
                    ctx.surgeon().set(c.node, {"securityContext", "allowPrivilegeEscalation"},
                                      raw("false")));
    }
}

} // namespace PodSec::Fix::Fixers
