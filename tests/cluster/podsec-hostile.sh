#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# podsec-hostile.sh PODSEC: `podsec check --kubeconfig` against hostile servers
# (fake_apiserver.py): one that drips a byte at a time, one that never answers, one whose
# continue token repeats, certificates that Go (kubectl) refuses (CN only, a SAN for another
# name), and plain http, where no credential may go unless --allow-insecure-credentials.
# The server records the headers it got. Planted secrets (token, password, URL userinfo,
# an exec plugin's stderr) must appear in no output format and no error. Every run is
# bounded by `timeout`, far above what the deadlines given to podsec allow.
set -uo pipefail
PODSEC=${1:?usage: podsec-hostile.sh PATH-TO-podsec}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/podsec-hostile.XXXXXX")
# shellcheck source=serverlib.sh
. "$here/serverlib.sh"

TOKEN=planted-T0KEN-4f1c9e
PASSWORD=planted-PASSW0RD-8d2a
URLPASS=planted-URLPASS-77e1
PLUGINSECRET=planted-PLUGIN-STDERR-5b3f

"$here/make-certs.sh" "$work/certs" >/dev/null 2>&1 || { echo "make-certs.sh failed"; exit 1; }

# A plugin that leaks its secret on stderr and fails; one that prints 64 MB.
cat >"$work/leaky-plugin.sh" <<PLUGIN
#!/bin/sh
echo "debug: refreshing with client secret $PLUGINSECRET" >&2
exit 1
PLUGIN
cat >"$work/huge-plugin.sh" <<'PLUGIN'
#!/bin/sh
head -c 67108864 /dev/zero | tr '\0' 'x'
PLUGIN
chmod +x "$work/leaky-plugin.sh" "$work/huge-plugin.sh"

# start_server ARGS...: a fresh server; $scheme set to http or https.
start_server() {
    rm -f "$work/headers"
    scheme=https
    for a in "$@"; do [ "$a" = --plain-http ] && scheme=http; done
    launch_server --token "$TOKEN" --record-headers "$work/headers" "$@"
    cat >"$work/kubeconfig" <<KC
apiVersion: v1
kind: Config
current-context: token
clusters:
- name: fake
  cluster:
    server: $scheme://127.0.0.1:$port
    certificate-authority: certs/ca.crt
- name: userinfo
  cluster:
    server: $scheme://admin:$URLPASS@127.0.0.1:$port
    certificate-authority: certs/ca.crt
users:
- name: token
  user: {token: $TOKEN}
- name: basic
  user: {username: admin, password: $PASSWORD}
- name: leaky
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./leaky-plugin.sh, interactiveMode: Never}
- name: huge
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./huge-plugin.sh, interactiveMode: Never}
contexts:
- {name: token, context: {cluster: fake, user: token}}
- {name: basic, context: {cluster: fake, user: basic}}
- {name: userinfo, context: {cluster: userinfo}}
- {name: leaky, context: {cluster: fake, user: leaky}}
- {name: huge, context: {cluster: fake, user: huge}}
KC
}

# run SECONDS CONTEXT [ARGS...]: stdout in $work/out, stderr in $work/err, exit status in
# $rc, wall time in $secs.
run() {
    local limit=$1 ctx=$2
    shift 2
    local start=$SECONDS
    timeout "$limit" "$PODSEC" check --kubeconfig "$work/kubeconfig" --context "$ctx" "$@" \
        >"$work/out" 2>"$work/err"
    rc=$?
    secs=$((SECONDS - start))
}
authorization_sent() { grep -qi '"authorization"' "$work/headers" 2>/dev/null; }
requests() { grep -c '' "$work/headers" 2>/dev/null || echo 0; }

echo "== deadlines"
start_server --faults drip --drip-interval 0.2
run 60 token --request-timeout 2s
[ "$rc" = 2 ] && grep -q 'no complete answer from https://127.0.0.1:[0-9]* within 2 s (request timeout)' "$work/err" &&
    pass "dripping server: the request deadline ends it (${secs}s), exit 2" ||
    fail "drip: exit $rc after ${secs}s: $(head -c 300 "$work/err")"
start_server --faults stall
run 60 token --request-timeout 2s
[ "$rc" = 2 ] && grep -q 'within 2 s (request timeout)' "$work/err" && [ "$(requests)" = 1 ] &&
    pass "silent server: one request, given up at the deadline (${secs}s), not retried" ||
    fail "stall: exit $rc after ${secs}s, $(requests) requests: $(head -c 300 "$work/err")"
start_server --faults slow
run 60 token --read-timeout 4s
[ "$rc" = 2 ] && grep -q 'did not finish within 4 s (read timeout)' "$work/err" &&
    pass "slow lists: the read deadline ends the whole read (${secs}s), exit 2" ||
    fail "read timeout: exit $rc after ${secs}s: $(head -c 300 "$work/err")"
start_server --faults stall-lists
run 60 token --request-timeout 0 --read-timeout 3s
[ "$rc" = 2 ] && grep -q 'did not finish within 3 s (read timeout)' "$work/err" &&
    pass "a list request the server never answers: the read deadline aborts it in flight (${secs}s)" ||
    fail "stall-lists: exit $rc after ${secs}s: $(head -c 300 "$work/err")"
run 5 token --request-timeout soon
[ "$rc" = 2 ] && grep -q -- '--request-timeout must be a duration' "$work/err" &&
    pass "--request-timeout soon: usage error" || fail "bad duration: exit $rc: $(cat "$work/err")"

echo "== a continue token that repeats"
start_server --pods 50 --faults loop-continue
run 60 token
[ "$rc" = 2 ] && grep -q 'the server sent the same continue token again' "$work/err" &&
    [ "$(grep -c 'pods?' "$work/headers")" -le 3 ] &&
    pass "looping continue token: stopped after $(grep -c 'pods?' "$work/headers") pods requests, exit 2" ||
    fail "loop-continue: exit $rc, $(requests) requests: $(head -c 300 "$work/err")"

echo "== certificates Go refuses"
for cert in cn-only wrong-san; do
    start_server --server-cert "$cert"
    run 60 token
    if [ "$rc" = 2 ] && grep -q 'TLS: https://127.0.0.1:[0-9]* is not who it should be' "$work/err" &&
        ! authorization_sent && [ "$(requests)" = 0 ]; then
        pass "$cert certificate: refused before any request, exit 2"
    else
        fail "$cert: exit $rc, $(requests) requests, authorization sent: $(authorization_sent && echo yes || echo no): $(head -c 300 "$work/err")"
    fi
done
start_server
run 60 token --format json
[ "$rc" = 1 ] && pass "the good certificate (SAN IP:127.0.0.1) is still accepted" ||
    fail "good certificate: exit $rc: $(head -c 300 "$work/err")"

echo "== plain http"
start_server --plain-http
for ctx in token basic userinfo leaky; do
    run 60 "$ctx"
    if [ "$rc" = 2 ] && ! authorization_sent && grep -q 'No credentials were sent: http://127.0.0.1' "$work/err" &&
        ! grep -q "$PLUGINSECRET" "$work/err"; then
        pass "$ctx over http: no Authorization header, 401 explained, exit 2"
    else
        fail "$ctx over http: exit $rc, authorization sent: $(authorization_sent && echo yes || echo no): $(head -c 300 "$work/err")"
    fi
done
run 60 token --allow-insecure-credentials --format json
[ "$rc" = 1 ] && authorization_sent && grep -q 'warning: sending the credentials of user "token" unencrypted' "$work/err" &&
    pass "--allow-insecure-credentials: sent, with a warning, and the read works" ||
    fail "opt-in: exit $rc: $(head -c 300 "$work/err")"

echo "== exec plugin output"
start_server
run 60 huge
[ "$rc" = 2 ] && grep -q 'printed more than 4 MB' "$work/err" &&
    pass "a plugin printing 64 MB: stopped at the cap, exit 2" || fail "huge plugin: exit $rc: $(head -c 300 "$work/err")"

echo "== planted secrets appear nowhere"
leaks=0
for scheme_args in "" "--plain-http"; do
    start_server $scheme_args
    for ctx in token basic userinfo leaky; do
        for format in text json sarif junit; do
            for extra in "" "--allow-insecure-credentials"; do
                run 60 "$ctx" --format "$format" $extra
                if grep -q -e "$TOKEN" -e "$PASSWORD" -e "$URLPASS" -e "$PLUGINSECRET" "$work/out" "$work/err"; then
                    fail "$ctx $format $scheme_args $extra: a secret is in the output"
                    leaks=$((leaks + 1))
                fi
            done
        done
    done
done
[ "$leaks" = 0 ] && pass "token, password, URL password and plugin stderr: in no format, no error (64 runs)"

stop_server
echo "podsec-hostile: $failures failure(s)"
[ "$failures" = 0 ]
