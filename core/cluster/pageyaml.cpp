// SPDX-License-Identifier: Apache-2.0
#include "cluster/pageyaml.h"

#include "common/textescape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <cstdio>

namespace PodSec::Cluster {

namespace {

/// True for a string a plain YAML scalar holds as that same string under YAML 1.1 (the
/// typing Kubernetes' reader applies): it starts with a letter or a slash (or is a
/// quantity), and holds nothing that could end the scalar, start a comment or a mapping,
/// or make it a boolean, a null or a number.
bool plainSafe(const QString &s)
{
    if (s.isEmpty() || s.size() > 200)
        return false;
    const auto letter = [](char16_t c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    };
    const auto digit = [](char16_t c) {
        return c >= u'0' && c <= u'9';
    };
    const char16_t first = s.front().unicode();
    const bool hasColon = s.contains(QLatin1Char(':'));
    if (digit(first)) {
        // A quantity such as 500m or 256Mi. YAML 1.1 numbers and dates hold no letter from
        // g to y but o, t and x (0o17, 0x1f, 2001-12-14t21:59:43Z); times and sexagesimal
        // numbers need a colon, which is quoted.
        if (hasColon)
            return false;
        const bool witness = std::any_of(s.begin(), s.end(), [](QChar q) {
            const char16_t c = q.toLower().unicode();
            return c >= u'g' && c <= u'y' && c != u'o' && c != u't' && c != u'x';
        });
        if (!witness)
            return false;
    } else if (!letter(first) && first != u'/') {
        return false;
    }
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (letter(c) || digit(c) || c == u'.' || c == u'_' || c == u'/' || c == u'-')
            continue;
        // "a:b" stays one scalar; a space is fine while nothing reads as ": " or " #".
        if (c == u':' && i + 1 < s.size())
            continue;
        if (c == u' ' && !hasColon && i + 1 < s.size() && s.at(i - 1) != QLatin1Char(' ') &&
            s.at(i + 1) != QLatin1Char('#'))
            continue;
        return false;
    }
    // YAML 1.1's booleans and null, in any case.
    static const std::array<QLatin1String, 9> Words = {
        QLatin1String("y"),  QLatin1String("n"),    QLatin1String("yes"),
        QLatin1String("no"), QLatin1String("true"), QLatin1String("false"),
        QLatin1String("on"), QLatin1String("off"),  QLatin1String("null")};
    for (const auto &w : Words) {
        if (s.compare(w, Qt::CaseInsensitive) == 0)
            return false;
    }
    return true;
}

/// A YAML double-quoted scalar: the escapes YAML and JSON share, and \u for every
/// character YAML does not allow as it is (controls, DEL, C1, line and paragraph
/// separators, the byte-order mark). Written straight from the UTF-16, without a copy per
/// character; an unpaired surrogate becomes U+FFFD, as QString::toUcs4 made it before and
/// Go's encoder makes it.
void appendQuoted(std::string &out, const QString &s)
{
    out += '"';
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = s.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n && s.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(static_cast<char16_t>(c), s.at(i + 1).unicode());
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = QChar::ReplacementCharacter;
        }
        switch (c) {
        case U'"':
            out += "\\\"";
            continue;
        case U'\\':
            out += "\\\\";
            continue;
        case U'\n':
            out += "\\n";
            continue;
        case U'\t':
            out += "\\t";
            continue;
        case U'\r':
            out += "\\r";
            continue;
        default:
            break;
        }
        const bool escape = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
                            c == 0xFEFF || c == 0xFFFE || c == 0xFFFF;
        if (escape) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
            out += buffer;
            continue;
        }
        appendUtf8(out, c);
    }
    out += '"';
}

void appendString(std::string &out, const QString &s)
{
    if (plainSafe(s))
        out += s.toStdString();
    else
        appendQuoted(out, s);
}

/// A number, boolean or null as Qt's JSON writer writes it (the text the pages were
/// read as before): integers in full, other numbers shortest round-trip.
void appendJsonScalar(std::string &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        const qint64 a = v.toInteger(0), b = v.toInteger(1);
        if (a == b) {
            out += std::to_string(a);
            return;
        }
        QByteArray text = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        out.append(text.constData() + 1, std::size_t(text.size() - 2)); // without [ ]
        return;
    }
    default:
        out += "null";
        return;
    }
}

void appendValue(std::string &out, const QJsonValue &v, int indent);

void appendKey(std::string &out, const QString &key)
{
    // No object the API server sends has a key beyond YAML's 1024 characters for an
    // implicit key (label and annotation keys stop at 317), and the pages' JSON could not
    // hold one either: both read as a syntax error.
    appendString(out, key);
    out += ':';
}

/// A mapping's entries at indent; the first line's indentation is already written when
/// inlineFirst (after "- " of a sequence item).
void appendMapping(std::string &out, const QJsonObject &o, int indent, bool inlineFirst,
                   const QStringList &order)
{
    bool first = true;
    for (const QString &key : order) {
        if (!(first && inlineFirst))
            out.append(std::size_t(indent), ' ');
        first = false;
        appendKey(out, key);
        const QJsonValue v = o.value(key);
        if (v.isObject() && !v.toObject().isEmpty()) {
            out += '\n';
            appendValue(out, v, indent + 2);
        } else if (v.isArray() && !v.toArray().isEmpty()) {
            out += '\n';
            appendValue(out, v, indent); // sequences under a key as kubectl writes them
        } else {
            out += ' ';
            appendValue(out, v, indent);
            out += '\n';
        }
    }
}

/// Writes a value: a scalar or empty collection inline (no newline), a non-empty
/// collection as block lines at indent (each ending in a newline).
void appendValue(std::string &out, const QJsonValue &v, int indent)
{
    if (v.isString()) {
        appendString(out, v.toString());
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            out += "{}";
        else
            appendMapping(out, o, indent, false, o.keys());
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            return;
        }
        for (const QJsonValue item : a) {
            out.append(std::size_t(indent), ' ');
            out += '-';
            if (item.isObject() && !item.toObject().isEmpty()) {
                out += ' ';
                const QJsonObject o = item.toObject();
                appendMapping(out, o, indent + 2, true, o.keys());
            } else if (item.isArray() && !item.toArray().isEmpty()) {
                out += '\n';
                appendValue(out, item, indent + 2);
            } else {
                out += ' ';
                appendValue(out, item, indent);
                out += '\n';
            }
        }
    } else {
        appendJsonScalar(out, v);
    }
}

/// apiVersion, kind, metadata and spec first, status last, the rest in between.
QStringList objectOrder(const QJsonObject &o)
{
    static const QStringList Leading = {QStringLiteral("apiVersion"), QStringLiteral("kind"),
                                        QStringLiteral("metadata"), QStringLiteral("spec")};
    QStringList order;
    for (const QString &k : Leading) {
        if (o.contains(k))
            order << k;
    }
    for (const QString &k : o.keys()) {
        if (!Leading.contains(k) && k != QLatin1String("status"))
            order << k;
    }
    if (o.contains(QStringLiteral("status")))
        order << QStringLiteral("status");
    return order;
}

} // namespace

std::string listPageYaml(const QJsonObject &list)
{
    const QString listKind = list.value(QStringLiteral("kind")).toString();
    const QJsonValue listApiVersion = list.value(QStringLiteral("apiVersion"));
    const bool typed = listKind.size() > 4 && listKind.endsWith(QLatin1String("List"));
    const QString itemKind = typed ? listKind.left(listKind.size() - 4) : QString();
    const QJsonArray items = list.value(QStringLiteral("items")).toArray();
    std::string out;
    if (items.isEmpty()) {
        // The empty list itself: a document that holds no object.
        QJsonObject empty{{QStringLiteral("items"), QJsonArray()}};
        for (const auto &key : {QStringLiteral("apiVersion"), QStringLiteral("kind")}) {
            if (list.contains(key))
                empty.insert(key, list.value(key));
        }
        appendMapping(out, empty, 0, false, objectOrder(empty));
        return out;
    }
    bool first = true;
    for (const QJsonValue item : items) {
        if (!first)
            out += "---\n";
        first = false;
        if (!item.isObject() || item.toObject().isEmpty()) {
            appendValue(out, item, 0);
            out += '\n';
            continue;
        }
        QJsonObject o = item.toObject();
        if (typed && !o.contains(QStringLiteral("kind")) &&
            !o.contains(QStringLiteral("apiVersion"))) {
            o.insert(QStringLiteral("kind"), itemKind);
            o.insert(QStringLiteral("apiVersion"), listApiVersion);
        }
        if (o.value(QStringLiteral("metadata")).isObject()) {
            QJsonObject metadata = o.value(QStringLiteral("metadata")).toObject();
            metadata.remove(QStringLiteral("managedFields"));
            o.insert(QStringLiteral("metadata"), metadata);
        }
        appendMapping(out, o, 0, false, objectOrder(o));
    }
    // The text grew by doubling: kept for as long as the page is open, it holds its size only.
    out.shrink_to_fit();
    return out;
}

} // namespace PodSec::Cluster
