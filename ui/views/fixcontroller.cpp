// SPDX-License-Identifier: Apache-2.0
#include "fixcontroller.h"

#include "common/safefile.h"
#include "editor/documentset.h"
#include "engine/checklistfixes.h"
#include "engine/originfix.h"
#include "engine/workspacesnapshot.h"
#include "fixpreviewdialog.h"
#include "models/workspace.h"
#include "originfixdialog.h"
#include "rolloutplandialog.h"
#include "whatifdialog.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <set>
#include <string>

namespace PodSec::Ui {

namespace {

/// The checks that fail on a field: what fixing that finding fixes.
std::set<std::string> failingChecks(const FieldEntry &field)
{
    std::set<std::string> out;
    for (const auto &c : field.checks()) {
        if (!c.allowed)
            out.insert(std::string(c.checkId));
    }
    return out;
}

} // namespace

FixController::FixController(Workspace *workspace, DocumentSet *documents, QWidget *window)
    : QObject(window), m_workspace(workspace), m_documents(documents), m_window(window)
{}

std::vector<Engine::ChecklistDecision>
FixController::checklistDecisions(Scope scope, const WorkspaceSnapshot &snapshot,
                                  const WorkloadEntry *workload, const NamespaceEntry *ns,
                                  const QString &ruleId) const
{
    const auto &options = m_workspace->options();
    if (!options.checklist)
        return {};
    Engine::ChecklistFixRequest request;
    request.defaultNamespace = options.defaultNamespace;
    request.config = options.admissionConfig;
    const int index = workload ? snapshot.workloads.indexOf(workload) : -1;
    switch (scope) {
    case Scope::Field:
        if (!ruleId.isEmpty())
            request.only = {ruleId.toStdString()};
        else if (workload)
            return {}; // a Pod Security field
        [[fallthrough]];
    case Scope::Workload:
        if (workload)
            request.workloads = {index};
        else if (ns)
            request.namespaces = {ns->name};
        break;
    case Scope::File:
    case Scope::Workspace:
        // "Make … Restricted" over files is about Pod Security; a file or a workspace would
        // list a decision for nearly every workload. The checklist is decided finding by
        // finding, workload by workload, or namespace by namespace.
        return {};
    }
    auto decisions = Engine::planChecklistDecisions(snapshot, request);
    // A choice was planned on the evaluated bytes: when a file it changes was edited since,
    // it is left out (the decision stays, as text) rather than written to the wrong place.
    for (auto &d : decisions) {
        d.choices.erase(
            std::remove_if(
                d.choices.begin(), d.choices.end(),
                [&](const Engine::ChecklistChoice &c) {
                    return std::any_of(c.changes.begin(), c.changes.end(), [&](const auto &change) {
                        if (change.create)
                            return false;
                        const int f =
                            int(m_workspace->paths().indexOf(QString::fromStdString(change.path)));
                        return f < 0 || m_workspace->isFileReadOnly(f) ||
                               !m_documents->document(f) || m_documents->isLarge(f) ||
                               m_documents->textWithLineEnds(f).toStdString() !=
                                   snapshot.files[std::size_t(f)].text();
                    });
                }),
            d.choices.end());
    }
    return decisions;
}

void FixController::fix(Scope scope, std::shared_ptr<const WorkspaceSnapshot> snapshot,
                        const WorkloadEntry *workload, const FieldEntry *field, int file,
                        const NamespaceEntry *ns, const QString &ruleId)
{
    if (m_workspace->isReadOnly()) {
        Q_EMIT message(
            tr("This workspace is a cluster, which is only read. Fix the manifests it came from."));
        return;
    }
    if (!snapshot)
        return;
    if (scope != Scope::Workspace && file < 0 && !ns)
        return;
    const bool namespaceRow = !workload && ns;
    if ((scope == Scope::Field || scope == Scope::Workload) && !workload && !namespaceRow)
        return;
    // A checklist finding's row: its rule alone, no Pod Security fixes.
    const bool checklistRow = scope == Scope::Field && !ruleId.isEmpty();

    if (scope != Scope::Workspace && !checklistRow && !namespaceRow &&
        m_workspace->isFileReadOnly(file)) {
        fixOrigins(*snapshot, file, scope == Scope::Field ? field : nullptr);
        return;
    }
    std::vector<FixTarget> targets;
    auto addTarget = [&](int f) -> FixTarget * {
        if (m_workspace->isFileReadOnly(f))
            return nullptr; // a rendering: nothing of it is the user's text
        if (m_documents->isLarge(f)) {
            Q_EMIT message(tr("%1 is too large to fix in the window; use podsec fix")
                               .arg(m_workspace->paths().value(f)));
            return nullptr;
        }
        if (!m_documents->document(f))
            return nullptr;
        FixTarget t;
        t.file = f;
        t.path = m_workspace->paths().value(f).toStdString();
        t.name = QFileInfo(m_workspace->paths().value(f)).fileName();
        t.text = m_documents->textWithLineEnds(f).toStdString();
        targets.push_back(std::move(t));
        return &targets.back();
    };
    if (scope == Scope::Workspace) {
        for (int f = 0; f < int(m_workspace->paths().size()); ++f)
            addTarget(f);
    } else if (checklistRow || namespaceRow) {
        // Only the checklist's decisions: the files they change are added below.
    } else if (FixTarget *t = addTarget(file)) {
        if (scope != Scope::File)
            t->options.object = std::pair{workload->id().document, workload->id().item};
        if (scope == Scope::Field && field) {
            t->options.only = failingChecks(*field);
            if (t->options.only.empty())
                return;
        }
    }
    QApplication::setOverrideCursor(Qt::WaitCursor); // it may read every file once
    auto checklist = checklistDecisions(scope, *snapshot, workload, ns, ruleId);
    QApplication::restoreOverrideCursor();
    // The files the checklist's choices change or create become targets too (nothing of
    // Pod Security is fixed in those brought in only for them).
    for (const auto &d : checklist) {
        for (const auto &c : d.choices) {
            for (const auto &change : c.changes) {
                if (std::any_of(targets.begin(), targets.end(),
                                [&](const FixTarget &t) { return t.path == change.path; }))
                    continue;
                FixTarget *t = nullptr;
                if (change.create) {
                    targets.emplace_back();
                    t = &targets.back();
                    t->path = change.path;
                    t->name = QFileInfo(QString::fromStdString(change.path)).fileName();
                    t->create = true;
                } else {
                    t = addTarget(
                        int(m_workspace->paths().indexOf(QString::fromStdString(change.path))));
                }
                if (t)
                    t->options.only = {"-"}; // no check has this id
            }
        }
    }
    if (targets.empty() && checklist.empty())
        return;
    const Policy::LevelVersion restricted{Policy::Level::Restricted, snapshot->version};
    FixPreviewDialog dialog(std::move(targets), restricted, m_window, std::move(checklist));
    if (dialog.exec() != QDialog::Accepted)
        return;
    apply(dialog.results());
}

void FixController::apply(const std::vector<FixPreviewDialog::Result> &results)
{
    int changed = 0;
    for (const auto &r : results) {
        if (r.file < 0)
            continue;
        replaceText(m_documents->document(r.file), QString::fromStdString(r.after));
        ++changed;
    }
    const QStringList created = createFiles(results);
    if (changed)
        Q_EMIT message(tr("Applied fixes to %n file(s); not saved yet", nullptr, changed) +
                       (created.isEmpty()
                            ? QString()
                            : QStringLiteral("; ") +
                                  tr("created %1").arg(created.join(QStringLiteral(", ")))));
    else if (!created.isEmpty())
        Q_EMIT message(tr("Created %1").arg(created.join(QStringLiteral(", "))));
}

int FixController::offerReplacements(const QString &title, std::vector<FixTarget> targets)
{
    if (m_workspace->isReadOnly())
        return 0;
    std::vector<FixTarget> offered;
    for (auto &t : targets) {
        if (!t.create) {
            if (t.file < 0 || m_workspace->isFileReadOnly(t.file) || !m_documents->document(t.file))
                continue;
            t.text = m_documents->textWithLineEnds(t.file).toStdString();
            t.path = m_workspace->paths().value(t.file).toStdString();
        }
        if (t.name.isEmpty())
            t.name = QFileInfo(QString::fromStdString(t.path)).fileName();
        offered.push_back(std::move(t));
    }
    if (offered.empty())
        return 0;
    FixPreviewDialog dialog(std::move(offered),
                            {Policy::Level::Restricted, Policy::Version::latest()}, m_window);
    dialog.setWindowTitle(title);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    const auto results = dialog.results();
    apply(results);
    return int(results.size());
}

QStringList FixController::createFiles(const std::vector<FixPreviewDialog::Result> &results)
{
    QStringList written, refused;
    for (const auto &r : results) {
        if (r.file >= 0)
            continue;
        const QString path = QString::fromStdString(r.path);
        std::string error;
        if (QFileInfo::exists(path))
            error = tr("a file of that name appeared meanwhile").toStdString();
        else if (writeFileSafely(r.path, r.after, error))
            written << path;
        if (!error.empty())
            refused << path + QStringLiteral(": ") + QString::fromStdString(error);
    }
    if (!refused.isEmpty())
        QMessageBox::warning(m_window, tr("Not written"), refused.join(QLatin1Char('\n')));
    return written;
}

void FixController::fixOrigins(const WorkspaceSnapshot &snapshot, int file, const FieldEntry *field)
{
    const RootEntry *root = m_workspace->renderRoot(file);
    if (!root || !root->rendering || root->tool != Render::Tool::Kustomize) {
        Q_EMIT message(tr("%1 is rendered by Helm: fix the chart's templates or values "
                          "(podsec fix lists where)")
                           .arg(m_workspace->paths().value(file)));
        return;
    }
    const std::set<std::string> only = field ? failingChecks(*field) : std::set<std::string>{};
    if (field && only.empty())
        return;
    const Policy::LevelVersion restricted{Policy::Level::Restricted, snapshot.version};
    std::map<std::string, std::string> pending;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = Engine::fixOrigins(*root->rendering, restricted, only,
                                           m_workspace->renderOptions(), pending);
    QApplication::restoreOverrideCursor();
    const QString name = QString::fromStdString(root->path);
    OriginFixDialog dialog(name, result, m_window);
    if (dialog.exec() != QDialog::Accepted || result.files.empty())
        return;
    QStringList written, refused;
    for (const auto &f : result.files) {
        std::string error;
        if (replaceFileContent(f.path, f.before, f.after, {}, m_workspace->maxFileSize(), error))
            written << QString::fromStdString(f.path);
        else
            refused << QString::fromStdString(f.path + ": " + error);
    }
    if (!refused.isEmpty())
        QMessageBox::warning(m_window, tr("Not written"), refused.join(QLatin1Char('\n')));
    if (!written.isEmpty()) {
        Q_EMIT message(
            tr("Wrote %1; rendering %2 again").arg(written.join(QStringLiteral(", ")), name));
        Q_EMIT originFilesWritten();
    }
}

void FixController::replaceText(QTextDocument *document, const QString &text)
{
    QString after = text;
    after.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QString before = document->toPlainText();
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(before.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(after.mid(prefix, after.size() - prefix - suffix));
    cursor.endEditBlock();
}

void FixController::whatIf(std::shared_ptr<const WorkspaceSnapshot> snapshot,
                           const NamespaceEntry *ns)
{
    if (!snapshot)
        return;
    if (!ns) {
        Q_EMIT message(tr("Select a namespace (or something in it) first."));
        return;
    }
    WhatIfDialog::Input input;
    input.ns = ns->name;
    input.currentLabels = ns->labels;
    for (int f = 0; f < int(m_workspace->paths().size()); ++f)
        input.texts.emplace_back(m_workspace->fileBytes(f));
    input.defaultNamespace = m_workspace->options().defaultNamespace;
    input.config = m_workspace->options().admissionConfig;
    // The strictest level every current workload meets, from the snapshot's verdicts.
    bool allRestricted = true, allBaseline = true;
    for (int w : ns->workloads) {
        const auto &entry = snapshot->workloads[std::size_t(w)];
        allRestricted &= entry.verdicts[int(Column::Restricted)] != Verdict::Fail;
        allBaseline &= entry.verdicts[int(Column::Baseline)] != Verdict::Fail;
    }
    input.strictestMet =
        QStringLiteral("%1:%2").arg(QLatin1String(allRestricted ? "restricted"
                                                  : allBaseline ? "baseline"
                                                                : "privileged"),
                                    QString::fromStdString(snapshot->version.toString()));
    WhatIfDialog dialog(std::move(input), m_window);
    dialog.exec();
}

void FixController::rolloutPlan(std::shared_ptr<const WorkspaceSnapshot> snapshot)
{
    if (!snapshot)
        return;
    RolloutPlanDialog::Input input;
    input.snapshot = std::move(snapshot);
    input.defaultNamespace = m_workspace->options().defaultNamespace;
    input.config = m_workspace->options().admissionConfig;
    RolloutPlanDialog dialog(std::move(input), m_window);
    dialog.exec();
}

} // namespace PodSec::Ui
