// SPDX-License-Identifier: Apache-2.0
#include "workspace.h"

#include "disposal.h"

#include "common/phasetiming.h"

#include "common/fileinput.h"
#include "engine/factscache.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace PodSec::Ui {

Workspace::Workspace(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const bool cancelled = m_watcher.isCanceled();
        std::shared_ptr<const WorkspaceSnapshot> result;
        if (!cancelled && m_watcher.future().resultCount() > 0)
            result = m_watcher.result();
        m_busy = false;
        const Then then = std::exchange(m_then, Then::Done);
        if (then != Then::Done) {
            // Only texts were added meanwhile: this result is still right for the files it
            // saw, so it is shown, and the next round reuses it for them.
            std::shared_ptr<const WorkspaceSnapshot> partial;
            if (result && then == Then::AddedTexts) {
                m_last = std::move(result);
                partial = m_last;
            }
            evaluate(); // busy again before anyone hears of the partial result
            if (partial)
                Q_EMIT snapshotReady(partial);
            return;
        }
        Q_EMIT busyChanged(false);
        if (result) {
            m_last = std::move(result);
            Q_EMIT snapshotReady(m_last);
            if (auto with = std::exchange(m_storeWith, std::nullopt)) {
                // Once the tree is filled: the records are written off the GUI thread, after
                // the window's own work, not beside it.
                QThreadPool::globalInstance()->start(
                    [snapshot = m_last, with] { with->cache->store(*snapshot, *with); });
            }
        }
    });
}

Workspace::~Workspace()
{
    cancel();
    m_watcher.waitForFinished();
}

QStringList Workspace::collectFiles(const QStringList &paths, std::vector<FileProblem> *problems,
                                    QStringList *folders, std::vector<Render::Root> *roots)
{
    // One walk for the window and `podsec check` (core/common/fileinput.h), and the same
    // Kustomize and Helm roots (core/render/renderroots.h).
    std::vector<std::string> names;
    for (const QString &path : paths)
        names.push_back(QFile::encodeName(path).toStdString());
    WalkResult walk = walkPaths(names);
    auto found = Render::takeRoots(walk, names);
    if (roots)
        *roots = std::move(found);
    QStringList files;
    for (const auto &file : walk.files)
        files << QFile::decodeName(QByteArray::fromStdString(file));
    if (folders) {
        for (const auto &folder : walk.folders)
            *folders << QFile::decodeName(QByteArray::fromStdString(folder));
    }
    if (problems) {
        for (const auto &p : walk.problems)
            problems->push_back({-1, Diagnostic{0, 1, 1, p.message}, p.path});
    }
    return files;
}

void Workspace::openTexts(const std::vector<NamedText> &documents)
{
    m_walkProblems.clear();
    m_roots.clear();
    m_paths.clear();
    m_absent.clear();
    m_files.clear();
    m_renderRoots.clear();
    m_last = {};
    m_readOnly = true;
    addTexts(documents);
    evaluate();
}

std::vector<int> Workspace::appendTexts(const std::vector<NamedText> &documents)
{
    const auto replaced = addTexts(documents);
    if (m_busy && replaced.empty()) {
        // Let the running evaluation finish (its rows appear), then evaluate the new texts.
        if (m_then == Then::Done)
            m_then = Then::AddedTexts;
        return replaced;
    }
    evaluate();
    return replaced;
}

std::vector<int> Workspace::addTexts(const std::vector<NamedText> &documents)
{
    std::vector<int> replaced;
    for (const auto &[name, text] : documents) {
        const QString path = QString::fromStdString(name);
        const int existing = int(m_paths.indexOf(path));
        if (existing >= 0) {
            m_files[std::size_t(existing)] = WorkspaceFile(name, text);
            replaced.push_back(existing);
            continue;
        }
        m_paths << path;
        m_files.emplace_back(name, text);
    }
    return replaced;
}

void Workspace::open(const QStringList &paths)
{
    m_walkProblems.clear();
    m_last = {};
    m_readOnly = false;
    m_roots = paths;
    m_absent.clear();
    std::vector<Render::Root> roots;
    m_paths = collectFiles(paths, &m_walkProblems, nullptr, &roots);
    m_files.clear();
    m_renderRoots.clear();
    for (const QString &p : std::as_const(m_paths)) {
        // Read as `podsec check` reads (bounded, FIFOs refused), with its messages.
        WorkspaceFile wf;
        wf.path = QDir::toNativeSeparators(p).toStdString();
        std::string text, error;
        if (readManifestInput(QFile::encodeName(p).toStdString(), m_maxFileSize, text, error))
            wf.setText(std::move(text));
        else
            wf.readError = std::move(error);
        m_files.push_back(std::move(wf));
    }
    // Each Kustomize or Helm root becomes one more file: its rendering (empty when it could
    // not be rendered), named by its folder.
    m_renderRoots = renderRoots(roots, m_renderOptions, m_files);
    for (const auto &root : m_renderRoots)
        m_paths << QFile::decodeName(QByteArray::fromStdString(root.path));
    evaluate();
}

QString Workspace::readError(int file) const
{
    if (file < 0 || file >= static_cast<int>(m_files.size()))
        return {};
    return QString::fromStdString(m_files[static_cast<std::size_t>(file)].readError);
}

bool Workspace::isFileReadOnly(int file) const
{
    if (m_readOnly)
        return true;
    return std::any_of(m_renderRoots.begin(), m_renderRoots.end(),
                       [file](const RootEntry &r) { return r.file == file; });
}

const RootEntry *Workspace::renderRoot(int file) const
{
    for (const auto &r : m_renderRoots) {
        if (r.file == file && r.rendered)
            return &r;
    }
    return nullptr;
}

QByteArray Workspace::fileText(int file) const
{
    if (file < 0 || file >= static_cast<int>(m_files.size()))
        return {};
    return QByteArray::fromStdString(m_files[static_cast<std::size_t>(file)].text());
}

std::string_view Workspace::fileBytes(int file) const
{
    if (file < 0 || file >= static_cast<int>(m_files.size()))
        return {};
    return m_files[static_cast<std::size_t>(file)].text();
}

void Workspace::setFileText(int file, const QString &text)
{
    if (file < 0 || file >= static_cast<int>(m_files.size()))
        return;
    m_files[static_cast<std::size_t>(file)].setText(text.toStdString());
    evaluate();
}

std::vector<int> Workspace::applyDiskUpdates(const std::vector<DiskUpdate> &updates)
{
    std::vector<int> touched;
    for (const DiskUpdate &u : updates) {
        int file = int(m_paths.indexOf(u.path));
        if (file < 0) {
            if (!u.bytes)
                continue;
            file = int(m_paths.size());
            m_paths << u.path;
            m_files.emplace_back(QDir::toNativeSeparators(u.path).toStdString(), std::string());
        }
        if (u.bytes)
            m_absent.remove(file);
        else
            m_absent.insert(file);
        m_files[std::size_t(file)].setText(u.bytes ? u.bytes->toStdString() : std::string());
        touched.push_back(file);
    }
    if (!touched.empty())
        evaluate();
    return touched;
}

void Workspace::setWalkProblems(std::vector<FileProblem> problems)
{
    if (m_readOnly)
        return;
    m_walkProblems = std::move(problems);
    evaluate();
}

void Workspace::setOptions(const SnapshotOptions &options)
{
    m_options = options;
    // The last snapshot stays the previous one: buildSnapshot keeps only what the new
    // options do not change (the access result when the policy version or level changes).
    if (m_files.empty() && m_walkProblems.empty() && m_renderRoots.empty())
        return; // nothing open yet: the first open() evaluates with these options
    evaluate();
}

void Workspace::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void Workspace::evaluate()
{
    if (m_busy) {
        // Let the running evaluation stop, then start again with the newest input.
        cancel();
        m_then = Then::Restart;
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    auto files = m_files;
    auto options = m_options;
    options.roots = m_renderRoots;
    options.planFixes = !m_readOnly; // the editor's light bulbs; nothing to fix in a cluster
    options.evaluateAccess = true;   // the Access view and the details' access sections
    options.liveAccess = m_readOnly;
    auto previous = m_last;
    // Only a first evaluation of files looks in the re-open cache, and stores what it read.
    if (!m_readOnly && !previous)
        options.cache = m_cache;
    m_storeWith = options.cache ? std::optional<SnapshotOptions>(options) : std::nullopt;
    auto walkProblems = m_walkProblems;
    QPointer<Workspace> self(this);
    m_busy = true;
    Q_EMIT busyChanged(true);
    m_watcher.setFuture(QtConcurrent::run(
        [files = std::move(files), options, cancelFlag, self, previous, walkProblems]() mutable {
            auto snapshot = buildSnapshot(
                std::move(files), options,
                [self](int done, int total) {
                    if (done % 64 == 0 || done == total)
                        QMetaObject::invokeMethod(
                            self.data(),
                            [self, done, total] {
                                if (self)
                                    Q_EMIT self->progress(done, total);
                            },
                            Qt::QueuedConnection);
                },
                cancelFlag.get(), previous.get(), walkProblems);
            if (!snapshot)
                return std::shared_ptr<const WorkspaceSnapshot>();
            PhaseTiming timing;
            auto shared = sharedDisposedLater(std::move(*snapshot));
            releaseFreeMemory(); // what parsing and evaluating left behind
            timing.lap("window: free memory released");
            return shared;
        }));
}

} // namespace PodSec::Ui
