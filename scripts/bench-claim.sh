#!/bin/sh
# bench-claim.sh: make bench's claim case: what `rooflab claim --samples 0`
# reads and costs, counted (not timed, but for its CPU time): the files it
# opens (strace -f -e trace=openat), the shipped measurement files and the
# versions table among them, each of which a claim reads once (claim/
# valshipped.h: twice before speed15, for side a's note and the trust
# sentence), its instructions (valgrind --tool=callgrind) and its CPU time
# and peak resident set (/usr/bin/time).  Each part skipped, said so,
# where its tool is missing.  Prints, never asserts.
# usage: sh scripts/bench-claim.sh   (from the repository root)
set -eu
rl=${ROOFLAB:-./rooflab}
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT
echo "claim --samples 0 (counted; load: $(uptime | sed 's/.*load average: //'))"
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%U %S %M' -o "$tmpd/t" "$rl" claim --samples 0 >/dev/null
	awk '{ printf "  CPU %.2f s (user + system), peak RSS %.0f MB\n",
	       $1 + $2, $3 / 1024 }' "$tmpd/t"
else
	echo "  CPU time and peak RSS: skipped: needs /usr/bin/time"
fi
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=openat -o "$tmpd/s" "$rl" claim --samples 0 >/dev/null
	# successful opens only (a path tried and missing is no read)
	grep -v '= -1 ' "$tmpd/s" | awk '
		/openat\(/ { n++ }
		/\/measurements\.csv"/ { m++ }
		/\/published-h100\.csv"/ { p++ }
		/\/versions\.csv"/ { v++ }
		END { printf "  files opened %d: measurements.csv %d, published-h100.csv %d, versions.csv %d\n",
		      n, m, p, v }'
else
	echo "  files opened: skipped: needs strace"
fi
if command -v valgrind >/dev/null 2>&1; then
	valgrind --tool=callgrind --callgrind-out-file="$tmpd/cg" \
		"$rl" claim --samples 0 >/dev/null 2>"$tmpd/v"
	sed -n 's/.*I *refs: *//p' "$tmpd/v" | tr -d ',' |
		awk '{ printf "  instructions %.1fM (callgrind)\n", $1 / 1e6 }'
else
	echo "  instructions: skipped: needs valgrind"
fi
