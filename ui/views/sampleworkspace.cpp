// SPDX-License-Identifier: Apache-2.0
#include "sampleworkspace.h"

#include "common/safefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <filesystem>
#include <system_error>

namespace PodSec::Ui::SampleWorkspace {

namespace {

QString &bundledOverride()
{
    static QString path;
    return path;
}

QString &copyOverride()
{
    static QString path;
    return path;
}

/// Folders a reset leaves beside the copy while it works (removed when it ends; one that
/// an interrupted reset left is removed by the next ensureCopy()).
const QLatin1String WorkPrefix(".sample-workspace-");

} // namespace

bool copyFolder(const QString &from, const QString &to, bool keepExisting, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    bool any = false;
    while (it.hasNext()) {
        const QString source = it.next();
        any = true;
        const QString destination = to + source.mid(from.size());
        if (keepExisting && QFileInfo::exists(destination))
            continue; // the user's edits stay
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(source, in.errorString());
            return false;
        }
        const QByteArray bytes = in.readAll();
        if (in.error() != QFileDevice::NoError) {
            *error = QStringLiteral("%1: %2").arg(source, in.errorString());
            return false;
        }
        if (!QDir().mkpath(QFileInfo(destination).path())) {
            *error = QCoreApplication::translate("PodSec::Ui::SampleWorkspace",
                                                 "Cannot create the folder %1")
                         .arg(QFileInfo(destination).path());
            return false;
        }
        std::string message;
        if (!writeFileSafely(QFile::encodeName(destination).toStdString(),
                             std::string_view(bytes.constData(), std::size_t(bytes.size())),
                             message)) {
            *error = QString::fromStdString(message);
            return false;
        }
        QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                               QFile::ReadOther);
    }
    if (!any) {
        *error =
            QCoreApplication::translate("PodSec::Ui::SampleWorkspace", "No files in %1").arg(from);
        return false;
    }
    return true;
}

QString newScratchFolder(const QString &what, QString *error)
{
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/podsec-%1-XXXXXX").arg(what));
    if (!dir.isValid()) {
        if (error)
            *error = dir.errorString();
        return {};
    }
    dir.setAutoRemove(false); // the window works in it after this call
    return dir.path();
}

namespace {

bool renamePath(const QString &from, const QString &to, QString *error)
{
    std::error_code code;
    // POSIX rename: a folder may take the place of an empty one.
    std::filesystem::rename(QFile::encodeName(from).toStdString(),
                            QFile::encodeName(to).toStdString(), code);
    if (code && error)
        *error = QStringLiteral("%1: %2").arg(from, QString::fromStdString(code.message()));
    return !code;
}

} // namespace

QString bundled()
{
    return bundledOverride().isEmpty() ? QStringLiteral(":/sample/workspace") : bundledOverride();
}

QString copy()
{
    if (!copyOverride().isEmpty())
        return QDir::cleanPath(copyOverride());
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/sample-workspace");
}

void setLocations(const QString &bundledPath, const QString &copyPath)
{
    bundledOverride() = bundledPath;
    copyOverride() = copyPath;
}

QString ensureCopy()
{
    const QString target = copy();
    // What an interrupted reset left beside the copy.
    QDir parent = QFileInfo(target).dir();
    for (const QString &name :
         parent.entryList({WorkPrefix + QLatin1Char('*')}, QDir::Dirs | QDir::Hidden))
        QDir(parent.filePath(name)).removeRecursively();
    QString error;
    if (!copyFolder(bundled(), target, true, &error))
        qWarning("podsec-explorer: the sample workspace: %s", qPrintable(error));
    return target;
}

bool isCopy(const QStringList &roots)
{
    if (roots.size() != 1)
        return false;
    const QString root = QFileInfo(roots.first()).canonicalFilePath();
    return !root.isEmpty() && root == QFileInfo(copy()).canonicalFilePath();
}

bool reset(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString target = copy();
    const QString parentPath = QFileInfo(target).path();
    if (!QDir().mkpath(parentPath)) {
        *error = QCoreApplication::translate("PodSec::Ui::SampleWorkspace",
                                             "Cannot create the folder %1")
                     .arg(parentPath);
        return false;
    }
    // 1. The sample as shipped, whole, in a new folder beside the copy (same file system).
    QTemporaryDir fresh(parentPath + QLatin1Char('/') + WorkPrefix + QStringLiteral("new-XXXXXX"));
    if (!fresh.isValid()) {
        *error = fresh.errorString();
        return false;
    }
    if (!copyFolder(bundled(), fresh.path(), false, error))
        return false; // the new folder goes, the copy is untouched
    // 2. The copy moves aside (into an empty folder's place), 3. the new folder takes its
    // name. If 3 fails the copy moves back.
    QTemporaryDir old(parentPath + QLatin1Char('/') + WorkPrefix + QStringLiteral("old-XXXXXX"));
    if (!old.isValid()) {
        *error = old.errorString();
        return false;
    }
    const bool hadCopy = QFileInfo::exists(target);
    // A temporary folder is the owner's only: the new copy gets the old one's mode.
    QFile::setPermissions(fresh.path(), hadCopy ? QFileInfo(target).permissions()
                                                : QFile::ReadOwner | QFile::WriteOwner |
                                                      QFile::ExeOwner | QFile::ReadGroup |
                                                      QFile::ExeGroup | QFile::ReadOther |
                                                      QFile::ExeOther);
    if (hadCopy && !renamePath(target, old.path(), error))
        return false;
    if (!renamePath(fresh.path(), target, error)) {
        if (hadCopy)
            renamePath(old.path(), target, nullptr);
        return false;
    }
    fresh.setAutoRemove(false); // it is the copy now; the old copy is removed with `old`
    return true;
}

} // namespace PodSec::Ui::SampleWorkspace
