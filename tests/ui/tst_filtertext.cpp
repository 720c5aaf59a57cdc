// SPDX-License-Identifier: Apache-2.0
// The filter's texts: what a workload, a field and a checklist finding match, lower-cased, and
// that looking for a word in their pieces finds exactly what looking in the texts would.
#include "uitestutil.h"

#include "models/filtertext.h"
#include "models/workloadfilterproxymodel.h"
#include "models/workloadtreemodel.h"

#include <QTest>

using namespace PodSec;
using namespace PodSec::Ui;

namespace {

std::string pod(const std::string &name, const std::string &runAsUser,
                const std::string &capability = "NET_BIND_SERVICE")
{
    return R"(apiVersion: v1
kind: Pod
metadata:
  name: )" +
           name +
           R"(
  namespace: Demo
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: )" +
           runAsUser + R"(
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    image: app:1
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL], add: [)" +
           capability + R"(]}
)";
}

std::string lower(std::string text)
{
    for (char &ch : text)
        ch = ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch;
    return text;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

/// Words to look for in a text: each of its pieces (split at spaces), their first and last
/// three characters, and some the text may not hold.
std::vector<std::string> candidateWords(const std::string &text)
{
    std::vector<std::string> words = {"runasuser", "0",   "]",       "restricted", "no-such-word",
                                      "true",      "\"s", "warning", "pod"};
    for (const auto &piece : QString::fromStdString(text).split(QLatin1Char(' '))) {
        const std::string p = piece.toStdString();
        if (p.empty())
            continue;
        words.push_back(p);
        words.push_back(p.substr(0, 3));
        if (p.size() > 3)
            words.push_back(p.substr(p.size() - 3));
    }
    return words;
}

/// The first field whose path starts with path.
const FieldEntry *findField(const WorkloadEntry &w, const std::string &path, int *container)
{
    for (std::size_t f = 0; f < w.podFields.size(); ++f) {
        if (w.podFields[f].path().rfind(path, 0) == 0) {
            *container = -1;
            return &w.podFields[f];
        }
    }
    for (std::size_t c = 0; c < w.id().containers.size(); ++c) {
        for (const auto &f : w.fieldsOf(c)) {
            if (f.path().rfind(path, 0) == 0) {
                *container = int(c);
                return &f;
            }
        }
    }
    return nullptr;
}

QStringList filtered(const std::shared_ptr<const WorkspaceSnapshot> &snapshot, const QString &text)
{
    WorkloadTreeModel model;
    WorkloadFilterProxyModel filter;
    filter.setSourceModel(&model);
    model.setSnapshot(snapshot);
    filter.setText(text);
    return TestUtil::workloadNames(filter);
}

} // namespace

class TestFilterText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A workload's text: kind, name, namespace, then its failing reasons and details.
    void workloadTextHasReasons()
    {
        const auto snapshot = TestUtil::snapshotOf({{"pod.yaml", pod("Root-User", "0")}});
        QVERIFY(snapshot);
        QCOMPARE(snapshot->workloads.size(), std::size_t(1));
        const std::string text = workloadText(snapshot->workloads[0], "pod.yaml");
        QVERIFY2(text.rfind("pod root-user demo ", 0) == 0, text.c_str());
        const auto &w = snapshot->workloads[0];
        int failing = 0;
        for (const auto &r : w.restricted.results) {
            if (r.allowed)
                continue;
            ++failing;
            QVERIFY2(contains(text, ' ' + lower(r.reason) + ' ' + lower(r.detail)), text.c_str());
        }
        QVERIFY(failing > 0);
        QCOMPARE(lower(text), text);

        // Nothing fails: only kind, name, namespace and the file's path (a file name finds
        // what it holds).
        const auto passing = TestUtil::snapshotOf({{"dir/Pod.yaml", pod("Fine", "1000")}});
        QCOMPARE(workloadText(passing->workloads[0], passing->files[0].path),
                 std::string("pod fine demo dir/pod.yaml"));
    }

    // containsLowered against lower-casing the text and searching it, on the edges: the
    // word at either end, the whole text, a first letter in either case, overlapping starts,
    // a first character that is no letter, a word longer than the text.
    void containsLoweredIsFindInTheLoweredText()
    {
        const std::vector<std::string> texts = {"",       "a",         "A",         "aaab",
                                                "AaAb",   "xCheckout", "check-OUT", "[0]",
                                                "abcABC", "é-Ab",      "ab ab aB",  "B"};
        const std::vector<std::string> words = {"a",    "ab",   "aab",   "b",   "checkout",
                                                "out",  "[0]",  "0]",    "abc", "ca",
                                                "é-ab", "b ab", "aaaab", "-"};
        int found = 0;
        for (const auto &text : texts) {
            for (const auto &word : words) {
                const bool expected = contains(lower(text), word);
                QVERIFY2(containsLowered(text, word) == expected, (text + " / " + word).c_str());
                found += expected;
            }
            QVERIFY(containsLowered(text, ""));
        }
        QVERIFY(found > 10);
    }

    // A field's text: path, value, the IDs of its checks and the reasons of those failing.
    void fieldTextHasValueChecksAndReasons()
    {
        const auto snapshot = TestUtil::snapshotOf({{"pod.yaml", pod("root-user", "0")}});
        const auto &w = snapshot->workloads[0];
        int container = 0;
        const FieldEntry *user = findField(w, "spec.securityContext.runAsUser", &container);
        QVERIFY(user);
        QCOMPARE(container, -1);
        const std::string text = fieldText(w, *user);
        QVERIFY2(text.rfind("spec.securitycontext.runasuser 0 ", 0) == 0, text.c_str());
        QVERIFY(!user->checks().empty());
        bool failed = false;
        for (const auto &c : user->checks()) {
            QVERIFY2(contains(text, ' ' + lower(std::string(c.checkId))), text.c_str());
            if (c.allowed)
                continue;
            failed = true;
            for (const auto &r : w.restricted.results) {
                if (r.id == c.checkId && !r.allowed)
                    QVERIFY2(contains(text, ' ' + lower(r.reason)), text.c_str());
            }
        }
        QVERIFY(failed);

        // A container's field, by its value.
        const FieldEntry *add =
            findField(w, "spec.containers[0].securityContext.capabilities.add", &container);
        QVERIFY(add);
        QCOMPARE(container, 0);
        const std::string addText = fieldText(w, *add);
        QVERIFY2(contains(addText, "net_bind_service"), addText.c_str());
        QCOMPARE(lower(addText), addText);
    }

    // A field's text is not kept; the filter looks for a word in its pieces. Over every field
    // of the sample, at two versions: a word is found in the pieces exactly when the text
    // holds it; without reasons, only where the workload's own text holds it; and fields
    // whose pieces are the same have the same text.
    void fieldMatchesAgreesWithItsText()
    {
        SnapshotOptions older;
        older.version = Policy::Version::v1(22);
        const auto files = TestUtil::readFiles(TestUtil::sampleDir());
        const auto latest = TestUtil::snapshotOf(files);
        const auto old = TestUtil::snapshotOf(files, older);
        int words = 0, found = 0, byReasonOnly = 0, same = 0;
        for (const auto &snapshot : {latest, old}) {
            for (const auto &w : snapshot->workloads) {
                const std::string ownText =
                    workloadText(w, snapshot->files[std::size_t(w.file)].path);
                std::vector<const FieldEntry *> fields;
                for (const auto &f : w.podFields)
                    fields.push_back(&f);
                for (const auto &c : w.id().containers) {
                    for (const auto &f : w.fieldsOf(c))
                        fields.push_back(&f);
                }
                for (const auto *f : fields) {
                    const std::string text = fieldText(w, *f);
                    QCOMPARE(lower(text), text);
                    for (const auto &word : candidateWords(text)) {
                        const bool inText = contains(text, word);
                        QVERIFY2(fieldMatches(w, *f, word) == inText,
                                 (text + " / " + word).c_str());
                        const bool withoutReasons = fieldMatches(w, *f, word, false);
                        QVERIFY(!withoutReasons || inText);
                        if (inText && !withoutReasons) {
                            QVERIFY2(contains(ownText, word), (text + " / " + word).c_str());
                            ++byReasonOnly;
                        }
                        ++words;
                        found += inText;
                    }
                    for (const auto *g : fields) {
                        if (sameFieldText(w, *f, w, *g)) {
                            QCOMPARE(fieldText(w, *g), text);
                            ++same;
                        }
                    }
                }
            }
        }
        QVERIFY(words > 1000);
        QVERIFY(found > 500 && found < words);
        QVERIFY(byReasonOnly > 0);
        QVERIFY(same > 0);
        // The same field in two snapshots of the same files.
        const auto again = TestUtil::snapshotOf(files);
        const auto &a = latest->workloads.front(), &b = again->workloads.front();
        QVERIFY(!a.podFields.empty());
        QVERIFY(sameFieldText(a, a.podFields.front(), b, b.podFields.front()));
    }

    // A workload's checklist finding: rule ID, reason, detail and severity; each of its
    // fields: path and value.
    void findingTextHasRuleReasonAndFields()
    {
        SnapshotOptions options;
        options.checklist = true;
        const auto snapshot =
            TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()), options);
        int findings = 0, fields = 0;
        for (const auto &workload : snapshot->workloads) {
            for (const auto &f : workload.id().checklist) {
                QVERIFY(f.rule);
                QCOMPARE(findingText(f),
                         lower(std::string(f.rule->id) + ' ' + f.reason + ' ' + f.detail + ' ' +
                               Engine::severityName(f.severity())));
                for (const auto &field : f.fields) {
                    QCOMPARE(findingFieldText(field), lower(field.path + ' ' + field.value));
                    ++fields;
                }
                ++findings;
            }
        }
        QVERIFY(findings > 5);
        QVERIFY(fields > 0);
    }

    // The texts are not kept; the filter looks for a word in their pieces. Over every
    // workload and checklist finding of the sample, at two versions: a word is found in the
    // pieces exactly when the text holds it, and pieces called the same make the same text.
    void matchesAgreeWithTheTexts()
    {
        const auto files = TestUtil::readFiles(TestUtil::sampleDir());
        SnapshotOptions latest, older;
        latest.checklist = older.checklist = true;
        older.version = Policy::Version::v1(22);
        const auto a = TestUtil::snapshotOf(files, latest);
        const auto b = TestUtil::snapshotOf(files, older);
        int words = 0, found = 0, same = 0, differ = 0;
        // The first word matches gets wrong, as "text / word"; empty when none.
        const auto check = [&](const std::string &text, auto &&matches) {
            if (lower(text) != text)
                return text + " (not lower-case)";
            for (const auto &word : candidateWords(text)) {
                const bool inText = contains(text, word);
                if (matches(word) != inText)
                    return text + " / " + word;
                ++words;
                found += inText;
            }
            return std::string();
        };
        for (const auto &snapshot : {a, b}) {
            for (const auto &w : snapshot->workloads) {
                const std::string path = snapshot->files[std::size_t(w.file)].path;
                const std::string wrong =
                    check(workloadText(w, path),
                          [&](const std::string &word) { return workloadMatches(w, path, word); });
                QVERIFY2(wrong.empty(), wrong.c_str());
                for (const auto &f : w.id().checklist) {
                    const std::string failed = check(findingText(f), [&](const std::string &word) {
                        return findingMatches(f, word);
                    });
                    QVERIFY2(failed.empty(), failed.c_str());
                    for (const auto &field : f.fields) {
                        const std::string off =
                            check(findingFieldText(field), [&](const std::string &word) {
                                return findingFieldMatches(field, word);
                            });
                        QVERIFY2(off.empty(), off.c_str());
                    }
                }
            }
        }
        // The same workloads at two versions: the same text exactly when said so.
        QCOMPARE(a->workloads.size(), b->workloads.size());
        for (std::size_t i = 0; i < a->workloads.size(); ++i) {
            const auto &x = a->workloads[i], &y = b->workloads[i];
            const std::string &px = a->files[std::size_t(x.file)].path;
            const std::string &py = b->files[std::size_t(y.file)].path;
            const bool equal = workloadText(x, px) == workloadText(y, py);
            QCOMPARE(sameWorkloadText(x, px, y, py), equal);
            QVERIFY(!sameWorkloadText(x, px, y, py + "x"));
            ++(equal ? same : differ);
            const auto &fx = x.id().checklist;
            for (std::size_t k = 0; k < fx.size(); ++k) {
                QVERIFY(sameFindingText(fx[k], fx[k]));
                if (k > 0)
                    QCOMPARE(sameFindingText(fx[k], fx[k - 1]),
                             findingText(fx[k]) == findingText(fx[k - 1]));
            }
        }
        QVERIFY(words > 1000);
        QVERIFY(found > 500 && found < words);
        QVERIFY(same > 0);
        QVERIFY(differ > 0); // some reasons differ between v1.22 and the latest
    }

    // The tree's filter: any case of a reason, a value or a name matches.
    void filterMatchesCaseInsensitively()
    {
        const auto snapshot = TestUtil::snapshotOf(
            {{"a.yaml", pod("root-user", "0")}, {"b.yaml", pod("sys-admin", "1000", "SYS_ADMIN")}});
        const QStringList both = {QStringLiteral("Pod root-user"), QStringLiteral("Pod sys-admin")};
        QCOMPARE(filtered(snapshot, QString()), both);
        QString reason;
        for (const auto &r : snapshot->workloads[0].restricted.results) {
            if (!r.allowed)
                reason = QString::fromStdString(r.reason);
        }
        QVERIFY(!reason.isEmpty());
        QCOMPARE(filtered(snapshot, reason.toUpper()),
                 QStringList{QStringLiteral("Pod root-user")});
        QCOMPARE(filtered(snapshot, QStringLiteral("sys_admin")),
                 QStringList{QStringLiteral("Pod sys-admin")});
        QCOMPARE(filtered(snapshot, QStringLiteral("Sys_Admin")),
                 QStringList{QStringLiteral("Pod sys-admin")});
        QCOMPARE(filtered(snapshot, QStringLiteral("ROOT-USER")),
                 QStringList{QStringLiteral("Pod root-user")});
        QCOMPARE(filtered(snapshot, QStringLiteral("demo")), both); // the namespace's name
        QCOMPARE(filtered(snapshot, QStringLiteral("B.yaml")),      // a file's name
                 QStringList{QStringLiteral("Pod sys-admin")});
        QCOMPARE(filtered(snapshot, QStringLiteral("no-such-text")), QStringList());
    }

    // The tree remembers whether the last workload it searched holds a word (its field rows
    // ask again and again); an update in place that changes the workload's text forgets it.
    void filterFollowsAnUpdateInPlace()
    {
        WorkloadTreeModel model;
        WorkloadFilterProxyModel filter;
        filter.setSourceModel(&model);
        // One workload: the last one searched before an update is the first one after.
        model.setSnapshot(TestUtil::snapshotOf({{"a.yaml", pod("root-user", "0")}}));
        filter.setText(QStringLiteral("must")); // only in the failing checks' details
        QCOMPARE(TestUtil::workloadNames(filter), QStringList{QStringLiteral("Pod root-user")});
        // Fixed: the same rows, updated in place; nothing holds "must" any more.
        const QModelIndex before = model.index(0, 0, model.index(0, 0));
        model.setSnapshot(TestUtil::snapshotOf({{"a.yaml", pod("root-user", "1000")}}));
        QCOMPARE(model.index(0, 0, model.index(0, 0)).internalId(), before.internalId());
        filter.refilter();
        QCOMPARE(TestUtil::workloadNames(filter), QStringList());
        // Broken again: found again.
        model.setSnapshot(TestUtil::snapshotOf({{"a.yaml", pod("root-user", "0")}}));
        filter.refilter();
        QCOMPARE(TestUtil::workloadNames(filter), QStringList{QStringLiteral("Pod root-user")});
        // Two words, one of them only in a field row: the workload's field rows that hold
        // it, and the workload, stay.
        filter.setText(QStringLiteral("root-user runasuser"));
        QCOMPARE(TestUtil::workloadNames(filter), QStringList{QStringLiteral("Pod root-user")});
        filter.setText(QStringLiteral("root-user nowhere"));
        QCOMPARE(TestUtil::workloadNames(filter), QStringList());
    }

    // A workload's checklist findings match in the tree too: by any case of a rule ID, a
    // severity, or a finding field's value; a word nothing holds shows nothing.
    void filterFindsChecklistFindings()
    {
        SnapshotOptions options;
        options.checklist = true;
        const auto snapshot =
            TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()), options);
        WorkloadTreeModel model;
        WorkloadFilterProxyModel filter;
        filter.setSourceModel(&model);
        model.setSnapshot(snapshot);
        const QStringList all = TestUtil::workloadNames(filter);
        const Engine::Finding *finding = nullptr;
        const WorkloadEntry *owner = nullptr;
        for (const auto &w : snapshot->workloads) {
            for (const auto &f : w.id().checklist) {
                if (!finding && !f.fields.empty() && f.fields.front().value.size() > 3) {
                    finding = &f;
                    owner = &w;
                }
            }
        }
        QVERIFY(finding && owner);
        const QString ownerRow = QString::fromStdString(owner->id().kind + ' ' + owner->id().name);
        for (const std::string &piece : {std::string(finding->rule->id),
                                         std::string(Engine::severityName(finding->severity())),
                                         finding->fields.front().value}) {
            filter.setText(QString::fromStdString(piece).toUpper());
            QVERIFY2(TestUtil::workloadNames(filter).contains(ownerRow), piece.c_str());
        }
        filter.setText(QString::fromStdString(std::string(finding->rule->id)));
        QVERIFY(TestUtil::workloadNames(filter).size() < all.size());
        filter.setText(QStringLiteral("no-such-text-anywhere"));
        QCOMPARE(TestUtil::workloadNames(filter), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestFilterText)
#include "tst_filtertext.moc"
