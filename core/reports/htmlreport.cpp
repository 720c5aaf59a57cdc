// SPDX-License-Identifier: Apache-2.0
// The HTML report: self-contained, no scripts, charts drawn as inline SVG.
#include "reports/humanreports.h"

#include "common/textescape.h"
#include "engine/buildinfo.h"
#include "engine/workspacesnapshot.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace PodSec::Report {
namespace {

std::string rt(const char *text)
{
    return QCoreApplication::translate("PodSec::Report", text).toStdString();
}
std::string rtArg(const char *text, const std::string &a)
{
    return QCoreApplication::translate("PodSec::Report", text)
        .arg(QString::fromStdString(a))
        .toStdString();
}

std::string esc(std::string_view s)
{
    std::string out;
    appendXmlEscaped(out, s);
    return out;
}

const char *const Style = R"(
body{font-family:system-ui,"Noto Sans","Noto Sans CJK SC","DejaVu Sans",sans-serif;margin:2em auto;
max-width:60em;padding:0 1em;color:#1d1d1f;background:#fff;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ccc}
h3{margin-bottom:.3em}.meta{color:#555}
.cards{display:flex;flex-wrap:wrap;gap:.6em;margin:1em 0}
.card{border:1px solid #ccc;border-radius:6px;padding:.5em .9em;min-width:9em}
.card b{display:block;font-size:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #e3e3e3;vertical-align:top}
th{background:#f4f4f6}code{font-family:"DejaVu Sans Mono",monospace;font-size:.92em}
.legend span{display:inline-block;margin-right:1.2em}
.sw{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
.ok{fill:#2e7d32;background:#2e7d32}.mid{fill:#f9a825;background:#f9a825}
.bad{fill:#c62828;background:#c62828}.bar{fill:#3f51b5}
svg text{font-size:12px;fill:#1d1d1f;font-family:inherit}
.tag{border:1px solid #999;border-radius:3px;padding:0 .3em;font-size:.85em}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}section{page-break-inside:avoid}}
)";

struct Segment
{
    int value;
    const char *cls;
};
struct BarRow
{
    std::string label;
    std::vector<Segment> segments;
};

/// Horizontal bars, one per row, segments stacked; values written after each bar.
std::string barChart(const std::vector<BarRow> &rows, const std::string &title)
{
    if (rows.empty())
        return {};
    int most = 1;
    std::size_t labelChars = 4;
    for (const auto &r : rows) {
        int total = 0;
        for (const auto &s : r.segments)
            total += s.value;
        most = std::max(most, total);
        labelChars = std::max(labelChars, std::min<std::size_t>(r.label.size(), 28));
    }
    const int labelWidth = int(labelChars) * 8 + 16, barWidth = 420, rowHeight = 22;
    const int width = labelWidth + barWidth + 60, height = int(rows.size()) * rowHeight + 6;
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                      std::to_string(width) + "\" height=\"" + std::to_string(height) +
                      "\" viewBox=\"0 0 " + std::to_string(width) + ' ' + std::to_string(height) +
                      "\"><title>" + esc(title) + "</title>";
    int y = 3;
    for (const auto &r : rows) {
        std::string label = r.label.size() > 28 ? r.label.substr(0, 27) + "…" : r.label;
        out += "<text x=\"" + std::to_string(labelWidth - 8) + "\" y=\"" + std::to_string(y + 15) +
               "\" text-anchor=\"end\">" + esc(label) + "</text>";
        int x = labelWidth, total = 0;
        for (const auto &s : r.segments) {
            const int w = s.value * barWidth / most;
            total += s.value;
            if (w > 0)
                out += "<rect class=\"" + std::string(s.cls) + "\" x=\"" + std::to_string(x) +
                       "\" y=\"" + std::to_string(y + 2) + "\" width=\"" + std::to_string(w) +
                       "\" height=\"" + std::to_string(rowHeight - 6) + "\"/>";
            x += w;
        }
        out += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 15) + "\">" +
               std::to_string(total) + "</text>";
        y += rowHeight;
    }
    return out + "</svg>";
}

std::string card(int value, const std::string &label)
{
    return "<div class=\"card\"><b>" + std::to_string(value) + "</b>" + esc(label) + "</div>";
}

std::string charts(const Engine::WorkspaceSummary &s)
{
    std::string out = "<h2>" +
                      esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Readiness per namespace"))) +
                      "</h2>\n";
    std::vector<BarRow> readiness, rejected, checks;
    for (const auto &n : s.perNamespace) {
        readiness.push_back(
            {n.name,
             {{n.passRestricted, "ok"}, {n.baselineOnly, "mid"}, {n.privilegedOnly, "bad"}}});
        if (n.numbers.podsRejected + n.numbers.controllersRejected > 0)
            rejected.push_back(
                {n.name,
                 {{n.numbers.podsRejected, "bad"}, {n.numbers.controllersRejected, "mid"}}});
    }
    out +=
        barChart(readiness,
                 rt(QT_TRANSLATE_NOOP("PodSec::Report",
                                      "Workloads per namespace by the strictest level they meet")));
    out += "<p class=\"legend\"><span><i class=\"sw ok\"></i>" +
           esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "meet restricted"))) +
           "</span><span><i class=\"sw mid\"></i>" +
           esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "meet baseline only"))) +
           "</span><span><i class=\"sw bad\"></i>" +
           esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "need privileged"))) + "</span></p>\n";
    out += "<h2>" +
           esc(rtArg(QT_TRANSLATE_NOOP("PodSec::Report", "Checks that fail most at %1"),
                     s.level.toString())) +
           "</h2>\n";
    for (std::size_t i = 0; i < s.checks.size() && i < 12; ++i)
        checks.push_back({s.checks[i].first, {{s.checks[i].second, "bar"}}});
    out += checks.empty()
               ? "<p>" + esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "No check fails."))) + "</p>\n"
               : barChart(checks,
                          rt(QT_TRANSLATE_NOOP("PodSec::Report", "Workloads failing each check"))) +
                     '\n';
    out += "<h2>" + esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Rejected by enforce"))) + "</h2>\n";
    if (rejected.empty())
        return out + "<p>" +
               esc(rt(QT_TRANSLATE_NOOP("PodSec::Report",
                                        "No namespace's enforce mode rejects a workload here."))) +
               "</p>\n";
    out += barChart(rejected,
                    rt(QT_TRANSLATE_NOOP("PodSec::Report",
                                         "Pods rejected, and controllers whose Pods would be")));
    out +=
        "<p class=\"legend\"><span><i class=\"sw bad\"></i>" +
        esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Pods rejected"))) +
        "</span><span><i class=\"sw mid\"></i>" +
        esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "controllers whose Pods would be rejected"))) +
        "</span></p>\n";
    return out;
}

std::string namespaceSection(const WorkspaceSnapshot &snapshot, const Engine::NamespaceSummary &n,
                             const Engine::WorkspaceSummary &s, const ReportOptions &options)
{
    std::string out = "<section id=\"ns-" + esc(n.name) + "\"><h3>" + esc(n.name) + "</h3>\n";
    out += "<p><span class=\"tag\">enforce " + esc(n.enforce) + "</span> <span class=\"tag\">" +
           "audit " + esc(n.audit) + "</span> <span class=\"tag\">warn " + esc(n.warn) +
           "</span></p>\n<p>";
    const auto &k = n.numbers;
    out += esc(QCoreApplication::translate("PodSec::Report",
                                           "%1 workload(s), %2 Pod(s); enforce rejects %3 Pod(s) "
                                           "and the Pods of %4 controller(s); warn: %5, audit: %6; "
                                           "%7 fail %8.")
                   .arg(k.workloads)
                   .arg(k.pods)
                   .arg(k.podsRejected)
                   .arg(k.controllersRejected)
                   .arg(k.warned)
                   .arg(k.audited)
                   .arg(n.failingWorkloads)
                   .arg(QString::fromStdString(s.level.toString()))
                   .toStdString());
    out += "</p>\n";
    if (n.failing.empty())
        return out + "<p>" +
               esc(rtArg(QT_TRANSLATE_NOOP("PodSec::Report", "Every workload passes %1."),
                         s.level.toString())) +
               "</p></section>\n";
    out += "<table><tr><th>" + esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Workload"))) +
           "</th><th>" + esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "What fails"))) + "</th><th>" +
           esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Where"))) + "</th></tr>\n";
    std::size_t shown = 0;
    for (const auto &g : n.failing) {
        if (shown++ == options.maxGroups)
            break;
        const auto &w = snapshot.workloads[std::size_t(g.workload)];
        out += "<tr><td>" + esc(g.name) + " <span class=\"tag\">" + esc(g.kind) +
               "</span></td><td>" + esc(groupLine(g)) + "</td><td><code>" +
               esc(Engine::workloadSource(snapshot, w)) + "</code></td></tr>\n";
    }
    out += "</table>\n";
    if (n.failing.size() > options.maxGroups)
        out += "<p>" +
               esc(QCoreApplication::translate("PodSec::Report",
                                               "… and %1 more (the CSV report lists every one).")
                       .arg(qulonglong(n.failing.size() - options.maxGroups))
                       .toStdString()) +
               "</p>\n";
    return out + "</section>\n";
}

} // namespace

std::string htmlReport(const WorkspaceSnapshot &snapshot, const Engine::WorkspaceSummary &s,
                       const ReportOptions &options)
{
    const std::string title = rt(QT_TRANSLATE_NOOP("PodSec::Report", "Pod Security report"));
    const std::string lang = QLocale().name().startsWith(QLatin1String("zh")) ? "zh-CN" : "en";
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + lang +
                      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                      "content=\"width=device-width\"><title>" +
                      esc(title) + "</title><style>" + Style + "</style></head><body>\n";
    out += "<h1>" + esc(title) + "</h1>\n<p class=\"meta\">";
    if (!options.source.empty())
        out += esc(options.source) + " · ";
    out += esc(s.level.toString()) + " · podsec " + esc(buildInfo().version);
    if (!options.generated.empty())
        out += " · " + esc(options.generated);
    out +=
        "</p>\n<div class=\"cards\">" +
        card(s.namespaces, rt(QT_TRANSLATE_NOOP("PodSec::Report", "namespaces"))) +
        card(s.workloads, rt(QT_TRANSLATE_NOOP("PodSec::Report", "workloads"))) +
        card(s.pods, rt(QT_TRANSLATE_NOOP("PodSec::Report", "Pods"))) +
        card(s.podsRejected, rt(QT_TRANSLATE_NOOP("PodSec::Report", "Pods rejected by enforce"))) +
        card(s.controllersRejected,
             rt(QT_TRANSLATE_NOOP("PodSec::Report", "controllers whose Pods enforce rejects"))) +
        card(s.failing, rtArg(QT_TRANSLATE_NOOP("PodSec::Report", "workloads failing %1"),
                              s.level.toString())) +
        "</div>\n";
    out += charts(s);
    out += "<h2>" + esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "Namespaces"))) + "</h2>\n";
    for (const auto &n : s.perNamespace)
        out += namespaceSection(snapshot, n, s, options);
    if (!s.checks.empty()) {
        out += "<h2>" + esc(rt(QT_TRANSLATE_NOOP("PodSec::Report", "How to fix"))) + "</h2>\n<p>" +
               esc(rt(QT_TRANSLATE_NOOP(
                   "PodSec::Report",
                   "podsec fix and the window's Fix menu write most of these changes; "
                   "podsec explain CHECK says more about each."))) +
               "</p>\n";
        for (const auto &[id, count] : s.checks) {
            out += "<h3><code>" + esc(id) + "</code> <span class=\"tag\">" +
                   esc(QCoreApplication::translate("PodSec::Report", "%1 workload(s)")
                           .arg(count)
                           .toStdString()) +
                   "</span></h3>\n<p>" + esc(howToFix(id)) + "</p>\n";
        }
    }
    return out + "</body></html>\n";
}

} // namespace PodSec::Report
