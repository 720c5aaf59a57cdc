// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <string>
#include <string_view>

namespace PodSec::Ui {

/// What the window's text filter matches, lower-cased (ASCII), made of pieces joined by
/// spaces:
/// - a workload: kind, name, namespace, the path of its file (so a file name finds what it
///   holds), then the reason and detail of each failing check at baseline, then restricted;
/// - a field: path and value, then the ID of each check that looked at it, followed, when
///   that check fails, by its baseline and restricted reasons;
/// - a checklist finding: rule ID, reason, detail and severity; each of its fields: path
///   and value.
///
/// The texts are not kept: the filter's words hold no spaces, so a word is in a text exactly
/// when it is in one of its pieces, and the *Matches functions look there, in the snapshot's
/// own strings. Keeping the texts cost 21 MB at 10,000 workloads, at every version switch's
/// peak too (issue #19). The *Text functions make a text (SearchTextRole, tests).

/// Whether text, lower-cased (ASCII), holds word (lower-case).
bool containsLowered(std::string_view text, std::string_view word);

std::string workloadText(const WorkloadEntry &w, std::string_view path);
/// Whether workloadText(w, path) holds word (lower-case, without spaces).
bool workloadMatches(const WorkloadEntry &w, std::string_view path, std::string_view word);
/// Whether workloadText(a, pathA) and workloadText(b, pathB) are made of the same pieces.
bool sameWorkloadText(const WorkloadEntry &a, std::string_view pathA, const WorkloadEntry &b,
                      std::string_view pathB);

std::string fieldText(const WorkloadEntry &w, const FieldEntry &f);
/// Whether fieldText(w, f) holds word (lower-case, without spaces). Without reasons, the
/// failing checks' reasons are not searched: a workload's own text holds them all.
bool fieldMatches(const WorkloadEntry &w, const FieldEntry &f, std::string_view word,
                  bool withReasons = true);
/// Whether fieldText(a, x) and fieldText(b, y) are made of the same pieces (so are equal).
bool sameFieldText(const WorkloadEntry &a, const FieldEntry &x, const WorkloadEntry &b,
                   const FieldEntry &y);

std::string findingText(const Engine::Finding &finding);
bool findingMatches(const Engine::Finding &finding, std::string_view word);
bool sameFindingText(const Engine::Finding &a, const Engine::Finding &b);
std::string findingFieldText(const Policy::InspectedField &field);
bool findingFieldMatches(const Policy::InspectedField &field, std::string_view word);
bool sameFindingFieldText(const Policy::InspectedField &a, const Policy::InspectedField &b);

} // namespace PodSec::Ui
