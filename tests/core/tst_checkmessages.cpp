// SPDX-License-Identifier: Apache-2.0
// The exact wording of every check (spec/pss-checks.md §3-§5), which checks run at each
// level and version (§2.4) and the aggregate messages of the worked examples (§3, §8).
// Every expected string is copied from the spec or built by hand from its templates.
#include "podtestutil.h"

#include <QByteArray>
#include <QStringList>
#include <QTest>

#include <string>
#include <string_view>

using namespace PodSec;

namespace {

const char *const Restricted = "restricted";
const char *const Baseline = "baseline";

void addCheckRow(const char *id, const char *tag, const char *level, const char *version,
                 const char *yaml, bool run, bool allowed, const char *reason, const char *detail)
{
    QTest::addRow("%s/%s", id, tag)
        << QByteArray(yaml) << QByteArray(level) << QByteArray(version) << QByteArray(id) << allowed
        << QByteArray(reason) << QByteArray(detail) << run;
}

/// The check runs and forbids the pod with exactly this reason and detail.
void addForbidden(const char *id, const char *tag, const char *level, const char *version,
                  const char *yaml, const char *reason, const char *detail)
{
    addCheckRow(id, tag, level, version, yaml, true, false, reason, detail);
}

/// The check runs and allows the pod.
void addAllowed(const char *id, const char *tag, const char *level, const char *version,
                const char *yaml)
{
    addCheckRow(id, tag, level, version, yaml, true, true, "", "");
}

/// The check is not selected at this level and version.
void addNotRun(const char *id, const char *tag, const char *level, const char *version,
               const char *yaml)
{
    addCheckRow(id, tag, level, version, yaml, false, true, "", "");
}

QString idString(std::string_view id)
{
    return QString::fromUtf8(id.data(), qsizetype(id.size()));
}

// Pods shared by several checks.

/// A single container "a" with nothing set.
const char *const MinimalPod = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
)";

/// A Windows pod with a single container "a" and nothing set.
const char *const WindowsPod = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os:
    name: windows
  containers:
  - name: a
)";

/// A user-namespace pod with a single container "a" and nothing else set.
const char *const UserNamespacePod = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  containers:
  - name: a
)";

/// One container of each kind, written in the reverse of visit order.
const char *const VisitOrderPod = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  ephemeralContainers:
  - name: e
  containers:
  - name: c
  initContainers:
  - name: i
)";

} // namespace

class TestCheckMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkDetail_data();
    void checkDetail();
    void checkSelection_data();
    void checkSelection();
    void aggregateMessages_data();
    void aggregateMessages();

private:
    static void allowPrivilegeEscalationRows();
    static void appArmorProfileRows();
    static void capabilitiesBaselineRows();
    static void capabilitiesRestrictedRows();
    static void hostNamespacesRows();
    static void hostPathVolumesRows();
    static void hostPortsRows();
    static void hostProbesAndHostLifecycleRows();
    static void privilegedRows();
    static void procMountRows();
    static void procMountRestrictedRows();
    static void restrictedVolumesRows();
    static void runAsNonRootRows();
    static void runAsUserRows();
    static void seLinuxOptionsRows();
    static void seccompProfileBaselineRows();
    static void seccompProfileRestrictedRows();
    static void sysctlsRows();
    static void windowsHostProcessRows();
};

// §5.1
void TestCheckMessages::allowPrivilegeEscalationRows()
{
    const char *id = "allowPrivilegeEscalation";
    const char *reason = "allowPrivilegeEscalation != false";

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  - name: b
    securityContext: {}
  - name: c
    securityContext:
      allowPrivilegeEscalation: true
  - name: d
    securityContext:
      allowPrivilegeEscalation: false
)";
    const char *exampleDetail =
        R"(containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false)";
    addForbidden(id, "example latest", Restricted, "latest", example, reason, exampleDetail);
    addForbidden(id, "example v1.8", Restricted, "v1.8", example, reason, exampleDetail);
    addNotRun(id, "absent before v1.8", Restricted, "v1.7", example);
    addNotRun(id, "not at baseline", Baseline, "latest", example);

    const char *windowsDetail =
        R"(container "a" must set securityContext.allowPrivilegeEscalation=false)";
    addForbidden(id, "windows v1.8", Restricted, "v1.8", WindowsPod, reason, windowsDetail);
    addForbidden(id, "windows v1.24", Restricted, "v1.24", WindowsPod, reason, windowsDetail);
    addAllowed(id, "windows v1.25", Restricted, "v1.25", WindowsPod);
    addAllowed(id, "windows latest", Restricted, "latest", WindowsPod);

    const char *capitalWindows = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os:
    name: Windows
  containers:
  - name: a
)";
    addForbidden(id, "os.name is case-sensitive", Restricted, "latest", capitalWindows, reason,
                 windowsDetail);

    const char *single = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ok
    securityContext:
      allowPrivilegeEscalation: false
  - name: c
    securityContext:
      allowPrivilegeEscalation: true
)";
    addForbidden(id, "singular", Restricted, "latest", single, reason,
                 R"(container "c" must set securityContext.allowPrivilegeEscalation=false)");

    addForbidden(
        id, "visit order", Restricted, "latest", VisitOrderPod, reason,
        R"(containers "i", "c", "e" must set securityContext.allowPrivilegeEscalation=false)");

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: i
    securityContext:
      allowPrivilegeEscalation: false
  containers:
  - name: c
    securityContext:
      allowPrivilegeEscalation: false
)";
    addAllowed(id, "all false", Restricted, "latest", good);
}

// §5.2
void TestCheckMessages::appArmorProfileRows()
{
    const char *id = "appArmorProfile";
    const char *one = "forbidden AppArmor profile";
    const char *many = "forbidden AppArmor profiles";

    const char *podUnconfined = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
  containers:
  - name: a
)";
    const char *podUnconfinedDetail = R"(pod must not set AppArmor profile type to "Unconfined")";
    addForbidden(id, "pod Unconfined", Baseline, "latest", podUnconfined, one, podUnconfinedDetail);
    addForbidden(id, "pod Unconfined restricted v1.0", Restricted, "v1.0", podUnconfined, one,
                 podUnconfinedDetail);

    const char *initContainer = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile:
      type: RuntimeDefault
  initContainers:
  - name: bar
    securityContext:
      appArmorProfile:
        type: Unconfined
  containers:
  - name: a
    securityContext:
      appArmorProfile:
        type: Localhost
        localhostProfile: foo
)";
    addForbidden(id, "init container Unconfined", Baseline, "latest", initContainer, one,
                 R"(container "bar" must not set AppArmor profile type to "Unconfined")");

    const char *annotations = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/f: unknown
    container.apparmor.security.beta.kubernetes.io/e: unconfined
    container.apparmor.security.beta.kubernetes.io/d: localhost/foo
    container.apparmor.security.beta.kubernetes.io/c: localhost/
    container.apparmor.security.beta.kubernetes.io/b: runtime/default
    container.apparmor.security.beta.kubernetes.io/a: ""
spec:
  containers:
  - name: a
)";
    addForbidden(
        id, "annotations example", Baseline, "latest", annotations, many,
        R"(annotations must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/e="unconfined"", "container.apparmor.security.beta.kubernetes.io/f="unknown"")");

    const char *allSetters = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/x: unconfined
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
  containers:
  - name: x
    securityContext:
      appArmorProfile:
        type: Unconfined
)";
    addForbidden(
        id, "pod and container and annotation", Baseline, "latest", allSetters, many,
        R"(pod and container "x" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/x="unconfined"")");

    const char *sortedTypes = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
  containers:
  - name: a
    securityContext:
      appArmorProfile:
        type: foo
  - name: b
    securityContext:
      appArmorProfile:
        type: Unconfined
  initContainers:
  - name: z
    securityContext:
      appArmorProfile:
        type: Unconfined
)";
    addForbidden(
        id, "types sorted set, containers visit order", Baseline, "latest", sortedTypes, many,
        R"(pod and containers "z", "a", "b" must not set AppArmor profile type to "Unconfined", "foo")");

    const char *emptyType = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      appArmorProfile: {}
)";
    addForbidden(id, "profile without type", Baseline, "latest", emptyType, one,
                 R"(container "a" must not set AppArmor profile type to "")");

    const char *unknownContainer = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/ghost: unconfined
    apparmor.security.beta.kubernetes.io/a: unconfined
spec:
  containers:
  - name: a
)";
    addForbidden(
        id, "annotation for missing container", Baseline, "latest", unknownContainer, one,
        R"(annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/ghost="unconfined"")");

    // GoQuote: '"' and '\' are escaped.
    const char *quoteValue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/a: 'un"con\fined'
spec:
  containers:
  - name: a
)";
    addForbidden(
        id, "GoQuote quote and backslash", Baseline, "latest", quoteValue, one,
        R"(annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="un\"con\\fined"")");

    // GoQuote: control characters (the YAML escapes here decode to the raw bytes).
    const char *controlValue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/a: "a\nb\tc\rd\a\b\f\ve\x01\x1b\x7f"
spec:
  containers:
  - name: a
)";
    addForbidden(
        id, "GoQuote control characters", Baseline, "latest", controlValue, one,
        R"(annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="a\nb\tc\rd\a\b\f\ve\x01\x1b\x7f"")");

    // GoQuote keeps printable non-ASCII letters as they are.
    const char *unicodeValue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/a: "unconfinéd"
spec:
  containers:
  - name: a
)";
    addForbidden(
        id, "GoQuote keeps printable Unicode", Baseline, "latest", unicodeValue, one,
        R"(annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="unconfinéd"")");

    // GoQuote escapes a non-printable code point (U+00A0 NO-BREAK SPACE) as \u00a0.
    const char *nbspValue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/a: "un\u00a0confined"
spec:
  containers:
  - name: a
)";
    addForbidden(
        id, "GoQuote escapes non-printable Unicode", Baseline, "latest", nbspValue, one,
        R"(annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="un\u00a0confined"")");

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/a: ""
    container.apparmor.security.beta.kubernetes.io/b: localhost/
    container.apparmor.security.beta.kubernetes.io/c: runtime/default
spec:
  securityContext:
    appArmorProfile:
      type: Localhost
      localhostProfile: p
  containers:
  - name: a
    securityContext:
      appArmorProfile:
        type: RuntimeDefault
)";
    addAllowed(id, "empty annotation and good profiles", Baseline, "latest", good);
}

// §5.3
void TestCheckMessages::capabilitiesBaselineRows()
{
    const char *id = "capabilities_baseline";
    const char *reason = "non-default capabilities";

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      capabilities:
        add: [FOO, BAR]
  - name: b
    securityContext:
      capabilities:
        add: [BAR, BAZ]
)";
    const char *exampleDetail =
        R"(containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add)";
    addForbidden(id, "example", Baseline, "latest", example, reason, exampleDetail);
    addForbidden(id, "example restricted v1.21", Restricted, "v1.21", example, reason,
                 exampleDetail);
    addNotRun(id, "overridden at restricted v1.22", Restricted, "v1.22", example);
    addNotRun(id, "overridden at restricted latest", Restricted, "latest", example);

    const char *defaults = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      capabilities:
        add: [AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE]
        drop: [FOO]
  - name: b
    securityContext:
      capabilities:
        add: [SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]
  - name: c
    securityContext:
      capabilities: {}
)";
    addAllowed(id, "default capabilities", Baseline, "latest", defaults);

    const char *spelling = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      capabilities:
        add: [chown, CAP_CHOWN, CHOWN]
)";
    addForbidden(
        id, "exact spelling, singular", Baseline, "latest", spelling, reason,
        R"(container "a" must not include "CAP_CHOWN", "chown" in securityContext.capabilities.add)");

    const char *visitOrder = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  ephemeralContainers:
  - name: e
    securityContext:
      capabilities:
        add: [SYS_ADMIN]
  containers:
  - name: a
    securityContext:
      capabilities:
        add: [NET_RAW]
  - name: b
    securityContext:
      capabilities:
        add: [CHOWN]
  initContainers:
  - name: z
    securityContext:
      capabilities:
        add: [SYS_ADMIN, NET_RAW]
)";
    addForbidden(
        id, "visit order, sorted set", Baseline, "latest", visitOrder, reason,
        R"(containers "z", "a", "e" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add)");
}

// §5.4
void TestCheckMessages::capabilitiesRestrictedRows()
{
    const char *id = "capabilities_restricted";
    const char *reason = "unrestricted capabilities";

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      capabilities:
        add: [FOO, BAR]
  - name: b
    securityContext:
      capabilities:
        add: [BAR, BAZ]
  - name: c
    securityContext:
      capabilities:
        add: [NET_BIND_SERVICE, CHOWN]
        drop: [ALL, FOO]
)";
    addForbidden(
        id, "example", Restricted, "latest", example, reason,
        R"(containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add)");
    addNotRun(id, "not at baseline", Baseline, "latest", example);

    const char *missingDetail =
        R"(container "a" must set securityContext.capabilities.drop=["ALL"])";
    addForbidden(id, "no securityContext", Restricted, "latest", MinimalPod, reason, missingDetail);
    addForbidden(id, "no securityContext v1.22", Restricted, "v1.22", MinimalPod, reason,
                 missingDetail);
    addNotRun(id, "absent before v1.22", Restricted, "v1.21", MinimalPod);
    addForbidden(id, "windows v1.24", Restricted, "v1.24", WindowsPod, reason, missingDetail);
    addAllowed(id, "windows v1.25", Restricted, "v1.25", WindowsPod);
    addAllowed(id, "windows latest", Restricted, "latest", WindowsPod);

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      capabilities:
        drop: [ALL]
        add: [NET_BIND_SERVICE]
  - name: b
    securityContext:
      capabilities:
        drop: [FOO, ALL]
)";
    addAllowed(id, "drop ALL, add NET_BIND_SERVICE", Restricted, "v1.22", good);

    const char *missingDrop = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      capabilities:
        drop: [all]
  - name: b
    securityContext: {}
  - name: c
    securityContext:
      capabilities: {}
  - name: d
    securityContext:
      capabilities:
        drop: [ALL]
)";
    addForbidden(id, "missing drop plural", Restricted, "latest", missingDrop, reason,
                 R"(containers "a", "b", "c" must set securityContext.capabilities.drop=["ALL"])");

    const char *addingOnly = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      capabilities:
        drop: [ALL]
        add: [SYS_ADMIN, NET_BIND_SERVICE]
)";
    addForbidden(
        id, "adding part only", Restricted, "latest", addingOnly, reason,
        R"(container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add)");

    const char *bothParts = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      capabilities:
        drop: [ALL]
        add: [Y, X]
  initContainers:
  - name: b
    securityContext:
      capabilities:
        add: [X]
)";
    addForbidden(
        id, "singular missing-drop, plural adding", Restricted, "latest", bothParts, reason,
        R"(container "b" must set securityContext.capabilities.drop=["ALL"]; containers "b", "a" must not include "X", "Y" in securityContext.capabilities.add)");

    addForbidden(id, "visit order", Restricted, "latest", VisitOrderPod, reason,
                 R"(containers "i", "c", "e" must set securityContext.capabilities.drop=["ALL"])");
}

// §5.5
void TestCheckMessages::hostNamespacesRows()
{
    const char *id = "hostNamespaces";
    const char *reason = "host namespaces";

    const char *all = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostIPC: true
  hostPID: true
  hostNetwork: true
  containers:
  - name: a
)";
    addForbidden(id, "all three", Baseline, "latest", all, reason,
                 "hostNetwork=true, hostPID=true, hostIPC=true");

    const char *pid = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: false
  hostPID: true
  containers:
  - name: a
)";
    addForbidden(id, "hostPID", Baseline, "v1.0", pid, reason, "hostPID=true");

    const char *ipcNetwork = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostIPC: true
  hostNetwork: true
  containers:
  - name: a
)";
    addForbidden(id, "hostIPC and hostNetwork", Restricted, "v1.0", ipcNetwork, reason,
                 "hostNetwork=true, hostIPC=true");

    const char *none = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostIPC: false
  hostPID: false
  hostNetwork: false
  containers:
  - name: a
)";
    addAllowed(id, "all false", Restricted, "latest", none);

    const char *stringTrue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostPID: "true"
  containers:
  - name: a
)";
    addAllowed(id, "string true is not boolean true", Baseline, "latest", stringTrue);
}

// §5.6
void TestCheckMessages::hostPathVolumesRows()
{
    const char *id = "hostPathVolumes";
    const char *reason = "hostPath volumes";

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: a
    hostPath:
      path: /a
  - name: b
    hostPath:
      path: /b
  - name: c
    emptyDir: {}
)";
    addForbidden(id, "example", Baseline, "latest", example, reason, R"(volumes "a", "b")");
    addForbidden(id, "example v1.0", Baseline, "v1.0", example, reason, R"(volumes "a", "b")");
    addNotRun(id, "never at restricted latest", Restricted, "latest", example);
    addNotRun(id, "never at restricted v1.0", Restricted, "v1.0", example);

    const char *single = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: z
    configMap:
      name: cm
  - name: y
    hostPath:
      path: /y
)";
    addForbidden(id, "singular", Baseline, "latest", single, reason, R"(volume "y")");

    const char *specOrder = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: z
    hostPath:
      path: /z
  - name: a
    hostPath:
      path: /a
)";
    addForbidden(id, "spec order", Baseline, "latest", specOrder, reason, R"(volumes "z", "a")");

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: a
    emptyDir: {}
  - name: b
    nfs:
      server: s
      path: /
)";
    addAllowed(id, "no hostPath", Baseline, "latest", good);
}

// §5.7
void TestCheckMessages::hostPortsRows()
{
    const char *id = "hostPorts";
    const char *reason = "hostPort";

    const char *one = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    ports:
    - containerPort: 80
  - name: b
    ports:
    - containerPort: 20
      hostPort: 20
)";
    addForbidden(id, "singular", Baseline, "latest", one, reason,
                 R"(container "b" uses hostPort 20)");
    addForbidden(id, "singular restricted", Restricted, "latest", one, reason,
                 R"(container "b" uses hostPort 20)");

    const char *plural = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    ports:
    - containerPort: 80
      hostPort: 0
  - name: b
    ports:
    - containerPort: 10
      hostPort: 10
    - containerPort: 20
      hostPort: 20
  - name: c
    ports:
    - containerPort: 30
      hostPort: 30
    - containerPort: 21
      hostPort: 20
)";
    addForbidden(id, "plural", Baseline, "latest", plural, reason,
                 R"(containers "b", "c" use hostPorts 10, 20, 30)");

    const char *stringSort = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    ports:
    - containerPort: 9000
      hostPort: 9000
    - containerPort: 10000
      hostPort: 10000
)";
    addForbidden(id, "ports sorted as strings", Baseline, "latest", stringSort, reason,
                 R"(container "a" uses hostPorts 10000, 9000)");

    const char *visitOrder = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  ephemeralContainers:
  - name: e
    ports:
    - containerPort: 443
      hostPort: 443
  containers:
  - name: c
    ports:
    - containerPort: 80
      hostPort: 80
  initContainers:
  - name: i
    ports:
    - containerPort: 80
      hostPort: 80
)";
    addForbidden(id, "visit order", Baseline, "latest", visitOrder, reason,
                 R"(containers "i", "c", "e" use hostPorts 443, 80)");

    const char *duplicatePort = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    ports:
    - containerPort: 8080
      hostPort: 8080
      protocol: TCP
    - containerPort: 8080
      hostPort: 8080
      protocol: UDP
)";
    addForbidden(id, "distinct ports", Baseline, "latest", duplicatePort, reason,
                 R"(container "a" uses hostPort 8080)");

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    ports:
    - containerPort: 80
      hostPort: 0
    - containerPort: 81
)";
    addAllowed(id, "zero or unset", Baseline, "latest", good);
}

// §5.8
void TestCheckMessages::hostProbesAndHostLifecycleRows()
{
    const char *id = "hostProbesAndHostLifecycle";
    const char *reason = "probe or lifecycle host";

    const char *local = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    livenessProbe:
      httpGet:
        host: 127.0.0.1
        port: 80
    readinessProbe:
      tcpSocket:
        host: "::1"
        port: 80
    startupProbe:
      httpGet:
        host: localhost
        port: 80
    lifecycle:
      postStart:
        httpGet:
          host: localhost
          port: 80
)";
    const char *localDetail =
        R"(container "a" uses probe or lifecycle hosts "127.0.0.1", "::1", "localhost")";
    addForbidden(id, "local hosts latest", Baseline, "latest", local, reason, localDetail);
    addForbidden(id, "local hosts v1.34", Baseline, "v1.34", local, reason, localDetail);
    addForbidden(id, "local hosts restricted v1.34", Restricted, "v1.34", local, reason,
                 localDetail);
    addNotRun(id, "absent at baseline v1.33", Baseline, "v1.33", local);
    addNotRun(id, "absent at restricted v1.33", Restricted, "v1.33", local);
    addNotRun(id, "absent at baseline v1.0", Baseline, "v1.0", local);

    const char *twoContainers = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: invalid1
    livenessProbe:
      httpGet:
        host: a.com
        port: 80
  - name: invalid2
    readinessProbe:
      httpGet:
        host: b.com
        port: 80
    lifecycle:
      preStop:
        tcpSocket:
          host: a.com
          port: 80
)";
    addForbidden(
        id, "two containers", Baseline, "latest", twoContainers, reason,
        R"(containers "invalid1", "invalid2" use probe or lifecycle hosts "a.com", "b.com")");

    const char *sortedNames = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: zeta
    startupProbe:
      tcpSocket:
        host: x.example
        port: 80
  - name: alpha
    lifecycle:
      preStop:
        httpGet:
          host: x.example
          port: 80
)";
    addForbidden(id, "container names sorted", Baseline, "latest", sortedNames, reason,
                 R"(containers "alpha", "zeta" use probe or lifecycle host "x.example")");

    const char *whitespace = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    livenessProbe:
      httpGet:
        host: " "
        port: 80
)";
    addForbidden(id, "whitespace host", Baseline, "latest", whitespace, reason,
                 R"(container "a" uses probe or lifecycle host " ")");

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    livenessProbe:
      httpGet:
        host: ""
        port: 80
    readinessProbe:
      exec:
        command: [sh]
    startupProbe:
      tcpSocket:
        port: 80
    lifecycle:
      preStop:
        sleep:
          seconds: 1
)";
    addAllowed(id, "empty or no host", Baseline, "latest", good);
}

// §5.9
void TestCheckMessages::privilegedRows()
{
    const char *id = "privileged";
    const char *reason = "privileged";

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    securityContext:
      privileged: false
  - name: d
    securityContext:
      privileged: true
  - name: e
    securityContext:
      privileged: true
)";
    addForbidden(id, "example", Baseline, "latest", example, reason,
                 R"(containers "d", "e" must not set securityContext.privileged=true)");

    const char *init = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: i
    securityContext:
      privileged: true
  containers:
  - name: a
)";
    const char *initDetail = R"(container "i" must not set securityContext.privileged=true)";
    addForbidden(id, "singular", Baseline, "v1.0", init, reason, initDetail);
    addForbidden(id, "singular restricted", Restricted, "latest", init, reason, initDetail);

    const char *visitOrder = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  ephemeralContainers:
  - name: e
    securityContext:
      privileged: true
  containers:
  - name: c
    securityContext:
      privileged: true
  initContainers:
  - name: i
    securityContext:
      privileged: true
)";
    addForbidden(id, "visit order", Baseline, "latest", visitOrder, reason,
                 R"(containers "i", "c", "e" must not set securityContext.privileged=true)");

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      privileged: false
  - name: b
)";
    addAllowed(id, "false or unset", Baseline, "latest", good);
}

// §5.10, the baseline check
void TestCheckMessages::procMountRows()
{
    const char *id = "procMount";
    const char *reason = "procMount";

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    securityContext:
      procMount: Default
  - name: d
    securityContext:
      procMount: Unmasked
  - name: e
    securityContext:
      procMount: other
)";
    const char *userNamespace = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  containers:
  - name: c
    securityContext:
      procMount: Default
  - name: d
    securityContext:
      procMount: Unmasked
  - name: e
    securityContext:
      procMount: other
)";
    const char *hostUsersTrue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: true
  containers:
  - name: c
    securityContext:
      procMount: Default
  - name: d
    securityContext:
      procMount: Unmasked
  - name: e
    securityContext:
      procMount: other
)";
    const char *exampleDetail =
        R"(containers "d", "e" must not set securityContext.procMount to "Unmasked", "other")";
    addForbidden(id, "example", Baseline, "latest", example, reason, exampleDetail);
    addForbidden(id, "example restricted v1.0", Restricted, "v1.0", example, reason, exampleDetail);
    addForbidden(id, "hostUsers false baseline v1.34", Baseline, "v1.34", userNamespace, reason,
                 exampleDetail);
    addAllowed(id, "hostUsers false baseline v1.35", Baseline, "v1.35", userNamespace);
    addAllowed(id, "hostUsers false baseline latest", Baseline, "latest", userNamespace);
    addForbidden(id, "hostUsers false restricted v1.34", Restricted, "v1.34", userNamespace, reason,
                 exampleDetail);
    addNotRun(id, "replaced at restricted v1.35", Restricted, "v1.35", userNamespace);
    addNotRun(id, "replaced at restricted latest", Restricted, "latest", example);
    addForbidden(id, "hostUsers true baseline latest", Baseline, "latest", hostUsersTrue, reason,
                 exampleDetail);

    const char *empty = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      procMount: ""
)";
    addForbidden(id, "empty string is bad", Baseline, "latest", empty, reason,
                 R"(container "a" must not set securityContext.procMount to "")");

    const char *duplicates = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: i
    securityContext:
      procMount: Unmasked
  containers:
  - name: a
    securityContext:
      procMount: Unmasked
)";
    addForbidden(id, "values sorted set", Baseline, "latest", duplicates, reason,
                 R"(containers "i", "a" must not set securityContext.procMount to "Unmasked")");
}

// §5.10, the restricted check
void TestCheckMessages::procMountRestrictedRows()
{
    const char *id = "procMount_restricted";
    const char *reason = "procMount";

    const char *userNamespace = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  containers:
  - name: c
    securityContext:
      procMount: Default
  - name: d
    securityContext:
      procMount: Unmasked
  - name: e
    securityContext:
      procMount: other
)";
    const char *exampleDetail =
        R"(containers "d", "e" must not set securityContext.procMount to "Unmasked", "other")";
    addForbidden(id, "hostUsers false v1.35", Restricted, "v1.35", userNamespace, reason,
                 exampleDetail);
    addForbidden(id, "hostUsers false latest", Restricted, "latest", userNamespace, reason,
                 exampleDetail);
    addNotRun(id, "absent at restricted v1.34", Restricted, "v1.34", userNamespace);
    addNotRun(id, "not at baseline", Baseline, "latest", userNamespace);

    const char *empty = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      procMount: ""
)";
    addForbidden(id, "empty string is bad", Restricted, "latest", empty, reason,
                 R"(container "a" must not set securityContext.procMount to "")");

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      procMount: Default
  - name: b
)";
    addAllowed(id, "Default or unset", Restricted, "latest", good);
}

// §5.11
void TestCheckMessages::restrictedVolumesRows()
{
    const char *id = "restrictedVolumes";
    const char *reason = "restricted volume types";

    const char *hostPath = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: h
    hostPath:
      path: /
)";
    const char *hostPathDetail = R"(volume "h" uses restricted volume type "hostPath")";
    addForbidden(id, "hostPath", Restricted, "latest", hostPath, reason, hostPathDetail);
    addForbidden(id, "hostPath v1.0", Restricted, "v1.0", hostPath, reason, hostPathDetail);
    addNotRun(id, "not at baseline", Baseline, "latest", hostPath);

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: n
    nfs:
      server: s
      path: /
  - name: cfg
    configMap:
      name: c
  - name: h
    hostPath:
      path: /
)";
    addForbidden(id, "example", Restricted, "latest", example, reason,
                 R"(volumes "n", "h" use restricted volume types "hostPath", "nfs")");

    const char *twoOfOneType = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: a
    hostPath:
      path: /a
  - name: b
    hostPath:
      path: /b
)";
    addForbidden(id, "plural volumes, one type", Restricted, "latest", twoOfOneType, reason,
                 R"(volumes "a", "b" use restricted volume type "hostPath")");

    const char *typesSorted = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: g
    gitRepo:
      repository: r
  - name: e
    awsElasticBlockStore:
      volumeID: v
)";
    addForbidden(
        id, "types sorted", Restricted, "latest", typesSorted, reason,
        R"(volumes "g", "e" use restricted volume types "awsElasticBlockStore", "gitRepo")");

    const char *firstType = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: x
    nfs:
      server: s
      path: /
    hostPath:
      path: /
)";
    addForbidden(id, "first known type wins", Restricted, "latest", firstType, reason,
                 R"(volume "x" uses restricted volume type "hostPath")");

    const char *allowedSources = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: cm
    configMap:
      name: c
  - name: csi
    csi:
      driver: d
  - name: dapi
    downwardAPI: {}
  - name: ed
    emptyDir: {}
  - name: eph
    ephemeral: {}
  - name: img
    image:
      reference: r
  - name: pvc
    persistentVolumeClaim:
      claimName: c
  - name: proj
    projected: {}
  - name: sec
    secret:
      secretName: s
)";
    addAllowed(id, "allowed sources", Restricted, "latest", allowedSources);

    const char *noSource = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: nosource
)";
    addAllowed(id, "no source is emptyDir", Restricted, "latest", noSource);

    const char *mixed = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  volumes:
  - name: m
    hostPath:
      path: /
    emptyDir: {}
)";
    addAllowed(id, "allowed source beside hostPath", Restricted, "latest", mixed);
}

// §5.12
void TestCheckMessages::runAsNonRootRows()
{
    const char *id = "runAsNonRoot";
    const char *reason = "runAsNonRoot != true";

    const char *podFalse = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: false
  containers:
  - name: a
)";
    addForbidden(id, "pod false", Restricted, "latest", podFalse, reason,
                 "pod must not set securityContext.runAsNonRoot=false");
    addAllowed(id, "pod false hostUsers false v1.35", Restricted, "v1.35", R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  securityContext:
    runAsNonRoot: false
  containers:
  - name: a
)");

    const char *containersFalse = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: c
    securityContext:
      runAsNonRoot: false
  - name: d
    securityContext:
      runAsNonRoot: false
  - name: e
)";
    addForbidden(id, "containers false", Restricted, "latest", containersFalse, reason,
                 R"(containers "c", "d" must not set securityContext.runAsNonRoot=false)");

    const char *implicit = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  - name: b
    securityContext: {}
)";
    addForbidden(id, "implicit plural", Restricted, "latest", implicit, reason,
                 R"(pod or containers "a", "b" must set securityContext.runAsNonRoot=true)");
    addForbidden(id, "implicit plural v1.0", Restricted, "v1.0", implicit, reason,
                 R"(pod or containers "a", "b" must set securityContext.runAsNonRoot=true)");

    const char *implicitSingle =
        R"(pod or container "a" must set securityContext.runAsNonRoot=true)";
    addForbidden(id, "implicit singular", Restricted, "latest", MinimalPod, reason, implicitSingle);
    addForbidden(id, "windows pod not relaxed", Restricted, "latest", WindowsPod, reason,
                 implicitSingle);
    addForbidden(id, "hostUsers false v1.34", Restricted, "v1.34", UserNamespacePod, reason,
                 implicitSingle);
    addAllowed(id, "hostUsers false v1.35", Restricted, "v1.35", UserNamespacePod);
    addAllowed(id, "hostUsers false latest", Restricted, "latest", UserNamespacePod);
    addNotRun(id, "not at baseline", Baseline, "latest", MinimalPod);

    addForbidden(id, "implicit visit order", Restricted, "latest", VisitOrderPod, reason,
                 R"(pod or containers "i", "c", "e" must set securityContext.runAsNonRoot=true)");

    const char *podTrue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: a
  - name: b
    securityContext:
      runAsNonRoot: true
)";
    addAllowed(id, "pod true", Restricted, "latest", podTrue);

    const char *explicitWins = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  - name: b
    securityContext:
      runAsNonRoot: false
)";
    addForbidden(id, "explicit wins over implicit", Restricted, "latest", explicitWins, reason,
                 R"(container "b" must not set securityContext.runAsNonRoot=false)");

    const char *podAndContainer = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: false
  containers:
  - name: c
    securityContext:
      runAsNonRoot: false
  - name: d
    securityContext:
      runAsNonRoot: true
)";
    addForbidden(id, "pod and container", Restricted, "latest", podAndContainer, reason,
                 R"(pod and container "c" must not set securityContext.runAsNonRoot=false)");

    const char *oneImplicit = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      runAsNonRoot: true
  - name: b
)";
    addForbidden(id, "one implicit container", Restricted, "latest", oneImplicit, reason,
                 R"(pod or container "b" must set securityContext.runAsNonRoot=true)");
}

// §5.13
void TestCheckMessages::runAsUserRows()
{
    const char *id = "runAsUser";
    const char *reason = "runAsUser=0";

    const char *podZero = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 0
  containers:
  - name: a
    securityContext:
      runAsUser: 1000
)";
    addForbidden(id, "pod zero, container overrides", Restricted, "latest", podZero, reason,
                 "pod must not set runAsUser=0");
    addForbidden(id, "pod zero v1.23", Restricted, "v1.23", podZero, reason,
                 "pod must not set runAsUser=0");
    addNotRun(id, "absent before v1.23", Restricted, "v1.22", podZero);
    addNotRun(id, "not at baseline", Baseline, "latest", podZero);

    const char *containersZero = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 1000
  containers:
  - name: c
    securityContext:
      runAsUser: 0
  - name: d
    securityContext:
      runAsUser: 0
  - name: e
    securityContext:
      runAsUser: 1000
  - name: f
)";
    addForbidden(id, "containers zero", Restricted, "latest", containersZero, reason,
                 R"(containers "c", "d" must not set runAsUser=0)");

    const char *podAndContainer = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 0
  initContainers:
  - name: x
    securityContext:
      runAsUser: 0
  containers:
  - name: a
)";
    addForbidden(id, "pod and container", Restricted, "latest", podAndContainer, reason,
                 R"(pod and container "x" must not set runAsUser=0)");

    const char *userNamespace = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  securityContext:
    runAsUser: 0
  containers:
  - name: a
    securityContext:
      runAsUser: 0
)";
    addForbidden(id, "hostUsers false v1.34", Restricted, "v1.34", userNamespace, reason,
                 R"(pod and container "a" must not set runAsUser=0)");
    addAllowed(id, "hostUsers false v1.35", Restricted, "v1.35", userNamespace);
    addAllowed(id, "hostUsers false latest", Restricted, "latest", userNamespace);

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 1000
  containers:
  - name: a
    securityContext:
      runAsUser: 1
  - name: b
)";
    addAllowed(id, "non-zero or unset", Restricted, "latest", good);
}

// §5.14
void TestCheckMessages::seLinuxOptionsRows()
{
    const char *id = "seLinuxOptions";
    const char *reason = "seLinuxOptions";

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seLinuxOptions:
      type: foo
  containers:
  - name: a
    securityContext:
      seLinuxOptions:
        type: container_t
  - name: e
    securityContext:
      seLinuxOptions:
        type: bar
  - name: f
    securityContext:
      seLinuxOptions:
        user: u
  - name: g
    securityContext:
      seLinuxOptions:
        role: r
)";
    addForbidden(
        id, "example", Baseline, "latest", example, reason,
        R"(pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set)");

    const char *podRole = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seLinuxOptions:
      role: r
  containers:
  - name: a
)";
    addForbidden(id, "pod role", Baseline, "latest", podRole, reason,
                 "pod set forbidden securityContext.seLinuxOptions: role may not be set");

    const char *engine = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      seLinuxOptions:
        type: container_engine_t
)";
    const char *engineDetail =
        R"(container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t")";
    addForbidden(id, "container_engine_t v1.30", Baseline, "v1.30", engine, reason, engineDetail);
    addForbidden(id, "container_engine_t restricted v1.30", Restricted, "v1.30", engine, reason,
                 engineDetail);
    addAllowed(id, "container_engine_t v1.31", Baseline, "v1.31", engine);
    addAllowed(id, "container_engine_t latest", Restricted, "latest", engine);

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seLinuxOptions:
      type: container_t
      level: s0:c1,c2
  containers:
  - name: a
    securityContext:
      seLinuxOptions:
        type: container_init_t
  - name: b
    securityContext:
      seLinuxOptions:
        type: container_kvm_t
        user: ""
        role: ""
  - name: c
    securityContext:
      seLinuxOptions:
        type: ""
  - name: d
    securityContext:
      seLinuxOptions: {}
)";
    addAllowed(id, "allowed types v1.0", Baseline, "v1.0", good);

    const char *user = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      seLinuxOptions:
        user: system_u
)";
    addForbidden(
        id, "container user", Baseline, "latest", user, reason,
        R"(container "a" set forbidden securityContext.seLinuxOptions: user may not be set)");

    const char *everything = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      seLinuxOptions:
        role: r
        user: u
        type: spc_t
)";
    addForbidden(
        id, "type user role in one container", Baseline, "latest", everything, reason,
        R"(container "a" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set; role may not be set)");
}

// §5.15
void TestCheckMessages::seccompProfileBaselineRows()
{
    const char *id = "seccompProfile_baseline";
    const char *reason = "seccompProfile";

    const char *annotations = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
    container.seccomp.security.alpha.kubernetes.io/b: unknown
    container.seccomp.security.alpha.kubernetes.io/a: unconfined
spec:
  containers:
  - name: a
  - name: b
)";
    const char *annotationsDetail =
        R"(forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown", seccomp.security.alpha.kubernetes.io/pod="unconfined")";
    addForbidden(id, "annotations v1.18", Baseline, "v1.18", annotations, reason,
                 annotationsDetail);
    addForbidden(id, "annotations v1.0", Baseline, "v1.0", annotations, reason, annotationsDetail);
    addForbidden(id, "annotations restricted v1.18", Restricted, "v1.18", annotations, reason,
                 annotationsDetail);
    addAllowed(id, "annotations ignored v1.19", Baseline, "v1.19", annotations);
    addNotRun(id, "overridden at restricted v1.19", Restricted, "v1.19", annotations);

    const char *emptyPod = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: ""
spec:
  containers:
  - name: a
)";
    addForbidden(id, "empty annotation is bad", Baseline, "v1.0", emptyPod, reason,
                 R"(forbidden annotation seccomp.security.alpha.kubernetes.io/pod="")");

    const char *goodAnnotations = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
    container.seccomp.security.alpha.kubernetes.io/a: docker/default
    container.seccomp.security.alpha.kubernetes.io/b: localhost/profile.json
    container.seccomp.security.alpha.kubernetes.io/ghost: unconfined
spec:
  containers:
  - name: a
  - name: b
)";
    addAllowed(id, "good annotations, unknown container ignored", Baseline, "v1.18",
               goodAnnotations);

    const char *quoteValue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.seccomp.security.alpha.kubernetes.io/a: 'un"conf\ined'
spec:
  initContainers:
  - name: a
  containers:
  - name: b
)";
    addForbidden(
        id, "GoQuote quote and backslash", Baseline, "v1.18", quoteValue, reason,
        R"(forbidden annotation container.seccomp.security.alpha.kubernetes.io/a="un\"conf\\ined")");

    const char *newlineValue = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: "a\nb"
spec:
  containers:
  - name: a
)";
    addForbidden(id, "GoQuote newline", Baseline, "v1.18", newlineValue, reason,
                 R"(forbidden annotation seccomp.security.alpha.kubernetes.io/pod="a\nb")");

    const char *fields = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
  containers:
  - name: a
    securityContext:
      seccompProfile:
        type: RuntimeDefault
  - name: c
    securityContext:
      seccompProfile:
        type: Unconfined
  - name: d
    securityContext:
      seccompProfile:
        type: Unconfined
)";
    const char *fieldsDetail =
        R"(pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined")";
    addForbidden(id, "fields v1.19", Baseline, "v1.19", fields, reason, fieldsDetail);
    addForbidden(id, "fields latest", Baseline, "latest", fields, reason, fieldsDetail);
    addAllowed(id, "fields ignored v1.18", Baseline, "v1.18", fields);

    const char *sortedValues = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: Localhost
      localhostProfile: p.json
  containers:
  - name: a
    securityContext:
      seccompProfile:
        type: Unconfined
  - name: b
    securityContext:
      seccompProfile:
        type: Foo
  - name: c
)";
    addForbidden(
        id, "fields sorted set", Baseline, "latest", sortedValues, reason,
        R"(containers "a", "b" must not set securityContext.seccompProfile.type to "Foo", "Unconfined")");

    addAllowed(id, "fields unset", Baseline, "latest", MinimalPod);
}

// §5.16
void TestCheckMessages::seccompProfileRestrictedRows()
{
    const char *id = "seccompProfile_restricted";
    const char *reason = "seccompProfile";

    const char *implicitSingle =
        R"(pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")";
    addForbidden(id, "implicit singular", Restricted, "latest", MinimalPod, reason, implicitSingle);
    addForbidden(id, "implicit singular v1.19", Restricted, "v1.19", MinimalPod, reason,
                 implicitSingle);
    addNotRun(id, "absent before v1.19", Restricted, "v1.18", MinimalPod);
    addNotRun(id, "not at baseline", Baseline, "latest", MinimalPod);
    addForbidden(id, "windows v1.24", Restricted, "v1.24", WindowsPod, reason, implicitSingle);
    addAllowed(id, "windows v1.25", Restricted, "v1.25", WindowsPod);
    addAllowed(id, "windows latest", Restricted, "latest", WindowsPod);

    addForbidden(
        id, "implicit visit order", Restricted, "latest", VisitOrderPod, reason,
        R"(pod or containers "i", "c", "e" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")");

    const char *containersBad = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: c
    securityContext:
      seccompProfile:
        type: Unconfined
  - name: d
    securityContext:
      seccompProfile:
        type: Unconfined
  - name: e
)";
    addForbidden(
        id, "containers explicit", Restricted, "latest", containersBad, reason,
        R"(containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined")");

    const char *podGood = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: a
  - name: b
    securityContext:
      seccompProfile:
        type: Localhost
        localhostProfile: p.json
)";
    addAllowed(id, "pod RuntimeDefault", Restricted, "latest", podGood);

    const char *containerGood = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext:
      seccompProfile:
        type: Localhost
        localhostProfile: p.json
)";
    addAllowed(id, "container Localhost", Restricted, "latest", containerGood);

    const char *explicitWins = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
  - name: b
    securityContext:
      seccompProfile:
        type: Unconfined
)";
    addForbidden(
        id, "explicit wins over implicit", Restricted, "latest", explicitWins, reason,
        R"(container "b" must not set securityContext.seccompProfile.type to "Unconfined")");

    const char *podBad = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
  containers:
  - name: a
)";
    addForbidden(id, "pod explicit", Restricted, "latest", podBad, reason,
                 R"(pod must not set securityContext.seccompProfile.type to "Unconfined")");

    const char *podAndContainer = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
  containers:
  - name: a
    securityContext:
      seccompProfile:
        type: Foo
  - name: b
)";
    addForbidden(
        id, "pod and container explicit", Restricted, "latest", podAndContainer, reason,
        R"(pod and container "a" must not set securityContext.seccompProfile.type to "Foo", "Unconfined")");

    const char *annotationIgnored = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
    container.seccomp.security.alpha.kubernetes.io/a: runtime/default
spec:
  containers:
  - name: a
)";
    addForbidden(id, "annotations ignored", Restricted, "v1.19", annotationIgnored, reason,
                 implicitSingle);
}

// §5.17
void TestCheckMessages::sysctlsRows()
{
    const char *id = "sysctls";
    const char *reason = "forbidden sysctls";

    const char *ab = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: a
      value: "1"
    - name: b
      value: "1"
  containers:
  - name: a
)";
    addForbidden(id, "a, b", Baseline, "latest", ab, reason, "a, b");
    addForbidden(id, "a, b restricted", Restricted, "latest", ab, reason, "a, b");

    const char *kernel = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: kernel.msgmax
      value: "1"
    - name: net.ipv4.tcp_syncookies
      value: "1"
    - name: fs.mqueue.msg_max
      value: "1"
  containers:
  - name: a
)";
    addForbidden(id, "spec order, not sorted", Baseline, "v1.0", kernel, reason,
                 "kernel.msgmax, fs.mqueue.msg_max");

    const char *duplicates = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: z
      value: "1"
    - name: kernel.shm_rmid_forced
      value: "1"
    - name: z
      value: "2"
    - name: a
      value: "1"
  containers:
  - name: a
)";
    addForbidden(id, "duplicates kept", Baseline, "latest", duplicates, reason, "z, z, a");

    const char *v10 = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: kernel.shm_rmid_forced
      value: "1"
    - name: net.ipv4.ip_local_port_range
      value: "1024 65535"
    - name: net.ipv4.tcp_syncookies
      value: "1"
    - name: net.ipv4.ping_group_range
      value: "0 0"
    - name: net.ipv4.ip_unprivileged_port_start
      value: "0"
  containers:
  - name: a
)";
    addAllowed(id, "v1.0 safe names", Baseline, "v1.0", v10);

    const char *v127 = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: net.ipv4.ip_local_reserved_ports
      value: "8080"
  containers:
  - name: a
)";
    addForbidden(id, "ip_local_reserved_ports v1.26", Baseline, "v1.26", v127, reason,
                 "net.ipv4.ip_local_reserved_ports");
    addAllowed(id, "ip_local_reserved_ports v1.27", Baseline, "v1.27", v127);

    const char *v129 = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: net.ipv4.tcp_keepalive_time
      value: "1"
    - name: net.ipv4.tcp_fin_timeout
      value: "1"
    - name: net.ipv4.tcp_keepalive_intvl
      value: "1"
    - name: net.ipv4.tcp_keepalive_probes
      value: "1"
  containers:
  - name: a
)";
    addForbidden(id, "tcp_keepalive v1.28", Baseline, "v1.28", v129, reason,
                 "net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, "
                 "net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes");
    addAllowed(id, "tcp_keepalive v1.29", Baseline, "v1.29", v129);

    const char *v132 = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: net.ipv4.tcp_rmem
      value: "4096 87380 16777216"
  containers:
  - name: a
)";
    addForbidden(id, "tcp_rmem v1.31", Baseline, "v1.31", v132, reason, "net.ipv4.tcp_rmem");
    addForbidden(id, "tcp_rmem restricted v1.31", Restricted, "v1.31", v132, reason,
                 "net.ipv4.tcp_rmem");
    addAllowed(id, "tcp_rmem v1.32", Baseline, "v1.32", v132);

    const char *wmem = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: net.ipv4.tcp_wmem
      value: "4096 16384 4194304"
  containers:
  - name: a
)";
    addAllowed(id, "tcp_wmem v1.32", Baseline, "v1.32", wmem);

    const char *v137 = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: net.ipv4.tcp_slow_start_after_idle
      value: "0"
    - name: net.ipv4.tcp_notsent_lowat
      value: "16384"
  containers:
  - name: a
)";
    addForbidden(id, "v1.37 names at v1.36", Baseline, "v1.36", v137, reason,
                 "net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat");
    addAllowed(id, "v1.37 names at v1.37", Baseline, "v1.37", v137);
    addAllowed(id, "v1.37 names at latest", Baseline, "latest", v137);
    addAllowed(id, "v1.37 names at v1.99", Restricted, "v1.99", v137);
}

// §5.18
void TestCheckMessages::windowsHostProcessRows()
{
    const char *id = "windowsHostProcess";
    const char *reason = "hostProcess";

    const char *example = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    windowsOptions:
      hostProcess: true
  containers:
  - name: d
    securityContext:
      windowsOptions:
        hostProcess: false
  - name: e
    securityContext:
      windowsOptions:
        hostProcess: true
  - name: f
    securityContext:
      windowsOptions:
        hostProcess: true
)";
    addForbidden(
        id, "example", Baseline, "latest", example, reason,
        R"(pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true)");

    const char *container = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os:
    name: windows
  containers:
  - name: a
    securityContext:
      windowsOptions:
        hostProcess: true
)";
    const char *containerDetail =
        R"(container "a" must not set securityContext.windowsOptions.hostProcess=true)";
    addForbidden(id, "container", Baseline, "latest", container, reason, containerDetail);
    addForbidden(id, "windows pod at restricted", Restricted, "latest", container, reason,
                 containerDetail);

    const char *pod = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    windowsOptions:
      hostProcess: true
  containers:
  - name: a
)";
    addForbidden(id, "pod on a non-Windows pod", Baseline, "v1.0", pod, reason,
                 "pod must not set securityContext.windowsOptions.hostProcess=true");

    const char *good = R"(
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    windowsOptions:
      hostProcess: false
  containers:
  - name: a
    securityContext:
      windowsOptions:
        runAsUserName: u
  - name: b
)";
    addAllowed(id, "false or unset", Baseline, "latest", good);
}

void TestCheckMessages::checkDetail_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("level");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("checkId");
    QTest::addColumn<bool>("expectedAllowed");
    QTest::addColumn<QByteArray>("expectedReason");
    QTest::addColumn<QByteArray>("expectedDetail");
    /// false: the check must not run at all (findResult returns nullptr).
    QTest::addColumn<bool>("expectedRun");

    allowPrivilegeEscalationRows();
    appArmorProfileRows();
    capabilitiesBaselineRows();
    capabilitiesRestrictedRows();
    hostNamespacesRows();
    hostPathVolumesRows();
    hostPortsRows();
    hostProbesAndHostLifecycleRows();
    privilegedRows();
    procMountRows();
    procMountRestrictedRows();
    restrictedVolumesRows();
    runAsNonRootRows();
    runAsUserRows();
    seLinuxOptionsRows();
    seccompProfileBaselineRows();
    seccompProfileRestrictedRows();
    sysctlsRows();
    windowsHostProcessRows();
}

void TestCheckMessages::checkDetail()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, level);
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, checkId);
    QFETCH(bool, expectedAllowed);
    QFETCH(QByteArray, expectedReason);
    QFETCH(QByteArray, expectedDetail);
    QFETCH(bool, expectedRun);

    const std::string text = yaml.toStdString();
    const auto parsed = TestUtil::parse(text);
    QVERIFY(parsed.file->errors.empty());
    QCOMPARE(parsed.objects.size(), std::size_t(1));
    QVERIFY(parsed.object().kind == K8s::Kind::Pod);

    const auto evaluation = TestUtil::evaluate(text, level.constData(), version.constData());
    const auto *result = TestUtil::findResult(
        evaluation, std::string_view(checkId.constData(), std::size_t(checkId.size())));
    if (!expectedRun) {
        QVERIFY2(result == nullptr, "the check ran but should not be selected");
        return;
    }
    QVERIFY2(result != nullptr, "the check did not run");
    QVERIFY2(result->allowed == expectedAllowed,
             qPrintable(
                 QStringLiteral("expected %1, got reason \"%2\", detail \"%3\"")
                     .arg(expectedAllowed ? QStringLiteral("allowed") : QStringLiteral("forbidden"),
                          QString::fromStdString(result->reason),
                          QString::fromStdString(result->detail))));
    if (!expectedAllowed) {
        QCOMPARE(QByteArray::fromStdString(result->reason), expectedReason);
        QCOMPARE(QByteArray::fromStdString(result->detail), expectedDetail);
    }
}

namespace {

/// The entry of check id in a list of "id@1.N" entries, or -1.
qsizetype indexOfCheck(const QStringList &list, const QString &id)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).section(QLatin1Char('@'), 0, 0) == id)
            return i;
    }
    return -1;
}

/// Replaces the entry with the same check ID ("sysctls@1.27" replaces "sysctls@1.0").
void setVariant(QStringList &list, const QString &entry)
{
    const qsizetype i = indexOfCheck(list, entry.section(QLatin1Char('@'), 0, 0));
    Q_ASSERT(i >= 0);
    list[i] = entry;
}

void removeCheck(QStringList &list, const QString &id)
{
    const qsizetype i = indexOfCheck(list, id);
    Q_ASSERT(i >= 0);
    list.removeAt(i);
}

void insertAfter(QStringList &list, const QString &afterId, const QString &entry)
{
    const qsizetype i = indexOfCheck(list, afterId);
    Q_ASSERT(i >= 0);
    list.insert(i + 1, entry);
}

void insertBefore(QStringList &list, const QString &beforeId, const QString &entry)
{
    const qsizetype i = indexOfCheck(list, beforeId);
    Q_ASSERT(i >= 0);
    list.insert(i, entry);
}

void addSelectionRow(const char *level, const QString &version, const QStringList &expected)
{
    QTest::addRow("%s:%s", level, qPrintable(version))
        << QString::fromLatin1(level) << version << expected;
}

} // namespace

void TestCheckMessages::checkSelection_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("version");
    /// "id@1.N": the check IDs in reporting order, with the minimum version of the variant
    /// in force (v1.0 variants are "@1.0").
    QTest::addColumn<QStringList>("expected");

    const auto v = [](int minor) {
        return QStringLiteral("v1.%1").arg(minor);
    };

    // §2.4 baseline: the v1.0 list, then the change at each listed version.
    QStringList baseline = {
        QStringLiteral("appArmorProfile@1.0"),
        QStringLiteral("capabilities_baseline@1.0"),
        QStringLiteral("hostNamespaces@1.0"),
        QStringLiteral("hostPathVolumes@1.0"),
        QStringLiteral("hostPorts@1.0"),
        QStringLiteral("privileged@1.0"),
        QStringLiteral("procMount@1.0"),
        QStringLiteral("seLinuxOptions@1.0"),
        QStringLiteral("seccompProfile_baseline@1.0"),
        QStringLiteral("sysctls@1.0"),
        QStringLiteral("windowsHostProcess@1.0"),
    };
    for (int minor = 0; minor <= 38; ++minor) {
        switch (minor) {
        case 19:
            setVariant(baseline, QStringLiteral("seccompProfile_baseline@1.19"));
            break;
        case 27:
            setVariant(baseline, QStringLiteral("sysctls@1.27"));
            break;
        case 29:
            setVariant(baseline, QStringLiteral("sysctls@1.29"));
            break;
        case 31:
            setVariant(baseline, QStringLiteral("seLinuxOptions@1.31"));
            break;
        case 32:
            setVariant(baseline, QStringLiteral("sysctls@1.32"));
            break;
        case 34:
            insertAfter(baseline, QStringLiteral("hostPorts"),
                        QStringLiteral("hostProbesAndHostLifecycle@1.34"));
            break;
        case 35:
            setVariant(baseline, QStringLiteral("procMount@1.35"));
            break;
        case 37:
            setVariant(baseline, QStringLiteral("sysctls@1.37"));
            break;
        default:
            break;
        }
        addSelectionRow(Baseline, v(minor), baseline);
    }
    // §2.4 "v1.37, newer, latest": 12 checks.
    const QStringList baselineNewest = {
        QStringLiteral("appArmorProfile@1.0"), QStringLiteral("capabilities_baseline@1.0"),
        QStringLiteral("hostNamespaces@1.0"),  QStringLiteral("hostPathVolumes@1.0"),
        QStringLiteral("hostPorts@1.0"),       QStringLiteral("hostProbesAndHostLifecycle@1.34"),
        QStringLiteral("privileged@1.0"),      QStringLiteral("procMount@1.35"),
        QStringLiteral("seLinuxOptions@1.31"), QStringLiteral("seccompProfile_baseline@1.19"),
        QStringLiteral("sysctls@1.37"),        QStringLiteral("windowsHostProcess@1.0"),
    };
    addSelectionRow(Baseline, QStringLiteral("v1.99"), baselineNewest);
    addSelectionRow(Baseline, QStringLiteral("v1.10000"), baselineNewest);
    addSelectionRow(Baseline, QStringLiteral("latest"), baselineNewest);

    // §2.4 restricted: the v1.0 list, then the change at each listed version.
    QStringList restricted = {
        QStringLiteral("appArmorProfile@1.0"),   QStringLiteral("capabilities_baseline@1.0"),
        QStringLiteral("hostNamespaces@1.0"),    QStringLiteral("hostPorts@1.0"),
        QStringLiteral("privileged@1.0"),        QStringLiteral("procMount@1.0"),
        QStringLiteral("seLinuxOptions@1.0"),    QStringLiteral("seccompProfile_baseline@1.0"),
        QStringLiteral("sysctls@1.0"),           QStringLiteral("windowsHostProcess@1.0"),
        QStringLiteral("restrictedVolumes@1.0"), QStringLiteral("runAsNonRoot@1.0"),
    };
    for (int minor = 0; minor <= 38; ++minor) {
        switch (minor) {
        case 8:
            insertBefore(restricted, QStringLiteral("restrictedVolumes"),
                         QStringLiteral("allowPrivilegeEscalation@1.8"));
            break;
        case 19:
            removeCheck(restricted, QStringLiteral("seccompProfile_baseline"));
            restricted.append(QStringLiteral("seccompProfile_restricted@1.19"));
            break;
        case 22:
            removeCheck(restricted, QStringLiteral("capabilities_baseline"));
            insertAfter(restricted, QStringLiteral("allowPrivilegeEscalation"),
                        QStringLiteral("capabilities_restricted@1.22"));
            break;
        case 23:
            insertBefore(restricted, QStringLiteral("seccompProfile_restricted"),
                         QStringLiteral("runAsUser@1.23"));
            break;
        case 25:
            setVariant(restricted, QStringLiteral("allowPrivilegeEscalation@1.25"));
            setVariant(restricted, QStringLiteral("capabilities_restricted@1.25"));
            setVariant(restricted, QStringLiteral("seccompProfile_restricted@1.25"));
            break;
        case 27:
            setVariant(restricted, QStringLiteral("sysctls@1.27"));
            break;
        case 29:
            setVariant(restricted, QStringLiteral("sysctls@1.29"));
            break;
        case 31:
            setVariant(restricted, QStringLiteral("seLinuxOptions@1.31"));
            break;
        case 32:
            setVariant(restricted, QStringLiteral("sysctls@1.32"));
            break;
        case 34:
            insertAfter(restricted, QStringLiteral("hostPorts"),
                        QStringLiteral("hostProbesAndHostLifecycle@1.34"));
            break;
        case 35:
            removeCheck(restricted, QStringLiteral("procMount"));
            insertAfter(restricted, QStringLiteral("capabilities_restricted"),
                        QStringLiteral("procMount_restricted@1.35"));
            setVariant(restricted, QStringLiteral("runAsNonRoot@1.35"));
            setVariant(restricted, QStringLiteral("runAsUser@1.35"));
            break;
        case 37:
            setVariant(restricted, QStringLiteral("sysctls@1.37"));
            break;
        default:
            break;
        }
        addSelectionRow(Restricted, v(minor), restricted);
    }
    // §2.4 "v1.37, newer, latest": the 15 checks listed there.
    const QStringList restrictedNewest = {
        QStringLiteral("appArmorProfile@1.0"),
        QStringLiteral("hostNamespaces@1.0"),
        QStringLiteral("hostPorts@1.0"),
        QStringLiteral("hostProbesAndHostLifecycle@1.34"),
        QStringLiteral("privileged@1.0"),
        QStringLiteral("seLinuxOptions@1.31"),
        QStringLiteral("sysctls@1.37"),
        QStringLiteral("windowsHostProcess@1.0"),
        QStringLiteral("allowPrivilegeEscalation@1.25"),
        QStringLiteral("capabilities_restricted@1.25"),
        QStringLiteral("procMount_restricted@1.35"),
        QStringLiteral("restrictedVolumes@1.0"),
        QStringLiteral("runAsNonRoot@1.35"),
        QStringLiteral("runAsUser@1.35"),
        QStringLiteral("seccompProfile_restricted@1.25"),
    };
    addSelectionRow(Restricted, QStringLiteral("v1.99"), restrictedNewest);
    addSelectionRow(Restricted, QStringLiteral("v1.10000"), restrictedNewest);
    addSelectionRow(Restricted, QStringLiteral("latest"), restrictedNewest);

    // §1.1: privileged runs nothing.
    addSelectionRow("privileged", QStringLiteral("v1.0"), {});
    addSelectionRow("privileged", QStringLiteral("v1.34"), {});
    addSelectionRow("privileged", QStringLiteral("latest"), {});
}

void TestCheckMessages::checkSelection()
{
    QFETCH(QString, level);
    QFETCH(QString, version);
    QFETCH(QStringList, expected);

    const auto parsedLevel = Policy::parseLevel(level.toStdString());
    const auto parsedVersion = Policy::Version::parse(version.toStdString());
    QVERIFY(parsedLevel.has_value());
    QVERIFY(parsedVersion.has_value());

    QStringList selected;
    for (const auto &s : Policy::checksFor(*parsedLevel, *parsedVersion)) {
        QVERIFY(s.check != nullptr);
        QVERIFY(s.variant != nullptr);
        selected
            << QStringLiteral("%1@1.%2").arg(idString(s.check->id)).arg(s.variant->minimumVersion);
    }
    QCOMPARE(selected, expected);

    // The evaluator reports exactly those checks, in the same order.
    QStringList expectedIds;
    for (const QString &entry : expected)
        expectedIds << entry.section(QLatin1Char('@'), 0, 0);
    const auto evaluation =
        TestUtil::evaluate(MinimalPod, level.toUtf8().constData(), version.toUtf8().constData());
    QStringList ran;
    for (const auto &r : evaluation.results)
        ran << idString(r.id);
    QCOMPARE(ran, expectedIds);
}

void TestCheckMessages::aggregateMessages_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("level");
    QTest::addColumn<bool>("expectedAllowed");
    QTest::addColumn<QByteArray>("expectedReason");
    QTest::addColumn<QByteArray>("expectedDetail");

    // §3 and §8 row 1: one container "nginx", nothing set.
    const QByteArray nginx = R"(
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx
)";
    QTest::newRow("nginx restricted")
        << nginx << QByteArray(Restricted) << false
        << QByteArray("allowPrivilegeEscalation != false, unrestricted capabilities, "
                      "runAsNonRoot != true, seccompProfile")
        << QByteArray(
               R"(allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"))");
    QTest::newRow("nginx baseline")
        << nginx << QByteArray(Baseline) << true << QByteArray() << QByteArray();

    // §8 row 2: Windows pod, container "app", nothing set.
    const QByteArray windows = R"(
apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - name: app
)";
    QTest::newRow("windows restricted")
        << windows << QByteArray(Restricted) << false << QByteArray("runAsNonRoot != true")
        << QByteArray(
               R"(runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true))");
    QTest::newRow("windows baseline")
        << windows << QByteArray(Baseline) << true << QByteArray() << QByteArray();

    // §8 row 3: user namespace, runAsUser 0 on pod and container, procMount Unmasked.
    const QByteArray userNamespace = R"(
apiVersion: v1
kind: Pod
metadata:
  name: userns
spec:
  hostUsers: false
  securityContext:
    runAsUser: 0
  containers:
  - name: app
    securityContext:
      procMount: Unmasked
      runAsUser: 0
)";
    QTest::newRow("user namespace restricted")
        << userNamespace << QByteArray(Restricted) << false
        << QByteArray("allowPrivilegeEscalation != false, unrestricted capabilities, procMount, "
                      "seccompProfile")
        << QByteArray(
               R"(allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), procMount (container "app" must not set securityContext.procMount to "Unmasked"), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"))");
    QTest::newRow("user namespace baseline")
        << userNamespace << QByteArray(Baseline) << true << QByteArray() << QByteArray();

    // §8 row 4: a privileged host agent.
    const QByteArray agent = R"(
apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  hostNetwork: true
  hostPID: true
  volumes:
  - name: rootfs
    hostPath:
      path: /
  containers:
  - name: agent
    securityContext:
      privileged: true
      capabilities:
        add: [SYS_ADMIN, NET_RAW]
    ports:
    - containerPort: 8080
      hostPort: 8080
)";
    QTest::newRow("agent restricted")
        << agent << QByteArray(Restricted) << false
        << QByteArray("host namespaces, hostPort, privileged, allowPrivilegeEscalation != false, "
                      "unrestricted capabilities, restricted volume types, runAsNonRoot != true, "
                      "seccompProfile")
        << QByteArray(
               R"(host namespaces (hostNetwork=true, hostPID=true), hostPort (container "agent" uses hostPort 8080), privileged (container "agent" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "agent" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "agent" must set securityContext.capabilities.drop=["ALL"]; container "agent" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add), restricted volume types (volume "rootfs" uses restricted volume type "hostPath"), runAsNonRoot != true (pod or container "agent" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "agent" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"))");
    QTest::newRow("agent baseline")
        << agent << QByteArray(Baseline) << false
        << QByteArray("non-default capabilities, host namespaces, hostPath volumes, hostPort, "
                      "privileged")
        << QByteArray(
               R"(non-default capabilities (container "agent" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add), host namespaces (hostNetwork=true, hostPID=true), hostPath volumes (volume "rootfs"), hostPort (container "agent" uses hostPort 8080), privileged (container "agent" must not set securityContext.privileged=true))");

    // A pod that meets restricted: nothing is aggregated.
    const QByteArray compliant = R"(
apiVersion: v1
kind: Pod
metadata:
  name: good
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: app
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop: [ALL]
)";
    QTest::newRow("compliant restricted")
        << compliant << QByteArray(Restricted) << true << QByteArray() << QByteArray();
}

void TestCheckMessages::aggregateMessages()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, level);
    QFETCH(bool, expectedAllowed);
    QFETCH(QByteArray, expectedReason);
    QFETCH(QByteArray, expectedDetail);

    const std::string text = yaml.toStdString();
    const auto parsed = TestUtil::parse(text);
    QVERIFY(parsed.file->errors.empty());
    QCOMPARE(parsed.objects.size(), std::size_t(1));

    const auto evaluation = TestUtil::evaluate(text, level.constData(), "latest");
    QCOMPARE(evaluation.allowed(), expectedAllowed);
    QCOMPARE(QByteArray::fromStdString(evaluation.aggregateReason()), expectedReason);
    QCOMPARE(QByteArray::fromStdString(evaluation.aggregateDetail()), expectedDetail);
}

QTEST_GUILESS_MAIN(TestCheckMessages)
#include "tst_checkmessages.moc"
