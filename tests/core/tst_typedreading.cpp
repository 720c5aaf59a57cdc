// SPDX-License-Identifier: Apache-2.0
// Reading manifests as Kubernetes does (issue 14, items 1 and 2): typed values (YAML 1.1
// scalars as go-yaml v2 resolves them, then JSON decoding into the Go field types), objects
// the API server cannot decode, kubectl's document rules, and template-less workloads.
// Every spelling is tried in block, flow and JSON style. Expected verdicts and messages
// follow from Kubernetes' rules (go-yaml v2 resolve.go, sigs.k8s.io/yaml, encoding/json),
// not from this implementation.
#include "engine/evaluatedobject.h"
#include "engine/placedobject.h"
#include "yaml/sourcefile.h"

#include <QTest>

#include <memory>
#include <string>

using namespace PodSec;

namespace {

enum class Style { Block, Flow, Json };

/// A Pod that passes restricted except for one field set to the literal value text, in the
/// given style. field is "pod:KEY" (pod securityContext), "sc:KEY" (the container's
/// securityContext) or "port:KEY" (the container's first port).
std::string pod(Style style, const std::string &field, const std::string &value)
{
    const auto colon = field.find(':');
    const std::string where = field.substr(0, colon), key = field.substr(colon + 1);
    if (style == Style::Block) {
        std::string out = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                          "  securityContext:\n    runAsNonRoot: true\n"
                          "    seccompProfile:\n      type: RuntimeDefault\n";
        if (where == "pod")
            out += "    " + key + ": " + value + "\n";
        out += "  containers:\n  - name: app\n    image: nginx\n    securityContext:\n"
               "      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n";
        if (where == "sc")
            out += "      " + key + ": " + value + "\n";
        if (where == "port")
            out += "    ports:\n    - " + key + ": " + value + "\n";
        return out;
    }
    const bool json = style == Style::Json;
    auto k = [&](const std::string &name) {
        return json ? '"' + name + '"' : name;
    };
    auto str = [&](const std::string &v) {
        return json ? '"' + v + '"' : v;
    };
    std::string out = "{" + k("apiVersion") + ": " + str("v1") + ", " + k("kind") + ": " +
                      str("Pod") + ", " + k("metadata") + ": {" + k("name") + ": " + str("p") +
                      "}, " + k("spec") + ": {" + k("securityContext") + ": {" + k("runAsNonRoot") +
                      ": true, " + k("seccompProfile") + ": {" + k("type") + ": " +
                      str("RuntimeDefault") + "}";
    if (where == "pod")
        out += ", " + k(key) + ": " + value;
    out += "}, " + k("containers") + ": [{" + k("name") + ": " + str("app") + ", " + k("image") +
           ": " + str("nginx") + ", " + k("securityContext") + ": {" +
           k("allowPrivilegeEscalation") + ": false, " + k("capabilities") + ": {" + k("drop") +
           ": [" + str("ALL") + "]}";
    if (where == "sc")
        out += ", " + k(key) + ": " + value;
    out += "}";
    if (where == "port")
        out += ", " + k("ports") + ": [{" + k(key) + ": " + value + "}]";
    return out + "}]}}\n";
}

struct Outcome
{
    std::vector<EvaluatedObject> objects;
    std::vector<Diagnostic> problems;
};

Outcome run(const std::string &text, Policy::Level level = Policy::Level::Restricted)
{
    auto file = Yaml::SourceFile::fromText("t.yaml", text);
    Outcome o;
    EvaluationOptions options;
    options.policy = {level, Policy::Version::latest()};
    for (const auto &doc : file->documents) {
        for (auto &d : Engine::documentProblems(doc))
            o.problems.push_back(std::move(d));
        for (auto &e : evaluateDocument(doc, options))
            o.objects.push_back(std::move(e));
    }
    return o;
}

const Policy::CheckResult *check(const EvaluatedObject &o, std::string_view id)
{
    for (const auto &r : o.evaluation.results) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestTypedReading : public QObject
{
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void undecodable_data();
    void undecodable();
    void templateLess_data();
    void templateLess();
    void documentEndMarker();
    void strayLine_data();
    void strayLine();
    void duplicateKeys_data();
    void duplicateKeys();
};

void TestTypedReading::values_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("checkId");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("json"); ///< the inspected field's value as reported

    struct Row
    {
        const char *field, *value, *check;
        bool allowed;
        const char *detail, *json;
    };
    const Row rows[] = {
        // runAsUser: a whole float is the integer (0 = root).
        {"sc:runAsUser", "0.0", "runAsUser", false, "container \"app\" must not set runAsUser=0",
         "0"},
        {"sc:runAsUser", "0e0", "runAsUser", false, "container \"app\" must not set runAsUser=0",
         "0"},
        {"sc:runAsUser", "-0.0", "runAsUser", false, "container \"app\" must not set runAsUser=0",
         "-0"},
        {"sc:runAsUser", "0x0", "runAsUser", false, "container \"app\" must not set runAsUser=0",
         "0"},
        {"sc:runAsUser", "0_0", "runAsUser", false, "container \"app\" must not set runAsUser=0",
         "0"},
        {"sc:runAsUser", "1000.0", "runAsUser", true, "", "1000"},
        {"pod:runAsUser", "0.0", "runAsUser", false, "pod must not set runAsUser=0", "0"},
        // hostPort: printed as Kubernetes holds it.
        {"port:hostPort", "8080.0", "hostPorts", false, "container \"app\" uses hostPort 8080",
         "8080"},
        {"port:hostPort", "8e1", "hostPorts", false, "container \"app\" uses hostPort 80", "80"},
        {"port:hostPort", "080", "hostPorts", false, "container \"app\" uses hostPort 80", "80"},
        {"port:hostPort", "0x50", "hostPorts", false, "container \"app\" uses hostPort 80", "80"},
        {"port:hostPort", "0o120", "hostPorts", false, "container \"app\" uses hostPort 80", "80"},
        {"port:hostPort", "0120", "hostPorts", false, "container \"app\" uses hostPort 80", "80"},
        {"port:hostPort", "8_080", "hostPorts", false, "container \"app\" uses hostPort 8080",
         "8080"},
        {"port:hostPort", "+80", "hostPorts", false, "container \"app\" uses hostPort 80", "80"},
        {"port:hostPort", "0.0", "hostPorts", true, "", "0"},
        {"port:hostPort", "~", "hostPorts", true, "", ""},
        // YAML 1.1 booleans.
        {"sc:privileged", "y", "privileged", false,
         "container \"app\" must not set securityContext.privileged=true", "true"},
        {"sc:privileged", "On", "privileged", false,
         "container \"app\" must not set securityContext.privileged=true", "true"},
        {"sc:privileged", "NO", "privileged", true, "", "false"},
        {"sc:runAsNonRoot", "off", "runAsNonRoot", false,
         "container \"app\" must not set securityContext.runAsNonRoot=false", "false"},
    };
    for (int s = 0; s < 3; ++s) {
        const char *styleName = s == 0 ? "block" : s == 1 ? "flow" : "json";
        for (const auto &r : rows) {
            if (s == 2 && std::string_view(r.value) != "0.0" &&
                std::string_view(r.value) != "8080.0" && std::string_view(r.value) != "8e1" &&
                std::string_view(r.value) != "1000.0" && std::string_view(r.value) != "-0.0")
                continue; // JSON has no YAML 1.1 spellings; its numbers are still YAML floats
            QTest::addRow("%s %s=%s", styleName, r.field, r.value)
                << s << r.field << r.value << r.check << r.allowed << r.detail << r.json;
        }
    }
}

void TestTypedReading::values()
{
    QFETCH(int, style);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, checkId);
    QFETCH(bool, allowed);
    QFETCH(QString, detail);
    QFETCH(QString, json);
    const std::string text = pod(Style(style), field.toStdString(), value.toStdString());
    const auto out =
        run(text, checkId == QLatin1String("hostPorts") || checkId == QLatin1String("privileged")
                      ? Policy::Level::Baseline
                      : Policy::Level::Restricted);
    QVERIFY2(out.problems.empty(), out.problems.empty() ? "" : out.problems[0].message.c_str());
    QCOMPARE(out.objects.size(), std::size_t(1));
    const auto *r = check(out.objects[0], checkId.toStdString());
    QVERIFY2(r, text.c_str());
    QCOMPARE(r->allowed, allowed);
    QCOMPARE(q(r->detail), detail);
    if (!json.isEmpty()) {
        bool seen = false;
        for (const auto &f : r->fields)
            seen = seen || (f.present && q(f.value) == json);
        QVERIFY2(seen, text.c_str());
    }
}

void TestTypedReading::undecodable_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");

    struct Row
    {
        const char *field, *value, *message;
    };
    const Row rows[] = {
        {"port:hostPort", "\"80\"",
         "cannot unmarshal string into Go struct field "
         "ContainerPort.spec.containers.ports.hostPort "
         "of type int32"},
        {"port:hostPort", "80.5",
         "cannot unmarshal number 80.5 into Go struct field "
         "ContainerPort.spec.containers.ports.hostPort of type int32"},
        {"port:hostPort", "4294967376",
         "cannot unmarshal number 4294967376 into Go struct field "
         "ContainerPort.spec.containers.ports.hostPort of type int32"},
        {"port:hostPort", "1e21",
         "cannot unmarshal number 1e+21 into Go struct field "
         "ContainerPort.spec.containers.ports.hostPort of type int32"},
        {"port:hostPort", "true",
         "cannot unmarshal bool into Go struct field ContainerPort.spec.containers.ports.hostPort "
         "of type int32"},
        {"sc:procMount", "n",
         "cannot unmarshal bool into Go struct field "
         "SecurityContext.spec.containers.securityContext.procMount of type v1.ProcMountType"},
        {"sc:runAsUser", "\"0\"",
         "cannot unmarshal string into Go struct field "
         "SecurityContext.spec.containers.securityContext.runAsUser of type int64"},
        {"sc:runAsUser", "0.5",
         "cannot unmarshal number 0.5 into Go struct field "
         "SecurityContext.spec.containers.securityContext.runAsUser of type int64"},
        {"sc:runAsUser", "9223372036854775808",
         "cannot unmarshal number 9223372036854775808 into Go struct field "
         "SecurityContext.spec.containers.securityContext.runAsUser of type int64"},
        {"sc:privileged", "\"true\"",
         "cannot unmarshal string into Go struct field "
         "SecurityContext.spec.containers.securityContext.privileged of type bool"},
        {"pod:runAsUser", "\"0\"",
         "cannot unmarshal string into Go struct field "
         "PodSecurityContext.spec.securityContext.runAsUser of type int64"},
    };
    for (int s = 0; s < 3; ++s) {
        const char *styleName = s == 0 ? "block" : s == 1 ? "flow" : "json";
        for (const auto &r : rows) {
            if (s == 2 && (std::string_view(r.value) == "n"))
                continue;
            QTest::addRow("%s %s=%s", styleName, r.field, r.value)
                << s << r.field << r.value << r.message;
        }
    }
}

void TestTypedReading::undecodable()
{
    QFETCH(int, style);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const std::string text = pod(Style(style), field.toStdString(), value.toStdString());
    const auto out = run(text, Policy::Level::Baseline);
    QVERIFY2(out.objects.empty(), text.c_str()); // refused before admission: no verdict
    QCOMPARE(out.problems.size(), std::size_t(1));
    const auto &d = out.problems[0];
    QCOMPARE(q(d.message),
             QStringLiteral("Pod in version \"v1\" cannot be handled as a Pod: json: ") + message);
    // Located at the value itself.
    const std::string v = value.toStdString();
    QCOMPARE(text.substr(d.offset, v.size()), v);
    std::uint32_t line = 1, column = 1;
    for (std::uint32_t i = 0; i < d.offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
}

void TestTypedReading::templateLess_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("listed");
    for (const char *kind : {"Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"})
        QTest::addRow("%s", kind)
            << QStringLiteral("apiVersion: apps/v1\nkind: %1\nmetadata: {name: w}\nspec: {}\n")
                   .arg(QLatin1String(kind))
            << true;
    QTest::newRow("Job") << QStringLiteral(
                                "{apiVersion: batch/v1, kind: Job, metadata: {name: w}}\n")
                         << true;
    QTest::newRow("CronJob")
        << QStringLiteral("{\"apiVersion\": \"batch/v1\", \"kind\": \"CronJob\", \"metadata\": "
                          "{\"name\": \"w\"}, \"spec\": {\"jobTemplate\": {}}}\n")
        << true;
    QTest::newRow("PodTemplate") << QStringLiteral(
                                        "apiVersion: v1\nkind: PodTemplate\nmetadata: {name: w}\n")
                                 << true;
    QTest::newRow("Deployment null template")
        << QStringLiteral(
               "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  template:\n")
        << true;
    QTest::newRow("ReplicationController")
        << QStringLiteral(
               "apiVersion: v1\nkind: ReplicationController\nmetadata: {name: w}\nspec: {}\n")
        << false;
}

void TestTypedReading::templateLess()
{
    QFETCH(QString, text);
    QFETCH(bool, listed);
    const auto out = run(text.toStdString());
    QVERIFY(out.problems.empty());
    QCOMPARE(out.objects.size(), std::size_t(listed ? 1 : 0));
    if (!listed)
        return;
    // The empty template is evaluated: every check of restricted:latest runs and passes
    // (19 checks less the 4 baseline ones restricted overrides, spec/pss-checks.md 2.2).
    const auto &e = out.objects[0].evaluation;
    QVERIFY(out.objects[0].hasTemplate);
    QCOMPARE(e.results.size(), std::size_t(15));
    QVERIFY(e.allowed());
}

void TestTypedReading::documentEndMarker()
{
    const std::string first = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n"
                              "  containers: [{name: c, image: x}]\n";
    const std::string text = first +
                             "...\n# comment\napiVersion: v1\nkind: Pod\nmetadata: {name: "
                             "hidden}\nspec: {hostNetwork: true}\n---\n" +
                             "apiVersion: v1\nkind: Pod\nmetadata: {name: b}\n";
    const auto out = run(text, Policy::Level::Baseline);
    QCOMPARE(out.objects.size(), std::size_t(2));
    QCOMPARE(q(out.objects[0].name), QStringLiteral("a"));
    QCOMPARE(q(out.objects[1].name), QStringLiteral("b"));
    QCOMPARE(out.problems.size(), std::size_t(1));
    QVERIFY(out.problems[0].warning);
    QCOMPARE(out.problems[0].line, 8u);
    QCOMPARE(out.problems[0].column, 1u);
    QVERIFY(out.problems[0].message.find("ignored") != std::string::npos);
}

void TestTypedReading::strayLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // yaml-cpp accepted these (a lone scalar line ending a block mapping).
    QTest::newRow("after a mapping")
        << QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n$NOT_A_KEY\n") << 5
        << 1;
    QTest::newRow("after a mapping, comment after")
        << QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n$NOT_A_KEY\n# end\n")
        << 5 << 1;
    QTest::newRow("nested") << QStringLiteral(
                                   "apiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n  stray\n")
                            << 5 << 3;
    QTest::newRow("continuing a value at column 1")
        << QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: "
                          "true\nstray\n")
        << 7 << 1;
}

void TestTypedReading::strayLine()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto out = run(text.toStdString());
    QVERIFY(out.objects.empty());
    QCOMPARE(out.problems.size(), std::size_t(1));
    QVERIFY(!out.problems[0].warning);
    QCOMPARE(int(out.problems[0].line), line);
    QCOMPARE(int(out.problems[0].column), column);
}

void TestTypedReading::duplicateKeys_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::newRow("block")
        << QStringLiteral(
               "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n"
               "  containers: [{name: c}]\n  hostNetwork: false\n")
        << QStringLiteral("duplicate key \"hostNetwork\": already defined at "
                          "line 5, column 3 (kubectl refuses the object)")
        << 7;
    QTest::newRow("flow") << QStringLiteral("{apiVersion: v1, kind: Pod, metadata: {name: p},\n "
                                            "spec: {hostPID: true, hostPID: false}}\n")
                          << QStringLiteral("duplicate key \"hostPID\": already defined at line 2, "
                                            "column 9 (kubectl refuses the object)")
                          << 2;
    QTest::newRow("json") << QStringLiteral("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", "
                                            "\"metadata\": {\"name\": \"p\", \"name\": \"q\"}}\n")
                          << QStringLiteral("duplicate key \"name\": already defined at line 1, "
                                            "column 50 (kubectl refuses the object)")
                          << 1;
}

void TestTypedReading::duplicateKeys()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, line);
    const auto out = run(text.toStdString(), Policy::Level::Baseline);
    QVERIFY(out.objects.empty()); // not evaluated
    QCOMPARE(out.problems.size(), std::size_t(1));
    QCOMPARE(q(out.problems[0].message), message);
    QCOMPARE(int(out.problems[0].line), line);
}

QTEST_GUILESS_MAIN(TestTypedReading)
#include "tst_typedreading.moc"
