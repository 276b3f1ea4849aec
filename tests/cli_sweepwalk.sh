#!/bin/sh
# cli_sweepwalk.sh: what a sweep script's author meets on a sharded sweep
# (ux18's walk): a resume pointed at a shard's file without its --shard is
# refused, naming the shard it holds, where it started the whole sweep
# again in that file; export's warnings on a shard not finished or lacking
# points give the command that completes it, --shard included; plot
# heatmap and pareto draw one slice of a sweep with --at PARAM=VALUE; a
# heatmap without --z of a sweep keeping one chip's throughput colours it;
# sweep --count says how many points a spec and a shard have; each run
# records its profile's numbers by hash (runs.profile_hash); the file
# says what each column means (run_columns_doc); the build's git revision
# marks an uncommitted tree (scripts/gitrev.sh); a grid's seed and an
# unnamed scenario are NULL; a spec-sheet chip's price does not follow
# swept chip.* numbers, and sweep and plot pareto say so.  Expected counts are worked by hand from the spec.
. "$(dirname "$0")/clilib.sh"

d=$tmpd
q() { sqlite3 "$@"; }

# 3 x 4 = 12 points; shard 1/4 holds idx 1, 5, 9: 3 points
cat >"$d/w.ini" <<'EOF'
[base]
chip = h100-sxm
model = llama3-8b
set = scenario.chips=8
[axes]
chip.hbm_tbps = 2, 3, 4
scenario.tp = 1, 2, 4, 8
[outputs]
keep = throughput.output_tokens_per_s_per_chip, power.watts
EOF

# 1. --resume without --shard on shard 1/4's file
expect_exit 0 "shard 1/4 of 12 points" -- $RL sweep "$d/w.ini" --db "$d/p1.db" --shard 1/4
n=$(q "$d/p1.db" "SELECT count(*) || ' ' || group_concat(idx) FROM points")
[ "$n" = "3 1,5,9" ] && echo "ok - shard 1/4 holds points 1, 5 and 9" ||
	{ echo "not ok - shard 1/4 holds '$n', not '3 1,5,9'"; fails=$((fails + 1)); }
expect_exit 2 "a resume without --shard on shard 1/4's file is refused" -- \
	$RL sweep "$d/w.ini" --db "$d/p1.db" --resume
expect_err "holds run 1 of this spec as shard 1/4 and no run of shard 0/1" "names the shard the file holds"
expect_err "rooflab sweep $d/w.ini --db $d/p1.db --shard 1/4 --resume" "gives the command that resumes it"
n=$(q "$d/p1.db" "SELECT count(*) FROM runs")/$(q "$d/p1.db" "SELECT count(*) FROM points")
[ "$n" = "1/3" ] && echo "ok - the refused resume stored nothing (1 run, 3 points)" ||
	{ echo "not ok - after the refusal runs/points are $n, not 1/3"; fails=$((fails + 1)); }
expect_exit 2 "a resume at another shard count (0/2) is refused too" -- \
	$RL sweep "$d/w.ini" --db "$d/p1.db" --shard 0/2 --resume
expect_err "as shard 1/4 and no run of shard 0/2" "names both shards"
# the same shard count (one file holding every shard of a sweep) goes on
expect_exit 0 "a resume of shard 2/4 in the file of shard 1/4 starts it" -- \
	$RL sweep "$d/w.ini" --db "$d/p1.db" --shard 2/4 --resume
n=$(q "$d/p1.db" "SELECT count(*) FROM points WHERE run_id = 2")
[ "$n" = 3 ] && echo "ok - shard 2/4 stored its 3 points beside shard 1/4" ||
	{ echo "not ok - shard 2/4 stored $n points, not 3"; fails=$((fails + 1)); }
# without --resume a new run of another shard count is the user's choice
expect_exit 0 "without --resume an unsharded run starts in that file" -- \
	$RL sweep "$d/w.ini" --db "$d/p1.db"
n=$(q "$d/p1.db" "SELECT count(*) FROM points WHERE run_id = 3")
[ "$n" = 12 ] && echo "ok - the unsharded run stored all 12 points" ||
	{ echo "not ok - the unsharded run stored $n points, not 12"; fails=$((fails + 1)); }

# 2. export's warnings give the command that completes the shard: its
# spec's path, --shard and --run, where they said "rooflab sweep SPEC --db
# FILE --resume", which without --shard 1/4 is refused (1.) and before that
# started the whole sweep.  Shard 1/4 cut back to point 1 (next_idx 5):
# 1 of its 3 points done.
expect_exit 0 "shard 1/4 again" -- $RL sweep "$d/w.ini" --db "$d/c1.db" --shard 1/4
q "$d/c1.db" "UPDATE runs SET finished = NULL, next_idx = 5; DELETE FROM points WHERE idx >= 5"
expect_exit 0 "export of an unfinished shard" -- $RL export --db "$d/c1.db" --format csv
expect_err "run 1 is not finished \(1 of its 3 points done: .*\`rooflab sweep $d/w.ini --db $d/c1.db --shard 1/4 --resume --run 1\` completes\)" \
	"export names the command with the spec's path, --shard and --run"
cmd=$(sed -n 's/.*`rooflab sweep \([^`]*\)` completes.*/\1/p' "$tmpd/err")
expect_exit 0 "the command export gave completes the shard" -- $RL sweep $cmd
n=$(q "$d/c1.db" "SELECT count(*) || ' ' || group_concat(idx) FROM points")/$(q "$d/c1.db" "SELECT finished IS NOT NULL FROM runs")
[ "$n" = "3 1,5,9/1" ] && echo "ok - the shard is complete with points 1, 5 and 9" ||
	{ echo "not ok - after the command the shard holds '$n', not '3 1,5,9/1'"; fails=$((fails + 1)); }
# a complete shard with point 5 deleted: lacks 1 of its points
q "$d/c1.db" "DELETE FROM points WHERE idx = 5"
expect_exit 0 "export of a complete shard lacking a point" -- $RL export --db "$d/c1.db" --format csv
expect_err "lacks 1 of its points .*\`rooflab sweep $d/w.ini --db $d/c1.db --shard 1/4 --resume --run 1\` evaluates them again" \
	"export names the command that fills it"
# an unsharded run's command has no --shard
expect_exit 0 "an unsharded run" -- $RL sweep "$d/w.ini" --db "$d/u.db"
q "$d/u.db" "UPDATE runs SET finished = NULL, next_idx = 4; DELETE FROM points WHERE idx >= 4"
expect_exit 0 "export of an unfinished unsharded run" -- $RL export --db "$d/u.db" --format csv
expect_err "\(4 of its 12 points done: .*\`rooflab sweep $d/w.ini --db $d/u.db --resume --run 1\` completes" \
	"an unsharded run's command has no --shard"

# 3. plot --at: one slice of a sweep over the workload.  3 x 2 x 2 x 2 =
# 24 points; at one isl and osl, 3 HBM x 2 peaks = 6 for the heatmap, and
# at one HBM too 2 for the Pareto plot.  0.1:0.3:0.1's last value is
# stored as 0.2999999999999999 (0.1 + 2 x 0.1 rounds below 0.3): --at
# chip.hbm_tbps=0.3 finds it.
cat >"$d/sl.ini" <<'EOF'
[base]
chip = h100-sxm
model = llama3-8b
[axes]
chip.hbm_tbps = 0.1:0.3:0.1
chip.peak_tflops_fp8 = 1000, 2000
scenario.isl = 128, 1024
scenario.osl = 128, 256
[outputs]
keep = throughput.output_tokens_per_s, power.watts
EOF
expect_exit 0 "a 24-point sweep over the workload" -- $RL sweep "$d/sl.ini" --db "$d/sl.db"
# title FILE TEXT: the plot's text, blanks squeezed, holds TEXT
title() { tr -s ' \n' '  ' <"$1" | grep -qF -- "$2"; }
if have gnuplot "plot --at"; then
	expect_exit 2 "pareto of a sweep over the workload is refused" -- \
		$RL plot pareto --db "$d/sl.db" --term dumb --out "$d/p.txt"
	expect_err "draw one workload with --at \(--at scenario.isl=VALUE\)" "the refusal offers --at"
	expect_exit 0 "heatmap at one workload" -- $RL plot heatmap --db "$d/sl.db" \
		--at scenario.isl=128 --at scenario.osl=256 --term dumb --out "$d/h.txt"
	title "$d/h.txt" "sweep run 1 at scenario.isl=128, scenario.osl=256: 6 design points" &&
		echo "ok - the heatmap's title: 6 points at that workload (3 x 2)" ||
		{ echo "not ok - the heatmap's title lacks the slice's 6 points"; fails=$((fails + 1)); }
	expect_exit 0 "pareto at one workload and HBM (0.3 finds 0.2999999999999999)" -- \
		$RL plot pareto --db "$d/sl.db" --at scenario.isl=128 --at scenario.osl=256 \
		--at chip.hbm_tbps=0.3 --x power.watts --term dumb --out "$d/p.txt"
	# the frontier as sweeps/README.md's SQL finds it on the same slice
	f=$(q "$d/sl.db" "SELECT count(*) FROM (SELECT x, y, max(y) OVER (ORDER BY x, y DESC
		ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM (SELECT
		power_watts AS x, throughput_output_tokens_per_s AS y FROM results
		WHERE run_id = 1 AND status = 0 AND scenario_isl = 128 AND scenario_osl = 256
		AND abs(chip_hbm_tbps - 0.3) < 1e-9)) WHERE before IS NULL OR y > before")
	title "$d/p.txt" "sweep run 1 at scenario.isl=128, scenario.osl=256, chip.hbm_tbps=0.3: $f of 2 design points on the frontier" &&
		echo "ok - the Pareto title: $f of the slice's 2 points, as SQL finds them" ||
		{ echo "not ok - the Pareto title lacks '$f of 2 design points'"; fails=$((fails + 1)); }
	expect_exit 2 "a value the run lacks is refused" -- $RL plot heatmap --db "$d/sl.db" \
		--at scenario.isl=1000 --term dumb --out "$d/h.txt"
	expect_err "run 1 has no point where scenario.isl is 1000; its values there: 128, 1024$" "names the values it has"
	# (small53) the values in all their digits (rl_number_write, small52),
	# where %.12g wrote 3.3500000000001 as 3.35: a sweep whose HBM axis
	# holds a value of 14 significant digits
	cat >"$d/d13.ini" <<'EOF'
[base]
chip = h100-sxm
model = llama3-8b
[axes]
chip.hbm_tbps = 3.3500000000001, 4.8
chip.peak_tflops_fp8 = 1000, 2000
[outputs]
keep = throughput.output_tokens_per_s
EOF
	expect_exit 0 "a sweep with a 14-digit HBM value" -- $RL sweep "$d/d13.ini" --db "$d/d13.db"
	expect_exit 2 "a value that run lacks is refused" -- $RL plot heatmap --db "$d/d13.db" \
		--at chip.hbm_tbps=4 --term dumb --out "$d/h.txt"
	expect_err "run 1 has no point where chip\.hbm_tbps is 4; its values there: 3\.3500000000001, 4\.8$" \
		"names the swept values in all their digits"
	expect_exit 2 "a choice the run lacks is refused" -- $RL plot heatmap --db "$d/sl.db" \
		--at scenario.precision=fp4 --term dumb --out "$d/h.txt"
	expect_exit 2 "an output is no slice" -- $RL plot heatmap --db "$d/sl.db" \
		--at power.watts=300 --term dumb --out "$d/h.txt"
	expect_err "power.watts is not a parameter" "says it is not a parameter"
	expect_exit 2 "SQL in the value is not a number" -- $RL plot heatmap --db "$d/sl.db" \
		--at "scenario.isl=128 OR 1=1" --term dumb --out "$d/h.txt"
	expect_err "'128 OR 1=1' is not a number" "quotes the value refused"
	expect_exit 2 "a slice without '='" -- $RL plot heatmap --db "$d/sl.db" \
		--at scenario.isl --term dumb --out "$d/h.txt"
	expect_exit 2 "--at on a kind that does not use it" -- $RL plot factors --db "$d/sl.db" \
		--at scenario.isl=128 --term dumb --out "$d/h.txt"
	expect_err "--at: plot factors does not use it" "names the option"
	# a boolean axis by its names, as its spec and rooflab params give
	# them (false|true; yes|no, on|off, 0|1 read as they are anywhere): the
	# run stores 1 and 0, and "true" named the slice of 1, where it was
	# refused as "not a number"
	printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nprofile.sliding_window = true, false\nchip.hbm_tbps = 2, 3\nscenario.isl = 128, 1024\n[outputs]\nkeep = throughput.output_tokens_per_s, power.watts\n' >"$d/bo.ini"
	expect_exit 0 "a sweep over a boolean axis" -- $RL sweep "$d/bo.ini" --db "$d/bo.db"
	expect_exit 0 "pareto at profile.sliding_window=true" -- $RL plot pareto --db "$d/bo.db" \
		--at profile.sliding_window=true --at scenario.isl=128 --x power.watts --term dumb --out "$d/p.txt"
	title "$d/p.txt" "sweep run 1 at profile.sliding_window=1, scenario.isl=128: " &&
		echo "ok - the title names the slice of 1 (true)" ||
		{ echo "not ok - the title lacks the slice profile.sliding_window=1"; fails=$((fails + 1)); }
	expect_exit 0 "pareto at profile.sliding_window=off" -- $RL plot pareto --db "$d/bo.db" \
		--at profile.sliding_window=off --at scenario.isl=128 --x power.watts --term dumb --out "$d/p.txt"
	title "$d/p.txt" "sweep run 1 at profile.sliding_window=0, scenario.isl=128: " &&
		echo "ok - off names the slice of 0" ||
		{ echo "not ok - the title lacks the slice profile.sliding_window=0"; fails=$((fails + 1)); }
	expect_exit 2 "a word no boolean takes is refused" -- $RL plot pareto --db "$d/bo.db" \
		--at profile.sliding_window=maybe --at scenario.isl=128 --term dumb --out "$d/p.txt"
	expect_err "profile.sliding_window: 'maybe' is not one of" "with the names it takes"
fi

# 4. a heatmap of a sweep that keeps one chip's throughput alone colours
# it by default, where it said "the sweep has no speedup or throughput
# column"; w.ini's 3 HBM values x 4 tp = 12 points, in a fresh file
expect_exit 0 "w.ini unsharded" -- $RL sweep "$d/w.ini" --db "$d/w.db"
if have gnuplot "heatmap of a per-chip throughput"; then
	expect_exit 0 "heatmap with no --z of a per-chip throughput" -- \
		$RL plot heatmap --db "$d/w.db" --term dumb --out "$d/hw.txt"
	title "$d/hw.txt" "throughput.output_tokens_per_s_per_chip (tokens/s) over chip.hbm_tbps (TB/s) and scenario.tp (chips)" &&
		title "$d/hw.txt" "sweep run 1: 12 design points" &&
		echo "ok - it colours the per-chip throughput over the 12 points" ||
		{ echo "not ok - the heatmap's title lacks the per-chip throughput or 12 points"; fails=$((fails + 1)); }
fi

# 5. sweep --count: the points of a spec and of a shard without a run,
# for sizing a job array.  w.ini: 3 x 4 = 12; shard 3/5 holds idx 3 and 8
expect_exit 0 "--count without --db" -- $RL sweep "$d/w.ini" --count --shard 3/5
expect_out "^$d/w.ini: 12 design points \(grid: 3 chip.hbm_tbps x 4 scenario.tp\)$" "12 points, each axis's count"
expect_out "^shard 3/5: 2 of them \(index % 5 == 3\)$" "shard 3/5 holds 2 (idx 3 and 8)"
expect_exit 0 "--count with --db writes nothing" -- $RL sweep "$d/w.ini" --count --db "$d/none.db"
[ ! -e "$d/none.db" ] && echo "ok - no database was made" ||
	{ echo "not ok - --count made $d/none.db"; fails=$((fails + 1)); }
# --count needs no database (its help): one in a folder not there is not
# checked, where it was refused as sweep's --db is (exit 2, "make it
# first"); the count is the same 12 and the folder is not made
expect_exit 0 "--count with --db in a missing folder" -- $RL sweep "$d/w.ini" --count --db "$d/missing/x.db"
expect_out "^$d/w.ini: 12 design points \(grid: 3 chip.hbm_tbps x 4 scenario.tp\)$" "the count as without --db"
expect_err "note: --count writes nothing: --db $d/missing/x.db is not opened" "the --db left alone, said"
[ ! -e "$d/missing" ] && echo "ok - the missing folder is not made" ||
	{ echo "not ok - --count made $d/missing"; fails=$((fails + 1)); }
# 7 Sobol points: shard 2/3 holds idx 2 and 5
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 1:8:1\nscenario.tp = 1, 2\n[sampling]\nmethod = sobol\nseed = 3\ncount = 7\n' >"$d/sob.ini"
expect_exit 0 "--count of a Sobol sample" -- $RL sweep "$d/sob.ini" --count --shard 2/3
expect_out "^$d/sob.ini: 7 design points \(sobol, seed 3, over 2 axes\)$" "the sample's count and seed"
expect_out "^shard 2/3: 2 of them" "shard 2/3 holds 2 of 7 (idx 2 and 5)"
expect_exit 2 "--count with --resume is refused" -- $RL sweep "$d/w.ini" --count --resume --db "$d/w.db"
# a path's control bytes and bytes of no UTF-8 character reach the terminal
# as '?', as every other line of sweep's (cli_say, rl_utf8_cell): the spec
# named with an ESC (a colour code) on stdout, the --db with one and a
# byte 0xFF in the note on stderr
esc=$(printf '\033')
ff=$(printf '\377')
cp "$d/w.ini" "$d/w${esc}[31m.ini"
expect_exit 0 "--count of a spec whose name holds an ESC" -- $RL sweep "$d/w${esc}[31m.ini" --count --db "$d/x${ff}${esc}[2J.db"
expect_out "^$d/w\?\[31m\.ini: 12 design points" "the spec's ESC shown as '?'"
expect_err "--db $d/x\?\?\[2J\.db is not opened" "the --db's 0xFF and ESC shown as '?'"
if LC_ALL=C grep -q "$esc" "$tmpd/out" "$tmpd/err" || LC_ALL=C grep -q "$ff" "$tmpd/err"; then
	echo "not ok - --count wrote a control or non-UTF-8 byte"; fails=$((fails + 1))
else
	echo "ok - --count wrote no control or non-UTF-8 byte"
fi
# (fuzz14) so do the run's own lines naming the --db: the sweep's last
# line ("stored in FILE") and a --resume of the complete run ("already
# complete"), where both wrote the path's bytes as they were
expect_exit 0 "a sweep into a --db whose name holds 0xFF and an ESC" -- $RL sweep "$d/w.ini" --db "$d/x${ff}${esc}[2J.db"
expect_out "12 stored in $d/x\?\?\[2J\.db \(" "its last line shows the 0xFF and ESC as '?'"
cp "$tmpd/err" "$tmpd/err.run"
cp "$tmpd/out" "$tmpd/out.run"
expect_exit 0 "a --resume of that complete run" -- $RL sweep "$d/w.ini" --db "$d/x${ff}${esc}[2J.db" --resume
expect_out "in $d/x\?\?\[2J\.db is already complete" "already complete: the name's 0xFF and ESC as '?'"
if LC_ALL=C grep -q "$esc" "$tmpd/err" "$tmpd/err.run" "$tmpd/out" "$tmpd/out.run" ||
	LC_ALL=C grep -q "$ff" "$tmpd/err" "$tmpd/err.run" "$tmpd/out" "$tmpd/out.run"; then
	echo "not ok - the sweep wrote a control or non-UTF-8 byte of its --db"; fails=$((fails + 1))
else
	echo "ok - the sweep wrote no control or non-UTF-8 byte of its --db"
fi

# 5b. (ux27) a linear range's third part is its step, a log range's its
# count: 2:4:20 read as "20 values from 2 to 4" holds 2 alone (20 is past
# the whole range, 4 - 2 = 2), and said only "ends at 2, short of its
# stop 4 (... not a whole number of steps of 20)" once the sweep ran;
# --count, where a script checks its spec, said nothing.  20 values evenly
# spaced from 2 to 4: a step of (4 - 2) / 19, by hand
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 2:4:20\nscenario.tp = 1, 2\n' >"$d/stepcount.ini"
expect_exit 0 "--count of a range whose step passes its whole width" -- $RL sweep "$d/stepcount.ini" --count
expect_out "^$d/stepcount.ini: 2 design points \(grid: 1 chip.hbm_tbps x 2 scenario.tp\)$" "1 x 2 points"
expect_err "warning: .*stepcount\.ini:5: chip\.hbm_tbps = 2:4:20 holds its start, 2, alone: its step 20 is more than the whole range \(4 - 2\); the third part of a linear range is its step \(for 20 values: a step of \(4 - 2\) / 19, or 2:4:20 log, log-spaced\)" \
	"--count says the step passes the range and how to write 20 values"
expect_exit 0 "a sweep of that range" -- $RL sweep "$d/stepcount.ini" --db "$d/stepcount.db"
expect_err "chip\.hbm_tbps = 2:4:20 holds its start, 2, alone" "the sweep says it too"
if grep -q "short of its stop" "$tmpd/err"; then
	echo "not ok - the range is said twice (short of its stop too)"; fails=$((fails + 1))
else
	echo "ok - the range is said once"
fi
# a step that is not a whole count gets no count's advice; 2:5:2 ends
# short (2, 4), said by --count as by the sweep
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 2:3:1.5\nscenario.batch = 2:5:2\n' >"$d/stepshort.ini"
expect_exit 0 "--count of two ranges that end short" -- $RL sweep "$d/stepshort.ini" --count
expect_err "stepshort\.ini:5: chip\.hbm_tbps = 2:3:1\.5 holds its start, 2, alone: its step 1\.5 is more than the whole range \(3 - 2\)$" \
	"a step that is no count: no count's advice"
expect_err "stepshort\.ini:6: scenario\.batch = 2:5:2 ends at 4, short of its stop 5" "--count says a range ends short"

# 5b2. random or Sobol sampling over axes of one value each (a linear
# range whose stop is its start) drew the same design point count times,
# evaluated and stored without a word: said, with the count the spec asks
# (count = 6) and the values, by --count as by the sweep; a grid of the
# same axes is its one point, not said; a range sampled is not said
for m in random sobol; do
	printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 3:3:1\nscenario.tp = 2\n[sampling]\nmethod = %s\ncount = 6\n' "$m" >"$d/same$m.ini"
	expect_exit 0 "--count of $m points over one value each" -- $RL sweep "$d/same$m.ini" --count
	expect_err "warning: .*same$m\.ini: its 6 points \($m\) are all one design point: each axis holds one value \(chip\.hbm_tbps = 3, scenario\.tp = 2\); give an axis a range to sample, or method = grid to evaluate the point once$" \
		"--count says the $m points are one, with the count"
	expect_exit 0 "a sweep of them" -- $RL sweep "$d/same$m.ini" --db "$d/same$m.db"
	expect_err "its 6 points \($m\) are all one design point" "the sweep says it too"
done
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 3:3:1\nscenario.tp = 2\n' >"$d/samegrid.ini"
expect_exit 0 "--count of a grid of one value each" -- $RL sweep "$d/samegrid.ini" --count
expect_no_err "one design point" "a grid's one point is not said"
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 3:4:1\nscenario.tp = 2\n[sampling]\nmethod = random\ncount = 6\n' >"$d/samerange.ini"
expect_exit 0 "--count of random points over a range" -- $RL sweep "$d/samerange.ini" --count
expect_no_err "one design point" "a real range sampled draws values apart: not said"

# 5c. (ux27) merge of three shards, two of them stopped part way, named
# the first alone: a script fixing it met the second on the next merge.
# w.ini's 12 points in 3 shards: 1/3 holds idx 1, 4, 7, 10, stopped at 7
# (1 and 4 done: 2 of 4); 2/3 holds 2, 5, 8, 11, stopped at 5 (2 done: 1
# of 4), counted by hand
for i in 0 1 2; do
	$RL sweep "$d/w.ini" --db "$d/open$i.db" --shard "$i/3" 2>/dev/null
done
q "$d/open1.db" "DELETE FROM points WHERE idx >= 7; UPDATE runs SET finished = NULL, next_idx = 7"
q "$d/open2.db" "DELETE FROM points WHERE idx >= 5; UPDATE runs SET finished = NULL, next_idx = 5"
expect_exit 2 "merge of two unfinished shards" -- $RL merge "$d/open.db" "$d/open0.db" "$d/open1.db" "$d/open2.db"
expect_err "shard 1/3 \($d/open1\.db run 1\) is not finished \(2 of its 4 points done\); complete it with: rooflab sweep $d/w\.ini --db $d/open1\.db --shard 1/3 --resume --run 1; 1 more shard is not finished: 2/3 \($d/open2\.db run 1, 1 of its 4 points done\), completed the same way$" \
	"names both unfinished shards"
[ ! -e "$d/open.db" ] && echo "ok - the refused merge writes nothing" ||
	{ echo "not ok - the refused merge wrote open.db"; fails=$((fails + 1)); }

# 6. two sweeps in one file record their profile's numbers, not its name
# alone (runs.profile_hash): the same profile under another spec hashes
# equal; one number of it set by the spec (a refit under the same name)
# hashes apart, the name unchanged; a chip's number leaves it; merge
# carries it.
sed 's/^set = scenario.chips=8$/set = scenario.chips=8\nset = profile.eff_compute=0.5/' "$d/w.ini" >"$d/refit.ini"
sed 's/^set = scenario.chips=8$/set = scenario.chips=8\nset = chip.tdp_w=600/' "$d/w.ini" >"$d/tdp.ini"
for f in w refit tdp; do
	expect_exit 0 "$f.ini into one file" -- $RL sweep "$d/$f.ini" --db "$d/prov.db"
done
n=$(q "$d/prov.db" "SELECT count(DISTINCT profile) || ' ' || count(DISTINCT spec_hash) || ' '
	|| (SELECT count(*) FROM runs WHERE length(profile_hash) = 16 AND profile_hash NOT GLOB '*[^0-9a-f]*')
	|| ' ' || (SELECT r1.profile_hash = r3.profile_hash FROM runs r1, runs r3 WHERE r1.id = 1 AND r3.id = 3)
	|| ' ' || (SELECT r1.profile_hash != r2.profile_hash FROM runs r1, runs r2 WHERE r1.id = 1 AND r2.id = 2)
	FROM runs")
[ "$n" = "1 3 3 1 1" ] && echo "ok - one profile name, three specs; a profile number set hashes apart, a chip's does not" ||
	{ echo "not ok - profile/spec/hash checks read '$n', not '1 3 3 1 1'"; fails=$((fails + 1)); }
# the [baseline]'s profile counts too (since 2026-11-30): w.ini with a
# [baseline] of its own [base] hashes apart from w.ini (the [baseline]'s
# rows added); a [baseline] with one profile number set hashes apart from
# that; one with a chip's number set (tdp) hashes as the plain [baseline]
bl='[baseline]\nchip = h100-sxm\nmodel = llama3-8b\nset = scenario.chips=8\n'
{ cat "$d/w.ini"; printf "$bl"; } >"$d/bl.ini"
{ cat "$d/w.ini"; printf "${bl}set = profile.eff_compute=0.5\n"; } >"$d/blrefit.ini"
{ cat "$d/w.ini"; printf "${bl}set = chip.tdp_w=600\n"; } >"$d/bltdp.ini"
for f in bl blrefit bltdp; do
	expect_exit 0 "$f.ini into one file" -- $RL sweep "$d/$f.ini" --db "$d/prov.db"
done
n=$(q "$d/prov.db" "SELECT ((SELECT profile_hash FROM runs WHERE id = 1) != (SELECT profile_hash FROM runs WHERE id = 4))
	|| ' ' || ((SELECT profile_hash FROM runs WHERE id = 4) != (SELECT profile_hash FROM runs WHERE id = 5))
	|| ' ' || ((SELECT profile_hash FROM runs WHERE id = 4) = (SELECT profile_hash FROM runs WHERE id = 6))
	|| ' ' || (SELECT count(DISTINCT baseline_profile) FROM runs WHERE id >= 4)")
[ "$n" = "1 1 1 1" ] && echo "ok - the [baseline]'s profile numbers are in profile_hash, its chip's are not" ||
	{ echo "not ok - [baseline] profile_hash checks read '$n', not '1 1 1 1'"; fails=$((fails + 1)); }
$RL sweep "$d/w.ini" --db "$d/pp0.db" --shard 0/2 2>/dev/null
$RL sweep "$d/w.ini" --db "$d/pp1.db" --shard 1/2 2>/dev/null
expect_exit 0 "merge two shards" -- $RL merge "$d/ppm.db" "$d/pp0.db" "$d/pp1.db"
n=$(q "$d/ppm.db" "SELECT profile_hash FROM runs")
m=$(q "$d/prov.db" "SELECT profile_hash FROM runs WHERE id = 1")
[ -n "$n" ] && [ "$n" = "$m" ] && echo "ok - the merged run carries the parts' profile_hash" ||
	{ echo "not ok - merged profile_hash '$n', not '$m'"; fails=$((fails + 1)); }
# the parts in another order (a glob's: part-10.db before part-2.db) give
# the same file: run_parts in shard order, where it kept the order given
# (ux31), 1 then 0 read back by a SELECT without ORDER BY
expect_exit 0 "merge two shards given in reverse" -- $RL merge "$d/ppr.db" "$d/pp1.db" "$d/pp0.db"
n=$(q "$d/ppr.db" "SELECT group_concat(shard_index, ' ') FROM run_parts")
[ "$n" = "0 1" ] && echo "ok - run_parts in shard order whatever the parts' order" ||
	{ echo "not ok - run_parts of parts given 1, 0 read '$n', not '0 1'"; fails=$((fails + 1)); }
n=$(q "$d/ppr.db" "SELECT * FROM points ORDER BY idx" | md5sum)
m=$(q "$d/ppm.db" "SELECT * FROM points ORDER BY idx" | md5sum)
[ "$n" = "$m" ] && echo "ok - the points of parts given in reverse are those of the merge in order" ||
	{ echo "not ok - the points of parts given in reverse differ"; fails=$((fails + 1)); }

# 7. what each column means, in the file itself: run_columns_doc gives
# run_columns with the parameter and output tables' words (model/params.c
# "memory bandwidth per chip ...", model/outputs.c "power one chip draws
# ..."), every column of w.ini's 4 (2 axes, 2 outputs) with one; a merged
# file too; a file whose docs were dropped (as one an earlier rooflab
# made) gets them back with its next run
n=$(q "$d/w.db" "SELECT count(*) || ' ' || count(doc) FROM run_columns_doc WHERE run_id = 1")
[ "$n" = "4 4" ] && echo "ok - each of the 4 columns has its description" ||
	{ echo "not ok - run_columns_doc: '$n', not '4 4'"; fails=$((fails + 1)); }
n=$(q "$d/w.db" "SELECT unit || '|' || doc FROM run_columns_doc WHERE name = 'chip_hbm_tbps'")
case "$n" in "TB/s|memory bandwidth per chip"*) echo "ok - chip_hbm_tbps: TB/s, memory bandwidth per chip" ;;
*) echo "not ok - chip_hbm_tbps reads '$n'"; fails=$((fails + 1)) ;; esac
n=$(q "$d/w.db" "SELECT unit || '|' || doc FROM run_columns_doc WHERE name = 'power_watts'")
case "$n" in "W|power one chip draws"*) echo "ok - power_watts: W, power one chip draws" ;;
*) echo "not ok - power_watts reads '$n'"; fails=$((fails + 1)) ;; esac
n=$(q "$d/ppm.db" "SELECT count(*) || ' ' || count(doc) FROM run_columns_doc")
[ "$n" = "4 4" ] && echo "ok - the merged file has them" ||
	{ echo "not ok - merged run_columns_doc: '$n', not '4 4'"; fails=$((fails + 1)); }
q "$d/w.db" "DROP VIEW run_columns_doc; DROP TABLE column_docs"
expect_exit 0 "a run into a file without the docs" -- $RL sweep "$d/w.ini" --db "$d/w.db"
n=$(q "$d/w.db" "SELECT count(*) || ' ' || count(doc) FROM run_columns_doc")
[ "$n" = "8 8" ] && echo "ok - both runs' columns described again" ||
	{ echo "not ok - after the new run: '$n', not '8 8'"; fails=$((fails + 1)); }

# 8. the build's git revision (scripts/gitrev.sh, build/gitrev.h,
# runs.git_rev) marks an uncommitted tree: in a repository of one commit,
# a clean tree is HEAD's short hash; a tracked file changed or a file git
# does not ignore added is HASH-dirty-SUM (8 hex digits), two different
# changes two SUMs, the same change the same SUM; an ignored file leaves it
# clean; outside a repository, or without git on PATH, "unknown"
gr=$(cd "${ROOFLAB_ROOT:-.}/scripts" && pwd)/gitrev.sh
g="$d/repo"
mkdir -p "$g"
git -C "$g" init -q && printf 'a\n' >"$g/f.c" && printf 'ign.o\n' >"$g/.gitignore" &&
	git -C "$g" add f.c .gitignore &&
	git -C "$g" -c user.name=t -c user.email=t@t commit -qm one
head=$(git -C "$g" rev-parse --short HEAD)
n=$(sh "$gr" "$g")
[ -n "$head" ] && [ "$n" = "$head" ] && echo "ok - a clean tree: HEAD's short hash" ||
	{ echo "not ok - clean tree read '$n', not '$head'"; fails=$((fails + 1)); }
: >"$g/ign.o"
n=$(sh "$gr" "$g")
[ "$n" = "$head" ] && echo "ok - an ignored file leaves it clean" ||
	{ echo "not ok - with an ignored file '$n', not '$head'"; fails=$((fails + 1)); }
printf 'b\n' >"$g/f.c"
d1=$(sh "$gr" "$g")
printf 'c\n' >"$g/f.c"
d2=$(sh "$gr" "$g")
printf 'b\n' >"$g/f.c"
d3=$(sh "$gr" "$g")
case "$d1" in "$head"-dirty-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f])
	[ "$d1" != "$d2" ] && [ "$d1" = "$d3" ] &&
		echo "ok - a changed file: $head-dirty-SUM, two changes two SUMs, one change one" ||
		{ echo "not ok - dirty marks '$d1' '$d2' '$d3'"; fails=$((fails + 1)); } ;;
*) echo "not ok - a changed file read '$d1', not $head-dirty-SUM"; fails=$((fails + 1)) ;; esac
git -C "$g" checkout -q f.c && printf 'x\n' >"$g/new.c"
n=$(sh "$gr" "$g")
case "$n" in "$head"-dirty-*) [ "$n" != "$d1" ] && echo "ok - a file added (not ignored) is dirty too" ||
	{ echo "not ok - an added file read '$n'"; fails=$((fails + 1)); } ;;
*) echo "not ok - an added file read '$n', not $head-dirty-SUM"; fails=$((fails + 1)) ;; esac
mkdir -p "$d/norepo"
n=$(sh "$gr" "$d/norepo")/$(cd "$g" && PATH=/nonexistent /bin/sh "$gr")
[ "$n" = "unknown/unknown" ] && echo "ok - outside a repository or without git: unknown" ||
	{ echo "not ok - without a repository or git: '$n', not 'unknown/unknown'"; fails=$((fails + 1)); }
# a source tree unpacked (a tarball, no .git of its own) inside another
# repository's folder is no checkout: "unknown", not the outer
# repository's hash marked dirty by the unpacked files; a worktree of the
# repository (.git a file) is its HEAD's hash
mkdir -p "$g/src" && printf 'x\n' >"$g/src/f.c" && printf 'x\n' >"$g/src/Makefile"
n=$(sh "$gr" "$g/src")
[ "$n" = "unknown" ] && echo "ok - a tree unpacked inside another repository: unknown" ||
	{ echo "not ok - a tree unpacked inside another repository read '$n', not 'unknown'"; fails=$((fails + 1)); }
rm -rf "$g/src" "$g/new.c"
git -C "$g" worktree add -q -b side "$d/gwt" 2>/dev/null
n=$(sh "$gr" "$d/gwt")
[ -f "$d/gwt/.git" ] && [ "$n" = "$head" ] && echo "ok - a worktree: HEAD's short hash" ||
	{ echo "not ok - a worktree read '$n', not '$head'"; fails=$((fails + 1)); }
# two parts of one HEAD written by two different uncommitted trees are two
# builds: merge refuses them, as a resume of one by the other
$RL sweep "$d/w.ini" --db "$d/dirty0.db" --shard 0/2 2>/dev/null
$RL sweep "$d/w.ini" --db "$d/dirty1.db" --shard 1/2 2>/dev/null
q "$d/dirty0.db" "UPDATE runs SET git_rev = '$head-dirty-0000aaaa'"
q "$d/dirty1.db" "UPDATE runs SET git_rev = '$head-dirty-0000bbbb'"
expect_exit 2 "merge of two dirty trees' parts is refused" -- $RL merge "$d/dirtym.db" "$d/dirty0.db" "$d/dirty1.db"
expect_err "were written by different rooflab builds, git revision $head-dirty-0000aaaa and $head-dirty-0000bbbb \(both rooflab [^ ]+\): their points may differ by build" "names both builds"
q "$d/dirty1.db" "UPDATE runs SET finished = NULL, next_idx = 0"
expect_exit 2 "a resume by another build of a dirty tree's run is refused" -- $RL sweep "$d/w.ini" --db "$d/dirty1.db" --shard 1/2 --resume
expect_err "started by rooflab [^ ]* \(git $head-dirty-0000bbbb\) and this is rooflab" "names the dirty build"

# 9. "not applicable" is NULL (since 2026-11-30): a grid's runs.seed and
# the scenario of a spec naming no scenario preset, where a run recorded 0
# and ''; a random sample's seed 3 and a scenario preset's name are kept.
# A file made before then (runs.seed NOT NULL, made so here by its schema
# text, as an earlier rooflab declared it) takes a new grid run with seed 0
# as before; merge of two such parts writes NULL; plot reads them.
expect_exit 0 "a grid into a new file" -- $RL sweep "$d/w.ini" --db "$d/na.db"
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\nscenario = trtllm-128-128\n[axes]\nchip.hbm_tbps = 2, 3\n[sampling]\nmethod = random\nseed = 3\ncount = 2\n' >"$d/rnd.ini"
expect_exit 0 "a random sample under a scenario preset" -- $RL sweep "$d/rnd.ini" --db "$d/na.db"
n=$(q "$d/na.db" "SELECT group_concat(sampling || ':' || quote(seed) || ':' || quote(scenario), ' ') FROM (SELECT * FROM runs ORDER BY id)")
[ "$n" = "grid:NULL:NULL random:3:'trtllm-128-128'" ] && echo "ok - a grid's seed and an unnamed scenario are NULL; seed 3 and the preset kept" ||
	{ echo "not ok - runs read '$n'"; fails=$((fails + 1)); }
for k in 0 1; do
	$RL sweep "$d/w.ini" --db "$d/old$k.db" --shard $k/2 2>/dev/null
	q "$d/old$k.db" "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, ' seed INTEGER,', ' seed INTEGER NOT NULL,') WHERE name = 'runs'; PRAGMA writable_schema = OFF"
	q "$d/old$k.db" "UPDATE runs SET seed = 0, scenario = ''"
done
n=$(q "$d/old0.db" "SELECT \"notnull\" FROM pragma_table_info('runs') WHERE name = 'seed'")
[ "$n" = 1 ] && echo "ok - the old file's runs.seed is NOT NULL" ||
	{ echo "not ok - old file's seed notnull '$n'"; fails=$((fails + 1)); }
expect_exit 0 "merge of two old parts" -- $RL merge "$d/oldm.db" "$d/old0.db" "$d/old1.db"
n=$(q "$d/oldm.db" "SELECT quote(seed) || ' ' || quote(scenario) || ' ' || (SELECT count(*) FROM points) FROM runs")
[ "$n" = "NULL NULL 12" ] && echo "ok - the merged file: seed and scenario NULL, 12 points" ||
	{ echo "not ok - merged old parts read '$n', not 'NULL NULL 12'"; fails=$((fails + 1)); }
expect_exit 0 "a new grid run in the old file" -- $RL sweep "$d/w.ini" --db "$d/old0.db" --shard 0/2
n=$(q "$d/old0.db" "SELECT group_concat(quote(seed) || ':' || quote(scenario), ' ') FROM (SELECT * FROM runs ORDER BY id)")
[ "$n" = "0:'' 0:NULL" ] && echo "ok - the old file's new run: seed 0 (NOT NULL there), scenario NULL" ||
	{ echo "not ok - old file's runs read '$n', not \"0:'' 0:NULL\""; fails=$((fails + 1)); }
expect_exit 0 "plot heatmap of the old file" -- $RL plot heatmap --db "$d/old1.db" --term dumb

# 10. a spec-sheet chip's cost does not follow swept chip.* numbers: with
# chip.hbm_tbps swept on h100-sxm, chip_price_usd is the preset's 33625
# (data/chips/h100-sxm.ini price_usd) at each of the 3 x 4 points, and
# chip_cost_usd one number too (chip.hbm_gb not swept); sweep says so on
# stderr where a cost.* output is kept, and plot pareto's title where an
# axis is one (not where --at holds the chip.* axis), and eval for a
# --set chip.*; not without a cost output, nor for a chip by design
sed 's/^keep = .*/&, cost.chip_price_usd, cost.chip_cost_usd, cost.usd_per_million_tokens_at_price/' "$d/w.ini" >"$d/cost.ini"
expect_exit 0 "a chip.hbm_tbps sweep keeping cost outputs" -- $RL sweep "$d/cost.ini" --db "$d/cost.db"
expect_err "note: h100-sxm is given by its spec sheet: its price \(cost.price_usd\) is its preset's at every point, whatever chip.hbm_tbps, and its manufacturing cost follows two chip.\* figures alone, chip.hbm_gb \(at cost.hbm_usd_per_gb\) and chip.memory;" "sweep notes the price does not follow chip.hbm_tbps"
# (review41) every chip.* the notes name as followed by the cost is a
# parameter rooflab takes (rooflab params): the notes named
# 'chip.memory_kind', the C field's name, which --set refuses as an
# unknown parameter (the parameter is chip.memory)
# named_params NAME FILE: each chip.KEY of FILE's note lines after
# "follows" is in rooflab params
named_params() {
	$RL params --section chip 2>/dev/null | awk '{ print $1 }' >"$d/chipkeys"
	bad=""
	for k in $(grep -o "follows.*" "$2" | grep -o "chip\.[a-z_0-9]*[a-z0-9]"); do
		grep -qx "$k" "$d/chipkeys" || bad="$bad $k"
	done
	if [ -z "$bad" ] && grep -q "follows.*chip\.memory" "$2"; then
		echo "ok - $1: the chip.* parameters the note names are rooflab's"
	else
		echo "not ok - $1: names no parameter of rooflab's:$bad"; fails=$((fails + 1))
	fi
}
named_params "sweep's note" "$d/err"
n=$(q "$d/cost.db" "SELECT count(*) || ' ' || count(DISTINCT cost_chip_price_usd) || ' ' || min(cost_chip_price_usd) || ' ' || count(DISTINCT cost_chip_cost_usd) FROM points")
[ "$n" = "12 1 33625.0 1" ] && echo "ok - 12 points, one price (33625 USD) and one manufacturing cost" ||
	{ echo "not ok - cost columns read '$n', not '12 1 33625.0 1'"; fails=$((fails + 1)); }
expect_exit 0 "pareto on the price per token" -- $RL plot pareto --db "$d/cost.db" --x cost_usd_per_million_tokens_at_price --y throughput_output_tokens_per_s_per_chip --term dumb
expect_out "keeps its preset's price whatever" "the pareto title says the price does not follow the swept chip.*"
tr '\n' ' ' <"$d/out" | tr -s ' ' >"$d/outj"
named_params "plot pareto's title" "$d/outj"
expect_exit 0 "pareto on the price per token at one chip.hbm_tbps" -- $RL plot pareto --db "$d/cost.db" --x cost_usd_per_million_tokens_at_price --y throughput_output_tokens_per_s_per_chip --term dumb --at chip.hbm_tbps=3
if grep -q "preset's price" "$d/out"; then echo "not ok - a slice holding chip.hbm_tbps notes the price"; fails=$((fails + 1)); else echo "ok - no note where --at holds the chip.* axis"; fi
expect_exit 0 "pareto on power" -- $RL plot pareto --db "$d/cost.db" --x power_watts --y throughput_output_tokens_per_s_per_chip --term dumb
if grep -q "preset's price" "$d/out"; then echo "not ok - a pareto without a cost axis notes the price"; fails=$((fails + 1)); else echo "ok - no note without a cost axis"; fi
expect_exit 0 "w.ini keeps no cost output" -- $RL sweep "$d/w.ini" --db "$d/nocost.db"
if grep -q "note: .* spec sheet" "$d/err"; then echo "not ok - a sweep without cost outputs notes the price"; fails=$((fails + 1)); else echo "ok - no note without a cost output"; fi
sed 's/^chip = h100-sxm$/chip = sohu-design/' "$d/cost.ini" >"$d/costd.ini"
expect_exit 0 "the same on a chip by design" -- $RL sweep "$d/costd.ini" --db "$d/costd.db"
if grep -q "note: .* spec sheet" "$d/err"; then echo "not ok - a chip by design gets the note"; fails=$((fails + 1)); else echo "ok - no note for a chip by design"; fi
# (ux21) nor plot pareto's title, which read the spec-sheet note for it
# too (the run's chip read from its stored spec, resolved again)
expect_exit 0 "pareto on the price per token, chip by design" -- $RL plot pareto --db "$d/costd.db" --x cost_usd_per_million_tokens_at_price --y throughput_output_tokens_per_s_per_chip --term dumb
if grep -q "spec sheet" "$d/out"; then echo "not ok - the pareto title of a chip by design notes the spec-sheet price"; fails=$((fails + 1)); else echo "ok - no spec-sheet note in the pareto title of a chip by design"; fi

# a chip by its design: its price does not follow design.* either (the
# preset's price is for the product it describes; a design point with
# other HBM stacks is not that product, and rooflab does not scale a
# buyer's price by a cost per GB): with design.hbm_stacks swept on
# sohu-design, chip_price_usd is its preset's 33625 (data/chips/sohu-design.ini
# price_usd) at each of the 4 points, and sweep, the column's doc, plot
# pareto's title and eval say so; its manufacturing cost does follow the
# stacks: each 2 more stacks of 36 GB (sohu-design.ini hbm_stacks) add at
# least 2 x 36 x 15 = 1080 USD of HBM (cost.hbm_usd_per_gb 15)
cat >"$d/stacks.ini" <<'EOF2'
[base]
scenario = etched-bench
chip = sohu-design
profile = etched-claim
set = scenario.tp=1
[axes]
design.hbm_stacks = 2, 4, 6, 8
[outputs]
keep = throughput.output_tokens_per_s, cost.chip_cost_usd, cost.chip_price_usd
keep = cost.usd_per_million_tokens_at_price, cost.usd_per_million_tokens_at_cost
EOF2
expect_exit 0 "a design.hbm_stacks sweep on a chip by design" -- $RL sweep "$d/stacks.ini" --db "$d/stacks.db"
expect_err "note: sohu-design is given by its design \(chip.by_design = true\): its price \(cost.price_usd\) is its preset's at every point, whatever design.hbm_stacks \(a changed chip is not the product priced\)" "sweep notes the price does not follow design.hbm_stacks"
# of a sharded sweep, shard 0 alone says it (one spec's note, as the
# profile's why): each of 4 shards' logs repeated it whole (ux31)
expect_exit 0 "shard 0/2 of the stacks sweep" -- $RL sweep "$d/stacks.ini" --db "$d/stacks0.db" --shard 0/2
expect_err "note: sohu-design is given by its design .*not the product priced" "shard 0 notes the price"
expect_exit 0 "shard 1/2 of the stacks sweep" -- $RL sweep "$d/stacks.ini" --db "$d/stacks1.db" --shard 1/2
expect_no_err "not the product priced" "shard 1 leaves the price note to shard 0"
n=$(q "$d/stacks.db" "SELECT count(*) || ' ' || count(DISTINCT cost_chip_price_usd) || ' ' || min(cost_chip_price_usd) || ' ' || count(DISTINCT cost_chip_cost_usd) FROM points")
[ "$n" = "4 1 33625.0 4" ] && echo "ok - 4 points, one price (33625 USD), 4 manufacturing costs" ||
	{ echo "not ok - stacks cost columns read '$n', not '4 1 33625.0 4'"; fails=$((fails + 1)); }
n=$(q "$d/stacks.db" "SELECT count(*) FROM points a JOIN points b ON b.idx = a.idx + 1 WHERE b.cost_chip_cost_usd - a.cost_chip_cost_usd >= 1080")
[ "$n" = "3" ] && echo "ok - each 2 more stacks add at least 1080 USD to the manufacturing cost" ||
	{ echo "not ok - $n of 3 steps of 2 stacks add 1080 USD or more to the cost"; fails=$((fails + 1)); }
sed 's/^design.hbm_stacks = .*/&\ncost.price_usd = 30000, 40000/' "$d/stacks.ini" >"$d/stacksp.ini"
expect_exit 0 "the stacks sweep with the price an axis too" -- $RL sweep "$d/stacksp.ini" --db "$d/stacksp.db"
if grep -q "note: .* given by its design" "$d/err"; then echo "not ok - a sweep whose price is an axis notes the preset's price"; fails=$((fails + 1)); else echo "ok - no note where the price is an axis"; fi
n=$(q "$d/stacks.db" "SELECT doc FROM run_columns_doc WHERE name = 'cost_chip_price_usd'")
case $n in *"not following chip.* or design.* numbers set or swept"*) echo "ok - the price column's doc says it does not follow the sweep" ;;
*) echo "not ok - the price column's doc reads '$n'"; fails=$((fails + 1)) ;; esac
expect_exit 0 "pareto on the price per token over the stacks" -- $RL plot pareto --db "$d/stacks.db" --x cost_usd_per_million_tokens_at_price --y throughput_output_tokens_per_s --term dumb
if tr -s ' \n' ' ' <"$d/out" | grep -q "the price is the chip preset's whatever design.hbm_stacks"; then echo "ok - the pareto title says the price does not follow design.hbm_stacks"; else echo "not ok - no price note in the pareto title over design.hbm_stacks"; fails=$((fails + 1)); fi
expect_exit 0 "pareto on the cost per token over the stacks" -- $RL plot pareto --db "$d/stacks.db" --x cost_usd_per_million_tokens_at_cost --y throughput_output_tokens_per_s --term dumb
if tr -s ' \n' ' ' <"$d/out" | grep -q "preset's whatever"; then echo "not ok - a cost axis that follows the design gets the price note"; fails=$((fails + 1)); else echo "ok - no price note on the manufacturing cost axis"; fi
expect_exit 0 "eval by design with --set design.hbm_stacks=6" -- $RL eval --chip sohu-design --profile etched-claim --scenario etched-bench --set scenario.tp=1 --set design.hbm_stacks=6
expect_err "^rooflab eval: note: sohu-design is given by its design \(chip.by_design = true\): its price \(cost.price_usd\) is its preset's whatever --set design.hbm_stacks=6" "eval notes the price does not follow --set design.hbm_stacks"
expect_out "chip_price_usd +33625 USD" "the price row is the preset's"
expect_exit 0 "eval by design with the price set too" -- $RL eval --chip sohu-design --profile etched-claim --scenario etched-bench --set scenario.tp=1 --set design.hbm_stacks=6 --set cost.price_usd=40000
if grep -q "note: .* given by its design" "$d/err"; then echo "not ok - eval notes a price the --set gave"; fails=$((fails + 1)); else echo "ok - eval: no note where --set gives the price"; fi

# eval too, for --set chip.*: the price row stays 33625 USD
expect_exit 0 "eval with --set chip.hbm_tbps=5" -- $RL eval --chip h100-sxm --model llama3-8b --set chip.hbm_tbps=5
expect_err "^rooflab eval: note: h100-sxm is given by its spec sheet: its price \(cost.price_usd\) is its preset's whatever --set chip.hbm_tbps=5" "eval notes the price does not follow --set chip.hbm_tbps"
named_params "eval's note" "$d/err"
expect_out "chip_price_usd +33625 USD" "the price row is the preset's"
expect_exit 0 "eval without a chip.* set" -- $RL eval --chip h100-sxm --model llama3-8b --set scenario.tp=2
if grep -q "note: .* spec sheet" "$d/err"; then echo "not ok - eval without --set chip.* notes the price"; fails=$((fails + 1)); else echo "ok - eval: no note without --set chip.*"; fi
# (review40) where the price is given, by --set cost.price_usd or as an
# axis, no note says it is the preset's: the price column then reads the
# given price (40000, not 33625), which the notes contradicted; sweep and
# eval on a spec-sheet chip, plot pareto's title (both notes) on each
expect_exit 0 "eval with --set chip.hbm_tbps=5 and the price set" -- $RL eval --chip h100-sxm --model llama3-8b --set chip.hbm_tbps=5 --set cost.price_usd=40000
expect_out "chip_price_usd +40000 USD" "the price row is the price set"
if grep -q "preset's" "$d/err"; then echo "not ok - eval notes the preset's price where --set gives it"; fails=$((fails + 1)); else echo "ok - eval (spec sheet): no note where --set gives the price"; fi
sed 's/^chip.hbm_tbps = .*/&\ncost.price_usd = 30000, 40000/' "$d/cost.ini" >"$d/costp.ini"
expect_exit 0 "the chip.hbm_tbps sweep with the price an axis too" -- $RL sweep "$d/costp.ini" --db "$d/costp.db"
if grep -q "preset's" "$d/err"; then echo "not ok - a spec-sheet sweep whose price is an axis notes the preset's price"; fails=$((fails + 1)); else echo "ok - spec sheet: no note where the price is an axis"; fi
n=$(q "$d/costp.db" "SELECT count(DISTINCT cost_chip_price_usd) || ' ' || min(cost_chip_price_usd) || ' ' || max(cost_chip_price_usd) FROM points")
[ "$n" = "2 30000.0 40000.0" ] && echo "ok - the price column holds the axis's two prices" ||
	{ echo "not ok - the price column reads '$n', not '2 30000.0 40000.0'"; fails=$((fails + 1)); }
expect_exit 0 "pareto on the price per token, the price an axis (spec sheet)" -- $RL plot pareto --db "$d/costp.db" --x cost_usd_per_million_tokens_at_price --y throughput_output_tokens_per_s_per_chip --term dumb
if tr -s ' \n' ' ' <"$d/out" | grep -q "preset's"; then echo "not ok - the pareto title notes the preset's price where the price is an axis (spec sheet)"; fails=$((fails + 1)); else echo "ok - no preset's-price note in the pareto title where the price is an axis (spec sheet)"; fi
expect_exit 0 "pareto on the price per token over the stacks, the price an axis" -- $RL plot pareto --db "$d/stacksp.db" --x cost_usd_per_million_tokens_at_price --y throughput_output_tokens_per_s --term dumb
if tr -s ' \n' ' ' <"$d/out" | grep -q "preset's"; then echo "not ok - the pareto title notes the preset's price where the price is an axis (by design)"; fails=$((fails + 1)); else echo "ok - no preset's-price note in the pareto title where the price is an axis (by design)"; fi
# (small42) nor where the spec's [base] sets the price (set =
# cost.price_usd=40000, neither swept nor --set): the price column reads
# 40000 at every point, not the preset's 33625; sweep and plot pareto's
# title say nothing of the preset's price, on a spec-sheet chip
# (chip.hbm_tbps swept) and on a chip by design (design.hbm_stacks swept)
sed 's/^\[base\]$/&\nset = cost.price_usd=40000/' "$d/cost.ini" >"$d/costb.ini"
expect_exit 0 "the chip.hbm_tbps sweep with the price set in [base]" -- $RL sweep "$d/costb.ini" --db "$d/costb.db"
if grep -q "preset's" "$d/err"; then echo "not ok - a spec-sheet sweep whose [base] sets the price notes the preset's price"; fails=$((fails + 1)); else echo "ok - spec sheet: no note where [base] sets the price"; fi
n=$(q "$d/costb.db" "SELECT count(*) || ' ' || count(DISTINCT cost_chip_price_usd) || ' ' || min(cost_chip_price_usd) FROM points")
[ "$n" = "12 1 40000.0" ] && echo "ok - the price column holds the [base]'s 40000 at all 12 points" ||
	{ echo "not ok - the price column reads '$n', not '12 1 40000.0'"; fails=$((fails + 1)); }
expect_exit 0 "pareto on the price per token, the price set in [base] (spec sheet)" -- $RL plot pareto --db "$d/costb.db" --x cost_usd_per_million_tokens_at_price --y throughput_output_tokens_per_s_per_chip --term dumb
if tr -s ' \n' ' ' <"$d/out" | grep -q "preset's"; then echo "not ok - the pareto title notes the preset's price where [base] sets it (spec sheet)"; fails=$((fails + 1)); else echo "ok - no preset's-price note in the pareto title where [base] sets the price (spec sheet)"; fi
sed 's/^\[base\]$/&\nset = cost.price_usd=40000/' "$d/stacks.ini" >"$d/stacksb.ini"
expect_exit 0 "the stacks sweep with the price set in [base]" -- $RL sweep "$d/stacksb.ini" --db "$d/stacksb.db"
if grep -q "preset's" "$d/err"; then echo "not ok - a by-design sweep whose [base] sets the price notes the preset's price"; fails=$((fails + 1)); else echo "ok - by design: no note where [base] sets the price"; fi
n=$(q "$d/stacksb.db" "SELECT count(*) || ' ' || count(DISTINCT cost_chip_price_usd) || ' ' || min(cost_chip_price_usd) FROM points")
[ "$n" = "4 1 40000.0" ] && echo "ok - the price column holds the [base]'s 40000 at all 4 stacks" ||
	{ echo "not ok - the stacks price column reads '$n', not '4 1 40000.0'"; fails=$((fails + 1)); }
expect_exit 0 "pareto on the price per token over the stacks, the price set in [base]" -- $RL plot pareto --db "$d/stacksb.db" --x cost_usd_per_million_tokens_at_price --y throughput_output_tokens_per_s --term dumb
if tr -s ' \n' ' ' <"$d/out" | grep -q "preset's"; then echo "not ok - the pareto title notes the preset's price where [base] sets it (by design)"; fails=$((fails + 1)); else echo "ok - no preset's-price note in the pareto title where [base] sets the price (by design)"; fi

# 11. (ux21) a --run the file does not have: export and plot name the runs
# it has, where they said "no run 3" alone; two runs of w.ini (12 points
# each) make runs 1 and 2; a file of nine runs shows eight and the count
expect_exit 0 "run 1 of w.ini" -- $RL sweep "$d/w.ini" --db "$d/runs.db"
expect_exit 0 "run 2 of w.ini" -- $RL sweep "$d/w.ini" --db "$d/runs.db"
expect_exit 2 "export --run 3 of a file of runs 1 and 2" -- $RL export --db "$d/runs.db" --run 3 --format csv
expect_err "runs\.db has no run 3; its runs: 1, 2$" "export names the runs the file has"
expect_exit 2 "plot heatmap --run 3" -- $RL plot heatmap --db "$d/runs.db" --run 3 --term dumb
expect_err "runs\.db: no sweep run with id 3; its runs: 1, 2$" "plot names the runs the file has"
for k in 3 4 5 6 7 8 9; do $RL sweep "$d/w.ini" --db "$d/runs.db" 2>/dev/null; done
expect_exit 2 "export --run 10 of a file of nine runs" -- $RL export --db "$d/runs.db" --run 10 --format csv
expect_err "has no run 10; its runs: 1, 2, 3, 4, 5, 6, 7, 8, \.\.\. \(9 runs in all\)$" "eight runs shown, then the count"
# (fuzz6's mutation pass) a file whose runs were all deleted by hand says
# it holds none, where a mutant said nothing after 'no run 3'
cp "$d/runs.db" "$d/noruns.db"
q "$d/noruns.db" "DELETE FROM points; DELETE FROM run_columns; DELETE FROM runs"
expect_exit 2 "export --run 3 of a file whose runs were deleted" -- $RL export --db "$d/noruns.db" --run 3 --format csv
expect_err "noruns\.db has no run 3; it holds no run$" "export says the file holds no run"

# 12. (ux34) --threads 0, the default, starts one evaluation thread per CPU
# the process may run on (taskset, a cgroup's cpuset, as nproc counts),
# where it took every CPU online: a shard pinned to 2 of a machine's CPUs
# started one thread for each CPU of the machine.  Under taskset -c 0 the
# default must start what --threads 1 starts (the main thread and one
# evaluation thread): the most threads /proc shows while each runs, slowed
# to about 2 s by the tests' sleep between commits (2,000 points, 100 a
# commit, 100 ms each).
cat >"$d/cpus.ini" <<'EOF2'
[base]
chip = h100-sxm
model = llama3-8b
[axes]
chip.hbm_tbps = 1:20.9:0.1
scenario.batch = 1:10:1
[outputs]
keep = throughput.output_tokens_per_s
EOF2
# most_threads FILE ARGS...: run sweep ARGS under taskset -c 0 into FILE,
# print the most threads its /proc/PID/status showed
most_threads() {
	db=$1; shift
	ROOFLAB_SWEEP_BATCH_SLEEP_MS=100 taskset -c 0 $RL sweep "$d/cpus.ini" \
		--db "$db" --points-per-commit 100 "$@" >/dev/null 2>&1 &
	peak_threads $! >/dev/null
	echo "$pt_most"
}
if ! command -v taskset >/dev/null 2>&1 || [ ! -r /proc/self/status ]; then
	echo "ok - --threads 0 under taskset # skipped: taskset or /proc is missing"
elif [ "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)" -lt 2 ]; then
	echo "ok - --threads 0 under taskset # skipped: one CPU online, the two counts agree anyway"
else
	one=$(most_threads "$d/cpus1.db" --threads 1)
	def=$(most_threads "$d/cpus0.db")
	n=$(q "$d/cpus0.db" "SELECT count(*) FROM points")
	[ "$n" = 2000 ] && echo "ok - the pinned default sweep stored its 200 x 10 points" ||
		{ echo "not ok - the pinned default sweep stored $n points, not 2000"; fails=$((fails + 1)); }
	[ "$one" -ge 2 ] && [ "$def" = "$one" ] &&
		echo "ok - pinned to one CPU, --threads 0 starts what --threads 1 starts ($one threads)" ||
		{ echo "not ok - pinned to one CPU, --threads 0 ran $def threads, --threads 1 $one"; fails=$((fails + 1)); }
fi

# 13. (ux34) export of one shard's file says that its rows are one in N of
# the sweep's, as plot's title does ("shard 1/4 alone"), where a script
# exporting part1.db for the sweep got a quarter of its points with exit 0
# and not a word.  w.ini: 12 points, shard 1/4 holds idx 1, 5 and 9; the
# merged file and an unsharded run are the whole sweep and say nothing.
for i in 0 1 2 3; do
	$RL sweep "$d/w.ini" --db "$d/ex$i.db" --shard $i/4 >/dev/null 2>&1
done
expect_exit 0 "export of shard 1/4's file" -- $RL export --db "$d/ex1.db" --format csv
n=$(grep -c . "$tmpd/out")
[ "$n" = 4 ] && echo "ok - its CSV: the header and shard 1/4's 3 rows" ||
	{ echo "not ok - its CSV has $n lines, not 4"; fails=$((fails + 1)); }
expect_err "ex1\.db: run 1 is shard 1/4 of its sweep alone: one in 4 of the design points \(rooflab merge OUT\.db PART\.db\.\.\. joins the 4 shards\)$" "export says the rows are one shard's"
expect_exit 0 "export --format json of shard 1/4's file" -- $RL export --db "$d/ex1.db" --format json
expect_err "run 1 is shard 1/4 of its sweep alone" "the JSON's export says it too"
expect_exit 0 "merge of the 4 shards" -- $RL merge "$d/exall.db" "$d/ex0.db" "$d/ex1.db" "$d/ex2.db" "$d/ex3.db"
expect_exit 0 "export of the merged file" -- $RL export --db "$d/exall.db" --format csv
expect_no_err "shard" "the merged run is not called a shard"
n=$(grep -c . "$tmpd/out")
[ "$n" = 13 ] && echo "ok - the merged CSV: the header and 12 rows" ||
	{ echo "not ok - the merged CSV has $n lines, not 13"; fails=$((fails + 1)); }
expect_exit 0 "an unsharded run of w.ini" -- $RL sweep "$d/w.ini" --db "$d/exone.db"
expect_exit 0 "export of the unsharded run" -- $RL export --db "$d/exone.db" --format csv
expect_no_err "shard" "an unsharded run is not called a shard"

# two resumes of one shard racing to fill the points a run lost (ux34's
# walk): the one refused (exit 2) says the refusal alone, where it first
# said "N points it records as done were not stored ...: evaluated again,
# N stored" of a run the other process completes; the other completes the
# run, every point once.  Since sweeps77 the refusal is the shard's lock
# ("another process is writing the run of this sweep spec into it now"),
# before a point is evaluated, where it was "another process is writing
# the same points" at its first commit, after the other had committed
sweep_spec "$d/race.ini" <<'EOF'
[axes]
chip.hbm_tbps = 1:20.9:0.1
scenario.batch = 1:20:1
[outputs]
keep = throughput.output_tokens_per_s
EOF
expect_exit 0 "a run of 200 x 20 = 4000 points" -- $RL sweep "$d/race.ini" --db "$d/race.db"
q "$d/race.db" "DELETE FROM points WHERE idx % 2 = 0"
for i in 1 2; do
	(ROOFLAB_SWEEP_BATCH_SLEEP_MS=30 $RL sweep "$d/race.ini" --db "$d/race.db" \
		--resume --points-per-commit 100 >/dev/null 2>"$d/race$i.err"
	echo $? >"$d/race$i.rc") &
done
wait
r1=$(cat "$d/race1.rc"); r2=$(cat "$d/race2.rc")
if [ "$r1$r2" = 02 ] || [ "$r1$r2" = 20 ]; then
	[ "$r1" = 2 ] && lost=1 || lost=2
	grep -q "another process is writing the run of this sweep spec into it now" "$d/race$lost.err" &&
		echo "ok - the refused resume names the race" ||
		{ echo "not ok - the refused resume does not name the race"; fails=$((fails + 1)); }
	if grep -q "evaluated again" "$d/race$lost.err"; then
		echo "not ok - the refused resume says points were evaluated again and stored"
		fails=$((fails + 1))
	else
		echo "ok - the refused resume says the refusal alone"
	fi
	[ "$(grep -c . "$d/race$lost.err")" = "$(grep -c 'another process\|serves under profile' "$d/race$lost.err")" ] &&
		echo "ok - it says nothing else but the profile's note" ||
		{ echo "not ok - the refused resume says more: $(cat "$d/race$lost.err")"; fails=$((fails + 1)); }
elif [ "$r1$r2" = 00 ]; then
	echo "ok - skipped: the two resumes did not race (both exit 0)"
else
	echo "not ok - the racing resumes exit $r1 and $r2, not 0 and 2"; fails=$((fails + 1))
fi
n=$(q "$d/race.db" "SELECT count(*) || ' ' || count(DISTINCT idx) || ' ' || (SELECT finished IS NOT NULL FROM runs WHERE id = 1) FROM points")
[ "$n" = "4000 4000 1" ] && echo "ok - the race leaves the run complete, 4000 points each once" ||
	{ echo "not ok - after the race points, distinct, finished are '$n', not '4000 4000 1'"; fails=$((fails + 1)); }

# (sweeps77) a resume started while another resume of the run is writing
# it: refused at once by the shard's lock, exit 2, before it evaluates or
# writes a point (it ran until its first commit, the first resume having
# committed a batch, and was refused there: "storing a point: another
# process is writing the same points"); the first completes the run.
# The first resumes the last 2000 points 100 at a commit, sleeping 100 ms
# after each (2 s or more); the second starts once the first has
# committed a batch
q "$d/race.db" "DELETE FROM points WHERE idx >= 2000; UPDATE runs SET finished = NULL, next_idx = 2000"
ROOFLAB_SWEEP_BATCH_SLEEP_MS=100 $RL sweep "$d/race.ini" --db "$d/race.db" \
	--resume --points-per-commit 100 >/dev/null 2>"$d/lock1.err" &
p1=$!
i=0
while [ "$i" -lt 100 ] && [ "$(q "$d/race.db" "SELECT next_idx > 2000 FROM runs" 2>/dev/null)" != 1 ]; do
	sleep 0.05
	i=$((i + 1))
done
expect_exit 2 "a second resume while the first writes the run" -- $RL sweep "$d/race.ini" --db "$d/race.db" --resume
expect_err "^rooflab sweep: \S*race\.db: another process is writing the run of this sweep spec into it now \(a sweep or a --resume still running\); refusing to resume it, nothing evaluated or written \(resume it once that process has ended, if it left the run unfinished\)\$" \
	"the second resume is refused by the lock, before a point"
expect_no_err "storing a point|committing a batch|evaluated again" "the second resume stored and committed nothing"
if kill -0 "$p1" 2>/dev/null; then
	echo "ok - the second resume was refused while the first still ran"
else
	echo "ok - the second resume was refused # the first ended before it was asked"
fi
wait "$p1"
rc=$?
n=$(q "$d/race.db" "SELECT count(*) || ' ' || count(DISTINCT idx) || ' ' || (SELECT finished IS NOT NULL FROM runs WHERE id = 1) FROM points")
[ "$rc" = 0 ] && [ "$n" = "4000 4000 1" ] && echo "ok - the first resume completes the run, every point once" ||
	{ echo "not ok - the first resume exit $rc; points, distinct, finished '$n'"; sed 's/^/    /' "$d/lock1.err"; fails=$((fails + 1)); }
# the lock goes with the process that held it: a sweep killed (-9) while
# it writes leaves the run to the next resume
q "$d/race.db" "DELETE FROM points WHERE idx >= 2000; UPDATE runs SET finished = NULL, next_idx = 2000"
ROOFLAB_SWEEP_BATCH_SLEEP_MS=100 $RL sweep "$d/race.ini" --db "$d/race.db" \
	--resume --points-per-commit 100 >/dev/null 2>&1 &
p1=$!
sleep 0.5
kill -9 "$p1" 2>/dev/null
wait "$p1" 2>/dev/null
expect_exit 0 "a resume after the writer was killed" -- $RL sweep "$d/race.ini" --db "$d/race.db" --resume
n=$(q "$d/race.db" "SELECT count(*) || ' ' || count(DISTINCT idx) || ' ' || (SELECT finished IS NOT NULL FROM runs WHERE id = 1) FROM points")
[ "$n" = "4000 4000 1" ] && echo "ok - the killed writer's lock is gone: the run completed" ||
	{ echo "not ok - after the killed writer, points, distinct, finished '$n'"; fails=$((fails + 1)); }
# a reader of the file is never kept waiting by the lock: export while
# a resume writes
q "$d/race.db" "DELETE FROM points WHERE idx >= 2000; UPDATE runs SET finished = NULL, next_idx = 2000"
ROOFLAB_SWEEP_BATCH_SLEEP_MS=100 $RL sweep "$d/race.ini" --db "$d/race.db" \
	--resume --points-per-commit 100 >/dev/null 2>&1 &
p1=$!
sleep 0.5
expect_exit 0 "export while a resume writes" -- $RL export --db "$d/race.db" --format csv
wait "$p1"

exit $((fails > 0))
