// SPDX-License-Identifier: Apache-2.0
#include "recoverystore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>

#include <signal.h>

namespace PodSec::Ui {

namespace {

bool processRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

RecoveryStore::RecoveryStore(QString dir) : m_dir(std::move(dir))
{
    if (m_dir.isEmpty())
        m_dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                QStringLiteral("/recovery");
}

QString RecoveryStore::recordPath(const QString &path) const
{
    const QByteArray key = QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(),
                                                    QCryptographicHash::Sha1)
                               .toHex();
    return m_dir + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".json");
}

bool RecoveryStore::keep(const QString &path, const QString &text)
{
    if (!QDir().mkpath(m_dir))
        return false;
    QFile::setPermissions(m_dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QJsonObject record;
    record.insert(QStringLiteral("path"), QFileInfo(path).absoluteFilePath());
    record.insert(QStringLiteral("text"), text);
    record.insert(QStringLiteral("savedAtMs"), QDateTime::currentMSecsSinceEpoch());
    record.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    QSaveFile out(recordPath(path));
    if (!out.open(QIODevice::WriteOnly))
        return false;
    // The text may hold secrets: readable by its owner only, before a byte is written.
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray bytes = QJsonDocument(record).toJson(QJsonDocument::Compact);
    return out.write(bytes) == bytes.size() && out.commit();
}

void RecoveryStore::forget(const QString &path)
{
    QFile::remove(recordPath(path));
}

QVector<RecoveryStore::Entry> RecoveryStore::entries() const
{
    QVector<Entry> out;
    const QDir dir(m_dir);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        Entry e;
        e.path = o.value(QStringLiteral("path")).toString();
        e.text = o.value(QStringLiteral("text")).toString();
        e.savedAtMs = qint64(o.value(QStringLiteral("savedAtMs")).toDouble());
        e.pid = qint64(o.value(QStringLiteral("pid")).toDouble());
        if (!e.path.isEmpty() && recordPath(e.path) == f.fileName())
            out << e;
    }
    std::sort(out.begin(), out.end(),
              [](const Entry &x, const Entry &y) { return x.savedAtMs < y.savedAtMs; });
    return out;
}

QVector<RecoveryStore::Entry> RecoveryStore::orphans() const
{
    QVector<Entry> out;
    for (const Entry &e : entries()) {
        if (!processRunning(e.pid))
            out << e;
    }
    return out;
}

} // namespace PodSec::Ui
