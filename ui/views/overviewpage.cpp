// SPDX-License-Identifier: Apache-2.0
#include "overviewpage.h"

#include "barchart.h"

#include "engine/workspacesnapshot.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

namespace PodSec::Ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget), m_empty(new QLabel), m_scroll(new QScrollArea),
      m_meta(new QLabel), m_noChecks(new QLabel), m_noRejected(new QLabel),
      m_readiness(new BarChart), m_checks(new BarChart), m_rejected(new BarChart)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(24, 24, 24, 24);
    m_stack->addWidget(m_empty);

    auto *content = new QWidget;
    content->setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(6);
    m_meta->setWordWrap(true);
    layout->addWidget(m_meta);

    // The number cards: a big number over what it counts.
    auto *cards = new QGridLayout;
    cards->setSpacing(8);
    const QString tips[CardCount] = {
        tr("Namespaces in the workspace, declared or named by a workload"),
        tr("Pods and the controllers and templates that create Pods"),
        tr("Workloads of kind Pod"),
        tr("Pods the enforce mode of their namespace rejects (the tree's “Reject” badges)"),
        tr("Controllers whose Pods the enforce mode would reject (the tree's “Pods rejected” "
           "badges)"),
        tr("Workloads that fail the restricted level (the tree's “Fail” badges under "
           "Restricted)"),
    };
    for (int c = 0; c < CardCount; ++c) {
        auto *frame = new QFrame;
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setToolTip(tips[c]);
        auto *box = new QVBoxLayout(frame);
        box->setContentsMargins(10, 6, 10, 8);
        box->setSpacing(2);
        m_numbers[std::size_t(c)] = new QLabel;
        m_numbers[std::size_t(c)]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_captions[std::size_t(c)] = new QLabel;
        m_captions[std::size_t(c)]->setWordWrap(true);
        m_captions[std::size_t(c)]->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        box->addWidget(m_numbers[std::size_t(c)]);
        box->addWidget(m_captions[std::size_t(c)], 1);
        cards->addWidget(frame, 0, c);
        cards->setColumnStretch(c, 1);
    }
    layout->addLayout(cards);

    // Readiness per namespace.
    layout->addWidget(section(tr("Readiness per namespace"), &m_readinessTitle));
    auto *readinessNote = new QLabel(
        tr("Workloads per namespace by the strictest level they meet. Click a namespace to "
           "select it in the tree."));
    readinessNote->setWordWrap(true);
    layout->addWidget(readinessNote);
    layout->addWidget(new ChartLegend({{ChartTone::Good, tr("meet restricted")},
                                       {ChartTone::Middle, tr("meet baseline only")},
                                       {ChartTone::Bad, tr("need privileged")}}));
    m_readiness->setAccessibleName(tr("Readiness per namespace"));
    layout->addWidget(m_readiness);

    // The checks that fail most.
    layout->addWidget(section(QString(), &m_checksTitle));
    auto *checksNote =
        new QLabel(tr("Workloads failing each check. Click a check to filter the tree by it."));
    checksNote->setWordWrap(true);
    layout->addWidget(checksNote);
    m_checks->setAccessibleName(tr("Checks that fail most"));
    layout->addWidget(m_checks);
    m_noChecks->setText(tr("No check fails."));
    layout->addWidget(m_noChecks);

    // What enforce rejects per namespace.
    layout->addWidget(section(tr("Rejected by enforce"), &m_rejectedTitle));
    m_rejectedLegend =
        new ChartLegend({{ChartTone::Bad, tr("Pods rejected")},
                         {ChartTone::Middle, tr("controllers whose Pods would be rejected")}});
    layout->addWidget(m_rejectedLegend);
    m_rejected->setAccessibleName(tr("Rejected by enforce per namespace"));
    layout->addWidget(m_rejected);
    m_noRejected->setText(tr("No namespace's enforce mode rejects a workload here."));
    m_noRejected->setWordWrap(true);
    layout->addWidget(m_noRejected);
    layout->addStretch(1);

    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(m_scroll);

    for (BarChart *chart : {m_readiness, m_checks, m_rejected}) {
        // The keyboard's current row stays in view.
        connect(chart, &BarChart::currentRectChanged, this, [this, chart](const QRect &rect) {
            const QPoint centre = chart->mapTo(m_scroll->widget(), rect.center());
            m_scroll->ensureVisible(centre.x(), centre.y(), 0, rect.height());
        });
    }
    connect(m_readiness, &BarChart::activated, this, &OverviewPage::namespaceActivated);
    connect(m_rejected, &BarChart::activated, this, &OverviewPage::namespaceActivated);
    connect(m_checks, &BarChart::activated, this, &OverviewPage::checkActivated);

    updateFonts();
    setSnapshot(nullptr);
}

QWidget *OverviewPage::section(const QString &title, QLabel **titleLabel)
{
    auto *label = new QLabel(title);
    label->setContentsMargins(0, 12, 0, 0);
    label->setProperty("overviewHeading", true);
    *titleLabel = label;
    return label;
}

void OverviewPage::updateFonts()
{
    // Relative to the window's font, so zooming the window zooms the page.
    QFont number = font();
    number.setPointSizeF(font().pointSizeF() * 1.8);
    number.setBold(true);
    for (QLabel *label : m_numbers)
        label->setFont(number);
    QFont heading = font();
    heading.setPointSizeF(font().pointSizeF() * 1.2);
    heading.setBold(true);
    for (QLabel *label : {m_readinessTitle, m_checksTitle, m_rejectedTitle})
        label->setFont(heading);
    QFont empty = font();
    empty.setPointSizeF(font().pointSizeF() * 1.15);
    m_empty->setFont(empty);
}

void OverviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void OverviewPage::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    m_stale = true;
    if (isVisible())
        refresh();
}

void OverviewPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        refresh();
    QWidget::showEvent(event);
}

bool OverviewPage::showsEmptyText() const
{
    return m_stack->currentWidget() == m_empty;
}

QString OverviewPage::cardText(Card card) const
{
    return m_numbers[std::size_t(card)]->text();
}

OverviewPage::ChartRows OverviewPage::chartRows(const Engine::WorkspaceSummary &s)
{
    ChartRows rows;
    auto &[readiness, checks, rejected] = rows;
    const QString level = q(s.level.toString());
    for (const auto &n : s.perNamespace) {
        const QString name = q(n.name);
        const int total = n.passRestricted + n.baselineOnly + n.privilegedOnly;
        BarChart::Row row;
        row.label = name;
        row.key = name;
        row.segments = {
            {n.passRestricted, ChartTone::Good,
             tr("%1: %2 of %3 workload(s) meet restricted")
                 .arg(name)
                 .arg(n.passRestricted)
                 .arg(total)},
            {n.baselineOnly, ChartTone::Middle,
             tr("%1: %2 of %3 workload(s) meet baseline only")
                 .arg(name)
                 .arg(n.baselineOnly)
                 .arg(total)},
            {n.privilegedOnly, ChartTone::Bad,
             tr("%1: %2 of %3 workload(s) need privileged")
                 .arg(name)
                 .arg(n.privilegedOnly)
                 .arg(total)},
        };
        row.text = tr("%1 restricted · %2 baseline · %3 privileged")
                       .arg(n.passRestricted)
                       .arg(n.baselineOnly)
                       .arg(n.privilegedOnly);
        row.tip = tr("%1 (enforce %2, audit %3, warn %4)\n%5 workload(s): %6 meet restricted, %7 "
                     "baseline only, %8 need privileged")
                      .arg(name, q(n.enforce), q(n.audit), q(n.warn))
                      .arg(total)
                      .arg(n.passRestricted)
                      .arg(n.baselineOnly)
                      .arg(n.privilegedOnly);
        readiness.push_back(std::move(row));

        const int pods = n.numbers.podsRejected, controllers = n.numbers.controllersRejected;
        if (pods + controllers == 0)
            continue;
        BarChart::Row r;
        r.label = name;
        r.key = name;
        r.segments = {
            {pods, ChartTone::Bad,
             tr("%1: enforce %2 rejects %3 Pod(s)").arg(name, q(n.enforce)).arg(pods)},
            {controllers, ChartTone::Middle,
             tr("%1: enforce %2 would reject the Pods of %3 controller(s)")
                 .arg(name, q(n.enforce))
                 .arg(controllers)},
        };
        r.text = tr("%1 Pod(s) · %2 controller(s)").arg(pods).arg(controllers);
        r.tip = tr("%1 enforces %2: %3 Pod(s) rejected, the Pods of %4 controller(s) would be")
                    .arg(name, q(n.enforce))
                    .arg(pods)
                    .arg(controllers);
        rejected.push_back(std::move(r));
    }
    for (const auto &[id, count] : s.checks) {
        BarChart::Row row;
        row.label = q(id);
        row.key = q(id);
        const QString tip = tr("%1: %2 workload(s) fail it at %3").arg(q(id)).arg(count).arg(level);
        row.segments = {{count, ChartTone::Neutral, tip}};
        row.text = QString::number(count);
        row.tip = tip;
        checks.push_back(std::move(row));
    }
    return rows;
}

void OverviewPage::refresh()
{
    m_stale = false;
    if (!m_snapshot) {
        m_summary = {};
        m_empty->setText(tr("Nothing loaded.\nOpen a manifest file or folder (File → Open) or "
                            "connect to a cluster to see the overview."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    // The one source of the numbers: the same summary the reports and the CLI use.
    QElapsedTimer timing;
    timing.start();
    m_summary = Engine::summarize(*m_snapshot);
    if (qEnvironmentVariableIsSet("PODSEC_TIMING"))
        qInfo("overview: summarize %lld ms (%d workloads)", timing.elapsed(), m_summary.workloads);
    const auto &s = m_summary;
    if (s.namespaces == 0 && s.workloads == 0) {
        m_empty->setText(tr("No namespaces or workloads in this workspace."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentWidget(m_scroll);
    const QString level = q(s.level.toString());
    m_meta->setText(tr("Policy version %1; “failing” means failing %2; enforce as the "
                       "namespaces' labels or the policy bar say.")
                        .arg(q(m_snapshot->version.toString()), level));

    const int values[CardCount] = {s.namespaces,   s.workloads,           s.pods,
                                   s.podsRejected, s.controllersRejected, s.failing};
    const QString captions[CardCount] = {
        tr("namespaces"),
        tr("workloads"),
        tr("Pods"),
        tr("Pods rejected by enforce"),
        tr("controllers whose Pods enforce rejects"),
        tr("workloads failing %1").arg(level),
    };
    for (int c = 0; c < CardCount; ++c) {
        m_numbers[std::size_t(c)]->setText(QString::number(values[c]));
        m_captions[std::size_t(c)]->setText(captions[c]);
    }

    auto [readiness, checks, rejected] = chartRows(s);
    m_checksTitle->setText(tr("Checks that fail most at %1").arg(level));
    m_readiness->setRows(std::move(readiness));
    m_checks->setVisible(!checks.empty());
    m_noChecks->setVisible(checks.empty());
    m_checks->setRows(std::move(checks));
    m_rejected->setVisible(!rejected.empty());
    m_rejectedLegend->setVisible(!rejected.empty());
    m_noRejected->setVisible(rejected.empty());
    m_rejected->setRows(std::move(rejected));
}

} // namespace PodSec::Ui
