// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/apiclient.h"

#include <QSslConfiguration>

#include <memory>

class QNetworkAccessManager;

namespace PodSec::Net {

/// The real transport: HTTPS through QNetworkAccessManager with the cluster's CA (file or
/// data), the user's client certificate and key (RSA or EC), tls-server-name, proxy-url
/// and insecure-skip-tls-verify. Synchronous: get() runs a local event loop, so call it
/// from a worker thread (or the CLI's main thread). Bodies over the limit are aborted.
class QNetworkTransport final : public Cluster::Transport
{
public:
    /// error is set when the TLS material cannot be read.
    QNetworkTransport(const Cluster::Selection &selection, std::string &error,
                      int timeoutMs = 30000);
    ~QNetworkTransport() override;

    Cluster::HttpResponse get(const std::string &pathAndQuery, const Cluster::Headers &headers,
                              std::size_t maxBodyBytes) override;
    bool setClientCertificate(const std::string &certificatePem, const std::string &keyPem,
                              std::string &error) override;

private:
    bool useCertificate(const QByteArray &certPem, const QByteArray &keyPem);

    std::string m_server;
    std::string m_peerName;
    bool m_insecure = false;
    int m_timeoutMs;
    QSslConfiguration m_ssl;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

} // namespace PodSec::Net
