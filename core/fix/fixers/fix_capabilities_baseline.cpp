// SPDX-License-Identifier: Apache-2.0
//
// capabilities_baseline: capabilities added beyond the runtime's defaults are a decision
// (the program may need them). fixAddedCapabilities() also serves capabilities_restricted
// (fix_capabilities_restricted.cpp).
#include "fix/fixers/fixers.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <iterator>

namespace PodSec::Fix::Fixers {

using Yaml::NodeId;
using Yaml::NodeKind;

namespace {

const char *const DefaultCapabilities[] = {
    "AUDIT_WRITE",      "CHOWN",   "DAC_OVERRIDE", "FOWNER",  "FSETID", "KILL",      "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID",       "SETPCAP", "SETUID", "SYS_CHROOT"};

bool isDefaultCapability(const std::string &c)
{
    return std::any_of(std::begin(DefaultCapabilities), std::end(DefaultCapabilities),
                       [&](const char *d) { return c == d; });
}

} // namespace

void fixAddedCapabilities(FixContext &ctx, const Policy::CheckResult &r, const K8s::Container &c,
                          bool restricted)
{
    const Yaml::Document &doc = ctx.doc();
    const auto addRef = ctx.pod().containerField(c, {"securityContext", "capabilities", "add"});
    if (!addRef.present || doc.kind(addRef.node) != NodeKind::Sequence)
        return;
    std::vector<std::size_t> defaults, others;
    QStringList defaultNames, otherNames;
    for (std::size_t i = 0; i < doc.size(addRef.node); ++i) {
        const std::string &cap = doc.scalar(doc.item(addRef.node, i));
        const bool allowed = restricted ? cap == "NET_BIND_SERVICE" : isDefaultCapability(cap);
        if (allowed)
            continue;
        // Capabilities the runtime grants by default are removed; anything beyond
        // them was added on purpose, and the program may truly need it.
        if (restricted && isDefaultCapability(cap)) {
            defaults.push_back(i);
            defaultNames << QString::fromStdString(cap);
        } else {
            others.push_back(i);
            otherNames << QString::fromStdString(cap);
        }
    }
    const NodeId seq = doc.resolve(addRef.node);
    if (!defaults.empty())
        ctx.add(r, addRef.path, "remove:" + defaultNames.join(QLatin1Char(',')).toStdString(),
                QCoreApplication::translate("PodSec::Fix", "Remove %1 from capabilities.add in %2")
                    .arg(defaultNames.join(QStringLiteral(", ")), ctx.subject(c.path)),
                ctx.surgeon().removeItems(seq, defaults));
    if (others.empty())
        return;
    std::vector<FixIt> choices;
    if (auto ch = FixContext::choice(
            r, addRef.path, "remove:" + otherNames.join(QLatin1Char(',')).toStdString(),
            QCoreApplication::translate("PodSec::Fix", "Remove %1 from capabilities.add in %2")
                .arg(otherNames.join(QStringLiteral(", ")), ctx.subject(c.path)),
            ctx.surgeon().removeItems(seq, others)))
        choices.push_back(std::move(*ch));
    ctx.decide(r, addRef.path,
               QCoreApplication::translate(
                   "PodSec::Fix", "%1 adds %2; the program may need it. Removing it may break the "
                                  "program, keeping it keeps the workload from passing")
                   .arg(ctx.subject(c.path), otherNames.join(QStringLiteral(", "))),
               std::move(choices));
}

void capabilitiesBaseline(FixContext &ctx, const Policy::CheckResult &r)
{
    for (const auto &c : ctx.pod().containers())
        fixAddedCapabilities(ctx, r, c, false);
}

} // namespace PodSec::Fix::Fixers
