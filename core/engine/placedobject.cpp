// SPDX-License-Identifier: Apache-2.0
#include "engine/placedobject.h"

#include "policy/evaluator.h"
#include "yaml/document.h"

namespace PodSec::Engine {

Admission::NamespacePolicy Placement::policyFor(const Labels &labels) const
{
    if (forced) {
        Admission::NamespacePolicy p;
        p.enforce = p.audit = p.warn = *forced;
        return p;
    }
    return Admission::resolveNamespacePolicy(labels, admissionConfig.defaults);
}

Admission::NamespacePolicy Placement::policyOf(const std::string &ns) const
{
    static const Labels noLabels;
    const auto it = namespaces.find(ns);
    return policyFor(it == namespaces.end() ? noLabels : it->second);
}

namespace {

K8s::Object placed(const K8s::Object &object, const Placement &placement)
{
    K8s::Object o = object;
    o.namespaceName = object.namespaceOr(placement.defaultNamespace);
    return o;
}

} // namespace

PlacedObject::PlacedObject(const K8s::Object &object, const Placement &placement)
    : m_object(placed(object, placement)), m_namespaceWritten(!object.namespaceName.empty()),
      m_placement(placement), m_view(m_object)
{}

const Admission::NamespacePolicy &PlacedObject::namespacePolicy() const
{
    if (!m_policy)
        m_policy = m_placement.policyOf(m_object.namespaceName);
    return *m_policy;
}

Policy::Evaluation PlacedObject::takeEvaluation(const Policy::LevelVersion &policy) const
{
    evaluation(policy);
    for (auto it = m_evaluations.begin(); it != m_evaluations.end(); ++it) {
        if ((*it)->policy == policy) {
            Policy::Evaluation e = std::move(**it);
            m_evaluations.erase(it);
            return e;
        }
    }
    return {};
}

const Policy::Evaluation &PlacedObject::evaluation(const Policy::LevelVersion &policy) const
{
    for (const auto &e : m_evaluations) {
        if (e->policy == policy)
            return *e;
    }
    auto e = std::make_unique<Policy::Evaluation>();
    if (m_object.hasTemplate)
        *e = Policy::evaluate(m_view, policy);
    e->policy = policy;
    m_evaluations.push_back(std::move(e));
    return *m_evaluations.back();
}

const Admission::AdmissionResult &PlacedObject::admission() const
{
    if (!m_admission)
        m_admission =
            Admission::admit(m_view, namespacePolicy(), m_placement.admissionConfig,
                             [this](const Policy::LevelVersion &lv) -> const Policy::Evaluation & {
                                 return evaluation(lv);
                             });
    return *m_admission;
}

bool PlacedObject::deniedByEnforce() const
{
    const auto &a = admission();
    if (a.exempt != Admission::Exemption::None || !m_object.hasTemplate)
        return false;
    if (a.enforce.applies)
        return !a.enforce.allowed;
    return !evaluation(a.enforce.policy).allowed();
}

void forEachPlacedObject(const Yaml::Document &document, const Placement &placement,
                         const std::function<void(const PlacedObject &)> &fn)
{
    forEachObject(document, placement, fn, {});
}

void forEachObject(const Yaml::Document &document, const Placement &placement,
                   const std::function<void(const PlacedObject &)> &placedFn,
                   const std::function<void(const K8s::Object &)> &otherFn)
{
    for (const auto &object : K8s::objectsIn(document)) {
        if (!object.isEvaluated()) {
            if (otherFn)
                otherFn(object);
            continue;
        }
        const PlacedObject p(object, placement);
        placedFn(p);
    }
}

std::vector<Diagnostic> documentProblems(const Yaml::Document &document)
{
    std::vector<Diagnostic> out(document.warnings);
    if (document.error) {
        out.push_back(*document.error);
        return out;
    }
    for (const auto &object : K8s::objectsIn(document)) {
        if (object.decodeError)
            out.push_back(*object.decodeError);
    }
    return out;
}

std::vector<Diagnostic> documentProblems(const Yaml::Document &document, bool decoded)
{
    if (decoded)
        return documentProblems(document);
    std::vector<Diagnostic> out(document.warnings);
    if (document.error)
        out.push_back(*document.error);
    return out;
}

void collectNamespaces(const Yaml::Document &document, NamespaceLabels &namespaces,
                       const std::function<void(const K8s::Object &)> &each)
{
    for (const auto &object : K8s::objectsIn(document)) {
        if (object.kind != K8s::Kind::Namespace || object.name.empty())
            continue;
        namespaces[object.name] = object.labels;
        if (each)
            each(object);
    }
}

} // namespace PodSec::Engine
