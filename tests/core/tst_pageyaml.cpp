// SPDX-License-Identifier: Apache-2.0
// A cluster list page as YAML documents, one per object (core/cluster/pageyaml.h): every
// value must read back through the YAML layer exactly as the page's JSON reads (same
// node kinds, scalar values and YAML 1.1 types), managedFields gone, the list's kind made
// the items'.
#include "cluster/pageyaml.h"
#include "yaml/sourcefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <set>

using namespace PodSec;

namespace {

/// Strings that YAML reads as something else unless quoted, and characters YAML does not
/// allow as they are.
QStringList hostileStrings()
{
    return {QString(),
            QStringLiteral("yes"),
            QStringLiteral("No"),
            QStringLiteral("ON"),
            QStringLiteral("y"),
            QStringLiteral("n"),
            QStringLiteral("off"),
            QStringLiteral("True"),
            QStringLiteral("null"),
            QStringLiteral("NULL"),
            QStringLiteral("~"),
            QStringLiteral("1.0"),
            QStringLiteral("0x1F"),
            QStringLiteral("0o17"),
            QStringLiteral("017"),
            QStringLiteral("1_000"),
            QStringLiteral("12:30"),
            QStringLiteral("2024-01-01"),
            QStringLiteral("2024-01-01T00:00:00Z"),
            QStringLiteral(".inf"),
            QStringLiteral("-.inf"),
            QStringLiteral(".NaN"),
            QStringLiteral("<<"),
            QStringLiteral("="),
            QStringLiteral("a: b"),
            QStringLiteral("a:"),
            QStringLiteral("a:b"),
            QStringLiteral("http://x.example/y"),
            QStringLiteral("a #b"),
            QStringLiteral("#x"),
            QStringLiteral("- x"),
            QStringLiteral("-"),
            QStringLiteral("[a]"),
            QStringLiteral("{a}"),
            QStringLiteral("*x"),
            QStringLiteral("&x"),
            QStringLiteral("!x"),
            QStringLiteral("|"),
            QStringLiteral(">"),
            QStringLiteral("%x"),
            QStringLiteral("@x"),
            QStringLiteral("`x"),
            QStringLiteral("'q'"),
            QStringLiteral("\"dq\""),
            QStringLiteral("a\\b"),
            QStringLiteral("tab\there"),
            QStringLiteral("new\nline"),
            QStringLiteral("cr\rlf"),
            QStringLiteral("trailing "),
            QStringLiteral(" leading"),
            QStringLiteral(" "),
            QStringLiteral("a  b"),
            QStringLiteral("two words"),
            QStringLiteral("Pod sandbox changed"),
            QString(QChar(1)) + QStringLiteral("ctl"),
            QStringLiteral("del") + QChar(0x7F),
            QStringLiteral("c1") + QChar(0x85),
            QStringLiteral("ls") + QChar(0x2028),
            QStringLiteral("bom") + QChar(0xFEFF),
            QStringLiteral("emoji \U0001F600"),
            QStringLiteral("中文"),
            QStringLiteral("nginx:1.25"),
            QStringLiteral("runtime/default"),
            QStringLiteral("/dev/termination-log"),
            QStringLiteral("/"),
            QStringLiteral("500m"),
            QStringLiteral("256Mi"),
            QStringLiteral("1e3"),
            QStringLiteral("1E3"),
            QStringLiteral("0xabc"),
            QStringLiteral("0b101"),
            QStringLiteral("0o17"),
            QStringLiteral("1_0"),
            QStringLiteral("3.20.7"),
            QStringLiteral("25%"),
            QStringLiteral("2002-12-14"),
            QStringLiteral("2001-12-14t21:59:43.10-05:00"),
            QStringLiteral("2001-12-14 21:59:43.10 -5"),
            QStringLiteral("190:20:30"),
            QStringLiteral("1.5Gi"),
            QStringLiteral("12h")};
}

QJsonObject hostileItem(int i)
{
    const QStringList strings = hostileStrings();
    QJsonObject labels, annotations;
    QJsonArray list;
    for (const QString &s : strings) {
        list.append(s);
        if (!s.isEmpty())
            labels.insert(s, s);
    }
    annotations.insert(QString(300, QLatin1Char('k')), QStringLiteral("a long key"));
    annotations.insert(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"),
                       QStringLiteral("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}\n"));
    QJsonObject metadata{
        {QStringLiteral("name"), QStringLiteral("pod-%1").arg(i)},
        {QStringLiteral("namespace"), QStringLiteral("yes")},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("annotations"), annotations},
        {QStringLiteral("managedFields"),
         QJsonArray{QJsonObject{{QStringLiteral("manager"), QStringLiteral("kubectl")}}}}};
    QJsonArray numbers{0,   -1,   1.5,  1e21, 1e-7, double(9007199254740993LL), 2147483648LL,
                       1.0, true, false};
    numbers.append(QJsonValue());
    QJsonObject container{
        {QStringLiteral("name"), QStringLiteral("on")},
        {QStringLiteral("image"), QStringLiteral("nginx:1.25")},
        {QStringLiteral("args"), list},
        {QStringLiteral("securityContext"),
         QJsonObject{{QStringLiteral("runAsUser"), 0},
                     {QStringLiteral("privileged"), true},
                     {QStringLiteral("capabilities"),
                      QJsonObject{{QStringLiteral("add"), QJsonArray{QStringLiteral("ALL")}},
                                  {QStringLiteral("drop"), QJsonArray()}}},
                     {QStringLiteral("seLinuxOptions"), QJsonObject()}}}};
    QJsonObject spec{{QStringLiteral("containers"), QJsonArray{container}},
                     {QStringLiteral("numbers"), numbers},
                     {QStringLiteral("nested"),
                      QJsonArray{QJsonArray{1, QJsonArray{QStringLiteral("a")}}, QJsonArray(),
                                 QJsonObject(), QJsonObject{{QStringLiteral("k"), QJsonArray()}}}},
                     {QStringLiteral("hostNetwork"), QJsonValue()}};
    QJsonObject status{{QStringLiteral("phase"), QStringLiteral("Running")},
                       {QStringLiteral("message"), QStringLiteral("a: b\n")}};
    return {{QStringLiteral("status"), status},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("metadata"), metadata}};
}

/// Compares two nodes of two documents: kinds, scalar values and types, mapping keys in
/// any order, sequences in order. The first difference is returned as a path.
QString compare(const Yaml::Document &a, Yaml::NodeId na, const Yaml::Document &b, Yaml::NodeId nb,
                const QString &path)
{
    na = a.resolve(na);
    nb = b.resolve(nb);
    if (a.kind(na) != b.kind(nb))
        return path + QStringLiteral(": node kinds differ");
    switch (a.kind(na)) {
    case Yaml::NodeKind::Null:
        return {};
    case Yaml::NodeKind::Scalar:
        if (a.scalar(na) != b.scalar(nb))
            return path + QStringLiteral(": \"%1\" != \"%2\"")
                              .arg(QString::fromStdString(a.scalar(na)),
                                   QString::fromStdString(b.scalar(nb)));
        if (a.scalarType(na) != b.scalarType(nb))
            return path + QStringLiteral(": types differ for \"%1\"")
                              .arg(QString::fromStdString(a.scalar(na)));
        if (a.toInt(na) != b.toInt(nb))
            return path + QStringLiteral(": integers differ");
        return {};
    case Yaml::NodeKind::Sequence:
        if (a.size(na) != b.size(nb))
            return path + QStringLiteral(": lengths differ");
        for (std::size_t i = 0; i < a.size(na); ++i) {
            const QString d =
                compare(a, a.item(na, i), b, b.item(nb, i), path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        return {};
    case Yaml::NodeKind::Mapping:
        if (a.size(na) != b.size(nb))
            return path + QStringLiteral(": key counts differ");
        for (std::size_t i = 0; i < a.size(na); ++i) {
            const std::string &key = a.scalar(a.resolve(a.mapKey(na, i)));
            if (b.keyOf(nb, key) == Yaml::NoNode)
                return path +
                       QStringLiteral(": key \"%1\" missing").arg(QString::fromStdString(key));
            const QString d = compare(a, a.mapValue(na, i), b, b.get(nb, key),
                                      path + QLatin1Char('.') + QString::fromStdString(key));
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    return {};
}

std::unique_ptr<Yaml::SourceFile> parse(const std::string &text)
{
    return Yaml::SourceFile::fromText("page", text);
}

} // namespace

class TestPageYaml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyValueReadsAsTheJsonReads()
    {
        QJsonArray items;
        for (int i = 0; i < 3; ++i)
            items.append(hostileItem(i));
        const QJsonObject list{{QStringLiteral("kind"), QStringLiteral("PodList")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("metadata"), QJsonObject()},
                               {QStringLiteral("items"), items}};
        const std::string yaml = Cluster::listPageYaml(list);
        const auto file = parse(yaml);
        QVERIFY2(file->errors.empty(),
                 file->errors.empty() ? "" : file->errors.front().message.c_str());
        QCOMPARE(file->documents.size(), std::size_t(3));
        for (int i = 0; i < 3; ++i) {
            // What the page's JSON says of the item, with the list's kind and without
            // managedFields, read as the pages were read before: JSON through the YAML layer.
            QJsonObject expected = items[i].toObject();
            expected.insert(QStringLiteral("kind"), QStringLiteral("Pod"));
            expected.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
            QJsonObject metadata = expected.value(QStringLiteral("metadata")).toObject();
            metadata.remove(QStringLiteral("managedFields"));
            expected.insert(QStringLiteral("metadata"), metadata);
            const auto json =
                parse(QJsonDocument(expected).toJson(QJsonDocument::Indented).toStdString());
            QVERIFY(json->errors.empty());
            const auto &doc = file->documents[std::size_t(i)];
            const QString difference =
                compare(json->documents.front(), json->documents.front().root, doc, doc.root,
                        QStringLiteral("item%1").arg(i));
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        QVERIFY(yaml.find("managedFields") == std::string::npos);
    }

    void readsLikeKubectl()
    {
        const QJsonObject list{
            {QStringLiteral("kind"), QStringLiteral("DeploymentList")},
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("items"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("metadata"),
                  QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                              {QStringLiteral("namespace"), QStringLiteral("shop")}}},
                 {QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 2}}},
                 {QStringLiteral("spec"),
                  QJsonObject{
                      {QStringLiteral("replicas"), 2},
                      {QStringLiteral("template"),
                       QJsonObject{
                           {QStringLiteral("spec"),
                            QJsonObject{
                                {QStringLiteral("containers"),
                                 QJsonArray{QJsonObject{
                                     {QStringLiteral("name"), QStringLiteral("app")},
                                     {QStringLiteral("ports"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("containerPort"), 8080}}}}}}}}}}}}}}}}};
        QCOMPARE(QString::fromStdString(Cluster::listPageYaml(list)),
                 QStringLiteral("apiVersion: apps/v1\n"
                                "kind: Deployment\n"
                                "metadata:\n"
                                "  name: web\n"
                                "  namespace: shop\n"
                                "spec:\n"
                                "  replicas: 2\n"
                                "  template:\n"
                                "    spec:\n"
                                "      containers:\n"
                                "      - name: app\n"
                                "        ports:\n"
                                "        - containerPort: 8080\n"
                                "status:\n"
                                "  replicas: 2\n"));
    }

    void unpairedSurrogateReadsAsReplacement()
    {
        // Go's encoder never sends one; if a page held one, the value reads as U+FFFD, as it
        // did when strings went through QString::toUcs4, and a pair stays one character.
        const QString lone = QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b");
        const QString pair = QStringLiteral("x\U0001F600y");
        const QJsonObject list{
            {QStringLiteral("kind"), QStringLiteral("PodList")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("items"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), lone},
                                                          {QStringLiteral("namespace"), pair}}}}}}};
        const auto file = parse(Cluster::listPageYaml(list));
        QVERIFY(file->errors.empty());
        const auto &doc = file->documents.front();
        const Yaml::NodeId metadata = doc.get(doc.root, "metadata");
        QCOMPARE(QString::fromStdString(doc.scalar(doc.get(metadata, "name"))),
                 QStringLiteral("a") + QChar(QChar::ReplacementCharacter) + QStringLiteral("b"));
        QCOMPARE(QString::fromStdString(doc.scalar(doc.get(metadata, "namespace"))), pair);
    }

    void emptyPageIsAnEmptyList()
    {
        const QJsonObject list{{QStringLiteral("kind"), QStringLiteral("PodList")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("items"), QJsonArray()}};
        const std::string yaml = Cluster::listPageYaml(list);
        QCOMPARE(yaml, std::string("apiVersion: v1\nkind: PodList\nitems: []\n"));
        const auto file = parse(yaml);
        QVERIFY(file->errors.empty());
        QCOMPARE(file->documents.size(), std::size_t(1));
    }

    void itemsThatAreNotObjectsStayWhatTheyAre()
    {
        const QJsonObject list{
            {QStringLiteral("kind"), QStringLiteral("PodList")},
            {QStringLiteral("items"),
             QJsonArray{QStringLiteral("yes"), 3, QJsonObject(), QJsonArray{QStringLiteral("a")}}}};
        const auto file = parse(Cluster::listPageYaml(list));
        QVERIFY(file->errors.empty());
        QCOMPARE(file->documents.size(), std::size_t(4));
        const auto &first = file->documents[0];
        QCOMPARE(first.scalar(first.root), std::string("yes"));
        QVERIFY(first.isString(first.root));
        QCOMPARE(file->documents[2].kind(file->documents[2].root), Yaml::NodeKind::Mapping);
        QCOMPARE(file->documents[3].kind(file->documents[3].root), Yaml::NodeKind::Sequence);
    }
};

QTEST_GUILESS_MAIN(TestPageYaml)
#include "tst_pageyaml.moc"
