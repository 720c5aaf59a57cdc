// SPDX-License-Identifier: Apache-2.0
//
// seccompProfile_baseline: an Unconfined seccomp profile (field or the old annotations)
// goes to RuntimeDefault, through fixProfiles() (fix_apparmorprofile.cpp).
#include "fix/fixers/fixers.h"

namespace PodSec::Fix::Fixers {

void seccompProfileBaseline(FixContext &ctx, const Policy::CheckResult &r)
{
    fixProfiles(ctx, r, false);
}

} // namespace PodSec::Fix::Fixers
