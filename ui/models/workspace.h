// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/fileinput.h"
#include "engine/workspacesnapshot.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace PodSec::Ui {

/// The files of a workspace and their evaluation. Loading and evaluation run off the GUI
/// thread; each result arrives as one immutable snapshot with the window's data derived from
/// it (snapshotReady). A newer request cancels an older one still running.
class Workspace final : public QObject
{
    Q_OBJECT

public:
    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    /// Collects *.yaml, *.yml and *.json from files and folders (recursively, hidden
    /// folders skipped) and evaluates them. What could not be found or read (at most
    /// maxFileSize() bytes a file) is among the snapshot's problems, as `podsec check`
    /// reports it.
    void open(const QStringList &paths);
    /// The re-open cache (engine/factscache.h): a workspace opened from files judges those it
    /// has records of from them, and records the others once their first evaluation is
    /// done and shown (off the GUI thread). Not used for a cluster. Null: none.
    void setFactsCache(std::shared_ptr<const Engine::FactsCache> cache)
    {
        m_cache = std::move(cache);
    }
    const Engine::FactsCache *factsCache() const { return m_cache.get(); }
    /// The largest file open() reads (`--max-file-size`; DefaultMaxFileSize).
    void setMaxFileSize(std::uint64_t bytes) { m_maxFileSize = bytes; }
    std::uint64_t maxFileSize() const { return m_maxFileSize; }
    /// Why a file could not be read (empty: it was read).
    QString readError(int file) const;
    /// What open() was given (the files and folders the user opened).
    const QStringList &roots() const { return m_roots; }
    /// Evaluates texts read elsewhere (a live cluster's list pages) as read-only files named
    /// as given.
    void openTexts(const std::vector<NamedText> &documents);
    /// Adds more read-only texts (the next pages of a cluster being read); a text whose name
    /// is already there replaces that file's text. Only new and replaced files are
    /// evaluated; snapshots keep coming while pages arrive. Returns the replaced files.
    std::vector<int> appendTexts(const std::vector<NamedText> &documents);
    /// A cluster workspace: nothing in it can be edited or saved.
    bool isReadOnly() const { return m_readOnly; }
    /// The file cannot be edited: the workspace is read-only, or the file is the rendering
    /// of a Kustomize or Helm root.
    bool isFileReadOnly(int file) const;
    /// The rendered root whose rendering file is, or nullptr.
    const RootEntry *renderRoot(int file) const;
    /// How Kustomize and Helm roots are rendered (the next open() uses it).
    void setRenderOptions(const Render::Options &options) { m_renderOptions = options; }
    const Render::Options &renderOptions() const { return m_renderOptions; }
    /// Replaces one file's text (an edit) and re-evaluates.
    void setFileText(int file, const QString &text);

    /// A file's new content as found on disk; nullopt: the file is gone.
    struct DiskUpdate
    {
        QString path;
        std::optional<QByteArray> bytes;
    };
    /// Takes files changed, added or removed on disk and re-evaluates once. A removed file
    /// keeps its index (an empty, absent file) so that indices held elsewhere stay valid; a
    /// file that comes back takes its old index again. Returns the indices touched.
    std::vector<int> applyDiskUpdates(const std::vector<DiskUpdate> &updates);
    /// What a new walk of the roots could not take in (the folders changed on disk), in
    /// place of what open() found; re-evaluates.
    void setWalkProblems(std::vector<FileProblem> problems);
    /// The file was removed on disk (and is empty here until it comes back).
    bool isAbsent(int file) const { return m_absent.contains(file); }
    void setOptions(const SnapshotOptions &options);
    const SnapshotOptions &options() const { return m_options; }
    void cancel();

    const QStringList &paths() const { return m_paths; }
    /// The file's bytes as last loaded or edited.
    QByteArray fileText(int file) const;
    /// The same bytes without a copy (valid until the next open or edit).
    std::string_view fileBytes(int file) const;
    /// An evaluation is running or its snapshot has not been delivered yet.
    bool isBusy() const { return m_busy; }

    /// The manifest files below a path (or the path itself), without the files Kustomize
    /// and Helm roots consume (core/render). problems: what the walk could not take in
    /// (file -1); folders: every folder searched; roots: the roots to render.
    static QStringList collectFiles(const QStringList &paths,
                                    std::vector<FileProblem> *problems = nullptr,
                                    QStringList *folders = nullptr,
                                    std::vector<Render::Root> *roots = nullptr);

Q_SIGNALS:
    void snapshotReady(std::shared_ptr<const PodSec::WorkspaceSnapshot> snapshot);
    void progress(int done, int total);
    void busyChanged(bool busy);

private:
    void evaluate();
    std::vector<int> addTexts(const std::vector<NamedText> &documents);

    QStringList m_roots;
    QStringList m_paths;
    QSet<int> m_absent;
    std::vector<WorkspaceFile> m_files;
    std::vector<FileProblem> m_walkProblems;
    std::uint64_t m_maxFileSize = DefaultMaxFileSize;
    SnapshotOptions m_options;
    Render::Options m_renderOptions;
    /// The rendered roots of the workspace (their files are renderings, read-only).
    std::vector<RootEntry> m_renderRoots;
    /// Null when the evaluation was cancelled.
    QFutureWatcher<std::shared_ptr<const WorkspaceSnapshot>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    /// What to do when the running evaluation ends: nothing more, evaluate the texts added
    /// meanwhile (its result still stands), or start again (its result is stale).
    enum class Then { Done, AddedTexts, Restart } m_then = Then::Done;
    /// From starting an evaluation until its finished signal is handled. (The watcher stops
    /// "running" before that signal arrives; a new setFuture() in between would drop the
    /// finished result.)
    bool m_busy = false;
    /// The newest snapshot built with the current options: unchanged files keep their
    /// workloads from it.
    std::shared_ptr<const WorkspaceSnapshot> m_last;
    bool m_readOnly = false;
    std::shared_ptr<const Engine::FactsCache> m_cache;
    /// The options of a running first evaluation that looked in the cache: its result is
    /// stored in it once shown.
    std::optional<SnapshotOptions> m_storeWith;
};

} // namespace PodSec::Ui
