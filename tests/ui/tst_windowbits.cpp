// SPDX-License-Identifier: Apache-2.0
// Small things a careful user notices: unique mnemonics in every menu, Fix actions off on
// a read-only cluster, a title that names the workspace and marks it modified, Save that
// leaves an unedited file alone, an editable kubeconfig path, Enter applying the fix
// preview, and --select saying when it matches nothing.
#include "podtestutil.h"
#include "uitestutil.h"

#include "cluster/apiclient.h"
#include "editor/codeeditor.h"
#include "models/workloadtreemodel.h"
#include "views/connectdialog.h"
#include "views/fixpreviewdialog.h"
#include "views/mainwindow.h"
#include "views/namespacechipdelegate.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QHelpEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QToolTip>
#include <QTreeView>
#include <QTreeWidget>

#include <sys/stat.h>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

QString writeKubeconfig(const QTemporaryDir &dir, const QString &context = QStringLiteral("shop"))
{
    const QString kc = dir.filePath(QStringLiteral("kubeconfig-") + context);
    QFile f(kc);
    if (f.open(QIODevice::WriteOnly))
        f.write("kind: Config\ncurrent-context: " + context.toUtf8() +
                "\nclusters:\n- name: c\n  cluster: {server: https://cluster.example:6443}\n"
                "users:\n- name: u\n  user: {token: t}\ncontexts:\n- name: " +
                context.toUtf8() + "\n  context: {cluster: c, user: u, namespace: shop}\n");
    return kc;
}

/// The mnemonic of a menu text ("Save A&ll" -> 'l'), or a null QChar.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

/// "menu: 'x' twice (A, B)" for every clash in menu and its submenus.
QStringList clashes(const QString &where, const QList<QAction *> &actions)
{
    QStringList out;
    QHash<QChar, QString> seen;
    for (QAction *a : actions) {
        if (a->isSeparator())
            continue;
        const QChar m = mnemonic(a->text());
        if (!m.isNull()) {
            if (seen.contains(m))
                out << QStringLiteral("%1: '%2' in %3 and %4")
                           .arg(where, QString(m), seen.value(m), a->text());
            seen.insert(m, a->text());
        }
        if (a->menu())
            out << clashes(where + QStringLiteral(" > ") + a->text(), a->menu()->actions());
    }
    return out;
}

QAction *actionByText(QMenuBar *bar, const QString &text)
{
    for (QAction *top : bar->actions()) {
        if (!top->menu())
            continue;
        for (QAction *a : top->menu()->actions()) {
            if (a->text() == text)
                return a;
        }
    }
    return nullptr;
}

QAction *actionByShortcut(QMenuBar *bar, const QKeySequence &key)
{
    for (QAction *top : bar->actions()) {
        if (!top->menu())
            continue;
        for (QAction *a : top->menu()->actions()) {
            if (a->shortcuts().contains(key))
                return a;
        }
    }
    return nullptr;
}

} // namespace

class TestWindowBits : public QObject
{
    Q_OBJECT

private:
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

    // A namespace's label chips are never dropped silently when the Name column is narrow
    // (issue 18: in a lesson about warn mode, warn= was the chip that disappeared): a "+N"
    // chip counts the hidden ones, and the row's tooltip lists every label.
    void namespaceChipsElideWithACount()
    {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(openSample(w));
        QAbstractItemModel *model = w.treeView()->model();
        QModelIndex web;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data().toString() == QLatin1String("web"))
                web = model->index(r, 0);
        }
        QVERIFY(web.isValid());
        const QStringList chips = web.data(WorkloadTreeModel::ChipsRole).toStringList();
        QVERIFY2(chips.size() >= 2, qPrintable(chips.join(QLatin1Char(','))));
        const QFontMetrics fm(w.treeView()->font());
        const auto width = [&](const QString &text) {
            return fm.horizontalAdvance(text) + 18;
        };
        int all = 0;
        for (const QString &c : chips)
            all += width(NamespaceChipDelegate::chipText(c));
        QCOMPARE(NamespaceChipDelegate::chipsThatFit(fm, chips, all), int(chips.size()));
        // Room for the first chip and a "+N", not for the second chip: one and "+N".
        const int one = width(NamespaceChipDelegate::chipText(chips[0])) +
                        width(QStringLiteral("+%1").arg(chips.size() - 1));
        QCOMPARE(NamespaceChipDelegate::chipsThatFit(fm, chips, one), 1);
        QCOMPARE(NamespaceChipDelegate::chipsThatFit(fm, chips, one - 1), 0);
        QCOMPARE(NamespaceChipDelegate::chipsThatFit(fm, chips, 0), 0);
        // The tooltip over the row names every label.
        auto *delegate =
            qobject_cast<NamespaceChipDelegate *>(w.treeView()->itemDelegateForColumn(0));
        QVERIFY(delegate);
        const QRect rect = w.treeView()->visualRect(web);
        QHelpEvent help(QEvent::ToolTip, rect.center(),
                        w.treeView()->viewport()->mapToGlobal(rect.center()));
        QStyleOptionViewItem option;
        option.rect = rect;
        QVERIFY(delegate->helpEvent(&help, w.treeView(), option, web));
        QTRY_VERIFY(QToolTip::isVisible());
        for (const QString &c : chips)
            QVERIFY2(QToolTip::text().contains(NamespaceChipDelegate::chipText(c)),
                     qPrintable(QToolTip::text()));
    }

    // Every menu (and the menu bar) gives each mnemonic to one entry only.
    void menuMnemonicsUnique()
    {
        MainWindow w;
        const QStringList found = clashes(QStringLiteral("menu bar"), w.menuBar()->actions());
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        int menus = 0;
        for (QAction *a : w.menuBar()->actions())
            menus += a->menu() ? 1 : 0;
        QVERIFY(menus >= 4);
    }

    // A cluster is only read: its Fix actions are off (not merely refusing in the status
    // bar); opening files turns them on again. The what-if stays available.
    void fixActionsOffOnACluster()
    {
        QTemporaryDir dir;
        MainWindow w;
        w.setTransportFactory([](const Cluster::Selection &, std::string &) {
            return std::unique_ptr<Cluster::Transport>(std::make_unique<TestUtil::OnePodCluster>());
        });
        QSignalSpy ended(&w, &MainWindow::clusterReadEnded);
        w.connectToCluster(writeKubeconfig(dir), QString());
        QVERIFY(ended.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!w.workspace()->isBusy(), 20000);
        QAction *workload = actionByText(w.menuBar(), w.tr("Make &Workload Restricted…"));
        QAction *fixField = actionByShortcut(w.menuBar(), QKeySequence(Qt::CTRL | Qt::Key_Period));
        QVERIFY(workload && fixField);
        QVERIFY(!workload->isEnabled());
        QVERIFY(!fixField->isEnabled());
        QAction *whatIf = actionByText(w.menuBar(), w.tr("Namespace W&hat-If…"));
        QVERIFY(whatIf && whatIf->isEnabled());
        QVERIFY(openSample(w));
        QVERIFY(workload->isEnabled());
        QVERIFY(fixField->isEnabled());
    }

    // The title names the workspace (the folder), with Qt's modified mark right after the
    // name, and stays so after Reload (which opens the folder's files one by one).
    void titleNamesTheWorkspace()
    {
        MainWindow w;
        QVERIFY(openSample(w));
        const QString expected =
            QFileInfo(m_dir.path()).fileName() + QStringLiteral("[*] — PodSec Explorer");
        QCOMPARE(w.windowTitle(), expected);
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.selectKey(QStringLiteral("web/frontend")));
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        QTextCursor c(w.editor()->document());
        c.insertText(QStringLiteral("# edited\n"));
        QVERIFY(applied.wait(20000));
        QVERIFY(w.isWindowModified());
        QCOMPARE(w.windowTitle(), expected);
        w.setQuietSaveErrors(true);
        QVERIFY(w.saveAll());
        QVERIFY(openSample(w)); // reopen, as Reload does, file by file
        QSignalSpy again(&w, &MainWindow::snapshotApplied);
        w.openPaths(w.workspace()->paths());
        QVERIFY(again.wait(20000));
        QCOMPARE(w.windowTitle(), expected);
    }

    // Ctrl+S on a file without edits does not write it (same inode, same time).
    void saveWithoutEditsWritesNothing()
    {
        MainWindow w;
        QVERIFY(openSample(w));
        QVERIFY(w.selectKey(QStringLiteral("web/frontend")));
        const QString path = w.workspace()->paths().value(w.currentFile());
        const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-3);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(old, QFileDevice::FileModificationTime));
        }
        struct stat before
        {};
        QCOMPARE(stat(QFile::encodeName(path).constData(), &before), 0);
        QAction *save = actionByShortcut(w.menuBar(), QKeySequence::Save);
        QVERIFY(save);
        save->trigger();
        QVERIFY(w.saveAll());
        struct stat after
        {};
        QCOMPARE(stat(QFile::encodeName(path).constData(), &after), 0);
        QCOMPARE(after.st_ino, before.st_ino);
        QCOMPARE(QFileInfo(path).lastModified().toUTC().toSecsSinceEpoch(), old.toSecsSinceEpoch());
    }

    // The kubeconfig path can be typed: Enter reads it (and does not connect yet).
    void kubeconfigPathEditable()
    {
        QTemporaryDir dir;
        qputenv("KUBECONFIG", QFile::encodeName(dir.filePath(QStringLiteral("none"))));
        ConnectDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QLineEdit *path = dialog.pathEdit();
        QVERIFY(!path->isReadOnly());
        const QString kc = writeKubeconfig(dir, QStringLiteral("typed"));
        path->setFocus();
        path->selectAll();
        QTest::keyClicks(path, kc);
        QTest::keyClick(path, Qt::Key_Return);
        QVERIFY(dialog.isVisible()); // read, not connected
        QCOMPARE(dialog.selectedContext(), QStringLiteral("typed"));
        QCOMPARE(dialog.kubeconfigPath(), kc);
        QTest::keyClick(path, Qt::Key_Return); // now it connects
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        qunsetenv("KUBECONFIG");
    }

    // Enter in the fix preview applies (Apply is the default button), Escape cancels.
    void enterAppliesTheFixPreview()
    {
        FixTarget target;
        target.file = 0;
        target.name = QStringLiteral("pod.yaml");
        target.text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                      "  - name: a\n    image: x\n    securityContext: {privileged: true}\n";
        const Policy::LevelVersion restricted{Policy::Level::Restricted, Policy::Version::latest()};
        FixPreviewDialog dialog({target}, restricted);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *apply = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply);
        QVERIFY(apply->isDefault());
        dialog.list()->setFocus();
        QTest::keyClick(dialog.list(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.results().empty());
    }

    // --select with a key that matches no row says so (it used to be ignored silently).
    void selectNothingSays()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        QTemporaryDir out;
        p.start(QStringLiteral(PODSEC_GUI_PATH),
                {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"),
                 out.filePath(QStringLiteral("x.png")), QStringLiteral("--select"),
                 QStringLiteral("no-such-namespace"), m_dir.path()});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("--select no-such-namespace: no such row")),
                 qPrintable(err));
        // A key that exists is quiet.
        p.start(QStringLiteral(PODSEC_GUI_PATH),
                {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"),
                 out.filePath(QStringLiteral("y.png")), QStringLiteral("--select"),
                 QStringLiteral("web"), m_dir.path()});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(!QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("--select")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestWindowBits)
#include "tst_windowbits.moc"
