// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"

#include <QPersistentModelIndex>
#include <QTextBrowser>

namespace PodSec::Ui {

class WorkloadTreeModel;

/// Explains the selected tree row: the checks behind it with reason and detail, the exact
/// message kube-apiserver would give in each mode, and what each failing control guards
/// against. Reads the snapshot only; computes no policy.
class DetailsPane final : public QTextBrowser
{
    Q_OBJECT

public:
    /// Texts from the snapshot (reasons, details, the API server's messages, values) longer
    /// than this many characters are shown cut in the middle ("… 2,490 more …") with a "show
    /// more" link: a pod with thousands of aliased containers has messages naming every one
    /// of them, hundreds of KB that take the text layout minutes. Each "show more" shows ten
    /// times as much, until all of it is shown.
    static constexpr int DefaultTextLimit = 600;

    explicit DetailsPane(QWidget *parent = nullptr);

    /// index is a source index of the tree model. offerFix: failing rows get a "Fix…" link
    /// (not in a read-only cluster workspace). Long texts start cut (see DefaultTextLimit).
    void showIndex(const WorkloadTreeModel *model, const QModelIndex &index, bool offerFix = true);
    /// Shows the current row again with ten times as much of each cut text.
    void showMore();
    /// The explanation text of a check in the current UI language (Markdown).
    static QString explanation(std::string_view checkId);
    /// The Markdown shown for an index (for tests). Texts longer than textLimit are cut in
    /// the middle (textLimit <= 0: never); cut, when given, tells whether any was.
    /// explanationFirst: what the failing controls guard against comes before "Why it fails"
    /// and the API server's messages (the presenter view), else after them.
    static QString markdownFor(const WorkloadTreeModel *model, const QModelIndex &index,
                               bool offerFix = true, int textLimit = DefaultTextLimit,
                               bool *cut = nullptr, bool explanationFirst = false);
    /// The presenter view shows the explanation first (see markdownFor); shows it again.
    void setExplanationFirst(bool first);
    bool explanationFirst() const { return m_explanationFirst; }
    /// The Markdown of a checklist row (a finding, its field, an object of another kind),
    /// or the checklist section of a workload or namespace row (empty when it has none).
    /// cut, when given, is set when a text was cut (checklistdetails.cpp).
    /// offerFix: a finding that needs a decision links to its choices (podsec:fix).
    static QString checklistMarkdownFor(const WorkloadTreeModel *model, const QModelIndex &index,
                                        int textLimit = DefaultTextLimit, bool *cut = nullptr,
                                        bool offerFix = false);
    /// text cut in the middle to about limit characters: at ", " separators when it is a
    /// list ("a, b, … 2,490 more …, y, z"), else at characters. Unchanged when short.
    static QString elided(const QString &text, int limit, bool *cut = nullptr);

Q_SIGNALS:
    /// The "Fix…" link of a failing row was clicked.
    void fixRequested();
    /// A link to a risk of the Access view was clicked (its key, core/access/accessqueries.h).
    void accessRequested(const QString &key);

private:
    void render();

    const WorkloadTreeModel *m_model = nullptr;
    QPersistentModelIndex m_index;
    bool m_offerFix = true;
    int m_textLimit = DefaultTextLimit;
    bool m_explanationFirst = false;
};

} // namespace PodSec::Ui
