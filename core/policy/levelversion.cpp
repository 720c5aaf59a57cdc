// SPDX-License-Identifier: Apache-2.0
#include "policy/levelversion.h"

namespace PodSec::Policy {

const char *levelName(Level level)
{
    switch (level) {
    case Level::Privileged:
        return "privileged";
    case Level::Baseline:
        return "baseline";
    case Level::Restricted:
        return "restricted";
    }
    return "";
}

std::optional<Level> parseLevel(std::string_view text)
{
    if (text == "privileged")
        return Level::Privileged;
    if (text == "baseline")
        return Level::Baseline;
    if (text == "restricted")
        return Level::Restricted;
    return std::nullopt;
}

std::optional<Version> Version::parse(std::string_view text)
{
    if (text == "latest")
        return latest();
    if (text.size() < 4 || text.substr(0, 3) != "v1.")
        return std::nullopt;
    const auto digits = text.substr(3);
    if (digits.size() > 1 && digits[0] == '0')
        return std::nullopt;
    if (digits.empty())
        return std::nullopt;
    int n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        if (n < 100'000'000)
            n = n * 10 + (c - '0');
    }
    Version v = v1(n);
    if (digits.size() > 8)
        v.m_text = std::string(text); // absurdly new: still valid, clamps to the newest
    return v;
}

std::string Version::toString() const
{
    if (!m_text.empty())
        return m_text;
    return m_minor < 0 ? std::string("latest") : "v1." + std::to_string(m_minor);
}

} // namespace PodSec::Policy
