#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# make-certs.sh DIR — test PKI for tests/cluster/fake_apiserver.py.
#
#   ca.crt/ca.key             self-signed CA ("podsec-test-ca")
#   server.crt/server.key     serverAuth, subjectAltName IP:127.0.0.1, DNS:localhost
#   client.crt/client.key     clientAuth, CN=podsec-tester, RSA 2048 (PKCS#1 "RSA PRIVATE KEY")
#   client-ec.crt/client-ec.key  clientAuth, CN=podsec-tester, EC prime256v1 (SEC1 "EC PRIVATE KEY")
#   server-cn.crt             serverAuth, CN=127.0.0.1 and no subjectAltName (key: server.key);
#                             Go (kubectl) refuses it for 127.0.0.1, OpenSSL/Qt's CN fallback not
#   server-wrongsan.crt       serverAuth, CN=127.0.0.1, subjectAltName DNS:other.example only
#
# Quiet and idempotent: when every file is present and the certificates still verify
# against ca.crt (and expire in more than a day), nothing is regenerated.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
dir=$1
mkdir -p "$dir"
cd "$dir"

files="ca.crt ca.key server.crt server.key client.crt client.key client-ec.crt client-ec.key
       server-cn.crt server-wrongsan.crt"
complete=1
for f in $files; do
    [ -s "$f" ] || complete=0
done
if [ $complete = 1 ] &&
    openssl verify -CAfile ca.crt server.crt client.crt client-ec.crt server-cn.crt \
        server-wrongsan.crt >/dev/null 2>&1 &&
    openssl x509 -checkend 86400 -noout -in server.crt >/dev/null 2>&1; then
    exit 0
fi

umask 077
tmp=$(mktemp -d "${TMPDIR:-/tmp}/podsec-certs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# RSA keys in the traditional PKCS#1 form kubeadm writes (OpenSSL 3 needs -traditional,
# 1.1 writes it by default and does not know the option).
genrsa() {
    openssl genrsa -traditional -out "$1" 2048 2>/dev/null ||
        openssl genrsa -out "$1" 2048 2>/dev/null
}

genrsa "$tmp/ca.key"
openssl req -x509 -new -key "$tmp/ca.key" -sha256 -days 3650 -subj "/CN=podsec-test-ca" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -addext "subjectKeyIdentifier=hash" \
    -out "$tmp/ca.crt" 2>/dev/null

sign() { # name subject extfile-content
    local name=$1 subject=$2 ext=$3
    openssl req -new -key "$tmp/$name.key" -subj "$subject" -out "$tmp/$name.csr" 2>/dev/null
    printf '%s\n' "$ext" >"$tmp/$name.ext"
    openssl x509 -req -in "$tmp/$name.csr" -CA "$tmp/ca.crt" -CAkey "$tmp/ca.key" \
        -set_serial "0x$(openssl rand -hex 16)" -sha256 -days 825 \
        -extfile "$tmp/$name.ext" -out "$tmp/$name.crt" 2>/dev/null
}

genrsa "$tmp/server.key"
sign server "/CN=fake-apiserver" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
authorityKeyIdentifier=keyid"

cp "$tmp/server.key" "$tmp/server-cn.key"
sign server-cn "/CN=127.0.0.1" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
authorityKeyIdentifier=keyid"
cp "$tmp/server.key" "$tmp/server-wrongsan.key"
sign server-wrongsan "/CN=127.0.0.1" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:other.example
authorityKeyIdentifier=keyid"

genrsa "$tmp/client.key"
sign client "/O=podsec:testers/CN=podsec-tester" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth
authorityKeyIdentifier=keyid"

openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/client-ec.key" 2>/dev/null
sign client-ec "/O=podsec:testers/CN=podsec-tester" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
authorityKeyIdentifier=keyid"

openssl verify -CAfile "$tmp/ca.crt" "$tmp/server.crt" "$tmp/client.crt" "$tmp/client-ec.crt" >/dev/null

for f in $files; do
    mv -f "$tmp/$f" "./$f"
done
chmod 644 ca.crt server.crt client.crt client-ec.crt server-cn.crt server-wrongsan.crt
chmod 600 ca.key server.key client.key client-ec.key
