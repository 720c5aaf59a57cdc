// SPDX-License-Identifier: Apache-2.0
// MainWindow's Edit menu: Undo and Redo of the editor's document wherever the keyboard focus
// is, Cut, Copy, Paste and Select All of the focused text (or the editor), Copy of rows.
#include "editor/codeeditor.h"
#include "mainwindow.h"
#include "models/workloadtreemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>
#include <QTextEdit>
#include <QTreeView>

#include <algorithm>

namespace PodSec::Ui {

namespace {

/// Lets Undo and Redo go past a line edit that has nothing of its own to undo or redo (a
/// line edit takes those keys even then): the window's Undo then undoes the document.
class UndoPassThrough final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *edit = qobject_cast<QLineEdit *>(watched);
        if (edit && event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            if ((key->matches(QKeySequence::Undo) && !edit->isUndoAvailable()) ||
                (key->matches(QKeySequence::Redo) && !edit->isRedoAvailable())) {
                event->ignore();
                return true; // the shortcut map goes on to the window's action
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(tr("&Undo"), this, [this] {
        if (m_undoAction->isEnabled())
            m_editor->undo();
    });
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_redoAction = edit->addAction(tr("&Redo"), this, [this] {
        if (m_redoAction->isEnabled())
            m_editor->redo();
    });
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    edit->addSeparator();
    // Cut, Copy, Paste and Select All act on the focused text (the editor, the filter, the
    // details) or, when the focus is elsewhere, on the editor; Copy in a list copies rows.
    m_cutAction = edit->addAction(tr("Cu&t"), this, [this] {
        if (auto *line = qobject_cast<QLineEdit *>(QApplication::focusWidget()))
            line->cut();
        else if (auto *text = qobject_cast<QTextEdit *>(QApplication::focusWidget()))
            text->cut();
        else if (!m_editor->isReadOnly())
            m_editor->cut();
    });
    m_cutAction->setShortcuts(QKeySequence::Cut);
    m_cutAction->setObjectName(QStringLiteral("cutAction"));
    QAction *copy = edit->addAction(tr("&Copy"), this, [this] {
        QWidget *focus = QApplication::focusWidget();
        if (auto *line = qobject_cast<QLineEdit *>(focus))
            line->copy();
        else if (auto *text = qobject_cast<QTextEdit *>(focus))
            text->copy();
        else if (auto *view = qobject_cast<QAbstractItemView *>(focus))
            copyRows(view);
        else
            m_editor->copy();
    });
    copy->setShortcuts(QKeySequence::Copy);
    copy->setObjectName(QStringLiteral("copyAction"));
    m_pasteAction = edit->addAction(tr("&Paste"), this, [this] {
        if (auto *line = qobject_cast<QLineEdit *>(QApplication::focusWidget()))
            line->paste();
        else if (!m_editor->isReadOnly())
            m_editor->paste();
    });
    m_pasteAction->setShortcuts(QKeySequence::Paste);
    m_pasteAction->setObjectName(QStringLiteral("pasteAction"));
    edit->addSeparator();
    QAction *selectAll = edit->addAction(tr("Select &All"), this, [this] {
        QWidget *focus = QApplication::focusWidget();
        if (auto *line = qobject_cast<QLineEdit *>(focus))
            line->selectAll();
        else if (auto *text = qobject_cast<QTextEdit *>(focus))
            text->selectAll();
        else if (auto *view = qobject_cast<QAbstractItemView *>(focus);
                 view && view->selectionMode() == QAbstractItemView::ExtendedSelection)
            view->selectAll();
        else
            m_editor->selectAll();
    });
    selectAll->setShortcuts(QKeySequence::SelectAll);
    selectAll->setObjectName(QStringLiteral("selectAllAction"));

    m_filterEdit->installEventFilter(new UndoPassThrough(this));
    connect(edit, &QMenu::aboutToShow, this, &MainWindow::updateEditActions);
    connect(m_editor, &QPlainTextEdit::undoAvailable, this, &MainWindow::updateEditActions);
    connect(m_editor, &QPlainTextEdit::redoAvailable, this, &MainWindow::updateEditActions);
    connect(m_editor, &CodeEditor::documentStateChanged, this, &MainWindow::updateEditActions);
    connect(qApp, &QApplication::focusChanged, this, &MainWindow::updateEditActions);
    updateEditActions();
}

void MainWindow::updateEditActions()
{
    // Undo and Redo follow the document the editor shows, wherever the focus is.
    const QTextDocument *doc = m_editor->document();
    const bool editable = !m_editor->isReadOnly();
    m_undoAction->setEnabled(editable && doc && doc->isUndoAvailable());
    m_redoAction->setEnabled(editable && doc && doc->isRedoAvailable());
    // Cut and Paste need text that can be changed: a focused line edit, or the editor.
    QWidget *focus = QApplication::focusWidget();
    bool target = editable;
    if (auto *line = qobject_cast<QLineEdit *>(focus))
        target = !line->isReadOnly();
    else if (auto *text = qobject_cast<QTextEdit *>(focus))
        target = !text->isReadOnly();
    m_cutAction->setEnabled(target);
    m_pasteAction->setEnabled(target);
}

void MainWindow::copyRows(QAbstractItemView *view)
{
    // The selected rows in the order shown (the current one when none is selected): each
    // shown column's text, tab-separated; a namespace's label chips after its name.
    QModelIndexList rows =
        view->selectionModel() ? view->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows << view->currentIndex().siblingAtColumn(0);
    if (rows.isEmpty())
        return;
    auto *tree = qobject_cast<QTreeView *>(view);
    auto path = [](QModelIndex i) {
        QList<int> rowsFromTop;
        for (; i.isValid(); i = i.parent())
            rowsFromTop.prepend(i.row());
        return rowsFromTop;
    };
    std::sort(rows.begin(), rows.end(),
              [&path](const QModelIndex &a, const QModelIndex &b) { return path(a) < path(b); });
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int visual = 0; visual < view->model()->columnCount(row.parent()); ++visual) {
            // The columns in the order they are shown (a user may have moved them).
            const int c = tree ? tree->header()->logicalIndex(visual) : visual;
            if (c < 0 || (tree && tree->isColumnHidden(c)))
                continue;
            const QModelIndex cell = row.siblingAtColumn(c);
            QString text = cell.data(Qt::DisplayRole).toString();
            const QStringList chips = cell.data(WorkloadTreeModel::ChipsRole).toStringList();
            if (view == m_tree && c == WorkloadTreeModel::NameColumn && !chips.isEmpty())
                text += QStringLiteral(" [") + chips.join(QStringLiteral(", ")) + QLatin1Char(']');
            cells << text;
        }
        while (!cells.isEmpty() && cells.last().isEmpty())
            cells.removeLast();
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    statusBar()->showMessage(tr("Copied %n row(s)", nullptr, int(rows.size())), 4000);
}

} // namespace PodSec::Ui
