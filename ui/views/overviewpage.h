// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "barchart.h"
#include "engine/workspacesummary.h"

#include <QWidget>

#include <array>
#include <memory>

class QLabel;
class QScrollArea;
class QStackedWidget;

namespace PodSec {
struct WorkspaceSnapshot;
}

namespace PodSec::Ui {

class ChartLegend;

/// The Overview tab beside the workload tree (issue 17): number cards (namespaces, workloads,
/// Pods, Pods enforce rejects, controllers whose Pods it rejects, workloads failing
/// restricted) and three charts: readiness per namespace, the checks that fail most, and
/// what enforce rejects per namespace. Its numbers are Engine::summarize's, the same as the
/// HTML report's and `podsec check --summary`'s; the page computes nothing else. Clicking a
/// namespace's bar or a check's bar leads into the tree (the window does the selecting).
class OverviewPage final : public QWidget
{
    Q_OBJECT

public:
    enum Card {
        NamespacesCard,
        WorkloadsCard,
        PodsCard,
        PodsRejectedCard,
        ControllersRejectedCard,
        FailingCard,
        CardCount
    };

    explicit OverviewPage(QWidget *parent = nullptr);

    /// The rows of the three charts for a summary (the page's, and the PDF report's).
    struct ChartRows
    {
        std::vector<BarChart::Row> readiness, checks, rejected;
    };
    static ChartRows chartRows(const Engine::WorkspaceSummary &summary);

    /// Shows a snapshot's summary (nullptr: nothing loaded). While the page is hidden the
    /// summary is made when it is next shown.
    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);

    /// For tests and the window: the number a card shows, the charts, the summary shown.
    QString cardText(Card card) const;
    BarChart *readinessChart() const { return m_readiness; }
    BarChart *checksChart() const { return m_checks; }
    BarChart *rejectedChart() const { return m_rejected; }
    const Engine::WorkspaceSummary &summary() const { return m_summary; }
    /// True when the "nothing loaded" (or "no workloads") text is shown instead of the page.
    bool showsEmptyText() const;
    QLabel *emptyLabel() const { return m_empty; }

Q_SIGNALS:
    void namespaceActivated(const QString &name);
    void checkActivated(const QString &checkId);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void updateFonts();
    QWidget *section(const QString &title, QLabel **titleLabel);

    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
    Engine::WorkspaceSummary m_summary;
    bool m_stale = false;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QScrollArea *m_scroll;
    QLabel *m_meta;
    std::array<QLabel *, CardCount> m_numbers{};
    std::array<QLabel *, CardCount> m_captions{};
    QLabel *m_readinessTitle = nullptr;
    QLabel *m_checksTitle = nullptr;
    QLabel *m_rejectedTitle = nullptr;
    QLabel *m_noChecks;
    QLabel *m_noRejected;
    BarChart *m_readiness;
    BarChart *m_checks;
    BarChart *m_rejected;
    ChartLegend *m_rejectedLegend = nullptr;
};

} // namespace PodSec::Ui
