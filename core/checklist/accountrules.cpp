// SPDX-License-Identifier: Apache-2.0
// The checklist's workload rules on service accounts and Secrets (spec/checklist.md §2.1,
// §2.5, §2.9), and the helpers every checklist rule shares.
#include "checklist/rules.h"

#include "policy/checks/checkutil.h"

#include <algorithm>

namespace PodSec::Checklist {

using Policy::Checks::itemRef;
using Policy::Checks::itemsOf;

std::string q(std::string_view s)
{
    return Policy::Checks::goQuote(s);
}

std::string qList(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &item : items) {
        if (!out.empty())
            out += ", ";
        out += q(item);
    }
    return out;
}

std::string join(const std::vector<std::string> &items, std::string_view sep)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += sep;
        out += items[i];
    }
    return out;
}

void addField(Finding &finding, const Yaml::Document &doc, const std::string &path,
              Yaml::NodeId node, Yaml::NodeId anchor, bool allowed, bool hideValue)
{
    Policy::InspectedField f;
    f.path = path;
    f.present = node != Yaml::NoNode;
    f.value = f.present && !hideValue ? doc.toJson(node) : std::string("null");
    f.allowed = allowed;
    const Yaml::NodeId at = anchor != Yaml::NoNode ? anchor : doc.root;
    if (at != Yaml::NoNode) {
        const auto &n = doc.node(at);
        f.offset = n.start;
        f.endOffset = n.end;
        f.line = n.line;
        f.column = n.column;
    }
    finding.fields.push_back(std::move(f));
}

void addField(Finding &finding, const K8s::PodSpecView &pod, const K8s::FieldRef &field,
              bool allowed, bool hideValue)
{
    addField(finding, pod.doc(), field.path, field.present ? field.node : Yaml::NoNode,
             field.anchor != Yaml::NoNode ? field.anchor : pod.object().root, allowed, hideValue);
}

namespace {

const Engine::ServiceAccountFacts *accountOf(const Engine::PlacedObject &o, std::string &name)
{
    name = o.pod().serviceAccountName();
    const auto &facts = o.placement().facts;
    return facts ? facts->serviceAccount(o.namespaceName(), name) : nullptr;
}

} // namespace

// §2.1 The pod gets an API token mounted without asking for it: effective automount is the
// pod's setting, else its ServiceAccount's (when in the workspace), else true.
void serviceAccountToken(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    std::string name;
    const auto *account = accountOf(o, name);
    const auto own = pod.specField({"automountServiceAccountToken"});
    const bool ownSet = own.present && (doc.isTrue(own.node) || doc.isFalse(own.node));
    bool automount = true;
    if (ownSet)
        automount = doc.isTrue(own.node);
    else if (account && account->automountSet)
        automount = account->automount;
    addField(f, pod, own, !automount);
    if (account) {
        auto field = account->automountField;
        field.allowed = !automount || (account->automountSet && !account->automount);
        if (ownSet)
            field.allowed = true;
        f.fields.push_back(std::move(field));
    }
    if (!automount)
        return;
    f.allowed = false;
    f.reason = "automountServiceAccountToken != false";
    f.detail = "pod uses service account " + q(name) +
               " and does not set automountServiceAccountToken=false";
    if (account && account->automountSet && account->automount)
        f.detail += "; service account " + q(name) + " sets it to true";
}

// §2.5 Secrets reach a container through environment variables.
void secretEnv(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    std::vector<std::string> details;
    for (const auto &c : pod.containers()) {
        const auto env = pod.containerField(c, {"env"});
        for (std::size_t i = 0; i < itemsOf(pod, env).size(); ++i) {
            const auto entry = itemRef(pod, env, i);
            const auto ref = pod.field(entry.node, entry.path, {"valueFrom", "secretKeyRef"});
            if (!ref.present)
                continue;
            addField(f, pod, ref, false);
            details.push_back("container " + q(c.name) + " reads secret " +
                              q(doc.scalar(doc.get(ref.node, "name"))) +
                              " into environment variable " +
                              q(doc.scalar(doc.get(entry.node, "name"))));
        }
        const auto envFrom = pod.containerField(c, {"envFrom"});
        for (std::size_t i = 0; i < itemsOf(pod, envFrom).size(); ++i) {
            const auto entry = itemRef(pod, envFrom, i);
            const auto ref = pod.field(entry.node, entry.path, {"secretRef"});
            if (!ref.present)
                continue;
            addField(f, pod, ref, false);
            details.push_back("container " + q(c.name) + " imports secret " +
                              q(doc.scalar(doc.get(ref.node, "name"))) +
                              " as environment variables");
        }
    }
    if (!details.empty()) {
        f.allowed = false;
        f.reason = "secret in environment";
        f.detail = join(details, "; ");
    }
}

namespace {

bool contains(const std::vector<std::string> &list, const std::string &name)
{
    return std::find(list.begin(), list.end(), name) != list.end();
}

} // namespace

// §2.9 Exactly the ServiceAccount admission plugin: with the account's
// kubernetes.io/enforce-mountable-secrets annotation true, every Secret the pod mounts or
// reads must be listed in the account's secrets (image pull secrets in imagePullSecrets).
// The first violation is the answer.
void mountableSecrets(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    std::string sa;
    const auto *account = accountOf(o, sa);
    if (!account || !account->enforceMountable)
        return;
    const std::string tail =
        " is not allowed because service account " + sa + " does not reference that secret";
    std::string violation;
    auto check = [&](const K8s::FieldRef &ref, const std::string &name, const std::string &text) {
        const bool ok = contains(account->secrets, name);
        addField(f, pod, ref, ok);
        if (!ok && violation.empty())
            violation = text;
        return ok;
    };
    const auto volumes = pod.specField({"volumes"});
    for (std::size_t i = 0; i < itemsOf(pod, volumes).size() && violation.empty(); ++i) {
        const auto volume = itemRef(pod, volumes, i);
        const auto ref = pod.field(volume.node, volume.path, {"secret", "secretName"});
        if (!pod.field(volume.node, volume.path, {"secret"}).present)
            continue;
        const std::string name = ref.present ? doc.scalar(doc.resolve(ref.node)) : std::string();
        check(ref, name, "volume with secret.secretName=\"" + name + "\"" + tail);
    }
    for (const auto type : {K8s::ContainerType::Init, K8s::ContainerType::Regular}) {
        const std::string kind =
            type == K8s::ContainerType::Init ? "init container " : "container ";
        for (const auto &c : pod.containers()) {
            if (c.type != type || !violation.empty())
                continue;
            const auto env = pod.containerField(c, {"env"});
            for (std::size_t i = 0; i < itemsOf(pod, env).size() && violation.empty(); ++i) {
                const auto entry = itemRef(pod, env, i);
                const auto ref =
                    pod.field(entry.node, entry.path, {"valueFrom", "secretKeyRef", "name"});
                if (!pod.field(entry.node, entry.path, {"valueFrom", "secretKeyRef"}).present)
                    continue;
                const std::string name =
                    ref.present ? doc.scalar(doc.resolve(ref.node)) : std::string();
                check(ref, name,
                      kind + c.name + " with envVar " + doc.scalar(doc.get(entry.node, "name")) +
                          " referencing secret.secretName=\"" + name + "\"" + tail);
            }
            const auto envFrom = pod.containerField(c, {"envFrom"});
            for (std::size_t i = 0; i < itemsOf(pod, envFrom).size() && violation.empty(); ++i) {
                const auto entry = itemRef(pod, envFrom, i);
                const auto ref = pod.field(entry.node, entry.path, {"secretRef", "name"});
                if (!pod.field(entry.node, entry.path, {"secretRef"}).present)
                    continue;
                const std::string name =
                    ref.present ? doc.scalar(doc.resolve(ref.node)) : std::string();
                check(ref, name,
                      kind + c.name + " with envFrom referencing secret.secretName=\"" + name +
                          "\"" + tail);
            }
        }
    }
    const auto pulls = pod.specField({"imagePullSecrets"});
    for (std::size_t i = 0; i < itemsOf(pod, pulls).size() && violation.empty(); ++i) {
        const auto entry = itemRef(pod, pulls, i);
        const auto ref = pod.field(entry.node, entry.path, {"name"});
        const std::string name = ref.present ? doc.scalar(doc.resolve(ref.node)) : std::string();
        const bool ok = contains(account->pullSecrets, name);
        addField(f, pod, ref, ok);
        if (!ok)
            violation = "imagePullSecrets[" + std::to_string(i) + "].name=\"" + name +
                        "\" is not allowed because service account " + sa +
                        " does not reference that imagePullSecret";
    }
    if (violation.empty())
        return;
    f.allowed = false;
    f.reason = "secret not mountable";
    if (o.object().kind == K8s::Kind::Pod)
        f.detail = "pods \"" + o.object().name + "\" is forbidden: " + violation;
    else
        f.detail = "pods created from this template would be rejected: " + violation;
}

} // namespace PodSec::Checklist
