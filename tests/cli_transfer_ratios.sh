#!/bin/sh
# cli_transfer_ratios.sh: physical bounds on the predicted H200/H100 ratio
# of decode rows, derived by hand from the two presets, for every TensorRT
# serving profile; scripts/transfer-ratios.py's PCIe tp-scaling flag on a
# stand-in rooflab (each ceiling worked out by hand); then the script on
# the shipped data (no row flagged, the groups of every held-back chip
# written).
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
have python3 "cli_transfer_ratios.sh" || finish

# tput CHIP PROFILE MODEL TP ISL OSL [BATCH]: output tokens/s (eval --json)
tput() {
	b=${7:+--batch $7}
	# shellcheck disable=SC2086
	"$RL" eval --chip "$1" --profile "$2" --model "$3" --precision fp8 --tp "$4" \
		--isl "$5" --osl "$6" $b --json |
		python3 -c 'import json, sys; print(json.load(sys.stdin)["throughput"]["output_tokens_per_s"])'
}

# The 'pcie-tp' flag on a stand-in rooflab whose predictions the test
# chooses.  Chip p: PCIe (link 32 GB/s), 48 GB; the stand-in's eval says
# 20 GB of weights on one chip at tp 1.  Output per GPU at tp n over tp 1
# may gain by the KV room, (48 - 20/n) / (48 - 20 - 8) (8 GB: the
# runtime's most at tp 1), over 0.9 (the KV cache's least share of the
# room): tp 2 (38 / 20) / 0.9 = 2.1111, tp 4 (43 / 20) / 0.9 = 2.3889,
# tp 8 (45.5 / 20) / 0.9 = 2.5278.  The stand-in predicts 100 on the
# H100 and 100 x tp x PER_GPU on p at tp > 1 (100 at tp 1).
D="$tmpd/data"
mkdir -p "$D/chips" "$D/measurements"
printf '[chip]\npeak_tflops_bf16 = 1000\nhbm_gb = 80\nhbm_tbps = 4\nlink_gbps = 400\n' > "$D/chips/h100-sxm.ini"
printf '[chip]\npeak_tflops_bf16 = 500\nhbm_gb = 48\nhbm_tbps = 1\nlink_gbps = 32\n' > "$D/chips/p.ini"
cat > "$D/measurements/published-h100.csv" <<'EOF'
id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value,source_repo,source_path,source_commit,notes
r1,TensorRT-LLM,0.13.0,h100-sxm,1,m,fp16,128,2048,1,1,,,output_tokens_per_s,100,,,,
EOF
cat > "$tmpd/fake" <<'EOF'
#!/usr/bin/env python3
import csv, json, os, sys
a = sys.argv[1:]
if a[0] == 'eval':
    print(json.dumps({'memory': {'weights_bytes_per_chip': 20e9}}))
    sys.exit(0)
rows = []
for r in csv.DictReader(open(a[a.index('--measurements') + 1])):
    tp = int(r['tp'])
    k = 1.0 if r['chip'] == 'h100-sxm' or tp == 1 else tp * float(os.environ['PER_GPU_TP%d' % tp])
    rows.append({'id': r['id'], 'status': 'ok', 'predicted': 100 * k, 'reason': None})
print(json.dumps({'rows': rows}))
EOF
chmod +x "$tmpd/fake"
scal() { # PER_GPU at tp 2, 4, 8
	PER_GPU_TP2=$1 PER_GPU_TP4=$2 PER_GPU_TP8=$3 python3 "$S" --rooflab "$tmpd/fake" --data "$D" \
		--chips p --tp-scaling --json "$tmpd/s.json"
}
expect_exit 0 "stand-in: per GPU 2.11, 2.38, 2.52 at tp 2, 4, 8: under the KV room's ceilings" -- scal 2.11 2.38 2.52
expect_exit 1 "stand-in: 2.12 at tp 2 is over (38 / 20) / 0.9 = 2.1111" -- scal 2.12 2.38 2.52
expect_exit 0 "stand-in: the flag is pcie-tp on r1@tp2 with its ceiling, no other" -- python3 -c "
import json; f = json.load(open('$tmpd/s.json'))['flags']
assert [(x['chip'], x['id'], x['flag']) for x in f] == [('p', 'r1@tp2', 'pcie-tp')], f
assert abs(f[0]['resource_ratios'][1] - 38 / 20 / 0.9) < 1e-9 and abs(f[0]['ratio'] - 2.12) < 1e-9, f"
expect_exit 1 "stand-in: 2.53 at tp 8 is over (45.5 / 20) / 0.9 = 2.5278" -- scal 2.11 2.38 2.53
expect_exit 0 "stand-in: without --tp-scaling no tp is swept" -- env PER_GPU_TP2=9 PER_GPU_TP4=9 PER_GPU_TP8=9 \
	python3 "$S" --rooflab "$tmpd/fake" --data "$D" --chips p

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
