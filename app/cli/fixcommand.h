// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/fileinput.h"
#include "policy/levelversion.h"
#include "render/renderer.h"

#include <set>
#include <string>
#include <vector>

namespace PodSec::Cli {

struct FixRequest
{
    std::vector<std::string> paths;
    Policy::LevelVersion policy{Policy::Level::Restricted, Policy::Version::latest()};
    bool inPlace = false;
    std::string backupSuffix; ///< with inPlace: keep FILE+suffix
    bool diff = false;
    std::set<std::string> only;
    /// `--rules`: PSS fixes (default); the checklist, whose findings all need a person's
    /// decision (spec/checklist.md), is listed after the fixes when selected.
    bool pss = true;
    bool checklist = false;
    std::uint64_t maxFileSize = DefaultMaxFileSize; ///< --max-file-size
    Render::Options render;
};

/// Runs `podsec fix` (shared/spec/cli.md). Returns 0 when every object passes afterwards,
/// 1 when findings need a human decision (listed on stderr), 2 on usage or input errors.
/// A rendering is never rewritten: a Kustomize root's fixes go to the files its objects came
/// from (Engine::fixOrigins; with --diff or --in-place), and every other failing field is
/// listed as a decision naming the file and line where the value is written, or the place
/// to set it.
int runFix(const FixRequest &request);

} // namespace PodSec::Cli
