// SPDX-License-Identifier: Apache-2.0
#include "common/workspacesnapshot.h"

#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <unordered_map>

namespace PodSec {

const char *verdictName(Verdict v)
{
    switch (v) {
    case Verdict::NotChecked:
        return "not checked";
    case Verdict::Pass:
        return "pass";
    case Verdict::Fail:
        return "fail";
    case Verdict::NotApplied:
        return "not applied";
    case Verdict::Exempt:
        return "exempt";
    }
    return "";
}

Verdict combine(Verdict a, Verdict b)
{
    auto rank = [](Verdict v) {
        switch (v) {
        case Verdict::Fail:
            return 4;
        case Verdict::Pass:
            return 3;
        case Verdict::Exempt:
            return 2;
        case Verdict::NotApplied:
            return 1;
        case Verdict::NotChecked:
            return 0;
        }
        return 0;
    };
    return rank(a) >= rank(b) ? a : b;
}

std::string WorkloadEntry::key() const
{
    return std::to_string(file) + '/' + std::to_string(document) + '/' + std::to_string(item) +
           '/' + kind + '/' + namespaceName + '/' + name;
}

namespace {

using Labels = std::vector<std::pair<std::string, std::string>>;

bool isPodSecurityLabel(const std::string &key)
{
    return key.rfind("pod-security.kubernetes.io/", 0) == 0;
}

Verdict evaluationVerdict(const Policy::Evaluation &e)
{
    return e.allowed() ? Verdict::Pass : Verdict::Fail;
}

void mergeFields(std::vector<FieldEntry> &fields, std::unordered_map<std::string, std::size_t> &index,
                 const Policy::Evaluation &evaluation, Column column, Verdict override = Verdict::NotChecked)
{
    for (const auto &r : evaluation.results) {
        for (const auto &f : r.fields) {
            auto it = index.find(f.path);
            if (it == index.end()) {
                FieldEntry e;
                e.path = f.path;
                e.value = f.value;
                e.present = f.present;
                e.offset = f.offset;
                e.endOffset = f.endOffset;
                e.line = f.line;
                e.column = f.column;
                it = index.emplace(f.path, fields.size()).first;
                fields.push_back(std::move(e));
            }
            FieldEntry &e = fields[it->second];
            const Verdict v =
                override != Verdict::NotChecked ? override : (f.allowed ? Verdict::Pass : Verdict::Fail);
            auto &slot = e.verdicts[static_cast<int>(column)];
            slot = combine(slot, v);
            if (override == Verdict::NotChecked)
                e.checks.push_back({r.id, column, f.allowed});
        }
    }
}

WorkloadEntry evaluateWorkload(const K8s::Object &object, int file, const SnapshotOptions &options,
                               const Admission::NamespacePolicy &policy)
{
    WorkloadEntry w;
    w.file = file;
    w.document = object.document->index;
    w.item = object.item;
    w.kind = object.kindText;
    w.name = object.name;
    w.namespaceWritten = !object.namespaceName.empty();
    w.namespaceName = w.namespaceWritten ? object.namespaceName : options.defaultNamespace;
    w.line = object.line;
    w.column = object.column;
    const auto &rootNode = object.document->node(object.document->resolve(object.root));
    w.offset = rootNode.start;
    w.endOffset = rootNode.end;
    w.hasTemplate = object.hasTemplate;
    w.podSpecPath = object.podSpecPath;
    w.podMetadataPath = object.podMetadataPath;

    K8s::Object placed = object;
    placed.namespaceName = w.namespaceName;
    const K8s::PodSpecView view(placed);
    w.baseline.policy = {Policy::Level::Baseline, options.version};
    w.restricted.policy = {Policy::Level::Restricted, options.version};
    if (object.hasTemplate) {
        w.baseline = Policy::evaluate(view, w.baseline.policy);
        w.restricted = Policy::evaluate(view, w.restricted.policy);
    }
    w.admission = Admission::admit(view, policy, options.admissionConfig);

    w.verdicts[int(Column::Baseline)] = evaluationVerdict(w.baseline);
    w.verdicts[int(Column::Restricted)] = evaluationVerdict(w.restricted);
    const auto &a = w.admission;
    auto modeVerdict = [&](const Admission::ModeResult &m) {
        if (a.exempt != Admission::Exemption::None)
            return Verdict::Exempt;
        if (!m.applies)
            return Verdict::NotApplied;
        return m.allowed ? Verdict::Pass : Verdict::Fail;
    };
    w.verdicts[int(Column::Enforce)] = modeVerdict(a.enforce);
    w.verdicts[int(Column::Audit)] = modeVerdict(a.audit);
    w.verdicts[int(Column::Warn)] = modeVerdict(a.warn);

    std::vector<FieldEntry> fields;
    std::unordered_map<std::string, std::size_t> index;
    mergeFields(fields, index, w.baseline, Column::Baseline);
    mergeFields(fields, index, w.restricted, Column::Restricted);
    if (a.exempt == Admission::Exemption::None && object.hasTemplate) {
        if (a.enforce.applies) {
            mergeFields(fields, index, a.enforce.evaluation, Column::Enforce);
        } else {
            // Enforce does not act on templates; show which fields it would judge.
            mergeFields(fields, index, Policy::evaluate(view, a.enforce.policy), Column::Enforce,
                        Verdict::NotApplied);
        }
        mergeFields(fields, index, a.audit.evaluation, Column::Audit);
        if (a.warn.applies)
            mergeFields(fields, index, a.warn.evaluation, Column::Warn);
    }
    std::stable_sort(fields.begin(), fields.end(), [](const FieldEntry &x, const FieldEntry &y) {
        return x.offset != y.offset ? x.offset < y.offset : x.path < y.path;
    });

    for (const auto &c : view.containers()) {
        ContainerEntry ce;
        ce.name = c.name;
        ce.type = c.type;
        ce.path = c.path;
        ce.line = object.document->node(c.node).line;
        w.containers.push_back(std::move(ce));
    }
    for (auto &f : fields) {
        ContainerEntry *owner = nullptr;
        for (auto &c : w.containers) {
            if (f.path.size() > c.path.size() && f.path.compare(0, c.path.size(), c.path) == 0 &&
                (f.path[c.path.size()] == '.' || f.path[c.path.size()] == '['))
                owner = &c;
        }
        (owner ? owner->fields : w.podFields).push_back(std::move(f));
    }
    return w;
}

} // namespace

std::optional<WorkspaceSnapshot> buildSnapshot(std::vector<WorkspaceFile> files,
                                               const SnapshotOptions &options,
                                               const std::function<void(int, int)> &progress,
                                               const std::atomic<bool> *cancel)
{
    WorkspaceSnapshot s;
    s.version = options.version;
    s.forcedLevel = options.forcedLevel;
    s.files = std::move(files);

    // Parse everything first: Namespace objects may come after the workloads using them.
    std::vector<std::unique_ptr<Yaml::SourceFile>> parsed;
    int total = 0, done = 0;
    std::vector<std::vector<Yaml::Chunk>> chunks(s.files.size());
    for (std::size_t i = 0; i < s.files.size(); ++i) {
        parsed.push_back(Yaml::SourceFile::prepare(s.files[i].path, s.files[i].text, chunks[i]));
        total += static_cast<int>(chunks[i].size());
    }
    std::map<std::string, NamespaceEntry> namespaces;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        auto &file = *parsed[i];
        for (const auto &d : file.errors)
            s.problems.push_back({static_cast<int>(i), d});
        int index = 0;
        for (const auto &chunk : chunks[i]) {
            if (cancel && cancel->load())
                return std::nullopt;
            file.documents.push_back(Yaml::SourceFile::parseChunk(file.text, chunk, index++));
            const auto &doc = file.documents.back();
            if (doc.error)
                s.problems.push_back({static_cast<int>(i), *doc.error});
            for (const auto &o : K8s::objectsIn(doc)) {
                if (o.kind != K8s::Kind::Namespace || o.name.empty())
                    continue;
                auto &ns = namespaces[o.name];
                ns.name = o.name;
                ns.declared = true;
                ns.labels.clear();
                for (const auto &l : o.labels) {
                    if (isPodSecurityLabel(l.first))
                        ns.labels.push_back(l);
                }
            }
            if (progress)
                progress(++done, 2 * total);
        }
    }
    auto policyOf = [&](const NamespaceEntry &ns) {
        if (options.forcedLevel) {
            Admission::NamespacePolicy p;
            p.enforce = p.audit = p.warn = {*options.forcedLevel, options.version};
            return p;
        }
        return Admission::resolveNamespacePolicy(ns.labels, options.admissionConfig.defaults);
    };
    for (auto &[name, ns] : namespaces)
        ns.policy = policyOf(ns);

    for (std::size_t i = 0; i < parsed.size(); ++i) {
        for (const auto &doc : parsed[i]->documents) {
            if (cancel && cancel->load())
                return std::nullopt;
            for (const auto &o : K8s::objectsIn(doc)) {
                if (!o.isPodBearing() ||
                    (o.kind == K8s::Kind::ReplicationController && !o.hasTemplate))
                    continue;
                const std::string nsName =
                    o.namespaceName.empty() ? options.defaultNamespace : o.namespaceName;
                auto it = namespaces.find(nsName);
                if (it == namespaces.end()) {
                    NamespaceEntry ns;
                    ns.name = nsName;
                    ns.policy = policyOf(ns);
                    it = namespaces.emplace(nsName, std::move(ns)).first;
                }
                s.workloads.push_back(evaluateWorkload(o, static_cast<int>(i), options, it->second.policy));
                it->second.workloads.push_back(static_cast<int>(s.workloads.size() - 1));
            }
            if (progress)
                progress(++done, 2 * total);
        }
    }
    for (auto &[name, ns] : namespaces) {
        for (int w : ns.workloads) {
            for (int c = 0; c < ColumnCount; ++c)
                ns.verdicts[c] = combine(ns.verdicts[c], s.workloads[static_cast<std::size_t>(w)].verdicts[c]);
        }
        s.namespaces.push_back(std::move(ns));
    }
    if (progress)
        progress(2 * total, 2 * total);
    return s;
}

} // namespace PodSec
