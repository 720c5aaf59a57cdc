// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admission.h"
#include "admission/namespacepolicy.h"
#include "engine/workspacefacts.h"
#include "k8s/podspec.h"
#include "policy/result.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace PodSec::Yaml {
class Document;
}

namespace PodSec::Engine {

using Labels = std::vector<std::pair<std::string, std::string>>;
/// Labels of the Namespace objects of a workspace, by name.
using NamespaceLabels = std::map<std::string, Labels>;

/// Where objects land and which namespace policy judges them: the one definition every
/// consumer (CLI, window, what-if, fix loop) shares.
struct Placement
{
    /// Namespace for objects that do not name one.
    std::string defaultNamespace = "default";
    /// Defaults for the modes a namespace does not label, and exemptions.
    Admission::AdmissionConfig admissionConfig;
    /// When set, every namespace is judged at this level and version in all three modes
    /// instead of by its labels ("what if everything were restricted?").
    std::optional<Policy::LevelVersion> forced;
    /// The declared namespaces' labels; an undeclared namespace has none.
    NamespaceLabels namespaces;
    /// What rules about other objects read (ServiceAccounts, NetworkPolicies, ...): set
    /// when a rule set that needs them is selected.
    std::shared_ptr<const WorkspaceFacts> facts;

    /// The policy of namespace ns: forced, or resolved from its labels and the defaults.
    Admission::NamespacePolicy policyOf(const std::string &ns) const;
    /// The policy of a namespace with the given labels (forced when set).
    Admission::NamespacePolicy policyFor(const Labels &labels) const;
};

/// One pod-bearing object placed in its namespace, with its namespace's policy, its
/// evaluations (computed once per level and version, shared by every question asked) and
/// its admission verdicts. The one "place, evaluate, admit" step. Not copyable: the pod
/// view refers to the placed object.
class PlacedObject
{
public:
    PlacedObject(const K8s::Object &object, const Placement &placement);
    PlacedObject(const PlacedObject &) = delete;
    PlacedObject &operator=(const PlacedObject &) = delete;

    /// The object with its effective namespace filled in.
    const K8s::Object &object() const { return m_object; }
    const K8s::PodSpecView &pod() const { return m_view; }
    const std::string &namespaceName() const { return m_object.namespaceName; }
    bool namespaceWritten() const { return m_namespaceWritten; }
    bool hasTemplate() const { return m_object.hasTemplate; }
    /// The namespace's policy (resolved on first use).
    const Admission::NamespacePolicy &namespacePolicy() const;
    /// Where the object was placed (defaults, configuration, facts of the workspace).
    const Placement &placement() const { return m_placement; }

    /// Every check of policy on the pod (spec/pss-checks.md §3); for an object without a
    /// pod template an evaluation with no results.
    const Policy::Evaluation &evaluation(const Policy::LevelVersion &policy) const;
    /// evaluation(policy), moved out: for a consumer that asks nothing more of it.
    Policy::Evaluation takeEvaluation(const Policy::LevelVersion &policy) const;
    /// What Pod Security Admission decides for the object in its namespace (§6.3–§6.5).
    const Admission::AdmissionResult &admission() const;
    /// Whether the namespace's enforce mode rejects the object: a Pod would be rejected, or
    /// the Pods a workload's template creates would be (enforce itself only acts on Pods).
    /// Exempt objects and objects without a template are never denied.
    bool deniedByEnforce() const;

private:
    K8s::Object m_object;
    bool m_namespaceWritten = false;
    const Placement &m_placement;
    mutable std::optional<Admission::NamespacePolicy> m_policy;
    K8s::PodSpecView m_view;
    mutable std::vector<std::unique_ptr<Policy::Evaluation>> m_evaluations;
    mutable std::optional<Admission::AdmissionResult> m_admission;
};

/// Calls fn for every object of the document that admission evaluates (List items
/// included), placed by placement. fn runs on the caller's thread, in document order.
void forEachPlacedObject(const Yaml::Document &document, const Placement &placement,
                         const std::function<void(const PlacedObject &)> &fn);

/// Calls placedFn for every object of the document that admission evaluates and otherFn
/// for every other object (a Secret, a Service, a Namespace, a pod-bearing object that is
/// not evaluated), in document order: the one walk over a document's objects.
void forEachObject(const Yaml::Document &document, const Placement &placement,
                   const std::function<void(const PlacedObject &)> &placedFn,
                   const std::function<void(const K8s::Object &)> &otherFn);

/// The problems of a parsed document, in document order: its own error (syntax, document
/// rules), else the decoding error of each object the API server would refuse. Warnings
/// (Diagnostic::warning) come from the document rules too.
std::vector<Diagnostic> documentProblems(const Yaml::Document &document);
/// documentProblems when decoded, else only the document's warnings and error: a reader that
/// would not have built the document's tree (Engine::buildsTree) counts no decoding problems.
std::vector<Diagnostic> documentProblems(const Yaml::Document &document, bool decoded);

/// Adds the labels of the Namespace objects of a parsed document to namespaces (a later
/// definition wins); each, when given, is called with every Namespace object taken.
void collectNamespaces(const Yaml::Document &document, NamespaceLabels &namespaces,
                       const std::function<void(const K8s::Object &)> &each = {});

} // namespace PodSec::Engine
