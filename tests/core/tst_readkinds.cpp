// SPDX-License-Identifier: Apache-2.0
// Documents no rule reads (engine/readkinds.h, issue #19 item 3): the kind probe, the
// validating parse that builds no tree, and that every result stays what a run building every
// tree gives (the reference: Engine::setSkipUnreadKinds(false), PODSEC_FULL_TREES=1 for the
// CLI): problems with their exact file:line:column, workloads, namespaces, checklist objects,
// the access model's input, and `podsec check`'s output, on the corpus' CRD-heavy files.
#include "access/accessinput.h"
#include "engine/readkinds.h"
#include "engine/workspacesnapshot.h"
#include "yaml/sourcefile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace PodSec;

namespace {

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

QString corpus(const char *relative)
{
    return QStringLiteral(PODSEC_SHARED_DIR "/corpus/real/") + QLatin1String(relative);
}

/// CRDs with problems kubectl refuses, between documents that are read
/// (tests/data/readkinds/broken-crds.yaml). Their places are asserted in syntaxErrorsInsideCrds.
std::string brokenCrds()
{
    return readFile(QStringLiteral(PODSEC_TEST_DATA_DIR "/readkinds/broken-crds.yaml"));
}
/// Everything a snapshot shows, one line per item, positions included.
QString describe(const WorkspaceSnapshot &s)
{
    QString out;
    auto line = [&out](const std::string &text) {
        out += QString::fromStdString(text) + QLatin1Char('\n');
    };
    for (const auto &p : s.problems)
        line("problem " + s.problemPath(p) + ':' + std::to_string(p.diagnostic.line) + ':' +
             std::to_string(p.diagnostic.column) + " @" + std::to_string(p.diagnostic.offset) +
             (p.diagnostic.warning ? " warning " : " error ") + p.diagnostic.message);
    for (const auto &w : s.workloads) {
        std::string v;
        for (const auto verdict : w.verdicts)
            v += std::string(verdictName(verdict)) + ',';
        line("workload " + w.key() + " at " + std::to_string(w.id().line) + ':' +
             std::to_string(w.id().column) + ' ' + v + " fields " +
             std::to_string(w.podFields.size()) + " checklist " +
             std::to_string(w.id().checklist.size()));
        for (const auto &c : w.id().containers) {
            for (const auto &f : w.fieldsOf(c))
                line("  " + std::string(f.path()) + '=' + std::string(f.value()) + " at " +
                     std::to_string(f.line()) + ':' + std::to_string(f.column()));
        }
    }
    for (const auto &ns : s.namespaces) {
        std::string labels;
        for (const auto &[k, v] : ns.labels)
            labels += k + '=' + v + ',';
        line("namespace " + ns.name + (ns.declared ? " declared " : " ") + labels + " workloads " +
             std::to_string(ns.workloads.size()) + " objects " + std::to_string(ns.objects.size()) +
             " checklist " + std::to_string(ns.checklist.size()));
    }
    for (const auto &o : s.objects) {
        std::string ids;
        for (const auto &f : o.checklist)
            ids += std::string(f.rule->id) + ',';
        line("object " + o.kind + ' ' + o.namespaceName + '/' + o.name + " at " +
             std::to_string(o.line) + ':' + std::to_string(o.column) + ' ' + ids);
    }
    for (const auto &[file, ns] : s.otherNamespaces)
        line("other namespace " + std::to_string(file) + ' ' + ns);
    return out;
}

QString describe(const Access::AccessInput &in)
{
    QString out;
    auto line = [&out](const std::string &text) {
        out += QString::fromStdString(text) + QLatin1Char('\n');
    };
    for (const auto &r : in.roles)
        line(std::string("role ") + r.kind() + ' ' + r.namespaceName + '/' + r.name + " rules " +
             std::to_string(r.rules.size()) + " at " + std::to_string(r.source.line));
    for (const auto &b : in.bindings)
        line("binding " + b.namespaceName + '/' + b.name + " -> " + b.roleKind + '/' + b.roleName +
             " subjects " + std::to_string(b.subjects.size()));
    for (const auto &sa : in.serviceAccounts)
        line("serviceaccount " + sa.namespaceName + '/' + sa.name);
    for (const auto &w : in.workloads)
        line("workload " + w.kind + ' ' + w.namespaceName + '/' + w.name);
    for (const auto &[name, labels] : in.namespaces)
        line("namespace " + name + ' ' + std::to_string(labels.size()));
    for (const auto &name : in.namespaceNames)
        line("namespace name " + name);
    for (const auto &p : in.problems)
        line("problem " + p.file + ':' + std::to_string(p.diagnostic.line) + ':' +
             std::to_string(p.diagnostic.column) + ' ' + p.diagnostic.message);
    return out;
}

/// Runs f with the skip on and with it off (the reference), and restores it.
template <typename F> std::pair<QString, QString> withAndWithout(F f)
{
    Engine::setSkipUnreadKinds(true);
    const QString skipped = f();
    Engine::setSkipUnreadKinds(false);
    const QString reference = f();
    Engine::setSkipUnreadKinds(true);
    return {skipped, reference};
}

} // namespace

class TestReadKinds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probeKind_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("kind"); // empty: unsure
        QTest::newRow("block") << QByteArray("apiVersion: v1\nkind: Pod\nmetadata: {}\n")
                               << QByteArray("Pod");
        QTest::newRow("after a big value")
            << QByteArray("spec:\n  a: [1, 2, {b: c}]\n  d: |\n    text\nkind: Cart\n")
            << QByteArray("Cart");
        QTest::newRow("quoted") << QByteArray("\"kind\": 'CustomResourceDefinition'\n")
                                << QByteArray("CustomResourceDefinition");
        QTest::newRow("flow") << QByteArray("{apiVersion: v1, kind: ConfigMap}\n")
                              << QByteArray("ConfigMap");
        QTest::newRow("a nested kind is not the top-level one")
            << QByteArray("spec:\n  kind: Pod\nkind: Cart\n") << QByteArray("Cart");
        QTest::newRow("no kind") << QByteArray("apiVersion: v1\nmetadata: {}\n") << QByteArray();
        QTest::newRow("empty kind") << QByteArray("kind:\napiVersion: v1\n") << QByteArray();
        QTest::newRow("kind is a mapping") << QByteArray("kind: {a: b}\n") << QByteArray();
        QTest::newRow("scalar document") << QByteArray("just text\n") << QByteArray();
        QTest::newRow("sequence document") << QByteArray("- kind: Pod\n") << QByteArray();
        QTest::newRow("an anchor: an alias key may repeat kind")
            << QByteArray("x: &k kind\nkind: Cart\n*k : Pod\n") << QByteArray();
        QTest::newRow("syntax error before the kind")
            << QByteArray("a: \"open\nkind: Cart\n") << QByteArray();
        QTest::newRow("invalid UTF-8") << QByteArray("kind: Ca\xffrt\n") << QByteArray();
        QTest::newRow("NUL byte") << QByteArray("kind: Cart\n\0x: 1\n", 17) << QByteArray();
        QByteArray late = "items:\n";
        for (int i = 0; i < 5000; ++i)
            late += "- " + QByteArray::number(i) + '\n';
        QTest::newRow("kind after the event bound") << late + "kind: Cart\n" << QByteArray();
        QTest::newRow("deep nesting before the kind")
            << QByteArray("a: ") + QByteArray(100, '[') + QByteArray(100, ']') + "\nkind: Cart\n"
            << QByteArray();
    }
    void probeKind()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, kind);
        const std::string t = text.toStdString();
        std::vector<Diagnostic> errors;
        const auto chunks = Yaml::SourceFile::chunksOf(t, errors);
        QCOMPARE(chunks.size(), std::size_t(1));
        const auto probed = Yaml::SourceFile::probeKind(t, chunks.front());
        QCOMPARE(QByteArray(probed ? probed->c_str() : ""), kind);
    }

    /// validateChunk finds exactly what parseChunk finds, and keeps no tree.
    void validateMatchesParse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("fine") << QByteArray("kind: Cart\nspec: {a: [1, 2]}\n");
        QTest::newRow("duplicate key, nested")
            << QByteArray("kind: Cart\nspec:\n  a: 1\n  b: {c: 1, c: 2}\n  a: 3\n");
        QTest::newRow("lone key line") << QByteArray("kind: Cart\nspec:\n  a: 1\n  stray\n");
        QTest::newRow("lone key that is a duplicate too")
            << QByteArray("kind: Cart\nspec:\n  a: 1\n  a\n");
        QTest::newRow("continuation too shallow")
            << QByteArray("kind: Cart\nspec:\n  description: one\n two\n");
        QTest::newRow("unterminated quote") << QByteArray("kind: Cart\nspec: \"open\n");
        QTest::newRow("bad indentation") << QByteArray("kind: Cart\nspec:\n  a: 1\n b: 2\n");
        QTest::newRow("unknown alias") << QByteArray("kind: Cart\nspec: *nope\n");
        QTest::newRow("recursive alias") << QByteArray("kind: Cart\nspec: &a [1, *a]\n");
        QTest::newRow("alias keys are duplicates of each other")
            << QByteArray("kind: Cart\nx: &k key\nspec: {*k : 1, *k : 2}\n");
        QByteArray laughs = "kind: Cart\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'i'; ++c)
            laughs += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [" +
                      QByteArray(QByteArray("*") + char(c - 1) + ", ").repeated(9) + '*' +
                      char(c - 1) + "]\n";
        QTest::newRow("billion laughs") << laughs;
        QTest::newRow("too deep") << QByteArray("kind: Cart\nspec: ") + QByteArray(450, '[') +
                                         QByteArray(450, ']') + "\n";
        QTest::newRow("content after the end marker")
            << QByteArray("kind: Cart\nspec: {}\n...\nmore: text\n");
        QTest::newRow("invalid UTF-8") << QByteArray("kind: Cart\nspec: \xc3\x28\n");
        QTest::newRow("two documents, two problems")
            << QByteArray("kind: Cart\na: 1\na: 2\n---\nkind: Cart\nb: {c: 1}\n  d\n");
    }
    void validateMatchesParse()
    {
        QFETCH(QByteArray, text);
        const std::string t = text.toStdString();
        std::vector<Diagnostic> errors;
        const auto chunks = Yaml::SourceFile::chunksOf(t, errors);
        QVERIFY(!chunks.empty());
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            const auto parsed = Yaml::SourceFile::parseChunk(t, chunks[i], int(i));
            const auto checked = Yaml::SourceFile::validateChunk(t, chunks[i], int(i));
            QCOMPARE(checked.root, Yaml::NoNode);
            QCOMPARE(checked.nodeCount(), std::size_t(0));
            QCOMPARE(bool(checked.error), bool(parsed.error));
            if (parsed.error) {
                QCOMPARE(QString::fromStdString(checked.error->message),
                         QString::fromStdString(parsed.error->message));
                QCOMPARE(checked.error->line, parsed.error->line);
                QCOMPARE(checked.error->column, parsed.error->column);
                QCOMPARE(checked.error->offset, parsed.error->offset);
            }
            QCOMPARE(checked.warnings.size(), parsed.warnings.size());
            for (std::size_t w = 0; w < parsed.warnings.size(); ++w)
                QCOMPARE(checked.warnings[w].offset, parsed.warnings[w].offset);
        }
    }

    /// A CRD is validated without a tree; what a rule set reads keeps its tree.
    void unreadKindsGetNoTree_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("checklist");
        QTest::addColumn<bool>("tree");
        const QByteArray crd = "apiVersion: apiextensions.k8s.io/v1\n"
                               "kind: CustomResourceDefinition\nmetadata: {name: a.b.c}\n";
        const QByteArray cart = "apiVersion: shop.example.com/v1\nkind: Cart\n"
                                "metadata: {name: c, namespace: shop}\n";
        QTest::newRow("CRD, pss") << crd << false << false;
        QTest::newRow("CRD, checklist") << crd << true << false;
        QTest::newRow("custom resource, pss") << cart << false << false;
        QTest::newRow("custom resource, checklist: its namespace counts") << cart << true << true;
        QTest::newRow("ConfigMap, checklist")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n") << true << true;
        QTest::newRow("Deployment")
            << QByteArray("apiVersion: apps/v1\nkind: Deployment\n") << false << true;
        QTest::newRow("Namespace")
            << QByteArray("apiVersion: v1\nkind: Namespace\n") << false << true;
        QTest::newRow("a List holds other kinds")
            << QByteArray("apiVersion: v1\nkind: List\nitems: []\n") << false << true;
        QTest::newRow("a typed list")
            << QByteArray("apiVersion: v1\nkind: PodList\nitems: []\n") << false << true;
    }
    void unreadKindsGetNoTree()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, checklist);
        QFETCH(bool, tree);
        const std::string t = text.toStdString();
        std::vector<Diagnostic> errors;
        const auto chunks = Yaml::SourceFile::chunksOf(t, errors);
        const auto doc = Engine::parseForRules(t, chunks.front(), 0, {true, checklist});
        QVERIFY(!doc.error);
        QCOMPARE(doc.root != Yaml::NoNode, tree);
    }

    /// treesFor answers for every set at once what buildsTree answers for each set alone,
    /// including where the guess of the kind is wrong and only the probe knows.
    void treesForAgreesWithBuildsTree_data()
    {
        probeKind_data();
        QTest::newRow("Role") << QByteArray("apiVersion: rbac.authorization.k8s.io/v1\n"
                                            "kind: Role\nmetadata: {name: r}\n")
                              << QByteArray("Role");
        QTest::newRow("ServiceAccount")
            << QByteArray("apiVersion: v1\nkind: ServiceAccount\n") << QByteArray("");
        QTest::newRow("PodSecurityPolicy")
            << QByteArray("kind: PodSecurityPolicy\n") << QByteArray("");
        QTest::newRow("a Pod after a block scalar")
            << QByteArray("spec: |\n  x\nkind: Pod\n") << QByteArray("");
        QTest::newRow("a CRD after an empty block scalar")
            << QByteArray("a: |\nkind: CustomResourceDefinition\nkind2: x\n") << QByteArray("");
    }
    void treesForAgreesWithBuildsTree()
    {
        QFETCH(QByteArray, text);
        const std::string t = text.toStdString();
        std::vector<Diagnostic> errors;
        const auto chunks = Yaml::SourceFile::chunksOf(t, errors);
        for (const auto &chunk : chunks) {
            for (int mask = 0; mask < 8; ++mask) {
                const Engine::ReadSets sets{bool(mask & 1), bool(mask & 2), bool(mask & 4)};
                const auto trees = Engine::treesFor(t, chunk, sets);
                QCOMPARE(trees.pss, sets.pss && Engine::buildsTree(t, chunk, {true, false, false}));
                QCOMPARE(trees.checklist,
                         sets.checklist && Engine::buildsTree(t, chunk, {false, true, false}));
                QCOMPARE(trees.access,
                         sets.access && Engine::buildsTree(t, chunk, {false, false, true}));
                QCOMPARE(trees.pss || trees.checklist || trees.access,
                         mask != 0 && Engine::buildsTree(t, chunk, sets));
            }
        }
    }

    /// Problems inside documents that are only validated keep their exact place.
    void syntaxErrorsInsideCrds()
    {
        Engine::setSkipUnreadKinds(true);
        const auto s = buildSnapshot({{"crds.yaml", brokenCrds()}}, {});
        QVERIFY(s);
        QStringList got;
        for (const auto &p : s->problems)
            got << QString::number(p.diagnostic.line) + QLatin1Char(':') +
                       QString::number(p.diagnostic.column) + QLatin1Char(' ') +
                       QString::fromStdString(p.diagnostic.message);
        // Each document's warnings come before its error, as `podsec check` finds them.
        const QStringList expected = {
            QStringLiteral("25:11 duplicate key \"spec\": already defined at line 24, column 11 "
                           "(kubectl refuses the object)"),
            QStringLiteral("36:27 YAML syntax error: unknown escape character: q"),
            QStringLiteral("61:1 content after the document end \"...\" is ignored: kubectl "
                           "reads one document until the next \"---\""),
            QStringLiteral("59:8 YAML syntax error: illegal map value"),
            QStringLiteral("72:38 alias expansion exceeds 1000000 nodes (billion laughs?); "
                           "document rejected"),
            QStringLiteral("78:77 duplicate key \"dup\": already defined at line 78, column 69 "
                           "(kubectl refuses the object)"),
        };
        QCOMPARE(got, expected);
        // The Deployment between them is judged by its namespace's labels (enforce: restricted).
        QCOMPARE(s->workloads.size(), std::size_t(1));
        QCOMPARE(s->workloads[0].verdicts[int(Column::Enforce)], Verdict::PodsRejected);
    }

    /// Whole workspaces: every result identical to the reference run.
    void snapshotIdentical_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<bool>("checklist");
        const QStringList crdHeavy = {
            corpus("argo-cd/manifests/ha/install.yaml"),
            corpus("gatekeeper/deploy/gatekeeper.yaml"),
            corpus("metallb/config/manifests/metallb-frr-k8s-prometheus.yaml"),
            corpus("cert-manager/deploy/manifests/cert-manager.yaml")};
        QTest::newRow("CRD-heavy corpus, pss") << crdHeavy << false;
        QTest::newRow("CRD-heavy corpus, checklist") << crdHeavy << true;
        QTest::newRow("broken CRDs, pss") << QStringList{QString()} << false;
        QTest::newRow("broken CRDs, checklist") << QStringList{QString()} << true;
    }
    void snapshotIdentical()
    {
        QFETCH(QStringList, files);
        QFETCH(bool, checklist);
        std::vector<WorkspaceFile> input;
        for (const auto &f : files)
            input.emplace_back(f.isEmpty() ? std::string("crds.yaml") : f.toStdString(),
                               f.isEmpty() ? brokenCrds() : readFile(f));
        for (const auto &f : input)
            QVERIFY2(!f.text().empty(), f.path.c_str());
        SnapshotOptions options;
        options.checklist = checklist;
        const auto [skipped, reference] = withAndWithout([&] {
            const auto s = buildSnapshot(input, options);
            return s ? describe(*s) : QString();
        });
        QVERIFY(reference.count(QLatin1Char('\n')) > 5);
        QCOMPARE(skipped, reference);
    }

    void accessInputIdentical()
    {
        const std::string argo = readFile(corpus("argo-cd/manifests/ha/install.yaml"));
        const std::string gatekeeper = readFile(corpus("gatekeeper/deploy/gatekeeper.yaml"));
        const auto [skipped, reference] = withAndWithout([&] {
            return describe(Access::readAccessInput({{"argo.yaml", argo},
                                                     {"gatekeeper.yaml", gatekeeper},
                                                     {"crds.yaml", brokenCrds()}}));
        });
        QVERIFY(reference.contains(QLatin1String("role ClusterRole")));
        QCOMPARE(skipped, reference);
    }

    /// `podsec check` with and without PODSEC_FULL_TREES: the same report, byte for byte.
    void cliIdentical_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("json") << QStringList{QStringLiteral("--format=json")};
        QTest::newRow("text, checklist")
            << QStringList{QStringLiteral("--rules=all"), QStringLiteral("--admission")};
    }
    void cliIdentical()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("crds.yaml")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray::fromStdString(brokenCrds()));
        broken.close();
        args << QStringLiteral("check") << corpus("argo-cd/manifests/ha/install.yaml")
             << corpus("gatekeeper/deploy/gatekeeper.yaml") << broken.fileName();
        args.move(args.indexOf(QStringLiteral("check")), 0);
        auto run = [&](bool fullTrees) -> QString {
            QProcess p;
            auto env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("PODSEC_FULL_TREES"));
            if (fullTrees)
                env.insert(QStringLiteral("PODSEC_FULL_TREES"), QStringLiteral("1"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(PODSEC_CLI_PATH), args);
            p.waitForFinished(120000);
            return QString::number(p.exitCode()) + QLatin1Char('\n') +
                   QString::fromUtf8(p.readAllStandardError()) +
                   QString::fromUtf8(p.readAllStandardOutput());
        };
        const QString skipped = run(false);
        const QString reference = run(true);
        QVERIFY2(reference.contains(QLatin1String("crds.yaml:25:11")), qPrintable(reference));
        QCOMPARE(skipped, reference);
    }
};

QTEST_GUILESS_MAIN(TestReadKinds)
#include "tst_readkinds.moc"
