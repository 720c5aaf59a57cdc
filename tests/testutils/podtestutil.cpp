// SPDX-License-Identifier: Apache-2.0
#include "podtestutil.h"

#include <QProcess>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

#include <stdexcept>

namespace PodSec::TestUtil {

ParsedPod parse(const std::string &yaml)
{
    ParsedPod p;
    p.file = Yaml::SourceFile::fromText("test.yaml", yaml);
    if (!p.file->documents.empty())
        p.objects = K8s::objectsIn(p.file->documents.front());
    return p;
}

Policy::Evaluation evaluate(const std::string &yaml, const char *level, const char *version)
{
    const auto parsed = parse(yaml);
    if (parsed.objects.empty())
        throw std::runtime_error("no object in test YAML");
    const K8s::PodSpecView view(parsed.object());
    return Policy::evaluate(view, {*Policy::parseLevel(level), *Policy::Version::parse(version)});
}

const Policy::CheckResult *findResult(const Policy::Evaluation &e, std::string_view id)
{
    for (const auto &r : e.results) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

std::optional<Policy::LevelVersion> goldenPolicy(const QString &fileName)
{
    // The input and its expected output share the policy.
    static const QRegularExpression suffix(QStringLiteral("\\.(in|out)\\.[^.]+$"));
    const QString base = QString(fileName).remove(suffix);
    const QStringList parts = base.split(QLatin1String("--"));
    if (parts.size() < 3)
        return Policy::LevelVersion{Policy::Level::Restricted, Policy::Version::latest()};
    if (parts.size() > 3)
        return std::nullopt;
    const QString &policy = parts.at(2);
    const int dash = policy.indexOf(QLatin1Char('-'));
    const auto level = Policy::parseLevel(policy.left(dash).toStdString());
    const auto version = dash < 0 ? std::optional<Policy::Version>(Policy::Version::latest())
                                  : Policy::Version::parse(policy.mid(dash + 1).toStdString());
    if (!level || !version)
        return std::nullopt;
    return Policy::LevelVersion{*level, *version};
}

QString sharedPath(const QString &relative)
{
    return QStringLiteral(PODSEC_SHARED_DIR "/") + relative;
}

QStringList manifestPaths(const QString &root)
{
    QDirIterator it(root,
                    {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                    QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    return paths;
}

QString testDataPath(const QString &relative)
{
    return QStringLiteral(PODSEC_TEST_DATA_DIR "/") + relative;
}

ProcessRun runProcess(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    ProcessRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile in(file);
        QFile out(target);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return false;
        const QByteArray text = in.readAll();
        if (out.write(text) != text.size())
            return false;
    }
    return true;
}

} // namespace PodSec::TestUtil
