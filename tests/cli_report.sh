#!/bin/sh
# cli_report.sh: `rooflab report`: HTML and Markdown from a small database
# made here by hand (tests/tools/mkplotdb.c) hold every section, the verdict
# numbers of the database and its plots; without gnuplot the report is still
# written, with tables; bad input exits 2.  The HTML is opened in headless
# Chromium and the screenshot must not be blank (decoded by
# tests/tools/pngstat.c, which make builds with zlib); where Chromium is
# not installed that one check says "skipped".
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
# databases are changed by hand with sqlite3 throughout: without it the
# file says so and stops
have sqlite3 "cli_report.sh: the databases changed by hand" || finish

plot_dbs
db=$tmpd/full.db
mkdir "$tmpd/o" "$tmpd/md" "$tmpd/np"

# report_altered SRC NAME CODE TEST SQL: $tmpd/NAME.db, a copy of the
# database SRC with SQL run on it, reported (--no-plots) to
# $tmpd/md/NAME.md; the report must exit CODE (the check named TEST)
report_altered() {
	cp "$1" "$tmpd/$2.db"
	sqlite3 "$tmpd/$2.db" "$5"
	expect_exit "$3" "$4" -- "$RL" report --db "$tmpd/$2.db" \
		--out "$tmpd/md/$2.md" --no-plots
}

# has FILE NAME TEXT: the file contains TEXT (fixed string)
has() {
	if grep -qF -- "$3" "$1"; then
		echo "ok - $2"
	else
		echo "not ok - $2 (no '$3' in $(basename "$1"))"
		fails=$((fails + 1))
	fi
}
# lacks FILE NAME PATTERN: no line of the file matches PATTERN (grep's
# basic regular expression)
lacks() {
	if grep -q -- "$3" "$1"; then
		echo "not ok - $2 ('$3' in $(basename "$1"))"
		fails=$((fails + 1))
	else
		echo "ok - $2"
	fi
}
# sections FILE LABEL: every section heading of the report is in FILE,
# as a heading (an HTML <h2> or a Markdown "## " line), not the contents'
# link alone: the contents said "Validation against measurements" above a
# section still headed "Validation against published measurements"
sections() {
	for s in "Verdict" "Where the speedup comes from" "Assumptions" \
		"Other claims" "Sensitivity" "Serving: roofline and batching" \
		"Design space (sweeps)" \
		"Validation against measurements" "Provenance"; do
		has "$1" "$2 has section '$s'" "$s"
		case $1 in
		*.html) has "$1" "$2 has the heading '$s'" "\">$s</h2>" ;;
		*) if grep -qxF -- "## $s" "$1"; then
			echo "ok - $2 has the heading '$s'"
		else
			echo "not ok - $2 has no line '## $s'"
			fails=$((fails + 1))
		fi ;;
		esac
	done
}

html=$tmpd/o/report.html
# a TMPDIR that is not there: each figure is a note, and the warning names
# the temporary file and why (it said "cannot create a temporary file")
if have gnuplot "figures with TMPDIR not there"; then
	expect_exit 0 "HTML report with TMPDIR not there" -- env \
		TMPDIR="$tmpd/none" "$RL" report --db "$db" --out "$tmpd/o/nt.html"
	expect_err "plot factors omitted: cannot create a temporary file .*/none/rooflab-report\.svg\.tmp-PID: No such file or directory" \
		"the warning names the temporary file and why"
fi
expect_exit 0 "HTML report" -- "$RL" report --db "$db" --out "$html"
expect_out "wrote .*report.html" "HTML report: says where it is"
sections "$html" "HTML"
# the numbers of the hand-made database (mkplotdb.c) in plain words, each
# speedup to two decimals as claim's text prints them (17.5 -> 17.50x)
has "$html" "verdict: speedup under the assumptions" "the model gives 17.50x"
has "$html" "verdict: 90% interval from claim_mc" "11.20x to 24.90x"
has "$html" "verdict: probability of 20x from claim_mc" "reaching 20x is 23.0%"
# 17.5x inside 11.2x .. 24.9x: nothing said; with the 95th percentile at
# 16 the speedup under the stated assumptions lies above its own interval,
# said at the interval
lacks "$html" "verdict: no word on the interval when inside it" "stated assumptions lies"
if command -v sqlite3 >/dev/null 2>&1; then
	report_altered "$db" p95 0 "report, speedup above its interval" \
		"UPDATE claim_mc SET p50 = 14, p95 = 16 WHERE run_id = 1"
	has "$tmpd/md/p95.md" "verdict: the speedup above its own interval said" \
		"90% interval: 11.20x to 16.00x (median 14.00x)"
	has "$tmpd/md/p95.md" "verdict: and why, in a word" \
		"; the speedup under the stated assumptions lies above it: the assumption ranges reach further below the stated values than above them"
else
	echo "ok - skipped: sqlite3 is not installed"
fi
has "$html" "verdict: what must be true, levers together" \
	"20x needs about 9.0-11.5 PFLOPS FP8 per chip at 90% utilization."
has "$html" "verdict: what must be true, one lever" \
	"20x needs at least 7.5 TB/s of HBM bandwidth per chip [b.chip.hbm_tbps]."
has "$html" "verdict: what cannot be true, capitalised" \
	"Share of the die in MAC arrays cannot reach 20x"
lacks "$html" "verdict: no raw solver words" "would have to be"
has "$html" "factors: the product of the factors" "17.5"
# each factor and running product to three decimals, as claim's text gives
# them (x   1.000): by hand, 2.5 x 1.4 x 2.0 x 2.5 = 17.5, then x 1.0; four
# significant digits wrote 2.5, 3.5, 7 and 1
has "$html" "factors: three decimals, as claim's text" \
	"<tr><td>utilization</td><td>1.400</td><td>3.500</td></tr>"
has "$html" "factors: a factor of 1 as 1.000" \
	"<tr><td>power limit</td><td>1.000</td><td>17.500</td></tr>"
# (small60) the running product and the total said beside the 20x target
# on the side of it they are on, as claim's text says its product
# (claim_factor_side): a first factor of 19.9996, the rest 1, multiplies to
# 19.9996, short of 20, which three decimals round to 20.000 (read as
# reaching it); its thousandths floored, by hand, 19.999 in the cumulative
# column and the total (the factor itself, a multiplier, as claim's text
# writes it: 20.000)
if have sqlite3 "a product just short of 20"; then
	report_altered "$db" fside 0 "report of a product just short of 20" \
		"UPDATE claim_factors SET factor = CASE ord WHEN 1 THEN 19.9996 ELSE 1 END"
	has "$tmpd/md/fside.md" "factors: the total short of 20 reads under it" \
		"| total |  | 19.999 |"
	has "$tmpd/md/fside.md" "factors: the running product short of 20 reads under it" \
		"| power limit | 1.000 | 19.999 |"
	lacks "$tmpd/md/fside.md" "factors: no product read as reaching 20" "| 20\.000 |$"
fi
has "$html" "factors: the total to three decimals" \
	"<tr><td>total</td><td></td><td>17.500</td></tr>"
# a parameter whose swing rounds to zero (17.5 .. 17.50001 at 4 digits) is
# named after the sensitivity table, not listed as a row of it
has "$html" "sensitivity: unchanged parameters named" \
	"1 parameter leaves the speedup unchanged over its range: b.chip.link_gbps."
lacks "$html" "sensitivity: no zero-swing row" "<td>b.chip.link_gbps</td>"
# each side's Monte Carlo in claim's words (claim/mcwords.h).  Sohu by
# design from claim_mc_summary (mkplotdb.c: 1000 samples, seed 7, p05 9.5,
# p50 11, p95 14, P 0.012 -> "1.2%", violations 0.05 -> "5.0%" with 10, 0,
# 5, 35 by kind, 50 not evaluable; nominal 12 with 0.7 of the samples below
# it -> the 70th percentile, the median below it; the database keeps no
# count of the not evaluable that violate too, so the words say they may
# overlap, where "area shares 35; not evaluable: 50" left it unsaid)
has "$html" "sensitivity: by design's Monte Carlo in the text's words" \
	"Monte Carlo, 1000 samples, seed 7: speedup 5th percentile 9.50x, median 11.00x, 95th percentile 14.00x; P(&gt;= 20x) = 1.2%; violating physics: 5.0% (power 10, reticle 0, HBM stacks 5, area shares 35); not evaluable: 50 (a sample may be counted above too)."
has "$html" "sensitivity: by design's nominal among its samples" \
	"The speedup at the stated values, 12.00x, sits at the 70th percentile of the samples, so the median (11.00x) is below it."
# the rows leaning the way the median moved (below the nominal): frac_mac
# 8 .. 15 reaches 12/8 = 1.50x down and 15/12 = 1.25x up (log gap 0.18);
# tdp_w 10 .. 14.4 is 1.2x either way (gap 0), not listed
has "$html" "sensitivity: by design's leaning assumption" \
	"b.design.frac_mac: 8.00x at 0.1, 15.00x at 0.4 (1.50x down, 1.25x up)."
lacks "$html" "sensitivity: an even swing is not listed as leaning" "b.chip.tdp_w: 10.00x"
if tr -d '\n' <"$html" | grep -Eq "<td>b.chip.tdp_w</td> *<td>500</td> *<td>1000</td> *<td>W</td> *<td>10.00x</td> *<td>14.40x</td>"; then
	echo "ok - sensitivity: by design's tornado row to two decimals with its unit"
else
	echo "not ok - sensitivity: by design's tornado row"; fails=$((fails + 1))
fi
# 12.0 .. 12.004 prints 12.00 at both ends: named, not a row
has "$html" "sensitivity: by design's unchanged parameter named" \
	"1 parameter leaves the speedup unchanged over its range: b.design.clock_ghz."
# side b as a version 1 file holds it (claim_mc, claim_tornado): the
# quantiles, and what the file lacks; its leaning rows from the nominal
# 17.5 (claim_runs) and the median 16.8: hbm_tbps 14 .. 21 (1.25x down,
# 1.20x up) and frac_mac 12.5 .. 19 (1.40x down, 19/17.5 = 1.09x up)
has "$html" "sensitivity: side b's Monte Carlo from claim_mc" \
	"Monte Carlo, 100000 samples, seed 42: speedup 5th percentile 11.20x, median 16.80x, 95th percentile 24.90x; P(&gt;= 20x) = 23.0%; violating physics: 4.0% (this database predates"
has "$html" "sensitivity: side b's leaning assumption from claim_tornado" \
	"b.design.frac_mac: 12.50x at 0.3, 19.00x at 0.7 (1.40x down, 1.09x up)."
# a file of claim schema version 1 (the tables of version 2 dropped):
# the report is written and says what it lacks
if have sqlite3 "a version 1 database"; then
	report_altered "$db" v1 0 "report of a version 1 database" \
		"DROP TABLE claim_mc_summary; DROP TABLE claim_tornado_sides"
	has "$tmpd/md/v1.md" "version 1: says what it lacks" \
		"This database was written before rooflab stored the by-design Monte Carlo and tornado (claim schema version 1)"
	lacks "$tmpd/md/v1.md" "version 1: no by-design Monte Carlo made up" "seed 7"
	# the same file saying claim schema version 2 (PRAGMA user_version, as
	# rooflab claim writes it) lies about its tables: the report said it
	# predates them; it fails naming the table (fuzz9)
	sqlite3 "$tmpd/v1.db" "PRAGMA user_version = 2"
	expect_exit 2 "a version 2 file without its version 2 tables" -- "$RL" report \
		--db "$tmpd/v1.db" --out "$tmpd/md/v1lie.md" --no-plots
	expect_err "v1\.db: cannot read: no table claim_mc_summary, though the file says claim schema version 2" \
		"the table its version promises is named"
fi
# quantiles, shares and tornado ends stored as NULL (a NaN as claim
# stores one): Sohu by design's 1000 samples all not evaluable, its
# quantiles, P and violation share NULL, a tornado end NULL, side b's
# median NULL: the report says "not evaluated" with the reason where the
# summary shows it (claim/mcwords.h), where it printed "nanx" and "nan%"
if have sqlite3 "NULL quantiles"; then
	report_altered "$db" nan 0 "report of NULL quantiles" \
		"UPDATE claim_mc_summary SET p05 = NULL, p50 = NULL, p95 = NULL, prob_ge_target = NULL, violation_rate = NULL, not_evaluable = samples WHERE side = 'b_by_design'; UPDATE claim_tornado_sides SET speedup_low = NULL WHERE side = 'b_by_design' AND ord = 0; UPDATE claim_mc SET p05 = NULL, p50 = NULL, p95 = NULL"
	has "$tmpd/md/nan.md" "NULL quantiles: in words with the reason" \
		"speedup quantiles not evaluated (none of the 1000 samples could be evaluated); P(\>= 20x) = n/a; violating physics: share not evaluated (power 10"
	has "$tmpd/md/nan.md" "NULL median in the verdict: in words" \
		"(median not evaluated)"
	has "$tmpd/md/nan.md" "NULL tornado end: in words" "| not evaluated |"
	lacks "$tmpd/md/nan.md" "no nanx or nan% printed" "nan[x%]"
fi
# a claim file a later rooflab wrote (claim's application_id, 0x524c434c,
# and user_version 3, past RL_CLAIM_SCHEMA_VERSION 2 of claim/schema.h):
# report and plot refuse it naming the file and both versions, as the
# writers do, where they read it without comment
if have sqlite3 "a later claim schema"; then
	report_altered "$db" v3 2 "report of a later claim schema" \
		"PRAGMA application_id = 1380729676; PRAGMA user_version = 3"
	expect_err "v3\.db holds rooflab claim schema version 3; the newest this build reads is 2" \
		"report names the later file and both versions"
	expect_exit 2 "plot of a later claim schema" -- "$RL" plot tornado \
		--db "$tmpd/v3.db" --term dumb
	expect_err "v3\.db holds rooflab claim schema version 3; the newest this build reads is 2" \
		"plot names the later file and both versions"
fi
# a cell of the sensitivity tables changed by hand (fuzz9): text where
# claim writes a number read as 0 (a p50 of 'abc' printed "p50 0.00x"), a
# real in a count column as the nearest 64-bit integer, a share of 1.5, a
# negative count; each fails the report naming table, column and side
if have sqlite3 "sensitivity cells altered"; then
	badcell() {
		report_altered "$db" cell 2 "sensitivity: $3 fails the report" \
			"$1"
		expect_err "$2" "sensitivity: $3 is named"
		[ ! -e "$tmpd/md/cell.md" ] && echo "ok - sensitivity: $3 leaves no report" ||
			{ echo "not ok - sensitivity: $3 left a report"; fails=$((fails + 1)); }
	}
	badcell "UPDATE claim_mc_summary SET p50 = 'abc'" \
		"cell\.db: cannot read: claim_mc_summary\.p50 of claim run [0-9]+, side b_by_design, holds text, where rooflab claim writes a number or NULL" \
		"text in a quantile"
	badcell "UPDATE claim_mc_summary SET not_evaluable = 1.5e300" \
		"claim_mc_summary\.not_evaluable of claim run [0-9]+, side b_by_design, holds 1\.5e\+300, not a whole number" \
		"a real in a count"
	badcell "UPDATE claim_mc_summary SET nominal_below = 1.5" \
		"claim_mc_summary\.nominal_below .* holds 1\.5, outside \[0, 1\]" \
		"a share past 1"
	# (small52) the value held in all its digits (rl_number_write), where
	# %g wrote 1.5 and 3
	badcell "UPDATE claim_mc_summary SET nominal_below = 1.2345678" \
		"claim_mc_summary\.nominal_below .* holds 1\.2345678, outside \[0, 1\]" \
		"a share past 1, in all its digits"
	badcell "UPDATE claim_mc_summary SET not_evaluable = 2.5000001" \
		"claim_mc_summary\.not_evaluable of claim run [0-9]+, side b_by_design, holds 2\.5000001, not a whole number" \
		"a real in a count, in all its digits"
	badcell "UPDATE claim_mc SET samples = -1" \
		"claim_mc\.samples of claim run [0-9]+, side b, holds -1, below 0" \
		"a negative count of version 1's claim_mc"
	# a database of schema version 2 keeps side b in claim_mc_summary,
	# which the sensitivity section reads and checks, and in claim_mc too,
	# which the verdict read unchecked: a probability of 1e300 there made
	# the verdict "Supported" with a probability of 39 digits while the
	# sensitivity section said 23.0%; claim_mc's row is checked as version
	# 1's is (the bounds [0, 1] of a share, as claim writes it)
	badcell "INSERT INTO claim_mc_summary(run_id, side, samples, seed, p05, p50, p95, prob_ge_target, violation_rate, viol_power, viol_reticle, viol_hbm_stacks, viol_area_shares, not_evaluable, nominal, nominal_below) SELECT run_id, 'b', samples, seed, p05, p50, p95, prob_ge_target, violation_rate, 0, 0, 0, 0, 0, NULL, NULL FROM claim_mc; UPDATE claim_mc SET prob_ge_target = 1e300" \
		"claim_mc\.prob_ge_target of claim run [0-9]+, side b, holds 1e\+300, outside \[0, 1\]" \
		"a probability past 1 in claim_mc beside claim_mc_summary"
	badcell "UPDATE claim_tornado SET speedup_high = x'00'" \
		"claim_tornado\.speedup_high of claim run [0-9]+, side b, holds a blob" \
		"a blob in version 1's tornado"
	# claim_mc_maps (mkplotdb writes none): a mapping whose wins are text
	# were 0 wins (and with no other row the paragraph went without a
	# word); a factor below 1 is no mapping claim searches
	badcell "INSERT INTO claim_mc_maps VALUES((SELECT max(id) FROM claim_runs), 'b_by_design', 0, 1, 1, 8, 1, 'many')" \
		"claim_mc_maps\.wins of claim run [0-9]+, side b_by_design, holds text, where rooflab claim writes a whole number" \
		"text in a mapping's wins"
	badcell "INSERT INTO claim_mc_maps VALUES((SELECT max(id) FROM claim_runs), 'b_by_design', 0, 0.5, 1, 8, 1, 3)" \
		"claim_mc_maps\.tp of claim run [0-9]+, side b_by_design, holds 0\.5, below 1" \
		"a mapping's tp below 1"
	# a factor that is not whole is no mapping claim searches either: TP1.5
	# read "TP2" (rl_mapping_words' %.0f), a mapping that did not win
	badcell "INSERT INTO claim_mc_maps VALUES((SELECT max(id) FROM claim_runs), 'b_by_design', 0, 1.5, 1, 8, 1, 3)" \
		"claim_mc_maps\.tp of claim run [0-9]+, side b_by_design, holds 1\.5, not a whole number" \
		"a mapping's tp not whole"
	badcell "UPDATE claim_tornado_sides SET low = 'x' WHERE param = 'b.chip.tdp_w'" \
		"claim_tornado_sides\.low of claim run [0-9]+, side b_by_design, holds text" \
		"text at a tornado row's end"
	# (small57) claim_runs.target outside claim's --target range [1e-06,
	# 1e9] (cli/claimargs.c, claim/claimspec.c's speedup row), or text:
	# each silently became 20x ("Is Sohu 20x as fast" of a run aimed at
	# 0.5x); the report fails naming table, column, value and the range
	# (a NULL the schema refuses: target REAL NOT NULL)
	for t in "0|0" "-1|-1" "1e300|1e\\+300" "'abc'|text"; do
		report_altered "$db" tgt 2 "claim_runs.target ${t%%|*} fails the report" \
			"UPDATE claim_runs SET target = ${t%%|*}"
		expect_err "tgt\.db: cannot read: claim_runs\.target of claim run [0-9]+ holds ${t#*|}, where rooflab claim writes a speedup target within \[0\.000001, 1000000000\]" \
			"claim_runs.target ${t%%|*} is named with the range"
	done
	# the range's ends themselves are targets claim takes
	report_altered "$db" tgt 0 "claim_runs.target 1e9 reports" \
		"UPDATE claim_runs SET target = 1e9"
	has "$tmpd/md/tgt.md" "claim_runs.target 1e9 kept" "1000000000x"
	# (small57) an end of a tornado row NULL: claim writes each end of a
	# parameter's range, a finite number it read from the uncertainty
	# file, never a NaN; the report printed "7.32x at nan" in the lean
	# list and "nan" in the table; it fails naming table, column and side
	badcell "UPDATE claim_tornado_sides SET low = NULL WHERE param = 'b.chip.tdp_w'" \
		"claim_tornado_sides\.low of claim run [0-9]+, side b_by_design, holds NULL, where rooflab claim writes a number \(a database" \
		"NULL at a tornado row's low end"
	badcell "UPDATE claim_tornado SET high = NULL" \
		"claim_tornado\.high of claim run [0-9]+, side b, holds NULL, where rooflab claim writes a number \(a database" \
		"NULL at a version 1 tornado row's high end"
	# (review50) an end infinite (9e999, read by SQLite as inf): claim
	# writes the finite range it read, as NULL above; the report printed
	# "25.96x at inf TFLOPS" in the lean list and "inf" in the table
	badcell "UPDATE claim_tornado_sides SET high = 9e999 WHERE param = 'b.chip.tdp_w'" \
		"claim_tornado_sides\.high of claim run [0-9]+, side b_by_design, holds inf, where rooflab claim writes a finite number \(a database" \
		"inf at a tornado row's high end"
	badcell "UPDATE claim_tornado SET low = -9e999" \
		"claim_tornado\.low of claim run [0-9]+, side b, holds -inf, where rooflab claim writes a finite number \(a database" \
		"-inf at a version 1 tornado row's low end"
	# speedups NULL (a NaN, as claim stores one) at both ends of clock_ghz,
	# whose 12.0 .. 12.004 was named unchanged: not unchanged now
	report_altered "$db" nul 0 "sensitivity: NULL speedups report" \
		"UPDATE claim_tornado_sides SET speedup_low = NULL, speedup_high = NULL WHERE param = 'b.design.clock_ghz'"
	lacks "$tmpd/md/nul.md" "sensitivity: NULL speedups are not named unchanged" \
		"unchanged over its range: b.design.clock"
	# but listed, mkplotdb's 1 to 1.83 GHz, each end's speedup not evaluated
	has "$tmpd/md/nul.md" "sensitivity: NULL speedups listed as not evaluated" \
		"| b.design.clock\\_ghz | 1 | 1.83 | GHz | not evaluated | not evaluated |"
	# more mappings than claim keeps (300 rows of TP2 x PP1 x DP4, 3 wins each,
	# for side b by design, 3 of 900 = 0.3%): the list ends in ", ..." at
	# a whole mapping, where its 1400-byte buffer cut it mid-word
	report_altered "$db" maps 0 "sensitivity: 300 mappings more report" \
		"WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 299) INSERT INTO claim_mc_maps SELECT (SELECT max(id) FROM claim_runs), 'b_by_design', i, 2, 1, 4, 1, 3 FROM c"
	has "$tmpd/md/maps.md" "sensitivity: a long list of mappings ends at a whole one" \
		"TP2 x PP1 x DP4 in 0.3% (3), TP2 x PP1 x DP4 in 0.3% (3), ..."
	# a claim takes up to 64 parameters (CLAIM_UNC_MAX): 64 flat ones
	# (mkplotdb's clock_ghz and 63 of 27 characters, 18 + 63 x 29 = 1845
	# bytes with the commas) are named every one, where a 1200-byte buffer
	# cut the list mid-name
	report_altered "$db" flat 0 "sensitivity: 64 unchanged parameters report" \
		"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 63) INSERT INTO claim_tornado_sides SELECT (SELECT max(id) FROM claim_runs), 'b_by_design', 10 + i, printf('b.flat.longparametername%03d', i), 1, 2, '', 12.0, 12.0 FROM c"
	want="64 parameters leave the speedup unchanged over their range: b.design.clock\\_ghz"
	for i in $(seq 1 63); do want="$want, b.flat.longparametername$(printf '%03d' "$i")"; done
	has "$tmpd/md/flat.md" "sensitivity: 64 unchanged parameters named whole" "$want."
	# more rows than a claim writes (299 flat ones and clock_ghz, by hand):
	# the room of 64 names of 96 bytes (6272 bytes and ", ...") takes
	# clock_ghz (18) and names while 18 + 29 (k - 1) + 29 + 6 <= 6278, k up
	# to 215; the list ends in ", ..." after name 215, the count whole
	report_altered "$db" flat2 0 "sensitivity: 300 unchanged parameters report" \
		"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 299) INSERT INTO claim_tornado_sides SELECT (SELECT max(id) FROM claim_runs), 'b_by_design', 10 + i, printf('b.flat.longparametername%03d', i), 1, 2, '', 12.0, 12.0 FROM c"
	has "$tmpd/md/flat2.md" "sensitivity: a long list of unchanged parameters ends at a whole name" \
		"300 parameters leave the speedup unchanged over their range: b.design.clock\\_ghz, b.flat.longparametername001,"
	has "$tmpd/md/flat2.md" "sensitivity: ... after name 215" "b.flat.longparametername215, ..."
	lacks "$tmpd/md/flat2.md" "sensitivity: name 216 left out" "longparametername216"
	lacks "$tmpd/md/flat2.md" "sensitivity: no period after the ellipsis" "215, \.\.\.\."
	# a row of the table instead: mkplotdb's ends 1 and 1.83 GHz
	has "$tmpd/md/nul.md" "sensitivity: NULL speedups stay a row of the table" \
		'| b.design.clock\_ghz | 1 | 1.83 | GHz |'
fi
# cost and price apart, each named; an unknown figure is n/a
has "$html" "cost: the price column" "USD per million output tokens at price"
has "$html" "cost: the cost column" "USD per million output tokens at cost"
if tr -d '\n' <"$html" | grep -Eq "33625</td> *<td>1\.68</td> *<td>3513</td> *<td>0\.263</td>" &&
	tr -d '\n' <"$html" | grep -Eq "30000</td> *<td>n/a</td> *<td>n/a</td> *<td>n/a</td>"; then
	echo "ok - cost: price and cost per side, n/a where unknown"
else
	echo "not ok - cost table rows"; fails=$((fails + 1))
fi
has "$html" "assumptions: a source" "third-party guesses 4.8 or 6.03 TB/s"
has "$html" "claims: text is escaped" \
	"&lt;b&gt;one chip&lt;/b&gt; &amp; 100T parameters"
# and in Markdown: a claim's '&' before an entity's name (CommonMark reads
# "&copy;" as the copyright sign), '~' (GitHub's Markdown strikes "~~x~~"
# through), '|' inside a table's cell, '*', '<' and '>' each
# backslash-escaped, by hand; '&' and '~' went out bare
report_altered "$db" esc 0 "claims: a Markdown report of a claim holding markup" \
	"UPDATE claim_claims SET claim = '<b>one chip</b> & 100T | &copy; ~~x~~ *y*' WHERE claim LIKE '<b>%'"
has "$tmpd/md/esc.md" "claims: Markdown escapes & ~ | * < >" \
	'| \<b\>one chip\</b\> \& 100T \| \&copy; \~\~x\~\~ \*y\* | seed 001 |'
# the verdict's items read from the run's JSON: the samples at the claimed
# utilization and the ranges narrowed, by hand as claim writes them (a
# tenth's P 0.686 is 68.6%, the half's 0.031 3.1%, the top range's 0.099
# 9.9%); a probability no run writes (a database changed by hand: over 1,
# below 0, 1e308) is not printed as one ("inf%", "150.0%" and "-20.0%"
# stood in the verdict): the item, or the top range's clause, left out as
# where the run wrote none
rob='{"narrowed":[{"fraction":1,"samples":1000,"p50":13.16,"prob_ge_target":0.012},{"fraction":0.5,"samples":1000,"p50":16.55,"prob_ge_target":HALF},{"fraction":0.25,"samples":1000,"p50":18.72,"prob_ge_target":0.118},{"fraction":0.1,"samples":1000,"p50":20.25,"prob_ge_target":0.686}],"most_moving":{"param":"b.profile.eff_compute","unit":"","low":0.84,"high":0.905,"fraction":0.1,"p50":14.52,"prob_ge_target":TOP,"next_param":"b.profile.attn_overlap","next_prob_estimated":0.035}}'
giv='{"at_least":0.9,"claim":"c","source":"s","samples":76,"evaluated":1000,"share":0.076,"p05":11.9,"p50":16.2,"p95":20.3,"prob_ge_target":GIVEN}'
# robust_json HALF TOP GIVEN: the SQL that sets the run's two items
robust_json() {
	printf "UPDATE claim_runs SET json = json_set(json, '\$.verdict.range_robustness', json('%s'), '\$.verdict.at_claimed_utilization', json('%s'))" \
		"$(printf '%s' "$rob" | sed -e "s/HALF/$1/" -e "s/TOP/$2/")" \
		"$(printf '%s' "$giv" | sed "s/GIVEN/$3/")"
}
report_altered "$db" rob 0 "verdict: the run's ranges narrowed and claimed share" "$(robust_json 0.031 0.099 0.066)"
has "$tmpd/md/rob.md" "verdict: the ranges narrowed, each P" \
	"P(\\>= 20x) = 1.2% at full width (median 13.16x), 3.1% at half (16.55x), 11.8% at a quarter (18.72x), 68.6% at a tenth (20.25x); the range whose width moves P(\\>= 20x) most: b.profile.eff\\_compute, narrowed alone to a tenth (0.84 .. 0.905), the others as given: P(\\>= 20x) = 9.9%"
has "$tmpd/md/rob.md" "verdict: the samples at the claimed share, their P" \
	"90% interval 11.90x .. 20.30x, median 16.20x, P(\\>= 20x) = 6.6%."
# (ux28) the verdict's bullet is the investor's sentence alone, 750
# characters with the runs in full; those stand in the sensitivity
# section, after the same sentence
if grep -F -- "- How far the verdict moves with the width of the assumption ranges: " "$tmpd/md/rob.md" | grep -q "(the sensitivity section gives each width)\.$" &&
	! grep -F -- "- How far the verdict moves" "$tmpd/md/rob.md" | grep -qF "In full" &&
	sed -n '/^## Sensitivity/,/^## /p' "$tmpd/md/rob.md" | grep -F "How far the verdict moves with the width of the assumption ranges: " | grep -qF ". In full, every range narrowed toward its stated value"; then
	echo "ok - verdict: the ranges' sentence alone; the sensitivity section has the runs in full"
else
	echo "not ok - verdict or sensitivity: the ranges' runs in full"; grep -F "How far the verdict moves" "$tmpd/md/rob.md" | cut -c1-300 | sed 's/^/    /'; fails=$((fails + 1))
fi
for p in 1e308 1.5 -0.2; do
	report_altered "$db" robbad 0 "verdict: a run's P of $p at half width" "$(robust_json "$p" 0.099 0.066)"
	lacks "$tmpd/md/robbad.md" "verdict: no ranges narrowed with a P of $p" "narrowed toward its stated value"
	report_altered "$db" robbad 0 "verdict: a run's top range's P of $p" "$(robust_json 0.031 "$p" 0.066)"
	has "$tmpd/md/robbad.md" "verdict: the ranges narrowed without the top range's P of $p" \
		"68.6% at a tenth (20.25x)."
	lacks "$tmpd/md/robbad.md" "verdict: no top range with a P of $p" "moves P(\\\\>= 20x) most"
	report_altered "$db" robbad 0 "verdict: a run's P of $p at the claimed share" "$(robust_json 0.031 0.099 "$p")"
	lacks "$tmpd/md/robbad.md" "verdict: no line at the claimed share with a P of $p" "share stated in"
done
# (review39) a width's fraction outside (0, 1] (0, -0.5, 1.5, 1e308: a
# database changed by hand; claim writes 1, 0.5, 0.25, 0.1) is no share
# of a range, where "1.5 of" or "1e+308 of" stood in the verdict: a
# narrowed range's leaves the item out, the top range's its clause alone
for f in 0 -0.5 1.5 1e308; do
	report_altered "$db" robfrac 0 "verdict: a run's half-width fraction of $f" \
		"$(robust_json 0.031 0.099 0.066 | sed "s/\"fraction\":0\.5,/\"fraction\":$f,/")"
	lacks "$tmpd/md/robfrac.md" "verdict: no ranges narrowed with a fraction of $f" "narrowed toward its stated value"
	report_altered "$db" robfrac 0 "verdict: a run's top range's fraction of $f" \
		"$(robust_json 0.031 0.099 0.066 | sed "s/\"fraction\":0\.1,\"p50\":14\.52/\"fraction\":$f,\"p50\":14.52/")"
	has "$tmpd/md/robfrac.md" "verdict: the ranges narrowed without the top range's fraction of $f" \
		"68.6% at a tenth (20.25x)."
	lacks "$tmpd/md/robfrac.md" "verdict: no top range with a fraction of $f" "moves P(\\\\>= 20x) most"
done
# the commands the report gives to run (the provenance's that writes it
# again, the verdict's and the validation section's) name their files as
# sh reads them back (rl_sh_word, as merge's and sweep's resume commands):
# a database and an --out whose names hold a blank, a ';' and a quote are
# single-quoted (a quote as '\''), where they stood bare and a command,
# pasted, split the name and ran what followed the ';'
cp "$db" "$tmpd/my db;x'y.db"
expect_exit 0 "report of a database whose name needs quotes" -- "$RL" report \
	--db "$tmpd/my db;x'y.db" --out "$tmpd/md/a b.html" --no-plots
has "$tmpd/md/a b.html" "provenance: the command's files quoted for sh" \
	"Reproduce with: rooflab report --db '$tmpd/my db;x'\\''y.db' --out '$tmpd/md/a b.html'"
has "$tmpd/md/a b.html" "verdict: the claim command's file quoted for sh" \
	"rerun rooflab claim --db '$tmpd/my db;x'\\''y.db' to have it said."
# and, in a database with no validation run, the verdict's and the
# validation section's validate command
report_altered "$db" "nv db;x" 0 "report of a database with no validation run" \
	"DROP TABLE validation_runs"
has "$tmpd/md/nv db;x.md" "verdict: the validate command's file quoted for sh" \
	"(rooflab validate --db '$tmpd/nv db;x.db' adds one)"
has "$tmpd/md/nv db;x.md" "validation: the validate command's file quoted for sh" \
	"make one with: rooflab validate --db '$tmpd/nv db;x.db'"
has "$html" "validation: the profile" "profile trtllm-0.10"
has "$html" "provenance: the version" "$("$RL" --version | awk '{print $2}')"
has "$html" "provenance: the git revision row" "git revision"
if have gnuplot "the HTML's 8 plots inlined as SVG"; then
	n=$(grep -c '<svg' "$html")
	if [ "$n" -eq 8 ]; then
		echo "ok - HTML inlines the 8 plots as SVG"
	else
		echo "not ok - HTML has $n inline SVGs, expected 8"; fails=$((fails + 1))
	fi
fi
if grep -Eq '(src|href)="(https?:)?//|<link|@import|<script' "$html"; then
	echo "not ok - HTML refers to the network or scripts"
	fails=$((fails + 1))
else
	echo "ok - HTML is self-contained"
fi
lacks "$html" "SVG prologs dropped" '<?xml'

md=$tmpd/md/report.md
expect_exit 0 "Markdown report" -- "$RL" report --db "$db" --out "$md"
sections "$md" "Markdown"
has "$md" "Markdown: verdict" "23.0%"
if have gnuplot "the Markdown report's plots"; then
	has "$md" "Markdown: links its factor plot" "](report-factors.svg)"
	# one file per figure: the sweep's plots carry its run (the fixture's is 1)
	for k in factors tornado distribution roofline batch heatmap-run1 pareto-run1 \
		validation; do
		f=$tmpd/md/report-$k.svg
		if [ -s "$f" ] && head -c 100 "$f" | grep -q '^<?xml'; then
			echo "ok - Markdown plot $k written as SVG"
		else
			echo "not ok - Markdown plot $k missing"; fails=$((fails + 1))
		fi
	done
fi
# the figures, drawn under temporary names, are all renamed after the report
if ls "$tmpd/md" | grep -q 'tmp-'; then
	echo "not ok - Markdown: temporaries left: $(ls "$tmpd/md" | grep tmp-)"
	fails=$((fails + 1))
else
	echo "ok - Markdown: no temporary figure left"
fi

# figures titled in words: the caption as the SVG's title, no gnuplot_plot_N
if have gnuplot "the figures titled in words"; then
	if grep -q '<title>gnuplot_plot_\|<title>Gnuplot</title>' "$tmpd/md/"*.svg "$html"; then
		echo "not ok - an SVG keeps gnuplot's own titles"; fails=$((fails + 1))
	else
		echo "ok - no gnuplot_plot_N titles in the figures"
	fi
	has "$tmpd/md/report-tornado.svg" "the tornado's SVG titled by its caption" \
		"<title>Speedup with one parameter at its low or high value</title>"
fi
# a table of contents linking every section
has "$md" "Markdown: contents" "## Contents"
has "$md" "Markdown: contents links the validation" \
	"[Validation against measurements](#validation)"
has "$md" "Markdown: the anchor the contents links to" '<a id="validation"></a>'
has "$html" "HTML: contents" '<li><a href="#sensitivity">Sensitivity</a></li>'
# validation per group (chip, version, model, precision), in-sample and
# held out in tables of their own (mkplotdb's rows: h100 fp8 fitted rows at
# +4.5% under 0.10.0 and -8.1% under 0.11.0; held out a100 fp16 +23.8% and
# h200 fp8 -4.7%, both 0.10.0)
has "$md" "validation: the in-sample table" "In-sample (the fitted chip):"
has "$md" "validation: the held-out table" "Held out (other chips):"
has "$md" "validation: h100 0.10 group in-sample" \
	"| h100-sxm | TensorRT-LLM 0.10.0 | llama3-70b | fp8 | 1 | 4.5% | 4.5% |"
has "$md" "validation: h100 0.11 group apart from 0.10" \
	"| h100-sxm | TensorRT-LLM 0.11.0 | llama3-70b | fp8 | 1 | 8.1% | 8.1% |"
has "$md" "validation: a100 group held out" \
	"| a100-sxm | TensorRT-LLM 0.10.0 | llama3-70b | fp16 | 1 | 23.8% | 23.8% |"
# the held-out table comes after its heading and holds no h100 row
sed -n '/^Held out (other chips):/,/^$/p;/^Held out (other chips):/,/^| all/p' "$md" >"$tmpd/held"
if grep -q "a100-sxm" "$tmpd/held" && grep -q "h200-sxm" "$tmpd/held" &&
	! grep -q "h100-sxm" "$tmpd/held"; then
	echo "ok - validation: no fitted row in the held-out table"
else
	echo "not ok - validation: held-out table"; fails=$((fails + 1))
fi
has "$md" "validation: a fitted row is called in-sample" "| in-sample (fitted on) |"
# each row's metric, the unit of its measured and modeled values, in a
# column of its own (mkplotdb's rows are output tokens/s); a database from
# before the column shows '-', and validate --db adds the column to it
# (small52) the measured value as given, in all its digits, and the
# model's figure by eval's rule, as validate's table writes them:
# mkplotdb's 5835.57 measured and 6100 modelled (a whole number whole,
# where small52's one decimal from 100 wrote 6100.0), where "%.5g" wrote
# 5835.6 and 6100
has "$md" "validation: the metric column" \
	"| h100-128-128 | h100-sxm | llama3-70b | fp8 | 128/128 | 2 | output\\_tokens\\_per\\_s | 5835.57 | 6100 |"
if have sqlite3 "the validation's metric column"; then
	"$RL" claim --samples 0 --no-design --db "$tmpd/nometric.db" >/dev/null &&
		"$RL" validate --db "$tmpd/nometric.db" >/dev/null
	sqlite3 "$tmpd/nometric.db" "ALTER TABLE validation DROP COLUMN metric"
	expect_exit 0 "report of a database from before the metric column" -- \
		"$RL" report --db "$tmpd/nometric.db" --out "$tmpd/md/nometric.md" --no-plots
	has "$tmpd/md/nometric.md" "validation: no metric stored, '-'" \
		"| trtllm010-h100-llama3-70b-fp8-tp2-128-128 | h100-sxm | llama3-70b | fp8 | 128/128 | 2 | - | 5835.57 |"
	expect_exit 0 "validate --db into it" -- "$RL" validate --db "$tmpd/nometric.db"
	[ "$(sqlite3 "$tmpd/nometric.db" "SELECT count(*) FROM pragma_table_info('validation') WHERE name = 'metric'")" = 1 ] &&
		echo "ok - validate --db adds the metric column" ||
		{ echo "not ok - no metric column after validate --db"; fails=$((fails + 1)); }
fi
# a microbenchmark's row (a GEMM's TFLOPS) has no lengths and no mapping:
# validate stores 0 for them and its own table prints '-' for each
# (cli/cmd_validate.c, meas_micro), where the report wrote "0/0" and TP 0;
# a length that is NULL (a database changed by hand) is '-', where "%.0f"
# wrote "nan"; an error of 1e300 (100 * 1e300 %) is a figure, not 303
# digits cut at the cell's 95 bytes.  Expected cells by hand from the rows
# inserted: 798 and 764.2 as given, -0.0426 -> -4.3%; 1e300 -> +1e+302%
# by rl_fig_text's exponent form (report_pct, as the verdict's)
if have sqlite3 "a microbenchmark row"; then
	report_altered "$db" valmicro 0 "report of a microbenchmark row" \
		"INSERT INTO validation VALUES(1, 'gemm-x', 'h100-sxm',
		 'gemm 8192x8192x8192', 'bf16', 0, 0, 0, 798, 764.2, -0.0426, 1,
		 'PyTorch 2.11', 'tflops', 0), (1, 'nul-len', 'h100-sxm',
		 'llama3-70b', 'fp8', NULL, 128, 2, 100, 1e300, 1e300, 0,
		 'TensorRT-LLM 0.10.0', 'output_tokens_per_s', 0)"
	has "$tmpd/md/valmicro.md" "validation: a GEMM row has no ISL/OSL or TP" \
		"| gemm-x | h100-sxm | gemm 8192x8192x8192 | bf16 | - | - | tflops | 798 | 764.2 | -4.3% |"
	has "$tmpd/md/valmicro.md" "validation: a NULL length is '-'" \
		"| nul-len | h100-sxm | llama3-70b | fp8 | -/128 | 2 |"
	lacks "$tmpd/md/valmicro.md" "validation: no 'nan' for a NULL length" "nan/"
	has "$tmpd/md/valmicro.md" "validation: an error of 1e300 as a figure" \
		"| +1e+302% |"
fi
# the cost table's dollars: a chip price of 1e300 (a database changed by
# hand) was "%.0f" cut to the cell's 31 digits, another number; past 1e15
# a figure in eval's exponent form (model/figtext.h: 1e+300), below it
# whole dollars as before (mkplotdb's 3513 stays 3513)
if have sqlite3 "a price of 1e300"; then
	report_altered "$db" bigprice 0 "report of a price of 1e300" \
		"UPDATE claim_sides SET value = 1e300 WHERE side = 'a' AND name = 'cost.chip_price_usd'"
	has "$tmpd/md/bigprice.md" "costs: a price of 1e300 as a figure" \
		"| a | 1e+300 | 1.68 | 3513 | 0.263 |"
fi
# no held-out row but rows out of sample (a borrowed profile's): the note
# under "Held out" said every row was of a fitted chip "so these errors
# measure the fit, not a prediction", above the out-of-sample table that
# says its rows measure a prediction; it names them apart now
if have sqlite3 "no held-out row but out-of-sample ones"; then
	report_altered "$db" oosonly 0 "report with no held-out row but out-of-sample ones" \
		"UPDATE validation SET out_of_sample = 1 WHERE in_calibration = 0"
	lacks "$tmpd/md/oosonly.md" "validation: no 'measure the fit' over out-of-sample rows" \
		"so these errors measure the fit, not a prediction"
	has "$tmpd/md/oosonly.md" "validation: the out-of-sample rows named beside no held-out row" \
		"No held-out rows: apart from the out-of-sample rows below"
fi
# the verdict's tokens/s: side b's 1e300 (a database changed by hand) was
# "%.0f" cut at its 120-byte buffer into another number with no closing
# parenthesis; 1e15 and past in eval's exponent form (1e+300), mkplotdb's
# 23000 whole as before
if have sqlite3 "a throughput of 1e300"; then
	report_altered "$db" bigtps 0 "report of a throughput of 1e300" \
		"UPDATE claim_sides SET value = 1e300 WHERE side = 'b' AND name = 'throughput.total_tokens_per_s'"
	has "$tmpd/md/bigtps.md" "verdict: a throughput of 1e300 as a figure" \
		"(1e+300 against 23000 tokens/s, both modelled)"
fi
# the workload under the title: an input length of 1e300 in the run's
# JSON (changed by hand) was "%.0f" cut at the 300-byte buffer into
# another number; past 1e15 in eval's exponent form (1e+300), the
# claim's own 128 out whole (claim --samples 0 writes the scenario's
# osl, 128: data/scenarios/etched-bench.ini)
if have sqlite3 "an input length of 1e300" && [ -f "$tmpd/nometric.db" ]; then
	report_altered "$tmpd/nometric.db" bigisl 0 "report of an input length of 1e300" \
		"UPDATE claim_runs SET json = json_set(json, '\$.a.setup.isl', 1e300)"
	has "$tmpd/md/bigisl.md" "workload: a length of 1e300 as a figure" \
		"1e+300 tokens in and 128 out per request"
fi
if grep -q 'in-sample (fitted on) | *$' "$md" && ! grep -q "no (held out)" "$md"; then
	echo "ok - no fitted row called held out"
else
	echo "not ok - rows labelled wrongly"; fails=$((fails + 1))
fi

expect_exit 0 "report with a separate sweep database" -- "$RL" report \
	--db "$db" --sweeps "$tmpd/sweep.db" --out "$tmpd/o/two.html"
has "$tmpd/o/two.html" "separate sweeps: named in provenance" "sweep database"
# (reports78) the heatmap's caption says what it colours: mkplotdb's sweep
# has speedup_total_tokens, so the speedup and its 20x contour ("an
# output ... where it is crossed" said neither; a sweep without a
# baseline, below at small53, is the throughput)
if have gnuplot "the heatmap's caption of a sweep with a speedup"; then
	has "$tmpd/o/two.html" "a sweep's heatmap caption: the speedup and its contour" \
		"(run 1): the speedup over two swept parameters, with the 20x contour where the speedup crosses it</figcaption>"
fi
expect_exit 0 "report of a database without validation and sweeps" -- \
	"$RL" report --db "$db" --sweeps "$tmpd/empty.db" --out "$tmpd/o/ns.md"
has "$tmpd/o/ns.md" "no sweep: says which command makes one" \
	"rooflab sweep SPEC --db FILE"
# a validation run table or a results view that is there but cannot be
# read fails the report, exit 2 with why (told by PDB_UNREAD in the status),
# where one that is not there is the note above
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$db" "$tmpd/vbad.db"
	sqlite3 "$tmpd/vbad.db" "ALTER TABLE validation_runs RENAME TO vr_old;
		CREATE VIEW validation_runs AS SELECT 1 AS x;"
	expect_exit 2 "a validation_runs without its columns fails the report" -- \
		"$RL" report --db "$tmpd/vbad.db" --out "$tmpd/o/vbad.md"
	expect_err "vbad.db: cannot read: no such column: id" \
		"unreadable validation runs: the reason"
	cp "$tmpd/sweep.db" "$tmpd/sbad.db"
	sqlite3 "$tmpd/sbad.db" "ALTER TABLE results RENAME TO r_old;
		CREATE TABLE t(x); CREATE VIEW results AS SELECT x FROM t;
		DROP TABLE t;"
	expect_exit 2 "a results view over a dropped table fails the report" -- \
		"$RL" report --db "$db" --sweeps "$tmpd/sbad.db" --out "$tmpd/o/sbad.md"
	expect_err "sbad.db: cannot read: no such table: main.t" \
		"unreadable sweep results: the reason"
	# the report draws the Pareto plot whenever rooflab plot pareto would:
	# a sweep whose power column is power_w (one of the plot's names,
	# without "watts" in it) has it (the report looked for "watts" and
	# "usd" in the names alone and left it out without a word)
	if have gnuplot "a sweep's power column power_w"; then
		cp "$tmpd/sweep.db" "$tmpd/pw.db"
		sqlite3 "$tmpd/pw.db" "ALTER TABLE results RENAME COLUMN power_watts TO power_w"
		mkdir "$tmpd/pw"
		expect_exit 0 "report of a sweep with power_w" -- "$RL" report \
			--db "$db" --sweeps "$tmpd/pw.db" --out "$tmpd/pw/r.md"
		has "$tmpd/pw/r.md" "power_w: the Pareto plot is drawn" "](r-pareto-run1.svg)"
	fi
else
	echo "ok - skipped: sqlite3 is missing (needed to damage a database)"
fi

# a sweep over the workload (isl, osl) has no Pareto frontier: the report
# says why in a note, and warns of nothing
expect_exit 0 "workload sweep stored" -- "$RL" sweep "$root/sweeps/isl-osl.ini" \
	--db "$tmpd/wl.db"
expect_exit 0 "report of a workload sweep" -- "$RL" report --db "$db" \
	--sweeps "$tmpd/wl.db" --out "$tmpd/o/wl.md"
has "$tmpd/o/wl.md" "workload sweep: no Pareto, and why" \
	"No Pareto frontier: this sweep varies the workload (scenario.isl"
lacks "$tmpd/err" "workload sweep: no Pareto warning" "pareto"

# a complete run that lacks points (deleted by hand): the report says so
# where it shows the sweep, and how to fill them; the whole run says nothing
cp "$tmpd/wl.db" "$tmpd/wl-cut.db"
sqlite3 "$tmpd/wl-cut.db" "DELETE FROM points WHERE idx IN (5, 17, 300)"
expect_exit 0 "report of a complete sweep run missing 3 points" -- "$RL" report \
	--db "$db" --sweeps "$tmpd/wl-cut.db" --out "$tmpd/o/wl-cut.md"
has "$tmpd/o/wl-cut.md" "the report names the 3 missing points" \
	"Run 1 is marked complete but lacks 3 of its points"
lacks "$tmpd/o/wl.md" "a whole run: no note of missing points" "lacks .* of its points"
# a run not finished (stopped by hand at point 300: the rows 0-299 kept):
# the report says how far it got, 300 of isl-osl.ini's 19 x 19 = 361
# points, where it drew the rows stored so far as the sweep; the whole run
# says nothing
cp "$tmpd/wl.db" "$tmpd/wl-half.db"
sqlite3 "$tmpd/wl-half.db" "DELETE FROM points WHERE idx >= 300;
	UPDATE runs SET finished = NULL, next_idx = 300"
expect_exit 0 "report of a sweep run stopped at 300 points" -- "$RL" report \
	--db "$db" --sweeps "$tmpd/wl-half.db" --out "$tmpd/o/wl-half.md"
has "$tmpd/o/wl-half.md" "the report says it is not finished, 300 done" \
	"Run 1 is not finished: 300 of its 361 points done"
# with the command that completes it: the spec's path the run recorded,
# the file and --run, where it read "rooflab sweep SPEC --db FILE --resume"
has "$tmpd/o/wl-half.md" "the report names the command that completes it" \
	"rooflab sweep $root/sweeps/isl-osl.ini --db $tmpd/wl-half.db --resume --run 1 completes it"
lacks "$tmpd/o/wl.md" "a whole run: no note of an unfinished run" "is not finished"
# counts of one: a 1-point sweep marked by hand unfinished at 0 (its row
# kept, so the sweep has a row to show) is "0 of its 1 point done"; a
# validation run cut by hand to its one row is "1 row modelled"
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 2\n' >"$tmpd/one.ini"
"$RL" sweep "$tmpd/one.ini" --db "$tmpd/one.db" 2>/dev/null
sqlite3 "$tmpd/one.db" "UPDATE runs SET finished = NULL, next_idx = 0"
expect_exit 0 "report of a 1-point sweep not finished" -- "$RL" report \
	--db "$db" --sweeps "$tmpd/one.db" --out "$tmpd/o/one.md"
has "$tmpd/o/one.md" "the report says 0 of its 1 point (singular)" \
	"Run 1 is not finished: 0 of its 1 point done"
# a spec's opening comment longer than the report keeps (1500 bytes): 'x'
# and 800 'é' (1601 bytes) was cut with "..." over its last 3 bytes, which
# split an 'é' (2 bytes, at odd offsets) and printed U+FFFD (esc()'s
# replacement then for a byte that begins no character, '?' now); cut at a whole 'é'
sqlite3 "$tmpd/one.db" "UPDATE runs SET spec = '; x' || replace(hex(zeroblob(800)), '00', 'é') || char(10) || '[base]'"
expect_exit 0 "report of a sweep with a long spec comment" -- "$RL" report \
	--db "$db" --sweeps "$tmpd/one.db" --out "$tmpd/o/longabout.md" --no-plots
has "$tmpd/o/longabout.md" "a long spec comment cut at a whole character" "éé..."
lacks "$tmpd/o/longabout.md" "no U+FFFD where a long spec comment is cut" "$(printf '\357\277\275')"
# (a byte that begins no character is '?' in the report since reports78)
lacks "$tmpd/o/longabout.md" "no '?' of a split 'é' where a long spec comment is cut" 'é?\.\.\.'
# a spec comment that opens with a block marker (CommonMark 5.2, 5.3:
# "1. " an ordered list, "- " a bullet) was a paragraph that Markdown
# renders as a list, the "1." dropped: escaped at the line's start
sqlite3 "$tmpd/one.db" "UPDATE runs SET spec = '; 1. what this asks' || char(10) || '[base]'"
expect_exit 0 "report of a sweep whose comment opens with '1. '" -- "$RL" report \
	--db "$db" --sweeps "$tmpd/one.db" --out "$tmpd/o/mdlist.md" --no-plots
has "$tmpd/o/mdlist.md" "Markdown: '1. ' at a paragraph's start escaped" '1\. what this asks'
sqlite3 "$tmpd/one.db" "UPDATE runs SET spec = '; - dash first' || char(10) || '[base]'"
expect_exit 0 "report of a sweep whose comment opens with '- '" -- "$RL" report \
	--db "$db" --sweeps "$tmpd/one.db" --out "$tmpd/o/mdlist.md" --no-plots
has "$tmpd/o/mdlist.md" "Markdown: '- ' at a paragraph's start escaped" '\- dash first'
# (small82) each shipped sweep's opening comment, as the report quotes it
# (its lines joined by a space: reports/more.c, sweep_about): a path
# broken over two lines read "Sohu by design (data/chips/
# sohu-design.ini)" (sohu-mac-vs-sram.ini).  No "WORD/ " in the report,
# and every data/ or sweeps/ path in it names a file of the repository
for f in "$root"/sweeps/*.ini; do
	b=$(basename "$f" .ini)
	sqlite3 "$tmpd/one.db" "UPDATE runs SET spec = readfile('$f')"
	expect_exit 0 "report of a sweep whose spec is $b.ini" -- "$RL" report \
		--db "$db" --sweeps "$tmpd/one.db" --out "$tmpd/o/about-$b.md" --no-plots
	lacks "$tmpd/o/about-$b.md" "$b.ini: no path broken over a line in the quoted comment" \
		'[A-Za-z0-9_.-]/ '
	gone=
	for pth in $(grep -oE '(data|sweeps)/[A-Za-z0-9_\\./-]*[A-Za-z0-9]' "$tmpd/o/about-$b.md" | sed 's/\\_/_/g' | sort -u); do
		[ -f "$root/$pth" ] || gone="$gone $pth"
	done
	[ -z "$gone" ] && echo "ok - $b.ini: every path the report quotes is a file" ||
		{ echo "not ok - $b.ini: the report quotes paths of no file:$gone"; fails=$((fails + 1)); }
done
cp "$db" "$tmpd/val1.db"
sqlite3 "$tmpd/val1.db" "DELETE FROM validation WHERE id != 'h100-128-128';
	UPDATE validation_runs SET rows = 1"
expect_exit 0 "report of a validation run of 1 row" -- "$RL" report \
	--db "$tmpd/val1.db" --out "$tmpd/o/val1.md" --no-plots
has "$tmpd/o/val1.md" "the report says 1 row modelled (singular)" \
	"validation run 1 of 2026-11-22T00:00:00Z, 1 row modelled)"
# (reports78) the run's profile said once, in the section's opening: a run
# of each version's own profile (validate without --profile stores
# "versions.csv") read "(profile versions.csv, ...)", a file taken for a
# profile, and the groups' paragraph said it again ("run profile ...,
# each version served by the profile its row of
# data/profiles/versions.csv names", of a run of one profile too)
has "$md" "one profile's run: named" "(profile trtllm-0.10; validation run 1 of "
# (reports78) the table of every row says what its columns hold (the
# metric's unit in its name, the error's rule) before its first row
has "$md" "the row table's columns said" \
	"Every row of the run: the measurement's id, what ran (chip, model, precision, the input and output lengths and tensor-parallel degree of a serving row, '-' for a microbenchmark), the metric as the measurements name it, its unit in its name"
lacks "$md" "the groups do not say the profile again" "run profile"
if have sqlite3 "a run of each version's profile"; then
	report_altered "$db" versprof 0 "report of a run of each version's profile" \
		"UPDATE validation_runs SET profile = 'versions.csv'"
	has "$tmpd/md/versprof.md" "each version's profile: said in words" \
		"(each row served by its software version's profile; validation run 1 of "
	lacks "$tmpd/md/versprof.md" "... not as a profile named versions.csv" "profile versions\.csv"
	has "$tmpd/md/versprof.md" "the groups: their columns alone" \
		"Per group of rows (chip, software version, model, precision). In-sample rows"
fi
# (small82) the out-of-sample table's title named
# data/profiles/versions.csv as the file whose fitted_version made its
# rows, though validate had read --versions FILE: the run records no
# versions file (validation_runs.profile is "versions.csv" either way),
# so the title names the column of "the versions file" alone
if have sqlite3 "a validation run of a --versions file"; then
	cp "$root/tests/scope/versions.csv" "$tmpd/myversions.csv"
	"$RL" claim --samples 0 --no-design --db "$tmpd/vf.db" >/dev/null 2>&1
	expect_exit 0 "validate --versions FILE --db" -- "$RL" validate \
		--measurements "$root/tests/scope/measurements.csv" \
		--versions "$tmpd/myversions.csv" --db "$tmpd/vf.db"
	expect_exit 0 "report of a run of a --versions file" -- "$RL" report \
		--db "$tmpd/vf.db" --out "$tmpd/md/vf.md" --no-plots
	lacks "$tmpd/md/vf.md" "--versions FILE: the shipped versions file not named" \
		"data/profiles/versions"
	has "$tmpd/md/vf.md" "--versions FILE: the out-of-sample rows' versions file said in words" \
		"Out of sample (the fitted chip's rows of a version whose profile was fitted on another version's rows: the versions file's fitted\_version; they measure"
fi
# (review54) a count of rows validate never writes (a whole number from 0,
# claim/valstore.c): the report refuses the file naming the cell and its
# value (exit 2), where it said "-3 rows modelled" and, of text, "0 rows"
for c in "-3|-3" "2.5|2\.5" "'many'|text"; do
	report_altered "$db" valrows 2 "report of validation_runs.rows = ${c%%|*}" \
		"UPDATE validation_runs SET rows = ${c%%|*}"
	expect_err "valrows\.db: cannot read: validation_runs\.rows of validation run 1 holds ${c#*|}, where rooflab validate writes a whole number from 0 on" \
		"the report names validation_runs.rows = ${c%%|*}"
done

# gnuplot missing: the report is still written, with tables, and says why
expect_exit 0 "no gnuplot: report still written" -- env PATH=/nonexistent \
	"$RL" report --db "$db" --out "$tmpd/np/report.html"
expect_err "gnuplot-nox" "no gnuplot: warning names the package"
sections "$tmpd/np/report.html" "no-gnuplot HTML"
has "$tmpd/np/report.html" "no gnuplot: the page says why" "gnuplot-nox"
has "$tmpd/np/report.html" "no gnuplot: tables still there" "<table>"
lacks "$tmpd/np/report.html" "no gnuplot: no images" '<svg'
expect_exit 0 "--no-plots" -- "$RL" report --db "$db" --no-plots \
	--out "$tmpd/np/plain.md"
sections "$tmpd/np/plain.md" "--no-plots Markdown"

# bad input
expect_exit 2 "no claim run" -- "$RL" report --db "$tmpd/empty.db" \
	--out "$tmpd/bad.html"
expect_err "no claim run; make one with: rooflab claim --db" \
	"no claim run: message names rooflab claim"
# a sweep's database as --db: the message said "make one with: rooflab
# claim --db SWEEP.db", which claim refuses (not a claim database); it
# says what the file is and where it goes
cat >"$tmpd/one.ini" <<'EOF'
[base]
chip = h100-sxm
model = llama3-8b
profile = ideal
[axes]
scenario.isl = 128, 256
EOF
expect_exit 0 "a small sweep" -- "$RL" sweep "$tmpd/one.ini" --db "$tmpd/onesweep.db"
# a sweep whose profile was fitted on another chip's rows (the H200 under
# trtllm-0.10, fitted on the H100's): its section says so, as sweep said
# it and stored it (runs.profile_fit); the H100 sweep above has no note
sed 's/^chip = h100-sxm$/chip = h200-sxm/; s/^profile = ideal$//' "$tmpd/one.ini" >"$tmpd/fit.ini"
"$RL" sweep "$tmpd/fit.ini" --db "$tmpd/fitsweep.db" 2>/dev/null
expect_exit 0 "report of a sweep carried to the H200" -- "$RL" report --db "$db" \
	--sweeps "$tmpd/fitsweep.db" --out "$tmpd/md/fit.md" --no-plots
has "$tmpd/md/fit.md" "the carried profile's note in the sweep's section" \
	"Run 1's \[base\]: profile trtllm-0.10 was fitted on h100-sxm rows only ("
has "$tmpd/md/fit.md" "... in sweep's words" \
	"0 on h200-sxm): its figures here are carried from another chip, not validated on this one."
expect_exit 0 "report of the H100 sweep" -- "$RL" report --db "$db" \
	--sweeps "$tmpd/onesweep.db" --out "$tmpd/md/nofit.md" --no-plots
grep -qF "Run 1's \\[base\\]:" "$tmpd/md/nofit.md" &&
	{ echo "not ok - a note for a sweep on its profile's chip"; fails=$((fails + 1)); } ||
	echo "ok - no carried note for a sweep on its profile's chip"
# and its section is there: one.ini's run, whose one axis is scenario.isl
has "$tmpd/md/nofit.md" "the H100 sweep: its section" "### Sweep one (run 1)"
has "$tmpd/md/nofit.md" "the H100 sweep: its axis, the workload, named" \
	"No Pareto frontier: this sweep varies the workload (scenario.isl)"
# the sweep's name in its heading is its spec's by preset_stem's rule, the
# one a preset's name follows: the file name less folder and a final
# ".ini" ("Sweep one (run 1)"); a spec named ".ini" alone keeps its name
# ("Sweep .ini (run 1)"), where the report's own stripping left it empty
# ("Sweep (run 1)")
mkdir "$tmpd/stem"
cp "$tmpd/one.ini" "$tmpd/stem/.ini"
expect_exit 0 "a sweep of a spec named .ini" -- "$RL" sweep "$tmpd/stem/.ini" --db "$tmpd/stem/s.db"
expect_exit 0 "report of it" -- "$RL" report --db "$db" --sweeps "$tmpd/stem/s.db" --out "$tmpd/md/stem.md" --no-plots
has "$tmpd/md/stem.md" "a spec named .ini keeps its name in the heading" "Sweep .ini (run 1)"
expect_exit 0 "report of the sweep of one.ini" -- "$RL" report --db "$db" --sweeps "$tmpd/onesweep.db" --out "$tmpd/md/stem1.md" --no-plots
has "$tmpd/md/stem1.md" "one.ini's heading: folder and .ini off" "Sweep one (run 1)"
# the [baseline]'s note too, in the same sentence as export's on stderr
# (rl_store_fit_words): "Run 1's [baseline]: " and sweep's words, a full
# stop after them; the [base] on the H100 has none
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 128, 256\n[baseline]\nchip = h200-sxm\nmodel = llama3-8b\n' >"$tmpd/fitb.ini"
"$RL" sweep "$tmpd/fitb.ini" --db "$tmpd/fitbsweep.db" 2>/dev/null
expect_exit 0 "report of a sweep whose [baseline] is carried" -- "$RL" report --db "$db" \
	--sweeps "$tmpd/fitbsweep.db" --out "$tmpd/md/fitb.md" --no-plots
has "$tmpd/md/fitb.md" "the [baseline]'s note in the sweep's section" \
	"Run 1's \[baseline\]: profile trtllm-0.10 was fitted on h100-sxm rows only (16 serving rows of its version there, 0 on h200-sxm): its figures here are carried from another chip, not validated on this one."
grep -qF "Run 1's \\[base\\]:" "$tmpd/md/fitb.md" &&
	{ echo "not ok - a [base] note where the [base] is on the H100"; fails=$((fails + 1)); } ||
	echo "ok - no [base] note where the [base] is on the H100"
expect_exit 0 "export of that run" -- "$RL" export --db "$tmpd/fitbsweep.db" --format csv
expect_err "^rooflab export: note: run 1's \[baseline\]: profile trtllm-0.10 was fitted on h100-sxm rows only \(16 serving rows of its version there, 0 on h200-sxm\): its figures here are carried from another chip, not validated on this one$" "export's note: the same sentence"
# (review42) a sweep whose profile is of software its chip's preset does
# not name (the MI300X under trtllm-0.10: data/chips/mi300x.ini names no
# software, the profile's [meta] TensorRT-LLM 0.10.0): its section says
# so, as sweep said it and stored it (runs.software_note); the H100 sweep
# has none (its preset names TensorRT-LLM)
sed 's/^chip = h100-sxm$/chip = mi300x/; s/^profile = ideal$/profile = trtllm-0.10/' "$tmpd/one.ini" >"$tmpd/sw.ini"
"$RL" sweep "$tmpd/sw.ini" --db "$tmpd/swsweep.db" 2>/dev/null
expect_exit 0 "report of a sweep on the MI300X under TensorRT-LLM's profile" -- "$RL" report --db "$db" \
	--sweeps "$tmpd/swsweep.db" --out "$tmpd/md/sw.md" --no-plots
has "$tmpd/md/sw.md" "the software note in the sweep's section" \
	"Run 1's \[base\]: profile trtllm-0.10 is of TensorRT-LLM 0.10.0, software the preset of chip mi300x does not name (it names none)"
has "$tmpd/md/sw.md" "... in sweep's words" \
	"its figures are that software's efficiencies carried over to this chip by ASSUMPTION."
grep -qF "is of TensorRT" "$tmpd/md/nofit.md" &&
	{ echo "not ok - a software note for the H100 sweep"; fails=$((fails + 1)); } ||
	echo "ok - no software note for the H100 sweep"
# (fuzz8's mutation pass over the notes' loop: a mutant saying the
# [base]'s software note for the [baseline] passed) the [baseline]'s on
# the MI300X under trtllm-0.10, the [base] on the H100 (its preset names
# TensorRT-LLM: none), in the same words after "Run 1's [baseline]: "
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 128, 256\n[baseline]\nchip = mi300x\nmodel = llama3-8b\nprofile = trtllm-0.10\n' >"$tmpd/swb.ini"
"$RL" sweep "$tmpd/swb.ini" --db "$tmpd/swbsweep.db" 2>/dev/null
expect_exit 0 "report of a sweep whose [baseline] is on the MI300X under trtllm-0.10" -- "$RL" report --db "$db" \
	--sweeps "$tmpd/swbsweep.db" --out "$tmpd/md/swb.md" --no-plots
has "$tmpd/md/swb.md" "the [baseline]'s software note in the sweep's section" \
	"Run 1's \[baseline\]: profile trtllm-0.10 is of TensorRT-LLM 0.10.0, software the preset of chip mi300x does not name (it names none): its figures are that software's efficiencies carried over to this chip by ASSUMPTION."
grep -qF "Run 1's \\[base\\]: profile trtllm-0.10 is of" "$tmpd/md/swb.md" &&
	{ echo "not ok - a [base] software note where the [base] is on the H100"; fails=$((fails + 1)); } ||
	echo "ok - no [base] software note where the [base] is on the H100"
# (small69) a sweep script's user runs sweep, then report, with no claim
# run anywhere: the report is written (exit 0) with the sections that need
# no claim run (design space, validation, provenance); the six that read
# the claim run (report --help's first six) are absent, each said on its
# own line, in the page and on stderr, with why and the command that fills
# it: claim refuses a sweep's file (below), so a file of its own, given
# back as --db with this one as --sweeps.  Before, exit 2.  (small72) They
# are notes, not warnings: the report is as whole as such a database
# allows.
expect_exit 0 "report --db a sweeps-only database" -- "$RL" report \
	--db "$tmpd/onesweep.db" --out "$tmpd/md/sonly.md" --no-plots
expect_out "wrote .*sonly\.md" "sweeps only: says where the report is"
for s in "Verdict" "Where the speedup comes from" "Assumptions" \
	"Other claims" "Sensitivity" "Serving: roofline and batching"; do
	expect_err "^rooflab report: note: section $s absent: .*onesweep\.db holds no claim run \(rooflab claim --db FILE, then rooflab report --db FILE --sweeps .*onesweep\.db fills it\)$" \
		"sweeps only: '$s' said absent on stderr"
	has "$tmpd/md/sonly.md" "sweeps only: '$s' said absent in the page" \
		"- section $s absent: "
	lacks "$tmpd/md/sonly.md" "sweeps only: no heading '$s'" "^## $s"
done
[ "$(grep -c 'absent' "$tmpd/err")" -eq 6 ] &&
	echo "ok - sweeps only: six lines on stderr, one a section" ||
	{ echo "not ok - sweeps only: $(grep -c absent "$tmpd/err") absent lines, 6 expected"; fails=$((fails + 1)); }
has "$tmpd/md/sonly.md" "sweeps only: the sweep's section" "### Sweep one (run 1)"
# (small72) the six notes name the database twice: under a path of ~500
# bytes (SQLite opens none past 512) each is about 1.2 KB, and the 4 KB
# buffer they went through held three (the other three dropped without a
# word); each now whole, on its line
long=$tmpd
for c in a b; do
	long=$long/$(printf "%0230d" 0 | tr 0 "$c")
	mkdir "$long"
done
cp "$tmpd/onesweep.db" "$long/s.db"
expect_exit 0 "report --db a sweeps-only database under a 500-byte path" -- \
	"$RL" report --db "$long/s.db" --out "$tmpd/md/slong.md" --no-plots
n=$(grep -c "^rooflab report: note: section .* absent: $long/s\.db holds no claim run (rooflab claim --db FILE, then rooflab report --db FILE --sweeps $long/s\.db fills it)\$" "$tmpd/err")
[ "$n" -eq 6 ] &&
	echo "ok - a 500-byte path: six whole notes on stderr" ||
	{ echo "not ok - a 500-byte path: $n whole notes on stderr, 6 expected"; fails=$((fails + 1)); }
expect_no_err "warning" "a 500-byte path: no warning (the report is whole)"
has "$tmpd/md/sonly.md" "sweeps only: validation's note names a file of its own" \
	"No validation run: $tmpd/onesweep.db is a sweep database, in which rooflab validate writes none"
has "$tmpd/md/sonly.md" "sweeps only: provenance says no claim run" \
	"| claim run | none in the database |"
# --db a sweep's file with --sweeps another's: the report shows the
# --sweeps file's runs, so the command it gives back keeps that file as
# --sweeps (it named --db's, whose runs this report does not show)
cp "$tmpd/onesweep.db" "$tmpd/othersweep.db"
expect_exit 0 "report --db a sweep database --sweeps another" -- "$RL" report \
	--db "$tmpd/onesweep.db" --sweeps "$tmpd/othersweep.db" \
	--out "$tmpd/md/sother.md" --no-plots
expect_err "^rooflab report: note: section Verdict absent: .*onesweep\.db holds no claim run \(rooflab claim --db FILE, then rooflab report --db FILE --sweeps .*othersweep\.db fills it\)$" \
	"--sweeps another: the command given back keeps that --sweeps"
has "$tmpd/md/sother.md" "--sweeps another: validation's note keeps that --sweeps" \
	"rooflab validate --db FILE, then rooflab report --db FILE --sweeps $tmpd/othersweep.db"
# a database of validate's alone: the same, the claim written into it
expect_exit 0 "a validation alone" -- "$RL" validate --db "$tmpd/valonly.db"
expect_exit 0 "report --db a validation-only database" -- "$RL" report \
	--db "$tmpd/valonly.db" --out "$tmpd/md/vonly.md" --no-plots
expect_err "^rooflab report: note: section Verdict absent: .*valonly\.db holds no claim run \(rooflab claim --db .*valonly\.db fills it\)$" \
	"validation only: claim --db that file fills the verdict"
has "$tmpd/md/vonly.md" "validation only: its section" "validation run 1 of "
has "$tmpd/md/vonly.md" "validation only: no sweep, said" "No sweep in $tmpd/valonly.db"
# --run asks for a claim run that is not there: still exit 2, as is an
# empty claim database (empty.db, above) and another program's (below)
expect_exit 2 "report --run of a sweep database" -- "$RL" report --db "$tmpd/onesweep.db" \
	--run 1 --out "$tmpd/bad.html"
expect_err "onesweep\.db is a rooflab sweep database \(rooflab sweep and merge write these\), which holds no claim run and in which rooflab claim writes none: make one in a file of its own \(rooflab claim --db FILE\) and give --db that file \(and this one to rooflab report --sweeps\)" \
	"a sweep database: says what it is and where it goes"
expect_exit 2 "claim refuses the sweep's file, as the message says" -- "$RL" claim --samples 0 --db "$tmpd/onesweep.db"
expect_err "not a rooflab claim database" "claim does not write a sweep's file"
# every command that opens a database names the kind of file it found
# (by its mark: sweep 'RLSW', claim 'RLCL', or none) and the fix, where
# claim said 'not a rooflab claim database (application_id 0x524c5357, 7
# schema objects)'.  A claim file, another program's and a text file.
"$RL" claim --samples 0 --no-design --db "$tmpd/kind-claim.db" >/dev/null 2>&1
sqlite3 "$tmpd/kind-other.db" "CREATE TABLE notes(t TEXT)"
echo "a line of text, no database" >"$tmpd/kind-text.db"
sweepw="is a rooflab sweep database \(rooflab sweep and merge write these\)"
claimw="is a rooflab claim database \(rooflab claim --db and validate --db write these\)"
otherw="is not a rooflab file \(an SQLite database without rooflab's mark: application_id 0x0, 1 table or index\)"
textw="is not a rooflab file \(not an SQLite database, or a damaged one\)"
kind_case() { # exit-2 command, then the message it must give
	want=$1; shift
	expect_exit 2 "$*" -- "$RL" "$@"
	expect_err "$want" "$1 names the file's kind and the fix"
}
kind_case "onesweep\.db $sweepw, not a rooflab claim database; it was left unchanged: give --db another file \(a new one, or a rooflab claim database\)$" \
	claim --samples 0 --no-design --db "$tmpd/onesweep.db"
kind_case "onesweep\.db $sweepw, not a rooflab claim database; it was left unchanged: give --db another file" \
	validate --db "$tmpd/onesweep.db"
kind_case "kind-other\.db $otherw; it was left unchanged: give --db another file \(a new one, or a rooflab claim database\)$" \
	claim --samples 0 --no-design --db "$tmpd/kind-other.db"
kind_case "kind-text\.db $textw; it was left unchanged: give --db another file \(a new one, or a rooflab claim database\)$" \
	validate --db "$tmpd/kind-text.db"
kind_case "kind-claim\.db $claimw, not a rooflab sweep database; it was left unchanged: give --db another file \(a new one, or a rooflab sweep database\)$" \
	sweep "$tmpd/one.ini" --db "$tmpd/kind-claim.db"
kind_case "kind-other\.db $otherw; it was left unchanged: give --db another file \(a new one, or a rooflab sweep database\)$" \
	sweep "$tmpd/one.ini" --db "$tmpd/kind-other.db"
kind_case "kind-claim\.db $claimw, not a rooflab sweep database; name a rooflab sweep database instead$" \
	export --db "$tmpd/kind-claim.db" --format csv
kind_case "kind-text\.db $textw; name a rooflab sweep database instead$" \
	merge "$tmpd/kind-m.db" "$tmpd/onesweep.db" "$tmpd/kind-text.db"
# an older rooflab's claim file, unmarked (only claim_ and validation
# tables, cli_hostile.sh's old.db: kind-claim.db less version 2's tables
# and its mark), which plot and report name a claim database: sweep,
# export and merge name it so too, where they said 'not a rooflab file (an
# SQLite database without rooflab's mark: application_id 0x0, ...)'
cp "$tmpd/kind-claim.db" "$tmpd/kind-old.db"
sqlite3 "$tmpd/kind-old.db" "DROP TABLE claim_mc_summary; DROP TABLE claim_tornado_sides;
	PRAGMA application_id = 0; PRAGMA user_version = 0"
cp "$tmpd/kind-old.db" "$tmpd/kind-old.orig"
kind_case "kind-old\.db $claimw, not a rooflab sweep database; it was left unchanged: give --db another file \(a new one, or a rooflab sweep database\)$" \
	sweep "$tmpd/one.ini" --db "$tmpd/kind-old.db"
kind_case "kind-old\.db $claimw, not a rooflab sweep database; name a rooflab sweep database instead$" \
	export --db "$tmpd/kind-old.db" --format csv
kind_case "kind-old\.db $claimw, not a rooflab sweep database; name a rooflab sweep database instead$" \
	merge "$tmpd/kind-m.db" "$tmpd/onesweep.db" "$tmpd/kind-old.db"
cmp -s "$tmpd/kind-old.db" "$tmpd/kind-old.orig" &&
	echo "ok - the older claim file is left as it was" ||
	{ echo "not ok - the older claim file changed"; fails=$((fails + 1)); }
kind_case "kind-other\.db $otherw, which holds no claim run and in which rooflab claim writes none: make one in a file of its own \(rooflab claim --db FILE\) and give --db that file$" \
	report --db "$tmpd/kind-other.db" --out "$tmpd/bad.html"
kind_case "kind-text\.db is not a rooflab file \(not an SQLite database, or a damaged one: file is not a database\); name a database that rooflab claim, validate or sweep wrote$" \
	report --db "$tmpd/kind-text.db" --out "$tmpd/bad.html"
kind_case "onesweep\.db $sweepw, which holds no claim run and in which rooflab claim writes none" \
	plot tornado --db "$tmpd/onesweep.db" --term dumb
kind_case "kind-claim\.db $claimw, which holds no sweep results and in which rooflab sweep writes none: make them in a file of their own \(rooflab sweep SPEC --db FILE\) and give --db that file$" \
	plot heatmap --db "$tmpd/kind-claim.db" --term dumb
kind_case "kind-other\.db $otherw, which holds no sweep results" \
	plot pareto --db "$tmpd/kind-other.db" --term dumb
# report --sweeps a file sweep never writes (a claim database, another
# program's) wrote only "No sweep in FILE", as if its sweeps were still to
# run into it: the note and a warning say what the file is; the report is
# still written (exit 0), and --sweeps left out keeps the plain note
for k in claim other; do
	expect_exit 0 "report --sweeps kind-$k.db" -- "$RL" report --db "$db" \
		--sweeps "$tmpd/kind-$k.db" --out "$tmpd/o/sw-$k.md" --no-plots
	[ $k = claim ] && w=$claimw || w=$otherw
	expect_err "warning: --sweeps [^ ]*kind-$k\.db $w, which holds no sweep and in which rooflab sweep writes none: run rooflab sweep SPEC --db FILE \(examples in sweeps/\) into a file of its own and give the report --sweeps FILE$" \
		"report --sweeps kind-$k.db: the warning names its kind"
	# (Markdown escapes the _ of application_id: the kind's first words)
	[ $k = claim ] && w="a rooflab claim database" || w="not a rooflab file"
	if grep -q "^_--sweeps [^ ]*kind-$k\.db is $w (.*), which holds no sweep and in which rooflab sweep writes none" "$tmpd/o/sw-$k.md" &&
		! grep -q "No sweep in" "$tmpd/o/sw-$k.md"; then
		echo "ok - report --sweeps kind-$k.db: the note names its kind"
	else
		echo "not ok - report --sweeps kind-$k.db: note"; fails=$((fails + 1))
	fi
done
expect_exit 0 "report of a claim file without --sweeps" -- "$RL" report \
	--db "$tmpd/kind-claim.db" --out "$tmpd/o/sw-none.md" --no-plots
has "$tmpd/o/sw-none.md" "without --sweeps: the plain note" \
	"No sweep in $tmpd/kind-claim.db; run rooflab sweep SPEC --db FILE"
lacks "$tmpd/o/sw-none.md" "without --sweeps: nothing said of the claim file's kind" "holds no sweep"
[ "$(sqlite3 "$tmpd/kind-other.db" "SELECT group_concat(name) FROM sqlite_master; PRAGMA application_id")" = "notes
0" ] && [ ! -e "$tmpd/kind-m.db" ] &&
	echo "ok - the refused files are left as they were" ||
	{ echo "not ok - a refused file changed"; fails=$((fails + 1)); }
# an empty name given a reader: said to name no file, where it read as a
# file not there, "--db : no such database (make one with rooflab claim
# --db )", a fix naming no file either; as the writers say it (exit 2)
empty_case() { # the message, then the command
	want=$1; shift
	expect_exit 2 "an empty name: $*" -- "$RL" "$@"
	expect_err "$want" "$1: an empty name names no file"
}
empty_case "report: --db: a database needs a file name \(an empty name names no file\)$" \
	report --db "" --out "$tmpd/bad.html"
empty_case "report: --sweeps: a database needs a file name \(an empty name names no file\)$" \
	report --db "$db" --sweeps "" --out "$tmpd/bad.html"
empty_case "plot: a database needs a file name \(an empty name names no file\)$" \
	plot tornado --db "" --term dumb
empty_case "export: a database needs a file name \(an empty name names no file\)$" \
	export --db "" --format csv
empty_case "merge: a database needs a file name \(an empty name names no file\)$" \
	merge "$tmpd/kind-m.db" "$tmpd/onesweep.db" ""
[ ! -e "$tmpd/kind-m.db" ] && [ ! -e "$tmpd/bad.html" ] &&
	echo "ok - an empty name: nothing written" ||
	{ echo "not ok - an empty name: a file written"; fails=$((fails + 1)); }
expect_exit 2 "no --db" -- "$RL" report --out "$tmpd/bad.html"
expect_err "--db FILE is required" "no --db: message"
expect_err "--db FILE is required: the claim database the report reads \(rooflab claim --db FILE writes one; make demo writes out/claim\.db and its report\)$" \
	"no --db: and where one comes from"
expect_exit 2 "no --out" -- "$RL" report --db "$db"
expect_err "--out report.html" "no --out: message"
expect_exit 2 "bad extension" -- "$RL" report --db "$db" --out "$tmpd/bad.pdf"
expect_err "must end in .html or .md" "bad extension: message"
# (small57) --out .md wrote a hidden file ".md" with figures named
# "-factors.svg": a name with nothing before its extension is refused; the
# extension is read in any case (r.MD was refused as "must end in .md")
for o in .md sub/.html .HTM; do
	expect_exit 2 "--out $o: no name before the extension" -- "$RL" report \
		--db "$db" --out "$tmpd/$o" --no-plots
	expect_err "--out .*/$o: the report needs a name before its extension" \
		"--out $o: message"
done
[ ! -e "$tmpd/.md" ] && echo "ok - --out .md: no hidden file written" ||
	{ echo "not ok - --out .md wrote a hidden file"; fails=$((fails + 1)); }
mkdir "$tmpd/caps"
expect_exit 0 "--out r.MD: Markdown" -- "$RL" report --db "$db" \
	--out "$tmpd/caps/r.MD" --no-plots
has "$tmpd/caps/r.MD" "--out r.MD: Markdown written" "## Verdict"
expect_exit 0 "--out r.Html: HTML" -- "$RL" report --db "$db" \
	--out "$tmpd/caps/r.Html" --no-plots
has "$tmpd/caps/r.Html" "--out r.Html: HTML written" "<html"
expect_exit 2 "missing database" -- "$RL" report --db "$tmpd/none.db" \
	--out "$tmpd/bad.html"
expect_err "no such database" "missing database: message"
# the report reads a claim run, which only claim --db writes: it said
# "make one with rooflab claim, sweep or validate --db none.db"
expect_err "rooflab report: --db [^ ]*none\.db: no such database \(make one with rooflab claim --db [^ ]*none\.db\)$" \
	"missing database: only claim makes one"
expect_exit 2 "missing sweep database" -- "$RL" report --db "$db" \
	--sweeps "$tmpd/none.db" --out "$tmpd/bad.html"
expect_err "none.db: no such database" "missing sweep database: message"
# only sweep (and merge) write one: it said "make one with rooflab claim,
# sweep or validate --db none.db"
expect_err "rooflab report: --sweeps [^ ]*none\.db: no such database \(make one with rooflab sweep SPEC --db [^ ]*none\.db\)$" \
	"missing sweep database: only sweep makes one"
# (each command's file as sh reads it back, rl_sh_word: a blank and a ';'
# stood bare)
expect_exit 2 "missing database whose name needs quotes" -- "$RL" report --db "$tmpd/no such;x.db" \
	--out "$tmpd/bad.html"
expect_err "make one with rooflab claim --db '[^ ]*/no such;x\.db'\)\$" "missing database: the command's file quoted for sh"
expect_exit 2 "missing sweep database whose name needs quotes" -- "$RL" report --db "$db" \
	--sweeps "$tmpd/no such;x.db" --out "$tmpd/bad.html"
expect_err "make one with rooflab sweep SPEC --db '[^ ]*/no such;x\.db'\)\$" "missing sweep database: the command's file quoted for sh"
expect_exit 2 "bad --run" -- "$RL" report --db "$db" --run 0 \
	--out "$tmpd/bad.html"
expect_err "--run: '0' is outside the allowed range of a run id \(a whole number in \[1, 9007199254740992\]\)" "bad --run: message, 0 a number outside the range"
expect_exit 2 "unknown option" -- "$RL" report --db "$db" --colour \
	--out "$tmpd/bad.html"
expect_err "unknown option '--colour'" "unknown option: message"
# an --out that cannot be written where it is named is the path's fault,
# exit 2 (it was 1, internal, for a directory of that name)
mkdir "$tmpd/dir.html"
expect_exit 2 "--out names a directory" -- "$RL" report --db "$db" \
	--out "$tmpd/dir.html"
expect_err "cannot write .*/dir\.html: Is a directory" "--out directory: message"
expect_exit 2 "--out in a missing folder" -- "$RL" report --db "$db" \
	--out "$tmpd/nope/r.md"
expect_err "cannot write .*/nope/r\.md: its folder .*/nope is not there \(make it first: mkdir -p .*/nope\)" \
	"--out missing folder: message"
if ls "$tmpd"/bad.* >/dev/null 2>&1; then
	echo "not ok - bad input left an output file"; fails=$((fails + 1))
else
	echo "ok - bad input writes no output"
fi
left=$(find "$tmpd" -name '*.tmp-*' | head -3)
if [ -z "$left" ]; then
	echo "ok - no temporary files left"
else
	echo "not ok - temporary files left: $left"; fails=$((fails + 1))
fi

# headless Chromium: the page renders to a screenshot that is not blank
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "ok - Chromium screenshot # skipped: chromium is not installed"
	finish
fi
pngstat=${ROOFLAB_TOOLS:-$root/build/tools}/pngstat
if [ ! -f /usr/include/zlib.h ]; then
	echo "ok - Chromium screenshot # skipped: zlib1g-dev is not installed (the check decodes the PNG)"
	finish
fi
if [ ! -x "$pngstat" ]; then
	echo "not ok - $pngstat is not built (make tools)"
	exit 1
fi
shot=$tmpd/shot.png
HOME=$tmpd timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
	--disable-background-networking --disable-component-update \
	--disable-sync --no-first-run --user-data-dir="$tmpd/profile" \
	--screenshot="$shot" --window-size=1200,2000 "file://$html" \
	>"$tmpd/chromium.log" 2>&1
stat=$("$pngstat" "$shot" 2>&1)
colors=$(echo "$stat" | sed -n 's/.*colors=\([0-9]*\).*/\1/p')
ink=$(echo "$stat" | sed -n 's/.*ink=0\.\([0-9][0-9]\).*/\1/p')
if [ -n "$colors" ] && [ "$colors" -ge 32 ] && [ -n "$ink" ] && \
	[ "$ink" -ge 2 ]; then
	echo "ok - Chromium screenshot is not blank ($stat)"
else
	echo "not ok - Chromium screenshot blank or missing ($stat)"
	tail -5 "$tmpd/chromium.log" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# each sweep is said under its heading in its spec's words: the comment
# before the first section, up to an empty comment line, "NAME: " dropped
# and the first letter a capital (a sweep at tp 8 read as if it were the
# claim's mapping: nothing said what it asked)
cat >"$tmpd/about.ini" <<'INI'
; about-sweep: what two tensor-parallel degrees give
; for Llama-3 8B on one H100.
;
; not this paragraph
[base]
chip = h100-sxm
model = llama3-8b
[axes]
scenario.tp = 1, 2
INI
expect_exit 0 "a sweep with a comment" -- "$RL" sweep "$tmpd/about.ini" --db "$tmpd/about.db"
expect_exit 0 "report of it" -- "$RL" report --db "$db" --sweeps "$tmpd/about.db" --out "$tmpd/md/about.md" --no-plots
has "$tmpd/md/about.md" "the sweep said in its spec's words" \
	"What two tensor-parallel degrees give for Llama-3 8B on one H100."
lacks "$tmpd/md/about.md" "only the first paragraph" "not this paragraph"
# --out naming the database it reads (a claim database named .html, or
# --sweeps): the database was read and then replaced by the report
cp "$db" "$tmpd/self.html"
sum=$(cksum <"$tmpd/self.html")
expect_exit 2 "report --out onto its own --db" -- "$RL" report --db "$tmpd/self.html" --out "$tmpd/self.html" --no-plots
expect_err "^rooflab report: --out .*/self\.html is also --db .*/self\.html: the report would replace a database it reads" "says so"
cp "$db" "$tmpd/sw.md"
expect_exit 2 "report --out onto its --sweeps" -- "$RL" report --db "$db" --sweeps "$tmpd/sw.md" --out "$tmpd/sw.md" --no-plots
expect_err "is also --sweeps" "names --sweeps"
[ "$(cksum <"$tmpd/self.html")" = "$sum" ] && echo "ok - the database is left unchanged" ||
	{ echo "not ok - the database was replaced"; fails=$((fails + 1)); }
# a Markdown report writes its figures into its folder, whose path it
# kept in 1024 bytes: a longer one is refused, not cut to another folder
dd=$(deepdir 1030)
expect_exit 2 "report: a Markdown --out in a folder of over 1023 characters is refused" -- \
	"$RL" report --db "$db" --no-plots --out "$dd/r.md"
expect_err "its folder is ${#dd} bytes; a Markdown report, whose figures are written beside it, takes at most 1023 bytes" \
	"the message gives the folder's length and the limit"
expect_exit 0 "the HTML report, which writes no figure files, is written there" -- \
	"$RL" report --db "$db" --no-plots --out "$dd/r.html"
sections "$dd/r.html" "the HTML report in a deep folder"
# how far to trust the model (reports/repeat.c): the validation run's error
# beside how far the published tables move between adjacent versions
# (validation_repeat, validate --db), the same clause in the verdict and the
# validation section, in HTML and Markdown; a pair that is not adjacent
# (0.10 -> 0.12, 37%/130%) is no part of it.  mkplotdb's run: 4 rows, 2
# of them in calibration, none out of sample; |error| 0.045, 0.047, 0.081,
# 0.238: median (0.047 + 0.081) / 2 = 6.4%, p90 (linear, at 2.7 of 0..3)
# 0.081 + 0.7 x 0.157 = 19.1%, from the rows, not the run's stored 8%/19%
# (a summary that pools out-of-sample rows with the rest where validate
# keeps them apart).  By hand: same harness,
# one pair (1.2%, 7.2%); changed, two pairs: medians 4.0% and 50.0%, p90s
# 15.0% and 125.0%
# (ux29) the validation section's "In short" gives the first clause alone,
# each other clause an item under it, capitalized
has "$html" "trust: a run from before the pairs says so" \
	"<li>How far the measurements themselves move between versions is not in this validation run"
# mkplotdb's run has no validation_runs.rows_of (as before validate
# recorded whose rows a run is over: small68), so its rows are said to be
# not recorded, not "the published measurements"
has "$html" "trust: the model's error, and how many rows were fitted on" \
	"misses this validation run's measurements (rows not recorded: the run was written before rooflab stored whether validate read the shipped published measurements or a file of its own) by a median 6.4% (90th percentile 19.1%) over 4 rows, 2 of them of the chip and software its profiles were fitted on.</p>"
# 2 of 4 rows fitted on: not "mostly a fit" (that needs 9 in 10)
lacks "$html" "trust: half the rows fitted on is not mostly a fit" "mostly a fit"
# side b's owner: a run from before claim_runs.b_default says it does not
# know, and counts without naming Etched
has "$html" "whose claim: not recorded, said" "this claim run does not record whether side b is rooflab"
lacks "$html" "whose claim: not recorded, no Etched's way" "Etched's way of counting"
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$db" "$tmpd/rep.db"
	sqlite3 "$tmpd/rep.db" "ALTER TABLE validation_runs ADD COLUMN repeat_pairs INTEGER;
		UPDATE validation_runs SET repeat_pairs = 5 WHERE id = 1;
		INSERT INTO validation_repeat VALUES
		(1, 0, 'TensorRT-LLM 0.10.0', 'TensorRT-LLM 0.11.0', 8, 0.5, 1.25, 0.5, 'changed', 1),
		(1, 1, 'TensorRT-LLM 0.10.0', 'TensorRT-LLM 0.12.0', 12, 0.37, 1.3, 0.37, 'changed', 0),
		(1, 2, 'TensorRT-LLM 0.11.0', 'TensorRT-LLM 0.12.0', 60, 0.04, 0.15, 0.01, 'changed', 1),
		(1, 3, 'TensorRT-LLM 0.12.0', 'TensorRT-LLM 0.13.0', 100, 0.012, 0.072, 0.004, 'same', 1),
		(1, 4, 'T post-1.0 (rev 1)', 'T post-1.0 (rev 2)', 15, 0, 0, 0, 'same', 1);
		ALTER TABLE claim_runs ADD COLUMN b_default INTEGER;
		UPDATE claim_runs SET b_default = 1"
	for f in rep.md rep.html; do
		expect_exit 0 "report $f with the pairs of versions" -- "$RL" report \
			--db "$tmpd/rep.db" --out "$tmpd/md/$f" --no-plots
		# mkplotdb's run records no rows_of (written before validate
		# stored whose rows it read): its tables are neither "the
		# published" nor "the file's" ones, never guessed (reports74;
		# it said "The published tables")
		t="The tables themselves move by a median 1.2% (90th percentile 7.2%) between adjacent versions measured with the same benchmark harness (1 pair), and by a median 4.0% to 50.0% (90th percentile 15.0% to 125.0%) where the harness changed (2 pairs): an upper bound on the measurements' noise, not noise alone"
		has "$tmpd/md/$f" "$f: verdict, how far to trust the model" "How far to trust the model: the model's throughput misses"
		# (ux28) the clause is the validation section's alone: the
		# verdict's bullet (report_trust_short) leaves it out, and the
		# out-of-sample rows' figures where the claim's stored line gives
		# them, lest it run to 1,200 characters on the first screen
		n=$(grep -oF -- "$t" "$tmpd/md/$f" | wc -l)
		v=$(grep -c -- "How far to trust the model: .*themselves move" "$tmpd/md/$f")
		[ "$n" -eq 1 ] && [ "$v" -eq 0 ] && echo "ok - $f: the repeatability clause in the validation section, not the verdict" ||
			{ echo "not ok - $f: the repeatability clause $n times (not 1), $v in the verdict (not 0)"; fails=$((fails + 1)); }
		lacks "$tmpd/md/$f" "$f: a pair not adjacent is not summed" "130\.0%"
		has "$tmpd/md/$f" "$f: a table republished (0% and 0%) is left out, said" \
			"not noise alone, since the software changed between versions too; 1 more pair of adjacent tables republishes the same numbers (no second measurement) and is left out"
		has "$tmpd/md/$f" "$f: the Etched claim counts Etched's way" "Etched's way of counting"
		lacks "$tmpd/md/$f" "$f: b_default 1, no 'not recorded'" "does not record whether side b"
	done
	has "$tmpd/md/rep.md" "the adjacent pairs' table" \
		"| TensorRT-LLM 0.10.0 -\\> TensorRT-LLM 0.11.0 | 8 | 50.0% | 125.0% | +50.0% | changed |"
	# a cell of validation_repeat holding what validate never writes there
	# fails the report naming the table, column, run and pair: SQLite read
	# text as 0, and a pair of 0% and 0% is "republished" (left out, the
	# table's 0.0%); a harness word validate does not write left the pair
	# out of the sentence; a NULL (a NaN as validate stores it) is a cell
	# "not evaluated", not "nan%"
	for u in "median_abs_change = 'abc'|median_abs_change of validation run 1, pair 3, holds text" \
		"p90_abs_change = x'00'|p90_abs_change of validation run 1, pair 3, holds a blob" \
		"median_change = 'x'|median_change of validation run 1, pair 3, holds text" \
		"median_change = -9e999|median_change of validation run 1, pair 3, holds a change no percentage holds (an infinity, or over 1e306)" \
		"median_abs_change = 1e308|median_abs_change of validation run 1, pair 3, holds a change no percentage holds" \
		"harness = 'same ''; DROP TABLE x'|harness of validation run 1, pair 3, is not one of the words rooflab validate writes there (same, changed, unknown)" \
		"cells = 2.5|cells of validation run 1, pair 3, is not a count of 1 or more"; do
		report_altered "$tmpd/rep.db" bad 2 "validation_repeat SET ${u%%|*}: refused" \
			"UPDATE validation_repeat SET ${u%%|*} WHERE ord = 3"
		expect_err "^rooflab report: $tmpd/bad.db: cannot read: validation_repeat.$(printf '%s' "${u#*|}" | sed 's/[().]/\\&/g')" \
			"validation_repeat SET ${u%%|*}: the table, column, run and pair named"
	done
	report_altered "$tmpd/rep.db" nan 0 "report: a NULL median change" \
		"UPDATE validation_repeat SET median_change = NULL WHERE ord = 0"
	has "$tmpd/md/nan.md" "a NULL change is said in words" \
		"| TensorRT-LLM 0.10.0 -\\> TensorRT-LLM 0.11.0 | 8 | 50.0% | 125.0% | not evaluated | changed |"
	# what the model does not know: side b's chip (sohu) has no row in the
	# validation run, 2 inputs of side b in claim_assumptions (mkplotdb),
	# and the run's 2 held-out rows (a100, h200) made microbenchmarks here
	lacks "$tmpd/md/rep.md" "unknowns: nothing said while side b's chip is not stored and held-out rows serve" "What the model does not know"
	report_altered "$tmpd/rep.db" unk 0 "report with side b's chip unmeasured" \
		"INSERT INTO claim_sides VALUES(1, 'b', 'setup.chip', NULL, 'sohu');
		UPDATE validation SET metric = 'tflops' WHERE id = 'a100-128-128';
		UPDATE validation SET metric = 'tb_per_s_read_plus_write' WHERE id = 'h200-128-2048'"
	has "$tmpd/md/unk.md" "unknowns: side b's chip unmeasured, its inputs counted" \
		"What the model does not know: no published measurement of sohu, 8x Sohu (by design)'s chip, is among the validation run's rows: its speed rests on the model and on the inputs the assumptions section lists with their sources and ranges (2 for it); and no row of that run is serving on a chip the model was not fitted on (its 2 held-out rows are microbenchmarks), so how well the model predicts serving on a new chip is not measured."
	# a row of a borrowed profile (out_of_sample) is said apart, never
	# pooled: a100-128-128 (0.238) out; the pooled |error| 0.045, 0.047,
	# 0.081: median 4.7%, p90 (at 1.8 of 0..2) 0.047 + 0.8 x 0.034 = 7.4%,
	# over 3 rows, 2 fitted on; apart, 1 row at 23.8%
	report_altered "$tmpd/rep.db" oos 0 "report with an out-of-sample row" \
		"UPDATE validation SET out_of_sample = 1 WHERE id = 'a100-128-128'"
	has "$tmpd/md/oos.md" "trust: out-of-sample rows said apart, not pooled" \
		"by a median 4.7% (90th percentile 7.4%) over 3 rows, 2 of them of the chip and software its profiles were fitted on; apart from them, 1 row of a profile borrowed from another version (out of sample): median 23.8%, 90th percentile 23.8%"
	# the rows fitted on are the pooled rows' alone: an out-of-sample row
	# that was in calibration (h100-128-128, 0.045) is not counted.  Pooled
	# 0.047, 0.081, 0.238: median 8.1%, p90 (at 1.8 of 0..2) 0.081 + 0.8 x
	# 0.157 = 20.7%, over 3 rows, 1 fitted on (h100-2048-128); apart, 4.5%
	report_altered "$tmpd/rep.db" oosfit 0 "report with an out-of-sample row fitted on" \
		"UPDATE validation SET out_of_sample = 1 WHERE id = 'h100-128-128'"
	has "$tmpd/md/oosfit.md" "trust: an out-of-sample row is not counted as fitted on" \
		"by a median 8.1% (90th percentile 20.7%) over 3 rows, 1 of them of the chip and software its profiles were fitted on; apart from them, 1 row of a profile borrowed from another version (out of sample): median 4.5%, 90th percentile 4.5%"
	# an error that is no number (inf) is no row: 0.045, 0.047, 0.081 as
	# in the out-of-sample case, 2 fitted on, nothing apart
	report_altered "$tmpd/rep.db" inf 0 "report with an infinite error" \
		"UPDATE validation SET error = 1e999 WHERE id = 'a100-128-128'"
	has "$tmpd/md/inf.md" "trust: an infinite error is left out" \
		"by a median 4.7% (90th percentile 7.4%) over 3 rows, 2 of them of the chip and software its profiles were fitted on."
	lacks "$tmpd/md/inf.md" "trust: an infinite error is no row apart" "[Aa]part from them"
	# "mostly a fit" from 9 in 10: six more rows as h100-128-128 (0.045,
	# fitted on) and h200-128-2048 fitted on: 9 of 10 (a100 not).  |error|
	# 0.045 x 7, 0.047, 0.081, 0.238: median 4.5%, p90 (at 8.1 of 0..9)
	# 0.081 + 0.1 x 0.157 = 9.7%
	report_altered "$tmpd/rep.db" fit9 0 "report with 9 of 10 rows fitted on" \
		"INSERT INTO validation SELECT run_id, id || '-' || n, chip, model, precision, isl, osl, tp, measured, modeled, error, in_calibration, version, metric, out_of_sample FROM validation, (SELECT 1 AS n UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6) WHERE id = 'h100-128-128';
		UPDATE validation SET in_calibration = 1 WHERE id = 'h200-128-2048'"
	has "$tmpd/md/fit9.md" "trust: 9 in 10 rows fitted on is mostly a fit" \
		"by a median 4.5% (90th percentile 9.7%) over 10 rows, 9 of them of the chip and software its profiles were fitted on, so mostly a fit and little a prediction"
	# a pair that moves (p90 5%) though its median is 0 is no republished
	# table: same harness, 2 pairs, medians 0.0% and 1.2%, p90s 5.0% and
	# 7.2%; a pair stored without figures (NULL) is none of the changed
	# ones (still 2)
	report_altered "$tmpd/rep.db" med0 0 "report with a pair of median 0" \
		"INSERT INTO validation_repeat VALUES
		(1, 5, 'X a', 'X b', 3, 0, 0.05, 0, 'same', 1),
		(1, 6, 'Y a', 'Y b', 2, NULL, NULL, NULL, 'changed', 1)"
	has "$tmpd/md/med0.md" "trust: a median of 0 with a p90 of 5% is a pair, not a republished table" \
		"themselves move by a median 0.0% to 1.2% (90th percentile 5.0% to 7.2%) between adjacent versions measured with the same benchmark harness (2 pairs), and by a median 4.0% to 50.0% (90th percentile 15.0% to 125.0%) where the harness changed (2 pairs)"
	# adjacent tables that share measurements, each pair of them a table
	# republished (0% and 0%): they share measurements, so "no two
	# adjacent versions' tables share a measurement" is false; the pairs
	# left out are said, and the movement is not known.  rep.db less every
	# pair but ord 4 (T post-1.0 rev 1 -> rev 2, 0 and 0) and the
	# non-adjacent ord 1: 1 republished adjacent pair
	report_altered "$tmpd/rep.db" repub 0 "report whose only adjacent pair is republished" \
		"DELETE FROM validation_repeat WHERE ord IN (0, 2, 3)"
	lacks "$tmpd/md/repub.md" "trust: republished tables do share measurements" \
		"[Nn]o two adjacent versions' tables share a measurement"
	has "$tmpd/md/repub.md" "trust: only republished adjacent tables, said, movement not known" \
		"The only adjacent versions' tables that share measurements republish the same numbers (1 pair, no second measurement), so how far the measurements themselves move is not known"
	# a change validate writes of a measurement of 1 and one of 1e30 (b/a -
	# 1 = 1e30 in doubles) is 1e32 percent: said as such, where its digits,
	# cut to the sentence's and the table's cells, read 1e22 with no '%'
	# (and the table 1e30 and +1e29).  Alone, same harness, adjacent
	report_altered "$tmpd/rep.db" huge 0 "report with a change of 1e30" \
		"DELETE FROM validation_repeat;
		INSERT INTO validation_repeat VALUES (1, 0, 'R r1', 'R r2', 1, 1e30, 1e30, 1e30, 'same', 1)"
	has "$tmpd/md/huge.md" "trust: a change of 1e32% said whole" \
		"themselves move by a median 1e+32% (90th percentile 1e+32%) between adjacent versions"
	has "$tmpd/md/huge.md" "the pairs' table: a change of 1e32% said whole" \
		"| R r1 -\\> R r2 | 1 | 1e+32% | 1e+32% | +1e+32% | same |"
	# an |error| of 1e30 (a modelled value 1e30 times the measured one) is
	# 1e32 percent: the per-group tables (reports/valgroups.c) say it to
	# three digits, where its '%.1f' digits, cut to the 32-byte cell, read
	# another number without its '%'.  a100-128-128 (held out, 0.238) set
	# to 1e30: its group 1e+32%; held out all of 0.047 and 1e30: median
	# 5e29 (5e+31%), p90 at 0.9 of 0..1 0.047 + 0.9 x (1e30 - 0.047) = 9e29
	# (9e+31%); the trust sentence's pooled 0.045, 0.047, 0.081, 1e30:
	# median 6.4%, p90 at 2.7 of 0..3 0.081 + 0.7 x 1e30 = 7e29 (7e+31%)
	report_altered "$tmpd/rep.db" hugeerr 0 "report with an |error| of 1e30" \
		"UPDATE validation SET error = 1e30 WHERE id = 'a100-128-128'"
	has "$tmpd/md/hugeerr.md" "per group: an |error| of 1e32% said whole" \
		"| a100-sxm | TensorRT-LLM 0.10.0 | llama3-70b | fp16 | 1 | 1e+32% | 1e+32% |"
	has "$tmpd/md/hugeerr.md" "per group: the held-out rows' quantiles said whole" \
		"| all |  |  |  | 2 | 5e+31% | 9e+31% |"
	has "$tmpd/md/hugeerr.md" "trust: the model's huge error said whole" \
		"by a median 6.4% (90th percentile 7e+31%) over 4 rows"
	# claim_runs.b_default edited by hand to text, which SQLite's
	# conversion reads as 0 (two sides of the user's): refused, exit 2,
	# naming the database, table and column, and no report written; so is
	# a whole number other than claim's 0 and 1
	report_altered "$tmpd/rep.db" bdtext 2 "report with claim_runs.b_default edited to text" \
		"UPDATE claim_runs SET b_default = 'yes'"
	expect_err "^rooflab report: .*/bdtext\.db: cannot read: claim_runs\.b_default of claim run [0-9]+ holds text, where rooflab claim writes 0 or 1" \
		"says which database, table and column"
	[ ! -e "$tmpd/md/bdtext.md" ] && echo "ok - no report from it" ||
		{ echo "not ok - a report was written"; fails=$((fails + 1)); }
	report_altered "$tmpd/rep.db" bd2 2 "report with claim_runs.b_default 2" \
		"UPDATE claim_runs SET b_default = 2"
	expect_err "claim_runs\.b_default of claim run [0-9]+ holds a whole number that is not 0 or 1" \
		"says what it holds"
	# two sides of the user's: no Etched in the count
	sqlite3 "$tmpd/rep.db" "UPDATE claim_runs SET b_default = 0;
		DELETE FROM validation_repeat; UPDATE validation_runs SET repeat_pairs = 0"
	expect_exit 0 "report of two sides of the user's" -- "$RL" report \
		--db "$tmpd/rep.db" --out "$tmpd/md/user.md" --no-plots
	lacks "$tmpd/md/user.md" "user's sides: no Etched's way" "Etched's way of counting"
	lacks "$tmpd/md/user.md" "user's sides: known, no 'not recorded'" "does not record whether side b"
	has "$tmpd/md/user.md" "user's sides: the count in words" \
		"17.50x in total (input + output) tokens per second (402500 against 23000 tokens/s, both modelled); 9.10x in output tokens only"
	has "$tmpd/md/user.md" "no pairs stored: said, not made up" \
		"- No two adjacent versions' tables share a measurement"
else
	echo "ok - skipped: sqlite3 is not installed"
fi

# a run whose JSON holds no setup (mkplotdb's '{}'): the scenario alone,
# no workload made up
has "$html" "no workload in the run: the scenario alone" "Scenario etched-bench. An analytical model"

# (review43) the verdict's mappings and Etched's "N-way model parallel"
# print the run's chip counts in all their digits (8e20085): a count the
# JSON gives that is no whole number under 1e15 (changed by hand: 1e300,
# 8.5) leaves the item out, as a number the JSON lacks does, where 1e300
# gave 301 digits and 8.5 read as 8.  The default claim is 8 H100s
# against 8 Sohus (data/sources/claims.md)
if command -v sqlite3 >/dev/null 2>&1; then
	expect_exit 0 "claim run for the counts" -- "$RL" claim --samples 0 --db "$tmpd/cnt.db"
	expect_exit 0 "report of the claim run" -- "$RL" report --db "$tmpd/cnt.db" \
		--out "$tmpd/md/cnt.md" --no-plots
	has "$tmpd/md/cnt.md" "the mappings on 8 chips each" "on 8 chips, the scenario's; 8x Sohu"
	has "$tmpd/md/cnt.md" "Etched's 8-way" "Etched's benchmark says \"8-way model parallel\""
	report_altered "$tmpd/cnt.db" cnt300 0 "report of b's chips changed to 1e300" \
		"UPDATE claim_runs SET json = json_set(json, '\$.b.setup.chips', 1e300)"
	lacks "$tmpd/md/cnt300.md" "b's 1e300 chips: no mappings item" "^- Mappings (TP"
	lacks "$tmpd/md/cnt300.md" "b's 1e300 chips: no N-way item" "Etched's benchmark says"
	lacks "$tmpd/md/cnt300.md" "b's 1e300 chips: no count in 20 digits" "[0-9]\{20\}"
	# and nothing else moves: the report is the untouched run's, its files'
	# names and the minute it was written aside (two reports a minute
	# boundary apart, as a sanitizer build's slower runs fell, differed
	# there), less items of b's chips (its mappings, 8-way, what binds it
	# at the scenario's TP8), with no line added
	grep -v '^| report written |' "$tmpd/md/cnt.md" >"$tmpd/cnt.keep"
	sed 's/cnt300\./cnt./g' "$tmpd/md/cnt300.md" | grep -v '^| report written |' |
		diff "$tmpd/cnt.keep" - >"$tmpd/cnt.diff"
	if ! grep -q '^>' "$tmpd/cnt.diff" && grep -q '^< - Mappings (TP' "$tmpd/cnt.diff" &&
		! grep '^<' "$tmpd/cnt.diff" | grep -qv '^< - '; then
		echo "ok - b's 1e300 chips: the report the same, less items"
	else
		echo "not ok - b's 1e300 chips: the report moved otherwise"; head -8 "$tmpd/cnt.diff" | sed 's/^/    /'; fails=$((fails + 1))
	fi
	report_altered "$tmpd/cnt.db" cnt85 0 "report of a's chips changed to 8.5" \
		"UPDATE claim_runs SET json = json_set(json, '\$.a.setup.chips', 8.5)"
	lacks "$tmpd/md/cnt85.md" "a's 8.5 chips: no mappings item" "^- Mappings (TP"
	has "$tmpd/md/cnt85.md" "a's 8.5 chips: b's N-way item kept" "Etched's benchmark says \"8-way model parallel\""
else
	echo "ok - skipped: sqlite3 is not installed"
fi
# one chip a side: "on 1 chip" in the mappings item (it read "on 1 chips")
expect_exit 0 "claim run on one chip a side" -- "$RL" claim --samples 0 \
	--a h100-sxm,chips=1,tp=1 --b sohu,chips=1,tp=1 --db "$tmpd/claim1chip.db"
expect_exit 0 "report of the one-chip run" -- "$RL" report --db "$tmpd/claim1chip.db" \
	--out "$tmpd/md/claim1chip.md" --no-plots
has "$tmpd/md/claim1chip.md" "one chip a side: the mappings on 1 chip" "as TP1 x PP1 on 1 chip, 1 x sohu"
lacks "$tmpd/md/claim1chip.md" "one chip a side: never '1 chips'" " 1 chips"
# a one-chip scenario's run: its default sides' labels count 1 chip
# (claimrun.c count_label), where the title read "8x Sohu" and "8x
# H100" over mappings "on 1 chip" (small54)
sed 's/^tp = 8/tp = 1/; s/^chips = 8/chips = 1/' \
	"$ROOFLAB_DATA/scenarios/etched-bench.ini" >"$tmpd/one-chip.ini"
expect_exit 0 "claim run on one chip" -- "$RL" claim --samples 0 \
	--scenario "$tmpd/one-chip.ini" --db "$tmpd/onescen.db"
expect_exit 0 "report of the one-chip run" -- "$RL" report --db "$tmpd/onescen.db" \
	--out "$tmpd/md/onescen.md" --no-plots
has "$tmpd/md/onescen.md" "one chip: the title's labels say 1x" \
	"# Is 1x Sohu (as claimed) 20x as fast as 1x H100 (TensorRT-LLM 0.10)?"
lacks "$tmpd/md/onescen.md" "one chip: no 8x label" "8x \(Sohu\|H100\)"

# the target as given, in all its digits (claim_target_text), as the
# claim's text writes it: --target 1234567.5 is 1234567.5x in the title,
# the verdict, the probability and what must be true, where %g wrote
# 1.23457e+06x
tgdb="$tmpd/target.db"
mkdir -p "$tmpd/tg"
expect_exit 0 "claim --target 1234567.5 --db" -- "$RL" claim --samples 300 \
	--no-design --target 1234567.5 --db "$tgdb"
expect_exit 0 "report of the 1234567.5x run" -- "$RL" report --db "$tgdb" \
	--no-plots --out "$tmpd/tg/report.md"
has "$tmpd/tg/report.md" "target: the title's" "x as fast as 8x H100 (TensorRT-LLM 0.10)? The rooflab claim report"
has "$tmpd/tg/report.md" "target: the title's digits" "1234567.5x as fast as"
has "$tmpd/tg/report.md" "target: the probability's" "Probability that the speedup reaches 1234567.5x: "
has "$tmpd/tg/report.md" "target: what must be true's" "What must be true for 1234567.5x"
# (small53) the heatmap's caption says the contour's target in the same
# digits (claim_target_text, small52), where %g wrote 1.23457e+06x: a
# sweep over two parameters beside the 1234567.5x run, with its plots
grid_spec "$tmpd/two.ini" "scenario.isl = 128, 256" "chip.hbm_tbps = 2, 3"
if have gnuplot "the heatmap's caption of the 1234567.5x target"; then
	expect_exit 0 "a sweep over two parameters" -- "$RL" sweep "$tmpd/two.ini" --db "$tmpd/twosweep.db"
	mkdir -p "$tmpd/tgp"
	expect_exit 0 "report of the 1234567.5x run with that sweep" -- "$RL" report --db "$tgdb" \
		--sweeps "$tmpd/twosweep.db" --out "$tmpd/tgp/r.md"
	has "$tmpd/tgp/r.md" "target: the heatmap's caption" \
		"(run 1): the throughput over two swept parameters (the sweep has no baseline, so no speedup and no 1234567.5x contour)"
fi
lacks "$tmpd/tg/report.md" "target: no 1.23457e+06" "e+06"

# (small52) the cost settings as given, in all their digits, as claim's
# text writes them (rl_number_write: 0.1234567 USD/kWh and PUE 1.2345678,
# where %g wrote 0.123457 and 1.23457); what binds side b at its mapping
# in eval's digits (rl_fig_text: 20.0 ms of all-reduces for the default
# Sohu at TP8, as cli_claim checks against eval, where %.3g wrote 20 ms)
cbdb="$tmpd/costbasis.db"
expect_exit 0 "claim with cost settings of many digits --db" -- "$RL" claim --samples 0 --no-design \
	--a h100-sxm,profile=trtllm-0.10,cost.usd_per_kwh=0.1234567,cost.years=4.5 \
	--b sohu,profile=etched-claim,cost.usd_per_kwh=0.1234567,cost.years=4.5,cost.pue=1.2345678 \
	--db "$cbdb"
expect_out "^  energy: the chips' power \(power/chip above\) x 1\.82 for the server x PUE 1\.2 at 0\.1234567 USD/kWh$" \
	"claim's text: the energy price in all its digits"
expect_out "^  b: 4\.5 years, x 1\.82 for the server x PUE 1\.2345678 at 0\.1234567 USD/kWh$" \
	"claim's text: side b's PUE in all its digits"
expect_exit 0 "its report" -- "$RL" report --db "$cbdb" --no-plots --out "$tmpd/tg/cost.md"
has "$tmpd/tg/cost.md" "report: the cost basis in all its digits" \
	"the chips amortized over 4.5 years, plus energy: the chips' power x 1.82 for the server x PUE 1.2 at 0.1234567 USD/kWh; side b: 4.5 years, x 1.82 for the server x PUE 1.2345678 at 0.1234567 USD/kWh"
lacks "$tmpd/tg/cost.md" "report: no six-digit cost setting" "0\.123457 \|1\.23457 "
expect_exit 0 "claim of the default sides --db" -- "$RL" claim --samples 0 --db "$tmpd/binds.db"
expect_exit 0 "its report" -- "$RL" report --db "$tmpd/binds.db" --no-plots --out "$tmpd/tg/binds.md"
has "$tmpd/tg/binds.md" "report: what binds in eval's digits" \
	"communication-bound: 20.0 ms of all-reduces not hidden under compute against 4.22 ms of GEMMs and 0.176 ms of attention."

# (small59) side b with no power model: the power limit's note gives the
# factor as the factor table does (claim_factor_text: three decimals, %.3g
# from 1e15), where "x%.3f" wrote a factor of 1e300 in 301 digits; the
# factor set by hand to 1e300, which %.3g writes "1e+300"
mkdir -p "$tmpd/pw"
expect_exit 0 "claim run for the power note" -- "$RL" claim --samples 0 --db "$tmpd/pw/p.db"
sqlite3 "$tmpd/pw/p.db" "UPDATE claim_factors SET factor = 1e300 WHERE name = 'power limit'"
expect_exit 0 "report of a power factor of 1e300" -- "$RL" report --db "$tmpd/pw/p.db" --no-plots --out "$tmpd/pw/p.md"
has "$tmpd/pw/p.md" "report: the power note's factor of 1e300 in %.3g" \
	"Power limit: 8x Sohu (as claimed) has no power model and no TDP; x1e+300 is (averaged over the Shapley orders) what 8x H100 (TensorRT-LLM 0.10)'s power budget"
# a plot's cell changed by hand that the report's tables do not read
# (claim_mc_samples, the distribution's): the plot's failure to read the
# database fails the report (exit 2 naming table and column, no report),
# not a plot noted as missing; fuzz10's mutation pass: number_cell without
# PDB_UNREAD (the flag the report tells the two apart by) passed cli_report
if have gnuplot "a sample holding text fails the report" && have sqlite3 "a sample holding text fails the report"; then
	cp "$db" "$tmpd/smp.db"
	sqlite3 "$tmpd/smp.db" "UPDATE claim_mc_samples SET speedup = 'x' WHERE i = 0"
	mkdir -p "$tmpd/smp"
	expect_exit 2 "a sample holding text fails the report with plots" -- "$RL" report \
		--db "$tmpd/smp.db" --out "$tmpd/smp/r.md"
	expect_err "smp\.db: cannot read: claim_mc_samples\.speedup holds text, where rooflab writes a number" \
		"the sample's cell is named"
	[ ! -e "$tmpd/smp/r.md" ] && echo "ok - no report of it" ||
		{ echo "not ok - a report of a sample holding text"; fails=$((fails + 1)); }
fi

# (reports74) Unicode's bidirectional controls and the C1 controls
# (rl_utf8_control, the one rule of a terminal's cells, gp.c and
# celltext.c) are '?' in the report, where esc() passed them: a row id
# holding RLO U+202E (E2 80 AE) and NEL U+0085 (C2 85) from a crafted
# database read backwards after it in a browser; the C0 controls too
# since reports78, where they were U+FFFD (cli_badinput, test_doc.c)
rlo=$(printf '\342\200\256'); nel=$(printf '\302\205')
if have sqlite3 "a row id holding U+202E"; then
	cp "$db" "$tmpd/bidi.db"
	sqlite3 "$tmpd/bidi.db" "UPDATE validation SET id = 'rlo' || char(8238) || 'x' || char(133) || 'y' WHERE id = 'h100-128-128'"
	for f in bidi.md bidi.html; do
		expect_exit 0 "report $f of a row id holding U+202E and U+0085" -- \
			"$RL" report --db "$tmpd/bidi.db" --out "$tmpd/md/$f" --no-plots
		has "$tmpd/md/$f" "$f: the row id's U+202E and U+0085 as '?'" "rlo?x?y"
		lacks "$tmpd/md/$f" "$f: no U+202E in the page" "$rlo"
		lacks "$tmpd/md/$f" "$f: no U+0085 in the page" "$nel"
	done
fi
# a sweep's spec path (runs.spec_path, from a crafted database) in its
# figures' captions: the same escaping as the rest of the page ('<' an
# entity in HTML, '\<' in Markdown, U+202E '?'), in the figure's caption
# as in its heading; the SVG's own title by svgtitle.c's rule
if have gnuplot "a spec path holding U+202E in a caption" &&
	have sqlite3 "a spec path holding U+202E in a caption"; then
	# (two designs over the chip, so that the Pareto plot is drawn)
	printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 2, 3\n' >"$tmpd/bidi.ini"
	expect_exit 0 "a sweep of two designs" -- "$RL" sweep "$tmpd/bidi.ini" --db "$tmpd/bidisweep.db"
	sqlite3 "$tmpd/bidisweep.db" "UPDATE runs SET spec_path = '/x/s' || char(8238) || '<b>' || char(133) || '.ini'"
	mkdir -p "$tmpd/bidis"
	for f in r.md r.html; do
		expect_exit 0 "report $f of a sweep whose spec path holds U+202E" -- \
			"$RL" report --db "$db" --sweeps "$tmpd/bidisweep.db" --out "$tmpd/bidis/$f"
		lacks "$tmpd/bidis/$f" "$f: no U+202E from the spec path" "$rlo"
		lacks "$tmpd/bidis/$f" "$f: no U+0085 from the spec path" "$nel"
		lacks "$tmpd/bidis/$f" "$f: no '<b>' from the spec path" "<b>"
	done
	has "$tmpd/bidis/r.html" "HTML: the figure's caption escaped" \
		"<figcaption>Sweep s?&lt;b&gt;? (run 1): the designs no other design beats"
	has "$tmpd/bidis/r.md" "Markdown: the figure's caption escaped" \
		'![Sweep s?\<b\>? (run 1): the designs no other design beats'
	if grep -l "$rlo" "$tmpd"/bidis/*.svg >/dev/null 2>&1; then
		echo "not ok - a figure's SVG holds U+202E"; fails=$((fails + 1))
	else
		echo "ok - no figure's SVG holds U+202E"
	fi
fi
# (reports74) claim --samples 0: no Monte Carlo, so the terms under the
# verdict explain no samples and no P(>= 20x) above "90% interval: not
# computed", which is all the page shows of them
expect_exit 0 "claim --samples 0 --db" -- "$RL" claim --samples 0 --no-design --db "$tmpd/nomc.db"
expect_exit 0 "report of a claim run without a Monte Carlo" -- "$RL" report \
	--db "$tmpd/nomc.db" --out "$tmpd/md/nomc.md" --no-plots
has "$tmpd/md/nomc.md" "no Monte Carlo: the interval not computed" "- 90% interval: not computed"
lacks "$tmpd/md/nomc.md" "no Monte Carlo: no samples explained" "Monte Carlo samples, draws of every"
lacks "$tmpd/md/nomc.md" "no Monte Carlo: no P(>= 20x) explained" "P(\\\\>= 20x), the share"
has "$tmpd/md/nomc.md" "no Monte Carlo: the terms say what is not computed" \
	"Terms used below: the 90% interval and the probability of reaching 20x, not computed for this claim run (a Monte Carlo gives them, drawing every assumption at once, each from its range); TensorRT-LLM, NVIDIA's software that serves a language model on its GPUs, named with its version (0.10, 0.11, ...); roofline, a step's time taken as the longer of its arithmetic at the chip's peak and its memory traffic at full bandwidth; utilization"
# (small84) the report names TensorRT-LLM and has a roofline section: both
# in the terms, in claim's words (the text's "terms used below")
has "$md" "the terms gloss TensorRT-LLM" "; TensorRT-LLM, NVIDIA's software that serves a language model on its GPUs"
has "$md" "the terms gloss roofline" "; roofline, a step's time taken as the longer of its arithmetic at the chip's peak"
has "$md" "with a Monte Carlo: its samples explained" \
	"Terms used below: Monte Carlo samples, draws of every assumption at once"
# (reports78) and no section speaks of samples never drawn: the power
# cap's "a Monte Carlo sample drawing over 1000 W per chip counts as
# violating physics" under the assumptions (sections.c), "a range is what
# the Monte Carlo and the sensitivity vary", the sensitivity's opening
# "the Monte Carlo over all ranges at once", and a distribution figure of
# no sample ("omitted: claim run 1 has no Monte Carlo samples ...; rooflab
# claim --db FILE writes them", which that run had done); with side b by
# design too (no --no-design), and 50 samples as the control that says them
expect_exit 0 "claim --samples 0 --db, by design too" -- "$RL" claim --samples 0 --db "$tmpd/nomcd.db"
expect_exit 0 "claim --samples 50 --no-design --db" -- "$RL" claim --samples 50 --no-design --db "$tmpd/mc50.db"
for n in nomc nomcd mc50; do
	[ "$n" = nomc ] || expect_exit 0 "report of claim run $n" -- "$RL" report \
		--db "$tmpd/$n.db" --out "$tmpd/md/$n.md" --no-plots
done
for n in nomc nomcd; do
	lacks "$tmpd/md/$n.md" "$n: no power cap held to samples never drawn" "a Monte Carlo sample drawing over"
	lacks "$tmpd/md/$n.md" "$n: the ranges not said to be a Monte Carlo's" "a range is what the Monte Carlo"
	has "$tmpd/md/$n.md" "$n: the ranges are the sensitivity's" \
		"a range is what the sensitivity varies, one parameter at a time (the sensitivity section shows each side's; this claim run drew no Monte Carlo over them)."
	lacks "$tmpd/md/$n.md" "$n: the sensitivity opens with no Monte Carlo" "the Monte Carlo over all ranges at once"
	has "$tmpd/md/$n.md" "$n: ... and says it drew none" \
		"as rooflab claim prints them. This claim run drew no Monte Carlo over the ranges at once (each side below says why)."
done
has "$tmpd/md/mc50.md" "50 samples: the cap held to them" \
	"a Monte Carlo sample drawing over 1000 W per chip counts as violating physics"
has "$tmpd/md/mc50.md" "50 samples: the ranges the Monte Carlo's" "a range is what the Monte Carlo and the sensitivity vary"
has "$tmpd/md/mc50.md" "50 samples: the sensitivity opens with it" "the Monte Carlo over all ranges at once"
if have gnuplot "no distribution figure without samples"; then
	mkdir -p "$tmpd/nomcp"
	expect_exit 0 "report with plots of a claim run without a Monte Carlo" -- \
		"$RL" report --db "$tmpd/nomcd.db" --out "$tmpd/nomcp/r.md"
	lacks "$tmpd/nomcp/r.md" "no distribution figure of no sample" "distribution"
	if grep -q "distribution" "$tmpd/err"; then
		echo "not ok - a warning about the distribution plot"; fails=$((fails + 1))
	else
		echo "ok - no warning about the distribution plot"
	fi
	[ ! -e "$tmpd/nomcp/r-distribution.svg" ] && echo "ok - no distribution SVG" ||
		{ echo "not ok - a distribution SVG"; fails=$((fails + 1)); }
	has "$tmpd/nomcp/r.md" "the tornado still drawn" "](r-tornado.svg)"
fi
# (reports74) a --measurements file's run with out-of-sample rows and no
# held-out one: the note under "Held out" named them apart for the shipped
# rows' run alone; a file's said every row was of a fitted chip
if have sqlite3 "a file's run with out-of-sample rows"; then
	report_altered "$db" fileoos 0 "report of a file's run with out-of-sample rows, none held out" \
		"ALTER TABLE validation_runs ADD COLUMN rows_of TEXT;
		ALTER TABLE validation_runs ADD COLUMN measurements_file TEXT;
		UPDATE validation_runs SET rows_of = 'file', measurements_file = 'mine.csv';
		UPDATE validation SET out_of_sample = 1 WHERE in_calibration = 0"
	has "$tmpd/md/fileoos.md" "a file's run: the out-of-sample rows named beside no held-out row" \
		"No held-out rows: apart from the out-of-sample rows below, every row modelled here is of a chip its profile was fitted on, rows of the file validate was given"
	report_altered "$db" filenooos 0 "report of a file's run of fitted-chip rows alone" \
		"ALTER TABLE validation_runs ADD COLUMN rows_of TEXT;
		ALTER TABLE validation_runs ADD COLUMN measurements_file TEXT;
		UPDATE validation_runs SET rows_of = 'file', measurements_file = 'mine.csv';
		UPDATE validation SET in_calibration = 1"
	has "$tmpd/md/filenooos.md" "a file's run without out-of-sample rows: none named" \
		"No held-out rows: every row modelled here is of a chip its profile was fitted on, rows of the file validate was given"
fi

# (reports78) a message about the claim database whose path is long: the
# validation run's failure to read went through a 600-byte buffer
# (reports/rctx.c report_val_run) and the report's of 1,100 (rctx.bad_msg),
# and was cut inside the path, before the reason.  A path spelled long with
# "./" (SQLite resolves it to the folder's, under its 512-byte limit) over
# a folder of deepdir 300; validation_runs.rows changed by hand to -3
if have sqlite3 "a long database path's message"; then
	dd=$(deepdir 300)
	cp "$db" "$dd/v.db"
	sqlite3 "$dd/v.db" "UPDATE validation_runs SET rows = -3"
	lp=$dd/$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "./" }')v.db
	expect_exit 2 "report of a ${#lp}-byte database path whose validation run holds -3" -- \
		"$RL" report --db "$lp" --out "$tmpd/md/lp.md" --no-plots
	# the whole message, path and reason (fixed string)
	if grep -qxF -- "rooflab report: $lp: cannot read: validation_runs.rows of validation run 1 holds -3, where rooflab validate writes a whole number from 0 on (a database changed by hand?)" "$tmpd/err"; then
		echo "ok - the message names the whole path, then the reason"
	else
		echo "not ok - the message of a ${#lp}-byte path is not whole ($(wc -c <"$tmpd/err") bytes)"
		fails=$((fails + 1))
	fi
	# past the 2,048 bytes the command prints (cli/cmd_report.c): cut in
	# the middle at whole characters, "...", the reason kept.  The path
	# through a folder of 100 'é' (2 bytes each) and back ("E/../",
	# 11 times), once with a second '/' before it and once with the file
	# named vx.db: one byte more before the cuts or after them, so that
	# each of the two cuts falls inside an 'é' in one of the two, unless
	# it falls in a "/../" (a cut 'é' is shown '?', cli_say's rule; the
	# old "%s" cut split one with mktemp's 19-byte folder)
	e=$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "\303\251" }')
	mkdir -p "$tmpd/$e"
	cp "$dd/v.db" "$tmpd/vx.db"
	for v in "/ v.db" " vx.db"; do
		pad=${v% *}; f=${v#* }
		cp "$dd/v.db" "$tmpd/$f"
		lp=$tmpd/$pad$(awk -v e="$e" 'BEGIN { for (i = 0; i < 11; i++) printf "%s/../", e }')$f
		expect_exit 2 "report of a $(printf '%s' "$lp" | wc -c)-byte database path" -- \
			"$RL" report --db "$lp" --out "$tmpd/md/lp.md" --no-plots
		expect_err "^rooflab report: $tmpd/$pad$e/\.\./.*\.\.\..*/\.\./$f: cannot read: validation_runs\.rows of validation run 1 holds -3, where rooflab validate writes a whole number from 0 on \(a database changed by hand\?\)$" \
			"... its message cut in the middle, the reason kept ($f)"
		if sed 's/hand?)$/hand)/' "$tmpd/err" | grep -q '?'; then
			echo "not ok - the cut split a character ($f)"
			fails=$((fails + 1))
		else
			echo "ok - ... at whole characters ($f)"
		fi
		[ "$(wc -c <"$tmpd/err")" -le 2070 ] &&
			echo "ok - ... within the command's 2,048 bytes ($f)" ||
			{ echo "not ok - $(wc -c <"$tmpd/err") bytes ($f)"; fails=$((fails + 1)); }
	done
fi

finish
