// SPDX-License-Identifier: Apache-2.0
//
// seccompProfile_restricted: container profiles other than RuntimeDefault/Localhost go to
// RuntimeDefault, and the pod gets RuntimeDefault unless it already has an allowed
// profile (a disagreeing pod annotation is fixed instead). Linux-only.
#include "fix/fixers/fixers.h"

#include <QCoreApplication>

namespace PodSec::Fix::Fixers {

using Yaml::NodeId;
using Yaml::NoNode;

namespace {

/// The pod's seccomp annotation when it names a profile the policy does not allow.
std::optional<NodeId> seccompAnnotation(const Yaml::Document &doc, NodeId metadata, const char *key)
{
    const NodeId value = doc.get(doc.get(metadata, "annotations"), key);
    if (value == NoNode)
        return std::nullopt;
    const std::string &v = doc.scalar(value);
    if (v == "runtime/default" || v == "docker/default" || v.rfind("localhost/", 0) == 0)
        return std::nullopt;
    return value;
}

} // namespace

void seccompProfileRestricted(FixContext &ctx, const Policy::CheckResult &r)
{
    if (ctx.linuxOnly(r))
        return;
    const auto &pod = ctx.pod();
    const Yaml::Document &doc = ctx.doc();
    for (const auto &c : pod.containers()) {
        const auto type = pod.containerField(c, {"securityContext", "seccompProfile", "type"});
        const std::string &v = doc.scalar(type.node);
        if (type.present && v != "RuntimeDefault" && v != "Localhost")
            ctx.add(r, type.path, "set:RuntimeDefault",
                    QCoreApplication::translate("PodSec::Fix",
                                                "Use the RuntimeDefault seccomp profile in %1")
                        .arg(ctx.subject(c.path)),
                    ctx.surgeon().replace(type.node, str("RuntimeDefault")));
    }
    const auto type = pod.specField({"securityContext", "seccompProfile", "type"});
    const std::string &v = doc.scalar(type.node);
    if (type.present && (v == "RuntimeDefault" || v == "Localhost"))
        return;
    // The API server refuses a pod whose seccomp annotation disagrees with the field,
    // so an annotation that says otherwise goes first.
    if (auto annotation =
            seccompAnnotation(doc, pod.metadata(), "seccomp.security.alpha.kubernetes.io/pod")) {
        ctx.add(r, pod.metadataPath() + ".annotations", "annotation:runtime/default",
                QCoreApplication::translate("PodSec::Fix",
                                            "Set the pod's seccomp annotation to runtime/default"),
                ctx.surgeon().replace(*annotation, str("runtime/default")));
        return;
    }
    ctx.add(r, type.path, "set:RuntimeDefault",
            QCoreApplication::translate("PodSec::Fix",
                                        "Use the RuntimeDefault seccomp profile for the pod"),
            ctx.surgeon().set(pod.spec(), {"securityContext", "seccompProfile", "type"},
                              str("RuntimeDefault")));
}

} // namespace PodSec::Fix::Fixers
