// SPDX-License-Identifier: Apache-2.0
#include "qnetworktransport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <QUrl>

namespace PodSec::Net {

namespace {

QByteArray readFileOr(const std::string &path, const std::string &data, std::string &error,
                      const char *what)
{
    if (!data.empty())
        return QByteArray::fromStdString(data);
    if (path.empty())
        return {};
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        error = std::string("cannot read the ") + what + ' ' + path;
        return {};
    }
    return f.readAll();
}

/// Go's hostname matching (crypto/x509 matchHostnames): case-insensitive, a trailing dot
/// ignored, a wildcard only as the whole left-most label and matching one label.
bool matchesDnsName(QString pattern, QString host)
{
    pattern = pattern.toLower();
    host = host.toLower();
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (pattern.endsWith(QLatin1Char('.')))
        pattern.chop(1);
    if (pattern.isEmpty() || host.isEmpty())
        return false;
    const QStringList p = pattern.split(QLatin1Char('.'));
    const QStringList h = host.split(QLatin1Char('.'));
    if (p.size() != h.size())
        return false;
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (i == 0 && p[i] == QLatin1String("*") && p.size() > 2 && !h[i].isEmpty())
            continue;
        if (p[i] != h[i])
            return false;
    }
    return true;
}

} // namespace

std::string verifyHostLikeGo(const QSslCertificate &certificate, const std::string &hostName)
{
    QString host = QString::fromStdString(hostName);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const auto names = certificate.subjectAlternativeNames();
    const QHostAddress ip(host);
    if (!ip.isNull()) {
        for (auto it = names.constFind(QSsl::IpAddressEntry);
             it != names.cend() && it.key() == QSsl::IpAddressEntry; ++it) {
            if (QHostAddress(it.value()).isEqual(ip, QHostAddress::StrictConversion))
                return {};
        }
    } else {
        for (auto it = names.constFind(QSsl::DnsEntry);
             it != names.cend() && it.key() == QSsl::DnsEntry; ++it) {
            if (matchesDnsName(it.value(), host))
                return {};
        }
    }
    if (!names.contains(QSsl::DnsEntry) && !names.contains(QSsl::IpAddressEntry))
        return "its certificate has no subjectAltName, and the Common Name is not used for "
               "host names (as in kubectl and Go)";
    QStringList listed;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry)
            listed << it.value();
    }
    return "its certificate is not valid for " + hostName + " (it is for " +
           listed.join(QStringLiteral(", ")).toStdString() + ')';
}

QNetworkTransport::QNetworkTransport(const Cluster::Selection &selection, std::string &error)
    : m_server(Cluster::redactedServer(selection.cluster.server)),
      m_peerName(selection.cluster.tlsServerName),
      m_insecure(selection.cluster.insecureSkipTlsVerify),
      m_manager(std::make_unique<QNetworkAccessManager>())
{
    while (!m_server.empty() && m_server.back() == '/')
        m_server.pop_back();
    if (m_peerName.empty())
        m_peerName = QUrl(QString::fromStdString(m_server)).host().toStdString();
    m_ssl = QSslConfiguration::defaultConfiguration();
    const QByteArray ca =
        readFileOr(selection.cluster.certificateAuthority,
                   selection.cluster.certificateAuthorityData, error, "certificate authority");
    if (!ca.isEmpty()) {
        const auto certs = QSslCertificate::fromData(ca, QSsl::Pem);
        if (certs.isEmpty())
            error = "the certificate authority of cluster \"" + selection.cluster.name +
                    "\" holds no PEM certificate";
        m_ssl.setCaCertificates(certs); // only the cluster's CA, as kubectl does
    }
    const auto &u = selection.user;
    const QByteArray cert =
        readFileOr(u.clientCertificate, u.clientCertificateData, error, "client certificate");
    const QByteArray key = readFileOr(u.clientKey, u.clientKeyData, error, "client key");
    if ((!cert.isEmpty() || !key.isEmpty()) && !useCertificate(cert, key))
        error = "the client certificate or key of user \"" + u.name +
                "\" could not be read (PEM, RSA or EC expected)";
    if (m_insecure)
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!selection.cluster.proxyUrl.empty()) {
        const QUrl proxy(QString::fromStdString(selection.cluster.proxyUrl));
        m_manager->setProxy(QNetworkProxy(proxy.scheme().startsWith(QLatin1String("socks"))
                                              ? QNetworkProxy::Socks5Proxy
                                              : QNetworkProxy::HttpProxy,
                                          proxy.host(), quint16(proxy.port(3128))));
    } else {
        m_manager->setProxy(QNetworkProxy::NoProxy);
    }
}

QNetworkTransport::~QNetworkTransport() = default;

bool QNetworkTransport::useCertificate(const QByteArray &certPem, const QByteArray &keyPem)
{
    const auto chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return false;
    m_ssl.setLocalCertificate(chain.front());
    if (chain.size() > 1)
        m_ssl.setLocalCertificateChain(chain);
    m_ssl.setPrivateKey(key);
    return true;
}

bool QNetworkTransport::setClientCertificate(const std::string &certificatePem,
                                             const std::string &keyPem, std::string &error)
{
    if (useCertificate(QByteArray::fromStdString(certificatePem),
                       QByteArray::fromStdString(keyPem))) {
        // Connections made with the old identity must not be reused.
        m_manager->clearConnectionCache();
        return true;
    }
    error = "the client certificate or key printed by the exec credential plugin could not be "
            "read (PEM, RSA or EC expected)";
    return false;
}

Cluster::HttpResponse QNetworkTransport::get(const std::string &pathAndQuery,
                                             const Cluster::Headers &headers,
                                             const Cluster::RequestLimits &limits)
{
    Cluster::HttpResponse response;
    if (!m_hostRefusal.empty()) {
        response.error = m_hostRefusal;
        return response;
    }
    QNetworkRequest request(QUrl(QString::fromStdString(m_server + pathAndQuery)));
    request.setSslConfiguration(m_ssl);
    request.setPeerVerifyName(QString::fromStdString(m_peerName));
    for (const auto &[k, v] : headers)
        request.setRawHeader(QByteArray::fromStdString(k), QByteArray::fromStdString(v));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_manager->get(request);
    QEventLoop loop;
    // One deadline for the whole request however the bytes come, and a poll of the cancel
    // flag, so that neither a dripping nor a silent server holds the caller.
    QTimer deadline;
    deadline.setSingleShot(true);
    QTimer poll;
    QByteArray body;
    QStringList tlsErrors;
    std::string hostRefusal;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        response.timedOut = true;
        reply->abort();
    });
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (limits.cancelled && limits.cancelled()) {
            response.cancelled = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        body += reply->readAll();
        if (std::size_t(body.size()) > limits.maxBodyBytes) {
            response.tooLarge = true;
            body.clear();
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::sslErrors, &loop, [&](const QList<QSslError> &errs) {
        for (const auto &e : errs)
            tlsErrors << e.errorString();
    });
    // Qt also accepts a certificate by its Common Name; Go does not. The handshake is
    // checked here, before the request (and its Authorization header) goes out: Qt waits
    // for this slot (a blocking queued connection) and the abort is queued ahead of the
    // request.
    QObject::connect(reply, &QNetworkReply::encrypted, &loop, [&] {
        if (m_insecure)
            return;
        const std::string why =
            verifyHostLikeGo(reply->sslConfiguration().peerCertificate(), m_peerName);
        if (!why.empty()) {
            hostRefusal =
                "TLS: " + m_server + " is not who it should be: " + why + "; nothing was sent";
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (limits.timeoutMs > 0)
        deadline.start(limits.timeoutMs);
    if (limits.cancelled)
        poll.start(50);
    if (!reply->isFinished())
        loop.exec();
    if (!hostRefusal.empty()) {
        // Connections to this server are not reused, and no later request is made.
        m_hostRefusal = hostRefusal;
        m_manager->clearConnectionCache();
        reply->deleteLater();
        response = {};
        response.error = hostRefusal;
        return response;
    }
    if (!response.tooLarge && reply->isOpen())
        body += reply->readAll();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[k, v] : reply->rawHeaderPairs())
        response.headers.emplace_back(k.toLower().toStdString(), v.toStdString());
    if (response.timedOut || response.cancelled) {
        response.status = 0; // a partial answer is no answer
        body.clear();
    }
    if (!response.tooLarge)
        response.body = body.toStdString();
    if (response.status != 0 && !m_insecure && m_server.rfind("https:", 0) == 0) {
        // Belt and braces: an answer is only taken from a server that passed the check.
        const std::string why =
            verifyHostLikeGo(reply->sslConfiguration().peerCertificate(), m_peerName);
        if (!why.empty()) {
            m_hostRefusal = "TLS: " + m_server + " is not who it should be: " + why;
            m_manager->clearConnectionCache();
            reply->deleteLater();
            response = {};
            response.error = m_hostRefusal;
            return response;
        }
    }
    if (response.status == 0) {
        if (response.timedOut)
            response.error = "no complete answer from " + m_server + " in time (timed out)";
        else if (response.cancelled)
            response.error = "cancelled";
        else if (!tlsErrors.isEmpty())
            response.error = "TLS: the certificate of " + m_server + " is not trusted: " +
                             tlsErrors.join(QStringLiteral("; ")).toStdString();
        else
            response.error = "cannot reach " + m_server + ": " + reply->errorString().toStdString();
    }
    reply->deleteLater();
    return response;
}

} // namespace PodSec::Net
