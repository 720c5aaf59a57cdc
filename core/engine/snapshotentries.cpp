// SPDX-License-Identifier: Apache-2.0
#include "engine/snapshotentries.h"

#include "engine/evaluatedobject.h"
#include "fix/fixplanner.h"
#include "render/originlocator.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

namespace PodSec::SnapshotEntries {

namespace {

Verdict evaluationVerdict(const Policy::Evaluation &e)
{
    return e.allowed() ? Verdict::Pass : Verdict::Fail;
}

/// The fields of a workload merged by path, and the checks that looked at each, in the
/// order they came.
struct MergedFields
{
    std::vector<FieldEntry> fields;
    std::unordered_map<std::string_view, std::uint32_t> index; ///< by path
    /// (position in fields, check), to be grouped by field into the workload's fieldChecks.
    std::vector<std::pair<std::uint32_t, FieldCheck>> checks;
};

/// Merges the fields of the evaluation at policy into merged, naming checks' fields.
void mergeFields(MergedFields &merged, const Policy::PodChecks &checks,
                 const Policy::LevelVersion &policy, Column column,
                 Verdict override = Verdict::NotChecked)
{
    checks.forEachField(policy, [&](std::string_view checkId, std::uint32_t field, bool allowed) {
        const auto at = static_cast<std::uint32_t>(merged.fields.size());
        const auto [it, added] = merged.index.emplace(checks.field(field).path, at);
        if (added) {
            FieldEntry e;
            e.source = &checks;
            e.field = field;
            merged.fields.push_back(e);
        }
        FieldEntry &e = merged.fields[it->second];
        const Verdict v =
            override != Verdict::NotChecked ? override : (allowed ? Verdict::Pass : Verdict::Fail);
        auto &slot = e.verdicts[static_cast<int>(column)];
        slot = combine(slot, v);
        if (override == Verdict::NotChecked) {
            merged.checks.emplace_back(it->second, FieldCheck{checkId, column, allowed});
            ++e.checkCount;
        }
    });
}

/// Puts each field's checks, in the order they came, into one list the fields point into.
std::shared_ptr<const std::vector<FieldCheck>> groupChecks(MergedFields &merged)
{
    std::vector<std::uint32_t> next(merged.fields.size() + 1, 0);
    for (std::size_t i = 0; i < merged.fields.size(); ++i)
        next[i + 1] = next[i] + merged.fields[i].checkCount;
    auto list = std::make_shared<std::vector<FieldCheck>>(merged.checks.size());
    for (const auto &[field, check] : merged.checks)
        (*list)[next[field]++] = check;
    for (std::size_t i = 0; i < merged.fields.size(); ++i) {
        auto &f = merged.fields[i];
        f.checkList = f.checkCount ? list->data() + (next[i] - f.checkCount) : nullptr;
    }
    return list;
}

} // namespace
WorkloadEntry evaluateWorkload(const Engine::PlacedObject &placed, int file,
                               const SnapshotOptions &options, const Fix::DocumentPlanner *planner,
                               const Render::OriginLocator *origins,
                               const Engine::RuleSet *checklist)
{
    const auto &object = placed.object();
    auto facts = std::make_shared<WorkloadFacts>();
    WorkloadIdentity &w = facts->base;
    w.file = file;
    w.document = object.document->index;
    w.item = object.item;
    w.kind = object.kindText;
    w.name = object.name;
    w.namespaceWritten = placed.namespaceWritten();
    w.namespaceName = placed.namespaceName();
    w.line = object.line;
    w.column = object.column;
    const Yaml::NodeId objectNode = object.document->resolve(object.root);
    const auto &rootNode = object.document->node(objectNode);
    w.offset = rootNode.start;
    w.endOffset = rootNode.end;
    w.hasTemplate = object.hasTemplate;
    w.podSpecPath = object.podSpecPath;
    w.podMetadataPath = object.podMetadataPath;
    w.uid = object.uid;
    w.controller = object.controller;
    const K8s::PodSpecView &view = placed.pod();
    for (const auto &c : view.containers()) {
        ContainerEntry ce;
        ce.name = c.name;
        ce.type = c.type;
        ce.path = c.path;
        ce.line = object.document->node(c.node).line;
        w.containers.push_back(std::move(ce));
    }
    if (checklist)
        w.checklist = failing(placed, *checklist, options.version);
    facts->subject = Admission::subjectOf(view);
    Access::readAccount(*object.document, object.podSpec, facts->serviceAccount, facts->automount);
    if (object.hasTemplate) {
        // Every variant once; a rendered object's fields point at the files they came from.
        Policy::Evaluation all;
        all.results = Policy::runEveryVariant(view);
        if (origins)
            origins->relocate(*object.document, objectNode, all);
        facts->checks = Policy::PodChecks(all.results);
    }
    FixableFields fixable;
    if (planner) {
        fixable = [&](const Policy::Evaluation &restricted) {
            std::set<std::string, std::less<>> out;
            const auto plan = planner->plan(view, restricted);
            for (const auto &f : plan.fixes)
                out.insert(f.path);
            for (const auto &d : plan.decisions) {
                if (!d.choices.empty())
                    out.insert(d.path);
            }
            return out;
        };
    }
    return composeWorkload(facts, placed.placement(), options.version, fixable);
}

WorkloadEntry composeWorkload(const std::shared_ptr<const WorkloadFacts> &facts,
                              const Engine::Placement &placement, const Policy::Version &version,
                              const FixableFields &fixable)
{
    WorkloadEntry w;
    const WorkloadIdentity &id = facts->base;
    w.file = id.file;
    w.setFacts(facts);
    // Each level and version is put together once, without fields (what the entry keeps),
    // and shared by the questions below, as Engine::PlacedObject shares its evaluations. The
    // merged field list below reads the facts' fields in place.
    std::vector<std::unique_ptr<Policy::Evaluation>> evaluations;
    auto bare = [&](const Policy::LevelVersion &lv) -> const Policy::Evaluation & {
        for (const auto &e : evaluations) {
            if (e->policy == lv)
                return *e;
        }
        evaluations.push_back(
            std::make_unique<Policy::Evaluation>(facts->checks.evaluate(lv, false)));
        return *evaluations.back();
    };
    w.baseline = bare({Policy::Level::Baseline, version});
    w.restricted = bare({Policy::Level::Restricted, version});
    w.admission = WorkloadAdmission(Admission::admit(
        facts->subject, placement.policyOf(id.namespaceName), placement.admissionConfig, bare));
    const auto &a = w.admission;
    // As Engine::PlacedObject::deniedByEnforce.
    w.deniedByEnforce =
        a.exempt == Admission::Exemption::None && id.hasTemplate &&
        (a.enforce.applies ? !a.enforce.allowed : !bare(a.enforce.policy).allowed());

    w.verdicts[int(Column::Baseline)] = evaluationVerdict(w.baseline);
    w.verdicts[int(Column::Restricted)] = evaluationVerdict(w.restricted);
    auto modeVerdict = [&](const ModeVerdict &m) {
        if (a.exempt != Admission::Exemption::None)
            return Verdict::Exempt;
        if (!m.applies)
            return Verdict::NotApplied;
        return m.allowed ? Verdict::Pass : Verdict::Fail;
    };
    w.verdicts[int(Column::Enforce)] = modeVerdict(a.enforce);
    if (w.verdicts[int(Column::Enforce)] == Verdict::NotApplied && w.deniedByEnforce)
        w.verdicts[int(Column::Enforce)] = Verdict::PodsRejected;
    w.verdicts[int(Column::Audit)] = modeVerdict(a.audit);
    w.verdicts[int(Column::Warn)] = modeVerdict(a.warn);

    // Fields a restricted fix would change (planned from the evaluation's failing fields,
    // so before they are dropped below).
    std::set<std::string, std::less<>> fixableFields;
    if (fixable && id.hasTemplate && !w.restricted.allowed())
        fixableFields = fixable(facts->checks.evaluate({Policy::Level::Restricted, version}));

    // Room at once for every field the facts keep: the merged list holds at most that many.
    const auto &checks = facts->checks;
    MergedFields merged;
    merged.fields.reserve(checks.fieldCount());
    merged.index.reserve(checks.fieldCount());
    mergeFields(merged, checks, {Policy::Level::Baseline, version}, Column::Baseline);
    mergeFields(merged, checks, {Policy::Level::Restricted, version}, Column::Restricted);
    if (a.exempt == Admission::Exemption::None && id.hasTemplate) {
        // Enforce does not act on templates; then show which fields it would judge.
        mergeFields(merged, checks, a.enforce.policy, Column::Enforce,
                    a.enforce.applies ? Verdict::NotChecked : Verdict::NotApplied);
        mergeFields(merged, checks, a.audit.policy, Column::Audit);
        if (a.warn.applies)
            mergeFields(merged, checks, a.warn.policy, Column::Warn);
    }
    w.fieldChecks = groupChecks(merged);
    // Baseline and restricted keep their failing results only (WorkloadEntry::baseline).
    for (auto *e : {&w.baseline, &w.restricted}) {
        e->results.erase(std::remove_if(e->results.begin(), e->results.end(),
                                        [](const Policy::CheckResult &r) { return r.allowed; }),
                         e->results.end());
        e->results.shrink_to_fit();
    }
    auto &fields = merged.fields;
    // The merged FieldEntry list holds every inspected field; baseline and restricted keep
    // only their verdicts, reasons and details, the modes their verdicts and messages (this
    // more than halves the snapshot's memory; the facts can tell the rest again).
    std::stable_sort(fields.begin(), fields.end(), [](const FieldEntry &x, const FieldEntry &y) {
        const auto xo = x.offset(), yo = y.offset();
        return xo != yo ? xo < yo : x.path() < y.path();
    });

    for (auto &f : fields)
        f.fixable = fixableFields.count(f.path()) > 0;

    // Each field belongs to the container whose path is a prefix of its own, up to a '.' or
    // '['. Looked up by prefix: a small pod can alias thousands of containers (issue #12),
    // and comparing every field with every container took seconds.
    std::unordered_map<std::string_view, std::size_t> containerAt;
    for (std::size_t c = 0; c < id.containers.size(); ++c)
        containerAt[id.containers[c].path] = c;
    constexpr std::size_t Pod = std::size_t(-1);
    std::vector<std::size_t> owners(fields.size(), Pod);
    std::vector<std::size_t> counts(id.containers.size(), 0);
    std::size_t podCount = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view path = fields[i].path();
        for (std::size_t end = 1; end < path.size(); ++end) {
            if (path[end] != '.' && path[end] != '[')
                continue;
            const auto it = containerAt.find(path.substr(0, end));
            if (it != containerAt.end())
                owners[i] = it->second;
        }
        ++(owners[i] == Pod ? podCount : counts[owners[i]]);
    }
    // Each list gets exactly its room: 10,000 workloads keep 650,000 fields, and growing
    // the lists by doubling left a quarter of them unused.
    w.podFields.reserve(podCount);
    w.containerFields.resize(id.containers.size());
    for (std::size_t c = 0; c < id.containers.size(); ++c)
        w.containerFields[c].reserve(counts[c]);
    for (std::size_t i = 0; i < fields.size(); ++i)
        (owners[i] == Pod ? w.podFields : w.containerFields[owners[i]])
            .push_back(fields[i]); // trivially copyable
    return w;
}

std::vector<Engine::Finding> keepFailing(std::vector<Engine::Finding> &all)
{
    std::vector<Engine::Finding> out;
    out.reserve(static_cast<std::size_t>(std::count_if(
        all.begin(), all.end(), [](const Engine::Finding &f) { return !f.allowed; })));
    for (auto &f : all) {
        if (f.allowed)
            continue;
        f.reason.shrink_to_fit();
        f.detail.shrink_to_fit();
        f.fields.shrink_to_fit();
        for (auto &field : f.fields) {
            field.path.shrink_to_fit();
            field.value.shrink_to_fit();
        }
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<Engine::Finding> failing(const Engine::PlacedObject &placed, const Engine::RuleSet &set,
                                     const Policy::Version &version)
{
    std::vector<Engine::Finding> all;
    set.evaluatePod(placed, {Policy::Level::Restricted, version}, all);
    return keepFailing(all);
}

std::optional<ObjectEntry> objectEntry(const K8s::Object &object,
                                       const Engine::Placement &placement,
                                       const Engine::RuleSet &set, bool fromCluster)
{
    if (!set.evaluatesObject(object))
        return std::nullopt;
    std::vector<Engine::Finding> all;
    set.evaluateObject(object, placement, fromCluster, all);
    ObjectEntry e;
    e.checklist = keepFailing(all);
    if (e.checklist.empty())
        return std::nullopt;
    e.document = object.document->index;
    e.item = object.item;
    e.kind = object.kindText;
    e.name = object.name;
    if (Engine::isNamespacedKind(object.kindText))
        e.namespaceName = object.namespaceOr(placement.defaultNamespace);
    e.line = object.line;
    e.column = object.column;
    const auto &root = object.document->node(object.document->resolve(object.root));
    e.offset = root.start;
    e.endOffset = root.end;
    return e;
}

void addKnownWorkloads(const WorkspaceSnapshot &s,
                       const std::vector<const Render::OriginLocator *> &originsOf, bool live,
                       std::vector<Access::InputText> &texts)
{
    for (const auto &w : s.workloads) {
        const auto file = static_cast<std::size_t>(w.file);
        if (file >= texts.size() || file >= originsOf.size())
            continue;
        auto &known = texts[file].known;
        if (w.id().item >= 0 || !w.facts || originsOf[file] ||
            (!known.empty() && known.back().first >= w.id().document))
            continue;
        known.emplace_back(w.id().document,
                           Access::WorkloadInfo{w.id().kind, w.id().name, w.id().namespaceName,
                                                w.facts->serviceAccount, w.facts->automount,
                                                live ? Access::Source{}
                                                     : Access::Source{s.files[file].path,
                                                                      w.id().line, w.id().column}});
    }
}

} // namespace PodSec::SnapshotEntries
