// SPDX-License-Identifier: Apache-2.0
#include "documentset.h"

#include "editor/highlighting.h"
#include "models/diskwatcher.h"
#include "models/workspace.h"

#include "common/safefile.h"

#include <QFile>
#include <QFileInfo>
#include <QPlainTextDocumentLayout>
#include <QScopedValueRollback>
#include <QSyntaxHighlighter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>

namespace PodSec::Ui {

namespace {

QTextDocument *newPlainDocument(QObject *parent, const QFont &font)
{
    auto *doc = new QTextDocument(parent);
    doc->setDocumentLayout(new QPlainTextDocumentLayout(doc));
    doc->setDefaultFont(font);
    return doc;
}

/// Notes the file's byte-order mark and line ends in open (saving restores them) and
/// returns its bytes without the mark.
QByteArray takeEncoding(OpenDocument &open, QByteArray bytes)
{
    open.bom = bytes.startsWith("\xEF\xBB\xBF");
    if (open.bom)
        bytes.remove(0, 3);
    open.crlf = bytes.contains("\r\n");
    return bytes;
}

/// Makes doc hold text as one undo step that replaces only the lines between the common
/// start and end, so Undo and Redo put the cursor where the texts differ.
void replaceChangedRange(QTextDocument *doc, const QString &text)
{
    const QString old = doc->toPlainText();
    qsizetype prefix = 0;
    const qsizetype common = std::min(old.size(), text.size());
    while (prefix < common && old[prefix] == text[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < common - prefix &&
           old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    cursor.endEditBlock();
}

} // namespace

DocumentSet::DocumentSet(Workspace *workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_disk(new DiskWatcher(this)),
      m_editTimer(new QTimer(this))
{
    m_editTimer->setSingleShot(true);
    m_editTimer->setInterval(400);
    connect(m_editTimer, &QTimer::timeout, this, [this] {
        const QSet<int> files = std::exchange(m_editedFiles, {});
        for (int file : files) {
            if (QTextDocument *doc = existingDocument(file))
                m_workspace->setFileText(file, doc->toPlainText());
        }
    });
}

DocumentSet::~DocumentSet() = default;

void DocumentSet::clear()
{
    m_disk->clear();
    m_editTimer->stop();
    m_editedFiles.clear();
    for (auto &d : m_documents)
        delete d.document;
    m_documents.clear();
    delete m_excerpt;
    m_excerpt = nullptr;
}

void DocumentSet::growToWorkspace()
{
    m_documents.resize(std::size_t(m_workspace->paths().size()));
}

void DocumentSet::watchWorkspaceFiles()
{
    QVector<QByteArray> contents;
    contents.reserve(m_workspace->paths().size());
    for (int f = 0; f < int(m_workspace->paths().size()); ++f)
        contents << m_workspace->fileText(f);
    m_disk->setMaxFileSize(m_workspace->maxFileSize());
    m_disk->watch(m_workspace->roots(), m_workspace->paths(), contents);
}

QTextDocument *DocumentSet::existingDocument(int file) const
{
    return file >= 0 && file < int(m_documents.size()) ? m_documents[std::size_t(file)].document
                                                       : nullptr;
}

QTextDocument *DocumentSet::document(int file)
{
    if (file < 0 || file >= int(m_documents.size()))
        return nullptr;
    OpenDocument &open = m_documents[std::size_t(file)];
    if (!open.document) {
        const QByteArray bytes = takeEncoding(open, m_workspace->fileText(file));
        QTextDocument *doc = newPlainDocument(this, m_font);
        doc->setPlainText(QString::fromUtf8(bytes));
        doc->setModified(false);
        if (bytes.size() <= LargeFileBytes)
            createYamlHighlighter(doc, m_dark);
        connect(
            doc, &QTextDocument::contentsChange, this,
            [this, file](int, int removed, int added) { onContentsChange(file, removed, added); });
        // Undo back to the text last loaded or saved: nothing is unsaved any more (unless
        // that text is no longer the file's).
        connect(doc, &QTextDocument::modificationChanged, this, [this, file](bool modified) {
            if (modified || !isDirty(file) || m_documents[std::size_t(file)].keptOverDisk)
                return;
            m_documents[std::size_t(file)].dirty = false;
            Q_EMIT cleaned(file);
        });
        open.document = doc;
    }
    return open.document;
}

void DocumentSet::onContentsChange(int file, int removed, int added)
{
    if (m_reloading || (removed == 0 && added == 0))
        return; // format-only changes (highlighting) are not edits
    m_documents[std::size_t(file)].dirty = true;
    m_editedFiles.insert(file);
    m_editTimer->start();
    Q_EMIT edited(file);
}

bool DocumentSet::isDirty(int file) const
{
    return file >= 0 && file < int(m_documents.size()) && m_documents[std::size_t(file)].dirty;
}

int DocumentSet::dirtyCount() const
{
    return int(dirtyFiles().size());
}

std::vector<int> DocumentSet::dirtyFiles() const
{
    std::vector<int> files;
    for (std::size_t i = 0; i < m_documents.size(); ++i) {
        if (m_documents[i].dirty)
            files.push_back(int(i));
    }
    return files;
}

bool DocumentSet::isLarge(int file) const
{
    return m_workspace->fileBytes(file).size() > std::size_t(LargeFileBytes);
}

bool DocumentSet::showsObjects(int file) const
{
    return m_workspace->isReadOnly() || isLarge(file);
}

QString DocumentSet::textWithLineEnds(int file)
{
    QTextDocument *doc = document(file);
    if (!doc)
        return {};
    QString text = doc->toPlainText();
    if (m_documents[std::size_t(file)].crlf)
        text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    return text;
}

void DocumentSet::reloadText(int file, const QString &text)
{
    if (QTextDocument *doc = existingDocument(file)) {
        const QScopedValueRollback reloading(m_reloading, true);
        doc->setPlainText(text);
    }
}

void DocumentSet::reloadFromWorkspace(int file)
{
    QTextDocument *doc = existingDocument(file);
    if (!doc)
        return;
    OpenDocument &open = m_documents[std::size_t(file)];
    const QByteArray bytes = takeEncoding(open, m_workspace->fileText(file));
    // As document() reads it: a CRLF is one line break.
    const QString text =
        QString::fromUtf8(bytes).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (text != doc->toPlainText()) {
        const QScopedValueRollback reloading(m_reloading, true);
        replaceChangedRange(doc, text);
    }
    m_editedFiles.remove(file); // an edit still waiting for the workspace is superseded
    markOnDisk(file);
}

void DocumentSet::markOnDisk(int file)
{
    OpenDocument &open = m_documents[std::size_t(file)];
    open.dirty = false;
    open.keptOverDisk = false;
    open.document->setModified(false);
    Q_EMIT cleaned(file);
}

void DocumentSet::keepOverDisk(int file)
{
    if (isDirty(file))
        m_documents[std::size_t(file)].keptOverDisk = true;
}

void DocumentSet::setUnsavedText(int file, const QString &text)
{
    QTextDocument *doc = document(file);
    if (!doc || text == doc->toPlainText())
        return;
    replaceChangedRange(doc, text); // an edit: marks the file dirty and reaches the workspace
}

QTextDocument *DocumentSet::makeExcerpt(int file, const WorkloadEntry &workload)
{
    const std::string_view bytes = m_workspace->fileBytes(file);
    std::size_t start = workload.id().offset;
    while (start > 0 && bytes[start - 1] != '\n')
        --start;
    std::size_t end = std::min<std::size_t>(workload.id().endOffset, bytes.size());
    while (end < bytes.size() && bytes[end] != '\n')
        ++end;
    QTextDocument *excerpt = newPlainDocument(this, m_font);
    excerpt->setPlainText(
        QString::fromUtf8(bytes.data() + start, qsizetype(end - start)).remove(QLatin1Char('\r')));
    createYamlHighlighter(excerpt, m_dark);
    if (m_excerpt)
        m_excerpt->deleteLater(); // the editor may still show it
    m_excerpt = excerpt;
    return excerpt;
}

QByteArray DocumentSet::bytesToSave(int file) const
{
    const QTextDocument *doc = existingDocument(file);
    if (!doc)
        return {};
    const OpenDocument &open = m_documents[std::size_t(file)];
    QString text = doc->toPlainText();
    if (open.crlf)
        text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    QByteArray bytes = text.toUtf8();
    if (open.bom)
        bytes.prepend("\xEF\xBB\xBF");
    return bytes;
}

bool DocumentSet::write(int file, const QString &path, QString *error)
{
    if (!existingDocument(file))
        return true;
    const QByteArray bytes = bytesToSave(file);
    // Written as `podsec fix --in-place` writes (core/common/safefile.h): atomically, keeping
    // owner, group, mode (setgid) and hard links, or refused with a reason; a failed save
    // leaves the file on disk as it was.
    const std::string target = QFile::encodeName(path).toStdString();
    const std::uint64_t maxSize = m_workspace->maxFileSize();
    std::string failure;
    bool ok = false;
    if (m_disk->isKnown(path) && QFileInfo::exists(path)) {
        // A file the window read: what is on disk must still be what it read, wrote or
        // reported (the disk-change flow asked about that), else another program's edit
        // would be lost.
        std::string current;
        if (!readBoundedFile(target, maxSize, current, failure)) {
            failure = "cannot read it before saving: " + failure;
        } else if (!m_disk->isLastKnown(path, QByteArray::fromStdString(current))) {
            if (error)
                *error = tr("it was changed on disk by another program since it was read; not "
                            "saved. Take the version on disk or keep your edits, then save "
                            "again.");
            // The change is shown as the watcher shows changes, once this save returned.
            QTimer::singleShot(0, m_disk, &DiskWatcher::scanNow);
            return false;
        } else {
            ok = replaceFileContent(target, current,
                                    std::string_view(bytes.data(), std::size_t(bytes.size())), {},
                                    maxSize, failure);
        }
    } else {
        SafeWriter out;
        ok = out.open(target, failure) &&
             out.write(std::string_view(bytes.data(), std::size_t(bytes.size()))) &&
             out.commit(failure);
        if (!ok && failure.empty())
            failure = "cannot write";
    }
    if (ok)
        m_disk->noteWritten(path, bytes); // our own write is not a change by another program
    if (!ok && error)
        *error = QString::fromStdString(failure);
    return ok;
}

bool DocumentSet::save(int file, QString *error)
{
    if (m_workspace->isReadOnly())
        return true; // a cluster is never written
    QTextDocument *doc = existingDocument(file);
    if (!doc || !m_documents[std::size_t(file)].dirty)
        return true; // nothing edited: the file is not rewritten
    if (!write(file, m_workspace->paths().value(file), error))
        return false;
    markOnDisk(file);
    return true;
}

void DocumentSet::setFont(const QFont &font)
{
    m_font = font;
    for (const auto &d : m_documents) {
        if (d.document)
            d.document->setDefaultFont(font);
    }
}

void DocumentSet::setDark(bool dark)
{
    m_dark = dark;
    // A highlighter that goes clears its formats, which Qt reports as a change of the
    // whole text: recolouring is no edit.
    const QScopedValueRollback reloading(m_reloading, true);
    for (const auto &d : m_documents) {
        if (!d.document)
            continue;
        for (auto *h : d.document->findChildren<QSyntaxHighlighter *>())
            delete h;
        if (d.document->characterCount() <= LargeFileBytes)
            createYamlHighlighter(d.document, dark);
    }
}

} // namespace PodSec::Ui
