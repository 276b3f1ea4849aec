#!/bin/sh
# cli_area.sh: the command-line contract of `rooflab area` and of the power
# and cost outputs of `rooflab eval` (issue 3), and every bad input of the
# silicon model (exit 2 and a message; physical violations are warnings).
. "$(dirname "$0")/clilib.sh"
# checks here read area's and eval's JSON with python3: without it the
# file says so and stops
have python3 "cli_area.sh: the JSON read back" || finish

A="$RL area --chip h100-sxm"

expect_exit 0 "area prints a table" -- $A
expect_out "mac +27.5 +2.70 B +3.38%" "H100 MAC block: 528 x 512 x 10,000 = 2.70 B = 3.38% of 80 B"
expect_out "peak BF16 dense \(TFLOPS\) +989.4 +989.4" "H100 derived BF16 peak 2 x 270,336 x 1.83 GHz"
expect_exit 0 "area --json" -- $A --json
for k in '"die"' '"area_mm2": 814' '"transistors": 8e\+10' '"blocks"' '"name": "mac"' \
	'"share"' '"peak"' '"tflops"' '"bf16": 989.42976' '"fp8": 1978.85952' \
	'"sram_mb"' '"hbm"' '"capacity_gb"' '"bandwidth_tbps": 3.35' '"power"' \
	'"tdp_w": 700' '"cost"' '"die_usd"' '"yield"' '"dies_per_wafer": 63' \
	'"violations"'; do
	expect_out "$k" "area json has $k"
done
# 528 x 512 x 10,000 / 80e9 = 0.033792 (hardware.csv, claims.md)
expect_out '"transistor_share": 0.033792' "H100 MAC transistor share by hand"
# the full-load power's terms, each by hand (docs/power.md, "Power and the TDP"),
# and all of them in the line, so that they make its total (the line left
# out clocked logic and PHYs: 70 + 689 + 26 + 134 = 919, not 1036):
# clocked 67 mW/mm2/GHz x 814 mm2 x 1.83 GHz = 99.80454 W; PHY 0.65 pJ/bit
# x 8 x 3.35 TB/s = 17.42 W; MAC 0.195 pJ (n4 FP8) x 3.57 x 1978.85952e12
# / 2 FMA/s = 688.79 W; SRAM 0.97 pJ/B x (0.01 x 1978.86e12 + 2 x
# 3.35e12) B/s = 25.69 W; HBM 5 pJ/bit x 8 x 3.35e12 = 134 W; static
# the measured idle_w 70 W (its 5 stacks' 0.15 W/GB x 85.89934592 GB =
# 12.884901888 W in it: power.hbm_idle_w_per_gb, idle_hbm_gb): 70 + 99.80
# + 17.42 + 688.79 + 25.69 + 134 = 1035.71 W
expect_out '"clocked_w": 99.8045' "area json: clocked logic by hand"
expect_out '"phy_w": 17.42' "area json: HBM PHYs by hand"
expect_out '"full_load_w": 1035.7' "area json: full-load power, the six terms by hand"
expect_exit 0 "area table" -- $A
expect_out "1036 W = static 70 \+ clocked 100 \+ PHY 17 \+ MAC 689 \+ SRAM 26 \+ HBM 134" \
	"area's power line names every term of its total"
# static power derived from the measured idle (power.idle_w, model/power.c
# rl_power_board_w): idle 80 W, the same stacks, static 80 and 10 W more
# at full load (1035.71 + 10 = 1045.71); at 0.3 W/GB of stacks the
# measured 70 W holds (its board 70 - 25.77 = 44.23 W); a static_w
# beside a measured idle would not be read, and an idle below its stacks'
# (1 W/GB x 85.9 GB = 85.9 W over 70) contradicts it: both refused
expect_exit 0 "area: idle_w 80" -- $A --set power.idle_w=80
expect_out "1046 W = static 80 \+ clocked 100" "area: static from a measured idle of 80 W"
expect_exit 0 "area: 0.3 W/GB of stacks" -- $A --set power.hbm_idle_w_per_gb=0.3
expect_out "1036 W = static 70 \+ clocked 100" "area: the measured idle holds whatever the stacks' share"
expect_exit 2 "area: static_w beside idle_w" -- $A --set power.static_w=60
expect_err "power.static_w \(60 W\) and power.idle_w \(70 W\) are both given" "area: static_w and idle_w both named"
expect_exit 2 "eval: static_w beside idle_w" -- $RL eval --chip h100-sxm --model llama3-8b --set power.static_w=60
expect_err "power.static_w \(60 W\) and power.idle_w \(70 W\) are both given" "eval: static_w and idle_w both named"
# where they come from: idle_w 70 from the chip's preset, static_w from
# the --set or from a chip file of the user's that takes the H100's
expect_err "h100-sxm\.ini with power\.static_w=60: power\.static_w" "eval: the chip file and the --set named"
printf '[preset]\nchip = h100-sxm\n[power]\nstatic_w = 40\n' >"$tmpd/static40.ini"
expect_exit 2 "area: a chip file giving static_w beside the H100's idle_w" -- $RL area --chip "$tmpd/static40.ini"
expect_err "static40\.ini: power\.static_w \(40 W\) and power\.idle_w \(70 W\)" "area: the user's chip file named"
expect_exit 2 "eval: idle below its stacks'" -- $RL eval --chip h100-sxm --model llama3-8b --set power.hbm_idle_w_per_gb=1
expect_err "power.idle_w 70 W is less than the 85.8993 W" "eval: idle below its stacks' idle, by hand 1 x 85.9"
expect_exit 0 "eval: the H100's static power from its idle" -- $RL eval --chip h100-sxm --model llama3-8b --json
cp "$tmpd/out" "$tmpd/idle70.json"
expect_exit 0 "eval: static_w alone once idle_w is 0" -- $RL eval --chip h100-sxm --model llama3-8b --set power.idle_w=0 --set power.static_w=60 --json
# static_w 60 W takes the place of the board and die's static power the
# 70 W idle gave, 70 - 0.15 W/GB x 85.89934592 GB = 57.115098112 W (the
# stacks' idle counted apart either way): both phases draw 2.884901888 W
# more
if python3 -c "
import json
a = json.load(open('$tmpd/idle70.json'))['power']
b = json.load(open('$tmpd/out'))['power']
for k in ('prefill_watts', 'decode_watts'):
    assert abs(b[k] - a[k] - 2.884901888) < 1e-6, (k, b[k] - a[k])
" 2>"$tmpd/err"; then
	echo "ok - eval: static_w 60 in place of the idle's 57.115 W: 2.885 W more in each phase"
else
	echo "not ok - eval: static_w alone"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "area table, again" -- $A
# the H100 has HBM and a wafer price (n4), so its cost is known: one cost
# line, 3,513 USD (the json's 3512.58), and no 'unknown' beside it (the
# 'unknown' line was the else of the no-HBM note, printed for every chip
# with HBM)
expect_out '^manufacturing cost: 63 dies per wafer, .* chip 3513 USD ' "the H100's cost line, in USD as eval and claim write it"
expect_no_out "manufacturing cost: unknown" "a known cost is not also called unknown"
# HBM bandwidth in TB/s, as chip.hbm_tbps and eval give it (it was GB/s
# here alone): the H100's sheet 3.35 TB/s (data/chips/h100-sxm.ini), its
# design 5 stacks x 670 GB/s = 3.35 TB/s
expect_out "^  HBM bandwidth \(TB/s\) +3\.350 +3\.350$" "the H100's HBM bandwidth in TB/s"
# two dies: the package pays both (cost.c: dies x die), and the words say
# so: 2 x 554.09 + 1288 HBM + 1670 package = 3512.58 + 554.09 = 4066.67;
# the MAC arrays split between them, 27.5 / 2 = 13.8 mm2 a die
expect_exit 0 "H100 design as two dies" -- $A --set design.dies=2
expect_out '^manufacturing cost: .* die 554 USD x 2, HBM 1288 USD, package 1670 USD: chip 4067 USD ' "two dies: the die cost times 2, and the sum adds up"
expect_out "^  \(blocks per die; the package has 2\)$" "two dies: the block table is per die"
expect_out "^  mac +13\.8 +1\.35 B" "two dies: half the MAC arrays on each"
# GDDR6 (chip.memory): no price per GB, so the cost is unknown, the die's
# and the package's said: 554.09 die, 1670 - 750 interposer = 920; with no
# wafer price nothing is worked out and the node is the reason (it printed
# 'die $nan, package without interposer $nan')
expect_exit 0 "H100 design with GDDR6" -- $A --set chip.memory=gddr6
expect_out '^manufacturing cost: unknown \(die 554 USD;$' "GDDR6: the cost unknown, the die's by hand"
expect_out '^ chip.memory gddr6: no price per GB of GDDR6 in data/sources/silicon.csv;$' "GDDR6: why the cost is unknown"
expect_out '^ package without interposer 920 USD\)$' "GDDR6: the package by hand"
expect_exit 0 "H100 design with GDDR6 and no wafer price" -- $A --set chip.memory=gddr6 --set node.wafer_usd=0
expect_out '^manufacturing cost: unknown \(node n4 gives no wafer price: no die cost;$' "no wafer price: the node named"
expect_no_out 'nan' "no wafer price: no NaN printed"
expect_exit 0 "A100 area" -- $RL area --chip a100-sxm --json --precision bf16
# 432 x 256 x 10,000 / 54.2e9 = 0.0204044...; 2 x 110,592 x 1.41 GHz = 311.86944
expect_out '"transistor_share": 0.0204044' "A100 MAC transistor share by hand"
expect_out '"bf16": 311.86944' "A100 derived BF16 peak by hand"
expect_exit 0 "Sohu by design" -- $RL area --chip sohu-design --json
# 4 x 36 GiB = 154.618822656 GB; 4 x 1.2 TB/s
expect_out '"capacity_gb": 154.6188' "Sohu HBM capacity by hand"
expect_out '"bandwidth_tbps": 4.8' "Sohu HBM bandwidth by hand"
# its full-load power, each term by hand from sohu-design.ini and n4: the
# PHYs read the derived 4.8 TB/s (area passed the preset's chip, whose
# bandwidth a chip by design leaves at 0: PHY 0 W, total 1812 W):
# static 57.1151 + its 4 stacks' idle 0.15 W/GB x 154.6188 GB = 23.1928
# (power.hbm_idle_w_per_gb): 80.3079; clocked 67 mW/mm2/GHz x 814 x 1.5 = 81.81; PHY 0.65 pJ/bit x
# 8 x 4.8e12 = 24.96; MAC 0.195 pJ x 1.5 x 9601.9e12 / 2 = 1404.28; SRAM
# 0.97 pJ/B x (0.01 x 9601.9e12 + 2 x 4.8e12) = 102.45; HBM 4 pJ/bit x 8 x
# 4.8e12 = 153.6: 1837.1 W at the n4 energies as they hold at 1.83 GHz
# (n4.ini ref_clock_ghz); at its 1.5 GHz, 1.5 / 1.83 = 0.8197 of them
# (power.dvfs_exponent 1): clocked 81.807 x 1.5 / 1.83 = 67.055, MAC 1404.28 x
# 0.8197 = 1151.05, the rest as they are: 1579.4 W (1569.1 with the
# static 70 of before 2026-11-30)
expect_out '"phy_w": 24.96' "Sohu by design: its PHYs at the derived bandwidth"
expect_out '"clocked_w": 67\.05' "Sohu by design: clocked logic at 1.5 / 1.83 of the node's energy"
expect_out '"full_load_w": 1579\.4' "Sohu by design: full-load power by hand"
# the TDP sets the clock the chip runs at, not a share of whatever nominal
# clock it is given: with phi = clock / 1.83 GHz, MAC 1404.28 x (1.83 /
# 1.5) phi^2 = 1713.2 phi^2, clocked 99.80 phi^2, SRAM 9.31 + 113.63 phi,
# static, PHY and HBM 258.87: 700 W at 1813.0 phi^2 + 113.63 phi = 431.82,
# phi = 0.4577, 0.838 GHz from a nominal 1.5 GHz (0.558 of it) and from
# 2.5 GHz (0.335: under 1.83 GHz no premium, power.dvfs_exponent_above);
# with the static 70 of before 2026-11-30, 442.13, 0.848 GHz; before that
# the energy followed the nominal clock, and 2.5 GHz ran faster at the
# same 700 W (0.981 GHz against 0.773 from 1.5)
expect_exit 0 "Sohu by design at its 1.5 GHz" -- $RL area --chip sohu-design
expect_out "clock to 0\.558 of nominal \(0\.838 GHz\)" "the TDP's clock from 1.5 GHz"
expect_exit 0 "Sohu by design at 2.5 GHz" -- $RL area --chip sohu-design --set design.clock_ghz=2.5
expect_out "clock to 0\.335 of nominal \(0\.838 GHz\)" "the same clock at the TDP from 2.5 GHz"
# (small52) the design's clock as given, in all its digits (rl_number_write),
# where %.3g wrote 1.75 of design.clock_ghz 1.755: the MAC arrays' line
# and the energies' note; 1.755 / 1.83 = 0.959 of the energies
expect_exit 0 "Sohu by design at 1.755 GHz" -- $RL area --chip sohu-design --set design.clock_ghz=1.755
expect_out "of the transistors\), at 1\.755 GHz$" "the MAC arrays' clock in all its digits"
expect_out "^ at the design's 1\.755 GHz, 0\.959 of them\)$" "the energies' note: the clock in all its digits"
expect_no_out "1\.75 GHz" "no clock cut to three digits"
expect_exit 0 "H100 area with 8 stacks" -- $RL area --chip h100-sxm --set design.hbm_stacks=8 --json
# 8 x 670 GB/s = 5.36 TB/s: PHY 0.65 x 8 x 5.36 = 27.872 W
expect_out '"phy_w": 27.872' "8 stacks: the PHYs at the design's 5.36 TB/s"

# SRAM: area shows what the design holds and that serving reads it only
# through chip.sram_resident_share (0 in every preset; tests/cli_sram.sh
# turns it on); so at that 0 Sohu by design serves the same at 5% and at
# 30% of its die in SRAM (its shares then add to 0.20 + 0.07 + 0.30 + 0.08
# + 0.25 = 0.90, within the die), its MAC arrays unchanged
expect_exit 0 "area: the SRAM note" -- $RL area --chip sohu-design
expect_out "^\(SRAM: takes its share of the die and energy per FLOP; serving reads its capacity$" "area says serving reads SRAM only through the resident share"
expect_out "^ bandwidth instead of HBM's: 0 here, as for a cache such as a GPU's L2, which$" "area says the share is 0 here"
S="$RL eval --chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --profile etched-claim --json"
expect_exit 0 "sohu by design, 5% SRAM" -- $S --set design.frac_sram=0.05
a=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
expect_exit 0 "sohu by design, 30% SRAM" -- $S --set design.frac_sram=0.3
b=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
if [ -n "$a" ] && [ "$a" = "$b" ]; then
	echo "ok - SRAM's share changes no serving figure at resident share 0 ($a tokens/s)"
else
	echo "not ok - SRAM's share changed the throughput ($a -> $b): the note is wrong"
	fails=$((fails + 1))
fi

# a die over the reticle is a physical violation: warning, listed, exit 0
expect_exit 0 "die over the reticle warns" -- $RL area --chip sohu-design --set design.die_mm2=1000 --json
expect_err "warning: reticle: a 1000 mm2 die exceeds the 858 mm2" "warning names the reticle"
expect_out '"reticle: a 1000 mm2 die' "violations list the reticle"
expect_exit 0 "HBM stacks that do not fit warn" -- $RL area --chip sohu-design --set design.die_mm2=200 --set design.hbm_stacks=8
expect_err "warning: hbm edge: 8 stacks per die need 52.0 mm" "warning names the HBM edge"

# eval gains power and cost
E="$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8"
# the TensorRT-LLM profile: this serving draws well under 700 W
expect_exit 0 "eval with power and cost" -- $E --profile trtllm-0.10 --json
expect_out '"watts": [0-9]' "eval json has power.watts"
expect_out '"usd_per_million_tokens_at_cost": [0-9]' "eval json has USD per million tokens at cost"
expect_out '"usd_per_million_tokens_at_price": [0-9]' "eval json has USD per million tokens at price"
expect_out '"limited": 0' "this workload stays under the TDP"
expect_out '"prefill_watts": [0-9]' "eval json has the prefill phase's power"
expect_out '"decode_watts": [0-9]' "eval json has the decode phase's power"
# a clocked, busy H100 on this workload draws more than an active chip doing
# nothing (70 static + 67 mW/mm2/GHz x 814 mm2 x 1.83 GHz = 99.8 clocked +
# 0.65 pJ/bit x 8 x 3.35 TB/s = 17.4 PHY = 187 W) and lands in the range
# docs/power.md assumes for a busy H100 serving inference: 40-75% of its 700 W TDP
w=$(sed -n 's/.*"watts": \([0-9.]*\).*/\1/p' "$tmpd/out" | head -1)
if awk -v w="$w" 'BEGIN { exit !(w >= 280 && w <= 525) }'; then
	echo "ok - H100 power on the Etched workload in 280-525 W ($w W)"
else
	echo "not ok - H100 power on the Etched workload $w W, outside 280-525 W"
	fails=$((fails + 1))
fi
# cost and price apart: the n4 cost model gives 3,512.59 USD (test_silicon.c),
# the preset's price is a DGX H100's ~269,000 USD / 8 = 33,625
expect_out '"chip_cost_usd": 3512\.58' "the H100's manufacturing cost from the cost model"
expect_out '"chip_price_usd": 33625[,}]' "the H100's price: the DGX H100 sale / 8"
expect_exit 0 "eval table names cost and price" -- $E --profile trtllm-0.10
expect_out 'usd_per_million_tokens_at_price +[0-9.]+ USD/Mtoken +chips at their price' "the table says which USD figure uses the price"
expect_out 'usd_per_million_tokens_at_cost +[0-9.]+ USD/Mtoken +chips at manufacturing cost' "the table says which uses the cost"
# a chip without a price (no source in the repository): n/a in the table, null in JSON
expect_exit 0 "b200: no price" -- $RL eval --chip b200 --model llama3-70b --precision fp8 --tp 8 --profile ideal
expect_out 'chip_price_usd +n/a' "no price prints n/a"
expect_exit 0 "b200: no price in JSON" -- $RL eval --chip b200 --model llama3-70b --precision fp8 --tp 8 --profile ideal --json
expect_out '"chip_price_usd": null' "no price is null"
expect_out '"usd_per_million_tokens_at_price": null' "no USD per token at a price that is unknown"
# Sohu as claimed: an assumed price, but no node, so no power: per token n/a
expect_exit 0 "sohu: price assumed, power unknown" -- $RL eval --chip sohu --model llama3-70b --precision fp8 --tp 8 --profile etched-claim --json
expect_out '"chip_price_usd": 33625[,}]' "sohu's assumed price"
expect_out '"chip_cost_usd": null' "sohu as claimed has no cost model"
expect_out '"usd_per_million_tokens_at_price": null' "no power, no USD per token"
expect_exit 2 "a negative price" -- $E --profile trtllm-0.10 --set cost.price_usd=-1
expect_err "cost.price_usd.*\[0, 100000000\]" "names the allowed range"
expect_exit 0 "compute-bound prefill hits the TDP" -- $RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 1 --tp 1 --profile ideal --json
expect_out '"limited": 1' "eval says the TDP limited the clock"
expect_out '"watts": (700|699\.9)' "power held at the 700 W TDP"
expect_exit 0 "no node: power unknown" -- $RL eval --chip b200 --model llama3-70b --precision fp8 --tp 8 --json
expect_out '"watts": null' "power is null without a node"
expect_exit 0 "eval a chip by design" -- $RL eval --chip sohu-design --model llama3-70b --precision fp8 --tp 8 --json --profile ideal
expect_out '"watts": [0-9]' "by-design chip has power"

# A spec-sheet chip (chip.by_design = false) takes its peaks and HBM from
# chip.*: its [design] stacks, shares and FMA units only derive the spec
# `area` shows.  So `eval --set design.hbm_stacks=8` on the H100 serves the
# same 3.35 TB/s: the same throughput, said in a warning (it was silent)
# that names the way to make it act; with chip.by_design = true the design
# acts: 8 stacks x 670 GB/s = 5.36 TB/s (area, by hand) and the same chip
# with more bandwidth serves at least as many tokens/s.  die_mm2 acts on a
# spec-sheet chip (its cost), so it draws no warning.
P="--profile trtllm-0.10 --json"
expect_exit 0 "eval: the H100 as it is" -- $E $P
t5=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
expect_exit 0 "eval: spec-sheet H100 with design.hbm_stacks=8" -- $E $P --set design.hbm_stacks=8
expect_err "warning: --set design.hbm_stacks=8 changes nothing eval computes: h100-sxm is given by its spec sheet \(chip.by_design = false\)" "eval warns that the design's stacks do not act"
expect_err "add --set chip.by_design=true" "the warning says how to make them act"
t8s=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
if [ -n "$t5" ] && [ "$t5" = "$t8s" ]; then
	echo "ok - the stacks did not act ($t5 = $t8s tokens/s)"
else
	echo "not ok - spec-sheet stacks changed the throughput ($t5 -> $t8s)"
	fails=$((fails + 1))
fi
expect_exit 0 "area: 8 stacks by design" -- $RL area --chip h100-sxm --set design.hbm_stacks=8 --json
expect_out '"bandwidth_tbps": 5.36' "8 x 670 GB/s by hand"
expect_exit 0 "eval: the H100 by design with 8 stacks" -- $E $P --set chip.by_design=true --set design.hbm_stacks=8
if grep -q 'warning' "$tmpd/err"; then
	echo "not ok - by design, the stacks act: no warning"; fails=$((fails + 1))
else
	echo "ok - by design, the stacks act: no warning"
fi
t8=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
if awk -v a="$t5" -v b="$t8" 'BEGIN { exit !(b > a) }'; then
	echo "ok - 5.36 TB/s by design serves more than 3.35 TB/s ($t8 > $t5)"
else
	echo "not ok - 5.36 TB/s by design serves $t8, not more than $t5"
	fails=$((fails + 1))
fi
for c in map curve; do
	if [ $c = map ]; then m="--chips 8"; else m="--tp 8"; fi
	# shellcheck disable=SC2086
	expect_exit 0 "$c: spec-sheet design.frac_mac" -- $RL $c --chip h100-sxm --model llama3-70b --precision fp8 $m --set design.frac_mac=0.1
	expect_err "warning: --set design.frac_mac=0.1 changes nothing $c computes" "$c warns too"
done
expect_exit 0 "eval: spec-sheet design.die_mm2 acts on cost" -- $E $P --set design.die_mm2=700
if grep -q 'warning' "$tmpd/err"; then
	echo "not ok - die_mm2 acts: no warning"; fails=$((fails + 1))
else
	echo "ok - die_mm2 acts: no warning"
fi
expect_no_out '"chip_cost_usd": 3512\.58' "a smaller die costs another amount"

# bad input: exit 2 and a message
expect_exit 2 "area without --chip" -- $RL area
expect_err "missing --chip" "names the missing option"
expect_exit 2 "chip without a design" -- $RL area --chip gb200
expect_err "gb200.ini: design: no die area: the chip preset needs a \[design\] section with die_mm2" "says the design is missing, with the chip's file"
# B200's reverse derivation (data/chips/b200.ini): two dies of 104e9
# transistors (208e9 / 2, hardware.csv); 148 SMs x 4 tensor cores x 1024
# FMA = 606,208 FMA x 10,000 = 6.06e9 of 208e9 = 2.914%; 2 x 606,208 x
# 1.8558 GHz = 2250.0 TFLOPS BF16 (hardware.csv 2250), FP8 x 2 = 4500, FP4
# x 4 = 9000; 8 stacks x 962.5 GB/s = 7.7 TB/s
expect_exit 0 "B200 area" -- $RL area --chip b200
expect_out "^die: 814 mm2 x 2, 104\.00 B transistors per die" "B200: two dies of 104 B"
expect_out "^MAC arrays: 606208 FP16 FMA units x 10000 transistors = 6\.06 B \(2\.91% of the transistors\)" "B200 MAC share by hand"
expect_out "peak BF16 dense \(TFLOPS\) +2250\.0 +2250\.0" "B200 BF16 peak by hand"
expect_out "peak FP4 dense \(TFLOPS\) +9000\.0 +9000\.0" "B200 FP4 peak by hand"
expect_out "HBM bandwidth \(TB/s\) +7\.700 +7\.700$" "B200 HBM 8 x 962.5 GB/s = 7.700 TB/s, in chip.hbm_tbps's unit"
expect_no_out "GB/s" "area gives no bandwidth in GB/s"
expect_out "^power: unknown" "B200 names no node: no power"
# no node, no die cost, said so (it printed "die $nan"); what needs no
# node is given: B200's HBM 8 x 24.15919104 GB x 15 USD/GB (cost.hbm_usd_per_gb)
# = 2899.08, its package 1,670 (cost.package_usd); the L40S's GDDR6 sits
# on no interposer: 1,670 - 750 (cost.interposer_usd) = 920
expect_out "^manufacturing cost: unknown \(no node \(\[preset\] node\): no wafer price, so no die cost;$" "B200: no node, no die cost, in words"
expect_out "^ HBM 2899 USD;$" "B200: its HBM's cost by hand, 8 x 24.16 GB x 15"
expect_out "^ package 1670 USD\)$" "B200: its package"
expect_no_out "nan" "B200: no NaN in the table"
expect_exit 0 "L40S area (GDDR6, no node)" -- $RL area --chip l40s
expect_out "^manufacturing cost: unknown \(no node \(\[preset\] node\): no wafer price, so no die cost;$" "L40S: no node, no die cost, in words"
expect_out "^ chip.memory gddr6: no price per GB of GDDR6 in data/sources/silicon.csv;$" "L40S: no GDDR6 price"
expect_out "^ package without interposer 920 USD\)$" "L40S: package 1670 - 750 by hand"
expect_no_out "nan" "L40S: no NaN in the table (it printed die \$nan)"
expect_exit 0 "L40S area json" -- $RL area --chip l40s --json
expect_out '"die_usd": null' "L40S json: no die cost"
expect_out '"package_usd": 920' "L40S json: the package, 1670 - 750"
expect_exit 0 "H100 with a node priced at 0" -- $RL area --chip h100-sxm --set node.wafer_usd=0
expect_out "^manufacturing cost: unknown \(node n4 gives no wafer price: no die cost;$" "a node without a wafer price named"
expect_out "^ HBM 1288 USD;$" "H100: HBM 85.9 GB x 15 by hand, 1288.5"
# 300 mm wafer, 90000 mm2 die: pi 150^2 / 90000 - pi 300 / sqrt(180000)
# = 0.79 - 2.22 < 1 whole die (cost.c rl_dies_per_wafer), by hand; n4 has
# its wafer price, so the line must not say it has none
expect_exit 0 "H100 with a die larger than its wafer" -- $RL area --chip h100-sxm --set design.die_mm2=90000
expect_out "^manufacturing cost: unknown \(no whole die of 90000 mm2 fits node n4's 300 mm wafer: no die cost;$" "a die no whole one of which fits the wafer, said so"
expect_no_out "gives no wafer price" "n4 prices its wafer"
# a node named by a path with an escape in it: the cost line gives its name
# with the controls as '?', as the 'design on node' line does (the escape
# reached the terminal from the cost line)
esc=$(printf 'n\033[31mred.ini')
sed 's/^wafer_usd.*/wafer_usd = 0/' "$ROOFLAB_DATA/nodes/n4.ini" >"$tmpd/$esc"
{ grep -v '^node = n4' "$ROOFLAB_DATA/chips/h100-sxm.ini"; printf 'node = %s\n' "$tmpd/$esc"; } >"$tmpd/escnode.ini"
expect_exit 0 "a node whose name holds an escape" -- $RL area --chip "$tmpd/escnode.ini"
expect_out "^manufacturing cost: unknown \(node .*n\?\[31mred gives no wafer price: no die cost;$" "the node's name with its escape as '?'"
if tr -d '\n' <"$tmpd/out" | od -An -c | grep -q '033'; then
	echo "not ok - an escape reached the output"; fails=$((fails + 1))
else echo "ok - no escape in the output"; fi
expect_exit 2 "shares over 1" -- $RL area --chip sohu-design --set design.frac_mac=0.9
expect_err "area shares add up to 1.4 > 1" "names the sum"
# and the fix on a fixed die: 0.9 + 0.07 + 0.10 + 0.08 + 0.25 = 1.40, 0.40
# over; the MAC arrays grow only as another block shrinks
expect_err "area shares add up to 1.4 > 1 .*: 0.4 over the die; on a fixed die a block grows only as others shrink by as much" "names how much to take from the other blocks"
expect_exit 2 "eval: shares over 1" -- $RL eval --chip sohu-design --model llama3-70b --tp 8 --set design.frac_mac=0.9 --profile ideal
expect_err "add up to 1.4 > 1" "eval names the sum"
expect_exit 2 "negative die area" -- $RL area --chip sohu-design --set design.die_mm2=-5
expect_err "design.die_mm2 = -5 is outside the allowed \[0, 100000\] mm2" "names the range"
expect_exit 2 "non-finite clock" -- $RL area --chip sohu-design --set design.clock_ghz=nan
expect_err "design.clock_ghz: value is not a finite number" "says not finite"
expect_exit 2 "infinite wafer price" -- $RL area --chip sohu-design --set node.wafer_usd=inf
expect_err "node.wafer_usd: value is not a finite number" "says not finite"
expect_exit 2 "share over 1 alone" -- $RL area --chip sohu-design --set design.frac_sram=1.5
expect_err "design.frac_sram = 1.5 is outside the allowed \[0, 1\]" "names the share range"
expect_exit 2 "unknown HBM generation" -- $RL area --chip sohu-design --set design.hbm_gen=hbm9
expect_err "'hbm9' is not one of none\|hbm2e\|hbm3\|hbm3e\|hbm4" "lists the generations"
printf '[preset]\nnode = n3\n[design]\ndie_mm2 = 500\n' >"$tmpd/n3chip.ini"
expect_exit 2 "a node with no preset" -- $RL area --chip "$tmpd/n3chip.ini"
expect_err "unknown node 'n3'; known: n4, n5, n7" "lists the known nodes"
printf '[design]\ndie_mm2 = 500\nfrac_mac = 0.2\n' >"$tmpd/nonode.ini"
expect_exit 2 "a design with no node" -- $RL area --chip "$tmpd/nonode.ini"
expect_err "nonode.ini: design: no transistor density: name a process node" "asks for a node, with the chip's file"
# (ux27) a design with its own density and an SRAM share but no node: the
# message said "(node.sram_mb_per_mm2: name a process node)" without how,
# where the density's says "[preset] node = n4"; both ways it names work
printf '[design]\ndie_mm2 = 500\nfrac_mac = 0.2\nfrac_sram = 0.3\ndensity_mtr_per_mm2 = 98.3\nclock_ghz = 1\n' >"$tmpd/nosram.ini"
expect_exit 2 "an SRAM share with no node" -- $RL area --chip "$tmpd/nosram.ini"
expect_err "nosram.ini: design: design.frac_sram > 0 needs an SRAM density: name a process node in the chip preset \(\[preset\] node = n4\) or set node.sram_mb_per_mm2$" \
	"says how to give an SRAM density"
printf '[preset]\nnode = n4\n' >>"$tmpd/nosram.ini"
expect_exit 0 "the same with [preset] node = n4" -- $RL area --chip "$tmpd/nosram.ini"
grep -v '^node = n4\|^\[preset\]' "$tmpd/nosram.ini" >"$tmpd/nosram2.ini"
expect_exit 0 "the same with --set node.sram_mb_per_mm2" -- $RL area --chip "$tmpd/nosram2.ini" --set node.sram_mb_per_mm2=30
# (ux27) a design file with no [power]: "static 8" W at full load, its
# HBM stacks' standby alone, read as the die's leakage; said, with how to
# add it.  A preset that gives static_w (sohu-design) or a measured idle
# (h100-sxm) has no such note
printf '[design]\ndie_mm2 = 500\nfrac_mac = 0.2\nclock_ghz = 1\nhbm_gen = hbm3e\nhbm_stacks = 2\n[preset]\nnode = n4\n' >"$tmpd/nostatic.ini"
expect_exit 0 "a design with no static power" -- $RL area --chip "$tmpd/nostatic.ini"
expect_out "^\(static [0-9]+ W is the HBM stacks' standby alone: neither power\.static_w nor$" \
	"says the static power is the stacks' alone"
expect_out "^ power\.idle_w is given, so no board or die leakage is counted; \[power\] static_w,$" \
	"says why"
expect_out "^ or --set power\.static_w=W, adds it\)$" "says how to add it"
expect_exit 0 "the same with --set power.static_w=50" -- $RL area --chip "$tmpd/nostatic.ini" --set power.static_w=50
expect_no_out "standby alone" "no note once static_w is given"
expect_exit 0 "area of sohu-design" -- $RL area --chip sohu-design
expect_no_out "standby alone" "no note for sohu-design (static_w given)"
expect_exit 0 "area of h100-sxm" -- $RL area --chip h100-sxm
expect_no_out "standby alone" "no note for h100-sxm (a measured idle)"
expect_exit 2 "by-design eval without a clock" -- $RL eval --chip sohu-design --model llama3-70b --tp 8 --set design.clock_ghz=0 --profile ideal
expect_err "design.clock_ghz > 0" "asks for a clock"
expect_exit 2 "unknown option" -- $A --frobnicate
expect_err "unknown option '--frobnicate'" "names the option"
# the shared options area takes no account of (its die, full-load power
# and cost depend on the chip alone) are refused, not ignored, and --help
# does not list them; those it reads stay
for o in "--model llama3-8b" "--profile trtllm-0.10" "--tp 2" "--isl 100" "--batch 4"; do
	# shellcheck disable=SC2086
	expect_exit 2 "area refuses $o" -- $RL area --chip h100-sxm $o
	expect_err "^rooflab area: ${o%% *}: area describes the chip alone" "area says why $o is refused"
done
expect_exit 0 "area --help" -- $RL area --help
expect_no_out "^  --(model|isl|osl|tp|pp|ep|chips|batch|profile) " "area --help lists no refused option"
expect_out "^  --precision P" "area --help lists --precision"
expect_out "^  --set SECTION.KEY=V" "area --help lists --set"
# full load over the TDP on a chip whose TDP lowers its clock (a node, so a
# power model; eval's clock fit) is a note with the clock share, not a
# violation. By hand, with dvfs_exponent 1 and the terms above: the MACs
# run at s of their rate at s x their energy (688.79 s^2), clocked logic
# 99.80 s^2, SRAM's FLOP part 0.97 pJ x 0.01 x 1978.86e12 = 19.195 s, the
# rest fixed (70 + 17.42 + 0.97 pJ x 2 x 3.35e12 = 6.499 + 134 = 227.92):
# 788.59 s^2 + 19.195 s + 227.92 = 700 gives s = 0.7616; x 1.83 = 1.39 GHz
expect_exit 0 "H100 area: full load over the TDP" -- $A
expect_out "^violations: none" "the TDP lowering the clock is no violation"
expect_out "^\(note: full load would draw 1036 W; the TDP lowers the clock to 0.762 of nominal \(1.39 GHz\)" \
	"the note gives the clock share the TDP sets, by hand"
expect_out "chip.tdp_w=1036 lifts the limit" "the note says the fix (1035.71 W rounded up)"
# (review48) a TDP just under full load lowers the clock by a hair: the
# share and the clock said under 1 and under the design's 1.5 GHz
# (data/chips/sohu-design.ini), where nearest rounding read "the TDP lowers
# the clock to 1.00 of nominal (1.50 GHz)", the clock not lowered.  Sohu by
# design draws 1579 W at full load (the line above the note); a TDP of
# 1578.9 W is under it, so the clock is lowered, by less than 0.05%
expect_exit 0 "sohu-design area, a TDP a hair under full load" -- "$RL" area \
	--chip sohu-design --set chip.tdp_w=1578.9
sg=$(sed -n 's/.*the TDP lowers the clock to \([0-9.]*\) of nominal (\([0-9.]*\) GHz)$/\1 \2/p' "$tmpd/out")
if [ -n "$sg" ] && echo "$sg" | awk '{ exit !($1 < 1 && $2 < 1.5) }'; then
	echo "ok - a clock lowered by a hair reads lowered ($sg)"
else
	echo "not ok - a clock lowered by a hair reads not lowered ('$sg')"
	fails=$((fails + 1))
fi
expect_out "is a ceiling" "area says full load is a ceiling"
expect_out "no served workload reaches: rooflab eval gives a workload's power.watts" \
	"and points to eval for a workload's power"
if grep -q "TDP" "$tmpd/err"; then
	echo "not ok - no power warning on stderr"; fails=$((fails + 1))
else
	echo "ok - no power warning on stderr"
fi
expect_exit 0 "H100 area json" -- $A --json
expect_out '"full_load_clock_scale": 0.761[56]' "area json: the full-load clock share by hand"
expect_exit 0 "H100 area at a TDP of 1036 W" -- $A --set chip.tdp_w=1036
expect_out "^violations: none" "at chip.tdp_w=1036 full load is within the TDP"
expect_no_out "^\(note: full load" "and no clock note"
# a TDP under the fixed part (227.92 W above, at s -> 0): no clock fits,
# as eval flags it (RL_V_POWER): a violation, warned
expect_exit 0 "H100 area at a TDP of 150 W" -- $A --set chip.tdp_w=150
expect_out "^  power: every MAC array busy at fp8 with HBM at full bandwidth draws 1036 W, over the 150 W TDP even at the lowest clock" \
	"under the fixed power no clock fits: a violation"
expect_err "over the 150 W TDP even at the lowest clock" "warned on stderr"
# which column serving reads: a spec-sheet chip's (h100-sxm, by_design
# false) whatever --set design.* moves, a chip by design's design column
expect_exit 0 "H100 area with 6 stacks" -- $A --set design.hbm_stacks=6
expect_out "^\(serving reads the spec sheet column: chip.by_design = false" \
	"area says eval serves the spec sheet, not the 6 stacks"
expect_exit 0 "H100 area json with 6 stacks" -- $A --set design.hbm_stacks=6 --json
expect_out '"served": "spec_sheet"' "area json: the spec sheet is served"
expect_out '"serving_refused": null' "area json: an H100 is served"
expect_exit 0 "Sohu by design area json" -- $RL area --chip sohu-design --json
expect_out '"package_usd": 1670,' "with HBM: the whole package, interposer and all"
expect_out '"served": "design"' "area json: Sohu by design serves its design"
# a chip without HBM (Groq-style, everything in SRAM) is refused by
# serving unless every weight and the KV cache are in SRAM
# (chip.sram_resident_share > 0 and chip.sram_hbm_copy = false: a copy of
# the weights needs HBM; docs/engine.md, MAC arrays or SRAM?); area says so, and
# eval refuses it with the weights resident but their copy kept (Llama-3
# 8B FP8 in 8 stages: 1.0 GB per chip against 0.5 x 814 mm2 x 2.86 MB/mm2
# = 1164 MB of SRAM)
expect_exit 0 "Sohu by design without HBM: area" -- $RL area --chip sohu-design \
	--set design.hbm_stacks=0
expect_err "^rooflab area: warning: no HBM: serving does not model this chip" \
	"area warns that serving refuses a chip without HBM"
expect_out "^\(no HBM: serving does not model this chip" "area's table says it too"
# full load without HBM draws nothing for it: the power line says so,
# where it read 'HBM at full bandwidth' beside HBM 0
expect_out "^power at full load \(fp8, no HBM\): [0-9]+ W = .* \+ HBM 0$" "full load: no HBM, its term 0"
expect_out "^\(full load, every MAC array busy at once, is a ceiling$" "the ceiling's note names no HBM"
expect_no_out "HBM at full bandwidth" "no 'HBM at full bandwidth' without HBM"
# without HBM stacks no silicon interposer: the package's 1,670 (CoWoS-S
# 750 + test and assembly 920, silicon.csv) less the 750, 920, and the
# words say what is left out and that the organic substrate counts as none
expect_out '^manufacturing cost: .* HBM 0 USD, package 920 USD: chip ' "no HBM: the package less its interposer, 920"
expect_out "^\(package without HBM: cost\.package_usd 1670 USD less the silicon interposer's$" "the words: what is left out"
expect_out "^ its organic substrate is counted as nothing: silicon\.csv gives no organic$" "the words: the substrate's limitation"
expect_exit 0 "Sohu by design without HBM: area json" -- $RL area --chip sohu-design \
	--set design.hbm_stacks=0 --json
expect_out '"serving_refused": "no HBM: ' "area json: why serving refuses it"
expect_exit 0 "Sohu by design without HBM, no copy: area json" -- $RL area \
	--chip sohu-design --set design.hbm_stacks=0 \
	--set chip.sram_resident_share=1 --set chip.sram_hbm_copy=false --json
expect_out '"serving_refused": null' "area json: no copy, served where it fits"
expect_exit 2 "Sohu by design without HBM, all weights resident: eval" -- $RL eval \
	--chip sohu-design --model llama3-8b --precision fp8 --tp 1 --pp 8 \
	--profile etched-claim --set design.hbm_stacks=0 --set design.frac_mac=0.1 \
	--set design.frac_sram=0.5 --set chip.sram_resident_share=1
expect_err "a chip without HBM \(both 0\) needs every weight and the KV cache in SRAM \(chip.sram_resident_share > 0, chip.sram_hbm_copy = false\); by design, design.hbm_stacks >= 1" \
	"eval says why a chip without HBM is refused and the fix"
# a process node named over a chip's own is that node whole: a file
# building on sohu-design (node n4) with [preset] node = n5 takes n5's
# figures and nothing of n4's (n4's ref_clock_ghz 1.83 stayed, n5 naming
# none, so the node change cut MAC and clocked power by 1.5 / 1.83, which
# n5's preset says it does not: "a design on them pays no premium at its
# nominal clock"). At n5 with no reference (x = s = 1 at full load):
# static 80.308 (as above), clocked 67 mW x 814 x 1.5 = 81.807, PHY 24.96,
# MAC 0.20 pJ x 1.5 x 9601.944e12 / 2 = 1440.29, SRAM 1.0 pJ/B x (0.01 x
# 9601.944e12 + 2 x 4.8e12) = 105.62, HBM 153.6: 1886.59 W (1612 with the
# leak: MAC 1180.6, clocked 67.06)
printf '[preset]\nchip = sohu-design\nnode = n5\n' >"$tmpd/sd-n5.ini"
expect_exit 0 "Sohu by design moved to n5" -- $RL area --chip "$tmpd/sd-n5.ini" --json
expect_out '"node": "n5"' "the node named over the chip's is the one recorded"
expect_out '"clocked_w": 81\.80' "n5: clocked logic at its nominal clock, no n4 reference left"
expect_out '"compute_w": 1440\.29' "n5: MAC energy at n5's 0.20 pJ, no n4 reference left"
expect_out '"full_load_w": 1886\.5[89]' "n5: full-load power by hand"
# the order of the lines does not matter: the node named above the chip
# is still the file's (read in the file's order, sohu-design's own node
# n4 came after and replaced it: 1579.4 W, "node": "n4", without a word)
printf '[preset]\nnode = n5\nchip = sohu-design\n' >"$tmpd/sd-n5-first.ini"
expect_exit 0 "Sohu by design moved to n5, the node named first" -- $RL area --chip "$tmpd/sd-n5-first.ini" --json
expect_out '"node": "n5"' "the node named above the chip is the one recorded"
expect_out '"full_load_w": 1886\.5[89]' "n5 named first: full-load power as n5 named last"
# so in a scenario naming both (its chip's node n4 after its node n7)
printf '[preset]\nnode = n7\nchip = sohu-design\nmodel = llama3-8b\n' >"$tmpd/sc-n7-first.ini"
expect_exit 0 "a scenario naming n7 above sohu-design" -- $RL area --scenario "$tmpd/sc-n7-first.ini" --json
expect_out '"node": "n7"' "the scenario's node, not its chip's"
# and a file's own key above the [preset] it builds on stays its own (the
# base's 700 W replaced it): "the same key in the preset a file builds on
# is an override" (README)
printf '[chip]\ntdp_w = 500\n[preset]\nchip = h100-sxm\n' >"$tmpd/h100-500-first.ini"
expect_exit 0 "a chip's tdp_w above the base it names" -- $RL area --chip "$tmpd/h100-500-first.ini"
expect_out "^TDP: 500 W$" "the file's own TDP, not its base's 700 W"
# naming n4 again changes nothing: 1579.4 W as sohu-design's own
printf '[preset]\nchip = sohu-design\nnode = n4\n' >"$tmpd/sd-n4.ini"
expect_exit 0 "Sohu by design named on n4 again" -- $RL area --chip "$tmpd/sd-n4.ini" --json
expect_out '"full_load_w": 1579\.4' "n4 named twice: full load as before"
# the same design moved to n7 keeps its 98.3 MTr/mm2 (design.density_mtr_per_mm2,
# the H100's on 4N), above the limit its blocks allow on N7: its 10% SRAM
# at 2.22 MB/mm2 x 8 bits x 6 transistors (6T bitcell) = 106.56 MTr/mm2,
# the rest at N7's logic density, 96.3 (n7.ini, silicon.csv
# transistor_density): 0.1 x 106.56 + 0.9 x 96.3 = 97.33.  A die's average
# cannot pass that, so it is a violation, flag 32, named with the fix; at
# 65.6 (the A100's 54.2e9 / 826 mm2 on N7) none; at frac_sram 0.5 (and
# frac_other 0.15 to keep the shares <= 1) the limit is 0.5 x 106.56 +
# 0.5 x 96.3 = 101.43, so 98.3 is none either; on n4 (147.0, its SRAM's
# 2.86 x 48 = 137.3 below it: the logic density) none
printf '[preset]\nchip = sohu-design\nnode = n7\n' >"$tmpd/sd-n7.ini"
expect_exit 0 "Sohu by design moved to n7" -- $RL area --chip "$tmpd/sd-n7.ini"
expect_out "^  density: 98\.3 MTr/mm2 passes the node's limit for this die, 97\.3 MTr/mm2 \(logic 96\.3, SRAM share 0\.1 at 106\.6;" "n7: 98.3 MTr/mm2 over 0.1 x 106.56 + 0.9 x 96.3 = 97.33 is a violation"
expect_err "warning: .*density: 98\.3 MTr/mm2" "n7: and a warning"
expect_exit 0 "Sohu by design on n7 at the A100's density" -- $RL area --chip "$tmpd/sd-n7.ini" --set design.density_mtr_per_mm2=65.6
expect_out "^violations: none" "n7 at 65.6 MTr/mm2: no violation"
expect_exit 0 "Sohu by design on n7, half its die SRAM" -- $RL area --chip "$tmpd/sd-n7.ini" --set design.frac_sram=0.5 --set design.frac_other=0.15
expect_out "^violations: none" "n7, frac_sram 0.5: 98.3 under 101.43, no violation"
expect_exit 0 "Sohu by design on n7, half its die SRAM, denser" -- $RL area --chip "$tmpd/sd-n7.ini" --set design.frac_sram=0.5 --set design.frac_other=0.15 --set design.density_mtr_per_mm2=101.5
expect_out "^  density: 101\.5 MTr/mm2 passes the node's limit for this die, 101\.4 MTr/mm2" "n7, frac_sram 0.5: 101.5 over 101.43 is a violation"
expect_exit 0 "eval: Sohu by design on n7" -- $RL eval --chip "$tmpd/sd-n7.ini" --scenario etched-bench --tp 1 --profile etched-claim --json
expect_out '"violations": 32' "eval: the density flag, 32"
expect_exit 0 "Sohu by design on n4 at its logic density" -- $RL area --chip sohu-design --set design.density_mtr_per_mm2=147
expect_out "^violations: none" "n4 at 147.0 MTr/mm2, the node's own: no violation"
# a decode-only iteration that does not run is not held to the TDP: on
# etched-bench under etched-claim (max_num_tokens 2175 = one 2048-token
# prompt + 127 decode tokens) every iteration carries a prefill chunk, so
# decode's rows break down one that never runs; with 8 stacks its power at
# full clock passes the 700 W TDP beside decode_clock_scale 1. The table
# says so under it, where the row stood alone over the TDP
expect_exit 0 "Sohu by design, 8 stacks, etched-bench TP1" -- $RL eval --chip sohu-design \
	--scenario etched-bench --tp 1 --profile etched-claim --set design.hbm_stacks=8
expect_out "^  decode_sequences +127 sequences" "127 decode tokens beside the 2048-token prompt"
expect_out "^\(no decode-only iteration runs here: every iteration carries a prefill chunk," "the note: no decode-only iteration runs"
expect_out "^ 700 W TDP, which would lower its clock" "the note names the TDP the unfitted decode row passes"
# the TDP as given (300.5 W read "300 W"), and no such note where the
# chip is over its TDP at every clock (0.4 W read "0 W", the value that
# means no limit, and "would lower its clock as it does prefill's", which
# nothing lowers then: the over-TDP words say what holds)
expect_exit 0 "Sohu by design, 8 stacks, a TDP of 300.5 W" -- $RL eval --chip sohu-design \
	--scenario etched-bench --tp 1 --profile etched-claim --set design.hbm_stacks=8 --set chip.tdp_w=300.5
expect_out "^ 300\.5 W TDP, which would lower its clock" "the decode note gives the TDP as given"
expect_exit 0 "Sohu by design, 8 stacks, a TDP of 0.4 W" -- $RL eval --chip sohu-design \
	--scenario etched-bench --tp 1 --profile etched-claim --set design.hbm_stacks=8 --set chip.tdp_w=0.4
expect_no_out "no decode-only iteration runs here" "no decode note over the TDP at every clock"
expect_out "over its 0\.4 W TDP at every clock" "the over-TDP words instead"
# within the TDP the note still says whose iterations decode.bound and
# decode's other rows are: decode tokens see the prefill iterations
# (compute-bound at the TDP's clock), and decode's 23.9 ms, its breakdown
# and utilization.mbu (100%) are of a decode-only iteration that never
# runs, memory-bound (70.6 GB of weights and 127 sequences' KV over 4.8
# TB/s), where the table read "decode bound compute" beside an MBU of 100%
expect_exit 0 "Sohu by design, 4 stacks" -- $RL eval --chip sohu-design \
	--scenario etched-bench --tp 1 --profile etched-claim
expect_out "^\(no decode-only iteration runs here: every iteration carries a prefill chunk," "the note where the decode row is within the TDP"
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/flat"
if grep -q "and decode tokens see those iterations: decode.bound is theirs (compute); decode's other rows and utilization.mbu break down a decode-only iteration that would run, memory-bound)" "$tmpd/flat" &&
	! grep -q "TDP, which would lower its clock" "$tmpd/flat"; then
	echo "ok - the note names both iterations' bounds, no TDP words within the TDP"
else
	echo "not ok - the decode note within the TDP: $(grep -o '(no decode-only.*' "$tmpd/flat" | head -c 600)"; fails=$((fails + 1))
fi
# none where decode-only iterations run: 16 sequences of 128 in / 2048 out
# on 8 H100s, most of whose iterations carry no prefill
expect_exit 0 "H100 TP8, 16 sequences of 128/2048 (decode-only iterations run)" -- $RL eval --chip h100-sxm \
	--model llama3-70b --isl 128 --osl 2048 --tp 8 --profile trtllm-0.10 --batch 16
expect_no_out "no decode-only iteration runs here" "no note where decode-only iterations run"
# and they do: 16 sequences each emit a token an iteration, so a request of
# 2048 out ends every 2048 / 16 = 128 iterations, bringing its 128 prompt
# tokens: 16 x 128 / 2048 = 1 prefill token an iteration on average, one
# iteration in 128 carrying the whole 128-token prompt (the table's %.3g: 1)
expect_out "^  prefill_tokens_per_iter +1 tokens " "16 x 128 / 2048 = 1 prefill token an iteration, by hand"
# eval's silicon.violations is a set of flags, not a count: 8 stacks need
# 8 x 9.7 = 77.6 mm2 of PHY, frac_phy 0.08 x 814 = 65.1 mm2 gives less
# (flag 4), which the table read as "violations 4 physical constraints
# violated"; it names each under the table, as area lists them
expect_exit 0 "eval: 8 stacks on Sohu by design" -- $RL eval --chip sohu-design \
	--scenario etched-bench --tp 1 --profile etched-claim --set design.hbm_stacks=8
expect_out "^\(silicon\.violations 4 \(flags, not a count\):$" "eval says the number is flags"
expect_out "^ phy area: the HBM PHYs need 77\.6 mm2 per die, frac_phy gives 65\.1 mm2\)$" "eval names the violated constraint"
expect_exit 0 "eval: 4 stacks" -- $RL eval --chip sohu-design \
	--scenario etched-bench --tp 1 --profile etched-claim
expect_no_out "^\(silicon\.violations" "none named where none is violated"
# and the flags read 0: 4 stacks need 4 x 9.7 = 38.8 mm2 of PHY of the
# 65.1 mm2 frac_phy gives, and 4 x 6.5 = 26 mm of the 64.3 mm long edges
expect_out "^  violations +0 +physical constraints violated " "silicon.violations 0 with 4 stacks, by hand"
# area says at which clock the node's energies hold, the convention a node
# change moves (docs/power.md, Power and the TDP): n4's at 1.83 GHz, so at Sohu by
# design's 1.5 GHz 1.5 / 1.83 = 0.820 of them; n5 names none, so they are
# taken as they are at 1.5 GHz
expect_exit 0 "area: n4's reference clock" -- $RL area --chip sohu-design
expect_out "^\(energies: node n4's FMA and clocked-logic energies hold at 1\.83 GHz \(node\.ref_clock_ghz\);$" "n4: its reference named"
expect_out "^ at the design's 1\.5 GHz, 0\.820 of them\)$" "n4: 1.5 / 1.83 by hand"
expect_exit 0 "area: n5 names no reference" -- $RL area --chip "$tmpd/sd-n5.ini"
expect_out "^\(energies: node n5 names no clock its energies hold at \(node\.ref_clock_ghz 0\):$" "n5: no reference, said"
expect_out "^ taken as they are at the design's 1\.5 GHz; compare nodes at one reference\)$" "n5: taken at the nominal clock"
# how many HBM stacks the die has room for, by each check (an architect's
# "how many stacks before area binds"), by hand on Sohu by design's 814 mm2
# at aspect 1.269: long sides 2 x sqrt(814 x 1.269) = 64.28 mm over 6.5 mm
# a PHY = 9.9, so 9 stacks; PHY area 0.08 x 814 = 65.12 mm2 over 9.7 mm2 =
# 6.7, so 6, which binds: 6 stacks pass, 7 name the PHY area (67.9 mm2);
# two dies of frac_phy 0.13: 2 x 9 = 18 by edge, 2 x floor(105.8 / 9.7) = 20
expect_exit 0 "area: the stacks the die has room for" -- $RL area --chip sohu-design
expect_out "^\(room for at most 9 stacks on the long edges, 6\.5 mm each, and 6 in the PHY area$" "9 by edge, 6 by PHY area"
expect_out "^ design\.frac_phy gives, 65\.1 mm2 at 9\.7 mm2 each: the PHY area binds; more is a violation\)$" "the PHY area binds"
expect_exit 0 "area: 6 stacks" -- $RL area --chip sohu-design --set design.hbm_stacks=6
expect_no_err "phy area" "6 stacks fit the PHY area"
# and area says so: 6 x 6.5 = 39.0 mm of edge, 6 x 9.7 = 58.2 mm2 of the
# 65.1 mm2 PHY area (the 6 the room line above names), nothing violated
expect_out "^HBM: 6 x hbm3e stacks; PHY edge 39\.0 mm needed of 64\.3 mm on the long edges" "6 stacks: 6 x 6.5 = 39.0 mm of edge, by hand"
expect_out "^violations: none$" "6 stacks: violations none"
expect_exit 0 "area: 7 stacks" -- $RL area --chip sohu-design --set design.hbm_stacks=7
expect_err "phy area: the HBM PHYs need 67\.9 mm2 per die, frac_phy gives 65\.1 mm2" "7 do not"
expect_exit 0 "area --json: the stacks, two dies" -- $RL area --chip sohu-design --set design.dies=2 --set design.frac_phy=0.13 --json
expect_out '"max_stacks_edge": 18' "18 by edge over two dies"
expect_out '"max_stacks_phy_area": 20' "20 by PHY area over two dies"
# the H100's spec-sheet design gives no frac_phy: the edges alone
expect_exit 0 "area: the H100's room" -- $RL area --chip h100-sxm
expect_out "^\(room for at most 9 stacks on the long edges, 6\.5 mm of PHY edge each;$" "edges alone"
expect_out "^ design\.frac_phy 0 and design\.phy_mm2 0 set no PHY area\)$" "no PHY area: both forms named"
# (review43) a PHY of 1e-300 mm or mm2 (the ranges start at 0) leaves
# room for some 1e301 stacks: in 3 digits past 1e15, where %.0f wrote all
# 302 of them.  By hand on Sohu by design: 64.28 mm of long edges / 1e-300
# mm = 6.43e301, 65.12 mm2 of PHY area / 1e-300 mm2 = 6.51e301, the edges
# bind; the H100 by its edges alone: 64.28 mm again
expect_exit 0 "area: a PHY of 1e-300" -- $RL area --chip sohu-design --set design.hbm_phy_edge_mm=1e-300 --set design.hbm_phy_mm2=1e-300
expect_out "^\(room for at most 6\.43e\+301 stacks on the long edges, 0\.0 mm each, and 6\.51e\+301 in the PHY area$" "1e301 stacks in 3 digits, both checks"
expect_out "the edges bind; more is a violation\)$" "the edges bind at 1e301"
expect_no_out "[0-9]{20}" "no count in 20 digits or more"
expect_exit 0 "area: the H100's PHY edge of 1e-300 mm" -- $RL area --chip h100-sxm --set design.hbm_phy_edge_mm=1e-300
expect_out "^\(room for at most 6\.43e\+301 stacks on the long edges, 0\.0 mm of PHY edge each;$" "the edges alone in 3 digits"
expect_no_out "[0-9]{20}" "no count in 20 digits or more (the edges alone)"
# the PHY block given in mm2 (design.phy_mm2, in place of the preset's
# share) is named as given, where the messages said design.frac_phy alone:
# 80 mm2 / 9.7 mm2 a stack = 8.2, so 8 stacks by area, under the 9 by edge;
# 40 mm2 holds 4 (4.1), and 6 stacks need 6 x 9.7 = 58.2 mm2
expect_exit 0 "area: the PHY block in mm2" -- $RL area --chip sohu-design --set design.phy_mm2=80
expect_out "^\(room for at most 9 stacks on the long edges, 6\.5 mm each, and 8 in the PHY area$" "80 mm2 of PHY: 8 stacks by area"
expect_out "^ design\.phy_mm2 gives, 80\.0 mm2 at 9\.7 mm2 each: the PHY area binds; more is a violation\)$" "the PHY area named by its mm2"
expect_exit 0 "area: 6 stacks in 40 mm2 of PHY" -- $RL area --chip sohu-design --set design.phy_mm2=40 --set design.hbm_stacks=6
expect_err "phy area: the HBM PHYs need 58\.2 mm2 per die, phy_mm2 gives 40\.0 mm2" "the violation names phy_mm2"
# a block by its area in mm2 (design.sram_mm2 ...), its share area / die:
# ux17 moved 100 mm2 into sohu-design's SRAM by working out 100 / 814 =
# 0.1229 of its die.  Its 10%, 81.4 mm2, holds 232.8 MB (n4's 2.86
# MB/mm2); 181.4 mm2 is 22.29% and 2.86 x 181.4 = 518.8 MB, and the 30%
# unassigned (244.2 mm2) drops by the 100 mm2 to 144.2 (17.71%); at the
# design's 98.3 MTr/mm2 (sohu-design.ini density_mtr_per_mm2) they hold
# 181.4 x 98.3 = 17,831.6 M = 17.83 B and 144.2 x 98.3 = 14,174.9 M =
# 14.17 B transistors
expect_exit 0 "area: design.sram_mm2" -- $RL area --chip sohu-design --set design.sram_mm2=181.4
expect_out "^  sram +181\.4 +17\.83 B +22\.29%$" "sram 181.4 mm2 = 22.29%"
expect_out "^  unassigned +144\.2 +14\.17 B +17\.71%$" "unassigned 144.2 mm2"
expect_out "^  SRAM \(MB\) +518\.8 " "SRAM 518.8 MB"
expect_exit 0 "area: the same as a share" -- $RL area --chip sohu-design --set design.frac_sram=0.22285012285
expect_out "^  SRAM \(MB\) +518\.8 " "the share 181.4 / 814 gives the same"
expect_exit 2 "area: both forms in --set" -- $RL area --chip sohu-design --set design.sram_mm2=181.4 --set design.frac_sram=0.2
expect_err "design.sram_mm2 and design.frac_sram both set one block of the die" "both forms refused"
expect_exit 2 "area: more than the die" -- $RL area --chip sohu-design --set design.sram_mm2=900
expect_err "design.sram_mm2 = 900 mm2 is more than the die, design.die_mm2 = 814 mm2" "over the die"
expect_exit 2 "area: a negative area" -- $RL area --chip sohu-design --set design.phy_mm2=-1
expect_err "design.phy_mm2 = -1 is outside the allowed \[0, 100000\] mm2" "range checked"
printf '[preset]\nchip = sohu-design\n\n[design]\nsram_mm2 = 181.4\nfrac_sram = 0.2\n' >"$tmpd/both.ini"
expect_exit 2 "area: both forms in one file" -- $RL area --chip "$tmpd/both.ini"
expect_err "both.ini:6: \[design\] frac_sram: sram_mm2 is given too" "file, line and key"
printf '[preset]\nchip = sohu-design\n\n[design]\nsram_mm2 = 181.4\n' >"$tmpd/mm2.ini"
# a file's area, the die changed after: the area stays, its share is
# 181.4 / 700 = 25.91%; a share given after it (--set) wins, 10% = 232.8 MB
expect_exit 0 "area: a file's area, another die" -- $RL area --chip "$tmpd/mm2.ini" --set design.die_mm2=700
expect_out "^  sram +181\.4 +17\.83 B +25\.91%$" "the area stays on a 700 mm2 die"
expect_exit 0 "area: a share over a file's area" -- $RL area --chip "$tmpd/mm2.ini" --set design.frac_sram=0.1
expect_out "^  SRAM \(MB\) +232\.8 " "the later share wins"
expect_exit 0 "params lists the areas" -- $RL params
expect_out "^design\.sram_mm2 +mm2 +0\.\.100000 " "design.sram_mm2 listed with its unit and range"
# (ux21) a spec-sheet chip whose spec sheet's HBM is not its design's:
# the H200's 151.4 GB usable (data/chips/h200-sxm.ini hbm_gb) of 6 stacks
# of 24 GiB, 6 x 25.769803776 = 154.6 GB.  area's cost line prices the
# design's stacks, 154.6 x 15 USD/GB (cost.hbm_usd_per_gb) = $2319, chip
# $554 + $2319 + $1670 = $4543 (the H100's die and package); eval
# the spec sheet's, 151.4 x 15 = $2271, chip $554 + $2271 + $1670 = $4495:
# area says so under its line, eval's chip_cost_usd agreeing; none for the
# H100 (80 GiB both) nor for the H200 served by its design
expect_exit 0 "area of the H200" -- $RL area --chip h200-sxm
expect_out "^manufacturing cost: .* HBM 2319 USD, .*chip 4543 USD " "the cost line prices the design's 154.6 GB"
expect_out "^\(HBM priced at the design's 154\.6 GB; eval serves the spec sheet's 151\.4 GB$" "the note names both capacities"
expect_out "^ and prices the chip at 4495 USD, HBM 2271 USD: its cost\.chip_cost_usd\)$" "the note gives eval's figures"
expect_exit 0 "eval of the H200" -- $RL eval --chip h200-sxm --model llama3-8b
expect_out "^  chip_cost_usd +4495\.1 USD" "eval's chip cost is the note's"
expect_exit 0 "area of the H100" -- $RL area --chip h100-sxm
if grep -q "eval serves the spec sheet" "$tmpd/out"; then echo "not ok - the H100 (the same HBM both ways) gets the note"; fails=$((fails + 1)); else echo "ok - no note for the H100"; fi
expect_exit 0 "area of the H200 by design" -- $RL area --chip h200-sxm --set chip.by_design=true
if grep -q "eval serves the spec sheet" "$tmpd/out"; then echo "not ok - the H200 by design gets the note"; fails=$((fails + 1)); else echo "ok - no note for the H200 served by its design"; fi
# (ux22) where area has no full-load power it names the one reason that
# holds: the A100 names node n7 but no FP8 peak (data/chips/a100-sxm.ini),
# so its power is there at bf16 (312 TFLOPS); the B200 names no node
# (data/chips/b200.ini [preset]), so no energy per operation at any
# precision.  The line said "no node energies or no fp8 peak" for both.
expect_exit 0 "area of the A100 at fp8" -- $RL area --chip a100-sxm
expect_out "^power: unknown \(a100-sxm has no fp8 peak, .*--precision bf16 gives it\)$" "area names the A100's missing fp8 peak"
expect_exit 0 "area of the A100 at bf16" -- $RL area --chip a100-sxm --precision bf16
expect_out "^power at full load \(bf16, HBM at full bandwidth\): " "the A100's power at bf16, as the note says"
expect_exit 0 "area of the B200" -- $RL area --chip b200
expect_out "^power: unknown \(no process node \(\[preset\] node\): no energy per operation\)$" "area names the B200's missing node"
# (ux22) a spec-sheet chip served by its design with no HBM stacks there
# keeps its sheet's HBM (model/silicon.c rl_silicon_apply): the H200's
# hbm_gb 151.4 and hbm_tbps 4.8 = 4800 GB/s (data/chips/h200-sxm.ini), where
# area's design column shows no HBM under "serving reads the design column"
# and eval served the 4.8 TB/s without a word; Sohu by design, whose sheet
# gives none, is refused instead (no note)
expect_exit 0 "area: the H200 by design with no stacks" -- $RL area --chip h200-sxm --set chip.by_design=true --set design.hbm_stacks=0
expect_out "^\(but its HBM: design\.hbm_stacks = 0 gives none, so serving keeps the spec$" "area: the design's no HBM is not what serving reads"
expect_out "^ sheet's 151\.4 GB at 4\.8 TB/s \(chip\.hbm_gb, chip\.hbm_tbps\)" "area: the sheet's HBM it keeps"
expect_exit 0 "eval: the H200 by design with no stacks" -- $RL eval --chip h200-sxm --model llama3-8b --set chip.by_design=true --set design.hbm_stacks=0
expect_err "warning: h200-sxm is served by its design .*design\.hbm_stacks = 0 gives no HBM: serving keeps its spec sheet's 151\.4 GB at 4\.8 TB/s" "eval warns that the sheet's HBM is served"
expect_out "^  hbm_bytes_per_s_per_chip " "eval serves it (with the sheet's HBM)"
expect_exit 2 "eval: and without the sheet's HBM too" -- $RL eval --chip h200-sxm --model llama3-8b --set chip.by_design=true --set design.hbm_stacks=0 --set chip.hbm_gb=0 --set chip.hbm_tbps=0
expect_err "a chip without HBM \(both 0\) needs every weight" "eval: the chip without HBM the warning points to is refused"
expect_exit 0 "area: Sohu by design with no stacks" -- $RL area --chip sohu-design --set design.hbm_stacks=0
if grep -q "serving keeps the spec" "$tmpd/out"; then echo "not ok - Sohu by design (no HBM on its sheet) gets the note"; fails=$((fails + 1)); else echo "ok - no note for Sohu by design"; fi
expect_exit 0 "eval: the H200 by design with its 6 stacks" -- $RL eval --chip h200-sxm --model llama3-8b --set chip.by_design=true
expect_no_err "serving keeps its spec sheet" "no warning where the design gives stacks"
# and the design's stacks are served, not the sheet's 151.4 GB: 6 x
# 25.769803776 GB (24 GiB, data/chips/h200-sxm.ini) = 154.618822656 GB, so
# the KV cache (profile.kv_fraction 0.9 of what is left) grows by 0.9 x
# (154.618822656 - 151.4) GB = 2,896,940,390 bytes against the sheet's run;
# each capacity is whole tokens of 65,536 bytes a chip, and the JSON's 10
# digits round each by up to 50 bytes: within 2 x 65,536 + 100 bytes
$RL eval --chip h200-sxm --model llama3-8b --set chip.by_design=true --json >"$tmpd/hd.json" 2>/dev/null
$RL eval --chip h200-sxm --model llama3-8b --json >"$tmpd/hs.json" 2>/dev/null
if python3 -c "
import json, sys
d = json.load(open('$tmpd/hd.json'))['memory']['kv_capacity_bytes']
s = json.load(open('$tmpd/hs.json'))['memory']['kv_capacity_bytes']
want = 0.9 * (6 * 25.769803776e9 - 151.4e9)
sys.exit(0 if abs((d - s) - want) <= 2 * 65536 + 100 else 1)
"; then
	echo "ok - the design's 6 x 24 GiB served: the KV cache 0.9 x 3.2188 GB larger, by hand"
else
	echo "not ok - the H200 by design: KV capacity not 0.9 x (154.6188 - 151.4) GB over the sheet's"; fails=$((fails + 1))
fi
# (ux22, JSON) area --json says what the table's notes say of the HBM: a
# chip served by its design with no stacks keeps its sheet's HBM, the
# H200's 151.4 GB at 4.8 TB/s (data/chips/h200-sxm.ini), in "hbm_kept"
# with the note; the spec sheet's HBM priced as eval prices it (ux21's
# $2271 and $4495 worked out above), in cost.as_served; null where none
expect_exit 0 "area --json: the H200 by design with no stacks" -- $RL area --chip h200-sxm --set chip.by_design=true --set design.hbm_stacks=0 --json
kept=$(python3 -c "import json,sys; d = json.load(open(sys.argv[1])); k = d['hbm_kept']; print('%r|%r|%s|%r' % (k['capacity_gb'], k['bandwidth_tbps'], k['note'], d['cost']['as_served']))" "$tmpd/out")
[ "$kept" = "151.4|4.8|design.hbm_stacks = 0 gives no HBM, so serving keeps the spec sheet's 151.4 GB at 4.8 TB/s (chip.hbm_gb, chip.hbm_tbps); a chip without HBM needs --set chip.hbm_gb=0 --set chip.hbm_tbps=0 too|None" ] &&
	echo "ok - area json: the sheet's HBM kept, with the note" ||
	{ echo "not ok - area json hbm_kept: $kept"; fails=$((fails + 1)); }
expect_exit 0 "area --json of the H200" -- $RL area --chip h200-sxm --json
srv=$(python3 -c "import json,sys; d = json.load(open(sys.argv[1])); s = d['cost']['as_served']; print('%r|%.0f|%.0f|%r' % (s['hbm_gb'], s['hbm_usd'], s['chip_usd'], d['hbm_kept']))" "$tmpd/out")
[ "$srv" = "151.4|2271|4495|None" ] && echo "ok - area json: the H200's HBM priced as eval prices it" ||
	{ echo "not ok - area json cost.as_served: $srv"; fails=$((fails + 1)); }
expect_exit 0 "area --json of the H100" -- $RL area --chip h100-sxm --json
expect_out '"as_served": null' "area json: the H100's HBM is its design's, as_served null"
expect_out '"hbm_kept": null' "area json: the H100 keeps no sheet's HBM"
# (small45) a chip served by its design whose design gives no SRAM block
# keeps its sheet's SRAM (model/silicon.c rl_silicon_apply takes the
# design's only where it derives some): right for the H200, whose design
# gives the die by its totals (data/chips/h100-sxm.ini: transistors and
# FMA units, no design.frac_sram) while the die holds its 50 MB of L2
# (h200-sxm.ini sram_mb); said under the columns, where the design
# column's "-" read as no SRAM served, and in the JSON's sram_kept.  Sohu
# by design with design.frac_sram=0, whose sheet gives none, has no SRAM
# and no note; the H200 by its spec sheet none either
expect_exit 0 "area: the H200 by design, no SRAM block" -- $RL area --chip h200-sxm --set chip.by_design=true
expect_out "^\(and its SRAM: the design gives no SRAM block \(design\.frac_sram 0\), so serving$" "area: the design's no SRAM block is not what serving reads"
expect_out "^ keeps the spec sheet's 50\.0 MB \(chip\.sram_mb\), a die's SRAM the design does not$" "area: the sheet's 50 MB it keeps"
expect_exit 0 "area --json: the H200 by design" -- $RL area --chip h200-sxm --set chip.by_design=true --json
kept=$(python3 -c "import json,sys; d = json.load(open(sys.argv[1])); k = d['sram_kept']; print('%r|%r|%s' % (k['sram_mb'], d['sram_mb'], k['note'][:46]))" "$tmpd/out")
[ "$kept" = "50|50|the design gives no SRAM block (design.frac_sr" ] &&
	echo "ok - area json: sram_kept, the 50 MB served" ||
	{ echo "not ok - area json sram_kept: $kept"; fails=$((fails + 1)); }
expect_exit 0 "area: Sohu by design with no SRAM share" -- $RL area --chip sohu-design --set design.frac_sram=0 --set design.frac_other=0.35 --json
expect_out '"sram_kept": null' "Sohu by design, no SRAM on its sheet either: sram_kept null"
expect_out '"sram_mb": 0,' "Sohu by design with no SRAM share serves none"
expect_exit 0 "area --json: the H200 by its spec sheet" -- $RL area --chip h200-sxm --json
expect_out '"sram_kept": null' "the H200 by its sheet: sram_kept null"
# the resident share on such a chip: the bandwidth a design derives comes
# from the SRAM block it gives, which this one gives none of
expect_exit 2 "eval: the H200 by design with weights resident in SRAM" -- $RL eval --chip h200-sxm --model llama3-8b --set chip.by_design=true --set chip.sram_resident_share=1
expect_err "sram_resident_share > 0 needs the SRAM's read bandwidth \(chip\.sram_tbps; a chip by design derives it from the SRAM block its design gives, design\.frac_sram or design\.sram_mm2 > 0\)$" "eval says where a design's SRAM bandwidth comes from"
# (small51) a TDP as given, in all its digits (model/numtext.h
# rl_number_write, as claim's text writes it since 418418c): 700.1234 W
# reads 700.1234 and 10.1234567 W 10.1234567, where %g wrote their first
# six digits, 700.123 and 10.1235 (a TDP of 10 W is under Sohu by
# design's static power alone, so over it at every clock)
expect_exit 0 "area: a TDP of 700.1234 W" -- $RL area --chip h100-sxm --set chip.tdp_w=700.1234
expect_out "^TDP: 700\.1234 W$" "the TDP line in all its digits"
expect_exit 0 "area: Sohu by design at 10.1234567 W" -- $RL area --chip sohu-design --set chip.tdp_w=10.1234567
expect_err "over the 10\.1234567 W TDP even at the lowest clock" "the power violation: the TDP in all its digits"
expect_no_out "10\.1235 W" "no %g TDP in the table"
# (small66) the unassigned rest said under the blocks: sohu-design's 30%
# (1 - 0.20 - 0.07 - 0.10 - 0.08 - 0.25, its preset's shares, no source
# of its own) is what more SRAM takes first, not MAC area
expect_exit 0 "area: sohu-design's blocks" -- $RL area --chip sohu-design
expect_out "^  unassigned  *244\.2  *24\.00 B  *30\.00%\$" "area: 30% unassigned (0.30 x 814 = 244.2 mm2)"
expect_out "^  \(unassigned: 1 less the five shares, a residue with no figure of its own; a block\$" "area: the rest is said to be no figure of its own"
expect_out "area until the shares pass 1; lower design\.frac_mac too to trade them\)\$" "area: how to trade SRAM against MACs"
finish
