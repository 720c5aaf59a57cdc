// SPDX-License-Identifier: Apache-2.0
#include "fix/fixplanner.h"

#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "yaml/sourcefile.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace PodSec::Fix {

namespace {

using Yaml::NodeId;
using Yaml::NodeKind;
using Yaml::NoNode;

/// Translated when the application installed a translator (the window); English otherwise.
QString translated(const char *text)
{
    return QCoreApplication::translate("PodSec::Fix", text);
}

/// A value to write: raw YAML/JSON text (true, false, ["ALL"]) or a string, which JSON
/// documents and quoted neighbours want quoted.
struct Value
{
    std::string text;
    bool isString = false;
};

Value str(std::string s)
{
    return {std::move(s), true};
}
Value raw(std::string s)
{
    return {std::move(s), false};
}

using Edits = std::optional<TextEditSet>;

Edits single(std::uint32_t offset, std::uint32_t length, std::string text)
{
    TextEditSet set;
    set.add({offset, length, std::move(text)});
    return set;
}

/// Text surgery on one parsed document: knows its nodes' parents, its line ending, its
/// indentation step and whether it is JSON.
} // namespace

/// The document-wide facts edits need: parents, keys, aliases, node spans, the line ending
/// and whether the document is JSON. Built once per document (DocumentPlanner) and shared
/// by the objects planned in it.
class Editor
{
public:
    Editor(const Yaml::Document &doc, const std::string &text) : m_doc(doc), m_text(text)
    {
        m_eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
        m_parent.assign(doc.nodeCount(), NoNode);
        m_isKey.assign(doc.nodeCount(), false);
        for (std::size_t id = 0; id < doc.nodeCount(); ++id) {
            const auto &n = doc.node(NodeId(id));
            if (n.aliasOf != NoNode)
                m_aliases.emplace(n.aliasOf, NodeId(id));
            m_spans.emplace((std::uint64_t(n.start) << 32) | n.end, NodeId(id));
            if (n.kind == NodeKind::Mapping) {
                for (std::size_t i = 0; i < n.childCount; ++i) {
                    m_parent[std::size_t(doc.mapKey(NodeId(id), i))] = NodeId(id);
                    m_parent[std::size_t(doc.mapValue(NodeId(id), i))] = NodeId(id);
                    m_isKey[std::size_t(doc.mapKey(NodeId(id), i))] = true;
                }
            } else if (n.kind == NodeKind::Sequence) {
                for (std::size_t i = 0; i < n.childCount; ++i)
                    m_parent[std::size_t(doc.item(NodeId(id), i))] = NodeId(id);
            }
        }
        const auto &root = doc.node(doc.root);
        m_json = root.kind == NodeKind::Mapping &&
                 root.collectionStyle == Yaml::CollectionStyle::Flow && root.childCount > 0 &&
                 doc.node(doc.mapKey(doc.root, 0)).scalarStyle == Yaml::ScalarStyle::DoubleQuoted;
    }

    const Yaml::Document &doc() const { return m_doc; }
    NodeId parent(NodeId n) const { return n == NoNode ? NoNode : m_parent[std::size_t(n)]; }

    /// The value node with exactly this span (keys are never values); the first in
    /// document order when several share it (a collection and its only child).
    NodeId nodeAt(std::uint32_t start, std::uint32_t end) const
    {
        const auto [first, last] = m_spans.equal_range((std::uint64_t(start) << 32) | end);
        NodeId best = NoNode;
        for (auto it = first; it != last; ++it) {
            if (!m_isKey[std::size_t(it->second)] && (best == NoNode || it->second < best))
                best = it->second;
        }
        return best;
    }

    /// Index of child inside its parent collection (entry index for mappings).
    std::size_t indexIn(NodeId parentId, NodeId child) const
    {
        const auto &p = m_doc.node(parentId);
        for (std::size_t i = 0; i < p.childCount; ++i) {
            if (p.kind == NodeKind::Mapping ? m_doc.mapValue(parentId, i) == child
                                            : m_doc.item(parentId, i) == child)
                return i;
        }
        return p.childCount;
    }

    /// Anchored nodes whose span holds offset, with every alias that refers to them.
    std::vector<std::pair<NodeId, std::vector<NodeId>>> sharedAt(std::uint32_t offset) const
    {
        std::vector<std::pair<NodeId, std::vector<NodeId>>> out;
        for (auto it = m_aliases.begin(); it != m_aliases.end();) {
            const NodeId target = it->first;
            std::vector<NodeId> users;
            for (; it != m_aliases.end() && it->first == target; ++it)
                users.push_back(it->second);
            const auto &t = m_doc.node(target);
            if (t.start <= offset && offset <= lineEnd(t.end))
                out.emplace_back(target, std::move(users));
        }
        return out;
    }

    std::string format(const Value &v, NodeId like = NoNode) const
    {
        if (like != NoNode) {
            const auto style = m_doc.node(like).scalarStyle;
            if (style == Yaml::ScalarStyle::DoubleQuoted && v.isString)
                return '"' + v.text + '"';
            if (style == Yaml::ScalarStyle::SingleQuoted && v.isString)
                return '\'' + v.text + '\'';
        }
        return m_json && v.isString ? '"' + v.text + '"' : v.text;
    }
    std::string key(const std::string &k) const { return m_json ? '"' + k + '"' : k; }

    /// Replaces a scalar (or written null) in place, keeping its quoting; nothing for
    /// aliases and collections.
    Edits replace(NodeId value, const Value &v) const
    {
        if (value == NoNode || m_doc.node(value).aliasOf != NoNode)
            return std::nullopt;
        const auto &n = m_doc.node(value);
        if (n.kind == NodeKind::Mapping || n.kind == NodeKind::Sequence ||
            (n.kind == NodeKind::Null && !n.explicitNull))
            return std::nullopt;
        return single(n.start, n.end - n.start, format(v, value));
    }

    /// Sets keys below base to value, creating the missing mappings.
    Edits set(NodeId base, const std::vector<std::string> &keys, const Value &value) const
    {
        NodeId current = m_doc.resolve(base);
        std::size_t k = 0;
        while (k + 1 < keys.size()) {
            const NodeId next = m_doc.get(current, keys[k]);
            if (next == NoNode)
                break;
            const auto &nn = m_doc.node(m_doc.resolve(next));
            if (nn.kind == NodeKind::Null)
                return fillNull(next, current, keys[k],
                                std::vector<std::string>(keys.begin() + long(k) + 1, keys.end()),
                                value);
            if (nn.kind != NodeKind::Mapping)
                return std::nullopt; // another kind: a person should look
            current = m_doc.resolve(next);
            ++k;
        }
        const NodeId existing = m_doc.get(current, keys[k]);
        if (k + 1 == keys.size() && existing != NoNode) {
            if (m_doc.kind(existing) == NodeKind::Null && !m_doc.node(existing).explicitNull)
                return single(m_doc.node(existing).start, 0, ' ' + format(value));
            return replace(existing, value);
        }
        return insert(current, std::vector<std::string>(keys.begin() + long(k), keys.end()), value);
    }

    /// Appends an item to a sequence, in the sequence's own style.
    Edits append(NodeId sequence, const Value &plain) const
    {
        if (sequence == NoNode || m_doc.node(sequence).aliasOf != NoNode)
            return std::nullopt;
        const auto &s = m_doc.node(sequence);
        if (s.kind != NodeKind::Sequence)
            return std::nullopt;
        const std::string item =
            s.childCount > 0 ? format(plain, m_doc.item(sequence, 0)) : format(plain);
        if (s.collectionStyle == Yaml::CollectionStyle::Flow) {
            if (s.childCount == 0)
                return single(s.start, s.end - s.start, '[' + item + ']');
            const auto &last = m_doc.node(m_doc.item(sequence, s.childCount - 1));
            return single(last.end, 0, ", " + item);
        }
        const auto &last = m_doc.node(m_doc.item(sequence, s.childCount - 1));
        return single(lineEnd(last.end), 0, m_eol + std::string(s.column - 1, ' ') + "- " + item);
    }

    /// Removes entry i of a mapping, with its value. Comment lines inside stay.
    Edits removeEntry(NodeId mapping, std::size_t i) const
    {
        const auto &m = m_doc.node(mapping);
        if (m.aliasOf != NoNode || m.kind != NodeKind::Mapping || i >= m.childCount)
            return std::nullopt;
        const auto &k = m_doc.node(m_doc.mapKey(mapping, i));
        const std::uint32_t last = entryEnd(mapping, i);
        if (m.collectionStyle == Yaml::CollectionStyle::Flow) {
            if (m.childCount == 1)
                return single(m.start, m.end - m.start, "{}");
            if (i > 0) {
                const std::uint32_t prev = entryEnd(mapping, i - 1);
                return single(prev, last - prev, {});
            }
            const auto &next = m_doc.node(m_doc.mapKey(mapping, 1));
            return single(k.start, next.start - k.start, {});
        }
        const bool ownLine = onlySpaces(lineStart(k.start), k.start);
        if (m.childCount == 1) {
            const NodeId p = parent(mapping);
            if (ownLine && p != NoNode && m_doc.kind(p) == NodeKind::Mapping) {
                // parentKey:\n  key: value  ->  parentKey: {}
                const auto &pk = m_doc.node(m_doc.mapKey(p, indexIn(p, mapping)));
                std::uint32_t colon = pk.end;
                while (colon < m_text.size() && m_text[colon] != ':')
                    ++colon;
                if (colon >= k.start)
                    return std::nullopt;
                TextEditSet set;
                set.add({colon + 1, 0, " {}"});
                if (!deleteLines(set, lineEndIncl(colon), lineEndIncl(last)))
                    return std::nullopt;
                return set;
            }
            return single(k.start, last - k.start, "{}");
        }
        if (ownLine) {
            TextEditSet set;
            if (!deleteLines(set, lineStart(k.start), lineEndIncl(last)))
                return std::nullopt;
            return set;
        }
        // "- key: value" on the dash line: the next key moves up.
        if (i + 1 >= m.childCount)
            return std::nullopt;
        const auto &next = m_doc.node(m_doc.mapKey(mapping, i + 1));
        if (hasCommentLine(lineEndIncl(k.start), next.start))
            return std::nullopt;
        return single(k.start, next.start - k.start, {});
    }

    /// Removes the given items of a sequence; all of them removes the key that holds it.
    Edits removeItems(NodeId sequence, const std::vector<std::size_t> &indexes) const
    {
        const auto &s = m_doc.node(sequence);
        if (s.aliasOf != NoNode || s.kind != NodeKind::Sequence || indexes.empty())
            return std::nullopt;
        if (indexes.size() >= s.childCount) {
            const NodeId p = parent(sequence);
            if (p != NoNode && m_doc.kind(p) == NodeKind::Mapping)
                return removeEntry(p, indexIn(p, sequence));
            return single(s.start, s.end - s.start, "[]");
        }
        if (s.collectionStyle == Yaml::CollectionStyle::Flow) {
            std::string kept;
            for (std::size_t i = 0; i < s.childCount; ++i) {
                if (std::find(indexes.begin(), indexes.end(), i) != indexes.end())
                    continue;
                const auto &item = m_doc.node(m_doc.item(sequence, i));
                kept +=
                    (kept.empty() ? "" : ", ") + m_text.substr(item.start, item.end - item.start);
            }
            return single(s.start, s.end - s.start, '[' + kept + ']');
        }
        TextEditSet set;
        for (std::size_t i : indexes) {
            const auto &item = m_doc.node(m_doc.item(sequence, i));
            std::uint32_t dash = item.start;
            while (dash > 0 && m_text[dash - 1] != '-' && m_text[dash - 1] != '\n')
                --dash;
            if (dash == 0 || m_text[dash - 1] != '-' || !onlySpaces(lineStart(dash), dash - 1))
                return std::nullopt;
            if (!deleteLines(set, lineStart(dash), lineEndIncl(std::max(item.end, dash))))
                return std::nullopt;
        }
        return set;
    }

    /// Replaces entry i of a mapping (key and value) with other text.
    Edits replaceEntry(NodeId mapping, std::size_t i, const std::string &key,
                       const std::string &value) const
    {
        const auto &m = m_doc.node(mapping);
        if (m.aliasOf != NoNode || m.kind != NodeKind::Mapping || i >= m.childCount)
            return std::nullopt;
        const auto &k = m_doc.node(m_doc.mapKey(mapping, i));
        return single(k.start, entryEnd(mapping, i) - k.start, this->key(key) + ": " + value);
    }

private:
    std::uint32_t entryEnd(NodeId mapping, std::size_t i) const
    {
        return std::max(m_doc.node(m_doc.mapKey(mapping, i)).end,
                        m_doc.node(m_doc.mapValue(mapping, i)).end);
    }

    std::uint32_t lineStart(std::uint32_t at) const
    {
        while (at > 0 && m_text[at - 1] != '\n')
            --at;
        return at;
    }
    std::uint32_t lineEnd(std::uint32_t from) const
    {
        std::size_t p = m_text.find('\n', from);
        if (p == std::string::npos)
            return static_cast<std::uint32_t>(m_text.size());
        if (p > 0 && m_text[p - 1] == '\r')
            --p;
        return static_cast<std::uint32_t>(p);
    }
    std::uint32_t lineEndIncl(std::uint32_t from) const
    {
        const std::size_t p = m_text.find('\n', from);
        return p == std::string::npos ? static_cast<std::uint32_t>(m_text.size())
                                      : static_cast<std::uint32_t>(p + 1);
    }
    bool onlySpaces(std::uint32_t from, std::uint32_t to) const
    {
        for (std::uint32_t p = from; p < to; ++p) {
            if (m_text[p] != ' ' && m_text[p] != '\t')
                return false;
        }
        return true;
    }
    bool isCommentLine(std::uint32_t start) const
    {
        std::uint32_t p = start;
        while (p < m_text.size() && (m_text[p] == ' ' || m_text[p] == '\t'))
            ++p;
        return p < m_text.size() && m_text[p] == '#';
    }
    bool hasCommentLine(std::uint32_t from, std::uint32_t to) const
    {
        for (std::uint32_t p = from; p < to; p = lineEndIncl(p)) {
            if (isCommentLine(p))
                return true;
        }
        return false;
    }
    /// Deletes whole lines [from, to) except comment lines, which stay where they are.
    bool deleteLines(TextEditSet &set, std::uint32_t from, std::uint32_t to) const
    {
        std::uint32_t runStart = from;
        for (std::uint32_t p = from; p < to; p = lineEndIncl(p)) {
            if (isCommentLine(p)) {
                if (p > runStart && !set.add({runStart, p - runStart, {}}))
                    return false;
                runStart = lineEndIncl(p);
            }
        }
        if (to > runStart && !set.add({runStart, to - runStart, {}}))
            return false;
        return true;
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
            if (vn.kind == NodeKind::Mapping &&
                vn.collectionStyle == Yaml::CollectionStyle::Block && vn.childCount > 0) {
                const auto &keyNode = m_doc.node(m_doc.mapKey(mapping, i));
                const auto &inner = m_doc.node(m_doc.mapKey(v, 0));
                if (inner.column > keyNode.column)
                    return inner.column - keyNode.column;
            }
        }
        return 0;
    }

    std::string flowEntries(const std::vector<std::string> &keys, const Value &value) const
    {
        std::string inner = key(keys.back()) + ": " + format(value);
        for (std::size_t i = keys.size() - 1; i-- > 0;)
            inner = key(keys[i]) + ": {" + inner + '}';
        return inner;
    }

    std::string blockLines(std::uint32_t indent, std::uint32_t step,
                           const std::vector<std::string> &keys, const Value &value) const
    {
        std::string lines;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            lines += m_eol + std::string(indent + step * i, ' ') + keys[i] + ':';
            if (i + 1 == keys.size())
                lines += ' ' + format(value);
        }
        return lines;
    }

    /// "key:" with nothing (or null) after it gets the new keys below it.
    Edits fillNull(NodeId nullValue, NodeId mapping, const std::string &key,
                   const std::vector<std::string> &keys, const Value &value) const
    {
        const auto &n = m_doc.node(nullValue);
        const auto &m = m_doc.node(mapping);
        if (n.aliasOf != NoNode)
            return std::nullopt;
        if (n.explicitNull || m.collectionStyle == Yaml::CollectionStyle::Flow)
            return single(n.start, n.end - n.start, '{' + flowEntries(keys, value) + '}');
        const auto &keyNode = m_doc.node(m_doc.keyOf(mapping, key));
        return single(
            lineEnd(n.start), 0,
            blockLines(keyNode.column - 1 + indentStep(mapping), indentStep(mapping), keys, value));
    }

    Edits insert(NodeId mapping, const std::vector<std::string> &keys, const Value &value) const
    {
        if (mapping == NoNode || m_doc.node(mapping).aliasOf != NoNode)
            return std::nullopt;
        const auto &m = m_doc.node(mapping);
        if (m.kind != NodeKind::Mapping)
            return std::nullopt;
        if (m.collectionStyle == Yaml::CollectionStyle::Flow) {
            const std::string inner = flowEntries(keys, value);
            if (m.childCount == 0)
                return single(m.start, m.end - m.start, '{' + inner + '}');
            const std::uint32_t last = entryEnd(mapping, m.childCount - 1);
            const auto &lastKey = m_doc.node(m_doc.mapKey(mapping, m.childCount - 1));
            if (lastKey.line != m.line) // one entry per line (pretty JSON): keep it so
                return single(last, 0, ',' + m_eol + std::string(lastKey.column - 1, ' ') + inner);
            return single(last, 0, ", " + inner);
        }
        const auto &firstKey = m_doc.node(m_doc.mapKey(mapping, 0));
        return single(lineEnd(entryEnd(mapping, m.childCount - 1)), 0,
                      blockLines(firstKey.column - 1, indentStep(mapping), keys, value));
    }

    const Yaml::Document &m_doc;
    const std::string &m_text;
    std::string m_eol;
    std::vector<NodeId> m_parent;
    std::vector<bool> m_isKey;
    std::multimap<NodeId, NodeId> m_aliases;                ///< anchor target -> alias nodes
    std::unordered_multimap<std::uint64_t, NodeId> m_spans; ///< (start << 32 | end) -> nodes
    bool m_json = false;
};

DocumentPlanner::DocumentPlanner(const Yaml::Document &doc, const std::string &text)
    : m_doc(doc), m_text(text)
{}

DocumentPlanner::~DocumentPlanner() = default;

namespace {

const char *const DefaultCapabilities[] = {
    "AUDIT_WRITE",      "CHOWN",   "DAC_OVERRIDE", "FOWNER",  "FSETID", "KILL",      "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID",       "SETPCAP", "SETUID", "SYS_CHROOT"};

bool isDefaultCapability(const std::string &c)
{
    return std::any_of(std::begin(DefaultCapabilities), std::end(DefaultCapabilities),
                       [&](const char *d) { return c == d; });
}

class Planner
{
public:
    Planner(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation, const Editor &editor,
            const std::set<std::string> &only)
        : m_pod(pod), m_doc(pod.doc()), m_eval(evaluation), m_editor(editor), m_only(only)
    {
        const NodeId os = m_doc.get(m_doc.get(pod.spec(), "nodeSelector"), "kubernetes.io/os");
        m_selectsWindows = !pod.isWindows() && os != NoNode && m_doc.scalar(os) == "windows";
    }

    Plan run()
    {
        for (const auto &r : m_eval.results) {
            if (r.allowed || !(m_only.empty() || m_only.count(std::string(r.id))))
                continue;
            plan(r);
        }
        guardAnchors();
        return std::move(m_plan);
    }

private:
    const Policy::InspectedField *firstBad(const Policy::CheckResult &r) const
    {
        for (const auto &f : r.fields) {
            if (!f.allowed)
                return &f;
        }
        return nullptr;
    }

    NodeId valueOf(const Policy::InspectedField &f) const
    {
        return m_editor.nodeAt(f.offset, f.endOffset);
    }

    /// "container "a"" or "the pod", for the container whose path starts the field path.
    QString subject(const std::string &path) const
    {
        for (const auto &c : m_pod.containers()) {
            if (path.compare(0, c.path.size(), c.path) == 0 &&
                (path.size() == c.path.size() || path[c.path.size()] == '.'))
                return QCoreApplication::translate("PodSec::Fix", "container \"%1\"")
                    .arg(QString::fromStdString(c.name));
        }
        return QCoreApplication::translate("PodSec::Fix", "the pod");
    }

    /// An automatic fix (nothing when the edits could not be planned).
    void add(const Policy::CheckResult &r, const std::string &path, const std::string &action,
             const QString &title, Edits edits)
    {
        if (auto fix = choice(r, path, action, title, std::move(edits)))
            m_plan.fixes.push_back(std::move(*fix));
    }

    void decide(const Policy::CheckResult &r, const std::string &path, const QString &question,
                std::vector<FixIt> choices = {})
    {
        m_plan.decisions.push_back(
            {std::string(r.id), path, question.toStdString(), std::move(choices)});
    }

    /// A titled fix with its stable key, or nothing when the edits could not be planned.
    static std::optional<FixIt> choice(const Policy::CheckResult &r, const std::string &path,
                                       const std::string &action, const QString &title, Edits edits)
    {
        if (!edits || edits->isEmpty() || edits->hasErrors())
            return std::nullopt;
        return FixIt{std::string(r.id), title.toStdString(), path,
                     std::string(r.id) + '|' + path + '|' + action, std::move(*edits)};
    }

    /// Every failing present field gets its value replaced.
    void replaceBad(const Policy::CheckResult &r, const char *titleText, const Value &to)
    {
        for (const auto &f : r.fields) {
            if (!f.allowed && f.present)
                add(r, f.path, "set:" + to.text, translated(titleText).arg(subject(f.path)),
                    m_editor.replace(valueOf(f), to));
        }
    }

    /// Every failing present field is removed with its key.
    void removeBad(const Policy::CheckResult &r, const char *titleText)
    {
        for (const auto &f : r.fields) {
            if (!f.allowed && f.present)
                add(r, f.path, "remove",
                    translated(titleText)
                        .replace(QLatin1String("%1"), subject(f.path))
                        .replace(QLatin1String("%2"), QString::fromStdString(f.value))
                        .replace(QLatin1String("%3"),
                                 QString::fromStdString(f.path.substr(f.path.rfind('.') + 1))),
                    removeField(valueOf(f)));
        }
    }

    Edits removeField(NodeId value) const
    {
        const NodeId mapping = m_editor.parent(value);
        if (value == NoNode || mapping == NoNode || m_doc.kind(mapping) != NodeKind::Mapping)
            return std::nullopt;
        return m_editor.removeEntry(mapping, m_editor.indexIn(mapping, value));
    }

    bool failing(std::string_view id) const
    {
        return std::any_of(m_eval.results.begin(), m_eval.results.end(),
                           [&](const auto &r) { return r.id == id && !r.allowed; });
    }

    void plan(const Policy::CheckResult &r)
    {
        const std::string_view id = r.id;
        if (id == "hostNamespaces") {
            for (const auto &f : r.fields) {
                if (!f.allowed && f.present)
                    add(r, f.path, "set:false",
                        QCoreApplication::translate("PodSec::Fix", "Set %1 to false")
                            .arg(QString::fromStdString(f.path.substr(f.path.rfind('.') + 1))),
                        m_editor.replace(valueOf(f), raw("false")));
            }
        } else if (id == "privileged") {
            replaceBad(r, QT_TRANSLATE_NOOP("PodSec::Fix", "Set privileged to false in %1"),
                       raw("false"));
        } else if (id == "windowsHostProcess") {
            replaceBad(
                r,
                QT_TRANSLATE_NOOP("PodSec::Fix", "Set windowsOptions.hostProcess to false in %1"),
                raw("false"));
        } else if (id == "procMount" || id == "procMount_restricted") {
            replaceBad(r, QT_TRANSLATE_NOOP("PodSec::Fix", "Set procMount to Default in %1"),
                       str("Default"));
        } else if (id == "runAsUser") {
            removeBad(r, QT_TRANSLATE_NOOP("PodSec::Fix",
                                           "Remove runAsUser: 0 from %1 (the pod's or the "
                                           "image's user applies; runAsNonRoot keeps it from "
                                           "being root)"));
        } else if (id == "hostPorts") {
            removeBad(r, QT_TRANSLATE_NOOP("PodSec::Fix", "Remove hostPort %2 from %1"));
        } else if (id == "hostProbesAndHostLifecycle") {
            for (const auto &f : r.fields) {
                if (!f.allowed && f.present) {
                    const std::string handler = f.path.substr(0, f.path.rfind('.'));
                    add(r, f.path, "remove",
                        QCoreApplication::translate("PodSec::Fix", "Remove host %2 from %3 in %1")
                            .arg(subject(f.path), QString::fromStdString(f.value),
                                 QString::fromStdString(
                                     handler.substr(handler.find('.', handler.rfind(']')) + 1))),
                        removeField(valueOf(f)));
                }
            }
        } else if (id == "seLinuxOptions") {
            removeBad(r, QT_TRANSLATE_NOOP("PodSec::Fix", "Remove seLinuxOptions.%3 %2 from %1"));
        } else if (id == "sysctls") {
            planSysctls(r);
        } else if (id == "appArmorProfile" || id == "seccompProfile_baseline") {
            planProfiles(r);
        } else if (id == "allowPrivilegeEscalation") {
            if (!linuxOnly(r))
                planAllowPrivilegeEscalation(r);
        } else if (id == "capabilities_restricted" || id == "capabilities_baseline") {
            if (id == "capabilities_baseline" || !linuxOnly(r))
                planCapabilities(r);
        } else if (id == "runAsNonRoot") {
            planRunAsNonRoot(r);
        } else if (id == "seccompProfile_restricted") {
            if (!linuxOnly(r))
                planSeccomp(r);
        } else if (id == "restrictedVolumes" || id == "hostPathVolumes") {
            planVolumes(r);
        }
    }

    /// A pod that selects Windows nodes without saying spec.os.name: Linux-only settings
    /// do not belong in it; the person decides whether to declare it a Windows pod.
    bool linuxOnly(const Policy::CheckResult &r)
    {
        if (!m_selectsWindows)
            return false;
        const std::string path = m_pod.specPath() + ".os.name";
        if (m_windowsDecided) {
            decide(r, path,
                   QCoreApplication::translate(
                       "PodSec::Fix",
                       "This pod selects Windows nodes; see the decision about spec.os.name"));
            return true;
        }
        m_windowsDecided = true;
        std::vector<FixIt> choices;
        if (auto c = choice(r, path, "set:windows",
                            QCoreApplication::translate(
                                "PodSec::Fix",
                                "Set spec.os.name to windows (the policy then exempts the "
                                "Linux-only checks)"),
                            m_editor.set(m_pod.spec(), {"os", "name"}, str("windows"))))
            choices.push_back(std::move(*c));
        decide(r, path,
               QCoreApplication::translate(
                   "PodSec::Fix",
                   "This pod selects Windows nodes (nodeSelector kubernetes.io/os: windows). "
                   "Linux-only settings such as seccomp, capabilities and "
                   "allowPrivilegeEscalation do not apply to Windows containers"),
               std::move(choices));
        return true;
    }

    void planAllowPrivilegeEscalation(const Policy::CheckResult &r)
    {
        for (const auto &c : m_pod.containers()) {
            const auto f = m_pod.containerField(c, {"securityContext", "allowPrivilegeEscalation"});
            if (!(f.present && m_doc.isFalse(f.node)))
                add(r, f.path, "set:false",
                    QCoreApplication::translate("PodSec::Fix",
                                                "Set allowPrivilegeEscalation to false in %1")
                        .arg(subject(c.path)),
                    m_editor.set(c.node, {"securityContext", "allowPrivilegeEscalation"},
                                 raw("false")));
        }
    }

    void planCapabilities(const Policy::CheckResult &r)
    {
        const bool restricted = r.id == "capabilities_restricted";
        for (const auto &c : m_pod.containers()) {
            if (restricted) {
                const auto drop =
                    m_pod.containerField(c, {"securityContext", "capabilities", "drop"});
                bool hasAll = false;
                if (drop.present && m_doc.kind(drop.node) == NodeKind::Sequence) {
                    for (std::size_t i = 0; i < m_doc.size(drop.node); ++i)
                        hasAll |= m_doc.scalar(m_doc.item(drop.node, i)) == "ALL";
                }
                if (!hasAll) {
                    auto edit =
                        drop.present
                            ? m_editor.append(drop.node, str("ALL"))
                            : m_editor.set(c.node, {"securityContext", "capabilities", "drop"},
                                           raw("[\"ALL\"]"));
                    add(r, drop.path, "drop-all",
                        QCoreApplication::translate("PodSec::Fix", "Drop ALL capabilities in %1")
                            .arg(subject(c.path)),
                        std::move(edit));
                }
            }
            const auto addRef = m_pod.containerField(c, {"securityContext", "capabilities", "add"});
            if (!addRef.present || m_doc.kind(addRef.node) != NodeKind::Sequence)
                continue;
            std::vector<std::size_t> defaults, others;
            QStringList defaultNames, otherNames;
            for (std::size_t i = 0; i < m_doc.size(addRef.node); ++i) {
                const std::string cap = m_doc.scalar(m_doc.item(addRef.node, i));
                const bool allowed =
                    restricted ? cap == "NET_BIND_SERVICE" : isDefaultCapability(cap);
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
            const NodeId seq = m_doc.resolve(addRef.node);
            if (!defaults.empty())
                add(r, addRef.path, "remove:" + defaultNames.join(QLatin1Char(',')).toStdString(),
                    QCoreApplication::translate("PodSec::Fix",
                                                "Remove %1 from capabilities.add in %2")
                        .arg(defaultNames.join(QStringLiteral(", ")), subject(c.path)),
                    m_editor.removeItems(seq, defaults));
            if (!others.empty()) {
                std::vector<FixIt> choices;
                if (auto ch = choice(
                        r, addRef.path, "remove:" + otherNames.join(QLatin1Char(',')).toStdString(),
                        QCoreApplication::translate("PodSec::Fix",
                                                    "Remove %1 from capabilities.add in %2")
                            .arg(otherNames.join(QStringLiteral(", ")), subject(c.path)),
                        m_editor.removeItems(seq, others)))
                    choices.push_back(std::move(*ch));
                decide(r, addRef.path,
                       QCoreApplication::translate(
                           "PodSec::Fix",
                           "%1 adds %2; the program may need it. Removing it may break the "
                           "program, keeping it keeps the workload from passing")
                           .arg(subject(c.path), otherNames.join(QStringLiteral(", "))),
                       std::move(choices));
            }
        }
    }

    void planRunAsNonRoot(const Policy::CheckResult &r)
    {
        const bool windows = m_pod.isWindows() || m_selectsWindows;
        auto offer = [&](const std::string &path, const std::string &action, const QString &title,
                         Edits edits) {
            if (!windows)
                return add(r, path, action, title, std::move(edits));
            std::vector<FixIt> choices;
            if (auto c = choice(r, path, action, title, std::move(edits)))
                choices.push_back(std::move(*c));
            decide(r, path,
                   QCoreApplication::translate(
                       "PodSec::Fix",
                       "A Windows container runs as non-root only with a non-administrator user "
                       "(windowsOptions.runAsUserName, for example ContainerUser) that its image "
                       "supports"),
                   std::move(choices));
        };
        bool explicitFalse = false;
        for (const auto &c : m_pod.containers()) {
            const auto f = m_pod.containerField(c, {"securityContext", "runAsNonRoot"});
            if (f.present && m_doc.isFalse(f.node)) {
                explicitFalse = true;
                offer(f.path, "set:true",
                      QCoreApplication::translate("PodSec::Fix", "Set runAsNonRoot to true in %1")
                          .arg(subject(c.path)),
                      m_editor.replace(f.node, raw("true")));
            }
        }
        const auto f = m_pod.specField({"securityContext", "runAsNonRoot"});
        if (!(f.present && m_doc.isTrue(f.node)) && !(windows && explicitFalse))
            offer(
                f.path, "set:true",
                QCoreApplication::translate("PodSec::Fix", "Set runAsNonRoot to true for the pod"),
                m_editor.set(m_pod.spec(), {"securityContext", "runAsNonRoot"}, raw("true")));
    }

    void planSeccomp(const Policy::CheckResult &r)
    {
        for (const auto &c : m_pod.containers()) {
            const auto type =
                m_pod.containerField(c, {"securityContext", "seccompProfile", "type"});
            const std::string &v = m_doc.scalar(type.node);
            if (type.present && v != "RuntimeDefault" && v != "Localhost")
                add(r, type.path, "set:RuntimeDefault",
                    QCoreApplication::translate("PodSec::Fix",
                                                "Use the RuntimeDefault seccomp profile in %1")
                        .arg(subject(c.path)),
                    m_editor.replace(type.node, str("RuntimeDefault")));
        }
        const auto type = m_pod.specField({"securityContext", "seccompProfile", "type"});
        const std::string &v = m_doc.scalar(type.node);
        if (type.present && (v == "RuntimeDefault" || v == "Localhost"))
            return;
        // The API server refuses a pod whose seccomp annotation disagrees with the field,
        // so an annotation that says otherwise goes first.
        if (auto annotation = seccompAnnotation(m_pod.metadata(), "seccomp.security.alpha."
                                                                  "kubernetes.io/pod")) {
            add(r, m_pod.metadataPath() + ".annotations", "annotation:runtime/default",
                QCoreApplication::translate("PodSec::Fix",
                                            "Set the pod's seccomp annotation to runtime/default"),
                m_editor.replace(*annotation, str("runtime/default")));
            return;
        }
        add(r, type.path, "set:RuntimeDefault",
            QCoreApplication::translate("PodSec::Fix",
                                        "Use the RuntimeDefault seccomp profile for the pod"),
            m_editor.set(m_pod.spec(), {"securityContext", "seccompProfile", "type"},
                         str("RuntimeDefault")));
    }

    std::optional<NodeId> seccompAnnotation(NodeId metadata, const char *key) const
    {
        const NodeId value = m_doc.get(m_doc.get(metadata, "annotations"), key);
        if (value == NoNode)
            return std::nullopt;
        const std::string &v = m_doc.scalar(value);
        if (v == "runtime/default" || v == "docker/default" || v.rfind("localhost/", 0) == 0)
            return std::nullopt;
        return value;
    }

    void planSysctls(const Policy::CheckResult &r)
    {
        std::vector<std::size_t> bad;
        QStringList names;
        NodeId sequence = NoNode;
        for (const auto &f : r.fields) {
            if (f.allowed || !f.present)
                continue;
            const NodeId item = m_editor.parent(valueOf(f));
            const NodeId seq = m_editor.parent(item);
            if (item == NoNode || seq == NoNode || (sequence != NoNode && seq != sequence))
                return;
            sequence = seq;
            bad.push_back(m_editor.indexIn(seq, item));
            names << QString::fromStdString(m_doc.scalar(valueOf(f)));
        }
        if (sequence != NoNode)
            add(r, m_pod.specPath() + ".securityContext.sysctls", "remove",
                QCoreApplication::translate("PodSec::Fix", "Remove forbidden sysctls %1")
                    .arg(names.join(QStringLiteral(", "))),
                m_editor.removeItems(sequence, bad));
    }

    /// AppArmor (field and annotation forms) and the old seccomp annotations and fields.
    void planProfiles(const Policy::CheckResult &r)
    {
        const bool apparmor = r.id == "appArmorProfile";
        for (const auto &f : r.fields) {
            if (f.allowed)
                continue;
            if (f.path.find(".annotations[") != std::string::npos) {
                add(r, f.path, "set:runtime/default",
                    QCoreApplication::translate("PodSec::Fix",
                                                "Set annotation %1 to runtime/default")
                        .arg(QString::fromStdString(f.path.substr(
                            f.path.find('[') + 1, f.path.size() - f.path.find('[') - 2))),
                    m_editor.replace(valueOf(f), str("runtime/default")));
            } else if (f.present) {
                add(r, f.path, "set:RuntimeDefault",
                    (apparmor ? QCoreApplication::translate(
                                    "PodSec::Fix", "Use the RuntimeDefault AppArmor profile in %1")
                              : QCoreApplication::translate(
                                    "PodSec::Fix", "Use the RuntimeDefault seccomp profile in %1"))
                        .arg(subject(f.path)),
                    m_editor.replace(valueOf(f), str("RuntimeDefault")));
            } else {
                // appArmorProfile without a type: the profile mapping is the anchor.
                const NodeId profile = m_editor.nodeAt(f.offset, f.endOffset);
                if (profile != NoNode && m_doc.kind(profile) == NodeKind::Mapping)
                    add(r, f.path, "set:RuntimeDefault",
                        QCoreApplication::translate("PodSec::Fix",
                                                    "Use the RuntimeDefault AppArmor profile in %1")
                            .arg(subject(f.path)),
                        m_editor.set(profile, {"type"}, str("RuntimeDefault")));
            }
        }
    }

    void planVolumes(const Policy::CheckResult &r)
    {
        for (const auto &f : r.fields) {
            if (f.allowed || !f.present)
                continue;
            const NodeId source = valueOf(f);
            const NodeId volume = m_editor.parent(source);
            if (volume == NoNode)
                continue;
            const QString name = QString::fromStdString(m_doc.scalar(m_doc.get(volume, "name")));
            const QString type = QString::fromStdString(f.path.substr(f.path.rfind('.') + 1));
            std::vector<FixIt> choices;
            if (auto c = choice(r, f.path, "emptyDir",
                                QCoreApplication::translate(
                                    "PodSec::Fix",
                                    "Replace the %1 source of volume \"%2\" with an emptyDir "
                                    "(its data then lives only as long as the pod)")
                                    .arg(type, name),
                                m_editor.replaceEntry(volume, m_editor.indexIn(volume, source),
                                                      "emptyDir", "{}")))
                choices.push_back(std::move(*c));
            decide(r, f.path,
                   QCoreApplication::translate(
                       "PodSec::Fix",
                       "Volume \"%1\" uses %2, which the policy does not allow. What replaces it "
                       "(an emptyDir, a persistentVolumeClaim, a configMap or secret) depends on "
                       "what the program keeps there")
                       .arg(name, type),
                   std::move(choices));
        }
    }

    /// Edits inside a node that YAML aliases share: kept when every user is in this
    /// object (the re-evaluation after applying then proves no harm), otherwise explained.
    void guardAnchors()
    {
        const auto &root = m_doc.node(m_pod.object().root);
        auto inObject = [&](NodeId n) {
            const auto &node = m_doc.node(n);
            return node.start >= root.start && node.end <= root.end;
        };
        auto shared = [&](const FixIt &fix) -> std::optional<std::uint32_t> {
            for (const auto &e : fix.edits.edits()) {
                for (const auto &[target, users] : m_editor.sharedAt(e.offset)) {
                    if (!inObject(target) || !std::all_of(users.begin(), users.end(), inObject))
                        return m_doc.node(target).line;
                }
            }
            return std::nullopt;
        };
        std::vector<FixIt> kept;
        for (auto &fix : m_plan.fixes) {
            if (const auto line = shared(fix)) {
                m_plan.decisions.push_back(
                    {fix.checkId,
                     fix.path,
                     QCoreApplication::translate(
                         "PodSec::Fix",
                         "\"%1\" would change a value that a YAML anchor (line %2) shares with "
                         "another object; change it there by hand")
                         .arg(QString::fromStdString(fix.title))
                         .arg(*line)
                         .toStdString(),
                     {}});
            } else {
                kept.push_back(std::move(fix));
            }
        }
        m_plan.fixes = std::move(kept);
    }

    const K8s::PodSpecView &m_pod;
    const Yaml::Document &m_doc;
    const Policy::Evaluation &m_eval;
    const Editor &m_editor;
    const std::set<std::string> &m_only;
    bool m_selectsWindows = false;
    bool m_windowsDecided = false;
    Plan m_plan;
};

struct Located
{
    std::string label; ///< "Kind ns/name"
    std::set<std::string> failing;
    bool selected = true;
};

/// Evaluates every pod-bearing object of text; nullopt when it does not parse.
std::optional<std::vector<Located>>
survey(const std::string &text, const Policy::LevelVersion &policy, const FixOptions &options)
{
    std::vector<Located> out;
    const bool parsed =
        forEachObject(text, policy, options,
                      [&](const std::string &label, const K8s::PodSpecView &,
                          const Policy::Evaluation &e, bool selected, const DocumentPlanner &) {
                          Located l{label, {}, selected};
                          for (const auto &r : e.results) {
                              if (!r.allowed)
                                  l.failing.insert(std::string(r.id));
                          }
                          out.push_back(std::move(l));
                      });
    if (!parsed)
        return std::nullopt;
    return out;
}

/// No object fails a check it passed before.
bool noHarm(const std::vector<Located> &before, const std::vector<Located> &after)
{
    if (before.size() != after.size())
        return false;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (!std::includes(before[i].failing.begin(), before[i].failing.end(),
                           after[i].failing.begin(), after[i].failing.end()))
            return false;
    }
    return true;
}

} // namespace

bool forEachObject(
    const std::string &text, const Policy::LevelVersion &policy, const FixOptions &options,
    const std::function<void(const std::string &, const K8s::PodSpecView &,
                             const Policy::Evaluation &, bool, const DocumentPlanner &)> &fn)
{
    const auto file = Yaml::SourceFile::fromText("", text);
    if (!file->errors.empty())
        return false;
    for (const auto &doc : file->documents) {
        const DocumentPlanner planner(doc, text);
        for (const auto &object : K8s::objectsIn(doc)) {
            if (!object.isEvaluated() || !object.hasTemplate)
                continue;
            const K8s::PodSpecView view(object);
            fn(object.kindText + ' ' + object.namespaceName + '/' + object.name, view,
               Policy::evaluate(view, policy),
               !options.object || *options.object == std::pair{doc.index, object.item}, planner);
        }
    }
    return true;
}

std::string ObjectDecision::line() const
{
    std::string line = object + ": " + decision.checkId + ": " + decision.question;
    for (std::size_t i = 0; i < decision.choices.size(); ++i)
        line += (i ? " | " : " [choice: ") + decision.choices[i].title;
    if (!decision.choices.empty())
        line += ']';
    return line;
}

Plan DocumentPlanner::plan(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
                           const std::set<std::string> &only) const
{
    if (pod.spec() == NoNode)
        return {};
    if (!m_editor)
        m_editor = std::make_unique<Editor>(m_doc, m_text);
    return Planner(pod, evaluation, *m_editor, only).run();
}

Plan planFixes(const K8s::PodSpecView &pod, const Policy::Evaluation &evaluation,
               const std::string &text, const std::set<std::string> &only)
{
    return DocumentPlanner(pod.doc(), text).plan(pod, evaluation, only);
}

FixResult fixText(std::string text, const Policy::LevelVersion &policy, const FixOptions &options)
{
    FixResult result;
    std::set<std::string> rejected = options.excluded;
    auto before = survey(text, policy, options);
    if (!before) {
        result.text = std::move(text);
        return result;
    }
    for (const auto &l : *before) {
        if (l.selected) {
            ++result.objects;
            result.passingBefore += l.failing.empty();
        }
    }
    for (int round = 0; round < 200; ++round) {
        // One fix per object per round, planned against the text as it is now.
        std::vector<FixIt> chosen;
        forEachObject(text, policy, options,
                      [&](const std::string &, const K8s::PodSpecView &view,
                          const Policy::Evaluation &evaluation, bool selected,
                          const DocumentPlanner &planner) {
                          if (!selected)
                              return;
                          for (auto &fix : planner.plan(view, evaluation, options.only).fixes) {
                              if (!rejected.count(fix.key)) {
                                  chosen.push_back(std::move(fix));
                                  break;
                              }
                          }
                      });
        if (chosen.empty())
            break;
        auto attempt = [&](const std::vector<const FixIt *> &fixes) -> bool {
            TextEditSet all;
            for (const FixIt *f : fixes) {
                for (const auto &e : f->edits.edits()) {
                    if (!all.add(e))
                        return false;
                }
            }
            std::string candidate = text;
            if (!all.apply(candidate))
                return false;
            auto after = survey(candidate, policy, options);
            if (!after || !noHarm(*before, *after))
                return false;
            text = std::move(candidate);
            before = std::move(after);
            for (const FixIt *f : fixes) {
                result.applied.push_back(f->title);
                result.appliedKeys.push_back(f->key);
            }
            return true;
        };
        std::vector<const FixIt *> all;
        for (const auto &f : chosen)
            all.push_back(&f);
        if (attempt(all))
            continue;
        bool progressed = false;
        for (const auto &f : chosen) {
            if (attempt({&f})) {
                progressed = true;
                break;
            }
            rejected.insert(f.key); // it does harm on its own: leave it to a person
        }
        if (!progressed && chosen.size() == 1)
            continue; // the rejected fix is skipped in the next round
    }

    forEachObject(text, policy, options,
                  [&](const std::string &label, const K8s::PodSpecView &view,
                      const Policy::Evaluation &evaluation, bool selected,
                      const DocumentPlanner &planner) {
                      if (!selected)
                          return;
                      result.passingAfter += evaluation.allowed();
                      for (const auto &r : evaluation.results) {
                          if (!r.allowed)
                              result.remaining.push_back(label + ": " + std::string(r.id));
                      }
                      for (auto &d : planner.plan(view, evaluation, options.only).decisions)
                          result.decisions.push_back({label, std::move(d)});
                  });
    result.text = std::move(text);
    return result;
}

} // namespace PodSec::Fix
