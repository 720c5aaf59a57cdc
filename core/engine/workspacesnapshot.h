// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admission.h"
#include "common/diagnostic.h"
#include "k8s/podspec.h"
#include "policy/result.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace PodSec::Access {
struct AccessResult;
}

namespace PodSec {

/// How a field or object fares under one policy column.
enum class Verdict : std::uint8_t {
    NotChecked, ///< no check looked at it
    Pass,
    Fail,       ///< denied (enforce: the pod would be rejected)
    NotApplied, ///< enforce on a workload template: enforce only rejects Pods
    Exempt,     ///< an exemption applies (namespace, runtime class)
};

/// The five verdict columns of the window, in display order.
enum class Column : std::uint8_t { Baseline, Restricted, Enforce, Audit, Warn };
constexpr int ColumnCount = 5;

/// A failing (or passing) check that looked at a field, for explanations.
struct FieldCheck
{
    std::string_view checkId;
    Column column;
    bool allowed;
};

/// One inspected field of a workload, merged over every evaluation of the snapshot.
struct FieldEntry
{
    std::string path;  ///< full path from the object root
    std::string value; ///< JSON text, "null" when absent
    bool present = false;
    std::uint32_t offset = 0, endOffset = 0, line = 1, column = 1;
    Verdict verdicts[ColumnCount] = {};
    std::vector<FieldCheck> checks;
    /// A planned fix (or a decision's choice) changes this field: the editor's light bulb.
    /// Only set when SnapshotOptions::planFixes.
    bool fixable = false;
};

struct ContainerEntry
{
    std::string name;
    K8s::ContainerType type = K8s::ContainerType::Regular;
    std::string path; ///< "spec.template.spec.containers[0]"
    std::uint32_t line = 1;
    std::vector<FieldEntry> fields;
};

struct WorkloadEntry
{
    int file = 0;
    int document = 0;
    int item = -1;
    std::string kind;
    std::string name;
    std::string namespaceName; ///< effective namespace (the default one when unset)
    bool namespaceWritten = false;
    std::uint32_t line = 1, column = 1;
    std::uint32_t offset = 0, endOffset = 0;
    bool hasTemplate = true;
    std::string podSpecPath;       ///< "spec.template.spec", ...
    std::string podMetadataPath;   ///< "spec.template.metadata", ...
    Policy::Evaluation baseline;   ///< at the selected version
    Policy::Evaluation restricted; ///< at the selected version
    Admission::AdmissionResult admission;
    /// The namespace's enforce mode rejects this Pod, or the Pods this template creates
    /// (Engine::PlacedObject::deniedByEnforce: the CLI's "denied" with --admission).
    bool deniedByEnforce = false;
    Verdict verdicts[ColumnCount] = {};
    std::vector<FieldEntry> podFields;
    std::vector<ContainerEntry> containers;
    /// Live objects: metadata.uid and the controlling ownerReference (kind, name, uid).
    std::string uid;
    K8s::Object::Owner controller;
    /// The workload of this snapshot that controls this one (a ReplicaSet for a Pod, a
    /// Deployment for that ReplicaSet, a CronJob for a Job), or -1; and the reverse.
    int owner = -1;
    std::vector<int> owned;

    /// Stable identity across re-evaluations.
    std::string key() const;
};

struct NamespaceEntry
{
    std::string name;
    bool declared = false; ///< a Namespace object exists in the workspace
    std::vector<std::pair<std::string, std::string>> labels; ///< pod-security.* only
    Admission::NamespacePolicy policy;
    std::vector<int> workloads; ///< indices into WorkspaceSnapshot::workloads
    Verdict verdicts[ColumnCount] = {};
};

struct WorkspaceFile
{
    WorkspaceFile() = default;
    WorkspaceFile(std::string path, std::string text)
        : path(std::move(path)), bytes(std::make_shared<const std::string>(std::move(text)))
    {}
    std::string path;
    /// The file's bytes, immutable and shared by the workspace and every snapshot of it, so
    /// a snapshot costs no copy of the texts.
    std::shared_ptr<const std::string> bytes = std::make_shared<const std::string>();
    const std::string &text() const { return *bytes; }
    void setText(std::string text) { bytes = std::make_shared<const std::string>(std::move(text)); }
};

struct FileProblem
{
    int file = 0;
    Diagnostic diagnostic;
};

/// What the window shows: every namespace and workload of a set of files, evaluated at
/// baseline and restricted of one version and by each namespace's labels. Immutable.
struct WorkspaceSnapshot
{
    std::vector<WorkspaceFile> files;
    std::vector<NamespaceEntry> namespaces; ///< sorted by name
    std::vector<WorkloadEntry> workloads;
    std::vector<FileProblem> problems;
    Policy::Version version;
    /// When set, every namespace is judged at this level (all three modes) instead of its
    /// labels: "what if everything were restricted?"
    std::optional<Policy::Level> forcedLevel;
    /// Who can get around Pod Security (spec/access.md), when SnapshotOptions::evaluateAccess.
    std::shared_ptr<const Access::AccessResult> access;
};

struct SnapshotOptions
{
    Policy::Version version = Policy::Version::latest();
    std::optional<Policy::Level> forcedLevel;
    std::string defaultNamespace = "default";
    Admission::AdmissionConfig admissionConfig;
    /// Plan restricted fixes while evaluating and mark FieldEntry::fixable (files up to
    /// maxFixPlanBytes); off for read-only workspaces and the command line.
    bool planFixes = false;
    std::size_t maxFixPlanBytes = std::size_t(2) << 20;
    /// Build the access model (RBAC risks) of the files too; liveAccess: they are a live
    /// cluster's list pages (stored rules, no built-in roles, no file positions).
    bool evaluateAccess = false;
    bool liveAccess = false;
};

/// Builds a snapshot from file texts. Thread-safe (no shared state); progress is called
/// with (done, total) steps (two per document) and may be empty; when cancel becomes true the build
/// stops and returns nullopt.
///
/// previous, when given, must have been built with the same options: a file at the same
/// index with the same path and text keeps its workloads from it without being parsed
/// again, unless a namespace it uses has changed its pod-security labels. A workspace that
/// grows page by page (a cluster being read) so costs only its new pages.
std::optional<WorkspaceSnapshot> buildSnapshot(std::vector<WorkspaceFile> files,
                                               const SnapshotOptions &options,
                                               const std::function<void(int, int)> &progress = {},
                                               const std::atomic<bool> *cancel = nullptr,
                                               const WorkspaceSnapshot *previous = nullptr);

const char *verdictName(Verdict v);
/// The worst of two verdicts, for parents summarising children (Fail > Pass > ...).
Verdict combine(Verdict a, Verdict b);

} // namespace PodSec
