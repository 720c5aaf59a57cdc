// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "admission/admissionconfig.h"
#include "fix/texteditset.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace PodSec {
struct WorkspaceSnapshot;
}

namespace PodSec::Engine {

/// A change to one file: edits against its text in the snapshot, or a new file (create:
/// the edits hold its whole content as one insertion at offset 0).
struct FileChange
{
    std::string path; ///< WorkspaceFile::path, or the new file's path
    bool create = false;
    Fix::TextEditSet edits;
};

/// One answer a person may pick for a checklist finding. It may change files other than
/// the finding's own (a ServiceAccount's file) or add an object (a NetworkPolicy).
struct ChecklistChoice
{
    std::string title; ///< user-facing, translated ("PodSec::Fix")
    /// Stable across re-planning: "checkId|object|action".
    std::string key;
    /// What it may break, for a person to weigh; "" when nothing is expected to.
    std::string consequence;
    std::vector<FileChange> changes;
    /// Choices of one decision with the same non-empty key are alternatives (enforce
    /// baseline or restricted; one policy or the other; lower the limit or raise the
    /// request): ticking one unticks the others.
    std::string exclusive;
    /// Non-empty when the choice needs a value from the person (the prompt, translated):
    /// its edits hold ChecklistValuePlaceholder until fillChoice() puts the value in.
    std::string ask;
};

/// What a choice that asks for a value writes in its place until the value is given.
inline constexpr const char *ChecklistValuePlaceholder = "__PODSEC_VALUE__";

/// Puts value into a choice that asks for one (a memory quantity: a valid Kubernetes
/// quantity above zero). false with a message (choice untouched) when it is not one.
bool fillChoice(ChecklistChoice &choice, const std::string &value, std::string &error);

/// A failing checklist finding of a rule that a person settles (spec/checklist.md: every
/// checklist fix is a decision), with the choices the tool can write.
struct ChecklistDecision
{
    std::string object; ///< "Deployment ns/name", "Namespace ns"
    std::string checkId;
    std::string file; ///< where the finding is (the object's file; "" for a namespace without one)
    std::uint32_t line = 1;
    std::string question; ///< the finding's detail, and what to do when no choice can be written
    std::vector<ChecklistChoice> choices;
    /// Commands to copy when the change cannot be written to a file (the `kubectl label` of
    /// a namespace whose Namespace object is not in an editable file), one per line.
    std::string commands;
    /// "object: id: question [choice: a | b]" (the CLI's line), or "... [run: cmd | cmd]".
    std::string summary() const;
    /// What summary() says after the question: " [choice: a | b]", " [run: cmd | cmd]".
    std::string suffix() const;
};

/// What to plan for. Empty lists with all = true: every finding of the snapshot.
struct ChecklistFixRequest
{
    bool all = false;
    std::vector<int> workloads;          ///< indices into WorkspaceSnapshot::workloads
    std::vector<std::string> namespaces; ///< namespace findings
    std::set<std::string> only;          ///< rule ids; empty: every rule with a decision
    std::string defaultNamespace = "default";
    Admission::AdmissionConfig config; ///< for the namespace what-if of podSecurityEnforced
};

/// Plans the decisions of the snapshot's failing checklist findings (built with
/// SnapshotOptions::checklist) that the request selects, for the rules whose fix is a
/// decision (FixKind::DecisionOnly). Choices are written only into files a person edits:
/// never into a rendering or a cluster's list page (the question then says what to run or
/// change instead). Per rule (spec/checklist.md §2, §3):
/// - serviceAccountToken: false on the pod spec; false on its ServiceAccount (titled with
///   how many workloads of the workspace use that account);
/// - mountableSecrets: the missing names added to the account's secrets/imagePullSecrets;
/// - memoryLimit: limit from the request, or lower the limit / raise the request; with
///   neither, a limit the person enters (ChecklistChoice::ask);
/// - hostPathReadOnly: readOnly: true per mount; windowsAdministrator: ContainerUser where
///   ContainerAdministrator is set;
/// - podSecurityEnforced: enforce=baseline / restricted as a label of the Namespace object,
///   each with what the API server would warn about the namespace's pods;
/// - defaultDenyNetworkPolicy: a new NetworkPolicy (ingress and egress; ingress only)
///   appended to the Namespace object's file, else in a new file beside the first file.
std::vector<ChecklistDecision> planChecklistDecisions(const WorkspaceSnapshot &snapshot,
                                                      const ChecklistFixRequest &request);

/// Applies the chosen choices to texts (path -> text; new files are added). Insertions at
/// the same place are written the more indented first (an inner mapping's key before its
/// parent's), else in the order given. false (texts untouched) with a message
/// when two choices change the same bytes or a new file would be created twice.
bool applyChoices(const std::vector<const ChecklistChoice *> &choices,
                  std::map<std::string, std::string> &texts, std::string &error);

} // namespace PodSec::Engine
