// SPDX-License-Identifier: Apache-2.0
#include "cluster/kubeconfig.h"

#include "common/fileinput.h"
#include "yaml/sourcefile.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace PodSec::Cluster {

namespace {

using Yaml::NodeId;
using Yaml::NoNode;

/// Reads one kubeconfig file; errors go to errors with the file's positions.
class Reader
{
public:
    Reader(const Yaml::Document &doc, std::string file, std::vector<KubeconfigError> &errors)
        : m_doc(doc), m_file(std::move(file)), m_errors(errors),
          m_dir(QFileInfo(QString::fromStdString(m_file)).absolutePath().toStdString())
    {}

    void error(NodeId at, const std::string &message)
    {
        const auto &n = m_doc.node(at == NoNode ? m_doc.root : at);
        m_errors.push_back({m_file, Diagnostic{n.start, n.line, n.column, message}});
        m_failed = true;
    }
    bool failed() const { return m_failed; }

    /// A string field; "" when absent. Anything but a scalar is an error.
    std::string str(NodeId mapping, const char *key, const std::string &path)
    {
        const NodeId v = m_doc.getSet(mapping, key);
        if (v == NoNode)
            return {};
        if (m_doc.kind(v) != Yaml::NodeKind::Scalar) {
            error(v, path + '.' + key + " must be a string");
            return {};
        }
        return m_doc.scalar(v);
    }
    bool boolean(NodeId mapping, const char *key, const std::string &path)
    {
        const NodeId v = m_doc.getSet(mapping, key);
        if (v == NoNode)
            return false;
        if (m_doc.isTrue(v))
            return true;
        if (!m_doc.isFalse(v))
            error(v, path + '.' + key + " must be true or false");
        return false;
    }
    /// A file reference, resolved against the kubeconfig's folder when relative.
    std::string file(NodeId mapping, const char *key, const std::string &path)
    {
        const std::string value = str(mapping, key, path);
        return resolve(value);
    }
    std::string resolve(const std::string &value) const
    {
        if (value.empty() || value.front() == '/')
            return value;
        return m_dir + '/' + value;
    }
    /// A base64 field, decoded.
    std::string data(NodeId mapping, const char *key, const std::string &path)
    {
        const std::string value = str(mapping, key, path);
        if (value.empty())
            return {};
        const auto decoded = QByteArray::fromBase64Encoding(
            QByteArray::fromStdString(value), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            error(m_doc.getSet(mapping, key), path + '.' + key + " is not valid base64");
            return {};
        }
        return decoded.decoded.toStdString();
    }

    /// The items of a named list (clusters, users, contexts): each {name, <inner>: {...}}.
    template <typename Fn> void list(const char *key, const char *inner, Fn &&fn)
    {
        const NodeId seq = m_doc.getSet(m_doc.root, key);
        if (seq == NoNode)
            return;
        if (m_doc.kind(seq) != Yaml::NodeKind::Sequence) {
            error(seq, std::string(key) + " must be a list");
            return;
        }
        for (std::size_t i = 0; i < m_doc.size(seq); ++i) {
            const NodeId item = m_doc.resolve(m_doc.item(seq, i));
            const std::string path = std::string(key) + '[' + std::to_string(i) + ']';
            if (m_doc.kind(item) != Yaml::NodeKind::Mapping) {
                error(item, path + " must be a mapping");
                continue;
            }
            const std::string name = str(item, "name", path);
            if (name.empty()) {
                error(item, path + ".name is missing");
                continue;
            }
            NodeId body = m_doc.getSet(item, inner);
            if (body != NoNode && m_doc.kind(body) != Yaml::NodeKind::Mapping) {
                error(body, path + '.' + inner + " must be a mapping");
                continue;
            }
            fn(name, body == NoNode ? NoNode : m_doc.resolve(body), path + '.' + inner);
        }
    }

    std::optional<ExecConfig> exec(NodeId user, const std::string &path)
    {
        const NodeId e = m_doc.getSet(user, "exec");
        if (e == NoNode)
            return std::nullopt;
        const std::string p = path + ".exec";
        if (m_doc.kind(e) != Yaml::NodeKind::Mapping) {
            error(e, p + " must be a mapping");
            return std::nullopt;
        }
        ExecConfig x;
        x.apiVersion = str(e, "apiVersion", p);
        x.command = str(e, "command", p);
        x.installHint = str(e, "installHint", p);
        x.provideClusterInfo = boolean(e, "provideClusterInfo", p);
        x.interactiveMode = str(e, "interactiveMode", p);
        if (x.command.empty())
            error(e, p + ".command is missing");
        else if (x.command.find('/') != std::string::npos)
            x.command = resolve(x.command); // a path, not a name to look up in PATH
        if (x.apiVersion != "client.authentication.k8s.io/v1" &&
            x.apiVersion != "client.authentication.k8s.io/v1beta1")
            error(e, p + ".apiVersion must be client.authentication.k8s.io/v1 or /v1beta1 (got \"" +
                         x.apiVersion + "\")");
        if (!x.interactiveMode.empty() && x.interactiveMode != "Never" &&
            x.interactiveMode != "IfAvailable" && x.interactiveMode != "Always")
            error(m_doc.getSet(e, "interactiveMode"),
                  p + ".interactiveMode must be Never, IfAvailable or Always");
        if (x.interactiveMode.empty() && x.apiVersion == "client.authentication.k8s.io/v1")
            error(e, p + ".interactiveMode must be set for client.authentication.k8s.io/v1");
        if (const NodeId args = m_doc.getSet(e, "args"); args != NoNode) {
            if (m_doc.kind(args) != Yaml::NodeKind::Sequence)
                error(args, p + ".args must be a list");
            else
                for (std::size_t i = 0; i < m_doc.size(args); ++i)
                    x.args.push_back(m_doc.scalar(m_doc.item(args, i)));
        }
        if (const NodeId env = m_doc.getSet(e, "env"); env != NoNode) {
            if (m_doc.kind(env) != Yaml::NodeKind::Sequence) {
                error(env, p + ".env must be a list");
            } else {
                for (std::size_t i = 0; i < m_doc.size(env); ++i) {
                    const NodeId item = m_doc.resolve(m_doc.item(env, i));
                    const std::string ip = p + ".env[" + std::to_string(i) + ']';
                    if (m_doc.kind(item) != Yaml::NodeKind::Mapping) {
                        error(item, ip + " must be a mapping with name and value");
                        continue;
                    }
                    x.env.emplace_back(str(item, "name", ip), str(item, "value", ip));
                }
            }
        }
        return x;
    }

private:
    const Yaml::Document &m_doc;
    std::string m_file;
    std::vector<KubeconfigError> &m_errors;
    std::string m_dir;
    bool m_failed = false;
};

template <typename T> const T *byName(const std::vector<T> &list, const std::string &name)
{
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const T &e) { return e.name == name; });
    return it == list.end() ? nullptr : &*it;
}

/// Appends the entries of from whose names into does not have yet: the first definition of
/// a name wins.
template <typename T> void mergeByName(std::vector<T> &into, std::vector<T> &from)
{
    for (auto &e : from) {
        if (!byName(into, e.name))
            into.push_back(std::move(e));
    }
}

void readFile(const std::string &path, const std::string &text, Kubeconfig &config)
{
    const auto source = Yaml::SourceFile::fromText(path, text);
    if (!source->errors.empty()) {
        for (const auto &e : source->errors)
            config.errors.push_back({path, e});
        return;
    }
    if (source->documents.empty())
        return; // an empty kubeconfig is allowed
    if (source->documents.size() > 1) {
        config.errors.push_back(
            {path, Diagnostic{source->documents[1].chunkStart, source->documents[1].firstLine, 1,
                              "a kubeconfig holds one YAML document"}});
        return;
    }
    const auto &doc = source->documents.front();
    if (doc.error) {
        config.errors.push_back({path, *doc.error});
        return;
    }
    if (doc.root == NoNode || doc.kind(doc.root) == Yaml::NodeKind::Null)
        return;
    // Read into a scratch config first: a malformed file contributes nothing.
    Kubeconfig local;
    Reader r(doc, path, config.errors);
    if (doc.kind(doc.root) != Yaml::NodeKind::Mapping) {
        r.error(doc.root, "a kubeconfig must be a mapping (kind: Config)");
        return;
    }
    const std::string kind = r.str(doc.root, "kind", "");
    if (!kind.empty() && kind != "Config")
        r.error(doc.getSet(doc.root, "kind"), "kind must be Config (got \"" + kind + "\")");
    local.currentContext = r.str(doc.root, "current-context", "");
    r.list("clusters", "cluster", [&](const std::string &name, NodeId c, const std::string &p) {
        ClusterEntry e;
        e.name = name;
        e.sourceFile = path;
        if (c != NoNode) {
            e.server = r.str(c, "server", p);
            e.certificateAuthority = r.file(c, "certificate-authority", p);
            e.certificateAuthorityData = r.data(c, "certificate-authority-data", p);
            e.insecureSkipTlsVerify = r.boolean(c, "insecure-skip-tls-verify", p);
            e.tlsServerName = r.str(c, "tls-server-name", p);
            e.proxyUrl = r.str(c, "proxy-url", p);
        }
        local.clusters.push_back(std::move(e));
    });
    r.list("users", "user", [&](const std::string &name, NodeId u, const std::string &p) {
        UserEntry e;
        e.name = name;
        e.sourceFile = path;
        if (u != NoNode) {
            e.token = r.str(u, "token", p);
            e.tokenFile = r.file(u, "tokenFile", p);
            e.clientCertificate = r.file(u, "client-certificate", p);
            e.clientCertificateData = r.data(u, "client-certificate-data", p);
            e.clientKey = r.file(u, "client-key", p);
            e.clientKeyData = r.data(u, "client-key-data", p);
            e.username = r.str(u, "username", p);
            e.password = r.str(u, "password", p);
            e.exec = r.exec(u, p);
        }
        local.users.push_back(std::move(e));
    });
    r.list("contexts", "context", [&](const std::string &name, NodeId c, const std::string &p) {
        ContextEntry e;
        e.name = name;
        e.sourceFile = path;
        if (c != NoNode) {
            e.cluster = r.str(c, "cluster", p);
            e.user = r.str(c, "user", p);
            e.namespaceName = r.str(c, "namespace", p);
        }
        local.contexts.push_back(std::move(e));
    });
    if (r.failed())
        return;
    // Merge: the first definition of a name wins, and the first current-context.
    mergeByName(config.clusters, local.clusters);
    mergeByName(config.users, local.users);
    mergeByName(config.contexts, local.contexts);
    if (config.currentContext.empty())
        config.currentContext = local.currentContext;
}

} // namespace

void mergeKubeconfigText(const std::string &path, const std::string &text, Kubeconfig &config)
{
    readFile(path, text, config);
}

std::string KubeconfigError::text() const
{
    return file + ':' + std::to_string(diagnostic.line) + ':' + std::to_string(diagnostic.column) +
           ": " + diagnostic.message;
}

const ClusterEntry *Kubeconfig::cluster(const std::string &name) const
{
    return byName(clusters, name);
}
const UserEntry *Kubeconfig::user(const std::string &name) const
{
    return byName(users, name);
}
const ContextEntry *Kubeconfig::context(const std::string &name) const
{
    return byName(contexts, name);
}

std::vector<std::string> kubeconfigFiles(const std::string &explicitPath,
                                         const std::string &kubeconfigEnv, const std::string &home)
{
    if (!explicitPath.empty())
        return {explicitPath};
    std::vector<std::string> files;
    std::size_t start = 0;
    while (start <= kubeconfigEnv.size() && !kubeconfigEnv.empty()) {
        const std::size_t colon = kubeconfigEnv.find(':', start);
        const std::string entry = kubeconfigEnv.substr(
            start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!entry.empty() && std::find(files.begin(), files.end(), entry) == files.end())
            files.push_back(entry);
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    if (!files.empty())
        return files;
    return {home + "/.kube/config"};
}

Kubeconfig loadKubeconfig(const std::vector<std::string> &files, bool explicitFile)
{
    Kubeconfig config;
    for (const auto &path : files) {
        QFile f(QString::fromStdString(path));
        if (!f.exists()) {
            if (explicitFile)
                config.errors.push_back({path, Diagnostic{0, 1, 1, "no such kubeconfig file"}});
            continue;
        }
        // Bounded: a kubeconfig is kilobytes; /dev/zero or a FIFO must not hang or exhaust
        // memory.
        std::string text;
        std::string error;
        if (!readBoundedFile(path, MaxKubeconfigBytes, text, error)) {
            config.errors.push_back({path, Diagnostic{0, 1, 1, error}});
            continue;
        }
        config.files.push_back(path);
        readFile(path, text, config);
    }
    return config;
}

std::optional<Selection> select(const Kubeconfig &config, const std::string &contextName,
                                std::string &error)
{
    const std::string name = contextName.empty() ? config.currentContext : contextName;
    if (name.empty()) {
        error = "no context given and no current-context set in the kubeconfig";
        return std::nullopt;
    }
    const ContextEntry *context = config.context(name);
    if (!context) {
        error = "context \"" + name + "\" does not exist in the kubeconfig";
        return std::nullopt;
    }
    const ClusterEntry *cluster = config.cluster(context->cluster);
    if (!cluster) {
        error = "context \"" + name + "\" names cluster \"" + context->cluster +
                "\", which does not exist";
        return std::nullopt;
    }
    if (cluster->server.empty()) {
        error = "cluster \"" + cluster->name + "\" has no server";
        return std::nullopt;
    }
    const UserEntry *user = config.user(context->user);
    Selection s{*context, *cluster, user ? *user : UserEntry{}};
    if (!user && !context->user.empty()) {
        error =
            "context \"" + name + "\" names user \"" + context->user + "\", which does not exist";
        return std::nullopt;
    }
    return s;
}

} // namespace PodSec::Cluster
