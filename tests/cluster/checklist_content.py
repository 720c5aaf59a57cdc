# SPDX-License-Identifier: Apache-2.0
"""The checklist's kinds for fake_apiserver.py (--checklist-objects): ServiceAccounts,
NetworkPolicies, ResourceQuotas, LimitRanges, Services, ConfigMaps and Secrets, a small
story for spec/checklist.md, plus the API's list forms these reads use: field selectors and
the metadata-only PartialObjectMetadataList (what kube-apiserver's asPartialObjectMetadataList
in staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go answers).

Planted values (PLANTED_*) sit in Secret data and in a Secret's kubectl last-applied
annotation; a client that reads Secrets as metadata only never receives the first, and must
not repeat the second."""

import base64
import json

PLANTED_DATA = "planted-SECRET-DATA-5e7a2b"         # a Secret's data, never sent as metadata
PLANTED_APPLIED = "planted-LAST-APPLIED-0c94d1"     # a Secret's last-applied annotation
PLANTED_CONFIG = "planted-CONFIGMAP-PASSWORD-41aa"  # a ConfigMap value (a finding, not shown)
TOKEN_TYPE = "kubernetes.io/service-account-token"
METADATA_KIND = "PartialObjectMetadata"


def b64(text):
    return base64.b64encode(text.encode()).decode()


def carries_planted_data(body):
    """True when bytes about to be sent hold a Secret's planted data (plain or base64)."""
    return PLANTED_DATA.encode() in body or b64(PLANTED_DATA).encode() in body


def populate(cluster):
    """Adds the objects to cluster.items (after everything else: the other objects and
    their resourceVersions stay as they were)."""
    names = [n["metadata"]["name"] for n in cluster.items["namespaces"]]

    def add(plural, kind, ns, name, body=None, annotations=None, labels=None):
        obj = {"metadata": cluster.meta(kind, ns, name, labels=labels, annotations=annotations)}
        obj.update(body or {})
        cluster.items[plural].append(obj)
        return obj

    ca = ("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUfakeCAfakeCAfakeCA\n"
          "-----END CERTIFICATE-----\n")
    for ns in names:
        # What every namespace has: its default account and the cluster's CA bundle.
        sa = add("serviceaccounts", "ServiceAccount", ns, "default")
        if ns == "payments":
            sa["automountServiceAccountToken"] = False
        add("configmaps", "ConfigMap", ns, "kube-root-ca.crt", {"data": {"ca.crt": ca}})
    if "default" in names:
        add("services", "Service", "default", "kubernetes", {
            "spec": {"type": "ClusterIP", "clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"],
                     "ports": [{"name": "https", "port": 443, "protocol": "TCP",
                                "targetPort": 6443}]}})
        add("secrets", "Secret", "default", "db-credentials",
            {"type": "Opaque", "data": {"username": b64("app"), "password": b64(PLANTED_DATA)}})
    if "payments" in names:
        add("networkpolicies", "NetworkPolicy", "payments", "default-deny",
            {"spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}})
        add("resourcequotas", "ResourceQuota", "payments", "compute",
            {"spec": {"hard": {"requests.cpu": "8", "limits.memory": "16Gi", "pods": "50"}}})
        add("limitranges", "LimitRange", "payments", "defaults",
            {"spec": {"limits": [{"type": "Container", "default": {"memory": "256Mi"},
                                  "defaultRequest": {"memory": "64Mi"}}]}})
    if "frontend" in names:
        add("networkpolicies", "NetworkPolicy", "frontend", "allow-web",
            {"spec": {"podSelector": {"matchLabels": {"app": "web"}},
                      "ingress": [{"ports": [{"port": 8080, "protocol": "TCP"}]}]}})
        add("resourcequotas", "ResourceQuota", "frontend", "pods",
            {"spec": {"hard": {"pods": "100"}}})
        add("services", "Service", "frontend", "web", {
            "spec": {"type": "LoadBalancer", "selector": {"app": "web"},
                     "ports": [{"port": 443, "targetPort": 8443, "protocol": "TCP"}]}})
        add("services", "Service", "frontend", "legacy-ip", {
            "spec": {"type": "ClusterIP", "externalIPs": ["203.0.113.10"],
                     "ports": [{"port": 80, "protocol": "TCP"}]}})
        add("secrets", "Secret", "frontend", "registry", {
            "type": "kubernetes.io/dockerconfigjson",
            "data": {".dockerconfigjson": b64('{"auths":{}}')}})
    if "monitoring" in names:
        add("limitranges", "LimitRange", "monitoring", "cpu-only",
            {"spec": {"limits": [{"type": "Container", "default": {"cpu": "500m"}}]}})
        add("configmaps", "ConfigMap", "monitoring", "grafana-config", {"data": {
            "grafana.ini": "[server]\nhttp_port = 3000\n",
            "adminPassword": PLANTED_CONFIG}})
    if "kube-system" in names:
        add("secrets", "Secret", "kube-system", "legacy-admin-token", {
            "type": TOKEN_TYPE,
            "data": {"token": b64(PLANTED_DATA), "ca.crt": b64(ca), "namespace": b64("kube-system")}},
            annotations={"kubernetes.io/service-account.name": "legacy-admin",
                         "kubernetes.io/service-account.uid": "6c1a0c9b-29f3-4e40-a6f0-3c5e1f7b1a11"})
    if "batch" in names:
        applied = {"apiVersion": "v1", "kind": "Secret", "type": TOKEN_TYPE,
                   "metadata": {"name": "builder-token", "namespace": "batch", "annotations": {
                       "kubernetes.io/service-account.name": "builder"}},
                   "stringData": {"token": PLANTED_APPLIED}}
        add("serviceaccounts", "ServiceAccount", "batch", "builder",
            {"secrets": [{"name": "builder-token"}]})
        add("secrets", "Secret", "batch", "builder-token", {
            "type": TOKEN_TYPE, "data": {"token": b64(PLANTED_DATA)}},
            annotations={"kubernetes.io/service-account.name": "builder",
                         "kubectl.kubernetes.io/last-applied-configuration":
                         json.dumps(applied, separators=(",", ":")) + "\n"})


# --------------------------------------------------------------------------------------
# List forms
# --------------------------------------------------------------------------------------

def field_filter(plural, selector):
    """A predicate for ?fieldSelector= (terms joined by ",", each f=v, f==v or f!=v), or
    raises ValueError with kube-apiserver's message for a field it does not support."""
    terms = []
    for term in (t for t in selector.split(",") if t):
        for op in ("!=", "==", "="):
            if op in term:
                field, value = term.split(op, 1)
                terms.append((field.strip(), op, value.strip()))
                break
        else:
            raise ValueError(f'invalid selector: \'{selector}\'; can\'t understand \'{term}\'')
    supported = {"metadata.name", "metadata.namespace"} | ({"type"} if plural == "secrets" else set())
    for field, _, _ in terms:
        if field not in supported:
            raise ValueError(f'field label not supported: {field}')

    def value_of(obj, field):
        if field == "type":
            return obj.get("type", "")
        return obj["metadata"].get(field.split(".", 1)[1], "")

    return lambda obj: all((value_of(obj, f) == v) == (op != "!=") for f, op, v in terms)


def metadata_version(accept):
    """(version, acceptable): the PartialObjectMetadataList version the Accept header asks
    for first ("v1", "v1beta1"), None for the objects whole; acceptable is False when no
    entry can be served (406). Table is not served here: such entries are skipped."""
    if not accept.strip():
        return None, True
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        params = dict(p.split("=", 1) for p in params if "=" in p)
        if media not in ("application/json", "application/*", "*/*"):
            continue
        shape = params.get("as")
        if shape is None:
            return None, True
        if (shape == "PartialObjectMetadataList" and params.get("g") == "meta.k8s.io"
                and params.get("v") in ("v1", "v1beta1")):
            return params["v"], True
    return None, False


def as_metadata_list(body, version):
    """A typed list as kube-apiserver's PartialObjectMetadataList: the list's metadata, items
    with their metadata only."""
    group_version = f"meta.k8s.io/{version}"
    return {"kind": "PartialObjectMetadataList", "apiVersion": group_version,
            "metadata": body["metadata"],
            "items": [{"kind": METADATA_KIND, "apiVersion": group_version,
                       "metadata": item["metadata"]} for item in body["items"]]}
