// SPDX-License-Identifier: Apache-2.0
#include "peoplereport.h"

#include "engine/buildinfo.h"
#include "engine/workspacesummary.h"
#include "output.h"
#include "report/jsonwriter.h"
#include "reports/humanreports.h"

#include <QDateTime>

#include <cstdio>

namespace PodSec::Cli {
namespace {

void checkCounts(JsonWriter &w, const Engine::CheckCounts &counts, const char *what)
{
    w.beginArray();
    for (const auto &[id, n] : counts)
        w.beginObject().key("id").value(id).key(what).value(n).endObject();
    w.endArray();
}

void readiness(JsonWriter &w, int restricted, int baseline, int privileged)
{
    w.key("readiness").beginObject().key("restricted").value(restricted);
    w.key("baselineOnly").value(baseline).key("privilegedOnly").value(privileged).endObject();
}

std::string summaryJson(const WorkspaceSnapshot &snapshot, const Engine::WorkspaceSummary &s)
{
    JsonWriter w;
    w.beginObject().key("schemaVersion").value(1);
    w.key("tool").beginObject().key("name").value("podsec");
    w.key("version").value(buildInfo().version).endObject();
    w.key("policy").beginObject().key("level").value(Policy::levelName(s.level.level));
    w.key("version").value(s.level.version.toString()).endObject();
    w.key("summary").beginObject().key("namespaces").value(s.namespaces);
    w.key("workloads").value(s.workloads).key("pods").value(s.pods);
    w.key("failing").value(s.failing).key("podsRejected").value(s.podsRejected);
    w.key("controllersRejected").value(s.controllersRejected);
    w.key("warned").value(s.warned).key("audited").value(s.audited);
    readiness(w, s.passRestricted, s.baselineOnly, s.privilegedOnly);
    w.endObject().key("checks");
    checkCounts(w, s.checks, "workloads");
    w.key("namespaces").beginArray();
    for (const auto &n : s.perNamespace) {
        const auto &k = n.numbers;
        w.lineBreak().beginObject().key("name").value(n.name).key("declared").value(n.declared);
        w.key("enforce").value(n.enforce).key("audit").value(n.audit).key("warn").value(n.warn);
        w.key("workloads").value(k.workloads).key("pods").value(k.pods);
        w.key("failing").value(n.failingWorkloads).key("podsRejected").value(k.podsRejected);
        w.key("controllersRejected").value(k.controllersRejected);
        w.key("warned").value(k.warned).key("audited").value(k.audited);
        readiness(w, n.passRestricted, n.baselineOnly, n.privilegedOnly);
        w.key("checks");
        checkCounts(w, n.checks, "workloads");
        w.key("failingWorkloads").beginArray();
        for (const auto &g : n.failing) {
            const auto &top = snapshot.workloads[std::size_t(g.workload)];
            w.beginObject().key("kind").value(g.kind).key("name").value(g.name);
            w.key("source").value(Engine::workloadSource(snapshot, top));
            w.key("pods").value(g.pods).key("members").value(g.members);
            w.key("failing").value(g.failing).key("rejected").value(g.rejected);
            // Check id → failing members, most first (an object keeps it compact).
            w.key("checks").beginObject();
            for (const auto &[id, n] : g.checks)
                w.key(id).value(n);
            w.endObject().endObject();
        }
        w.endArray().endObject();
    }
    w.endArray().endObject().trailer("\n");
    return w.take();
}

std::string sourceOf(const WorkspaceRequest &input)
{
    if (input.live)
        return input.context.empty() ? "cluster (current context)"
                                     : "cluster context " + input.context;
    std::string out;
    for (const auto &p : input.paths)
        out += (out.empty() ? "" : " ") + p;
    return out;
}

} // namespace

int runPeopleReport(const PeopleReportRequest &request)
{
    bool errors = false;
    int status = 2;
    const auto snapshot = readWorkspace(request.input, errors, status);
    if (!snapshot)
        return status;
    const auto summary = Engine::summarize(*snapshot, request.level);
    Report::ReportOptions options;
    options.source = sourceOf(request.input);
    options.generated = QDateTime::currentDateTimeUtc()
                            .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                            .toStdString();
    const std::string text =
        request.format == "html"       ? Report::htmlReport(*snapshot, summary, options)
        : request.format == "markdown" ? Report::markdownReport(*snapshot, summary, options)
        : request.format == "csv"      ? Report::csvReport(*snapshot, summary)
                                       : summaryJson(*snapshot, summary);
    if (!writeWhole(request.outputFile, text, "report"))
        return 2;
    if (errors)
        return 2;
    const bool denied = request.admission ? summary.podsRejected + summary.controllersRejected > 0
                                          : summary.failing > 0;
    return denied ? 1 : 0;
}

} // namespace PodSec::Cli
