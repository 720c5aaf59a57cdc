// SPDX-License-Identifier: Apache-2.0
#include "admission/admissionconfig.h"

#include "yaml/sourcefile.h"

#include <algorithm>

namespace PodSec::Admission {

namespace {

bool contains(const std::vector<std::string> &list, const std::string &value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

Diagnostic at(const Yaml::Document &doc, Yaml::NodeId node, std::string message)
{
    const auto &n = doc.node(doc.resolve(node) == Yaml::NoNode ? doc.root : node);
    return Diagnostic{n.start, n.line, n.column, std::move(message)};
}

} // namespace

bool AdmissionConfig::isExemptNamespace(const std::string &ns) const
{
    return contains(exemptNamespaces, ns);
}

bool AdmissionConfig::isExemptRuntimeClass(const std::string &runtimeClass) const
{
    return !runtimeClass.empty() && contains(exemptRuntimeClasses, runtimeClass);
}

bool AdmissionConfig::isExemptUser(const std::string &user) const
{
    return contains(exemptUsernames, user);
}

std::optional<AdmissionConfig> parseAdmissionConfig(const std::string &text,
                                                    std::vector<Diagnostic> &errors)
{
    const auto file = Yaml::SourceFile::fromText("", text);
    if (!file->errors.empty()) {
        errors.insert(errors.end(), file->errors.begin(), file->errors.end());
        return std::nullopt;
    }
    const auto &doc = file->documents.front();
    Yaml::NodeId config = doc.root;
    const std::string &kind = doc.scalar(doc.get(config, "kind"));
    if (kind == "AdmissionConfiguration") {
        config = Yaml::NoNode;
        const auto plugins = doc.get(doc.root, "plugins");
        for (std::size_t i = 0; i < doc.size(plugins); ++i) {
            const auto plugin = doc.item(plugins, i);
            if (doc.scalar(doc.get(plugin, "name")) == "PodSecurity")
                config = doc.get(plugin, "configuration");
        }
        if (config == Yaml::NoNode) {
            errors.push_back(at(doc, doc.root,
                                "AdmissionConfiguration has no PodSecurity plugin configuration"));
            return std::nullopt;
        }
    } else if (kind != "PodSecurityConfiguration") {
        errors.push_back(at(doc, doc.get(doc.root, "kind"),
                            "expected kind PodSecurityConfiguration or AdmissionConfiguration, "
                            "found \"" +
                                kind + "\""));
        return std::nullopt;
    }
    AdmissionConfig result;
    const auto defaults = doc.get(config, "defaults");
    for (Mode mode : {Mode::Enforce, Mode::Audit, Mode::Warn}) {
        LevelVersion &lv = mode == Mode::Enforce ? result.defaults.enforce
                           : mode == Mode::Audit ? result.defaults.audit
                                                 : result.defaults.warn;
        const std::string key = modeName(mode);
        const auto levelNode = doc.get(defaults, key);
        if (levelNode != Yaml::NoNode) {
            if (auto level = Policy::parseLevel(doc.scalar(levelNode)))
                lv.level = *level;
            else
                errors.push_back(
                    at(doc, levelNode,
                       "defaults." + key + ": must be one of privileged, baseline, restricted"));
        }
        const auto versionNode = doc.get(defaults, key + "-version");
        if (versionNode != Yaml::NoNode) {
            if (auto version = Policy::Version::parse(doc.scalar(versionNode)))
                lv.version = *version;
            else
                errors.push_back(
                    at(doc, versionNode,
                       "defaults." + key + "-version: must be \"latest\" or \"v1.x\""));
        }
    }
    const auto exemptions = doc.get(config, "exemptions");
    auto readList = [&](const char *key, std::vector<std::string> &out) {
        const auto list = doc.get(exemptions, key);
        if (list != Yaml::NoNode && doc.kind(list) != Yaml::NodeKind::Sequence &&
            doc.kind(list) != Yaml::NodeKind::Null) {
            errors.push_back(at(doc, list, std::string("exemptions.") + key + ": expected a list"));
            return;
        }
        for (std::size_t i = 0; i < doc.size(list); ++i)
            out.push_back(doc.scalar(doc.item(list, i)));
    };
    readList("usernames", result.exemptUsernames);
    readList("namespaces", result.exemptNamespaces);
    readList("runtimeClasses", result.exemptRuntimeClasses);
    if (!errors.empty())
        return std::nullopt;
    return result;
}

} // namespace PodSec::Admission
