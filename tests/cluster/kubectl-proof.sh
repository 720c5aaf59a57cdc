#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# kubectl-proof.sh — proves tests/cluster/fake_apiserver.py speaks enough Kubernetes for the
# real kubectl: discovery (legacy and aggregated), chunked lists (limit=500 + continue),
# bearer-token and client-certificate (RSA and EC) users, and what kubectl does with the
# injected faults. Exit 0 when every check passes. Takes about 20-30 s.
#
#   tests/cluster/kubectl-proof.sh            # KUBECTL=/path/to/kubectl to pick another
#   KEEP=1 tests/cluster/kubectl-proof.sh     # keep the work directory (logs, kubeconfig)
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export PYTHONDONTWRITEBYTECODE=1 # the checks import fake_apiserver; no __pycache__ here
KUBECTL=${KUBECTL:-$(command -v kubectl || true)}
if [ -z "$KUBECTL" ]; then
    echo "SKIP: kubectl not found" >&2
    exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/podsec-kubectl-proof.XXXXXX")
failures=0
server_pid=""

cleanup() {
    stop_server
    if [ "$failures" = 0 ] && [ "${KEEP:-0}" = 0 ]; then
        rm -rf "$work"
    else
        echo "work directory kept: $work" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pass() { printf '  PASS  %s\n' "$*"; }
fail() {
    printf '  FAIL  %s\n' "$*"
    failures=$((failures + 1))
}
note() { printf '  NOTE  %s\n' "$*"; }

"$here/make-certs.sh" "$work/certs" || {
    echo "FAIL: make-certs.sh" >&2
    exit 1
}

# start_server NAME ARGS... : starts the server, sets PORT, LOG, KC (kubeconfig), CACHE.
start_server() {
    local name=$1
    shift
    stop_server
    LOG=$work/server-$name.log
    KC=$work/kubeconfig-$name
    CACHE=$work/cache-$name
    rm -f "$work/$name.port"
    python3 "$here/fake_apiserver.py" --certs "$work/certs" --port 0 \
        --ready-file "$work/$name.port" "$@" 2>"$LOG" &
    server_pid=$!
    for _ in $(seq 100); do
        [ -s "$work/$name.port" ] && break
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "FAIL: server '$name' did not start:" >&2
            cat "$LOG" >&2
            server_pid=""
            exit 1
        fi
        sleep 0.1
    done
    if [ ! -s "$work/$name.port" ]; then
        echo "FAIL: server '$name' wrote no ready file in 10 s" >&2
        exit 1
    fi
    PORT=$(cat "$work/$name.port")
    cat >"$KC" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster:
    server: https://127.0.0.1:$PORT
    certificate-authority: $work/certs/ca.crt
users:
- name: token-user
  user:
    token: proof-token
- name: cert-user
  user:
    client-certificate: $work/certs/client.crt
    client-key: $work/certs/client.key
- name: ec-cert-user
  user:
    client-certificate: $work/certs/client-ec.crt
    client-key: $work/certs/client-ec.key
contexts:
- name: token
  context: {cluster: fake, user: token-user}
- name: cert
  context: {cluster: fake, user: cert-user}
- name: ec-cert
  context: {cluster: fake, user: ec-cert-user}
current-context: token
EOF
}

stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
        server_pid=""
    fi
}

# k CONTEXT ARGS... : kubectl against the current server; stdout in $work/out, stderr in
# $work/err, exit status in RC.
k() {
    local context=$1
    shift
    timeout 30 "$KUBECTL" --kubeconfig "$KC" --context "$context" --cache-dir "$CACHE" \
        --request-timeout=20s "$@" >"$work/out" 2>"$work/err"
    RC=$?
}

# expect_pods PODS NAMESPACES : $work/out (kubectl get pods -A -o json) holds exactly the
# pods the server generated.
expect_pods() {
    python3 - "$here" "$1" "$2" "$work/out" <<'EOF'
import json, sys
sys.path.insert(0, sys.argv[1])
import fake_apiserver as f
want = f.Cluster(int(sys.argv[2]), int(sys.argv[3]), 1)
expected = {(p["metadata"]["namespace"], p["metadata"]["name"]) for p in want.items["pods"]}
doc = json.load(open(sys.argv[4]))
items = doc.get("items", [])
got = [(p["metadata"]["namespace"], p["metadata"]["name"]) for p in items]
problems = []
if len(items) != int(sys.argv[2]):
    problems.append(f"{len(items)} items, expected {sys.argv[2]}")
if len(set(got)) != len(got):
    problems.append(f"{len(got) - len(set(got))} duplicate pods")
if set(got) != expected:
    problems.append(f"{len(expected - set(got))} missing, {len(set(got) - expected)} unknown")
if any(p.get("kind") != "Pod" or p.get("apiVersion") != "v1" for p in items):
    problems.append("items without kind Pod / apiVersion v1")
owned = sum(1 for p in items if p["metadata"].get("ownerReferences"))
if problems:
    print("; ".join(problems))
    sys.exit(1)
print(f"{len(items)} pods ({owned} with an owner) in {len({n for n, _ in got})} namespaces")
EOF
}

# expect_namespaces NAMESPACES : $work/out (kubectl get namespaces) lists exactly them.
expect_namespaces() {
    python3 - "$here" "$1" "$work/out" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import fake_apiserver as f
want = sorted(n["metadata"]["name"] for n in f.Cluster(0, int(sys.argv[2]), 1).items["namespaces"])
lines = open(sys.argv[3]).read().splitlines()
if not lines or lines[0].split()[0] != "NAME":
    print("no table header in kubectl output")
    sys.exit(1)
got = sorted(line.split()[0] for line in lines[1:] if line.strip())
if got != want:
    print(f"kubectl listed {got}, the server has {want}")
    sys.exit(1)
print(f"{len(got)} namespaces: {' '.join(got)}")
EOF
}

errline() { grep -v '^\s*$' "$work/err" | grep -v '^I[0-9]' | tail -1; }

echo "kubectl: $KUBECTL ($("$KUBECTL" version --client 2>/dev/null | head -1))"
echo "work: $work"

# --- 1. the plain server, with more pods than one page of 500 -------------------------
PODS=1234
NS=8
echo "== server: --pods $PODS --namespaces $NS (legacy discovery; 3 pages of 500)"
start_server main --pods $PODS --namespaces $NS --token proof-token
k token get namespaces
if [ $RC = 0 ] && msg=$(expect_namespaces $NS); then
    pass "token user: kubectl get namespaces: $msg"
else
    fail "token user: kubectl get namespaces (rc=$RC): ${msg:-} $(errline)"
fi
for ctx in token cert ec-cert; do
    k $ctx get pods -A -o json
    if [ $RC = 0 ] && msg=$(expect_pods $PODS $NS); then
        pass "$ctx user: kubectl get pods -A -o json: $msg"
    else
        fail "$ctx user: kubectl get pods -A -o json (rc=$RC): ${msg:-} $(errline)"
    fi
done
k cert get namespaces
if [ $RC = 0 ] && msg=$(expect_namespaces $NS); then
    pass "cert user: kubectl get namespaces: $msg"
else
    fail "cert user: kubectl get namespaces (rc=$RC): ${msg:-} $(errline)"
fi
pages=$(grep -c 'GET /api/v1/pods ?.*limit=500.* -> 200' "$LOG")
if [ "$pages" = 9 ]; then
    pass "each pods list took 3 pages (limit=500, then continue=...&limit=500)"
else
    fail "expected 9 page requests for 3 pod lists, the log shows $pages"
fi
# A user that is neither: a wrong token must be refused with 401.
sed -i 's/token: proof-token/token: wrong-token/' "$KC"
rm -rf "$CACHE"
k token get namespaces
if [ $RC != 0 ] && grep -q "Unauthorized\|logged in\|provide credentials" "$work/err"; then
    pass "wrong token: kubectl fails: $(errline)"
else
    fail "wrong token was not refused (rc=$RC): $(errline)"
fi
echo "  discovery requests kubectl made (legacy server):"
grep -o 'GET /[^ ]* ?timeout=[^ ]*' "$LOG" | sort -u | sed 's/^/    /'

# --- 2. aggregated discovery ----------------------------------------------------------
echo "== server: --discovery aggregated"
start_server aggregated --pods 50 --discovery aggregated --token proof-token
k token get pods -A -o json
if [ $RC = 0 ] && msg=$(expect_pods 50 8); then
    pass "aggregated discovery: kubectl get pods -A -o json: $msg"
else
    fail "aggregated discovery: kubectl get pods -A -o json (rc=$RC): ${msg:-} $(errline)"
fi
agg=$(grep -o 'apidiscovery v2[a-z0-9]*' "$LOG" | sort -u | tr '\n' ' ')
if [ -z "$agg" ]; then
    note "kubectl did not ask for aggregated discovery; it used legacy discovery"
elif grep -q 'GET /apis/apps/v1 ' "$LOG"; then
    fail "kubectl got aggregated discovery ($agg) yet still asked for /apis/apps/v1"
else
    pass "kubectl used the aggregated discovery answers ($agg) and made no per-group requests"
fi

# --- 3. 429 once: client-go honours Retry-After and retries ---------------------------
echo "== server: --faults 429-once"
start_server f429 --pods $PODS --faults 429-once --token proof-token
t0=$(date +%s.%N)
k token get pods -A -o json
t1=$(date +%s.%N)
if [ $RC = 0 ] && msg=$(expect_pods $PODS $NS); then
    pass "429-once: kubectl succeeded after $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s: $msg"
else
    fail "429-once: kubectl (rc=$RC): ${msg:-} $(errline)"
fi
if grep -A1 -- '-> 429' "$LOG" | tail -1 | grep -q 'GET /api/v1/pods ?limit=500.* -> 200'; then
    pass "429-once: server log shows 429 then the same request again -> 200"
else
    fail "429-once: the log does not show the retry"
fi

# --- 4. 410 once on the second page ---------------------------------------------------
echo "== server: --faults 410-once"
start_server f410 --pods $PODS --faults 410-once --token proof-token
k token get pods -A -o json
if [ $RC = 0 ] && msg=$(expect_pods $PODS $NS); then
    pass "410-once: kubectl recovered: $msg"
elif [ $RC != 0 ] && grep -qi "expired\|too old" "$work/err"; then
    pass "410-once: kubectl fails clearly (rc=$RC): $(errline)"
else
    fail "410-once: unexpected (rc=$RC): $(errline)"
fi
note "410-once server log: $(grep -c 'GET /api/v1/pods ' "$LOG") pods requests in all, $(grep -c -- '-> 410' "$LOG") of them 410; $(grep -A99 -- '-> 410' "$LOG" | grep -c 'GET /api/v1/pods ?limit=500') fresh restarts after the 410"

# --- 5. the other faults (what kubectl does) ------------------------------------------
echo "== server: --faults 401"
start_server f401 --pods 50 --faults 401 --token proof-token
k token get namespaces
if [ $RC != 0 ] && grep -q "Unauthorized\|logged in\|provide credentials" "$work/err"; then
    pass "401: kubectl fails: $(errline) [$(grep -c 'GET /api ' "$LOG") x GET /api]"
else
    fail "401: (rc=$RC) $(errline)"
fi

echo "== server: --faults 403-cluster"
start_server f403 --pods 50 --faults 403-cluster --token proof-token
k token get pods -A -o json
if [ $RC != 0 ] && grep -q "forbidden" "$work/err"; then
    pass "403-cluster: cluster-wide list refused: $(errline)"
else
    fail "403-cluster: cluster-wide list (rc=$RC): $(errline)"
fi
k token get pods -n payments -o json
if [ $RC = 0 ] && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['items'] and all(p['metadata']['namespace']=='payments' for p in d['items']); print(len(d['items']))" "$work/out" >/dev/null; then
    pass "403-cluster: kubectl get pods -n payments works"
else
    fail "403-cluster: namespaced list (rc=$RC): $(errline)"
fi
k token get namespaces
if [ $RC = 0 ]; then
    pass "403-cluster: namespaces still listable"
else
    fail "403-cluster: namespaces (rc=$RC) $(errline)"
fi

echo "== server: --faults 500-once"
start_server f500 --pods 50 --faults 500-once --token proof-token
k token get pods -A -o json
if [ $RC = 0 ]; then
    note "500-once: kubectl retried and succeeded"
elif grep -q "InternalError\|Internal error" "$work/err"; then
    pass "500-once: kubectl does not retry a 500 without Retry-After: $(errline)"
else
    fail "500-once: (rc=$RC) $(errline)"
fi

echo "== server: --faults truncated"
start_server ftrunc --pods 50 --faults truncated --token proof-token
k token get pods -A -o json
if [ $RC != 0 ]; then
    pass "truncated: kubectl fails: $(errline)"
else
    fail "truncated: kubectl accepted a cut body"
fi

echo "== server: --faults slow"
start_server fslow --pods 50 --faults slow --token proof-token
t0=$(date +%s)
k token get namespaces
t1=$(date +%s)
if [ $RC = 0 ] && [ $((t1 - t0)) -ge 3 ]; then
    pass "slow: kubectl waited $((t1 - t0)) s and succeeded"
else
    fail "slow: rc=$RC after $((t1 - t0)) s $(errline)"
fi

echo "== server: --faults oversized (checked with curl; kubectl has no size limit)"
start_server fbig --pods 50 --faults oversized --token proof-token
size=$(curl -sS --max-time 30 --cacert "$work/certs/ca.crt" -H "Authorization: Bearer proof-token" \
    -o "$work/big.json" -w '%{size_download}' "https://127.0.0.1:$PORT/api/v1/pods?limit=500" 2>"$work/err")
if [ "${size:-0}" -ge 80000000 ] &&
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['items'])==50" "$work/big.json"; then
    pass "oversized: $size bytes of valid PodList JSON with all 50 pods"
else
    fail "oversized: got ${size:-?} bytes $(cat "$work/err")"
fi
rm -f "$work/big.json"
stop_server

echo "== done in ${SECONDS}s"
if [ "$failures" != 0 ]; then
    echo "FAILED: $failures check(s)"
    exit 1
fi
echo "OK: all checks passed"
