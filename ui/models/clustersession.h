// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/apiclient.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace PodSec::Ui {

/// Reading a live cluster in the background: the server's version, each list page as it
/// arrives, and the end, delivered on the GUI thread. A newer read (or stop()) supersedes
/// an older one, whose late results are dropped.
class ClusterSession final : public QObject
{
    Q_OBJECT

public:
    /// Makes the transport for a cluster (app/net's QNetworkAccessManager one; tests may
    /// pass a fake).
    using TransportFactory = std::function<std::unique_ptr<Cluster::Transport>(
        const Cluster::Selection &, std::string &error)>;

    explicit ClusterSession(QObject *parent = nullptr);
    ~ClusterSession() override;

    void setTransportFactory(TransportFactory factory) { m_transportFactory = std::move(factory); }
    /// Deadlines and the plain-http credential choice of later reads (the cancel flag is
    /// the session's own).
    void setClientOptions(const Cluster::ApiClient::Options &options) { m_options = options; }
    const Cluster::ApiClient::Options &clientOptions() const { return m_options; }
    /// True when a read of selection sends credentials unencrypted (plain http, allowed):
    /// the window says so.
    bool sendsCredentialsInClear(const Cluster::Selection &selection) const;
    /// The selection for a kubeconfig context as kubectl finds it (kubeconfig empty:
    /// $KUBECONFIG or ~/.kube/config; context empty: the current one), or nothing and the
    /// problems, also when this build has no transport.
    std::optional<Cluster::Selection> resolve(const QString &kubeconfig, const QString &context,
                                              QStringList &problems) const;
    /// Starts reading; kubeconfig is remembered (with the context's name) for a reload.
    void start(const Cluster::Selection &selection, const QString &kubeconfig);
    /// Stops the read, aborting the request under way; what was read so far is still
    /// delivered.
    void cancel();
    /// Cancels and drops whatever the running read still delivers. The destructor stops
    /// too, so the worker ends promptly and the application can exit.
    void stop();

    bool isReading() const { return m_reading; }
    /// The last cluster started (kept after stop()), for a reload.
    const QString &kubeconfig() const { return m_kubeconfig; }
    const QString &context() const { return m_context; }

Q_SIGNALS:
    void versionKnown(const std::string &version, const PodSec::Cluster::Selection &selection);
    void pageArrived(const std::string &name, const PodSec::Cluster::ApiClient::PageText &text);
    /// The read has ended (isReading() is false again).
    void finished(const PodSec::Cluster::ApiClient::Snapshot &snapshot);

private:
    TransportFactory m_transportFactory;
    Cluster::ApiClient::Options m_options;
    QString m_kubeconfig, m_context;
    int m_generation = 0; ///< the newest read; older ones are dropped
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_reading = false;
};

} // namespace PodSec::Ui
