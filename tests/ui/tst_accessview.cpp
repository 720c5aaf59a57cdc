// SPDX-License-Identifier: Apache-2.0
// The Access view (issue #15): subjects → risks with severity badges → binding → role →
// rule on the bundled sample, each row opening its file position (built-in roles read-only,
// without one); the "who can" box gives the CLI's answer; a namespace's and a workload's
// details say who can get around Pod Security there; the Connect dialog shows each
// context's credential findings and asks before using a dangerous one; and no planted
// token, key or password reaches any row or details text.
#include "uitestutil.h"

#include "access/accessqueries.h"
#include "editor/codeeditor.h"
#include "models/accesstreemodel.h"
#include "models/workloadtreemodel.h"
#include "views/accesspanel.h"
#include "views/connectdialog.h"
#include "views/detailspane.h"
#include "views/mainwindow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

std::shared_ptr<const WorkspaceSnapshot> sampleSnapshot()
{
    SnapshotOptions options;
    options.evaluateAccess = true;
    return TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()), options);
}

/// Every role's text of every row, recursively.
QStringList allTexts(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        for (int c = 0; c < model.columnCount(parent); ++c) {
            const QModelIndex i = model.index(r, c, parent);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(AccessTreeModel::FileRole), int(AccessTreeModel::KeyRole)})
                out << i.data(role).toString();
        }
        out << allTexts(model, model.index(r, 0, parent));
    }
    return out;
}

QModelIndex childNamed(const QAbstractItemModel &model, const QModelIndex &parent,
                       const QString &prefix)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data().toString().startsWith(prefix))
            return i;
    }
    return {};
}

/// The subjects `podsec access --who-can` names for a query, as subject keys.
QStringList cliWhoCan(const QStringList &query, const QString &folder)
{
    QProcess p;
    p.start(QStringLiteral(PODSEC_CLI_PATH),
            QStringList{QStringLiteral("access"), QStringLiteral("--who-can")} + query +
                QStringList{QStringLiteral("--format"), QStringLiteral("json"), folder});
    p.waitForFinished(60000);
    QStringList keys;
    for (const auto &v : QJsonDocument::fromJson(p.readAllStandardOutput())
                             .object()
                             .value(QLatin1String("subjects"))
                             .toArray()) {
        const QJsonObject o = v.toObject();
        keys << o.value(QLatin1String("kind")).toString() + QLatin1Char('/') +
                    o.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
                    o.value(QLatin1String("name")).toString();
    }
    return keys;
}

const char *const PlantedToken = "PLANTEDtokenSIGNATURE0123456789abc";
const char *const PlantedPassword = "PLANTED-hunter2-password";
const char *const PlantedKey = "UExBTlRFRC1wcml2YXRlLWtleQ==";

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestAccessView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleStory()
    {
        const auto snapshot = sampleSnapshot();
        QVERIFY(snapshot && snapshot->access);
        AccessTreeModel model;
        model.setResult(snapshot->access);
        // The CI account: createWorkloads in monitoring, which enforces privileged: danger.
        const QModelIndex ci = childNamed(model, {}, QStringLiteral("Service account ci/deployer"));
        QVERIFY(ci.isValid());
        const QModelIndex create =
            childNamed(model, ci, QStringLiteral("createWorkloads [monitoring]"));
        QVERIFY(create.isValid());
        QCOMPARE(create.siblingAtColumn(AccessTreeModel::SeverityColumn).data().toString(),
                 QStringLiteral("DANGER")); // the badge is text, not only a colour
        // binding → role → rule, each a child of the one before, each at its place.
        const QModelIndex binding = model.index(0, 0, create);
        QCOMPARE(binding.data().toString(),
                 QStringLiteral("RoleBinding monitoring/ci-deploys-monitoring"));
        QCOMPARE(binding.data(AccessTreeModel::FileRole).toString(), QStringLiteral("rbac.yaml"));
        const QModelIndex role = model.index(0, 0, binding);
        QCOMPARE(role.data().toString(), QStringLiteral("ClusterRole ci-deployer"));
        const QModelIndex rule = model.index(0, 0, role);
        QVERIFY(rule.data().toString().startsWith(QStringLiteral("Rule ")));
        QVERIFY(rule.data(AccessTreeModel::LineRole).toInt() >
                role.data(AccessTreeModel::LineRole).toInt());
        // The payments team can relax its restricted namespace: danger.
        const QModelIndex team = childNamed(model, {}, QStringLiteral("Group payments-team"));
        const QModelIndex relabel =
            childNamed(model, team, QStringLiteral("relabelNamespace [payments]"));
        QVERIFY(relabel.isValid());
        QCOMPARE(relabel.data(AccessTreeModel::SeverityRole).toInt(),
                 int(Engine::Severity::Danger));
        // The on-call group's cluster-admin is the built-in role: read-only, no file.
        const QModelIndex oncall = childNamed(model, {}, QStringLiteral("Group oncall"));
        const QModelIndex admin = childNamed(model, oncall, QStringLiteral("clusterAdmin"));
        QVERIFY(admin.isValid());
        const QModelIndex adminRole = model.index(0, 0, model.index(0, 0, admin));
        QCOMPARE(adminRole.data().toString(), QStringLiteral("ClusterRole cluster-admin"));
        QVERIFY(adminRole.data(AccessTreeModel::BuiltinRole).toBool());
        QVERIFY(adminRole.data(AccessTreeModel::FileRole).toString().isEmpty());
    }

    void whoCanAgreesWithTheCli()
    {
        const auto snapshot = sampleSnapshot();
        AccessTreeModel model;
        model.setResult(snapshot->access);
        const QList<QStringList> queries = {
            {QStringLiteral("create"), QStringLiteral("pods"), QStringLiteral("-n"),
             QStringLiteral("monitoring")},
            {QStringLiteral("patch"), QStringLiteral("namespaces"), QStringLiteral("--name"),
             QStringLiteral("payments")},
            {QStringLiteral("get"), QStringLiteral("secrets"), QStringLiteral("-n"),
             QStringLiteral("payments")},
            {QStringLiteral("update"), QStringLiteral("deployments.apps/scale"),
             QStringLiteral("-n"), QStringLiteral("monitoring")},
            {QStringLiteral("create"), QStringLiteral("persistentvolumes")},
        };
        for (const QStringList &query : queries) {
            QVERIFY(model.setQuery(query.join(QLatin1Char(' '))));
            QCOMPARE(model.mode(), AccessTreeModel::Mode::WhoCan);
            QStringList rows;
            for (int r = 0; r < model.rowCount(); ++r)
                rows << model.index(r, 0).data(AccessTreeModel::KeyRole).toString();
            const QStringList cli = cliWhoCan(query, TestUtil::sampleDir());
            QVERIFY2(!cli.isEmpty(), qPrintable(query.join(QLatin1Char(' '))));
            QCOMPARE(rows, cli);
        }
        QString error;
        QVERIFY(!model.setQuery(QStringLiteral("create"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(model.setQuery({}));
        QCOMPARE(model.mode(), AccessTreeModel::Mode::Risks);
    }

    void windowOpensRowsAndLinks()
    {
        QTemporaryDir dir;
        TestUtil::copySample(dir.path());
        MainWindow w;
        w.show();
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(20000));
        AccessPanel *panel = w.accessPanel();
        QCOMPARE(w.leftTabs()->indexOf(panel), 1);
        w.leftTabs()->setCurrentWidget(panel);
        // A risk's binding row opens rbac.yaml at the binding.
        const auto *model = panel->model();
        const QModelIndex ci =
            childNamed(*model, {}, QStringLiteral("Service account ci/deployer"));
        const QModelIndex binding = model->index(0, 0, model->index(0, 0, ci));
        panel->view()->setCurrentIndex(binding);
        QVERIFY(w.editor()->toPlainText().contains(QStringLiteral("ci-deploys-monitoring")));
        QCOMPARE(w.editor()->textCursor().blockNumber() + 1,
                 binding.data(AccessTreeModel::LineRole).toInt());
        QVERIFY(
            panel->explanationView()->toPlainText().contains(QStringLiteral("createWorkloads")));
        // The who-can box.
        panel->queryEdit()->setText(QStringLiteral("create pods -n monitoring"));
        QTest::keyClick(panel->queryEdit(), Qt::Key_Return);
        QCOMPARE(model->mode(), AccessTreeModel::Mode::WhoCan);
        QVERIFY(panel->statusLabel()->text().contains(QLatin1Char('2')) || model->rowCount() > 0);
        panel->queryEdit()->clear();
        QCOMPARE(model->mode(), AccessTreeModel::Mode::Risks);

        // Namespace details: who can create workloads there and who can relabel it.
        QVERIFY(w.selectKey(QStringLiteral("ns:monitoring")));
        QString details = w.detailsPane()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("ci/deployer")), qPrintable(details));
        QVERIFY(w.selectKey(QStringLiteral("ns:payments")));
        details = w.detailsPane()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("payments-team")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("oncall"))); // cluster-admin relabels too
    }

    void workloadTokenLinksToPrivilegedPodToken()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("app.yaml")),
                          "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, "
                          "namespace: shop}\nspec:\n  template:\n    spec:\n      "
                          "serviceAccountName: api\n      containers: [{name: a, image: x}]\n"
                          "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
                          "metadata: {name: api-secrets, namespace: shop}\nroleRef: {apiGroup: "
                          "rbac.authorization.k8s.io, kind: ClusterRole, name: view-secrets}\n"
                          "subjects: [{kind: ServiceAccount, name: api}]\n---\n"
                          "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                          "metadata: {name: view-secrets}\nrules: [{apiGroups: [\"\"], "
                          "resources: [secrets], verbs: [get, list]}]\n"));
        MainWindow w;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(20000));
        const auto snapshot = w.treeModel()->snapshot();
        QVERIFY(snapshot && snapshot->access);
        const WorkloadEntry *api = nullptr;
        for (const auto &e : snapshot->workloads)
            if (e.id().name == "api")
                api = &e;
        QVERIFY(api);
        const auto token = Access::workloadToken(*snapshot->access, api->id().kind, "shop", "api");
        QVERIFY(token.privilegedPodToken);
        // The details' Markdown for the workload row links to the risk.
        const QString key = QString::fromStdString(
            Access::riskKey(token.account->subject, *token.privilegedPodToken));
        QString md;
        const auto *tree = w.treeModel();
        for (int r = 0; r < tree->rowCount() && md.isEmpty(); ++r) {
            const QModelIndex ns = tree->index(r, 0);
            for (int c = 0; c < tree->rowCount(ns); ++c) {
                const QModelIndex wl = tree->index(c, 0, ns);
                if (tree->workloadAt(wl) && tree->workloadAt(wl)->id().name == "api")
                    md = DetailsPane::markdownFor(tree, wl, false, 0);
            }
        }
        QVERIFY2(md.contains(QStringLiteral("privilegedPodToken")), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("podsec:access?key=")));
        // Following the link shows the risk in the Access view.
        Q_EMIT w.detailsPane()->anchorClicked(
            QUrl(QStringLiteral("podsec:access?key=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(key))));
        QCOMPARE(w.leftTabs()->currentWidget(), w.accessPanel());
        QCOMPARE(w.accessPanel()->view()->currentIndex().data(AccessTreeModel::KeyRole).toString(),
                 key);
    }

    void connectDialogShowsCredentialsAndConfirmsDanger()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(writeFile(
            config, QByteArray("apiVersion: v1\nkind: Config\ncurrent-context: lab\nclusters:\n"
                               "- name: lab\n  cluster: {server: \"https://lab.example:6443\", "
                               "insecure-skip-tls-verify: true}\n"
                               "- name: safe\n  cluster: {server: \"https://safe.example:6443\"}\n"
                               "contexts:\n- name: lab\n  context: {cluster: lab, user: u}\n"
                               "- name: safe\n  context: {cluster: safe, user: v}\n"
                               "users:\n- name: u\n  user: {token: \"") +
                        PlantedToken + "\", client-key-data: " + PlantedKey +
                        "}\n- name: v\n  user: {username: x, password: \"" + PlantedPassword +
                        "\"}\n"));
        ConnectDialog dialog;
        dialog.load(config);
        QCOMPARE(dialog.selectedContext(), QStringLiteral("lab"));
        QVERIFY(dialog.credentialsLabel()->text().contains(QStringLiteral("insecureTls")));
        QVERIFY(dialog.credentialsLabel()->text().contains(QStringLiteral("opaqueToken")));
        QVERIFY(dialog.contexts()->topLevelItem(0)->text(4).contains(QStringLiteral("DANGER")));
        // Nothing secret in the list or the findings.
        QStringList shown{dialog.credentialsLabel()->text()};
        for (int i = 0; i < dialog.contexts()->topLevelItemCount(); ++i) {
            dialog.contexts()->setCurrentItem(dialog.contexts()->topLevelItem(i));
            shown << dialog.credentialsLabel()->text();
            for (int c = 0; c < dialog.contexts()->columnCount(); ++c)
                shown << dialog.contexts()->topLevelItem(i)->text(c);
        }
        for (const char *secret : {PlantedToken, PlantedKey, PlantedPassword})
            QVERIFY(!shown.join(QLatin1Char('\n')).contains(QLatin1String(secret)));
        // A danger finding asks first; no: the dialog stays open.
        dialog.contexts()->setCurrentItem(dialog.contexts()->topLevelItem(0));
        QStringList asked;
        bool answer = false;
        dialog.setConfirmation([&](const QString &text) {
            asked << text;
            return answer;
        });
        dialog.setResult(0);
        dialog.accept();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QStringLiteral("insecureTls")));
        QCOMPARE(dialog.result(), 0);
        answer = true;
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        // basicAuth is deny: it asks too.
        asked.clear();
        dialog.contexts()->setCurrentItem(dialog.contexts()->topLevelItem(1));
        dialog.accept();
        QCOMPARE(asked.size(), 1);
    }

    void nothingSecretInRowsOrDetails()
    {
        QTemporaryDir dir;
        TestUtil::copySample(dir.path());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("planted.yaml")),
                          QByteArray("apiVersion: v1\nkind: Secret\nmetadata: {name: ci-token, "
                                     "namespace: monitoring, annotations: "
                                     "{kubernetes.io/service-account.name: node-exporter}}\n"
                                     "type: kubernetes.io/service-account-token\nstringData:\n"
                                     "  token: ") +
                              PlantedToken + "\n  password: " + PlantedPassword +
                              "\ndata:\n  tls.key: " + PlantedKey + "\n"));
        MainWindow w;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(20000));
        QStringList texts = allTexts(*w.accessPanel()->model());
        QVERIFY(texts.size() > 20);
        for (const QString &query : {QStringLiteral("get secrets -n monitoring"),
                                     QStringLiteral("list secrets -n monitoring"),
                                     QStringLiteral("create pods -n monitoring")}) {
            w.accessPanel()->setQuery(query);
            texts << allTexts(*w.accessPanel()->model()) << w.accessPanel()->statusLabel()->text();
        }
        const auto *tree = w.treeModel();
        for (int r = 0; r < tree->rowCount(); ++r) {
            const QModelIndex ns = tree->index(r, 0);
            texts << DetailsPane::markdownFor(tree, ns, false, 0);
            for (int c = 0; c < tree->rowCount(ns); ++c)
                texts << DetailsPane::markdownFor(tree, tree->index(c, 0, ns), false, 0);
        }
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QStringLiteral("ci/deployer")));
        for (const char *secret : {PlantedToken, PlantedKey, PlantedPassword})
            QVERIFY2(!all.contains(QLatin1String(secret)), secret);
    }
};

QTEST_MAIN(TestAccessView)
#include "tst_accessview.moc"
