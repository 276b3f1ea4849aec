#!/bin/sh
# transfer-sensitivity.sh: how far the predictions for the chips the fits
# never saw move when each assumption that carries an H100-fitted profile to
# another chip (data/chips/README.md, "Carrying a profile fitted on H100 to
# another chip") is set to the ends of its range.  The published H100 rows
# are moved to each chip (the chip column rewritten; b200/fp4 also relabels
# FP8 rows FP4); the trtllm profiles are edited in a copy of data/ (the
# repository's are never touched); for each assumption and chip it prints
# the median change of the predicted throughput over the rows modelled and
# the 90th percentile of its size.  These are not errors: no measurement of
# those chips is in the repository.
#   usage: scripts/transfer-sensitivity.sh [ROOFLAB]   (default ./rooflab)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
rl=${1:-$root/rooflab}
command -v python3 >/dev/null 2>&1 || { echo "needs python3" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$root/data" "$rl" "$tmp" <<'PY'
import csv, json, os, re, shutil, statistics, subprocess, sys
src, rl, out = sys.argv[1:4]
TPUT = ('tokens_per_s', 'output_tokens_per_s', 'output_tokens_per_s_per_gpu')
MAXLOAD = set()  # ids of the rows at maximum load (no request rate)

def swap(chip, prec):
    p = os.path.join(out, chip + (prec or '') + '.csv')
    with open(os.path.join(src, 'measurements/published-h100.csv'), newline='') as f, \
         open(p, 'w', newline='') as g:
        r, w = csv.reader(f), csv.writer(g, lineterminator='\n')
        h = next(r); w.writerow(h)
        ci, pi = h.index('chip'), h.index('precision')
        ri, ii = h.index('request_rate'), h.index('id')
        for row in r:
            if row[ri] == '':
                MAXLOAD.add(row[ii])
            row[ci] = chip
            if prec and row[pi] == 'fp8':
                row[pi] = prec
            w.writerow(row)
    return p

def run(data, path):
    # throughput rows at maximum load only (the online rows' latencies at
    # a rate are another kind of number)
    env = dict(os.environ, ROOFLAB_DATA=data)
    p = subprocess.run([rl, 'validate', '--measurements', path, '--json'],
                       env=env, capture_output=True, text=True, check=True)
    return {r['id']: r['predicted'] for r in json.loads(p.stdout)['rows']
            if r['status'] == 'ok' and r['metric'] in TPUT and r['id'] in MAXLOAD}

def scaled(keys, factor, cap=None):
    def f(key, v):
        if key not in keys:
            return None
        x = float(v) * factor
        return min(x, cap) if cap else x
    return f

CASES = [
    ('GEMM share x0.8', scaled(('eff_compute', 'eff_compute_fp8'), 0.8)),
    ('GEMM share x1.15', scaled(('eff_compute', 'eff_compute_fp8'), 1.15, 1.0)),
    ('memory share 0.80', scaled(('eff_memory', 'eff_kv_memory'), 0.80 / 0.90)),
    ('memory share 0.93', scaled(('eff_memory', 'eff_kv_memory'), 0.93 / 0.90, 1.0)),
    ('host times x0.7', scaled(('iter_overhead_ms', 'seq_overhead_us', 'request_overhead_us'), 0.7)),
    ('host times x1.5', scaled(('iter_overhead_ms', 'seq_overhead_us', 'request_overhead_us'), 1.5)),
    ('launch x0.5', scaled(('layer_overhead_us',), 0.5)),
    ('launch x2', scaled(('layer_overhead_us',), 2.0)),
]

def edit(data, fn):
    pd = os.path.join(data, 'profiles')
    for name in os.listdir(pd):
        if not name.startswith('trtllm-'):
            continue
        p = os.path.join(pd, name)
        lines = []
        for line in open(p).read().split('\n'):
            m = re.match(r'^(\w+)\s*=\s*([-+0-9.eE]+)(.*)$', line)
            v = fn(m.group(1), m.group(2)) if m else None
            lines.append(line if v is None else '%s = %.10g%s' % (m.group(1), v, m.group(3)))
        open(p, 'w').write('\n'.join(lines))

chips = [('h200-sxm', None), ('gh200', None), ('b200', None), ('b200', 'fp4'),
         ('a100-sxm', None), ('l40s', None)]
files = {c: swap(*c) for c in chips}
base = {c: run(src, files[c]) for c in chips}
print('%-18s' % 'assumption' + ''.join('%16s' % (c[0] + ('/' + c[1] if c[1] else '')) for c in chips))
print('%-18s' % 'rows' + ''.join('%16d' % len(base[c]) for c in chips))
for name, fn in CASES:
    d = os.path.join(out, 'data')
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(src, d)
    edit(d, fn)
    cells = []
    for c in chips:
        r = run(d, files[c])
        x = [r[i] / base[c][i] - 1 for i in base[c] if i in r]
        cells.append('%+6.1f%% (%2.0f%%)' % (100 * statistics.median(x),
                     100 * sorted(abs(t) for t in x)[int(0.9 * (len(x) - 1))]) if x else '-')
    print('%-18s' % name + ''.join('%16s' % s for s in cells), flush=True)
PY
