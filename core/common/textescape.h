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
/// Appends s with XML escaping (for attribute values and text).
void appendXmlEscaped(std::string &out, std::string_view s);

} // namespace PodSec
