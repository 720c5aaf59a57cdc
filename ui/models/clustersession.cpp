// SPDX-License-Identifier: Apache-2.0
#include "clustersession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace PodSec::Ui {

ClusterSession::ClusterSession(QObject *parent) : QObject(parent) {}

ClusterSession::~ClusterSession()
{
    stop(); // the worker aborts its request and ends: nothing waits for a stalled server
}

bool ClusterSession::sendsCredentialsInClear(const Cluster::Selection &selection) const
{
    return m_options.allowInsecureCredentials && Cluster::isPlainHttp(selection.cluster.server) &&
           Cluster::hasHeaderCredentials(selection);
}

std::optional<Cluster::Selection> ClusterSession::resolve(const QString &kubeconfig,
                                                          const QString &context,
                                                          QStringList &problems) const
{
    const auto files =
        Cluster::kubeconfigFiles(kubeconfig.toStdString(), qgetenv("KUBECONFIG").toStdString(),
                                 QDir::homePath().toStdString());
    const auto config = Cluster::loadKubeconfig(files, !kubeconfig.isEmpty());
    std::string error;
    auto selection = Cluster::select(config, context.toStdString(), error);
    if (selection && m_transportFactory)
        return selection;
    for (const auto &e : config.errors)
        problems << QString::fromStdString(e.text());
    problems << (m_transportFactory ? QString::fromStdString(error)
                                    : tr("This build cannot reach clusters."));
    return std::nullopt;
}

void ClusterSession::start(const Cluster::Selection &selection, const QString &kubeconfig)
{
    m_kubeconfig = kubeconfig;
    m_context = QString::fromStdString(selection.context.name);
    // Results stream in: the version first, then each list page. A newer read (or Cancel)
    // stops this one; its late pages are dropped by the generation check.
    if (m_cancel)
        m_cancel->store(true);
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelled;
    const int generation = ++m_generation;
    m_reading = true;
    QPointer<ClusterSession> self(this);
    // Posted through the application object: the session may be gone by then (the
    // QPointer is only read on the GUI thread).
    auto post = [self, generation](std::function<void(ClusterSession *)> what) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, what = std::move(what)] {
                if (self && self->m_generation == generation)
                    what(self.data());
            },
            Qt::QueuedConnection);
    };
    auto *watcher = new QFutureWatcher<Cluster::ApiClient::Snapshot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_reading = false;
        m_cancel.reset();
        Q_EMIT finished(watcher->result());
    });
    const TransportFactory factory = m_transportFactory;
    const Cluster::ApiClient::Options base = m_options;
    watcher->setFuture(QtConcurrent::run([factory, sel = selection, cancelled, post, base] {
        std::string transportError;
        auto transport = factory(sel, transportError);
        if (!transport || !transportError.empty()) {
            Cluster::ApiClient::Snapshot failed;
            failed.problems.push_back(transportError);
            return failed;
        }
        Cluster::ApiClient::Options options = base;
        options.cancelled = [cancelled] {
            return cancelled->load();
        };
        Cluster::ApiClient client(sel, *transport, options);
        return client.readCluster(
            [post](const std::string &name, const Cluster::ApiClient::PageText &text) {
                post([name, text](ClusterSession *s) { Q_EMIT s->pageArrived(name, text); });
            },
            [post, sel](const std::string &version) {
                post([version, sel](ClusterSession *s) { Q_EMIT s->versionKnown(version, sel); });
            });
    }));
}

void ClusterSession::cancel()
{
    if (m_cancel)
        m_cancel->store(true); // the pages read so far stay
}

void ClusterSession::stop()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    m_reading = false;
}

} // namespace PodSec::Ui
