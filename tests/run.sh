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
# run_one OK BAD CMD... FILE: run a test file, its passed and failed checks
# the lines of its output matching OK and BAD (a failure with none counts
# one)
run_one() {
	ok=$1
	bad=$2
	shift 2
	for file; do :; done
	name=$(basename "$file")
	if "$@" >"$log" 2>&1; then
		n=$(grep -c "$ok" "$log")
		passed=$((passed + n))
		echo "ok    $name ($n)"
	else
		n_ok=$(grep -c "$ok" "$log")
		n_bad=$(grep -c "$bad" "$log")
		[ "$n_bad" -gt 0 ] || n_bad=1
		passed=$((passed + n_ok))
		failed=$((failed + n_bad))
		echo "FAIL  $name"
		sed 's/^/    /' "$log"
	fi
}
for t in "$root/$build"/tests/test_*; do
	[ -x "$t" ] || continue
	run_one '^\[       OK \]' '^\[  FAILED  \]' "$t"
done
for t in "$root"/tests/cli_*.sh; do
	[ -f "$t" ] || continue
	run_one '^ok ' '^not ok ' sh "$t"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
