// SPDX-License-Identifier: Apache-2.0
#include "engine/buildinfo.h"

#include "policy/levelversion.h"

#include <QtGlobal>

namespace PodSec {

BuildInfo buildInfo(const std::string &highlighter)
{
    BuildInfo info;
    info.version = PODSEC_VERSION_STRING;
    info.policyVersions = "v1.0\u2013v1." + std::to_string(Policy::NewestMinor);
    info.components = {
        {"PodSec Explorer", PODSEC_VERSION_STRING, "Apache-2.0"},
        {"Qt", qVersion(), "LGPL-3.0-only"},
        {"yaml-cpp", PODSEC_YAML_CPP_VERSION, "MIT"},
    };
    if (highlighter.rfind("KSyntaxHighlighting", 0) == 0)
        info.components.push_back({highlighter, {}, "MIT"});
    return info;
}

std::string buildInfoText(const BuildInfo &info, const std::string &program)
{
    std::string out = program + ' ' + info.version + '\n';
    out += "Pod Security Standards policy versions: " + info.policyVersions + " (and latest)\n";
    out += "Built with:\n";
    for (const auto &c : info.components) {
        out += "  " + c.name;
        if (!c.version.empty())
            out += ' ' + c.version;
        out += " (" + c.licence + ")\n";
    }
    return out;
}

} // namespace PodSec
