// SPDX-License-Identifier: Apache-2.0
// The namespace what-if dialog: it starts from the labels as written (an invalid value is
// kept and said to be invalid, never proposed for deletion), offers no command when nothing
// changes, and lists every pod behind "(and N other pods)".
#include "podtestutil.h"
#include "uitestutil.h"

#include "views/whatifdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QTest>
#include <QTreeWidget>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {} // namespace

class TestWhatIfDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The sample's batch namespace says enforce: restrictd. The dialog shows that value,
    // says it is invalid and what the API server does with it, and proposes nothing.
    void invalidLabelKeptAsWritten()
    {
        WhatIfDialog::Input input;
        input.ns = "batch";
        input.currentLabels = {{"pod-security.kubernetes.io/enforce", "restrictd"}};
        input.texts = TestUtil::sampleTexts();
        input.defaultNamespace = "default";
        WhatIfDialog dialog(input);
        auto *level = dialog.findChildren<QComboBox *>().value(0);
        QVERIFY(level);
        QCOMPARE(level->currentData().toString(), QStringLiteral("restrictd"));
        QVERIFY2(level->currentText().contains(QLatin1String("invalid")),
                 qPrintable(level->currentText()));
        auto *notice = dialog.findChild<QLabel *>(QStringLiteral("invalidLabels"));
        QVERIFY(notice);
        QVERIFY2(notice->text().contains(QLatin1String("must be one of privileged, baseline, "
                                                       "restricted")) &&
                     notice->text().contains(QLatin1String("restricted:latest")),
                 qPrintable(notice->text()));
        QCOMPARE(dialog.command(), QString());
        QCOMPARE(dialog.patch(), QString());
        QVERIFY2(dialog.answer().startsWith(QLatin1String("Nothing to change")),
                 qPrintable(dialog.answer()));
        // Fixing the typo is a change; the command sets the label, deletes nothing.
        dialog.propose(0, QStringLiteral("restricted"), QString());
        QCOMPARE(dialog.command(), QStringLiteral("kubectl label --overwrite namespace batch "
                                                  "pod-security.kubernetes.io/enforce=restricted"));
        QVERIFY(!dialog.patch().contains(QLatin1String("null")));
    }

    // A namespace without labels, nothing picked: no `kubectl label` without a label.
    void noChangeNoCommand()
    {
        WhatIfDialog::Input input;
        input.ns = "team-08";
        WhatIfDialog dialog(input);
        QCOMPARE(dialog.command(), QString());
        QCOMPARE(dialog.patch(), QString());
        QVERIFY2(dialog.answer().startsWith(QLatin1String("Nothing to change")),
                 qPrintable(dialog.answer()));
    }

    // 40 pods fail restricted alike: the warning says "(and 39 other pods)" and the pod
    // list under it names all 40.
    void everyPodCanBeListed()
    {
        std::string text;
        for (int i = 0; i < 40; ++i)
            text += "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web-" +
                    std::to_string(100 + i) +
                    "\n  namespace: team-08\nspec:\n  containers:\n  - name: a\n    image: x\n";
        WhatIfDialog::Input input;
        input.ns = "team-08";
        input.texts = {text};
        WhatIfDialog dialog(input);
        dialog.propose(0, QStringLiteral("restricted"), QString());
        QVERIFY2(dialog.answer().contains(QLatin1String("web-100 (and 39 other pods): ")),
                 qPrintable(dialog.answer()));
        QTreeWidget *pods = dialog.podTree();
        QVERIFY(pods);
        QVERIFY(!pods->isHidden());
        QCOMPARE(pods->topLevelItemCount(), 1);
        QTreeWidgetItem *group = pods->topLevelItem(0);
        QVERIFY(group->text(0).startsWith(QLatin1String("web-100 (and 39 other pods)")));
        QCOMPARE(group->childCount(), 40);
        QCOMPARE(group->child(39)->text(0), QStringLiteral("web-139"));
    }
};

QTEST_MAIN(TestWhatIfDialog)
#include "tst_whatifdialog.moc"
