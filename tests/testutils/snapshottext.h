// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "access/accessmodel.h"
#include "engine/workspacesnapshot.h"
#include "podtestutil.h"

#include <QFile>

#include <QString>

#include <string>
#include <vector>

namespace PodSec::TestUtil {

/// The manifests under root (manifestPaths), read, named by their paths.
inline std::vector<WorkspaceFile> filesIn(const QString &root)
{
    std::vector<WorkspaceFile> files;
    for (const auto &path : manifestPaths(root)) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.emplace_back(path.toStdString(), f.readAll().toStdString());
    }
    return files;
}

inline std::string fieldsText(const std::vector<FieldEntry> &fields)
{
    std::string out;
    for (const auto &f : fields) {
        out += "    " + std::string(f.path()) + (f.present() ? " = " : " ~ ") +
               std::string(f.value()) + ' ' + std::to_string(f.offset()) + '-' +
               std::to_string(f.endOffset()) + ' ' + std::to_string(f.line()) + ':' +
               std::to_string(f.column()) + ' ' + std::string(f.file()) +
               (f.fixable ? " fixable" : "");
        for (const auto v : f.verdicts)
            out += std::string(" ") + verdictName(v);
        for (const auto &c : f.checks())
            out += ' ' + std::string(c.checkId) + '/' + std::to_string(int(c.column)) +
                   (c.allowed ? "+" : "-");
        out += '\n';
    }
    return out;
}

inline std::string evaluationText(const Policy::Evaluation &e)
{
    std::string out = e.policy.toString();
    for (const auto &r : e.results)
        out += ' ' + std::string(r.id) +
               (r.allowed ? "+" : "-[" + r.reason + '|' + r.detail + ']') +
               std::to_string(r.fields.size());
    return out + '\n';
}

inline std::string inspectedText(const std::vector<Policy::InspectedField> &fields)
{
    std::string out;
    for (const auto &f : fields)
        out += "      " + f.path + (f.present ? " = " : " ~ ") + f.value +
               (f.allowed ? " + " : " - ") + std::to_string(f.offset) + '-' +
               std::to_string(f.endOffset) + ' ' + std::to_string(f.line) + ':' +
               std::to_string(f.column) + ' ' + f.file + '\n';
    return out;
}

inline std::string findingsText(const std::vector<Engine::Finding> &findings)
{
    std::string out;
    for (const auto &f : findings)
        out += "    finding " + std::string(f.rule ? f.rule->id : "?") + ' ' +
               Engine::severityName(f.severity()) + (f.allowed ? " allowed" : " failing") + " [" +
               f.reason + '|' + f.detail + "] " + std::to_string(f.fields.size()) + '\n' +
               inspectedText(f.fields);
    return out;
}

/// Everything a snapshot says about its workloads and namespaces, as text.
/// An access result's problems, risks and model, as text.
inline std::string accessText(const Access::AccessResult &a)
{
    std::string out =
        "access roles=" + std::to_string(a.model ? a.model->roles().size() : 0) +
        " identities=" + std::to_string(a.model ? a.model->knownIdentities().size() : 0) + '\n';
    for (const auto &p : a.problems)
        out += "  access problem " + problemLine(p.file, p.diagnostic) + '\n';
    // What it read: the pods' accounts with their positions, and every namespace.
    if (a.model) {
        const auto &in = a.model->input();
        for (const auto &w : in.workloads)
            out += "  runs " + w.kind + ' ' + w.namespaceName + '/' + w.name + " as " +
                   w.serviceAccount + (w.automount ? (*w.automount ? " mount" : " no-mount") : "") +
                   " at " + w.source.file + ':' + std::to_string(w.source.line) + ':' +
                   std::to_string(w.source.column) + '\n';
        for (const auto &sa : in.serviceAccounts)
            out += "  account " + sa.namespaceName + '/' + sa.name + ' ' + sa.source.file + ':' +
                   std::to_string(sa.source.line) + '\n';
        out += " namespaces";
        for (const auto &ns : in.namespaceNames)
            out += ' ' + ns;
        out += '\n';
    }
    for (const auto &s : a.subjects) {
        out += "  subject " + s.subject.display() + '\n';
        for (const auto &r : s.risks)
            out += "    risk " + std::to_string(int(r.id)) + ' ' + std::to_string(int(r.severity)) +
                   ' ' + r.scope + ' ' + r.detail + " chain=" + std::to_string(r.chain.size()) +
                   '\n';
    }
    return out;
}

inline QString snapshotText(const WorkspaceSnapshot &s)
{
    std::string out;
    for (std::size_t i = 0; i < s.workloads.size(); ++i) {
        const auto &w = s.workloads[i];
        out += w.key() + ' ' + std::to_string(w.file) + ' ' + std::to_string(w.id().document) +
               '/' + std::to_string(w.id().item) + ' ' + std::to_string(w.id().line) + ':' +
               std::to_string(w.id().column) + ' ' + std::to_string(w.id().offset) + '-' +
               std::to_string(w.id().endOffset) + ' ' +
               (w.id().namespaceWritten ? "written " : "default ") +
               (w.id().hasTemplate ? "t " : "- ") + w.id().podSpecPath + ' ' +
               w.id().podMetadataPath + ' ' + w.id().uid + ' ' + w.id().controller.kind + '/' +
               w.id().controller.name + (w.deniedByEnforce ? " denied" : "") +
               " owner=" + std::to_string(s.workloads.owner(i)) +
               " owned=" + std::to_string(s.workloads.owned(i).size());
        for (const auto v : w.verdicts)
            out += std::string(" ") + verdictName(v);
        out += '\n' + evaluationText(w.baseline) + evaluationText(w.restricted);
        const auto &a = w.admission;
        out += std::string("  exempt=") + Admission::exemptionName(a.exempt) + " [" +
               a.policyError + "]\n";
        for (const Column mode : {Column::Enforce, Column::Audit, Column::Warn}) {
            const ModeVerdict *m = a.mode(mode);
            out += "  " + m->policy.toString() + (m->applies ? " applies" : " -") +
                   (m->allowed ? " allowed " : " denied ") + w.message(mode) + '\n';
        }
        out += fieldsText(w.podFields);
        for (const auto &c : w.id().containers)
            out += "  container " + c.name + ' ' + std::to_string(int(c.type)) + ' ' + c.path +
                   ' ' + std::to_string(c.line) + '\n' + fieldsText(w.fieldsOf(c));
        out += findingsText(w.id().checklist);
    }
    for (const auto &ns : s.namespaces) {
        out += "ns " + ns.name + (ns.declared ? " declared " : " used ") +
               ns.policy.enforce.toString() + ' ' + ns.policy.audit.toString() + ' ' +
               ns.policy.warn.toString() + " file=" + std::to_string(ns.file) + ':' +
               std::to_string(ns.line) + ':' + std::to_string(ns.column) + '@' +
               std::to_string(ns.offset) + '-' + std::to_string(ns.endOffset);
        for (const auto v : ns.verdicts)
            out += std::string(" ") + verdictName(v);
        for (const int w : ns.workloads)
            out += ' ' + std::to_string(w);
        out += " objects=" + std::to_string(ns.objects.size()) + '\n' + findingsText(ns.checklist);
    }
    for (const auto &o : s.objects)
        out += "object " + std::to_string(o.file) + ' ' + std::to_string(o.document) + '/' +
               std::to_string(o.item) + ' ' + o.kind + ' ' + o.namespaceName + '/' + o.name + ' ' +
               std::to_string(o.line) + ':' + std::to_string(o.column) + ' ' +
               std::to_string(o.offset) + '-' + std::to_string(o.endOffset) + '\n' +
               findingsText(o.checklist);
    for (const auto &[file, ns] : s.otherNamespaces)
        out += "other " + std::to_string(file) + ' ' + ns + '\n';
    for (const auto &p : s.problems)
        out += "problem " + std::to_string(p.file) + ':' + std::to_string(p.diagnostic.line) + ':' +
               std::to_string(p.diagnostic.column) + '@' + std::to_string(p.diagnostic.offset) +
               (p.diagnostic.warning ? " warning " : " ") + p.diagnostic.message + ' ' + p.path +
               '\n';
    if (s.access)
        out += accessText(*s.access);
    return QString::fromStdString(out);
}

} // namespace PodSec::TestUtil
