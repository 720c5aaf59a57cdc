// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "policy/result.h"
#include "render/renderer.h"
#include "yaml/document.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace PodSec::Yaml {
class SourceFile;
} // namespace PodSec::Yaml

namespace PodSec::Render {

/// A place in a file the user wrote.
struct Location
{
    std::string file;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    /// The value is written there as rendered (a fix may edit it there); false: only the
    /// object (or the template) is there, the value came from elsewhere or is not set.
    bool exact = false;
};

/// Maps fields of a rendered root's objects back to the files they came from: a Kustomize
/// patch of the root (or of a base it consumes) that sets the value as rendered, else the
/// object's origin file when the value is written there unchanged; a Helm template named by
/// "# Source:" (with the line when the value is written there literally). Reads those files
/// once, when built; locate() is then safe from any thread.
class OriginLocator
{
public:
    explicit OriginLocator(const Rendering &rendering);
    ~OriginLocator();
    OriginLocator(const OriginLocator &) = delete;
    OriginLocator &operator=(const OriginLocator &) = delete;

    /// Where the field at path (from the object root, as InspectedField::path) of the
    /// rendered object at node object came from; nullopt: only the rendered text has it.
    /// present: whether the field is set in the rendering.
    std::optional<Location> locate(const Yaml::Document &rendered, Yaml::NodeId object,
                                   std::string_view path, bool present) const;

    /// Points every inspected field of an evaluation of the object at its origin
    /// (InspectedField::file, line, column) where one is found.
    void relocate(const Yaml::Document &rendered, Yaml::NodeId object,
                  Policy::Evaluation &evaluation) const;

    /// The origin file of the rendered object and the index of the document there that
    /// writes it (Kustomize); nullopt when unknown (generated, or not found there).
    std::optional<std::pair<std::string, int>> originDocument(const Yaml::Document &rendered,
                                                              Yaml::NodeId object) const;

    /// Where to set a value that came unchanged from no file: the root's own first patch,
    /// else its kustomization (or the chart's values.yaml).
    std::string placeToChange() const;

private:
    const Rendering &m_rendering;
    std::map<std::string, std::unique_ptr<Yaml::SourceFile>> m_files;
    std::map<std::string, std::string> m_templates; ///< Helm: template texts
};

} // namespace PodSec::Render
