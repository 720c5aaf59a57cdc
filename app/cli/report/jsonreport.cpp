// SPDX-License-Identifier: Apache-2.0
// The JSON report (shared/spec/cli.md "JSON report"): keys in a fixed order, one object,
// check and error per line.
#include "jsonwriter.h"
#include "reports.h"

#include "policy/registry.h"

namespace PodSec::Cli {

namespace {

void writeMode(JsonWriter &w, const Admission::ModeResult &m)
{
    w.beginObject();
    w.key("policy").value(m.policy.toString());
    w.key("applies").value(m.applies);
    w.key("allowed").value(m.allowed);
    w.key("message").value(m.message);
    w.endObject();
}

void writeAdmission(JsonWriter &w, const Admission::AdmissionResult &a)
{
    w.beginObject();
    w.key("enforce");
    writeMode(w, a.enforce);
    w.key("audit");
    writeMode(w, a.audit);
    w.key("warn");
    writeMode(w, a.warn);
    w.key("exempt");
    if (a.exempt == Admission::Exemption::None)
        w.null();
    else
        w.value(Admission::exemptionName(a.exempt));
    if (!a.policyError.empty())
        w.key("error").value(a.policyError);
    w.endObject();
}

void writeFields(JsonWriter &w, const std::vector<Policy::InspectedField> &fields)
{
    w.key("fields").beginArray();
    for (const auto &f : fields) {
        w.beginObject();
        w.key("path").value(f.path);
        w.key("present").value(f.present);
        w.key("value").rawValue(f.value);
        w.key("allowed").value(f.allowed);
        if (!f.file.empty())
            w.key("file").value(f.file);
        w.key("line").value(f.line);
        w.key("column").value(f.column);
        w.endObject();
    }
    w.endArray();
}

void writeCheck(JsonWriter &w, const Policy::CheckResult &r)
{
    w.lineBreak(" ").beginObject();
    w.key("id").value(r.id);
    w.key("level").value(Policy::levelName(r.level));
    w.key("allowed").value(r.allowed);
    if (!r.allowed) {
        w.key("reason").value(r.reason);
        w.key("detail").value(r.detail);
    }
    writeFields(w, r.fields);
    w.endObject();
}

/// `"checklist": [ {id, severity, allowed, reason, detail, fields} ]` (spec/checklist.md §5).
void writeChecklist(JsonWriter &w, const std::vector<Engine::Finding> &findings)
{
    w.key("checklist").beginArray();
    for (const auto &f : findings) {
        w.lineBreak(" ").beginObject();
        w.key("id").value(f.rule->id);
        w.key("severity").value(Engine::severityName(f.severity()));
        w.key("allowed").value(f.allowed);
        if (!f.allowed) {
            w.key("reason").value(f.reason);
            w.key("detail").value(f.detail);
        }
        writeFields(w, f.fields);
        w.endObject();
    }
    w.endArray();
}

class JsonReport : public ReportFormat
{
public:
    using ReportFormat::ReportFormat;

    std::string begin() override
    {
        m_writer.beginObject();
        m_writer.key("schemaVersion").value(1);
        m_writer.key("tool").beginObject();
        m_writer.key("name").value(ToolName);
        m_writer.key("version").value(ToolVersion);
        m_writer.endObject();
        m_writer.key("policy").beginObject();
        m_writer.key("level").value(Policy::levelName(m_context.options.policy.level));
        m_writer.key("version").value(m_context.options.policy.version.toString());
        m_writer.endObject();
        m_writer.key("admission").value(m_context.options.admission);
        if (m_context.options.checklist || !m_context.options.pss) {
            m_writer.key("rules").beginArray();
            if (m_context.options.pss)
                m_writer.value("pss");
            if (m_context.options.checklist)
                m_writer.value("checklist");
            m_writer.endArray();
        }
        m_writer.key("objects").beginArray();
        return m_writer.take();
    }

    ReportFragment object(const std::string &file, const EvaluatedObject &o) const override
    {
        JsonWriter w;
        w.lineBreak().beginObject();
        w.key("source").beginObject();
        w.key("file").value(file);
        w.key("document").value(o.document);
        if (o.item >= 0)
            w.key("item").value(o.item);
        w.key("line").value(o.line);
        w.key("column").value(o.column);
        w.endObject();
        w.key("apiVersion").value(o.apiVersion);
        w.key("kind").value(o.kind);
        w.key("namespace");
        if (o.namespaceName.empty())
            w.null();
        else
            w.value(o.namespaceName);
        w.key("name").value(o.name);
        if (!o.owner.kind.empty() || !o.owner.name.empty()) {
            w.key("owner").beginObject().key("kind").value(o.owner.kind);
            w.key("name").value(o.owner.name).endObject();
        }
        if (o.podBearing && m_context.options.pss) {
            w.key("allowed").value(o.allowed());
            w.key("message").value(o.evaluation.aggregateDetail());
            w.key("checks").beginArray();
            for (const auto &r : o.evaluation.results)
                writeCheck(w, r);
            w.endArray();
        }
        if (m_context.options.checklist)
            writeChecklist(w, o.checklist);
        if (o.admission) {
            w.lineBreak(" ").key("admission");
            writeAdmission(w, *o.admission);
        }
        w.endObject();
        return w.take();
    }

    std::string append(const ReportFragment &fragment) override
    {
        return m_writer.rawItem(fragment.text).take();
    }

    std::string end(const Summary &s, const std::vector<FileError> &errors) override
    {
        m_writer.lineBreak().endArray();
        if (m_context.options.checklist) {
            m_writer.key("namespaces").beginArray();
            for (const auto &ns : namespaces) {
                m_writer.lineBreak().beginObject();
                m_writer.key("name").value(ns.name);
                m_writer.key("source");
                if (ns.source.empty())
                    m_writer.null();
                else
                    m_writer.value(ns.source);
                writeChecklist(m_writer, ns.findings);
                m_writer.endObject();
            }
            m_writer.lineBreak().endArray();
        }
        m_writer.key("errors").beginArray();
        for (const auto &e : errors) {
            m_writer.lineBreak().beginObject();
            m_writer.key("file").value(e.file);
            m_writer.key("line").value(e.diagnostic.line);
            m_writer.key("column").value(e.diagnostic.column);
            m_writer.key("message").value(e.diagnostic.message);
            m_writer.endObject();
        }
        m_writer.endArray();
        m_writer.key("summary").beginObject();
        m_writer.key("objects").value(s.objects);
        m_writer.key("allowed").value(s.allowed);
        m_writer.key("denied").value(s.denied);
        m_writer.key("errors").value(s.errors);
        if (m_context.options.checklist) {
            m_writer.key("checklist").beginObject();
            for (int k = 0; k < 4; ++k)
                m_writer.key(Engine::severityName(Engine::Severity(k))).value(s.checklist[k]);
            m_writer.endObject();
        }
        m_writer.endObject();
        m_writer.endObject().trailer("\n");
        return m_writer.take();
    }

private:
    JsonWriter m_writer;
};

} // namespace

std::unique_ptr<ReportFormat> createJsonReport(const ReportContext &context)
{
    return std::make_unique<JsonReport>(context);
}

} // namespace PodSec::Cli
