// SPDX-License-Identifier: Apache-2.0
// Namespace labels to enforce/audit/warn policies (spec/pss-checks.md §6.2) and the
// admission verdicts and messages for pods and workload templates (§6.3–§6.5).
#include "podtestutil.h"

#include "admission/admission.h"

#include <QTest>

using namespace PodSec;
using namespace PodSec::Admission;

using Labels = std::vector<std::pair<std::string, std::string>>;
Q_DECLARE_METATYPE(Labels)

namespace {

Labels parseLabels(const QString &text)
{
    Labels labels;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto eq = part.indexOf(QLatin1Char('='));
        labels.emplace_back("pod-security.kubernetes.io/" + part.left(eq).toStdString(),
                            part.mid(eq + 1).toStdString());
    }
    return labels;
}

const char *const NginxPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: apps
spec:
  containers:
  - name: nginx
    image: nginx
)";

const char *const HostPidDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  namespace: apps
spec:
  template:
    spec:
      runtimeClassName: kata
      hostPID: true
      containers:
      - name: agent
        image: agent
)";

} // namespace

class TestAdmission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labels_data()
    {
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("enforce");
        QTest::addColumn<QString>("audit");
        QTest::addColumn<QString>("warn");
        QTest::addColumn<QString>("errors");
        const QString priv = QStringLiteral("privileged:latest");
        QTest::newRow("no labels") << QString() << priv << priv << priv << QString();
        QTest::newRow("enforce baseline defaults warn")
            << QStringLiteral("enforce=baseline") << QStringLiteral("baseline:latest") << priv
            << QStringLiteral("baseline:latest") << QString();
        QTest::newRow("warn follows enforce version")
            << QStringLiteral("enforce=baseline,enforce-version=v1.22")
            << QStringLiteral("baseline:v1.22") << priv << QStringLiteral("baseline:v1.22")
            << QString();
        QTest::newRow("warn-version label kept")
            << QStringLiteral("enforce=baseline,warn-version=v1.23")
            << QStringLiteral("baseline:latest") << priv << QStringLiteral("baseline:v1.23")
            << QString();
        QTest::newRow("explicit warn privileged")
            << QStringLiteral("enforce=baseline,warn=privileged")
            << QStringLiteral("baseline:latest") << priv << priv << QString();
        QTest::newRow("all three")
            << QStringLiteral("enforce=restricted,enforce-version=v1.99,audit=baseline,"
                              "audit-version=v1.0,warn=restricted")
            << QStringLiteral("restricted:v1.99") << QStringLiteral("baseline:v1.0")
            << QStringLiteral("restricted:latest") << QString();
        QTest::newRow("invalid enforce fails closed, no warn defaulting")
            << QStringLiteral("enforce=foo") << QStringLiteral("restricted:latest") << priv << priv
            << QStringLiteral("metadata.labels[pod-security.kubernetes.io/enforce]: Invalid "
                              "value: \"foo\": must be one of privileged, baseline, restricted");
        QTest::newRow("invalid audit and warn fail open")
            << QStringLiteral("audit=Restricted,warn=strict") << priv << priv << priv
            << QStringLiteral("[metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "
                              "\"Restricted\": must be one of privileged, baseline, restricted, "
                              "metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "
                              "\"strict\": must be one of privileged, baseline, restricted]");
        QTest::newRow("invalid version falls back to latest")
            << QStringLiteral("enforce=baseline,enforce-version=1.25")
            << QStringLiteral("baseline:latest") << priv << QStringLiteral("baseline:latest")
            << QStringLiteral("metadata.labels[pod-security.kubernetes.io/enforce-version]: "
                              "Invalid value: \"1.25\": must be \"latest\" or \"v1.x\"");
        QTest::newRow("warn not lowered by enforce")
            << QStringLiteral("enforce=baseline,warn=restricted")
            << QStringLiteral("baseline:latest") << priv << QStringLiteral("restricted:latest")
            << QString();
    }

    void labels()
    {
        QFETCH(QString, labels);
        QFETCH(QString, enforce);
        QFETCH(QString, audit);
        QFETCH(QString, warn);
        QFETCH(QString, errors);
        const auto p = resolveNamespacePolicy(parseLabels(labels));
        QCOMPARE(QString::fromStdString(p.enforce.toString()), enforce);
        QCOMPARE(QString::fromStdString(p.audit.toString()), audit);
        QCOMPARE(QString::fromStdString(p.warn.toString()), warn);
        QCOMPARE(p.errors.empty() ? QString() : QString::fromStdString(p.errorText()), errors);
    }

    void configuredDefaults()
    {
        Defaults d;
        d.enforce = {Policy::Level::Baseline, Policy::Version::v1(30)};
        d.warn = {Policy::Level::Restricted, Policy::Version::latest()};
        const auto p = resolveNamespacePolicy({}, d);
        QCOMPARE(p.enforce.toString(), std::string("baseline:v1.30"));
        QCOMPARE(p.warn.toString(), std::string("restricted:latest"));
        // A label overrides only its own field.
        const auto q =
            resolveNamespacePolicy(parseLabels(QStringLiteral("enforce-version=v1.2")), d);
        QCOMPARE(q.enforce.toString(), std::string("baseline:v1.2"));
    }

    void podVerdicts()
    {
        const auto parsed = TestUtil::parse(NginxPod);
        const K8s::PodSpecView pod(parsed.object());
        const auto r = admit(pod,
                             resolveNamespacePolicy(parseLabels(QStringLiteral(
                                 "enforce=restricted,audit=restricted,warn=baseline"))),
                             {});
        QVERIFY(r.enforce.applies);
        QVERIFY(!r.enforce.allowed);
        QVERIFY(!r.admitted());
        const std::string detail =
            "allowPrivilegeEscalation != false (container \"nginx\" must set "
            "securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "
            "\"nginx\" must set securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true "
            "(pod or container \"nginx\" must set securityContext.runAsNonRoot=true), "
            "seccompProfile "
            "(pod or container \"nginx\" must set securityContext.seccompProfile.type to "
            "\"RuntimeDefault\" or \"Localhost\")";
        QCOMPARE(r.enforce.message, "violates PodSecurity \"restricted:latest\": " + detail);
        QCOMPARE(r.audit.message, "would violate PodSecurity \"restricted:latest\": " + detail);
        QVERIFY(!r.warn.applies); // rejected: no warning
        QVERIFY(r.warn.message.empty());
    }

    void workloadsAreNeverEnforced()
    {
        const auto parsed = TestUtil::parse(HostPidDeployment);
        const K8s::PodSpecView pod(parsed.object());
        const auto policy = resolveNamespacePolicy(parseLabels(QStringLiteral("enforce=baseline")));
        const auto r = admit(pod, policy, {});
        QVERIFY(!r.enforce.applies);
        QVERIFY(r.admitted());
        QVERIFY(r.warn.applies);
        QCOMPARE(r.warn.message,
                 std::string("would violate PodSecurity \"baseline:latest\": host namespaces "
                             "(hostPID=true)"));
        QVERIFY(r.audit.allowed); // audit privileged
    }

    void exemptions()
    {
        const auto parsed = TestUtil::parse(HostPidDeployment);
        const K8s::PodSpecView pod(parsed.object());
        const auto policy =
            resolveNamespacePolicy(parseLabels(QStringLiteral("enforce=restricted")));
        AdmissionConfig config;
        config.exemptRuntimeClasses = {"kata"};
        QCOMPARE(admit(pod, policy, config).exempt, Exemption::RuntimeClass);
        config.exemptRuntimeClasses.clear();
        config.exemptNamespaces = {"apps"};
        QCOMPARE(admit(pod, policy, config).exempt, Exemption::Namespace);
        config.exemptNamespaces.clear();
        config.exemptUsernames = {"system:serviceaccount:ci:deployer"};
        QCOMPARE(admit(pod, policy, config, "system:serviceaccount:ci:deployer").exempt,
                 Exemption::User);
        QCOMPARE(admit(pod, policy, config, "alice").exempt, Exemption::None);
    }

    void configFile_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("pod security configuration")
            << QStringLiteral("apiVersion: pod-security.admission.config.k8s.io/v1\n"
                              "kind: PodSecurityConfiguration\n"
                              "defaults:\n  enforce: baseline\n  enforce-version: v1.29\n"
                              "exemptions:\n  namespaces: [kube-system]\n")
            << QString();
        QTest::newRow("admission configuration")
            << QStringLiteral("kind: AdmissionConfiguration\nplugins:\n- name: Other\n"
                              "- name: PodSecurity\n  configuration:\n"
                              "    kind: PodSecurityConfiguration\n"
                              "    defaults: {enforce: baseline, enforce-version: v1.29}\n"
                              "    exemptions: {namespaces: [kube-system]}\n")
            << QString();
        QTest::newRow("bad level")
            << QStringLiteral("kind: PodSecurityConfiguration\ndefaults:\n"
                              "  audit: high\n")
            << QStringLiteral("3:10: defaults.audit: must be one of privileged, "
                              "baseline, restricted");
        QTest::newRow("bad version")
            << QStringLiteral("kind: PodSecurityConfiguration\ndefaults: {warn-version: '1.2'}\n")
            << QStringLiteral("2:26: defaults.warn-version: must be \"latest\" or \"v1.x\"");
        QTest::newRow("wrong kind") << QStringLiteral("kind: Pod\n")
                                    << QStringLiteral("1:7: expected kind PodSecurityConfiguration "
                                                      "or AdmissionConfiguration, found \"Pod\"");
        QTest::newRow("no plugin") << QStringLiteral("kind: AdmissionConfiguration\nplugins: []\n")
                                   << QStringLiteral("1:1: AdmissionConfiguration has no "
                                                     "PodSecurity plugin configuration");
        QTest::newRow("syntax") << QStringLiteral("kind: [\n")
                                << QStringLiteral("YAML syntax error");
    }

    void configFile()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, error);
        std::vector<Diagnostic> errors;
        const auto config = parseAdmissionConfig(yaml.toStdString(), errors);
        if (error.isEmpty()) {
            QVERIFY(config.has_value());
            QCOMPARE(config->defaults.enforce.toString(), std::string("baseline:v1.29"));
            QCOMPARE(config->defaults.audit.toString(), std::string("privileged:latest"));
            QVERIFY(config->isExemptNamespace("kube-system"));
            QVERIFY(!config->isExemptNamespace("default"));
            return;
        }
        QVERIFY(!config.has_value());
        QVERIFY(!errors.empty());
        const QString text = QStringLiteral("%1:%2: %3")
                                 .arg(errors.front().line)
                                 .arg(errors.front().column)
                                 .arg(QString::fromStdString(errors.front().message));
        QVERIFY2(text.contains(error), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestAdmission)
#include "tst_admission.moc"
