// SPDX-License-Identifier: Apache-2.0
#include "controlscatalogue.h"
#include "sampleworkspace.h"

#include "detailspane.h"
#include "markdowntexts.h"
#include "policy/registry.h"
#include "zoomfonts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace PodSec::Ui {

namespace {

/// The text the filter searches: ID, level, versions and explanation.
constexpr int SearchRole = Qt::UserRole + 1;

QString fromView(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

QString versionName(int minor)
{
    return QString::fromStdString(Policy::Version::v1(minor).toString());
}

QString versions(const Policy::CheckDefinition &check)
{
    QStringList out;
    for (const auto &v : check.variants)
        out << versionName(v.minimumVersion);
    return out.join(QStringLiteral(", "));
}

QString fence(const QString &yaml)
{
    return QStringLiteral("```yaml\n") + yaml.trimmed() + QStringLiteral("\n```\n");
}

} // namespace

ControlsCatalogue::ControlsCatalogue(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Controls Catalogue"));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter by ID, level, version or explanation"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("count"));
    auto *top = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("F&ilter:"), this);
    filterLabel->setBuddy(m_filter);
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);

    m_checks = new QTreeWidget(this);
    m_checks->setObjectName(QStringLiteral("checks"));
    m_checks->setRootIsDecorated(false);
    m_checks->setAllColumnsShowFocus(true);
    m_checks->setHeaderLabels({tr("Check"), tr("Level"), tr("Behaviour changed in")});
    m_checks->header()->setStretchLastSection(true);
    for (const auto &check : Policy::registry()) {
        const QString id = fromView(check.id);
        auto *item = new QTreeWidgetItem(
            m_checks, {id, QString::fromLatin1(Policy::levelName(check.level)), versions(check)});
        item->setData(IdColumn, SearchRole,
                      QStringList{item->text(IdColumn), item->text(LevelColumn),
                                  item->text(VersionsColumn), DetailsPane::explanation(check.id)}
                          .join(QLatin1Char('\n')));
    }
    m_checks->resizeColumnToContents(IdColumn);
    m_checks->resizeColumnToContents(LevelColumn);

    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("explanation"));
    m_text->setOpenExternalLinks(true);

    m_example = new QComboBox(this);
    m_example->setObjectName(QStringLiteral("example"));
    m_example->addItem(tr("Failing example"), int(Example::Failing));
    m_example->addItem(tr("Passing example"), int(Example::Passing));
    m_open = new QPushButton(tr("&Open as Scratch Workspace"), this);
    m_open->setObjectName(QStringLiteral("openScratch"));
    m_open->setToolTip(tr("Write the chosen example to a new temporary folder and open it in "
                          "the window"));
    m_open->setAutoDefault(false);
    connect(m_open, &QPushButton::clicked, this, [this] { openScratchWorkspace(); });

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_text, 1);
    auto *exampleRow = new QHBoxLayout;
    exampleRow->addWidget(m_example);
    exampleRow->addWidget(m_open);
    exampleRow->addStretch();
    rightLayout->addLayout(exampleRow);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_checks);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &ControlsCatalogue::applyFilter);
    connect(m_checks, &QTreeWidget::currentItemChanged, this, &ControlsCatalogue::showCurrent);
    connect(m_example, &QComboBox::currentIndexChanged, this, &ControlsCatalogue::showCurrent);
    applyFilter();
    if (m_checks->topLevelItemCount() > 0)
        m_checks->setCurrentItem(m_checks->topLevelItem(0));

    const QFontMetrics fm(font());
    const QRect screen =
        (parent ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    resize(qMin(screen.width() * 9 / 10, qMax(1000, fm.horizontalAdvance(QLatin1Char('x')) * 130)),
           qMin(screen.height() * 9 / 10, qMax(640, fm.height() * 36)));
    split->setSizes({width() * 2 / 5, width() * 3 / 5});
}

QString ControlsCatalogue::currentCheck() const
{
    const QTreeWidgetItem *item = m_checks->currentItem();
    return item && !item->isHidden() ? item->text(IdColumn) : QString();
}

bool ControlsCatalogue::selectCheck(const QString &id)
{
    const auto found = m_checks->findItems(id, Qt::MatchExactly, IdColumn);
    if (found.isEmpty())
        return false;
    if (found.first()->isHidden())
        m_filter->clear();
    m_checks->setCurrentItem(found.first());
    return true;
}

ControlsCatalogue::Example ControlsCatalogue::example() const
{
    return Example(m_example->currentData().toInt());
}

void ControlsCatalogue::setExample(Example example)
{
    m_example->setCurrentIndex(m_example->findData(int(example)));
}

QString ControlsCatalogue::exampleText(const QString &checkId, Example example)
{
    QFile f(QStringLiteral(":/catalogue/%1.%2.yaml")
                .arg(checkId, example == Example::Failing ? QStringLiteral("fail")
                                                          : QStringLiteral("pass")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString ControlsCatalogue::openScratchWorkspace()
{
    const QString id = currentCheck();
    const QString yaml = exampleText(id, example());
    if (id.isEmpty() || yaml.isEmpty())
        return {};
    QString error;
    const QString folder = SampleWorkspace::newScratchFolder(QStringLiteral("scratch"), &error);
    const QString name = id + (example() == Example::Failing ? QStringLiteral("-failing.yaml")
                                                             : QStringLiteral("-passing.yaml"));
    QFile file(folder + QLatin1Char('/') + name);
    if (folder.isEmpty() || !file.open(QIODevice::WriteOnly) ||
        file.write(yaml.toUtf8()) != yaml.toUtf8().size() || !file.flush()) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Could not write the example to a temporary folder: %1")
                                 .arg(folder.isEmpty() ? error : file.errorString()));
        return {};
    }
    file.close();
    Q_EMIT scratchWorkspaceRequested(folder);
    return folder;
}

void ControlsCatalogue::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    int shown = 0;
    for (int i = 0; i < m_checks->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_checks->topLevelItem(i);
        const bool match =
            text.isEmpty() ||
            item->data(IdColumn, SearchRole).toString().contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
        shown += match ? 1 : 0;
    }
    m_count->setText(tr("%1 of %2 checks").arg(shown).arg(m_checks->topLevelItemCount()));
    QTreeWidgetItem *current = m_checks->currentItem();
    if (!current || current->isHidden()) {
        QTreeWidgetItem *first = nullptr;
        for (int i = 0; i < m_checks->topLevelItemCount() && !first; ++i) {
            if (!m_checks->topLevelItem(i)->isHidden())
                first = m_checks->topLevelItem(i);
        }
        m_checks->setCurrentItem(first);
    }
    showCurrent();
}

void ControlsCatalogue::showCurrent()
{
    const QString id = currentCheck();
    m_open->setEnabled(!id.isEmpty());
    m_example->setEnabled(!id.isEmpty());
    if (id.isEmpty()) {
        m_text->setMarkdown(tr("No check matches the filter."));
        return;
    }
    const std::string stdId = id.toStdString();
    const Policy::CheckDefinition *check = Policy::findCheck(stdId);
    if (!check)
        return;
    QString md = QStringLiteral("**%1** · %2 · %3\n\n")
                     .arg(Markdown::escaped(id),
                          tr("level %1").arg(QString::fromLatin1(Policy::levelName(check->level))),
                          tr("behaviour changed in %1").arg(versions(*check)));
    for (const auto &variant : check->variants) {
        for (const auto overridden : variant.overrides) {
            md += tr("At restricted, replaces %1 from %2.")
                      .arg(Markdown::code(fromView(overridden)),
                           versionName(variant.minimumVersion)) +
                  QStringLiteral("\n\n");
        }
    }
    const QString explanation = DetailsPane::explanation(check->id);
    md += explanation.isEmpty() ? tr("No explanation is bundled for this check.") : explanation;
    md += QStringLiteral("\n\n#### ") + tr("Failing example") + QStringLiteral("\n\n") +
          fence(exampleText(id, Example::Failing));
    md += QStringLiteral("\n#### ") + tr("Passing example") + QStringLiteral("\n\n") +
          fence(exampleText(id, Example::Passing));
    m_text->setMarkdown(md);
    followZoom(m_text->document()); // the examples' code at the window's zoom
}

void ControlsCatalogue::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // The window zoomed while the catalogue is open: the columns fit the new size.
    if (event->type() == QEvent::FontChange) {
        m_checks->resizeColumnToContents(IdColumn);
        m_checks->resizeColumnToContents(LevelColumn);
    }
}

} // namespace PodSec::Ui
