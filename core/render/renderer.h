// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "render/renderroots.h"

#include <cstdint>
#include <string>
#include <vector>

namespace PodSec::Render {

struct Options
{
    /// The kustomize command and its leading arguments ("kubectl kustomize", "kustomize
    /// build", a path); empty: `kubectl kustomize` when kubectl is on PATH, else `kustomize
    /// build`.
    std::vector<std::string> kustomizeCommand;
    /// The helm program; empty: "helm" from PATH.
    std::string helmCommand;
    /// Values files given to `helm template` after the chart's own values.yaml.
    std::vector<std::string> helmValues;
    int timeoutMs = 60000;
    std::uint64_t maxOutputBytes = std::uint64_t(256) << 20;
};

/// Splits a command line on spaces ("kubectl kustomize"); no quoting.
std::vector<std::string> splitCommand(const std::string &command);

/// Where one rendered document came from.
struct DocumentOrigin
{
    /// The document's byte range in Rendering::text.
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    /// The file the object was read from (Kustomize: its origin annotation; Helm: the
    /// template named by "# Source:"), as a path usable from the working folder; empty
    /// when unknown (generated objects).
    std::string file;
};

/// One root, rendered or not.
struct Rendering
{
    Root root;
    bool rendered = false;
    /// The command run ("kubectl kustomize overlays/prod"), for messages.
    std::string command;
    /// What the tool printed on standard output: the objects to evaluate, exactly as the
    /// tool renders them (no origin annotations).
    std::string text;
    /// One per document of text, in order.
    std::vector<DocumentOrigin> origins;
    /// Why the root was not evaluated ("needs kubectl or kustomize to render; not
    /// evaluated", the tool's error), reported as problems of the root.
    std::vector<Diagnostic> problems;
    /// How to evaluate the root by hand when no renderer is there (Helm).
    std::string hint;
};

/// The message of a root that could not be rendered because its tool is missing.
std::string missingToolMessage(Tool tool, const std::string &path);

/// Renders one root with its tool, bounded in time and output. Kustomize roots are rendered
/// twice: as they are (the text evaluated, byte for byte what `kubectl kustomize DIR`
/// prints) and through a temporary kustomization listing the root with
/// `buildMetadata: [originAnnotations]` (only to learn each object's origin file).
Rendering render(const Root &root, const Options &options);

} // namespace PodSec::Render
