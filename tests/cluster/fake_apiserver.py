#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A small, read-only, HTTPS Kubernetes API server for tests (standard library only).

It speaks enough of the real REST protocol that the real `kubectl` works against it:
legacy and (optionally) aggregated discovery, typed lists with limit/continue paging,
Kubernetes Status errors, bearer-token and x509 client-certificate authentication,
gzip and chunked transfer encoding like a Go apiserver. The cluster content is
generated deterministically (--seed) and is realistic: Deployments own ReplicaSets own
Pods, CronJobs own Jobs own Pods, StatefulSets, DaemonSets, ReplicationControllers,
bare Pods and PodTemplates; some pass the "restricted" Pod Security Standard, some only
"baseline", some neither.

    python3 fake_apiserver.py --certs DIR --port 0 --ready-file PORTFILE [--token T]
        [--pods 50] [--namespaces 8] [--faults 429-once,slow] [--discovery legacy]

Faults (--faults, comma separated, each usable alone):
    401          every request answers 401 Unauthorized
    403-cluster  cluster-wide lists of pods and workloads answer 403 Forbidden;
                 namespaced lists (and the namespace list) work
    403-rbac     lists of clusterrolebindings answer 403 Forbidden
    403-secrets  every list of secrets (cluster-wide and per namespace) answers 403
    410-once     the first request carrying a continue token answers 410 Gone
                 (reason Expired), once
    429-once     the first list request answers 429 with Retry-After: 1, once
    500-once     the first list request answers 500 InternalError, once
    slow         every list waits 3 s before answering
    truncated    pods lists: the connection closes in the middle of the body
    oversized    pods lists: the body is padded to 80 MB (valid JSON)
    drip         every answer (status line, headers, body) goes out one byte per
                 --drip-interval seconds (default 1)
    stall        every request is read and never answered (the connection stays open)
    stall-lists  /version answers; every list request is read and never answered
    loop-continue  pods lists always answer one item and the same continue token

--checklist-objects adds the checklist's kinds (checklist_content.py): ServiceAccounts,
NetworkPolicies, ResourceQuotas, LimitRanges, Services, ConfigMaps, Secrets. Lists honour
?fieldSelector= and the metadata-only Accept form (PartialObjectMetadataList); each secrets
list is logged as "metadata-only" or "FULL SECRETS".

Hostile options: --plain-http (no TLS), --server-cert cn-only|wrong-san (make-certs.sh's
certificate with only CN=127.0.0.1, or with a subjectAltName for another name),
--record-headers FILE (one JSON line per request: path and every header received).

See README.md next to this file.
"""

import argparse
import base64
import gzip
import hashlib
import http.server
import json
import os
import random
import re
import socket
import ssl
import sys
import threading
import time
import urllib.parse
import uuid
from datetime import datetime, timedelta, timezone

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checklist_content  # noqa: E402

GIT_VERSION = "v1.31.2"
FAULTS = ("401", "403-cluster", "403-rbac", "403-secrets", "410-once", "429-once", "500-once", "slow", "truncated",
          "oversized", "drip", "stall", "stall-lists", "loop-continue")
CLIENT_CN = "podsec-tester"
GZIP_THRESHOLD = 128 * 1024   # kube-apiserver compresses responses of at least 128 KiB
CHUNK_THRESHOLD = 2048        # Go's net/http switches to chunked encoding past 2 KiB
OVERSIZED_BYTES = 80 * 1000 * 1000
AGGREGATED_TYPE = "application/json;g=apidiscovery.k8s.io;v={};as=APIGroupDiscoveryList"

NOW = datetime(2025, 6, 1, 12, 0, 0, tzinfo=timezone.utc)


def ts(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def uid_for(*parts):
    return str(uuid.UUID(bytes=hashlib.md5("/".join(parts).encode()).digest(), version=4))


# --------------------------------------------------------------------------------------
# API resources (what discovery announces and what the server can list)
# --------------------------------------------------------------------------------------

READ = ["get", "list", "watch"]
ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]


class Resource:
    def __init__(self, group, version, plural, singular, kind, namespaced, short=(),
                 categories=(), subresources=(), verbs=ALL_VERBS):
        self.group, self.version, self.plural, self.singular = group, version, plural, singular
        self.kind, self.namespaced = kind, namespaced
        self.short, self.categories = list(short), list(categories)
        self.subresources, self.verbs = list(subresources), list(verbs)

    @property
    def group_version(self):
        return f"{self.group}/{self.version}" if self.group else self.version

    @property
    def api_version(self):
        return self.group_version

    @property
    def qualified(self):  # "deployments.apps", "pods"
        return f"{self.plural}.{self.group}" if self.group else self.plural


RESOURCES = [
    Resource("", "v1", "namespaces", "namespace", "Namespace", False, ["ns"],
             subresources=["status", "finalize"],
             verbs=["create", "delete", "get", "list", "patch", "update", "watch"]),
    Resource("", "v1", "pods", "pod", "Pod", True, ["po"], ["all"],
             ["status", "log", "exec", "ephemeralcontainers", "eviction", "binding"]),
    Resource("", "v1", "podtemplates", "podtemplate", "PodTemplate", True),
    Resource("", "v1", "replicationcontrollers", "replicationcontroller",
             "ReplicationController", True, ["rc"], ["all"], ["status", "scale"]),
    Resource("", "v1", "services", "service", "Service", True, ["svc"], ["all"], ["status"],
             verbs=["create", "delete", "deletecollection", "get", "list", "patch",
                    "update", "watch"]),
    Resource("apps", "v1", "deployments", "deployment", "Deployment", True, ["deploy"],
             ["all"], ["status", "scale"]),
    Resource("apps", "v1", "replicasets", "replicaset", "ReplicaSet", True, ["rs"], ["all"],
             ["status", "scale"]),
    Resource("apps", "v1", "statefulsets", "statefulset", "StatefulSet", True, ["sts"],
             ["all"], ["status", "scale"]),
    Resource("apps", "v1", "daemonsets", "daemonset", "DaemonSet", True, ["ds"], ["all"],
             ["status"]),
    Resource("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision",
             True),
    Resource("batch", "v1", "jobs", "job", "Job", True, [], ["all"], ["status"]),
    Resource("batch", "v1", "cronjobs", "cronjob", "CronJob", True, ["cj"], ["all"],
             ["status"]),
    Resource("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", True, ["sa"]),
    Resource("", "v1", "configmaps", "configmap", "ConfigMap", True, ["cm"]),
    Resource("", "v1", "secrets", "secret", "Secret", True),
    Resource("", "v1", "resourcequotas", "resourcequota", "ResourceQuota", True, ["quota"],
             subresources=["status"]),
    Resource("", "v1", "limitranges", "limitrange", "LimitRange", True, ["limits"]),
    Resource("networking.k8s.io", "v1", "networkpolicies", "networkpolicy", "NetworkPolicy",
             True, ["netpol"]),
    Resource("rbac.authorization.k8s.io", "v1", "clusterroles", "clusterrole", "ClusterRole",
             False),
    Resource("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "clusterrolebinding",
             "ClusterRoleBinding", False),
    Resource("rbac.authorization.k8s.io", "v1", "roles", "role", "Role", True),
    Resource("rbac.authorization.k8s.io", "v1", "rolebindings", "rolebinding", "RoleBinding",
             True),
]
BY_PATH = {(r.group, r.version, r.plural): r for r in RESOURCES}
# Lists whose cluster-wide form the 403-cluster fault forbids.
WORKLOAD_PLURALS = {"pods", "podtemplates", "replicationcontrollers", "deployments",
                    "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs"}
SUBRESOURCE_KIND = {"status": None, "scale": ("autoscaling", "v1", "Scale"),
                    "eviction": ("policy", "v1", "Eviction"), "binding": ("", "v1", "Binding"),
                    "log": ("", "v1", "Pod"), "exec": ("", "v1", "PodExecOptions"),
                    "ephemeralcontainers": None, "finalize": None}
SUBRESOURCE_VERBS = {"status": ["get", "patch", "update"], "scale": ["get", "patch", "update"],
                     "eviction": ["create"], "binding": ["create"], "log": ["get"],
                     "exec": ["create", "get"], "ephemeralcontainers": ["get", "patch", "update"],
                     "finalize": ["update"]}


def storage_hash(r):
    return base64.b64encode(hashlib.sha256(r.qualified.encode()).digest()[:8]).decode()


def api_resource_list(group, version):
    resources = []
    for r in RESOURCES:
        if (r.group, r.version) != (group, version):
            continue
        entry = {"name": r.plural, "singularName": r.singular, "namespaced": r.namespaced,
                 "kind": r.kind, "verbs": r.verbs}
        if r.short:
            entry["shortNames"] = r.short
        if r.categories:
            entry["categories"] = r.categories
        entry["storageVersionHash"] = storage_hash(r)
        resources.append(entry)
        for sub in r.subresources:
            g_v_k = SUBRESOURCE_KIND.get(sub) or (r.group, r.version, r.kind)
            e = {"name": f"{r.plural}/{sub}", "singularName": "", "namespaced": r.namespaced,
                 "kind": g_v_k[2], "verbs": SUBRESOURCE_VERBS[sub]}
            if g_v_k[0] != r.group:
                e["group"] = g_v_k[0]
            if g_v_k[1] != r.version:
                e["version"] = g_v_k[1]
            resources.append(e)
    return {"kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": f"{group}/{version}" if group else version, "resources": resources}


def api_groups():
    groups = []
    for name in ("apps", "batch", "networking.k8s.io", "rbac.authorization.k8s.io"):
        gv = {"groupVersion": f"{name}/v1", "version": "v1"}
        groups.append({"name": name, "versions": [gv], "preferredVersion": gv})
    return groups


def aggregated_discovery(core, version="v2"):
    """apidiscovery.k8s.io/v2 (or v2beta1, same shape) APIGroupDiscoveryList for /api
    (core) or /apis."""
    names = [""] if core else [g["name"] for g in api_groups()]
    items = []
    for group in names:
        resources = []
        for r in RESOURCES:
            if r.group != group:
                continue
            entry = {"resource": r.plural,
                     "responseKind": {"group": r.group, "version": r.version, "kind": r.kind},
                     "scope": "Namespaced" if r.namespaced else "Cluster",
                     "singularResource": r.singular, "verbs": r.verbs}
            if r.short:
                entry["shortNames"] = r.short
            if r.categories:
                entry["categories"] = r.categories
            subs = []
            for sub in r.subresources:
                g_v_k = SUBRESOURCE_KIND.get(sub) or (r.group, r.version, r.kind)
                subs.append({"subresource": sub,
                             "responseKind": {"group": g_v_k[0], "version": g_v_k[1],
                                              "kind": g_v_k[2]},
                             "verbs": SUBRESOURCE_VERBS[sub]})
            if subs:
                entry["subresources"] = subs
            resources.append(entry)
        metadata = {"creationTimestamp": None}
        if group:
            metadata["name"] = group
        items.append({"metadata": metadata,
                      "versions": [{"version": "v1", "resources": resources,
                                    "freshness": "Current"}]})
    return {"kind": "APIGroupDiscoveryList", "apiVersion": f"apidiscovery.k8s.io/{version}",
            "metadata": {}, "items": items}


# --------------------------------------------------------------------------------------
# Cluster content
# --------------------------------------------------------------------------------------

# Pod-security-relevant variants. "restricted*" pass restricted; "baseline*" pass baseline
# but not restricted; "privileged*" fail baseline.
PROFILES = {
    "restricted": "restricted", "restricted-nbs": "restricted",
    "baseline-none": "baseline", "baseline-no-seccomp": "baseline",
    "baseline-root": "baseline", "baseline-nfs": "baseline",
    "privileged-container": "privileged", "privileged-host": "privileged",
    "privileged-caps": "privileged", "privileged-sysctl": "privileged",
    "privileged-unconfined": "privileged",
}
NAMESPACE_PLAN = [
    # name, labels, profiles used for workloads there
    ("default", {}, ["baseline-none", "restricted", "baseline-root"]),
    ("kube-system", {}, ["privileged-host", "privileged-container", "baseline-none",
                         "restricted"]),
    ("kube-public", {}, None),
    ("kube-node-lease", {}, None),
    ("payments", {"pod-security.kubernetes.io/enforce": "restricted",
                  "pod-security.kubernetes.io/enforce-version": "latest"},
     ["restricted", "restricted-nbs", "restricted"]),
    ("frontend", {"pod-security.kubernetes.io/enforce": "baseline",
                  "pod-security.kubernetes.io/enforce-version": "v1.31",
                  "pod-security.kubernetes.io/warn": "restricted",
                  "pod-security.kubernetes.io/warn-version": "latest"},
     ["restricted", "baseline-no-seccomp", "baseline-none", "baseline-nfs"]),
    ("monitoring", {"pod-security.kubernetes.io/enforce": "privileged",
                    "pod-security.kubernetes.io/audit": "baseline",
                    "pod-security.kubernetes.io/warn": "baseline"},
     ["privileged-host", "privileged-caps", "restricted", "baseline-none"]),
    ("batch", {"pod-security.kubernetes.io/audit": "restricted",
               "pod-security.kubernetes.io/audit-version": "latest"},
     ["baseline-none", "restricted", "privileged-sysctl", "privileged-unconfined"]),
]
EXTRA_LEVELS = [None, "restricted", "baseline", "privileged"]
APP_WORDS = ["api", "web", "worker", "cache", "gateway", "auth", "search", "ledger",
             "billing", "notifier", "exporter", "scheduler", "ingest", "reports", "proxy",
             "queue", "metrics", "checkout", "catalog", "session"]
HASH_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"
NODES = ["node-a1", "node-a2", "node-b1"]


class Cluster:
    def __init__(self, pods, namespaces, seed, checklist=False):
        self.rng = random.Random(seed)
        self.rv = 40000
        self.items = {r.plural: [] for r in RESOURCES}
        self._names = set()
        self._make_namespaces(namespaces)
        self._make_workloads(pods)
        self._make_rbac()
        if checklist:
            checklist_content.populate(self)
        # etcd order: by the key string "namespace/name" (continue tokens rely on it)
        for objects in self.items.values():
            objects.sort(key=object_key)
        self.list_rv = str(self.rv + 17)

    # -- helpers -----------------------------------------------------------------------
    def next_rv(self):
        self.rv += self.rng.randint(1, 9)
        return str(self.rv)

    def suffix(self, n):
        return "".join(self.rng.choice(HASH_ALPHABET) for _ in range(n))

    def unique(self, ns, base):
        name, i = base, 2
        while (ns, name) in self._names:
            name, i = f"{base}-{i}", i + 1
        self._names.add((ns, name))
        return name

    def meta(self, kind, ns, name, labels=None, owner=None, created=None, annotations=None):
        m = {"name": name}
        if ns is not None:
            m["namespace"] = ns
        m["uid"] = uid_for(kind, ns or "", name)
        m["resourceVersion"] = self.next_rv()
        if kind not in ("Namespace", "Pod"):
            m["generation"] = self.rng.randint(1, 6)
        if created is None and owner:  # a little after its owner
            owned = datetime.strptime(owner["metadata"]["creationTimestamp"],
                                      "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
            created = min(NOW - timedelta(minutes=1),
                          owned + timedelta(minutes=self.rng.randint(0, 60 * 24 * 30)))
        m["creationTimestamp"] = ts(created or NOW - timedelta(
            days=self.rng.randint(1, 400), minutes=self.rng.randint(0, 1439)))
        if labels:
            m["labels"] = dict(labels)
        if annotations:
            m["annotations"] = dict(annotations)
        if owner:
            m["ownerReferences"] = [{
                "apiVersion": owner["apiVersion"], "kind": owner["kind"],
                "name": owner["metadata"]["name"], "uid": owner["metadata"]["uid"],
                "controller": True, "blockOwnerDeletion": True}]
        manager = "kube-controller-manager" if owner else "kubectl-client-side-apply"
        m["managedFields"] = [{
            "manager": manager, "operation": "Update",
            "apiVersion": "v1" if kind in (
                "Namespace", "Pod", "ReplicationController", "PodTemplate", "ServiceAccount",
                "ConfigMap", "Secret", "Service", "ResourceQuota", "LimitRange")
            else "networking.k8s.io/v1" if kind == "NetworkPolicy" else "apps/v1",
            "time": m["creationTimestamp"], "fieldsType": "FieldsV1",
            "fieldsV1": {"f:metadata": {"f:labels": {".": {}}}}}]
        return m

    @staticmethod
    def typed(resource_plural, obj):
        r = next(x for x in RESOURCES if x.plural == resource_plural)
        out = {"apiVersion": r.api_version, "kind": r.kind}
        out.update(obj)
        return out

    # -- RBAC: a small story (spec/access.md) ------------------------------------------
    def _make_rbac(self):
        """A CI service account that can create pods in the first namespace, a team that
        can relabel the second, an operator bound to cluster-admin."""
        names = [n["metadata"]["name"] for n in self.items["namespaces"]]
        build, web = names[0], names[min(1, len(names) - 1)]
        group = "rbac.authorization.k8s.io"

        def role(kind, ns, name, rules):
            plural = "clusterroles" if kind == "ClusterRole" else "roles"
            self.items[plural].append({"metadata": self.meta(kind, ns, name), "rules": rules})

        def binding(kind, ns, name, role_kind, role_name, subjects):
            plural = "clusterrolebindings" if kind == "ClusterRoleBinding" else "rolebindings"
            self.items[plural].append({
                "metadata": self.meta(kind, ns, name),
                "roleRef": {"apiGroup": group, "kind": role_kind, "name": role_name},
                "subjects": subjects})

        self.items["serviceaccounts"].append(
            {"metadata": self.meta("ServiceAccount", "ci", "deployer")})
        role("ClusterRole", None, "cluster-admin",
             [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]},
              {"nonResourceURLs": ["*"], "verbs": ["*"]}])
        role("ClusterRole", None, "pod-creator",
             [{"apiGroups": [""], "resources": ["pods"], "verbs": ["create", "get", "list"]}])
        role("Role", web, "labeller",
             [{"apiGroups": [""], "resources": ["namespaces"], "verbs": ["get", "patch"]}])
        binding("RoleBinding", build, "ci-deployer", "ClusterRole", "pod-creator",
                [{"kind": "ServiceAccount", "name": "deployer", "namespace": "ci"}])
        binding("RoleBinding", web, "web-team", "Role", "labeller",
                [{"apiGroup": group, "kind": "Group", "name": "web-team"}])
        binding("ClusterRoleBinding", None, "ops-admin", "ClusterRole", "cluster-admin",
                [{"apiGroup": group, "kind": "User", "name": "ops"}])

    # -- namespaces --------------------------------------------------------------------
    def _make_namespaces(self, count):
        plan = list(NAMESPACE_PLAN[:max(1, count)])
        for i in range(len(plan), count):
            level = EXTRA_LEVELS[i % len(EXTRA_LEVELS)]
            labels = {}
            if level:
                labels = {"pod-security.kubernetes.io/enforce": level,
                          "pod-security.kubernetes.io/enforce-version": "latest"}
            profiles = {"restricted": ["restricted", "restricted-nbs"],
                        "baseline": ["restricted", "baseline-none", "baseline-no-seccomp"],
                        "privileged": ["privileged-caps", "baseline-none", "restricted"],
                        None: ["baseline-none", "restricted", "privileged-container"]}[level]
            plan.append((f"team-{i:02d}", labels, profiles))
        self.pod_namespaces = []
        for name, labels, profiles in plan:
            all_labels = {"kubernetes.io/metadata.name": name}
            all_labels.update(labels)
            created = NOW - timedelta(days=500) if name.startswith(("kube-", "default")) \
                else None
            obj = {"metadata": self.meta("Namespace", None, name, all_labels, created=created),
                   "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}}
            del obj["metadata"]["managedFields"]
            self.items["namespaces"].append(obj)
            if profiles:
                self.pod_namespaces.append((name, profiles))

    # -- pod specs ---------------------------------------------------------------------
    def pod_spec(self, app, ns, profile, restart="Always"):
        tag = f"{self.rng.randint(1, 3)}.{self.rng.randint(0, 20)}.{self.rng.randint(0, 9)}"
        image = f"registry.example.com/{ns}/{app}:{tag}"
        container = {
            "name": app.split("-")[-1] if "-" in app else app,
            "image": image,
            "ports": [{"containerPort": self.rng.choice([8080, 8443, 9090, 3000]),
                       "name": "http", "protocol": "TCP"}],
            "resources": {"limits": {"cpu": "500m", "memory": "256Mi"},
                          "requests": {"cpu": "50m", "memory": "64Mi"}},
            "imagePullPolicy": "IfNotPresent",
            "terminationMessagePath": "/dev/termination-log",
            "terminationMessagePolicy": "File",
        }
        spec = {"containers": [container], "restartPolicy": restart,
                "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
                "serviceAccountName": "default", "serviceAccount": "default",
                "schedulerName": "default-scheduler", "securityContext": {}}
        volumes = []
        restricted_sc = {"allowPrivilegeEscalation": False,
                         "capabilities": {"drop": ["ALL"]},
                         "readOnlyRootFilesystem": True}
        if profile in ("restricted", "restricted-nbs"):
            spec["securityContext"] = {"runAsNonRoot": True, "runAsUser": 10001,
                                       "runAsGroup": 10001, "fsGroup": 10001,
                                       "seccompProfile": {"type": "RuntimeDefault"}}
            container["securityContext"] = json.loads(json.dumps(restricted_sc))
            if profile == "restricted-nbs":
                container["securityContext"]["capabilities"]["add"] = ["NET_BIND_SERVICE"]
            volumes.append({"name": "tmp", "emptyDir": {}})
            container["volumeMounts"] = [{"name": "tmp", "mountPath": "/tmp"}]
            if self.rng.random() < 0.4:  # an init container that is restricted too
                spec["initContainers"] = [{
                    "name": "migrate", "image": image, "command": ["/app/migrate"],
                    "securityContext": json.loads(json.dumps(restricted_sc)),
                    "imagePullPolicy": "IfNotPresent",
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File", "resources": {}}]
        elif profile == "baseline-none":
            pass  # no securityContext at all: baseline yes, restricted no
        elif profile == "baseline-no-seccomp":
            spec["securityContext"] = {"runAsNonRoot": True}
            container["securityContext"] = json.loads(json.dumps(restricted_sc))
        elif profile == "baseline-root":
            spec["securityContext"] = {"runAsUser": 0,
                                       "seccompProfile": {"type": "RuntimeDefault"}}
            container["securityContext"] = {"allowPrivilegeEscalation": True,
                                            "capabilities": {"add": ["CHOWN", "SETUID"]}}
        elif profile == "baseline-nfs":
            spec["securityContext"] = {"runAsNonRoot": True,
                                       "seccompProfile": {"type": "RuntimeDefault"}}
            container["securityContext"] = json.loads(json.dumps(restricted_sc))
            volumes.append({"name": "shared", "nfs": {"server": "nfs.example.com",
                                                      "path": "/exports/shared"}})
            container["volumeMounts"] = [{"name": "shared", "mountPath": "/shared"}]
        elif profile == "privileged-container":
            container["securityContext"] = {"privileged": True}
        elif profile == "privileged-host":
            spec.update({"hostNetwork": True, "hostPID": True,
                         "priorityClassName": "system-node-critical"})
            container["ports"][0]["hostPort"] = container["ports"][0]["containerPort"]
            container["securityContext"] = {"privileged": True}
            volumes.append({"name": "host-root",
                            "hostPath": {"path": "/", "type": "Directory"}})
            container["volumeMounts"] = [{"name": "host-root", "mountPath": "/host",
                                          "readOnly": True}]
            spec["tolerations"] = [{"operator": "Exists"}]
        elif profile == "privileged-caps":
            container["securityContext"] = {"capabilities": {"add": ["SYS_ADMIN", "NET_ADMIN"]}}
        elif profile == "privileged-sysctl":
            spec["securityContext"] = {"sysctls": [{"name": "kernel.msgmax", "value": "65536"}]}
        elif profile == "privileged-unconfined":
            spec["securityContext"] = {"seccompProfile": {"type": "Unconfined"}}
            container["securityContext"] = {
                "appArmorProfile": {"type": "Unconfined"}, "procMount": "Unmasked"}
        else:
            raise ValueError(profile)
        if volumes:
            spec["volumes"] = volumes
        return spec

    def template(self, labels, spec, profile):
        return {"metadata": {"creationTimestamp": None, "labels": dict(labels),
                             "annotations": {"podsec.example.com/profile": profile}},
                "spec": spec}

    def pod(self, name, ns, labels, template_spec, owner, profile, phase="Running",
            node=None):
        spec = json.loads(json.dumps(template_spec))
        spec["nodeName"] = node or self.rng.choice(NODES)
        token_volume = f"kube-api-access-{self.suffix(5)}"
        spec.setdefault("volumes", []).append({"name": token_volume, "projected": {
            "defaultMode": 420, "sources": [
                {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"name": "kube-root-ca.crt",
                               "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
                {"downwardAPI": {"items": [{"path": "namespace", "fieldRef": {
                    "apiVersion": "v1", "fieldPath": "metadata.namespace"}}]}}]}})
        for c in spec["containers"]:
            c.setdefault("volumeMounts", []).append({
                "name": token_volume, "readOnly": True,
                "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"})
        spec.update({"enableServiceLinks": True, "preemptionPolicy": "PreemptLowerPriority",
                     "priority": 2000001000 if spec.get("priorityClassName") else 0,
                     "tolerations": spec.get("tolerations", []) + [
                         {"key": "node.kubernetes.io/not-ready", "operator": "Exists",
                          "effect": "NoExecute", "tolerationSeconds": 300},
                         {"key": "node.kubernetes.io/unreachable", "operator": "Exists",
                          "effect": "NoExecute", "tolerationSeconds": 300}]})
        m = self.meta("Pod", ns, name, labels, owner,
                      annotations={"podsec.example.com/profile": profile})
        started = m["creationTimestamp"]
        host_ip = f"10.0.0.{NODES.index(spec['nodeName']) + 11}"
        pod_ip = host_ip if spec.get("hostNetwork") else \
            f"10.244.{self.rng.randint(0, 3)}.{self.rng.randint(2, 250)}"
        ready = "True" if phase == "Running" else "False"
        statuses = []
        for c in spec["containers"]:
            st = {"name": c["name"], "image": c["image"],
                  "imageID": c["image"].split(":")[0] + "@sha256:" +
                  hashlib.sha256(c["image"].encode()).hexdigest(),
                  "containerID": "containerd://" + hashlib.sha256(
                      (ns + name + c["name"]).encode()).hexdigest(),
                  "ready": phase == "Running", "restartCount": self.rng.choice([0, 0, 0, 1, 4]),
                  "started": phase == "Running"}
            if phase == "Running":
                st["state"] = {"running": {"startedAt": started}}
            else:
                st["state"] = {"terminated": {"exitCode": 0, "reason": "Completed",
                                              "startedAt": started, "finishedAt": started,
                                              "containerID": st["containerID"]}}
            statuses.append(st)
        status = {"phase": phase, "conditions": [
            {"type": t, "status": ready if t in ("Ready", "ContainersReady") else "True",
             "lastProbeTime": None, "lastTransitionTime": started}
            for t in ("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady",
                      "PodScheduled")],
            "hostIP": host_ip, "hostIPs": [{"ip": host_ip}], "podIP": pod_ip,
            "podIPs": [{"ip": pod_ip}], "startTime": started, "containerStatuses": statuses,
            "qosClass": "Burstable"}
        obj = {"metadata": m, "spec": spec, "status": status}
        self.items["pods"].append(obj)
        return obj

    # -- workloads ---------------------------------------------------------------------
    def _make_workloads(self, pods):
        remaining = pods
        kinds = (["Deployment"] * 9 + ["StatefulSet"] * 2 + ["DaemonSet"] * 2 +
                 ["CronJob"] * 2 + ["Job"] * 2 + ["ReplicationController"] + ["Pod"] * 2)
        i = 0
        while remaining > 0:
            ns, profiles = self.pod_namespaces[i % len(self.pod_namespaces)]
            profile = profiles[(i // len(self.pod_namespaces)) % len(profiles)]
            kind = self.rng.choice(kinds)
            if ns == "kube-system" and i % 3 == 0:
                kind = "DaemonSet"
            app = self.unique(ns, f"{self.rng.choice(APP_WORDS)}-{self.rng.choice(APP_WORDS)}"
                              if self.rng.random() < 0.5 else self.rng.choice(APP_WORDS))
            want = min(self.rng.randint(1, 4), remaining)
            if kind == "DaemonSet":
                want = min(len(NODES), remaining)
            elif kind in ("Pod", "CronJob", "Job"):
                want = 1
            made = getattr(self, "_make_" + kind)(ns, app, profile, want)
            remaining -= made
            i += 1
        # A few PodTemplates (not pods; templates on their own).
        for n, (ns, profiles) in enumerate(self.pod_namespaces[:3]):
            profile = profiles[-1]
            labels = {"app.kubernetes.io/name": f"template-{n}"}
            self.items["podtemplates"].append({
                "metadata": self.meta("PodTemplate", ns, f"debug-template-{n}", labels),
                "template": self.template(labels, self.pod_spec("debug", ns, profile),
                                          profile)})

    def _labels(self, app):
        return {"app.kubernetes.io/name": app, "app.kubernetes.io/part-of": "podsec-demo",
                "app": app}

    def _make_Deployment(self, ns, app, profile, replicas):
        labels = self._labels(app)
        spec = self.pod_spec(app, ns, profile)
        dep = self.typed("deployments", {"metadata": self.meta("Deployment", ns, app, labels),
                                         "spec": None, "status": None})
        dep["spec"] = {"replicas": replicas, "revisionHistoryLimit": 10,
                       "progressDeadlineSeconds": 600,
                       "selector": {"matchLabels": {"app.kubernetes.io/name": app}},
                       "strategy": {"type": "RollingUpdate", "rollingUpdate": {
                           "maxSurge": "25%", "maxUnavailable": "25%"}},
                       "template": self.template(labels, spec, profile)}
        dep["status"] = {"observedGeneration": dep["metadata"]["generation"],
                         "replicas": replicas, "updatedReplicas": replicas,
                         "readyReplicas": replicas, "availableReplicas": replicas,
                         "conditions": [{"type": "Available", "status": "True",
                                         "reason": "MinimumReplicasAvailable"}]}
        revisions = [0, replicas] if self.rng.random() < 0.35 else [replicas]
        for rev, count in enumerate(revisions, start=1):
            h = self.suffix(10)
            rs_labels = dict(labels, **{"pod-template-hash": h})
            rs = self.typed("replicasets", {
                "metadata": self.meta("ReplicaSet", ns, self.unique(ns, f"{app}-{h}"),
                                      rs_labels, dep, annotations={
                                          "deployment.kubernetes.io/desired-replicas":
                                          str(replicas),
                                          "deployment.kubernetes.io/revision": str(rev)})})
            rs["spec"] = {"replicas": count, "selector": {"matchLabels": {
                "app.kubernetes.io/name": app, "pod-template-hash": h}},
                "template": self.template(rs_labels, spec, profile)}
            rs["status"] = {"replicas": count, "fullyLabeledReplicas": count,
                            "readyReplicas": count, "availableReplicas": count,
                            "observedGeneration": rs["metadata"]["generation"]}
            if not count:
                for k in ("fullyLabeledReplicas", "readyReplicas", "availableReplicas"):
                    del rs["status"][k]
            self.items["replicasets"].append(_untyped(rs))
            for _ in range(count):
                self.pod(self.unique(ns, f"{app}-{h}-{self.suffix(5)}"), ns, rs_labels, spec,
                         rs, profile)
        self.items["deployments"].append(_untyped(dep))
        return replicas

    def _make_StatefulSet(self, ns, app, profile, replicas):
        labels = self._labels(app)
        spec = self.pod_spec(app, ns, profile)
        sts = self.typed("statefulsets", {"metadata": self.meta("StatefulSet", ns, app, labels)})
        revision = f"{app}-{self.suffix(10)}"
        sts["spec"] = {"replicas": replicas, "serviceName": app,
                       "podManagementPolicy": "OrderedReady",
                       "selector": {"matchLabels": {"app.kubernetes.io/name": app}},
                       "template": self.template(labels, spec, profile),
                       "updateStrategy": {"type": "RollingUpdate",
                                          "rollingUpdate": {"partition": 0}},
                       "volumeClaimTemplates": [{
                           "apiVersion": "v1", "kind": "PersistentVolumeClaim",
                           "metadata": {"name": "data", "creationTimestamp": None},
                           "spec": {"accessModes": ["ReadWriteOnce"],
                                    "resources": {"requests": {"storage": "1Gi"}},
                                    "volumeMode": "Filesystem"}}]}
        sts["status"] = {"observedGeneration": sts["metadata"]["generation"],
                         "replicas": replicas, "readyReplicas": replicas,
                         "currentReplicas": replicas, "updatedReplicas": replicas,
                         "availableReplicas": replicas, "currentRevision": revision,
                         "updateRevision": revision, "collisionCount": 0}
        self.items["statefulsets"].append(_untyped(sts))
        for n in range(replicas):
            name = self.unique(ns, f"{app}-{n}")
            pod_labels = dict(labels, **{"controller-revision-hash": revision,
                                         "statefulset.kubernetes.io/pod-name": name,
                                         "apps.kubernetes.io/pod-index": str(n)})
            pod_spec = json.loads(json.dumps(spec))
            pod_spec["hostname"], pod_spec["subdomain"] = name, app
            pod_spec.setdefault("volumes", []).insert(0, {
                "name": "data", "persistentVolumeClaim": {"claimName": f"data-{name}"}})
            self.pod(name, ns, pod_labels, pod_spec, sts, profile)
        return replicas

    def _make_DaemonSet(self, ns, app, profile, count):
        labels = self._labels(app)
        spec = self.pod_spec(app, ns, profile)
        ds = self.typed("daemonsets", {"metadata": self.meta("DaemonSet", ns, app, labels)})
        ds["spec"] = {"selector": {"matchLabels": {"app.kubernetes.io/name": app}},
                      "template": self.template(labels, spec, profile),
                      "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {
                          "maxUnavailable": 1, "maxSurge": 0}},
                      "revisionHistoryLimit": 10}
        ds["status"] = {"currentNumberScheduled": count, "numberMisscheduled": 0,
                        "desiredNumberScheduled": count, "numberReady": count,
                        "observedGeneration": ds["metadata"]["generation"],
                        "updatedNumberScheduled": count, "numberAvailable": count}
        self.items["daemonsets"].append(_untyped(ds))
        h = self.suffix(10)
        for n in range(count):
            self.pod(self.unique(ns, f"{app}-{self.suffix(5)}"), ns,
                     dict(labels, **{"controller-revision-hash": h,
                                     "pod-template-generation": "1"}),
                     spec, ds, profile, node=NODES[n % len(NODES)])
        return count

    def _job(self, ns, name, labels, spec, profile, owner, succeeded):
        job = self.typed("jobs", {"metadata": None})
        job_uid = uid_for("Job", ns, name)
        job_labels = dict(labels, **{"batch.kubernetes.io/controller-uid": job_uid,
                                     "batch.kubernetes.io/job-name": name,
                                     "controller-uid": job_uid, "job-name": name})
        job["metadata"] = self.meta("Job", ns, name, labels if owner else job_labels, owner)
        job["spec"] = {"parallelism": 1, "completions": 1, "backoffLimit": 6,
                       "completionMode": "NonIndexed", "suspend": False,
                       "podReplacementPolicy": "TerminatingOrFailed",
                       "selector": {"matchLabels": {
                           "batch.kubernetes.io/controller-uid": job_uid}},
                       "manualSelector": False,
                       "template": self.template(job_labels, spec, profile)}
        job["status"] = {"startTime": job["metadata"]["creationTimestamp"],
                         "ready": 0 if succeeded else 1, "terminating": 0,
                         "uncountedTerminatedPods": {}}
        if succeeded:
            job["status"].update({"succeeded": 1, "completionTime":
                                  job["metadata"]["creationTimestamp"],
                                  "conditions": [{"type": "Complete", "status": "True"}]})
        else:
            job["status"]["active"] = 1
        self.items["jobs"].append(_untyped(job))
        self.pod(self.unique(ns, f"{name}-{self.suffix(5)}"), ns, job_labels, spec, job,
                 profile, phase="Succeeded" if succeeded else "Running")

    def _make_Job(self, ns, app, profile, _count):
        spec = self.pod_spec(app, ns, profile, restart="Never")
        self._job(ns, app, self._labels(app), spec, profile, None, self.rng.random() < 0.5)
        return 1

    def _make_CronJob(self, ns, app, profile, _count):
        labels = self._labels(app)
        spec = self.pod_spec(app, ns, profile, restart="OnFailure")
        cj = self.typed("cronjobs", {"metadata": self.meta("CronJob", ns, app, labels)})
        cj["spec"] = {"schedule": "*/30 * * * *", "concurrencyPolicy": "Forbid",
                      "suspend": False, "successfulJobsHistoryLimit": 3,
                      "failedJobsHistoryLimit": 1,
                      "jobTemplate": {"metadata": {"creationTimestamp": None,
                                                   "labels": dict(labels)},
                                      "spec": {"backoffLimit": 2, "template":
                                               self.template(labels, spec, profile)}}}
        minute = 28845120 + self.rng.randint(0, 5000) * 30
        job_name = self.unique(ns, f"{app}-{minute}")
        cj["status"] = {"lastScheduleTime": ts(NOW - timedelta(minutes=12)),
                        "lastSuccessfulTime": ts(NOW - timedelta(minutes=11)),
                        "active": [{"kind": "Job", "namespace": ns, "name": job_name,
                                    "uid": uid_for("Job", ns, job_name),
                                    "apiVersion": "batch/v1",
                                    "resourceVersion": str(self.rv + 1)}]}
        self.items["cronjobs"].append(_untyped(cj))
        self._job(ns, job_name, labels, spec, profile, cj, False)
        return 1

    def _make_ReplicationController(self, ns, app, profile, replicas):
        labels = self._labels(app)
        spec = self.pod_spec(app, ns, profile)
        rc = self.typed("replicationcontrollers", {
            "metadata": self.meta("ReplicationController", ns, app, labels)})
        rc["spec"] = {"replicas": replicas, "selector": {"app": app},
                      "template": self.template(labels, spec, profile)}
        rc["status"] = {"replicas": replicas, "fullyLabeledReplicas": replicas,
                        "readyReplicas": replicas, "availableReplicas": replicas,
                        "observedGeneration": rc["metadata"]["generation"]}
        self.items["replicationcontrollers"].append(_untyped(rc))
        for _ in range(replicas):
            self.pod(self.unique(ns, f"{app}-{self.suffix(5)}"), ns, labels, spec, rc, profile)
        return replicas

    def _make_Pod(self, ns, app, profile, _count):
        self.pod(app, ns, self._labels(app), self.pod_spec(app, ns, profile), None, profile)
        return 1


def _untyped(obj):
    """Lists from the apiserver carry kind/apiVersion on the list only, not on items."""
    return {k: v for k, v in obj.items() if k not in ("kind", "apiVersion")}


# --------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------

def status_body(code, reason, message, details=None, metadata=None):
    s = {"kind": "Status", "apiVersion": "v1", "metadata": metadata or {},
         "status": "Failure", "message": message, "reason": reason}
    if details is not None:
        s["details"] = details
    s["code"] = code
    return s


UNAUTHORIZED = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                "message": "Unauthorized", "reason": "Unauthorized", "code": 401}


class Faults:
    def __init__(self, spec):
        self.active = set(f.strip() for f in (spec or "").split(",") if f.strip())
        unknown = self.active - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown fault(s): {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(FAULTS)}")
        self.used = set()
        self.lock = threading.Lock()

    def __contains__(self, name):
        return name in self.active

    def once(self, name):
        """True the first time a "-once" fault is asked for, if it is active."""
        if name not in self.active:
            return False
        with self.lock:
            if name in self.used:
                return False
            self.used.add(name)
            return True


def encode_continue(rv, key):
    raw = json.dumps({"v": "meta.k8s.io/v1", "rv": int(rv), "start": key + "\x00"},
                     separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_continue(token):
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if data.get("v") != "meta.k8s.io/v1" or not isinstance(data.get("start"), str):
            raise ValueError("unknown version")
        return data["start"]
    except Exception as e:  # noqa: BLE001 - any decoding problem is a bad token
        raise ValueError(str(e)) from None


def object_key(obj):
    m = obj["metadata"]
    return f"{m['namespace']}/{m['name']}" if "namespace" in m else m["name"]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-apiserver"
    sys_version = ""
    timeout = 120  # idle keep-alive connections are closed after this

    # BaseHTTPRequestHandler logs through log_message; we log once per request ourselves.
    def log_message(self, format, *args):  # noqa: A002
        pass

    def log_request(self, code="-", size="-"):
        pass

    # -- entry points ------------------------------------------------------------------
    def do_GET(self):
        self._started = time.monotonic()
        self._user = "-"
        srv = self.server
        if srv.record_headers:
            with srv.record_lock, open(srv.record_headers, "a") as f:
                f.write(json.dumps({"path": self.path, "headers": dict(self.headers.items())})
                        + "\n")
        if "stall" in srv.faults or ("stall-lists" in srv.faults
                                     and not self.path.startswith("/version")):
            self.log_line(0, 0, "STALLED")
            self.stall()
            return
        if "drip" in srv.faults and not isinstance(self.wfile, DripWriter):
            self.wfile = DripWriter(self.wfile, srv.drip_interval)
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, socket.timeout) as e:
            self.log_line(getattr(self, "_status", 0), 0, f"client went away: {e}")
            self.close_connection = True

    def stall(self):
        """Never answer; return once the client has gone (or after an hour)."""
        self.close_connection = True
        self.connection.settimeout(1)
        end = time.monotonic() + 3600
        while time.monotonic() < end:
            try:
                if not self.connection.recv(1):
                    return
            except socket.timeout:
                continue
            except (OSError, ssl.SSLError):
                return

    def _not_allowed(self):
        self._started = time.monotonic()
        self._user = "-"
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if not self.authenticate():
            return
        self.send_json(405, status_body(405, "MethodNotAllowed",
                                        "this fake API server is read-only"))

    do_POST = do_PUT = do_PATCH = do_DELETE = _not_allowed

    # -- auth --------------------------------------------------------------------------
    def authenticate(self):
        srv = self.server
        if "401" in srv.faults:
            self.send_json(401, UNAUTHORIZED)
            return False
        auth = self.headers.get("Authorization", "")
        scheme, _, token = auth.partition(" ")
        if srv.token and scheme.lower() == "bearer" and token.strip() == srv.token:
            self._user = "token"
            return True
        cert = self.connection.getpeercert() if hasattr(self.connection, "getpeercert") \
            else None
        if cert:  # verified against the CA during the handshake (CERT_OPTIONAL)
            cns = [v for rdn in cert.get("subject", ()) for k, v in rdn if k == "commonName"]
            if CLIENT_CN in cns:
                self._user = f"x509:{CLIENT_CN}"
                return True
            self._user = f"x509:{','.join(cns)}(rejected)"
        self.send_json(401, UNAUTHORIZED)
        return False

    def user_name(self):
        return CLIENT_CN if self._user.startswith("x509") else \
            "system:serviceaccount:podsec:scanner"

    # -- routing -----------------------------------------------------------------------
    def route(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path.rstrip("/") or "/"
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        self.query = {k: v[-1] for k, v in query.items()}
        if not self.authenticate():
            return
        if path == "/version":
            return self.send_json(200, {
                "major": "1", "minor": "31", "gitVersion": GIT_VERSION,
                "gitCommit": "5864a4677267e6adeae276ad85882a8714d69d9d",
                "gitTreeState": "clean", "buildDate": "2024-10-22T20:28:14Z",
                "goVersion": "go1.22.8", "compiler": "gc", "platform": "linux/amd64"})
        if path in ("/healthz", "/livez", "/readyz"):
            return self.send_bytes(200, b"ok", "text/plain; charset=utf-8")
        if path == "/api":
            version = self.wants_aggregated()
            if version:
                return self.send_json(200, aggregated_discovery(True, version),
                                      AGGREGATED_TYPE.format(version))
            host, port = self.server.server_address[:2]
            return self.send_json(200, {
                "kind": "APIVersions", "versions": ["v1"],
                "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0",
                                                "serverAddress": f"{host}:{port}"}]})
        if path == "/apis":
            version = self.wants_aggregated()
            if version:
                return self.send_json(200, aggregated_discovery(False, version),
                                      AGGREGATED_TYPE.format(version))
            return self.send_json(200, {"kind": "APIGroupList", "apiVersion": "v1",
                                        "groups": api_groups()})
        parts = path.strip("/").split("/")
        # /api/v1/... or /apis/{group}/{version}/...
        if parts[0] == "api" and len(parts) >= 2:
            group, version, rest = "", parts[1], parts[2:]
        elif parts[0] == "apis" and len(parts) >= 3:
            group, version, rest = parts[1], parts[2], parts[3:]
        elif parts[0] == "apis" and len(parts) == 2:
            for g in api_groups():
                if g["name"] == parts[1]:
                    return self.send_json(200, dict({"kind": "APIGroup", "apiVersion": "v1"},
                                                    **g))
            return self.not_found()
        else:
            return self.not_found()
        if not any((r.group, r.version) == (group, version) for r in RESOURCES):
            return self.not_found()
        if not rest:
            return self.send_json(200, api_resource_list(group, version))
        namespace = None
        if rest[0] == "namespaces" and len(rest) >= 3:
            namespace, rest = rest[1], rest[2:]
        resource = BY_PATH.get((group, version, rest[0]))
        if resource is None or (namespace is not None and not resource.namespaced):
            return self.not_found()
        if len(rest) == 1:
            return self.list_collection(resource, namespace)
        if len(rest) == 2:
            return self.get_object(resource, namespace, rest[1])
        if len(rest) == 3 and rest[2] == "status" and "status" in resource.subresources:
            return self.get_object(resource, namespace, rest[1])
        return self.not_found()

    def wants_aggregated(self):
        """"v2" or "v2beta1" when aggregated discovery is on and the Accept header asks for
        it (first acceptable entry wins), else None."""
        if self.server.discovery != "aggregated":
            return None
        for part in self.headers.get("Accept", "").split(","):
            params = dict(p.strip().split("=", 1) for p in part.split(";")[1:] if "=" in p)
            if (params.get("g") == "apidiscovery.k8s.io" and params.get("v") in ("v2", "v2beta1")
                    and params.get("as") == "APIGroupDiscoveryList"):
                return params["v"]
        return None

    def not_found(self):
        self.send_json(404, status_body(404, "NotFound",
                                        "the server could not find the requested resource",
                                        {}))

    def get_object(self, resource, namespace, name):
        for obj in self.server.cluster.items[resource.plural]:
            m = obj["metadata"]
            if m["name"] == name and m.get("namespace") == namespace:
                return self.send_json(200, Cluster.typed(resource.plural, obj))
        details = {"name": name, "kind": resource.plural}
        if resource.group:
            details["group"] = resource.group
        self.send_json(404, status_body(404, "NotFound",
                                        f'{resource.qualified} "{name}" not found', details))

    def list_collection(self, resource, namespace):
        srv = self.server
        if "slow" in srv.faults:
            time.sleep(3)
        if srv.faults.once("429-once"):
            self.extra_headers = [("Retry-After", "1")]
            return self.send_json(429, status_body(
                429, "TooManyRequests", "Too many requests, please try again later.",
                {"retryAfterSeconds": 1}))
        if srv.faults.once("500-once"):
            return self.send_json(500, status_body(
                500, "InternalError",
                "Internal error occurred: injected by fake_apiserver (500-once)",
                {"causes": [{"message": "injected by fake_apiserver (500-once)"}]}))
        if (namespace is None and resource.namespaced and "403-cluster" in srv.faults
                and resource.plural in WORKLOAD_PLURALS):
            details = {"kind": resource.plural}
            if resource.group:
                details["group"] = resource.group
            return self.send_json(403, status_body(
                403, "Forbidden",
                f'{resource.qualified} is forbidden: User "{self.user_name()}" cannot list '
                f'resource "{resource.plural}" in API group "{resource.group}" at the '
                f'cluster scope', details))
        if resource.plural == "secrets" and "403-secrets" in srv.faults:
            where = f'in the namespace "{namespace}"' if namespace else "at the cluster scope"
            return self.send_json(403, status_body(
                403, "Forbidden",
                f'secrets is forbidden: User "{self.user_name()}" cannot list resource '
                f'"secrets" in API group "" {where}', {"kind": "secrets"}))
        metadata_version, acceptable = checklist_content.metadata_version(
            self.headers.get("Accept", ""))
        if not acceptable:
            return self.send_json(406, status_body(
                406, "NotAcceptable",
                f'only the following media types are accepted: application/json, '
                f'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1'))
        if resource.plural == "clusterrolebindings" and "403-rbac" in srv.faults:
            return self.send_json(403, status_body(
                403, "Forbidden",
                f'clusterrolebindings.rbac.authorization.k8s.io is forbidden: User '
                f'"{self.user_name()}" cannot list resource "clusterrolebindings" in API group '
                f'"rbac.authorization.k8s.io" at the cluster scope',
                {"group": "rbac.authorization.k8s.io", "kind": "clusterrolebindings"}))
        items = srv.cluster.items[resource.plural]
        if namespace is not None:
            items = [o for o in items if o["metadata"].get("namespace") == namespace]
        selector = self.query.get("fieldSelector", "")
        if selector:
            try:
                items = [o for o in items if checklist_content.field_filter(
                    resource.plural, selector)(o)]
            except ValueError as e:
                return self.send_json(400, status_body(400, "BadRequest", str(e)))
        start = 0
        token = self.query.get("continue", "")
        if token:
            try:
                key = decode_continue(token)
            except ValueError as e:
                return self.send_json(400, status_body(
                    400, "BadRequest", f"continue key is not valid: {e}"))
            if srv.faults.once("410-once"):
                return self.send_json(410, status_body(
                    410, "Expired",
                    "The provided continue parameter is too old to display a consistent "
                    "list result. You can start a new list without the continue parameter, "
                    "or use the continue token in this response to retrieve the remainder "
                    "of the results. Continuing with the provided token results in an "
                    "inconsistent list - objects that were created, modified, or deleted "
                    "between the time the first chunk was returned and now may show up in "
                    "the list.", metadata={"continue": token}))
            start = len(items)
            for i, obj in enumerate(items):
                if object_key(obj) >= key:  # key is the previous page's last + "\0"
                    start = i
                    break
        limit_text = self.query.get("limit", "")
        try:
            limit = int(limit_text) if limit_text else 0
        except ValueError:
            return self.send_json(400, status_body(
                400, "BadRequest", f'invalid value for "limit": {limit_text!r}'))
        end = len(items) if limit <= 0 else min(len(items), start + limit)
        page = items[start:end]
        metadata = {"resourceVersion": srv.cluster.list_rv}
        if end < len(items):
            metadata["continue"] = encode_continue(srv.cluster.list_rv, object_key(items[end - 1]))
            if not selector:  # unknown with a selector (and left out, as the apiserver does)
                metadata["remainingItemCount"] = len(items) - end
        body = {"kind": resource.kind + "List", "apiVersion": resource.api_version,
                "metadata": metadata, "items": page}
        if resource.plural == "pods" and "loop-continue" in srv.faults and items:
            metadata = {"resourceVersion": srv.cluster.list_rv,
                        "continue": encode_continue(srv.cluster.list_rv, object_key(items[0])),
                        "remainingItemCount": len(items)}
            body = dict(body, metadata=metadata, items=items[:1])
        if metadata_version:
            body = checklist_content.as_metadata_list(body, metadata_version)
        if resource.plural == "secrets":
            self.note = ("metadata-only " + metadata_version if metadata_version else
                         "FULL SECRETS (Accept: " + self.headers.get("Accept", "") + ")")
        if resource.plural == "pods" and "oversized" in srv.faults:
            return self.send_oversized(body)
        if resource.plural == "pods" and "truncated" in srv.faults:
            return self.send_truncated(body)
        self.send_json(200, body)

    # -- responses ---------------------------------------------------------------------
    def common_headers(self, content_type):
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-cache, private")
        self.send_header("Audit-Id", str(uuid.uuid4()))
        self.send_header("X-Kubernetes-Pf-Flowschema-Uid", uid_for("flowschema", "exempt"))
        self.send_header("X-Kubernetes-Pf-Prioritylevel-Uid", uid_for("prioritylevel", "exempt"))
        for name, value in getattr(self, "extra_headers", []):
            self.send_header(name, value)
        self.extra_headers = []

    def send_json(self, code, obj, content_type="application/json"):
        body = json.dumps(obj, separators=(",", ":")).encode()
        self.send_bytes(code, body, content_type)

    def send_bytes(self, code, body, content_type):
        self._status = code
        accepts_gzip = any(p.split(";")[0].strip().lower() == "gzip"
                           for p in self.headers.get("Accept-Encoding", "").split(","))
        note = ""
        wire = body
        if self.server.gzip and accepts_gzip and len(body) >= GZIP_THRESHOLD:
            wire = gzip.compress(body, compresslevel=1)
            note = f"gzip {len(wire)}B"
        chunked = self.use_chunked(len(wire))
        self.send_response_only(code)
        self.send_header("Date", self.date_time_string())
        self.common_headers(content_type)
        if "apidiscovery" in content_type:
            self.send_header("Vary", "Accept")
            note = "apidiscovery " + content_type.split(";v=")[1].split(";")[0]
        if wire is not body:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(wire)))
        self.end_headers()
        if chunked:
            for i in range(0, len(wire), 64 * 1024):
                piece = wire[i:i + 64 * 1024]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.wfile.write(wire)
        self.wfile.flush()
        if checklist_content.carries_planted_data(body):
            note += " PLANTED-DATA-SENT"
        note = " ".join(n for n in (note, getattr(self, "note", "")) if n)
        self.note = ""
        self.log_line(code, len(body), ("chunked " if chunked else "") + note)

    def use_chunked(self, size):
        framing = self.server.framing
        return self.request_version == "HTTP/1.1" and (
            framing == "chunked" or (framing == "auto" and size > CHUNK_THRESHOLD))

    def send_stream(self, pieces, total, complete=True):
        """200 with an uncompressed application/json body made of pieces (total bytes
        announced when not chunked). complete=False: stop early and close the connection
        (no terminating chunk)."""
        chunked = self.use_chunked(total)
        self._status = 200
        self.send_response_only(200)
        self.send_header("Date", self.date_time_string())
        self.common_headers("application/json")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(total))
        if not complete:
            self.send_header("Connection", "close")
        self.end_headers()
        sent = 0
        for piece in pieces:
            if chunked:
                self.wfile.write(b"%x\r\n" % len(piece) + piece + b"\r\n")
            else:
                self.wfile.write(piece)
            sent += len(piece)
        if chunked and complete:
            self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        if not complete:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        return chunked, sent

    def send_truncated(self, obj):
        """Announce the whole body (Content-Length, or chunked), send half of it, close."""
        body = json.dumps(obj, separators=(",", ":")).encode()
        half = body[:len(body) // 2]
        chunked, sent = self.send_stream([half[i:i + 65536] for i in range(0, len(half), 65536)],
                                         len(body), complete=False)
        self.log_line(200, sent, f"{'chunked ' if chunked else ''}TRUNCATED of {len(body)}B")

    def send_oversized(self, obj):
        """A valid PodList of OVERSIZED_BYTES: the first item carries a huge annotation."""
        marker = "@@PODSEC_PADDING@@"
        if obj["items"]:
            first = json.loads(json.dumps(obj["items"][0]))
            first["metadata"].setdefault("annotations", {})["podsec.example.com/padding"] = marker
            obj = dict(obj, items=[first] + obj["items"][1:])
        else:  # nothing to hang it on: an extra (ignored) field in the list metadata
            obj = dict(obj, metadata=dict(obj["metadata"], padding=marker))
        head, tail = json.dumps(obj, separators=(",", ":")).encode().split(marker.encode())
        pad = max(0, OVERSIZED_BYTES - len(head) - len(tail))
        block = b"x" * (1 << 20)

        def pieces():
            yield head
            left = pad
            while left > 0:
                yield block[:min(left, len(block))]
                left -= len(block)
            yield tail

        total = len(head) + pad + len(tail)
        chunked, sent = self.send_stream(pieces(), total)
        self.log_line(200, sent, f"{'chunked ' if chunked else ''}OVERSIZED")

    def log_line(self, code, size, note=""):
        ms = (time.monotonic() - getattr(self, "_started", time.monotonic())) * 1000
        url = urllib.parse.urlsplit(self.path)
        query = re.sub(r"(continue=[^&]{12})[^&]*", r"\1...",
                       urllib.parse.unquote(url.query))
        sys.stderr.write(f"fake-apiserver: {self.command} {url.path} ?{query} -> {code} "
                         f"{size}B {ms:.0f}ms user={self._user}"
                         f"{' ' + note if note else ''}\n")
        sys.stderr.flush()


class DripWriter:
    """Writes one byte per interval: a server that answers, very slowly."""

    def __init__(self, raw, interval):
        self.raw = raw
        self.interval = interval

    def write(self, data):
        for i in range(len(data)):
            self.raw.write(data[i:i + 1])
            self.raw.flush()
            time.sleep(self.interval)
        return len(data)

    def flush(self):
        self.raw.flush()


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def finish_request(self, request, client_address):
        """TLS handshake in the connection's own thread, not in the accept loop."""
        request.settimeout(15)
        # Headers and body go out in separate writes; without TCP_NODELAY, Nagle plus the
        # client's delayed ACK adds ~40 ms to each small response.
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self.ssl_context is None:  # --plain-http
            try:
                self.RequestHandlerClass(request, client_address, self)
            except (ConnectionError, socket.timeout):
                pass
            return
        try:
            tls = self.ssl_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as e:
            sys.stderr.write(f"fake-apiserver: TLS handshake with {client_address[0]} "
                             f"failed: {e}\n")
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        except (ConnectionError, ssl.SSLError, socket.timeout):
            pass
        finally:
            try:
                tls.close()
            except OSError:
                pass

    def handle_error(self, request, client_address):
        sys.stderr.write(f"fake-apiserver: error with {client_address}: {sys.exc_info()[1]}\n")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--ready-file", help="write the chosen port here once listening")
    p.add_argument("--certs", required=True,
                   help="directory with ca.crt, server.crt, server.key (make-certs.sh)")
    p.add_argument("--token", default="podsec-test-token", help="accepted bearer token")
    p.add_argument("--pods", type=int, default=50, help="number of pods (exactly)")
    p.add_argument("--namespaces", type=int, default=len(NAMESPACE_PLAN),
                   help="number of namespaces (default %(default)s; beyond that team-NN)")
    p.add_argument("--seed", type=int, default=1, help="the content is deterministic per seed")
    p.add_argument("--checklist-objects", action="store_true",
                   help="add the checklist's kinds (checklist_content.py)")
    p.add_argument("--faults", default="", help="comma list of: " + ", ".join(FAULTS))
    p.add_argument("--discovery", choices=("legacy", "aggregated"), default="legacy",
                   help="legacy: /api and /apis always answer APIVersions/APIGroupList; "
                        "aggregated: answer apidiscovery.k8s.io/v2 (or v2beta1) when the "
                        "Accept header asks for it")
    p.add_argument("--framing", choices=("auto", "length", "chunked"), default="auto",
                   help="auto (like Go): Content-Length up to 2 KiB, chunked above")
    p.add_argument("--no-gzip", action="store_true",
                   help="never gzip (default: gzip bodies >= 128 KiB when accepted)")
    p.add_argument("--plain-http", action="store_true", help="serve http://, no TLS")
    p.add_argument("--server-cert", choices=("good", "cn-only", "wrong-san"), default="good",
                   help="cn-only: CN=127.0.0.1 without subjectAltName; wrong-san: CN=127.0.0.1 "
                        "with a subjectAltName for other.example (both signed by the CA)")
    p.add_argument("--drip-interval", type=float, default=1.0,
                   help="seconds between two bytes with the drip fault")
    p.add_argument("--record-headers", help="append each request's path and headers (JSON "
                                            "lines) to this file")
    args = p.parse_args(argv)

    try:
        faults = Faults(args.faults)
    except ValueError as e:
        p.error(str(e))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    name = {"good": "server", "cn-only": "server-cn", "wrong-san": "server-wrongsan"}[
        args.server_cert]
    ctx.load_cert_chain(os.path.join(args.certs, name + ".crt"),
                        os.path.join(args.certs, "server.key"))
    ctx.load_verify_locations(os.path.join(args.certs, "ca.crt"))
    ctx.verify_mode = ssl.CERT_OPTIONAL
    ctx.set_alpn_protocols(["http/1.1"])  # never h2: this is an HTTP/1.1 server

    started = time.monotonic()
    cluster = Cluster(args.pods, args.namespaces, args.seed, args.checklist_objects)
    server = Server((args.host, args.port), Handler)
    server.ssl_context = None if args.plain_http else ctx
    server.record_headers = args.record_headers
    server.record_lock = threading.Lock()
    server.drip_interval = args.drip_interval
    server.cluster = cluster
    server.faults = faults
    server.token = args.token
    server.discovery = args.discovery
    server.framing = args.framing
    server.gzip = not args.no_gzip
    port = server.server_address[1]
    counts = ", ".join(f"{len(v)} {k}" for k, v in cluster.items.items() if v)
    scheme = "http" if args.plain_http else "https"
    sys.stderr.write(f"fake-apiserver: {scheme}://{args.host}:{port} ({counts}; faults: "
                     f"{','.join(sorted(faults.active)) or 'none'}; discovery: "
                     f"{args.discovery}; generated in {time.monotonic() - started:.2f}s)\n")
    sys.stderr.flush()
    if args.ready_file:
        tmp = args.ready_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, args.ready_file)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
