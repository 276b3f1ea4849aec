#!/bin/sh
# cli_state.sh: the program's objects hold no writable global or static
# data but the one the script allows, the sweep's SIGINT flag
# (scripts/check-state.sh); the check itself fails on objects compiled
# here from sources written by hand: a file-scope counter, a table of
# strings whose pointers are not const, a function's static buffer; and
# passes once each is made const or local.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
check="$root/scripts/check-state.sh"
# tests/run.sh exports the build's tools folder, BUILD/tools
build=$(dirname "${ROOFLAB_TOOLS:-$root/build/tools}")
cc=${CC:-cc}

expect_exit 0 "the program's objects hold no writable state" -- \
	sh "$check" "$build"
[ -s "$tmpd/out" ] && sed 's/^/    /' "$tmpd/out"

b="$tmpd/build"
mkdir -p "$b/model" "$b/reports" "$b/sweeps"
# -O0: the compiler keeps every object as written
mk() { "$cc" -std=c11 -O0 -c -x c -o "$2" - <<EOF
$1
EOF
}
mk 'static int calls; int next(void) { return ++calls; }' "$b/model/a.o"
mk 'int head(int i) { static const char *h[] = {"a", "b"}; return h[i][0]; }' \
	"$b/reports/b.o"
mk 'char *name(void) { static char buf[16]; buf[0] = 0; return buf; }' \
	"$b/reports/c.o"
expect_exit 1 "writable state is refused" -- sh "$check" "$b"
expect_out "^model/a.o: calls in \.bss \(writable\)$" "a file-scope counter is named"
expect_out "^reports/b.o: h\.[0-9]+ in \.data\.rel\.local \(writable\)$" \
	"a static table of non-const pointers is named"
expect_out "^reports/c.o: buf\.[0-9]+ in \.bss \(writable\)$" \
	"a function's static buffer is named"

mk 'int next(int calls) { return calls + 1; }' "$b/model/a.o"
mk 'int head(int i) { static const char *const h[] = {"a", "b"}; return h[i][0]; }' \
	"$b/reports/b.o"
mk 'char *name(char *buf) { buf[0] = 0; return buf; }' "$b/reports/c.o"
# the one exception: the same name elsewhere is not excused
mk '_Atomic int stop_asked; void ask(void) { stop_asked = 1; }' "$b/sweeps/stop.o"
expect_exit 0 "state made const or local passes; the SIGINT/SIGTERM flag (sweeps/stop.o) is allowed" -- \
	sh "$check" "$b"
mk '_Atomic int stop_asked; void ask(void) { stop_asked = 1; }' "$b/model/a.o"
expect_exit 1 "the allowed name in another object is refused" -- sh "$check" "$b"
expect_out "^model/a.o: stop_asked in (\.bss|\*COM\*) \(writable\)$" "and named"

rm -f "$b"/*/*.o
expect_exit 2 "a folder without objects is an error" -- sh "$check" "$b"
finish
