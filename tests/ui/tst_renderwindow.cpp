// SPDX-License-Identifier: Apache-2.0
// The window on Kustomize overlays and a Helm chart: the tree shows each root above the
// objects of its rendering, the rendering is read-only, and a root without its renderer
// says so and has no verdict (issue 14 items 3 and 4).
#include "podtestutil.h"

#include "editor/codeeditor.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "views/mainwindow.h"
#include "views/originfixdialog.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>

#include <functional>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

QString data(const QString &relative)
{
    return QDir::cleanPath(TestUtil::testDataPath(QStringLiteral("render/") + relative));
}

/// "name | value" of every row under parent, indented by depth, down to workloads.
QStringList rows(const QAbstractItemModel *model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex name = model->index(r, WorkloadTreeModel::NameColumn, parent);
        const QModelIndex value = model->index(r, WorkloadTreeModel::ValueColumn, parent);
        out << QString(depth * 2, QLatin1Char(' ')) + name.data().toString() +
                   QStringLiteral(" | ") + value.data().toString();
        const int type = name.data(WorkloadTreeModel::NodeTypeRole).toInt();
        if (type != int(WorkloadTreeModel::NodeType::Workload))
            out << rows(model, name, depth + 1);
    }
    return out;
}

class PathGuard
{
public:
    explicit PathGuard(const QByteArray &path) : m_old(qgetenv("PATH")) { qputenv("PATH", path); }
    ~PathGuard() { qputenv("PATH", m_old); }

private:
    QByteArray m_old;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A private copy of tests/data/render/kustomize.
bool copyKustomize(const QString &to)
{
    return TestUtil::copyTree(data(QStringLiteral("kustomize")), to);
}

bool open(MainWindow &w, const QString &path)
{
    // These tests look at the Pod Security tree (roots, workloads, verdicts).
    w.ruleSetCombo()->setCurrentIndex(w.ruleSetCombo()->findData(QStringLiteral("pss")));
    QSignalSpy applied(&w, &MainWindow::snapshotApplied);
    w.openPaths({path});
    return applied.wait(30000);
}

} // namespace

class TestRenderWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overlaysAboveTheirObjects()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            QSKIP("kubectl is not on PATH: the overlays cannot be rendered");
        MainWindow w;
        QVERIFY(open(w, data(QStringLiteral("kustomize"))));
        const QStringList tree = rows(w.treeView()->model());
        const QString dev = data(QStringLiteral("kustomize/overlays/dev"));
        const QString prod = data(QStringLiteral("kustomize/overlays/prod"));
        // Roots first, their objects under them; the overlay's namespace Namespace object
        // is still a namespace row; no patch fragment or base object of its own.
        const QStringList expected{
            QStringLiteral("Kustomize %1 | kubectl kustomize %1").arg(dev),
            QStringLiteral("  Deployment web | dev:1"),
            QStringLiteral("Kustomize %1 | kubectl kustomize %1").arg(prod),
            QStringLiteral("  Deployment prod-web | prod:8"),
            QStringLiteral("prod | 1 workload(s) · Pods of 1 controller(s) rejected · 1 warned"),
        };
        QCOMPARE(tree, expected);

        // The overlay's workload fails baseline; its rendering opens read-only.
        QAbstractItemModel *model = w.treeView()->model();
        const QModelIndex overlay = model->index(1, 0);
        const QModelIndex workload = model->index(0, 0, overlay);
        QVERIFY(workload.data(WorkloadTreeModel::AnyFailRole).toBool());
        QVERIFY(overlay.data(WorkloadTreeModel::AnyFailRole).toBool());
        w.treeView()->setCurrentIndex(workload);
        QTRY_COMPARE(w.workspace()->paths().value(w.currentFile()), prod);
        QVERIFY(w.editor()->isReadOnly());
    }

    void fixingAnOverlayWritesTheBase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            QSKIP("kubectl is not on PATH: the overlays cannot be rendered");
        QTemporaryDir dir;
        QVERIFY(copyKustomize(dir.path()));
        const QString basePath = dir.filePath(QStringLiteral("base/deployment.yaml"));
        const QByteArray base = readAll(basePath);
        MainWindow w;
        QVERIFY(open(w, dir.path()));
        QAbstractItemModel *model = w.treeView()->model();
        const QModelIndex prod = model->index(0, 0, model->index(1, 0));
        QVERIFY(prod.data().toString().contains(QStringLiteral("prod-web")));
        w.treeView()->setCurrentIndex(prod);

        // Cancel: nothing is written.
        QString diff;
        QTimer::singleShot(0, this, [&] {
            auto *d = qobject_cast<OriginFixDialog *>(QApplication::activeModalWidget());
            QVERIFY(d);
            diff = d->diffText();
            d->reject();
        });
        w.fixInteractive(MainWindow::FixScope::Workload);
        QVERIFY2(diff.contains(QStringLiteral("+++ b/") + basePath + QLatin1Char('\n')),
                 qPrintable(diff));
        QVERIFY(diff.contains(QStringLiteral("+          allowPrivilegeEscalation: false")));
        QCOMPARE(readAll(basePath), base);

        // Write Files: the base changes on disk and the overlays are rendered again.
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        QTimer::singleShot(0, this, [&] {
            auto *d = qobject_cast<OriginFixDialog *>(QApplication::activeModalWidget());
            QVERIFY(d);
            d->accept();
        });
        w.fixInteractive(MainWindow::FixScope::Workload);
        QVERIFY(applied.wait(30000));
        const QByteArray fixed = readAll(basePath);
        QVERIFY(fixed != base);
        QVERIFY(fixed.contains("allowPrivilegeEscalation: false"));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("overlays/prod/patch.yaml"))),
                 readAll(data(QStringLiteral("kustomize/overlays/prod/patch.yaml"))));
        // Still failing restricted (the patch's privileged), but no longer for the base.
        const QModelIndex again = model->index(0, 0, model->index(1, 0));
        QVERIFY(again.data(WorkloadTreeModel::AnyFailRole).toBool());
    }

    void renderSettingsAskBeforeDiscardingEdits_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("kustomize command") << QStringLiteral("kustomizeCommandAction");
        QTest::newRow("helm values") << QStringLiteral("helmValuesAction");
    }
    void renderSettingsAskBeforeDiscardingEdits()
    {
        // Changing how roots render opens the workspace again: unsaved edits are asked
        // about first, and Cancel keeps them (before, they were dropped without a word).
        QFETCH(QString, action);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("pod.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
                "  - name: c\n    image: nginx\n");
        f.close();
        MainWindow w;
        QVERIFY(open(w, dir.path()));
        QAbstractItemModel *model = w.treeView()->model();
        w.treeView()->setCurrentIndex(model->index(0, 0, model->index(0, 0)));
        QTRY_VERIFY(w.currentFile() >= 0);
        QTextCursor cursor(w.editor()->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(QStringLiteral("# an edit\n"));
        QVERIFY(w.isWindowModified());
        auto *a = w.findChild<QAction *>(action);
        QVERIFY(a);
        bool asked = false;
        // The setting's dialog is accepted as it is; the question that follows is cancelled.
        std::function<void()> answer = [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                asked = true;
                box->button(QMessageBox::Cancel)->click();
                return;
            }
            if (auto *dialog = qobject_cast<QDialog *>(modal)) {
                QTimer::singleShot(0, this, answer);
                dialog->accept();
                return;
            }
            QTimer::singleShot(10, this, answer);
        };
        QTimer::singleShot(0, this, answer);
        a->trigger();
        QVERIFY(asked);
        QVERIFY(w.editor()->document()->toPlainText().endsWith(QStringLiteral("# an edit\n")));
        QVERIFY(w.isWindowModified());
    }

    void chartThroughStandInHelm()
    {
        const PathGuard path(QFile::encodeName(data(QStringLiteral("helm-bin"))) + ':' +
                             qgetenv("PATH"));
        MainWindow w;
        QVERIFY(open(w, data(QStringLiteral("chart"))));
        const QString chart = data(QStringLiteral("chart/web"));
        const QStringList expected{
            QStringLiteral("Helm chart %1 | helm template web %1").arg(chart),
            QStringLiteral("  Deployment web-web | web:12"),
        };
        QCOMPARE(rows(w.treeView()->model()), expected);
    }

    void chartValuesFromTheSettings()
    {
        // File > Helm Values Files... keeps them in the settings; openPaths hands them to helm.
        const PathGuard path(QFile::encodeName(data(QStringLiteral("helm-bin"))) + ':' +
                             qgetenv("PATH"));
        MainWindow w;
        QAbstractItemModel *model = w.treeView()->model();
        auto baseline = [&] {
            const QModelIndex chart = model->index(0, 0);
            return model->index(0, WorkloadTreeModel::BaselineColumn, chart).data().toString();
        };
        QVERIFY(open(w, data(QStringLiteral("chart"))));
        const QString without = baseline(); // hostPID: true
        QSettings().setValue(QStringLiteral("render/helmValues"),
                             QStringList{data(QStringLiteral("helm-values/nohostpid.yaml"))});
        QVERIFY(open(w, data(QStringLiteral("chart"))));
        QSettings().remove(QStringLiteral("render/helmValues"));
        QVERIFY2(without != baseline(), qPrintable(without + QLatin1Char('|') + baseline()));
        QCOMPARE(w.workspace()->renderOptions().helmValues.size(), std::size_t(1));
    }

    void rootsWithoutRenderer()
    {
        const PathGuard path("/nonexistent");
        MainWindow w;
        QVERIFY(open(w, data(QStringLiteral("kustomize/overlays/prod"))));
        const QString prod = data(QStringLiteral("kustomize/overlays/prod"));
        QCOMPARE(rows(w.treeView()->model()),
                 QStringList{QStringLiteral("Kustomize %1 | needs kubectl or kustomize to "
                                            "render; not evaluated")
                                 .arg(prod)});
        QAbstractItemModel *model = w.treeView()->model();
        QVERIFY(!model->index(0, 0).data(WorkloadTreeModel::AnyFailRole).toBool());
        for (int c = WorkloadTreeModel::BaselineColumn; c < WorkloadTreeModel::ColumnCountValue;
             ++c)
            QCOMPARE(model->index(0, c).data().toString(), QString());

        QVERIFY(open(w, data(QStringLiteral("chart"))));
        const QString value = model->index(0, WorkloadTreeModel::ValueColumn).data().toString();
        QVERIFY2(value.contains(QStringLiteral("helm template web ")) &&
                     value.contains(QStringLiteral("| podsec check -")),
                 qPrintable(value));
    }
};

QTEST_MAIN(TestRenderWindow)
#include "tst_renderwindow.moc"
