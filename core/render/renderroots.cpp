// SPDX-License-Identifier: Apache-2.0
#include "render/renderroots.h"

#include "yaml/sourcefile.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace PodSec::Render {

const std::vector<std::string> &kustomizationFileNames()
{
    static const std::vector<std::string> names{"kustomization.yaml", "kustomization.yml",
                                                "Kustomization"};
    return names;
}

namespace {

/// The canonical form of a path for comparisons (the path itself when it cannot be made).
std::string canonicalText(const fs::path &p)
{
    std::error_code ec;
    const fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? p.lexically_normal().string() : c.string();
}

bool isUnder(const std::string &path, const std::string &folder)
{
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
           path[folder.size()] == '/';
}

std::string kustomizationIn(const fs::path &folder)
{
    std::error_code ec;
    for (const auto &name : kustomizationFileNames()) {
        if (fs::is_regular_file(folder / name, ec))
            return (folder / name).string();
    }
    return {};
}

/// What one kustomization reaches: folders (other kustomizations) and files.
struct Reach
{
    std::set<std::string> folders; ///< canonical
    std::set<std::string> files;   ///< canonical
    std::vector<std::string> patches;
};

/// Reads the kustomization in folder and follows the folders it consumes (bounded depth;
/// a folder already seen is not read again).
void follow(const fs::path &folder, Reach &reach, int depth)
{
    if (depth > 32 || !reach.folders.insert(canonicalText(folder)).second)
        return;
    const std::string file = kustomizationIn(folder);
    if (file.empty())
        return;
    std::string text, error;
    if (!readBoundedFile(file, std::uint64_t(1) << 20, text, error))
        return;
    const auto source = Yaml::SourceFile::fromText(file, std::move(text));
    if (source->documents.empty() || source->documents.front().error)
        return;
    const Yaml::Document &doc = source->documents.front();
    const Yaml::NodeId root = doc.resolve(doc.root);
    if (doc.kind(root) != Yaml::NodeKind::Mapping)
        return;
    auto strings = [&](std::string_view key, std::string_view field) {
        std::vector<std::string> out;
        const Yaml::NodeId list = doc.resolve(doc.get(root, key));
        if (doc.kind(list) != Yaml::NodeKind::Sequence)
            return out;
        for (std::size_t i = 0; i < doc.size(list); ++i) {
            Yaml::NodeId item = doc.resolve(doc.item(list, i));
            if (!field.empty() && doc.kind(item) == Yaml::NodeKind::Mapping)
                item = doc.resolve(doc.get(item, field));
            const std::string &s = doc.scalar(item);
            // Remote resources (URLs) and inline patches are nothing of the workspace.
            if (!s.empty() && s.find('\n') == std::string::npos &&
                s.find("://") == std::string::npos)
                out.push_back(s);
        }
        return out;
    };
    std::error_code ec;
    for (const char *key : {"resources", "components", "bases"}) {
        for (const auto &entry : strings(key, {})) {
            const fs::path target = folder / entry;
            if (fs::is_directory(target, ec))
                follow(target, reach, depth + 1);
            else
                reach.files.insert(canonicalText(target));
        }
    }
    const std::pair<const char *, const char *> patchKeys[] = {
        {"patches", "path"}, {"patchesStrategicMerge", ""}, {"patchesJson6902", "path"}};
    for (const auto &[key, field] : patchKeys) {
        for (const auto &entry : strings(key, field)) {
            const fs::path target = (folder / entry).lexically_normal();
            reach.files.insert(canonicalText(target));
            reach.patches.push_back(target.string());
        }
    }
}

} // namespace

std::vector<Root> takeRoots(WalkResult &walk, const std::vector<std::string> &given)
{
    struct Found
    {
        Root root;
        std::string canonicalPath;
        Reach reach;
    };
    std::vector<Found> found;
    std::error_code ec;
    for (const auto &folder : walk.folders) {
        Found f;
        f.root.path = fs::path(folder).lexically_normal().string();
        while (f.root.path.size() > 1 && f.root.path.back() == '/')
            f.root.path.pop_back();
        f.canonicalPath = canonicalText(folder);
        if (fs::is_regular_file(fs::path(folder) / "Chart.yaml", ec)) {
            f.root.tool = Tool::Helm;
        } else if (const std::string k = kustomizationIn(folder); !k.empty()) {
            f.root.tool = Tool::Kustomize;
            f.root.kustomizationFile = fs::path(k).lexically_normal().string();
            follow(folder, f.reach, 0);
            f.reach.folders.erase(f.canonicalPath);
            f.root.patches = f.reach.patches;
        } else {
            continue;
        }
        found.push_back(std::move(f));
    }
    if (found.empty())
        return {};

    // A root is consumed by another when that one reaches its folder (an overlay's base),
    // or lies inside a chart (a subchart).
    std::vector<bool> consumed(found.size(), false);
    for (std::size_t i = 0; i < found.size(); ++i) {
        for (std::size_t j = 0; j < found.size() && !consumed[i]; ++j) {
            if (i == j)
                continue;
            const auto &other = found[j];
            if (other.reach.folders.count(found[i].canonicalPath) ||
                (other.root.tool == Tool::Helm &&
                 isUnder(found[i].canonicalPath, other.canonicalPath)))
                consumed[i] = true;
        }
    }

    std::set<std::string> explicitFiles;
    for (const auto &g : given)
        explicitFiles.insert(canonicalText(g));
    std::set<std::string> reachedFolders, reachedFiles;
    for (const auto &f : found) {
        reachedFolders.insert(f.canonicalPath);
        reachedFolders.insert(f.reach.folders.begin(), f.reach.folders.end());
        reachedFiles.insert(f.reach.files.begin(), f.reach.files.end());
    }
    auto consumedFile = [&](const std::string &c) {
        return reachedFiles.count(c) ||
               std::any_of(reachedFolders.begin(), reachedFolders.end(),
                           [&](const std::string &folder) { return isUnder(c, folder); });
    };
    // A consumed file named on the command line is read once, as given.
    std::set<std::string> keptExplicit;
    walk.files.erase(std::remove_if(walk.files.begin(), walk.files.end(),
                                    [&](const std::string &file) {
                                        if (file == "-")
                                            return false;
                                        const std::string c = canonicalText(file);
                                        if (!consumedFile(c))
                                            return false;
                                        return !explicitFiles.count(c) ||
                                               !keptExplicit.insert(c).second;
                                    }),
                     walk.files.end());

    std::vector<Root> roots;
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (!consumed[i])
            roots.push_back(std::move(found[i].root));
    }
    std::sort(roots.begin(), roots.end(),
              [](const Root &a, const Root &b) { return a.path < b.path; });
    return roots;
}

} // namespace PodSec::Render
