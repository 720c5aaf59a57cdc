// SPDX-License-Identifier: Apache-2.0
// podsec: the command-line twin of PodSec Explorer (contract: shared/spec/cli.md).
#include "checkcommand.h"
#include "cluster/apiclient.h"
#include "engine/buildinfo.h"
#include "fixcommand.h"
#include "qnetworktransport.h"

#include "policy/registry.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

using namespace PodSec;

namespace {

const char *const Usage =
    "Usage:\n"
    "  podsec check   [options] [PATH ...]   evaluate manifests (files, folders, '-' for stdin)\n"
    "  podsec fix     [options] PATH ...     rewrite manifests so they pass a level\n"
    "  podsec explain [CHECK_ID]             what a check guards, why, and how to satisfy it\n"
    "  podsec --version | --help\n"
    "\n"
    "check options:\n"
    "  --level privileged|baseline|restricted   level to evaluate at (default restricted)\n"
    "  --version latest|v1.N                    policy version (default latest)\n"
    "  --admission                              evaluate by namespace labels "
    "(enforce/audit/warn);\n"
    "                                           unlabelled: the configuration's defaults,\n"
    "                                           else privileged:latest\n"
    "  --admission-config FILE                  PodSecurityConfiguration: defaults, exemptions\n"
    "  --namespace NAME                         namespace of objects that name none (default\n"
    "                                           \"default\")\n"
    "  --format text|json|sarif|junit           output format (default text)\n"
    "  --output FILE                            write the report to FILE (atomically)\n"
    "  --color auto|always|never                colour in the text format (default auto)\n"
    "  --jobs N                                 worker threads (default: one per core)\n"
    "\n"
    "fix options: --level, --version as for check; --in-place [--backup SUFFIX]; --diff;\n"
    "  --only CHECK_ID,...   fix only these checks. Comments, order and layout are kept.\n"
    "\n"
    "Folders are searched recursively for *.yaml, *.yml and *.json; hidden folders are skipped.\n"
    "Exit status: 0 nothing denied, 1 something denied, 2 usage or input error.\n";

int usageError(const std::string &message)
{
    std::fprintf(stderr, "podsec: %s\nTry 'podsec --help'.\n", message.c_str());
    return 2;
}

struct ValueOption
{
    const char *name;
    std::string *value;
};

struct FlagOption
{
    const char *name;
    bool *value;
};

/// Splits a command's arguments into paths ("-" is standard input, "--" ends options),
/// flags and "--opt VALUE" / "--opt=VALUE" options. Returns an error message, or "".
std::string parseArguments(const std::vector<std::string> &args, std::vector<std::string> &paths,
                           std::initializer_list<FlagOption> flags,
                           std::initializer_list<ValueOption> values)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--") {
            paths.insert(paths.end(), args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        }
        if (a == "-" || a.empty() || a[0] != '-') {
            paths.push_back(a);
            continue;
        }
        bool matched = false;
        for (const auto &f : flags) {
            if (a == f.name) {
                *f.value = matched = true;
                break;
            }
        }
        for (const auto &o : values) {
            if (matched)
                break;
            const std::string name = o.name;
            if (a == name) {
                if (i + 1 >= args.size())
                    return "option " + name + " needs a value";
                *o.value = args[++i];
                matched = true;
            } else if (a.size() > name.size() && a.compare(0, name.size(), name) == 0 &&
                       a[name.size()] == '=') {
                *o.value = a.substr(name.size() + 1);
                matched = true;
            }
        }
        if (!matched)
            return "unknown option '" + a + "'";
    }
    return {};
}

/// The policy of --level/--version, or a usage message in error.
std::optional<Policy::LevelVersion> parsePolicy(const std::string &level,
                                                const std::string &version, std::string &error)
{
    const auto parsedLevel = Policy::parseLevel(level);
    if (!parsedLevel) {
        error = "--level must be one of privileged, baseline, restricted (got '" + level + "')";
        return std::nullopt;
    }
    const auto parsedVersion = Policy::Version::parse(version);
    if (!parsedVersion) {
        error = "--version must be \"latest\" or \"v1.x\" (got '" + version + "')";
        return std::nullopt;
    }
    return Policy::LevelVersion{*parsedLevel, *parsedVersion};
}

std::string readFile(const QString &path, bool &ok)
{
    QFile f(path);
    ok = f.open(QIODevice::ReadOnly);
    return ok ? f.readAll().toStdString() : std::string();
}

int runExplain(const std::vector<std::string> &args)
{
    if (args.size() > 1)
        return usageError("explain takes at most one CHECK_ID");
    if (args.empty()) {
        std::printf("%-28s %-11s %s\n", "CHECK", "LEVEL", "SINCE");
        for (const auto &c : Policy::registry()) {
            std::printf("%-28s %-11s v1.%d\n", std::string(c.id).c_str(),
                        Policy::levelName(c.level), c.variants.front().minimumVersion);
        }
        std::printf("\nRun 'podsec explain CHECK_ID' for one check.\n");
        return 0;
    }
    const auto *check = Policy::findCheck(args[0]);
    if (!check)
        return usageError("unknown check ID '" + args[0] + "' (run 'podsec explain' for the list)");
    bool ok = false;
    const std::string text = readFile(QStringLiteral(":/explanations/") +
                                          QString::fromStdString(args[0]) + QStringLiteral(".md"),
                                      ok);
    if (!ok) {
        std::fprintf(stderr, "podsec: no explanation bundled for %s\n", args[0].c_str());
        return 2;
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

int runCheckCommand(const std::vector<std::string> &args)
{
    Cli::CheckRequest request;
    auto &options = request.context.options;
    std::string level = "restricted", version = "latest", color = "auto", admissionConfig;
    std::string kubeconfig, context, jobs;
    std::string error = parseArguments(args, request.paths, {{"--admission", &options.admission}},
                                       {{"--level", &level},
                                        {"--version", &version},
                                        {"--format", &request.format},
                                        {"--output", &request.outputFile},
                                        {"--admission-config", &admissionConfig},
                                        {"--namespace", &options.defaultNamespace},
                                        {"--color", &color},
                                        {"--colour", &color},
                                        {"--kubeconfig", &kubeconfig},
                                        {"--context", &context},
                                        {"--jobs", &jobs}});
    if (!error.empty())
        return usageError(error);
    const auto policy = parsePolicy(level, version, error);
    if (!policy)
        return usageError(error);
    options.policy = *policy;
    if (!Cli::createFormat(request.format, request.context))
        return usageError("--format must be one of text, json, sarif, junit (got '" +
                          request.format + "')");
    if (color != "auto" && color != "always" && color != "never")
        return usageError("--color must be auto, always or never");
    if (!jobs.empty()) {
        request.threads = std::atoi(jobs.c_str());
        if (request.threads < 1 || request.threads > 64)
            return usageError("--jobs must be a number from 1 to 64");
    }
    const bool live = !kubeconfig.empty() || !context.empty();
    if (live && !request.paths.empty())
        return usageError("give either PATHs or --kubeconfig/--context, not both");
    if (!admissionConfig.empty()) {
        bool ok = false;
        const std::string text = readFile(QString::fromStdString(admissionConfig), ok);
        if (!ok) {
            std::fprintf(stderr, "%s:1:1: cannot read admission configuration\n",
                         admissionConfig.c_str());
            return 2;
        }
        std::vector<Diagnostic> errors;
        const auto config = Admission::parseAdmissionConfig(text, errors);
        if (!config) {
            for (const auto &e : errors)
                std::fprintf(stderr, "%s:%u:%u: %s\n", admissionConfig.c_str(), e.line, e.column,
                             e.message.c_str());
            return 2;
        }
        options.admissionConfig = *config;
        options.admission = true;
    }
    bool clusterProblems = false;
    if (live) {
        // Read the cluster (read-only: only GET requests), then evaluate what was read as
        // if it were files named cluster:<resource>#<page>.
        const char *env = std::getenv("KUBECONFIG");
        const char *home = std::getenv("HOME");
        const auto files = Cluster::kubeconfigFiles(kubeconfig, env ? env : "", home ? home : "");
        const auto config = Cluster::loadKubeconfig(files, !kubeconfig.empty());
        for (const auto &e : config.errors)
            std::fprintf(stderr, "%s\n", e.text().c_str());
        std::string selectError;
        const auto selection = Cluster::select(config, context, selectError);
        if (!selection) {
            std::fprintf(stderr, "podsec: %s\n", selectError.c_str());
            return 2;
        }
        std::string tlsError;
        Net::QNetworkTransport transport(*selection, tlsError);
        if (!tlsError.empty()) {
            std::fprintf(stderr, "podsec: %s\n", tlsError.c_str());
            return 2;
        }
        Cluster::ApiClient client(*selection, transport, {});
        auto snapshot = client.readCluster();
        for (const auto &p : snapshot.problems)
            std::fprintf(stderr, "podsec: %s\n", p.c_str());
        clusterProblems = !snapshot.problems.empty();
        if (snapshot.serverVersion.empty())
            return 2;
        request.inMemory = std::move(snapshot.documents);
    } else if (request.paths.empty()) {
        if (isatty(STDIN_FILENO))
            return usageError("no input: give files or folders, or '-' to read standard input");
        request.paths.push_back("-");
    }
    request.context.colour =
        color == "always" ||
        (color == "auto" && request.format == "text" && request.outputFile.empty() &&
         isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    const int status = Cli::runCheck(request);
    return clusterProblems ? 2 : status;
}

int runFixCommand(const std::vector<std::string> &args)
{
    Cli::FixRequest request;
    std::string level = "restricted", version = "latest", only;
    std::string error = parseArguments(
        args, request.paths, {{"--in-place", &request.inPlace}, {"--diff", &request.diff}},
        {{"--level", &level},
         {"--version", &version},
         {"--backup", &request.backupSuffix},
         {"--only", &only}});
    if (!error.empty())
        return usageError(error);
    const auto policy = parsePolicy(level, version, error);
    if (!policy)
        return usageError(error);
    request.policy = *policy;
    std::size_t from = 0;
    while (from < only.size()) {
        const std::size_t comma = std::min(only.find(',', from), only.size());
        const std::string id = only.substr(from, comma - from);
        if (!Policy::findCheck(id))
            return usageError("--only: unknown check ID '" + id + "'");
        request.only.insert(id);
        from = comma + 1;
    }
    if (!request.backupSuffix.empty() && !request.inPlace)
        return usageError("--backup goes with --in-place");
    if (request.paths.empty())
        return usageError("fix needs at least one PATH");
    return Cli::runFix(request);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("podsec"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PODSEC_VERSION_STRING));
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty())
        return usageError("missing command");
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "--version" || command == "version") {
        std::fputs(PodSec::buildInfoText(PodSec::buildInfo(), "podsec").c_str(), stdout);
        return 0;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(Usage, stdout);
        return 0;
    }
    if (command == "check" || command == "fix") {
        for (const auto &a : args) {
            if (a == "--help" || a == "-h") {
                std::fputs(Usage, stdout);
                return 0;
            }
        }
        return command == "check" ? runCheckCommand(args) : runFixCommand(args);
    }
    if (command == "explain")
        return runExplain(args);
    return usageError("unknown command '" + command + "'");
}
