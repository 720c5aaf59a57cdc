// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/rbac.h"
#include "cluster/apiclient.h"
#include "common/fileinput.h"
#include "engine/ruleset.h"

#include <optional>
#include <string>
#include <vector>

namespace PodSec::Cli {

/// `podsec access` (spec/access.md §5).
struct AccessRequest
{
    std::vector<std::string> paths;
    std::string format = "text"; ///< text, json, sarif
    std::string outputFile;
    Engine::Severity failOn = Engine::Severity::Warning;
    std::string defaultNamespace = "default";
    std::uint64_t maxFileSize = DefaultMaxFileSize;
    int threads = 0;
    /// --who-can VERB RESOURCE[/SUB] [-n NS] [--name NAME]
    std::optional<Access::Request> whoCan;
    /// --credentials: audit the kubeconfig only.
    bool credentials = false;
    /// Live: read the RBAC kinds, service accounts, namespaces and workloads of a cluster.
    bool live = false;
    std::string kubeconfig, context;
    Cluster::ApiClient::Options clientOptions;
};

/// Returns the exit status: 0 nothing at failOn or worse, 1 something, 2 input errors.
int runAccess(const AccessRequest &request);

} // namespace PodSec::Cli
