// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/levelversion.h"

#include <string>
#include <utility>
#include <vector>

namespace PodSec::Admission {

using Policy::LevelVersion;

enum class Mode { Enforce, Audit, Warn };

/// "pod-security.kubernetes.io/…": the labels Pod Security Admission reads.
bool isPodSecurityLabel(const std::string &key);
const char *modeName(Mode mode);

/// The policy used for a namespace without labels, per mode (privileged:latest unless
/// an admission configuration says otherwise).
struct Defaults
{
    LevelVersion enforce{Policy::Level::Privileged, Policy::Version::latest()};
    LevelVersion audit{Policy::Level::Privileged, Policy::Version::latest()};
    LevelVersion warn{Policy::Level::Privileged, Policy::Version::latest()};
};

/// An invalid pod-security.kubernetes.io/* label value.
struct LabelError
{
    std::string label;
    std::string value;
    std::string message; ///< "must be one of privileged, baseline, restricted" / "must be "latest"
                         ///< or "v1.x""
    /// metadata.labels[<label>]: Invalid value: "<value>": <message>
    std::string fieldError() const;
};

/// The enforce/audit/warn policies of a namespace, resolved from its labels
/// (spec/pss-checks.md §6.2).
struct NamespacePolicy
{
    LevelVersion enforce, audit, warn;
    std::vector<LabelError> errors;
    /// Which of the six labels were present (enforce, enforce-version, audit, ...).
    bool levelLabel[3] = {false, false, false};
    bool versionLabel[3] = {false, false, false};

    const LevelVersion &policy(Mode mode) const;
    /// The errors as the API server aggregates them ("a" or "[a, b]").
    std::string errorText() const;
};

NamespacePolicy
resolveNamespacePolicy(const std::vector<std::pair<std::string, std::string>> &labels,
                       const Defaults &defaults = {});

} // namespace PodSec::Admission
