// SPDX-License-Identifier: Apache-2.0
// Version comparison (issue 18 item 4): the checks that differ between two policy versions,
// from the registry, and the workloads whose failing checks differ, from the snapshot. The
// expected version history is spec/pss-checks.md §2.1 and §2.3.
#include "podtestutil.h"

#include "engine/versiondiff.h"
#include "engine/workspacesnapshot.h"

#include <QFile>
#include <QTest>

using namespace PodSec;
using Engine::CheckChangeKind;
using Policy::Level;
using Policy::Version;

namespace {

Version version(const char *text)
{
    const auto v = Version::parse(text);
    if (!v)
        qFatal("bad version %s", text);
    return *v;
}

/// The changes as "id change v1.N" lines, for readable comparisons.
QStringList changeLines(const std::vector<Engine::CheckChange> &changes)
{
    QStringList lines;
    for (const auto &c : changes)
        lines.push_back(QString::fromStdString(c.id + ' ' + Engine::checkChangeName(c.change) +
                                               ' ' + c.versionText()));
    return lines;
}

std::string fixture()
{
    QFile f(TestUtil::testDataPath(QStringLiteral("versiondiff/workloads.yaml")));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture");
    return f.readAll().toStdString();
}

WorkspaceSnapshot snapshotAt(const char *v, const std::string &text = fixture())
{
    SnapshotOptions options;
    options.version = version(v);
    auto s = buildSnapshot({WorkspaceFile("workloads.yaml", text)}, options);
    if (!s)
        qFatal("no snapshot");
    return std::move(*s);
}

Engine::VersionDiff diff(const char *from, const char *to, Level level = Level::Restricted)
{
    return Engine::diffSnapshots(snapshotAt(from), snapshotAt(to), level);
}

QStringList names(const Engine::VersionDiff &d)
{
    QStringList out;
    for (const auto &o : d.objects)
        out.push_back(QString::fromStdString(o.name));
    return out;
}

QStringList ids(const Engine::VersionVerdict &v)
{
    QStringList out;
    for (const auto &id : v.failingIds())
        out.push_back(QString::fromStdString(id));
    return out;
}

const Engine::ObjectVersionChange &object(const Engine::VersionDiff &d, const char *name)
{
    for (const auto &o : d.objects) {
        if (o.name == name)
            return o;
    }
    qFatal("%s is not listed", name);
}

} // namespace

class TestVersionDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runAsUserAppearsAtV123()
    {
        QCOMPARE(changeLines(
                     Engine::checkChanges(Level::Restricted, version("v1.22"), version("v1.23"))),
                 QStringList{QStringLiteral("runAsUser added v1.23")});
        // The other way round it is removed, dated by the same version.
        QCOMPARE(changeLines(
                     Engine::checkChanges(Level::Restricted, version("v1.23"), version("v1.22"))),
                 QStringList{QStringLiteral("runAsUser removed v1.23")});
        // runAsUser is a restricted check: baseline does not change.
        QVERIFY(Engine::checkChanges(Level::Baseline, version("v1.22"), version("v1.23")).empty());
    }

    void restrictedFromV124ToLatest()
    {
        // spec/pss-checks.md §2.3, restricted rows v1.25 … v1.37, in reference order.
        const QStringList expected{
            QStringLiteral("hostProbesAndHostLifecycle added v1.34"),
            QStringLiteral("procMount removed v1.35"),
            QStringLiteral("seLinuxOptions changed v1.31"),
            QStringLiteral("sysctls changed v1.37"),
            QStringLiteral("allowPrivilegeEscalation changed v1.25"),
            QStringLiteral("capabilities_restricted changed v1.25"),
            QStringLiteral("procMount_restricted added v1.35"),
            QStringLiteral("runAsNonRoot changed v1.35"),
            QStringLiteral("runAsUser changed v1.35"),
            QStringLiteral("seccompProfile_restricted changed v1.25"),
        };
        QCOMPARE(changeLines(
                     Engine::checkChanges(Level::Restricted, version("v1.24"), Version::latest())),
                 expected);
    }

    void baselineFromV124ToLatest()
    {
        QCOMPARE(
            changeLines(Engine::checkChanges(Level::Baseline, version("v1.24"), Version::latest())),
            (QStringList{QStringLiteral("hostProbesAndHostLifecycle added v1.34"),
                         QStringLiteral("procMount changed v1.35"),
                         QStringLiteral("seLinuxOptions changed v1.31"),
                         QStringLiteral("sysctls changed v1.37")}));
    }

    void overridesAtRestricted()
    {
        // v1.21 → v1.22: capabilities_restricted replaces capabilities_baseline.
        QCOMPARE(changeLines(
                     Engine::checkChanges(Level::Restricted, version("v1.21"), version("v1.22"))),
                 (QStringList{QStringLiteral("capabilities_baseline removed v1.22"),
                              QStringLiteral("capabilities_restricted added v1.22")}));
        // A check that appeared and later changed is dated by its appearance when added.
        const auto changes =
            Engine::checkChanges(Level::Restricted, version("v1.7"), version("v1.25"));
        QVERIFY(
            changeLines(changes).contains(QStringLiteral("allowPrivilegeEscalation added v1.8")));
        QVERIFY(
            changeLines(changes).contains(QStringLiteral("seccompProfile_restricted added v1.19")));
        QVERIFY(
            changeLines(changes).contains(QStringLiteral("seccompProfile_baseline removed v1.19")));
    }

    void sameBehaviourMeansNoChange()
    {
        // latest, v1.37 and anything newer evaluate alike (spec §1.2).
        QVERIFY(
            Engine::checkChanges(Level::Restricted, Version::latest(), version("v1.37")).empty());
        QVERIFY(
            Engine::checkChanges(Level::Restricted, version("v1.99"), Version::latest()).empty());
        QVERIFY(
            Engine::checkChanges(Level::Restricted, version("v1.25"), version("v1.26")).empty());
        QVERIFY(
            Engine::checkChanges(Level::Privileged, version("v1.0"), Version::latest()).empty());
    }

    void runAsRootGetsStricterAtV123()
    {
        const auto d = diff("v1.22", "v1.23");
        QCOMPARE(names(d), QStringList{QStringLiteral("runs-as-root")});
        const auto &o = d.objects.front();
        QCOMPARE(o.kind, std::string("Deployment"));
        QCOMPARE(o.namespaceName, std::string("web"));
        QCOMPARE(o.source, std::string("workloads.yaml:42"));
        QVERIFY(o.from.allowed);
        QVERIFY(ids(o.from).isEmpty());
        QVERIFY(!o.to.allowed);
        QCOMPARE(ids(o.to), QStringList{QStringLiteral("runAsUser")});
        // Field by field: the failing field the evaluation names.
        QCOMPARE(o.to.failing.front().fields.size(), std::size_t(1));
        QCOMPARE(o.to.failing.front().fields.front().first,
                 std::string("spec.template.spec.containers[0].securityContext.runAsUser"));
        QCOMPARE(o.to.failing.front().fields.front().second, std::string("0"));
        QVERIFY(o.stricter());
        QVERIFY(d.stricter());
        QCOMPARE(changeLines(d.checks), QStringList{QStringLiteral("runAsUser added v1.23")});
    }

    void backwardsIsNotStricter()
    {
        const auto d = diff("v1.23", "v1.22");
        QCOMPARE(names(d), QStringList{QStringLiteral("runs-as-root")});
        const auto &o = d.objects.front();
        QVERIFY(!o.from.allowed);
        QCOMPARE(ids(o.from), QStringList{QStringLiteral("runAsUser")});
        QVERIFY(o.to.allowed);
        QVERIFY(!o.stricter());
        QVERIFY(!d.stricter());
    }

    void windowsPodRelaxedAtV125()
    {
        const auto d = diff("v1.24", "v1.25");
        // Unchanged workloads are not listed: the passing one, the one failing privileged
        // at both, and runs-as-root (runAsUser at both).
        QCOMPARE(names(d), QStringList{QStringLiteral("windows")});
        const auto &o = object(d, "windows");
        QCOMPARE(ids(o.from), (QStringList{QStringLiteral("allowPrivilegeEscalation"),
                                           QStringLiteral("capabilities_restricted"),
                                           QStringLiteral("seccompProfile_restricted")}));
        QVERIFY(!o.from.allowed);
        QVERIFY(o.to.allowed);
        QVERIFY(!d.stricter());
        // Back to v1.24 the Windows pod gains three failing checks.
        const auto back = diff("v1.25", "v1.24");
        QVERIFY(object(back, "windows").stricter());
        QVERIFY(back.stricter());
    }

    // A check that went and came back under another id over the same field (procMount →
    // procMount_restricted at v1.35) asks nothing new of the object: not stricter. A check
    // newly failing on another field is, though the object was denied before too.
    void sameFieldUnderANewCheckIsNotStricter()
    {
        const std::string pods = R"(apiVersion: v1
kind: Pod
metadata: {name: unmasked, namespace: web}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: app
    image: nginx
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL]}
      procMount: Unmasked
---
apiVersion: v1
kind: Pod
metadata: {name: probed, namespace: web}
spec:
  containers:
  - name: app
    image: nginx
    securityContext: {privileged: true}
    livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}
)";
        const auto renamed = Engine::diffSnapshots(snapshotAt("v1.34", pods),
                                                   snapshotAt("v1.35", pods), Level::Restricted);
        const auto &o = object(renamed, "unmasked");
        QCOMPARE(ids(o.from), QStringList{QStringLiteral("procMount")});
        QCOMPARE(ids(o.to), QStringList{QStringLiteral("procMount_restricted")});
        QVERIFY(!o.stricter());
        const auto added = Engine::diffSnapshots(snapshotAt("v1.33", pods),
                                                 snapshotAt("v1.34", pods), Level::Baseline);
        const auto &p = object(added, "probed");
        QVERIFY(!p.from.allowed);
        QVERIFY(p.to.notIn(p.from).size() == 1);
        QVERIFY(p.stricter());
        QVERIFY(added.stricter());
    }

    void sysctlAtBaseline()
    {
        const auto d = diff("v1.26", "v1.27", Level::Baseline);
        QCOMPARE(names(d), QStringList{QStringLiteral("reserved-ports")});
        const auto &o = d.objects.front();
        QCOMPARE(ids(o.from), QStringList{QStringLiteral("sysctls")});
        QCOMPARE(o.from.failing.front().fields.front().first,
                 std::string("spec.securityContext.sysctls[0].name"));
        QVERIFY(o.to.allowed);
        QCOMPARE(changeLines(d.checks), QStringList{QStringLiteral("sysctls changed v1.27")});
        QVERIFY(!d.stricter());
    }

    void sameVersionListsNothing()
    {
        const auto d = diff("latest", "v1.37");
        QVERIFY(d.objects.empty());
        QVERIFY(d.checks.empty());
    }

    void compareFromTheWindowsSnapshot()
    {
        // The window's snapshot is at latest; both sides are evaluated as needed.
        const auto latest = snapshotAt("latest");
        const auto d = Engine::compareVersions(latest, SnapshotOptions{}, Level::Restricted,
                                               version("v1.22"), Version::latest());
        QVERIFY(d.has_value());
        QCOMPARE(d->from.toString(), std::string("v1.22"));
        QCOMPARE(d->to.toString(), std::string("latest"));
        // runs-as-root gets runAsUser; the Windows pod is exempt from v1.25; reserved-ports
        // passes sysctls from v1.27.
        QCOMPARE(names(*d), (QStringList{QStringLiteral("runs-as-root"), QStringLiteral("windows"),
                                         QStringLiteral("reserved-ports")}));
        QVERIFY(object(*d, "runs-as-root").stricter());
        QVERIFY(!object(*d, "windows").stricter());
        QVERIFY(!object(*d, "reserved-ports").stricter());
        QCOMPARE(object(*d, "windows").key, latest.workloads[3].key());
        // Neither side at the snapshot's version: both are evaluated again.
        const auto older = Engine::compareVersions(latest, SnapshotOptions{}, Level::Restricted,
                                                   version("v1.22"), version("v1.23"));
        QVERIFY(older.has_value());
        QCOMPARE(names(*older), QStringList{QStringLiteral("runs-as-root")});
        QVERIFY(older->stricter());
    }

    void knownVersionsNewestFirst()
    {
        const auto versions = Engine::knownVersions();
        QCOMPARE(versions.size(), std::size_t(Policy::NewestMinor + 2));
        QVERIFY(versions.front().isLatest());
        QCOMPARE(versions[1].toString(), std::string("v1.37"));
        QCOMPARE(versions.back().toString(), std::string("v1.0"));
    }
};

QTEST_GUILESS_MAIN(TestVersionDiff)
#include "tst_versiondiff.moc"
