#!/bin/sh
# cli_plot.sh: `rooflab plot`: every kind renders a valid PNG and SVG (and a
# PDF and a text plot) from a small database made here by hand
# (tests/tools/mkplotdb.c, on the tables of claim/schema.h); bad input
# exits 2 with a message; a missing gnuplot is named; no temporary file is
# left behind.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
# every plot is drawn by gnuplot, and most checks change a database by
# hand (sqlite3) or read a figure back (python3): without one of them the
# file says so and stops
have gnuplot "cli_plot.sh: every plot" || finish
have sqlite3 "cli_plot.sh: the databases changed by hand" || finish
have python3 "cli_plot.sh: the figures read back" || finish

# the hand-made databases (clilib.sh)
plot_dbs
db=$tmpd/full.db
mkdir "$tmpd/o"

# is_png FILE: the 8 magic bytes of PNG
is_png() {
	[ "$(od -An -tx1 -N8 "$1" 2>/dev/null | tr -d ' \n')" = "89504e470d0a1a0a" ]
}
# is_svg FILE: starts as XML or SVG and closes the svg element
is_svg() {
	head -c 200 "$1" | grep -Eq '^(<\?xml|<svg)' && grep -q '</svg>' "$1"
}

for kind in roofline factors heatmap tornado distribution batch pareto validation; do
	expect_exit 0 "$kind renders PNG" -- "$RL" plot "$kind" --db "$db" \
		--out "$tmpd/o/$kind.png"
	if is_png "$tmpd/o/$kind.png"; then
		echo "ok - $kind.png is a PNG"
	else
		echo "not ok - $kind.png is not a PNG"; fails=$((fails + 1))
	fi
	expect_exit 0 "$kind renders SVG" -- "$RL" plot "$kind" --db "$db" \
		--out "$tmpd/o/$kind.svg"
	if is_svg "$tmpd/o/$kind.svg"; then
		echo "ok - $kind.svg is an SVG"
	else
		echo "not ok - $kind.svg is not an SVG"; fails=$((fails + 1))
	fi
done
# what each image says, from mkplotdb's rows by hand: the roofline's two
# sides' labels; the factors' product 2.5 x 1.4 x 2 x 2.5 x 1 = 17.5 (17.50x); the
# sweep's 6 frac_mac x 5 hbm_tbps = 30 points, the target 20x crossed
# (speedup 5 to 5 x 3.5 x sqrt(2) = 24.7); the tornado's sides; claim_mc's
# P 0.23, p05 11.2, p50 16.8, p95 24.9; the batch plot's run; the pareto of
# power 300 + 900 f + 40 b against throughput 7500 (f / 0.2) sqrt(b / 4):
# 7 of the 30 dominated ((0.2, 7), (0.2, 8) by (0.3, 4): 730 W, 11250
# tokens/s against 760 W, 9921.6 and 800 W, 10606.6; (0.3, 7), 850 W,
# 14882.4, by (0.4, 4), 820 W, 15000; (0.3, 8), 890 W, 15909.9, by (0.4,
# 5), 860 W, 16770.5; (0.6, 4), 1000 W, 22500, by (0.5, 6), 990 W, 22964.0;
# (0.7, 4), 1090 W, 26250, by (0.6, 6), 1080 W, 27556.8; (0.7, 5), 1130 W,
# 29348.4, by (0.6, 7), 1120 W, 29764.7):
# 23 on the frontier; validation's 4 rows, |error| 0.045, 0.047, 0.081,
# 0.238: median (0.047 + 0.081) / 2 = 6.4%, p90 0.081 + 0.7 x 0.157 = 19.1%
for kw in "roofline|8x H100 SXM vs 8x Sohu (by design)" \
	"factors|over 8x H100 SXM = 17.50x" \
	"heatmap|sweep run 1: 30 design points; white line: 20x" \
	"tornado|Sensitivity of the speedup of 8x Sohu (by design) over 8x H100 SXM" \
	"distribution|20x) = 23.0%" \
	"distribution|90% interval 11.20x .. 24.90x, median 16.80x" \
	"batch|scenario etched-bench (claim run 1)" \
	"pareto|23 of 30 design points on the frontier" \
	"validation|median |error| 6.4%, 90th percentile 19.1%, 4 rows"; do
	kind=${kw%%|*}; w=${kw#*|}
	if grep -qF -- "$w" "$tmpd/o/$kind.svg"; then
		echo "ok - $kind.svg says '$w'"
	else
		echo "not ok - $kind.svg lacks '$w'"; fails=$((fails + 1))
	fi
done

# an output path holding a tab, a control byte (0x01) and a quote after
# it is written there, byte for byte (the script names it with each such
# byte as an octal escape): where they were written as blanks, gnuplot drew
# into "p q.svg.tmp-PID", a file of another name left behind, and the plot
# failed (exit 1) with gnuplot's words on an empty temporary
mkdir -p "$tmpd/ctl"
tab=$(printf '\t')
one=$(printf '\001')
expect_exit 0 "an --out holding a tab, a control byte and a quote" -- "$RL" plot factors \
	--db "$db" --out "$tmpd/ctl/p${tab}q${one}'r.svg"
if is_svg "$tmpd/ctl/p${tab}q${one}'r.svg" && [ "$(ls -A "$tmpd/ctl" | wc -l)" -eq 1 ]; then
	echo "ok - the plot is at that name, and no other file is left"
else
	echo "not ok - the plot is not at the name given, or another file is left:"
	ls -A "$tmpd/ctl" | od -c | sed 's/^/    /' | head -5; fails=$((fails + 1))
fi

expect_exit 0 "factors renders PDF" -- "$RL" plot factors --db "$db" \
	--out "$tmpd/o/factors.pdf"
if [ "$(head -c 5 "$tmpd/o/factors.pdf")" = "%PDF-" ]; then
	echo "ok - factors.pdf is a PDF"
else
	echo "not ok - factors.pdf is not a PDF"; fails=$((fails + 1))
fi
expect_exit 0 "dumb terminal prints a text plot" -- "$RL" plot tornado \
	--db "$db" --term dumb
expect_out "Sensitivity" "the text plot has its title"
# in claim's words for the point every bar swings from ("the others at their
# stated values", "under the stated assumptions"), where the plot said
# "others nominal" and "nominal 17.50x": the hand-made run's speedup 17.5
# (tests/tools/mkplotdb.c) in claim's two decimals
expect_out "each assumption alone at its low or high value, the others at their stated values" \
	"tornado: the title's words are claim's"
expect_out "scenario etched-bench \\(claim run 1\\), at the stated values 17\\.50x" \
	"tornado: the speedup at the stated values named so"
[ "$(grep -c "at the stated values 17\.50x" "$tmpd/out")" = 2 ] &&
	echo "ok - tornado: the key's line named so too" ||
	{ echo "not ok - tornado: the key's line"; fails=$((fails + 1)); }
expect_no_out "nominal" "tornado: no 'nominal'"
# an infinite target and an infinite speedup in a database altered by hand
# reached gnuplot's script as 'inf', a name it does not know (exit 1): a
# target outside claim's --target range (9e999, 1e308) was taken as 20x;
# (small57) it is refused now, exit 2 naming claim_runs.target and the
# range [1e-06, 1e9] of claim's --target (cli/claimargs.c), as the report
# refuses it; the bar of the infinite speedup is left out
# (b.chip.hbm_tbps), the others drawn
cp "$db" "$tmpd/inf.db"
for t in 9e999 1e308; do
	sqlite3 "$tmpd/inf.db" "UPDATE claim_runs SET target = $t"
	for kind in factors distribution tornado; do
		expect_exit 2 "$kind with target $t" -- "$RL" plot "$kind" \
			--db "$tmpd/inf.db" --term dumb
		expect_err "claim_runs\.target of claim run [0-9]+ holds .*, where rooflab claim writes a speedup target within \[0\.000001, 1000000000\]" \
			"$kind with target $t: the range named"
	done
done
sqlite3 "$tmpd/inf.db" "UPDATE claim_runs SET target = 20;
	UPDATE claim_tornado SET speedup_low = 9e999
	WHERE param = 'b.chip.hbm_tbps'"
for kind in factors distribution tornado; do
	expect_exit 0 "$kind with an infinite speedup" -- "$RL" plot "$kind" \
		--db "$tmpd/inf.db" --term dumb
done
expect_out "b\.design\.frac_mac \(0\.3 \.\. 0\.7\)" "tornado: a finite bar drawn"
# text or a blob where claim writes a number (a database changed by
# hand): SQLite's conversion read it as 0, and the tornado drew the bar of
# frac_mac down to 0x, the distribution a sample at 0 or a quantile of 0;
# each fails naming the table and column (exit 2), no plot written;
# (small57) an end of a tornado range NULL, which claim never writes (the
# range it read, finite), labelled its bar "(0.3 .. nan)"; the low end
# alike (fuzz10: the mutant reading it by pdb_number passed cli_plot)
for cell in "claim_tornado SET speedup_low = 'abc' WHERE param = 'b.design.frac_mac'|tornado|claim_tornado\.speedup_low holds text" \
	"claim_tornado SET low = x'00'|tornado|claim_tornado\.low holds a blob" \
	"claim_tornado SET high = NULL WHERE param = 'b.design.frac_mac'|tornado|claim_tornado\.high holds NULL" \
	"claim_tornado SET low = NULL WHERE param = 'b.design.frac_mac'|tornado|claim_tornado\.low holds NULL" \
	"claim_mc SET p50 = 'x'|distribution|claim_mc\.p50 holds text" \
	"claim_mc_samples SET speedup = 'x' WHERE i = 0|distribution|claim_mc_samples\.speedup holds text"; do
	set_=${cell%%|*}
	rest=${cell#*|}
	kind=${rest%%|*}
	want=${rest#*|}
	cp "$db" "$tmpd/cell.db"
	sqlite3 "$tmpd/cell.db" "UPDATE $set_"
	expect_exit 2 "$kind of a cell changed by hand ($set_)" -- "$RL" plot "$kind" \
		--db "$tmpd/cell.db" --out "$tmpd/o/cell.svg"
	expect_err "cell\.db: cannot read: $want, where rooflab writes a number" "$kind: the cell is named"
	[ ! -e "$tmpd/o/cell.svg" ] && echo "ok - $kind: no plot of it" ||
		{ echo "not ok - $kind: a plot of it"; fails=$((fails + 1)); rm -f "$tmpd/o/cell.svg"; }
done
# (review50) an end of a tornado range infinite (9e999, inf to SQLite):
# claim writes the finite range it read, as for NULL above; the bar was
# labelled "(0.3 .. inf)"
cp "$db" "$tmpd/cell.db"
sqlite3 "$tmpd/cell.db" "UPDATE claim_tornado SET high = 9e999 WHERE param = 'b.design.frac_mac'"
expect_exit 2 "tornado of an infinite range end" -- "$RL" plot tornado \
	--db "$tmpd/cell.db" --out "$tmpd/o/cell.svg"
expect_err "cell\.db: cannot read: claim_tornado\.high holds inf, where rooflab writes a finite number \(a database changed by hand\?\)" \
	"tornado: the infinite end is named"
[ ! -e "$tmpd/o/cell.svg" ] && echo "ok - tornado: no plot of an infinite end" ||
	{ echo "not ok - tornado: a plot of an infinite end"; fails=$((fails + 1)); rm -f "$tmpd/o/cell.svg"; }
# but a quantile NULL (claim stores a NaN as NULL: a Monte Carlo with no
# evaluable sample) is a number claim writes, not refused: pdb_number's
# NULL passes where pdb_needed's fails (fuzz10: the mutant that refuses
# NULL in both passed cli_plot)
cp "$db" "$tmpd/cell.db"
sqlite3 "$tmpd/cell.db" "UPDATE claim_mc SET p05 = NULL"
expect_exit 0 "distribution of a NULL quantile" -- "$RL" plot distribution \
	--db "$tmpd/cell.db" --term dumb
expect_no_err "holds NULL" "distribution: a NULL quantile is not refused"
# (review54) claim_mc's count and shares outside what claim writes (the
# samples a whole number from 0, prob_ge_target and violation_rate shares
# from 0 to 1, as the report refuses them, reports/verdict.c): the title
# read "-1 samples" and "P(>= 20x) = 700%"; each refused naming the cell,
# exit 2, no plot; a NULL share (a NaN) passes
for cell in "samples = -1|samples holds -1, where rooflab claim writes a whole number from 0 on" \
	"samples = 2.5|samples holds 2\.5, where rooflab claim writes a whole number" \
	"prob_ge_target = 7|prob_ge_target holds 7, where rooflab claim writes a share, or NULL, from 0 to 1" \
	"violation_rate = -0.1|violation_rate holds -0\.1, where rooflab claim writes a share"; do
	cp "$db" "$tmpd/cell.db"
	sqlite3 "$tmpd/cell.db" "UPDATE claim_mc SET ${cell%%|*}"
	expect_exit 2 "distribution of claim_mc.${cell%%|*}" -- "$RL" plot distribution \
		--db "$tmpd/cell.db" --out "$tmpd/o/cell.svg"
	expect_err "cell\.db: cannot read: claim_mc\.${cell%%[ =]*} of claim run [0-9]+ ${cell#*|* }" "distribution: claim_mc.${cell%%|*} named"
	[ ! -e "$tmpd/o/cell.svg" ] && echo "ok - distribution: no plot of ${cell%%|*}" ||
		{ echo "not ok - distribution: a plot of ${cell%%|*}"; fails=$((fails + 1)); rm -f "$tmpd/o/cell.svg"; }
done
cp "$db" "$tmpd/cell.db"
sqlite3 "$tmpd/cell.db" "UPDATE claim_mc SET prob_ge_target = NULL, violation_rate = NULL"
expect_exit 0 "distribution of NULL shares" -- "$RL" plot distribution \
	--db "$tmpd/cell.db" --term dumb
# a roofline value outside what log axes place (1e-320 FLOP/s: its TFLOP/s
# underflows to 0; an intensity of 1e308: a decade of margin above it
# overflows) took a range to 0 or inf and the labels' places to NaN, which
# gnuplot refused (exit 1): it is left out as an absent phase
for set in "prefill_flops = 1e-320" "decode_intensity = 1e308"; do
	cp "$db" "$tmpd/tiny.db"
	sqlite3 "$tmpd/tiny.db" "UPDATE claim_roofline SET $set WHERE side = 'a'"
	expect_exit 0 "roofline with $set" -- "$RL" plot roofline \
		--db "$tmpd/tiny.db" --term dumb
done
if grep -q "b\.chip\.hbm_tbps" "$tmpd/out"; then
	echo "not ok - tornado: the infinite bar drawn"; fails=$((fails + 1))
else
	echo "ok - tornado: the infinite bar left out"
fi
# a finite speedup near the doubles' end (a database changed by hand:
# 1.7e308): the x axis's margin, 8% of the span each side, overflowed to
# 'inf' in the script, a name gnuplot does not know ('undefined variable:
# inf', exit 1); refused as factors' product past the doubles is, exit 2
# naming the span, no plot.  1.7e308 + 0.08 x 1.7e308 = 1.836e308 is past
# DBL_MAX (1.797e308), by hand
cp "$db" "$tmpd/big.db"
sqlite3 "$tmpd/big.db" "UPDATE claim_tornado SET speedup_high = 1.7e308 WHERE param = 'b.design.frac_mac'"
expect_exit 2 "tornado with a speedup of 1.7e308" -- "$RL" plot tornado \
	--db "$tmpd/big.db" --out "$tmpd/o/big.svg"
expect_err "big\.db: claim run [0-9]+: the speedups of its sensitivity rows run from [0-9.]+x to 1\.7e\+308x, more than a plot's axis can hold" \
	"tornado of a speedup of 1.7e308: the span named"
[ ! -e "$tmpd/o/big.svg" ] && echo "ok - tornado of a speedup of 1.7e308: no plot" ||
	{ echo "not ok - tornado of a speedup of 1.7e308: a plot"; fails=$((fails + 1)); }
expect_exit 0 "--run selects the claim run" -- "$RL" plot factors --db "$db" \
	--run 1 --out "$tmpd/o/run1.svg"
# mkplotdb's claim run 1: factors 2.5, 1.4, 2, 2.5, 1 in that order, whose
# product 2.5 x 1.4 x 2 x 2.5 x 1 = 17.5 is the total the title gives, in
# claim's two decimals (17.50x); the bars in claim's factor words, three
# decimals (x2.500)
expect_exit 0 "run 1's title: the total 17.50x of its factors" -- \
	grep -q "over 8x H100 SXM = 17\.50x" "$tmpd/o/run1.svg"
expect_exit 0 "run 1's title names it" -- grep -q "(claim run 1)" "$tmpd/o/run1.svg"
f=$(grep -o '>x[0-9.]*<' "$tmpd/o/run1.svg" | tr -d '<>' | tr '\n' ' ')
[ "$f" = "x2.500 x1.400 x2.000 x2.500 x1.000 " ] && echo "ok - run 1's bars: its five factors in order" ||
	{ echo "not ok - run 1's bar labels: '$f'"; fails=$((fails + 1)); }
expect_exit 0 "heatmap with named axes and output" -- "$RL" plot heatmap \
	--db "$db" --x chip.hbm_tbps --y design.frac_mac \
	--z throughput.output_tokens_per_s --out "$tmpd/o/hz.svg"
# mkplotdb's sweep: frac_mac 0.2 to 0.7 (6) by hbm_tbps 4 to 8 (5), 30
# points; throughput 1500 x 5 x (f / 0.2) x sqrt(b / 4), from 7500 to 1500
# x 5 x 3.5 x sqrt(2) = 37123.1, so a text plot's levels 7500 + 29623.1 x
# k / 5 = 13424.6, 19349.2, 25273.9, 31198.5 (five significant digits)
expect_exit 0 "its title: the axes named" -- \
	grep -q "over chip\.hbm_tbps (TB/s) and design\.frac_mac" "$tmpd/o/hz.svg"
expect_exit 0 "its subtitle: 30 design points" -- \
	grep -q "sweep run 1: 30 design points" "$tmpd/o/hz.svg"
expect_exit 0 "the same as text" -- "$RL" plot heatmap \
	--db "$db" --x chip.hbm_tbps --y design.frac_mac \
	--z throughput.output_tokens_per_s --term dumb
expect_out " 13425 -\*+ 19349 -#+ 25274 -[$]+ 31198 -%+" "its levels from 7500 to 37123.1, by hand"
expect_exit 0 "pareto with named outputs" -- "$RL" plot pareto --db "$db" \
	--x power_watts --y speedup_total_tokens --out "$tmpd/o/pz.svg"
# its subtitle names the axes as its title does, dotted (it gave the
# column names, "less power_watts", under "against power.watts (W)")
expect_exit 0 "pareto's subtitle names the axes dotted" -- \
	grep -q "on the frontier (less power\.watts, more speedup_total_tokens)" "$tmpd/o/pz.svg"
# the help says what the title does: each output taken the way its table
# says is better (power.watts as --y: the least), where it said "--x
# minimized, --y maximized" of every pareto
expect_exit 0 "pareto with power as y" -- "$RL" plot pareto --db "$db" \
	--x throughput.output_tokens_per_s --y power_watts --out "$tmpd/o/py.svg"
expect_exit 0 "its subtitle takes the most throughput and the least power" -- \
	grep -q "on the frontier (more throughput\.output_tokens_per_s, less power\.watts)" "$tmpd/o/py.svg"
expect_exit 0 "plot --help" -- "$RL" plot --help
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/help1"
if grep -q "pareto the frontier of a sweep on two columns, each output taken the way it is better (less time, cost or power, more throughput); a parameter, a speedup or an output better neither way --x least, --y most" "$tmpd/help1"; then
	echo "ok - plot --help gives pareto's directions as the title takes them"
else
	echo "not ok - plot --help's pareto directions: $(grep -o 'pareto  *the frontier[^[]*' "$tmpd/help1")"; fails=$((fails + 1))
fi
expect_exit 0 "heatmap of a sweep-only database" -- "$RL" plot heatmap \
	--db "$tmpd/sweep.db" --out "$tmpd/o/sweep.png"
is_png "$tmpd/o/sweep.png" && echo "ok - sweep.png is a PNG" ||
	{ echo "not ok - sweep.png is not a PNG"; fails=$((fails + 1)); }

# axis values near the doubles' end (a database altered by hand) put an
# outer cell's edge past it, 'inf' in gnuplot's script (exit 1): a log
# axis of 0.3, 0.5 and 4e264 (its top edge 4e264 x sqrt(8e264)) and a
# linear one of -4.4e307 and 4.4e307 (half their gap beyond each: edges
# -8.8e307 and 8.8e307, 1.76e308 apart, under the largest double,
# 1.797e308): each drawn
if have sqlite3 "a heatmap of axes near the largest double"; then
	for ax in "0.3 0.5 4e264" "-4.4e307 4.4e307"; do
		rm -f "$tmpd/edge.db"
		sqlite3 "$tmpd/edge.db" "CREATE TABLE results(run_id INTEGER,
			design_frac_mac REAL, chip_hbm_tbps REAL, speedup_total_tokens REAL)"
		for v in $ax; do
			sqlite3 "$tmpd/edge.db" "INSERT INTO results VALUES(1, $v, 1, 2),
				(1, $v, 2, 3)"
		done
		expect_exit 0 "heatmap of an axis $ax" -- "$RL" plot heatmap \
			--db "$tmpd/edge.db" --x design.frac_mac --y chip.hbm_tbps --term dumb
		# two points an axis value (hbm 1 and 2), z 2 and 3: under 20
		n=$(($(echo $ax | wc -w) * 2))
		expect_out "sweep run 1: $n design points; 20 is reached nowhere \(at most 3\)" \
			"axis $ax: its $n points counted, the most z 3"
		# the contours drawn at 2 + (3 - 2) x k / 5 = 2.2, 2.4, 2.6, 2.8
		expect_out " 2\.20 -\*+ 2\.40 -#+ 2\.60 -[$]+ 2\.80 -%+" "axis $ax: the levels, by hand"
	done
	# (audit47) not so an x of -1e308 and 1e308 (its edges -1e308 and
	# 1e308, the outer ones held at the values, 2e308 apart) or of -5e307
	# and 5e307 (edges -1e308 and 1e308): gnuplot's contour tables came
	# back empty, the plot and its key blank, and as an image every x fell
	# in one column, exit 0; refused now, the axis and its range named
	for ax in "-1e308 1e308 -1e[+]308 1e[+]308" "-5e307 5e307 -5e[+]307 5e[+]307"; do
		set -- $ax
		rm -f "$tmpd/edge.db"
		sqlite3 "$tmpd/edge.db" "CREATE TABLE results(run_id INTEGER,
			design_frac_mac REAL, chip_hbm_tbps REAL, speedup_total_tokens REAL);
			INSERT INTO results VALUES(1, $1, 1, 2), (1, $1, 2, 3),
			(1, $2, 1, 2), (1, $2, 2, 3)"
		for term in "--term dumb" "--out $tmpd/o/edge.svg"; do
			rm -f "$tmpd/o/edge.svg"
			expect_exit 2 "heatmap of an axis $1 to $2 ($term)" -- "$RL" plot heatmap \
				--db "$tmpd/edge.db" --x design.frac_mac --y chip.hbm_tbps $term
			expect_err "^rooflab plot: .*edge\.db: the x axis, design\.frac_mac, runs from $3 to $4: its cells' outer edges .* more than the largest double \(1\.8e308\) apart" \
				"axis $1 to $2: refused, the axis and its range named"
		done
		[ ! -e "$tmpd/o/edge.svg" ] && echo "ok - axis $1 to $2: no image written" ||
			{ echo "not ok - axis $1 to $2: an image written"; fails=$((fails + 1)); }
	done
	# (fuzz9's mutation pass over span_undrawable) its hair of margin:
	# an x of -4.4942328e307 and 4.4942328e307 has edges -8.9884656e307
	# and 8.9884656e307 (half the gap, 4.4942328e307, past each end),
	# 1.79769312e308 apart, a double (under 1.7976931348623157e308), but
	# not with its margin of 1e-8 of it (1.7976931380e308): refused; an x
	# of -4.494232e307 and 4.494232e307, edges 1.7976928e308 apart and
	# 1.79769298e308 with the margin, drawn (a mutant without the margin
	# drew the first, one of 1e-6 refused the second).  The refusal says
	# how far an axis reaches: a quarter of the largest double either side
	for ax in "-4.4942328e307 4.4942328e307 2" "-4.494232e307 4.494232e307 0"; do
		set -- $ax
		rm -f "$tmpd/edge.db"
		sqlite3 "$tmpd/edge.db" "CREATE TABLE results(run_id INTEGER,
			design_frac_mac REAL, chip_hbm_tbps REAL, speedup_total_tokens REAL);
			INSERT INTO results VALUES(1, $1, 1, 2), (1, $1, 2, 3),
			(1, $2, 1, 2), (1, $2, 2, 3)"
		expect_exit "$3" "heatmap of an axis $1 to $2" -- "$RL" plot heatmap \
			--db "$tmpd/edge.db" --x design.frac_mac --y chip.hbm_tbps --term dumb
		[ "$3" = 0 ] || expect_err "the x axis, design\.frac_mac, runs from -4\.49e[+]307 to 4\.49e[+]307: its cells' outer edges \(half a gap past each end\) lie more than the largest double \(1\.8e308\) apart, which gnuplot draws blank; a heatmap takes values within about a quarter of it either side of 0$" \
			"axis $1 to $2: refused by the margin, the reach said"
	done
	# the same of y (chip.hbm_tbps -1e308 and 1e308, x 0.1 and 0.2)
	sqlite3 "$tmpd/edge.db" "UPDATE results SET chip_hbm_tbps = CASE chip_hbm_tbps
		WHEN 1 THEN -1e308 ELSE 1e308 END, design_frac_mac = CASE
		WHEN design_frac_mac < 0 THEN 0.1 ELSE 0.2 END"
	expect_exit 2 "heatmap of a y axis -1e308 to 1e308" -- "$RL" plot heatmap \
		--db "$tmpd/edge.db" --x design.frac_mac --y chip.hbm_tbps --term dumb
	expect_err "the y axis, chip\.hbm_tbps \(TB/s\), runs from -1e[+]308 to 1e[+]308" \
		"y axis -1e308 to 1e308: refused, named"
fi

# (ux22) a text heatmap (--term dumb) filled every cell with '*' whatever
# its colour, a block with no value to read: it draws the contours of four
# levels evenly between the least and the most z instead, the key naming
# each.  z = 10 x frac_mac / 0.2 over frac_mac 0, 0.1, 0.2 (0, 5, 10): the
# levels 0 + 10 x k / 5 = 2, 4, 6, 8, three significant digits of the
# least (2.00); no target line (not a speedup)
if have sqlite3 "a text heatmap's levels"; then
	sqlite3 "$tmpd/lv.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, chip_tdp_w REAL,
		throughput_output_tokens_per_s REAL);
		INSERT INTO results VALUES(1, 0, 500, 0), (1, 0, 700, 0),
		(1, 0.1, 500, 5), (1, 0.1, 700, 5), (1, 0.2, 500, 10),
		(1, 0.2, 700, 10)"
	expect_exit 0 "text heatmap of 0 to 10" -- "$RL" plot heatmap \
		--db "$tmpd/lv.db" --x design.frac_mac --y chip.tdp_w --term dumb
	expect_out ' 2\.00 -\*+.* 4\.00 -#+.* 6\.00 -\$+.* 8\.00 -%+' "its key names the four contour levels"
	expect_no_out "target" "no target line for an output that is no speedup"
	expect_exit 0 "the same heatmap as an image" -- "$RL" plot heatmap \
		--db "$tmpd/lv.db" --x design.frac_mac --y chip.tdp_w --out "$tmpd/o/lv.svg"
	expect_exit 1 "the image draws its cells, no levels" -- grep -q "8\.00" "$tmpd/o/lv.svg"
	# a grid with a cell missing (one point of the six gone: a sample's
	# empty bin, a design that does not fit) gave gnuplot no contour to
	# trace, an empty plot: its cells are drawn as before, no levels
	sqlite3 "$tmpd/lv.db" "DELETE FROM results WHERE design_frac_mac = 0.1 AND chip_tdp_w = 700"
	expect_exit 0 "text heatmap with a cell missing" -- "$RL" plot heatmap \
		--db "$tmpd/lv.db" --x design.frac_mac --y chip.tdp_w --term dumb
	expect_no_out " 2\.00 -" "no levels where a cell is missing"
	expect_out '\*\*\*\*' "its cells drawn instead"
	# (fuzz7) a cell there but of no value (a point that failed stores NULL
	# outputs): cells drawn, no levels (a mutant taking such a grid for
	# full passed)
	sqlite3 "$tmpd/lv.db" "INSERT INTO results VALUES(1, 0.1, 700, NULL)"
	expect_exit 0 "text heatmap with a cell of no value" -- "$RL" plot heatmap \
		--db "$tmpd/lv.db" --x design.frac_mac --y chip.tdp_w --term dumb
	expect_no_out " 2\.00 -" "no levels where a cell has no value"
	expect_out '[|]XXX[|]' "its cells and colour bar drawn"
	# (fuzz7) levels close beside their size read alike at its three
	# significant digits: z 1000, 1000.25, 1000.5 gives the levels 1000 +
	# 0.5 x k / 5 = 1000.1, 1000.2, 1000.3, 1000.4, whose key read '1000'
	# four times (no decimals at 100 and over); z 0.5 to 0.5005 gives
	# 0.5001 to 0.5004, read '0.500' four times: each now with the fewest
	# decimals that tell it from the next; z 1e-20 to 1.5e-20, levels 1.1e-20
	# to 1.4e-20, alike at every decimal up to 9 (0.000000000), in the
	# fewest significant digits from 3 that do (%g: 1.1e-20, its zeros off);
	# so z 1e-12 to 1.5e-12, whose levels part at the 13th decimal
	# and z 1e300 to 2e300, whose levels printed 301 digits each (found by
	# fuzz-inputs.py's levels target): from 1e15 on in significant digits;
	# (review45) z 0 to 5e307 and -5e307 to 5e307, differences that are
	# doubles but four times (twice) them none: levels 5e307 x k / 5 = 1e307
	# to 4e307 and -5e307 + 1e308 x k / 5 = -3e307 to 3e307, where
	# (zmax - zmin) x k overflowed (a level 'inf', gnuplot's 'undefined
	# variable: inf', exit 1);
	# (fuzz8's mutation pass over level_digits and level_titles, each case
	# by hand from zmin + (zmax - zmin) k / 5) levels 1e-7 to 4e-7 (z 0 to
	# 5e-7) at the 9 decimals three digits of 1e-7 take, 0.000000100 (a
	# mutant capping at 8 passed); 0.001000010 to 0.001000016 alike at 8
	# decimals (0.00100001 twice), told apart at the 9th, its zero kept (a
	# mutant stopping at 8 wrote %g's 0.00100001); 1000, 1000.5, 1001,
	# 1001.5 read 1000 twice at none (1000.5 rounds to even), one decimal
	# each (a mutant comparing from the third level on passed); 2.5e14 to
	# 1e15, the last exactly 1e15, in significant digits (a mutant taking
	# 1e15 below it wrote 1000000000000000); 1.1234e15, 1.2468e15,
	# 1.3702e15, 1.4936e15 told apart at 3 of them (a mutant from 4 wrote
	# 1.123e+15); -1.8e300 to -1.2e300 by their size (a mutant reading the
	# most level by its sign wrote 301 digits)
	for zz in "1000 1000.25 1000.5 1000\.1 1000\.2 1000\.3 1000\.4" \
		"0.5 0.50025 0.5005 0\.5001 0\.5002 0\.5003 0\.5004" \
		"1e-20 1.25e-20 1.5e-20 1\.1e-20 1\.2e-20 1\.3e-20 1\.4e-20" \
		"1e-12 1.25e-12 1.5e-12 1\.1e-12 1\.2e-12 1\.3e-12 1\.4e-12" \
		"1e300 1.5e300 2e300 1\.2e[+]300 1\.4e[+]300 1\.6e[+]300 1\.8e[+]300" \
		"0 2.5e307 5e307 1e[+]307 2e[+]307 3e[+]307 4e[+]307" \
		"-5e307 0 5e307 -3e[+]307 -1e[+]307 1e[+]307 3e[+]307" \
		"0 2.5e-7 5e-7 0\.000000100 0\.000000200 0\.000000300 0\.000000400" \
		"0.001000008 0.001000013 0.001000018 0\.001000010 0\.001000012 0\.001000014 0\.001000016" \
		"999.5 1000.75 1002 1000\.0 1000\.5 1001\.0 1001\.5" \
		"0 6.25e14 1.25e15 2\.5e[+]14 5e[+]14 7\.5e[+]14 1e[+]15" \
		"1e15 1.3085e15 1.617e15 1\.12e[+]15 1\.25e[+]15 1\.37e[+]15 1\.49e[+]15" \
		"-2e300 -1.5e300 -1e300 -1\.8e[+]300 -1\.6e[+]300 -1\.4e[+]300 -1\.2e[+]300"; do
		set -- $zz
		rm -f "$tmpd/lv2.db"
		sqlite3 "$tmpd/lv2.db" "CREATE TABLE results(run_id INTEGER,
			design_frac_mac REAL, chip_tdp_w REAL,
			throughput_output_tokens_per_s REAL);
			INSERT INTO results VALUES(1, 0, 500, $1), (1, 0, 700, $1),
			(1, 0.1, 500, $2), (1, 0.1, 700, $2), (1, 0.2, 500, $3),
			(1, 0.2, 700, $3)"
		expect_exit 0 "text heatmap of $1 to $3" -- "$RL" plot heatmap \
			--db "$tmpd/lv2.db" --x design.frac_mac --y chip.tdp_w --term dumb
		expect_out " $4 -\*+.* $5 -#+.* $6 -[$]+.* $7 -%+" "its key tells the four levels apart ($4 to $7)"
	done
	# (review45) the contours are drawn at the levels the key names: z
	# 100000000, 100000001, 100000002 (two units of the 9th digit apart)
	# gives the levels 1e8 + 2 x k / 5 = 100000000.4, 100000000.8,
	# 100000001.2, 100000001.6, which the key names, while the script gave
	# gnuplot each level in 9 digits: 100000000 (z's least, no line, its key
	# entry gone), 100000001 twice (two lines drawn as one) and 100000002.
	# The script read through a gnuplot in front of the real one
	if have gnuplot "a script read through a gnuplot in front of the real one" &&
		gp=$(command -v gnuplot); then
		mkdir -p "$tmpd/gpfake"
		printf '#!/bin/sh\ntee "%s" | "%s" "$@"\n' "$tmpd/gp.script" "$gp" >"$tmpd/gpfake/gnuplot"
		chmod +x "$tmpd/gpfake/gnuplot"
		rm -f "$tmpd/lv2.db"
		sqlite3 "$tmpd/lv2.db" "CREATE TABLE results(run_id INTEGER,
			design_frac_mac REAL, chip_tdp_w REAL,
			throughput_output_tokens_per_s REAL);
			INSERT INTO results VALUES(1, 0, 500, 100000000),
			(1, 0, 700, 100000000), (1, 0.1, 500, 100000001),
			(1, 0.1, 700, 100000001), (1, 0.2, 500, 100000002),
			(1, 0.2, 700, 100000002)"
		expect_exit 0 "text heatmap of 100000000 to 100000002" -- env PATH="$tmpd/gpfake:$PATH" \
			"$RL" plot heatmap --db "$tmpd/lv2.db" --x design.frac_mac --y chip.tdp_w --term dumb
		expect_out " 100000000\.4 -\*+.* 100000000\.8 -#+.* 100000001\.2 -[$]+.* 100000001\.6 -%+" \
			"its key names the four levels, each drawn"
		lv=$(sed -n 's/^set cntrparam levels discrete //p' "$tmpd/gp.script" | tr '\n' ' ')
		[ "$lv" = "100000000.4 100000000.8 100000001.2 100000001.6 " ] &&
			echo "ok - the contours are drawn at the levels the key names" ||
			{ echo "not ok - the script's contour levels: '$lv'"; fails=$((fails + 1)); }
	fi
	# (fuzz7, levels target) z from -8.9e307 to 8.9e307, 1.78e308 apart
	# (a double, under 1.797e308), four times which is none: the levels
	# were inf and nan (gnuplot: 'undefined variable: inf', exit 1); now
	# from each end's share
	sqlite3 "$tmpd/lv2.db" "UPDATE results SET throughput_output_tokens_per_s =
		CASE design_frac_mac WHEN 0 THEN -8.9e307 WHEN 0.2 THEN 8.9e307 ELSE 0 END"
	expect_exit 0 "text heatmap of -8.9e307 to 8.9e307" -- "$RL" plot heatmap \
		--db "$tmpd/lv2.db" --x design.frac_mac --y chip.tdp_w --term dumb
	expect_out "sweep run 1: 6 design points" "-8.9e307 to 8.9e307: its 6 points counted"
	# the levels from each end's share: -8.9e307 + (8.9e307 / 5 + 8.9e307 /
	# 5) x k = -5.34e307, -1.78e307, 1.78e307, 5.34e307, in the key and
	# drawn: z grows with x alone, so each level is a line across y, the
	# four side by side in a row of the plot
	expect_out " -5\.34e[+]307 -\*+.* -1\.78e[+]307 -#+.* 1\.78e[+]307 -[$]+.* 5\.34e[+]307 -%+" \
		"-8.9e307 to 8.9e307: its key names the four levels, by hand"
	expect_out "[|] +\* +# +[$] +% +[|]" "-8.9e307 to 8.9e307: the four contours drawn"
	if [ -x "$tmpd/gpfake/gnuplot" ]; then
		PATH="$tmpd/gpfake:$PATH" "$RL" plot heatmap --db "$tmpd/lv2.db" \
			--x design.frac_mac --y chip.tdp_w --term dumb >/dev/null 2>&1
		sed -n 's/^set cntrparam levels discrete //p' "$tmpd/gp.script" >"$tmpd/lv2.lv"
		if awk 'BEGIN { split("-5.34e307 -1.78e307 1.78e307 5.34e307", w) }
			{ n++; if ((($1 - w[n]) / w[n]) ^ 2 > 1e-24) bad++ }
			END { exit !(n == 4 && !bad) }' "$tmpd/lv2.lv"; then
			echo "ok - -8.9e307 to 8.9e307: the script's four levels, by hand"
		else
			echo "not ok - -8.9e307 to 8.9e307: the script's levels $(tr '\n' ' ' <"$tmpd/lv2.lv")"; fails=$((fails + 1))
		fi
	fi
	# (audit47) z from -1.7e308 to 1.7e308, 3.4e308 apart, no double: the
	# script gave gnuplot finite levels, but its contour tables came back
	# empty, the plot and its key blank, exit 0 (as an image, the colour
	# bar without a scale); refused now, the column and its range named,
	# nothing written
	sqlite3 "$tmpd/lv2.db" "UPDATE results SET throughput_output_tokens_per_s =
		CASE design_frac_mac WHEN 0 THEN -1.7e308 WHEN 0.2 THEN 1.7e308 ELSE 0 END"
	for term in "--term dumb" "--out $tmpd/o/z17.svg"; do
		expect_exit 2 "heatmap of z -1.7e308 to 1.7e308 ($term)" -- "$RL" plot heatmap \
			--db "$tmpd/lv2.db" --x design.frac_mac --y chip.tdp_w $term
		expect_err "^rooflab plot: .*lv2\.db: the colour \(z\), throughput\.output_tokens_per_s \(tokens/s\), runs from -1\.7e[+]308 to 1\.7e[+]308: its ends lie more than the largest double \(1\.8e308\) apart" \
			"z -1.7e308 to 1.7e308: refused, the column and its range named"
	done
	[ ! -e "$tmpd/o/z17.svg" ] && echo "ok - z -1.7e308 to 1.7e308: no image written" ||
		{ echo "not ok - z -1.7e308 to 1.7e308: an image written"; fails=$((fails + 1)); }
	# (fuzz9) z -8.9884656e307 to 8.9884656e307, 1.79769312e308 apart (a
	# double), 1.7976931380e308 with the margin of 1e-8 (none): refused as
	# the axis above; a z reaches half the largest double either side
	sqlite3 "$tmpd/lv2.db" "UPDATE results SET throughput_output_tokens_per_s =
		CASE design_frac_mac WHEN 0 THEN -8.9884656e307 WHEN 0.2 THEN 8.9884656e307 ELSE 0 END"
	expect_exit 2 "heatmap of z -8.9884656e307 to 8.9884656e307" -- "$RL" plot heatmap \
		--db "$tmpd/lv2.db" --x design.frac_mac --y chip.tdp_w --term dumb
	expect_err "the colour \(z\), throughput\.output_tokens_per_s \(tokens/s\), runs from -8\.99e[+]307 to 8\.99e[+]307: its ends lie more than the largest double \(1\.8e308\) apart, which gnuplot draws blank; a heatmap takes values within about half of it either side of 0$" \
		"z -8.9884656e307 to 8.9884656e307: refused by the margin, the reach said"
	# (fuzz7 mutation pass over text_levels) a speedup's levels and its
	# target's line: z 10, 25, 40 gives 10 + 30 x k / 5 = 16, 22, 28, 34
	# (16.0: three significant digits) and, 20 lying between 10 and 40, the
	# line 'target 20x' (a mutant without it passed); z 25, 30, 40 gives 28,
	# 31, 34, 37 and no target line, 20 exceeded everywhere (a mutant
	# drawing it passed); z -10, 2.5, 15 gives -5, 0, 5, 10, their decimals
	# those of the least level not 0, 5.00 (a mutant taking 0's passed)
	for zz in "10 25 40 16\.0 22\.0 28\.0 34\.0 yes" \
		"25 30 40 28\.0 31\.0 34\.0 37\.0 no" \
		"-10 2.5 15 -5\.00 0\.00 5\.00 10\.00 no"; do
		set -- $zz
		rm -f "$tmpd/lv3.db"
		sqlite3 "$tmpd/lv3.db" "CREATE TABLE results(run_id INTEGER,
			design_frac_mac REAL, chip_tdp_w REAL, speedup_total_tokens REAL);
			INSERT INTO results VALUES(1, 0, 500, $1), (1, 0, 700, $1),
			(1, 0.1, 500, $2), (1, 0.1, 700, $2), (1, 0.2, 500, $3),
			(1, 0.2, 700, $3)"
		expect_exit 0 "text heatmap of a speedup $1 to $3" -- "$RL" plot heatmap \
			--db "$tmpd/lv3.db" --x design.frac_mac --y chip.tdp_w \
			--z speedup_total_tokens --term dumb
		expect_out " $4 -\*+.* $5 -#+.* $6 -[$]+.* $7 -%+" "its key names $4 to $7"
		if [ "$8" = yes ]; then
			expect_out " $7 -%+ target 20x -@+" "the target's line where 20 is crossed"
		else
			expect_no_out "target 20x" "no target line where 20 is not crossed"
			expect_out " $7 -%+[+]" "the key ends after its fourth level"
		fi
	done
	# (small52) the target in all its digits, as the claim's text writes
	# it (claim_target_text), the speedup reached by eval's rule
	# (rl_fig_text), where %g wrote 1.23457e+06: z -10, 2.5, 15 (the last
	# above) reaches at most 15 (whole: "15"); z 10, 25, 40.5 crossed by
	# a target of 20.123456789 draws its line under that name; a target
	# under every cell, 0.1234567, is exceeded everywhere, at least 10
	expect_exit 0 "text heatmap, a target of 1234567.5" -- "$RL" plot heatmap \
		--db "$tmpd/lv3.db" --x design.frac_mac --y chip.tdp_w \
		--z speedup_total_tokens --term dumb --target 1234567.5
	expect_out "1234567\.5 is reached nowhere \(at most 15\)" "the target in all its digits, the most reached as a figure"
	expect_no_out "e\+06" "no exponent in the title"
	sqlite3 "$tmpd/lv3.db" "UPDATE results SET speedup_total_tokens = 40.5 WHERE speedup_total_tokens = 15;
		UPDATE results SET speedup_total_tokens = 10 WHERE speedup_total_tokens = -10;
		UPDATE results SET speedup_total_tokens = 25 WHERE speedup_total_tokens = 2.5"
	expect_exit 0 "text heatmap, a target of 20.123456789 crossed" -- "$RL" plot heatmap \
		--db "$tmpd/lv3.db" --x design.frac_mac --y chip.tdp_w \
		--z speedup_total_tokens --term dumb --target 20.123456789
	expect_out "line: 20\.123456789x" "the title names the line in all its digits"
	expect_out "target 20\.123456789x [ -]*@+" "the key names the line in all its digits"
	expect_exit 0 "text heatmap, a target under every cell" -- "$RL" plot heatmap \
		--db "$tmpd/lv3.db" --x design.frac_mac --y chip.tdp_w \
		--z speedup_total_tokens --term dumb --target 0.1234567
	expect_out "0\.1234567 is exceeded everywhere \(at least 10\)" "the target in all its digits, the least as a figure"
	# (review48) the most reached said on the target's side it is on: z
	# 10, 15, 19.97 under the default 20 reaches it nowhere, its most
	# 19.97 by eval's rule nearest 20.0, which reads as reached; one digit
	# more shows it short, 19.97 (rl_fig_text_target, the targets table's
	# rule), where 19.9 read as further short than the 19.97 stored
	rm -f "$tmpd/lv4.db"
	sqlite3 "$tmpd/lv4.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, chip_tdp_w REAL, speedup_total_tokens REAL);
		INSERT INTO results VALUES(1, 0, 500, 10), (1, 0, 700, 10),
		(1, 0.1, 500, 15), (1, 0.1, 700, 15), (1, 0.2, 500, 19.97),
		(1, 0.2, 700, 19.97)"
	expect_exit 0 "text heatmap, a most of 19.97 under 20" -- "$RL" plot heatmap \
		--db "$tmpd/lv4.db" --x design.frac_mac --y chip.tdp_w \
		--z speedup_total_tokens --term dumb
	expect_out "20 is reached nowhere \(at most 19\.97\)" "the most short of 20 reads under it with the digits that show it (19.97, not 20.0 or 19.9)"
	# (review48) a target the most cells reach exactly, and no other: z
	# 10, 15, 20 under the default 20 is neither crossed (no line: 20 is
	# not below the most) nor exceeded everywhere (10 and 15 are under it),
	# which the title said, 'at least 10' beside it; reached at the most
	sqlite3 "$tmpd/lv4.db" "UPDATE results SET speedup_total_tokens = 20
		WHERE speedup_total_tokens = 19.97"
	expect_exit 0 "text heatmap, a most of exactly 20" -- "$RL" plot heatmap \
		--db "$tmpd/lv4.db" --x design.frac_mac --y chip.tdp_w \
		--z speedup_total_tokens --term dumb
	expect_no_out "exceeded everywhere" "z 10 to 20: 20 is not exceeded everywhere"
	expect_out "20 is reached only at the most \(20\)" "z 10 to 20: 20 reached only at the most"
	# (small60) a target the least cells reach exactly: z 20, 25, 30 under
	# the default 20 is reached at every cell (the target is a floor, met
	# at >= 20, as claim's P(>= 20x)) but not exceeded at the least, 20
	# itself, where the title said "exceeded everywhere (at least 20)"
	sqlite3 "$tmpd/lv4.db" "UPDATE results SET speedup_total_tokens = 30
		WHERE speedup_total_tokens = 20;
		UPDATE results SET speedup_total_tokens = 25 WHERE speedup_total_tokens = 15;
		UPDATE results SET speedup_total_tokens = 20 WHERE speedup_total_tokens = 10"
	expect_exit 0 "text heatmap, a least of exactly 20" -- "$RL" plot heatmap \
		--db "$tmpd/lv4.db" --x design.frac_mac --y chip.tdp_w \
		--z speedup_total_tokens --term dumb
	expect_no_out "exceeded everywhere" "z 20 to 30: 20 is not exceeded at the least"
	expect_out "20 is reached everywhere \(at least 20\)" "z 20 to 30: 20 reached everywhere"
	# (small62) a least just past the target: z 20.0004, 25, 30 exceeds 20
	# everywhere, and its least reads past 20 by the targets table's rule
	# (rl_fig_text_beside: decimals added till the figure reads over 20),
	# where three digits wrote "exceeded everywhere (at least 20.0)"
	sqlite3 "$tmpd/lv4.db" "UPDATE results SET speedup_total_tokens = 20.0004
		WHERE speedup_total_tokens = 20"
	expect_exit 0 "text heatmap, a least of 20.0004" -- "$RL" plot heatmap \
		--db "$tmpd/lv4.db" --x design.frac_mac --y chip.tdp_w \
		--z speedup_total_tokens --term dumb
	expect_out "20 is exceeded everywhere \(at least 20\.0004\)" "z 20.0004 to 30: the least reads past 20"
fi

# a colour the same at every cell: 5243.10531650879 and the next double
# up, both 5243.10532 in the 9 digits the script carries, gave gnuplot
# the range [5243.10532:5243.10532] ("empty cb range", exit 1); drawn
# now over 1% each side, the title saying the one value
if have sqlite3 "a heatmap of one value"; then
	sqlite3 "$tmpd/flat.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, chip_tdp_w REAL,
		throughput_output_tokens_per_s REAL);
		INSERT INTO results VALUES(1, 0.1, 500, 5243.10531650879),
		(1, 0.1, 700, 5243.10531650879), (1, 0.2, 500, 5243.10531650879),
		(1, 0.2, 700, 5243.105316508791)"
	expect_exit 0 "heatmap of one value everywhere" -- "$RL" plot heatmap \
		--db "$tmpd/flat.db" --x design.frac_mac --y chip.tdp_w \
		--out "$tmpd/o/flat.svg"
	# (the value by eval's rule, model/figtext.c: one decimal from 100)
	expect_exit 0 "its title says the value" -- \
		grep -q '5243.1 at every cell' "$tmpd/o/flat.svg"
	sqlite3 "$tmpd/flat.db" "UPDATE results SET throughput_output_tokens_per_s = 0"
	expect_exit 0 "heatmap of 0 everywhere" -- "$RL" plot heatmap \
		--db "$tmpd/flat.db" --x design.frac_mac --y chip.tdp_w --term dumb
	expect_out "0 at every cell" "its title says 0"
	# (fuzz7) one colour: its cells and colour bar drawn ('XXX'), no contour
	# levels (a mutant drawing levels, all 0, on it passed)
	expect_out '[|]XXX[|]' "its cells and colour bar drawn"
	# (fuzz7, found by fuzz-inputs.py's levels target) one colour at the
	# ends of the doubles: 1% of 1.79e308 past the largest double (gnuplot
	# read the colour range's 'inf' as a variable, exit 1), 1% of the least
	# subnormal, 4.94e-324, lost (an empty colour range, exit 1); drawn now
	# from z halfway to 0, or 1 each side, the title saying the value
	for v in 1.79e308 -1.79e308 4.94065645841247e-324; do
		sqlite3 "$tmpd/flat.db" "UPDATE results SET throughput_output_tokens_per_s = $v"
		for out in "--term dumb" "--out $tmpd/o/flatx.svg"; do
			expect_exit 0 "heatmap of $v everywhere ($out)" -- "$RL" plot heatmap \
				--db "$tmpd/flat.db" --x design.frac_mac --y chip.tdp_w $out
		done
		# the value by the figure rule (model/figtext.c: from 1e15 and under
		# 1e-4, three significant digits in exponent form), the text's title
		# as the image's: 1.79e+308, -1.79e+308, 4.94e-324
		t=$(awk -v v="$v" 'BEGIN { printf "%.3g", v }')
		expect_exit 0 "the text's title says $t" -- "$RL" plot heatmap \
			--db "$tmpd/flat.db" --x design.frac_mac --y chip.tdp_w --term dumb
		expect_out "sweep run 1: 4 design points; $(printf '%s' "$t" | sed 's/[.+]/\\&/g') at every cell" "$v everywhere: the title's value ($t)"
	done
	expect_exit 0 "its title says the value" -- \
		grep -q '4.94e-324 at every cell' "$tmpd/o/flatx.svg"
fi

# a column of names (a choice, declared TEXT) as an axis or the colour:
# max() of its text read as 0, a heatmap of one colour titled
# "decode.bound ()"; refused, naming the option and the values
cat >"$tmpd/names.ini" <<'EOF'
[base]
scenario = etched-bench
chip = sohu-design
profile = etched-claim
set = scenario.tp=1
[axes]
design.hbm_gen = hbm3, hbm3e
design.frac_mac = 0.1, 0.2
[outputs]
keep = throughput.output_tokens_per_s, decode.bound
EOF
expect_exit 0 "a sweep over a choice" -- "$RL" sweep "$tmpd/names.ini" --db "$tmpd/names.db"
expect_exit 2 "heatmap --y of a choice" -- "$RL" plot heatmap --db "$tmpd/names.db" \
	--x design.frac_mac --y design.hbm_gen --out "$tmpd/x.png"
expect_err "names\.db: --y 'design\.hbm_gen' holds names, not numbers \(values: hbm3, hbm3e\)" \
	"the axis of names is named with its values"
expect_exit 2 "heatmap --z of a choice" -- "$RL" plot heatmap --db "$tmpd/names.db" \
	--x design.frac_mac --y design.hbm_gen --z decode.bound --out "$tmpd/x.png"
expect_err "--z 'decode\.bound' holds names, not numbers" "the colour of names is named"
expect_exit 2 "pareto --x of a choice" -- "$RL" plot pareto --db "$tmpd/names.db" \
	--x decode.bound --out "$tmpd/x.png"
expect_err "--x 'decode\.bound' holds names, not numbers .*WHERE decode_bound = " \
	"the output of names is named, and how to choose rows by it"
# the default axes pass the choice over: one numeric axis is too few
expect_exit 2 "default heatmap of one number and one choice" -- "$RL" plot heatmap \
	--db "$tmpd/names.db" --out "$tmpd/x.png"
expect_err "fewer than two numeric parameters \(design\.hbm_gen holds names" \
	"names the choice it passed over"

# an output without a unit (a share, a count) is labelled by its name
# alone, where "power.clock_scale ()" showed empty parentheses
if have sqlite3 "an output without a unit"; then
	sqlite3 "$tmpd/nounit.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, chip_tdp_w REAL, power_clock_scale REAL);
		INSERT INTO results VALUES(1, 0.1, 500, 1), (1, 0.1, 700, 1),
		(1, 0.2, 500, 0.8), (1, 0.2, 700, 1)"
	expect_exit 0 "heatmap of a share" -- "$RL" plot heatmap --db "$tmpd/nounit.db" \
		--x design.frac_mac --y chip.tdp_w --z power.clock_scale --term dumb
	expect_out "power\.clock_scale over design\.frac_mac and chip\.tdp_w \(W\)" \
		"its title names the share without ()"
	expect_no_out "clock_scale \(\)" "no empty parentheses"
fi

# two sweeps in one file: a heatmap of run 1 on an axis run 2 swept (NULL
# in run 1's rows) counts each axis in that run and lists what the run
# sweeps, where "the sweep needs at least 2 values of X and of Y" read as
# if it had none of either; a --z the run does not keep is named as such
cat >"$tmpd/two1.ini" <<'EOF'
[base]
scenario = etched-bench
chip = sohu-design
profile = etched-claim
[axes]
design.hbm_stacks = 4, 6, 8
scenario.tp = 2, 4
[outputs]
keep = throughput.output_tokens_per_s
EOF
cat >"$tmpd/two2.ini" <<'EOF'
[base]
scenario = etched-bench
chip = sohu-design
profile = etched-claim
[axes]
design.frac_mac = 0.1, 0.2
chip.tdp_w = 500, 700
[outputs]
keep = latency.tpot_s
EOF
expect_exit 0 "sweep 1 of two into one file" -- "$RL" sweep "$tmpd/two1.ini" --db "$tmpd/two.db"
expect_exit 0 "sweep 2 of two into one file" -- "$RL" sweep "$tmpd/two2.ini" --db "$tmpd/two.db"
expect_exit 2 "heatmap of run 1 on run 2's axis" -- "$RL" plot heatmap --db "$tmpd/two.db" \
	--run 1 --x design.frac_mac --y design.hbm_stacks --out "$tmpd/x.png"
expect_err "two\.db: run 1 has 0 values of design\.frac_mac and 3 of design\.hbm_stacks \(stacks\); a heatmap needs at least 2 of each \(run 1 sweeps design\.hbm_stacks, scenario\.tp\)$" \
	"it counts each axis in the run and names what the run sweeps"
expect_exit 2 "heatmap of run 2 coloured by run 1's output" -- "$RL" plot heatmap --db "$tmpd/two.db" \
	--run 2 --z throughput.output_tokens_per_s --out "$tmpd/x.png"
expect_err "run 2 has no value of throughput\.output_tokens_per_s \(tokens/s\) at any point" \
	"the colour the run does not keep is named"
expect_exit 0 "heatmap of run 2 by default" -- "$RL" plot heatmap --db "$tmpd/two.db" \
	--run 2 --z latency.tpot_s --term dumb
# run 2's own axes and points: frac_mac 0.1, 0.2 by tdp 500, 700, 4
expect_out "latency\.tpot_s \(s\) over chip\.tdp_w \(W\) and design\.frac_mac" "run 2: its output over its own two axes"
expect_out "sweep run 2: 4 design points" "run 2: its 2 x 2 points"

# a cell over other swept parameters shows the best of them, the title
# naming them ("(scenario.tp)", ux21; it said "the other swept
# parameters" alone): the least of
# a latency, cost or power, where it took the most of every output (the
# worst TPOT, titled "best"); --z-best most|least chooses.  Each cell's
# least TPOT is 1 (tp 1) and its most 2 to 5 (tp 2): least gives one
# colour ("1 at every cell"), most four
if have sqlite3 "least and most of a heatmap's cells"; then
	sqlite3 "$tmpd/best.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, chip_tdp_w REAL, scenario_tp INTEGER,
		latency_tpot_s REAL, throughput_output_tokens_per_s REAL);
		INSERT INTO results VALUES(1, 0.1, 500, 1, 1, 1), (1, 0.1, 500, 2, 2, 2),
		(1, 0.1, 700, 1, 1, 1), (1, 0.1, 700, 2, 3, 3),
		(1, 0.2, 500, 1, 1, 1), (1, 0.2, 500, 2, 4, 4),
		(1, 0.2, 700, 1, 1, 1), (1, 0.2, 700, 2, 5, 5)"
	expect_exit 0 "heatmap of a latency over another swept parameter" -- "$RL" plot heatmap \
		--db "$tmpd/best.db" --x design.frac_mac --y chip.tdp_w --z latency.tpot_s --term dumb
	expect_out "8 design points, the least over the other swept parameters \(scenario\.tp\); 1 at every cell" \
		"a latency's cell is its least"
	expect_exit 0 "the same with --z-best most" -- "$RL" plot heatmap \
		--db "$tmpd/best.db" --x design.frac_mac --y chip.tdp_w --z latency.tpot_s \
		--z-best most --term dumb
	expect_out "8 design points, the most over the other swept parameters \(scenario\.tp\)" \
		"--z-best most takes the most"
	expect_no_out "at every cell" "the most differ from cell to cell"
	expect_exit 0 "heatmap of a throughput over it" -- "$RL" plot heatmap \
		--db "$tmpd/best.db" --x design.frac_mac --y chip.tdp_w \
		--z throughput.output_tokens_per_s --term dumb
	expect_out "the most over the other swept parameters \(scenario\.tp\)" "a throughput's cell is its most"
	expect_exit 0 "--z-best least of the throughput" -- "$RL" plot heatmap \
		--db "$tmpd/best.db" --x design.frac_mac --y chip.tdp_w \
		--z throughput.output_tokens_per_s --z-best least --term dumb
	expect_out "the least over the other swept parameters \(scenario\.tp\); 1 at every cell" \
		"--z-best least takes the least"
	expect_exit 2 "--z-best of another word" -- "$RL" plot heatmap --db "$tmpd/best.db" \
		--z-best best --term dumb
	expect_err "--z-best: 'best' is not one of least, most" "names the two words"
	expect_exit 2 "--z-best on pareto" -- "$RL" plot pareto --db "$tmpd/best.db" \
		--z-best least --term dumb
	expect_err "--z-best: plot pareto does not use it \(heatmap only\)" "pareto refuses it"
	# the direction is the output table's (model/outputs.c), not a list of
	# prefixes that knew latency, cost and power only: an iteration's time
	# and the violations took the most (the slowest iteration, the most
	# violated design).  The same cells: each one's least is 1 (tp 1),
	# violations 0 there (none), 1 to 4 at tp 2 and 0 at tp 4 (iteration
	# 6 to 9).  The tp 2 designs break a constraint and are left out of a
	# cell's best (said in the title): the least of an iteration's time is
	# 1 (tp 1) where the most of the buildable would be 6 to 9 (tp 4)
	sqlite3 "$tmpd/best2.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, chip_tdp_w REAL, scenario_tp INTEGER,
		decode_iteration_s REAL, silicon_violations INTEGER);
		INSERT INTO results VALUES(1, 0.1, 500, 1, 1, 0), (1, 0.1, 500, 2, 2, 1),
		(1, 0.1, 700, 1, 1, 0), (1, 0.1, 700, 2, 3, 2),
		(1, 0.2, 500, 1, 1, 0), (1, 0.2, 500, 2, 4, 3),
		(1, 0.2, 700, 1, 1, 0), (1, 0.2, 700, 2, 5, 4),
		(1, 0.1, 500, 4, 6, 0), (1, 0.1, 700, 4, 7, 0),
		(1, 0.2, 500, 4, 8, 0), (1, 0.2, 700, 4, 9, 0)"
	expect_exit 0 "heatmap of an iteration's time over another swept parameter" -- "$RL" plot heatmap \
		--db "$tmpd/best2.db" --x design.frac_mac --y chip.tdp_w --z decode.iteration_s --term dumb
	expect_out "12 design points, the least over the other swept parameters \(scenario\.tp\); 4 breaking a physical" \
		"an iteration's time's cell is its least, of the buildable designs"
	expect_out "left out of every cell: blank where a cell has no other; 1 at every cell" \
		"an iteration's time's cell is its least: 1 at every cell"
	expect_exit 0 "heatmap of the violations over another swept parameter" -- "$RL" plot heatmap \
		--db "$tmpd/best2.db" --x design.frac_mac --y chip.tdp_w --z silicon.violations --term dumb
	expect_out "12 design points, the least over the other swept parameters \(scenario\.tp\); 0 at every cell" \
		"the violations' cell is its least, none left out"
	# pareto takes an output's direction from the same table: --y a
	# latency is better less, where its frontier kept the most.  Points
	# (W, TPOT) (1, 5), (2, 3), (3, 4), (4, 1): less of both leaves out
	# (3, 4) alone (beaten by (2, 3)): 3 of 4; the most TPOT kept (1, 5)
	# alone.  --x a throughput is better more: (tokens/s, TPOT) (4, 1)
	# beats every other point, 1 of 4
	sqlite3 "$tmpd/dir.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, power_watts REAL, latency_tpot_s REAL,
		throughput_output_tokens_per_s REAL);
		INSERT INTO results VALUES(1, 0.1, 1, 5, 1), (1, 0.2, 2, 3, 3),
		(1, 0.3, 3, 4, 2), (1, 0.4, 4, 1, 4)"
	expect_exit 0 "pareto of a latency against power" -- "$RL" plot pareto \
		--db "$tmpd/dir.db" --x power.watts --y latency.tpot_s --term dumb
	expect_out "3 of 4 design points on the frontier \(less power\.watts, less latency\.tpot_s\)" \
		"a latency's frontier is its least"
	# (ux22) as text the cloud and the frontier are told apart: their
	# point types were both pt 7, which the text terminal draws as 'G'
	expect_out "other design points-+A-+ *Pareto frontier-+G" "a text pareto's key: the cloud A, the frontier G"
	expect_exit 0 "pareto of a latency against a throughput" -- "$RL" plot pareto \
		--db "$tmpd/dir.db" --x throughput.output_tokens_per_s --y latency.tpot_s --term dumb
	expect_out "1 of 4 design points on the frontier \(more throughput\.output_tokens_per_s, less latency\.tpot_s\)" \
		"a throughput on x is better more"
	# (review50) a log axis reaching near the doubles' end (a database
	# changed by hand: a throughput of 1.7e308 beside 1 and 2): its tics,
	# decade by decade up to 10^ceil(log10 1.7e308) = 10^309, inf, never
	# ended, "inf, inf, ..." written into memory without bound (11 GB in
	# three minutes); now the tics stop within the doubles and the plot
	# ends.  (timeout guards the old behaviour, a plot that never ends; it
	# measures nothing.)
	rm -f "$tmpd/paredge.db"
	sqlite3 "$tmpd/paredge.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, power_watts REAL,
		throughput_output_tokens_per_s REAL);
		INSERT INTO results VALUES(1, 0.1, 1, 1), (1, 0.2, 2, 1.7e308),
		(1, 0.3, 3, 2)"
	if command -v timeout >/dev/null 2>&1; then to="timeout 60"; else to=; fi
	$to "$RL" plot pareto --db "$tmpd/paredge.db" --x power.watts \
		--y throughput.output_tokens_per_s --term dumb >"$tmpd/out" 2>"$tmpd/err"
	got=$?
	if [ "$got" -eq 0 ]; then
		echo "ok - pareto of a throughput of 1.7e308 ends"
	else
		echo "not ok - pareto of a throughput of 1.7e308: exit $got, expected 0 (124: still running)"
		sed 's/^/    err: /' "$tmpd/err" | head -3
		fails=$((fails + 1))
	fi
	expect_out "2 of 3 design points on the frontier" "pareto of 1.7e308: its frontier, (3 W, 2) beaten by (2 W, 1.7e308)"
	# the other end: a power of 1e-323 (a subnormal, user data changed by
	# hand) beside 2 and 3 W spans decades enough for a log axis, whose
	# first decade, 10^floor(log10 1e-323) = 10^-324, is 0 in a double:
	# gnuplot refused the range ("x range must be greater than 0 for log
	# scale"), exit 1; drawn on a linear axis now.  Its frontier by hand:
	# (1e-323 W, 1) the least power, (2 W, 5) the most throughput, which
	# beats (3 W, 4) on both: 2 of 3.  A swept parameter of log-spaced values
	# down to 1e-323 (1e-323, 1e-160, 1) the same
	rm -f "$tmpd/parsub.db"
	sqlite3 "$tmpd/parsub.db" "CREATE TABLE results(run_id INTEGER,
		chip_hbm_tbps REAL, power_watts REAL,
		throughput_output_tokens_per_s REAL);
		INSERT INTO results VALUES(1, 1e-323, 1e-323, 1), (1, 1e-160, 2, 5),
		(1, 1, 3, 4)"
	expect_exit 0 "pareto of a power of 1e-323" -- "$RL" plot pareto --db "$tmpd/parsub.db" \
		--x power.watts --y throughput.output_tokens_per_s --term dumb
	expect_out "2 of 3 design points on the frontier" "pareto of 1e-323 W: its frontier, on a linear axis"
	expect_exit 0 "pareto of a swept parameter down to 1e-323" -- "$RL" plot pareto --db "$tmpd/parsub.db" \
		--x chip.hbm_tbps --y throughput.output_tokens_per_s --term dumb
	# memory by its meaning (model/outputs.c), where every memory output
	# was better neither way and took the most: the KV cache's capacity
	# and the free bytes are headroom (the most), the weights per chip a
	# footprint (the least); the batch is better neither way, its most
	# said to be no best.  The same cells as best.db: each cell's least
	# is 1 (tp 1), its most 2 to 5 (tp 2)
	sqlite3 "$tmpd/mem.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, chip_tdp_w REAL, scenario_tp INTEGER,
		memory_free_bytes REAL, memory_weights_bytes_per_chip REAL,
		batch_concurrency REAL);
		INSERT INTO results VALUES(1, 0.1, 500, 1, 1, 1, 1), (1, 0.1, 500, 2, 2, 2, 2),
		(1, 0.1, 700, 1, 1, 1, 1), (1, 0.1, 700, 2, 3, 3, 3),
		(1, 0.2, 500, 1, 1, 1, 1), (1, 0.2, 500, 2, 4, 4, 4),
		(1, 0.2, 700, 1, 1, 1, 1), (1, 0.2, 700, 2, 5, 5, 5)"
	expect_exit 0 "heatmap of the free memory over another swept parameter" -- "$RL" plot heatmap \
		--db "$tmpd/mem.db" --x design.frac_mac --y chip.tdp_w --z memory.free_bytes --term dumb
	expect_out "8 design points, the most over the other swept parameters \(scenario\.tp\)" \
		"the free memory's cell is its most (headroom)"
	expect_no_out "at every cell|no best" "the most free memory differs by cell, a best"
	expect_exit 0 "heatmap of the weights per chip" -- "$RL" plot heatmap \
		--db "$tmpd/mem.db" --x design.frac_mac --y chip.tdp_w --z memory.weights_bytes_per_chip --term dumb
	expect_out "8 design points, the least over the other swept parameters \(scenario\.tp\); 1 at every cell" \
		"the weights' cell is their least (a footprint)"
	expect_exit 0 "heatmap of the concurrency" -- "$RL" plot heatmap \
		--db "$tmpd/mem.db" --x design.frac_mac --y chip.tdp_w --z batch.concurrency --term dumb
	expect_out "the most over the other swept parameters \(scenario\.tp\) \(no best: better neither" \
		"the concurrency's most is said to be no best"
	expect_exit 0 "the concurrency with --z-best most" -- "$RL" plot heatmap \
		--db "$tmpd/mem.db" --x design.frac_mac --y chip.tdp_w --z batch.concurrency --z-best most --term dumb
	expect_no_out "no best" "--z-best chooses: nothing to say"
	# and draws the cells' most, tp 2's 2, 3, 4, 5: four levels between 2
	# and 5 at (5 - 2) / 5 = 0.6 apart, 2.6, 3.2, 3.8, 4.4
	expect_out "8 design points, the most over the other swept parameters \(scenario\.tp\) *$" \
		"--z-best most: the subtitle names the most"
	expect_out "2\.60 -\*+ 3\.20 -#+ 3\.80 -[$]+ 4\.40 -%+" "--z-best most: levels 2.6 to 4.4 of the cells' 2 to 5, by hand"
	# pareto of the free memory (headroom, better more) on x: (free, TPOT)
	# (1, 5), (2, 3), (3, 4), (4, 1) as dir.db; (4, 1) beats every other
	# point on more free and less TPOT: 1 of 4; the concurrency on x is
	# taken as a cost, said so
	sqlite3 "$tmpd/dir2.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, memory_free_bytes REAL, batch_concurrency REAL,
		latency_tpot_s REAL);
		INSERT INTO results VALUES(1, 0.1, 1, 1, 5), (1, 0.2, 2, 2, 3),
		(1, 0.3, 3, 3, 4), (1, 0.4, 4, 4, 1)"
	expect_exit 0 "pareto of a latency against the free memory" -- "$RL" plot pareto \
		--db "$tmpd/dir2.db" --x memory.free_bytes --y latency.tpot_s --term dumb
	expect_out "1 of 4 design points on the frontier \(more memory\.free_bytes, less latency\.tpot_s\)" \
		"the free memory on x is better more"
	# (the dumb terminal's 120 columns: the subtitle, 159 characters, was
	# cut there and read from an SVG; since 2026-11-30 it breaks at a blank
	# before 110, and the words are read across the break)
	expect_exit 0 "pareto of a latency against the concurrency" -- "$RL" plot pareto \
		--db "$tmpd/dir2.db" --x batch.concurrency --y latency.tpot_s --term dumb
	if tr -s ' \n' '  ' <"$tmpd/out" | grep -q "3 of 4 design points on the frontier (less batch\.concurrency, less latency\.tpot_s; batch\.concurrency is better neither way, taken as a cost (--x))"; then
		echo "ok - the concurrency on x is said to be taken as a cost"
	else
		echo "not ok - the concurrency on x is said to be taken as a cost"; fails=$((fails + 1))
	fi
fi

# points that did not evaluate are no cell, and the title says how many:
# Sohu by design gives 0.07 + 0.08 + 0.25 = 0.40 of its die to the shares
# not swept, so of frac_mac 0.1, 0.2, 0.3 x frac_sram 0.1, 0.35 only
# 0.3 + 0.35 = 0.65 passes the 0.60 left (sum 1.05 > 1): 1 of 6 points
cat >"$tmpd/fail.ini" <<'EOF'
[base]
scenario = etched-bench
chip = sohu-design
profile = etched-claim
set = scenario.tp=1
[axes]
design.frac_mac = 0.1, 0.2, 0.3
design.frac_sram = 0.1, 0.35
EOF
expect_exit 0 "a sweep with a point over the die" -- "$RL" sweep "$tmpd/fail.ini" --db "$tmpd/fail.db"
expect_exit 0 "heatmap of it" -- "$RL" plot heatmap --db "$tmpd/fail.db" \
	--x design.frac_mac --y design.frac_sram --out "$tmpd/o/fail.svg"
if grep -q '6 design points (1 did not evaluate: blank where a cell has no other)' "$tmpd/o/fail.svg"; then
	echo "ok - heatmap title counts the point that did not evaluate"
else
	echo "not ok - heatmap title lacks the point that did not evaluate"; fails=$((fails + 1))
fi
if grep -q 'did not evaluate' "$tmpd/o/heatmap.svg"; then
	echo "not ok - heatmap of a sweep whose points all evaluated says some did not"; fails=$((fails + 1))
else
	echo "ok - heatmap of a sweep whose points all evaluated says nothing of it"
fi

# the heatmap draws the target contour (the fixture crosses 20x)
if grep -q 'white line: 20x' "$tmpd/o/heatmap.svg"; then
	echo "ok - heatmap draws the 20x contour"
else
	echo "not ok - heatmap lacks the 20x contour"; fails=$((fails + 1))
fi
# a text plot (--term dumb) draws no colour: its title names the contour
# a line, where it read "white line: 20x" beside a line of characters
expect_exit 0 "heatmap as text" -- "$RL" plot heatmap --db "$db" --term dumb
if grep -q 'line: 20x' "$tmpd/out" && ! grep -q 'white line' "$tmpd/out"; then
	echo "ok - a text heatmap names no colour for the contour"
else
	echo "not ok - a text heatmap's contour: $(grep -o '[a-z]* line: 20x' "$tmpd/out")"; fails=$((fails + 1))
fi
# nor a colour bar's label, which the text terminal wrote across the
# plot's rows (its title names the colour's column already)
if grep -q "speedup_total_tokens (x) over" "$tmpd/out" && ! grep -q "over the \[baseline\]'s" "$tmpd/out"; then
	echo "ok - a text heatmap writes no colour bar label across its rows"
else
	echo "not ok - a text heatmap's colour bar label: $(grep -n "over the \[baseline\]'s" "$tmpd/out" | head -1)"; fails=$((fails + 1))
fi
# a text distribution (--term dumb) keeps its title's interval, which the
# fixture gives (claim_mc: 11.2, 16.8, 24.9; 100000 samples, 4% of them
# violating limits), and names no colour for the violating samples (its
# key names them): the line with "grey: samples that violate physical
# limits" ran past the 120 columns and the text terminal dropped it whole,
# interval and median with it
expect_exit 0 "distribution as text" -- "$RL" plot distribution --db "$db" --term dumb
expect_out "90% interval 11\.20x \.\. 24\.90x, median 16\.80x" "a text distribution keeps its interval line"
expect_out "scenario etched-bench \(claim run 1; 100000 samples" "a text distribution keeps its scenario and samples"
expect_no_out "grey" "a text distribution names no colour"
expect_out "samples that violate limits" "its key names the violating samples"
# titles say what and for which scenario
if grep -q 'etched-bench' "$tmpd/o/factors.svg"; then
	echo "ok - factor plot title names the scenario"
else
	echo "not ok - factor plot title lacks the scenario"; fails=$((fails + 1))
fi

# bad input: exit 2 and a message
expect_exit 2 "no kind" -- "$RL" plot --db "$db" --out "$tmpd/x.png"
expect_err "give a KIND" "no kind: message"
expect_err "which plot\? give a KIND \(rooflab plot KIND --db FILE --out FILE.png; kinds: roofline, .*, curve\)$" \
	"no kind: the kinds listed (ux21)"
expect_exit 2 "unknown kind" -- "$RL" plot pie --db "$db" --out "$tmpd/x.png"
expect_err "unknown plot kind 'pie'" "unknown kind: message"
# (ux21) the nearest kind offered, the kinds listed where none was given,
# and a kind's controls shown as '?', where they reached the terminal raw
expect_err "unknown plot kind 'pie' \(kinds: roofline, factors, heatmap, " "pie: near none, the kinds listed"
expect_exit 2 "kind heatmaps" -- "$RL" plot heatmaps --db "$db" --out "$tmpd/x.png"
expect_err "^rooflab plot: unknown plot kind 'heatmaps'; did you mean heatmap\? \(kinds: " "heatmaps: did you mean heatmap"
expect_exit 2 "kind curv" -- "$RL" plot curv --db "$db" --out "$tmpd/x.png"
expect_err "unknown plot kind 'curv'; did you mean curve\?" "curv: did you mean curve (a kind of its own)"
# curve after plot's options, or with --db: the word was right, what was
# wrong is said (it was "unknown plot kind 'curve'; did you mean curve?",
# or plot curve's "unknown option '--db'"); curve computes its curve from
# a chip and a model and reads no database (rooflab plot curve --help)
expect_exit 2 "plot --db DB curve" -- "$RL" plot --db "$db" curve --out "$tmpd/x.png"
expect_err "^rooflab plot: --db: plot curve reads no database \(it computes its curve from a chip and a model\): rooflab plot curve --chip NAME --model NAME --out FILE.png \(rooflab plot curve --help\)$" "plot --db DB curve: says curve reads no database"
expect_exit 2 "plot curve --db DB" -- "$RL" plot curve --chip h100-sxm --model llama3-8b --db "$db" --out "$tmpd/x.png"
expect_err "^rooflab plot: --db: plot curve reads no database" "plot curve --db DB: says curve reads no database"
expect_exit 2 "plot --chip NAME curve" -- "$RL" plot --chip h100-sxm --model llama3-8b curve --out "$tmpd/x.png"
expect_err "^rooflab plot: curve comes first, right after plot, and its options after it: rooflab plot curve --chip NAME" "plot --chip NAME curve: says the order"
if grep -q "did you mean" "$tmpd/err"; then echo "not ok - plot --chip NAME curve offers a kind"; fails=$((fails + 1)); else echo "ok - plot --chip NAME curve offers no kind"; fi
[ -e "$tmpd/x.png" ] && { echo "not ok - a refused curve wrote x.png"; fails=$((fails + 1)); } || echo "ok - a refused curve wrote nothing"
esc=$(printf 'a\033[31mb')
expect_exit 2 "a kind with an ESC" -- "$RL" plot "$esc" --db "$db" --out "$tmpd/x.png"
if grep -q "$(printf '\033')" "$tmpd/err"; then echo "not ok - the kind's ESC reached stderr raw"; fails=$((fails + 1)); else echo "ok - the kind's ESC shown as '?'"; fi
expect_err "unknown plot kind 'a\?\[31mb'" "the kind quoted with its control as '?'"
expect_exit 2 "no --db" -- "$RL" plot factors --out "$tmpd/x.png"
expect_err "--db FILE is required" "no --db: message"
expect_exit 2 "no --out" -- "$RL" plot factors --db "$db"
expect_err "--out FILE" "no --out: message"
expect_exit 2 "bad extension" -- "$RL" plot factors --db "$db" --out "$tmpd/x.gif"
expect_err "must end in .png, .svg, .pdf" "bad extension: message"
expect_exit 2 "--term does not match --out" -- "$RL" plot factors --db "$db" \
	--term svg --out "$tmpd/x.png"
expect_err "does not match" "--term mismatch: message"
# (small59) an empty --out, one that is only an extension (".png" wrote a
# hidden file), one --term does not write: exit 2 naming the option and
# the forms it takes, nothing written; plot curve as plot's other kinds
# (its --term png beside --out x.svg wrote an SVG without a word); an
# extension in capitals is read, as report's r.MD is
mkdir "$tmpd/oe"
for k in factors curve; do
	[ $k = curve ] && src="--chip h100-sxm --model llama3-8b" || src="--db $db"
	# shellcheck disable=SC2086
	expect_exit 2 "plot $k --out ''" -- "$RL" plot $k $src --out ""
	expect_err "^rooflab plot( curve)?: --out: a plot needs a file name \(an empty name names no file; FILE\.png, FILE\.svg, FILE\.pdf, or FILE\.txt for a text plot\)$" "plot $k --out '': message"
	for o in .png .svg .txt; do
		# shellcheck disable=SC2086
		expect_exit 2 "plot $k --out $o" -- "$RL" plot $k $src --out "$tmpd/oe/$o"
		expect_err "^rooflab plot( curve)?: --out .*/oe/\\$o: the plot needs a name before its extension \(FILE\\$o\), where this names a hidden file$" "plot $k --out $o: message"
	done
	# shellcheck disable=SC2086
	expect_exit 2 "plot $k --term png --out x.svg" -- "$RL" plot $k $src --term png --out "$tmpd/oe/x.svg"
	expect_err "^rooflab plot( curve)?: --term png does not match --out .*/oe/x\.svg \(--term png writes FILE\.png; without --term, --out's extension chooses\)$" "plot $k --term png --out x.svg: message"
	# shellcheck disable=SC2086
	expect_exit 2 "plot $k --term dumb --out x.png" -- "$RL" plot $k $src --term dumb --out "$tmpd/oe/x.png"
	expect_err "\(--term dumb writes FILE\.txt, or to the terminal without --out; " "plot $k --term dumb --out x.png: message"
	# shellcheck disable=SC2086
	expect_exit 2 "plot $k --out x.gif" -- "$RL" plot $k $src --out "$tmpd/oe/x.gif"
	expect_err "^rooflab plot( curve)?: --out .*/oe/x\.gif: the name must end in \.png, \.svg, \.pdf or \.txt \(a text plot, as --term dumb\), in any case$" "plot $k --out x.gif: message"
done
[ -z "$(ls -A "$tmpd/oe")" ] && echo "ok - refused --out names: nothing written" ||
	{ echo "not ok - refused --out names wrote $(ls -A "$tmpd/oe")"; fails=$((fails + 1)); }
expect_exit 0 "plot factors --out X.PNG" -- "$RL" plot factors --db "$db" --out "$tmpd/oe/X.PNG"
is_png "$tmpd/oe/X.PNG" && echo "ok - X.PNG is a PNG" ||
	{ echo "not ok - X.PNG is not a PNG"; fails=$((fails + 1)); }
expect_exit 2 "unknown --term" -- "$RL" plot factors --db "$db" --term gif
expect_err "unknown terminal 'gif'" "unknown --term: message"
expect_exit 2 "bad --run" -- "$RL" plot factors --db "$db" --run x1 \
	--out "$tmpd/x.png"
expect_err "--run: 'x1' is not a run id" "bad --run: message"
# an option the kind does not read is refused, not ignored: axes are
# heatmap's and pareto's, the colour heatmap's, the target the line of
# heatmap, factors, tornado and distribution
for c in "factors --x design.frac_mac" "roofline --y chip.hbm_tbps" \
	"pareto --z power.watts" "batch --target 5" "validation --target 5"; do
	# shellcheck disable=SC2086
	expect_exit 2 "plot $c refused" -- "$RL" plot $c --db "$db" --term dumb
	opt=$(echo "$c" | cut -d' ' -f2)
	expect_err "^rooflab plot: $opt: plot ${c%% *} does not use it" "plot $c: names the option and the kind"
done
expect_exit 2 "unknown kind" -- "$RL" plot nope --db "$db" --term dumb
expect_err "kinds: roofline, factors, heatmap, tornado, distribution, batch, interactivity, pareto, breakdown, validation, curve" \
	"the unknown kind's message lists every kind, curve too"
expect_exit 2 "bad --target" -- "$RL" plot factors --db "$db" --target -3 \
	--out "$tmpd/x.png"
expect_err "--target: '-3' is outside the allowed range \(a number in \[0.000001, 1000000000\]\)" "bad --target: message"
# above claim's range: factors' axis around 1e308 x 2.2 was 'inf' in the
# script (exit 1); a product of factors past the doubles is refused
expect_exit 2 "plot --target 1e308" -- "$RL" plot factors --db "$db" \
	--target 1e308 --term dumb
sqlite3 "$tmpd/inf.db" "UPDATE claim_factors SET factor = 1e200"
expect_exit 2 "factors multiplying past the doubles" -- "$RL" plot factors \
	--db "$tmpd/inf.db" --term dumb
expect_err "inf\.db: claim run 1: the running product of its factors spans 1 to inf" \
	"the product named"
expect_exit 2 "--out without a value" -- "$RL" plot factors --db "$db" --out
expect_err "--out needs a value" "--out without a value: message"
expect_exit 2 "missing database" -- "$RL" plot factors --db "$tmpd/none.db" \
	--out "$tmpd/x.png"
expect_err "no such database" "missing database: message"
# a sweep's database is named as made by sweep too (it said claim alone)
expect_exit 2 "missing sweep database" -- "$RL" plot heatmap --db \
	"$tmpd/none.db" --out "$tmpd/x.png"
expect_err "none\.db: no such database \(make one with rooflab claim, sweep or validate --db " \
	"missing sweep database: the three makers named"
# the command a message gives to run names the file as sh reads it back
# (rl_sh_word, as sweep's resume command): a blank and a ';' in the name
# stood bare, and the command, pasted, split it and ran what followed
expect_exit 2 "missing database whose name needs quotes" -- "$RL" plot heatmap --db \
	"$tmpd/no such;x.db" --out "$tmpd/x.png"
expect_err "no such;x\.db: no such database \(make one with rooflab claim, sweep or validate --db '[^ ]*/no such;x\.db'\)\$" \
	"missing database: the command's file quoted for sh"
: >"$tmpd/e db;x.db" # an empty file: SQLite reads it as a database with no tables
expect_exit 2 "a sweep database with no results, its name needing quotes" -- "$RL" plot heatmap \
	--db "$tmpd/e db;x.db" --term dumb
expect_err "make them with: rooflab sweep SPEC --db '[^ ]*/e db;x\.db'\$" \
	"no sweep results: the command's file quoted for sh"
echo "not sqlite" >"$tmpd/text.db"
# a path through a file: why it cannot be read, not "no such database"
expect_exit 2 "a database path through a file" -- "$RL" plot factors \
	--db "$tmpd/text.db/x.db" --out "$tmpd/x.png"
expect_err "text\.db/x\.db: cannot read: Not a directory" \
	"a database path through a file: the reason"
expect_exit 2 "not a database" -- "$RL" plot factors --db "$tmpd/text.db" \
	--out "$tmpd/x.png"
expect_err "text\\.db is not a rooflab file \\(not an SQLite database, or a damaged one: file is not a database\\)" "not a database: message"
expect_exit 2 "database without a claim run" -- "$RL" plot factors \
	--db "$tmpd/empty.db" --out "$tmpd/x.png"
expect_err "no claim run; make one with: rooflab claim --db" \
	"no claim run: message names rooflab claim"
expect_exit 2 "no such claim run" -- "$RL" plot factors --db "$db" --run 9 \
	--out "$tmpd/x.png"
expect_err "no claim run with id 9 \(runs: 1\)" "no such run: message"
expect_exit 2 "no validation run" -- "$RL" plot validation \
	--db "$tmpd/empty.db" --out "$tmpd/x.png"
expect_err "rooflab validate --db" "no validation run: message names the command"
expect_exit 2 "no sweep" -- "$RL" plot heatmap --db "$tmpd/empty.db" \
	--out "$tmpd/x.png"
expect_err "rooflab sweep SPEC --db" "no sweep: message names the command"
expect_exit 2 "unknown heatmap column" -- "$RL" plot heatmap --db "$db" \
	--x chip.nope --out "$tmpd/x.png"
expect_err "--x 'chip.nope': the sweep results have no column chip_nope \(columns: .*chip_hbm_tbps" \
	"unknown column: message names the option and lists the columns"
expect_exit 2 "same column twice" -- "$RL" plot pareto --db "$db" \
	--x power_watts --y power.watts --out "$tmpd/x.png"
expect_err "same column" "same column twice: message"
if [ ! -e "$tmpd/x.png" ] && [ ! -e "$tmpd/x.gif" ]; then
	echo "ok - bad input writes no output"
else
	echo "not ok - bad input left an output file"; fails=$((fails + 1))
fi

# an --out that cannot be written where it is named: exit 2 (it was 1),
# the path and the reason named
mkdir "$tmpd/dir.svg"
expect_exit 2 "--out names a directory" -- "$RL" plot factors --db "$db" \
	--out "$tmpd/dir.svg"
expect_err "cannot write .*/dir\.svg: Is a directory" "--out directory: message"
expect_exit 2 "--out in a missing folder" -- "$RL" plot factors --db "$db" \
	--out "$tmpd/nope/x.svg"
expect_err "cannot write .*/nope/x\.svg: its folder .*/nope is not there \(make it first: mkdir -p .*/nope\)" \
	"--out missing folder: message"
expect_exit 2 "plot curve --out in a missing folder" -- "$RL" plot curve \
	--chip h100-sxm --model llama3-70b --out "$tmpd/nope/c.svg"

# gnuplot missing: named, exit 1, nothing written
expect_exit 1 "gnuplot missing" -- env PATH=/nonexistent "$RL" plot factors \
	--db "$db" --out "$tmpd/nognuplot.png"
expect_err "gnuplot-nox" "gnuplot missing: message names the package"
if [ ! -e "$tmpd/nognuplot.png" ]; then
	echo "ok - gnuplot missing writes no output"
else
	echo "not ok - gnuplot missing left an output"; fails=$((fails + 1))
fi

# gnuplot's path and its error file's (under TMPDIR) reach sh as one word
# each (config/shword.c): a TMPDIR with a quote, a space and a $( ) in its
# name still plots, and nothing of it runs as a command
qdir="$tmpd/it's a \$(touch PWNED) dir"
mkdir "$qdir"
expect_exit 0 "a TMPDIR with a quote and a space" -- env TMPDIR="$qdir" \
	"$RL" plot factors --db "$db" --term dumb
if [ -e PWNED ] || [ -e "$tmpd/PWNED" ]; then
	echo "not ok - a TMPDIR's name ran as a command"; fails=$((fails + 1))
else
	echo "ok - a TMPDIR's name runs nothing"
fi

# progress: on a terminal a slow plot says what it does on stderr; off a
# terminal stderr stays empty.  A plot shows it once it has run half a
# second; ROOFLAB_PLOT_PROGRESS_AFTER_S=0 (tests only) shows it at once, so
# that 1,000 rows need no timing: the drawing stage's line is written on
# entering it (cmd_plot.c), then "done in".  (review53: until 2026-12-01
# this check needed a plot slow enough to pass half a second, 600,000 rows,
# then 2,400,000 once speed11 read them faster: a timed test.)
if have sqlite3 "progress on a terminal" && have script "progress on a terminal"; then
	sqlite3 "$tmpd/slow.db" "CREATE TABLE results(run_id INTEGER,
		design_frac_mac REAL, chip_hbm_tbps REAL, speedup_total_tokens REAL);
		WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n
		WHERE i < 999) INSERT INTO results SELECT 1,
		0.1 + (i % 10) * 0.05, 1 + (i / 10 % 10), i % 7 FROM n;"
	expect_exit 0 "slow plot off a terminal" -- env ROOFLAB_PLOT_PROGRESS_AFTER_S=0 \
		"$RL" plot heatmap --db "$tmpd/slow.db" --x design.frac_mac \
		--y chip.hbm_tbps --out "$tmpd/o/slow.png"
	if [ ! -s "$tmpd/err" ]; then
		echo "ok - no progress off a terminal"
	else
		echo "not ok - stderr off a terminal: $(head -c 200 "$tmpd/err")"
		fails=$((fails + 1))
	fi
	ROOFLAB_PLOT_PROGRESS_AFTER_S=0 script -qc "'$RL' plot heatmap \
		--db '$tmpd/slow.db' --x design.frac_mac --y chip.hbm_tbps \
		--out '$tmpd/o/slow.png'" /dev/null >"$tmpd/tty" 2>&1
	if grep -q "plot heatmap: drawing with gnuplot (" "$tmpd/tty" &&
		grep -q "plot heatmap: done in" "$tmpd/tty"; then
		echo "ok - progress on a terminal"
	else
		echo "not ok - no progress on a terminal: $(tr '\r' '\n' <"$tmpd/tty" | head -3)"
		fails=$((fails + 1))
	fi
fi

# a database only read gets nothing beside it: a sweep leaves its file in
# WAL mode, and a plain read-only open of it made an empty -wal and a
# 32 KiB -shm next to it (in a directory whose name needs URI escaping)
wd="$tmpd/w a%20?#"
mkdir "$wd"
expect_exit 0 "a WAL-mode sweep database" -- "$RL" sweep \
	"$root/sweeps/sohu-matmul-vs-hbm.ini" --db "$wd/s.db" --jobs 1
before=$(ls -a "$wd" | tr '\n' ' ')
if [ "$before" = ". .. s.db " ]; then
	echo "ok - the sweep left only its database"
else
	echo "not ok - after the sweep: $before"; fails=$((fails + 1))
fi
if have gnuplot "heatmap of the WAL-mode database"; then
	expect_exit 0 "plot heatmap of the WAL-mode database" -- "$RL" plot \
		heatmap --db "$wd/s.db" --x design.frac_mac \
		--y design.hbm_stack_gbps --term dumb
	expect_out "hbm" "the text heatmap names its axis"
fi
expect_exit 0 "export of the WAL-mode database" -- "$RL" export \
	--db "$wd/s.db" --format csv
after=$(ls -a "$wd" | tr '\n' ' ')
if [ "$after" = "$before" ]; then
	echo "ok - plot and export created nothing beside the database"
else
	echo "not ok - files beside the database: $before -> $after"
	fails=$((fails + 1))
fi

# no temporary files left behind
left=$(find "$tmpd" -name '*.tmp-*' | head -3)
if [ -z "$left" ]; then
	echo "ok - no temporary files left"
else
	echo "not ok - temporary files left: $left"; fails=$((fails + 1))
fi
# --out naming the database it reads (a claim database named .svg): the
# database was read and then replaced by the plot
cp "$db" "$tmpd/self.svg"
sum=$(cksum <"$tmpd/self.svg")
expect_exit 2 "plot --out onto its own --db" -- "$RL" plot factors --db "$tmpd/self.svg" --out "$tmpd/self.svg"
expect_err "^rooflab plot: --out .*/self\.svg is also --db .*/self\.svg: the plot would replace a database it reads" "says so"
[ "$(cksum <"$tmpd/self.svg")" = "$sum" ] && echo "ok - the database is left unchanged" ||
	{ echo "not ok - the database was replaced"; fails=$((fails + 1)); }
# --term dumb without --out: the text plot reaches stdout through rooflab,
# so a stdout that cannot be written fails it (exit 1), where gnuplot
# wrote there itself and its failed write was exit 0; the message says why
# (/dev/full's writes fail with ENOSPC, "No space left on device", by
# full(4)), where main()'s "rooflab: cannot write to standard output" had
# lost the write's errno and said no reason
if [ -w /dev/full ]; then
	"$RL" plot factors --db "$db" --term dumb >/dev/full 2>"$tmpd/err"
	got=$?
	if [ "$got" -eq 1 ] && grep -q "^rooflab plot: cannot write the text plot to standard output: No space left on device$" "$tmpd/err"; then
		echo "ok - plot --term dumb to a full disk exits 1 with a message saying why"
	else
		echo "not ok - plot --term dumb to a full disk exits $got: $(cat "$tmpd/err")"
		fails=$((fails + 1))
	fi
	"$RL" plot curve --chip h100-sxm --model llama3-8b --term dumb >/dev/full 2>"$tmpd/err"
	got=$?
	if [ "$got" -eq 1 ] && grep -q "^rooflab plot curve: cannot write the text plot to standard output: No space left on device$" "$tmpd/err"; then
		echo "ok - plot curve --term dumb to a full disk exits 1 with a message saying why"
	else
		echo "not ok - plot curve --term dumb to a full disk exits $got: $(cat "$tmpd/err")"
		fails=$((fails + 1))
	fi
	n=$(wc -l <"$tmpd/err")
	[ "$n" = 1 ] && echo "ok - the failure said once" ||
		{ echo "not ok - the failure said in $n lines"; fails=$((fails + 1)); }
fi
expect_exit 0 "plot --term dumb to stdout" -- "$RL" plot factors --db "$db" --term dumb
expect_out "Where the speedup comes from" "the text plot is on stdout"
# --run N of a database whose table of those runs is there but empty (a
# claim database holds validation_runs before any validate --db): it has
# none, said as such, where the message listed "(runs: )"
"$RL" claim --db "$tmpd/novalid.db" --samples 0 --no-design >/dev/null 2>&1
expect_exit 2 "plot validation --run 5 of a database with no validation run" -- "$RL" plot validation --db "$tmpd/novalid.db" --run 5 --out "$tmpd/nv.svg"
expect_err "novalid\.db has no validation run; make one with: rooflab validate --db" "says it has none"
# interactivity draws on log axes: a batch row whose throughput is not a
# positive finite number (a database altered by hand) is left out, as
# pareto and heatmap leave out theirs; gnuplot failed (exit 1) where it
# was a side's first or last point, which carries a label
cp "$tmpd/novalid.db" "$tmpd/negtps.db"
sqlite3 "$tmpd/negtps.db" "UPDATE claim_batch SET output_tps = -9.2e18 WHERE side = 'a' AND batch = (SELECT min(batch) FROM claim_batch WHERE side = 'a'); UPDATE claim_batch SET output_tps = 9e999 WHERE side = 'b' AND batch = (SELECT max(batch) FROM claim_batch WHERE side = 'b')"
expect_exit 0 "interactivity with a negative and an infinite throughput" -- "$RL" plot interactivity --db "$tmpd/negtps.db" --out "$tmpd/negtps.svg"
expect_exit 0 "and batch" -- "$RL" plot batch --db "$tmpd/negtps.db" --out "$tmpd/negtps-b.svg"
# what interactivity draws, read in the script: each side's rows less the
# one changed (its count in the database less 1), the labels on the first
# and last of those; neither the -9.2e18 nor the infinite figure
if [ -x "$tmpd/gpfake/gnuplot" ]; then
	na=$(sqlite3 "$tmpd/negtps.db" "SELECT count(*) - 1 FROM claim_batch WHERE side = 'a'")
	nb=$(sqlite3 "$tmpd/negtps.db" "SELECT count(*) - 1 FROM claim_batch WHERE side = 'b'")
	PATH="$tmpd/gpfake:$PATH" "$RL" plot interactivity --db "$tmpd/negtps.db" --term dumb >/dev/null 2>&1
	got=$(awk '/<< EOD/ { n = $1; c = 0; next } /^EOD/ { printf "%s %d ", n, c; n = ""; next } n != "" { c++ }' "$tmpd/gp.script")
	if [ "$got" = "\$c0 $na \$c1 $nb " ] &&
		grep -q "every ::$((na - 1))::$((na - 1)) with labels" "$tmpd/gp.script" &&
		! grep -Eq -- "-9\.2e\+?18|inf" "$tmpd/gp.script"; then
		echo "ok - interactivity draws $na and $nb points, each side's rows less the one left out"
	else
		echo "not ok - interactivity's points: '$got', want \$c0 $na \$c1 $nb"; fails=$((fails + 1))
	fi
fi
# a label longer than rooflab writes (127 characters; a database changed
# by hand: 200) is cut where the plot reads it, and says so: 124
# characters and "..." in the 127 the reader keeps (it was cut silently)
if have sqlite3 "a label changed by hand"; then
	cp "$db" "$tmpd/lab.db"
	sqlite3 "$tmpd/lab.db" "UPDATE claim_runs SET b_label = '$(awk 'BEGIN { for (i = 0; i < 200; i++) printf "B" }')'"
	expect_exit 0 "factors with a label of 200 characters" -- "$RL" plot factors --db "$tmpd/lab.db" --out "$tmpd/lab.svg"
	expect_exit 0 "its title has the label cut with '...'" -- grep -Eq "from: B{124}\.\.\. over" "$tmpd/lab.svg"
fi
# the validation plot drew at most 8 chips and dropped the rows of the
# ninth on without a word (the title's row count too): one published row
# (0.15's Llama-3.1 8B FP16 128/128) swapped onto 10 chip presets, all 10
# modelled; by hand, in the plot's order (by chip name): a100-pcie
# a100-sxm a100-sxm-40gb b200 gb200 gh200 h100-pcie drawn alone, h100-sxm
# h200-sxm l40s together as "other chips (3)"
python3 - "$ROOFLAB_DATA/measurements/published-h100.csv" "$tmpd/tenchips.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
row = [r for r in rows if r[0] == "trtllm-v0.15.0-0125"][0]
w = csv.writer(open(sys.argv[2], "w", newline=""))
w.writerow(rows[0])
for i, c in enumerate("a100-pcie a100-sxm a100-sxm-40gb b200 gb200 gh200 "
                      "h100-pcie h100-sxm h200-sxm l40s".split()):
    w.writerow([f"ten-{i}", *row[1:3], c, *row[4:]])
PY
expect_exit 0 "validate ten chips into a database" -- "$RL" validate \
	--measurements "$tmpd/tenchips.csv" --db "$tmpd/ten.db"
expect_out "10 rows: median" "all ten rows modelled"
expect_exit 0 "validation plot of ten chips" -- "$RL" plot validation \
	--db "$tmpd/ten.db" --term dumb --out "$tmpd/ten.txt"
expect_exit 0 "its title counts all ten rows" -- grep -q "10 rows" "$tmpd/ten.txt"
expect_exit 0 "the 8th to 10th chips share one entry" -- \
	grep -q "other chips (3)" "$tmpd/ten.txt"
expect_exit 0 "the 7th is drawn alone" -- grep -q "h100-pcie (" "$tmpd/ten.txt"
# one row: "1 row", not "1 rows"
head -2 "$tmpd/tenchips.csv" >"$tmpd/onechip.csv"
expect_exit 0 "validate one row into a database" -- "$RL" validate \
	--measurements "$tmpd/onechip.csv" --db "$tmpd/one.db"
expect_exit 0 "validation plot of one row" -- "$RL" plot validation \
	--db "$tmpd/one.db" --term dumb --out "$tmpd/one.txt"
expect_exit 0 "its title says 1 row" -- grep -Eq ", 1 row( |$)" "$tmpd/one.txt"
# a run whose rows each took their version's profile (no --profile) is
# stored as "versions.csv", which the title read as a profile's name:
# "(profile versions.csv, ...)"; --profile NAME is named as before.  The
# rows are a --measurements file's, which the title names (it said
# "published measurements" of them: validation_runs.rows_of 'file')
expect_exit 0 "its title: each row's profile by its version" -- \
	grep -q "Model against the rows of $tmpd/onechip.csv (profiles by version, validation run 1)" "$tmpd/one.txt"
expect_exit 0 "its x axis: the file's figures" -- \
	grep -q "tokens/s, as the file gives them" "$tmpd/one.txt"
expect_exit 0 "validate one row under --profile trtllm-0.15" -- "$RL" validate \
	--measurements "$tmpd/onechip.csv" --profile trtllm-0.15 --db "$tmpd/onep.db"
expect_exit 0 "validation plot of it" -- "$RL" plot validation \
	--db "$tmpd/onep.db" --term dumb --out "$tmpd/onep.txt"
expect_exit 0 "its title names the profile" -- \
	grep -q "Model against the rows of $tmpd/onechip.csv (profile trtllm-0.15, validation run 1)" "$tmpd/onep.txt"
# the shipped rows' run (no --measurements): "published measurements", as
# published on the x axis
expect_exit 0 "validate the shipped rows into a database" -- "$RL" validate \
	--db "$tmpd/shipped.db"
expect_exit 0 "validation plot of the shipped rows" -- "$RL" plot validation \
	--db "$tmpd/shipped.db" --term dumb --out "$tmpd/shipped.txt"
expect_exit 0 "its title: published measurements" -- \
	grep -q "Model against published measurements (profiles by version, validation run 1)" "$tmpd/shipped.txt"
expect_exit 0 "its x axis: as published" -- \
	grep -q "tokens/s, as published" "$tmpd/shipped.txt"
# (reports74) a value validate never writes in validation_runs.rows_of
# or measurements_file (a database changed by hand) was drawn as "whose
# rows not recorded", where the report refuses it (exit 2): the plot
# refuses it too, naming the file, the column, the run and what it holds
if have sqlite3 "rows_of changed by hand"; then
	for c in "rows_of = 'mine'|rows_of of validation run 1 holds other text, where rooflab validate writes 'shipped' or 'file'" \
		"rows_of = x'6d'|rows_of of validation run 1 holds a blob, where rooflab validate writes 'shipped' or 'file'" \
		"measurements_file = 'x.csv'|measurements_file of validation run 1 holds a name beside rows_of 'shipped', where rooflab validate writes NULL"; do
		cp "$tmpd/shipped.db" "$tmpd/rowsof.db"
		sqlite3 "$tmpd/rowsof.db" "UPDATE validation_runs SET ${c%%|*}"
		expect_exit 2 "plot validation of validation_runs.${c%%|*}" -- "$RL" plot validation \
			--db "$tmpd/rowsof.db" --term dumb --out "$tmpd/rowsof.txt"
		expect_err "rowsof\.db: cannot read: validation_runs\.${c#*|}" \
			"the plot names validation_runs.${c%%|*}"
	done
	# a run from before the columns (rows_of NULL): drawn, not recorded
	cp "$tmpd/shipped.db" "$tmpd/rowsof.db"
	sqlite3 "$tmpd/rowsof.db" "UPDATE validation_runs SET rows_of = NULL"
	expect_exit 0 "plot validation of a run that records no rows_of" -- "$RL" plot validation \
		--db "$tmpd/rowsof.db" --term dumb --out "$tmpd/rowsof.txt"
	expect_exit 0 "its x axis: source not recorded" -- \
		grep -q "source not recorded" "$tmpd/rowsof.txt"
fi

# --at names the slice a count was made on: a heatmap whose --y is held by
# --at at one value has 1 of it there (3 of scenario.batch: 8, 64, 256),
# and the refusal says "at power.vector_pj_per_op=3", where it read as the
# run's own count.  Pareto's title with eight --at values comes out whole,
# its last words kept (its buffer is sized from its parts: 2100 bytes
# could cut the longest; this one, about 500, fitted before too)
cat >"$tmpd/eight.ini" <<'EOF'
[base]
scenario = etched-bench
chip = sohu-design
profile = etched-claim
[axes]
design.density_mtr_per_mm2 = 98.3, 120
design.energy_overhead = 1.5, 2
design.hbm_stack_gbps = 1200, 1300
design.frac_vector = 0.05, 0.07
design.frac_other = 0.2, 0.25
power.hbm_idle_w_per_gb = 0.1, 0.2
power.clocked_mw_per_mm2_ghz = 50, 60
power.vector_pj_per_op = 2, 3
scenario.batch = 8, 64, 256
[outputs]
keep = throughput.output_tokens_per_s, power.watts, latency.tpot_s
EOF
expect_exit 0 "sweep of nine axes" -- "$RL" sweep "$tmpd/eight.ini" --db "$tmpd/eight.db"
expect_exit 2 "heatmap on an axis --at holds" -- "$RL" plot heatmap --db "$tmpd/eight.db" \
	--x scenario.batch --y power.vector_pj_per_op --at power.vector_pj_per_op=3 \
	--term dumb --out "$tmpd/h8.txt"
expect_err "eight\.db: run 1 at power\.vector_pj_per_op=3 has 3 values of scenario\.batch \(sequences\) and 1 of power\.vector_pj_per_op \(pJ\); a heatmap needs at least 2 of each \(run 1 at power\.vector_pj_per_op=3 sweeps " \
	"too few values: the --at slice named"
expect_exit 0 "pareto at eight --at values" -- "$RL" plot pareto --db "$tmpd/eight.db" \
	--x scenario.batch --y latency.tpot_s --at design.density_mtr_per_mm2=120 \
	--at design.energy_overhead=2 --at design.hbm_stack_gbps=1300 \
	--at design.frac_vector=0.07 --at design.frac_other=0.25 \
	--at power.hbm_idle_w_per_gb=0.2 --at power.clocked_mw_per_mm2_ghz=60 \
	--at power.vector_pj_per_op=3 --term dumb --out "$tmpd/p8.txt"
if tr '\n' ' ' <"$tmpd/p8.txt" | tr -s ' ' | grep -q "sweep run 1 at design\.density_mtr_per_mm2=120, .* power\.vector_pj_per_op=3: 1 of 3 design points on the frontier (less scenario\.batch, less latency\.tpot_s)"; then
	echo "ok - pareto's title with eight --at values whole"
else
	echo "not ok - pareto's title with eight --at values cut"; fails=$((fails + 1))
fi

# --at on an axis a sampled run drew from a range: each value is about one
# point's (Sobol draws 64 distinct values of chip.hbm_tbps from 1-8), so
# the slice holds 1 of 64 points, and the refusal says so with the --at
# (it said "1 value of ..." as if of the run)
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 1:8:1\nscenario.batch = 1:64:1\nscenario.tp = 1, 2\n[sampling]\nmethod = sobol\nseed = 3\ncount = 64\n' >"$tmpd/sob.ini"
expect_exit 0 "a Sobol sample of 64" -- "$RL" sweep "$tmpd/sob.ini" --db "$tmpd/sob.db"
if have sqlite3 "the Sobol sample's points"; then
	v=$(sqlite3 "$tmpd/sob.db" "SELECT chip_hbm_tbps FROM points WHERE idx = 0")
	expect_exit 2 "heatmap at one drawn value" -- "$RL" plot heatmap --db "$tmpd/sob.db" \
		--x scenario.tp --y scenario.batch --at "chip.hbm_tbps=$v" --term dumb --out "$tmpd/sob.txt"
	expect_err "run 1 at chip\.hbm_tbps=[0-9.]+ has 1 value of scenario\.tp \(chips\) and 1 of scenario\.batch .*; --at leaves 1 of the run's 64 points \(run 1 is a sobol sample: a value drawn from an axis's range is about one point's\)$" \
		"a drawn axis under --at: the slice's one point said"
fi

# a side's label (a cell of claim_runs, edited by hand) holding "]]>" and a
# byte that begins no UTF-8 sequence (fuzz3): gnuplot writes '>' as it is,
# and "]]>" in an SVG's text is no well-formed XML (a browser refuses the
# file); the byte was copied into the SVG and the text plot, neither then
# UTF-8.  The SVG parses as XML, the label's text as "]]&gt;"; the byte
# is '?' in both
cp "$db" "$tmpd/label.db"
sqlite3 "$tmpd/label.db" "UPDATE claim_runs SET a_label = 'x ]]> ' || CAST(x'ff' AS TEXT) || ' y'"
expect_exit 0 "batch of a label holding ]]> and a byte 0xff" -- "$RL" plot batch \
	--db "$tmpd/label.db" --out "$tmpd/o/label.svg"
expect_exit 0 "its SVG is well-formed XML in UTF-8" -- python3 -c '
import sys, xml.etree.ElementTree as ET
ET.fromstring(open(sys.argv[1], "rb").read().decode("utf-8"))' "$tmpd/o/label.svg"
expect_exit 0 "the label's text in it: x ]]&gt; ? y" -- grep -q "x \]\]&gt; ? y" "$tmpd/o/label.svg"
expect_exit 0 "the text plot of it" -- "$RL" plot batch --db "$tmpd/label.db" --term dumb
cp "$tmpd/out" "$tmpd/label.txt"
expect_out "x \]\]> \? y" "the text plot shows the label, the byte as ?"
expect_exit 0 "the text plot is UTF-8" -- python3 -c '
import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$tmpd/label.txt"

# a label holding U+FFFE (bytes EF BF BE), a noncharacter that XML 1.0's
# Char production leaves out: copied into the SVG, the file did not parse
# (expat: "not well-formed (invalid token)"); it is '?' now, as a byte
# that begins no UTF-8 sequence is, and so is the C0 control 01 (it was
# a space), and minidom parses the file
cp "$db" "$tmpd/nonchar.db"
sqlite3 "$tmpd/nonchar.db" "UPDATE claim_runs SET a_label = 'p ' || CAST(x'efbfbe' AS TEXT) || ' q' || CAST(x'01' AS TEXT) || 'r'"
expect_exit 0 "batch of a label holding U+FFFE" -- "$RL" plot batch \
	--db "$tmpd/nonchar.db" --out "$tmpd/o/nonchar.svg"
expect_exit 0 "its SVG parses with xml.dom.minidom" -- python3 -c '
import sys, xml.dom.minidom
xml.dom.minidom.parse(sys.argv[1])' "$tmpd/o/nonchar.svg"
expect_exit 0 "the label's text in it: p ? q?r (the control byte 01 too)" -- grep -q "p ? q?r" "$tmpd/o/nonchar.svg"
expect_exit 1 "no EF BF BE left in it" -- grep -q "$(printf '\357\277\276')" "$tmpd/o/nonchar.svg"

# (ux24) heatmap's --help says what it draws with no --z: the speedup,
# else output tokens/s (plots/heatmap.c's guess), where it said "default
# the speedup" alone; a sweep with no [baseline] has no speedup column,
# and its heatmap colours the system's output tokens/s over the first two
# swept parameters in the parameter table's order (chip.hbm_tbps before
# scenario.batch), no target contour
expect_exit 0 "plot --help, heatmap" -- "$RL" plot --help
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/help2"
expect_exit 0 "heatmap's help names its default --z and axes" -- grep -q \
	"heatmap an output (--z; default the speedup, else output tokens/s) over two swept parameters (--x, --y; default the first two swept) with the target contour where --z is a speedup," \
	"$tmpd/help2"
cat >"$tmpd/nobase.ini" <<'EOS'
[base]
chip = h100-sxm
model = llama3-8b
[axes]
scenario.batch = 8, 64
chip.hbm_tbps = 2, 3
EOS
expect_exit 0 "a sweep with no baseline" -- "$RL" sweep "$tmpd/nobase.ini" \
	--db "$tmpd/nobase.db" --threads 1
if have gnuplot "a heatmap with no --z"; then
	expect_exit 0 "its heatmap with no --z" -- "$RL" plot heatmap \
		--db "$tmpd/nobase.db" --term dumb
	expect_out "^ *throughput\.output_tokens_per_s \(tokens/s\) over chip\.hbm_tbps \(TB/s\) and scenario\.batch \(sequences\) *$" \
		"its title: output tokens/s over chip.hbm_tbps and scenario.batch"
fi

# (small69) SQLite's double-quoted-string fallback is off on every
# connection rooflab opens (config/dbfile.c rl_db_open): a crafted results
# view whose run_profile is a misspelt "r.profil" read, with it on, as the
# text 'r.profil' at every point, and the plot and the report were drawn
# from it (exit 0); now the file and the column are named, exit 2
if have sqlite3 "a view with a misspelt column"; then
	cp "$tmpd/nobase.db" "$tmpd/dqs.db"
	sqlite3 "$tmpd/dqs.db" 'DROP VIEW results; CREATE VIEW results AS
		SELECT p.*, r.chip AS run_chip, r.model AS run_model, r.scenario AS
		run_scenario, "r.profil" AS run_profile FROM points p JOIN runs r
		ON r.id = p.run_id'
	if have gnuplot "heatmap of a view with a misspelt column"; then
		expect_exit 2 "heatmap of a view with a misspelt column" -- "$RL" \
			plot heatmap --db "$tmpd/dqs.db" --term dumb
		expect_err "^rooflab plot: .*dqs\.db: cannot read: no such column: r\.profil$" \
			"heatmap: the misspelt column named, not read as text"
	fi
	expect_exit 2 "report of a view with a misspelt column" -- "$RL" \
		report --db "$tmpd/dqs.db" --out "$tmpd/dqs.md" --no-plots
	expect_err "^rooflab report: .*dqs\.db: cannot read: no such column: r\.profil$" \
		"report: the misspelt column named, not read as text"
fi

finish
