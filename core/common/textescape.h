// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace PodSec {

/// Appends s as a JSON string literal (quotes included).
void appendJsonString(std::string &out, std::string_view s);
inline std::string jsonString(std::string_view s)
{
    std::string out;
    appendJsonString(out, s);
    return out;
}
/// Appends one code point as UTF-8.
void appendUtf8(std::string &out, char32_t c);
/// Decodes the UTF-8 sequence at s[i] into cp; returns its length in bytes, or 0 when the
/// bytes there are not valid UTF-8 (overlong forms and surrogates included).
std::size_t decodeUtf8(std::string_view s, std::size_t i, char32_t &cp);

/// Appends s with XML escaping (for attribute values and text).
void appendXmlEscaped(std::string &out, std::string_view s);

} // namespace PodSec
