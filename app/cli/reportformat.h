// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/diagnostic.h"
#include "engine/evaluatedobject.h"

#include <memory>
#include <string>
#include <vector>

namespace PodSec::Cli {

struct FileError
{
    std::string file;
    Diagnostic diagnostic;
};

struct Summary
{
    std::size_t objects = 0;
    std::size_t allowed = 0;
    std::size_t denied = 0;
    std::size_t errors = 0;
    /// Failing checklist findings by severity (deny, danger, warning, info).
    std::size_t checklist[4] = {0, 0, 0, 0};
};

/// One namespace of the workspace with the checklist's namespace findings (§3).
struct NamespaceReport
{
    std::string name;
    std::string source; ///< the file of its Namespace object; empty when not declared
    std::vector<Engine::Finding> findings;
};

/// One object as a format rendered it (in a worker thread), and what a format that
/// needs totals before its body counts from the object itself.
struct ReportFragment
{
    ReportFragment() = default;
    /// Implicit: a format that counts nothing returns its text.
    ReportFragment(std::string t) : text(std::move(t)) {}
    std::string text;
    bool anyCheckDenied = false;
};

struct ReportContext
{
    EvaluationOptions options;
    bool colour = false;
    /// Checklist findings at this severity or worse fail the run (`--fail-on`).
    Engine::Severity failOn = Engine::Severity::Warning;
};

/// A report sink. object() is called from worker threads (it must only read this object);
/// begin/fileStarted/append/end run on the writing thread in input order.
class ReportFormat
{
public:
    explicit ReportFormat(const ReportContext &context) : m_context(context) {}
    virtual ~ReportFormat() = default;

    virtual std::string begin() { return {}; }
    /// Whether objects should come with their planned fixes (EvaluatedObject::fixes).
    virtual bool wantsFixes() const { return false; }
    /// Renders one object; called concurrently for different objects.
    virtual ReportFragment object(const std::string &file, const EvaluatedObject &o) const = 0;
    /// Called before the first fragment of each file (and for files with no objects).
    virtual std::string fileStarted(const std::string &) { return {}; }
    /// Joins a rendered fragment into the output.
    virtual std::string append(const ReportFragment &fragment) { return fragment.text; }
    virtual std::string end(const Summary &summary, const std::vector<FileError> &errors) = 0;

    /// The checklist's namespace findings, set before end() when the checklist runs.
    std::vector<NamespaceReport> namespaces;

protected:
    const ReportContext &m_context;
};

/// "text", "json", "sarif", "junit"; nullptr for anything else.
std::unique_ptr<ReportFormat> createFormat(const std::string &name, const ReportContext &context);

} // namespace PodSec::Cli
