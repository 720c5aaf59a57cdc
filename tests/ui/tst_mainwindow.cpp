// SPDX-License-Identifier: Apache-2.0
// The window, offscreen: tree selection drives the editor, failing lines are underlined,
// the version selector changes badges, the editor cursor drives the tree, and an edit is
// re-evaluated in place.
#include "podtestutil.h"
#include "uitestutil.h"
#include "windowtestutil.h"

#include "cluster/apiclient.h"
#include "editor/codeeditor.h"
#include "engine/fixloop.h"
#include "fix/fixplanner.h"
#include "fix/unifieddiff.h"
#include "models/badgeproxymodel.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "views/detailspane.h"
#include "views/fixpreviewdialog.h"
#include "views/mainwindow.h"
#include "views/treeheader.h"
#include "views/whatifdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <atomic>
#include <csignal>
#include <sys/resource.h>

using namespace PodSec;
using namespace PodSec::Ui;
using PodSec::TestUtil::currentSource;

namespace {

/// A cluster with a Deployment, its ReplicaSet and a pod, whose job list (read after the
/// ReplicaSets, before the pods) waits until the test lets it through: the window must
/// show what it has read before the read ends. Requests are counted in *pods.
class GatedCluster final : public Cluster::Transport
{
public:
    GatedCluster(std::shared_ptr<QSemaphore> gate, std::shared_ptr<std::atomic<int>> pods)
        : m_gate(std::move(gate)), m_pods(std::move(pods))
    {}
    Cluster::HttpResponse get(const std::string &q, const Cluster::Headers &,
                              const Cluster::RequestLimits &) override
    {
        if (q.rfind("/apis/batch/v1/jobs?", 0) == 0)
            m_gate->acquire();
        Cluster::HttpResponse r;
        r.status = 200;
        if (q == "/version")
            r.body = R"({"major":"1","minor":"31","gitVersion":"v1.31.0"})";
        else if (q.rfind("/api/v1/namespaces?", 0) == 0)
            r.body = R"({"kind":"NamespaceList","apiVersion":"v1","metadata":{},"items":[)"
                     R"({"metadata":{"name":"shop"}}]})";
        else if (q.rfind("/apis/apps/v1/deployments?", 0) == 0)
            r.body = R"({"kind":"DeploymentList","apiVersion":"apps/v1","items":[)"
                     R"({"metadata":{"name":"web","namespace":"shop","uid":"d1"},)"
                     R"("spec":{"template":{"spec":{"containers":[{"name":"a","image":"i"}]}}}}]})";
        else if (q.rfind("/apis/apps/v1/replicasets?", 0) == 0)
            r.body = R"({"kind":"ReplicaSetList","apiVersion":"apps/v1","items":[)"
                     R"({"metadata":{"name":"web-5d8","namespace":"shop","uid":"r1",)"
                     R"("ownerReferences":[{"kind":"Deployment","name":"web","uid":"d1",)"
                     R"("controller":true}]},)"
                     R"("spec":{"template":{"spec":{"containers":[{"name":"a","image":"i"}]}}}}]})";
        else if (q.rfind("/api/v1/pods?", 0) == 0) {
            ++*m_pods;
            r.body = R"({"kind":"PodList","apiVersion":"v1","items":[)"
                     R"({"metadata":{"name":"web-5d8-a","namespace":"shop","uid":"p1",)"
                     R"("ownerReferences":[{"kind":"ReplicaSet","name":"web-5d8","uid":"r1",)"
                     R"("controller":true}]},)"
                     R"("spec":{"hostPID":true,"containers":[{"name":"a","image":"i"}]}}]})";
        } else
            r.body = R"({"kind":"List","apiVersion":"v1","metadata":{},"items":[]})";
        return r;
    }

private:
    std::shared_ptr<QSemaphore> m_gate;
    std::shared_ptr<std::atomic<int>> m_pods;
};

QString writeKubeconfig(const QTemporaryDir &dir)
{
    const QString kc = dir.filePath(QStringLiteral("kubeconfig"));
    QFile f(kc);
    if (f.open(QIODevice::WriteOnly))
        f.write("kind: Config\ncurrent-context: shop\nclusters:\n- name: c\n  cluster: {server: "
                "https://cluster.example:6443}\nusers:\n- name: u\n  user: {token: t}\n"
                "contexts:\n- name: shop\n  context: {cluster: c, user: u, namespace: shop}\n");
    return kc;
}

/// A window whose transport factory connects to a GatedCluster, and a kubeconfig for it.
struct GatedWindow
{
    QTemporaryDir dir;
    QString kubeconfig = writeKubeconfig(dir);
    std::shared_ptr<QSemaphore> gate = std::make_shared<QSemaphore>(0);
    std::shared_ptr<std::atomic<int>> podLists = std::make_shared<std::atomic<int>>(0);
    MainWindow window;
    GatedWindow()
    {
        window.setTransportFactory([gate = gate, pods = podLists](const Cluster::Selection &,
                                                                  std::string &) {
            return std::unique_ptr<Cluster::Transport>(std::make_unique<GatedCluster>(gate, pods));
        });
    }
    ~GatedWindow() { gate->release(100); } // a failed test never leaves the reader blocked
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    /// Opens the sample workspace and waits for its first evaluation.
    bool openSample(MainWindow &w)
    {
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({m_dir.path()});
        return applied.wait(20000);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        TestUtil::copySample(m_dir.path());
    }

    void selectingRowMovesEditor()
    {
        MainWindow w;
        QVERIFY(openSample(w));
        QVERIFY(
            w.selectKey(QStringLiteral("payments/ledger:containers[0].securityContext.runAsUser")));
        QVERIFY(
            w.workspace()->paths().value(w.currentFile()).endsWith(QLatin1String("payments.yaml")));
        QCOMPARE(w.editor()->cursorLine(), 46);
        const QString details = w.detailsPane()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("container \"db\" must not set runAsUser=0")),
                 qPrintable(details));

        QVERIFY(w.selectKey(QStringLiteral("web/frontend")));
        QVERIFY(w.workspace()->paths().value(w.currentFile()).endsWith(QLatin1String("web.yaml")));
        QCOMPARE(w.editor()->cursorLine(), 2);
    }

    void treeHabits()
    {
        QSettings().remove(QStringLiteral("tree/hiddenColumns"));
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openSample(w));
        QAbstractItemModel *view = w.treeView()->model();
        // A Kind column beside the name.
        QCOMPARE(view->headerData(WorkloadTreeModel::KindColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Kind"));
        // The namespace's row moves when the namespaces sort too: found anew each time.
        auto column = [&](int c) {
            const QModelIndex payments =
                w.filterModel()->mapFromSource(w.badgeModel()->mapFromSource(
                    w.treeModel()->indexForKey(QStringLiteral("ns:payments"))));
            QStringList out;
            for (int r = 0; r < view->rowCount(payments); ++r)
                out << view->index(r, c, payments).data().toString();
            return out;
        };
        const QStringList order = column(WorkloadTreeModel::NameColumn);
        QCOMPARE(column(WorkloadTreeModel::KindColumn).first(), QStringLiteral("Deployment"));

        // A click on Restricted: failing first, ties in the workspace's order.
        QHeaderView *header = w.treeView()->header();
        const int x = header->sectionViewportPosition(WorkloadTreeModel::RestrictedColumn) + 5;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        const QStringList restricted = column(WorkloadTreeModel::RestrictedColumn);
        QVERIFY2(restricted.first() == QStringLiteral("Fail") &&
                     restricted.indexOf(QStringLiteral("Pass")) >
                         restricted.lastIndexOf(QStringLiteral("Fail")),
                 qPrintable(restricted.join(QLatin1Char(','))));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QCOMPARE(column(WorkloadTreeModel::RestrictedColumn).last(), QStringLiteral("Fail"));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QCOMPARE(column(WorkloadTreeModel::NameColumn), order); // the third click: as it was

        // The column chooser hides Kind, and a new window remembers it.
        w.treeHeader()->setUserHidden(WorkloadTreeModel::KindColumn, true);
        QVERIFY(w.treeView()->isColumnHidden(WorkloadTreeModel::KindColumn));
        {
            MainWindow again;
            QVERIFY(again.treeView()->isColumnHidden(WorkloadTreeModel::KindColumn));
        }
        w.treeHeader()->setUserHidden(WorkloadTreeModel::KindColumn, false);
        QVERIFY(!w.treeView()->isColumnHidden(WorkloadTreeModel::KindColumn));

        // The filter finds a file's workloads by its name and counts them.
        QVERIFY(w.selectKey(QStringLiteral("payments/ledger")));
        QVERIFY(!w.detailsPane()->toPlainText().isEmpty());
        w.filterEdit()->setText(QStringLiteral("web.yaml"));
        QCOMPARE(w.filterCountLabel()->text(),
                 QStringLiteral("2 of %1 workload(s)") // frontend and its CronJob
                     .arg(w.treeModel()->snapshot()->workloads.size()));
        // The selected row went away with the filter: so did its details.
        QVERIFY2(w.detailsPane()->toPlainText().isEmpty(),
                 qPrintable(w.detailsPane()->toPlainText()));
        w.filterEdit()->setText(QStringLiteral("no-such-thing"));
        QCOMPARE(w.filterCountLabel()->text(), QStringLiteral("No row matches “no-such-thing”"));
        w.filterEdit()->clear();
        QVERIFY(w.filterCountLabel()->text().isEmpty());

        // A namespace's details count what its labels do (the ledger's Pods and debug-shell).
        QVERIFY(w.selectKey(QStringLiteral("ns:payments")) ||
                w.selectKey(QStringLiteral("payments")));
        const QString details = w.detailsPane()->toPlainText();
        QVERIFY2(
            details.contains(QStringLiteral("Pods rejected by enforce: 1 of 1 Pod(s)")) &&
                details.contains(QStringLiteral("Controllers whose Pods enforce rejects: 1")) &&
                details.contains(QStringLiteral("Failing restricted: 2 of 3 workload(s)")) &&
                details.contains(QStringLiteral("Failing most at restricted: ")),
            qPrintable(details));
    }

    void underlinesOnFailingLines()
    {
        MainWindow w;
        QVERIFY(openSample(w));
        QVERIFY(w.selectKey(QStringLiteral("monitoring/node-exporter")));
        QSet<int> underlined;
        for (const auto &s : w.editor()->extraSelections()) {
            if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline)
                underlined.insert(s.cursor.block().blockNumber() + 1);
        }
        // hostNetwork, hostPID, hostPort, privileged, capabilities.add and hostPath lines
        for (int line : {15, 16, 23, 25, 27, 35})
            QVERIFY2(underlined.contains(line), qPrintable(QString::number(line)));
        // image: no Pod Security check reads it, only the checklist's imageDigest.
        for (const auto &f : w.editor()->findings()) {
            if (f.line == 19)
                QVERIFY2(f.message.contains(QStringLiteral("imageDigest (warning)")) &&
                             !f.message.contains(QStringLiteral("must not")),
                         qPrintable(f.message));
        }
        bool tooltip = false;
        for (const auto &f : w.editor()->findings())
            tooltip |=
                f.line == 25 &&
                f.message.contains(QStringLiteral("must not set securityContext.privileged=true"));
        QVERIFY(tooltip);
    }

    void versionSelectorChangesBadges()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("pod.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Pod\nmetadata: {name: root-user}\nspec:\n"
                "  securityContext: {runAsNonRoot: true, runAsUser: 0, seccompProfile: {type: "
                "RuntimeDefault}}\n"
                "  containers:\n  - name: app\n    image: app\n"
                "    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: "
                "[ALL]}}\n");
        f.close();
        MainWindow w;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(20000));
        auto restricted = [&] {
            const QModelIndex pod = w.treeModel()->index(0, 0, w.treeModel()->index(0, 0));
            return static_cast<Verdict>(pod.siblingAtColumn(WorkloadTreeModel::RestrictedColumn)
                                            .data(WorkloadTreeModel::VerdictRole)
                                            .toInt());
        };
        QCOMPARE(restricted(), Verdict::Fail);
        w.versionCombo()->setCurrentIndex(w.versionCombo()->findData(QStringLiteral("v1.22")));
        QVERIFY(applied.wait(20000));
        QCOMPARE(restricted(), Verdict::Pass);
        w.versionCombo()->setCurrentIndex(0); // latest
        QVERIFY(applied.wait(20000));
        QCOMPARE(restricted(), Verdict::Fail);
    }

    void editorCursorSelectsTreeRow()
    {
        MainWindow w;
        w.show();
        QVERIFY(openSample(w));
        QVERIFY(w.selectKey(QStringLiteral("payments/checkout")));
        w.editor()->setFocus();
        QTRY_VERIFY(w.editor()->hasFocus());
        w.editor()->goToLine(46); // runAsUser: 0 of ledger's db container
        const QModelIndex source = currentSource(w);
        const auto *field = w.treeModel()->fieldAt(source);
        QVERIFY(field);
        QCOMPARE(QString::fromStdString(std::string(field->path())),
                 QStringLiteral("spec.template.spec.containers[0].securityContext.runAsUser"));
        QCOMPARE(QString::fromStdString(w.treeModel()->workloadAt(source)->id().name),
                 QStringLiteral("ledger"));
    }

    void editReevaluatesInPlace()
    {
        MainWindow w;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({m_dir.path()});
        QVERIFY(applied.wait(20000));
        QVERIFY(
            w.selectKey(QStringLiteral("payments/ledger:containers[0].securityContext.runAsUser")));
        QSignalSpy reset(w.treeModel(), &QAbstractItemModel::modelReset);
        const QPersistentModelIndex row = currentSource(w);
        QCOMPARE(static_cast<Verdict>(QModelIndex(row)
                                          .siblingAtColumn(WorkloadTreeModel::RestrictedColumn)
                                          .data(WorkloadTreeModel::VerdictRole)
                                          .toInt()),
                 Verdict::Fail);
        QTextCursor c(w.editor()->document()->findBlockByNumber(45));
        const int at = int(c.block().text().indexOf(QLatin1String("0 ")));
        c.setPosition(c.block().position() + at);
        c.deleteChar();
        c.insertText(QStringLiteral("1000"));
        QVERIFY(applied.wait(20000));
        QCOMPARE(reset.count(), 0);
        QVERIFY(row.isValid());
        QCOMPARE(row.data().toString(), QStringLiteral("securityContext.runAsUser"));
        QCOMPARE(static_cast<Verdict>(QModelIndex(row)
                                          .siblingAtColumn(WorkloadTreeModel::RestrictedColumn)
                                          .data(WorkloadTreeModel::VerdictRole)
                                          .toInt()),
                 Verdict::Pass);
        QVERIFY(w.windowTitle().contains(QLatin1String("PodSec Explorer")));
    }

    void admissionConfigurationExempts()
    {
        MainWindow w;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({m_dir.path()});
        QVERIFY(applied.wait(20000));
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.yaml"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("kind: PodSecurityConfiguration\ndefaults: {enforce: strict}\n");
        b.close();
        QTimer::singleShot(0, this, [] {
            // the error box: accept it
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(top))
                    box->accept();
            }
        });
        QVERIFY(!w.loadAdmissionConfig(bad));
        const QString good = dir.filePath(QStringLiteral("psa.yaml"));
        QFile g(good);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("kind: PodSecurityConfiguration\nexemptions:\n  namespaces: [payments]\n");
        g.close();
        QVERIFY(w.loadAdmissionConfig(good));
        QVERIFY(applied.wait(20000));
        QVERIFY(w.selectKey(QStringLiteral("payments/debug-shell")));
        const QModelIndex pod = currentSource(w);
        QCOMPARE(static_cast<Verdict>(pod.siblingAtColumn(WorkloadTreeModel::EnforceColumn)
                                          .data(WorkloadTreeModel::VerdictRole)
                                          .toInt()),
                 Verdict::Exempt);
        QCOMPARE(static_cast<Verdict>(pod.siblingAtColumn(WorkloadTreeModel::RestrictedColumn)
                                          .data(WorkloadTreeModel::VerdictRole)
                                          .toInt()),
                 Verdict::Fail); // the level columns still judge the pod
    }

    void reloadsWhenFileChangesOnDisk()
    {
        MainWindow w;
        QVERIFY(openSample(w));
        QVERIFY(w.selectKey(QStringLiteral("payments/ledger")));
        // Another program fixes the root user; the window notices and re-evaluates.
        const QString path = m_dir.filePath(QStringLiteral("payments.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        text.replace("runAsUser: 0 ", "runAsUser: 1000 ");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        QTRY_VERIFY_WITH_TIMEOUT(
            w.selectKey(
                QStringLiteral("payments/ledger:containers[0].securityContext.runAsUser")) &&
                QString::fromStdString(std::string(
                    w.treeModel()->fieldAt(currentSource(w))->value())) == QStringLiteral("1000"),
            20000);
    }

    void cancelStopsEvaluation()
    {
        // A workspace big enough that evaluation is still running when cancelled.
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("many.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3000; ++i)
            f.write(QStringLiteral("---\napiVersion: v1\nkind: Pod\nmetadata: {name: p%1}\nspec:\n"
                                   "  containers:\n  - name: c\n    image: x\n")
                        .arg(i)
                        .toUtf8());
        f.close();
        Workspace workspace;
        QSignalSpy ready(&workspace, &Workspace::snapshotReady);
        QSignalSpy busy(&workspace, &Workspace::busyChanged);
        workspace.open({dir.path()});
        QVERIFY(workspace.isBusy());
        workspace.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!workspace.isBusy(), 20000);
        QTest::qWait(50);
        QCOMPARE(ready.count(), 0); // a cancelled evaluation delivers nothing
        QVERIFY(busy.count() >= 2);
        // Opening again evaluates to the end.
        workspace.open({dir.path()});
        QVERIFY(ready.wait(20000));
        QCOMPARE(
            ready.last().at(0).value<std::shared_ptr<const WorkspaceSnapshot>>()->workloads.size(),
            std::size_t(3000));
    }

    // Fix a finding from the window: the preview shows exactly the planned edits, unticking
    // one leaves it out, applying is one undo step, and the file on disk is untouched.
    void fixPreviewAndUndo()
    {
        MainWindow w;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({m_dir.path()});
        QVERIFY(applied.wait(20000));
        QVERIFY(w.selectKey(QStringLiteral("payments/ledger")));
        const QString path = w.workspace()->paths().value(w.currentFile());
        QTextDocument *doc = w.editor()->document();
        const QString original = doc->toPlainText();
        const auto *workload = w.treeModel()->workloadAt(currentSource(w));
        QVERIFY(workload);
        Engine::FixOptions options;
        options.object = std::pair{workload->id().document, workload->id().item};
        const Policy::LevelVersion restricted{Policy::Level::Restricted, Policy::Version::latest()};
        const auto planned = Engine::fixText(original.toStdString(), restricted, options);
        QVERIFY(planned.applied.size() >= 3);

        QString shownDiff, diffAfterUntick;
        int rows = 0;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<FixPreviewDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            shownDiff = dialog->diffText();
            rows = dialog->fixCount();
            // Untick the first fix, look, tick it again, apply.
            QTreeWidgetItem *first = dialog->list()->topLevelItem(0)->child(0);
            first->setCheckState(0, Qt::Unchecked);
            diffAfterUntick = dialog->diffText();
            first->setCheckState(0, Qt::Checked);
            dialog->accept();
        });
        w.fixInteractive(MainWindow::FixScope::Workload);
        QCOMPARE(rows, int(planned.applied.size()));
        QCOMPARE(shownDiff, QString::fromStdString(
                                Fix::unifiedDiff(original.toStdString(), planned.text,
                                                 QFileInfo(path).fileName().toStdString())));
        QVERIFY(diffAfterUntick != shownDiff && !diffAfterUntick.isEmpty());
        QCOMPARE(doc->toPlainText(), QString::fromStdString(planned.text));
        QVERIFY(w.isWindowModified());
        // One undo step brings the whole fix back.
        doc->undo();
        QCOMPARE(doc->toPlainText(), original);
        doc->redo();
        QCOMPARE(doc->toPlainText(), QString::fromStdString(planned.text));
        // Not saved: the file on disk still has the original text.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), original);
        // The edit re-evaluates: the ledger now passes restricted.
        QVERIFY(applied.wait(20000));
        QVERIFY(w.selectKey(QStringLiteral("payments/ledger")));
        QCOMPARE(static_cast<Verdict>(currentSource(w)
                                          .siblingAtColumn(WorkloadTreeModel::RestrictedColumn)
                                          .data(WorkloadTreeModel::VerdictRole)
                                          .toInt()),
                 Verdict::Pass);
        w.setQuietSaveErrors(true);
        QVERIFY(w.saveAll());
        f.close(); // the save renamed a new file over the old one: open it afresh
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), QString::fromStdString(planned.text));
        QVERIFY(!w.isWindowModified());
    }

    // The light bulb: lines with a fixable finding show one; clicking it previews the fix
    // of that finding only.
    void lightBulbFixesOneFinding()
    {
        MainWindow w;
        QVERIFY(openSample(w));
        QVERIFY(
            w.selectKey(QStringLiteral("payments/ledger:containers[0].securityContext.runAsUser")));
        QVERIFY(w.editor()->isFixableLine(46));
        QVERIFY(!w.editor()->isFixableLine(45)); // the image line has nothing to fix
        // A click in the gutter beside a line asks to fix that line, and only beside a bulb.
        CodeEditor *editor = w.editor();
        auto yOf = [editor](int line) {
            QTextCursor c(editor->document()->findBlockByNumber(line - 1 - editor->lineOffset()));
            return editor->cursorRect(c).center().y();
        };
        QSignalSpy asked(editor, &CodeEditor::fixRequested);
        editor->gutterClicked(yOf(45));
        QCOMPARE(asked.count(), 0);
        QStringList rows;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<FixPreviewDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            for (QTreeWidgetItemIterator it(dialog->list()); *it; ++it) {
                if ((*it)->parent() && ((*it)->flags() & Qt::ItemIsUserCheckable))
                    rows << (*it)->text(0); // fixes, not the notes below them
            }
            dialog->reject();
        });
        const QString before = w.editor()->document()->toPlainText();
        editor->gutterClicked(yOf(46));
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().first().toInt(), 46);
        QCOMPARE(rows.size(), 1);
        QVERIFY2(
            rows.first().startsWith(QLatin1String("Remove runAsUser: 0 from container \"db\"")),
            qPrintable(rows.first()));
        QCOMPARE(w.editor()->document()->toPlainText(), before); // cancelled: nothing changed
    }

    // A cluster read through the transport seam: the tree shows its pods with the
    // namespace's labels, the server's version becomes the policy version, and nothing can
    // be edited, fixed or saved.
    void connectsToACluster()
    {
        QTemporaryDir dir;
        const QString kc = writeKubeconfig(dir);
        MainWindow w;
        w.setTransportFactory([](const Cluster::Selection &, std::string &) {
            return std::unique_ptr<Cluster::Transport>(std::make_unique<TestUtil::OnePodCluster>(
                R"({"pod-security.kubernetes.io/enforce":"restricted"})"));
        });
        QSignalSpy ended(&w, &MainWindow::clusterReadEnded);
        w.connectToCluster(kc, QString());
        QVERIFY(ended.wait(20000));
        // Pages stream in; the last ones may still be being evaluated.
        QTRY_VERIFY_WITH_TIMEOUT(!w.workspace()->isBusy(), 20000);
        // The context's namespace is selected and open.
        QCOMPARE(currentSource(w).data().toString(), QStringLiteral("shop"));
        QVERIFY(w.treeView()->isExpanded(w.treeView()->currentIndex()));
        QCOMPARE(w.versionCombo()->currentData().toString(), QStringLiteral("v1.30"));
        QVERIFY(w.windowTitle().contains(QLatin1String("Kubernetes v1.30.4")));
        QVERIFY(w.selectKey(QStringLiteral("shop/web-1")));
        QCOMPARE(static_cast<Verdict>(currentSource(w)
                                          .siblingAtColumn(WorkloadTreeModel::EnforceColumn)
                                          .data(WorkloadTreeModel::VerdictRole)
                                          .toInt()),
                 Verdict::Fail);
        QVERIFY(w.editor()->isReadOnly());
        const QString before = w.editor()->document()->toPlainText();
        w.fixInteractive(MainWindow::FixScope::Workload); // refused, no dialog
        QCOMPARE(w.editor()->document()->toPlainText(), before);
        QVERIFY(w.saveAll());
    }

    // Pages stream into the tree while the read goes on; the pods that arrive last nest
    // under their ReplicaSet and Deployment.
    void clusterPagesStreamIn()
    {
        GatedWindow gated;
        MainWindow &w = gated.window;
        const auto &gate = gated.gate;
        const auto &podLists = gated.podLists;
        const QString &kc = gated.kubeconfig;
        w.connectToCluster(kc, QString());
        // Before the pods are let through, the Deployment is there already.
        QTRY_VERIFY_WITH_TIMEOUT(w.selectKey(QStringLiteral("shop/web-5d8")), 20000);
        QVERIFY(!w.selectKey(QStringLiteral("shop/web-5d8-a")));
        QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("so far")));
        QVERIFY(w.windowTitle().contains(QLatin1String("Kubernetes v1.31.0")));
        gate->release();
        QTRY_VERIFY_WITH_TIMEOUT(w.selectKey(QStringLiteral("shop/web-5d8-a")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().startsWith(QLatin1String("Read ")),
                                 20000);
        const QModelIndex pod = currentSource(w);
        QCOMPARE(pod.data().toString(), QStringLiteral("Pod web-5d8-a"));
        QCOMPARE(pod.parent().data().toString(), QStringLiteral("ReplicaSet web-5d8"));
        QCOMPARE(pod.parent().parent().data().toString(), QStringLiteral("Deployment web"));
        QCOMPARE(static_cast<Verdict>(pod.siblingAtColumn(WorkloadTreeModel::BaselineColumn)
                                          .data(WorkloadTreeModel::VerdictRole)
                                          .toInt()),
                 Verdict::Fail);
        const QString details = w.detailsPane()->toPlainText();
        QVERIFY2(details.contains(QLatin1String("Controlled by ReplicaSet web-5d8")),
                 qPrintable(details));
        QVERIFY2(!details.contains(QLatin1String("Fix…")), qPrintable(details)); // read-only
        QCOMPARE(podLists->load(), 1);
    }

    // Cancel stops the read after the request under way; what was read stays and the
    // status bar says so.
    void clusterReadCancelled()
    {
        GatedWindow gated;
        MainWindow &w = gated.window;
        const auto &gate = gated.gate;
        const auto &podLists = gated.podLists;
        const QString &kc = gated.kubeconfig;
        QSignalSpy ended(&w, &MainWindow::clusterReadEnded);
        w.connectToCluster(kc, QString());
        QTRY_VERIFY_WITH_TIMEOUT(w.selectKey(QStringLiteral("shop/web-5d8")), 20000);
        w.cancelClusterRead();
        gate->release(); // the job list under way completes
        QVERIFY(ended.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!w.workspace()->isBusy(), 20000);
        QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("cancelled")),
                 qPrintable(w.statusBar()->currentMessage()));
        QCOMPARE(podLists->load(), 0);                    // nothing was asked after the cancel
        QVERIFY(w.selectKey(QStringLiteral("shop/web"))); // what was read stays
        QVERIFY(!w.selectKey(QStringLiteral("shop/web-5d8-a")));
    }

    // The namespace what-if: tightening enforce (another version) shows kubectl's warnings
    // for the namespace's pods, the command and the patch.
    void namespaceWhatIf()
    {
        MainWindow w;
        QVERIFY(openSample(w));
        QVERIFY(w.selectKey(QStringLiteral("payments/debug-shell")));
        QString answer, command, unchanged;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<WhatIfDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            unchanged = dialog->answer();
            dialog->propose(0, QStringLiteral("restricted"), QStringLiteral("v1.30"));
            answer = dialog->answer();
            command = dialog->command();
            dialog->reject();
        });
        w.whatIf();
        QVERIFY2(unchanged.startsWith(QLatin1String("Nothing to change")), qPrintable(unchanged));
        const QStringList lines = answer.split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("Warning: existing pods in namespace \"payments\" "
                                                "violate the new PodSecurity enforce level "
                                                "\"restricted:v1.30\""));
        QVERIFY2(lines.value(1).startsWith(
                     QLatin1String("Warning: debug-shell: allowPrivilegeEscalation != false")),
                 qPrintable(answer));
        QCOMPARE(lines.last(), QStringLiteral("namespace/payments labeled"));
        QVERIFY2(
            command.startsWith(QLatin1String("kubectl label --overwrite namespace payments "
                                             "pod-security.kubernetes.io/enforce=restricted "
                                             "pod-security.kubernetes.io/enforce-version=v1.30")),
            qPrintable(command));
    }

    // A save that cannot complete (the file size limit stops the write) leaves the file on
    // disk byte for byte as it was, leaves no temporary file, and keeps the edit unsaved.
    void failedSaveKeepsOriginal()
    {
        MainWindow w;
        w.setQuietSaveErrors(true);
        QVERIFY(openSample(w));
        QVERIFY(w.selectKey(QStringLiteral("web/frontend")));
        const QString path = w.workspace()->paths().value(w.currentFile());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        QTextCursor c(w.editor()->document());
        c.movePosition(QTextCursor::End);
        c.insertText(QStringLiteral("\n# ") + QString(200000, QLatin1Char('x')) +
                     QLatin1Char('\n'));
        const QStringList entriesBefore = QDir(m_dir.path()).entryList(QDir::Files);

        struct rlimit old
        {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = rlim_t(before.size() + 1024);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const bool saved = w.saveAll();
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);

        QVERIFY(!saved);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), entriesBefore);
        QVERIFY(w.isWindowModified());
        QVERIFY(w.saveAll()); // with room again, the edit is written
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().endsWith(QByteArray(QByteArray(100, 'x') + '\n')));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
