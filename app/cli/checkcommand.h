// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/fileinput.h"
#include "render/renderer.h"
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
    int threads = 0;                                ///< 0: one per core
    std::uint64_t maxFileSize = DefaultMaxFileSize; ///< --max-file-size
    /// How Kustomize and Helm roots found in folders are rendered (--kustomize-command,
    /// --values).
    Render::Options render;
};

/// Runs `podsec check`: loads, evaluates in parallel, writes the report in input order.
/// Returns the exit status (0 all allowed, 1 something denied, 2 input errors).
int runCheck(CheckRequest &request);

/// Reads a file, or standard input for "-", at most maxSize bytes; false with a message.
bool readInput(const std::string &path, std::uint64_t maxSize, std::string &text,
               std::string &error);

/// Expands folders (recursively, skipping hidden folders) into sorted *.yaml, *.yml and
/// *.json files; files and "-" are kept as given. What a folder walk could not read
/// (unreadable folders, dangling or looping links, FIFOs) is added to errors.
/// Kustomize and Helm roots found in folders are taken out (their files are not
/// evaluated standalone) into roots when given, else left out.
std::vector<std::string> expandPaths(const std::vector<std::string> &paths,
                                     std::vector<FileError> &errors,
                                     std::vector<Render::Root> *roots = nullptr);

} // namespace PodSec::Cli
