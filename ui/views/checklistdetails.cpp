// SPDX-License-Identifier: Apache-2.0
// The details of checklist rows (spec/checklist.md): the rule, its severity and seed
// chapter, what was found (reason, detail, the fields), what to do (every checklist rule
// needs a decision or is reported only: nothing is fixed automatically) and the rule's
// explanation (resources/explanations, as `podsec explain` prints it). Values the rules hide
// (Secret data, credential keys) are never shown.
#include "detailspane.h"
#include "markdowntexts.h"

#include "models/severitybadge.h"
#include "models/workloadtreemodel.h"

namespace PodSec::Ui {

namespace {

using Markdown::code;
using Markdown::escaped;
using Markdown::q;
using Cut = Markdown::Texts;

QString severityLine(Engine::Severity severity)
{
    return QStringLiteral("**%1**").arg(SeverityBadge::text(severity).toUpper());
}

QString place(const WorkspaceSnapshot &s, int file, std::uint32_t line)
{
    if (file < 0 || std::size_t(file) >= s.files.size())
        return {};
    return DetailsPane::tr("%1 line %2").arg(q(s.files[std::size_t(file)].path)).arg(line);
}

/// What to do about a rule's finding: the spec's decision, or that it is reported only.
/// offerFix: the finding's choices can be opened in the fix preview (podsec:fix).
QString whatToDo(const Engine::Rule &rule, bool offerFix)
{
    QString md = QStringLiteral("### ") + DetailsPane::tr("What to do") + QStringLiteral("\n\n");
    if (rule.fix == Engine::FixKind::None)
        return md +
               DetailsPane::tr("**Reported only.** There is no fix to apply here; “How to satisfy "
                               "it” below says what to change.") +
               QStringLiteral("\n\n");
    if (offerFix)
        md += DetailsPane::tr("**Needs a decision.** Nothing changes until you choose:") +
              QStringLiteral(" [%1](podsec:fix) ").arg(DetailsPane::tr("Decide…")) +
              DetailsPane::tr("opens the fix preview with the choices the tool can write for "
                              "you, none of them ticked; or edit the manifest as below.") +
              QStringLiteral("\n\n");
    else
        md += DetailsPane::tr("**Needs a decision.** Nothing is changed automatically: pick one "
                              "of the ways below and edit the manifest.") +
              QStringLiteral("\n\n");
    const std::string_view id = rule.id;
    QString choice;
    if (id == "serviceAccountToken")
        choice = DetailsPane::tr("Set automountServiceAccountToken: false on the pod spec, or on "
                                 "its ServiceAccount (every pod using the account inherits it).");
    else if (id == "memoryLimit")
        choice = DetailsPane::tr("Set resources.limits.memory to the request; when the limit is "
                                 "above the request, lower the limit to the request or raise the "
                                 "request to the limit.");
    else if (id == "imageDigest")
        choice = DetailsPane::tr("Pin each image by digest (image@sha256:…). The digest comes "
                                 "from the registry, so it is not filled in for you.");
    else if (id == "secretEnv")
        choice = DetailsPane::tr("Mount the Secret as files (a secret volume) instead of "
                                 "environment variables, or accept the risk.");
    else if (id == "hostPathReadOnly")
        choice = DetailsPane::tr("Set readOnly: true on each listed volume mount, unless the "
                                 "workload must write to the host.");
    else if (id == "windowsAdministrator")
        choice = DetailsPane::tr("Set runAsUserName to ContainerUser at the level where it is "
                                 "set.");
    else if (id == "mountableSecrets")
        choice = DetailsPane::tr("Add the Secret to the ServiceAccount's secrets (an edit in the "
                                 "account's file), or stop using it in the pod.");
    else if (id == "podSecurityEnforced")
        choice = DetailsPane::tr("Label the namespace pod-security.kubernetes.io/enforce=baseline "
                                 "or =restricted; the namespace what-if shows what each would "
                                 "reject.");
    else if (id == "defaultDenyNetworkPolicy")
        choice = DetailsPane::tr("Add a NetworkPolicy default-deny to this namespace (ingress and "
                                 "egress, or ingress only). It cuts traffic the workloads may "
                                 "need: allow that traffic with further policies.");
    if (!choice.isEmpty())
        md += QStringLiteral("- ") + escaped(choice) + QStringLiteral("\n\n");
    return md;
}

QString findingMarkdown(const WorkloadTreeModel *model, const QModelIndex &index, Cut &cut,
                        bool offerFix)
{
    const auto *finding = model->findingAt(index);
    if (!finding || !finding->rule)
        return {};
    const auto &s = *model->snapshot();
    const auto &rule = *finding->rule;
    QString md = QStringLiteral("## ") + code(q(std::string(rule.id))) + QStringLiteral("\n\n");
    md += DetailsPane::tr("Severity: %1 · Rule set: checklist · Seed chapter: %2")
              .arg(severityLine(finding->severity()))
              .arg(rule.seedChapter) +
          QStringLiteral("\n\n");
    if (const auto *w = model->findingWorkloadAt(index)) {
        md += DetailsPane::tr("On %1 in namespace %2 · %3")
                  .arg(code(q(w->id().kind + ' ' + w->id().name)), code(q(w->id().namespaceName)),
                       escaped(place(s, w->file, w->id().line))) +
              QStringLiteral("\n\n");
    } else if (const auto *o = model->objectAt(index)) {
        const QString what = code(q(o->kind + ' ' + o->name));
        const QString where = escaped(place(s, o->file, o->line));
        md += (o->namespaceName.empty() ? DetailsPane::tr("On %1 · %2").arg(what, where)
                                        : DetailsPane::tr("On %1 in namespace %2 · %3")
                                              .arg(what, code(q(o->namespaceName)), where)) +
              QStringLiteral("\n\n");
    } else if (const auto *ns = model->findingNamespaceAt(index)) {
        md += DetailsPane::tr("On namespace %1").arg(code(q(ns->name))) + QStringLiteral("\n\n");
    }
    md += QStringLiteral("### ") + DetailsPane::tr("What was found") + QStringLiteral("\n\n");
    md += QStringLiteral("**%1** — %2\n\n").arg(cut(q(finding->reason)), cut(q(finding->detail)));
    if (!finding->fields.empty()) {
        const auto *selected = model->findingFieldAt(index);
        md += QStringLiteral("| ") + DetailsPane::tr("Field") + QStringLiteral(" | ") +
              DetailsPane::tr("Value") + QStringLiteral(" | ") + DetailsPane::tr("Place") +
              QStringLiteral(" |\n|---|---|---|\n");
        for (const auto &f : finding->fields) {
            QString value = !f.present          ? DetailsPane::tr("not set")
                            : f.value == "null" ? DetailsPane::tr("value not shown")
                                                : code(cut(q(f.value)));
            QString path = code(q(f.path));
            if (&f == selected)
                path = QStringLiteral("**") + path + QStringLiteral("**");
            const QString where =
                f.file.empty() ? DetailsPane::tr("line %1").arg(f.line)
                               : DetailsPane::tr("%1 line %2").arg(escaped(q(f.file))).arg(f.line);
            md += QStringLiteral("| %1 | %2 | %3 |\n").arg(path, value, where);
        }
        md += QLatin1Char('\n');
    }
    // Objects of other kinds have no decisions with choices (spec/checklist.md §4).
    md += whatToDo(rule, offerFix && !model->objectAt(index));
    const QString text = DetailsPane::explanation(rule.explanationKey);
    if (!text.isEmpty())
        md += QStringLiteral("---\n\n") + text + QStringLiteral("\n\n");
    return md;
}

/// A list of findings, one line each: severity, rule, reason.
QString findingList(const std::vector<Engine::Finding> &findings, Cut &cut)
{
    QString md;
    for (const auto &f : findings) {
        md += QStringLiteral("- %1 %2: %3\n")
                  .arg(severityLine(f.severity()),
                       code(q(std::string(f.rule ? f.rule->id : std::string_view()))),
                       cut(q(f.reason)));
    }
    return md.isEmpty() ? md : md + QLatin1Char('\n');
}

} // namespace

QString DetailsPane::checklistMarkdownFor(const WorkloadTreeModel *model, const QModelIndex &index,
                                          int textLimit, bool *cutAny, bool offerFix)
{
    Cut cut{textLimit};
    QString md;
    const int type = index.data(WorkloadTreeModel::NodeTypeRole).toInt();
    using NodeType = WorkloadTreeModel::NodeType;
    if (model->findingAt(index)) {
        md = findingMarkdown(model, index, cut, offerFix);
    } else if (const auto *o = model->objectAt(index)) {
        md = QStringLiteral("## ") + escaped(q(o->kind + ' ' + o->name)) + QStringLiteral("\n\n");
        if (!o->namespaceName.empty())
            md += tr("Namespace %1").arg(code(q(o->namespaceName))) + QStringLiteral(" · ");
        md += escaped(place(*model->snapshot(), o->file, o->line)) + QStringLiteral("\n\n");
        md += QStringLiteral("### ") + tr("Checklist findings") + QStringLiteral("\n\n");
        md += findingList(o->checklist, cut);
    } else if (type == int(NodeType::ClusterScope)) {
        md = QStringLiteral("## ") + tr("Cluster-scoped objects") + QStringLiteral("\n\n") +
             tr("Objects without a namespace that carry a checklist finding.") +
             QStringLiteral("\n\n");
    } else if (const auto *w = model->workloadAt(index);
               w && !model->fieldAt(index) && !model->containerAt(index)) {
        if (!w->id().checklist.empty())
            md = QStringLiteral("### ") + tr("Checklist findings") + QStringLiteral("\n\n") +
                 findingList(w->id().checklist, cut);
    } else if (const auto *ns = model->namespaceAt(index)) {
        if (!ns->checklist.empty())
            md = QStringLiteral("### ") + tr("Checklist findings of the namespace") +
                 QStringLiteral("\n\n") + findingList(ns->checklist, cut);
    }
    if (cutAny)
        *cutAny = *cutAny || cut.cut;
    return md;
}

} // namespace PodSec::Ui
