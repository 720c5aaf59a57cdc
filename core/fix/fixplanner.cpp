// SPDX-License-Identifier: Apache-2.0
#include "fix/fixplanner.h"

#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <algorithm>

namespace PodSec::Fix {

namespace {

using Yaml::NodeId;
using Yaml::NoNode;

class Editor
{
public:
    Editor(const K8s::PodSpecView &pod, const std::string &text) : m_doc(pod.doc()), m_text(text)
    {
        m_eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    }

    /// Replaces a scalar (or null) value in place; nothing for aliases.
    std::optional<TextEdit> replace(NodeId value, const std::string &replacement) const
    {
        if (value == NoNode || m_doc.node(value).aliasOf != NoNode)
            return std::nullopt;
        const auto &n = m_doc.node(value);
        if (n.kind == Yaml::NodeKind::Mapping || n.kind == Yaml::NodeKind::Sequence)
            return std::nullopt;
        return TextEdit{n.start, n.end - n.start, replacement};
    }

    /// Sets keys below base to value, creating the missing mappings.
    std::optional<TextEdit> set(NodeId base, const std::vector<std::string> &keys,
                                const std::string &value) const
    {
        NodeId current = base;
        std::size_t k = 0;
        while (k + 1 < keys.size()) {
            const NodeId next = m_doc.get(current, keys[k]);
            if (next == NoNode)
                break;
            if (m_doc.kind(next) != Yaml::NodeKind::Mapping)
                return std::nullopt; // null or another kind: a person should look
            current = next;
            ++k;
        }
        const NodeId existing = m_doc.get(current, keys[k]);
        if (k + 1 == keys.size() && existing != NoNode)
            return replace(existing, value);
        return insert(current, std::vector<std::string>(keys.begin() + long(k), keys.end()), value);
    }

    /// Appends an item to a sequence, in the sequence's own style.
    std::optional<TextEdit> append(NodeId sequence, const std::string &plain) const
    {
        if (sequence == NoNode || m_doc.node(sequence).aliasOf != NoNode)
            return std::nullopt;
        const auto &s = m_doc.node(sequence);
        if (s.kind != Yaml::NodeKind::Sequence)
            return std::nullopt;
        std::string item = plain;
        if (s.childCount > 0) {
            const auto &first = m_doc.node(m_doc.item(sequence, 0));
            if (first.scalarStyle == Yaml::ScalarStyle::DoubleQuoted)
                item = '"' + plain + '"';
            else if (first.scalarStyle == Yaml::ScalarStyle::SingleQuoted)
                item = '\'' + plain + '\'';
        }
        if (s.collectionStyle == Yaml::CollectionStyle::Flow) {
            if (s.childCount == 0)
                return TextEdit{s.start, s.end - s.start, '[' + item + ']'};
            const auto &last = m_doc.node(m_doc.item(sequence, s.childCount - 1));
            return TextEdit{last.end, 0, ", " + item};
        }
        const auto &last = m_doc.node(m_doc.item(sequence, s.childCount - 1));
        return TextEdit{lineEnd(last.end), 0, m_eol + std::string(s.column - 1, ' ') + "- " + item};
    }

private:
    std::uint32_t lineEnd(std::uint32_t from) const
    {
        std::size_t p = m_text.find('\n', from);
        if (p == std::string::npos)
            return static_cast<std::uint32_t>(m_text.size());
        if (p > 0 && m_text[p - 1] == '\r')
            --p;
        return static_cast<std::uint32_t>(p);
    }

    /// The indentation step of the document: the first nested block mapping found below
    /// mapping, else below the document root, tells it; two spaces otherwise.
    std::uint32_t indentStep(NodeId mapping) const
    {
        if (const auto step = stepBelow(mapping))
            return step;
        if (const auto step = stepBelow(m_doc.root))
            return step;
        return 2;
    }

    std::uint32_t stepBelow(NodeId mapping) const
    {
        for (std::size_t i = 0; i < m_doc.size(mapping); ++i) {
            const NodeId v = m_doc.resolve(m_doc.mapValue(mapping, i));
            const auto &vn = m_doc.node(v);
            if (vn.kind == Yaml::NodeKind::Mapping &&
                vn.collectionStyle == Yaml::CollectionStyle::Block && vn.childCount > 0) {
                const auto &key = m_doc.node(m_doc.mapKey(mapping, i));
                const auto &inner = m_doc.node(m_doc.mapKey(v, 0));
                if (inner.column > key.column)
                    return inner.column - key.column;
            }
        }
        return 0;
    }

    std::optional<TextEdit> insert(NodeId mapping, const std::vector<std::string> &keys,
                                   const std::string &value) const
    {
        if (mapping == NoNode || m_doc.node(mapping).aliasOf != NoNode)
            return std::nullopt;
        const auto &m = m_doc.node(mapping);
        if (m.kind != Yaml::NodeKind::Mapping)
            return std::nullopt;
        if (m.collectionStyle == Yaml::CollectionStyle::Flow) {
            std::string inner = keys.back() + ": " + value;
            for (std::size_t i = keys.size() - 1; i-- > 0;)
                inner = keys[i] + ": {" + inner + '}';
            if (m.childCount == 0)
                return TextEdit{m.start, m.end - m.start, '{' + inner + '}'};
            const auto &last = m_doc.node(m_doc.mapValue(mapping, m.childCount - 1));
            return TextEdit{last.end, 0, ", " + inner};
        }
        const auto &firstKey = m_doc.node(m_doc.mapKey(mapping, 0));
        const std::uint32_t indent = firstKey.column - 1;
        const std::uint32_t step = indentStep(mapping);
        std::string lines;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            lines += m_eol + std::string(indent + step * i, ' ') + keys[i] + ':';
            if (i + 1 == keys.size())
                lines += ' ' + value;
        }
        const auto &last = m_doc.node(m_doc.mapValue(mapping, m.childCount - 1));
        return TextEdit{lineEnd(std::max(last.end, firstKey.end)), 0, lines};
    }

    const Yaml::Document &m_doc;
    const std::string &m_text;
    std::string m_eol;
};

bool failing(const Policy::Evaluation &e, std::string_view id)
{
    for (const auto &r : e.results) {
        if (r.id == id)
            return !r.allowed;
    }
    return false;
}

std::optional<FixIt> make(const char *checkId, std::string title, std::string path,
                          std::optional<TextEdit> edit)
{
    if (!edit)
        return std::nullopt;
    FixIt fix{checkId, std::move(title), std::move(path), {}};
    fix.edits.add(std::move(*edit));
    return fix;
}

} // namespace

std::optional<FixIt> nextFix(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
                             const std::string &text, const std::set<std::string> &only)
{
    const auto &doc = pod.doc();
    const Editor editor(pod, text);
    auto wanted = [&](const char *id) {
        return failing(evaluation, id) && (only.empty() || only.count(id));
    };
    auto boolTrue = [&](const K8s::FieldRef &f) {
        return f.present && doc.isTrue(f.node);
    };

    if (wanted("hostNamespaces")) {
        for (const char *key : {"hostNetwork", "hostPID", "hostIPC"}) {
            const auto f = pod.specField({key});
            if (boolTrue(f))
                if (auto fix = make("hostNamespaces", std::string("Set ") + key + " to false",
                                    f.path, editor.replace(f.node, "false")))
                    return fix;
        }
    }
    for (const auto &c : pod.containers()) {
        if (wanted("privileged")) {
            const auto f = pod.containerField(c, {"securityContext", "privileged"});
            if (boolTrue(f))
                if (auto fix = make("privileged", "Set privileged to false in container " + c.name,
                                    f.path, editor.replace(f.node, "false")))
                    return fix;
        }
        if (wanted("allowPrivilegeEscalation")) {
            const auto f = pod.containerField(c, {"securityContext", "allowPrivilegeEscalation"});
            if (!(f.present && doc.isFalse(f.node)))
                if (auto fix =
                        make("allowPrivilegeEscalation",
                             "Set allowPrivilegeEscalation to false in container " + c.name, f.path,
                             editor.set(c.node, {"securityContext", "allowPrivilegeEscalation"},
                                        "false")))
                    return fix;
        }
        if (wanted("capabilities_restricted")) {
            const auto drop = pod.containerField(c, {"securityContext", "capabilities", "drop"});
            bool hasAll = false;
            if (drop.present && doc.kind(drop.node) == Yaml::NodeKind::Sequence) {
                for (std::size_t i = 0; i < doc.size(drop.node); ++i)
                    hasAll |= doc.scalar(doc.item(drop.node, i)) == "ALL";
            }
            if (!hasAll) {
                auto edit = drop.present
                                ? editor.append(drop.node, "ALL")
                                : editor.set(c.node, {"securityContext", "capabilities", "drop"},
                                             "[\"ALL\"]");
                if (auto fix = make("capabilities_restricted",
                                    "Drop ALL capabilities in container " + c.name, drop.path,
                                    std::move(edit)))
                    return fix;
            }
        }
        if (wanted("runAsNonRoot")) {
            const auto f = pod.containerField(c, {"securityContext", "runAsNonRoot"});
            if (f.present && doc.isFalse(f.node))
                if (auto fix =
                        make("runAsNonRoot", "Set runAsNonRoot to true in container " + c.name,
                             f.path, editor.replace(f.node, "true")))
                    return fix;
        }
    }
    if (wanted("runAsNonRoot")) {
        const auto f = pod.specField({"securityContext", "runAsNonRoot"});
        if (!(f.present && doc.isTrue(f.node)))
            if (auto fix =
                    make("runAsNonRoot", "Set runAsNonRoot to true for the pod", f.path,
                         editor.set(pod.spec(), {"securityContext", "runAsNonRoot"}, "true")))
                return fix;
    }
    if (wanted("seccompProfile_restricted")) {
        for (const auto &c : pod.containers()) {
            const auto type = pod.containerField(c, {"securityContext", "seccompProfile", "type"});
            const std::string &v = doc.scalar(type.node);
            if (type.present && v != "RuntimeDefault" && v != "Localhost")
                if (auto fix = make("seccompProfile_restricted",
                                    "Use the RuntimeDefault seccomp profile in container " + c.name,
                                    type.path, editor.replace(type.node, "RuntimeDefault")))
                    return fix;
        }
        const auto type = pod.specField({"securityContext", "seccompProfile", "type"});
        const std::string &v = doc.scalar(type.node);
        if (!type.present || (v != "RuntimeDefault" && v != "Localhost"))
            if (auto fix =
                    make("seccompProfile_restricted",
                         "Use the RuntimeDefault seccomp profile for the pod", type.path,
                         editor.set(pod.spec(), {"securityContext", "seccompProfile", "type"},
                                    "RuntimeDefault")))
                return fix;
    }
    return std::nullopt;
}

FixResult fixText(std::string text, const Policy::LevelVersion &policy,
                  const std::set<std::string> &only)
{
    FixResult result;
    // Every round plans one fix against freshly parsed text, so edits never go stale.
    for (int round = 0; round < 500; ++round) {
        const auto file = Yaml::SourceFile::fromText("", text);
        if (!file->errors.empty())
            break;
        std::optional<FixIt> fix;
        for (const auto &doc : file->documents) {
            for (const auto &object : K8s::objectsIn(doc)) {
                if (!object.isEvaluated() || !object.hasTemplate)
                    continue;
                const K8s::PodSpecView view(object);
                fix = nextFix(view, Policy::evaluate(view, policy), text, only);
                if (fix)
                    break;
            }
            if (fix)
                break;
        }
        if (!fix || !fix->edits.apply(text))
            break;
        result.applied.push_back(fix->title);
    }
    const auto file = Yaml::SourceFile::fromText("", text);
    for (const auto &doc : file->documents) {
        for (const auto &object : K8s::objectsIn(doc)) {
            if (!object.isEvaluated() || !object.hasTemplate)
                continue;
            const K8s::PodSpecView view(object);
            for (const auto &r : Policy::evaluate(view, policy).results) {
                if (!r.allowed)
                    result.remaining.push_back(object.kindText + ' ' + object.namespaceName + '/' +
                                               object.name + ": " + std::string(r.id));
            }
        }
    }
    result.text = std::move(text);
    return result;
}

} // namespace PodSec::Fix
