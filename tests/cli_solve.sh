#!/bin/sh
# cli_solve.sh: solve's absolute targets (--target KEY=X: the varied side's
# own output tokens/s, TPOT, TTFT, tokens per joule, USD per million
# tokens), each solved with the speedup's root finding and read as a floor
# (at least) or a ceiling (at most), and the targets refused (exit 2).
. "$(dirname "$0")/clilib.sh"
# checks here read solve's JSON with python3: without it the file says
# so and stops
have python3 "cli_solve.sh: solve's JSON read back" || finish

# jcheck NAME PYTHON: the last command's JSON (d) satisfies the asserts
jcheck() {
	if python3 -c "
import json
d = json.load(open('$tmpd/out'))
r = d['solve'][0]
$2
" 2>"$tmpd/perr"; then
		echo "ok - $1"
	else
		echo "not ok - $1"; tail -3 "$tmpd/perr" | sed 's/^/    err: /'
		fails=$((fails + 1))
	fi
}

# One H100 serving Llama-3 8B FP8 to one request on the roofline (ideal:
# every efficiency 100%), 1 token in and 1024 out: decode is HBM-bound, so
# a token's time is the bytes it reads over the HBM bandwidth.  By hand:
# the weights but the input embedding, 8,030,261,248 parameters
# (data/sources/models.csv) less 128,256 x 4,096 = 525,336,576 of
# embedding, of which decode reads one row, 7,504,924,672 bytes at 1 byte
# each, and the KV cache over the mean context, 1 + 1024 / 2 = 513 tokens
# x 65,536 bytes (32 layers x 8 KV heads x 128 x 2 x 1 byte) = 33,619,968:
# 7,538,544,640 bytes a token.  A TPOT of at most 1 ms needs at least
# 7.5385 TB/s; of 10 ms, 0.75385 TB/s, met already at its 3.35 TB/s
# (tolerance 0.1%: activations, norms and the compute that overlaps them
# are not counted here).
B="h100-sxm,profile=ideal,model=llama3-8b,precision=fp8,isl=1,osl=1024,batch=1,chips=1,tp=1"
A="h100-sxm,model=llama3-8b,precision=fp8,isl=1,osl=1024,batch=1,chips=1,tp=1"
expect_exit 0 "solve tpot_s at most 1 ms" -- $RL solve --a $A --b $B --vary b.chip.hbm_tbps --target tpot_s=0.001 --json
jcheck "tpot 1 ms needs 7.5385 TB/s" "
assert d['target'] == {'metric': 'tpot_s', 'value': 0.001, 'unit': 's', 'bound': 'at most'}, d['target']
assert r['feasible'] and not r['met_now'] and not r['met_everywhere'], r
assert abs(r['value'] / 7.53854464 - 1) < 1e-3, r['value']
assert abs(r['metric_at_value'] / 0.001 - 1) < 1e-9, r
assert abs(r['metric_now'] / (7.53854464e9 / 3.35e12) - 1) < 1e-3, r"
expect_exit 0 "solve tpot_s at most 10 ms: met" -- $RL solve --a $A --b $B --vary b.chip.hbm_tbps --target tpot_s=0.01 --json
jcheck "tpot 10 ms met now, still with 0.75385 TB/s" "
assert r['feasible'] and r['met_now'], r
assert abs(r['value'] / 0.753854464 - 1) < 1e-3, r['value']
assert 'is met already' in r['words'] and 'at least 0.8 TB/s' in r['words'], r['words']"
# one request: output tokens/s is 1 / TPOT, so 1000 tokens/s needs the
# same 7.5385 TB/s (the system's and, on one chip, per chip)
for k in output_tokens_per_s output_tokens_per_s_per_chip; do
	expect_exit 0 "solve $k at least 1000" -- $RL solve --a $A --b $B --vary b.chip.hbm_tbps --target $k=1000 --json
	jcheck "$k 1000 needs 7.5385 TB/s" "
assert d['target']['bound'] == 'at least' and d['target']['metric'] == '$k'
assert r['feasible'] and not r['met_now'], r
assert abs(r['value'] / 7.53854464 - 1) < 1e-3, r['value']"
done
# two chips, one replica each (tp 1, dp 2): the system's output tokens/s is
# 2 / TPOT and each chip's 1 / TPOT, so 1000 tokens/s per chip needs the
# one chip's 7.5385 TB/s and 1000 for the system half of it, 3.7693 TB/s
# (a TPOT of 2 ms); now, at 3.35 TB/s, each chip makes 3.35e12 /
# 7,538,544,640 = 444.38 tokens/s, the system twice that (mutation testing:
# the per-chip figure taken as the system's survived)
B2="h100-sxm,profile=ideal,model=llama3-8b,precision=fp8,isl=1,osl=1024,batch=1,chips=2,tp=1"
expect_exit 0 "solve per chip on 2 chips" -- $RL solve --a $A --b $B2 --vary b.chip.hbm_tbps --target output_tokens_per_s_per_chip=1000 --json
jcheck "per chip 1000 on 2 chips needs 7.5385 TB/s" "
assert r['feasible'] and not r['met_now'], r
assert abs(r['value'] / 7.53854464 - 1) < 1e-3, r['value']
assert abs(r['metric_now'] / (3.35e12 / 7.53854464e9) - 1) < 1e-3, r"
expect_exit 0 "solve system on 2 chips" -- $RL solve --a $A --b $B2 --vary b.chip.hbm_tbps --target output_tokens_per_s=1000 --json
jcheck "system 1000 on 2 chips needs 3.7693 TB/s" "
assert r['feasible'] and not r['met_now'], r
assert abs(r['value'] / 3.76927232 - 1) < 1e-3, r['value']
assert abs(r['metric_now'] / (2 * 3.35e12 / 7.53854464e9) - 1) < 1e-3, r"
# each key's bound as its definition says: a latency or a price at most,
# a rate at least (mutation testing: ttft_s and the USD ones read as
# floors survived); the JSON's target and the text's line say it
for kb in "ttft_s=0.5:at most:s" "usd_per_million_tokens_at_cost=5:at most:USD" \
	"usd_per_million_tokens_at_price=5:at most:USD" "output_tokens_per_s=5:at least:tokens/s"; do
	kv=${kb%%:*}; rest=${kb#*:}; bound=${rest%%:*}; unit=${rest#*:}
	k=${kv%%=*}; v=${kv#*=}
	expect_exit 0 "solve $k bound" -- $RL solve --a $A --b "$B" --vary b.chip.hbm_tbps --target "$kv" --json
	jcheck "$k is $bound" "
assert d['target'] == {'metric': '$k', 'value': $v, 'unit': '$unit', 'bound': '$bound'}, d['target']"
done

# more compute does not lower an HBM-bound TPOT: infeasible, at best the
# HBM's 7,538,544,640 B / 3.35 TB/s = 2.2503 ms
expect_exit 0 "solve tpot by peak: infeasible" -- $RL solve --a $A --b $B --vary b.chip.peak_tflops_fp8 --target tpot_s=0.001 --json
jcheck "peak cannot reach 1 ms; best the HBM time" "
assert not r['feasible'], r
assert abs(r['metric_at_value'] / (7.53854464e9 / 3.35e12) - 1) < 1e-3, r
assert 'cannot reach TPOT at most 0.001 s' in r['words'], r['words']"
expect_exit 0 "solve text names the target" -- $RL solve --a $A --b $B --vary b.chip.hbm_tbps --target tpot_s=0.001
expect_out "^target: tpot_s at most 0.001 s, the figure of the side each row varies$" "text: the target"
expect_out "TPOT at most 0.001 s needs at least 7.6 TB/s of HBM bandwidth per chip" "text: the row (7.5385 shown rounded up)"
# one chip is "on 1 chip" (it read "on 1 chips"), side b's and b''s;
# a side given by spec has its mapping in its label (claimrun.c
# label_mapping: "1 x h100-sxm TP1 x PP1 (ideal)"), so the header names it
# there alone (small62), where it read "(ideal), TP1 x PP1 on 1 chip"
expect_out "^b: 1 x h100-sxm TP1 x PP1 \(ideal\) on 1 chip$" "text: side b on 1 chip, singular, its mapping named once"
expect_no_out "^b: .*TP1 x PP1.*TP1 x PP1" "text: side b's mapping not named twice"
sed 's/^tp = 8/tp = 1/; s/^chips = 8/chips = 1/' "$ROOFLAB_DATA/scenarios/etched-bench.ini" >"$tmpd/one-chip.ini"
expect_exit 0 "solve b' on one chip" -- $RL solve --scenario "$tmpd/one-chip.ini" --target speedup=20 --vary b.design.frac_mac
expect_out "^b': 1x Sohu \(by design\), TP1 x PP1 on 1 chip \(its best mapping, as claim runs it\)$" "b' on 1 chip, singular"
# the default sides' labels count the scenario's chips, one here: they
# read "8x H100" and "8x Sohu" above a mapping "on 1 chip" (small54)
expect_out "^a: 1x H100 \(TensorRT-LLM 0\.10\)$" "side a's label: 1x, the scenario's one chip"
expect_out "^b: 1x Sohu \(as claimed\), TP1 x PP1 on 1 chip" "side b's label: 1x, the scenario's one chip"
expect_no_out "8x (H100|Sohu)" "no 8x label on a one-chip scenario"
expect_no_out " 1 chips" "solve on one chip never says '1 chips'"
# the speedup stays the default and its JSON the same but for target
expect_exit 0 "solve speedup" -- $RL solve --a $A --b $B --vary b.chip.hbm_tbps --target 3 --json
jcheck "speedup target" "
assert d['target'] == {'metric': 'speedup', 'value': 3, 'unit': 'x', 'bound': 'at least'}, d['target']
assert 'speedup_at_value' in r and 'metric_now' not in r, r"
# refused: no unit-consistent meaning (exit 2 naming the option and range)
expect_exit 2 "solve --target tpot=1" -- $RL solve --vary b.chip.hbm_tbps --target tpot=1
expect_err "--target 'tpot=1': not a target; KEY=X, KEY one of speedup .*tpot_s \(at most, in s, 0.000000001 to 1000000\)" "unknown key lists the keys and ranges"
expect_exit 2 "solve --target tpot_s=0" -- $RL solve --vary b.chip.hbm_tbps --target tpot_s=0
expect_err "--target tpot_s \(s\): '0' is outside the allowed range \(a number in \[0.000000001, 1000000\]\)" "tpot_s range"
expect_exit 2 "solve --target tpot_s=1ms" -- $RL solve --vary b.chip.hbm_tbps --target tpot_s=1ms
expect_err "--target tpot_s \(s\): '1ms' is not a number" "a unit in the value refused"
expect_exit 2 "solve --target output_tokens_per_s=-5" -- $RL solve --vary b.chip.hbm_tbps --target output_tokens_per_s=-5
expect_err "--target output_tokens_per_s \(tokens/s\): '-5' is outside the allowed range \(a number in \[0.000001, 1000000000000\]\)" "tokens/s range"
# Sohu as claimed names no process node: no power model, no tokens/J
expect_exit 2 "solve tokens/J without a power model" -- $RL solve --vary b.chip.hbm_tbps --target output_tokens_per_joule=1
expect_err "--target output_tokens_per_joule=1: side b \(8x Sohu \(as claimed\)\) has no output_tokens_per_joule .*no power model" "no power model said"
# one --vary alone that does not act says what it said before e068c9a2,
# its reason, and no "none of the 1 --vary" after it (fuzz10: the mutant
# nna > 0 for nna > 1 passed cli_solve)
expect_no_err "none of the" "one --vary alone: no 'none of the N' line"
# a die block by its area (small29's design.mac_mm2), where the side gives
# its share (sohu-design.ini: frac_mac 0.20 of 814 mm2, so 162.8 mm2 of MAC
# arrays as loaded): the same lever as the share, so by the share's
# definition (area / die_mm2) its answer is the share's x 814; its 0, "the
# share gives it", is no MAC area (10x "still held with at most 3.25e-308
# mm2", the side's 162.8 mm2 read as 0)
expect_exit 0 "solve mac_mm2 beside frac_mac" -- $RL solve --vary b.design.mac_mm2 --vary b.design.frac_mac --target 10 --json
jcheck "mac_mm2's answer is frac_mac's x 814 mm2, from 162.8 mm2 (shown as it is)" "
a, f = d['solve'][0], d['solve'][1]
assert a['param'] == 'b.design.mac_mm2' and f['param'] == 'b.design.frac_mac', d['solve']
assert a['feasible'] and f['feasible'] and a['met_now'] and f['met_now'], d['solve']
assert abs(a['value'] / (f['value'] * 814) - 1) < 1e-6, (a['value'], f['value'])
assert 'at 162.8 mm2' in a['words'], a['words']"  # the value assumed as it is (claim_qty_given), 0.20 x 814 by hand, where 3 digits read 163
# a row varying Sohu by design (b.design.*, b.node.*) names that side and
# its speedup now in the header, claim's "speedup b'/a (8x Sohu (by
# design))", where the header gave Sohu as claimed's 21.39x alone above a
# row about the by-design 13.48x; a row of side b's own chip adds nothing
expect_exit 0 "claim --samples 0 for b''s speedup" -- $RL claim --samples 0
bd=$(sed -n "s/^speedup b'\/a (8x Sohu (by design)): \([0-9.]*x\) (input+output).*/\1/p" "$tmpd/out")
expect_exit 0 "solve a by-design lever" -- $RL solve --target speedup=20 --vary b.design.frac_mac
expect_out "^b': 8x Sohu \(by design\), TP[0-9]+ x PP[0-9]+ x DP[0-9]+ on 8 chips" "the header names b' by design"
expect_out "^speedup b'/a now: ${bd:-none} \(total tokens\); the rows of b.design and b.node vary b'" "b''s speedup now is claim's ($bd)"
# (review39) its words follow what was done to b' itself (bd_remapped),
# not to side b: here both were remapped (test_words: a b' not remapped
# is not said to run its best mapping)
expect_out "^b': 8x Sohu \(by design\), TP[0-9]+ x PP[0-9]+ x DP[0-9]+ on 8 chips \(its best mapping, as claim runs it\)$" "b' remapped: its best mapping"
# the JSON row gives the speedup now of the side it varies (speedup_now):
# by design's for a design row, as claim --json's speedup.by_design, and
# Sohu as claimed's for a chip row, as speedup.total_tokens
$RL claim --samples 0 --json >"$tmpd/cj" 2>/dev/null
expect_exit 0 "solve a by-design and a chip lever, JSON" -- $RL solve --target speedup=20 --vary b.design.frac_mac --vary b.chip.hbm_tbps --json
if python3 -c "
import json, sys
c = json.load(open('$tmpd/cj')); d = json.load(open('$tmpd/out'))
bd, b = c['speedup']['by_design']['total_tokens'], c['speedup']['total_tokens']
r0, r1 = d['solve']
assert abs(r0['speedup_now'] / bd - 1) < 1e-9, (r0, bd)
assert abs(r1['speedup_now'] / b - 1) < 1e-9, (r1, b)
" 2>"$tmpd/perr"; then
	echo "ok - each JSON row's speedup_now is its side's (claim's by_design and total)"
else
	echo "not ok - solve JSON speedup_now: $(tail -1 "$tmpd/perr")"; fails=$((fails + 1))
fi
expect_exit 0 "solve a lever of b's chip" -- $RL solve --target speedup=20 --vary b.chip.hbm_tbps
if grep -q "^b'" "$tmpd/out"; then
	echo "not ok - a row of b's chip names no b'"; fails=$((fails + 1))
else
	echo "ok - a row of b's chip names no b'"
fi
# claim keeps the speedup alone
expect_exit 2 "claim --target tpot_s" -- $RL claim --target tpot_s=0.01 --samples 0
expect_err "the one target is speedup=X" "claim refuses other targets"
# a side whose profile was fitted on another chip's rows says so (ux21)
expect_exit 0 "solve with side b an H200" -- $RL solve --vary b.chip.hbm_tbps --b h200-sxm --no-design
expect_out "^  side b: profile trtllm-0\.10 was fitted on h100-sxm rows only" "solve's note for side b"
expect_no_out "^  side a: profile" "none for side a, the H100"
expect_exit 0 "solve with side b an H200, JSON" -- $RL solve --vary b.chip.hbm_tbps --b h200-sxm --no-design --json
jcheck "a_profile_fit null, b_profile_fit the H100's" "assert d['a_profile_fit'] is None and d['b_profile_fit']['fitted_chip'] == 'h100-sxm' and 'fit_rows_on_chip' not in d['b_profile_fit']"
jcheck "no software note on the H100 or H200 (their presets name TensorRT-LLM)" "assert d['a_software_note'] is None and d['b_software_note'] is None"
# (review42) a side whose profile is of software its chip's preset does
# not name says so, as eval and claim do: data/chips/mi300x.ini names
# none, trtllm-0.10's [meta] TensorRT-LLM 0.10.0
expect_exit 0 "solve with side b an MI300X under trtllm-0.10" -- $RL solve --vary b.chip.hbm_tbps --b mi300x,profile=trtllm-0.10 --no-design
expect_out "^  side b: profile trtllm-0\.10 is of TensorRT-LLM 0\.10\.0, software the preset of chip mi300x does not" "solve's software note for side b"
expect_exit 0 "the same, JSON" -- $RL solve --vary b.chip.hbm_tbps --b mi300x,profile=trtllm-0.10 --no-design --json
jcheck "b_software_note eval's words, a_software_note null" "assert d['a_software_note'] is None and d['b_software_note'] == 'profile trtllm-0.10 is of TensorRT-LLM 0.10.0, software the preset of chip mi300x does not name (it names none): its figures are that software\\'s efficiencies carried over to this chip by ASSUMPTION', d['b_software_note']"
# (small49) the reason's target and the range's bound in all their digits,
# where %g wrote 'upper bound 1e+06' and 'target 2e+07': a 20000000x
# speedup no link speed reaches, chip.link_gbps's range [0, 1000000] GB/s
# (rooflab params); the speedup it stops at and a point of the scan as
# eval's figures
expect_exit 0 "solve a speedup of 20000000" -- $RL solve --target speedup=20000000 --vary b.chip.link_gbps --no-design --json
expect_out '"reason": "infeasible: .*the upper bound 1000000\): other limits bind \(target 20000000\)"' "the reason's bound and target in all their digits"
expect_no_out 'e\+0' "no exponent in the reason"
# (review45) the text's target line as the rows under it write the
# target, in all its digits (rl_number_write), where %g wrote
# "target 1.23457e+06x" and "at least 1.23457e+07 tokens/s" over rows
# reading 12345678 tokens/s
expect_exit 0 "solve text, a speedup target of 1234567.5" -- $RL solve --target speedup=1234567.5 --vary b.chip.hbm_tbps --no-design
expect_out "^speedup b/a now: [0-9.]+x \(total tokens\), target 1234567\.5x$" "the speedup target line in all its digits"
expect_no_out "e\+06" "no 1.23457e+06 in the text"
expect_exit 0 "solve text, a target of 12345678 tokens/s" -- $RL solve --target output_tokens_per_s=12345678 --vary b.chip.hbm_tbps --no-design
expect_out "^target: output_tokens_per_s at least 12345678 tokens/s, the figure of the side each row varies$" "the absolute target line in all its digits"
expect_no_out "1\.23457e\+07" "no 1.23457e+07 in the text"
# (small52) the reason's value by eval's rule (model/figtext.c), three
# significant digits rounded toward the side that still reaches the
# target (rl_fig_text_dir), where %.6g wrote 7.54081 and 1.63026: a TPOT
# of at most 1 ms needs at least the value (up: the least figure of two
# decimals at or above it, between 1 and 10); a speedup of 3x of b over a
# follows with a's bandwidth at most the value (down: the greatest at or
# below it)
expect_exit 0 "solve tpot_s at most 1 ms, the reason" -- $RL solve --a $A --b $B --vary b.chip.hbm_tbps --target tpot_s=0.001 --json
jcheck "the reason's value rounded up to three digits" "
import math
v = r['value']
assert 1 <= v < 10, v
assert r['reason'] == 'reaches tpot_s <= 0.001 at b.chip.hbm_tbps >= %.2f' % (math.ceil(v * 100) / 100), (r['reason'], v)"
expect_exit 0 "solve 3x by a's bandwidth, the reason" -- $RL solve --a $A --b $B --vary a.chip.hbm_tbps --target 3 --json
jcheck "the reason's value rounded down to three digits" "
import math
v = r['value']
assert 1 <= v < 10, v
assert r['reason'] == 'reaches 3 at chip.hbm_tbps <= %.2f' % (math.floor(v * 100) / 100), (r['reason'], v)"
# the text's target line: the target as given, in all its digits, as the
# rows' words write it, where %g wrote 1.23457e+06x and 123457 s
expect_exit 0 "solve a speedup of 1234567.5, text" -- $RL solve --target speedup=1234567.5 --vary b.chip.link_gbps --no-design
expect_out "^speedup b/a now: [0-9.]+x \(total tokens\), target 1234567\.5x$" "the text's target in all its digits"
expect_exit 0 "solve a TTFT of at most 123456.75 s, text" -- $RL solve --a $A --b $B --vary b.chip.hbm_tbps --target ttft_s=123456.75
expect_out "^target: ttft_s at most 123456\.75 s, the figure of the side each row varies$" "the absolute target in all its digits"
expect_no_out "e\+06|123457 s" "no exponent, no digit lost in the text"
# (small56) several --vary, one of which does not act on its side: the
# others are solved and that one is said once, under the rows (JSON:
# not_solved, its reason), exit 0; where none acts, exit 2 naming each; a
# --vary that names no parameter still refuses the run.  With --no-design
# there is no Sohu by design, and Sohu as claimed is given by its spec
# sheet (data/chips/sohu.ini: no by_design), so b.design.frac_mac does not
# act on side b, and it names no process node, so no TDP acts either
expect_exit 0 "solve --no-design, a chip lever and a design lever" -- $RL solve --no-design --target 20 --vary b.design.frac_mac --vary b.chip.hbm_tbps
expect_out "\[b\.chip\.hbm_tbps\]$" "the chip lever's row"
expect_joined "^  - not solved: " "^  - not solved: side b is not a chip by design \(chip\.by_design = false\), so its design parameters do not act \[b\.design\.frac_mac\]$" "the design lever said not solved, with its reason and name"
n=$(grep -c "frac_mac" "$tmpd/out")
expect_exit 0 "said once (frac_mac on $n line(s) of stdout)" -- test "$n" -eq 1
expect_no_err "." "nothing on stderr"
expect_exit 0 "the same, JSON" -- $RL solve --no-design --target 20 --vary b.design.frac_mac --vary b.chip.hbm_tbps --json
jcheck "one row, hbm_tbps; not_solved names frac_mac and why" "
assert [x['param'] for x in d['solve']] == ['b.chip.hbm_tbps'], d['solve']
assert d['not_solved'] == [{'param': 'b.design.frac_mac', 'reason': 'side b is not a chip by design (chip.by_design = false), so its design parameters do not act'}], d['not_solved']"
# two that do not act beside one that does: each said under the rows with
# its own reason and name (fuzz10: the mutant naming the first for both
# passed cli_solve); the reasons are the two above, by the same rules
expect_exit 0 "solve --no-design, a design lever, a TDP and a chip lever" -- $RL solve --no-design --target 20 --vary b.design.frac_mac --vary b.chip.tdp_w --vary b.chip.hbm_tbps
expect_joined "^  - not solved: " "^  - not solved: side b is not a chip by design .*\[b\.design\.frac_mac\]$" "the design lever said with its name"
expect_joined "^  - not solved: " "^  - not solved: side b \(8x Sohu \(as claimed\)\) has no power model .*\[b\.chip\.tdp_w\]$" "the TDP said with its name"
# every --vary solved: not_solved is an empty list
expect_exit 0 "solve, every --vary acts, JSON" -- $RL solve --no-design --target 20 --vary b.chip.hbm_tbps --json
jcheck "not_solved empty" "assert d['not_solved'] == [], d['not_solved']"
# none acts: exit 2, each named, once
expect_exit 2 "solve --no-design, a design lever and a TDP: none acts" -- $RL solve --no-design --target 20 --vary b.design.frac_mac --vary b.chip.tdp_w
expect_err "^rooflab solve: --vary b\.design\.frac_mac: side b is not a chip by design" "the design lever's reason"
expect_err "^rooflab solve: --vary b\.chip\.tdp_w: side b \(8x Sohu \(as claimed\)\) has no power model" "the TDP's reason"
expect_err "^rooflab solve: none of the 2 --vary acts on its side: nothing solved$" "nothing solved, said"
# a figure side b has none of (tokens per joule, no power model) but side
# a has (the H100's preset names its node): side a's row solved
expect_exit 0 "solve tokens/J by a's and b's HBM" -- $RL solve --target output_tokens_per_joule=1 --vary a.chip.hbm_tbps --vary b.chip.hbm_tbps --json
jcheck "a solved, b not: it has no tokens/J" "
assert [x['param'] for x in d['solve']] == ['a.chip.hbm_tbps'], d['solve']
assert [x['param'] for x in d['not_solved']] == ['b.chip.hbm_tbps'], d['not_solved']
assert d['not_solved'][0]['reason'].startswith('--target output_tokens_per_joule=1: side b (8x Sohu (as claimed)) has no output_tokens_per_joule'), d['not_solved']"
# a --vary naming no parameter is a typo, not a lever that does not act:
# the run is refused, before or after a good one
expect_exit 2 "solve, a good --vary and a typo" -- $RL solve --target 20 --vary b.chip.hbm_tbps --vary b.chip.hbm_tbsp
expect_err "hbm_tbsp" "the typo named"
expect_no_out "." "nothing solved on stdout"

# (ux27) a latency target on a side with no batch: eval's TPOT and TTFT
# are at the concurrency memory allows, so a lever that adds memory adds
# requests, each slower: Sohu by design on Llama-3 70B at TP2 read "at
# best 0.0333 s, at 1 stack" of a TPOT ceiling over HBM stacks (more
# stacks, worse TPOT), with no word of why.  A note under the rows says it
# and how to fix the load; with batch=32 (a fixed load) there is none, nor
# under a speedup target
S="sohu-design,model=llama3-70b,tp=2,chips=8"
expect_exit 0 "solve a TPOT over HBM stacks, no batch" -- $RL solve --b "$S" --vary b.design.hbm_stacks --target tpot_s=0.005
expect_joined "^  \(tpot_s of side b " "^  \(tpot_s of side b is at the concurrency its memory and serving limits allow, no batch being given: a lever that adds memory adds requests in flight, each slower; batch=N in the side's SPEC gives it at a fixed load\)$" \
	"a note says the latency is at full load, and how to fix the load"
expect_exit 0 "solve a TPOT over HBM stacks, batch=32" -- $RL solve --b "$S,batch=32" --vary b.design.hbm_stacks --target tpot_s=0.005
expect_no_out "no batch being given" "no note at a fixed load"
expect_exit 0 "solve a speedup over HBM stacks, no batch" -- $RL solve --b "$S" --vary b.design.hbm_stacks
expect_no_out "no batch being given" "no note under a speedup target"
# --json said nothing of it: load_notes holds the text's note, its side
# and words as the text gives them (less its parentheses), [] where the
# text has none (a fixed load, a speedup target)
expect_exit 0 "solve a TPOT over HBM stacks, no batch, JSON" -- $RL solve --b "$S" --vary b.design.hbm_stacks --target tpot_s=0.005 --json
jcheck "JSON load_notes: side b's note" "
assert d['load_notes'] == [{'side': 'b', 'note': \"tpot_s of side b is at the concurrency its memory and serving limits allow, no batch being given: a lever that adds memory adds requests in flight, each slower; batch=N in the side's SPEC gives it at a fixed load\"}], d.get('load_notes')"
expect_exit 0 "solve a TPOT over HBM stacks, batch=32, JSON" -- $RL solve --b "$S,batch=32" --vary b.design.hbm_stacks --target tpot_s=0.005 --json
jcheck "JSON load_notes: none at a fixed load" "
assert d['load_notes'] == [], d.get('load_notes')"
expect_exit 0 "solve a speedup over HBM stacks, no batch, JSON" -- $RL solve --b "$S" --vary b.design.hbm_stacks --json
jcheck "JSON load_notes: none under a speedup target" "
assert d['load_notes'] == [], d.get('load_notes')"
# (ux29) a value reaching the target on silicon no one can build is said
# so with it: Sohu by design's die grown to 20x passes the reticle limit of
# its node (data/nodes/n4.ini reticle_mm2, read here, 26 x 33 mm), which
# eval flags (silicon.violations 1); its MAC share at 50% breaks nothing
# (shares 0.5 + the others' 0.5 = 1), and has no such clause
ret=$(sed -n 's/^reticle_mm2 *= *\([0-9]*\).*/\1/p' "$ROOFLAB_DATA/nodes/n4.ini")
expect_exit 0 "solve Sohu by design's die area and MAC share" -- $RL solve --vary b.design.die_mm2 --vary b.design.frac_mac
die=$(tr '\n' ' ' <"$tmpd/out" | tr -s ' ' | sed -n 's/.*20x needs at least \([0-9]*\) mm2 of area of one die.*/\1/p')
if [ -n "$ret" ] && [ -n "$die" ] && [ "$die" -gt "$ret" ] &&
	tr '\n' ' ' <"$tmpd/out" | tr -s ' ' | grep -qF "which breaks what the silicon allows (reticle: a $die mm2 die exceeds the $ret mm2 reticle limit) [b.design.die_mm2]" &&
	! tr '\n' ' ' <"$tmpd/out" | tr -s ' ' | grep -q "MAC arrays ([^)]*; assumed: [^)]*), which breaks"; then
	echo "ok - solve: a die past the reticle said so ($die mm2 > $ret mm2)"
else
	echo "not ok - solve: the reticle ('$die' against '$ret')"; sed 's/^/    /' "$tmpd/out"; fails=$((fails + 1))
fi
expect_exit 0 "... and at that area, eval flags the reticle" -- $RL eval --chip sohu-design --model llama3-70b --set design.die_mm2=${die:-0}
expect_out "^  violations +1 " "eval: silicon.violations 1 (the reticle)"
# (ux30) a parameter whose 0 stands for another value (params.c's "(0:
# ...)") is not solved from 0: node.fma_pj_fp8's 0 is FP16's 0.39 pJ, so
# 15x "needed at least 7.99e-65 pJ" of Sohu by design's FP8 FMA, where
# less energy per FMA lets the 700 W TDP hold a higher clock (power.md):
# a ceiling below the 0.195 pJ of n4.ini, which gives b' under 15x (its
# 13.48x); design.density_mtr_per_mm2's 0 is the node's 147 MTr/mm2, so
# 15x "needed at most 1.96e-308": a floor above sohu-design.ini's 98.3.
# Each answer checked by eval on both sides of it (2% off), b' as claim
# runs it against a's eval: the speedup crosses 15x there
fma=$(sed -n 's/^fma_pj_fp8 *= *\([0-9.]*\).*/\1/p' "$ROOFLAB_DATA/nodes/n4.ini")
den=$(sed -n 's/^density_mtr_per_mm2 *= *\([0-9.]*\).*/\1/p' "$ROOFLAB_DATA/chips/sohu-design.ini")
expect_exit 0 "solve FP8 FMA energy and density of Sohu by design" -- $RL solve --target 15 --vary b.node.fma_pj_fp8 --vary b.design.density_mtr_per_mm2 --json
jcheck "FMA energy a ceiling under $fma pJ, density a floor over $den MTr/mm2" "
e, t = d['solve'][0], d['solve'][1]
assert e['feasible'] and 'needs at most' in e['words'], e
assert 1e-3 < e['value'] < float('${fma:-0}'), e['value']
assert t['feasible'] and 'needs at least' in t['words'], t
assert float('${den:-1e9}') < t['value'] < 1e4, t['value']"
sp() { # speedup of b' with --set $1=$2 over a, both by eval
	python3 -c "
import json, subprocess as s
def tps(a): return json.loads(s.run(a + ['--json'], capture_output=True, text=True).stdout)['throughput']['total_tokens_per_s']
w = ['--model', 'llama3-70b', '--precision', 'fp8', '--isl', '2048', '--osl', '128', '--chips', '8']
print(tps(['$RL', 'eval', '--chip', 'sohu-design', '--tp', '1', '--profile', 'etched-claim', '--set', '$1=$2'] + w) /
      tps(['$RL', 'eval', '--chip', 'h100-sxm', '--tp', '8', '--profile', 'trtllm-0.10'] + w))" 2>/dev/null
}
ev=$(python3 -c "import json; print(json.load(open('$tmpd/out'))['solve'][0]['value'])" 2>/dev/null)
dv=$(python3 -c "import json; print(json.load(open('$tmpd/out'))['solve'][1]['value'])" 2>/dev/null)
lo=$(sp node.fma_pj_fp8 "$(echo "${ev:-1} * 1.02" | bc -l)"); hi=$(sp node.fma_pj_fp8 "$(echo "${ev:-1} * 0.98" | bc -l)")
dlo=$(sp design.density_mtr_per_mm2 "$(echo "${dv:-1} * 0.98" | bc -l)"); dhi=$(sp design.density_mtr_per_mm2 "$(echo "${dv:-1} * 1.02" | bc -l)")
if python3 -c "assert $lo < 15 < $hi and $dlo < 15 < $dhi" 2>/dev/null; then
	echo "ok - eval crosses 15x at both answers ($lo .. $hi, $dlo .. $dhi)"
else
	echo "not ok - eval around the answers: '$lo' '$hi' '$dlo' '$dhi'"; fails=$((fails + 1))
fi
# design.hbm_stack_gbps left at 0 in sohu-design.ini is HBM3E's 1.2 TB/s
# a stack (model/silicon.c's table, Micron / SK hynix): its value now is
# said as that, where it read "at 0 GB/s", and 10x, met now, holds down to
# a floor below it (less bandwidth, less speed), where it read "at most
# 1.91e-307 GB/s"
expect_exit 0 "solve HBM bandwidth per stack of Sohu by design" -- $RL solve --target 10 --vary b.design.hbm_stack_gbps --json
jcheck "at 1200 GB/s now, a floor below it" "
assert r['met_now'] and 'at 1200 GB/s' in r['words'] and 'at least' in r['words'], r['words']
assert 1 < r['value'] < 1200, r['value']"
# a power.* parameter of a side with no power model (Sohu as claimed names
# no node) acts on nothing, as its TDP does: refused with why and where
# one acts, where static_w read "20x is met already (..., at 0 W): every
# idle and leakage power ... meets it"
expect_exit 2 "solve a power.* lever of Sohu as claimed" -- $RL solve --target 20 --vary b.power.static_w
expect_err "^rooflab solve: --vary b\.power\.static_w: side b \(8x Sohu \(as claimed\)\) has no power model \(its chip names no process node\), so no power\.\* parameter acts on it: .* --vary b\.power\.static_w varies it at its best mapping$" "why, and where it acts"
expect_no_out "." "nothing solved on stdout"
# a lever's noun is its params doc up to the doc's parenthesis
# (claim_doc_phrase_len): node.ref_clock_ghz's doc, whose first
# parenthesis was a formula mid-sentence, read "... energies hold: under a
# TDP energy per operation falls as [b.node.ref_clock_ghz]"
expect_exit 0 "solve the node's reference clock" -- $RL solve --target 10 --vary b.node.ref_clock_ghz --vary b.power.dvfs_exponent_above --b sohu-design,profile=etched-claim,tp=1,pp=1 --json
jcheck "whole nouns, no sentence cut at a formula" "
w0, w1 = d['solve'][0]['words'], d['solve'][1]['words']
assert 'energies hold' in w0 and 'falls as' not in w0, w0
assert 'energy per operation ~ clock^this above node.ref_clock_ghz' in w1, w1"
# design.fma_units and design.transistors stand behind design.frac_mac and
# design.density_mtr_per_mm2 (model/silicon.c), which sohu-design.ini
# gives: varied, they move nothing, which read "every FP16 FMA units per
# package in its range ... meets it".  Not solved, the key to vary named
expect_exit 2 "solve Sohu by design's FMA units" -- $RL solve --target 10 --vary b.design.fma_units
expect_err "^rooflab solve: --vary b\.design\.fma_units: side b gives design\.frac_mac, which stands before design\.fma_units \(it moves nothing\): vary b\.design\.frac_mac$" "why, and what to vary"
expect_exit 0 "solve its transistors beside its MAC share, JSON" -- $RL solve --target 10 --vary b.design.transistors --vary b.design.frac_mac --json
jcheck "frac_mac solved, transistors not" "
assert [x['param'] for x in d['solve']] == ['b.design.frac_mac'], d['solve']
assert [x['param'] for x in d['not_solved']] == ['b.design.transistors'], d['not_solved']
assert 'design.density_mtr_per_mm2' in d['not_solved'][0]['reason'], d['not_solved']"
# (review54) the header's mapping is left out only where the label names
# it as whole words: side b, an H100 alone on 8 chips at TP8 (the spec's
# tp left to the scenario's 8, chips 8: rl_mapping_words gives "TP8 x
# PP1"), labelled "TP8 x PP16" or "TP8 x PP1 x DP2", names another
# mapping, so the header still says its own; labelled "TP8 x PP1 x EP8"
# (EP, which the header's words leave out) it names its own
for l in "rig TP8 x PP16" "rig TP8 x PP1 x DP2"; do
	expect_exit 0 "solve, side b labelled '$l'" -- $RL solve --b "h100-sxm,label=$l" --vary b.chip.hbm_tbps
	expect_out "^b: $l, TP8 x PP1 on 8 chips$" "the header names b's TP8 x PP1 beside '$l'"
done
expect_exit 0 "solve, side b labelled 'rig TP8 x PP1 x EP8'" -- $RL solve --b "h100-sxm,label=rig TP8 x PP1 x EP8" --vary b.chip.hbm_tbps
expect_out "^b: rig TP8 x PP1 x EP8 on 8 chips$" "the header does not read TP8 x PP1 twice"
# (review54) a row of an absolute target says what its value breaks, as
# the speedup's row above does: 4000 output tokens/s per chip from Sohu by
# design's die (2292.7 now at 814 mm2) needs a die past the n4 reticle
# ($ret mm2, read above), which the row left unsaid
expect_exit 0 "solve Sohu by design's die for 4000 tokens/s per chip" -- $RL solve --vary b.design.die_mm2 --target output_tokens_per_s_per_chip=4000
die=$(tr '\n' ' ' <"$tmpd/out" | tr -s ' ' | sed -n 's/.*needs at least \([0-9]*\) mm2 of area of one die.*/\1/p')
if [ -n "$ret" ] && [ -n "$die" ] && [ "$die" -gt "$ret" ] &&
	tr '\n' ' ' <"$tmpd/out" | tr -s ' ' | grep -qF "which breaks what the silicon allows (reticle: a $die mm2 die exceeds the $ret mm2 reticle limit) [b.design.die_mm2]"; then
	echo "ok - solve, an absolute target: a die past the reticle said so ($die mm2 > $ret mm2)"
else
	echo "not ok - solve, an absolute target: the reticle ('$die' against '$ret')"; sed 's/^/    /' "$tmpd/out"; fails=$((fails + 1))
fi

# (small76) a side's profile path as long as eval's --profile takes (at
# most 1023 bytes, config/presets.c), where a side's value held 255: a
# profile at a path of 800 bytes and more runs both ways
lp=$(deepdir 780)/trtllm-0.10.ini
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$lp"
expect_exit 0 "eval --profile at a path of ${#lp} bytes" -- $RL eval --chip h100-sxm --model llama3-8b --profile "$lp"
expect_exit 0 "solve: a side's profile at a path of ${#lp} bytes" -- $RL solve --vary b.chip.hbm_tbps --b "mi300x,profile=$lp" --no-design
expect_no_err "at most 255" "solve: no 255-byte limit on a side's value"
finish
