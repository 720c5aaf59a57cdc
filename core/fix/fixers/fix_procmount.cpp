// SPDX-License-Identifier: Apache-2.0
//
// procMount: a procMount other than Default is set to Default.
#include "fix/fixers/fixers.h"

#include <QtGlobal>

namespace PodSec::Fix::Fixers {

void procMount(FixContext &ctx, const Policy::CheckResult &r)
{
    ctx.replaceBad(r, QT_TRANSLATE_NOOP("PodSec::Fix", "Set procMount to Default in %1"),
                   str("Default"));
}

} // namespace PodSec::Fix::Fixers
