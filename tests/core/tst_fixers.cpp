// SPDX-License-Identifier: Apache-2.0
// The fixer registry against the check registry: every check has exactly one fixer entry
// (a fixer, or an explicit decision-only marker), no entry names an unknown check, each
// fixer's file sits beside its check under the same name, decision-only fixers never plan an
// automatic fix, and the golden fix cases exercise every fixer.
#include "podtestutil.h"

#include "engine/fixloop.h"
#include "fix/fixers/allfixers.h"
#include "fix/fixplanner.h"
#include "policy/registry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <set>
#include <string>

using namespace PodSec;
using namespace PodSec::Fix;
using namespace PodSec::Engine;

namespace {

QString lower(std::string_view id)
{
    return QString::fromLatin1(id.data(), qsizetype(id.size())).toLower();
}

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(PODSEC_SOURCE_DIR)).filePath(relative);
}

} // namespace

class TestFixers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCheckHasAnEntry()
    {
        QVERIFY(!Policy::registry().empty());
        for (const auto &check : Policy::registry()) {
            const FixerEntry *entry = findFixer(check.id);
            QVERIFY2(entry, qPrintable(QStringLiteral("no fixer entry for %1 (add one to "
                                                      "core/fix/fixers/allfixers.cpp)")
                                           .arg(lower(check.id))));
            QVERIFY2(entry->fixer || entry->kind == FixerKind::DecisionOnly,
                     qPrintable(lower(check.id)));
        }
    }

    void noUnknownOrDuplicateEntries()
    {
        std::set<std::string_view> seen;
        for (const auto &entry : allFixers()) {
            const QString id = lower(entry.checkId);
            QVERIFY2(Policy::findCheck(entry.checkId),
                     qPrintable(id + QStringLiteral(" is not a check")));
            QVERIFY2(seen.insert(entry.checkId).second,
                     qPrintable(id + QStringLiteral(" is listed twice")));
        }
        QCOMPARE(allFixers().size(), Policy::registry().size());
    }

    // core/fix/fixers/fix_<id>.cpp beside core/policy/checks/check_<id>.cpp in a file-name
    // grep, and the check ID written in the fixer's file.
    void fixerFileBesideCheck()
    {
        for (const auto &entry : allFixers()) {
            if (!entry.fixer)
                continue;
            const QString name = lower(entry.checkId);
            QVERIFY2(QFileInfo::exists(
                         sourcePath(QStringLiteral("core/policy/checks/check_%1.cpp").arg(name))),
                     qPrintable(name));
            QFile fixer(sourcePath(QStringLiteral("core/fix/fixers/fix_%1.cpp").arg(name)));
            QVERIFY2(fixer.open(QIODevice::ReadOnly), qPrintable(fixer.fileName()));
            QVERIFY2(fixer.readAll().contains(
                         QByteArray(entry.checkId.data(), qsizetype(entry.checkId.size()))),
                     qPrintable(fixer.fileName()));
        }
    }

    // Over every golden input, at restricted and at baseline: decision-only fixers plan
    // decisions but never a fix that fixText() would apply.
    void decisionOnlyNeverFixes()
    {
        std::set<std::string> decisionOnly;
        for (const auto &entry : allFixers()) {
            if (entry.kind == FixerKind::DecisionOnly)
                decisionOnly.insert(std::string(entry.checkId));
        }
        QDir dir(TestUtil::testDataPath(QStringLiteral("fix/cases")));
        const auto files = dir.entryList({QStringLiteral("*.in.yaml"), QStringLiteral("*.in.json")},
                                         QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        std::set<std::string> decided;
        QStringList wrong;
        for (const auto level : {Policy::Level::Restricted, Policy::Level::Baseline}) {
            const Policy::LevelVersion policy{level, Policy::Version::latest()};
            for (const QString &f : files) {
                QFile in(dir.filePath(f));
                QVERIFY(in.open(QIODevice::ReadOnly));
                const std::string text = in.readAll().toStdString();
                QVERIFY(forEachObject(text, policy, {},
                                      [&](const std::string &, const K8s::PodSpecView &view,
                                          const Policy::Evaluation &evaluation, bool,
                                          const DocumentPlanner &planner) {
                                          const Plan plan = planner.plan(view, evaluation);
                                          for (const auto &fix : plan.fixes) {
                                              if (decisionOnly.count(fix.checkId))
                                                  wrong << f + QStringLiteral(": ") +
                                                               QString::fromStdString(fix.title);
                                          }
                                          for (const auto &d : plan.decisions)
                                              decided.insert(d.checkId);
                                      }));
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        // The golden cases do exercise the decision-only fixers.
        for (const auto &id : decisionOnly)
            QVERIFY2(decided.count(id), id.c_str());
    }

    // Over the golden pairs of tests/data/fix/cases, each fixed at its own policy as tst_fix's
    // golden() does (TestUtil::goldenPolicy): every automatic fixer fixes its check in at
    // least one (an applied key "checkId|path|action"), and every decision-only fixer that
    // has a fixer asks a decision in at least one.
    void goldenCasesCoverEveryFixer()
    {
        QDir dir(TestUtil::testDataPath(QStringLiteral("fix/cases")));
        const auto files = dir.entryList({QStringLiteral("*.in.yaml"), QStringLiteral("*.in.json")},
                                         QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        std::set<std::string> fixed, asked;
        for (const QString &f : files) {
            const auto policy = TestUtil::goldenPolicy(f);
            QVERIFY2(policy, qPrintable(f));
            QFile in(dir.filePath(f));
            QVERIFY(in.open(QIODevice::ReadOnly));
            const auto result = fixText(in.readAll().toStdString(), *policy);
            for (const auto &key : result.appliedKeys)
                fixed.insert(key.substr(0, key.find('|')));
            for (const auto &d : result.decisions)
                asked.insert(d.decision.checkId);
        }
        QStringList missing;
        for (const auto &entry : allFixers()) {
            const std::string id(entry.checkId);
            if (entry.kind == FixerKind::Automatic && !fixed.count(id))
                missing << QString::fromStdString(id) +
                               QStringLiteral(": no golden case where its fixer applies a fix");
            if (entry.kind == FixerKind::DecisionOnly && entry.fixer && !asked.count(id))
                missing << QString::fromStdString(id) +
                               QStringLiteral(": no golden case where its fixer asks a decision");
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestFixers)
#include "tst_fixers.moc"
