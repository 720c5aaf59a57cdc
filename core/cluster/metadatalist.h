// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/apiclient.h"

#include <QJsonObject>

namespace PodSec::Cluster {

/// A PartialObjectMetadataList as a list of how.itemKind: each item's metadata without
/// managedFields and kubectl's last-applied-configuration (the applied object, whole: a
/// Secret's data included), plus the fields the selector guarantees.
QJsonObject metadataListAs(const QJsonObject &list, const ApiClient::ListOptions &how);

} // namespace PodSec::Cluster
