// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "yaml/document.h"

#include <optional>

#include <string>
#include <utility>
#include <vector>

namespace PodSec::K8s {

enum class Kind {
    Pod,
    PodTemplate,
    ReplicationController,
    ReplicaSet,
    Deployment,
    DaemonSet,
    StatefulSet,
    Job,
    CronJob,
    Namespace,
    Other
};

const char *kindName(Kind kind);
/// The lower-case plural resource name the API server uses (pods, deployments, ...).
const char *resourceName(Kind kind);

/// A Kubernetes object found in a document: the document root, or one item of a List.
struct Object
{
    const Yaml::Document *document = nullptr;
    Yaml::NodeId root = Yaml::NoNode;
    int item = -1; ///< index inside a List, -1 otherwise
    std::string apiVersion;
    std::string kindText; ///< the kind as written
    Kind kind = Kind::Other;
    std::string name;
    std::string namespaceName; ///< empty when not set
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    std::string uid; ///< metadata.uid (live objects)
    /// The ownerReference marked controller: true (kind, name, uid), if any.
    struct Owner
    {
        std::string kind, name, uid;
    } controller;

    /// Pod-bearing kinds the API server could not decode (a string where an int32 belongs,
    /// procMount: n read as a boolean, ...): the object is refused before admission, so it
    /// is reported with this error and never evaluated (k8s/decode.h).
    std::optional<Diagnostic> decodeError;

    // Pod-bearing kinds: where the pod metadata and spec live. Every kind but a
    // ReplicationController has a template: absent, it is the empty one (its Go type is a
    // struct, not a pointer), so every check runs on an empty pod spec.
    bool hasTemplate = false;
    Yaml::NodeId podMetadata = Yaml::NoNode;
    Yaml::NodeId podSpec = Yaml::NoNode;
    std::string podMetadataPath; ///< "metadata", "spec.template.metadata", ...
    std::string podSpecPath;     ///< "spec", "spec.template.spec", ...

    // Namespace objects: labels in source order.
    std::vector<std::pair<std::string, std::string>> labels;

    bool isPodBearing() const { return kind <= Kind::CronJob; }
    /// The namespace the object lands in: its own, or fallback when it names none.
    const std::string &namespaceOr(const std::string &fallback) const
    {
        return namespaceName.empty() ? fallback : namespaceName;
    }
    /// Pod-bearing objects that admission evaluates: a ReplicationController without a
    /// template is skipped by the API server, an object it cannot decode never reaches
    /// admission.
    bool isEvaluated() const { return isPodBearing() && hasTemplate && !decodeError; }
};

/// Every object of a document (List items expanded). Objects whose kind is unknown are
/// included with Kind::Other so callers can count them; non-mapping roots are skipped.
std::vector<Object> objectsIn(const Yaml::Document &document);

} // namespace PodSec::K8s
