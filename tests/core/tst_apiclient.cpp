// SPDX-License-Identifier: Apache-2.0
// The API client's logic over a fake transport (no sockets): pagination with continue,
// 410 restarts, 429 Retry-After, 5xx backoff, RBAC fallback per namespace, explained
// errors that never show credentials, truncated and oversized answers, exec plugins.
#include "cluster/apiclient.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <deque>
#include <functional>
#include <map>

using namespace PodSec::Cluster;

namespace {

ApiClient::Options options(int pageSize, int maxRetries, std::function<void(int)> sleep)
{
    ApiClient::Options o;
    o.pageSize = pageSize;
    o.maxBodyBytes = 1 << 20;
    o.maxRetries = maxRetries;
    o.sleep = std::move(sleep);
    return o;
}

class FakeTransport final : public Transport
{
public:
    std::function<HttpResponse(const std::string &)> handler;
    std::vector<std::string> requests;
    std::vector<Headers> headers;

    std::vector<RequestLimits> limits;
    HttpResponse get(const std::string &pathAndQuery, const Headers &h,
                     const RequestLimits &l) override
    {
        requests.push_back(pathAndQuery);
        headers.push_back(h);
        limits.push_back(l);
        return handler(pathAndQuery);
    }
    /// Client certificates presented (empty: the transport refuses them).
    std::vector<std::pair<std::string, std::string>> certificates;
    bool acceptsCertificates = true;
    bool setClientCertificate(const std::string &cert, const std::string &key,
                              std::string &error) override
    {
        if (!acceptsCertificates)
            return Transport::setClientCertificate(cert, key, error);
        certificates.emplace_back(cert, key);
        return true;
    }
};

HttpResponse ok(std::string body)
{
    HttpResponse r;
    r.status = 200;
    r.body = std::move(body);
    return r;
}

HttpResponse status(int code, const std::string &message = {})
{
    HttpResponse r;
    r.status = code;
    r.body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"" +
             message + "\",\"code\":" + std::to_string(code) + '}';
    return r;
}

std::string page(const std::string &kind, const std::vector<std::string> &names,
                 const std::string &cont)
{
    std::string items;
    for (const auto &n : names)
        items += (items.empty() ? "" : ",") + std::string("{\"metadata\":{\"name\":\"") + n +
                 "\",\"namespace\":\"a\"}}";
    return "{\"kind\":\"" + kind + "\",\"apiVersion\":\"v1\",\"metadata\":{\"continue\":\"" + cont +
           "\"},\"items\":[" + items + "]}";
}

Selection tokenSelection()
{
    Selection s;
    s.cluster.name = "test";
    s.cluster.server = "https://127.0.0.1:6443";
    s.user.name = "alice";
    s.user.token = "s3cr3t-t0ken";
    return s;
}

/// A selection whose user runs dir/plugin.sh (a shell script with this body) as its exec
/// credential plugin.
Selection execSelection(const QTemporaryDir &dir, const std::string &apiVersion,
                        const char *scriptBody)
{
    const QString script = dir.filePath(QStringLiteral("plugin.sh"));
    QFile f(script);
    if (f.open(QIODevice::WriteOnly))
        f.write(QByteArray("#!/bin/sh\n") + scriptBody);
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::WriteOwner);
    auto selection = tokenSelection();
    selection.user.token.clear();
    ExecConfig exec;
    exec.apiVersion = apiVersion;
    exec.command = script.toStdString();
    selection.user.exec = exec;
    return selection;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paginationFollowsContinue()
    {
        FakeTransport t;
        t.handler = [](const std::string &q) {
            if (q == "/api/v1/pods?limit=2")
                return ok(page("PodList", {"p1", "p2"}, "tok/1+"));
            if (q == "/api/v1/pods?limit=2&continue=tok%2F1%2B")
                return ok(page("PodList", {"p3"}, ""));
            return status(404);
        };
        ApiClient client(tokenSelection(), t, options(2, 4, [](int) {}));
        const auto r = client.list("/api/v1/pods");
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.pages.size(), std::size_t(2));
        QCOMPARE(t.requests.size(), std::size_t(2));
        // Bearer token sent, and only as a header.
        bool bearer = false;
        for (const auto &[k, v] : t.headers.front())
            bearer |= k == "Authorization" && v == "Bearer s3cr3t-t0ken";
        QVERIFY(bearer);
    }

    void goneRestartsOnce()
    {
        FakeTransport t;
        int gone = 0;
        t.handler = [&](const std::string &q) {
            if (q.find("continue=c1") != std::string::npos && gone++ == 0)
                return status(410, "The provided continue parameter is too old");
            if (q.find("continue=c1") != std::string::npos)
                return ok(page("PodList", {"p3"}, ""));
            return ok(page("PodList", {"p1", "p2"}, "c1"));
        };
        ApiClient client(tokenSelection(), t, options(2, 4, [](int) {}));
        const auto r = client.list("/api/v1/pods");
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.pages.size(), std::size_t(2)); // the first page is not counted twice
        QCOMPARE(t.requests.size(), std::size_t(4));
    }

    void retriesHonourRetryAfterAndBackOff()
    {
        FakeTransport t;
        int calls = 0;
        t.handler = [&](const std::string &) {
            ++calls;
            if (calls == 1) {
                auto r = status(429);
                r.headers.emplace_back("retry-after", "2");
                return r;
            }
            if (calls <= 3)
                return status(503);
            return ok(page("PodList", {"p"}, ""));
        };
        std::vector<int> waits;
        ApiClient client(tokenSelection(), t,
                         options(500, 4, [&](int ms) { waits.push_back(ms); }));
        const auto r = client.list("/api/v1/pods");
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(waits, (std::vector<int>{2000, 1000, 2000}));

        FakeTransport down;
        down.handler = [](const std::string &) {
            return status(500, "etcd is unhappy");
        };
        std::vector<int> waits2;
        ApiClient c2(tokenSelection(), down,
                     options(500, 2, [&](int ms) { waits2.push_back(ms); }));
        const auto failed = c2.list("/api/v1/pods");
        QCOMPARE(down.requests.size(), std::size_t(3)); // first try + 2 retries
        QCOMPARE(failed.status, 500);
        QCOMPARE(failed.error, std::string("listing /api/v1/pods: the server answered 500. The "
                                           "server said: etcd is unhappy"));
    }

    void forbiddenClusterWideFallsBackPerNamespace()
    {
        FakeTransport t;
        t.handler = [](const std::string &q) {
            if (q == "/version")
                return ok("{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.2\"}");
            if (q.rfind("/api/v1/namespaces?", 0) == 0)
                return ok("{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{},"
                          "\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":"
                          "\"b\"}}]}");
            if (q.rfind("/api/v1/pods?", 0) == 0)
                return status(403, "pods is forbidden: User \"alice\" cannot list resource "
                                   "\"pods\" in API group \"\" at the cluster scope");
            if (q.rfind("/api/v1/namespaces/a/pods?", 0) == 0)
                return ok(page("PodList", {"pa"}, ""));
            if (q.rfind("/api/v1/namespaces/b/pods?", 0) == 0)
                return status(403, "forbidden in b");
            return ok(page("List", {}, ""));
        };
        ApiClient client(tokenSelection(), t, options(500, 0, [](int) {}));
        std::vector<std::string> streamed;
        const auto s =
            client.readCluster([&](const std::string &name, const ApiClient::PageText &) {
                streamed.push_back(name);
            });
        QCOMPARE(s.serverVersion, std::string("v1.31.2"));
        QVERIFY(std::find(streamed.begin(), streamed.end(), "cluster:a/pods#1") != streamed.end());
        QCOMPARE(s.problems.size(), std::size_t(1));
        QVERIFY2(s.problems.front().find("user \"alice\" is not allowed to do this (403 "
                                         "Forbidden)") != std::string::npos,
                 s.problems.front().c_str());
        QVERIFY(s.problems.front().find("/api/v1/namespaces/b/pods") != std::string::npos);
        QCOMPARE(s.documents.size(), streamed.size());
    }

    void errorsExplainedWithoutSecrets()
    {
        FakeTransport t;
        t.handler = [](const std::string &) {
            return status(401, "Unauthorized");
        };
        ApiClient client(tokenSelection(), t, options(500, 0, [](int) {}));
        std::string error;
        QVERIFY(client.serverVersion(error).empty());
        QCOMPARE(error, std::string("reading the server version: https://127.0.0.1:6443 did not "
                                    "accept the credentials of user \"alice\" (401 "
                                    "Unauthorized). The token or certificate may be wrong or "
                                    "expired. The server said: Unauthorized"));
        QVERIFY(error.find("s3cr3t") == std::string::npos);
    }

    void truncatedAndOversized()
    {
        FakeTransport t;
        t.handler = [](const std::string &q) {
            if (q.rfind("/api/v1/pods", 0) == 0)
                return ok("{\"kind\":\"PodList\",\"items\":[{\"metadata\":{\"na");
            HttpResponse big;
            big.status = 200;
            big.tooLarge = true;
            return big;
        };
        ApiClient client(tokenSelection(), t, options(500, 0, [](int) {}));
        const auto truncated = client.list("/api/v1/pods");
        QVERIFY2(truncated.error.find("the answer is not a complete list") != std::string::npos,
                 truncated.error.c_str());
        const auto big = client.list("/apis/apps/v1/deployments");
        QCOMPARE(big.error, std::string("listing /apis/apps/v1/deployments: the answer was larger "
                                        "than 1 MB and was not read"));
    }

    void execPluginCachesUntilExpiry()
    {
        QTemporaryDir dir;
        const QString calls = dir.filePath(QStringLiteral("calls"));
        auto selection = execSelection(
            dir, "client.authentication.k8s.io/v1",
            "echo call >> \"$CALLS\"\n"
            "test -n \"$KUBERNETES_EXEC_INFO\" || exit 3\n"
            "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
            "\"ExecCredential\",\"status\":{\"token\":\"exec-token\",\"expirationTimestamp\":"
            "\"%s\"}}' \"$EXPIRY\"\n");
        selection.user.exec->interactiveMode = "Never";
        selection.user.exec->env = {{"CALLS", calls.toStdString()},
                                    {"EXPIRY", "2999-01-01T00:00:00Z"}};
        FakeTransport t;
        t.handler = [](const std::string &) {
            return ok("{\"gitVersion\":\"v1.30.0\"}");
        };
        auto countCalls = [&] {
            QFile c(calls);
            return c.open(QIODevice::ReadOnly) ? int(c.readAll().count('\n')) : 0;
        };
        {
            ApiClient client(selection, t, options(500, 0, [](int) {}));
            std::string error;
            QCOMPARE(client.serverVersion(error), std::string("v1.30.0"));
            QCOMPARE(client.serverVersion(error), std::string("v1.30.0"));
            QVERIFY2(error.empty(), error.c_str());
            QCOMPARE(countCalls(), 1); // cached: the expiry is far away
            bool bearer = false;
            for (const auto &[k, v] : t.headers.back())
                bearer |= k == "Authorization" && v == "Bearer exec-token";
            QVERIFY(bearer);
        }
        selection.user.exec->env[1].second = "2000-01-01T00:00:00Z"; // already expired
        {
            ApiClient client(selection, t, options(500, 0, [](int) {}));
            std::string error;
            client.serverVersion(error);
            client.serverVersion(error);
            QCOMPARE(countCalls(), 3); // expired: asked again for every request
        }
        selection.user.exec->command = "/nonexistent/podsec-plugin";
        selection.user.exec->installHint = "Install it with: apt install podsec-plugin";
        ApiClient missing(selection, t, options(500, 0, [](int) {}));
        std::string error;
        QVERIFY(missing.serverVersion(error).empty());
        QVERIFY2(error.find("exec credential plugin \"/nonexistent/podsec-plugin\" could not be "
                            "started") == 0,
                 error.c_str());
        QVERIFY(error.find("Install it with: apt install podsec-plugin") != std::string::npos);
    }

    // A plugin may answer with a client certificate and key: the transport presents them
    // (once, while they are cached) and no Authorization header is sent.
    void execPluginClientCertificate()
    {
        QTemporaryDir dir;
        auto selection =
            execSelection(dir, "client.authentication.k8s.io/v1beta1",
                          "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                          "\"kind\":\"ExecCredential\",\"status\":{%s}}' \"$STATUS\"\n");
        selection.user.exec->env = {{"STATUS", "\"clientCertificateData\":\"CERT-PEM\","
                                               "\"clientKeyData\":\"KEY-PEM\""}};
        FakeTransport t;
        t.handler = [](const std::string &) {
            return ok("{\"gitVersion\":\"v1.30.0\"}");
        };
        {
            ApiClient client(selection, t, options(500, 0, [](int) {}));
            std::string error;
            QCOMPARE(client.serverVersion(error), std::string("v1.30.0"));
            QCOMPARE(client.serverVersion(error), std::string("v1.30.0"));
            QVERIFY2(error.empty(), error.c_str());
            QCOMPARE(t.certificates.size(), std::size_t(1));
            QCOMPARE(t.certificates[0].first, std::string("CERT-PEM"));
            QCOMPARE(t.certificates[0].second, std::string("KEY-PEM"));
            for (const auto &[k, v] : t.headers.back())
                QVERIFY(k != "Authorization");
        }
        {
            // A transport that cannot present certificates says so.
            FakeTransport plain;
            plain.handler = t.handler;
            plain.acceptsCertificates = false;
            ApiClient client(selection, plain, options(500, 0, [](int) {}));
            std::string error;
            QVERIFY(client.serverVersion(error).empty());
            QCOMPARE(error, std::string("this connection cannot present a client certificate"));
            QVERIFY(plain.requests.empty());
        }
        // Half a pair, or nothing usable, is refused with a clear message.
        const std::pair<const char *, const char *> broken[] = {
            {"\"clientCertificateData\":\"CERT-PEM\"",
             "printed status.clientCertificateData without status.clientKeyData"},
            {"\"clientKeyData\":\"KEY-PEM\"",
             "printed status.clientKeyData without status.clientCertificateData"},
            {"\"expirationTimestamp\":\"2999-01-01T00:00:00Z\"",
             "did not print an ExecCredential with status.token or a client certificate"},
        };
        for (const auto &[status, expected] : broken) {
            selection.user.exec->env[0].second = status;
            ApiClient client(selection, t, options(500, 0, [](int) {}));
            std::string error;
            QVERIFY(client.serverVersion(error).empty());
            QVERIFY2(error.find(expected) != std::string::npos, error.c_str());
            QVERIFY2(error.find("KEY-PEM") == std::string::npos, error.c_str());
        }
    }

    // A server whose continue token comes back again would be listed for ever.
    void repeatedContinueTokenIsAnError()
    {
        FakeTransport t;
        t.handler = [](const std::string &) {
            return ok(page("PodList", {"p"}, "same"));
        };
        ApiClient client(tokenSelection(), t, options(1, 0, [](int) {}));
        const auto r = client.list("/api/v1/pods");
        QVERIFY2(r.error.find("the server sent the same continue token again") != std::string::npos,
                 r.error.c_str());
        QCOMPARE(t.requests.size(), std::size_t(2));
    }

    // Over http:// no credential goes out (kubectl sends none) unless allowed; a 401 says
    // why. Allowed, they go out and the client says it sends them in clear.
    void noCredentialsOverPlainHttp()
    {
        for (const bool basic : {false, true}) {
            auto selection = tokenSelection();
            selection.cluster.server = "http://127.0.0.1:8080";
            if (basic) {
                selection.user.token.clear();
                selection.user.username = "alice";
                selection.user.password = "pa55w0rd-secret";
            }
            FakeTransport t;
            t.handler = [](const std::string &) {
                return status(401, "Unauthorized");
            };
            ApiClient client(selection, t, options(500, 0, [](int) {}));
            QVERIFY(client.withholdsCredentials());
            QVERIFY(!client.sendsCredentialsInClear());
            std::string error;
            QVERIFY(client.serverVersion(error).empty());
            for (const auto &[k, v] : t.headers.back())
                QVERIFY2(k != "Authorization", v.c_str());
            QVERIFY2(error.find("No credentials were sent: http://127.0.0.1:8080 is plain http") !=
                         std::string::npos,
                     error.c_str());

            auto allowed = options(500, 0, [](int) {});
            allowed.allowInsecureCredentials = true;
            ApiClient optedIn(selection, t, allowed);
            QVERIFY(optedIn.sendsCredentialsInClear());
            error.clear();
            optedIn.serverVersion(error);
            bool sent = false;
            for (const auto &[k, v] : t.headers.back())
                sent |= k == "Authorization";
            QVERIFY(sent);
        }
    }

    // user:password@ in the server URL: sent as basic credentials over https (as Go
    // does), never shown in a message.
    void userInfoRedacted()
    {
        auto selection = tokenSelection();
        selection.user = {};
        selection.user.name = "nobody";
        selection.cluster.server = "https://admin:url-pa55-secret@127.0.0.1:6443";
        QCOMPARE(redactedServer(selection.cluster.server), std::string("https://127.0.0.1:6443"));
        FakeTransport t;
        t.handler = [](const std::string &) {
            auto r = status(401, "Unauthorized");
            r.status = 0;
            r.error = "cannot reach https://admin:url-pa55-secret@127.0.0.1:6443: refused";
            return r;
        };
        ApiClient client(selection, t, options(500, 0, [](int) {}));
        std::string error;
        QVERIFY(client.serverVersion(error).empty());
        QVERIFY2(error.find("url-pa55") == std::string::npos, error.c_str());
        bool basic = false;
        for (const auto &[k, v] : t.headers.back())
            basic |= k == "Authorization" && v.rfind("Basic ", 0) == 0;
        QVERIFY(basic);
        t.handler = [](const std::string &) {
            return status(401, "Unauthorized");
        };
        error.clear();
        QVERIFY(client.serverVersion(error).empty());
        QVERIFY2(error.find("url-pa55") == std::string::npos, error.c_str());
        QVERIFY2(error.find("https://127.0.0.1:6443 did not accept") != std::string::npos,
                 error.c_str());
    }

    // Each request carries the request deadline; a request that misses it is not retried;
    // the read's deadline cuts a Retry-After wait short instead of sleeping through it.
    void deadlines()
    {
        FakeTransport t;
        t.handler = [](const std::string &) {
            HttpResponse r;
            r.timedOut = true;
            r.error = "timed out";
            return r;
        };
        auto o = options(500, 4, [](int) {});
        o.requestTimeoutMs = 2000;
        ApiClient client(tokenSelection(), t, o);
        std::string error;
        QVERIFY(client.serverVersion(error).empty());
        QCOMPARE(t.requests.size(), std::size_t(1));
        QCOMPARE(t.limits.back().timeoutMs, 2000);
        QCOMPARE(error, std::string("reading the server version: no complete answer from "
                                    "https://127.0.0.1:6443 within 2 s (request timeout)"));

        FakeTransport slow;
        slow.handler = [](const std::string &) {
            auto r = status(429);
            r.headers.emplace_back("retry-after", "30");
            return r;
        };
        std::vector<int> waits;
        auto o2 = options(500, 4, [&](int ms) { waits.push_back(ms); });
        o2.readTimeoutMs = 5000;
        ApiClient c2(tokenSelection(), slow, o2);
        const auto r = c2.list("/api/v1/pods");
        QVERIFY(waits.empty());
        QVERIFY2(r.error.find("did not finish within 5 s (read timeout)") != std::string::npos,
                 r.error.c_str());
        QVERIFY(slow.limits.back().timeoutMs <= 5000); // the request deadline is cut to the read's
    }

    // The cancel flag reaches the transport, which polls it while a request is in flight.
    void cancelReachesTheRequestInFlight()
    {
        std::atomic<bool> cancel{false};
        bool polled = false;
        FakeTransport t;
        t.handler = [&](const std::string &) {
            HttpResponse r;
            const auto &limits = t.limits.back();
            cancel = true; // the user presses Cancel while the server is silent
            polled = limits.cancelled && limits.cancelled();
            r.cancelled = polled;
            return r;
        };
        auto o = options(500, 4, [](int) {});
        o.cancelled = [&] {
            return cancel.load();
        };
        ApiClient client(tokenSelection(), t, o);
        const auto s = client.readCluster();
        QVERIFY(polled);
        QCOMPARE(t.requests.size(), std::size_t(1));
        QCOMPARE(s.problems.size(), std::size_t(1));
        QCOMPARE(s.problems.front(), std::string("reading the server version: cancelled"));
    }

    // A plugin's stderr may hold its token: never in a message. Its output is capped.
    void execPluginStderrAndSizeBounded()
    {
        QTemporaryDir dir;
        auto selection = execSelection(dir, "client.authentication.k8s.io/v1beta1",
                                       "echo \"token=plugin-stderr-secret\" >&2\nexit 3\n");
        FakeTransport t;
        t.handler = [](const std::string &) {
            return ok("{\"gitVersion\":\"v1.30.0\"}");
        };
        {
            ApiClient client(selection, t, options(500, 0, [](int) {}));
            std::string error;
            QVERIFY(client.serverVersion(error).empty());
            QVERIFY2(error.find("failed with exit code 3") != std::string::npos, error.c_str());
            QVERIFY2(error.find("plugin-stderr-secret") == std::string::npos, error.c_str());
        }
        auto huge = execSelection(dir, "client.authentication.k8s.io/v1beta1",
                                  "head -c 20000000 /dev/zero\n");
        ApiClient client(huge, t, options(500, 0, [](int) {}));
        std::string error;
        QVERIFY(client.serverVersion(error).empty());
        QVERIFY2(error.find("printed more than 4 MB") != std::string::npos, error.c_str());
        QVERIFY(t.requests.empty());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
