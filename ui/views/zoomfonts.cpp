// SPDX-License-Identifier: Apache-2.0
#include "zoomfonts.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace PodSec::Ui {

QFont zoomingMonospaceFont()
{
    QFont mono; // nothing set: every property comes from the widget's parent and the app
    mono.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    mono.setStyleHint(QFont::Monospace);
    mono.setFixedPitch(true);
    return mono;
}

void followZoom(QTextDocument *document)
{
    // The fragments that carry a size of their own, collected first: changing a format
    // while iterating would split and merge the fragments being walked.
    QList<QPair<int, int>> ranges;
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().hasProperty(QTextFormat::FontPointSize))
                ranges << qMakePair(f.position(), f.length());
        }
    }
    if (ranges.isEmpty())
        return;
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (const auto &[position, length] : std::as_const(ranges)) {
        cursor.setPosition(position);
        cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        QTextCharFormat format = cursor.charFormat();
        // cursor.charFormat() is the format before the anchor's end; take the fragment's.
        const QTextBlock block = document->findBlock(position);
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().position() == position) {
                format = it.fragment().charFormat();
                break;
            }
        }
        format.clearProperty(QTextFormat::FontPointSize);
        cursor.setCharFormat(format);
    }
    cursor.endEditBlock();
}

} // namespace PodSec::Ui
