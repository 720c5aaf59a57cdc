#!/usr/bin/env bash
# clang-tidy-14 for the "tidy" preset's build (CMAKE_CXX_CLANG_TIDY): lints our sources in
# core/, ui/ and app/ and skips the generated ones (moc, resources), whose code is not ours.
# CMake calls it as: clang-tidy-sources.sh [options] SOURCE -- COMPILER ARGS...
root=$(cd "$(dirname "$0")/.." && pwd)
for arg in "$@"; do
    [ "$arg" = "--" ] && break
    case "$arg" in
    "$root"/core/* | "$root"/ui/* | "$root"/app/*) exec clang-tidy-14 "$@" ;;
    esac
done
exit 0
