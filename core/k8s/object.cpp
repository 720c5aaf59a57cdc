// SPDX-License-Identifier: Apache-2.0
#include "k8s/object.h"

#include "k8s/decode.h"

#include <optional>

#include <array>

namespace PodSec::K8s {

namespace {

struct KindInfo
{
    Kind kind;
    const char *name;
    const char *resource;
    std::array<const char *, 2> groups; ///< API groups this kind is served from
    const char *templatePath;           ///< path to the pod template, "" for Pod itself
};

constexpr KindInfo s_kinds[] = {
    {Kind::Pod, "Pod", "pods", {"", nullptr}, ""},
    {Kind::PodTemplate, "PodTemplate", "podtemplates", {"", nullptr}, "template"},
    {Kind::ReplicationController,
     "ReplicationController",
     "replicationcontrollers",
     {"", nullptr},
     "spec.template"},
    {Kind::ReplicaSet, "ReplicaSet", "replicasets", {"apps", "extensions"}, "spec.template"},
    {Kind::Deployment, "Deployment", "deployments", {"apps", "extensions"}, "spec.template"},
    {Kind::DaemonSet, "DaemonSet", "daemonsets", {"apps", "extensions"}, "spec.template"},
    {Kind::StatefulSet, "StatefulSet", "statefulsets", {"apps", nullptr}, "spec.template"},
    {Kind::Job, "Job", "jobs", {"batch", nullptr}, "spec.template"},
    {Kind::CronJob, "CronJob", "cronjobs", {"batch", nullptr}, "spec.jobTemplate.spec.template"},
    {Kind::Namespace, "Namespace", "namespaces", {"", nullptr}, nullptr},
};

std::string groupOf(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

/// nonFinite: the document's firstNonFinite(), found on the first pod-bearing object.
void describe(const Yaml::Document &doc, Yaml::NodeId root, Object &o,
              std::optional<Yaml::NodeId> &nonFinite, const std::string &inheritedKind = {},
              const std::string &inheritedApiVersion = {})
{
    o.apiVersion = doc.scalar(doc.get(root, "apiVersion"));
    o.kindText = doc.scalar(doc.get(root, "kind"));
    // Items of a typed API list (PodList, DeploymentList) carry no kind of their own.
    if (o.kindText.empty() && o.apiVersion.empty() && !inheritedKind.empty()) {
        o.kindText = inheritedKind;
        o.apiVersion = inheritedApiVersion;
    }
    const auto meta = doc.get(root, "metadata");
    o.name = doc.scalar(doc.get(meta, "name"));
    o.namespaceName = doc.scalar(doc.get(meta, "namespace"));
    o.uid = doc.scalar(doc.get(meta, "uid"));
    const auto owners = doc.get(meta, "ownerReferences");
    for (std::size_t i = 0; i < doc.size(owners); ++i) {
        const auto ref = doc.resolve(doc.item(owners, i));
        if (!doc.isTrue(doc.get(ref, "controller")))
            continue;
        o.controller = {doc.scalar(doc.get(ref, "kind")), doc.scalar(doc.get(ref, "name")),
                        doc.scalar(doc.get(ref, "uid"))};
        break;
    }
    const auto &rn = doc.node(doc.resolve(root));
    o.line = rn.line;
    o.column = rn.column;
    const std::string group = groupOf(o.apiVersion);
    for (const auto &info : s_kinds) {
        if (o.kindText != info.name)
            continue;
        if (group != (info.groups[0] ? info.groups[0] : "") &&
            !(info.groups[1] && group == info.groups[1]))
            continue;
        o.kind = info.kind;
        if (info.kind == Kind::Namespace) {
            const auto labels = doc.get(meta, "labels");
            for (std::size_t i = 0; i < doc.size(labels); ++i) {
                if (doc.kind(doc.mapKey(labels, i)) == Yaml::NodeKind::Scalar)
                    o.labels.emplace_back(doc.scalar(doc.mapKey(labels, i)),
                                          doc.scalar(doc.mapValue(labels, i)));
            }
            return;
        }
        std::string path = info.templatePath;
        Yaml::NodeId tmpl = root;
        if (!path.empty()) {
            std::size_t from = 0;
            while (tmpl != Yaml::NoNode && from <= path.size()) {
                auto dot = path.find('.', from);
                if (dot == std::string::npos)
                    dot = path.size();
                tmpl = doc.getSet(tmpl, std::string_view(path).substr(from, dot - from));
                from = dot + 1;
            }
            if (doc.kind(tmpl) != Yaml::NodeKind::Mapping)
                tmpl = Yaml::NoNode;
            path += '.';
        }
        // Only ReplicationController.spec.template is a pointer; every other template is a
        // struct that decodes to the empty pod template when absent (spec/pss-checks.md 6.3).
        o.hasTemplate = tmpl != Yaml::NoNode || info.kind != Kind::ReplicationController;
        if (!nonFinite)
            nonFinite = firstNonFinite(doc);
        o.decodeError = decodeError(doc, o, *nonFinite);
        o.podMetadataPath = path + "metadata";
        o.podSpecPath = path + "spec";
        if (tmpl != Yaml::NoNode) {
            o.podMetadata = doc.getSet(tmpl, "metadata");
            o.podSpec = doc.getSet(tmpl, "spec");
        }
        return;
    }
}

} // namespace

const char *kindName(Kind kind)
{
    for (const auto &info : s_kinds) {
        if (info.kind == kind)
            return info.name;
    }
    return "";
}

const char *resourceName(Kind kind)
{
    for (const auto &info : s_kinds) {
        if (info.kind == kind)
            return info.resource;
    }
    return "";
}

std::vector<Object> objectsIn(const Yaml::Document &doc)
{
    std::vector<Object> result;
    std::optional<Yaml::NodeId> nonFinite;
    if (doc.root == Yaml::NoNode || doc.kind(doc.root) != Yaml::NodeKind::Mapping)
        return result;
    const std::string &kind = doc.scalar(doc.get(doc.root, "kind"));
    const auto items = doc.get(doc.root, "items");
    const bool isList = kind.size() >= 4 && kind.compare(kind.size() - 4, 4, "List") == 0 &&
                        doc.kind(items) == Yaml::NodeKind::Sequence;
    if (!isList) {
        Object o;
        o.document = &doc;
        o.root = doc.root;
        describe(doc, doc.root, o, nonFinite);
        result.push_back(std::move(o));
        return result;
    }
    const std::string itemKind = kind == "List" ? std::string() : kind.substr(0, kind.size() - 4);
    const std::string &listApiVersion = doc.scalar(doc.get(doc.root, "apiVersion"));
    for (std::size_t i = 0; i < doc.size(items); ++i) {
        const auto item = doc.item(items, i);
        if (doc.kind(item) != Yaml::NodeKind::Mapping)
            continue;
        Object o;
        o.document = &doc;
        o.root = item;
        o.item = static_cast<int>(i);
        describe(doc, item, o, nonFinite, itemKind, listApiVersion);
        result.push_back(std::move(o));
    }
    return result;
}

} // namespace PodSec::K8s
