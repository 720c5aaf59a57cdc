// SPDX-License-Identifier: Apache-2.0
// View → Presenter (F11), and the editor and the tree collapsible to one key (issue 18 item 2).
#include "detailspane.h"
#include "editor/codeeditor.h"
#include "mainwindow.h"
#include "treeheader.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>

namespace PodSec::Ui {

void MainWindow::createPresenterActions(QMenu *view)
{
    m_presenterAction = view->addAction(tr("Pre&senter View"));
    m_presenterAction->setObjectName(QStringLiteral("presenterAction"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presenterAction->setStatusTip(
        tr("Full screen, large text and badges, every column in view (F11 or Escape leaves)"));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenting);
    // Escape leaves too; it is the window's only while presenting.
    m_leavePresenterAction = new QAction(tr("Leave the Presenter View"), this);
    m_leavePresenterAction->setObjectName(QStringLiteral("leavePresenterAction"));
    m_leavePresenterAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leavePresenterAction->setEnabled(false);
    connect(m_leavePresenterAction, &QAction::triggered, this, [this] { setPresenting(false); });
    addAction(m_leavePresenterAction);

    m_editorAction = view->addAction(tr("Edi&tor"));
    m_editorAction->setObjectName(QStringLiteral("showEditorAction"));
    m_editorAction->setCheckable(true);
    m_editorAction->setChecked(true);
    m_editorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_editorAction->setStatusTip(tr("Shows or hides the YAML editor"));
    connect(m_editorAction, &QAction::toggled, this, &MainWindow::setEditorShown);
    m_treeAction = view->addAction(tr("&Workload Tree"));
    m_treeAction->setObjectName(QStringLiteral("showTreeAction"));
    m_treeAction->setCheckable(true);
    m_treeAction->setChecked(true);
    m_treeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_treeAction->setStatusTip(tr("Shows or hides the workload tree (and the Access and Overview "
                                  "tabs); the details stay"));
    connect(m_treeAction, &QAction::toggled, this, &MainWindow::setTreeShown);
}

void MainWindow::setPresenting(bool on)
{
    if (on != m_presenting) {
        m_presenting = on;
        if (on) {
            m_geometryBeforePresenting = geometry();
            m_stateBeforePresenting = windowState();
            m_zoomBeforePresenting = m_zoom;
            if (m_zoom < PresenterZoom)
                zoom(PresenterZoom - m_zoom);
            showFullScreen();
            statusBar()->showMessage(tr("Presenter view: F11 or Escape leaves it"), 8000);
        } else {
            // The zoom the window had (zoom() steps from the current one; 0 resets).
            if (m_zoom != m_zoomBeforePresenting)
                zoom(m_zoomBeforePresenting == 0 ? 0 : m_zoomBeforePresenting - m_zoom);
            if (m_stateBeforePresenting & Qt::WindowMaximized) {
                showMaximized();
            } else {
                showNormal();
                setGeometry(m_geometryBeforePresenting);
            }
            statusBar()->clearMessage();
        }
        m_details->setExplanationFirst(on);
        m_editor->setPointerShown(on);
        pinColumns();
    }
    const QSignalBlocker block(m_presenterAction);
    m_presenterAction->setChecked(on);
    m_leavePresenterAction->setEnabled(on);
}

void MainWindow::pinColumns()
{
    const bool pin = m_presenting || m_zoom >= PinColumnsZoom;
    if (pin == m_header->isPinned())
        return;
    m_header->setPinned(pin);
    fitColumns(); // pinned, the badge columns are sized for their usual words
}

void MainWindow::setEditorShown(bool shown)
{
    // The keyboard focus does not stay in a hidden pane.
    if (!shown && m_editorPane->isAncestorOf(QApplication::focusWidget()))
        (m_leftTabs->isVisible() ? static_cast<QWidget *>(m_tree) : m_details)->setFocus();
    m_editorPane->setVisible(shown);
    const QSignalBlocker block(m_editorAction);
    m_editorAction->setChecked(shown);
}

void MainWindow::setTreeShown(bool shown)
{
    if (!shown && m_leftTabs->isAncestorOf(QApplication::focusWidget()))
        (m_editorPane->isVisible() ? static_cast<QWidget *>(m_editor) : m_details)->setFocus();
    m_leftTabs->setVisible(shown);
    const QSignalBlocker block(m_treeAction);
    m_treeAction->setChecked(shown);
}

} // namespace PodSec::Ui
