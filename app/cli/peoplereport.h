// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "workspaceinput.h"

#include <string>

namespace PodSec::Cli {

/// `podsec check --format html|markdown|csv` and `--format json --summary`: reports for
/// people, built from the window's snapshot and Engine::summarize (one source of numbers).
struct PeopleReportRequest
{
    WorkspaceRequest input;
    std::string format; ///< html, markdown, csv, json (the summary)
    Policy::Level level = Policy::Level::Restricted;
    bool admission = false; ///< denied means rejected by enforce, as `check --admission`
    std::string outputFile;
};

/// Exit status as `podsec check`'s: 0 nothing denied, 1 something, 2 input errors.
int runPeopleReport(const PeopleReportRequest &request);

} // namespace PodSec::Cli
