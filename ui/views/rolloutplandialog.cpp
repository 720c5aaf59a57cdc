// SPDX-License-Identifier: Apache-2.0
#include "rolloutplandialog.h"

#include "common/safefile.h"
#include "engine/workspacesnapshot.h"
#include "zoomfonts.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace PodSec::Ui {

namespace {

using Engine::NamespacePlan;
using Engine::PlanStep;

/// The full text a row stands for (a command, a warning), shown below when it is selected.
constexpr int FullTextRole = Qt::UserRole + 1;
/// The index of a namespace row's plan in RolloutPlan::namespaces.
constexpr int PlanIndexRole = Qt::UserRole + 2;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

const std::string *labelValue(const Admission::Labels &labels, const std::string &key)
{
    for (const auto &[k, v] : labels) {
        if (k == key)
            return &v;
    }
    return nullptr;
}

bool writeAtomically(const QString &path, const std::string &text, QString &error)
{
    std::string message;
    if (writeFileSafely(QFile::encodeName(path).toStdString(), text, message))
        return true;
    error = fromStd(message);
    return false;
}

} // namespace

RolloutPlanDialog::RolloutPlanDialog(Input input, QWidget *parent)
    : QDialog(parent), m_input(std::move(input))
{
    setWindowTitle(tr("Rollout Plan for All Namespaces"));
    // Monospace text at the window's (zoomed) size, as the editor is, following the zoom.
    const QFont mono = zoomingMonospaceFont();

    m_target = new QComboBox(this);
    m_target->addItem(QStringLiteral("baseline"), int(Policy::Level::Baseline));
    m_target->addItem(QStringLiteral("restricted"), int(Policy::Level::Restricted));
    m_target->setCurrentIndex(1);
    auto *targetLabel = new QLabel(tr("&Target level:"), this);
    targetLabel->setBuddy(m_target);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(targetLabel);
    targetRow->addWidget(m_target);
    targetRow->addStretch();

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({tr("Namespace"), tr("Workloads"), tr("Pods"), tr("Enforces now"),
                             tr("Meets"), tr("Plan")});
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(true);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setReadOnly(true);
    m_details->setFont(mono);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setMinimumHeight(m_details->fontMetrics().height() * 5);
    m_details->setPlaceholderText(
        tr("Select a namespace to see the checks its workloads fail, or a line to read it "
           "whole."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy Script"), QDialogButtonBox::ActionRole);
    auto *saveScript = buttons->addButton(tr("Save &Script…"), QDialogButtonBox::ActionRole);
    auto *savePatches = buttons->addButton(tr("Save &Patches…"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyScript"));
    saveScript->setObjectName(QStringLiteral("saveScript"));
    savePatches->setObjectName(QStringLiteral("savePatches"));
    for (auto *b : {copy, saveScript, savePatches})
        b->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(fromStd(Engine::planScript(m_plan))); });
    connect(saveScript, &QPushButton::clicked, this, [this] { saveInteractively(true); });
    connect(savePatches, &QPushButton::clicked, this, [this] { saveInteractively(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(targetRow);
    layout->addWidget(m_summary);
    if (m_input.snapshot && m_input.snapshot->forcedLevel) {
        // The window judges every namespace at one level: "rejects" counts follow that.
        auto *forced = new QLabel(
            tr("The window judges every namespace at %1 now, not by its labels: what the plan "
               "counts as rejected follows that choice.")
                .arg(QString::fromLatin1(Policy::levelName(*m_input.snapshot->forcedLevel))),
            this);
        forced->setObjectName(QStringLiteral("forcedLevel"));
        forced->setWordWrap(true);
        layout->addWidget(forced);
    }
    layout->addWidget(m_tree, 3);
    layout->addWidget(m_details, 1);
    layout->addWidget(buttons);

    connect(m_target, &QComboBox::currentIndexChanged, this, &RolloutPlanDialog::replan);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &RolloutPlanDialog::showDetails);
    replan();
    const QFontMetrics fm(font());
    // Wide enough for most kubectl commands; never wider than the screen.
    const QRect screen =
        (parent ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    resize(qMin(screen.width() * 9 / 10, qMax(1150, fm.horizontalAdvance(QLatin1Char('x')) * 150)),
           qMin(screen.height() * 9 / 10, qMax(640, fm.height() * 36)));
}

void RolloutPlanDialog::setTarget(Policy::Level target)
{
    m_target->setCurrentIndex(qMax(0, m_target->findData(int(target))));
}

QString RolloutPlanDialog::summary() const
{
    return m_summary->text();
}

QString RolloutPlanDialog::planText(const NamespacePlan &p) const
{
    switch (p.step) {
    case PlanStep::System:
        return tr("system namespace: left as it is");
    case PlanStep::Exempt:
        return tr("exempt by the admission configuration: left as it is");
    case PlanStep::Unchanged:
        return tr("nothing to change");
    default:
        break;
    }
    // The modes whose labels change, grouped by the value they get, in the order enforce,
    // warn, audit: "enforce baseline; warn, audit restricted".
    QList<std::pair<QString, QStringList>> byValue;
    for (const char *mode : {"enforce", "warn", "audit"}) {
        const std::string key = std::string("pod-security.kubernetes.io/") + mode;
        const std::string *level = labelValue(p.planned, key);
        const std::string *version = labelValue(p.planned, key + "-version");
        auto same = [](const std::string *a, const std::string *b) {
            return a == b || (a && b && *a == *b);
        };
        if (!level || (same(level, labelValue(p.current, key)) &&
                       same(version, labelValue(p.current, key + "-version"))))
            continue;
        QString value = fromStd(*level);
        if (version)
            value += QLatin1Char(':') + fromStd(*version);
        auto at = std::find_if(byValue.begin(), byValue.end(),
                               [&](const auto &v) { return v.first == value; });
        if (at == byValue.end())
            byValue.append({value, {QLatin1String(mode)}});
        else
            at->second << QLatin1String(mode);
    }
    QStringList parts;
    for (const auto &[value, modes] : byValue)
        parts << modes.join(QStringLiteral(", ")) + QLatin1Char(' ') + value;
    const QString labels =
        parts.isEmpty() ? tr("version labels only") : parts.join(QStringLiteral("; "));
    switch (p.step) {
    case PlanStep::Repair:
        return tr("repair invalid labels: %1").arg(labels);
    case PlanStep::WarnOnly:
        return tr("%1 (enforce stays: some workloads meet only %2)")
            .arg(labels, QString::fromLatin1(Policy::levelName(p.meets)));
    default:
        return labels;
    }
}

QTreeWidgetItem *RolloutPlanDialog::namespaceRow(const NamespacePlan &p)
{
    QString enforces = fromStd(p.enforceNow.toString());
    if (p.rejectedNow > 0) {
        const int rejected = p.rejectedNow;
        enforces = tr("%1, rejects %n workload(s)", nullptr, rejected).arg(enforces);
    }
    auto *row = new QTreeWidgetItem(
        m_tree, {fromStd(p.name), QString::number(p.workloads), QString::number(p.pods), enforces,
                 QString::fromLatin1(Policy::levelName(p.meets)), planText(p)});
    for (int c : {WorkloadsColumn, PodsColumn})
        row->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    row->setToolTip(PlanColumn, row->text(PlanColumn));
    if (p.rejectedNow > 0) {
        const int rejected = p.rejectedNow;
        row->setToolTip(EnforcesColumn,
                        tr("%n workload(s) fail %1, which the namespace enforces now: their "
                           "Pods are rejected.",
                           nullptr, rejected)
                            .arg(fromStd(p.enforceNow.toString())));
        row->setIcon(EnforcesColumn, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    if (p.step == PlanStep::System || p.step == PlanStep::Exempt) {
        const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
        for (int c = 0; c < m_tree->columnCount(); ++c)
            row->setForeground(c, grey);
    }

    auto child = [](QTreeWidgetItem *parent, const QString &text, const QString &full = {}) {
        auto *item = new QTreeWidgetItem(parent, {text});
        item->setFirstColumnSpanned(true);
        item->setData(0, FullTextRole, full.isEmpty() ? text : full);
        item->setToolTip(0, full.isEmpty() ? text : full);
        return item;
    };
    if (!p.targetCommand.empty()) {
        const QString command = fromStd(p.targetCommand);
        auto *dryRun = child(row, tr("Dry run of the target: %1").arg(command), command);
        dryRun->setData(0, Qt::UserRole, QStringLiteral("dryRun"));
        const auto &d = p.targetDryRun;
        // The API server's answer, verbatim (it is English wherever kubectl runs).
        if (!d.allowed)
            child(dryRun, QStringLiteral("The Namespace \"%1\" is invalid: %2")
                              .arg(fromStd(p.name), fromStd(d.error)));
        for (const auto &w : d.warnings) {
            auto *warning = child(dryRun, QStringLiteral("Warning: ") + fromStd(w));
            warning->setData(0, Qt::UserRole, QStringLiteral("warning"));
            for (const auto &g : d.groups) {
                if (g.warning != w)
                    continue;
                for (const auto &pod : g.pods)
                    child(warning, fromStd(pod));
            }
        }
        // Why there is no warning: the API server checks only the namespace's Pods.
        if (d.allowed && d.warnings.empty()) {
            child(dryRun, !d.podsEvaluated ? tr("(no warnings: enforce does not get stricter, so "
                                                "no pods are checked)")
                          : p.pods == 0
                              ? tr("(no warnings: the API server checks only existing Pods, and "
                                   "the namespace has none here; templates are not checked)")
                              : tr("(no warnings: every pod meets %1)")
                                    .arg(fromStd(m_plan.target.toString())));
        }
    }
    if (!p.command.empty())
        child(row, tr("Plan: %1").arg(fromStd(p.command)), fromStd(p.command))
            ->setData(0, Qt::UserRole, QStringLiteral("command"));
    else
        child(row, tr("Plan: nothing to change"));
    return row;
}

void RolloutPlanDialog::replan()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Engine::PlanRequest request;
    request.target = Policy::Level(m_target->currentData().toInt());
    request.defaultNamespace = m_input.defaultNamespace;
    request.config = m_input.config;
    m_plan =
        m_input.snapshot ? Engine::planRollout(*m_input.snapshot, request) : Engine::RolloutPlan{};
    QApplication::restoreOverrideCursor();

    const int reaching = m_plan.reachingTarget();
    const int total = int(m_plan.namespaces.size());
    m_summary->setText(tr("%1 of %n namespace(s) enforce %2 afterwards; applying the plan "
                          "rejects no workload its namespace admits now.",
                          nullptr, total)
                           .arg(reaching)
                           .arg(fromStd(m_plan.target.toString())));
    m_tree->clear();
    for (std::size_t i = 0; i < m_plan.namespaces.size(); ++i)
        namespaceRow(m_plan.namespaces[i])->setData(0, PlanIndexRole, int(i));
    for (int c = 0; c < PlanColumn; ++c)
        m_tree->resizeColumnToContents(c);
    m_details->clear();
}

void RolloutPlanDialog::showDetails()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item) {
        m_details->clear();
        return;
    }
    if (item->parent()) {
        m_details->setPlainText(item->data(0, FullTextRole).toString());
        return;
    }
    const auto &p = m_plan.namespaces[std::size_t(item->data(0, PlanIndexRole).toInt())];
    QStringList lines;
    lines << fromStd(p.name) + QStringLiteral(": ") + planText(p);
    if (p.rejectedNow > 0) {
        const int rejected = p.rejectedNow;
        lines << tr("%n workload(s) fail %1, which the namespace enforces now: their Pods are "
                    "rejected.",
                    nullptr, rejected)
                     .arg(fromStd(p.enforceNow.toString()));
    }
    if (p.failTarget > 0) {
        QStringList checks;
        for (const auto &[id, n] : p.failingChecks)
            checks << QStringLiteral("%1 (%2)").arg(fromStd(id)).arg(n);
        const int workloads = p.workloads;
        lines << tr("%1 of %n workload(s) fail %2:", nullptr, workloads)
                         .arg(p.failTarget)
                         .arg(fromStd(m_plan.target.toString())) +
                     QLatin1Char(' ') + checks.join(QStringLiteral(", "));
    } else if (p.workloads > 0) {
        lines << tr("Every workload meets %1.").arg(fromStd(m_plan.target.toString()));
    }
    if (!p.command.empty())
        lines << fromStd(p.command);
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

bool RolloutPlanDialog::saveScriptTo(const QString &path, QString &error) const
{
    return writeAtomically(path, Engine::planScript(m_plan), error);
}

bool RolloutPlanDialog::savePatchesTo(const QString &path, QString &error) const
{
    return writeAtomically(path, Engine::planPatches(m_plan), error);
}

void RolloutPlanDialog::saveInteractively(bool script)
{
    const QString path =
        script ? QFileDialog::getSaveFileName(this, tr("Save Script"),
                                              QStringLiteral("podsec-rollout.sh"),
                                              tr("Shell scripts (*.sh);;All files (*)"))
               : QFileDialog::getSaveFileName(this, tr("Save Patches"),
                                              QStringLiteral("podsec-rollout.yaml"),
                                              tr("YAML files (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(script ? saveScriptTo(path, error) : savePatchesTo(path, error)))
        QMessageBox::warning(this, tr("Not saved"), tr("Could not write %1: %2").arg(path, error));
}

} // namespace PodSec::Ui
