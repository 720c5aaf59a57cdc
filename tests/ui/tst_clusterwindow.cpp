// SPDX-License-Identifier: Apache-2.0
// The window against hostile servers, offscreen, through the real transport: Cancel aborts
// a request the server never answers, and the window can be destroyed (the application
// can exit) while a read is stalled. The title never shows a URL's password and warns
// when credentials go out unencrypted.
#include "cluster/apiclient.h"
#include "qnetworktransport.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

QString writeKubeconfig(const QTemporaryDir &dir, const QByteArray &server)
{
    const QString kc = dir.filePath(QStringLiteral("kubeconfig"));
    QFile f(kc);
    if (f.open(QIODevice::WriteOnly))
        f.write("kind: Config\ncurrent-context: shop\nclusters:\n- name: c\n  cluster: {server: '" +
                server +
                "'}\nusers:\n- name: u\n  user: {token: window-secret-token}\n"
                "contexts:\n- name: shop\n  context: {cluster: c, user: u, namespace: shop}\n");
    return kc;
}

/// The real transport, without deadlines: only Cancel (or closing) ends a stalled read.
void useRealTransport(MainWindow &w)
{
    w.setTransportFactory([](const Cluster::Selection &selection, std::string &error) {
        return std::unique_ptr<Cluster::Transport>(
            std::make_unique<Net::QNetworkTransport>(selection, error));
    });
    auto options = w.clusterSession()->clientOptions();
    options.requestTimeoutMs = 0;
    options.readTimeoutMs = 0;
    w.clusterSession()->setClientOptions(options);
}

QPushButton *cancelButton(MainWindow &w)
{
    for (auto *b : w.statusBar()->findChildren<QPushButton *>()) {
        if (b->text() == QCoreApplication::translate("PodSec::Ui::MainWindow", "Cancel"))
            return b;
    }
    return nullptr;
}

/// One namespace, nothing else (no sockets).
class TinyCluster final : public Cluster::Transport
{
public:
    Cluster::HttpResponse get(const std::string &q, const Cluster::Headers &,
                              const Cluster::RequestLimits &) override
    {
        Cluster::HttpResponse r;
        r.status = 200;
        if (q == "/version")
            r.body = R"({"major":"1","minor":"30","gitVersion":"v1.30.4"})";
        else
            r.body = R"({"kind":"List","apiVersion":"v1","metadata":{},"items":[]})";
        return r;
    }
};

} // namespace

class TestClusterWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelAbortsTheRequestInFlight()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        MainWindow w;
        useRealTransport(w);
        QSignalSpy ended(&w, &MainWindow::clusterReadEnded);
        w.connectToCluster(
            writeKubeconfig(dir, "http://127.0.0.1:" + QByteArray::number(silent.serverPort())),
            QString());
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 20000);
        QPushButton *cancel = cancelButton(w);
        QVERIFY(cancel);
        QVERIFY(w.clusterSession()->isReading());
        cancel->click();
        // The old window stopped only after the request under way (30 s, retried).
        QTRY_VERIFY_WITH_TIMEOUT(!w.clusterSession()->isReading(), 10000);
    }

    void destroyedWhileStalledExitsPromptly()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        {
            MainWindow w;
            useRealTransport(w);
            w.connectToCluster(
                writeKubeconfig(dir, "http://127.0.0.1:" + QByteArray::number(silent.serverPort())),
                QString());
            QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 20000);
            QVERIFY(w.clusterSession()->isReading());
        }
        // What ~QCoreApplication does at exit; the old worker stayed in get() for good.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    }

    void titleRedactsUserInfoAndWarnsAboutPlainHttp()
    {
        QTemporaryDir dir;
        const QString kc = writeKubeconfig(dir, "http://admin:title-secret@cluster.example:8080");
        for (const bool allow : {false, true}) {
            MainWindow w;
            w.setTransportFactory([](const Cluster::Selection &, std::string &) {
                return std::unique_ptr<Cluster::Transport>(std::make_unique<TinyCluster>());
            });
            auto options = w.clusterSession()->clientOptions();
            options.allowInsecureCredentials = allow;
            w.clusterSession()->setClientOptions(options);
            QSignalSpy ended(&w, &MainWindow::clusterReadEnded);
            w.connectToCluster(kc, QString());
            QVERIFY(!w.statusBar()->currentMessage().contains(QLatin1String("title-secret")));
            QVERIFY(ended.wait(20000));
            const QString title = w.windowTitle();
            QVERIFY2(title.contains(QLatin1String("http://cluster.example:8080")),
                     qPrintable(title));
            QVERIFY2(!title.contains(QLatin1String("title-secret")), qPrintable(title));
            QCOMPARE(title.contains(QLatin1String("CREDENTIALS SENT UNENCRYPTED")), allow);
        }
    }
};

QTEST_MAIN(TestClusterWindow)
#include "tst_clusterwindow.moc"
