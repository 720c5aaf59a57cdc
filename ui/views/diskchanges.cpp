// SPDX-License-Identifier: Apache-2.0
#include "diskchanges.h"

#include "editor/documentset.h"
#include "fix/unifieddiff.h"
#include "models/workspace.h"
#include "selectionsync.h"
#include "zoomfonts.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace PodSec::Ui {

DiskChangeController::DiskChangeController(Workspace *workspace, DocumentSet *documents,
                                           SelectionSync *sync, QWidget *dialogParent)
    : QObject(dialogParent), m_workspace(workspace), m_documents(documents), m_sync(sync),
      m_dialogParent(dialogParent)
{
    connect(m_documents->diskWatcher(), &DiskWatcher::changed, this,
            &DiskChangeController::onChanged);
    // Dangling links, FIFOs and unreadable folders that come and go (the Problems panel).
    connect(m_documents->diskWatcher(), &DiskWatcher::walkProblemsChanged, m_workspace,
            &Workspace::setWalkProblems);
}

void DiskChangeController::onChanged(const QVector<DiskWatcher::Change> &changes)
{
    if (m_workspace->isReadOnly())
        return;
    std::vector<Workspace::DiskUpdate> updates;
    QStringList kept;
    QStringList unreadable;
    // An older change of a file that went away or cannot be read is no longer on disk: it is
    // not asked about (nor taken) once the question being asked is answered.
    const auto dropQueued = [this](const QString &path) {
        m_conflicts.removeIf([&](const DiskWatcher::Change &q) { return q.path == path; });
    };
    for (const DiskWatcher::Change &c : changes) {
        const int file = int(m_workspace->paths().indexOf(c.path));
        if (c.kind == DiskWatcher::Change::Unreadable) {
            unreadable << tr("%1: cannot read: %2").arg(c.path, c.error);
            // What the window shows of it stays as it was; its edits stay unsaved.
            m_documents->keepOverDisk(file);
            dropQueued(c.path);
            continue;
        }
        const bool dirty = file >= 0 && m_documents->isDirty(file);
        if (!dirty) {
            updates.push_back({c.path, c.kind == DiskWatcher::Change::Removed
                                           ? std::nullopt
                                           : std::optional<QByteArray>(c.bytes)});
            continue;
        }
        if (c.kind == DiskWatcher::Change::Removed) {
            kept << c.path; // the edits stay; saving writes the file again
            m_documents->keepOverDisk(file);
            dropQueued(c.path);
            continue;
        }
        // Only the newest disk content of a file is asked about.
        auto same = std::find_if(m_conflicts.begin(), m_conflicts.end(),
                                 [&](const DiskWatcher::Change &q) { return q.path == c.path; });
        if (same != m_conflicts.end())
            *same = c;
        else
            m_conflicts.push_back(c);
    }
    if (!updates.empty()) {
        const std::vector<int> touched = m_workspace->applyDiskUpdates(updates);
        m_documents->growToWorkspace();
        for (int file : touched)
            m_sync->reloadFromWorkspace(file);
        QStringList names;
        for (const auto &u : updates)
            names << QFileInfo(u.path).fileName();
        Q_EMIT message(tr("Changed on disk, reloaded: %1").arg(names.join(QStringLiteral(", "))));
        Q_EMIT filesChanged();
    }
    if (!unreadable.isEmpty())
        Q_EMIT message(
            tr("Changed on disk but not read: %1").arg(unreadable.join(QStringLiteral("; "))));
    if (!kept.isEmpty())
        Q_EMIT message(tr("Deleted on disk: %1. Your unsaved edits are kept; saving writes the "
                          "file again.")
                           .arg(kept.join(QStringLiteral(", "))));
    resolveConflicts();
}

void DiskChangeController::resolveConflicts()
{
    if (m_resolving)
        return; // the question being asked takes the newer changes in turn
    const QScopedValueRollback resolving(m_resolving, true);
    while (!m_conflicts.isEmpty()) {
        const DiskWatcher::Change c = m_conflicts.takeFirst();
        const int file = int(m_workspace->paths().indexOf(c.path));
        if (file < 0)
            continue;
        Choice choice = Choice::TakeTheirs;
        // The disk may hold exactly what saving would write (the same edit made and saved
        // in another editor): nothing to ask, nothing unsaved.
        const bool dirty = m_documents->isDirty(file);
        const bool mineOnDisk = dirty && m_documents->bytesToSave(file) == c.bytes;
        if (dirty && !mineOnDisk) {
            const QString mine = m_documents->textWithLineEnds(file);
            const QString theirs = QString::fromUtf8(c.bytes);
            choice = m_resolver ? m_resolver(c.path, mine, theirs) : ask(c.path, mine, theirs);
        }
        if (choice == Choice::KeepMine) {
            m_documents->keepOverDisk(file);
            Q_EMIT message(tr("%1 changed on disk; your edits are kept. Saving overwrites the "
                              "file on disk.")
                               .arg(c.path));
            continue;
        }
        m_workspace->applyDiskUpdates({{c.path, c.bytes}});
        m_sync->reloadFromWorkspace(file);
        Q_EMIT message(mineOnDisk
                           ? tr("%1 on disk now holds your edits; nothing is unsaved.").arg(c.path)
                           : tr("%1 reloaded from disk; Undo brings your edits back.").arg(c.path));
        Q_EMIT filesChanged();
    }
}

DiskChangeController::Choice DiskChangeController::ask(const QString &path, const QString &mine,
                                                       const QString &theirs)
{
    for (;;) {
        QMessageBox box(QMessageBox::Warning, tr("File changed on disk"),
                        tr("%1 was changed on disk by another program, and you have unsaved "
                           "edits in it.")
                            .arg(path),
                        QMessageBox::NoButton, m_dialogParent);
        box.setInformativeText(tr("Keep your edits (saving then overwrites the file on disk), or "
                                  "take the version on disk (your edits stay one Undo away)."));
        QPushButton *keep = box.addButton(tr("&Keep My Edits"), QMessageBox::RejectRole);
        QPushButton *take = box.addButton(tr("&Take Version on Disk"), QMessageBox::AcceptRole);
        QPushButton *diff = box.addButton(tr("Show &Differences"), QMessageBox::ActionRole);
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
        box.exec();
        if (box.clickedButton() == take)
            return Choice::TakeTheirs;
        if (box.clickedButton() != diff)
            return Choice::KeepMine;
        QDialog dialog(m_dialogParent);
        dialog.setWindowTitle(tr("Your edits and the version on disk"));
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(new QLabel(
            tr("Lines marked − are your unsaved edits; lines marked + are on disk."), &dialog));
        auto *text = new QPlainTextEdit(&dialog);
        text->setReadOnly(true);
        text->setFont(zoomingMonospaceFont());
        const std::string d = Fix::unifiedDiff(mine.toStdString(), theirs.toStdString(),
                                               QFileInfo(path).fileName().toStdString());
        text->setPlainText(d.empty() ? tr("No difference.") : QString::fromStdString(d));
        layout->addWidget(text);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        layout->addWidget(buttons);
        dialog.resize(900, 600);
        dialog.exec();
    }
}

} // namespace PodSec::Ui
