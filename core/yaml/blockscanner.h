// SPDX-License-Identifier: Apache-2.0
// Internal to core/yaml: a fast reader for the plain block style that kubectl, our cluster
// pages (core/cluster/pageyaml.h) and most hand-written manifests use, in front of yaml-cpp
// (issue #19 item 2). It produces yaml-cpp's own event stream, so the same TreeBuilder turns
// either into a Document; tst_blockscanner and fuzz_blockscanner hold the two streams equal.
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <string_view>

namespace PodSec::Yaml::Detail {

/// Reads one document chunk (its bytes from the chunk's start, a "---" line included) that
/// is written in this form, and sends handler exactly the events, marks, tags and values
/// yaml-cpp's parser sends for it:
///   - block mappings and block sequences (indented or not under a key; "- key: value"),
///     nesting at most 64 deep, the root at column 0;
///   - one-line scalars: plain, "double-quoted" (the common escapes), 'single-quoted';
///     one-line flow collections of them ({}, [a, "b"], {k: v});
///   - blank lines and comments; a "---" line first;
///   - or a JSON document: one flow collection over many lines, "key": value pairs.
/// Anything else (an empty value, block scalars, anchors, aliases, tags, multi-line scalars,
/// flow collections over several lines inside block style, compact JSON ("a":1), tabs, a CR
/// outside a comment (the parser refuses a lone CR before any reader sees it),
/// "..." lines, C1 controls and line or paragraph separators) returns false as soon as it is
/// seen: the handler may have had some events already, and the caller starts again with
/// yaml-cpp. The text must be valid UTF-8 without NUL bytes (the parser checks that first).
bool scanBlockDocument(std::string_view chunk, YAML::EventHandler &handler);

/// False when PODSEC_YAMLCPP_ONLY is set in the environment (benchmarks compare the two
/// with one binary), or when built against a yaml-cpp other than 0.7.x, whose rules the
/// scanner copies: every document then goes to yaml-cpp. Tests may switch it.
bool blockScannerEnabled();
void setBlockScannerEnabled(bool enabled);

} // namespace PodSec::Yaml::Detail
