#!/usr/bin/env python3
"""decode-gap.py: which term of a decode iteration a profile lacks (or has
too much of) on one version's maximum-load rows, row by row.

For every H100 row of data/measurements/published-h100.csv of the given
version at maximum load (num_requests in its notes), optionally limited to
one model, precision, tp or isl/osl (--long: osl >= 2 isl, the rows whose
time is nearly all decode iterations), it runs `rooflab eval --requests N
--json` with the profile and prints the model's error, the sequences
decoding in one iteration (C), what caps them, the decode iteration and its
parts (ms: GEMMs, attention, elementwise, all-reduces, fixed overheads),
and the time dT = iteration x (predicted / measured - 1) that a decode
iteration would have to gain at the same C for the model to meet the row
(negative: lose), as a whole (ms), per sequence decoding (us), per
sequence and layer (ns) and per all-reduce (us, two a layer; tp > 1;
none in a DEPn row of 1.0, set up as validate does: tp 1, ep n).
A long decode's time is nearly all decode iterations, so dT is what the
measured rate implies there; on prompt-heavy rows it is only indicative.

With --pair MODEL (a model of the same layers under another name, e.g.
llama2-70b beside llama3-70b) it also prints, for each row whose shape,
precision and tp MODEL also measured in that version, the time per
sequence the row's model needs beyond MODEL's:
((1 + e) / (1 + e_pair) - 1) x iteration / C, and its median per
precision and tp: a term both models share (layers, KV, all-reduces)
cannot move it.  The build settings a row's notes give (0.11) are applied
as `rooflab validate` does (scripts/memory-gap.py's eval_args).

  usage: scripts/decode-gap.py --profile NAME --version V [--model M]
         [--precision P] [--tp N] [--shape ISL/OSL] [--long] [--pair M]
         [--set SECTION.KEY=V ...]
  (e.g. --profile trtllm-0.13 --version 0.13.0 --model llama3-70b
   --pair llama2-70b --long: data/calibration/NOTES.md, "What Llama-3
   70B's TP8 long decodes lack")
Exit status: 0 ok, 2 bad arguments (a version with no such rows included),
1 when rooflab fails.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

from rleval import mapping_args, max_load_rows, parse, row_args

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RL = os.environ.get("ROOFLAB", os.path.join(ROOT, "rooflab"))
MEAS = os.path.join(ROOT, "data", "measurements", "published-h100.csv")


def fail(code, msg):
    print("decode-gap.py: " + msg, file=sys.stderr)
    sys.exit(code)


def layers(model):
    """the preset's `layers`"""
    path = os.path.join(ROOT, "data", "models", model + ".ini")
    try:
        with open(path) as f:
            m = re.search(r"^layers\s*=\s*([0-9]+)", f.read(), re.M)
    except OSError:
        m = None
    if not m:
        fail(2, "no layers in " + path)
    return int(m.group(1))


def evaluate(row, requests, a):
    """eval's JSON for the row, with the row's build settings"""
    args = ["--chip", "h100-sxm", "--model", row["model"],
            "--precision", row["precision"], "--isl", row["isl"],
            "--osl", row["osl"]] + mapping_args(row, ROOT) + [
            "--profile", a.profile, "--requests", requests, "--json"]
    for key in ("max_num_tokens", "max_batch_size"):
        m = re.search(r"(?<![A-Za-z0-9_])%s=([0-9]+)" % key, row["notes"])
        if m:
            args += ["--set", "profile.%s=%s" % (key, m.group(1))]
    for s in a.set:
        args += ["--set", s]
    p = subprocess.run([RL, "eval"] + args, capture_output=True, text=True)
    if p.returncode != 0:
        fail(2 if p.returncode == 2 else 1, "rooflab eval on %s: %s" %
             (row["id"], p.stderr.strip()))
    return json.loads(p.stdout)


def gap(row, requests, a):
    """(error, C, iteration_s, limit, the parts in ms, dT_s) of one row"""
    d = evaluate(row, requests, a)
    dec = d["decode"]
    err = d["throughput"]["output_tokens_per_s"] / float(row["value"]) - 1
    parts = [dec[k] * 1e3 for k in ("gemm_s", "attention_s", "elementwise_s",
                                     "communication_s", "overhead_s")]
    return (err, d["batch"]["decode_sequences"], dec["iteration_s"],
            d["batch"]["limit"], parts, dec["iteration_s"] * err)


def main():
    ap = argparse.ArgumentParser(add_help=True)
    row_args(ap)
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--pair")
    ap.add_argument("--set", action="append", default=[])
    a = parse(ap, fail)
    rows, pair = [], {}
    for r, n in max_load_rows(MEAS, a, fail):
        if a.long and int(r["osl"]) < 2 * int(r["isl"]):
            continue
        key = (r["precision"], r["tp"], r["isl"], r["osl"])
        if a.pair and r["model"] == a.pair:
            pair[key] = (r, n)
        elif not a.model or r["model"] == a.model:
            rows.append((r, n))
    if not rows:
        fail(2, "no maximum-load H100 rows of version %s match" % a.version)
    print("%-14s %-5s %3s %-10s %8s %6s %5s %-10s %6s %5s %5s %5s %5s %5s"
          " | %6s %6s %6s %6s%s" % (
              "model", "prec", "tp", "isl/osl", "measured", "err%", "C",
              "limit", "iter", "gemm", "attn", "elt", "comm", "ovh", "dT ms",
              "us/seq", "ns/s.l", "us/AR", "  pair: us/seq" if a.pair else ""))
    extra = {}
    for r, n in rows:
        err, c, it, limit, parts, dt = gap(r, n, a)
        lay = layers(r["model"])
        ar = ("%6.1f" % (dt / (2 * lay) * 1e6)) if mapping_args(r, ROOT)[1] != "1" else "     -"
        tail = ""
        key = (r["precision"], r["tp"], r["isl"], r["osl"])
        if a.pair and key in pair:
            e2 = gap(pair[key][0], pair[key][1], a)[0]
            x = ((1 + err) / (1 + e2) - 1) * it / c * 1e6
            extra.setdefault(key[:2], []).append(x)
            tail = "  %+5.1f%% %+6.1f" % (100 * e2, x)
        print("%-14s %-5s %3s %-10s %8.0f %+6.1f %5.0f %-10s %6.1f %s | %6.1f"
              " %6.1f %6.0f %s%s" % (
                  r["model"], r["precision"], r["tp"], r["isl"] + "/" + r["osl"],
                  float(r["value"]), 100 * err, c, limit[:10], it * 1e3,
                  " ".join("%5.1f" % p for p in parts), dt * 1e3, dt / c * 1e6,
                  dt / c / lay * 1e9, ar, tail))
    if a.pair:
        print("median us per sequence beyond %s, per precision and tp:" % a.pair)
        for k in sorted(extra):
            print("  %-5s tp %-3s %+6.1f (%d rows)" % (
                k[0], k[1], statistics.median(extra[k]), len(extra[k])))


if __name__ == "__main__":
    main()
