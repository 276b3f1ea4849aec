#!/usr/bin/env python3
"""collids.py: a measurements file whose ids' FNV-1a hashes all agree in
their low 20 bits, which put them at one slot of config/strpool.c's table
until 91ef2b37 mixed the hash (splitmix64's finalizer): now a check that
such ids stay as fast as bigmeas.py's (make bench, scripts/bench-validate.sh;
fuzz14).

usage: collids.py SOURCE.csv ROWS > OUT.csv

The ids are words of 17 blocks of 6 letters, each block one of a pair
whose FNV-1a hashes, from the state the blocks before it leave, agree in
their low 20 bits; the low bits of FNV-1a's state after a string depend
only on the low bits before it, so each of the 2^17 words (ROWS at most
131072) has the same low 20 bits, the same first slot in any table of up
to 2^20 slots indexed by them unmixed.  Rows are taken in turn from SOURCE as bigmeas.py takes
them, the id replaced.  The values stay the source's: the file is for
speed alone.  (A pool that probes from the hash's high bits, or mixes the
hash first, is not led to one slot this way.)
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bigmeas  # noqa: E402  (write_rows: the rows taken in turn)

MASK = (1 << 64) - 1
LOW = (1 << 20) - 1
BLOCKS = 17


def fnv(b, h=1469598103934665603):
    for c in b:
        h = ((h ^ c) * 1099511628211) & MASK
    return h


def pairs(rng):
    """For each block, two words of 6 letters alike in their low bits."""
    out, h = [], 1469598103934665603
    for _ in range(BLOCKS):
        seen = {}
        while True:
            w = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz")
                        for _ in range(6)).encode()
            k = fnv(w, h) & LOW
            if k in seen and seen[k] != w:
                out.append((seen[k], w))
                h = fnv(w, h)
                break
            seen[k] = w
    return out


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    try:
        n = int(sys.argv[2])
    except ValueError:
        n = 0
    if not 1 <= n <= 1 << BLOCKS:
        sys.stderr.write("collids.py: ROWS must be a whole number from 1 "
                         "to %d\n" % (1 << BLOCKS))
        return 2
    ps = pairs(random.Random(14))
    return bigmeas.write_rows(
        sys.argv[1], n,
        lambda _, i: b"".join(ps[b][(i >> b) & 1]
                              for b in range(BLOCKS)).decode(),
        "collids.py")


if __name__ == "__main__":
    sys.exit(main())
