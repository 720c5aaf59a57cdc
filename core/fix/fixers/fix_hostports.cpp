// SPDX-License-Identifier: Apache-2.0
//
// hostPorts: every hostPort is removed from its container port.
#include "fix/fixers/fixers.h"

#include <QtGlobal>

namespace PodSec::Fix::Fixers {

void hostPorts(FixContext &ctx, const Policy::CheckResult &r)
{
    ctx.removeBad(r, QT_TRANSLATE_NOOP("PodSec::Fix", "Remove hostPort %2 from %1"));
}

} // namespace PodSec::Fix::Fixers
