// SPDX-License-Identifier: Apache-2.0
// The Markdown and CSV reports, and what every report says of a group and a check.
#include "reports/humanreports.h"

#include "engine/buildinfo.h"
#include "engine/ruleset.h"
#include "engine/workspacesnapshot.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>

namespace PodSec::Report {
namespace {

/// Translates a text marked with QT_TRANSLATE_NOOP("PodSec::Report", ...).
QString rt(const char *text)
{
    return QCoreApplication::translate("PodSec::Report", text);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string checkList(const Engine::WorkloadGroup &g, bool counts)
{
    std::string out;
    for (const auto &[id, n] : g.checks) {
        out += (out.empty() ? "" : ", ") + id;
        if (counts && n != g.failing)
            out += " (" + std::to_string(n) + ')';
    }
    return out;
}

/// A Markdown table cell: no line breaks, pipes escaped.
std::string cell(std::string s)
{
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

} // namespace

std::string groupLine(const Engine::WorkloadGroup &g)
{
    if (g.kind == "Pod")
        return rt(QT_TRANSLATE_NOOP("PodSec::Report", "fails %1"))
            .arg(qs(checkList(g, false)))
            .toStdString();
    if (g.pods > 0 && g.failing == g.pods)
        return rt(QT_TRANSLATE_NOOP("PodSec::Report", "%1 Pod(s), all fail %2"))
            .arg(g.pods)
            .arg(qs(checkList(g, true)))
            .toStdString();
    if (g.pods > 0)
        return rt(QT_TRANSLATE_NOOP("PodSec::Report", "%1 of %2 Pod(s) fail %3"))
            .arg(g.failing)
            .arg(g.pods)
            .arg(qs(checkList(g, true)))
            .toStdString();
    if (g.members == 1)
        return rt(QT_TRANSLATE_NOOP("PodSec::Report", "its Pod template fails %1"))
            .arg(qs(checkList(g, false)))
            .toStdString();
    return rt(QT_TRANSLATE_NOOP("PodSec::Report", "%1 of %2 workload(s) fail %3"))
        .arg(g.failing)
        .arg(g.members)
        .arg(qs(checkList(g, true)))
        .toStdString();
}

std::string howToFix(const std::string &checkId)
{
    const Engine::Rule *rule = Engine::findRule(checkId);
    const QString key = qs(rule ? rule->explanationKey : checkId);
    for (const QString &path :
         {QStringLiteral(":/explanations/%1/%2.md").arg(QLocale().name(), key),
          QStringLiteral(":/explanations/%1.md").arg(key)}) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        // "# id", "## What it guards against", "## Why it matters", "## How to satisfy it".
        const QStringList sections = text.split(QStringLiteral("\n## "));
        if (sections.size() < 4)
            return {};
        const QString body = sections[3].section(QLatin1Char('\n'), 1).trimmed();
        return body.section(QStringLiteral("\n\n"), 0, 0).simplified().toStdString();
    }
    return {};
}

std::string markdownReport(const WorkspaceSnapshot &snapshot, const Engine::WorkspaceSummary &s,
                           const ReportOptions &options)
{
    std::string out = "# " +
                      rt(QT_TRANSLATE_NOOP("PodSec::Report", "Pod Security report")).toStdString() +
                      "\n\n";
    if (!options.source.empty())
        out += options.source + " · ";
    out += s.level.toString() + " · podsec " + buildInfo().version;
    if (!options.generated.empty())
        out += " · " + options.generated;
    out += "\n\n" +
           rt(QT_TRANSLATE_NOOP(
                  "PodSec::Report",
                  "%1 namespace(s), %2 workload(s), %3 Pod(s); enforce rejects %4 Pod(s) and the "
                  "Pods of %5 controller(s); %6 workload(s) fail %7."))
               .arg(s.namespaces)
               .arg(s.workloads)
               .arg(s.pods)
               .arg(s.podsRejected)
               .arg(s.controllersRejected)
               .arg(s.failing)
               .arg(qs(s.level.toString()))
               .toStdString() +
           "\n\n";
    if (options.chartImages) {
        const auto image = [&](const QString &title, const char *name) {
            out += "**" + title.toStdString() + "**\n\n![" + title.toStdString() +
                   "](chart:" + name + ")\n\n";
        };
        image(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Readiness per namespace")), "readiness");
        if (!s.checks.empty())
            image(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Checks that fail most at %1"))
                      .arg(qs(s.level.toString())),
                  "checks");
        if (s.podsRejected + s.controllersRejected > 0)
            image(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Rejected by enforce")), "rejected");
    }
    out +=
        "## " + rt(QT_TRANSLATE_NOOP("PodSec::Report", "Readiness per namespace")).toStdString() +
        "\n\n| " + rt(QT_TRANSLATE_NOOP("PodSec::Report", "Namespace")).toStdString() +
        " | enforce | " + rt(QT_TRANSLATE_NOOP("PodSec::Report", "meet restricted")).toStdString() +
        " | " + rt(QT_TRANSLATE_NOOP("PodSec::Report", "meet baseline only")).toStdString() +
        " | " + rt(QT_TRANSLATE_NOOP("PodSec::Report", "need privileged")).toStdString() + " | " +
        rt(QT_TRANSLATE_NOOP("PodSec::Report", "Pods rejected")).toStdString() +
        " |\n| --- | --- | ---: | ---: | ---: | ---: |\n";
    for (const auto &n : s.perNamespace)
        out += "| " + cell(n.name) + " | " + n.enforce + " | " + std::to_string(n.passRestricted) +
               " | " + std::to_string(n.baselineOnly) + " | " + std::to_string(n.privilegedOnly) +
               " | " + std::to_string(n.numbers.podsRejected) + " |\n";
    out += "\n## " + rt(QT_TRANSLATE_NOOP("PodSec::Report", "Namespaces")).toStdString() + "\n";
    for (const auto &n : s.perNamespace) {
        out += "\n### " + n.name + "\n\nenforce " + n.enforce + " · audit " + n.audit + " · warn " +
               n.warn + "\n\n";
        if (n.failing.empty()) {
            out += rt(QT_TRANSLATE_NOOP("PodSec::Report", "Every workload passes %1."))
                       .arg(qs(s.level.toString()))
                       .toStdString() +
                   "\n";
            continue;
        }
        std::size_t shown = 0;
        for (const auto &g : n.failing) {
            if (shown++ == options.maxGroups)
                break;
            out += "- **" + cell(g.name) + "** (" + g.kind + "): " + groupLine(g) + " — `" +
                   Engine::workloadSource(snapshot, snapshot.workloads[std::size_t(g.workload)]) +
                   "`\n";
        }
        if (n.failing.size() > options.maxGroups)
            out += "- " +
                   rt(QT_TRANSLATE_NOOP("PodSec::Report",
                                        "… and %1 more (the CSV report lists every one)."))
                       .arg(qulonglong(n.failing.size() - options.maxGroups))
                       .toStdString() +
                   '\n';
    }
    if (!s.checks.empty()) {
        out += "\n## " + rt(QT_TRANSLATE_NOOP("PodSec::Report", "How to fix")).toStdString() + "\n";
        for (const auto &[id, count] : s.checks)
            out +=
                "\n### `" + id + "` (" +
                rt(QT_TRANSLATE_NOOP("PodSec::Report", "%1 workload(s)")).arg(count).toStdString() +
                ")\n\n" + howToFix(id) + "\n";
    }
    return out;
}

std::string csvReport(const WorkspaceSnapshot &snapshot, const Engine::WorkspaceSummary &s)
{
    std::string out =
        "namespace,kind,name,owner,source," + s.level.toString() + ",enforce,failing checks\r\n";
    for (const auto &ns : snapshot.namespaces) {
        for (int index : ns.workloads) {
            const auto &w = snapshot.workloads[std::size_t(index)];
            const bool fails = w.fails(s.level.level);
            std::string failing;
            if (fails) {
                for (const auto &r : w.evaluation(s.level.level)->results) {
                    if (!r.allowed)
                        failing += (failing.empty() ? "" : ";") + std::string(r.id);
                }
            }
            const std::string owner = w.id().controller.kind.empty()
                                          ? ""
                                          : w.id().controller.kind + '/' + w.id().controller.name;
            out += csvField(w.id().namespaceName) + ',' + csvField(w.id().kind) + ',' +
                   csvField(w.id().name) + ',' + csvField(owner) + ',' +
                   csvField(Engine::workloadSource(snapshot, w)) + ',' + (fails ? "fail" : "pass") +
                   ',' + verdictName(w.verdicts[int(Column::Enforce)]) + ',' + csvField(failing) +
                   "\r\n";
        }
    }
    return out;
}

} // namespace PodSec::Report
