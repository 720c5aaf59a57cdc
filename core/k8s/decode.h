// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "yaml/document.h"

#include <optional>
#include <string>

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

} // namespace PodSec::K8s
