// SPDX-License-Identifier: Apache-2.0
//
// hostPathVolumes: a hostPath volume is a decision, with an emptyDir as the choice
// (decideVolumeSources(), fix_restrictedvolumes.cpp).
#include "fix/fixers/fixers.h"

namespace PodSec::Fix::Fixers {

void hostPathVolumes(FixContext &ctx, const Policy::CheckResult &r)
{
    decideVolumeSources(ctx, r);
}

} // namespace PodSec::Fix::Fixers
