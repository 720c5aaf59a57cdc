// SPDX-License-Identifier: Apache-2.0
// Checking a lesson's goals against the engine's result for its workspace.
#include "access/accessmodel.h"
#include "engine/ruleset.h"
#include "engine/workspacesnapshot.h"
#include "k8s/object.h"
#include "lessons/goals.h"
#include "policy/registry.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

namespace PodSec::Lessons {

namespace {

/// One object of the files, of any kind.
struct FoundObject
{
    int file = 0;
    int document = 0;
    int item = -1;
    K8s::Object object;
    std::string namespaceName; ///< effective
};

/// The parsed files and what the engine made of them.
class Workspace
{
public:
    Workspace(const std::vector<WorkspaceFile> &files, const WorkspaceSnapshot &snapshot,
              const std::string &defaultNamespace)
        : m_snapshot(snapshot)
    {
        for (std::size_t f = 0; f < files.size(); ++f) {
            m_sources.push_back(Yaml::SourceFile::fromText(files[f].path, files[f].text()));
            for (const auto &doc : m_sources.back()->documents) {
                for (auto &o : K8s::objectsIn(doc)) {
                    FoundObject found{int(f), doc.index, o.item, o,
                                      o.namespaceOr(defaultNamespace)};
                    m_objects.push_back(std::move(found));
                }
            }
        }
        for (std::size_t w = 0; w < snapshot.workloads.size(); ++w) {
            const auto &e = snapshot.workloads[w];
            m_workloads[{e.file, e.id().document, e.id().item}] = &e;
        }
        for (const auto &o : snapshot.objects)
            m_others[{o.file, o.document, o.item}] = &o;
    }

    /// The objects a reference names.
    std::vector<const FoundObject *> find(const ObjectRef &ref) const
    {
        std::vector<const FoundObject *> out;
        for (const auto &o : m_objects) {
            if (o.object.kindText == ref.kind && o.object.name == ref.name &&
                (ref.namespaceName.empty() || ref.namespaceName == o.namespaceName))
                out.push_back(&o);
        }
        return out;
    }
    const WorkloadEntry *workload(const FoundObject &o) const
    {
        const auto it = m_workloads.find({o.file, o.document, o.item});
        return it == m_workloads.end() ? nullptr : it->second;
    }
    const ObjectEntry *other(const FoundObject &o) const
    {
        const auto it = m_others.find({o.file, o.document, o.item});
        return it == m_others.end() ? nullptr : it->second;
    }
    const NamespaceEntry *ns(const std::string &name) const
    {
        for (const auto &n : m_snapshot.namespaces) {
            if (n.name == name)
                return &n;
        }
        return nullptr;
    }

private:
    const WorkspaceSnapshot &m_snapshot;
    std::vector<std::unique_ptr<Yaml::SourceFile>> m_sources;
    std::vector<FoundObject> m_objects;
    using Key = std::tuple<int, int, int>;
    std::map<Key, const WorkloadEntry *> m_workloads;
    std::map<Key, const ObjectEntry *> m_others;
};

/// path lies at or below prefix ("spec.containers[0]" holds "spec.containers[0].image").
bool below(const std::string &path, const std::string &prefix)
{
    return path.compare(0, prefix.size(), prefix) == 0 &&
           (path.size() == prefix.size() || path[prefix.size()] == '.' ||
            path[prefix.size()] == '[');
}

/// Whether a finding's failing fields still fail when only the container at containerPath
/// is looked at: fields of the other containers do not count, fields of the pod do.
bool failsFor(const std::vector<Policy::InspectedField> &fields, const WorkloadEntry &w,
              const std::string &containerPath)
{
    bool anyFailing = false;
    for (const auto &f : fields) {
        if (f.allowed)
            continue;
        anyFailing = true;
        const bool otherContainer = std::any_of(
            w.id().containers.begin(), w.id().containers.end(), [&](const ContainerEntry &c) {
                return c.path != containerPath && below(f.path, c.path);
            });
        if (!otherContainer)
            return true;
    }
    return !anyFailing; // failing without a field to blame: it fails for every container
}

/// The same for a PSS check, whose fields the snapshot keeps by container (FieldEntry).
bool checkFailsFor(std::string_view checkId, Column column, const WorkloadEntry &w,
                   const ContainerEntry &container)
{
    bool anyFailing = false;
    auto failing = [&](const std::vector<FieldEntry> &fields) {
        return std::any_of(fields.begin(), fields.end(), [&](const FieldEntry &f) {
            const auto checks = f.checks();
            return std::any_of(checks.begin(), checks.end(), [&](const FieldCheck &c) {
                return c.checkId == checkId && c.column == column && !c.allowed;
            });
        });
    };
    for (const auto &c : w.id().containers)
        anyFailing = anyFailing || failing(w.fieldsOf(c));
    // Failing without a field to blame: it fails for every container.
    return failing(w.podFields) || failing(w.fieldsOf(container)) || !anyFailing;
}

/// The node at a field path below root, or NoNode (null values count as absent).
Yaml::NodeId nodeAt(const Yaml::Document &doc, Yaml::NodeId root, const std::string &path)
{
    const auto steps = parseFieldPath(path);
    if (!steps)
        return Yaml::NoNode;
    Yaml::NodeId node = root;
    for (const auto &step : *steps) {
        const auto r = doc.resolve(node);
        if (step.index >= 0) {
            if (doc.kind(r) != Yaml::NodeKind::Sequence || std::size_t(step.index) >= doc.size(r))
                return Yaml::NoNode;
            node = doc.item(r, std::size_t(step.index));
        } else {
            if (doc.kind(r) != Yaml::NodeKind::Mapping)
                return Yaml::NoNode;
            node = doc.getSet(r, step.key);
        }
        if (node == Yaml::NoNode || doc.kind(doc.resolve(node)) == Yaml::NodeKind::Null)
            return Yaml::NoNode;
    }
    return node;
}

GoalResult notMet(std::vector<std::string> failing = {})
{
    return {GoalStatus::NotMet, std::move(failing)};
}

GoalResult checkGoal(const Goal &goal, const Workspace &ws, const FoundObject &found)
{
    const WorkloadEntry *w = ws.workload(found);
    const ContainerEntry *container = nullptr;
    if (!goal.container.empty()) {
        if (w) {
            for (const auto &c : w->id().containers) {
                if (c.name == goal.container)
                    container = &c;
            }
        }
        if (!container)
            return {GoalStatus::ContainerMissing, {}};
    }
    if (!goal.checklistRule) {
        const auto *check = Policy::findCheck(goal.checkId);
        const auto *evaluation = w ? w->evaluation(check->level) : nullptr;
        if (!evaluation)
            return notMet(); // not a pod-bearing object the engine evaluated
        const Column column =
            check->level == Policy::Level::Baseline ? Column::Baseline : Column::Restricted;
        for (const auto &r : evaluation->results) {
            if (r.id != goal.checkId)
                continue;
            const bool fails =
                !r.allowed && (!container || checkFailsFor(r.id, column, *w, *container));
            return fails ? notMet({goal.checkId}) : GoalResult{GoalStatus::Met, {}};
        }
        // No result: the entry keeps failing ones only, so a check the level runs passed.
        const auto selected =
            Policy::checksFor(evaluation->policy.level, evaluation->policy.version);
        const bool runs = std::any_of(selected.begin(), selected.end(),
                                      [&](const auto &s) { return s.check->id == goal.checkId; });
        return w->id().hasTemplate && runs ? GoalResult{GoalStatus::Met, {}} : notMet();
    }
    auto fails = [&](const Engine::Finding &f) {
        return !f.allowed && (!container || failsFor(f.fields, *w, container->path));
    };
    const auto *rule = Engine::findRule(goal.checkId);
    if (rule->scope == Engine::Scope::PodSpec && !w)
        return notMet(); // a rule about pods, asked of something else
    const ObjectEntry *other = ws.other(found);
    const std::vector<Engine::Finding> *findings = w       ? &w->id().checklist.list()
                                                   : other ? &other->checklist
                                                           : nullptr;
    if (findings) {
        for (const auto &f : *findings) {
            if (f.rule && f.rule->id == goal.checkId && fails(f))
                return notMet({goal.checkId});
        }
    }
    return {GoalStatus::Met, {}};
}

/// Whether the workspace knows the subject: a binding names it, or (an account) it is
/// declared or runs a workload. A goal about a subject nobody mentions is a mistake, not met.
bool knownSubject(const Access::AccessModel &model, const Access::Subject &subject)
{
    const auto &known = model.knownIdentities();
    if (std::find(known.begin(), known.end(), subject) != known.end())
        return true;
    const auto &bindings = model.input().bindings;
    return std::any_of(bindings.begin(), bindings.end(), [&](const Access::Binding &b) {
        return std::find(b.subjects.begin(), b.subjects.end(), subject) != b.subjects.end();
    });
}

GoalResult riskGoal(const Goal &goal, const WorkspaceSnapshot &snapshot)
{
    if (!snapshot.access || !snapshot.access->model)
        return notMet();
    const ObjectRef &ref = *goal.subject;
    const Access::Subject subject{ref.kind == "User"    ? Access::SubjectKind::User
                                  : ref.kind == "Group" ? Access::SubjectKind::Group
                                                        : Access::SubjectKind::ServiceAccount,
                                  ref.name, ref.namespaceName};
    if (!knownSubject(*snapshot.access->model, subject))
        return {GoalStatus::SubjectMissing, {ref.text()}};
    const auto &namespaces = snapshot.access->model->input().namespaceNames;
    if (!goal.scope.empty() && goal.scope != "cluster" && !namespaces.count(goal.scope))
        return {GoalStatus::NamespaceMissing, {}};
    // A document the access model could not read may hold the binding that grants the risk:
    // no risk is known to be gone while one does not read.
    for (const auto &p : snapshot.access->problems) {
        if (!p.diagnostic.warning)
            return notMet({problemLine(p.file, p.diagnostic)});
    }
    std::vector<std::string> failing;
    for (const auto &s : snapshot.access->subjects) {
        if (!(s.subject == subject))
            continue;
        for (const auto &r : s.risks) {
            // Severities run from Deny (worst) to Info: a smaller value is worse.
            const bool tooSevere = !goal.atMost || r.severity < *goal.atMost;
            if (goal.riskId == Access::riskName(r.id) &&
                (goal.scope.empty() || goal.scope == r.scope) && tooSevere)
                failing.push_back(goal.riskId + " (" + Engine::severityName(r.severity) + ", " +
                                  r.scope + ')');
        }
    }
    return failing.empty() ? GoalResult{GoalStatus::Met, {}} : notMet(std::move(failing));
}

GoalResult evaluateGoal(const Goal &goal, const Workspace &ws, const WorkspaceSnapshot &snapshot)
{
    if (goal.kind == GoalKind::Risk)
        return riskGoal(goal, snapshot);
    if (!goal.object) {
        const NamespaceEntry *ns = ws.ns(goal.namespaceName);
        if (!ns)
            return {GoalStatus::NamespaceMissing, {}};
        if (goal.kind != GoalKind::Check) {
            const auto &mode = goal.kind == GoalKind::Warns    ? ns->policy.warn
                               : goal.kind == GoalKind::Audits ? ns->policy.audit
                                                               : ns->policy.enforce;
            return mode.level == goal.level ? GoalResult{GoalStatus::Met, {}}
                                            : notMet({Policy::levelName(mode.level)});
        }
        for (const auto &f : ns->checklist) { // a namespace rule of the checklist
            if (f.rule && f.rule->id == goal.checkId && !f.allowed)
                return notMet({goal.checkId});
        }
        return {GoalStatus::Met, {}};
    }
    const auto matches = ws.find(*goal.object);
    if (matches.empty())
        return {GoalStatus::ObjectMissing, {goal.object->text()}};
    if (matches.size() > 1)
        return {GoalStatus::ObjectAmbiguous, {}};
    const FoundObject &found = *matches.front();
    const WorkloadEntry *w = ws.workload(found);
    switch (goal.kind) {
    case GoalKind::Passes: {
        const auto *evaluation = w ? w->evaluation(goal.level) : nullptr;
        if (!evaluation)
            return notMet();
        std::vector<std::string> failing;
        for (const auto &r : evaluation->results) {
            if (!r.allowed)
                failing.emplace_back(r.id);
        }
        return failing.empty() ? GoalResult{GoalStatus::Met, {}} : notMet(std::move(failing));
    }
    case GoalKind::Check:
        return checkGoal(goal, ws, found);
    case GoalKind::Present:
    case GoalKind::Absent: {
        const bool present =
            nodeAt(*found.object.document, found.object.root, goal.path) != Yaml::NoNode;
        return present == (goal.kind == GoalKind::Present) ? GoalResult{GoalStatus::Met, {}}
                                                           : notMet();
    }
    case GoalKind::Admitted:
        // A workload is admitted when the Pods its template creates would be.
        if (!w)
            return notMet();
        return !w->deniedByEnforce == goal.admitted ? GoalResult{GoalStatus::Met, {}} : notMet();
    case GoalKind::Enforces:
    case GoalKind::Warns:
    case GoalKind::Audits:
    case GoalKind::Risk:
        break;
    }
    return notMet();
}

} // namespace

GoalReport evaluateGoals(const GoalSet &goals, const std::vector<WorkspaceFile> &files,
                         const GoalContext &context)
{
    SnapshotOptions options;
    options.version = goals.version;
    options.defaultNamespace = context.defaultNamespace;
    options.admissionConfig = context.admission;
    options.checklist = goals.usesChecklist();
    options.evaluateAccess = goals.usesAccess();
    GoalReport report;
    const auto snapshot = buildSnapshot(files, options);
    if (!snapshot) {
        report.results.assign(goals.goals.size(), notMet());
        return report;
    }
    const Workspace ws(files, *snapshot, context.defaultNamespace);
    for (const auto &goal : goals.goals)
        report.results.push_back(evaluateGoal(goal, ws, *snapshot));
    return report;
}

} // namespace PodSec::Lessons
