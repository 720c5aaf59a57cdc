// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster/apiclient.h"
#include "engine/workspacesnapshot.h"
#include "models/workspace.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace PodSec::TestUtil {

/// The workload rows a tree model, or a proxy over it, shows below its namespaces.
inline QStringList workloadNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int n = 0; n < model.rowCount(); ++n) {
        const QModelIndex ns = model.index(n, 0);
        for (int w = 0; w < model.rowCount(ns); ++w)
            names << model.index(w, 0, ns).data().toString();
    }
    return names;
}

inline QString sampleDir()
{
    return QStringLiteral(PODSEC_SOURCE_DIR "/resources/sample/workspace");
}

/// The texts of the bundled sample's files.
inline std::vector<std::string> sampleTexts()
{
    std::vector<std::string> texts;
    QDirIterator it(sampleDir(), QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            texts.push_back(f.readAll().toStdString());
    }
    return texts;
}

/// Copies the bundled sample workspace into to, replacing what is there (every test starts
/// from the sample as shipped), writable by its owner.
inline void copySample(const QString &to)
{
    QDirIterator it(sampleDir(), QDir::Files);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString target = to + QLatin1Char('/') + it.fileName();
        QFile::remove(target);
        QFile::copy(from, target);
        QFile(target).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
}

/// Copies ../shared/corpus/real (the real-world manifests) into to, writable by its owner;
/// false if any file could not be copied.
inline bool copyCorpus(const QString &to)
{
    const QString from = QStringLiteral(PODSEC_SHARED_DIR "/corpus/real");
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    bool ok = true;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        QDir().mkpath(QFileInfo(target).path());
        ok = QFile::copy(path, target) && ok;
        QFile(target).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return ok;
}

/// Answers like an API server (no sockets) with one namespace, "shop" with the given
/// metadata labels (a JSON object, "" for none), and one privileged pod in it.
class OnePodCluster final : public Cluster::Transport
{
public:
    explicit OnePodCluster(std::string labels = {}) : m_labels(std::move(labels)) {}
    Cluster::HttpResponse get(const std::string &q, const Cluster::Headers &,
                              const Cluster::RequestLimits &) override
    {
        Cluster::HttpResponse r;
        r.status = 200;
        if (q == "/version")
            r.body = R"({"major":"1","minor":"30","gitVersion":"v1.30.4"})";
        else if (q.rfind("/api/v1/namespaces?", 0) == 0)
            r.body = R"({"kind":"NamespaceList","apiVersion":"v1","metadata":{},"items":[)"
                     R"({"metadata":{"name":"shop")" +
                     (m_labels.empty() ? std::string() : R"(,"labels":)" + m_labels) + "}}]}";
        else if (q.rfind("/api/v1/pods?", 0) == 0)
            r.body = R"({"kind":"PodList","apiVersion":"v1","metadata":{},"items":[)"
                     R"({"metadata":{"name":"web-1","namespace":"shop"},"spec":{"containers":[)"
                     R"({"name":"app","image":"nginx","securityContext":{"privileged":true}}]}}]})";
        else
            r.body = R"({"kind":"List","apiVersion":"v1","metadata":{},"items":[]})";
        return r;
    }

private:
    std::string m_labels;
};

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
