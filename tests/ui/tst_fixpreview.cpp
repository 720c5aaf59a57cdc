// SPDX-License-Identifier: Apache-2.0
// The fix preview undersells no risk: what a fix may break is shown in full below it, a
// workload that cannot reach restricted without a person does not get its risky fixes
// ticked silently and is offered "keep it at a lower level in a namespace of its own" and
// "exempt it" with the commands, the admission configuration and the what-if.
#include "podtestutil.h"

#include "views/fixpreviewdialog.h"

#include <QApplication>
#include <QFontMetrics>
#include <QTest>
#include <QTreeWidget>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

const Policy::LevelVersion Restricted{Policy::Level::Restricted, Policy::Version::latest()};

FixTarget target(std::string text)
{
    FixTarget t;
    t.file = 0;
    t.name = QStringLiteral("w.yaml");
    t.text = std::move(text);
    return t;
}

QTreeWidgetItem *rowStartingWith(QTreeWidget *list, const QString &prefix)
{
    for (QTreeWidgetItemIterator it(list); *it; ++it) {
        if ((*it)->text(0).startsWith(prefix))
            return *it;
    }
    return nullptr;
}

const char *const LogCollector =
    "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: log-collector\n"
    "  namespace: logging\nspec:\n  template:\n    spec:\n      containers:\n"
    "      - name: collector\n        image: fluent/fluent-bit:3.0\n        volumeMounts:\n"
    "        - {name: varlog, mountPath: /var/log, readOnly: true}\n      volumes:\n"
    "      - name: varlog\n        hostPath: {path: /var/log}\n";

const char *const RootDb =
    "apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop}\nspec:\n"
    "  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n"
    "  containers:\n  - name: db\n    image: postgres:16\n    securityContext:\n"
    "      runAsUser: 0  # the entrypoint wants root\n      allowPrivilegeEscalation: false\n"
    "      capabilities: {drop: [ALL]}\n";

} // namespace

class TestFixPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The "may not start" consequence sits below its fix, whole: the row is as tall as the
    // wrapped text needs (nothing elided mid-line), at the dialog's size and zoomed in.
    void consequenceShownInFull_data()
    {
        QTest::addColumn<qreal>("pointSize");
        QTest::newRow("default font") << 0.0;
        QTest::newRow("zoomed") << 16.0;
    }
    void consequenceShownInFull()
    {
        QFETCH(qreal, pointSize);
        const QFont before = QApplication::font();
        if (pointSize > 0) {
            QFont f = before;
            f.setPointSizeF(pointSize);
            QApplication::setFont(f);
        }
        {
            FixPreviewDialog dialog({target(RootDb)}, Restricted);
            dialog.resize(640, 600);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTreeWidget *list = dialog.list();
            QTreeWidgetItem *fix = rowStartingWith(list, QStringLiteral("Remove runAsUser: 0"));
            QVERIFY(fix);
            QCOMPARE(fix->checkState(0), Qt::Checked); // it can reach restricted: ticked
            QVERIFY(fix->childCount() == 1);
            QTreeWidgetItem *note = fix->child(0);
            QVERIFY2(note->text(0).contains(QLatin1String("may not start")),
                     qPrintable(note->text(0)));
            QVERIFY(!(note->flags() & Qt::ItemIsUserCheckable));
            QVERIFY(list->wordWrap());
            QCOMPARE(list->textElideMode(), Qt::ElideNone);
            const QFontMetrics fm(list->font());
            for (QTreeWidgetItem *item : {fix, note}) {
                const QRect rect = list->visualItemRect(item);
                QVERIFY(rect.right() <= list->viewport()->width()); // no sideways scrolling
                // Text width left beside the icon and the check box: generous on purpose.
                const int textWidth = rect.width() - 2 * list->iconSize().width() - 16;
                const int needed =
                    fm.boundingRect(QRect(0, 0, textWidth, 100000), Qt::TextWordWrap, item->text(0))
                        .height();
                QVERIFY2(rect.height() >= needed, qPrintable(QStringLiteral("%1: %2 < %3")
                                                                 .arg(item->text(0))
                                                                 .arg(rect.height())
                                                                 .arg(needed)));
            }
        }
        QApplication::setFont(before);
    }

    // A log collector with a hostPath /var/log cannot reach restricted without a person:
    // runAsNonRoot and drop ALL are not ticked for it (the rows say why and what they may
    // break), and it is offered its own namespace at the level it meets, or an exemption.
    void workloadThatNeedsAPerson()
    {
        FixPreviewDialog dialog({target(LogCollector)}, Restricted);
        QTreeWidget *list = dialog.list();
        QTreeWidgetItem *nonRoot = rowStartingWith(list, QStringLiteral("Set runAsNonRoot"));
        QTreeWidgetItem *dropAll = rowStartingWith(list, QStringLiteral("Drop ALL"));
        QVERIFY(nonRoot && dropAll);
        for (QTreeWidgetItem *risky : {nonRoot, dropAll}) {
            QCOMPARE(risky->checkState(0), Qt::Unchecked);
            QVERIFY(risky->childCount() == 1);
            const QString note = risky->child(0)->text(0);
            QVERIFY2(
                note.startsWith(QLatin1String("Not ticked: DaemonSet logging/log-collector")) &&
                    note.contains(QLatin1String("may not start")),
                qPrintable(note));
        }
        // The unticked risky fixes are not in the diff.
        QVERIFY(!dialog.diffText().contains(QLatin1String("runAsNonRoot")));
        QVERIFY(rowStartingWith(list, QStringLiteral("Replace the hostPath source")));
        QTreeWidgetItem *own = rowStartingWith(list, QStringLiteral("Or keep it at privileged"));
        QTreeWidgetItem *exempt = rowStartingWith(list, QStringLiteral("Or exempt it"));
        QVERIFY(own && exempt);
        QCOMPARE(dialog.alternativeShown(), QString());
        list->setCurrentItem(own);
        const QString ownText = dialog.alternativeShown();
        QVERIFY2(
            ownText.contains(QLatin1String("kubectl create namespace log-collector-privileged")) &&
                ownText.contains(QLatin1String("pod-security.kubernetes.io/enforce=privileged")) &&
                ownText.contains(QLatin1String("namespace/log-collector-privileged labeled")),
            qPrintable(ownText));
        list->setCurrentItem(exempt);
        const QString exemptText = dialog.alternativeShown();
        QVERIFY2(exemptText.contains(QLatin1String("kind: AdmissionConfiguration")) &&
                     exemptText.contains(QLatin1String("namespaces: [\"log-collector-exempt\"]")) &&
                     exemptText.contains(QLatin1String(
                         "Warning: namespace \"log-collector-exempt\" is exempt from Pod "
                         "Security, and the policy (enforce=restricted:latest) will be ignored")),
                 qPrintable(exemptText));
        // Ticking a risky fix by hand still works, and so does the emptyDir choice with it.
        nonRoot->setCheckState(0, Qt::Checked);
        rowStartingWith(list, QStringLiteral("Replace the hostPath source"))
            ->setCheckState(0, Qt::Checked);
        QVERIFY(dialog.diffText().contains(QLatin1String("+          runAsNonRoot: true")) ||
                dialog.diffText().contains(QLatin1String("runAsNonRoot: true")));
        QVERIFY2(dialog.diffText().contains(QLatin1String("emptyDir")),
                 qPrintable(dialog.diffText()));
    }
};

QTEST_MAIN(TestFixPreview)
#include "tst_fixpreview.moc"
