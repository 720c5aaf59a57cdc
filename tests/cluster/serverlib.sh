# SPDX-License-Identifier: Apache-2.0
#
# Shared by the podsec-*.sh cluster tests; source it after setting $here and $work.
# Gives pass/fail counting, and launch_server ARGS...: a fresh fake_apiserver.py on a free
# port of 127.0.0.1 with the certificates in $work/certs; sets $port once it listens.
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

launch_server() {
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
    port=$(cat "$work/port")
}
