// SPDX-License-Identifier: Apache-2.0
#include "treetexts.h"

#include "workloadtreemodel.h"

namespace PodSec::Ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

QString namespaceSummary(const Engine::NamespaceNumbers &n)
{
    const int workloads = n.workloads, rejected = n.podsRejected,
              controllers = n.controllersRejected, warned = n.warned;
    QStringList parts{WorkloadTreeModel::tr("%n workload(s)", nullptr, workloads)};
    if (rejected > 0)
        parts << WorkloadTreeModel::tr("%n Pod(s) rejected", nullptr, rejected);
    if (controllers > 0)
        parts << WorkloadTreeModel::tr("Pods of %n controller(s) rejected", nullptr, controllers);
    if (warned > 0)
        parts << WorkloadTreeModel::tr("%n warned", nullptr, warned);
    return parts.join(QStringLiteral(" · "));
}

QStringList namespaceChips(const NamespaceEntry &ns, bool forced)
{
    QStringList chips;
    const auto &p = ns.policy;
    if (forced) {
        chips << WorkloadTreeModel::tr("all modes=%1").arg(q(p.enforce.toString()));
        return chips;
    }
    // Chips read like the labels: mode=level, with the version only when pinned. Modes
    // without labels of their own are marked with a trailing " *" (drawn faded). An
    // invalid value is shown as written, said to be invalid and marked with a trailing
    // " !" (drawn red): "enforce=restrictd (invalid)", never the level it falls back to.
    const char *modes[] = {"enforce", "audit", "warn"};
    auto invalidValue = [&](const std::string &key) -> const std::string * {
        for (const auto &e : p.errors) {
            if (e.label == key)
                return &e.value;
        }
        return nullptr;
    };
    for (int i = 0; i < 3; ++i) {
        const auto &lv = i == 0 ? p.enforce : i == 1 ? p.audit : p.warn;
        const bool labelled = p.levelLabel[i] || p.versionLabel[i];
        if (!labelled && lv.level == Policy::Level::Privileged)
            continue;
        const std::string key = std::string("pod-security.kubernetes.io/") + modes[i];
        const std::string *badLevel = invalidValue(key);
        const std::string *badVersion = invalidValue(key + "-version");
        QString text = QStringLiteral("%1=%2").arg(
            QLatin1String(modes[i]),
            badLevel ? q(*badLevel) : QLatin1String(Policy::levelName(lv.level)));
        if (badVersion)
            text += QLatin1Char(':') + q(*badVersion);
        else if (!lv.version.isLatest())
            text += QLatin1Char(':') + q(lv.version.toString());
        if (badLevel || badVersion)
            chips << WorkloadTreeModel::tr("%1 (invalid)").arg(text) + QStringLiteral(" !");
        else
            chips << text + (labelled ? QString() : QStringLiteral(" *"));
    }
    if (chips.isEmpty())
        chips << WorkloadTreeModel::tr("unlabelled") + QStringLiteral(" *");
    return chips;
}

QString rootName(const RootEntry &r)
{
    return r.tool == Render::Tool::Helm ? WorkloadTreeModel::tr("Helm chart %1").arg(q(r.path))
                                        : WorkloadTreeModel::tr("Kustomize %1").arg(q(r.path));
}

/// What became of the root: the command that rendered it, or why it is not evaluated.
QString rootState(const RootEntry &r)
{
    if (r.rendered)
        return q(r.command);
    if (r.missingTool && r.tool == Render::Tool::Kustomize)
        return WorkloadTreeModel::tr("needs kubectl or kustomize to render; not evaluated");
    if (r.missingTool)
        return WorkloadTreeModel::tr("needs helm to render; not evaluated. To evaluate it: %1")
            .arg(q(r.hint));
    return WorkloadTreeModel::tr("could not render; not evaluated: %1").arg(q(r.problem));
}

} // namespace PodSec::Ui
