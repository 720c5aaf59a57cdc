// SPDX-License-Identifier: Apache-2.0
//
// runAsUser: runAsUser: 0 is removed (the pod's or the image's user applies).
#include "fix/fixers/fixers.h"

#include <QtGlobal>

namespace PodSec::Fix::Fixers {

void runAsUser(FixContext &ctx, const Policy::CheckResult &r)
{
    ctx.removeBad(r, QT_TRANSLATE_NOOP("PodSec::Fix",
                                       "Remove runAsUser: 0 from %1 (the pod's or the "
                                       "image's user applies; runAsNonRoot keeps it from "
                                       "being root)"));
}

} // namespace PodSec::Fix::Fixers
