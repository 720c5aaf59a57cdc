// SPDX-License-Identifier: Apache-2.0
//
// windowsHostProcess: windowsOptions.hostProcess: true is set to false.
#include "fix/fixers/fixers.h"

#include <QtGlobal>

namespace PodSec::Fix::Fixers {

void windowsHostProcess(FixContext &ctx, const Policy::CheckResult &r)
{
    ctx.replaceBad(
        r, QT_TRANSLATE_NOOP("PodSec::Fix", "Set windowsOptions.hostProcess to false in %1"),
        raw("false"));
}

} // namespace PodSec::Fix::Fixers
