// SPDX-License-Identifier: Apache-2.0
// View ▸ Language (issue 18 item 5): the interface language changes while the window is
// open, without a restart, and back: menus, the policy bar, the filter's placeholder, the
// tree's headers and namespace summaries, the status bar and the details pane.
#include "uitestutil.h"

#include "models/workloadtreemodel.h"
#include "views/detailspane.h"
#include "views/language.h"
#include "views/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

QStringList menuTitles(MainWindow &w)
{
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

QString header(MainWindow &w, int column)
{
    return w.treeView()->model()->headerData(column, Qt::Horizontal).toString();
}

/// The Value text of the first namespace row (its summary, cached when the tree is built).
QString firstNamespaceValue(MainWindow &w)
{
    const QAbstractItemModel *m = w.treeView()->model();
    return m->index(0, WorkloadTreeModel::ValueColumn).data().toString();
}

/// Every label of the status bar, joined.
QString statusText(MainWindow &w)
{
    QStringList texts;
    for (const QLabel *l : w.statusBar()->findChildren<QLabel *>())
        texts << l->text();
    return texts.join(u'|');
}

bool hasHan(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

/// Waits until the window's next evaluation is shown.
bool switchTo(MainWindow &w, const QString &language)
{
    QSignalSpy applied(&w, &MainWindow::snapshotApplied);
    Language::set(language);
    QCoreApplication::processEvents(); // the posted LanguageChange events
    return applied.wait(30000);
}

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Language::setTranslationsFolder(QStringLiteral(PODSEC_QM_DIR)); }

    void switchesWhileOpenAndBack()
    {
        QTemporaryDir dir;
        TestUtil::copySample(dir.path());
        Language::set(QStringLiteral("en"));
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(30000));
        w.treeView()->setCurrentIndex(w.treeView()->model()->index(0, 0));

        const QStringList english = menuTitles(w);
        QVERIFY2(english.contains(QStringLiteral("&File")), qPrintable(english.join(u' ')));
        QCOMPARE(header(w, WorkloadTreeModel::BaselineColumn), QStringLiteral("Baseline"));
        const QString status = statusText(w);
        QVERIFY2(status.contains(QLatin1String("namespace")), qPrintable(status));
        const QString englishSummary = firstNamespaceValue(w);
        QVERIFY(!hasHan(englishSummary));
        auto *filter = w.findChild<QLineEdit *>();
        QVERIFY(filter);
        const QString englishPlaceholder = filter->placeholderText();
        QVERIFY(!englishPlaceholder.isEmpty());

        // To Chinese, with the window open.
        QVERIFY(switchTo(w, QStringLiteral("zh_CN")));
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        const QStringList chinese = menuTitles(w);
        QVERIFY2(!chinese.contains(QStringLiteral("&File")), qPrintable(chinese.join(u' ')));
        QVERIFY2(hasHan(chinese.join(QString())), qPrintable(chinese.join(u' ')));
        QVERIFY2(hasHan(header(w, WorkloadTreeModel::BaselineColumn)),
                 qPrintable(header(w, WorkloadTreeModel::BaselineColumn)));
        QVERIFY2(hasHan(filter->placeholderText()), qPrintable(filter->placeholderText()));
        QVERIFY2(hasHan(firstNamespaceValue(w)), qPrintable(firstNamespaceValue(w)));
        const QString zhStatus = statusText(w);
        QVERIFY2(hasHan(zhStatus), qPrintable(zhStatus));
        QVERIFY2(hasHan(w.detailsPane()->toPlainText()),
                 qPrintable(w.detailsPane()->toPlainText().left(200)));
        // The submenu marks the language in use.
        auto *languageMenu = w.findChild<QMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(languageMenu);
        for (QAction *a : languageMenu->actions())
            QCOMPARE(a->isChecked(), a->data().toString() == QStringLiteral("zh_CN"));

        // And back: every text is English again.
        QVERIFY(switchTo(w, QStringLiteral("en")));
        QCOMPARE(menuTitles(w), english);
        QCOMPARE(header(w, WorkloadTreeModel::BaselineColumn), QStringLiteral("Baseline"));
        QCOMPARE(filter->placeholderText(), englishPlaceholder);
        QCOMPARE(firstNamespaceValue(w), englishSummary);
        QVERIFY(!hasHan(statusText(w)));
        QVERIFY(!hasHan(w.detailsPane()->toPlainText()));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
