// SPDX-License-Identifier: Apache-2.0
#include "k8s/decode.h"

#include "k8s/object.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace PodSec::K8s {

namespace {

using Yaml::NodeId;
using Yaml::NodeKind;
using Yaml::ScalarType;

enum class Go : std::uint8_t { Bool, Int32, Int64, String, Struct, Slice, Map };

struct Type;
struct Field
{
    std::string key;
    const Type *type;
};

/// The part of a Go type that decoding needs. name is reflect.Type.String() ("int32",
/// "v1.ProcMountType", "[]v1.Container"); structName is the bare struct name encoding/json
/// puts in front of the field path ("SecurityContext").
struct Type
{
    Go go;
    std::string name;
    std::string structName;
    std::vector<Field> fields;
    const Type *elem = nullptr;
};

/// The Go types of k8s.io/api/core/v1 that hold a field some rule reads.
struct CoreTypes
{
    Type boolean{Go::Bool, "bool", {}, {}};
    Type int32{Go::Int32, "int32", {}, {}};
    Type int64{Go::Int64, "int64", {}, {}};
    Type string{Go::String, "string", {}, {}};
    Type procMount{Go::String, "v1.ProcMountType", {}, {}};
    Type capability{Go::String, "v1.Capability", {}, {}};
    Type capabilityList{Go::Slice, "[]v1.Capability", {}, {}, &capability};
    Type stringMap{Go::Map, "map[string]string", {}, {}, &string};
    Type seccomp{Go::Struct,
                 "v1.SeccompProfile",
                 "SeccompProfile",
                 {{"type", new Type{Go::String, "v1.SeccompProfileType", {}, {}}}}};
    Type appArmor{Go::Struct,
                  "v1.AppArmorProfile",
                  "AppArmorProfile",
                  {{"type", new Type{Go::String, "v1.AppArmorProfileType", {}, {}}}}};
    Type seLinux{Go::Struct,
                 "v1.SELinuxOptions",
                 "SELinuxOptions",
                 {{"user", &string}, {"role", &string}, {"type", &string}, {"level", &string}}};
    Type windows{Go::Struct,
                 "v1.WindowsSecurityContextOptions",
                 "WindowsSecurityContextOptions",
                 {{"hostProcess", &boolean}}};
    Type capabilities{Go::Struct,
                      "v1.Capabilities",
                      "Capabilities",
                      {{"add", &capabilityList}, {"drop", &capabilityList}}};
    Type securityContext{Go::Struct,
                         "v1.SecurityContext",
                         "SecurityContext",
                         {{"capabilities", &capabilities},
                          {"privileged", &boolean},
                          {"seLinuxOptions", &seLinux},
                          {"windowsOptions", &windows},
                          {"runAsUser", &int64},
                          {"runAsNonRoot", &boolean},
                          {"allowPrivilegeEscalation", &boolean},
                          {"procMount", &procMount},
                          {"seccompProfile", &seccomp},
                          {"appArmorProfile", &appArmor}}};
    Type port{Go::Struct,
              "v1.ContainerPort",
              "ContainerPort",
              {{"hostPort", &int32}, {"containerPort", &int32}}};
    Type portList{Go::Slice, "[]v1.ContainerPort", {}, {}, &port};
    Type httpGet{Go::Struct, "v1.HTTPGetAction", "HTTPGetAction", {{"host", &string}}};
    Type tcpSocket{Go::Struct, "v1.TCPSocketAction", "TCPSocketAction", {{"host", &string}}};
    Type probe{Go::Struct, "v1.Probe", "Probe", {{"httpGet", &httpGet}, {"tcpSocket", &tcpSocket}}};
    Type handler{Go::Struct,
                 "v1.LifecycleHandler",
                 "LifecycleHandler",
                 {{"httpGet", &httpGet}, {"tcpSocket", &tcpSocket}}};
    Type lifecycle{
        Go::Struct, "v1.Lifecycle", "Lifecycle", {{"postStart", &handler}, {"preStop", &handler}}};
    Type container = containerType("v1.Container", "Container");
    Type ephemeral = containerType("v1.EphemeralContainer", "EphemeralContainer");
    Type containerList{Go::Slice, "[]v1.Container", {}, {}, &container};
    Type ephemeralList{Go::Slice, "[]v1.EphemeralContainer", {}, {}, &ephemeral};
    Type sysctl{Go::Struct, "v1.Sysctl", "Sysctl", {{"name", &string}, {"value", &string}}};
    Type sysctlList{Go::Slice, "[]v1.Sysctl", {}, {}, &sysctl};
    Type podSecurityContext{Go::Struct,
                            "v1.PodSecurityContext",
                            "PodSecurityContext",
                            {{"seLinuxOptions", &seLinux},
                             {"windowsOptions", &windows},
                             {"runAsUser", &int64},
                             {"runAsNonRoot", &boolean},
                             {"sysctls", &sysctlList},
                             {"seccompProfile", &seccomp},
                             {"appArmorProfile", &appArmor}}};
    Type os{Go::Struct, "v1.PodOS", "PodOS", {{"name", new Type{Go::String, "v1.OSName", {}, {}}}}};
    Type volume = volumeType();
    Type volumeList{Go::Slice, "[]v1.Volume", {}, {}, &volume};
    Type podSpec{Go::Struct,
                 "v1.PodSpec",
                 "PodSpec",
                 {{"volumes", &volumeList},
                  {"initContainers", &containerList},
                  {"containers", &containerList},
                  {"ephemeralContainers", &ephemeralList},
                  {"hostNetwork", &boolean},
                  {"hostPID", &boolean},
                  {"hostIPC", &boolean},
                  {"securityContext", &podSecurityContext},
                  {"runtimeClassName", &string},
                  {"os", &os},
                  {"hostUsers", &boolean}}};
    Type objectMeta{Go::Struct,
                    "v1.ObjectMeta",
                    "ObjectMeta",
                    {{"name", &string},
                     {"namespace", &string},
                     {"labels", &stringMap},
                     {"annotations", &stringMap}}};
    Type podTemplateSpec{Go::Struct,
                         "v1.PodTemplateSpec",
                         "PodTemplateSpec",
                         {{"metadata", &objectMeta}, {"spec", &podSpec}}};

    Type containerType(const char *name, const char *structName)
    {
        return Type{Go::Struct,
                    name,
                    structName,
                    {{"name", &string},
                     {"ports", &portList},
                     {"livenessProbe", &probe},
                     {"readinessProbe", &probe},
                     {"startupProbe", &probe},
                     {"lifecycle", &lifecycle},
                     {"securityContext", &securityContext}}};
    }

    /// Volume embeds VolumeSource inline, so its sources are fields of Volume.
    Type volumeType()
    {
        static const char *const sources[][2] = {
            {"hostPath", "HostPathVolumeSource"},
            {"emptyDir", "EmptyDirVolumeSource"},
            {"gcePersistentDisk", "GCEPersistentDiskVolumeSource"},
            {"awsElasticBlockStore", "AWSElasticBlockStoreVolumeSource"},
            {"gitRepo", "GitRepoVolumeSource"},
            {"secret", "SecretVolumeSource"},
            {"nfs", "NFSVolumeSource"},
            {"iscsi", "ISCSIVolumeSource"},
            {"glusterfs", "GlusterfsVolumeSource"},
            {"persistentVolumeClaim", "PersistentVolumeClaimVolumeSource"},
            {"rbd", "RBDVolumeSource"},
            {"flexVolume", "FlexVolumeSource"},
            {"cinder", "CinderVolumeSource"},
            {"cephfs", "CephFSVolumeSource"},
            {"flocker", "FlockerVolumeSource"},
            {"downwardAPI", "DownwardAPIVolumeSource"},
            {"fc", "FCVolumeSource"},
            {"azureFile", "AzureFileVolumeSource"},
            {"configMap", "ConfigMapVolumeSource"},
            {"vsphereVolume", "VsphereVirtualDiskVolumeSource"},
            {"quobyte", "QuobyteVolumeSource"},
            {"azureDisk", "AzureDiskVolumeSource"},
            {"photonPersistentDisk", "PhotonPersistentDiskVolumeSource"},
            {"projected", "ProjectedVolumeSource"},
            {"portworxVolume", "PortworxVolumeSource"},
            {"scaleIO", "ScaleIOVolumeSource"},
            {"storageos", "StorageOSVolumeSource"},
            {"csi", "CSIVolumeSource"},
            {"ephemeral", "EphemeralVolumeSource"},
            {"image", "ImageVolumeSource"}};
        Type v{Go::Struct, "v1.Volume", "Volume", {{"name", &string}}};
        for (const auto &s : sources)
            v.fields.push_back({s[0], new Type{Go::Struct, std::string("v1.") + s[1], s[1], {}}});
        return v;
    }
};

const CoreTypes &core()
{
    static const CoreTypes *types = new CoreTypes; // never destroyed: types point into it
    return *types;
}

struct Found
{
    std::vector<std::string> order; ///< JSON path with sorted-map semantics, for "first"
    NodeId node = Yaml::NoNode;
    std::string message;
};

class Decoder
{
public:
    explicit Decoder(const Yaml::Document &doc) : m_doc(doc) {}

    void value(NodeId id, const Type &t, const std::string &structName,
               const std::string &fieldPath, std::vector<std::string> &order)
    {
        if (m_first && !(order < m_first->order))
            return; // a later key cannot be the first error
        const NodeKind kind = m_doc.kind(id);
        if (kind == NodeKind::Null || m_doc.scalarType(id) == ScalarType::Null)
            return; // JSON null leaves the Go value at its zero
        const char *word = jsonWord(id);
        switch (t.go) {
        case Go::Bool:
            if (std::string_view(word) != "bool")
                fail(id, word, t, structName, fieldPath, order);
            return;
        case Go::String:
            if (std::string_view(word) != "string")
                fail(id, word, t, structName, fieldPath, order);
            return;
        case Go::Int32:
        case Go::Int64: {
            if (std::string_view(word) != "number") {
                fail(id, word, t, structName, fieldPath, order);
                return;
            }
            // literalStore: strconv.ParseInt(text, 10, 64), then reflect OverflowInt.
            const auto n = m_doc.toInt(id);
            const bool fits = n && (t.go == Go::Int64 || (*n >= INT32_MIN && *n <= INT32_MAX));
            if (!fits)
                fail(id, "number " + m_doc.jsonNumber(id).value_or(std::string()), t, structName,
                     fieldPath, order);
            return;
        }
        case Go::Struct:
            if (kind != NodeKind::Mapping) {
                fail(id, word, t, structName, fieldPath, order);
                return;
            }
            for (const auto &f : t.fields) {
                const NodeId v = m_doc.get(id, f.key);
                if (v == Yaml::NoNode)
                    continue;
                order.push_back(f.key);
                value(v, *f.type, t.structName, fieldPath.empty() ? f.key : fieldPath + '.' + f.key,
                      order);
                order.pop_back();
            }
            return;
        case Go::Slice:
            if (kind != NodeKind::Sequence) {
                fail(id, word, t, structName, fieldPath, order);
                return;
            }
            for (std::size_t i = 0; i < m_doc.size(id); ++i) {
                char index[24];
                std::snprintf(index, sizeof index, "%020zu", i);
                order.emplace_back(index);
                value(m_doc.item(id, i), *t.elem, structName, fieldPath, order);
                order.pop_back();
            }
            return;
        case Go::Map:
            if (kind != NodeKind::Mapping) {
                fail(id, word, t, structName, fieldPath, order);
                return;
            }
            for (std::size_t i = 0; i < m_doc.size(id); ++i) {
                order.push_back(m_doc.scalar(m_doc.mapKey(id, i)));
                value(m_doc.mapValue(id, i), *t.elem, structName, fieldPath, order);
                order.pop_back();
            }
            return;
        }
    }

    std::optional<Found> m_first;

private:
    /// How encoding/json names a JSON value in UnmarshalTypeError.Value.
    const char *jsonWord(NodeId id) const
    {
        switch (m_doc.kind(id)) {
        case NodeKind::Mapping:
            return "object";
        case NodeKind::Sequence:
            return "array";
        default:
            break;
        }
        switch (m_doc.scalarType(id)) {
        case ScalarType::Bool:
            return "bool";
        case ScalarType::Int:
        case ScalarType::Float:
            return "number";
        default:
            return "string";
        }
    }

    void fail(NodeId id, const std::string &word, const Type &t, const std::string &structName,
              const std::string &fieldPath, const std::vector<std::string> &order)
    {
        Found f;
        f.order = order;
        f.node = id;
        // UnmarshalTypeError.Error() of encoding/json (sigs.k8s.io/json keeps it).
        f.message = "json: cannot unmarshal " + word + " into Go struct field " + structName + '.' +
                    fieldPath + " of type " + t.name;
        if (!m_first || f.order < m_first->order)
            m_first = std::move(f);
    }

    const Yaml::Document &m_doc;
};

std::string packageOf(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? apiVersion : apiVersion.substr(slash + 1);
}

} // namespace

Yaml::NodeId firstNonFinite(const Yaml::Document &doc)
{
    for (std::size_t i = 0; i < doc.nodeCount(); ++i) {
        const auto id = static_cast<NodeId>(i);
        if (doc.node(id).aliasOf == Yaml::NoNode && doc.isNonFinite(id))
            return id;
    }
    return Yaml::NoNode;
}

std::optional<Diagnostic> decodeError(const Yaml::Document &doc, const Object &object)
{
    return decodeError(doc, object, firstNonFinite(doc));
}

std::optional<Diagnostic> decodeError(const Yaml::Document &doc, const Object &object,
                                      Yaml::NodeId nonFinite)
{
    auto at = [&](NodeId id, std::string message) {
        const auto &n = doc.node(id);
        return Diagnostic{n.start, n.line, n.column, std::move(message)};
    };
    // json.Marshal refuses NaN and infinities, so the whole document fails to convert.
    if (nonFinite != Yaml::NoNode) {
        std::string t = doc.scalar(nonFinite);
        for (char &ch : t)
            ch = static_cast<char>(ch | 0x20);
        const char *text = t == ".nan" ? "NaN" : t[0] == '-' ? "-Inf" : "+Inf";
        return at(nonFinite,
                  std::string("error converting YAML to JSON: json: unsupported value: ") + text);
    }
    const auto &c = core();
    const std::string pkg = packageOf(object.apiVersion);
    const std::string kind = object.kindText;
    // The object's own type and the structs that lead to its pod template.
    std::vector<std::unique_ptr<Type>> owned;
    auto make = [&](std::string name, std::string structName, std::vector<Field> fields) {
        owned.push_back(std::make_unique<Type>(
            Type{Go::Struct, std::move(name), std::move(structName), std::move(fields)}));
        return owned.back().get();
    };
    const Type *root = nullptr;
    switch (object.kind) {
    case Kind::Pod:
        root = make(pkg + ".Pod", "Pod", {{"metadata", &c.objectMeta}, {"spec", &c.podSpec}});
        break;
    case Kind::PodTemplate:
        root = make(pkg + ".PodTemplate", "PodTemplate",
                    {{"metadata", &c.objectMeta}, {"template", &c.podTemplateSpec}});
        break;
    case Kind::CronJob: {
        const Type *jobSpec = make(pkg + ".JobSpec", "JobSpec", {{"template", &c.podTemplateSpec}});
        const Type *jobTemplate = make(pkg + ".JobTemplateSpec", "JobTemplateSpec",
                                       {{"metadata", &c.objectMeta}, {"spec", jobSpec}});
        const Type *spec =
            make(pkg + ".CronJobSpec", "CronJobSpec", {{"jobTemplate", jobTemplate}});
        root = make(pkg + ".CronJob", "CronJob", {{"metadata", &c.objectMeta}, {"spec", spec}});
        break;
    }
    default: {
        const Type *spec =
            make(pkg + '.' + kind + "Spec", kind + "Spec", {{"template", &c.podTemplateSpec}});
        root = make(pkg + '.' + kind, kind, {{"metadata", &c.objectMeta}, {"spec", spec}});
        break;
    }
    }
    Decoder decoder(doc);
    std::vector<std::string> order;
    decoder.value(object.root, *root, root->structName, {}, order);
    if (!decoder.m_first)
        return std::nullopt;
    // The API server wraps the decoding error (apiserver handlers, transformDecodeError).
    const std::string version = packageOf(object.apiVersion);
    return at(decoder.m_first->node, kind + " in version \"" + version +
                                         "\" cannot be handled as a " + kind + ": " +
                                         decoder.m_first->message);
}

} // namespace PodSec::K8s
