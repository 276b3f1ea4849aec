#!/bin/sh
# cli_transfer.sh: the published H100 rows moved to the chips the fit never
# saw (the chip column rewritten), as a held-back file of those chips would
# come: which rows are modelled and why the others are not, that they land
# in the held-out tables, the per-chip settings of the notes, the FP4
# spellings.  Status and reasons only, never an accuracy value.
. "$(dirname "$0")/clilib.sh"

P="${ROOFLAB_DATA:-data}/measurements/published-h100.csv"
# a held-back file may spell the chip as the tables' column headers do
# ("H200 141GB HBM3e", "A100-SXM4-80GB", published-methodology.md and
# hardware-models-more.md): each label runs on the preset of that part;
# another part (the 144 GB HBM3e GH200, the H200 NVL card, the L40, an
# AMD GPU) is listed, not modelled, with the reason and the presets
L='x,TensorRT-LLM,0.13.0,%s,1,llama3-8b,fp16,128,128,1,1,,,tokens_per_s,1\n'
{
	echo 'id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value'
	for c in 'h200' 'H200 141GB HBM3e' 'NVIDIA H200-SXM' 'GH200 96GB HBM3' \
	         'GH200 96GB HBM3 (480 GB LPDDR5X)' 'A100-SXM4-80GB' 'A100 SXM4 40GB' \
	         'A100-PCIE-80GB' 'A100 80GB PCIe' 'L40S' 'L40S 48GB' \
	         'B200 180GB HBM3e' 'GB200 186GB' 'H100 80GB HBM3' 'H100 PCIe' \
	         'GH200 144GB HBM3e' 'H200 NVL' 'L40' 'mi300x'; do
		printf "$L" "$c"
	done
} > "$tmpd/labels.csv"
expect_exit 0 "chip labels: not an input error" -- $RL validate --measurements "$tmpd/labels.csv"
if command -v python3 >/dev/null 2>&1; then
	$RL validate --measurements "$tmpd/labels.csv" --json > "$tmpd/labels.json"
	expect_exit 0 "chip labels: each part on its preset, the others listed with the reason" -- python3 -c "
import json
rows = json.load(open('$tmpd/labels.json'))['rows']
want = ['h200-sxm'] * 3 + ['gh200'] * 2 + ['a100-sxm', 'a100-sxm-40gb', 'a100-pcie', 'a100-pcie', 'l40s', 'l40s', 'b200', 'gb200', 'h100-sxm', 'h100-pcie'] + [None] * 4
got = [(x['chip'] if x['status'] == 'ok' else None) for x in rows]
assert got == want, list(zip(got, want))
for x in rows[-4:]:
    assert 'unknown chip' in x['reason'] and 'known: ' in x['reason'] and x['chip_given'] in x['reason'], x"
fi

if ! command -v python3 >/dev/null 2>&1; then
	echo "ok - skipped: python3 is missing (needed to rewrite CSV rows)"
	finish
fi
# swap CHIP [PRECISION]: the published file with every row on CHIP (and,
# when given, every fp8 row at PRECISION) into $tmpd/CHIP.json
swap() {
	python3 - "$P" "$1" "${2:-}" > "$tmpd/$1.csv" <<'PY'
import csv, sys
src, chip, prec = sys.argv[1:4]
r = csv.reader(open(src, newline=''))
w = csv.writer(sys.stdout, lineterminator='\n')
h = next(r); w.writerow(h)
ci, pi = h.index('chip'), h.index('precision')
for row in r:
    row[ci] = chip
    if prec and row[pi] == 'fp8':
        row[pi] = prec
    w.writerow(row)
PY
	$RL validate --measurements "$tmpd/$1.csv" --json > "$tmpd/$1.json"
}
swap h100-sxm
# q CHIP PYTHON: assert over base (the H100 rows by id) and rows (CHIP's)
q() {
	python3 -c "
import json
base = {x['id']: x for x in json.load(open('$tmpd/h100-sxm.json'))['rows']}
d = json.load(open('$tmpd/$1.json')); rows = d['rows']
$2"
}

# H200, GH200, B200, GB200 have an FP8 peak and more memory than the H100's
# 80 GiB (141, 96, 180, 186 GB): every row the H100 runs they run, and the
# rows not modelled keep the H100's reasons (a version without a profile,
# MLPerf's length distribution, ...)
for c in h200-sxm gh200 b200 gb200; do
	expect_exit 0 "$c: every H100 row listed" -- swap $c
	expect_exit 0 "$c: same rows modelled as on the H100, same reasons" -- q $c "
bad = [x['id'] for x in rows if x['status'] != base[x['id']]['status'] or (x['status'] != 'ok' and x['reason'] != base[x['id']]['reason'])]
assert len(rows) == len(base) and not bad, bad[:5]"
	# a held-back chip's rows are held out: no in-sample group, and every
	# modelled row counted in the held-out group of its chip
	expect_exit 0 "$c: its rows in the held-out tables, none in sample" -- q $c "
g = [x for x in d['groups'] if x['by'] == 'chip']
ok = sum(x['status'] == 'ok' for x in rows)
assert not [x for x in g if x['set'] == 'in_sample'], g
assert [(x['key'], x['modelled']) for x in g if x['set'] == 'held_out'] == [('$c', ok)], g"
	expect_exit 0 "$c: held out grouped per version, model and precision too" -- q $c "
s = {x['by'] for x in d['groups'] if x['set'] == 'held_out'}
assert {'chip', 'version', 'model', 'precision'} <= s, s"
done

# A100 (SXM and PCIe): no FP8 (Ampere), 80 GiB as the H100: the FP8 rows
# not modelled for that reason, every 16-bit row the H100 runs runs
for c in a100-sxm a100-pcie; do
	expect_exit 0 "$c: every H100 row listed" -- swap $c
	expect_exit 0 "$c: FP8 rows refused for the missing FP8 peak" -- q $c "
f8 = [x for x in rows if base[x['id']]['status'] == 'ok' and x['status'] != 'ok']
assert f8 and all('no fp8 matrix peak' in x['reason'] for x in f8), [x['reason'] for x in f8 if 'fp8' not in x['reason']][:3]"
done
# which H100 rows are 16-bit: the precision column of the source
python3 -c "
import csv
for r in csv.DictReader(open('$P', newline='')):
    print(r['id'], r['precision'], r['model'], r['tp'])" > "$tmpd/prec.txt"
qp() { # like q, with prec[id] = (precision, model, tp)
	q "$1" "
prec = {l.split()[0]: l.split()[1:] for l in open('$tmpd/prec.txt')}
$2"
}
for c in a100-sxm a100-pcie; do
	expect_exit 0 "$c: every 16-bit row the H100 runs is modelled" -- qp $c "
r16 = [x for x in rows if base[x['id']]['status'] == 'ok' and prec[x['id']][0] in ('fp16', 'bf16')]
assert r16 and all(x['status'] == 'ok' for x in r16), [x['reason'] for x in r16 if x['status'] != 'ok'][:3]
r8 = [x for x in rows if prec[x['id']][0] == 'fp8' and base[x['id']]['status'] == 'ok']
assert r8 and all(x['status'] != 'ok' for x in r8)"
done

# L40S: FP8 (733 TFLOPS) but 48 GB: Llama-3 8B's 8e9 parameters in 16 bits
# are 16 GB, so every 8B row runs at TP1; a 70B model at TP1 is 70 GB of
# weights even in FP8, more than the card, so none runs; whatever else is
# not modelled beyond the H100's reasons is for memory
expect_exit 0 "l40s: every H100 row listed" -- swap l40s
expect_exit 0 "l40s: every 8B row the H100 runs is modelled" -- qp l40s "
r = [x for x in rows if base[x['id']]['status'] == 'ok' and prec[x['id']][1] in ('llama3-8b', 'llama3.1-8b')]
assert r and all(x['status'] == 'ok' for x in r), [x['reason'] for x in r if x['status'] != 'ok'][:3]"
expect_exit 0 "l40s: no 70B row at TP1, for memory" -- qp l40s "
r = [x for x in rows if base[x['id']]['status'] == 'ok' and prec[x['id']][1].endswith('-70b') and prec[x['id']][2] == '1']
assert r and all(x['status'] != 'ok' and 'does not fit' in x['reason'] for x in r), r[:2]"
expect_exit 0 "l40s: any other row lost is lost for memory" -- q l40s "
r = [x for x in rows if base[x['id']]['status'] == 'ok' and x['status'] != 'ok']
assert r and all('does not fit' in x['reason'] for x in r), [x['reason'] for x in r if 'does not fit' not in x['reason']][:3]"

# FP4 columns (0.17+ Blackwell): every FP8 row relabelled fp4 or NVFP4
# runs on B200 and GB200 wherever FP8 ran; on the H200 (no FP4 path) none
for p in fp4 NVFP4; do
	swap b200 $p
	expect_exit 0 "b200 $p: modelled wherever FP8 was" -- q b200 "
bad = [x['id'] for x in rows if base[x['id']]['status'] == 'ok' and x['status'] != 'ok']
assert not bad, bad[:5]"
done
swap h200-sxm fp4
expect_exit 0 "h200-sxm fp4: refused for the missing FP4 peak" -- qp h200-sxm "
r = [x for x in rows if base[x['id']]['status'] == 'ok' and prec[x['id']][0] == 'fp8']
assert r and all(x['status'] != 'ok' and 'no fp4 matrix peak' in x['reason'] for x in r), r[:2]"
swap b200 mxfp4
# MXFP4 quantizes routed experts only: a dense model's row (none of the
# published ones is gpt-oss) is listed, not modelled, for that reason
expect_exit 0 "mxfp4: listed, not modelled, the reason" -- qp b200 "
r = [x for x in rows if prec[x['id']][0] == 'fp8' and base[x['id']]['status'] == 'ok' and prec[x['id']][1].startswith('llama')]
assert r and all(x['status'] != 'ok' and 'expert_weight_bits' in x['reason'] for x in r), r[:2]"

# the 0.11 notes' KV fraction on GH200 (0.95, not 0.99): the row's
# prediction is eval's with the row's settings set by hand
R=trtllm-v0.11.0-0062 # Llama-3 8B FP8 128/2048 TP1: max_num_tokens=8192, max_batch_size=2048, num_requests=3000 (a run at maximum load: --requests)
E=$($RL eval --chip gh200 --model llama3-8b --precision fp8 --isl 128 --osl 2048 --tp 1 --profile trtllm-0.11 --set profile.kv_fraction=0.95 --set profile.max_num_tokens=8192 --set profile.max_batch_size=2048 --requests 3000 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['throughput']['output_tokens_per_s'])")
E99=$($RL eval --chip gh200 --model llama3-8b --precision fp8 --isl 128 --osl 2048 --tp 1 --profile trtllm-0.11 --set profile.kv_fraction=0.99 --set profile.max_num_tokens=8192 --set profile.max_batch_size=2048 --requests 3000 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['throughput']['output_tokens_per_s'])")
expect_exit 0 "gh200 0.11 row: KV fraction 0.95 from its notes" -- q gh200 "
x = [x for x in rows if x['id'] == '$R'][0]
assert x['status'] == 'ok' and abs(x['predicted'] / $E - 1) < 1e-9 and abs($E / $E99 - 1) > 1e-3, (x, $E, $E99)"
swap h200-sxm
E=$($RL eval --chip h200-sxm --model llama3-8b --precision fp8 --isl 128 --osl 2048 --tp 1 --profile trtllm-0.11 --set profile.kv_fraction=0.99 --set profile.max_num_tokens=8192 --set profile.max_batch_size=2048 --requests 3000 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['throughput']['output_tokens_per_s'])")
expect_exit 0 "h200-sxm 0.11 row: the notes' 0.99" -- q h200-sxm "
x = [x for x in rows if x['id'] == '$R'][0]
assert x['status'] == 'ok' and abs(x['predicted'] / $E - 1) < 1e-9, (x, $E)"

finish
