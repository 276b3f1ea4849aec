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
# hardware-models-more.md): each label runs on the preset of that part
# (the L40S, a PCIe card only, also when the label says PCIe);
# another part (the 144 GB HBM3e GH200, the H200 NVL card, the L40, an
# AMD GPU) is listed, not modelled, with the reason and the presets
HEAD='id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value'
L='x%d,TensorRT-LLM,0.13.0,%s,1,llama3-8b,fp16,128,128,1,1,,,tokens_per_s,1\n'
# label_rows NAME LABEL...: $tmpd/NAME.csv, one row of L per label (its
# chip column), each an id of its own
label_rows() {
	out=$tmpd/$1.csv
	shift
	n=0
	{
		echo "$HEAD"
		for c in "$@"; do
			n=$((n + 1))
			printf "$L" "$n" "$c"
		done
	} > "$out"
}
# expect_chips NAME WANT WHAT: validate $tmpd/NAME.csv (label_rows); the
# chip each row runs on, in order (None where not modelled), is WANT (a
# python list)
expect_chips() {
	have python3 "$3" || return 0
	$RL validate --measurements "$tmpd/$1.csv" --json > "$tmpd/$1.json"
	expect_exit 0 "$3" -- python3 -c "
import json
rows = json.load(open('$tmpd/$1.json'))['rows']
want = $2
got = [(x['chip'] if x['status'] == 'ok' else None) for x in rows]
assert got == want, list(zip(got, want))"
}
# expect_unknown NAME N WHAT [named]: validate $tmpd/NAME.csv exits 0 and
# lists its N rows each not modelled as an unknown chip under the label as
# given ('named': the reason quotes it)
expect_unknown() {
	expect_exit 0 "$3: not an input error" -- $RL validate --measurements "$tmpd/$1.csv"
	have python3 "$3: each an unknown chip" || return 0
	$RL validate --measurements "$tmpd/$1.csv" --json > "$tmpd/$1.json"
	expect_exit 0 "$3: each an unknown chip" -- python3 -c "
import json
rows = json.load(open('$tmpd/$1.json'))['rows']
assert len(rows) == $2, len(rows)
for x in rows:
    assert x['status'] == 'not_modelled' and x['chip'] == x['chip_given'], x
    assert 'unknown chip' in x['reason'], x
    assert '$4' != 'named' or x['chip_given'] in x['reason'], x"
}
label_rows labels 'h200' 'H200 141GB HBM3e' 'NVIDIA H200-SXM' 'GH200 96GB HBM3' \
	'GH200 96GB HBM3 (480 GB LPDDR5X)' 'A100-SXM4-80GB' 'A100 SXM4 40GB' \
	'A100-PCIE-80GB' 'A100 80GB PCIe' 'L40S' 'L40S 48GB' 'L40S PCIe 48GB' \
	'B200 180GB HBM3e' 'GB200 186GB' 'H100 80GB HBM3' 'H100 PCIe' \
	'GH200 144GB HBM3e' 'H200 NVL' 'L40' 'mi250x'
expect_exit 0 "chip labels: not an input error" -- $RL validate --measurements "$tmpd/labels.csv"
if have python3 "chip labels in --json"; then
	$RL validate --measurements "$tmpd/labels.csv" --json > "$tmpd/labels.json"
	expect_exit 0 "chip labels: each part on its preset, the others listed with the reason" -- python3 -c "
import json
rows = json.load(open('$tmpd/labels.json'))['rows']
want = ['h200-sxm'] * 3 + ['gh200'] * 2 + ['a100-sxm', 'a100-sxm-40gb', 'a100-pcie', 'a100-pcie', 'l40s', 'l40s', 'l40s', 'b200', 'gb200', 'h100-sxm', 'h100-pcie'] + [None] * 4
got = [(x['chip'] if x['status'] == 'ok' else None) for x in rows]
assert got == want, list(zip(got, want))
for x in rows[-4:]:
    assert 'unknown chip' in x['reason'] and 'known: ' in x['reason'] and x['chip_given'] in x['reason'], x"
fi

# NVIDIA's own names of the same parts: the system or baseboard it ships
# on, the product's words, GB200's rack; the H100 NVL (another part) and a
# rack word on another family are not them
label_rows named 'HGX H100' 'DGX H100 80GB' 'NVIDIA DGX B200' \
	'NVIDIA H100 Tensor Core GPU' 'GH200 Grace Hopper Superchip' \
	'NVIDIA GH200 Grace Hopper Superchip 96GB HBM3' 'GB200 NVL72' \
	'NVIDIA A100 80GB PCIe GPU' 'H100 NVL' 'H200 NVL72' 'HGX'
expect_chips named "['h100-sxm', 'h100-sxm', 'b200', 'h100-sxm', 'gh200', 'gh200', 'gb200', 'a100-pcie', None, None, None]" \
	"NVIDIA's names of the parts: each on its preset"
# HGX and DGX are systems of SXM parts and superchips: a PCIe card (the
# L40S is one) on either names no part (each ran on the card's preset)
label_rows systems 'HGX H100 PCIe' 'DGX A100 80GB PCIe' 'H100 PCIe HGX' \
	'HGX L40S' 'DGX L40S 48GB' 'DGX A100 SXM4 40GB' 'DGX GH200' 'HGX H200'
expect_chips systems "[None] * 5 + ['a100-sxm-40gb', 'gh200', 'h200-sxm']" \
	"a system word: SXM parts and superchips only"

# an architecture or product word is the family's own only: another
# family's names no part of this one (each ran on the family's preset)
label_rows arch 'H100 Ampere' 'A100 Hopper' 'B200 Hopper' 'L40S Blackwell' \
	'H100 Grace Hopper Superchip' 'H100 Superchip' 'A100 Ada Lovelace' \
	'H200 Hopper' 'L40S Ada Lovelace' 'GB200 Grace Blackwell Superchip' \
	'NVIDIA A100 Ampere GPU' 'B200 Blackwell'
expect_chips arch "[None] * 7 + ['h200-sxm', 'l40s', 'gb200', 'a100-sxm', 'b200']" \
	"architecture words: the family's own only"

# a memory kind or SXM word is the part's own (its preset's memory:
# h100-sxm.ini HBM3, h100-pcie.ini HBM2e, a100-sxm-40gb.ini HBM2, l40s.ini
# GDDR6; the A100 is SXM4, the H100 and H200 SXM5): the same words on
# another part name none
label_rows kinds 'H100 SXM5 80GB HBM3' 'H100 PCIe 80GB HBM2e' 'A100 SXM4 HBM2' \
	'A100 SXM4 80GB HBM2e' 'L40S 48GB GDDR6' 'GB200 186GB HBM3e' \
	'H100 80GB HBM2e' 'L40S HBM3' 'H100 SXM4' 'A100 SXM5' 'B200 HBM2' \
	'H200 HBM3' 'L40S 48GB LPDDR5X' 'H100 GDDR6'
expect_chips kinds "['h100-sxm', 'h100-pcie', 'a100-sxm-40gb', 'a100-sxm', 'l40s', 'gb200'] + [None] * 8" \
	"memory kinds and SXM words: the part's own only"

# the label must be of exactly that form: a word the tables' labels do not
# use (after the family, or glued to it), a capacity twice without the
# Grace's LPDDR5X, or a vendor alone names no part, so the row is listed
# not modelled as an unknown chip, never run on the family's preset; nor
# does a capacity no part has: 0 GB (it was read as none given) or 20
# digits (no int: it was cast to one)
label_rows junk 'h100x' 'H100junk' 'h100-sxm-junk' 'H100 80GB foo' \
	'H100 80GB 94GB' 'NVIDIA' 'A100SXM4' 'foo H200' 'H200 141GB HBM3e x8' \
	'H100 0GB' 'H100 99999999999999999999GB'
expect_unknown junk 11 "chip labels with other words" named
# only ASCII blanks and punctuation part a label's words: a character
# outside ASCII (a letter, a zero-width space, a direction mark) or a
# control byte is of its word, so none of these is the family's (each ran
# on h100-sxm, those bytes skipped as punctuation)
label_rows foreign 'H100é' 'H100ß 80GB' 'H100 80GB é' 'H100​80GB' \
	'H100‮SXM' "$(printf 'H100\001SXM')"
expect_unknown foreign 6 "chip labels with bytes outside ASCII"

# DeepSeek-R1 (multi-head latent attention), which the B200 and GB200
# tables of 0.19 to 1.0 hold and the H100 ones do not: modelled on those
# chips at FP4 and FP8, tp 8 and DEP8 (attention data parallel), not on
# 4 x h200-sxm (671 GB of FP8 weights exceed 4 x 141 GB)
D='d%d,TensorRT-LLM,0.21.0,%s,%s,deepseek-r1,%s,1024,1024,%s,1,,,tokens_per_s,1\n'
{
	echo "$HEAD"
	printf "$D" 1 b200 8 fp4 8
	printf "$D" 2 b200 8 fp4 DEP8
	printf "$D" 3 gb200 8 fp8 8
	printf "$D" 4 b200 8 fp8 DEP8
	printf "$D" 5 h200-sxm 4 fp8 4
} > "$tmpd/ds.csv"
expect_exit 0 "deepseek-r1 rows: not an input error" -- $RL validate --measurements "$tmpd/ds.csv"
if have python3 "deepseek-r1 rows in --json"; then
	$RL validate --measurements "$tmpd/ds.csv" --json > "$tmpd/ds.json"
	expect_exit 0 "deepseek-r1 rows on b200 and gb200 are modelled where they fit" -- python3 -c "
import json
rows = json.load(open('$tmpd/ds.json'))['rows']
assert [x['status'] for x in rows] == ['ok'] * 4 + ['not_modelled'], rows
assert all(x['predicted'] > 0 for x in rows[:4]), rows
# on the same b200 at DEP8, FP4 (half the weight bytes, twice the peak)
# serves more than FP8
assert rows[1]['predicted'] > rows[3]['predicted'], (rows[1], rows[3])
assert 'does not fit' in rows[4]['reason'], rows[4]"
fi

# Qwen3-30B-A3B (models-more.csv), a model of the newest tables' other
# columns and none of the H100 rows: its preset holds the shape of
# tests/test_shape.c (30,532,110,336 parameters, 3,353,020,416 active),
# and its rows are modelled on b200 in FP4 and h200-sxm in FP8 at tp 1
Q='q%d,TensorRT-LLM,1.0(main),%s,1,qwen3-30b-a3b,%s,1024,1024,1,1,,,output_tokens_per_s,1\n'
{
	echo 'id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value'
	printf "$Q" 1 b200 fp4
	printf "$Q" 2 h200-sxm fp8
} > "$tmpd/q3.csv"
if have python3 "qwen3-30b-a3b rows in --json"; then
	$RL eval --chip b200 --model qwen3-30b-a3b --precision fp4 --json > "$tmpd/q3e.json"
	$RL validate --measurements "$tmpd/q3.csv" --json > "$tmpd/q3.json"
	expect_exit 0 "qwen3-30b-a3b: the preset's shape, its rows modelled" -- python3 -c "
import json
m = json.load(open('$tmpd/q3e.json'))['model']
assert abs(m['params'] - 30532110336) < 10 and abs(m['active_params'] - 3353020416) < 10, m
rows = json.load(open('$tmpd/q3.json'))['rows']
assert [x['status'] for x in rows] == ['ok', 'ok'] and all(x['predicted'] > 0 for x in rows), rows"
fi

have python3 "the checks below: CSV rows rewritten" || finish
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
assert not [x for x in g if x['set'] in ('in_sample', 'fitted_chip')], g
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

# Physics, not accuracy.  A chip at least as fast in every resource the
# engine costs (matrix peak at the row's precision, memory bandwidth, link
# bandwidth, memory capacity; the same host and launch times) cannot serve
# a row slower: at the slower chip's own batch every term of an iteration
# takes no longer, and more memory only adds batch.  The presets (dense
# TFLOPS / TB/s / GB / GB/s a direction): H100 989.4 BF16, 1978.9 FP8 /
# 3.35 / 80 / 450; H200 the same die / 4.8 / 141; GH200 the same die / 4.0
# / 96; B200 2250, 4500 / 7.7 / 180 / 900; GB200 2500, 5000 / 8.0 / 186 /
# 900; A100 SXM 312, no FP8 / 2.039 / 80 / 300; A100 PCIe 312 / 1.935 / 80
# / 32; L40S 362.05, 733 / 0.864 / 48 / 32.  Every throughput row at
# maximum load modelled on both chips of a pair: faster >= slower.  (Rows
# served at a request rate: below.)  No
# exception: Mixtral-8x22B 16-bit tp 8 at 128/2048 (0.14) once put the
# GB200 8% under the B200, the B200's token-capped burst costed as a stream
# without the last wave's tail (model/waves.h).
python3 -c "
import csv
for r in csv.DictReader(open('$P', newline='')):
    print(r['id'], 'max' if r['request_rate'] == '' else 'rate')" > "$tmpd/load.txt"
# dominance.py FASTER SLOWER KIND: every row of KIND (max: throughput at
# maximum load; rate: at a request rate) modelled on both chips is no worse
# on FASTER (the rules above and below); the two loops share it
cat > "$tmpd/dominance.py" <<'PY'
import json, sys
f, sl, kind, tmpd = sys.argv[1:5]
load = dict(l.split() for l in open(tmpd + '/load.txt'))
a = {x['id']: x for x in json.load(open('%s/%s.json' % (tmpd, f)))['rows']}
b = {x['id']: x for x in json.load(open('%s/%s.json' % (tmpd, sl)))['rows']}
both = [i for i in a if load[i] == kind and a[i]['status'] == b[i]['status'] == 'ok']
def worse(i):
    m, r = a[i]['metric'], a[i]['predicted'] / b[i]['predicted']
    if kind == 'max':
        return r < 1 - 1e-9
    if m in ('itl_mean_s', 'ttft_mean_s'):
        return r > 1 + 1e-9
    return r < 1 - 1e-9
bad = [(i, a[i]['metric']) for i in both if worse(i)]
assert len(both) > (400 if kind == 'max' else 149) and not bad, (len(both), bad[:5])
PY
PAIRS="h200-sxm:h100-sxm gh200:h100-sxm h200-sxm:gh200 b200:h200-sxm gb200:b200 h100-sxm:a100-sxm a100-sxm:a100-pcie h100-sxm:l40s"
for pair in $PAIRS; do
	f=${pair%%:*}; sl=${pair#*:}
	expect_exit 0 "dominance: $f at least as fast as $sl on every row both run" -- python3 "$tmpd/dominance.py" "$f" "$sl" max "$tmpd"
done

# At a request rate (triton-0.14's rows: Llama-3.1 70B tp 4 and 8B tp 1 at
# 2-32 requests/s and all at once, 500 requests) the same physics holds for
# what the run achieves and for the wait: requests/s and tokens/s no lower,
# mean TTFT and mean time per token no higher on the faster chip, on every
# pair.  More memory admits a larger batch, whose every token may take
# longer, so the time per token could in principle break this; no row of
# these pairs does (the L40S was excused until no row of it needed the
# excuse: data/calibration/NOTES.md, "README's dated paragraphs").  The
# load model once failed this: a chip whose capacity lay just over the
# rate queued for slots it never ran out of (H200 TTFT 3.4x the H100's:
# the same NOTES section).
for pair in $PAIRS; do
	f=${pair%%:*}; sl=${pair#*:}
	expect_exit 0 "dominance at a rate: $f no worse than $sl" -- python3 "$tmpd/dominance.py" "$f" "$sl" rate "$tmpd"
done

# The same row at the same batch (--batch caps it below every chip's
# memory, so the batch is no chip's gain): every term of an iteration is
# a quantity of work over one resource's rate, or a fixed time, so the
# throughput ratio of chip X to chip Y lies between the smallest and the
# largest ratio of the resources the row uses (1 where X has none worse):
#   H200/H100   [1, 4.8/3.35 = 1.4328]          (same die)
#   GH200/H100  [1, 4.0/3.35 = 1.1940]
#   B200/H100   [1, max(4500/1978.9, 7.7/3.35, 900/450) = 2.2985]  FP8
#   GB200/B200  [1, max(5000/4500, 8.0/7.7) = 1.1111]              FP8
#   A100 SXM/H100 at 16 bits [min(312/989.4, 2.039/3.35, 300/450) = 0.3153, 1]
#   A100 PCIe/A100 SXM, tp 4 [min(1.935/2.039, 32/300) = 0.1066, 1]
#   L40S/H100, 16 bits, tp 1 [min(362.05/989.4, 0.864/3.35) = 0.2579, 1]
tput() { # CHIP MODEL PRECISION ISL OSL TP BATCH: output tokens/s
	$RL eval --chip "$1" --model "$2" --precision "$3" --isl "$4" --osl "$5" \
		--tp "$6" --batch "$7" --profile trtllm-0.13 --json |
		python3 -c "import json,sys; d=json.load(sys.stdin); assert d['batch']['concurrency'] == $7, d['batch']; print(d['throughput']['output_tokens_per_s'])"
}
ratio_in() { # NAME LO HI X-ARGS -- Y-ARGS
	n=$1 lo=$2 hi=$3; shift 3
	x=$(tput $1 $2 $3 $4 $5 $6 $7) && y=$(tput $9 ${10} ${11} ${12} ${13} ${14} ${15}) &&
		expect_exit 0 "$n: ratio in [$lo, $hi]" -- python3 -c "r = $x / $y; assert $lo <= r <= $hi, r"
}
D8='llama3.1-8b fp8 128 4096 1 64'   # long decode: bandwidth-bound
P70='llama3.1-70b fp8 2048 128 4 64'  # long prompts: compute-bound prefill
ratio_in "same batch, H200/H100, long decode" 1 1.4328 h200-sxm $D8 -- h100-sxm $D8
ratio_in "same batch, GH200/H100, long decode" 1 1.1940 gh200 $D8 -- h100-sxm $D8
ratio_in "same batch, B200/H100, long decode" 1 2.2985 b200 $D8 -- h100-sxm $D8
ratio_in "same batch, B200/H100, prefill-heavy FP8" 1 2.2985 b200 $P70 -- h100-sxm $P70
ratio_in "same batch, GB200/B200, prefill-heavy FP8" 1 1.1111 gb200 $P70 -- b200 $P70
D16='llama3.1-8b fp16 128 2048 1 32'
T16='llama3.1-70b fp16 128 2048 4 32'
ratio_in "same batch, A100 SXM/H100, 16-bit decode" 0.3153 1 a100-sxm $D16 -- h100-sxm $D16
ratio_in "same batch, A100 SXM/H100, 16-bit tp 4" 0.3153 1 a100-sxm $T16 -- h100-sxm $T16
ratio_in "same batch, A100 PCIe/SXM, tp 4 over PCIe" 0.1066 1 a100-pcie $T16 -- a100-sxm $T16
ratio_in "same batch, L40S/H100, 16-bit decode" 0.2579 1 l40s $D16 -- h100-sxm $D16

# At maximum load a long decode cannot beat the KV cache's read alone:
# Llama-3.1 8B in FP8 keeps 32 layers x 2 x 8 KV heads x 128 x 1 byte =
# 65,536 bytes a token, and generated token i of 128 in / 4096 out reads
# the KV of 128 + i - 1 tokens: 2175.5 on average, 142.6 MB a generated
# token, so output tokens/s <= bandwidth / 142.6e6 (weights, compute and
# overheads only lower it): H100 23,492, H200 33,661, GH200 28,051, B200
# 53,995, GB200 56,099 tokens/s
for cb in h100-sxm:3.35 h200-sxm:4.8 gh200:4.0 b200:7.7 gb200:8.0; do
	c=${cb%%:*}; bw=${cb#*:}
	x=$($RL eval --chip $c --model llama3.1-8b --precision fp8 --isl 128 --osl 4096 --tp 1 --profile trtllm-0.13 --json |
		python3 -c "import json,sys; print(json.load(sys.stdin)['throughput']['output_tokens_per_s'])")
	expect_exit 0 "$c: long decode under its KV-read roofline" -- python3 -c "
b = $bw * 1e12 / (2175.5 * 65536); assert 0 < $x < b, ($x, b)"
done

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
# the chip's own value in the parenthesis also when its label spells the
# part as a table does ("GH200 96GB", "GH200 480GB", "GH200:", another
# chip's entry first): 0.95, the eval above; an entry for another part
# (the 144 GB module, the H200) leaves the 0.99; a value that is no number
# for this chip is the row's reason
python3 - "$P" "$R" > "$tmpd/notes.csv" <<'PY'
import csv, sys
src, rid = sys.argv[1:3]
rows = list(csv.DictReader(open(src, newline='')))
r = [x for x in rows if x['id'] == rid][0]
w = csv.DictWriter(sys.stdout, list(r.keys()), lineterminator='\n')
w.writeheader()
old = 'kv_cache_free_gpu_mem_fraction=0.99 (GH200 0.95)'
for i, p in enumerate(['GH200 96GB 0.95', 'GH200 480GB 0.95', 'GH200: 0.95', 'H200 0.5; gh200 0.95',
                       'GH200 0.95 in most cases', 'GH200 144GB 0.5', 'H200 0.5', 'GH200 abc']):
    assert old in r['notes']
    w.writerow(dict(r, id='n%d' % i, chip='gh200',
                    notes=r['notes'].replace(old, 'kv_cache_free_gpu_mem_fraction=0.99 (%s)' % p)))
PY
$RL validate --measurements "$tmpd/notes.csv" --json > "$tmpd/notes.json"
expect_exit 0 "gh200 0.11 row: its KV fraction however the notes spell the part" -- python3 -c "
import json
rows = json.load(open('$tmpd/notes.json'))['rows']
got = [x['predicted'] for x in rows[:7]]
want = [$E] * 5 + [$E99] * 2
assert all(abs(g / w - 1) < 1e-9 for g, w in zip(got, want)), (got, want)
assert rows[7]['status'] == 'not_modelled' and 'kv_cache_free_gpu_mem_fraction' in rows[7]['reason'], rows[7]"
swap h200-sxm
E=$($RL eval --chip h200-sxm --model llama3-8b --precision fp8 --isl 128 --osl 2048 --tp 1 --profile trtllm-0.11 --set profile.kv_fraction=0.99 --set profile.max_num_tokens=8192 --set profile.max_batch_size=2048 --requests 3000 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['throughput']['output_tokens_per_s'])")
expect_exit 0 "h200-sxm 0.11 row: the notes' 0.99" -- q h200-sxm "
x = [x for x in rows if x['id'] == '$R'][0]
assert x['status'] == 'ok' and abs(x['predicted'] / $E - 1) < 1e-9, (x, $E)"

finish
