// SPDX-License-Identifier: Apache-2.0
#include "problemspanel.h"

#include "models/problemsmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>

#include <algorithm>
#include <functional>

namespace PodSec::Ui {

namespace {

/// A tree view whose Copy is the panel's (QAbstractItemView copies only the current cell).
class ProblemsView final : public QTreeView
{
public:
    std::function<void()> copy;

protected:
    bool event(QEvent *event) override
    {
        // Ctrl+C comes here, not to the window's Edit ▸ Copy (which copies plain rows).
        if (event->type() == QEvent::ShortcutOverride && copy &&
            static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
            event->accept();
            return true;
        }
        return QTreeView::event(event);
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event == QKeySequence::Copy && copy) {
            copy();
            event->accept();
            return;
        }
        QTreeView::keyPressEvent(event);
    }
};

} // namespace

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QDockWidget(parent), m_model(new ProblemsModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new ProblemsView), m_empty(new QLabel)
{
    setObjectName(QStringLiteral("problemsPanel"));
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
    m_model->setSeverityIcons(style()->standardIcon(QStyle::SP_MessageBoxCritical),
                              style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProblemsModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    // Unsorted at first: the order `podsec check` prints.
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_proxy->sort(-1);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(ProblemsModel::SeverityColumn, 110);
    m_view->setColumnWidth(ProblemsModel::FileColumn, 360);
    m_view->setColumnWidth(ProblemsModel::LineColumn, 60);
    m_view->setColumnWidth(ProblemsModel::ColumnColumn, 70);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Enter (activated) and double-click open the place with the focus there; a click only
    // shows it.
    connect(m_view, &QAbstractItemView::activated, this,
            [this](const QModelIndex &i) { requestOpen(i, true); });
    connect(m_view, &QAbstractItemView::clicked, this,
            [this](const QModelIndex &i) { requestOpen(i, false); });
    connect(m_view, &QWidget::customContextMenuRequested, this, &ProblemsPanel::showContextMenu);
    static_cast<ProblemsView *>(m_view)->copy = [this] {
        QApplication::clipboard()->setText(selectedText(false));
    };

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    auto *stack = new QStackedWidget;
    stack->addWidget(m_empty);
    stack->addWidget(m_view);
    setWidget(stack);
    setFocusProxy(m_view);
    retranslate();
    setSnapshot(nullptr);
}

void ProblemsPanel::retranslate()
{
    const int n = m_model->rowCount();
    setWindowTitle(tr("Problems (%n)", nullptr, n));
    m_view->setAccessibleName(tr("Problems"));
    m_empty->setText(m_model->snapshot() ? tr("No problems: every file was read and parsed.")
                                         : tr("No workspace open."));
}

void ProblemsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void ProblemsPanel::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot)
{
    const QModelIndex current = m_view->currentIndex();
    const int currentRow = current.row();
    const QString currentLine = current.data(ProblemsModel::ProblemLineRole).toString();
    const bool hadFocus = m_view->hasFocus();
    m_model->setSnapshot(std::move(snapshot));
    if (!currentLine.isEmpty()) {
        // The same problem after a re-evaluation (the rows are rebuilt).
        const QModelIndexList same =
            m_proxy->match(m_proxy->index(0, ProblemsModel::SeverityColumn),
                           ProblemsModel::ProblemLineRole, currentLine, 1, Qt::MatchExactly);
        if (!same.isEmpty())
            m_view->setCurrentIndex(same.first());
        else if (m_proxy->rowCount() > 0) // fixed: its neighbour is next
            m_view->setCurrentIndex(
                m_proxy->index(std::min(currentRow, m_proxy->rowCount() - 1), 0));
    }
    auto *stack = static_cast<QStackedWidget *>(widget());
    stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
    setFocusProxy(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view) : nullptr);
    if (hadFocus && m_model->rowCount() > 0)
        m_view->setFocus();
    retranslate();
}

void ProblemsPanel::reveal()
{
    show();
    raise();
    if (m_model->rowCount() > 0) {
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        m_view->setFocus(Qt::ShortcutFocusReason);
    }
}

void ProblemsPanel::requestOpen(const QModelIndex &proxyIndex, bool focus)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (const FileProblem *p = m_model->problemAt(source.row()))
        Q_EMIT openRequested(*p, focus);
}

QString ProblemsPanel::selectedText(bool messagesOnly) const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows << m_view->currentIndex();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &r : std::as_const(rows)) {
        const QModelIndex source = m_proxy->mapToSource(r);
        lines << (messagesOnly
                      ? m_model->index(source.row(), ProblemsModel::MessageColumn).data().toString()
                      : source.data(ProblemsModel::ProblemLineRole).toString());
    }
    return lines.join(QLatin1Char('\n'));
}

void ProblemsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex at = m_view->indexAt(pos);
    if (!at.isValid())
        return;
    if (!m_view->selectionModel()->isRowSelected(at.row(), at.parent()))
        m_view->setCurrentIndex(at);
    QMenu menu(this);
    menu.addAction(tr("&Open"), this, [this, at] { requestOpen(at, true); });
    menu.addSeparator();
    menu.addAction(tr("&Copy"), this,
                   [this] { QApplication::clipboard()->setText(selectedText(false)); });
    menu.addAction(tr("Copy &Message"), this,
                   [this] { QApplication::clipboard()->setText(selectedText(true)); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace PodSec::Ui
