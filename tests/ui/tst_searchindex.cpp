// SPDX-License-Identifier: Apache-2.0
// The filter's search index: what a workload and a field match, lower-cased, and texts shared
// with the index of an earlier snapshot for the workloads that did not change.
#include "uitestutil.h"

#include "models/searchindex.h"
#include "models/viewsnapshot.h"
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

/// Every text of an index, one line per workload and field, for comparisons.
QStringList dump(const WorkspaceSnapshot &s, const SearchIndex &index)
{
    QStringList lines;
    for (std::size_t w = 0; w < s.workloads.size(); ++w) {
        const auto &workload = s.workloads[w];
        lines << QString::fromStdString(std::string(index.workloadText(int(w))));
        for (const auto &f : workload.podFields)
            lines << QStringLiteral("  ") + QString::fromStdString(fieldText(workload, f));
        for (const auto &c : workload.id().containers) {
            for (const auto &f : workload.fieldsOf(c))
                lines << QStringLiteral("    ") + QString::fromStdString(fieldText(workload, f));
        }
        for (std::size_t k = 0; k < workload.id().checklist.size(); ++k) {
            for (int f = -1; f < int(workload.id().checklist[k].fields.size()); ++f)
                lines << QStringLiteral("  k ") + QString::fromStdString(std::string(
                                                      index.findingText(int(w), int(k), f)));
        }
    }
    return lines;
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

class TestSearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A workload's text: kind, name, namespace, then its failing reasons and details.
    void workloadTextHasReasons()
    {
        const auto snapshot = TestUtil::snapshotOf({{"pod.yaml", pod("Root-User", "0")}});
        QVERIFY(snapshot);
        const auto index = SearchIndex::build(*snapshot);
        QCOMPARE(index->workloadCount(), std::size_t(1));
        const std::string text(index->workloadText(0));
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
        QCOMPARE(SearchIndex::build(*passing)->workloadText(0),
                 std::string("pod fine demo dir/pod.yaml"));
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
        // Out of range: empty, not a crash.
        const auto index = SearchIndex::build(*snapshot);
        QVERIFY(index->workloadText(-1).empty());
        QVERIFY(index->workloadText(1).empty());
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
            const auto index = SearchIndex::build(*snapshot);
            for (std::size_t i = 0; i < snapshot->workloads.size(); ++i) {
                const auto &w = snapshot->workloads[i];
                const std::string_view workloadText = index->workloadText(int(i));
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
                    // Words: each piece, its first and last three characters, and ones the
                    // text may not hold.
                    std::vector<std::string> candidates = {
                        "runasuser", "0", "]", "restricted", "no-such-word", "true", "\"s"};
                    for (const auto &piece : QString::fromStdString(text).split(QLatin1Char(' '))) {
                        const std::string p = piece.toStdString();
                        candidates.push_back(p);
                        candidates.push_back(p.substr(0, 3));
                        if (p.size() > 3)
                            candidates.push_back(p.substr(p.size() - 3));
                    }
                    for (const auto &word : candidates) {
                        if (word.empty())
                            continue;
                        const bool inText = contains(text, word);
                        QVERIFY2(fieldMatches(w, *f, word) == inText,
                                 (text + " / " + word).c_str());
                        const bool withoutReasons = fieldMatches(w, *f, word, false);
                        QVERIFY(!withoutReasons || inText);
                        if (inText && !withoutReasons) {
                            QVERIFY2(workloadText.find(word) != std::string_view::npos,
                                     (text + " / " + word).c_str());
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
    // fields: path and value. Nothing past a finding's fields.
    void findingTextHasRuleReasonAndFields()
    {
        SnapshotOptions options;
        options.checklist = true;
        const auto snapshot =
            TestUtil::snapshotOf(TestUtil::readFiles(TestUtil::sampleDir()), options);
        const auto index = SearchIndex::build(*snapshot);
        int findings = 0, fields = 0;
        for (std::size_t w = 0; w < snapshot->workloads.size(); ++w) {
            const auto &workload = snapshot->workloads[w];
            for (std::size_t k = 0; k < workload.id().checklist.size(); ++k) {
                const auto &f = workload.id().checklist[k];
                QVERIFY(f.rule);
                QCOMPARE(std::string(index->findingText(int(w), int(k))),
                         lower(std::string(f.rule->id) + ' ' + f.reason + ' ' + f.detail + ' ' +
                               Engine::severityName(f.severity())));
                for (std::size_t j = 0; j < f.fields.size(); ++j) {
                    QCOMPARE(std::string(index->findingText(int(w), int(k), int(j))),
                             lower(f.fields[j].path + ' ' + f.fields[j].value));
                    ++fields;
                }
                QVERIFY(index->findingText(int(w), int(k), int(f.fields.size())).empty());
                ++findings;
            }
            QVERIFY(index->findingText(int(w), int(workload.id().checklist.size())).empty());
        }
        QVERIFY(findings > 5);
        QVERIFY(fields > 0);
        QVERIFY(index->findingText(0, -1).empty());
        QVERIFY(index->findingText(0, 0, -2).empty());
    }

    // The filter reads the index: any case of a reason, a value or a name matches.
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

    // A snapshot built on an earlier one: unchanged workloads share the earlier texts, changed
    // ones get new texts, and every text equals that of a fresh index.
    void reusedSnapshotSharesUnchangedTexts()
    {
        const std::vector<WorkspaceFile> two = {{"a.yaml", pod("one", "0")},
                                                {"b.yaml", pod("two", "0")}};
        const auto first = TestUtil::snapshotOf(two);
        const auto firstIndex = SearchIndex::build(*first);
        QCOMPARE(firstIndex->reusedCount(), std::size_t(0));

        // A page appended.
        auto three = two;
        three.emplace_back("c.yaml", pod("three", "0"));
        const auto grown = std::make_shared<const WorkspaceSnapshot>(
            *buildSnapshot(three, {}, {}, nullptr, first.get()));
        const auto grownIndex = SearchIndex::build(*grown, first.get(), firstIndex.get());
        QCOMPARE(grownIndex->reusedCount(), std::size_t(2));
        QCOMPARE(grownIndex->workloadText(1).data(), firstIndex->workloadText(1).data()); // shared
        QCOMPARE(dump(*grown, *grownIndex), dump(*grown, *SearchIndex::build(*grown)));

        // b.yaml edited: its workload's text changes, the others are still shared.
        auto edited = three;
        edited[1].setText(pod("two", "1000"));
        const auto after = std::make_shared<const WorkspaceSnapshot>(
            *buildSnapshot(edited, {}, {}, nullptr, grown.get()));
        const auto view = ViewSnapshot::derive(after, nullptr);
        const ViewSnapshot before{grown, grownIndex};
        const auto afterIndex = ViewSnapshot::derive(after, &before).search;
        QCOMPARE(afterIndex->reusedCount(), std::size_t(2));
        QVERIFY(afterIndex->workloadText(1) != grownIndex->workloadText(1));
        QCOMPARE(afterIndex->workloadText(1), std::string("pod two demo ") + edited[1].path);
        QCOMPARE(dump(*after, *afterIndex), dump(*after, *view.search));

        // Another version: whatever is shared must still be exactly right.
        SnapshotOptions older;
        older.version = Policy::Version::v1(22);
        const auto old = TestUtil::snapshotOf(edited, older);
        const auto oldIndex = SearchIndex::build(*old, after.get(), afterIndex.get());
        QCOMPARE(dump(*old, *oldIndex), dump(*old, *SearchIndex::build(*old)));
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
