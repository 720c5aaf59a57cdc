// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <string>
#include <string_view>

/// Snapshot texts as Markdown for the details panes (workloads, checklist findings, access).
namespace PodSec::Ui::Markdown {

inline QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

/// Plain text as Markdown: punctuation Markdown gives a meaning to is backslash-escaped.
/// Not HTML entities: QTextMarkdownImporter inserts each entity with insertHtml(), which lays
/// the paragraph out again every time (minutes for a message with 10,000 quotes).
QString escaped(const QString &text);

/// A code span (backticks inside become quotes).
QString code(const QString &s);

/// Texts cut to a limit (DetailsPane::elided); a cut text is followed by a "show more" link
/// and cut is set.
struct Texts
{
    int limit;
    bool cut = false;

    QString operator()(const QString &text);
    /// A value in a code span: cut the same way, the link after the span.
    QString code(const QString &text);
    QString more();
};

} // namespace PodSec::Ui::Markdown
