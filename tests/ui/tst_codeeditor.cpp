// SPDX-License-Identifier: Apache-2.0
// The YAML editor: switching documents drops the previous document's underlines before
// QPlainTextEdit swaps them (their cursors point into the old document; refreshing them
// against the new one crashed the window, issue #12), and underlines follow the findings.
#include "editor/codeeditor.h"

#include <QPlainTextDocumentLayout>
#include <QTest>
#include <QTextDocument>

using namespace PodSec::Ui;

namespace {

void fill(QTextDocument &doc, int lines)
{
    doc.setDocumentLayout(new QPlainTextDocumentLayout(&doc));
    QString text;
    for (int i = 1; i <= lines; ++i)
        text += QStringLiteral("key%1: value\n").arg(i);
    doc.setPlainText(text);
}

QVector<EditorFinding> findingsOn(int from, int to)
{
    QVector<EditorFinding> out;
    for (int line = from; line <= to; ++line)
        out.append({line, 1, 5, true, false, QStringLiteral("bad")});
    return out;
}

} // namespace

class TestCodeEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void switchingDocumentsDropsTheOldUnderlines()
    {
        CodeEditor editor;
        editor.resize(600, 400);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTextDocument big, small;
        fill(big, 3000);
        fill(small, 3);
        for (int round = 0; round < 20; ++round) {
            editor.showDocument(&big);
            editor.setFindings(findingsOn(2000, 2999));
            editor.goToLine(2500);
            QVERIFY(editor.extraSelections().size() > 100);
            editor.showDocument(&small, round % 2 ? 10 : 0);
            QVERIFY(editor.findings().isEmpty());
            QCOMPARE(editor.extraSelections().size(), 1); // the current line only
            QCOMPARE(editor.extraSelections().front().cursor.document(), &small);
            QCOMPARE(editor.lineOffset(), round % 2 ? 10 : 0);
            editor.setFindings(findingsOn(1, 3));
            QCOMPARE(editor.extraSelections().size(), round % 2 ? 1 : 4);
        }
        editor.showDocument(nullptr);
        QVERIFY(editor.document());
        QCOMPARE(editor.extraSelections().size(), 1);
    }
};

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
