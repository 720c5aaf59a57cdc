#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cluster-bench.sh PODSEC [PODS] [RUNS]: lists and evaluates PODS pods (default 10,000, in
# pages of 500) plus their workloads from the HTTPS test API server with
# `podsec check --kubeconfig`, RUNS times (default 3); prints wall time and peak RSS per run,
# and kubectl's time for the same pods for comparison (the Python server is shared cost).
set -euo pipefail
usage() { sed -n '3,6p' "$0" | sed 's/^# \{0,1\}//'; }
case "${1:-}" in
-h | --help) usage; exit 0 ;;
"") usage >&2; exit 2 ;;
esac
PODSEC=$1
PODS=${2:-10000}
RUNS=${3:-3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../tests/cluster" && pwd)
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
"$here/make-certs.sh" "$work/certs" >/dev/null 2>&1
python3 "$here/fake_apiserver.py" --certs "$work/certs" --port 0 --ready-file "$work/port" \
    --pods "$PODS" 2>/dev/null &
pid=$!
for _ in $(seq 200); do [ -s "$work/port" ] && break; sleep 0.1; done
cat >"$work/kubeconfig" <<KC
kind: Config
current-context: bench
clusters: [{name: c, cluster: {server: "https://127.0.0.1:$(cat "$work/port")", certificate-authority: certs/ca.crt}}]
users: [{name: u, user: {token: podsec-test-token}}]
contexts: [{name: bench, context: {cluster: c, user: u}}]
KC
for i in $(seq "$RUNS"); do
    /usr/bin/time -f "run $i: %e s wall, %M KB peak RSS" \
        "$PODSEC" check --kubeconfig "$work/kubeconfig" --format json >"$work/out.json" || true
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('objects', d['summary'], 'pods', sum(1 for o in d['objects'] if o['kind']=='Pod'))" "$work/out.json"
# Reports for people and the rollout plan from the same cluster: sizes and times.
for f in "--format html" "--format json --summary" "--format json"; do
    /usr/bin/time -f "check $f: %e s wall, %M KB peak RSS" \
        "$PODSEC" check --kubeconfig "$work/kubeconfig" $f >"$work/report" || true
    echo "  check $f: $(wc -c <"$work/report") bytes"
done
/usr/bin/time -f "plan: %e s wall, %M KB peak RSS" \
    "$PODSEC" plan --kubeconfig "$work/kubeconfig" >"$work/plan" || true
if command -v kubectl >/dev/null; then
    start=$(date +%s.%N)
    kubectl --kubeconfig "$work/kubeconfig" get pods -A -o json >/dev/null
    echo "kubectl get pods -A -o json: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
