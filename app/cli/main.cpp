// SPDX-License-Identifier: Apache-2.0
// podsec: the command-line twin of PodSec Explorer (contract: shared/spec/cli.md).
#include "access/accessqueries.h"
#include "accesscommand.h"
#include "checkcommand.h"
#include "cluster/apiclient.h"
#include "common/fileinput.h"
#include "engine/buildinfo.h"
#include "engine/ruleset.h"
#include "fixcommand.h"
#include "qnetworktransport.h"

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

namespace {

const char *const Usage =
    "Usage:\n"
    "  podsec check   [options] [PATH ...]   evaluate manifests (files, folders, '-' for stdin)\n"
    "  podsec fix     [options] PATH ...     rewrite manifests so they pass a level\n"
    "  podsec explain [CHECK_ID]             what a check guards, why, and how to satisfy it\n"
    "  podsec access  [options] [PATH ...]   who can get around Pod Security (RBAC risks)\n"
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
    "  --rules pss|checklist|all                rule sets to run (default pss; comma lists)\n"
    "  --fail-on danger|warning|info            checklist findings that fail the run\n"
    "                                           (default warning)\n"
    "  --format text|json|sarif|junit           output format (default text)\n"
    "  --output FILE                            write the report to FILE (atomically)\n"
    "  --color auto|always|never                colour in the text format (default auto)\n"
    "  --jobs N                                 worker threads (default: one per core)\n"
    "  --kubeconfig FILE, --context NAME        read a live cluster instead of files\n"
    "  --request-timeout DURATION               deadline of one request, body included\n"
    "                                           (default 30s; 0: none; e.g. 500ms, 1m)\n"
    "  --read-timeout DURATION                  deadline of the whole cluster read (default 5m)\n"
    "  --allow-insecure-credentials             send credentials to an http:// server\n"
    "  --max-file-size SIZE                     largest input read, e.g. 200M, 4G (default 1G)\n"
    "  --kustomize-command CMD                  renders kustomizations (default: \"kubectl\n"
    "                                           kustomize\", else \"kustomize build\")\n"
    "  --values FILE                            values file for helm template (repeatable)\n"
    "  --render-timeout DURATION                deadline of one rendering (default 60s)\n"
    "\n"
    "fix options: --level, --version, --max-file-size as for check; --in-place [--backup\n"
    "  SUFFIX]; --diff; --only CHECK_ID,...   fix only these checks; --rules checklist|all\n"
    "  also lists the checklist's findings as decisions. Comments, order and\n"
    "  layout are kept; a changed file keeps its owner, group, mode and hard links, and an\n"
    "  existing backup is never overwritten.\n"
    "\n"
    "access options: --format text|json|sarif; --output FILE; --fail-on danger|warning|info\n"
    "  (default warning); --namespace NAME; --kubeconfig FILE, --context NAME (read the\n"
    "  cluster's RBAC objects instead of files); --who-can VERB RESOURCE[/SUB] [-n NS]\n"
    "  [--name NAME]: every subject allowed, with the granting chain; --credentials: audit\n"
    "  the kubeconfig's credentials and connections (nothing secret is printed).\n"
    "\n"
    "Folders are searched recursively for *.yaml, *.yml and *.json; hidden folders are skipped;\n"
    "what cannot be read there (folders, broken links, FIFOs) is reported. A FIFO is read only\n"
    "as '-' (standard input).\n"
    "A folder with kustomization.yaml is rendered with kubectl kustomize (or kustomize build)\n"
    "and a folder with Chart.yaml with helm template; their files are not evaluated alone.\n"
    "Exit status: 0 nothing denied, 1 something denied (or a checklist finding at the\n"
    "--fail-on severity or worse), 2 usage or input error.\n";

int usageError(const std::string &message)
{
    std::fprintf(stderr, "podsec: %s\nTry 'podsec --help'.\n", message.c_str());
    return 2;
}

/// A duration as kubectl's --request-timeout takes it: "30s", "1m30s", "500ms", "2h", or
/// a plain number of seconds; "0" is no deadline. -1 when unreadable or over a day.
long long parseDurationMs(const std::string &text)
{
    if (text.empty())
        return -1;
    if (text.find_first_not_of("0123456789") == std::string::npos)
        return text.size() > 6 ? -1 : std::stoll(text) * 1000;
    long long total = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t digits = text.find_first_not_of("0123456789", i);
        if (digits == i || digits == std::string::npos || digits - i > 6)
            return -1;
        const long long n = std::stoll(text.substr(i, digits - i));
        std::size_t end = text.find_first_of("0123456789", digits);
        if (end == std::string::npos)
            end = text.size();
        const std::string unit = text.substr(digits, end - digits);
        if (unit == "ms")
            total += n;
        else if (unit == "s")
            total += n * 1000;
        else if (unit == "m")
            total += n * 60000;
        else if (unit == "h")
            total += n * 3600000;
        else
            return -1;
        i = end;
    }
    return total > 86400000LL ? -1 : total;
}

// Arguments are decoded as Latin-1 so that every byte survives the round trip through
// QString: paths are handed on as the bytes given (they need not be UTF-8), and option
// names are ASCII either way.
QString fromBytes(const char *s)
{
    return QString::fromLatin1(s);
}
std::string bytes(const QString &s)
{
    return s.toLatin1().toStdString();
}

/// Our wording for what QCommandLineParser rejected, naming the argument as typed:
/// "unknown option '-x'" (also for a value given to a flag, "--admission=yes") or
/// "option --level needs a value".
std::string usageProblem(const QCommandLineParser &parser, const QStringList &args,
                         const QList<QCommandLineOption> &options)
{
    const QStringList unknown = parser.unknownOptionNames();
    const qsizetype end =
        args.contains(QStringLiteral("--")) ? args.indexOf(QStringLiteral("--")) : args.size();
    for (qsizetype i = 0; i < end; ++i) {
        const QString &a = args[i];
        if (!a.startsWith(QLatin1Char('-')) || a.size() < 2)
            continue;
        const bool isLong = a.startsWith(QStringLiteral("--"));
        const QString name = isLong ? a.mid(2).section(QLatin1Char('='), 0, 0) : a.mid(1);
        if (!unknown.isEmpty() &&
            (isLong ? name == unknown.first()
                    : unknown.first().size() == 1 && name.contains(unknown.first())))
            return "unknown option '" + bytes(a) + "'";
        if (unknown.isEmpty() && isLong && a.contains(QLatin1Char('='))) {
            for (const auto &o : options) {
                if (o.valueName().isEmpty() && o.names().contains(name))
                    return "unknown option '" + bytes(a) + "'";
            }
        }
    }
    if (!args.isEmpty() && args.last().startsWith(QStringLiteral("--"))) {
        for (const auto &o : options) {
            if (!o.valueName().isEmpty() && o.names().contains(args.last().mid(2)))
                return "option " + bytes(args.last()) + " needs a value";
        }
    }
    return bytes(parser.errorText());
}

/// One command's arguments, parsed by QCommandLineParser and read back as bytes.
class CommandArguments
{
public:
    /// flags: options without a value; values: "--opt VALUE" or "--opt=VALUE" options
    /// ("color|colour": one option with two names). -h and --help are always known.
    CommandArguments(std::initializer_list<const char *> flags,
                     std::initializer_list<const char *> values)
    {
        for (const char *name : flags)
            m_options.push_back(QCommandLineOption(QString::fromLatin1(name)));
        for (const char *names : values)
            m_options.push_back(
                QCommandLineOption(QString::fromLatin1(names).split(QLatin1Char('|')), QString(),
                                   QStringLiteral("value")));
        m_parser.addOption(m_help);
        m_parser.addOptions(m_options);
    }

    /// Returns the exit status to end with (after --help or a usage error), or nothing.
    std::optional<int> parse(const QStringList &args)
    {
        const bool ok = m_parser.parse(QStringList{QStringLiteral("podsec")} + args);
        if (m_parser.isSet(m_help)) {
            std::fputs(Usage, stdout);
            return 0;
        }
        if (!ok)
            return usageError(usageProblem(m_parser, args, m_options));
        return std::nullopt;
    }

    bool isSet(const char *name) const { return m_parser.isSet(QString::fromLatin1(name)); }
    /// The last value given, or fallback when the option is not given.
    std::string value(const char *name, const char *fallback = "") const
    {
        return isSet(name) ? bytes(m_parser.value(QString::fromLatin1(name))) : fallback;
    }
    /// Every value given, in order.
    std::vector<std::string> values(const char *name) const
    {
        std::vector<std::string> out;
        for (const auto &v : m_parser.values(QString::fromLatin1(name)))
            out.push_back(bytes(v));
        return out;
    }
    std::vector<std::string> positional() const
    {
        std::vector<std::string> out;
        for (const auto &a : m_parser.positionalArguments())
            out.push_back(bytes(a));
        return out;
    }

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_help{QStringList{QStringLiteral("h"), QStringLiteral("help")}};
    QList<QCommandLineOption> m_options;
};

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

/// --max-file-size, or the default; false (with a usage message) when it does not parse.
bool parseMaxFileSize(const std::string &text, std::uint64_t &bytes, std::string &error)
{
    bytes = DefaultMaxFileSize;
    if (text.empty())
        return true;
    if (parseSize(text, bytes))
        return true;
    error = "--max-file-size must be a size such as 1048576, 200M or 4G (got '" + text + "')";
    return false;
}

/// `--rules pss|checklist|all`, or a comma list of them.
bool parseRules(const std::string &text, bool &pss, bool &checklist, std::string &error)
{
    pss = checklist = false;
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t comma = text.find(',', from);
        if (comma == std::string::npos)
            comma = text.size();
        const std::string part = text.substr(from, comma - from);
        from = comma + 1;
        if (part == "pss" || part == "all")
            pss = true;
        if (part == "checklist" || part == "all")
            checklist = true;
        if (part != "pss" && part != "checklist" && part != "all") {
            error =
                "--rules must be pss, checklist, all or a comma list of them (got '" + text + "')";
            return false;
        }
    }
    return true;
}

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

/// --kustomize-command, --values, --render-timeout; an exit status on a usage error.
std::optional<int> parseRenderOptions(const CommandArguments &parsed, Render::Options &options)
{
    if (parsed.isSet("kustomize-command")) {
        options.kustomizeCommand = Render::splitCommand(parsed.value("kustomize-command"));
        if (options.kustomizeCommand.empty())
            return usageError("--kustomize-command must name a command");
    }
    options.helmValues = parsed.values("values");
    if (parsed.isSet("render-timeout")) {
        const long long ms = parseDurationMs(parsed.value("render-timeout"));
        if (ms <= 0)
            return usageError("--render-timeout must be a duration such as 30s or 2m");
        options.timeoutMs = int(ms);
    }
    return std::nullopt;
}

int runCheckCommand(const QStringList &args)
{
    CommandArguments parsed({"admission", "allow-insecure-credentials"},
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
    Cluster::ApiClient::Options clientOptions;
    clientOptions.allowInsecureCredentials = parsed.isSet("allow-insecure-credentials");
    for (const auto &[name, field] : {std::pair{"request-timeout", &clientOptions.requestTimeoutMs},
                                      std::pair{"read-timeout", &clientOptions.readTimeoutMs}}) {
        if (!parsed.isSet(name))
            continue;
        const long long ms = parseDurationMs(parsed.value(name));
        if (ms < 0)
            return usageError(std::string("--") + name +
                              " must be a duration such as 30s, 2m or 500ms (0: none; at most "
                              "24h)");
        *field = int(ms);
    }
    if (!admissionConfig.empty()) {
        std::string text;
        std::string readError;
        if (!Cli::readInput(admissionConfig, request.maxFileSize, text, readError)) {
            std::fprintf(stderr, "%s:1:1: cannot read admission configuration: %s\n",
                         admissionConfig.c_str(), readError.c_str());
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
        // The checklist's kinds (Secrets as metadata only) are read only when it runs.
        clientOptions.checklistKinds = options.checklist;
        Cluster::ApiClient client(*selection, transport, clientOptions);
        if (client.sendsCredentialsInClear())
            std::fprintf(stderr,
                         "podsec: warning: sending the credentials of user \"%s\" "
                         "unencrypted to %s (--allow-insecure-credentials)\n",
                         selection->user.name.c_str(),
                         Cluster::redactedServer(selection->cluster.server).c_str());
        auto snapshot = client.readCluster();
        for (const auto &n : snapshot.notices)
            std::fprintf(stderr, "podsec: %s\n", n.c_str());
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
    for (const auto &[name, field] :
         {std::pair{"request-timeout", &request.clientOptions.requestTimeoutMs},
          std::pair{"read-timeout", &request.clientOptions.readTimeoutMs}}) {
        if (!parsed.isSet(name))
            continue;
        const long long ms = parseDurationMs(parsed.value(name));
        if (ms < 0)
            return usageError(std::string("--") + name + " must be a duration such as 30s");
        *field = int(ms);
    }
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
    } catch (const std::bad_alloc &) {
        // Inputs are bounded (--max-file-size); this is the last line of defence.
        std::fputs("podsec: out of memory; try a smaller input or --max-file-size\n", stderr);
        return 2;
    }
    if (command == QLatin1String("explain"))
        return runExplain(rest);
    return usageError("unknown command '" + bytes(command) + "'");
}
