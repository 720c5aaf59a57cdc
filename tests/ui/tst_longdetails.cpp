// SPDX-License-Identifier: Apache-2.0
// One small pod with 2,500 aliased containers (`containers: [&c {...}, *c, *c, ...]`, about
// 10 KB): selecting its rows froze the window for over a minute in the details pane's text
// layout, and the editor built one underline and one 12 KB tooltip per field of every alias
// (issue #12). Selecting the workload row, a pod-level field row, a container row and a
// container field row must do a bounded amount of work: the details hold a bounded document
// that says how much more there is and links to it, the editor's findings are one per span
// of the text with bounded messages and a bounded number of underlines. The texts cut stay
// reachable: "more" grows the details until all of it is shown.
#include "editor/codeeditor.h"
#include "models/workloadtreemodel.h"
#include "views/detailspane.h"
#include "views/mainwindow.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

constexpr int Containers = 2500;
// Far below what the uncut texts need (hundreds of KB), far above what a readable page needs.
constexpr int MaxDetailsCharacters = 30000;
constexpr int MaxDetailsBlocks = 400;
constexpr int MaxUnderlines = 1000;
constexpr int MaxMessageCharacters = 4000;

/// One Pod whose containers are one anchored container and count - 1 aliases of it, in a
/// namespace that enforces restricted (so the API server's messages name every container).
QByteArray aliasedPod(int count)
{
    QByteArray yaml =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n  labels:\n"
        "    pod-security.kubernetes.io/enforce: restricted\n---\n"
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: aliased\n  namespace: "
        "default\nspec:\n  hostNetwork: true\n  containers: [&c {name: c, image: busybox, "
        "securityContext: {privileged: true, allowPrivilegeEscalation: true, "
        "runAsUser: 0, runAsNonRoot: false, seccompProfile: {type: Unconfined}, "
        "capabilities: {add: [NET_ADMIN, SYS_ADMIN]}}, ports: [{containerPort: "
        "80, hostPort: 80}]}";
    for (int i = 1; i < count; ++i)
        yaml += ", *c";
    return yaml + "]\n";
}

/// The first child of parent of this node type (skipping skip of them).
QModelIndex child(const QAbstractItemModel *model, const QModelIndex &parent,
                  WorkloadTreeModel::NodeType type, int skip = 0)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(WorkloadTreeModel::NodeTypeRole).toInt() == int(type) && skip-- == 0)
            return i;
    }
    return {};
}

/// What the details pane and the editor hold is bounded, whatever the row.
void verifyBounded(const MainWindow &w)
{
    const QTextDocument *doc = w.detailsPane()->document();
    QVERIFY2(doc->characterCount() <= MaxDetailsCharacters,
             qPrintable(QString::number(doc->characterCount())));
    QVERIFY2(doc->blockCount() <= MaxDetailsBlocks, qPrintable(QString::number(doc->blockCount())));
    const CodeEditor *editor = w.editor();
    QVERIFY2(editor->extraSelections().size() <= MaxUnderlines,
             qPrintable(QString::number(editor->extraSelections().size())));
    QSet<QPair<int, int>> spans;
    for (const EditorFinding &f : editor->findings()) {
        QVERIFY2(!spans.contains({f.line, f.column}), "one finding per span of the text");
        spans.insert({f.line, f.column});
        QVERIFY2(f.message.size() <= MaxMessageCharacters,
                 qPrintable(QString::number(f.message.size())));
    }
}

/// A failing row's details: the first findings in full, a count of what was cut, a link to it.
void verifyCut(const MainWindow &w)
{
    const QString text = w.detailsPane()->document()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("privileged")));
    QVERIFY(text.contains(QStringLiteral("containers \"c\", \"c\", \"c\"")));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("… [0-9,]+ more …"))),
             qPrintable(text.left(2000)));
    QVERIFY(w.detailsPane()->toHtml().contains(QStringLiteral("podsec:more")));
}

} // namespace

class TestLongDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A cut list says how many of its items were cut: shown + cut = all.
    void cutTextsCountWhatIsCut()
    {
        QStringList names;
        for (int i = 0; i < 1000; ++i)
            names << QStringLiteral("\"c%1\"").arg(i);
        const QString text = QStringLiteral("containers ") + names.join(QStringLiteral(", ")) +
                             QStringLiteral(" use hostPort 80");
        bool cut = false;
        const QString shown = DetailsPane::elided(text, DetailsPane::DefaultTextLimit, &cut);
        QVERIFY(cut);
        QVERIFY(shown.size() <= DetailsPane::DefaultTextLimit + 40);
        QVERIFY(shown.startsWith(QStringLiteral("containers \"c0\", \"c1\", ")));
        QVERIFY(shown.endsWith(QStringLiteral(", \"c999\" use hostPort 80")));
        const auto match = QRegularExpression(QStringLiteral("… ([0-9,]+) more …")).match(shown);
        QVERIFY(match.hasMatch());
        const int cutItems = QLocale().toInt(match.captured(1));
        const int shownItems = int(shown.count(QRegularExpression(QStringLiteral("\"c[0-9]+\""))));
        QCOMPARE(shownItems + cutItems, 1000);
        QCOMPARE(DetailsPane::elided(text, 0, &cut), text);
        QVERIFY(!cut);
        // Not a list: cut at characters, counted.
        const QString plain(5000, QLatin1Char('x'));
        const QString shownPlain = DetailsPane::elided(plain, 600, &cut);
        QVERIFY(cut);
        const auto chars =
            QRegularExpression(QStringLiteral("… ([0-9,]+) more characters …")).match(shownPlain);
        QVERIFY(chars.hasMatch());
        QCOMPARE(int(shownPlain.count(QLatin1Char('x'))) + QLocale().toInt(chars.captured(1)),
                 5000);
    }

    void selectingRowsOfAnAliasedPodIsBounded()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("aliased.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(aliasedPod(Containers));
        file.close();

        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({file.fileName()});
        QVERIFY(applied.wait(60000));
        QCoreApplication::processEvents();

        QTreeView *tree = w.treeView();
        const QAbstractItemModel *model = tree->model();
        const QModelIndex workload =
            child(model, model->index(0, 0), WorkloadTreeModel::NodeType::Workload);
        QVERIFY(workload.isValid());
        QCOMPARE(model->rowCount(workload) > Containers, true); // every container has its row
        // The window starts on the workload row.
        QCOMPARE(tree->currentIndex(), workload);
        verifyBounded(w);
        verifyCut(w);
        QVERIFY(!w.editor()->findings().isEmpty());

        const QModelIndex podField = child(model, workload, WorkloadTreeModel::NodeType::Field);
        const QModelIndex container =
            child(model, workload, WorkloadTreeModel::NodeType::Container, 1);
        QVERIFY(podField.isValid());
        QVERIFY(container.isValid());
        QModelIndex containerField;
        for (int r = 0; r < model->rowCount(container) && !containerField.isValid(); ++r) {
            if (model->index(r, 0, container).data(WorkloadTreeModel::AnyFailRole).toBool())
                containerField = model->index(r, 0, container);
        }
        QVERIFY(containerField.isValid());

        tree->setCurrentIndex(podField);
        QCoreApplication::processEvents();
        verifyBounded(w);
        for (const QModelIndex &index : {container, containerField}) {
            tree->setCurrentIndex(index);
            QCoreApplication::processEvents();
            verifyBounded(w);
            verifyCut(w);
        }

        // "more" shows more each time, until all of it is there.
        tree->setCurrentIndex(workload);
        QCoreApplication::processEvents();
        DetailsPane *details = w.detailsPane();
        int previous = details->document()->characterCount();
        for (int i = 0; i < 10 && details->toHtml().contains(QStringLiteral("podsec:more")); ++i) {
            Q_EMIT details->anchorClicked(QUrl(QStringLiteral("podsec:more")));
            QVERIFY(details->document()->characterCount() > previous);
            previous = details->document()->characterCount();
        }
        const QString all = details->document()->toPlainText();
        QVERIFY(!details->toHtml().contains(QStringLiteral("podsec:more")));
        QVERIFY(!all.contains(QRegularExpression(QStringLiteral("… [0-9,]+ more …"))));
        // The hostPort detail names every container.
        QVERIFY2(all.count(QStringLiteral("\"c\"")) >= Containers,
                 qPrintable(QString::number(all.count(QStringLiteral("\"c\"")))));
        // Another row starts cut again.
        tree->setCurrentIndex(container);
        QCoreApplication::processEvents();
        verifyBounded(w);
    }
};

QTEST_MAIN(TestLongDetails)
#include "tst_longdetails.moc"
