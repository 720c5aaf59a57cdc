// SPDX-License-Identifier: Apache-2.0
// The registry follows the reference rules: unique IDs, strictly increasing variant
// versions, overrides only from restricted to baseline, reference order; and the
// validator itself catches each kind of mistake.
#include "podtestutil.h"

#include <QTest>

using namespace PodSec;
using namespace PodSec::Policy;

namespace {
void noop(const K8s::PodSpecView &, CheckResult &) {}
} // namespace

class TestCheckRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryIsValid()
    {
        const auto problems = validateRegistry(registry());
        QStringList text;
        for (const auto &p : problems)
            text << QString::fromStdString(p);
        QVERIFY2(problems.empty(), qPrintable(text.join(QLatin1Char('\n'))));
        QVERIFY(!registry().empty()); // each check's pieces: tst_checkcompleteness
    }

    void validatorCatches_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("duplicate") << 0 << QStringLiteral("duplicate ID");
        QTest::newRow("unsorted variants") << 1 << QStringLiteral("not strictly increasing");
        QTest::newRow("baseline overrides")
            << 2 << QStringLiteral("only restricted checks may override");
        QTest::newRow("unknown override") << 3 << QStringLiteral("overrides unknown check");
        QTest::newRow("order") << 4 << QStringLiteral("not in reference order");
        QTest::newRow("too new") << 5 << QStringLiteral("minimum version out of range");
    }

    void validatorCatches()
    {
        QFETCH(int, mutation);
        QFETCH(QString, expected);
        auto checks = registry();
        switch (mutation) {
        case 0:
            checks.push_back(checks.front());
            break;
        case 1:
            checks.front().variants.push_back({0, noop, {}});
            break;
        case 2:
            checks.front().variants.front().overrides.push_back("privileged");
            break;
        case 3:
            checks.back().variants.front().overrides.push_back("noSuchCheck");
            break;
        case 4:
            std::swap(checks[0], checks[1]);
            break;
        case 5:
            checks.back().variants.push_back({NewestMinor + 1, noop, {}});
            break;
        }
        bool found = false;
        for (const auto &p : validateRegistry(checks))
            found |= QString::fromStdString(p).contains(expected);
        QVERIFY(found);
    }

    void versionParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("clamped");
        QTest::addColumn<QString>("printed");
        QTest::newRow("latest") << QStringLiteral("latest") << true << 37
                                << QStringLiteral("latest");
        QTest::newRow("v1.0") << QStringLiteral("v1.0") << true << 0 << QStringLiteral("v1.0");
        QTest::newRow("v1.25") << QStringLiteral("v1.25") << true << 25 << QStringLiteral("v1.25");
        QTest::newRow("v1.37") << QStringLiteral("v1.37") << true << 37 << QStringLiteral("v1.37");
        QTest::newRow("v1.99") << QStringLiteral("v1.99") << true << 37 << QStringLiteral("v1.99");
        QTest::newRow("v1.10000") << QStringLiteral("v1.10000") << true << 37
                                  << QStringLiteral("v1.10000");
        QTest::newRow("huge") << QStringLiteral("v1.123456789012345") << true << 37
                              << QStringLiteral("v1.123456789012345");
        for (const char *bad :
             {"v1", "1.25", "v2.0", "v1.05", "Latest", "foo", "", "v1.", "v1.2a", "v1.-1"})
            QTest::addRow("invalid '%s'", bad)
                << QString::fromLatin1(bad) << false << 0 << QString();
    }

    void versionParsing()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, clamped);
        QFETCH(QString, printed);
        const auto v = Version::parse(text.toStdString());
        QCOMPARE(v.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(v->clamped(), clamped);
        QCOMPARE(QString::fromStdString(v->toString()), printed);
    }

    void privilegedRunsNothing()
    {
        QVERIFY(checksFor(Level::Privileged, Version::latest()).empty());
        const auto e = TestUtil::evaluate(
            "apiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n  containers:\n  - name: a\n"
            "    securityContext: {privileged: true}\n",
            "privileged", "latest");
        QVERIFY(e.allowed());
        QVERIFY(e.results.empty());
    }
};

QTEST_GUILESS_MAIN(TestCheckRegistry)
#include "tst_checkregistry.moc"
