#!/bin/sh
# cli_sweepscale.sh: sweep, merge and export at the edges a sweep script
# meets at scale: a file size limit (ulimit -f, as a batch system may set
# one) stops them with a message and exit 1, leaving the database valid
# and no temporary, where SIGXFSZ killed them silently (exit 153); and a
# grid of more points than SQLite's integers number (2^63 - 1) is refused,
# with --force too, where it started and stored a negative runs.points.
# plot and report past the limit alike: exit 1, no file.
. "$(dirname "$0")/clilib.sh"

d=$tmpd
# 2 x 50 x 200 = 20,000 points, the fastest axis a cache one: a few MB of
# database, far past the limits below, swept in about a second
cat >"$d/mid.ini" <<'EOF'
[base]
chip = h100-sxm
model = llama3-8b
set = scenario.precision=fp8
[axes]
scenario.tp = 1, 2
chip.hbm_tbps = 1:50:1
scenario.isl = 1:200:1
EOF

# a file size limit of 400 blocks (200 or 400 KB, as the shell counts
# blocks), in a subshell, with SIGXFSZ at its default (not ignored, as
# tests/cli_sweep.sh's full-disk check sets it): the sweep commits
# batches of 100 points until a write passes the limit, then says so (a
# batch of 1000 passed 200 KB before its first commit: a run of no point,
# whose file the sweep now removes, below)
(ulimit -f 400; exec $RL sweep "$d/mid.ini" --db "$d/lim.db" \
	--points-per-commit 100 --threads 1) >"$tmpd/out" 2>"$tmpd/err"
got=$?
if [ "$got" -eq 1 ]; then
	echo "ok - sweep past a file size limit exits 1"
else
	echo "not ok - sweep past a file size limit: exit $got, expected 1 (153: killed by SIGXFSZ)"
	fails=$((fails + 1))
fi
expect_err "file size limit" "the sweep names the file size limit"
expect_err "rerun with --resume" "the sweep says how to go on"
# what it committed is a valid, unfinished run: resumed without the limit,
# it ends with all 20,000 points (2 x 50 x 200), each once
expect_exit 0 "resume after the file size limit" -- $RL sweep "$d/mid.ini" --db "$d/lim.db" --resume --threads 1
n=$(sqlite3 "$d/lim.db" "SELECT count(*), count(DISTINCT idx), min(idx), max(idx) FROM points WHERE run_id = 1")
[ "$n" = "20000|20000|0|19999" ] && echo "ok - the resumed run holds every point once" ||
	{ echo "not ok - the resumed run holds $n, expected 20000|20000|0|19999"; fails=$((fails + 1)); }

# a limit too low for its first committed point (1 and 32 blocks: the
# file's first page, then its schema, no run's point): the sweep left an
# empty file, or a schema beside an empty -wal and a -shm, and said
# "rerun with --resume" of a run that held nothing; the files it created
# are removed, and it says so (exit 1 still).  A database that was there
# before is kept whatever the limit does to this run
# (stderr through a pipe to a cat outside the limit: a file of 1 block
# would cut the messages themselves)
for b in 1 32; do
	rm -f "$d/tiny.db" "$d/tiny.db-wal" "$d/tiny.db-shm" "$d/tiny.rc"
	( (ulimit -f $b; $RL sweep "$d/mid.ini" --db "$d/tiny.db" \
		--points-per-commit 1000 --threads 1 2>&1 >/dev/null
		echo $? >"$d/tiny.rc") | cat >"$tmpd/err" )
	got=$(cat "$d/tiny.rc")
	[ "$got" -eq 1 ] && echo "ok - sweep past a limit of $b blocks exits 1" ||
		{ echo "not ok - sweep past a limit of $b blocks: exit $got, expected 1"; fails=$((fails + 1)); }
	left=$(ls "$d"/tiny.db* 2>/dev/null)
	[ -z "$left" ] && echo "ok - limit of $b blocks: no database, -wal or -shm left" ||
		{ echo "not ok - limit of $b blocks left: $left"; fails=$((fails + 1)); }
	expect_err "^rooflab sweep: removed .*/tiny\.db, which this sweep created and which held no point: rerun it once the cause is fixed$" \
		"limit of $b blocks: says it removed the file it made"
	expect_no_err "rerun with --resume" "limit of $b blocks: no run to resume offered"
done
cp "$d/lim.db" "$d/kept.db"
sum=$(cksum <"$d/kept.db")
( (ulimit -f 1; $RL sweep "$d/mid.ini" --db "$d/kept.db" --threads 1 2>&1 >/dev/null) | cat >"$tmpd/err" )
[ -f "$d/kept.db" ] && [ "$(cksum <"$d/kept.db")" = "$sum" ] &&
	echo "ok - a database there before is kept, unchanged, past the limit" ||
	{ echo "not ok - the database there before was removed or changed"; fails=$((fails + 1)); }
expect_no_err "removed" "and nothing said removed"
# (review53) a database the sweep could not create at all (a folder that
# is there but takes no new file: a read-only folder of another user, or
# /proc, which refuses a new file to root too) was said removed ("removed
# /proc/x.db, which this sweep created and which held no point"): no file
# was made, none removed, and nothing is said of one
if [ -d /proc ] && [ ! -e "/proc/rooflab-review53-$$.db" ]; then
	expect_exit 2 "a database in a folder that takes no file" -- \
		$RL sweep "$d/mid.ini" --db "/proc/rooflab-review53-$$.db" --threads 1
	expect_err "/proc/rooflab-review53-$$\.db: cannot open" "says the file cannot be opened"
	expect_no_err "removed" "and does not say it removed a file it never made"
fi

# a relative spec path that fits (1023 bytes at most, as spec.c takes a
# path) but not once made absolute from the working folder, as the run
# records it (runs.spec_path): it was recorded as given, relative, and
# merge's and export's hints to run it again named another file in
# another folder; refused now, exit 2, before the database is made.  The
# bytes by hand: the folder's, a '/', and s.ini's 5.  --count records
# nothing: taken
dd=$(deepdir 1100)
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.tp = 1, 2\n' >"$dd/s.ini"
expect_exit 2 "a relative spec of over 1023 bytes once absolute" -- \
	sh -c 'cd "$1" && exec "$2" sweep s.ini --db "$3"' sh "$dd" "$RL" "$d/deep.db"
expect_err "^rooflab sweep: sweep spec 's\.ini': a path of $((${#dd} + 6)) bytes once made absolute from the working folder, as the run records it \(runs\.spec_path\); at most 1023 bytes \(run the sweep from a folder nearer the spec\)$" \
	"the message names the bytes and the limit"
[ ! -e "$d/deep.db" ] && echo "ok - no database made" ||
	{ echo "not ok - a database was made"; fails=$((fails + 1)); }
expect_exit 0 "--count of it" -- sh -c 'cd "$1" && exec "$2" sweep s.ini --count' sh "$dd" "$RL"

# merge past the limit: exit 1, no OUT and no OUT.tmp-PID left (the house
# rule: complete or absent), where SIGXFSZ left the temporary
for i in 0 1; do
	$RL sweep "$d/mid.ini" --db "$d/p$i.db" --shard "$i/2" --threads 1 2>/dev/null
done
(ulimit -f 400; exec $RL merge "$d/m.db" "$d/p0.db" "$d/p1.db") \
	>"$tmpd/out" 2>"$tmpd/err"
got=$?
if [ "$got" -eq 1 ]; then
	echo "ok - merge past a file size limit exits 1"
else
	echo "not ok - merge past a file size limit: exit $got, expected 1"
	fails=$((fails + 1))
fi
expect_err "file size limit" "merge names the file size limit"
left=$(ls "$d" | grep '^m\.db' | tr '\n' ' ')
[ -z "$left" ] && echo "ok - merge past the limit leaves no file" ||
	{ echo "not ok - merge past the limit left $left"; fails=$((fails + 1)); }

# export into a file past the limit: exit 1 and a message, not a silent
# death halfway through a row
(ulimit -f 40; exec $RL export --db "$d/p0.db" --format csv >"$d/e.csv") \
	2>"$tmpd/err"
got=$?
if [ "$got" -eq 1 ]; then
	echo "ok - export past a file size limit exits 1"
else
	echo "not ok - export past a file size limit: exit $got, expected 1"
	fails=$((fails + 1))
fi
expect_err "cannot write" "export says it could not write"
# (ux27) once, with why: "rooflab export: cannot write the output" and
# then main's "rooflab: cannot write to standard output" said it twice,
# neither with a reason
expect_err "^rooflab export: cannot write the output \(standard output\): File too large \(a file size limit, ulimit -f, or the file system's largest file\)$" \
	"export says why it could not write"
n=$(grep -c "cannot write" "$tmpd/err")
[ "$n" = 1 ] && echo "ok - export's failure to write is said once" ||
	{ echo "not ok - export's failure to write is said $n times"; fails=$((fails + 1)); }
# eval's output onto a full device (/dev/full: every write ENOSPC)
if [ -w /dev/full ]; then
	expect_exit 1 "eval onto /dev/full" -- sh -c 'exec "$@" >/dev/full' sh $RL eval --chip h100-sxm --model llama3-8b
	expect_err "^rooflab eval: cannot write the output \(standard output\): No space left on device$" "eval says why, once"
	n=$(grep -c "cannot write" "$tmpd/err")
	[ "$n" = 1 ] && echo "ok - eval's failure to write is said once" ||
		{ echo "not ok - eval's failure to write is said $n times"; fails=$((fails + 1)); }
fi

# plot past a file size limit: gnuplot inherits rooflab's ignored SIGXFSZ,
# its writes fail with EFBIG and it exits 0, so a PNG cut at the limit
# was renamed into place and "wrote" said (exit 0), and an SVG cut short
# was left in place under "cannot write" (exit 2).  A 1200x800 heatmap of
# p0.db is some 30-50 KB as PNG or SVG (out/plots of make demo), past 20
# blocks (10 or 20 KB): exit 1, the limit named, no file left. Now gnuplot
# runs with SIGXFSZ at its default (plots/gp.c) and ends by it, the file
# named; gp.c's check of a whole PNG/SVG/PDF stays for a full disk.
if have gnuplot "plot past a file size limit"; then
	for ext in png svg pdf; do
		rm -f "$d/h.$ext"
		(ulimit -f 20; exec $RL plot heatmap --db "$d/p0.db" --out "$d/h.$ext") \
			>"$tmpd/out" 2>"$tmpd/err"
		got=$?
		if [ "$got" -eq 1 ]; then
			echo "ok - plot $ext past a file size limit exits 1"
		else
			echo "not ok - plot $ext past a file size limit: exit $got, expected 1"
			fails=$((fails + 1))
		fi
		expect_err "h\.$ext: .*cut short.*file size limit" "plot $ext says its output is cut short and why"
		left=$(ls "$d" | grep "^h\.$ext" | tr '\n' ' ')
		[ -z "$left" ] && echo "ok - plot $ext past the limit leaves no file" ||
			{ echo "not ok - plot $ext past the limit left $left"; fails=$((fails + 1)); }
	done
	# the same plot with no limit is whole and said (the check above is
	# not one every plot fails)
	expect_exit 0 "plot png with no limit" -- $RL plot heatmap --db "$d/p0.db" --out "$d/h.png"
	expect_out "wrote .*h\.png" "plot says it wrote the whole png"
fi

# report --out past a file size limit: the failed write (EFBIG, SIGXFSZ
# ignored) is the machine's limit as a full disk is, exit 1 as sweep,
# merge and export give it (sweeps/README.md), where rl_out_exit took
# EFBIG for a wrong path, exit 2 "File too large"; the report without
# plots, about 33 KB, is past 16 blocks in either shell's unit
if [ -e "$d/c.db" ] || $RL claim --samples 200 --db "$d/c.db" >/dev/null 2>&1; then
	(ulimit -f 16; exec $RL report --db "$d/c.db" --out "$d/r.html" --no-plots) \
		>"$tmpd/out" 2>"$tmpd/err"
	got=$?
	if [ "$got" -eq 1 ]; then
		echo "ok - report past a file size limit exits 1"
	else
		echo "not ok - report past a file size limit: exit $got, expected 1"
		fails=$((fails + 1))
	fi
	expect_err "r\.html: .*file size limit" "report names the file and the file size limit"
	left=$(ls "$d" | grep '^r\.html' | tr '\n' ' ')
	[ -z "$left" ] && echo "ok - report past the limit leaves no file" ||
		{ echo "not ok - report past the limit left $left"; fails=$((fails + 1)); }
fi

# calibrate --out past a file size limit: the profile, about 17 KB, is
# written in one fwrite past the limit, whose EFBIG the stream's fclose no
# longer has; the message read "cannot write cal.ini: Input/output error"
# (EIO standing for it), naming no limit; exit 1 and no file as before
(ulimit -f 16; exec $RL calibrate --profile trtllm-0.10 --out "$d/cal.ini") \
	>"$tmpd/out" 2>"$tmpd/err"
got=$?
if [ "$got" -eq 1 ]; then
	echo "ok - calibrate --out past a file size limit exits 1"
else
	echo "not ok - calibrate --out past a file size limit: exit $got, expected 1"
	fails=$((fails + 1))
fi
expect_err "cal\.ini: .*file size limit" "calibrate names the file and the file size limit"
left=$(ls "$d" | grep '^cal\.ini' | tr '\n' ' ')
[ -z "$left" ] && echo "ok - calibrate past the limit leaves no file" ||
	{ echo "not ok - calibrate past the limit left $left"; fails=$((fails + 1)); }

# 10 x 1000000^3 = 1e19 points: past 2^63 - 1 = 9223372036854775807, the
# largest integer SQLite stores (runs.points, points.idx), below 2^64.
# Refused with --force too: it had started, storing runs.points as
# 1e19 - 2^64 = -8446744073709551616, a run merge then refused as
# "crafted or altered".  (timeout guards the old behaviour, a sweep that
# never ends; it measures nothing.)
cat >"$d/vast.ini" <<'EOF'
[base]
chip = h100-sxm
model = llama3-8b
[axes]
scenario.tp = 1, 2, 4, 8, 16, 32, 64, 128, 256, 512
scenario.isl = 1:1000000:1
scenario.osl = 1:1000000:1
scenario.batch = 1:1000000:1
EOF
if command -v timeout >/dev/null 2>&1; then to="timeout 30"; else to=; fi
expect_exit 2 "a sweep past 2^63 - 1 points, with --force" -- $to $RL sweep "$d/vast.ini" --db "$d/vast.db" --force --threads 1
expect_err "10000000000000000000 design points, more than a sweep can number \(9223372036854775807" "names the count and the largest"
[ ! -e "$d/vast.db" ] && echo "ok - the refused sweep creates no database" ||
	{ echo "not ok - vast.db was created"; fails=$((fails + 1)); }
# --count says it is refused, not that --force would run it
expect_exit 0 "--count of a sweep past 2^63 - 1 points" -- $RL sweep "$d/vast.ini" --count
expect_out "/vast\.ini: 10000000000000000000 design points" "--count gives the exact count"
expect_out "more than a sweep can number \(9223372036854775807\): rooflab sweep refuses it, with --force too" "--count says it is refused"
if grep -q "refuses it without --force" "$tmpd/out"; then
	echo "not ok - --count offers --force for a sweep --force cannot run"
	fails=$((fails + 1))
else
	echo "ok - --count offers no --force"
fi
# 1e24 (four axes of 1e6): past 2^64 too; --count gave a double's 24
# digits, 999999999999999983222784, as if exact
sed 's/^scenario.tp = .*/scenario.chips = 1:1000000:1/' "$d/vast.ini" >"$d/vaster.ini"
expect_exit 0 "--count of a sweep past 2^64 points" -- $RL sweep "$d/vaster.ini" --count
expect_out "/vaster\.ini: about 1e\+24 design points" "--count rounds what it cannot count exactly"
expect_exit 2 "a sweep past 2^64 points, with --force" -- $RL sweep "$d/vaster.ini" --db "$d/vast.db" --force
expect_err "about 1e\+24 design points, more than a sweep can number" "says it, in the same words"

# the edge itself (fuzz10): 2^63 - 1 = 9223372036854775807 factors as
# 7^2 x 73 x 127 x 337 x 92737 x 649657 (by hand, checked by multiplying
# back), a grid of six axes of those counts: numbered, so --count offers
# --force and sweep without it refuses the limit (1e8) naming the count in
# all its digits, where %.0f of the count's double product wrote
# 9223372036854774784; one point more, 2^63 = 2097152^3, refused with
# --force too (not started: no database)
cat >"$d/edge.ini" <<'EOF'
[base]
chip = h100-sxm
model = llama3-8b
[axes]
scenario.isl = 1:649657:1
scenario.osl = 1:92737:1
scenario.batch = 1:337:1
scenario.chips = 1:127:1
chip.hbm_gb = 1:73:1
chip.hbm_tbps = 1:49:1
EOF
expect_exit 0 "--count of a sweep of 2^63 - 1 points" -- $RL sweep "$d/edge.ini" --count
expect_out "/edge\.ini: 9223372036854775807 design points" "--count gives 2^63 - 1 exactly"
expect_out "refuses it without --force" "--count offers --force at 2^63 - 1, the most a sweep numbers"
expect_exit 2 "a sweep of 2^63 - 1 points without --force" -- $RL sweep "$d/edge.ini" --db "$d/edge.db"
expect_err "the sweep has 9223372036854775807 design points, over the limit of 100000000" "the limit's message gives the count in all its digits"
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 1:2097152:1\nscenario.osl = 1:2097152:1\nscenario.batch = 1:2097152:1\n' >"$d/past.ini"
expect_exit 2 "a sweep of 2^63 points, with --force" -- $to $RL sweep "$d/past.ini" --db "$d/edge.db" --force --threads 1
expect_err "9223372036854775808 design points, more than a sweep can number" "2^63 points are one past what a sweep numbers"
[ ! -e "$d/edge.db" ] && echo "ok - the refused edge sweeps create no database" ||
	{ echo "not ok - edge.db was created"; fails=$((fails + 1)); }

# --count --json: the same figures as one JSON object, for scripts that
# sized an array by parsing the text (small67).  Expected by hand: edge.ini
# is 2^63 - 1 points, numbered (the most a sweep numbers) and over the limit
# of 1e8; vast.ini 1e19 (10 x 1e6^3), past what a sweep numbers, its
# digits in points_text; cnt.ini a grid of 3 x 4 = 12 points, shard 1/4
# indexes 1, 5, 9: 3 of them
expect_exit 0 "--count --json of a sweep of 2^63 - 1 points" -- $RL sweep "$d/edge.ini" --count --json
expect_out '"points": 9223372036854775807,' "--count --json: the count as a whole number"
expect_out '"numbered": true,' "--count --json: numbered"
expect_out '"needs_force": true' "--count --json: over the limit, needs --force"
expect_out '"sampling": "grid",' "--count --json: the sampling"
expect_exit 0 "--count --json of a sweep past 2^63 - 1 points" -- $RL sweep "$d/vast.ini" --count --json
expect_out '"points_text": "10000000000000000000",' "--count --json: the count's digits in points_text"
expect_out '"numbered": false,' "--count --json: past what a sweep numbers"
expect_out '"needs_force": false' "--count --json: --force would not run it"
# past what a double holds: 34 axes of 1:2 in steps of 1e-11, each
# 10^11 + 1 points, 34 x 11 = 374 in base-10 logarithm (10^374 points, the
# double product inf): the text says "about 1e+374" (it said "about
# inf"), the JSON's points is null and points_log10 374 (fuzz15's countj)
{ printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\n'
  for p in chip.peak_tflops_bf16 chip.peak_tflops_fp8 chip.peak_tflops_fp4 \
	chip.peak_tflops_vector chip.hbm_gb chip.hbm_tbps chip.link_gbps \
	chip.link_latency_us chip.sram_mb chip.tdp_w chip.sram_tbps \
	design.die_mm2 design.transistors_per_fma design.clock_ghz \
	design.density_mtr_per_mm2 design.fp8_per_bf16 design.fp4_per_bf16 \
	design.hbm_stack_gb design.hbm_stack_gbps design.hbm_phy_edge_mm \
	design.hbm_phy_mm2 design.aspect_ratio design.energy_overhead \
	design.sram_b_per_clk_per_kb design.transistors design.fma_units \
	node.logic_mtr_per_mm2 node.sram_mb_per_mm2 node.fma_pj_fp16 \
	node.fma_pj_fp8 node.fma_pj_fp4 node.sram_pj_per_byte node.wafer_usd \
	node.wafer_mm; do printf '%s = 1:2:1e-11\n' "$p"; done; } >"$d/inf.ini"
expect_exit 0 "--count of a sweep past what a double holds" -- $RL sweep "$d/inf.ini" --count
expect_out "/inf\.ini: about 1e\+374 design points" "--count says about 1e+374, not inf"
expect_exit 0 "--count --json of a sweep past what a double holds" -- $RL sweep "$d/inf.ini" --count --json
expect_out '"points": null,' "--count --json: points null past a double"
expect_out '"points_text": "about 1e\+374",' "--count --json: points_text about 1e+374"
expect_out '"points_log10": 374(\.0*[0-9]*)?,' "--count --json: points_log10 374"
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 1:3:1\nscenario.tp = 1, 2, 4, 8\n' >"$d/cnt.ini"
expect_exit 0 "--count --json --shard 1/4" -- $RL sweep "$d/cnt.ini" --count --json --shard 1/4
expect_out '"points": 12,' "--count --json: 3 x 4 points"
if tr -d ' \n' <"$tmpd/out" | grep -q '"axes":\[{"name":"chip.hbm_tbps","count":3},{"name":"scenario.tp","count":4}\]' &&
	tr -d ' \n' <"$tmpd/out" | grep -q '"shard":{"index":1,"of":4,"points":3}'; then
	echo "ok - --count --json: the axes' counts and the shard's 3 points"
else
	echo "not ok - --count --json: the axes and the shard"; sed 's/^/    /' "$tmpd/out"; fails=$((fails + 1))
fi
if have python3 "--count --json parsed as JSON"; then
	python3 -m json.tool "$tmpd/out" >/dev/null 2>&1 && echo "ok - --count --json is JSON" ||
		{ echo "not ok - --count --json is not JSON"; fails=$((fails + 1)); }
fi
expect_exit 2 "--json without --count" -- $RL sweep "$d/cnt.ini" --json --db "$d/cnt.db"
expect_err "^rooflab sweep: --json applies to --count" "--json without --count: says it is --count's"
# and with no --db either: the --json is the mistake to name, not the
# missing --db (it said "missing --db FILE", which adding led to the
# --json refusal: docs3's finding)
expect_exit 2 "--json without --count or --db" -- $RL sweep "$d/cnt.ini" --json
expect_err "^rooflab sweep: --json applies to --count" "--json without --count or --db: says it is --count's"

# the limit's own edge (fuzz10, mutants of > as >= passed): a grid of
# exactly 100000000 points (10000 x 10000) is not over the limit of
# 100000000: --count offers no --force, and sweep starts it without
# --force, here under a file size limit of 1 block so that it stops at
# its first write (exit 1, the limit named; a refusal is exit 2 before any
# write)
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 1:10000:1\nscenario.osl = 1:10000:1\n' >"$d/e8.ini"
expect_exit 0 "--count of a sweep of 1e8 points" -- $RL sweep "$d/e8.ini" --count
expect_out "/e8\.ini: 100000000 design points" "--count gives 1e8"
expect_no_out "without --force" "--count offers no --force at the limit itself"
(ulimit -f 1; exec $RL sweep "$d/e8.ini" --db "$d/e8.db" --threads 1) \
	>"$tmpd/out" 2>"$tmpd/err"
got=$?
[ "$got" -eq 1 ] && echo "ok - a sweep of 1e8 points starts without --force" ||
	{ echo "not ok - a sweep of 1e8 points: exit $got, expected 1 (started, stopped by the file size limit)"; fails=$((fails + 1)); }
expect_no_err "over the limit" "1e8 points are not over the limit"
rm -f "$d"/e8.db*
# a count held exactly just under 2^64: 184467440737095516 = (2^64 - 1) / 100
# rounded down (= 2^2 x 3^2 x 7 x 11 x 13 x 31 x 41 x 61 x 151 x 331 x
# 1321, by hand) points in five axes (437251 = 331 x 1321, 9211 = 61 x
# 151, 252, 143, 1271), then an axis of 100: 18446744073709551600, below
# 2^64 - 1, in all its digits (the product check at the largest count
# that does not overflow; past it "about")
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 1:437251:1\nscenario.osl = 1:9211:1\nscenario.batch = 1:252:1\nscenario.chips = 1:143:1\nchip.hbm_gb = 1:1271:1\nchip.hbm_tbps = 1:100:1\n' >"$d/u64.ini"
expect_exit 0 "--count of a sweep of 18446744073709551600 points" -- $RL sweep "$d/u64.ini" --count
expect_out "/u64\.ini: 18446744073709551600 design points" "--count gives a count just under 2^64 exactly"

# an axis of too many values names the range it allows (exit 2, file and
# line): a log range of 1e11 points read "needs a whole count of at least
# 2 points, got 100000000000", a whole count of at least 2; a linear one
# of 1e300 values "range of 1e+300 values", no limit named.  The limits
# are sweeps/axis.c's: 2 to 1e9 log points, at most 1e15 linear values.
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 1:2:100000000000 log\n' >"$d/logn.ini"
expect_exit 2 "a log range of 1e11 points" -- $RL sweep "$d/logn.ini" --count
expect_err "logn\.ini:5: chip\.hbm_tbps: a log range takes a whole count of 2 to 1000000000 points, got 100000000000" "names the log range's allowed counts"
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 1:2:1e-300\n' >"$d/linn.ini"
expect_exit 2 "a linear range of 1e300 values" -- $RL sweep "$d/linn.ini" --count
# (a step this small is refused first since review51: doubles near 2 are
# 2^-52 * 2 apart, so a step of 1e-300 would repeat values)
expect_err "linn\.ini:5: chip\.hbm_tbps: step 1e-300 is too small for values near 2" "names the linear range's too-small step"

[ "$fails" -eq 0 ]
