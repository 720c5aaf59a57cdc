// SPDX-License-Identifier: Apache-2.0
#include "markdowntexts.h"

#include "detailspane.h"

namespace PodSec::Ui::Markdown {

QString escaped(const QString &text)
{
    static const QString special = QStringLiteral("\\`*_[]<>&#|~!");
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString code(const QString &s)
{
    QString escaped = s;
    escaped.replace(QLatin1Char('`'), QLatin1Char('\''));
    return QLatin1Char('`') + escaped + QLatin1Char('`');
}

QString Texts::operator()(const QString &text)
{
    bool wasCut = false;
    QString md = escaped(DetailsPane::elided(text, limit, &wasCut));
    if (wasCut)
        md += more();
    return md;
}

QString Texts::code(const QString &text)
{
    bool wasCut = false;
    QString md = Markdown::code(DetailsPane::elided(text, limit, &wasCut));
    if (wasCut)
        md += more();
    return md;
}

QString Texts::more()
{
    cut = true;
    return QStringLiteral(" [%1](podsec:more)").arg(DetailsPane::tr("show more"));
}

} // namespace PodSec::Ui::Markdown
