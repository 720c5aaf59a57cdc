// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every podsec command shares: its arguments as bytes, and their parsing.

#include "admission/admissionconfig.h"
#include "cluster/apiclient.h"
#include "common/fileinput.h"
#include "policy/levelversion.h"
#include "render/renderer.h"

#include <QCommandLineParser>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace PodSec::Cli {

extern const char *const Usage;

/// Prints "podsec: message" and the hint to --help; returns 2.
int usageError(const std::string &message);

/// A duration as kubectl's --request-timeout takes it: "30s", "1m30s", "500ms", "2h", or
/// a plain number of seconds; "0" is no deadline. -1 when unreadable or over a day.
long long parseDurationMs(const std::string &text);

/// Arguments are decoded as Latin-1 so that every byte survives the round trip through
/// QString: paths are handed on as the bytes given (they need not be UTF-8).
QString fromBytes(const char *s);
std::string bytes(const QString &s);

/// Our wording for what QCommandLineParser rejected, naming the argument as typed.
std::string usageProblem(const QCommandLineParser &parser, const QStringList &args,
                         const QList<QCommandLineOption> &options);

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
    std::optional<int> parse(const QStringList &args);

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
                                                const std::string &version, std::string &error);
/// --max-file-size, or the default; false (with a usage message) when it does not parse.
bool parseMaxFileSize(const std::string &text, std::uint64_t &bytes, std::string &error);
/// `--rules pss|checklist|all`, or a comma list of them.
bool parseRules(const std::string &text, bool &pss, bool &checklist, std::string &error);
/// --request-timeout and --read-timeout into options; an exit status on a usage error.
std::optional<int> parseTimeouts(const CommandArguments &parsed,
                                 Cluster::ApiClient::Options &options);

/// Reads the cluster of --kubeconfig/--context (only GET requests) into its list pages,
/// (name "cluster:<resource>#<page>", text); notices and problems go to stderr (problems
/// set true). An exit status when nothing could be read.
std::optional<int> readLiveCluster(const std::string &kubeconfig, const std::string &context,
                                   const Cluster::ApiClient::Options &options,
                                   Cluster::ApiClient::Pages &pages, bool &problems);

/// Reads --admission-config PATH; an exit status (its problems printed) when it fails.
std::optional<int> readAdmissionConfig(const std::string &path, std::uint64_t maxSize,
                                       Admission::AdmissionConfig &config);

/// --kustomize-command, --values, --render-timeout; an exit status on a usage error.
std::optional<int> parseRenderOptions(const CommandArguments &parsed, Render::Options &options);

} // namespace PodSec::Cli
