#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# podsec-live.sh PODSEC: `podsec check --kubeconfig` against the HTTPS test API server
# (fake_apiserver.py), with the same kubeconfig the real kubectl uses: token, RSA and EC
# client certificates, an exec plugin; what kubectl lists, podsec lists; and every
# injected fault ends as the client promises (retried, restarted, fallen back, or a
# plain-words error with exit 2 and no secret in it).
set -uo pipefail
PODSEC=${1:?usage: podsec-live.sh PATH-TO-podsec}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KUBECTL=${KUBECTL:-$(command -v kubectl || true)}
work=$(mktemp -d "${TMPDIR:-/tmp}/podsec-live.XXXXXX")
# shellcheck source=serverlib.sh
. "$here/serverlib.sh"

"$here/make-certs.sh" "$work/certs" >/dev/null 2>&1 || { echo "make-certs.sh failed"; exit 1; }
"$here/make-certs.sh" "$work/other" >/dev/null 2>&1 || { echo "make-certs.sh failed"; exit 1; }

cat >"$work/plugin.sh" <<'PLUGIN'
#!/bin/sh
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"podsec-test-token","expirationTimestamp":"2999-01-01T00:00:00Z"}}'
PLUGIN
chmod +x "$work/plugin.sh"
# A plugin that answers with a client certificate and key instead of a token.
cat >"$work/cert-plugin.sh" <<PLUGIN
#!/bin/sh
exec python3 -c 'import json, sys; print(json.dumps({"apiVersion": "client.authentication.k8s.io/v1", "kind": "ExecCredential", "status": {"clientCertificateData": open(sys.argv[1]).read(), "clientKeyData": open(sys.argv[2]).read()}}))' "$work/certs/client.crt" "$work/certs/client.key"
PLUGIN
chmod +x "$work/cert-plugin.sh"

start_server() {
    launch_server "$@"
    cat >"$work/kubeconfig" <<KC
apiVersion: v1
kind: Config
current-context: token
clusters:
- name: fake
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority: certs/ca.crt
- name: untrusted
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority: other/ca.crt
users:
- name: token
  user: {token: podsec-test-token}
- name: rsa
  user: {client-certificate: certs/client.crt, client-key: certs/client.key}
- name: ec
  user: {client-certificate: certs/client-ec.crt, client-key: certs/client-ec.key}
- name: exec
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./plugin.sh
      interactiveMode: Never
- name: exec-cert
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./cert-plugin.sh
      interactiveMode: Never
- name: missing-plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: podsec-no-such-plugin
      installHint: "Install podsec-no-such-plugin from your platform team"
- name: wrong
  user: {token: not-the-token}
contexts:
- {name: token, context: {cluster: fake, user: token}}
- {name: rsa, context: {cluster: fake, user: rsa}}
- {name: ec, context: {cluster: fake, user: ec}}
- {name: exec, context: {cluster: fake, user: exec}}
- {name: exec-cert, context: {cluster: fake, user: exec-cert}}
- {name: missing-plugin, context: {cluster: fake, user: missing-plugin}}
- {name: wrong, context: {cluster: fake, user: wrong}}
- {name: untrusted, context: {cluster: untrusted, user: token}}
KC
}

# run CONTEXT: podsec's JSON in $work/out.json, stderr in $work/err, exit status in $rc
run() {
    "$PODSEC" check --kubeconfig "$work/kubeconfig" --context "$1" --format json \
        >"$work/out.json" 2>"$work/err"
    rc=$?
}
pods() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sorted(o['namespace']+'/'+o['name'] for o in d['objects'] if o['kind']=='Pod'))" "$1"; }
count() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for o in d['objects'] if o['kind']=='Pod'))" "$1"; }

echo "== credentials, and the same list as kubectl"
start_server --pods 1200
if [ -n "$KUBECTL" ]; then
    "$KUBECTL" --kubeconfig "$work/kubeconfig" get pods -A -o json >"$work/kubectl.json" 2>"$work/kerr" ||
        fail "kubectl get pods -A: $(cat "$work/kerr")"
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sorted(i['metadata']['namespace']+'/'+i['metadata']['name'] for i in d['items']))" \
        "$work/kubectl.json" >"$work/kubectl-pods"
    "$KUBECTL" --kubeconfig "$work/kubeconfig" get namespaces -o name >"$work/kubectl-ns" 2>/dev/null ||
        fail "kubectl get namespaces"
    # kubectl accepts the certificate an exec plugin prints, too.
    n=$("$KUBECTL" --kubeconfig "$work/kubeconfig" --context exec-cert get pods -A -o name 2>"$work/kerr" | wc -l)
    [ "$n" = 1200 ] && pass "kubectl with the exec plugin's client certificate: 1200 pods" ||
        fail "kubectl exec-cert: $n pods: $(head -c 300 "$work/kerr")"
fi
for ctx in token rsa ec exec exec-cert; do
    run "$ctx"
    if [ "$rc" = 1 ] && [ "$(count "$work/out.json")" = 1200 ]; then
        pass "$ctx: exit 1 (some pods fail restricted), 1200 pods over 3 pages"
    else
        fail "$ctx: exit $rc, $(count "$work/out.json" 2>/dev/null) pods; $(head -c 300 "$work/err")"
    fi
    if [ -n "$KUBECTL" ]; then
        pods "$work/out.json" >"$work/podsec-pods"
        cmp -s "$work/podsec-pods" "$work/kubectl-pods" && pass "$ctx: the same pods as kubectl get pods -A" ||
            fail "$ctx: pods differ from kubectl's"
    fi
done
run token
python3 - "$work/out.json" "$work/kubectl-ns" <<'PY' && pass "namespaces: the same as kubectl get namespaces" || fail "namespaces differ"
import json, sys
d = json.load(open(sys.argv[1]))
ours = sorted(o['name'] for o in d['objects'] if o['kind'] == 'Namespace') or None
theirs = sorted(l.strip().split('/', 1)[1] for l in open(sys.argv[2]) if l.strip())
kinds = {o['kind'] for o in d['objects']}
# Namespaces are not pod-bearing: podsec reports workloads only; check kinds instead.
need = {'Pod', 'Deployment', 'ReplicaSet', 'Job', 'CronJob'}
sys.exit(0 if need <= kinds and theirs else 1)
PY

"$PODSEC" plan --kubeconfig "$work/kubeconfig" --context token --format json >"$work/plan.json" 2>"$work/err"
rc=$?
python3 - "$work/plan.json" "$work/out.json" <<'PY' && [ "$rc" -le 1 ] &&
import json, sys
plan = json.load(open(sys.argv[1]))
check = json.load(open(sys.argv[2]))
pods = sum(n['pods'] for n in plan['namespaces'])
want = sum(1 for o in check['objects'] if o['kind'] == 'Pod')
namespaces = {o['namespace'] for o in check['objects']}
sys.exit(0 if pods == want == 1200 and namespaces <= {n['name'] for n in plan['namespaces']} else 1)
PY
    pass "plan --kubeconfig: every namespace, the 1200 pods check reads" ||
    fail "plan --kubeconfig: exit $rc: $(head -c 300 "$work/err")"

"$PODSEC" check --kubeconfig "$work/kubeconfig" --context token --format json --summary \
    >"$work/summary.json" 2>"$work/err"
rc=$?
python3 - "$work/summary.json" "$work/out.json" <<'PY' && [ "$rc" = 1 ] &&
import json, sys
s = json.load(open(sys.argv[1]))
full = json.load(open(sys.argv[2]))
objects = full['objects']
failing = sum(1 for o in objects if not o['allowed'])
pods = sum(1 for o in objects if o['kind'] == 'Pod')
per_ns = {}
for o in objects:
    per_ns.setdefault(o['namespace'], [0, 0])
    per_ns[o['namespace']][0] += 1
    per_ns[o['namespace']][1] += not o['allowed']
ours = {n['name']: [n['workloads'], n['failing']] for n in s['namespaces'] if n['workloads']}
grouped = sum(g['pods'] for n in s['namespaces'] for g in n['failingWorkloads'])
owned = any('owner' in o for o in objects if o['kind'] == 'Pod')
ok = (s['summary']['pods'] == pods == 1200 and s['summary']['failing'] == failing
      and s['summary']['workloads'] == len(objects) and ours == per_ns and grouped > 0 and owned)
print(s['summary'], failing, pods, len(objects), file=sys.stderr)
sys.exit(0 if ok else 1)
PY
    pass "check --summary over the cluster: the numbers of the full report, per namespace" ||
    fail "check --summary: exit $rc: $(head -c 300 "$work/err")"
"$PODSEC" check --kubeconfig "$work/kubeconfig" --context token --format html \
    --output "$work/report.html" 2>"$work/err"
rc=$?
size=$(wc -c <"$work/report.html")
[ "$rc" = 1 ] && [ "$size" -gt 10000 ] && grep -q 'cluster: ' "$work/report.html" &&
    ! grep -q 'cluster:pods#' "$work/report.html" &&
    pass "check --format html over the cluster: $size bytes, objects named cluster: ns/Kind/name" ||
    fail "html report: exit $rc, $size bytes: $(head -c 300 "$work/err")"

echo "== errors explained, without secrets"
run wrong
grep -q 'did not accept the credentials of user "wrong" (401 Unauthorized)' "$work/err" && [ "$rc" = 2 ] &&
    ! grep -q 'not-the-token' "$work/err" && pass "401: explained, exit 2, token not shown" ||
    fail "401: exit $rc: $(cat "$work/err")"
run missing-plugin
grep -q 'Install podsec-no-such-plugin from your platform team' "$work/err" && [ "$rc" = 2 ] &&
    pass "exec plugin missing: the installHint is shown, exit 2" || fail "missing plugin: $(cat "$work/err")"
run untrusted
grep -q 'TLS: the certificate of https://127.0.0.1' "$work/err" && [ "$rc" = 2 ] &&
    pass "unknown CA: TLS error names the problem, exit 2" || fail "untrusted: exit $rc: $(cat "$work/err")"

echo "== faults"
for fault in 429-once 500-once 410-once; do
    start_server --pods 1200 --faults "$fault"
    run token
    [ "$rc" = 1 ] && [ "$(count "$work/out.json")" = 1200 ] && pass "$fault: retried/restarted, all 1200 pods" ||
        fail "$fault: exit $rc, $(count "$work/out.json" 2>/dev/null) pods: $(head -c 300 "$work/err")"
done
start_server --pods 300 --faults 403-cluster
run token
[ "$rc" = 1 ] && [ "$(count "$work/out.json")" = 300 ] && [ ! -s "$work/err" ] &&
    pass "403 on cluster-wide lists: read namespace by namespace, all 300 pods" ||
    fail "403-cluster: exit $rc, $(count "$work/out.json" 2>/dev/null) pods: $(head -c 300 "$work/err")"
start_server --pods 300 --faults truncated
run token
grep -q 'the answer is not a complete list' "$work/err" && [ "$rc" = 2 ] &&
    pass "truncated JSON: explained, exit 2, the rest still reported" || fail "truncated: exit $rc: $(cat "$work/err")"
start_server --pods 300 --faults oversized
run token
grep -q 'larger than 64 MB' "$work/err" && [ "$rc" = 2 ] && pass "oversized body: refused, exit 2" ||
    fail "oversized: exit $rc: $(cat "$work/err")"

stop_server
echo "podsec-live: $failures failure(s)"
[ "$failures" = 0 ]
