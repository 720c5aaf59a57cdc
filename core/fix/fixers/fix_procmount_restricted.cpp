// SPDX-License-Identifier: Apache-2.0
//
// procMount_restricted: the same fix as procMount (fix_procmount.cpp); Default is the only
// value either level allows.
#include "fix/fixers/fixers.h"

namespace PodSec::Fix::Fixers {

void procMountRestricted(FixContext &ctx, const Policy::CheckResult &r)
{
    procMount(ctx, r);
}

} // namespace PodSec::Fix::Fixers
