// SPDX-License-Identifier: Apache-2.0
// Lessons (issue 18 item 1, resources/lessons/README.md): every bundled lesson in English and
// Chinese (its start fails a goal, its solution passes them all), and the machinery on the
// small lessons of tests/data/lessons: the text format, goals.yaml with its problems, and
// goals checked against the engine's result.
#include "podtestutil.h"

#include "lessons/lesson.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace PodSec;
using namespace PodSec::Lessons;

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString problemsText(const std::vector<Problem> &problems)
{
    QStringList lines;
    for (const auto &p : problems)
        lines << q(p.text());
    return lines.join(QLatin1Char('\n'));
}

std::string dataLesson(const char *name)
{
    return TestUtil::testDataPath(QStringLiteral("lessons/") + QLatin1String(name)).toStdString();
}

GoalReport evaluateFolder(const Lesson &lesson, const std::string &folder)
{
    std::vector<Problem> problems;
    const auto files = readManifests(folder, problems);
    if (!problems.empty())
        qWarning("%s", qPrintable(problemsText(problems)));
    return evaluateGoals(lesson.goals, files, lesson.context());
}

QStringList unmet(const Lesson &lesson, const GoalReport &report)
{
    QStringList out;
    for (std::size_t i = 0; i < report.results.size(); ++i) {
        if (!report.results[i].met())
            out << q(describe(lesson.goals.goals[i]));
    }
    return out;
}

std::vector<WorkspaceFile> oneFile(const std::string &text)
{
    return {WorkspaceFile("pod.yaml", text)};
}

const char *const PrivilegedPod = "apiVersion: v1\n"
                                  "kind: Pod\n"
                                  "metadata:\n"
                                  "  name: web\n"
                                  "spec:\n"
                                  "  containers:\n"
                                  "    - name: app\n"
                                  "      image: nginx\n"
                                  "      securityContext:\n"
                                  "        privileged: true\n"
                                  "    - name: side\n"
                                  "      image: busybox\n";

} // namespace

class TestLessons : public QObject
{
    Q_OBJECT

private:
    /// What every lesson must hold, in every language it is checked in.
    void checkLesson(const std::string &folder, const QStringList &languages)
    {
        for (const QString &language : languages) {
            const Lesson lesson = loadLesson(folder, language.toStdString());
            QVERIFY2(lesson.problems.empty(), qPrintable(problemsText(lesson.problems)));
            QCOMPARE(q(lesson.text.language), language); // its own file, not the fallback
            QVERIFY(!lesson.text.title.empty());
            QVERIFY(!lesson.text.story.empty());
            QVERIFY(!lesson.text.goal.empty());
            QVERIFY(!lesson.text.hints.empty());
            QVERIFY(!lesson.goals.goals.empty());
            const auto start = evaluateFolder(lesson, lesson.startFolder());
            QCOMPARE(start.results.size(), lesson.goals.goals.size());
            QVERIFY2(start.metCount() < int(start.results.size()),
                     "the start state already meets every goal");
            const auto solution = evaluateFolder(lesson, lesson.solutionFolder());
            QVERIFY2(solution.complete(), qPrintable(unmet(lesson, solution)
                                                         .join(QStringLiteral("; "))
                                                         .prepend(QStringLiteral("not met: "))));
        }
        QCOMPARE(manifestFiles(folder + "/start"), manifestFiles(folder + "/solution"));
    }

private Q_SLOTS:
    void bundledLessons_data()
    {
        QTest::addColumn<QString>("folder");
        const auto folders = courseFolders(PODSEC_LESSONS_DIR);
        for (const auto &f : folders)
            QTest::newRow(qPrintable(QDir(q(f)).dirName())) << q(f);
        if (folders.empty())
            QTest::newRow("none") << QString();
    }

    void bundledLessons()
    {
        QFETCH(QString, folder);
        if (folder.isEmpty())
            QSKIP("no lesson under resources/lessons yet");
        checkLesson(folder.toStdString(), {QStringLiteral("en"), QStringLiteral("zh_CN")});
    }

    void everyBundledFolderIsALesson()
    {
        // A folder without goals.yaml would silently not be listed.
        const QDir root(QStringLiteral(PODSEC_LESSONS_DIR));
        for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(QFileInfo::exists(root.filePath(name) + QStringLiteral("/goals.yaml")),
                     qPrintable(name));
    }

    void testLessons()
    {
        checkLesson(dataLesson("01-privileged"), {QStringLiteral("en"), QStringLiteral("zh_CN")});
        checkLesson(dataLesson("02-namespace"), {QStringLiteral("en")});
        const auto course =
            courseFolders(TestUtil::testDataPath(QStringLiteral("lessons")).toStdString());
        QCOMPARE(course.size(), std::size_t(2));
        QCOMPARE(QDir(q(course[0])).dirName(), QStringLiteral("01-privileged"));
    }

    void lessonText()
    {
        const Lesson lesson = loadLesson(dataLesson("01-privileged"), "en");
        QCOMPARE(q(lesson.text.title), QStringLiteral("A privileged web server"));
        QVERIFY(lesson.text.story.rfind("The team runs", 0) == 0);
        // Headings inside a code block are text.
        QVERIFY(q(lesson.text.story).contains(QStringLiteral("## nor is this")));
        QVERIFY(q(lesson.text.goal).startsWith(QStringLiteral("Make Pod `web` pass")));
        QCOMPARE(lesson.text.hints.size(), std::size_t(2));
        QCOMPARE(q(lesson.text.hints[0]),
                 QStringLiteral("Look at the container's `securityContext`."));
        QCOMPARE(lesson.text.sections.size(), std::size_t(1));
        QCOMPARE(q(lesson.text.sections[0].heading), QStringLiteral("Background"));
        QVERIFY(!q(lesson.text.goal).contains(QStringLiteral("{#")));
        const Lesson zh = loadLesson(dataLesson("01-privileged"), "zh_CN");
        QCOMPARE(q(zh.text.title), QStringLiteral("特权 Web 服务器"));
        QCOMPARE(q(zh.goals.goals[1].text("zh_CN")), QStringLiteral("app 容器不是特权容器"));
        QCOMPARE(q(zh.goals.goals[1].text("fr")),
                 QStringLiteral("The app container is not privileged"));
        QVERIFY(zh.goals.goals[0].text("zh_CN").empty());
    }

    void englishFallback()
    {
        const Lesson lesson = loadLesson(dataLesson("02-namespace"), "zh_CN");
        QVERIFY2(lesson.problems.empty(), qPrintable(problemsText(lesson.problems)));
        QCOMPARE(q(lesson.text.language), QStringLiteral("en"));
        QCOMPARE(q(lesson.text.title), QStringLiteral("Enforce restricted"));
    }

    void missingPieces()
    {
        std::vector<Problem> problems;
        const auto text =
            parseLessonText("Just words.\n\n## Hint\n\nno marker\n", "x.md", problems);
        QVERIFY(text.title.empty());
        QCOMPARE(problems.size(), std::size_t(3)); // no title, no goal, no hint
        QCOMPARE(q(problems[0].text()),
                 QStringLiteral("x.md:1:1: the lesson has no title (a first \"# \" heading)"));
        QTemporaryDir empty;
        const Lesson lesson = loadLesson(empty.path().toStdString(), "en");
        QVERIFY(problemsText(lesson.problems).contains(QStringLiteral("no lesson.en.md")));
        QVERIFY(problemsText(lesson.problems).contains(QStringLiteral("goals.yaml")));
        QVERIFY(problemsText(lesson.problems).contains(QStringLiteral("no start/ folder")));
    }

    void badGoals_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("kept"); // goals without a problem
        QTest::newRow("unknown kind")
            << QStringLiteral("goals:\n  - object: Pod/web\n    passez: restricted\n")
            << QStringLiteral("goals.yaml:3:5: unknown goal key \"passez\"") << 0;
        QTest::newRow("unknown check")
            << QStringLiteral("goals:\n  - object: Pod/web\n    check: privilegd\n")
            << QStringLiteral("goals.yaml:3:12: check: unknown check id \"privilegd\"") << 0;
        QTest::newRow("unknown level")
            << QStringLiteral("goals:\n  - object: Pod/web\n    passes: strict\n")
            << QStringLiteral("goals.yaml:3:13: passes: unknown level \"strict\"") << 0;
        QTest::newRow("privileged passes nothing")
            << QStringLiteral("goals:\n  - object: Pod/web\n    passes: privileged\n")
            << QStringLiteral("goals.yaml:3:13: passes: unknown level \"privileged\"") << 0;
        QTest::newRow("bad object")
            << QStringLiteral("goals:\n  - object: web\n    passes: baseline\n")
            << QStringLiteral("goals.yaml:2:13: object: expected Kind/name") << 0;
        QTest::newRow("no object")
            << QStringLiteral("goals:\n  - passes: baseline\n")
            << QStringLiteral("goals.yaml:2:5: passes: name the object") << 0;
        QTest::newRow("two kinds")
            << QStringLiteral(
                   "goals:\n  - object: Pod/web\n    passes: baseline\n    absent: spec\n")
            << QStringLiteral("goals.yaml:4:5: a goal has one kind") << 0;
        QTest::newRow("no kind") << QStringLiteral("goals:\n  - object: Pod/web\n")
                                 << QStringLiteral("goals.yaml:2:5: the goal has no kind") << 0;
        QTest::newRow("admitted not bool")
            << QStringLiteral("goals:\n  - object: Pod/web\n    admitted: yes please\n")
            << QStringLiteral("goals.yaml:3:15: admitted: expected true or false") << 0;
        QTest::newRow("bad path")
            << QStringLiteral("goals:\n  - object: Pod/web\n    present: spec..containers\n")
            << QStringLiteral("goals.yaml:3:14: present: not a field path") << 0;
        QTest::newRow("bad version")
            << QStringLiteral("version: 1.30\ngoals:\n  - object: Pod/web\n    passes: baseline\n")
            << QStringLiteral("goals.yaml:1:10: version: expected") << 1;
        QTest::newRow("check not yet")
            << QStringLiteral(
                   "version: v1.0\ngoals:\n  - object: Pod/web\n    check: seLinuxOptions\n"
                   "  - object: Pod/web\n    check: procMount_restricted\n")
            << QStringLiteral("goals.yaml:5:5: check: procMount_restricted does not run at v1.0")
            << 1;
        QTest::newRow("syntax") << QStringLiteral("goals:\n  - object: Pod/web\n   passes: [\n")
                                << QStringLiteral("goals.yaml:3:") << 0;
        QTest::newRow("no goals") << QStringLiteral("version: latest\n")
                                  << QStringLiteral("goals.yaml:1:1: goals: expected a list") << 0;
        QTest::newRow("container elsewhere")
            << QStringLiteral(
                   "goals:\n  - object: Pod/web\n    passes: baseline\n    container: app\n")
            << QStringLiteral("goals.yaml:3:5: container: only a check goal") << 0;
        QTest::newRow("warns on an object")
            << QStringLiteral("goals:\n  - object: Pod/web\n    warns: restricted\n")
            << QStringLiteral("goals.yaml:2:5: warns: name the namespace") << 0;
        QTest::newRow("audits unknown level")
            << QStringLiteral("goals:\n  - namespace: shop\n    audits: strict\n")
            << QStringLiteral("goals.yaml:3:13: audits: unknown level \"strict\"") << 0;
        QTest::newRow("unknown risk")
            << QStringLiteral("goals:\n  - subject: User/alice\n    risk: createPods\n")
            << QStringLiteral("goals.yaml:3:11: risk: unknown risk id \"createPods\"") << 0;
        QTest::newRow("unknown subject kind")
            << QStringLiteral("goals:\n  - subject: Robot/r2\n    risk: bind\n")
            << QStringLiteral("goals.yaml:2:14: subject: expected User/name, Group/name") << 0;
        QTest::newRow("account without namespace")
            << QStringLiteral("goals:\n  - subject: ServiceAccount/deployer\n    risk: bind\n")
            << QStringLiteral("goals.yaml:2:14: subject: expected ServiceAccount/namespace/name")
            << 0;
        QTest::newRow("risk of an object")
            << QStringLiteral("goals:\n  - object: Pod/web\n    risk: bind\n")
            << QStringLiteral("goals.yaml:2:5: risk: name the subject") << 0;
        QTest::newRow("subject elsewhere")
            << QStringLiteral(
                   "goals:\n  - object: Pod/web\n    passes: baseline\n    subject: User/a\n")
            << QStringLiteral("goals.yaml:4:5: subject: goes only with a risk goal") << 0;
        QTest::newRow("scope elsewhere")
            << QStringLiteral(
                   "goals:\n  - namespace: shop\n    enforces: baseline\n    scope: shop\n")
            << QStringLiteral("goals.yaml:4:5: scope: and atMost: go only with a risk goal") << 0;
        QTest::newRow("atMost deny")
            << QStringLiteral("goals:\n  - subject: User/alice\n    risk: bind\n"
                              "    atMost: deny\n")
            << QStringLiteral("goals.yaml:4:13: atMost: unknown severity \"deny\"") << 0;
    }

    void badGoals()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, problem);
        QFETCH(int, kept);
        std::vector<Problem> problems;
        const auto goals = parseGoals(yaml.toStdString(), "goals.yaml", problems);
        QVERIFY2(problemsText(problems).contains(problem),
                 qPrintable(problemsText(problems) + QStringLiteral(" lacks ") + problem));
        // A goal with a problem is never kept (so never counted as met).
        QCOMPARE(int(goals.goals.size()), kept);
    }

    // A malformed subject is one problem, at the subject, not a second one about the goal.
    void oneProblemForABadSubject()
    {
        std::vector<Problem> problems;
        parseGoals("goals:\n  - subject: ServiceAccount/deployer\n    risk: bind\n", "goals.yaml",
                   problems);
        QCOMPARE(problems.size(), std::size_t(1));
    }

    void goodGoals()
    {
        std::vector<Problem> problems;
        const auto goals = parseGoals(
            "version: v1.25\ngoals:\n"
            "  - object: Deployment/shop/api\n    check: memoryLimit\n    container: app\n"
            "  - namespace: shop\n    check: podSecurityEnforced\n"
            "  - object: Namespace/shop\n    present: "
            "metadata.labels[\"pod-security.kubernetes.io/enforce\"]\n",
            "goals.yaml", problems);
        QVERIFY2(problems.empty(), qPrintable(problemsText(problems)));
        QCOMPARE(goals.version.toString(), std::string("v1.25"));
        QCOMPARE(goals.goals.size(), std::size_t(3));
        QVERIFY(goals.goals[0].checklistRule);
        QCOMPARE(goals.goals[0].object->namespaceName, std::string("shop"));
        QVERIFY(goals.usesChecklist());
        QCOMPARE(goals.goals[2].line, 8u);
        const auto steps = parseFieldPath(goals.goals[2].path);
        QVERIFY(steps);
        QCOMPARE(steps->back().key, std::string("pod-security.kubernetes.io/enforce"));
        QVERIFY(!parseFieldPath("spec.[0]"));
        QVERIFY(!parseFieldPath("spec.containers[x]"));
        QVERIFY(!parseFieldPath("spec."));
    }

    void missingObjectIsNotMet()
    {
        std::vector<Problem> problems;
        const auto goals = parseGoals("goals:\n"
                                      "  - object: Pod/api\n    passes: baseline\n"
                                      "  - object: Pod/api\n    absent: spec.hostNetwork\n"
                                      "  - object: Pod/api\n    admitted: true\n"
                                      "  - object: Pod/api\n    check: privileged\n"
                                      "  - object: Deployment/web\n    passes: baseline\n"
                                      "  - object: Pod/other/web\n    passes: baseline\n"
                                      "  - namespace: nowhere\n    enforces: privileged\n",
                                      "goals.yaml", problems);
        QVERIFY(problems.empty());
        const auto report = evaluateGoals(goals, oneFile(PrivilegedPod));
        QCOMPARE(report.results.size(), std::size_t(7));
        for (std::size_t i = 0; i < 6; ++i) {
            QCOMPARE(report.results[i].status, GoalStatus::ObjectMissing);
            QVERIFY(!report.results[i].met());
        }
        QCOMPARE(report.results[6].status, GoalStatus::NamespaceMissing);
        QVERIFY(!report.complete());
        QCOMPARE(report.metCount(), 0);
    }

    void goalsFollowTheText()
    {
        std::vector<Problem> problems;
        const auto goals =
            parseGoals("goals:\n"
                       "  - object: Pod/web\n    present: spec.containers[0].image\n"
                       "  - object: Pod/web\n    check: privileged\n    container: side\n"
                       "  - object: Pod/web\n    check: privileged\n    container: app\n"
                       "  - object: Pod/web\n    passes: baseline\n"
                       "  - object: Pod/web\n    check: privileged\n    container: nope\n"
                       "  - object: Pod/default/web\n    admitted: true\n",
                       "goals.yaml", problems);
        QVERIFY(problems.empty());
        auto report = evaluateGoals(goals, oneFile(PrivilegedPod));
        QCOMPARE(report.results[0].status, GoalStatus::Met);
        QCOMPARE(report.results[1].status, GoalStatus::Met); // only the side container is looked at
        QCOMPARE(report.results[2].status, GoalStatus::NotMet);
        QCOMPARE(report.results[3].status, GoalStatus::NotMet);
        QCOMPARE(report.results[3].failing, std::vector<std::string>{"privileged"});
        QCOMPARE(report.results[4].status, GoalStatus::ContainerMissing);
        QCOMPARE(report.results[5].status, GoalStatus::Met); // default namespace: privileged

        // Deleting the privileged line meets the check; deleting the image breaks `present`.
        std::string fixed = PrivilegedPod;
        fixed.replace(fixed.find("        privileged: true\n"), 25, "");
        report = evaluateGoals(goals, oneFile(fixed));
        QCOMPARE(report.results[2].status, GoalStatus::Met);
        QCOMPARE(report.results[3].status, GoalStatus::Met);
        std::string noImage = fixed;
        noImage.replace(noImage.find("      image: nginx\n"), 19, "");
        report = evaluateGoals(goals, oneFile(noImage));
        QCOMPARE(report.results[0].status, GoalStatus::NotMet);
        // Two Pods named web: "Pod/web" is ambiguous, never met.
        report = evaluateGoals(
            goals, {WorkspaceFile("a.yaml", fixed),
                    WorkspaceFile("b.yaml", std::string(fixed).insert(fixed.find("spec:"),
                                                                      "  namespace: b\n"))});
        QCOMPARE(report.results[0].status, GoalStatus::ObjectAmbiguous);
        QCOMPARE(report.results[5].status, GoalStatus::Met); // named with its namespace
    }

    void modesAndRisks()
    {
        // shop enforces baseline and warns at restricted; ci/deployer may create pods there
        // (a warning at baseline), alice may read its Secrets.
        const std::string rbac = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
                                 "  labels:\n    pod-security.kubernetes.io/enforce: baseline\n"
                                 "    pod-security.kubernetes.io/warn: restricted\n"
                                 "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
                                 "  name: deployer\n  namespace: ci\n"
                                 "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n"
                                 "metadata:\n  name: deploy\n  namespace: shop\nrules:\n"
                                 "  - apiGroups: [\"\"]\n    resources: [pods]\n"
                                 "    verbs: [create]\n"
                                 "---\napiVersion: rbac.authorization.k8s.io/v1\n"
                                 "kind: RoleBinding\nmetadata:\n  name: deploy\n"
                                 "  namespace: shop\nroleRef:\n"
                                 "  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n"
                                 "  name: deploy\nsubjects:\n  - kind: ServiceAccount\n"
                                 "    name: deployer\n    namespace: ci\n";
        std::vector<Problem> problems;
        const auto goals = parseGoals("goals:\n"
                                      "  - namespace: shop\n    warns: restricted\n"
                                      "  - namespace: shop\n    audits: restricted\n"
                                      "  - subject: ServiceAccount/ci/deployer\n"
                                      "    risk: createWorkloads\n"
                                      "  - subject: ServiceAccount/ci/deployer\n"
                                      "    risk: createWorkloads\n    atMost: warning\n"
                                      "  - subject: ServiceAccount/ci/deployer\n"
                                      "    risk: createWorkloads\n    atMost: info\n"
                                      "  - subject: ServiceAccount/ci/deployer\n"
                                      "    risk: createWorkloads\n    scope: ci\n"
                                      "  - subject: ServiceAccount/ci/deployer\n"
                                      "    risk: readSecrets\n"
                                      "  - subject: User/nobody\n    risk: readSecrets\n",
                                      "goals.yaml", problems);
        QVERIFY2(problems.empty(), qPrintable(problemsText(problems)));
        QVERIFY(goals.usesAccess());
        QCOMPARE(q(describe(goals.goals[4])),
                 QStringLiteral("ServiceAccount/ci/deployer has no createWorkloads above info"));
        auto report = evaluateGoals(goals, oneFile(rbac));
        QCOMPARE(report.results.size(), std::size_t(8));
        QCOMPARE(report.results[0].status, GoalStatus::Met);
        QCOMPARE(report.results[1].status, GoalStatus::NotMet); // audits at privileged
        QCOMPARE(report.results[1].failing, std::vector<std::string>{"privileged"});
        QCOMPARE(report.results[2].status, GoalStatus::NotMet);
        QCOMPARE(report.results[2].failing,
                 std::vector<std::string>{"createWorkloads (warning, shop)"});
        QCOMPARE(report.results[3].status, GoalStatus::Met);    // warning is allowed
        QCOMPARE(report.results[4].status, GoalStatus::NotMet); // only info is
        QCOMPARE(report.results[5].status, GoalStatus::Met);    // nothing in "ci"
        QCOMPARE(report.results[6].status, GoalStatus::Met);
        QCOMPARE(report.results[7].status, GoalStatus::SubjectMissing);

        // Enforcing restricted in shop turns createWorkloads there into info.
        std::string restricted = rbac;
        restricted.replace(restricted.find("enforce: baseline"), 17, "enforce: restricted");
        report = evaluateGoals(goals, oneFile(restricted));
        QCOMPARE(report.results[4].status, GoalStatus::Met);
        QCOMPARE(report.results[2].status, GoalStatus::NotMet); // still there, at info

        // A binding that does not read grants nothing, but is no solution: while a document
        // does not read, no risk is known to be gone.
        std::string broken = restricted;
        broken.replace(broken.find("roleRef:\n"), 9, "roleRef: [\n");
        report = evaluateGoals(goals, oneFile(broken));
        QCOMPARE(report.results[4].status, GoalStatus::NotMet);
        QCOMPARE(report.results[6].status, GoalStatus::NotMet);
        QVERIFY2(report.results[6].failing.size() == 1 &&
                     q(report.results[6].failing[0]).startsWith(QStringLiteral("pod.yaml:")),
                 qPrintable(q(describe(goals.goals[6]))));

        // A scope the workspace does not have is a mistake, not a met goal.
        const auto typo = parseGoals("goals:\n  - subject: ServiceAccount/ci/deployer\n"
                                     "    risk: readSecrets\n    scope: shopp\n",
                                     "goals.yaml", problems);
        QCOMPARE(evaluateGoals(typo, oneFile(rbac)).results[0].status,
                 GoalStatus::NamespaceMissing);
    }

    void exemptionsCount()
    {
        // The tools namespace enforces restricted; only the lesson's admission.yaml exempts it.
        const Lesson lesson = loadLesson(dataLesson("02-namespace"), "en");
        QVERIFY(lesson.admission);
        std::vector<Problem> problems;
        const auto files = readManifests(lesson.startFolder(), problems);
        QCOMPARE(files.size(), std::size_t(2));
        const std::size_t debug = 4;
        QCOMPARE(lesson.goals.goals[debug].object->text(), std::string("Pod/tools/debug"));
        QVERIFY(evaluateGoals(lesson.goals, files, lesson.context()).results[debug].met());
        QVERIFY(!evaluateGoals(lesson.goals, files, GoalContext{}).results[debug].met());
    }

    void badAdmissionFile()
    {
        QTemporaryDir dir;
        QVERIFY(TestUtil::copyTree(TestUtil::testDataPath(QStringLiteral("lessons/02-namespace")),
                                   dir.path()));
        QFile admission(dir.filePath(QStringLiteral("admission.yaml")));
        QVERIFY(admission.open(QIODevice::WriteOnly | QIODevice::Truncate));
        admission.write("kind: Nonsense\n");
        admission.close();
        const Lesson lesson = loadLesson(dir.path().toStdString(), "en");
        QVERIFY(!lesson.admission);
        QCOMPARE(lesson.problems.size(), std::size_t(1));
        QVERIFY(q(lesson.problems[0].text())
                    .endsWith(QStringLiteral(
                        "admission.yaml:1:7: expected kind PodSecurityConfiguration or "
                        "AdmissionConfiguration, found \"Nonsense\"")));
    }
};

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
