// SPDX-License-Identifier: Apache-2.0
#include "cluster/metadatalist.h"

#include <QJsonArray>

namespace PodSec::Cluster {

ApiClient::ListOptions ApiClient::secretTokens()
{
    ListOptions how;
    how.fieldSelector = "type=kubernetes.io/service-account-token";
    how.metadataOnly = true;
    how.itemKind = "Secret";
    how.itemApiVersion = "v1";
    how.itemFields = {{"type", "kubernetes.io/service-account-token"}};
    return how;
}

QJsonObject metadataListAs(const QJsonObject &list, const ApiClient::ListOptions &how)
{
    QJsonArray items;
    for (const auto &value : list.value(QStringLiteral("items")).toArray()) {
        QJsonObject metadata = value.toObject().value(QStringLiteral("metadata")).toObject();
        metadata.remove(QStringLiteral("managedFields"));
        QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
        annotations.remove(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"));
        if (annotations.isEmpty())
            metadata.remove(QStringLiteral("annotations"));
        else
            metadata.insert(QStringLiteral("annotations"), annotations);
        QJsonObject item{{QStringLiteral("metadata"), metadata}};
        for (const auto &[name, text] : how.itemFields)
            item.insert(QString::fromStdString(name), QString::fromStdString(text));
        items.append(item);
    }
    return {{QStringLiteral("kind"), QString::fromStdString(how.itemKind + "List")},
            {QStringLiteral("apiVersion"), QString::fromStdString(how.itemApiVersion)},
            {QStringLiteral("metadata"), list.value(QStringLiteral("metadata"))},
            {QStringLiteral("items"), items}};
}

} // namespace PodSec::Cluster
