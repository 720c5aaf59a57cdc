// SPDX-License-Identifier: Apache-2.0
#include "policy/registry.h"

#include "policy/checks/checkutil.h"

#include <algorithm>
#include <set>

namespace PodSec::Policy {

const std::vector<CheckDefinition> &registry()
{
    // An explicit list: static self-registration would be dropped from a static library.
    // Order: baseline IDs sorted byte-wise, then restricted IDs sorted byte-wise.
    static const std::vector<CheckDefinition> checks = [] {
        using namespace Checks;
        std::vector<CheckDefinition> all = {
            appArmorProfile(),
            capabilitiesBaseline(),
            hostNamespaces(),
            hostPathVolumes(),
            hostPorts(),
            hostProbesAndHostLifecycle(),
            privileged(),
            procMount(),
            seLinuxOptions(),
            seccompProfileBaseline(),
            sysctls(),
            windowsHostProcess(),
            allowPrivilegeEscalation(),
            capabilitiesRestricted(),
            procMountRestricted(),
            restrictedVolumes(),
            runAsNonRoot(),
            runAsUser(),
            seccompProfileRestricted(),
        };
        std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
            if (a.level != b.level)
                return a.level < b.level;
            return a.id < b.id;
        });
        return all;
    }();
    return checks;
}

const CheckDefinition *findCheck(std::string_view id)
{
    for (const auto &c : registry()) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

std::vector<std::string> validateRegistry(const std::vector<CheckDefinition> &checks)
{
    std::vector<std::string> problems;
    std::set<std::string_view> ids;
    for (const auto &c : checks) {
        const std::string id(c.id);
        if (c.id.empty())
            problems.push_back("check with an empty ID");
        if (!ids.insert(c.id).second)
            problems.push_back(id + ": duplicate ID");
        if (c.level == Level::Privileged)
            problems.push_back(id + ": privileged level has no checks");
        if (c.variants.empty())
            problems.push_back(id + ": no variants");
        for (std::size_t i = 0; i < c.variants.size(); ++i) {
            const auto &v = c.variants[i];
            if (!v.function)
                problems.push_back(id + ": variant without a function");
            if (v.minimumVersion < 0 || v.minimumVersion > NewestMinor)
                problems.push_back(id + ": minimum version out of range");
            if (i > 0 && v.minimumVersion <= c.variants[i - 1].minimumVersion)
                problems.push_back(id + ": variant versions not strictly increasing");
            if (!v.overrides.empty() && c.level != Level::Restricted)
                problems.push_back(id + ": only restricted checks may override");
        }
    }
    for (const auto &c : checks) {
        for (const auto &v : c.variants) {
            for (auto o : v.overrides) {
                const auto it = std::find_if(checks.begin(), checks.end(),
                                             [&](const auto &x) { return x.id == o; });
                if (it == checks.end())
                    problems.push_back(std::string(c.id) + ": overrides unknown check " +
                                       std::string(o));
                else if (it->level != Level::Baseline)
                    problems.push_back(std::string(c.id) + ": overrides non-baseline check " +
                                       std::string(o));
            }
        }
    }
    for (std::size_t i = 1; i < checks.size(); ++i) {
        const auto &a = checks[i - 1], &b = checks[i];
        if (a.level > b.level || (a.level == b.level && !(a.id < b.id)))
            problems.push_back(std::string(b.id) + ": registry not in reference order");
    }
    return problems;
}

namespace {

const CheckVariant *variantAt(const CheckDefinition &c, int version)
{
    const CheckVariant *found = nullptr;
    for (const auto &v : c.variants) {
        if (v.minimumVersion <= version)
            found = &v;
    }
    return found;
}

} // namespace

std::vector<SelectedCheck> checksFor(Level level, const Version &version)
{
    std::vector<SelectedCheck> selected;
    if (level == Level::Privileged)
        return selected;
    const int v = version.clamped();
    std::set<std::string_view> overridden;
    if (level == Level::Restricted) {
        for (const auto &c : registry()) {
            if (c.level != Level::Restricted)
                continue;
            if (const auto *variant = variantAt(c, v))
                overridden.insert(variant->overrides.begin(), variant->overrides.end());
        }
    }
    for (const auto &c : registry()) {
        if (c.level == Level::Restricted && level != Level::Restricted)
            continue;
        if (overridden.count(c.id))
            continue;
        if (const auto *variant = variantAt(c, v))
            selected.push_back({&c, variant});
    }
    return selected;
}

} // namespace PodSec::Policy
