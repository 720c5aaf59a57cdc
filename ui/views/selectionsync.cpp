// SPDX-License-Identifier: Apache-2.0
#include "selectionsync.h"

#include "detailspane.h"
#include "editor/codeeditor.h"
#include "editor/documentset.h"
#include "engine/workspacesummary.h"
#include "models/badgeproxymodel.h"
#include "models/severitybadge.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"

#include <QLabel>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextDocument>
#include <QTreeView>

#include <algorithm>
#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace PodSec::Ui {

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

SelectionSync::SelectionSync(const Parts &parts, QObject *parent)
    : QObject(parent), m_workspace(parts.workspace), m_documents(parts.documents),
      m_model(parts.model), m_badges(parts.badges), m_filter(parts.filter), m_tree(parts.tree),
      m_details(parts.details), m_editor(parts.editor), m_fileLabel(parts.fileLabel)
{
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SelectionSync::showCurrentRow);
    connect(m_tree, &QAbstractItemView::clicked, this, &SelectionSync::showClickedRow);
    // A reset (large re-evaluations) keeps what the user had open and selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &SelectionSync::saveTreeState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SelectionSync::restoreTreeState);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &SelectionSync::onEditorCursor);
}

QModelIndex SelectionSync::currentSource() const
{
    return m_badges->mapToSource(m_filter->mapToSource(m_tree->currentIndex()));
}

QModelIndex SelectionSync::toProxy(const QModelIndex &source) const
{
    return m_filter->mapFromSource(m_badges->mapFromSource(source));
}

const WorkloadEntry *SelectionSync::currentWorkload() const
{
    const WorkloadEntry *workload = nullptr;
    for (QModelIndex i = currentSource(); i.isValid() && !workload; i = i.parent())
        workload = m_model->workloadAt(i);
    return workload;
}

const FieldEntry *SelectionSync::currentField() const
{
    return m_model->fieldAt(currentSource());
}

const NamespaceEntry *SelectionSync::currentNamespace() const
{
    const NamespaceEntry *ns = nullptr;
    for (QModelIndex i = currentSource(); i.isValid() && !ns; i = i.parent())
        ns = m_model->namespaceAt(i);
    return ns;
}

void SelectionSync::saveTreeState()
{
    m_savedExpanded.clear();
    std::function<void(const QModelIndex &)> save = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_filter->rowCount(parent); ++r) {
            const QModelIndex i = m_filter->index(r, 0, parent);
            if (!m_tree->isExpanded(i))
                continue;
            m_savedExpanded.insert(i.data(WorkloadTreeModel::KeyRole).toString());
            save(i);
        }
    };
    save({});
    m_savedCurrent = m_tree->currentIndex().data(WorkloadTreeModel::KeyRole).toString();
}

void SelectionSync::restoreTreeState()
{
    if (m_savedExpanded.isEmpty() && m_savedCurrent.isEmpty())
        return;
    std::function<void(const QModelIndex &)> restore = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_filter->rowCount(parent); ++r) {
            const QModelIndex i = m_filter->index(r, 0, parent);
            if (m_savedExpanded.contains(i.data(WorkloadTreeModel::KeyRole).toString())) {
                m_tree->expand(i);
                restore(i);
            }
        }
    };
    restore({});
    if (!m_savedCurrent.isEmpty())
        selectKey(m_savedCurrent);
}

void SelectionSync::pickStartRow()
{
    // Like kubectl, a cluster starts in its context's namespace: it is opened once its row
    // exists (namespaces are read first), unless the user has already picked a row.
    const QModelIndex contextNamespace =
        m_startNamespace.isEmpty()
            ? QModelIndex()
            : toProxy(m_model->indexForKey(QStringLiteral("ns:") + m_startNamespace));
    if (contextNamespace.isValid()) {
        if (!m_tree->currentIndex().isValid()) {
            m_tree->setCurrentIndex(contextNamespace);
            m_tree->expand(contextNamespace);
            m_tree->scrollTo(contextNamespace, QAbstractItemView::PositionAtTop);
        }
        m_startNamespace.clear();
    } else if (m_pickStartRow && !m_tree->currentIndex().isValid()) {
        // Start on the first workload so the editor and details are not empty (with a
        // cluster, once the first workload has arrived).
        for (int r = 0; r < m_filter->rowCount() && m_pickStartRow; ++r) {
            const QModelIndex ns = m_filter->index(r, 0);
            if (m_filter->rowCount(ns) > 0) {
                m_tree->setCurrentIndex(m_filter->index(0, 0, ns));
                m_pickStartRow = false;
            }
        }
    }
    if (m_tree->currentIndex().isValid())
        m_pickStartRow = false;
}

void SelectionSync::detach()
{
    m_pickStartRow = true;
    {
        // Detach the editor before the documents it may be showing are deleted.
        const QScopedValueRollback syncing(m_syncing, true);
        m_editor->showDocument(nullptr);
    }
    m_excerptKey.clear();
    m_currentFile = -1;
    m_editor->setReadOnly(true);
    m_fileLabel->clear();
}

void SelectionSync::reloadText(int file, const QString &text)
{
    const QScopedValueRollback syncing(m_syncing, true);
    m_documents->reloadText(file, text);
}

void SelectionSync::reloadFromWorkspace(int file)
{
    const QScopedValueRollback syncing(m_syncing, true);
    if (file != m_currentFile) {
        m_documents->reloadFromWorkspace(file);
        return;
    }
    if (!m_excerptKey.isEmpty()) {
        // A large file's excerpt holds the old bytes: the next showFile makes a new one.
        m_excerptKey = QStringLiteral("stale");
        return;
    }
    const int line = m_editor->cursorLine();
    const int scroll = m_editor->verticalScrollBar()->value();
    m_documents->reloadFromWorkspace(file);
    m_editor->goToLine(std::min(line, m_editor->blockCount()), 1);
    m_editor->verticalScrollBar()->setValue(scroll);
    updateFileLabel();
}

void SelectionSync::updateFileLabel()
{
    QString text =
        QStringLiteral("<b>%1</b>").arg(m_workspace->paths().value(m_currentFile).toHtmlEscaped());
    if (m_workspace->isAbsent(m_currentFile) && !m_documents->isDirty(m_currentFile))
        text += QStringLiteral(" — ") + tr("deleted on disk");
    m_fileLabel->setText(text);
}

void SelectionSync::showFile(int file, const WorkloadEntry *workload)
{
    if (m_documents->showsObjects(file) && workload) {
        // A large stream, or a cluster's page: the selected object's lines only, read-only,
        // so opening a 30 MB file does not stall the window and each live object reads as
        // an object, its status folded.
        const QString key =
            QString::number(file) + QLatin1Char('/') + QString::number(workload->id().offset);
        if (file == m_currentFile && m_excerptKey == key)
            return;
        QTextDocument *excerpt = m_documents->makeExcerpt(file, *workload);
        const bool cluster = m_workspace->isReadOnly();
        {
            const QScopedValueRollback syncing(m_syncing, true);
            m_editor->showDocument(excerpt, int(workload->id().line) - 1);
            if (cluster) {
                m_editor->setNumbersFromOne(true);
                m_editor->foldTopLevelKey(QStringLiteral("status"));
            }
        }
        m_excerptKey = key;
        m_editor->setReadOnly(true);
        m_currentFile = file;
        const QString path = m_workspace->paths().value(file).toHtmlEscaped();
        const int lastLine = int(workload->id().line) + excerpt->blockCount() - 1;
        QString title = path, detail;
        if (cluster && !workload->id().name.empty()) {
            title = QString::fromStdString(Engine::workloadName(*workload)).toHtmlEscaped();
            detail = tr("read from the cluster (%1), read-only").arg(path);
        } else if (cluster) {
            detail = tr("lines %1–%2, read-only").arg(workload->id().line).arg(lastLine);
        } else {
            detail = tr("large file (%1 MB): showing lines %2–%3, read-only")
                         .arg(qulonglong(m_workspace->fileBytes(file).size() / (1024 * 1024)))
                         .arg(workload->id().line)
                         .arg(lastLine);
        }
        m_fileLabel->setText(QStringLiteral("<b>%1</b> — %2").arg(title, detail));
        updateEditorFindings();
        return;
    }
    if (file == m_currentFile && m_excerptKey.isEmpty())
        return;
    QTextDocument *doc = m_documents->document(file);
    if (!doc)
        return;
    {
        const QScopedValueRollback syncing(m_syncing, true);
        m_editor->showDocument(doc);
    }
    m_excerptKey.clear();
    m_editor->setReadOnly(m_workspace->isFileReadOnly(file));
    m_currentFile = file;
    updateFileLabel();
    updateEditorFindings();
}

bool SelectionSync::showPlace(int file, int line, int column, std::uint32_t offset, bool focus)
{
    if (file < 0 || file >= int(m_workspace->paths().size()))
        return false;
    if (m_documents->showsObjects(file)) {
        // The excerpt of a large file starts at the line of the offset.
        WorkloadIdentity where;
        where.offset = where.endOffset = offset;
        where.line = std::uint32_t(line);
        WorkloadEntry place;
        place.file = file;
        place.identity = &where;
        showFile(file, &place);
    } else {
        showFile(file, nullptr);
    }
    if (m_currentFile != file)
        return false;
    {
        const QScopedValueRollback syncing(m_syncing, true);
        m_editor->goToLine(line, column);
    }
    if (focus)
        m_editor->setFocus(Qt::OtherFocusReason);
    return true;
}

void SelectionSync::updateEditorFindings()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot || m_currentFile < 0) {
        m_editor->setFindings({});
        return;
    }
    // One finding per span of the text. YAML aliases make many fields of one span (a pod
    // with `containers: [&c {...}, *c, *c, ...]` has every field of every alias on the
    // alias): their paths and reasons are merged into one underline and one tooltip, so the
    // work is bounded by the text, not by how often a node is reused.
    struct Span
    {
        EditorFinding finding;
        QStringList paths;
        int morePaths = 0;
        QStringList reasons;
        int moreReasons = 0;
    };
    constexpr int MaxPaths = 5;
    constexpr int MaxReasons = 10;
    constexpr int MaxReasonCharacters = 240;
    std::vector<Span> spans;
    std::map<std::pair<int, int>, std::size_t> spanAt;
    const int firstLine = m_editor->lineOffset() + 1;
    const int lastLine = m_editor->lineOffset() + m_editor->blockCount();
    // The span of a field on the shown lines (nullptr when elsewhere), with its path noted.
    auto spanFor = [&](int line, int column, int byteLength, std::string_view path) -> Span * {
        if (line < firstLine || line > lastLine)
            return nullptr;
        // One finding per place: fields that start there share it, underlined as far as the
        // longest of them reaches.
        const auto [found, added] = spanAt.try_emplace(std::make_pair(line, column), spans.size());
        if (added) {
            Span span;
            span.finding.line = line;
            span.finding.column = column;
            spans.push_back(std::move(span));
        }
        Span &span = spans[found->second];
        span.finding.byteLength = std::max(span.finding.byteLength, byteLength);
        if (span.paths.contains(q(path)))
            return &span;
        if (span.paths.size() < MaxPaths)
            span.paths << q(path);
        else
            ++span.morePaths;
        return &span;
    };
    auto addReason = [&](Span &span, const QString &reason) {
        if (span.reasons.contains(reason))
            return;
        if (span.reasons.size() < MaxReasons)
            span.reasons << reason;
        else
            ++span.moreReasons;
    };
    for (const auto &w : snapshot->workloads) {
        if (w.file != m_currentFile)
            continue;
        // The reason of each failing check, made once per workload.
        std::map<std::string_view, QStringList> reasonsOf;
        auto reasonsFor = [&](std::string_view checkId) -> const QStringList & {
            auto it = reasonsOf.find(checkId);
            if (it != reasonsOf.end())
                return it->second;
            QStringList reasons;
            for (const auto *ev : {&w.restricted, &w.baseline}) {
                for (const auto &r : ev->results) {
                    if (r.id != checkId || r.allowed)
                        continue;
                    const QString text = DetailsPane::elided(
                        QStringLiteral("%1: %2 (%3)")
                            .arg(q(std::string(r.id)), q(r.reason), q(r.detail)),
                        MaxReasonCharacters);
                    if (!reasons.contains(text))
                        reasons << text;
                }
            }
            return reasonsOf.emplace(checkId, reasons).first->second;
        };
        auto add = [&](const FieldEntry &f) {
            bool fails = false;
            for (const auto v : f.verdicts)
                fails |= v == Verdict::Fail;
            if (!fails)
                return;
            Span *span = spanFor(int(f.line()), int(f.column()),
                                 f.present() ? int(f.endOffset() - f.offset()) : 1, f.path());
            if (!span)
                return;
            span->finding.fixable |= f.fixable; // planned with the evaluation, off the GUI thread
            for (const auto &c : f.checks()) {
                if (c.allowed)
                    continue;
                for (const QString &reason : reasonsFor(c.checkId))
                    addReason(*span, reason);
            }
        };
        for (const auto &f : w.podFields)
            add(f);
        for (const auto &c : w.id().containers) {
            for (const auto &f : w.fieldsOf(c))
                add(f);
        }
    }
    // The checklist's failing fields shown here: a workload's, an object's, and those that
    // live in another object's file (the ServiceAccount of serviceAccountToken).
    const std::string &shown = snapshot->files[std::size_t(m_currentFile)].path;
    auto addChecklist = [&](int ownFile, const std::vector<Engine::Finding> &list) {
        for (const auto &finding : list) {
            if (finding.allowed || !finding.rule)
                continue;
            const QString reason = DetailsPane::elided(
                QStringLiteral("%1 (%2): %3 (%4)")
                    .arg(q(std::string(finding.rule->id)), SeverityBadge::text(finding.severity()),
                         q(finding.reason), q(finding.detail)),
                MaxReasonCharacters);
            for (const auto &f : finding.fields) {
                if (f.allowed || (f.file.empty() ? ownFile != m_currentFile : f.file != shown))
                    continue;
                if (Span *span = spanFor(int(f.line), int(f.column),
                                         f.present ? int(f.endOffset - f.offset) : 1, f.path))
                    addReason(*span, reason);
            }
        }
    };
    for (const auto &w : snapshot->workloads)
        addChecklist(w.file, w.id().checklist);
    for (const auto &o : snapshot->objects)
        addChecklist(o.file, o.checklist);
    for (const auto &ns : snapshot->namespaces)
        addChecklist(-1, ns.checklist);
    QVector<EditorFinding> findings;
    findings.reserve(qsizetype(spans.size()));
    for (Span &span : spans) {
        if (span.morePaths > 0)
            span.paths << tr("(and %Ln more fields here: YAML aliases)", nullptr, span.morePaths);
        if (span.moreReasons > 0)
            span.reasons << tr("(and %Ln more reasons)", nullptr, span.moreReasons);
        EditorFinding &e = span.finding;
        e.message = span.paths.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                    span.reasons.join(QLatin1Char('\n'));
        if (e.fixable)
            e.message += QLatin1Char('\n') + tr("A fix is available: click the light bulb.");
        findings << e;
    }
    m_editor->setFindings(findings);
}

void SelectionSync::showCurrentRow()
{
    if (m_applying) {
        refreshCurrentRow();
        return;
    }
    showRow();
}

void SelectionSync::showRow()
{
    const QModelIndex source = currentSource();
    m_details->showIndex(m_model, source, !m_workspace->isReadOnly());
    const int file = source.isValid() ? source.data(WorkloadTreeModel::FileIndexRole).toInt() : -1;
    const int line = source.data(WorkloadTreeModel::LineRole).toInt();
    const int column = std::max(1, source.data(WorkloadTreeModel::ColumnRole).toInt());
    // A row picked in the editor (m_syncing) is in the file shown.
    auto point = [&] {
        pointAt(source);
    };
    if (m_syncing || file < 0) {
        point();
        return;
    }
    const auto *workload = m_model->workloadAt(source);
    if (workload && workload->file == file) {
        showFile(file, workload);
    } else {
        // A checklist row (an object, a finding, a field in another object's file).
        WorkloadIdentity where;
        where.offset = source.data(WorkloadTreeModel::OffsetRole).toUInt();
        where.endOffset = source.data(WorkloadTreeModel::EndOffsetRole).toUInt();
        where.line = std::uint32_t(std::max(line, 1));
        WorkloadEntry place;
        place.file = file;
        place.identity = &where;
        showFile(file, &place);
    }
    point();
    if (line > 0 && !m_editor->hasFocus()) {
        const QScopedValueRollback syncing(m_syncing, true);
        m_editor->goToLine(line, column);
    }
}

void SelectionSync::pointAt(const QModelIndex &source)
{
    // The presenter view's pointer: the row's source on its line (a field's key and value),
    // when the row is in the file shown.
    const int file = source.isValid() ? source.data(WorkloadTreeModel::FileIndexRole).toInt() : -1;
    const int line = source.data(WorkloadTreeModel::LineRole).toInt();
    const int column = std::max(1, source.data(WorkloadTreeModel::ColumnRole).toInt());
    const auto offset = source.data(WorkloadTreeModel::OffsetRole).toUInt();
    const auto endOffset = source.data(WorkloadTreeModel::EndOffsetRole).toUInt();
    m_editor->setPointer(file >= 0 && file == m_currentFile ? line : 0, column,
                         endOffset > offset ? int(endOffset - offset) : 1);
}

void SelectionSync::refreshCurrentRow()
{
    const QModelIndex source = currentSource();
    // Nothing shown yet, or a large file's excerpt made stale by new bytes: show the row.
    if (m_currentFile < 0 || m_excerptKey == QLatin1String("stale")) {
        showRow();
        return;
    }
    // Otherwise the editor keeps the file and the place it shows; details and pointer follow.
    m_details->showIndex(m_model, source, !m_workspace->isReadOnly());
    pointAt(source);
}

void SelectionSync::showClickedRow(const QModelIndex &index)
{
    // The current row clicked again, after a re-evaluation left the editor elsewhere.
    if (index.siblingAtColumn(0) != m_tree->currentIndex().siblingAtColumn(0))
        return;
    const QModelIndex source = currentSource();
    const int file = source.isValid() ? source.data(WorkloadTreeModel::FileIndexRole).toInt() : -1;
    if (file >= 0 && file != m_currentFile)
        showRow();
}

void SelectionSync::onEditorCursor()
{
    if (m_syncing || !m_editor->hasFocus() || m_currentFile < 0)
        return;
    selectRowAtLine(m_editor->cursorLine(), false);
}

void SelectionSync::selectRowAtLine(int line, bool failingFieldsToo)
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot)
        return;
    // The deepest row of this file on the line: a field, else its workload. Absent fields
    // sit on their nearest ancestor's line; they count when failingFieldsToo.
    QModelIndex best;
    std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            if (m_model->namespaceAt(i)) {
                visit(i);
                continue;
            }
            const auto *w = m_model->workloadAt(i);
            if (!w || w->file != m_currentFile)
                continue;
            if (const auto *f = m_model->fieldAt(i)) {
                if (int(f->line()) == line &&
                    (f->present() ||
                     (failingFieldsToo && i.data(WorkloadTreeModel::AnyFailRole).toBool())))
                    best = i;
            } else if (m_model->containerAt(i)) {
                visit(i);
            } else if (int(w->id().line) <= line) {
                best = i; // the last workload starting at or above the cursor
                visit(i);
            }
        }
    };
    visit({});
    if (!best.isValid())
        return;
    const QModelIndex proxy = toProxy(best);
    if (!proxy.isValid())
        return;
    {
        const QScopedValueRollback syncing(m_syncing, true);
        m_tree->setCurrentIndex(proxy);
        m_tree->scrollTo(proxy);
    }
    m_details->showIndex(m_model, best, !m_workspace->isReadOnly());
}

bool SelectionSync::selectKey(const QString &key)
{
    QModelIndex source = m_model->indexForKey(key);
    if (!source.isValid()) {
        // "namespace", "namespace/name" or "namespace/name:field.path.suffix"
        const QString ns = key.section(QLatin1Char('/'), 0, 0);
        const QString rest = key.section(QLatin1Char('/'), 1);
        const QString name = rest.section(QLatin1Char(':'), 0, 0);
        const QString field = rest.section(QLatin1Char(':'), 1);
        std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
            for (int r = 0; r < m_model->rowCount(parent) && !source.isValid(); ++r) {
                const QModelIndex i = m_model->index(r, 0, parent);
                if (const auto *n = m_model->namespaceAt(i)) {
                    if (q(n->name) == ns && !key.contains(QLatin1Char('/')))
                        source = i; // "namespace": its own row
                    else if (q(n->name) == ns)
                        visit(i);
                    continue;
                }
                const auto *w = m_model->workloadAt(i);
                if (w && q(w->id().name) != name && !m_model->fieldAt(i) &&
                    !m_model->containerAt(i))
                    visit(i); // workloads it owns
                if (!w || q(w->id().name) != name)
                    continue;
                if (const auto *f = m_model->fieldAt(i)) {
                    if (q(f->path()).endsWith(field))
                        source = i;
                } else if (m_model->containerAt(i)) {
                    visit(i);
                } else if (field.isEmpty()) {
                    source = i;
                } else {
                    visit(i);
                }
            }
        };
        visit({});
    }
    if (!source.isValid())
        return false;
    const QModelIndex proxy = toProxy(source);
    if (!proxy.isValid())
        return false;
    m_tree->setCurrentIndex(proxy);
    m_tree->scrollTo(proxy);
    return true;
}

bool SelectionSync::selectWorkload(const std::string &key)
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot)
        return false;
    const auto &ws = snapshot->workloads;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (ws[i].key() != key)
            continue;
        // The tree's keys chain the namespace and each controller above the workload.
        QString chain;
        std::size_t top = i;
        for (int w = int(i), depth = 0; w >= 0 && depth <= int(ws.size()); ++depth) {
            top = std::size_t(w);
            chain.prepend(QStringLiteral("|w:") + q(ws[top].key()));
            w = ws.owner(top);
        }
        return selectKey(QStringLiteral("ns:") + q(ws[top].id().namespaceName) + chain);
    }
    return false;
}

} // namespace PodSec::Ui
