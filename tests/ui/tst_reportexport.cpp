// SPDX-License-Identifier: Apache-2.0
// File → Export Report…: the report for people in each format, written safely, and in the
// window's language (issue 17).
#include "podtestutil.h"
#include "uitestutil.h"
#include "views/reportexport.h"

#include "engine/workspacesummary.h"
#include "reports/humanreports.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <sys/stat.h>

using namespace PodSec;
using Ui::ReportExport;

namespace {

std::shared_ptr<const WorkspaceSnapshot> sample()
{
    return TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()));
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestReportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachSuffixWritesItsFormat()
    {
        const auto snapshot = sample();
        QVERIFY(snapshot);
        QTemporaryDir dir;
        const auto summary = Engine::summarize(*snapshot);
        struct Case
        {
            const char *name;
            QByteArray start;
        };
        for (const Case &c :
             {Case{"r.html", "<!DOCTYPE html>\n"}, Case{"r.md", "# Pod Security report\n"},
              Case{"r.csv", "namespace,kind,name,owner,source,"}, Case{"r.pdf", "%PDF-"}}) {
            const QString path = dir.filePath(QLatin1String(c.name));
            QString error;
            QVERIFY2(ReportExport::write(*snapshot, path, "sample", &error), qPrintable(error));
            const QByteArray bytes = read(path);
            QVERIFY2(bytes.startsWith(c.start), c.name);
        }
        // The CSV is the core's, byte for byte: the window and `podsec check --format csv`
        // agree.
        QCOMPARE(read(dir.filePath(QStringLiteral("r.csv"))),
                 QByteArray::fromStdString(Report::csvReport(*snapshot, summary)));
        const QByteArray pdf = read(dir.filePath(QStringLiteral("r.pdf")));
        QVERIFY(pdf.size() > 4000);
        // The overview's charts are in it as images, painted 900 pixels wide at twice the
        // resolution (a missing resource would print as Qt's 16-pixel "broken image").
        int charts = 0;
        const QRegularExpression image(QStringLiteral("/Subtype /Image\\s*/Width (\\d+)"));
        for (auto m = image.globalMatch(QString::fromLatin1(pdf)); m.hasNext();)
            charts += m.next().captured(1).toInt() >= 1800;
        QCOMPARE(charts, summary.podsRejected + summary.controllersRejected > 0 ? 3 : 2);
    }

    void aFileKeepsItsModeAndAFailureSaysWhy()
    {
        const auto snapshot = sample();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.html"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old");
        f.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        QString error;
        QVERIFY(ReportExport::write(*snapshot, path, "sample", &error));
        struct stat st = {};
        QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
        QCOMPARE(int(st.st_mode & 07777), 0640);
        QVERIFY(read(path).startsWith("<!DOCTYPE html>"));

        const QString missing = dir.filePath(QStringLiteral("no/such/folder/r.html"));
        QVERIFY(!ReportExport::write(*snapshot, missing, "sample", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(missing));
    }

    void theReportSpeaksTheWindowsLanguage()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(PODSEC_QM_FILE)));
        QCoreApplication::installTranslator(&translator);
        const auto snapshot = sample();
        const QByteArray html = ReportExport::render(*snapshot, ReportExport::Format::Html, "x");
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(html.contains(QStringLiteral("各命名空间的就绪情况").toUtf8()));
        QVERIFY(html.contains("allowPrivilegeEscalation")); // check ids stay as they are
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
