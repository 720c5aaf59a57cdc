// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace PodSec::Cluster {

/// client.authentication.k8s.io exec credential plugin settings of a user.
struct ExecConfig
{
    std::string apiVersion; ///< client.authentication.k8s.io/v1 or /v1beta1
    std::string command;    ///< resolved against the kubeconfig when it names a relative path
    std::vector<std::string> args;
    std::vector<std::pair<std::string, std::string>> env;
    std::string installHint;
    bool provideClusterInfo = false;
    std::string interactiveMode; ///< Never, IfAvailable, Always ("" = v1beta1 default)
};

struct ClusterEntry
{
    std::string name;
    std::string server;
    std::string certificateAuthority;     ///< file path, resolved
    std::string certificateAuthorityData; ///< decoded PEM bytes
    bool insecureSkipTlsVerify = false;
    std::string tlsServerName;
    std::string proxyUrl;
    std::string sourceFile; ///< the kubeconfig file that defined it
};

struct UserEntry
{
    std::string name;
    std::string token;
    std::string tokenFile; ///< resolved
    std::string clientCertificate;
    std::string clientCertificateData; ///< decoded PEM
    std::string clientKey;
    std::string clientKeyData; ///< decoded PEM
    std::string username;
    std::string password;
    std::optional<ExecConfig> exec;
    std::string sourceFile;
};

struct ContextEntry
{
    std::string name;
    std::string cluster;
    std::string user;
    std::string namespaceName; ///< "" means the default namespace
    std::string sourceFile;
};

/// A problem in a kubeconfig file, at file:line:column.
struct KubeconfigError
{
    std::string file;
    Diagnostic diagnostic;
    std::string text() const; ///< "file:line:column: message"
};

/// The merged view of one or more kubeconfig files, with kubectl's rules: the first file
/// to define a cluster, user or context name wins; current-context comes from the first
/// file that sets one; relative file references are resolved against the file naming them.
struct Kubeconfig
{
    std::vector<std::string> files; ///< files actually read, in order
    std::vector<ClusterEntry> clusters;
    std::vector<UserEntry> users;
    std::vector<ContextEntry> contexts;
    std::string currentContext;
    std::vector<KubeconfigError> errors;

    const ClusterEntry *cluster(const std::string &name) const;
    const UserEntry *user(const std::string &name) const;
    const ContextEntry *context(const std::string &name) const;
};

/// The kubeconfig files kubectl would read: the explicit path (--kubeconfig), else every
/// entry of KUBECONFIG (':'-separated, empty entries skipped, duplicates once), else
/// HOME/.kube/config.
std::vector<std::string> kubeconfigFiles(const std::string &explicitPath,
                                         const std::string &kubeconfigEnv, const std::string &home);

/// The most of one kubeconfig file that is read; a larger one is an error.
inline constexpr std::size_t MaxKubeconfigBytes = 16u << 20;

/// Reads and merges files. A missing file is an error only when it was given explicitly
/// (kubectl ignores missing KUBECONFIG entries). Malformed files give precise errors and
/// contribute nothing; the other files still count. Each file is read up to
/// MaxKubeconfigBytes.
Kubeconfig loadKubeconfig(const std::vector<std::string> &files, bool explicitFile);

/// Reads one kubeconfig text as if it were the file path and merges it into config (the
/// same rules as loadKubeconfig; for tests and fuzzing).
void mergeKubeconfigText(const std::string &path, const std::string &text, Kubeconfig &config);

/// The context to use (contextName, else current-context) with its cluster and user.
struct Selection
{
    ContextEntry context;
    ClusterEntry cluster;
    UserEntry user;
};
std::optional<Selection> select(const Kubeconfig &config, const std::string &contextName,
                                std::string &error);

} // namespace PodSec::Cluster
