// SPDX-License-Identifier: Apache-2.0
#include "compareversionsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace PodSec::Ui {

namespace {

/// WorkloadEntry::key() of an object row.
constexpr int KeyRole = Qt::UserRole + 1;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

QString versionName(const Policy::Version &v)
{
    return fromStd(v.toString());
}

} // namespace

CompareVersionsDialog::CompareVersionsDialog(Input input, QWidget *parent)
    : QDialog(parent), m_input(std::move(input))
{
    setWindowTitle(tr("Compare Policy Versions"));
    m_from = new QComboBox(this);
    m_to = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("fromVersion"));
    m_to->setObjectName(QStringLiteral("toVersion"));
    for (const auto &v : Engine::knownVersions()) {
        m_from->addItem(displayName(v), versionName(v));
        m_to->addItem(displayName(v), versionName(v));
    }
    // By default: from v1.24, the last version before Pod Security admission became stable,
    // to the version the window evaluates at.
    m_from->setCurrentIndex(qMax(0, m_from->findData(QStringLiteral("v1.24"))));
    const QString current =
        m_input.snapshot ? versionName(m_input.snapshot->version) : QStringLiteral("latest");
    const int at = m_to->findData(current);
    if (at < 0)
        m_to->addItem(current, current); // a version newer than the newest known
    m_to->setCurrentIndex(at < 0 ? m_to->count() - 1 : at);
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("level"));
    m_level->addItem(QStringLiteral("baseline"), int(Policy::Level::Baseline));
    m_level->addItem(QStringLiteral("restricted"), int(Policy::Level::Restricted));
    m_level->setCurrentIndex(
        m_input.snapshot && m_input.snapshot->forcedLevel == Policy::Level::Baseline ? 0 : 1);

    auto *choices = new QHBoxLayout;
    auto label = [this, choices](const QString &text, QComboBox *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        choices->addWidget(l);
        choices->addWidget(buddy);
    };
    label(tr("&From:"), m_from);
    label(tr("&To:"), m_to);
    label(tr("&Level:"), m_level);
    choices->addStretch();

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_checks = new QTreeWidget(this);
    m_checks->setObjectName(QStringLiteral("checks"));
    m_checks->setRootIsDecorated(false);
    m_checks->setHeaderLabels({tr("Check"), tr("Level"), tr("Change"), tr("Since")});
    m_checks->setAllColumnsShowFocus(true);
    m_checks->header()->setStretchLastSection(true);

    m_objects = new QTreeWidget(this);
    m_objects->setObjectName(QStringLiteral("objects"));
    m_objects->setHeaderLabels(
        {tr("Workload"), tr("Kind"), tr("Namespace"), tr("From"), tr("To"), tr("Source")});
    m_objects->setAllColumnsShowFocus(true);
    m_objects->setTextElideMode(Qt::ElideMiddle);
    m_objects->header()->setStretchLastSection(true);
    m_objects->setToolTip(tr("Double-click a workload to select it in the window."));
    connect(m_objects, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        while (item && item->parent())
            item = item->parent();
        if (item)
            Q_EMIT objectActivated(item->data(0, KeyRole).toString());
    });

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_checks);
    split->addWidget(m_objects);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    for (QComboBox *box : {m_from, m_to, m_level})
        connect(box, &QComboBox::currentIndexChanged, this, &CompareVersionsDialog::compare);
    compare();
    const QFontMetrics fm(font());
    const QRect screen =
        (parent ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    resize(qMin(screen.width() * 9 / 10, qMax(1000, fm.horizontalAdvance(QLatin1Char('x')) * 130)),
           qMin(screen.height() * 9 / 10, qMax(600, fm.height() * 34)));
}

CompareVersionsDialog::~CompareVersionsDialog()
{
    if (m_cancel)
        m_cancel->store(true);
}

void CompareVersionsDialog::setVersions(const Policy::Version &from, const Policy::Version &to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setCurrentIndex(qMax(0, m_from->findData(versionName(from))));
    m_to->setCurrentIndex(qMax(0, m_to->findData(versionName(to))));
    compare();
}

void CompareVersionsDialog::setLevel(Policy::Level level)
{
    m_level->setCurrentIndex(qMax(0, m_level->findData(int(level))));
}

QString CompareVersionsDialog::summary() const
{
    return m_summary->text();
}

void CompareVersionsDialog::compare()
{
    if (!m_input.snapshot)
        return;
    if (m_cancel)
        m_cancel->store(true); // an older comparison is no longer wanted
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const auto from = Policy::Version::parse(m_from->currentData().toString().toStdString());
    const auto to = Policy::Version::parse(m_to->currentData().toString().toStdString());
    const auto level = Policy::Level(m_level->currentData().toInt());
    if (!from || !to)
        return;
    const int generation = ++m_generation;
    ++m_running;
    m_summary->setText(tr("Comparing %1 with %2…").arg(displayName(*from), displayName(*to)));
    auto *watcher = new QFutureWatcher<std::optional<Engine::VersionDiff>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        --m_running;
        auto result = watcher->result();
        if (generation == m_generation && result)
            showDiff(std::move(*result));
    });
    watcher->setFuture(QtConcurrent::run([snapshot = m_input.snapshot, options = m_input.options,
                                          level, from = *from, to = *to, cancel = m_cancel] {
        return Engine::compareVersions(*snapshot, options, level, from, to, cancel.get());
    }));
}

void CompareVersionsDialog::fitColumns()
{
    for (QTreeWidget *tree : {m_checks, m_objects}) {
        for (int c = 0; c + 1 < tree->columnCount(); ++c)
            tree->resizeColumnToContents(c);
    }
}

void CompareVersionsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // The window zoomed while the dialog is open: the columns fit the new size.
    if (event->type() == QEvent::FontChange)
        fitColumns();
}

QString CompareVersionsDialog::displayName(const Policy::Version &v) const
{
    // As the window's version box names it.
    return v.isLatest() ? tr("latest") : versionName(v);
}

QString CompareVersionsDialog::changeText(Engine::CheckChangeKind kind) const
{
    switch (kind) {
    case Engine::CheckChangeKind::Added:
        return tr("added");
    case Engine::CheckChangeKind::Changed:
        return tr("changed");
    case Engine::CheckChangeKind::Removed:
        return tr("removed");
    }
    return {};
}

QString CompareVersionsDialog::verdictText(const Engine::VersionVerdict &v) const
{
    if (v.allowed)
        return tr("allowed");
    QStringList ids;
    for (const auto &f : v.failing)
        ids << fromStd(f.id);
    return tr("denied: %1").arg(ids.join(QStringLiteral(", ")));
}

void CompareVersionsDialog::showDiff(Engine::VersionDiff diff)
{
    m_diff = std::move(diff);
    const auto &d = *m_diff;
    const QString from = displayName(d.from), to = displayName(d.to);
    m_checks->clear();
    for (const auto &c : d.checks) {
        auto *row = new QTreeWidgetItem(m_checks, {fromStd(c.id),
                                                   QString::fromLatin1(Policy::levelName(c.level)),
                                                   changeText(c.change), fromStd(c.versionText())});
        row->setData(ChangeColumn, Qt::UserRole, QString::fromLatin1(checkChangeName(c.change)));
    }
    m_objects->clear();
    int stricter = 0;
    for (const auto &o : d.objects) {
        auto *row = new QTreeWidgetItem(m_objects, {fromStd(o.name), fromStd(o.kind),
                                                    fromStd(o.namespaceName), verdictText(o.from),
                                                    verdictText(o.to), fromStd(o.source)});
        row->setData(0, KeyRole, fromStd(o.key));
        for (int c : {FromColumn, ToColumn, SourceColumn})
            row->setToolTip(c, row->text(c));
        if (o.stricter()) {
            ++stricter;
            row->setIcon(ToColumn, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            row->setToolTip(ToColumn, tr("Stricter at %1: %2").arg(to, row->text(ToColumn)));
        }
        // Field by field: each check failing at one version only, with its failing fields.
        auto oneSided = [&](const Engine::VersionVerdict &side, const Engine::VersionVerdict &other,
                            const QString &version) {
            for (const auto *f : side.notIn(other)) {
                QString message = fromStd(f->reason);
                if (!f->detail.empty())
                    message += QStringLiteral(" (") + fromStd(f->detail) + QLatin1Char(')');
                auto *check = new QTreeWidgetItem(
                    row, {tr("%1 fails only at %2: %3").arg(fromStd(f->id), version, message)});
                check->setFirstColumnSpanned(true);
                check->setToolTip(0, check->text(0));
                for (const auto &[path, value] : f->fields) {
                    auto *field = new QTreeWidgetItem(
                        check, {fromStd(path) + QStringLiteral(": ") + fromStd(value)});
                    field->setFirstColumnSpanned(true);
                }
            }
        };
        oneSided(o.to, o.from, to);
        oneSided(o.from, o.to, from);
    }
    m_objects->expandAll();
    fitColumns();
    const int checks = int(d.checks.size()), objects = int(d.objects.size());
    m_summary->setText(tr("%1 → %2 at %3: %n check(s) differ", nullptr, checks)
                           .arg(from, to, QString::fromLatin1(Policy::levelName(d.level))) +
                       QStringLiteral("; ") +
                       tr("%n workload(s) change their verdict", nullptr, objects) +
                       QStringLiteral(", ") + tr("%n stricter at %1.", nullptr, stricter).arg(to));
    Q_EMIT compared();
}

} // namespace PodSec::Ui
