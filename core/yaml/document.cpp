// SPDX-License-Identifier: Apache-2.0
#include "yaml/document.h"

#include "common/textescape.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace PodSec::Yaml {

const std::string Document::s_empty;

namespace {

struct Resolved
{
    ScalarType type = ScalarType::String;
    bool boolean = false;
    bool isUnsigned = false; ///< Int beyond int64 (go-yaml: uint64)
    long long integer = 0;
    unsigned long long unsignedInteger = 0;
    double real = 0;
};

bool oneOf(std::string_view s, std::initializer_list<std::string_view> options)
{
    for (auto o : options) {
        if (s == o)
            return true;
    }
    return false;
}

// YAML 1.1 scalar resolution exactly as go-yaml v2 does it (gopkg.in/yaml.v2 resolve.go,
// vendored by Kubernetes as sigs.k8s.io/yaml/goyaml.v2): a plain scalar is first looked up
// in a table (y/Y/yes/on/true/... booleans, ~/null, .inf/.nan); otherwise, when it starts
// with a digit or a sign, underscores are removed and it is tried as
// strconv.ParseInt(s, 0, 64) (0x, 0o, 0b, leading-0 octal), strconv.ParseUint(s, 0, 64),
// then, if it matches ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$, ParseFloat
// (so "080", not octal, is the float 80); one starting with '.' is tried as ParseFloat.
// Anything else, and every quoted scalar, is a string.

bool digitsIn(std::string_view s, int base, unsigned long long &out)
{
    if (s.empty())
        return false;
    unsigned long long r = 0;
    for (char c : s) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return false;
        if (d >= base)
            return false;
        if (__builtin_mul_overflow(r, static_cast<unsigned>(base), &r) ||
            __builtin_add_overflow(r, static_cast<unsigned>(d), &r))
            return false;
    }
    out = r;
    return true;
}

/// strconv.ParseUint(s, 0, 64): no sign; 0x/0o/0b prefixes (any case), leading 0 = octal.
bool goParseUint(std::string_view s, unsigned long long &out)
{
    if (s.size() >= 2 && s[0] == '0') {
        const char p = static_cast<char>(s[1] | 0x20);
        if (p == 'x')
            return digitsIn(s.substr(2), 16, out);
        if (p == 'o')
            return digitsIn(s.substr(2), 8, out);
        if (p == 'b')
            return digitsIn(s.substr(2), 2, out);
        return digitsIn(s.substr(1), 8, out);
    }
    return digitsIn(s, 10, out);
}

/// strconv.ParseInt(s, 0, 64): an optional sign, then as ParseUint, within int64.
bool goParseInt(std::string_view s, long long &out)
{
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    unsigned long long u = 0;
    if (!goParseUint(s, u))
        return false;
    constexpr unsigned long long maxPositive = 0x7fffffffffffffffULL;
    if (u > maxPositive + (negative ? 1 : 0))
        return false;
    out = negative ? (u == maxPositive + 1 ? std::numeric_limits<long long>::min()
                                           : -static_cast<long long>(u))
                   : static_cast<long long>(u);
    return true;
}

/// go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool yamlStyleFloat(std::string_view s)
{
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t from = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i > from;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digits())
            return false;
    } else {
        if (!digits())
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == s.size();
}

/// strconv.ParseFloat(s, 64) for text that matched yamlStyleFloat: false when it is out
/// of range (Go then reports ErrRange and go-yaml keeps the scalar a string).
bool goParseFloat(std::string_view s, double &out)
{
    if (!s.empty() && s[0] == '+')
        s.remove_prefix(1);
    double d = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc::result_out_of_range) {
        // Go rounds an underflow to zero without an error; only overflow fails.
        const auto e = s.find_first_of("eE");
        if (e == std::string_view::npos || e + 1 >= s.size() || s[e + 1] != '-')
            return false;
        out = !s.empty() && s[0] == '-' ? -0.0 : 0.0;
        return true;
    }
    if (ec != std::errc() || ptr != s.data() + s.size())
        return false;
    out = d;
    return true;
}

Resolved resolvePlain(const std::string &in)
{
    Resolved r;
    if (oneOf(in, {"", "~", "null", "Null", "NULL"})) {
        r.type = ScalarType::Null;
        return r;
    }
    if (oneOf(in, {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) {
        r.type = ScalarType::Bool;
        r.boolean = true;
        return r;
    }
    if (oneOf(in, {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})) {
        r.type = ScalarType::Bool;
        return r;
    }
    r.type = ScalarType::Float;
    if (oneOf(in, {".nan", ".NaN", ".NAN"})) {
        r.real = std::numeric_limits<double>::quiet_NaN();
        return r;
    }
    if (oneOf(in, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
        r.real = std::numeric_limits<double>::infinity();
        return r;
    }
    if (oneOf(in, {"-.inf", "-.Inf", "-.INF"})) {
        r.real = -std::numeric_limits<double>::infinity();
        return r;
    }
    r.type = ScalarType::String;
    const char c = in[0];
    if (c == '.') {
        if (yamlStyleFloat(in) && goParseFloat(in, r.real))
            r.type = ScalarType::Float;
        return r;
    }
    if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')))
        return r;
    std::string plain;
    plain.reserve(in.size());
    for (char ch : in) {
        if (ch != '_')
            plain += ch;
    }
    if (goParseInt(plain, r.integer)) {
        r.type = ScalarType::Int;
    } else if (goParseUint(plain, r.unsignedInteger)) {
        r.type = ScalarType::Int;
        r.isUnsigned = true;
    } else if (yamlStyleFloat(plain) && goParseFloat(plain, r.real)) {
        r.type = ScalarType::Float;
    }
    return r;
}

/// A scalar with its tag: quoted ones and !!str are strings; an explicit !!int, !!float,
/// !!bool or !!null tag keeps the resolved value only when it agrees (go-yaml turns an int
/// into a float for !!float and fails otherwise; such a value is kept a string here, which
/// no typed field accepts). Other tags keep the text.
Resolved resolveScalar(const Node &n)
{
    Resolved r;
    if (n.tag == "?")
        return resolvePlain(n.value);
    if (n.tag == "tag:yaml.org,2002:int" || n.tag == "tag:yaml.org,2002:float" ||
        n.tag == "tag:yaml.org,2002:bool" || n.tag == "tag:yaml.org,2002:null") {
        Resolved p = resolvePlain(n.value);
        const bool wantFloat = n.tag == "tag:yaml.org,2002:float";
        if (wantFloat && p.type == ScalarType::Int) {
            p.type = ScalarType::Float;
            p.real = p.isUnsigned ? static_cast<double>(p.unsignedInteger)
                                  : static_cast<double>(p.integer);
        }
        const ScalarType want = n.tag == "tag:yaml.org,2002:int"    ? ScalarType::Int
                                : wantFloat                         ? ScalarType::Float
                                : n.tag == "tag:yaml.org,2002:bool" ? ScalarType::Bool
                                                                    : ScalarType::Null;
        if (p.type == want)
            return p;
    }
    return r;
}

/// The JSON number sigs.k8s.io/yaml writes for a resolved number: json.Marshal prints an
/// integer in decimal and a float64 with strconv 'f' (shortest), or 'e' below 1e-6 and
/// from 1e21, with "e-09" cleaned to "e-9" (encoding/json floatEncoder).
std::optional<std::string> numberText(const Resolved &r)
{
    if (r.type == ScalarType::Int)
        return r.isUnsigned ? std::to_string(r.unsignedInteger) : std::to_string(r.integer);
    if (r.type != ScalarType::Float || !std::isfinite(r.real))
        return std::nullopt;
    const double a = std::fabs(r.real);
    const bool exponent = a != 0 && (a < 1e-6 || a >= 1e21);
    char buf[64];
    const auto res =
        std::to_chars(buf, buf + sizeof buf, r.real,
                      exponent ? std::chars_format::scientific : std::chars_format::fixed);
    std::string s(buf, res.ptr);
    const std::size_t n = s.size();
    if (exponent && n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0')
        s.erase(n - 2, 1);
    return s;
}

} // namespace

NodeId Document::resolve(NodeId id) const
{
    if (id == NoNode)
        return NoNode;
    const Node &n = node(id);
    return n.aliasOf != NoNode ? n.aliasOf : id;
}

NodeKind Document::kind(NodeId id) const
{
    id = resolve(id);
    return id == NoNode ? NodeKind::Null : node(id).kind;
}

NodeId Document::findKey(NodeId mapping, std::string_view key, bool wantKey, int depth) const
{
    mapping = resolve(mapping);
    if (mapping == NoNode || depth > 8)
        return NoNode;
    const Node &m = node(mapping);
    if (m.kind != NodeKind::Mapping)
        return NoNode;
    // Last occurrence wins, as when Kubernetes converts YAML to JSON.
    for (std::uint32_t i = m.childCount; i-- > 0;) {
        NodeId k = resolve(m_children[m.firstChild + 2 * i]);
        const Node &kn = node(k);
        if (kn.kind == NodeKind::Scalar && kn.value == key)
            return m_children[m.firstChild + 2 * i + (wantKey ? 0 : 1)];
    }
    for (std::uint32_t i = m.childCount; i-- > 0;) {
        NodeId k = resolve(m_children[m.firstChild + 2 * i]);
        const Node &kn = node(k);
        if (kn.kind != NodeKind::Scalar || kn.value != "<<" || kn.scalarStyle != ScalarStyle::Plain)
            continue;
        NodeId merged = resolve(m_children[m.firstChild + 2 * i + 1]);
        if (kind(merged) == NodeKind::Mapping)
            return findKey(merged, key, wantKey, depth + 1);
        if (kind(merged) == NodeKind::Sequence) {
            for (std::size_t j = 0; j < size(merged); ++j) {
                NodeId r = findKey(item(merged, j), key, wantKey, depth + 1);
                if (r != NoNode)
                    return r;
            }
        }
    }
    return NoNode;
}

NodeId Document::get(NodeId mapping, std::string_view key) const
{
    return findKey(mapping, key, false, 0);
}

NodeId Document::getSet(NodeId mapping, std::string_view key) const
{
    NodeId v = get(mapping, key);
    return kind(v) == NodeKind::Null ? NoNode : v;
}

NodeId Document::keyOf(NodeId mapping, std::string_view key) const
{
    return findKey(mapping, key, true, 0);
}

std::size_t Document::size(NodeId collection) const
{
    collection = resolve(collection);
    if (collection == NoNode)
        return 0;
    const Node &n = node(collection);
    return (n.kind == NodeKind::Mapping || n.kind == NodeKind::Sequence) ? n.childCount : 0;
}

NodeId Document::item(NodeId sequence, std::size_t i) const
{
    sequence = resolve(sequence);
    if (sequence == NoNode || node(sequence).kind != NodeKind::Sequence || i >= size(sequence))
        return NoNode;
    return m_children[node(sequence).firstChild + i];
}

NodeId Document::mapKey(NodeId mapping, std::size_t i) const
{
    mapping = resolve(mapping);
    if (mapping == NoNode || node(mapping).kind != NodeKind::Mapping || i >= size(mapping))
        return NoNode;
    return m_children[node(mapping).firstChild + 2 * i];
}

NodeId Document::mapValue(NodeId mapping, std::size_t i) const
{
    mapping = resolve(mapping);
    if (mapping == NoNode || node(mapping).kind != NodeKind::Mapping || i >= size(mapping))
        return NoNode;
    return m_children[node(mapping).firstChild + 2 * i + 1];
}

const std::string &Document::scalar(NodeId id) const
{
    id = resolve(id);
    if (id == NoNode || node(id).kind != NodeKind::Scalar)
        return s_empty;
    return node(id).value;
}

ScalarType Document::scalarType(NodeId id) const
{
    id = resolve(id);
    if (id == NoNode)
        return ScalarType::Null;
    const Node &n = node(id);
    if (n.kind == NodeKind::Null)
        return ScalarType::Null;
    if (n.kind != NodeKind::Scalar)
        return ScalarType::String; // callers check kind() for collections
    return resolveScalar(n).type;
}

bool Document::isTrue(NodeId id) const
{
    id = resolve(id);
    if (id == NoNode || node(id).kind != NodeKind::Scalar)
        return false;
    const Resolved r = resolveScalar(node(id));
    return r.type == ScalarType::Bool && r.boolean;
}

bool Document::isFalse(NodeId id) const
{
    return scalarType(id) == ScalarType::Bool && !isTrue(id);
}

bool Document::isString(NodeId id) const
{
    return kind(id) == NodeKind::Scalar && scalarType(id) == ScalarType::String;
}

std::optional<std::string> Document::jsonNumber(NodeId id) const
{
    id = resolve(id);
    if (id == NoNode || node(id).kind != NodeKind::Scalar)
        return std::nullopt;
    return numberText(resolveScalar(node(id)));
}

bool Document::isNonFinite(NodeId id) const
{
    id = resolve(id);
    if (id == NoNode || node(id).kind != NodeKind::Scalar)
        return false;
    const Resolved r = resolveScalar(node(id));
    return r.type == ScalarType::Float && !std::isfinite(r.real);
}

std::optional<long long> Document::toInt(NodeId id) const
{
    // encoding/json stores a number in an integer field with strconv.ParseInt(text, 10, 64)
    // on the JSON text, so "8080" (from 8080.0) fits and "0.5" or "1e+21" do not.
    const auto text = jsonNumber(id);
    if (!text)
        return std::nullopt;
    std::string_view t = *text;
    const bool negative = !t.empty() && t[0] == '-';
    if (negative)
        t.remove_prefix(1);
    unsigned long long u = 0;
    if (t.empty() || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), u);
    if (ec != std::errc() || ptr != t.data() + t.size())
        return std::nullopt;
    constexpr unsigned long long maxPositive = 0x7fffffffffffffffULL;
    if (u > maxPositive + (negative ? 1 : 0))
        return std::nullopt;
    if (negative)
        return u == maxPositive + 1 ? std::numeric_limits<long long>::min()
                                    : -static_cast<long long>(u);
    return static_cast<long long>(u);
}

std::string Document::toJson(NodeId id, int maxDepth, int maxNodes) const
{
    std::string out;
    int budget = maxNodes;
    renderJson(out, id, maxDepth, budget);
    return out;
}

void Document::renderJson(std::string &out, NodeId id, int depth, int &budget) const
{
    id = resolve(id);
    if (--budget < 0 || depth < 0) {
        out += "\"…\"";
        return;
    }
    if (id == NoNode) {
        out += "null";
        return;
    }
    const Node &n = node(id);
    switch (n.kind) {
    case NodeKind::Null:
        out += "null";
        return;
    case NodeKind::Scalar:
        switch (scalarType(id)) {
        case ScalarType::Null:
            out += "null";
            return;
        case ScalarType::Bool:
            out += isTrue(id) ? "true" : "false";
            return;
        case ScalarType::Int:
        case ScalarType::Float:
            // Printed as Kubernetes holds it: the JSON number (8080, not 8080.0).
            if (const auto number = jsonNumber(id)) {
                out += *number;
                return;
            }
            appendJsonString(out, n.value);
            return;
        case ScalarType::String:
            appendJsonString(out, n.value);
            return;
        }
        return;
    case NodeKind::Sequence:
        out += '[';
        for (std::uint32_t i = 0; i < n.childCount; ++i) {
            if (i)
                out += ',';
            renderJson(out, m_children[n.firstChild + i], depth - 1, budget);
        }
        out += ']';
        return;
    case NodeKind::Mapping:
        out += '{';
        for (std::uint32_t i = 0; i < n.childCount; ++i) {
            if (i)
                out += ',';
            appendJsonString(out, scalar(m_children[n.firstChild + 2 * i]));
            out += ':';
            renderJson(out, m_children[n.firstChild + 2 * i + 1], depth - 1, budget);
        }
        out += '}';
        return;
    }
}

} // namespace PodSec::Yaml
