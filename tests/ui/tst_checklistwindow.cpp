// SPDX-License-Identifier: Apache-2.0
// The security checklist in the window (issue 16, spec/checklist.md): the policy bar's
// rule-set selector switches what the tree shows; the tree's checklist rows are the
// findings `podsec check --rules checklist --format json` reports for the same folder; a
// namespace's findings sit on its row; Secrets, ConfigMaps, Services and
// PodSecurityPolicies with findings are rows of their own that open their place; and no
// Secret or credential value appears anywhere in the tree or the details.
#include "uitestutil.h"

#include "editor/codeeditor.h"
#include "editor/documentset.h"
#include "models/workloadtreemodel.h"
#include "views/detailspane.h"
#include "views/fixpreviewdialog.h"
#include "views/mainwindow.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMap>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <functional>

using namespace PodSec;
using namespace PodSec::Ui;
using NodeType = WorkloadTreeModel::NodeType;

namespace {

const QByteArray PlantedSecret = "zebra-PLANTED-4711";     // stringData value
const QByteArray PlantedData = "b3NwcmV5LVBMQU5URUQtOTk="; // data: "osprey-PLANTED-99"
const QByteArray PlantedDecoded = "osprey-PLANTED-99";
const QByteArray PlantedConfig = "hunter2-PLANTED-xyz"; // a ConfigMap credential key's value

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// Waits for the evaluation under way (or started by what ran before) to be shown.
bool settle(MainWindow &w, QSignalSpy &applied)
{
    for (int i = 0; i < 600; ++i) {
        if (applied.count() > 0 && !w.workspace()->isBusy())
            return true;
        QTest::qWait(50);
    }
    return false;
}

bool open(MainWindow &w, const QString &path)
{
    QSignalSpy applied(&w, &MainWindow::snapshotApplied);
    w.openPaths({path});
    return settle(w, applied);
}

bool chooseRuleSets(MainWindow &w, const QString &sets)
{
    QComboBox *combo = w.ruleSetCombo();
    const int index = combo->findData(sets);
    if (index < 0)
        return false;
    if (combo->currentIndex() == index)
        return true;
    QSignalSpy applied(&w, &MainWindow::snapshotApplied);
    combo->setCurrentIndex(index);
    return settle(w, applied);
}

/// Every index of a model, depth first.
void walk(const QAbstractItemModel *m, const QModelIndex &parent,
          const std::function<void(const QModelIndex &)> &visit)
{
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex i = m->index(r, 0, parent);
        visit(i);
        walk(m, i, visit);
    }
}

QMap<int, int> typeCounts(const QAbstractItemModel *m)
{
    QMap<int, int> counts;
    walk(m, {},
         [&](const QModelIndex &i) { ++counts[i.data(WorkloadTreeModel::NodeTypeRole).toInt()]; });
    return counts;
}

/// "Kind namespace/name" → the rule ids of its checklist rows (sorted), and
/// "Namespace name" → the rule ids of the namespace's own finding rows, as the tree shows.
QMap<QString, QStringList> treeFindings(const WorkloadTreeModel *m)
{
    QMap<QString, QStringList> out;
    walk(m, {}, [&](const QModelIndex &i) {
        if (i.data(WorkloadTreeModel::NodeTypeRole).toInt() != int(NodeType::Finding))
            return;
        const QModelIndex parent = i.parent();
        QString key;
        if (const auto *w = m->workloadAt(parent))
            key = QString::fromStdString(w->id().kind + ' ' + w->id().namespaceName + '/' +
                                         w->id().name);
        else if (const auto *o = m->objectAt(parent))
            key = QString::fromStdString(o->kind + ' ' + o->namespaceName + '/' + o->name);
        else if (const auto *ns = m->namespaceAt(parent))
            key = QStringLiteral("Namespace ") + QString::fromStdString(ns->name);
        out[key] << i.data(WorkloadTreeModel::RuleIdRole).toString();
    });
    for (auto &ids : out)
        ids.sort();
    return out;
}

/// The same from `podsec check --rules checklist --format json`: the failing findings.
QMap<QString, QStringList> cliFindings(const QString &folder, bool *ok)
{
    QProcess cli;
    cli.start(QStringLiteral(PODSEC_CLI_PATH),
              {QStringLiteral("check"), QStringLiteral("--rules"), QStringLiteral("checklist"),
               QStringLiteral("--format"), QStringLiteral("json"), folder});
    *ok = cli.waitForFinished(60000);
    const QJsonObject report = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    *ok = *ok && !report.isEmpty();
    QMap<QString, QStringList> out;
    const auto failing = [](const QJsonArray &findings) {
        QStringList ids;
        for (const auto &f : findings) {
            if (!f.toObject().value(QStringLiteral("allowed")).toBool())
                ids << f.toObject().value(QStringLiteral("id")).toString();
        }
        ids.sort();
        return ids;
    };
    for (const auto &v : report.value(QStringLiteral("objects")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        // The window shows the effective namespace; cluster-scoped kinds have none.
        QString ns = o.value(QStringLiteral("namespace")).toString();
        if (ns.isEmpty() && kind != QLatin1String("PodSecurityPolicy"))
            ns = QStringLiteral("default");
        const QStringList ids = failing(o.value(QStringLiteral("checklist")).toArray());
        if (!ids.isEmpty())
            out[kind + QLatin1Char(' ') + ns + QLatin1Char('/') +
                o.value(QStringLiteral("name")).toString()] += ids;
    }
    for (const auto &v : report.value(QStringLiteral("namespaces")).toArray()) {
        const QJsonObject n = v.toObject();
        const QStringList ids = failing(n.value(QStringLiteral("checklist")).toArray());
        if (!ids.isEmpty())
            out[QStringLiteral("Namespace ") + n.value(QStringLiteral("name")).toString()] = ids;
    }
    for (auto &ids : out)
        ids.sort();
    return out;
}

QModelIndex findRow(const QAbstractItemModel *m,
                    const std::function<bool(const QModelIndex &)> &pred)
{
    QModelIndex found;
    walk(m, {}, [&](const QModelIndex &i) {
        if (!found.isValid() && pred(i))
            found = i;
    });
    return found;
}

QString dumpFindings(MainWindow &w)
{
    QString out;
    for (const auto &f : w.editor()->findings())
        out += QStringLiteral("%1:%2 %3\n").arg(f.line).arg(f.column).arg(f.message);
    return out;
}

QModelIndex toView(MainWindow &w, const QModelIndex &source)
{
    // The view's model is the filter over the badges over the tree model.
    const auto *filter = qobject_cast<const QAbstractProxyModel *>(w.treeView()->model());
    const auto *badges = qobject_cast<const QAbstractProxyModel *>(filter->sourceModel());
    return filter->mapFromSource(badges->mapFromSource(source));
}

/// Manifests with one object of each other kind, planted values in the Secret and the
/// ConfigMap, and a pod that reads the Secret into its environment.
QByteArray otherKinds()
{
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n"
           "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\n  namespace: shop\n"
           "stringData:\n  password: " +
           PlantedSecret + "\ndata:\n  token: " + PlantedData +
           "\n---\n"
           "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\n  namespace: shop\n"
           "data:\n  db-password: " +
           PlantedConfig +
           "\n  color: blue\n---\n"
           "apiVersion: v1\nkind: Service\nmetadata:\n  name: front\n  namespace: shop\n"
           "spec:\n  externalIPs: [203.0.113.7]\n  ports: [{port: 80}]\n---\n"
           "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: old-psp\n"
           "spec:\n  privileged: false\n---\n"
           "apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  namespace: shop\nspec:\n"
           "  containers:\n  - name: app\n    image: nginx:1.25\n    env:\n    - name: DB\n"
           "      valueFrom:\n        secretKeyRef: {name: db-creds, key: password}\n";
}

} // namespace

class TestChecklistWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sample = m_dir.path() + QStringLiteral("/sample");
        QVERIFY(QDir().mkpath(m_sample));
        TestUtil::copySample(m_sample);
        m_other = m_dir.path() + QStringLiteral("/other");
        QVERIFY(QDir().mkpath(m_other));
        QVERIFY(writeFile(m_other + QStringLiteral("/shop.yaml"), otherKinds()));
        QSettings().setValue(QStringLiteral("policy/ruleSets"), QStringLiteral("all"));
    }

    void selectorSwitchesTree()
    {
        MainWindow w;
        QCOMPARE(w.ruleSetCombo()->currentData().toString(), QStringLiteral("all"));
        QVERIFY(open(w, m_sample));
        const auto *m = w.treeModel();
        QVERIFY(w.workspace()->options().checklist);
        auto both = typeCounts(m);
        QVERIFY(both[int(NodeType::Finding)] > 0);
        QVERIFY(both[int(NodeType::Field)] > 0);
        QVERIFY(!w.treeView()->isColumnHidden(WorkloadTreeModel::ChecklistColumn));
        QVERIFY(!w.treeView()->isColumnHidden(WorkloadTreeModel::BaselineColumn));

        QVERIFY(chooseRuleSets(w, QStringLiteral("pss")));
        QVERIFY(!w.workspace()->options().checklist);
        auto pss = typeCounts(m);
        QCOMPARE(pss[int(NodeType::Finding)], 0);
        QCOMPARE(pss[int(NodeType::FindingField)], 0);
        QCOMPARE(pss[int(NodeType::Object)], 0);
        QCOMPARE(pss[int(NodeType::Field)], both[int(NodeType::Field)]);
        QCOMPARE(pss[int(NodeType::Workload)], both[int(NodeType::Workload)]);
        QVERIFY(w.treeView()->isColumnHidden(WorkloadTreeModel::ChecklistColumn));
        QVERIFY(!w.treeView()->isColumnHidden(WorkloadTreeModel::EnforceColumn));
        QCOMPARE(QSettings().value(QStringLiteral("policy/ruleSets")).toString(),
                 QStringLiteral("pss"));

        QVERIFY(chooseRuleSets(w, QStringLiteral("checklist")));
        QVERIFY(w.workspace()->options().checklist);
        auto checklist = typeCounts(m);
        QCOMPARE(checklist[int(NodeType::Field)], 0);
        QCOMPARE(checklist[int(NodeType::Container)], 0);
        QCOMPARE(checklist[int(NodeType::Finding)], both[int(NodeType::Finding)]);
        QCOMPARE(checklist[int(NodeType::Workload)], both[int(NodeType::Workload)]);
        for (int c = WorkloadTreeModel::BaselineColumn; c <= WorkloadTreeModel::WarnColumn; ++c)
            QVERIFY(w.treeView()->isColumnHidden(c));
        QVERIFY(!w.treeView()->isColumnHidden(WorkloadTreeModel::ChecklistColumn));
        // "Only failing" keeps the rows with checklist findings in checklist mode.
        w.onlyFailingBox()->setChecked(true);
        int shownFindings = 0;
        walk(w.treeView()->model(), {}, [&](const QModelIndex &i) {
            shownFindings +=
                i.data(WorkloadTreeModel::NodeTypeRole).toInt() == int(NodeType::Finding);
        });
        QCOMPARE(shownFindings, both[int(NodeType::Finding)]);
        w.onlyFailingBox()->setChecked(false);

        // A new window starts with the saved choice.
        {
            MainWindow again;
            QCOMPARE(again.ruleSetCombo()->currentData().toString(), QStringLiteral("checklist"));
        }
        QVERIFY(chooseRuleSets(w, QStringLiteral("all")));
    }

    void treeAgreesWithCli()
    {
        for (const QString &folder : {m_sample, m_other}) {
            MainWindow w;
            QVERIFY(open(w, folder));
            bool ok = false;
            const auto cli = cliFindings(folder, &ok);
            QVERIFY(ok);
            QVERIFY(!cli.isEmpty());
            const auto tree = treeFindings(w.treeModel());
            if (tree != cli) {
                for (auto it = cli.begin(); it != cli.end(); ++it)
                    qWarning() << "cli " << it.key() << it.value() << "tree"
                               << tree.value(it.key());
                for (auto it = tree.begin(); it != tree.end(); ++it)
                    if (!cli.contains(it.key()))
                        qWarning() << "tree only" << it.key() << it.value();
            }
            QCOMPARE(tree, cli);
        }
    }

    void namespaceFindingsOnNamespaceRows()
    {
        MainWindow w;
        QVERIFY(open(w, m_sample));
        const auto *m = w.treeModel();
        const QModelIndex payments = m->indexForKey(QStringLiteral("ns:payments"));
        QVERIFY(payments.isValid());
        const auto *ns = m->namespaceAt(payments);
        QVERIFY(ns && !ns->checklist.empty());
        // The namespace row's badge: the most severe finding below it, as a word.
        const QString badge =
            w.treeView()
                ->model()
                ->data(toView(w, payments.siblingAtColumn(WorkloadTreeModel::ChecklistColumn)))
                .toString();
        QVERIFY2(badge.startsWith(QStringLiteral("warning")) ||
                     badge.startsWith(QStringLiteral("danger")) ||
                     badge.startsWith(QStringLiteral("deny")),
                 qPrintable(badge));
        QVERIFY(!w.treeView()
                     ->model()
                     ->data(toView(w, payments.siblingAtColumn(WorkloadTreeModel::ChecklistColumn)),
                            Qt::DecorationRole)
                     .isNull());
        QStringList ids;
        QModelIndex first;
        for (int r = 0; r < m->rowCount(payments); ++r) {
            const QModelIndex i = m->index(r, 0, payments);
            if (m->findingNamespaceAt(i)) {
                ids << i.data(WorkloadTreeModel::RuleIdRole).toString();
                if (!first.isValid())
                    first = i;
            }
        }
        QStringList expected;
        for (const auto &f : ns->checklist)
            expected << QString::fromLatin1(f.rule->id.data(), qsizetype(f.rule->id.size()));
        QCOMPARE(ids, expected);
        // The row opens the Namespace object.
        w.treeView()->setCurrentIndex(toView(w, first));
        QVERIFY(w.currentFile() >= 0);
        QVERIFY(w.workspace()
                    ->paths()
                    .value(w.currentFile())
                    .endsWith(QStringLiteral("namespaces.yaml")));
        QVERIFY2(w.editor()->textCursor().block().text().contains(QStringLiteral("payments")),
                 qPrintable(w.editor()->textCursor().block().text()));
        const QString details = w.detailsPane()->toPlainText();
        QVERIFY2(details.contains(first.data(WorkloadTreeModel::RuleIdRole).toString()) &&
                     details.contains(QStringLiteral("Seed chapter")) &&
                     details.contains(QStringLiteral("Needs a decision")),
                 qPrintable(details));
    }

    void otherKindsAreRows()
    {
        MainWindow w;
        QVERIFY(open(w, m_other));
        const auto *m = w.treeModel();
        const auto rowOf = [&](const QString &name) {
            return findRow(m, [&](const QModelIndex &i) {
                return i.data(WorkloadTreeModel::NodeTypeRole).toInt() == int(NodeType::Object) &&
                       i.data().toString() == name;
            });
        };
        const QModelIndex secret = rowOf(QStringLiteral("Secret db-creds"));
        const QModelIndex config = rowOf(QStringLiteral("ConfigMap app-config"));
        const QModelIndex service = rowOf(QStringLiteral("Service front"));
        const QModelIndex psp = rowOf(QStringLiteral("PodSecurityPolicy old-psp"));
        QVERIFY(secret.isValid() && config.isValid() && service.isValid() && psp.isValid());
        QCOMPARE(QString::fromStdString(m->namespaceAt(secret.parent())->name),
                 QStringLiteral("shop"));
        QCOMPARE(QString::fromStdString(m->namespaceAt(service.parent())->name),
                 QStringLiteral("shop"));
        QCOMPARE(psp.parent().data(WorkloadTreeModel::NodeTypeRole).toInt(),
                 int(NodeType::ClusterScope));
        QCOMPARE(m->index(0, 0, config).data(WorkloadTreeModel::RuleIdRole).toString(),
                 QStringLiteral("configMapCredentials"));
        // Object rows open their object; a finding's field row opens the field.
        w.treeView()->setCurrentIndex(toView(w, service));
        QVERIFY(w.editor()->textCursor().block().blockNumber() + 1 ==
                service.data(WorkloadTreeModel::LineRole).toInt());
        QCOMPARE(int(w.editor()->textCursor().block().blockNumber() + 1),
                 int(m->objectAt(service)->line));
        const QModelIndex keyRow = findRow(m, [&](const QModelIndex &i) {
            return i.data(WorkloadTreeModel::NodeTypeRole).toInt() == int(NodeType::FindingField) &&
                   i.data().toString() == QStringLiteral("data.db-password");
        });
        QVERIFY(keyRow.isValid());
        w.treeView()->setCurrentIndex(toView(w, keyRow));
        QVERIFY2(w.editor()->textCursor().block().text().contains(QStringLiteral("db-password")),
                 qPrintable(w.editor()->textCursor().block().text()));
        // The severity badge is a word (and an icon), not a colour alone.
        QCOMPARE(w.treeView()
                     ->model()
                     ->data(toView(w, service.siblingAtColumn(WorkloadTreeModel::ChecklistColumn)))
                     .toString(),
                 QStringLiteral("warning (1)"));
    }

    void decisionsOfferChoicesInThePreview()
    {
        const QString folder = m_dir.path() + QStringLiteral("/decide");
        QVERIFY(QDir().mkpath(folder));
        const QByteArray account =
            "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n";
        QVERIFY(writeFile(folder + QStringLiteral("/sa.yaml"), account));
        QVERIFY(writeFile(folder + QStringLiteral("/app.yaml"),
                          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: front\n"
                          "  namespace: shop\nspec:\n  template:\n    spec:\n"
                          "      serviceAccountName: web\n      containers:\n"
                          "      - name: app\n        image: nginx:1.25\n---\n"
                          "apiVersion: v1\nkind: Pod\nmetadata: {name: lone, namespace: annex}\n"
                          "spec:\n  containers: [{name: a, image: x}]\n"));
        MainWindow w;
        QVERIFY(open(w, folder));
        const auto *m = w.treeModel();
        const QModelIndex token = findRow(m, [&](const QModelIndex &i) {
            const auto *wl = m->findingWorkloadAt(i);
            return wl && wl->id().name == "front" &&
                   i.data(WorkloadTreeModel::RuleIdRole).toString() ==
                       QStringLiteral("serviceAccountToken") &&
                   i.data(WorkloadTreeModel::NodeTypeRole).toInt() == int(NodeType::Finding);
        });
        QVERIFY(token.isValid());
        w.treeView()->setCurrentIndex(toView(w, token));
        QVERIFY2(w.detailsPane()->toMarkdown().contains(QStringLiteral("podsec:fix")),
                 qPrintable(w.detailsPane()->toMarkdown()));
        // The editor underlines the checklist's failing fields with their reasons: the pod
        // spec where automountServiceAccountToken belongs (line 9), the image (line 12).
        auto underlined = [&](int line, const QString &text) {
            const auto &all = w.editor()->findings();
            return std::any_of(all.begin(), all.end(), [&](const EditorFinding &f) {
                return f.line == line && f.message.contains(text);
            });
        };
        QVERIFY2(underlined(9, QStringLiteral("serviceAccountToken (warning): "
                                              "automountServiceAccountToken != false")),
                 qPrintable(dumpFindings(w)));
        QVERIFY2(underlined(12, QStringLiteral("imageDigest (warning)")),
                 qPrintable(dumpFindings(w)));

        // The finding's two choices; the account's goes to the other file.
        QStringList rows;
        QString diff, summary;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<FixPreviewDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->fixCount(), 0); // a checklist row: no Pod Security fixes
            for (auto *row : dialog->checklistChoiceRows())
                rows << row->text(0);
            QVERIFY(dialog->diffText().isEmpty());
            dialog->checklistChoiceRows().at(1)->setCheckState(0, Qt::Checked);
            diff = dialog->diffText();
            dialog->accept();
        });
        w.fixInteractive(MainWindow::FixScope::Field);
        QCOMPARE(rows.size(), 2);
        QVERIFY2(rows[1].contains(QStringLiteral("service account \"web\" (used by 1 workload")) &&
                     rows[1].endsWith(QStringLiteral("(in sa.yaml)")),
                 qPrintable(rows[1]));
        QVERIFY2(diff.contains(QStringLiteral("+automountServiceAccountToken: false")),
                 qPrintable(diff));
        const int saFile = int(w.workspace()->paths().indexOf(folder + QStringLiteral("/sa.yaml")));
        QVERIFY(saFile >= 0);
        QTextDocument *doc = w.documents()->document(saFile);
        QCOMPARE(doc->toPlainText(), QString::fromUtf8(account) +
                                         QStringLiteral("automountServiceAccountToken: false\n"));
        QVERIFY(w.isWindowModified());
        // One undo step; nothing saved.
        doc->undo();
        QCOMPARE(doc->toPlainText(), QString::fromUtf8(account));
        doc->redo();
        QFile onDisk(folder + QStringLiteral("/sa.yaml"));
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(onDisk.readAll(), account);

        // A namespace without a Namespace object: the policy goes to a new file, written
        // on Apply and taken in by the folder watch.
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        QVERIFY(settle(w, applied));
        const QModelIndex deny = findRow(m, [&](const QModelIndex &i) {
            const auto *ns = m->findingNamespaceAt(i);
            return ns && ns->name == "annex" &&
                   i.data(WorkloadTreeModel::RuleIdRole).toString() ==
                       QStringLiteral("defaultDenyNetworkPolicy");
        });
        QVERIFY(deny.isValid());
        w.treeView()->setCurrentIndex(toView(w, deny));
        bool alternatives = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<FixPreviewDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->checklistChoiceRows().size(), 2);
            // The two policies are alternatives: ticking one unticks the other.
            dialog->checklistChoiceRows().at(1)->setCheckState(0, Qt::Checked);
            dialog->checklistChoiceRows().at(0)->setCheckState(0, Qt::Checked);
            alternatives = dialog->checklistChoiceRows().at(1)->checkState(0) == Qt::Unchecked;
            summary = dialog->findChild<QLabel *>()->text();
            diff = dialog->diffText();
            dialog->accept();
        });
        w.fixInteractive(MainWindow::FixScope::Field);
        QVERIFY(alternatives);
        QVERIFY2(summary.startsWith(QStringLiteral("1 file(s) change")), qPrintable(summary));

        QVERIFY2(diff.contains(QStringLiteral("+  - Egress")), qPrintable(diff));
        const QString created = folder + QStringLiteral("/annex-default-deny.yaml");
        QVERIFY(QFileInfo::exists(created));
        QTRY_VERIFY_WITH_TIMEOUT(w.workspace()->paths().contains(created), 20000);
        QVERIFY(settle(w, applied));
        const auto *annex = m->namespaceAt(m->indexForKey(QStringLiteral("ns:annex")));
        QVERIFY(annex);
        QVERIFY(std::none_of(annex->checklist.begin(), annex->checklist.end(), [](const auto &f) {
            return f.rule->id == std::string_view("defaultDenyNetworkPolicy");
        }));

        // Its enforce label cannot be written to a file: the commands are shown to copy.
        const QModelIndex enforce = findRow(m, [&](const QModelIndex &i) {
            const auto *ns = m->findingNamespaceAt(i);
            return ns && ns->name == "annex" &&
                   i.data(WorkloadTreeModel::RuleIdRole).toString() ==
                       QStringLiteral("podSecurityEnforced");
        });
        QVERIFY(enforce.isValid());
        w.treeView()->setCurrentIndex(toView(w, enforce));
        QString commands;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<FixPreviewDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QVERIFY(dialog->checklistChoiceRows().isEmpty());
            const auto rows = dialog->list()->findItems(QStringLiteral("Run a command"),
                                                        Qt::MatchStartsWith | Qt::MatchRecursive);
            QCOMPARE(rows.size(), 1);
            dialog->list()->setCurrentItem(rows[0]);
            commands = dialog->alternativeShown();
            dialog->reject();
        });
        w.fixInteractive(MainWindow::FixScope::Field);
        QVERIFY2(
            commands.startsWith(QStringLiteral("kubectl label --overwrite ns annex "
                                               "pod-security.kubernetes.io/enforce=baseline\n")),
            qPrintable(commands));
    }

    void aMemoryLimitIsAskedFor()
    {
        const QString folder = m_dir.path() + QStringLiteral("/ask");
        QVERIFY(QDir().mkpath(folder));
        const QByteArray pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n"
                               "spec:\n  containers:\n  - name: app\n    image: x\n";
        QVERIFY(writeFile(folder + QStringLiteral("/pod.yaml"), pod));
        MainWindow w;
        QVERIFY(open(w, folder));
        const auto *m = w.treeModel();
        const QModelIndex memory = findRow(m, [&](const QModelIndex &i) {
            return m->findingWorkloadAt(i) &&
                   i.data(WorkloadTreeModel::RuleIdRole).toString() ==
                       QStringLiteral("memoryLimit") &&
                   i.data(WorkloadTreeModel::NodeTypeRole).toInt() == int(NodeType::Finding);
        });
        QVERIFY(memory.isValid());
        w.treeView()->setCurrentIndex(toView(w, memory));
        // The person first types something that is not a quantity (told so), then 384Mi.
        QStringList answers{QStringLiteral("lots"), QStringLiteral("384Mi")};
        int warnings = 0;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *input = qobject_cast<QInputDialog *>(modal); input && !answers.isEmpty()) {
                input->setTextValue(answers.takeFirst());
                input->accept();
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                ++warnings;
                box->accept();
            }
        });
        QString row, diff;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<FixPreviewDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->checklistChoiceRows().size(), 1);
            answer.start(20);
            dialog->checklistChoiceRows().at(0)->setCheckState(0, Qt::Checked);
            answer.stop();
            row = dialog->checklistChoiceRows().at(0)->text(0);
            diff = dialog->diffText();
            dialog->accept();
        });
        w.fixInteractive(MainWindow::FixScope::Field);
        QCOMPARE(warnings, 1);
        QVERIFY2(row.endsWith(QStringLiteral(": 384Mi")), qPrintable(row));
        QVERIFY2(diff.contains(QStringLiteral("+      limits:\n+        memory: 384Mi")),
                 qPrintable(diff));
        QVERIFY(w.documents()
                    ->document(w.currentFile())
                    ->toPlainText()
                    .contains(QStringLiteral("memory: 384Mi")));
    }

    void secretValuesNeverShown()
    {
        MainWindow w;
        QVERIFY(open(w, m_other));
        const QList<QByteArray> planted{PlantedSecret, PlantedData, PlantedDecoded, PlantedConfig};
        const auto check = [&](const QString &text, const QString &where) {
            for (const auto &p : planted)
                QVERIFY2(!text.contains(QString::fromLatin1(p)),
                         qPrintable(where + QStringLiteral(": ") + text));
        };
        int rows = 0;
        QAbstractItemModel *view = w.treeView()->model();
        std::vector<QModelIndex> all;
        walk(view, {}, [&](const QModelIndex &i) { all.push_back(i); });
        for (const QModelIndex &i : all) {
            ++rows;
            for (int c = 0; c < view->columnCount(i.parent()); ++c) {
                const QModelIndex cell = i.siblingAtColumn(c);
                for (int role = 0; role < Qt::UserRole + 32; ++role) {
                    const QVariant v = cell.data(role);
                    if (v.canConvert<QString>())
                        check(v.toString(), QStringLiteral("role %1").arg(role));
                    else if (v.canConvert<QStringList>())
                        check(v.toStringList().join(QLatin1Char(' ')), QStringLiteral("list role"));
                }
            }
            w.treeView()->setCurrentIndex(i);
            check(w.detailsPane()->toPlainText(), QStringLiteral("details"));
            check(w.detailsPane()->toolTip(), QStringLiteral("details tooltip"));
            check(w.statusBar()->currentMessage(), QStringLiteral("status"));
            const QModelIndex source = [&] {
                const auto *filter = qobject_cast<const QAbstractProxyModel *>(view);
                const auto *badges =
                    qobject_cast<const QAbstractProxyModel *>(filter->sourceModel());
                return badges->mapToSource(filter->mapToSource(i));
            }();
            check(DetailsPane::markdownFor(w.treeModel(), source, true, 0),
                  QStringLiteral("full details"));
        }
        QVERIFY(rows > 10);
        // The findings that hold them are there, said without their values.
        const QModelIndex secretRow = findRow(w.treeModel(), [](const QModelIndex &i) {
            return i.data(WorkloadTreeModel::RuleIdRole).toString() ==
                       QLatin1String("secretInManifest") &&
                   i.data(WorkloadTreeModel::NodeTypeRole).toInt() == int(NodeType::Finding);
        });
        QVERIFY(secretRow.isValid());
        QVERIFY(w.treeModel()->rowCount(secretRow) >= 2);
        QCOMPARE(
            w.treeModel()->index(0, WorkloadTreeModel::ValueColumn, secretRow).data().toString(),
            QStringLiteral("(value not shown)"));
    }

private:
    QTemporaryDir m_dir;
    QString m_sample, m_other;
};

QTEST_MAIN(TestChecklistWindow)
#include "tst_checklistwindow.moc"
