// SPDX-License-Identifier: Apache-2.0
#include "yaml/document.h"

#include "common/textescape.h"

#include <cstdio>
#include <limits>

namespace PodSec::Yaml {

const std::string Document::s_empty;

namespace {

bool oneOf(const std::string &s, std::initializer_list<std::string_view> options)
{
    for (auto o : options) {
        if (s == o)
            return true;
    }
    return false;
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
    if (n.tag == "tag:yaml.org,2002:str" || n.tag == "!")
        return ScalarType::String;
    if (n.tag == "tag:yaml.org,2002:bool")
        return oneOf(n.value, {"true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes",
                               "YES",  "no",   "No",   "NO",    "on",    "On",    "ON",  "off",
                               "Off",  "OFF",  "y",    "Y",     "n",     "N"})
                   ? ScalarType::Bool
                   : ScalarType::String;
    if (n.tag == "tag:yaml.org,2002:int")
        return toInt(id) ? ScalarType::Int : ScalarType::String;
    if (n.tag == "tag:yaml.org,2002:null")
        return ScalarType::Null;
    if (n.tag == "tag:yaml.org,2002:float")
        return ScalarType::Float;
    if (n.tag != "?")
        return ScalarType::String;
    // YAML 1.1 resolution of plain scalars, as Kubernetes' YAML reader does it.
    if (oneOf(n.value, {"", "~", "null", "Null", "NULL"}))
        return ScalarType::Null;
    if (oneOf(n.value,
              {"true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No",
               "NO",   "on",   "On",   "ON",    "off",   "Off",   "OFF", "y",   "Y",   "n",  "N"}))
        return ScalarType::Bool;
    if (toInt(id))
        return ScalarType::Int;
    const std::string &v = n.value;
    if (!v.empty()) {
        char *endp = nullptr;
        std::strtod(v.c_str(), &endp);
        if (endp && *endp == '\0' &&
            (v[0] == '-' || v[0] == '+' || v[0] == '.' || (v[0] >= '0' && v[0] <= '9')))
            return ScalarType::Float;
        if (oneOf(v, {".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN"}))
            return ScalarType::Float;
    }
    return ScalarType::String;
}

bool Document::isTrue(NodeId id) const
{
    return scalarType(id) == ScalarType::Bool &&
           oneOf(scalar(id),
                 {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"});
}

bool Document::isFalse(NodeId id) const
{
    return scalarType(id) == ScalarType::Bool && !isTrue(id);
}

bool Document::isString(NodeId id) const
{
    return kind(id) == NodeKind::Scalar && scalarType(id) == ScalarType::String;
}

std::optional<long long> Document::toInt(NodeId id) const
{
    id = resolve(id);
    if (id == NoNode || node(id).kind != NodeKind::Scalar)
        return std::nullopt;
    const Node &n = node(id);
    if (n.scalarStyle != ScalarStyle::Plain && n.tag != "tag:yaml.org,2002:int")
        return std::nullopt;
    std::string v;
    v.reserve(n.value.size());
    for (char c : n.value) {
        if (c != '_')
            v += c;
    }
    if (v.empty())
        return std::nullopt;
    std::size_t i = 0;
    bool negative = false;
    if (v[0] == '+' || v[0] == '-') {
        negative = v[0] == '-';
        i = 1;
    }
    int base = 10;
    if (v.compare(i, 2, "0x") == 0) {
        base = 16;
        i += 2;
    } else if (v.compare(i, 2, "0o") == 0) {
        base = 8;
        i += 2;
    } else if (v.compare(i, 2, "0b") == 0) {
        base = 2;
        i += 2;
    } else if (v.size() > i + 1 && v[i] == '0') {
        base = 8;
        i += 1;
    }
    if (i >= v.size())
        return std::nullopt;
    unsigned long long r = 0;
    for (; i < v.size(); ++i) {
        int d;
        char c = v[i];
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return std::nullopt;
        if (d >= base)
            return std::nullopt;
        if (__builtin_mul_overflow(r, static_cast<unsigned>(base), &r) ||
            __builtin_add_overflow(r, static_cast<unsigned>(d), &r))
            return std::nullopt; // does not fit 64 bits: not an int Kubernetes would accept
    }
    constexpr unsigned long long maxPositive = 0x7fffffffffffffffULL;
    if (r > maxPositive + (negative ? 1 : 0))
        return std::nullopt;
    if (negative)
        return r == maxPositive + 1 ? std::numeric_limits<long long>::min()
                                    : -static_cast<long long>(r);
    return static_cast<long long>(r);
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
            out += std::to_string(*toInt(id));
            return;
        case ScalarType::Float:
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
