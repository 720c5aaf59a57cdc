// SPDX-License-Identifier: Apache-2.0
#include "render/originlocator.h"

#include "common/fileinput.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <cctype>

namespace PodSec::Render {

namespace {

constexpr std::uint64_t MaxOriginBytes = std::uint64_t(16) << 20;

struct Segment
{
    std::string key;
    long index = -1; ///< a sequence index; key is empty then
};

/// "spec.containers[0].ports[1].hostPort", "metadata.annotations[a.b/c]".
std::vector<Segment> parsePath(std::string_view path)
{
    std::vector<Segment> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
            continue;
        }
        if (path[i] == '[') {
            const std::size_t end = path.find(']', i);
            if (end == std::string_view::npos)
                break;
            const std::string_view inside = path.substr(i + 1, end - i - 1);
            Segment s;
            if (!inside.empty() && inside.size() < 10 &&
                std::all_of(inside.begin(), inside.end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
                s.index = std::stol(std::string(inside));
            else
                s.key = std::string(inside);
            out.push_back(std::move(s));
            i = end + 1;
            continue;
        }
        std::size_t end = path.find_first_of(".[", i);
        if (end == std::string_view::npos)
            end = path.size();
        out.push_back({std::string(path.substr(i, end - i)), -1});
        i = end;
    }
    return out;
}

const std::string &nameOf(const Yaml::Document &d, Yaml::NodeId object)
{
    return d.scalar(d.resolve(d.get(d.resolve(d.get(object, "metadata")), "name")));
}

/// Follows segments through the rendered object and the written one side by side; a list
/// item with a name (a container) is found by its name, as a strategic merge patch merges
/// it. Returns the written node reached and how many segments it took.
std::pair<Yaml::NodeId, std::size_t> follow(const Yaml::Document &rendered, Yaml::NodeId r,
                                            const Yaml::Document &written, Yaml::NodeId w,
                                            const std::vector<Segment> &segments)
{
    std::size_t depth = 0;
    for (const auto &s : segments) {
        Yaml::NodeId nextW = Yaml::NoNode;
        Yaml::NodeId nextR = Yaml::NoNode;
        if (s.index < 0) {
            if (written.kind(w) != Yaml::NodeKind::Mapping)
                break;
            nextW = written.resolve(written.get(w, s.key));
            nextR = rendered.resolve(rendered.get(r, s.key));
        } else {
            if (written.kind(w) != Yaml::NodeKind::Sequence ||
                rendered.kind(r) != Yaml::NodeKind::Sequence ||
                static_cast<std::size_t>(s.index) >= rendered.size(r))
                break;
            nextR = rendered.resolve(rendered.item(r, static_cast<std::size_t>(s.index)));
            const std::string &name =
                rendered.scalar(rendered.resolve(rendered.get(nextR, "name")));
            if (!name.empty()) {
                for (std::size_t i = 0; i < written.size(w); ++i) {
                    const Yaml::NodeId item = written.resolve(written.item(w, i));
                    if (written.scalar(written.resolve(written.get(item, "name"))) == name)
                        nextW = item;
                }
            } else if (static_cast<std::size_t>(s.index) < written.size(w)) {
                nextW = written.resolve(written.item(w, static_cast<std::size_t>(s.index)));
            }
        }
        if (nextW == Yaml::NoNode || written.kind(nextW) == Yaml::NodeKind::Null)
            break;
        w = nextW;
        r = nextR;
        ++depth;
    }
    return {w, depth};
}

/// Whether a written document is (a patch of) the rendered object: same kind, and a name
/// that the rendered one contains (namePrefix and nameSuffix add to it).
bool sameObject(const Yaml::Document &rendered, Yaml::NodeId object, const Yaml::Document &d,
                Yaml::NodeId root)
{
    if (d.kind(root) != Yaml::NodeKind::Mapping)
        return false;
    const std::string &kind = d.scalar(d.resolve(d.get(root, "kind")));
    if (!kind.empty() && kind != rendered.scalar(rendered.resolve(rendered.get(object, "kind"))))
        return false;
    const std::string &name = nameOf(d, root);
    return name.empty() || nameOf(rendered, object).find(name) != std::string::npos;
}

Yaml::NodeId at(const Yaml::Document &d, Yaml::NodeId n, const std::vector<Segment> &segments)
{
    for (const auto &s : segments) {
        if (s.index < 0)
            n = d.resolve(d.get(n, s.key));
        else if (d.kind(n) == Yaml::NodeKind::Sequence &&
                 static_cast<std::size_t>(s.index) < d.size(n))
            n = d.resolve(d.item(n, static_cast<std::size_t>(s.index)));
        else
            return Yaml::NoNode;
        if (n == Yaml::NoNode)
            return n;
    }
    return n;
}

} // namespace

OriginLocator::OriginLocator(const Rendering &rendering) : m_rendering(rendering)
{
    std::vector<std::string> names = rendering.root.patches;
    for (const auto &o : rendering.origins) {
        if (!o.file.empty())
            names.push_back(o.file);
    }
    for (const auto &name : names) {
        if (m_files.count(name) || m_templates.count(name))
            continue;
        std::string text, error;
        if (!readBoundedFile(name, MaxOriginBytes, text, error))
            continue;
        if (rendering.root.tool == Tool::Helm)
            m_templates.emplace(name, std::move(text));
        else
            m_files.emplace(name, Yaml::SourceFile::fromText(name, std::move(text)));
    }
}

OriginLocator::~OriginLocator() = default;

std::string OriginLocator::placeToChange() const
{
    const Root &root = m_rendering.root;
    if (root.tool == Tool::Helm)
        return root.path + "/values.yaml";
    const std::string prefix = root.path + '/';
    for (const auto &p : root.patches) {
        if (p.rfind(prefix, 0) == 0)
            return p;
    }
    return root.kustomizationFile.empty() ? root.path : root.kustomizationFile;
}

std::optional<std::pair<std::string, int>>
OriginLocator::originDocument(const Yaml::Document &rendered, Yaml::NodeId object) const
{
    const Yaml::Node &objectNode = rendered.node(object);
    for (const auto &o : m_rendering.origins) {
        if (o.file.empty() || objectNode.start < o.start || o.end <= objectNode.start)
            continue;
        const auto it = m_files.find(o.file);
        if (it == m_files.end())
            return std::nullopt;
        for (const auto &d : it->second->documents) {
            if (!d.error && sameObject(rendered, object, d, d.resolve(d.root)))
                return std::pair{o.file, d.index};
        }
    }
    return std::nullopt;
}

std::optional<Location> OriginLocator::locate(const Yaml::Document &rendered, Yaml::NodeId object,
                                              std::string_view path, bool present) const
{
    const Yaml::Node &objectNode = rendered.node(object);
    const DocumentOrigin *origin = nullptr;
    for (const auto &o : m_rendering.origins) {
        if (o.start <= objectNode.start && objectNode.start < o.end)
            origin = &o;
    }
    const auto segments = parsePath(path);
    const Yaml::NodeId value = present ? at(rendered, object, segments) : Yaml::NoNode;

    if (m_rendering.root.tool == Tool::Helm) {
        if (!origin || origin->file.empty())
            return std::nullopt;
        Location loc{origin->file, 1, 1, false};
        const auto it = m_templates.find(origin->file);
        if (it == m_templates.end() || value == Yaml::NoNode ||
            rendered.kind(value) != Yaml::NodeKind::Scalar)
            return loc;
        // The line where the key and the value are written literally.
        std::string key;
        for (auto s = segments.rbegin(); s != segments.rend() && key.empty(); ++s)
            key = s->key;
        const std::string &text = it->second;
        const std::string &scalar = rendered.scalar(value);
        std::uint32_t line = 1;
        for (std::size_t start = 0; start < text.size(); ++line) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos)
                end = text.size();
            const std::string_view l(text.data() + start, end - start);
            const std::size_t k = l.find(key + ':');
            if (k != std::string_view::npos || segments.back().index >= 0) {
                const std::size_t v =
                    l.find(scalar, k == std::string_view::npos ? 0 : k + key.size() + 1);
                if (v != std::string_view::npos && l.find("{{") == std::string_view::npos &&
                    (k != std::string_view::npos || l.find("- ") != std::string_view::npos)) {
                    loc.line = line;
                    loc.column = static_cast<std::uint32_t>(v + 1);
                    loc.exact = true;
                    return loc;
                }
            }
            start = end + 1;
        }
        return loc;
    }

    // Kustomize: the patches first (the root's own before its bases'), then the origin.
    std::vector<std::string> candidates = m_rendering.root.patches;
    if (origin && !origin->file.empty())
        candidates.push_back(origin->file);
    const std::string renderedJson = value == Yaml::NoNode ? std::string() : rendered.toJson(value);
    for (const auto &file : candidates) {
        const auto it = m_files.find(file);
        if (it == m_files.end())
            continue;
        const bool isOrigin = origin && file == origin->file;
        for (const auto &d : it->second->documents) {
            const Yaml::NodeId root = d.resolve(d.root);
            if (d.error || !sameObject(rendered, object, d, root))
                continue;
            const auto [node, depth] = follow(rendered, object, d, root, segments);
            if (depth == segments.size() && value != Yaml::NoNode) {
                if (d.toJson(node) == renderedJson) {
                    const Yaml::Node &n = d.node(node);
                    return Location{file, n.line, n.column, true};
                }
            } else if (!present && isOrigin) {
                // Not set: the nearest object the origin writes.
                const Yaml::Node &n = d.node(node);
                return Location{file, n.line, n.column, false};
            }
        }
    }
    return std::nullopt;
}

void OriginLocator::relocate(const Yaml::Document &rendered, Yaml::NodeId object,
                             Policy::Evaluation &evaluation) const
{
    for (auto &r : evaluation.results) {
        for (auto &f : r.fields) {
            if (const auto loc = locate(rendered, object, f.path, f.present)) {
                f.file = loc->file;
                f.line = loc->line;
                f.column = loc->column;
            }
        }
    }
}

} // namespace PodSec::Render
