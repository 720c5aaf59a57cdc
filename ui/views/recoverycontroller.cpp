// SPDX-License-Identifier: Apache-2.0
#include "recoverycontroller.h"

#include "editor/documentset.h"
#include "models/workspace.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace PodSec::Ui {

RecoveryController::RecoveryController(Workspace *workspace, DocumentSet *documents,
                                       QWidget *dialogParent, RecoveryStore store)
    : QObject(dialogParent), m_workspace(workspace), m_documents(documents),
      m_dialogParent(dialogParent), m_store(std::move(store)), m_timer(new QTimer(this))
{
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &RecoveryController::keepNow);
    m_timer->start();
    connect(m_documents, &DocumentSet::cleaned, this, &RecoveryController::fileCleaned);
}

void RecoveryController::setInterval(int ms)
{
    m_timer->start(ms);
}

void RecoveryController::keepNow()
{
    if (m_workspace->isReadOnly())
        return;
    QSet<QString> dirtyPaths;
    for (int file : m_documents->dirtyFiles()) {
        const QString path = QFileInfo(m_workspace->paths().value(file)).absoluteFilePath();
        dirtyPaths.insert(path);
        const QString text = m_documents->textWithLineEnds(file);
        const size_t hash = qHash(text);
        if (const auto kept = m_kept.constFind(path); kept != m_kept.cend() && *kept == hash)
            continue; // unchanged since it was last kept
        if (m_store.keep(path, text))
            m_kept.insert(path, hash);
    }
    // Files whose edits were undone back to nothing, or dropped with a workspace.
    for (auto it = m_kept.begin(); it != m_kept.end();) {
        if (dirtyPaths.contains(it.key())) {
            ++it;
            continue;
        }
        m_store.forget(it.key());
        it = m_kept.erase(it);
    }
}

void RecoveryController::fileCleaned(int file)
{
    const QString path = QFileInfo(m_workspace->paths().value(file)).absoluteFilePath();
    if (m_kept.remove(path))
        m_store.forget(path);
}

void RecoveryController::forgetAll()
{
    for (auto it = m_kept.cbegin(); it != m_kept.cend(); ++it)
        m_store.forget(it.key());
    m_kept.clear();
}

int RecoveryController::offerRecovery()
{
    if (m_workspace->isReadOnly())
        return 0;
    QHash<QString, int> files;
    for (int f = 0; f < int(m_workspace->paths().size()); ++f)
        files.insert(QFileInfo(m_workspace->paths()[f]).absoluteFilePath(), f);
    QVector<RecoveryStore::Entry> found;
    QStringList paths;
    for (const auto &e : m_store.orphans()) {
        if (files.contains(e.path)) {
            found << e;
            paths << e.path;
        }
    }
    if (found.isEmpty())
        return 0;
    const Choice choice = m_prompt ? m_prompt(paths) : ask(paths);
    if (choice == Choice::Later)
        return 0;
    int recovered = 0;
    for (const auto &e : std::as_const(found)) {
        if (choice == Choice::Recover) {
            // An undoable edit over the file as it is on disk now: Undo shows the disk's.
            m_documents->setUnsavedText(
                files.value(e.path),
                QString(e.text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")));
            ++recovered;
        }
        m_store.forget(e.path);
    }
    if (recovered)
        keepNow(); // they are this window's unsaved edits now
    return recovered;
}

RecoveryController::Choice RecoveryController::ask(const QStringList &paths)
{
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved edits?"),
                    tr("A PodSec Explorer window did not close normally and left unsaved edits "
                       "to %n file(s) of this workspace.",
                       nullptr, int(paths.size())),
                    QMessageBox::NoButton, m_dialogParent);
    box.setInformativeText(tr("Recover puts the edits back into the editor as unsaved changes "
                              "(Undo shows the file as it is on disk). Discard deletes them."));
    box.setDetailedText(paths.join(QLatin1Char('\n')));
    QPushButton *recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    QPushButton *later = box.addButton(tr("Ask &Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.setEscapeButton(later);
    box.exec();
    if (box.clickedButton() == recover)
        return Choice::Recover;
    if (box.clickedButton() == discard)
        return Choice::Discard;
    return Choice::Later;
}

} // namespace PodSec::Ui
