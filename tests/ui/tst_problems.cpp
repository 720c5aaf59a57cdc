// SPDX-License-Identifier: Apache-2.0
// The Problems panel (issue #14 item 5): every file of a workspace that could not be found,
// read, parsed or decoded, and every warning, listed exactly as `podsec check` lists them on
// stderr for the same folder; a row opens its place; the list follows edits.
#include "editor/codeeditor.h"
#include "models/problemsmodel.h"
#include "models/workspace.h"
#include "views/mainwindow.h"
#include "views/problemspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <sys/stat.h>
#include <unistd.h>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

/// The size limit given to both programs, so that one file is over it.
constexpr int Limit = 4096;

QByteArray pod(const QByteArray &name, const QByteArray &extra = {})
{
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name +
           "\nspec:\n  containers:\n  - name: c\n    image: nginx\n" + extra;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// The panel's rows as the user sees them, in the panel's order, joined the way `podsec
/// check` prints a problem: "file:line:column: [warning: ]message".
QStringList panelLines(const ProblemsPanel &panel)
{
    QStringList lines;
    const QAbstractItemModel *m = panel.view()->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        const auto cell = [&](int c) {
            return m->index(r, c).data().toString();
        };
        const bool warning = m->index(r, 0).data(ProblemsModel::WarningRole).toBool();
        lines << QStringLiteral("%1:%2:%3: %4%5")
                     .arg(cell(ProblemsModel::FileColumn), cell(ProblemsModel::LineColumn),
                          cell(ProblemsModel::ColumnColumn),
                          warning ? QStringLiteral("warning: ") : QString(),
                          cell(ProblemsModel::MessageColumn));
    }
    return lines;
}

/// The proxy row of the first problem whose line contains text, or -1.
int rowWith(const ProblemsPanel &panel, const QString &text)
{
    const QAbstractItemModel *m = panel.view()->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, 0).data(ProblemsModel::ProblemLineRole).toString().contains(text))
            return r;
    }
    return -1;
}

} // namespace

class TestProblems : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_root;

    /// Opens the problems folder in w and waits for its snapshot.
    bool openFolder(MainWindow &w)
    {
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.workspace()->setMaxFileSize(Limit);
        w.openPaths({m_root});
        return applied.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.path() + QStringLiteral("/ws");
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/sub")));
        const auto at = [&](const char *name) -> QString {
            return m_root + QLatin1Char('/') + QLatin1String(name);
        };
        QVERIFY(writeFile(at("good.yaml"), pod("good")));
        // Invalid YAML: an unclosed flow sequence.
        QVERIFY(writeFile(at("broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: [x\n"));
        // A duplicate key: kubectl apply (strict) refuses the object.
        QVERIFY(writeFile(at("duplicate.yaml"),
                          pod("dup", "  hostNetwork: true\n  hostNetwork: false\n")));
        // A value the API server cannot decode.
        QVERIFY(writeFile(at("sub/decode.yaml"),
                          pod("decode").replace("image: nginx\n", "image: nginx\n    ports:\n"
                                                                  "    - containerPort: 80\n"
                                                                  "      hostPort: \"80\"\n")));
        // Content after "..." is ignored by kubectl: a warning.
        QVERIFY(writeFile(at("dots.yaml"), pod("first") + "...\n" + pod("second")));
        // A stray line at column 0 after a mapping.
        QVERIFY(writeFile(at("stray.yaml"), pod("stray") + "$NOT_A_KEY\n"));
        QVERIFY(writeFile(at("empty.yaml"), ""));
        QVERIFY(writeFile(at("big.yaml"), pod("big") + QByteArray(Limit, '#')));
        QVERIFY(QFile::link(m_root + QStringLiteral("/nowhere"), at("dangling.yaml")));
        QCOMPARE(::mkfifo(QFile::encodeName(at("pipe.yaml")).constData(), 0600), 0);
        if (::geteuid() != 0) { // root reads any file
            QVERIFY(writeFile(at("secret.yaml"), pod("secret")));
            QVERIFY(QFile::setPermissions(at("secret.yaml"), QFileDevice::Permissions()));
        }
    }

    void cleanupTestCase()
    {
        QFile::setPermissions(m_root + QStringLiteral("/secret.yaml"),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    /// The panel lists exactly the lines `podsec check` prints on stderr for the folder.
    void panelEqualsCliStderr()
    {
        QProcess cli;
        cli.start(QStringLiteral(PODSEC_CLI_PATH),
                  {QStringLiteral("check"), QStringLiteral("--max-file-size"),
                   QString::number(Limit), m_root});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 2);
        QStringList cliLines = QString::fromUtf8(cli.readAllStandardError())
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts);

        MainWindow w;
        QVERIFY(openFolder(w));
        QStringList rows = panelLines(*w.problemsPanel());

        // Every kind of problem is there (so the comparison below is not vacuous).
        const QStringList expected = {
            QStringLiteral("broken.yaml:"),
            QStringLiteral("duplicate key"),
            QStringLiteral("cannot unmarshal string"),
            QStringLiteral("dots.yaml:"),
            QStringLiteral("stray.yaml:"),
            QStringLiteral("empty.yaml:"),
            QStringLiteral("size limit"),
            QStringLiteral("dangling"),
            QStringLiteral("FIFO"),
        };
        for (const QString &e : expected) {
            QVERIFY2(rows.filter(e).size() == 1,
                     qPrintable(e + QStringLiteral(" in ") + rows.join(QLatin1Char('\n'))));
        }
        QCOMPARE(rows.filter(QStringLiteral(": warning: ")).size(), 1);
        if (::geteuid() != 0)
            QCOMPARE(rows.filter(QStringLiteral("secret.yaml:")).size(), 1);
        // The CLI prints errors, then warnings; the panel keeps file order until sorted.
        rows.sort();
        cliLines.sort();
        QCOMPARE(rows, cliLines);
        QCOMPARE(w.problemsPanel()->model()->rowCount(), int(cliLines.size()));
    }

    /// The status bar's button opens the panel, whose title counts the rows; Enter on a row
    /// shows its file at its line and column.
    void buttonOpensPanelAndEnterOpensPlace()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openFolder(w));
        ProblemsPanel *panel = w.problemsPanel();
        QVERIFY(!panel->isVisible());
        QToolButton *button = w.problemsButton();
        QVERIFY(button->isVisible());
        // (No translator loaded: the plural forms stay "(s)".)
        QVERIFY2(button->text().contains(QStringLiteral("file problem")),
                 qPrintable(button->text()));
        QVERIFY2(button->text().contains(QStringLiteral("1 warning")), qPrintable(button->text()));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(panel->isVisible());
        QTRY_VERIFY(panel->view()->hasFocus());
        const int rows = panel->model()->rowCount();
        QVERIFY(panel->windowTitle().contains(QString::number(rows)));

        const int row = rowWith(*panel, QStringLiteral("cannot unmarshal"));
        QVERIFY(row >= 0);
        const QModelIndex index = panel->view()->model()->index(row, 0);
        const int line = index.data(ProblemsModel::LineRole).toInt();
        QVERIFY(line > 1);
        panel->view()->setCurrentIndex(index);
        QTest::keyClick(panel->view(), Qt::Key_Return);
        QCOMPARE(w.workspace()->paths().value(w.currentFile()),
                 m_root + QStringLiteral("/sub/decode.yaml"));
        QCOMPARE(w.editor()->cursorLine(), line);
        const int column = index.data(ProblemsModel::ColumnRole).toInt();
        QCOMPARE(w.editor()->textCursor().positionInBlock() + 1, column);
        QTRY_VERIFY(w.editor()->hasFocus());

        // Keyboard: down to the next row and Enter again.
        panel->view()->setFocus();
        const int dup = rowWith(*panel, QStringLiteral("duplicate key"));
        panel->view()->setCurrentIndex(panel->view()->model()->index(dup, 0));
        QTest::keyClick(panel->view(), Qt::Key_Return);
        QCOMPARE(w.workspace()->paths().value(w.currentFile()),
                 m_root + QStringLiteral("/duplicate.yaml"));
    }

    /// A problem whose file cannot be shown (over the size limit, a FIFO) says why instead.
    void unopenableFileShowsMessage()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openFolder(w));
        ProblemsPanel *panel = w.problemsPanel();
        panel->reveal();
        for (const QString &what : {QStringLiteral("size limit"), QStringLiteral("FIFO")}) {
            const int row = rowWith(*panel, what);
            QVERIFY(row >= 0);
            const int before = w.currentFile();
            panel->view()->setCurrentIndex(panel->view()->model()->index(row, 0));
            QTest::keyClick(panel->view(), Qt::Key_Return);
            auto *box = w.findChild<QMessageBox *>(QStringLiteral("problemMessage"));
            QVERIFY(box);
            QVERIFY2(box->text().contains(what), qPrintable(box->text()));
            QCOMPARE(w.currentFile(), before);
            // Once more: the same box says it, not a second one.
            QTest::keyClick(panel->view(), Qt::Key_Return);
            QCOMPARE(w.findChildren<QMessageBox *>(QStringLiteral("problemMessage")).size(), 1);
            box->close();
            QTRY_VERIFY(!w.findChild<QMessageBox *>(QStringLiteral("problemMessage")));
            // A click only says it in the status bar.
            const QRect rect = panel->view()->visualRect(panel->view()->model()->index(row, 1));
            QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, rect.center());
            QVERIFY(!w.findChild<QMessageBox *>(QStringLiteral("problemMessage")));
            QVERIFY2(w.statusBar()->currentMessage().contains(what),
                     qPrintable(w.statusBar()->currentMessage()));
        }
    }

    /// Copy (Ctrl+C and the context menu's actions) gives the lines `podsec check` prints.
    void copyGivesCliLines()
    {
        MainWindow w;
        QVERIFY(openFolder(w));
        ProblemsPanel *panel = w.problemsPanel();
        panel->reveal();
        const int row = rowWith(*panel, QStringLiteral("duplicate key"));
        const QModelIndex index = panel->view()->model()->index(row, 0);
        panel->view()->setCurrentIndex(index);
        QTest::keySequence(panel->view(), QKeySequence::Copy);
        const QString line = index.data(ProblemsModel::ProblemLineRole).toString();
        QCOMPARE(QApplication::clipboard()->text(), line);
        QVERIFY(line.startsWith(m_root + QStringLiteral("/duplicate.yaml:")));
        QCOMPARE(
            panel->selectedText(true),
            panel->view()->model()->index(row, ProblemsModel::MessageColumn).data().toString());
    }

    /// Columns sort (line numbers as numbers), and the severity has text besides its icon.
    void sortsAndNamesSeverity()
    {
        MainWindow w;
        QVERIFY(openFolder(w));
        ProblemsPanel *panel = w.problemsPanel();
        QAbstractItemModel *m = panel->view()->model();
        panel->view()->sortByColumn(ProblemsModel::LineColumn, Qt::DescendingOrder);
        for (int r = 1; r < m->rowCount(); ++r)
            QVERIFY(m->index(r - 1, ProblemsModel::LineColumn).data().toInt() >=
                    m->index(r, ProblemsModel::LineColumn).data().toInt());
        panel->view()->sortByColumn(ProblemsModel::SeverityColumn, Qt::AscendingOrder);
        QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("Error"));
        QCOMPARE(m->index(m->rowCount() - 1, 0).data().toString(), QStringLiteral("Warning"));
        QVERIFY(!m->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
        panel->view()->sortByColumn(ProblemsModel::FileColumn, Qt::AscendingOrder);
        QStringList files;
        for (int r = 0; r < m->rowCount(); ++r)
            files << m->index(r, ProblemsModel::FileColumn).data().toString();
        QStringList sorted = files;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(files, sorted);
    }

    /// Fixing a file in the editor removes its row; fixing the last one empties the panel.
    void followsEditsUntilEmpty()
    {
        QTemporaryDir dir;
        const QString broken = dir.path() + QStringLiteral("/broken.yaml");
        const QString dots = dir.path() + QStringLiteral("/dots.yaml");
        QVERIFY(writeFile(broken, "kind: Pod\nmetadata: {name: [x\n"));
        QVERIFY(writeFile(dots, pod("a") + "...\n" + pod("b")));
        MainWindow w;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        QVERIFY(applied.wait(20000));
        ProblemsPanel *panel = w.problemsPanel();
        QCOMPARE(panel->model()->rowCount(), 2);
        QVERIFY(panel->windowTitle().contains(QStringLiteral("2")));

        const int brokenFile = int(w.workspace()->paths().indexOf(broken));
        w.workspace()->setFileText(brokenFile, QString::fromUtf8(pod("fixed")));
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 20000);
        QVERIFY(panel->model()->problemAt(0)->diagnostic.warning);
        QVERIFY(!w.problemsButton()->isHidden());

        // Fixed on disk: the watcher reloads it and the panel empties.
        QVERIFY(writeFile(dots, pod("a")));
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 0, 20000);
        QVERIFY(w.problemsButton()->isHidden());
        QVERIFY(panel->windowTitle().contains(QStringLiteral("0")));
        auto *stack = qobject_cast<QStackedWidget *>(panel->widget());
        QVERIFY(stack && qobject_cast<QLabel *>(stack->currentWidget()));

        // A dangling link appears in the folder, then goes: so does its row.
        const QString link = dir.path() + QStringLiteral("/gone.yaml");
        QVERIFY(QFile::link(dir.path() + QStringLiteral("/nowhere"), link));
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 20000);
        QVERIFY(panel->model()
                    ->index(0, ProblemsModel::MessageColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("dangling")));
        QVERIFY(QFile::remove(link));
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 0, 20000);
    }
};

QTEST_MAIN(TestProblems)
#include "tst_problems.moc"
