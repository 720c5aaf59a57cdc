// SPDX-License-Identifier: Apache-2.0
// The JUnit XML report: one test suite per file, one test case per object, one failure per
// denied check, and a suite for input errors. The counts in the <testsuites> and
// <testsuite> start tags come before their bodies, so the rendered test cases are kept
// until their suite (and the document) is complete.
#include "reports.h"

#include <QBuffer>
#include <QXmlStreamWriter>

namespace PodSec::Cli {

namespace {

/// UTF-8 text as XML 1.0 can carry it: characters XML cannot represent (C0 controls other
/// than tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD.
QString xmlString(std::string_view s)
{
    QString text = QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0xFFFE || u == 0xFFFF)
            c = QChar(QChar::ReplacementCharacter);
    }
    return text;
}

/// A QXmlStreamWriter into memory that can also take XML rendered earlier (the test cases
/// and suites the report keeps).
class XmlOut
{
public:
    XmlOut()
    {
        m_buffer.open(QIODevice::WriteOnly);
        m_writer.setDevice(&m_buffer);
    }

    QXmlStreamWriter &writer() { return m_writer; }
    void indent(int spaces) { m_writer.writeCharacters(QString(spaces, QLatin1Char(' '))); }
    void newline() { m_writer.writeCharacters(QStringLiteral("\n")); }
    void attribute(const char *name, std::string_view value)
    {
        m_writer.writeAttribute(QLatin1String(name), xmlString(value));
    }
    void attribute(const char *name, std::size_t value)
    {
        m_writer.writeAttribute(QLatin1String(name), QString::number(value));
    }
    /// Character data, with tab, line feed and carriage return as character references
    /// (so a multi-line failure body stays on the failure's line).
    void text(std::string_view value)
    {
        const QString s = xmlString(value);
        qsizetype from = 0;
        for (qsizetype i = 0; i < s.size(); ++i) {
            const char16_t u = s.at(i).unicode();
            if (u != '\t' && u != '\n' && u != '\r')
                continue;
            m_writer.writeCharacters(s.mid(from, i - from));
            m_writer.writeEntityReference(QStringLiteral("#") + QString::number(int(u)));
            from = i + 1;
        }
        m_writer.writeCharacters(s.mid(from)); // also ends an open start tag
    }
    /// XML written earlier, where the writer stands (after a start tag was ended).
    void raw(const std::string &xml) { m_buffer.write(xml.data(), qint64(xml.size())); }
    std::string result() const { return m_bytes.toStdString(); }

private:
    QByteArray m_bytes;
    QBuffer m_buffer{&m_bytes};
    QXmlStreamWriter m_writer;
};

class JUnitReport : public ReportFormat
{
public:
    using ReportFormat::ReportFormat;

    ReportFragment object(const std::string &file, const EvaluatedObject &o) const override
    {
        ReportFragment fragment;
        XmlOut x;
        auto &w = x.writer();
        x.indent(4);
        w.writeStartElement(QStringLiteral("testcase"));
        x.attribute("classname", file);
        x.attribute("name", objectLabel(o) + " (document " + std::to_string(o.document) +
                                (o.item >= 0 ? ", item " + std::to_string(o.item) : "") + ")");
        x.newline();
        for (const auto &r : o.evaluation.results) {
            if (r.allowed)
                continue;
            fragment.anyCheckDenied = true;
            x.indent(6);
            w.writeStartElement(QStringLiteral("failure"));
            x.attribute("type", r.id);
            x.attribute("message", r.reason + " (" + r.detail + ")");
            std::string body;
            for (const auto &f : r.fields) {
                if (!f.allowed)
                    body += file + ':' + std::to_string(f.line) + ':' + std::to_string(f.column) +
                            ": " + f.path + '\n';
            }
            x.text(body);
            w.writeEndElement();
            x.newline();
        }
        fragment.anyCheckDenied = writeFindings(x, file, o.checklist) || fragment.anyCheckDenied;
        x.indent(4);
        w.writeEndElement();
        x.newline();
        fragment.text = x.result();
        return fragment;
    }

    /// One failure per checklist finding at the --fail-on severity or worse; true if any.
    bool writeFindings(XmlOut &x, const std::string &file,
                       const std::vector<Engine::Finding> &findings) const
    {
        bool any = false;
        for (const auto &f : findings) {
            if (f.allowed || !Engine::atLeast(f.severity(), m_context.failOn))
                continue;
            any = true;
            x.indent(6);
            x.writer().writeStartElement(QStringLiteral("failure"));
            x.attribute("type", f.rule->id);
            x.attribute("message", std::string(Engine::severityName(f.severity())) + ": " +
                                       f.reason + " (" + f.detail + ")");
            std::string body;
            for (const auto &field : f.fields) {
                if (!field.allowed)
                    body += (field.file.empty() ? file : field.file) + ':' +
                            std::to_string(field.line) + ':' + std::to_string(field.column) + ": " +
                            field.path + '\n';
            }
            x.text(body);
            x.writer().writeEndElement();
            x.newline();
        }
        return any;
    }

    std::string fileStarted(const std::string &file) override
    {
        closeSuite();
        m_suiteName = file;
        return {};
    }

    std::string append(const ReportFragment &fragment) override
    {
        ++m_suiteTests;
        ++m_totalTests;
        if (fragment.anyCheckDenied) {
            ++m_suiteFailures;
            ++m_totalFailures;
        }
        m_suiteBody += fragment.text;
        return {};
    }

    std::string end(const Summary &, const std::vector<FileError> &errors) override
    {
        closeSuite();
        if (!namespaces.empty()) {
            m_suiteName = "namespaces";
            for (const auto &ns : namespaces) {
                XmlOut x;
                x.indent(4);
                x.writer().writeStartElement(QStringLiteral("testcase"));
                x.attribute("classname", ns.source.empty() ? std::string("namespaces") : ns.source);
                x.attribute("name", "Namespace " + ns.name);
                x.newline();
                ReportFragment fragment;
                fragment.anyCheckDenied = writeFindings(x, ns.source, ns.findings);
                x.indent(4);
                x.writer().writeEndElement();
                x.newline();
                fragment.text = x.result();
                append(fragment);
            }
            closeSuite();
        }
        XmlOut x;
        auto &w = x.writer();
        w.writeStartDocument();
        x.newline();
        w.writeStartElement(QStringLiteral("testsuites"));
        x.attribute("name", ToolName);
        x.attribute("tests", m_totalTests + errors.size());
        x.attribute("failures", m_totalFailures);
        x.attribute("errors", errors.size());
        x.newline();
        x.raw(m_suites);
        if (!errors.empty()) {
            x.indent(2);
            w.writeStartElement(QStringLiteral("testsuite"));
            x.attribute("name", "input errors");
            x.attribute("tests", errors.size());
            x.attribute("failures", std::size_t(0));
            x.attribute("errors", errors.size());
            x.newline();
            for (const auto &e : errors) {
                x.indent(4);
                w.writeStartElement(QStringLiteral("testcase"));
                x.attribute("classname", e.file);
                x.attribute("name", e.file + ':' + std::to_string(e.diagnostic.line) + ':' +
                                        std::to_string(e.diagnostic.column));
                x.newline();
                x.indent(6);
                w.writeEmptyElement(QStringLiteral("error"));
                x.attribute("message", e.diagnostic.message);
                x.newline();
                x.indent(4);
                w.writeEndElement();
                x.newline();
            }
            x.indent(2);
            w.writeEndElement();
            x.newline();
        }
        w.writeEndElement();
        x.newline();
        return x.result();
    }

private:
    void closeSuite()
    {
        if (m_suiteName.empty())
            return;
        XmlOut x;
        x.indent(2);
        x.writer().writeStartElement(QStringLiteral("testsuite"));
        x.attribute("name", m_suiteName);
        x.attribute("tests", m_suiteTests);
        x.attribute("failures", m_suiteFailures);
        x.attribute("errors", std::size_t(0));
        x.newline();
        x.raw(m_suiteBody);
        x.indent(2);
        x.writer().writeEndElement();
        x.newline();
        m_suites += x.result();
        m_suiteName.clear();
        m_suiteBody.clear();
        m_suiteTests = m_suiteFailures = 0;
    }

    std::string m_suites, m_suiteName, m_suiteBody;
    std::size_t m_suiteTests = 0, m_suiteFailures = 0, m_totalTests = 0, m_totalFailures = 0;
};

} // namespace

std::unique_ptr<ReportFormat> createJUnitReport(const ReportContext &context)
{
    return std::make_unique<JUnitReport>(context);
}

} // namespace PodSec::Cli
