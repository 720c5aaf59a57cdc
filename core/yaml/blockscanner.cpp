// SPDX-License-Identifier: Apache-2.0
#include "yaml/blockscanner.h"

#include "common/textescape.h"

#include <atomic>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

namespace PodSec::Yaml::Detail {

namespace {

/// The scanner copies yaml-cpp 0.7's rules (later versions read a lone CR as a line break,
/// for one); with any other version every document goes to yaml-cpp until the differential
/// tests have been run against it and this line moved.
bool yamlCppIsTheOneCopied()
{
    return std::string_view(PODSEC_YAML_CPP_VERSION).substr(0, 4) == "0.7.";
}

std::atomic<bool> &enabledFlag()
{
    static std::atomic<bool> enabled{std::getenv("PODSEC_YAMLCPP_ONLY") == nullptr &&
                                     yamlCppIsTheOneCopied()};
    return enabled;
}

const std::string PlainTag = "?";
const std::string QuotedTag = "!";

constexpr int MaxDepth = 64;
/// yaml-cpp refuses an implicit key longer than 1024 characters; longer keys go to it.
constexpr std::size_t MaxKeyBytes = 1000;
constexpr int End = -1;

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

class BlockScanner
{
public:
    BlockScanner(std::string_view s, YAML::EventHandler &h) : m_s(s), m_n(s.size()), m_h(h) {}

    bool document()
    {
        if (m_n > static_cast<std::size_t>(INT_MAX / 2))
            return false;
        YAML::Mark docMark;
        bool marker = false;
        if (m_s.substr(0, 3) == "---") {
            std::size_t q = 3;
            while (q < m_n && m_s[q] == ' ')
                ++q;
            if (q < m_n && m_s[q] != '\n')
                return false;
            m_p = q;
            if (m_p < m_n)
                newline();
            marker = true;
        }
        if (!toContent() || m_next != 0)
            return false;
        if (!marker)
            docMark = mark(m_p);
        m_h.OnDocumentStart(docMark);
        if (m_s[m_p] == '{' || m_s[m_p] == '[') {
            // A JSON document (kubectl get -o json): one flow collection over many lines.
            m_multiline = true;
            if (!flowCollection(m_p, 0) || !lineEnd() || !toContent())
                return false;
        } else if (!(isSeqItem(m_p) ? sequence(0) : mapping(0, m_p))) {
            return false;
        }
        if (m_next != End)
            return false;
        m_h.OnDocumentEnd();
        return true;
    }

private:
    enum class Style { Plain, Double, Single };
    struct Token
    {
        std::size_t start = 0;
        std::size_t end = 0; ///< after the scalar (after the closing quote)
        Style style = Style::Plain;
    };

    YAML::Mark mark(std::size_t p) const
    {
        YAML::Mark m;
        m.pos = static_cast<int>(p);
        m.line = m_line;
        m.column = static_cast<int>(p - m_lineStart);
        return m;
    }

    void newline()
    {
        m_p = m_p + 1;
        ++m_line;
        m_lineStart = m_p;
    }

    /// From a line's start: skips blank and comment lines, leaving m_p at the start of the
    /// next line with content and m_next its indentation (End after the last).
    bool toContent()
    {
        for (;;) {
            std::size_t q = m_p;
            while (q < m_n && m_s[q] == ' ')
                ++q;
            if (q >= m_n) {
                m_p = m_n;
                m_next = End;
                return true;
            }
            const char c = m_s[q];
            if (c == '\n' || c == '#') {
                while (q < m_n && m_s[q] != '\n')
                    ++q;
                if (q >= m_n) {
                    m_p = m_n;
                    m_next = End;
                    return true;
                }
                m_p = q;
                newline();
                continue;
            }
            if (c == '\t' || c == '\r')
                return false;
            if (q == m_p && (m_s.substr(q, 3) == "---" || m_s.substr(q, 3) == "..."))
                return false;
            m_next = static_cast<int>(q - m_p);
            return true;
        }
    }

    /// After a token: spaces, then a comment after a space, then the line's end.
    bool lineEnd()
    {
        std::size_t q = m_p;
        while (q < m_n && m_s[q] == ' ')
            ++q;
        if (q < m_n && m_s[q] == '#' && q > m_p) {
            while (q < m_n && m_s[q] != '\n')
                ++q;
        }
        if (q >= m_n) {
            m_p = m_n;
            return true;
        }
        if (m_s[q] != '\n')
            return false;
        m_p = q;
        newline();
        return true;
    }

    bool isSeqItem(std::size_t q) const
    {
        return q < m_n && m_s[q] == '-' &&
               (q + 1 >= m_n || m_s[q + 1] == ' ' || m_s[q + 1] == '\n');
    }

    /// Content on the current line after the spaces from q (not a comment, not the end).
    bool contentAt(std::size_t q, std::size_t from) const
    {
        return q < m_n && m_s[q] != '\n' && !(m_s[q] == '#' && q > from);
    }

    /// A byte from 0x80 up, the text being valid UTF-8: false for C1 controls (NEL), the
    /// line and paragraph separators, the byte-order mark and U+FFFE/U+FFFF.
    bool acceptableMultibyte(std::size_t q) const
    {
        const auto b = [&](std::size_t i) {
            return q + i < m_n ? static_cast<unsigned char>(m_s[q + i]) : 0u;
        };
        if (b(0) == 0xC2 && b(1) < 0xA0)
            return false;
        if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9))
            return false;
        if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF)
            return false;
        if (b(0) == 0xEF && b(1) == 0xBF && (b(2) == 0xBE || b(2) == 0xBF))
            return false;
        return true;
    }

    static bool control(unsigned char c) { return c < 0x20 || c == 0x7F; }
    /// A byte a scalar may hold as it is: no control character, no multibyte character
    /// acceptableMultibyte refuses.
    bool textByte(std::size_t q) const
    {
        const auto c = static_cast<unsigned char>(m_s[q]);
        return !control(c) && (c < 0x80 || acceptableMultibyte(q));
    }

    bool plainStart(std::size_t q) const
    {
        const auto c = static_cast<unsigned char>(m_s[q]);
        if (c >= 0x80)
            return acceptableMultibyte(q);
        if (control(c) || c == ' ')
            return false;
        static constexpr std::string_view Indicators = ",[]{}#&*!|>'\"%@`?:";
        if (Indicators.find(static_cast<char>(c)) != std::string_view::npos)
            return false;
        if (c == '-')
            return q + 1 < m_n && m_s[q + 1] != ' ' && m_s[q + 1] != '\n' && m_s[q + 1] != '\t' &&
                   m_s[q + 1] != '\r';
        return true;
    }

    /// Reads the scalar at q into m_value; false for anything but a one-line scalar. Inside a
    /// flow collection (inFlow) a plain scalar ends before ',', ']', '}' and ": ", and holds
    /// no other ':', '?', '[' or '{' (yaml-cpp's rules there are not worth following).
    bool readScalar(std::size_t q, Token &t, bool inFlow = false)
    {
        m_value.clear();
        t.start = q;
        const char first = m_s[q];
        if (first == '"')
            return readDouble(q, t);
        if (first == '\'')
            return readSingle(q, t);
        if (!plainStart(q))
            return false;
        t.style = Style::Plain;
        std::size_t p = q;
        std::size_t valueEnd = q;
        while (p < m_n) {
            const auto c = static_cast<unsigned char>(m_s[p]);
            if (c == '\n') {
                if (inFlow && !flowScalarEnds(p))
                    return false;
                break;
            }
            if (c == ' ') {
                std::size_t r = p;
                while (r < m_n && m_s[r] == ' ')
                    ++r;
                const bool lineEnds = r >= m_n || m_s[r] == '\n' || m_s[r] == '#';
                if (lineEnds && inFlow && !flowScalarEnds(r))
                    return false; // a flow collection that goes on to the next line
                if (lineEnds || (inFlow && std::strchr(",]}:", m_s[r]) != nullptr))
                    break;
                p = r;
                continue;
            }
            if (c == ':') {
                if (p + 1 >= m_n || m_s[p + 1] == ' ' || m_s[p + 1] == '\n')
                    break;
                if (inFlow)
                    return false;
            }
            if (inFlow && (c == ',' || c == ']' || c == '}'))
                break;
            if (inFlow && (c == '[' || c == '{' || c == '?'))
                return false;
            if (!textByte(p))
                return false;
            valueEnd = ++p;
        }
        t.end = valueEnd;
        m_value.assign(m_s.substr(q, valueEnd - q));
        return true;
    }

    bool readDouble(std::size_t q, Token &t)
    {
        t.style = Style::Double;
        std::size_t p = q + 1;
        while (p < m_n) {
            const auto c = static_cast<unsigned char>(m_s[p]);
            if (c == '"') {
                t.end = p + 1;
                return true;
            }
            if (!textByte(p))
                return false;
            if (c != '\\') {
                m_value += static_cast<char>(c);
                ++p;
                continue;
            }
            if (p + 1 >= m_n)
                return false;
            const char e = m_s[p + 1];
            p += 2;
            int digits = 0;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                m_value += e;
                continue;
            case '0':
                m_value += '\0';
                continue;
            case 'a':
                m_value += '\a';
                continue;
            case 'b':
                m_value += '\b';
                continue;
            case 't':
                m_value += '\t';
                continue;
            case 'n':
                m_value += '\n';
                continue;
            case 'v':
                m_value += '\v';
                continue;
            case 'f':
                m_value += '\f';
                continue;
            case 'r':
                m_value += '\r';
                continue;
            case 'e':
                m_value += '\x1B';
                continue;
            case 'x':
                digits = 2;
                break;
            case 'u':
                digits = 4;
                break;
            case 'U':
                digits = 8;
                break;
            default:
                return false;
            }
            char32_t code = 0;
            for (int i = 0; i < digits; ++i, ++p) {
                const int d = p < m_n ? hexDigit(m_s[p]) : -1;
                if (d < 0)
                    return false;
                code = code * 16 + static_cast<char32_t>(d);
            }
            if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
                return false;
            appendUtf8(m_value, code);
        }
        return false;
    }

    bool readSingle(std::size_t q, Token &t)
    {
        t.style = Style::Single;
        std::size_t p = q + 1;
        while (p < m_n) {
            const auto c = static_cast<unsigned char>(m_s[p]);
            if (c == '\'') {
                if (p + 1 < m_n && m_s[p + 1] == '\'') {
                    m_value += '\'';
                    p += 2;
                    continue;
                }
                t.end = p + 1;
                return true;
            }
            if (!textByte(p))
                return false;
            m_value += static_cast<char>(c);
            ++p;
        }
        return false;
    }

    static bool nullWord(std::string_view v)
    {
        return v == "~" || v == "null" || v == "Null" || v == "NULL";
    }

    void emitScalar(const Token &t)
    {
        if (t.style == Style::Plain && nullWord(m_value))
            m_h.OnNull(mark(t.start), YAML::NullAnchor);
        else
            m_h.OnScalar(mark(t.start), t.style == Style::Plain ? PlainTag : QuotedTag,
                         YAML::NullAnchor, m_value);
    }

    /// The position of the ':' of a mapping key after the token (spaces may come between),
    /// or npos when none follows.
    std::size_t keyIndicator(const Token &t) const
    {
        std::size_t c = t.end;
        while (c < m_n && m_s[c] == ' ')
            ++c;
        if (c < m_n && m_s[c] == ':' && (c + 1 >= m_n || m_s[c + 1] == ' ' || m_s[c + 1] == '\n'))
            return c;
        return std::string_view::npos;
    }
    bool keyFollows(const Token &t) const { return keyIndicator(t) != std::string_view::npos; }

    void skipSpaces(std::size_t &p) const
    {
        while (p < m_n && m_s[p] == ' ')
            ++p;
    }

    /// At a plain scalar's line end inside a flow collection: true when the scalar surely
    /// ends there, as in a JSON document where ',', ']' or '}' comes next; a scalar that
    /// could go on (YAML folds the next line in) is left to yaml-cpp.
    bool flowScalarEnds(std::size_t q) const
    {
        if (!m_multiline || q >= m_n || m_s[q] != '\n')
            return false;
        while (q < m_n && (m_s[q] == ' ' || m_s[q] == '\n'))
            ++q;
        return q < m_n && (m_s[q] == ',' || m_s[q] == ']' || m_s[q] == '}');
    }

    /// Spaces inside a flow collection; in a JSON document line breaks too. False at what
    /// the scanner leaves to yaml-cpp there: a tab, a CR, a comment, a document marker.
    bool flowSpace(std::size_t &p)
    {
        for (;;) {
            skipSpaces(p);
            if (p >= m_n || m_s[p] != '\n' || !m_multiline)
                break;
            ++p;
            ++m_line;
            m_lineStart = p;
            if (m_s.substr(p, 3) == "---" || m_s.substr(p, 3) == "...")
                return false;
        }
        return p >= m_n || (m_s[p] != '\t' && m_s[p] != '\r' && m_s[p] != '#');
    }

    /// A flow collection that opens at q and closes on the same line: scalars and flow
    /// collections, "key: value" pairs in a mapping, no empty entry or trailing comma.
    /// Leaves m_p after its closing bracket.
    bool flowCollection(std::size_t q, int depth)
    {
        if (depth > MaxDepth)
            return false;
        const bool isMap = m_s[q] == '{';
        const char close = isMap ? '}' : ']';
        if (isMap)
            m_h.OnMapStart(mark(q), PlainTag, YAML::NullAnchor, YAML::EmitterStyle::Flow);
        else
            m_h.OnSequenceStart(mark(q), PlainTag, YAML::NullAnchor, YAML::EmitterStyle::Flow);
        std::size_t p = q + 1;
        if (!flowSpace(p))
            return false;
        bool empty = true;
        while (!(p < m_n && m_s[p] == close && empty)) {
            empty = false;
            Token t;
            if (isMap) {
                if (p >= m_n || !readScalar(p, t, true))
                    return false;
                p = t.end;
                skipSpaces(p);
                if (p + 1 >= m_n || m_s[p] != ':' || m_s[p + 1] != ' ' || p - t.start > MaxKeyBytes)
                    return false;
                emitScalar(t);
                p += 2;
                skipSpaces(p);
            }
            if (p >= m_n)
                return false;
            if (m_s[p] == '[' || m_s[p] == '{') {
                if (!flowCollection(p, depth + 1))
                    return false;
                p = m_p;
            } else {
                if (!readScalar(p, t, true))
                    return false;
                emitScalar(t);
                p = t.end;
            }
            if (!flowSpace(p))
                return false;
            if (p < m_n && m_s[p] == close)
                break;
            if (p >= m_n || m_s[p] != ',')
                return false;
            ++p;
            if (!flowSpace(p))
                return false;
            if (p < m_n && m_s[p] == close)
                return false; // a trailing comma
        }
        if (isMap)
            m_h.OnMapEnd();
        else
            m_h.OnSequenceEnd();
        m_p = p + 1;
        return true;
    }

    /// A value on the rest of the line (m_p at it): a scalar, {} or []; then the line's end
    /// and the next content line, which must not be deeper than indent.
    bool inlineValue(int indent)
    {
        const std::size_t q = m_p;
        if (m_s[q] == '{' || m_s[q] == '[') {
            if (!flowCollection(q, 0))
                return false;
        } else {
            Token t;
            if (!readScalar(q, t) || keyFollows(t))
                return false;
            emitScalar(t);
            m_p = t.end;
        }
        if (!lineEnd() || !toContent())
            return false;
        return m_next == End || m_next <= indent;
    }

    /// A block collection that starts on the next content line, deeper than indent (or a
    /// sequence at indent when allowIndentless); m_p is after the ':' or '-'.
    bool nestedBlock(int indent, bool allowIndentless)
    {
        if (!lineEnd() || !toContent() || m_next == End)
            return false;
        const std::size_t at = m_p + static_cast<std::size_t>(m_next);
        if (m_next > indent)
            return isSeqItem(at) ? sequence(m_next) : mapping(m_next, at);
        if (allowIndentless && m_next == indent && isSeqItem(at))
            return sequence(m_next);
        return false; // an empty value: yaml-cpp places its null
    }

    /// A block mapping whose keys stand at column indent; its first key is at keyPos on the
    /// current line. Returns with m_p at the next content line's start, m_next set.
    bool mapping(int indent, std::size_t keyPos)
    {
        if (++m_depth > MaxDepth)
            return false;
        m_h.OnMapStart(mark(keyPos), PlainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
        std::size_t q = keyPos;
        for (;;) {
            Token key;
            if (!readScalar(q, key))
                return false;
            // yaml-cpp measures a key from its start to its ':'.
            const std::size_t colon = keyIndicator(key);
            if (colon == std::string_view::npos || colon - key.start > MaxKeyBytes)
                return false;
            emitScalar(key);
            m_p = colon + 1;
            std::size_t v = m_p;
            while (v < m_n && m_s[v] == ' ')
                ++v;
            bool ok;
            if (contentAt(v, m_p)) {
                m_p = v;
                ok = inlineValue(indent);
            } else {
                ok = nestedBlock(indent, true);
            }
            if (!ok)
                return false;
            if (m_next == End || m_next < indent)
                break;
            if (m_next > indent)
                return false;
            q = m_p + static_cast<std::size_t>(indent);
            if (isSeqItem(q))
                return false;
        }
        m_h.OnMapEnd();
        --m_depth;
        return true;
    }

    /// A block sequence whose "-" stand at column indent, from the current line's start.
    bool sequence(int indent)
    {
        if (++m_depth > MaxDepth)
            return false;
        m_h.OnSequenceStart(mark(m_p + static_cast<std::size_t>(indent)), PlainTag,
                            YAML::NullAnchor, YAML::EmitterStyle::Block);
        for (;;) {
            m_p += static_cast<std::size_t>(indent) + 1; // after '-'
            std::size_t v = m_p;
            while (v < m_n && m_s[v] == ' ')
                ++v;
            bool ok;
            if (contentAt(v, m_p)) {
                if (isSeqItem(v))
                    return false; // "- - a": yaml-cpp's compact nesting
                m_p = v;
                Token t;
                const char c = m_s[v];
                if (c != '{' && c != '[' && readScalar(v, t) && keyFollows(t))
                    ok = mapping(static_cast<int>(v - m_lineStart), v);
                else
                    ok = inlineValue(indent);
            } else {
                ok = nestedBlock(indent, false);
            }
            if (!ok)
                return false;
            if (m_next == End || m_next < indent)
                break;
            if (m_next > indent)
                return false;
            if (!isSeqItem(m_p + static_cast<std::size_t>(indent)))
                break; // an indentless sequence ends at its mapping's next key
        }
        m_h.OnSequenceEnd();
        --m_depth;
        return true;
    }

    std::string_view m_s;
    std::size_t m_n;
    YAML::EventHandler &m_h;
    std::size_t m_p = 0;
    std::size_t m_lineStart = 0;
    int m_line = 0;
    int m_next = End;
    int m_depth = 0;
    /// The document is one flow collection (JSON): its line breaks are spaces.
    bool m_multiline = false;
    std::string m_value;
};

} // namespace

bool scanBlockDocument(std::string_view chunk, YAML::EventHandler &handler)
{
    return BlockScanner(chunk, handler).document();
}

bool blockScannerEnabled()
{
    return enabledFlag().load(std::memory_order_relaxed);
}

void setBlockScannerEnabled(bool enabled)
{
    enabledFlag().store(enabled, std::memory_order_relaxed);
}

} // namespace PodSec::Yaml::Detail
