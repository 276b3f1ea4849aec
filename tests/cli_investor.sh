#!/bin/sh
# cli_investor.sh: what an investor checking the claim reads agrees with
# itself and can be worked out by hand.  The claim's text, JSON and report
# say the speedup with one rounding rule (two decimals); each assumption of
# the JSON carries its stated value as the database and the report do; USD
# per million output tokens names every input of its formula (model/cost.h)
# and comes out of it by hand; the speedups against the measured
# TensorRT-LLM tables are against the tables (data/claims/etched-2024.ini),
# not the modelled baseline.
. "$(dirname "$0")/clilib.sh"

# most checks read claim's JSON with python3: without it the file says so
# and stops
have python3 "cli_investor.sh: claim's JSON read back" || finish

C="$RL claim --samples 400 --seed 5"
expect_exit 0 "claim text" -- $C
cp "$tmpd/out" "$tmpd/text"
# the other claims' 20x says at which values it is "consistent" and what
# the ranges give, the verdict's own probability and word, where
# "consistent with the model" under a first line "Not supported" read as
# two answers to one question
vw=$(verdict_of "$tmpd/text" | sed 's/:.*//')
vp=$(sed -n 's/^  over the assumption ranges: .*, P(>= 20x) = \([0-9.]*%\)$/\1/p' "$tmpd/text")
expect_joined "^    verdict: consistent with the model at the stated" \
	"^    verdict: consistent with the model at the stated values only; over the assumption ranges P\\(>= 20x\\) = $vp: $vw, as the verdict says$" \
	"the other claims' 20x: consistent at the stated values only, $vw over the ranges ($vp)"
# Sohu by design's speedup among the verdict's lines (the demo prints
# them, and README's answer gives it): b''s total tokens/s over a's, by
# hand from the side table, at sohu-design.ini's TDP
bdx=$(awk '/^ +side +out tok\/s/ { t = 1; next } t && /^$/ { exit }
	t { v = ""; for (i = 2; i <= NF; i++) if ($i ~ /^[0-9.]+%$/) v = $(i - 1)
	    if (v != "" && $1 == "a") a = v; if (v != "" && $1 == "b'"'"'") b = v }
	END { if (a > 0) printf "%.2f", b / a }' "$tmpd/text")
tdp=$(sed -n 's/^tdp_w *= *\([0-9.]*\).*/\1/p' "$ROOFLAB_DATA/chips/sohu-design.ini")
expect_joined "^  8x Sohu \\(by design\\), Sohu derived" \
	"^  8x Sohu \\(by design\\), Sohu derived from its silicon and held to a $tdp W TDP \\(b' below\\): ${bdx}x; over its own ranges P\\(>= 20x\\) = [0-9.]+%$" \
	"the verdict's lines give Sohu by design's ${bdx}x at its ${tdp} W TDP"
# the 500,000 tokens/s agree by construction: sohu.ini's peak is worked
# back from them, 500000 x 142 GFLOP / 8 chips / 0.9 = 9861 TFLOPS, within
# 1% of the file's 9800
pk=$(sed -n 's/^peak_tflops_fp8 *= *\([0-9.]*\).*/\1/p' "$ROOFLAB_DATA/chips/sohu.ini")
if awk -v p="$pk" 'BEGIN { d = 500000 * 142e9 / 8 / 0.9 / 1e12; exit !(p > 0 && (p / d - 1) ^ 2 < 1e-4) }'; then
	expect_joined "^    verdict: consistent with the model, by" \
		"^    verdict: consistent with the model, by construction: its peak FP8 is worked back from this figure, so this checks nothing else stops it short$" \
		"the 500,000 tokens/s: consistent by construction (peak $pk of 9861 TFLOPS worked back)"
else
	echo "not ok - sohu.ini's peak $pk is no longer the 500,000 tokens/s worked back"; fails=$((fails + 1))
fi
# the formula's inputs, the defaults of `rooflab params` (cost.years 4,
# cost.server_overhead 1.82, cost.pue 1.2, cost.usd_per_kwh 0.1)
expect_out "^USD per million output tokens \\(chips amortized over 4 years, plus energy\\)" \
	"cost: the years named"
expect_out "^  energy: the chips' power \\(power/chip above\\) x 1\\.82 for the server x PUE 1\\.2 at 0\\.1 USD/kWh$" \
	"cost: every input of the energy term named"
# the measured tables: 1337.36, 1738.94, 1933.15 output tokens/s (the
# claims file) x (2048 + 128) / 128 = 22735, 29562, 32864 total tokens/s;
# one sentence, wrapped at 100 columns
expect_joined "^against the measured" "^against the measured TensorRT-LLM tables of the same cell \\(total tokens/s\\): 0\\.10 \\(22735\\) [0-9.]+x, and the later 0\\.11 \\(29562\\) [0-9.]+x, 0\\.12 \\(32864\\) [0-9.]+x$" \
	"the later baselines are the measured tables, 0.10's among them"
# the lines that ran past 100 columns (by design's TDPs 177, the tables
# 151, the other claims' model lines up to 264) wrapped at 100, and a
# number kept with the word after it: the levers' "(... assumed: 9.8
# PFLOPS)" and "(..., at 450 GB/s already)" broke after the number, at
# columns 99 and 98
if awk 'length > 100 && (/TDP of 700 W/ || /^against the measured/ ||
	/^    model: /) { bad = 1 } END { exit bad }' "$tmpd/out" &&
	! grep -Eq "(at|assumed:) [0-9.]+$" "$tmpd/out"; then
	echo "ok - the long lines wrapped at 100 columns, a number with its unit"
else
	echo "not ok - lines past 100 columns or a number apart from its unit"
	awk 'length > 100' "$tmpd/out" | sed 's/^/    /'
	grep -E "(at|assumed:) [0-9.]+$" "$tmpd/out" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# a range's whole ends whole (data/uncertainty/sohu.ini: 5000-12000 TFLOPS),
# where %.4g wrote 1.2e+04
expect_out "^    b\\.chip\\.peak_tflops_fp8 +5000 \\.\\. 12000 +TFLOPS +speedup" \
	"tornado: the range's ends as written in the file"
# its speedups in one column whatever the unit: the unit padded to the
# longest, where "TFLOPS speedup" stood right of a unitless row's
if awk '/^  tornado: /{t=1; next} t && /^    [ab]\./ {
		c = index($0, " speedup "); if (!c) next
		if (col && c != col) bad = 1; col = c; n++ }
	t && /^[^ ]/ {t=0} END { exit bad || n < 4 }' "$tmpd/out"; then
	echo "ok - tornado: the speedups in one column, with a unit or none"
else
	echo "not ok - tornado: the speedups' column moves with the unit"
	grep " speedup  *[0-9]" "$tmpd/out" | sed 's/^/    /'
	fails=$((fails + 1))
fi
expect_no_out "1\\.2e\\+04" "no 1.2e+04 in the text"
# the tornado's header says what it is in words, where it read "tornado
# (others nominal; low/high: ...)"
expect_out "^  tornado: each assumption alone at the low and high ends of its range, the others$" \
	"the tornado in words"
expect_no_out "others nominal" "no 'others nominal'"
# each tornado row says under it what its parameter is: a lever's phrase of
# claim/words.c ("peak FP8 compute per chip") or the parameter table's doc
# up to its parenthesis (model/params.c, profile.elementwise_fused)
if awk '/^    b\.chip\.peak_tflops_fp8 +5000 / {getline n; a = (n == "      peak FP8 compute per chip")}
	/^    b\.profile\.elementwise_fused +0 \.\. 1 / {getline n; b = (n == "      share of elementwise HBM traffic removed by fusing it into GEMMs")}
	END {exit !(a && b)}' "$tmpd/out"; then
	echo "ok - the tornado's parameters in words"
else
	echo "not ok - the tornado's parameters in words"
	sed -n '/^  tornado/,/^$/p' "$tmpd/out" | head -8 | sed 's/^/    /'; fails=$((fails + 1))
fi
# the verdict's word follows the probability over the ranges, its sentence
# the stated values: at the headline's own 20x the stated speedup reaches
# it (21.39x since Sohu as claimed hides attention under its GEMMs,
# attn_overlap 1, 2026-11-30: 494,587 total tokens/s / 23,123 = 21.39;
# before, at 17.50x, this check ran at a target of 17x) while the
# samples' 95th percentile (about 18.2x) does not, so the word is Not
# supported (under 10%) and the sentence says both, where it read "Not
# supported: ... reaching 20x."  The stated speedup is the run's own
# "speedup b/a" line, checked to reach 20x, not a number copied here.
expect_exit 0 "claim at a target the stated values reach" -- $C --target 20
x20=$(sed -n 's/^speedup b\/a: \([0-9.]*\)x counted .*/\1/p' "$tmpd/out")
if awk -v x="$x20" 'BEGIN { exit !(x + 0 >= 20) }'; then
	echo "ok - the stated speedup ($x20) reaches the target of 20x"
else
	echo "not ok - the stated speedup '$x20' does not reach 20x"; fails=$((fails + 1))
fi
# (the verdict wrapped at 100 columns: its lines joined, verdict_of)
if verdict_of "$tmpd/out" | grep -Eq "^Not supported: 8x Sohu \\(as claimed\\) is $(printf '%s' "$x20" | sed 's/\./\\./')x as fast as 8x H100 \\(TensorRT-LLM 0\\.10\\) at the stated values, reaching 20x, but only [0-9.]+% of the samples over the assumption ranges do\\.$"; then
	echo "ok - a word and a sentence that disagree say why"
else
	echo "not ok - a word and a sentence that disagree say why: $(verdict_of "$tmpd/out")"; fails=$((fails + 1))
fi
# one probability, one format: the verdict's share of the samples, the
# verdict's P(>= 20x) and the Monte Carlo line's are the same percentage
# (the Monte Carlo line wrote it as a fraction to four places: 0.0470)
p1=$(sed -n 's/.* but only \([0-9.]*%\) of the samples.*/\1/p' "$tmpd/out")
p2=$(sed -n 's/^  over the assumption ranges: .*, P(>= 20x) = \([0-9.]*%\)$/\1/p' "$tmpd/out")
p3=$(sed -n '/^uncertainty of 8x Sohu (as claimed)/,/^$/s/^    speedup 5th percentile .*; P(>= 20x) = \([0-9.]*%\)$/\1/p' "$tmpd/out")
if [ -n "$p1" ] && [ "$p1" = "$p2" ] && [ "$p1" = "$p3" ]; then
	echo "ok - one probability in one format ($p1)"
else
	echo "not ok - the probability as '$p1', '$p2', '$p3'"; fails=$((fails + 1))
fi
expect_no_out "P\\(>= 20x\\) = [0-9.]*[0-9]$" "no probability as a bare fraction"
expect_exit 0 "claim text" -- $C
# the H100's transistors (h100-sxm.ini: 80e9) in words as the other claims
# give their counts: 528 x 512 = 270336 FMA units x 10,000 transistors /
# 80e9 = 3.38%, where %.3g wrote "of 8e+10 transistors" (the line wrapped
# at 100 columns)
expect_joined "^    model: silicon model" "^    model: silicon model, H100: 270336 FMA units x 10000 transistors = 3\\.38% of 80 billion transistors, " \
	"the transistor count in words"
expect_no_out "[0-9]e\\+[0-9]" "no count in exponent form in the text"
# the levers together: where the stated values miss the target the range's
# low end is the peak with unlimited chip-to-chip and HBM bandwidth, its
# high end the peak with both as assumed (the two bullets under it), the
# sentence saying which, where "needs about 9.0-11.5 PFLOPS" read as if
# 9.0 held at the assumed bandwidths.  Since Sohu as claimed hides
# attention under its GEMMs (attn_overlap 1, 2026-11-30) its 21.39x meets
# 20x, and at TP1 x PP1 x DP8 neither links nor HBM bind: the peak it holds
# down to is one value, about 20 / 21.39 of the 9.8 PFLOPS (9.16; solve's
# 9.139, shown rounded up, 9.2): the second bullet says it is the same,
# where it repeated the first word for word after its "with ..."
sed -n '/^  levers moved together:/,/^  one lever at a time/p' "$tmpd/out" |
	tr '\n' ' ' | tr -s ' ' >"$tmpd/joint"
pk=$(sed -n 's/.*=> 20x is met already (21\.39x now); it holds down to about \([0-9.]*\) PFLOPS FP8.*/\1/p' "$tmpd/joint")
if [ -n "$pk" ] && awk -v p="$pk" 'BEGIN { exit !(p >= 9.1 && p <= 9.2) }' &&
	grep -q -- "- with HBM ([0-9.]* TB/s) and links ([0-9]* GB/s) as assumed: $pk PFLOPS FP8 per chip, which is [0-9]*% of the 814 mm2 die in MAC arrays" "$tmpd/joint" &&
	grep -q -- "- with unlimited chip-to-chip and HBM bandwidth: the same, to the digits shown (neither bandwidth is what limits it)" "$tmpd/joint" &&
	! grep -q -- "- with unlimited chip-to-chip and HBM bandwidth: $pk PFLOPS" "$tmpd/joint" &&
	! grep -q "the low ends\? hold" "$tmpd/joint"; then
	echo "ok - the peak 20x holds down to, one value at both bandwidths ($pk)"
else
	echo "not ok - the peak range's ends ('$pk')"
	sed 's/^/    /' "$tmpd/joint" | cut -c1-400
	fails=$((fails + 1))
fi
# Sohu as claimed has no power model (sohu.ini: tdp_w 0, no node): its
# power-limit factor is said to be assumed away, with the factor's own value
pf=$(sed -n 's/^    power limit  *x *\([0-9.]*\)$/\1/p' "$tmpd/out" | head -1)
if [ -n "$pf" ] && grep -q "^    power limit: 8x Sohu (as claimed) has no power model and no TDP; x$pf is (averaged over the$" "$tmpd/out"; then
	echo "ok - the power limit's factor for a chip with no power model is explained (x$pf)"
else
	echo "not ok - the power limit's note (factor '$pf')"; fails=$((fails + 1))
fi
# side b's 8 chips as 8 single-chip replicas: 8 / (1 x 1) = DP8, named
expect_out "^  mapping: a TP8 x PP1 on 8 chips, b TP1 x PP1 x DP8 on 8 chips \\(etched-bench: 2048 in / 128 out\\)$" \
	"the verdict's mapping names b's replicas"
# and says what its letters mean, on the line under it
if awk '/^  mapping: a TP8 x PP1 on 8 chips, b TP1 x PP1 x DP8 / {getline n; ok = (n == "    (TP splits each layer across chips, PP the layers into stages, DP runs whole copies)")} END {exit !ok}' "$tmpd/out"; then
	echo "ok - the mapping's letters in words"
else
	echo "not ok - the mapping's letters in words"; fails=$((fails + 1))
fi
# what the two Sohus are, under the side lines, from their presets:
# etched-claim.ini eff_compute 0.9 = 90% of peak; sohu-design.ini die_mm2
# 814, clock_ghz 1.5, tdp_w 700 (b' was explained nowhere in the text, and
# TDP, in the verdict and the power column, not as a power limit)
awk "/^  b' 8x Sohu \\(by design\\)  / {p=1} p && /^\$/ {exit} p" "$tmpd/text" | tr '\n' ' ' | tr -s ' ' >"$tmpd/legend"
if grep -q "^ b' 8x Sohu (by design) .* b is Sohu's spec sheet as Etched's figures imply it (data/chips/sohu.ini, served as claimed: 90% of peak, no serving overheads); b' is Sohu derived from its silicon: 814 mm2 of die at 1.5 GHz, held to a 700 W power limit, its TDP (data/chips/sohu-design.ini) \$" "$tmpd/legend"; then
	echo "ok - the side lines say what b and b' are"
else
	echo "not ok - the Sohus' legend"; sed 's/^/    /' "$tmpd/legend"; fails=$((fails + 1))
fi
# the side table's columns in words under it: MFU and the bounds' short
# names (comm) were explained nowhere in the text (model/outputs.c's docs:
# utilization.mfu, model FLOPs / (chips x peak); prefill.bound, decode.bound),
# nor HBM, which the bound "memory" is the traffic to
awk '/^     side +out tok\/s total tok\/s +MFU +bound pre\/dec +power\/chip$/ {p=1} p && /^$/ {exit} p' "$tmpd/text" | tr '\n' ' ' | tr -s ' ' >"$tmpd/cols"
if grep -qF "columns: tokens/s of each side's whole system (all its chips); MFU, model FLOPs utilization: the model's FLOPs per second over the chips' peak at the compute precision; bound pre/dec: what sets the time of an iteration carrying prefill and of the iterations decode tokens see, one word where both are the same (compute, memory: HBM traffic, HBM the chip's high-bandwidth DRAM; communication: chip to chip, overhead: host time); power/chip: one chip's average draw serving this workload (n/a: the chip has no power model)" "$tmpd/cols"; then
	echo "ok - the side table's columns in words"
else
	echo "not ok - the side table's columns in words"; sed 's/^/    /' "$tmpd/cols"; fails=$((fails + 1))
fi
# the bounds by the model's names, as map and eval write them: the H100 at
# TP8 is communication-bound in prefill and decode (the text's "prefill
# takes 24.4 ms ..., communication-bound"), one word for both, where the
# column read "comm/comm"; the Sohus compute-bound in both
if grep -Eq '^  a  8x H100 \(TensorRT-LLM 0\.10\) +[0-9.]+ +[0-9.]+ +[0-9.]+%  communication   [0-9]+ W$' "$tmpd/text" &&
	grep -Eq '^  b  8x Sohu \(as claimed\) +[0-9.]+ +[0-9.]+ +[0-9.]+%  compute         n/a$' "$tmpd/text" &&
	! grep -q 'comm/\|/comm\|comm:' "$tmpd/text"; then
	echo "ok - the side table's bounds say communication, as map does"
else
	echo "not ok - the side table's bounds"; grep '^  [ab]' "$tmpd/text" | sed 's/^/    /'; fails=$((fails + 1))
fi
# where side a comes from, by its files (the default: h100-sxm under
# trtllm-0.10, claim/claimrun.c DEFAULT_A), where the text named neither
if grep -qF "a is the chip of data/chips/h100-sxm.ini served by data/profiles/trtllm-0.10.ini, each value with its source beside it there" "$tmpd/cols"; then
	echo "ok - the side lines say where a comes from"
else
	echo "not ok - side a's files"; fails=$((fails + 1))
fi
# each of the other claims with its source, as data/claims/etched-2024.ini
# gives it (the JSON and the report's table had them, the text none)
awk -F' = ' '/^claim = / {c=$2} /^source = / {print c "\t" $2}' \
	"$ROOFLAB_DATA/claims/etched-2024.ini" >"$tmpd/sources"
n=0; bad=0
while IFS='	' read -r cl src; do
	n=$((n + 1))
	awk -v c="  * $cl" -v s="    source: $src" 'p && $0 == s {ok=1} {p = ($0 == c)} END {exit !ok}' "$tmpd/text" || bad=$((bad + 1))
done <"$tmpd/sources"
if [ "$n" -ge 8 ] && [ "$bad" -eq 0 ] && grep -q "^the other claims (each source's words and how firm it is: data/sources/claims.md)$" "$tmpd/text"; then
	echo "ok - each of the $n other claims names its source"
else
	echo "not ok - the other claims' sources ($bad of $n missing)"; fails=$((fails + 1))
fi
# every unknown of each Sohu, in the text beside the verdict as the JSON and
# the report give it (the text named the uncertainty file alone): each
# section of data/uncertainty/sohu.ini and sohu-design.ini is a row with its
# distribution and range as the file writes them (the same number: 1507.5,
# where 4 digits wrote 1508) and its source whole under it; the stated
# values of sohu.ini's [chip] (peak_tflops_fp8 9800, hbm_tbps 4.8);
# [limits]' power cap with its source; and what is held fixed named by its
# files
for u in sohu sohu-design; do
	awk -v f="$u" '
	FNR == NR {
		if (/^\[(a|b)\./) { n++; name[n] = substr($0, 2, length($0) - 2) }
		else if (/^\[/) n_other = 1
		if (n && /^dist = /) dist[n] = substr($0, 8)
		if (n && /^low = /) lo[n] = substr($0, 7)
		if (n && /^high = /) hi[n] = substr($0, 8)
		if (n && /^source = /) src[n] = words(substr($0, 10))
		next
	}
	$0 ~ "^assumptions of 8x Sohu \\((as claimed|by design)\\) \\(data/uncertainty/" f "\\.ini\\)$" { on = 1; next }
	on && /^$/ { on = 0 }
	on && /^    [ab]\./ { r++; row[r] = $0; cur = r; next }
	on && !/^      / { cur = 0 }
	on && /^      / && cur { s = $0; sub(/^ +/, "", s); body[cur] = body[cur] (body[cur] == "" ? "" : " ") s }
	function same(a, b) { return a + 0 == b + 0 }
	# (small84) a source'"'"'s "FILE ASSUMPTION" as the text says it: "an
	# assumption of rooflab'"'"'s (FILE)", params.c as model/params.c
	function words(s,   out, w) {
		out = ""
		while (match(s, /[^ (]+\.(c|ini) ASSUMPTION/)) {
			w = substr(s, RSTART, RLENGTH - 11)
			out = out substr(s, 1, RSTART - 1) "an assumption of rooflab'"'"'s (" \
				(w == "params.c" ? "model/" : "") w ")"
			s = substr(s, RSTART + RLENGTH)
		}
		return out s
	}
	END {
		if (r != n || n < 8) { print "    " f ": " r " rows, " n " sections"; exit 1 }
		for (i = 1; i <= n; i++) {
			split(row[i], w, " ")
			m = split(row[i], t, /, /)
			split(t[m], d, " ")
			if (w[1] != name[i] || d[1] != dist[i] || !same(d[2], lo[i]) ||
			    !same(d[4], hi[i]) || body[i] != src[i]) {
				print "    " f ": " row[i] " / " body[i]; bad++
			}
		}
		exit bad > 0
	}' "$ROOFLAB_DATA/uncertainty/$u.ini" "$tmpd/text" && ok=1 || ok=0
	if [ "$ok" = 1 ]; then
		echo "ok - $u.ini: every assumption in the text with its range and source"
	else
		echo "not ok - $u.ini: the text's assumptions"; fails=$((fails + 1))
	fi
done
cp "$tmpd/text" "$tmpd/out"
# (small84) "params.c ASSUMPTION" meant nothing to a reader
expect_out "^      an assumption of rooflab's \\(model/params\\.c\\): clocked logic of an active chip" \
	"params.c's assumption in words"
expect_no_out "(params\\.c|\\.ini) ASSUMPTION" "no 'FILE ASSUMPTION' under the assumptions"
expect_out "^    b\\.chip\\.peak_tflops_fp8 +9800 TFLOPS, triangular 5000 \\.\\. 12000$" \
	"assumptions: peak FP8 at sohu.ini's 9800 TFLOPS"
expect_out "^    b\\.chip\\.hbm_tbps +4\\.8 TB/s, uniform 4\\.8 \\.\\. 6\\.03$" \
	"assumptions: HBM at sohu.ini's 4.8 TB/s"
tr '\n' ' ' <"$tmpd/text" | tr -s ' ' >"$tmpd/flat"
# (ux30) Sohu as claimed's chip (sohu.ini) names no node, so it has no
# power model and no sample of it is held to the cap: said with it, where
# "power 0" under its Monte Carlo read as every sample checked and passing
if grep -qF "a sample drawing over 1000 W per chip counts as violating physics: B200 HGX TDP 1000 W (hardware.csv), the highest of the presets; Sohu TDP not published (8x Sohu (as claimed) has no power model, its chip naming no process node: none of its samples is held to this cap) the rest of 8x Sohu (as claimed) is held at its presets' values, not varied: data/chips/sohu.ini and data/profiles/etched-claim.ini, each value with its source or ASSUMPTION beside it there" "$tmpd/flat" &&
	grep -qF "the rest of 8x Sohu (by design) is held at its presets' values, not varied: data/chips/sohu-design.ini, data/nodes/n4.ini and data/profiles/etched-claim.ini," "$tmpd/flat"; then
	echo "ok - the power cap's source and what is held fixed, by file"
else
	echo "not ok - the power cap and the files held fixed"; fails=$((fails + 1))
fi
# the per-mapping speedups divide by a as modelled, and say so
expect_out "^per mapping \\(total tokens/s; speedup over a as modelled at its measured mapping, TP8 x PP1: [0-9]+\\)$" \
	"per mapping: against a as modelled, named"

# the other baseline in the verdict block (before "details:"), where it
# stood only under the per-mapping table: side a at its own best mapping of
# the 8 chips, its DP 8 / (TP x PP) named, and the speedup b's total
# tokens/s over that mapping's (the JSON's mappings, side a's largest)
sed -n '1,/^details:/p' "$tmpd/text" | tr '\n' ' ' | tr -s ' ' >"$tmpd/head"
# (the side table's row: numbers in both columns, where the cost table's
# row starts with its chips' share and "+ energy")
bt=$(sed -n 's/^  b  8x Sohu (as claimed)  *[0-9][0-9.]*  *\([0-9][0-9.]*\) .*/\1/p' "$tmpd/text")
best=$(sed -n 's/.*against 8x H100 (TensorRT-LLM 0\.10) at its own best mapping, TP\([0-9]*\) x PP\([0-9]*\) x DP\([0-9]*\) (modelled, not measured): \([0-9.]*\)x.*/\1 \2 \3 \4/p' "$tmpd/head")
$C --json >"$tmpd/c.json" 2>/dev/null
if ! have python3 "the verdict block's best mapping against the JSON"; then :
elif [ -n "$best" ] &&
	python3 - "$tmpd/c.json" $best "$bt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
tp, pp, dp, x, bt = (float(v) for v in sys.argv[2:7])
a = max((m for m in d["mappings"] if m["side"] == "a" and m["fits"]),
        key=lambda m: m["total_tokens_per_s"])
ok = (tp, pp) == (a["tp"], a["pp"]) and dp == 8 / (tp * pp) == a["dp"] \
    and "%.2f" % (bt / a["total_tokens_per_s"]) == "%.2f" % x
sys.exit(0 if ok else 1)
PY
then
	echo "ok - the verdict block names a's own best mapping and b/a there ($best)"
else
	echo "not ok - a's best mapping in the verdict block ('$best')"
	sed 's/^/    /' "$tmpd/head" | cut -c1-600; fails=$((fails + 1))
fi
if have python3 "the JSON's assumptions and cost basis by hand"; then
	expect_exit 0 "JSON: assumptions, cost basis and the measured baselines by hand" -- \
		python3 - "$tmpd/c.json" "$($RL --version | sed 's/^rooflab //')" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
bad = []
# stated values: sohu.ini peak_tflops_fp8 = 9800, hbm_tbps = 4.8;
# sohu-design.ini frac_mac = 0.20, clock_ghz = 1.5
want = {("assumptions", "b.chip.peak_tflops_fp8"): 9800,
        ("assumptions", "b.chip.hbm_tbps"): 4.8,
        ("assumptions_by_design", "b.design.frac_mac"): 0.2,
        ("assumptions_by_design", "b.design.clock_ghz"): 1.5,
        # 0 in the file: the HBM3E generation's stack, 1.2 TB/s
        ("assumptions_by_design", "b.design.hbm_stack_gbps"): 1200}
for (k, p), v in want.items():
    got = [a.get("value") for a in d[k] if a["param"] == p]
    if got != [v]:
        bad.append("%s %s value %r, want %r" % (k, p, got, v))
# what the ranges leave fixed, as the text names it: the chip and profile
# presets of each Sohu (sohu.ini names no node, sohu-design.ini n4), and
# [limits]' power cap with its source (data/uncertainty/sohu.ini)
for k, chip, node in (("held_fixed", "/chips/sohu.ini", None),
                      ("held_fixed_by_design", "/chips/sohu-design.ini", "/nodes/n4.ini")):
    h = d.get(k) or {}
    if not (str(h.get("chip", "")).endswith(chip) and
            (h.get("node") is None if node is None else str(h.get("node", "")).endswith(node)) and
            str(h.get("profile", "")).endswith("/profiles/etched-claim.ini")):
        bad.append("%s %r" % (k, h))
# which rooflab gave the numbers (rooflab --version: the Makefile's VERSION)
rl = d.get("rooflab") or {}
if rl.get("version") != sys.argv[2] or not rl.get("git_rev"):
    bad.append("rooflab %r, want version %r" % (rl, sys.argv[2]))
mc = d["monte_carlo"]
if (mc.get("power_cap_w"), mc.get("power_cap_source")) != (1000, "B200 HGX TDP 1000 W (hardware.csv), the highest of the presets; Sohu TDP not published"):
    bad.append("power cap %r %r" % (mc.get("power_cap_w"), mc.get("power_cap_source")))
for s in ("a", "b", "b_by_design"):
    cb = d["cost_basis"][s]
    if (cb["years"], cb["usd_per_kwh"], cb["pue"], cb["server_overhead"]) != (4, 0.1, 1.2, 1.82):
        bad.append("cost_basis %s %r" % (s, cb))
# USD per million output tokens at price, by hand: 8 chips x 33,625 USD
# over 4 x 365.25 x 86400 s, plus 8 x W x 1.82 x 1.2 x 0.1 USD / 3.6e6 J,
# over the output tokens/s, x 1e6
for s in ("a", "b_by_design"):
    x = d[s]
    w, out = x["power"]["watts"], x["throughput"]["output_tokens_per_s"]
    hw = 8 * 33625 / (4 * 365.25 * 86400)
    energy = 8 * w * 1.82 * 1.2 * 0.1 / 3.6e6
    usd = (hw + energy) / out * 1e6
    got = x["cost"]["usd_per_million_tokens_at_price"]
    if abs(got / usd - 1) > 1e-6:
        bad.append("%s USD/M at price %r, by hand %r" % (s, got, usd))
# each tornado row with its range's unit and what it is, as the text gives
# them (params.c: peak_tflops_fp8 in TFLOPS, eff_compute a share with no
# unit; the phrases of claim/words.c)
t = {r["param"]: r for r in d["tornado"]}
for p, unit, what in (("b.chip.peak_tflops_fp8", "TFLOPS", "peak FP8 compute per chip"),
                      ("b.profile.eff_compute", "", "utilization (share of peak reached on large matrix multiplies)")):
    if p not in t or t[p].get("unit") != unit or t[p].get("what") != what:
        bad.append("tornado %s: %r" % (p, t.get(p)))
# the measured baselines: 1337.36 x 2176 / 128 = 22735.12 total tokens/s
b = d["b"]["throughput"]["total_tokens_per_s"]
for k, v in (("against_trtllm_0_10", 1337.36), ("against_trtllm_0_11", 1738.94),
             ("against_trtllm_0_12", 1933.15)):
    want_x = b / (v * 2176 / 128)
    if abs(d[k] / want_x - 1) > 1e-6:
        bad.append("%s %r, by hand %r" % (k, d[k], want_x))
# the Shapley factors multiply to the total
p = 1.0
for f in d["factors"]:
    p *= f["factor"]
if abs(p / d["speedup"]["total_tokens"] - 1) > 1e-6:
    bad.append("factors multiply to %r, total %r" % (p, d["speedup"]["total_tokens"]))
if bad:
    print("\n".join(bad))
    sys.exit(1)
PY
fi

# the report's verdict rounds as the text does: the text's "under the
# stated assumptions: X counting" and "90% interval L .. H" are the
# report's "the model gives X" and "L to H"
expect_exit 0 "claim into a database" -- $C --db "$tmpd/c.db"
cp "$tmpd/out" "$tmpd/c.txt"
# the Monte Carlo plot's title says the probability and the quantiles as
# the text of the same run does, where it read "P(>= 20x) = 0.1%" and
# "median 12.4x" beside the text's 0.061% and 12.45x
if have gnuplot "the Monte Carlo and tornado plots"; then
	expect_exit 0 "the Monte Carlo plot of it" -- $RL plot distribution \
		--db "$tmpd/c.db" --out "$tmpd/d.svg"
	mc=$(sed -n 's/^  over the assumption ranges: \(90% interval .*\), \(P(>= 20x) = .*\)$/\1|\2/p' "$tmpd/c.txt")
	sed 's/&gt;/>/g' "$tmpd/d.svg" >"$tmpd/d.txt"
	if [ -n "$mc" ] && grep -qF "${mc#*|}" "$tmpd/d.txt" &&
		grep -qF "${mc%|*}; scenario" "$tmpd/d.txt"; then
		echo "ok - the Monte Carlo plot's title in the text's figures"
	else
		echo "not ok - the Monte Carlo plot's title ('$mc')"
		grep -o 'Monte Carlo speedup[^<]*\|90% interval[^<]*' "$tmpd/d.txt" | sed 's/^/    /'
		fails=$((fails + 1))
	fi
	# the tornado's ranges as the uncertainty file writes them (its
	# peak FP8 5000 .. 12000, data/uncertainty/sohu.ini, where %.3g wrote
	# "5e+03 .. 1.2e+04"), and the rows it leaves out on a line of their
	# own (at the end of the third the line ran past the picture's edge)
	expect_exit 0 "the tornado plot of it" -- $RL plot tornado \
		--db "$tmpd/c.db" --out "$tmpd/t.svg"
	pk=$(awk '/^\[/ { s = $0 } s == "[b.chip.peak_tflops_fp8]" && /^(low|high) *=/ { sub(/^[a-z]+ *= */, ""); printf "%s%s", n++ ? " .. " : "", $0 }' \
		"$ROOFLAB_DATA/uncertainty/sohu.ini")
	if [ -n "$pk" ] && grep -qF ">b.chip.peak_tflops_fp8 ($pk)<" "$tmpd/t.svg" &&
		! grep -q '>b\.[a-z_.0-9]* ([^)]*e[+-][0-9]' "$tmpd/t.svg" &&
		grep -Eq '>[0-9]+ parameters? that leaves? it at [0-9.]+x not shown<' "$tmpd/t.svg"; then
		echo "ok - the tornado's ranges as the file writes them ($pk)"
	else
		echo "not ok - the tornado's labels ('$pk')"
		grep -o '>b\.[^<]*<\|>[^<]*not shown<' "$tmpd/t.svg" | sed 's/^/    /'
		fails=$((fails + 1))
	fi
fi
expect_exit 0 "report of it" -- $RL report --db "$tmpd/c.db" \
	--out "$tmpd/r.md" --no-plots
# each other claim's verdict in the report's table whole, as the text
# gives it (Markdown escapes as the report writes them): a verdict of 128
# bytes or more was cut, "Not supported, as the verd..."
miss=""
nv=0
joined "^    verdict: " "$tmpd/text" | sed 's/^    verdict: //' >"$tmpd/verdicts"
while IFS= read -r v; do
	nv=$((nv + 1))
	vm=$(printf '%s' "$v" | sed 's/[]\\`*_[<>|#&~]/\\&/g')
	grep -Fq -- "| $vm |" "$tmpd/r.md" || miss="$miss [$v]"
done <"$tmpd/verdicts"
if [ "$nv" -ge 8 ] && [ -z "$miss" ]; then
	echo "ok - the other claims' $nv verdicts whole in the report, as the text says them"
else
	echo "not ok - the other claims' verdicts in the report ($nv in the text):$miss"
	grep '\.\.\. |$' "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# Sohu as claimed has no power model: its USD per million output tokens at
# price is its chips' share alone, by hand 8 x 33,625 USD over
# 4 x 365.25 x 86400 s over its output tokens/s (the side table) x 1e6,
# marked "+ energy" in the text and the report alike, where both said n/a
pb=$(sed -n 's/^price_usd *= *\([0-9.]*\).*/\1/p' "$ROOFLAB_DATA/chips/sohu.ini")
hw=$(awk -v p="$pb" '/^ +side +out tok\/s/ { t = 1; next } t && /^$/ { exit }
	t && $1 == "b" && $2 == "8x" { for (i = 2; i <= NF; i++) if ($i ~ /^[0-9.]+%$/) o = $(i - 2) }
	END { if (o > 0) printf "%.3g", 8 * p / (4 * 365.25 * 86400) / o * 1e6 }' "$tmpd/text")
if [ -n "$hw" ] && grep -Eq "^  b  8x Sohu \(as claimed\) +$hw \+ energy \(chip $pb\) +n/a \(unknown\)$" "$tmpd/text" &&
	grep -qF "| 8x Sohu (as claimed) | $pb | $hw + energy | n/a | n/a |" "$tmpd/r.md" &&
	grep -qF "; + energy: the chips' share alone (the side has no power model, so what its energy adds is not known)." "$tmpd/r.md"; then
	echo "ok - Sohu as claimed's chips alone, $hw USD per million output tokens + energy, text and report"
else
	echo "not ok - Sohu as claimed's chips alone (by hand '$hw')"
	grep "^  b  8x Sohu (as claimed)  " "$tmpd/text" | sed 's/^/    /'
	grep -F "| 8x Sohu (as claimed) | $pb" "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# "what must be true" under a verdict of Not supported starts by saying
# the stated values meet 20x and are not measured, with the verdict's own
# P(>= 20x) ($vp above), in the text and the report alike
lead="at the stated values 20x is met already; what follows is how far each can fall and still meet it. Those values are Etched's figures, or assumptions where it published none, not measurements: over the assumption ranges 20x is reached in $vp of the samples"
if [ "$(joined "^  at the stated values 20x" "$tmpd/text")" = "  $lead" ] &&
	grep -qxF "A${lead#a}." "$tmpd/r.md"; then
	echo "ok - what must be true: the stated values meet 20x, unmeasured, $vp over the ranges"
else
	echo "not ok - what must be true's lead"
	joined "^  at the stated values" "$tmpd/text" | sed 's/^/    /'
	grep "^At the stated values" "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# each Shapley factor in words under the factors, text and report alike:
# the nine groups of model/shapley.c (rl_claim_factors and "other"), each
# a row of the factor table and named in the sentence
joined "^  what each factor swaps" "$tmpd/text" >"$tmpd/gloss"
miss=""
for n in "peak compute" "utilization" "memory bandwidth" "memory capacity and batching" \
	"interconnect" "power limit" "serving software" "mapping" "other"; do
	grep -Eq "^    $n +x +[0-9.]+$" "$tmpd/text" || miss="$miss [row $n]"
	grep -Eq "(: |; )$n, " "$tmpd/gloss" || miss="$miss [text $n]"
	grep -Eq "^What each factor swaps .*(: |; )$n, " "$tmpd/r.md" || miss="$miss [report $n]"
	# the report's table gives the text's figure, to the same three
	# decimals (it wrote 1.9 and 1 where the text has 1.900 and 1.000)
	fx=$(sed -n "s/^    $n  *x  *\([0-9.]*\)\$/\1/p" "$tmpd/text" | head -1)
	grep -Fq "| $n | $fx |" "$tmpd/r.md" || miss="$miss [report's figure $n: text $fx]"
done
if [ -z "$miss" ]; then
	echo "ok - the nine Shapley factors in words, text and report"
else
	echo "not ok - the factors in words:$miss"; fails=$((fails + 1))
fi
# "what if I believe Etched's own >90%?": the verdict's line of the same
# Monte Carlo restricted to samples drawing utilization at or above the
# claims file's 0.90 says the same numbers in the text and the report
gl=$(joined "^  if 8x Sohu \\(as claimed\\) reaches >= 90% utilization, the share stated in" "$tmpd/text" |
	sed 's/^ *if //')
if [ -n "$gl" ] && grep -qF -- "- If $(printf '%s' "$gl" | sed 's/>/\\>/g')." "$tmpd/r.md"; then
	echo "ok - the line at Etched's claimed utilization, text and report alike"
else
	echo "not ok - the line at Etched's claimed utilization: text '$gl'"
	grep "reaches >= 90% utilization" "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# the same line where side b is not Sohu (an H200 drawn from Sohu's ranges,
# --uncertainty sohu): the share is the claims file's, said as its words
# and source (data/claims/etched-2024.ini [utilization]), not "Etched's
# claimed" utilization of the H200; the report says it as the text does
u="more than 90% FLOPS utilization on Sohu vs about 30% on GPUs"
$RL claim --b h200-sxm,profile=trtllm-0.15 --uncertainty sohu --samples 400 \
	--seed 5 --no-design --db "$tmpd/h200.db" >"$tmpd/h200" 2>/dev/null
$RL report --db "$tmpd/h200.db" --out "$tmpd/h200.md" --no-plots >/dev/null 2>&1
gl=$(joined "^  if 8 x h200-sxm TP8 x PP1 \\(trtllm-0.15\\) reaches" "$tmpd/h200" | sed 's/^ *if //')
if printf '%s' "$gl" | grep -qF "reaches >= 90% utilization, the share stated in \"$u\" by Etched blog, claims.md (" &&
	! grep -q "Etched's claimed" "$tmpd/h200" &&
	grep -qF -- "- If $(printf '%s' "$gl" | sed 's/>/\\>/g')." "$tmpd/h200.md"; then
	echo "ok - side b an H200: the line says the share is the claim's, text and report alike"
else
	echo "not ok - side b an H200: the line at the claimed utilization: text '$gl'"
	grep "reaches >= 90% utilization" "$tmpd/h200.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# the same line at its longest: the claims file's [utilization] claim and
# source at the reader's 255 bytes each (two-byte characters) and side b's
# label at its 127 bytes: the line still ends with P(>= 20x), in the text
# and the report, whole UTF-8 (a 768-byte line cut it at "median 3.29")
cp -r "$ROOFLAB_DATA" "$tmpd/longdata"
lc=$(awk 'BEGIN { s = "x"; for (i = 0; i < 127; i++) s = s "\303\251"; print s }')
ls=$(awk 'BEGIN { s = ""; for (i = 0; i < 255; i++) s = s "s"; print s }')
ll=$(awk 'BEGIN { s = "L"; for (i = 0; i < 42; i++) s = s "\342\202\254"; print s }')
awk -v c="$lc" -v s="$ls" '/^\[/ { sec = $0 } sec == "[utilization]" && /^claim *=/ { $0 = "claim = " c }
	sec == "[utilization]" && /^source *=/ { $0 = "source = " s } { print }' \
	"$ROOFLAB_DATA/claims/etched-2024.ini" >"$tmpd/longdata/claims/etched-2024.ini"
ROOFLAB_DATA="$tmpd/longdata" $RL claim --b "sohu,profile=etched-claim,label=$ll" \
	--uncertainty sohu --samples 400 --seed 5 --no-design --db "$tmpd/long.db" \
	>"$tmpd/long" 2>"$tmpd/long.err"
lrc=$?
ROOFLAB_DATA="$tmpd/longdata" $RL report --db "$tmpd/long.db" --out "$tmpd/long.md" \
	--no-plots >/dev/null 2>&1
gl=$(joined "^  if $ll" "$tmpd/long" | sed 's/^ *if //')
if [ "$lrc" = 0 ] && printf '%s' "$gl" | grep -qF "\"$lc\" by $ls (" &&
	printf '%s' "$gl" | grep -Eq ', P\(>= 20x\) = [0-9.]+%$' &&
	grep -qF -- "- If $(printf '%s' "$gl" | sed 's/>/\\>/g')." "$tmpd/long.md" &&
	iconv -f UTF-8 -t UTF-8 "$tmpd/long" >/dev/null 2>&1; then
	echo "ok - the line at the claimed utilization whole with the longest words and label, text and report alike"
else
	echo "not ok - the line at the claimed utilization at its longest (rc $lrc): text '$gl'"
	grep "reaches >= 90% utilization" "$tmpd/long.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# every abbreviation and phase name of the chip trade the report uses,
# where an investor met them with no word of what they are (HBM, TDP,
# GEMM, MAC, FMA, MFU, PUE in the sections below the verdict), is said in
# words in its "Terms used below" paragraph, which names it (GEMMs counted
# as GEMM)
grep '^Terms used below: ' "$tmpd/r.md" >"$tmpd/terms"
grep -v '^Terms used below: ' "$tmpd/r.md" >"$tmpd/rest"
missing=""
for t in HBM SRAM TDP TFLOPS PFLOPS FP8 FP4 BF16 GEMM MAC FMA MFU PUE prefill decode "Monte Carlo" ISL OSL utilization; do
	w="(^|[^A-Za-z0-9_])${t}s?([^A-Za-z0-9_]|\$)"
	grep -Eq "$w" "$tmpd/rest" || continue
	grep -Eq "$w" "$tmpd/terms" || missing="$missing $t"
done
if [ -s "$tmpd/terms" ] && [ -z "$missing" ]; then
	echo "ok - each term of the trade the report uses is said in words"
else
	echo "not ok - terms the report uses without saying what they are:${missing:- (no Terms paragraph)}"
	fails=$((fails + 1))
fi
# and the paragraph comes before the verdict's first bullet, which uses
# Monte Carlo samples, P(>= 20x), HBM and PFLOPS (it stood after the
# verdict's bullets and the levers: ux32's finding); P(>= 20x) is said
terms_line=$(grep -n '^Terms used below: ' "$tmpd/r.md" | head -1 | cut -d: -f1)
bullet_line=$(awk '/^## Verdict/{v=1} v && /^- /{print NR; exit}' "$tmpd/r.md")
if [ -n "$terms_line" ] && [ -n "$bullet_line" ] && [ "$terms_line" -lt "$bullet_line" ] &&
	grep -q 'P(\\>= 20x), the share of them reaching 20x' "$tmpd/terms"; then
	echo "ok - the terms come before the verdict's bullets, P(>= 20x) among them"
else
	echo "not ok - the terms paragraph (line ${terms_line:-none}) is not before the verdict's first bullet (line ${bullet_line:-none}) or lacks P(>= 20x)"
	fails=$((fails + 1))
fi
# under the report's assumptions table, what the ranges leave fixed and the
# power cap with its source, as the text says them (the presets by hand:
# sohu.ini and etched-claim.ini, sohu-design.ini with node n4;
# data/uncertainty/sohu.ini's [limits]); the files as the text names them,
# from the data directory's name on (rl_data_rel), where the report gave
# the run JSON's whole paths, and no whole path of the data directory
# anywhere in the report
if ! grep -qF "$ROOFLAB_DATA/" "$tmpd/r.md" &&
	grep -qF "Held fixed, not varied: the rest of 8x Sohu (as claimed) is its presets' values (data/chips/sohu.ini and data/profiles/etched-claim.ini), each with its source or ASSUMPTION beside it there; a Monte Carlo sample drawing over 1000 W per chip counts as violating physics (B200 HGX TDP 1000 W (hardware.csv), the highest of the presets; Sohu TDP not published), but this side has no power model, its chip naming no process node: none of its samples is held to that cap." "$tmpd/r.md" &&
	grep -qF "Held fixed, not varied: the rest of 8x Sohu (by design) is its presets' values (data/chips/sohu-design.ini, data/nodes/n4.ini and data/profiles/etched-claim.ini), each with its source or ASSUMPTION beside it there." "$tmpd/r.md"; then
	echo "ok - the report says what is held fixed and the power cap's source"
else
	echo "not ok - the report's held-fixed notes"; grep -n "Held fixed" "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# the power cap stored as text in the run's JSON (a database changed by
# hand), which SQLite reads as its number, or as an array (read as 0, no
# cap): the report fails, exit 2, naming the file and the key, and leaves
# no report, as for a mistyped cell of the tables
if have sqlite3 "a power cap stored as text"; then
	for v in "'1500'" "json_array(1500)"; do
		cp "$tmpd/c.db" "$tmpd/cap.db"
		sqlite3 "$tmpd/cap.db" "UPDATE claim_runs SET json = json_set(json, '\$.monte_carlo.power_cap_w', $v)"
		expect_exit 2 "report of a power cap stored as $v" -- $RL report --db "$tmpd/cap.db" \
			--out "$tmpd/cap.md" --no-plots
		expect_err "cap\.db: cannot read: claim_runs\.json's monte_carlo\.power_cap_w of claim run 1 holds (text|an array), where rooflab claim writes a number" \
			"the report names the file and the power cap's key ($v)"
		[ ! -e "$tmpd/cap.md" ] && echo "ok - no report of a power cap stored as $v" ||
			{ echo "not ok - a report of a power cap stored as $v"; fails=$((fails + 1)); }
	done
	# a cap that is a number with a fraction (JSON real) or null (no cap)
	# is one claim could write: the report is made
	for v in 1500.5 NULL; do
		cp "$tmpd/c.db" "$tmpd/cap.db"
		rm -f "$tmpd/cap.md"
		sqlite3 "$tmpd/cap.db" "UPDATE claim_runs SET json = json_set(json, '\$.monte_carlo.power_cap_w', $v)"
		expect_exit 0 "report of a power cap stored as $v" -- $RL report --db "$tmpd/cap.db" \
			--out "$tmpd/cap.md" --no-plots
		[ -s "$tmpd/cap.md" ] && echo "ok - a report of a power cap stored as $v" ||
			{ echo "not ok - no report of a power cap stored as $v"; fails=$((fails + 1)); }
	done
fi
# one spelling of a mapping in the text and the report, the verdict's
# ("TP1 x PP1 x DP8"): the per-mapping table, the Monte Carlo's mapping
# shares and solve's line said "tp 1 x pp 1 x dp 8", the report's shares
# "8 replicas"
if grep -Eiq "tp [0-9]+ x pp|x dp [0-9]|[0-9] replicas" "$tmpd/text" "$tmpd/r.md"; then
	echo "not ok - a mapping spelled otherwise than TP1 x PP1 x DP8"
	grep -Ei "tp [0-9]+ x pp|x dp [0-9]|[0-9] replicas" "$tmpd/text" "$tmpd/r.md" | sed 's/^/    /' | head -5
	fails=$((fails + 1))
elif grep -q "^  b TP1 x PP1 x DP8 " "$tmpd/text" && grep -q "^    TP1 x PP1 x DP8 [0-9.]*%" "$tmpd/text" &&
	grep -q "TP1 x PP1 x DP8 in [0-9.]*% of samples" "$tmpd/r.md"; then
	echo "ok - the per-mapping table, the mapping shares and the report spell TP1 x PP1 x DP8 as the verdict does"
else
	echo "not ok - the per-mapping table, shares or report lack TP1 x PP1 x DP8"; fails=$((fails + 1))
fi
x=$(sed -n 's/^  under the stated assumptions: \([0-9.]*x\) counting.*/\1/p' "$tmpd/text")
iv=$(sed -n 's/^  over the assumption ranges: 90% interval \([0-9.]*x\) \.\. \([0-9.]*x\),.*/\1 to \2/p' "$tmpd/text")
if [ -n "$x" ] && [ -n "$iv" ] &&
	grep -q "the model gives $x; the 90% interval is $iv " "$tmpd/r.md"; then
	# (21.39x reaches 20x since attention is hidden under Sohu's GEMMs,
	# attn_overlap 1, 2026-11-30: no "short of the claim" after it)
	echo "ok - the report's verdict is the text's ($x, $iv)"
else
	echo "not ok - the report's verdict, text says '$x' and '$iv'"
	grep 'the model gives' "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
if grep -q "Etched's way of counting ([0-9]* against [0-9]* tokens/s, both modelled)" "$tmpd/r.md"; then
	echo "ok - the report's throughputs are said to be the model's"
else
	echo "not ok - the report's throughputs, modelled"; fails=$((fails + 1))
fi
# the report's verdict gives the baselines the text gives, in the text's
# roundings: b at the scenario's mapping, a at its own best mapping, the
# measured tables (their numbers checked by hand in the JSON above) and
# Sohu by design at 700 W, 1000 W and no limit; the mappings named
given=$(sed -n 's/^b runs its best mapping; at the mapping the scenario names (TP8) it would be \([0-9.]*x\)$/\1/p' "$tmpd/text")
bx=$(echo "$best" | awk '{print $4 "x"}')
tabs=$(joined '^against the measured' "$tmpd/text" | sed -n 's/^against the measured TensorRT-LLM tables of the same cell (total tokens\/s): 0\.10 (22735) \([0-9.]*x\), and the later 0\.11 (29562) \([0-9.]*x\), 0\.12 (32864) \([0-9.]*x\)$/\1 \2 \3/p')
tdp=$(joined '^8x Sohu \(by design\) at its best mapping' "$tmpd/text" | sed -n 's/^8x Sohu (by design) at its best mapping with a TDP of 700 W: \([0-9.]*x\), 1000 W: \([0-9.]*x\), none: \([0-9.]*x\) .*/\1 \2 \3/p')
bd=$(sed -n "s/^speedup b'\/a (8x Sohu (by design)): \([0-9.]*x\) (input+output).*/\1/p" "$tmpd/text")
set -- $tabs $tdp
if [ -n "$given" ] && [ $# -eq 6 ] && [ -n "$bd" ] &&
	grep -q "^- Mappings (TP: each layer split across chips; PP: the layers split into consecutive stages; DP: whole copies side by side): 8x H100 (TensorRT-LLM 0.10) as TP8 x PP1 on 8 chips, the scenario's; 8x Sohu (as claimed) as TP1 x PP1 x DP8 on 8 chips, its best mapping of the chips (as TP8 x PP1 it would be $given)\.$" "$tmpd/r.md" &&
	grep -q "^- Against 8x H100 (TensorRT-LLM 0.10) at its own best mapping of the same chips, TP1 x PP2 x DP4 (modelled, not measured): $bx\.$" "$tmpd/r.md" &&
	grep -q "^- Against the measured TensorRT-LLM tables of the same cell, where the speedups above divide by side a as modelled: $1 against 0.10's, the table Etched compared with, and $2 and $3 against the later 0.11 and 0.12" "$tmpd/r.md" &&
	grep -q "^- 8x Sohu (by design), Sohu derived from its silicon (die, process node and power) rather than from Etched's figures, and held to its TDP: $bd (with a TDP of 700 W: $4, 1000 W: $5, none: $6)\.$" "$tmpd/r.md"; then
	echo "ok - the report's verdict gives the text's other baselines ($given, $bx, $tabs, $bd)"
else
	echo "not ok - the report's baselines (text: '$given' '$bx' '$tabs' '$tdp' '$bd')"
	sed -n '/^## Verdict/,/^What must/p' "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# the report's tornado table gives the same words in its last column
if grep -q '^| b.chip.peak\\_tflops\\_fp8 | 5000 | 12000 | TFLOPS | [0-9.]*x | [0-9.]*x | peak FP8 compute per chip |$' "$tmpd/r.md" &&
	grep -q '^| b.profile.elementwise\\_fused | 0 | 1 |  | [0-9.]*x | [0-9.]*x | share of elementwise HBM traffic removed by fusing it into GEMMs |$' "$tmpd/r.md"; then
	echo "ok - the report's tornado: the parameters in words"
else
	echo "not ok - the report's tornado words"; grep '^| b\.' "$tmpd/r.md" | head -6 | sed 's/^/    /'
	fails=$((fails + 1))
fi
# a run whose JSON lacks them (written before, or changed by hand: a text
# where a number goes) gives none of them and still reports
cp "$tmpd/c.db" "$tmpd/old.db"
sqlite3 "$tmpd/old.db" "UPDATE claim_runs SET json = json_set(json_remove(json, '\$.by_design_at_tdp', '\$.against_trtllm_0_11'), '\$.against_best_a.total_tokens', 'many')" 2>/dev/null
expect_exit 0 "report of a run without the baselines" -- $RL report --db "$tmpd/old.db" --out "$tmpd/old.md" --no-plots
if have sqlite3 "a run without the baselines"; then
	if ! grep -q "^- Against 8x H100 (TensorRT-LLM 0.10) at its own best\|^- Against the measured" "$tmpd/old.md" &&
		grep -q "^- 8x Sohu (by design), .* held to its TDP: $bd\.$" "$tmpd/old.md"; then
		echo "ok - a baseline the run's JSON lacks is left out"
	else
		echo "not ok - baselines of a JSON without them"
		sed -n '/^## Verdict/,/^What must/p' "$tmpd/old.md" | sed 's/^/    /'
		fails=$((fails + 1))
	fi
fi
# what binds b at the scenario's mapping (TP8): the report says the
# figures of the text's "what binds there" line (cli_claim checks them
# against rooflab eval's breakdown at TP8), from the run's JSON
# (b_as_given_binds); a run written before the field, or whose binding
# was changed by hand to no bound name, has no such item and still reports
binds=$(joined '^  what binds there' "$tmpd/text" | tr -s ' ' | sed -n 's/^ what binds there (per chip, the engine.s breakdown as rooflab eval prints it): \(an iteration carrying prefill takes [0-9.]* ms (time per output token [0-9.]* ms), communication-bound: [0-9.]* ms of all-reduces not hidden under compute against [0-9.]* ms of GEMMs and [0-9.]* ms of attention\)$/\1/p')
if [ -n "$binds" ] &&
	grep -qF -- "- What binds 8x Sohu (as claimed) at TP8 x PP1, the scenario's mapping (per chip, the engine's breakdown as rooflab eval prints it): $binds." "$tmpd/r.md"; then
	echo "ok - the report says what binds b at TP8, the text's figures ($binds)"
else
	echo "not ok - what binds b at TP8 in the report (text: '$binds')"
	grep 'What binds' "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
if have sqlite3 "what binds b, changed by hand"; then
	cp "$tmpd/c.db" "$tmpd/nobind.db"
	sqlite3 "$tmpd/nobind.db" "UPDATE claim_runs SET json = json_remove(json, '\$.b_as_given_binds')"
	expect_exit 0 "report of a run without b_as_given_binds" -- $RL report \
		--db "$tmpd/nobind.db" --out "$tmpd/nobind.md" --no-plots
	cp "$tmpd/c.db" "$tmpd/badbind.db"
	sqlite3 "$tmpd/badbind.db" "UPDATE claim_runs SET json = json_set(json, '\$.b_as_given_binds.binding', '<b>x</b>')"
	expect_exit 0 "report of a run whose binding is no bound name" -- $RL report \
		--db "$tmpd/badbind.db" --out "$tmpd/badbind.md" --no-plots
	if ! grep -q 'What binds' "$tmpd/nobind.md" "$tmpd/badbind.md" &&
		grep -q '^- Mappings (TP' "$tmpd/nobind.md"; then
		echo "ok - no what-binds item without the field or with a binding no bound name"
	else
		echo "not ok - what-binds item of a run without the field"; fails=$((fails + 1))
	fi
fi
# the report's assumptions table holds Sohu by design's too, at their
# stated values (sohu-design.ini: frac_mac 0.20; hbm_stack_gbps 0, the
# HBM3E generation's 1200 GB/s per stack)
if grep -q '^| 8x Sohu (by design) | design.frac\\_mac | 0.2 |  | 0.1 .. 0.4 |' "$tmpd/r.md" &&
	grep -q '^| 8x Sohu (by design) | design.hbm\\_stack\\_gbps | 1200 | GB/s | 1200 .. 1507.5 |' "$tmpd/r.md" &&
	grep -q '^| 8x Sohu (as claimed) | chip.peak\\_tflops\\_fp8 | 9800 | TFLOPS | 5000 .. 12000 |' "$tmpd/r.md"; then
	echo "ok - the report's assumptions: both Sohus, at their stated values"
else
	echo "not ok - the report's assumptions table"
	grep '^| 8x Sohu' "$tmpd/r.md" | sed 's/^/    /' | head -30
	fails=$((fails + 1))
fi
# one value reads the same wherever a reader meets it: sohu-design.ini's
# hbm_stack_gbps high end as the file writes it (1507.5, 6030 GB/s over 4
# stacks), in the text's assumptions row and tornado row and in the
# report's assumptions and sensitivity tables, where the assumptions block
# printed 1507.5 and the rest 1508 (or all 1508, beside the source's
# "1200-1507.5 GB/s")
hs=$(awk '/^\[/ { s = $0 } s == "[b.design.hbm_stack_gbps]" && /^high *=/ { sub(/^high *= */, ""); print }' \
	"$ROOFLAB_DATA/uncertainty/sohu-design.ini")
hq=$(printf '%s' "$hs" | sed 's/\./\\./g')
if [ "$hs" = 1507.5 ] &&
	grep -Eq "^    b\.design\.hbm_stack_gbps +1200 GB/s, uniform 1200 \.\. $hq\$" "$tmpd/c.txt" &&
	grep -Eq "^    b\.design\.hbm_stack_gbps +1200 \.\. $hq +GB/s +speedup " "$tmpd/c.txt" &&
	grep -Fq "| design.hbm\\_stack\\_gbps | 1200 | GB/s | 1200 .. $hs |" "$tmpd/r.md" &&
	grep -Fq "| b.design.hbm\\_stack\\_gbps | 1200 | $hs | GB/s |" "$tmpd/r.md" &&
	! grep -h 'hbm_stack_gbps\|hbm\\_stack' "$tmpd/c.txt" "$tmpd/r.md" |
		grep -Eq '(^|[^0-9.])1508([^0-9.]|$)'; then
	echo "ok - a range's end as the file writes it ($hs), text and report alike"
else
	echo "not ok - hbm_stack_gbps's high end ('$hs') in the text and the report"
	grep -h 'hbm_stack_gbps\|hbm\\_stack' "$tmpd/c.txt" "$tmpd/r.md" | cut -c1-100 | sed 's/^/    /'
	fails=$((fails + 1))
fi
# the verdict's word is said with its rule (claim/verdict.c: 0.9, 0.5,
# 0.1), in --help and in the report beside the probability
expect_exit 0 "claim --help" -- $RL claim --help
expect_out "^the target: Supported \\(90% or more\\), Plausible \\(50-90%\\), Possible but$" \
	"--help gives the verdict's words with their probabilities"
# the defaults --help names are the ones a run takes (claim_opts_init:
# 100000 samples, seed 1), and say what by design is
expect_out "^  --samples N +Monte Carlo samples \\(default 100000; 0: none\\)$" "--help: --samples' default"
expect_out "^  --seed S +the Monte Carlo seed \\(default 1: the same samples$" "--help: --seed's default"
expect_out "^  --no-design +skip Sohu \"by design\" \\(derived from its silicon:$" "--help: what by design is"
# --help says what the command answers and what its text holds, in the
# text's order (it began with the SPEC syntax): the sections of the text
# above come in that order
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/help"
if grep -qF "Is side b N times (--target, default 20) as fast as side a on one workload? By default Etched's claim: 8x Sohu against 8x H100 (TensorRT-LLM 0.10, the baseline Etched used) on Llama-3 70B FP8, 2048 tokens in / 128 out (scenario etched-bench). The text gives, in order: the verdict in words with the 90% interval, its terms in words and how its word is drawn; the terms used below (token, FP8, TFLOPS, TDP, KV cache and others) in words; the sides (Sohu \"by design\" too); the speedups and USD per million tokens; every mapping of the chips; where the speedup comes from (Shapley factors: how much of it each difference between the chips explains); what must be true for the target; each Sohu's assumptions (stated value, range, source); the uncertainty (Monte Carlo, tornado, and the Monte Carlo again with every range narrowed toward its stated value to 1/2, 1/4 and 1/10 of its width, and the range that moves P(>= target), the chance of reaching it, most narrowed alone: 4 more runs); Etched's other claims." "$tmpd/help" &&
	awk 'BEGIN { n = split("^not supported: |^  in words: |^details: |^  terms used below: |^speedup b/a: |^USD per million |^per mapping |^where the speedup comes from |^what must be true |^assumptions of |^uncertainty of |^the other claims ", want, "|") }
	     { l = tolower($0) } k < n && l ~ tolower(want[k + 1]) { k++ }
	     END { exit k != n }' "$tmpd/text"; then
	echo "ok - --help says what the text holds, in its order"
else
	echo "not ok - --help's account of the text"; fails=$((fails + 1))
fi
expect_exit 0 "claim at the defaults" -- $RL claim --no-design --json
expect_out '^    "samples": 100000,$' "a run takes 100000 samples by default"
expect_out '^    "seed": 1,$' "and seed 1"
if grep -q "reaches 20x: [0-9.]*% (the verdict's word follows it: Supported at 90% or more, Plausible at 50-90%, Possible but unlikely at 10-50%, Not supported under 10%)" "$tmpd/r.md"; then
	echo "ok - the report gives the verdict's rule beside the probability"
else
	echo "not ok - the report's verdict rule"; fails=$((fails + 1))
fi
if [ -n "$pf" ] && grep -q "^Power limit: 8x Sohu (as claimed) has no power model and no TDP; x$pf is" "$tmpd/r.md"; then
	echo "ok - the report explains the power limit's factor too"
else
	echo "not ok - the report's power limit note"; fails=$((fails + 1))
fi
# the report names the cost formula's inputs as the text does
if grep -q "the chips amortized over 4 years, plus energy: the chips' power x 1.82 for the server x PUE 1.2 at 0.1 USD/kWh)" "$tmpd/r.md"; then
	echo "ok - the report's cost paragraph names the years and the energy inputs"
else
	echo "not ok - the report's cost paragraph"
	grep 'What a million' "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# the report's cost paragraph names each side's chip and where its price
# comes from: the chip preset's price_usd (33625 USD for h100-sxm and sohu,
# whose sources stand beside it in the preset and in data/chips/README.md),
# a price set for the run (no source recorded), or none (the A100 preset
# gives no price: unknown), where the paragraph said the H100's and Sohu's
# whatever the sides were
# (ux29) the sources are listed under the table, one side an item, where
# the paragraph above it ran to 1,300 characters: price_para joins the
# items as the paragraph gave them ("Each chip's price: a, ...; b, ...")
price_para() {
	awk '/^Each chip.s price and where it comes from/ { t = 1; next }
	     t && /^- / { s = s (n++ ? "; " : "Each chip\047s price: ") substr($0, 3); next }
	     t && n { exit }
	     END { print s }' "$1"
}
# (ux19) and Sohu's, the H100's price taken as an ASSUMPTION, says so
# there in sohu.ini's words beside price_usd ("ASSUMPTION: Etched
# published no price (claims.md). ...")
# the paragraph above the table says what it holds in under 600
# characters (1,315 when it held the sources too), and where they are
lead=$(grep '^What a million output tokens costs' "$tmpd/r.md")
if [ "${#lead}" -gt 0 ] && [ "${#lead}" -lt 600 ] &&
	printf '%s' "$lead" | grep -qF "Where each chip's price comes from is listed under the table." &&
	! printf '%s' "$lead" | grep -qF "ASSUMPTION"; then
	echo "ok - the report's cost paragraph is short, the sources under the table"
else
	echo "not ok - the report's cost paragraph (${#lead} characters)"; fails=$((fails + 1))
fi
if price_para "$tmpd/r.md" | grep -q "Each chip's price: a, 8x H100 (TensorRT-LLM 0\.10), chip h100-sxm: 33625 USD, its preset's price (its source or assumption beside price.*usd in data/chips/h100-sxm\.ini); b, 8x Sohu (as claimed), chip sohu: 33625 USD, data/chips/sohu\.ini's (price.*usd) ASSUMPTION: Etched published no price (claims\.md)\. Taken equal to the H100's"; then
	echo "ok - the report's prices: each side's chip and source"
else
	echo "not ok - the report's prices"; price_para "$tmpd/r.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
expect_exit 0 "claim against an A100" -- $RL claim --a a100-sxm,precision=bf16 --samples 0 --db "$tmpd/a100.db"
expect_exit 0 "report of it" -- $RL report --db "$tmpd/a100.db" --out "$tmpd/a100.md" --no-plots
# (Sohu's own note names the H100's price its ASSUMPTION takes: a's words
# alone, up to b's, name no DGX H100)
if price_para "$tmpd/a100.md" | grep -q "Each chip's price: a, [^;]*, chip a100-sxm: unknown (the chip preset gives no price); b, 8x Sohu (as claimed), chip sohu: 33625 USD, data/chips/sohu\.ini's (price.*usd) ASSUMPTION" &&
	! price_para "$tmpd/a100.md" | sed 's/; b, .*//' | grep -q "DGX H100\|The H100's price"; then
	echo "ok - the report's prices: an A100 side's unknown, no DGX H100 named"
else
	echo "not ok - the report's prices against an A100"; price_para "$tmpd/a100.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
expect_exit 0 "claim with a price of the run's" -- $RL claim --a h100-sxm,cost.price_usd=30000 --samples 0 --db "$tmpd/p30.db"
expect_exit 0 "report of it" -- $RL report --db "$tmpd/p30.db" --out "$tmpd/p30.md" --no-plots
if price_para "$tmpd/p30.md" | grep -q "chip h100-sxm: 30000 USD, set for this run (no source recorded)"; then
	echo "ok - the report's prices: a price set for the run has no source"
else
	echo "not ok - the report's prices: a price set for the run"; price_para "$tmpd/p30.md" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# a side b of the user's gets no Monte Carlo by design (the default
# uncertainty file, sohu, gives Sohu as claimed's ranges, claim/claimrun.c):
# the verdict says so where the ranges line would be; --uncertainty sohu
# runs it
expect_exit 0 "claim with a side b given" -- $RL claim --b sohu,label=X --samples 400 --seed 5
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/nomc"
if grep -q "^Not reproduced under the stated assumptions: X is .* under the stated assumptions: .* over the assumption ranges: no Monte Carlo: the default uncertainty file (sohu) gives the ranges of the default side b, Sohu as claimed (chip sohu, profile etched-claim), and is not applied to a side b given with --b or \[b\]; --uncertainty NAME applies a file's ranges to it mapping: " "$tmpd/nomc"; then
	echo "ok - no Monte Carlo for a side b given, and why"
else
	echo "not ok - the missing Monte Carlo unexplained"
	head -6 "$tmpd/out" | sed 's/^/    /'; fails=$((fails + 1))
fi
expect_exit 0 "the same with --uncertainty sohu" -- $RL claim --b sohu,label=X --samples 400 --seed 5 --uncertainty sohu
expect_out "^  over the assumption ranges: 90% interval " "--uncertainty runs the Monte Carlo for it"
expect_no_out "no Monte Carlo" "and says nothing of its absence"
# the same reason in the JSON (mc_skipped) and, through the database, in
# the report's verdict ("not computed (the claim run has no Monte Carlo)"
# said nothing of why); --samples 0 is its own reason; a run with one has
# no mc_skipped
expect_exit 0 "side b given: JSON and database" -- $RL claim --b sohu,label=X --samples 400 --seed 5 --json --db "$tmpd/nomc.db"
expect_out '"mc_skipped": "no Monte Carlo: the default uncertainty file \(sohu\) gives the ranges of the default side b' "the JSON says why"
expect_exit 0 "its report" -- $RL report --db "$tmpd/nomc.db" --out "$tmpd/nomc.md" --no-plots
expect_exit 0 "the report's verdict says why" -- grep -q "90% interval: not computed (no Monte Carlo: the default uncertainty file (sohu) gives the ranges of the default side b" "$tmpd/nomc.md"
expect_exit 0 "--samples 0: JSON" -- $RL claim --samples 0 --no-design --json
expect_out '"mc_skipped": "no Monte Carlo: --samples 0"' "names --samples 0"
expect_exit 0 "a run with a Monte Carlo" -- $RL claim --samples 400 --seed 5 --no-design --json
expect_no_out '"mc_skipped"' "has no mc_skipped"
if python3 -c "
import json
m = json.load(open('$tmpd/out'))['monte_carlo']
assert m['samples'] == 400 and m['seed'] == 5 and 0 < m['p05'] <= m['p50'] <= m['p95'], m
" 2>"$tmpd/err"; then
	echo "ok - and ran it: 400 samples of seed 5, its quantiles in order"
else
	echo "not ok - a run with a Monte Carlo: its figures"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# too few samples to draw the verdict's word: 0 of 5 samples reach 20x,
# whose 95% interval is [0, 43.4%] (Wilson's, worked in test_words.c),
# across the 10% band: said with its fix in the text, the JSON and the
# report; 400 samples (0 of them: at most 0.95%) say nothing
few="only 5 samples: P(>= 20x) lies between 0.0% and 43.4% (95% confidence), across the bands the verdict's word is drawn from; more samples (--samples) settle it"
expect_exit 0 "claim from 5 samples" -- $RL claim --samples 5 --no-design --db "$tmpd/few.db"
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/fewt"
$RL claim --samples 5 --no-design --json >"$tmpd/few.json" 2>/dev/null
$RL report --db "$tmpd/few.db" --out "$tmpd/few.md" --no-plots >/dev/null 2>&1
# (the sentence ends where the line at Etched's claimed utilization starts)
if grep -qF -- " $few if 8x Sohu (as claimed) reaches" "$tmpd/fewt" &&
	grep -qF -- "\"unsettled\": \"$few\"" "$tmpd/few.json" &&
	grep -qF -- "- Only 5 samples: P(\\>= 20x) lies between 0.0% and 43.4% (95% confidence)" "$tmpd/few.md" &&
	! grep -q "samples: P(>= 20x) lies between" "$tmpd/text"; then
	echo "ok - too few samples for the verdict's word are said, with the fix"
else
	echo "not ok - too few samples"; fails=$((fails + 1))
fi
# the samples at Etched's claimed utilization, by hand: eff_compute is
# triangular 0.3 .. 0.95, mode 0.9 (data/uncertainty/sohu.ini), so
# P(>= 0.9) = (0.95 - 0.9)^2 / ((0.95 - 0.3) (0.95 - 0.9)) = 0.0769; of
# 40000 samples (none fails: violating 0) within 5 standard deviations,
# sqrt(0.0769 x 0.9231 / 40000) = 0.00133.  Those samples sit at the top
# of the utilization range, so their median is above the whole run's and
# their P(>= 20x) at least the run's share of 20x that they hold (every
# 20x sample needs 84% or more, the lever above, so most are among them)
$RL claim --samples 40000 --seed 7 --no-design --json >"$tmpd/given.json" 2>/dev/null
if python3 - "$tmpd/given.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
g = d["verdict"]["at_claimed_utilization"]
m = d["monte_carlo"]
ok = g["at_least"] == 0.9 and abs(g["share"] - 0.0769) < 5 * 0.00133
ok = ok and g["samples"] == round(g["share"] * g["evaluated"])
ok = ok and g["p05"] <= g["p50"] <= g["p95"] and g["p50"] > m["p50"]
ok = ok and g["prob_ge_target"] >= m["prob_ge_target"]
sys.exit(0 if ok else 1)
PY
then
	echo "ok - the samples at Etched's claimed utilization: 7.7% of them, as the triangle gives"
else
	echo "not ok - the samples at Etched's claimed utilization"
	grep -o '"at_claimed_utilization": {[^}]*}' "$tmpd/given.json" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# every range narrowed toward its stated value (model/mcrobust.h), the same
# seed and samples: the full width is the run itself; the range that moves
# P(>= 20x) most ran alone at a tenth of its width around its stated value,
# its ends by hand from the assumption's own value, low and high (s + 0.1 (x
# - s)); it is the largest move among the reweighted estimates, and its own
# run agrees with its estimate within the noise (20000 samples: standard
# error under 0.002); the text and the report say the JSON's investor line
$RL claim --samples 20000 --seed 7 --no-design --json >"$tmpd/robust.json" 2>/dev/null
$RL claim --samples 20000 --seed 7 --no-design --db "$tmpd/robust.db" 2>/dev/null | tr '\n' ' ' | tr -s ' ' >"$tmpd/robustt"
$RL report --db "$tmpd/robust.db" --out "$tmpd/robust.md" --no-plots >/dev/null 2>&1
if python3 - "$tmpd/robust.json" "$tmpd/robustt" "$tmpd/robust.md" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
md = open(sys.argv[3]).read()
r = d["verdict"]["range_robustness"]
m = d["monte_carlo"]
n = r["narrowed"]
ok = [x["fraction"] for x in n] == [1, 0.5, 0.25, 0.1]
ok = ok and n[0]["prob_ge_target"] == m["prob_ge_target"] and n[0]["p50"] == m["p50"]
ok = ok and all(x["samples"] == 20000 for x in n)
t = r["most_moving"]
a = {x["param"]: x for x in d["assumptions"]}[t["param"]]
s = a["value"]
ok = ok and abs(t["low"] - (s + 0.1 * (a["low"] - s))) < 1e-9
ok = ok and abs(t["high"] - (s + 0.1 * (a["high"] - s))) < 1e-9
est = {x["param"]: x["prob_ge_target"] for x in r["alone_estimated"]}
p0 = m["prob_ge_target"]
ok = ok and max(est, key=lambda k: abs(est[k] - p0)) == t["param"]
ok = ok and abs(est[t["param"]] - t["prob_ge_target"]) < 0.01
ok = ok and r["investor"].startswith("even with every range narrowed to a tenth around Etched's figures")
ok = ok and r["investor"] in text and r["words"] in text
ok = ok and r["investor"].replace(">=", "\\>=") in md.replace("\n", " ")
sys.exit(0 if ok else 1)
PY
then
	echo "ok - the ranges narrowed: the full width is the run, the top range's ends by hand, the investor line in text and report"
else
	echo "not ok - the ranges narrowed"
	grep -o '"range_robustness": {.*"investor"' "$tmpd/robust.json" | cut -c1-400 | sed 's/^/    /'
	fails=$((fails + 1))
fi
# from few samples the ranges narrowed give no word either: with 10
# samples the investor's line says how far P(>= 20x) at a tenth (or at
# full width) may lie, its 95% interval by Wilson's score worked out here
# from the JSON's own P and count, across the verdict's bands, where it
# said "Supported, where at full width it is Not supported: the verdict
# rests on how wide the ranges are" from 10 samples (the verdict itself
# and the line at the claimed utilization already said too few samples)
$RL claim --samples 10 --seed 1 --no-design --json >"$tmpd/few10.json" 2>/dev/null
$RL claim --samples 10 --seed 1 --no-design 2>/dev/null | tr '\n' ' ' | tr -s ' ' >"$tmpd/few10t"
if python3 - "$tmpd/few10.json" "$tmpd/few10t" <<'PY'
import json, math, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
r = d["verdict"]["range_robustness"]
inv = r["investor"]
def wilson(p, n):
    z2 = 1.96 ** 2
    c = (p + z2 / (2 * n)) / (1 + z2 / n)
    h = 1.96 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0, c - h), min(1, c + h)
def band(p):
    return 3 if p >= 0.9 else 2 if p >= 0.5 else 1 if p >= 0.1 else 0
n = r["narrowed"][0]["samples"]
p = r["narrowed"][3]["prob_ge_target"]
p0 = r["narrowed"][0]["prob_ge_target"]
lo, hi = wilson(p, n)
lo0, hi0 = wilson(p0, n)
ok = n == 10 and (band(lo) != band(hi) or band(lo0) != band(hi0))
ok = ok and "from only 10 samples" in inv and "more samples (--samples) settle it" in inv
ok = ok and "verdict's word would" not in inv and "rests on how wide" not in inv
if band(lo) != band(hi):
    ok = ok and ("lies between %.1f%% and %.1f%% (95%% confidence)" % (100 * lo, 100 * hi)) in inv
ok = ok and inv in text
sys.exit(0 if ok else 1)
PY
then
	echo "ok - ranges narrowed from 10 samples: no word, the interval and the fix"
else
	echo "not ok - ranges narrowed from 10 samples: $(python3 -c "import json; print(json.load(open('$tmpd/few10.json'))['verdict']['range_robustness']['investor'])")"
	fails=$((fails + 1))
fi
# (review41) few samples evaluated, not few drawn: Sohu's HBM capacity
# drawn from 1 to 10 GB a chip (its 154.6 stated: the ranges narrowed
# toward it all fit) leaves some 30 of 300 samples at full width that
# fit the model; the verdict says from only those its P lies across the
# 10% band, and the investor's line drew its word at full width from all
# 300 drawn ("(Not supported at full width)"): it says, as the verdict,
# the interval from the evaluated samples (Wilson's score worked out here
# from the JSON's own P and narrowed[0].evaluated) and gives no word
{ cat "$ROOFLAB_DATA/uncertainty/sohu.ini"; printf '\n[b.chip.hbm_gb]\ndist = uniform\nlow = 1\nhigh = 10\nsource = cli_investor: few samples fit\n'; } >"$tmpd/fewfit.ini"
$RL claim --uncertainty "$tmpd/fewfit.ini" --samples 300 --seed 1 --no-design --json >"$tmpd/fewfit.json" 2>/dev/null
$RL claim --uncertainty "$tmpd/fewfit.ini" --samples 300 --seed 1 --no-design 2>/dev/null | tr '\n' ' ' | tr -s ' ' >"$tmpd/fewfitt"
if python3 - "$tmpd/fewfit.json" "$tmpd/fewfitt" <<'PY'
import json, math, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
r = d["verdict"]["range_robustness"]
inv = r["investor"]
def wilson(p, n):
    z2 = 1.96 ** 2
    c = (p + z2 / (2 * n)) / (1 + z2 / n)
    h = 1.96 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0, c - h), min(1, c + h)
def band(p):
    return 3 if p >= 0.9 else 2 if p >= 0.5 else 1 if p >= 0.1 else 0
full = r["narrowed"][0]
n0, p0 = full["evaluated"], full["prob_ge_target"]
lo, hi = wilson(p0, n0)
ok = full["samples"] == 300 and 0 < n0 < 100 and band(lo) != band(hi)
ok = ok and "unsettled" in d["verdict"]
ok = ok and ("from only %d samples: at full width it lies between %.1f%% and %.1f%% (95%% confidence)" % (n0, 100 * lo, 100 * hi)) in inv
ok = ok and "at full width)" not in inv and "verdict's word would" not in inv
ok = ok and inv in text
sys.exit(0 if ok else 1)
PY
then
	echo "ok - few samples evaluated at full width: no word, the interval from those evaluated"
else
	echo "not ok - few samples evaluated at full width: $(python3 -c "import json; r = json.load(open('$tmpd/fewfit.json'))['verdict']['range_robustness']; print(r['narrowed'][0], r['investor'])")"
	fails=$((fails + 1))
fi
# docs/claim.md's "In plain words" and README's opening answer are what the
# program prints now at its defaults (100000 samples, seed 1): each number
# there rounded from the claim's text, and the measured tables' ratios by hand
# (TensorRT-LLM 0.10's 2048/128 cells: TP8 1337.36 and TP2 751.14 output
# tokens/s; 0.12's TP8 1933.15: data/claims/etched-2024.ini, claims.md)
readme=$(dirname "$0")/../README.md
claimdoc=$(dirname "$0")/../docs/claim.md
powerdoc=$(dirname "$0")/../docs/power.md
commas() { awk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); o = ""; while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'; }
expect_exit 0 "claim at its defaults" -- $RL claim
cp "$tmpd/out" "$tmpd/claimdef"
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/all"
r1() { awk -v x="$1" 'BEGIN { printf "%.1f", x }'; }
num() { sed -n "s/$1/\\1/p" "$tmpd/all" | head -1; }
x=$(r1 "$(num '.*under the stated assumptions: \([0-9.]*\)x counting.*')")
# the interval over the assumption ranges, not the line under it at
# Etched's claimed utilization, which has one of its own
lo=$(r1 "$(num '.*over the assumption ranges: 90% interval \([0-9.]*\)x \.\. .*')")
hi=$(r1 "$(num '.*over the assumption ranges: 90% interval [0-9.]*x \.\. \([0-9.]*\)x.*')")
pr=$(num '.*over the assumption ranges: 90% interval [^,]*, median [0-9.]*x, P(>= 20x) = \([0-9.]*%\) .*')
best=$(r1 "$(num '.* at its own best mapping, TP1 x PP2 x DP4 (modelled, not measured): \([0-9.]*\)x.*')")
# the 0.12 ratio from claim --json's unrounded against_trtllm_0_12
# (494,587 / 32,864 = 15.0497: 15.0x), not the text's 15.05x rounded
# again, which gave 15.1x where the claim's other-claims line says 15.0x
$RL claim --samples 0 --json >"$tmpd/cj" 2>/dev/null
t12=$(r1 "$(sed -n 's/.*"against_trtllm_0_12": \([0-9.e+-]*\).*/\1/p' "$tmpd/cj" | head -1)")
bd=$(r1 "$(num ".*speedup b'\/a (8x Sohu (by design)): \([0-9.]*\)x.*")")
bd1k=$(r1 "$(num '.*with a TDP of 700 W: [0-9.]*x, 1000 W: \([0-9.]*\)x.*')")
pf=$(num '.*- with HBM (4\.8 TB\/s) and links (450 GB\/s) as assumed: \([0-9.]*\) PFLOPS FP8 per chip.*')
kw=$(num '.*- with HBM (4\.8 TB\/s) and links (450 GB\/s) as assumed: [^-]* drawing about \([0-9.]*\) kW.*')
hbm=$(num '.*20x is met already ([0-9.]*x now, 8x Sohu (as claimed) at 4\.8 TB\/s): it still holds with at least \([0-9.]*\) TB\/s of HBM bandwidth per chip.*')
bt=$(num '.* b 8x Sohu (as claimed) [0-9.]* \([0-9]*\) .*')
tp2=$(awk -v b="$bt" 'BEGIN { printf "%.0f", b / (4 * 751.14 * 2176 / 128) }')
# every range narrowed to a tenth around Etched's figures (the claim's line
# under its verdict: P(>= 20x) and the word it would give)
rtp=$(num ".*even with every range narrowed to a tenth around Etched.s figures (the stated values), P(>= 20x) = \([0-9.]*%\) .*")
rtw=$(num ".*narrowed to a tenth around Etched.s figures ([^)]*), P(>= 20x) = [0-9.]*% ([^)]*): the verdict.s word would be \([A-Za-z ]*[a-z]\) (.*")
# the ranges narrowed (claim's uncertainty section): half's and a tenth's P
# and median, and the top range's own run
rh=$(num '.*P(>= 20x) = [0-9.]*% at full width (median [0-9.]*x), \([0-9.]*% at half ([0-9.]*x)\).*')
rt=$(num '.*P(>= 20x) = [0-9.]*% at full width (median [0-9.]*x), [^;]*, \([0-9.]*% at a tenth ([0-9.]*x)\).*')
rp=$(num '.*narrowed alone to a tenth ([^)]*), the others as given: P(>= 20x) = \([0-9.]*%\), median [0-9.]*x.*')
rmed=$(num '.*narrowed alone to a tenth ([^)]*), the others as given: P(>= 20x) = [0-9.]*%, median \([0-9.]*x\).*')
# where the stated values sit among the samples (ux20 changed the text's
# "100th percentile" to the 99.7th, which the docs' words had not been
# checked against): the nominal and its percentile as the claim prints them
# (Sohu as claimed's uncertainty section; Sohu by design's has its own)
sed -n '/^uncertainty of 8x Sohu (as claimed)/,/^$/p' "$tmpd/out" | tr '\n' ' ' | tr -s ' ' >"$tmpd/asclaimed"
nom=$(sed -n 's/.*the speedup at the stated values, \([0-9.]*\)x, sits at the [0-9.]*[a-z]* percentile of the.*/\1/p' "$tmpd/asclaimed")
npc=$(sed -n 's/.*the speedup at the stated values, [0-9.]*x, sits at the \([0-9.]*[a-z]*\) percentile of the.*/\1/p' "$tmpd/asclaimed")
sed -n '/^### In plain words/,/^### How the model gets there/p' "$claimdoc" | tr '\n' ' ' | tr -s ' ' >"$tmpd/plain"
sed -n '/^Its first job is the question/,/^$/p' "$readme" | tr '\n' ' ' | tr -s ' ' >"$tmpd/top"
miss=""
for w in "the model gives Sohu **${x}x**, $(commas "$bt") tokens/s against Etched's 500,000" "between **${lo}x and ${hi}x**" \
	"20x is reached in $pr of them" "(not measured) **${best}x**" "Sohu is about **${tp2}x**" \
	"ran 45% faster: **${t12}x**" "gives **${bd}x**; at 1000 W, ${bd1k}x" \
	"about **$pf PFLOPS FP8 per chip** at 90% utilization (about $kw kW a chip" \
	"at least **$hbm TB/s of HBM bandwidth per chip**" "four such pairs give 2.2x as many tokens" \
	"$rh" "$rt" "elementwise fusion's (0.9-1): $rp (median $rmed" "P(>= 20x) = $rtp (median" \
	"(${nom}x is at the samples' $npc percentile"; do
	grep -qF -- "$w" "$tmpd/plain" || miss="$miss [$w]"
done
grep -qF -- "${x}x with every benefit of the doubt given to Sohu, ${lo}x to ${hi}x over what is not known (the middle 90% of the outcomes), and about 8-10x" "$tmpd/top" ||
	miss="$miss [top: ${x}x, ${lo}x to ${hi}x]"
# 4 x 751.14 / 1337.36 = 2.25 (TP2 x 4 against TP8); 1933.15 / 1337.36 = 1.446
# (45%); b over a at its best is in "about 8-10x", as is the TP2 ratio
# (494,587 / (4 x 751.14 x 2176 / 128) = 9.7; "about 6-8x" of the 404,649
# before Sohu as claimed hid attention under its GEMMs, 2026-11-30)
if [ -z "$miss" ] && [ -n "$rh" ] && [ -n "$rt" ] && [ -n "$rp" ] && [ -n "$rmed" ] && [ -n "$nom" ] && [ -n "$npc" ] && [ "$(awk -v b="$best" -v t="$tp2" 'BEGIN { print (b >= 8 && b <= 10 && t >= 8 && t <= 10) }')" = 1 ]; then
	echo "ok - docs/claim.md's and README's plain-words numbers are today's ($x, $lo-$hi, $pr, $best, $tp2, $t12, $bd)"
else
	echo "not ok - docs/claim.md's or README's plain words differ from the claim's text:$miss"; fails=$((fails + 1))
fi
# README's verdict in plain words (the front door's section) gives the same
# figures, each rounded here from the claim's text (the median, the
# utilization 20x needs and Sohu by design's MAC share, as claim rounds it
# from solve's 49.5%, read from it too)
med=$(r1 "$(num '.*over the assumption ranges: 90% interval [0-9.]*x \.\. [0-9.]*x, median \([0-9.]*\)x.*')")
ut=$(num '.*it still holds with at least \([0-9]*%\) of utilization.*')
mac=$(num '.*20x needs at least \([0-9.]*%\) of the die in MAC arrays (8x Sohu (by design); assumed: [0-9.]*%).*')
macd=$(num '.*20x needs at least [0-9.]*% of the die in MAC arrays (8x Sohu (by design); assumed: \([0-9.]*%\)).*')
# the samples at Etched's claimed utilization (the claim's line under its
# verdict: their share, interval and P(>= 20x), rounded here)
gs=$(num '.*reaches >= 90% utilization, the share .* (\([0-9.]*%\) of the samples.*')
glo=$(r1 "$(num '.*reaches >= 90% utilization, the share .* ([0-9.]*% of the samples, [^)]*): 90% interval \([0-9.]*\)x \.\. .*')")
ghi=$(r1 "$(num '.*reaches >= 90% utilization, the share .* ([0-9.]*% of the samples, [^)]*): 90% interval [0-9.]*x \.\. \([0-9.]*\)x.*')")
gp=$(num '.*reaches >= 90% utilization, the share .* ([0-9.]*% of the samples, [^)]*): 90% interval [^,]*, median [0-9.]*x, P(>= 20x) = \([0-9.]*%\).*')
sed -n '/^## The verdict on Sohu, in plain words/,/^## Three paths/p' "$readme" | tr '\n' ' ' | tr -s ' ' >"$tmpd/front"
miss=""
for w in "the model gives Sohu **${x}x**, $(commas "$bt") tokens/s against Etched's 500,000" \
	"between **${lo}x and ${hi}x** (median ${med}x), and only **$pr** reach 20x" "Sohu is **${best}x**" \
	"four pairs of GPUs as the same 0.10 table measured them, about ${tp2}x" "same H100 cell, ${t12}x" \
	"gives **${bd}x** (${bd1k}x at 1000 W)" "at least $pf PFLOPS FP8 per chip at 90% utilization (drawing about $kw kW a chip), at least $ut utilization, or at least $hbm TB/s" \
	"needs at least $mac of its die in MAC arrays ($macd assumed)" \
	"claimed 90% utilization or more ($gs of the samples), they lie between ${glo}x and ${ghi}x, and $gp reach 20x" \
	"each a tenth as wide around Etched's figures, $rtp reach 20x: $rtw, not Supported"; do
	grep -qF -- "$w" "$tmpd/front" || miss="$miss [$w]"
done
# docs/claim.md's plain words give the same samples at the claimed
# utilization
grep -qF -- "P(>= 20x): $gs of the samples, ${glo}x to ${ghi}x, $gp reach 20x)" "$tmpd/plain" ||
	miss="$miss [claim.md: $gs of the samples, ${glo}x to ${ghi}x, $gp reach 20x]"
if [ -z "$miss" ] && [ -n "$med" ] && [ -n "$ut" ] && [ -n "$mac" ] && [ -n "$rtp" ] && [ -n "$rtw" ]; then
	echo "ok - README's verdict in plain words is today's (${x}x, ${lo}-${hi}x, median ${med}x, $pr, ${best}x, ${bd}x, $ut, MAC share $mac)"
else
	echo "not ok - README's verdict in plain words differs from the claim's text:$miss"; fails=$((fails + 1))
fi
# docs/claim.md's per-mapping bullets and docs/power.md's power paragraph, the figures the
# 0.10 profile's refit moved (2026-11-30; some stood stale there), are
# what claim, map and eval print now: each rounded here from the run's
# own output, none copied (the claim's text of the defaults above; map's
# table of the H100's 8-chip mappings; eval's power.watts and total tokens/s)
tp8=$(num '.*at the mapping the scenario names (TP8) it would be \([0-9.]*x\).*')
bd0=$(r1 "$(num '.*with a TDP of 700 W: [0-9.]*x, 1000 W: [0-9.]*x, none: \([0-9.]*\)x.*')")
expect_exit 0 "map of the H100's 8 chips" -- $RL map --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --chips 8 --profile trtllm-0.10
m2=$(commas "$(awk '$2 == 2 && $3 == 1 && $4 == 4 { print $7 }' "$tmpd/out")")
m1=$(commas "$(awk '$1 == 1 { print $7 }' "$tmpd/out")")
mb=$(awk '$1 == 1 { printf "TP%s x PP%s x DP%s", $2, $3, $4 }' "$tmpd/out")
$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 --profile trtllm-0.10 --json >"$tmpd/ev" 2>/dev/null
w=$(sed -n 's/.*"watts": \([0-9.e+-]*\).*/\1/p' "$tmpd/ev" | head -1)
# side a's total tokens/s unrounded (claim's text gives 23123.5, whose
# rounding to a whole number is not the figure's)
at=$(commas "$(sed -n 's/.*"total_tokens_per_s": \([0-9.e+-]*\).*/\1/p' "$tmpd/ev" | head -1)")
wr=$(awk -v x="$w" 'BEGIN { printf "**%.0f W** (%.1f)", x, x }')
sed -n '/^### The verdict per mapping/,$p' "$claimdoc" | tr '\n' ' ' | tr -s ' ' >"$tmpd/maps"
sed -n '/^### Power and the TDP/,$p' "$powerdoc" | tr '\n' ' ' | tr -s ' ' >"$tmpd/power"
miss=""
for w in "baseline as modelled ($at; claim: \"at the mapping the scenario names (TP8) it would be $tp8\"" \
	"gives ${bd}x; with a 1000 W TDP ${bd1k}x, with none ${bd0}x" "The model gives $m2 for TP2 x PP1 x DP4" \
	"best H100 mapping ($mb, $m1 output tokens/s" "divides by the model's $at."; do
	grep -qF -- "$w" "$tmpd/maps" || miss="$miss [$w]"
done
grep -qF -- "the H100 draws $wr" "$tmpd/power" || miss="$miss [power: $wr]"
grep -qF -- "it stays ${bd0}x" "$tmpd/power" || miss="$miss [power: no limit ${bd0}x]"
if [ -z "$miss" ] && [ -n "$at" ] && [ -n "$m2" ]; then
	echo "ok - docs/claim.md's per-mapping and docs/power.md's power figures are today's ($at, $tp8, $m2, $mb $m1, ${bd0}x, $wr)"
else
	echo "not ok - docs/claim.md's per-mapping or docs/power.md's power figures differ from the program's:$miss"; fails=$((fails + 1))
fi
# the first screen (reports/verdict.c): the verdict, its interval and
# probability, how far to trust the model and what it does not know, then
# what must be true with the levers moved together, before the other
# baselines and the levers one at a time.  With a validation run in the
# database: no measurement file of data/measurements names Sohu, its
# uncertainty files have 9 and 24 [b.*] sections (data/uncertainty/sohu.ini,
# sohu-design.ini; 8 and 23 before each took b.profile.attn_overlap), and the held-out rows are the two H200
# microbenchmarks (a GEMM's TFLOPS, a copy's TB/s; README)
expect_exit 0 "validate --db into the claim's database" -- $RL validate --db "$tmpd/c.db"
# (small68) a run of the shipped rows is recorded as theirs: rows_of
# 'shipped' (validate --json's word), no file named; the report keeps "the
# published measurements" and the claim's line unlabelled for it
if have sqlite3 "the shipped rows recorded as theirs"; then
	expect_exit 0 "validate --db records the shipped rows" -- \
		test "$(sqlite3 "$tmpd/c.db" "select rows_of || '|' || quote(measurements_file) from validation_runs")" = "shipped|NULL"
fi
expect_exit 0 "report of it with the validation" -- $RL report --db "$tmpd/c.db" \
	--out "$tmpd/rv.md" --no-plots
lno() { grep -nF -- "$1" "$tmpd/rv.md" | head -1 | cut -d: -f1; }
l1=$(lno "- Probability that the speedup reaches 20x:")
l2=$(lno "- How far to trust the model: ")
l3=$(lno "- What the model does not know: ")
l4=$(lno "What must be true for 20x, with the levers moved together:")
l5=$(lno "The same speedup against other baselines")
l6=$(lno "One lever at a time, the rest as assumed")
if [ -n "$l1" ] && [ -n "$l6" ] && [ "$l1" -lt "$l2" ] && [ "$l2" -lt "$l3" ] &&
	[ "$l3" -lt "$l4" ] && [ "$l4" -lt "$l5" ] && [ "$l5" -lt "$l6" ]; then
	echo "ok - the verdict's order: probability, trust, unknowns, what must be true, baselines, one lever"
else
	echo "not ok - the verdict's order: $l1 $l2 $l3 $l4 $l5 $l6"; fails=$((fails + 1))
fi
if grep -qF "What the model does not know: no published measurement of sohu, 8x Sohu (as claimed)'s chip, is among the validation run's rows: its speed rests on the model and on the inputs the assumptions section lists with their sources and ranges (9 for it, 24 for 8x Sohu (by design)); and no row of that run is serving on a chip the model was not fitted on (its 2 held-out rows are microbenchmarks), so how well the model predicts serving on a new chip is not measured." "$tmpd/rv.md"; then
	echo "ok - what the model does not know: Sohu unmeasured, no held-out serving row"
else
	echo "not ok - what the model does not know"; grep -F "does not know" "$tmpd/rv.md" | sed 's/^/    /'; fails=$((fails + 1))
fi
# without a validation run: said, with the command that adds one
if grep -qF "How far to trust the model: not measured here: this database holds no comparison of the model with published measurements" "$tmpd/r.md" &&
	! grep -qF "What the model does not know" "$tmpd/r.md"; then
	echo "ok - no validation run: the trust line says so"
else
	echo "not ok - no validation run: the trust line"; fails=$((fails + 1))
fi
# the report's trust sentence holds claim's own trust line, as claim --db
# stored it with its run (claim_runs.trust; cli_claim checks its figures
# against data/profiles/*.ini's [meta] and data/measurements.csv), ahead of
# the line validate stored with its run (validation_runs.trust: the same
# line less claim's ", the baseline", validate naming no baseline), which
# it falls back on for a claim run from before the column, led by the rows
# it is about, "over the shipped rows: " (validate --db with no
# --measurements: cmd_validate.c); '|' escaped in Markdown
wantc=$(joined '^  how far off the model is' "$tmpd/text" | tr -s ' ' | sed 's/^ //; s/|/\\|/g')
want=$(printf '%s' "$wantc" | sed 's/, the baseline//')
case $wantc in
"how far off the model is (median error / 90% of rows within): "*" on model families each fit never saw, "*", the baseline: "*"; on chips no fit saw: "*) ;;
*) echo "not ok - claim's trust line not found ('$wantc')"; fails=$((fails + 1)) ;;
esac
# (small63) the verdict says it in a bullet of its own, right after the
# trust bullet, as the validation section lists it (the two in one bullet
# ran to 669 characters)
trust_next() { grep -A1 -F -- "- How far to trust the model: " "$1" | sed -n 2p; }
if [ -n "$wantc" ] && grep -qF -- "- How far to trust the model: " "$tmpd/rv.md" &&
	[ "$(trust_next "$tmpd/rv.md")" = "- As the claim recorded it with its run, $wantc." ] &&
	[ "$(grep -cxF -- "- As the claim recorded it with its run, $wantc." "$tmpd/rv.md")" = 2 ] &&
	! grep -qi "as validate recorded it" "$tmpd/rv.md"; then
	echo "ok - the report's trust sentence has the claim's own stored line"
else
	echo "not ok - the report's trust sentence lacks the claim's own line ('$wantc')"
	grep -F "How far to trust" "$tmpd/rv.md" | sed 's/^/    /'; fails=$((fails + 1))
fi
# (ux28) the verdict's bullet is the short form: the claim's line gives
# the out-of-sample rows' figures, so the bullet does not repeat them
# ("apart from them"), and how far the published tables move between
# versions is the validation section's, which keeps both: (ux29) its
# "In short, ..." the pooled rows' error alone, in under 400 characters
# (1,227 when it held every clause), each other clause an item under it;
# (small63) the bullet the pooled rows' error alone too, under 400
# characters (669 with the claim's line in it), that line the next bullet
short=$(grep '^In short, ' "$tmpd/rv.md")
tb=$(grep -F -- "- How far to trust the model: " "$tmpd/rv.md")
if ! printf '%s' "$tb" | grep -qF "as the claim recorded it" &&
	[ "${#tb}" -gt 0 ] && [ "${#tb}" -lt 400 ] &&
	printf '%s' "$tb" | grep -q "^- How far to trust the model: the model's throughput misses the published measurements by a median [0-9.]*% (90th percentile [0-9.]*%) over [0-9]* rows, [0-9]* of them of the chip and software its profiles were fitted on[^;]* (the validation section)\.$" &&
	trust_next "$tmpd/rv.md" | grep -q "^- As the claim recorded it with its run, " &&
	! printf '%s' "$tb" | grep -qE "apart from them|themselves move" &&
	[ "${#short}" -gt 0 ] && [ "${#short}" -lt 400 ] &&
	printf '%s' "$short" | grep -q "^In short, the model's throughput misses the published measurements by a median [0-9.]*% (90th percentile [0-9.]*%) over [0-9]* rows, [0-9]* of them of the chip and software its profiles were fitted on[^;]*\.$" &&
	grep -A3 '^In short, ' "$tmpd/rv.md" | grep -q '^- Apart from them, [0-9]* rows of a profile borrowed' &&
	grep -A3 '^In short, ' "$tmpd/rv.md" | grep -q '^- The published tables themselves move '; then
	echo "ok - the verdict's trust bullet is the short form; the validation section keeps the rest"
else
	echo "not ok - the verdict's trust bullet repeats the out-of-sample or the tables' clause"
	grep -F "How far to trust" "$tmpd/rv.md" | sed 's/^/    /'; fails=$((fails + 1))
fi
# with no validation run in the database, the claim's own line still
if grep -F -- "- How far to trust the model: not measured here: " "$tmpd/r.md" | grep -q " (the validation section)\.$" &&
	[ "$(trust_next "$tmpd/r.md")" = "- As the claim recorded it with its run, $wantc." ]; then
	echo "ok - no validation run: the claim's own trust line is given"
else
	echo "not ok - no validation run: the claim's own trust line"
	grep -F "How far to trust" "$tmpd/r.md" | sed 's/^/    /'; fails=$((fails + 1))
fi
# read from the runs, not from today's profiles: a claim run whose stored
# line was changed (by hand here) is reported as stored; a claim run from
# before the column (dropped here) falls back on the validation run's line,
# as stored; runs written before both columns (dropped), or with none
# stored, are said to have none; (ux29) each twice: in the verdict's bullet and
# as an item under the validation section's "In short" (capitalized)
if have sqlite3 "the trust line stored"; then
	cp "$tmpd/c.db" "$tmpd/tr.db"
	sqlite3 "$tmpd/tr.db" "UPDATE claim_runs SET trust = replace(trust, 'over 12 software versions', 'over 7 software versions')"
	expect_exit 0 "report of a claim run whose stored trust line says 7 profiles" -- \
		$RL report --db "$tmpd/tr.db" --out "$tmpd/tr.md" --no-plots
	has7=$(grep -c "[Aa]s the claim recorded it with its run, how far off the model is .* over 7 software versions" "$tmpd/tr.md")
	cp "$tmpd/c.db" "$tmpd/oldc.db"
	sqlite3 "$tmpd/oldc.db" "ALTER TABLE claim_runs DROP COLUMN trust; UPDATE validation_runs SET trust = replace(trust, 'over 12 software versions', 'over 6 software versions')"
	expect_exit 0 "report of a claim run from before its trust column" -- \
		$RL report --db "$tmpd/oldc.db" --out "$tmpd/oldc.md" --no-plots
	has6=$(grep -c "\(; a\|^- A\)s validate recorded it with this run, over the shipped rows: how far off the model is .* over 6 software versions" "$tmpd/oldc.md")
	cp "$tmpd/c.db" "$tmpd/oldv.db"
	sqlite3 "$tmpd/oldv.db" "ALTER TABLE claim_runs DROP COLUMN trust"
	expect_exit 0 "report of claim and validation runs as written before the claim's trust column" -- \
		$RL report --db "$tmpd/oldv.db" --out "$tmpd/oldv.md" --no-plots
	cp "$tmpd/c.db" "$tmpd/notr.db"
	sqlite3 "$tmpd/notr.db" "ALTER TABLE validation_runs DROP COLUMN trust; ALTER TABLE claim_runs DROP COLUMN trust"
	expect_exit 0 "report of runs from before the trust columns" -- \
		$RL report --db "$tmpd/notr.db" --out "$tmpd/notr.md" --no-plots
	cp "$tmpd/c.db" "$tmpd/nulltr.db"
	sqlite3 "$tmpd/nulltr.db" "UPDATE validation_runs SET trust = NULL; UPDATE claim_runs SET trust = NULL"
	expect_exit 0 "report of runs with no trust line stored" -- \
		$RL report --db "$tmpd/nulltr.db" --out "$tmpd/nulltr.md" --no-plots
	nr="the profiles' leave-one-architecture-out error is not recorded in this validation run, written before rooflab stored it (rerun rooflab validate --db for it)"
	if [ "$has7" = 2 ] && [ "$has6" = 2 ] &&
		[ "$(trust_next "$tmpd/oldv.md")" = "- As validate recorded it with this run, over the shipped rows: $want." ] &&
		[ "$(trust_next "$tmpd/notr.md")" = "- The ${nr#the }." ] &&
		grep -qxF -- "- The ${nr#the }." "$tmpd/nulltr.md" && ! grep -q "how far off the model is" "$tmpd/notr.md" "$tmpd/nulltr.md"; then
		echo "ok - the trust figures are the runs': the claim's as stored, else validate's, or said not recorded"
	else
		echo "not ok - the trust figures of a changed or older run ($has7 $has6)"; fails=$((fails + 1))
	fi
	# the column as claim --db wrote it: the text's line, whole
	if [ "$(sqlite3 "$tmpd/c.db" "SELECT trust FROM claim_runs ORDER BY id DESC LIMIT 1")" = "$(joined '^  how far off the model is' "$tmpd/text" | tr -s ' ' | sed 's/^ //')" ]; then
		echo "ok - claim_runs.trust is the text's trust line"
	else
		echo "not ok - claim_runs.trust is not the text's trust line"; fails=$((fails + 1))
	fi
fi

# the workload under the title, from the run (data/scenarios/etched-bench.ini:
# model llama3-70b, precision fp8, isl 2048, osl 128)
if grep -qF "Scenario etched-bench: llama3-70b in fp8, 2048 tokens in and 128 out per request. An analytical model" "$tmpd/r.md"; then
	echo "ok - the report names the workload under its title"
else
	echo "not ok - the report's workload"; sed -n 3p "$tmpd/r.md" | sed 's/^/    /'; fails=$((fails + 1))
fi

# docs/claim.md's "Attention hidden under the GEMMs" (ux16's "One benefit not
# given"): Sohu as claimed with its KV reads hidden (HBM 100 TB/s: the
# GEMMs compute-bound as at 4.8) against the modelled baseline, and its
# attention at 4.8 TB/s not hidden (attn_overlap 0, etched-claim.ini's 1
# undone), live
$RL eval --chip sohu --model llama3-70b --profile etched-claim --scenario etched-bench --tp 1 --chips 8 --set chip.hbm_tbps=100 >"$tmpd/hid" 2>&1
$RL eval --chip sohu --model llama3-70b --profile etched-claim --scenario etched-bench --tp 1 --chips 8 --set profile.attn_overlap=0 >"$tmpd/ser" 2>&1
$RL eval --chip h100-sxm --model llama3-70b --profile trtllm-0.10 --scenario etched-bench >"$tmpd/base" 2>&1
tot() { awk '$1 == "total_tokens_per_s" {print $2; exit}' "$1"; }
hid=$(tot "$tmpd/hid" | awk '{printf "%d,%03d", int($1 / 1000), int($1 + 0.5) % 1000}')
hidx=$(awk -v h="$(tot "$tmpd/hid")" -v b="$(tot "$tmpd/base")" 'BEGIN {printf "%.1f", h / b}')
att=$(awk '$1 == "attention_s" {printf "%.1f", $2; exit}' "$tmpd/ser")
sed -n '/^- \*\*Attention hidden under the GEMMs\*\*/,/^- \*\*Against/p' "$claimdoc" | tr '\n' ' ' | tr -s ' ' >"$tmpd/obng"
if [ -n "$hid" ] && grep -qF "gives $hid total tokens/s" "$tmpd/obng" && grep -qF "${hidx}x the modelled baseline" "$tmpd/obng" &&
	grep -qF "and $att ms of attention" "$tmpd/obng"; then
	echo "ok - docs/claim.md's benefit not given is today's ($hid, ${hidx}x, $att ms)"
else
	echo "not ok - docs/claim.md's benefit not given: live $hid, ${hidx}x, $att ms"; fails=$((fails + 1))
fi
# profile.attn_overlap = 1 hides the same KV reads by the engine's own
# overlap (engine.c): the GEMMs are compute-bound at 4.8 TB/s already, so
# the prefill-carrying iteration is the GEMMs' time plus attention's
# compute, which the 100 TB/s run shows (its attention_s is compute, its
# KV reads at 100 TB/s a twentieth of 9.2 ms, under it); the total as
# docs/claim.md gives it
$RL eval --chip sohu --model llama3-70b --profile etched-claim --scenario etched-bench --tp 1 --chips 8 --set profile.attn_overlap=1 >"$tmpd/ovl" 2>&1
it1() { awk '$1 == "iteration_s" {print $2; exit}' "$1"; }
gm1() { awk '$1 == "gemm_s" {print $2; exit}' "$1"; }
at1() { awk '$1 == "attention_s" {print $2; exit}' "$1"; }
ovl=$(tot "$tmpd/ovl" | awk '{printf "%d,%03d", int($1 / 1000), int($1 + 0.5) % 1000}')
want=$(awk -v g="$(gm1 "$tmpd/hid")" -v a="$(at1 "$tmpd/hid")" 'BEGIN {printf "%.1f", g + a}')
got=$(awk -v t="$(it1 "$tmpd/ovl")" 'BEGIN {printf "%.1f", t}')
if [ -n "$ovl" ] && [ "$got" = "$want" ] && [ "$ovl" = "$hid" ] &&
	grep -qF "profile.attn_overlap=1\` in place of the 100 TB/s gives the same $ovl" "$tmpd/obng"; then
	echo "ok - attn_overlap = 1: the iteration is the GEMMs plus attention's compute ($got ms), $ovl as docs/claim.md"
else
	echo "not ok - attn_overlap = 1: iteration $got ms against $want, total $ovl against $hid"; fails=$((fails + 1))
fi

# docs/claim.md quotes the program's output in ```text blocks: under "### Run
# it" the first lines of claim at its defaults, under "#### What must be true
# for 20x" the first lines of solve --vary b.chip.peak_tflops_fp8; each block
# is those lines of the output, byte for byte, not copied by hand (docs6)
# textblock HEADING: the first ```text block under the heading HEADING
textblock() {
	awk -v h="$1" 'index($0, h) == 1 { t = 1; next }
	     t == 1 && /^```text/ { t = 2; next }
	     t == 2 && /^```/ { exit }
	     t == 2' "$claimdoc"
}
textblock "### Run it" >"$tmpd/q1"
textblock "#### What must be true for 20x" >"$tmpd/q2"
$RL solve --vary b.chip.peak_tflops_fp8 >"$tmpd/sv" 2>&1
n1=$(grep -c '' "$tmpd/q1")
n2=$(grep -c '' "$tmpd/q2")
if [ "$n1" -ge 5 ] && [ "$n2" -ge 5 ] && head -n "$n1" "$tmpd/claimdef" | cmp -s - "$tmpd/q1" &&
	head -n "$n2" "$tmpd/sv" | cmp -s - "$tmpd/q2"; then
	echo "ok - docs/claim.md's quoted output is claim's and solve's ($n1 and $n2 lines)"
else
	echo "not ok - docs/claim.md's quoted output ($n1, $n2 lines) differs from the program's:"
	head -n "$n1" "$tmpd/claimdef" | diff - "$tmpd/q1" | sed 's/^/    /'
	head -n "$n2" "$tmpd/sv" | diff - "$tmpd/q2" | sed 's/^/    /'; fails=$((fails + 1))
fi

# (ux36) README's verdict in plain words gives the rule its word follows in
# full, as claim gives it (claim --json's verdict.rule): it said "under 10%
# is Not supported" alone, and then "68.6% reach 20x: Plausible, not
# Supported" with no word of where Plausible and Supported begin
$RL claim --samples 0 --json --no-design >"$tmpd/rule.json" 2>/dev/null
$RL claim --samples 20 --json --no-design >"$tmpd/rule20.json" 2>/dev/null
rule=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['verdict']['rule'])" "$tmpd/rule20.json" 2>/dev/null)
sed -n '/^## The verdict on Sohu, in plain words/,/^## Three paths/p' "$readme" | tr '\n' ' ' | tr -s ' ' >"$tmpd/front"
if [ -n "$rule" ] && grep -qF -- "The verdict's word follows that share: $rule." "$tmpd/front"; then
	echo "ok - README's verdict gives the word's rule as claim does ($rule)"
else
	echo "not ok - README's verdict lacks the word's rule as claim gives it ('$rule')"; fails=$((fails + 1))
fi
# its Terms paragraph says TensorRT-LLM in words (the section names it
# three times, the baseline's software, with no word of what it is)
if grep -qF "TensorRT-LLM, NVIDIA's software that serves a model on its GPUs, in numbered versions (0.10 the one whose measured table Etched compared with)" "$tmpd/front" &&
	sed '/^Terms, for a reader/,/^$/d' "$readme" | sed -n '/^## The verdict on Sohu, in plain words/,/^## Three paths/p' | grep -q "TensorRT-LLM"; then
	echo "ok - README's verdict says TensorRT-LLM in words, and uses it"
else
	echo "not ok - README's verdict names TensorRT-LLM with no word of it"; fails=$((fails + 1))
fi
# sweeps/README.md's table of the Sohu specs' mappings (the brief's
# question: does the MAC/SRAM sweep run etched-bench's tp 8, "8 chips,
# 8-way model parallel"?  Its set lines make it TP1 x PP8): each row's
# model, chips and mapping are what eval prints for the spec's [base]
sweepdoc=$(dirname "$0")/../sweeps/README.md
for spec in sohu-link-vs-flops sohu-matmul-vs-hbm sohu-mac-vs-sram sohu-sram-only; do
	f=$(dirname "$0")/../sweeps/$spec.ini
	set -- $(awk -F' *= *' '/^\[/ { b = ($0 == "[base]") } b && /^(scenario|chip|model|profile) *=/ { printf "--%s %s ", $1, $2 }
		b && /^set *=/ { v = $0; sub(/^set *= */, "", v); printf "--set %s ", v }' "$f")
	# the MAC/SRAM grids at one of their points, 10% MAC and 50% SRAM
	# (0.02 + 2 x 0.04, 0.02 + 12 x 0.04), where the SRAM-only die holds
	# its last stage (its preset's 10% SRAM does not: docs/engine.md)
	case $spec in *sram*) set -- "$@" --set design.frac_mac=0.1 --set design.frac_sram=0.5 ;; esac
	got=$($RL eval "$@" 2>/dev/null | sed -n 's/^\([^ ]*\) on \([0-9]*\) x [^ ]* (\([^)]*\)).*/\1|\2|\3/p' | head -1)
	row=$(grep -F "| \`$spec.ini\` |" "$sweepdoc" | head -1)
	model=$(printf '%s' "$row" | awk -F' \\| ' '{ print $2 }')
	cm=$(printf '%s' "$row" | awk -F' \\| ' '{ print $3 }')
	want_model=$(printf '%s' "${got%%|*}" | sed 's/^llama3-\([0-9]*\)b$/Llama-3 \1B/')
	rest=${got#*|}
	if [ -n "$got" ] && [ "$model" = "$want_model" ] &&
		case "$cm" in "${rest%%|*}, ${rest#*|}"|"${rest%%|*}, ${rest#*|} "*) true ;; *) false ;; esac; then
		echo "ok - sweeps/README.md: $spec runs $model, ${rest%%|*} chips, ${rest#*|}"
	else
		echo "not ok - sweeps/README.md's row of $spec ('$model', '$cm') is not what it runs ('$got')"; fails=$((fails + 1))
	fi
done

finish
