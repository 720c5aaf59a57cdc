// SPDX-License-Identifier: Apache-2.0
// podsec: the command-line twin of PodSec Explorer (contract: shared/spec/cli.md).
#include "access/accessqueries.h"
#include "accesscommand.h"
#include "arguments.h"
#include "checkcommand.h"
#include "cluster/apiclient.h"
#include "common/fileinput.h"
#include "common/phasetiming.h"
#include "diffcommand.h"
#include "engine/buildinfo.h"
#include "engine/ruleset.h"
#include "fixcommand.h"
#include "peoplereport.h"
#include "plancommand.h"

#include "policy/registry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <initializer_list>
#include <new>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

using namespace PodSec;
using namespace PodSec::Cli;

namespace {

std::string readFile(const QString &path, bool &ok)
{
    QFile f(path);
    ok = f.open(QIODevice::ReadOnly);
    return ok ? f.readAll().toStdString() : std::string();
}

int runExplain(const QStringList &arguments)
{
    CommandArguments parsed({}, {});
    if (const auto status = parsed.parse(arguments))
        return *status;
    const std::vector<std::string> args = parsed.positional();
    if (args.size() > 1)
        return usageError("explain takes at most one CHECK_ID");
    if (args.empty()) {
        // Every rule of every rule set; PSS checks with their level and first version.
        std::printf("%-28s %-11s %s\n", "CHECK", "LEVEL", "SINCE");
        for (const Engine::RuleSet *set : Engine::ruleSets()) {
            for (const auto &rule : set->rules()) {
                if (const auto *c = Policy::findCheck(rule.id))
                    std::printf("%-28s %-11s v1.%d\n", std::string(c->id).c_str(),
                                Policy::levelName(c->level), c->variants.front().minimumVersion);
                else
                    std::printf("%-28s %-11s %s\n", std::string(rule.id).c_str(),
                                Engine::severityName(rule.severity), rule.summary.c_str());
            }
        }
        for (const auto &e : Access::explainedAccessIds())
            std::printf("%-28s %-11s %s (seed ch. %s)\n", e.id.c_str(),
                        Engine::severityName(e.severity), e.summary.c_str(), e.chapters.c_str());
        std::printf("\nRun 'podsec explain CHECK_ID' for one check.\n");
        return 0;
    }
    // A check of a rule set, else an access risk or credential finding (spec/access.md).
    const Engine::Rule *rule = Engine::findRule(args[0]);
    if (!rule && !Access::findExplainedAccessId(args[0]))
        return usageError("unknown check ID '" + args[0] + "' (run 'podsec explain' for the list)");
    const std::string key = rule ? rule->explanationKey : args[0];
    bool ok = false;
    const std::string text = readFile(QStringLiteral(":/explanations/") +
                                          QString::fromStdString(key) + QStringLiteral(".md"),
                                      ok);
    if (!ok) {
        std::fprintf(stderr, "podsec: no explanation bundled for %s\n", args[0].c_str());
        return 2;
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

int runCheckCommand(const QStringList &args)
{
    CommandArguments parsed({"admission", "allow-insecure-credentials", "summary"},
                            {"level", "version", "format", "output", "admission-config",
                             "namespace", "color|colour", "kubeconfig", "context", "jobs",
                             "request-timeout", "read-timeout", "max-file-size",
                             "kustomize-command", "values", "render-timeout", "rules", "fail-on"});
    if (const auto status = parsed.parse(args))
        return *status;
    Cli::CheckRequest request;
    if (const auto status = parseRenderOptions(parsed, request.render))
        return *status;
    auto &options = request.context.options;
    request.paths = parsed.positional();
    options.admission = parsed.isSet("admission");
    request.format = parsed.value("format", "text");
    request.outputFile = parsed.value("output");
    if (parsed.isSet("namespace"))
        options.defaultNamespace = parsed.value("namespace");
    const std::string level = parsed.value("level", "restricted");
    const std::string version = parsed.value("version", "latest");
    const std::string color = parsed.value("color", "auto");
    const std::string admissionConfig = parsed.value("admission-config");
    const std::string kubeconfig = parsed.value("kubeconfig");
    const std::string context = parsed.value("context");
    const std::string jobs = parsed.value("jobs");
    std::string error;
    const auto policy = parsePolicy(level, version, error);
    if (!policy)
        return usageError(error);
    options.policy = *policy;
    if (!parseMaxFileSize(parsed.value("max-file-size"), request.maxFileSize, error))
        return usageError(error);
    if (!parseRules(parsed.value("rules", "pss"), options.pss, options.checklist, error))
        return usageError(error);
    if (parsed.isSet("fail-on")) {
        const auto failOn = Engine::severityFromName(parsed.value("fail-on"));
        if (!failOn || *failOn == Engine::Severity::Deny)
            return usageError("--fail-on must be danger, warning or info (got '" +
                              parsed.value("fail-on") + "')");
        request.context.failOn = *failOn;
    }
    const bool forPeople = request.format == "html" || request.format == "markdown" ||
                           request.format == "csv" || parsed.isSet("summary");
    if (parsed.isSet("summary") && request.format != "json")
        return usageError("--summary goes with --format json");
    if (!forPeople && !Cli::createFormat(request.format, request.context))
        return usageError("--format must be one of text, json, sarif, junit, html, markdown, "
                          "csv (got '" +
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
    Cluster::ApiClient::Options clientOptions;
    clientOptions.allowInsecureCredentials = parsed.isSet("allow-insecure-credentials");
    if (const auto status = Cli::parseTimeouts(parsed, clientOptions))
        return *status;
    if (!admissionConfig.empty()) {
        if (const auto status = Cli::readAdmissionConfig(admissionConfig, request.maxFileSize,
                                                         options.admissionConfig))
            return *status;
        options.admission = true;
    }
    if (forPeople) {
        Cli::PeopleReportRequest people;
        people.format = request.format;
        people.level = options.policy.level;
        people.admission = options.admission;
        people.outputFile = request.outputFile;
        auto &input = people.input;
        input.paths = request.paths;
        input.maxFileSize = request.maxFileSize;
        input.render = request.render;
        input.live = live;
        input.kubeconfig = kubeconfig;
        input.context = context;
        input.clientOptions = clientOptions;
        input.options.version = options.policy.version;
        input.options.defaultNamespace = options.defaultNamespace;
        input.options.admissionConfig = options.admissionConfig;
        if (!live && input.paths.empty()) {
            if (isatty(STDIN_FILENO))
                return usageError("no input: give files or folders, or '-' to read standard input");
            input.paths.push_back("-");
        }
        return Cli::runPeopleReport(people);
    }
    bool clusterProblems = false;
    if (live) {
        // Read the cluster (read-only: only GET requests), then evaluate what was read as
        // if it were files named cluster:<resource>#<page>. The checklist's kinds (Secrets
        // as metadata only) are read only when it runs.
        clientOptions.checklistKinds = options.checklist;
        PhaseTiming timing;
        Cluster::ApiClient::Pages pages;
        if (const auto status =
                Cli::readLiveCluster(kubeconfig, context, clientOptions, pages, clusterProblems))
            return *status;
        for (auto &[name, text] : pages) { // one page at a time: one more copy at most
            request.inMemory.emplace_back(std::move(name), *text);
            text.reset();
        }
        timing.lap("list pages");
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

int runAccessCommand(const QStringList &args)
{
    CommandArguments parsed({"credentials", "allow-insecure-credentials"},
                            {"format", "output", "fail-on", "namespace|n", "kubeconfig", "context",
                             "who-can", "name", "jobs", "max-file-size", "request-timeout",
                             "read-timeout"});
    if (const auto status = parsed.parse(args))
        return *status;
    Cli::AccessRequest request;
    request.paths = parsed.positional();
    request.format = parsed.value("format", "text");
    request.outputFile = parsed.value("output");
    request.credentials = parsed.isSet("credentials");
    request.kubeconfig = parsed.value("kubeconfig");
    request.context = parsed.value("context");
    if (request.format != "text" && request.format != "json" && request.format != "sarif")
        return usageError("--format must be one of text, json, sarif (got '" + request.format +
                          "')");
    const std::string failOn = parsed.value("fail-on", "warning");
    if (failOn == "danger")
        request.failOn = Engine::Severity::Danger;
    else if (failOn == "warning")
        request.failOn = Engine::Severity::Warning;
    else if (failOn == "info")
        request.failOn = Engine::Severity::Info;
    else
        return usageError("--fail-on must be danger, warning or info (got '" + failOn + "')");
    std::string error;
    if (!parseMaxFileSize(parsed.value("max-file-size"), request.maxFileSize, error))
        return usageError(error);
    if (parsed.isSet("jobs")) {
        request.threads = std::atoi(parsed.value("jobs").c_str());
        if (request.threads < 1 || request.threads > 64)
            return usageError("--jobs must be a number from 1 to 64");
    }
    request.clientOptions.allowInsecureCredentials = parsed.isSet("allow-insecure-credentials");
    if (const auto status = Cli::parseTimeouts(parsed, request.clientOptions))
        return *status;
    if (parsed.isSet("who-can")) {
        // --who-can VERB RESOURCE[/SUB]: the resource is the first positional argument.
        if (request.paths.empty())
            return usageError("--who-can needs VERB and RESOURCE[/SUBRESOURCE]");
        std::string resource = request.paths.front();
        request.paths.erase(request.paths.begin());
        std::optional<std::string> ns;
        if (parsed.isSet("namespace"))
            ns = parsed.value("namespace");
        std::string error;
        auto r =
            Access::parseWhoCan(parsed.value("who-can"), resource, ns, parsed.value("name"), error);
        if (!r)
            return usageError(error);
        request.whoCan = *r;
    } else if (parsed.isSet("namespace")) {
        request.defaultNamespace = parsed.value("namespace");
    }
    request.live =
        !request.credentials && (!request.kubeconfig.empty() || !request.context.empty());
    if (request.live && !request.paths.empty())
        return usageError("give either PATHs or --kubeconfig/--context, not both");
    if (request.credentials && !request.paths.empty())
        return usageError("--credentials reads the kubeconfig only, not PATHs");
    if (!request.live && !request.credentials && request.paths.empty()) {
        if (isatty(STDIN_FILENO))
            return usageError("no input: give files or folders, or '-' to read standard input");
        request.paths.push_back("-");
    }
    return Cli::runAccess(request);
}

int runFixCommand(const QStringList &args)
{
    CommandArguments parsed({"in-place", "diff"},
                            {"level", "version", "backup", "only", "max-file-size",
                             "kustomize-command", "values", "render-timeout", "rules"});
    if (const auto status = parsed.parse(args))
        return *status;
    Cli::FixRequest request;
    if (const auto status = parseRenderOptions(parsed, request.render))
        return *status;
    request.paths = parsed.positional();
    request.inPlace = parsed.isSet("in-place");
    request.diff = parsed.isSet("diff");
    request.backupSuffix = parsed.value("backup");
    const std::string level = parsed.value("level", "restricted");
    const std::string version = parsed.value("version", "latest");
    std::string error;
    const auto policy = parsePolicy(level, version, error);
    if (!policy)
        return usageError(error);
    request.policy = *policy;
    if (!parseMaxFileSize(parsed.value("max-file-size"), request.maxFileSize, error))
        return usageError(error);
    if (!parseRules(parsed.value("rules", "pss"), request.pss, request.checklist, error))
        return usageError(error);
    // "a,b" and "a,b," name a and b; an empty name in between is an unknown ID.
    QStringList only = QString::fromLatin1(parsed.value("only")).split(QLatin1Char(','));
    if (only.last().isEmpty())
        only.removeLast();
    for (const auto &id : only) {
        if (!Policy::findCheck(bytes(id)))
            return usageError("--only: unknown check ID '" + bytes(id) + "'");
        request.only.insert(bytes(id));
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
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.push_back(fromBytes(argv[i]));

    // podsec [--help | --version] COMMAND [ARGUMENTS]: what follows the command is its own.
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringLiteral("version"));
    parser.addOptions({help, version});
    const bool ok = parser.parse(args);
    QStringList rest = parser.positionalArguments();
    const bool hasCommand = !rest.isEmpty();
    const QString command = hasCommand ? rest.takeFirst() : QString();
    if (parser.isSet(version) || command == QLatin1String("version")) {
        std::fputs(PodSec::buildInfoText(PodSec::buildInfo(), "podsec").c_str(), stdout);
        return 0;
    }
    if (parser.isSet(help) || command == QLatin1String("help")) {
        std::fputs(Usage, stdout);
        return 0;
    }
    if (!ok)
        return usageError(usageProblem(parser, args.mid(1), {help, version}));
    if (!hasCommand)
        return usageError("missing command");
    try {
        if (command == QLatin1String("check"))
            return runCheckCommand(rest);
        if (command == QLatin1String("fix"))
            return runFixCommand(rest);
        if (command == QLatin1String("access"))
            return runAccessCommand(rest);
        if (command == QLatin1String("plan"))
            return Cli::runPlanCommand(rest);
        if (command == QLatin1String("diff"))
            return Cli::runDiffCommand(rest);
    } catch (const std::bad_alloc &) {
        // Inputs are bounded (--max-file-size); this is the last line of defence.
        std::fputs("podsec: out of memory; try a smaller input or --max-file-size\n", stderr);
        return 2;
    }
    if (command == QLatin1String("explain"))
        return runExplain(rest);
    return usageError("unknown command '" + bytes(command) + "'");
}
