// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admission.h"
#include "common/diagnostic.h"
#include "engine/ruleset.h"
#include "engine/workspacefacts.h"
#include "k8s/podspec.h"
#include "policy/podchecks.h"
#include "policy/result.h"
#include "render/renderer.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Access {
struct AccessResult;
}

namespace PodSec::Engine {
class FactsCache;
}

namespace PodSec {

namespace Render {
class OriginLocator;
} // namespace Render

/// How a field or object fares under one policy column.
enum class Verdict : std::uint8_t {
    NotChecked, ///< no check looked at it
    Pass,
    Fail,       ///< denied (enforce: the pod would be rejected)
    NotApplied, ///< enforce on a workload template: enforce only rejects Pods
    Exempt,     ///< an exemption applies (namespace, runtime class)
    /// Enforce on a workload template whose Pods it would reject: the controller itself is
    /// not rejected, the Pods it creates are (they never start).
    PodsRejected,
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

/// The checks that looked at one field: a piece of its workload's
/// WorkloadEntry::fieldChecks, which keeps them alive.
class FieldCheckSpan
{
public:
    FieldCheckSpan() = default;
    FieldCheckSpan(const FieldCheck *first, std::uint32_t count) : m_first(first), m_count(count) {}
    const FieldCheck *begin() const { return m_first; }
    const FieldCheck *end() const { return m_first + m_count; }
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }

private:
    const FieldCheck *m_first = nullptr;
    std::uint32_t m_count = 0;
};

/// One inspected field of a workload, merged over every evaluation of the snapshot. It
/// names a field its workload's facts keep (WorkloadEntry::facts keeps them alive) and a
/// piece of the workload's WorkloadEntry::fieldChecks: 10,000 workloads have 550,000
/// fields, and their copied texts, positions and check lists were half a snapshot.
struct FieldEntry
{
    const Policy::PodChecks *source = nullptr; ///< the facts' checks that keep the field
    const FieldCheck *checkList = nullptr;     ///< checkCount of them
    std::uint32_t field = 0;                   ///< its number in source
    std::uint32_t checkCount = 0;
    Verdict verdicts[ColumnCount] = {};
    /// A planned fix (or a decision's choice) changes this field: the editor's light bulb.
    /// Only set when SnapshotOptions::planFixes.
    bool fixable = false;

    /// The failing and passing checks that looked at it, baseline's first.
    FieldCheckSpan checks() const { return {checkList, checkCount}; }
    std::string_view path() const { return view().path; }   ///< full path from the object root
    std::string_view value() const { return view().value; } ///< JSON text, "null" when absent
    std::string_view file() const { return view().file; }
    bool present() const { return view().present; }
    /// offset and endOffset are in the workload's file; line and column too, unless file
    /// names where a rendered field came from (Render::OriginLocator).
    std::uint32_t offset() const { return view().offset; }
    std::uint32_t endOffset() const { return view().endOffset; }
    std::uint32_t line() const { return view().line; }
    std::uint32_t column() const { return view().column; }
    /// All of the above at once.
    Policy::PodChecks::FieldView view() const
    {
        return source ? source->field(field) : Policy::PodChecks::FieldView{};
    }
};
static_assert(sizeof(void *) != 8 || sizeof(FieldEntry) <= 32,
              "FieldEntry: 550,000 of them at 10,000 workloads");

struct ContainerEntry
{
    std::string name;
    K8s::ContainerType type = K8s::ContainerType::Regular;
    std::string path; ///< "spec.template.spec.containers[0]"
    std::uint32_t line = 1;
};

/// A workload's checklist findings, shared by the entries of every snapshot that judges it
/// from the same facts: they read no policy, and 10,000 workloads held a copy of them in
/// each snapshot (issue #19). Reads as the list it holds; assigning a list replaces it.
class SharedFindings
{
public:
    using List = std::vector<Engine::Finding>;
    SharedFindings() = default;
    SharedFindings(List findings) // NOLINT(google-explicit-constructor): a list, shared
        : m_list(findings.empty() ? nullptr : std::make_shared<const List>(std::move(findings)))
    {}
    const List &list() const { return m_list ? *m_list : none(); }
    operator const List &() const { return list(); } // NOLINT(google-explicit-constructor)
    List::const_iterator begin() const { return list().begin(); }
    List::const_iterator end() const { return list().end(); }
    std::size_t size() const { return list().size(); }
    bool empty() const { return list().empty(); }
    const Engine::Finding &operator[](std::size_t i) const { return list()[i]; }

private:
    static const List &none()
    {
        static const List none;
        return none;
    }
    std::shared_ptr<const List> m_list;
};

/// What a workload's entry is made of besides the options: its identity, what admission
/// reads of it, and every check variant's result (engine/snapshotentries.h, issue
/// #19). Immutable and shared by every snapshot that judges the workload again.
struct WorkloadFacts;

/// What a workload's entry shows besides what the options decide: its identity, positions,
/// containers (without their fields) and checklist findings. WorkloadFacts keeps one, and
/// every entry judged from those facts reads it there (WorkloadEntry::id): a copy in each
/// entry was about 800 bytes a workload, held twice while a version switch judges every
/// workload again (issue #19).
struct WorkloadIdentity
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
    std::string podSpecPath;     ///< "spec.template.spec", ...
    std::string podMetadataPath; ///< "spec.template.metadata", ...
    std::vector<ContainerEntry> containers;
    /// Live objects: metadata.uid and the controlling ownerReference (kind, name, uid).
    std::string uid;
    K8s::Object::Owner controller;
    /// The checklist's failing findings on this workload (SnapshotOptions::checklist).
    SharedFindings checklist;
};

/// What a workload's entry keeps of one mode's result: Admission::ModeResult without its
/// evaluation (the fields' Enforce, Audit and Warn columns hold what it said).
struct ModeVerdict
{
    Policy::LevelVersion policy;
    bool applies = true; ///< as Admission::ModeResult::applies
    bool allowed = true;
    // The API server's text is not kept (10,000 workloads held 4 MB of them in each
    // snapshot): WorkloadEntry::message tells it again.
};

/// What a workload's entry keeps of Admission::AdmissionResult: each mode's policy and
/// verdict. The three empty evaluations were 216 of an entry's 1,096 bytes (issue #19).
struct WorkloadAdmission
{
    WorkloadAdmission() = default;
    explicit WorkloadAdmission(const Admission::AdmissionResult &result);
    ModeVerdict enforce, audit, warn;
    /// The mode of column Enforce, Audit or Warn; nullptr for another column.
    const ModeVerdict *mode(Column column) const
    {
        return column == Column::Enforce ? &enforce
               : column == Column::Audit ? &audit
               : column == Column::Warn  ? &warn
                                         : nullptr;
    }
    Admission::Exemption exempt = Admission::Exemption::None;
    std::string policyError; ///< the namespace's label errors
    bool admitted() const { return !enforce.applies || enforce.allowed; }
};

/// The fields of a container an entry does not have (WorkloadEntry::fieldsOf).
inline const std::vector<FieldEntry> noFields;

struct WorkloadEntry
{
    /// The file's index in this snapshot (id().file is where the facts were read).
    int file = 0;
    /// Identity, positions, containers and checklist findings: the facts' (an empty one
    /// without facts).
    const WorkloadIdentity &id() const { return identity ? *identity : noIdentity(); }
    static const WorkloadIdentity &noIdentity();
    /// At the selected version, with only the failing results: a check the level selects at
    /// that version (Policy::checksFor) that has no result passed, when hasTemplate (10,000
    /// workloads held 300,000 passing results). The facts tell every result again.
    Policy::Evaluation baseline;
    Policy::Evaluation restricted; ///< the same at restricted
    /// Each mode's policy, verdict and message (their fields' verdicts are in the fields'
    /// Enforce, Audit and Warn columns).
    WorkloadAdmission admission;
    /// The namespace's enforce mode rejects this Pod, or the Pods this template creates
    /// (Engine::PlacedObject::deniedByEnforce: the CLI's "denied" with --admission).
    bool deniedByEnforce = false;
    Verdict verdicts[ColumnCount] = {};
    std::vector<FieldEntry> podFields;
    /// The fields of each container of id().containers, in the same order.
    std::vector<std::vector<FieldEntry>> containerFields;
    /// The fields of container c (of id().containers, by index or the entry itself).
    const std::vector<FieldEntry> &fieldsOf(std::size_t c) const
    {
        return c < containerFields.size() ? containerFields[c] : noFields;
    }
    const std::vector<FieldEntry> &fieldsOf(const ContainerEntry &c) const
    {
        return fieldsOf(static_cast<std::size_t>(&c - id().containers.data()));
    }
    /// Where another version, level or namespace policy re-judges it from, without parsing.
    std::shared_ptr<const WorkloadFacts> facts;
    /// &facts->base (WorkloadFacts is not complete here): set with setFacts.
    const WorkloadIdentity *identity = nullptr;
    void setFacts(std::shared_ptr<const WorkloadFacts> f);
    /// The checks of every field of podFields and containers, one piece per field.
    std::shared_ptr<const std::vector<FieldCheck>> fieldChecks;

    /// Stable identity across re-evaluations.
    std::string key() const;
    /// The evaluation at level (the selected version); nullptr for privileged, which
    /// nothing fails.
    const Policy::Evaluation *evaluation(Policy::Level level) const
    {
        return level == Policy::Level::Restricted ? &restricted
               : level == Policy::Level::Baseline ? &baseline
                                                  : nullptr;
    }
    /// The API server's text for mode (Column::Enforce, Audit or Warn), as
    /// Admission::ModeResult::message: empty when the mode passes or does not apply.
    std::string message(Column mode) const;
    /// Fails level (never privileged).
    bool fails(Policy::Level level) const
    {
        const auto *e = evaluation(level);
        return e && !e->allowed();
    }
};

/// A snapshot's workloads, in file and document order. The entries are immutable and kept
/// in one block per file, which the next snapshot shares when it keeps the file's workloads
/// as they are: a cluster read page by page built each snapshot by copying every entry of
/// the last one, and held both at once (issue #19). What links the workloads (their owners)
/// is the snapshot's own.
class WorkloadList
{
public:
    using Block = std::vector<WorkloadEntry>;
    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = WorkloadEntry;
        using difference_type = std::ptrdiff_t;
        using pointer = const WorkloadEntry *;
        using reference = const WorkloadEntry &;
        const_iterator() = default;
        explicit const_iterator(const WorkloadEntry *const *at) : m_at(at) {}
        reference operator*() const { return **m_at; }
        pointer operator->() const { return *m_at; }
        reference operator[](difference_type n) const { return *m_at[n]; }
        const_iterator &operator++() { return ++m_at, *this; }
        const_iterator operator++(int) { return const_iterator(m_at++); }
        const_iterator &operator--() { return --m_at, *this; }
        const_iterator operator--(int) { return const_iterator(m_at--); }
        const_iterator &operator+=(difference_type n) { return m_at += n, *this; }
        const_iterator &operator-=(difference_type n) { return m_at -= n, *this; }
        const_iterator operator+(difference_type n) const { return const_iterator(m_at + n); }
        const_iterator operator-(difference_type n) const { return const_iterator(m_at - n); }
        difference_type operator-(const const_iterator &o) const { return m_at - o.m_at; }
        bool operator==(const const_iterator &o) const { return m_at == o.m_at; }
        bool operator!=(const const_iterator &o) const { return m_at != o.m_at; }
        bool operator<(const const_iterator &o) const { return m_at < o.m_at; }

    private:
        const WorkloadEntry *const *m_at = nullptr;
    };

    std::size_t size() const { return m_at.size(); }
    bool empty() const { return m_at.empty(); }
    const WorkloadEntry &operator[](std::size_t i) const { return *m_at[i]; }
    const WorkloadEntry &at(std::size_t i) const { return *m_at.at(i); } ///< bounds-checked
    const WorkloadEntry &front() const { return *m_at.front(); }
    const WorkloadEntry &back() const { return *m_at.back(); }
    const_iterator begin() const { return const_iterator(m_at.data()); }
    const_iterator end() const { return const_iterator(m_at.data() + m_at.size()); }
    /// The index of an entry of this list, or -1.
    int indexOf(const WorkloadEntry *entry) const;

    /// The workload of this snapshot that controls workload i (a ReplicaSet for a Pod, a
    /// Deployment for that ReplicaSet, a CronJob for a Job), or -1; and the reverse.
    int owner(std::size_t i) const { return i < m_owner.size() ? m_owner[i] : -1; }
    const std::vector<int> &owned(std::size_t i) const;

    /// Appends a block of entries (one file's), shared with whoever else holds it.
    void append(std::shared_ptr<const Block> block);
    /// The block that holds exactly the entries [first, first + count), or nullptr: what the
    /// next snapshot shares when it keeps those workloads.
    std::shared_ptr<const Block> block(std::size_t first, std::size_t count) const;
    /// Points each workload at the workload of the same namespace that its controlling
    /// ownerReference names: by uid when both have one, else by kind and name. Chains (Pod
    /// → ReplicaSet → Deployment) follow; a reference that would close a cycle is ignored.
    void linkOwners();

private:
    std::vector<std::shared_ptr<const Block>> m_blocks;
    std::vector<std::size_t> m_blockStart; ///< each block's first index
    std::vector<const WorkloadEntry *> m_at;
    std::vector<int> m_owner;
    std::vector<std::vector<int>> m_owned;
};

struct NamespaceEntry
{
    std::string name;
    bool declared = false; ///< a Namespace object exists in the workspace
    std::vector<std::pair<std::string, std::string>> labels; ///< pod-security.* only
    Admission::NamespacePolicy policy;
    std::vector<int> workloads; ///< indices into WorkspaceSnapshot::workloads
    Verdict verdicts[ColumnCount] = {};
    /// The checklist's failing namespace findings (SnapshotOptions::checklist).
    std::vector<Engine::Finding> checklist;
    std::vector<int> objects; ///< indices into WorkspaceSnapshot::objects
    /// The Namespace object that declares it (the last one), when declared: its file, or -1.
    int file = -1;
    std::uint32_t line = 1, column = 1, offset = 0, endOffset = 0;
};

/// An object of another kind (Secret, ConfigMap, Service, PodSecurityPolicy, ...) that
/// carries a failing checklist finding.
struct ObjectEntry
{
    int file = 0;
    int document = 0;
    int item = -1;
    std::string kind;
    std::string name;
    std::string namespaceName; ///< effective namespace; empty for cluster-scoped kinds
    std::uint32_t line = 1, column = 1;
    std::uint32_t offset = 0, endOffset = 0;
    std::vector<Engine::Finding> checklist;
};

struct WorkspaceFile
{
    WorkspaceFile() = default;
    WorkspaceFile(std::string path, std::string text)
        : path(std::move(path)), bytes(std::make_shared<const std::string>(std::move(text)))
    {}
    /// A file whose bytes someone else holds too (a cluster's list page): shared, not copied.
    WorkspaceFile(std::string path, std::shared_ptr<const std::string> shared)
        : path(std::move(path)),
          bytes(shared ? std::move(shared) : std::make_shared<const std::string>())
    {}
    std::string path;
    /// The file's bytes, immutable and shared by the workspace and every snapshot of it, so
    /// a snapshot costs no copy of the texts.
    std::shared_ptr<const std::string> bytes = std::make_shared<const std::string>();
    const std::string &text() const { return *bytes; }
    void setText(std::string text)
    {
        bytes = std::make_shared<const std::string>(std::move(text));
        readError.clear();
    }
    /// Why the file could not be read (readManifestInput's message); its text is empty and
    /// this is its only problem. Cleared by setText.
    std::string readError;
};

/// A text read elsewhere (a cluster's list page) and its display name; the bytes are shared.
using NamedText = std::pair<std::string, std::shared_ptr<const std::string>>;

/// A Kustomize or Helm root (core/render): its rendering is one of the files, read-only.
struct RootEntry
{
    Render::Tool tool = Render::Tool::Kustomize;
    std::string path; ///< the root's folder
    int file = -1;    ///< the file holding the rendering (empty when not rendered)
    bool rendered = false;
    bool missingTool = false; ///< not rendered because its tool is not on PATH
    std::string command;      ///< what rendered it ("kubectl kustomize overlays/prod")
    std::string problem;      ///< why it was not rendered
    std::string hint;         ///< how to evaluate it by hand (Helm without helm)
    /// Maps the rendering's fields back to the files they came from (shared, immutable).
    std::shared_ptr<const Render::Rendering> rendering;
    std::shared_ptr<const Render::OriginLocator> origins;
    // Filled in by buildSnapshot:
    std::vector<int> workloads;         ///< indices into WorkspaceSnapshot::workloads
    Verdict verdicts[ColumnCount] = {}; ///< NotChecked everywhere when not rendered
};

/// A problem of the input: a file that could not be read, parsed or decoded (an error), or
/// input Kubernetes ignores (a warning, Diagnostic::warning), or a path the folder walk could
/// not take in (file -1; path names it).
struct FileProblem
{
    int file = 0;
    Diagnostic diagnostic;
    std::string path; ///< only for file < 0
};

/// What the window shows: every namespace and workload of a set of files, evaluated at
/// baseline and restricted of one version and by each namespace's labels. Immutable.
struct WorkspaceSnapshot
{
    std::vector<WorkspaceFile> files;
    std::vector<NamespaceEntry> namespaces; ///< sorted by name
    WorkloadList workloads;
    /// Every problem of the input, in the order `podsec check` finds them: the walk's, then
    /// each file's in file order (errors and warnings alike).
    std::vector<FileProblem> problems;
    /// The file a problem is about, as `podsec check` names it.
    const std::string &problemPath(const FileProblem &p) const
    {
        return p.file >= 0 && std::size_t(p.file) < files.size() ? files[std::size_t(p.file)].path
                                                                 : p.path;
    }
    std::vector<RootEntry> roots;
    std::vector<ObjectEntry> objects; ///< in file and document order (checklist)
    /// (file, namespace) of the other objects without findings: their namespaces are the
    /// workspace's too (checklist).
    std::vector<std::pair<int, std::string>> otherNamespaces;
    /// What the checklist's cross-object rules read (SnapshotOptions::checklist), and a
    /// summary of it that tells whether files can be reused by the next snapshot.
    std::shared_ptr<const Engine::WorkspaceFacts> facts;
    std::string factsKey;
    Policy::Version version;
    /// When set, every namespace is judged at this level (all three modes) instead of its
    /// labels: "what if everything were restricted?"
    std::optional<Policy::Level> forcedLevel;
    /// Who can get around Pod Security (spec/access.md), when SnapshotOptions::evaluateAccess.
    std::shared_ptr<const Access::AccessResult> access;
    /// The options the workloads were judged with, and those the access result was built
    /// with (besides the files), as text: what the next snapshot may reuse (buildSnapshot).
    std::string optionsKey, accessKey;
    /// What the workloads' facts were read with (the default namespace, the checklist): a
    /// snapshot with the same may judge them again without parsing (buildSnapshot).
    std::string factsOptionsKey;
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
    /// Run the checklist rule set too: findings on workloads, namespaces and other objects.
    /// Files whose path starts with "cluster:" are pages of a cluster read.
    bool checklist = false;
    std::size_t maxFixPlanBytes = std::size_t(2) << 20;
    /// The rendered roots among the files: their fields point back to their origins, and
    /// their problems (no renderer, a failed rendering) are the files' problems.
    std::vector<RootEntry> roots;
    /// Build the access model (RBAC risks) of the files too; liveAccess: they are a live
    /// cluster's list pages (stored rules, no built-in roles, no file positions).
    bool evaluateAccess = false;
    bool liveAccess = false;
    /// The re-open cache (engine/factscache.h): a build without a previous snapshot judges
    /// the files it has a record of from their cached facts instead of parsing them.
    std::shared_ptr<const Engine::FactsCache> cache;
};

/// Builds a snapshot from file texts. Thread-safe (no shared state); progress is called
/// with (done, total) steps (two per document) and may be empty; when cancel becomes true the build
/// stops and returns nullopt.
///
/// previous, when given, is the last snapshot of the same workspace. When it was built with
/// the same options, a file at the same index with the same path and text keeps its
/// workloads from it without being parsed again, unless a namespace it uses has changed its
/// pod-security labels: a workspace that grows page by page (a cluster being read) so costs
/// only its new pages. With another version, level, admission configuration or namespace
/// labels, such a file's workloads are judged again from their facts (WorkloadEntry::facts)
/// without parsing, unless the file's fixes are planned and one of them fails restricted
/// (the planner reads the document). When every file is the same and so are the options access
/// reads (liveAccess, the admission defaults, the default namespace), its access result is kept:
/// switching the policy version or level does not read RBAC again.
///
/// walkProblems (what walkPaths could not take in) lead the snapshot's problems, as they
/// lead `podsec check`'s.
std::optional<WorkspaceSnapshot> buildSnapshot(std::vector<WorkspaceFile> files,
                                               const SnapshotOptions &options,
                                               const std::function<void(int, int)> &progress = {},
                                               const std::atomic<bool> *cancel = nullptr,
                                               const WorkspaceSnapshot *previous = nullptr,
                                               const std::vector<FileProblem> &walkProblems = {});

/// Renders each root (Render::render) and appends its rendering to files as one more file
/// named by the root's folder (empty when it could not be rendered); returns the roots for
/// SnapshotOptions::roots. The window and the tests share it; `podsec check` streams.
std::vector<RootEntry> renderRoots(const std::vector<Render::Root> &roots,
                                   const Render::Options &options,
                                   std::vector<WorkspaceFile> &files);

const char *verdictName(Verdict v);
/// The worst of two verdicts, for parents summarising children (Fail > Pass > ...).
Verdict combine(Verdict a, Verdict b);

} // namespace PodSec
