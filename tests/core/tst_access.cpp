// SPDX-License-Identifier: Apache-2.0
// The access model (spec/access.md): RBAC matching exactly as the Kubernetes authorizer
// does it, and every risk of §3 with a case that has it and one that does not.
#include "access/accessmodel.h"
#include "engine/workspacesnapshot.h"

#include <QFile>
#include <QTest>

using namespace PodSec;
using namespace PodSec::Access;

namespace {

std::unique_ptr<AccessModel> modelOf(const std::string &yaml, AccessOptions options = {})
{
    return std::make_unique<AccessModel>(
        readAccessInput({{"input.yaml", yaml, false}}, "default", 1), options);
}

const Risk *findRisk(const std::vector<SubjectRisks> &all, const std::string &subject,
                     const std::string &id, const std::string &scope)
{
    for (const auto &s : all) {
        if (s.subject.display() != subject)
            continue;
        for (const auto &r : s.risks) {
            if (riskName(r.id) == id && r.scope == scope)
                return &r;
        }
    }
    return nullptr;
}

PolicyRule ruleOf(std::vector<std::string> verbs, std::vector<std::string> groups,
                  std::vector<std::string> resources, std::vector<std::string> names = {},
                  std::vector<std::string> urls = {})
{
    PolicyRule r;
    r.verbs = std::move(verbs);
    r.apiGroups = std::move(groups);
    r.resources = std::move(resources);
    r.resourceNames = std::move(names);
    r.nonResourceURLs = std::move(urls);
    return r;
}

Request resourceRequest(std::string verb, std::string group, std::string resource,
                        std::string sub = {}, std::string name = {}, std::string ns = {})
{
    Request r;
    r.verb = std::move(verb);
    r.apiGroup = std::move(group);
    r.resource = std::move(resource);
    r.subresource = std::move(sub);
    r.name = std::move(name);
    r.namespaceName = std::move(ns);
    return r;
}

const char *const Binding = R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: %1
metadata: {name: b, namespace: %2}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: %3, name: r}
subjects:
- {kind: ServiceAccount, name: sa, namespace: %2}
)";

std::string roleAndBinding(const std::string &rules, bool clusterRole = true,
                           bool clusterBinding = false, const std::string &ns = "team")
{
    std::string text = std::string("apiVersion: rbac.authorization.k8s.io/v1\nkind: ") +
                       (clusterRole ? "ClusterRole" : "Role") +
                       "\nmetadata: {name: r, namespace: " + ns + "}\nrules:\n" + rules + "---";
    QString b = QString::fromLatin1(Binding).arg(
        QLatin1String(clusterBinding ? "ClusterRoleBinding" : "RoleBinding"),
        QString::fromStdString(ns), QLatin1String(clusterRole ? "ClusterRole" : "Role"));
    return text + b.toStdString();
}

} // namespace

class TestAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ruleMatching_data()
    {
        QTest::addColumn<PolicyRule>("rule");
        QTest::addColumn<Request>("request");
        QTest::addColumn<bool>("allowed");
        const auto get = resourceRequest("get", "", "pods", "", "web", "team");
        QTest::newRow("exact") << ruleOf({"get"}, {""}, {"pods"}) << get << true;
        QTest::newRow("other verb") << ruleOf({"list"}, {""}, {"pods"}) << get << false;
        QTest::newRow("verb *") << ruleOf({"*"}, {""}, {"pods"}) << get << true;
        QTest::newRow("group *") << ruleOf({"get"}, {"*"}, {"pods"}) << get << true;
        QTest::newRow("other group") << ruleOf({"get"}, {"apps"}, {"pods"}) << get << false;
        QTest::newRow("resource *") << ruleOf({"get"}, {""}, {"*"}) << get << true;
        QTest::newRow("resource * covers subresources")
            << ruleOf({"get"}, {""}, {"*"}) << resourceRequest("get", "", "pods", "log") << true;
        QTest::newRow("resource does not cover its subresource")
            << ruleOf({"get"}, {""}, {"pods"}) << resourceRequest("get", "", "pods", "log")
            << false;
        QTest::newRow("resource/subresource") << ruleOf({"get"}, {""}, {"pods/log"})
                                              << resourceRequest("get", "", "pods", "log") << true;
        QTest::newRow("subresource rule does not cover the resource")
            << ruleOf({"get"}, {""}, {"pods/log"}) << get << false;
        QTest::newRow("*/scale matches deployments/scale")
            << ruleOf({"update"}, {"apps"}, {"*/scale"})
            << resourceRequest("update", "apps", "deployments", "scale") << true;
        QTest::newRow("*/scale does not match deployments")
            << ruleOf({"update"}, {"apps"}, {"*/scale"})
            << resourceRequest("update", "apps", "deployments") << false;
        QTest::newRow("*/scale does not match deployments/status")
            << ruleOf({"update"}, {"apps"}, {"*/scale"})
            << resourceRequest("update", "apps", "deployments", "status") << false;
        QTest::newRow("resourceNames names it")
            << ruleOf({"get"}, {""}, {"pods"}, {"web"}) << get << true;
        QTest::newRow("resourceNames names another")
            << ruleOf({"get"}, {""}, {"pods"}, {"db"}) << get << false;
        QTest::newRow("create with resourceNames is never allowed")
            << ruleOf({"create"}, {""}, {"pods"}, {"web"})
            << resourceRequest("create", "", "pods", "", "", "team") << false;
        QTest::newRow("create without resourceNames")
            << ruleOf({"create"}, {""}, {"pods"}) << resourceRequest("create", "", "pods") << true;
        QTest::newRow("subresource create names its object")
            << ruleOf({"create"}, {""}, {"serviceaccounts/token"}, {"builder"})
            << resourceRequest("create", "", "serviceaccounts", "token", "builder", "ci") << true;
        QTest::newRow("subresource create of another object")
            << ruleOf({"create"}, {""}, {"serviceaccounts/token"}, {"builder"})
            << resourceRequest("create", "", "serviceaccounts", "token", "deployer", "ci") << false;
        Request url;
        url.resourceRequest = false;
        url.verb = "get";
        url.path = "/healthz/ready";
        QTest::newRow("nonResourceURL prefix *")
            << ruleOf({"get"}, {}, {}, {}, {"/healthz/*"}) << url << true;
        QTest::newRow("nonResourceURL *") << ruleOf({"get"}, {}, {}, {}, {"*"}) << url << true;
        QTest::newRow("nonResourceURL other")
            << ruleOf({"get"}, {}, {}, {}, {"/healthz"}) << url << false;
        QTest::newRow("resource rule never allows a URL")
            << ruleOf({"get"}, {"*"}, {"*"}) << url << false;
    }
    void ruleMatching()
    {
        QFETCH(PolicyRule, rule);
        QFETCH(Request, request);
        QFETCH(bool, allowed);
        QCOMPARE(ruleAllows(request, rule), allowed);
    }

    void subjects()
    {
        const UserInfo sa = *userInfoOf({SubjectKind::ServiceAccount, "deployer", "ci"});
        QCOMPARE(sa.name, std::string("system:serviceaccount:ci:deployer"));
        QVERIFY(appliesTo(sa, {SubjectKind::Group, "system:serviceaccounts", {}}, {}));
        QVERIFY(appliesTo(sa, {SubjectKind::Group, "system:serviceaccounts:ci", {}}, {}));
        QVERIFY(!appliesTo(sa, {SubjectKind::Group, "system:serviceaccounts:web", {}}, {}));
        QVERIFY(appliesTo(sa, {SubjectKind::Group, "system:authenticated", {}}, {}));
        // An empty subject namespace is the RoleBinding's; on a ClusterRoleBinding nobody.
        QVERIFY(appliesTo(sa, {SubjectKind::ServiceAccount, "deployer", {}}, "ci"));
        QVERIFY(!appliesTo(sa, {SubjectKind::ServiceAccount, "deployer", {}}, "web"));
        QVERIFY(!appliesTo(sa, {SubjectKind::ServiceAccount, "deployer", {}}, {}));
        const UserInfo anonymous = *userInfoOf({SubjectKind::User, "system:anonymous", {}});
        QVERIFY(appliesTo(anonymous, {SubjectKind::Group, "system:unauthenticated", {}}, {}));
        QVERIFY(!appliesTo(anonymous, {SubjectKind::Group, "system:authenticated", {}}, {}));
        QVERIFY(appliesTo(*userInfoOf({SubjectKind::User, "alice", {}}),
                          {SubjectKind::Group, "system:authenticated", {}}, {}));
    }

    void emptySubjectNamespaceInFiles()
    {
        const auto model = modelOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b, namespace: ci}
roleRef: {kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: deployer}]
)");
        QVERIFY(model->allows(*userInfoOf({SubjectKind::ServiceAccount, "deployer", "ci"}),
                              resourceRequest("list", "", "pods", "", "", "ci")));
        // A RoleBinding to a ClusterRole grants only inside its namespace.
        QVERIFY(!model->allows(*userInfoOf({SubjectKind::ServiceAccount, "deployer", "ci"}),
                               resourceRequest("list", "", "pods", "", "", "web")));
        // view (built in) does not read Secrets.
        QVERIFY(!model->allows(*userInfoOf({SubjectKind::ServiceAccount, "deployer", "ci"}),
                               resourceRequest("get", "", "secrets", "", "x", "ci")));
    }

    void aggregation_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("aggregated");
        QTest::newRow("matchLabels") << QStringLiteral("matchLabels: {tier: gold}") << true;
        QTest::newRow("matchLabels other value")
            << QStringLiteral("matchLabels: {tier: silver}") << false;
        QTest::newRow("In")
            << QStringLiteral("matchExpressions: [{key: tier, operator: In, values: [gold, x]}]")
            << true;
        QTest::newRow("In no") << QStringLiteral(
                                      "matchExpressions: [{key: tier, operator: In, values: [x]}]")
                               << false;
        QTest::newRow("NotIn")
            << QStringLiteral("matchExpressions: [{key: tier, operator: NotIn, values: [x]}]")
            << true;
        QTest::newRow("NotIn no")
            << QStringLiteral("matchExpressions: [{key: tier, operator: NotIn, values: [gold]}]")
            << false;
        QTest::newRow("Exists") << QStringLiteral(
                                       "matchExpressions: [{key: tier, operator: Exists}]")
                                << true;
        QTest::newRow("DoesNotExist")
            << QStringLiteral("matchExpressions: [{key: tier, operator: DoesNotExist}]") << false;
        QTest::newRow("DoesNotExist other")
            << QStringLiteral("matchExpressions: [{key: zone, operator: DoesNotExist}]") << true;
        QTest::newRow("labels and expressions")
            << QStringLiteral("matchLabels: {tier: gold}\n      matchExpressions: [{key: zone, "
                              "operator: Exists}]")
            << false;
    }
    void aggregation()
    {
        QFETCH(QString, selector);
        QFETCH(bool, aggregated);
        const std::string yaml = R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: parent}
aggregationRule:
  clusterRoleSelectors:
    - )" + selector.toStdString() +
                                 R"(
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: child, labels: {tier: gold}}
rules: [{apiGroups: [example.com], resources: [widgets], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: b}
roleRef: {kind: ClusterRole, name: parent}
subjects: [{kind: User, name: alice}]
)";
        const auto model = modelOf(yaml);
        // The parent's effective rules hold the child's rule exactly when a selector matches
        // (NotIn and DoesNotExist also match every built-in role without the label).
        int parent = -1, child = -1;
        for (std::size_t i = 0; i < model->roles().size(); ++i) {
            if (model->roles()[i].name == "parent")
                parent = int(i);
            if (model->roles()[i].name == "child")
                child = int(i);
        }
        QVERIFY(parent >= 0 && child >= 0);
        const auto &rules = model->effectiveRules(parent);
        QCOMPARE(std::any_of(rules.begin(), rules.end(),
                             [&](const AccessModel::RuleRef &r) { return r.role == child; }),
                 aggregated);
        if (aggregated)
            QVERIFY(
                model->allows(*userInfoOf({SubjectKind::User, "alice", {}}),
                              resourceRequest("get", "example.com", "widgets", "", "x", "web")));
    }

    void builtinAggregation()
    {
        // edit aggregates view (built in) and an input role carrying aggregate-to-edit.
        const auto model = modelOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: crd-editor
  labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
rules: [{apiGroups: [example.com], resources: [widgets], verbs: [create]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b, namespace: web}
roleRef: {kind: ClusterRole, name: admin}
subjects: [{kind: User, name: bob}]
)");
        const UserInfo bob = *userInfoOf({SubjectKind::User, "bob", {}});
        QVERIFY(
            model->allows(bob, resourceRequest("create", "example.com", "widgets", "", "", "web")));
        QVERIFY(model->allows(bob, resourceRequest("list", "", "pods", "", "", "web")));
        QVERIFY(model->allows(bob, resourceRequest("create", "", "pods", "", "", "web")));
        QVERIFY(
            !model->allows(bob, resourceRequest("create", "example.com", "widgets", "", "", "db")));
    }

    void missingRole()
    {
        const auto model = modelOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: b}
roleRef: {kind: ClusterRole, name: nowhere}
subjects: [{kind: User, name: alice}]
)");
        QCOMPARE(model->problems().size(), std::size_t(1));
        QVERIFY(QString::fromStdString(model->problems().front().diagnostic.message)
                    .contains(QLatin1String("grants nothing")));
        QVERIFY(evaluateRisks(*model).empty());
    }

    void risks_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("severity"); ///< empty: the risk must be absent
        const QString sa = QStringLiteral("serviceaccount \"team/sa\"");
        auto add = [&](const char *name, const std::string &yaml, const char *id, const char *scope,
                       const char *severity, QString subject = {}) {
            QTest::newRow(name) << QString::fromStdString(yaml)
                                << (subject.isEmpty() ? sa : subject) << QString::fromLatin1(id)
                                << QString::fromLatin1(scope) << QString::fromLatin1(severity);
        };
        auto r = [&](const char *group, const char *res, const char *verbs,
                     const char *names = nullptr) {
            std::string s = "- apiGroups: [\"" + std::string(group) + "\"]\n  resources: [" + res +
                            "]\n  verbs: [" + verbs + "]\n";
            if (names)
                s += "  resourceNames: [" + std::string(names) + "]\n";
            return s;
        };
        add("readSecrets list", roleAndBinding(r("", "secrets", "list")), "readSecrets", "team",
            "warning");
        add("readSecrets watch named", roleAndBinding(r("", "secrets", "watch", "db")),
            "readSecrets", "team", "warning");
        add("readSecrets configmaps", roleAndBinding(r("", "configmaps", "get")), "readSecrets",
            "team", "");
        add("readSecrets other group", roleAndBinding(r("apps", "secrets", "get")), "readSecrets",
            "team", "");
        add("createWorkloads privileged ns", roleAndBinding(r("", "pods", "create")),
            "createWorkloads", "team", "danger");
        add("createWorkloads deployments", roleAndBinding(r("apps", "deployments", "create")),
            "createWorkloads", "team", "danger");
        add("createWorkloads ephemeral", roleAndBinding(r("", "pods/ephemeralcontainers", "patch")),
            "createWorkloads", "team", "danger");
        add("createWorkloads named create", roleAndBinding(r("", "pods", "create", "x")),
            "createWorkloads", "team", "");
        add("createWorkloads update pods", roleAndBinding(r("", "pods", "update")),
            "createWorkloads", "team", "");
        const std::string baselineNs =
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels: "
            "{pod-security.kubernetes.io/enforce: baseline}\n---\n";
        const std::string restrictedNs =
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels: "
            "{pod-security.kubernetes.io/enforce: restricted}\n---\n";
        const std::string invalidNs = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  "
                                      "labels: {pod-security.kubernetes.io/enforce: strict}\n---\n";
        add("createWorkloads baseline ns",
            baselineNs + roleAndBinding(r("batch", "jobs", "create")), "createWorkloads", "team",
            "warning");
        add("createWorkloads restricted ns",
            restrictedNs + roleAndBinding(r("batch", "cronjobs", "create")), "createWorkloads",
            "team", "info");
        add("createWorkloads invalid labels", invalidNs + roleAndBinding(r("", "pods", "create")),
            "createWorkloads", "team", "danger");
        add("createWorkloads cluster-wide",
            restrictedNs + roleAndBinding(r("", "pods", "create"), true, true), "createWorkloads",
            "cluster", "danger");
        add("createPersistentVolumes",
            roleAndBinding(r("", "persistentvolumes", "create"), true, true),
            "createPersistentVolumes", "cluster", "danger");
        add("createPersistentVolumes via RoleBinding",
            roleAndBinding(r("", "persistentvolumes", "create")), "createPersistentVolumes", "team",
            "");
        add("nodeProxy", roleAndBinding(r("", "nodes/proxy", "get"), true, true), "nodeProxy",
            "cluster", "danger");
        add("nodeProxy nodes only", roleAndBinding(r("", "nodes", "get"), true, true), "nodeProxy",
            "cluster", "");
        add("escalate", roleAndBinding(r("rbac.authorization.k8s.io", "roles", "escalate")),
            "escalate", "team", "danger");
        add("escalate wrong group", roleAndBinding(r("", "roles", "escalate")), "escalate", "team",
            "");
        add("bind clusterroles",
            roleAndBinding(r("rbac.authorization.k8s.io", "clusterroles", "bind"), true, true),
            "bind", "cluster", "danger");
        add("bind clusterroles via RoleBinding",
            roleAndBinding(r("rbac.authorization.k8s.io", "clusterroles", "bind")), "bind", "team",
            "");
        add("impersonate users", roleAndBinding(r("", "users", "impersonate"), true, true),
            "impersonate", "cluster", "danger");
        add("impersonate users via RoleBinding", roleAndBinding(r("", "users", "impersonate")),
            "impersonate", "team", "");
        add("impersonate serviceaccounts via RoleBinding",
            roleAndBinding(r("", "serviceaccounts", "impersonate")), "impersonate", "team",
            "danger");
        add("impersonate userextras",
            roleAndBinding(r("authentication.k8s.io", "userextras/scopes", "impersonate"), true,
                           true),
            "impersonate", "cluster", "danger");
        const std::string csr =
            r("certificates.k8s.io", "certificatesigningrequests", "create") +
            r("certificates.k8s.io", "certificatesigningrequests/approval", "update");
        add("approveClientCertificates",
            roleAndBinding(csr + r("certificates.k8s.io", "signers", "approve",
                                   "kubernetes.io/kube-apiserver-client"),
                           true, true),
            "approveClientCertificates", "cluster", "danger");
        add("approveClientCertificates kubernetes.io/*",
            roleAndBinding(
                csr + r("certificates.k8s.io", "signers", "approve", "\"kubernetes.io/*\""), true,
                true),
            "approveClientCertificates", "cluster", "danger");
        add("approveClientCertificates other signer",
            roleAndBinding(csr + r("certificates.k8s.io", "signers", "approve", "example.com/x"),
                           true, true),
            "approveClientCertificates", "cluster", "");
        add("approveClientCertificates no approval",
            roleAndBinding(r("certificates.k8s.io", "certificatesigningrequests", "create") +
                               r("certificates.k8s.io", "signers", "approve"),
                           true, true),
            "approveClientCertificates", "cluster", "");
        add("createTokens", roleAndBinding(r("", "serviceaccounts/token", "create", "builder")),
            "createTokens", "team", "warning");
        add("createTokens serviceaccounts", roleAndBinding(r("", "serviceaccounts", "create")),
            "createTokens", "team", "");
        add("controlAdmissionWebhooks",
            roleAndBinding(
                r("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "patch"), true,
                true),
            "controlAdmissionWebhooks", "cluster", "danger");
        add("controlAdmissionWebhooks get",
            roleAndBinding(
                r("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "get"), true,
                true),
            "controlAdmissionWebhooks", "cluster", "");
        add("relabelNamespace own ns restricted",
            restrictedNs + roleAndBinding(r("", "namespaces", "patch")), "relabelNamespace", "team",
            "danger");
        add("relabelNamespace own ns privileged", roleAndBinding(r("", "namespaces", "update")),
            "relabelNamespace", "team", "warning");
        add("relabelNamespace other name via RoleBinding",
            restrictedNs + roleAndBinding(r("", "namespaces", "patch", "web")), "relabelNamespace",
            "team", "");
        add("relabelNamespace named cluster-wide",
            restrictedNs + roleAndBinding(r("", "namespaces", "patch", "team"), true, true),
            "relabelNamespace", "team", "danger");
        add("relabelNamespace cluster-wide",
            baselineNs + roleAndBinding(r("", "namespaces", "patch"), true, true),
            "relabelNamespace", "cluster", "danger");
        add("relabelNamespace cluster-wide nothing strict",
            roleAndBinding(r("", "namespaces", "patch"), true, true), "relabelNamespace", "cluster",
            "warning");
        add("relabelNamespace get", roleAndBinding(r("", "namespaces", "get")), "relabelNamespace",
            "team", "");
        add("wildcard verbs", roleAndBinding(r("", "pods", "\"*\"")), "wildcard", "team",
            "warning");
        add("wildcard */scale is not", roleAndBinding(r("apps", "\"*/scale\"", "update")),
            "wildcard", "team", "");
        add("clusterAdmin star rule", roleAndBinding(r("*", "\"*\"", "\"*\""), true, true),
            "clusterAdmin", "cluster", "danger");
        add("clusterAdmin via RoleBinding is not", roleAndBinding(r("*", "\"*\"", "\"*\"")),
            "clusterAdmin", "team", "");
        add("clusterWideGrant",
            roleAndBinding(r("", "pods", "get") + r("apps", "deployments/scale", "update"), true,
                           true),
            "clusterWideGrant", "cluster", "info");
        add("clusterWideGrant nodes", roleAndBinding(r("", "pods,nodes", "get"), true, true),
            "clusterWideGrant", "cluster", "");
        add("clusterWideGrant via RoleBinding", roleAndBinding(r("", "pods", "get")),
            "clusterWideGrant", "team", "");
        const std::string toCluster =
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: "
            "%N}\nroleRef: {kind: ClusterRole, name: %R}\nsubjects: [{kind: %K, name: \"%S\"}]\n";
        auto crb = [&](const char *name, const char *role, const char *kind, const char *subject) {
            return QString::fromStdString(toCluster)
                .replace(QLatin1String("%N"), QLatin1String(name))
                .replace(QLatin1String("%R"), QLatin1String(role))
                .replace(QLatin1String("%K"), QLatin1String(kind))
                .replace(QLatin1String("%S"), QLatin1String(subject))
                .toStdString();
        };
        add("clusterAdmin builtin", crb("ops", "cluster-admin", "User", "alice"), "clusterAdmin",
            "cluster", "danger", QStringLiteral("user \"alice\""));
        add("systemMasters", crb("m", "view", "Group", "system:masters"), "systemMasters",
            "cluster", "danger", QStringLiteral("group \"system:masters\""));
        add("unauthenticated", crb("anon", "view", "Group", "system:unauthenticated"),
            "unauthenticated", "cluster", "danger",
            QStringLiteral("group \"system:unauthenticated\""));
        add("unauthenticated anonymous user", crb("anon", "view", "User", "system:anonymous"),
            "unauthenticated", "cluster", "danger", QStringLiteral("user \"system:anonymous\""));
        add("unauthenticated public-info-viewer",
            crb("system:public-info-viewer", "system:public-info-viewer", "Group",
                "system:unauthenticated"),
            "unauthenticated", "cluster", "", QStringLiteral("group \"system:unauthenticated\""));
        add("group grant reaches a known member",
            crb("g", "cluster-admin", "Group", "system:serviceaccounts:team") +
                "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: "
                "team}\n",
            "clusterAdmin", "cluster", "danger");
        add("group grant on the group",
            crb("g", "cluster-admin", "Group", "system:serviceaccounts:team"), "clusterAdmin",
            "cluster", "danger", QStringLiteral("group \"system:serviceaccounts:team\""));
        add("group grant not to other namespaces",
            crb("g", "cluster-admin", "Group", "system:serviceaccounts:web") +
                "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: "
                "team}\n",
            "clusterAdmin", "cluster", "");
        add("systemMasters not to members",
            crb("m", "view", "Group", "system:authenticated") + "---\n" +
                crb("n", "view", "Group", "system:masters") +
                "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: "
                "team}\n",
            "systemMasters", "cluster", "");
    }
    void risks()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, subject);
        QFETCH(QString, id);
        QFETCH(QString, scope);
        QFETCH(QString, severity);
        const auto model = modelOf(yaml.toStdString());
        const auto all = evaluateRisks(*model);
        const Risk *risk =
            findRisk(all, subject.toStdString(), id.toStdString(), scope.toStdString());
        if (severity.isEmpty()) {
            QVERIFY2(!risk, risk ? risk->detail.c_str() : "");
            return;
        }
        QVERIFY(risk);
        QCOMPARE(QLatin1String(Engine::severityName(risk->severity)), severity);
        QVERIFY(!risk->chain.empty());
        QVERIFY(!risk->detail.empty());
    }

    void chainHasPositions()
    {
        const auto all = evaluateRisks(*modelOf(
            roleAndBinding("- apiGroups: [\"\"]\n  resources: [secrets]\n  verbs: [get]\n")));
        const Risk *risk = findRisk(all, "serviceaccount \"team/sa\"", "readSecrets", "team");
        QVERIFY(risk);
        QCOMPARE(risk->chain.size(), std::size_t(3));
        QCOMPARE(risk->chain[0].kind, std::string("RoleBinding"));
        QCOMPARE(risk->chain[0].source.line, 9u);
        QCOMPARE(risk->chain[1].kind, std::string("ClusterRole"));
        QCOMPARE(risk->chain[1].source.line, 1u);
        QCOMPARE(risk->chain[2].kind, std::string("Rule"));
        QCOMPARE(risk->chain[2].source.line, 5u);
        QCOMPARE(risk->chain[2].source.column, 3u);
        QCOMPARE(risk->chain[2].source.file, std::string("input.yaml"));
    }

    void createWorkloadsDetail()
    {
        const auto all = evaluateRisks(*modelOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployer, namespace: build}
roleRef: {kind: ClusterRole, name: edit}
subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
)"));
        const Risk *risk =
            findRisk(all, "serviceaccount \"ci/deployer\"", "createWorkloads", "build");
        QVERIFY(risk);
        QVERIFY2(QString::fromStdString(risk->detail)
                     .contains(QLatin1String("in namespace \"build\", which enforces "
                                             "privileged:latest (unlabelled, cluster default)")),
                 risk->detail.c_str());
        QCOMPARE(risk->chain[1].builtin, true);
        QVERIFY(!risk->chain[1].source.valid());
        // edit reads secrets too.
        QVERIFY(findRisk(all, "serviceaccount \"ci/deployer\"", "readSecrets", "build"));
    }

    void derivedRisks()
    {
        // ci/deployer can create pods in "build", where build/admin holds cluster-admin, and
        // a Deployment mounts build/admin's token.
        const auto all = evaluateRisks(*modelOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployer, namespace: build}
roleRef: {kind: ClusterRole, name: edit}
subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: admin}
roleRef: {kind: ClusterRole, name: cluster-admin}
subjects: [{kind: ServiceAccount, name: admin, namespace: build}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: build}
spec:
  template:
    spec:
      serviceAccountName: admin
      containers: [{name: c, image: x}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: quiet, namespace: build}
spec:
  template:
    spec:
      serviceAccountName: other
      automountServiceAccountToken: false
      containers: [{name: c, image: x}]
)"));
        const Risk *run =
            findRisk(all, "serviceaccount \"ci/deployer\"", "runAsAnyServiceAccount", "build");
        QVERIFY(run);
        QCOMPARE(run->severity, Severity::Danger);
        QVERIFY(QString::fromStdString(run->detail).contains(QLatin1String("build/admin")));
        const Risk *token =
            findRisk(all, "serviceaccount \"build/admin\"", "privilegedPodToken", "build");
        QVERIFY(token);
        QVERIFY(
            QString::fromStdString(token->detail).contains(QLatin1String("Deployment \"web\"")));
        // A token that is not mounted gives no privilegedPodToken.
        QVERIFY(!findRisk(all, "serviceaccount \"build/other\"", "privilegedPodToken", "build"));
    }

    void serviceAccountTurnsAutomountOff()
    {
        const auto all = evaluateRisks(*modelOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: admin}
roleRef: {kind: ClusterRole, name: cluster-admin}
subjects: [{kind: ServiceAccount, name: admin, namespace: build}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: admin, namespace: build}
automountServiceAccountToken: false
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: build}
spec: {serviceAccountName: admin, containers: [{name: c, image: x}]}
)"));
        QVERIFY(findRisk(all, "serviceaccount \"build/admin\"", "clusterAdmin", "cluster"));
        QVERIFY(!findRisk(all, "serviceaccount \"build/admin\"", "privilegedPodToken", "build"));
    }

    void whoCan()
    {
        const auto model = modelOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: devs, namespace: web}
roleRef: {kind: ClusterRole, name: edit}
subjects: [{kind: Group, name: devs}, {kind: User, name: carol}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops}
roleRef: {kind: ClusterRole, name: cluster-admin}
subjects: [{kind: User, name: alice}]
)");
        const auto inWeb = model->whoCan(resourceRequest("create", "", "pods", "", "", "web"));
        QCOMPARE(inWeb.size(), std::size_t(3));
        const auto inDb = model->whoCan(resourceRequest("create", "", "pods", "", "", "db"));
        QCOMPARE(inDb.size(), std::size_t(1));
        QCOMPARE(inDb.front().subject.name, std::string("alice"));
        QCOMPARE(inDb.front().chain.back().kind, std::string("Rule"));
        // Cluster-scoped: only ClusterRoleBindings.
        QCOMPARE(model->whoCan(resourceRequest("create", "", "persistentvolumes")).size(),
                 std::size_t(1));
    }

    void workspaceSnapshotCarriesAccess()
    {
        SnapshotOptions options;
        options.evaluateAccess = true;
        const auto s = buildSnapshot(
            {WorkspaceFile(
                "rbac.yaml",
                roleAndBinding("- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [create]\n"))},
            options);
        QVERIFY(s && s->access);
        QVERIFY(
            findRisk(s->access->subjects, "serviceaccount \"team/sa\"", "createWorkloads", "team"));
        options.evaluateAccess = false;
        QVERIFY(!buildSnapshot({WorkspaceFile("rbac.yaml", "kind: Namespace\n")}, options)->access);
    }

    void bootstrapIsCompiledIn()
    {
        const auto &policy = bootstrapPolicy();
        QVERIFY(policy.problems.empty());
        QCOMPARE(policy.roles.size(), std::size_t(31));
        QCOMPARE(policy.bindings.size(), std::size_t(10));
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
