// SPDX-License-Identifier: Apache-2.0
// The fixer of each check, one file each (fix_<lowercase id>.cpp beside the check's
// check_<lowercase id>.cpp in core/policy/checks/), and the helpers that pairs of checks
// share. Private to core/fix: callers go through allfixers.h.
#pragma once

#include "fix/fixer.h"

namespace PodSec::Fix::Fixers {

void allowPrivilegeEscalation(FixContext &ctx, const Policy::CheckResult &r);
void appArmorProfile(FixContext &ctx, const Policy::CheckResult &r);
void capabilitiesBaseline(FixContext &ctx, const Policy::CheckResult &r);
void capabilitiesRestricted(FixContext &ctx, const Policy::CheckResult &r);
void hostNamespaces(FixContext &ctx, const Policy::CheckResult &r);
void hostPathVolumes(FixContext &ctx, const Policy::CheckResult &r);
void hostPorts(FixContext &ctx, const Policy::CheckResult &r);
void hostProbesAndHostLifecycle(FixContext &ctx, const Policy::CheckResult &r);
void privileged(FixContext &ctx, const Policy::CheckResult &r);
void procMount(FixContext &ctx, const Policy::CheckResult &r);
void procMountRestricted(FixContext &ctx, const Policy::CheckResult &r);
void restrictedVolumes(FixContext &ctx, const Policy::CheckResult &r);
void runAsNonRoot(FixContext &ctx, const Policy::CheckResult &r);
void runAsUser(FixContext &ctx, const Policy::CheckResult &r);
void seLinuxOptions(FixContext &ctx, const Policy::CheckResult &r);
void seccompProfileBaseline(FixContext &ctx, const Policy::CheckResult &r);
void seccompProfileRestricted(FixContext &ctx, const Policy::CheckResult &r);
void sysctls(FixContext &ctx, const Policy::CheckResult &r);
void windowsHostProcess(FixContext &ctx, const Policy::CheckResult &r);

// Shared by two fixers.

/// appArmorProfile and seccompProfile_baseline (fix_apparmorprofile.cpp): the AppArmor
/// field and annotation forms and the old seccomp annotations and fields go to
/// RuntimeDefault.
void fixProfiles(FixContext &ctx, const Policy::CheckResult &r, bool apparmor);
/// capabilities_baseline and capabilities_restricted (fix_capabilities_baseline.cpp):
/// added capabilities that the level does not allow, per container. Under restricted, the
/// runtime's default capabilities are removed and anything beyond them is a decision;
/// under baseline everything beyond the defaults is a decision.
void fixAddedCapabilities(FixContext &ctx, const Policy::CheckResult &r, const K8s::Container &c,
                          bool restricted);
/// restrictedVolumes and hostPathVolumes (fix_restrictedvolumes.cpp): a volume source the
/// policy does not allow is a decision, with an emptyDir as the choice.
void decideVolumeSources(FixContext &ctx, const Policy::CheckResult &r);

} // namespace PodSec::Fix::Fixers
