// SPDX-License-Identifier: Apache-2.0
// View ▸ Language: switching the interface language while the window is open.
#include "language.h"
#include "mainwindow.h"
#include "models/workspace.h"

#include <QAbstractItemView>
#include <QActionGroup>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>

namespace PodSec::Ui {

void MainWindow::createLanguageMenu(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("Lan&guage"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    for (const QString &language : Language::available()) {
        // Each language by its own name, as every program lists them.
        QAction *a = menu->addAction(Language::nativeName(language));
        a->setCheckable(true);
        a->setChecked(language == Language::current());
        a->setData(language);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [language] {
            QSettings().setValue(QStringLiteral("language"), language);
            Language::set(language);
        });
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    // Static texts (menus, buttons, labels, placeholders) through what the translator
    // remembers; texts with numbers and names are made again.
    Language::retranslate(this);
    if (auto *menu = findChild<QMenu *>(QStringLiteral("languageMenu"))) {
        for (QAction *a : menu->actions())
            a->setChecked(a->data().toString() == Language::current());
    }
    for (QAbstractItemView *v : findChildren<QAbstractItemView *>()) {
        if (QAbstractItemModel *model = v->model()) {
            if (model->columnCount() > 0)
                Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
        }
        v->viewport()->update();
    }
    fitColumns(); // badge words are longer or shorter in the other language
    updateStatus();
    // The tree's cached texts (namespace summaries) and the details pane come from the next
    // evaluation, in the new language.
    if (!m_workspace->paths().isEmpty())
        m_workspace->setOptions(m_workspace->options());
}

} // namespace PodSec::Ui
