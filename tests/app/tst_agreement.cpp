// SPDX-License-Identifier: Apache-2.0
// The window and `podsec check` answer the same: the same input goes through the CLI (as a
// process, --format json) and through the window's snapshot (built file by file, as a
// streamed cluster read builds it), and every object's checks at baseline and restricted,
// its enforce/audit/warn verdicts and messages, its exemption and the "denied by enforce"
// count must agree.
#include "engine/workspacesnapshot.h"
#include "podtestutil.h"
#include "policy/registry.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <tuple>

using namespace PodSec;

namespace {

QJsonObject podsecJson(const QStringList &args, int expectedExit)
{
    QProcess p;
    p.start(QStringLiteral(PODSEC_CLI_PATH), args);
    if (!p.waitForFinished(120000))
        return {};
    if (p.exitCode() != expectedExit)
        qWarning() << "podsec exited" << p.exitCode() << p.readAllStandardError();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// Files in the order the CLI reads a folder (sorted paths).
std::vector<WorkspaceFile> readFiles(const QStringList &paths)
{
    std::vector<WorkspaceFile> files;
    for (const auto &path : paths) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.emplace_back(path.toStdString(), f.readAll().toStdString());
    }
    return files;
}

/// The window's way: one file more each round, reusing the previous snapshot.
WorkspaceSnapshot streamed(const std::vector<WorkspaceFile> &files, const SnapshotOptions &options)
{
    std::optional<WorkspaceSnapshot> snapshot;
    std::vector<WorkspaceFile> growing;
    for (const auto &f : files) {
        growing.push_back(f);
        auto next = buildSnapshot(growing, options, {}, nullptr, snapshot ? &*snapshot : nullptr);
        snapshot = std::move(next);
    }
    return std::move(*snapshot);
}

QString modeText(const WorkloadEntry &w, Column mode)
{
    const ModeVerdict &m = *w.admission.mode(mode);
    return q(m.policy.toString()) +
           (m.applies ? QStringLiteral(" applies ") : QStringLiteral(" - ")) +
           (m.allowed ? QStringLiteral("allowed ") : QStringLiteral("denied ")) +
           q(w.message(mode));
}

QString modeText(const QJsonObject &m)
{
    return m[QLatin1String("policy")].toString() +
           (m[QLatin1String("applies")].toBool() ? QStringLiteral(" applies ")
                                                 : QStringLiteral(" - ")) +
           (m[QLatin1String("allowed")].toBool() ? QStringLiteral("allowed ")
                                                 : QStringLiteral("denied ")) +
           m[QLatin1String("message")].toString();
}

/// A workload entry's evaluation keeps failing results only: every other check its level
/// runs at its version passed (WorkloadEntry::baseline). Told in the CLI's order.
QString checksText(const Policy::Evaluation &e, bool hasTemplate)
{
    QString out;
    for (const auto &s : Policy::checksFor(e.policy.level, e.policy.version)) {
        if (!hasTemplate)
            break;
        const auto id = s.check->id;
        const auto r = std::find_if(e.results.begin(), e.results.end(),
                                    [&](const Policy::CheckResult &x) { return x.id == id; });
        out += QLatin1String(id.data(), int(id.size())) +
               (r == e.results.end() ? QStringLiteral(" ok; ")
                                     : QStringLiteral(" ") + q(r->detail) + QStringLiteral("; "));
    }
    for (const auto &r : e.results) {
        if (r.allowed)
            out += QStringLiteral("passing result kept: ") +
                   QLatin1String(r.id.data(), int(r.id.size()));
    }
    return out;
}

QString checksText(const QJsonArray &checks)
{
    QString out;
    for (const auto &c : checks) {
        const auto o = c.toObject();
        out += o[QLatin1String("id")].toString() +
               (o[QLatin1String("allowed")].toBool()
                    ? QStringLiteral(" ok; ")
                    : QStringLiteral(" ") + o[QLatin1String("detail")].toString() +
                          QStringLiteral("; "));
    }
    return out;
}

/// Compares the CLI's reports (restricted and baseline, with --admission) with a snapshot.
void compare(const QStringList &cliArgs, const std::vector<WorkspaceFile> &files,
             const WorkspaceSnapshot &snapshot, int expectedExit)
{
    const auto restricted =
        podsecJson(QStringList{QStringLiteral("check"), QStringLiteral("--admission"),
                               QStringLiteral("--format=json")} +
                       cliArgs,
                   expectedExit);
    const auto baseline = podsecJson(
        QStringList{QStringLiteral("check"), QStringLiteral("--admission"),
                    QStringLiteral("--level=baseline"), QStringLiteral("--format=json")} +
            cliArgs,
        expectedExit);
    const auto objects = restricted[QLatin1String("objects")].toArray();
    const auto baselineObjects = baseline[QLatin1String("objects")].toArray();
    QCOMPARE(objects.size(), baselineObjects.size());
    QCOMPARE(std::size_t(objects.size()), snapshot.workloads.size());
    QVERIFY(!objects.isEmpty());

    std::map<std::tuple<std::string, int, int>, const WorkloadEntry *> byPlace;
    for (const auto &w : snapshot.workloads)
        byPlace[{files.at(std::size_t(w.file)).path, w.id().document, w.id().item}] = &w;
    int denied = 0;
    for (int i = 0; i < objects.size(); ++i) {
        const auto o = objects[i].toObject();
        const auto source = o[QLatin1String("source")].toObject();
        const auto it = byPlace.find(
            {source[QLatin1String("file")].toString().toStdString(),
             source[QLatin1String("document")].toInt(),
             source.contains(QLatin1String("item")) ? source[QLatin1String("item")].toInt() : -1});
        QVERIFY2(it != byPlace.end(), qPrintable(o[QLatin1String("name")].toString()));
        const WorkloadEntry &w = *it->second;
        const QString what = q(w.id().kind) + QLatin1Char(' ') + q(w.id().namespaceName) +
                             QLatin1Char('/') + q(w.id().name) + QStringLiteral(": ");
        QCOMPARE(what + o[QLatin1String("kind")].toString() + QLatin1Char(' ') +
                     o[QLatin1String("name")].toString(),
                 what + q(w.id().kind) + QLatin1Char(' ') + q(w.id().name));
        QCOMPARE(what + checksText(o[QLatin1String("checks")].toArray()),
                 what + checksText(w.restricted, w.id().hasTemplate));
        QCOMPARE(what +
                     checksText(baselineObjects[i].toObject()[QLatin1String("checks")].toArray()),
                 what + checksText(w.baseline, w.id().hasTemplate));
        const auto admission = o[QLatin1String("admission")].toObject();
        QCOMPARE(what + admission[QLatin1String("exempt")].toString(),
                 what + QLatin1String(Admission::exemptionName(w.admission.exempt)));
        QCOMPARE(what + modeText(admission[QLatin1String("enforce")].toObject()),
                 what + modeText(w, Column::Enforce));
        QCOMPARE(what + modeText(admission[QLatin1String("audit")].toObject()),
                 what + modeText(w, Column::Audit));
        QCOMPARE(what + modeText(admission[QLatin1String("warn")].toObject()),
                 what + modeText(w, Column::Warn));
        denied += w.deniedByEnforce;
    }
    QCOMPARE(restricted[QLatin1String("summary")].toObject()[QLatin1String("denied")].toInt(),
             denied);
}

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &text)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
    return path;
}

} // namespace

class TestAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleWorkspace()
    {
        const QString sample = QStringLiteral(PODSEC_SOURCE_DIR "/resources/sample/workspace");
        QStringList paths;
        QDirIterator it(sample, {QStringLiteral("*.yaml"), QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            paths << it.next();
        paths.sort();
        const auto files = readFiles(paths);
        const auto snapshot = streamed(files, {});
        compare(paths, files, snapshot, 1);
    }

    void streamedCluster()
    {
        // List pages as the API server sends them (items without kind), namespaces first,
        // an exempt namespace and an exempt runtime class from a configuration file.
        QTemporaryDir dir;
        const QString config =
            writeFile(dir, "psa.yaml", R"(apiVersion: pod-security.admission.config.k8s.io/v1
kind: PodSecurityConfiguration
defaults: {enforce: baseline, warn: restricted}
exemptions: {namespaces: [kube-system], runtimeClasses: [kata]}
)");
        const QStringList pages = {
            writeFile(dir, "1-namespaces.json",
                      R"({"kind": "NamespaceList", "apiVersion": "v1", "items": [
 {"metadata": {"name": "shop", "labels": {"pod-security.kubernetes.io/enforce": "restricted"}}},
 {"metadata": {"name": "lab"}},
 {"metadata": {"name": "kube-system"}},
 {"metadata": {"name": "legacy", "labels": {"pod-security.kubernetes.io/enforce": "privileged",
   "pod-security.kubernetes.io/audit": "baseline", "pod-security.kubernetes.io/warn-version": "v1.22"}}}]})"),
            writeFile(dir, "2-pods.json", R"({"kind": "PodList", "apiVersion": "v1", "items": [
 {"metadata": {"name": "web-1", "namespace": "shop", "uid": "p1",
   "ownerReferences": [{"kind": "ReplicaSet", "name": "web-5d", "uid": "rs1", "controller": true}]},
  "spec": {"containers": [{"name": "app", "image": "nginx", "securityContext": {"privileged": true}}]}},
 {"metadata": {"name": "probe", "namespace": "lab"},
  "spec": {"hostNetwork": true, "containers": [{"name": "c", "image": "busybox"}]}},
 {"metadata": {"name": "proxy", "namespace": "kube-system"},
  "spec": {"hostPID": true, "containers": [{"name": "c", "image": "k"}]}},
 {"metadata": {"name": "vm", "namespace": "lab"},
  "spec": {"runtimeClassName": "kata", "hostIPC": true, "containers": [{"name": "c", "image": "v"}]}},
 {"metadata": {"name": "old", "namespace": "legacy"},
  "spec": {"containers": [{"name": "c", "image": "o", "ports": [{"containerPort": 80, "hostPort": 80}]}]}}]})"),
            writeFile(dir, "3-deployments.json",
                      R"({"kind": "DeploymentList", "apiVersion": "apps/v1", "items": [
 {"metadata": {"name": "web", "namespace": "shop", "uid": "d1"},
  "spec": {"template": {"spec": {"containers": [{"name": "app", "image": "nginx",
    "securityContext": {"privileged": true}}]}}}},
 {"metadata": {"name": "tools", "namespace": "lab", "uid": "d2"},
  "spec": {"template": {"spec": {"securityContext": {"runAsNonRoot": true},
    "containers": [{"name": "t", "image": "t"}]}}}}]})"),
            writeFile(dir, "4-replicasets.json",
                      R"({"kind": "ReplicaSetList", "apiVersion": "apps/v1", "items": [
 {"metadata": {"name": "web-5d", "namespace": "shop", "uid": "rs1",
   "ownerReferences": [{"kind": "Deployment", "name": "web", "uid": "d1", "controller": true}]},
  "spec": {"template": {"spec": {"containers": [{"name": "app", "image": "nginx",
    "securityContext": {"privileged": true}}]}}}}]})"),
        };
        SnapshotOptions options;
        std::vector<Diagnostic> errors;
        QFile f(config);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto parsed = Admission::parseAdmissionConfig(f.readAll().toStdString(), errors);
        QVERIFY(parsed);
        options.admissionConfig = *parsed;
        const auto files = readFiles(pages);
        const auto snapshot = streamed(files, options);
        QCOMPARE(snapshot.workloads.size(), std::size_t(8)); // 5 pods, 2 deployments, 1 replica set
        compare(QStringList{QStringLiteral("--admission-config"), config} + pages, files, snapshot,
                1);
        // The same pages judged again from the facts of a snapshot built without the
        // configuration (issue #19): still what the CLI says.
        const auto plain = buildSnapshot(files, {});
        const auto again = buildSnapshot(files, options, {}, nullptr, &*plain);
        QVERIFY(again && again->workloads.front().facts == plain->workloads.front().facts);
        compare(QStringList{QStringLiteral("--admission-config"), config} + pages, files, *again,
                1);
    }

    // The real corpus at v1.24, built at that version and judged again from the facts of a
    // snapshot built at latest (issue #19): both as `podsec check --version v1.24` says.
    void realCorpusAtAnotherVersion()
    {
        const QStringList paths =
            TestUtil::manifestPaths(TestUtil::sharedPath(QStringLiteral("corpus/real")));
        QVERIFY(paths.size() > 50);
        const auto files = readFiles(paths);
        SnapshotOptions v124;
        v124.version = Policy::Version::v1(24);
        const QStringList args = QStringList{QStringLiteral("--version"), QStringLiteral("v1.24")};
        const auto direct = buildSnapshot(files, v124);
        QVERIFY(direct);
        compare(args + paths, files, *direct, 2);
        const auto latest = buildSnapshot(files, {});
        const auto again = buildSnapshot(files, v124, {}, nullptr, &*latest);
        QVERIFY(again && again->workloads.front().facts == latest->workloads.front().facts);
        compare(args + paths, files, *again, 2);
    }
};

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
