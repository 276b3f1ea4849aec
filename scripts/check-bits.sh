#!/bin/sh
# check-bits.sh: every result of the engine the same bit for bit before and
# after a change meant not to move any (a speed step).  Builds REV's
# libraries from `git archive` in a temporary folder, links today's
# tests/bench.c (with tests/resfields.h, the fields it hashes) to them,
# and compares `bench --hash N` there (the hash of every field of every
# result of N pseudo-random configurations of the shipped presets and of
# make bench's real path: tests/bench.c) with this tree's
# build/tests/bench, both reading this tree's data/ (ROOFLAB_DATA).
# The tree itself is never written.
#   usage: scripts/check-bits.sh [REV [N]]
#     REV  the revision to compare with (default: where HEAD left main,
#          git merge-base main HEAD: main may have moved results since)
#     N    configurations (default: 3000, about 110,000 results)
#   exit 0: the two hashes agree; 1: they differ, or a build failed;
#   2: REV is no revision, N no whole number, or build/tests/bench missing
#   (make build/tests/bench).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
rev=${1:-$(git -C "$root" merge-base main HEAD 2>/dev/null)}
n=${2:-3000}
case $n in ''|*[!0-9]*) echo "check-bits.sh: N: a whole number, not '$n'" >&2; exit 2 ;; esac
[ -n "$rev" ] && git -C "$root" rev-parse --verify -q "$rev^{commit}" >/dev/null ||
	{ echo "check-bits.sh: $rev: no such revision" >&2; exit 2; }
[ -x "$root/build/tests/bench" ] ||
	{ echo "check-bits.sh: build/tests/bench: not built (make build/tests/bench)" >&2; exit 2; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
git -C "$root" archive "$rev" | tar -x -C "$tmp" || exit 1
cp "$root/tests/bench.c" "$root/tests/resfields.h" "$tmp/tests/" || exit 1
if ! make -C "$tmp" -s build/tests/bench >"$tmp/build.log" 2>&1; then
	echo "check-bits.sh: $rev: build failed:" >&2
	tail -20 "$tmp/build.log" >&2
	exit 1
fi
old=$(ROOFLAB_DATA="$root/data" "$tmp/build/tests/bench" --hash "$n") || exit 1
new=$(ROOFLAB_DATA="$root/data" "$root/build/tests/bench" --hash "$n") || exit 1
echo "$rev:  $old"
echo "tree: $new"
[ "$old" = "$new" ] || { echo "check-bits.sh: results differ" >&2; exit 1; }
