// SPDX-License-Identifier: Apache-2.0
#include "fixpreviewdialog.h"

#include "fix/unifieddiff.h"
#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace PodSec::Ui {

namespace {

enum Roles { KeyRole = Qt::UserRole + 1, TargetRole, ChoiceRole };

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// Colours a unified diff: additions green, removals red, hunk headers blue.
class DiffHighlighter final : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        QColor colour;
        if (text.startsWith(QLatin1String("@@")))
            colour = dark ? QColor(0x7a, 0xb8, 0xff) : QColor(0x1f, 0x5f, 0xbf);
        else if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))) {
            QTextCharFormat bold;
            bold.setFontWeight(QFont::Bold);
            return setFormat(0, int(text.size()), bold);
        } else if (text.startsWith(QLatin1Char('+')))
            colour = dark ? QColor(0x7c, 0xd9, 0x8b) : QColor(0x1a, 0x7f, 0x37);
        else if (text.startsWith(QLatin1Char('-')))
            colour = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
        if (colour.isValid())
            setFormat(0, int(text.size()), colour);
    }
};

} // namespace

FixPreviewDialog::FixPreviewDialog(std::vector<FixTarget> targets,
                                   const Policy::LevelVersion &policy, QWidget *parent)
    : QDialog(parent), m_targets(std::move(targets)), m_policy(policy)
{
    setWindowTitle(tr("Preview fixes"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(true);
    m_diff = new QPlainTextEdit(this);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_diff->document());
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_diff);
    splitter->setSizes({220, 420});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Apply)->setText(tr("&Apply"));
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(980, 720);

    // The rows come from one first run: every fix it applies, every decision it leaves.
    m_building = true;
    m_choices.resize(m_targets.size());
    for (std::size_t t = 0; t < m_targets.size(); ++t) {
        const auto &target = m_targets[t];
        const auto result = Engine::fixText(target.text, m_policy, target.options);
        const auto &decisions = result.decisions;
        if (result.applied.empty() && decisions.empty())
            continue;
        auto *fileItem = new QTreeWidgetItem(m_list, {target.name});
        fileItem->setFlags(Qt::ItemIsEnabled);
        for (std::size_t i = 0; i < result.applied.size(); ++i) {
            auto *item = new QTreeWidgetItem(fileItem, {q(result.applied[i])});
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Checked);
            item->setData(0, KeyRole, q(result.appliedKeys[i]));
            item->setData(0, TargetRole, int(t));
            ++m_fixCount;
        }
        for (const auto &[object, d] : decisions) {
            auto *item = new QTreeWidgetItem(
                fileItem, {tr("Needs a decision: %1: %2").arg(q(object), q(d.question))});
            item->setFlags(Qt::ItemIsEnabled);
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(0, q(d.question));
            // Choices are planned against the text the automatic fixes produce.
            for (const auto &c : d.choices) {
                auto *choice = new QTreeWidgetItem(item, {q(c.title)});
                choice->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                choice->setCheckState(0, Qt::Unchecked);
                choice->setData(0, TargetRole, int(t));
                choice->setData(0, ChoiceRole, int(m_choices[t].size()));
                m_choices[t].push_back(c);
            }
        }
    }
    m_list->expandAll();
    m_building = false;
    connect(m_list, &QTreeWidget::itemChanged, this, [this] {
        if (!m_building)
            recompute();
    });
    recompute();
}

void FixPreviewDialog::recompute()
{
    m_results.clear();
    for (std::size_t t = 0; t < m_targets.size(); ++t) {
        Engine::FixOptions options = m_targets[t].options;
        std::vector<const Fix::FixIt *> choices;
        for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
            QTreeWidgetItem *item = *it;
            if (item->data(0, TargetRole).toInt() != int(t) || !item->data(0, TargetRole).isValid())
                continue;
            const bool checked = item->checkState(0) == Qt::Checked;
            if (item->data(0, ChoiceRole).isValid()) {
                if (checked)
                    choices.push_back(
                        &m_choices[t][std::size_t(item->data(0, ChoiceRole).toInt())]);
            } else if (!checked) {
                options.excluded.insert(item->data(0, KeyRole).toString().toStdString());
            }
        }
        auto result = Engine::fixText(m_targets[t].text, m_policy, options);
        // Chosen answers to decisions apply on top of the automatic fixes they were
        // planned against (only when every automatic fix is kept, so the text matches).
        if (!choices.empty() && options.excluded.size() == m_targets[t].options.excluded.size()) {
            Fix::TextEditSet set;
            for (const auto *c : choices) {
                for (const auto &e : c->edits.edits())
                    set.add(e);
            }
            std::string text = result.text;
            if (set.apply(text))
                result = Engine::fixText(text, m_policy, options);
        }
        if (result.text != m_targets[t].text)
            m_results.push_back({m_targets[t].file, m_targets[t].text, result.text});
    }
    m_diff->setPlainText(diffText());
    m_summary->setText(m_results.empty()
                           ? tr("Nothing to change.")
                           : tr("%n file(s) change. Untick a fix to leave it out; tick a choice "
                                "to apply it.",
                                nullptr, int(m_results.size())));
}

QString FixPreviewDialog::diffText() const
{
    QString out;
    for (const auto &r : m_results) {
        QString name;
        for (const auto &t : m_targets) {
            if (t.file == r.file)
                name = t.name;
        }
        out += QString::fromStdString(Fix::unifiedDiff(r.before, r.after, name.toStdString()));
    }
    return out;
}

} // namespace PodSec::Ui
