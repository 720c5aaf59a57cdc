// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/fileinput.h"

#include <string>
#include <vector>

/// Roots that an external tool renders before anything in them can be evaluated: a
/// kustomization (`kubectl kustomize`, `kustomize build`) and a Helm chart (`helm template`).
/// Their files are inputs of the tool (bases, patches, Go templates), never objects of their
/// own: the folder walk hands them to the root instead of evaluating them standalone.
namespace PodSec::Render {

enum class Tool : std::uint8_t { Kustomize, Helm };

struct Root
{
    Tool tool = Tool::Kustomize;
    /// The folder as the walk found it ("overlays/prod"): the name reports show.
    std::string path;
    /// Kustomize: the patch files of this root and of the kustomizations it consumes, the
    /// root's own first (where a finding may have been set).
    std::vector<std::string> patches;
    /// Kustomize: the root's kustomization file.
    std::string kustomizationFile;
};

/// The file names that make a folder a kustomization root, in kustomize's order.
const std::vector<std::string> &kustomizationFileNames();

/// Finds the roots among the folders of a walk and takes the files they consume out of
/// walk.files (files named on the command line, given, stay). Every file below a root's
/// folder is consumed by the nearest root above it, and so is every file and folder a
/// kustomization reaches through resources, components, bases and patches. Only the roots
/// no other root of the walk consumes are returned (an overlay's base is rendered through
/// the overlay; a chart's subcharts through the chart), sorted by path.
std::vector<Root> takeRoots(WalkResult &walk, const std::vector<std::string> &given);

} // namespace PodSec::Render
