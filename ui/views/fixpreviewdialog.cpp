// SPDX-License-Identifier: Apache-2.0
#include "fixpreviewdialog.h"

#include "zoomfonts.h"

#include "engine/fixalternatives.h"
#include "fix/unifieddiff.h"
#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QSyntaxHighlighter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace PodSec::Ui {

namespace {

enum Roles {
    KeyRole = Qt::UserRole + 1,
    TargetRole,
    ChoiceRole,
    AlternativeRole,
    ChecklistRole,
    TitleRole, ///< a checklist choice's text before a value was given
    ValueRole, ///< the value given to a checklist choice that asks for one
};

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

/// Wraps a row's text to the width the tree gives it, and makes the row as tall as that
/// needs (QTreeView asks for row heights without a width, so wrapped rows stay one line).
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        QStyleOptionViewItem opt = option;
        opt.rect =
            QRect(0, 0, qMax(80, m_view->viewport()->width() - m_view->indentation() * depth), 1);
        return QStyledItemDelegate::sizeHint(opt, index);
    }

private:
    QTreeView *m_view;
};

} // namespace

FixPreviewDialog::FixPreviewDialog(std::vector<FixTarget> targets,
                                   const Policy::LevelVersion &policy, QWidget *parent,
                                   std::vector<Engine::ChecklistDecision> checklist)
    : QDialog(parent), m_targets(std::move(targets)), m_policy(policy),
      m_checklist(std::move(checklist))
{
    setWindowTitle(tr("Preview fixes"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(true);
    // Titles and consequences are read in full: wrapped to the width, never elided.
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // the width does not jump
    m_list->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_list->setItemDelegate(new WrappingDelegate(m_list));
    m_list->viewport()->installEventFilter(this);
    m_alternative = new QPlainTextEdit(this);
    m_alternative->setReadOnly(true);
    m_alternative->setFont(zoomingMonospaceFont()); // follows the zoom
    m_alternative->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_alternative->hide();
    m_diff = new QPlainTextEdit(this);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(zoomingMonospaceFont());
    new DiffHighlighter(m_diff->document());
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_alternative);
    splitter->addWidget(m_diff);
    splitter->setSizes({380, 200, 300}); // the fixes and what they may break come first
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Apply)->setText(tr("&Apply"));
    m_apply = buttons->button(QDialogButtonBox::Apply);
    // Enter applies what the preview shows (the list has the focus, Enter reaches here).
    buttons->button(QDialogButtonBox::Apply)->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
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
    for (std::size_t t = 0; t < m_targets.size(); ++t) {
        const auto &target = m_targets[t];
        if (target.replacement) {
            auto *item = new QTreeWidgetItem(m_list, {target.replacementTitle});
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Checked);
            item->setData(0, TargetRole, int(t));
            ++m_fixCount;
            continue;
        }
        if (target.create)
            continue;
        const auto result = Engine::fixText(target.text, m_policy, target.options);
        const auto &decisions = result.decisions;
        if (result.applied.empty() && decisions.empty())
            continue;
        auto *fileItem = new QTreeWidgetItem(m_list, {target.name});
        fileItem->setFlags(Qt::ItemIsEnabled);
        // Objects that cannot reach the policy without a person: their risky fixes are not
        // ticked for them, and they are offered the ways other than fixing.
        std::set<std::string> needsPerson;
        for (const auto &d : decisions)
            needsPerson.insert(d.object);
        for (std::size_t i = 0; i < result.applied.size(); ++i) {
            auto *item = new QTreeWidgetItem(fileItem, {q(result.applied[i])});
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            const std::string &consequence = result.appliedConsequences[i];
            const bool held = !consequence.empty() && needsPerson.count(result.appliedObjects[i]);
            item->setCheckState(0, held ? Qt::Unchecked : Qt::Checked);
            item->setData(0, KeyRole, q(result.appliedKeys[i]));
            item->setData(0, TargetRole, int(t));
            ++m_fixCount;
            if (consequence.empty())
                continue;
            QString note = tr("May break: %1").arg(q(consequence));
            if (held)
                note = tr("Not ticked: %1 cannot reach the level without a decision below, and "
                          "this change may break it for nothing. %2")
                           .arg(q(result.appliedObjects[i]), note);
            auto *warning = new QTreeWidgetItem(item, {note});
            warning->setFlags(Qt::ItemIsEnabled);
            warning->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            item->setToolTip(0, note);
        }
        std::set<std::string> offered;
        const auto alternatives =
            Engine::fixAlternatives(target.text, m_policy, target.options, needsPerson);
        for (const auto &[object, d] : decisions) {
            auto *item = new QTreeWidgetItem(
                fileItem, {tr("Needs a decision: %1: %2").arg(q(object), q(d.question))});
            item->setFlags(Qt::ItemIsEnabled);
            item->setToolTip(0, q(d.question));
            for (const auto &c : d.choices) {
                auto *choice = new QTreeWidgetItem(item, {q(c.title)});
                choice->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                choice->setCheckState(0, Qt::Unchecked);
                choice->setData(0, TargetRole, int(t));
                choice->setData(0, KeyRole, q(c.key));
                choice->setData(0, ChoiceRole, true);
            }
            // Once per object: keep it at a lower level on its own, or exempt it.
            if (!offered.insert(object).second)
                continue;
            for (const auto &a : alternatives) {
                if (a.object != object)
                    continue;
                const bool own = a.kind == Engine::FixAlternative::Kind::OwnNamespace;
                auto *alt = new QTreeWidgetItem(
                    item, {own ? tr("Or keep it at %1 in a namespace of its own (select to see "
                                    "how)")
                                     .arg(q(a.level))
                               : tr("Or exempt it from Pod Security (select to see how)")});
                alt->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                alt->setData(0, AlternativeRole, int(m_alternatives.size()));
                m_alternatives.push_back(alternativeText(a));
            }
        }
    }
    addChecklistRows();
    m_list->expandAll();
    m_building = false;
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_building)
            return;
        if (item->data(0, ChecklistRole).isValid() && item->checkState(0) == Qt::Checked) {
            const bool given = askValue(item);
            const QScopedValueRollback building(m_building, true);
            if (!given) {
                item->setCheckState(0, Qt::Unchecked);
            } else {
                // Alternatives of one decision: the one ticked replaces the others.
                const QPoint at = item->data(0, ChecklistRole).toPoint();
                const auto &decision = m_checklist[std::size_t(at.x())];
                const std::string &group = decision.choices[std::size_t(at.y())].exclusive;
                for (auto *row : std::as_const(m_choiceRows)) {
                    const QPoint other = row->data(0, ChecklistRole).toPoint();
                    if (row != item && !group.empty() && other.x() == at.x() &&
                        decision.choices[std::size_t(other.y())].exclusive == group)
                        row->setCheckState(0, Qt::Unchecked);
                }
            }
        }
        recompute();
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QVariant alt = item ? item->data(0, AlternativeRole) : QVariant();
        m_alternative->setVisible(alt.isValid());
        if (alt.isValid())
            m_alternative->setPlainText(m_alternatives.value(alt.toInt()));
    });
    recompute();
}

void FixPreviewDialog::addChecklistRows()
{
    if (m_checklist.empty())
        return;
    auto *group = new QTreeWidgetItem(m_list, {tr("Security checklist")});
    group->setFlags(Qt::ItemIsEnabled);
    auto fileName = [](const std::string &path) {
        return QFileInfo(QString::fromStdString(path)).fileName();
    };
    for (std::size_t d = 0; d < m_checklist.size(); ++d) {
        const auto &decision = m_checklist[d];
        auto *item = new QTreeWidgetItem(
            group, {tr("Needs a decision: %1: %2: %3")
                        .arg(q(decision.object), q(decision.checkId), q(decision.question))});
        item->setFlags(Qt::ItemIsEnabled);
        item->setToolTip(0, q(decision.question));
        if (!decision.commands.empty()) {
            // Nothing to write in a file: the commands, selectable to copy.
            auto *run = new QTreeWidgetItem(item, {tr("Run a command instead (select to see it)")});
            run->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            run->setData(0, AlternativeRole, int(m_alternatives.size()));
            m_alternatives.push_back(q(decision.commands) + QLatin1Char('\n'));
        } else if (decision.choices.empty()) {
            auto *none = new QTreeWidgetItem(
                item, {tr("Nothing the tool can write: see the rule's explanation")});
            none->setFlags(Qt::ItemIsEnabled);
        }
        for (std::size_t c = 0; c < decision.choices.size(); ++c) {
            const auto &choice = decision.choices[c];
            // Where it writes; a new file is named by the title already, and is written to
            // the disk on Apply (it has no editor to be undone in).
            QStringList files;
            bool creates = false;
            for (const auto &change : choice.changes) {
                creates |= change.create;
                if (!change.create)
                    files << fileName(change.path);
            }
            QString text = q(choice.title);
            if (!files.isEmpty())
                text = tr("%1 (in %2)").arg(text, files.join(QStringLiteral(", ")));
            if (creates)
                text += QLatin1Char(' ') + tr("— Apply writes this file to the disk");
            auto *row = new QTreeWidgetItem(item, {text});
            row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            row->setCheckState(0, Qt::Unchecked);
            row->setData(0, ChecklistRole, QPoint(int(d), int(c)));
            row->setData(0, TitleRole, row->text(0));
            m_choiceRows << row;
            if (choice.consequence.empty())
                continue;
            const QString note = tr("May break: %1").arg(q(choice.consequence));
            auto *warning = new QTreeWidgetItem(row, {note});
            warning->setFlags(Qt::ItemIsEnabled);
            warning->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            row->setToolTip(0, note);
        }
    }
}

bool FixPreviewDialog::askValue(QTreeWidgetItem *row)
{
    const QPoint at = row->data(0, ChecklistRole).toPoint();
    const auto &choice = m_checklist[std::size_t(at.x())].choices[std::size_t(at.y())];
    if (choice.ask.empty())
        return true;
    QString value =
        m_filled.count({at.x(), at.y()}) ? row->data(0, ValueRole).toString() : QString();
    for (;;) {
        bool ok = false;
        value = QInputDialog::getText(this, tr("Value to write"), q(choice.ask), QLineEdit::Normal,
                                      value, &ok)
                    .trimmed();
        if (!ok)
            return false;
        Engine::ChecklistChoice filled = choice;
        std::string error;
        if (Engine::fillChoice(filled, value.toStdString(), error)) {
            m_filled[{at.x(), at.y()}] = std::move(filled);
            const QScopedValueRollback building(m_building, true);
            row->setData(0, ValueRole, value);
            row->setText(0, row->data(0, TitleRole).toString() + QStringLiteral(": ") + value);
            return true;
        }
        QMessageBox::warning(this, tr("Value to write"), q(error));
    }
}

bool FixPreviewDialog::checklistTexts(std::vector<std::string> &texts, QString &error) const
{
    texts.clear();
    for (const auto &t : m_targets)
        texts.push_back(t.create ? std::string() : t.text);
    std::vector<const Engine::ChecklistChoice *> chosen;
    for (const auto *row : m_choiceRows) {
        if (row->checkState(0) != Qt::Checked)
            continue;
        const QPoint at = row->data(0, ChecklistRole).toPoint();
        const auto filled = m_filled.find({at.x(), at.y()});
        const auto &choice = filled != m_filled.end()
                                 ? filled->second
                                 : m_checklist[std::size_t(at.x())].choices[std::size_t(at.y())];
        if (choice.ask.empty()) // a value still to be given writes nothing
            chosen.push_back(&choice);
    }
    if (chosen.empty())
        return true;
    std::map<std::string, std::string> byPath;
    for (const auto &t : m_targets) {
        if (!t.create)
            byPath[t.path] = t.text;
    }
    std::string message;
    if (!Engine::applyChoices(chosen, byPath, message)) {
        error = q(message);
        return false;
    }
    for (std::size_t t = 0; t < m_targets.size(); ++t) {
        const auto it = byPath.find(m_targets[t].path);
        if (it != byPath.end())
            texts[t] = it->second;
    }
    return true;
}

void FixPreviewDialog::recompute()
{
    m_results.clear();
    std::vector<std::string> texts;
    QString collision; // the ticked choices collide: none of them applies, the summary says why
    checklistTexts(texts, collision);
    for (std::size_t t = 0; t < m_targets.size(); ++t) {
        const auto &target = m_targets[t];
        if (target.replacement) {
            bool ticked = false;
            for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
                ticked |= (*it)->data(0, TargetRole).isValid() &&
                          (*it)->data(0, TargetRole).toInt() == int(t) &&
                          (*it)->checkState(0) == Qt::Checked;
            }
            const std::string before = target.create ? std::string() : target.text;
            if (ticked && *target.replacement != before)
                m_results.push_back(
                    {target.create ? -1 : target.file, before, *target.replacement, target.path});
            continue;
        }
        if (target.create) {
            if (!texts[t].empty())
                m_results.push_back({-1, std::string(), texts[t], target.path});
            continue;
        }
        Engine::FixOptions options = target.options;
        std::set<std::string> choiceKeys;
        for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
            QTreeWidgetItem *item = *it;
            if (item->data(0, TargetRole).toInt() != int(t) || !item->data(0, TargetRole).isValid())
                continue;
            const bool checked = item->checkState(0) == Qt::Checked;
            const std::string key = item->data(0, KeyRole).toString().toStdString();
            if (item->data(0, ChoiceRole).isValid()) {
                if (checked)
                    choiceKeys.insert(key);
            } else if (!checked) {
                options.excluded.insert(key);
            }
        }
        auto result = Engine::fixText(texts[t], m_policy, options);
        // Chosen answers to decisions apply on top of the automatic fixes kept: they are
        // found again (by key) among the decisions planned against that text.
        if (!choiceKeys.empty()) {
            Fix::TextEditSet set;
            for (const auto &d : result.decisions) {
                for (const auto &c : d.decision.choices) {
                    if (choiceKeys.count(c.key)) {
                        for (const auto &e : c.edits.edits())
                            set.add(e);
                    }
                }
            }
            std::string text = result.text;
            if (!set.isEmpty() && set.apply(text))
                result = Engine::fixText(text, m_policy, options);
        }
        if (result.text != target.text)
            m_results.push_back({target.file, target.text, result.text, target.path});
    }
    m_diff->setPlainText(diffText());
    if (m_apply)
        m_apply->setEnabled(!m_results.empty());
    const bool onlyReplacements =
        std::all_of(m_targets.begin(), m_targets.end(),
                    [](const FixTarget &t) { return t.replacement.has_value(); });
    if (!collision.isEmpty())
        m_summary->setText(tr("These choices cannot go together: %1").arg(collision));
    else
        m_summary->setText(m_results.empty() ? tr("Nothing to change.")
                           : onlyReplacements
                               ? tr("%n file(s) change to the text offered. Untick a file to "
                                    "leave it as it is.",
                                    nullptr, int(m_results.size()))
                               : tr("%n file(s) change. Untick a fix to leave it out; tick a "
                                    "choice to apply it.",
                                    nullptr, int(m_results.size())));
}

QString FixPreviewDialog::alternativeText(const Engine::FixAlternative &a) const
{
    const QString object = q(a.object);
    if (a.kind == Engine::FixAlternative::Kind::OwnNamespace)
        return tr("Instead of forcing %1 to the level, run it in a namespace of its own that "
                  "enforces %2 (and warns at restricted), so the other namespaces stay "
                  "strict:")
                   .arg(object, q(a.level)) +
               QStringLiteral("\n\n") + q(a.commands) + QStringLiteral("\n# ") +
               tr("then set metadata.namespace: %1 in its manifest").arg(q(a.ns)) +
               QStringLiteral("\n\n") +
               tr("What the API server answers to the label command once it runs there:") +
               QStringLiteral("\n") + q(a.answer) + QLatin1Char('\n');
    return tr("Move %1 to a namespace of its own (%2) and list that namespace under exemptions "
              "in the API server's admission configuration (--admission-control-config-file). "
              "Everything in an exempt namespace skips Pod Security: keep nothing else there.")
               .arg(object, q(a.ns)) +
           QStringLiteral("\n\n") + q(a.commands) + QStringLiteral("\n") +
           tr("What the API server answers when that namespace is labelled restricted:") +
           QStringLiteral("\n") + q(a.labels) + QStringLiteral("\n") + q(a.answer) +
           QLatin1Char('\n');
}

QString FixPreviewDialog::diffText() const
{
    QString out;
    for (const auto &r : m_results) {
        QString name;
        for (const auto &t : m_targets) {
            if (t.file == r.file && t.path == r.path)
                name = t.name;
        }
        out += QString::fromStdString(Fix::unifiedDiff(r.before, r.after, name.toStdString()));
    }
    return out;
}

bool FixPreviewDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Another width wraps the rows anew.
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, m_list, [list = m_list] { list->doItemsLayout(); });
    return QDialog::eventFilter(watched, event);
}

QString FixPreviewDialog::alternativeShown() const
{
    return m_alternative->isVisibleTo(this) ? m_alternative->toPlainText() : QString();
}

} // namespace PodSec::Ui
