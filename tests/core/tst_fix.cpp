// SPDX-License-Identifier: Apache-2.0
// Text edits in original coordinates and the first automatic fixes: byte-exact results in
// block and flow style, CRLF, other indentation, comments kept, fixing twice changes
// nothing; and the real-world corpus keeps every comment line.
#include "podtestutil.h"

#include "engine/fixloop.h"
#include "fix/fixplanner.h"
#include "fix/texteditset.h"
#include "fix/unifieddiff.h"

#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <algorithm>

using namespace PodSec;
using namespace PodSec::Fix;
using namespace PodSec::Engine;

namespace {

const Policy::LevelVersion Restricted{Policy::Level::Restricted, Policy::Version::latest()};

/// Every comment's text, whole-line or trailing (a '#' after a blank, outside quotes), in
/// order: a fix may turn a removed line's trailing comment into a comment line.
QStringList comments(const std::string &text)
{
    QStringList out;
    for (const QString &line : QString::fromStdString(text).split(QLatin1Char('\n'))) {
        QChar quote;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line[i];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) &&
                       (i == 0 || QStringLiteral(" \t[{,:-").contains(line[i - 1]))) {
                quote = c;
            } else if (c == QLatin1Char('#') && (i == 0 || line[i - 1].isSpace())) {
                out << line.mid(i).trimmed();
                break;
            }
        }
    }
    return out;
}

/// Every finding left is one a person has to decide: each remaining "Kind ns/name: id"
/// has a decision line of its own.
QString unexplained(const FixResult &result)
{
    for (const auto &r : result.remaining) {
        const bool explained = std::any_of(result.decisions.begin(), result.decisions.end(),
                                           [&](const ObjectDecision &d) { return d.explains(r); });
        if (!explained)
            return QString::fromStdString(r);
    }
    return {};
}

/// Lines removed by the fix (the "-" lines of the diff) must not be comment lines.
QString removedComment(const std::string &before, const std::string &after)
{
    const QString diff = QString::fromStdString(unifiedDiff(before, after, "x"));
    for (const QString &line : diff.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('-')) && !line.startsWith(QLatin1String("---")) &&
            line.mid(1).trimmed().startsWith(QLatin1Char('#')))
            return line;
    }
    return {};
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
        QTest::newRow("a removed line keeps its trailing comment as a comment line")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  securityContext:\n"
                          "    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
                          "  containers:\n  - name: a\n    image: x\n    securityContext:\n"
                          "      runAsUser: 0  # the entrypoint wants root\n"
                          "      allowPrivilegeEscalation: false\n"
                          "      capabilities: {drop: [ALL]}\n")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  securityContext:\n"
                          "    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
                          "  containers:\n  - name: a\n    image: x\n    securityContext:\n"
                          "      # the entrypoint wants root\n"
                          "      allowPrivilegeEscalation: false\n"
                          "      capabilities: {drop: [ALL]}\n");
        QTest::newRow("a quoted '#' is not a comment; the last entry's comment stays too")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  securityContext:\n"
                          "    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
                          "  containers:\n  - name: a\n    image: \"x #1\"\n"
                          "    securityContext:\n"
                          "      allowPrivilegeEscalation: false\n"
                          "      capabilities: {drop: [ALL]}\n"
                          "      runAsUser: 0 # root, see 'docs #4'\n")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  securityContext:\n"
                          "    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
                          "  containers:\n  - name: a\n    image: \"x #1\"\n"
                          "    securityContext:\n"
                          "      allowPrivilegeEscalation: false\n"
                          "      capabilities: {drop: [ALL]}\n"
                          "      # root, see 'docs #4'\n");
        QTest::newRow("an entry on the dash line leaves its comment above the item")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  securityContext:\n"
                          "    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
                          "  containers:\n  - name: a\n    image: x\n    securityContext: "
                          "{allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n"
                          "    ports:\n    - hostPort: 80  # the old LB\n"
                          "      containerPort: 80\n")
            << QByteArray("kind: Pod\napiVersion: v1\nspec:\n  securityContext:\n"
                          "    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
                          "  containers:\n  - name: a\n    image: x\n    securityContext: "
                          "{allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n"
                          "    ports:\n    # the old LB\n    - containerPort: 80\n");
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

    // Golden pairs: tests/data/fix/cases/<check>--<style>[--<policy>].in.* and the reviewed
    // .out.* (PODSEC_UPDATE_GOLDEN=1 writes them), fixed at restricted:latest unless the name
    // says otherwise (TestUtil::goldenPolicy). A mismatch prints the unified diff.
    void golden_data()
    {
        QTest::addColumn<QString>("input");
        QDir dir(TestUtil::testDataPath(QStringLiteral("fix/cases")));
        const auto files = dir.entryList({QStringLiteral("*.in.yaml"), QStringLiteral("*.in.json")},
                                         QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 50);
        for (const QString &f : files)
            QTest::addRow("%s", qPrintable(f)) << dir.filePath(f);
    }

    void golden()
    {
        QFETCH(QString, input);
        QFile in(input);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const std::string text = in.readAll().toStdString();
        const auto policy = TestUtil::goldenPolicy(QFileInfo(input).fileName());
        QVERIFY2(policy, "the part after the style must be <level> or <level>-v1.N");
        const auto result = fixText(text, *policy);
        QString outPath = input;
        outPath.replace(QLatin1String(".in."), QLatin1String(".out."));
        if (qEnvironmentVariableIsSet("PODSEC_UPDATE_GOLDEN")) {
            QFile out(outPath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(result.text.data(), qint64(result.text.size()));
        }
        QFile expectedFile(outPath);
        QVERIFY2(expectedFile.open(QIODevice::ReadOnly), qPrintable(outPath));
        const std::string expected = expectedFile.readAll().toStdString();
        QVERIFY2(result.text == expected,
                 unifiedDiff(expected, result.text, "expected-vs-actual").c_str());
        // Every object passes or what is left is listed as a decision.
        const QString left = unexplained(result);
        QVERIFY2(left.isEmpty(), qPrintable(left));
        // Comments: all still there, in order, and no comment line removed by an edit.
        QCOMPARE(comments(result.text), comments(text));
        const QString removed = removedComment(text, result.text);
        QVERIFY2(removed.isEmpty(), qPrintable(removed));
        // Line ends stay what they were.
        QCOMPARE(result.text.find("\r\n") != std::string::npos,
                 text.find("\r\n") != std::string::npos);
        // Still parses, and fixing again is a no-op.
        QVERIFY(Yaml::SourceFile::fromText("", result.text)->errors.empty());
        const auto again = fixText(result.text, *policy);
        QVERIFY(again.applied.empty());
        QCOMPARE(again.text, result.text);
    }

    // Every decision offers choices that, applied on their own, make their finding pass
    // and do no harm elsewhere.
    void decisionChoices()
    {
        QDir dir(TestUtil::testDataPath(QStringLiteral("fix/cases")));
        int tried = 0;
        for (const QString &f : dir.entryList({QStringLiteral("*needs-decision*")}, QDir::Files)) {
            QFile in(dir.filePath(f));
            QVERIFY(in.open(QIODevice::ReadOnly));
            const auto policy = TestUtil::goldenPolicy(f);
            QVERIFY2(policy, qPrintable(f));
            const std::string text = fixText(in.readAll().toStdString(), *policy).text;
            const auto file = Yaml::SourceFile::fromText("", text);
            for (const auto &doc : file->documents) {
                for (const auto &object : K8s::objectsIn(doc)) {
                    if (!object.hasTemplate)
                        continue;
                    const K8s::PodSpecView view(object);
                    const auto before = Policy::evaluate(view, *policy);
                    for (const auto &d : planFixes(view, before, text).decisions) {
                        for (const auto &c : d.choices) {
                            std::string changed = text;
                            QVERIFY(c.edits.apply(changed));
                            const auto after = fixText(changed, *policy);
                            const bool stillAsked = std::any_of(
                                after.decisions.begin(), after.decisions.end(),
                                [&](const ObjectDecision &later) {
                                    return later.line().find(d.question) != std::string::npos;
                                });
                            QVERIFY2(!stillAsked, qPrintable(f + QLatin1String(": ") +
                                                             QString::fromStdString(c.title)));
                            // No check fails that did not fail before.
                            const auto baseline = fixText(text, *policy);
                            for (const auto &r : after.remaining)
                                QVERIFY2(std::find(baseline.remaining.begin(),
                                                   baseline.remaining.end(),
                                                   r) != baseline.remaining.end(),
                                         r.c_str());
                            ++tried;
                        }
                    }
                }
            }
        }
        QVERIFY(tried >= 4);
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
        QCOMPARE(comments(result.text), comments(input)); // every comment, in order
        const auto again = fixText(result.text, Restricted);
        QVERIFY(again.applied.empty());
        QCOMPARE(again.text, result.text);
        // Whatever is left is listed as needing a person (volumes, capabilities, Windows
        // pods, values shared through anchors).
        const QString left = unexplained(result);
        QVERIFY2(left.isEmpty(), qPrintable(left));
        const QString removed = removedComment(input, result.text);
        QVERIFY2(removed.isEmpty(), qPrintable(removed));
        // A document Kubernetes refuses (duplicate keys) is left alone; fixing adds no error.
        QCOMPARE(Yaml::SourceFile::fromText("", result.text)->errors.size(),
                 Yaml::SourceFile::fromText("", input)->errors.size());
    }
};

QTEST_GUILESS_MAIN(TestFix)
#include "tst_fix.moc"
