#!/usr/bin/env bash
# clang-tidy 14 with the repository's .clang-tidy over our sources in core/, ui/ and app/
# (not the generated moc and resource files). Configures the "tidy" preset for its
# compilation database (no build needed: core, ui and app include no generated header),
# then runs run-clang-tidy-14 with TIDY_JOBS jobs (default 2). Exits non-zero on any
# finding. Extra arguments narrow the files: tools/run-tidy.sh 'core/policy/.*'
# The other way to the same result, compiling with clang as it goes (generated files are
# skipped by tools/clang-tidy-sources.sh): cmake --preset tidy && cmake --build --preset tidy
set -euo pipefail
cd "$(dirname "$0")/.."
tidy=$(command -v run-clang-tidy-14 || command -v run-clang-tidy)
cmake --preset tidy >/dev/null
if [ $# -eq 0 ]; then
    set -- '(core|ui|app)/.*\.cpp$'
fi
patterns=()
for p in "$@"; do
    patterns+=("$PWD/$p")
done
start=$(date +%s)
"$tidy" -p build/tidy -j "${TIDY_JOBS:-2}" -quiet -clang-tidy-binary "$(command -v clang-tidy-14)" \
    "${patterns[@]}"
echo "clang-tidy: clean ($(($(date +%s) - start)) s)"
