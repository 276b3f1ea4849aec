#!/bin/sh
# cli_architect.sh: what a chip architect met walking the tool from a fresh
# clone with README, docs/ and --help alone (ux33's walk): a parameter
# mistyped for a bandwidth offered the capacity with no way to the rest,
# the claim's sources said "systolic array", "UCIe-A", "XMAS" and
# "NVLink-C2C" with no word of what they are, README's 494,587 tokens/s
# read against eval's first line (output tokens alone, 1/17 of it), and
# README's "ROCm" stood unexplained.  The expected words are the wording
# chosen for the reader, written here by hand.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
readme="$root/README.md"

# chip.hbm_bw: the nearest name in spelling is chip.hbm_gb, a capacity; the
# message says where every chip.* key is listed, and that list holds the
# bandwidth sought
expect_exit 2 "eval --set chip.hbm_bw: unknown parameter" -- \
	$RL eval --chip h100-sxm --model llama3-8b --set chip.hbm_bw=4
expect_err "unknown parameter 'chip\.hbm_bw'; did you mean chip\.hbm_gb\? \(\`rooflab params --section chip\` lists every chip\.\* parameter\)$" \
	"names the list of the section's parameters"
expect_exit 0 "rooflab params --section chip, as the message says" -- $RL params --section chip
expect_out "^chip\.hbm_tbps +TB/s " "the list holds the bandwidth sought"
# in a sweep spec's axis too (setup_param_hint is shared)
printf '[meta]\nname = t\n[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_bw = 1, 2\n' >"$tmpd/ax.ini"
expect_exit 2 "sweep axis chip.hbm_bw: refused" -- $RL sweep "$tmpd/ax.ini" --count
expect_err "unknown axis 'chip\.hbm_bw'; did you mean chip\.hbm_gb\? \(\`rooflab params --section chip\` lists every chip\.\* parameter\)" \
	"the axis's message names the list too"
# a section that is none has no such pointer: the names offered are of
# other sections (chp.hbm_tbs -> chip.hbm_tbps)
expect_exit 2 "eval --set chp.hbm_tbs" -- \
	$RL eval --chip h100-sxm --model llama3-8b --set chp.hbm_tbs=4
expect_err "unknown parameter 'chp\.hbm_tbs'; did you mean chip\.hbm_tbps" "offers the near name"
expect_no_err "params --section chp" "no list of a section that is none"
# (review58) nor where a name offered is the key typed in another section:
# model.hbm_tbps is chip.hbm_tbps, and the list of model.* keys (none of
# them a bandwidth) leads away from it; chip.tp is scenario.tp
expect_exit 2 "eval --set model.hbm_tbps" -- \
	$RL eval --chip h100-sxm --model llama3-8b --set model.hbm_tbps=4
expect_err "^rooflab eval: unknown parameter 'model\.hbm_tbps'; did you mean chip\.hbm_tbps\?$" \
	"the key under another section: that name alone, no list of model.*"
expect_exit 2 "eval --set chip.tp" -- \
	$RL eval --chip h100-sxm --model llama3-8b --set chip.tp=2
expect_err "unknown parameter 'chip\.tp'; did you mean scenario\.tp" "chip.tp: scenario.tp offered"
expect_no_err "params --section chip" "chip.tp: no list of chip.*"

# the claim's assumption sources, each term said in words where it stands
expect_exit 0 "claim, no Monte Carlo" -- $RL claim --samples 0
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/flat"
for w in "systolic array (a grid of multipliers passing operands to their neighbours, no instructions to fetch)" \
	"XMAS, a research prototype of HBM I/O over an interposer" \
	"UCIe-A, the standard die-to-die link in its form for dies on an interposer" \
	"NVLink-C2C, NVIDIA's chip-to-chip link of the GH200"; do
	if grep -qF -- "$w" "$tmpd/flat"; then
		echo "ok - claim's sources: $w"
	else
		echo "not ok - claim's sources lack: $w"; fails=$((fails + 1))
	fi
done

# README's verdict: its tokens/s are input and output together, which eval
# calls total_tokens_per_s; Sohu as claimed on 8 single-chip replicas gives
# the README's 494,587 there (docs/claim.md, "How tokens are counted"), and
# 2048 + 128 = 2176 tokens a request of which 128 are output: 1/17
expect_exit 0 "eval Sohu as claimed, DP8" -- $RL eval --chip sohu --model llama3-70b \
	--precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --profile etched-claim
expect_out "^  total_tokens_per_s +494587 tokens/s" "eval's total is README's 494,587"
sed -n '/^## The verdict on Sohu, in plain words/,/^## Three paths/p' "$readme" | tr '\n' ' ' | tr -s ' ' >"$tmpd/front"
if grep -qF "494,587 tokens/s against Etched's 500,000 (input and output tokens together, as Etched counts them: \`eval\`'s \`total_tokens_per_s\`; its first line, \`output_tokens_per_s\`, counts the 128 output tokens of each 2,176 alone, 1/17 of it)" "$tmpd/front"; then
	echo "ok - README's tokens/s says which tokens and which line of eval"
else
	echo "not ok - README's 494,587 tokens/s does not say they are input and output together"; fails=$((fails + 1))
fi

# README's architect path: where the cost per million tokens is, and that
# the price is the preset's (both Sohu presets: 33,625 USD, the H100's,
# data/chips/sohu.ini and sohu-design.ini) whatever --set design.* moves
sed -n '/^\*\*A chip architect weighing trade-offs/,/^\*\*A sweep script/p' "$readme" | tr '\n' ' ' | tr -s ' ' >"$tmpd/arch"
# (small76) and which tokens, plainly: output tokens, the input not counted
if grep -qF "Cost per million output tokens: eval's \`cost\` rows, \`usd_per_million_tokens_at_cost\` and \`_at_price\`, give USD per million output tokens, input tokens not counted" "$tmpd/arch" &&
	grep -qF "both Sohu presets carry the H100's 33,625 USD as an assumption" "$tmpd/arch"; then
	echo "ok - README's architect path says where the cost is and whose price"
else
	echo "not ok - README's architect path lacks the cost per million tokens"; fails=$((fails + 1))
fi
expect_exit 0 "eval sohu-design with more die in MACs" -- $RL eval --chip sohu-design --model llama3-70b \
	--precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --profile etched-claim --set design.frac_mac=0.3
expect_out "^  chip_price_usd +33625 USD " "the price is the preset's 33,625 USD"
expect_out "^  usd_per_million_tokens_at_cost +[0-9.]+ USD/Mtoken " "the cost row README names"
expect_out "^  usd_per_million_tokens_at_price +[0-9.]+ USD/Mtoken " "the price row README names"

# README's "What it does not know": ROCm said in words where it stands
sed -n '/^## What it does not know/,/^## Documentation/p' "$readme" | tr '\n' ' ' | tr -s ' ' >"$tmpd/know"
if grep -qF "fitted on ROCm software** (AMD's GPU software, where every profile here is fitted on NVIDIA's TensorRT-LLM)" "$tmpd/know"; then
	echo "ok - README: ROCm in words"
else
	echo "not ok - README: ROCm unexplained"; fails=$((fails + 1))
fi
finish
