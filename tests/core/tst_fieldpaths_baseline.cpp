// SPDX-License-Identifier: Apache-2.0
// The fields the baseline checks report (spec/cli.md, "fields"; spec/pss-checks.md §5), in the
// manner of tst_fieldpaths.cpp: full paths from the object root, JSON values, allowed flags
// and source positions, for a Pod and for pod templates (Deployment in block style, CronJob
// in JSON). Unlike tst_fieldpaths.cpp, every row names the policy it is evaluated at:
// baseline checks that a restricted check overrides (capabilities_baseline, hostPathVolumes,
// procMount, seccompProfile_baseline) do not run at restricted:latest, and some rows show
// what a version changes (container_engine_t from v1.31, a sysctl from v1.37, the v1.0
// seccomp annotations, the user-namespace relaxation of procMount from v1.35).
//
// These checks allow an unset field, so they report the fields that are set. The second
// test lists fields a check must not inspect at all (the spec says it ignores them).
//
// Expected lines and columns (1-based) were computed from the exact input text with a
// script; line 1 of every input is empty.
#include "podtestutil.h"

#include <QByteArray>
#include <QTest>

#include <string>
#include <string_view>

using namespace PodSec;

namespace {

/// A Pod in block style that sets every field a baseline check looks at.
const char *const PodBaseline = R"(
apiVersion: v1
kind: Pod
metadata:
  name: host
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
    container.seccomp.security.alpha.kubernetes.io/app: unconfined
    container.seccomp.security.alpha.kubernetes.io/ghost: unconfined
spec:
  hostNetwork: true
  hostPID: false
  securityContext:
    seLinuxOptions:
      type: container_t
      user: system_u
    seccompProfile:
      type: Unconfined
    windowsOptions:
      hostProcess: false
    sysctls:
    - name: kernel.shm_rmid_forced
      value: "1"
    - name: kernel.msgmax
      value: "65536"
  initContainers:
  - name: init
    securityContext:
      privileged: true
      procMount: Default
  containers:
  - name: app
    ports:
    - containerPort: 80
      hostPort: 8080
    - containerPort: 443
      hostPort: 0
    livenessProbe:
      httpGet:
        host: example.com
        port: 80
    readinessProbe:
      tcpSocket:
        host: ""
        port: 80
    securityContext:
      privileged: false
      procMount: Unmasked
      capabilities:
        drop: [ALL]
        add: [CHOWN, SYS_ADMIN]
      seccompProfile:
        type: RuntimeDefault
      seLinuxOptions:
        type: spc_t
        role: sysadm_r
        level: "s0:c123,c456"
      windowsOptions:
        hostProcess: true
  ephemeralContainers:
  - name: debug
    securityContext: {privileged: true}
  volumes:
  - name: root
    hostPath:
      path: /
  - name: tmp
    emptyDir: {}
)";

/// A Deployment: its template annotations count, its own annotations do not.
const char *const DeploymentBaseline = R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: docker/default
        container.seccomp.security.alpha.kubernetes.io/agent: localhost/agent.json
        container.seccomp.security.alpha.kubernetes.io/helper: ""
    spec:
      hostPID: true
      hostIPC: false
      securityContext:
        seLinuxOptions:
          type: container_engine_t
        seccompProfile:
          type: Localhost
          localhostProfile: agent.json
        windowsOptions:
          hostProcess: true
        sysctls:
        - name: net.ipv4.tcp_notsent_lowat
          value: "16384"
        - name: fs.mqueue.msg_max
          value: "10"
      containers:
      - name: agent
        ports:
        - containerPort: 9100
          hostPort: 9100
        lifecycle:
          preStop:
            httpGet:
              host: 127.0.0.1
              path: /drain
              port: 9100
        securityContext:
          privileged: true
          procMount: Default
          capabilities:
            add:
            - NET_BIND_SERVICE
            - NET_RAW
          seccompProfile:
            type: Unconfined
          windowsOptions:
            hostProcess: false
      - name: helper
        startupProbe:
          tcpSocket:
            host: ""
            port: 8080
        securityContext:
          privileged: false
          procMount: Unmasked
          seLinuxOptions:
            user: ""
      volumes:
      - name: proc
        hostPath:
          path: /proc
          type: Directory
)";

/// A CronJob in JSON, in a user namespace (hostUsers: false).
const char *const CronJobBaseline = R"(
{
  "apiVersion": "batch/v1",
  "kind": "CronJob",
  "metadata": {"name": "scan"},
  "spec": {
    "schedule": "0 * * * *",
    "jobTemplate": {"spec": {"template": {
      "spec": {
        "hostNetwork": false,
        "hostUsers": false,
        "containers": [
          {"name": "scan",
           "ports": [{"containerPort": 53, "hostPort": 53}],
           "securityContext": {"privileged": true, "procMount": "Unmasked"}}
        ]
      }
    }}}
  }
}
)";

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

/// "baseline:v1.18" as a policy.
Policy::LevelVersion policyOf(const QByteArray &text)
{
    const int colon = text.indexOf(':');
    if (colon < 0)
        qFatal("bad policy in a test row: %s", text.constData());
    const auto level = Policy::parseLevel(view(text.left(colon)));
    const auto version = Policy::Version::parse(view(text.mid(colon + 1)));
    if (!level || !version)
        qFatal("bad policy in a test row: %s", text.constData());
    return {*level, *version};
}

/// The result of a check on the first object of yaml at policy; nullptr when it did not run.
const Policy::CheckResult *evaluated(const TestUtil::ParsedPod &parsed, const QByteArray &policy,
                                     const QByteArray &check, Policy::Evaluation &evaluation)
{
    const K8s::PodSpecView pod(parsed.object());
    evaluation = Policy::evaluate(pod, policyOf(policy));
    return TestUtil::findResult(evaluation, view(check));
}

QByteArray inspectedPaths(const Policy::CheckResult &result)
{
    QByteArray seen;
    for (const auto &f : result.fields)
        seen += "\n  " + QByteArray::fromStdString(f.path);
    return seen;
}

} // namespace

class TestFieldPathsBaseline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inspectedField_data();
    void inspectedField();
    void notInspected_data();
    void notInspected();
};

void TestFieldPathsBaseline::inspectedField_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("policy"); ///< "<level>:<version>"
    QTest::addColumn<QByteArray>("check");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QByteArray>("value"); ///< JSON text
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("span"); ///< text at [offset, endOffset)

    QTest::newRow("pod: default capability added")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("capabilities_baseline")
        << QByteArray("spec.containers[0].securityContext.capabilities.add[0]") << true
        << QByteArray("\"CHOWN\"") << true << 51 << 15 << QByteArray("CHOWN");
    QTest::newRow("pod: other capability added")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("capabilities_baseline")
        << QByteArray("spec.containers[0].securityContext.capabilities.add[1]") << true
        << QByteArray("\"SYS_ADMIN\"") << false << 51 << 22 << QByteArray("SYS_ADMIN");
    QTest::newRow("pod: capabilities_baseline at restricted:v1.21")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("restricted:v1.21")
        << QByteArray("capabilities_baseline")
        << QByteArray("spec.containers[0].securityContext.capabilities.add[1]") << true
        << QByteArray("\"SYS_ADMIN\"") << false << 51 << 22 << QByteArray("SYS_ADMIN");
    QTest::newRow("pod: hostNetwork true")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("hostNamespaces") << QByteArray("spec.hostNetwork") << true
        << QByteArray("true") << false << 11 << 16 << QByteArray("true");
    QTest::newRow("pod: hostPID false")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("hostNamespaces") << QByteArray("spec.hostPID") << true << QByteArray("false")
        << true << 12 << 12 << QByteArray("false");
    QTest::newRow("pod: hostPath volume")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("hostPathVolumes") << QByteArray("spec.volumes[0].hostPath") << true
        << QByteArray("{\"path\":\"/\"}") << false << 66 << 7 << QByteArray("path: /");
    QTest::newRow("pod: hostPort set")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("hostPorts") << QByteArray("spec.containers[0].ports[0].hostPort") << true
        << QByteArray("8080") << false << 35 << 17 << QByteArray("8080");
    QTest::newRow("pod: hostPort 0")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("hostPorts") << QByteArray("spec.containers[0].ports[1].hostPort") << true
        << QByteArray("0") << true << 37 << 17 << QByteArray("0");
    QTest::newRow("pod: liveness probe host")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("hostProbesAndHostLifecycle")
        << QByteArray("spec.containers[0].livenessProbe.httpGet.host") << true
        << QByteArray("\"example.com\"") << false << 40 << 15 << QByteArray("example.com");
    QTest::newRow("pod: empty readiness probe host")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("hostProbesAndHostLifecycle")
        << QByteArray("spec.containers[0].readinessProbe.tcpSocket.host") << true
        << QByteArray("\"\"") << true << 44 << 15 << QByteArray("\"\"");
    QTest::newRow("pod: privileged init container")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("privileged")
        << QByteArray("spec.initContainers[0].securityContext.privileged") << true
        << QByteArray("true") << false << 29 << 19 << QByteArray("true");
    QTest::newRow("pod: unprivileged container")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("privileged") << QByteArray("spec.containers[0].securityContext.privileged")
        << true << QByteArray("false") << true << 47 << 19 << QByteArray("false");
    QTest::newRow("pod: privileged ephemeral container, flow")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("privileged")
        << QByteArray("spec.ephemeralContainers[0].securityContext.privileged") << true
        << QByteArray("true") << false << 62 << 35 << QByteArray("true");
    QTest::newRow("pod: procMount Default")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("procMount") << QByteArray("spec.initContainers[0].securityContext.procMount")
        << true << QByteArray("\"Default\"") << true << 30 << 18 << QByteArray("Default");
    QTest::newRow("pod: procMount Unmasked")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("procMount") << QByteArray("spec.containers[0].securityContext.procMount")
        << true << QByteArray("\"Unmasked\"") << false << 48 << 18 << QByteArray("Unmasked");
    QTest::newRow("pod: procMount_restricted Unmasked")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("restricted:latest")
        << QByteArray("procMount_restricted")
        << QByteArray("spec.containers[0].securityContext.procMount") << true
        << QByteArray("\"Unmasked\"") << false << 48 << 18 << QByteArray("Unmasked");
    QTest::newRow("pod: procMount_restricted Default")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("restricted:latest")
        << QByteArray("procMount_restricted")
        << QByteArray("spec.initContainers[0].securityContext.procMount") << true
        << QByteArray("\"Default\"") << true << 30 << 18 << QByteArray("Default");
    QTest::newRow("pod: seLinux type allowed")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("seLinuxOptions") << QByteArray("spec.securityContext.seLinuxOptions.type")
        << true << QByteArray("\"container_t\"") << true << 15 << 13 << QByteArray("container_t");
    QTest::newRow("pod: seLinux user set")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("seLinuxOptions") << QByteArray("spec.securityContext.seLinuxOptions.user")
        << true << QByteArray("\"system_u\"") << false << 16 << 13 << QByteArray("system_u");
    QTest::newRow("pod: container seLinux type")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("seLinuxOptions")
        << QByteArray("spec.containers[0].securityContext.seLinuxOptions.type") << true
        << QByteArray("\"spc_t\"") << false << 55 << 15 << QByteArray("spc_t");
    QTest::newRow("pod: container seLinux role")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("seLinuxOptions")
        << QByteArray("spec.containers[0].securityContext.seLinuxOptions.role") << true
        << QByteArray("\"sysadm_r\"") << false << 56 << 15 << QByteArray("sysadm_r");
    QTest::newRow("pod: seccomp field Unconfined")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("spec.securityContext.seccompProfile.type") << true
        << QByteArray("\"Unconfined\"") << false << 18 << 13 << QByteArray("Unconfined");
    QTest::newRow("pod: seccomp field RuntimeDefault")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("spec.containers[0].securityContext.seccompProfile.type") << true
        << QByteArray("\"RuntimeDefault\"") << true << 53 << 15 << QByteArray("RuntimeDefault");
    QTest::newRow("pod: seccomp pod annotation at v1.18")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:v1.18")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]") << true
        << QByteArray("\"runtime/default\"") << true << 7 << 47 << QByteArray("runtime/default");
    QTest::newRow("pod: seccomp container annotation at v1.18")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:v1.18")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]")
        << true << QByteArray("\"unconfined\"") << false << 8 << 57 << QByteArray("unconfined");
    QTest::newRow("pod: seccompProfile_baseline at restricted:v1.18")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("restricted:v1.18")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]")
        << true << QByteArray("\"unconfined\"") << false << 8 << 57 << QByteArray("unconfined");
    QTest::newRow("pod: safe sysctl")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("sysctls") << QByteArray("spec.securityContext.sysctls[0].name") << true
        << QByteArray("\"kernel.shm_rmid_forced\"") << true << 22 << 13
        << QByteArray("kernel.shm_rmid_forced");
    QTest::newRow("pod: forbidden sysctl")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("sysctls") << QByteArray("spec.securityContext.sysctls[1].name") << true
        << QByteArray("\"kernel.msgmax\"") << false << 24 << 13 << QByteArray("kernel.msgmax");
    QTest::newRow("pod: pod hostProcess false")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("windowsHostProcess")
        << QByteArray("spec.securityContext.windowsOptions.hostProcess") << true
        << QByteArray("false") << true << 20 << 20 << QByteArray("false");
    QTest::newRow("pod: container hostProcess true")
        << QByteArray(PodBaseline) << QByteArray("Pod") << QByteArray("baseline:latest")
        << QByteArray("windowsHostProcess")
        << QByteArray("spec.containers[0].securityContext.windowsOptions.hostProcess") << true
        << QByteArray("true") << false << 59 << 22 << QByteArray("true");
    QTest::newRow("Deployment: default capability added")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("capabilities_baseline")
        << QByteArray("spec.template.spec.containers[0].securityContext.capabilities.add[0]")
        << true << QByteArray("\"NET_BIND_SERVICE\"") << true << 47 << 15
        << QByteArray("NET_BIND_SERVICE");
    QTest::newRow("Deployment: other capability added")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("capabilities_baseline")
        << QByteArray("spec.template.spec.containers[0].securityContext.capabilities.add[1]")
        << true << QByteArray("\"NET_RAW\"") << false << 48 << 15 << QByteArray("NET_RAW");
    QTest::newRow("Deployment: hostPID true")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("hostNamespaces")
        << QByteArray("spec.template.spec.hostPID") << true << QByteArray("true") << false << 16
        << 16 << QByteArray("true");
    QTest::newRow("Deployment: hostIPC false")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("hostNamespaces")
        << QByteArray("spec.template.spec.hostIPC") << true << QByteArray("false") << true << 17
        << 16 << QByteArray("false");
    QTest::newRow("Deployment: hostPath volume")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("hostPathVolumes")
        << QByteArray("spec.template.spec.volumes[0].hostPath") << true
        << QByteArray("{\"path\":\"/proc\",\"type\":\"Directory\"}") << false << 66 << 11
        << QByteArray("path: /proc\n          type: Directory");
    QTest::newRow("Deployment: hostPort set")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("hostPorts")
        << QByteArray("spec.template.spec.containers[0].ports[0].hostPort") << true
        << QByteArray("9100") << false << 35 << 21 << QByteArray("9100");
    QTest::newRow("Deployment: preStop host")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("hostProbesAndHostLifecycle")
        << QByteArray("spec.template.spec.containers[0].lifecycle.preStop.httpGet.host") << true
        << QByteArray("\"127.0.0.1\"") << false << 39 << 21 << QByteArray("127.0.0.1");
    QTest::newRow("Deployment: empty startup probe host")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("hostProbesAndHostLifecycle")
        << QByteArray("spec.template.spec.containers[1].startupProbe.tcpSocket.host") << true
        << QByteArray("\"\"") << true << 56 << 19 << QByteArray("\"\"");
    QTest::newRow("Deployment: privileged")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("privileged")
        << QByteArray("spec.template.spec.containers[0].securityContext.privileged") << true
        << QByteArray("true") << false << 43 << 23 << QByteArray("true");
    QTest::newRow("Deployment: unprivileged")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("privileged")
        << QByteArray("spec.template.spec.containers[1].securityContext.privileged") << true
        << QByteArray("false") << true << 59 << 23 << QByteArray("false");
    QTest::newRow("Deployment: procMount Default")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("procMount")
        << QByteArray("spec.template.spec.containers[0].securityContext.procMount") << true
        << QByteArray("\"Default\"") << true << 44 << 22 << QByteArray("Default");
    QTest::newRow("Deployment: procMount Unmasked")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("procMount")
        << QByteArray("spec.template.spec.containers[1].securityContext.procMount") << true
        << QByteArray("\"Unmasked\"") << false << 60 << 22 << QByteArray("Unmasked");
    QTest::newRow("Deployment: procMount_restricted Unmasked")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("restricted:latest") << QByteArray("procMount_restricted")
        << QByteArray("spec.template.spec.containers[1].securityContext.procMount") << true
        << QByteArray("\"Unmasked\"") << false << 60 << 22 << QByteArray("Unmasked");
    QTest::newRow("Deployment: container_engine_t from v1.31")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("seLinuxOptions")
        << QByteArray("spec.template.spec.securityContext.seLinuxOptions.type") << true
        << QByteArray("\"container_engine_t\"") << true << 20 << 17
        << QByteArray("container_engine_t");
    QTest::newRow("Deployment: container_engine_t before v1.31")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:v1.30") << QByteArray("seLinuxOptions")
        << QByteArray("spec.template.spec.securityContext.seLinuxOptions.type") << true
        << QByteArray("\"container_engine_t\"") << false << 20 << 17
        << QByteArray("container_engine_t");
    QTest::newRow("Deployment: empty seLinux user")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("seLinuxOptions")
        << QByteArray("spec.template.spec.containers[1].securityContext.seLinuxOptions.user")
        << true << QByteArray("\"\"") << true << 62 << 19 << QByteArray("\"\"");
    QTest::newRow("Deployment: seccomp field Localhost")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("seccompProfile_baseline")
        << QByteArray("spec.template.spec.securityContext.seccompProfile.type") << true
        << QByteArray("\"Localhost\"") << true << 22 << 17 << QByteArray("Localhost");
    QTest::newRow("Deployment: seccomp field Unconfined")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("seccompProfile_baseline")
        << QByteArray("spec.template.spec.containers[0].securityContext.seccompProfile.type")
        << true << QByteArray("\"Unconfined\"") << false << 50 << 19 << QByteArray("Unconfined");
    QTest::newRow("Deployment: template pod annotation at v1.18")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:v1.18") << QByteArray("seccompProfile_baseline")
        << QByteArray(
               "spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]")
        << true << QByteArray("\"docker/default\"") << true << 12 << 51
        << QByteArray("docker/default");
    QTest::newRow("Deployment: localhost annotation at v1.18")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:v1.18") << QByteArray("seccompProfile_baseline")
        << QByteArray("spec.template.metadata.annotations[container.seccomp.security.alpha."
                      "kubernetes.io/agent]")
        << true << QByteArray("\"localhost/agent.json\"") << true << 13 << 63
        << QByteArray("localhost/agent.json");
    QTest::newRow("Deployment: empty annotation at v1.18")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:v1.18") << QByteArray("seccompProfile_baseline")
        << QByteArray("spec.template.metadata.annotations[container.seccomp.security.alpha."
                      "kubernetes.io/helper]")
        << true << QByteArray("\"\"") << false << 14 << 64 << QByteArray("\"\"");
    QTest::newRow("Deployment: sysctl safe from v1.37")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("sysctls")
        << QByteArray("spec.template.spec.securityContext.sysctls[0].name") << true
        << QByteArray("\"net.ipv4.tcp_notsent_lowat\"") << true << 27 << 17
        << QByteArray("net.ipv4.tcp_notsent_lowat");
    QTest::newRow("Deployment: sysctl forbidden before v1.37")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:v1.36") << QByteArray("sysctls")
        << QByteArray("spec.template.spec.securityContext.sysctls[0].name") << true
        << QByteArray("\"net.ipv4.tcp_notsent_lowat\"") << false << 27 << 17
        << QByteArray("net.ipv4.tcp_notsent_lowat");
    QTest::newRow("Deployment: forbidden sysctl")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("sysctls")
        << QByteArray("spec.template.spec.securityContext.sysctls[1].name") << true
        << QByteArray("\"fs.mqueue.msg_max\"") << false << 29 << 17
        << QByteArray("fs.mqueue.msg_max");
    QTest::newRow("Deployment: pod hostProcess true")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("windowsHostProcess")
        << QByteArray("spec.template.spec.securityContext.windowsOptions.hostProcess") << true
        << QByteArray("true") << false << 25 << 24 << QByteArray("true");
    QTest::newRow("Deployment: container hostProcess false")
        << QByteArray(DeploymentBaseline) << QByteArray("Deployment")
        << QByteArray("baseline:latest") << QByteArray("windowsHostProcess")
        << QByteArray("spec.template.spec.containers[0].securityContext.windowsOptions.hostProcess")
        << true << QByteArray("false") << true << 52 << 26 << QByteArray("false");
    QTest::newRow("CronJob: hostNetwork false")
        << QByteArray(CronJobBaseline) << QByteArray("CronJob") << QByteArray("baseline:latest")
        << QByteArray("hostNamespaces")
        << QByteArray("spec.jobTemplate.spec.template.spec.hostNetwork") << true
        << QByteArray("false") << true << 10 << 24 << QByteArray("false");
    QTest::newRow("CronJob: hostPort set")
        << QByteArray(CronJobBaseline) << QByteArray("CronJob") << QByteArray("baseline:latest")
        << QByteArray("hostPorts")
        << QByteArray("spec.jobTemplate.spec.template.spec.containers[0].ports[0].hostPort") << true
        << QByteArray("53") << false << 14 << 56 << QByteArray("53");
    QTest::newRow("CronJob: privileged")
        << QByteArray(CronJobBaseline) << QByteArray("CronJob") << QByteArray("baseline:latest")
        << QByteArray("privileged")
        << QByteArray(
               "spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged")
        << true << QByteArray("true") << false << 15 << 46 << QByteArray("true");
    QTest::newRow("CronJob: procMount relaxed for a user-namespace pod")
        << QByteArray(CronJobBaseline) << QByteArray("CronJob") << QByteArray("baseline:latest")
        << QByteArray("procMount")
        << QByteArray("spec.jobTemplate.spec.template.spec.containers[0].securityContext.procMount")
        << true << QByteArray("\"Unmasked\"") << true << 15 << 65 << QByteArray("\"Unmasked\"");
    QTest::newRow("CronJob: procMount before v1.35")
        << QByteArray(CronJobBaseline) << QByteArray("CronJob") << QByteArray("baseline:v1.34")
        << QByteArray("procMount")
        << QByteArray("spec.jobTemplate.spec.template.spec.containers[0].securityContext.procMount")
        << true << QByteArray("\"Unmasked\"") << false << 15 << 65 << QByteArray("\"Unmasked\"");
    QTest::newRow("CronJob: procMount_restricted")
        << QByteArray(CronJobBaseline) << QByteArray("CronJob") << QByteArray("restricted:latest")
        << QByteArray("procMount_restricted")
        << QByteArray("spec.jobTemplate.spec.template.spec.containers[0].securityContext.procMount")
        << true << QByteArray("\"Unmasked\"") << false << 15 << 65 << QByteArray("\"Unmasked\"");
}

void TestFieldPathsBaseline::inspectedField()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, policy);
    QFETCH(QByteArray, check);
    QFETCH(QByteArray, path);
    QFETCH(bool, present);
    QFETCH(QByteArray, value);
    QFETCH(bool, allowed);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, span);

    const auto parsed = TestUtil::parse(yaml.toStdString());
    QVERIFY(parsed.file->errors.empty());
    QVERIFY(!parsed.objects.empty());
    QCOMPARE(QByteArray(K8s::kindName(parsed.object().kind)), kind);
    QVERIFY(parsed.object().podSpec != Yaml::NoNode);

    Policy::Evaluation evaluation;
    const Policy::CheckResult *result = evaluated(parsed, policy, check, evaluation);
    QVERIFY2(result, "check did not run");

    const Policy::InspectedField *field = nullptr;
    int matches = 0;
    for (const auto &f : result->fields) {
        if (f.path == view(path)) {
            field = &f;
            ++matches;
        }
    }
    QVERIFY2(field,
             QByteArray("field not inspected; the check inspected:" + inspectedPaths(*result))
                 .constData());
    QCOMPARE(matches, 1);

    QCOMPARE(field->present, present);
    QCOMPARE(QByteArray::fromStdString(field->value), value);
    QCOMPARE(field->allowed, allowed);
    QCOMPARE(int(field->line), line);
    QCOMPARE(int(field->column), column);

    const std::string &text = parsed.file->text;
    QVERIFY(field->offset <= field->endOffset);
    QVERIFY(field->endOffset <= text.size());
    const auto located = parsed.file->locate(field->offset, {});
    QCOMPARE(int(located.line), line);
    QCOMPARE(int(located.column), column);
    QCOMPARE(
        QByteArray::fromStdString(text.substr(field->offset, field->endOffset - field->offset)),
        span);
}

void TestFieldPathsBaseline::notInspected_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<QByteArray>("check");
    QTest::addColumn<QByteArray>("path");

    QTest::newRow("pod: annotations ignored from v1.19")
        << QByteArray(PodBaseline) << QByteArray("baseline:latest")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]");
    QTest::newRow("pod: fields ignored before v1.19")
        << QByteArray(PodBaseline) << QByteArray("baseline:v1.18")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("spec.securityContext.seccompProfile.type");
    QTest::newRow("pod: annotation for no container")
        << QByteArray(PodBaseline) << QByteArray("baseline:v1.18")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("metadata.annotations[container.seccomp.security.alpha.kubernetes.io/ghost]");
    QTest::newRow("Deployment: the workload's own annotation")
        << QByteArray(DeploymentBaseline) << QByteArray("baseline:v1.18")
        << QByteArray("seccompProfile_baseline")
        << QByteArray("metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]");
    QTest::newRow("pod: capabilities drop")
        << QByteArray(PodBaseline) << QByteArray("baseline:latest")
        << QByteArray("capabilities_baseline")
        << QByteArray("spec.containers[0].securityContext.capabilities.drop");
    QTest::newRow("pod: seLinux level")
        << QByteArray(PodBaseline) << QByteArray("baseline:latest") << QByteArray("seLinuxOptions")
        << QByteArray("spec.containers[0].securityContext.seLinuxOptions.level");
    QTest::newRow("pod: sysctl value")
        << QByteArray(PodBaseline) << QByteArray("baseline:latest") << QByteArray("sysctls")
        << QByteArray("spec.securityContext.sysctls[1].value");
}

void TestFieldPathsBaseline::notInspected()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, policy);
    QFETCH(QByteArray, check);
    QFETCH(QByteArray, path);

    const auto parsed = TestUtil::parse(yaml.toStdString());
    QVERIFY(parsed.file->errors.empty());
    QVERIFY(!parsed.objects.empty());
    Policy::Evaluation evaluation;
    const Policy::CheckResult *result = evaluated(parsed, policy, check, evaluation);
    QVERIFY2(result, "check did not run");
    QVERIFY2(!result->fields.empty(), "the check inspected nothing at all");
    for (const auto &f : result->fields)
        QVERIFY2(
            f.path != view(path),
            QByteArray("inspected; the check inspected:" + inspectedPaths(*result)).constData());
}

QTEST_GUILESS_MAIN(TestFieldPathsBaseline)
#include "tst_fieldpaths_baseline.moc"
