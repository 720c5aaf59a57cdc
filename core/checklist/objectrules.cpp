// SPDX-License-Identifier: Apache-2.0
// The checklist's object rules (spec/checklist.md §4): Secrets, ConfigMaps, Services and
// PodSecurityPolicies. Values of Secrets and of flagged ConfigMap keys never leave here.
#include "checklist/rules.h"

#include "yaml/document.h"

namespace PodSec::Checklist {

namespace {

std::string groupOf(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

/// The words of a ConfigMap key: split at every character that is not a letter or digit
/// and at lower-to-upper case changes, lower-cased.
std::vector<std::string> keyWords(const std::string &key)
{
    std::vector<std::string> words;
    std::string word;
    auto isLower = [](char c) {
        return c >= 'a' && c <= 'z';
    };
    auto isUpper = [](char c) {
        return c >= 'A' && c <= 'Z';
    };
    auto isDigit = [](char c) {
        return c >= '0' && c <= '9';
    };
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        if (!isLower(c) && !isUpper(c) && !isDigit(c)) {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
            continue;
        }
        if (isUpper(c) && i > 0 && isLower(key[i - 1]) && !word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
        word += isUpper(c) ? char(c - 'A' + 'a') : c;
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

bool namesCredential(const std::string &key)
{
    static const char *const singles[] = {"password",   "passwd",      "pwd",
                                          "secret",     "token",       "apikey",
                                          "credential", "credentials", "privatekey"};
    static const std::pair<const char *, const char *> pairs[] = {
        {"api", "key"}, {"private", "key"}, {"access", "key"}, {"client", "secret"}};
    const auto words = keyWords(key);
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const char *s : singles) {
            if (words[i] == s)
                return true;
        }
        if (i + 1 < words.size()) {
            for (const auto &[a, b] : pairs) {
                if (words[i] == a && words[i + 1] == b)
                    return true;
            }
        }
    }
    return false;
}

void secretInManifest(const K8s::Object &o, bool fromCluster, Finding &f)
{
    if (fromCluster)
        return;
    const auto &doc = *o.document;
    std::size_t keys = 0;
    for (const char *section : {"data", "stringData"}) {
        const Yaml::NodeId map = doc.resolve(doc.getSet(o.root, section));
        if (doc.kind(map) != Yaml::NodeKind::Mapping)
            continue;
        for (std::size_t i = 0; i < doc.size(map); ++i) {
            const std::string &key = doc.scalar(doc.resolve(doc.mapKey(map, i)));
            addField(f, doc, std::string(section) + '.' + key, doc.mapValue(map, i),
                     doc.mapKey(map, i), false, true);
            ++keys;
        }
    }
    if (keys == 0)
        return;
    f.allowed = false;
    f.reason = "secret data in a manifest";
    f.detail = "secret " + q(o.name) + " carries " + std::to_string(keys) +
               " key(s) in the file; anyone who can read the file can use them";
}

void legacyToken(const K8s::Object &o, Finding &f)
{
    const auto &doc = *o.document;
    const Yaml::NodeId type = doc.getSet(o.root, "type");
    if (doc.scalar(doc.resolve(type)) != "kubernetes.io/service-account-token")
        return;
    addField(f, doc, "type", type, type, false);
    const Yaml::NodeId annotations = doc.getSet(doc.getSet(o.root, "metadata"), "annotations");
    f.allowed = false;
    f.reason = "long-lived service account token";
    f.detail =
        "secret " + q(o.name) + " holds a non-expiring token for service account " +
        q(doc.scalar(doc.resolve(doc.get(annotations, "kubernetes.io/service-account.name"))));
}

void configMapCredentials(const K8s::Object &o, Finding &f)
{
    const auto &doc = *o.document;
    std::vector<std::string> details;
    for (const char *section : {"data", "binaryData"}) {
        const Yaml::NodeId map = doc.resolve(doc.getSet(o.root, section));
        if (doc.kind(map) != Yaml::NodeKind::Mapping)
            continue;
        for (std::size_t i = 0; i < doc.size(map); ++i) {
            const std::string &key = doc.scalar(doc.resolve(doc.mapKey(map, i)));
            const std::string &value = doc.scalar(doc.resolve(doc.mapValue(map, i)));
            const char *why = nullptr;
            if (namesCredential(key))
                why = "names a credential";
            else if (value.find("PRIVATE KEY-----") != std::string::npos)
                why = "holds a private key";
            if (!why)
                continue;
            addField(f, doc, std::string(section) + '.' + key, doc.mapValue(map, i),
                     doc.mapKey(map, i), false, true);
            details.push_back("configmap " + q(o.name) + " key " + q(key) + ' ' + why);
        }
    }
    if (details.empty())
        return;
    f.allowed = false;
    f.reason = "credentials in a ConfigMap";
    f.detail = join(details, "; ");
}

void serviceExposure(const K8s::Object &o, Finding &f)
{
    const auto &doc = *o.document;
    const Yaml::NodeId spec = doc.getSet(o.root, "spec");
    const Yaml::NodeId ips = doc.getSet(spec, "externalIPs");
    const Yaml::NodeId type = doc.getSet(spec, "type");
    const bool external = doc.size(doc.resolve(ips)) > 0;
    const bool balancer = doc.scalar(doc.resolve(type)) == "LoadBalancer";
    if (ips != Yaml::NoNode)
        addField(f, doc, "spec.externalIPs", ips, ips, !external);
    if (type != Yaml::NoNode)
        addField(f, doc, "spec.type", type, type, !balancer);
    std::vector<std::string> details;
    if (external)
        details.push_back("service " + q(o.name) + " sets externalIPs");
    if (balancer)
        details.push_back("service " + q(o.name) + " is a LoadBalancer");
    if (details.empty())
        return;
    f.allowed = false;
    f.reason = "external exposure";
    f.detail = join(details, "; ");
    if (!external)
        f.severityOverride = Engine::Severity::Info;
}

void podSecurityPolicy(const K8s::Object &o, Finding &f)
{
    f.allowed = false;
    f.reason = "PodSecurityPolicy removed";
    f.detail = "podsecuritypolicy " + q(o.name) +
               " has no effect on Kubernetes v1.25 and later; label the namespaces for Pod "
               "Security Admission instead";
}

} // namespace

std::vector<ObjectRule> objectRulesFor(const K8s::Object &object)
{
    const std::string &kind = object.kindText;
    const std::string group = groupOf(object.apiVersion);
    if (group.empty() && kind == "Secret")
        return {ObjectRule::SecretInManifest, ObjectRule::LegacyToken};
    if (group.empty() && kind == "ConfigMap")
        return {ObjectRule::ConfigMapCredentials};
    if (group.empty() && kind == "Service")
        return {ObjectRule::ServiceExposure};
    if ((group == "policy" || group == "extensions") && kind == "PodSecurityPolicy")
        return {ObjectRule::Psp};
    return {};
}

void evaluateObjectRule(ObjectRule rule, const K8s::Object &object, bool fromCluster, Finding &f)
{
    switch (rule) {
    case ObjectRule::SecretInManifest:
        secretInManifest(object, fromCluster, f);
        break;
    case ObjectRule::LegacyToken:
        legacyToken(object, f);
        break;
    case ObjectRule::ConfigMapCredentials:
        configMapCredentials(object, f);
        break;
    case ObjectRule::ServiceExposure:
        serviceExposure(object, f);
        break;
    case ObjectRule::Psp:
        podSecurityPolicy(object, f);
        break;
    }
}

} // namespace PodSec::Checklist
