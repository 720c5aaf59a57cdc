// SPDX-License-Identifier: Apache-2.0
#include "engine/versiondiff.h"

#include "engine/workspacesummary.h"
#include "policy/registry.h"

#include <algorithm>
#include <map>
#include <set>

namespace PodSec::Engine {

const char *checkChangeName(CheckChangeKind kind)
{
    switch (kind) {
    case CheckChangeKind::Added:
        return "added";
    case CheckChangeKind::Changed:
        return "changed";
    case CheckChangeKind::Removed:
        return "removed";
    }
    return "";
}

namespace {

/// The variant of each check that runs at one version (nullptr: the check does not run).
using Selection = std::map<const Policy::CheckDefinition *, const Policy::CheckVariant *>;

Selection selectionAt(Policy::Level level, int minor)
{
    Selection s;
    for (const auto &c : Policy::checksFor(level, Policy::Version::v1(minor)))
        s[c.check] = c.variant;
    return s;
}

const Policy::CheckVariant *variantIn(const Selection &s, const Policy::CheckDefinition &c)
{
    const auto it = s.find(&c);
    return it == s.end() ? nullptr : it->second;
}

} // namespace

std::vector<CheckChange> checkChanges(Policy::Level level, const Policy::Version &from,
                                      const Policy::Version &to)
{
    std::vector<CheckChange> changes;
    const int a = from.clamped(), b = to.clamped();
    const int lo = std::min(a, b), hi = std::max(a, b);
    if (lo == hi)
        return changes;
    // Every version between the two, so the change can be dated.
    std::vector<Selection> selections;
    for (int v = lo; v <= hi; ++v)
        selections.push_back(selectionAt(level, v));
    const Selection &atFrom = selections[std::size_t(a - lo)];
    const Selection &atTo = selections[std::size_t(b - lo)];
    for (const auto &c : Policy::registry()) {
        const auto *f = variantIn(atFrom, c);
        const auto *t = variantIn(atTo, c);
        if (f == t)
            continue;
        CheckChange change;
        change.id = std::string(c.id);
        change.level = c.level;
        change.change = !f   ? CheckChangeKind::Added
                        : !t ? CheckChangeKind::Removed
                             : CheckChangeKind::Changed;
        change.version = hi;
        for (int v = hi; v > lo; --v) {
            const auto *before = variantIn(selections[std::size_t(v - 1 - lo)], c);
            const auto *now = variantIn(selections[std::size_t(v - lo)], c);
            const bool differs = change.change == CheckChangeKind::Changed
                                     ? before != now
                                     : (before == nullptr) != (now == nullptr);
            if (differs) {
                change.version = v;
                break;
            }
        }
        changes.push_back(std::move(change));
    }
    return changes;
}

bool VersionVerdict::fails(const std::string &id) const
{
    return std::any_of(failing.begin(), failing.end(), [&](const auto &f) { return f.id == id; });
}

std::vector<std::string> VersionVerdict::failingIds() const
{
    std::vector<std::string> ids;
    for (const auto &f : failing)
        ids.push_back(f.id);
    return ids;
}

std::vector<const FailingCheck *> VersionVerdict::notIn(const VersionVerdict &other) const
{
    std::vector<const FailingCheck *> out;
    for (const auto &f : failing) {
        if (!other.fails(f.id))
            out.push_back(&f);
    }
    return out;
}

bool ObjectVersionChange::stricter() const
{
    if (from.allowed)
        return !to.allowed;
    // Denied at both: stricter when a check failing only at to names a field that no check
    // failing at from named (or names none). A check that replaced another over the same
    // field (procMount → procMount_restricted) asks nothing new.
    std::set<std::string> before;
    for (const auto &f : from.failing) {
        for (const auto &field : f.fields)
            before.insert(field.first);
    }
    for (const FailingCheck *gained : to.notIn(from)) {
        if (gained->fields.empty())
            return true;
        for (const auto &field : gained->fields) {
            if (!before.count(field.first))
                return true;
        }
    }
    return false;
}

bool VersionDiff::stricter() const
{
    return std::any_of(objects.begin(), objects.end(), [](const auto &o) { return o.stricter(); });
}

namespace {

/// The snapshot keeps the inspected fields merged per workload (FieldEntry), not in the
/// evaluations: a check's failing fields are those whose checks name it in the level's column.
void addFailingFields(FailingCheck &f, const std::vector<FieldEntry> &fields, Column column)
{
    for (const auto &field : fields) {
        for (const auto &c : field.checks()) {
            if (c.column == column && !c.allowed && c.checkId == f.id) {
                f.fields.emplace_back(field.path(), field.value());
                break;
            }
        }
    }
}

VersionVerdict verdictOf(const WorkloadEntry &w, Policy::Level level)
{
    VersionVerdict v;
    const auto *e = w.evaluation(level);
    if (!e)
        return v;
    const Column column = level == Policy::Level::Baseline ? Column::Baseline : Column::Restricted;
    v.allowed = e->allowed();
    for (const auto &r : e->results) {
        if (r.allowed)
            continue;
        FailingCheck f;
        f.id = std::string(r.id);
        f.reason = r.reason;
        f.detail = r.detail;
        addFailingFields(f, w.podFields, column);
        for (const auto &c : w.id().containers)
            addFailingFields(f, w.fieldsOf(c), column);
        v.failing.push_back(std::move(f));
    }
    return v;
}

} // namespace

VersionDiff diffSnapshots(const WorkspaceSnapshot &from, const WorkspaceSnapshot &to,
                          Policy::Level level)
{
    VersionDiff diff;
    diff.level = level;
    diff.from = from.version;
    diff.to = to.version;
    diff.checks = checkChanges(level, from.version, to.version);
    // The same files and options give the same workloads in the same order; pair them by
    // key all the same, so a mismatch can never pair two different objects.
    std::map<std::string, std::size_t> toByKey;
    for (std::size_t i = 0; i < to.workloads.size(); ++i)
        toByKey.emplace(to.workloads[i].key(), i);
    for (std::size_t i = 0; i < from.workloads.size(); ++i) {
        const auto &w = from.workloads[i];
        const std::string key = w.key();
        const auto other = toByKey.find(key);
        if (other == toByKey.end())
            continue;
        VersionVerdict a = verdictOf(w, level);
        VersionVerdict b = verdictOf(to.workloads[other->second], level);
        if (a.allowed == b.allowed && a.failingIds() == b.failingIds())
            continue;
        ObjectVersionChange o;
        o.workload = int(i);
        o.key = key;
        o.source = workloadSource(from, w);
        o.kind = w.id().kind;
        o.namespaceName = w.id().namespaceName;
        o.name = w.id().name;
        o.from = std::move(a);
        o.to = std::move(b);
        diff.objects.push_back(std::move(o));
    }
    return diff;
}

std::optional<WorkspaceSnapshot> reevaluate(const WorkspaceSnapshot &snapshot,
                                            SnapshotOptions options, const Policy::Version &version,
                                            const std::atomic<bool> *cancel)
{
    options.version = version;
    options.forcedLevel = snapshot.forcedLevel;
    options.roots = snapshot.roots;
    options.planFixes = false;
    options.checklist = false;
    options.evaluateAccess = false;
    // The walk's problems are not carried: only the evaluations are compared.
    return buildSnapshot(snapshot.files, options, {}, cancel);
}

std::optional<VersionDiff> compareVersions(const WorkspaceSnapshot &snapshot,
                                           const SnapshotOptions &options, Policy::Level level,
                                           const Policy::Version &from, const Policy::Version &to,
                                           const std::atomic<bool> *cancel)
{
    auto at = [&](const Policy::Version &v) -> std::optional<WorkspaceSnapshot> {
        return reevaluate(snapshot, options, v, cancel);
    };
    const bool fromIsSnapshot = from.clamped() == snapshot.version.clamped();
    const bool toIsSnapshot = to.clamped() == snapshot.version.clamped();
    std::optional<WorkspaceSnapshot> a, b;
    if (!fromIsSnapshot && !(a = at(from)))
        return std::nullopt;
    if (!toIsSnapshot && !(b = at(to)))
        return std::nullopt;
    VersionDiff diff = diffSnapshots(a ? *a : snapshot, b ? *b : snapshot, level);
    // Name the versions as asked, even where the snapshot's own evaluation was used.
    diff.from = from;
    diff.to = to;
    return diff;
}

std::vector<Policy::Version> knownVersions()
{
    std::vector<Policy::Version> versions{Policy::Version::latest()};
    for (int minor = Policy::NewestMinor; minor >= 0; --minor)
        versions.push_back(Policy::Version::v1(minor));
    return versions;
}

} // namespace PodSec::Engine
