// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesummary.h"

#include <cstddef>
#include <string>

namespace PodSec {
struct WorkspaceSnapshot;
} // namespace PodSec

namespace PodSec::Report {

/// Reports for people (issue 17): per namespace → failing workloads, grouped under their
/// controller → the checks → how to fix them. Prose is translated (QCoreApplication's
/// translator, context "PodSec::Report"); check ids, policies and paths are not.
struct ReportOptions
{
    std::string source;    ///< what was read ("k8s/", "cluster context prod")
    std::string generated; ///< when, as the caller wants it shown ("" leaves it out)
    /// Failing workload groups listed per namespace; the rest are counted ("and 12 more").
    std::size_t maxGroups = 100;
    /// Markdown only: the three charts as images after the summary line, named
    /// chart:readiness, chart:checks and chart:rejected (the window's PDF supplies them).
    bool chartImages = false;
};

/// One self-contained HTML page (no scripts, no external resources; charts as inline SVG),
/// printable.
std::string htmlReport(const WorkspaceSnapshot &snapshot, const Engine::WorkspaceSummary &summary,
                       const ReportOptions &options);
std::string markdownReport(const WorkspaceSnapshot &snapshot,
                           const Engine::WorkspaceSummary &summary, const ReportOptions &options);
/// One row per workload (RFC 4180): namespace, kind, name, owner, source, the level's
/// verdict, enforce's verdict, the failing checks.
std::string csvReport(const WorkspaceSnapshot &snapshot, const Engine::WorkspaceSummary &summary);

/// The first paragraph of the "How to satisfy it" part of a check's explanation, in the
/// current locale when translated (resources/explanations); "" when there is none.
std::string howToFix(const std::string &checkId);

/// "api-billing (Deployment): 40 pods, all fail allowPrivilegeEscalation" and the like.
std::string groupLine(const Engine::WorkloadGroup &group);

} // namespace PodSec::Report
