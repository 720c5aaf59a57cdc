#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Package test. From an already built tree: builds the .deb (cpack -G DEB), checks its
# control fields and contents, validates the packaged desktop file and AppStream metainfo,
# installs it with apt-get, runs both programs (the window once under Xvfb), then removes
# the package and checks that its files are gone. Runs as root (CI) or through sudo.
#   bash packaging/test-deb.sh BUILD_DIR          e.g. build/ci (what .ci/run does)
set -Eeuo pipefail

if [ $# -ne 1 ] || [ ! -f "$1/CPackConfig.cmake" ]; then
    echo "usage: $0 BUILD_DIR   (a configured and built tree, with CPackConfig.cmake)" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
app_id=io.github.podsec.PodSecExplorer
pkg=podsec-explorer
icon_sizes=(16 22 24 32 48 64 128 256)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

work=$(mktemp -d /tmp/podsec-deb.XXXXXX)
passed=0
trap 'rm -rf "$work"' EXIT
trap 'echo "FAILED (line $LINENO): $BASH_COMMAND" >&2; echo "packaging: $passed passed, 1 failed"' ERR
ok() {
    passed=$((passed + 1))
    echo "   ok: $*"
}
installed() { [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" = "install ok installed" ]; }
fail() {
    echo "FAILED: $*" >&2
    echo "packaging: $passed passed, 1 failed"
    # Leave the machine as it was: a failed run does not keep the package installed.
    if [ "${installed_here:-0}" = 1 ] && installed; then
        $SUDO apt-get remove -y -qq "$pkg" >/dev/null 2>&1 || true
    fi
    exit 1
}

# Everything the package installs, relative to /usr.
files=(bin/podsec bin/podsec-explorer
    "share/applications/$app_id.desktop" "share/metainfo/$app_id.metainfo.xml"
    "share/icons/hicolor/scalable/apps/$app_id.svg"
    share/man/man1/podsec.1 share/podsec-explorer/translations/podsec_zh_CN.qm)
for s in "${icon_sizes[@]}"; do files+=("share/icons/hicolor/${s}x${s}/apps/$app_id.png"); done

echo "== deb: cpack -G DEB in $build_dir"
rm -f "$build_dir/${pkg}"_*.deb
(cd "$build_dir" && cpack -G DEB)
debs=("$build_dir/${pkg}"_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -s "${debs[0]}" ]; then
    fail "expected one ${pkg}_*.deb in $build_dir"
fi
deb=${debs[0]}
ok "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

echo "== deb: control fields and contents"
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends Recommends Homepage
version=$(dpkg-deb --field "$deb" Version)
depends=$(dpkg-deb --field "$deb" Depends)
[ "$(dpkg-deb --field "$deb" Package)" = "$pkg" ] || fail "package name is not $pkg"
[[ "$depends" == *libqt6widgets6* && "$depends" == *libyaml-cpp* ]] ||
    fail "Depends lacks the libraries dpkg-shlibdeps should have found: $depends"
[[ "$depends" == *qt6-qpa-plugins* ]] || fail "Depends lacks qt6-qpa-plugins: $depends"
ok "Depends computed by dpkg-shlibdeps, plus qt6-qpa-plugins"
dpkg-deb --contents "$deb" | awk '{print $6}' >"$work/contents"
for f in "${files[@]}"; do
    grep -qxF "./usr/$f" "$work/contents" || fail "the package lacks /usr/$f"
done
ok "the package holds all ${#files[@]} expected files"

echo "== deb: validate the packaged desktop file and metainfo"
dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop" ||
    fail "desktop-file-validate reported errors"
ok "desktop-file-validate"
metainfo="$work/root/usr/share/metainfo/$app_id.metainfo.xml"
report=$(appstreamcli validate --no-net "$metainfo") || {
    echo "$report"
    fail "appstreamcli validate reported errors"
}
echo "$report"
! grep -q '^W:' <<<"$report" || fail "appstreamcli validate reported warnings"
grep -q "<release version=\"${version%%-*}\" date=\"[0-9-]*\"" "$metainfo" ||
    fail "the metainfo has no <release> for version ${version%%-*}"
ok "appstreamcli validate --no-net; <release version=\"${version%%-*}\">"

echo "== deb: install"
if installed; then
    echo "   (removing the $pkg installed before)"
    $SUDO apt-get remove -y -q "$pkg"
fi
$SUDO apt-get install -y -q --no-install-recommends "$deb"
installed_here=1
installed || fail "$pkg is not installed"
ok "apt-get install $(basename "$deb")"

echo "== deb: the installed files and programs"
for f in "${files[@]}"; do
    [ -e "/usr/$f" ] || fail "/usr/$f is missing"
done
for b in podsec podsec-explorer; do
    [ -x "/usr/bin/$b" ] || fail "/usr/bin/$b is not executable"
done
ok "all ${#files[@]} files are in /usr"
got=$(podsec --version)
[ "$(printf '%s\n' "$got" | head -n 1)" = "podsec ${version%%-*}" ] ||
    fail "podsec --version printed '$got'"
printf '%s\n' "$got" | grep -q "policy versions: v1.0" || fail "podsec --version names no policy versions"
ok "podsec --version: $(printf '%s' "$got" | tr '\n' ' ')"
podsec explain runAsNonRoot >/dev/null || fail "podsec explain runAsNonRoot"
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: smoke\nspec:\n  containers:\n  - name: app\n    image: busybox\n' |
    podsec check --level baseline - >"$work/check.txt" || {
    cat "$work/check.txt"
    fail "podsec check --level baseline failed on a baseline Pod"
}
ok "podsec explain and podsec check run"
if command -v man >/dev/null; then
    page=$(man -w podsec) || fail "man -w podsec found no page"
    ok "man -w podsec: $page"
fi

echo "== deb: open the window under Xvfb"
shot="$work/deb-window.png"
mkdir -p "$work/home"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
    QT_QPA_PLATFORM=xcb timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
    podsec-explorer --screenshot "$shot" 2>"$work/window.log" || {
    cat "$work/window.log"
    fail "podsec-explorer --screenshot failed"
}
magic=$(head -c 8 "$shot" 2>/dev/null | od -An -tx1 | tr -d ' \n' || true)
if [ "$magic" != 89504e470d0a1a0a ]; then
    cat "$work/window.log"
    fail "no PNG written by podsec-explorer --screenshot"
fi
cp "$shot" "$build_dir/deb-window.png"
ok "podsec-explorer --screenshot wrote a PNG ($(stat -c %s "$shot") bytes, kept as $build_dir/deb-window.png)"

echo "== deb: remove"
$SUDO apt-get remove -y -q "$pkg"
! installed || fail "$pkg is still installed"
for f in "${files[@]}"; do
    [ ! -e "/usr/$f" ] || fail "/usr/$f is still there after removal"
done
ok "apt-get remove $pkg left none of its files"

echo "packaging: $passed passed, 0 failed"
