// SPDX-License-Identifier: Apache-2.0
#include "originfixdialog.h"

#include "fix/unifieddiff.h"
#include "zoomfonts.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace PodSec::Ui {

OriginFixDialog::OriginFixDialog(const QString &root, const Engine::OriginFixResult &result,
                                 QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Fix %1 in the files it came from").arg(root));
    auto *layout = new QVBoxLayout(this);
    QStringList lines;
    for (const auto &f : result.files) {
        for (const auto &a : f.applied)
            lines << tr("%1: %2").arg(QString::fromStdString(f.path), QString::fromStdString(a));
        m_diff += QString::fromStdString(Fix::unifiedDiff(f.before, f.after, f.path));
    }
    auto *summary = new QLabel(
        result.files.empty()
            ? tr("Nothing in %1 can be fixed in the files it came from: what fails is set by a "
                 "patch or changed on the way. The details name where to change it.")
                  .arg(root)
            : tr("Checked by rendering %1 again with these changes. Write Files changes %n "
                 "file(s) on disk now; this cannot be undone in the editor.",
                 nullptr, int(result.files.size()))
                  .arg(root),
        this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    if (!lines.isEmpty()) {
        auto *applied = new QLabel(lines.join(QLatin1Char('\n')), this);
        applied->setObjectName(QStringLiteral("originFixApplied"));
        applied->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(applied);
    }
    for (const auto &note : result.notes) {
        auto *n = new QLabel(tr("Not kept: %1").arg(QString::fromStdString(note)), this);
        n->setWordWrap(true);
        n->setObjectName(QStringLiteral("originFixNote"));
        layout->addWidget(n);
    }
    if (!m_diff.isEmpty()) {
        auto *diff = new QPlainTextEdit(m_diff, this);
        diff->setObjectName(QStringLiteral("originFixDiff"));
        diff->setReadOnly(true);
        diff->setLineWrapMode(QPlainTextEdit::NoWrap);
        diff->setFont(zoomingMonospaceFont());
        layout->addWidget(diff, 1);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    if (!result.files.empty()) {
        QPushButton *write = buttons->addButton(tr("&Write Files"), QDialogButtonBox::AcceptRole);
        write->setObjectName(QStringLiteral("originFixWrite"));
        write->setDefault(true);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 520);
}

} // namespace PodSec::Ui
