// SPDX-License-Identifier: Apache-2.0
// The namespace what-if: the warnings kube-apiserver gives when enforce tightens
// (spec/pss-checks.md §6.6-§6.8), and the kubectl command and patch offered to apply it.
#include "admission/whatif.h"
#include "engine/whatifpods.h"
#include "yaml/sourcefile.h"

#include <QTest>

using namespace PodSec;
using namespace PodSec::Admission;

namespace {

const Policy::LevelVersion RestrictedLatest{Policy::Level::Restricted, Policy::Version::latest()};

std::vector<std::string> v(std::initializer_list<const char *> items)
{
    return {items.begin(), items.end()};
}

} // namespace

class TestWhatIf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specExample()
    {
        const std::vector<ExistingPod> pods = {
            {"noruntimeclasspod", "", false, "message"},
            {"zpod", "rs-1", false, "message"},
            {"exempt", "", true, "other"},
            {"pod-m", "rs-2", false, "message"},
            {"fine", "", false, ""},
        };
        QCOMPARE(existingPodWarnings("test", RestrictedLatest, pods),
                 v({"existing pods in namespace \"test\" violate the new PodSecurity enforce "
                    "level \"restricted:latest\"",
                    "noruntimeclasspod (and 2 other pods): message"}));
    }

    void distinctReasonsSortedAndCounted()
    {
        const std::vector<ExistingPod> pods = {
            {"b-2", "", false, "runAsNonRoot != true"},
            {"a-1", "", false, "privileged, runAsNonRoot != true"},
            {"b-1", "", false, "runAsNonRoot != true"},
        };
        QCOMPARE(existingPodWarnings("shop", RestrictedLatest, pods),
                 v({"existing pods in namespace \"shop\" violate the new PodSecurity enforce "
                    "level \"restricted:latest\"",
                    "a-1: privileged, runAsNonRoot != true",
                    "b-1 (and 1 other pod): runAsNonRoot != true"}));
        QVERIFY(existingPodWarnings("shop", RestrictedLatest, {{"ok", "", false, ""}}).empty());
    }

    void controllersMoveToTheEndAndTheLimitCounts()
    {
        // a and b share a controller: b goes after c and d, and is the one left unchecked.
        const std::vector<ExistingPod> pods = {{"a", "rs", false, "x"},
                                               {"b", "rs", false, "y"},
                                               {"c", "", false, ""},
                                               {"d", "job", false, ""}};
        QCOMPARE(existingPodWarnings("ns", RestrictedLatest, pods, 3),
                 v({"new PodSecurity enforce level only checked against the first 3 of 4 "
                    "existing pods",
                    "existing pods in namespace \"ns\" violate the new PodSecurity enforce level "
                    "\"restricted:latest\"",
                    "a: x"}));
    }

    void whenPodsAreLookedAt_data()
    {
        QTest::addColumn<QString>("oldEnforce");
        QTest::addColumn<QString>("oldVersion");
        QTest::addColumn<QString>("newEnforce");
        QTest::addColumn<QString>("newVersion");
        QTest::addColumn<bool>("evaluated");
        QTest::newRow("unchanged") << "baseline"
                                   << ""
                                   << "baseline"
                                   << "" << false;
        QTest::newRow("tightened") << "baseline"
                                   << ""
                                   << "restricted"
                                   << "" << true;
        QTest::newRow("loosened, same version") << "restricted"
                                                << ""
                                                << "baseline"
                                                << "" << false;
        QTest::newRow("to privileged") << "restricted"
                                       << ""
                                       << "privileged"
                                       << "" << false;
        QTest::newRow("latest and v1.37 differ") << "restricted"
                                                 << ""
                                                 << "restricted"
                                                 << "v1.37" << true;
        QTest::newRow("looser level, other version") << "restricted"
                                                     << "v1.30"
                                                     << "baseline"
                                                     << "latest" << true;
        QTest::newRow("from no label") << ""
                                       << ""
                                       << "baseline"
                                       << "" << true;
    }
    void whenPodsAreLookedAt()
    {
        QFETCH(QString, oldEnforce);
        QFETCH(QString, oldVersion);
        QFETCH(QString, newEnforce);
        QFETCH(QString, newVersion);
        QFETCH(bool, evaluated);
        auto labels = [](const QString &level, const QString &version) {
            Labels l{{"team", "a"}};
            if (!level.isEmpty())
                l.emplace_back("pod-security.kubernetes.io/enforce", level.toStdString());
            if (!version.isEmpty())
                l.emplace_back("pod-security.kubernetes.io/enforce-version", version.toStdString());
            return l;
        };
        int calls = 0;
        const auto r =
            namespaceUpdate("ns", labels(oldEnforce, oldVersion), labels(newEnforce, newVersion),
                            {}, [&](const Policy::LevelVersion &) {
                                ++calls;
                                return std::vector<ExistingPod>{{"p", "", false, "privileged"}};
                            });
        QVERIFY(r.allowed);
        QCOMPARE(r.podsEvaluated, evaluated);
        QCOMPARE(calls, evaluated ? 1 : 0);
        QCOMPARE(r.warnings.empty(), !evaluated);
    }

    void invalidLabels()
    {
        const Labels valid{{"pod-security.kubernetes.io/enforce", "baseline"}};
        const Labels invalid{{"pod-security.kubernetes.io/enforce", "unknown"}};
        auto none = [](const Policy::LevelVersion &) {
            return std::vector<ExistingPod>{};
        };
        const auto rejected = namespaceUpdate("ns", valid, invalid, {}, none);
        QVERIFY(!rejected.allowed);
        QCOMPARE(rejected.error,
                 std::string("metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "
                             "\"unknown\": must be one of privileged, baseline, restricted"));
        // The same invalid labels as before are tolerated.
        QVERIFY(namespaceUpdate("ns", invalid, invalid, {}, none).allowed);
    }

    void exemptNamespace()
    {
        AdmissionConfig config;
        config.exemptNamespaces = {"test"};
        const Labels labels{{"pod-security.kubernetes.io/enforce", "restricted"},
                            {"pod-security.kubernetes.io/enforce-version", "v1.0"},
                            {"pod-security.kubernetes.io/audit", "restricted"},
                            {"pod-security.kubernetes.io/warn", "baseline"}};
        bool called = false;
        const auto r = namespaceUpdate("test", {}, labels, config, [&](const auto &) {
            called = true;
            return std::vector<ExistingPod>{};
        });
        QVERIFY(!called);
        QCOMPARE(r.warnings,
                 v({"namespace \"test\" is exempt from Pod Security, and the policy "
                    "(enforce=restricted:v1.0, audit=restricted:latest, warn=baseline:latest) "
                    "will be ignored"}));
    }

    void commandAndPatch()
    {
        const Labels labels{{"team", "a"},
                            {"pod-security.kubernetes.io/enforce", "restricted"},
                            {"pod-security.kubernetes.io/enforce-version", "v1.31"}};
        QCOMPARE(kubectlLabelCommand("shop", labels, true),
                 std::string("kubectl label --overwrite namespace shop "
                             "pod-security.kubernetes.io/enforce=restricted "
                             "pod-security.kubernetes.io/enforce-version=v1.31 --dry-run=server"));
        // Pod-security labels that go away are removed; other labels are left alone.
        const Labels old{{"owner", "x"}, {"pod-security.kubernetes.io/audit", "baseline"}};
        QCOMPARE(kubectlLabelCommand("shop", labels, false, old),
                 std::string("kubectl label --overwrite namespace shop "
                             "pod-security.kubernetes.io/enforce=restricted "
                             "pod-security.kubernetes.io/enforce-version=v1.31 "
                             "pod-security.kubernetes.io/audit-"));
        QCOMPARE(labelPatchYaml(labels),
                 std::string("metadata:\n  labels:\n"
                             "    pod-security.kubernetes.io/enforce: \"restricted\"\n"
                             "    pod-security.kubernetes.io/enforce-version: \"v1.31\"\n"));
        // A label that goes away is nulled in the merge patch.
        const Labels before{{"pod-security.kubernetes.io/warn", "baseline"}, {"team", "a"}};
        QCOMPARE(labelPatchYaml(labels, before),
                 std::string("metadata:\n  labels:\n"
                             "    pod-security.kubernetes.io/enforce: \"restricted\"\n"
                             "    pod-security.kubernetes.io/enforce-version: \"v1.31\"\n"
                             "    pod-security.kubernetes.io/warn: null\n"));
    }

    // A value as written in a manifest (the dialog offers the namespace's own, even an
    // invalid one) stays one YAML string in the patch, whatever it holds.
    void patchQuotesEveryValue()
    {
        const std::string hostile = "re\"str\\icted\n#x: y";
        const Labels labels{{"pod-security.kubernetes.io/enforce", hostile}};
        const std::string patch = labelPatchYaml(labels);
        const auto file = Yaml::SourceFile::fromText("patch.yaml", patch);
        QVERIFY2(file->errors.empty(), patch.c_str());
        const auto &doc = file->documents.front();
        const Yaml::NodeId value = doc.get(doc.get(doc.get(doc.root, "metadata"), "labels"),
                                           "pod-security.kubernetes.io/enforce");
        QVERIFY2(value != Yaml::NoNode, patch.c_str());
        QCOMPARE(doc.scalar(value), hostile);
    }

    // Labels that stay as they are give no command and no patch: kubectl refuses
    // `kubectl label --overwrite namespace x` without a label, and there is nothing to apply.
    void noChangeNoCommand()
    {
        QCOMPARE(kubectlLabelCommand("team-08", {}, false, {}), std::string());
        QCOMPARE(labelPatchYaml({}, {}), std::string());
        const Labels invalid{{"pod-security.kubernetes.io/enforce", "restrictd"}, {"team", "b"}};
        const Labels same{{"pod-security.kubernetes.io/enforce", "restrictd"}};
        QVERIFY(!podSecurityLabelsChange(same, invalid));
        QCOMPARE(kubectlLabelCommand("batch", same, false, invalid), std::string());
        QCOMPARE(labelPatchYaml(same, invalid), std::string());
        // The same invalid label again is tolerated and checks no pods (§6.6).
        const auto result = namespaceUpdate(
            "batch", invalid, same, AdmissionConfig{},
            [](const Policy::LevelVersion &) { return std::vector<ExistingPod>{}; });
        QVERIFY(result.allowed);
        QVERIFY(!result.podsEvaluated);
        // Fixing the typo is a change.
        const Labels fixed{{"pod-security.kubernetes.io/enforce", "restricted"}};
        QVERIFY(podSecurityLabelsChange(fixed, invalid));
        QCOMPARE(kubectlLabelCommand("batch", fixed, false, invalid),
                 std::string("kubectl label --overwrite namespace batch "
                             "pod-security.kubernetes.io/enforce=restricted"));
    }

    // "(and 39 other pods)": the group behind each warning line lists every pod.
    void groupsListEveryPod()
    {
        std::vector<ExistingPod> pods;
        for (int i = 40; i-- > 0;)
            pods.push_back({QStringLiteral("web-%1").arg(i, 2, 10, QLatin1Char('0')).toStdString(),
                            "", false, "privileged"});
        pods.push_back({"db", "", false, "hostPID"});
        pods.push_back({"ok", "", false, ""});
        const auto groups = existingPodGroups(pods);
        QCOMPARE(groups.size(), std::size_t(2));
        QCOMPARE(groups[0].warning, std::string("db: hostPID"));
        QCOMPARE(groups[1].warning, std::string("web-00 (and 39 other pods): privileged"));
        QCOMPARE(groups[1].pods.size(), std::size_t(40));
        QCOMPARE(groups[1].pods.front(), std::string("web-00"));
        QCOMPARE(groups[1].pods.back(), std::string("web-39"));
        // The warnings print the same lines.
        const auto warnings = existingPodWarnings("shop", RestrictedLatest, pods);
        QCOMPARE(warnings.back(), groups[1].warning);
        const auto result =
            namespaceUpdate("shop", {}, {{"pod-security.kubernetes.io/enforce", "restricted"}},
                            AdmissionConfig{}, [&](const Policy::LevelVersion &) { return pods; });
        QCOMPARE(result.groups.size(), std::size_t(2));
        QCOMPARE(result.groups[1].pods.size(), std::size_t(40));
    }

    void podsFoundByTheEngine()
    {
        // Pods of the namespace (placed in the default namespace when they name none), with
        // their controller and runtime-class exemption; other kinds and namespaces are left.
        const std::string page =
            "apiVersion: v1\nkind: List\nitems:\n"
            "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    namespace: shop\n"
            "    ownerReferences:\n    - {kind: ReplicaSet, name: rs, uid: u1, controller: true}\n"
            "  spec:\n    containers:\n    - {name: c, image: x, securityContext: {privileged: "
            "true}}\n"
            "- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec:\n"
            "    runtimeClassName: kata\n    containers:\n    - {name: c, image: x}\n"
            "- apiVersion: v1\n  kind: Pod\n  metadata: {name: c, namespace: other}\n"
            "  spec:\n    containers:\n    - {name: c, image: x}\n"
            "- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d, namespace: shop}\n"
            "  spec:\n    template:\n      spec:\n        containers:\n        - {name: c, image: "
            "x}\n";
        AdmissionConfig config;
        config.exemptRuntimeClasses = {"kata"};
        const Policy::LevelVersion baseline{Policy::Level::Baseline, Policy::Version::latest()};
        const auto pods = Engine::podsInTexts({page}, "shop", "shop", baseline, config);
        QCOMPARE(pods.size(), std::size_t(2));
        QCOMPARE(pods[0].name, std::string("a"));
        QCOMPARE(pods[0].controller, std::string("u1"));
        QVERIFY(!pods[0].exemptRuntimeClass);
        QCOMPARE(pods[0].reasons, std::string("privileged"));
        QCOMPARE(pods[1].name, std::string("b"));
        QVERIFY(pods[1].exemptRuntimeClass);
        QCOMPARE(pods[1].reasons, std::string());
        QCOMPARE(Engine::podsInTexts({page}, "shop", "default", baseline, config).size(),
                 std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
