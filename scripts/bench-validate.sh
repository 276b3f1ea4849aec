#!/bin/sh
# bench-validate.sh: make bench's large-file case: `rooflab validate
# --measurements FILE` on a generated file of ROWS rows (default 100000;
# scripts/bigmeas.py: published-h100.csv's rows in turn, each id new), the
# text report and --json, each timed once by /usr/bin/time: rows per second
# of wall clock and of CPU time (user + system: the wall clock counts other
# work's time on a loaded machine), and the peak resident set (max RSS);
# then the text report on as many rows (at most 131072) whose ids are
# chosen to collide in FNV-1a's low bits (scripts/collids.py): a string
# pool that indexed by those bits walked one cluster per row (fuzz14).
# The machine's load (uptime) is printed before and after: figures taken
# at a load average above the CPU count are the CPU-time ones.
# usage: sh scripts/bench-validate.sh [ROWS]   (from the repository root)
set -eu
rows=${1:-100000}
case $rows in
'' | *[!0-9]*) echo "bench-validate.sh: ROWS must be a whole number" >&2; exit 2 ;;
esac
if [ ! -x /usr/bin/time ] || ! command -v python3 >/dev/null 2>&1; then
	echo "validate, large file: skipped: needs /usr/bin/time and python3"
	exit 0
fi
rl=${ROOFLAB:-./rooflab}
data=${ROOFLAB_DATA:-data}
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT
python3 scripts/bigmeas.py "$data/measurements/published-h100.csv" "$rows" \
	>"$tmpd/big.csv"
echo "validate, large file ($rows rows of published-h100.csv, new ids); load: $(uptime | sed 's/.*load average: //')"
for mode in text json; do
	flag=
	[ $mode = json ] && flag=--json
	/usr/bin/time -f '%e %U %S %M' -o "$tmpd/t" \
		"$rl" validate --measurements "$tmpd/big.csv" $flag >/dev/null
	# wall s, user s, system s, max RSS KB
	awk -v rows="$rows" -v mode="$mode" '{
		cpu = $2 + $3
		printf "  %-4s %8.0f rows/s wall (%.2f s), %8.0f rows/s CPU (%.2f s), peak RSS %.0f MB\n",
		       mode, rows / ($1 > 0 ? $1 : 0.01), $1, rows / (cpu > 0 ? cpu : 0.01), cpu,
		       $4 / 1024 }' "$tmpd/t"
done
crows=$rows
[ "$crows" -gt 131072 ] && crows=131072
python3 scripts/collids.py "$data/measurements/published-h100.csv" "$crows" \
	>"$tmpd/coll.csv"
/usr/bin/time -f '%e %U %S %M' -o "$tmpd/t" \
	"$rl" validate --measurements "$tmpd/coll.csv" >/dev/null
awk -v rows="$crows" '{
	cpu = $2 + $3
	printf "  colliding ids (%d rows): %8.0f rows/s CPU (%.2f s), peak RSS %.0f MB\n",
	       rows, rows / (cpu > 0 ? cpu : 0.01), cpu, $4 / 1024 }' "$tmpd/t"
echo "  load after: $(uptime | sed 's/.*load average: //')"
