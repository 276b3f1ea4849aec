#!/bin/sh
# cli_map.sh: mappings on the command line: eval --tp/--pp/--ep/--chips,
# rooflab map, and every bad mapping (exit 2 naming the constraint and
# what would be legal).  The numeric checks are the issue's done-when.
. "$(dirname "$0")/clilib.sh"
# checks here read map's JSON with python3: without it the file says so
# and stops
have python3 "cli_map.sh: map's JSON read back" || finish

# check NAME AWK-CONDITION: the last command's stdout satisfies it
check() {
	if awk "$2" "$tmpd/out" | grep -q yes; then
		echo "ok - $1"
	else
		echo "not ok - $1 (awk '$2')"
		sed 's/^/    out: /' "$tmpd/out" | head -8
		fails=$((fails + 1))
	fi
}

W="--model llama3-70b --precision fp8 --isl 2048 --osl 128"
# the same at 16 bits (an option given twice is refused)
W16="--model llama3-70b --precision fp16 --isl 2048 --osl 128"

# Sohu as a PP8 pipeline: at or under the compute roofline, 8 chips x
# 9800 TFLOPS x 0.9 / 141.1 GFLOP per token = 500,241 total tokens/s, and
# no longer bound by its links.  etched-claim has no serving overheads, so
# it is near that roofline too: attention adds 4 x 80 layers x 64 heads x
# 128 = 2.62 MFLOP per key, (2048 + 1) / 2 = 1,024.5 keys per prompt token
# (causal; engine.c ctx_prefill) and 2048 + 128 / 2 = 2,112 per decode
# token: (2048 x 2.69 + 128 x 5.54) / 2176 = 2.85 GFLOP a token, 2.0% more
# (review46: 1,024 / 2 keys and 1.34 GFLOP, 1.1%, halved the prompt's);
# at least 95% of 500,241 = 475,229
expect_exit 0 "sohu pp 8" -- $RL eval --chip sohu $W --tp 1 --pp 8 --profile etched-claim
# the mapping spelled as claim and solve spell it: TP and PP always, DP
# and EP only above 1 (here both 1), where it said "tp 1 x pp 8 x dp 1, ep 1"
expect_out "^llama3-70b on 8 x sohu \(TP1 x PP8\), fp8," "header names the mapping"
check "sohu pp 8 under the compute roofline" \
	'$1=="total_tokens_per_s" && $2 >= 475229 && $2 <= 500241 {print "yes"}'
check "sohu pp 8 not link-bound" \
	'$1=="bound" && $2=="communication" {bad=1} END {if (!bad) print "yes"}'
expect_exit 0 "eval --json has the mapping" -- $RL eval --chip sohu $W --tp 1 --pp 8 --profile etched-claim --json
expect_out '"mapping": \{' "json mapping object"
expect_out '"pp": 8' "json pp"
expect_out '"dp": 1' "json dp"
expect_out '"total_tokens_per_s_per_chip"' "json per-chip throughput"

# 8 H100s with TensorRT-LLM 0.10: TP8 and TP2 x DP4 are listed, and TP2 x
# DP4 is within 15% of the measured 4 x 751.14 = 3,005 output tokens/s
# (published-h100.csv): 2,554 to 3,456
expect_exit 0 "map 8 h100" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10
check "map lists tp 8" '$2==8 && $3==1 && $4==1 && $6=="yes" {print "yes"}'
check "tp 2 x dp 4 within 15% of 3005" \
	'$2==2 && $3==1 && $4==4 && $7 >= 2554 && $7 <= 3456 {print "yes"}'
check "map ranks by output tokens/s" \
	'NR > 3 && $6=="yes" { if (seen && $7 > last) bad=1; last=$7; seen=1 } END {if (!bad && seen) print "yes"}'
expect_exit 0 "map --json" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --json
for k in '"mappings": \[' '"best": \{' '"fits": true' '"output_tokens_per_s"' \
	'"total_tokens_per_s"' '"latency"' '"bound"'; do
	expect_out "$k" "map json has $k"
done
# the mappings of 8 chips are the ordered tp x pp x dp = 2^3 (ep 1 on a
# dense model): C(3 + 2, 2) = 10, all fitting here; the best is the first
# and the highest in output tokens/s; each one's total is 17 x its output
# ((2048 + 128) / 128) and its per-chip figure an eighth
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
m = d['mappings']
assert d['legal_mappings'] == len(m) == 10, len(m)
assert sorted((x['tp'], x['pp'], x['dp']) for x in m) == sorted((t, p, 8 // (t * p)) for t in (1, 2, 4, 8) for p in (1, 2, 4, 8) if 8 % (t * p) == 0)
for x in m:
    t = x['throughput']
    assert x['fits'] and x['ep'] == 1, x
    assert abs(t['total_tokens_per_s'] / t['output_tokens_per_s'] / 17 - 1) < 1e-8, t
    assert abs(t['output_tokens_per_s_per_chip'] * 8 / t['output_tokens_per_s'] - 1) < 1e-8, t
o = [x['throughput']['output_tokens_per_s'] for x in m]
assert o == sorted(o, reverse=True) and d['best'] == m[0], o
" 2>"$tmpd/err"; then
	echo "ok - map json: the 10 mappings of 8 chips, ranked, the best first, totals 17x output"
else
	echo "not ok - map json: the mappings' figures"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# a TTFT limit no mapping meets puts every mapping outside it
expect_exit 0 "map --ttft-max" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --ttft-max 0.000001
expect_out "\(outside the limits at full load\)$" "limit marks mappings, at full load"
# (the mark is of service times at full load, where it read "(outside the
# latency limits)" beside a list under the targets showing the same
# mappings meeting them at a lower rate)
expect_exit 2 "map bad --tpot-max" -- $RL map --chip h100-sxm $W --chips 8 --tpot-max soon
expect_err "is not a number in \\[0.000000001, 1000000\\]" "tpot-max message with the range"
# map searches the mapping: a --tp, --pp or --ep is refused rather than
# ignored (the ranking was the same with or without it), and --help lists
# neither them nor eval's --rate and --requests, which map refuses
for o in "--tp 8" "--pp 2" "--ep 1"; do
	# shellcheck disable=SC2086
	expect_exit 2 "map refuses $o" -- $RL map --chip h100-sxm $W --chips 8 $o
	expect_err "^rooflab map: ${o%% *}: map tries every tp x pp x ep" "map says why $o is refused"
done
expect_exit 0 "map --help" -- $RL map --help
expect_no_out "^  --(tp|pp|ep|rate|requests) " "map --help lists no refused option"
expect_out "^  --chips N" "map --help lists --chips"
expect_out "^  --ttft-max S" "map --help lists the targets"
expect_exit 2 "map without --chips" -- $RL map --chip h100-sxm $W
expect_err "missing --chips" "asks for chips"
# a configuration every mapping refuses whatever the mapping (the chip's
# measured idle_w beside a --set static_w: model/power.c) is named as eval
# names it, file and --set, not "no legal mapping" (it said that)
expect_exit 2 "map: a configuration refused at every mapping" -- $RL map --chip h100-sxm $W --chips 8 --set power.static_w=50
expect_err "h100-sxm\.ini with power\.static_w=50: power\.static_w \(50 W\) and power\.idle_w \(70 W\) are both given" "map names the setting eval refuses"
expect_no_err "no legal mapping" "map does not blame the mappings"
# --chips 0 was given, not missing: said so, with what 0 means
expect_exit 2 "map --chips 0" -- $RL map --chip h100-sxm $W --chips 0
expect_err "^rooflab map: --chips: map needs a whole number of chips >= 1 \(0 means tp x pp x ep" \
	"--chips 0 named, not 'missing'"
# 405B at FP16 does not fit on fewer than 16 H100s: every mapping of 4 is marked
expect_exit 0 "map marks what does not fit" -- $RL map --chip h100-sxm --model llama3-405b --precision fp16 --chips 4
expect_out "does not fit in memory" "not-fitting mappings marked"

# Mixtral 8x7B with expert parallelism
expect_exit 0 "mixtral --ep 2" -- $RL eval --chip h100-sxm --model mixtral-8x7b --precision fp16 --ep 2 --json
expect_out '"ep": 2' "ep in the mapping"
expect_exit 0 "map mixtral lists ep" -- $RL map --chip h100-sxm --model mixtral-8x7b --precision fp16 --chips 8
check "map mixtral has ep 8" '$5==8 {print "yes"}'

# bad mappings: exit 2, the constraint and what is legal
expect_exit 2 "tp not dividing heads" -- $RL eval --chip h100-sxm $W --tp 3 --chips 3
expect_err "tp = 3 does not divide the model's 64 attention heads; legal tp on 3 chips: 1" "tp legal list"
expect_exit 2 "product not chips" -- $RL eval --chip h100-sxm $W --tp 8 --chips 12
expect_err "chips = 12 is not a multiple of tp x pp = 8 x 1" "product message"
# the divisors of 12 as tp x pp; tp dividing 12 and the 64 heads: 1, 2, 4
expect_err "legal products 1, 2, 3, 4, 6, 12; legal tp on 12 chips: 1, 2, 4" "product legal lists"
# (ux24) one chip is "1 chip", where the lists read "legal tp on 1 chips"
# (validate's reason for a row of gpus 1 at tp 3 too); tp 3 on 1 chip is
# the chips' fault first, the heads' after (val31: ux30 read the heads)
expect_exit 2 "tp 3 on 1 chip" -- $RL eval --chip h100-sxm $W --tp 3 --chips 1
expect_err "^rooflab eval: chips = 1 is not a multiple of tp x pp = 3 x 1; tp x pp must divide the chips \(dp = chips / \(tp x pp\)\): legal products 1; legal tp on 1 chip: 1$" "tp legal list on 1 chip"
expect_exit 2 "tp 2 on 1 chip" -- $RL eval --chip h100-sxm $W --tp 2 --chips 1
expect_err "^rooflab eval: chips = 1 is not a multiple of tp x pp = 2 x 1; tp x pp must divide the chips \(dp = chips / \(tp x pp\)\): legal products 1; legal tp on 1 chip: 1$" "product legal lists on 1 chip"
expect_exit 2 "tp x pp = 6 on 8 chips" -- $RL eval --chip h100-sxm $W --tp 2 --pp 3 --chips 8
expect_err "legal products 1, 2, 4, 8; with tp = 2, legal pp: 1, 2, 4" "pp legal for the tp"
expect_exit 2 "pp over layers" -- $RL eval --chip h100-sxm $W --pp 81
expect_err "pp = 81 is more stages than the model's 80 layers" "pp message"
# chips default to tp x pp = 81: pp dividing 81 and at most 80
expect_err "legal pp \\(dividing chips / tp = 81, at most the layers\\): 1, 3, 9, 27" "pp legal list"
expect_exit 2 "ep on dense" -- $RL eval --chip h100-sxm $W --ep 2
expect_err "dense model .*legal ep: 1" "ep dense message"
expect_exit 2 "ep over experts" -- $RL eval --chip h100-sxm --model mixtral-8x7b --ep 16
expect_err "ep = 16 is larger than the model's 8 experts; legal ep .*1, 2, 4, 8" "ep experts message"
expect_exit 2 "mapping that does not fit" -- $RL eval --chip h100-sxm $W16 --tp 1 --chips 8
expect_err "does not fit: .*more tp, pp or ep would split them" "fit message says what helps"
# FP16 weights 141.1 GB: the mappings of 8 H100s (85.9 GB) that split them
# at least in two fit, tp 1 x pp 1 x dp 8 does not
expect_err "mappings of 8 chips that fit: .*TP2 x PP1 x DP4" "fit message lists fitting mappings"
expect_exit 2 "one chip that cannot fit" -- $RL eval --chip h100-sxm $W16 --tp 1 --chips 1
expect_err "no mapping of 1 chip fits" "no fitting mapping"
if grep -q "TDP" "$tmpd/err"; then
	echo "not ok - the hint speaks of a TDP the mappings are within"; fails=$((fails + 1))
else
	echo "ok - the hint says nothing of a TDP the mappings are within"
fi
# the hint offers no mapping over its TDP at every clock (status 4, not
# runnable: the H100's idle 70 W and HBM PHYs' 17.42 W pass an 80 W TDP
# at any clock, whatever the mapping) without saying so, for the same
# chips or the fewest, in eval and curve alike
expect_exit 2 "a mapping that does not fit, the chip over an 80 W TDP" -- $RL eval --chip h100-sxm $W16 --tp 1 --chips 2 --set chip.tdp_w=80
expect_err "; mappings of 2 chips that fit: TP2 x PP1, TP1 x PP2, each over the chip's 80 W TDP at every clock, so none runs \(--set chip\.tdp_w lifts the limit\)$" \
	"the hint says the mappings that fit are over the TDP"
expect_exit 2 "one chip that cannot fit, over an 80 W TDP" -- $RL eval --chip h100-sxm $W16 --tp 1 --chips 1 --set chip.tdp_w=80
expect_err "; the fewest chips that fit: 2 \(TP2 x PP1, TP1 x PP2\), each over the chip's 80 W TDP at every clock, so none runs" \
	"the fewest chips' mappings said to be over the TDP"
expect_exit 2 "curve: a mapping that does not fit, over an 80 W TDP" -- $RL curve --chip h100-sxm $W16 --tp 1 --chips 2 --set chip.tdp_w=80
expect_err "mappings of 2 chips that fit: TP2 x PP1, TP1 x PP2, each over the chip's 80 W TDP at every clock" \
	"curve's hint says so too"
# 1e7 chips (the range's top, 2^7 x 5^7) in seconds, where trial division
# by every number up to the chips ran for hours: GPT-J's 16 heads allow tp
# 1, 2, 4, 8, 16; pp divides 1e7 / tp and is at most its 28 layers: 1, 2,
# 4, 5, 8, 10, 16, 20, 25 (16 not with tp 16, which leaves 2^3): 4 x 9 + 8
tmo=
command -v timeout >/dev/null 2>&1 && tmo="timeout 60"
expect_exit 0 "map over 1e7 chips" -- $tmo $RL map --chip l40s \
	--model gpt-j-6b --chips 10000000
expect_out "on 10000000 x l40s, .*: 44 legal mappings" "its 44 legal mappings"
# (small52) the table's degrees whole, in all their digits: TP1 x PP1
# leaves DP 10000000, TP1 x PP2 DP 5000000 (by hand: 1e7 / (tp x pp)),
# where %4g wrote 1e+07 and 5e+06
expect_out "^ +[0-9]+ +1 +1 10000000 +1  yes " "its DP of 10000000 in all its digits"
expect_out "^ +[0-9]+ +1 +2 5000000 +1  yes " "its DP of 5000000 in all its digits"
expect_no_out "e\+0[67] " "no degree in exponent form"
expect_exit 2 "eval of a model that fits no chip of 1e7 at tp 1" -- $tmo \
	$RL eval --chip l40s $W16 --tp 1 --chips 10000000
# (the chips in all their digits, where %g wrote "1e+07 chips")
expect_err "mappings of 10000000 chips that fit: TP[0-9]+ x PP" "the mappings that fit named"
expect_exit 2 "switch reduction without the switch" -- $RL eval --chip h100-sxm $W --tp 8 --set profile.allreduce=switch
expect_err "in_network_reduction" "switch message"
expect_exit 0 "ring reduction, the default" -- $RL eval --chip h100-sxm $W --tp 8 --set profile.allreduce=ring --json
cp "$tmpd/out" "$tmpd/ring.json"
expect_exit 0 "switch reduction with it" -- $RL eval --chip h100-sxm $W --tp 8 --set profile.allreduce=switch --set chip.in_network_reduction=true --json
# each chip sends S bytes an all-reduce through a reducing switch, 2(n-1)/n
# S = 1.75 S in a ring of 8 (model/comm.c): the link bytes per output token
# are the ring's x 1 / 1.75 = 4/7 (no other traffic on the links at tp 8),
# and the shorter all-reduces give more tokens/s
if python3 -c "
import json
r = json.load(open('$tmpd/ring.json'))
w = json.load(open('$tmpd/out'))
per = lambda d: d['rates']['link_bytes_per_s_per_chip'] / d['throughput']['output_tokens_per_s']
assert abs(per(w) / per(r) - 4 / 7) < 1e-8, per(w) / per(r)
assert w['throughput']['output_tokens_per_s'] > r['throughput']['output_tokens_per_s']
" 2>"$tmpd/err"; then
	echo "ok - switch all-reduce: 4/7 of the ring's link bytes a token, more tokens/s"
else
	echo "not ok - switch all-reduce against the ring"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# the claim per mapping: mappings of both sides, the headline on Sohu's
# best, the measured TP8 baseline kept; speedups against it by hand:
# b's TP8 entry is the as-given speedup, and the best b entry the headline
expect_exit 0 "claim --json mappings" -- $RL claim --samples 0 --json
expect_out '"mappings": \[' "claim json has mappings"
expect_out '"side": "a"' "mappings of side a"
expect_out '"side": "b"' "mappings of side b"
expect_out '"against_best_a"' "second baseline: a's best mapping"
expect_out '"against_trtllm_0_12"' "the 0.12 baseline"
check "b's best mapping is the headline" \
	'/"total_tokens":/ && !t {t=$2+0} /"side": "b"/ {b=1} b && /"speedup":/ {if (!s) s=$2+0; b=0} END {if (t > 0 && (s - t)^2 < 1e-6 * t * t) print "yes"}'
check "headline above the TP8 mapping" \
	'/"total_tokens":/ && !t {t=$2+0} /"b_as_given_total_tokens":/ {g=$2+0} END {if (t > g && g > 0) print "yes"}'
expect_exit 0 "claim text per mapping" -- $RL claim --samples 0
expect_out "per mapping" "text lists mappings"
expect_out "serving software" "software factor named"
expect_out "mapping +x" "mapping factor named"
# power that binds: Sohu by design (TDP 700 W in its preset) gains as the
# TDP rises and its 700 W figure is the by-design headline
expect_exit 0 "claim at three TDPs" -- $RL claim --samples 0 --json
check "speedup rises with the TDP" \
	'/"tdp_700_w":/ {a=$2+0} /"tdp_1000_w":/ {b=$2+0} /"unlimited":/ {c=$2+0} END {if (a > 0 && a < b && b <= c) print "yes"}'
check "700 W is the by-design headline" \
	'/"by_design": \{/ {f=1} f && /"total_tokens":/ {h=$2+0; f=0} /"tdp_700_w":/ {a=$2+0} END {if (h > 0 && (a - h)^2 < 1e-8 * h * h) print "yes"}'
# without --profile map takes the profile eval takes (9e778c8's rule,
# config/profiles.c profile_choose): h100-sxm's preset names TensorRT-LLM,
# and of the TensorRT-LLM profiles only trtllm-0.10 has a [meta]
# calibrated date (docs/validation.md, calibration), so it is the chip's default; map
# served under ideal and said so, where eval of the same mapping gave the
# calibrated answer.  So the table without --profile is the table with
# --profile trtllm-0.10, row for row, and says why it took that profile.
expect_exit 0 "map without --profile" -- $RL map --chip h100-sxm $W --chips 8
# the profile named once, on the line that says why (small62: the first
# line named it too, "..., profile trtllm-0.10: 10 legal mappings")
expect_out "^llama3-70b on 8 x h100-sxm, fp8, 2048 in / 128 out: 10 legal mappings$" "map's first line: the setup, the profile left to the next"
[ "$(grep -c 'trtllm-0\.10' "$tmpd/out")" = 1 ] && echo "ok - map names the profile once" ||
	{ echo "not ok - map names the profile $(grep -c 'trtllm-0\.10' "$tmpd/out") times"; fails=$((fails + 1)); }
expect_out "^profile trtllm-0.10 \(the default for this chip: the only calibrated profile for TensorRT-LLM" \
	"map says why: the chip's default"
grep '^ *[0-9]' "$tmpd/out" | grep -v "^profile" >"$tmpd/map_default.txt"
expect_exit 0 "map with --profile" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10
expect_out "^profile trtllm-0.10 \(named by --profile\)" "map says --profile named it"
grep '^ *[0-9]' "$tmpd/out" | grep -v "^profile" >"$tmpd/map_given.txt"
if [ -s "$tmpd/map_default.txt" ] && cmp -s "$tmpd/map_default.txt" "$tmpd/map_given.txt"; then
	echo "ok - map without --profile ranks as with --profile trtllm-0.10"
else
	echo "not ok - map without --profile differs from --profile trtllm-0.10"; fails=$((fails + 1))
fi
# ... and each row is eval's of that mapping without --profile: TP8's
# output tokens/s (the map row's fifth figure, %.1f) is eval's
expect_exit 0 "eval tp 8 without --profile" -- $RL eval --chip h100-sxm $W --tp 8 --json
et=$(python3 -c "import json; print('%.1f' % json.load(open('$tmpd/out'))['throughput']['output_tokens_per_s'])")
mt=$(awk '$2==8 && $3==1 && $4==1 {print $7}' "$tmpd/map_default.txt")
if [ -n "$et" ] && [ "$et" = "$mt" ]; then
	echo "ok - map's TP8 row without --profile is eval's ($et)"
else
	echo "not ok - map's TP8 row $mt, eval's $et"; fails=$((fails + 1))
fi
# a chip with no calibrated profile (Sohu's preset names no software)
# keeps ideal, the roofline, and says so, as claim's sides do: the same
# table as --profile ideal
expect_exit 0 "map sohu without --profile" -- $RL map --chip sohu $W --chips 8
expect_out "^llama3-70b on 8 x sohu, fp8, 2048 in / 128 out: 10 legal mappings$" "sohu: the first line"
expect_out "^profile ideal \(ideal: no calibrated profile for 'sohu' \(its preset names no software\); rooflab presets profile lists the profiles\)$" \
	"sohu: map says why ideal"
grep '^ *[0-9]' "$tmpd/out" >"$tmpd/map_sohu.txt"
expect_exit 0 "map sohu --profile ideal" -- $RL map --chip sohu $W --chips 8 --profile ideal
grep '^ *[0-9]' "$tmpd/out" >"$tmpd/map_sohu_ideal.txt"
if [ -s "$tmpd/map_sohu.txt" ] && cmp -s "$tmpd/map_sohu.txt" "$tmpd/map_sohu_ideal.txt"; then
	echo "ok - sohu without --profile ranks as with --profile ideal"
else
	echo "not ok - sohu without --profile differs from --profile ideal"; fails=$((fails + 1))
fi
# a scenario naming a profile keeps it (trtllm-2048-128 names trtllm-0.10)
expect_exit 0 "map --scenario" -- $RL map --scenario trtllm-2048-128 --chip h100-sxm --model llama3-70b --chips 8
expect_out "^profile trtllm-0.10 \(named by scenario trtllm-2048-128\)" "map: the scenario's profile"
# ... and so does its JSON, whose "setup" names what every mapping was
# evaluated on and why that profile (eval's profile_chosen)
expect_exit 0 "map --json without --profile" -- $RL map --chip h100-sxm $W --chips 8 --json
expect_out '"setup": \{' "map json has setup"
expect_out '"profile": "trtllm-0.10"' "map json names h100-sxm's default"
expect_out '"profile_chosen": "the default for this chip: ' "map json says it is the chip's default"
for k in '"chip": "h100-sxm"' '"model": "llama3-70b"' '"precision": "fp8"' \
	'"isl": 2048' '"osl": 128' '"chips": 8'; do
	expect_out "$k" "map json setup has $k"
done
expect_exit 0 "map --json sohu without --profile" -- $RL map --chip sohu $W --chips 8 --json
expect_out '"profile": "ideal"' "map json: sohu on ideal"
expect_out "\"profile_chosen\": \"ideal: no calibrated profile for 'sohu' \(its preset names no software\); rooflab presets profile lists the profiles\"" "map json says why ideal"
# the note is short and whole, the list of profiles left to rooflab
# presets: a chip file whose path (600 characters and more) leaves no room for
# it says "this chip" (the old note, eval's refusal cut at 600, ended
# mid-list)
lp=$(deepdir 600)
cp "$ROOFLAB_DATA/chips/sohu.ini" "$lp/sohu.ini"
expect_exit 0 "map --json, a chip file of a long path" -- $RL map --chip "$lp/sohu.ini" $W --chips 8 --json
expect_out "\"profile_chosen\": \"ideal: no calibrated profile for this chip \(its preset names no software\); rooflab presets profile lists the profiles\"" \
	"a long chip path: the note whole, naming no path"
expect_exit 0 "map --json with --profile" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --json
expect_out '"profile": "trtllm-0.10"' "map json names the profile given"
expect_out '"profile_chosen": "named by --profile"' "map json says --profile named it"

# each mapping's power and USD per million output tokens (they were eval's
# alone, one mapping at a time): TP8's at the H100's price by docs/tour.md's
# formula from eval's throughput and watts, 8 chips x 33,625 USD over 4
# years of 365.25 days plus 8 x W x 1.82 (server) x 1.2 (PUE) at 0.1
# USD/kWh, over the output tokens/s
expect_exit 0 "eval tp 8 for its cost" -- $RL eval --chip h100-sxm $W --tp 8 --profile trtllm-0.10 --json
tw=$(sed -n 's/.*"watts": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
tt=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
# written by eval's rule (model/figtext.c), as eval and claim write it:
# three significant digits with their zeros, so a figure from 1 to under 10
# has two decimals (1.70 where "%.3f" wrote 1.699), one under 1 three
usd=$(awk -v w="$tw" -v t="$tt" 'BEGIN { printf "%.9g", (8 * 33625 / (4 * 365.25 * 86400) + 8 * w * 1.82 * 1.2 * 0.1 / 3.6e6) / (t / 1e6) }')
want=$(awk -v u="$usd" 'BEGIN { if (u >= 1 && u < 10) printf "%.2f", u; else if (u >= 0.1 && u < 1) printf "%.3f", u; else printf "out of the hand rule: %s", u }')
expect_exit 0 "map with power and cost" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10
expect_out "W/chip +tok/J +\\\$/M cost +\\\$/M price +bound" "map's table has power, tokens per joule and cost columns"
check "TP8's USD per million tokens at price by hand ($want)" \
	"\$2==8 && \$3==1 && \$4==1 && \$15==\"$want\" {print \"yes\"}"
# and as eval's own row for the same mapping writes it
expect_exit 0 "eval tp 8's text row" -- $RL eval --chip h100-sxm $W --tp 8 --profile trtllm-0.10
expect_out "^  usd_per_million_tokens_at_price +$want USD/Mtoken" "eval writes TP8's USD per million tokens as map does ($want)"
expect_exit 0 "map with power and cost" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10
# tok/J, output tokens per joule: out/chip over W/chip, by hand from eval's
# figures at tp 8 (its 8 chips' output tokens/s over 8, over its watts)
# (three decimals in every row: "%.3g" wrote 0.46 under 0.715)
wantj=$(awk -v w="$tw" -v t="$tt" 'BEGIN { printf "%.3f", t / 8 / w }')
check "TP8's tokens per joule by hand ($wantj)" \
	"\$2==8 && \$3==1 && \$4==1 && \$13==\"$wantj\" {print \"yes\"}"
expect_exit 0 "map --json with power and cost" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --json
expect_out '"usd_per_million_tokens_at_price": [0-9]' "map json: USD per million tokens per mapping"
expect_out '"usd_per_million_tokens_at_cost": [0-9]' "map json: at manufacturing cost too"
expect_out '"watts": [0-9]' "map json: power per mapping"
expect_out '"output_tokens_per_joule": [0-9]' "map json: tokens per joule per mapping"
# a chip with no node and no price: n/a and null, not a number
expect_exit 0 "map b200: no power model" -- $RL map --chip b200 $W --chips 8 --profile trtllm-1.0
check "b200: n/a power and cost" '$6=="yes" && $12=="n/a" && $13=="n/a" && $14=="n/a" && $15=="n/a" {print "yes"}'
expect_exit 0 "map b200 --json" -- $RL map --chip b200 $W --chips 8 --profile trtllm-1.0 --json
expect_out '"usd_per_million_tokens_at_price": null' "b200: null USD per token"
expect_out '"output_tokens_per_joule": null' "b200: null tokens per joule"

# with targets, each mapping's highest throughput meeting them (the table
# marked every mapping of 405B on 8 B200 outside the limits, service time
# at full load, and named one best; which others met, and at what, took an
# eval each).  By hand: a single stream's decode step reads every weight
# once, a pipeline's stages one after another, so at tp 1 a token takes at
# least 410.1 GB of FP8 weights / 7.7 TB/s = 53.3 ms, over a 50 ms TPOT
# target whatever the efficiency; at tp 2 half that.  So the two tp 1
# mappings that fit (pp 8; pp 4 x dp 2) miss the TPOT target and the tp 2-8
# ones meet it; each one's figure is eval's of that mapping, and the best
# named is the largest of them.
T="--model llama3.1-405b --precision fp8 --isl 2048 --osl 128 --profile trtllm-1.0 --ttft-p99-max 1 --tpot-max 0.05"
expect_exit 0 "map 405B on 8 B200 under targets" -- $RL map --chip b200 $T --chips 8
expect_out "^each mapping under the targets" "map lists each mapping under the targets"
expect_out "^   1    8    1    1   misses tpot mean: [0-9.]+ ms without load" "tp 1 x pp 8 misses the TPOT"
expect_out "^   1    4    2    1   misses tpot mean" "tp 1 x pp 4 x dp 2 misses the TPOT"
check "tp 2-8 mappings meet the targets" \
	'/^each mapping under/ {f=1; next} f && /^$/ {f=0} f && $1>=2 && $5+0 > 0 {n++} END {if (n == 5) print "yes"}'
# the list is the ranking under load, the highest first and those that
# miss last, where it kept the table's order (ranked at full load, TP1 x
# PP8 first, which misses), so the best named was somewhere in the middle
check "each mapping under the targets: the highest first, misses last" \
	'/^each mapping under/ {f=1; getline; next} f && /^$/ {f=0} f && /misses/ {m=1; next} f { if (m || (n && $5 > last)) bad=1; last=$5; n++; if (n==1) first=$1"x"$2"x"$3 } END {if (!bad && n == 5) print "yes"}'
top=$(awk '/^each mapping under/ {getline; getline; print "TP" $1 " x PP" $2; exit}' "$tmpd/out")
expect_out "the best mapping is $top( x DP[0-9]+)?\$" "the first under the targets is the best named ($top)"
# b200.ini gives neither a manufacturing cost nor a price (held back), so
# the cost line says there is none, where it read "USD n/a per million
# output tokens with the chips at cost, n/a at their price"
expect_out "^  there: no cost per token \(the chip preset gives neither a manufacturing cost nor a price\)\$" "no cost per token for a chip with no cost or price"
expect_no_out "USD n/a" "no 'USD n/a' line"
expect_exit 0 "map --json under targets" -- $RL map --chip b200 $T --chips 8 --json
mt=$(python3 -c "import json,sys; d=json.load(open('$tmpd/out')); print(max(m['under_targets']['output_tokens_per_s'] or 0 for m in d['mappings'] if m['under_targets']), [m['under_targets']['output_tokens_per_s'] for m in d['mappings'] if m['tp']==8][0], d['under_targets']['best_under_targets']['load']['output_tokens_per_s'])")
# each mapping's JSON says what the table's "misses tpot mean: ... without
# load" says, where it gave met false and nulls alone: the two tp 1
# mappings that fit miss the 50 ms TPOT mean, each at no less than the
# 53.3 ms of reading its weights once (by hand, above); the others that
# fit miss nothing
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
for m in d['mappings']:
    u = m['under_targets']
    if m['tp'] == 1 and m['fits']:
        x = u['misses']
        assert not u['met'] and x['metric'] == 'tpot' and x['percentile'] == 'mean', m
        assert x['max_s'] == 0.05 and x['unloaded_s'] >= 0.0533, x
    elif m['tp'] >= 2 and m['fits']:
        assert u['met'] and u['misses'] is None, m
" 2>"$tmpd/err"; then
	echo "ok - map json: each mapping's missed target and its latency without load"
else
	echo "not ok - map json: each mapping's missed target"; sed 's/^/    err: /' "$tmpd/err" | tail -3; fails=$((fails + 1))
fi
set -- $mt
expect_exit 0 "eval tp 8 under the same targets" -- $RL eval --chip b200 $T --tp 8 --json
et=$(python3 -c "import json; print(json.load(open('$tmpd/out'))['best_under_targets']['load']['output_tokens_per_s'])")
if [ "$2" = "$et" ] && [ "$1" = "$3" ]; then
	echo "ok - tp 8's figure is eval's ($et) and the best is the largest ($1)"
else
	echo "not ok - map's tp 8 $2 vs eval $et; largest $1 vs best $3"; fails=$((fails + 1))
fi

# targets where no mapping runs: nothing is searched, and map says so,
# where it read "no concurrency meets ttft p99 <= 1000.0 ms; without any
# load it is already 0 ms" of a search never made (Llama-3 405B's 810 GB
# of BF16 weights in 2 x 80 GB: none fits; an H100 at 80 W: each mapping
# of Llama-3 8B fits, and is over its TDP at every clock)
expect_exit 0 "map under targets, no mapping fits" -- $RL map --chip h100-sxm --model llama3-405b --chips 2 --ttft-p99-max 1
expect_out "none searched: no mapping runs" "no search where no mapping runs"
if grep -q "without any load it is already" "$tmpd/out"; then
	echo "not ok - a latency without load of no search"; fails=$((fails + 1))
else echo "ok - no latency without load of no search"; fi
expect_exit 0 "map under targets, each over its TDP" -- $RL map --chip h100-sxm --model llama3-8b --chips 2 --set chip.tdp_w=80 --ttft-p99-max 1 --json
expect_out '"under_targets": \{$' "under_targets is there"
if python3 -c "import json; d = json.load(open('$tmpd/out')); assert d['under_targets']['best_under_targets'] is None and d['best'] is None" 2>/dev/null; then
	echo "ok - best_under_targets null where no mapping runs"
else echo "not ok - best_under_targets null where no mapping runs"; fails=$((fails + 1)); fi

# targets no mapping meets: map names the mapping nearest to them and says
# why that one misses.  By hand: at TP8 each token's decode reads an eighth
# of the 70.6 GB of FP8 weights per chip, in parallel, the least of any
# mapping of 8 chips (a pipeline reads all of them, stage after stage), so
# TP8 has the least end-to-end latency without load (2048 in, 128 out) and
# its TTFT without load is under 200 ms (TP8's service TTFT at full load is
# 179 ms, the table above); 0.5 s end to end leaves under 3.9 ms for each
# of the 127 decode steps, and trtllm-0.10 charges every iteration 7.5 ms
# (iter_overhead_ms), so no mapping meets it.  So TP8 is
# nearest and misses the end-to-end target alone; the message was the last
# fitting mapping's (TP4 x PP2: "ttft mean <= 200.0 ms; ... already 220.0
# ms"), naming no mapping, as if the TTFT target were what no mapping met.
expect_exit 0 "map: targets no mapping meets" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --ttft-max 0.2 --e2e-max 0.5
expect_out "no mapping meets them; the nearest is TP8 x PP1 \(" "map names the nearest mapping"
expect_out "no concurrency meets e2e mean <= 500 ms" "the nearest misses the end-to-end target"
expect_no_out "meets ttft mean <= 200.0 ms; without" "not the TTFT, which TP8 meets"
# eval of that mapping says the same
expect_exit 0 "eval tp 8: the same targets" -- $RL eval --chip h100-sxm $W --tp 8 --profile trtllm-0.10 --ttft-max 0.2 --e2e-max 0.5
expect_out "no concurrency meets e2e mean <= 500 ms" "eval of TP8 misses end to end alone"
expect_exit 0 "map --json: targets no mapping meets" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --ttft-max 0.2 --e2e-max 0.5 --json
expect_out '"nearest": \{' "map json names the nearest mapping"
expect_out '"met": false' "map json: not met"
# the TDP's hand on the clock, per mapping, as eval gives it: Sohu by
# design (700 W) at its best mapping of 8 chips runs its prefill-carrying
# iterations at a lowered clock (docs/power.md, Power and the TDP: 0.70 at tp 1 x
# dp 8), and map's row says so and gives eval's power.clock_scale at that
# mapping; the H100 stays under its TDP on this workload (docs/power.md: 362 W at
# TP8), so its rows carry no mark and its clock_scale is 1
expect_exit 0 "map --json of Sohu by design" -- $RL map --chip sohu-design $W --chips 8 --profile etched-claim --json
mb=$(python3 -c 'import json,sys; b=json.load(open(sys.argv[1]))["best"]; print(b["tp"], b["pp"], repr(b["power"]["clock_scale"]))' "$tmpd/out")
set -- $mb
expect_exit 0 "eval at map's best mapping" -- $RL eval --chip sohu-design $W --chips 8 --tp "$1" --pp "$2" --profile etched-claim --json
ec=$(python3 -c 'import json,sys; print(repr(json.load(open(sys.argv[1]))["power"]["clock_scale"]))' "$tmpd/out")
if [ "$3" = "$ec" ] && python3 -c "import sys; sys.exit(0 if $ec < 1 else 1)"; then
	echo "ok - map's best clock_scale is eval's at tp $1 x pp $2 ($ec < 1)"
else
	echo "not ok - map's best clock_scale $3, eval's $ec at tp $1 x pp $2"; fails=$((fails + 1))
fi
expect_exit 0 "map of Sohu by design" -- $RL map --chip sohu-design $W --chips 8 --profile etched-claim
expect_out "^   1 .* compute, TDP clock 0\.[0-9][0-9]$" "map's text marks the best row's lowered clock"
expect_out "TDP clock s: the TDP lowered the clock to s of" "map's note says what the mark means"
expect_exit 0 "map --json of the H100" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --json
expect_out '"clock_scale": 1,?$' "map json: the H100 runs at its full clock"
expect_no_out '"clock_scale": 0' "map json: no H100 mapping at a lowered clock"
expect_exit 0 "map of the H100" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10
expect_no_out "TDP clock 0" "no H100 row carries the TDP mark"
# (small59) and its note does not explain a mark no row carries (it did);
# the W/chip, tok/J and $/M words stay
expect_no_out "TDP clock" "no TDP mark: the note says nothing of it"
expect_out "^ model or no price, as eval says\)$" "the note ends after the power words"
# (ux28) the bound column in words: which phase (decode's, as the
# mapsearch rows carry it) and the four words
expect_out "^\(bound: what sets the time of the iterations decode tokens see, prefill's where$" "map's note says which phase the bound column is"
expect_out "^ \(chip to chip\) or overhead \(host time\);$" "map's note says what each bound word means"
# and the rows are there, each under the H100's 700 W TDP (W/chip, the
# 13th column): the 10 mappings of 8 chips (C(5,2), above)
if awk '$1 ~ /^[0-9]+$/ && NF >= 16 { n++; if ($13 + 0 <= 0 || $13 + 0 > 700) bad++ }
	END { exit !(n == 10 && bad == 0) }' "$tmpd/out"; then
	echo "ok - the H100's 10 rows, each at most 700 W a chip"
else
	echo "not ok - the H100's map: not 10 rows each within 700 W"; sed 's/^/    out: /' "$tmpd/out" | head -8; fails=$((fails + 1))
fi
# over its TDP even at the lowest clock (the H100's idle 70 W and HBM PHYs
# 0.65 pJ/bit x 8 x 3.35 TB/s = 17.42 W at any clock: 87.42 W and up, over
# 80 W; cli_eval.sh): no mapping runs, so none is best; each is listed,
# fitting in memory, with the words in the place of "does not fit in
# memory" (rl_map_not_run_words) and no throughput
expect_exit 0 "map over the TDP at every clock" -- $RL map --chip h100-sxm --model llama3-8b --precision fp8 --chips 8 --set chip.tdp_w=80
expect_out "^   1    1    1    8    1  yes +- +- .* over its 80 W TDP at every clock \(8[78] W at the lowest clock\)$" \
	"map: the first mapping over its TDP, marked, no throughput"
expect_no_out "^ +[0-9]+ .* [0-9]+\.[0-9] " "map: no mapping over its TDP shows a throughput"
expect_out "^\(no mapping of 8 chips runs: those that fit in memory are over the chip's 80 W TDP at every clock\)$" \
	"map: says no mapping runs"
# and of one chip, in the singular (it read "no mapping of 1 chips runs")
expect_exit 0 "map one chip over the TDP at every clock" -- $RL map --chip h100-sxm --model llama3-8b --precision fp8 --chips 1 --set chip.tdp_w=80
expect_out "^\(no mapping of 1 chip runs: those that fit in memory are over the chip's 80 W TDP at every clock\)$" \
	"map: one chip, no mapping runs, singular"
# a TDP of 80.5 W, under the 87.42 W at any clock: said as given, not
# rounded to 80 (mutation tests)
expect_exit 0 "map over a TDP of 80.5 W" -- $RL map --chip h100-sxm --model llama3-8b --precision fp8 --chips 8 --set chip.tdp_w=80.5
expect_out "^\(no mapping of 8 chips runs: those that fit in memory are over the chip's 80\.5 W TDP at every clock\)$" \
	"map: the TDP of 80.5 W said as it is"
expect_exit 0 "map json over the TDP at every clock" -- $RL map --chip h100-sxm --model llama3-8b --precision fp8 --chips 8 --set chip.tdp_w=80 --json
expect_out '"best": null' "map json: no best mapping over its TDP"
expect_out '"over_tdp": true' "map json: over_tdp"
expect_out '"not_run": "over its 80 W TDP at every clock' "map json: the words"
expect_out '"lowest_clock_watts": 8[78]\.' "map json: its power at the lowest clock"
expect_no_out '"over_tdp": false' "map json: every mapping over its TDP"
# the best mapping's cost per token under the targets: its full-load
# figure (the mapping's row, at the same power per chip) times its
# full-load tokens/s over the tokens/s of the load meeting the targets
expect_exit 0 "map: the cost under targets" -- $RL map --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --chips 8 --profile trtllm-0.10 --ttft-max 0.5 --tpot-max 0.03 --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
u = d['under_targets']
b = u['best_under_targets']
row = [m for m in d['mappings'] if (m['tp'], m['pp'], m['ep']) == (u['tp'], u['pp'], u['ep'])][0]
r = row['throughput']['output_tokens_per_s'] / b['load']['output_tokens_per_s']
for k in ('usd_per_million_tokens_at_cost', 'usd_per_million_tokens_at_price'):
    assert abs(b['cost'][k] / (row['cost'][k] * r) - 1) < 1e-9, (k, b['cost'][k], row['cost'][k] * r)
assert r > 1
" 2>"$tmpd/err"; then
	echo "ok - map: USD/Mtoken of the best under the targets"
else
	echo "not ok - map: USD/Mtoken under the targets"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# the best rate under a TTFT target is below the saturation rate: the
# admission queue's rho = N / N_max reaches 1 at capacity whatever caps the
# batch (here the token budget), so the mean wait grows as 1 / (1 - rho)
# and the TTFT target binds; on main before load3 the budget-bound best was
# at 1 - 1e-9 of the capacity with a mean TTFT of 1.05 s (its budget queue's
# rho stayed under 0.98 there)
expect_exit 0 "map: best rate under a TTFT target" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --ttft-max 5 --tpot-max 0.5 --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
b = d['under_targets']['best_under_targets']
l = b['load']
assert b['met'] and b['limited_by'] == 'targets', b.get('limited_by')
assert l['regime'] == 'steady'
assert l['offered_requests_per_s'] < l['capacity_requests_per_s'], l
assert l['utilization'] < 0.9999, l['utilization']
for t in b['targets']:
    assert t['met'] and t['value_s'] <= t['max_s'], t
ttft = [t for t in b['targets'] if t['metric'] == 'ttft'][0]
assert ttft['value_s'] > 0.99 * 5, ttft  # the target binds
for m in d['mappings']:
    u = m['under_targets']
    if u and u['met']:
        assert u['output_tokens_per_s'] < m['throughput']['output_tokens_per_s'], m
        assert u['limited_by'] == 'targets', u
" 2>"$tmpd/err"; then
	echo "ok - map: best rate under the TTFT target, below the saturation rate"
else
	echo "not ok - map: best rate below the saturation rate"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# a TPOT target alone holds up to the capacity (the wait enters TTFT and
# E2E only): the saturation rate, said to be one
expect_exit 0 "map: a TPOT target alone" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --tpot-max 0.5
expect_out "^  the saturation rate: every target holds up to the capacity \(none bounds the$" "map: the saturation rate labelled"
expect_exit 0 "map --json: a TPOT target alone" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --tpot-max 0.5 --json
expect_out '"limited_by": "capacity"' "map json: limited_by capacity"
# each mapping the same, in the table and the JSON (a TPOT of at most
# 0.5 s holds at full load on every mapping of this table: its tpot column
# is 82.9-303.7 ms); under the TTFT target above none is
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
u = [m['under_targets'] for m in d['mappings'] if m['under_targets']]
assert len(u) == 10 and all(x['met'] and x['limited_by'] == 'capacity' for x in u), u
" 2>"$tmpd/err"; then
	echo "ok - map json: each mapping's limited_by capacity"
else
	echo "not ok - map json: each mapping's limited_by"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "map: a TPOT target alone, each mapping" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --tpot-max 0.5
check "map: each mapping at its saturation rate" \
	'/^each mapping under the targets/ {on=1; next} on && NF >= 7 && $1 ~ /^[0-9]/ {n++; if ($0 ~ /\(saturation rate\)$/) s++} END {if (n == 10 && s == n) print "yes"}'
# (small53) the req/s column by eval's rule (model/figtext.c: one decimal
# from 100), where %10.3g wrote 3.51e+03: llama3-8b at 128 in / 16 out on
# 8 H100s runs every mapping at its saturation rate, over 100 requests/s,
# each its output tokens/s over the 16 output tokens (56106.3 / 16 =
# 3506.6 by hand), so each cell is digits, a point and one decimal, within
# 0.1 of tok/s / 16
expect_exit 0 "map: 8B at 128/16, a TPOT target" -- $RL map --chip h100-sxm --model llama3-8b --precision fp8 --isl 128 --osl 16 --chips 8 --profile trtllm-0.10 --tpot-max 0.5
check "map: req/s past 100 in plain digits, one decimal" \
	'/^each mapping under the targets/ {on=1; next} on && /^$/ {on=0} on && $1 ~ /^[0-9]/ {n++; d = $7 - $5 / 16; if ($7 ~ /^[0-9][0-9][0-9]+\.[0-9]$/ && d <= 0.1 && d >= -0.1) k++} END {if (n == 10 && k == n) print "yes"}'
# --rank-by: each key orders the mappings by its figure (tokens per joule
# highest first; $/M and latency lowest first), ties by output tokens/s;
# the JSON names the key, its field and order.  Expected from the
# definitions: tokens/J = output tokens/s / 8 chips / W per chip, and the
# order of the column each key reads (checked in the JSON, unrounded)
for k in output-tps:throughput.output_tokens_per_s:-1 \
	tokens-per-joule:power.output_tokens_per_joule:-1 \
	usd-cost:cost.usd_per_million_tokens_at_cost:1 \
	usd-price:cost.usd_per_million_tokens_at_price:1 \
	ttft:latency.ttft_s:1 tpot:latency.tpot_s:1; do
	key=${k%%:*}; rest=${k#*:}; field=${rest%:*}; sign=${rest##*:}
	expect_exit 0 "map --rank-by $key" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --rank-by $key --json
	if python3 -c "
import json
d = json.load(open('$tmpd/out'))
rb = d['ranked_by']
assert rb == {'key': '$key', 'field': '$field', 'order': 'highest first' if $sign < 0 else 'lowest first'}, rb
sec, f = '$field'.split('.')
m = d['mappings']
assert len(m) == 10
for x in m:
    tpj = x['throughput']['output_tokens_per_s'] / 8 / x['power']['watts']
    assert abs(x['power']['output_tokens_per_joule'] / tpj - 1) < 1e-8, x  # (the JSON's 10 digits)
keys = [($sign * x[sec][f], -x['throughput']['output_tokens_per_s']) for x in m]
assert keys == sorted(keys), keys
assert d['best']['tp'] == m[0]['tp'] and d['best']['pp'] == m[0]['pp']
" 2>"$tmpd/err"; then
		echo "ok - map --rank-by $key orders by $field"
	else
		echo "not ok - map --rank-by $key"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
	fi
done
# the table says a key other than the default, and ranks by its column
# (tok/J, the 13th)
expect_exit 0 "map --rank-by tokens-per-joule table" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --rank-by tokens-per-joule
expect_out "10 legal mappings, ranked by tokens-per-joule \(highest first; ties: more output tok/s\)$" "table names the key"
check "table ranked by tok/J" \
	'NR > 3 && $6=="yes" { if (seen && $13 > last) bad=1; last=$13; seen=1 } END {if (!bad && seen) print "yes"}'
# the limits still come first: a TTFT limit of 0.2 s only TP8 (177 ms)
# meets puts it first by tpot too, where TP1 x DP8 (82.9 ms) leads alone
expect_exit 0 "map --rank-by tpot --ttft-max" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10 --rank-by tpot --ttft-max 0.2
check "the one mapping within the limit first" '$1=="1" && $2==8 && $3==1 {print "yes"}'
# the default key is not said (mutation testing: the line naming it for
# output-tps too survived)
expect_exit 0 "map default ranking's line" -- $RL map --chip h100-sxm $W --chips 8 --profile trtllm-0.10
expect_no_out "ranked by" "the default ranking's line names no key"
expect_out ": 10 legal mappings$" "the line is there, without the key (10 mappings of 8 chips)"
# a mapping that does not fit has no TTFT: where no mapping meets a limit,
# ranked by TTFT it comes after every mapping that ran, not first (its
# TTFT was read as 0).  Llama-3 70B in BF16: 141 GB of weights, not on
# one 80 GB H100, so TP1 x DP8 does not fit
expect_exit 0 "map --rank-by ttft, no mapping within the limit" -- $RL map --chip h100-sxm --model llama3-70b --precision bf16 --isl 2048 --osl 128 --chips 8 --profile trtllm-0.10 --rank-by ttft --ttft-max 0.000001
check "the mapping that does not fit last" \
	'/^rank / && !seen {on = 1; seen = 1; next} on && $1 !~ /^[0-9]+$/ {on = 0} on {n++; if ($6 == "no") at = $1} END {if (n == 10 && at == 10) print "yes"}'
# a mapping that does not fit stays last under every key, also where no
# mapping meets the targets: at 16 bits TP1 x DP8 (141 GB of weights on
# an 80 GB chip) fits nowhere, and its latencies, none, are no 0 s that
# ranks it first by ttft or tpot (it led the table, best in the JSON, and
# the table said no mapping runs)
for key in ttft tpot; do
	expect_exit 0 "map --rank-by $key, none meets the targets" -- $RL map --chip h100-sxm $W16 --chips 8 --profile trtllm-0.10 --ttft-max 0.001 --rank-by $key
	check "$key: the mapping that does not fit last" '$1 ~ /^[0-9]+$/ && ($6=="yes" || $6=="no") {n++; last=$6; if (n == 1) first=$6} END {if (n == 10 && first == "yes" && last == "no") print "yes"}'
	check "$key: no 'no mapping runs'" '/no mapping of 8 chips runs/ {bad=1} END {if (!bad) print "yes"}'
	expect_exit 0 "map --rank-by $key --json, none meets" -- $RL map --chip h100-sxm $W16 --chips 8 --profile trtllm-0.10 --ttft-max 0.001 --rank-by $key --json
	if python3 -c "
import json
d = json.load(open('$tmpd/out'))
m = d['mappings']
assert [x['fits'] for x in m] == [True] * 9 + [False], [x['fits'] for x in m]
assert (d['best']['tp'], d['best']['pp']) == (m[0]['tp'], m[0]['pp']) and m[0]['fits']
" 2>"$tmpd/err"; then
		echo "ok - map --rank-by $key --json: best fits, the one that does not last"
	else
		echo "not ok - map --rank-by $key --json"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
	fi
done
expect_exit 2 "map --rank-by unknown" -- $RL map --chip h100-sxm $W --chips 8 --rank-by speed
expect_err "--rank-by: 'speed' is not one of output-tps, tokens-per-joule, usd-cost, usd-price, ttft, tpot" "rank-by names its choices"
expect_exit 2 "map --rank-by twice" -- $RL map --chip h100-sxm $W --chips 8 --rank-by ttft --rank-by tpot
# a profile fitted on another chip's rows says so, as eval does (ux21)
expect_exit 0 "map on the H200 under the H100's profile" -- $RL map --chip h200-sxm --model llama3-8b --chips 2
expect_out "^note: profile trtllm-0\.10 was fitted on h100-sxm rows only \([0-9]+ serving rows of its version there, 0 on h200-sxm\)" "map's note"
expect_exit 0 "map on the H200, JSON" -- $RL map --chip h200-sxm --model llama3-8b --chips 2 --json
expect_out '"fitted_chip": "h100-sxm",' "map's JSON profile_fit"
expect_no_out 'fit_rows_on_chip' "map's JSON profile_fit has no fit_rows_on_chip"
expect_exit 0 "map on the H100" -- $RL map --chip h100-sxm --model llama3-8b --chips 2 --json
expect_out '"profile_fit": null,' "null on the chip it was fitted on"
expect_out '"software_note": null' "map: no software note where the preset names TensorRT-LLM"
expect_exit 0 "map on the MI325X under a TensorRT-LLM profile, JSON" -- $RL map --chip mi325x --model llama3-8b --chips 2 --profile trtllm-0.10 --json
expect_out '"software_note": "profile trtllm-0\.10 is of TensorRT-LLM 0\.10\.0, software the preset of chip mi325x does not name \(it names none\)' "map's JSON software_note"
expect_err "^rooflab map: note: profile trtllm-0\.10 is of TensorRT-LLM 0\.10\.0, software the preset of chip mi325x does not name" "map's software note on stderr"
# counts in all their digits (%.0f), where %g wrote "no mapping of 2e+06
# chips fits": a 405B on two million chips of 1 GB, none fitting
expect_exit 0 "map of two million 1 GB chips" -- $RL map --chip h100-sxm --model llama3-405b --chips 2000000 --set chip.hbm_gb=1
expect_out "^\(no mapping of 2000000 chips fits, and more are not tried: the search for the fewest chips stops at [0-9]+ \(the search's end, under the model's 128 heads x its 126 layers" "map's counts in digits"
# (fuzz7) a profile by path read from its file: a copy of trtllm-0.10.ini
# as mine.ini on the MI325X (its preset names no software) says so
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$tmpd/mine.ini"
expect_exit 0 "map on the MI325X under a profile by path" -- $RL map --chip mi325x --model llama3-8b --chips 2 --profile "$tmpd/mine.ini"
expect_err "^rooflab map: note: profile mine is of TensorRT-LLM 0\.10\.0, software the preset of chip mi325x does not name \(it names none\)" "map's software note of a profile by path"
# (small51) a TDP as given, in all its digits (model/numtext.h
# rl_number_write, as claim's text writes it since 418418c): 700.1234 W
# reads 700.1234 and 10.1234567 W 10.1234567, where %g wrote their first
# six digits, 700.123 and 10.1235 (a TDP of 10 W is under Sohu by
# design's static power alone, so over it at every clock)
expect_exit 0 "map: Sohu by design at 10.1234567 W" -- $RL map --chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --chips 8 --profile etched-claim --set chip.tdp_w=10.1234567
expect_out "^\(no mapping of 8 chips runs: those that fit in memory are over the chip's 10\.1234567 W TDP at every clock\)$" "map's no-mapping line: the TDP in all its digits"
# (review45) a small tokens per joule in its significant digits, as eval
# writes it (model/figtext.c), where three decimals wrote 0.000: Llama-3.1
# 405B on 64 H100s at one sequence a replica, TP1 x PP64, draws some 190 W
# a chip for some 4.6 output tokens/s over 64 chips, 4.6 / 64 / 190 = 3.8e-4
# tokens per joule; the cell within 2% of its row's output tok/s / 64 /
# W/chip (the two as the row rounds them), and not 0.000
expect_exit 0 "map of 405B on 64 chips at batch 1" -- $RL map --chip h100-sxm --model llama3.1-405b --precision fp8 --isl 2048 --osl 128 --chips 64 --batch 1 --profile trtllm-0.10
check "TP1 x PP64's tok/J in significant digits, out/chip over W/chip by hand" \
	'$2==1 && $3==64 && $4==1 && $13!="0.000" && $13+0 > 0 && ($13 / ($7 / 64 / $12) - 1)^2 < 0.0004 {print "yes"}'
finish
