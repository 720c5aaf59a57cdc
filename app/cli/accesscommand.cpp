// SPDX-License-Identifier: Apache-2.0
// `podsec access`: RBAC risks tied to namespace levels, offline who-can, and the kubeconfig
// credential audit (spec/access.md §5). Reports: text, JSON, SARIF.
#include "accesscommand.h"

#include "access/accessmodel.h"
#include "access/credentials.h"
#include "checkcommand.h"
#include "common/safefile.h"
#include "output.h"
#include "qnetworktransport.h"
#include "report/jsonwriter.h"

#include <QDateTime>

#include <cstdio>
#include <cstdlib>

namespace PodSec::Cli {

namespace {

using Access::ChainLink;
using Access::CredentialFinding;
using Access::SubjectRisks;
using Engine::Severity;

struct Problem
{
    std::string file;
    Diagnostic diagnostic;
};

std::string position(const Access::Source &s)
{
    return s.file + ':' + std::to_string(s.line) + ':' + std::to_string(s.column);
}

std::string linkText(const ChainLink &l)
{
    std::string out;
    if (l.kind == "Rule") {
        out = "rule " + l.rule;
    } else {
        out = l.kind + " \"" + (l.namespaceName.empty() ? std::string() : l.namespaceName + '/') +
              l.name + '"';
    }
    if (l.builtin)
        out += " (built-in)";
    else if (l.source.valid())
        out += " (" + position(l.source) + ')';
    return out;
}

std::string chainText(const std::vector<ChainLink> &chain)
{
    std::string out;
    for (std::size_t i = 0; i < chain.size(); ++i)
        out += (i ? " -> " : "") + linkText(chain[i]);
    return out;
}

void writeSource(JsonWriter &w, const Access::Source &s)
{
    if (!s.valid()) {
        w.null();
        return;
    }
    w.beginObject()
        .key("file")
        .value(s.file)
        .key("line")
        .value(s.line)
        .key("column")
        .value(s.column)
        .endObject();
}

void writeChain(JsonWriter &w, const std::vector<ChainLink> &chain)
{
    w.beginArray();
    for (const auto &l : chain) {
        w.beginObject().key("kind").value(l.kind).key("name").value(l.name);
        w.key("namespace").value(l.namespaceName).key("rule");
        if (l.rule.empty())
            w.null();
        else
            w.value(l.rule);
        w.key("source");
        writeSource(w, l.source);
        w.key("builtin").value(l.builtin).endObject();
    }
    w.endArray();
}

void writeSubject(JsonWriter &w, const Access::Subject &s)
{
    w.key("kind")
        .value(s.kindName())
        .key("name")
        .value(s.name)
        .key("namespace")
        .value(s.namespaceName);
}

void writeCredentials(JsonWriter &w, const std::vector<CredentialFinding> &findings)
{
    w.key("credentials").beginArray();
    for (const auto &f : findings) {
        w.lineBreak()
            .beginObject()
            .key("id")
            .value(f.id)
            .key("severity")
            .value(Engine::severityName(f.severity));
        w.key("context").value(f.context);
        if (!f.user.empty())
            w.key("user").value(f.user);
        else
            w.key("cluster").value(f.cluster);
        w.key("detail").value(f.detail).endObject();
    }
    w.endArray();
}

void writeErrors(JsonWriter &w, const std::vector<Problem> &problems)
{
    w.key("errors").beginArray();
    for (const auto &p : problems) {
        w.lineBreak().beginObject().key("file").value(p.file).key("line").value(p.diagnostic.line);
        w.key("column").value(p.diagnostic.column).key("message").value(p.diagnostic.message);
        w.key("warning").value(p.diagnostic.warning).endObject();
    }
    w.endArray();
}

std::string textReport(const std::vector<SubjectRisks> &subjects,
                       const std::vector<CredentialFinding> &credentials, bool withRisks)
{
    std::string out;
    std::size_t counts[4] = {};
    for (const auto &s : subjects) {
        out += s.subject.display() + '\n';
        for (const auto &r : s.risks) {
            ++counts[int(r.severity)];
            char head[64];
            std::snprintf(head, sizeof head, "  %-8s ", Engine::severityName(r.severity));
            out += head + std::string(riskName(r.id)) + " [" + r.scope + "]: " + r.detail + '\n';
            out += "           " + chainText(r.chain) + '\n';
        }
    }
    if (!credentials.empty())
        out += "credentials\n";
    for (const auto &f : credentials) {
        ++counts[int(f.severity)];
        char head[64];
        std::snprintf(head, sizeof head, "  %-8s ", Engine::severityName(f.severity));
        out += head + f.id + " [context \"" + f.context + "\", " +
               (f.user.empty() ? "cluster \"" + f.cluster : "user \"" + f.user) +
               "\"]: " + f.detail + '\n';
    }
    if (withRisks)
        out += std::to_string(subjects.size()) + " subjects with risks; ";
    out += std::to_string(counts[0]) + " deny, " + std::to_string(counts[1]) + " danger, " +
           std::to_string(counts[2]) + " warning, " + std::to_string(counts[3]) + " info\n";
    return out;
}

std::string jsonReport(const std::vector<SubjectRisks> &subjects,
                       const std::vector<CredentialFinding> &credentials,
                       const std::vector<Problem> &problems)
{
    JsonWriter w;
    w.beginObject().key("schemaVersion").value(1);
    w.key("tool").beginObject().key("name").value("podsec").key("version").value(
        PODSEC_VERSION_STRING);
    w.endObject();
    w.key("subjects").beginArray();
    for (const auto &s : subjects) {
        w.lineBreak().beginObject();
        writeSubject(w, s.subject);
        w.key("risks").beginArray();
        for (const auto &r : s.risks) {
            w.lineBreak(" ").beginObject().key("id").value(riskName(r.id));
            w.key("severity").value(Engine::severityName(r.severity)).key("scope").value(r.scope);
            w.key("detail").value(r.detail).key("chain");
            writeChain(w, r.chain);
            w.endObject();
        }
        w.endArray().endObject();
    }
    w.endArray();
    writeCredentials(w, credentials);
    writeErrors(w, problems);
    w.endObject().trailer("\n");
    return w.take();
}

const char *sarifLevel(Severity s)
{
    switch (s) {
    case Severity::Deny:
    case Severity::Danger:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "note";
    }
    return "note";
}

std::string sarifReport(const std::vector<SubjectRisks> &subjects,
                        const std::vector<CredentialFinding> &credentials)
{
    JsonWriter w;
    w.beginObject().key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    w.key("version").value("2.1.0").key("runs").beginArray().beginObject();
    w.key("tool").beginObject().key("driver").beginObject().key("name").value("podsec");
    w.key("version").value(PODSEC_VERSION_STRING).key("rules").beginArray();
    for (int i = 0; i < Access::RiskCount; ++i) {
        const auto id = Access::RiskId(i);
        w.lineBreak().beginObject().key("id").value(riskName(id));
        w.key("properties")
            .beginObject()
            .key("severity")
            .value(Engine::severityName(Access::baseSeverity(id)));
        w.endObject().endObject();
    }
    w.endArray().endObject().endObject();
    w.key("results").beginArray();
    for (const auto &s : subjects) {
        for (const auto &r : s.risks) {
            w.lineBreak().beginObject().key("ruleId").value(riskName(r.id));
            w.key("level").value(sarifLevel(r.severity));
            w.key("message").beginObject().key("text").value(r.detail + " [" + r.scope +
                                                             "]: " + chainText(r.chain));
            w.endObject();
            const ChainLink *at = nullptr;
            for (const auto &l : r.chain) {
                if (l.source.valid()) {
                    at = &l;
                    break;
                }
            }
            w.key("locations").beginArray();
            if (at) {
                w.beginObject().key("physicalLocation").beginObject();
                w.key("artifactLocation")
                    .beginObject()
                    .key("uri")
                    .value(at->source.file)
                    .endObject();
                w.key("region").beginObject().key("startLine").value(at->source.line);
                w.key("startColumn").value(at->source.column).endObject();
                w.endObject().endObject();
            }
            w.endArray().endObject();
        }
    }
    for (const auto &f : credentials) {
        w.lineBreak().beginObject().key("ruleId").value(f.id).key("level").value(
            sarifLevel(f.severity));
        w.key("message").beginObject().key("text").value("context \"" + f.context +
                                                         "\": " + f.detail);
        w.endObject().endObject();
    }
    w.endArray().endObject().endArray().endObject().trailer("\n");
    return w.take();
}

/// The kubeconfig files as kubectl finds them, read (bounded).
std::vector<std::pair<std::string, std::string>> kubeconfigTexts(const AccessRequest &request,
                                                                 std::vector<Problem> &problems)
{
    const char *env = std::getenv("KUBECONFIG");
    const char *home = std::getenv("HOME");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto &f :
         Cluster::kubeconfigFiles(request.kubeconfig, env ? env : "", home ? home : "")) {
        std::string text, error;
        if (!readBoundedFile(f, Cluster::MaxKubeconfigBytes, text, error)) {
            if (!request.kubeconfig.empty())
                problems.push_back({f, {0, 1, 1, "cannot read kubeconfig: " + error}});
            continue;
        }
        out.emplace_back(f, std::move(text));
    }
    return out;
}

/// Reads the cluster: namespaces and workloads (readCluster), then the four RBAC kinds and
/// service accounts. What could not be read (a 403 included) is a problem, never "no risk".
bool readLive(const AccessRequest &request, Cluster::ApiClient::Pages &texts,
              std::vector<Problem> &problems, std::string &contextName)
{
    const char *env = std::getenv("KUBECONFIG");
    const char *home = std::getenv("HOME");
    const auto files =
        Cluster::kubeconfigFiles(request.kubeconfig, env ? env : "", home ? home : "");
    const auto config = Cluster::loadKubeconfig(files, !request.kubeconfig.empty());
    for (const auto &e : config.errors)
        std::fprintf(stderr, "%s\n", e.text().c_str());
    std::string error;
    const auto selection = Cluster::select(config, request.context, error);
    if (!selection) {
        std::fprintf(stderr, "podsec: %s\n", error.c_str());
        return false;
    }
    contextName = selection->context.name;
    Net::QNetworkTransport transport(*selection, error);
    if (!error.empty()) {
        std::fprintf(stderr, "podsec: %s\n", error.c_str());
        return false;
    }
    Cluster::ApiClient client(*selection, transport, request.clientOptions);
    auto snapshot = client.readCluster();
    for (const auto &n : snapshot.notices)
        std::fprintf(stderr, "podsec: %s\n", n.c_str());
    for (const auto &p : snapshot.problems)
        problems.push_back({"cluster", {0, 1, 1, p}});
    if (snapshot.serverVersion.empty())
        return false;
    texts = std::move(snapshot.documents);
    static const char *const Collections[] = {
        "/apis/rbac.authorization.k8s.io/v1/clusterroles",
        "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
        "/apis/rbac.authorization.k8s.io/v1/roles",
        "/apis/rbac.authorization.k8s.io/v1/rolebindings",
        "/api/v1/serviceaccounts",
    };
    for (const char *path : Collections) {
        const std::string resource = std::string(path).substr(std::string(path).rfind('/') + 1);
        auto result = client.list(path, [&](std::size_t page, std::string json) {
            texts.emplace_back("cluster:" + resource + '#' + std::to_string(page),
                               std::make_shared<const std::string>(std::move(json)));
        });
        if (!result.error.empty())
            problems.push_back(
                {"cluster",
                 {0, 1, 1,
                  result.error + (result.status == 403 ? " (forbidden: the risks granted through " +
                                                             resource + " are unknown, not absent)"
                                                       : std::string())}});
    }
    return true;
}

} // namespace

int runAccess(const AccessRequest &request)
{
    std::vector<Problem> problems;
    std::vector<CredentialFinding> credentials;
    std::vector<SubjectRisks> subjects;
    bool fatal = false;

    if (request.credentials || request.live) {
        auto audit = Access::auditKubeconfigs(kubeconfigTexts(request, problems),
                                              QDateTime::currentDateTimeUtc());
        for (auto &p : audit.problems)
            problems.push_back({p.file, p.diagnostic});
        credentials = std::move(audit.findings);
    }

    std::shared_ptr<const Access::AccessResult> access;
    const Access::AccessModel *model = nullptr;
    if (!request.credentials) {
        Cluster::ApiClient::Pages texts;
        std::string contextName;
        if (request.live) {
            if (!readLive(request, texts, problems, contextName))
                fatal = true;
            // Only the context used is judged.
            std::erase_if(credentials,
                          [&](const CredentialFinding &f) { return f.context != contextName; });
        } else {
            std::vector<FileError> walkErrors;
            for (const auto &path : expandPaths(request.paths, walkErrors)) {
                std::string text, error;
                const std::string display = path == "-" ? "<stdin>" : path;
                if (!readInput(path, request.maxFileSize, text, error)) {
                    problems.push_back({display, {0, 1, 1, error}});
                    continue;
                }
                texts.emplace_back(display, std::make_shared<const std::string>(std::move(text)));
            }
            for (auto &e : walkErrors)
                problems.push_back({e.file, e.diagnostic});
        }
        std::vector<Access::InputText> inputs;
        for (const auto &[name, text] : texts)
            inputs.push_back({name, *text, request.live});
        Access::AccessOptions options;
        options.live = request.live;
        access = Access::evaluateAccess(inputs, options, request.defaultNamespace, request.threads);
        model = access->model.get();
        for (const auto &p : access->problems)
            problems.push_back({p.file.empty() ? std::string("cluster") : p.file, p.diagnostic});
    }

    for (const auto &p : problems)
        std::fprintf(stderr, "%s:%u:%u: %s%s\n", p.file.c_str(), p.diagnostic.line,
                     p.diagnostic.column, p.diagnostic.warning ? "warning: " : "",
                     p.diagnostic.message.c_str());
    const bool errors =
        fatal || std::any_of(problems.begin(), problems.end(),
                             [](const Problem &p) { return !p.diagnostic.warning; });

    if (request.whoCan && model) {
        const auto answers = model->whoCan(*request.whoCan);
        std::string out;
        if (request.format == "json") {
            JsonWriter w;
            w.beginObject().key("schemaVersion").value(1).key("subjects").beginArray();
            for (const auto &a : answers) {
                w.lineBreak().beginObject();
                writeSubject(w, a.subject);
                w.key("chain");
                writeChain(w, a.chain);
                w.endObject();
            }
            w.endArray();
            writeErrors(w, problems);
            w.endObject().trailer("\n");
            out = w.take();
        } else {
            for (const auto &a : answers)
                out += a.subject.display() + "\n    " + chainText(a.chain) + '\n';
            out += std::to_string(answers.size()) + " subjects allowed\n";
        }
        if (!writeWhole(request.outputFile, out, "report"))
            return 2;
        return errors ? 2 : 0;
    }

    if (access)
        subjects = access->subjects;
    std::string out;
    if (request.format == "json")
        out = jsonReport(subjects, credentials, problems);
    else if (request.format == "sarif")
        out = sarifReport(subjects, credentials);
    else
        out = textReport(subjects, credentials, model != nullptr);
    if (!writeWhole(request.outputFile, out, "report"))
        return 2;
    if (errors)
        return 2;
    auto failing = [&](Severity s) {
        return int(s) <= int(request.failOn);
    };
    for (const auto &s : subjects) {
        for (const auto &r : s.risks) {
            if (failing(r.severity))
                return 1;
        }
    }
    for (const auto &f : credentials) {
        if (failing(f.severity))
            return 1;
    }
    return 0;
}

} // namespace PodSec::Cli
