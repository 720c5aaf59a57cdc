// SPDX-License-Identifier: Apache-2.0
// "Add a check" as a checklist the tests enforce. For every ID of Policy::registry() this
// test reports each piece that is missing:
//   - resources/explanations/<id>.md, headed "# <id>" and "Level: <level> · Since: v1.<N>";
//   - resources/explanations/zh_CN/<id>.md, headed the same way in Chinese;
//   - message rows in tests/core/tst_checkmessages.cpp (data tags "<id>/...");
//   - field-path rows in tests/core/tst_fieldpaths.cpp or tst_fieldpaths_baseline.cpp (a row
//     whose check column is QByteArray("<id>"));
//   - a line in `podsec explain`, and the explanation served by `podsec explain <id>`.
// Known gaps are listed below with the reason; a gap that gets filled must leave the list.
#include "access/accessqueries.h"
#include "engine/ruleset.h"
#include "podtestutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTest>

#include <vector>

using namespace PodSec;

namespace {

enum class Piece { FieldPathRows };

struct KnownGap
{
    const char *id;
    Piece piece;
};

/// None today. An entry, {"<id>", Piece::...} with a comment saying why, lets a check lack
/// that piece for a while; the test fails as soon as the piece is there.
const std::vector<KnownGap> KnownGaps = {};

/// The sources whose rows count as field-path rows: restricted:latest, and per-row policies.
constexpr const char *FieldPathFiles[] = {"tests/core/tst_fieldpaths.cpp",
                                          "tests/core/tst_fieldpaths_baseline.cpp"};

bool isKnownGap(const QString &id, Piece piece)
{
    for (const auto &gap : KnownGaps) {
        if (gap.piece == piece && id == QLatin1String(gap.id))
            return true;
    }
    return false;
}

QString sourcePath(const QString &relative)
{
    return QStringLiteral(PODSEC_SOURCE_DIR "/") + relative;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

struct Output
{
    int exitCode = -1;
    QString text;
};

Output run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    Output out;
    if (!p.waitForFinished(60000))
        return out;
    out.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    out.text = QString::fromUtf8(p.readAllStandardOutput());
    return out;
}

/// The first two lines of an explanation, as they must read.
QString expectedHeading(const Policy::CheckDefinition &check, bool chinese)
{
    const QString id = QString::fromUtf8(check.id.data(), qsizetype(check.id.size()));
    const QString level = QString::fromLatin1(Policy::levelName(check.level));
    const QString since = QString::number(check.variants.front().minimumVersion);
    const QString second = chinese ? QStringLiteral("级别：%1 · 起始版本：v1.%2").arg(level, since)
                                   : QStringLiteral("Level: %1 · Since: v1.%2").arg(level, since);
    return QStringLiteral("# ") + id + QLatin1Char('\n') + second + QLatin1Char('\n');
}

} // namespace

class TestCheckCompleteness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCheckIsComplete_data();
    void everyCheckIsComplete();
    void knownGapsAreChecks();
    void noExplanationWithoutCheck();

private:
    QSet<QString> m_messageRowIds; ///< IDs with rows in tst_checkmessages' checkDetail
    QString m_fieldPathSource;     ///< the FieldPathFiles, one after the other
    Output m_explainList;
};

void TestCheckCompleteness::initTestCase()
{
    const auto tags = run(QStringLiteral(PODSEC_CHECKMESSAGES_PATH), {QStringLiteral("-datatags")});
    QCOMPARE(tags.exitCode, 0);
    // Lines read "TestCheckMessages checkDetail <id>/<what the row shows>".
    static const QRegularExpression row(QStringLiteral("^\\S+ checkDetail ([^/\\s]+)/"),
                                        QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(tags.text); it.hasNext();)
        m_messageRowIds.insert(it.next().captured(1));
    QVERIFY2(!m_messageRowIds.isEmpty(), "tst_checkmessages -datatags listed no checkDetail rows");

    for (const auto *file : FieldPathFiles) {
        const QString text = readText(sourcePath(QLatin1String(file)));
        QVERIFY2(!text.isEmpty(), file);
        m_fieldPathSource += text;
    }

    m_explainList = run(QStringLiteral(PODSEC_CLI_PATH), {QStringLiteral("explain")});
    QCOMPARE(m_explainList.exitCode, 0);
}

void TestCheckCompleteness::everyCheckIsComplete_data()
{
    QTest::addColumn<int>("index");
    const auto &checks = Policy::registry();
    for (std::size_t i = 0; i < checks.size(); ++i)
        QTest::addRow("%s", std::string(checks[i].id).c_str()) << int(i);
}

void TestCheckCompleteness::everyCheckIsComplete()
{
    QFETCH(int, index);
    const auto &check = Policy::registry().at(std::size_t(index));
    const QString id = QString::fromUtf8(check.id.data(), qsizetype(check.id.size()));
    QStringList missing;
    const auto need = [&](Piece piece, bool present, const QString &what) {
        if (isKnownGap(id, piece)) {
            if (present)
                missing << what + QStringLiteral(" is there now: remove the entry from KnownGaps");
            else
                qInfo("known gap: %s", qPrintable(what));
            return;
        }
        if (!present)
            missing << what;
    };
    const auto explanation = [&](const QString &relative, bool chinese) {
        const QString text = readText(sourcePath(relative));
        if (text.isEmpty())
            missing << relative + QStringLiteral(" (no such file)");
        else if (!text.startsWith(expectedHeading(check, chinese)))
            missing << relative + QStringLiteral(" does not start with \"") +
                           expectedHeading(check, chinese)
                               .replace(QLatin1Char('\n'), QLatin1String("\\n")) +
                           QLatin1Char('"');
    };

    explanation(QStringLiteral("resources/explanations/%1.md").arg(id), false);
    explanation(QStringLiteral("resources/explanations/zh_CN/%1.md").arg(id), true);
    if (!m_messageRowIds.contains(id))
        missing << QStringLiteral("rows in tests/core/tst_checkmessages.cpp (checkDetail tags "
                                  "\"%1/...\")")
                       .arg(id);
    need(Piece::FieldPathRows,
         m_fieldPathSource.contains(QStringLiteral("QByteArray(\"%1\")").arg(id)),
         QStringLiteral("rows in tests/core/tst_fieldpaths.cpp or tst_fieldpaths_baseline.cpp "
                        "(check column QByteArray(\"%1\"))")
             .arg(id));

    const QRegularExpression listed(
        QStringLiteral("^%1 +%2 +v1\\.%3$")
            .arg(QRegularExpression::escape(id), QLatin1String(Policy::levelName(check.level)))
            .arg(check.variants.front().minimumVersion),
        QRegularExpression::MultilineOption);
    if (!listed.match(m_explainList.text).hasMatch())
        missing << QStringLiteral("a line in `podsec explain`");
    const auto one = run(QStringLiteral(PODSEC_CLI_PATH), {QStringLiteral("explain"), id});
    if (one.exitCode != 0 || !one.text.startsWith(QStringLiteral("# ") + id))
        missing << QStringLiteral("`podsec explain %1` (exit code %2)").arg(id).arg(one.exitCode);

    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("check %1 is incomplete:\n    ").arg(id) +
                                           missing.join(QStringLiteral("\n    "))));
}

void TestCheckCompleteness::knownGapsAreChecks()
{
    for (const auto &gap : KnownGaps)
        QVERIFY2(Policy::findCheck(gap.id), gap.id);
}

void TestCheckCompleteness::noExplanationWithoutCheck()
{
    QStringList orphans;
    for (const QString &folder : {QStringLiteral("resources/explanations"),
                                  QStringLiteral("resources/explanations/zh_CN")}) {
        const QDir dir(sourcePath(folder));
        for (const QString &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files)) {
            if (name == QLatin1String("README.md"))
                continue;
            const QString id = name.chopped(3);
            // PSS checks and the rules of the other rule sets (the checklist) are explained.
            // Access risks and credential findings (spec/access.md) are explained too.
            if (!Policy::findCheck(id.toStdString()) && !Engine::findRule(id.toStdString()) &&
                !Access::findExplainedAccessId(id.toStdString()))
                orphans << folder + QLatin1Char('/') + name;
        }
    }
    QVERIFY2(orphans.isEmpty(), qPrintable(QStringLiteral("explanations of no check: ") +
                                           orphans.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestCheckCompleteness)
#include "tst_checkcompleteness.moc"
