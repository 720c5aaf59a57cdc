// SPDX-License-Identifier: Apache-2.0
#include "engine/originfix.h"

#include "common/fileinput.h"
#include "engine/evaluatedobject.h"
#include "engine/fixloop.h"
#include "render/originlocator.h"
#include "yaml/sourcefile.h"

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace PodSec::Engine {

namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t MaxOriginBytes = std::uint64_t(16) << 20;
/// A private copy of a root's folders is refused beyond these (the fixes stay decisions).
constexpr std::uint64_t MaxMirrorBytes = std::uint64_t(256) << 20;
constexpr std::size_t MaxMirrorEntries = 50000;

/// Per rendered object ("Kind ns/name"): the checks that fail and those that pass.
struct Outcome
{
    std::set<std::string> failing;
    std::set<std::string> passing;
};

void record(std::map<std::string, Outcome> &out, const EvaluatedObject &o)
{
    auto &outcome = out[renderedObjectLabel(o)];
    for (const auto &r : o.evaluation.results)
        (r.allowed ? outcome.passing : outcome.failing).insert(std::string(r.id));
}

std::map<std::string, Outcome> outcomes(const Render::Rendering &rendering,
                                        const Policy::LevelVersion &policy)
{
    std::map<std::string, Outcome> out;
    const auto source = Yaml::SourceFile::fromText(rendering.root.path, rendering.text);
    EvaluationOptions options;
    options.policy = policy;
    for (const auto &doc : source->documents) {
        for (const auto &o : evaluateDocument(doc, options))
            record(out, o);
    }
    return out;
}

/// The deepest folder holding every path (absolute, normalised).
fs::path commonFolder(const std::vector<fs::path> &paths)
{
    fs::path common;
    bool first = true;
    for (const auto &p : paths) {
        if (first) {
            common = p;
            first = false;
            continue;
        }
        fs::path shared;
        auto a = common.begin();
        auto b = p.begin();
        for (; a != common.end() && b != p.end() && *a == *b; ++a, ++b)
            shared /= *a;
        common = shared;
    }
    return common;
}

/// Copies the regular files, folders and links below from into to (hidden .git folders
/// left out), within the limits above.
bool mirror(const fs::path &from, const fs::path &to, std::string &error)
{
    std::error_code ec;
    std::uint64_t bytes = 0;
    std::size_t entries = 0;
    fs::recursive_directory_iterator it(from, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path target = to / fs::relative(it->path(), from, ec);
        if (ec)
            break;
        if (++entries > MaxMirrorEntries) {
            error =
                "more than " + std::to_string(MaxMirrorEntries) + " entries in " + from.string();
            return false;
        }
        const auto status = it->symlink_status(ec);
        if (ec)
            break;
        if (fs::is_symlink(status)) {
            fs::copy_symlink(it->path(), target, ec);
        } else if (fs::is_directory(status)) {
            if (it->path().filename() == ".git") {
                it.disable_recursion_pending();
                continue;
            }
            fs::create_directories(target, ec);
        } else if (fs::is_regular_file(status)) {
            bytes += it->file_size(ec);
            if (!ec && bytes > MaxMirrorBytes) {
                error = "more than 256 MiB of files in " + from.string();
                return false;
            }
            if (!ec)
                fs::copy_file(it->path(), target, ec);
        }
        if (ec)
            break;
    }
    if (ec) {
        error = "cannot copy " + from.string() + ": " + ec.message();
        return false;
    }
    return true;
}

bool writeText(const fs::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return static_cast<bool>(out.flush());
}

/// Renders the root again from a private copy with the changed texts in place; empty on
/// success, else why it could not.
std::string renderChanged(const Render::Rendering &rendering,
                          const std::map<std::string, std::string> &changed,
                          const Render::Options &options, Render::Rendering &again)
{
    std::vector<fs::path> paths{fs::absolute(rendering.root.path).lexically_normal()};
    auto add = [&](const std::string &p) {
        if (!p.empty())
            paths.push_back(fs::absolute(p).lexically_normal().parent_path());
    };
    add(rendering.root.kustomizationFile);
    for (const auto &p : rendering.root.patches)
        add(p);
    for (const auto &o : rendering.origins)
        add(o.file);
    for (const auto &[p, text] : changed)
        add(p);
    const fs::path common = commonFolder(paths);
    if (common.empty() || common == common.root_path())
        return "its files have no common folder below " + common.string();
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return "cannot make a temporary folder: " + tmp.errorString().toStdString();
    const fs::path copy = fs::path(tmp.path().toStdString()) / common.filename();
    std::string error;
    if (!mirror(common, copy, error))
        return error;
    for (const auto &[p, text] : changed) {
        const fs::path rel = fs::absolute(p).lexically_normal().lexically_relative(common);
        if (!writeText(copy / rel, text))
            return "cannot write the copy of " + p;
    }
    Render::Root root = rendering.root;
    root.path = (copy / paths.front().lexically_relative(common)).string();
    again = Render::render(root, options);
    if (!again.rendered) {
        return again.problems.empty() ? std::string("it did not render")
                                      : again.problems.front().message;
    }
    return {};
}

} // namespace

std::string renderedObjectLabel(const EvaluatedObject &o)
{
    return o.kind + ' ' + o.namespaceName + '/' + o.name;
}

OriginFixResult fixOrigins(const Render::Rendering &rendering, const Policy::LevelVersion &policy,
                           const std::set<std::string> &only, const Render::Options &renderOptions,
                           std::map<std::string, std::string> &pending)
{
    OriginFixResult result;
    if (!rendering.rendered || rendering.root.tool != Render::Tool::Kustomize)
        return result;
    const Render::OriginLocator origins(rendering);
    const auto source = Yaml::SourceFile::fromText(rendering.root.path, rendering.text);
    EvaluationOptions options;
    options.policy = policy;

    // What to fix where: per origin file, per document there, the checks.
    std::map<std::string, std::map<int, std::set<std::string>>> targets;
    std::vector<std::string> order; // files in the order first met
    std::set<std::string> fixedChecks;
    std::map<std::string, Outcome> before; // of every object, to compare with a new rendering
    for (const auto &doc : source->documents) {
        const Yaml::NodeId object = doc.error ? Yaml::NoNode : doc.resolve(doc.root);
        const auto origin = doc.error ? std::nullopt : origins.originDocument(doc, object);
        for (const auto &o : evaluateDocument(doc, options)) {
            record(before, o);
            if (!origin || !o.hasTemplate || o.item >= 0)
                continue;
            for (const auto &r : o.evaluation.results) {
                const std::string id(r.id);
                if (r.allowed || (!only.empty() && !only.count(id)))
                    continue;
                bool here = true;
                for (const auto &f : r.fields) {
                    if (f.allowed || !f.present)
                        continue;
                    const auto loc = origins.locate(doc, object, f.path, f.present);
                    here = here && loc && loc->exact && loc->file == origin->first;
                }
                if (!here)
                    continue;
                if (!targets.count(origin->first))
                    order.push_back(origin->first);
                targets[origin->first][origin->second].insert(id);
                fixedChecks.insert(renderedObjectLabel(o) + ": " + id);
            }
        }
    }

    std::map<std::string, std::string> changed;
    for (const auto &file : order) {
        std::string text;
        if (const auto it = pending.find(file); it != pending.end()) {
            text = it->second;
        } else {
            std::string error;
            if (!readBoundedFile(file, MaxOriginBytes, text, error)) {
                result.notes.push_back(file + ": " + error);
                continue;
            }
        }
        OriginFixResult::File entry{file, text, text, {}};
        for (const auto &[document, checks] : targets[file]) {
            FixOptions fo;
            fo.only = checks;
            fo.object = std::pair{document, -1};
            const FixResult fixed = fixText(entry.after, policy, fo);
            for (std::size_t i = 0; i < fixed.applied.size(); ++i)
                entry.applied.push_back(fixed.appliedObjects[i] + ": " + fixed.applied[i]);
            entry.after = fixed.text;
        }
        if (entry.after != entry.before) {
            changed[file] = entry.after;
            result.files.push_back(std::move(entry));
        }
    }
    if (result.files.empty())
        return result;

    // Kept only when the root, rendered again with the changes, is better and no worse.
    Render::Rendering again;
    std::string why = renderChanged(rendering, changed, renderOptions, again);
    if (why.empty()) {
        const auto after = outcomes(again, policy);
        for (const auto &[label, was] : before) {
            const auto now = after.find(label);
            if (now == after.end()) {
                why = label + " is missing from the new rendering";
                break;
            }
            for (const auto &id : was.passing) {
                if (now->second.failing.count(id))
                    why = label + ": " + id + " would fail";
            }
            for (const auto &id : was.failing) {
                if (fixedChecks.count(label + ": " + id) && now->second.failing.count(id))
                    why = label + ": " + id + " would still fail";
            }
            if (!why.empty())
                break;
        }
    }
    if (!why.empty()) {
        std::string files;
        for (const auto &f : result.files)
            files += (files.empty() ? "" : ", ") + f.path;
        result.notes.push_back("fixes in " + files + " not kept: rendering " + rendering.root.path +
                               " again with them: " + why);
        result.files.clear();
        return result;
    }
    for (const auto &[file, text] : changed)
        pending[file] = text;
    result.fixed = std::move(fixedChecks);
    return result;
}

} // namespace PodSec::Engine
