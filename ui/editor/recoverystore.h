// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QVector>

namespace PodSec::Ui {

/// Unsaved editor texts kept on disk so that a crash or a killed session loses nothing:
/// one private file (mode 0600, in a 0700 folder) per edited file, written atomically.
/// Each record names the process that wrote it, so a second window running at the same
/// time is not offered the first one's edits.
class RecoveryStore
{
public:
    struct Entry
    {
        QString path; ///< the workspace file the text belongs to
        QString text; ///< the editor's text when it was last kept
        qint64 savedAtMs = 0;
        qint64 pid = 0; ///< the process that kept it
    };

    /// dir: where records live (default: the application's data folder + "/recovery").
    explicit RecoveryStore(QString dir = {});

    const QString &directory() const { return m_dir; }
    /// Keeps text as the unsaved state of path; false if it could not be written.
    bool keep(const QString &path, const QString &text);
    /// Forgets path's record (saved, reloaded or discarded).
    void forget(const QString &path);
    /// Every record, oldest first.
    QVector<Entry> entries() const;
    /// The records left by processes that are no longer running.
    QVector<Entry> orphans() const;

private:
    QString recordPath(const QString &path) const;
    QString m_dir;
};

} // namespace PodSec::Ui
