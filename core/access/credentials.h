// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/accessinput.h"
#include "engine/ruleset.h"

#include <QDateTime>

#include <optional>
#include <string>
#include <vector>

/// Kubeconfig credentials and connections (spec/access.md §4). Nothing secret is ever
/// copied into a finding: of a token only its JWT claims iss, sub, exp and iat; of a
/// certificate its subject and validity.
namespace PodSec::Access {

struct CredentialFinding
{
    std::string id;
    Engine::Severity severity = Engine::Severity::Info;
    std::string context; ///< empty: a user no context uses
    std::string user;    ///< set for a user's finding
    std::string cluster; ///< set for a cluster's finding
    std::string detail;
};

/// What a client certificate says about itself (DER of the first PEM certificate).
struct CertificateInfo
{
    std::vector<std::string> organizations; ///< subject O
    std::string commonName;
    QDateTime notBefore, notAfter;
};
std::optional<CertificateInfo> parseCertificate(const std::string &pem);

/// The claims of a JWT (three base64url parts whose payload is a JSON object).
struct JwtClaims
{
    std::string iss, sub;
    std::optional<long long> exp, iat;
};
std::optional<JwtClaims> parseJwt(const std::string &token);

struct CredentialAudit
{
    std::vector<CredentialFinding> findings;
    std::vector<InputProblem> problems;
};

/// Audits kubeconfig files (name, text), merged as kubectl merges them (the first
/// definition of a name wins). Certificate and token files are read relative to the
/// kubeconfig that names them. now decides certExpired.
CredentialAudit auditKubeconfigs(const std::vector<std::pair<std::string, std::string>> &files,
                                 const QDateTime &now);

} // namespace PodSec::Access
