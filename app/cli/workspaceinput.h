// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "arguments.h"
#include "engine/workspacesnapshot.h"

#include <optional>
#include <string>
#include <vector>

namespace PodSec::Cli {

/// Where a command that needs the whole workspace at once (plan, the reports for people)
/// reads it from: files and folders, or a live cluster.
struct WorkspaceRequest
{
    std::vector<std::string> paths;
    std::uint64_t maxFileSize = DefaultMaxFileSize;
    Render::Options render;
    bool live = false;
    std::string kubeconfig, context;
    Cluster::ApiClient::Options clientOptions;
    SnapshotOptions options;
};

/// The input options plan and diff share: the paths (or standard input when none is given
/// and it is not a terminal) or --kubeconfig/--context, --max-file-size, the cluster
/// timeouts and --allow-insecure-credentials. An exit status on a usage error.
std::optional<int> parseWorkspaceInput(const CommandArguments &parsed, WorkspaceRequest &request);

/// Reads the input and builds the window's snapshot of it (one pipeline for both). The
/// input's problems are printed on stderr as `podsec check` prints them; errors is set when
/// any of them is an error (or a cluster read had problems). Nothing (and an exit status)
/// when nothing could be read.
std::optional<WorkspaceSnapshot> readWorkspace(const WorkspaceRequest &request, bool &errors,
                                               int &status);

} // namespace PodSec::Cli
