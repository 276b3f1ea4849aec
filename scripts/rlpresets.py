"""rlpresets.py: what the audit scripts (transfer-audit.py,
heldback-rehearsal.py, transfer-ratios.py) read alike: their command
lines (options with a value and flags), the INI presets (a file's keys by
section, a chip preset's [chip] and [design] numbers through its `[preset]
chip = base` chain, its matrix peak at a precision), one `rooflab validate --json`
run's rows, and the weights one chip of a mapping holds as `rooflab eval`
counts them.  A reading aid for scripts, not the engine's parser
(config/ini.c is that): comments after ';' dropped, no continuation lines.
"""
import json
import os
import re
import subprocess


def ini(path):
    """{(section, key): value} of an INI file, comments dropped."""
    out, sec = {}, ''
    for line in open(path, encoding='utf-8'):
        line = line.split(';', 1)[0].strip()
        m = re.match(r'^\[(\w+)\]$', line)
        if m:
            sec = m.group(1)
        elif '=' in line:
            k, v = (s.strip() for s in line.split('=', 1))
            out[(sec, k)] = v
    return out


def numbers(data, name, die, section, keep_text=False, seen=()):
    """The [SECTION] keys of chip preset NAME under DATA/chips, its base's
    first (`[preset] chip = base`: the engine reads a base file whole,
    config/setup.c), as numbers; a value that is not a number kept as text
    with keep_text, else left out.  die(msg) ends the run on a missing
    preset or a loop of bases."""
    if name in seen:
        die('preset loop at %s' % name)
    p = os.path.join(data, 'chips', name + '.ini')
    if not os.path.exists(p):
        die('no chip preset %s' % p)
    d = ini(p)
    base = d.get(('preset', 'chip'))
    c = numbers(data, base, die, section, keep_text,
                seen + (name,)) if base else {}
    for (s, k), v in d.items():
        if s == section:
            try:
                c[k] = float(v)
            except ValueError:
                if keep_text:
                    c[k] = v
    return c


def chip(data, name, die, keep_text=False, seen=()):
    """The [chip] keys of preset NAME under DATA/chips (numbers)."""
    return numbers(data, name, die, 'chip', keep_text, seen)


def design(data, name, die, seen=()):
    """The [design] numbers of chip preset NAME under DATA/chips, text
    values left out (numbers)."""
    return numbers(data, name, die, 'design', False, seen)


def peak(c, prec):
    """The matrix peak (TFLOPS) of chip numbers C at a precision as the
    tables spell it: FP8, FP4/NVFP4, else the 16-bit one; 0 where the
    chip has none."""
    p = prec.lower()
    if p == 'fp8':
        return c.get('peak_tflops_fp8', 0)
    if p in ('fp4', 'nvfp4'):
        return c.get('peak_tflops_fp4', 0)
    return c.get('peak_tflops_bf16', 0)


def validate(rl, data, path, die):
    """{id: row} of `rl validate --measurements PATH --json` with
    ROOFLAB_DATA=DATA; die(msg) ends the run where it does not exit 0."""
    env = dict(os.environ, ROOFLAB_DATA=data)
    p = subprocess.run([rl, 'validate', '--measurements', path, '--json'],
                       env=env, capture_output=True, text=True)
    if p.returncode != 0:
        die('%s validate --measurements %s exited %d: %s'
            % (rl, path, p.returncode, p.stderr.strip()[:400]))
    return {r['id']: r for r in json.loads(p.stdout)['rows']}


def weights_bytes(rl, data, base, model, prec, maps, pp, profile):
    """Bytes of weights on one chip, from `rl eval` on chip BASE with room
    for any model (the chip does not change them), the first of MAPS
    (lists of mapping options, such as ['--tp', '1', '--ep', '8']) eval
    takes (a dense model refuses ep > 1); None where it takes none."""
    env = dict(os.environ, ROOFLAB_DATA=data)
    for mp in maps:
        p = subprocess.run([rl, 'eval', '--chip', base, '--set', 'chip.hbm_gb=100000',
                            '--model', model, '--precision', prec] + mp +
                           (['--profile', profile] if profile else []) +
                           ['--pp', pp, '--isl', '128', '--osl', '128', '--json'],
                           env=env, capture_output=True, text=True)
        try:
            return float(json.loads(p.stdout)['memory']['weights_bytes_per_chip'])
        except (ValueError, KeyError, TypeError):
            continue
    return None


def options(argv, valued, flags, die):
    """The command line's (option, value) pairs in order, as a generator so
    that an error after --help is not reached: an option of `valued` takes
    the next argument (die where there is none), one of `flags` or
    -h/--help (given as '--help') none, value None; anything else dies."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in valued:
            if i + 1 >= len(argv):
                die('%s needs a value' % a)
            yield a, argv[i + 1]
            i += 2
        elif a in flags or a in ('-h', '--help'):
            yield ('--help' if a == '-h' else a), None
            i += 1
        else:
            die('unknown argument %s' % a)
