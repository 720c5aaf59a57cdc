// SPDX-License-Identifier: Apache-2.0
#include "access/credentials.h"

#include "common/fileinput.h"
#include "yaml/sourcefile.h"

#include <QByteArray>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <map>

namespace PodSec::Access {

namespace {

using Engine::Severity;

/// One DER element: tag and content.
struct Tlv
{
    unsigned char tag = 0;
    const unsigned char *data = nullptr;
    std::size_t size = 0;
};

bool readTlv(const unsigned char *&p, const unsigned char *end, Tlv &out)
{
    if (end - p < 2)
        return false;
    out.tag = *p++;
    std::size_t len = *p++;
    if (len & 0x80) {
        const int n = int(len & 0x7f);
        if (n == 0 || n > 4 || end - p < n)
            return false;
        len = 0;
        for (int i = 0; i < n; ++i)
            len = (len << 8) | *p++;
    }
    if (std::size_t(end - p) < len)
        return false;
    out.data = p;
    out.size = len;
    p += len;
    return true;
}

QDateTime derTime(const Tlv &t)
{
    const QString s =
        QString::fromLatin1(reinterpret_cast<const char *>(t.data), qsizetype(t.size));
    QDateTime d;
    if (t.tag == 0x17) { // UTCTime YYMMDDHHMMSSZ: 50..99 are 19xx
        d = QDateTime::fromString(s, QStringLiteral("yyMMddHHmmss'Z'"));
        if (d.isValid() && d.date().year() < 1950)
            d = d.addYears(100);
        else if (d.isValid() && d.date().year() >= 2050)
            d = d.addYears(-100);
    } else if (t.tag == 0x18) {
        d = QDateTime::fromString(s, QStringLiteral("yyyyMMddHHmmss'Z'"));
    }
    d.setTimeZone(QTimeZone::utc());
    return d;
}

void readName(const Tlv &name, CertificateInfo &info)
{
    const unsigned char *p = name.data, *end = name.data + name.size;
    Tlv set;
    while (p < end && readTlv(p, end, set)) {
        const unsigned char *q = set.data, *qend = set.data + set.size;
        Tlv attr;
        while (q < qend && readTlv(q, qend, attr)) {
            const unsigned char *r = attr.data, *rend = attr.data + attr.size;
            Tlv oid, value;
            if (!readTlv(r, rend, oid) || !readTlv(r, rend, value) || oid.tag != 0x06 ||
                oid.size != 3)
                continue;
            const std::string text(reinterpret_cast<const char *>(value.data), value.size);
            if (oid.data[0] == 0x55 && oid.data[1] == 0x04 && oid.data[2] == 0x0a)
                info.organizations.push_back(text);
            else if (oid.data[0] == 0x55 && oid.data[1] == 0x04 && oid.data[2] == 0x03)
                info.commonName = text;
        }
    }
}

std::string quoted(const std::string &s)
{
    return '"' + s + '"';
}

std::string timeText(long long seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())
        .toString(Qt::ISODate)
        .toStdString();
}

/// A kubeconfig entry (cluster or user) and where it came from.
struct Entry
{
    const Yaml::Document *doc = nullptr;
    Yaml::NodeId node = Yaml::NoNode; ///< the "cluster:" or "user:" mapping
    std::string file;
};

std::string readSmallFile(const std::string &path, const std::string &kubeconfig)
{
    QString p = QString::fromStdString(path);
    if (QFileInfo(p).isRelative())
        p = QFileInfo(QString::fromStdString(kubeconfig)).absolutePath() + QLatin1Char('/') + p;
    std::string text, error;
    if (!readBoundedFile(p.toStdString(), 1u << 20, text, error))
        return {};
    return text;
}

} // namespace

std::optional<CertificateInfo> parseCertificate(const std::string &pem)
{
    static const QRegularExpression block(
        QStringLiteral("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----"));
    const auto m = block.match(QString::fromLatin1(pem.data(), qsizetype(pem.size())));
    if (!m.hasMatch())
        return std::nullopt;
    const QByteArray der = QByteArray::fromBase64(
        m.captured(1).remove(QRegularExpression(QStringLiteral("\\s"))).toLatin1());
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    const unsigned char *end = p + der.size();
    Tlv cert, tbs;
    if (!readTlv(p, end, cert) || cert.tag != 0x30)
        return std::nullopt;
    p = cert.data;
    end = cert.data + cert.size;
    if (!readTlv(p, end, tbs) || tbs.tag != 0x30)
        return std::nullopt;
    p = tbs.data;
    end = tbs.data + tbs.size;
    Tlv field;
    if (!readTlv(p, end, field))
        return std::nullopt;
    if (field.tag == 0xa0 && !readTlv(p, end, field)) // version, then serialNumber
        return std::nullopt;
    Tlv signature, issuer, validity, subject;
    if (!readTlv(p, end, signature) || !readTlv(p, end, issuer) || !readTlv(p, end, validity) ||
        !readTlv(p, end, subject) || validity.tag != 0x30 || subject.tag != 0x30)
        return std::nullopt;
    CertificateInfo info;
    const unsigned char *v = validity.data, *vend = validity.data + validity.size;
    Tlv from, to;
    if (!readTlv(v, vend, from) || !readTlv(v, vend, to))
        return std::nullopt;
    info.notBefore = derTime(from);
    info.notAfter = derTime(to);
    readName(subject, info);
    if (!info.notBefore.isValid() || !info.notAfter.isValid())
        return std::nullopt;
    return info;
}

std::optional<JwtClaims> parseJwt(const std::string &token)
{
    const QList<QByteArray> parts = QByteArray::fromStdString(token).split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    const auto opts = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const auto header = QByteArray::fromBase64Encoding(parts[0], opts);
    const auto payload = QByteArray::fromBase64Encoding(parts[1], opts);
    if (!header || !payload)
        return std::nullopt;
    const QJsonDocument h = QJsonDocument::fromJson(*header);
    const QJsonDocument doc = QJsonDocument::fromJson(*payload);
    if (!h.isObject() || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    JwtClaims c;
    c.iss = o.value(QStringLiteral("iss")).toString().toStdString();
    c.sub = o.value(QStringLiteral("sub")).toString().toStdString();
    if (o.value(QStringLiteral("exp")).isDouble())
        c.exp = (long long)o.value(QStringLiteral("exp")).toDouble();
    if (o.value(QStringLiteral("iat")).isDouble())
        c.iat = (long long)o.value(QStringLiteral("iat")).toDouble();
    return c;
}

CredentialAudit auditKubeconfigs(const std::vector<std::pair<std::string, std::string>> &files,
                                 const QDateTime &now)
{
    CredentialAudit audit;
    std::vector<std::unique_ptr<Yaml::SourceFile>> sources;
    std::map<std::string, Entry> clusters, users;
    std::vector<std::tuple<std::string, std::string, std::string>> contexts; // name, cluster, user
    std::map<std::string, bool> seenContexts;
    for (const auto &file : files) {
        const std::string &name = file.first; // (a lambda cannot capture a structured binding)
        auto source = Yaml::SourceFile::fromText(name, file.second);
        for (const auto &e : source->errors)
            audit.problems.push_back({name, e});
        for (const auto &doc : source->documents) {
            if (doc.error)
                continue;
            auto each = [&](const char *list, const char *inner, auto &&fn) {
                const auto seq = doc.resolve(doc.get(doc.root, list));
                for (std::size_t i = 0;
                     doc.kind(seq) == Yaml::NodeKind::Sequence && i < doc.size(seq); ++i) {
                    const auto item = doc.resolve(doc.item(seq, i));
                    fn(doc.scalar(doc.get(item, "name")), doc.resolve(doc.get(item, inner)));
                }
            };
            each("clusters", "cluster", [&](const std::string &n, Yaml::NodeId node) {
                clusters.emplace(n, Entry{&doc, node, name});
            });
            each("users", "user", [&](const std::string &n, Yaml::NodeId node) {
                users.emplace(n, Entry{&doc, node, name});
            });
            each("contexts", "context", [&](const std::string &n, Yaml::NodeId node) {
                if (seenContexts.emplace(n, true).second)
                    contexts.emplace_back(n, doc.scalar(doc.get(node, "cluster")),
                                          doc.scalar(doc.get(node, "user")));
            });
        }
        sources.push_back(std::move(source));
    }

    auto userFindings = [&](const std::string &context, const std::string &userName) {
        const auto it = users.find(userName);
        if (it == users.end())
            return;
        const Entry &e = it->second;
        const Yaml::Document &doc = *e.doc;
        auto add = [&](const char *id, Severity s, std::string detail) {
            audit.findings.push_back({id, s, context, userName, {}, std::move(detail)});
        };
        // Client certificate.
        std::string pem;
        const std::string certData = doc.scalar(doc.get(e.node, "client-certificate-data"));
        if (!certData.empty())
            pem = QByteArray::fromBase64(QByteArray::fromStdString(certData)).toStdString();
        else if (const std::string f = doc.scalar(doc.get(e.node, "client-certificate"));
                 !f.empty())
            pem = readSmallFile(f, e.file);
        if (!pem.empty()) {
            if (const auto cert = parseCertificate(pem)) {
                std::string orgs;
                for (const auto &o : cert->organizations)
                    orgs += (orgs.empty() ? "" : ", ") + quoted(o);
                const std::string who = "client certificate CN=" + quoted(cert->commonName) +
                                        (orgs.empty() ? std::string() : " O=" + orgs);
                if (std::find(cert->organizations.begin(), cert->organizations.end(),
                              "system:masters") != cert->organizations.end())
                    add("certSystemMasters", Severity::Danger,
                        who + " is in group system:masters: it bypasses RBAC and cannot be revoked "
                              "until it expires");
                const std::string validity =
                    " (valid " + cert->notBefore.toString(Qt::ISODate).toStdString() + " to " +
                    cert->notAfter.toString(Qt::ISODate).toStdString() + ')';
                if (cert->notAfter < now)
                    add("certExpired", Severity::Deny, who + " has expired" + validity);
                else if (cert->notAfter > cert->notBefore.addYears(3))
                    add("certLifetime", Severity::Warning,
                        who + " is valid for more than 3 years" + validity);
            }
        }
        // Token.
        std::string token = doc.scalar(doc.get(e.node, "token"));
        if (token.empty()) {
            if (const std::string f = doc.scalar(doc.get(e.node, "tokenFile")); !f.empty())
                token = readSmallFile(f, e.file);
            while (!token.empty() &&
                   (token.back() == '\n' || token.back() == '\r' || token.back() == ' '))
                token.pop_back();
        }
        if (!token.empty()) {
            static const QRegularExpression bootstrap(
                QStringLiteral("^[a-z0-9]{6}\\.[a-z0-9]{16}$"));
            if (const auto jwt = parseJwt(token)) {
                std::string claims = "iss=" + quoted(jwt->iss) + " sub=" + quoted(jwt->sub);
                if (jwt->exp)
                    claims += " exp=" + timeText(*jwt->exp);
                if (jwt->iat)
                    claims += " iat=" + timeText(*jwt->iat);
                if (jwt->iss == "kubernetes/serviceaccount" || !jwt->exp)
                    add("legacyToken", Severity::Warning,
                        "token is a " +
                            std::string(jwt->iss == "kubernetes/serviceaccount"
                                            ? "legacy service account token (Secret-based)"
                                            : "JWT without an expiry") +
                            ", valid until revoked (" + claims + ')');
                if (jwt->exp && jwt->iat && *jwt->exp - *jwt->iat > 24 * 3600)
                    add("longToken", Severity::Info,
                        "token lives longer than 24 hours (" + claims + ')');
            } else if (bootstrap.match(QString::fromStdString(token)).hasMatch()) {
                add("bootstrapToken", Severity::Warning,
                    "token is a bootstrap token (id " + quoted(token.substr(0, 6)) + ')');
            } else {
                add("opaqueToken", Severity::Info,
                    "token is opaque (a static token file or a webhook token): its lifetime cannot "
                    "be told");
            }
        }
        if (doc.getSet(e.node, "username") != Yaml::NoNode ||
            doc.getSet(e.node, "password") != Yaml::NoNode)
            add("basicAuth", Severity::Deny,
                "username/password authentication, removed from Kubernetes in v1.19");
        if (doc.getSet(e.node, "auth-provider") != Yaml::NoNode)
            add("authProvider", Severity::Warning,
                "legacy auth-provider \"" +
                    doc.scalar(doc.get(doc.get(e.node, "auth-provider"), "name")) +
                    "\" (removed from kubectl; use an exec credential plugin)");
        if (!doc.scalar(doc.get(e.node, "client-key-data")).empty())
            add("embeddedKey", Severity::Info,
                "client-key-data is in " + e.file + ": whoever reads the file holds the key");
    };
    auto clusterFindings = [&](const std::string &context, const std::string &clusterName) {
        const auto it = clusters.find(clusterName);
        if (it == clusters.end())
            return;
        const Entry &e = it->second;
        const Yaml::Document &doc = *e.doc;
        if (doc.isTrue(doc.get(e.node, "insecure-skip-tls-verify")))
            audit.findings.push_back(
                {"insecureTls",
                 Severity::Danger,
                 context,
                 {},
                 clusterName,
                 "insecure-skip-tls-verify: true: the server's identity is not "
                 "checked, so anyone in between can read the credentials"});
        const std::string server = doc.scalar(doc.get(e.node, "server"));
        if (server.compare(0, 7, "http://") == 0)
            audit.findings.push_back({"plainHttp",
                                      Severity::Danger,
                                      context,
                                      {},
                                      clusterName,
                                      "the server URL uses http://: nothing is encrypted"});
    };
    std::map<std::string, bool> usedUsers;
    for (const auto &[name, cluster, user] : contexts) {
        userFindings(name, user);
        clusterFindings(name, cluster);
        usedUsers[user] = true;
    }
    for (const auto &[name, entry] : users) {
        if (!usedUsers.count(name))
            userFindings({}, name);
    }
    return audit;
}

} // namespace PodSec::Access
