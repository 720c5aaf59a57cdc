// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace PodSec::Policy {

/// Ordered from the most permissive to the strictest: levels compare with < and <=.
enum class Level { Privileged, Baseline, Restricted };

/// The newest policy version this engine knows (spec/pss-checks.md §1.2).
constexpr int NewestMinor = 37;

const char *levelName(Level level);
std::optional<Level> parseLevel(std::string_view text);

/// A policy version: "latest" or "v1.N". Printing keeps the configured text; evaluation
/// uses clamped().
class Version
{
public:
    static Version latest() { return Version(); }
    static Version v1(int minor)
    {
        Version v;
        v.m_minor = minor;
        return v;
    }
    /// "latest" or "v1.N" (N decimal, no leading zeros); nullopt otherwise.
    static std::optional<Version> parse(std::string_view text);

    bool isLatest() const { return m_minor < 0; }
    int minor() const { return m_minor; }
    /// The minor version whose checks apply: latest and anything newer than the newest
    /// known version evaluate as the newest.
    int clamped() const { return (m_minor < 0 || m_minor > NewestMinor) ? NewestMinor : m_minor; }
    std::string toString() const;
    bool operator==(const Version &o) const { return m_minor == o.m_minor && m_text == o.m_text; }

private:
    int m_minor = -1;   ///< -1 = latest
    std::string m_text; ///< as written, when it does not fit m_minor (v1.99999999999)
};

struct LevelVersion
{
    Level level = Level::Restricted;
    Version version;
    std::string toString() const
    {
        return std::string(levelName(level)) + ':' + version.toString();
    }
    bool operator==(const LevelVersion &o) const
    {
        return level == o.level && version == o.version;
    }
};

} // namespace PodSec::Policy
