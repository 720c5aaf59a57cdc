// SPDX-License-Identifier: Apache-2.0
#include "cluster/apiclient.h"
#include "cluster/metadatalist.h"
#include "cluster/pageyaml.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <chrono>
#include <climits>
#include <set>
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
// The checklist's kinds (spec/checklist.md): those read by workload and namespace rules,
// then those of the object rules. Secrets: service-account tokens, metadata only.
const Resource ChecklistBefore[] = {
    {"", "serviceaccounts"},
    {"networking.k8s.io/v1", "networkpolicies"},
    {"", "resourcequotas"},
    {"", "limitranges"},
};
const Resource ChecklistAfter[] = {
    {"", "services"},
    {"", "configmaps"},
    {"", "secrets"},
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

long long steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string seconds(long long ms)
{
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + " s";
    return std::to_string(ms / 1000) + '.' + std::to_string((ms % 1000) / 100) + " s";
}

/// user:password of an http(s)://user:password@host URL ("" when there is none).
std::string userInfo(const std::string &url)
{
    const std::size_t scheme = url.find("://");
    const std::size_t start = scheme == std::string::npos ? 0 : scheme + 3;
    const std::size_t end = url.find_first_of("/?#", start);
    const std::string authority = url.substr(start, end == std::string::npos ? end : end - start);
    const std::size_t at = authority.rfind('@');
    return at == std::string::npos ? std::string() : authority.substr(0, at);
}

void replaceAll(std::string &text, const std::string &secret)
{
    if (secret.size() < 3) // too short to be a secret, and would mangle the text
        return;
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + 10))
        text.replace(at, secret.size(), "[redacted]");
}

} // namespace

std::string redactedServer(const std::string &url)
{
    const std::string info = userInfo(url);
    if (info.empty())
        return url;
    std::string out = url;
    out.erase(out.find(info + '@'), info.size() + 1);
    return out;
}

bool isPlainHttp(const std::string &url)
{
    return url.size() >= 7 && QByteArray::fromStdString(url.substr(0, 7)).toLower() == "http://";
}

bool hasHeaderCredentials(const Selection &selection)
{
    const UserEntry &u = selection.user;
    return !u.token.empty() || !u.tokenFile.empty() || !u.username.empty() || !u.password.empty() ||
           u.exec.has_value() || !userInfo(selection.cluster.server).empty();
}

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

/// The read's deadline: set by the outermost readCluster() or list(), cleared when it ends.
struct ApiClient::ReadClock
{
    ApiClient &client;
    bool owner;
    explicit ReadClock(ApiClient &c) : client(c), owner(c.m_readDeadline == 0)
    {
        if (owner && client.m_options.readTimeoutMs > 0)
            client.m_readDeadline = steadyMs() + client.m_options.readTimeoutMs;
        else
            owner = false;
    }
    ~ReadClock()
    {
        if (owner)
            client.m_readDeadline = 0;
    }
    ReadClock(const ReadClock &) = delete;
    ReadClock &operator=(const ReadClock &) = delete;
};

ApiClient::ApiClient(Selection selection, Transport &transport, Options options)
    : m_selection(std::move(selection)), m_transport(transport), m_options(std::move(options))
{
    if (!m_options.sleep)
        m_options.sleep = [cancelled = m_options.cancelled](int ms) {
            // In slices, so that Cancel does not wait for a long Retry-After.
            const long long until = steadyMs() + ms;
            for (long long left = ms; left > 0; left = until - steadyMs()) {
                if (cancelled && cancelled())
                    return;
                std::this_thread::sleep_for(std::chrono::milliseconds(std::min(left, 50LL)));
            }
        };
}

long long ApiClient::readTimeLeft() const
{
    return m_readDeadline == 0 ? LLONG_MAX : m_readDeadline - steadyMs();
}

std::string ApiClient::readDeadlineError() const
{
    return "the read of " + redactedServer(m_selection.cluster.server) + " did not finish within " +
           seconds(m_options.readTimeoutMs) + " (read timeout); stopped";
}

std::string ApiClient::scrub(std::string text) const
{
    const UserEntry &u = m_selection.user;
    for (const std::string &secret : {u.token, u.password, userInfo(m_selection.cluster.server)})
        replaceAll(text, secret);
    for (const auto &secret : m_secrets)
        replaceAll(text, secret);
    return text;
}

bool ApiClient::withholdsCredentials() const
{
    return hasHeaderCredentials(m_selection) && isPlainHttp(m_selection.cluster.server) &&
           !m_options.allowInsecureCredentials;
}

bool ApiClient::sendsCredentialsInClear() const
{
    return hasHeaderCredentials(m_selection) && isPlainHttp(m_selection.cluster.server) &&
           m_options.allowInsecureCredentials;
}

Headers ApiClient::authHeaders(std::string &error)
{
    Headers h{{"Accept", "application/json"}, {"User-Agent", "podsec"}};
    // Over plain http anyone on the way reads the headers: no credential goes there (and no
    // credential plugin runs) unless the user asked for it, as kubectl does.
    if (isPlainHttp(m_selection.cluster.server) && !m_options.allowInsecureCredentials)
        return h;
    const UserEntry &u = m_selection.user;
    std::string token = u.token;
    if (token.empty() && !u.tokenFile.empty()) {
        QFile f(QString::fromStdString(u.tokenFile));
        if (!f.open(QIODevice::ReadOnly)) {
            error = "cannot read the token file " + u.tokenFile + " of user \"" + u.name + '"';
            return h;
        }
        token = f.read(1 << 20).trimmed().toStdString();
    }
    if (token.empty() && u.exec) {
        const ExecCredential credential =
            m_exec.get(*u.exec, m_selection.cluster, error, m_options.cancelled);
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
    const auto remember = [this](const std::string &secret) {
        if (std::find(m_secrets.begin(), m_secrets.end(), secret) == m_secrets.end())
            m_secrets.push_back(secret);
    };
    // Basic credentials: the user's, else the server URL's user:password@ (as Go does).
    std::string basic = u.username.empty() ? std::string() : u.username + ':' + u.password;
    if (basic.empty())
        basic = QUrl::fromPercentEncoding(
                    QByteArray::fromStdString(userInfo(m_selection.cluster.server)))
                    .toStdString();
    if (!token.empty()) {
        remember(token);
        h.emplace_back("Authorization", "Bearer " + token);
    } else if (!basic.empty()) {
        const std::string encoded = QByteArray::fromStdString(basic).toBase64().toStdString();
        remember(encoded);
        h.emplace_back("Authorization", "Basic " + encoded);
    }
    return h;
}

void ApiClient::pause(int milliseconds)
{
    m_options.sleep(milliseconds);
}

HttpResponse ApiClient::request(const std::string &pathAndQuery, std::string &error,
                                const Headers &extra)
{
    HttpResponse response;
    int delay = 500;
    const std::string server = redactedServer(m_selection.cluster.server);
    for (int attempt = 0; attempt <= m_options.maxRetries; ++attempt) {
        if (cancelled()) {
            response = {};
            response.cancelled = true;
            response.error = "cancelled";
            return response;
        }
        const long long left = readTimeLeft();
        if (left <= 0) {
            error = readDeadlineError();
            return response;
        }
        Headers headers = authHeaders(error);
        if (!error.empty()) {
            error = scrub(error);
            return response;
        }
        for (const auto &header : extra) { // replaces a header of that name
            std::erase_if(headers, [&](const auto &h) { return h.first == header.first; });
            headers.push_back(header);
        }
        // The request's deadline, cut short by the read's.
        RequestLimits limits{m_options.maxBodyBytes, m_options.requestTimeoutMs,
                             m_options.cancelled};
        const bool readBinds =
            left != LLONG_MAX && (limits.timeoutMs <= 0 || left < limits.timeoutMs);
        if (readBinds)
            limits.timeoutMs = int(std::max(1LL, left));
        response = m_transport.get(pathAndQuery, headers, limits);
        response.error = scrub(response.error);
        if (response.cancelled || (response.status == 0 && cancelled())) {
            response.cancelled = true;
            response.error = "cancelled";
            return response;
        }
        if (response.timedOut) {
            // A deadline is final: retrying a server that drips or stays silent only
            // multiplies the wait.
            if (readBinds) {
                error = readDeadlineError();
            } else {
                response.status = 0;
                response.error = "no complete answer from " + server + " within " +
                                 seconds(m_options.requestTimeoutMs) + " (request timeout)";
            }
            return response;
        }
        if (response.status == 401 && m_selection.user.exec && attempt == 0 &&
            !withholdsCredentials()) {
            m_exec.forget(); // a cached token may have been revoked: ask the plugin again
            continue;
        }
        const bool retry = response.status == 429 || response.status >= 500;
        if (!retry || attempt == m_options.maxRetries)
            return response;
        int wait = delay;
        if (response.status == 429) {
            bool ok = false;
            const int secs = QString::fromStdString(response.header("retry-after")).toInt(&ok);
            if (ok && secs >= 0)
                wait = std::min(secs, 60) * 1000;
        }
        if (readTimeLeft() <= wait) {
            error = readDeadlineError();
            return response;
        }
        pause(wait);
        delay = std::min(delay * 2, 8000);
    }
    return response;
}

std::string ApiClient::explain(const std::string &what, const HttpResponse &r) const
{
    const std::string server = redactedServer(m_selection.cluster.server);
    const std::string message = statusMessage(r.body);
    const std::string detail = message.empty() ? std::string() : " The server said: " + message;
    const std::string withheld =
        withholdsCredentials()
            ? " No credentials were sent: " + server +
                  " is plain http, where anyone on the way could read them. Use https, or "
                  "allow sending them unencrypted (podsec: --allow-insecure-credentials)."
            : std::string();
    if (r.status == 0)
        return scrub(what + ": " + (r.error.empty() ? "no answer from " + server : r.error));
    if (r.tooLarge)
        return what + ": the answer was larger than " +
               std::to_string(m_options.maxBodyBytes >> 20) + " MB and was not read";
    std::string text;
    switch (r.status) {
    case 401:
        text = withheld.empty()
                   ? what + ": " + server + " did not accept the credentials of user \"" +
                         m_selection.user.name +
                         "\" (401 Unauthorized). The token or certificate may be wrong or "
                         "expired." +
                         detail
                   : what + ": " + server + " asks for credentials (401 Unauthorized)." + detail +
                         withheld;
        break;
    case 403:
        text = what + ": user \"" + m_selection.user.name +
               "\" is not allowed to do this (403 Forbidden); RBAC denies it." + detail + withheld;
        break;
    case 404:
        text = what + ": the server does not know this resource (404 Not Found)." + detail;
        break;
    case 410:
        text = what + ": the list changed too much while it was read (410 Gone)." + detail;
        break;
    case 429:
        text = what + ": the server kept asking to slow down (429 Too Many Requests)." + detail;
        break;
    default:
        text = what + ": the server answered " + std::to_string(r.status) + '.' + detail;
    }
    return scrub(text);
}

std::string ApiClient::serverVersion(std::string &error)
{
    const ReadClock clock(*this);
    const HttpResponse r = request("/version", error);
    if (!error.empty())
        return {};
    if (r.cancelled) {
        error = "reading the server version: cancelled";
        return {};
    }
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
                                      const std::function<void(std::size_t, std::string)> &onPage,
                                      const ListOptions &how)
{
    const ReadClock clock(*this);
    ListResult result;
    bool restarted = false;
    std::string continueToken;
    std::set<std::string> seenTokens; // a token that comes back would loop for ever
    for (int page = 0; page < 100000; ++page) {
        std::string query = collectionPath + "?limit=" + std::to_string(m_options.pageSize);
        if (!how.fieldSelector.empty())
            query +=
                "&fieldSelector=" +
                QUrl::toPercentEncoding(QString::fromStdString(how.fieldSelector)).toStdString();
        if (!continueToken.empty())
            query += "&continue=" +
                     QUrl::toPercentEncoding(QString::fromStdString(continueToken)).toStdString();
        if (m_options.cancelled && m_options.cancelled()) {
            result.error = "listing " + collectionPath + ": cancelled";
            return result;
        }
        std::string error;
        const HttpResponse r = request(
            query, error, how.metadataOnly ? Headers{{"Accept", MetadataOnlyAccept}} : Headers{});
        if (!error.empty()) {
            result.error = "listing " + collectionPath + ": " + error;
            return result;
        }
        if (r.cancelled) {
            result.error = "listing " + collectionPath + ": cancelled";
            return result;
        }
        if (r.status == 410 && !continueToken.empty() && !restarted) {
            // The continue token expired: start the whole list again, once.
            restarted = true;
            continueToken.clear();
            seenTokens.clear();
            result.pages.clear();
            result.itemNames.clear();
            result.pageCount = 0;
            continue;
        }
        if (r.status != 200 || r.tooLarge) {
            result.status = r.status;
            result.error = explain("listing " + collectionPath, r);
            return result;
        }
        QJsonParseError parseError{};
        QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.body), &parseError);
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
        if (how.metadataOnly) {
            // Only metadata was asked for: anything else is dropped unread (a server that
            // ignored the Accept header would have sent the objects whole).
            const QJsonObject list = doc.object();
            if (list.value(QStringLiteral("kind")).toString() !=
                    QLatin1String("PartialObjectMetadataList") ||
                list.value(QStringLiteral("apiVersion")).toString() !=
                    QLatin1String("meta.k8s.io/v1")) {
                result.error = "listing " + collectionPath +
                               ": the server did not answer with metadata only (kind \"" +
                               list.value(QStringLiteral("kind")).toString().toStdString() +
                               "\"); the answer was dropped unread";
                return result;
            }
            doc = QJsonDocument(metadataListAs(list, how));
        }
        for (const auto &item : doc.object().value(QStringLiteral("items")).toArray())
            result.itemNames.push_back(item.toObject()
                                           .value(QStringLiteral("metadata"))
                                           .toObject()
                                           .value(QStringLiteral("name"))
                                           .toString()
                                           .toStdString());
        // With onPage the caller keeps the pages (the bodies are not held twice); it gets
        // them as YAML objects made from the parse made here, so no page is parsed twice.
        if (onPage)
            onPage(result.pageCount, listPageYaml(doc.object()));
        else
            result.pages.push_back(
                how.metadataOnly ? doc.toJson(QJsonDocument::Compact).toStdString() : r.body);
        ++result.pageCount;
        continueToken = doc.object()
                            .value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("continue"))
                            .toString()
                            .toStdString();
        if (continueToken.empty())
            return result;
        if (!seenTokens.insert(continueToken).second) {
            result.error = "listing " + collectionPath +
                           ": the server sent the same continue "
                           "token again after page " +
                           std::to_string(result.pageCount) +
                           "; the list would never end, so it was stopped";
            return result;
        }
    }
    result.error = "listing " + collectionPath + ": too many pages";
    return result;
}

ApiClient::Snapshot
ApiClient::readCluster(const std::function<void(const std::string &, const PageText &)> &onDocument,
                       const std::function<void(const std::string &)> &onVersion)
{
    const ReadClock clock(*this);
    Snapshot s;
    const auto cancelled = [this] {
        return this->cancelled() || readTimeLeft() <= 0;
    };
    if (withholdsCredentials())
        s.notices.push_back("not sending the credentials of user \"" + m_selection.user.name +
                            "\" to " + redactedServer(m_selection.cluster.server) +
                            ": it is plain http (use https, or allow it explicitly)");
    // Pages are kept as YAML, one document per object, so positions and the editor read as
    // the objects do. Each is passed on as soon as it arrives; a restarted list's pages replace
    // the earlier ones of the same collection.
    auto listInto = [&](const std::string &collectionPath, const std::string &prefix,
                        const ListOptions &how = {}) {
        const std::size_t first = s.documents.size();
        auto result = list(
            collectionPath,
            [&](std::size_t page, std::string json) {
                const std::string name = prefix + '#' + std::to_string(page + 1);
                if (first + page < s.documents.size())
                    s.documents.resize(first + page); // the list restarted
                s.documents.emplace_back(name,
                                         std::make_shared<const std::string>(std::move(json)));
                if (onDocument)
                    onDocument(name, s.documents.back().second);
            },
            how);
        // A failed list contributes nothing; a cancelled one keeps what was read.
        if (!result.error.empty() && !cancelled())
            s.documents.resize(first);
        return result;
    };
    auto stopped = [&] {
        if (!cancelled())
            return false;
        if (readTimeLeft() <= 0) {
            if (s.problems.empty() ||
                s.problems.back().find(readDeadlineError()) == std::string::npos)
                s.problems.push_back(readDeadlineError());
        } else {
            s.cancelled = true;
            s.problems.push_back("the read was cancelled after " +
                                 std::to_string(s.documents.size()) + " list pages");
        }
        return true;
    };
    std::string error;
    s.serverVersion = serverVersion(error);
    if (!error.empty()) {
        s.problems.push_back(error);
        s.cancelled = this->cancelled();
        return s;
    }
    if (onVersion)
        onVersion(s.serverVersion);
    const auto namespaces = listInto("/api/v1/namespaces", "cluster:namespaces");
    if (stopped())
        return s;
    std::vector<std::string> names;
    if (!namespaces.error.empty())
        s.problems.push_back(namespaces.error);
    else
        names = namespaces.itemNames;
    // One resource cluster-wide; where RBAC forbids that, namespace by namespace. True when
    // the read stopped. A checklist kind that cannot be read says so: its findings are
    // unknown, not absent.
    auto readResource = [&](const Resource &r, const ListOptions &how, bool checklist) {
        const auto unknown = [&](const std::string &error) {
            return checklist ? error + " (forbidden: the checklist's findings that need " +
                                   r.plural + " are unknown, not absent)"
                             : error;
        };
        const auto all = listInto(clusterPath(r), std::string("cluster:") + r.plural, how);
        if (stopped())
            return true;
        if (all.error.empty())
            return false;
        if (all.status != 403 || names.empty()) {
            s.problems.push_back(all.status == 403 ? unknown(all.error) : all.error);
            return false;
        }
        // RBAC forbids the cluster-wide list: try namespace by namespace.
        std::vector<std::string> failed;
        std::size_t forbidden = 0;
        for (const auto &ns : names) {
            const auto one = listInto(namespacedPath(r, ns), "cluster:" + ns + '/' + r.plural, how);
            if (stopped())
                return true;
            if (!one.error.empty())
                failed.push_back(one.error);
            forbidden += one.status == 403;
        }
        if (checklist && forbidden == names.size()) {
            s.problems.push_back(unknown(all.error + "; and in each of its " +
                                         std::to_string(names.size()) + " namespaces"));
            return false;
        }
        for (auto &error : failed)
            s.problems.push_back(checklist ? unknown(error) : error);
        return false;
    };
    // The checklist's kinds that decide workload and namespace findings come before the
    // workloads (so that streamed rows do not change their findings), the others after.
    if (m_options.checklistKinds) {
        for (const auto &r : ChecklistBefore) {
            if (readResource(r, {}, true))
                return s;
        }
    }
    for (const auto &r : Workloads) {
        if (readResource(r, {}, false))
            return s;
    }
    if (m_options.checklistKinds) {
        for (const auto &r : ChecklistAfter) {
            const bool secrets = std::string_view(r.plural) == "secrets";
            if (readResource(r, secrets ? secretTokens() : ListOptions{}, true))
                return s;
        }
    }
    return s;
}

} // namespace PodSec::Cluster
