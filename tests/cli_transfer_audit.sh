#!/bin/sh
# cli_transfer_audit.sh: scripts/transfer-audit.py, the published H100 rows
# carried to the chips the fits never saw and checked against physics.
# First its flags on a made-up chip set and a stand-in rooflab whose
# predictions the test chooses (each expected flag worked out by hand from
# the presets' ratios), then the shipped data: no row flagged, at least 85%
# of the rows a chip could hold modelled (issue 11), the H200/H100 long
# decode near the measured 1.41.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
A="$root/scripts/transfer-audit.py"
have python3 "transfer-audit.py" || finish

# a data dir of three chips: fast has twice the H100's compute, bandwidth,
# link and memory; slowbw half its bandwidth, the rest the same (through
# [preset] chip = h100-sxm)
D="$tmpd/data"
mkdir -p "$D/chips" "$D/measurements"
cat > "$D/chips/h100-sxm.ini" <<'EOF'
[chip]
peak_tflops_bf16 = 1000
peak_tflops_fp8 = 2000
hbm_gb = 80
hbm_tbps = 4
link_gbps = 400
EOF
cat > "$D/chips/fast.ini" <<'EOF'
[chip]
peak_tflops_bf16 = 2000 ; a comment
peak_tflops_fp8 = 4000
hbm_gb = 160
hbm_tbps = 8
link_gbps = 800
EOF
cat > "$D/chips/slowbw.ini" <<'EOF'
[preset]
chip = h100-sxm
[chip]
hbm_tbps = 2
EOF
# two throughput rows at maximum load (tp 1 and tp 2) and one at a rate
cat > "$D/measurements/published-h100.csv" <<'EOF'
id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value
r1,TensorRT-LLM,0.13.0,h100-sxm,1,m,fp8,128,2048,1,1,,,tokens_per_s,100
r2,TensorRT-LLM,0.13.0,h100-sxm,2,m,fp16,2048,128,2,1,,,tokens_per_s,100
r3,TensorRT-LLM,0.14.0,h100-sxm,1,m,fp16,128,128,1,1,,2,tokens_per_s,100
EOF
# the stand-in: validate predicts 100 on the H100 and 100 x RATIO_<chip>
# elsewhere; eval says 1 GB of weights a chip, 70 GB with --profile p13
cat > "$tmpd/fake" <<'EOF'
#!/usr/bin/env python3
import csv, json, os, sys
a = sys.argv[1:]
if a[0] == 'eval':
    p13 = '--profile' in a and a[a.index('--profile') + 1] == 'p13'
    print(json.dumps({'memory': {'weights_bytes_per_chip': 70e9 if p13 else 1e9}}))
    sys.exit(0)
rows = []
for r in csv.DictReader(open(a[a.index('--measurements') + 1])):
    k = 1.0 if r['chip'] == 'h100-sxm' else float(os.environ['RATIO_' + r['chip']])
    rows.append({'id': r['id'], 'status': 'ok', 'predicted': 100 * k, 'reason': None})
print(json.dumps({'rows': rows, 'groups': [], 'cells': []}))
EOF
chmod +x "$tmpd/fake"
audit() { # RATIO_FAST RATIO_SLOWBW: the audit of fast and slowbw
	RATIO_fast=$1 RATIO_slowbw=$2 python3 "$A" --rooflab "$tmpd/fake" --data "$D" \
		--chips fast,slowbw --json "$tmpd/a.json"
}
# fast: every resource and the memory 2x, so a ratio in [1, 2] (fixed
# times pull it towards 1); slowbw: bandwidth 0.5x, compute and link 1x,
# memory the same, so [0.5, 1].  Inside both: no flag
expect_exit 0 "inside [1, 2] and [0.5, 1]: no flag" -- audit 1.5 0.7
# 0.9 on fast: a faster chip slower, on both maximum-load rows; 0.4 on
# slowbw: under its smallest ratio 0.5 with no less memory; the rate row
# r3 never
expect_exit 1 "faster chip slower, under the bandwidth ratio: flagged" -- audit 0.9 0.4
expect_exit 0 "the flags: fast slower on r1 and r2, slowbw below on r1 and r2" -- python3 -c "
import json; d = json.load(open('$tmpd/a.json'))
assert sorted((f['chip'], f['id'], f['flag']) for f in d['flags']) == [('fast', 'r1', 'slower'), ('fast', 'r2', 'slower'), ('slowbw', 'r1', 'below'), ('slowbw', 'r2', 'below')], d['flags']"
# --tp-sweep: r1 (tp 1) again at tp 2, 4 and 8, r2 (tp 2) at 1, 4 and 8
# (the rate row r3 never), on every chip; the stand-in's ratios are the
# same at every tp, so each of the six is flagged as its row was above
sweep() { # RATIO_FAST RATIO_SLOWBW
	RATIO_fast=$1 RATIO_slowbw=$2 python3 "$A" --rooflab "$tmpd/fake" --data "$D" \
		--chips fast,slowbw --tp-sweep --json "$tmpd/a.json"
}
expect_exit 0 "--tp-sweep inside the bounds: no flag" -- sweep 1.5 0.7
expect_exit 0 "--tp-sweep: six rows a chip, all modelled" -- python3 -c "
import json; d = json.load(open('$tmpd/a.json'))['tp_sweep']
assert {c: (x['rows'], x['modelled']) for c, x in d['chips'].items()} == {'fast': (6, 6), 'slowbw': (6, 6)}, d['chips']"
expect_exit 1 "--tp-sweep: the swept rows flagged too" -- sweep 0.9 0.4
expect_exit 0 "--tp-sweep flags: fast slower and slowbw below at each new tp" -- python3 -c "
import json; d = json.load(open('$tmpd/a.json'))['tp_sweep']['flags']
ids = ['r1@tp2', 'r1@tp4', 'r1@tp8', 'r2@tp1', 'r2@tp4', 'r2@tp8']
want = sorted([('fast', i, 'slower') for i in ids] + [('slowbw', i, 'below') for i in ids])
assert sorted((f['chip'], f['id'], f['flag']) for f in d) == want, d"
# and section 7 (dominance): fast has twice the H100's every resource and
# the H100 more bandwidth than slowbw, so fast >= h100-sxm >= slowbw and
# fast >= slowbw on the 8 rows (2 of the table, 6 swept); at 0.9 the 8
# rows of fast are below the H100's, at 0.4 slowbw's are not above anyone
expect_exit 0 "--tp-sweep dominance: fast below the H100 on all 8 rows, no other pair" -- python3 -c "
import json; d = json.load(open('$tmpd/a.json'))['dominance']
got = sorted((x['chip'], x['over'], x['rows'], len(x['below'])) for x in d)
assert got == [('fast', 'h100-sxm', 8, 8), ('fast', 'slowbw', 8, 0), ('h100-sxm', 'slowbw', 8, 0)], got"
# 2.5 on fast: above every resource ratio, but fast has twice the memory
# (a larger batch): counted, not flagged; 1.2 on slowbw: above 1 with no
# more memory: flagged
expect_exit 1 "above on the same memory: flagged" -- audit 2.5 1.2
expect_exit 0 "above: only slowbw's, fast's two counted as the larger KV cache" -- python3 -c "
import json; d = json.load(open('$tmpd/a.json'))
assert sorted((f['chip'], f['id'], f['flag']) for f in d['flags']) == [('slowbw', 'r1', 'above'), ('slowbw', 'r2', 'above')], d['flags']
assert d['chips']['fast']['above_resource_ratio_more_memory'] == 2, d['chips']"
# the KV bound: weights 1 GB a chip; fast's KV room over the H100's is
# (160 - 1 - R) / (80 - 1 - R), 2.0127 at R = 0 and 151 / 71 = 2.1268 at
# R = 8 GB, so fast stays under 2 x 2.1268 = 4.2535; small (40 GB, the
# H100 otherwise) keeps at least 31 / 71 = 0.4366 of it (R = 8 GB)
cat > "$D/chips/small.ini" <<'EOF'
[preset]
chip = h100-sxm
[chip]
hbm_gb = 40
EOF
kv() { # RATIO_FAST RATIO_SMALL
	RATIO_fast=$1 RATIO_small=$2 python3 "$A" --rooflab "$tmpd/fake" --data "$D" \
		--chips fast,small --json "$tmpd/a.json"
}
expect_exit 0 "within the KV room's ratio: 4.2 on fast, 0.45 on small" -- kv 4.2 0.45
expect_exit 1 "beyond it: 4.3 on fast, 0.43 on small" -- kv 4.3 0.43
expect_exit 0 "beyond-kv on fast, under-kv on small, both maximum-load rows" -- python3 -c "
import json; d = json.load(open('$tmpd/a.json'))
assert sorted((f['chip'], f['id'], f['flag']) for f in d['flags']) == [('fast', 'r1', 'beyond-kv'), ('fast', 'r2', 'beyond-kv'), ('small', 'r1', 'under-kv'), ('small', 'r2', 'under-kv')], d['flags']
f = [f for f in d['flags'] if f['chip'] == 'fast'][0]
assert abs(f['resource_ratios'][1] - 2 * 151 / 71) < 1e-9, f"
# the weights are those the row's own profile counts (versions.csv): with
# 0.13.0's p13 holding 70 GB a chip, fast's room is (160 - 70 - R) / (80 -
# 70 - R), 9 at R = 0 and 41 at 8 GB, so 4.3 is inside 2 x 41; small (40
# GB) cannot hold the weights, no KV bound, and its memory is less than the
# H100's: 0.43 is no flag
mkdir -p "$D/profiles"
printf '# which profile\nsoftware,version,profile\nTensorRT-LLM,0.13.0,p13\n' > "$D/profiles/versions.csv"
expect_exit 0 "the row's own profile's weights: 4.3 on fast, 0.43 on small, no flag" -- kv 4.3 0.43
rm -r "$D/profiles"
expect_exit 2 "an unknown chip preset: exit 2" -- python3 "$A" --rooflab "$tmpd/fake" --data "$D" --chips nosuch
expect_err "no chip preset" "the reason names the preset"

# scripts/rlpresets.py itself (mutation tests): a chip preset's [chip]
# keys over its base's, no other section's, text kept only with keep_text
# (from the base too), a loop of bases ended by die naming the preset
P="$tmpd/rp"
mkdir -p "$P/chips"
printf '[chip]\nhbm_gb = 80\nname = Base GPU\n[design]\ndie_mm2 = 814\n[power]\ntdp_w = 700\n' > "$P/chips/base.ini"
printf '[preset]\nchip = base\n[chip]\nhbm_gb = 141\n' > "$P/chips/kid.ini"
printf '[preset]\nchip = b\n' > "$P/chips/a.ini"
printf '[preset]\nchip = a\n' > "$P/chips/b.ini"
cat > "$tmpd/rp.py" <<EOF
import sys
sys.path.insert(0, '$root/scripts')
import rlpresets
def die(m):
    raise ValueError(m)
got = rlpresets.chip('$P', 'kid', die)
assert got == {'hbm_gb': 141.0}, got
got = rlpresets.chip('$P', 'kid', die, keep_text=True)
assert got == {'hbm_gb': 141.0, 'name': 'Base GPU'}, got
try:
    rlpresets.chip('$P', 'a', die)
    raise AssertionError('no loop found')
except ValueError as e:
    assert str(e) == 'preset loop at a', e
EOF
expect_exit 0 "rlpresets: the kid's [chip] over its base's, text with keep_text, a loop named" -- python3 "$tmpd/rp.py"

# the shipped data and the real rooflab
expect_exit 0 "shipped data: no row flagged against physics (also at the tps the tables did not run)" -- python3 "$A" --rooflab "$RL" --tp-sweep --json "$tmpd/real.json"
# issue 11: at least 85% of the held-out rows modelled; a chip's table
# holds only rows whose weights fit it at that tp, at a precision it has
expect_exit 0 "shipped data: >= 85% of the rows each chip could hold modelled" -- python3 -c "
import json; d = json.load(open('$tmpd/real.json'))['chips']
bad = {c: x for c, x in d.items() if x['fitting_modelled'] < 0.85 * x['fitting_rows']}
assert len(d) == 7 and not bad, bad"
expect_exit 0 "shipped data: >= 85% modelled at the tps the tables did not run" -- python3 -c "
import json; d = json.load(open('$tmpd/real.json'))['tp_sweep']['chips']
bad = {c: x for c, x in d.items() if x['fitting_modelled'] < 0.85 * x['fitting_rows']}
assert len(d) == 7 and not bad, bad"
# the 0.10 table measured H200/H100 1.41 on long decodes of dense Llama-3
# (issue 11; the HBM ratio 4.8/3.35 = 1.43): every version's median
# predicted decode ratio within 10% of it.  Not the post-1.0 per-GPU
# tables': their one long decode modelled is Qwen3-235B FP8 DEP8
# 1024/8192, an MoE whose KV room per chip grows 2.7x on the H200 (80 and
# 141 GB less 37.6 GB of weights and the runtime: 37 and 100 GB), so its
# batch does (42 -> 112 sequences a rank, rooflab eval), and the larger
# batch shares each iteration's weight reads: at least the HBM ratio (the
# upper bound, the KV room's, is the audit's 'beyond-kv' flag: none)
expect_exit 0 "shipped data: H200/H100 long decodes within 10% of the measured 1.41" -- python3 -c "
import json; d = json.load(open('$tmpd/real.json'))['classes']
x = [(c['version'], c['decode']) for c in d if c['chip'] == 'h200-sxm' and not c['version'].startswith('post-1.0')]
assert len(x) >= 10 and all(1.41 * 0.9 <= r <= 1.41 * 1.1 for v, r in x), x
y = [(c['version'], c['decode']) for c in d if c['chip'] == 'h200-sxm' and c['version'].startswith('post-1.0')]
assert len(y) == 2 and all(r >= 4.8 / 3.35 for v, r in y), y"
finish
