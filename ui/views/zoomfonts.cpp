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
    // The fragments that carry a size of their own, with their formats, collected first:
    // changing a format while iterating would split and merge the fragments being walked.
    // Clearing a size moves no text, so the positions stay valid.
    struct Sized
    {
        int position, length;
        QTextCharFormat format;
    };
    QList<Sized> ranges;
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().hasProperty(QTextFormat::FontPointSize))
                ranges.append({f.position(), f.length(), f.charFormat()});
        }
    }
    if (ranges.isEmpty())
        return;
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (Sized &r : ranges) {
        cursor.setPosition(r.position);
        cursor.setPosition(r.position + r.length, QTextCursor::KeepAnchor);
        r.format.clearProperty(QTextFormat::FontPointSize);
        cursor.setCharFormat(r.format);
    }
    cursor.endEditBlock();
}

} // namespace PodSec::Ui
