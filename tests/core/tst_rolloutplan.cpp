// SPDX-License-Identifier: Apache-2.0
// The rollout plan (issue 17): per namespace the strictest level its workloads meet, labels
// that never reject what runs now, the target's dry-run answer, the script and patches.
#include "podtestutil.h"

#include "engine/rolloutplan.h"
#include "engine/workspacesnapshot.h"

#include <QFile>
#include <QTest>

using namespace PodSec;
using Engine::PlanStep;

namespace {

std::string readData(const char *name)
{
    QFile f(TestUtil::testDataPath(QStringLiteral("plan/") + QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", name);
    return f.readAll().toStdString();
}

WorkspaceSnapshot snapshotOf(const std::string &namespaces, const SnapshotOptions &options = {})
{
    auto s = buildSnapshot({WorkspaceFile("namespaces.yaml", namespaces),
                            WorkspaceFile("workloads.yaml", readData("workloads.yaml"))},
                           options);
    if (!s)
        qFatal("no snapshot");
    return std::move(*s);
}

const Engine::NamespacePlan &planOf(const Engine::RolloutPlan &plan, const std::string &name)
{
    for (const auto &p : plan.namespaces) {
        if (p.name == name)
            return p;
    }
    qFatal("no namespace %s in the plan", name.c_str());
}

std::string labelValue(const Admission::Labels &labels, const std::string &key)
{
    for (const auto &[k, v] : labels) {
        if (k == key)
            return v;
    }
    return "<unset>";
}

/// Namespace objects carrying each namespace's planned labels: the plan applied.
std::string applied(const Engine::RolloutPlan &plan)
{
    std::string out;
    for (const auto &p : plan.namespaces) {
        out += "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + p.name + '\n';
        if (!p.planned.empty())
            out += "  labels:\n";
        for (const auto &[k, v] : p.planned)
            out += "    " + k + ": \"" + v + "\"\n";
    }
    return out;
}

const std::string Enforce = "pod-security.kubernetes.io/enforce";

} // namespace

class TestRolloutPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsFollowWhatTheWorkloadsMeet()
    {
        const auto snapshot = snapshotOf(readData("namespaces.yaml"));
        const auto plan = Engine::planRollout(snapshot, {});
        QCOMPARE(plan.target.toString(), std::string("restricted:latest"));
        QCOMPARE(planOf(plan, "ready").step, PlanStep::Target);
        QCOMPARE(planOf(plan, "ready").meets, Policy::Level::Restricted);
        QCOMPARE(labelValue(planOf(plan, "ready").planned, Enforce), std::string("restricted"));

        const auto &partial = planOf(plan, "partial");
        QCOMPARE(partial.step, PlanStep::Partial);
        QCOMPARE(partial.meets, Policy::Level::Baseline);
        QCOMPARE(labelValue(partial.planned, Enforce), std::string("baseline"));
        QCOMPARE(labelValue(partial.planned, "pod-security.kubernetes.io/warn"),
                 std::string("restricted"));
        QCOMPARE(partial.workloads, 3);
        QCOMPARE(partial.pods, 2);
        QCOMPARE(partial.failTarget, 2); // the Pod and the Deployment's template
        // The dry run of enforce=restricted names the pod that fails, as the API server does.
        QVERIFY(partial.targetDryRun.podsEvaluated);
        QCOMPARE(partial.targetDryRun.warnings.size(), std::size_t(2));
        QCOMPARE(partial.targetDryRun.warnings[0],
                 std::string("existing pods in namespace \"partial\" violate the new PodSecurity "
                             "enforce level \"restricted:latest\""));
        QVERIFY(partial.targetDryRun.warnings[1].rfind("plain-1: ", 0) == 0);
        QCOMPARE(partial.targetDryRun.groups.at(0).pods, std::vector<std::string>{"plain-1"});

        // enforce=privileged stays; warn and audit tell the team what restricted would say.
        const auto &open = planOf(plan, "open");
        QCOMPARE(open.step, PlanStep::WarnOnly);
        QCOMPARE(labelValue(open.planned, Enforce), std::string("privileged"));
        QCOMPARE(labelValue(open.planned, "pod-security.kubernetes.io/audit"),
                 std::string("restricted"));

        QCOMPARE(planOf(plan, "strict").step, PlanStep::Unchanged);
        QVERIFY(planOf(plan, "strict").command.empty());
        // "restrictd" acts as restricted: written as it acts, never lowered to what the
        // workloads meet.
        const auto &broken = planOf(plan, "broken");
        QCOMPARE(broken.step, PlanStep::Repair);
        QCOMPARE(labelValue(broken.planned, Enforce), std::string("restricted"));
        QCOMPARE(broken.rejectedNow, 1);
        // A pinned version stays pinned where the level does not change.
        const auto &pinned = planOf(plan, "pinned");
        QCOMPARE(labelValue(pinned.planned, Enforce + "-version"), std::string("v1.30"));
        QCOMPARE(planOf(plan, "kube-system").step, PlanStep::System);
        QVERIFY(planOf(plan, "kube-system").planned == planOf(plan, "kube-system").current);
        QCOMPARE(plan.reachingTarget(), 3); // ready, strict, broken
    }

    void aForcedLevelDoesNotChangeWhatTheLabelsDo()
    {
        // The window's "every namespace at one level" view: the plan still reads the labels.
        SnapshotOptions options;
        options.forcedLevel = Policy::Level::Privileged;
        const auto plan = Engine::planRollout(snapshotOf(readData("namespaces.yaml"), options), {});
        QCOMPARE(planOf(plan, "broken").rejectedNow, 1);
        QCOMPARE(planOf(plan, "partial").rejectedNow, 0);
        const auto labelled = Engine::planRollout(snapshotOf(readData("namespaces.yaml")), {});
        for (const auto &p : labelled.namespaces)
            QCOMPARE(planOf(plan, p.name).rejectedNow, p.rejectedNow);
    }

    void noDryRunWhereTheTargetWouldLowerEnforcement()
    {
        Engine::PlanRequest request;
        request.target = Policy::Level::Baseline;
        const auto plan = Engine::planRollout(snapshotOf(readData("namespaces.yaml")), request);
        QVERIFY(planOf(plan, "strict").targetCommand.empty());
        QVERIFY(planOf(plan, "strict").targetDryRun.warnings.empty());
        QVERIFY(planOf(plan, "strict").command.empty());
        QVERIFY(!planOf(plan, "open").targetCommand.empty());
    }

    void exemptNamespacesAreLeftAlone()
    {
        SnapshotOptions options;
        options.admissionConfig.exemptNamespaces = {"exempted"};
        const auto snapshot = snapshotOf(readData("namespaces.yaml"), options);
        Engine::PlanRequest request;
        request.config = options.admissionConfig;
        const auto plan = Engine::planRollout(snapshot, request);
        const auto &exempted = planOf(plan, "exempted");
        QCOMPARE(exempted.step, PlanStep::Exempt);
        QVERIFY(exempted.command.empty());
        // The API server answers an exempt namespace's label with one warning, no pods.
        QCOMPARE(exempted.targetDryRun.warnings.size(), std::size_t(1));
        QVERIFY(!exempted.targetDryRun.podsEvaluated);
    }

    void applyingThePlanRejectsNothingThatRunsNow()
    {
        for (const auto target : {Policy::Level::Baseline, Policy::Level::Restricted}) {
            const auto before = snapshotOf(readData("namespaces.yaml"));
            Engine::PlanRequest request;
            request.target = target;
            const auto plan = Engine::planRollout(before, request);
            const auto after = snapshotOf(applied(plan));
            QCOMPARE(after.workloads.size(), before.workloads.size());
            for (std::size_t i = 0; i < before.workloads.size(); ++i) {
                const auto &w = before.workloads[i];
                if (!w.deniedByEnforce)
                    QVERIFY2(!after.workloads[i].deniedByEnforce, w.key().c_str());
            }
            // Where the plan reaches the target, every workload passes it and warn is quiet.
            for (const auto &p : plan.namespaces) {
                if (p.step != PlanStep::Target)
                    continue;
                for (const auto &ns : after.namespaces) {
                    if (ns.name != p.name)
                        continue;
                    QCOMPARE(ns.policy.enforce.level, target);
                    for (int index : ns.workloads)
                        QCOMPARE(after.workloads[std::size_t(index)].verdicts[int(Column::Warn)],
                                 Verdict::Pass);
                }
            }
            // Planned again on the applied labels, nothing is left to change.
            const auto again = Engine::planRollout(after, request);
            for (const auto &p : again.namespaces)
                QVERIFY2(p.command.empty(), p.name.c_str());
        }
    }

    void scriptAndPatches()
    {
        const auto plan = Engine::planRollout(snapshotOf(readData("namespaces.yaml")), {});
        const std::string script = Engine::planScript(plan);
        QVERIFY(script.rfind("#!/bin/sh\n", 0) == 0);
        QVERIFY(script.find("\nset -eu\n") != std::string::npos);
        QVERIFY(script.find("\nkubectl label --overwrite namespace partial "
                            "pod-security.kubernetes.io/enforce=baseline "
                            "pod-security.kubernetes.io/warn=restricted "
                            "pod-security.kubernetes.io/audit=restricted \"$@\"\n") !=
                std::string::npos);
        QVERIFY(script.find("# kube-system: system namespace, left as it is\n") !=
                std::string::npos);
        QVERIFY(script.find("namespace strict") == std::string::npos);
        // The patches are Namespace objects: read back, they carry the planned labels.
        const auto patched = buildSnapshot({WorkspaceFile("plan.yaml", Engine::planPatches(plan))},
                                           SnapshotOptions{});
        QVERIFY(patched && patched->problems.empty());
        int declared = 0;
        for (const auto &ns : patched->namespaces) {
            declared += ns.declared;
            QVERIFY(ns.labels == planOf(plan, ns.name).planned);
        }
        QCOMPARE(declared, 6); // all but strict and kube-system change
    }

    void hostileNamesAreQuotedInTheScript()
    {
        WorkspaceSnapshot s;
        NamespaceEntry ns;
        ns.name = "a'b; rm -rf /\nx";
        s.namespaces.push_back(ns);
        const auto plan = Engine::planRollout(s, {});
        const std::string script = Engine::planScript(plan);
        QVERIFY(script.find("namespace 'a'\\''b; rm -rf /\nx' ") != std::string::npos);
        // The comment line cannot be broken out of.
        QVERIFY(script.find("\nx: ") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestRolloutPlan)
#include "tst_rolloutplan.moc"
