// SPDX-License-Identifier: Apache-2.0
// The checklist's rules (spec/checklist.md), private to the rule set: one function per
// rule, grouped by scope (podrules.cpp, objectrules.cpp, namespacerules.cpp).
#pragma once

#include "engine/placedobject.h"
#include "engine/ruleset.h"
#include "k8s/podspec.h"

#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Checklist {

using Engine::Finding;
using Engine::Rule;

/// Go's %q.
std::string q(std::string_view s);
/// Items joined with ", ", each %q.
std::string qList(const std::vector<std::string> &items);
/// Items joined with sep.
std::string join(const std::vector<std::string> &items, std::string_view sep);

/// Adds a field of a pod-bearing object, with its JSON value (null when hideValue).
void addField(Finding &finding, const K8s::PodSpecView &pod, const K8s::FieldRef &field,
              bool allowed, bool hideValue = false);
/// Adds a field of any object: node is the value (NoNode when absent), anchor where it
/// is or would be inserted.
void addField(Finding &finding, const Yaml::Document &doc, const std::string &path,
              Yaml::NodeId node, Yaml::NodeId anchor, bool allowed, bool hideValue = false);

// Workload rules (§2).
void serviceAccountToken(const Engine::PlacedObject &o, Finding &f);
void memoryLimit(const Engine::PlacedObject &o, Finding &f);
void cpuLimit(const Engine::PlacedObject &o, Finding &f);
void imageDigest(const Engine::PlacedObject &o, Finding &f);
void secretEnv(const Engine::PlacedObject &o, Finding &f);
void hostPathSensitive(const Engine::PlacedObject &o, Finding &f);
void hostPathReadOnly(const Engine::PlacedObject &o, Finding &f);
void windowsAdministrator(const Engine::PlacedObject &o, Finding &f);
void mountableSecrets(const Engine::PlacedObject &o, Finding &f);

// Object rules (§4): which rules look at an object (empty: none).
enum class ObjectRule { SecretInManifest, LegacyToken, ConfigMapCredentials, ServiceExposure, Psp };
std::vector<ObjectRule> objectRulesFor(const K8s::Object &object);
void evaluateObjectRule(ObjectRule rule, const K8s::Object &object, bool fromCluster, Finding &f);

// Namespace rules (§3).
void podSecurityEnforced(const std::string &ns, const Engine::Placement &p, Finding &f);
void defaultDenyNetworkPolicy(const std::string &ns, const Engine::Placement &p, Finding &f);
void resourceQuota(const std::string &ns, const Engine::Placement &p, Finding &f);
void limitRange(const std::string &ns, const Engine::Placement &p, Finding &f);

} // namespace PodSec::Checklist
