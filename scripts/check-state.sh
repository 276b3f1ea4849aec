#!/bin/sh
# check-state.sh: no global or static mutable state in the program (the
# developers' guide: static helpers, no global state).
#   usage: scripts/check-state.sh [BUILD]   (BUILD: the build folder of
#          the objects, default build)
# Reads the symbol table of every object of the layers' folders
# (BUILD/{model,config,claim,sweeps,plots,reports,cli}/*.o) with objdump
# and lists each data object the program may write: one in .data, .bss or
# a thread-local or common section, at file scope or a function's static
# (a table of strings is read-only only when its pointers are const too:
# 'static const char *const names[]'; 'static const char *names[]' is
# .data.rel.local, writable).  The compiler decides, so what no source
# grep sees (a static in a macro, a struct initialised at file scope) is
# seen.  One exception, named below with its reason: the SIGINT/SIGTERM
# flag of a sweep or a plot (sweeps/stop.c), which a signal handler can
# only reach through such a variable.
# The sanitizers' and the compiler's own symbols (__odr_asan.*, __asan_*,
# __ubsan_*: `make SAN=1`'s instrumentation; __gnu_lto_slim: the marker of an
# object built with -flto; none is state of the program) are skipped.
# Prints "OBJECT: SYMBOL in SECTION (writable)" per object found and exits
# 1 if there is any, 0 otherwise, 2 if BUILD has no objects or objdump is
# missing.
set -u
build=${1:-build}
command -v objdump >/dev/null 2>&1 || {
	echo "check-state.sh: objdump is not installed (binutils)" >&2
	exit 2
}
# OBJECT SYMBOL pairs allowed, one a line
allowed='sweeps/stop.o stop_asked'
bad=0
n=0
for o in "$build"/model/*.o "$build"/config/*.o "$build"/claim/*.o \
	"$build"/sweeps/*.o "$build"/plots/*.o "$build"/reports/*.o \
	"$build"/cli/*.o; do
	[ -f "$o" ] || continue
	n=$((n + 1))
	rel=${o#"$build"/}
	found=$(objdump -t "$o" | awk '
		{ for (i = 1; i < NF; i++) if ($i == "O") { sec = $(i + 1); break } }
		i < NF && (sec ~ /^\.(data|bss|tdata|tbss)/ || sec == "*COM*") &&
		    sec !~ /^\.data\.rel\.ro/ &&
		    $NF !~ /^(__odr_asan|__asan|___asan|__ubsan|__sancov|__gnu_lto_)/ { print $NF, sec }')
	[ -n "$found" ] || continue
	echo "$found" | while read -r sym sec; do
		if printf '%s\n' "$allowed" | grep -qx "$rel $sym"; then
			continue
		fi
		echo "$rel: $sym in $sec (writable)"
	done | grep . && bad=1
done
if [ "$n" -eq 0 ]; then
	echo "check-state.sh: no objects under $build (run make first)" >&2
	exit 2
fi
exit $bad
