// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace PodSec {

/// A component the programs are built from, with its licence (SPDX identifier).
struct Component
{
    std::string name;
    std::string version;
    std::string licence;
};

/// The facts `podsec --version` prints and the About dialog shows: one source for both.
struct BuildInfo
{
    std::string version;        ///< from CMake's project(VERSION)
    std::string policyVersions; ///< "v1.0–v1.37" (the newest the engine knows)
    std::vector<Component> components;
};

/// highlighter: the editor's syntax colouring ("" for the CLI, which has none).
BuildInfo buildInfo(const std::string &highlighter = {});

/// Plain-text rendering, one fact a line (what `podsec --version` prints).
std::string buildInfoText(const BuildInfo &info, const std::string &program);

} // namespace PodSec
