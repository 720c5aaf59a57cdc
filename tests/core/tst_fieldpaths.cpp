// SPDX-License-Identifier: Apache-2.0
// The fields a check reports (spec/cli.md, "fields"): full paths from the object root for
// every pod-bearing kind, JSON values, allowed flags and source positions, in block style,
// flow style and JSON. An absent but required field carries the position of its nearest
// existing ancestor: the securityContext mapping when that exists, else the container
// mapping (for a block mapping, the position of its first key; for a flow mapping, its
// opening brace).
//
// Every object is evaluated at restricted:latest. Expected lines and columns (1-based) were
// computed from the exact input text with a script. The raw string literals start with a
// line break, so line 1 of every input is empty.
#include "podtestutil.h"

#include <QByteArray>
#include <QTest>

#include <string>
#include <string_view>

using namespace PodSec;

namespace {

/// A Pod in block style with init, regular and ephemeral containers.
const char *const PodBlock = R"(
apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: runtime/default
    container.apparmor.security.beta.kubernetes.io/sidecar: unconfined
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  initContainers:
  - name: init
    image: busybox
  containers:
  - name: app
    image: nginx
    securityContext:
      allowPrivilegeEscalation: false
      runAsUser: 0
      capabilities:
        drop: ["ALL"]
        add: [NET_BIND_SERVICE, SYS_ADMIN]
  - name: sidecar
    image: envoy
    securityContext:
      runAsUser: 1000
  - name: nullsc
    securityContext:
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext: {}
  volumes:
  - name: host
    hostPath:
      path: /etc
  - name: scratch
    emptyDir: {}
)";

/// A Pod in flow style.
const char *const PodFlow = R"(
apiVersion: v1
kind: Pod
metadata: {name: flow, annotations: {
    container.apparmor.security.beta.kubernetes.io/app: unconfined}}
spec: {containers: [
    {name: app, securityContext: {allowPrivilegeEscalation: false, runAsUser: 0}},
    {name: b, securityContext: {runAsUser: 5, capabilities: {drop: [ALL], add: [CHOWN]}}},
    {name: c}],
  volumes: [{name: h, hostPath: {path: /}}]}
)";

/// A Pod in JSON.
const char *const PodJson = R"(
{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {
    "name": "json",
    "annotations": {
      "container.apparmor.security.beta.kubernetes.io/app": "localhost/custom"
    }
  },
  "spec": {
    "containers": [
      {
        "name": "app",
        "securityContext": {
          "allowPrivilegeEscalation": false,
          "runAsUser": 0,
          "capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE", "NET_RAW"]}
        }
      },
      {
        "name": "b",
        "securityContext": {
          "runAsUser": 1000
        }
      },
      {
        "name": "c"
      }
    ],
    "volumes": [
      {"name": "h", "hostPath": {"path": "/var/run"}}
    ]
  }
}
)";

/// Values shared through anchors and aliases.
const char *const PodAlias = R"(
apiVersion: v1
kind: Pod
metadata:
  name: alias
spec:
  containers:
  - name: a
    securityContext: &sc
      allowPrivilegeEscalation: false
      runAsUser: &uid 0
  - name: b
    securityContext:
      allowPrivilegeEscalation: false
      runAsUser: *uid
  - name: c
    securityContext: *sc
)";

/// A PodTemplate: the pod template is at "template".
const char *const PodTemplateDoc = R"(
apiVersion: v1
kind: PodTemplate
metadata:
  name: tmpl
template:
  metadata:
    labels:
      app: web
  spec:
    containers:
    - name: app
      securityContext:
        allowPrivilegeEscalation: false
        runAsUser: 0
    - name: plain
      image: busybox
)";

/// A ReplicationController in JSON.
const char *const ReplicationControllerDoc = R"(
{
  "apiVersion": "v1",
  "kind": "ReplicationController",
  "metadata": {"name": "rc"},
  "spec": {
    "replicas": 1,
    "template": {
      "metadata": {"labels": {"app": "rc"}},
      "spec": {
        "containers": [
          {"name": "app",
           "securityContext": {"allowPrivilegeEscalation": false, "runAsUser": 0}},
          {"name": "plain", "image": "busybox"}
        ]
      }
    }
  }
}
)";

/// A ReplicaSet whose second container has a null securityContext.
const char *const ReplicaSetDoc = R"(
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: app
        securityContext:
          allowPrivilegeEscalation: false
          runAsUser: 0
      - name: empty
        securityContext:
)";

/// A Deployment with an AppArmor annotation and capabilities in block sequences.
const char *const DeploymentDoc = R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  name: deploy
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: localhost/profile
    spec:
      containers:
      - name: app
        securityContext:
          allowPrivilegeEscalation: false
          runAsUser: 0
          capabilities:
            drop:
            - ALL
            add:
            - NET_BIND_SERVICE
            - NET_ADMIN
      - name: plain
        image: busybox
)";

/// A DaemonSet whose pod spec is a flow mapping.
const char *const DaemonSetDoc = R"(
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ds
spec:
  template:
    spec: {containers: [{name: app, securityContext: {allowPrivilegeEscalation: false,
            runAsUser: 0}}, {name: plain}]}
)";

/// A StatefulSet with a hostPath and an emptyDir volume.
const char *const StatefulSetDoc = R"(
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
      - name: app
        securityContext:
          allowPrivilegeEscalation: false
          runAsUser: 0
      - name: plain
        image: busybox
      volumes:
      - name: data
        hostPath:
          path: /var/lib/db
      - name: cache
        emptyDir: {}
)";

/// A Job with an init container.
const char *const JobDoc = R"(
apiVersion: batch/v1
kind: Job
metadata:
  name: job
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: setup
        securityContext:
          runAsUser: 0
      containers:
      - name: app
        securityContext:
          allowPrivilegeEscalation: false
          runAsUser: 1000
      - name: plain
        image: busybox
)";

/// A CronJob: the pod template is at "spec.jobTemplate.spec.template".
const char *const CronJobDoc = R"(
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cron
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
          - name: setup
            image: busybox
          containers:
          - name: app
            securityContext:
              allowPrivilegeEscalation: false
              runAsUser: 0
          - name: plain
            image: busybox
)";

/// A List holding a ConfigMap and a Deployment: paths start at the item.
const char *const ListDoc = R"(
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      metadata:
        annotations:
          container.apparmor.security.beta.kubernetes.io/app: unconfined
      spec:
        containers:
        - name: app
          securityContext:
            runAsUser: 0
)";

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

} // namespace

class TestFieldPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inspectedField_data();
    void inspectedField();
};

void TestFieldPaths::inspectedField_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("object"); ///< index among the objects of the first document
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("check");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QByteArray>("value"); ///< JSON text
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("span"); ///< text at [offset, endOffset); "" = not checked

    QTest::newRow("pod block: init container without securityContext")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.initContainers[0].securityContext.allowPrivilegeEscalation") << false
        << QByteArray("null") << false << 15 << 5 << QByteArray("");
    QTest::newRow("pod block: passing value")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[0].securityContext.allowPrivilegeEscalation") << true
        << QByteArray("false") << true << 21 << 33 << QByteArray("false");
    QTest::newRow("pod block: absent below securityContext")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[1].securityContext.allowPrivilegeEscalation") << false
        << QByteArray("null") << false << 29 << 7 << QByteArray("");
    QTest::newRow("pod block: null securityContext")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[2].securityContext.allowPrivilegeEscalation") << false
        << QByteArray("null") << false << 31 << 5 << QByteArray("securityContext");
    QTest::newRow("pod block: ephemeral container, empty securityContext")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 35 << 22 << QByteArray("{}");
    QTest::newRow("pod block: failing runAsUser")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("runAsUser")
        << QByteArray("spec.containers[0].securityContext.runAsUser") << true << QByteArray("0")
        << false << 22 << 18 << QByteArray("0");
    QTest::newRow("pod block: passing runAsUser")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("runAsUser")
        << QByteArray("spec.containers[1].securityContext.runAsUser") << true << QByteArray("1000")
        << true << 29 << 18 << QByteArray("1000");
    QTest::newRow("pod block: capabilities drop")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[0].securityContext.capabilities.drop") << true
        << QByteArray("[\"ALL\"]") << true << 24 << 15 << QByteArray("[\"ALL\"]");
    QTest::newRow("pod block: capability add[0]")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[0].securityContext.capabilities.add[0]") << true
        << QByteArray("\"NET_BIND_SERVICE\"") << true << 25 << 15 << QByteArray("NET_BIND_SERVICE");
    QTest::newRow("pod block: capability add[1]")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[0].securityContext.capabilities.add[1]") << true
        << QByteArray("\"SYS_ADMIN\"") << false << 25 << 33 << QByteArray("SYS_ADMIN");
    QTest::newRow("pod block: capabilities absent")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[1].securityContext.capabilities.drop") << false
        << QByteArray("null") << false << 29 << 7 << QByteArray("");
    QTest::newRow("pod block: allowed annotation")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("appArmorProfile")
        << QByteArray("metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]")
        << true << QByteArray("\"runtime/default\"") << true << 7 << 57
        << QByteArray("runtime/default");
    QTest::newRow("pod block: forbidden annotation")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("appArmorProfile")
        << QByteArray(
               "metadata.annotations[container.apparmor.security.beta.kubernetes.io/sidecar]")
        << true << QByteArray("\"unconfined\"") << false << 8 << 61 << QByteArray("unconfined");
    QTest::newRow("pod block: hostPath volume")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("restrictedVolumes")
        << QByteArray("spec.volumes[0].hostPath") << true << QByteArray("{\"path\":\"/etc\"}")
        << false << 39 << 7 << QByteArray("path: /etc");
    QTest::newRow("pod block: emptyDir volume")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("restrictedVolumes")
        << QByteArray("spec.volumes[1].emptyDir") << true << QByteArray("{}") << true << 41 << 15
        << QByteArray("{}");
    QTest::newRow("pod block: pod-level runAsNonRoot")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("runAsNonRoot")
        << QByteArray("spec.securityContext.runAsNonRoot") << true << QByteArray("true") << true
        << 11 << 19 << QByteArray("true");
    QTest::newRow("pod block: pod-level seccomp type")
        << QByteArray(PodBlock) << 0 << QByteArray("Pod") << QByteArray("seccompProfile_restricted")
        << QByteArray("spec.securityContext.seccompProfile.type") << true
        << QByteArray("\"RuntimeDefault\"") << true << 13 << 13 << QByteArray("RuntimeDefault");

    QTest::newRow("pod flow: passing value")
        << QByteArray(PodFlow) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[0].securityContext.allowPrivilegeEscalation") << true
        << QByteArray("false") << true << 7 << 61 << QByteArray("false");
    QTest::newRow("pod flow: failing runAsUser")
        << QByteArray(PodFlow) << 0 << QByteArray("Pod") << QByteArray("runAsUser")
        << QByteArray("spec.containers[0].securityContext.runAsUser") << true << QByteArray("0")
        << false << 7 << 79 << QByteArray("0");
    QTest::newRow("pod flow: absent below securityContext")
        << QByteArray(PodFlow) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[1].securityContext.allowPrivilegeEscalation") << false
        << QByteArray("null") << false << 8 << 32
        << QByteArray("{runAsUser: 5, capabilities: {drop: [ALL], add: [CHOWN]}}");
    QTest::newRow("pod flow: container without securityContext")
        << QByteArray(PodFlow) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[2].securityContext.allowPrivilegeEscalation") << false
        << QByteArray("null") << false << 9 << 5 << QByteArray("{name: c}");
    QTest::newRow("pod flow: capability add[0]")
        << QByteArray(PodFlow) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[1].securityContext.capabilities.add[0]") << true
        << QByteArray("\"CHOWN\"") << false << 8 << 81 << QByteArray("CHOWN");
    QTest::newRow("pod flow: annotation")
        << QByteArray(PodFlow) << 0 << QByteArray("Pod") << QByteArray("appArmorProfile")
        << QByteArray("metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]")
        << true << QByteArray("\"unconfined\"") << false << 5 << 57 << QByteArray("unconfined");
    QTest::newRow("pod flow: hostPath volume")
        << QByteArray(PodFlow) << 0 << QByteArray("Pod") << QByteArray("restrictedVolumes")
        << QByteArray("spec.volumes[0].hostPath") << true << QByteArray("{\"path\":\"/\"}") << false
        << 10 << 33 << QByteArray("{path: /}");

    QTest::newRow("pod json: passing value")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[0].securityContext.allowPrivilegeEscalation") << true
        << QByteArray("false") << true << 16 << 39 << QByteArray("false");
    QTest::newRow("pod json: failing runAsUser")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("runAsUser")
        << QByteArray("spec.containers[0].securityContext.runAsUser") << true << QByteArray("0")
        << false << 17 << 24 << QByteArray("0");
    QTest::newRow("pod json: passing runAsUser")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("runAsUser")
        << QByteArray("spec.containers[1].securityContext.runAsUser") << true << QByteArray("1000")
        << true << 24 << 24 << QByteArray("1000");
    QTest::newRow("pod json: absent below securityContext")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[1].securityContext.allowPrivilegeEscalation") << false
        << QByteArray("null") << false << 23 << 28
        << QByteArray("{\n"
                      "          \"runAsUser\": 1000\n"
                      "        }");
    QTest::newRow("pod json: container without securityContext")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[2].securityContext.allowPrivilegeEscalation") << false
        << QByteArray("null") << false << 27 << 7
        << QByteArray("{\n"
                      "        \"name\": \"c\"\n"
                      "      }");
    QTest::newRow("pod json: capability add[1]")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[0].securityContext.capabilities.add[1]") << true
        << QByteArray("\"NET_RAW\"") << false << 18 << 73 << QByteArray("\"NET_RAW\"");
    QTest::newRow("pod json: capabilities drop")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[0].securityContext.capabilities.drop") << true
        << QByteArray("[\"ALL\"]") << true << 18 << 36 << QByteArray("[\"ALL\"]");
    QTest::newRow("pod json: annotation")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("appArmorProfile")
        << QByteArray("metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]")
        << true << QByteArray("\"localhost/custom\"") << true << 8 << 61
        << QByteArray("\"localhost/custom\"");
    QTest::newRow("pod json: hostPath volume")
        << QByteArray(PodJson) << 0 << QByteArray("Pod") << QByteArray("restrictedVolumes")
        << QByteArray("spec.volumes[0].hostPath") << true << QByteArray("{\"path\":\"/var/run\"}")
        << false << 32 << 33 << QByteArray("{\"path\": \"/var/run\"}");

    QTest::newRow("alias: scalar value is an alias")
        << QByteArray(PodAlias) << 0 << QByteArray("Pod") << QByteArray("runAsUser")
        << QByteArray("spec.containers[1].securityContext.runAsUser") << true << QByteArray("0")
        << false << 15 << 18 << QByteArray("*uid");
    QTest::newRow("alias: anchored scalar")
        << QByteArray(PodAlias) << 0 << QByteArray("Pod") << QByteArray("runAsUser")
        << QByteArray("spec.containers[0].securityContext.runAsUser") << true << QByteArray("0")
        << false << 11 << 23 << QByteArray("0");
    QTest::newRow("alias: value inside an aliased mapping")
        << QByteArray(PodAlias) << 0 << QByteArray("Pod") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.containers[2].securityContext.allowPrivilegeEscalation") << true
        << QByteArray("false") << true << 17 << 22 << QByteArray("*sc");
    QTest::newRow("alias: absent below an aliased mapping")
        << QByteArray(PodAlias) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[2].securityContext.capabilities.drop") << false
        << QByteArray("null") << false << 17 << 22 << QByteArray("*sc");
    QTest::newRow("alias: absent below an anchored mapping")
        << QByteArray(PodAlias) << 0 << QByteArray("Pod") << QByteArray("capabilities_restricted")
        << QByteArray("spec.containers[0].securityContext.capabilities.drop") << false
        << QByteArray("null") << false << 10 << 7 << QByteArray("");

    QTest::newRow("PodTemplate: passing value")
        << QByteArray(PodTemplateDoc) << 0 << QByteArray("PodTemplate")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("template.spec.containers[0].securityContext.allowPrivilegeEscalation")
        << true << QByteArray("false") << true << 14 << 35 << QByteArray("false");
    QTest::newRow("PodTemplate: failing runAsUser")
        << QByteArray(PodTemplateDoc) << 0 << QByteArray("PodTemplate") << QByteArray("runAsUser")
        << QByteArray("template.spec.containers[0].securityContext.runAsUser") << true
        << QByteArray("0") << false << 15 << 20 << QByteArray("0");
    QTest::newRow("PodTemplate: container without securityContext")
        << QByteArray(PodTemplateDoc) << 0 << QByteArray("PodTemplate")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("template.spec.containers[1].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 16 << 7 << QByteArray("");
    QTest::newRow("PodTemplate: pod-level runAsNonRoot absent")
        << QByteArray(PodTemplateDoc) << 0 << QByteArray("PodTemplate")
        << QByteArray("runAsNonRoot") << QByteArray("template.spec.securityContext.runAsNonRoot")
        << false << QByteArray("null") << false << 11 << 5 << QByteArray("");

    QTest::newRow("ReplicationController: passing value")
        << QByteArray(ReplicationControllerDoc) << 0 << QByteArray("ReplicationController")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation")
        << true << QByteArray("false") << true << 13 << 60 << QByteArray("false");
    QTest::newRow("ReplicationController: failing runAsUser")
        << QByteArray(ReplicationControllerDoc) << 0 << QByteArray("ReplicationController")
        << QByteArray("runAsUser")
        << QByteArray("spec.template.spec.containers[0].securityContext.runAsUser") << true
        << QByteArray("0") << false << 13 << 80 << QByteArray("0");
    QTest::newRow("ReplicationController: container without securityContext")
        << QByteArray(ReplicationControllerDoc) << 0 << QByteArray("ReplicationController")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 14 << 11
        << QByteArray("{\"name\": \"plain\", \"image\": \"busybox\"}");
    QTest::newRow("ReplicationController: pod-level runAsNonRoot absent")
        << QByteArray(ReplicationControllerDoc) << 0 << QByteArray("ReplicationController")
        << QByteArray("runAsNonRoot")
        << QByteArray("spec.template.spec.securityContext.runAsNonRoot") << false
        << QByteArray("null") << false << 10 << 15 << QByteArray("");

    QTest::newRow("ReplicaSet: passing value")
        << QByteArray(ReplicaSetDoc) << 0 << QByteArray("ReplicaSet")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation")
        << true << QByteArray("false") << true << 13 << 37 << QByteArray("false");
    QTest::newRow("ReplicaSet: failing runAsUser")
        << QByteArray(ReplicaSetDoc) << 0 << QByteArray("ReplicaSet") << QByteArray("runAsUser")
        << QByteArray("spec.template.spec.containers[0].securityContext.runAsUser") << true
        << QByteArray("0") << false << 14 << 22 << QByteArray("0");
    QTest::newRow("ReplicaSet: null securityContext")
        << QByteArray(ReplicaSetDoc) << 0 << QByteArray("ReplicaSet")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 16 << 9 << QByteArray("securityContext");
    QTest::newRow("ReplicaSet: pod-level runAsNonRoot absent")
        << QByteArray(ReplicaSetDoc) << 0 << QByteArray("ReplicaSet") << QByteArray("runAsNonRoot")
        << QByteArray("spec.template.spec.securityContext.runAsNonRoot") << false
        << QByteArray("null") << false << 10 << 7 << QByteArray("");

    QTest::newRow("Deployment: passing value")
        << QByteArray(DeploymentDoc) << 0 << QByteArray("Deployment")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation")
        << true << QByteArray("false") << true << 15 << 37 << QByteArray("false");
    QTest::newRow("Deployment: failing runAsUser")
        << QByteArray(DeploymentDoc) << 0 << QByteArray("Deployment") << QByteArray("runAsUser")
        << QByteArray("spec.template.spec.containers[0].securityContext.runAsUser") << true
        << QByteArray("0") << false << 16 << 22 << QByteArray("0");
    QTest::newRow("Deployment: container without securityContext")
        << QByteArray(DeploymentDoc) << 0 << QByteArray("Deployment")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 23 << 9 << QByteArray("");
    QTest::newRow("Deployment: annotation")
        << QByteArray(DeploymentDoc) << 0 << QByteArray("Deployment")
        << QByteArray("appArmorProfile")
        << QByteArray("spec.template.metadata.annotations[container.apparmor.security.beta."
                      "kubernetes.io/app]")
        << true << QByteArray("\"localhost/profile\"") << true << 10 << 61
        << QByteArray("localhost/profile");
    QTest::newRow("Deployment: capabilities drop")
        << QByteArray(DeploymentDoc) << 0 << QByteArray("Deployment")
        << QByteArray("capabilities_restricted")
        << QByteArray("spec.template.spec.containers[0].securityContext.capabilities.drop") << true
        << QByteArray("[\"ALL\"]") << true << 19 << 13 << QByteArray("- ALL");
    QTest::newRow("Deployment: capability add[1]")
        << QByteArray(DeploymentDoc) << 0 << QByteArray("Deployment")
        << QByteArray("capabilities_restricted")
        << QByteArray("spec.template.spec.containers[0].securityContext.capabilities.add[1]")
        << true << QByteArray("\"NET_ADMIN\"") << false << 22 << 15 << QByteArray("NET_ADMIN");
    QTest::newRow("Deployment: pod-level runAsNonRoot absent")
        << QByteArray(DeploymentDoc) << 0 << QByteArray("Deployment") << QByteArray("runAsNonRoot")
        << QByteArray("spec.template.spec.securityContext.runAsNonRoot") << false
        << QByteArray("null") << false << 12 << 7 << QByteArray("");

    QTest::newRow("DaemonSet: passing value")
        << QByteArray(DaemonSetDoc) << 0 << QByteArray("DaemonSet")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation")
        << true << QByteArray("false") << true << 8 << 81 << QByteArray("false");
    QTest::newRow("DaemonSet: failing runAsUser")
        << QByteArray(DaemonSetDoc) << 0 << QByteArray("DaemonSet") << QByteArray("runAsUser")
        << QByteArray("spec.template.spec.containers[0].securityContext.runAsUser") << true
        << QByteArray("0") << false << 9 << 24 << QByteArray("0");
    QTest::newRow("DaemonSet: container without securityContext")
        << QByteArray(DaemonSetDoc) << 0 << QByteArray("DaemonSet")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 9 << 29 << QByteArray("{name: plain}");
    QTest::newRow("DaemonSet: pod-level runAsNonRoot absent")
        << QByteArray(DaemonSetDoc) << 0 << QByteArray("DaemonSet") << QByteArray("runAsNonRoot")
        << QByteArray("spec.template.spec.securityContext.runAsNonRoot") << false
        << QByteArray("null") << false << 8 << 11 << QByteArray("");

    QTest::newRow("StatefulSet: passing value")
        << QByteArray(StatefulSetDoc) << 0 << QByteArray("StatefulSet")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation")
        << true << QByteArray("false") << true << 13 << 37 << QByteArray("false");
    QTest::newRow("StatefulSet: failing runAsUser")
        << QByteArray(StatefulSetDoc) << 0 << QByteArray("StatefulSet") << QByteArray("runAsUser")
        << QByteArray("spec.template.spec.containers[0].securityContext.runAsUser") << true
        << QByteArray("0") << false << 14 << 22 << QByteArray("0");
    QTest::newRow("StatefulSet: container without securityContext")
        << QByteArray(StatefulSetDoc) << 0 << QByteArray("StatefulSet")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 15 << 9 << QByteArray("");
    QTest::newRow("StatefulSet: hostPath volume")
        << QByteArray(StatefulSetDoc) << 0 << QByteArray("StatefulSet")
        << QByteArray("restrictedVolumes") << QByteArray("spec.template.spec.volumes[0].hostPath")
        << true << QByteArray("{\"path\":\"/var/lib/db\"}") << false << 20 << 11
        << QByteArray("path: /var/lib/db");
    QTest::newRow("StatefulSet: emptyDir volume")
        << QByteArray(StatefulSetDoc) << 0 << QByteArray("StatefulSet")
        << QByteArray("restrictedVolumes") << QByteArray("spec.template.spec.volumes[1].emptyDir")
        << true << QByteArray("{}") << true << 22 << 19 << QByteArray("{}");
    QTest::newRow("StatefulSet: pod-level runAsNonRoot absent")
        << QByteArray(StatefulSetDoc) << 0 << QByteArray("StatefulSet")
        << QByteArray("runAsNonRoot")
        << QByteArray("spec.template.spec.securityContext.runAsNonRoot") << false
        << QByteArray("null") << false << 10 << 7 << QByteArray("");

    QTest::newRow("Job: init container, absent below securityContext")
        << QByteArray(JobDoc) << 0 << QByteArray("Job") << QByteArray("allowPrivilegeEscalation")
        << QByteArray(
               "spec.template.spec.initContainers[0].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 13 << 11 << QByteArray("");
    QTest::newRow("Job: init container, failing runAsUser")
        << QByteArray(JobDoc) << 0 << QByteArray("Job") << QByteArray("runAsUser")
        << QByteArray("spec.template.spec.initContainers[0].securityContext.runAsUser") << true
        << QByteArray("0") << false << 13 << 22 << QByteArray("0");
    QTest::newRow("Job: passing value")
        << QByteArray(JobDoc) << 0 << QByteArray("Job") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation")
        << true << QByteArray("false") << true << 17 << 37 << QByteArray("false");
    QTest::newRow("Job: passing runAsUser")
        << QByteArray(JobDoc) << 0 << QByteArray("Job") << QByteArray("runAsUser")
        << QByteArray("spec.template.spec.containers[0].securityContext.runAsUser") << true
        << QByteArray("1000") << true << 18 << 22 << QByteArray("1000");
    QTest::newRow("Job: container without securityContext")
        << QByteArray(JobDoc) << 0 << QByteArray("Job") << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 19 << 9 << QByteArray("");
    QTest::newRow("Job: pod-level runAsNonRoot absent")
        << QByteArray(JobDoc) << 0 << QByteArray("Job") << QByteArray("runAsNonRoot")
        << QByteArray("spec.template.spec.securityContext.runAsNonRoot") << false
        << QByteArray("null") << false << 9 << 7 << QByteArray("");

    QTest::newRow("CronJob: init container without securityContext")
        << QByteArray(CronJobDoc) << 0 << QByteArray("CronJob")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.jobTemplate.spec.template.spec.initContainers[0].securityContext."
                      "allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 13 << 13 << QByteArray("");
    QTest::newRow("CronJob: passing value")
        << QByteArray(CronJobDoc) << 0 << QByteArray("CronJob")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.jobTemplate.spec.template.spec.containers[0].securityContext."
                      "allowPrivilegeEscalation")
        << true << QByteArray("false") << true << 18 << 41 << QByteArray("false");
    QTest::newRow("CronJob: failing runAsUser")
        << QByteArray(CronJobDoc) << 0 << QByteArray("CronJob") << QByteArray("runAsUser")
        << QByteArray("spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsUser")
        << true << QByteArray("0") << false << 19 << 26 << QByteArray("0");
    QTest::newRow("CronJob: container without securityContext")
        << QByteArray(CronJobDoc) << 0 << QByteArray("CronJob")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.jobTemplate.spec.template.spec.containers[1].securityContext."
                      "allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 20 << 13 << QByteArray("");
    QTest::newRow("CronJob: pod-level runAsNonRoot absent")
        << QByteArray(CronJobDoc) << 0 << QByteArray("CronJob") << QByteArray("runAsNonRoot")
        << QByteArray("spec.jobTemplate.spec.template.spec.securityContext.runAsNonRoot") << false
        << QByteArray("null") << false << 12 << 11 << QByteArray("");

    QTest::newRow("List: failing runAsUser")
        << QByteArray(ListDoc) << 1 << QByteArray("Deployment") << QByteArray("runAsUser")
        << QByteArray("spec.template.spec.containers[0].securityContext.runAsUser") << true
        << QByteArray("0") << false << 22 << 24 << QByteArray("0");
    QTest::newRow("List: absent below securityContext")
        << QByteArray(ListDoc) << 1 << QByteArray("Deployment")
        << QByteArray("allowPrivilegeEscalation")
        << QByteArray("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation")
        << false << QByteArray("null") << false << 22 << 13 << QByteArray("");
    QTest::newRow("List: annotation")
        << QByteArray(ListDoc) << 1 << QByteArray("Deployment") << QByteArray("appArmorProfile")
        << QByteArray("spec.template.metadata.annotations[container.apparmor.security.beta."
                      "kubernetes.io/app]")
        << true << QByteArray("\"unconfined\"") << false << 17 << 63 << QByteArray("unconfined");
    QTest::newRow("List: pod-level runAsNonRoot absent")
        << QByteArray(ListDoc) << 1 << QByteArray("Deployment") << QByteArray("runAsNonRoot")
        << QByteArray("spec.template.spec.securityContext.runAsNonRoot") << false
        << QByteArray("null") << false << 19 << 9 << QByteArray("");
}

void TestFieldPaths::inspectedField()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, object);
    QFETCH(QByteArray, kind);
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
    QVERIFY(object < int(parsed.objects.size()));
    const K8s::Object &o = parsed.object(std::size_t(object));
    QCOMPARE(QByteArray(K8s::kindName(o.kind)), kind);
    QVERIFY(o.podSpec != Yaml::NoNode);

    const K8s::PodSpecView pod(o);
    const Policy::Evaluation evaluation =
        Policy::evaluate(pod, {Policy::Level::Restricted, Policy::Version::latest()});
    const Policy::CheckResult *result = TestUtil::findResult(evaluation, view(check));
    QVERIFY2(result, "check did not run");

    const Policy::InspectedField *field = nullptr;
    int matches = 0;
    QByteArray seen;
    for (const auto &f : result->fields) {
        seen += "\n  " + QByteArray::fromStdString(f.path);
        if (f.path == view(path)) {
            field = &f;
            ++matches;
        }
    }
    QVERIFY2(field, QByteArray("field not inspected; the check inspected:" + seen).constData());
    QCOMPARE(matches, 1);

    QCOMPARE(field->present, present);
    QCOMPARE(QByteArray::fromStdString(field->value), value);
    QCOMPARE(field->allowed, allowed);
    QCOMPARE(int(field->line), line);
    QCOMPARE(int(field->column), column);

    // The offsets describe the same place as line and column.
    const std::string &text = parsed.file->text;
    QVERIFY(field->offset <= field->endOffset);
    QVERIFY(field->endOffset <= text.size());
    const auto located = parsed.file->locate(field->offset, {});
    QCOMPARE(int(located.line), line);
    QCOMPARE(int(located.column), column);
    if (!span.isEmpty())
        QCOMPARE(
            QByteArray::fromStdString(text.substr(field->offset, field->endOffset - field->offset)),
            span);
}

QTEST_GUILESS_MAIN(TestFieldPaths)
#include "tst_fieldpaths.moc"
