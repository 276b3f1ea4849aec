"""rlpresets.py: the INI presets as the audit scripts read them
(transfer-audit.py, heldback-rehearsal.py): a file's keys by section, and
a chip preset's [chip] numbers through its `[preset] chip = base` chain.
A reading aid for scripts, not the engine's parser (config/ini.c is that):
comments after ';' dropped, no continuation lines.
"""
import os
import re


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


def chip(data, name, die, keep_text=False, seen=()):
    """The [chip] keys of preset NAME under DATA/chips, its base's first
    (`[preset] chip = base`), as numbers; a value that is not a number kept
    as text with keep_text, else left out.  die(msg) ends the run on a
    missing preset or a loop of bases."""
    if name in seen:
        die('preset loop at %s' % name)
    p = os.path.join(data, 'chips', name + '.ini')
    if not os.path.exists(p):
        die('no chip preset %s' % p)
    d = ini(p)
    base = d.get(('preset', 'chip'))
    c = chip(data, base, die, keep_text, seen + (name,)) if base else {}
    for (s, k), v in d.items():
        if s == 'chip':
            try:
                c[k] = float(v)
            except ValueError:
                if keep_text:
                    c[k] = v
    return c
