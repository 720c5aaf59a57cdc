// SPDX-License-Identifier: Apache-2.0
// The fix loop works document by document: fixing a stream gives what fixing each of its
// documents alone gives (text, fixes, findings left, decisions), documents that do not
// parse are reported at their place in the file and left alone, and positions in later
// documents (errors, the line of a shared anchor, the edits of a decision's choices) are
// those of the file.
#include "podtestutil.h"

#include "engine/fixloop.h"
#include "yaml/sourcefile.h"

#include <QTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace PodSec;
using namespace PodSec::Engine;

namespace {

const Policy::LevelVersion Restricted{Policy::Level::Restricted, Policy::Version::latest()};

/// The parts the stream is joined from: each fixes (or fails, or decides) differently.
std::vector<std::string> parts(const std::string &eol)
{
    std::vector<std::string> out = {
        // Fixable, with a comment to keep.
        "# leading comment\n"
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: fixable\nspec:\n  containers:\n"
        "  - name: a\n    image: x\n    securityContext:\n"
        "      privileged: true   # keep this comment\n",
        // Does not parse: left alone, reported.
        "---\napiVersion: v1\nkind: Pod\nmetadata: {name: broken\nspec: ]\n",
        // Nothing but a comment: no document.
        "---\n# comment-only part\n",
        // A List whose items share an anchored securityContext: the fixes that would
        // write through it are decisions naming the anchor's line.
        "---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n"
        "  metadata: {name: one}\n  spec:\n    containers:\n    - name: a\n      image: x\n"
        "      securityContext: &sc\n        runAsUser: 1000\n- apiVersion: v1\n  kind: Pod\n"
        "  metadata: {name: two}\n  spec:\n    containers:\n    - name: b\n      image: y\n"
        "      securityContext: *sc\n",
        // Needs a decision (NET_ADMIN), the rest fixed.
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: meshed\nspec:\n"
        "  template:\n    spec:\n      containers:\n      - name: app\n        image: x\n"
        "        securityContext:\n          capabilities:\n            add: [\"NET_ADMIN\"]\n",
        // Passes already; what follows "..." is never read.
        "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: fine\nspec:\n"
        "  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
        "  containers:\n  - name: a\n    image: x\n    securityContext:\n"
        "      allowPrivilegeEscalation: false\n      capabilities: {drop: [ALL]}\n"
        "...\nignored: after the end\n",
        // A hostPath volume (a decision) and fixes, in flow style.
        "---\n{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"json\"},\n"
        " \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"x\"}],\n"
        "  \"volumes\": [{\"name\": \"h\", \"hostPath\": {\"path\": \"/\"}}]}}\n",
        // Does not parse either (duplicate key), after the others.
        "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: twice\n  name: again\nspec: {}\n",
    };
    if (eol != "\n") {
        for (auto &p : out) {
            std::string crlf;
            for (char c : p)
                crlf += c == '\n' ? eol : std::string(1, c);
            p = crlf;
        }
    }
    return out;
}

std::string joined(const std::vector<std::string> &v)
{
    std::string out;
    for (const auto &s : v)
        out += s;
    return out;
}

template <typename T>
std::vector<T> concat(const std::vector<FixResult> &alone, std::vector<T> FixResult::*member)
{
    std::vector<T> out;
    for (const auto &r : alone)
        out.insert(out.end(), (r.*member).begin(), (r.*member).end());
    return out;
}

/// Decisions without the lines they name (a document alone starts on line 1).
std::vector<std::string> decisionKeys(const std::vector<ObjectDecision> &decisions)
{
    std::vector<std::string> out;
    for (const auto &d : decisions) {
        std::string key = d.object + '|' + d.decision.checkId + '|' + d.decision.path;
        for (const auto &c : d.decision.choices)
            key += '|' + c.key;
        out.push_back(key);
    }
    return out;
}

} // namespace

class TestFixDocuments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalsEachDocumentAlone_data()
    {
        QTest::addColumn<QString>("eol");
        QTest::addColumn<bool>("bom");
        QTest::newRow("lf") << QStringLiteral("\n") << false;
        QTest::newRow("crlf-bom") << QStringLiteral("\r\n") << true;
    }

    void equalsEachDocumentAlone()
    {
        QFETCH(QString, eol);
        QFETCH(bool, bom);
        auto pieces = parts(eol.toStdString());
        if (bom)
            pieces.front().insert(0, "\xEF\xBB\xBF");
        const std::string input = joined(pieces);
        const auto result = fixText(input, Restricted);

        std::vector<FixResult> alone;
        std::vector<std::string> fixedPieces;
        for (const auto &p : pieces) {
            alone.push_back(fixText(p, Restricted));
            fixedPieces.push_back(alone.back().text);
        }
        QCOMPARE(result.text, joined(fixedPieces));
        QVERIFY(result.text != input);
        QCOMPARE(result.applied, concat(alone, &FixResult::applied));
        QCOMPARE(result.appliedKeys, concat(alone, &FixResult::appliedKeys));
        QCOMPARE(result.appliedObjects, concat(alone, &FixResult::appliedObjects));
        QCOMPARE(result.remaining, concat(alone, &FixResult::remaining));
        QCOMPARE(decisionKeys(result.decisions),
                 decisionKeys(concat(alone, &FixResult::decisions)));
        int objects = 0, passingBefore = 0, passingAfter = 0;
        for (const auto &r : alone) {
            objects += r.objects;
            passingBefore += r.passingBefore;
            passingAfter += r.passingAfter;
        }
        QCOMPARE(result.objects, objects);
        QCOMPARE(result.passingBefore, passingBefore);
        QCOMPARE(result.passingAfter, passingAfter);
        QVERIFY(!result.remaining.empty() && !result.decisions.empty());

        // The two unreadable documents, where the whole file's parse puts them.
        const auto file = Yaml::SourceFile::fromText("", input);
        QCOMPARE(result.errors.size(), std::size_t(2));
        QCOMPARE(result.errors.size(), file->errors.size());
        for (std::size_t i = 0; i < result.errors.size(); ++i) {
            QCOMPARE(result.errors[i].line, file->errors[i].line);
            QCOMPARE(result.errors[i].column, file->errors[i].column);
            QCOMPARE(result.errors[i].offset, file->errors[i].offset);
            QCOMPARE(result.errors[i].message, file->errors[i].message);
        }
        QVERIFY(result.errors.back().line > 60);

        // Fixing again changes nothing.
        const auto again = fixText(result.text, Restricted);
        QVERIFY(again.applied.empty());
        QCOMPARE(again.text, result.text);
    }

    // Lines and edits of decisions in later documents are those of the fixed file.
    void laterPositionsAreFilePositions()
    {
        const auto pieces = parts("\n");
        const auto result = fixText(joined(pieces), Restricted);
        const auto lines = QString::fromStdString(result.text).split(QLatin1Char('\n'));
        int anchors = 0;
        for (const auto &d : result.decisions) {
            const std::string &q = d.decision.question;
            const auto at = q.find("(line ");
            if (at == std::string::npos)
                continue;
            const int line = std::stoi(q.substr(at + 6));
            // The anchored mapping starts on the line after "securityContext: &sc".
            QVERIFY2(line >= 2 && line <= lines.size(), q.c_str());
            QVERIFY2(lines[line - 2].endsWith(QLatin1String("securityContext: &sc")) &&
                         lines[line - 1].trimmed() == QLatin1String("runAsUser: 1000"),
                     qPrintable(lines[line - 2] + QLatin1Char('|') + lines[line - 1]));
            ++anchors;
        }
        QVERIFY(anchors > 0);

        // A choice applied to the fixed file changes what the same choice changes in its
        // document fixed alone, and nothing else.
        int choices = 0;
        std::size_t first = 0; // index in result.decisions of each piece's first decision
        for (std::size_t p = 0; p < pieces.size(); ++p) {
            const auto alone = fixText(pieces[p], Restricted);
            for (std::size_t d = 0; d < alone.decisions.size(); ++d) {
                const auto &ours = result.decisions[first + d].decision;
                const auto &theirs = alone.decisions[d].decision;
                QCOMPARE(ours.choices.size(), theirs.choices.size());
                for (std::size_t c = 0; c < ours.choices.size(); ++c) {
                    std::string whole = result.text;
                    QVERIFY(ours.choices[c].edits.apply(whole));
                    std::string piece = alone.text;
                    QVERIFY(theirs.choices[c].edits.apply(piece));
                    std::vector<std::string> expected;
                    for (std::size_t o = 0; o < pieces.size(); ++o)
                        expected.push_back(o == p ? piece : fixText(pieces[o], Restricted).text);
                    QCOMPARE(whole, joined(expected));
                    ++choices;
                }
            }
            first += alone.decisions.size();
        }
        QCOMPARE(first, result.decisions.size());
        QVERIFY(choices > 0);
    }

    // FixOptions.object picks one object by document index and List item: the others stay.
    void objectAddressing()
    {
        const auto pieces = parts("\n");
        const std::string input = joined(pieces);
        // Documents: 0 fixable, 1 broken, 2 List (items 0 and 1), 3 Deployment, 4 fine, ...
        FixOptions options;
        options.object = std::pair{2, 1};
        const auto one = fixText(input, Restricted, options);
        QCOMPARE(one.objects, 1);
        for (const auto &o : one.appliedObjects)
            QCOMPARE(o, std::string("Pod /two"));
        options.object = std::pair{3, -1};
        const auto deployment = fixText(input, Restricted, options);
        QCOMPARE(deployment.objects, 1);
        QVERIFY(!deployment.applied.empty());
        auto expected = pieces;
        expected[4] = fixText(pieces[4], Restricted).text;
        QCOMPARE(deployment.text, joined(expected));
        // The unreadable documents are reported whichever object is picked.
        QCOMPARE(deployment.errors.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestFixDocuments)
#include "tst_fixdocuments.moc"
