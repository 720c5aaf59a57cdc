// SPDX-License-Identifier: Apache-2.0
// The namespace findings' choices (spec/checklist.md §3.1, §3.2), the entry points of
// engine/checklistfixes.h, and applying chosen choices.
#include "admission/whatif.h"
#include "engine/checklistplanner.h"
#include "engine/whatifpods.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace PodSec::Engine::ChecklistPlan {

namespace {

const char *const EnforceLabel = "pod-security.kubernetes.io/enforce";

/// A name as a YAML scalar: plain when YAML 1.1 reads it back as the same string.
std::string yamlName(const std::string &name)
{
    bool plain = !name.empty() && name.front() != '-';
    bool number = !name.empty();
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        plain = plain && (std::islower(u) || std::isdigit(u) || c == '-' || c == '.');
        number = number && (std::isdigit(u) || c == '.' || c == '-' || c == 'e');
    }
    for (const char *word : {"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
        plain = plain && !equalsNoCase(name, word);
    if (plain && !number)
        return name;
    std::string out = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

/// A NetworkPolicy that selects every pod of ns and allows nothing in (and out).
std::string denyPolicy(const std::string &name, const std::string &ns, bool egress,
                       const std::string &eol)
{
    std::string out = "apiVersion: networking.k8s.io/v1" + eol + "kind: NetworkPolicy" + eol +
                      "metadata:" + eol + "  name: " + name + eol + "  namespace: " + yamlName(ns) +
                      eol + "spec:" + eol + "  podSelector: {}" + eol + "  policyTypes:" + eol +
                      "  - Ingress" + eol;
    if (egress)
        out += "  - Egress" + eol;
    return out;
}

bool isJsonText(const std::string &text)
{
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c)))
            return c == '{' || c == '[';
    }
    return false;
}

} // namespace

void Planner::namespaceFindings(const NamespaceEntry &ns, std::vector<ChecklistDecision> &out)
{
    for (const auto &f : ns.checklist) {
        if (!wanted(f))
            continue;
        ChecklistDecision d;
        d.object = "Namespace " + ns.name;
        d.checkId = std::string(f.rule->id);
        d.question = f.detail;
        const auto *facts = namespaceFacts(ns.name);
        if (facts && facts->declared) {
            d.file = facts->source;
            if (!f.fields.empty())
                d.line = f.fields.front().line;
        }
        if (d.checkId == "podSecurityEnforced")
            podSecurityEnforced(ns.name, d);
        else if (d.checkId == "defaultDenyNetworkPolicy")
            defaultDeny(ns.name, d);
        out.push_back(std::move(d));
    }
}

const NamespaceFacts *Planner::namespaceFacts(const std::string &ns) const
{
    if (!m_s.facts)
        return nullptr;
    const auto it = m_s.facts->namespaces.find(ns);
    return it == m_s.facts->namespaces.end() ? nullptr : &it->second;
}

int Planner::namespaceFile(const std::string &ns) const
{
    const auto *facts = namespaceFacts(ns);
    return facts && facts->declared && !facts->fromCluster ? fileIndex(facts->source) : -1;
}

std::string Planner::freePolicyName(const std::string &ns)
{
    for (int n = 1;; ++n) {
        const std::string name = n == 1 ? "default-deny" : "default-deny-" + std::to_string(n);
        bool taken = false;
        for (std::size_t f = 0; f < m_s.files.size() && !taken; ++f) {
            if (m_s.files[f].text().find("NetworkPolicy") != std::string::npos)
                taken = find(int(f), "NetworkPolicy", name, ns, "networking.k8s.io/v1").doc;
        }
        if (!taken)
            return name;
    }
}

std::string Planner::levelEffects(const std::string &ns, Policy::Level level) const
{
    const auto entry = std::find_if(m_s.namespaces.begin(), m_s.namespaces.end(),
                                    [&](const NamespaceEntry &n) { return n.name == ns; });
    if (entry == m_s.namespaces.end() || level == Policy::Level::Privileged)
        return {};
    std::vector<std::string> rejected;
    const Column column =
        level == Policy::Level::Restricted ? Column::Restricted : Column::Baseline;
    for (int w : entry->workloads) {
        const auto &workload = m_s.workloads[std::size_t(w)];
        if (workload.id().kind != "Pod" && workload.id().hasTemplate &&
            workload.verdicts[int(column)] == Verdict::Fail)
            rejected.push_back(workload.id().kind + ' ' + workload.id().name);
    }
    std::string out;
    if (!rejected.empty()) {
        std::string names;
        for (std::size_t i = 0; i < rejected.size() && i < 3; ++i)
            names += (i ? ", " : "") + rejected[i];
        // (The count is a variable: lupdate 6.4 hangs on a cast inside translate's arguments.)
        const int more = int(rejected.size()) - 3;
        if (more > 0)
            names += QCoreApplication::translate("PodSec::Fix", " and %n more", nullptr, more)
                         .toStdString();
        out = QCoreApplication::translate("PodSec::Fix",
                                          "the Pods of %1 would be rejected from then on")
                  .arg(qs(names))
                  .toStdString();
    }
    const Policy::Level now = entry->policy.enforce.level;
    if (level < now)
        out +=
            (out.empty() ? "" : "; ") +
            QCoreApplication::translate("PodSec::Fix",
                                        "this lowers the namespace's enforcement from %1 to %2")
                .arg(QLatin1String(Policy::levelName(now)), QLatin1String(Policy::levelName(level)))
                .toStdString();
    return out;
}

void Planner::podSecurityEnforced(const std::string &ns, ChecklistDecision &d)
{
    const auto *facts = namespaceFacts(ns);
    const Admission::Labels old = facts ? facts->labels : Admission::Labels{};
    const int file = namespaceFile(ns);
    const Found object = editable(file) ? find(file, "Namespace", ns, {}) : Found{};
    if (!m_texts) {
        m_texts.emplace();
        for (const auto &f : m_s.files)
            m_texts->push_back(f.text());
    }
    for (const char *level : {"baseline", "restricted"}) {
        Admission::Labels labels = old;
        const auto it = std::find_if(labels.begin(), labels.end(),
                                     [](const auto &l) { return l.first == EnforceLabel; });
        if (it != labels.end())
            it->second = level;
        else
            labels.emplace_back(EnforceLabel, level);
        const auto answer = Admission::namespaceUpdate(
            ns, old, labels, m_r.config, [&](const Policy::LevelVersion &policy) {
                return podsInTexts(*m_texts, ns, m_r.defaultNamespace, policy, m_r.config);
            });
        QString consequence;
        std::string said;
        for (const auto &w : answer.warnings)
            said += (said.empty() ? "" : "; ") + w;
        if (!answer.allowed)
            consequence =
                QCoreApplication::translate("PodSec::Fix", "the API server refuses this label: %1")
                    .arg(qs(answer.error));
        else if (!said.empty())
            consequence =
                QCoreApplication::translate(
                    "PodSec::Fix", "new pods that fail %1 are rejected; the API server warns: %2")
                    .arg(QLatin1String(level), qs(said));
        const std::string effects =
            levelEffects(ns, std::string_view(level) == "restricted" ? Policy::Level::Restricted
                                                                     : Policy::Level::Baseline);
        if (!effects.empty())
            consequence = consequence.isEmpty() ? qs(effects)
                                                : consequence + QStringLiteral("; ") + qs(effects);
        if (!object.doc) {
            d.commands += std::string(d.commands.empty() ? "" : "\n") +
                          "kubectl label --overwrite ns " + ns + ' ' + EnforceLabel + '=' + level;
            continue;
        }
        if (auto c = choiceOf(
                "podSecurityEnforced|" + d.object + '|' + level,
                QCoreApplication::translate("PodSec::Fix", "Label namespace \"%1\" to enforce %2")
                    .arg(qs(ns), QLatin1String(level)),
                m_s.files[std::size_t(file)].path,
                surgeon(*object.doc, file)
                    .set(object.root, {"metadata", "labels", EnforceLabel}, Fix::str(level)),
                consequence)) {
            c->exclusive = "enforce";
            d.choices.push_back(std::move(*c));
        }
    }
    if (!d.commands.empty())
        d.question +=
            QCoreApplication::translate("PodSec::Fix", "; the Namespace object is not in a file to "
                                                       "edit: label the namespace with a command")
                .toStdString();
}

void Planner::defaultDeny(const std::string &ns, ChecklistDecision &d)
{
    const int nsFile = namespaceFile(ns);
    std::string path, prefix, eol = "\n";
    std::uint32_t offset = 0;
    bool create = false;
    if (editable(nsFile) && !isJsonText(m_s.files[std::size_t(nsFile)].text())) {
        const std::string &text = m_s.files[std::size_t(nsFile)].text();
        path = m_s.files[std::size_t(nsFile)].path;
        if (text.find("\r\n") != std::string::npos)
            eol = "\r\n";
        offset = std::uint32_t(text.size());
        prefix = (text.empty() || text.back() == '\n' ? std::string() : eol) + "---" + eol;
    } else {
        int first = 0;
        while (std::size_t(first) < m_s.files.size() && !editable(first))
            ++first;
        if (std::size_t(first) >= m_s.files.size())
            return;
        namespace fs = std::filesystem;
        const fs::path dir = fs::path(m_s.files[std::size_t(first)].path).parent_path();
        for (int n = 1; path.empty() || fileIndex(path) >= 0 || fs::exists(path); ++n)
            path = (dir / (ns + "-default-deny" + (n > 1 ? '-' + std::to_string(n) : "") + ".yaml"))
                       .string();
        create = true;
    }
    const QString breaks = QCoreApplication::translate(
        "PodSec::Fix", "it cuts every connection of the namespace's pods that no other "
                       "NetworkPolicy allows: traffic the workloads need (DNS lookups included) "
                       "must be allowed by policies of its own");
    const auto *facts = namespaceFacts(ns);
    const bool ingressDenied = facts && facts->denyIngress;
    const std::string name = freePolicyName(ns);
    for (const bool egress : {true, false}) {
        if (!egress && ingressDenied)
            continue; // it would add nothing: ingress is denied already
        ChecklistChoice c;
        c.key = "defaultDenyNetworkPolicy|" + d.object + (egress ? "|both" : "|ingress");
        c.title = (egress ? QCoreApplication::translate("PodSec::Fix",
                                                        "Add NetworkPolicy \"%2\" to namespace "
                                                        "\"%1\", denying ingress and egress")
                          : QCoreApplication::translate("PodSec::Fix",
                                                        "Add NetworkPolicy \"%2\" to namespace "
                                                        "\"%1\", denying ingress only"))
                      .arg(qs(ns), qs(name))
                      .toStdString();
        if (create)
            c.title += ' ' + QCoreApplication::translate("PodSec::Fix", "(new file %1)")
                                 .arg(qs(path))
                                 .toStdString();
        c.consequence = breaks.toStdString();
        c.exclusive = "policy";
        FileChange change{path, create, {}};
        change.edits.add({offset, 0, prefix + denyPolicy(name, ns, egress, eol)});
        c.changes.push_back(std::move(change));
        d.choices.push_back(std::move(c));
    }
}

namespace {

/// The indentation of an insertion's first line of YAML (after a leading line break).
std::size_t insertedIndent(const std::string &text)
{
    std::size_t i = 0;
    if (text.compare(0, 2, "\r\n") == 0)
        i = 2;
    else if (!text.empty() && text[0] == '\n')
        i = 1;
    const std::size_t start = i;
    while (i < text.size() && text[i] == ' ')
        ++i;
    return i - start;
}

} // namespace

bool mergeEdits(std::vector<Fix::TextEdit> edits, Fix::TextEditSet &set)
{
    // Insertions at one place: the more indented first. Where a container's mapping and the
    // pod spec both end on one line, a key of the container must come before a key of the
    // pod spec, or it would land in the wrong mapping (or make the YAML invalid).
    std::stable_sort(edits.begin(), edits.end(), [](const auto &a, const auto &b) {
        if (a.offset != b.offset)
            return a.offset < b.offset;
        if (a.length != 0 || b.length != 0)
            return false;
        return insertedIndent(a.text) > insertedIndent(b.text);
    });
    bool ok = true;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        Fix::TextEdit e = edits[i];
        while (e.length == 0 && i + 1 < edits.size() && edits[i + 1].length == 0 &&
               edits[i + 1].offset == e.offset)
            e.text += edits[++i].text;
        ok = set.add(std::move(e)) && ok;
    }
    return ok;
}

} // namespace PodSec::Engine::ChecklistPlan

namespace PodSec::Engine {

std::string ChecklistDecision::summary() const
{
    return object + ": " + checkId + ": " + question + suffix();
}

std::string ChecklistDecision::suffix() const
{
    std::string out;
    for (std::size_t i = 0; i < choices.size(); ++i)
        out += (i ? " | " : " [choice: ") + choices[i].title;
    if (!choices.empty())
        out += ']';
    if (!commands.empty()) {
        std::string run = commands;
        for (auto at = run.find('\n'); at != std::string::npos; at = run.find('\n', at))
            run.replace(at, 1, " | ");
        out += " [run: " + run + ']';
    }
    return out;
}

std::vector<ChecklistDecision> planChecklistDecisions(const WorkspaceSnapshot &snapshot,
                                                      const ChecklistFixRequest &request)
{
    ChecklistPlan::Planner planner(snapshot, request);
    std::vector<ChecklistDecision> out;
    if (request.all) {
        for (std::size_t w = 0; w < snapshot.workloads.size(); ++w)
            planner.workload(int(w), out);
        for (const auto &ns : snapshot.namespaces)
            planner.namespaceFindings(ns, out);
        return out;
    }
    for (int w : request.workloads) {
        if (w >= 0 && std::size_t(w) < snapshot.workloads.size())
            planner.workload(w, out);
    }
    for (const auto &name : request.namespaces) {
        for (const auto &ns : snapshot.namespaces) {
            if (ns.name == name)
                planner.namespaceFindings(ns, out);
        }
    }
    return out;
}

bool applyChoices(const std::vector<const ChecklistChoice *> &choices,
                  std::map<std::string, std::string> &texts, std::string &error)
{
    std::map<std::string, std::vector<Fix::TextEdit>> edits;
    std::set<std::string> created;
    for (const auto *c : choices) {
        for (const auto &change : c->changes) {
            if (change.create &&
                (texts.count(change.path) || !created.insert(change.path).second)) {
                error =
                    change.path + ": " +
                    QCoreApplication::translate("PodSec::Fix", "two choices would create this file")
                        .toStdString();
                return false;
            }
            if (!change.create && !texts.count(change.path)) {
                error = change.path + ": not open";
                return false;
            }
            auto &list = edits[change.path];
            list.insert(list.end(), change.edits.edits().begin(), change.edits.edits().end());
        }
    }
    std::map<std::string, std::string> changed;
    for (auto &[path, list] : edits) {
        Fix::TextEditSet set;
        const bool ok = ChecklistPlan::mergeEdits(list, set);
        std::string text = created.count(path) ? std::string() : texts.at(path);
        if (!ok || !set.apply(text)) {
            error = path + ": " +
                    QCoreApplication::translate("PodSec::Fix", "two choices change the same lines")
                        .toStdString();
            return false;
        }
        changed[path] = std::move(text);
    }
    for (auto &[path, text] : changed)
        texts[path] = std::move(text);
    return true;
}

} // namespace PodSec::Engine
