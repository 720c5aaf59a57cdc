// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fixpreviewdialog.h"

#include <QObject>

#include <memory>
#include <vector>

class QTextDocument;
class QWidget;

namespace PodSec {
struct FieldEntry;
struct NamespaceEntry;
struct WorkloadEntry;
struct WorkspaceSnapshot;
} // namespace PodSec

namespace PodSec::Ui {

class DocumentSet;
class Workspace;

/// The dialogs that propose changes: fixing (planned by core/fix, previewed, and the
/// accepted result applied to the editor documents, one undo step per file; nothing is
/// saved; a Kustomize rendering's fixes go to the files its objects came from, written
/// when the person says so) and the namespace what-if (computed by core/admission).
class FixController final : public QObject
{
    Q_OBJECT

public:
    enum class Scope { Field, Workload, File, Workspace };

    /// window: the dialogs' parent.
    FixController(Workspace *workspace, DocumentSet *documents, QWidget *window);

    /// Fixes the failing checks of field (Field), the workload (Workload), its file or
    /// file (File), or every file (Workspace), towards restricted at the snapshot's version.
    /// With the checklist selected, its decisions come with their choices for a finding's
    /// row (Field: ruleId alone), a workload (Workload) or a namespace's row (ns set, no
    /// workload); not for a file or the workspace (Pod Security only there).
    void fix(Scope scope, std::shared_ptr<const WorkspaceSnapshot> snapshot,
             const WorkloadEntry *workload, const FieldEntry *field, int file,
             const NamespaceEntry *ns = nullptr, const QString &ruleId = {});
    /// Opens the what-if for a namespace of the snapshot.
    void whatIf(std::shared_ptr<const WorkspaceSnapshot> snapshot, const NamespaceEntry *ns);
    /// Fix → Rollout Plan for All Namespaces over the snapshot.
    void rolloutPlan(std::shared_ptr<const WorkspaceSnapshot> snapshot);

    /// Offers whole new texts for files (FixTarget::replacement: a lesson's solution) in the
    /// fix preview titled title: the difference to each file's current editor text, applied
    /// as one undo step per file; a target marked create is written as a new file on Apply.
    /// Returns the number of files changed or created (0 when cancelled).
    int offerReplacements(const QString &title, std::vector<FixTarget> targets);

    /// Replaces a document's text by text, in one edit block (one undo step), changing
    /// only the middle that differs so the cursor and the rest of the text stay put.
    static void replaceText(QTextDocument *document, const QString &text);

Q_SIGNALS:
    /// Something to tell in the status bar.
    void message(const QString &text);
    /// Files a rendered root came from were changed on disk: the roots need rendering again.
    void originFilesWritten();

private:
    /// Applies the accepted results of a preview (editor documents, new files) and says so.
    void apply(const std::vector<FixPreviewDialog::Result> &results);
    /// The checklist decisions of a scope (none when the checklist is not selected).
    std::vector<Engine::ChecklistDecision> checklistDecisions(Scope scope,
                                                              const WorkspaceSnapshot &snapshot,
                                                              const WorkloadEntry *workload,
                                                              const NamespaceEntry *ns,
                                                              const QString &ruleId) const;
    /// Writes the new files of the accepted results (a NetworkPolicy of its own); the
    /// folder watch adds them to the workspace. Returns the names written.
    QStringList createFiles(const std::vector<FixPreviewDialog::Result> &results);

    /// A rendering is not the user's text: its fixes are planned in the files its objects
    /// came from (Engine::fixOrigins), shown, and written on request.
    void fixOrigins(const WorkspaceSnapshot &snapshot, int file, const FieldEntry *field);

    Workspace *m_workspace;
    DocumentSet *m_documents;
    QWidget *m_window;
};

} // namespace PodSec::Ui
