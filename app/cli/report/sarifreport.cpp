// SPDX-License-Identifier: Apache-2.0
// The SARIF 2.1.0 report: one rule per check, one result per denied check, with the edits
// `podsec fix` would make as fixes.
#include "jsonwriter.h"
#include "reports.h"

#include "policy/registry.h"

namespace PodSec::Cli {

namespace {

void writeLocation(JsonWriter &w, const std::string &file, std::uint32_t line, std::uint32_t column)
{
    w.key("physicalLocation").beginObject();
    w.key("artifactLocation").beginObject().key("uri").value(file).endObject();
    w.key("region").beginObject();
    w.key("startLine").value(line);
    w.key("startColumn").value(column);
    w.endObject();
    w.endObject();
}

/// The edits `podsec fix` would make for this check, as SARIF fixes (byte regions of the
/// original file).
void writeFixes(JsonWriter &w, const std::string &file, const EvaluatedObject &o,
                std::string_view checkId)
{
    bool any = false;
    for (const auto &fix : o.fixes) {
        if (fix.checkId != checkId)
            continue;
        if (!any)
            w.key("fixes").beginArray();
        any = true;
        w.beginObject();
        w.key("description").beginObject().key("text").value(fix.title).endObject();
        w.key("artifactChanges").beginArray().beginObject();
        w.key("artifactLocation").beginObject().key("uri").value(file).endObject();
        w.key("replacements").beginArray();
        for (const auto &e : fix.edits) {
            w.beginObject();
            w.key("deletedRegion").beginObject();
            w.key("byteOffset").value(e.offset);
            w.key("byteLength").value(e.length);
            w.endObject();
            w.key("insertedContent").beginObject().key("text").value(e.text).endObject();
            w.endObject();
        }
        w.endArray();
        w.endObject().endArray();
        w.endObject();
    }
    if (any)
        w.endArray();
}

const char *sarifLevel(Engine::Severity severity)
{
    switch (severity) {
    case Engine::Severity::Deny:
    case Engine::Severity::Danger:
        return "error";
    case Engine::Severity::Warning:
        return "warning";
    case Engine::Severity::Info:
        return "note";
    }
    return "note";
}

class SarifReport : public ReportFormat
{
public:
    using ReportFormat::ReportFormat;

    bool wantsFixes() const override { return true; }

    std::string begin() override
    {
        JsonWriter &w = m_writer;
        w.beginObject();
        w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
        w.key("version").value("2.1.0");
        w.key("runs").beginArray().beginObject();
        w.key("tool").beginObject().key("driver").beginObject();
        w.key("name").value(ToolName);
        w.key("version").value(ToolVersion);
        w.key("informationUri")
            .value("https://kubernetes.io/docs/concepts/security/pod-security-standards/");
        w.key("rules").beginArray();
        for (const auto &check : Policy::registry()) {
            const std::string level = Policy::levelName(check.level);
            w.lineBreak().beginObject();
            w.key("id").value(check.id);
            w.key("name").value(check.id);
            w.key("shortDescription").beginObject();
            w.key("text").value("Pod Security Standards check " + std::string(check.id) + " (" +
                                level + ")");
            w.endObject();
            w.key("properties").beginObject().key("level").value(level).endObject();
            w.endObject();
        }
        if (m_context.options.checklist) {
            for (const auto &rule : Engine::findRuleSet("checklist")->rules()) {
                w.lineBreak().beginObject();
                w.key("id").value(rule.id);
                w.key("name").value(rule.id);
                w.key("shortDescription").beginObject();
                w.key("text").value("Security checklist rule " + std::string(rule.id) + " (" +
                                    Engine::severityName(rule.severity) + ", seed chapter " +
                                    std::to_string(rule.seedChapter) + ")");
                w.endObject();
                w.key("defaultConfiguration").beginObject();
                w.key("level").value(sarifLevel(rule.severity));
                w.endObject();
                w.key("properties").beginObject();
                w.key("severity").value(Engine::severityName(rule.severity));
                w.endObject();
                w.endObject();
            }
        }
        w.endArray();
        w.endObject().endObject(); // driver, tool
        w.key("results").beginArray();
        return w.take();
    }

    ReportFragment object(const std::string &file, const EvaluatedObject &o) const override
    {
        JsonWriter w;
        const auto &checks = Policy::registry();
        for (const auto &r : o.evaluation.results) {
            if (r.allowed)
                continue;
            std::size_t ruleIndex = 0;
            while (ruleIndex < checks.size() && checks[ruleIndex].id != r.id)
                ++ruleIndex;
            std::uint32_t line = o.line, column = o.column;
            std::string fieldPath;
            std::string location = file;
            for (const auto &f : r.fields) {
                if (!f.allowed) {
                    if (!f.file.empty())
                        location = f.file;
                    line = f.line;
                    column = f.column;
                    fieldPath = f.path;
                    break;
                }
            }
            w.lineBreak().beginObject();
            w.key("ruleId").value(r.id);
            w.key("ruleIndex").value(ruleIndex);
            w.key("level").value("error");
            w.key("message").beginObject();
            w.key("text").value(objectLabel(o) + ": " + r.reason + " (" + r.detail + ")");
            w.endObject();
            w.key("locations").beginArray().beginObject();
            writeLocation(w, location, line, column);
            w.key("logicalLocations").beginArray().beginObject();
            w.key("fullyQualifiedName")
                .value(objectLabel(o) + (fieldPath.empty() ? "" : ": " + fieldPath));
            w.endObject().endArray();
            w.endObject().endArray();
            w.key("properties").beginObject();
            w.key("policy").value(o.evaluation.policy.toString());
            w.key("reason").value(r.reason);
            w.key("detail").value(r.detail);
            w.endObject();
            writeFixes(w, file, o, r.id);
            w.endObject();
        }
        for (const auto &f : o.checklist)
            writeFinding(w, file, objectLabel(o), o.line, o.column, f);
        return w.take();
    }

    /// One failing checklist finding as a result (deny/danger: error, warning, info: note).
    void writeFinding(JsonWriter &w, const std::string &file, const std::string &label,
                      std::uint32_t line, std::uint32_t column, const Engine::Finding &f) const
    {
        if (f.allowed)
            return;
        std::string where = file, fieldPath;
        for (const auto &field : f.fields) {
            if (!field.allowed) {
                line = field.line;
                column = field.column;
                fieldPath = field.path;
                if (!field.file.empty())
                    where = field.file;
                break;
            }
        }
        const auto &checks = Policy::registry();
        const auto &rules = Engine::findRuleSet("checklist")->rules();
        std::size_t index = 0;
        while (index < rules.size() && &rules[index] != f.rule)
            ++index;
        w.lineBreak().beginObject();
        w.key("ruleId").value(f.rule->id);
        w.key("ruleIndex").value(checks.size() + index);
        w.key("level").value(sarifLevel(f.severity()));
        w.key("message").beginObject();
        w.key("text").value(label + ": " + f.reason + " (" + f.detail + ")");
        w.endObject();
        w.key("locations").beginArray().beginObject();
        writeLocation(w, where, line, column);
        w.key("logicalLocations").beginArray().beginObject();
        w.key("fullyQualifiedName").value(label + (fieldPath.empty() ? "" : ": " + fieldPath));
        w.endObject().endArray();
        w.endObject().endArray();
        w.key("properties").beginObject();
        w.key("severity").value(Engine::severityName(f.severity()));
        w.key("reason").value(f.reason);
        w.key("detail").value(f.detail);
        w.endObject();
        w.endObject();
    }

    std::string append(const ReportFragment &fragment) override
    {
        return m_writer.rawItem(fragment.text).take();
    }

    std::string end(const Summary &, const std::vector<FileError> &errors) override
    {
        JsonWriter &w = m_writer;
        for (const auto &ns : namespaces) {
            JsonWriter item;
            const std::string file =
                ns.source.empty() ? std::string("namespace:") + ns.name : ns.source;
            for (const auto &f : ns.findings)
                writeFinding(item, file, "Namespace " + ns.name, 1, 1, f);
            const std::string text = item.take();
            if (!text.empty())
                w.rawItem(text);
        }
        w.endArray(); // results
        w.key("invocations").beginArray().beginObject();
        w.key("executionSuccessful").value(errors.empty());
        w.key("toolExecutionNotifications").beginArray();
        for (const auto &e : errors) {
            w.beginObject();
            w.key("level").value("error");
            w.key("message").beginObject().key("text").value(e.diagnostic.message).endObject();
            w.key("locations").beginArray().beginObject();
            writeLocation(w, e.file, e.diagnostic.line, e.diagnostic.column);
            w.endObject().endArray();
            w.endObject();
        }
        w.endArray();
        w.endObject().endArray(); // invocations
        w.endObject().endArray(); // runs
        w.endObject().trailer("\n");
        return w.take();
    }

private:
    JsonWriter m_writer;
};

} // namespace

std::unique_ptr<ReportFormat> createSarifReport(const ReportContext &context)
{
    return std::make_unique<SarifReport>(context);
}

} // namespace PodSec::Cli
