#!/usr/bin/env bash
# Fails when any C++ file differs from clang-format 14's output.
set -euo pipefail
cd "$(dirname "$0")/.."
fmt=$(command -v clang-format-14 || command -v clang-format)
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core tests bench -name '*.cpp' -o -name '*.h')
if [ ${#files[@]} -eq 0 ]; then
    echo "no C++ files"
    exit 0
fi
"$fmt" --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files clean"
