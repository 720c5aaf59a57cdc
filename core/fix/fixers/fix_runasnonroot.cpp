// SPDX-License-Identifier: Apache-2.0
//
// runAsNonRoot: runAsNonRoot: false in a container is set to true, and the pod gets
// runAsNonRoot: true. For a Windows pod (or one that selects Windows nodes) each of these
// is a decision instead: it needs a non-administrator user the image supports.
#include "fix/fixers/fixers.h"

#include <QCoreApplication>

namespace PodSec::Fix::Fixers {

void runAsNonRoot(FixContext &ctx, const Policy::CheckResult &r)
{
    const auto &pod = ctx.pod();
    const bool windows = pod.isWindows() || ctx.selectsWindows();
    auto offer = [&](const std::string &path, const std::string &action, const QString &title,
                     Edits edits) {
        if (!windows)
            return ctx.add(r, path, action, title, std::move(edits));
        std::vector<FixIt> choices;
        if (auto c = FixContext::choice(r, path, action, title, std::move(edits)))
            choices.push_back(std::move(*c));
        ctx.decide(r, path,
                   QCoreApplication::translate(
                       "PodSec::Fix",
                       "A Windows container runs as non-root only with a non-administrator user "
                       "(windowsOptions.runAsUserName, for example ContainerUser) that its image "
                       "supports"),
                   std::move(choices));
    };
    bool explicitFalse = false;
    for (const auto &c : pod.containers()) {
        const auto f = pod.containerField(c, {"securityContext", "runAsNonRoot"});
        if (f.present && ctx.doc().isFalse(f.node)) {
            explicitFalse = true;
            offer(f.path, "set:true",
                  QCoreApplication::translate("PodSec::Fix", "Set runAsNonRoot to true in %1")
                      .arg(ctx.subject(c.path)),
                  ctx.surgeon().replace(f.node, raw("true")));
        }
    }
    const auto f = pod.specField({"securityContext", "runAsNonRoot"});
    if (!(f.present && ctx.doc().isTrue(f.node)) && !(windows && explicitFalse))
        offer(f.path, "set:true",
              QCoreApplication::translate("PodSec::Fix", "Set runAsNonRoot to true for the pod"),
              ctx.surgeon().set(pod.spec(), {"securityContext", "runAsNonRoot"}, raw("true")));
}

} // namespace PodSec::Fix::Fixers
