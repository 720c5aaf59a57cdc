// SPDX-License-Identifier: Apache-2.0
#include "diffcommand.h"

#include "arguments.h"
#include "engine/versiondiff.h"
#include "output.h"
#include "report/jsonwriter.h"
#include "workspaceinput.h"

#include <cstdio>

namespace PodSec::Cli {
namespace {

using Engine::VersionDiff;
using Engine::VersionVerdict;

std::string joinIds(const VersionVerdict &v)
{
    std::string out;
    for (const auto &f : v.failing)
        out += (out.empty() ? "" : ", ") + f.id;
    return out;
}

std::string verdictText(const VersionVerdict &v)
{
    if (v.allowed)
        return "allowed";
    return "denied (" + joinIds(v) + ')';
}

/// The checks failing on one side only, with what they say and the fields they name.
void appendOneSided(std::string &out, const VersionVerdict &side, const VersionVerdict &other,
                    char mark, const std::string &version)
{
    for (const auto *f : side.notIn(other)) {
        out += "  ";
        out += mark;
        out += ' ' + f->id + " fails only at " + version + ": " + f->reason;
        if (!f->detail.empty())
            out += " (" + f->detail + ')';
        out += '\n';
        for (const auto &[path, value] : f->fields)
            out += "      " + path + ": " + value + '\n';
    }
}

std::string textDiff(const VersionDiff &d)
{
    const std::string from = d.from.toString(), to = d.to.toString();
    std::string out = "Pod Security Standards, level " + std::string(Policy::levelName(d.level)) +
                      ", from " + from + " to " + to + '\n';
    if (d.checks.empty()) {
        out += "\nNo check differs between the two versions.\n";
    } else {
        out += "\nChecks that differ (" + std::to_string(d.checks.size()) + "):\n";
        std::size_t width = 0;
        for (const auto &c : d.checks)
            width = std::max(width, c.id.size());
        char line[256];
        for (const auto &c : d.checks) {
            std::snprintf(line, sizeof line, "  %-8s %-*s  since %s\n",
                          Engine::checkChangeName(c.change), int(width), c.id.c_str(),
                          c.versionText().c_str());
            out += line;
        }
    }
    if (d.objects.empty()) {
        out += "\nNo object's failing checks differ between the two versions.\n";
        return out;
    }
    std::size_t stricter = 0;
    for (const auto &o : d.objects)
        stricter += o.stricter() ? 1 : 0;
    out += "\nObjects whose failing checks differ (" + std::to_string(d.objects.size()) + ", " +
           std::to_string(stricter) + " stricter at " + to + "):\n";
    for (const auto &o : d.objects) {
        out += '\n' + o.source + "  " + o.kind + ' ' + o.namespaceName + '/' + o.name +
               (o.stricter() ? "  [stricter]" : "") + '\n';
        out += "  " + from + ": " + verdictText(o.from) + '\n';
        out += "  " + to + ": " + verdictText(o.to) + '\n';
        appendOneSided(out, o.to, o.from, '+', to);
        appendOneSided(out, o.from, o.to, '-', from);
    }
    return out;
}

void verdictJson(JsonWriter &w, const VersionVerdict &v)
{
    w.beginObject().key("allowed").value(v.allowed).key("failing").beginArray();
    for (const auto &f : v.failing)
        w.value(f.id);
    w.endArray().endObject();
}

std::string jsonDiff(const VersionDiff &d)
{
    JsonWriter w;
    w.beginObject().key("from").value(d.from.toString()).key("to").value(d.to.toString());
    w.key("level").value(Policy::levelName(d.level));
    w.key("checks").beginArray();
    for (const auto &c : d.checks) {
        w.lineBreak().beginObject().key("id").value(c.id);
        w.key("change").value(Engine::checkChangeName(c.change));
        w.key("version").value(c.versionText()).endObject();
    }
    w.endArray().key("objects").beginArray();
    for (const auto &o : d.objects) {
        w.lineBreak().beginObject().key("source").value(o.source).key("kind").value(o.kind);
        w.key("namespace").value(o.namespaceName).key("name").value(o.name);
        w.key("from");
        verdictJson(w, o.from);
        w.key("to");
        verdictJson(w, o.to);
        w.endObject();
    }
    w.endArray().endObject().trailer("\n");
    return w.take();
}

std::optional<Policy::Version> parseVersion(const char *option, const std::string &text,
                                            std::string &error)
{
    if (text.empty()) {
        error = std::string("diff needs ") + option + " VERSION";
        return std::nullopt;
    }
    const auto v = Policy::Version::parse(text);
    if (!v) {
        const std::string newest = "v1." + std::to_string(Policy::NewestMinor);
        error = std::string(option) + ": unknown policy version '" + text +
                "'; valid versions: latest, v1.0, v1.1, ... " + newest + " (a newer v1.N " +
                "evaluates as " + newest + ')';
    }
    return v;
}

} // namespace

int runDiffCommand(const QStringList &args)
{
    CommandArguments parsed({"allow-insecure-credentials"},
                            {"from", "to", "level", "format", "output", "namespace", "kubeconfig",
                             "context", "request-timeout", "read-timeout", "max-file-size",
                             "kustomize-command", "values", "render-timeout"});
    if (const auto status = parsed.parse(args))
        return *status;
    WorkspaceRequest request;
    if (const auto status = parseRenderOptions(parsed, request.render))
        return *status;
    std::string error;
    const auto from = parseVersion("--from", parsed.value("from"), error);
    if (!from)
        return usageError(error);
    const auto to = parseVersion("--to", parsed.value("to"), error);
    if (!to)
        return usageError(error);
    const std::string levelText = parsed.value("level", "restricted");
    const auto level = Policy::parseLevel(levelText);
    if (!level || *level == Policy::Level::Privileged)
        return usageError("--level must be baseline or restricted (got '" + levelText + "')");
    const std::string format = parsed.value("format", "text");
    if (format != "text" && format != "json")
        return usageError("--format must be text or json (got '" + format + "')");
    if (const auto status = parseWorkspaceInput(parsed, request))
        return *status;
    if (parsed.isSet("namespace"))
        request.options.defaultNamespace = parsed.value("namespace");
    // Read once, evaluated at `from`; compareVersions evaluates `to` from the same files.
    request.options.version = *from;
    bool errors = false;
    int status = 2;
    const auto snapshot = readWorkspace(request, errors, status);
    if (!snapshot)
        return status;
    const auto diff = Engine::compareVersions(*snapshot, request.options, *level, *from, *to);
    if (!diff)
        return 2;
    const std::string text = format == "json" ? jsonDiff(*diff) : textDiff(*diff);
    if (!writeWhole(parsed.value("output"), text, "the comparison"))
        return 2;
    if (errors)
        return 2;
    return diff->stricter() ? 1 : 0;
}

} // namespace PodSec::Cli
