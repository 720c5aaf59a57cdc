// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "reportformat.h"

#include <string>
#include <vector>

namespace PodSec::Cli {

struct CheckRequest
{
    std::vector<std::string> paths; ///< files, folders, "-" for stdin
    /// Texts read elsewhere (a live cluster's list pages): (display name, text), after paths.
    std::vector<std::pair<std::string, std::string>> inMemory;
    std::string format = "text";
    std::string outputFile; ///< empty: stdout
    ReportContext context;
    int threads = 0; ///< 0: one per core
};

/// Runs `podsec check`: loads, evaluates in parallel, writes the report in input order.
/// Returns the exit status (0 all allowed, 1 something denied, 2 input errors).
int runCheck(CheckRequest &request);

/// Expands folders (recursively, skipping hidden folders) into sorted *.yaml, *.yml and
/// *.json files; files and "-" are kept as given.
std::vector<std::string> expandPaths(const std::vector<std::string> &paths,
                                     std::vector<FileError> &errors);

} // namespace PodSec::Cli
