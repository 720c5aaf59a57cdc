// SPDX-License-Identifier: Apache-2.0
// Exec credential plugins (client.authentication.k8s.io): run, bounded, never echoed.
#include "cluster/apiclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace PodSec::Cluster {

ExecCredential ExecCredentials::get(const ExecConfig &exec, const ClusterEntry &cluster,
                                    std::string &error, const std::function<bool()> &cancelled)
{
    const long long now = QDateTime::currentMSecsSinceEpoch();
    if (!m_cached.empty() && (m_expiresAtMs == 0 || now < m_expiresAtMs))
        return m_cached;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[k, v] : exec.env)
        env.insert(QString::fromStdString(k), QString::fromStdString(v));
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (exec.provideClusterInfo) {
        QJsonObject c{{QStringLiteral("server"), QString::fromStdString(cluster.server)}};
        if (!cluster.tlsServerName.empty())
            c.insert(QStringLiteral("tls-server-name"),
                     QString::fromStdString(cluster.tlsServerName));
        if (cluster.insecureSkipTlsVerify)
            c.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        spec.insert(QStringLiteral("cluster"), c);
    }
    const QJsonObject info{{QStringLiteral("apiVersion"), QString::fromStdString(exec.apiVersion)},
                           {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("spec"), spec}};
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
               QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));
    process.setProcessEnvironment(env);
    // The plugin's error output may hold a token: it is neither read nor shown.
    process.setStandardErrorFile(QProcess::nullDevice());
    QStringList args;
    for (const auto &a : exec.args)
        args << QString::fromStdString(a);
    process.start(QString::fromStdString(exec.command), args);
    if (!process.waitForStarted(10000)) {
        error = "exec credential plugin \"" + exec.command + "\" could not be started (" +
                process.errorString().toStdString() + ")";
        if (!exec.installHint.empty())
            error += ". " + exec.installHint;
        return {};
    }
    process.closeWriteChannel();
    // Read as it comes, bounded in size and time, and stopped by Cancel.
    QByteArray output;
    QElapsedTimer clock;
    clock.start();
    const auto stop = [&](std::string why) {
        process.kill();
        process.waitForFinished(2000);
        error = "exec credential plugin \"" + exec.command + "\" " + why;
        return ExecCredential{};
    };
    while (process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        output += process.readAllStandardOutput();
        if (std::size_t(output.size()) > MaxOutputBytes)
            return stop("printed more than " + std::to_string(MaxOutputBytes >> 20) +
                        " MB (an ExecCredential is a few kB); stopped");
        if (cancelled && cancelled())
            return stop("was stopped: the read was cancelled");
        if (clock.elapsed() > 60000)
            return stop("did not finish within 60 s");
    }
    output += process.readAllStandardOutput();
    if (std::size_t(output.size()) > MaxOutputBytes)
        return stop("printed more than " + std::to_string(MaxOutputBytes >> 20) +
                    " MB (an ExecCredential is a few kB); stopped");
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        error = "exec credential plugin \"" + exec.command + "\" failed with exit code " +
                std::to_string(process.exitCode()) +
                " (its error output is not shown, as it may hold credentials: run it yourself "
                "to see it)";
        return {};
    }
    const QJsonObject credential = QJsonDocument::fromJson(output).object();
    output.fill('\0'); // the token is not left lying around in freed memory
    const QJsonObject status = credential.value(QStringLiteral("status")).toObject();
    ExecCredential result;
    result.token = status.value(QStringLiteral("token")).toString().toStdString();
    result.clientCertificateData =
        status.value(QStringLiteral("clientCertificateData")).toString().toStdString();
    result.clientKeyData = status.value(QStringLiteral("clientKeyData")).toString().toStdString();
    if (credential.value(QStringLiteral("kind")).toString() != QLatin1String("ExecCredential") ||
        (result.token.empty() && result.clientCertificateData.empty() &&
         result.clientKeyData.empty())) {
        error = "exec credential plugin \"" + exec.command +
                "\" did not print an ExecCredential with status.token or a client certificate";
        return {};
    }
    if (result.clientCertificateData.empty() != result.clientKeyData.empty()) {
        error = "exec credential plugin \"" + exec.command + "\" printed " +
                (result.clientKeyData.empty() ? "status.clientCertificateData without "
                                                "status.clientKeyData"
                                              : "status.clientKeyData without "
                                                "status.clientCertificateData");
        return {};
    }
    m_cached = std::move(result);
    m_expiresAtMs = 0;
    const QString expiry = status.value(QStringLiteral("expirationTimestamp")).toString();
    if (!expiry.isEmpty()) {
        const QDateTime at = QDateTime::fromString(expiry, Qt::ISODate);
        m_expiresAtMs = at.isValid() ? at.toMSecsSinceEpoch() : 1; // unreadable: use once
    }
    return m_cached;
}

} // namespace PodSec::Cluster
