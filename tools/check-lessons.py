#!/usr/bin/env python3
"""Check the bundled lessons (resources/lessons/NN-*/) with the podsec CLI.

For every lesson: the files of the format exist (lesson.en.md, lesson.zh_CN.md, goals.yaml,
start/, solution/), both texts have a title, a story, one {#goal} and the same number of
{#hint} sections, start/ and solution/ hold the same file names, `podsec check` reads every
file without input errors, the start state fails at least one goal and the solution state
meets every goal.

Goals are judged from the CLI's JSON as far as it allows:
  passes     `check --level L`: every check of the object passes
  check      PSS id: the check in `check --level restricted` (baseline-only ids such as
             hostPathVolumes from `--level baseline`); checklist id: the object's
             `checklist` entry (`--rules all`); `container:` keeps only that container's fields
  present / absent   the field path walked in the YAML object (PyYAML)
  enforces   `podsec plan --format json`: the namespace's current `enforces` level
  warns / audits   the Namespace object's pod-security.kubernetes.io/warn (audit) label
             (PyYAML; unlabelled or invalid: the admission configuration's default, else
             privileged)
  risk       `podsec access --format json`: the subject's risks of that id (and scope) at a
             severity above `atMost`; a subject nothing names is not met
  admitted   `check --admission`: exempt, or the enforce policy allows the object

Usage: tools/check-lessons.py [--podsec PATH] [--lessons DIR] [-v] [LESSON ...]
Exit status 0 when every lesson is fine, 1 otherwise.
"""
import argparse
import json
import os
import re
import subprocess
import sys

import yaml

PSS_IDS = {
    "allowPrivilegeEscalation", "appArmorProfile", "capabilities_baseline",
    "capabilities_restricted", "hostNamespaces", "hostPathVolumes", "hostPorts",
    "hostProbesAndHostLifecycle", "privileged", "procMount", "procMount_restricted",
    "restrictedVolumes", "runAsNonRoot", "runAsUser", "seLinuxOptions",
    "seccompProfile_baseline", "seccompProfile_restricted", "sysctls", "windowsHostProcess",
}
CHECKLIST_IDS = {
    "serviceAccountToken", "memoryLimit", "cpuLimit", "imageDigest", "secretEnv",
    "hostPathSensitive", "hostPathReadOnly", "windowsAdministrator", "mountableSecrets",
    "podSecurityEnforced", "defaultDenyNetworkPolicy", "resourceQuota", "limitRange",
    "secretInManifest", "legacyServiceAccountToken", "configMapCredentials",
    "serviceExposure", "podSecurityPolicy",
}
GOAL_KINDS = ("passes", "check", "present", "absent", "enforces", "warns", "audits",
              "admitted", "risk")
SEVERITY_ORDER = ("deny", "danger", "warning", "info")  # worst first
LEVELS = ("privileged", "baseline", "restricted")
POD_SPEC_PREFIX = {
    "Pod": ["spec"],
    "PodTemplate": ["template", "spec"],
    "CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
}


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


class State:
    """One workspace (start/ or solution/) evaluated by the CLI."""

    def __init__(self, podsec, folder, version, admission):
        self.folder = folder
        self.errors = []
        extra = ["--admission-config", admission] if admission else []
        self.runs = {}
        for level in ("baseline", "restricted"):
            cmd = [podsec, "check", "--format", "json", "--rules", "all", "--admission",
                   "--level", level, "--version", version] + extra + [folder]
            rc, out, err = run(cmd)
            if rc == 2 or err.strip():
                self.errors.append(f"check --level {level}: exit {rc}: {err.strip()}")
            self.runs[level] = json.loads(out) if out.strip() else {"objects": []}
        rc, out, err = run([podsec, "plan", "--format", "json"] + extra + [folder])
        if rc == 2:
            self.errors.append(f"plan: exit {rc}: {err.strip()}")
        self.plan = json.loads(out) if out.strip() else {"namespaces": []}
        rc, out, err = run([podsec, "access", "--format", "json"] + [folder])
        if rc == 2:
            self.errors.append(f"access: exit {rc}: {err.strip()}")
        self.access = json.loads(out) if out.strip() else {"subjects": []}
        self.defaults = {}
        if admission:
            with open(admission, encoding="utf-8") as f:
                conf = yaml.safe_load(f) or {}
            if conf.get("kind") == "AdmissionConfiguration":
                for plugin in conf.get("plugins", []):
                    if plugin.get("name") == "PodSecurity":
                        conf = plugin.get("configuration") or {}
            self.defaults = conf.get("defaults") or {}
        self.docs = []
        for name in sorted(os.listdir(folder)):
            if name.endswith((".yaml", ".yml")):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    for doc in yaml.safe_load_all(f):
                        if isinstance(doc, dict):
                            self.docs.append(doc)

    @staticmethod
    def _match(kind, ns, name, obj_kind, obj_ns, obj_name):
        return kind == obj_kind and name == obj_name and (ns is None or ns == obj_ns)

    def find(self, ref, level="restricted"):
        parts = ref.split("/")
        kind, ns, name = (parts[0], None, parts[1]) if len(parts) == 2 else parts
        hits = [o for o in self.runs[level]["objects"]
                if self._match(kind, ns, name, o.get("kind"), o.get("namespace"), o.get("name"))]
        return hits[0] if len(hits) == 1 else None

    def find_doc(self, ref):
        parts = ref.split("/")
        kind, ns, name = (parts[0], None, parts[1]) if len(parts) == 2 else parts
        hits = [d for d in self.docs
                if self._match(kind, ns, name, d.get("kind"),
                               (d.get("metadata") or {}).get("namespace", "default"),
                               (d.get("metadata") or {}).get("name"))]
        return hits[0] if len(hits) == 1 else None


def walk(doc, path):
    """Follows a spec path such as spec.containers[0].securityContext.privileged."""
    node = doc
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            i = int(part[1:-1])
            if not isinstance(node, list) or i >= len(node):
                return False, None
            node = node[i]
        else:
            if not isinstance(node, dict) or part not in node:
                return False, None
            node = node[part]
    return node is not None, node


def pod_spec(doc):
    keys = POD_SPEC_PREFIX.get(doc.get("kind"), ["spec", "template", "spec"])
    node = doc
    for k in keys:
        node = (node or {}).get(k)
    return node or {}


def container_fields(doc, fields, container):
    spec = pod_spec(doc)
    keep = []
    for f in fields:
        m = re.search(r"(initContainers|containers|ephemeralContainers)\[(\d+)\]", f["path"])
        if not m:
            continue
        items = spec.get(m.group(1)) or []
        i = int(m.group(2))
        if i < len(items) and (items[i] or {}).get("name") == container:
            keep.append(f)
    return keep


def judge(goal, st):
    """Returns (met: bool|None, why)."""
    kinds = [k for k in GOAL_KINDS if k in goal]
    if len(kinds) != 1:
        return None, f"goal needs exactly one of {GOAL_KINDS}: {goal}"
    kind = kinds[0]
    if kind == "enforces":
        ns = goal.get("namespace")
        for n in st.plan.get("namespaces", []):
            if n["name"] == ns:
                want = str(goal["enforces"])
                have = n["enforces"] if ":" in want else n["enforces"].split(":")[0]
                return have == want, f"namespace {ns} enforces {n['enforces']}"
        return False, f"namespace {ns} not in the workspace"
    if kind in ("warns", "audits"):
        ns, mode = goal.get("namespace"), kind[:-1] if kind == "warns" else "audit"
        docs = [d for d in st.docs if d.get("kind") == "Namespace"
                and (d.get("metadata") or {}).get("name") == ns]
        labels = ((docs[-1].get("metadata") or {}).get("labels") or {}) if docs else {}
        have = labels.get(f"pod-security.kubernetes.io/{mode}")
        if have is None:
            have = st.defaults.get(mode, "privileged")
        elif have not in LEVELS:
            return None, f"namespace {ns}: invalid {mode} label {have!r}, not judged here"
        return have == goal[kind], f"namespace {ns} {kind} at {have}"
    if kind == "risk":
        parts = str(goal.get("subject", "")).split("/", 1)
        skind, rest = parts[0], parts[1] if len(parts) > 1 else ""
        sns, sname = rest.split("/", 1) if skind == "ServiceAccount" else ("", rest)

        def same(s):
            return (s.get("kind") == skind and s.get("name") == sname
                    and (s.get("namespace") or "") == sns)

        named = any(same(s) for s in st.access.get("subjects", []))
        for d in st.docs:
            meta = d.get("metadata") or {}
            if d.get("kind") in ("RoleBinding", "ClusterRoleBinding"):
                for s in d.get("subjects") or []:
                    s = dict(s)
                    if s.get("kind") == "ServiceAccount" and not s.get("namespace"):
                        s["namespace"] = meta.get("namespace", "default")
                    named = named or same(s)
            elif d.get("kind") == "ServiceAccount":
                named = named or same({"kind": "ServiceAccount", "name": meta.get("name"),
                                       "namespace": meta.get("namespace", "default")})
        if not named:
            return False, f"nothing names {goal.get('subject')}"
        limit = SEVERITY_ORDER.index(goal["atMost"]) if "atMost" in goal else len(SEVERITY_ORDER)
        bad = [f"{r['id']} ({r['severity']}, {r['scope']})"
               for s in st.access.get("subjects", []) if same(s)
               for r in s["risks"]
               if r["id"] == goal["risk"] and ("scope" not in goal or r["scope"] == goal["scope"])
               and SEVERITY_ORDER.index(r["severity"]) < limit]
        return not bad, ("too severe: " + ", ".join(bad)) if bad else "no such risk"
    ref = goal.get("object")
    if not ref:
        return None, "goal has no object"
    if kind in ("present", "absent"):
        doc = st.find_doc(ref)
        if doc is None:
            return False, f"{ref} not in the workspace"
        there, _ = walk(doc, goal[kind])
        return (there if kind == "present" else not there), f"{goal[kind]} {'set' if there else 'unset'}"
    if kind == "passes":
        level = goal["passes"]
        if level == "privileged":
            return (st.find(ref) is not None), "privileged runs no checks"
        o = st.find(ref, level)
        if o is None:
            return False, f"{ref} not in the workspace"
        bad = [c["id"] for c in o["checks"] if not c["allowed"]]
        return not bad, "failing: " + ", ".join(bad) if bad else f"passes {level}"
    if kind == "admitted":
        o = st.find(ref)
        if o is None:
            return False, f"{ref} not in the workspace"
        a = o.get("admission") or {}
        ok = a.get("exempt") is not None or a["enforce"]["allowed"]
        why = f"exempt: {a['exempt']}" if a.get("exempt") else f"enforce {a['enforce']['policy']} allowed={a['enforce']['allowed']}"
        return ok == bool(goal["admitted"]), why
    # check
    cid = goal["check"]
    if cid in PSS_IDS:
        found = None
        for level in ("restricted", "baseline"):
            o = st.find(ref, level)
            if o is None:
                return False, f"{ref} not in the workspace"
            found = next((c for c in o["checks"] if c["id"] == cid), None)
            if found:
                break
        if not found:
            return None, f"check {cid} did not run at this version"
    elif cid in CHECKLIST_IDS:
        o = st.find(ref)
        if o is None:
            return False, f"{ref} not in the workspace"
        found = next((c for c in o.get("checklist", []) if c["id"] == cid), None)
        if not found:
            return None, f"checklist rule {cid} not reported for {ref}"
    else:
        return None, f"unknown check id {cid}"
    if "container" in goal:
        doc = st.find_doc(ref)
        fields = container_fields(doc, found["fields"], goal["container"]) if doc else []
        bad = [f["path"] for f in fields if not f["allowed"]]
        return not bad, ("failing " + ", ".join(bad)) if bad else f"{cid} passes on {goal['container']}"
    return found["allowed"], found.get("detail") or f"{cid} passes"


def check_text(path, errors):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# "):
        errors.append(f"{path}: the first line is not a '# ' title")
    heads = [l for l in lines if l.startswith("## ")]
    goals = [h for h in heads if h.rstrip().endswith("{#goal}")]
    hints = [h for h in heads if h.rstrip().endswith("{#hint}")]
    if len(goals) != 1:
        errors.append(f"{path}: {len(goals)} {{#goal}} sections, want 1")
    if not hints:
        errors.append(f"{path}: no {{#hint}} section")
    first = next((i for i, l in enumerate(lines) if l.startswith("## ")), len(lines))
    if not "".join(lines[1:first]).strip():
        errors.append(f"{path}: no story before the first '## '")
    return len(hints)


def check_lesson(podsec, folder, verbose):
    errors, report = [], []
    name = os.path.basename(folder)
    for f in ("lesson.en.md", "lesson.zh_CN.md", "goals.yaml", "start", "solution"):
        if not os.path.exists(os.path.join(folder, f)):
            errors.append(f"missing {f}")
    if errors:
        return errors, report
    hints = [check_text(os.path.join(folder, f), errors) for f in ("lesson.en.md", "lesson.zh_CN.md")]
    if hints[0] != hints[1]:
        errors.append(f"hint count differs between languages: {hints}")
    if sorted(os.listdir(os.path.join(folder, "start"))) != sorted(os.listdir(os.path.join(folder, "solution"))):
        errors.append("start/ and solution/ hold different file names")
    with open(os.path.join(folder, "goals.yaml"), encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    version = str(spec.get("version", "latest"))
    goals = spec.get("goals") or []
    if not any("present" in g for g in goals):
        errors.append("no `present` goal")
    admission = os.path.join(folder, "admission.yaml")
    admission = admission if os.path.exists(admission) else None
    states = {s: State(podsec, os.path.join(folder, s), version, admission) for s in ("start", "solution")}
    for s, st in states.items():
        errors += [f"{s}: {e}" for e in st.errors]
    unmet_start = 0
    for g in goals:
        label = " ".join(f"{k}={g[k]}" for k in ("object", "namespace", "container") if k in g)
        kind = next((k for k in GOAL_KINDS if k in g), "?")
        res = {}
        for s, st in states.items():
            met, why = judge(g, st)
            res[s] = (met, why)
            if met is None:
                errors.append(f"{s}: cannot judge {kind}: {why}")
        if res["start"][0] is False:
            unmet_start += 1
        if res["solution"][0] is not True:
            errors.append(f"solution does not meet {kind}={g[kind]} {label}: {res['solution'][1]}")
        mark = lambda m: {True: "met", False: "unmet", None: "?"}[m]
        report.append(f"  {kind}={g[kind]} {label}: start {mark(res['start'][0])}"
                      f"{' (' + res['start'][1] + ')' if verbose else ''}, solution {mark(res['solution'][0])}")
    if unmet_start == 0:
        errors.append("the start state already meets every goal")
    report.insert(0, f"{name}: {len(goals)} goals, {unmet_start} unmet at start")
    return errors, report


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--podsec", default=os.environ.get("PODSEC", "podsec"))
    ap.add_argument("--lessons", default=os.path.join(here, "..", "resources", "lessons"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("lesson", nargs="*")
    a = ap.parse_args()
    names = a.lesson or sorted(d for d in os.listdir(a.lessons) if re.match(r"\d\d-", d))
    bad = 0
    for n in names:
        folder = n if os.path.isdir(n) else os.path.join(a.lessons, n)
        errors, report = check_lesson(a.podsec, os.path.normpath(folder), a.verbose)
        print("\n".join(report) if report else os.path.basename(folder))
        for e in errors:
            print("  ERROR " + e)
        print(f"  => {'FAIL' if errors else 'ok'}")
        bad += bool(errors)
    print(f"{len(names) - bad}/{len(names)} lessons ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
