// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFont>
#include <QObject>
#include <QSet>
#include <QString>

#include <vector>

class QTextDocument;
class QTimer;

namespace PodSec {
struct WorkloadEntry;
}

namespace PodSec::Ui {

class DiskWatcher;
class Workspace;

/// One workspace file as the editor holds it.
struct OpenDocument
{
    QTextDocument *document = nullptr; ///< created on first use, owned by the DocumentSet
    bool dirty = false;                ///< edited since it was loaded or saved
    bool crlf = false;                 ///< the file's lines end with CRLF (kept on save)
    bool bom = false;                  ///< the file starts with a UTF-8 BOM (kept on save)
    /// Edits were kept over a change on disk: no undo step holds the file's text any more.
    bool keptOverDisk = false;
};

/// The editor documents of a workspace's files: created from the workspace's bytes when
/// first shown, edits handed back to the workspace (debounced) for re-evaluation, and saved
/// atomically with the file's line endings and byte-order mark. Also watches the files on
/// disk, and makes the read-only excerpt a large file is shown through.
class DocumentSet final : public QObject
{
    Q_OBJECT

public:
    /// Above this size the editor shows a file without syntax colouring (highlighting a
    /// whole multi-megabyte stream would stall the window), one object at a time.
    static constexpr int LargeFileBytes = 2 * 1024 * 1024;

    explicit DocumentSet(Workspace *workspace, QObject *parent = nullptr);
    ~DocumentSet() override;

    /// Deletes every document and the excerpt and stops watching files. The editor must
    /// not show any of them any more.
    void clear();
    /// One slot per workspace file (after the workspace opened or gained files).
    void growToWorkspace();
    /// Watches the workspace's files and folders on disk (see diskWatcher()).
    void watchWorkspaceFiles();
    /// Reports files changed, added and removed on disk by other programs.
    DiskWatcher *diskWatcher() const { return m_disk; }

    /// The file's document, made from the workspace's bytes on first use; nullptr if there
    /// is no such file.
    QTextDocument *document(int file);
    /// The file's document only if it was made already.
    QTextDocument *existingDocument(int file) const;
    bool isDirty(int file) const;
    int dirtyCount() const;
    std::vector<int> dirtyFiles() const;
    /// The file is too large to be shown or fixed whole.
    bool isLarge(int file) const;
    /// The editor shows the file one object at a time (makeExcerpt): a large file, or a
    /// cluster's list page, whose objects are each a read-only document.
    bool showsObjects(int file) const;
    /// The document's text with the file's line endings (no byte-order mark).
    QString textWithLineEnds(int file);
    /// What saving would write: the document's text with the file's line endings and
    /// byte-order mark (empty if the document was not made).
    QByteArray bytesToSave(int file) const;
    /// Replaces an existing document's text without it counting as an edit (a cluster
    /// list page that was read again).
    void reloadText(int file, const QString &text);
    /// Makes an existing document hold the workspace's bytes again (the file changed on
    /// disk): one undo step, so the text it had is one Undo away; afterwards the document
    /// is unmodified. Line endings and byte-order mark are taken from the new bytes.
    void reloadFromWorkspace(int file);
    /// The file changed or went away on disk while it had edits, and the edits were kept:
    /// undoing them no longer brings back the file's text, so the file stays unsaved until
    /// it is saved or reloaded.
    void keepOverDisk(int file);
    /// Gives the document text that is not on disk (recovered after a crash): it counts
    /// as an unsaved edit.
    void setUnsavedText(int file, const QString &text);
    /// A new read-only document with the lines of one object of a large file or a cluster's
    /// list page (CRs dropped). The previous excerpt is deleted once control returns to the event
    /// loop, so the editor may still show it until it switches.
    QTextDocument *makeExcerpt(int file, const WorkloadEntry &workload);

    /// Writes a file's text to path, restoring CRLF and BOM, as `podsec fix --in-place`
    /// writes (core/common/safefile.h): atomically, keeping owner, group, mode and hard
    /// links. A file the window read is not written when another program changed it since
    /// (the disk-change flow then shows that change). True if there is nothing to write;
    /// false with *error on failure (the file on disk is then unchanged).
    bool write(int file, const QString &path, QString *error);
    /// Writes a file back to its own path and marks it saved. A read-only (cluster)
    /// workspace is never written, nor is a file without edits.
    bool save(int file, QString *error);

    /// The font of new documents (the editor's), and of those there are.
    void setFont(const QFont &font);
    /// Recolours every document (the excerpt keeps its colours until it is replaced).
    void setDark(bool dark);

Q_SIGNALS:
    /// The user changed a file's text (highlighting and reloads are not edits).
    void edited(int file);
    /// A file was saved, or reloaded from disk: it has no unsaved edits any more.
    void cleaned(int file);

private:
    void onContentsChange(int file, int removed, int added);
    /// The document now holds what is on disk (reloaded or saved): nothing unsaved, and its
    /// undo step here is the file's text.
    void markOnDisk(int file);

    Workspace *m_workspace;
    std::vector<OpenDocument> m_documents;
    QTextDocument *m_excerpt = nullptr;
    DiskWatcher *m_disk;
    QTimer *m_editTimer; ///< edits reach the workspace once typing pauses
    QSet<int> m_editedFiles;
    QFont m_font;
    bool m_dark = false;
    bool m_reloading = false;
};

} // namespace PodSec::Ui
