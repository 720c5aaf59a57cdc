// SPDX-License-Identifier: Apache-2.0
// Rule sets are the engine's plug-ins: each declares its rules (id, severity, seed chapter,
// explanation, how findings are fixed), and every rule must be explained in English and
// Chinese and be found by `podsec explain`. The PSS rule set mirrors the check registry
// and reports what the checks report.
#include "engine/placedobject.h"
#include "engine/ruleset.h"
#include "fix/fixers/allfixers.h"
#include "podtestutil.h"
#include "policy/registry.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace PodSec;

namespace {

QString explanationPath(const std::string &key, bool chinese)
{
    return QStringLiteral(PODSEC_SOURCE_DIR "/resources/explanations/") +
           (chinese ? QStringLiteral("zh_CN/") : QString()) + QString::fromStdString(key) +
           QStringLiteral(".md");
}

} // namespace

class TestRuleSets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRuleIsDeclaredCompletely()
    {
        QVERIFY(!Engine::ruleSets().empty());
        QCOMPARE(Engine::ruleSets().front()->id(), std::string_view("pss"));
        QSet<QString> ids, setIds;
        QStringList problems;
        for (const Engine::RuleSet *set : Engine::ruleSets()) {
            QVERIFY2(!setIds.contains(QString::fromUtf8(set->id().data(), int(set->id().size()))),
                     "duplicate rule set id");
            setIds.insert(QString::fromUtf8(set->id().data(), int(set->id().size())));
            QVERIFY(!set->rules().empty());
            for (const auto &rule : set->rules()) {
                const QString id = QString::fromUtf8(rule.id.data(), int(rule.id.size()));
                if (ids.contains(id))
                    problems << id + QStringLiteral(": id used twice");
                ids.insert(id);
                if (!(set->scopes() & unsigned(rule.scope)))
                    problems << id + QStringLiteral(": scope not declared by its rule set");
                if (rule.seedChapter < 1 || rule.seedChapter > 12)
                    problems << id + QStringLiteral(": no seed chapter");
                for (bool chinese : {false, true}) {
                    if (!QFile::exists(explanationPath(rule.explanationKey, chinese)))
                        problems << id + QStringLiteral(": no explanation ") +
                                        explanationPath(rule.explanationKey, chinese);
                }
                if (Engine::findRule(rule.id) != &rule)
                    problems << id + QStringLiteral(": findRule() does not find it");
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void pssMirrorsTheRegistry()
    {
        const Engine::RuleSet *pss = Engine::findRuleSet("pss");
        QVERIFY(pss);
        const auto &checks = Policy::registry();
        QCOMPARE(pss->rules().size(), checks.size());
        for (std::size_t i = 0; i < checks.size(); ++i) {
            const auto &rule = pss->rules()[i];
            QCOMPARE(rule.id, checks[i].id);
            QCOMPARE(rule.severity, Engine::Severity::Deny);
            const auto *fixer = Fix::findFixer(rule.id);
            QVERIFY(fixer);
            QCOMPARE(rule.fix == Engine::FixKind::Automatic,
                     fixer->kind == Fix::FixerKind::Automatic);
        }
    }

    void pssFindingsAreTheChecksResults()
    {
        const auto parsed = TestUtil::parse("apiVersion: apps/v1\nkind: Deployment\n"
                                            "metadata: {name: d, namespace: web}\n"
                                            "spec:\n  template:\n    spec:\n      containers:\n"
                                            "      - name: c\n        image: x\n"
                                            "        securityContext: {privileged: true}\n");
        const Engine::Placement placement;
        const Engine::PlacedObject placed(parsed.object(), placement);
        const Policy::LevelVersion restricted{Policy::Level::Restricted, Policy::Version::latest()};
        std::vector<Engine::Finding> findings;
        Engine::findRuleSet("pss")->evaluatePod(placed, restricted, findings);
        const auto &evaluation = placed.evaluation(restricted);
        QCOMPARE(findings.size(), evaluation.results.size());
        int denied = 0;
        for (std::size_t i = 0; i < findings.size(); ++i) {
            QVERIFY(findings[i].rule);
            QCOMPARE(findings[i].rule->id, evaluation.results[i].id);
            QCOMPARE(findings[i].allowed, evaluation.results[i].allowed);
            QCOMPARE(findings[i].detail, evaluation.results[i].detail);
            QCOMPARE(findings[i].fields.size(), evaluation.results[i].fields.size());
            denied += !findings[i].allowed;
        }
        QVERIFY(denied > 1);
    }

    void explainListsEveryRule()
    {
        QProcess p;
        p.start(QStringLiteral(PODSEC_CLI_PATH), {QStringLiteral("explain")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString list = QString::fromUtf8(p.readAllStandardOutput());
        for (const Engine::RuleSet *set : Engine::ruleSets()) {
            for (const auto &rule : set->rules()) {
                const QString id = QString::fromUtf8(rule.id.data(), int(rule.id.size()));
                QVERIFY2(list.contains(QLatin1Char('\n') + id + QLatin1Char(' ')), qPrintable(id));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRuleSets)
#include "tst_rulesets.moc"
