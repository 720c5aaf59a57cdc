// SPDX-License-Identifier: Apache-2.0
#include "reportformat.h"

#include "common/textescape.h"
#include "policy/registry.h"

namespace PodSec::Cli {

namespace {

constexpr const char *ToolName = "podsec";
constexpr const char *ToolVersion = PODSEC_VERSION_STRING;

std::string objectLabel(const EvaluatedObject &o)
{
    std::string label = o.kind + ' ';
    if (!o.namespaceName.empty())
        label += o.namespaceName + '/';
    label += o.name.empty() ? std::string("<unnamed>") : o.name;
    return label;
}

/// Joins fragments of a JSON array with commas, skipping empty ones.
class CommaList
{
public:
    std::string add(const std::string &fragment)
    {
        if (fragment.empty())
            return {};
        const bool first = !m_any;
        m_any = true;
        return first ? fragment : ',' + fragment;
    }

private:
    bool m_any = false;
};

// ---------------------------------------------------------------- JSON

void appendModeJson(std::string &out, const Admission::ModeResult &m)
{
    out += "{\"policy\":";
    appendJsonString(out, m.policy.toString());
    out += ",\"applies\":";
    out += m.applies ? "true" : "false";
    out += ",\"allowed\":";
    out += m.allowed ? "true" : "false";
    out += ",\"message\":";
    appendJsonString(out, m.message);
    out += '}';
}

class JsonFormat : public ReportFormat
{
public:
    using ReportFormat::ReportFormat;

    std::string begin() override
    {
        std::string out = "{\"schemaVersion\":1,\"tool\":{\"name\":\"podsec\",\"version\":";
        appendJsonString(out, ToolVersion);
        out += "},\"policy\":{\"level\":";
        appendJsonString(out, Policy::levelName(m_context.options.policy.level));
        out += ",\"version\":";
        appendJsonString(out, m_context.options.policy.version.toString());
        out += "},\"admission\":";
        out += m_context.options.admission ? "true" : "false";
        out += ",\"objects\":[";
        return out;
    }

    std::string object(const std::string &file, const EvaluatedObject &o) const override
    {
        std::string out;
        out.reserve(4096);
        out += "\n{\"source\":{\"file\":";
        appendJsonString(out, file);
        out += ",\"document\":" + std::to_string(o.document);
        if (o.item >= 0)
            out += ",\"item\":" + std::to_string(o.item);
        out += ",\"line\":" + std::to_string(o.line) + ",\"column\":" + std::to_string(o.column);
        out += "},\"apiVersion\":";
        appendJsonString(out, o.apiVersion);
        out += ",\"kind\":";
        appendJsonString(out, o.kind);
        out += ",\"namespace\":";
        if (o.namespaceName.empty())
            out += "null";
        else
            appendJsonString(out, o.namespaceName);
        out += ",\"name\":";
        appendJsonString(out, o.name);
        out += ",\"allowed\":";
        out += o.allowed() ? "true" : "false";
        out += ",\"message\":";
        appendJsonString(out, o.evaluation.aggregateDetail());
        out += ",\"checks\":[";
        bool firstCheck = true;
        for (const auto &r : o.evaluation.results) {
            if (!firstCheck)
                out += ',';
            firstCheck = false;
            out += "\n {\"id\":";
            appendJsonString(out, r.id);
            out += ",\"level\":";
            appendJsonString(out, Policy::levelName(r.level));
            out += ",\"allowed\":";
            out += r.allowed ? "true" : "false";
            if (!r.allowed) {
                out += ",\"reason\":";
                appendJsonString(out, r.reason);
                out += ",\"detail\":";
                appendJsonString(out, r.detail);
            }
            out += ",\"fields\":[";
            for (std::size_t i = 0; i < r.fields.size(); ++i) {
                const auto &f = r.fields[i];
                if (i)
                    out += ',';
                out += "{\"path\":";
                appendJsonString(out, f.path);
                out += ",\"present\":";
                out += f.present ? "true" : "false";
                out += ",\"value\":";
                out += f.value;
                out += ",\"allowed\":";
                out += f.allowed ? "true" : "false";
                out += ",\"line\":" + std::to_string(f.line) +
                       ",\"column\":" + std::to_string(f.column) + '}';
            }
            out += "]}";
        }
        out += ']';
        if (o.admission) {
            const auto &a = *o.admission;
            out += ",\n \"admission\":{\"enforce\":";
            appendModeJson(out, a.enforce);
            out += ",\"audit\":";
            appendModeJson(out, a.audit);
            out += ",\"warn\":";
            appendModeJson(out, a.warn);
            out += ",\"exempt\":";
            if (a.exempt == Admission::Exemption::None)
                out += "null";
            else
                appendJsonString(out, Admission::exemptionName(a.exempt));
            if (!a.policyError.empty()) {
                out += ",\"error\":";
                appendJsonString(out, a.policyError);
            }
            out += '}';
        }
        out += '}';
        return out;
    }

    std::string append(const std::string &fragment) override { return m_list.add(fragment); }

    std::string end(const Summary &s, const std::vector<FileError> &errors) override
    {
        std::string out = "\n],\"errors\":[";
        for (std::size_t i = 0; i < errors.size(); ++i) {
            const auto &e = errors[i];
            if (i)
                out += ',';
            out += "\n{\"file\":";
            appendJsonString(out, e.file);
            out += ",\"line\":" + std::to_string(e.diagnostic.line) +
                   ",\"column\":" + std::to_string(e.diagnostic.column) + ",\"message\":";
            appendJsonString(out, e.diagnostic.message);
            out += '}';
        }
        out += "],\"summary\":{\"objects\":" + std::to_string(s.objects) +
               ",\"allowed\":" + std::to_string(s.allowed) +
               ",\"denied\":" + std::to_string(s.denied) +
               ",\"errors\":" + std::to_string(s.errors) + "}}\n";
        return out;
    }

private:
    CommaList m_list;
};

// ---------------------------------------------------------------- text

class TextFormat : public ReportFormat
{
public:
    using ReportFormat::ReportFormat;

    std::string object(const std::string &, const EvaluatedObject &o) const override
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

// ---------------------------------------------------------------- SARIF

class SarifFormat : public ReportFormat
{
public:
    using ReportFormat::ReportFormat;

    bool wantsFixes() const override { return true; }

    std::string begin() override
    {
        std::string out =
            "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
            "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"podsec\","
            "\"version\":";
        appendJsonString(out, ToolVersion);
        out += ",\"informationUri\":\"https://kubernetes.io/docs/concepts/security/"
               "pod-security-standards/\",\"rules\":[";
        const auto &checks = Policy::registry();
        for (std::size_t i = 0; i < checks.size(); ++i) {
            if (i)
                out += ',';
            out += "\n{\"id\":";
            appendJsonString(out, checks[i].id);
            out += ",\"name\":";
            appendJsonString(out, checks[i].id);
            out += ",\"shortDescription\":{\"text\":";
            appendJsonString(out, std::string("Pod Security Standards check ") +
                                      std::string(checks[i].id) + " (" +
                                      Policy::levelName(checks[i].level) + ")");
            out += "},\"properties\":{\"level\":";
            appendJsonString(out, Policy::levelName(checks[i].level));
            out += "}}";
        }
        out += "]}},\"results\":[";
        return out;
    }

    std::string object(const std::string &file, const EvaluatedObject &o) const override
    {
        std::string out;
        const auto &checks = Policy::registry();
        for (const auto &r : o.evaluation.results) {
            if (r.allowed)
                continue;
            std::size_t ruleIndex = 0;
            while (ruleIndex < checks.size() && checks[ruleIndex].id != r.id)
                ++ruleIndex;
            std::uint32_t line = o.line, column = o.column;
            std::string fieldPath;
            for (const auto &f : r.fields) {
                if (!f.allowed) {
                    line = f.line;
                    column = f.column;
                    fieldPath = f.path;
                    break;
                }
            }
            if (!out.empty())
                out += ',';
            out += "\n{\"ruleId\":";
            appendJsonString(out, r.id);
            out += ",\"ruleIndex\":" + std::to_string(ruleIndex) +
                   ",\"level\":\"error\",\"message\":{\"text\":";
            appendJsonString(out, objectLabel(o) + ": " + r.reason + " (" + r.detail + ")");
            out += "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
            appendJsonString(out, file);
            out += "},\"region\":{\"startLine\":" + std::to_string(line) +
                   ",\"startColumn\":" + std::to_string(column) + "}}";
            out += ",\"logicalLocations\":[{\"fullyQualifiedName\":";
            appendJsonString(out, objectLabel(o) + (fieldPath.empty() ? "" : ": " + fieldPath));
            out += "}]}],\"properties\":{\"policy\":";
            appendJsonString(out, o.evaluation.policy.toString());
            out += ",\"reason\":";
            appendJsonString(out, r.reason);
            out += ",\"detail\":";
            appendJsonString(out, r.detail);
            out += '}';
            appendFixes(out, file, o, r.id);
            out += '}';
        }
        return out;
    }

    std::string append(const std::string &fragment) override { return m_list.add(fragment); }

    /// The edits `podsec fix` would make for this check, as SARIF fixes (byte regions of
    /// the original file).
    static void appendFixes(std::string &out, const std::string &file, const EvaluatedObject &o,
                            std::string_view checkId)
    {
        bool first = true;
        for (const auto &fix : o.fixes) {
            if (fix.checkId != checkId)
                continue;
            out += first ? ",\"fixes\":[" : ",";
            first = false;
            out += "{\"description\":{\"text\":";
            appendJsonString(out, fix.title);
            out += "},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":";
            appendJsonString(out, file);
            out += "},\"replacements\":[";
            for (std::size_t i = 0; i < fix.edits.size(); ++i) {
                const auto &e = fix.edits[i];
                out += i ? ",{" : "{";
                out += "\"deletedRegion\":{\"byteOffset\":" + std::to_string(e.offset) +
                       ",\"byteLength\":" + std::to_string(e.length) +
                       "},\"insertedContent\":{\"text\":";
                appendJsonString(out, e.text);
                out += "}}";
            }
            out += "]}]}";
        }
        if (!first)
            out += ']';
    }

    std::string end(const Summary &, const std::vector<FileError> &errors) override
    {
        std::string out = "],\"invocations\":[{\"executionSuccessful\":";
        out += errors.empty() ? "true" : "false";
        out += ",\"toolExecutionNotifications\":[";
        for (std::size_t i = 0; i < errors.size(); ++i) {
            const auto &e = errors[i];
            if (i)
                out += ',';
            out += "{\"level\":\"error\",\"message\":{\"text\":";
            appendJsonString(out, e.diagnostic.message);
            out += "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
            appendJsonString(out, e.file);
            out += "},\"region\":{\"startLine\":" + std::to_string(e.diagnostic.line) +
                   ",\"startColumn\":" + std::to_string(e.diagnostic.column) + "}}}]}";
        }
        out += "]}]}]}\n";
        return out;
    }

private:
    CommaList m_list;
};

// ---------------------------------------------------------------- JUnit

class JUnitFormat : public ReportFormat
{
public:
    using ReportFormat::ReportFormat;

    std::string object(const std::string &file, const EvaluatedObject &o) const override
    {
        std::string out = "    <testcase classname=\"";
        appendXmlEscaped(out, file);
        out += "\" name=\"";
        appendXmlEscaped(out, objectLabel(o) + " (document " + std::to_string(o.document) +
                                  (o.item >= 0 ? ", item " + std::to_string(o.item) : "") + ")");
        out += "\">\n";
        for (const auto &r : o.evaluation.results) {
            if (r.allowed)
                continue;
            out += "      <failure type=\"";
            appendXmlEscaped(out, r.id);
            out += "\" message=\"";
            appendXmlEscaped(out, r.reason + " (" + r.detail + ")");
            out += "\">";
            std::string body;
            for (const auto &f : r.fields) {
                if (!f.allowed)
                    body += file + ':' + std::to_string(f.line) + ':' + std::to_string(f.column) +
                            ": " + f.path + '\n';
            }
            appendXmlEscaped(out, body);
            out += "</failure>\n";
        }
        out += "    </testcase>\n";
        return out;
    }

    std::string fileStarted(const std::string &file) override
    {
        closeSuite();
        m_suiteName = file;
        return {};
    }

    std::string append(const std::string &fragment) override
    {
        ++m_suiteTests;
        ++m_totalTests;
        if (fragment.find("<failure") != std::string::npos) {
            ++m_suiteFailures;
            ++m_totalFailures;
        }
        m_suiteBody += fragment;
        return {};
    }

    std::string end(const Summary &, const std::vector<FileError> &errors) override
    {
        closeSuite();
        std::string errorSuite;
        if (!errors.empty()) {
            errorSuite = "  <testsuite name=\"input errors\" tests=\"" +
                         std::to_string(errors.size()) + "\" failures=\"0\" errors=\"" +
                         std::to_string(errors.size()) + "\">\n";
            for (const auto &e : errors) {
                errorSuite += "    <testcase classname=\"";
                appendXmlEscaped(errorSuite, e.file);
                errorSuite += "\" name=\"";
                appendXmlEscaped(errorSuite, e.file + ':' + std::to_string(e.diagnostic.line) +
                                                 ':' + std::to_string(e.diagnostic.column));
                errorSuite += "\">\n      <error message=\"";
                appendXmlEscaped(errorSuite, e.diagnostic.message);
                errorSuite += "\"/>\n    </testcase>\n";
            }
            errorSuite += "  </testsuite>\n";
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"podsec\" tests=\"" +
               std::to_string(m_totalTests + errors.size()) + "\" failures=\"" +
               std::to_string(m_totalFailures) + "\" errors=\"" + std::to_string(errors.size()) +
               "\">\n" + m_suites + errorSuite + "</testsuites>\n";
    }

private:
    void closeSuite()
    {
        if (m_suiteName.empty())
            return;
        std::string head = "  <testsuite name=\"";
        appendXmlEscaped(head, m_suiteName);
        head += "\" tests=\"" + std::to_string(m_suiteTests) + "\" failures=\"" +
                std::to_string(m_suiteFailures) + "\" errors=\"0\">\n";
        m_suites += head + m_suiteBody + "  </testsuite>\n";
        m_suiteName.clear();
        m_suiteBody.clear();
        m_suiteTests = m_suiteFailures = 0;
    }

    std::string m_suites, m_suiteName, m_suiteBody;
    std::size_t m_suiteTests = 0, m_suiteFailures = 0, m_totalTests = 0, m_totalFailures = 0;
};

} // namespace

std::unique_ptr<ReportFormat> createFormat(const std::string &name, const ReportContext &context)
{
    if (name == "text")
        return std::make_unique<TextFormat>(context);
    if (name == "json")
        return std::make_unique<JsonFormat>(context);
    if (name == "sarif")
        return std::make_unique<SarifFormat>(context);
    if (name == "junit")
        return std::make_unique<JUnitFormat>(context);
    return nullptr;
}

} // namespace PodSec::Cli
