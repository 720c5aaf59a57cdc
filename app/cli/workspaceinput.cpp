// SPDX-License-Identifier: Apache-2.0
#include "workspaceinput.h"

#include "checkcommand.h"

#include <cstdio>
#include <unistd.h>

namespace PodSec::Cli {

std::optional<int> parseWorkspaceInput(const CommandArguments &parsed, WorkspaceRequest &request)
{
    std::string error;
    if (!parseMaxFileSize(parsed.value("max-file-size"), request.maxFileSize, error))
        return usageError(error);
    if (const auto status = parseTimeouts(parsed, request.clientOptions))
        return *status;
    request.clientOptions.allowInsecureCredentials = parsed.isSet("allow-insecure-credentials");
    request.paths = parsed.positional();
    request.kubeconfig = parsed.value("kubeconfig");
    request.context = parsed.value("context");
    request.live = !request.kubeconfig.empty() || !request.context.empty();
    if (request.live && !request.paths.empty())
        return usageError("give either PATHs or --kubeconfig/--context, not both");
    if (!request.live && request.paths.empty()) {
        if (isatty(STDIN_FILENO))
            return usageError("no input: give files or folders, or '-' to read standard input");
        request.paths.push_back("-");
    }
    return std::nullopt;
}

std::optional<WorkspaceSnapshot> readWorkspace(const WorkspaceRequest &request, bool &errors,
                                               int &status)
{
    errors = false;
    std::vector<WorkspaceFile> files;
    std::vector<FileProblem> walkProblems;
    SnapshotOptions options = request.options;
    if (request.live) {
        Cluster::ApiClient::Pages pages;
        if (const auto s = readLiveCluster(request.kubeconfig, request.context,
                                           request.clientOptions, pages, errors)) {
            status = *s;
            return std::nullopt;
        }
        for (auto &[name, text] : pages)
            files.emplace_back(std::move(name), std::move(text));
    } else {
        std::vector<FileError> walkErrors;
        std::vector<Render::Root> roots;
        const auto paths = expandPaths(request.paths, walkErrors, &roots);
        for (auto &e : walkErrors)
            walkProblems.push_back({-1, std::move(e.diagnostic), std::move(e.file)});
        for (const auto &path : paths) {
            std::string text, error;
            WorkspaceFile file(path == "-" ? "<stdin>" : path, std::string());
            if (readInput(path, request.maxFileSize, text, error))
                file.setText(std::move(text));
            else
                file.readError = error;
            files.push_back(std::move(file));
        }
        options.roots = renderRoots(roots, request.render, files);
    }
    auto snapshot = buildSnapshot(std::move(files), options, {}, nullptr, nullptr, walkProblems);
    if (!snapshot) {
        status = 2;
        return std::nullopt;
    }
    // Errors first, then warnings, as `podsec check` prints them.
    for (const bool warnings : {false, true}) {
        for (const auto &p : snapshot->problems) {
            if (p.diagnostic.warning != warnings)
                continue;
            errors = errors || !warnings;
            std::fprintf(stderr, "%s\n",
                         problemLine(snapshot->problemPath(p), p.diagnostic).c_str());
        }
    }
    return snapshot;
}

} // namespace PodSec::Cli
