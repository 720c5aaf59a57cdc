// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/levelversion.h"
#include "render/renderer.h"

#include <map>
#include <set>
#include <string>
#include <vector>

/// Fixes of a rendered Kustomize root written where the objects came from: the base file
/// that holds a Deployment, not the rendering (which nobody edits).
namespace PodSec {
struct EvaluatedObject;
} // namespace PodSec

namespace PodSec::Engine {

/// "Kind ns/name" of an object of a rendering, as OriginFixResult::fixed names it.
std::string renderedObjectLabel(const EvaluatedObject &o);

struct OriginFixResult
{
    /// The files changed, each with its text before and after (paths as the rendering
    /// names them), in the order they were first changed.
    struct File
    {
        std::string path;
        std::string before;
        std::string after;
        std::vector<std::string> applied; ///< "Kind name: title" of each fix
    };
    std::vector<File> files;
    /// The checks those changes fix, "Kind ns/name: id" of the rendered objects.
    std::set<std::string> fixed;
    /// Why fixes were planned but not kept (rendering again with them failed or made a
    /// check fail that passed): one message each; the findings stay decisions.
    std::vector<std::string> notes;
};

/// Plans the automatic fixes of a rendered Kustomize root (policy, only: as Engine::fixText)
/// in the files its objects came from. A failing check is fixed in an object's origin file
/// only when every failing field of it is either written there with the rendered value or
/// not set at all; a value set by a patch, or changed on the way, is left for a person. The
/// changed files are then checked by rendering the root again from a private copy of its
/// folders with the changes in place: the fixes are kept only when that rendering succeeds,
/// every fixed check passes in it and no check that passed fails. pending holds texts
/// already changed by earlier roots (read instead of the disk, and updated). Nothing is
/// written to the user's files. Helm charts are templates: they get no automatic fix.
OriginFixResult fixOrigins(const Render::Rendering &rendering, const Policy::LevelVersion &policy,
                           const std::set<std::string> &only, const Render::Options &renderOptions,
                           std::map<std::string, std::string> &pending);

} // namespace PodSec::Engine
