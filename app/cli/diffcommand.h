// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace PodSec::Cli {

/// `podsec diff --from VERSION --to VERSION [--level baseline|restricted] [--format
/// text|json] [--output FILE] [PATH…|--kubeconfig …]`: the checks that differ between two
/// policy versions and every object whose failing checks differ (spec/cli.md). Exit status
/// 1 when some object's verdict gets stricter going from → to, 0 otherwise, 2 on usage or
/// input errors.
int runDiffCommand(const QStringList &args);

} // namespace PodSec::Cli
