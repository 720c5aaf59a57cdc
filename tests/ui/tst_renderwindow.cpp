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

#include <QAbstractProxyModel>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

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
            QStringLiteral("prod | "),
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
