// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/kubeconfig.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace PodSec::Cluster {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse
{
    int status = 0; ///< 0: no HTTP answer (see error)
    std::string body;
    Headers headers;        ///< lower-case names
    std::string error;      ///< transport problem (TLS, refused, timeout), already explained
    bool tooLarge = false;  ///< the body exceeded the limit and was dropped
    bool timedOut = false;  ///< the request's deadline passed (error says so)
    bool cancelled = false; ///< aborted in flight because the read was cancelled
    std::string header(const std::string &name) const;
};

/// What one request may take: body size, an overall deadline (connecting, headers and
/// body together, however slowly the bytes come) and a cancel flag, polled while the
/// request is in flight so that Cancel aborts it rather than waiting for it.
struct RequestLimits
{
    std::size_t maxBodyBytes = 64u << 20;
    int timeoutMs = 0;               ///< 0: no deadline
    std::function<bool()> cancelled; ///< may be empty; called from the requesting thread
};

/// The server URL without user:password@ (kept out of every message and title).
std::string redactedServer(const std::string &url);
/// True for an http:// server: nothing on the wire is encrypted.
bool isPlainHttp(const std::string &url);
/// True when the selection's user (or the server URL's userinfo) holds a credential that
/// would go into a request header: a token, a token file, a password, an exec plugin.
bool hasHeaderCredentials(const Selection &selection);

/// How bytes reach the API server. The real one (app/net) uses QNetworkAccessManager with
/// the cluster's TLS settings and the user's client certificate; tests use a fake, so the
/// client's logic runs without sockets. Called from one worker thread at a time.
class Transport
{
public:
    virtual ~Transport() = default;
    /// GET path (with query) from the selected cluster's server, within limits.
    virtual HttpResponse get(const std::string &pathAndQuery, const Headers &headers,
                             const RequestLimits &limits) = 0;
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
    /// plugin asks for cluster information. The plugin's standard error is never copied
    /// into error (it may hold a token); its output is read up to MaxOutputBytes, and
    /// cancelled (polled) stops a plugin that is still running.
    ExecCredential get(const ExecConfig &exec, const ClusterEntry &cluster, std::string &error,
                       const std::function<bool()> &cancelled = {});
    static constexpr std::size_t MaxOutputBytes = 4u << 20;
    void forget() { m_cached = {}; }

private:
    ExecCredential m_cached;
    long long m_expiresAtMs = 0; ///< 0: no expiry given
};

/// How to list: a field selector, and metadata only.
struct ListOptions
{
    std::string fieldSelector; ///< e.g. "type=kubernetes.io/service-account-token"
    /// Ask for PartialObjectMetadataList (Accept: MetadataOnlyAccept) and accept no other
    /// answer: the objects' bodies (a Secret's data) are never asked for, and a page that
    /// is not metadata only is dropped unread. Pages are passed on as a list of
    /// itemKind (apiVersion itemApiVersion) whose items hold the metadata (without
    /// managedFields and kubectl's last-applied-configuration annotation, which holds
    /// the applied object whole) and the itemFields (what the field selector selected).
    bool metadataOnly = false;
    std::string itemKind, itemApiVersion;
    std::vector<std::pair<std::string, std::string>> itemFields;
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
        /// Asked before every request and polled while one is in flight; true stops the
        /// read ("cancelled"), aborting the request under way.
        std::function<bool()> cancelled;
        /// Deadline of one request (connect, headers and the whole body), like kubectl's
        /// --request-timeout; 0: none. A request that misses it is not retried.
        int requestTimeoutMs = 30000;
        /// Deadline of the whole read (readCluster, or one list), retries and waits
        /// included; 0: none.
        int readTimeoutMs = 300000;
        /// Send credentials (token, password, exec plugin output) to an http:// server.
        /// Without it none are sent there, as kubectl does, and a 401/403 says why.
        bool allowInsecureCredentials = false;
        /// readCluster also lists the kinds the checklist rule set reads (spec/checklist.md):
        /// ServiceAccounts, NetworkPolicies, ResourceQuotas and LimitRanges before the
        /// workloads; Services, ConfigMaps, and the service-account-token Secrets as
        /// metadata only (see SecretTokens) after them.
        bool checklistKinds = false;
    };

    ApiClient(Selection selection, Transport &transport, Options options);

    struct ListResult
    {
        std::vector<std::string> pages;     ///< raw JSON list bodies, in order (without onPage)
        std::size_t pageCount = 0;          ///< pages read (with or without onPage)
        std::vector<std::string> itemNames; ///< metadata.name of every item read, in order
        std::string error;                  ///< empty on success
        int status = 0;                     ///< the failing HTTP status, if any
    };
    using ListOptions = Cluster::ListOptions;
    static constexpr const char *MetadataOnlyAccept =
        "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";
    /// The Secrets the checklist reads: service-account tokens, metadata only.
    static ListOptions secretTokens();

    /// Lists a collection (e.g. "/api/v1/pods") page by page with limit/continue. A 410 Gone
    /// (the continue token expired) restarts the list from the beginning once; 429 waits
    /// for Retry-After and 5xx back off exponentially, up to maxRetries. onPage, when given,
    /// gets each page as it arrives (page 0, 1, ...), as a YAML document per object
    /// (listPageYaml, core/cluster/pageyaml.h), instead of pages; after a restart it gets them
    /// again from page 0, and the new pages replace the old.
    ListResult list(const std::string &collectionPath,
                    const std::function<void(std::size_t page, std::string json)> &onPage = {},
                    const ListOptions &how = {});
    /// GET /version: the server's gitVersion ("v1.31.2"), or "" with error set.
    std::string serverVersion(std::string &error);

    /// A list page's text, immutable: the snapshot and whoever streamed it share one copy.
    using PageText = std::shared_ptr<const std::string>;
    /// Pages by their source names ("cluster:pods#1"), in the order they were read.
    using Pages = std::vector<std::pair<std::string, PageText>>;
    struct Snapshot
    {
        std::string serverVersion;
        Pages documents;                   ///< (source name, YAML)
        std::vector<std::string> problems; ///< what could not be read, in plain words
        std::vector<std::string> notices;  ///< worth saying, not a failure
        bool cancelled = false;            ///< the read was cancelled (by the user)
    };
    /// Namespaces, then pods and every workload kind cluster-wide (with checklistKinds, the
    /// checklist's kinds too); where RBAC forbids a cluster-wide list, namespace by
    /// namespace. What could not be read is a problem naming the resource. onDocument is called as
    /// pages arrive, with the page's source name and its objects as YAML (listPageYaml); a name
    /// seen before (a list restarted after 410 Gone) replaces that page, and the final documents
    /// are the authority. onVersion sees the server's version once it is known, before any page.
    Snapshot
    readCluster(const std::function<void(const std::string &, const PageText &)> &onDocument = {},
                const std::function<void(const std::string &)> &onVersion = {});

    /// A plain-words explanation of a failed request (never includes credentials).
    std::string explain(const std::string &what, const HttpResponse &response) const;
    /// True when this client sends credentials in clear: an http:// server, a user with
    /// credentials and allowInsecureCredentials (the window warns about it).
    bool sendsCredentialsInClear() const;
    /// True when the user has credentials that are held back from an http:// server.
    bool withholdsCredentials() const;

private:
    HttpResponse request(const std::string &pathAndQuery, std::string &error,
                         const Headers &extra = {});
    Headers authHeaders(std::string &error);
    bool cancelled() const { return m_options.cancelled && m_options.cancelled(); }
    /// Milliseconds left of the read's deadline (INT_MAX: none); <= 0 once it passed.
    long long readTimeLeft() const;
    std::string readDeadlineError() const;
    /// Removes credentials and URL userinfo from a message.
    std::string scrub(std::string text) const;
    void pause(int milliseconds);
    /// Starts the read's deadline unless one is running (nested list() in readCluster).
    struct ReadClock;

    Selection m_selection;
    Transport &m_transport;
    Options m_options;
    ExecCredentials m_exec;
    std::string m_presentedCertificate; ///< the exec certificate the transport has now
    long long m_readDeadline = 0;       ///< steady-clock milliseconds; 0: none
    std::vector<std::string> m_secrets; ///< credentials sent so far (scrubbed from messages)
};

} // namespace PodSec::Cluster
