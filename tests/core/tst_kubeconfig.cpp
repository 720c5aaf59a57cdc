// SPDX-License-Identifier: Apache-2.0
// Kubeconfig reading with kubectl's rules: which files, how they merge, relative paths,
// every credential form, and precise errors for malformed files.
#include "cluster/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace PodSec::Cluster;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
    return path;
}

std::string s(const QString &q)
{
    return q.toStdString();
}

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void files_data()
    {
        QTest::addColumn<QString>("explicitPath");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("explicit wins over KUBECONFIG")
            << "/x/config"
            << "/a:/b" << QStringList{QStringLiteral("/x/config")};
        QTest::newRow("KUBECONFIG list, empty entries and duplicates skipped")
            << ""
            << "/a::/b:/a:" << QStringList{QStringLiteral("/a"), QStringLiteral("/b")};
        QTest::newRow("one entry") << ""
                                   << "/only" << QStringList{QStringLiteral("/only")};
        QTest::newRow("nothing set: ~/.kube/config")
            << ""
            << "" << QStringList{QStringLiteral("/home/u/.kube/config")};
        QTest::newRow("only colons: ~/.kube/config")
            << ""
            << ":::" << QStringList{QStringLiteral("/home/u/.kube/config")};
    }
    void files()
    {
        QFETCH(QString, explicitPath);
        QFETCH(QString, env);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const auto &f : kubeconfigFiles(s(explicitPath), s(env), "/home/u"))
            got << QString::fromStdString(f);
        QCOMPARE(got, expected);
    }

    void mergeFirstWins()
    {
        QTemporaryDir dir;
        const QString a = write(dir, QStringLiteral("a"),
                                "apiVersion: v1\nkind: Config\n"
                                "clusters:\n- name: c\n  cluster: {server: https://one}\n"
                                "contexts:\n- name: dev\n  context: {cluster: c, user: u}\n"
                                "users:\n- name: u\n  user: {token: first}\n");
        const QString b = write(dir, QStringLiteral("b"),
                                "apiVersion: v1\nkind: Config\ncurrent-context: prod\n"
                                "clusters:\n- name: c\n  cluster: {server: https://two}\n"
                                "- name: d\n  cluster: {server: https://three}\n"
                                "contexts:\n- name: prod\n  context: {cluster: d, user: u, "
                                "namespace: shop}\n"
                                "users:\n- name: u\n  user: {token: second}\n");
        const QString c = write(dir, QStringLiteral("c"), "kind: Config\ncurrent-context: dev\n");
        const auto config =
            loadKubeconfig({s(a), s(dir.filePath(QStringLiteral("missing"))), s(b), s(c)}, false);
        QVERIFY(config.errors.empty()); // a missing KUBECONFIG entry is skipped
        QCOMPARE(config.files.size(), std::size_t(3));
        QCOMPARE(config.cluster("c")->server, std::string("https://one"));
        QCOMPARE(config.cluster("d")->server, std::string("https://three"));
        QCOMPARE(config.user("u")->token, std::string("first"));
        // current-context: the first file that sets one (b), not a later one (c).
        QCOMPARE(config.currentContext, std::string("prod"));
        std::string error;
        const auto sel = select(config, "", error);
        QVERIFY2(sel, error.c_str());
        QCOMPARE(sel->cluster.server, std::string("https://three"));
        QCOMPARE(sel->context.namespaceName, std::string("shop"));
        const auto dev = select(config, "dev", error);
        QVERIFY(dev);
        QCOMPARE(dev->cluster.server, std::string("https://one"));
        QVERIFY(!select(config, "nope", error));
        QCOMPARE(error, std::string("context \"nope\" does not exist in the kubeconfig"));
    }

    void explicitMissingIsAnError()
    {
        const auto config = loadKubeconfig({"/nonexistent/kubeconfig"}, true);
        QCOMPARE(config.errors.size(), std::size_t(1));
        QCOMPARE(config.errors.front().text(),
                 std::string("/nonexistent/kubeconfig:1:1: no such kubeconfig file"));
    }

    // A kubeconfig is read up to a bound: /dev/zero (or a 4 GB file) is an error, not an
    // allocation until std::bad_alloc. A FIFO (--kubeconfig <(...)) is still read.
    void sizeBounded()
    {
        const auto config = loadKubeconfig({"/dev/zero"}, true);
        QCOMPARE(config.errors.size(), std::size_t(1));
        QVERIFY2(config.errors.front().text().find(
                     "/dev/zero:1:1: larger than the size limit of 16 MiB") == 0,
                 config.errors.front().text().c_str());
        QVERIFY(config.files.empty());
    }

    void relativePaths()
    {
        QTemporaryDir dir;
        const QString path = write(
            dir, QStringLiteral("sub/config"),
            "kind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://x\n"
            "    certificate-authority: certs/ca.crt\n"
            "- name: abs\n  cluster: {server: https://y, certificate-authority: /etc/ca.pem}\n"
            "users:\n- name: u\n  user:\n    client-certificate: u.crt\n"
            "    client-key: ../keys/u.key\n    tokenFile: token\n"
            "- name: e\n  user:\n    exec:\n      apiVersion: "
            "client.authentication.k8s.io/v1beta1\n      command: ./bin/plugin\n"
            "- name: p\n  user:\n    exec:\n      apiVersion: "
            "client.authentication.k8s.io/v1beta1\n      command: kubelogin\n");
        const auto config = loadKubeconfig({s(path)}, true);
        QVERIFY(config.errors.empty());
        const std::string base = s(QFileInfo(path).absolutePath());
        QCOMPARE(config.cluster("c")->certificateAuthority, base + "/certs/ca.crt");
        QCOMPARE(config.cluster("abs")->certificateAuthority, std::string("/etc/ca.pem"));
        QCOMPARE(config.user("u")->clientCertificate, base + "/u.crt");
        QCOMPARE(config.user("u")->clientKey, base + "/../keys/u.key");
        QCOMPARE(config.user("u")->tokenFile, base + "/token");
        QCOMPARE(config.user("e")->exec->command, base + "/./bin/plugin");
        QCOMPARE(config.user("p")->exec->command, std::string("kubelogin")); // looked up in PATH
    }

    void credentialForms()
    {
        QTemporaryDir dir;
        const QString path =
            write(dir, QStringLiteral("config"),
                  "kind: Config\n"
                  "clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\n"
                  "    certificate-authority-data: LS0tLS1CRUdJTiBDRVJU\n"
                  "    insecure-skip-tls-verify: false\n    tls-server-name: api.internal\n"
                  "    proxy-url: http://proxy:3128\n"
                  "users:\n"
                  "- name: token\n  user: {token: abc.def}\n"
                  "- name: cert\n  user:\n    client-certificate-data: Y2VydA==\n"
                  "    client-key-data: a2V5\n"
                  "- name: basic\n  user: {username: admin, password: s3cret}\n"
                  "- name: exec\n  user:\n    exec:\n"
                  "      apiVersion: client.authentication.k8s.io/v1\n      command: get-token\n"
                  "      args: [--cluster, prod]\n      env:\n      - {name: REGION, value: eu}\n"
                  "      installHint: install get-token from your platform team\n"
                  "      provideClusterInfo: true\n      interactiveMode: Never\n");
        const auto config = loadKubeconfig({s(path)}, true);
        QVERIFY(config.errors.empty());
        const auto *c = config.cluster("c");
        QCOMPARE(c->certificateAuthorityData, std::string("-----BEGIN CERT"));
        QCOMPARE(c->tlsServerName, std::string("api.internal"));
        QCOMPARE(c->proxyUrl, std::string("http://proxy:3128"));
        QVERIFY(!c->insecureSkipTlsVerify);
        QCOMPARE(config.user("token")->token, std::string("abc.def"));
        QCOMPARE(config.user("cert")->clientCertificateData, std::string("cert"));
        QCOMPARE(config.user("cert")->clientKeyData, std::string("key"));
        QCOMPARE(config.user("basic")->password, std::string("s3cret"));
        const auto &x = *config.user("exec")->exec;
        QCOMPARE(x.command, std::string("get-token"));
        QCOMPARE(x.args, (std::vector<std::string>{"--cluster", "prod"}));
        QCOMPARE(x.env.size(), std::size_t(1));
        QCOMPARE(x.env.front().second, std::string("eu"));
        QVERIFY(x.provideClusterInfo);
        QCOMPARE(x.interactiveMode, std::string("Never"));
        QCOMPARE(x.installHint, std::string("install get-token from your platform team"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("not YAML") << QByteArray("clusters: [\n") << QString();
        QTest::newRow("a list at the top")
            << QByteArray("- a\n- b\n") << QStringLiteral("1:1: a kubeconfig must be a mapping");
        QTest::newRow("wrong kind") << QByteArray("kind: Pod\n")
                                    << QStringLiteral("1:7: kind must be Config (got \"Pod\")");
        QTest::newRow("clusters not a list") << QByteArray("kind: Config\nclusters: {a: 1}\n")
                                             << QStringLiteral("2:11: clusters must be a list");
        QTest::newRow("cluster without a name")
            << QByteArray("kind: Config\nclusters:\n- cluster: {server: x}\n")
            << QStringLiteral("3:3: clusters[0].name is missing");
        QTest::newRow("server not a string")
            << QByteArray("kind: Config\nclusters:\n- name: c\n  cluster:\n    server: [x]\n")
            << QStringLiteral("5:13: clusters[0].cluster.server must be a string");
        QTest::newRow("bad base64")
            << QByteArray("kind: Config\nusers:\n- name: u\n  user:\n    client-key-data: '%%%'\n")
            << QStringLiteral("5:22: users[0].user.client-key-data is not valid base64");
        QTest::newRow("insecure flag not a boolean")
            << QByteArray("kind: Config\nclusters:\n- name: c\n  cluster:\n"
                          "    insecure-skip-tls-verify: maybe\n")
            << QStringLiteral(
                   "5:31: clusters[0].cluster.insecure-skip-tls-verify must be true or false");
        QTest::newRow("exec v1 needs interactiveMode")
            << QByteArray("kind: Config\nusers:\n- name: u\n  user:\n    exec:\n"
                          "      apiVersion: client.authentication.k8s.io/v1\n"
                          "      command: x\n")
            << QStringLiteral("6:7: users[0].user.exec.interactiveMode must be set for "
                              "client.authentication.k8s.io/v1");
        QTest::newRow("exec with an old apiVersion")
            << QByteArray("kind: Config\nusers:\n- name: u\n  user:\n    exec:\n"
                          "      apiVersion: client.authentication.k8s.io/v1alpha1\n"
                          "      command: x\n")
            << QStringLiteral("6:7: users[0].user.exec.apiVersion must be "
                              "client.authentication.k8s.io/v1 or /v1beta1 (got "
                              "\"client.authentication.k8s.io/v1alpha1\")");
        QTest::newRow("two documents") << QByteArray("kind: Config\n---\nkind: Config\n")
                                       << QStringLiteral("a kubeconfig holds one YAML document");
    }
    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("bad"), text);
        const QString good =
            write(dir, QStringLiteral("good"),
                  "kind: Config\nclusters:\n- name: ok\n  cluster: {server: https://ok}\n");
        const auto config = loadKubeconfig({s(path), s(good)}, false);
        QVERIFY(!config.errors.empty());
        const QString text0 = QString::fromStdString(config.errors.front().text());
        QVERIFY2(text0.startsWith(path + QLatin1Char(':')), qPrintable(text0));
        if (!error.isEmpty())
            QVERIFY2(text0.contains(error), qPrintable(text0));
        // The malformed file contributes nothing; the good one still counts.
        QVERIFY(config.cluster("ok"));
        QCOMPARE(config.clusters.size(), std::size_t(1));
    }

    void selectionErrors()
    {
        QTemporaryDir dir;
        const QString path =
            write(dir, QStringLiteral("config"),
                  "kind: Config\nclusters:\n- name: c\n  cluster: {server: https://x}\n"
                  "- name: empty\n  cluster: {}\n"
                  "contexts:\n- name: a\n  context: {cluster: nope, user: u}\n"
                  "- name: b\n  context: {cluster: c, user: ghost}\n"
                  "- name: e\n  context: {cluster: empty}\n");
        const auto config = loadKubeconfig({s(path)}, true);
        std::string error;
        QVERIFY(!select(config, "", error));
        QCOMPARE(error,
                 std::string("no context given and no current-context set in the kubeconfig"));
        QVERIFY(!select(config, "a", error));
        QCOMPARE(error, std::string("context \"a\" names cluster \"nope\", which does not exist"));
        QVERIFY(!select(config, "b", error));
        QCOMPARE(error, std::string("context \"b\" names user \"ghost\", which does not exist"));
        QVERIFY(!select(config, "e", error));
        QCOMPARE(error, std::string("cluster \"empty\" has no server"));
    }
};

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
