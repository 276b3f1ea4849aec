#!/bin/sh
# run.sh: run every test: the cmocka binaries built from tests/test_*.c
# and the command-line tests tests/cli_*.sh.  Prints one line per test file
# and a closing "N passed, N failed" line; exits non-zero on any failure.
#   usage: tests/run.sh BUILD_DIR
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
export ROOFLAB="$root/rooflab"
export ROOFLAB_DATA="$root/data"
export ROOFLAB_ROOT="$root"
# for a SAN=1 build (ignored otherwise): report leaks, stop at the first error
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ROOFLAB_TOOLS="$root/$build/tools"
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "$root/$build"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if "$t" >"$log" 2>&1; then
		n=$(grep -c '^\[       OK \]' "$log")
		passed=$((passed + n))
		echo "ok    $name ($n)"
	else
		n_ok=$(grep -c '^\[       OK \]' "$log")
		n_bad=$(grep -c '^\[  FAILED  \]' "$log")
		[ "$n_bad" -gt 0 ] || n_bad=1
		passed=$((passed + n_ok))
		failed=$((failed + n_bad))
		echo "FAIL  $name"
		sed 's/^/    /' "$log"
	fi
done
for t in "$root"/tests/cli_*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t")
	if sh "$t" >"$log" 2>&1; then
		n=$(grep -c '^ok ' "$log")
		passed=$((passed + n))
		echo "ok    $name ($n)"
	else
		n_ok=$(grep -c '^ok ' "$log")
		n_bad=$(grep -c '^not ok ' "$log")
		[ "$n_bad" -gt 0 ] || n_bad=1
		passed=$((passed + n_ok))
		failed=$((failed + n_bad))
		echo "FAIL  $name"
		sed 's/^/    /' "$log"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
