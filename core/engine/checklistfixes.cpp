// SPDX-License-Identifier: Apache-2.0
// The checklist's decisions and the choices the tool can write (spec/checklist.md §2, §3).
// The rules themselves live in core/checklist; this plans edits for their failing
// findings, in the workload's own document or in another object's file.
#include "engine/checklistplanner.h"

#include "k8s/decode.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>

namespace PodSec::Engine::ChecklistPlan {

using Fix::raw;
using Fix::str;

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<ChecklistChoice> choiceOf(const std::string &key, const QString &title,
                                        const std::string &path,
                                        std::optional<Fix::TextEditSet> edits,
                                        const QString &consequence)
{
    if (!edits || edits->isEmpty() || edits->hasErrors())
        return std::nullopt;
    ChecklistChoice c;
    c.key = key;
    c.title = title.toStdString();
    c.consequence = consequence.toStdString();
    c.changes.push_back({path, false, std::move(*edits)});
    return c;
}

Found Planner::find(int file, const std::string &kind, const std::string &name,
                    const std::string &ns, const std::string &apiVersion)
{
    Found found;
    const auto *source = parse(file);
    for (const auto &doc : source->documents) {
        if (doc.error)
            continue;
        forEachObject(
            doc, m_placement, [](const PlacedObject &) {},
            [&](const K8s::Object &o) {
                if (o.kindText == kind && o.apiVersion == apiVersion && o.name == name &&
                    (ns.empty() || o.namespaceOr(m_r.defaultNamespace) == ns))
                    found = {&doc, o.root};
            });
    }
    return found;
}

int Planner::accountUsers(const std::string &ns, const std::string &sa)
{
    if (!m_users) {
        m_users.emplace();
        for (std::size_t f = 0; f < m_s.files.size(); ++f) {
            for (const auto &doc : parse(int(f))->documents) {
                if (doc.error)
                    continue;
                forEachPlacedObject(doc, m_placement, [&](const PlacedObject &o) {
                    if (o.object().controller.kind.empty())
                        ++(*m_users)[{o.namespaceName(), o.pod().serviceAccountName()}];
                });
            }
        }
    }
    const auto it = m_users->find({ns, sa});
    return it == m_users->end() ? 0 : it->second;
}

void Planner::workload(int w, std::vector<ChecklistDecision> &out)
{
    const auto &entry = m_s.workloads[std::size_t(w)];
    if (std::none_of(entry.id().checklist.begin(), entry.id().checklist.end(),
                     [this](const Finding &f) { return wanted(f); }))
        return;
    const auto *source = parse(entry.file);
    if (entry.id().document < 0 || std::size_t(entry.id().document) >= source->documents.size())
        return;
    const auto &doc = source->documents[std::size_t(entry.id().document)];
    if (doc.error)
        return;
    const std::string label =
        entry.id().kind + ' ' +
        (entry.id().namespaceWritten ? entry.id().namespaceName : std::string()) + '/' +
        entry.id().name;
    forEachPlacedObject(doc, m_placement, [&](const PlacedObject &o) {
        if (o.object().item != entry.id().item)
            return;
        for (const auto &f : entry.id().checklist) {
            if (!wanted(f))
                continue;
            ChecklistDecision d;
            d.object = label;
            d.checkId = std::string(f.rule->id);
            d.file = m_s.files[std::size_t(entry.file)].path;
            d.line = entry.id().line;
            d.question = f.detail;
            const int file = editable(entry.file) ? entry.file : -1;
            if (d.checkId == "serviceAccountToken")
                serviceAccountToken(o, file, label, d);
            else if (d.checkId == "mountableSecrets")
                mountableSecrets(o, d);
            else if (file >= 0 && d.checkId == "memoryLimit")
                memoryLimit(o, file, label, d);
            else if (file >= 0 && d.checkId == "hostPathReadOnly")
                hostPathReadOnly(o, file, label, d);
            else if (file >= 0 && d.checkId == "windowsAdministrator")
                windowsAdministrator(o, file, label, d);
            out.push_back(std::move(d));
        }
    });
}

void Planner::serviceAccountToken(const PlacedObject &o, int file, const std::string &label,
                                  ChecklistDecision &d)
{
    const auto &pod = o.pod();
    const QString breaks = QCoreApplication::translate(
        "PodSec::Fix", "a program in the pod that calls the Kubernetes API loses its token "
                       "unless the pod mounts one itself");
    if (file >= 0) {
        const auto &path = m_s.files[std::size_t(file)].path;
        if (auto c = choiceOf("serviceAccountToken|" + label + "|pod", //
                              QCoreApplication::translate(
                                  "PodSec::Fix", "Set automountServiceAccountToken to false "
                                                 "for the pod"),
                              path,
                              surgeon(pod.doc(), file)
                                  .set(pod.spec(), {"automountServiceAccountToken"}, raw("false")),
                              breaks))
            d.choices.push_back(std::move(*c));
    }
    const std::string sa = pod.serviceAccountName();
    const auto *facts = m_s.facts ? m_s.facts->serviceAccount(o.namespaceName(), sa) : nullptr;
    const int saFile = facts && !facts->fromCluster ? fileIndex(facts->file) : -1;
    if (!editable(saFile))
        return;
    const Found account = find(saFile, "ServiceAccount", sa, o.namespaceName());
    if (!account.doc)
        return;
    const int users = accountUsers(o.namespaceName(), sa);
    if (auto c = choiceOf(
            "serviceAccountToken|" + label + "|account",
            QCoreApplication::translate("PodSec::Fix",
                                        "Set automountServiceAccountToken to false on service "
                                        "account \"%1\" (used by %n workload(s))",
                                        nullptr, users)
                .arg(qs(sa)),
            facts->file,
            surgeon(*account.doc, saFile)
                .set(account.root, {"automountServiceAccountToken"}, raw("false")),
            breaks))
        d.choices.push_back(std::move(*c));
}

void Planner::mountableSecrets(const PlacedObject &o, ChecklistDecision &d)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    const std::string sa = pod.serviceAccountName();
    const auto *facts = m_s.facts ? m_s.facts->serviceAccount(o.namespaceName(), sa) : nullptr;
    const int saFile = facts && !facts->fromCluster ? fileIndex(facts->file) : -1;
    if (!facts || !editable(saFile))
        return;
    // Every name the plugin would check, not only the first it stops at.
    std::vector<std::string> secrets, pulls;
    auto note = [&](std::vector<std::string> &list, const std::vector<std::string> &known,
                    NodeId node) {
        if (node == NoNode)
            return;
        const std::string &name = doc.scalar(doc.resolve(node));
        if (std::find(known.begin(), known.end(), name) == known.end() &&
            std::find(list.begin(), list.end(), name) == list.end())
            list.push_back(name);
    };
    auto items = [&](NodeId seq) {
        std::vector<NodeId> out;
        seq = doc.resolve(seq);
        if (seq != NoNode && doc.kind(seq) == Yaml::NodeKind::Sequence)
            for (std::size_t i = 0; i < doc.size(seq); ++i)
                out.push_back(doc.resolve(doc.item(seq, i)));
        return out;
    };
    auto at = [&](NodeId n, std::initializer_list<const char *> keys) {
        for (const char *k : keys)
            n = n == NoNode ? NoNode : doc.resolve(doc.get(n, k));
        return n;
    };
    for (NodeId v : items(pod.specField({"volumes"}).node))
        if (at(v, {"secret"}) != NoNode)
            note(secrets, facts->secrets, at(v, {"secret", "secretName"}));
    for (const auto type : {K8s::ContainerType::Init, K8s::ContainerType::Regular}) {
        for (const auto &c : pod.containers()) {
            if (c.type != type)
                continue;
            for (NodeId e : items(pod.containerField(c, {"env"}).node))
                note(secrets, facts->secrets, at(e, {"valueFrom", "secretKeyRef", "name"}));
            for (NodeId e : items(pod.containerField(c, {"envFrom"}).node))
                note(secrets, facts->secrets, at(e, {"secretRef", "name"}));
        }
    }
    for (NodeId p : items(pod.specField({"imagePullSecrets"}).node))
        note(pulls, facts->pullSecrets, at(p, {"name"}));
    const Found account = find(saFile, "ServiceAccount", sa, o.namespaceName());
    if (!account.doc || (secrets.empty() && pulls.empty()))
        return;
    const auto &cut = surgeon(*account.doc, saFile);
    const auto &adoc = *account.doc;
    std::vector<Fix::TextEdit> all;
    bool ok = true;
    // The names go in one edit per list: items appended after the last one, or a new list.
    auto addTo = [&](const char *key, const std::vector<std::string> &names) {
        if (names.empty())
            return;
        const NodeId seq = adoc.resolve(adoc.get(account.root, key));
        const bool flow =
            seq == NoNode || adoc.node(seq).collectionStyle == Yaml::CollectionStyle::Flow;
        std::optional<Fix::TextEditSet> edits;
        if (seq == NoNode || adoc.node(seq).kind != Yaml::NodeKind::Sequence ||
            adoc.size(seq) == 0) {
            std::string list = "[";
            for (const auto &n : names)
                list += (list.size() > 1 ? ", {" : "{") + cut.key("name") + ": " +
                        cut.format(str(n)) + '}';
            edits = cut.set(account.root, {key}, raw(list + ']'));
        } else {
            std::string more;
            for (const auto &n : names) {
                const std::string item =
                    flow ? '{' + cut.key("name") + ": " + cut.format(str(n)) + '}'
                         : cut.key("name") + ": " + cut.format(str(n));
                auto one = cut.append(seq, raw(item));
                if (!one || one->edits().size() != 1 || one->edits()[0].length != 0)
                    return void(ok = false);
                more += one->edits()[0].text;
                edits = Fix::TextEditSet();
                edits->add({one->edits()[0].offset, 0, more});
            }
        }
        if (!edits)
            return void(ok = false);
        all.insert(all.end(), edits->edits().begin(), edits->edits().end());
    };
    addTo("secrets", secrets);
    addTo("imagePullSecrets", pulls);
    std::vector<std::string> quoted;
    for (const auto *list : {&secrets, &pulls})
        for (const auto &n : *list)
            quoted.push_back('"' + n + '"');
    std::string names;
    for (const auto &n : quoted)
        names += (names.empty() ? "" : ", ") + n;
    Fix::TextEditSet set;
    if (!ok || !mergeEdits(std::move(all), set))
        return;
    if (auto c = choiceOf(
            "mountableSecrets|" + d.object + "|add",
            QCoreApplication::translate("PodSec::Fix", "Add %1 to service account \"%2\"'s secrets")
                .arg(qs(names), qs(sa)),
            facts->file, std::move(set),
            QCoreApplication::translate("PodSec::Fix", "every pod of this service account may then "
                                                       "mount these secrets")))
        d.choices.push_back(std::move(*c));
}

void Planner::memoryLimit(const PlacedObject &o, int file, const std::string &label,
                          ChecklistDecision &d)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    const auto &cut = surgeon(doc, file);
    const auto &path = m_s.files[std::size_t(file)].path;
    auto value = [&](NodeId n) {
        n = doc.resolve(n);
        return doc.isString(n) ? str(doc.scalar(n)) : raw(doc.scalar(n));
    };
    for (const auto &c : pod.containers()) {
        if (c.type == K8s::ContainerType::Ephemeral)
            continue;
        const auto limit = pod.containerField(c, {"resources", "limits", "memory"});
        const auto request = pod.containerField(c, {"resources", "requests", "memory"});
        if (!request.present && !limit.present) {
            // No value to take: the window asks for one (spec/checklist.md §2.2).
            auto ch = choiceOf(
                "memoryLimit|" + label + '|' + c.path + "|ask",
                QCoreApplication::translate(
                    "PodSec::Fix", "Set limits.memory of container \"%1\" to a value you enter")
                    .arg(qs(c.name)),
                path,
                cut.set(c.node, {"resources", "limits", "memory"}, str(ChecklistValuePlaceholder)),
                QCoreApplication::translate("PodSec::Fix", "the container is stopped when it "
                                                           "uses more memory than that"));
            if (ch) {
                ch->ask = QCoreApplication::translate(
                              "PodSec::Fix", "Memory limit of container \"%1\" (for example "
                                             "256Mi or 1Gi):")
                              .arg(qs(c.name))
                              .toStdString();
                d.choices.push_back(std::move(*ch));
            }
            continue;
        }
        if (!request.present)
            continue;
        const auto req = K8s::quantityText(doc, request.node);
        const auto reqValue = req ? K8s::quantityValue(*req) : std::nullopt;
        if (!reqValue)
            continue;
        const QString name = qs(c.name);
        const QString reqText = qs(doc.scalar(doc.resolve(request.node)));
        if (!limit.present) {
            if (auto ch = choiceOf(
                    "memoryLimit|" + label + '|' + c.path + "|set",
                    QCoreApplication::translate("PodSec::Fix",
                                                "Set limits.memory of container \"%1\" to %2")
                        .arg(name, reqText),
                    path, cut.set(c.node, {"resources", "limits", "memory"}, value(request.node)),
                    QCoreApplication::translate("PodSec::Fix",
                                                "the container is stopped when it uses "
                                                "more memory than that")))
                d.choices.push_back(std::move(*ch));
            continue;
        }
        const auto lim = K8s::quantityText(doc, limit.node);
        const auto limValue = lim ? K8s::quantityValue(*lim) : std::nullopt;
        if (!limValue || *limValue <= *reqValue)
            continue;
        const QString limText = qs(doc.scalar(doc.resolve(limit.node)));
        const std::size_t first = d.choices.size();
        if (auto ch = choiceOf(
                "memoryLimit|" + label + '|' + c.path + "|lower",
                QCoreApplication::translate("PodSec::Fix",
                                            "Lower limits.memory of container \"%1\" to %2")
                    .arg(name, reqText),
                path, cut.replace(limit.node, value(request.node)),
                QCoreApplication::translate("PodSec::Fix", "the container is stopped when it "
                                                           "uses more memory than that")))
            d.choices.push_back(std::move(*ch));
        if (auto ch = choiceOf(
                "memoryLimit|" + label + '|' + c.path + "|raise",
                QCoreApplication::translate("PodSec::Fix",
                                            "Raise requests.memory of container \"%1\" to %2")
                    .arg(name, limText),
                path, cut.replace(request.node, value(limit.node)),
                QCoreApplication::translate("PodSec::Fix", "each pod reserves that much memory "
                                                           "on its node, so fewer pods fit")))
            d.choices.push_back(std::move(*ch));
        for (std::size_t i = first; i < d.choices.size(); ++i)
            d.choices[i].exclusive = c.path; // lower the limit or raise the request
    }
}

void Planner::hostPathReadOnly(const PlacedObject &o, int file, const std::string &label,
                               ChecklistDecision &d)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    std::set<std::string> hostPaths;
    const NodeId volumes = doc.resolve(pod.specField({"volumes"}).node);
    if (volumes != NoNode && doc.kind(volumes) == Yaml::NodeKind::Sequence)
        for (std::size_t i = 0; i < doc.size(volumes); ++i) {
            const NodeId v = doc.resolve(doc.item(volumes, i));
            if (doc.get(v, "hostPath") != NoNode)
                hostPaths.insert(doc.scalar(doc.resolve(doc.get(v, "name"))));
        }
    for (const auto &c : pod.containers()) {
        const NodeId mounts = doc.resolve(pod.containerField(c, {"volumeMounts"}).node);
        if (mounts == NoNode || doc.kind(mounts) != Yaml::NodeKind::Sequence)
            continue;
        for (std::size_t i = 0; i < doc.size(mounts); ++i) {
            const NodeId m = doc.resolve(doc.item(mounts, i));
            const std::string &volume = doc.scalar(doc.resolve(doc.get(m, "name")));
            const NodeId ro = doc.get(m, "readOnly");
            if (!hostPaths.count(volume) || (ro != NoNode && doc.isTrue(doc.resolve(ro))))
                continue;
            if (auto ch = choiceOf(
                    "hostPathReadOnly|" + label + '|' + c.path + ".volumeMounts[" +
                        std::to_string(i) + "]|set",
                    QCoreApplication::translate("PodSec::Fix", "Mount host path volume \"%1\" "
                                                               "read-only in container \"%2\"")
                        .arg(qs(volume), qs(c.name)),
                    m_s.files[std::size_t(file)].path,
                    surgeon(doc, file).set(m, {"readOnly"}, raw("true")),
                    QCoreApplication::translate("PodSec::Fix",
                                                "the container can no longer write there")))
                d.choices.push_back(std::move(*ch));
        }
    }
}

void Planner::windowsAdministrator(const PlacedObject &o, int file, const std::string &label,
                                   ChecklistDecision &d)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    const auto &path = m_s.files[std::size_t(file)].path;
    const QString breaks = QCoreApplication::translate(
        "PodSec::Fix", "a program that needs administrator rights inside the container fails");
    auto isAdmin = [&](const K8s::FieldRef &f) {
        return f.present && equalsNoCase(doc.scalar(doc.resolve(f.node)), "ContainerAdministrator");
    };
    bool podNeeded = false;
    for (const auto &c : pod.containers()) {
        const auto own =
            pod.containerField(c, {"securityContext", "windowsOptions", "runAsUserName"});
        if (!own.present) {
            podNeeded = true;
            continue;
        }
        if (isAdmin(own))
            if (auto ch = choiceOf(
                    "windowsAdministrator|" + label + '|' + c.path + "|set",
                    QCoreApplication::translate(
                        "PodSec::Fix", "Set runAsUserName to ContainerUser in container \"%1\"")
                        .arg(qs(c.name)),
                    path, surgeon(doc, file).replace(own.node, str("ContainerUser")), breaks))
                d.choices.push_back(std::move(*ch));
    }
    const auto podLevel = pod.specField({"securityContext", "windowsOptions", "runAsUserName"});
    if (podNeeded && isAdmin(podLevel))
        if (auto ch = choiceOf(
                "windowsAdministrator|" + label + "|pod|set",
                QCoreApplication::translate("PodSec::Fix",
                                            "Set runAsUserName to ContainerUser for the pod"),
                path, surgeon(doc, file).replace(podLevel.node, str("ContainerUser")), breaks))
            d.choices.push_back(std::move(*ch));
}

} // namespace PodSec::Engine::ChecklistPlan

namespace PodSec::Engine {

bool fillChoice(ChecklistChoice &choice, const std::string &value, std::string &error)
{
    const bool plain = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
    });
    const auto quantity = plain ? K8s::quantityValue(value) : std::nullopt;
    if (!quantity || *quantity <= 0) {
        error = QCoreApplication::translate("PodSec::Fix",
                                            "%1 is not a memory quantity (for example 256Mi)")
                    .arg(ChecklistPlan::qs(value))
                    .toStdString();
        return false;
    }
    const std::string placeholder = ChecklistValuePlaceholder;
    for (auto &change : choice.changes) {
        Fix::TextEditSet filled;
        for (auto e : change.edits.edits()) {
            for (auto at = e.text.find(placeholder); at != std::string::npos;
                 at = e.text.find(placeholder, at + value.size()))
                e.text.replace(at, placeholder.size(), value);
            filled.add(std::move(e));
        }
        change.edits = std::move(filled);
    }
    choice.ask.clear();
    return true;
}

} // namespace PodSec::Engine
