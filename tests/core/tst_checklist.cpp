// SPDX-License-Identifier: Apache-2.0
// The checklist rule set (spec/checklist.md): every rule with passing and failing cases,
// each read from block YAML, from flow YAML and from JSON (the same objects rendered by
// the test), with the exact reason and detail of the spec's templates.
#include "checklist/checklistruleset.h"
#include "engine/placedobject.h"
#include "engine/workspacefacts.h"
#include "engine/workspacesnapshot.h"
#include "k8s/decode.h"
#include "yaml/sourcefile.h"

#include <QTest>

using namespace PodSec;

namespace {

enum class Style { Block, Flow, Json };

/// Renders a node as flow YAML: plain scalars stay plain unless they hold a character a
/// flow context would read differently, quoted scalars are double-quoted.
void renderFlow(const Yaml::Document &doc, Yaml::NodeId id, std::string &out)
{
    id = doc.resolve(id);
    const auto &n = doc.node(id);
    switch (n.kind) {
    case Yaml::NodeKind::Null:
        out += "null";
        return;
    case Yaml::NodeKind::Scalar: {
        const bool plain = n.scalarStyle == Yaml::ScalarStyle::Plain &&
                           n.value.find_first_of(":,[]{}#&*!|>'\"%@` \n") == std::string::npos &&
                           !n.value.empty();
        out += plain ? n.value : doc.toJson(id);
        return;
    }
    case Yaml::NodeKind::Mapping:
        out += '{';
        for (std::size_t i = 0; i < doc.size(id); ++i) {
            if (i)
                out += ", ";
            renderFlow(doc, doc.mapKey(id, i), out);
            out += ": ";
            renderFlow(doc, doc.mapValue(id, i), out);
        }
        out += '}';
        return;
    case Yaml::NodeKind::Sequence:
        out += '[';
        for (std::size_t i = 0; i < doc.size(id); ++i) {
            if (i)
                out += ", ";
            renderFlow(doc, doc.item(id, i), out);
        }
        out += ']';
        return;
    }
}

/// The same documents in another style.
std::string restyle(const std::string &yaml, Style style)
{
    if (style == Style::Block)
        return yaml;
    const auto file = Yaml::SourceFile::fromText("block.yaml", yaml);
    std::string out;
    for (const auto &doc : file->documents) {
        if (!out.empty())
            out += "---\n";
        if (style == Style::Json)
            out += doc.toJson(doc.root, 64, 100000);
        else
            renderFlow(doc, doc.root, out);
        out += '\n';
    }
    return out;
}

struct Outcome
{
    bool found = false;
    Engine::Finding finding;
};

/// Evaluates rule id on a workspace of one file: the first pod-bearing object for workload
/// rules, the first object it applies to for object rules, namespace "ns" (or the
/// object's) for namespace rules.
Outcome evaluate(const std::string &text, std::string_view id, const std::string &ns = "web")
{
    const auto file = Yaml::SourceFile::fromText("ws.yaml", text);
    auto facts = std::make_shared<Engine::WorkspaceFacts>();
    for (const auto &doc : file->documents) {
        if (doc.error)
            qWarning("%s", doc.error->message.c_str());
        facts->collect(doc, "ws.yaml", false, "default");
    }
    Engine::Placement placement;
    placement.facts = facts;
    const auto &set = Engine::checklistRuleSet();
    const Engine::Rule *rule = set.findRule(id);
    Outcome out;
    std::vector<Engine::Finding> findings;
    if (rule->scope == Engine::Scope::Namespace) {
        set.evaluateNamespace(ns, placement, findings);
    } else {
        for (const auto &doc : file->documents) {
            if (!findings.empty())
                break;
            Engine::forEachObject(
                doc, placement,
                [&](const Engine::PlacedObject &o) {
                    if (findings.empty() && rule->scope == Engine::Scope::PodSpec)
                        set.evaluatePod(o, {}, findings);
                },
                [&](const K8s::Object &o) {
                    if (findings.empty() && rule->scope == Engine::Scope::Object)
                        set.evaluateObject(o, placement, false, findings);
                });
        }
    }
    for (auto &f : findings) {
        if (f.rule == rule) {
            out.found = true;
            out.finding = std::move(f);
        }
    }
    return out;
}

const char *const deployHead = "apiVersion: apps/v1\n"
                               "kind: Deployment\n"
                               "metadata:\n  name: d\n  namespace: web\n"
                               "spec:\n  template:\n    spec:\n";

std::string deploy(const std::string &specBody)
{
    return deployHead + specBody;
}

} // namespace

class TestChecklist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("detail");
        auto row = [](const char *name, const char *rule, const std::string &yaml, bool allowed,
                      const char *detail) {
            QTest::newRow(name) << QString::fromLatin1(rule) << QString::fromStdString(yaml)
                                << allowed << QString::fromUtf8(detail);
        };
        const std::string c = "      containers:\n      - name: app\n        image: app\n";

        // §2.1 serviceAccountToken
        row("token: default account", "serviceAccountToken", deploy(c), false,
            "pod uses service account \"default\" and does not set "
            "automountServiceAccountToken=false");
        row("token: pod sets false", "serviceAccountToken",
            deploy("      automountServiceAccountToken: false\n" + c), true, "");
        row("token: account sets false", "serviceAccountToken",
            deploy("      serviceAccountName: api\n" + c) +
                "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n"
                "  namespace: web\nautomountServiceAccountToken: false\n",
            true, "");
        row("token: account sets true", "serviceAccountToken",
            deploy("      serviceAccount: api\n" + c) +
                "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n"
                "  namespace: web\nautomountServiceAccountToken: true\n",
            false,
            "pod uses service account \"api\" and does not set automountServiceAccountToken=false; "
            "service account \"api\" sets it to true");
        row("token: account in another namespace", "serviceAccountToken",
            deploy("      serviceAccountName: api\n" + c) +
                "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n"
                "  namespace: other\nautomountServiceAccountToken: false\n",
            false,
            "pod uses service account \"api\" and does not set automountServiceAccountToken=false");

        // §2.2 memoryLimit
        const std::string res = "      containers:\n      - name: app\n        image: app\n"
                                "        resources:\n";
        row("memory: equal by value", "memoryLimit",
            deploy(res + "          limits: {memory: 1Gi}\n          requests: {memory: 1024Mi}\n"),
            true, "");
        row("memory: bytes equal Gi", "memoryLimit",
            deploy(res + "          limits:\n            memory: 1073741824\n"
                         "          requests:\n            memory: 1Gi\n"),
            true, "");
        row("memory: exponent", "memoryLimit",
            deploy(res + "          limits: {memory: 1e3}\n          requests: {memory: 1k}\n"),
            true, "");
        row("memory: below request", "memoryLimit",
            deploy(res + "          limits: {memory: 500Mi}\n          requests: {memory: 1Gi}\n"),
            true, "");
        row("memory: limit only", "memoryLimit",
            deploy(res + "          limits: {memory: 128Mi}\n"), true, "");
        row("memory: missing", "memoryLimit", deploy(c), false,
            "container \"app\" must set resources.limits.memory");
        row("memory: above request", "memoryLimit",
            deploy(res + "          limits: {memory: 2Gi}\n          requests: {memory: 1000M}\n"),
            false,
            "container \"app\" has resources.limits.memory 2Gi above resources.requests.memory "
            "1000M");
        row("memory: invalid", "memoryLimit", deploy(res + "          limits: {memory: lots}\n"),
            false, "container \"app\" has an invalid memory quantity \"lots\"");
        row("memory: init and regular in order", "memoryLimit",
            deploy("      initContainers:\n      - name: init\n        image: i\n" + c), false,
            "container \"init\" must set resources.limits.memory; container \"app\" must set "
            "resources.limits.memory");

        // §2.3 cpuLimit
        row("cpu: set", "cpuLimit", deploy(res + "          limits: {cpu: 500m}\n"), true, "");
        row("cpu: missing", "cpuLimit", deploy(c), false,
            "containers \"app\" do not set resources.limits.cpu");

        // §2.4 imageDigest
        const std::string digest(64, 'a');
        row("image: digest", "imageDigest",
            deploy("      containers:\n      - name: app\n        image: r.io/app@sha256:" +
                   digest + "\n"),
            true, "");
        row("image: tag and digest", "imageDigest",
            deploy("      containers:\n      - name: app\n        image: r.io/app:1.2@sha256:" +
                   digest + "\n"),
            true, "");
        row("image: no tag", "imageDigest",
            deploy("      containers:\n      - name: app\n        image: localhost:5000/app\n"),
            false, "container \"app\" image \"localhost:5000/app\" has no tag and no digest");
        row("image: latest", "imageDigest",
            deploy("      containers:\n      - name: app\n        image: app:latest\n"), false,
            "container \"app\" image \"app:latest\" uses the latest tag");
        row("image: tag", "imageDigest",
            deploy("      containers:\n      - name: app\n        image: app:1.25\n"), false,
            "container \"app\" image \"app:1.25\" is referenced by tag, not by digest");
        row("image: bad digest judged before @", "imageDigest",
            deploy("      containers:\n      - name: app\n        image: app:2@sha256:ABC\n"),
            false,
            "container \"app\" image \"app:2@sha256:ABC\" is referenced by tag, not by digest");

        // §2.5 secretEnv
        row("secretEnv: none", "secretEnv", deploy(c), true, "");
        row("secretEnv: env then envFrom", "secretEnv",
            deploy(c + "        envFrom:\n        - secretRef: {name: all}\n"
                       "        env:\n        - name: PW\n          valueFrom:\n"
                       "            secretKeyRef: {name: db, key: pw}\n"),
            false,
            "container \"app\" reads secret \"db\" into environment variable \"PW\"; container "
            "\"app\" imports secret \"all\" as environment variables");

        // §2.6 hostPathSensitive
        auto hostPath = [&](const std::string &path) {
            return deploy(
                c + "      volumes:\n      - name: h\n        hostPath:\n          path: " + path +
                "\n");
        };
        row("hostPath: harmless", "hostPathSensitive", hostPath("/var/log"), true, "");
        row("hostPath: docker socket via /var/run", "hostPathSensitive",
            hostPath("/var//run/./docker.sock/"), false,
            "volume \"h\" mounts host path \"/var//run/./docker.sock/\", which is "
            "\"/run/docker.sock\" (the container runtime socket)");
        row("hostPath: parent of a socket", "hostPathSensitive", hostPath("/var/run"), false,
            "volume \"h\" mounts host path \"/var/run\", which contains \"/run/docker.sock\" (the "
            "container runtime socket)");
        row("hostPath: inside kubelet", "hostPathSensitive",
            hostPath("/var/lib/kubelet/pods/../pki"), false,
            "volume \"h\" mounts host path \"/var/lib/kubelet/pods/../pki\", which is inside "
            "\"/var/lib/kubelet\" (kubelet credentials and every pod's volumes)");
        row("hostPath: sibling name", "hostPathSensitive", hostPath("/var/lib/etcd-backup"), true,
            "");

        // §2.7 hostPathReadOnly
        const std::string mounts = "      containers:\n      - name: app\n        image: app\n"
                                   "        volumeMounts:\n        - name: h\n"
                                   "          mountPath: /h\n";
        const std::string hostVolume =
            "      volumes:\n      - name: h\n        hostPath: {path: /data}\n";
        row("readOnly: set", "hostPathReadOnly",
            deploy(mounts + "          readOnly: true\n" + hostVolume), true, "");
        row("readOnly: missing", "hostPathReadOnly", deploy(mounts + hostVolume), false,
            "container \"app\" mounts host path volume \"h\" without readOnly=true");

        // §2.8 windowsAdministrator
        row("windows: user", "windowsAdministrator",
            deploy(
                "      securityContext:\n        windowsOptions: {runAsUserName: ContainerUser}\n" +
                c),
            true, "");
        row("windows: pod-level admin, any case", "windowsAdministrator",
            deploy("      securityContext:\n        windowsOptions:\n"
                   "          runAsUserName: containeradministrator\n" +
                   c),
            false, "containers \"app\" run as ContainerAdministrator");
        row("windows: container overrides", "windowsAdministrator",
            deploy("      securityContext:\n        windowsOptions:\n"
                   "          runAsUserName: ContainerAdministrator\n" +
                   c + "        securityContext:\n          windowsOptions: {runAsUserName: u}\n"),
            true, "");

        // §2.9 mountableSecrets
        const std::string sa = "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n"
                               "  namespace: web\n  annotations:\n"
                               "    kubernetes.io/enforce-mountable-secrets: \"T\"\n"
                               "secrets:\n- name: db\nimagePullSecrets:\n- name: reg\n";
        const std::string podHead = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
                                    "  namespace: web\nspec:\n  serviceAccountName: api\n";
        row("mountable: listed", "mountableSecrets",
            podHead +
                "  containers:\n  - name: app\n    image: app\n    env:\n    - name: A\n"
                "      valueFrom:\n        secretKeyRef: {name: db, key: k}\n"
                "  imagePullSecrets:\n  - name: reg\n" +
                sa,
            true, "");
        row("mountable: volume first", "mountableSecrets",
            podHead +
                "  containers:\n  - name: app\n    image: app\n    envFrom:\n"
                "    - secretRef: {name: other}\n  volumes:\n  - name: v\n"
                "    secret: {secretName: tls}\n" +
                sa,
            false,
            "pods \"p\" is forbidden: volume with secret.secretName=\"tls\" is not allowed because "
            "service account api does not reference that secret");
        row("mountable: init envFrom", "mountableSecrets",
            podHead +
                "  initContainers:\n  - name: init\n    image: i\n    envFrom:\n"
                "    - secretRef: {name: other}\n  containers:\n  - name: app\n    image: a\n" +
                sa,
            false,
            "pods \"p\" is forbidden: init container init with envFrom referencing "
            "secret.secretName=\"other\" is not allowed because service account api does not "
            "reference that secret");
        row("mountable: pull secret", "mountableSecrets",
            podHead +
                "  containers:\n  - name: app\n    image: a\n  imagePullSecrets:\n"
                "  - name: reg\n  - name: db\n" +
                sa,
            false,
            "pods \"p\" is forbidden: imagePullSecrets[1].name=\"db\" is not allowed because "
            "service account api does not reference that imagePullSecret");
        row("mountable: template", "mountableSecrets",
            deploy("      serviceAccountName: api\n" + c +
                   "        env:\n        - name: X\n          valueFrom:\n"
                   "            secretKeyRef: {name: nope, key: k}\n") +
                sa,
            false,
            "pods created from this template would be rejected: container app with envVar X "
            "referencing secret.secretName=\"nope\" is not allowed because service account api "
            "does not reference that secret");

        // §3 namespace rules
        const std::string ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n";
        row("enforce: no labels", "podSecurityEnforced", ns, false,
            "namespace \"web\" enforces privileged:latest (from the default)");
        row("enforce: baseline", "podSecurityEnforced",
            ns + "  labels:\n    pod-security.kubernetes.io/enforce: baseline\n", true, "");
        row("enforce: invalid version", "podSecurityEnforced",
            ns + "  labels:\n    pod-security.kubernetes.io/enforce: restricted\n"
                 "    pod-security.kubernetes.io/warn-version: v2\n",
            false, "namespace \"web\" enforces restricted:latest (label invalid)");
        row("enforce: privileged label", "podSecurityEnforced",
            ns + "  labels:\n    pod-security.kubernetes.io/enforce: privileged\n", false,
            "namespace \"web\" enforces privileged:latest (from its label)");
        const std::string np = "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                               "metadata:\n  name: deny\n  namespace: web\nspec:\n";
        row("deny: both", "defaultDenyNetworkPolicy",
            ns + np + "  podSelector: {}\n  policyTypes: [Ingress, Egress]\n", true, "");
        row("deny: omitted types is ingress", "defaultDenyNetworkPolicy",
            ns + np + "  podSelector: {}\n", false,
            "namespace \"web\" has no default-deny policy for egress");
        row("deny: selector not empty", "defaultDenyNetworkPolicy",
            ns + np + "  podSelector: {matchLabels: {a: b}}\n  policyTypes: [Ingress, Egress]\n",
            false, "namespace \"web\" has no default-deny policy for ingress and egress");
        row("deny: egress rules allow", "defaultDenyNetworkPolicy",
            ns + np + "  podSelector: {}\n  egress:\n  - to: []\n", false,
            "namespace \"web\" has no default-deny policy for egress");
        row("quota: none", "resourceQuota", ns, false, "namespace \"web\" has no ResourceQuota");
        row("quota: one", "resourceQuota",
            ns + "---\napiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n"
                 "  namespace: web\nspec:\n  hard: {pods: \"10\"}\n",
            true, "");
        row("limitRange: default memory", "limitRange",
            ns + "---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\n  namespace: web\n"
                 "spec:\n  limits:\n  - type: Container\n    default: {memory: 512Mi}\n",
            true, "");
        row("limitRange: pod only", "limitRange",
            ns + "---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\n  namespace: web\n"
                 "spec:\n  limits:\n  - type: Pod\n    max: {memory: 1Gi}\n",
            false,
            "namespace \"web\" has no LimitRange that gives containers a default memory limit");

        // §4 object rules
        const std::string secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"
                                   "  namespace: web\n";
        row("secret: no data", "secretInManifest", secret + "type: Opaque\n", true, "");
        row("secret: data", "secretInManifest",
            secret + "data:\n  a: YQ==\nstringData:\n  b: hunter2\n", false,
            "secret \"s\" carries 2 key(s) in the file; anyone who can read the file can use them");
        row("token secret", "legacyServiceAccountToken",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\n  annotations:\n"
            "    kubernetes.io/service-account.name: build\ntype: "
            "kubernetes.io/service-account-token\n",
            false, "secret \"t\" holds a non-expiring token for service account \"build\"");
        row("configmap: clean", "configMapCredentials",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  tokenizer: x\n"
            "  log_level: info\n",
            true, "");
        row("configmap: credentials", "configMapCredentials",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  DB_PASSWORD: x\n"
            "  apiKey: y\n  tls.pem: \"-----BEGIN RSA PRIVATE KEY-----\\nabc\"\n  clientSecretRef: "
            "z\n",
            false,
            "configmap \"c\" key \"DB_PASSWORD\" names a credential; configmap \"c\" key "
            "\"apiKey\" "
            "names a credential; configmap \"c\" key \"tls.pem\" holds a private key; configmap "
            "\"c\" key \"clientSecretRef\" names a credential");
        row("service: cluster ip", "serviceExposure",
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n",
            true, "");
        row("service: externalIPs", "serviceExposure",
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  externalIPs: [1.2.3.4]\n",
            false, "service \"s\" sets externalIPs");
        row("psp", "podSecurityPolicy",
            "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\nspec: {}\n",
            false,
            "podsecuritypolicy \"p\" has no effect on Kubernetes v1.25 and later; label the "
            "namespaces for Pod Security Admission instead");
    }

    void rules()
    {
        QFETCH(QString, rule);
        QFETCH(QString, yaml);
        QFETCH(bool, allowed);
        QFETCH(QString, detail);
        for (const Style style : {Style::Block, Style::Flow, Style::Json}) {
            const std::string text = restyle(yaml.toStdString(), style);
            const Outcome out = evaluate(text, rule.toStdString());
            const QByteArray where =
                "style " + QByteArray::number(int(style)) + ":\n" + QByteArray::fromStdString(text);
            QVERIFY2(out.found, where.constData());
            QVERIFY2(out.finding.allowed == allowed, where.constData());
            QCOMPARE(QString::fromStdString(out.finding.detail), detail);
            QCOMPARE(out.finding.reason.empty(), allowed);
            for (const auto &f : out.finding.fields)
                QVERIFY2(f.line >= 1, where.constData());
        }
    }

    void loadBalancerIsInfo()
    {
        const auto out = evaluate("apiVersion: v1\nkind: Service\nmetadata: {name: lb}\n"
                                  "spec: {type: LoadBalancer}\n",
                                  "serviceExposure");
        QVERIFY(!out.finding.allowed);
        QCOMPARE(out.finding.detail, std::string("service \"lb\" is a LoadBalancer"));
        QCOMPARE(out.finding.severity(), Engine::Severity::Info);
    }

    void secretValuesNeverLeave()
    {
        const auto out = evaluate("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"
                                  "stringData: {password: hunter2}\n",
                                  "secretInManifest");
        QVERIFY(!out.finding.allowed);
        QCOMPARE(out.finding.fields.size(), std::size_t(1));
        QCOMPARE(out.finding.fields[0].value, std::string("null"));
        QVERIFY(out.finding.detail.find("hunter2") == std::string::npos);
        const auto cm = evaluate("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"
                                 "data: {password: hunter2}\n",
                                 "configMapCredentials");
        QCOMPARE(cm.finding.fields.at(0).value, std::string("null"));
    }

    void serviceAccountFieldPointsIntoItsFile()
    {
        const auto out = evaluate(deploy("      serviceAccountName: api\n      containers: []\n") +
                                      "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
                                      "  name: api\n  namespace: web\n"
                                      "automountServiceAccountToken: true\n",
                                  "serviceAccountToken");
        QCOMPARE(out.finding.fields.size(), std::size_t(2));
        const auto &account = out.finding.fields[1];
        QCOMPARE(account.file, std::string("ws.yaml"));
        QCOMPARE(account.line, 17u);
        QCOMPARE(account.value, std::string("true"));
        QVERIFY(!account.allowed);
    }

    void snapshotCarriesTheChecklist()
    {
        const std::string app = "apiVersion: v1\nkind: Namespace\nmetadata: {name: web}\n---\n" +
                                deploy("      serviceAccountName: api\n" +
                                       std::string("      containers:\n      - name: app\n"
                                                   "        image: app:1\n")) +
                                "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s, "
                                "namespace: web}\nstringData: {password: hunter2}\n---\n"
                                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: "
                                "quiet}\ndata: {a: b}\n";
        auto account = [](const char *automount) {
            return std::string("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, "
                               "namespace: web}\nautomountServiceAccountToken: ") +
                   automount + "\n";
        };
        SnapshotOptions plain;
        const auto without =
            buildSnapshot({{"app.yaml", app}, {"sa.yaml", account("false")}}, plain);
        QVERIFY(without);
        QVERIFY(without->objects.empty());
        QVERIFY(without->workloads.at(0).id().checklist.empty());
        QCOMPARE(without->namespaces.size(), std::size_t(1));

        SnapshotOptions options;
        options.checklist = true;
        const auto first =
            buildSnapshot({{"app.yaml", app}, {"sa.yaml", account("false")}}, options);
        QVERIFY(first);
        auto ids = [](const std::vector<Engine::Finding> &findings) {
            QStringList out;
            for (const auto &f : findings)
                out << QString::fromLatin1(f.rule->id.data(), qsizetype(f.rule->id.size()));
            return out;
        };
        const auto &w = first->workloads.at(0);
        QVERIFY(!ids(w.id().checklist).contains(QStringLiteral("serviceAccountToken")));
        QVERIFY(ids(w.id().checklist).contains(QStringLiteral("imageDigest")));
        QCOMPARE(first->objects.size(), std::size_t(1));
        QCOMPARE(first->objects[0].kind, std::string("Secret"));
        QCOMPARE(ids(first->objects[0].checklist), QStringList{QStringLiteral("secretInManifest")});
        // web (declared), quiet (the ConfigMap's, no findings of its own), in name order.
        QCOMPARE(first->namespaces.size(), std::size_t(2));
        QCOMPARE(first->namespaces[0].name, std::string("quiet"));
        QCOMPARE(first->namespaces[1].objects, std::vector<int>{0});
        QVERIFY(
            ids(first->namespaces[1].checklist).contains(QStringLiteral("podSecurityEnforced")));

        // The ServiceAccount's file changes: the unchanged workload file is evaluated again.
        const auto second = buildSnapshot({{"app.yaml", app}, {"sa.yaml", account("true")}},
                                          options, {}, nullptr, &*first);
        QVERIFY(second);
        QVERIFY(ids(second->workloads.at(0).id().checklist)
                    .contains(QStringLiteral("serviceAccountToken")));
        QCOMPARE(second->namespaces.size(), std::size_t(2));
        QCOMPARE(second->objects.size(), std::size_t(1));
        // Reused unchanged: the same rows.
        const auto third = buildSnapshot({{"app.yaml", app}, {"sa.yaml", account("true")}}, options,
                                         {}, nullptr, &*second);
        QCOMPARE(third->namespaces.size(), std::size_t(2));
        QCOMPARE(third->objects.size(), std::size_t(1));
        QCOMPARE(ids(third->workloads.at(0).id().checklist),
                 ids(second->workloads.at(0).id().checklist));

        // A Secret read from a cluster carries no secretInManifest finding.
        const auto live = buildSnapshot({{"cluster:secrets#1", "apiVersion: v1\nkind: Secret\n"
                                                               "metadata: {name: s}\n"
                                                               "data: {a: YQ==}\n"}},
                                        options);
        QVERIFY(live->objects.empty());
    }

    void quantities_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order"); // -1 a<b, 0 equal, 1 a>b, 9 a invalid
        QTest::newRow("Gi Mi") << QStringLiteral("1Gi") << QStringLiteral("1024Mi") << 0;
        QTest::newRow("bytes") << QStringLiteral("1073741824") << QStringLiteral("1Gi") << 0;
        QTest::newRow("decimal") << QStringLiteral("1G") << QStringLiteral("1Gi") << -1;
        QTest::newRow("fraction") << QStringLiteral("0.5Gi") << QStringLiteral("512Mi") << 0;
        QTest::newRow("exponent") << QStringLiteral("12e6") << QStringLiteral("12M") << 0;
        QTest::newRow("milli") << QStringLiteral("1500m") << QStringLiteral("1") << 1;
        QTest::newRow("bad suffix") << QStringLiteral("1GB") << QStringLiteral("1") << 9;
        QTest::newRow("no digits") << QStringLiteral("Mi") << QStringLiteral("1") << 9;
        QTest::newRow("empty exponent") << QStringLiteral("1e") << QStringLiteral("1") << 9;
    }

    void quantities()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        const auto va = K8s::quantityValue(a.toStdString());
        const auto vb = K8s::quantityValue(b.toStdString());
        QVERIFY(vb);
        if (order == 9) {
            QVERIFY(!va);
            return;
        }
        QVERIFY(va);
        QCOMPARE(*va < *vb ? -1 : *va > *vb ? 1 : 0, order);
    }

    void hostPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("clean");
        QTest::newRow("plain") << QStringLiteral("/etc") << QStringLiteral("/etc");
        QTest::newRow("slashes") << QStringLiteral("//var///lib//") << QStringLiteral("/var/lib");
        QTest::newRow("dots") << QStringLiteral("/a/./b/../c") << QStringLiteral("/a/c");
        QTest::newRow("above root") << QStringLiteral("/../..") << QStringLiteral("/");
        QTest::newRow("var run") << QStringLiteral("/var/run/x.sock")
                                 << QStringLiteral("/run/x.sock");
        QTest::newRow("var running")
            << QStringLiteral("/var/running") << QStringLiteral("/var/running");
    }

    void hostPaths()
    {
        QFETCH(QString, path);
        QFETCH(QString, clean);
        QCOMPARE(QString::fromStdString(K8s::cleanHostPath(path.toStdString())), clean);
    }
};

QTEST_GUILESS_MAIN(TestChecklist)
#include "tst_checklist.moc"
