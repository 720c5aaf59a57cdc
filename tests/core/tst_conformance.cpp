// SPDX-License-Identifier: Apache-2.0
// The upstream Pod Security Admission fixtures (../shared/conformance/pss-fixtures): every
// pod under pass/ must be allowed at its level and version, every pod under fail/ denied.
#include "podtestutil.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace PodSec;

class TestConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void fixtureCount();
};

void TestConformance::fixtures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("expectAllowed");

    const QString root = TestUtil::sharedPath(QStringLiteral("conformance/pss-fixtures"));
    QDirIterator it(root, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : files) {
        // <root>/<level>/<version>/<pass|fail>/<name>.yaml
        const QStringList parts = file.mid(root.size() + 1).split(QLatin1Char('/'));
        if (parts.size() != 4)
            continue;
        QTest::addRow("%s", qPrintable(parts.join(QLatin1Char('/'))))
            << file << parts[0] << parts[1] << (parts[2] == QLatin1String("pass"));
    }
}

void TestConformance::fixtures()
{
    QFETCH(QString, path);
    QFETCH(QString, level);
    QFETCH(QString, version);
    QFETCH(bool, expectAllowed);

    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
    const auto parsed = TestUtil::parse(f.readAll().toStdString());
    QVERIFY(parsed.file->errors.empty());
    QCOMPARE(parsed.objects.size(), std::size_t(1));
    const K8s::PodSpecView view(parsed.object());
    const auto evaluation =
        Policy::evaluate(view, {*Policy::parseLevel(level.toStdString()),
                                *Policy::Version::parse(version.toStdString())});
    QVERIFY2(
        evaluation.allowed() == expectAllowed,
        qPrintable(QStringLiteral("expected %1, got: %2")
                       .arg(expectAllowed ? QStringLiteral("allowed") : QStringLiteral("denied"),
                            QString::fromStdString(evaluation.aggregateDetail()))));
}

void TestConformance::fixtureCount()
{
    // The shared README promises 509 fixtures; a silently shrunken set would hide gaps.
    const QString root = TestUtil::sharedPath(QStringLiteral("conformance/pss-fixtures"));
    int count = 0;
    QDirIterator it(root, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    QCOMPARE(count, 509);
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
