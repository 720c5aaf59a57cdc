// SPDX-License-Identifier: Apache-2.0
// The report formats of `podsec check` (shared/spec/cli.md), one file each.
#pragma once

#include "../reportformat.h"

namespace PodSec::Cli {

inline constexpr const char *ToolName = "podsec";
inline constexpr const char *ToolVersion = PODSEC_VERSION_STRING;

/// "Kind namespace/name" ("<unnamed>" without a name), as every format names an object.
std::string objectLabel(const EvaluatedObject &o);

std::unique_ptr<ReportFormat> createTextReport(const ReportContext &context);
std::unique_ptr<ReportFormat> createJsonReport(const ReportContext &context);
std::unique_ptr<ReportFormat> createSarifReport(const ReportContext &context);
std::unique_ptr<ReportFormat> createJUnitReport(const ReportContext &context);

} // namespace PodSec::Cli
