// SPDX-License-Identifier: Apache-2.0
// The YAML layer (core/yaml): source spans of every kind of node, multi-document streams,
// Lists, hostile input, scalar typing and mapping lookup.
//
// Expected offsets, lines and columns were computed from the exact input bytes with a
// script, never from the parser. Offsets are byte offsets into the whole text, half-open;
// line and column are 1-based and count bytes, the UTF-8 BOM excluded. Inputs written as raw
// string literals start with a line break, so their first line is empty.
#include "k8s/object.h"
#include "yaml/document.h"
#include "yaml/sourcefile.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <string>
#include <string_view>

using namespace PodSec;

namespace {

/// Hostile input must be dealt with in well under this (generous, to stay reliable on a
/// loaded machine; an exponential blow-up or a hang takes far longer).
constexpr qint64 TimeLimitMs = 10'000;

/// Block style: nested mappings, a sequence, quoted scalars, empty and explicit nulls.
const char *const BlockDoc = R"(
apiVersion: v1
metadata:
  name: demo
  labels:
    app: web
items:
- first
- second: 2
  third: "3"
- 'it''s'
quoted: "say \"hi\""
empty:
tilde: ~
last: end
)";

/// Flow style on one line.
const QByteArray FlowDoc("{a: [1, 2], b: {c: d}, e: [], f: {}}\n", 37);

/// A flow collection spanning lines inside a block mapping.
const char *const FlowMultiLineDoc = R"(
spec: {containers: [
    {name: app, image: "nginx"},
    {name: side}
  ]}
)";

/// JSON text.
const char *const JsonDoc = R"(
{
  "a": {
    "b": [true, null, "x"],
    "n": 1.5
  },
  "c": []
}
)";

/// A plain scalar folded over three lines, and one followed by a comment.
const char *const MultiLinePlainDoc = R"(
a: this is
  a long
  value
b: one # comment
)";

/// Literal and folded block scalars; the span ends at the end of the last content line.
const char *const BlockScalarDoc = R"(
literal: |
  line one
  line two
folded: >
  folded
  text

keep: |+
  kept

strip: >-
  stripped # not a comment
nested:
  inner: |
    deeper

  after: x
last: x
)";

/// A block scalar at the very end of the text, without a final line break.
const QByteArray BlockScalarAtEndDoc("k: |\n"
                                     "  no newline at end",
                                     24);

/// An explicit indentation indicator: the first content line is more indented.
const char *const IndentIndicatorDoc = R"(
a: |2
    deeper
  base
b: x
)";

/// CRLF line ends: columns count bytes, the CR is never part of a span.
const QByteArray CrlfDoc("a: 1\r\n"
                         "b:\r\n"
                         "  c: x\r\n"
                         "lit: |\r\n"
                         "  l1\r\n"
                         "  l2\r\n"
                         "q: \"y\"\r\n",
                         46);

/// A UTF-8 byte order mark: offsets include it, columns do not.
const QByteArray BomDoc("\xEF\xBB\xBF"
                        "a: 1\n"
                        "b:\n"
                        "  c: x\n",
                        18);

/// Multi-byte UTF-8: columns count bytes.
const QByteArray Utf8Doc("name: caf\xC3\xA9\n"
                         "next: x\n",
                         20);

/// Anchors, aliases and tags: spans start at the content, an alias keeps its own span.
const char *const AnchorDoc = R"(
base: &x value
ref: *x
block: &m
  k: v
alias: *m
flow: &s [1, 2]
items: [*x, *s]
tagged: !!str 42
both: &t !!int 7
commented: &c # a comment between the anchor and its content
  z: 1
)";

/// Markers, a comment-only document and a trailing comment: two documents.
const char *const MarkersDoc = R"(
# leading comment
---
a: 1
---
# a document of comments only
---
b: 2
...
# trailing comment
)";

/// A document end marker without a following start.
const char *const DocumentEndDoc = R"(
a: 1
...
b: 2
)";

/// No markers at all.
const QByteArray SingleDoc("a: 1\n", 5);

/// Empty documents and a comment on a start marker: one document.
const char *const EmptyDocumentsDoc = R"(
---
---
--- # comment
a: x
---
)";

/// A start marker followed by CR LF.
const QByteArray CrlfMarkersDoc("a: 1\r\n"
                                "---\r\n"
                                "b: 2\r\n",
                                17);

/// A BOM before the first start marker.
const QByteArray BomMarkersDoc("\xEF\xBB\xBF---\n"
                               "a: 1\n"
                               "---\n"
                               "b: 2\n",
                               21);

/// Content on the marker lines.
const char *const InlineMarkersDoc = R"(
--- {a: 1}
--- {b: 2}
)";

/// "---x" is a key, not a marker.
const QByteArray NotAMarkerDoc("---x: 1\n", 8);

/// A List whose items are a Pod, a scalar (skipped) and a Deployment.
const char *const ListDoc = R"(
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: one
- just a string
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: two
)";

/// A PodList in JSON.
const char *const PodListJsonDoc = R"(
{"apiVersion": "v1", "kind": "PodList", "items": [
  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}},
  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"}}
]}
)";

/// A List in the second document: item positions are file positions.
const char *const ListInSecondDocumentDoc = R"(
apiVersion: v1
kind: Namespace
metadata:
  name: ns
---
apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: Job
  metadata:
    name: job
)";

/// Duplicate keys, merge keys (a mapping and a list of mappings), a quoted "<<", nulls.
const char *const LookupDoc = R"(
dup:
  a: 1
  b: 2
base: &b
  x: 1
  y: 2
other: &o
  z: 9
  x: 8
m:
  y: 3
  <<: *b
  w: 4
list:
  <<: [*o, *b]
quoted:
  "<<": *b
nulls:
  a:
  b: ~
  c: 0
)";

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

std::unique_ptr<Yaml::SourceFile> parseText(const QByteArray &text)
{
    return Yaml::SourceFile::fromText("test.yaml", text.toStdString());
}

/// All diagnostics of a file, one per line, for failure messages.
QByteArray describeErrors(const Yaml::SourceFile &file)
{
    QByteArray out;
    for (const auto &d : file.errors)
        out += QByteArray::number(d.line) + ':' + QByteArray::number(d.column) + ": " +
               QByteArray::fromStdString(d.message) + '\n';
    return out;
}

/// Finds a node by a path: keys separated by '.', each optionally followed by sequence
/// indexes ("items[1].third"); "@key" yields the key node instead of the value; "" is the
/// root. Values are not resolved, so an alias keeps its own node.
Yaml::NodeId lookup(const Yaml::Document &doc, const QByteArray &path)
{
    Yaml::NodeId id = doc.root;
    if (path.isEmpty())
        return id;
    const QList<QByteArray> segments = path.split('.');
    for (const QByteArray &segment : segments) {
        QByteArray name = segment;
        QList<int> indexes;
        while (name.endsWith(']')) {
            const auto open = name.lastIndexOf('[');
            if (open < 0)
                return Yaml::NoNode;
            indexes.prepend(name.mid(open + 1, name.size() - open - 2).toInt());
            name.truncate(open);
        }
        if (name.startsWith('@'))
            id = doc.keyOf(id, view(name.mid(1)));
        else if (!name.isEmpty())
            id = doc.get(id, view(name));
        for (int i : indexes)
            id = doc.item(id, static_cast<std::size_t>(i));
        if (id == Yaml::NoNode)
            return Yaml::NoNode;
    }
    return id;
}

QByteArray kindName(Yaml::NodeKind kind)
{
    switch (kind) {
    case Yaml::NodeKind::Null:
        return "null";
    case Yaml::NodeKind::Scalar:
        return "scalar";
    case Yaml::NodeKind::Mapping:
        return "mapping";
    case Yaml::NodeKind::Sequence:
        return "sequence";
    }
    return "?";
}

/// The style that matters for a node's kind: the scalar style, the collection style, or
/// for a null whether it was written ("explicit": ~, null) or left empty ("empty").
QByteArray styleName(const Yaml::Node &node)
{
    switch (node.kind) {
    case Yaml::NodeKind::Null:
        return node.explicitNull ? "explicit" : "empty";
    case Yaml::NodeKind::Scalar:
        switch (node.scalarStyle) {
        case Yaml::ScalarStyle::Plain:
            return "plain";
        case Yaml::ScalarStyle::SingleQuoted:
            return "single";
        case Yaml::ScalarStyle::DoubleQuoted:
            return "double";
        case Yaml::ScalarStyle::Literal:
            return "literal";
        case Yaml::ScalarStyle::Folded:
            return "folded";
        }
        return "?";
    case Yaml::NodeKind::Mapping:
    case Yaml::NodeKind::Sequence:
        return node.collectionStyle == Yaml::CollectionStyle::Flow ? "flow" : "block";
    }
    return "?";
}

QByteArray typeName(Yaml::ScalarType type)
{
    switch (type) {
    case Yaml::ScalarType::Null:
        return "null";
    case Yaml::ScalarType::Bool:
        return "bool";
    case Yaml::ScalarType::Int:
        return "int";
    case Yaml::ScalarType::Float:
        return "float";
    case Yaml::ScalarType::String:
        return "string";
    }
    return "?";
}

void addType(const char *text, const char *type, bool isTrue = false, bool isFalse = false)
{
    QTest::addRow("%s: %s", type, *text ? text : "(empty)")
        << QByteArray(text) << QByteArray(type) << isTrue << isFalse << false << qlonglong(0);
}

/// A float whose JSON number an integer field accepts (sigs.k8s.io/yaml writes 1e3 as 1000).
void addWholeFloat(const char *text, qlonglong value)
{
    QTest::addRow("float: %s", text)
        << QByteArray(text) << QByteArray("float") << false << false << true << value;
}

void addInt(const char *text, qlonglong value)
{
    QTest::addRow("int: %s", text)
        << QByteArray(text) << QByteArray("int") << false << false << true << value;
}

/// piece, count times over (for generated input).
QByteArray repeated(const char *piece, int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += piece;
    return out;
}

} // namespace

class TestYamlDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spans_data();
    void spans();
    void multiDocument_data();
    void multiDocument();
    void listItems_data();
    void listItems();
    void hostileInput_data();
    void hostileInput();
    void jsonFileKeepsLineSeparators();
    void hugeLine();
    void errorInOneDocument_data();
    void errorInOneDocument();
    void errorPastTheEnd_data();
    void errorPastTheEnd();
    void scalarTyping_data();
    void scalarTyping();
    void mappingLookup_data();
    void mappingLookup();
};

void TestYamlDocument::spans_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("kind");  ///< of the resolved node
    QTest::addColumn<QByteArray>("style"); ///< of the resolved node, see styleName()
    QTest::addColumn<QByteArray>("value"); ///< scalar text; checked for scalars and nulls
    QTest::addColumn<int>("target");       ///< start of the alias target, -1: not an alias

    QTest::newRow("block: root mapping")
        << QByteArray(BlockDoc) << QByteArray("") << 1 << 158 << 2 << 1 << QByteArray("mapping")
        << QByteArray("block") << QByteArray("") << -1;
    QTest::newRow("block: scalar")
        << QByteArray(BlockDoc) << QByteArray("metadata.name") << 34 << 38 << 4 << 9
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("demo") << -1;
    QTest::newRow("block: key node")
        << QByteArray(BlockDoc) << QByteArray("@metadata") << 16 << 24 << 3 << 1
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("metadata") << -1;
    QTest::newRow("block: nested mapping")
        << QByteArray(BlockDoc) << QByteArray("metadata.labels") << 53 << 61 << 6 << 5
        << QByteArray("mapping") << QByteArray("block") << QByteArray("") << -1;
    QTest::newRow("block: sequence")
        << QByteArray(BlockDoc) << QByteArray("items") << 69 << 111 << 8 << 1
        << QByteArray("sequence") << QByteArray("block") << QByteArray("") << -1;
    QTest::newRow("block: sequence item")
        << QByteArray(BlockDoc) << QByteArray("items[0]") << 71 << 76 << 8 << 3
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("first") << -1;
    QTest::newRow("block: mapping in sequence")
        << QByteArray(BlockDoc) << QByteArray("items[1]") << 79 << 101 << 9 << 3
        << QByteArray("mapping") << QByteArray("block") << QByteArray("") << -1;
    QTest::newRow("block: double quoted")
        << QByteArray(BlockDoc) << QByteArray("items[1].third") << 98 << 101 << 10 << 10
        << QByteArray("scalar") << QByteArray("double") << QByteArray("3") << -1;
    QTest::newRow("block: single quoted")
        << QByteArray(BlockDoc) << QByteArray("items[2]") << 104 << 111 << 11 << 3
        << QByteArray("scalar") << QByteArray("single") << QByteArray("it's") << -1;
    QTest::newRow("block: escaped quotes")
        << QByteArray(BlockDoc) << QByteArray("quoted") << 120 << 132 << 12 << 9
        << QByteArray("scalar") << QByteArray("double") << QByteArray("say \"hi\"") << -1;
    QTest::newRow("block: empty value")
        << QByteArray(BlockDoc) << QByteArray("empty") << 139 << 139 << 13 << 7
        << QByteArray("null") << QByteArray("empty") << QByteArray("") << -1;
    QTest::newRow("block: explicit null")
        << QByteArray(BlockDoc) << QByteArray("tilde") << 147 << 148 << 14 << 8
        << QByteArray("null") << QByteArray("explicit") << QByteArray("") << -1;
    QTest::newRow("flow: root mapping")
        << QByteArray(FlowDoc) << QByteArray("") << 0 << 36 << 1 << 1 << QByteArray("mapping")
        << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("flow: sequence")
        << QByteArray(FlowDoc) << QByteArray("a") << 4 << 10 << 1 << 5 << QByteArray("sequence")
        << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("flow: sequence item")
        << QByteArray(FlowDoc) << QByteArray("a[1]") << 8 << 9 << 1 << 9 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("2") << -1;
    QTest::newRow("flow: nested mapping")
        << QByteArray(FlowDoc) << QByteArray("b") << 15 << 21 << 1 << 16 << QByteArray("mapping")
        << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("flow: scalar in mapping")
        << QByteArray(FlowDoc) << QByteArray("b.c") << 19 << 20 << 1 << 20 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("d") << -1;
    QTest::newRow("flow: empty sequence")
        << QByteArray(FlowDoc) << QByteArray("e") << 26 << 28 << 1 << 27 << QByteArray("sequence")
        << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("flow: empty mapping")
        << QByteArray(FlowDoc) << QByteArray("f") << 33 << 35 << 1 << 34 << QByteArray("mapping")
        << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("flow lines: mapping")
        << QByteArray(FlowMultiLineDoc) << QByteArray("spec") << 7 << 76 << 2 << 7
        << QByteArray("mapping") << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("flow lines: sequence")
        << QByteArray(FlowMultiLineDoc) << QByteArray("spec.containers") << 20 << 75 << 2 << 20
        << QByteArray("sequence") << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("flow lines: second item")
        << QByteArray(FlowMultiLineDoc) << QByteArray("spec.containers[1]") << 59 << 71 << 4 << 5
        << QByteArray("mapping") << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("flow lines: quoted")
        << QByteArray(FlowMultiLineDoc) << QByteArray("spec.containers[0].image") << 45 << 52 << 3
        << 24 << QByteArray("scalar") << QByteArray("double") << QByteArray("nginx") << -1;
    QTest::newRow("json: root") << QByteArray(JsonDoc) << QByteArray("") << 1 << 69 << 2 << 1
                                << QByteArray("mapping") << QByteArray("flow") << QByteArray("")
                                << -1;
    QTest::newRow("json: quoted key")
        << QByteArray(JsonDoc) << QByteArray("@a") << 5 << 8 << 3 << 3 << QByteArray("scalar")
        << QByteArray("double") << QByteArray("a") << -1;
    QTest::newRow("json: nested object")
        << QByteArray(JsonDoc) << QByteArray("a") << 10 << 56 << 3 << 8 << QByteArray("mapping")
        << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("json: array") << QByteArray(JsonDoc) << QByteArray("a.b") << 21 << 38 << 4 << 10
                                 << QByteArray("sequence") << QByteArray("flow") << QByteArray("")
                                 << -1;
    QTest::newRow("json: true") << QByteArray(JsonDoc) << QByteArray("a.b[0]") << 22 << 26 << 4
                                << 11 << QByteArray("scalar") << QByteArray("plain")
                                << QByteArray("true") << -1;
    QTest::newRow("json: null") << QByteArray(JsonDoc) << QByteArray("a.b[1]") << 28 << 32 << 4
                                << 17 << QByteArray("null") << QByteArray("explicit")
                                << QByteArray("") << -1;
    QTest::newRow("json: string") << QByteArray(JsonDoc) << QByteArray("a.b[2]") << 34 << 37 << 4
                                  << 23 << QByteArray("scalar") << QByteArray("double")
                                  << QByteArray("x") << -1;
    QTest::newRow("json: number") << QByteArray(JsonDoc) << QByteArray("a.n") << 49 << 52 << 5 << 10
                                  << QByteArray("scalar") << QByteArray("plain")
                                  << QByteArray("1.5") << -1;
    QTest::newRow("json: empty array")
        << QByteArray(JsonDoc) << QByteArray("c") << 65 << 67 << 7 << 8 << QByteArray("sequence")
        << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("plain: multi-line")
        << QByteArray(MultiLinePlainDoc) << QByteArray("a") << 4 << 28 << 2 << 4
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("this is a long value") << -1;
    QTest::newRow("plain: before a comment")
        << QByteArray(MultiLinePlainDoc) << QByteArray("b") << 32 << 35 << 5 << 4
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("one") << -1;
    QTest::newRow("block scalar: literal")
        << QByteArray(BlockScalarDoc) << QByteArray("literal") << 10 << 33 << 2 << 10
        << QByteArray("scalar") << QByteArray("literal")
        << QByteArray("line one\n"
                      "line two\n")
        << -1;
    QTest::newRow("block scalar: folded")
        << QByteArray(BlockScalarDoc) << QByteArray("folded") << 42 << 59 << 5 << 9
        << QByteArray("scalar") << QByteArray("folded") << QByteArray("folded text\n") << -1;
    QTest::newRow("block scalar: keep")
        << QByteArray(BlockScalarDoc) << QByteArray("keep") << 67 << 76 << 9 << 7
        << QByteArray("scalar") << QByteArray("literal")
        << QByteArray("kept\n"
                      "\n")
        << -1;
    QTest::newRow("block scalar: strip")
        << QByteArray(BlockScalarDoc) << QByteArray("strip") << 85 << 114 << 12 << 8
        << QByteArray("scalar") << QByteArray("folded") << QByteArray("stripped # not a comment")
        << -1;
    QTest::newRow("block scalar: nested, trailing blank line")
        << QByteArray(BlockScalarDoc) << QByteArray("nested.inner") << 132 << 144 << 15 << 10
        << QByteArray("scalar") << QByteArray("literal") << QByteArray("deeper\n") << -1;
    QTest::newRow("block scalar: next key")
        << QByteArray(BlockScalarDoc) << QByteArray("nested.after") << 155 << 156 << 18 << 10
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("x") << -1;
    QTest::newRow("block scalar: at end of text")
        << QByteArray(BlockScalarAtEndDoc) << QByteArray("k") << 3 << 24 << 1 << 4
        << QByteArray("scalar") << QByteArray("literal") << QByteArray("no newline at end") << -1;
    QTest::newRow("block scalar: indentation indicator")
        << QByteArray(IndentIndicatorDoc) << QByteArray("a") << 4 << 24 << 2 << 4
        << QByteArray("scalar") << QByteArray("literal")
        << QByteArray("  deeper\n"
                      "base\n")
        << -1;
    QTest::newRow("crlf: first line")
        << QByteArray(CrlfDoc) << QByteArray("a") << 3 << 4 << 1 << 4 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("1") << -1;
    QTest::newRow("crlf: nested mapping")
        << QByteArray(CrlfDoc) << QByteArray("b") << 12 << 16 << 3 << 3 << QByteArray("mapping")
        << QByteArray("block") << QByteArray("") << -1;
    QTest::newRow("crlf: third line")
        << QByteArray(CrlfDoc) << QByteArray("b.c") << 15 << 16 << 3 << 6 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("x") << -1;
    QTest::newRow("crlf: literal") << QByteArray(CrlfDoc) << QByteArray("lit") << 23 << 36 << 4 << 6
                                   << QByteArray("scalar") << QByteArray("literal")
                                   << QByteArray("l1\n"
                                                 "l2\n")
                                   << -1;
    QTest::newRow("crlf: last line")
        << QByteArray(CrlfDoc) << QByteArray("q") << 41 << 44 << 7 << 4 << QByteArray("scalar")
        << QByteArray("double") << QByteArray("y") << -1;
    QTest::newRow("bom: root") << QByteArray(BomDoc) << QByteArray("") << 3 << 17 << 1 << 1
                               << QByteArray("mapping") << QByteArray("block") << QByteArray("")
                               << -1;
    QTest::newRow("bom: first line")
        << QByteArray(BomDoc) << QByteArray("a") << 6 << 7 << 1 << 4 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("1") << -1;
    QTest::newRow("bom: third line")
        << QByteArray(BomDoc) << QByteArray("b.c") << 16 << 17 << 3 << 6 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("x") << -1;
    QTest::newRow("utf-8: multi-byte scalar")
        << QByteArray(Utf8Doc) << QByteArray("name") << 6 << 11 << 1 << 7 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("caf\xC3\xA9") << -1;
    QTest::newRow("utf-8: next line")
        << QByteArray(Utf8Doc) << QByteArray("next") << 18 << 19 << 2 << 7 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("x") << -1;
    QTest::newRow("anchor: scalar")
        << QByteArray(AnchorDoc) << QByteArray("base") << 10 << 15 << 2 << 10
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("value") << -1;
    QTest::newRow("alias: scalar")
        << QByteArray(AnchorDoc) << QByteArray("ref") << 21 << 23 << 3 << 6 << QByteArray("scalar")
        << QByteArray("plain") << QByteArray("value") << 10;
    QTest::newRow("anchor: block mapping on the next line")
        << QByteArray(AnchorDoc) << QByteArray("block") << 36 << 40 << 5 << 3
        << QByteArray("mapping") << QByteArray("block") << QByteArray("") << -1;
    QTest::newRow("alias: mapping")
        << QByteArray(AnchorDoc) << QByteArray("alias") << 48 << 50 << 6 << 8
        << QByteArray("mapping") << QByteArray("block") << QByteArray("") << 36;
    QTest::newRow("anchor: flow sequence")
        << QByteArray(AnchorDoc) << QByteArray("flow") << 60 << 66 << 7 << 10
        << QByteArray("sequence") << QByteArray("flow") << QByteArray("") << -1;
    QTest::newRow("alias: in flow, before a comma")
        << QByteArray(AnchorDoc) << QByteArray("items[0]") << 75 << 77 << 8 << 9
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("value") << 10;
    QTest::newRow("alias: in flow, before a bracket")
        << QByteArray(AnchorDoc) << QByteArray("items[1]") << 79 << 81 << 8 << 13
        << QByteArray("sequence") << QByteArray("flow") << QByteArray("") << 60;
    QTest::newRow("tag: skipped") << QByteArray(AnchorDoc) << QByteArray("tagged") << 97 << 99 << 9
                                  << 15 << QByteArray("scalar") << QByteArray("plain")
                                  << QByteArray("42") << -1;
    QTest::newRow("anchor and tag: skipped")
        << QByteArray(AnchorDoc) << QByteArray("both") << 115 << 116 << 10 << 16
        << QByteArray("scalar") << QByteArray("plain") << QByteArray("7") << -1;
    QTest::newRow("anchor: comment before content")
        << QByteArray(AnchorDoc) << QByteArray("commented") << 180 << 184 << 12 << 3
        << QByteArray("mapping") << QByteArray("block") << QByteArray("") << -1;
}

void TestYamlDocument::spans()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, path);
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, style);
    QFETCH(QByteArray, value);
    QFETCH(int, target);

    const auto file = parseText(text);
    QVERIFY2(file->errors.empty(), describeErrors(*file).constData());
    QCOMPARE(int(file->documents.size()), 1);
    const auto &doc = file->documents.front();
    const Yaml::NodeId id = lookup(doc, path);
    QVERIFY2(id != Yaml::NoNode, "path not found");

    const Yaml::Node &node = doc.node(id);
    QCOMPARE(int(node.start), start);
    QCOMPARE(int(node.end), end);
    QCOMPARE(int(node.line), line);
    QCOMPARE(int(node.column), column);
    // line and column agree with the offset
    const auto located = file->locate(node.start, {});
    QCOMPARE(int(located.line), line);
    QCOMPARE(int(located.column), column);

    const Yaml::NodeId resolved = doc.resolve(id);
    QVERIFY(resolved != Yaml::NoNode);
    QCOMPARE(kindName(doc.kind(id)), kind);
    QCOMPARE(styleName(doc.node(resolved)), style);
    if (kind == "scalar" || kind == "null")
        QCOMPARE(QByteArray::fromStdString(doc.scalar(id)), value);

    if (target < 0) {
        QCOMPARE(node.aliasOf, Yaml::NoNode);
        QCOMPARE(resolved, id);
    } else {
        QVERIFY(node.aliasOf != Yaml::NoNode);
        QVERIFY(resolved != id);
        QCOMPARE(int(doc.node(resolved).start), target);
        QCOMPARE(doc.node(resolved).aliasOf, Yaml::NoNode); // targets are never aliases
    }
}

void TestYamlDocument::multiDocument_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("count");     ///< documents in the file
    QTest::addColumn<int>("document");  ///< the document probed
    QTest::addColumn<int>("firstLine"); ///< its first line
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("markers: first document")
        << QByteArray(MarkersDoc) << 2 << 0 << 3 << QByteArray("a") << 4 << 4 << QByteArray("1");
    QTest::newRow("markers: second document")
        << QByteArray(MarkersDoc) << 2 << 1 << 7 << QByteArray("b") << 8 << 4 << QByteArray("2");
    // kubectl reads one document per "---" part: what follows "..." is ignored (warning).
    QTest::newRow("document end: first document") << QByteArray(DocumentEndDoc) << 1 << 0 << 1
                                                  << QByteArray("a") << 2 << 4 << QByteArray("1");
    QTest::newRow("single document")
        << QByteArray(SingleDoc) << 1 << 0 << 1 << QByteArray("a") << 1 << 4 << QByteArray("1");
    QTest::newRow("empty documents are skipped") << QByteArray(EmptyDocumentsDoc) << 1 << 0 << 4
                                                 << QByteArray("a") << 5 << 4 << QByteArray("x");
    QTest::newRow("crlf markers: second document") << QByteArray(CrlfMarkersDoc) << 2 << 1 << 2
                                                   << QByteArray("b") << 3 << 4 << QByteArray("2");
    QTest::newRow("bom markers: first document")
        << QByteArray(BomMarkersDoc) << 2 << 0 << 1 << QByteArray("a") << 2 << 4 << QByteArray("1");
    QTest::newRow("bom markers: second document")
        << QByteArray(BomMarkersDoc) << 2 << 1 << 3 << QByteArray("b") << 4 << 4 << QByteArray("2");
    QTest::newRow("inline content: second document")
        << QByteArray(InlineMarkersDoc) << 2 << 1 << 3 << QByteArray("b") << 3 << 9
        << QByteArray("2");
    QTest::newRow("dashes followed by text are not a marker")
        << QByteArray(NotAMarkerDoc) << 1 << 0 << 1 << QByteArray("---x") << 1 << 7
        << QByteArray("1");
}

void TestYamlDocument::multiDocument()
{
    QFETCH(QByteArray, text);
    QFETCH(int, count);
    QFETCH(int, document);
    QFETCH(int, firstLine);
    QFETCH(QByteArray, path);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, value);

    const auto file = parseText(text);
    QVERIFY2(file->errors.empty(), describeErrors(*file).constData());
    QCOMPARE(int(file->documents.size()), count);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(file->documents[std::size_t(i)].index, i);
        QVERIFY(!file->documents[std::size_t(i)].error);
        QVERIFY(file->documents[std::size_t(i)].root != Yaml::NoNode);
    }
    const auto &doc = file->documents[std::size_t(document)];
    QCOMPARE(int(doc.firstLine), firstLine);
    const Yaml::NodeId id = lookup(doc, path);
    QVERIFY2(id != Yaml::NoNode, "path not found");
    QCOMPARE(int(doc.node(id).line), line);
    QCOMPARE(int(doc.node(id).column), column);
    QCOMPARE(QByteArray::fromStdString(doc.scalar(id)), value);
    QVERIFY(doc.node(id).start >= doc.chunkStart);
    QVERIFY(doc.node(id).end <= doc.chunkEnd);
}

void TestYamlDocument::listItems_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("document");
    QTest::addColumn<int>("count"); ///< objects in the document
    QTest::addColumn<int>("object");
    QTest::addColumn<int>("item"); ///< index inside items
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("list: pod") << QByteArray(ListDoc) << 0 << 2 << 0 << 0 << QByteArray("Pod")
                               << QByteArray("one") << 5 << 3;
    QTest::newRow("list: deployment after a scalar")
        << QByteArray(ListDoc) << 0 << 2 << 1 << 2 << QByteArray("Deployment") << QByteArray("two")
        << 10 << 3;
    QTest::newRow("pod list json: first") << QByteArray(PodListJsonDoc) << 0 << 2 << 0 << 0
                                          << QByteArray("Pod") << QByteArray("a") << 3 << 3;
    QTest::newRow("pod list json: second") << QByteArray(PodListJsonDoc) << 0 << 2 << 1 << 1
                                           << QByteArray("Pod") << QByteArray("b") << 4 << 3;
    QTest::newRow("list in second document")
        << QByteArray(ListInSecondDocumentDoc) << 1 << 1 << 0 << 0 << QByteArray("Job")
        << QByteArray("job") << 10 << 3;
}

void TestYamlDocument::listItems()
{
    QFETCH(QByteArray, text);
    QFETCH(int, document);
    QFETCH(int, count);
    QFETCH(int, object);
    QFETCH(int, item);
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, name);
    QFETCH(int, line);
    QFETCH(int, column);

    const auto file = parseText(text);
    QVERIFY2(file->errors.empty(), describeErrors(*file).constData());
    QVERIFY(document < int(file->documents.size()));
    const auto &doc = file->documents[std::size_t(document)];
    const auto objects = K8s::objectsIn(doc);
    QCOMPARE(int(objects.size()), count);
    const auto &o = objects[std::size_t(object)];
    QCOMPARE(o.document, &doc);
    QCOMPARE(o.item, item);
    QCOMPARE(QByteArray(K8s::kindName(o.kind)), kind);
    QCOMPARE(QByteArray::fromStdString(o.kindText), kind);
    QCOMPARE(QByteArray::fromStdString(o.name), name);
    QCOMPARE(int(o.line), line);
    QCOMPARE(int(o.column), column);
    QCOMPARE(int(doc.node(o.root).line), line);
    QVERIFY(o.isPodBearing());
    QVERIFY(o.podSpec == Yaml::NoNode); // none of these items has a spec
}

void TestYamlDocument::hostileInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("minColumn");
    QTest::addColumn<int>("maxColumn");
    QTest::addColumn<QByteArray>("pattern"); ///< regular expression, case-insensitive

    const int depth = Yaml::ParseLimits{}.maxDepth;

    // Deep nesting: a recursive parser would overflow its stack. The first collection
    // past the limit is rejected; where exactly depends on how the parser counts the
    // levels of "[[[", so only an upper bound is given for the column.
    QTest::newRow("100000 flow sequences")
        << QByteArray(100000, '[') << 1 << 1 << depth + 1 << QByteArray("nesting");
    QTest::newRow("2000 block sequences on one line")
        << QByteArray(repeated("- ", 2000) + "x\n") << 1 << 1 << 2 * depth + 1
        << QByteArray("nesting");
    {
        // Mapping n starts on line n, column n.
        QByteArray text;
        for (int i = 0; i < 1000; ++i)
            text += QByteArray(i, ' ') + "k:\n";
        QTest::newRow("1000 nested block mappings")
            << text << depth + 1 << depth + 1 << depth + 1 << QByteArray("nesting");
    }

    // Billion laughs: nine levels of ten aliases each would expand to 10^9 nodes. With
    // the default limit of 10^6 the expansion is rejected on the line of f (1,111,111
    // nodes); a, b, ..., e together stay far below the limit.
    const char *laughs = R"(
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
)";
    QTest::newRow("billion laughs")
        << QByteArray(laughs) << 7 << 1 << 37 << QByteArray("alias expansion");

    QTest::newRow("self-referencing alias, flow")
        << QByteArray("\nrecursive: &r [*r]\n") << 2 << 16 << 16 << QByteArray("recursive alias");
    QTest::newRow("self-referencing alias, block") << QByteArray("\nouter: &o\n  inner: *o\n") << 3
                                                   << 10 << 10 << QByteArray("recursive alias");
    QTest::newRow("unknown alias")
        << QByteArray("\na: 1\nb: *missing\n") << 3 << 4 << 4 << QByteArray("anchor|alias");

    QTest::newRow("0xFF byte in line 3")
        << QByteArray("\na: 1\nb: 2\nc: x\xFFz\n") << 4 << 5 << 5 << QByteArray("UTF-8");
    QTest::newRow("0xFF byte after a two-byte character")
        << QByteArray("\na: 1\nb: 2\nc: caf\xC3\xA9\xFF\n") << 4 << 9 << 9 << QByteArray("UTF-8");
    QTest::newRow("truncated UTF-8 sequence")
        << QByteArray("a: 1\nb: x\xC3\n") << 2 << 5 << 5 << QByteArray("UTF-8");
    QTest::newRow("overlong UTF-8 encoding")
        << QByteArray("a: \xC0\xAF\n") << 1 << 4 << 4 << QByteArray("UTF-8");
    QTest::newRow("NUL byte") << QByteArray("a: 1\nb: x\0y\n", 12) << 2 << 5 << 5
                              << QByteArray("NUL");
    // Line breaks to Kubernetes' reader (go-yaml v2) that yaml-cpp 0.7 reads as text: a
    // key behind one would be applied by the API server and unseen here.
    QTest::newRow("lone CR in a comment")
        << QByteArray("a: 1 #\rb: 2\n") << 1 << 7 << 7 << QByteArray("carriage return");
    QTest::newRow("lone CR at a line end")
        << QByteArray("a: 1\r\nb: 2\rc: 3\n") << 2 << 5 << 5 << QByteArray("carriage return");
    QTest::newRow("NEL in a plain scalar")
        << QByteArray("a: x\xC2\x85y\n") << 1 << 5 << 5 << QByteArray("U\\+0085");
    QTest::newRow("LS in a quoted scalar")
        << QByteArray("a: 1\nb: \"x\xE2\x80\xA8y\"\n") << 2 << 6 << 6 << QByteArray("U\\+2028");
    QTest::newRow("PS in a comment") << QByteArray("a: 1 # x\xE2\x80\xA9"
                                                   "b: 2\n")
                                     << 1 << 9 << 9 << QByteArray("U\\+2029");
    QTest::newRow("lone CR in a YAML stream of JSON documents")
        << QByteArray("---\n{\"a\":\r 1}\n") << 2 << 6 << 6 << QByteArray("carriage return");
    {
        // The start of an ELF executable: NUL bytes, and bytes that are not UTF-8.
        const char elf[] = "\x7F"
                           "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"
                           "\x02\x00\x3E\x00\x01\x00\x00\x00\xB0\x10\x40\x00";
        const QByteArray junk(elf, sizeof elf - 1);
        QTest::newRow("binary junk")
            << junk << 1 << 1 << int(junk.size()) << QByteArray("NUL|UTF-8");
    }

    QTest::newRow("empty file") << QByteArray() << 1 << 1 << 1 << QByteArray("empty file");
    QTest::newRow("only comments")
        << QByteArray("# nothing\n\n# here\n") << 1 << 1 << 1 << QByteArray("no YAML documents");
}

/// A file kubectl decodes as JSON (it starts with '{') reads U+2028 in a string as text, as
/// yaml-cpp does: no refusal there. A lone CR between its tokens is whitespace to kubectl,
/// but yaml-cpp reads it into the next key, which would hide that key: refused.
void TestYamlDocument::jsonFileKeepsLineSeparators()
{
    const auto file =
        Yaml::SourceFile::fromText("a.json", "{\"a\": \"x\xE2\x80\xA8y\", \"b\": 1}\n");
    QVERIFY2(file->errors.empty(), file->errors.empty() ? "" : file->errors[0].message.c_str());
    const auto &doc = file->documents.front();
    QCOMPARE(doc.scalar(doc.get(doc.root, "a")), std::string("x\xE2\x80\xA8y"));
    QCOMPARE(doc.toInt(doc.get(doc.root, "b")), std::optional<long long>(1));

    const auto cr = Yaml::SourceFile::fromText(
        "b.json", "{\"securityContext\": {\"runAsNonRoot\": true,\r\"privileged\": true}}\n");
    QCOMPARE(cr->errors.size(), std::size_t(1));
    QCOMPARE(cr->errors[0].column, 43u);
    QVERIFY(cr->errors[0].message.find("carriage return") != std::string::npos);
}

void TestYamlDocument::hostileInput()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, minColumn);
    QFETCH(int, maxColumn);
    QFETCH(QByteArray, pattern);

    QElapsedTimer timer;
    timer.start();
    const auto file = parseText(text);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < TimeLimitMs, QByteArray::number(elapsed).constData());

    QVERIFY(!file->errors.empty());
    const Diagnostic &error = file->errors.front();
    const QByteArray where = describeErrors(*file);
    QCOMPARE(int(error.line), line);
    QVERIFY2(int(error.column) >= minColumn && int(error.column) <= maxColumn, where.constData());
    const QRegularExpression re(QString::fromLatin1(pattern),
                                QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(re.match(QString::fromStdString(error.message)).hasMatch(), where.constData());
    // offset, line and column describe the same place
    const auto located = file->locate(error.offset, {});
    QCOMPARE(located.line, error.line);
    QCOMPARE(located.column, error.column);
    for (const auto &doc : file->documents) {
        if (doc.error)
            QCOMPARE(doc.root, Yaml::NoNode);
    }
}

void TestYamlDocument::hugeLine()
{
    // A 5 MB single line is unusual but valid: it parses, quickly and completely.
    constexpr int length = 5'000'000;
    const QByteArray text = "key: " + QByteArray(length, 'x') + '\n';

    QElapsedTimer timer;
    timer.start();
    const auto file = parseText(text);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < TimeLimitMs, QByteArray::number(elapsed).constData());

    QVERIFY2(file->errors.empty(), describeErrors(*file).constData());
    QCOMPARE(int(file->documents.size()), 1);
    const auto &doc = file->documents.front();
    const Yaml::NodeId id = doc.get(doc.root, "key");
    QVERIFY(id != Yaml::NoNode);
    QCOMPARE(int(doc.scalar(id).size()), length);
    QCOMPARE(typeName(doc.scalarType(id)), QByteArray("string"));
    const Yaml::Node &node = doc.node(id);
    QCOMPARE(int(node.start), 5);
    QCOMPARE(int(node.end), 5 + length);
    QCOMPARE(int(node.line), 1);
    QCOMPARE(int(node.column), 6);
}

void TestYamlDocument::errorInOneDocument_data()
{
    // Three documents whose second is broken; the line numbers count from the start of
    // the file, not of the document.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("minLine");
    QTest::addColumn<int>("maxLine");
    QTest::addColumn<int>("minColumn");
    QTest::addColumn<int>("maxColumn");
    QTest::addColumn<QByteArray>("pattern"); ///< regular expression, case-insensitive

    QTest::newRow("syntax error") << QByteArray("\n"
                                                "a: 1\n"
                                                "---\n"
                                                "b: x: y\n"
                                                "---\n"
                                                "c: 3\n",
                                                27)
                                  << 4 << 4 << 5 << 5 << QByteArray("syntax");
    QTest::newRow("invalid UTF-8") << QByteArray("\n"
                                                 "a: 1\n"
                                                 "---\n"
                                                 "b: \xFF\n"
                                                 "---\n"
                                                 "c: 3\n",
                                                 24)
                                   << 4 << 4 << 4 << 4 << QByteArray("UTF-8");
    QTest::newRow("recursive alias") << QByteArray("\n"
                                                   "a: 1\n"
                                                   "---\n"
                                                   "b: &r [*r]\n"
                                                   "---\n"
                                                   "c: 3\n",
                                                   30)
                                     << 4 << 4 << 8 << 8 << QByteArray("recursive alias");
    QTest::newRow("unterminated flow sequence") << QByteArray("\n"
                                                              "a: 1\n"
                                                              "---\n"
                                                              "b: [1, 2\n"
                                                              "---\n"
                                                              "c: 3\n",
                                                              28)
                                                << 4 << 5 << 1 << 9 << QByteArray(".");
    // yaml-cpp reads the escape's hex digits past the end of the document and marks a place
    // beyond it; the error goes where the document ends (found by fuzz_kubeconfig).
    QTest::newRow("bad hex escape at the document's end") << QByteArray("\n"
                                                                        "a: 1\n"
                                                                        "---\n"
                                                                        "b: \"N\\UL]\n"
                                                                        "---\n"
                                                                        "c: 3\n",
                                                                        29)
                                                          << 4 << 5 << 1 << 10 << QByteArray("hex");
}

void TestYamlDocument::errorInOneDocument()
{
    QFETCH(QByteArray, text);
    QFETCH(int, minLine);
    QFETCH(int, maxLine);
    QFETCH(int, minColumn);
    QFETCH(int, maxColumn);
    QFETCH(QByteArray, pattern);

    const auto file = parseText(text);
    const QByteArray where = describeErrors(*file);
    QCOMPARE(int(file->documents.size()), 3);
    QCOMPARE(int(file->errors.size()), 1);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(file->documents[std::size_t(i)].index, i);

    // The documents around the broken one parse.
    const auto &first = file->documents[0];
    QVERIFY(!first.error);
    const Yaml::NodeId a = first.get(first.root, "a");
    QCOMPARE(QByteArray::fromStdString(first.scalar(a)), QByteArray("1"));
    QCOMPARE(int(first.node(a).line), 2);

    const auto &third = file->documents[2];
    QVERIFY(!third.error);
    const Yaml::NodeId c = third.get(third.root, "c");
    QCOMPARE(QByteArray::fromStdString(third.scalar(c)), QByteArray("3"));
    QCOMPARE(int(third.node(c).line), 6);
    QCOMPARE(int(third.node(c).column), 4);

    const auto &broken = file->documents[1];
    QVERIFY(broken.error);
    QCOMPARE(broken.root, Yaml::NoNode);
    const Diagnostic &error = *broken.error;
    QVERIFY2(int(error.line) >= minLine && int(error.line) <= maxLine, where.constData());
    QVERIFY2(int(error.column) >= minColumn && int(error.column) <= maxColumn, where.constData());
    const QRegularExpression re(QString::fromLatin1(pattern),
                                QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(re.match(QString::fromStdString(error.message)).hasMatch(), where.constData());
    QCOMPARE(file->errors.front().line, error.line);
    QCOMPARE(file->errors.front().column, error.column);
    const auto located = file->locate(error.offset, {});
    QCOMPARE(located.line, error.line);
    QCOMPARE(located.column, error.column);
}

void TestYamlDocument::errorPastTheEnd_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("\\U at the end") << QByteArray("ta: \"N\\UL]\n");
    QTest::newRow("short \\U") << QByteArray("a: \"\\U12");
    QTest::newRow("short \\x, no newline") << QByteArray("a: \"\\x1");
}

void TestYamlDocument::errorPastTheEnd()
{
    // An error yaml-cpp marks beyond the last byte is reported inside the text: an offset
    // past the end would put the editor's cursor and the Problems panel nowhere.
    QFETCH(QByteArray, text);
    const auto file = parseText(text);
    const QByteArray where = describeErrors(*file);
    QVERIFY2(!file->errors.empty(), where.constData());
    for (const Diagnostic &error : file->errors) {
        QVERIFY2(error.offset <= std::uint32_t(text.size()), where.constData());
        QVERIFY2(error.line >= 1 && error.line <= std::uint32_t(text.count('\n') + 1),
                 where.constData());
        const auto located = file->locate(error.offset, {});
        QCOMPARE(located.line, error.line);
        QCOMPARE(located.column, error.column);
    }
}

void TestYamlDocument::scalarTyping_data()
{
    // As Kubernetes' YAML reader (YAML 1.1 rules) types a plain scalar.
    QTest::addColumn<QByteArray>("text"); ///< written as the value of "v: "
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<bool>("isTrue");
    QTest::addColumn<bool>("isFalse");
    QTest::addColumn<bool>("hasInt");
    QTest::addColumn<qlonglong>("intValue");

    for (const char *t : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"})
        addType(t, "bool", true, false);
    for (const char *f :
         {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"})
        addType(f, "bool", false, true);
    addType("!!bool yes", "bool", true, false);

    addType("\"true\"", "string");
    addType("'yes'", "string");
    addType("!!str true", "string");
    addType("!!str false", "string");
    addType("tRUE", "string");
    addType("yEs", "string");
    addType("\"42\"", "string");
    addType("'0x1F'", "string");
    addType("0x", "string");
    addType("1.2.3", "string");
    addType("\"null\"", "string");
    addType("nULL", "string");
    addType("hello", "string");

    addInt("0", 0);
    addInt("42", 42);
    addInt("-17", -17);
    addInt("+5", 5);
    addInt("1_000", 1000);
    addInt("0x1F", 31);
    addInt("0x1f", 31);
    addInt("-0x10", -16);
    addInt("0o17", 15);
    addInt("017", 15);
    addInt("0b101", 5);
    addInt("!!int 42", 42);
    addInt("!!int \"42\"", 42);
    addInt("0x7FFFFFFFFFFFFFFF", 9223372036854775807LL);
    addInt("9223372036854775807", 9223372036854775807LL);
    addInt("-9223372036854775807", -9223372036854775807LL);

    addType("1.5", "float");
    addType("-0.5", "float");
    addType(".5", "float");
    addWholeFloat("1e3", 1000);
    addWholeFloat("08", 8); // not octal, so a float as in Go's YAML reader
    addWholeFloat("0.0", 0);
    addWholeFloat("-0.0", 0);
    addWholeFloat("8080.0", 8080);
    addType("1e21", "float"); // JSON 1e+21: strconv.ParseInt refuses it
    addType(".inf", "float");
    addType("-.inf", "float");
    addType(".nan", "float");

    addType("", "null");
    addType("~", "null");
    addType("null", "null");
    addType("Null", "null");
    addType("NULL", "null");
    addType("&n ~", "null");
}

void TestYamlDocument::scalarTyping()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, type);
    QFETCH(bool, isTrue);
    QFETCH(bool, isFalse);
    QFETCH(bool, hasInt);
    QFETCH(qlonglong, intValue);

    const auto file = parseText("v: " + text + '\n');
    QVERIFY2(file->errors.empty(), describeErrors(*file).constData());
    const auto &doc = file->documents.front();
    const Yaml::NodeId id = doc.get(doc.root, "v");
    QVERIFY(id != Yaml::NoNode);
    QCOMPARE(typeName(doc.scalarType(id)), type);
    QCOMPARE(doc.isTrue(id), isTrue);
    QCOMPARE(doc.isFalse(id), isFalse);
    QCOMPARE(doc.isString(id), type == "string");
    const auto number = doc.toInt(id);
    QCOMPARE(number.has_value(), hasInt);
    if (hasInt)
        QCOMPARE(qlonglong(*number), intValue);
}

void TestYamlDocument::mappingLookup_data()
{
    QTest::addColumn<QByteArray>("mapping"); ///< path of the mapping in LookupDoc
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("found");    ///< get() finds it
    QTest::addColumn<bool>("foundSet"); ///< getSet() finds it (value not null)
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("line"); ///< of the key and of the value found

    // A duplicate key is a document error now (tst_typedreading), so this mapping has none.
    QTest::newRow("second key") << QByteArray("dup") << QByteArray("b") << true << true
                                << QByteArray("2") << 4;
    QTest::newRow("merge: key from merged mapping")
        << QByteArray("m") << QByteArray("x") << true << true << QByteArray("1") << 6;
    QTest::newRow("merge: explicit key wins over merged")
        << QByteArray("m") << QByteArray("y") << true << true << QByteArray("3") << 12;
    QTest::newRow("merge: explicit key after the merge")
        << QByteArray("m") << QByteArray("w") << true << true << QByteArray("4") << 14;
    QTest::newRow("merge: absent everywhere")
        << QByteArray("m") << QByteArray("z") << false << false << QByteArray("") << 0;
    QTest::newRow("merge list: first mapping wins")
        << QByteArray("list") << QByteArray("x") << true << true << QByteArray("8") << 10;
    QTest::newRow("merge list: second mapping")
        << QByteArray("list") << QByteArray("y") << true << true << QByteArray("2") << 7;
    QTest::newRow("merge list: first mapping only")
        << QByteArray("list") << QByteArray("z") << true << true << QByteArray("9") << 9;
    QTest::newRow("quoted \"<<\" is not a merge key")
        << QByteArray("quoted") << QByteArray("x") << false << false << QByteArray("") << 0;
    QTest::newRow("empty value: present but not set")
        << QByteArray("nulls") << QByteArray("a") << true << false << QByteArray("") << 20;
    QTest::newRow("tilde: present but not set")
        << QByteArray("nulls") << QByteArray("b") << true << false << QByteArray("") << 21;
    QTest::newRow("zero is set") << QByteArray("nulls") << QByteArray("c") << true << true
                                 << QByteArray("0") << 22;
}

void TestYamlDocument::mappingLookup()
{
    QFETCH(QByteArray, mapping);
    QFETCH(QByteArray, key);
    QFETCH(bool, found);
    QFETCH(bool, foundSet);
    QFETCH(QByteArray, value);
    QFETCH(int, line);

    const auto file = parseText(QByteArray(LookupDoc));
    QVERIFY2(file->errors.empty(), describeErrors(*file).constData());
    const auto &doc = file->documents.front();
    const Yaml::NodeId m = lookup(doc, mapping);
    QCOMPARE(kindName(doc.kind(m)), QByteArray("mapping"));

    const Yaml::NodeId v = doc.get(m, view(key));
    const Yaml::NodeId k = doc.keyOf(m, view(key));
    QCOMPARE(v != Yaml::NoNode, found);
    QCOMPARE(k != Yaml::NoNode, found);
    QCOMPARE(doc.getSet(m, view(key)) != Yaml::NoNode, foundSet);
    if (!found)
        return;
    QCOMPARE(QByteArray::fromStdString(doc.scalar(v)), value);
    QCOMPARE(QByteArray::fromStdString(doc.scalar(k)), key);
    QCOMPARE(int(doc.node(v).line), line);
    QCOMPARE(int(doc.node(k).line), line);
}

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yamldocument.moc"
