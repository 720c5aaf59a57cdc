// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "editor/recoverystore.h"

#include <QHash>
#include <QObject>

#include <functional>

class QTimer;
class QWidget;

namespace PodSec::Ui {

class DocumentSet;
class Workspace;

/// The crash safety net: every few seconds the texts of files with unsaved edits are kept
/// in a RecoveryStore, a file's record goes when it is saved or reloaded, and every record
/// of this window goes when it closes normally. Opening a workspace offers the edits a
/// window that did not close normally left for its files.
class RecoveryController final : public QObject
{
    Q_OBJECT

public:
    /// What to do with edits found from an earlier session.
    enum class Choice { Recover, Discard, Later };
    using Prompt = std::function<Choice(const QStringList &paths)>;

    RecoveryController(Workspace *workspace, DocumentSet *documents, QWidget *dialogParent,
                       RecoveryStore store = RecoveryStore());

    /// Replaces the question (tests answer it without a dialog).
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    void setInterval(int ms);
    /// Keeps the unsaved texts now (the timer does so every few seconds).
    void keepNow();
    /// After a workspace was opened: offers the edits earlier sessions left for its files.
    /// Returns how many files were recovered.
    int offerRecovery();
    /// The window closes normally (edits saved or knowingly discarded): forgets every
    /// record of this window.
    void forgetAll();
    const RecoveryStore &store() const { return m_store; }

private:
    void fileCleaned(int file);
    Choice ask(const QStringList &paths);

    Workspace *m_workspace;
    DocumentSet *m_documents;
    QWidget *m_dialogParent;
    RecoveryStore m_store;
    QTimer *m_timer;
    Prompt m_prompt;
    QHash<QString, size_t> m_kept; ///< path -> hash of the text last kept
};

} // namespace PodSec::Ui
