// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "models/diskwatcher.h"

#include <QObject>
#include <QVector>

#include <functional>

class QWidget;

namespace PodSec::Ui {

class DocumentSet;
class SelectionSync;
class Workspace;

/// Takes what other programs changed on disk into the window without losing an edit:
/// files without unsaved edits are reloaded (each one Undo away from the text they had),
/// new files in an opened folder are added and removed files dropped; a file with unsaved
/// edits is never reloaded behind the user's back: they choose to keep their edits or take
/// the version on disk (after seeing the difference if they like), one file at a time.
class DiskChangeController final : public QObject
{
    Q_OBJECT

public:
    enum class Choice { KeepMine, TakeTheirs };
    /// Asks what to do with a file that has unsaved edits and changed on disk.
    using Resolver =
        std::function<Choice(const QString &path, const QString &mine, const QString &theirs)>;

    DiskChangeController(Workspace *workspace, DocumentSet *documents, SelectionSync *sync,
                         QWidget *dialogParent);

    /// Replaces the question (tests answer it without a dialog).
    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }
    /// Changes that wait for an answer about unsaved edits.
    int pendingConflicts() const { return int(m_conflicts.size()); }

Q_SIGNALS:
    /// Something the user should read in the status bar.
    void message(const QString &text);
    /// Files were reloaded, added or removed (the window updates its counts).
    void filesChanged();

private:
    void onChanged(const QVector<DiskWatcher::Change> &changes);
    void resolveConflicts();
    Choice ask(const QString &path, const QString &mine, const QString &theirs);

    Workspace *m_workspace;
    DocumentSet *m_documents;
    SelectionSync *m_sync;
    QWidget *m_dialogParent;
    Resolver m_resolver;
    QVector<DiskWatcher::Change> m_conflicts; ///< newest disk content per dirty file
    bool m_resolving = false;
};

} // namespace PodSec::Ui
