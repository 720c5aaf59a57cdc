// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "yaml/document.h"

#include <functional>
#include <optional>
#include <string_view>

namespace PodSec::Yaml {

/// The rules kubectl applies to a parsed document beyond what yaml-cpp enforces:
/// - a line that belongs to no node (a stray "$NOT_A_KEY" at column 0 after a mapping, a
///   block-mapping key without ':') is an error, as in go-yaml/libyaml ("could not find
///   expected ':'");
/// - a key written twice in one mapping is an error naming both places (kubectl apply
///   validates strictly and refuses the object).
/// Returns the first problem in document order, or nullopt. text is the whole file.
std::optional<Diagnostic> checkDocumentRules(const Document &doc, std::string_view text);

/// The same rules for one mapping whose children (key, value, key, value...) are kids[0,
/// 2 * pairs): every problem goes to report. checkDocumentRules runs it on every mapping of
/// a parsed tree; the tree builder's validating mode on each mapping as it closes.
void checkMappingRules(const Document &doc, NodeId mapping, const NodeId *kids, std::size_t pairs,
                       std::string_view text, const std::function<void(Diagnostic)> &report);

} // namespace PodSec::Yaml
