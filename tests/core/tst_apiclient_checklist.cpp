// SPDX-License-Identifier: Apache-2.0
// The live read of the checklist's kinds over a fake transport (no sockets): which lists
// are read and in what order, Secrets as metadata only (the Accept header, the field
// selector, the rewritten page without last-applied-configuration, a page that is not
// metadata only dropped), paging of metadata lists, and a 403 on one kind said by name.
#include "cluster/apiclient.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <optional>

using namespace PodSec::Cluster;

namespace {

constexpr const char *Planted = "planted-SECRET-VALUE-93c1";

class FakeTransport final : public Transport
{
public:
    std::function<HttpResponse(const std::string &, const Headers &)> handler;
    std::vector<std::string> requests;
    std::vector<Headers> headers;
    HttpResponse get(const std::string &pathAndQuery, const Headers &h,
                     const RequestLimits &) override
    {
        requests.push_back(pathAndQuery);
        headers.push_back(h);
        return handler(pathAndQuery, h);
    }
};

HttpResponse ok(std::string body)
{
    HttpResponse r;
    r.status = 200;
    r.body = std::move(body);
    return r;
}

HttpResponse forbidden(const std::string &what)
{
    HttpResponse r;
    r.status = 403;
    r.body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"" +
             what + " is forbidden\",\"reason\":\"Forbidden\",\"code\":403}";
    return r;
}

bool starts(const std::string &s, const std::string &prefix)
{
    return s.rfind(prefix, 0) == 0;
}

/// The Accept header ("" when missing, "several" when sent more than once).
std::string acceptOf(const Headers &h)
{
    std::string accept;
    for (const auto &[k, v] : h) {
        if (k == "Accept")
            accept = accept.empty() ? v : std::string("several");
    }
    return accept;
}

/// A secret as kube-apiserver stores it after `kubectl apply`: its last-applied annotation
/// holds the applied object, data included.
std::string tokenSecretMetadata(const std::string &name)
{
    return "{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{"
           "\"name\":\"" +
           name +
           "\",\"namespace\":\"ci\",\"annotations\":{\"kubernetes.io/service-account.name\":"
           "\"deployer\",\"kubectl.kubernetes.io/last-applied-configuration\":\"{\\\"data\\\":{"
           "\\\"token\\\":\\\"" +
           Planted +
           "\\\"}}\"},\"managedFields\":[{\"manager\":\"kubectl\",\"fieldsV1\":{\"f:data\":{"
           "\"f:token\":{}}}}]}}";
}

/// A server with namespaces a and b, no workloads, and per-path overrides.
FakeTransport server(
    std::function<std::optional<HttpResponse>(const std::string &, const Headers &)> special = {})
{
    FakeTransport t;
    t.handler = [special](const std::string &q, const Headers &h) {
        if (special) {
            if (auto r = special(q, h))
                return *r;
        }
        if (q == "/version")
            return ok("{\"gitVersion\":\"v1.31.2\"}");
        if (starts(q, "/api/v1/namespaces?"))
            return ok("{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{},"
                      "\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":"
                      "\"b\"}}]}");
        if (starts(q, "/api/v1/secrets?"))
            return ok("{\"kind\":\"PartialObjectMetadataList\",\"apiVersion\":\"meta.k8s.io/"
                      "v1\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[" +
                      tokenSecretMetadata("deployer-token") + "]}");
        return ok("{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}");
    };
    return t;
}

ApiClient::Options options(bool checklist)
{
    ApiClient::Options o;
    o.maxRetries = 0;
    o.sleep = [](int) {
    };
    o.checklistKinds = checklist;
    return o;
}

Selection selection()
{
    Selection s;
    s.cluster.server = "https://127.0.0.1:6443";
    s.user.name = "alice";
    s.user.token = "t0ken-value";
    return s;
}

std::size_t indexOf(const std::vector<std::string> &requests, const std::string &prefix)
{
    const auto it = std::find_if(requests.begin(), requests.end(),
                                 [&](const std::string &r) { return starts(r, prefix); });
    return std::size_t(it - requests.begin());
}

bool contains(const ApiClient::Snapshot &s, const std::string &text)
{
    return std::any_of(s.documents.begin(), s.documents.end(),
                       [&](const auto &d) { return d.second->find(text) != std::string::npos; });
}

} // namespace

class TestApiClientChecklist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pssReadListsNoChecklistKind()
    {
        auto t = server();
        ApiClient client(selection(), t, options(false));
        const auto s = client.readCluster();
        QVERIFY(s.problems.empty());
        for (const auto &r : t.requests) {
            for (const char *kind : {"secrets", "configmaps", "serviceaccounts", "services",
                                     "networkpolicies", "resourcequotas", "limitranges"})
                QVERIFY2(r.find(std::string("/") + kind) == std::string::npos, r.c_str());
        }
    }

    void checklistKindsInOrderSecretsMetadataOnly()
    {
        auto t = server();
        ApiClient client(selection(), t, options(true));
        const auto s = client.readCluster();
        QVERIFY2(s.problems.empty(), s.problems.empty() ? "" : s.problems.front().c_str());
        const auto &q = t.requests;
        // Read before the workloads: what workload and namespace rules need.
        for (const char *path :
             {"/api/v1/serviceaccounts?", "/apis/networking.k8s.io/v1/networkpolicies?",
              "/api/v1/resourcequotas?", "/api/v1/limitranges?"})
            QVERIFY2(indexOf(q, path) < indexOf(q, "/apis/apps/v1/deployments?"), path);
        for (const char *path : {"/api/v1/services?", "/api/v1/configmaps?", "/api/v1/secrets?"})
            QVERIFY2(indexOf(q, path) > indexOf(q, "/api/v1/pods?") && indexOf(q, path) < q.size(),
                     path);
        const std::size_t secrets = indexOf(q, "/api/v1/secrets?");
        QCOMPARE(q[secrets],
                 std::string("/api/v1/secrets?limit=500&fieldSelector=type%3Dkubernetes."
                             "io%2Fservice-account-token"));
        QCOMPARE(acceptOf(t.headers[secrets]),
                 std::string("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"));
        // No other list asks for metadata only (ConfigMaps are read whole: their values
        // are what configMapCredentials inspects).
        for (std::size_t i = 0; i < q.size(); ++i) {
            if (i != secrets)
                QCOMPARE(acceptOf(t.headers[i]), std::string("application/json"));
        }
    }

    void secretPageBecomesSecretListWithoutLastApplied()
    {
        auto t = server();
        ApiClient client(selection(), t, options(true));
        std::vector<std::string> streamed;
        const auto s =
            client.readCluster([&](const std::string &name, const ApiClient::PageText &) {
                streamed.push_back(name);
            });
        const auto it = std::find_if(s.documents.begin(), s.documents.end(),
                                     [](const auto &d) { return d.first == "cluster:secrets#1"; });
        QVERIFY(it != s.documents.end());
        QVERIFY(std::find(streamed.begin(), streamed.end(), "cluster:secrets#1") != streamed.end());
        const std::string &page = *it->second;
        // One YAML document per Secret, with the list's kind made the item's.
        QVERIFY2(page.rfind("apiVersion: v1\nkind: Secret\n", 0) == 0, page.c_str());
        QVERIFY(page.find("\ntype: kubernetes.io/service-account-token\n") != std::string::npos);
        QVERIFY(page.find("    kubernetes.io/service-account.name: deployer\n") !=
                std::string::npos);
        QVERIFY(page.find("  name: deployer-token\n") != std::string::npos);
        QVERIFY(page.find("last-applied-configuration") == std::string::npos);
        QVERIFY(page.find("managedFields") == std::string::npos);
        QVERIFY(!contains(s, Planted));
    }

    void answerThatIsNotMetadataIsDropped()
    {
        // A server (or a proxy) that ignores the Accept header sends the Secrets whole.
        auto t = server([](const std::string &q, const Headers &) -> std::optional<HttpResponse> {
            if (starts(q, "/api/v1/secrets?"))
                return ok(std::string("{\"kind\":\"SecretList\",\"apiVersion\":\"v1\",\"metadata\":"
                                      "{},\"items\":[{\"metadata\":{\"name\":\"x\"},\"type\":"
                                      "\"kubernetes.io/service-account-token\",\"data\":{"
                                      "\"token\":\"") +
                          Planted + "\"}}]}");
            return std::nullopt;
        });
        ApiClient client(selection(), t, options(true));
        const auto s = client.readCluster();
        QCOMPARE(s.problems.size(), std::size_t(1));
        QCOMPARE(s.problems.front(),
                 std::string("listing /api/v1/secrets: the server did not answer with metadata "
                             "only (kind \"SecretList\"); the answer was dropped unread"));
        QVERIFY(!contains(s, Planted));
        QVERIFY(std::none_of(s.documents.begin(), s.documents.end(),
                             [](const auto &d) { return d.first == "cluster:secrets#1"; }));
    }

    void metadataListsPage()
    {
        auto t = server([](const std::string &q, const Headers &) -> std::optional<HttpResponse> {
            if (!starts(q, "/api/v1/secrets?"))
                return std::nullopt;
            const bool second = q.find("&continue=") != std::string::npos;
            return ok(std::string("{\"kind\":\"PartialObjectMetadataList\",\"apiVersion\":"
                                  "\"meta.k8s.io/v1\",\"metadata\":{") +
                      (second ? "" : "\"continue\":\"next\"") + "},\"items\":[" +
                      tokenSecretMetadata(second ? "two" : "one") + "]}");
        });
        ApiClient::Options o = options(true);
        o.pageSize = 1;
        ApiClient client(selection(), t, o);
        const auto s = client.readCluster();
        QVERIFY(s.problems.empty());
        const std::size_t first = indexOf(t.requests, "/api/v1/secrets?");
        QCOMPARE(t.requests[first + 1],
                 std::string("/api/v1/secrets?limit=1&fieldSelector=type%3Dkubernetes.io%2Fservice-"
                             "account-token&continue=next"));
        QCOMPARE(acceptOf(t.headers[first + 1]), std::string(ApiClient::MetadataOnlyAccept));
        QVERIFY(contains(s, "  name: one\n"));
        QVERIFY(contains(s, "  name: two\n"));
        QVERIFY(!contains(s, Planted));
    }

    void forbiddenKindIsNamedOnce()
    {
        // RBAC commonly denies Secrets everywhere: one problem, naming the kind; the other
        // kinds are still read.
        auto t = server([](const std::string &q, const Headers &) -> std::optional<HttpResponse> {
            if (q.find("/secrets?") != std::string::npos)
                return forbidden("secrets");
            return std::nullopt;
        });
        ApiClient client(selection(), t, options(true));
        const auto s = client.readCluster();
        QCOMPARE(s.problems.size(), std::size_t(1));
        const std::string &p = s.problems.front();
        QVERIFY2(starts(p, "listing /api/v1/secrets: user \"alice\" is not allowed to do this "
                           "(403 Forbidden); RBAC denies it."),
                 p.c_str());
        QVERIFY2(p.find("; and in each of its 2 namespaces (forbidden: the checklist's findings "
                        "that need secrets are unknown, not absent)") != std::string::npos,
                 p.c_str());
        QVERIFY(indexOf(t.requests, "/api/v1/namespaces/a/secrets?") < t.requests.size());
        QVERIFY(indexOf(t.requests, "/api/v1/configmaps?") < t.requests.size());
    }

    void forbiddenInOneNamespaceNamesIt()
    {
        auto t = server([](const std::string &q, const Headers &) -> std::optional<HttpResponse> {
            if (starts(q, "/apis/networking.k8s.io/v1/networkpolicies?") ||
                starts(q, "/apis/networking.k8s.io/v1/namespaces/b/"))
                return forbidden("networkpolicies.networking.k8s.io");
            return std::nullopt;
        });
        ApiClient client(selection(), t, options(true));
        const auto s = client.readCluster();
        QCOMPARE(s.problems.size(), std::size_t(1));
        const std::string &p = s.problems.front();
        QVERIFY2(starts(p, "listing /apis/networking.k8s.io/v1/namespaces/b/networkpolicies: "),
                 p.c_str());
        QVERIFY(p.find("the checklist's findings that need networkpolicies are unknown, not "
                       "absent") != std::string::npos);
        QVERIFY(std::any_of(s.documents.begin(), s.documents.end(), [](const auto &d) {
            return d.first == "cluster:a/networkpolicies#1";
        }));
    }
};

QTEST_GUILESS_MAIN(TestApiClientChecklist)
#include "tst_apiclient_checklist.moc"
