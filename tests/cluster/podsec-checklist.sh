#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# podsec-checklist.sh PODSEC: the checklist's kinds read live (`podsec check --kubeconfig
# --rules checklist`) against the HTTPS test API server with --checklist-objects
# (checklist_content.py). The real kubectl lists the same kinds from it (the server speaks
# the protocol: typed lists, field selectors); a live check finds what a check of the same
# objects from files finds (minus secretInManifest, which never fires on a cluster);
# Secrets are read as metadata only: the server sees the PartialObjectMetadataList Accept
# header on every secrets list and never sends a Secret's data, and no planted value
# reaches any output; a 403 on secrets is said by name (exit 2) while the rest is reported.
set -uo pipefail
PODSEC=${1:?usage: podsec-checklist.sh PATH-TO-podsec}
PODSEC=$(cd "$(dirname "$PODSEC")" && pwd)/$(basename "$PODSEC")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KUBECTL=${KUBECTL:-$(command -v kubectl || true)}
work=$(mktemp -d "${TMPDIR:-/tmp}/podsec-checklist.XXXXXX")
export PYTHONDONTWRITEBYTECODE=1
# shellcheck source=serverlib.sh
. "$here/serverlib.sh"

"$here/make-certs.sh" "$work/certs" >/dev/null 2>&1 || { echo "make-certs.sh failed"; exit 1; }
PODS=120
start_server() {
    launch_server --pods $PODS --checklist-objects "$@"
    cat >"$work/kubeconfig" <<KC
apiVersion: v1
kind: Config
current-context: token
clusters:
- name: fake
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority: $work/certs/ca.crt
users:
- name: token
  user: {token: podsec-test-token}
contexts:
- {name: token, context: {cluster: fake, user: token}}
KC
}
planted() { # the planted values, one a line (plain and base64)
    python3 -c "
import sys; sys.path.insert(0, sys.argv[1]); import checklist_content as c
for v in (c.PLANTED_DATA, c.b64(c.PLANTED_DATA), c.PLANTED_APPLIED, c.PLANTED_CONFIG): print(v)" "$here"
}
KINDS="serviceaccounts networkpolicies resourcequotas limitranges services configmaps secrets"

echo "== kubectl lists the checklist's kinds from the test server"
start_server
if [ -n "$KUBECTL" ]; then
    k() { "$KUBECTL" --kubeconfig "$work/kubeconfig" --cache-dir "$work/cache" "$@"; }
    k get ${KINDS// /,} -A -o json >"$work/kubectl.json" 2>"$work/kerr"
    if python3 - "$here" "$work/kubectl.json" $PODS <<'PY'; then pass "kubectl get $KINDS -A: every object, typed"; else fail "kubectl get: $(head -c 300 "$work/kerr")"; fi
import json, sys
sys.path.insert(0, sys.argv[1])
import fake_apiserver as f
want = f.Cluster(int(sys.argv[3]), len(f.NAMESPACE_PLAN), 1, True)
kinds = {"ServiceAccount": "serviceaccounts", "NetworkPolicy": "networkpolicies",
         "ResourceQuota": "resourcequotas", "LimitRange": "limitranges",
         "Service": "services", "ConfigMap": "configmaps", "Secret": "secrets"}
expected = {(k, o["metadata"]["namespace"], o["metadata"]["name"])
            for k, plural in kinds.items() for o in want.items[plural]}
got = {(o["kind"], o["metadata"]["namespace"], o["metadata"]["name"])
       for o in json.load(open(sys.argv[2]))["items"]}
print(f"    {len(got)} objects of {len({k for k, _, _ in got})} kinds")
sys.exit(0 if got == expected and len(kinds) == len({k for k, _, _ in got}) else 1)
PY
    k get secrets -A --field-selector type=kubernetes.io/service-account-token -o name \
        >"$work/tokens" 2>"$work/kerr"
    [ "$(sort "$work/tokens" | tr '\n' ' ')" = "secret/builder-token secret/legacy-admin-token " ] &&
        pass "kubectl get secrets --field-selector type=kubernetes.io/service-account-token: the two tokens" ||
        fail "field selector: $(cat "$work/tokens" "$work/kerr")"
    k get --raw '/api/v1/secrets?fieldSelector=type%3Dkubernetes.io%2Fservice-account-token&limit=1' \
        >"$work/raw.json" 2>"$work/kerr"
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['kind']=='SecretList' and len(d['items'])==1 and d['metadata']['continue'] and 'remainingItemCount' not in d['metadata']" "$work/raw.json" &&
        pass "kubectl get --raw: a field-selected page of one, with a continue token (no remainingItemCount, as with any selector)" ||
        fail "get --raw: $(head -c 300 "$work/raw.json" "$work/kerr")"
    k get secrets -A --field-selector spec.nope=1 >/dev/null 2>"$work/kerr"
    grep -q 'field label not supported: spec.nope' "$work/kerr" &&
        pass "kubectl: an unsupported field selector is refused as the apiserver does" ||
        fail "bad selector: $(cat "$work/kerr")"
else
    echo "  SKIP  kubectl not found"
fi
# The metadata-only form (kubectl has no flag for it; curl sends the header podsec sends).
curl -sS --cacert "$work/certs/ca.crt" -H "Authorization: Bearer podsec-test-token" \
    -H "Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1" \
    "https://127.0.0.1:$port/api/v1/secrets?limit=500" >"$work/meta.json" 2>"$work/cerr"
python3 - "$work/meta.json" <<'PY' && pass "metadata-only Accept: PartialObjectMetadataList (meta.k8s.io/v1) of PartialObjectMetadata items, no data" || fail "metadata list: $(head -c 300 "$work/meta.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["kind"] == "PartialObjectMetadataList" and d["apiVersion"] == "meta.k8s.io/v1"
assert len(d["items"]) == 4
assert all(set(i) == {"kind", "apiVersion", "metadata"} and i["kind"] == "PartialObjectMetadata"
           and i["apiVersion"] == "meta.k8s.io/v1" for i in d["items"])
PY

echo "== a live check finds what a check of the same objects from files finds"
start_server --record-headers "$work/headers.jsonl"
"$PODSEC" check --kubeconfig "$work/kubeconfig" --rules checklist --format json >"$work/live.json" 2>"$work/live.err"
rc=$?
[ $rc = 1 ] && [ ! -s "$work/live.err" ] && pass "live --rules checklist: exit 1 (warnings), nothing on stderr" ||
    fail "live: exit $rc: $(head -c 400 "$work/live.err")"
# The same objects, as the files a user would have (Secrets with their data).
python3 - "$here" "$work/objects.json" $PODS <<'PY'
import json, sys
sys.path.insert(0, sys.argv[1])
import fake_apiserver as f
c = f.Cluster(int(sys.argv[3]), len(f.NAMESPACE_PLAN), 1, True)
items = [f.Cluster.typed(plural, o) for plural, objects in c.items.items() for o in objects
         if not plural.startswith(("cluster", "role"))]
json.dump({"apiVersion": "v1", "kind": "List", "items": items}, open(sys.argv[2], "w"), indent=1)
PY
"$PODSEC" check "$work/objects.json" --rules checklist --format json >"$work/files.json" 2>"$work/files.err"
python3 - "$work/live.json" "$work/files.json" <<'PY' && pass "the same findings (objects and namespaces), secretInManifest aside" || fail "findings differ"
import json, sys
def findings(path):
    d = json.load(open(path))
    out = set()
    for o in d["objects"]:
        for c in o.get("checklist", []):
            if c["id"] == "secretInManifest" or (o["kind"] == "Secret" and c["allowed"]):
                continue
            out.add((o["kind"], o["namespace"], o["name"], c["id"], c["severity"], c["allowed"],
                     c.get("reason"), c.get("detail")))
    for n in d["namespaces"]:
        for c in n["checklist"]:
            out.add(("namespace", n["name"], "", c["id"], c["severity"], c["allowed"],
                     c.get("reason"), c.get("detail")))
    return out
live, files = findings(sys.argv[1]), findings(sys.argv[2])
fail = [f for f in live if not f[5]]
ids = sorted({f[3] for f in fail})
print(f"    {len(live)} findings, {len(fail)} failing: {', '.join(ids)}")
for f in sorted(live ^ files, key=str)[:10]:
    print("    only", "live" if f in live else "files", f)
want = {"serviceAccountToken", "legacyServiceAccountToken", "configMapCredentials",
        "serviceExposure", "defaultDenyNetworkPolicy", "resourceQuota", "limitRange"}
missing = want - set(ids)
if missing:
    print("    missing rules:", sorted(missing))
sys.exit(0 if live == files and not missing else 1)
PY
python3 - "$work/live.json" <<'PY' && pass "live: payments' pods take automount=false from their ServiceAccount; its namespace has default-deny, quota and a memory default" || fail "live cross-object facts"
import json, sys
d = json.load(open(sys.argv[1]))
pods = [o for o in d["objects"] if o["kind"] == "Pod" and o["namespace"] == "payments"]
ok = pods and all(c["allowed"] for o in pods for c in o["checklist"] if c["id"] == "serviceAccountToken")
ns = {n["name"]: {c["id"]: c["allowed"] for c in n["checklist"]} for n in d["namespaces"]}
ok = ok and all(ns["payments"][r] for r in ("defaultDenyNetworkPolicy", "resourceQuota", "limitRange"))
ok = ok and not ns["frontend"]["defaultDenyNetworkPolicy"] and not ns["monitoring"]["limitRange"]
sys.exit(0 if ok else 1)
PY
grep '/secrets' "$work/server.log" >"$work/secret-requests"
if [ -s "$work/secret-requests" ] && ! grep -qv 'metadata-only v1' "$work/secret-requests" &&
    ! grep -q 'PLANTED-DATA-SENT' "$work/server.log" &&
    python3 -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if '/secrets' in json.loads(l)['path']]
assert rows and all(r['headers'].get('Accept') == 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1' and 'fieldSelector=type%3Dkubernetes.io%2Fservice-account-token' in r['path'] for r in rows)
" "$work/headers.jsonl"; then
    pass "server: every secrets list asked for metadata only, of service-account tokens; no Secret data was sent"
else
    fail "secrets requests: $(cat "$work/secret-requests")"
fi
for format in text sarif junit; do
    "$PODSEC" check --kubeconfig "$work/kubeconfig" --rules all --format $format >"$work/out.$format" 2>>"$work/live.err"
done
leaks=$(planted | while read -r v; do grep -l -F -- "$v" "$work"/live.json "$work"/live.err "$work"/out.*; done)
[ -z "$leaks" ] && pass "no planted value (Secret data, last-applied annotation, ConfigMap password) in any output" ||
    fail "planted values in: $leaks"
grep -q 'legacyServiceAccountToken' "$work/out.text" && grep -q 'builder-token' "$work/out.text" &&
    pass "text report: the builder's legacy token is named" || fail "text report: $(head -c 300 "$work/out.text")"

echo "== --rules pss reads no checklist kind"
start_server
"$PODSEC" check --kubeconfig "$work/kubeconfig" --format json >/dev/null 2>"$work/pss.err"
if ! grep -qE "/($(echo $KINDS | tr ' ' '|'))[ ?]" "$work/server.log"; then
    pass "the default rule set lists none of: $KINDS"
else
    fail "pss read: $(grep -E 'secrets|configmaps' "$work/server.log" | head -3)"
fi

echo "== a 403 on secrets is said by name"
start_server --faults 403-secrets
"$PODSEC" check --kubeconfig "$work/kubeconfig" --rules checklist --format json >"$work/forbidden.json" 2>"$work/forbidden.err"
rc=$?
if [ $rc = 2 ] && grep -q 'listing /api/v1/secrets: user "token" is not allowed to do this (403 Forbidden)' "$work/forbidden.err" &&
    grep -q "in each of its 8 namespaces (forbidden: the checklist's findings that need secrets are unknown, not absent)" "$work/forbidden.err" &&
    [ "$(wc -l <"$work/forbidden.err")" = 1 ]; then
    pass "exit 2, one line naming secrets: $(cut -c1-90 "$work/forbidden.err")..."
else
    fail "403: exit $rc: $(cat "$work/forbidden.err")"
fi
python3 - "$work/forbidden.json" <<'PY' && pass "the rest is still reported (no legacy token: unknown, said above)" || fail "partial report"
import json, sys
d = json.load(open(sys.argv[1]))
ids = {c["id"] for o in d["objects"] for c in o.get("checklist", []) if not c["allowed"]}
sys.exit(0 if {"serviceExposure", "configMapCredentials"} <= ids and "legacyServiceAccountToken" not in ids else 1)
PY

stop_server
echo "podsec-checklist: $failures failure(s)"
[ "$failures" = 0 ]
