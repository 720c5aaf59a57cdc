// SPDX-License-Identifier: Apache-2.0
// `podsec access` run as a process (spec/access.md §5, spec/cli.md): report shapes, exit
// statuses, --fail-on, --who-can, and the credential audit, which must never print a
// token, a key or a password in any format.
#include "podtestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run podsec(const QStringList &args, const QStringList &env = {})
{
    QProcess p;
    p.setProgram(QStringLiteral(PODSEC_CLI_PATH));
    p.setArguments(args);
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("KUBECONFIG"));
    for (const auto &e : env)
        environment.insert(e.section(QLatin1Char('='), 0, 0), e.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(environment);
    p.start();
    if (!p.waitForStarted())
        return {};
    p.closeWriteChannel();
    p.waitForFinished(120000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString write(const QTemporaryDir &dir, const char *name, const QByteArray &text)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", name);
    f.write(text);
    return path;
}

const char *const Story = R"(apiVersion: v1
kind: Namespace
metadata:
  name: web
  labels: {pod-security.kubernetes.io/enforce: restricted}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-deployer, namespace: build}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {kind: ServiceAccount, name: deployer, namespace: ci}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: labeller, namespace: web}
rules:
- {apiGroups: [""], resources: [namespaces], verbs: [patch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: web-team, namespace: web}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: labeller}
subjects:
- {kind: User, name: alice}
)";

const char *const Harmless = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: viewers, namespace: web}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- {kind: Group, name: viewers}
)";

const char *const WarningOnly = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: web}
rules:
- {apiGroups: [""], resources: [secrets], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader, namespace: web}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- {kind: User, name: bob}
)";

// Secret material planted in the kubeconfig: none of it may leave the process.
const char *const PlantedSignature = "PLANTEDsignatureXYZ0123456789";
const char *const PlantedPassword = "PLANTED-password-hunter2";
const char *const PlantedKey = "UExBTlRFRC1rZXktbWF0ZXJpYWw=";

QByteArray plantedJwt()
{
    const QByteArray header =
        QByteArray(R"({"alg":"RS256","kid":"x"})")
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload =
        QByteArray(
            R"({"iss":"kubernetes/serviceaccount","sub":"system:serviceaccount:ci:deployer"})")
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return header + '.' + payload + '.' + PlantedSignature;
}

QByteArray kubeconfig()
{
    QFile cert(PodSec::TestUtil::testDataPath(QStringLiteral("access/masters-10y.crt")));
    if (!cert.open(QIODevice::ReadOnly))
        qFatal("no certificate fixture");
    const QByteArray certData = cert.readAll().toBase64();
    return "apiVersion: v1\nkind: Config\ncurrent-context: admin\n"
           "clusters:\n"
           "- name: prod\n  cluster: {server: \"https://prod.example:6443\", "
           "insecure-skip-tls-verify: true}\n"
           "- name: lab\n  cluster: {server: \"http://lab.example:8080\"}\n"
           "contexts:\n"
           "- name: admin\n  context: {cluster: prod, user: admin}\n"
           "- name: ci\n  context: {cluster: lab, user: ci}\n"
           "- name: old\n  context: {cluster: lab, user: old}\n"
           "- name: boot\n  context: {cluster: prod, user: boot}\n"
           "users:\n"
           "- name: admin\n  user:\n    client-certificate-data: " +
           certData + "\n    client-key-data: " + PlantedKey +
           "\n"
           "- name: ci\n  user: {token: \"" +
           plantedJwt() +
           "\"}\n"
           "- name: old\n  user: {username: admin, password: \"" +
           PlantedPassword +
           "\"}\n"
           "- name: boot\n  user: {token: \"abcdef.0123456789abcdef\"}\n";
}

} // namespace

class TestCliAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonShape()
    {
        QTemporaryDir dir;
        const QString file = write(dir, "story.yaml", Story);
        const Run r = podsec(
            {QStringLiteral("access"), QStringLiteral("--format"), QStringLiteral("json"), file});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(QLatin1String("schemaVersion")).toInt(), 1);
        QVERIFY(root.value(QLatin1String("credentials")).isArray());
        QVERIFY(root.value(QLatin1String("errors")).toArray().isEmpty());
        const QJsonArray subjects = root.value(QLatin1String("subjects")).toArray();
        QSet<QString> seen;
        for (const auto &s : subjects) {
            const QJsonObject o = s.toObject();
            for (const char *key : {"kind", "name", "namespace", "risks"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            for (const auto &rv : o.value(QLatin1String("risks")).toArray()) {
                const QJsonObject risk = rv.toObject();
                for (const char *key : {"id", "severity", "scope", "detail", "chain"})
                    QVERIFY2(risk.contains(QLatin1String(key)), key);
                seen.insert(o.value(QLatin1String("name")).toString() + QLatin1Char(':') +
                            risk.value(QLatin1String("id")).toString() + QLatin1Char(':') +
                            risk.value(QLatin1String("scope")).toString() + QLatin1Char(':') +
                            risk.value(QLatin1String("severity")).toString());
                for (const auto &lv : risk.value(QLatin1String("chain")).toArray()) {
                    const QJsonObject link = lv.toObject();
                    for (const char *key :
                         {"kind", "name", "namespace", "rule", "source", "builtin"})
                        QVERIFY2(link.contains(QLatin1String(key)), key);
                }
            }
        }
        QVERIFY2(seen.contains(QStringLiteral("deployer:createWorkloads:build:danger")),
                 qPrintable(QStringList(seen.values()).join(QLatin1Char(' '))));
        QVERIFY(seen.contains(QStringLiteral("alice:relabelNamespace:web:danger")));
        QVERIFY(seen.contains(QStringLiteral("deployer:readSecrets:build:warning")));
    }

    void exitStatuses()
    {
        QTemporaryDir dir;
        const QString harmless = write(dir, "harmless.yaml", Harmless);
        const QString warning = write(dir, "warning.yaml", WarningOnly);
        QCOMPARE(podsec({QStringLiteral("access"), harmless}).exitCode, 0);
        QCOMPARE(podsec({QStringLiteral("access"), warning}).exitCode, 1);
        QCOMPARE(podsec({QStringLiteral("access"), QStringLiteral("--fail-on"),
                         QStringLiteral("danger"), warning})
                     .exitCode,
                 0);
        QCOMPARE(podsec({QStringLiteral("access"), QStringLiteral("--fail-on"),
                         QStringLiteral("info"), harmless})
                     .exitCode,
                 0);
        const QString broken = write(dir, "broken.yaml", "kind: [unclosed\n");
        const Run b = podsec({QStringLiteral("access"), broken});
        QCOMPARE(b.exitCode, 2);
        QVERIFY(b.err.contains("broken.yaml:"));
        QCOMPARE(podsec({QStringLiteral("access"), QStringLiteral("--format"),
                         QStringLiteral("junit"), harmless})
                     .exitCode,
                 2);
        QCOMPARE(podsec({QStringLiteral("access"), QStringLiteral("--fail-on"),
                         QStringLiteral("never"), harmless})
                     .exitCode,
                 2);
    }

    void missingRoleIsSaid()
    {
        QTemporaryDir dir;
        const QString file = write(dir, "missing.yaml",
                                   "apiVersion: rbac.authorization.k8s.io/v1\n"
                                   "kind: ClusterRoleBinding\nmetadata: {name: b}\n"
                                   "roleRef: {kind: ClusterRole, name: nowhere}\n"
                                   "subjects: [{kind: User, name: alice}]\n");
        const Run r = podsec({QStringLiteral("access"), file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("missing.yaml:1:1: warning: ClusterRoleBinding \"b\" names "
                                "ClusterRole \"nowhere\""),
                 r.err.constData());
    }

    void whoCan()
    {
        QTemporaryDir dir;
        const QString file = write(dir, "story.yaml", Story);
        Run r =
            podsec({QStringLiteral("access"), QStringLiteral("--who-can"), QStringLiteral("create"),
                    QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("build"),
                    QStringLiteral("--format"), QStringLiteral("json"), file});
        QCOMPARE(r.exitCode, 0);
        QJsonArray subjects =
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("subjects")).toArray();
        QCOMPARE(subjects.size(), 1);
        QCOMPARE(subjects[0].toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("deployer"));
        r = podsec({QStringLiteral("access"), QStringLiteral("--who-can"), QStringLiteral("patch"),
                    QStringLiteral("namespaces"), QStringLiteral("--name"), QStringLiteral("web"),
                    file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("user \"alice\""));
        QVERIFY(!r.out.contains("deployer"));
    }

    void credentials()
    {
        QTemporaryDir dir;
        const QString config = write(dir, "kubeconfig", kubeconfig());
        const Run r = podsec({QStringLiteral("access"), QStringLiteral("--credentials"),
                              QStringLiteral("--kubeconfig"), config, QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1);
        QSet<QString> found;
        for (const auto &v : QJsonDocument::fromJson(r.out)
                                 .object()
                                 .value(QLatin1String("credentials"))
                                 .toArray()) {
            const QJsonObject f = v.toObject();
            found.insert(f.value(QLatin1String("context")).toString() + QLatin1Char(':') +
                         f.value(QLatin1String("id")).toString() + QLatin1Char(':') +
                         f.value(QLatin1String("severity")).toString());
        }
        const QStringList expected = {
            QStringLiteral("admin:certSystemMasters:danger"),
            QStringLiteral("admin:certLifetime:warning"),
            QStringLiteral("admin:embeddedKey:info"),
            QStringLiteral("admin:insecureTls:danger"),
            QStringLiteral("ci:legacyToken:warning"),
            QStringLiteral("ci:plainHttp:danger"),
            QStringLiteral("old:basicAuth:deny"),
            QStringLiteral("boot:bootstrapToken:warning"),
        };
        for (const auto &e : expected)
            QVERIFY2(found.contains(e),
                     qPrintable(e + QStringLiteral(" in ") +
                                QStringList(found.values()).join(QLatin1Char(' '))));
        QVERIFY(!found.contains(QStringLiteral("ci:opaqueToken:info")));
    }

    void nothingSecretInAnyFormat()
    {
        QTemporaryDir dir;
        const QString config = write(dir, "kubeconfig", kubeconfig());
        QTemporaryDir input;
        write(input, "story.yaml", Story);
        // The same material in a Secret of the files (a token Secret of the deployer account).
        write(input, "secret.yaml",
              "apiVersion: v1\nkind: Secret\nmetadata: {name: deployer-token, namespace: ci,\n"
              "  annotations: {kubernetes.io/service-account.name: deployer}}\n"
              "type: kubernetes.io/service-account-token\nstringData:\n  token: \"" +
                  plantedJwt() + "\"\n  password: \"" + PlantedPassword +
                  "\"\ndata:\n  tls.key: " + PlantedKey + "\n");
        const QString story = input.path();
        const QByteArray jwt = plantedJwt();
        for (const char *format : {"text", "json", "sarif"}) {
            for (bool credentialsOnly : {true, false}) {
                QStringList args = {QStringLiteral("access"), QStringLiteral("--format"),
                                    QLatin1String(format)};
                if (credentialsOnly)
                    args << QStringLiteral("--credentials") << QStringLiteral("--kubeconfig")
                         << config;
                else
                    args << story;
                const Run r = podsec(args, {QStringLiteral("KUBECONFIG=") + config});
                QVERIFY(r.exitCode == 1);
                for (const QByteArray &secret :
                     {jwt, QByteArray(PlantedSignature), QByteArray(PlantedPassword),
                      QByteArray(PlantedKey), QByteArray("0123456789abcdef")}) {
                    QVERIFY2(!r.out.contains(secret), format);
                    QVERIFY2(!r.err.contains(secret), format);
                }
            }
        }
        // Who-can answers, in both of its formats.
        for (const char *format : {"text", "json"}) {
            for (const QStringList &query :
                 {QStringList{QStringLiteral("get"), QStringLiteral("secrets"),
                              QStringLiteral("-n"), QStringLiteral("ci")},
                  QStringList{QStringLiteral("create"), QStringLiteral("pods"),
                              QStringLiteral("-n"), QStringLiteral("build")}}) {
                const Run r = podsec(
                    QStringList{QStringLiteral("access"), QStringLiteral("--who-can")} + query +
                        QStringList{QStringLiteral("--format"), QLatin1String(format), story},
                    {QStringLiteral("KUBECONFIG=") + config});
                QCOMPARE(r.exitCode, 0);
                QVERIFY(!r.out.isEmpty());
                for (const QByteArray &secret :
                     {jwt, QByteArray(PlantedSignature), QByteArray(PlantedPassword),
                      QByteArray(PlantedKey)}) {
                    QVERIFY2(!r.out.contains(secret), format);
                    QVERIFY2(!r.err.contains(secret), format);
                }
            }
        }
    }

    /// Every risk and credential finding is explained, in English and Chinese, citing its
    /// seed chapter, and `podsec explain` lists and prints it.
    void explainCoversAccess()
    {
        const QStringList ids = {QStringLiteral("readSecrets"),
                                 QStringLiteral("createWorkloads"),
                                 QStringLiteral("runAsAnyServiceAccount"),
                                 QStringLiteral("createPersistentVolumes"),
                                 QStringLiteral("nodeProxy"),
                                 QStringLiteral("escalate"),
                                 QStringLiteral("bind"),
                                 QStringLiteral("impersonate"),
                                 QStringLiteral("approveClientCertificates"),
                                 QStringLiteral("createTokens"),
                                 QStringLiteral("controlAdmissionWebhooks"),
                                 QStringLiteral("relabelNamespace"),
                                 QStringLiteral("wildcard"),
                                 QStringLiteral("clusterAdmin"),
                                 QStringLiteral("systemMasters"),
                                 QStringLiteral("unauthenticated"),
                                 QStringLiteral("clusterWideGrant"),
                                 QStringLiteral("privilegedPodToken"),
                                 QStringLiteral("certSystemMasters"),
                                 QStringLiteral("certLifetime"),
                                 QStringLiteral("certExpired"),
                                 QStringLiteral("legacyToken"),
                                 QStringLiteral("longToken"),
                                 QStringLiteral("bootstrapToken"),
                                 QStringLiteral("opaqueToken"),
                                 QStringLiteral("basicAuth"),
                                 QStringLiteral("authProvider"),
                                 QStringLiteral("insecureTls"),
                                 QStringLiteral("plainHttp"),
                                 QStringLiteral("embeddedKey")};
        const Run list = podsec({QStringLiteral("explain")});
        QCOMPARE(list.exitCode, 0);
        for (const QString &id : ids) {
            QVERIFY2(list.out.contains(QByteArray("\n" + id.toUtf8() + ' ')), qPrintable(id));
            const Run one = podsec({QStringLiteral("explain"), id});
            QCOMPARE(one.exitCode, 0);
            QVERIFY2(one.out.startsWith(QByteArray("# " + id.toUtf8() + '\n')), qPrintable(id));
            QVERIFY2(one.out.contains("Seed chapter"), qPrintable(id));
            QFile zh(QStringLiteral(PODSEC_SOURCE_DIR "/resources/explanations/zh_CN/") + id +
                     QStringLiteral(".md"));
            QVERIFY2(zh.open(QIODevice::ReadOnly), qPrintable(id));
            const QString text = QString::fromUtf8(zh.readAll());
            QVERIFY2(text.startsWith(QStringLiteral("# ") + id + QLatin1Char('\n')),
                     qPrintable(id));
            QVERIFY2(text.contains(QStringLiteral("种子文档章节")), qPrintable(id));
        }
        QCOMPARE(podsec({QStringLiteral("explain"), QStringLiteral("noSuchRisk")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliAccess)
#include "tst_cliaccess.moc"
