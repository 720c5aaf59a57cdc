// SPDX-License-Identifier: Apache-2.0
#include "render/renderer.h"

#include "yaml/sourcefile.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>

namespace PodSec::Render {

namespace {

QString local(const std::string &s)
{
    return QString::fromLocal8Bit(s.data(), static_cast<qsizetype>(s.size()));
}

std::string local(const QString &s)
{
    return s.toLocal8Bit().toStdString();
}

struct RunResult
{
    bool ok = false;
    std::string out;
    std::string error; ///< why it failed: the tool's own message, a timeout, the bound
};

/// The tool's standard error as one message: its lines joined, bounded.
std::string errorText(std::string err)
{
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r' || err.back() == ' '))
        err.pop_back();
    if (err.size() > 2000)
        err = err.substr(0, 2000) + "...";
    std::replace(err.begin(), err.end(), '\n', ' ');
    return err;
}

RunResult run(const std::string &program, const std::vector<std::string> &args,
              const QString &workingDir, const Options &options)
{
    RunResult r;
    QProcess process;
    process.setProgram(local(program));
    QStringList list;
    for (const auto &a : args)
        list << local(a);
    process.setArguments(list);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(options.timeoutMs)) {
        r.error = "cannot run " + program + ": " + local(process.errorString());
        return r;
    }
    QDeadlineTimer deadline(options.timeoutMs);
    std::string err;
    auto drain = [&] {
        const QByteArray out = process.readAllStandardOutput();
        r.out.append(out.constData(), static_cast<std::size_t>(out.size()));
        const QByteArray e = process.readAllStandardError();
        if (err.size() < 65536)
            err.append(e.constData(), static_cast<std::size_t>(e.size()));
    };
    while (process.state() != QProcess::NotRunning) {
        process.waitForFinished(50);
        drain();
        if (r.out.size() > options.maxOutputBytes) {
            process.kill();
            process.waitForFinished(5000);
            r.error = program + " printed more than " + sizeText(options.maxOutputBytes) +
                      "; not evaluated";
            r.out.clear();
            return r;
        }
        if (deadline.hasExpired() && process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
            r.error = program + " did not finish within " +
                      std::to_string(options.timeoutMs / 1000) + " s; not evaluated";
            r.out.clear();
            return r;
        }
    }
    drain();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const std::string text = errorText(err);
        r.error = program + " failed" +
                  (text.empty() ? " (exit status " + std::to_string(process.exitCode()) + ")"
                                : ": " + text);
        r.out.clear();
        return r;
    }
    r.ok = true;
    return r;
}

/// The program to run, resolved on PATH (or the path given); empty when not found.
std::string findProgram(const std::string &name)
{
    if (name.find('/') != std::string::npos)
        return QFileInfo(local(name)).isExecutable() ? name : std::string();
    return local(QStandardPaths::findExecutable(local(name)));
}

/// The document chunks of a rendering (by byte range).
std::vector<Yaml::Chunk> chunks(const std::string &text)
{
    std::vector<Diagnostic> ignored;
    return Yaml::SourceFile::chunksOf(text, ignored);
}

/// A path as the user would write it: relative to the working folder when the root was
/// given relative, else absolute.
std::string displayPath(const QString &absolute, const Root &root)
{
    const QString clean = QDir::cleanPath(absolute);
    if (QDir::isAbsolutePath(local(root.path)))
        return local(clean);
    return local(QDir::current().relativeFilePath(clean));
}

/// The origin file of each object of a Kustomize root, in output order, read from a
/// rendering with origin annotations.
std::vector<std::string> kustomizeOrigins(const std::vector<std::string> &command,
                                          const std::string &program, const Root &root,
                                          const Options &options)
{
    QTemporaryDir wrapper;
    if (!wrapper.isValid())
        return {};
    const QString rootAbsolute = QFileInfo(local(root.path)).absoluteFilePath();
    QFile file(wrapper.filePath(QStringLiteral("kustomization.yaml")));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    const QString relative = QDir(wrapper.path()).relativeFilePath(rootAbsolute);
    file.write("resources:\n- " + relative.toLocal8Bit() +
               "\nbuildMetadata: [originAnnotations]\n");
    file.close();
    std::vector<std::string> args(command.begin() + 1, command.end());
    args.push_back(local(wrapper.path()));
    const RunResult r = run(program, args, {}, options);
    if (!r.ok)
        return {};
    std::vector<std::string> origins;
    const auto source = Yaml::SourceFile::fromText("origins", r.out);
    for (const auto &doc : source->documents) {
        std::string origin;
        const Yaml::NodeId annotations = doc.resolve(
            doc.get(doc.resolve(doc.get(doc.resolve(doc.root), "metadata")), "annotations"));
        const std::string &value =
            doc.scalar(doc.resolve(doc.get(annotations, "config.kubernetes.io/origin")));
        for (std::size_t at = 0; at < value.size();) {
            std::size_t end = value.find('\n', at);
            if (end == std::string::npos)
                end = value.size();
            const std::string line = value.substr(at, end - at);
            if (line.rfind("path: ", 0) == 0) {
                origin =
                    displayPath(QDir(wrapper.path()).absoluteFilePath(local(line.substr(6))), root);
                break;
            }
            at = end + 1;
        }
        origins.push_back(origin);
    }
    return origins;
}

} // namespace

std::vector<std::string> splitCommand(const std::string &command)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < command.size()) {
        const std::size_t start = command.find_first_not_of(" \t", i);
        if (start == std::string::npos)
            break;
        std::size_t end = command.find_first_of(" \t", start);
        if (end == std::string::npos)
            end = command.size();
        out.push_back(command.substr(start, end - start));
        i = end;
    }
    return out;
}

std::string missingToolMessage(Tool tool, const std::string &path)
{
    if (tool == Tool::Kustomize)
        return "needs kubectl or kustomize to render; not evaluated";
    (void)path;
    return "needs helm to render; not evaluated";
}

Rendering render(const Root &root, const Options &options)
{
    Rendering r;
    r.root = root;
    const std::string name =
        QFileInfo(local(root.path)).absoluteFilePath().section(QLatin1Char('/'), -1).toStdString();
    if (root.tool == Tool::Helm)
        r.hint = "helm template " + name + ' ' + root.path + " | podsec check -";
    std::vector<std::string> command;
    if (root.tool == Tool::Kustomize) {
        command = options.kustomizeCommand;
        if (command.empty()) {
            if (!findProgram("kubectl").empty())
                command = {"kubectl", "kustomize"};
            else if (!findProgram("kustomize").empty())
                command = {"kustomize", "build"};
        }
    } else {
        command = {options.helmCommand.empty() ? std::string("helm") : options.helmCommand,
                   "template", name};
    }
    const std::string program = command.empty() ? std::string() : findProgram(command.front());
    if (program.empty()) {
        r.problems.push_back(Diagnostic{0, 1, 1, missingToolMessage(root.tool, root.path)});
        return r;
    }
    std::vector<std::string> args(command.begin() + 1, command.end());
    args.push_back(root.path);
    if (root.tool == Tool::Helm) {
        for (const auto &v : options.helmValues) {
            args.push_back("--values");
            args.push_back(v);
        }
    }
    r.command = command.front();
    for (const auto &a : args)
        r.command += ' ' + a;
    RunResult result = run(program, args, {}, options);
    if (!result.ok) {
        r.problems.push_back(Diagnostic{0, 1, 1, result.error});
        return r;
    }
    r.rendered = true;
    r.text = std::move(result.out);
    const auto parts = chunks(r.text);
    if (root.tool == Tool::Kustomize) {
        const auto files = kustomizeOrigins(command, program, root, options);
        if (files.size() == parts.size()) {
            for (std::size_t i = 0; i < parts.size(); ++i)
                r.origins.push_back({parts[i].start, parts[i].end, files[i]});
        }
    } else {
        // "# Source: CHART/templates/x.yaml" above each document names its template.
        const QString rootAbsolute = QFileInfo(local(root.path)).absoluteFilePath();
        for (const auto &part : parts) {
            DocumentOrigin origin{part.start, part.end, {}};
            const std::size_t at = r.text.find("# Source: ", part.start);
            if (at != std::string::npos && at < part.end) {
                std::size_t end = r.text.find('\n', at);
                if (end == std::string::npos)
                    end = r.text.size();
                const std::string source = r.text.substr(at + 10, end - at - 10);
                const std::size_t slash = source.find('/');
                if (slash != std::string::npos)
                    origin.file = displayPath(
                        QDir(rootAbsolute).absoluteFilePath(local(source.substr(slash + 1))), root);
            }
            r.origins.push_back(std::move(origin));
        }
    }
    return r;
}

} // namespace PodSec::Render
