#!/bin/sh
# cli_tour.sh: docs/tour.md's "A short tour" runs as written.  The block is read
# from docs/tour.md (lines ending in a backslash joined), and each command is run
# on its own with sh, in a temporary folder that has ./rooflab, data/ and
# sweeps/; each must exit 0.  The whole tour runs twice: the second time must
# work as well and leave one run per database, not two (the tour starts
# afresh), and the merged shards must hold every point of the sweep.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
# the tour draws plots (gnuplot) and its databases are counted with
# sqlite3: without one of them the file says so and stops
have gnuplot "cli_tour.sh: the tour's plots" || finish
have sqlite3 "cli_tour.sh: the tour's databases counted" || finish

# the tour's commands, one a line
doc_commands "$root/docs/tour.md" "A short tour" >"$tmpd/tour.txt"
n=$(grep -c . "$tmpd/tour.txt")
if [ "$n" -ge 15 ] && grep -q '^\./rooflab merge' "$tmpd/tour.txt"; then
	echo "ok - docs/tour.md's tour has $n commands"
else
	echo "not ok - read $n commands from docs/tour.md's tour"; fails=$((fails + 1))
fi

w=$tmpd/w
doc_workdir "$w"
for pass in 1 2; do
	bad=0
	while IFS= read -r cmd; do
		(cd "$w" && sh -c "$cmd") >"$tmpd/out" 2>"$tmpd/err" </dev/null
		rc=$?
		if [ "$rc" -ne 0 ]; then
			echo "not ok - tour, pass $pass: exit $rc: $cmd"
			sed 's/^/    err: /' "$tmpd/err" | tail -5
			bad=$((bad + 1))
		fi
	done <"$tmpd/tour.txt"
	if [ "$bad" -eq 0 ]; then
		echo "ok - tour, pass $pass: every command exits 0"
	else
		fails=$((fails + bad))
	fi
done

t=$w/out/tour
r=$(sqlite3 "$t/sweeps.db" "SELECT count(*) FROM runs" 2>&1)
[ "$r" = 1 ] && echo "ok - the second tour leaves one sweep run, not two" ||
	{ echo "not ok - sweeps.db has $r runs after two tours"; fails=$((fails + 1)); }
r=$(sqlite3 "$t/claim.db" "SELECT count(*) FROM claim_runs" 2>&1)
[ "$r" = 1 ] && echo "ok - the second tour leaves one claim run, not two" ||
	{ echo "not ok - claim.db has $r claim runs after two tours"; fails=$((fails + 1)); }
# isl-osl.ini: 19 input lengths x 19 output lengths
r=$(sqlite3 "$t/isl-osl.db" "SELECT count(*), count(DISTINCT idx), min(idx), max(idx) FROM points" 2>&1)
[ "$r" = "361|361|0|360" ] && echo "ok - the four merged shards hold all 19 x 19 points once" ||
	{ echo "not ok - merged shards: $r"; fails=$((fails + 1)); }
for f in my-profile.ini heatmap.png factors.svg report.html; do
	[ -s "$t/$f" ] && echo "ok - the tour wrote $f" ||
		{ echo "not ok - the tour did not write $f"; fails=$((fails + 1)); }
done
finish
