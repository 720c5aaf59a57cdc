// SPDX-License-Identifier: Apache-2.0
#include "fixcommand.h"

#include "checkcommand.h"
#include "engine/fixloop.h"
#include "fix/fixplanner.h"
#include "fix/unifieddiff.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>

namespace PodSec::Cli {

namespace {

bool writeAtomically(const std::string &path, const std::string &text)
{
    QSaveFile out(QString::fromStdString(path));
    if (!out.open(QIODevice::WriteOnly))
        return false;
    if (out.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return false;
    return out.commit();
}

} // namespace

int runFix(const FixRequest &request)
{
    std::vector<FileError> errors;
    const auto paths = expandPaths(request.paths, errors);
    if (!request.inPlace && !request.diff && paths.size() != 1) {
        std::fprintf(stderr,
                     "podsec: fix writes one input to standard output; use --in-place or "
                     "--diff for %zu files\n",
                     paths.size());
        return 2;
    }
    bool decisions = false;
    for (const auto &path : paths) {
        std::string text;
        if (path == "-") {
            text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        } else {
            QFile f(QString::fromStdString(path));
            if (!f.open(QIODevice::ReadOnly)) {
                errors.push_back({path, Diagnostic{0, 1, 1, "cannot read file"}});
                continue;
            }
            text = f.readAll().toStdString();
        }
        const auto result = Engine::fixText(text, request.policy, request.only);
        for (const auto &d : result.decisions)
            std::fprintf(stderr, "%s: needs a decision: %s\n", path.c_str(), d.line().c_str());
        for (const auto &r : result.remaining) {
            // Findings without a decision of their own (the planner has nothing to offer).
            const bool explained =
                std::any_of(result.decisions.begin(), result.decisions.end(),
                            [&](const Engine::ObjectDecision &d) { return d.explains(r); });
            if (!explained)
                std::fprintf(stderr, "%s: needs a decision: %s\n", path.c_str(), r.c_str());
            decisions = true;
        }
        if (request.diff) {
            const std::string d = Fix::unifiedDiff(text, result.text, path);
            std::fwrite(d.data(), 1, d.size(), stdout);
        } else if (request.inPlace && path != "-") {
            if (result.text == text)
                continue;
            if (!request.backupSuffix.empty() &&
                !writeAtomically(path + request.backupSuffix, text)) {
                errors.push_back(
                    {path,
                     Diagnostic{0, 1, 1, "cannot write backup " + path + request.backupSuffix}});
                continue;
            }
            if (!writeAtomically(path, result.text))
                errors.push_back({path, Diagnostic{0, 1, 1, "cannot write file (left unchanged)"}});
        } else {
            std::fwrite(result.text.data(), 1, result.text.size(), stdout);
        }
    }
    for (const auto &e : errors)
        std::fprintf(stderr, "%s:%u:%u: %s\n", e.file.c_str(), e.diagnostic.line,
                     e.diagnostic.column, e.diagnostic.message.c_str());
    if (!errors.empty())
        return 2;
    return decisions ? 1 : 0;
}

} // namespace PodSec::Cli
