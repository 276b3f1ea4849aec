#!/usr/bin/env python3
"""transfer-ratios.py: the distribution of the predicted chip/H100 ratio of
every held-back chip, by version, phase mix and tp, and the rows whose
ratio the chips' specifications do not allow (no measurement of those
chips is used: predicted ratios, not errors).

Rows: the maximum-load throughput rows of the perf-overview tables
(data/measurements/published-h100.csv, TensorRT-LLM, not Triton) and the
0.10 serving rows of data/measurements.csv (written in the published
layout as version 0.10.0, which validate models with trtllm-0.10).  Each
is run with the chip column set to each of CHIPS, at the precision that
chip's table holds it (heldback-rehearsal.py's rule): the A100s run every
row at 16 bits (no FP8 units; the 0.10 table's A100 section ran its FP8
rows in FP16), CHIP/fp4 the FP8 rows in FP4 (Blackwell's FP4 columns).
The ratio is to the H100's prediction of the same row at the same
precision (the FP4 rows' to its FP8 row: the H100 has no FP4).

Phase mix: decode-heavy osl >= 8 isl, prefill-heavy isl >= 10 osl,
balanced the rest (transfer-audit.py's classes).

Flags (each from the presets' numbers, tolerance 1e-6):
  transfer-audit.py's judge(): a chip at least the H100 in every
  resource and memory predicting less ('slower'); a ratio outside
  [smallest, largest] of the resource ratios and 1 ('below', 'above'),
  widened only by the KV room a larger or smaller memory leaves beside
  the weights ('beyond-kv', 'under-kv');
  'pcie-tp': on a chip without NVLink (link_gbps <= 64: a100-pcie, l40s),
  with --tp-scaling, the same row at tp n (2, 4, 8) predicting more
  output per GPU than at tp 1 by more than the KV room allows.  A GPU of
  tp n holds 1/n of the weights W and of every sequence's KV, serves
  all B sequences and owns B/n of the output: its FLOPs and KV bytes per
  output token are tp 1's.  Where the KV cache is full both iterations
  read what the memory holds beside the runtime, so output per GPU goes
  with the batch per GPU the KV room holds: at most (M - W/n) / (M - W -
  R_MAX) times tp 1's (M the chip's memory, W the weights on one chip at
  tp 1, the runtime's memory at most R_MAX = 8 GB at tp 1 and at least 0
  at tp n); the weights' share of those bytes falls with tp, which
  shortens the iteration by at most 1/K_MIN while the KV cache takes at
  least K_MIN = 0.9 of its room.  Caps on the batch (max_batch_size,
  max_num_tokens) are per replica: they cut tp n's batch per GPU by n,
  to tp 1's output per GPU at most.  Fixed times per iteration are the
  same at both and times per sequence grow with the batch.  Ceiling:
  max(1, gain) / K_MIN.  Not in it: the GEMMs' tile filling
  (gemm_m_half), which tp n's n-times-more rows per GEMM improve (a row
  flagged for a look may be that); the all-reduce only lowers tp n.
  Rows whose tp 1 leaves under R_MAX beside the weights get no ceiling
  (counted).

Prints per chip the rows modelled, the flags, then per chip, version and
phase the ratio's n / p10 / median / p90 / max against the HBM and peak
ratios, then per chip, phase and tp over every version.  --json FILE
writes the groups and flags.  Exit status: 0 when no row is flagged, 1
when one is, 2 on bad arguments.

usage: scripts/transfer-ratios.py [--rooflab PATH] [--data DIR]
       [--chips a,b,...] [--tp-scaling] [--json FILE]
"""
import csv, importlib.util, json, os, re, shutil, statistics, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import rlpresets  # noqa: E402
_spec = importlib.util.spec_from_file_location('transfer_audit',
                                               os.path.join(HERE, 'transfer-audit.py'))
ta = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ta)

CHIPS = ('h200-sxm', 'gh200', 'a100-sxm', 'a100-pcie', 'l40s', 'b200', 'gb200',
         'b200/fp4', 'gb200/fp4')
BASE = ta.BASE
TOL = ta.TOL
SIXTEEN = ('fp16', 'bf16', 'mixed')
# a chip whose link is PCIe's (32 GB/s a direction; NVLink3 is 300)
PCIE_GBPS = 64.0
SCALE_TP = ('2', '4', '8')
# the 'pcie-tp' ceiling: the runtime's memory (reservation and buffers) at
# tp 1 at most R_MAX (runtime_reserved_gb's range top), at tp n at least 0
# (its buffers shard with tp); the KV cache's share of the room at least
# K_MIN (the TensorRT profiles' kv_fraction: 0.9-0.99)
R_MAX = 8e9
K_MIN = 0.9


def die(msg):
    sys.stderr.write('transfer-ratios.py: %s\n' % msg)
    sys.exit(2)


def phase(m):
    isl, osl = float(m['isl'] or 0), float(m['osl'] or 0)
    return 'decode' if osl >= 8 * isl else 'prefill' if isl >= 10 * osl else 'balanced'


def source_rows(data):
    """The maximum-load throughput rows: published-h100.csv's perf-overview
    rows and data/measurements.csv's 0.10 serving rows, in the published
    layout (dicts)."""
    src = os.path.join(data, 'measurements', 'published-h100.csv')
    with open(src, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    cols = list(rows[0].keys())
    out = [r for r in rows if r['software'] == 'TensorRT-LLM' and 'triton' not in r['version']
           and r['metric'] in ta.TPUT and r['request_rate'] == '']
    leg = os.path.join(data, 'measurements.csv')
    if os.path.exists(leg):
        with open(leg, newline='', encoding='utf-8') as f:
            for r in csv.DictReader(f):
                if r.get('software') != 'TensorRT-LLM 0.10.0' or r['metric'] not in ta.TPUT:
                    continue
                x = {k: '' for k in cols}
                x.update(id=r['id'], software='TensorRT-LLM', version='0.10.0', chip=r['chip'],
                         gpus=r['chips'], model=r['model'], precision=r['precision'],
                         isl=r['isl'], osl=r['osl'], tp=r['tp'], pp='1', metric=r['metric'],
                         value=r['value'])
                out.append(x)
    return cols, out


def chip_prec(c, prec):
    """The precision chip c's table holds a row of the H100's precision
    prec at (None: not in that table)."""
    q = c.partition('/')[2]
    if q:
        return q if prec.lower() == 'fp8' else None
    if c.startswith('a100'):
        return 'fp16' if prec.lower() == 'fp8' else prec
    return prec


def write(rows, cols, path, chip, prec_of, tp=None):
    """rows with the chip column set to chip, each at prec_of(precision)
    (dropped where None), at tp (gpus = tp) when given: {id: row}."""
    out = {}
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n')
        w.writeheader()
        for r in rows:
            p = prec_of(r['precision'])
            if p is None:
                continue
            x = dict(r, chip=chip, precision=p)
            if tp:
                x.update(id='%s@tp%s' % (r['id'], tp), tp=tp, gpus=tp)
                # the build settings the notes give are the table's tp's
                x['notes'] = re.sub(r'\b(max_num_tokens|max_batch_size)=', r'\1 of tp %s: ' % r['tp'],
                                    x.get('notes') or '')
            out[x['id']] = x
            w.writerow(x)
    return out


def run(rl, data, tmp, rows, cols, name, chip, prec_of, tp=None):
    p = os.path.join(tmp, re.sub(r'[^\w.-]', '-', name) + '.csv')
    meta = write(rows, cols, p, chip, prec_of, tp)
    return meta, ta.validate(rl, data, p)


def q(x, f):
    s = sorted(x)
    return s[min(len(s) - 1, int(f * (len(s) - 1) + 0.5))]


def stats(x):
    return {'n': len(x), 'p10': q(x, 0.1), 'median': statistics.median(x), 'p90': q(x, 0.9),
            'min': min(x), 'max': max(x)}


def main(argv):
    root = os.path.dirname(HERE)
    rl = os.path.join(root, 'rooflab')
    data = os.environ.get('ROOFLAB_DATA', os.path.join(root, 'data'))
    chips, jout, scaling = list(CHIPS), None, False
    for a, v in rlpresets.options(argv, ('--rooflab', '--data', '--chips', '--json'),
                                  ('--tp-scaling',), die):
        if a == '--rooflab':
            rl = v
        elif a == '--data':
            data = v
        elif a == '--chips':
            chips = [c for c in v.split(',') if c]
        elif a == '--json':
            jout = v
        elif a == '--tp-scaling':
            scaling = True
        else:
            print(__doc__)
            return 0
    if not os.path.exists(os.path.join(data, 'measurements', 'published-h100.csv')):
        die('no %s' % os.path.join(data, 'measurements', 'published-h100.csv'))
    tmp = tempfile.mkdtemp()
    try:
        return report(rl, data, tmp, chips, jout, scaling)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def report(rl, data, tmp, chips, jout, scaling):
    cols, rows = source_rows(data)
    spec = {c: ta.chip(data, c.partition('/')[0]) for c in [BASE] + chips}
    h = spec[BASE]
    # the H100 at the row's own precision, and with every FP8 row at 16 bits
    # (the A100s' reference)
    _, base = run(rl, data, tmp, rows, cols, 'h100', BASE, lambda p: p)
    _, base16 = run(rl, data, tmp, rows, cols, 'h100-16', BASE,
                    lambda p: 'fp16' if p.lower() == 'fp8' else p)
    wcache, flags, groups, bytp = {}, [], {}, {}
    print('1. rows modelled (maximum-load throughput rows the chip\'s table holds)')
    for c in chips:
        meta, res = run(rl, data, tmp, rows, cols, c, c.partition('/')[0],
                        lambda p, c=c: chip_prec(c, p))
        ref = base16 if c.startswith('a100') else base
        n_ok = sum(1 for x in res.values() if x['status'] == 'ok')
        print('  %-10s %5d of %5d' % (c, n_ok, len(res)))
        for i, x in res.items():
            y, m = ref.get(i), meta[i]
            if x['status'] != 'ok' or not y or y['status'] != 'ok':
                continue
            # judge() takes the row at the chip's precision; the FP4 rows'
            # reference is the H100's FP8 row (row_prec maps it)
            mj = dict(m, precision='fp8') if '/' in c else m
            ratio, rc, flag, lo, hi, g = ta.judge(rl, data, c, spec[c], h, mj, x, y, wcache)
            if flag:
                flags.append(ta.flag_line(c, i, m, flag, ratio, lo, hi))
            k = (c, m['version'], phase(m))
            groups.setdefault(k, []).append((ratio, rc))
            bytp.setdefault((c, phase(m), ta.tp_of(m['tp'])), []).append(ratio)
    if scaling:
        flags += tp_scaling(rl, data, tmp, rows, cols, spec, chips, wcache)
    print()
    print('2. flags: %s' % (len(flags) or 'none'))
    print()
    print('3. predicted chip/H100 ratio by version and phase: n p10 median p90 max  (r_hbm, r_peak median)')
    out = {'groups': [], 'by_tp': [], 'flags': flags}
    for c in chips:
        rb = spec[c.partition('/')[0]]['hbm_tbps'] / h['hbm_tbps']
        for k in sorted(k for k in groups if k[0] == c):
            x = [t[0] for t in groups[k]]
            s = stats(x)
            rc = statistics.median(t[1] for t in groups[k])
            print('  %-10s %-42s %-8s %4d %6.3f %6.3f %6.3f %6.3f  (%.3f, %.3f)'
                  % (c, k[1], k[2], s['n'], s['p10'], s['median'], s['p90'], s['max'], rb, rc))
            out['groups'].append(dict(s, chip=c, version=k[1], phase=k[2], r_hbm=rb, r_peak=rc))
    print()
    print('4. by phase and tp over every version: n p10 median p90 min max')
    for c in chips:
        for k in sorted(k for k in bytp if k[0] == c):
            s = stats(bytp[k])
            print('  %-10s %-8s tp %-2d %4d %6.3f %6.3f %6.3f %6.3f %6.3f'
                  % (c, k[1], k[2], s['n'], s['p10'], s['median'], s['p90'], s['min'], s['max']))
            out['by_tp'].append(dict(s, chip=c, phase=k[1], tp=k[2]))
    if jout:
        with open(jout, 'w', encoding='utf-8') as f:
            json.dump(out, f, indent=1, allow_nan=False, default=str)
    return 1 if flags else 0


def tp_scaling(rl, data, tmp, rows, cols, spec, chips, wcache):
    """The 'pcie-tp' flags (module doc) of the PCIe chips among chips."""
    flags = []
    one = [r for r in rows if (r['pp'] or '1') == '1' and re.fullmatch(r'\d+', r['tp'] or '')]
    seen, uniq = set(), []
    for r in one:
        k = (r['version'], r['model'], r['precision'], r['isl'], r['osl'], r['metric'])
        if k not in seen:
            seen.add(k)
            uniq.append(r)
    print()
    print('5. tp scaling on PCIe chips: output per GPU at tp n over tp 1, against the KV room\'s gain')
    for c in chips:
        s = spec[c.partition('/')[0]]
        if '/' in c or s.get('link_gbps', 0) > PCIE_GBPS:
            continue
        pf = lambda p, c=c: chip_prec(c, p)
        m1, r1 = run(rl, data, tmp, uniq, cols, c + '-tp1', c, pf, '1')
        worst, n, loose, over, top = 0.0, 0, 0, 0, (0.0, '')
        for tp in SCALE_TP:
            mn, rn = run(rl, data, tmp, uniq, cols, '%s-tp%s' % (c, tp), c, pf, tp)
            for i, x in rn.items():
                i1 = re.sub(r'@tp\d+$', '@tp1', i)
                y = r1.get(i1)
                if x['status'] != 'ok' or not y or y['status'] != 'ok':
                    continue
                m = mn[i]
                per = (x['predicted'] / int(tp)) / y['predicted']
                if m['metric'] == 'output_tokens_per_s_per_gpu':
                    per = x['predicted'] / y['predicted']
                w1 = ta.weights_per_chip(rl, data, m1[i1], wcache)
                M = s['hbm_gb'] * 1e9
                n += 1
                over += per > 1 + TOL
                top = max(top, (per, i))
                if w1 <= 0 or M - w1 - R_MAX <= 0:
                    loose += 1
                    continue
                hi = max(1.0, (M - w1 / int(tp)) / (M - w1 - R_MAX)) / K_MIN
                worst = max(worst, per / hi)
                if per > hi * (1 + TOL):
                    flags.append(ta.flag_line(c, i, m, 'pcie-tp', per, 0.0, hi))
        print('  %-10s %5d pairs, %d faster per GPU than tp 1 (most %.3f, %s); the highest at %.3f of'
              ' its ceiling; %d with no ceiling (tp 1 leaves under %.0f GB beside the weights)'
              % (c, n, over, top[0], top[1], worst, loose, R_MAX / 1e9))
    return flags


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
