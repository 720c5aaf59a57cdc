// SPDX-License-Identifier: Apache-2.0
#include "whatifdialog.h"

#include "zoomfonts.h"

#include "engine/whatifpods.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace PodSec::Ui {

namespace {
const char *const Modes[] = {"enforce", "audit", "warn"};
}

WhatIfDialog::WhatIfDialog(Input input, QWidget *parent)
    : QDialog(parent), m_input(std::move(input))
{
    setWindowTitle(tr("What if the labels of %1 change?").arg(QString::fromStdString(m_input.ns)));
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Mode"), this), 0, 0);
    grid->addWidget(new QLabel(tr("Level"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Version"), this), 0, 2);
    for (int m = 0; m < 3; ++m) {
        grid->addWidget(new QLabel(QString::fromLatin1(Modes[m]), this), m + 1, 0);
        m_level[m] = new QComboBox(this);
        m_level[m]->addItem(tr("(no label)"), QString());
        for (const char *l : {"privileged", "baseline", "restricted"})
            m_level[m]->addItem(QString::fromLatin1(l), QString::fromLatin1(l));
        m_version[m] = new QComboBox(this);
        m_version[m]->addItem(tr("(no label)"), QString());
        m_version[m]->addItem(QStringLiteral("latest"), QStringLiteral("latest"));
        for (int v = Policy::NewestMinor; v >= 0; --v)
            m_version[m]->addItem(QStringLiteral("v1.%1").arg(v), QStringLiteral("v1.%1").arg(v));
        // Start from the labels as written: a value that is not one of the choices (a typo
        // such as "restrictd") is offered as it is, marked invalid, never dropped.
        const std::string levelKey = std::string("pod-security.kubernetes.io/") + Modes[m];
        auto selectAsWritten = [](QComboBox *combo, const std::string &value) {
            const QString v = QString::fromStdString(value);
            int i = combo->findData(v);
            if (i < 0) {
                combo->insertItem(1, tr("%1 (invalid)").arg(v), v);
                i = 1;
            }
            combo->setCurrentIndex(i);
        };
        for (const auto &[k, v] : m_input.currentLabels) {
            if (k == levelKey)
                selectAsWritten(m_level[m], v);
            if (k == levelKey + "-version")
                selectAsWritten(m_version[m], v);
        }
        grid->addWidget(m_level[m], m + 1, 1);
        grid->addWidget(m_version[m], m + 1, 2);
        connect(m_level[m], &QComboBox::currentIndexChanged, this, &WhatIfDialog::recompute);
        connect(m_version[m], &QComboBox::currentIndexChanged, this, &WhatIfDialog::recompute);
    }
    const QFont mono = zoomingMonospaceFont(); // at the window's zoom, and following it
    auto makeText = [&](int lines) {
        auto *t = new QPlainTextEdit(this);
        t->setReadOnly(true);
        t->setFont(mono);
        t->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        t->setMinimumHeight(t->fontMetrics().height() * lines);
        return t;
    };
    m_answer = makeText(8);
    m_command = makeText(2);
    m_patch = makeText(5);
    m_command->setPlaceholderText(tr("(nothing to change)"));
    m_patch->setPlaceholderText(tr("(nothing to change)"));
    auto copyButton = [&](QPlainTextEdit *from) {
        auto *b = new QPushButton(tr("Copy"), this);
        connect(b, &QPushButton::clicked, this,
                [from] { QApplication::clipboard()->setText(from->toPlainText()); });
        connect(from, &QPlainTextEdit::textChanged, b,
                [b, from] { b->setEnabled(!from->document()->isEmpty()); });
        return b;
    };
    m_pods = new QTreeWidget(this);
    m_pods->setHeaderHidden(true);
    m_pods->setFont(mono);
    m_pods->setWordWrap(true);
    m_podsLabel =
        new QLabel(tr("The pods behind each warning (open a line to see all of them):"), this);
    m_podsLabel->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    if (const QString notice = invalidLabelNotice(); !notice.isEmpty()) {
        auto *label = new QLabel(notice, this);
        label->setObjectName(QStringLiteral("invalidLabels"));
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
    }
    if (!m_input.strictestMet.isEmpty())
        layout->addWidget(
            new QLabel(tr("Every current workload of this namespace already meets: <b>%1</b>")
                           .arg(m_input.strictestMet),
                       this));
    layout->addLayout(grid);
    layout->addWidget(new QLabel(tr("kubectl label --dry-run=server would answer:"), this));
    layout->addWidget(m_answer, 1);
    layout->addWidget(m_podsLabel);
    layout->addWidget(m_pods, 1);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(new QLabel(tr("Command:"), this));
    commandRow->addStretch();
    commandRow->addWidget(copyButton(m_command));
    layout->addLayout(commandRow);
    layout->addWidget(m_command);
    auto *patchRow = new QHBoxLayout;
    patchRow->addWidget(new QLabel(tr("Patch (kubectl patch namespace … --type merge):"), this));
    patchRow->addStretch();
    patchRow->addWidget(copyButton(m_patch));
    layout->addLayout(patchRow);
    layout->addWidget(m_patch);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(860, 620);
    recompute();
}

void WhatIfDialog::propose(int mode, const QString &level, const QString &version)
{
    m_level[mode]->setCurrentIndex(qMax(0, m_level[mode]->findData(level)));
    m_version[mode]->setCurrentIndex(qMax(0, m_version[mode]->findData(version)));
}

Admission::Labels WhatIfDialog::proposedLabels() const
{
    // Labels that are not pod-security ones stay; the six are replaced by the choices.
    Admission::Labels labels;
    for (int m = 0; m < 3; ++m) {
        const QString level = m_level[m]->currentData().toString();
        const QString version = m_version[m]->currentData().toString();
        if (!level.isEmpty())
            labels.emplace_back(std::string("pod-security.kubernetes.io/") + Modes[m],
                                level.toStdString());
        if (!version.isEmpty())
            labels.emplace_back(std::string("pod-security.kubernetes.io/") + Modes[m] + "-version",
                                version.toStdString());
    }
    return labels;
}

QString WhatIfDialog::invalidLabelNotice() const
{
    // What the API server does with the labels as written (spec/pss-checks.md §6.2, §6.6).
    const auto policy =
        Admission::resolveNamespacePolicy(m_input.currentLabels, m_input.config.defaults);
    QStringList lines;
    for (const auto &e : policy.errors) {
        int mode = 0;
        for (int m = 0; m < 3; ++m) {
            if (e.label.rfind(std::string("pod-security.kubernetes.io/") + Modes[m], 0) == 0)
                mode = m;
        }
        lines << tr("The label %1=\"%2\" is invalid (%3). The API server evaluates %4 as %5 "
                    "while it stays, and rejects a new namespace that has it.")
                     .arg(QString::fromStdString(e.label), QString::fromStdString(e.value),
                          QString::fromStdString(e.message), QString::fromLatin1(Modes[mode]),
                          QString::fromStdString(policy.policy(Admission::Mode(mode)).toString()));
    }
    return lines.join(QLatin1Char('\n'));
}

void WhatIfDialog::recompute()
{
    const auto labels = proposedLabels();
    const bool changes = Admission::podSecurityLabelsChange(labels, m_input.currentLabels);
    const auto result = Admission::namespaceUpdate(
        m_input.ns, m_input.currentLabels, labels, m_input.config,
        [this](const Policy::LevelVersion &policy) {
            return Engine::podsInTexts(m_input.texts, m_input.ns, m_input.defaultNamespace, policy,
                                       m_input.config);
        });
    QString answer;
    if (!changes) {
        answer = tr("Nothing to change: these are the namespace's labels as they are. Pick "
                    "another level or version to see what the API server would answer.");
    } else if (!result.allowed) {
        answer = QStringLiteral("The Namespace \"%1\" is invalid: %2")
                     .arg(QString::fromStdString(m_input.ns), QString::fromStdString(result.error));
    } else {
        for (const auto &w : result.warnings)
            answer += QStringLiteral("Warning: ") + QString::fromStdString(w) + QLatin1Char('\n');
        answer += QStringLiteral("namespace/%1 labeled").arg(QString::fromStdString(m_input.ns));
        if (!result.podsEvaluated && result.warnings.empty())
            answer +=
                QLatin1Char('\n') + tr("(no pods are checked: enforce does not get stricter)");
    }
    m_answer->setPlainText(answer);
    m_pods->clear();
    for (const auto &g : result.groups) {
        auto *item = new QTreeWidgetItem(m_pods, {QString::fromStdString(g.warning)});
        item->setToolTip(0, QString::fromStdString(g.warning));
        for (const auto &pod : g.pods)
            new QTreeWidgetItem(item, {QString::fromStdString(pod)});
    }
    m_pods->setVisible(changes && !result.groups.empty());
    m_podsLabel->setVisible(m_pods->isVisibleTo(this));
    // The command and the patch name all six labels: unset ones are removed ("key-").
    m_command->setPlainText(QString::fromStdString(
        Admission::kubectlLabelCommand(m_input.ns, labels, false, m_input.currentLabels)));
    m_patch->setPlainText(
        QString::fromStdString(Admission::labelPatchYaml(labels, m_input.currentLabels)));
}

QString WhatIfDialog::answer() const
{
    return m_answer->toPlainText();
}
QString WhatIfDialog::command() const
{
    return m_command->toPlainText();
}
QString WhatIfDialog::patch() const
{
    return m_patch->toPlainText();
}

} // namespace PodSec::Ui
