// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "k8s/object.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::K8s {

enum class ContainerType { Init, Regular, Ephemeral };

struct Container
{
    Yaml::NodeId node = Yaml::NoNode;
    ContainerType type = ContainerType::Regular;
    int index = 0;    ///< index inside its own list
    std::string name; ///< "" when unset
    std::string path; ///< "spec.containers[1]" (from the object root)
};

/// The result of looking a field up: present or not, with a path and a source position.
/// An absent field carries the position of its nearest existing ancestor; a value reached
/// through an alias carries the position of the first alias on its way.
struct FieldRef
{
    std::string path;
    bool present = false;
    Yaml::NodeId node = Yaml::NoNode;   ///< the value (unresolved: an alias keeps its place)
    Yaml::NodeId anchor = Yaml::NoNode; ///< value if present, else nearest existing ancestor
};

/// A uniform view of the pod spec of any pod-bearing object. All paths are full paths from
/// the object root; every value keeps its source position.
class PodSpecView
{
public:
    explicit PodSpecView(const Object &object);

    const Object &object() const { return m_object; }
    const Yaml::Document &doc() const { return *m_object.document; }
    Yaml::NodeId spec() const { return m_object.podSpec; }
    Yaml::NodeId metadata() const { return m_object.podMetadata; }
    const std::string &specPath() const { return m_object.podSpecPath; }
    const std::string &metadataPath() const { return m_object.podMetadataPath; }

    /// Init containers, containers, ephemeral containers, each in spec order.
    const std::vector<Container> &containers() const { return m_containers; }

    /// spec.os.name == "windows"
    bool isWindows() const { return m_windows; }
    /// spec.hostUsers is the boolean false
    bool usesUserNamespace() const { return m_userNamespace; }

    /// The pod's service account as the ServiceAccount admission plugin takes it:
    /// serviceAccountName, else the deprecated serviceAccount, else "default".
    std::string serviceAccountName() const;

    /// Looks up keys below base (whose path is basePath). A key whose value is null is
    /// absent.
    FieldRef field(Yaml::NodeId base, const std::string &basePath,
                   std::initializer_list<std::string_view> keys) const;
    FieldRef specField(std::initializer_list<std::string_view> keys) const
    {
        return field(spec(), specPath(), keys);
    }
    FieldRef containerField(const Container &c, std::initializer_list<std::string_view> keys) const
    {
        return field(c.node, c.path, keys);
    }

private:
    const Object &m_object;
    std::vector<Container> m_containers;
    bool m_windows = false;
    bool m_userNamespace = false;
};

} // namespace PodSec::K8s
