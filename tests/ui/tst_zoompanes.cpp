// SPDX-License-Identifier: Apache-2.0
// Every pane follows the window's zoom (issue 18 item 2): the fix preview's diff, the what-if's
// answer, command and patch, the compare-versions dialog, the controls catalogue and the
// details pane take the zoomed size when they open, and follow a zoom made while they are open.
#include "podtestutil.h"
#include "uitestutil.h"

#include "models/workloadtreemodel.h"
#include "models/workspace.h"
#include "views/compareversionsdialog.h"
#include "views/controlscatalogue.h"
#include "views/fixpreviewdialog.h"
#include "views/mainwindow.h"
#include "views/whatifdialog.h"

#include <QApplication>
#include <QDirIterator>
#include <QFontInfo>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

const Policy::LevelVersion Restricted{Policy::Level::Restricted, Policy::Version::latest()};

const char *const RootDb =
    "apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop}\nspec:\n"
    "  containers:\n  - name: db\n    image: postgres:16\n    securityContext:\n"
    "      runAsUser: 0\n";

/// Why a pane of dialog does not show text at the application's (zoomed) size: the text
/// widgets' fonts, and text fragments of rich text that carry a size of their own (the
/// monospace of Markdown code); empty when every one follows.
QString notFollowing(const QWidget *dialog)
{
    const qreal size = QApplication::font().pointSizeF();
    QStringList wrong;
    auto check = [&](const QWidget *w) {
        if (w->isVisibleTo(dialog) && !qFuzzyCompare(w->font().pointSizeF(), size))
            wrong << QStringLiteral("%1 %2: %3 pt, not %4")
                         .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                         .arg(w->font().pointSizeF())
                         .arg(size);
    };
    for (const auto *w : dialog->findChildren<QPlainTextEdit *>())
        check(w);
    for (const auto *w : dialog->findChildren<QTreeView *>())
        check(w);
    for (const auto *browser : dialog->findChildren<QTextBrowser *>()) {
        check(browser);
        for (QTextBlock b = browser->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat f = it.fragment().charFormat();
                if (f.hasProperty(QTextFormat::FontPointSize))
                    wrong << QStringLiteral("%1: \"%2\" at %3 pt")
                                 .arg(browser->objectName(), it.fragment().text().left(30))
                                 .arg(f.fontPointSize());
            }
        }
    }
    return wrong.join(QLatin1Char('\n'));
}

} // namespace

class TestZoomPanes : public QObject
{
    Q_OBJECT

private:
    QFont m_before;

private Q_SLOTS:
    void init() { m_before = QApplication::font(); }
    void cleanup() { QApplication::setFont(m_before); }

    // The fix preview's diff (and the alternative's text) are monospace at the zoomed size,
    // and grow with a zoom made while the preview is open.
    void fixPreviewDiff()
    {
        MainWindow w;
        w.zoom(5);
        FixTarget t;
        t.file = 0;
        t.name = QStringLiteral("db.yaml");
        t.text = RootDb;
        FixPreviewDialog dialog({t}, Restricted, &w);
        QVERIFY(!dialog.diffText().isEmpty());
        const auto edits = dialog.findChildren<QPlainTextEdit *>();
        QVERIFY(!edits.isEmpty());
        for (const auto *e : edits)
            QVERIFY2(QFontInfo(e->font()).fixedPitch(), qPrintable(e->font().toString()));
        QString wrong = notFollowing(&dialog);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        w.zoom(2); // the font change reaches the widgets through the event loop
        QTRY_VERIFY2((wrong = notFollowing(&dialog)).isEmpty(), qPrintable(wrong));
    }

    // The what-if's answer, command, patch and pods.
    void whatIfCommandAndPatch()
    {
        MainWindow w;
        w.zoom(5);
        WhatIfDialog::Input input;
        input.ns = "payments";
        input.texts = TestUtil::sampleTexts();
        input.defaultNamespace = "default";
        WhatIfDialog dialog(input, &w);
        dialog.propose(0, QStringLiteral("restricted"), QStringLiteral("latest"));
        QString wrong = notFollowing(&dialog);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        w.zoom(-3);
        QTRY_VERIFY2((wrong = notFollowing(&dialog)).isEmpty(), qPrintable(wrong));
    }

    // The compare-versions dialog and the controls catalogue (its Markdown code examples
    // too), opened from a zoomed window and zoomed again while open.
    void compareVersionsAndCatalogue()
    {
        QTemporaryDir dir;
        TestUtil::copySample(dir.path());
        MainWindow w;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(60000));
        w.zoom(5);
        CompareVersionsDialog compare({w.treeModel()->snapshot(), w.workspace()->options()}, &w);
        QSignalSpy compared(&compare, &CompareVersionsDialog::compared);
        QVERIFY(compared.wait(20000));
        ControlsCatalogue catalogue(&w);
        const QList<const QWidget *> dialogs{&compare, &catalogue};
        for (const QWidget *dialog : dialogs) {
            const QString wrong = notFollowing(dialog);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        }
        w.zoom(2);
        for (const QWidget *dialog : dialogs) {
            QString wrong;
            QTRY_VERIFY2((wrong = notFollowing(dialog)).isEmpty(), qPrintable(wrong));
        }
        // The details pane's code (field paths, values) too.
        QVERIFY(w.selectKey(QStringLiteral("payments/ledger")));
        QString wrong;
        QTRY_VERIFY2((wrong = notFollowing(&w)).isEmpty(), qPrintable(wrong));
    }
};

QTEST_MAIN(TestZoomPanes)
#include "tst_zoompanes.moc"
