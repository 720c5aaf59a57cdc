// SPDX-License-Identifier: Apache-2.0
#include "fix/fixers/allfixers.h"

#include "fix/fixers/fixers.h"

namespace PodSec::Fix {

const std::vector<FixerEntry> &allFixers()
{
    // An explicit list, like Policy::registry(): static self-registration would be dropped
    // from a static library.
    using K = FixerKind;
    static const std::vector<FixerEntry> fixers = {
        // baseline
        {"appArmorProfile", K::Automatic, Fixers::appArmorProfile},
        {"capabilities_baseline", K::DecisionOnly, Fixers::capabilitiesBaseline},
        {"hostNamespaces", K::Automatic, Fixers::hostNamespaces},
        {"hostPathVolumes", K::DecisionOnly, Fixers::hostPathVolumes},
        {"hostPorts", K::Automatic, Fixers::hostPorts},
        {"hostProbesAndHostLifecycle", K::Automatic, Fixers::hostProbesAndHostLifecycle},
        {"privileged", K::Automatic, Fixers::privileged},
        {"procMount", K::Automatic, Fixers::procMount},
        {"seLinuxOptions", K::Automatic, Fixers::seLinuxOptions},
        {"seccompProfile_baseline", K::Automatic, Fixers::seccompProfileBaseline},
        {"sysctls", K::Automatic, Fixers::sysctls},
        {"windowsHostProcess", K::Automatic, Fixers::windowsHostProcess},
        // restricted
        {"allowPrivilegeEscalation", K::Automatic, Fixers::allowPrivilegeEscalation},
        {"capabilities_restricted", K::Automatic, Fixers::capabilitiesRestricted},
        {"procMount_restricted", K::Automatic, Fixers::procMountRestricted},
        {"restrictedVolumes", K::DecisionOnly, Fixers::restrictedVolumes},
        {"runAsNonRoot", K::Automatic, Fixers::runAsNonRoot},
        {"runAsUser", K::Automatic, Fixers::runAsUser},
        {"seccompProfile_restricted", K::Automatic, Fixers::seccompProfileRestricted},
    };
    return fixers;
}

const FixerEntry *findFixer(std::string_view checkId)
{
    for (const auto &f : allFixers()) {
        if (f.checkId == checkId)
            return &f;
    }
    return nullptr;
}

} // namespace PodSec::Fix
