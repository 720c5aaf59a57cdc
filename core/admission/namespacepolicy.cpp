// SPDX-License-Identifier: Apache-2.0
#include "admission/namespacepolicy.h"

namespace PodSec::Admission {

namespace {
constexpr const char *Prefix = "pod-security.kubernetes.io/";
constexpr const char *LevelError = "must be one of privileged, baseline, restricted";
constexpr const char *VersionError = "must be \"latest\" or \"v1.x\"";
} // namespace

bool isPodSecurityLabel(const std::string &key)
{
    return key.rfind(Prefix, 0) == 0;
}

const char *modeName(Mode mode)
{
    switch (mode) {
    case Mode::Enforce:
        return "enforce";
    case Mode::Audit:
        return "audit";
    case Mode::Warn:
        return "warn";
    }
    return "";
}

std::string LabelError::fieldError() const
{
    return "metadata.labels[" + label + "]: Invalid value: \"" + value + "\": " + message;
}

const LevelVersion &NamespacePolicy::policy(Mode mode) const
{
    switch (mode) {
    case Mode::Enforce:
        return enforce;
    case Mode::Audit:
        return audit;
    case Mode::Warn:
        break;
    }
    return warn;
}

std::string NamespacePolicy::errorText() const
{
    if (errors.size() == 1)
        return errors.front().fieldError();
    std::string out = "[";
    for (std::size_t i = 0; i < errors.size(); ++i) {
        if (i)
            out += ", ";
        out += errors[i].fieldError();
    }
    return out + "]";
}

NamespacePolicy
resolveNamespacePolicy(const std::vector<std::pair<std::string, std::string>> &labels,
                       const Defaults &defaults)
{
    NamespacePolicy p;
    p.enforce = defaults.enforce;
    p.audit = defaults.audit;
    p.warn = defaults.warn;
    auto find = [&](const std::string &key) -> const std::string * {
        const std::string *found = nullptr;
        for (const auto &[k, v] : labels) {
            if (k == key)
                found = &v;
        }
        return found;
    };
    bool enforceLevelValid = false;
    const Mode modes[] = {Mode::Enforce, Mode::Audit, Mode::Warn};
    for (int i = 0; i < 3; ++i) {
        const Mode mode = modes[i];
        LevelVersion &lv = mode == Mode::Enforce ? p.enforce
                           : mode == Mode::Audit ? p.audit
                                                 : p.warn;
        const std::string levelKey = std::string(Prefix) + modeName(mode);
        const std::string versionKey = levelKey + "-version";
        if (const std::string *value = find(levelKey)) {
            p.levelLabel[i] = true;
            if (auto level = Policy::parseLevel(*value)) {
                lv.level = *level;
                if (mode == Mode::Enforce)
                    enforceLevelValid = true;
            } else {
                p.errors.push_back({levelKey, *value, LevelError});
                lv.level =
                    mode == Mode::Enforce ? Policy::Level::Restricted : Policy::Level::Privileged;
            }
        }
        if (const std::string *value = find(versionKey)) {
            p.versionLabel[i] = true;
            if (auto version = Policy::Version::parse(*value)) {
                lv.version = *version;
            } else {
                p.errors.push_back({versionKey, *value, VersionError});
                lv.version = Policy::Version::latest();
            }
        }
    }
    // Warn follows a stricter enforce level when warn has no label of its own.
    if (!p.levelLabel[2] && enforceLevelValid && p.enforce.level > p.warn.level) {
        p.warn.level = p.enforce.level;
        if (!p.versionLabel[2])
            p.warn.version = p.enforce.version;
    }
    return p;
}

} // namespace PodSec::Admission
