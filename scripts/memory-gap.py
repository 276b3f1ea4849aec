#!/usr/bin/env python3
"""memory-gap.py: how much memory per GPU a profile would have to lose (or
find) to match each measured maximum-load row of one version, row by row.

For every H100 row of data/measurements/published-h100.csv of the given
version at maximum load (num_requests in its notes), optionally limited to
one model, precision, tp or isl/osl, it bisects profile.runtime_reserved_gb
(0-30 GB) until `rooflab eval --requests N` gives the measured output
tokens/s: a KV-bound row's throughput falls as the reservation grows, so
the answer is the memory that would have to be gone per GPU beside what the
profile already counts (weights, activation workspace, logits buffers).
Rows of one group that ask for the same reservation at every isl/osl are
short of memory by a fixed amount; a group whose answer moves with the
request length is short of something else (a batch cap, time).  A row the
profile predicts too slow even at 0 GB is reported as such, one that stays
too fast at 30 GB likewise.  The throughput moves in steps (whole requests
of KV), so the answer is the edge of the step where the model last meets
the row, rounded down to 0.01 GB.  Prints one line per row and the median
per model, precision and tp.

  usage: scripts/memory-gap.py --profile NAME --version V [--model M]
         [--precision P] [--tp N] [--shape ISL/OSL] [--set SECTION.KEY=V ...]
  (e.g. --profile trtllm-0.15 --version 0.13.0 --set profile.kv_fraction=0.99:
   0.13's rows against 0.15's fit at 0.13's KV fraction; README, Calibration
   and validation)
Exit status: 0 ok, 2 bad arguments (a version with no such rows included),
1 when rooflab fails.
"""
import argparse
import csv
import math
import os
import re
import statistics
import sys

from rleval import output_tps, parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RL = os.environ.get("ROOFLAB", os.path.join(ROOT, "rooflab"))
MEAS = os.path.join(ROOT, "data", "measurements", "published-h100.csv")
LO_GB, HI_GB, STEPS = 0.0, 30.0, 16  # 30 / 2^16: under 0.001 GB


def fail(code, msg):
    print("memory-gap.py: " + msg, file=sys.stderr)
    sys.exit(code)


def predict(row, requests, gb, sets):
    args = ["--chip", "h100-sxm", "--model", row["model"],
            "--precision", row["precision"], "--isl", row["isl"],
            "--osl", row["osl"], "--tp", row["tp"], "--profile", sets[0],
            "--requests", requests,
            "--set", "profile.runtime_reserved_gb=%.6f" % gb]
    for s in sets[1]:
        args += ["--set", s]
    # the reservation leaves no room: nothing served
    return output_tps(RL, args, row["id"], fail, no_fit=0.0)


def gap(row, requests, measured, sets):
    """The reservation (GB) at which the prediction crosses measured, or a
    string saying it does not within LO_GB-HI_GB."""
    if predict(row, requests, LO_GB, sets) < measured:
        return "too slow at %g GB" % LO_GB
    if predict(row, requests, HI_GB, sets) > measured:
        return "too fast at %g GB" % HI_GB
    lo, hi = LO_GB, HI_GB
    for _ in range(STEPS):
        mid = (lo + hi) / 2
        if predict(row, requests, mid, sets) >= measured:
            lo = mid
        else:
            hi = mid
    return lo


def main():
    ap = argparse.ArgumentParser(add_help=True)
    ap.add_argument("--profile", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--model")
    ap.add_argument("--precision")
    ap.add_argument("--tp")
    ap.add_argument("--shape")
    ap.add_argument("--set", action="append", default=[])
    a = parse(ap, fail)
    for s in a.set:
        if s.startswith("profile.runtime_reserved_gb="):
            fail(2, "--set profile.runtime_reserved_gb is what this bisects")
    if a.shape and not re.fullmatch(r"[0-9]+/[0-9]+", a.shape):
        fail(2, "--shape %r is not ISL/OSL" % a.shape)
    sets = (a.profile, a.set)
    rows = []
    with open(MEAS, newline="") as f:
        for r in csv.DictReader(f):
            n = re.search(r"num_requests=([0-9]+)", r["batch_or_concurrency"])
            if (r["version"] != a.version or r["chip"] != "h100-sxm" or
                    r["request_rate"] or not n or r["pp"] != "1" or
                    not r["tp"].isdigit()):
                continue
            if ((a.model and r["model"] != a.model) or
                    (a.precision and r["precision"] != a.precision) or
                    (a.tp and r["tp"] != a.tp) or
                    (a.shape and r["isl"] + "/" + r["osl"] != a.shape)):
                continue
            rows.append((r, n.group(1)))
    if not rows:
        fail(2, "no maximum-load H100 rows of version %s match" % a.version)
    print("%-22s %-14s %-5s %3s %-10s %10s %10s  %s" % (
        "id", "model", "prec", "tp", "isl/osl", "measured", "predicted",
        "runtime_reserved_gb that matches"))
    groups = {}
    for r, n in rows:
        measured = float(r["value"])
        g = gap(r, n, measured, sets)
        base = predict(r, n, profile_reserve(a.profile, sets), sets)
        # rounded down: at the printed value the model still meets the row
        if isinstance(g, float):
            g = math.floor(g * 100) / 100
        shown = ("%.2f" % g) if isinstance(g, float) else g
        print("%-22s %-14s %-5s %3s %-10s %10.1f %10.1f  %s" % (
            r["id"], r["model"], r["precision"], r["tp"],
            r["isl"] + "/" + r["osl"], measured, base, shown))
        if isinstance(g, float):
            groups.setdefault((r["model"], r["precision"], r["tp"]), []).append(g)
    print("median per model, precision and tp (rows matched):")
    for k in sorted(groups):
        v = groups[k]
        print("  %-14s %-5s tp %-3s %6.2f GB (%.2f-%.2f, %d rows)" % (
            k[0], k[1], k[2], statistics.median(v), min(v), max(v), len(v)))


def profile_reserve(profile, sets):
    """The reservation the profile itself holds, for the predicted column."""
    path = profile if os.path.sep in profile or profile.endswith(".ini") else \
        os.path.join(os.environ.get("ROOFLAB_DATA", os.path.join(ROOT, "data")),
                     "profiles", profile + ".ini")
    try:
        with open(path) as f:
            for line in f:
                m = re.match(r"runtime_reserved_gb\s*=\s*([0-9.eE+-]+)", line)
                if m:
                    return float(m.group(1))
    except OSError:
        fail(2, "no profile file %s" % path)
    fail(2, "no runtime_reserved_gb in %s" % path)


if __name__ == "__main__":
    main()
