// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <QString>
#include <QUrl>

/// The access parts of the details pane (Markdown), from the snapshot's access result
/// through core/access/accessqueries.h: who can create workloads in and relabel a
/// namespace; what a workload's token can do, with a link to its privilegedPodToken risk
/// (podsec:access?key=…). Empty when the snapshot has no access result.
namespace PodSec::Ui::AccessDetails {

QString namespaceMarkdown(const WorkspaceSnapshot &snapshot, const std::string &ns);
QString workloadMarkdown(const WorkspaceSnapshot &snapshot, const WorkloadEntry &workload);
/// The risk key of a podsec:access link, or empty.
QString keyOfLink(const QUrl &url);

} // namespace PodSec::Ui::AccessDetails
