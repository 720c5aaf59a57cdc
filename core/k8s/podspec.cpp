// SPDX-License-Identifier: Apache-2.0
#include "k8s/podspec.h"

namespace PodSec::K8s {

PodSpecView::PodSpecView(const Object &object) : m_object(object)
{
    const auto &d = doc();
    const auto spec = object.podSpec;
    if (spec == Yaml::NoNode)
        return;
    struct List
    {
        const char *key;
        ContainerType type;
    };
    for (const List list :
         {List{"initContainers", ContainerType::Init}, List{"containers", ContainerType::Regular},
          List{"ephemeralContainers", ContainerType::Ephemeral}}) {
        const auto seq = d.get(spec, list.key);
        if (d.kind(seq) != Yaml::NodeKind::Sequence)
            continue;
        for (std::size_t i = 0; i < d.size(seq); ++i) {
            Container c;
            c.node = d.item(seq, i);
            c.type = list.type;
            c.index = static_cast<int>(i);
            c.name = d.scalar(d.get(c.node, "name"));
            c.path = specPath() + '.' + list.key + '[' + std::to_string(i) + ']';
            m_containers.push_back(std::move(c));
        }
    }
    const auto os = d.get(d.get(spec, "os"), "name");
    m_windows = d.isString(os) && d.scalar(os) == "windows";
    m_userNamespace = d.isFalse(d.get(spec, "hostUsers"));
}

FieldRef PodSpecView::field(Yaml::NodeId base, const std::string &basePath,
                            std::initializer_list<std::string_view> keys) const
{
    const auto &d = doc();
    FieldRef ref;
    ref.path = basePath;
    Yaml::NodeId current = base;
    ref.anchor = base;
    bool missing = base == Yaml::NoNode || d.kind(base) == Yaml::NodeKind::Null;
    Yaml::NodeId via =
        (base != Yaml::NoNode && d.node(base).aliasOf != Yaml::NoNode) ? base : Yaml::NoNode;
    for (auto key : keys) {
        if (!ref.path.empty())
            ref.path += '.';
        ref.path += key;
        if (missing)
            continue;
        const auto next = d.get(current, key);
        if (next == Yaml::NoNode || d.kind(next) == Yaml::NodeKind::Null) {
            missing = true;
            if (next != Yaml::NoNode)
                ref.anchor = d.keyOf(current, key);
            continue;
        }
        current = next;
        ref.anchor = next;
        if (via == Yaml::NoNode && d.node(next).aliasOf != Yaml::NoNode)
            via = next;
    }
    ref.present = !missing;
    ref.node = missing ? Yaml::NoNode : current;
    // A value reached through an alias is reported where the alias is written in this
    // object, not where the anchored original happens to live.
    if (ref.present && via != Yaml::NoNode)
        ref.anchor = via;
    return ref;
}

std::string PodSpecView::serviceAccountName() const
{
    const auto &d = doc();
    for (const char *key : {"serviceAccountName", "serviceAccount"}) {
        const auto f = specField({key});
        if (f.present && !d.scalar(d.resolve(f.node)).empty())
            return d.scalar(d.resolve(f.node));
    }
    return "default";
}

} // namespace PodSec::K8s
