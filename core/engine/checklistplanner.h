// SPDX-License-Identifier: Apache-2.0
// The planner behind planChecklistDecisions() (engine/checklistfixes.h), shared by its two
// source files: checklistfixes.cpp (workload findings) and checklistnsfixes.cpp (namespace
// findings, the entry points). Private to core/engine.
#pragma once

#include "engine/checklistfixes.h"
#include "engine/placedobject.h"
#include "engine/workspacesnapshot.h"
#include "fix/yamlsurgeon.h"
#include "yaml/sourcefile.h"

#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace PodSec::Engine::ChecklistPlan {

using Yaml::NodeId;
using Yaml::NoNode;

inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool equalsNoCase(std::string_view a, std::string_view b);

/// A choice from a change in one file; nothing when the change cannot be made safely.
std::optional<ChecklistChoice> choiceOf(const std::string &key, const QString &title,
                                        const std::string &path,
                                        std::optional<Fix::TextEditSet> edits,
                                        const QString &consequence = {});

/// Adds edits to set; insertions at one place are joined, the more indented first (a key of
/// an inner mapping before one of the mapping around it), else in the order given (two
/// documents appended to a file). false when edits overlap otherwise.
bool mergeEdits(std::vector<Fix::TextEdit> edits, Fix::TextEditSet &set);

/// An object found in a parsed file: its document and root node.
struct Found
{
    const Yaml::Document *doc = nullptr;
    NodeId root = NoNode;
};

/// Plans the decisions of one snapshot: files are parsed once, when first needed.
class Planner
{
public:
    Planner(const WorkspaceSnapshot &snapshot, const ChecklistFixRequest &request)
        : m_s(snapshot), m_r(request)
    {
        m_placement.defaultNamespace = request.defaultNamespace;
        m_placement.admissionConfig = request.config;
        for (std::size_t i = 0; i < snapshot.files.size(); ++i)
            m_index.emplace(snapshot.files[i].path, int(i));
    }

    /// The decisions of a workload's failing checklist findings.
    void workload(int w, std::vector<ChecklistDecision> &out);
    /// The decisions of a namespace's failing checklist findings (checklistnsfixes.cpp).
    void namespaceFindings(const NamespaceEntry &ns, std::vector<ChecklistDecision> &out);

private:
    bool wanted(const Finding &f) const
    {
        return !f.allowed && f.rule && f.rule->fix == FixKind::DecisionOnly &&
               (m_r.only.empty() || m_r.only.count(std::string(f.rule->id)));
    }
    int fileIndex(const std::string &path) const
    {
        const auto it = m_index.find(path);
        return it == m_index.end() ? -1 : it->second;
    }
    /// A file a person edits: not a rendering, not a cluster's page, read without error.
    bool editable(int file) const
    {
        if (file < 0 || std::size_t(file) >= m_s.files.size())
            return false;
        const auto &f = m_s.files[std::size_t(file)];
        if (!f.readError.empty() || f.path.rfind("cluster:", 0) == 0)
            return false;
        return std::none_of(m_s.roots.begin(), m_s.roots.end(),
                            [file](const RootEntry &r) { return r.file == file; });
    }
    const Yaml::SourceFile *parse(int file)
    {
        auto &slot = m_parsed[file];
        if (!slot)
            slot = Yaml::SourceFile::fromText(m_s.files[std::size_t(file)].path,
                                              m_s.files[std::size_t(file)].text());
        return slot.get();
    }
    /// The last object of kind (core group) named name in namespace ns (cluster-scoped
    /// kinds: ns empty) declared in file.
    Found find(int file, const std::string &kind, const std::string &name, const std::string &ns,
               const std::string &apiVersion = "v1");
    /// A NetworkPolicy name not yet used in namespace ns: default-deny, default-deny-2, ...
    std::string freePolicyName(const std::string &ns);
    /// What enforcing level in namespace ns does to its workloads: the controllers whose
    /// Pods it would reject, and whether it lowers the namespace's enforcement.
    std::string levelEffects(const std::string &ns, Policy::Level level) const;
    const Fix::YamlSurgeon &surgeon(const Yaml::Document &doc, int file)
    {
        auto &slot = m_surgeons[&doc];
        if (!slot)
            slot = std::make_unique<Fix::YamlSurgeon>(doc, m_s.files[std::size_t(file)].text());
        return *slot;
    }
    /// How many top-level workloads of namespace ns use service account sa.
    int accountUsers(const std::string &ns, const std::string &sa);

    void serviceAccountToken(const PlacedObject &o, int file, const std::string &label,
                             ChecklistDecision &d);
    void mountableSecrets(const PlacedObject &o, ChecklistDecision &d);
    void memoryLimit(const PlacedObject &o, int file, const std::string &label,
                     ChecklistDecision &d);
    void hostPathReadOnly(const PlacedObject &o, int file, const std::string &label,
                          ChecklistDecision &d);
    void windowsAdministrator(const PlacedObject &o, int file, const std::string &label,
                              ChecklistDecision &d);
    const NamespaceFacts *namespaceFacts(const std::string &ns) const;
    /// The file of ns's Namespace object when it was read from a file, else -1.
    int namespaceFile(const std::string &ns) const;
    void podSecurityEnforced(const std::string &ns, ChecklistDecision &d);
    void defaultDeny(const std::string &ns, ChecklistDecision &d);

    const WorkspaceSnapshot &m_s;
    const ChecklistFixRequest &m_r;
    Placement m_placement;
    std::map<std::string, int> m_index;
    std::map<int, std::unique_ptr<Yaml::SourceFile>> m_parsed;
    std::map<const Yaml::Document *, std::unique_ptr<Fix::YamlSurgeon>> m_surgeons;
    std::optional<std::map<std::pair<std::string, std::string>, int>> m_users;
    std::optional<std::vector<std::string>> m_texts;
};

} // namespace PodSec::Engine::ChecklistPlan
