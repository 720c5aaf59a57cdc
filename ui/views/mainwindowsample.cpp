// SPDX-License-Identifier: Apache-2.0
// MainWindow's File ▸ Reset Sample Workspace: the user's copy of the sample, as shipped again.
#include "mainwindow.h"
#include "models/workspace.h"
#include "recoverycontroller.h"
#include "sampleworkspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QMessageBox>
#include <QStatusBar>

namespace PodSec::Ui {

void MainWindow::updateResetAction()
{
    if (!m_resetSampleAction)
        return;
    const bool sample = !m_workspace->isReadOnly() && SampleWorkspace::isCopy(m_workspace->roots());
    m_resetSampleAction->setEnabled(sample);
}

bool MainWindow::resetSampleWorkspace()
{
    if (!SampleWorkspace::isCopy(m_workspace->roots()) || m_workspace->isReadOnly())
        return false;
    // Unsaved edits first, as when closing; then the reset itself, No by default.
    if (!confirmDiscard())
        return false;
    QMessageBox box(QMessageBox::Question, tr("Reset the sample workspace?"),
                    tr("Put the sample workspace back as it was shipped?"),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("resetSampleQuestion"));
    box.setInformativeText(
        tr("Every fix and edit saved in %1 is lost: its files are replaced by the sample's.")
            .arg(SampleWorkspace::copy()));
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    box.button(QMessageBox::Yes)->setText(tr("&Reset"));
    box.button(QMessageBox::No)->setText(tr("&Keep My Changes"));
    if (box.exec() != QMessageBox::Yes)
        return false;
    // The documents and the watch on the files go before the files are replaced; the edits
    // kept for recovery are for files that are about to be replaced.
    const QStringList roots = m_workspace->roots();
    closeDocuments();
    m_recovery->forgetAll();
    QString error;
    const bool reset = SampleWorkspace::reset(&error);
    openPaths(roots); // the sample as shipped, or (failed) the copy as it was
    if (!reset) {
        QMessageBox::warning(
            this, tr("Reset failed"),
            tr("The sample workspace was not reset: %1\nIts files are unchanged.").arg(error));
        return false;
    }
    statusBar()->showMessage(
        tr("The sample workspace is as shipped again (%1)").arg(SampleWorkspace::copy()), 10000);
    return true;
}

} // namespace PodSec::Ui
