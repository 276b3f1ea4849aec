#!/usr/bin/env python3
"""transfer-audit.py: the published H100 rows carried to the chips the fits
never saw, checked against physics (no measurement of those chips is used:
these are predicted ratios, not errors).

The rows of data/measurements/published-h100.csv are written again with the
chip column set to each preset (the gpus column kept: gpus = tp x pp), run
through `rooflab validate --measurements FILE --json` once per chip, and for
every row the H100 and the chip both model the predicted chip/H100 ratio is
set against the ratios of the resources the engine costs (data/chips/*.ini):
  r_compute  dense matrix peak at the row's precision (bf16 for 16 bits),
  r_hbm      memory bandwidth,
  r_link     one-direction link bandwidth (rows with tp > 1),
  r_mem      memory capacity (what the KV cache and the batch grow with).
It prints
  1. rows modelled per chip and the reasons of the others, and the share of
     rows a real table of that chip could hold (the H100 rows whose weights
     fit the chip at that tp) that are modelled: the issue's >= 85%;
  2. the flags: a chip at least as fast in every resource yet slower
     ('slower'), a ratio below the smallest resource ratio on a chip with
     no less memory ('below'), a ratio above the largest on a chip with no
     more memory ('above'); on a chip with more (or less) memory the KV
     cache's batch moves it further, at most by the ratio of the memory
     left for KV beside the weights (kv_gain): beyond that 'beyond-kv'
     (or 'under-kv'); a ratio above every resource ratio within it is the
     larger batch, counted, not flagged.  The bounds take 1 with the
     resource ratios: host and launch times are the same on both chips;
  3. the median ratio per chip, version and row class against the ratio
     physics expects: long decodes (osl >= 8 isl) against r_hbm, prompt-heavy
     rows (isl >= 10 osl) against r_compute;
  4. with --sensitivity, how far three fitted numbers that could be H100
     properties in disguise move each chip's predictions (median change and
     90th percentile of its size over the rows modelled in both runs; the
     profiles edited in a copy of data/, the repository's never touched):
     gemm_m_half read as a fixed time rather than a row count (the time
     2 K N m_half / (peak x eff) it adds to a GEMM kept at the H100's: m_half
     times the chip's bf16 peak over the H100's), logits_passes read as a
     fixed time per generated token rather than bytes (passes x vocab x 4 /
     (bandwidth x eff_memory) kept at the H100's: the passes times the chip's
     bandwidth over the H100's; the fits of 0.11-0.13 put 23-30 passes there
     and seq_overhead_us on its lower bound, and host time per sequence
     would not scale with the chip), and runtime_reserved_gb at the ends of
     its range (0.5 and 8 GB);
  5. with --detail, the median ratio per chip, version, model, precision, tp
     and isl/osl;
  6. with --tp-sweep, 1. and 2. again for the maximum-load throughput rows
     written at each tp of 1, 2, 4 and 8 their table did not run (the
     chips' own tables pick their own tp: 70B in FP8 at tp 1 on 141 and
     180 GB, 405B in FP4 at tp 4): modelled share of those a chip could
     hold (the H100 need not hold them), and flags against the H100 at
     the same tp where it models the row;
  7. with --tp-sweep, every pair of chips where one is at least the other
     in every resource a row costs (peak at its precision, bandwidth,
     memory, link when it spans chips: GH200 over H100, H200 over GH200,
     B200 over H200, the H100 over A100 and L40S, ...): its throughput at
     least the other's on every maximum-load row, of the table and swept,
     that both model; a row below it is counted with the flags.
Throughput rows at maximum load only (the online-serving rows at a request
rate and the latency metrics are listed apart in 1).  Exit status: 0 when no
row is flagged in 2 (or 6 and 7), 1 when one is, 2 on bad arguments.

usage: scripts/transfer-audit.py [--rooflab PATH] [--data DIR]
       [--chips a,b,...] [--sensitivity] [--detail] [--tp-sweep] [--json FILE]
"""
import csv, json, os, re, shutil, statistics, sys, tempfile

import rlpresets

TPUT = ('tokens_per_s', 'output_tokens_per_s', 'output_tokens_per_s_per_gpu')
# CHIP/PREC: the chip with every fp8 row relabelled PREC (Blackwell's FP4
# columns of 0.17+), its ratio taken to the H100's FP8 prediction
CHIPS = ('h200-sxm', 'gh200', 'a100-sxm', 'a100-pcie', 'l40s', 'b200', 'b200/fp4')
BASE = 'h100-sxm'
# the tps of --tp-sweep
SWEEP_TP = ('1', '2', '4', '8')
TOL = 1e-6
# a table of a chip holds a row when the weights on one chip take at most
# this share of its memory (the rest: KV cache, runtime): ASSUMPTION
FIT_SHARE = 0.9


def die(msg):
    sys.stderr.write('transfer-audit.py: %s\n' % msg)
    sys.exit(2)


def chip(data, name):
    """The [chip] numbers of a preset, its [preset] chip = base first."""
    return rlpresets.chip(data, name, die)


def row_profiles(data):
    """The rows of data/profiles/versions.csv ([] where the file is missing),
    for profile_of."""
    path = os.path.join(data, 'profiles', 'versions.csv')
    try:
        with open(path, newline='', encoding='utf-8') as f:
            return list(csv.DictReader(l for l in f if not l.startswith('#')))
    except OSError:
        return []


def profile_of(rows, software, version, model):
    """The profile validate takes for a row (claim/valversions.c): the row of
    its software and version scoped to its model most closely (column
    models: names, or prefixes ending in '*'; an exact name before a
    prefix, a longer prefix before a shorter), else the unscoped one;
    None where that row has no profile."""
    best, score = None, -1
    for r in rows:
        if (r.get('software'), r.get('version')) != (software, version):
            continue
        s = 0 if not (r.get('models') or '') else -1
        for e in (r.get('models') or '').split():
            if e.endswith('*') and model.startswith(e[:-1]):
                s = max(s, len(e))
            elif e == model:
                s = max(s, 1 << 20)
        if s > score:
            best, score = r, s
    return (best or {}).get('profile') or None


def weights_per_chip(rl, data, m, cache):
    """Bytes of weights on one chip of a row's mapping (eval on the H100
    with room for any model: the chip does not change them), as the row's
    own profile counts them (its head_precision: trtllm-0.13 and 0.14 hold
    an FP8 model's embedding and LM head at 32 bits); 0 when the
    mapping is not one eval takes (a DEPn tp column).  A MoE row whose notes say
    "MoE: enable_attention_dp" runs as validate runs it (config/meassetup.c):
    attention data parallel, tp 1, the experts over ep = tp chips, every
    chip holding the whole attention."""
    if not re.fullmatch(r'\d+', m['tp'] or '') or not re.fullmatch(r'\d+', m['pp'] or '1'):
        return 0.0
    if 'profiles' not in cache:
        cache['profiles'] = row_profiles(data)
    prof = profile_of(cache['profiles'], m.get('software', ''), m.get('version', ''),
                      m.get('model', ''))
    dep = 'MoE: enable_attention_dp' in m.get('notes', '') and int(m['tp']) > 1
    k = (m['model'], m['precision'], m['tp'], m['pp'] or '1', dep, prof)
    if k not in cache:
        # a dense model refuses ep > 1 (exit 2): the tp mapping then
        maps = ([['--tp', '1', '--ep', k[2]]] if dep else []) + [['--tp', k[2]]]
        cache[k] = rlpresets.weights_bytes(rl, data, BASE, k[0], k[1], maps, k[3],
                                           prof) or 0.0
    return cache[k]


def kv_gain(mc, mh, w):
    """(least, most) factor by which the batch a KV cache holds can change
    from the H100 to a chip of mc bytes (the H100 mh) with w bytes of
    weights on each: the KV room mem - w - R over the H100's, for a runtime
    reservation R anywhere in 0-8 GB (runtime_reserved_gb's range); 1 in
    the pair when the batch cannot be KV-bound on one side.  The batch
    grows at most by that, every iteration takes at least the H100's at the
    same batch over the largest resource ratio, so throughput/H100 <= the
    largest resource ratio x most (and >= the smallest x least).  None when
    w is unknown or the weights leave no room."""
    if w <= 0:
        return None
    g = [(mc - w - r) / (mh - w - r) for r in (0.0, 8e9) if mh - w - r > 0 and mc - w - r > 0]
    if not g:
        return None
    return (min(g + [1.0]), max(g + [1.0]))


def swap(src, dst, name):
    name, _, prec = name.partition('/')
    with open(src, newline='', encoding='utf-8') as f, \
         open(dst, 'w', newline='', encoding='utf-8') as g:
        r, w = csv.reader(f), csv.writer(g, lineterminator='\n')
        h = next(r)
        w.writerow(h)
        ci, pi = h.index('chip'), h.index('precision')
        for row in r:
            row[ci] = name
            if prec and row[pi] == 'fp8':
                row[pi] = prec
            w.writerow(row)


def sweep(src, dst, name):
    """The throughput rows at maximum load of src (tp a number, pp 1)
    written again for chip name (CHIP/PREC as swap) at each tp of SWEEP_TP
    that the table does not hold for the row's version, model, precision,
    isl, osl and metric (the first such row copied; id 'ID@tpN', gpus =
    tp): the tps a chip's own table may run (a 70B model at tp 1 on 141 GB,
    405B in FP4 at tp 2-4 on 180 GB) and the H100's did not; the notes'
    max_num_tokens and max_batch_size, set for the table's tp, are no
    longer read (the profile's apply).  Their meta rows by id, at the
    table's precision."""
    name, _, prec = name.partition('/')
    with open(src, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    # (the meta rows keep the table's precision, as swap's callers do)
    key = lambda r: (r['software'], r['version'], r['model'], r['precision'],
                     r['isl'], r['osl'], r['metric'])
    have = {key(r) + (r['tp'],) for r in rows}
    out, seen = {}, set()
    for r in rows:
        if (r['metric'] not in TPUT or r['request_rate'] != '' or
                not re.fullmatch(r'\d+', r['tp'] or '') or (r['pp'] or '1') != '1'):
            continue
        for tp in SWEEP_TP:
            k = key(r) + (tp,)
            if k in have or k in seen:
                continue
            seen.add(k)
            x = dict(r, id='%s@tp%s' % (r['id'], tp), chip=name, tp=tp, gpus=tp)
            # the build settings the notes give are the table's tp's (0.11:
            # per model and tp): the swept row takes the profile's
            if r.get('notes'):
                x['notes'] = re.sub(r'\b(max_num_tokens|max_batch_size)=',
                                    r'\1 of tp %s: ' % r['tp'], r['notes'])
            out[x['id']] = x
    with open(dst, 'w', newline='', encoding='utf-8') as g:
        w = csv.DictWriter(g, list(rows[0].keys()) if rows else [], lineterminator='\n')
        w.writeheader()
        for x in out.values():
            w.writerow(dict(x, precision=row_prec('/' + prec, x['precision'])) if prec else x)
    return out


def row_prec(c, prec):
    """The precision a row runs at on chip c (c may be CHIP/PREC)."""
    q = c.partition('/')[2]
    return q if q and prec == 'fp8' else prec


def validate(rl, data, path):
    return rlpresets.validate(rl, data, path, die)


prec_peak = rlpresets.peak


def tp_of(s):
    m = re.search(r'\d+', s or '')
    return int(m.group(0)) if m else 1


def reason_key(s):
    s = re.sub(r'[-+]?\d+(\.\d+)?([eE][-+]?\d+)?', '#', s or '')
    return s[:90]


def median(x, empty=float('nan')):
    return statistics.median(x) if x else empty


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rl = os.path.join(root, 'rooflab')
    data = os.environ.get('ROOFLAB_DATA', os.path.join(root, 'data'))
    chips, detail, sens, jout, tps = list(CHIPS), False, False, None, False
    for a, v in rlpresets.options(argv, ('--rooflab', '--data', '--chips', '--json'),
                                  ('--detail', '--sensitivity', '--tp-sweep'), die):
        if a == '--rooflab':
            rl = v
        elif a == '--data':
            data = v
        elif a == '--chips':
            chips = [c for c in v.split(',') if c]
        elif a == '--json':
            jout = v
        elif a == '--detail':
            detail = True
        elif a == '--sensitivity':
            sens = True
        elif a == '--tp-sweep':
            tps = True
        else:
            print(__doc__)
            return 0
    src = os.path.join(data, 'measurements', 'published-h100.csv')
    if not os.path.exists(src):
        die('no %s' % src)
    spec = {c: chip(data, c.partition('/')[0]) for c in [BASE] + chips}
    meta = {}
    for r in csv.DictReader(open(src, newline='', encoding='utf-8')):
        meta[r['id']] = r
    tmp = tempfile.mkdtemp()
    try:
        return audit(rl, data, src, tmp, spec, meta, chips, detail, sens, jout, tps)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def edit_profiles(src, dst, fn):
    """A copy of data/ in dst whose serving profiles have key = fn(key, v)."""
    shutil.copytree(src, dst)
    pd = os.path.join(dst, 'profiles')
    for name in os.listdir(pd):
        if not (name.startswith('trtllm-') or name.startswith('triton-')) or not name.endswith('.ini'):
            continue
        p = os.path.join(pd, name)
        out = []
        for line in open(p, encoding='utf-8').read().split('\n'):
            m = re.match(r'^(\w+)\s*=\s*([-+]?[0-9.]+([eE][-+]?[0-9]+)?)(\s.*)?$', line)
            v = fn(m.group(1), float(m.group(2))) if m else None
            out.append(line if v is None else '%s = %.10g%s' % (m.group(1), v, m.group(4) or ''))
        open(p, 'w', encoding='utf-8').write('\n'.join(out))


def sensitivity(rl, data, tmp, spec, meta, chips, res):
    h = spec[BASE]
    cases = [
        ('gemm_m_half as a time', lambda c: (lambda k, v: v * spec[c]['peak_tflops_bf16'] / h['peak_tflops_bf16']
                                             if k == 'gemm_m_half' else None)),
        ('logits_passes as a time', lambda c: (lambda k, v: v * spec[c]['hbm_tbps'] / h['hbm_tbps']
                                               if k == 'logits_passes' else None)),
        ('runtime_reserved 0.5 GB', lambda c: (lambda k, v: 0.5 if k == 'runtime_reserved_gb' else None)),
        ('runtime_reserved 8 GB', lambda c: (lambda k, v: 8.0 if k == 'runtime_reserved_gb' else None)),
    ]
    print()
    print('4. sensitivity: median change of the prediction, the 90th percentile and the largest of')
    print('   its size, rows no longer modelled')
    print('%-24s' % 'case' + ''.join('%27s' % c for c in chips))
    out = {}
    for name, mk in cases:
        cells = []
        for c in chips:
            d = os.path.join(tmp, 'data-' + c.replace('/', '-'))
            edit_profiles(data, d, mk(c))
            r = validate(rl, d, os.path.join(tmp, c.replace('/', '-') + '.csv'))
            shutil.rmtree(d)
            both = [i for i in res[c] if res[c][i]['status'] == 'ok' and r[i]['status'] == 'ok'
                    and meta[i]['metric'] in TPUT and meta[i]['request_rate'] == '']
            lost = sum(1 for i in res[c] if res[c][i]['status'] == 'ok' and r[i]['status'] != 'ok')
            x = [r[i]['predicted'] / res[c][i]['predicted'] - 1 for i in both]
            if x:
                p90 = sorted(abs(t) for t in x)[int(0.9 * (len(x) - 1))]
                big = max(abs(t) for t in x)
                cells.append('%+5.1f%% %4.1f%% %4.1f%% %3d' % (100 * median(x), 100 * p90, 100 * big, lost))
                out[(name, c)] = (median(x), p90, big, lost)
            else:
                cells.append('-')
        print('%-24s' % name + ''.join('%27s' % t for t in cells), flush=True)
    return out


def modelled(rl, data, c, s, base, res, meta, wcache, sweep=False):
    """Section 1 (and 6) for chip c of preset numbers s: of the rows the
    H100 models (base), those c models (res), and the share modelled of
    the rows a real table of c could hold; printed, and returned for the
    JSON report.  In a tp sweep (sweep) the H100 need not model a row: a
    tp it cannot hold may fit c: the rows it models or does not hold."""
    rows = [i for i in res if base[i]['status'] == 'ok' or
            (sweep and 'does not fit' in (base[i]['reason'] or ''))]
    ok = [i for i in rows if res[i]['status'] == 'ok']
    # a real table of chip c holds only rows whose weights fit it at
    # that tp: weights / tp under its memory (bytes a parameter by
    # precision; KV and runtime not counted: an upper bound)
    fit = []
    for i in rows:
        m = meta[i]
        w = weights_per_chip(rl, data, m, wcache)
        if w < s['hbm_gb'] * 1e9 * FIT_SHARE and prec_peak(s, row_prec(c, m['precision'])) > 0:
            fit.append(i)
    fit_ok = [i for i in fit if res[i]['status'] == 'ok']
    why = {}
    for i in rows:
        if res[i]['status'] != 'ok':
            k = reason_key(res[i]['reason'])
            why[k] = why.get(k, 0) + 1
    share = len(fit_ok) / len(fit) if fit else float('nan')
    print('%-10s %6d %6d %5.1f%%  (%d of %d rows whose weights fit and precision runs)'
          % (c, len(rows), len(ok), 100 * share, len(fit_ok), len(fit)))
    for k, n in sorted(why.items(), key=lambda t: -t[1]):
        print('%-10s %6d   %s' % ('', n, k))
    lost = sorted({(meta[i]['version'], meta[i]['model'], meta[i]['precision'], meta[i]['tp'])
                   for i in fit if i not in fit_ok})
    for t in lost[:12]:
        print('%-10s   lost though its weights fit: %s' % ('', ' '.join(t)))
    return {'rows': len(rows), 'modelled': len(ok),
            'fitting_rows': len(fit), 'fitting_modelled': len(fit_ok),
            'reasons': why}


def judge(rl, data, c, s, h, m, x, y, wcache):
    """A throughput row m predicted x on chip c (preset numbers s) and y
    on the H100 (h): (ratio, r_compute, flag or None, lo, hi, kv gain or
    None), [lo, hi] the resource ratios' range (with 1), widened by the
    KV room's gain where the flag is beyond-kv or under-kv."""
    rb = s['hbm_tbps'] / h['hbm_tbps']
    rm = s['hbm_gb'] / h['hbm_gb']
    pc, ph = prec_peak(s, row_prec(c, m['precision'])), prec_peak(h, m['precision'])
    rc = pc / ph if ph > 0 else 0
    rs = [rc, rb]
    if tp_of(m['tp']) > 1 or 'DEP' in m['tp']:
        rs.append(s['link_gbps'] / h['link_gbps'])
    # fixed times (host, launches) take the same on both: they pull
    # the ratio towards 1, so 1 bounds it too
    lo, hi = min(rs + [1.0]), max(rs + [1.0])
    ratio = x['predicted'] / y['predicted']
    g = None
    if row_prec(c, m['precision']) == m['precision']:
        g = kv_gain(s['hbm_gb'] * 1e9, h['hbm_gb'] * 1e9, weights_per_chip(rl, data, m, wcache))
    flag = None
    if lo >= 1 and rm >= 1 and ratio < 1 - TOL:
        flag = 'slower'
    elif ratio < lo * (1 - TOL) and rm >= 1:
        flag = 'below'
    elif ratio > hi * (1 + TOL) and rm <= 1:
        flag = 'above'
    elif g and ratio > hi * g[1] * (1 + TOL):
        flag = 'beyond-kv'
    elif g and ratio < lo * g[0] * (1 - TOL):
        flag = 'under-kv'
    if flag in ('beyond-kv', 'under-kv'):
        lo, hi = lo * g[0], hi * g[1]
    return ratio, rc, flag, lo, hi, g


def flag_line(c, i, m, flag, ratio, lo, hi):
    """Print a flag; its entry of the JSON report."""
    print('  %-6s %-10s %-24s %s %s %s tp %s %s/%s ratio %.3f outside [%.3f, %.3f]'
          % (flag, c, i, m['version'], m['model'], m['precision'], m['tp'],
             m['isl'], m['osl'], ratio, lo, hi))
    return {'chip': c, 'id': i, 'flag': flag, 'ratio': ratio, 'resource_ratios': [lo, hi]}


def audit(rl, data, src, tmp, spec, meta, chips, detail, sens, jout, tps=False):
    res = {}
    for c in [BASE] + chips:
        p = os.path.join(tmp, c.replace('/', '-') + '.csv')
        swap(src, p, c)
        res[c] = validate(rl, data, p)
    base = res[BASE]
    h = spec[BASE]
    wcache = {}
    report = {'chips': {}, 'flags': []}

    print('1. rows modelled (of the H100 rows the H100 models, every metric)')
    print('%-10s %6s %6s %6s  %s' % ('chip', 'rows', 'ok', 'fit-ok', 'not modelled, by reason'))
    for c in chips:
        report['chips'][c] = modelled(rl, data, c, spec[c], base, res[c], meta, wcache)

    print()
    print('2. flags (throughput rows at maximum load modelled on both chips)')
    cls = {}
    nflag = 0
    for c in chips:
        s = spec[c]
        rb = s['hbm_tbps'] / h['hbm_tbps']
        rm = s['hbm_gb'] / h['hbm_gb']
        above_kv, near = 0, 0.0
        for i, x in res[c].items():
            m, y = meta[i], base[i]
            if (x['status'] != 'ok' or y['status'] != 'ok' or m['metric'] not in TPUT
                    or m['request_rate'] != ''):
                continue
            ratio, rc, flag, lo, hi, g = judge(rl, data, c, s, h, m, x, y, wcache)
            if flag is None and ratio > hi * (1 + TOL):
                above_kv += 1
            if g and flag is None:
                near = max(near, ratio / (hi * g[1]))
            if flag:
                nflag += 1
                report['flags'].append(flag_line(c, i, m, flag, ratio, lo, hi))
            isl, osl = float(m['isl'] or 0), float(m['osl'] or 0)
            k = ('decode' if osl >= 8 * isl else 'prompt' if isl >= 10 * osl else 'mixed')
            cls.setdefault((c, m['version'], k), []).append((ratio, rb, rc))
            if detail:
                cls.setdefault(('D', c, m['version'], m['model'], m['precision'], m['tp'],
                                m['isl'] + '/' + m['osl']), []).append((ratio, rb, rc))
        if rm > 1:
            print('  %-10s %d rows above every resource ratio, within the KV room\'s (memory %.2fx'
                  ' the H100\'s); the highest at %.2f of its bound' % (c, above_kv, rm, near))
        report['chips'][c]['above_resource_ratio_more_memory'] = above_kv
    if not nflag:
        print('  none')

    print()
    print('3. median predicted chip/H100 ratio by row class (n rows) against physics:')
    print('   decode (osl >= 8 isl) ~ r_hbm; prompt (isl >= 10 osl) ~ r_compute')
    print('%-10s %-22s %18s %18s %18s %7s %7s' % ('chip', 'version', 'decode', 'prompt', 'mixed', 'r_hbm', 'r_comp'))
    vers = sorted({k[1] for k in cls if k[0] != 'D'})
    for c in chips:
        for v in vers:
            cells, rb, rc = [], '', ''
            for k in ('decode', 'prompt', 'mixed'):
                x = cls.get((c, v, k), [])
                cells.append('%6.3f (%4d)' % (median([t[0] for t in x]), len(x)) if x else '-')
                if x:
                    rb, rc = '%.3f' % x[0][1], '%.3f' % median([t[2] for t in x])
            if any(t != '-' for t in cells):
                print('%-10s %-22s %18s %18s %18s %7s %7s' % ((c, v) + tuple(cells) + (rb, rc)))
                report.setdefault('classes', []).append(
                    {'chip': c, 'version': v,
                     'decode': median([t[0] for t in cls.get((c, v, 'decode'), [])], None),
                     'prompt': median([t[0] for t in cls.get((c, v, 'prompt'), [])], None),
                     'mixed': median([t[0] for t in cls.get((c, v, 'mixed'), [])], None)})
    if sens:
        report['sensitivity'] = {'%s|%s' % k: v for k, v in
                                 sensitivity(rl, data, tmp, spec, meta, chips, res).items()}
    if detail:
        print()
        print('5. median ratio per chip, version, model, precision, tp, isl/osl')
        for k in sorted(k for k in cls if k[0] == 'D'):
            x = cls[k]
            print('  %-10s %-22s %-24s %-5s tp %-5s %-11s %6.3f (%d)'
                  % (k[1:] + (median([t[0] for t in x]), len(x))))
    if tps:
        n, sres, smeta = tp_sweep(rl, data, src, tmp, spec, chips, wcache, report)
        nflag += n + dominance(spec, chips, [(res, meta), (sres, smeta)], report)
    if jout:
        with open(jout, 'w', encoding='utf-8') as f:
            json.dump(report, f, indent=1, allow_nan=False, default=str)
    return 1 if nflag else 0


def tp_sweep(rl, data, src, tmp, spec, chips, wcache, report):
    """Section 6: the rows of sweep() on every chip, modelled or not (1.'s
    count, whichever tp the H100 holds) and judged as in 2. against the
    H100 at the same tp where it models the row; the flags' count."""
    h = spec[BASE]
    res, meta = {}, {}
    for c in [BASE] + chips:
        p = os.path.join(tmp, 'sweep-' + c.replace('/', '-') + '.csv')
        meta[c] = sweep(src, p, c)
        res[c] = validate(rl, data, p)
    print()
    print('6. tp sweep: the maximum-load throughput rows at the tps (%s) their table did not run'
          % ', '.join(SWEEP_TP))
    print('%-10s %6s %6s %6s  %s' % ('chip', 'rows', 'ok', 'fit-ok', 'not modelled, by reason'))
    out = {'chips': {}, 'flags': []}
    for c in chips:
        out['chips'][c] = modelled(rl, data, c, spec[c], res[BASE], res[c], meta[c], wcache,
                                   sweep=True)
    nflag = 0
    for c in chips:
        for i, x in res[c].items():
            y, m = res[BASE].get(i), meta[c][i]
            if x['status'] != 'ok' or not y or y['status'] != 'ok':
                continue
            ratio, _, flag, lo, hi, _ = judge(rl, data, c, spec[c], h, m, x, y, wcache)
            if flag:
                nflag += 1
                out['flags'].append(flag_line(c, i, m, flag, ratio, lo, hi))
    print('  flags against the H100 at the same tp: %s' % (nflag or 'none'))
    report['tp_sweep'] = out
    return nflag, res, meta[BASE]


def dominates(a, b, prec, multi):
    """1 when chip a (preset numbers) is at least chip b in every resource
    the engine costs a row at precision prec (its matrix peak, bandwidth,
    memory, and the link when the row spans chips), and more in one."""
    ra = [prec_peak(a, prec), a['hbm_tbps'], a['hbm_gb']] + ([a['link_gbps']] if multi else [])
    rb = [prec_peak(b, prec), b['hbm_tbps'], b['hbm_gb']] + ([b['link_gbps']] if multi else [])
    return rb[0] > 0 and all(x >= y for x, y in zip(ra, rb)) and ra != rb


def dominance(spec, chips, sets, report):
    """Section 7: every pair of chips (the H100 too; not CHIP/PREC, whose
    rows run at another precision) where one is at least the other in
    every resource a row costs (dominates): on every maximum-load
    throughput row both model, the table's and the swept ones, its
    predicted throughput is at least the other's (host and launch times
    are the same on both).  Prints the pairs and the rows that are not;
    returns their count."""
    names = [c for c in [BASE] + chips if '/' not in c]
    print()
    print('7. dominance: a chip at least another in every resource a row costs predicts at least its')
    print('   throughput (maximum-load rows of the table and of the sweep that both model)')
    out, nbad = [], 0
    for a in names:
        for b in names:
            if a == b:
                continue
            n, bad = 0, []
            for res, meta in sets:
                for i, m in meta.items():
                    x, y = res[a].get(i), res[b].get(i)
                    if (not x or not y or x['status'] != 'ok' or y['status'] != 'ok' or
                            m['metric'] not in TPUT or m['request_rate'] != ''):
                        continue
                    multi = tp_of(m['tp']) > 1 or 'DEP' in m['tp']
                    if not dominates(spec[a], spec[b], m['precision'], multi):
                        continue
                    n += 1
                    if x['predicted'] < y['predicted'] * (1 - TOL):
                        bad.append((i, x['predicted'] / y['predicted']))
            if n:
                print('  %-10s >= %-10s %6d rows, %d below' % (a, b, n, len(bad)))
                for i, r in bad[:5]:
                    print('    %s ratio %.4f' % (i, r))
                out.append({'chip': a, 'over': b, 'rows': n, 'below': [i for i, _ in bad]})
                nbad += len(bad)
    report['dominance'] = out
    return nbad


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
