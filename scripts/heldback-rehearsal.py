#!/usr/bin/env python3
"""heldback-rehearsal.py: a rehearsal of issue 11's held-back check, with no
measurement of another chip.

The maintainers will run `rooflab validate --measurements FILE` on published
rows of other chips (H200, GH200, A100, L40S, B200, GB200) from the same
TensorRT-LLM perf-overview tables as data/measurements/published-h100.csv
(versions 0.10 to post-1.0) and in data/measurements.csv's layout (the 0.10
table), against the targets median <= 8%, p90 <= 20% and at least 85% of
the rows modelled.  This script writes such files from the H100 rows (the
values stay the H100's: no error here means anything) and counts which rows
are modelled and why the others are not:

  rows     every perf-overview row of published-h100.csv (not the Triton
           online-serving table, not MLPerf) on each held-back chip, and the
           0.10 rows of data/measurements.csv in their own layout;
  chip     spelled as the tables' column headers and this repository's
           names spell the part, in turn row by row (CHIP_LABELS: the
           docs/heldback.md's labels, the preset's name, the tables' short
           forms, and MLPerf's and stas00's names data/sources quotes);
  model    spelled in turn row by row as the preset names it, as the
           tables label it (the label the row's notes quote: "LLaMA v3
           70B", "Llama 3.1 70B FP8") and in upper case ("LLAMA3-70B"),
           all of which validate reads as the preset (config/modellabel.c);
  precision as the chip's own table would hold it: A100 has no FP8, so its
           rows are the 16-bit rows (the 0.10 table's A100 section: its
           FP8 rows in FP16); B200 and GB200 keep every row and add each
           FP8 row in FP4 (the Blackwell tables' FP4 columns); spelled in
           turn FP8, Mixed, NVFP4, ... and every other gpt-oss row MXFP4
           (its checkpoints' experts);
  gpus/tp  as the tables give them (gpus = tp, DEPn with gpus n), and in
           EXTRA TPxPP rows on TP x PP GPUs (the builds' pp size from 0.15);
  notes    the row's own, the table column named for the chip;
  MLPerf   published-h100.csv's MLPerf rows (8 GPUs, tp 2 x 4 instances,
           tp 1 x pp 2 x 4) on the chips whose MLPerf systems data/sources
           names, labelled as those systems name the chip, the model in
           turn as the benchmark names it ("llama2-70b-99.9").

Each row not modelled is judged: 'impossible' (its weights alone take more
than FIT_SHARE of the chip's memory, or its precision has no matrix peak on
the chip), 'as_h100' (the H100 row it came from is not modelled for the
same kind of reason: the gpt-oss rows of the post-1.0 tables), 'tight'
(the weights take at most FIT_SHARE, yet the engine finds no room: a real
table could hold it; listed, counted not modelled) or 'gap' (anything
else: an unknown label, model or version, a refusal a real table could
contradict: a bug).  It then checks that the
per-chip settings of the tables are applied (section 3):
  - the 0.11 table's KV fraction "0.99 (GH200 0.95)": a GH200 row predicts
    as with 0.95, other chips as with 0.99;
  - the post-1.0 per-GPU metric: the prediction times the row's gpus is the
    same row's total output tokens/s;
  - the 0.10 layout: a row of data/measurements.csv's layout predicts as
    the same row in published-h100.csv's layout (software TensorRT-LLM,
    version 0.10.0);
  - spellings: every row as written predicts (status, figure, kind of
    reason) as the same row with the chip's and model's preset names and
    the precision validate reads ('Mixed' fp16, 'NVFP4' fp4), in both
    layouts: no spelling moves a figure or loses a row;
  - ratios: each modelled EXTRA row at a precision the H100 has, against
    the same row on the H100, within transfer-audit.py's bounds (its
    judge(); the other rows' ratios are transfer-ratios.py's, on the
    presets' names, which the spellings check makes the same figures);
  - strict: `rooflab validate --strict` takes each file written (exit 0:
    every chip, model and version is one it knows).
and (section 4, --presets) compares the held-back presets' numbers with
data/sources (hardware.csv, hardware-more.csv), each through the
conversion its preset states (binary GB, ECC, per direction), and their
[design] clocks with the dense peak they imply and the source's clock, and
their L2 (sram_mb) with the source's.

Exit status: 0 when no row is a 'gap', every check of 3 (and 4) holds and
the modelled share of the rows a real table could hold (all but the
'impossible') is at least --min-share (default 0.85) on every chip; 1
otherwise; 2 on bad arguments.

usage: scripts/heldback-rehearsal.py [--rooflab PATH] [--data DIR]
       [--chips a,b,...] [--labels CHIP=L1|L2...] [--model-labels MODEL=L1|L2...]
       [--every N] [--no-extra]
       [--h100-precisions] [--min-share F] [--presets] [--keep DIR]
       [--json FILE]
  --labels    the labels a chip's rows take in turn, instead of CHIP_LABELS's
              (to try the spellings of a file to come)
  --model-labels  the labels a model's rows take in turn, instead of the
              preset's name, the notes' label and the upper case
  --every N   keep one source row in N (a smaller file)
  --no-extra  no EXTRA rows (models and tps the H100 tables lack)
  --h100-precisions  every row at the H100 row's precision (no A100 rule, no
              FP4 twin): FP8 on the A100s is then 'impossible', no FP8 peak
  --keep DIR  leave the generated CSV files in DIR
"""
import csv, json, os, re, shutil, sys, tempfile

import rlpresets

# The chips the tables report beside the H100 (issue 11) and the labels a
# held-back file may give them, used in turn: the preset's name (the
# csv's normalised style), the tables' column headers as docs/heldback.md
# ("Checking held-back rows of other chips") and published-methodology.md
# list them, hardware-more.csv's names, and the short forms.
# Then the spellings data/sources quote (xfer5): MLPerf's system and
# accelerator names (hardware.csv h200-sxm die: "H200-SXM-141GBx8_TRT";
# hardware-more.csv: "GH200-GraceHopper-Superchip_GH200-96GB_aarch64x1_TRT"
# with its 512 GB LPDDR5x host, "NVIDIA B200-SXM-180GB",
# "GB200-NVL72_GB200-186GB_aarch64x16_Dynamo") and stas00's tables'
# ("NVIDIA GH200 SXM", "NVIDIA GB200 SXM", "NVIDIA B200 SXM", "NVIDIA A100
# PCIe", "A100 SXM 80GB": hardware-more.csv's sources and notes), and
# hardware-models-more.md's DGX B200.
CHIP_LABELS = {
    'h200-sxm': ['h200-sxm', 'H200 141GB HBM3e', 'H200 141GB HBM3', 'H200', 'H200-SXM-141GB'],
    'gh200': ['gh200', 'GH200 96GB HBM3', 'GH200 96GB HBM3 (480 GB LPDDR5X)',
              'GH200 480GB', 'gh200-96gb', 'GH200', 'GH200 96GB HBM3 (480GB LPDDR5X)',
              'GH200 96GB HBM3 (512GB LPDDR5X)', 'GH200-96GB', 'GH200-GraceHopper-Superchip',
              'NVIDIA GH200 SXM'],
    'a100-sxm': ['a100-sxm', 'A100-SXM4-80GB', 'A100 80GB', 'A100', 'A100 SXM 80GB'],
    'a100-pcie': ['a100-pcie', 'A100-PCIE-80GB', 'A100 PCIe 80GB', 'NVIDIA A100 PCIe'],
    'l40s': ['l40s', 'L40S', 'L40S 48GB'],
    'b200': ['b200', 'B200 180GB HBM3e', 'B200', 'hgx-b200', 'B200-SXM-180GB',
             'NVIDIA B200-SXM-180GB', 'NVIDIA B200 SXM', 'DGX B200'],
    'gb200': ['gb200', 'GB200', 'GB200 186GB HBM3e', 'gb200-nvl72', 'GB200-186GB', 'GB200-NVL72',
              'NVIDIA GB200 SXM'],
}
# The MLPerf rows of published-h100.csv (llama2-70b on 8 GPUs, tp 2 x 4
# instances or tp 1 x pp 2 x 4) on the chips whose MLPerf systems
# data/sources names, labelled by those systems' chip names, the system
# name put in the notes for the H100's
MLPERF_LABELS = {
    'h200-sxm': ['H200-SXM-141GB'],
    'gh200': ['GH200-96GB', 'GH200-GraceHopper-Superchip'],
    'l40s': ['L40S'],
    'b200': ['B200-SXM-180GB', 'NVIDIA B200-SXM-180GB'],
    'gb200': ['GB200-186GB', 'GB200-NVL72'],
}
# the benchmark's names of its model, in turn (published-h100.csv's
# MLPerf rows: the preset's name and the benchmark's, "llama2-70b-99.9")
MLPERF_MODELS = {'llama2-70b': ['llama2-70b', 'llama2-70b-99.9']}
BASE = 'h100-sxm'
# the tables spell 4-bit as FP4 (docs/validation.md: fp4/nvfp4 read alike)
FP4 = 'fp4'
SIXTEEN = ('fp16', 'bf16', 'mixed')
# A chip's table holds a row only when the weights on one chip take at
# most this share of its memory (the rest: the runtime, activations and
# one request's KV cache at least): ASSUMPTION, range 0.85-0.95, the
# value of scripts/transfer-audit.py's FIT_SHARE
FIT_SHARE = 0.9


def die(msg):
    sys.stderr.write('heldback-rehearsal.py: %s\n' % msg)
    sys.exit(2)


def chip_spec(data, name):
    """The [chip] numbers of a preset, its [preset] chip = base first
    (text values kept)."""
    return rlpresets.chip(data, name, die, keep_text=True)


peak = rlpresets.peak


def perf_overview(r):
    """1 for a row of the perf-overview tables (not the Triton online
    serving table, not MLPerf)."""
    return r['software'] == 'TensorRT-LLM' and 'triton' not in r['version']


# the precision as the tables spell it, used in turn (docs/validation.md: any case;
# 0.12's 16-bit columns read "Mixed"; Blackwell's 4-bit "FP4" or "NVFP4")
SPELLINGS = {'fp8': ('fp8', 'FP8'), 'fp16': ('fp16', 'FP16', 'Mixed'),
             'bf16': ('bf16', 'BF16'), 'fp4': ('fp4', 'FP4', 'NVFP4')}


def spelled(prec, n):
    """Precision prec as the n-th row of a chip spells it."""
    s = SPELLINGS.get(prec.lower())
    return s[n % len(s)] if s else prec


# gpt-oss's checkpoints hold their experts in MXFP4 (models-more.csv's
# gpt-oss rows, hardware-models-more.md: "MXFP4 experts"), which a table
# may write for the H100's "FP8" rows of it
MXFP4_MODELS = ('gpt-oss-20b', 'gpt-oss-120b')


def row_precision(model, prec, n):
    """The precision of the n-th row of a chip: spelled(), and every other
    FP8 gpt-oss row MXFP4."""
    if model in MXFP4_MODELS and prec.lower() == 'fp8':
        return spelled(prec, n // 2) if n % 2 == 0 else 'MXFP4'
    return spelled(prec, n)


def canonical_precision(p):
    """The precision validate reads a spelling as (config/measure.c's
    prec_spellings: 'Mixed' 16-bit, 'NVFP4' FP4), in lower case."""
    return {'mixed': 'fp16', 'nvfp4': 'fp4'}.get(p.lower(), p.lower())


def relabel_notes(notes, label, prec):
    """The notes with the table column named for the chip, and an MLPerf
    row's system and config names ("DGX-H100_H100-SXM-80GBx8_TRT",
    "H100_SXM_80GB_TP2x4") for the chip's label."""
    notes = re.sub(r'table column "H100 80GB HBM3" precision "[^"]*"',
                   'table column "%s" precision "%s"' % (label, prec.upper()), notes)
    notes = re.sub(r'column h100-sxm:[A-Za-z0-9]+', 'column %s:%s' % (label, prec.upper()), notes)
    word = re.sub(r'[^A-Za-z0-9]+', '-', label)
    notes = notes.replace('DGX-H100_H100-SXM-80GB', word).replace('H100_SXM_80GB', word.replace('-', '_'))
    return notes


def model_label(r, n, mlabels):
    """The model of source row r as the n-th row of a chip spells it
    (module doc): mlabels[model] in turn when given, else the preset's
    name, the label the notes quote and the name in upper case."""
    ls = mlabels.get(r['model'])
    if not ls:
        m = re.search(r'(?:source model label|table) "([^"]*)"', r.get('notes') or '')
        ls = [r['model']] + ([m.group(1)] if m else []) + [r['model'].upper()]
    return ls[n % len(ls)]


def chip_rows(rows, chip, fp16_all, as_h100=False):
    """The rows of one chip's tables made from the H100 rows: (row dict,
    precision, id tag) with the precision rule of the module doc.  A100:
    the 16-bit rows, or with fp16_all (the 0.10 table, whose A100 section
    ran the H100 section's FP8 rows in FP16) every row in FP16; a version
    whose H100 rows are all FP8 gives the A100 none."""
    out = []
    for r in rows:
        p = r['precision'].lower()
        if as_h100:
            out.append((r, r['precision'], ''))
            continue
        if chip.startswith('a100'):
            if p in SIXTEEN:
                out.append((r, r['precision'], ''))
            elif fp16_all:
                out.append((r, 'fp16', ''))
            continue
        out.append((r, r['precision'], ''))
        if chip in ('b200', 'gb200') and p == 'fp8':
            out.append((r, FP4, '/fp4'))
    return out


# Rows other chips' tables may hold and the H100's cannot or do not: models
# too large for 8 H100s (DeepSeek-R1, 671 GB in FP8), Blackwell's FP4
# checkpoints at the small tps their memory allows, and the smaller MoE.
# (first version, chips, model, precision, tps): each written at every
# ISL/OSL pair of each version from the first on, as its H100 rows' first
# row of that pair (notes, metric) gives them.
EXTRA = [
    ('0.19.0', ('b200', 'gb200'), 'deepseek-r1', FP4, ('8',)),
    ('1.0(main)', ('b200', 'gb200'), 'deepseek-r1', FP4, ('DEP8', 'DEP4')),
    ('1.0(main)', ('h200-sxm',), 'deepseek-r1', 'fp8', ('8',)),
    ('0.17.0', ('b200', 'gb200'), 'llama3.1-405b', FP4, ('4',)),
    ('0.17.0', ('b200', 'gb200'), 'llama3.1-70b', FP4, ('1',)),
    ('0.13.0', ('h200-sxm',), 'llama3.1-70b', 'fp8', ('1',)),
    ('0.19.0', ('b200', 'gb200'), 'llama4-maverick-17b-128e', FP4, ('8',)),
    ('1.0(main)', ('b200', 'gb200', 'h200-sxm'), 'qwen3-30b-a3b', 'fp8', ('1',)),
    # pipeline parallel, TPxPP on TP x PP GPUs: the tables' builds take a
    # pp size from 0.15 on (published-methodology.md: "build adds
    # --pp_size"; 1.0 "--tp --pp [--ep]"); the L40S, with no NVLink
    # (l40s.ini), is where a table would use it for a 70B model (four
    # cards hold its 70 GB of FP8 weights), and 405B over two 8-GPU stages
    # would be the Hopper's
    ('0.15.0', ('l40s',), 'llama3.1-70b', 'fp8', ('2x2', '1x4', '4x2')),
    ('0.15.0', ('h200-sxm',), 'llama3.1-405b', 'fp8', ('4x2',)),
    ('1.0(main)', ('b200', 'gb200'), 'llama3.1-405b', FP4, ('2x2',)),
]
ORDER = ['0.11.0', '0.12.0', '0.13.0', '0.14.0', '0.15.0', '0.17.0', '0.19.0', '0.20.0',
         '0.20-post(main)', '0.21.0', '1.0(main)', 'post-1.0(main, developer-guide)',
         'post-1.0(main, earlier per-GPU revision)']


def extra_rows(src_rows, chips):
    """The EXTRA rows for chips: (chip, row dict)."""
    first = {}
    for r in src_rows:
        first.setdefault((r['version'], r['isl'], r['osl']), r)
    out = []
    for v0, cs, model, prec, tps in EXTRA:
        vers = ORDER[ORDER.index(v0):]
        for (v, isl, osl), r in sorted(first.items()):
            if v not in vers:
                continue
            for c in cs:
                if c not in chips:
                    continue
                for tp in tps:
                    g = re.search(r'\d+', tp).group(0)
                    t, pp = tp, '1'
                    m = re.fullmatch(r'(\d+)x(\d+)', tp)
                    if m:  # TPxPP on TP x PP GPUs
                        t, pp, g = m.group(1), m.group(2), str(int(m.group(1)) * int(m.group(2)))
                    notes = r.get('notes', '')
                    i = 'extra-%s-%s-%s-%s-%s-%s@%s' % (v, model, prec, tp, isl, osl, c)
                    out.append((c, dict(r, id=i, chip=c, model=model, precision=prec, tp=t, gpus=g,
                                        pp=pp, notes=relabel_notes(notes, c, prec))))
    return out


def mlperf_source(rows):
    """The MLPerf rows of published-h100.csv."""
    return [r for r in rows if 'MLPerf' in r['software']]


def mlperf_rows(src_rows, chips):
    """The MLPerf rows on the chips of MLPERF_LABELS among chips, labelled
    in turn by MLPERF_LABELS and MLPERF_MODELS: (chip, row dict)."""
    out = []
    for c in chips:
        ls = MLPERF_LABELS.get(c)
        if not ls:
            continue
        for n, r in enumerate(src_rows):
            label = ls[n % len(ls)]
            ms = MLPERF_MODELS.get(r['model'], [r['model']])
            out.append((c, dict(r, id='%s@%s' % (r['id'], c), chip=label,
                                model=ms[(n // len(ls)) % len(ms)],
                                notes=relabel_notes(r.get('notes', ''), label, r['precision']))))
    return out


def write_published(src_rows, chips, path, labels, extra, as_h100=False, mlabels=None,
                    mlperf=()):
    """The held-back file in published-h100.csv's layout: {new id: (chip,
    source id, precision, the row as written)}; mlperf: the MLPerf rows
    (mlperf_rows)."""
    cols = list(src_rows[0].keys())
    made = {}
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n')
        w.writeheader()
        for chip in chips:
            ls = labels[chip]
            for n, (r, prec, tag) in enumerate(chip_rows(src_rows, chip, False, as_h100)):
                label = ls[n % len(ls)]
                model = model_label(r, n // (2 * len(ls)), mlabels or {})
                if prec == FP4:
                    # the label with the checkpoint's FP4 ("Llama 3.1 70B
                    # FP8" -> "... FP4"; config/modellabel.c's key_forms
                    # drop either tail; the name recalled, not in data/)
                    model = re.sub(r'FP8$', 'FP4', model)
                x = dict(r, id='%s@%s%s' % (r['id'], chip, tag), chip=label, model=model,
                         precision=row_precision(r['model'], prec, n // len(ls)),
                         notes=relabel_notes(r.get('notes', ''), label, prec))
                made[x['id']] = (chip, r['id'], prec, x)
                w.writerow(x)
        for chip, x in (extra_rows(src_rows, chips) if extra else []):
            made[x['id']] = (chip, x['id'], x['precision'], x)
            w.writerow(x)
        for chip, x in mlperf:
            made[x['id']] = (chip, x['id'].rpartition('@')[0], x['precision'], x)
            w.writerow(x)
    return made


def write_legacy(src_rows, chips, path, labels, as_h100=False, mlabels=None):
    """The 0.10 rows in data/measurements.csv's layout on each chip: {new
    id: (chip, source id)}."""
    cols = list(src_rows[0].keys())
    made = {}
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n')
        w.writeheader()
        for chip in chips:
            ls = labels[chip]
            for n, (r, prec, tag) in enumerate(chip_rows(src_rows, chip, True, as_h100)):
                label = ls[n % len(ls)]
                x = dict(r, id='%s@%s%s' % (r['id'], chip, tag), chip=label,
                         model=model_label(r, n // (2 * len(ls)), mlabels or {}),
                         precision=prec, system='%s x %s' % (r['chips'], label))
                made[x['id']] = (chip, r['id'], prec, x)
                w.writerow(x)
    return made


def validate(rl, data, path):
    return rlpresets.validate(rl, data, path, die)


def weights_gb(rl, data, row, prec, profile, cache):
    """GB of weights on one chip of a row's mapping, as validate's setup
    counts them (eval on the H100 with room for any model: the chip does
    not change them); None where eval cannot say."""
    tp, pp = row['tp'], row.get('pp') or '1'
    # DEPn, and an MoE row whose notes say "MoE: enable_attention_dp", run
    # as validate runs them (config/meassetup.c): tp 1, the experts over
    # ep = n chips, every chip holding the whole attention
    dep = re.fullmatch(r'DEP(\d+)', tp or '') or (
        'MoE: enable_attention_dp' in (row.get('notes') or '') and
        re.fullmatch(r'([2-9]|\d\d+)', tp or ''))
    k = (row['model'], prec, tp, pp, profile, 'MoE: enable_attention_dp' in (row.get('notes') or ''))
    if k in cache:
        return cache[k]
    # a dense model refuses ep > 1: the tp mapping then
    maps = ([['--tp', '1', '--ep', dep.group(1)]] if dep else []) + [['--tp', tp]]
    w = rlpresets.weights_bytes(
        rl, data, BASE, row['model'],
        prec.lower() if prec.lower() not in SIXTEEN else 'fp16',
        [mp for mp in maps if re.fullmatch(r'\d+', mp[1])], pp, profile)
    cache[k] = w / 1e9 if w is not None else None
    return cache[k]


def judge(rl, data, spec, x, chip, src, prec, h100, wcache):
    """The kind of a row not modelled (module doc) and a word on it."""
    reason = x.get('reason') or ''
    kind = x.get('reason_kind') or ''
    if kind == 'not_representable' and 'no fp' in reason and 'matrix peak' in reason:
        if peak(spec[chip], prec) == 0:
            return 'impossible', 'no %s on %s' % (prec, chip)
        return 'gap', 'precision refused on a chip that has it'
    if kind == 'not_representable' and 'does not fit' in reason:
        w = weights_gb(rl, data, src, prec, x.get('profile'), wcache)
        mem = spec[chip]['hbm_gb']
        if w is None:
            return 'gap', 'does not fit, weights unknown'
        if w > mem:
            return 'impossible', 'weights %.1f GB > %.1f GB' % (w, mem)
        if w > FIT_SHARE * mem:
            return 'impossible', 'near: weights %.1f GB, over %.0f%% of %.1f GB' % (
                w, 100 * FIT_SHARE, mem)
        return 'tight', 'weights %.1f GB, %.0f%% of %.1f GB' % (w, 100 * w / mem, mem)
    y = h100.get(src['id'])
    if y and y['status'] != 'ok' and (y.get('reason_kind') or '') == kind:
        return 'as_h100', kind
    return 'gap', kind


def count(rl, data, spec, res, made, src, h100, wcache, table):
    """Per chip: rows, modelled, and the not modelled by judged kind."""
    for i, x in res.items():
        chip, sid, prec = made[i][:3]
        t = table.setdefault(chip, {'rows': 0, 'ok': 0, 'kinds': {}, 'reasons': {},
                                    'gaps': [], 'tight': []})
        t['rows'] += 1
        if x['status'] == 'ok':
            t['ok'] += 1
            if x.get('chip') != chip:
                t['gaps'].append((i, 'ran on %s, not %s (label %r)'
                                  % (x.get('chip'), chip, x.get('chip_given'))))
            continue
        kind, word = judge(rl, data, spec, x, chip, src[sid], prec, h100, wcache)
        t['kinds'][kind] = t['kinds'].get(kind, 0) + 1
        rk = '%s: %s' % (kind, re.sub(r'[-+]?\d+(\.\d+)?', '#', x.get('reason') or '')[:100])
        t['reasons'][rk] = t['reasons'].get(rk, 0) + 1
        if word.startswith('near:'):
            t['near'] = t.get('near', 0) + 1
        if kind == 'gap':
            t['gaps'].append((i, x.get('reason')))
        elif kind == 'tight':
            t['tight'].append((i, word))


def check_kv_fraction(rl, data, src_rows, tmp):
    """The 0.11 table's "0.99 (GH200 0.95)": on gh200 the rows predict as
    with 0.95 written alone, on h200-sxm as with 0.99; and 0.95 moves at
    least one gh200 row (else the check says nothing).  Problems, or []."""
    rows = [r for r in src_rows if r['version'] == '0.11.0'
            and 'kv_cache_free_gpu_mem_fraction=0.99 (GH200 0.95)' in r.get('notes', '')]
    if not rows:
        return None
    out, cols = [], list(rows[0].keys())
    path = os.path.join(tmp, 'kv.csv')
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n')
        w.writeheader()
        for r in rows:
            for chip, label in (('gh200', 'GH200 96GB HBM3'), ('h200-sxm', 'H200 141GB HBM3e')):
                for tag, frac in (('given', '0.99 (GH200 0.95)'), ('a', '0.95'), ('b', '0.99')):
                    n = r['notes'].replace('kv_cache_free_gpu_mem_fraction=0.99 (GH200 0.95)',
                                           'kv_cache_free_gpu_mem_fraction=' + frac)
                    w.writerow(dict(r, id='%s@%s@%s' % (r['id'], chip, tag), chip=label, notes=n))
    res = validate(rl, data, path)
    moved = 0
    for r in rows:
        for chip, want in (('gh200', 'a'), ('h200-sxm', 'b')):
            g, e = res['%s@%s@given' % (r['id'], chip)], res['%s@%s@%s' % (r['id'], chip, want)]
            if g['status'] != e['status'] or g['predicted'] != e['predicted']:
                out.append('%s on %s: predicted %s, as with its own fraction %s'
                           % (r['id'], chip, g['predicted'], e['predicted']))
        a, b = res['%s@gh200@a' % r['id']], res['%s@gh200@b' % r['id']]
        moved += a['status'] == 'ok' and a['predicted'] != b['predicted']
    if not moved:
        out.append('the GH200 KV fraction 0.95 moves no 0.11 row: the check is empty')
    return out


def check_per_gpu(rl, data, src_rows, chips, tmp):
    """post-1.0's per-GPU metric: each row's prediction x its gpus equals
    the same row's output_tokens_per_s, on every chip."""
    rows = [r for r in src_rows if r['metric'] == 'output_tokens_per_s_per_gpu']
    if not rows:
        return None
    out, cols = [], list(rows[0].keys())
    path = os.path.join(tmp, 'pergpu.csv')
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n')
        w.writeheader()
        for r in rows:
            for chip in chips:
                for tag, m in (('g', r['metric']), ('t', 'output_tokens_per_s')):
                    w.writerow(dict(r, id='%s@%s@%s' % (r['id'], chip, tag), chip=chip, metric=m))
    res = validate(rl, data, path)
    n = 0
    for r in rows:
        for chip in chips:
            g, t = res['%s@%s@g' % (r['id'], chip)], res['%s@%s@t' % (r['id'], chip)]
            if g['status'] != t['status']:
                out.append('%s on %s: per-GPU %s, total %s' % (r['id'], chip, g['status'], t['status']))
            elif g['status'] == 'ok':
                n += 1
                gpus = float(r['gpus'])
                if abs(g['predicted'] * gpus - t['predicted']) > 1e-9 * t['predicted']:
                    out.append('%s on %s: %g per GPU x %g gpus != %g'
                               % (r['id'], chip, g['predicted'], gpus, t['predicted']))
    # none modelled on these chips (the A100s alone: the rows are FP8)
    return out if n else None


def check_legacy(rl, data, legacy_rows, pub_cols, chips, tmp):
    """The 0.10 layout: each legacy row predicts as its twin in the
    published layout (software TensorRT-LLM, version 0.10.0, gpus =
    chips), on every chip."""
    if not legacy_rows:
        return None
    lpath, ppath = os.path.join(tmp, 'l010.csv'), os.path.join(tmp, 'p010.csv')
    with open(lpath, 'w', newline='', encoding='utf-8') as f, \
            open(ppath, 'w', newline='', encoding='utf-8') as g:
        wl = csv.DictWriter(f, list(legacy_rows[0].keys()), lineterminator='\n')
        wp = csv.DictWriter(g, pub_cols, lineterminator='\n')
        wl.writeheader()
        wp.writeheader()
        for r in legacy_rows:
            for chip in chips:
                prec = 'fp16' if chip.startswith('a100') else r['precision']
                i = '%s@%s' % (r['id'], chip)
                wl.writerow(dict(r, id=i, chip=chip, precision=prec))
                wp.writerow({k: '' for k in pub_cols} | {
                    'id': i, 'software': 'TensorRT-LLM',
                    'version': r['software'].split()[-1], 'chip': chip,
                    'gpus': r['chips'], 'model': r['model'], 'precision': prec,
                    'isl': r['isl'], 'osl': r['osl'], 'tp': r['tp'], 'pp': '1',
                    'metric': r['metric'], 'value': r['value']})
    a, b = validate(rl, data, lpath), validate(rl, data, ppath)
    out, n = [], 0
    for i, x in a.items():
        y = b[i]
        if (x['status'], x['predicted'], x['profile']) != (y['status'], y['predicted'], y['profile']):
            out.append('%s: legacy %s %s (%s), published %s %s (%s)'
                       % (i, x['status'], x['predicted'], x['profile'],
                          y['status'], y['predicted'], y['profile']))
        n += x['status'] == 'ok'
    if not n:
        out.append('no 0.10 row modelled: the check is empty')
    return out


def check_spellings(rl, data, made, res, srcd, path, tmp):
    """Each row as written predicts as the same row with the chip's
    preset, the model's preset and the precision as validate reads it
    (the notes kept): a spelling changes no figure and refuses no row.
    Problems, or []."""
    rows = list(made.items())
    if not rows:
        return None
    cols = list(rows[0][1][3].keys())
    cpath = os.path.join(tmp, 'canonical-' + os.path.basename(path))
    with open(cpath, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n')
        w.writeheader()
        for i, (chip, sid, prec, x) in rows:
            y = dict(x, chip=chip, model=srcd[sid]['model'],
                     precision=canonical_precision(x['precision']))
            if 'system' in y:
                y['system'] = '%s x %s' % (x['chips'], chip)
            w.writerow(y)
    can = validate(rl, data, cpath)
    out = []
    for i, (chip, sid, prec, x) in rows:
        a, b = res[i], can[i]
        if (a['status'], a['predicted'], a.get('reason_kind')) != \
                (b['status'], b['predicted'], b.get('reason_kind')):
            out.append('%s (chip %r, model %r, precision %r): %s %s, as presets %s %s (%s)'
                       % (i, x['chip'], x['model'], x['precision'], a['status'],
                          a['predicted'] if a['status'] == 'ok' else a.get('reason'),
                          b['status'], b['predicted'], (b.get('reason') or '')[:80]))
    return out


def check_ratios(rl, data, made, res, spec, tmp):
    """The chip/H100 ratio of each modelled row of the EXTRA list whose
    precision the H100 has (the pp mappings among them), judged by
    transfer-audit.py's bounds (judge()) against the same row on the
    H100; the perf-overview rows' ratios are transfer-ratios.py's (their
    figures are the presets' rows', check_spellings).  Flags, or None
    when no row has an H100 twin."""
    ta = _audit()
    twins = {i: m for i, m in made.items() if i.startswith('extra-') and res[i]['status'] == 'ok'
             and peak(spec[BASE], m[2]) > 0}
    if not twins:
        return None
    cols = list(next(iter(twins.values()))[3].keys())
    hpath = os.path.join(tmp, 'extra-h100.csv')
    with open(hpath, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n')
        w.writeheader()
        for i, m in twins.items():
            w.writerow(dict(m[3], chip=BASE))
    h = validate(rl, data, hpath)
    hs = ta.chip(data, BASE)
    out, n, wcache = [], 0, {}
    for i, (chip, sid, prec, x) in twins.items():
        if h[i]['status'] != 'ok' or x['metric'] not in ta.TPUT:
            continue
        n += 1
        ratio, rc, flag, lo, hi, g = ta.judge(rl, data, chip, ta.chip(data, chip), hs, x, res[i],
                                              h[i], wcache)
        if flag:
            out.append('%s %s: tp %s pp %s ratio %.3f outside [%.3f, %.3f]'
                       % (flag, i, x['tp'], x['pp'], ratio, lo, hi))
    print('  (ratios_extra: %d rows with an H100 twin judged)' % n)
    return out


def check_strict(rl, data, paths):
    """`rooflab validate --strict` on each file written: exit 0, no row of
    a chip, model or version nothing here names (the spellings are all
    known, not merely judged).  Problems (the first lines of the
    refusal), or []."""
    import subprocess
    out = []
    env = dict(os.environ, ROOFLAB_DATA=data)
    for path in paths:
        p = subprocess.run([rl, 'validate', '--measurements', path, '--strict'], env=env,
                           capture_output=True, text=True)
        if p.returncode != 0:
            out += ['%s: --strict exit %d: %s' % (os.path.basename(path), p.returncode, line[:200])
                    for line in (p.stderr.strip().splitlines() or [''])[:5]]
    return out


def _audit():
    """scripts/transfer-audit.py as a module."""
    import importlib.util
    here = os.path.dirname(os.path.abspath(__file__))
    sp = importlib.util.spec_from_file_location('transfer_audit',
                                                os.path.join(here, 'transfer-audit.py'))
    ta = importlib.util.module_from_spec(sp)
    sp.loader.exec_module(ta)
    return ta


# Section 4: each held-back preset number and the source row it comes
# from, through the conversion the preset states.  (preset, key, source
# file, source chip, item, value -> preset's value)
GIB = 1.073741824
SOURCES = [
    ('h200-sxm', 'hbm_gb', 'hardware.csv', 'h200-sxm', 'hbm_capacity', lambda v: v * GIB),
    ('h200-sxm', 'hbm_tbps', 'hardware.csv', 'h200-sxm', 'hbm_bandwidth', lambda v: v),
    ('h200-sxm', 'link_gbps', 'hardware.csv', 'h200-sxm', 'nvlink_bandwidth', lambda v: v / 2),
    ('h200-sxm', 'tdp_w', 'hardware.csv', 'h200-sxm', 'tdp', lambda v: v),
    # hardware.csv h200-sxm die: "same GH100 die and compute as H100 SXM"
    ('h200-sxm', 'peak_tflops_bf16', 'hardware.csv', 'h100-sxm', 'bf16_dense', lambda v: v),
    ('h200-sxm', 'peak_tflops_fp8', 'hardware.csv', 'h100-sxm', 'fp8_dense', lambda v: v),
    ('gh200', 'hbm_gb', 'hardware-more.csv', 'gh200-96gb', 'hbm_capacity', lambda v: v * GIB),
    ('gh200', 'hbm_tbps', 'hardware-more.csv', 'gh200-96gb', 'hbm_bandwidth', lambda v: v),
    ('gh200', 'peak_tflops_fp8', 'hardware-more.csv', 'gh200', 'fp8_dense', lambda v: v),
    ('gh200', 'peak_tflops_bf16', 'hardware-more.csv', 'gh200', 'bf16_dense', lambda v: v),
    ('gh200', 'link_gbps', 'hardware-more.csv', 'gh200', 'nvlink_gpu_bandwidth', lambda v: v / 2),
    ('a100-sxm', 'hbm_gb', 'hardware.csv', 'a100-sxm', 'hbm_capacity', lambda v: v * GIB),
    ('a100-sxm', 'hbm_tbps', 'hardware.csv', 'a100-sxm', 'hbm_bandwidth', lambda v: v),
    ('a100-sxm', 'peak_tflops_bf16', 'hardware.csv', 'a100-sxm', 'bf16_dense', lambda v: v),
    ('a100-sxm', 'link_gbps', 'hardware.csv', 'a100-sxm', 'nvlink_bandwidth', lambda v: v / 2),
    ('a100-sxm', 'tdp_w', 'hardware.csv', 'a100-sxm', 'tdp', lambda v: v),
    ('a100-pcie', 'hbm_gb', 'hardware-more.csv', 'a100-pcie', 'hbm_capacity', lambda v: v * GIB),
    ('a100-pcie', 'hbm_tbps', 'hardware-more.csv', 'a100-pcie', 'hbm_bandwidth', lambda v: v / 1000),
    ('a100-pcie', 'peak_tflops_bf16', 'hardware-more.csv', 'a100-pcie', 'bf16_dense', lambda v: v),
    ('a100-pcie', 'link_gbps', 'hardware-more.csv', 'a100-pcie', 'pcie_bandwidth', lambda v: v / 2),
    ('a100-pcie', 'tdp_w', 'hardware-more.csv', 'a100-pcie', 'tdp', lambda v: v),
    # 48 GiB less the 1/16 in-band ECC (l40s.ini's ASSUMPTION): 45 GiB
    ('l40s', 'hbm_gb', 'hardware-more.csv', 'l40s', 'memory_capacity', lambda v: v * GIB * 15 / 16),
    ('l40s', 'hbm_tbps', 'hardware-more.csv', 'l40s', 'memory_bandwidth', lambda v: v / 1000),
    ('l40s', 'peak_tflops_bf16', 'hardware-more.csv', 'l40s', 'bf16_dense', lambda v: v),
    ('l40s', 'peak_tflops_fp8', 'hardware-more.csv', 'l40s', 'fp8_dense', lambda v: v),
    ('l40s', 'link_gbps', 'hardware-more.csv', 'l40s', 'pcie_bandwidth', lambda v: v / 2),
    ('l40s', 'tdp_w', 'hardware-more.csv', 'l40s', 'tdp', lambda v: v),
    ('b200', 'hbm_gb', 'hardware-more.csv', 'b200', 'hbm_capacity', lambda v: v * GIB),
    ('b200', 'hbm_tbps', 'hardware-more.csv', 'b200', 'hbm_bandwidth', lambda v: v),
    ('b200', 'peak_tflops_bf16', 'hardware-more.csv', 'b200', 'bf16_dense', lambda v: v),
    ('b200', 'peak_tflops_fp8', 'hardware-more.csv', 'b200', 'fp8_dense', lambda v: v),
    ('b200', 'peak_tflops_fp4', 'hardware-more.csv', 'b200', 'fp4_dense', lambda v: v),
    ('b200', 'link_gbps', 'hardware-more.csv', 'b200', 'nvlink_bandwidth', lambda v: v * 1000 / 2),
    ('b200', 'tdp_w', 'hardware-more.csv', 'b200', 'tdp', lambda v: v),
    # 189471 MiB, as nvidia-smi reports it (gb200.ini)
    ('gb200', 'hbm_gb', 'hardware-more.csv', 'gb200', 'hbm_capacity_device_reported',
     lambda v: v * 1048576 / 1e9),
    ('gb200', 'hbm_tbps', 'hardware-more.csv', 'gb200', 'hbm_bandwidth', lambda v: v),
    ('gb200', 'peak_tflops_bf16', 'hardware-more.csv', 'gb200', 'bf16_dense', lambda v: v),
    ('gb200', 'peak_tflops_fp8', 'hardware-more.csv', 'gb200', 'fp8_dense', lambda v: v),
    ('gb200', 'peak_tflops_fp4', 'hardware-more.csv', 'gb200', 'fp4_dense', lambda v: v),
    ('gb200', 'link_gbps', 'hardware-more.csv', 'gb200', 'nvlink_bandwidth', lambda v: v * 1000 / 2),
    ('gb200', 'tdp_w', 'hardware-more.csv', 'gb200', 'gpu_power_max', lambda v: v),
]
# numbers a preset must leave at 0: precisions the part lacks (its source
# row), and (ASSUMPTION) the L40S's FP4
ZEROS = [
    ('h200-sxm', 'peak_tflops_fp4', 'Hopper: no FP4 (h100-sxm.ini, whitepaper)'),
    ('gh200', 'peak_tflops_fp4', 'Hopper: no FP4'),
    ('a100-sxm', 'peak_tflops_fp8', 'hardware.csv a100-sxm bf16_dense "(no FP8)"'),
    ('a100-sxm', 'peak_tflops_fp4', 'Ampere: no FP4'),
    ('a100-pcie', 'peak_tflops_fp8', 'hardware-more.csv a100-pcie fp8_support no'),
    ('a100-pcie', 'peak_tflops_fp4', 'Ampere: no FP4'),
    ('l40s', 'peak_tflops_fp4', 'l40s.ini ASSUMPTION: no source lists an FP4 rate for Ada'),
]
# a preset number that must lie in a source's range (low-high)
RANGES = [
    ('gh200', 'tdp_w', 'hardware-more.csv', 'gh200', 'module_power'),
]
# clocks: the [design] clock of a held-back preset (through its base) is
# the one its dense 16-bit peak implies, 2 x fma_units x clock_ghz (within
# CLOCK_TOL), and no higher than the clock its source gives (x unit to GHz):
# the boost NVIDIA quotes its peaks at, or the device-reported maximum SM
# clock where none is published (B200).  The GH200 and H200 run the H100's
# GH100 die at its 1830 MHz (hardware-models-more.md, "H100 SXM extras";
# gh200's own 1980 MHz row is graded uncertain); the GB200's [design] is
# its clock alone (2.062 GHz, max_sm_clock), no fma_units: not checked.
CLOCK_TOL = 0.005
CLOCKS = [
    ('h200-sxm', 'hardware-more.csv', 'h100-sxm', 'boost_clock', 1e-3),
    ('gh200', 'hardware-more.csv', 'h100-sxm', 'boost_clock', 1e-3),
    ('a100-sxm', 'hardware.csv', 'a100-sxm', 'boost_clock', 1.0),
    ('a100-pcie', 'hardware-more.csv', 'a100-pcie', 'boost_clock', 1e-3),
    ('l40s', 'hardware-more.csv', 'l40s', 'boost_clock', 1e-3),
    ('b200', 'hardware-more.csv', 'b200', 'max_sm_clock', 1e-3),
]
# L2 (sram_mb) where a primary or secondary row gives it; the GH200's,
# L40S's and GB200's are ASSUMPTIONs of their presets (uncertain rows only)
L2 = [
    ('h200-sxm', 'hardware.csv', 'h100-sxm', 'l2_cache'),
    ('a100-sxm', 'hardware.csv', 'a100-sxm', 'l2_cache'),
    ('a100-pcie', 'hardware-more.csv', 'a100-pcie', 'l2_cache'),
    ('b200', 'hardware-more.csv', 'b200', 'l2_cache'),
]
# the grade a source row must have to be used (hardware-models-more.md:
# "Use the primary/secondary row; the others document the conflict")
GRADES = ('primary', 'secondary')


def source_value(data, fname, chip, item):
    """The value of the first primary or secondary row (chip, item) of a
    sources file, as a number (a leading number of the text), or None."""
    path = os.path.join(data, 'sources', fname)
    with open(path, newline='', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['chip'] != chip or r['item'] != item:
                continue
            if 'grade' in r and r['grade'] not in GRADES:
                continue
            m = re.match(r'\s*([0-9.]+(?:e[0-9]+)?)', r['value'])
            if m:
                return float(m.group(1))
    return None


def check_presets(data, spec):
    out = []
    print('4. held-back presets against data/sources (the conversion each preset states)')
    for chip, key, fname, sch, item, conv in SOURCES:
        if chip not in spec:
            continue  # a chip not asked for (--chips)
        v = source_value(data, fname, sch, item)
        have = spec.get(chip, {}).get(key)
        if v is None:
            out.append('%s %s: no primary or secondary row %s %s in %s' % (chip, key, sch, item, fname))
            continue
        want = conv(v)
        ok = have is not None and abs(have - want) <= 0.002 * abs(want) + 0.05
        print('  %-10s %-17s %10s  source %-28s %10g -> %10.4g  %s'
              % (chip, key, have, '%s %s' % (sch, item), v, want, 'ok' if ok else 'DIFFERS'))
        if not ok:
            out.append('%s %s = %s, its source %s %s %s gives %g' % (chip, key, have, fname, sch, item, want))
    for chip, key, why in ZEROS:
        if chip not in spec:
            continue
        have = spec[chip].get(key, 0)
        print('  %-10s %-17s %10s  must be 0: %s  %s' % (chip, key, have, why,
                                                       'ok' if have == 0 else 'DIFFERS'))
        if have != 0:
            out.append('%s %s = %s, not 0 (%s)' % (chip, key, have, why))
    for chip, key, fname, sch, item in RANGES:
        if chip not in spec:
            continue
        have = spec[chip].get(key)
        rng = None
        with open(os.path.join(data, 'sources', fname), newline='', encoding='utf-8') as f:
            for r in csv.DictReader(f):
                m = re.fullmatch(r'\s*([0-9.]+)\s*-\s*([0-9.]+)\s*', r['value'])
                if r['chip'] == sch and r['item'] == item and m:
                    rng = (float(m.group(1)), float(m.group(2)))
                    break
        ok = rng is not None and have is not None and rng[0] <= have <= rng[1]
        print('  %-10s %-17s %10s  within source %s %s %s  %s'
              % (chip, key, have, sch, item, rng, 'ok' if ok else 'DIFFERS'))
        if not ok:
            out.append('%s %s = %s, outside %s %s %s %s' % (chip, key, have, fname, sch, item, rng))
    for chip, fname, sch, item, unit in CLOCKS:
        if chip not in spec:
            continue
        d = rlpresets.design(data, chip, die)
        v = source_value(data, fname, sch, item)
        clk, fma, pk = d.get('clock_ghz'), d.get('fma_units'), spec[chip].get('peak_tflops_bf16')
        if v is None:
            out.append('%s clock_ghz: no primary or secondary row %s %s in %s' % (chip, sch, item, fname))
            continue
        if clk is None or fma is None:
            out.append('%s: no [design] clock_ghz and fma_units to check' % chip)
            continue
        implied = 2 * fma * clk * 1e9 / 1e12
        top = v * unit
        ok_pk = pk is not None and abs(implied - pk) <= CLOCK_TOL * pk
        ok_top = clk <= top * (1 + 0.002)
        print('  %-10s %-17s %10s  2 x %g FMA x clock = %.1f TFLOPS against peak %s  %s; source %s %s %g GHz  %s'
              % (chip, 'clock_ghz', clk, fma, implied, pk, 'ok' if ok_pk else 'DIFFERS',
                 sch, item, top, 'ok' if ok_top else 'ABOVE'))
        if not ok_pk:
            out.append('%s clock_ghz = %g: 2 x fma_units %g x clock = %.1f TFLOPS, not its peak_tflops_bf16 %s'
                       % (chip, clk, fma, implied, pk))
        if not ok_top:
            out.append('%s clock_ghz = %g, above its source %s %s %s (%g GHz)' % (chip, clk, fname, sch, item, top))
    for chip, fname, sch, item in L2:
        if chip not in spec:
            continue
        v = source_value(data, fname, sch, item)
        have = spec[chip].get('sram_mb')
        ok = v is not None and have is not None and abs(have - v) <= 0.002 * v
        print('  %-10s %-17s %10s  source %-28s %10s  %s' % (chip, 'sram_mb', have, '%s %s' % (sch, item), v,
                                                            'ok' if ok else 'DIFFERS'))
        if not ok:
            out.append('%s sram_mb = %s, its source %s %s %s gives %s' % (chip, have, fname, sch, item, v))
    return out


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rl = os.path.join(root, 'rooflab')
    data = os.environ.get('ROOFLAB_DATA', os.path.join(root, 'data'))
    chips, every, share, presets, keep, jout = list(CHIP_LABELS), 1, 0.85, False, None, None
    extra, labels, raw, mlabels = True, dict(CHIP_LABELS), False, {}
    for a, v in rlpresets.options(argv, ('--rooflab', '--data', '--chips', '--every', '--min-share',
                                         '--keep', '--json', '--labels', '--model-labels'),
                                  ('--presets', '--no-extra', '--h100-precisions'), die):
        if a == '--rooflab':
            rl = v
        elif a == '--data':
            data = v
        elif a == '--chips':
            chips = [c for c in v.split(',') if c]
            bad = [c for c in chips if c not in CHIP_LABELS]
            if bad:
                die('--chips: %s not a held-back chip (%s)' % (','.join(bad), ', '.join(CHIP_LABELS)))
        elif a == '--every':
            if not re.fullmatch(r'[1-9]\d*', v):
                die('--every: %r is not a whole number >= 1' % v)
            every = int(v)
        elif a == '--min-share':
            try:
                share = float(v)
            except ValueError:
                die('--min-share: %r is not a number' % v)
        elif a == '--keep':
            keep = v
        elif a == '--labels':
            c, eq, ls = v.partition('=')
            if not eq or c not in CHIP_LABELS or not ls:
                die('--labels: %r is not CHIP=LABEL|LABEL... of a held-back chip (%s)'
                    % (v, ', '.join(CHIP_LABELS)))
            labels[c] = ls.split('|')
        elif a == '--model-labels':
            m, eq, ls = v.partition('=')
            if not eq or not m or not ls:
                die('--model-labels: %r is not MODEL=LABEL|LABEL...' % v)
            mlabels[m] = ls.split('|')
        elif a == '--json':
            jout = v
        elif a == '--presets':
            presets = True
        elif a == '--no-extra':
            extra = False
        elif a == '--h100-precisions':
            raw = True
        else:
            print(__doc__)
            return 0
    pub = os.path.join(data, 'measurements', 'published-h100.csv')
    leg = os.path.join(data, 'measurements.csv')
    for p in (pub, leg):
        if not os.path.exists(p):
            die('no %s' % p)
    with open(pub, newline='', encoding='utf-8') as f:
        allpub = list(csv.DictReader(f))
    with open(leg, newline='', encoding='utf-8') as f:
        allleg = list(csv.DictReader(f))
    src = [r for r in allpub if perf_overview(r)][::every]
    legacy = [r for r in allleg if r['software'] == 'TensorRT-LLM 0.10.0'][::every]
    if not src:
        die('no perf-overview row in %s' % pub)
    spec = {c: chip_spec(data, c) for c in [BASE] + chips}
    tmp = keep or tempfile.mkdtemp(prefix='heldback-')
    os.makedirs(tmp, exist_ok=True)
    mlsrc = mlperf_source(allpub)
    mlp = mlperf_rows(mlsrc, chips)
    srcd = {r['id']: r for r in src + mlsrc}
    srcd.update({r['id']: dict(r, software='TensorRT-LLM 0.10.0', version='')
                 for r in legacy})
    if extra:
        srcd.update({x['id']: x for _, x in extra_rows(src, chips)})

    # the H100 rows themselves (the reason kinds of the 'as_h100' rows)
    hp = os.path.join(tmp, 'h100.csv')
    with open(hp, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, list(src[0].keys()), lineterminator='\n')
        w.writeheader()
        w.writerows(src + mlsrc)
    h100 = validate(rl, data, hp)
    made = write_published(src, chips, os.path.join(tmp, 'heldback-published.csv'), labels,
                           extra, raw, mlabels, mlp)
    res = validate(rl, data, os.path.join(tmp, 'heldback-published.csv'))
    wcache, table = {}, {}
    count(rl, data, spec, res, made, srcd, h100, wcache, table)
    lmade = {}
    if legacy:
        lmade = write_legacy(legacy, chips, os.path.join(tmp, 'heldback-0.10.csv'), labels, raw,
                             mlabels)
        lres = validate(rl, data, os.path.join(tmp, 'heldback-0.10.csv'))
        count(rl, data, spec, lres, lmade, srcd, {}, wcache, table)

    print('1. held-back rows made from %d perf-overview H100 rows, %d 0.10 rows, %d rows of'
          ' models and tps the H100 tables lack and %d MLPerf rows, by chip'
          % (len(src), len(legacy), len(extra_rows(src, chips)) if extra else 0, len(mlp)))
    print('%-10s %6s %6s %6s %6s %6s %6s %6s  %s' % ('chip', 'rows', 'ok', 'imposs', 'as_h100',
                                                   'tight', 'gap', 'share', '(share: ok of rows a table could hold)'))
    report = {'chips': {}, 'checks': {}, 'files': tmp if keep else None}
    fail = []
    tot = {'rows': 0, 'ok': 0, 'holdable': 0}
    for c in chips:
        t = table.get(c, {'rows': 0, 'ok': 0, 'kinds': {}, 'reasons': {}, 'gaps': [], 'tight': []})
        k = t['kinds']
        holdable = t['rows'] - k.get('impossible', 0)
        s = t['ok'] / holdable if holdable else 1.0
        print('%-10s %6d %6d %6d %6d %6d %6d %5.1f%%' % (c, t['rows'], t['ok'], k.get('impossible', 0),
                                                       k.get('as_h100', 0), k.get('tight', 0),
                                                       k.get('gap', 0), 100 * s))
        for rk, n in sorted(t['reasons'].items(), key=lambda z: -z[1]):
            print('             %5d  %s' % (n, rk))
        if t.get('near'):
            print('             (%d of the impossible: weights within the memory, over %.0f%% of it:'
                  ' FIT_SHARE decides)' % (t['near'], 100 * FIT_SHARE))
        for i, why in t['gaps'][:10]:
            print('    GAP %s: %s' % (i, why))
        for i, why in t['tight'][:5]:
            print('    tight %s: %s' % (i, why))
        if t['gaps']:
            fail.append('%s: %d rows not modelled for a reason a real table could contradict' % (c, len(t['gaps'])))
        if s < share:
            fail.append('%s: %.1f%% of the rows its tables could hold modelled, under %.0f%%' % (c, 100 * s, 100 * share))
        report['chips'][c] = {'rows': t['rows'], 'modelled': t['ok'], 'holdable': holdable,
                              'impossible_near': t.get('near', 0),
                              'share': s, 'kinds': k, 'reasons': t['reasons'],
                              'gaps': [i for i, _ in t['gaps']]}
        tot['rows'] += t['rows']
        tot['ok'] += t['ok']
        tot['holdable'] += holdable
    print('%-10s %6d %6d  of %d a table could hold: %.1f%%; of all rows %.1f%%'
          % ('all', tot['rows'], tot['ok'], tot['holdable'],
             100 * tot['ok'] / max(tot['holdable'], 1), 100 * tot['ok'] / max(tot['rows'], 1)))
    report['all'] = tot

    print()
    print('2. modelled rows by version and chip (ok/rows)')
    vers = {}
    for i, x in list(res.items()) + (list(lres.items()) if legacy else []):
        c, sid = (made.get(i) or lmade.get(i))[:2]
        v = srcd[sid]['version'] or srcd[sid]['software']
        a = vers.setdefault(v, {}).setdefault(c, [0, 0])
        a[0] += x['status'] == 'ok'
        a[1] += 1
    print('  %-42s %s' % ('version', '  '.join('%-11s' % c for c in chips)))
    for v in sorted(vers):
        print('  %-42s %s' % (v, '  '.join('%-11s' % ('%d/%d' % tuple(vers[v].get(c, (0, 0))))
                                          for c in chips)))
    report['versions'] = vers

    print()
    print('3. per-chip settings applied')
    checks = {
        'kv_fraction_0.11_gh200': check_kv_fraction(rl, data, src if every == 1 else
                                                    [r for r in allpub if perf_overview(r)], tmp),
        'per_gpu_metric_post_1.0': check_per_gpu(rl, data, [r for r in allpub if perf_overview(r)],
                                                 chips, tmp),
        'layout_0.10': check_legacy(rl, data, legacy, list(src[0].keys()), chips, tmp),
        'spellings_published': check_spellings(rl, data, made, res, srcd,
                                               os.path.join(tmp, 'heldback-published.csv'), tmp),
        'spellings_0.10': check_spellings(rl, data, lmade, lres, srcd,
                                          os.path.join(tmp, 'heldback-0.10.csv'), tmp)
        if legacy else None,
        'ratios_extra': check_ratios(rl, data, made, res, spec, tmp),
        'strict': check_strict(rl, data, [os.path.join(tmp, 'heldback-published.csv')] +
                               ([os.path.join(tmp, 'heldback-0.10.csv')] if legacy else [])),
    }
    for k, v in checks.items():
        print('  %-26s %s' % (k, 'skipped: no such row modelled' if v is None else
                               'holds' if not v else '%d problems' % len(v)))
        for p in (v or [])[:5]:
            print('      ' + p)
        fail += ['%s: %s' % (k, p) for p in (v or [])]
    report['checks'] = checks
    if presets:
        print()
        p = check_presets(data, spec)
        report['presets'] = p
        fail += p
    print()
    print('result: %s' % ('every check holds' if not fail else '%d failures' % len(fail)))
    for f in fail[:20]:
        print('  ' + f)
    report['failures'] = fail
    if jout:
        with open(jout, 'w', encoding='utf-8') as f:
            json.dump(report, f, indent=1, default=str)
    if not keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if fail else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
