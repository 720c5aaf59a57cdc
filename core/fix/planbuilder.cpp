// SPDX-License-Identifier: Apache-2.0
#include "fix/planbuilder.h"

#include "fix/fixer.h"
#include "fix/fixers/allfixers.h"
#include "fix/yamlsurgeon.h"
#include "k8s/podspec.h"
#include "policy/evaluator.h"

#include <QCoreApplication>

#include <algorithm>

namespace PodSec::Fix {

using Yaml::NodeId;
using Yaml::NoNode;

namespace {

/// Edits inside a node that YAML aliases share: kept when every user is in this object
/// (the re-evaluation after applying then proves no harm), otherwise explained.
void guardAnchors(Plan &plan, const K8s::PodSpecView &pod, const YamlSurgeon &surgeon)
{
    const Yaml::Document &doc = pod.doc();
    const auto &root = doc.node(pod.object().root);
    auto inObject = [&](NodeId n) {
        const auto &node = doc.node(n);
        return node.start >= root.start && node.end <= root.end;
    };
    auto shared = [&](const FixIt &fix) -> std::optional<std::uint32_t> {
        for (const auto &e : fix.edits.edits()) {
            for (const auto &[target, users] : surgeon.sharedAt(e.offset)) {
                if (!inObject(target) || !std::all_of(users.begin(), users.end(), inObject))
                    return doc.node(target).line;
            }
        }
        return std::nullopt;
    };
    std::vector<FixIt> kept;
    for (auto &fix : plan.fixes) {
        if (const auto line = shared(fix)) {
            plan.decisions.push_back(
                {fix.checkId,
                 fix.path,
                 QCoreApplication::translate(
                     "PodSec::Fix",
                     "\"%1\" would change a value that a YAML anchor (line %2) shares with "
                     "another object; change it there by hand")
                     .arg(QString::fromStdString(fix.title))
                     .arg(*line)
                     .toStdString(),
                 {}});
        } else {
            kept.push_back(std::move(fix));
        }
    }
    plan.fixes = std::move(kept);
}

} // namespace

DocumentPlanner::DocumentPlanner(const Yaml::Document &doc, const std::string &text,
                                 std::string fileEol)
    : m_doc(doc), m_text(text), m_fileEol(std::move(fileEol))
{}

DocumentPlanner::~DocumentPlanner() = default;

Plan DocumentPlanner::plan(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
                           const std::set<std::string> &only) const
{
    if (pod.spec() == NoNode)
        return {};
    if (!m_surgeon)
        m_surgeon = std::make_unique<YamlSurgeon>(m_doc, m_text, m_fileEol);
    FixContext context(pod, evaluation, *m_surgeon);
    for (const auto &r : evaluation.results) {
        if (r.allowed || !(only.empty() || only.count(std::string(r.id))))
            continue;
        const FixerEntry *entry = findFixer(r.id);
        if (entry && entry->fixer)
            entry->fixer(context, r);
    }
    Plan plan = context.takePlan();
    guardAnchors(plan, pod, *m_surgeon);
    return plan;
}

Plan planFixes(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
               const std::string &text, const std::set<std::string> &only)
{
    return DocumentPlanner(pod.doc(), text).plan(pod, evaluation, only);
}

} // namespace PodSec::Fix
