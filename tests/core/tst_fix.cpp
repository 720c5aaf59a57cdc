// SPDX-License-Identifier: Apache-2.0
// Text edits in original coordinates and the first automatic fixes: byte-exact results in
// block and flow style, CRLF, other indentation, comments kept, fixing twice changes
// nothing; and the real-world corpus keeps every comment line.
#include "podtestutil.h"

#include "fix/fixplanner.h"
#include "fix/texteditset.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace PodSec;
using namespace PodSec::Fix;

namespace {

const Policy::LevelVersion Restricted{Policy::Level::Restricted, Policy::Version::latest()};

QStringList commentLines(const std::string &text)
{
    QStringList out;
    for (const QString &line : QString::fromStdString(text).split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1Char('#')))
            out << line;
    }
    return out;
}

} // namespace

class TestFix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editSet()
    {
        TextEditSet set;
        QVERIFY(set.add({4, 2, "XY"}));
        QVERIFY(set.add({0, 1, "a"}));
        QVERIFY(set.add({9, 0, "!"}));
        QVERIFY(!set.add({5, 1, "z"})); // inside [4,6)
        QVERIFY(set.hasErrors());
        std::string text = "0123456789";
        QVERIFY(!set.apply(text)); // a set with errors changes nothing
        QCOMPARE(text, std::string("0123456789"));

        TextEditSet ok;
        QVERIFY(ok.add({4, 2, "XY"}));
        QVERIFY(ok.add({0, 1, "a"}));
        QVERIFY(ok.add({10, 0, "!"}));
        QVERIFY(!ok.add({10, 0, "?"})); // two insertions at one place: ambiguous order
        TextEditSet clean;
        for (const auto &e : ok.edits())
            QVERIFY(clean.add(e));
        QVERIFY(clean.apply(text));
        QCOMPARE(text, std::string("a123XY6789!"));
        TextEditSet outside;
        QVERIFY(outside.add({50, 0, "x"}));
        QVERIFY(!outside.apply(text));
    }

    void fixes_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("block: fields added to existing mappings, comments kept")
            << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                          "  # pod-level settings\n  securityContext:\n    runAsUser: 1000 # uid\n"
                          "  containers:\n  - name: app # main\n    image: nginx\n"
                          "    securityContext:\n      readOnlyRootFilesystem: true\n")
            << QByteArray(
                   "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                   "  # pod-level settings\n  securityContext:\n    runAsUser: 1000 # uid\n"
                   "    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n"
                   "  containers:\n  - name: app # main\n    image: nginx\n"
                   "    securityContext:\n      readOnlyRootFilesystem: true\n"
                   "      allowPrivilegeEscalation: false\n      capabilities:\n"
                   "        drop: [\"ALL\"]\n");
        QTest::newRow("block: nothing there yet, 4-space indentation")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n    containers:\n        - name: a\n"
                          "          image: x\n")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n    containers:\n        - name: a\n"
                          "          image: x\n          securityContext:\n"
                          "              allowPrivilegeEscalation: false\n"
                          "              capabilities:\n                  drop: [\"ALL\"]\n"
                          "    securityContext:\n        runAsNonRoot: true\n"
                          "        seccompProfile:\n            type: RuntimeDefault\n");
        QTest::newRow("flow: empty securityContext and a drop list")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  securityContext: {}\n  containers:\n"
                          "  - name: a\n    image: x\n    securityContext: {capabilities: {drop: "
                          "[\"NET_RAW\"]}}\n")
            << QByteArray(
                   "kind: Pod\napiVersion: v1\nspec:\n  securityContext: {runAsNonRoot: true, "
                   "seccompProfile: {type: RuntimeDefault}}\n  containers:\n"
                   "  - name: a\n    image: x\n    securityContext: {capabilities: {drop: "
                   "[\"NET_RAW\", \"ALL\"]}, allowPrivilegeEscalation: false}\n");
        QTest::newRow("replacements: privileged, host namespaces, explicit false")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  hostPID: true\n  securityContext:\n"
                          "    runAsNonRoot: false\n    seccompProfile: {type: Unconfined}\n"
                          "  containers:\n  - name: a\n    image: x\n    securityContext:\n"
                          "      privileged: true\n      allowPrivilegeEscalation: true\n"
                          "      capabilities:\n        drop:\n        - NET_RAW\n")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  hostPID: false\n  securityContext:\n"
                          "    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
                          "  containers:\n  - name: a\n    image: x\n    securityContext:\n"
                          "      privileged: false\n      allowPrivilegeEscalation: false\n"
                          "      capabilities:\n        drop:\n        - NET_RAW\n        - ALL\n");
        QTest::newRow("CRLF line ends stay CRLF")
            << QByteArray(
                   "kind: Pod\r\napiVersion: v1\r\nspec:\r\n  securityContext:\r\n"
                   "    runAsNonRoot: true\r\n    seccompProfile:\r\n      type: RuntimeDefault\r\n"
                   "  containers:\r\n  - name: a\r\n    image: x\r\n    securityContext:\r\n"
                   "      capabilities:\r\n        drop: [ALL]\r\n")
            << QByteArray(
                   "kind: Pod\r\napiVersion: v1\r\nspec:\r\n  securityContext:\r\n"
                   "    runAsNonRoot: true\r\n    seccompProfile:\r\n      type: RuntimeDefault\r\n"
                   "  containers:\r\n  - name: a\r\n    image: x\r\n    securityContext:\r\n"
                   "      capabilities:\r\n        drop: [ALL]\r\n"
                   "      allowPrivilegeEscalation: false\r\n");
        QTest::newRow("deployment template, unindented sequence")
            << QByteArray(
                   "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n"
                   "  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n"
                   "        seccompProfile:\n          type: RuntimeDefault\n      containers:\n"
                   "      - name: a\n        image: x\n        securityContext:\n"
                   "          allowPrivilegeEscalation: false\n")
            << QByteArray(
                   "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n"
                   "  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n"
                   "        seccompProfile:\n          type: RuntimeDefault\n      containers:\n"
                   "      - name: a\n        image: x\n        securityContext:\n"
                   "          allowPrivilegeEscalation: false\n          capabilities:\n"
                   "            drop: [\"ALL\"]\n");
    }

    void fixes()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const auto result = fixText(input.toStdString(), Restricted);
        QCOMPARE(QByteArray::fromStdString(result.text), expected);
        QVERIFY2(result.remaining.empty(),
                 result.remaining.empty() ? "" : result.remaining.front().c_str());
        // Fixing again changes nothing.
        const auto again = fixText(result.text, Restricted);
        QVERIFY(again.applied.empty());
        QCOMPARE(again.text, result.text);
    }

    void onlyAndDecisions()
    {
        const std::string pod = "kind: Pod\napiVersion: v1\nspec:\n  containers:\n  - name: a\n"
                                "    image: x\n    securityContext: {privileged: true}\n"
                                "  volumes:\n  - name: h\n    hostPath: {path: /}\n";
        const auto only = fixText(pod, Restricted, {"privileged"});
        QCOMPARE(only.applied.size(), std::size_t(1));
        QVERIFY(only.text.find("privileged: false") != std::string::npos);
        const auto all = fixText(pod, Restricted);
        // hostPath needs a person: it stays, and is listed.
        QCOMPARE(all.remaining.size(), std::size_t(1));
        QCOMPARE(all.remaining.front(), std::string("Pod /: restrictedVolumes"));
    }

    void corpusKeepsComments_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(TestUtil::sharedPath(QStringLiteral("corpus/real")),
                        {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &f : files) {
            if (QFileInfo(f).size() <
                400 * 1024) // keeps the suite fast; large files are rendered bundles
                QTest::addRow("%s", qPrintable(QFileInfo(f).fileName())) << f;
        }
    }

    void corpusKeepsComments()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::string input = f.readAll().toStdString();
        const auto result = fixText(input, Restricted);
        const QStringList before = commentLines(input);
        const QStringList after = commentLines(result.text);
        QCOMPARE(after, before); // every comment line, unchanged and in order
        const auto again = fixText(result.text, Restricted);
        QVERIFY(again.applied.empty());
        // Whatever is left needs a person (volumes, capabilities, Windows pods, ...).
        for (const auto &r : result.remaining)
            QVERIFY2(r.find("allowPrivilegeEscalation") == std::string::npos ||
                         result.text.find("allowPrivilegeEscalation: *") != std::string::npos,
                     r.c_str());
    }
};

QTEST_GUILESS_MAIN(TestFix)
#include "tst_fix.moc"
