// SPDX-License-Identifier: Apache-2.0
#include "accessdetails.h"

#include "access/accessqueries.h"
#include "detailspane.h"
#include "markdowntexts.h"
#include "models/accesstreemodel.h"

#include <QUrl>
#include <QUrlQuery>

namespace PodSec::Ui::AccessDetails {

namespace {

using Markdown::q;
const auto md = Markdown::escaped;

QString link(const std::string &key, const QString &text)
{
    return QStringLiteral("[%1](podsec:access?key=%2)")
        .arg(text, QString::fromLatin1(QUrl::toPercentEncoding(q(key))));
}

QString holders(const std::vector<Access::Holder> &list)
{
    QString out;
    for (const auto &h : list) {
        out += QStringLiteral("- **%1** %2 ")
                   .arg(AccessTreeModel::severityText(h.risk->severity),
                        link(Access::riskKey(h.subject->subject, *h.risk),
                             QStringLiteral("`%1`").arg(QLatin1String(riskName(h.risk->id))))) +
               md(q(h.risk->detail)) + QLatin1Char('\n');
    }
    return out;
}

} // namespace

QString namespaceMarkdown(const WorkspaceSnapshot &snapshot, const std::string &ns)
{
    if (!snapshot.access)
        return {};
    const auto access = Access::namespaceAccess(*snapshot.access, ns);
    QString out = QStringLiteral("### ") + DetailsPane::tr("Who can get around Pod Security here") +
                  QStringLiteral("\n\n");
    out += DetailsPane::tr("Who can create workloads (and so run pods as any service account "
                           "of the namespace):") +
           QStringLiteral("\n\n");
    out += access.createWorkloads.empty()
               ? DetailsPane::tr("Nobody the workspace's RBAC objects name.") + QStringLiteral("\n")
               : holders(access.createWorkloads);
    out += QStringLiteral("\n") +
           DetailsPane::tr("Who can relabel the namespace (and so relax its Pod Security "
                           "levels):") +
           QStringLiteral("\n\n");
    out += access.relabel.empty()
               ? DetailsPane::tr("Nobody the workspace's RBAC objects name.") + QStringLiteral("\n")
               : holders(access.relabel);
    return out + QLatin1Char('\n');
}

QString workloadMarkdown(const WorkspaceSnapshot &snapshot, const WorkloadEntry &workload)
{
    if (!snapshot.access)
        return {};
    const auto token = Access::workloadToken(*snapshot.access, workload.id().kind,
                                             workload.id().namespaceName, workload.id().name);
    if (!token.known)
        return {};
    QString out = QStringLiteral("### ") + DetailsPane::tr("What its pods' token can do") +
                  QStringLiteral("\n\n");
    const QString account =
        QStringLiteral("`%1/%2`").arg(q(workload.id().namespaceName), q(token.serviceAccount));
    if (!token.mounted) {
        out += DetailsPane::tr("The pods run as service account %1 and do not mount its token.")
                   .arg(account);
        return out + QStringLiteral("\n\n");
    }
    out += DetailsPane::tr("The pods run as service account %1 and mount its token.").arg(account) +
           QLatin1Char(' ');
    if (!token.account) {
        out += DetailsPane::tr("The workspace grants that account no risky permission.");
        return out + QStringLiteral("\n\n");
    }
    if (token.privilegedPodToken)
        out += DetailsPane::tr("Whoever gets into a container holds these permissions: %1.")
                   .arg(link(Access::riskKey(token.account->subject, *token.privilegedPodToken),
                             QStringLiteral("`privilegedPodToken`")));
    out += QStringLiteral("\n\n");
    std::vector<Access::Holder> risks;
    for (const auto &r : token.account->risks) {
        if (r.id != Access::RiskId::PrivilegedPodToken)
            risks.push_back({token.account, &r});
    }
    return out + holders(risks) + QLatin1Char('\n');
}

QString keyOfLink(const QUrl &url)
{
    if (url.scheme() != QLatin1String("podsec") || url.path() != QLatin1String("access"))
        return {};
    return QUrlQuery(url).queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded);
}

} // namespace PodSec::Ui::AccessDetails
