#!/bin/sh
# cli_heldback.sh: scripts/heldback-rehearsal.py, issue 11's held-back check
# rehearsed on a small hand-made table: which rows of each chip are
# modelled, and that every row not modelled is one of the allowed kinds (its
# weights do not fit the chip, its precision is not on the chip, or the H100
# row it came from is not modelled either); each count worked out by hand
# from the rows, the presets' memory and the models' shapes.  Then a label
# no part has is caught as a gap (exit 1), and the shipped data meets the
# issue's 85% on every chip with no gap.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
S="$root/scripts/heldback-rehearsal.py"
have python3 "heldback-rehearsal.py" || finish

# a data folder: the shipped one but for the measurements
D="$tmpd/data"
mkdir -p "$D/measurements"
for x in "$ROOFLAB_DATA"/*; do
	case $(basename "$x") in
	measurements | measurements.csv) ;;
	*) ln -s "$x" "$D/" ;;
	esac
done
cp "$ROOFLAB_DATA/measurements/rounding.csv" "$ROOFLAB_DATA/measurements/datasets.csv" "$D/measurements/"
# six rows of the perf-overview tables' kinds and one 0.10 row:
#  p1 Llama-3 8B 16-bit tp 1     p2 Llama-3 70B FP8 tp 1 (0.13)
#  p3 the same in 0.11, its notes' KV fraction "0.99 (GH200 0.95)"
#  p4 Llama-3.1 405B FP8 tp 8    p5 gpt-oss-20b post-1.0 (not modelled on H100)
#  p6 Llama-3.3 70B FP8 tp 4 post-1.0, per GPU
#  l1 Llama-3 8B FP8 tp 1 of the 0.10 table (data/measurements.csv's layout)
cat > "$D/measurements/published-h100.csv" <<'EOF'
id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value,notes
p1,TensorRT-LLM,0.13.0,h100-sxm,1,llama3-8b,fp16,128,128,1,1,,,tokens_per_s,1000,"table column ""H100 80GB HBM3"" precision ""FP16"""
p2,TensorRT-LLM,0.13.0,h100-sxm,1,llama3-70b,fp8,128,2048,1,1,,,tokens_per_s,1000,"table column ""H100 80GB HBM3"" precision ""FP8"""
p3,TensorRT-LLM,0.11.0,h100-sxm,1,llama3-70b,fp8,128,2048,1,1,,,tokens_per_s,1000,"table column ""H100 80GB HBM3"" precision ""FP8""; kv_cache_free_gpu_mem_fraction=0.99 (GH200 0.95)"
p4,TensorRT-LLM,0.19.0,h100-sxm,8,llama3.1-405b,fp8,1000,1000,8,1,,,output_tokens_per_s,1000,
p5,TensorRT-LLM,"post-1.0(main, developer-guide)",h100-sxm,1,gpt-oss-20b,fp8,1000,1000,1,1,,,output_tokens_per_s_per_gpu,1000,
p6,TensorRT-LLM,"post-1.0(main, developer-guide)",h100-sxm,4,llama3.3-70b,fp8,1000,1000,4,1,,,output_tokens_per_s_per_gpu,1000,
EOF
cat > "$D/measurements.csv" <<'EOF'
id,system,chips,chip,model,precision,isl,osl,tp,software,metric,value,source
l1,H100 SXM,1,h100-sxm,llama3-8b,fp8,128,128,1,TensorRT-LLM 0.10.0,output_tokens_per_s,1000,hand-made
EOF
run() { python3 "$S" --rooflab "$RL" --data "$D" --no-extra --json "$tmpd/h.json" "$@"; }

# Rows per chip: every row but on the A100s (no FP8: p1, 16-bit, and l1,
# the 0.10 table's A100 section in FP16); B200 and GB200 add an FP4 twin
# of each FP8 row (p2-p6, l1).  Weights on one chip, the transformer layers
# alone (models.csv: hidden 8192, 80 layers, kv 8 x 128, ffn 28672 for 70B;
# 16384, 126, 8 x 128, 53248 for 405B; 4096, 32, ffn 14336 for 8B):
#   70B: (2 x 8192^2 + 2 x 8192 x 1024 + 3 x 8192 x 28672) x 80 = 68.4e9,
#        at 1 byte 68.4 GB on one chip (p2, p3), 17.1 GB at tp 4 (p6)
#   405B: (2 x 16384^2 + 2 x 16384 x 1024 + 3 x 16384 x 53248) x 126 =
#        401.6e9, 50.2 GB a chip at tp 8 (p4)
#   8B: 7.0e9, 14 GB at 16 bits (p1), 7 GB at FP8 (l1)
# so on the L40S (l40s.ini: 48.3 GB; a table holds a row whose weights take
# at most 0.9 of it, 43.5 GB) p2, p3 and p4 are impossible, p1, p6 and l1
# are modelled; on every other chip (85.9 GB and up) everything fits.  p5
# is gpt-oss, which versions.csv models on no chip: as on the H100.
expect_exit 1 "the small table: the L40S under 85% of the rows it could hold (3 of 4), exit 1" -- run
expect_out "^  l40s: 75\.0% of the rows its tables could hold modelled, under 85%" "the reason: the L40S's share"
expect_exit 0 "with no share asked: no gap, every check holds" -- run --min-share 0
expect_exit 0 "rows, modelled and kinds per chip as worked out by hand" -- python3 -c "
import json
d = json.load(open('$tmpd/h.json'))
got = {c: (x['rows'], x['modelled'], x['kinds']) for c, x in d['chips'].items()}
want = {'h200-sxm': (7, 6, {'as_h100': 1}), 'gh200': (7, 6, {'as_h100': 1}),
        'a100-sxm': (2, 2, {}), 'a100-pcie': (2, 2, {}),
        'l40s': (7, 3, {'impossible': 3, 'as_h100': 1}),
        'b200': (13, 11, {'as_h100': 2}), 'gb200': (13, 11, {'as_h100': 2})}
assert got == want, got
assert abs(d['chips']['l40s']['share'] - 0.75) < 1e-12, d['chips']['l40s']
assert all(not x['gaps'] for x in d['chips'].values())"
# each reason is of an allowed kind: the L40S's three its memory, the
# others versions.csv's gpt-oss row, which the H100's p5 has too
expect_exit 0 "each reason not modelled of an allowed kind" -- python3 -c "
import json
d = json.load(open('$tmpd/h.json'))
for c, x in d['chips'].items():
    for r, n in x['reasons'].items():
        k = r.split(':')[0]
        assert k in ('impossible', 'as_h100'), (c, r)
        assert k != 'impossible' or 'does not fit' in r, (c, r)
        assert k != 'as_h100' or 'gpt-oss' in r or 'precision label' in r, (c, r)"
# the per-chip settings: p3 on GH200 as with 0.95 and on H200 as with
# 0.99, p6's per-GPU figure times 4 its total, l1 as in the published layout;
# every row as written predicts as with the presets' names (xfer5), and with
# --no-extra no row is an EXTRA row to judge a ratio of (None); validate
# --strict takes both files (every label one it knows)
expect_exit 0 "the tables' per-chip settings applied" -- python3 -c "
import json
d = json.load(open('$tmpd/h.json'))['checks']
assert d == {'kv_fraction_0.11_gh200': [], 'per_gpu_metric_post_1.0': [], 'layout_0.10': [],
             'spellings_published': [], 'spellings_0.10': [], 'ratios_extra': None,
             'strict': []}, d"

# at the H100's precisions the A100 gets all seven rows: p1 (16-bit)
# modelled, p5 as on the H100, the five FP8 rows (p2-p4, p6, l1) refused
# for the precision the A100 lacks (a100-sxm.ini: peak_tflops_fp8 = 0),
# each judged impossible, none a gap
expect_exit 0 "the H100's precisions on the A100: FP8 impossible, no gap" -- run --min-share 0 --chips a100-sxm --h100-precisions
expect_exit 0 "the A100's seven rows: 1 modelled, 5 impossible (no FP8), 1 as on the H100" -- python3 -c "
import json
x = json.load(open('$tmpd/h.json'))['chips']['a100-sxm']
assert (x['rows'], x['modelled'], x['kinds']) == (7, 1, {'impossible': 5, 'as_h100': 1}), x
assert [r for r in x['reasons'] if r.startswith('impossible')] == ['impossible: engine: chip: no fp# matrix peak (set chip.peak_tflops_fp# or use another precision)'], x['reasons']"

# a label of no part ("H200 141GB HBM2e": no H200 of HBM2e) is a gap
expect_exit 1 "a label no part has: a gap, exit 1" -- run --min-share 0 --chips h200-sxm --labels 'h200-sxm=H200 141GB HBM2e'
expect_out "GAP p1@h200-sxm: unknown chip 'H200 141GB HBM2e'" "the gap named with its reason"
# the tables' labels of the H200, each on h200-sxm
expect_exit 0 "the H200's labels, HBM3 with its 141 GB too" -- run --min-share 0 --chips h200-sxm --labels 'h200-sxm=H200 141GB HBM3|H200 141GB HBM3e|H200'
expect_exit 2 "--labels of no held-back chip: exit 2" -- run --labels 'h100-sxm=H100'
# the model column spelled as the tables label it (the 0.11-0.14 tables'
# "LLaMA v3 70B", published-h100.csv's notes), as the config's repository
# names it (models.csv: meta-llama/Meta-Llama-3-70B) and in upper case:
# each read as llama3-70b (config/modellabel.c), so p2 and p3 are modelled
# on the H200 as with the preset's name (both fit: 68.4 GB, above); a
# label of no model ("LLaMA v4 70B") is a gap
expect_exit 0 "the tables' and repositories' model labels: no gap" -- run --min-share 0 --chips h200-sxm --model-labels 'llama3-70b=LLaMA v3 70B|meta-llama/Meta-Llama-3-70B|LLAMA3-70B'
expect_exit 0 "the H200's rows as with the preset's names" -- python3 -c "
import json
x = json.load(open('$tmpd/h.json'))['chips']['h200-sxm']
assert (x['rows'], x['modelled'], x['kinds']) == (7, 6, {'as_h100': 1}), x"
expect_exit 1 "a model label of no model: a gap, exit 1" -- run --min-share 0 --chips h200-sxm --model-labels 'llama3-70b=LLaMA v4 70B'
expect_out "GAP p2@h200-sxm: unknown model 'LLaMA v4 70B'" "the gap named with its reason"
expect_out "strict: heldback-published.csv: --strict exit 2: .*column 'model' \(6\): .*LLaMA v4 70B" "and validate --strict refuses the file, naming it"
expect_exit 2 "--model-labels without '=': exit 2" -- run --model-labels 'llama3-70b'

# the spellings check (xfer5): a label of another part ("H100 80GB HBM3",
# the H100's own column header) runs the H200's rows on the H100, so the
# rows' figures are not the h200-sxm preset's: each named
expect_exit 1 "a label of another part: the spellings check names the rows" -- run --min-share 0 --chips h200-sxm --labels 'h200-sxm=H100 80GB HBM3'
expect_out "spellings_published: p1@h200-sxm \(chip 'H100 80GB HBM3', model 'llama3-8b', precision 'fp16'\): ok" "p1 named with its label"
# MXFP4 for gpt-oss: with three labels the h200's fifth row, p5, is n = 4
# and spelled as row 4 // 3 = 1, odd, so MXFP4 (p2, row 1 // 3 = 0, stays
# 'fp8', spelled() at 0); p5 not modelled as on the H100 (versions.csv's
# gpt-oss rule), and its figure and kind as with 'fp8' and the presets
expect_exit 0 "three H200 labels: no gap, spellings and all checks hold" -- run --min-share 0 --chips h200-sxm --labels 'h200-sxm=h200-sxm|H200|H200 141GB HBM3e' --keep "$tmpd/k3"
expect_exit 0 "p5 written MXFP4, p2 fp8; p5 as on the H100; spellings check empty" -- python3 -c "
import csv, json
r = {x['id']: x for x in csv.DictReader(open('$tmpd/k3/heldback-published.csv'))}
assert r['p5@h200-sxm']['precision'] == 'MXFP4', r['p5@h200-sxm']
assert r['p2@h200-sxm']['precision'] == 'fp8', r['p2@h200-sxm']
d = json.load(open('$tmpd/h.json'))
assert d['chips']['h200-sxm']['kinds'] == {'as_h100': 1}, d['chips']
assert d['checks']['spellings_published'] == [] and d['checks']['spellings_0.10'] == [], d['checks']"

# MLPerf rows (xfer5): the hand-made table with one MLPerf row m1 (llama2-70b
# FP8 on 8 GPUs, tp 2 x 4 instances, as published-h100.csv's v4.1 Offline
# row).  The H200 and L40S (MLPERF_LABELS) get it, the A100 does not (no
# MLPerf system of it in data/sources); versions.csv refuses every MLPerf
# row (OpenOrca's lengths), on the H100 too, so m1 is 'as_h100' on both:
# h200-sxm 7 + 1 rows, 6 modelled, as_h100 2; l40s 7 + 1, 3 modelled,
# impossible 3 (above), as_h100 2; a100-sxm as before, 2 of 2.  On the H200
# m1 is labelled 'H200-SXM-141GB' (its only MLPerf label), its notes' system
# name the label, its model the preset's (row 0 of MLPERF_MODELS)
D2="$tmpd/data2"
mkdir -p "$D2/measurements"
for x in "$D"/*; do
	case $(basename "$x") in
	measurements) ;;
	*) ln -s "$x" "$D2/" ;;
	esac
done
cp "$D"/measurements/* "$D2/measurements/"
echo 'm1,TensorRT-LLM (MLPerf NVIDIA harness),v4.1,h100-sxm,8,llama2-70b,fp8,,,2,1,MLPerf Offline,,tokens_per_s,1000,NVIDIA closed DGX-H100_H100-SXM-80GBx8_TRT; config H100_SXM_80GB_TP2x4' >> "$D2/measurements/published-h100.csv"
expect_exit 0 "an MLPerf row: no gap, every check holds" -- python3 "$S" --rooflab "$RL" --data "$D2" --no-extra --min-share 0 --chips h200-sxm,l40s,a100-sxm --keep "$tmpd/km" --json "$tmpd/hm.json"
expect_exit 0 "m1 on the H200 and L40S as on the H100, labelled as MLPerf's systems" -- python3 -c "
import csv, json
d = json.load(open('$tmpd/hm.json'))
got = {c: (x['rows'], x['modelled'], x['kinds']) for c, x in d['chips'].items()}
want = {'h200-sxm': (8, 6, {'as_h100': 2}), 'l40s': (8, 3, {'impossible': 3, 'as_h100': 2}),
        'a100-sxm': (2, 2, {})}
assert got == want, got
r = {x['id']: x for x in csv.DictReader(open('$tmpd/km/heldback-published.csv'))}
m = r['m1@h200-sxm']
assert (m['chip'], m['model'], m['tp'], m['gpus']) == ('H200-SXM-141GB', 'llama2-70b', '2', '8'), m
assert m['notes'] == 'NVIDIA closed H200-SXM-141GBx8_TRT; config H200_SXM_141GB_TP2x4', m['notes']
assert 'm1@a100-sxm' not in r"

# TPxPP rows (xfer5): with EXTRA, the L40S gets llama3.1-70b FP8 at 2x2, 1x4
# and 4x2 in every version from 0.15 on, at each ISL/OSL pair's first row:
# the table's 0.19.0 1000/1000 (p4) and post-1.0 1000/1000 (p5 first), 6
# rows.  The 70B's weights, about 70 GB at 1 byte (68.4 GB of layers, above,
# and the 128256 x 8192 embedding and head), take 17.6 GB a card at 4 cards
# and 8.8 at 8, within the 48.3 GB: all 6 modelled, so the L40S has 7 + 6
# rows, 3 + 6 modelled; each has an H100 twin (FP8) and its ratio stays in
# transfer-audit.py's bounds
expect_exit 0 "TPxPP rows on the L40S: modelled, no gap, ratios in bounds" -- python3 "$S" --rooflab "$RL" --data "$D" --json "$tmpd/h.json" --min-share 0 --chips l40s --keep "$tmpd/kp"
expect_out "6 rows with an H100 twin judged" "each of the six against its H100 twin"
expect_exit 0 "the six TPxPP rows: tp, pp and gpus as written, all modelled" -- python3 -c "
import csv, json
d = json.load(open('$tmpd/h.json'))
x = d['chips']['l40s']
assert (x['rows'], x['modelled'], x['kinds']) == (13, 9, {'impossible': 3, 'as_h100': 1}), x
assert d['checks']['ratios_extra'] == [], d['checks']['ratios_extra']
r = [x for x in csv.DictReader(open('$tmpd/kp/heldback-published.csv')) if x['id'].startswith('extra-')]
assert sorted((x['version'], x['tp'], x['pp'], x['gpus']) for x in r) == sorted(
    (v, t, p, g) for v in ('0.19.0', 'post-1.0(main, developer-guide)')
    for t, p, g in (('2', '2', '4'), ('1', '4', '4'), ('4', '2', '8'))), r"

# the tp column as the newest tables may write it: TP4 is tp 4 (the same
# prediction as 4), TEP4 (the experts over the same 4 GPUs as tensor
# parallel attention, which the engine's ep, pooling replicas, is not) a
# row listed with that reason, not a refused file; another word still is
printf '%s\n' 'id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value' > "$tmpd/tp.csv"
for tp in 4 TP4 TEP4; do
	echo "t$tp,TensorRT-LLM,1.0(main),b200,4,qwen3-235b-a22b,fp8,1000,1000,$tp,1,,,output_tokens_per_s,1000" >> "$tmpd/tp.csv"
done
expect_exit 0 "tp TP4 and TEP4 read, not refused" -- $RL validate --measurements "$tmpd/tp.csv" --json
cp "$tmpd/out" "$tmpd/tp.json"
expect_exit 0 "TP4 as 4; TEP4 not modelled, naming TEP4" -- python3 -c "
import json
r = json.load(open('$tmpd/tp.json'))['rows']
assert r[0]['status'] == r[1]['status'] == 'ok' and r[0]['predicted'] == r[1]['predicted'], r[:2]
assert r[2]['status'] == 'not_modelled' and r[2]['reason'].startswith('tp TEP4: '), r[2]"
sed 's/,TEP4,/,TXP4,/' "$tmpd/tp.csv" > "$tmpd/tpx.csv"
expect_exit 2 "tp TXP4: refused" -- $RL validate --measurements "$tmpd/tpx.csv"
expect_err "column 'tp' \(10\): 'TXP4' is not a whole number, TPn, DEPn or TEPn" "naming the column and the forms"
# TEP and TP take a whole number after them, as DEP does; and are those
# words whole (mutation tests: TX4 and TEX4 are neither TP4 nor TEP4)
for bad in TEP TEPx TEP0 TEP2.5 TP TP0 TX4 TEX4; do
	sed "s/,TEP4,/,$bad,/" "$tmpd/tp.csv" > "$tmpd/tpx.csv"
	expect_exit 2 "tp $bad: refused" -- $RL validate --measurements "$tmpd/tpx.csv"
	expect_err "column 'tp' \(10\): '$bad' is not a whole number, TPn, DEPn or TEPn" "naming $bad"
done

# --presets: each held-back preset number against its data/sources row;
# a B200 at the often-quoted 8 TB/s (hardware-models-more.md: the
# datasheet's HGX B200 is 7.7, which hardware-more.csv's secondary row
# gives) is caught
rm "$D/chips"
mkdir "$D/chips"
cp "$ROOFLAB_DATA"/chips/*.ini "$D/chips/"
sed 's/^hbm_tbps = 7\.7$/hbm_tbps = 8.0/' "$ROOFLAB_DATA/chips/b200.ini" > "$D/chips/b200.ini"
expect_exit 1 "--presets: a B200 of 8 TB/s caught" -- run --min-share 0 --chips b200 --presets
expect_out "b200 hbm_tbps = 8.0, its source hardware-more.csv b200 hbm_bandwidth gives 7.7" "naming the preset, its number and the source's"

# --presets: a preset's [design] clock against the dense peak it implies
# (2 x fma_units x clock_ghz) and its source's clock.  B200 at 2.0 GHz:
# 2 x 606,208 x 2.0e9 = 2,424.8 TFLOPS, not its 2,250, and above the
# device-reported 1,965 MHz maximum (hardware-more.csv b200 max_sm_clock);
# the A100 SXM at 1.5 GHz is caught on the A100 PCIe too, which takes its
# [design] through [preset] chip = a100-sxm (2 x 110,592 x 1.5e9 = 331.8
# against 312; above 1.41 and 1410 MHz); an H200 with the full die's 60 MB
# of L2 against the H100's 50 (hardware.csv h100-sxm l2_cache)
cp "$ROOFLAB_DATA/chips/b200.ini" "$D/chips/b200.ini"
sed 's/^clock_ghz = 1\.8558 /clock_ghz = 2.0 /' "$ROOFLAB_DATA/chips/b200.ini" > "$D/chips/b200.ini"
sed 's/^clock_ghz = 1\.41 /clock_ghz = 1.5 /' "$ROOFLAB_DATA/chips/a100-sxm.ini" > "$D/chips/a100-sxm.ini"
sed 's/^sram_mb = 50 /sram_mb = 60 /' "$ROOFLAB_DATA/chips/h200-sxm.ini" > "$D/chips/h200-sxm.ini"
expect_exit 1 "--presets: clocks and L2 off their sources caught" -- run --min-share 0 --chips b200,a100-sxm,a100-pcie,h200-sxm --presets
expect_out "b200 clock_ghz = 2: 2 x fma_units 606208 x clock = 2424.8 TFLOPS, not its peak_tflops_bf16 2250" "the B200's clock against its peak"
expect_out "b200 clock_ghz = 2, above its source hardware-more.csv b200 max_sm_clock \(1.965 GHz\)" "and against its source's clock"
expect_out "a100-sxm clock_ghz = 1.5: 2 x fma_units 110592 x clock = 331.8 TFLOPS" "the A100 SXM's"
expect_out "a100-pcie clock_ghz = 1.5, above its source hardware-more.csv a100-pcie boost_clock \(1.41 GHz\)" "the A100 PCIe's, through its base"
expect_out "h200-sxm sram_mb = 60.0, its source hardware.csv h100-sxm l2_cache gives 50.0" "the H200's L2"
cp "$ROOFLAB_DATA"/chips/b200.ini "$ROOFLAB_DATA"/chips/a100-sxm.ini "$ROOFLAB_DATA"/chips/h200-sxm.ini "$D/chips/"
expect_exit 0 "--presets: the shipped clocks and L2 hold" -- run --min-share 0 --chips b200,a100-sxm,a100-pcie,h200-sxm,l40s,gh200,gb200 --presets

# the shipped data: every chip's share of the rows its tables could hold
# at least issue 11's 85%, no gap, every check of the settings holding
expect_exit 0 "shipped data: >= 85% a chip, no gap, the settings applied, the presets their sources" -- python3 "$S" --rooflab "$RL" --presets --json "$tmpd/real.json"
expect_exit 0 "shipped data: seven chips, each >= 85%, no gap" -- python3 -c "
import json
d = json.load(open('$tmpd/real.json'))['chips']
assert len(d) == 7, d.keys()
for c, x in d.items():
    assert x['share'] >= 0.85 and not x['gaps'], (c, x['share'], x['gaps'][:3])
    assert set(x['kinds']) <= {'impossible', 'as_h100'}, (c, x['kinds'])"
finish
