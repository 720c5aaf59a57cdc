#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cluster-bench.sh [--sizes N,N,...] [--runs R] [--ui-bench PATH] [--reports] PODSEC [PODS] [RUNS]
# For each size (default 10000 pods; PODS is the same as --sizes PODS) starts the HTTPS
# test API server with that many pods (pages of 500) plus their workloads and runs
# `podsec check --kubeconfig --format json` R times (default 3): wall time, peak RSS and,
# from PODSEC_TIMING, the time of each phase (list pages, evaluate and write the report);
# then `kubectl get pods -A -o json` on the same server for comparison. --ui-bench runs
# the window too (podsec_ui_bench --kubeconfig: pages listed, tree filled, version switch,
# filter, peak RSS); --reports times the HTML and summary reports and `podsec plan` too.
# Ends with one Markdown table. The Python server's own time is in every number.
set -euo pipefail
usage() { sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//'; }
SIZES=""
RUNS=3
UI_BENCH=""
REPORTS=0
while [ $# -gt 0 ]; do
    case "$1" in
    -h | --help) usage; exit 0 ;;
    --sizes) SIZES=${2:?--sizes needs a value}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
    --ui-bench) UI_BENCH=${2:?--ui-bench needs a path}; shift 2 ;;
    --reports) REPORTS=1; shift ;;
    -*) echo "cluster-bench.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
    esac
done
[ $# -ge 1 ] || { usage >&2; exit 2; }
PODSEC=$1
[ -z "${2:-}" ] || SIZES=$2
[ -z "${3:-}" ] || RUNS=$3
SIZES=${SIZES:-10000}
case "$SIZES,$RUNS" in
*[!0-9,]*) echo "cluster-bench.sh: sizes and runs are numbers" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../tests/cluster" && pwd)
work=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || kill $pid 2>/dev/null; rm -rf "$work"' EXIT
"$here/make-certs.sh" "$work/certs" >/dev/null 2>&1

for size in ${SIZES//,/ }; do
    out="$work/$size"
    mkdir -p "$out"
    rm -f "$work/port"
    start=$(date +%s.%N)
    python3 "$here/fake_apiserver.py" --certs "$work/certs" --port 0 --ready-file "$work/port" \
        --pods "$size" 2>/dev/null &
    pid=$!
    for _ in $(seq 3000); do [ -s "$work/port" ] && break; sleep 0.1; done
    echo "== $size pods (server ready after $(echo "$(date +%s.%N) - $start" | bc) s)"
    cat >"$work/kubeconfig" <<KC
kind: Config
current-context: bench
clusters: [{name: c, cluster: {server: "https://127.0.0.1:$(cat "$work/port")", certificate-authority: certs/ca.crt}}]
users: [{name: u, user: {token: podsec-test-token}}]
contexts: [{name: bench, context: {cluster: c, user: u}}]
KC
    for i in $(seq "$RUNS"); do
        PODSEC_TIMING=1 /usr/bin/time -f "time: %e s wall, %M KB peak RSS" -o "$out/time.$i" \
            "$PODSEC" check --kubeconfig "$work/kubeconfig" --format json >"$out/out.json" \
            2>"$out/err.$i" || true
        echo "  podsec check run $i: $(tail -n1 "$out/time.$i");" \
            "$(grep '^podsec timing' "$out/err.$i" | sed 's/^podsec timing: //' | tr '\n' ';')"
    done
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('  objects', d['summary'], 'pods', sum(1 for o in d['objects'] if o['kind']=='Pod'))" "$out/out.json"
    if [ "$REPORTS" = 1 ]; then
        for f in "--format html" "--format json --summary"; do
            /usr/bin/time -f "check $f: %e s wall, %M KB peak RSS" \
                "$PODSEC" check --kubeconfig "$work/kubeconfig" $f >"$work/report" || true
            echo "    check $f: $(wc -c <"$work/report") bytes"
        done
        /usr/bin/time -f "plan: %e s wall, %M KB peak RSS" \
            "$PODSEC" plan --kubeconfig "$work/kubeconfig" >"$work/plan" || true
    fi
    if command -v kubectl >/dev/null; then
        /usr/bin/time -f "time: %e s wall, %M KB peak RSS" -o "$out/kubectl" \
            kubectl --kubeconfig "$work/kubeconfig" get pods -A -o json >/dev/null
        echo "  kubectl get pods -A -o json: $(tail -n1 "$out/kubectl")"
    fi
    if [ -n "$UI_BENCH" ]; then
        QT_QPA_PLATFORM=offscreen "$UI_BENCH" --kubeconfig "$work/kubeconfig" --phases-only \
            >"$out/window" 2>"$out/window.err" || true
        sed 's/^/  window: /' "$out/window"
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
done

python3 - "$work" "$SIZES" <<'PY'
import re, statistics, sys
work, sizes = sys.argv[1], sys.argv[2].split(",")
def read(path):
    try:
        return open(path).read()
    except OSError:
        return ""
def wall_rss(text):
    m = re.search(r"([\d.]+) s wall, (\d+) KB", text)
    return (float(m.group(1)), int(m.group(2)) / 1024) if m else (float("nan"), float("nan"))
print("\n| pods | podsec check: wall / peak RSS (median run) | list pages | evaluate + report "
      "| kubectl get pods -A -o json | ratio wall / RSS | window: listed / tree filled "
      "| version switch | filter key median / max | window peak RSS |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for size in sizes:
    d = f"{work}/{size}"
    runs = []
    i = 1
    while read(f"{d}/time.{i}"):
        wall, rss = wall_rss(read(f"{d}/time.{i}"))
        err = read(f"{d}/err.{i}")
        phase = dict((m.group(1), int(m.group(2))) for m in
                     re.finditer(r"podsec timing: (.+?) (\d+) ms", err))
        runs.append((wall, rss, phase))
        i += 1
    if not runs:
        continue
    runs.sort(key=lambda r: r[0])
    wall, rss, phase = runs[len(runs) // 2]
    evaluate = sum(v for k, v in phase.items() if k != "list pages")
    kwall, krss = wall_rss(read(f"{d}/kubectl"))
    w = {}
    for line in read(f"{d}/window").splitlines():
        if line.startswith("phases:"):
            w = dict((k, float(v)) for k, v in (p.split("=") for p in line[7:].split()))
    def ms(key):
        return f"{w[key] / 1000:.1f} s" if key in w else "-"
    window = (f"{ms('list_ms')} / {ms('filled_ms')} | {ms('switch_ms')} | "
              f"{w.get('filter_median_ms', float('nan')):.0f} / {w.get('filter_max_ms', float('nan')):.0f} ms | "
              f"{w.get('rss_mb', float('nan')):.0f} MB") if w else "- | - | - | -"
    print(f"| {size} | {wall:.2f} s / {rss:.0f} MB | {phase.get('list pages', 0) / 1000:.2f} s "
          f"| {evaluate / 1000:.2f} s | {kwall:.2f} s / {krss:.0f} MB "
          f"| {wall / kwall:.2f}x / {rss / krss:.2f}x | {window} |")
PY
