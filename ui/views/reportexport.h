// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <string>

class QWidget;

namespace PodSec {
struct WorkspaceSnapshot;
}

namespace PodSec::Ui {

/// File → Export Report…: the snapshot's report for people (core/reports) as a file.
class ReportExport
{
public:
    enum class Format { Html, Markdown, Csv, Pdf };

    /// The format a file name asks for (by its suffix; HTML when it has none of ours).
    static Format formatOf(const QString &path);
    /// The report's bytes (PDF: printed from the Markdown report, in the current language).
    static QByteArray render(const WorkspaceSnapshot &snapshot, Format format,
                             const std::string &source);
    /// Writes it through SafeWriter (never half written); false with a message.
    static bool write(const WorkspaceSnapshot &snapshot, const QString &path,
                      const std::string &source, QString *error);
    /// Asks for a file name, writes, and says what happened (a status text, or a message box
    /// on failure). Returns the path written, or "" when nothing was.
    static QString run(QWidget *parent, const WorkspaceSnapshot &snapshot,
                       const std::string &source);
};

} // namespace PodSec::Ui
