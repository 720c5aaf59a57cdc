// SPDX-License-Identifier: Apache-2.0
// The presenter view (issue 18 item 2): View → Presenter (F11) goes full screen at a projector's
// zoom and Escape or F11 restores the window; the five badge columns stay in view beside a
// Name column that takes the rest, every namespace row shows its label chips or a "+N"
// marker, the editor and the tree hide to one key, the editor points at the selected field
// and the details explain first. Run on a 1280×720 offscreen screen (tests/CMakeLists.txt);
// the screenshots are kept in the build folder to be looked at.
#include "podtestutil.h"
#include "uitestutil.h"

#include "editor/codeeditor.h"
#include "models/badgeproxymodel.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"
#include "views/detailspane.h"
#include "views/mainwindow.h"
#include "views/namespacechipdelegate.h"
#include "views/treeheader.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTranslator>
#include <QTreeView>

#include <functional>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

const QSize Projector(1280, 720);
const char *const FailingField = "payments/ledger:containers[0].securityContext.runAsUser";

/// A window on a copy of the sample, shown and active (window shortcuts need that).
struct Window
{
    QTemporaryDir dir;
    MainWindow w;

    bool open(QSize size = {1000, 640})
    {
        TestUtil::copySample(dir.path());
        w.resize(size);
        w.show();
        w.activateWindow();
        if (!QTest::qWaitForWindowActive(&w))
            return false;
        QSignalSpy applied(&w, &MainWindow::snapshotApplied);
        w.openPaths({dir.path()});
        return applied.wait(60000);
    }
    QAction *action(const char *name) const { return w.findChild<QAction *>(QLatin1String(name)); }
};

/// Why a badge column's header is not fully inside the tree's viewport (empty: all are).
QString badgeColumnsOutOfView(const MainWindow &w)
{
    const QTreeView *tree = w.treeView();
    const QHeaderView *header = tree->header();
    const int view = tree->viewport()->width();
    QStringList out;
    // The viewport itself lies inside the window.
    const QPoint origin = tree->viewport()->mapTo(&w, QPoint(0, 0));
    if (!tree->isVisible() || origin.x() < 0 || origin.x() + view > w.width())
        out << QStringLiteral("the tree's viewport is not inside the window");
    for (int c = WorkloadTreeModel::BaselineColumn; c <= WorkloadTreeModel::WarnColumn; ++c) {
        const QString name = tree->model()->headerData(c, Qt::Horizontal).toString();
        const int left = header->sectionViewportPosition(c);
        const int right = left + header->sectionSize(c);
        if (header->isSectionHidden(c) || left < 0 || right > view)
            out << QStringLiteral("%1: [%2, %3) not inside [0, %4)")
                       .arg(name)
                       .arg(left)
                       .arg(right)
                       .arg(view);
    }
    return out.join(QLatin1Char('\n'));
}

/// Badge columns too narrow for their icon and the word of a row that passes or fails there,
/// in the tree's (zoomed) font: such a badge shows "W…" (empty: every one fits).
QString badgeWordsCut(const MainWindow &w)
{
    const QTreeView *tree = w.treeView();
    const QAbstractItemModel *model = tree->model();
    QStyleOptionViewItem option;
    option.initFrom(tree);
    option.font = tree->font();
    option.fontMetrics = QFontMetrics(option.font);
    option.decorationSize = tree->iconSize();
    option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    QStringList out;
    for (int c = WorkloadTreeModel::BaselineColumn; c <= WorkloadTreeModel::WarnColumn; ++c) {
        for (const Verdict v : {Verdict::Pass, Verdict::Fail}) {
            QModelIndex found; // a namespace or workload row with that verdict
            for (int r = 0; r < model->rowCount() && !found.isValid(); ++r) {
                const QModelIndex ns = model->index(r, 0);
                for (int k = -1; k < model->rowCount(ns) && !found.isValid(); ++k) {
                    const QModelIndex row = k < 0 ? ns : model->index(k, 0, ns);
                    if (row.siblingAtColumn(c).data(WorkloadTreeModel::VerdictRole).toInt() ==
                        int(v))
                        found = row.siblingAtColumn(c);
                }
            }
            if (!found.isValid())
                continue;
            const int needed = tree->itemDelegateForIndex(found)->sizeHint(option, found).width();
            if (needed > tree->header()->sectionSize(c))
                out << QStringLiteral("%1: \"%2\" needs %3, has %4")
                           .arg(model->headerData(c, Qt::Horizontal).toString(),
                                found.data().toString())
                           .arg(needed)
                           .arg(tree->header()->sectionSize(c));
        }
    }
    return out.join(QLatin1Char('\n'));
}

/// Namespace rows whose label chips neither all show nor end in the "+N" marker inside the
/// row's Name cell (empty: every row does).
QString chipsOutOfView(const MainWindow &w)
{
    const QTreeView *tree = w.treeView();
    const QAbstractItemModel *model = tree->model();
    QStringList out;
    int rowsWithChips = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, WorkloadTreeModel::NameColumn);
        const QStringList chips = index.data(WorkloadTreeModel::ChipsRole).toStringList();
        if (chips.isEmpty())
            continue;
        ++rowsWithChips;
        // The part of the cell the view shows sideways (rows below the fold count too).
        QRect cell = tree->visualRect(index);
        cell.setLeft(qMax(cell.left(), 0));
        cell.setRight(qMin(cell.right(), tree->viewport()->width() - 1));
        QFont font = tree->font();
        if (const QVariant f = index.data(Qt::FontRole); f.isValid())
            font = f.value<QFont>().resolve(font);
        const auto parts =
            NamespaceChipDelegate::layout(cell, font, index.data().toString(), chips);
        const bool marker = parts.shown < chips.size();
        const int expected = parts.shown + (marker ? 1 : 0);
        bool inside = parts.chipRects.size() == expected && expected > 0;
        for (const QRect &chip : parts.chipRects)
            inside = inside && cell.contains(chip);
        if (!inside || parts.name.isEmpty())
            out << QStringLiteral("%1: %2 of %3 chips, marker %4, cell %5..%6")
                       .arg(index.data().toString())
                       .arg(parts.shown)
                       .arg(chips.size())
                       .arg(marker)
                       .arg(cell.left())
                       .arg(cell.right());
    }
    if (rowsWithChips == 0)
        out << QStringLiteral("no namespace row has chips");
    return out.join(QLatin1Char('\n'));
}

QString screenshotPath(const QString &name)
{
    QDir().mkpath(QStringLiteral(PODSEC_SCREENSHOT_DIR));
    return QStringLiteral(PODSEC_SCREENSHOT_DIR "/") + name;
}

} // namespace

class TestPresenter : public QObject
{
    Q_OBJECT

private:
    QFont m_font;
    QPalette m_palette;
    QLocale m_locale;

private Q_SLOTS:
    // A window leaves the application's font (its zoom) and palette as it set them.
    void init()
    {
        m_font = QApplication::font();
        m_palette = QApplication::palette();
        m_locale = QLocale();
    }
    void cleanup()
    {
        QApplication::setFont(m_font);
        QApplication::setPalette(m_palette);
        QLocale::setDefault(m_locale);
    }
    void initTestCase()
    {
        // The offscreen screen is a projector's (tests/CMakeLists.txt: offscreen-1280x720.json).
        QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), Projector);
    }

    // F11 (View → Presenter) goes full screen at the presenter zoom with the columns pinned,
    // the editor's pointer and the explanation first; Escape restores the window's size,
    // state and zoom. A zoom above the presenter's is kept.
    void entersAndLeaves()
    {
        Window win;
        QVERIFY(win.open());
        QAction *presenter = win.action("presenterAction");
        QVERIFY(presenter && presenter->isCheckable());
        QCOMPARE(presenter->shortcut(), QKeySequence(Qt::Key_F11));
        win.w.zoom(1);
        const QRect before = win.w.geometry();

        QTest::keyClick(win.w.treeView(), Qt::Key_F11);
        QVERIFY(win.w.isPresenting());
        QVERIFY(presenter->isChecked());
        QTRY_VERIFY(win.w.isFullScreen());
        QTRY_COMPARE(win.w.size(), Projector);
        QCOMPARE(win.w.zoomLevel(), MainWindow::PresenterZoom);
        QVERIFY(win.w.treeHeader()->isPinned());
        QVERIFY(win.w.editor()->isPointerShown());
        QVERIFY(win.w.detailsPane()->explanationFirst());

        QTest::keyClick(win.w.treeView(), Qt::Key_Escape);
        QVERIFY(!win.w.isPresenting());
        QVERIFY(!presenter->isChecked());
        QTRY_VERIFY(!win.w.isFullScreen());
        QTRY_COMPARE(win.w.geometry(), before);
        QCOMPARE(win.w.zoomLevel(), 1);
        QVERIFY(!win.w.treeHeader()->isPinned());
        QVERIFY(!win.w.editor()->isPointerShown());
        QVERIFY(!win.w.detailsPane()->explanationFirst());
        // Escape is the presenter view's only: outside it, it does nothing to the window.
        QVERIFY(!win.action("leavePresenterAction")->isEnabled());

        // F11 leaves as well; a zoom above the presenter's stays as it is.
        win.w.zoom(MainWindow::PresenterZoom + 2 - win.w.zoomLevel());
        QTest::keyClick(win.w.treeView(), Qt::Key_F11);
        QVERIFY(win.w.isPresenting());
        QCOMPARE(win.w.zoomLevel(), MainWindow::PresenterZoom + 2);
        QTest::keyClick(win.w.treeView(), Qt::Key_F11);
        QVERIFY(!win.w.isPresenting());
        QTRY_VERIFY(!win.w.isFullScreen());
        QCOMPARE(win.w.zoomLevel(), MainWindow::PresenterZoom + 2);
        win.w.zoom(0);
    }

    // The presenter view at zoom 5 on a 1280×720 screen, on the sample with a failing field
    // selected: the five badge columns' headers lie inside the tree's view, every namespace
    // row shows its chips or the "+N" marker, the editor points at the field in signal
    // yellow, and the details explain before they list the failures. In English (light) and
    // Simplified Chinese (dark); the PNGs are kept.
    void projectorScreenshot_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("dark");
        QTest::newRow("en") << QStringLiteral("en") << false;
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << true;
    }
    void projectorScreenshot()
    {
        QFETCH(QString, language);
        QFETCH(bool, dark);
        QTranslator translator; // removed when the test function returns
        if (language != QLatin1String("en")) {
            QVERIFY(translator.load(QStringLiteral(PODSEC_QM_FILE)));
            QCoreApplication::installTranslator(&translator);
            QLocale::setDefault(QLocale(language));
        }
        {
            Window win;
            QVERIFY(win.open(Projector));
            win.w.setDark(dark);
            QVERIFY(win.w.selectKey(QString::fromLatin1(FailingField)));
            win.w.setPresenting(true);
            QTRY_COMPARE(win.w.size(), Projector);
            QCOMPARE(win.w.zoomLevel(), 5);
            QTRY_VERIFY(win.w.treeView()->viewport()->width() > 0);
            QCoreApplication::processEvents();

            QString wrong = badgeColumnsOutOfView(win.w);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
            QVERIFY(!win.w.treeView()->horizontalScrollBar()->isVisible());
            wrong = badgeWordsCut(win.w);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
            wrong = chipsOutOfView(win.w);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));

            // The pointer on the selected field's line, over "runAsUser: 0".
            const auto [start, end] = win.w.editor()->pointerRange();
            QVERIFY(start >= 0 && end > start);
            QTextCursor field(win.w.editor()->document());
            field.setPosition(start);
            field.setPosition(end, QTextCursor::KeepAnchor);
            QVERIFY2(field.selectedText().startsWith(QLatin1String("runAsUser")),
                     qPrintable(field.selectedText()));
            bool filled = false;
            for (const auto &s : win.w.editor()->extraSelections())
                filled = filled ||
                         (s.format.background().color() == CodeEditor::pointerFill(dark) &&
                          s.cursor.selectionStart() == start && s.cursor.selectionEnd() == end);
            QVERIFY(filled);

            // The explanation before "Why it fails".
            const QString details = win.w.detailsPane()->toPlainText();
            const QString why = DetailsPane::tr("Why it fails");
            // The explanation's first line below its title ("Level: restricted · Since: …").
            const QString title =
                DetailsPane::explanation("runAsUser").section(QLatin1Char('\n'), 1, 1).trimmed();
            QVERIFY2(!title.isEmpty() && details.contains(title), qPrintable(title));
            QVERIFY2(details.indexOf(title) < details.indexOf(why), qPrintable(details.left(400)));

            const QString png =
                screenshotPath(QStringLiteral("presenter-zoom5-%1.png").arg(language));
            QVERIFY(win.w.grab().save(png));
            qInfo("wrote %s", qPrintable(png));
        }
    }

    // At a high zoom outside the presenter view the badge columns are pinned too.
    void highZoomPinsTheColumns()
    {
        Window win;
        QVERIFY(win.open(Projector));
        win.w.zoom(MainWindow::PinColumnsZoom + 2);
        QCoreApplication::processEvents();
        QVERIFY(win.w.treeHeader()->isPinned());
        QString wrong = badgeColumnsOutOfView(win.w);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        wrong = chipsOutOfView(win.w);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        win.w.zoom(0);
        QVERIFY(!win.w.treeHeader()->isPinned());
        // Unpinned, the Name column is the person's to resize again.
        QCOMPARE(win.w.treeView()->header()->sectionResizeMode(WorkloadTreeModel::NameColumn),
                 QHeaderView::Interactive);
    }

    // Ctrl+1 hides and shows the editor, Ctrl+2 the tree; the focus leaves a hidden pane.
    void editorAndTreeToOneKey()
    {
        Window win;
        QVERIFY(win.open());
        QAction *editor = win.action("showEditorAction");
        QAction *tree = win.action("showTreeAction");
        QVERIFY(editor && tree);
        QCOMPARE(editor->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
        QCOMPARE(tree->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
        QVERIFY(editor->isChecked() && tree->isChecked());

        win.w.editor()->setFocus();
        QTest::keyClick(win.w.editor(), Qt::Key_1, Qt::ControlModifier);
        QVERIFY(!win.w.editorPane()->isVisible());
        QVERIFY(!editor->isChecked());
        QVERIFY(!win.w.editorPane()->isAncestorOf(QApplication::focusWidget()));
        // The tree takes the editor's room.
        QTRY_VERIFY(win.w.leftTabs()->width() > win.w.width() * 8 / 10);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::ControlModifier);
        QVERIFY(win.w.editorPane()->isVisible());
        QVERIFY(editor->isChecked());

        win.w.treeView()->setFocus();
        QTest::keyClick(win.w.treeView(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(!win.w.leftTabs()->isVisible());
        QVERIFY(!tree->isChecked());
        QVERIFY(win.w.detailsPane()->isVisible()); // the details stay
        QVERIFY(!win.w.leftTabs()->isAncestorOf(QApplication::focusWidget()));
        // F8 still steps through the failing fields, shown in the editor and the details.
        QVERIFY(win.w.jumpToFailingField(true));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(win.w.leftTabs()->isVisible());
        QVERIFY(tree->isChecked());
    }

    // The laser pointer: nothing outside the presenter view; in it, the field's range in
    // signal yellow (clipped to its line), and nothing on a line the document has not.
    void pointerHighlight()
    {
        CodeEditor editor;
        editor.setPlainText(QStringLiteral("spec:\n  runAsUser: 0\n  privileged: true\n"));
        editor.setPointer(2, 3, 200); // a span longer than the line
        QCOMPARE(editor.pointerRange(), qMakePair(-1, -1));
        for (const auto &s : editor.extraSelections())
            QVERIFY(s.format.background().color() != CodeEditor::pointerFill(false));
        editor.setPointerShown(true);
        const int lineStart = editor.document()->findBlockByNumber(1).position();
        QCOMPARE(editor.pointerRange(), qMakePair(lineStart + 2, lineStart + 14));
        int fills = 0;
        for (const auto &s : editor.extraSelections())
            fills += s.format.background().color() == CodeEditor::pointerFill(false);
        QCOMPARE(fills, 1);
        editor.setPointer(99, 1, 1);
        QCOMPARE(editor.pointerRange(), qMakePair(-1, -1));
        editor.setPointer(0, 1, 1);
        QCOMPARE(editor.pointerRange(), qMakePair(-1, -1));
        // High contrast in both palettes: black text on the fill.
        for (const bool dark : {false, true})
            QVERIFY(CodeEditor::pointerFill(dark).lightness() -
                        CodeEditor::pointerText(dark).lightness() >
                    100);
    }

    // The details pane's Markdown: the explanation first when asked, else after the API
    // server's messages.
    void explanationFirst()
    {
        Window win;
        QVERIFY(win.open());
        QVERIFY(win.w.selectKey(QString::fromLatin1(FailingField)));
        const QModelIndex source =
            win.w.filterModel()->mapToSource(win.w.treeView()->currentIndex());
        const QModelIndex row = win.w.badgeModel()->mapToSource(source);
        const QString explanation = DetailsPane::explanation("runAsUser").left(40);
        QVERIFY(!explanation.isEmpty());
        const QString why = QStringLiteral("### ") + DetailsPane::tr("Why it fails");
        const QString server = DetailsPane::tr("What the API server would say");
        const QString normal = DetailsPane::markdownFor(win.w.treeModel(), row);
        QVERIFY(normal.indexOf(explanation) > normal.indexOf(server));
        const QString first =
            DetailsPane::markdownFor(win.w.treeModel(), row, true, 600, nullptr, true);
        QVERIFY(first.indexOf(explanation) >= 0);
        QVERIFY(first.indexOf(explanation) < first.indexOf(why));
        QVERIFY(first.indexOf(why) < first.indexOf(server));
        // A field row: the explanation comes before the table of the checks that read it too.
        const QString table =
            QStringLiteral("| ") + DetailsPane::tr("Check") + QStringLiteral(" |");
        QVERIFY(normal.indexOf(table) >= 0);
        QVERIFY(normal.indexOf(table) < normal.indexOf(explanation));
        QVERIFY2(first.indexOf(explanation) < first.indexOf(table), qPrintable(first.left(400)));
        QCOMPARE(first.count(explanation), 1);
    }
    // A field that fails only under a namespace mode pinned to another version (here enforce at
    // latest, the tree at v1.22, which has no runAsUser check) has no reason at the selected
    // version: no "Why it fails" heading then, with nothing under it; the table and the API
    // server's message say why.
    void noEmptyWhyHeading()
    {
        const std::string text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pinned\n"
                                 "  labels:\n    pod-security.kubernetes.io/enforce: restricted\n"
                                 "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: root\n"
                                 "  namespace: pinned\nspec:\n  securityContext:\n"
                                 "    runAsNonRoot: true\n    seccompProfile:\n"
                                 "      type: RuntimeDefault\n  containers:\n  - name: c\n"
                                 "    image: x\n    securityContext:\n      runAsUser: 0\n"
                                 "      allowPrivilegeEscalation: false\n      capabilities:\n"
                                 "        drop: [ALL]\n";
        SnapshotOptions options;
        options.version = Policy::Version::v1(22);
        WorkloadTreeModel model;
        model.setSnapshot(TestUtil::snapshotOf({{"pinned.yaml", text}}, options));
        std::function<QModelIndex(const QModelIndex &)> find = [&](const QModelIndex &parent) {
            for (int r = 0; r < model.rowCount(parent); ++r) {
                const QModelIndex i = model.index(r, 0, parent);
                if (i.data(WorkloadTreeModel::KeyRole)
                        .toString()
                        .endsWith(QStringLiteral(".runAsUser")))
                    return i;
                if (const QModelIndex below = find(i); below.isValid())
                    return below;
            }
            return QModelIndex();
        };
        const QModelIndex field = find({});
        QVERIFY(field.isValid());
        const QString md = DetailsPane::markdownFor(&model, field);
        // The field's table shows enforce failing it...
        QVERIFY2(md.contains(QStringLiteral("`runAsUser`")), qPrintable(md));
        // ...and no heading stands over an empty list.
        QVERIFY2(!md.contains(DetailsPane::tr("Why it fails")), qPrintable(md));
        // The workload itself still names its reason: it fails enforce, at latest.
        QModelIndex row = field;
        while (row.isValid() && row.data(WorkloadTreeModel::NodeTypeRole).toInt() !=
                                    int(WorkloadTreeModel::NodeType::Workload))
            row = row.parent();
        const QString workload = DetailsPane::markdownFor(&model, row);
        QVERIFY2(workload.contains(DetailsPane::tr("What the API server would say")),
                 qPrintable(workload));
    }
};

QTEST_MAIN(TestPresenter)
#include "tst_presenter.moc"
