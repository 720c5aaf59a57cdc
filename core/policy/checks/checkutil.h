// SPDX-License-Identifier: Apache-2.0
// Shared wording and field recording for the check implementations (private to core).
#pragma once

#include "k8s/podspec.h"
#include "policy/registry.h"

#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Policy::Checks {

/// Q(list): every item in double quotes, joined with ", ".
std::string quoted(const std::vector<std::string> &items);
/// J(list): items joined with ", ".
std::string joined(const std::vector<std::string> &items);
inline const char *plural(std::size_t n, const char *singular, const char *pluralForm)
{
    return n == 1 ? singular : pluralForm;
}
/// Duplicates removed, sorted byte-wise.
std::vector<std::string> sortedSet(std::vector<std::string> items);
/// Go's %q rendering of a string.
std::string goQuote(std::string_view s);
/// `container "a"` or `containers "a", "b"`.
std::string containersPhrase(const std::vector<std::string> &names);
/// `pod`, `containers "a"`, `pod and container "b"`: the setters of a value, in that order.
std::string settersPhrase(bool pod, const std::vector<std::string> &containers);

/// Adds a field to the result, with its JSON value and source position.
void record(CheckResult &result, const K8s::PodSpecView &pod, const K8s::FieldRef &field,
            bool allowed);

/// Runs a check and then relaxes it: every field passes and the check is allowed. Used by
/// the Windows and user-namespace variants so a relaxed pod still shows what was looked at.
void relaxed(CheckFunction base, const K8s::PodSpecView &pod, CheckResult &result);

/// A variant that exempts Windows pods (spec.os.name: windows) from Base.
template <CheckFunction Base> void exemptWindows(const K8s::PodSpecView &pod, CheckResult &result)
{
    if (pod.isWindows())
        relaxed(Base, pod, result);
    else
        Base(pod, result);
}

/// A variant that exempts user-namespace pods (spec.hostUsers: false) from Base.
template <CheckFunction Base>
void exemptUserNamespace(const K8s::PodSpecView &pod, CheckResult &result)
{
    if (pod.usesUserNamespace())
        relaxed(Base, pod, result);
    else
        Base(pod, result);
}

/// The sequence items of a present field (empty when absent or not a sequence).
std::vector<Yaml::NodeId> itemsOf(const K8s::PodSpecView &pod, const K8s::FieldRef &field);
/// Field reference of the i-th item of a sequence field.
K8s::FieldRef itemRef(const K8s::PodSpecView &pod, const K8s::FieldRef &seq, std::size_t i);

/// The procMount rule (check_procmount.cpp), shared by procMount and procMount_restricted.
void procMountRule(const K8s::PodSpecView &pod, CheckResult &result);

// The check definitions, one per file (check_<lowercase id>.cpp).
CheckDefinition allowPrivilegeEscalation();
CheckDefinition appArmorProfile();
CheckDefinition capabilitiesBaseline();
CheckDefinition capabilitiesRestricted();
CheckDefinition hostNamespaces();
CheckDefinition hostPathVolumes();
CheckDefinition hostPorts();
CheckDefinition hostProbesAndHostLifecycle();
CheckDefinition privileged();
CheckDefinition procMount();
CheckDefinition procMountRestricted();
CheckDefinition restrictedVolumes();
CheckDefinition runAsNonRoot();
CheckDefinition runAsUser();
CheckDefinition seLinuxOptions();
CheckDefinition seccompProfileBaseline();
CheckDefinition seccompProfileRestricted();
CheckDefinition sysctls();
CheckDefinition windowsHostProcess();

} // namespace PodSec::Policy::Checks
