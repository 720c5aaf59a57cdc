// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

#include <string>
#include <vector>

namespace PodSec::Ui {

/// Text filter over names, paths, values and reasons, and "only failing"; a row stays
/// when it or any descendant matches (recursive filtering keeps the path to it).
class WorkloadFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit WorkloadFilterProxyModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setOnlyFailing(bool onlyFailing);
    bool onlyFailing() const { return m_onlyFailing; }
    /// Applies the filter again (after the source's data changed).
    void refilter();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::vector<std::string> m_words; ///< lower-cased words of m_text
    bool m_onlyFailing = false;
};

} // namespace PodSec::Ui
