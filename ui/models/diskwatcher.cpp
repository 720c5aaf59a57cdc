// SPDX-License-Identifier: Apache-2.0
#include "diskwatcher.h"

#include "workspace.h"

#include "common/fileinput.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace PodSec::Ui {

namespace {

QByteArray hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// A file changed less than this long ago may have changed again within the clock's
/// resolution without its size or time moving: it is read rather than trusted.
constexpr qint64 RecentMs = 2000;
/// How often a scan that found a file still being written (or unreadable) looks again on
/// its own.
constexpr int MaxRetries = 20;

} // namespace

DiskWatcher::DiskWatcher(QObject *parent)
    : QObject(parent), m_system(new QFileSystemWatcher(this)), m_debounce(new QTimer(this)),
      m_graceTimer(new QTimer(this))
{
    qRegisterMetaType<Change>();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    m_graceTimer->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &DiskWatcher::scan);
    connect(m_graceTimer, &QTimer::timeout, this, &DiskWatcher::scan);
    connect(m_system, &QFileSystemWatcher::fileChanged, this, &DiskWatcher::poke);
    connect(m_system, &QFileSystemWatcher::directoryChanged, this, &DiskWatcher::poke);
}

DiskWatcher::~DiskWatcher() = default;

void DiskWatcher::setTimings(int debounceMs, int graceMs)
{
    m_debounce->setInterval(debounceMs);
    m_graceMs = graceMs;
}

void DiskWatcher::watch(const QStringList &roots, const QStringList &files,
                        const QVector<QByteArray> &contents)
{
    clear();
    m_roots = roots;
    std::vector<FileProblem> problems;
    Workspace::collectFiles(m_roots, &problems, &m_folders);
    for (const auto &p : problems)
        m_walkProblems << QString::fromStdString(problemLine(p.path, p.diagnostic));
    for (qsizetype i = 0; i < files.size(); ++i) {
        Known known;
        const QFileInfo info(files[i]);
        if (info.isDir())
            continue; // the rendering of a Kustomize or Helm root, named by its folder
        if (info.exists()) {
            known.size = info.size();
            known.modified = info.lastModified().toMSecsSinceEpoch();
        } else {
            known.missingSince = nowMs(); // vanished between reading and watching
        }
        known.hash = hashOf(contents.value(i));
        m_known.insert(files[i], known);
    }
    rewatch();
    if (std::any_of(m_known.cbegin(), m_known.cend(),
                    [](const Known &k) { return k.missingSince >= 0; }))
        m_graceTimer->start(m_graceMs);
}

void DiskWatcher::clear()
{
    m_debounce->stop();
    m_graceTimer->stop();
    if (!m_system->files().isEmpty())
        m_system->removePaths(m_system->files());
    if (!m_system->directories().isEmpty())
        m_system->removePaths(m_system->directories());
    m_roots.clear();
    m_folders.clear();
    m_walkProblems.clear();
    m_known.clear();
}

void DiskWatcher::noteWritten(const QString &path, const QByteArray &bytes)
{
    Known &known = m_known[path];
    known.hash = hashOf(bytes);
    const QFileInfo info(path);
    known.size = info.exists() ? info.size() : -1;
    known.modified = info.exists() ? info.lastModified().toMSecsSinceEpoch() : -1;
    known.missingSince = -1;
    rewatch(); // an atomic save replaced the file: the old watch is gone
}

bool DiskWatcher::isLastKnown(const QString &path, const QByteArray &bytes) const
{
    const auto it = m_known.constFind(path);
    return it != m_known.cend() && !it->hash.isEmpty() && it->hash == hashOf(bytes);
}

void DiskWatcher::scanNow()
{
    m_debounce->stop();
    scan();
}

QStringList DiskWatcher::watchedFiles() const
{
    return m_system->files();
}

QStringList DiskWatcher::watchedDirectories() const
{
    return m_system->directories();
}

void DiskWatcher::poke()
{
    m_retries = 0;
    m_debounce->start(); // restarts: read once the burst is over
}

bool DiskWatcher::readStable(const QString &path, std::uint64_t maxSize, QByteArray *bytes,
                             qint64 *size, qint64 *modified, QString *error)
{
    QFileInfo before(path);
    if (!before.exists() || !before.isFile())
        return false;
    if (before.size() >= 0 && std::uint64_t(before.size()) > maxSize) {
        *error = QString::fromStdString("file is " + sizeText(std::uint64_t(before.size())) +
                                        ", over the limit of " + sizeText(maxSize));
        return false;
    }
    // Bounded as the workspace reads (core/common/fileinput.h): a file that grows past the
    // limit while it is read, or that became a FIFO or device, is refused with a message.
    std::string text, readError;
    if (!readBoundedFile(QFile::encodeName(path).toStdString(), maxSize, text, readError)) {
        if (QFileInfo::exists(path))
            *error = QString::fromStdString(readError);
        return false;
    }
    *bytes = QByteArray::fromStdString(text);
    QFileInfo after(path);
    after.refresh();
    if (!after.exists() || after.size() != before.size() ||
        after.lastModified() != before.lastModified() || after.size() != bytes->size())
        return false; // still being written
    *size = after.size();
    *modified = after.lastModified().toMSecsSinceEpoch();
    return true;
}

void DiskWatcher::scan()
{
    const qint64 now = nowMs();
    bool retry = false;        // something is in flux: look again after a debounce
    bool waitForGrace = false; // something is missing: look again when its grace ends
    QVector<Change> changes;

    // What the roots hold now (new files in opened folders, files recreated).
    // One walk gives the files and the folders to watch.
    QStringList folders;
    std::vector<FileProblem> walkProblems;
    const QStringList present = Workspace::collectFiles(m_roots, &walkProblems, &folders);
    m_folders = std::move(folders);
    QStringList walkLines;
    for (const auto &p : walkProblems)
        walkLines << QString::fromStdString(problemLine(p.path, p.diagnostic));
    const QSet<QString> presentSet(present.cbegin(), present.cend());

    QStringList paths = m_known.keys();
    for (const QString &p : present) {
        if (!m_known.contains(p))
            paths << p;
    }
    std::sort(paths.begin(), paths.end());

    for (const QString &path : std::as_const(paths)) {
        const auto it = m_known.find(path);
        const bool isNew = it == m_known.end();
        const QFileInfo info(path);
        const bool exists = info.exists() && info.isFile();
        if (!isNew && exists && it->missingSince < 0 && info.size() == it->size &&
            info.lastModified().toMSecsSinceEpoch() == it->modified &&
            (now - it->modified > RecentMs || it->hash.isEmpty()))
            continue; // untouched (or reported unreadable as it is)
        QByteArray bytes;
        qint64 size = -1, modified = -1;
        QString error;
        const bool read =
            exists && readStable(path, m_maxFileSize, &bytes, &size, &modified, &error);
        if (exists && !read && !error.isEmpty()) {
            // It cannot be read as it is (too large...): said once, until it changes again.
            Known known = isNew ? Known{} : *it;
            known.size = info.size();
            known.modified = info.lastModified().toMSecsSinceEpoch();
            known.missingSince = -1;
            known.hash.clear();
            m_known.insert(path, known);
            changes.push_back({Change::Unreadable, path, {}, error});
            continue;
        }
        if (exists && !read) {
            retry = true; // being written (or unreadable for a moment)
            continue;
        }
        const bool wasEmpty = isNew || it->hash == hashOf({});
        // Missing, or emptied (a truncate before a write): wait for the grace period.
        if (!read || (bytes.isEmpty() && !wasEmpty)) {
            if (isNew)
                continue;
            if (it->missingSince < 0)
                it->missingSince = now;
            if (now - it->missingSince < m_graceMs) {
                waitForGrace = true;
                continue;
            }
            if (!read) {
                m_known.erase(it);
                changes.push_back({Change::Removed, path, {}, {}});
                continue;
            }
        }
        if (isNew) {
            if (!presentSet.contains(path))
                continue;
            Known known;
            known.hash = hashOf(bytes);
            known.size = size;
            known.modified = modified;
            m_known.insert(path, known);
            changes.push_back({Change::Added, path, bytes, {}});
            continue;
        }
        it->missingSince = -1;
        it->size = size;
        it->modified = modified;
        const QByteArray hash = hashOf(bytes);
        if (hash == it->hash)
            continue; // touched, or our own save: same bytes
        it->hash = hash;
        changes.push_back({Change::Modified, path, bytes, {}});
    }

    rewatch();
    // A file that stays unreadable is not read again and again: the next notification
    // about it (or any other) starts over.
    if (retry && ++m_retries <= MaxRetries)
        m_debounce->start();
    if (waitForGrace && !m_graceTimer->isActive())
        m_graceTimer->start(m_graceMs);
    if (walkLines != m_walkProblems) {
        m_walkProblems = walkLines;
        Q_EMIT walkProblemsChanged(walkProblems);
    }
    if (!changes.isEmpty())
        Q_EMIT changed(changes);
}

void DiskWatcher::rewatch()
{
    QSet<QString> wantFiles, wantDirs;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (QFileInfo::exists(it.key()))
            wantFiles.insert(it.key());
    }
    for (const QString &folder : std::as_const(m_folders))
        wantDirs.insert(folder);
    for (const QString &root : std::as_const(m_roots)) {
        // A file opened by itself: its folder tells when it is recreated.
        const QFileInfo info(root);
        if (!info.isDir() && info.dir().exists())
            wantDirs.insert(info.dir().path());
    }
    const QStringList files = m_system->files();
    const QStringList dirs = m_system->directories();
    QStringList drop;
    for (const QString &f : files) {
        if (!wantFiles.remove(f))
            drop << f;
    }
    for (const QString &d : dirs) {
        if (!wantDirs.remove(d))
            drop << d;
    }
    if (!drop.isEmpty())
        m_system->removePaths(drop);
    const QStringList add = QStringList(wantFiles.cbegin(), wantFiles.cend()) +
                            QStringList(wantDirs.cbegin(), wantDirs.cend());
    if (!add.isEmpty())
        m_system->addPaths(add);
}

} // namespace PodSec::Ui
