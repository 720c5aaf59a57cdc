// SPDX-License-Identifier: Apache-2.0
// The checklist's decisions and their choices (engine/checklistfixes.h): each choice is
// applied to the workspace's texts and the workspace is evaluated again, so a test fails
// when a choice does not settle its finding, touches the wrong file, or breaks the YAML.
#include "engine/checklistfixes.h"
#include "engine/workspacesnapshot.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace PodSec;
using Engine::ChecklistChoice;
using Engine::ChecklistDecision;

namespace {

using Texts = std::map<std::string, std::string>;

std::vector<WorkspaceFile> filesOf(const Texts &texts)
{
    std::vector<WorkspaceFile> files;
    for (const auto &[path, text] : texts)
        files.emplace_back(path, text);
    return files;
}

WorkspaceSnapshot snapshotOf(const Texts &texts)
{
    SnapshotOptions options;
    options.checklist = true;
    return *buildSnapshot(filesOf(texts), options);
}

/// Every failing checklist finding of the snapshot as "object: id" (workloads and
/// namespaces), for before/after comparisons.
std::set<std::string> failing(const WorkspaceSnapshot &s)
{
    std::set<std::string> out;
    for (const auto &w : s.workloads)
        for (const auto &f : w.id().checklist)
            if (!f.allowed)
                out.insert(w.id().kind + '/' + w.id().name + ": " + std::string(f.rule->id));
    for (const auto &ns : s.namespaces)
        for (const auto &f : ns.checklist)
            if (!f.allowed)
                out.insert("Namespace/" + ns.name + ": " + std::string(f.rule->id));
    return out;
}

std::vector<ChecklistDecision> plan(const WorkspaceSnapshot &s, const std::string &only)
{
    Engine::ChecklistFixRequest request;
    request.all = true;
    if (!only.empty())
        request.only = {only};
    return Engine::planChecklistDecisions(s, request);
}

/// The choice whose key ends with action, of the first decision that has one.
const ChecklistChoice *choice(const std::vector<ChecklistDecision> &decisions,
                              const std::string &action)
{
    for (const auto &d : decisions)
        for (const auto &c : d.choices)
            if (c.key.size() >= action.size() &&
                c.key.compare(c.key.size() - action.size(), action.size(), action) == 0)
                return &c;
    return nullptr;
}

Texts applied(Texts texts, const std::vector<const ChecklistChoice *> &choices)
{
    std::string error;
    if (!Engine::applyChoices(choices, texts, error))
        qWarning("%s", error.c_str());
    return texts;
}

const char *const Deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: %1
  namespace: shop
spec:
  template:
    spec:
      serviceAccountName: web
      containers:
      - name: app
        image: registry.example/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
)";

std::string deployment(const char *name)
{
    return QString::fromLatin1(Deployment).arg(QLatin1String(name)).toStdString();
}

} // namespace

class TestChecklistFixes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serviceAccountTokenOnThePodOrTheAccount()
    {
        const Texts texts{{"app.yaml", deployment("front") + "---\n" + deployment("back")},
                          {"sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: "
                                      "web\n  namespace: shop\n"}};
        const auto s = snapshotOf(texts);
        QVERIFY(failing(s).count("Deployment/front: serviceAccountToken"));
        const auto decisions = plan(s, "serviceAccountToken");
        QCOMPARE(decisions.size(), std::size_t(2));
        QCOMPARE(decisions[0].choices.size(), std::size_t(2));
        QCOMPARE(decisions[0].object, std::string("Deployment shop/front"));
        QVERIFY2(decisions[0].choices[1].title.find("used by 2 workload") != std::string::npos,
                 decisions[0].choices[1].title.c_str());

        // On the pod: only that workload's document changes.
        const auto pod = applied(texts, {choice(decisions, "|pod")});
        QCOMPARE(pod.at("sa.yaml"), texts.at("sa.yaml"));
        QVERIFY(pod.at("app.yaml").find("      automountServiceAccountToken: false\n") !=
                std::string::npos);
        auto after = failing(snapshotOf(pod));
        QVERIFY(!after.count("Deployment/front: serviceAccountToken"));
        QVERIFY(after.count("Deployment/back: serviceAccountToken"));

        // On the account: its file changes, and both workloads pass.
        const auto account = applied(texts, {choice(decisions, "|account")});
        QCOMPARE(account.at("app.yaml"), texts.at("app.yaml"));
        QCOMPARE(account.at("sa.yaml"), std::string("apiVersion: v1\nkind: ServiceAccount\n"
                                                    "metadata:\n  name: web\n  namespace: shop\n"
                                                    "automountServiceAccountToken: false\n"));
        after = failing(snapshotOf(account));
        QVERIFY(!after.count("Deployment/front: serviceAccountToken"));
        QVERIFY(!after.count("Deployment/back: serviceAccountToken"));
    }

    void noAccountChoiceWhenTheAccountIsNotInAFile()
    {
        const Texts texts{{"app.yaml", deployment("front")}};
        const auto decisions = plan(snapshotOf(texts), "serviceAccountToken");
        QCOMPARE(decisions.size(), std::size_t(1));
        QCOMPARE(decisions[0].choices.size(), std::size_t(1));
        QVERIFY(!choice(decisions, "|account"));
    }

    void clusterPagesGetNoChoices()
    {
        const std::string page =
            R"({"kind":"PodList","apiVersion":"v1","items":[{"metadata":{"name":"p","namespace":"shop"},)"
            R"("spec":{"containers":[{"name":"a","image":"a:1","resources":{"requests":{"memory":"1Gi"}}}]}}]})";
        const auto decisions = plan(snapshotOf({{"cluster:pods#1", page}}), "");
        QVERIFY(!decisions.empty());
        for (const auto &d : decisions)
            QVERIFY2(d.choices.empty(), d.summary().c_str());
    }

    void mountableSecretsAddsEveryMissingName_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("expected");
        const QString head = QStringLiteral(
            "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n"
            "  annotations:\n    kubernetes.io/enforce-mountable-secrets: \"true\"\n");
        QTest::newRow("block") << head + QStringLiteral("secrets:\n- name: a\n")
                               << head + QStringLiteral("secrets:\n- name: a\n- name: b\n- name: "
                                                        "c\nimagePullSecrets: [{name: p}]\n");
        QTest::newRow("flow") << head + QStringLiteral("secrets: [{name: a}]\n")
                              << head + QStringLiteral("secrets: [{name: a}, {name: b}, {name: "
                                                       "c}]\nimagePullSecrets: [{name: p}]\n");
        // Nothing listed: every name the pod uses, in the plugin's order.
        QTest::newRow("none") << head
                              << head + QStringLiteral("secrets: [{name: b}, {name: a}, {name: "
                                                       "c}]\nimagePullSecrets: [{name: p}]\n");
    }

    void mountableSecretsAddsEveryMissingName()
    {
        QFETCH(QString, account);
        QFETCH(QString, expected);
        const std::string pod = R"(apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  serviceAccountName: web
  imagePullSecrets: [{name: p}]
  volumes:
  - name: v
    secret: {secretName: b}
  containers:
  - name: c
    image: x
    env:
    - name: A
      valueFrom: {secretKeyRef: {name: a, key: k}}
    - name: C
      valueFrom: {secretKeyRef: {name: c, key: k}}
)";
        const Texts texts{{"pod.yaml", pod}, {"sa.yaml", account.toStdString()}};
        const auto s = snapshotOf(texts);
        QVERIFY(failing(s).count("Pod/p: mountableSecrets"));
        const auto decisions = plan(s, "mountableSecrets");
        const auto *add = choice(decisions, "|add");
        QVERIFY(add);
        QVERIFY2(add->title.find("\"c\", \"p\"") != std::string::npos, add->title.c_str());
        const auto after = applied(texts, {add});
        QCOMPARE(QString::fromStdString(after.at("sa.yaml")), expected);
        QVERIFY(!failing(snapshotOf(after)).count("Pod/p: mountableSecrets"));
    }

    void memoryLimitChoices()
    {
        const std::string pod = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: unset
    image: x
    resources:
      requests: {memory: 256Mi}
  - name: above
    image: x
    resources:
      requests:
        memory: "512Mi"
      limits:
        memory: 1Gi
  - name: nothing
    image: x
)";
        const Texts texts{{"pod.yaml", pod}};
        const auto decisions = plan(snapshotOf(texts), "memoryLimit");
        QCOMPARE(decisions.size(), std::size_t(1));
        QCOMPARE(decisions[0].choices.size(), std::size_t(4));
        // Nothing to take for "nothing": its choice asks for a value, and writes only a valid one.
        const auto *ask = choice(decisions, "containers[2]|ask");
        QVERIFY(ask && !ask->ask.empty());
        ChecklistChoice filled = *ask;
        std::string error;
        QVERIFY(!Engine::fillChoice(filled, "lots", error));
        QVERIFY(!Engine::fillChoice(filled, "0", error));
        QVERIFY(!Engine::fillChoice(filled, "1Gi\nx: y", error));
        QVERIFY(Engine::fillChoice(filled, "300Mi", error));
        QVERIFY(filled.ask.empty());
        const auto entered = applied(texts, {&filled});
        QVERIFY2(entered.at("pod.yaml")
                         .find("  - name: nothing\n    image: x\n    resources:\n"
                               "      limits:\n        memory: 300Mi\n") != std::string::npos,
                 entered.at("pod.yaml").c_str());
        const auto set = applied(texts, {choice(decisions, "containers[0]|set")});
        QVERIFY2(set.at("pod.yaml")
                         .find("      requests: {memory: 256Mi}\n      limits:\n"
                               "        memory: 256Mi\n") != std::string::npos,
                 set.at("pod.yaml").c_str());
        const auto lower = applied(texts, {choice(decisions, "containers[1]|lower")});
        QVERIFY(lower.at("pod.yaml")
                    .find("        memory: \"512Mi\"\n      limits:\n        "
                          "memory: 512Mi\n") != std::string::npos);
        const auto raise = applied(texts, {choice(decisions, "containers[1]|raise")});
        QVERIFY(raise.at("pod.yaml").find("memory: \"1Gi\"") != std::string::npos);
        // All three settled: the rule passes.
        const auto both = applied(texts, {choice(decisions, "containers[0]|set"),
                                          choice(decisions, "containers[1]|lower"), &filled});
        const auto after = snapshotOf(both);
        const auto &f = after.workloads.at(0).id().checklist;
        const auto memory = std::find_if(f.begin(), f.end(), [](const auto &x) {
            return x.rule->id == std::string_view("memoryLimit");
        });
        // The message is evaluated even when the check holds: no end() dereference.
        QVERIFY2(memory == f.end() || memory->allowed,
                 memory == f.end() ? "" : memory->detail.c_str());
    }

    void hostPathAndWindowsChoices()
    {
        const std::string pod = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    windowsOptions: {runAsUserName: ContainerAdministrator}
  volumes:
  - name: logs
    hostPath: {path: /var/log}
  containers:
  - name: a
    image: x
    volumeMounts:
    - {name: logs, mountPath: /logs}
  - name: b
    image: x
    securityContext:
      windowsOptions:
        runAsUserName: containeradministrator
)";
        const Texts texts{{"pod.yaml", pod}};
        const auto s = snapshotOf(texts);
        QVERIFY(failing(s).count("Pod/p: hostPathReadOnly"));
        QVERIFY(failing(s).count("Pod/p: windowsAdministrator"));
        auto decisions = plan(s, "hostPathReadOnly");
        const auto ro = applied(texts, {choice(decisions, "volumeMounts[0]|set")});
        QVERIFY(ro.at("pod.yaml").find("- {name: logs, mountPath: /logs, readOnly: true}") !=
                std::string::npos);
        QVERIFY(!failing(snapshotOf(ro)).count("Pod/p: hostPathReadOnly"));
        decisions = plan(s, "windowsAdministrator");
        QCOMPARE(decisions.at(0).choices.size(), std::size_t(2));
        const auto win = applied(texts, {&decisions[0].choices[0], &decisions[0].choices[1]});
        QVERIFY(!failing(snapshotOf(win)).count("Pod/p: windowsAdministrator"));
    }

    void podSecurityEnforcedLabelsTheNamespace()
    {
        const Texts texts{{"ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"},
                          {"pod.yaml",
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n"
                           "spec:\n  hostNetwork: true\n  containers: [{name: a, image: x}]\n"}};
        const auto s = snapshotOf(texts);
        QVERIFY(failing(s).count("Namespace/shop: podSecurityEnforced"));
        const auto decisions = plan(s, "podSecurityEnforced");
        QCOMPARE(decisions.size(), std::size_t(1));
        QCOMPARE(decisions[0].choices.size(), std::size_t(2));
        const auto *restricted = choice(decisions, "|restricted");
        QVERIFY(restricted);
        // The what-if: the privileged pod would be warned about.
        QVERIFY2(restricted->consequence.find("p: host namespaces") != std::string::npos,
                 restricted->consequence.c_str());
        const auto after = applied(texts, {restricted});
        QCOMPARE(after.at("ns.yaml"),
                 std::string("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  "
                             "labels:\n    pod-security.kubernetes.io/enforce: restricted\n"));
        QVERIFY(!failing(snapshotOf(after)).count("Namespace/shop: podSecurityEnforced"));
    }

    void podSecurityEnforcedWithoutANamespaceObjectGivesTheCommand()
    {
        const auto decisions = plan(
            snapshotOf({{"pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: "
                                     "shop}\nspec:\n  containers: [{name: a, image: x}]\n"}}),
            "podSecurityEnforced");
        QCOMPARE(decisions.size(), std::size_t(1));
        QVERIFY(decisions[0].choices.empty());
        QCOMPARE(decisions[0].commands,
                 std::string("kubectl label --overwrite ns shop "
                             "pod-security.kubernetes.io/enforce=baseline\nkubectl label "
                             "--overwrite ns shop pod-security.kubernetes.io/enforce=restricted"));
        QVERIFY2(decisions[0].summary().find(
                     "label the namespace with a command [run: kubectl label --overwrite ns shop "
                     "pod-security.kubernetes.io/enforce=baseline | kubectl") != std::string::npos,
                 decisions[0].summary().c_str());
    }

    void defaultDenyAppendsToTheNamespaceFile()
    {
        // Two namespaces in one file, no trailing line break: both policies go at its end.
        const Texts texts{{"ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n"
                                      "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}"}};
        const auto s = snapshotOf(texts);
        QVERIFY(failing(s).count("Namespace/a: defaultDenyNetworkPolicy"));
        const auto decisions = plan(s, "defaultDenyNetworkPolicy");
        QCOMPARE(decisions.size(), std::size_t(2));
        QCOMPARE(decisions[0].choices.size(), std::size_t(2));
        QVERIFY(!decisions[0].choices[0].consequence.empty());
        const auto after =
            applied(texts, {&decisions[0].choices[0], &decisions[1].choices[1]}); // a both, b in
        QVERIFY(after.at("ns.yaml").find("metadata: {name: b}\n---\napiVersion: "
                                         "networking.k8s.io/v1\n") != std::string::npos);
        const auto now = failing(snapshotOf(after));
        QVERIFY(!now.count("Namespace/a: defaultDenyNetworkPolicy"));
        // b denies ingress only: the finding stays, now about egress.
        QVERIFY(now.count("Namespace/b: defaultDenyNetworkPolicy"));
        const auto b = snapshotOf(after).namespaces;
        const auto it =
            std::find_if(b.begin(), b.end(), [](const auto &n) { return n.name == "b"; });
        QVERIFY(it != b.end());
        QCOMPARE(it->checklist.at(1).detail, std::string("namespace \"b\" has no default-deny "
                                                         "policy for egress"));
    }

    void defaultDenyWithoutANamespaceObjectCreatesAFile()
    {
        QTemporaryDir dir;
        const std::string app = dir.filePath(QStringLiteral("app.yaml")).toStdString();
        const std::string taken =
            dir.filePath(QStringLiteral("shop-default-deny.yaml")).toStdString();
        QFile f(QString::fromStdString(taken));
        QVERIFY(f.open(QIODevice::WriteOnly)); // a file of that name exists: the next name
        f.close();
        const Texts texts{{app, deployment("front")}};
        const auto decisions = plan(snapshotOf(texts), "defaultDenyNetworkPolicy");
        QCOMPARE(decisions.size(), std::size_t(1));
        const auto &c = decisions[0].choices.at(0);
        QCOMPARE(c.changes.size(), std::size_t(1));
        QVERIFY(c.changes[0].create);
        QCOMPARE(c.changes[0].path,
                 dir.filePath(QStringLiteral("shop-default-deny-2.yaml")).toStdString());
        const auto after = applied(texts, {&c});
        QVERIFY(!failing(snapshotOf(after)).count("Namespace/shop: defaultDenyNetworkPolicy"));
        // Both choices create that file: refused, nothing changes.
        Texts again = texts;
        std::string error;
        QVERIFY(!Engine::applyChoices({&decisions[0].choices[0], &decisions[0].choices[1]}, again,
                                      error));
        QVERIFY(!error.empty());
        QCOMPARE(again, texts);
    }

    void choicesEndingOnOneLineKeepTheirMappings()
    {
        // containers is the pod spec's last key: the last container's new resources and
        // the pod's automountServiceAccountToken are inserted at the same offset.
        const std::string pod = R"(apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ledger, namespace: payments}
spec:
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
        - name: backup
          image: registry.example.com/ledger-backup:1.0
---
apiVersion: v1
kind: Pod
metadata: {name: after}
spec:
  containers: [{name: a, image: x}]
)";
        const Texts texts{{"ledger.yaml", pod}};
        const auto s = snapshotOf(texts);
        const auto token = plan(s, "serviceAccountToken");
        const auto memory = plan(s, "memoryLimit");
        const auto *podChoice = choice(token, "|pod");
        const auto *ask = choice(memory, "containers[1]|ask");
        QVERIFY(podChoice && ask);
        ChecklistChoice filled = *ask;
        std::string error;
        QVERIFY(Engine::fillChoice(filled, "1Gi", error));
        for (const auto &order : {std::vector<const ChecklistChoice *>{podChoice, &filled},
                                  std::vector<const ChecklistChoice *>{&filled, podChoice}}) {
            const auto after = applied(texts, order);
            QVERIFY2(
                after.at("ledger.yaml")
                        .find(
                            "          image: registry.example.com/ledger-backup:1.0\n"
                            "          resources:\n            limits:\n              memory: 1Gi\n"
                            "      automountServiceAccountToken: false\n---\n") !=
                    std::string::npos,
                after.at("ledger.yaml").c_str());
            const auto now = snapshotOf(after);
            QVERIFY(now.problems.empty());
            const auto failingNow = failing(now);
            QVERIFY(!failingNow.count("StatefulSet/ledger: serviceAccountToken"));
        }
    }

    void defaultDenyWhenIngressIsDeniedAlready()
    {
        // A policy default-deny denies ingress only: "ingress only" would add nothing, and
        // the new policy needs another name.
        const Texts texts{
            {"ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: web}\n---\n"
                        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "
                        "default-deny, namespace: web}\nspec: {podSelector: {}}\n"}};
        const auto decisions = plan(snapshotOf(texts), "defaultDenyNetworkPolicy");
        QCOMPARE(decisions.size(), std::size_t(1));
        QCOMPARE(decisions[0].choices.size(), std::size_t(1));
        QVERIFY2(decisions[0].choices[0].title.find("\"default-deny-2\"") != std::string::npos,
                 decisions[0].choices[0].title.c_str());
        const auto after = applied(texts, {&decisions[0].choices[0]});
        QVERIFY(after.at("ns.yaml").find("  name: default-deny-2\n") != std::string::npos);
        QVERIFY(!failing(snapshotOf(after)).count("Namespace/web: defaultDenyNetworkPolicy"));
    }

    void enforceChoicesSayWhatTheyBreak()
    {
        const Texts texts{
            {"ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mon\n  labels:\n"
                        "    pod-security.kubernetes.io/enforce: restrictd\n"},
            {"ds.yaml", "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: exporter, "
                        "namespace: mon}\nspec:\n  template:\n    spec:\n      hostNetwork: "
                        "true\n      containers: [{name: a, image: x}]\n"}};
        const auto decisions = plan(snapshotOf(texts), "podSecurityEnforced");
        QCOMPARE(decisions.size(), std::size_t(1));
        const auto *baseline = choice(decisions, "|baseline");
        QVERIFY(baseline);
        // No Pod exists, so the API server would not warn; the DaemonSet's Pods would be
        // rejected all the same, and the invalid label enforces restricted today.
        QVERIFY2(baseline->consequence.find("the Pods of DaemonSet exporter would be rejected") !=
                         std::string::npos &&
                     baseline->consequence.find(
                         "lowers the namespace's enforcement from restricted to baseline") !=
                         std::string::npos,
                 baseline->consequence.c_str());
        QCOMPARE(baseline->exclusive, choice(decisions, "|restricted")->exclusive);
    }

    void theDecisionLineListsTheChoices()
    {
        const auto decisions =
            plan(snapshotOf({{"app.yaml", deployment("front")}}), "serviceAccountToken");
        QCOMPARE(decisions.at(0).summary(),
                 std::string("Deployment shop/front: serviceAccountToken: pod uses service "
                             "account \"web\" and does not set automountServiceAccountToken=false "
                             "[choice: Set automountServiceAccountToken to false for the pod]"));
    }
};

QTEST_GUILESS_MAIN(TestChecklistFixes)
#include "tst_checklistfixes.moc"
