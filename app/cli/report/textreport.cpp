// SPDX-License-Identifier: Apache-2.0
// The text report: per file, PASS/FAIL per object with the failing checks and fields.
#include "reports.h"

namespace PodSec::Cli {

namespace {

class TextReport : public ReportFormat
{
public:
    using ReportFormat::ReportFormat;

    ReportFragment object(const std::string &, const EvaluatedObject &o) const override
    {
        const bool c = m_context.colour;
        const char *red = c ? "\x1b[31m" : "";
        const char *green = c ? "\x1b[32m" : "";
        const char *yellow = c ? "\x1b[33m" : "";
        const char *bold = c ? "\x1b[1m" : "";
        const char *dim = c ? "\x1b[2m" : "";
        const char *reset = c ? "\x1b[0m" : "";
        std::string out;
        const bool ok = o.podBearing ? o.allowed() : !failsChecklist(o.checklist);
        out += "  ";
        out += ok ? green : red;
        out += ok ? "PASS" : "FAIL";
        out += reset;
        out += "  ";
        out += bold + objectLabel(o) + reset;
        out += dim;
        out += "  line " + std::to_string(o.line);
        if (o.item >= 0)
            out += ", List item " + std::to_string(o.item);
        out += reset;
        out += '\n';
        if (!o.hasTemplate && o.podBearing)
            out += std::string("        ") + dim + "no pod template: nothing to evaluate" + reset +
                   '\n';
        for (const auto &r : o.evaluation.results) {
            if (r.allowed)
                continue;
            out += "        ";
            out += red;
            out += std::string(r.id);
            out += reset;
            out += ": " + r.reason + " (" + r.detail + ")\n";
            for (const auto &f : r.fields) {
                if (f.allowed)
                    continue;
                out += "            ";
                out += dim;
                if (!f.file.empty())
                    out += f.file + ':';
                out += std::to_string(f.line) + ':' + std::to_string(f.column);
                out += reset;
                out += "  " + f.path;
                out += f.present ? " = " + f.value : std::string(" (not set)");
                out += '\n';
            }
        }
        writeFindings(out, o.checklist);
        if (o.admission) {
            const auto &a = *o.admission;
            if (a.exempt != Admission::Exemption::None) {
                out += std::string("        ") + yellow + "exempt (" +
                       Admission::exemptionName(a.exempt) + ")" + reset + '\n';
            } else {
                auto mode = [&](const char *name, const Admission::ModeResult &m) {
                    out += std::string("        ") + name + ' ' + m.policy.toString() + ": ";
                    if (!m.applies)
                        out += std::string(dim) + "not applied" + reset;
                    else if (m.allowed)
                        out += std::string(green) + "pass" + reset;
                    else
                        out += std::string(red) + m.message + reset;
                    out += '\n';
                };
                mode("enforce", a.enforce);
                mode("audit  ", a.audit);
                mode("warn   ", a.warn);
            }
            if (!a.policyError.empty())
                out += std::string("        ") + yellow + a.policyError + reset + '\n';
        }
        return out;
    }

    std::string fileStarted(const std::string &file) override
    {
        const char *bold = m_context.colour ? "\x1b[1m" : "";
        const char *reset = m_context.colour ? "\x1b[0m" : "";
        const char *separator = m_first ? "" : "\n";
        m_first = false;
        return separator + std::string(bold) + file + reset + '\n';
    }

    std::string end(const Summary &s, const std::vector<FileError> &) override
    {
        std::string out;
        if (m_context.options.checklist) {
            const char *bold = m_context.colour ? "\x1b[1m" : "";
            const char *reset = m_context.colour ? "\x1b[0m" : "";
            out += std::string(m_first ? "" : "\n") + bold + "Namespaces" + reset + '\n';
            for (const auto &ns : namespaces) {
                out += "  " + std::string(failsChecklist(ns.findings) ? "FAIL" : "PASS") + "  " +
                       bold + "Namespace " + ns.name + reset;
                out +=
                    ns.source.empty() ? std::string("  (no Namespace object)") : "  " + ns.source;
                out += '\n';
                writeFindings(out, ns.findings);
            }
            out += "\nchecklist: " + std::to_string(s.checklist[0]) + " deny, " +
                   std::to_string(s.checklist[1]) + " danger, " + std::to_string(s.checklist[2]) +
                   " warning, " + std::to_string(s.checklist[3]) + " info";
            if (!m_context.options.pss)
                return out + '\n';
        }
        return out + "\n" + std::to_string(s.objects) + (s.objects == 1 ? " object" : " objects") +
               (m_context.options.admission ? std::string(" by namespace enforce policy")
                                            : " at " + m_context.options.policy.toString()) +
               ": " + std::to_string(s.allowed) + " allowed, " + std::to_string(s.denied) +
               " denied, " + std::to_string(s.errors) + (s.errors == 1 ? " error" : " errors") +
               '\n';
    }

private:
    bool failsChecklist(const std::vector<Engine::Finding> &findings) const
    {
        for (const auto &f : findings) {
            if (!f.allowed && Engine::atLeast(f.severity(), m_context.failOn))
                return true;
        }
        return false;
    }

    /// `<severity> <id>: <reason> (<detail>)`, one line per failing finding, with its
    /// failing fields (spec/checklist.md §1).
    void writeFindings(std::string &out, const std::vector<Engine::Finding> &findings) const
    {
        const bool c = m_context.colour;
        for (const auto &f : findings) {
            if (f.allowed)
                continue;
            const Engine::Severity severity = f.severity();
            const char *colour = !c                                      ? ""
                                 : severity == Engine::Severity::Info    ? "\x1b[36m"
                                 : severity == Engine::Severity::Warning ? "\x1b[33m"
                                                                         : "\x1b[31m";
            out += "        ";
            out += colour;
            out += std::string(Engine::severityName(severity)) + ' ' + std::string(f.rule->id);
            out += c ? "\x1b[0m" : "";
            out += ": " + f.reason + " (" + f.detail + ")\n";
            for (const auto &field : f.fields) {
                if (field.allowed)
                    continue;
                out += "            ";
                out += c ? "\x1b[2m" : "";
                if (!field.file.empty())
                    out += field.file + ':';
                out += std::to_string(field.line) + ':' + std::to_string(field.column);
                out += c ? "\x1b[0m" : "";
                out += "  " + field.path;
                out += field.present ? " = " + field.value : std::string(" (not set)");
                out += '\n';
            }
        }
    }

    bool m_first = true;
};

} // namespace

std::unique_ptr<ReportFormat> createTextReport(const ReportContext &context)
{
    return std::make_unique<TextReport>(context);
}

} // namespace PodSec::Cli
