// SPDX-License-Identifier: Apache-2.0
#include "policy/checks/checkutil.h"

#include "common/textescape.h"

#include <algorithm>
#include <cstdio>

namespace PodSec::Policy::Checks {

std::string quoted(const std::vector<std::string> &items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ", ";
        out += '"';
        out += items[i];
        out += '"';
    }
    return out;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ", ";
        out += items[i];
    }
    return out;
}

std::vector<std::string> sortedSet(std::vector<std::string> items)
{
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items;
}

namespace {

/// Approximation of Go's unicode.IsPrint for the code points that matter in annotation
/// values: controls, the C1 range, separators other than ASCII space, surrogates, private
/// use and unassigned specials are not printable.
bool isPrintable(char32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return false;
    if (cp == 0xAD) // soft hyphen (format character)
        return false;
    if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF)
        return false;
    if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == 0x3000)
        return false; // space separators other than U+0020
    if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 || (cp >= 0xFFF0 && cp <= 0xFFFB) ||
        cp == 0xFFFE || cp == 0xFFFF)
        return false;
    return true;
}

} // namespace

std::string goQuote(std::string_view s)
{
    std::string out = "\"";
    char buf[16];
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8(s, i, cp);
        if (len == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i]));
            out += buf;
            ++i;
            continue;
        }
        switch (cp) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\a':
            out += "\\a";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\v':
            out += "\\v";
            break;
        default:
            if (isPrintable(cp)) {
                out.append(s.substr(i, len));
            } else if (cp < 0x80) {
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
                out += buf;
            } else if (cp < 0x10000) {
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
                out += buf;
            } else {
                std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
                out += buf;
            }
        }
        i += len;
    }
    out += '"';
    return out;
}

std::string containersPhrase(const std::vector<std::string> &names)
{
    return std::string(plural(names.size(), "container ", "containers ")) + quoted(names);
}

std::string settersPhrase(bool pod, const std::vector<std::string> &containers)
{
    std::string out;
    if (pod)
        out = "pod";
    if (!containers.empty()) {
        if (!out.empty())
            out += " and ";
        out += containersPhrase(containers);
    }
    return out;
}

void record(CheckResult &result, const K8s::PodSpecView &pod, const K8s::FieldRef &field,
            bool allowed)
{
    const auto &doc = pod.doc();
    InspectedField f;
    f.path = field.path;
    f.present = field.present;
    f.value = field.present ? doc.toJson(field.node) : std::string("null");
    f.allowed = allowed;
    Yaml::NodeId at = field.anchor;
    if (at == Yaml::NoNode)
        at = pod.object().root;
    const auto &n = doc.node(at);
    f.offset = n.start;
    f.endOffset = n.end;
    f.line = n.line;
    f.column = n.column;
    result.fields.push_back(std::move(f));
}

void relaxed(CheckFunction base, const K8s::PodSpecView &pod, CheckResult &result)
{
    base(pod, result);
    result.allowed = true;
    result.reason.clear();
    result.detail.clear();
    auto &fields = result.fields;
    fields.erase(std::remove_if(fields.begin(), fields.end(),
                                [](const InspectedField &f) { return !f.present; }),
                 fields.end());
    for (auto &f : fields)
        f.allowed = true;
}

std::vector<Yaml::NodeId> itemsOf(const K8s::PodSpecView &pod, const K8s::FieldRef &field)
{
    std::vector<Yaml::NodeId> out;
    const auto &doc = pod.doc();
    if (!field.present || doc.kind(field.node) != Yaml::NodeKind::Sequence)
        return out;
    for (std::size_t i = 0; i < doc.size(field.node); ++i)
        out.push_back(doc.item(field.node, i));
    return out;
}

K8s::FieldRef itemRef(const K8s::PodSpecView &pod, const K8s::FieldRef &seq, std::size_t i)
{
    K8s::FieldRef ref;
    ref.path = seq.path + '[' + std::to_string(i) + ']';
    ref.node = pod.doc().item(seq.node, i);
    ref.present = pod.doc().kind(ref.node) != Yaml::NodeKind::Null;
    ref.anchor = ref.node;
    return ref;
}

} // namespace PodSec::Policy::Checks
