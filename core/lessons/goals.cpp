// SPDX-License-Identifier: Apache-2.0
// Reading a lesson's goals.yaml (resources/lessons/README.md).
#include "lessons/goals.h"

#include "access/accessmodel.h"
#include "engine/ruleset.h"
#include "policy/registry.h"
#include "yaml/sourcefile.h"

#include <algorithm>

namespace PodSec::Lessons {

namespace {

constexpr GoalKind AllKinds[] = {GoalKind::Passes, GoalKind::Check,    GoalKind::Present,
                                 GoalKind::Absent, GoalKind::Enforces, GoalKind::Admitted,
                                 GoalKind::Warns,  GoalKind::Audits,   GoalKind::Risk};
constexpr const char *KindList =
    "passes, check, present, absent, enforces, warns, audits, admitted or risk";

bool namespaceKind(GoalKind kind)
{
    return kind == GoalKind::Enforces || kind == GoalKind::Warns || kind == GoalKind::Audits;
}

class Reader
{
public:
    Reader(const Yaml::Document &doc, std::string file, std::vector<Problem> &problems)
        : m_doc(doc), m_file(std::move(file)), m_problems(problems)
    {}

    void problem(Yaml::NodeId node, std::string message)
    {
        const auto &n = m_doc.node(node == Yaml::NoNode ? m_doc.root : node);
        m_problems.push_back({m_file, Diagnostic{n.start, n.line, n.column, std::move(message)}});
    }

    /// The scalar of a node that must be a non-empty string; nullopt (and a problem) if not.
    std::optional<std::string> text(Yaml::NodeId node, std::string_view key)
    {
        const auto r = m_doc.resolve(node);
        if (m_doc.kind(r) != Yaml::NodeKind::Scalar || m_doc.scalar(r).empty()) {
            problem(node, std::string(key) + ": expected a non-empty text");
            return std::nullopt;
        }
        return m_doc.scalar(r);
    }

    std::optional<Goal> goal(Yaml::NodeId node)
    {
        const auto &doc = m_doc;
        const auto r = doc.resolve(node);
        if (doc.kind(r) != Yaml::NodeKind::Mapping) {
            problem(node, "a goal must be a mapping (object: …, passes: …)");
            return std::nullopt;
        }
        Goal g;
        m_subjectKey = Yaml::NoNode;
        g.line = doc.node(node).line;
        g.column = doc.node(node).column;
        std::optional<GoalKind> kind;
        Yaml::NodeId kindValue = Yaml::NoNode, kindKey = Yaml::NoNode;
        Yaml::NodeId riskKey = Yaml::NoNode; ///< the first of scope: or atMost:
        bool ok = true;
        for (std::size_t i = 0; i < doc.size(r); ++i) {
            const auto keyNode = doc.mapKey(r, i);
            const std::string &key = doc.scalar(doc.resolve(keyNode));
            const auto value = doc.mapValue(r, i);
            const auto known = std::find_if(std::begin(AllKinds), std::end(AllKinds),
                                            [&](GoalKind k) { return key == goalKindName(k); });
            if (known != std::end(AllKinds)) {
                if (kind) {
                    problem(keyNode, "a goal has one kind: \"" + key + "\" after \"" +
                                         goalKindName(*kind) + "\"");
                    ok = false;
                }
                kind = *known;
                kindValue = value;
                kindKey = keyNode;
            } else if (key == "object") {
                ok = objectRef(value, g) && ok;
            } else if (key == "namespace") {
                const auto ns = text(value, key);
                ok = ns.has_value() && ok;
                g.namespaceName = ns.value_or("");
            } else if (key == "container") {
                const auto c = text(value, key);
                ok = c.has_value() && ok;
                g.container = c.value_or("");
            } else if (key == "subject") {
                ok = subjectRef(value, g) && ok;
                m_subjectKey = keyNode;
            } else if (key == "scope") {
                const auto scope = text(value, key);
                ok = scope.has_value() && ok;
                g.scope = scope.value_or("");
                riskKey = riskKey == Yaml::NoNode ? keyNode : riskKey;
            } else if (key == "atMost") {
                ok = severity(value, g) && ok;
                riskKey = riskKey == Yaml::NoNode ? keyNode : riskKey;
            } else if (key == "text") {
                ok = texts(value, g) && ok;
            } else {
                problem(keyNode, "unknown goal key \"" + key + "\" (goal kinds: " + KindList +
                                     "; other keys: object, namespace, container, subject, "
                                     "scope, atMost, text)");
                ok = false;
            }
        }
        if (!kind) {
            problem(node, std::string("the goal has no kind (") + KindList + ")");
            return std::nullopt;
        }
        g.kind = *kind;
        ok = value(kindValue, g) && ok;
        ok = targets(node, kindKey, g) && ok;
        if (riskKey != Yaml::NoNode && g.kind != GoalKind::Risk) {
            problem(riskKey, "scope: and atMost: go only with a risk goal");
            ok = false;
        }
        return ok ? std::optional<Goal>(std::move(g)) : std::nullopt;
    }

private:
    bool objectRef(Yaml::NodeId node, Goal &g)
    {
        const auto value = text(node, "object");
        if (!value)
            return false;
        std::vector<std::string> parts;
        std::size_t from = 0;
        for (;;) {
            const auto slash = value->find('/', from);
            parts.push_back(value->substr(from, slash == std::string::npos ? slash : slash - from));
            if (slash == std::string::npos)
                break;
            from = slash + 1;
        }
        const bool empty =
            std::any_of(parts.begin(), parts.end(), [](const std::string &p) { return p.empty(); });
        if ((parts.size() != 2 && parts.size() != 3) || empty) {
            problem(node,
                    "object: expected Kind/name or Kind/namespace/name, found \"" + *value + "\"");
            return false;
        }
        g.object = ObjectRef{parts[0], parts.size() == 3 ? parts[1] : std::string(), parts.back()};
        return true;
    }

    /// "User/alice", "Group/devs" (the name may hold "/"), "ServiceAccount/ns/name".
    bool subjectRef(Yaml::NodeId node, Goal &g)
    {
        const auto value = text(node, "subject");
        if (!value)
            return false;
        const auto slash = value->find('/');
        const std::string kind = value->substr(0, slash);
        std::string rest = slash == std::string::npos ? std::string() : value->substr(slash + 1);
        ObjectRef ref{kind, {}, rest};
        if (kind == "ServiceAccount") {
            const auto second = rest.find('/');
            ref.namespaceName = rest.substr(0, second);
            ref.name = second == std::string::npos ? std::string() : rest.substr(second + 1);
            if (ref.namespaceName.empty() || ref.name.empty() ||
                ref.name.find('/') != std::string::npos) {
                problem(node, "subject: expected ServiceAccount/namespace/name, found \"" + *value +
                                  "\"");
                return false;
            }
        } else if ((kind != "User" && kind != "Group") || rest.empty()) {
            problem(node, "subject: expected User/name, Group/name or "
                          "ServiceAccount/namespace/name, found \"" +
                              *value + "\"");
            return false;
        }
        g.subject = std::move(ref);
        return true;
    }

    bool severity(Yaml::NodeId node, Goal &g)
    {
        const auto value = text(node, "atMost");
        if (!value)
            return false;
        const auto severity = Engine::severityFromName(*value);
        if (!severity || *severity == Engine::Severity::Deny) {
            problem(node, "atMost: unknown severity \"" + *value +
                              "\" (expected info, warning or danger)");
            return false;
        }
        g.atMost = severity;
        return true;
    }

    bool texts(Yaml::NodeId node, Goal &g)
    {
        const auto r = m_doc.resolve(node);
        if (m_doc.kind(r) != Yaml::NodeKind::Mapping) {
            problem(node,
                    "text: expected the goal's words by language ({en: \"…\", zh_CN: \"…\"})");
            return false;
        }
        bool ok = true;
        for (std::size_t i = 0; i < m_doc.size(r); ++i) {
            const std::string &language = m_doc.scalar(m_doc.resolve(m_doc.mapKey(r, i)));
            const auto words = text(m_doc.mapValue(r, i), "text." + language);
            ok = words.has_value() && ok;
            if (words)
                g.texts[language] = *words;
        }
        return ok;
    }

    /// The value of the goal's kind key.
    bool value(Yaml::NodeId node, Goal &g)
    {
        const std::string key = goalKindName(g.kind);
        const auto v = text(node, key);
        if (!v)
            return false;
        switch (g.kind) {
        case GoalKind::Passes:
        case GoalKind::Enforces:
        case GoalKind::Warns:
        case GoalKind::Audits: {
            const auto level = Policy::parseLevel(*v);
            if (!level || (g.kind == GoalKind::Passes && *level == Policy::Level::Privileged)) {
                problem(node,
                        key + ": unknown level \"" + *v + "\" (expected " +
                            (g.kind == GoalKind::Passes ? "baseline or restricted"
                                                        : "privileged, baseline or restricted") +
                            ")");
                return false;
            }
            g.level = *level;
            return true;
        }
        case GoalKind::Check:
            g.checkId = *v;
            if (Policy::findCheck(*v))
                return true;
            if (const auto *checklist = Engine::findRuleSet("checklist");
                checklist && checklist->findRule(*v)) {
                g.checklistRule = true;
                return true;
            }
            problem(node, "check: unknown check id \"" + *v +
                              "\" (a check of spec/pss-checks.md or a rule of spec/checklist.md)");
            return false;
        case GoalKind::Present:
        case GoalKind::Absent:
            g.path = *v;
            if (parseFieldPath(*v))
                return true;
            problem(node, key + ": not a field path: \"" + *v +
                              "\" (expected spec.containers[0].image, metadata.labels[\"a/b\"])");
            return false;
        case GoalKind::Admitted: {
            const auto r = m_doc.resolve(node);
            if (!m_doc.isTrue(r) && !m_doc.isFalse(r)) {
                problem(node, "admitted: expected true or false, found \"" + *v + "\"");
                return false;
            }
            g.admitted = m_doc.isTrue(r);
            return true;
        }
        case GoalKind::Risk:
            g.riskId = *v;
            for (int i = 0; i < Access::RiskCount; ++i) {
                if (*v == Access::riskName(Access::RiskId(i)))
                    return true;
            }
            problem(node, "risk: unknown risk id \"" + *v + "\" (a risk of spec/access.md)");
            return false;
        }
        return false;
    }

    /// The goal names what it needs: an object, or a namespace.
    bool targets(Yaml::NodeId node, Yaml::NodeId kindKey, Goal &g)
    {
        const std::string key = goalKindName(g.kind);
        if (g.kind != GoalKind::Risk && m_subjectKey != Yaml::NoNode) {
            problem(m_subjectKey, "subject: goes only with a risk goal");
            return false;
        }
        if (namespaceKind(g.kind)) {
            if (g.namespaceName.empty() || g.object) {
                problem(node, key + ": name the namespace (namespace: …), not an object");
                return false;
            }
        } else if (g.kind == GoalKind::Risk) {
            if (!g.subject && m_subjectKey != Yaml::NoNode)
                return false; // the subject's own problem says what is wrong
            if (!g.subject || g.object || !g.namespaceName.empty()) {
                problem(node, "risk: name the subject (subject: User/name, Group/name or "
                              "ServiceAccount/namespace/name), not an object or a namespace");
                return false;
            }
        } else if (g.kind == GoalKind::Check && g.checklistRule && !g.object) {
            const auto *rule = Engine::findRule(g.checkId);
            if (g.namespaceName.empty() || rule->scope != Engine::Scope::Namespace) {
                problem(node, "check: name the object (object: Kind/name)" +
                                  std::string(rule->scope == Engine::Scope::Namespace
                                                  ? " or the namespace (namespace: …)"
                                                  : ""));
                return false;
            }
        } else if (!g.object || !g.namespaceName.empty()) {
            problem(node, key + ": name the object (object: Kind/name or Kind/namespace/name)" +
                              (g.namespaceName.empty() ? "" : ", not a namespace"));
            return false;
        }
        if (!g.container.empty() && g.kind != GoalKind::Check) {
            problem(kindKey, "container: only a check goal looks at one container");
            return false;
        }
        return true;
    }

    const Yaml::Document &m_doc;
    Yaml::NodeId m_subjectKey = Yaml::NoNode; ///< the current goal's subject: key, if any
    std::string m_file;
    std::vector<Problem> &m_problems;
};

} // namespace

std::optional<std::vector<PathStep>> parseFieldPath(std::string_view path)
{
    std::vector<PathStep> steps;
    std::size_t i = 0;
    bool afterDot = true; // a key may start here
    while (i < path.size()) {
        const char c = path[i];
        if (c == '[') {
            if (afterDot)
                return std::nullopt; // "spec.[0]", or a path that starts with an index
            if (i + 1 < path.size() && (path[i + 1] == '"' || path[i + 1] == '\'')) {
                // A quoted key: ["pod-security.kubernetes.io/enforce"]
                const auto end = path.find(std::string{path[i + 1], ']'}, i + 2);
                if (end == std::string_view::npos || end == i + 2)
                    return std::nullopt;
                steps.push_back({std::string(path.substr(i + 2, end - i - 2))});
                i = end + 2;
            } else {
                const auto close = path.find(']', i);
                if (close == std::string_view::npos || close == i + 1)
                    return std::nullopt;
                long long index = 0;
                for (char d : path.substr(i + 1, close - i - 1)) {
                    if (d < '0' || d > '9' || index > 1'000'000'000)
                        return std::nullopt;
                    index = index * 10 + (d - '0');
                }
                steps.push_back({{}, index});
                i = close + 1;
            }
            afterDot = false;
        } else if (c == '.') {
            if (afterDot)
                return std::nullopt;
            afterDot = true;
            ++i;
        } else {
            if (!afterDot)
                return std::nullopt;
            std::size_t end = i;
            while (end < path.size() && path[end] != '.' && path[end] != '[')
                ++end;
            steps.push_back({std::string(path.substr(i, end - i))});
            i = end;
            afterDot = false;
        }
    }
    if (steps.empty() || afterDot)
        return std::nullopt;
    return steps;
}

const char *goalKindName(GoalKind kind)
{
    switch (kind) {
    case GoalKind::Passes:
        return "passes";
    case GoalKind::Check:
        return "check";
    case GoalKind::Present:
        return "present";
    case GoalKind::Absent:
        return "absent";
    case GoalKind::Enforces:
        return "enforces";
    case GoalKind::Admitted:
        return "admitted";
    case GoalKind::Warns:
        return "warns";
    case GoalKind::Audits:
        return "audits";
    case GoalKind::Risk:
        return "risk";
    }
    return "";
}

std::string ObjectRef::text() const
{
    return kind + '/' + (namespaceName.empty() ? std::string() : namespaceName + '/') + name;
}

std::string Goal::text(const std::string &language) const
{
    for (const std::string &l :
         {language, language.substr(0, language.find('_')), std::string("en")}) {
        const auto it = texts.find(l);
        if (it != texts.end())
            return it->second;
    }
    return {};
}

bool GoalSet::usesChecklist() const
{
    return std::any_of(goals.begin(), goals.end(), [](const Goal &g) { return g.checklistRule; });
}

bool GoalSet::usesAccess() const
{
    return std::any_of(goals.begin(), goals.end(),
                       [](const Goal &g) { return g.kind == GoalKind::Risk; });
}

bool GoalReport::complete() const
{
    return !results.empty() && metCount() == int(results.size());
}

int GoalReport::metCount() const
{
    return int(
        std::count_if(results.begin(), results.end(), [](const GoalResult &r) { return r.met(); }));
}

GoalSet parseGoals(std::string_view text, const std::string &file, std::vector<Problem> &problems)
{
    GoalSet set;
    const auto source = Yaml::SourceFile::fromText(file, std::string(text));
    if (!source->errors.empty()) {
        for (const auto &e : source->errors)
            problems.push_back({file, e});
        return set;
    }
    const auto &doc = source->documents.front();
    Reader reader(doc, file, problems);
    if (source->documents.size() > 1)
        problems.push_back(
            {file, source->locate(source->documents[1].chunkStart,
                                  "a goals file is one YAML document; the rest is not read")});
    if (doc.kind(doc.root) != Yaml::NodeKind::Mapping) {
        reader.problem(doc.root, "expected a mapping with goals: (and optionally version:)");
        return set;
    }
    Yaml::NodeId goals = Yaml::NoNode;
    for (std::size_t i = 0; i < doc.size(doc.root); ++i) {
        const auto keyNode = doc.mapKey(doc.root, i);
        const std::string &key = doc.scalar(doc.resolve(keyNode));
        const auto value = doc.mapValue(doc.root, i);
        if (key == "version") {
            const std::string &v = doc.scalar(doc.resolve(value));
            if (const auto version = Policy::Version::parse(v))
                set.version = *version;
            else
                reader.problem(value,
                               "version: expected \"latest\" or \"v1.N\", found \"" + v + "\"");
        } else if (key == "goals") {
            goals = value;
        } else {
            reader.problem(keyNode, "unknown key \"" + key + "\" (expected version, goals)");
        }
    }
    if (doc.kind(goals) != Yaml::NodeKind::Sequence || doc.size(doc.resolve(goals)) == 0) {
        reader.problem(goals == Yaml::NoNode ? doc.root : goals,
                       "goals: expected a list of at least one goal");
        return set;
    }
    const auto list = doc.resolve(goals);
    for (std::size_t i = 0; i < doc.size(list); ++i) {
        if (auto g = reader.goal(doc.item(list, i)))
            set.goals.push_back(std::move(*g));
    }
    // A PSS check the lesson's version does not run yet (or any more) could never pass.
    for (auto it = set.goals.begin(); it != set.goals.end();) {
        const auto *check = it->kind == GoalKind::Check && !it->checklistRule
                                ? Policy::findCheck(it->checkId)
                                : nullptr;
        const auto selected = check ? Policy::checksFor(check->level, set.version)
                                    : std::vector<Policy::SelectedCheck>{};
        if (check && std::none_of(selected.begin(), selected.end(),
                                  [&](const auto &s) { return s.check == check; })) {
            problems.push_back({file, Diagnostic{0, it->line, it->column,
                                                 "check: " + it->checkId + " does not run at " +
                                                     set.version.toString()}});
            it = set.goals.erase(it);
        } else {
            ++it;
        }
    }
    return set;
}

std::string describe(const Goal &goal)
{
    const std::string object = goal.object ? goal.object->text() : std::string();
    switch (goal.kind) {
    case GoalKind::Passes:
        return object + " passes " + Policy::levelName(goal.level);
    case GoalKind::Check:
        return (goal.object ? object : "namespace " + goal.namespaceName) + " passes " +
               goal.checkId + (goal.container.empty() ? "" : " in container " + goal.container);
    case GoalKind::Present:
        return object + " still has " + goal.path;
    case GoalKind::Absent:
        return object + " has no " + goal.path;
    case GoalKind::Enforces:
        return "namespace " + goal.namespaceName + " enforces " + Policy::levelName(goal.level);
    case GoalKind::Admitted:
        return object + (goal.admitted ? " is admitted" : " is rejected");
    case GoalKind::Warns:
        return "namespace " + goal.namespaceName + " warns at " + Policy::levelName(goal.level);
    case GoalKind::Audits:
        return "namespace " + goal.namespaceName + " audits at " + Policy::levelName(goal.level);
    case GoalKind::Risk:
        return goal.subject->text() + " has no " + goal.riskId +
               (goal.atMost ? std::string(" above ") + Engine::severityName(*goal.atMost) : "") +
               (goal.scope.empty() ? "" : " in " + goal.scope);
    }
    return {};
}

} // namespace PodSec::Lessons
