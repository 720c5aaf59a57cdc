// SPDX-License-Identifier: Apache-2.0
#include "cluster/apiclient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>

#include <algorithm>
#include <thread>

namespace PodSec::Cluster {

namespace {

QJsonObject parseObject(const std::string &body)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
}

std::string statusMessage(const std::string &body)
{
    const QJsonObject o = parseObject(body);
    if (o.value(QStringLiteral("kind")).toString() == QLatin1String("Status"))
        return o.value(QStringLiteral("message")).toString().toStdString();
    return {};
}

struct Resource
{
    const char *group; ///< "" for the core group
    const char *plural;
};

// Owners before what they own (Deployments before ReplicaSets before Pods, CronJobs before
// Jobs), so that streamed pages nest under rows that are already there.
// clang-format off
const Resource Workloads[] = {
    {"apps/v1", "deployments"},
    {"batch/v1", "cronjobs"},
    {"apps/v1", "statefulsets"},
    {"apps/v1", "daemonsets"},
    {"", "replicationcontrollers"},
    {"apps/v1", "replicasets"},
    {"batch/v1", "jobs"},
    {"", "podtemplates"},
    {"", "pods"},
};
// clang-format on

std::string groupPrefix(const Resource &r)
{
    return *r.group ? std::string("/apis/") + r.group : std::string("/api/v1");
}

/// "/apis/apps/v1/deployments", "/api/v1/pods".
std::string clusterPath(const Resource &r)
{
    return groupPrefix(r) + '/' + r.plural;
}

std::string namespacedPath(const Resource &r, const std::string &ns)
{
    return groupPrefix(r) + "/namespaces/" + ns + '/' + r.plural;
}

} // namespace

std::string HttpResponse::header(const std::string &name) const
{
    for (const auto &[k, v] : headers) {
        if (k == name)
            return v;
    }
    return {};
}

bool Transport::setClientCertificate(const std::string &, const std::string &, std::string &error)
{
    error = "this connection cannot present a client certificate";
    return false;
}

ExecCredential ExecCredentials::get(const ExecConfig &exec, const ClusterEntry &cluster,
                                    std::string &error)
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
    if (!process.waitForFinished(60000)) {
        process.kill();
        error = "exec credential plugin \"" + exec.command + "\" did not finish within 60 s";
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        error = "exec credential plugin \"" + exec.command + "\" failed with exit code " +
                std::to_string(process.exitCode());
        const QByteArray err = process.readAllStandardError().trimmed().left(400);
        if (!err.isEmpty())
            error += ": " + err.toStdString();
        return {};
    }
    const QJsonObject credential =
        QJsonDocument::fromJson(process.readAllStandardOutput()).object();
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

ApiClient::ApiClient(Selection selection, Transport &transport, Options options)
    : m_selection(std::move(selection)), m_transport(transport), m_options(std::move(options))
{
    if (!m_options.sleep)
        m_options.sleep = [](int ms) {
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        };
}

Headers ApiClient::authHeaders(std::string &error)
{
    Headers h{{"Accept", "application/json"}, {"User-Agent", "podsec"}};
    const UserEntry &u = m_selection.user;
    std::string token = u.token;
    if (token.empty() && !u.tokenFile.empty()) {
        QFile f(QString::fromStdString(u.tokenFile));
        if (!f.open(QIODevice::ReadOnly)) {
            error = "cannot read the token file " + u.tokenFile + " of user \"" + u.name + '"';
            return h;
        }
        token = f.readAll().trimmed().toStdString();
    }
    if (token.empty() && u.exec) {
        const ExecCredential credential = m_exec.get(*u.exec, m_selection.cluster, error);
        token = credential.token;
        if (!credential.clientCertificateData.empty() &&
            credential.clientCertificateData != m_presentedCertificate) {
            std::string certificateError;
            if (!m_transport.setClientCertificate(credential.clientCertificateData,
                                                  credential.clientKeyData, certificateError)) {
                error = certificateError;
                return h;
            }
            m_presentedCertificate = credential.clientCertificateData;
        }
    }
    if (!token.empty())
        h.emplace_back("Authorization", "Bearer " + token);
    else if (!u.username.empty())
        h.emplace_back(
            "Authorization",
            "Basic " +
                QByteArray::fromStdString(u.username + ':' + u.password).toBase64().toStdString());
    return h;
}

HttpResponse ApiClient::request(const std::string &pathAndQuery, std::string &error)
{
    HttpResponse response;
    int delay = 500;
    for (int attempt = 0; attempt <= m_options.maxRetries; ++attempt) {
        const Headers headers = authHeaders(error);
        if (!error.empty())
            return response;
        response = m_transport.get(pathAndQuery, headers, m_options.maxBodyBytes);
        if (response.status == 401 && m_selection.user.exec && attempt == 0) {
            m_exec.forget(); // a cached token may have been revoked: ask the plugin again
            continue;
        }
        const bool retry = response.status == 429 || response.status >= 500 ||
                           (response.status == 0 && response.error.empty() == false &&
                            response.error.find("timed out") != std::string::npos);
        if (!retry || attempt == m_options.maxRetries)
            return response;
        int wait = delay;
        if (response.status == 429) {
            bool ok = false;
            const int seconds = QString::fromStdString(response.header("retry-after")).toInt(&ok);
            if (ok && seconds >= 0)
                wait = std::min(seconds, 60) * 1000;
        }
        m_options.sleep(wait);
        delay = std::min(delay * 2, 8000);
    }
    return response;
}

std::string ApiClient::explain(const std::string &what, const HttpResponse &r) const
{
    const std::string server = m_selection.cluster.server;
    const std::string message = statusMessage(r.body);
    const std::string detail = message.empty() ? std::string() : " The server said: " + message;
    if (r.status == 0)
        return what + ": " + (r.error.empty() ? "no answer from " + server : r.error);
    if (r.tooLarge)
        return what + ": the answer was larger than " +
               std::to_string(m_options.maxBodyBytes >> 20) + " MB and was not read";
    switch (r.status) {
    case 401:
        return what + ": " + server + " did not accept the credentials of user \"" +
               m_selection.user.name +
               "\" (401 Unauthorized). The token or certificate may be wrong or expired." + detail;
    case 403:
        return what + ": user \"" + m_selection.user.name +
               "\" is not allowed to do this (403 Forbidden); RBAC denies it." + detail;
    case 404:
        return what + ": the server does not know this resource (404 Not Found)." + detail;
    case 410:
        return what + ": the list changed too much while it was read (410 Gone)." + detail;
    case 429:
        return what + ": the server kept asking to slow down (429 Too Many Requests)." + detail;
    default:
        return what + ": the server answered " + std::to_string(r.status) + '.' + detail;
    }
}

std::string ApiClient::serverVersion(std::string &error)
{
    const HttpResponse r = request("/version", error);
    if (!error.empty())
        return {};
    if (r.status != 200) {
        error = explain("reading the server version", r);
        return {};
    }
    const QString v = parseObject(r.body).value(QStringLiteral("gitVersion")).toString();
    if (v.isEmpty())
        error = "reading the server version: the answer is not a Kubernetes version document";
    return v.toStdString();
}

ApiClient::ListResult ApiClient::list(const std::string &collectionPath,
                                      const std::function<void(std::size_t, std::string)> &onPage)
{
    ListResult result;
    bool restarted = false;
    std::string continueToken;
    for (int page = 0; page < 100000; ++page) {
        std::string query = collectionPath + "?limit=" + std::to_string(m_options.pageSize);
        if (!continueToken.empty())
            query += "&continue=" +
                     QUrl::toPercentEncoding(QString::fromStdString(continueToken)).toStdString();
        if (m_options.cancelled && m_options.cancelled()) {
            result.error = "listing " + collectionPath + ": cancelled";
            return result;
        }
        std::string error;
        const HttpResponse r = request(query, error);
        if (!error.empty()) {
            result.error = error;
            return result;
        }
        if (r.status == 410 && !continueToken.empty() && !restarted) {
            // The continue token expired: start the whole list again, once.
            restarted = true;
            continueToken.clear();
            result.pages.clear();
            result.pageCount = 0;
            continue;
        }
        if (r.status != 200 || r.tooLarge) {
            result.status = r.status;
            result.error = explain("listing " + collectionPath, r);
            return result;
        }
        QJsonParseError parseError{};
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(r.body), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
            !doc.object().value(QStringLiteral("items")).isArray()) {
            result.error = "listing " + collectionPath + ": the answer is not a complete list (" +
                           (parseError.error != QJsonParseError::NoError
                                ? parseError.errorString().toStdString() + " at byte " +
                                      std::to_string(parseError.offset)
                                : std::string("no items")) +
                           ')';
            return result;
        }
        // With onPage the caller keeps the pages (the bodies are not held twice); it gets
        // them indented from the parse made here, so no page is parsed twice.
        if (onPage)
            onPage(result.pageCount, doc.toJson(QJsonDocument::Indented).toStdString());
        else
            result.pages.push_back(r.body);
        ++result.pageCount;
        continueToken = doc.object()
                            .value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("continue"))
                            .toString()
                            .toStdString();
        if (continueToken.empty())
            return result;
    }
    result.error = "listing " + collectionPath + ": too many pages";
    return result;
}

ApiClient::Snapshot ApiClient::readCluster(
    const std::function<void(const std::string &, const std::string &)> &onDocument,
    const std::function<void(const std::string &)> &onVersion)
{
    Snapshot s;
    const auto cancelled = [this] {
        return m_options.cancelled && m_options.cancelled();
    };
    // Pages are kept indented, one field a line, so positions and the editor are readable.
    // Each is passed on as soon as it arrives; a restarted list's pages replace the earlier
    // ones of the same collection.
    auto listInto = [&](const std::string &collectionPath, const std::string &prefix) {
        const std::size_t first = s.documents.size();
        auto result = list(collectionPath, [&](std::size_t page, std::string json) {
            const std::string name = prefix + '#' + std::to_string(page + 1);
            if (first + page < s.documents.size())
                s.documents.resize(first + page); // the list restarted
            s.documents.emplace_back(name, std::move(json));
            if (onDocument)
                onDocument(name, s.documents.back().second);
        });
        // A failed list contributes nothing; a cancelled one keeps what was read.
        if (!result.error.empty() && !cancelled())
            s.documents.resize(first);
        return result;
    };
    auto stopped = [&] {
        if (!cancelled())
            return false;
        s.problems.push_back("the read was cancelled after " + std::to_string(s.documents.size()) +
                             " list pages");
        return true;
    };
    std::string error;
    s.serverVersion = serverVersion(error);
    if (!error.empty()) {
        s.problems.push_back(error);
        return s;
    }
    if (onVersion)
        onVersion(s.serverVersion);
    const auto namespaces = listInto("/api/v1/namespaces", "cluster:namespaces");
    std::vector<std::string> names;
    if (stopped())
        return s;
    if (!namespaces.error.empty()) {
        s.problems.push_back(namespaces.error);
    } else {
        for (std::size_t p = 0; p < namespaces.pageCount; ++p) {
            for (const auto &item :
                 parseObject(s.documents[p].second).value(QStringLiteral("items")).toArray())
                names.push_back(item.toObject()
                                    .value(QStringLiteral("metadata"))
                                    .toObject()
                                    .value(QStringLiteral("name"))
                                    .toString()
                                    .toStdString());
        }
    }
    for (const auto &r : Workloads) {
        const auto all = listInto(clusterPath(r), std::string("cluster:") + r.plural);
        if (stopped())
            return s;
        if (all.error.empty())
            continue;
        if (all.status != 403 || names.empty()) {
            s.problems.push_back(all.error);
            continue;
        }
        // RBAC forbids the cluster-wide list: try namespace by namespace.
        for (const auto &ns : names) {
            const auto one = listInto(namespacedPath(r, ns), "cluster:" + ns + '/' + r.plural);
            if (stopped())
                return s;
            if (!one.error.empty())
                s.problems.push_back(one.error);
        }
    }
    return s;
}

} // namespace PodSec::Cluster
