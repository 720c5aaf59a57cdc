// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/namespacepolicy.h"
#include "common/diagnostic.h"

#include <optional>
#include <string>
#include <vector>

namespace PodSec::Admission {

/// A PodSecurityConfiguration: defaults and exemptions (spec/pss-checks.md §6.4).
struct AdmissionConfig
{
    Defaults defaults;
    std::vector<std::string> exemptUsernames;
    std::vector<std::string> exemptNamespaces;
    std::vector<std::string> exemptRuntimeClasses;

    bool isExemptNamespace(const std::string &ns) const;
    bool isExemptRuntimeClass(const std::string &runtimeClass) const;
    bool isExemptUser(const std::string &user) const;
};

/// Reads a PodSecurityConfiguration, or an AdmissionConfiguration holding one under the
/// PodSecurity plugin. Errors carry the file position; on error the result is empty.
std::optional<AdmissionConfig> parseAdmissionConfig(const std::string &text,
                                                    std::vector<Diagnostic> &errors);

} // namespace PodSec::Admission
