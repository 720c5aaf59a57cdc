// SPDX-License-Identifier: Apache-2.0
#include "checkcommand.h"

#include "engine/pipeline.h"
#include "yaml/sourcefile.h"

#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>

namespace PodSec::Cli {

namespace fs = std::filesystem;

namespace {

bool hasManifestExtension(const fs::path &p)
{
    const auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

/// One unit of work: a document chunk of a file, or a file that has no documents.
struct WorkItem
{
    std::size_t file;
    std::optional<Yaml::Chunk> chunk;
    int documentIndex = 0;
    bool firstOfFile = false;
};

struct WorkResult
{
    std::vector<ReportFragment> fragments;
    std::vector<Diagnostic> errors;
    std::size_t allowed = 0;
    std::size_t denied = 0;
};

class Output
{
public:
    explicit Output(const std::string &file)
    {
        if (!file.empty()) {
            m_file = std::make_unique<QSaveFile>(QString::fromStdString(file));
            m_ok = m_file->open(QIODevice::WriteOnly);
        }
    }
    bool ok() const { return m_ok; }
    void write(const std::string &s)
    {
        if (s.empty())
            return;
        if (m_file)
            m_ok = m_ok && m_file->write(s.data(), static_cast<qint64>(s.size())) ==
                               static_cast<qint64>(s.size());
        else
            std::fwrite(s.data(), 1, s.size(), stdout);
    }
    bool commit()
    {
        if (m_file)
            return m_ok && m_file->commit();
        std::fflush(stdout);
        return true;
    }

private:
    std::unique_ptr<QSaveFile> m_file;
    bool m_ok = true;
};

} // namespace

std::vector<std::string> expandPaths(const std::vector<std::string> &paths,
                                     std::vector<FileError> &errors)
{
    std::vector<std::string> out;
    for (const auto &p : paths) {
        if (p == "-") {
            out.push_back(p);
            continue;
        }
        std::error_code ec;
        const auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            errors.push_back({p, Diagnostic{0, 1, 1, "no such file or directory"}});
            continue;
        }
        if (!fs::is_directory(status)) {
            out.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const auto name = it->path().filename().string();
            if (it->is_directory(ec)) {
                if (!name.empty() && name[0] == '.')
                    it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && hasManifestExtension(it->path()))
                found.push_back(it->path().string());
        }
        if (ec)
            errors.push_back({p, Diagnostic{0, 1, 1, "cannot read folder: " + ec.message()}});
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

int runCheck(CheckRequest &request)
{
    std::vector<FileError> errors;
    const auto paths = expandPaths(request.paths, errors);

    // Read every file and split it into documents (cheap, sequential).
    std::vector<std::unique_ptr<Yaml::SourceFile>> files;
    std::vector<WorkItem> items;
    // One work item per document (or one for a file without any, to report its errors).
    auto addFile = [&](std::unique_ptr<Yaml::SourceFile> file,
                       const std::vector<Yaml::Chunk> &chunks) {
        const std::size_t index = files.size();
        if (chunks.empty())
            items.push_back({index, std::nullopt, 0, true});
        for (std::size_t i = 0; i < chunks.size(); ++i)
            items.push_back({index, chunks[i], static_cast<int>(i), i == 0});
        files.push_back(std::move(file));
    };
    for (const auto &path : paths) {
        std::string text;
        std::string display = path;
        if (path == "-") {
            display = "<stdin>";
            text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        }
        std::vector<Yaml::Chunk> chunks;
        std::unique_ptr<Yaml::SourceFile> file;
        if (path == "-") {
            file = Yaml::SourceFile::prepare(display, std::move(text), chunks);
        } else {
            std::FILE *f = std::fopen(path.c_str(), "rb");
            if (!f) {
                errors.push_back({display, Diagnostic{0, 1, 1, "cannot read file"}});
                continue;
            }
            char buf[1 << 16];
            std::size_t n;
            while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
                text.append(buf, n);
            const bool readError = std::ferror(f);
            std::fclose(f);
            if (readError) {
                errors.push_back({display, Diagnostic{0, 1, 1, "cannot read file"}});
                continue;
            }
            file = Yaml::SourceFile::prepare(display, std::move(text), chunks);
        }
        addFile(std::move(file), chunks);
    }
    for (auto &[name, text] : request.inMemory) {
        std::vector<Yaml::Chunk> chunks;
        auto file = Yaml::SourceFile::prepare(name, std::move(text), chunks);
        addFile(std::move(file), chunks);
    }

    // Admission needs the namespaces' labels before any workload is judged.
    EvaluationOptions &options = request.context.options;
    if (options.admission) {
        std::vector<std::string_view> texts;
        for (const auto &file : files)
            texts.emplace_back(file->text);
        std::vector<Engine::DocumentJob> jobs;
        for (const auto &item : items) {
            if (item.chunk)
                jobs.push_back({item.file, *item.chunk, item.documentIndex});
        }
        for (auto &[name, labels] : Engine::declaredNamespaces(texts, jobs))
            options.namespaces[name] = std::move(labels);
    }

    auto format = createFormat(request.format, request.context);
    Output output(request.outputFile);
    if (!output.ok()) {
        std::fprintf(stderr, "%s:1:1: cannot write report\n", request.outputFile.c_str());
        return 2;
    }

    auto process = [&](std::size_t i) {
        const WorkItem &item = items[i];
        WorkResult r;
        const auto &file = *files[item.file];
        if (!item.chunk) {
            r.errors = file.errors;
            return r;
        }
        const auto doc = Yaml::SourceFile::parseChunk(file.text, *item.chunk, item.documentIndex);
        // Syntax and document-rule errors, objects the API server could not decode (not
        // evaluated), and warnings for input kubectl ignores.
        r.errors = Engine::documentProblems(doc);
        if (doc.error)
            return r;
        for (const auto &o :
             evaluateDocument(doc, options, format->wantsFixes() ? &file.text : nullptr)) {
            r.fragments.push_back(format->object(file.path, o));
            (o.passesEnforce() ? r.allowed : r.denied)++;
        }
        return r;
    };

    Summary summary;
    output.write(format->begin());
    // Documents are evaluated in parallel; the report is written in document order.
    Engine::orderedParallel<WorkResult>(
        items.size(), process,
        [&](std::size_t i, WorkResult &&r) {
            const auto &item = items[i];
            if (item.firstOfFile)
                output.write(format->fileStarted(files[item.file]->path));
            for (const auto &fragment : r.fragments)
                output.write(format->append(fragment));
            summary.objects += r.fragments.size();
            summary.allowed += r.allowed;
            summary.denied += r.denied;
            for (auto &d : r.errors)
                errors.push_back({files[item.file]->path, std::move(d)});
        },
        request.threads);

    // Warnings are printed but neither counted nor reported as errors, nor exit status 2.
    const auto firstWarning = std::stable_partition(
        errors.begin(), errors.end(), [](const FileError &e) { return !e.diagnostic.warning; });
    const std::vector<FileError> warnings(std::make_move_iterator(firstWarning),
                                          std::make_move_iterator(errors.end()));
    errors.erase(firstWarning, errors.end());
    summary.errors = errors.size();
    for (const auto &e : errors)
        std::fprintf(stderr, "%s:%u:%u: %s\n", e.file.c_str(), e.diagnostic.line,
                     e.diagnostic.column, e.diagnostic.message.c_str());
    for (const auto &e : warnings)
        std::fprintf(stderr, "%s:%u:%u: warning: %s\n", e.file.c_str(), e.diagnostic.line,
                     e.diagnostic.column, e.diagnostic.message.c_str());
    output.write(format->end(summary, errors));
    if (!output.commit()) {
        std::fprintf(stderr, "%s:1:1: cannot write report\n", request.outputFile.c_str());
        return 2;
    }
    if (!errors.empty())
        return 2;
    return summary.denied > 0 ? 1 : 0;
}

} // namespace PodSec::Cli
