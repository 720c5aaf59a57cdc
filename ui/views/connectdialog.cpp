// SPDX-License-Identifier: Apache-2.0
#include "connectdialog.h"

#include "common/fileinput.h"
#include "models/accesstreemodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
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
    m_contexts->setHeaderLabels(
        {tr("Context"), tr("Cluster"), tr("User"), tr("Namespace"), tr("Credentials")});
    m_contexts->setRootIsDecorated(false);
    m_contexts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_credentials = new QLabel(this);
    m_credentials->setWordWrap(true);
    m_credentials->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_contexts, &QTreeWidget::currentItemChanged, this, &ConnectDialog::showCredentials);
    m_confirm = [this](const QString &text) {
        return QMessageBox::warning(this, tr("Connect with a dangerous credential?"), text,
                                    QMessageBox::Yes | QMessageBox::Cancel,
                                    QMessageBox::Cancel) == QMessageBox::Yes;
    };
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
    layout->addWidget(m_credentials);
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
    // The credential audit of the same files (spec/access.md §4): nothing secret is copied
    // into a finding.
    std::vector<std::pair<std::string, std::string>> texts;
    for (const auto &f : files) {
        std::string text, error;
        if (readBoundedFile(f, Cluster::MaxKubeconfigBytes, text, error))
            texts.emplace_back(f, std::move(text));
    }
    m_findings = Access::auditKubeconfigs(texts, QDateTime::currentDateTimeUtc()).findings;
    m_contexts->clear();
    for (const auto &c : m_config.contexts) {
        int counts[4] = {};
        for (const auto &f : m_findings) {
            if (f.context == c.name)
                ++counts[int(f.severity)];
        }
        QStringList summary;
        for (int sev = 0; sev < 4; ++sev) {
            if (counts[sev])
                summary << QStringLiteral("%1 %2")
                               .arg(counts[sev])
                               .arg(AccessTreeModel::severityText(Engine::Severity(sev)));
        }
        auto *item = new QTreeWidgetItem(
            m_contexts,
            {q(c.name), q(c.cluster), q(c.user),
             c.namespaceName.empty() ? QStringLiteral("default") : q(c.namespaceName),
             summary.isEmpty() ? tr("no finding") : summary.join(QStringLiteral(", "))});
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

void ConnectDialog::showCredentials()
{
    const QString context = selectedContext();
    QStringList lines;
    for (const auto &f : m_findings) {
        if (q(f.context) != context)
            continue;
        lines << QStringLiteral("<b>%1</b> %2 (%3): %4")
                     .arg(AccessTreeModel::severityText(f.severity), q(f.id),
                          f.user.empty() ? tr("cluster %1").arg(q(f.cluster))
                                         : tr("user %1").arg(q(f.user)),
                          q(f.detail))
                     .toHtmlEscaped()
                     .replace(QStringLiteral("&lt;b&gt;"), QStringLiteral("<b>"))
                     .replace(QStringLiteral("&lt;/b&gt;"), QStringLiteral("</b>"));
    }
    m_credentials->setText(
        context.isEmpty() ? QString()
        : lines.isEmpty()
            ? tr("Credentials of %1: no finding.").arg(context.toHtmlEscaped())
            : tr("Credentials of %1 (podsec explain ID tells more):").arg(context.toHtmlEscaped()) +
                  QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
}

QStringList ConnectDialog::dangers(const QString &context) const
{
    QStringList out;
    for (const auto &f : m_findings) {
        if (q(f.context) == context && int(f.severity) <= int(Engine::Severity::Danger))
            out << QStringLiteral("%1: %2").arg(q(f.id), q(f.detail));
    }
    return out;
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
    const QStringList danger = dangers(selectedContext());
    if (!danger.isEmpty() &&
        !m_confirm(tr("The credentials of %1 are rated danger:\n\n%2\n\nConnect anyway?")
                       .arg(selectedContext(), danger.join(QLatin1Char('\n')))))
        return;
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
