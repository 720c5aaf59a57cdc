// SPDX-License-Identifier: Apache-2.0
//
// seLinuxOptions: a forbidden seLinuxOptions type, user or role is removed.
#include "fix/fixers/fixers.h"

#include <QtGlobal>

namespace PodSec::Fix::Fixers {

void seLinuxOptions(FixContext &ctx, const Policy::CheckResult &r)
{
    ctx.removeBad(r, QT_TRANSLATE_NOOP("PodSec::Fix", "Remove seLinuxOptions.%3 %2 from %1"));
}

} // namespace PodSec::Fix::Fixers
