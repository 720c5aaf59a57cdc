// SPDX-License-Identifier: Apache-2.0
// Browsing real manifests as a user does: filter, then click and arrow through rows that
// live in different files. Each step shows another file in the editor; the window must
// neither crash (issue #12: underlines of the previous document were refreshed while the
// editor swapped documents) nor show underlines of another file.
#include "editor/codeeditor.h"
#include "models/workloadfilterproxymodel.h"
#include "uitestutil.h"
#include "views/mainwindow.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

/// Every row of the tree in display order, expanding as it goes.
QModelIndexList rows(QTreeView *tree, const QModelIndex &parent = {})
{
    QModelIndexList out;
    const auto *model = tree->model();
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        out << index;
        tree->expand(index);
        out << rows(tree, index);
    }
    return out;
}

/// Whether every extra selection of the editor points into the shown document.
bool selectionsInShownDocument(const CodeEditor *editor)
{
    for (const auto &s : editor->extraSelections()) {
        if (s.cursor.document() != editor->document())
            return false;
    }
    return true;
}

/// The real-world corpus copied into dir and opened in w, shown; false when it could not be.
bool openCorpus(MainWindow &w, const QTemporaryDir &dir)
{
    if (!TestUtil::copyCorpus(dir.path()))
        return false;
    w.resize(1400, 900);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return false;
    QSignalSpy applied(&w, &MainWindow::snapshotApplied);
    w.openPaths({dir.path()});
    return applied.wait(60000);
}

} // namespace

class TestBrowsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickingAcrossFilesOfAFilteredTree_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("wordpress") << QStringLiteral("wordpress");
        QTest::newRow("redis") << QStringLiteral("redis");
        QTest::newRow("dashboard") << QStringLiteral("dashboard");
        QTest::newRow("everything") << QString();
    }

    void clickingAcrossFilesOfAFilteredTree()
    {
        QFETCH(QString, filter);
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(openCorpus(w, dir));
        if (!filter.isEmpty()) {
            w.filterEdit()->setText(filter);
            QTest::qWait(400);
        }
        QTreeView *tree = w.treeView();
        const QModelIndexList all = rows(tree).mid(0, 300);
        QVERIFY(!all.isEmpty());
        QSet<int> files;
        for (const QModelIndex &index : all) {
            tree->setCurrentIndex(index);
            QCoreApplication::processEvents();
            QVERIFY(selectionsInShownDocument(w.editor()));
            files.insert(w.currentFile());
        }
        tree->setFocus();
        tree->setCurrentIndex(all.front());
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(tree, Qt::Key_Down);
            QVERIFY(selectionsInShownDocument(w.editor()));
        }
        QVERIFY2(files.size() > 1, "the rows should span several files");
    }

    // Typing into the filter of a large tree filters once typing pauses, not at every key
    // (a key cost a third of a second at 17,624 workloads); text the program sets, Return and
    // the "Only failing" box apply it at once. A small tree filters at every key.
    void typedFilterWaitsForAPauseOnALargeTree()
    {
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(openCorpus(w, dir));
        QLineEdit *edit = w.filterEdit();
        const int all = w.filterModel()->rowCount();

        // Small (the default threshold): every key filters.
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("redis"));
        QCOMPARE(w.filterModel()->text(), QStringLiteral("redis"));
        edit->clear();
        QCOMPARE(w.filterModel()->text(), QString());

        w.setFilterTypingThreshold(1);
        QTest::keyClicks(edit, QStringLiteral("redis"));
        QCOMPARE(edit->text(), QStringLiteral("redis"));
        QCOMPARE(w.filterModel()->text(), QString()); // not yet
        QCOMPARE(w.filterModel()->rowCount(), all);
        QTRY_COMPARE_WITH_TIMEOUT(w.filterModel()->text(), QStringLiteral("redis"), 5000);
        QVERIFY(w.filterModel()->rowCount() < all);

        edit->setText(QStringLiteral("wordpress")); // the program's: at once
        QCOMPARE(w.filterModel()->text(), QStringLiteral("wordpress"));

        edit->setText(QString());
        QTest::keyClicks(edit, QStringLiteral("dash"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(w.filterModel()->text(), QStringLiteral("dash"));

        QTest::keyClicks(edit, QStringLiteral("board"));
        QCOMPARE(w.filterModel()->text(), QStringLiteral("dash"));
        w.onlyFailingBox()->setChecked(true);
        QCOMPARE(w.filterModel()->text(), QStringLiteral("dashboard"));
    }
};

QTEST_MAIN(TestBrowsing)
#include "tst_browsing.moc"
