// SPDX-License-Identifier: Apache-2.0
// Kubeconfig credentials and connections (spec/access.md §4): JWT claims, certificates,
// token kinds, and the severity of each finding.
#include "access/credentials.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace PodSec;
using namespace PodSec::Access;
using Engine::Severity;

class TestCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jwtAndCertificates()
    {
        const auto now = QDateTime::fromString(QStringLiteral("2030-01-01T00:00:00Z"), Qt::ISODate);
        auto b64 = [](const char *json) {
            return QByteArray(json)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                .toStdString();
        };
        const std::string header = b64(R"({"alg":"RS256"})");
        const std::string longLived =
            header + '.' + b64(R"({"iss":"issuer.example","sub":"u","iat":1000,"exp":1000000})") +
            ".sig";
        const std::string shortLived =
            header + '.' + b64(R"({"iss":"issuer.example","sub":"u","iat":1000,"exp":4600})") +
            ".sig";
        QVERIFY(parseJwt(longLived));
        QCOMPARE(*parseJwt(longLived)->exp, 1000000LL);
        QVERIFY(!parseJwt("abcdef.0123456789abcdef"));
        QVERIFY(!parseJwt("not-a-jwt"));
        auto ids = [&](const std::string &user) {
            const std::string config = "contexts: [{name: c, context: {cluster: k, user: u}}]\n"
                                       "clusters: [{name: k, cluster: {server: \"https://k\"}}]\n"
                                       "users: [{name: u, user: " +
                                       user + "}]\n";
            QStringList out;
            for (const auto &f : auditKubeconfigs({{"config", config}}, now).findings)
                out << QString::fromStdString(f.id + ':' + Engine::severityName(f.severity));
            return out.join(QLatin1Char(' '));
        };
        QCOMPARE(ids("{token: \"" + longLived + "\"}"), QStringLiteral("longToken:info"));
        QCOMPARE(ids("{token: \"" + shortLived + "\"}"), QString());
        QCOMPARE(ids("{token: opaque-static-token}"), QStringLiteral("opaqueToken:info"));
        QCOMPARE(ids("{token: \"" + header + '.' + b64(R"({"iss":"x"})") + ".s\"}"),
                 QStringLiteral("legacyToken:warning"));
        QCOMPARE(ids("{auth-provider: {name: oidc}}"), QStringLiteral("authProvider:warning"));
        // The fixture certificate: O=system:masters, ten years; expired by 2040.
        QFile cert(QStringLiteral(PODSEC_TEST_DATA_DIR "/access/masters-10y.crt"));
        QVERIFY(cert.open(QIODevice::ReadOnly));
        const auto info = parseCertificate(cert.readAll().toStdString());
        QVERIFY(info);
        QCOMPARE(info->organizations, std::vector<std::string>{"system:masters"});
        QCOMPARE(info->commonName, std::string("kubernetes-admin"));
        QVERIFY(info->notAfter > info->notBefore.addYears(9));
        cert.seek(0);
        const std::string user =
            "{client-certificate-data: " + cert.readAll().toBase64().toStdString() + "}";
        QCOMPARE(ids(user), QStringLiteral("certSystemMasters:danger certLifetime:warning"));
        const std::string config = "contexts: [{name: c, context: {cluster: k, user: u}}]\n"
                                   "users: [{name: u, user: " +
                                   user + "}]\n";
        const auto later = auditKubeconfigs({{"config", config}}, now.addYears(20)).findings;
        QVERIFY(std::any_of(later.begin(), later.end(), [](const CredentialFinding &f) {
            return f.id == "certExpired" && f.severity == Severity::Deny;
        }));
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
