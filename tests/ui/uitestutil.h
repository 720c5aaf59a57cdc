// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "engine/workspacesnapshot.h"
#include "models/workspace.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QFile>
#include <QString>

#include <memory>

namespace PodSec::TestUtil {

inline QString sampleDir()
{
    return QStringLiteral(PODSEC_SOURCE_DIR "/resources/sample/workspace");
}

/// Reads files into WorkspaceFile values with paths relative to the sample folder, so
/// dumps do not depend on where the checkout lives.
inline std::vector<WorkspaceFile> readFiles(const QString &dir)
{
    std::vector<WorkspaceFile> files;
    for (const QString &path : Ui::Workspace::collectFiles({dir})) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        files.push_back(
            {QDir(dir).relativeFilePath(path).toStdString(), f.readAll().toStdString()});
    }
    return files;
}

inline std::shared_ptr<const WorkspaceSnapshot> snapshotOf(std::vector<WorkspaceFile> files,
                                                           const SnapshotOptions &options = {})
{
    auto s = buildSnapshot(std::move(files), options);
    return s ? std::make_shared<const WorkspaceSnapshot>(std::move(*s)) : nullptr;
}

/// One line per row: indentation, then every column's display text joined by " | ".
inline QStringList dumpModel(const QAbstractItemModel &model, const QModelIndex &parent = {},
                             int depth = 0)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(parent); ++c)
            cells << model.index(r, c, parent).data().toString();
        lines << QString(depth * 2, QLatin1Char(' ')) + cells.join(QStringLiteral(" | "));
        lines << dumpModel(model, model.index(r, 0, parent), depth + 1);
    }
    return lines;
}

} // namespace PodSec::TestUtil
