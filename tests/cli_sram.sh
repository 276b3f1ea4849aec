#!/bin/sh
# cli_sram.sh: weights kept resident in on-chip SRAM on the command line
# (chip.sram_resident_share, chip.sram_tbps, design.sram_b_per_clk_per_kb):
# the table lists them, eval shows where the weights' bytes come from only
# where the mechanism is on, area says what SRAM buys, a share without a
# bandwidth is refused, and the MAC-against-SRAM sweep has its optimum
# inside the die's budget, with HBM and without (sohu-sram-only.ini).  Values
# by hand in the comments.
. "$(dirname "$0")/clilib.sh"
sroot=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}

expect_exit 0 "params lists the SRAM parameters" -- $RL params
expect_out "^chip\.sram_resident_share +- +0\.\.1 " "the resident share, 0..1"
expect_out "^chip\.sram_tbps +TB/s " "the SRAM bandwidth in TB/s"
# per kB of 1,000 bytes (SI, as sram_mb's MB), where it was per KB of
# 1,024: the source's 8 KiB macro read 8 bytes a clock is 8 / 8192 x 1000
# = 0.9765625 bytes per clock per kB
expect_out "^design\.sram_b_per_clk_per_kb +B/clk/kB .* 0\.9765625 " "bytes per clock per kB, default 0.9765625"
expect_out "^chip\.sram_hbm_copy +- +false\|true +true " "the HBM copy kept by default"

# Every preset keeps 0: eval's table shows no SRAM line, its JSON says 0
E="$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --tp 8"
expect_exit 0 "h100: eval" -- $E
expect_no_out "sram_resident_bytes_per_chip|sram_bytes_per_s_per_chip" "h100: no SRAM line in the table"
# and the table is there, its weights all in HBM: 72,655,052,800 bytes
# over tp 8 = 9,081,881,600 a chip (cli_eval.sh derives them), 9.08 GB
expect_out "^  weights_bytes_per_chip +9\.08 GB " "h100: 72,655,052,800 / 8 = 9.08 GB of weights a chip"
expect_exit 0 "h100: eval --json" -- $E --json
expect_out '"sram_resident_bytes_per_chip": 0$' "h100: JSON resident bytes 0"
expect_out '"sram_bytes_per_s_per_chip": 0,' "h100: JSON SRAM rate 0"

# A share on a spec-sheet chip that gives no SRAM bandwidth: exit 2
expect_exit 2 "a share without chip.sram_tbps" -- $E --set chip.sram_resident_share=1
expect_err "sram_resident_share > 0 needs the SRAM's read bandwidth \(chip\.sram_tbps" "names the missing bandwidth"
# with one: the H100's 50 MB L2 (as if it were a scratchpad) holds 50 MB
# of the 8.82 GB a chip reads per iteration: 50 MB less HBM traffic
expect_exit 0 "h100 as a scratchpad: eval" -- $E --set chip.sram_resident_share=1 --set chip.sram_tbps=10
expect_out "^  sram_resident_bytes_per_chip +50 MB " "50 MB resident"
expect_out "^  sram_bytes_per_s_per_chip " "the SRAM rate shown"

# An SRAM key with no weights resident (share 0, every preset's) moves no
# figure: serving reads the SRAM only through the resident share
# (docs/engine.md, "Why a GPU's SRAM moves no serving figure"), so eval
# says so, where an architect weighing MAC arrays against SRAM saw the
# same numbers without a word (ux31); sohu-design's 10% SRAM made 30%
# takes 20% of its 30% unassigned die (rooflab area), so the shares fit
D="$RL eval --chip sohu-design --model llama3-70b --precision fp8 --tp 1 --chips 8 --profile etched-claim"
expect_exit 0 "sohu by design: eval --json" -- $D --json
cp "$tmpd/out" "$tmpd/sram0.json"
expect_exit 0 "sohu by design, 30% SRAM, none resident: eval --json" -- $D --set design.frac_sram=0.3 --json
expect_err "warning: --set design\.frac_sram=0\.3 moves no throughput, latency, power or cost eval gives: sohu-design keeps no weights in its SRAM \(chip\.sram_resident_share = 0" "eval: an SRAM share with none resident is said to move nothing"
expect_err "add --set chip\.sram_resident_share=1 to weigh it" "eval: the SRAM warning names the fix"
if cmp -s "$tmpd/sram0.json" "$tmpd/out"; then
	echo "ok - eval: the JSON at 30% SRAM, none resident, is the 10% one byte for byte, as the warning says"
else
	echo "not ok - eval: 30% SRAM with none resident moved a figure: the warning is wrong"
	fails=$((fails + 1))
fi
expect_exit 0 "sohu by design, 30% SRAM, resident" -- $D --set design.frac_sram=0.3 --set chip.sram_resident_share=1 --json
expect_no_err "moves no throughput" "eval: no SRAM warning where weights are resident"
expect_exit 0 "h100: an L2 size with none resident" -- $E --set chip.sram_mb=100
expect_err "warning: --set chip\.sram_mb=100 moves no throughput, latency, power or cost eval gives: h100-sxm keeps no weights" "eval: chip.sram_mb with none resident is said to move nothing"
# a design.* key on a chip given by its spec sheet has its own warning
# (its [design] is not served): said once, not twice
expect_exit 0 "h100: a design SRAM share" -- $E --set design.frac_sram=0.2
expect_err "design\.frac_sram=0\.2 changes nothing eval computes: h100-sxm is given by its spec sheet" "eval: the spec sheet's warning"
expect_no_err "moves no throughput" "eval: no second warning of the same key"
# a sweep: an SRAM axis with none resident, and with a share set
printf '[base]\nscenario = etched-bench\nchip = sohu-design\nprofile = etched-claim\nset = scenario.tp=1\n[axes]\ndesign.frac_sram = 0.1, 0.2\n' >"$tmpd/sr.ini"
expect_exit 0 "sweep: an SRAM axis, none resident" -- $RL sweep "$tmpd/sr.ini" --db "$tmpd/sr.db"
expect_err "sr\.ini: axis design\.frac_sram moves no throughput, latency, power or cost: sohu-design keeps no weights in its SRAM" "sweep: the SRAM axis is said to move nothing"
expect_err "add set = chip\.sram_resident_share=1 to \[base\]" "sweep: the fix, in a spec's words"
printf '[base]\nscenario = etched-bench\nchip = sohu-design\nprofile = etched-claim\nset = scenario.tp=1\nset = chip.sram_resident_share=1\n[axes]\ndesign.frac_sram = 0.1, 0.2\n' >"$tmpd/sr1.ini"
expect_exit 0 "sweep: an SRAM axis, weights resident" -- $RL sweep "$tmpd/sr1.ini" --db "$tmpd/sr1.db"
expect_no_err "moves no throughput" "sweep: no SRAM warning where weights are resident"

# Sohu by design, 50% of its die in SRAM: 0.5 x 814 mm2 x 2.86 MB/mm2 =
# 1164.02 MB, read at 1164.02e6 x 0.9765625 / 1000 (= / 1024) x 1.5e9 =
# 1705.1 TB/s.  Llama-3 8B
# in 8 pipeline stages: the last stage holds 4 layers (4 x 218,112,000
# bytes at FP8) and the LM head (128256 x 4096 + 4096): 1,397,788,672
# bytes, more than the SRAM: it is full.
S="$RL eval --scenario etched-bench --chip sohu-design --model llama3-8b --profile etched-claim --set scenario.tp=1 --set scenario.pp=8 --set scenario.batch=64 --set design.frac_mac=0.1 --set design.frac_sram=0.5"
expect_exit 0 "sohu by design, resident: eval --json" -- $S --set chip.sram_resident_share=1 --json
expect_out '"sram_resident_bytes_per_chip": 11640200[0-9][0-9]' "1164.02 MB resident"
a=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
expect_exit 0 "sohu by design, no residency" -- $S --json
expect_out '"sram_resident_bytes_per_chip": 0$' "share 0: none resident"
b=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
if awk -v a="$a" -v b="$b" 'BEGIN { exit !(a > 1.5 * b) }'; then
	echo "ok - resident weights serve faster ($b -> $a output tokens/s)"
else
	echo "not ok - resident weights: $b -> $a output tokens/s"
	fails=$((fails + 1))
fi

# Without the HBM copy (chip.sram_hbm_copy = false) the resident bytes
# free HBM for the KV cache: the last stage (4 x 218,112,000 bytes of
# layers and the LM head's 128256 x 4096 + 4096 = 525,340,672: 1,397,788,672)
# keeps 1,164,020,000 of them resident and sets the capacity with and
# without the copy (the first stage, 872,448,000 bytes of layers resident
# and the 525,336,576-byte embedding in HBM, has 4,096 bytes more room), so
# the capacity grows by exactly 1,164,020,000 bytes
expect_exit 0 "sohu by design, resident, no HBM copy" -- $S --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false --json
c2=$(sed -n 's/.*"kv_capacity_bytes": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
expect_exit 0 "sohu by design, resident: eval --json again" -- $S --set chip.sram_resident_share=1 --json
c1=$(sed -n 's/.*"kv_capacity_bytes": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
if awk -v a="$c1" -v b="$c2" 'BEGIN { d = b - a - 1164020000; exit !(d < 1e4 && d > -1e4) }'; then
	echo "ok - no HBM copy: the KV capacity grows by the 1164.02 MB resident ($c1 -> $c2)"
else
	echo "not ok - no HBM copy: KV capacity $c1 -> $c2, expected +1164020000"
	fails=$((fails + 1))
fi
# Without HBM at all (design.hbm_stacks=0): tp 2 x pp 8 halves each chip's
# weights, the last stage's 1,397,788,672 / 2 = 698,894,336 bytes, within
# the 1,164,020,000 of SRAM; what they leave, 465,125,664 bytes, is the KV
# cache (etched-claim: no runtime, kv_fraction 1); no HBM traffic, MBU 0.
# At tp 1 the 1,397,788,672 bytes do not fit: refused, the fix named
N="$RL eval --scenario etched-bench --chip sohu-design --model llama3-8b --profile etched-claim --set scenario.pp=8 --set scenario.batch=64 --set design.frac_mac=0.1 --set design.frac_sram=0.5 --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false --set design.hbm_stacks=0"
expect_exit 2 "no HBM, tp 1: does not fit" -- $N --set scenario.tp=1
expect_err "1397\.8 MB of weights per chip exceed the 1164\.0 MB of SRAM kept for them .* more pipeline stages \(pp\) or tp split them" "the weights exceed the SRAM; more chips"
expect_exit 0 "no HBM, tp 2 x pp 8: served" -- $N --set scenario.tp=2 --set scenario.chips=16 --json
expect_out '"kv_capacity_bytes": 465125664,' "KV: the SRAM the weights leave"
expect_out '"hbm_bytes_per_s_per_chip": 0,' "no HBM traffic"
expect_out '"mbu": 0$' "MBU 0"
# without HBM the embedding is read from SRAM too, and counted resident:
# tp 4 x pp 3 (32 layers: 11, 11, 10), the first stage's 11 x 218,112,000
# bytes of layers and the 525,336,576 of the embedding over 4,
# 731,142,144, outweigh the last's 10 layers and the head's 525,340,672
# over 4, 676,615,168 (what it gave when the embedding was left out); tp 8
# x pp 1 holds the whole 8,030,261,248 / 8 = 1,003,782,656
N1=$(echo "$N" | sed 's/ --set scenario\.pp=8//')
expect_exit 0 "no HBM, tp 4 x pp 3" -- $N1 --set scenario.pp=3 --set scenario.tp=4 --set scenario.chips=12 --json
expect_out '"sram_resident_bytes_per_chip": 731142144$' "no HBM: the first stage's embedding resident"
expect_exit 0 "no HBM, tp 8 x pp 1" -- $N1 --set scenario.pp=1 --set scenario.tp=8 --set scenario.chips=8 --json
expect_out '"sram_resident_bytes_per_chip": 1003782656$' "no HBM: every weight resident"
# the table says what the engine assumes: the 698,894,336 bytes of
# weights (698.9 MB) and the 465,125,664 of KV (465.1 MB) in the
# 1,164,020,000 of SRAM, read at its 1705.1 TB/s
expect_exit 0 "no HBM, tp 2 x pp 8: the table" -- $N --set scenario.tp=2 --set scenario.chips=16
expect_out "^\(no HBM: the weights \(698\.9 MB a chip, the fullest stage's\), the runtime and the KV cache$" "the note: weights"
expect_out "^ \(465\.1 MB\) all in the 1164\.0 MB of SRAM that chip\.sram_resident_share x sram_mb keeps;$" "the note: KV and SRAM"
expect_out "read at chip\.sram_tbps, 1705\.1 TB/s, no$" "the note: the SRAM's bandwidth"
expect_out "^ needs more pipeline stages \(pp\) or tp\)$" "the note: the fix for a larger model"
expect_exit 0 "with HBM: the table" -- $S --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false
expect_no_out "no HBM" "with HBM: no such note"
# and the SRAM holds what it can: 0.5 x 814 x 2.86 = 1164.02 MB, under the
# last stage's 1,397,788,672 bytes (above): full
expect_out "^  sram_resident_bytes_per_chip +1164\.0 MB " "with HBM: 1164.0 MB resident, the SRAM full"

# No mapping of 4 chips fits the 1,164,020,000 bytes of SRAM: the most
# split, tp 4 x pp 1, holds 8,030,261,248 / 4 = 2,007,565,312 bytes (32 x
# 218,112,000 of layers, the embedding's 525,336,576, the head's
# 525,340,672).  5 chips: pp 5's last stage, 6 layers and the head,
# 1,834,012,672; 6: tp 2 x pp 3's, 10 layers and the head over 2,
# 1,353,230,336, pp 6's 1,615,900,672; 7: pp 7's, 4 layers and the head,
# 1,397,788,672: none fits.  8 chips: tp 8 x pp 1 (8,030,261,248 / 8 =
# 1,003,782,656), tp 4 x pp 2 (16 layers and the head over 4:
# 1,003,783,168) and tp 2 x pp 4 (8 layers and the head over 2:
# 1,135,118,336) fit, pp 8 (1,397,788,672) does not: the fewest chips 8
E4="$(echo "$N" | sed 's/scenario\.pp=8/scenario.pp=4/') --set scenario.tp=1 --set scenario.chips=4"
expect_exit 2 "no HBM, 4 chips: none fits" -- $E4
expect_err "no mapping of 4 chips fits; the fewest chips that fit: 8 \(" "eval names the fewest chips that fit"
# (spelled as claim spells a mapping: TP and PP, no DP1)
for m in "TP8 x PP1" "TP4 x PP2" "TP2 x PP4"; do
	expect_err "fewest chips that fit: 8 \(.*$m" "eval lists $m"
done
if grep -q "TP1 x PP8" "$tmpd/err"; then
	echo "not ok - tp 1 x pp 8 listed, whose last stage does not fit"
	fails=$((fails + 1))
else
	echo "ok - tp 1 x pp 8, whose last stage does not fit, not listed"
fi
# Fitting is not monotone in the chips, and the fewest-chips search tries
# each mapping once, at the first multiple of tp x pp x ep above the
# chips: it must still find what a search of every mapping of every number
# finds.  9 chips (32 heads: tp 1 alone divides 9): pp 9's first stage, 4
# layers and the embedding, 1,397,784,576 bytes; pp 3's 11 layers; none
# fits.  10 chips: tp 2 x pp 5 (7, 7, 6, 6, 6 layers) holds the first
# stage's 7 x 218,112,000 and the embedding's 525,336,576 over 2,
# 1,026,060,288, and the last's 6 layers and the head's 525,340,672 over
# 2, 917,006,336, within the 1,164,020,000 (tp 1 x pp 10's first, 4
# layers and the embedding, does not): 10, TP2 x PP5 alone.  11 chips: tp
# 1 x pp 11's first stage, 3 layers and the embedding, 1,179,672,576: none
# fits.  12: tp 2 x pp 6 (first: 6 layers and the embedding over 2,
# 917,004,288) and tp 4 x pp 3 (731,142,144) fit, tp 1 x pp 12 (its first
# 1,179,672,576) does not: 12, though 10 fits
E1="$(echo "$N" | sed 's/scenario\.pp=8/scenario.pp=1/') --set scenario.tp=1"
expect_exit 2 "no HBM, 9 chips: none fits" -- $E1 --set scenario.chips=9
expect_err "; no mapping of 9 chips fits; the fewest chips that fit: 10 \(TP2 x PP5\)$" "9 chips: the fewest 10, TP2 x PP5 alone"
expect_exit 2 "no HBM, 11 chips: none fits" -- $E1 --set scenario.chips=11
expect_err "; no mapping of 11 chips fits; the fewest chips that fit: 12 \(TP2 x PP6, TP4 x PP3\)$" "11 chips: the fewest 12, not 10"
# curve refuses the same with the same words: at pp 8 on 8 chips (its
# last stage 1,397,788,672 bytes) the mappings of 8 chips that fit; on 4
# chips the fewest, 8
C8="$RL curve --scenario etched-bench --chip sohu-design --model llama3-8b --profile etched-claim --set design.frac_mac=0.1 --set design.frac_sram=0.5 --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false --set design.hbm_stacks=0 --set scenario.tp=1"
expect_exit 2 "curve, no HBM, pp 8 on 8 chips" -- $C8 --set scenario.pp=8 --set scenario.chips=8
expect_err "1397\.8 MB of weights per chip exceed .*; mappings of 8 chips that fit: .*TP2 x PP4" "curve lists the mappings that fit"
expect_exit 2 "curve, no HBM, pp 4 on 4 chips" -- $C8 --set scenario.pp=4 --set scenario.chips=4
expect_err "no mapping of 4 chips fits; the fewest chips that fit: 8 \(" "curve names the fewest chips"
# claim's side b without HBM on the claim's 8 chips, Llama-3 70B FP8: 80
# layers of 855,654,400 bytes (2 x 8192^2 + 2 x 8192 x 1024 + 3 x 8192 x
# 28672 + 2 x 8192), the embedding's 1,050,673,152 and the head's
# 1,050,681,344: 70,553,706,496 bytes, 8,819.2 MB a chip at tp 8.  At
# least 70,553,706,496 / 1,164,020,000 = 60.6 chips; 61 to 63 split only
# as tp 1 or tp 2 x pp 31, whose last stage (a layer and the head;
# 2 layers and the head over 2, 1,380,995,072) does not fit; 64 chips:
# tp 64 x pp 1 (1,102,401,664), tp 32 x pp 2 (1,102,401,792) and tp 16 x
# pp 4 (20 layers and the head over 16, 1,135,235,584) fit, tp 8 x pp 8
# (1,200,903,168) does not
expect_exit 2 "claim, side b without HBM" -- $RL claim --b sohu-design,design.hbm_stacks=0,chip.sram_resident_share=1,chip.sram_hbm_copy=false,design.frac_sram=0.5,design.frac_mac=0.1
expect_err "side b \(sohu-design\): model does not fit: 8819\.2 MB of weights per chip .*; no mapping of 8 chips fits; the fewest chips that fit: 64 \(" "claim names the fewest chips"
for m in "TP64 x PP1" "TP32 x PP2" "TP16 x PP4"; do
	expect_err "fewest chips that fit: 64 \(.*$m" "claim lists $m"
done
M4="$RL map --scenario etched-bench --chip sohu-design --model llama3-8b --profile etched-claim --set scenario.batch=64 --set design.frac_mac=0.1 --set design.frac_sram=0.5 --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false --set design.hbm_stacks=0 --chips 4"
expect_exit 0 "map, no HBM, 4 chips" -- $M4
# map says it in eval's words (one function, rl_map_none_fits_words),
# where it wrote "(the fewest chips of which a mapping fits: 8: ...)": at
# TP4 each chip holds a quarter of Llama-3 8B's 8,030,261,248 FP8 weight
# bytes, 2,007.6 MB, over the 0.5 x 814 mm2 x 2.86 MB/mm2 = 1,164.0 MB of
# SRAM the share keeps
expect_out "^\(at the most split, TP4 x PP1: model does not fit: 2007\.6 MB of weights per chip exceed the 1164\.0 MB of SRAM" "map says why none fits"
expect_out "^\(no mapping of 4 chips fits; the fewest chips that fit: 8 \(.*\); map --chips 8 ranks them\)$" "map names the fewest chips, in eval's words"
cp "$tmpd/out" "$tmpd/human4"
expect_exit 0 "map --json, no HBM, 4 chips" -- $M4 --json
expect_out '"best": null' "JSON: no best"
# none_fits.words: the sentence the table prints under it (in its
# parentheses), read as strict UTF-8 JSON, where JSON had the numbers alone
nfw() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["none_fits"]["words"])' "$tmpd/out"; }
if have python3 "none_fits.words read from the JSON"; then
	w=$(nfw)
	case "$w" in
	"no mapping of 4 chips fits; the fewest chips that fit: 8 ("*"); map --chips 8 ranks them") echo "ok - JSON: none_fits.words" ;;
	*) echo "not ok - JSON: none_fits.words: '$w'"; fails=$((fails + 1)) ;;
	esac
	if grep -Fxq "($w)" "$tmpd/human4"; then echo "ok - JSON words = the table's line"
	else echo "not ok - JSON words '$w' not the table's line"; fails=$((fails + 1)); fi
fi
expect_out '"fewest_chips": 8,' "JSON: the fewest chips"
expect_out '"reason": "model does not fit: 2007\.6 MB' "JSON: the reason"
expect_exit 0 "map --json, no HBM, 16 chips" -- $(echo "$M4" | sed 's/--chips 4/--chips 16/') --json
expect_out '"none_fits": null' "JSON: none_fits null where one fits"
# A spec-sheet chip without HBM and 1 MB of SRAM: at tp 32 x pp 32 (the
# model's 32 heads x 32 layers, 1,024 chips) a chip holds a layer's
# 218,112,000 / 32 = 6,816,000 bytes, more than 1 MB: no number of chips
# up to 1,024 serves it
expect_exit 0 "map, 1 MB of SRAM" -- $RL map --chip h100-sxm --model llama3-8b --precision fp8 --chips 8 --profile ideal --set chip.hbm_gb=0 --set chip.hbm_tbps=0 --set chip.sram_mb=1 --set chip.sram_tbps=10 --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false
expect_out "^\(no mapping of 8 chips fits, nor of any number up to 1024 \(the model's 32 heads x its 32 layers: tp and pp at their most\)\)$" "none up to heads x layers"
expect_exit 0 "map --json, 1 MB of SRAM" -- $RL map --chip h100-sxm --model llama3-8b --precision fp8 --chips 8 --profile ideal --set chip.hbm_gb=0 --set chip.hbm_tbps=0 --set chip.sram_mb=1 --set chip.sram_tbps=10 --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false --json
if have python3 "none_fits.words up to heads x layers"; then
	w=$(nfw)
	if [ "$w" = "no mapping of 8 chips fits, nor of any number up to 1024 (the model's 32 heads x its 32 layers: tp and pp at their most)" ]; then echo "ok - JSON words: none up to heads x layers"
	else echo "not ok - JSON words: '$w'"; fails=$((fails + 1)); fi
fi
# the search's end (4,096 chips) named only where the product passes it:
# 32 heads x 128 layers = 4,096 is the model's own (a layer's 6,816,000
# bytes over 32 still more than 1 MB), where map and eval called it cut
# (they tested < 4,096); Mixtral 8x7B's 32 heads x 32 layers x 8 experts
# = 8,192 is cut, and map names its experts, where it said 'heads x
# layers' (1,024) beside 4,096
M1="$RL map --chip h100-sxm --precision fp8 --chips 8 --profile ideal --set chip.hbm_gb=0 --set chip.hbm_tbps=0 --set chip.sram_mb=1 --set chip.sram_tbps=10 --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false"
expect_exit 0 "map, 1 MB of SRAM, 128 layers" -- $M1 --model llama3-8b --set model.layers=128
expect_out "^\(no mapping of 8 chips fits, nor of any number up to 4096 \(the model's 32 heads x its 128 layers: tp and pp at their most\)\)$" "4,096 = 32 x 128: not cut"
expect_exit 2 "eval, 1 MB of SRAM, 128 layers" -- $(echo "$M1" | sed 's/ map / eval /; s/--chips 8/--tp 8/') --model llama3-8b --set model.layers=128
expect_err "nor of any number up to 4096 \(the model's 32 heads x its 128 layers: tp and pp at their most\)" "eval: 4,096 = 32 x 128: not cut"
expect_exit 0 "map, 1 MB of SRAM, Mixtral 8x7B" -- $M1 --model mixtral-8x7b
expect_out "^\(no mapping of 8 chips fits, nor of any number up to 4096 \(the search's end, under the model's 32 heads x its 32 layers x its 8 experts: tp and pp at their most\)\)$" "8,192 = 32 x 32 x 8: cut, its experts named"
expect_exit 2 "eval, 1 MB of SRAM, Mixtral 8x7B" -- $(echo "$M1" | sed 's/ map / eval /; s/--chips 8/--tp 8/') --model mixtral-8x7b
expect_err "; no mapping of 8 chips fits, nor of any number up to 4096 \(the search's end, under the model's 32 heads x its 32 layers x its 8 experts: tp and pp at their most\)$" "eval: the same words as map's, its 8 experts named"
# on more chips than the search tries (Llama-3 8B's 32 heads x 32 layers,
# 1024) it tries none: map and eval say where it stops, not "up to 1024"
S1="--chip h100-sxm --model llama3-8b --precision fp8 --profile ideal --set chip.hbm_gb=0 --set chip.hbm_tbps=0 --set chip.sram_mb=1 --set chip.sram_tbps=10 --set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false"
expect_exit 0 "map, 1 MB of SRAM, 2000 chips" -- $RL map $S1 --chips 2000
expect_out "^\(no mapping of 2000 chips fits, and more are not tried: the search for the fewest chips stops at 1024 \(the model's 32 heads x its 32 layers: tp and pp at their most\)\)$" "map: where the search stops"
expect_exit 2 "eval, 1 MB of SRAM, 2000 chips" -- $RL eval $S1 --set scenario.chips=2000 --set scenario.tp=1
expect_err "; no mapping of 2000 chips fits, and more are not tried: the search for the fewest chips stops at 1024 \(the model's 32 heads x its 32 layers: tp and pp at their most\)$" "eval: where the search stops"
expect_exit 2 "eval, 1 MB of SRAM, 8 chips" -- $RL eval $S1 --set scenario.chips=8 --set scenario.tp=1
expect_err "; no mapping of 8 chips fits, nor of any number up to 1024 \(the model's 32 heads x its 32 layers: tp and pp at their most\)$" "eval: none up to 1024"

# area: the derived bandwidth and what the SRAM buys
expect_exit 0 "area: sohu by design" -- $RL area --chip sohu-design --set design.frac_sram=0.5 --set design.frac_mac=0.1
# 1164.02e6 x 0.9765625 / 1000 x 1.5e9 = 1.70511e15 B/s
expect_out "^  SRAM bandwidth \(TB/s\) +1705\.1 +- *$" "SRAM bandwidth 1705.1 TB/s"
# 1 byte per clock per kB is per 1,000 bytes (SI), not 1,024: 1164.02e6 /
# 1000 x 1.5e9 = 1.74603e15 B/s, where a KB of 1,024 gave 1705.1
expect_exit 0 "area: 1 byte per clock per kB" -- $RL area --chip sohu-design --set design.frac_sram=0.5 --set design.frac_mac=0.1 --set design.sram_b_per_clk_per_kb=1
expect_out "^  SRAM bandwidth \(TB/s\) +1746\.0 +- *$" "SRAM bandwidth 1746.0 TB/s at 1 per kB"
expect_out "^\(SRAM: takes its share of the die .* serving reads its capacity$" "share 0: says how serving would read it"
expect_exit 0 "area: resident" -- $RL area --chip sohu-design --set chip.sram_resident_share=1
# 0.1 x 814 x 2.86 = 232.80 MB, read at 232.804e6 x 0.9765625 / 1000 x
# 1.5e9 = 341.0 TB/s
expect_out "^\(SRAM: chip\.sram_resident_share 1 keeps up to 232\.8 MB of weights per chip resident,$" "resident: how much"
expect_out "^ read from it at 341\.0 TB/s instead of from HBM" "resident: at what bandwidth"
expect_exit 0 "area --json" -- $RL area --chip sohu-design --json
expect_out '"sram_tbps": 341\.0' "JSON: the derived SRAM bandwidth"

# The sweep: 15 x 15 shares, 0.02 to 0.58 by 0.04; its filter keeps the
# pairs whose MAC + SRAM is at most 0.60 (vector 0.07 + PHY 0.08 + other
# 0.25 = 0.40 of the die taken): i + j <= 14 of the grid's indices, 15 +
# 14 + ... + 1 = 120 pairs, all of them served; on the diagonal (the whole
# die) the best is inside it, not at either end
expect_exit 0 "the MAC-against-SRAM sweep" -- $RL sweep "$sroot/sweeps/sohu-mac-vs-sram.ini" --db "$tmpd/ms.db"
if grep -q "did not fit" "$tmpd/err"; then
	echo "not ok - every point served, yet the summary counts some not fitting"
	fails=$((fails + 1))
else
	echo "ok - every point served: no count of points not fitting"
fi
if have sqlite3 "the points served, counted in the database"; then
	n=$(sqlite3 "$tmpd/ms.db" "SELECT count(*) FROM results WHERE status = 0")
	best=$(sqlite3 "$tmpd/ms.db" "SELECT design_frac_mac FROM results WHERE status = 0 AND abs(design_frac_mac + design_frac_sram - 0.6) < 1e-9 ORDER BY throughput_output_tokens_per_s DESC LIMIT 1")
	t=$(sqlite3 "$tmpd/ms.db" "SELECT count(*) FROM results")
	if [ "$n" = 120 ] && [ "$t" = 120 ]; then
		echo "ok - 120 pairs within the die's budget, all served"
	else
		echo "not ok - $n of $t points served, expected 120 of 120"
		fails=$((fails + 1))
	fi
	if awk -v m="$best" 'BEGIN { exit !(m > 0.03 && m < 0.57) }'; then
		echo "ok - the diagonal's best MAC share, $best, is inside it"
	else
		echo "not ok - the diagonal's best MAC share is $best, at an end"
		fails=$((fails + 1))
	fi
fi

# The sweep without HBM: the same 120 pairs; the last of 16 stages holds
# 961,564,672 bytes (2 x 218,112,000 + 525,340,672), which fit in SRAM
# from 0.42 of the die on (0.42 x 814 x 2.86 = 977.8 MB; 0.38: 884.7 MB):
# 5 + 4 + 3 + 2 + 1 = 15 pairs (SRAM 0.42 to 0.58, MAC up to 0.60 less
# it) served, the other 105 do not fit (status 3, RL_ENOFIT); on the
# diagonal the best is inside the five that fit (MAC 0.02 to 0.18), not at
# either end
# With HBM and resident weights, a model that does not fit says what the
# plain path says where chips are left over: Llama-3 70B FP16, 2 x
# 70,553,706,496 = 141.1 GB a chip at tp 1, exceeds an H100's 80 GiB (85.9
# GB); on 8 chips tp 1 leaves 7 to split over (both hints, the copy's
# first), on 1 chip none (the copy's alone), and without the copy the
# split's alone
H="$RL eval --chip h100-sxm --model llama3-70b --precision fp16 --set scenario.tp=1 --set chip.sram_mb=50 --set chip.sram_tbps=10 --set chip.sram_resident_share=1"
expect_exit 2 "resident, 70B FP16 on 8 chips at tp 1" -- $H --set scenario.chips=8
expect_err "exceed the chip's 85\.9 GB by [0-9.]* GB \(chip\.sram_hbm_copy = false would free the resident weights' copy; more tp, pp or ep would split them further\)" "both hints"
expect_exit 2 "resident, no copy, 8 chips" -- $H --set scenario.chips=8 --set chip.sram_hbm_copy=false
expect_err "exceed the chip's 85\.9 GB by [0-9.]* GB \(more tp, pp or ep would split them further\)" "the split's hint"
expect_exit 2 "resident, 1 chip" -- $H --set scenario.chips=1
expect_err "by [0-9.]* GB \(chip\.sram_hbm_copy = false would free the resident weights' copy\);" "the copy's hint alone"
expect_exit 2 "resident, no copy, 1 chip" -- $H --set scenario.chips=1 --set chip.sram_hbm_copy=false
expect_err "by [0-9.]* GB; no mapping of 1 chip fits" "no hint"

expect_exit 0 "the SRAM-only sweep" -- $RL sweep "$sroot/sweeps/sohu-sram-only.ini" --db "$tmpd/so.db"
# its summary says how many of the 120 stored served: 15, 105 not fitting
expect_err "^rooflab sweep: of the 120 stored, 105 did not fit in memory \(status 3\) and 0 were not evaluable \(another status\), their outputs NULL; 15 served \(status 0\)$" "the summary counts the points that do not fit"
if have sqlite3 "the points served of the 120, counted in the database"; then
	n=$(sqlite3 "$tmpd/so.db" "SELECT count(*) FROM results WHERE status = 0")
	nf=$(sqlite3 "$tmpd/so.db" "SELECT count(*) FROM results WHERE status = 3")
	lo=$(sqlite3 "$tmpd/so.db" "SELECT min(design_frac_sram) FROM results WHERE status = 0")
	best=$(sqlite3 "$tmpd/so.db" "SELECT design_frac_mac FROM results WHERE status = 0 AND abs(design_frac_mac + design_frac_sram - 0.6) < 1e-9 ORDER BY throughput_output_tokens_per_s DESC LIMIT 1")
	if [ "$n" = 15 ] && [ "$nf" = 105 ] && awk -v s="$lo" 'BEGIN { exit !(s > 0.41 && s < 0.43) }'; then
		echo "ok - without HBM 15 pairs fit (SRAM from 0.42 of the die), 105 do not"
	else
		echo "not ok - without HBM: $n served, $nf not fitting, least SRAM share $lo"
		fails=$((fails + 1))
	fi
	if awk -v m="$best" 'BEGIN { exit !(m > 0.03 && m < 0.17) }'; then
		echo "ok - without HBM the diagonal's best MAC share, $best, is inside the designs that fit"
	else
		echo "not ok - without HBM the diagonal's best MAC share is $best, at an end"
		fails=$((fails + 1))
	fi
fi
finish
