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
per model, precision and tp.  A row whose notes give its build's
max_num_tokens and max_batch_size (0.11) is evaluated with them, as
`rooflab validate` does.

With --concurrency it bisects `rooflab eval --batch N` instead (the
profile's own reservation kept): the whole number of sequences in flight
at which the model meets the row, printed with its share of the
concurrency the profile allows and the KV tokens those sequences reserve,
N x (isl + osl).  A group whose rows ask for the same N at every length
is capped by a batch size; one whose rows ask for the same tokens is
short of KV cache (memory, or a cap on its tokens).

  usage: scripts/memory-gap.py --profile NAME --version V [--model M]
         [--precision P] [--tp N] [--shape ISL/OSL] [--concurrency]
         [--set SECTION.KEY=V ...]
  (e.g. --profile trtllm-0.15 --version 0.13.0 --set profile.kv_fraction=0.99:
   0.13's rows against 0.15's fit at 0.13's KV fraction;
   data/calibration/NOTES.md, "memory gone, not a batch cap")
Exit status: 0 ok, 2 bad arguments (a version with no such rows included),
1 when rooflab fails.
"""
import argparse
import math
import os
import re
import statistics
import subprocess
import sys

from rleval import mapping_args, max_load_rows, output_tps, parse, row_args

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RL = os.environ.get("ROOFLAB", os.path.join(ROOT, "rooflab"))
MEAS = os.path.join(ROOT, "data", "measurements", "published-h100.csv")
LO_GB, HI_GB, STEPS = 0.0, 30.0, 16  # 30 / 2^16: under 0.001 GB


def fail(code, msg):
    print("memory-gap.py: " + msg, file=sys.stderr)
    sys.exit(code)


def eval_args(row, requests, sets):
    args = ["--chip", "h100-sxm", "--model", row["model"],
            "--precision", row["precision"], "--isl", row["isl"],
            "--osl", row["osl"]] + mapping_args(row, ROOT) + [
            "--profile", sets[0], "--requests", requests]
    # the build settings a row's notes give (0.11: "max_num_tokens=8192,
    # max_batch_size=4096"), as validate applies them (config/measure.c
    # reads them, config/meassetup.c sets them);
    # a --set of the same key comes after them and wins
    for key in ("max_num_tokens", "max_batch_size"):
        m = re.search(r"(?<![A-Za-z0-9_])%s=([0-9]+)" % key, row["notes"])
        if m:
            args += ["--set", "profile.%s=%s" % (key, m.group(1))]
    for s in sets[1]:
        args += ["--set", s]
    return args


def predict(row, requests, gb, sets):
    args = eval_args(row, requests, sets) + [
        "--set", "profile.runtime_reserved_gb=%.6f" % gb]
    # the reservation leaves no room: nothing served
    return output_tps(RL, args, row["id"], fail, no_fit=0.0)


def concurrency(row, requests, sets):
    """The profile's own concurrency for the row (eval's `concurrency`)."""
    p = subprocess.run([RL, "eval"] + eval_args(row, requests, sets),
                       capture_output=True, text=True)
    m = re.search(r"^  concurrency\s+([0-9.eE+-]+)", p.stdout, re.M)
    if p.returncode != 0 or not m:
        fail(2 if p.returncode == 2 else 1,
             "rooflab eval gave no concurrency for %s: %s" %
             (row["id"], p.stderr.strip()))
    return float(m.group(1))


def batch_gap(row, requests, measured, sets):
    """(N, the profile's concurrency): the fewest whole sequences in flight
    at which the prediction reaches measured, or a string saying the
    profile is too slow even at its own concurrency."""
    full = concurrency(row, requests, sets)
    top = max(1, math.ceil(full))
    args = eval_args(row, requests, sets)
    tps = lambda n: output_tps(RL, args + ["--batch", str(n)], row["id"], fail)
    if tps(top) < measured:
        return "too slow at its own %.0f" % full, full
    if tps(1) >= measured:
        return 1, full
    lo, hi = 1, top  # tps(lo) < measured <= tps(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if tps(mid) >= measured:
            hi = mid
        else:
            lo = mid
    return hi, full


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
    row_args(ap)
    ap.add_argument("--concurrency", action="store_true")
    ap.add_argument("--set", action="append", default=[])
    a = parse(ap, fail)
    for s in a.set:
        if s.startswith("profile.runtime_reserved_gb=") and not a.concurrency:
            fail(2, "--set profile.runtime_reserved_gb is what this bisects")
    sets = (a.profile, a.set)
    rows = [(r, n) for r, n in max_load_rows(MEAS, a, fail)
            if not a.model or r["model"] == a.model]
    if not rows:
        fail(2, "no maximum-load H100 rows of version %s match" % a.version)
    if a.concurrency:
        concurrency_table(rows, sets)
        return
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


def concurrency_table(rows, sets):
    """--concurrency: each row's matching sequences in flight, and the
    medians per model, precision and tp."""
    print("%-22s %-14s %-5s %3s %-10s %10s %8s  %s" % (
        "id", "model", "prec", "tp", "isl/osl", "measured", "allowed",
        "sequences that match (share, KV tokens)"))
    groups = {}
    for r, n in rows:
        g, full = batch_gap(r, n, float(r["value"]), sets)
        if isinstance(g, int):
            tokens = g * (int(r["isl"]) + int(r["osl"]))
            shown = "%d (%.2f, %.0f k)" % (g, g / full, tokens / 1e3)
            groups.setdefault((r["model"], r["precision"], r["tp"]),
                              []).append((g, g / full, tokens))
        else:
            shown = g
        print("%-22s %-14s %-5s %3s %-10s %10.1f %8.0f  %s" % (
            r["id"], r["model"], r["precision"], r["tp"],
            r["isl"] + "/" + r["osl"], float(r["value"]), full, shown))
    print("median per model, precision and tp (rows matched): sequences, "
          "share, KV tokens")
    for k in sorted(groups):
        v = groups[k]
        med = [statistics.median(x[i] for x in v) for i in range(3)]
        tok = [x[2] for x in v]
        print("  %-14s %-5s tp %-3s %6.0f %5.2f %7.0f k (%.0f-%.0f k, "
              "%d rows)" % (k[0], k[1], k[2], med[0], med[1], med[2] / 1e3,
                            min(tok) / 1e3, max(tok) / 1e3, len(v)))


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
