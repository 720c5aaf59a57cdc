// SPDX-License-Identifier: Apache-2.0
// The checklist's workload rules on resources, images and host paths (spec/checklist.md
// §2.2–§2.4, §2.6–§2.8). Service-account and Secret rules are in accountrules.cpp.
#include "checklist/rules.h"

#include "k8s/decode.h"
#include "policy/checks/checkutil.h"

#include <algorithm>
#include <array>

namespace PodSec::Checklist {

using Policy::Checks::itemRef;
using Policy::Checks::itemsOf;

namespace {

bool initOrRegular(const K8s::Container &c)
{
    return c.type != K8s::ContainerType::Ephemeral;
}

/// Fails f with reason and the details joined "; " when there are any.
void settle(Finding &f, const char *reason, const std::vector<std::string> &details)
{
    if (details.empty())
        return;
    f.allowed = false;
    f.reason = reason;
    f.detail = join(details, "; ");
}

} // namespace

// §2.2 Each container of initContainers and containers sets resources.limits.memory, not
// above resources.requests.memory when that is set; quantities compare by value.
void memoryLimit(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    std::vector<std::string> details;
    for (const auto &c : pod.containers()) {
        if (!initOrRegular(c))
            continue;
        const auto limit = pod.containerField(c, {"resources", "limits", "memory"});
        const auto request = pod.containerField(c, {"resources", "requests", "memory"});
        if (!limit.present) {
            addField(f, pod, limit, false);
            details.push_back("container " + q(c.name) + " must set resources.limits.memory");
            continue;
        }
        const auto limitText = K8s::quantityText(doc, limit.node);
        const auto limitValue = limitText ? K8s::quantityValue(*limitText) : std::nullopt;
        if (!limitValue) {
            addField(f, pod, limit, false);
            details.push_back("container " + q(c.name) + " has an invalid memory quantity " +
                              q(doc.scalar(doc.resolve(limit.node))));
            continue;
        }
        if (!request.present) {
            addField(f, pod, limit, true);
            continue;
        }
        const auto requestText = K8s::quantityText(doc, request.node);
        const auto requestValue = requestText ? K8s::quantityValue(*requestText) : std::nullopt;
        if (!requestValue) {
            addField(f, pod, limit, true);
            addField(f, pod, request, false);
            details.push_back("container " + q(c.name) + " has an invalid memory quantity " +
                              q(doc.scalar(doc.resolve(request.node))));
            continue;
        }
        const bool above = *limitValue > *requestValue;
        addField(f, pod, limit, !above);
        addField(f, pod, request, !above);
        if (above)
            details.push_back("container " + q(c.name) + " has resources.limits.memory " +
                              doc.scalar(doc.resolve(limit.node)) +
                              " above resources.requests.memory " +
                              doc.scalar(doc.resolve(request.node)));
    }
    settle(f, "memory limit", details);
}

// §2.3 Each container of initContainers and containers sets resources.limits.cpu.
void cpuLimit(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    std::vector<std::string> bad;
    for (const auto &c : pod.containers()) {
        if (!initOrRegular(c))
            continue;
        const auto limit = pod.containerField(c, {"resources", "limits", "cpu"});
        addField(f, pod, limit, limit.present);
        if (!limit.present)
            bad.push_back(c.name);
    }
    if (!bad.empty()) {
        f.allowed = false;
        f.reason = "cpu limit";
        f.detail = "containers " + qList(bad) + " do not set resources.limits.cpu";
    }
}

// §2.4 Each container names its image by digest.
void imageDigest(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    std::vector<std::string> details;
    for (const auto &c : pod.containers()) {
        const auto image = pod.containerField(c, {"image"});
        if (!image.present)
            continue;
        const std::string &ref = doc.scalar(doc.resolve(image.node));
        if (ref.empty())
            continue;
        const K8s::ImagePin pin = K8s::imagePin(ref);
        addField(f, pod, image, pin == K8s::ImagePin::Digest);
        const std::string head = "container " + q(c.name) + " image " + q(ref);
        switch (pin) {
        case K8s::ImagePin::Digest:
            break;
        case K8s::ImagePin::NoTag:
            details.push_back(head + " has no tag and no digest");
            break;
        case K8s::ImagePin::Latest:
            details.push_back(head + " uses the latest tag");
            break;
        case K8s::ImagePin::Tag:
            details.push_back(head + " is referenced by tag, not by digest");
            break;
        }
    }
    settle(f, "image not pinned by digest", details);
}

namespace {

struct Sensitive
{
    std::string_view path;
    bool andBelow;
    std::string_view what;
};

constexpr std::array<Sensitive, 10> sensitivePaths = {{
    {"/run/docker.sock", false, "the container runtime socket"},
    {"/run/containerd/containerd.sock", false, "the container runtime socket"},
    {"/run/crio/crio.sock", false, "the container runtime socket"},
    {"/run/cri-dockerd.sock", false, "the container runtime socket"},
    {"/run/k3s/containerd/containerd.sock", false, "the container runtime socket"},
    {"/run/dockershim.sock", false, "the container runtime socket"},
    {"/etc/kubernetes/manifests", true, "the kubelet's static pod manifests"},
    {"/etc/kubernetes/pki", true, "control-plane keys, etcd data"},
    {"/var/lib/etcd", true, "control-plane keys, etcd data"},
    {"/var/lib/kubelet", true, "kubelet credentials and every pod's volumes"},
}};

/// "a" is inside "b" (strictly below it).
bool below(std::string_view a, std::string_view b)
{
    if (b == "/")
        return a.size() > 1;
    return a.size() > b.size() && a.substr(0, b.size()) == b && a[b.size()] == '/';
}

} // namespace

// §2.6 A hostPath volume that is, contains or (for the directories) is inside a path that
// gives the container a way to the node or the control plane.
void hostPathSensitive(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    const auto volumes = pod.specField({"volumes"});
    std::vector<std::string> details;
    for (std::size_t i = 0; i < itemsOf(pod, volumes).size(); ++i) {
        const auto volume = itemRef(pod, volumes, i);
        const auto path = pod.field(volume.node, volume.path, {"hostPath", "path"});
        if (!path.present)
            continue;
        const std::string &written = doc.scalar(doc.resolve(path.node));
        const std::string clean = K8s::cleanHostPath(written);
        const char *relation = nullptr;
        const Sensitive *hit = nullptr;
        for (const auto &s : sensitivePaths) {
            if (clean == s.path)
                relation = "is";
            else if (below(s.path, clean))
                relation = "contains";
            else if (s.andBelow && below(clean, s.path))
                relation = "is inside";
            if (relation) {
                hit = &s;
                break;
            }
        }
        addField(f, pod, path, !hit);
        if (hit)
            details.push_back("volume " + q(doc.scalar(doc.get(volume.node, "name"))) +
                              " mounts host path " + q(written) + ", which " + relation + ' ' +
                              q(hit->path) + " (" + std::string(hit->what) + ")");
    }
    settle(f, "sensitive host path", details);
}

// §2.7 Every volumeMounts entry whose volume is a hostPath volume sets readOnly: true.
void hostPathReadOnly(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    const auto volumes = pod.specField({"volumes"});
    std::vector<std::string> hostVolumes;
    for (std::size_t i = 0; i < itemsOf(pod, volumes).size(); ++i) {
        const auto volume = itemRef(pod, volumes, i);
        if (pod.field(volume.node, volume.path, {"hostPath"}).present)
            hostVolumes.push_back(doc.scalar(doc.get(volume.node, "name")));
    }
    if (hostVolumes.empty())
        return;
    std::vector<std::string> details;
    for (const auto &c : pod.containers()) {
        const auto mounts = pod.containerField(c, {"volumeMounts"});
        for (std::size_t i = 0; i < itemsOf(pod, mounts).size(); ++i) {
            const auto mount = itemRef(pod, mounts, i);
            const std::string &name = doc.scalar(doc.get(mount.node, "name"));
            if (std::find(hostVolumes.begin(), hostVolumes.end(), name) == hostVolumes.end())
                continue;
            const auto readOnly = pod.field(mount.node, mount.path, {"readOnly"});
            const bool ok = readOnly.present && doc.isTrue(readOnly.node);
            addField(f, pod, readOnly, ok);
            if (!ok)
                details.push_back("container " + q(c.name) + " mounts host path volume " + q(name) +
                                  " without readOnly=true");
        }
    }
    settle(f, "writable host path", details);
}

namespace {

bool isContainerAdministrator(std::string_view name)
{
    static constexpr std::string_view admin = "containeradministrator";
    if (name.size() != admin.size())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != admin[i])
            return false;
    }
    return true;
}

} // namespace

// §2.8 The effective windowsOptions.runAsUserName of a container is not
// ContainerAdministrator (case-insensitively).
void windowsAdministrator(const Engine::PlacedObject &o, Finding &f)
{
    const auto &pod = o.pod();
    const auto &doc = pod.doc();
    const auto podField = pod.specField({"securityContext", "windowsOptions", "runAsUserName"});
    const bool podAdmin =
        podField.present && isContainerAdministrator(doc.scalar(doc.resolve(podField.node)));
    bool podUsed = false;
    std::vector<std::string> bad;
    for (const auto &c : pod.containers()) {
        const auto own =
            pod.containerField(c, {"securityContext", "windowsOptions", "runAsUserName"});
        if (own.present) {
            const bool admin = isContainerAdministrator(doc.scalar(doc.resolve(own.node)));
            addField(f, pod, own, !admin);
            if (admin)
                bad.push_back(c.name);
        } else if (podField.present) {
            podUsed = true;
            if (podAdmin)
                bad.push_back(c.name);
        }
    }
    if (podField.present)
        addField(f, pod, podField, !(podAdmin && podUsed));
    if (!bad.empty()) {
        f.allowed = false;
        f.reason = "runs as ContainerAdministrator";
        f.detail = "containers " + qList(bad) + " run as ContainerAdministrator";
    }
}

} // namespace PodSec::Checklist
