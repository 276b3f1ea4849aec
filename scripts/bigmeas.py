#!/usr/bin/env python3
"""bigmeas.py: a large measurements file for timing `rooflab validate
--measurements FILE` (make bench's large-file case, docs/bench.md).

usage: bigmeas.py SOURCE.csv ROWS > OUT.csv

Writes ROWS rows taken in turn from SOURCE (a file of published-h100.csv's
columns), each with its id suffixed "-bN" (N the output row, from 1) so that
every id is new; the other fields as SOURCE gives them.  The values stay the
source's: the file is for speed and memory, no error here means anything.
"""
import csv
import sys


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    try:
        rows_wanted = int(sys.argv[2])
    except ValueError:
        rows_wanted = 0
    if rows_wanted < 1:
        sys.stderr.write("bigmeas.py: ROWS must be a whole number >= 1\n")
        return 2
    return write_rows(sys.argv[1], rows_wanted,
                      lambda r, n: "%s-b%d" % (r, n + 1), "bigmeas.py")


def write_rows(path, rows_wanted, new_id, prog):
    """ROWS rows of the file at path to stdout, taken in turn, the id of
    output row n (from 0) new_id(its id, n); 0, or 2 with a message where
    the file has no rows or no id column (collids.py writes through it)."""
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None) or []
        rows = [r for r in reader if r]
    if not rows or "id" not in header:
        sys.stderr.write("%s: %s has no rows or no id column\n"
                         % (prog, path))
        return 2
    idc = header.index("id")
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(header)
    for n in range(rows_wanted):
        r = list(rows[n % len(rows)])
        r[idc] = new_id(r[idc], n)
        out.writerow(r)
    return 0

if __name__ == "__main__":
    sys.exit(main())
