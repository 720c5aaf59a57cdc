// SPDX-License-Identifier: Apache-2.0
// Issue #19 item 4, the re-open cache: a build that takes files from the cache must say
// exactly what a fresh build says, down to every field's position and every finding; it must
// never use a record for changed bytes, other reading options or another workspace's
// cross-object facts; a damaged record is ignored and deleted, never read out of bounds; and
// the folder stays under its bound.
#include "podtestutil.h"
#include "snapshottext.h"

#include "engine/factscache.h"
#include "engine/workspacesnapshot.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

using namespace PodSec;

namespace {

const char *const Namespace = R"(apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
)";

// runAsUser 1000 passes restricted; one byte more and it is 0000, which YAML 1.1 reads as
// the octal 0: root.
const char *const Tidy = R"(apiVersion: v1
kind: Pod
metadata: {name: tidy, namespace: shop}
spec:
  serviceAccountName: builder
  securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: c
    image: i
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL]}
)";

const char *const Account = R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: shop}
automountServiceAccountToken: false
)";

std::vector<WorkspaceFile> everyKind()
{
    auto files = TestUtil::filesIn(TestUtil::sharedPath(QStringLiteral("corpus/real")));
    for (auto &f :
         TestUtil::filesIn(QStringLiteral(PODSEC_SOURCE_DIR "/resources/sample/workspace")))
        files.push_back(std::move(f));
    for (auto &f :
         TestUtil::filesIn(TestUtil::sharedPath(QStringLiteral("conformance/pss-fixtures"))))
        files.push_back(std::move(f));
    files.emplace_back("ns.yaml", Namespace);
    files.emplace_back("tidy.yaml", Tidy);
    files.emplace_back("account.yaml", Account);
    files.emplace_back("broken.yaml", "kind: Pod\nspec: [\n");
    files.emplace_back("empty.yaml", "");
    files.emplace_back("warned.yaml", "kind: Pod\nmetadata: {name: a}\n...\nkind: Pod\n");
    return files;
}

QStringList records(const QString &dir)
{
    QStringList out;
    for (const auto &name : QDir(dir).entryList({QStringLiteral("*.facts")}, QDir::Files))
        out << dir + QLatin1Char('/') + name;
    return out;
}

/// A cache on dir, set in options.
std::shared_ptr<const Engine::FactsCache>
cacheIn(const QString &dir, SnapshotOptions &options,
        std::uint64_t max = Engine::FactsCache::DefaultMaxBytes)
{
    auto cache = std::make_shared<const Engine::FactsCache>(dir.toStdString(), max);
    options.cache = cache;
    return cache;
}

} // namespace

class TestFactsCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsFresh_data()
    {
        QTest::addColumn<bool>("checklist");
        QTest::addColumn<bool>("planFixes");
        QTest::newRow("pss") << false << false;
        QTest::newRow("checklist") << true << false;
        QTest::newRow("checklist, fixes planned") << true << true;
    }

    // Every file of the corpus, the sample and the fixtures, read once and stored; opened
    // again, every file comes from the cache and the answer is a fresh build's, at the same
    // version and at another.
    void sameAsFresh()
    {
        QFETCH(bool, checklist);
        QFETCH(bool, planFixes);
        QTemporaryDir dir;
        const auto files = everyKind();
        SnapshotOptions plain;
        plain.checklist = checklist;
        plain.planFixes = planFixes;
        plain.evaluateAccess = true; // as the window does
        SnapshotOptions options = plain;
        const auto writer = cacheIn(dir.path(), options);
        const auto first = buildSnapshot(files, options);
        QVERIFY(first && first->workloads.size() > 100);
        QCOMPARE(writer->hits(), 0);
        QCOMPARE(writer->misses(), int(files.size()));
        writer->store(*first, options);
        QCOMPARE(writer->stored(), int(files.size()));
        QCOMPARE(records(dir.path()).size(), qsizetype(files.size()));

        for (const auto &version : {Policy::Version::latest(), Policy::Version::v1(22)}) {
            SnapshotOptions again = plain;
            again.version = version;
            const auto reader = cacheIn(dir.path(), again);
            const auto cached = buildSnapshot(files, again);
            again.cache = nullptr;
            const auto fresh = buildSnapshot(files, again);
            QVERIFY(cached && fresh);
            QCOMPARE(reader->hits(), int(files.size()));
            QCOMPARE(reader->misses(), 0);
            QCOMPARE(TestUtil::snapshotText(*cached), TestUtil::snapshotText(*fresh));
            QVERIFY(cached->access && fresh->access);
            QVERIFY(TestUtil::snapshotText(*fresh).contains(QLatin1String("  subject ")));
            // A second store writes nothing: every record is there.
            reader->store(*cached, again);
            QCOMPARE(reader->stored(), 0);
        }
    }

    // One byte of one file changed while nothing ran: that file is parsed, never taken
    // from its old record; the others still come from the cache.
    void changedByteIsNotServed()
    {
        QTemporaryDir dir;
        std::vector<WorkspaceFile> files = {
            {"ns.yaml", Namespace}, {"tidy.yaml", Tidy}, {"account.yaml", Account}};
        SnapshotOptions options;
        const auto cache = cacheIn(dir.path(), options);
        const auto first = buildSnapshot(files, options);
        cache->store(*first, options);
        QVERIFY(!first->workloads[0].fails(Policy::Level::Restricted));

        std::string text = Tidy;
        text[text.find("1000")] = '0';
        files[1].setText(text);
        const auto reader = cacheIn(dir.path(), options);
        const auto again = buildSnapshot(files, options);
        QCOMPARE(reader->hits(), 2);
        QCOMPARE(reader->misses(), 1);
        options.cache = nullptr;
        QCOMPARE(TestUtil::snapshotText(*again),
                 TestUtil::snapshotText(*buildSnapshot(files, options)));
        QVERIFY(again->workloads[0].fails(Policy::Level::Restricted));
        QCOMPARE(again->workloads[0].verdicts[int(Column::Enforce)], Verdict::Fail);
    }

    // A cached file's pods are not parsed again for the access model: their facts say which
    // account they run as, whether they mount its token and where they are; a List's items and
    // the other kinds are still read. The answer is a fresh build's, account by account.
    void accessReadsCachedPods()
    {
        QTemporaryDir dir;
        const std::string pods =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: builder, namespace: "
            "lonely}\nspec:\n  template:\n    spec:\n      serviceAccountName: ci\n      "
            "automountServiceAccountToken: no\n      containers: [{name: c, image: i}]\n---\n"
            "apiVersion: v1\nkind: Pod\nmetadata: {name: old}\nspec:\n  serviceAccount: legacy\n"
            "  automountServiceAccountToken: true\n  containers: [{name: c, image: i}]\n---\n"
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: "
            "{name: listed, namespace: far}\n  spec: {containers: [{name: c, image: i}]}\n"
            "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata: {name: r, "
            "namespace: far}\n  rules: [{apiGroups: [''], resources: [pods], verbs: [create]}]\n";
        std::vector<WorkspaceFile> files = {{"pods.yaml", pods}};
        SnapshotOptions options;
        options.evaluateAccess = true;
        const auto cache = cacheIn(dir.path(), options);
        cache->store(*buildSnapshot(files, options), options);
        const auto reader = cacheIn(dir.path(), options);
        const auto again = buildSnapshot(files, options);
        QCOMPARE(reader->hits(), 1);
        options.cache = nullptr;
        const auto fresh = buildSnapshot(files, options);
        QCOMPARE(TestUtil::snapshotText(*again), TestUtil::snapshotText(*fresh));
        const std::string text = TestUtil::accessText(*again->access);
        for (const char *line :
             {"runs Deployment lonely/builder as ci no-mount at pods.yaml:1:1",
              "runs Pod default/old as legacy mount at pods.yaml:11:1",
              "runs Pod far/listed as default at pods.yaml:", " namespaces default far lonely\n"})
            QVERIFY2(text.find(line) != std::string::npos, text.c_str());
        QCOMPARE(again->access->model->roles().size(), fresh->access->model->roles().size());
    }

    // What the checklist reads across files changed (the ServiceAccount's file is gone): no
    // record made with the old cross-object facts is used.
    void otherCrossObjectFactsAreNotServed()
    {
        QTemporaryDir dir;
        std::vector<WorkspaceFile> files = {
            {"ns.yaml", Namespace}, {"tidy.yaml", Tidy}, {"account.yaml", Account}};
        SnapshotOptions options;
        options.checklist = true;
        const auto cache = cacheIn(dir.path(), options);
        cache->store(*buildSnapshot(files, options), options);
        files.pop_back();
        const auto reader = cacheIn(dir.path(), options);
        const auto again = buildSnapshot(files, options);
        QCOMPARE(reader->hits(), 0);
        options.cache = nullptr;
        QCOMPARE(TestUtil::snapshotText(*again),
                 TestUtil::snapshotText(*buildSnapshot(files, options)));
    }

    // Facts read with another default namespace or rule set, or another file path, are other
    // records.
    void otherReadingIsAnotherRecord()
    {
        QTemporaryDir dir;
        const std::vector<WorkspaceFile> files = {{"tidy.yaml", Tidy}};
        SnapshotOptions options;
        cacheIn(dir.path(), options)->store(*buildSnapshot(files, options), options);
        SnapshotOptions otherNamespace = options, checklist = options, exempt = options;
        otherNamespace.defaultNamespace = "shop";
        checklist.checklist = true;
        exempt.admissionConfig.exemptNamespaces = {"shop"};
        for (SnapshotOptions other : {otherNamespace, checklist, exempt}) {
            const auto reader = cacheIn(dir.path(), other);
            QVERIFY(buildSnapshot(files, other));
            QCOMPARE(reader->hits(), 0);
        }
        const auto reader = cacheIn(dir.path(), options);
        QVERIFY(buildSnapshot({{"moved/tidy.yaml", Tidy}}, options));
        QCOMPARE(reader->hits(), 0);
    }

    // A damaged record (cut short, a byte flipped, emptied, a stranger's bytes) is ignored
    // and deleted; the file is parsed.
    void damagedRecordIsIgnored_data()
    {
        QTest::addColumn<QString>("damage");
        for (const char *d : {"truncated", "flipped", "checksum", "empty", "garbage"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }

    void damagedRecordIsIgnored()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const std::vector<WorkspaceFile> files = {{"ns.yaml", Namespace}, {"tidy.yaml", Tidy}};
        SnapshotOptions options;
        options.checklist = true;
        const auto fresh = buildSnapshot(files, options);
        cacheIn(dir.path(), options)->store(*fresh, options);
        const QStringList paths = records(dir.path());
        QCOMPARE(paths.size(), 2);
        for (const QString &path : paths) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray bytes = f.readAll();
            if (damage == QLatin1String("truncated"))
                bytes.chop(bytes.size() / 3);
            else if (damage == QLatin1String("flipped"))
                bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
            else if (damage == QLatin1String("checksum"))
                bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 1);
            else if (damage == QLatin1String("empty"))
                bytes.clear();
            else
                bytes = QByteArray(4096, 'x');
            QVERIFY(f.resize(0));
            f.write(bytes);
        }
        const auto reader = cacheIn(dir.path(), options);
        const auto again = buildSnapshot(files, options);
        QCOMPARE(reader->hits(), 0);
        QCOMPARE(TestUtil::snapshotText(*again), TestUtil::snapshotText(*fresh));
        if (damage != QLatin1String("empty")) // an empty file is not even read
            QCOMPARE(records(dir.path()).size(), 0);
    }

    // Damage that keeps the checksum right (a record written by a faulty engine): every byte
    // of a record changed in turn, the checksum made again. Reading must stay in bounds
    // (the asan build runs this) and either refuse the record or read something.
    void anyByteChangedStaysInBounds()
    {
        QTemporaryDir dir;
        const std::vector<WorkspaceFile> files = {{"tidy.yaml", Tidy}, {"account.yaml", Account}};
        SnapshotOptions options;
        options.checklist = true;
        cacheIn(dir.path(), options)->store(*buildSnapshot(files, options), options);
        const QStringList paths = records(dir.path());
        QCOMPARE(paths.size(), 2);
        for (const QString &path : paths) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray original = f.readAll();
            f.close();
            const qsizetype body = original.size() - 32;
            for (qsizetype i = 8; i < body; i += 3) {
                QByteArray bytes = original.left(body);
                bytes[i] = char(bytes[i] ^ (i % 2 ? 0xff : 0x01));
                bytes += QCryptographicHash::hash(bytes, QCryptographicHash::Blake2b_256);
                QFile out(path);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(bytes);
                out.close();
                SnapshotOptions again = options;
                cacheIn(dir.path(), again);
                QVERIFY(buildSnapshot(files, again)); // no crash, no hang
                if (!QFile::exists(path)) {           // refused and deleted: write it again
                    QVERIFY(out.open(QIODevice::WriteOnly));
                    out.write(original);
                    out.close();
                }
            }
        }
    }

    // Another engine's records, never read again, go once unused for a day; this engine's
    // stay however old, and so do another engine's used lately (two builds used in turn).
    void otherEnginesRecordsGo()
    {
        QTemporaryDir dir;
        SnapshotOptions options;
        cacheIn(dir.path(), options)
            ->store(*buildSnapshot({{"tidy.yaml", Tidy}}, options), options);
        const QStringList paths = records(dir.path());
        QCOMPARE(paths.size(), 1);
        QFile f(paths.front());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ours = f.readAll();
        f.close();
        QByteArray other = ours;
        other[12] = char(other[12] ^ 0x01); // the fingerprint's first byte, after its length
        const QDateTime twoDaysAgo = QDateTime::currentDateTime().addDays(-2);
        auto put = [&](const QString &name, const QByteArray &bytes, bool old) {
            QFile out(dir.filePath(name));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
            QVERIFY(out.flush()); // written before its time is set
            if (old)
                QVERIFY(out.setFileTime(twoDaysAgo, QFileDevice::FileModificationTime));
        };
        put(QStringLiteral("other-old.facts"), other, true);
        put(QStringLiteral("other-recent.facts"), other, false);
        put(QStringLiteral("ours-old.facts"), ours, true);
        put(QStringLiteral("short-old.facts"), ours.left(10), true);
        // Writing a record trims the folder.
        cacheIn(dir.path(), options)
            ->store(*buildSnapshot({{"account.yaml", Account}}, options), options);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("other-old.facts"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("short-old.facts"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("other-recent.facts"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("ours-old.facts"))));
        QCOMPARE(records(dir.path()).size(), 4);
    }

    // The folder stays under its bound: the records used longest ago go first.
    void folderStaysBounded()
    {
        QTemporaryDir dir;
        SnapshotOptions options;
        std::uint64_t one = 0;
        {
            const std::vector<WorkspaceFile> files = {{"a.yaml", Tidy}};
            SnapshotOptions probe;
            cacheIn(dir.path(), probe)->store(*buildSnapshot(files, probe), probe);
            one = std::uint64_t(QFileInfo(records(dir.path()).value(0)).size());
            QVERIFY(one > 0);
            QFile::remove(records(dir.path()).value(0));
        }
        // Room for two records of this size, not three.
        const auto cache = cacheIn(dir.path(), options, one * 2 + one / 2);
        for (const char *name : {"a.yaml", "b.yaml", "c.yaml"}) {
            const std::vector<WorkspaceFile> files = {{name, Tidy}};
            cache->store(*buildSnapshot(files, options), options);
            QTest::qWait(20); // distinct modification times
        }
        QCOMPARE(records(dir.path()).size(), 2);
        // The newest is kept: c.yaml comes from the cache, a.yaml does not.
        const auto reader = cacheIn(dir.path(), options, one * 2 + one / 2);
        QVERIFY(buildSnapshot({{"c.yaml", Tidy}}, options));
        QVERIFY(buildSnapshot({{"a.yaml", Tidy}}, options));
        QCOMPARE(reader->hits(), 1);
        QCOMPARE(reader->misses(), 1);
    }

    // Cluster pages have no records (a cluster is read anew each time).
    void clusterPagesAreNotStored()
    {
        QTemporaryDir dir;
        const std::vector<WorkspaceFile> files = {{"cluster:pods", Tidy}, {"tidy.yaml", Tidy}};
        SnapshotOptions options;
        const auto cache = cacheIn(dir.path(), options);
        cache->store(*buildSnapshot(files, options), options);
        QCOMPARE(cache->stored(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFactsCache)
#include "tst_factscache.moc"
