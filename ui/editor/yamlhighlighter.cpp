// SPDX-License-Identifier: Apache-2.0
#include "yamlhighlighter.h"

#include "highlighting.h"

#include <QRegularExpression>

namespace PodSec::Ui {

YamlHighlighter::YamlHighlighter(QTextDocument *document, bool dark) : QSyntaxHighlighter(document)
{
    m_key.setForeground(dark ? QColor(0x7f, 0xb8, 0xff) : QColor(0x1c, 0x4f, 0x9c));
    m_string.setForeground(dark ? QColor(0xa8, 0xd8, 0x8a) : QColor(0x2f, 0x6f, 0x1f));
    m_number.setForeground(dark ? QColor(0xf2, 0xa6, 0x6b) : QColor(0xa1, 0x4b, 0x00));
    m_keyword.setForeground(dark ? QColor(0xe0, 0x8c, 0xe8) : QColor(0x8a, 0x1f, 0x8f));
    m_comment.setForeground(dark ? QColor(0x8a, 0x93, 0x9b) : QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    m_anchor.setForeground(dark ? QColor(0x6f, 0xd6, 0xd6) : QColor(0x00, 0x6d, 0x75));
    m_marker.setForeground(m_keyword.foreground());
    m_marker.setFontWeight(QFont::Bold);
    m_block.setForeground(m_string.foreground());
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    // Block state: -1/0 normal; >0 inside a block scalar whose parent indentation is state-1.
    int indent = 0;
    while (indent < text.size() && text.at(indent) == QLatin1Char(' '))
        ++indent;
    const int previous = previousBlockState();
    if (previous > 0) {
        const bool blank = text.trimmed().isEmpty();
        if (blank || indent > previous - 1) {
            setFormat(0, int(text.size()), m_block);
            setCurrentBlockState(previous);
            return;
        }
    }
    setCurrentBlockState(0);

    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setFormat(0, 3, m_marker);
    }
    static const QRegularExpression key(
        QStringLiteral("^(\\s*(?:-\\s+)*)(\"[^\"]*\"|'[^']*'|[^\\s#'\"{\\[][^#]*?)\\s*:(?=\\s|$)"));
    static const QRegularExpression flowKey(
        QStringLiteral("([{,]\\s*)([A-Za-z0-9_.\\-/\"']+)\\s*:"));
    static const QRegularExpression str(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'"));
    static const QRegularExpression number(QStringLiteral(
        "(?<=[\\s:\\[,-])[-+]?(?:0x[0-9a-fA-F]+|\\d+(?:\\.\\d+)?)(?=\\s*(?:$|[,\\]}#]))"));
    static const QRegularExpression keyword(
        QStringLiteral("(?<=[\\s:\\[,])(?:true|false|yes|no|on|off|null|True|False|TRUE|FALSE|~)(?="
                       "\\s*(?:$|[,\\]}#]))"));
    static const QRegularExpression anchor(
        QStringLiteral("[&*][A-Za-z0-9_\\-]+|!{1,2}[A-Za-z0-9_:/.\\-]*"));
    static const QRegularExpression blockHeader(QStringLiteral(":\\s*[|>][-+0-9]*\\s*(?:#.*)?$"));

    for (auto it = number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_number);
    }
    for (auto it = keyword.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_keyword);
    }
    for (auto it = anchor.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedStart() == 0 || text.at(m.capturedStart() - 1).isSpace() ||
            text.at(m.capturedStart() - 1) == QLatin1Char('['))
            setFormat(int(m.capturedStart()), int(m.capturedLength()), m_anchor);
    }
    const auto k = key.match(text);
    if (k.hasMatch())
        setFormat(int(k.capturedStart(2)), int(k.capturedLength(2)), m_key);
    for (auto it = flowKey.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), m_key);
    }
    int commentFrom = -1;
    for (auto it = str.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (k.hasMatch() && m.capturedStart() == k.capturedStart(2))
            continue; // a quoted key keeps the key colour
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_string);
    }
    // A comment starts at '#' at the line start or after whitespace, outside quotes.
    bool inSingle = false, inDouble = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"') && !inSingle)
            inDouble = !inDouble;
        else if (c == QLatin1Char('\'') && !inDouble)
            inSingle = !inSingle;
        else if (c == QLatin1Char('#') && !inSingle && !inDouble &&
                 (i == 0 || text.at(i - 1).isSpace())) {
            commentFrom = i;
            break;
        }
    }
    if (commentFrom >= 0)
        setFormat(commentFrom, int(text.size()) - commentFrom, m_comment);
    if (blockHeader.match(commentFrom >= 0 ? text.left(commentFrom) : text).hasMatch() ||
        blockHeader.match(text).hasMatch())
        setCurrentBlockState(indent + 1);
}

#ifndef PODSEC_HAVE_KSYNTAXHIGHLIGHTING
QSyntaxHighlighter *createYamlHighlighter(QTextDocument *document, bool dark)
{
    return new YamlHighlighter(document, dark);
}

const char *highlighterName()
{
    return "built-in";
}
#endif

} // namespace PodSec::Ui
