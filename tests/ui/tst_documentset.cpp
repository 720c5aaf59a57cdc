// SPDX-License-Identifier: Apache-2.0
// The window's document store without the window: documents are made from the
// workspace's bytes, edits mark them dirty and reach the workspace, saving is atomic and
// keeps CRLF line ends and the byte-order mark; a fix is applied as one undo step.
#include "editor/documentset.h"
#include "models/workspace.h"
#include "views/fixcontroller.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

using namespace PodSec::Ui;

namespace {

const QByteArray Bom = "\xEF\xBB\xBF";
const QByteArray PodCrlf = "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n"
                           "spec:\r\n  containers:\r\n  - name: c\r\n    image: x\r\n";

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDocumentSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("pod.yaml"));
        QVERIFY(writeBytes(m_path, Bom + PodCrlf));
    }

    void documentsAreMadeOnDemand()
    {
        Workspace workspace;
        workspace.open({m_path});
        DocumentSet documents(&workspace);
        QCOMPARE(documents.document(0), nullptr); // no slots yet
        documents.growToWorkspace();
        QCOMPARE(documents.existingDocument(0), nullptr);
        QTextDocument *doc = documents.document(0);
        QVERIFY(doc);
        QCOMPARE(documents.existingDocument(0), doc);
        QCOMPARE(documents.document(0), doc);
        // The editor sees neither the BOM nor the CRs; the fix planner gets the CRs back.
        QVERIFY(doc->toPlainText().startsWith(QLatin1String("apiVersion: v1\nkind: Pod\n")));
        QCOMPARE(documents.textWithLineEnds(0), QString::fromUtf8(PodCrlf));
        QCOMPARE(documents.dirtyCount(), 0);
        QVERIFY(!documents.isLarge(0));
    }

    void editMarksDirtyAndSavesWithCrlfAndBom()
    {
        Workspace workspace;
        workspace.open({m_path});
        DocumentSet documents(&workspace);
        documents.growToWorkspace();
        QSignalSpy edited(&documents, &DocumentSet::edited);
        QTextDocument *doc = documents.document(0);
        QTextCursor c(doc->findBlockByNumber(3));
        c.movePosition(QTextCursor::EndOfBlock);
        c.insertText(QStringLiteral("2"));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.first().first().toInt(), 0);
        QVERIFY(documents.isDirty(0));
        QCOMPARE(documents.dirtyFiles(), std::vector<int>{0});
        // The edit reaches the workspace once typing pauses.
        QTRY_VERIFY_WITH_TIMEOUT(workspace.fileText(0).contains("name: p2"), 5000);

        QString error;
        QVERIFY(documents.save(0, &error));
        QVERIFY(!documents.isDirty(0));
        QVERIFY(!doc->isModified());
        QByteArray expected = Bom + PodCrlf;
        expected.replace("name: p\r\n", "name: p2\r\n");
        QCOMPARE(readBytes(m_path), expected);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("pod.yaml")});
    }

    void failedWriteKeepsFileAndDirt()
    {
        Workspace workspace;
        workspace.open({m_path});
        DocumentSet documents(&workspace);
        documents.growToWorkspace();
        QTextCursor(documents.document(0)).insertText(QStringLiteral("# edited\n"));
        QString error;
        QVERIFY(!documents.write(0, m_dir.filePath(QStringLiteral("missing/pod.yaml")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(documents.isDirty(0));
        QCOMPARE(readBytes(m_path), Bom + PodCrlf);
        // Nothing made yet: nothing to write, which is no failure.
        QVERIFY(documents.write(1, m_dir.filePath(QStringLiteral("other.yaml")), &error));
    }

    void reloadIsNoEdit()
    {
        Workspace workspace;
        workspace.open({m_path});
        DocumentSet documents(&workspace);
        documents.growToWorkspace();
        QSignalSpy edited(&documents, &DocumentSet::edited);
        documents.document(0);
        documents.reloadText(0, QStringLiteral("kind: Pod\n"));
        QCOMPARE(documents.existingDocument(0)->toPlainText(), QStringLiteral("kind: Pod\n"));
        QCOMPARE(edited.count(), 0);
        QVERIFY(!documents.isDirty(0));
    }

    void paletteChangeIsNoEdit()
    {
        // View → Dark Palette recolours every open document: no edit, nothing to save.
        Workspace workspace;
        workspace.open({m_path});
        DocumentSet documents(&workspace);
        documents.growToWorkspace();
        QSignalSpy edited(&documents, &DocumentSet::edited);
        QTextDocument *doc = documents.document(0);
        QTRY_VERIFY(!doc->firstBlock().layout()->formats().isEmpty()); // highlighted
        documents.setDark(true);
        QTRY_VERIFY(!doc->firstBlock().layout()->formats().isEmpty());
        documents.setDark(false);
        QTRY_VERIFY(!doc->firstBlock().layout()->formats().isEmpty());
        QCOMPARE(edited.count(), 0);
        QVERIFY(!documents.isDirty(0));
    }

    void clearForgetsDocuments()
    {
        Workspace workspace;
        workspace.open({m_path});
        DocumentSet documents(&workspace);
        documents.growToWorkspace();
        QPointer<QTextDocument> doc = documents.document(0);
        documents.clear();
        QVERIFY(doc.isNull());
        QCOMPARE(documents.document(0), nullptr);
    }

    void fixIsOneUndoStep()
    {
        QTextDocument doc;
        const QString before = QStringLiteral("a: 1\nb: 2\nc: 3\n");
        doc.setPlainText(before);
        FixController::replaceText(&doc, QStringLiteral("a: 1\r\nb: 20\r\nd: 4\r\nc: 3\r\n"));
        QCOMPARE(doc.toPlainText(), QStringLiteral("a: 1\nb: 20\nd: 4\nc: 3\n"));
        doc.undo();
        QCOMPARE(doc.toPlainText(), before);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestDocumentSet)
#include "tst_documentset.moc"
