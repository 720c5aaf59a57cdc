// SPDX-License-Identifier: Apache-2.0
//
// procMount_restricted (restricted, from v1.35)
// The same rule as the baseline procMount check, without the user-namespace exemption:
// at the restricted level no container may unmask /proc. Replaces procMount there.
#include "policy/checks/checkutil.h"

namespace PodSec::Policy::Checks {

CheckDefinition procMountRestricted()
{
    return {"procMount_restricted", Level::Restricted, {{35, procMountRule, {"procMount"}}}};
}

} // namespace PodSec::Policy::Checks
