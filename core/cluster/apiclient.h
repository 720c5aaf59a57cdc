// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/kubeconfig.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace PodSec::Cluster {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse
{
    int status = 0; ///< 0: no HTTP answer (see error)
    std::string body;
    Headers headers;       ///< lower-case names
    std::string error;     ///< transport problem (TLS, refused, timeout), already explained
    bool tooLarge = false; ///< the body exceeded the limit and was dropped
    std::string header(const std::string &name) const;
};

/// How bytes reach the API server. The real one (app/net) uses QNetworkAccessManager with
/// the cluster's TLS settings and the user's client certificate; tests use a fake, so the
/// client's logic runs without sockets. Called from one worker thread at a time.
class Transport
{
public:
    virtual ~Transport() = default;
    /// GET path (with query) from the selected cluster's server.
    virtual HttpResponse get(const std::string &pathAndQuery, const Headers &headers,
                             std::size_t maxBodyBytes) = 0;
    /// Presents this client certificate (PEM, with its PEM key) from now on: an exec
    /// credential plugin may print one instead of a token. False with error when the
    /// transport cannot (or the PEM is unreadable).
    virtual bool setClientCertificate(const std::string &certificatePem, const std::string &keyPem,
                                      std::string &error);
};

/// What an exec credential plugin printed: a bearer token, or a client certificate and key.
struct ExecCredential
{
    std::string token;
    std::string clientCertificateData, clientKeyData; ///< PEM
    bool empty() const { return token.empty() && clientCertificateData.empty(); }
};

/// Credentials from exec credential plugins (client.authentication.k8s.io): a token or a
/// client certificate and key, cached until their expirationTimestamp.
class ExecCredentials
{
public:
    /// The credential (or an explanation in error). The cluster is passed on when the
    /// plugin asks for cluster information.
    ExecCredential get(const ExecConfig &exec, const ClusterEntry &cluster, std::string &error);
    void forget() { m_cached = {}; }

private:
    ExecCredential m_cached;
    long long m_expiresAtMs = 0; ///< 0: no expiry given
};

/// One page-walking, retrying, read-only Kubernetes API client.
class ApiClient
{
public:
    struct Options
    {
        int pageSize = 500;
        std::size_t maxBodyBytes = 64u << 20;
        int maxRetries = 4;
        /// Waits between retries (tests pass a fake that records instead of sleeping).
        std::function<void(int milliseconds)> sleep;
        /// Asked before every request; true stops the read ("cancelled").
        std::function<bool()> cancelled;
    };

    ApiClient(Selection selection, Transport &transport, Options options);

    struct ListResult
    {
        std::vector<std::string> pages; ///< raw JSON list bodies, in order (without onPage)
        std::size_t pageCount = 0;      ///< pages read (with or without onPage)
        std::string error;              ///< empty on success
        int status = 0;                 ///< the failing HTTP status, if any
    };
    /// Lists a collection (e.g. "/api/v1/pods") page by page with limit/continue. A 410 Gone
    /// (the continue token expired) restarts the list from the beginning once; 429 waits
    /// for Retry-After and 5xx back off exponentially, up to maxRetries. onPage, when given,
    /// gets each page as it arrives (page 0, 1, ...), as indented JSON (one field a line),
    /// instead of pages; after a restart it gets them again from page 0, and the new pages
    /// replace the old.
    ListResult list(const std::string &collectionPath,
                    const std::function<void(std::size_t page, std::string json)> &onPage = {});
    /// GET /version: the server's gitVersion ("v1.31.2"), or "" with error set.
    std::string serverVersion(std::string &error);

    struct Snapshot
    {
        std::string serverVersion;
        std::vector<std::pair<std::string, std::string>> documents; ///< (source name, JSON)
        std::vector<std::string> problems; ///< what could not be read, in plain words
    };
    /// Namespaces, then pods and every workload kind cluster-wide; where RBAC forbids a
    /// cluster-wide list, namespace by namespace. onDocument is called as pages arrive, with
    /// the page's source name and its indented JSON; a name seen before (a list restarted
    /// after 410 Gone) replaces that page, and the final documents are the authority.
    /// onVersion sees the server's version once it is known, before any page.
    Snapshot readCluster(
        const std::function<void(const std::string &, const std::string &)> &onDocument = {},
        const std::function<void(const std::string &)> &onVersion = {});

    /// A plain-words explanation of a failed request (never includes credentials).
    std::string explain(const std::string &what, const HttpResponse &response) const;

private:
    HttpResponse request(const std::string &pathAndQuery, std::string &error);
    Headers authHeaders(std::string &error);

    Selection m_selection;
    Transport &m_transport;
    Options m_options;
    ExecCredentials m_exec;
    std::string m_presentedCertificate; ///< the exec certificate the transport has now
};

} // namespace PodSec::Cluster
