// SPDX-License-Identifier: Apache-2.0
#include "reportexport.h"

#include "barchart.h"
#include "overviewpage.h"

#include "common/safefile.h"
#include "engine/workspacesnapshot.h"
#include "engine/workspacesummary.h"
#include "reports/humanreports.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPageSize>
#include <QPalette>
#include <QPdfWriter>
#include <QSettings>
#include <QTextDocument>
#include <QUrl>

namespace PodSec::Ui {

ReportExport::Format ReportExport::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return Format::Markdown;
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return Format::Html;
}

QByteArray ReportExport::render(const WorkspaceSnapshot &snapshot, Format format,
                                const std::string &source)
{
    const auto summary = Engine::summarize(snapshot);
    Report::ReportOptions options;
    options.source = source;
    options.generated =
        QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")).toStdString();
    switch (format) {
    case Format::Html:
        return QByteArray::fromStdString(Report::htmlReport(snapshot, summary, options));
    case Format::Markdown:
        return QByteArray::fromStdString(Report::markdownReport(snapshot, summary, options));
    case Format::Csv:
        return QByteArray::fromStdString(Report::csvReport(snapshot, summary));
    case Format::Pdf:
        break;
    }
    // The Markdown report, printed, with the overview's charts painted as images.
    QTextDocument document;
    const auto rows = OverviewPage::chartRows(summary);
    const auto addChart = [&](const char *name, const std::vector<BarChart::Row> &chartRows) {
        BarChart chart;
        chart.setPalette(QPalette(Qt::white)); // light, whatever the window's colours
        chart.setRows(chartRows);
        chart.resize(900, chart.sizeHint().height());
        QImage image(chart.size() * 2, QImage::Format_RGB32);
        image.setDevicePixelRatio(2);
        image.fill(Qt::white);
        chart.render(&image);
        document.addResource(QTextDocument::ImageResource,
                             QUrl(QStringLiteral("chart:") + QLatin1String(name)), image);
    };
    options.chartImages = true;
    document.setMarkdown(
        QString::fromStdString(Report::markdownReport(snapshot, summary, options)));
    // After setMarkdown(), which clears the document's resources.
    addChart("readiness", rows.readiness);
    addChart("checks", rows.checks);
    addChart("rejected", rows.rejected);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setResolution(150);
    pdf.setTitle(QCoreApplication::translate("PodSec::Report", "Pod Security report"));
    pdf.setCreator(QStringLiteral("PodSec Explorer"));
    document.setPageSize(pdf.pageLayout().paintRectPixels(pdf.resolution()).size());
    document.print(&pdf);
    buffer.close();
    return buffer.data();
}

bool ReportExport::write(const WorkspaceSnapshot &snapshot, const QString &path,
                         const std::string &source, QString *error)
{
    const QByteArray bytes = render(snapshot, formatOf(path), source);
    std::string message;
    if (writeFileSafely(QFile::encodeName(path).toStdString(),
                        {bytes.constData(), std::size_t(bytes.size())}, message))
        return true;
    if (error)
        *error = QString::fromStdString(message);
    return false;
}

QString ReportExport::run(QWidget *parent, const WorkspaceSnapshot &snapshot,
                          const std::string &source)
{
    QSettings settings;
    const QString last = settings.value(QStringLiteral("export/lastReport")).toString();
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("PodSec::Ui::ReportExport", "Export Report"),
        last.isEmpty() ? QDir::home().filePath(QStringLiteral("podsec-report.html")) : last,
        QCoreApplication::translate("PodSec::Ui::ReportExport",
                                    "HTML report (*.html);;Markdown (*.md);;CSV, one row per "
                                    "workload (*.csv);;PDF (*.pdf)"),
        &filter);
    if (path.isEmpty())
        return {};
    // A name without a suffix takes the chosen filter's.
    if (QFileInfo(path).suffix().isEmpty()) {
        const qsizetype star = filter.indexOf(QStringLiteral("*."));
        if (star >= 0)
            path += filter.mid(star + 1, filter.indexOf(QLatin1Char(')'), star) - star - 1);
    }
    QString error;
    if (!write(snapshot, path, source, &error)) {
        QMessageBox::warning(
            parent, QCoreApplication::translate("PodSec::Ui::ReportExport", "Export Report"),
            QCoreApplication::translate("PodSec::Ui::ReportExport", "%1 was not written: %2")
                .arg(path, error));
        return {};
    }
    settings.setValue(QStringLiteral("export/lastReport"), path);
    return path;
}

} // namespace PodSec::Ui
