// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/versiondiff.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace PodSec::Ui {

/// View → Compare Versions…: for two policy versions and a level, the checks that differ
/// (added, changed, removed, with the version that made the difference) and every workload
/// whose failing checks differ, field by field: what `podsec diff` prints. Computes nothing
/// itself: Engine::compareVersions does, off the GUI thread. Activating a workload's row
/// asks the window to select it (objectActivated).
class CompareVersionsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Input
    {
        std::shared_ptr<const WorkspaceSnapshot> snapshot;
        SnapshotOptions options; ///< those the snapshot was built with
    };
    explicit CompareVersionsDialog(Input input, QWidget *parent = nullptr);
    ~CompareVersionsDialog() override;

    /// Compares again, as the choices in the dialog do.
    void setVersions(const Policy::Version &from, const Policy::Version &to);
    void setLevel(Policy::Level level);
    /// The comparison shown; nullopt while the first one runs.
    const std::optional<Engine::VersionDiff> &diff() const { return m_diff; }
    bool isBusy() const { return m_running > 0; }
    QString summary() const;

    enum CheckColumn { CheckIdColumn, CheckLevelColumn, ChangeColumn, VersionColumn };
    enum ObjectColumn {
        ObjectNameColumn,
        KindColumn,
        NamespaceColumn,
        FromColumn,
        ToColumn,
        SourceColumn
    };
    QTreeWidget *checksTree() const { return m_checks; }
    /// One top-level row per object; its children are the checks failing at one version only,
    /// theirs the failing fields.
    QTreeWidget *objectsTree() const { return m_objects; }

Q_SIGNALS:
    /// A workload's row was activated: key is WorkloadEntry::key().
    void objectActivated(const QString &key);
    /// A comparison has been shown.
    void compared();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitColumns();
    void compare();
    void showDiff(Engine::VersionDiff diff);
    QString verdictText(const Engine::VersionVerdict &v) const;
    QString changeText(Engine::CheckChangeKind kind) const;
    QString displayName(const Policy::Version &v) const;

    Input m_input;
    std::optional<Engine::VersionDiff> m_diff;
    QComboBox *m_from;
    QComboBox *m_to;
    QComboBox *m_level;
    QLabel *m_summary;
    QTreeWidget *m_checks;
    QTreeWidget *m_objects;
    int m_generation = 0;
    int m_running = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace PodSec::Ui
