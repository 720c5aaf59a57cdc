// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <vector>

class QFileSystemWatcher;
class QTimer;

namespace PodSec::Ui {

/// Watches a workspace's files on disk the way editors and tools change them, and reports
/// what really changed, in batches:
/// - notifications are debounced: a burst (truncate, then write; a formatter rewriting a
///   folder) is read once it has been quiet for a moment;
/// - a file that is unlinked and recreated (git checkout), or renamed over (editors saving
///   atomically), is watched again: the folders are watched too, and every scan re-adds the
///   watches the system dropped;
/// - a file that vanishes, or is emptied, counts as gone only once it stayed so for a grace
///   period; a file still being written (its size or time moved while it was read) is read
///   again later;
/// - a file whose bytes are what was last loaded or written here is not a change, so the
///   window's own saves are not reported back to it.
class DiskWatcher final : public QObject
{
    Q_OBJECT

public:
    struct Change
    {
        /// Unreadable: the file is there but cannot be read (over the size limit, no
        /// longer a regular file, no permission); error says why and the file's content in
        /// the window stays as it was.
        enum Kind { Modified, Added, Removed, Unreadable };
        Kind kind = Modified;
        QString path;
        QByteArray bytes; ///< the new content (Modified, Added)
        QString error;    ///< Unreadable: why
    };

    explicit DiskWatcher(QObject *parent = nullptr);
    ~DiskWatcher() override;

    /// Starts watching: roots are what the user opened (files or folders, folders searched
    /// for manifests as the workspace does); files are the files read from them, with the
    /// bytes that were read.
    void watch(const QStringList &roots, const QStringList &files,
               const QVector<QByteArray> &contents);
    /// Stops watching and forgets every file.
    void clear();
    /// The window wrote these bytes to path: not a change by another program.
    void noteWritten(const QString &path, const QByteArray &bytes);
    /// Whether path is one of the files watched (read, reported or written here).
    bool isKnown(const QString &path) const { return m_known.contains(path); }
    /// Whether bytes are what was last read, reported or written for path: false when
    /// another program changed the file and the change was not reported yet.
    bool isLastKnown(const QString &path, const QByteArray &bytes) const;
    /// Quiet period before a burst of notifications is read, and how long a file may be
    /// missing or empty before it counts as removed (tests shorten both).
    void setTimings(int debounceMs, int graceMs);
    /// Files larger than this are not read but reported Unreadable (Workspace's limit).
    void setMaxFileSize(std::uint64_t bytes) { m_maxFileSize = bytes; }
    /// Scans now instead of waiting for a notification (Reload, tests).
    void scanNow();

    QStringList watchedFiles() const;
    QStringList watchedDirectories() const;

Q_SIGNALS:
    /// What changed since the last report, in path order.
    void changed(const QVector<PodSec::Ui::DiskWatcher::Change> &changes);
    /// What the walk of the roots could not take in (dangling links, FIFOs, unreadable
    /// folders) is no longer what it was.
    void walkProblemsChanged(const std::vector<PodSec::FileProblem> &problems);

private:
    struct Known
    {
        QByteArray hash;          ///< of the bytes last loaded, reported or written
        qint64 size = -1;         ///< stat of the file when hash was taken (-1: unknown)
        qint64 modified = -1;     ///< ms since the epoch
        qint64 missingSince = -1; ///< ms: missing (or emptied) since, -1 if present
    };

    void poke();
    void scan();
    /// Reads a file whose size and time held still while it was read, at most maxSize
    /// bytes; false if it is missing, unreadable or still being written. error: why it
    /// cannot be read at all (too large, not a regular file...), empty when it may be
    /// read later.
    static bool readStable(const QString &path, std::uint64_t maxSize, QByteArray *bytes,
                           qint64 *size, qint64 *modified, QString *error);
    void rewatch();

    QFileSystemWatcher *m_system;
    QTimer *m_debounce;
    QTimer *m_graceTimer;
    QStringList m_roots;
    QStringList m_folders;      ///< the folders the last walk of the roots searched
    QStringList m_walkProblems; ///< what the last walk could not take in (problemLine each)
    QHash<QString, Known> m_known;
    int m_graceMs = 2000;
    int m_retries = 0; ///< scans in a row that found a file in flux
    std::uint64_t m_maxFileSize = std::uint64_t(1) << 30;
};

} // namespace PodSec::Ui

Q_DECLARE_METATYPE(PodSec::Ui::DiskWatcher::Change)
