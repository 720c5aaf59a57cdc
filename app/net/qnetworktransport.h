// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/apiclient.h"

#include <QSslConfiguration>

#include <memory>

class QNetworkAccessManager;

namespace PodSec::Net {

/// "" when certificate is valid for hostName (a DNS name or an IP address) by Go's rules:
/// subjectAltName DNS or IP entries only, never the Common Name; else why not.
std::string verifyHostLikeGo(const QSslCertificate &certificate, const std::string &hostName);

/// The real transport: HTTPS through QNetworkAccessManager with the cluster's CA (file or
/// data), the user's client certificate and key (RSA or EC), tls-server-name, proxy-url
/// and insecure-skip-tls-verify. Synchronous: get() runs a local event loop, so call it
/// from a worker thread (or the CLI's main thread). Bodies over the limit, requests past
/// their deadline and cancelled requests are aborted in flight. The server's certificate
/// is checked against the host name as Go (kubectl) does: subjectAltName only, never the
/// Common Name; a mismatch ends the connection before any request (or token) is sent.
/// A user:password@ in the server URL is never put on the wire by Qt (ApiClient decides).
class QNetworkTransport final : public Cluster::Transport
{
public:
    /// error is set when the TLS material cannot be read.
    QNetworkTransport(const Cluster::Selection &selection, std::string &error);
    ~QNetworkTransport() override;

    Cluster::HttpResponse get(const std::string &pathAndQuery, const Cluster::Headers &headers,
                              const Cluster::RequestLimits &limits) override;
    bool setClientCertificate(const std::string &certificatePem, const std::string &keyPem,
                              std::string &error) override;

private:
    bool useCertificate(const QByteArray &certPem, const QByteArray &keyPem);

    std::string m_server;   ///< without userinfo
    std::string m_peerName; ///< the name the certificate must be for
    bool m_insecure = false;
    std::string m_hostRefusal; ///< set once the server's certificate failed the host check
    QSslConfiguration m_ssl;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

} // namespace PodSec::Net
