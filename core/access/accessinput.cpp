// SPDX-License-Identifier: Apache-2.0
#include "access/accessinput.h"

#include "engine/pipeline.h"
#include "engine/readkinds.h"
#include "k8s/object.h"
#include "yaml/sourcefile.h"

#include <algorithm>
#include <mutex>

namespace PodSec::Access {

// The bootstrap policy texts, generated from PODSEC_RBAC_BOOTSTRAP_DIR (core/CMakeLists.txt).
extern const char *const BootstrapClusterRoles;
extern const char *const BootstrapClusterRoleBindings;

namespace {

constexpr std::string_view RbacGroup = "rbac.authorization.k8s.io";

std::string groupOf(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

std::optional<bool> booleanOf(const Yaml::Document &doc, Yaml::NodeId id)
{
    if (doc.isTrue(id))
        return true;
    if (doc.isFalse(id))
        return false;
    return std::nullopt;
}

struct Reader
{
    const Yaml::Document &doc;
    const std::string &file;
    bool live;

    Source at(Yaml::NodeId id) const
    {
        if (live || id == Yaml::NoNode)
            return {};
        const auto &n = doc.node(id);
        return {file, n.line, n.column};
    }

    std::vector<std::string> strings(Yaml::NodeId seq) const
    {
        std::vector<std::string> out;
        seq = doc.resolve(seq);
        if (doc.kind(seq) != Yaml::NodeKind::Sequence)
            return out;
        out.reserve(doc.size(seq));
        for (std::size_t i = 0; i < doc.size(seq); ++i)
            out.push_back(doc.scalar(doc.resolve(doc.item(seq, i))));
        return out;
    }

    Labels labels(Yaml::NodeId map) const
    {
        Labels out;
        map = doc.resolve(map);
        if (doc.kind(map) != Yaml::NodeKind::Mapping)
            return out;
        for (std::size_t i = 0; i < doc.size(map); ++i)
            out.emplace_back(doc.scalar(doc.resolve(doc.mapKey(map, i))),
                             doc.scalar(doc.resolve(doc.mapValue(map, i))));
        return out;
    }

    std::optional<bool> boolean(Yaml::NodeId id) const { return booleanOf(doc, id); }

    std::vector<PolicyRule> rules(Yaml::NodeId seq) const
    {
        std::vector<PolicyRule> out;
        seq = doc.resolve(seq);
        if (doc.kind(seq) != Yaml::NodeKind::Sequence)
            return out;
        for (std::size_t i = 0; i < doc.size(seq); ++i) {
            const auto item = doc.item(seq, i);
            const auto r = doc.resolve(item);
            PolicyRule rule;
            rule.verbs = strings(doc.get(r, "verbs"));
            rule.apiGroups = strings(doc.get(r, "apiGroups"));
            rule.resources = strings(doc.get(r, "resources"));
            rule.resourceNames = strings(doc.get(r, "resourceNames"));
            rule.nonResourceURLs = strings(doc.get(r, "nonResourceURLs"));
            rule.source = at(item);
            out.push_back(std::move(rule));
        }
        return out;
    }

    std::vector<LabelSelector> selectors(Yaml::NodeId seq) const
    {
        std::vector<LabelSelector> out;
        seq = doc.resolve(seq);
        for (std::size_t i = 0; doc.kind(seq) == Yaml::NodeKind::Sequence && i < doc.size(seq);
             ++i) {
            const auto s = doc.resolve(doc.item(seq, i));
            LabelSelector selector;
            selector.matchLabels = labels(doc.get(s, "matchLabels"));
            const auto exprs = doc.resolve(doc.get(s, "matchExpressions"));
            for (std::size_t j = 0;
                 doc.kind(exprs) == Yaml::NodeKind::Sequence && j < doc.size(exprs); ++j) {
                const auto e = doc.resolve(doc.item(exprs, j));
                selector.matchExpressions.push_back({doc.scalar(doc.get(e, "key")),
                                                     doc.scalar(doc.get(e, "operator")),
                                                     strings(doc.get(e, "values"))});
            }
            out.push_back(std::move(selector));
        }
        return out;
    }
};

} // namespace

void AccessInput::append(AccessInput &&other)
{
    auto move = [](auto &to, auto &from) {
        to.insert(to.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    };
    move(roles, other.roles);
    move(bindings, other.bindings);
    move(serviceAccounts, other.serviceAccounts);
    move(workloads, other.workloads);
    move(problems, other.problems);
    for (auto &[name, labels] : other.namespaces)
        namespaces[name] = std::move(labels);
    namespaceNames.merge(other.namespaceNames);
}

void readAccount(const Yaml::Document &doc, Yaml::NodeId podSpec, std::string &account,
                 std::optional<bool> &automount)
{
    account = "default";
    automount.reset();
    if (podSpec == Yaml::NoNode)
        return;
    std::string sa = doc.scalar(doc.get(podSpec, "serviceAccountName"));
    if (sa.empty())
        sa = doc.scalar(doc.get(podSpec, "serviceAccount"));
    if (!sa.empty())
        account = std::move(sa);
    automount = booleanOf(doc, doc.get(podSpec, "automountServiceAccountToken"));
}

void collectObjects(const Yaml::Document &doc, const std::string &file, bool live,
                    const std::string &defaultNamespace, AccessInput &into)
{
    const Reader read{doc, file, live};
    for (const auto &o : K8s::objectsIn(doc)) {
        const Source source = live ? Source{} : Source{file, o.line, o.column};
        const std::string &ns = o.namespaceOr(defaultNamespace);
        const auto meta = doc.get(o.root, "metadata");
        if (o.kind == K8s::Kind::Namespace) {
            if (!o.name.empty()) {
                into.namespaces[o.name] = o.labels;
                into.namespaceNames.insert(o.name);
            }
            continue;
        }
        if (o.isPodBearing()) {
            WorkloadInfo w{o.kindText, o.name, ns, "default", std::nullopt, source};
            readAccount(doc, o.podSpec, w.serviceAccount, w.automount);
            into.namespaceNames.insert(ns);
            into.workloads.push_back(std::move(w));
            continue;
        }
        const std::string group = groupOf(o.apiVersion);
        if (o.kindText == "ServiceAccount" && group.empty()) {
            into.serviceAccounts.push_back(
                {o.name, ns, read.boolean(doc.get(o.root, "automountServiceAccountToken")),
                 source});
            into.namespaceNames.insert(ns);
            continue;
        }
        if (group != RbacGroup)
            continue;
        if (o.kindText == "Role" || o.kindText == "ClusterRole") {
            Role role;
            role.cluster = o.kindText == "ClusterRole";
            role.name = o.name;
            if (!role.cluster) {
                role.namespaceName = ns;
                into.namespaceNames.insert(ns);
            }
            role.rules = read.rules(doc.get(o.root, "rules"));
            role.labels = read.labels(doc.get(meta, "labels"));
            const auto aggregation = doc.getSet(o.root, "aggregationRule");
            if (role.cluster && aggregation != Yaml::NoNode)
                role.aggregation = read.selectors(doc.get(aggregation, "clusterRoleSelectors"));
            role.source = source;
            into.roles.push_back(std::move(role));
        } else if (o.kindText == "RoleBinding" || o.kindText == "ClusterRoleBinding") {
            Binding b;
            b.cluster = o.kindText == "ClusterRoleBinding";
            b.name = o.name;
            if (!b.cluster) {
                b.namespaceName = ns;
                into.namespaceNames.insert(ns);
            }
            const auto ref = doc.get(o.root, "roleRef");
            b.roleKind = doc.scalar(doc.get(ref, "kind"));
            b.roleName = doc.scalar(doc.get(ref, "name"));
            const auto subjects = doc.resolve(doc.get(o.root, "subjects"));
            for (std::size_t i = 0;
                 doc.kind(subjects) == Yaml::NodeKind::Sequence && i < doc.size(subjects); ++i) {
                const auto s = doc.resolve(doc.item(subjects, i));
                const std::string &kind = doc.scalar(doc.get(s, "kind"));
                Subject subject;
                subject.name = doc.scalar(doc.get(s, "name"));
                if (kind == "User")
                    subject.kind = SubjectKind::User;
                else if (kind == "Group")
                    subject.kind = SubjectKind::Group;
                else if (kind == "ServiceAccount") {
                    subject.kind = SubjectKind::ServiceAccount;
                    subject.namespaceName = doc.scalar(doc.get(s, "namespace"));
                    // An empty namespace on a RoleBinding subject is the binding's.
                    if (subject.namespaceName.empty() && !b.cluster)
                        subject.namespaceName = b.namespaceName;
                    // On a ClusterRoleBinding it matches nobody (appliesToUser).
                    if (subject.namespaceName.empty()) {
                        b.unknownSubjects.push_back("ServiceAccount \"" + subject.name +
                                                    "\" without a namespace");
                        continue;
                    }
                } else {
                    b.unknownSubjects.push_back(kind + " \"" + subject.name + '"');
                    continue;
                }
                b.subjects.push_back(std::move(subject));
            }
            b.source = source;
            into.bindings.push_back(std::move(b));
        }
    }
}

void readDocument(const Yaml::Document &document, bool decoded, const std::string &file, bool live,
                  const std::string &defaultNamespace, AccessInput &into)
{
    for (auto &d : Engine::documentProblems(document, decoded))
        into.problems.push_back({file, std::move(d)});
    if (!document.error)
        collectObjects(document, file, live, defaultNamespace, into);
}

AccessInput readAccessInput(const std::vector<InputText> &texts,
                            const std::string &defaultNamespace, int threads)
{
    std::vector<std::string_view> views;
    views.reserve(texts.size());
    for (const auto &t : texts)
        views.push_back(t.text);
    const Engine::SplitResult split = Engine::splitDocuments(views);
    std::vector<AccessInput> parts(split.jobs.size());
    Engine::parallelFor(
        split.jobs.size(),
        [&](std::size_t i) {
            const auto &job = split.jobs[i];
            const auto &t = texts[job.file];
            if (t.clean) {
                const auto known = std::lower_bound(t.known.begin(), t.known.end(), job.index,
                                                    [](const std::pair<int, WorkloadInfo> &k,
                                                       int index) { return k.first < index; });
                if (known != t.known.end() && known->first == job.index) {
                    parts[i].namespaceNames.insert(known->second.namespaceName);
                    parts[i].workloads.push_back(known->second);
                    return;
                }
                if (!Engine::buildsTree(t.text, job.chunk, {false, false, true}))
                    return;
            }
            const auto doc =
                Engine::parseForRules(t.text, job.chunk, job.index, {false, false, true});
            // A document only validated has no objects, so no decoding problems either.
            readDocument(doc, true, t.name, t.live, defaultNamespace, parts[i]);
        },
        nullptr, threads);
    AccessInput out;
    for (const auto &[file, d] : split.problems)
        out.problems.push_back({texts[file].name, d});
    for (auto &p : parts)
        out.append(std::move(p));
    return out;
}

const AccessInput &bootstrapPolicy()
{
    static const AccessInput policy = [] {
        AccessInput in = readAccessInput(
            {{"builtin:cluster-roles.yaml", BootstrapClusterRoles, true},
             {"builtin:cluster-role-bindings.yaml", BootstrapClusterRoleBindings, true}},
            "default", 1);
        for (auto &r : in.roles)
            r.builtin = true;
        for (auto &b : in.bindings)
            b.builtin = true;
        return in;
    }();
    return policy;
}

} // namespace PodSec::Access
