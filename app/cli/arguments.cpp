// SPDX-License-Identifier: Apache-2.0
#include "arguments.h"

#include "common/fileinput.h"
#include "qnetworktransport.h"

#include <cstdio>
#include <cstdlib>

namespace PodSec::Cli {

const char *const Usage =
    "Usage:\n"
    "  podsec check   [options] [PATH ...]   evaluate manifests (files, folders, '-' for stdin)\n"
    "  podsec fix     [options] PATH ...     rewrite manifests so they pass a level\n"
    "  podsec explain [CHECK_ID]             what a check guards, why, and how to satisfy it\n"
    "  podsec access  [options] [PATH ...]   who can get around Pod Security (RBAC risks)\n"
    "  podsec plan    [options] [PATH ...]   a rollout plan of namespace labels, with dry runs\n"
    "  podsec diff    [options] [PATH ...]   what changes between two policy versions\n"
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
    "  --format html|markdown|csv               reports for people: per namespace, failing\n"
    "                                           workloads grouped by controller, how to fix\n"
    "  --summary                                with --format json: per-namespace numbers and\n"
    "                                           grouped workloads instead of every check\n"
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
    "plan options: --target baseline|restricted (default restricted); --version latest|v1.N;\n"
    "  --format text|json|sh|yaml (sh: kubectl label commands; yaml: Namespace patches);\n"
    "  --output FILE; --namespace NAME; --admission-config FILE; --kubeconfig FILE, --context\n"
    "  NAME. Each namespace gets the strictest level all its workloads meet (never lower than\n"
    "  now), warn and audit at the target, and the dry-run answer of enforcing the target.\n"
    "  Exit status 1 when some namespace cannot enforce the target yet.\n"
    "\n"
    "diff options: --from VERSION, --to VERSION (latest or v1.N; both required); --level\n"
    "  baseline|restricted (default restricted); --format text|json; --output FILE;\n"
    "  --namespace NAME; --kubeconfig FILE, --context NAME. Lists the checks added, changed or\n"
    "  removed between the two versions (with the version that made the change) and every\n"
    "  object whose failing checks differ, field by field. Exit status 1 when some object's\n"
    "  verdict gets stricter from --from to --to.\n"
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

std::optional<int> CommandArguments::parse(const QStringList &args)
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

std::optional<int> parseTimeouts(const CommandArguments &parsed,
                                 Cluster::ApiClient::Options &options)
{
    for (const auto &[name, field] : {std::pair{"request-timeout", &options.requestTimeoutMs},
                                      std::pair{"read-timeout", &options.readTimeoutMs}}) {
        if (!parsed.isSet(name))
            continue;
        const long long ms = parseDurationMs(parsed.value(name));
        if (ms < 0)
            return usageError(std::string("--") + name +
                              " must be a duration such as 30s, 2m or 500ms (0: none; at most "
                              "24h)");
        *field = int(ms);
    }
    return std::nullopt;
}

std::optional<int> readLiveCluster(const std::string &kubeconfig, const std::string &context,
                                   const Cluster::ApiClient::Options &options,
                                   Cluster::ApiClient::Pages &pages, bool &problems)
{
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
    Cluster::ApiClient client(*selection, transport, options);
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
    problems = !snapshot.problems.empty();
    if (snapshot.serverVersion.empty())
        return 2;
    pages = std::move(snapshot.documents);
    return std::nullopt;
}

std::optional<int> readAdmissionConfig(const std::string &path, std::uint64_t maxSize,
                                       Admission::AdmissionConfig &config)
{
    std::string text;
    std::string readError;
    if (!readManifestInput(path, maxSize, text, readError)) {
        std::fprintf(stderr, "%s:1:1: cannot read admission configuration: %s\n", path.c_str(),
                     readError.c_str());
        return 2;
    }
    std::vector<Diagnostic> errors;
    const auto parsed = Admission::parseAdmissionConfig(text, errors);
    if (!parsed) {
        for (const auto &e : errors)
            std::fprintf(stderr, "%s:%u:%u: %s\n", path.c_str(), e.line, e.column,
                         e.message.c_str());
        return 2;
    }
    config = *parsed;
    return std::nullopt;
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

} // namespace PodSec::Cli
