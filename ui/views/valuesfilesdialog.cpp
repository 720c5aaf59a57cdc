// SPDX-License-Identifier: Apache-2.0
#include "valuesfilesdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace PodSec::Ui {

ValuesFilesDialog::ValuesFilesDialog(const QStringList &files, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this))
{
    setWindowTitle(tr("Helm values files"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Every chart is rendered with its own values.yaml, then with "
                                "these files in this order (helm template --values):"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list->setObjectName(QStringLiteral("valuesFiles"));
    m_list->addItems(files);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    auto *side = new QVBoxLayout;
    auto *add = new QPushButton(tr("&Add…"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    side->addWidget(add);
    side->addWidget(remove);
    side->addStretch();
    row->addLayout(side);
    layout->addLayout(row, 1);
    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList picked =
            QFileDialog::getOpenFileNames(this, tr("Add values files"), QString(),
                                          tr("YAML files (*.yaml *.yml);;All files (*)"));
        m_list->addItems(picked);
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_list->selectedItems()); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 300);
}

QStringList ValuesFilesDialog::files() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

} // namespace PodSec::Ui
