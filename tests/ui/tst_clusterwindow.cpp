// SPDX-License-Identifier: Apache-2.0
// The window against hostile servers, offscreen, through the real transport: Cancel aborts
// a request the server never answers, and the window can be destroyed (the application
// can exit) while a read is stalled. The title never shows a URL's password and warns
// when credentials go out unencrypted.
#include "cluster/apiclient.h"
#include "editor/codeeditor.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "qnetworktransport.h"
#include "uitestutil.h"
#include "views/detailspane.h"
#include "views/mainwindow.h"
#include "windowtestutil.h"

#include <QAbstractProxyModel>
#include <QTextBlock>
#include <QTreeView>

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
using PodSec::TestUtil::currentSource;

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

/// A namespace and two Pods with managedFields and a status, in one page.
class TwoPodCluster final : public Cluster::Transport
{
public:
    Cluster::HttpResponse get(const std::string &q, const Cluster::Headers &,
                              const Cluster::RequestLimits &) override
    {
        Cluster::HttpResponse r;
        r.status = 200;
        const auto pod = [](const char *name, bool privileged) {
            return std::string(R"({"metadata":{"name":")") + name +
                   R"(","namespace":"shop","uid":"u-)" + name +
                   R"(","managedFields":[{"manager":"kubectl","operation":"Update"}]},)"
                   R"("spec":{"containers":[{"name":"app","image":"nginx:1.25",)"
                   R"("securityContext":{"privileged":)" +
                   (privileged ? "true" : "false") +
                   R"(}}]},"status":{"phase":"Running","podIP":"10.0.0.7",)"
                   R"("conditions":[{"type":"Ready","status":"True"}]}})";
        };
        if (q == "/version")
            r.body = R"({"major":"1","minor":"30","gitVersion":"v1.30.4"})";
        else if (q.rfind("/api/v1/namespaces?", 0) == 0)
            r.body = R"({"kind":"NamespaceList","apiVersion":"v1","metadata":{},"items":[)"
                     R"({"metadata":{"name":"shop"}}]})";
        else if (q.rfind("/api/v1/pods?", 0) == 0)
            r.body = R"({"kind":"PodList","apiVersion":"v1","metadata":{},"items":[)" +
                     pod("web-1", false) + ',' + pod("web-2", true) + "]}";
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

    // Each live object is a read-only YAML document of its own in the editor: kind and
    // apiVersion from its list, no managedFields, its status folded under a gutter marker
    // that opens it; the tree and the details name it, not its list page's line.
    void liveObjectsReadAsObjects()
    {
        QTemporaryDir dir;
        MainWindow w;
        w.setTransportFactory([](const Cluster::Selection &, std::string &) {
            return std::unique_ptr<Cluster::Transport>(std::make_unique<TwoPodCluster>());
        });
        QSignalSpy ended(&w, &MainWindow::clusterReadEnded);
        w.connectToCluster(writeKubeconfig(dir, "https://cluster.example"), QString());
        QVERIFY(ended.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!w.workspace()->isBusy(), 20000);
        QVERIFY(w.selectKey(QStringLiteral("shop/web-2")));
        CodeEditor *editor = w.editor();
        QVERIFY(editor->isReadOnly());
        const QString text = editor->document()->toPlainText();
        QVERIFY2(text.startsWith(QLatin1String("apiVersion: v1\nkind: Pod\nmetadata:\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("  name: web-2\n")));
        QVERIFY(!text.contains(QLatin1String("web-1")));
        QVERIFY(!text.contains(QLatin1String("managedFields")));
        QVERIFY(text.contains(QLatin1String("privileged: true")));
        // The second object of its page: its lines are its own, counted from 1 in the gutter.
        QVERIFY(editor->lineOffset() > 0);
        // Status: the last key, folded.
        QTextBlock status = editor->document()->begin();
        while (status.isValid() && status.text() != QLatin1String("status:"))
            status = status.next();
        QVERIFY(status.isValid());
        QCOMPARE(editor->foldLine(), status.blockNumber() + 1 + editor->lineOffset());
        QVERIFY(editor->isFolded());
        QVERIFY(status.isVisible());
        QVERIFY(status.next().isValid());
        for (QTextBlock b = status.next(); b.isValid(); b = b.next())
            QVERIFY2(!b.isVisible(), qPrintable(b.text()));
        // A click on the marker opens it, another folds it again.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        editor->goToLine(editor->foldLine());
        const int y = int(editor->cursorRect().center().y());
        editor->gutterClicked(y);
        QVERIFY(!editor->isFolded());
        QVERIFY(status.next().isVisible());
        QVERIFY(editor->document()->toPlainText().contains(QLatin1String("phase: Running")));
        editor->gutterClicked(y);
        QVERIFY(editor->isFolded());
        QVERIFY(!status.next().isVisible());
        // Going to a line inside the fold opens it.
        editor->goToLine(editor->foldLine() + 1);
        QVERIFY(!editor->isFolded());
        // The tree names the object's source as the cluster, the details pane likewise.
        const QModelIndex row = currentSource(w);
        QCOMPARE(row.siblingAtColumn(WorkloadTreeModel::ValueColumn).data().toString(),
                 QStringLiteral("from the cluster"));
        const QString md = DetailsPane::markdownFor(w.treeModel(), row);
        QVERIFY2(md.contains(QLatin1String("read from the cluster")), qPrintable(md));
        QVERIFY(!md.contains(QLatin1String("cluster:pods#1")));
    }

    // A list page is held once (issue #19): the read's final pages, the workspace and every
    // snapshot share its bytes; nothing copies 50 MB of pages while a cluster is open.
    void pagesAreHeldOnce()
    {
        QTemporaryDir dir;
        MainWindow w;
        w.setTransportFactory([](const Cluster::Selection &, std::string &) {
            return std::unique_ptr<Cluster::Transport>(std::make_unique<TwoPodCluster>());
        });
        Cluster::ApiClient::Snapshot read;
        connect(w.clusterSession(), &ClusterSession::finished, this,
                [&read](const Cluster::ApiClient::Snapshot &s) { read = s; });
        QSignalSpy ended(&w, &MainWindow::clusterReadEnded);
        w.connectToCluster(writeKubeconfig(dir, "https://cluster.example"), QString());
        QVERIFY(ended.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!w.workspace()->isBusy(), 20000);
        QVERIFY(!read.documents.empty());
        const auto snapshot = w.treeModel()->snapshot();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->files.size(), read.documents.size());
        for (std::size_t i = 0; i < read.documents.size(); ++i) {
            const std::string &page = *read.documents[i].second;
            QVERIFY(!page.empty());
            QCOMPARE(static_cast<const void *>(w.workspace()->fileBytes(int(i)).data()),
                     static_cast<const void *>(page.data()));
            QCOMPARE(static_cast<const void *>(snapshot->files[i].text().data()),
                     static_cast<const void *>(page.data()));
        }
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
