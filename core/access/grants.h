// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/accessmodel.h"

#include <string>
#include <vector>

/// What one role grants (spec/access.md §3's table), before a binding's namespace is known:
/// the building block of evaluateRisks (risks.cpp).
namespace PodSec::Access::Grants {

/// Parts of approveClientCertificates, gathered per subject before they are combined, and
/// a rule that allows everything (clusterAdmin).
enum Part : int { CsrCreate = 100, CsrApprove, SignerApprove, StarRule };

struct Match
{
    AccessModel::RuleRef ref;
    std::string what; ///< "create pods", "get/list secrets"
};

struct RawGrant
{
    int id = 0; ///< a RiskId or a Part
    std::vector<Match> matches;
};

/// Every risk (or part) a role grants through a ClusterRoleBinding (clusterBinding) or a
/// RoleBinding, with the rules that grant it.
std::vector<RawGrant> rawGrants(const AccessModel &model, int role, bool clusterBinding);
/// Whether every rule of the role names resources of the namespaced-only list (and at
/// least one does): clusterWideGrant.
bool onlyNamespaced(const AccessModel &model, int role);

} // namespace PodSec::Access::Grants
