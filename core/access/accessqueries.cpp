// SPDX-License-Identifier: Apache-2.0
#include "access/accessqueries.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace PodSec::Access {

std::optional<Request> parseWhoCan(const std::string &verb, std::string resource,
                                   const std::optional<std::string> &namespaceName,
                                   const std::string &name, std::string &error)
{
    Request r;
    r.verb = verb;
    std::string sub;
    if (const auto slash = resource.find('/'); slash != std::string::npos) {
        sub = resource.substr(slash + 1);
        resource.resize(slash);
    }
    if (const auto dot = resource.find('.'); dot != std::string::npos) {
        r.apiGroup = resource.substr(dot + 1);
        resource.resize(dot);
    } else if (resource == "deployments" || resource == "daemonsets" ||
               resource == "statefulsets" || resource == "replicasets") {
        r.apiGroup = "apps";
    } else if (resource == "jobs" || resource == "cronjobs") {
        r.apiGroup = "batch";
    } else if (resource == "roles" || resource == "rolebindings" || resource == "clusterroles" ||
               resource == "clusterrolebindings") {
        r.apiGroup = "rbac.authorization.k8s.io";
    }
    if (resource.empty() || r.verb.empty()) {
        error = "--who-can needs VERB and RESOURCE[/SUBRESOURCE]";
        return std::nullopt;
    }
    r.resource = resource;
    r.subresource = sub;
    r.name = name;
    if (resource == "namespaces")
        r.namespaceName = r.name; // a namespace is in its own namespace
    else if (!isClusterScoped(resource))
        r.namespaceName = namespaceName.value_or("default");
    return r;
}

std::optional<Request> parseWhoCanQuery(const std::string &line, std::string &error)
{
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;)
        words.push_back(w);
    std::vector<std::string> positional;
    std::optional<std::string> ns;
    std::string name;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &w = words[i];
        auto take = [&](const char *option, std::string &into) {
            const std::string eq = std::string(option) + '=';
            if (w.rfind(eq, 0) == 0) {
                into = w.substr(eq.size());
                return true;
            }
            if (w != option)
                return false;
            if (i + 1 >= words.size()) {
                error = std::string(option) + " needs a value";
                return true;
            }
            into = words[++i];
            return true;
        };
        std::string value;
        if (take("-n", value) || take("--namespace", value)) {
            if (!error.empty())
                return std::nullopt;
            ns = value;
        } else if (take("--name", value)) {
            if (!error.empty())
                return std::nullopt;
            name = value;
        } else if (w.size() > 1 && w[0] == '-') {
            error = "unknown option " + w;
            return std::nullopt;
        } else {
            positional.push_back(w);
        }
    }
    if (positional.size() != 2) {
        error = "a who-can query is VERB RESOURCE[/SUBRESOURCE] [-n NAMESPACE] [--name NAME]";
        return std::nullopt;
    }
    return parseWhoCan(positional[0], positional[1], ns, name, error);
}

NamespaceAccess namespaceAccess(const AccessResult &result, const std::string &ns)
{
    NamespaceAccess out;
    for (const auto &s : result.subjects) {
        for (const auto &r : s.risks) {
            if (r.scope != ns && r.scope != "cluster")
                continue;
            if (r.id == RiskId::CreateWorkloads || r.id == RiskId::RunAsAnyServiceAccount)
                out.createWorkloads.push_back({&s, &r});
            else if (r.id == RiskId::RelabelNamespace)
                out.relabel.push_back({&s, &r});
        }
    }
    for (auto *list : {&out.createWorkloads, &out.relabel})
        std::stable_sort(list->begin(), list->end(), [](const Holder &a, const Holder &b) {
            return int(a.risk->severity) < int(b.risk->severity);
        });
    return out;
}

WorkloadToken workloadToken(const AccessResult &result, const std::string &kind,
                            const std::string &ns, const std::string &name)
{
    WorkloadToken out;
    if (!result.model)
        return out;
    const auto &input = result.model->input();
    const WorkloadInfo *workload = nullptr;
    for (const auto &w : input.workloads) {
        if (w.kind == kind && w.namespaceName == ns && w.name == name) {
            workload = &w;
            break;
        }
    }
    if (!workload)
        return out;
    out.known = true;
    out.serviceAccount = workload->serviceAccount;
    // The same resolution as privilegedPodToken: the pod's setting wins, else the account's.
    if (workload->automount) {
        out.mounted = *workload->automount;
    } else {
        for (const auto &sa : input.serviceAccounts) {
            if (sa.namespaceName == ns && sa.name == workload->serviceAccount && sa.automount)
                out.mounted = *sa.automount;
        }
    }
    const Subject account{SubjectKind::ServiceAccount, workload->serviceAccount, ns};
    for (const auto &s : result.subjects) {
        if (!(s.subject == account))
            continue;
        out.account = &s;
        for (const auto &r : s.risks) {
            if (r.id == RiskId::PrivilegedPodToken)
                out.privilegedPodToken = &r;
        }
    }
    return out;
}

std::string subjectKey(const Subject &subject)
{
    return std::string(subject.kindName()) + '/' + subject.namespaceName + '/' + subject.name;
}

std::string riskKey(const Subject &subject, const Risk &risk)
{
    return subjectKey(subject) + '#' + riskName(risk.id) + '#' + risk.scope;
}

const std::vector<CredentialKind> &credentialKinds()
{
    using S = Engine::Severity;
    static const std::vector<CredentialKind> kinds = {
        {"certSystemMasters", S::Danger}, {"certLifetime", S::Warning},
        {"certExpired", S::Deny},         {"legacyToken", S::Warning},
        {"longToken", S::Info},           {"bootstrapToken", S::Warning},
        {"opaqueToken", S::Info},         {"basicAuth", S::Deny},
        {"authProvider", S::Warning},     {"insecureTls", S::Danger},
        {"plainHttp", S::Danger},         {"embeddedKey", S::Info},
    };
    return kinds;
}

const std::vector<ExplainedId> &explainedAccessIds()
{
    static const std::vector<ExplainedId> ids = [] {
        // Seed chapters as in spec/access.md §3's table (the seed column).
        static const std::map<std::string, std::string> chapters = {
            {"readSecrets", "7, 8"},
            {"nodeProxy", "7, 10"},
            {"controlAdmissionWebhooks", "7, 12"},
            {"systemMasters", "7, 12"},
        };
        std::vector<ExplainedId> out;
        for (int i = 0; i < RiskCount; ++i) {
            const auto id = RiskId(i);
            const std::string name = riskName(id);
            const auto it = chapters.find(name);
            out.push_back(
                {name, baseSeverity(id), it == chapters.end() ? "7" : it->second, "access risk"});
        }
        for (const auto &k : credentialKinds())
            out.push_back({k.id, k.severity, "6, 11, 12", "credential finding"});
        return out;
    }();
    return ids;
}

const ExplainedId *findExplainedAccessId(const std::string &id)
{
    for (const auto &e : explainedAccessIds()) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

} // namespace PodSec::Access
