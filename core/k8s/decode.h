// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "yaml/document.h"

#include <optional>
#include <string>
#include <string_view>

namespace PodSec::K8s {

struct Object;

/// Whether the API server could decode a pod-bearing object into its Go type, for every
/// field a rule reads and every struct on the way to them. Kubernetes turns YAML into JSON
/// (sigs.k8s.io/yaml: go-yaml v2 values, json.Marshal), then decodes the JSON into the Go
/// struct (encoding/json rules): a JSON number fits an integer field when
/// strconv.ParseInt accepts its text and the value fits the width; a string, a bool, a
/// fraction or an object do not. Returns the first error encoding/json would report (the
/// JSON keys are sorted, as json.Marshal writes a map), at the value's position, with the
/// API server's wording:
///   Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go
///   struct field ContainerPort.spec.containers.ports.hostPort of type int32
/// A .inf or .nan anywhere in the document fails the YAML-to-JSON step instead.
std::optional<Diagnostic> decodeError(const Yaml::Document &doc, const Object &object);
/// As above, with the document's firstNonFinite() found once by the caller: a list page of
/// 500 items is scanned once, not once per item.
std::optional<Diagnostic> decodeError(const Yaml::Document &doc, const Object &object,
                                      Yaml::NodeId nonFinite);
/// The first .inf or .nan scalar of the document (aliases aside), or Yaml::NoNode.
Yaml::NodeId firstNonFinite(const Yaml::Document &doc);

// Typed values that rule sets read (spec/checklist.md), implemented in decodevalues.cpp.

/// The text of a quantity field as the API server receives it: a YAML number as the JSON
/// number sigs.k8s.io/yaml writes (1e3 -> "1000"), a string as is; nullopt for anything
/// else (a bool, a mapping, null).
std::optional<std::string> quantityText(const Yaml::Document &doc, Yaml::NodeId node);
/// The value of a resource quantity (k8s.io/apimachinery resource.ParseQuantity: an
/// optionally signed decimal number, then a binary suffix Ki..Ei, a decimal suffix
/// n u m k M G T P E, or a decimal exponent e/E with an optional sign); nullopt when the
/// API server would refuse it. Values compare exactly for every quantity a manifest holds
/// (1Gi == 1024Mi == 1073741824).
std::optional<long double> quantityValue(std::string_view s);

/// How a container image reference is pinned (spec/checklist.md §2.4).
enum class ImagePin : std::uint8_t {
    Digest, ///< ends in @sha256:<64 lower-case hex> or @sha512:<128>
    NoTag,  ///< neither tag nor digest
    Latest, ///< the tag "latest"
    Tag,    ///< some other tag
};
/// A reference with "@" but no valid digest is judged on the part before the "@"; the tag
/// is the part after the last ":" that follows the last "/".
ImagePin imagePin(std::string_view reference);

/// A host path normalised lexically (Go's path.Clean: repeated "/" collapsed, "." and ".."
/// resolved, trailing "/" dropped), with "/var/run" read as "/run".
std::string cleanHostPath(std::string_view path);

} // namespace PodSec::K8s
