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
        const bool ok = o.allowed();
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
        if (!o.hasTemplate)
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
        return "\n" + std::to_string(s.objects) + (s.objects == 1 ? " object" : " objects") +
               (m_context.options.admission ? std::string(" by namespace enforce policy")
                                            : " at " + m_context.options.policy.toString()) +
               ": " + std::to_string(s.allowed) + " allowed, " + std::to_string(s.denied) +
               " denied, " + std::to_string(s.errors) + (s.errors == 1 ? " error" : " errors") +
               '\n';
    }

private:
    bool m_first = true;
};

} // namespace

std::unique_ptr<ReportFormat> createTextReport(const ReportContext &context)
{
    return std::make_unique<TextReport>(context);
}

} // namespace PodSec::Cli
