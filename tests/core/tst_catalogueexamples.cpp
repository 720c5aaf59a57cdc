// SPDX-License-Identifier: Apache-2.0
// The controls catalogue's examples (resources/catalogue, Help → Controls…, issue 18 item 3):
// for every check of the registry, the bundled failing Pod fails exactly that check at the
// check's level (latest version), and the passing Pod passes every check at that level.
#include "podtestutil.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace PodSec;

namespace {

std::string bundled(const QString &name)
{
    QFile f(QStringLiteral(":/catalogue/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

QStringList failing(const Policy::Evaluation &e)
{
    QStringList ids;
    for (const auto &r : e.results) {
        if (!r.allowed)
            ids << QString::fromLatin1(r.id.data(), qsizetype(r.id.size()));
    }
    return ids;
}

} // namespace

class TestCatalogueExamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneFailingAndOnePassingPerCheck()
    {
        // No example without a check: two files per registry entry, nothing else.
        const QStringList files = QDir(QStringLiteral(":/catalogue")).entryList(QDir::Files);
        QCOMPARE(files.size(), qsizetype(2 * Policy::registry().size()));
    }

    void examples_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("level");
        for (const auto &check : Policy::registry()) {
            const QString id = QString::fromLatin1(check.id.data(), qsizetype(check.id.size()));
            QTest::newRow(qPrintable(id))
                << id << QString::fromLatin1(Policy::levelName(check.level));
        }
    }

    void examples()
    {
        QFETCH(QString, id);
        QFETCH(QString, level);
        const std::string fail = bundled(id + QStringLiteral(".fail.yaml"));
        const std::string pass = bundled(id + QStringLiteral(".pass.yaml"));
        QVERIFY(!fail.empty());
        QVERIFY(!pass.empty());
        const QByteArray levelText = level.toLatin1();

        const auto failed = TestUtil::evaluate(fail, levelText.constData(), "latest");
        QVERIFY(!failed.allowed());
        QCOMPARE(failing(failed), QStringList{id});

        const auto passed = TestUtil::evaluate(pass, levelText.constData(), "latest");
        QVERIFY2(passed.allowed(), passed.aggregateDetail().c_str());
        QVERIFY(TestUtil::findResult(passed, id.toStdString()));
    }
};

QTEST_MAIN(TestCatalogueExamples)
#include "tst_catalogueexamples.moc"
