// SPDX-License-Identifier: Apache-2.0
// The workspace snapshot: reuse of unchanged files from a previous snapshot (a cluster read
// page by page) gives the same answer as a fresh build, and live objects are linked to the
// workload that controls them.
#include "podtestutil.h"

#include "access/accessmodel.h"
#include "engine/namespacenumbers.h"
#include "engine/workspacesnapshot.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <string>

using namespace PodSec;

namespace {

const char *const Namespaces = R"(apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Namespace
metadata:
  name: lab
)";

const char *const Pods = R"(apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop}
spec:
  containers:
  - name: app
    image: nginx
    securityContext: {privileged: true}
---
apiVersion: v1
kind: Pod
metadata: {name: lab-1, namespace: lab}
spec:
  hostNetwork: true
  containers:
  - {name: app, image: busybox}
)";

const char *const MorePods = R"({"kind":"PodList","apiVersion":"v1","items":[
{"metadata":{"name":"api-1","namespace":"shop"},
 "spec":{"containers":[{"name":"api","image":"api","securityContext":{"runAsUser":0}}]}}]})";

// ci/deployer may create Pods in lab, which enforces the default level.
const char *const Rbac = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deploy, namespace: lab}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {kind: ServiceAccount, name: deployer, namespace: ci}
)";

/// The severities of a subject's createWorkloads risks, scope by scope.
QStringList createWorkloads(const WorkspaceSnapshot &s)
{
    QStringList out;
    for (const auto &subject : s.access->subjects) {
        for (const auto &r : subject.risks) {
            if (r.id == Access::RiskId::CreateWorkloads)
                out << QString::fromStdString(subject.subject.display() + ' ' + r.scope + ' ' +
                                              Engine::severityName(r.severity));
        }
    }
    return out;
}

/// Everything an access result says, line by line.
QStringList accessText(const Access::AccessResult &r)
{
    QStringList out;
    for (const auto &p : r.problems)
        out << QString::fromStdString(problemLine(p.file, p.diagnostic));
    for (const auto &subject : r.subjects) {
        out << QString::fromStdString(subject.subject.display());
        for (const auto &risk : subject.risks) {
            QString line = QString::fromStdString(std::string("  ") + Access::riskName(risk.id) +
                                                  ' ' + Engine::severityName(risk.severity) + ' ' +
                                                  risk.scope + ": " + risk.detail);
            for (const auto &link : risk.chain)
                line += QString::fromStdString(" <- " + link.kind + '/' + link.namespaceName + '/' +
                                               link.name + ' ' + link.source.file + ':' +
                                               std::to_string(link.source.line));
            out << line;
        }
    }
    return out;
}

WorkspaceFile file(const std::string &path, const std::string &text)
{
    return WorkspaceFile(path, text);
}

/// The namespaces, the given pods.yaml and more.json.
std::vector<WorkspaceFile> threeFiles(const std::string &pods)
{
    return {file("ns.yaml", Namespaces), file("pods.yaml", pods), file("more.json", MorePods)};
}

/// Pods with web-1 no longer privileged.
std::string editedPods()
{
    std::string edited = Pods;
    edited.replace(edited.find("privileged: true"), 16, "privileged: false");
    return edited;
}

/// What a snapshot says, workload by workload, in a form QCOMPARE can show.
QStringList summary(const WorkspaceSnapshot &s)
{
    QStringList lines;
    for (const auto &ns : s.namespaces) {
        QString line = QString::fromStdString("ns " + ns.name + ':');
        for (int c = 0; c < ColumnCount; ++c)
            line += QLatin1Char(' ') + QLatin1String(verdictName(ns.verdicts[c]));
        lines << line;
        for (int w : ns.workloads) {
            const auto &e = s.workloads[std::size_t(w)];
            QString wl = QString::fromStdString("  " + e.key() + ':');
            for (int c = 0; c < ColumnCount; ++c)
                wl += QLatin1Char(' ') + QLatin1String(verdictName(e.verdicts[c]));
            std::size_t reasons = 0;
            for (const auto *evaluation : {&e.baseline, &e.restricted}) {
                for (const auto &r : evaluation->results)
                    reasons += r.allowed ? 0 : r.reason.size() + r.detail.size();
            }
            wl += QStringLiteral(" fields=%1 owner=%2 reasons=%3")
                      .arg(e.podFields.size() + e.id().containers.size())
                      .arg(s.workloads.owner(std::size_t(w)))
                      .arg(reasons);
            lines << wl;
        }
    }
    for (const auto &p : s.problems)
        lines << QStringLiteral("problem %1:%2: %3")
                     .arg(p.file)
                     .arg(p.diagnostic.line)
                     .arg(QString::fromStdString(p.diagnostic.message));
    return lines;
}

/// A copy of a snapshot whose workloads carry a marker, to see which ones were reused.
WorkspaceSnapshot marked(const WorkspaceSnapshot &s)
{
    WorkspaceSnapshot copy = s;
    copy.workloads = {};
    std::shared_ptr<WorkloadList::Block> block; // one per file, as buildSnapshot makes them
    for (const auto &entry : s.workloads) {
        if (!block || block->back().file != entry.file) {
            if (block)
                copy.workloads.append(block);
            block = std::make_shared<WorkloadList::Block>();
        }
        block->push_back(entry);
        block->back().admission.policyError = "reused-marker";
    }
    copy.workloads.append(block);
    copy.workloads.linkOwners();
    return copy;
}

int markedCount(const WorkspaceSnapshot &s)
{
    int n = 0;
    for (const auto &w : s.workloads)
        n += w.admission.policyError == "reused-marker";
    return n;
}

const WorkloadEntry *find(const WorkspaceSnapshot &s, const std::string &kind,
                          const std::string &name)
{
    for (const auto &w : s.workloads) {
        if (w.id().kind == kind && w.id().name == name)
            return &w;
    }
    return nullptr;
}

std::string ownerName(const WorkspaceSnapshot &s, const WorkloadEntry *w)
{
    const int index = s.workloads.indexOf(w);
    if (index < 0 || s.workloads.owner(std::size_t(index)) < 0)
        return "-";
    const auto &o = s.workloads[std::size_t(s.workloads.owner(std::size_t(index)))];
    return o.id().kind + '/' + o.id().name;
}

std::size_t ownedCount(const WorkspaceSnapshot &s, const WorkloadEntry *w)
{
    const int index = s.workloads.indexOf(w);
    return index < 0 ? 0 : s.workloads.owned(std::size_t(index)).size();
}

// A plain '"' character literal confuses moc's tokenizer; this does not.
const std::string Quote = "\"";

std::string meta(const std::string &name, const std::string &uid, const std::string &ownerKind,
                 const std::string &ownerName, const std::string &ownerUid,
                 const std::string &ns = "shop")
{
    std::string m = R"("metadata":{"name":")" + name + R"(","namespace":")" + ns + Quote;
    if (!uid.empty())
        m += R"(,"uid":")" + uid + Quote;
    if (!ownerKind.empty()) {
        m += R"(,"ownerReferences":[{"apiVersion":"v1","kind":")" + ownerKind + R"(","name":")" +
             ownerName + Quote;
        if (!ownerUid.empty())
            m += R"(,"uid":")" + ownerUid + Quote;
        m += R"(,"controller":true}])";
    }
    return m + '}';
}

const std::string PodSpec = R"("spec":{"containers":[{"name":"c","image":"i"}]})";
const std::string Template =
    R"("spec":{"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}})";
const std::string JobTemplate =
    R"("spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}}}})";

std::string object(const std::string &apiVersion, const std::string &kind,
                   const std::string &metadata, const std::string &spec)
{
    return R"({"apiVersion":")" + apiVersion + R"(","kind":")" + kind + R"(",)" + metadata + ',' +
           spec + '}';
}

} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A namespace's numbers: Pods enforce rejects, controllers whose Pods it would reject,
    // warn and audit, and the controls failing most at restricted.
    void namespaceNumbersCountWhatTheLabelsDo()
    {
        const char *text = R"(apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/audit: restricted}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      hostNetwork: true
      containers: [{name: a, image: x}]
---
apiVersion: v1
kind: Pod
metadata: {name: root, namespace: shop}
spec:
  hostPID: true
  containers: [{name: a, image: x}]
---
apiVersion: v1
kind: Pod
metadata: {name: almost, namespace: shop}
spec:
  containers: [{name: a, image: x}]
)";
        const auto s = buildSnapshot({file("shop.yaml", text)}, SnapshotOptions{});
        QVERIFY(s);
        const auto it = std::find_if(s->namespaces.begin(), s->namespaces.end(),
                                     [](const auto &n) { return n.name == "shop"; });
        QVERIFY(it != s->namespaces.end());
        const auto n = Engine::namespaceNumbers(*s, *it, 2);
        QCOMPARE(n.workloads, 3);
        QCOMPARE(n.pods, 2);
        QCOMPARE(n.podsRejected, 1);        // root: hostPID under enforce=baseline
        QCOMPARE(n.controllersRejected, 1); // web: its Pods would share the host network
        QCOMPARE(n.warned, 2); // web and almost; root is rejected, so no warning is sent
        QCOMPARE(n.failRestricted, 3);
        QCOMPARE(n.topControls.size(), std::size_t(2));
        QCOMPARE(n.topControls[0].second, 3); // every one of them fails these
        QCOMPARE(n.topControls[1].second, 3);
        QCOMPARE(n.topControls[0].first, std::string("allowPrivilegeEscalation"));
    }

    // A page appended to the workspace: the earlier files are reused, the new one is
    // evaluated, and the result equals a fresh build.
    void appendedFileReusesTheOthers()
    {
        const SnapshotOptions options;
        const auto first =
            buildSnapshot({file("ns.yaml", Namespaces), file("pods.yaml", Pods)}, options);
        QVERIFY(first);
        const auto previous = marked(*first);
        const std::vector<WorkspaceFile> grown = {
            file("ns.yaml", Namespaces), file("pods.yaml", Pods), file("more.json", MorePods)};
        const auto reused = buildSnapshot(grown, options, {}, nullptr, &previous);
        QVERIFY(reused);
        QCOMPARE(markedCount(*reused), 2); // web-1 and lab-1 came from the previous snapshot
        const auto unmarked = buildSnapshot(grown, options, {}, nullptr, first.operator->());
        const auto fresh = buildSnapshot(grown, options);
        QCOMPARE(summary(*unmarked), summary(*fresh));
        QCOMPARE(fresh->workloads.size(), std::size_t(3));
    }

    // A previous snapshot built with other options: every workload is judged again (the
    // version, the forced level, the admission defaults), and the access result is kept
    // when nothing it reads has changed, so switching the version does not read RBAC again.
    void otherOptionsKeepOnlyTheAccessResult()
    {
        SnapshotOptions options;
        options.evaluateAccess = true;
        std::vector<WorkspaceFile> files = {file("ns.yaml", Namespaces), file("pods.yaml", Pods),
                                            file("rbac.yaml", Rbac)};
        const auto first = buildSnapshot(files, options);
        QVERIFY(first && first->access);
        QCOMPARE(createWorkloads(*first),
                 QStringList{QStringLiteral("serviceaccount \"ci/deployer\" lab danger")});
        const auto previous = marked(*first);
        const auto judgedAgain = [&](const SnapshotOptions &other) {
            const auto again = buildSnapshot(files, other, {}, nullptr, &previous);
            return again && markedCount(*again) == 0 &&
                   summary(*again) == summary(*buildSnapshot(files, other));
        };

        SnapshotOptions version = options;
        version.version = *Policy::Version::parse("v1.22");
        QVERIFY(judgedAgain(version));
        QCOMPARE(buildSnapshot(files, version, {}, nullptr, &previous)->access, first->access);

        SnapshotOptions forced = options;
        forced.forcedLevel = Policy::Level::Restricted;
        QVERIFY(judgedAgain(forced));
        const auto forcedSnapshot = buildSnapshot(files, forced, {}, nullptr, &previous);
        QCOMPARE(forcedSnapshot->access, first->access);
        QCOMPARE(find(*forcedSnapshot, "Pod", "lab-1")->verdicts[int(Column::Enforce)],
                 Verdict::Fail); // reused from the first, it would pass

        // The defaults change what lab enforces: workloads and access are judged again.
        SnapshotOptions defaults = options;
        defaults.admissionConfig.defaults.enforce.level = Policy::Level::Restricted;
        QVERIFY(judgedAgain(defaults));
        const auto strict = buildSnapshot(files, defaults, {}, nullptr, &previous);
        QVERIFY(strict->access != first->access);
        QCOMPARE(createWorkloads(*strict),
                 QStringList{QStringLiteral("serviceaccount \"ci/deployer\" lab info")});

        // One byte of one file changed: access reads it again.
        files[2] =
            file("rbac.yaml", std::string(Rbac).replace(std::string(Rbac).find("lab"), 3, "lib"));
        const auto edited = buildSnapshot(files, options, {}, nullptr, &previous);
        QVERIFY(edited->access != first->access);
        QCOMPARE(createWorkloads(*edited),
                 QStringList{QStringLiteral("serviceaccount \"ci/deployer\" lib danger")});
    }

    // The snapshot reads the access model's input in its own pass over the documents; the
    // result is the one reading the texts apart gives (`podsec access`), problems included,
    // with and without the checklist (which builds trees for other kinds).
    void accessReadInThePassIsTheSame()
    {
        std::vector<WorkspaceFile> files;
        for (const auto &path :
             TestUtil::manifestPaths(TestUtil::sharedPath(QStringLiteral("corpus/real")))) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            files.push_back(file(path.toStdString(), f.readAll().toStdString()));
        }
        QVERIFY(files.size() > 50);
        // Problems of every sort: a syntax error, a Pod that does not decode (.inf), an
        // RBAC object with odd metadata, a kind nobody reads with text after "...", an empty
        // file.
        files.push_back(file("broken.yaml", "kind: Role\nrules: [\n"));
        files.push_back(file("undecodable.yaml",
                             "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\n"
                             "spec:\n  securityContext: {runAsUser: .inf}\n"
                             "  containers: [{name: c, image: i}]\n---\n"
                             "apiVersion: rbac.authorization.k8s.io/v1\n"
                             "kind: ClusterRole\nmetadata: [x]\n---\n"
                             "apiVersion: apiextensions.k8s.io/v1\n"
                             "kind: CustomResourceDefinition\nmetadata: {name: x}\n...\nafter\n"));
        files.push_back(file("empty.yaml", ""));
        files.push_back(file("rbac.yaml", Rbac));
        for (const bool checklist : {false, true}) {
            SnapshotOptions options;
            options.evaluateAccess = true;
            options.checklist = checklist;
            const auto snapshot = buildSnapshot(files, options);
            QVERIFY(snapshot && snapshot->access);
            std::vector<Access::InputText> texts;
            for (const auto &f : files)
                texts.push_back({f.path, f.text(), false});
            const auto apart = Access::evaluateAccess(texts, Access::AccessOptions{});
            const QStringList inPass = accessText(*snapshot->access);
            QVERIFY(inPass.size() > 20);
            QCOMPARE(inPass, accessText(*apart));
            QCOMPARE(snapshot->access->model->input().workloads.size(),
                     apart->model->input().workloads.size());
            // The snapshot's own problems are what they were without access.
            options.evaluateAccess = false;
            QCOMPARE(summary(*snapshot), summary(*buildSnapshot(files, options)));
        }
    }

    // A declared namespace knows where its Namespace object is (the last definition, as
    // for its labels); one that is only used has no place.
    void namespacesKnowTheirObject()
    {
        const std::string again = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n"
                                  "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, "
                                  "namespace: tmp}\nspec: {containers: [{name: c, image: i}]}\n";
        const auto s = buildSnapshot({file("ns.yaml", Namespaces), file("pods.yaml", Pods),
                                      file("more.json", MorePods), file("again.yaml", again)},
                                     SnapshotOptions{});
        QVERIFY(s);
        std::map<std::string, const NamespaceEntry *> byName;
        for (const auto &ns : s->namespaces)
            byName[ns.name] = &ns;
        QCOMPARE(byName.at("shop")->file, 0);
        QCOMPARE(byName.at("shop")->line, 1u);
        QCOMPARE(byName.at("shop")->offset, 0u);
        QCOMPARE(byName.at("lab")->file, 3); // the later definition
        QCOMPARE(byName.at("lab")->line, 1u);
        QCOMPARE(byName.at("lab")->endOffset, std::uint32_t(again.find("\n---")));
        QCOMPARE(byName.at("tmp")->file, -1); // only used, not declared
        QVERIFY(!byName.at("tmp")->declared);
    }

    // An edited file is evaluated again; the untouched ones are not.
    void editedFileIsEvaluatedAgain()
    {
        const SnapshotOptions options;
        const auto first = buildSnapshot(threeFiles(Pods), options);
        QVERIFY(first);
        const auto files = threeFiles(editedPods());
        const auto previous = marked(*first);
        const auto reused = buildSnapshot(files, options, {}, nullptr, &previous);
        QVERIFY(reused);
        QCOMPARE(markedCount(*reused), 1); // only api-1
        QVERIFY(find(*reused, "Pod", "web-1")->admission.policyError != "reused-marker");
        QCOMPARE(summary(*buildSnapshot(files, options, {}, nullptr, first.operator->())),
                 summary(*buildSnapshot(files, options)));
    }

    // A kept file's entries are the previous snapshot's own, shared rather than copied (a
    // cluster read page by page copied every entry into each new snapshot, issue #19), and
    // outlive that snapshot; an edited file's are new.
    void keptEntriesAreSharedNotCopied()
    {
        const SnapshotOptions options;
        auto first = buildSnapshot(threeFiles(Pods), options);
        QVERIFY(first);
        const auto files = threeFiles(editedPods());
        const auto second = buildSnapshot(files, options, {}, nullptr, &*first);
        QVERIFY(second);
        QCOMPARE(second->workloads.size(), first->workloads.size());
        int shared = 0;
        for (std::size_t i = 0; i < second->workloads.size(); ++i) {
            const bool same = &second->workloads[i] == &first->workloads[i];
            QCOMPARE(same, second->workloads[i].id().name == "api-1"); // more.json's only
            shared += same;
        }
        QCOMPARE(shared, 1);
        const QStringList before = summary(*second);
        first.reset();
        QCOMPARE(summary(*second), before);
        QCOMPARE(before, summary(*buildSnapshot(files, options)));
    }

    // A namespace whose labels change makes every file with workloads in it count as
    // changed, even when its own text is the same.
    void changedNamespaceLabelsInvalidateReuse()
    {
        const SnapshotOptions options;
        const auto first = buildSnapshot(
            {file("ns.yaml", Namespaces), file("pods.yaml", Pods), file("more.json", MorePods)},
            options);
        QVERIFY(first);
        std::string relaxed = Namespaces;
        relaxed.replace(relaxed.find("enforce: restricted"), 19, "enforce: baseline");
        const std::vector<WorkspaceFile> files = {file("ns.yaml", relaxed), file("pods.yaml", Pods),
                                                  file("more.json", MorePods)};
        const auto previous = marked(*first);
        const auto reused = buildSnapshot(files, options, {}, nullptr, &previous);
        QVERIFY(reused);
        // pods.yaml has a pod in shop, more.json only shop: neither may be reused.
        QCOMPARE(markedCount(*reused), 0);
        const auto fresh = buildSnapshot(files, options);
        QCOMPARE(summary(*reused), summary(*fresh));
        // runAsUser 0 is allowed by enforce=baseline now.
        QCOMPARE(find(*fresh, "Pod", "api-1")->verdicts[int(Column::Enforce)], Verdict::Pass);
        QCOMPARE(find(*first, "Pod", "api-1")->verdicts[int(Column::Enforce)], Verdict::Fail);
    }

    // A namespace declared only in a later page: the pods of an earlier page that land in
    // it are evaluated again under its labels.
    void namespaceArrivingLaterIsApplied()
    {
        const SnapshotOptions options;
        const auto first = buildSnapshot({file("pods.yaml", Pods)}, options);
        QVERIFY(first);
        QCOMPARE(find(*first, "Pod", "web-1")->verdicts[int(Column::Enforce)], Verdict::Pass);
        const auto previous = marked(*first);
        const std::vector<WorkspaceFile> files = {file("pods.yaml", Pods),
                                                  file("ns.yaml", Namespaces)};
        const auto grown = buildSnapshot(files, options, {}, nullptr, &previous);
        QVERIFY(grown);
        QCOMPARE(markedCount(*grown), 0);
        QCOMPARE(find(*grown, "Pod", "web-1")->verdicts[int(Column::Enforce)], Verdict::Fail);
        QCOMPARE(summary(*grown), summary(*buildSnapshot(files, options)));
    }

    // Parse errors of a reused file are kept, once.
    void problemsOfReusedFilesKept()
    {
        const SnapshotOptions options;
        const std::string broken = "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n";
        const auto first = buildSnapshot({file("bad.yaml", broken)}, options);
        QVERIFY(first);
        QCOMPARE(first->problems.size(), std::size_t(1));
        const std::vector<WorkspaceFile> files = {file("bad.yaml", broken),
                                                  file("pods.yaml", Pods)};
        const auto grown = buildSnapshot(files, options, {}, nullptr, first.operator->());
        QVERIFY(grown);
        QCOMPARE(summary(*grown), summary(*buildSnapshot(files, options)));
        QCOMPARE(grown->problems.size(), std::size_t(1));
    }

    // A file that could not be read has its read error as its only problem (not "empty
    // file"); the walk's problems lead, named by path; reuse keeps both, once.
    void readErrorsAndWalkProblems()
    {
        const SnapshotOptions options;
        WorkspaceFile unreadable = file("big.yaml", "");
        unreadable.readError = "file is 2 KiB, larger than the size limit of 1 KiB";
        const std::vector<WorkspaceFile> files = {file("pods.yaml", Pods), unreadable};
        const std::vector<FileProblem> walk = {
            {-1, Diagnostic{0, 1, 1, "dangling symbolic link", false}, "gone.yaml"}};
        const auto first = buildSnapshot(files, options, {}, nullptr, nullptr, walk);
        QVERIFY(first);
        const auto lines = [](const WorkspaceSnapshot &s) {
            std::vector<std::string> out;
            for (const auto &p : s.problems)
                out.push_back(problemLine(s.problemPath(p), p.diagnostic));
            return out;
        };
        const std::vector<std::string> expected = {
            "gone.yaml:1:1: dangling symbolic link",
            "big.yaml:1:1: file is 2 KiB, larger than the size limit of 1 KiB"};
        QCOMPARE(lines(*first), expected);
        const auto again = buildSnapshot(files, options, {}, nullptr, first.operator->(), walk);
        QVERIFY(again);
        QCOMPARE(lines(*again), expected);
        // Read at last: its problems are its text's.
        std::vector<WorkspaceFile> read = files;
        read[1].setText("");
        const auto third = buildSnapshot(read, options, {}, nullptr, again.operator->());
        QVERIFY(third);
        QCOMPARE(lines(*third),
                 std::vector<std::string>{"big.yaml:1:1: empty file: no YAML documents"});
    }

    // Deployment → ReplicaSet → Pod and CronJob → Job → Pod, by uid.
    void ownersLinkedByUid()
    {
        const std::string items =
            object("apps/v1", "Deployment", meta("web", "d1", "", "", ""), Template) + ',' +
            object("apps/v1", "ReplicaSet", meta("web-5d8", "r1", "Deployment", "web", "d1"),
                   Template) +
            ',' +
            object("v1", "Pod", meta("web-5d8-a", "p1", "ReplicaSet", "web-5d8", "r1"), PodSpec) +
            ',' +
            object("v1", "Pod", meta("web-5d8-b", "p2", "ReplicaSet", "web-5d8", "r1"), PodSpec) +
            ',' + object("batch/v1", "CronJob", meta("nightly", "c1", "", "", ""), JobTemplate) +
            ',' +
            object("batch/v1", "Job", meta("nightly-29", "j1", "CronJob", "nightly", "c1"),
                   Template) +
            ',' +
            object("v1", "Pod", meta("nightly-29-x", "p3", "Job", "nightly-29", "j1"), PodSpec);
        const auto s = buildSnapshot(
            {file("live.json", R"({"apiVersion":"v1","kind":"List","items":[)" + items + "]}")},
            {});
        QVERIFY(s);
        QCOMPARE(s->workloads.size(), std::size_t(7));
        QCOMPARE(ownerName(*s, find(*s, "Deployment", "web")), std::string("-"));
        QCOMPARE(ownerName(*s, find(*s, "ReplicaSet", "web-5d8")), std::string("Deployment/web"));
        QCOMPARE(ownerName(*s, find(*s, "Pod", "web-5d8-a")), std::string("ReplicaSet/web-5d8"));
        QCOMPARE(ownerName(*s, find(*s, "Pod", "web-5d8-b")), std::string("ReplicaSet/web-5d8"));
        QCOMPARE(ownerName(*s, find(*s, "Job", "nightly-29")), std::string("CronJob/nightly"));
        QCOMPARE(ownerName(*s, find(*s, "Pod", "nightly-29-x")), std::string("Job/nightly-29"));
        QCOMPARE(ownedCount(*s, find(*s, "ReplicaSet", "web-5d8")), std::size_t(2));
        QCOMPARE(ownedCount(*s, find(*s, "Deployment", "web")), std::size_t(1));
        // Both the templates and the live pods are evaluated.
        for (const auto &w : s->workloads)
            QCOMPARE(w.verdicts[int(Column::Baseline)], Verdict::Pass);
    }

    // References that must not link: another namespace, a recreated owner with the same
    // name but another uid, a non-controller reference, an owner that is not there, and a
    // cycle. Without uids (manifests), kind and name decide.
    void ownersNotLinkedWhenTheyShouldNot()
    {
        std::string items =
            object("apps/v1", "ReplicaSet", meta("rs", "r-new", "", "", ""), Template) + ',' +
            object("v1", "Pod", meta("stale", "p1", "ReplicaSet", "rs", "r-old"), PodSpec) + ',' +
            object("v1", "Pod", meta("elsewhere", "p2", "ReplicaSet", "rs", "r-new", "other"),
                   PodSpec) +
            ',' +
            object("v1", "Pod", meta("orphan", "p3", "ReplicaSet", "gone", "r-gone"), PodSpec) +
            ',' +
            object("apps/v1", "ReplicaSet", meta("a", "ua", "ReplicaSet", "b", "ub"), Template) +
            ',' +
            object("apps/v1", "ReplicaSet", meta("b", "ub", "ReplicaSet", "a", "ua"), Template) +
            ',' + object("v1", "Pod", meta("by-name", "", "ReplicaSet", "rs", ""), PodSpec) + ',' +
            R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"not-controller","namespace":"shop",)"
            R"("ownerReferences":[{"kind":"ReplicaSet","name":"rs","uid":"r-new"}]},)" +
            PodSpec + '}';
        const auto s = buildSnapshot(
            {file("live.json", R"({"apiVersion":"v1","kind":"List","items":[)" + items + "]}")},
            {});
        QVERIFY(s);
        QCOMPARE(ownerName(*s, find(*s, "Pod", "stale")), std::string("-"));
        QCOMPARE(ownerName(*s, find(*s, "Pod", "elsewhere")), std::string("-"));
        QCOMPARE(ownerName(*s, find(*s, "Pod", "orphan")), std::string("-"));
        QCOMPARE(ownerName(*s, find(*s, "Pod", "not-controller")), std::string("-"));
        QCOMPARE(ownerName(*s, find(*s, "Pod", "by-name")), std::string("ReplicaSet/rs"));
        QCOMPARE(find(*s, "Pod", "orphan")->id().controller.name, std::string("gone"));
        // Exactly one of the two cyclic references is kept.
        const int linked = int(ownerName(*s, find(*s, "ReplicaSet", "a")) != "-") +
                           int(ownerName(*s, find(*s, "ReplicaSet", "b")) != "-");
        QCOMPARE(linked, 1);
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
