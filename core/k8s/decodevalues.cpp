// SPDX-License-Identifier: Apache-2.0
// Typed values read the way the API server reads them: quantities, image references and
// host paths (k8s/decode.h).
#include "k8s/decode.h"

#include <vector>

namespace PodSec::K8s {

std::optional<std::string> quantityText(const Yaml::Document &doc, Yaml::NodeId node)
{
    const Yaml::NodeId n = doc.resolve(node);
    if (n == Yaml::NoNode || doc.kind(n) != Yaml::NodeKind::Scalar)
        return std::nullopt;
    switch (doc.scalarType(n)) {
    case Yaml::ScalarType::String:
        return doc.scalar(n);
    case Yaml::ScalarType::Int:
    case Yaml::ScalarType::Float:
        return doc.jsonNumber(n);
    default:
        return std::nullopt;
    }
}

std::optional<long double> quantityValue(std::string_view s)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    long double value = 0;
    long double scale = 1;
    bool digits = false, dot = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            digits = true;
            if (dot) {
                scale /= 10;
                value += (c - '0') * scale;
            } else {
                value = value * 10 + (c - '0');
            }
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            break;
        }
    }
    if (!digits)
        return std::nullopt;
    const std::string_view suffix = s.substr(i);
    long double factor = 1;
    auto power = [](long double base, int n) {
        long double r = 1;
        for (int k = 0; k < (n < 0 ? -n : n); ++k)
            r *= base;
        return n < 0 ? 1 / r : r;
    };
    static const std::pair<std::string_view, long double> suffixes[] = {
        {"", 1},
        {"Ki", 1024.0L},
        {"Mi", 1048576.0L},
        {"Gi", 1073741824.0L},
        {"Ti", 1099511627776.0L},
        {"Pi", 1125899906842624.0L},
        {"Ei", 1152921504606846976.0L},
        {"n", 1e-9L},
        {"u", 1e-6L},
        {"m", 1e-3L},
        {"k", 1e3L},
        {"M", 1e6L},
        {"G", 1e9L},
        {"T", 1e12L},
        {"P", 1e15L},
        {"E", 1e18L},
    };
    bool known = false;
    for (const auto &[text, f] : suffixes) {
        if (suffix == text) {
            factor = f;
            known = true;
            break;
        }
    }
    if (!known) {
        // A decimal exponent: e or E, an optional sign, digits.
        if (suffix.size() < 2 || (suffix[0] != 'e' && suffix[0] != 'E'))
            return std::nullopt;
        std::size_t j = 1;
        bool negativeExponent = false;
        if (suffix[j] == '+' || suffix[j] == '-')
            negativeExponent = suffix[j++] == '-';
        if (j >= suffix.size())
            return std::nullopt;
        int exponent = 0;
        for (; j < suffix.size(); ++j) {
            if (suffix[j] < '0' || suffix[j] > '9')
                return std::nullopt;
            exponent = exponent * 10 + (suffix[j] - '0');
            if (exponent > 4000)
                return std::nullopt;
        }
        factor = power(10, negativeExponent ? -exponent : exponent);
    }
    const long double result = value * factor;
    return negative ? -result : result;
}

namespace {

bool isDigestOf(std::string_view digest, std::string_view algorithm, std::size_t length)
{
    if (digest.size() != algorithm.size() + 1 + length ||
        digest.substr(0, algorithm.size()) != algorithm || digest[algorithm.size()] != ':')
        return false;
    for (const char c : digest.substr(algorithm.size() + 1)) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

ImagePin imagePin(std::string_view reference)
{
    const std::size_t at = reference.rfind('@');
    if (at != std::string_view::npos) {
        const std::string_view digest = reference.substr(at + 1);
        if (isDigestOf(digest, "sha256", 64) || isDigestOf(digest, "sha512", 128))
            return ImagePin::Digest;
        reference = reference.substr(0, reference.find('@'));
    }
    const std::size_t slash = reference.rfind('/');
    const std::string_view last =
        slash == std::string_view::npos ? reference : reference.substr(slash + 1);
    const std::size_t colon = last.rfind(':');
    if (colon == std::string_view::npos)
        return ImagePin::NoTag;
    return last.substr(colon + 1) == "latest" ? ImagePin::Latest : ImagePin::Tag;
}

std::string cleanHostPath(std::string_view path)
{
    const bool rooted = !path.empty() && path.front() == '/';
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    while (from <= path.size()) {
        std::size_t slash = path.find('/', from);
        if (slash == std::string_view::npos)
            slash = path.size();
        const std::string_view part = path.substr(from, slash - from);
        from = slash + 1;
        if (part.empty() || part == ".")
            continue;
        if (part == "..") {
            if (!parts.empty() && parts.back() != "..")
                parts.pop_back();
            else if (!rooted)
                parts.push_back(part);
            continue;
        }
        parts.push_back(part);
    }
    std::string out = rooted ? "/" : "";
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k)
            out += '/';
        out += parts[k];
    }
    if (out.empty())
        return std::string(1, '.'); // (assigning "." trips GCC 12's false -Wrestrict)
    if (out == "/var/run" || out.rfind("/var/run/", 0) == 0)
        out.erase(0, 4);
    return out;
}

} // namespace PodSec::K8s
