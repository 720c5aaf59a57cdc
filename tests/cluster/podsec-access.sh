#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# podsec-access.sh PODSEC: `podsec access --kubeconfig` against the HTTPS test API server
# (fake_apiserver.py), which serves a small RBAC story; the real kubectl lists the same
# objects with the same kubeconfig (skipped where kubectl is missing). A 403 on an RBAC
# list is said (exit 2), never taken as "no risk".
set -uo pipefail
PODSEC=${1:?usage: podsec-access.sh PATH-TO-podsec}
PODSEC=$(cd "$(dirname "$PODSEC")" && pwd)/$(basename "$PODSEC")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KUBECTL=${KUBECTL:-$(command -v kubectl || true)}
work=$(mktemp -d "${TMPDIR:-/tmp}/podsec-access.XXXXXX")
failures=0
server_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
        server_pid=""
    fi
}
trap 'stop_server; [ "$failures" = 0 ] && rm -rf "$work" || echo "kept $work"' EXIT
pass() { printf '  PASS  %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }

"$here/make-certs.sh" "$work/certs" >/dev/null 2>&1 || { echo "make-certs.sh failed"; exit 1; }

start_server() {
    stop_server
    rm -f "$work/port"
    python3 "$here/fake_apiserver.py" --certs "$work/certs" --port 0 --ready-file "$work/port" \
        "$@" 2>"$work/server.log" &
    server_pid=$!
    for _ in $(seq 100); do
        [ -s "$work/port" ] && break
        sleep 0.1
    done
    [ -s "$work/port" ] || { echo "server did not start"; cat "$work/server.log"; exit 1; }
    cat >"$work/kubeconfig" <<KC
apiVersion: v1
kind: Config
current-context: token
clusters:
- name: fake
  cluster:
    server: https://127.0.0.1:$(cat "$work/port")
    certificate-authority: certs/ca.crt
users:
- name: token
  user: {token: podsec-test-token}
contexts:
- {name: token, context: {cluster: fake, user: token}}
KC
}

check_json() { # FILE PYTHON-EXPRESSION-ON-d
    python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
risks = {(s["name"], r["id"], r["scope"], r["severity"]) for s in d["subjects"] for r in s["risks"]}
chains = [l for s in d["subjects"] for r in s["risks"] for l in r["chain"]]
ok = eval(sys.argv[2])
if not ok:
    print(sorted(risks))
sys.exit(0 if ok else 1)
PY
}

start_server
echo "access: live RBAC objects"
if [ -n "$KUBECTL" ]; then
    (cd "$work" && "$KUBECTL" --kubeconfig kubeconfig get clusterroles,clusterrolebindings,roles,rolebindings,serviceaccounts -A -o name >"$work/kubectl.out" 2>"$work/kubectl.err")
    if [ "$(wc -l <"$work/kubectl.out")" = 7 ]; then pass "kubectl lists the 7 RBAC objects"
    else fail "kubectl: $(cat "$work/kubectl.out" "$work/kubectl.err")"; fi
else
    echo "  SKIP  kubectl not found"
fi
(cd "$work" && "$PODSEC" access --kubeconfig kubeconfig --context token --format json >"$work/access.json" 2>"$work/access.err")
rc=$?
if [ $rc = 1 ]; then pass "podsec access exits 1 on risks"; else fail "exit $rc: $(cat "$work/access.err")"; fi
if check_json "$work/access.json" "any(r[0] == 'deployer' and r[1] == 'createWorkloads' and r[3] == 'danger' for r in risks) and ('ops', 'clusterAdmin', 'cluster', 'danger') in risks and any(r[0] == 'web-team' and r[1] == 'relabelNamespace' for r in risks)"; then
    pass "the CI account, the team and the operator have their risks"
else fail "risks missing"; fi
if check_json "$work/access.json" "all(l['source'] is None and not l['builtin'] for l in chains)"; then
    pass "live chains name cluster objects (no file, no built-in)"
else fail "live chains"; fi

start_server --faults 403-rbac
(cd "$work" && "$PODSEC" access --kubeconfig kubeconfig --context token --format json >"$work/forbidden.json" 2>"$work/forbidden.err")
rc=$?
if [ $rc = 2 ] && grep -q "clusterrolebindings" "$work/forbidden.err" && grep -q "unknown, not absent" "$work/forbidden.err"; then
    pass "a 403 on clusterrolebindings is said (exit 2)"
else fail "403: exit $rc: $(cat "$work/forbidden.err")"; fi
if check_json "$work/forbidden.json" "any(r[0] == 'deployer' and r[1] == 'createWorkloads' and r[3] == 'danger' for r in risks) and not any(r[0] == 'ops' for r in risks)"; then
    pass "what could be read is still evaluated"
else fail "partial read"; fi
if grep -q podsec-test-token "$work/access.json" "$work/access.err" "$work/forbidden.err"; then
    fail "the token appears in the output"
else pass "no token in any output"; fi
exit $((failures > 0))
