// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace PodSec::Fix {

/// A unified diff (three lines of context, "--- a/name" / "+++ b/name" headers) of two
/// texts, line by line; empty when they are equal. Lines keep their own line ends.
std::string unifiedDiff(const std::string &before, const std::string &after,
                        const std::string &name);

} // namespace PodSec::Fix
