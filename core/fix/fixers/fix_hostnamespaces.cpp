// SPDX-License-Identifier: Apache-2.0
//
// hostNamespaces: hostNetwork, hostPID and hostIPC set to true are set to false.
#include "fix/fixers/fixers.h"

#include <QCoreApplication>

namespace PodSec::Fix::Fixers {

void hostNamespaces(FixContext &ctx, const Policy::CheckResult &r)
{
    for (const auto &f : r.fields) {
        if (!f.allowed && f.present)
            ctx.add(r, f.path, "set:false",
                    QCoreApplication::translate("PodSec::Fix", "Set %1 to false")
                        .arg(QString::fromStdString(f.path.substr(f.path.rfind('.') + 1))),
                    ctx.surgeon().replace(ctx.valueOf(f), raw("false")));
    }
}

} // namespace PodSec::Fix::Fixers
