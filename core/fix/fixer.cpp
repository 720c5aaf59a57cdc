// SPDX-License-Identifier: Apache-2.0
#include "fix/fixer.h"

#include <QCoreApplication>

#include <string_view>

namespace PodSec::Fix {

using Yaml::NodeId;
using Yaml::NodeKind;
using Yaml::NoNode;

namespace {

/// Translated when the application installed a translator (the window); English otherwise.
QString translated(const char *text)
{
    return QCoreApplication::translate("PodSec::Fix", text);
}

/// What a fix of check id may break in the running program, or "" (fixConsequence()).
QString consequenceOf(std::string_view id)
{
    if (id == "runAsNonRoot")
        return translated(QT_TRANSLATE_NOOP(
            "PodSec::Fix", "If the image runs as root (no USER, or USER 0), the kubelet refuses "
                           "to start the container: it may not start."));
    if (id == "runAsUser")
        return translated(QT_TRANSLATE_NOOP(
            "PodSec::Fix", "The image's own user applies; if that is root, runAsNonRoot keeps "
                           "the container from starting: it may not start."));
    if (id == "capabilities_restricted")
        return translated(QT_TRANSLATE_NOOP(
            "PodSec::Fix", "A program that needs a Linux capability (a port below 1024, chown, "
                           "setuid) may not start, or may fail later."));
    if (id == "allowPrivilegeEscalation")
        return translated(QT_TRANSLATE_NOOP(
            "PodSec::Fix", "setuid programs (sudo, su) can no longer gain privileges and "
                           "may fail."));
    if (id == "privileged" || id == "hostNamespaces")
        return translated(QT_TRANSLATE_NOOP(
            "PodSec::Fix", "A program that needs the host (devices, its processes or network), "
                           "such as a node agent, may not start or may stop working."));
    return {};
}

} // namespace

FixContext::FixContext(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
                       const YamlSurgeon &surgeon)
    : m_pod(pod), m_doc(pod.doc()), m_eval(evaluation), m_surgeon(surgeon)
{
    const NodeId os = m_doc.get(m_doc.get(pod.spec(), "nodeSelector"), "kubernetes.io/os");
    m_selectsWindows = !pod.isWindows() && os != NoNode && m_doc.scalar(os) == "windows";
}

NodeId FixContext::valueOf(const Policy::InspectedField &f) const
{
    return m_surgeon.nodeAt(f.offset, f.endOffset);
}

QString FixContext::subject(const std::string &path) const
{
    for (const auto &c : m_pod.containers()) {
        if (path.compare(0, c.path.size(), c.path) == 0 &&
            (path.size() == c.path.size() || path[c.path.size()] == '.'))
            return QCoreApplication::translate("PodSec::Fix", "container \"%1\"")
                .arg(QString::fromStdString(c.name));
    }
    return QCoreApplication::translate("PodSec::Fix", "the pod");
}

void FixContext::add(const Policy::CheckResult &r, const std::string &path,
                     const std::string &action, const QString &title, Edits edits)
{
    if (auto fix = choice(r, path, action, title, std::move(edits)))
        m_plan.fixes.push_back(std::move(*fix));
}

void FixContext::decide(const Policy::CheckResult &r, const std::string &path,
                        const QString &question, std::vector<FixIt> choices)
{
    m_plan.decisions.push_back(
        {std::string(r.id), path, question.toStdString(), std::move(choices)});
}

std::optional<FixIt> FixContext::choice(const Policy::CheckResult &r, const std::string &path,
                                        const std::string &action, const QString &title,
                                        Edits edits)
{
    if (!edits || edits->isEmpty() || edits->hasErrors())
        return std::nullopt;
    return FixIt{std::string(r.id),
                 title.toStdString(),
                 path,
                 std::string(r.id) + '|' + path + '|' + action,
                 std::move(*edits),
                 consequenceOf(r.id).toStdString()};
}

void FixContext::replaceBad(const Policy::CheckResult &r, const char *titleText, const Value &to)
{
    for (const auto &f : r.fields) {
        if (!f.allowed && f.present)
            add(r, f.path, "set:" + to.text, translated(titleText).arg(subject(f.path)),
                m_surgeon.replace(valueOf(f), to));
    }
}

void FixContext::removeBad(const Policy::CheckResult &r, const char *titleText)
{
    for (const auto &f : r.fields) {
        if (!f.allowed && f.present)
            add(r, f.path, "remove",
                translated(titleText)
                    .replace(QLatin1String("%1"), subject(f.path))
                    .replace(QLatin1String("%2"), QString::fromStdString(f.value))
                    .replace(QLatin1String("%3"),
                             QString::fromStdString(f.path.substr(f.path.rfind('.') + 1))),
                removeField(valueOf(f)));
    }
}

Edits FixContext::removeField(NodeId value) const
{
    const NodeId mapping = m_surgeon.parent(value);
    if (value == NoNode || mapping == NoNode || m_doc.kind(mapping) != NodeKind::Mapping)
        return std::nullopt;
    return m_surgeon.removeEntry(mapping, m_surgeon.indexIn(mapping, value));
}

bool FixContext::linuxOnly(const Policy::CheckResult &r)
{
    if (!m_selectsWindows)
        return false;
    const std::string path = m_pod.specPath() + ".os.name";
    if (m_windowsDecided) {
        decide(r, path,
               QCoreApplication::translate(
                   "PodSec::Fix",
                   "This pod selects Windows nodes; see the decision about spec.os.name"));
        return true;
    }
    m_windowsDecided = true;
    std::vector<FixIt> choices;
    if (auto c = choice(r, path, "set:windows",
                        QCoreApplication::translate(
                            "PodSec::Fix", "Set spec.os.name to windows (the policy then exempts "
                                           "the Linux-only checks)"),
                        m_surgeon.set(m_pod.spec(), {"os", "name"}, str("windows"))))
        choices.push_back(std::move(*c));
    decide(r, path,
           QCoreApplication::translate(
               "PodSec::Fix",
               "This pod selects Windows nodes (nodeSelector kubernetes.io/os: windows). "
               "Linux-only settings such as seccomp, capabilities and "
               "allowPrivilegeEscalation do not apply to Windows containers"),
           std::move(choices));
    return true;
}

} // namespace PodSec::Fix
