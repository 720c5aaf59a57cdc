#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs. Idempotent: does nothing when all
# packages are present. Runs as root (CI, fresh machine) or through sudo.
set -euo pipefail
packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev libyaml-cpp-dev
    clang-format-14 clang-tidy-14 clang-14 libclang-rt-14-dev
    python3 openssl
    xvfb xauth fonts-dejavu-core fonts-wqy-microhei qt6-translations-l10n
    desktop-file-utils appstream dpkg-dev file man-db qt6-qpa-plugins
    xdotool openbox imagemagick chromium
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "== dependencies: all ${#packages[@]} packages present"
    exit 0
fi
echo "== installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
