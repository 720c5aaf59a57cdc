// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace PodSec::Cli {

/// `podsec plan [PATH…|--kubeconfig …] [--target LEVEL] [--format text|json|sh|yaml]`: a
/// rollout plan of namespace labels for every namespace, with the dry-run answer for the
/// target (spec/cli.md). Exit status 0 when every namespace the plan may label enforces the
/// target afterwards, 1 when some cannot yet, 2 on usage or input errors.
int runPlanCommand(const QStringList &args);

} // namespace PodSec::Cli
