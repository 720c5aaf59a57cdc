// SPDX-License-Identifier: Apache-2.0
#include "accesspanel.h"

#include "zoomfonts.h"

#include "detailspane.h"
#include "models/accesstreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace PodSec::Ui {

AccessPanel::AccessPanel(QWidget *parent)
    : QWidget(parent), m_model(new AccessTreeModel(this)), m_query(new QLineEdit),
      m_status(new QLabel), m_view(new QTreeView), m_explanation(new QTextBrowser)
{
    m_query->setPlaceholderText(
        tr("Who can…  e.g. create pods -n build, patch namespaces --name web"));
    m_query->setToolTip(tr("VERB RESOURCE[/SUBRESOURCE] [-n NAMESPACE] [--name NAME], as "
                           "podsec access --who-can asks it; empty: every subject's risks"));
    m_query->setClearButtonEnabled(true);
    m_query->setAccessibleName(tr("Who can"));
    connect(m_query, &QLineEdit::returnPressed, this, [this] { setQuery(m_query->text()); });
    connect(m_query, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            setQuery({});
    });
    m_status->setWordWrap(true);
    m_status->setContentsMargins(4, 0, 4, 0);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAccessibleName(tr("Subjects and their risks"));
    m_view->setColumnWidth(AccessTreeModel::NameColumn, 380);
    m_view->setColumnWidth(AccessTreeModel::SeverityColumn, 90);
    m_view->header()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { rowSelected(current, false); });
    connect(m_view, &QTreeView::activated, this,
            [this](const QModelIndex &index) { rowSelected(index, true); });
    m_explanation->setOpenLinks(false);
    m_explanation->setPlaceholderText(tr("Select a risk to see what it means."));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_view);
    split->addWidget(m_explanation);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_query);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    updateStatus();
}

void AccessPanel::setResult(std::shared_ptr<const Access::AccessResult> result)
{
    const QString current =
        m_view->currentIndex().siblingAtColumn(0).data(AccessTreeModel::KeyRole).toString();
    m_model->setResult(std::move(result));
    if (m_model->mode() == AccessTreeModel::Mode::Risks && !current.isEmpty())
        selectKey(current);
    updateStatus();
}

bool AccessPanel::setQuery(const QString &query)
{
    if (m_query->text() != query)
        m_query->setText(query);
    QString error;
    const bool ok = m_model->setQuery(query, &error);
    m_error = ok ? QString() : error;
    if (m_model->mode() == AccessTreeModel::Mode::WhoCan)
        m_view->expandToDepth(0);
    updateStatus();
    return ok;
}

bool AccessPanel::selectKey(const QString &key)
{
    const QModelIndex index = m_model->findKey(key);
    if (!index.isValid())
        return false;
    m_view->scrollTo(index);
    m_view->setCurrentIndex(index);
    m_view->expand(index);
    return true;
}

void AccessPanel::updateStatus()
{
    const auto result = m_model->result();
    QString text;
    if (!m_error.isEmpty())
        text = tr("Cannot read the query: %1").arg(m_error);
    else if (!result)
        text = tr("No access model: open a workspace with RBAC objects.");
    else if (m_model->mode() == AccessTreeModel::Mode::WhoCan)
        text = tr("%n subject(s) allowed", nullptr, m_model->subjectCount());
    else
        text = tr("%n subject(s) with risks", nullptr, m_model->subjectCount());
    if (result && !result->problems.empty())
        text += QStringLiteral(" · ") +
                tr("%n access problem(s) (see Problems)", nullptr, int(result->problems.size()));
    m_status->setText(text);
}

void AccessPanel::rowSelected(const QModelIndex &index, bool focus)
{
    if (!index.isValid())
        return;
    const QModelIndex first = index.siblingAtColumn(0);
    // A risk row or a link of its chain: the risk's explanation (the text `podsec explain`
    // prints).
    QString riskId;
    for (QModelIndex i = first; i.isValid() && riskId.isEmpty(); i = i.parent())
        riskId = i.data(AccessTreeModel::KeyRole).toString().section(QLatin1Char('#'), 1, 1);
    if (!riskId.isEmpty()) {
        m_explanation->setMarkdown(DetailsPane::explanation(riskId.toStdString()));
        followZoom(m_explanation->document());
    }
    const QString file = first.data(AccessTreeModel::FileRole).toString();
    if (!file.isEmpty()) {
        Q_EMIT openRequested(file, first.data(AccessTreeModel::LineRole).toInt(),
                             first.data(AccessTreeModel::ColumnRole).toInt(), focus);
    } else if (first.data(AccessTreeModel::BuiltinRole).toBool()) {
        Q_EMIT message(tr("%1 is built into Kubernetes (bootstrap policy): read-only, no file.")
                           .arg(first.data().toString()));
    }
}

} // namespace PodSec::Ui
