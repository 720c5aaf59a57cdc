// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

#include <string>

namespace PodSec::Cluster {

/// A list page as the objects it holds: a YAML stream of one document per item, as
/// `kubectl get -o yaml` shows an object. Each document starts with the item's apiVersion
/// and kind (an item of a typed list, which carries none, gets the list's: PodList → Pod),
/// then metadata without managedFields, spec, the other fields, and status last (the
/// editor folds it). Every scalar reads back as the page's JSON reads: strings that YAML
/// 1.1 would type otherwise ("yes", "1.0", "~", "") are quoted, numbers, booleans and
/// nulls are written as JSON writes them. A page without items is the empty list.
std::string listPageYaml(const QJsonObject &list);

} // namespace PodSec::Cluster
