// SPDX-License-Identifier: Apache-2.0
#include "detailspane.h"

#include "engine/namespacenumbers.h"

#include "markdowntexts.h"
#include "zoomfonts.h"

#include "accessdetails.h"
#include "models/badgeproxymodel.h"
#include "models/workloadtreemodel.h"

#include <QFile>
#include <QLocale>
#include <QScrollBar>
#include <QUrl>

#include <set>

namespace PodSec::Ui {

namespace {

using Markdown::code;
using Markdown::escaped;
using Markdown::q;
using Markdown::Texts;

const char *const ColumnNames[] = {QT_TRANSLATE_NOOP("PodSec::Ui::DetailsPane", "Baseline"),
                                   QT_TRANSLATE_NOOP("PodSec::Ui::DetailsPane", "Restricted"),
                                   QT_TRANSLATE_NOOP("PodSec::Ui::DetailsPane", "Enforce"),
                                   QT_TRANSLATE_NOOP("PodSec::Ui::DetailsPane", "Audit"),
                                   QT_TRANSLATE_NOOP("PodSec::Ui::DetailsPane", "Warn")};

QString columnName(int c)
{
    return DetailsPane::tr(ColumnNames[c]);
}

QString modeMessages(const WorkloadEntry &w, Texts &texts)
{
    QString md;
    const auto &a = w.admission;
    md += QStringLiteral("### ") + DetailsPane::tr("What the API server would say") +
          QStringLiteral("\n\n");
    if (a.exempt != Admission::Exemption::None) {
        md += DetailsPane::tr("Exempt (%1): no mode applies.")
                  .arg(QLatin1String(Admission::exemptionName(a.exempt))) +
              QStringLiteral("\n\n");
        return md;
    }
    struct Mode
    {
        QString name;
        Column column;
    };
    for (const Mode &m : {Mode{DetailsPane::tr("Enforce"), Column::Enforce},
                          Mode{DetailsPane::tr("Audit"), Column::Audit},
                          Mode{DetailsPane::tr("Warn"), Column::Warn}}) {
        const ModeVerdict &result = *a.mode(m.column);
        md += QStringLiteral("- **%1** %2: ").arg(m.name, code(q(result.policy.toString())));
        if (!result.applies) {
            md += m.column == Column::Enforce
                      ? DetailsPane::tr("not applied (enforce only rejects Pods)")
                      : DetailsPane::tr("not sent (the request is rejected)");
        } else if (result.allowed) {
            md += DetailsPane::tr("passes");
        } else {
            QString text = q(w.message(m.column));
            if (m.column == Column::Warn)
                text = QStringLiteral("Warning: ") + text;
            md += QStringLiteral("\n\n  > ") + texts(text);
        }
        md += QLatin1Char('\n');
    }
    if (!a.policyError.empty())
        md += QStringLiteral("\n") +
              DetailsPane::tr("Namespace labels: %1").arg(texts(q(a.policyError))) +
              QLatin1Char('\n');
    return md + QLatin1Char('\n');
}

const Policy::CheckResult *findResult(const Policy::Evaluation &e, std::string_view id)
{
    for (const auto &r : e.results) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent) : QTextBrowser(parent)
{
    setOpenExternalLinks(false);
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("podsec") && url.path() == QLatin1String("fix"))
            Q_EMIT fixRequested();
        else if (url.scheme() == QLatin1String("podsec") && url.path() == QLatin1String("more"))
            showMore();
        else if (const QString key = AccessDetails::keyOfLink(url); !key.isEmpty())
            Q_EMIT accessRequested(key);
    });
    setPlaceholderText(tr("Select a namespace, workload or field to see why it passes or fails."));
}

QString DetailsPane::explanation(std::string_view checkId)
{
    const QString id = QString::fromLatin1(checkId.data(), qsizetype(checkId.size()));
    const QString locale = QLocale().name();
    for (const QString &path : {QStringLiteral(":/explanations/%1/%2.md").arg(locale, id),
                                QStringLiteral(":/explanations/%1.md").arg(id)}) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            QString text = QString::fromUtf8(f.readAll());
            // Demote headings so they sit below the pane's own.
            text.replace(QStringLiteral("\n## "), QStringLiteral("\n#### "));
            if (text.startsWith(QStringLiteral("# ")))
                text = QStringLiteral("### ") + text.mid(2);
            return text;
        }
    }
    return {};
}

QString DetailsPane::elided(const QString &text, int limit, bool *cut)
{
    if (cut)
        *cut = false;
    if (limit <= 0 || text.size() <= limit)
        return text;
    if (cut)
        *cut = true;
    // Most of the room for the start (the first findings), the rest for the end (what the
    // message says after the list).
    const qsizetype headRoom = limit * 2 / 3;
    const qsizetype tailRoom = limit - headRoom;
    const QLatin1String separator(", ");
    const qsizetype headEnd = text.lastIndexOf(separator, headRoom);
    const qsizetype tailStart = text.indexOf(separator, text.size() - tailRoom);
    if (headEnd > 0 && tailStart > headEnd) {
        // The items between the two separators kept: one per separator from headEnd on.
        const int items = int(QStringView(text).mid(headEnd, tailStart - headEnd).count(separator));
        return text.left(headEnd + 2) + tr("… %Ln more …", nullptr, items) + separator +
               text.mid(tailStart + 2);
    }
    const int characters = int(text.size() - headRoom - tailRoom);
    return text.left(headRoom) + QLatin1Char(' ') +
           tr("… %Ln more characters …", nullptr, characters) + QLatin1Char(' ') +
           text.right(tailRoom);
}

namespace {

/// What the namespace's labels do to its workloads, and the controls failing most.
QString namespaceNumbersMarkdown(const WorkspaceSnapshot &snapshot, const NamespaceEntry &ns)
{
    const auto n = Engine::namespaceNumbers(snapshot, ns);
    if (n.workloads == 0)
        return {};
    QString md =
        QStringLiteral("\n- ") +
        DetailsPane::tr("Pods rejected by enforce: %1 of %n Pod(s)", nullptr, n.pods)
            .arg(n.podsRejected) +
        QStringLiteral("\n- ") +
        DetailsPane::tr("Controllers whose Pods enforce rejects: %1").arg(n.controllersRejected) +
        QStringLiteral("\n- ") +
        DetailsPane::tr("Warned about: %1 · audited: %2").arg(n.warned).arg(n.audited) +
        QStringLiteral("\n- ") +
        DetailsPane::tr("Failing restricted: %1 of %n workload(s)", nullptr, n.workloads)
            .arg(n.failRestricted) +
        QLatin1Char('\n');
    if (!n.topControls.empty()) {
        QStringList controls;
        for (const auto &[id, count] : n.topControls)
            controls << QStringLiteral("%1 (%2)").arg(code(q(id))).arg(count);
        md += QStringLiteral("- ") +
              DetailsPane::tr("Failing most at restricted: %1")
                  .arg(controls.join(QStringLiteral(", "))) +
              QLatin1Char('\n');
    }
    return md;
}

/// What each failing control guards against (the bundled explanations), one after another.
QString explanations(const std::set<std::string_view> &failing, bool first)
{
    QString md;
    for (auto id : failing) {
        const QString text = DetailsPane::explanation(id);
        if (text.isEmpty())
            continue;
        // After the verdicts a rule leads into each; before them one closes each.
        if (first)
            md += text + QStringLiteral("\n\n---\n\n");
        else
            md += QStringLiteral("---\n\n") + text + QStringLiteral("\n\n");
    }
    return md;
}

QString buildMarkdown(const WorkloadTreeModel *model, const QModelIndex &index, bool offerFix,
                      bool explanationFirst, Texts &texts)
{
    if (!model || !index.isValid())
        return {};
    QString md;
    if (const auto *ns = model->namespaceAt(index)) {
        md += QStringLiteral("## ") + DetailsPane::tr("Namespace %1").arg(q(ns->name)) +
              QStringLiteral("\n\n");
        if (!ns->declared)
            md += DetailsPane::tr("No Namespace object in the workspace: defaults apply.") +
                  QStringLiteral("\n\n");
        const auto &p = ns->policy;
        const char *modes[] = {"enforce", "audit", "warn"};
        for (int i = 0; i < 3; ++i) {
            const auto &lv = i == 0 ? p.enforce : i == 1 ? p.audit : p.warn;
            md += QStringLiteral("- %1: %2 %3\n")
                      .arg(QLatin1String(modes[i]), code(q(lv.toString())),
                           (p.levelLabel[i] || p.versionLabel[i]) ? DetailsPane::tr("(labelled)")
                                                                  : DetailsPane::tr("(default)"));
        }
        for (const auto &e : p.errors)
            md += QStringLiteral("- ") +
                  DetailsPane::tr("Invalid label: %1").arg(code(q(e.fieldError()))) +
                  QLatin1Char('\n');
        md += QStringLiteral("\n") +
              DetailsPane::tr("%n workload(s).", nullptr, int(ns->workloads.size())) +
              QLatin1Char('\n');
        md += namespaceNumbersMarkdown(*model->snapshot(), *ns);
        return md + QLatin1Char('\n') +
               AccessDetails::namespaceMarkdown(*model->snapshot(), ns->name);
    }
    // Failing workloads, containers and fields offer the fix (the window plans it).
    if (offerFix && index.data(WorkloadTreeModel::AnyFailRole).toBool())
        md += QStringLiteral("[%1](podsec:fix)\n\n").arg(DetailsPane::tr("Fix…"));
    const auto *w = model->workloadAt(index);
    if (!w)
        return {};
    const auto *field = model->fieldAt(index);
    const auto *container = model->containerAt(index);
    std::set<std::string_view> failing;
    if (field) {
        md += QStringLiteral("## ") + code(q(field->path())) + QStringLiteral("\n\n");
        // A live object is shown on its own, its lines counted from its first.
        const bool live =
            model->snapshot()->files[std::size_t(w->file)].path.rfind("cluster:", 0) == 0;
        md += DetailsPane::tr("Value: %1")
                  .arg(field->present() ? texts.code(q(field->value()))
                                        : DetailsPane::tr("not set")) +
              QStringLiteral(" · ") +
              DetailsPane::tr("line %1").arg(live ? int(field->line()) - int(w->id().line) + 1
                                                  : int(field->line())) +
              QStringLiteral("\n\n");
        for (const auto &c : field->checks()) {
            if (!c.allowed)
                failing.insert(c.checkId);
        }
        // The presenter view: what the controls guard against before the table of checks.
        if (explanationFirst)
            md += explanations(failing, true);
        md += QStringLiteral("| ") + DetailsPane::tr("Check") + QStringLiteral(" | ") +
              DetailsPane::tr("Policy") + QStringLiteral(" | ") + DetailsPane::tr("Verdict") +
              QStringLiteral(" |\n|---|---|---|\n");
        for (const auto &c : field->checks()) {
            const int col = static_cast<int>(c.column);
            md += QStringLiteral("| %1 | %2 | %3 |\n")
                      .arg(code(QString::fromLatin1(c.checkId.data(), qsizetype(c.checkId.size()))),
                           columnName(col),
                           BadgeProxyModel::verdictText(c.allowed ? Verdict::Pass : Verdict::Fail,
                                                        col + WorkloadTreeModel::BaselineColumn));
        }
        md += QLatin1Char('\n');
    } else {
        md += QStringLiteral("## ") + q(w->id().kind) + QLatin1Char(' ') + q(w->id().name);
        if (container)
            md += QStringLiteral(" · ") + q(container->name);
        const std::string &path = model->snapshot()->files[std::size_t(w->file)].path;
        md += QStringLiteral("\n\n") +
              (path.rfind("cluster:", 0) == 0
                   ? DetailsPane::tr("Namespace %1 · read from the cluster")
                         .arg(code(q(w->id().namespaceName)))
                   : DetailsPane::tr("Namespace %1 · %2 line %3")
                         .arg(code(q(w->id().namespaceName)), q(path))
                         .arg(w->id().line)) +
              QStringLiteral("\n\n");
        if (!container) {
            // Live objects: who controls this one, and what it controls.
            const auto &all = model->snapshot()->workloads;
            const int index = all.indexOf(w);
            const int owner = index < 0 ? -1 : all.owner(std::size_t(index));
            const auto &owned = all.owned(std::size_t(index < 0 ? all.size() : index));
            if (owner >= 0) {
                const auto &o = all[std::size_t(owner)];
                md += DetailsPane::tr("Controlled by %1.")
                          .arg(code(q(o.id().kind + ' ' + o.id().name))) +
                      QStringLiteral("\n\n");
            } else if (!w->id().controller.kind.empty()) {
                md += DetailsPane::tr("Controlled by %1, which was not read.")
                          .arg(code(q(w->id().controller.kind + ' ' + w->id().controller.name))) +
                      QStringLiteral("\n\n");
            }
            if (!owned.empty()) {
                int failing = 0;
                for (int i : owned) {
                    if (all[std::size_t(i)].verdicts[int(Column::Enforce)] == Verdict::Fail ||
                        all[std::size_t(i)].verdicts[int(Column::Restricted)] == Verdict::Fail)
                        ++failing;
                }
                md +=
                    DetailsPane::tr("Controls %n object(s) read from the cluster; %1 of them fail "
                                    "restricted or enforce.",
                                    nullptr, int(owned.size()))
                        .arg(failing) +
                    QStringLiteral("\n\n");
            }
        }
        for (const auto *e : {&w->baseline, &w->restricted}) {
            for (const auto &r : e->results) {
                if (!r.allowed)
                    failing.insert(r.id);
            }
        }
    }
    // The presenter view: what the controls guard against first, no scrolling to reach it
    // (a field's came before its table of checks).
    if (explanationFirst && !field)
        md += explanations(failing, true);
    // Reasons and details of the failing checks, at the selected version.
    // A field may fail only under a mode pinned to another level or version: no reason at the
    // selected one, and no heading over an empty list (its table and the modes tell why).
    QString reasons;
    for (auto id : failing) {
        const auto *r = findResult(w->restricted, id);
        if (!r || r->allowed)
            r = findResult(w->baseline, id);
        if (!r)
            continue;
        reasons += QStringLiteral("- %1 (%2): %3 (%4)\n")
                       .arg(code(QString::fromLatin1(id.data(), qsizetype(id.size()))),
                            QLatin1String(Policy::levelName(r->level)), texts(q(r->reason)),
                            texts(q(r->detail)));
    }
    if (!reasons.isEmpty()) {
        md += QStringLiteral("### ") + DetailsPane::tr("Why it fails") + QStringLiteral("\n\n") +
              reasons + QLatin1Char('\n');
    } else if (failing.empty() && w->id().hasTemplate) {
        md += DetailsPane::tr("Passes baseline and restricted at %1.")
                  .arg(code(q(w->restricted.policy.version.toString()))) +
              QStringLiteral("\n\n");
    }
    md += modeMessages(*w, texts);
    if (!field && !container)
        md += AccessDetails::workloadMarkdown(*model->snapshot(), *w);
    if (!explanationFirst)
        md += explanations(failing, false);
    return md;
}

} // namespace

QString DetailsPane::markdownFor(const WorkloadTreeModel *model, const QModelIndex &index,
                                 bool offerFix, int textLimit, bool *cut, bool explanationFirst)
{
    Texts texts{textLimit};
    bool checklistCut = false;
    QString md;
    if (model && (model->findingAt(index) || model->objectAt(index) ||
                  index.data(WorkloadTreeModel::NodeTypeRole).toInt() ==
                      int(WorkloadTreeModel::NodeType::ClusterScope))) {
        md = checklistMarkdownFor(model, index, textLimit, &checklistCut, offerFix);
    } else {
        md = buildMarkdown(model, index, offerFix, explanationFirst, texts);
        // A workload's or namespace's checklist findings, right below its heading.
        const QString checklist = model && model->showsChecklist()
                                      ? checklistMarkdownFor(model, index, textLimit, &checklistCut)
                                      : QString();
        const qsizetype heading = md.indexOf(QStringLiteral("## "));
        const qsizetype after = heading < 0 ? -1 : md.indexOf(QStringLiteral("\n\n"), heading);
        if (!checklist.isEmpty())
            md.insert(after < 0 ? md.size() : after + 2, checklist);
    }
    if (cut)
        *cut = texts.cut || checklistCut;
    return md;
}

void DetailsPane::showIndex(const WorkloadTreeModel *model, const QModelIndex &index, bool offerFix)
{
    m_model = model;
    m_index = index;
    m_offerFix = offerFix;
    m_textLimit = DefaultTextLimit;
    render();
}

void DetailsPane::setExplanationFirst(bool first)
{
    if (first == m_explanationFirst)
        return;
    m_explanationFirst = first;
    render();
}

void DetailsPane::showMore()
{
    if (m_textLimit <= 0)
        return;
    // Ten times as much each time; past a megabyte, everything.
    m_textLimit = m_textLimit >= 1000000 ? 0 : m_textLimit * 10;
    const int position = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(position);
}

void DetailsPane::render()
{
    setMarkdown(m_index.isValid() ? markdownFor(m_model, m_index, m_offerFix, m_textLimit, nullptr,
                                                m_explanationFirst)
                                  : QString());
    followZoom(document()); // code spans at the window's zoom too
}

} // namespace PodSec::Ui
