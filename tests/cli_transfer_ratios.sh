#!/bin/sh
# cli_transfer_ratios.sh: physical bounds on the predicted H200/H100 ratio
# of decode rows, derived by hand from the two presets, for every TensorRT
# serving profile; then scripts/transfer-ratios.py on the shipped data (no
# row flagged, the groups of every held-back chip written).
#
# The bound.  data/chips/h200-sxm.ini is the H100's die: peak_tflops_bf16
# 989.4 and peak_tflops_fp8 1978.9, link_gbps 450, link_latency_us 1 and
# tdp_w 700, as data/chips/h100-sxm.ini; only the memory differs: hbm_gb
# 151.4 against 85.9, hbm_tbps 4.8 against 3.35.  At a batch both chips
# hold (--batch, far under either KV room), every term of an iteration is
# either the same time on both (matrix and attention FLOPs at the same
# peak, host and launch times, the all-reduce on the same link) or bytes
# over the HBM bandwidth (weights, KV cache, elementwise, logits), which
# take 3.35 / 4.8 of the H100's time.  So the H200's throughput is between
# the H100's and 4.8 / 3.35 = 1.4328 times it: a ratio below 1 would be a
# time that grows with bandwidth, one above 1.4328 a time that shrinks
# more than bandwidth allows (a fixed time scaled by a chip number it does
# not depend on).  With the batch free (the KV room, 1.76x the H100's,
# sets it) the H200 holds at least the H100's batch, so it is never
# slower: ratio >= 1.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
S="$root/scripts/transfer-ratios.py"
command -v python3 >/dev/null 2>&1 || { echo "ok - skipped: python3 is missing"; finish; }

# tput CHIP PROFILE MODEL TP ISL OSL [BATCH]: output tokens/s (eval --json)
tput() {
	b=${7:+--batch $7}
	# shellcheck disable=SC2086
	"$RL" eval --chip "$1" --profile "$2" --model "$3" --precision fp8 --tp "$4" \
		--isl "$5" --osl "$6" $b --json |
		python3 -c 'import json, sys; print(json.load(sys.stdin)["throughput"]["output_tokens_per_s"])'
}

profiles=$(cd "$ROOFLAB_DATA/profiles" && ls trtllm-*.ini | sed 's/\.ini$//')
: > "$tmpd/fixed"
: > "$tmpd/free"
for p in $profiles; do
	# a long decode of an 8B at tp 1 and of a 70B at tp 8 (the 0.10 table's
	# two shapes, issue 11's measured 1.41), at batch 32 and free
	for row in "llama3.1-8b 1 128 2048 32" "llama3-70b 8 128 2048 32" "llama3.1-8b 1 2048 2048 32"; do
		set -- $row
		h=$(tput h100-sxm "$p" "$1" "$2" "$3" "$4" "$5")
		x=$(tput h200-sxm "$p" "$1" "$2" "$3" "$4" "$5")
		echo "$p $1 tp$2 $3/$4 $h $x" >> "$tmpd/fixed"
		h=$(tput h100-sxm "$p" "$1" "$2" "$3" "$4")
		x=$(tput h200-sxm "$p" "$1" "$2" "$3" "$4")
		echo "$p $1 tp$2 $3/$4 $h $x" >> "$tmpd/free"
	done
done
n=$(wc -l < "$tmpd/fixed")
expect_exit 0 "H200/H100 at a fixed batch within [1, 4.8/3.35] ($n decode rows, every TensorRT profile)" -- \
	awk 'NF != 6 || $5 <= 0 { bad = bad "\n" $0; next }
	     { r = $6 / $5; if (r < 1 - 1e-9 || r > 4.8 / 3.35 + 1e-9) bad = bad "\n" $0 " ratio " r }
	     END { if (NR < 36) bad = bad "\nonly " NR " rows"; if (bad != "") { print bad; exit 1 } }' "$tmpd/fixed"
expect_exit 0 "H200/H100 with the batch free: never slower (KV room 1.76x)" -- \
	awk 'NF != 6 || $5 <= 0 { bad = bad "\n" $0; next }
	     { if ($6 / $5 < 1 - 1e-9) bad = bad "\n" $0 " ratio " $6 / $5 }
	     END { if (NR < 36) bad = bad "\nonly " NR " rows"; if (bad != "") { print bad; exit 1 } }' "$tmpd/free"

# the script on the shipped data and the real rooflab: no row flagged
# (judge()'s bounds and the PCIe chips' tp scaling), a group for every
# held-back chip and phase, the 0.10 rows among them
expect_exit 0 "shipped data: transfer-ratios.py flags no row (with --tp-scaling)" -- \
	python3 "$S" --rooflab "$RL" --tp-scaling --json "$tmpd/r.json"
expect_exit 0 "shipped data: groups of every chip and phase, the 0.10 rows' too" -- python3 -c "
import json; d = json.load(open('$tmpd/r.json'))
chips = {'h200-sxm', 'gh200', 'a100-sxm', 'a100-pcie', 'l40s', 'b200', 'gb200', 'b200/fp4', 'gb200/fp4'}
have = {(g['chip'], g['phase']) for g in d['groups']}
miss = {(c, p) for c in chips for p in ('decode', 'prefill', 'balanced')} - have
assert not miss, miss
assert {g['chip'] for g in d['groups'] if g['version'] == '0.10.0'} == chips
assert not d['flags'] and all(g['p10'] <= g['median'] <= g['p90'] for g in d['groups'])"
expect_exit 2 "an unknown argument exits 2" -- python3 "$S" --bogus
finish
