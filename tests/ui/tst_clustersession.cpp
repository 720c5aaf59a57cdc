// SPDX-License-Identifier: Apache-2.0
// Reading a cluster without the window: the version, the pages and the end arrive on the
// GUI thread in that order; a stopped or superseded read delivers nothing more.
#include "models/clustersession.h"
#include "qnetworktransport.h"

#include <QFile>
#include <QSemaphore>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <atomic>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

/// One namespace, nothing else; /version waits for the gate when there is one.
class FakeCluster final : public Cluster::Transport
{
public:
    explicit FakeCluster(std::shared_ptr<QSemaphore> gate = {}) : m_gate(std::move(gate)) {}
    Cluster::HttpResponse get(const std::string &q, const Cluster::Headers &,
                              const Cluster::RequestLimits &) override
    {
        Cluster::HttpResponse r;
        r.status = 200;
        if (q == "/version") {
            if (m_gate)
                m_gate->acquire();
            r.body = R"({"major":"1","minor":"30","gitVersion":"v1.30.4"})";
        } else if (q.rfind("/api/v1/namespaces?", 0) == 0) {
            r.body = R"({"kind":"NamespaceList","apiVersion":"v1","metadata":{},"items":[)"
                     R"({"metadata":{"name":"shop"}}]})";
        } else {
            r.body = R"({"kind":"List","apiVersion":"v1","metadata":{},"items":[]})";
        }
        return r;
    }

private:
    std::shared_ptr<QSemaphore> m_gate;
};

/// What a session delivered, in order.
struct Recorder
{
    QStringList events;
    bool finished = false;
    explicit Recorder(ClusterSession &session)
    {
        QObject::connect(&session, &ClusterSession::versionKnown, &session,
                         [this](const std::string &version, const Cluster::Selection &) {
                             events << QStringLiteral("version ") + QString::fromStdString(version);
                         });
        QObject::connect(&session, &ClusterSession::pageArrived, &session,
                         [this](const std::string &name, const Cluster::ApiClient::PageText &) {
                             events << QStringLiteral("page ") + QString::fromStdString(name);
                         });
        QObject::connect(&session, &ClusterSession::finished, &session,
                         [this, &session](const Cluster::ApiClient::Snapshot &snapshot) {
                             QVERIFY(!session.isReading());
                             events << QStringLiteral("end ") +
                                           QString::fromStdString(snapshot.serverVersion);
                             finished = true;
                         });
    }
};

} // namespace

class TestClusterSession : public QObject
{
    Q_OBJECT

private:
    std::optional<Cluster::Selection> select(ClusterSession &session)
    {
        QStringList problems;
        auto selection = session.resolve(m_kubeconfig, QString(), problems);
        if (!selection)
            qWarning() << problems;
        return selection;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QFile f(m_kubeconfig);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("kind: Config\ncurrent-context: shop\nclusters:\n- name: c\n  cluster: {server: "
                "https://cluster.example:6443}\nusers:\n- name: u\n  user: {token: t}\n"
                "contexts:\n- name: shop\n  context: {cluster: c, user: u, namespace: shop}\n");
    }

    void withoutTransportCannotConnect()
    {
        ClusterSession session;
        QStringList problems;
        QVERIFY(!session.resolve(m_kubeconfig, QString(), problems));
        QCOMPARE(problems.value(problems.size() - 1),
                 QStringLiteral("This build cannot reach clusters."));
    }

    void readDeliversVersionPagesAndEnd()
    {
        ClusterSession session;
        session.setTransportFactory([](const Cluster::Selection &, std::string &) {
            return std::unique_ptr<Cluster::Transport>(std::make_unique<FakeCluster>());
        });
        const auto selection = select(session);
        QVERIFY(selection);
        Recorder recorder(session);
        session.start(*selection, m_kubeconfig);
        QVERIFY(session.isReading());
        QCOMPARE(session.context(), QStringLiteral("shop"));
        QCOMPARE(session.kubeconfig(), m_kubeconfig);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.finished, 20000);
        QVERIFY(recorder.events.size() >= 3);
        QCOMPARE(recorder.events.first(), QStringLiteral("version v1.30.4"));
        QVERIFY(recorder.events.at(1).startsWith(QLatin1String("page ")));
        QCOMPARE(recorder.events.last(), QStringLiteral("end v1.30.4"));
    }

    void stoppedReadDeliversNothing()
    {
        auto gate = std::make_shared<QSemaphore>(0);
        auto reads = std::make_shared<std::atomic<int>>(0);
        ClusterSession session;
        session.setTransportFactory([gate, reads](const Cluster::Selection &, std::string &) {
            ++*reads;
            return std::unique_ptr<Cluster::Transport>(std::make_unique<FakeCluster>(gate));
        });
        const auto selection = select(session);
        QVERIFY(selection);
        Recorder recorder(session);
        session.start(*selection, m_kubeconfig);
        QTRY_COMPARE_WITH_TIMEOUT(reads->load(), 1, 20000);
        session.stop();
        QVERIFY(!session.isReading());
        QCOMPARE(session.context(), QStringLiteral("shop")); // kept for a reload
        gate->release();
        QTest::qWait(300);
        QVERIFY2(recorder.events.isEmpty(), qPrintable(recorder.events.join(QLatin1Char(','))));
    }

    // A server that accepts the connection and never answers: Cancel aborts the request in
    // flight (no deadline is set, so nothing else would end it) and the read ends.
    void cancelAbortsAStalledRequest()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ClusterSession session;
        startStalledRead(session, silent);
        Recorder recorder(session);
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 20000);
        QVERIFY(session.isReading());
        session.cancel();
        // Far above the 50 ms the transport takes to see the flag; the old client waited
        // for the request (30 s, then retried it) before it looked.
        QTRY_VERIFY_WITH_TIMEOUT(recorder.finished, 10000);
        QCOMPARE(recorder.events.last(), QStringLiteral("end "));
    }

    // Destroying the session (the window closing) while a request is stalled lets the
    // worker end, so ~QCoreApplication does not wait for ever in QThreadPool::waitForDone.
    void destroyedWhileStalledLetsTheWorkerEnd()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        {
            ClusterSession session;
            startStalledRead(session, silent);
            QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 20000);
        }
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    }

private:
    /// Starts a read of http://127.0.0.1:PORT through the real transport, without
    /// deadlines.
    void startStalledRead(ClusterSession &session, const QTcpServer &silent)
    {
        session.setTransportFactory([](const Cluster::Selection &selection, std::string &error) {
            return std::unique_ptr<Cluster::Transport>(
                std::make_unique<Net::QNetworkTransport>(selection, error));
        });
        auto options = session.clientOptions();
        options.requestTimeoutMs = 0;
        options.readTimeoutMs = 0;
        session.setClientOptions(options);
        auto selection = select(session);
        QVERIFY(selection);
        selection->cluster.server = "http://127.0.0.1:" + std::to_string(silent.serverPort());
        session.start(*selection, m_kubeconfig);
    }

    QTemporaryDir m_dir;
    QString m_kubeconfig;
};

QTEST_MAIN(TestClusterSession)
#include "tst_clustersession.moc"
