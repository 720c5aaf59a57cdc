// SPDX-License-Identifier: Apache-2.0
// Issue 13 in core: the alias-bomb guard counts alias expansion only, the fix loop fixes
// the documents that parse beside those that do not, edit sets applied out of order,
// and a file edited while `fix --in-place` ran is not overwritten.
#include "podtestutil.h"

#include "common/fileinput.h"
#include "common/safefile.h"
#include "engine/fixloop.h"
#include "fix/texteditset.h"
#include "yaml/sourcefile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace PodSec;

namespace {

std::string readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

bool writeAll(const QString &path, const std::string &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) &&
           f.write(text.data(), qint64(text.size())) == qint64(text.size());
}

} // namespace

class TestInputBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainNodesAreNotAliasExpansion();
    void aliasExpansionIsBounded();
    void fixSkipsUnreadableDocuments();
    void editSetAddedOutOfOrder();
    void replaceRefusesChangedFile();
    void sizes();
};

void TestInputBounds::plainNodesAreNotAliasExpansion()
{
    // 300 written-out items, far more nodes than the limit of 100: no alias, no bomb.
    std::string text = "items:\n";
    for (int i = 0; i < 300; ++i)
        text += "- {name: item" + std::to_string(i) + ", value: " + std::to_string(i) + "}\n";
    Yaml::ParseLimits limits;
    limits.maxExpandedNodes = 100;
    const auto file = Yaml::SourceFile::fromText("list.yaml", text, limits);
    QVERIFY2(file->errors.empty(), file->errors.empty() ? "" : file->errors[0].message.c_str());
    QCOMPARE(
        file->documents.at(0).size(file->documents.at(0).get(file->documents.at(0).root, "items")),
        std::size_t(300));
}

void TestInputBounds::aliasExpansionIsBounded()
{
    // Each *a adds 11 nodes; ten of them are 110 > 100.
    const std::string text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                             "b: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
    Yaml::ParseLimits limits;
    limits.maxExpandedNodes = 100;
    const auto file = Yaml::SourceFile::fromText("bomb.yaml", text, limits);
    QCOMPARE(file->errors.size(), std::size_t(1));
    QVERIFY(file->errors[0].message.find("alias expansion exceeds 100") != std::string::npos);
    QCOMPARE(file->errors[0].line, 2u);
    limits.maxExpandedNodes = 110;
    QVERIFY(Yaml::SourceFile::fromText("bomb.yaml", text, limits)->errors.empty());
}

void TestInputBounds::fixSkipsUnreadableDocuments()
{
    const std::string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                            "  containers:\n  - name: app\n    image: nginx\n";
    const std::string broken = "apiVersion: v1\nkind: Pod\nmetadata: {name: b\n";
    const std::string text = pod + "---\n" + broken + "---\n" + pod;
    const auto result =
        Engine::fixText(text, {Policy::Level::Restricted, Policy::Version::latest()});
    QCOMPARE(result.errors.size(), std::size_t(1));
    // The broken document spans lines 10 to 12 (its end: line 13).
    QVERIFY(result.errors[0].line >= 10 && result.errors[0].line <= 13);
    QCOMPARE(result.objects, 2);
    QCOMPARE(result.passingAfter, 2);
    QVERIFY(result.text.find("---\n" + broken + "---\n") != std::string::npos);
}

void TestInputBounds::editSetAddedOutOfOrder()
{
    // Added in any order, kept sorted; only the neighbours are checked, which suffices.
    Fix::TextEditSet set;
    QVERIFY(set.add({8, 1, "X"}));
    QVERIFY(set.add({2, 2, "yy"}));
    QVERIFY(set.add({6, 0, "<"}));
    QVERIFY(set.add({0, 0, "^"}));
    std::string text = "0123456789";
    QVERIFY(set.apply(text));
    QCOMPARE(text, std::string("^01yy45<67X9"));
    std::string shortText = "0123";
    QVERIFY(!set.apply(shortText)); // an edit lies outside the text
    QCOMPARE(shortText, std::string("0123"));
    const std::vector<Fix::TextEdit> overlapping = {
        {3, 1, "z"}, {1, 2, "z"}, {8, 0, "z"}, {7, 2, "z"}, {0, 0, "z"}};
    for (const auto &edit : overlapping) {
        Fix::TextEditSet copy = set;
        QVERIFY(!copy.add(edit));
        QVERIFY(copy.hasErrors());
    }
    QVERIFY(set.add({4, 2, "ok"})); // [4, 6) touches [2, 4) and the insertion at 6 only
}

void TestInputBounds::replaceRefusesChangedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pod.yaml"));
    QVERIFY(writeAll(path, "edited meanwhile\n"));
    std::string error;
    // What fix read was "as read"; the file now holds something else.
    QVERIFY(!replaceFileContent(path.toStdString(), "as read\n", "fixed\n",
                                QString(path + QStringLiteral(".orig")).toStdString(), 1 << 20,
                                error));
    QVERIFY2(error.find("changed since it was read") != std::string::npos, error.c_str());
    QCOMPARE(readAll(path), std::string("edited meanwhile\n"));
    QVERIFY(!QFile::exists(path + QStringLiteral(".orig"))); // no stale backup left behind
    QVERIFY(replaceFileContent(path.toStdString(), "edited meanwhile\n", "fixed\n", {}, 1 << 20,
                               error));
    QCOMPARE(readAll(path), std::string("fixed\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporaries
}

void TestInputBounds::sizes()
{
    std::uint64_t n = 0;
    QVERIFY(parseSize("1G", n) && n == (1ull << 30));
    QVERIFY(parseSize("200MiB", n) && n == 200ull << 20);
    QVERIFY(parseSize("4096", n) && n == 4096);
    QVERIFY(!parseSize("0", n));
    QVERIFY(!parseSize("12X", n));
    QVERIFY(!parseSize("99999999999999999999", n));
    QCOMPARE(sizeText(1ull << 30), std::string("1 GiB"));
    QCOMPARE(sizeText(4200), std::string("4.1 KiB"));
}

QTEST_GUILESS_MAIN(TestInputBounds)
#include "tst_inputbounds.moc"
