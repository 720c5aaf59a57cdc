// SPDX-License-Identifier: Apache-2.0
#include "qnetworktransport.h"

#include <QEventLoop>
#include <QFile>
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

} // namespace

QNetworkTransport::QNetworkTransport(const Cluster::Selection &selection, std::string &error,
                                     int timeoutMs)
    : m_server(selection.cluster.server), m_peerName(selection.cluster.tlsServerName),
      m_insecure(selection.cluster.insecureSkipTlsVerify), m_timeoutMs(timeoutMs),
      m_manager(std::make_unique<QNetworkAccessManager>())
{
    while (!m_server.empty() && m_server.back() == '/')
        m_server.pop_back();
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
                                             std::size_t maxBodyBytes)
{
    Cluster::HttpResponse response;
    QNetworkRequest request(QUrl(QString::fromStdString(m_server + pathAndQuery)));
    request.setSslConfiguration(m_ssl);
    if (!m_peerName.empty())
        request.setPeerVerifyName(QString::fromStdString(m_peerName));
    for (const auto &[k, v] : headers)
        request.setRawHeader(QByteArray::fromStdString(k), QByteArray::fromStdString(v));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_manager->get(request);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QByteArray body;
    QStringList tlsErrors;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        body += reply->readAll();
        if (std::size_t(body.size()) > maxBodyBytes) {
            response.tooLarge = true;
            body.clear();
            reply->abort();
        }
        timer.start(m_timeoutMs); // a slow but moving answer is not a timeout
    });
    QObject::connect(reply, &QNetworkReply::sslErrors, &loop, [&](const QList<QSslError> &errs) {
        for (const auto &e : errs)
            tlsErrors << e.errorString();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    loop.exec();
    if (!response.tooLarge)
        body += reply->readAll();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[k, v] : reply->rawHeaderPairs())
        response.headers.emplace_back(k.toLower().toStdString(), v.toStdString());
    if (!response.tooLarge)
        response.body = body.toStdString();
    if (response.status == 0) {
        if (timedOut)
            response.error = "no answer from " + m_server + " within " +
                             std::to_string(m_timeoutMs / 1000) + " s (timed out)";
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
