#!/usr/bin/env bash
# report-browser.sh PODSEC SAMPLE OUTDIR: the sample's HTML report, opened in headless
# Chromium (issue 17): it renders to a PNG of the expected size, its DOM holds the report's
# parts, and the browser logs no script error. The PNG stays in OUTDIR to be looked at.
set -u
PODSEC=$1 SAMPLE=$2 OUT=$3
mkdir -p "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "FAIL: chromium is not installed (tools/install-deps.sh installs it)"; exit 1; }
failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

"$PODSEC" check --format html --output "$OUT/sample-report.html" "$SAMPLE" 2>"$work/err"
rc=$?
[ "$rc" = 1 ] && [ ! -s "$work/err" ] && pass "podsec check --format html: exit 1, no problems" ||
    fail "podsec check --format html: exit $rc: $(cat "$work/err")"

run_browser() {
    HOME="$work" timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
        --no-first-run --disable-extensions --enable-logging=stderr --v=0 "$@" \
        "file://$OUT/sample-report.html"
}
rm -f "$OUT/sample-report.png"
run_browser --window-size=1200,2400 --screenshot="$OUT/sample-report.png" >/dev/null 2>"$work/shot.log"
python3 - "$OUT/sample-report.png" <<'PY' && pass "screenshot: a 1200x2400 PNG" || fail "screenshot: $(tail -3 "$work/shot.log")"
import struct, sys, os
data = open(sys.argv[1], 'rb').read(32)
ok = data[:8] == b'\x89PNG\r\n\x1a\n' and struct.unpack('>II', data[16:24]) == (1200, 2400)
sys.exit(0 if ok and os.path.getsize(sys.argv[1]) > 50000 else 1)
PY
run_browser --dump-dom >"$work/dom.html" 2>"$work/dom.log"
for part in 'Readiness per namespace' '<svg' 'id="ns-payments"' 'How to fix' 'allowPrivilegeEscalation'; do
    grep -q -- "$part" "$work/dom.html" && pass "DOM holds $part" || fail "DOM lacks $part"
done
if grep -E 'Uncaught|CONSOLE|SyntaxError|ReferenceError|TypeError' "$work/dom.log" "$work/shot.log"; then
    fail "the browser logged a script error"
else
    pass "no script error in the browser's log"
fi
echo "report-browser: $failures failure(s); PNG: $OUT/sample-report.png"
[ "$failures" = 0 ]
