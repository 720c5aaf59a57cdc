// SPDX-License-Identifier: Apache-2.0
#include "connectdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace PodSec::Ui {

namespace {
QString q(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

ConnectDialog::ConnectDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Connect to a cluster"));
    m_path = new QLineEdit(this);
    m_path->setClearButtonEnabled(true);
    m_path->setToolTip(tr("A kubeconfig file; type or paste a path and press Enter. Empty: "
                          "KUBECONFIG, else ~/.kube/config."));
    // A typed path is read when editing ends (Enter, or leaving the field). The Enter that
    // reads it does not also connect: the default button's click right after is ignored.
    connect(m_path, &QLineEdit::returnPressed, this, [this] {
        if (m_path->text() == m_loaded)
            return;
        load(m_path->text().trimmed());
        m_readOnEnter = true;
        QTimer::singleShot(0, this, [this] { m_readOnEnter = false; });
    });
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_path->text() != m_loaded)
            load(m_path->text().trimmed());
    });
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Choose a kubeconfig"), QDir::homePath() + QStringLiteral("/.kube"));
        if (!file.isEmpty())
            load(file);
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(new QLabel(tr("Kubeconfig:"), this));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_contexts = new QTreeWidget(this);
    m_contexts->setHeaderLabels({tr("Context"), tr("Cluster"), tr("User"), tr("Namespace")});
    m_contexts->setRootIsDecorated(false);
    m_contexts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_errors = new QLabel(this);
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *note =
        new QLabel(tr("The cluster is only read (list and get); nothing is changed."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_contexts, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pathRow);
    layout->addWidget(m_contexts, 1);
    layout->addWidget(m_errors);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(760, 420);
    load({});
}

void ConnectDialog::load(const QString &explicitFile)
{
    const QByteArray env = qgetenv("KUBECONFIG");
    const auto files = Cluster::kubeconfigFiles(explicitFile.toStdString(), env.toStdString(),
                                                QDir::homePath().toStdString());
    m_config = Cluster::loadKubeconfig(files, !explicitFile.isEmpty());
    QStringList shown;
    for (const auto &f : files)
        shown << q(f);
    m_loaded = shown.join(QLatin1Char(':'));
    m_path->setText(m_loaded);
    m_contexts->clear();
    for (const auto &c : m_config.contexts) {
        auto *item = new QTreeWidgetItem(
            m_contexts, {q(c.name), q(c.cluster), q(c.user),
                         c.namespaceName.empty() ? QStringLiteral("default") : q(c.namespaceName)});
        if (c.name == m_config.currentContext) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            m_contexts->setCurrentItem(item);
        }
    }
    if (!m_contexts->currentItem() && m_contexts->topLevelItemCount() > 0)
        m_contexts->setCurrentItem(m_contexts->topLevelItem(0));
    QStringList errors;
    for (const auto &e : m_config.errors)
        errors << q(e.text()).toHtmlEscaped();
    if (m_config.contexts.empty() && errors.isEmpty())
        errors << tr("No contexts found.");
    m_errors->setText(errors.isEmpty() ? QString()
                                       : QStringLiteral("<span style='color:#c62828'>%1</span>")
                                             .arg(errors.join(QStringLiteral("<br>"))));
}

void ConnectDialog::accept()
{
    // Enter in the path field reads the typed file first; it connects on the next Enter.
    if (m_readOnEnter) {
        m_readOnEnter = false;
        return;
    }
    if (m_path->text() != m_loaded) {
        load(m_path->text().trimmed());
        return;
    }
    QDialog::accept();
}

QString ConnectDialog::kubeconfigPath() const
{
    return m_path->text();
}

QString ConnectDialog::selectedContext() const
{
    const auto *item = m_contexts->currentItem();
    return item ? item->text(0) : QString();
}

} // namespace PodSec::Ui
