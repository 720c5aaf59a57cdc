// SPDX-License-Identifier: Apache-2.0
// The risks of spec/access.md §3: grant-based risks per binding, then the derived ones
// (approveClientCertificates from its three parts, runAsAnyServiceAccount,
// privilegedPodToken).
#include "access/accessmodel.h"
#include "access/grants.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

namespace PodSec::Access {

namespace {

using namespace Grants;

// Parts of approveClientCertificates, gathered per subject before they are combined.
std::string quoted(const std::string &s)
{
    return '"' + s + '"';
}

std::string whereText(const std::string &scope)
{
    return scope == "cluster" ? std::string("cluster-wide") : "in namespace " + quoted(scope);
}

/// A grant ready to be given to subjects: the predicate of its detail and its chain.
struct Grant
{
    int id = 0;
    Severity severity = Severity::Warning;
    std::string scope;
    std::string predicate; ///< "can create pods in namespace ..."
    std::vector<ChainLink> chain;
};

struct SubjectState
{
    std::vector<Risk> risks;
    std::map<std::pair<int, std::string>, std::size_t> index;
    std::map<int, std::vector<ChainLink>> parts; ///< approveClientCertificates parts
};

bool derived(RiskId id)
{
    return id == RiskId::RunAsAnyServiceAccount || id == RiskId::PrivilegedPodToken;
}

bool atLeastWarning(Severity s)
{
    return s == Severity::Deny || s == Severity::Danger || s == Severity::Warning;
}

class Evaluator
{
public:
    explicit Evaluator(const AccessModel &model) : m_model(model)
    {
        // Namespaces whose enforce level is baseline or restricted today.
        for (const auto &ns : model.input().namespaceNames) {
            const auto p = model.namespacePolicy(ns);
            if (p.errors.empty() && p.enforce.level != Policy::Level::Privileged)
                m_strictNamespaces.push_back(
                    ns + " (enforce=" + Policy::levelName(p.enforce.level) + ')');
        }
    }

    std::vector<SubjectRisks> run()
    {
        for (const Binding &b : m_model.input().bindings)
            addBinding(b);
        combineParts();
        addRunAsAny();
        addPodTokens();
        std::vector<SubjectRisks> out;
        for (auto &[subject, state] : m_subjects) {
            if (state.risks.empty())
                continue;
            std::stable_sort(state.risks.begin(), state.risks.end(),
                             [](const Risk &a, const Risk &b) {
                                 return std::tie(a.severity, a.id, a.scope) <
                                        std::tie(b.severity, b.id, b.scope);
                             });
            out.push_back({subject, std::move(state.risks)});
        }
        return out;
    }

private:
    const std::vector<RawGrant> &raw(int role, bool cluster)
    {
        auto it = m_raw.find({role, cluster});
        if (it == m_raw.end())
            it = m_raw.emplace(std::pair{role, cluster}, rawGrants(m_model, role, cluster)).first;
        return it->second;
    }

    const std::vector<Subject> &members(const std::string &group)
    {
        auto it = m_members.find(group);
        if (it == m_members.end())
            it = m_members.emplace(group, m_model.membersOf(group)).first;
        return it->second;
    }

    /// createWorkloads in ns: its severity and the words on ns's enforce level.
    std::pair<Severity, std::string> levelOf(const std::string &ns)
    {
        const auto p = m_model.namespacePolicy(ns);
        if (!p.errors.empty())
            return {Severity::Danger,
                    "whose pod-security labels are invalid (" + p.errorText() + ')'};
        std::string text = "which enforces " + p.enforce.toString() +
                           (p.levelLabel[0] ? " (labelled)" : " (unlabelled, cluster default)");
        switch (p.enforce.level) {
        case Policy::Level::Privileged:
            return {Severity::Danger, text};
        case Policy::Level::Baseline:
            return {Severity::Warning, text};
        case Policy::Level::Restricted:
            return {Severity::Info, text};
        }
        return {Severity::Danger, text};
    }

    void addBinding(const Binding &b)
    {
        std::vector<Grant> grants;
        const std::string scope = b.cluster ? std::string("cluster") : b.namespaceName;
        const int role = m_model.roleIndex(b);
        if (role >= 0) {
            for (const RawGrant &g : raw(role, b.cluster))
                instantiate(b, role, scope, g, grants);
            if (b.cluster) {
                const bool star = std::any_of(grants.begin(), grants.end(),
                                              [](const Grant &g) { return g.id == StarRule; });
                if (b.roleName == "cluster-admin" || star)
                    grants.push_back({int(RiskId::ClusterAdmin), Severity::Danger, scope,
                                      "is bound to ClusterRole " + quoted(b.roleName) +
                                          ", which allows everything, cluster-wide",
                                      m_model.chain(b, role)});
                if (onlyNamespaced(m_model, role))
                    grants.push_back({int(RiskId::ClusterWideGrant), Severity::Info, scope,
                                      "is granted ClusterRole " + quoted(b.roleName) +
                                          " in every namespace by ClusterRoleBinding " +
                                          quoted(b.name) +
                                          ", which names namespaced resources only (a "
                                          "RoleBinding per namespace would do)",
                                      m_model.chain(b, role)});
            }
        } else if (b.cluster && b.roleName == "cluster-admin" && b.roleKind == "ClusterRole") {
            grants.push_back({int(RiskId::ClusterAdmin), Severity::Danger, scope,
                              "is bound to ClusterRole \"cluster-admin\" cluster-wide",
                              m_model.chain(b, -1)});
        }
        for (const Subject &s : b.subjects) {
            for (const Grant &g : grants) {
                if (g.id == StarRule)
                    continue;
                give(s, g, nullptr);
                if (s.kind == SubjectKind::Group) {
                    for (const Subject &m : members(s.name))
                        give(m, g, &s.name);
                }
            }
            // Bindings that only say something about the subject they name.
            const bool masters = s.kind == SubjectKind::Group && s.name == "system:masters";
            const bool anonymous =
                (s.kind == SubjectKind::Group && s.name == "system:unauthenticated") ||
                (s.kind == SubjectKind::User && s.name == "system:anonymous");
            const bool publicInfo = b.cluster && b.name == "system:public-info-viewer" &&
                                    b.roleKind == "ClusterRole" &&
                                    b.roleName == "system:public-info-viewer";
            if (masters)
                give(s,
                     {int(RiskId::SystemMasters), Severity::Danger, scope,
                      "is named by " + std::string(b.kind()) + ' ' + quoted(b.name) +
                          "; its members bypass RBAC altogether",
                      m_model.chain(b, role)},
                     nullptr);
            if (anonymous && !publicInfo)
                give(s,
                     {int(RiskId::Unauthenticated), Severity::Danger, scope,
                      "(requests without credentials) is granted " + b.roleKind + ' ' +
                          quoted(b.roleName) + " by " + b.kind() + ' ' + quoted(b.name),
                      m_model.chain(b, role)},
                     nullptr);
        }
    }

    void instantiate(const Binding &b, int role, const std::string &scope, const RawGrant &g,
                     std::vector<Grant> &out)
    {
        const Match &first = g.matches.front();
        auto chainOf = [&](const Match &m) {
            return m_model.chain(b, role, m.ref);
        };
        auto whatOf = [&](const std::vector<const Match *> &ms) {
            std::string what;
            std::set<std::string> seen;
            for (const Match *m : ms) {
                if (seen.insert(m->what).second)
                    what += (what.empty() ? "" : ", ") + m->what;
                if (seen.size() == 3)
                    break;
            }
            const PolicyRule &r = m_model.rule(ms.front()->ref);
            if (!r.resourceNames.empty()) {
                std::string names;
                for (const auto &n : r.resourceNames)
                    names += (names.empty() ? "" : ", ") + quoted(n);
                what += " (only " + names + ')';
            }
            return what;
        };
        std::vector<const Match *> all;
        for (const auto &m : g.matches)
            all.push_back(&m);
        const RiskId id = RiskId(g.id);
        if (g.id >= CsrCreate) {
            out.push_back({g.id, Severity::Danger, scope, whatOf(all), chainOf(first)});
            return;
        }
        if (id == RiskId::Wildcard) {
            out.push_back({g.id, Severity::Warning, scope,
                           "holds a wildcard rule " + whereText(scope) + " (" + first.what + ')',
                           chainOf(first)});
            return;
        }
        if (id == RiskId::CreateWorkloads) {
            if (b.cluster) {
                out.push_back({g.id, Severity::Danger, scope,
                               "can " + whatOf(all) +
                                   " in every namespace, kube-system and every unlabelled one "
                                   "included",
                               chainOf(first)});
            } else {
                const auto [severity, level] = levelOf(scope);
                out.push_back(
                    {g.id, severity, scope,
                     "can " + whatOf(all) + " in namespace " + quoted(scope) + ", " + level,
                     chainOf(first)});
            }
            return;
        }
        if (id == RiskId::RelabelNamespace) {
            relabel(b, role, g, out);
            return;
        }
        out.push_back({g.id, baseSeverity(id), scope, "can " + whatOf(all) + ' ' + whereText(scope),
                       chainOf(first)});
    }

    void relabel(const Binding &b, int role, const RawGrant &g, std::vector<Grant> &out)
    {
        auto one = [&](const std::string &ns, const Match &m) {
            const auto p = m_model.namespacePolicy(ns);
            const bool strict = p.errors.empty() && p.enforce.level != Policy::Level::Privileged;
            const std::string verb = m.what.substr(0, m.what.find(' '));
            out.push_back({g.id, strict ? Severity::Danger : Severity::Warning, ns,
                           "can " + verb + " namespace " + quoted(ns) +
                               (strict ? " and so relax enforce=" +
                                             std::string(Policy::levelName(p.enforce.level))
                                       : " and so change its pod-security labels (enforce=" +
                                             p.enforce.toString() + " today)"),
                           m_model.chain(b, role, m.ref)});
        };
        if (!b.cluster) {
            for (const Match &m : g.matches) {
                if (resourceNameMatches(m_model.rule(m.ref), b.namespaceName)) {
                    one(b.namespaceName, m);
                    return;
                }
            }
            return;
        }
        std::set<std::string> named;
        for (const Match &m : g.matches) {
            const PolicyRule &r = m_model.rule(m.ref);
            if (r.resourceNames.empty()) {
                const bool strict = !m_strictNamespaces.empty();
                std::string text = "can " + m.what.substr(0, m.what.find(' ')) + " every namespace";
                if (strict) {
                    text += " and so relax the enforce level of";
                    for (std::size_t i = 0; i < m_strictNamespaces.size() && i < 5; ++i)
                        text += (i ? ", " : " ") + m_strictNamespaces[i];
                    if (m_strictNamespaces.size() > 5)
                        text += ", ...";
                } else {
                    text += " and so change their pod-security labels";
                }
                out.push_back({g.id, strict ? Severity::Danger : Severity::Warning, "cluster", text,
                               m_model.chain(b, role, m.ref)});
                return;
            }
        }
        for (const Match &m : g.matches) {
            for (const auto &ns : m_model.rule(m.ref).resourceNames) {
                if (named.insert(ns).second)
                    one(ns, m);
            }
        }
    }

    void give(const Subject &s, const Grant &g, const std::string *group)
    {
        SubjectState &state = m_subjects[s];
        std::vector<ChainLink> chain;
        if (group)
            chain.push_back({"Group", *group, {}, {}, {}, false});
        chain.insert(chain.end(), g.chain.begin(), g.chain.end());
        if (g.id >= CsrCreate) {
            state.parts.emplace(g.id, std::move(chain));
            return;
        }
        const auto key = std::pair{g.id, g.scope};
        if (state.index.count(key))
            return;
        std::string detail = s.display() + ' ' + g.predicate;
        if (group)
            detail += " (as a member of group " + quoted(*group) + ')';
        state.index.emplace(key, state.risks.size());
        state.risks.push_back(
            {RiskId(g.id), g.severity, g.scope, std::move(detail), std::move(chain)});
    }

    void combineParts()
    {
        for (auto &[subject, state] : m_subjects) {
            if (state.parts.size() < 3)
                continue;
            // The three parts' chains, each once (one rule often grants all three).
            std::vector<ChainLink> chain;
            std::vector<std::string> seen;
            for (auto &[id, part] : state.parts) {
                std::string key;
                for (const auto &l : part)
                    key += l.kind + '\n' + l.namespaceName + '\n' + l.name + '\n' + l.rule + '\n';
                if (std::find(seen.begin(), seen.end(), key) != seen.end())
                    continue;
                seen.push_back(key);
                chain.insert(chain.end(), part.begin(), part.end());
            }
            state.risks.push_back({RiskId::ApproveClientCertificates, Severity::Danger, "cluster",
                                   subject.display() +
                                       " can create certificate signing requests, approve them and "
                                       "sign for kubernetes.io/kube-apiserver-client: it can mint "
                                       "client certificates for any user",
                                   std::move(chain)});
        }
    }

    void addRunAsAny()
    {
        struct Inherited
        {
            const Subject *account;
            std::vector<const Risk *> risks;
        };
        std::vector<std::pair<Subject, Risk>> found;
        for (const auto &[subject, state] : m_subjects) {
            for (const Risk &create : state.risks) {
                if (create.id != RiskId::CreateWorkloads)
                    continue;
                std::vector<Inherited> inherited;
                for (const auto &[account, other] : m_subjects) {
                    if (account.kind != SubjectKind::ServiceAccount || account == subject ||
                        (create.scope != "cluster" && account.namespaceName != create.scope))
                        continue;
                    Inherited in{&account, {}};
                    for (const Risk &r : other.risks) {
                        if (!derived(r.id) && atLeastWarning(r.severity))
                            in.risks.push_back(&r);
                    }
                    if (!in.risks.empty())
                        inherited.push_back(std::move(in));
                }
                if (inherited.empty())
                    continue;
                Severity worst = Severity::Info;
                std::string accounts;
                for (std::size_t i = 0; i < inherited.size(); ++i) {
                    std::set<std::string> ids;
                    for (const Risk *r : inherited[i].risks) {
                        worst = std::min(worst, r->severity);
                        ids.insert(riskName(r->id));
                    }
                    if (i < 5) {
                        std::string idText;
                        for (const auto &id : ids)
                            idText += (idText.empty() ? "" : ", ") + id;
                        accounts +=
                            (i ? ", " : "") + inherited[i].account->display() + " (" + idText + ')';
                    }
                }
                if (inherited.size() > 5)
                    accounts += ", and " + std::to_string(inherited.size() - 5) + " more";
                std::vector<ChainLink> chain = create.chain;
                const Subject &first = *inherited.front().account;
                chain.push_back({"ServiceAccount", first.name, first.namespaceName, {}, {}, false});
                const auto &firstChain = inherited.front().risks.front()->chain;
                chain.insert(chain.end(), firstChain.begin(), firstChain.end());
                found.push_back({subject,
                                 {RiskId::RunAsAnyServiceAccount, worst, create.scope,
                                  subject.display() + " can run pods " + whereText(create.scope) +
                                      " as " + accounts,
                                  std::move(chain)}});
            }
        }
        for (auto &[subject, risk] : found)
            m_subjects[subject].risks.push_back(std::move(risk));
    }

    void addPodTokens()
    {
        std::map<std::pair<std::string, std::string>, std::optional<bool>> accountAutomount;
        for (const auto &sa : m_model.input().serviceAccounts)
            accountAutomount[{sa.namespaceName, sa.name}] = sa.automount;
        std::map<Subject, std::vector<const WorkloadInfo *>> mounting;
        for (const auto &w : m_model.input().workloads) {
            bool automount = true;
            if (w.automount) {
                automount = *w.automount;
            } else {
                const auto it = accountAutomount.find({w.namespaceName, w.serviceAccount});
                if (it != accountAutomount.end() && it->second)
                    automount = *it->second;
            }
            if (!automount)
                continue;
            const Subject account{SubjectKind::ServiceAccount, w.serviceAccount, w.namespaceName};
            const auto it = m_subjects.find(account);
            if (it == m_subjects.end())
                continue;
            const bool risky =
                std::any_of(it->second.risks.begin(), it->second.risks.end(), [](const Risk &r) {
                    return r.id != RiskId::PrivilegedPodToken && atLeastWarning(r.severity);
                });
            if (risky)
                mounting[account].push_back(&w);
        }
        for (const auto &[account, workloads] : mounting) {
            SubjectState &state = m_subjects[account];
            std::set<std::string> ids;
            const Risk *worst = nullptr;
            for (const Risk &r : state.risks) {
                if (!atLeastWarning(r.severity))
                    continue;
                ids.insert(riskName(r.id));
                if (!worst || r.severity < worst->severity)
                    worst = &r;
            }
            std::string idText, names;
            for (const auto &id : ids)
                idText += (idText.empty() ? "" : ", ") + id;
            std::vector<ChainLink> chain;
            for (std::size_t i = 0; i < workloads.size(); ++i) {
                const WorkloadInfo &w = *workloads[i];
                if (i < 5)
                    names += (i ? ", " : "") + w.kind + ' ' + quoted(w.name);
                chain.push_back({w.kind, w.name, w.namespaceName, {}, w.source, false});
            }
            if (workloads.size() > 5)
                names += ", and " + std::to_string(workloads.size() - 5) + " more";
            chain.insert(chain.end(), worst->chain.begin(), worst->chain.end());
            state.risks.push_back({RiskId::PrivilegedPodToken, Severity::Danger,
                                   account.namespaceName,
                                   account.display() + " has " + idText +
                                       ", and its token is mounted in the pods of " + names,
                                   std::move(chain)});
        }
    }

    const AccessModel &m_model;
    std::map<Subject, SubjectState> m_subjects;
    std::map<std::pair<int, bool>, std::vector<RawGrant>> m_raw;
    std::map<std::string, std::vector<Subject>> m_members;
    std::vector<std::string> m_strictNamespaces;
};

} // namespace

const char *riskName(RiskId id)
{
    static constexpr const char *Names[RiskCount] = {"readSecrets",
                                                     "createWorkloads",
                                                     "runAsAnyServiceAccount",
                                                     "createPersistentVolumes",
                                                     "nodeProxy",
                                                     "escalate",
                                                     "bind",
                                                     "impersonate",
                                                     "approveClientCertificates",
                                                     "createTokens",
                                                     "controlAdmissionWebhooks",
                                                     "relabelNamespace",
                                                     "wildcard",
                                                     "clusterAdmin",
                                                     "systemMasters",
                                                     "unauthenticated",
                                                     "clusterWideGrant",
                                                     "privilegedPodToken"};
    return Names[int(id)];
}

Severity baseSeverity(RiskId id)
{
    switch (id) {
    case RiskId::ReadSecrets:
    case RiskId::CreateTokens:
    case RiskId::RelabelNamespace:
    case RiskId::Wildcard:
    case RiskId::CreateWorkloads:
    case RiskId::RunAsAnyServiceAccount:
        return Severity::Warning;
    case RiskId::ClusterWideGrant:
        return Severity::Info;
    default:
        return Severity::Danger;
    }
}

int seedChapter(RiskId)
{
    return 7;
}

Severity SubjectRisks::worst() const
{
    Severity s = Severity::Info;
    for (const auto &r : risks)
        s = std::min(s, r.severity);
    return s;
}

std::vector<SubjectRisks> evaluateRisks(const AccessModel &model)
{
    return Evaluator(model).run();
}

std::shared_ptr<const AccessResult> evaluateAccess(const std::vector<InputText> &texts,
                                                   const AccessOptions &options,
                                                   const std::string &defaultNamespace, int threads)
{
    return evaluateAccess(readAccessInput(texts, defaultNamespace, threads), options);
}

std::shared_ptr<const AccessResult> evaluateAccess(AccessInput input, const AccessOptions &options)
{
    auto result = std::make_shared<AccessResult>();
    result->problems = std::move(input.problems);
    input.problems.clear();
    auto model = std::make_shared<const AccessModel>(std::move(input), options);
    result->problems.insert(result->problems.end(), model->problems().begin(),
                            model->problems().end());
    result->subjects = evaluateRisks(*model);
    result->model = std::move(model);
    return result;
}

} // namespace PodSec::Access
