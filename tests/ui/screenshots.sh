#!/usr/bin/env bash
# Screenshot step: opens the window on the sample workspace under Xvfb in light and dark
# palettes, English and Simplified Chinese, and writes PNGs into the build folder
# (OUT, default ./screenshots). Fails when a screenshot is missing or empty, or when the
# dark ones are not darker than the light ones.
set -euo pipefail
app=${1:?usage: screenshots.sh PODSEC_EXPLORER [OUT]}
out=${2:-screenshots}
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "xvfb-run missing (apt-get install xvfb)"; exit 1; }
export HOME=$(mktemp -d)   # a fresh sample workspace copy and settings
trap 'rm -rf "$HOME"' EXIT
select="payments/ledger:containers[0].securityContext.runAsUser"
for lang in en zh_CN; do
    for palette in light dark; do
        file="$out/explorer-$lang-$palette.png"
        extra=()
        [ "$palette" = dark ] && extra+=(--dark)
        xvfb-run -a -s "-screen 0 1700x1100x24" \
            "$app" --lang "$lang" --screenshot "$file" --select "$select" "${extra[@]}" 2>/dev/null
        [ -s "$file" ] || { echo "no screenshot: $file"; exit 1; }
        echo "wrote $file ($(stat -c %s "$file") bytes)"
    done
done
# The Overview tab (cards and charts), light, in both languages.
for lang in en zh_CN; do
    file="$out/overview-$lang.png"
    xvfb-run -a -s "-screen 0 1700x1100x24" "$app" --lang "$lang" --screenshot "$file" --overview \
        2>/dev/null
    [ -s "$file" ] || { echo "no screenshot: $file"; exit 1; }
    echo "wrote $file ($(stat -c %s "$file") bytes)"
done
python3 - "$out" <<'PY'
import sys, zlib, struct, os
def mean_luma(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat = 8, b''
    while pos < len(data):
        n, t = struct.unpack('>I4s', data[pos:pos+8]); body = data[pos+8:pos+8+n]; pos += 12 + n
        if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
        elif t == b'IDAT': idat += body
    raw = zlib.decompress(idat); bpp = 4 if ctype == 6 else 3; stride = w * bpp
    prev = bytearray(stride); total = count = 0
    for y in range(h):
        f = raw[y*(stride+1)]; line = bytearray(raw[y*(stride+1)+1:(y+1)*(stride+1)])
        for i in range(stride):
            a = line[i-bpp] if i >= bpp else 0; b = prev[i]; c = prev[i-bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if y % 9 == 0:
            for x in range(0, stride - bpp, bpp * 11):
                total += (line[x] + line[x+1] + line[x+2]) / 3; count += 1
    return total / count
out = sys.argv[1]
for lang in ('en', 'zh_CN'):
    light = mean_luma(os.path.join(out, f'explorer-{lang}-light.png'))
    dark = mean_luma(os.path.join(out, f'explorer-{lang}-dark.png'))
    print(f'{lang}: mean luma light {light:.0f}, dark {dark:.0f}')
    assert dark < light - 40, 'dark palette screenshot is not darker'
PY
