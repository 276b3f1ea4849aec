#!/usr/bin/env python3
"""matched-pairs.py: rows of one version that load each GPU alike, measured
against each other and, with --profile, against the model.

An FP8 row at tp t and the 16-bit row at tp 2t of the same model and
isl/osl put the same work on each GPU: the same weight bytes (1 byte a
weight over t GPUs, 2 over 2t), the same KV bytes per token (while 2t does
not exceed the model's KV heads), the same all-reduce message per token
(16-bit activations in both), and GEMMs of the same time where FP8's peak
is twice BF16's at the same share of it; what differs is the ring of 2t
GPUs against t, the attention's FLOPs (heads / t against heads / 2t, at the
16-bit peak in both) and the kernels themselves.  A model of per-GPU
resources therefore gives the two rows about the same throughput, and the
measured ratio FP8 (tp t) / 16-bit (tp 2t) of output tokens/s tests whether
the engine ran them alike.  Where it is far from the model's ratio, no
per-GPU term (bandwidth, efficiency, memory) moves the pair apart: the rows
hold a difference the model has no mechanism for (data/calibration/NOTES.md,
"Matched pairs").

For every maximum-load H100 row (num_requests in its notes, pp 1) of the
version at 16 bits (fp16 or bf16) and even tp, the FP8 row at half the tp
with the same model, isl and osl is its pair.  Prints one line per pair
and the median per model and tp pair; with --profile NAME also the model's
ratio (rooflab eval --requests N of both rows) and measured / model.

  usage: scripts/matched-pairs.py --version V [--profile NAME] [--model M]
         [--measurements FILE] [--set SECTION.KEY=V ...]
  (e.g. --version 0.13.0 --profile trtllm-0.13, then 0.15.0 with trtllm-0.15)
Exit status: 0 ok, 2 bad arguments or no pair in the rows, 1 when rooflab
fails.
"""
import argparse
import csv
import os
import re
import statistics
import sys

from rleval import output_tps, parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RL = os.environ.get("ROOFLAB", os.path.join(ROOT, "rooflab"))
MEAS = os.path.join(ROOT, "data", "measurements", "published-h100.csv")
WIDE = ("fp16", "bf16")


def fail(code, msg):
    print("matched-pairs.py: " + msg, file=sys.stderr)
    sys.exit(code)


def predict(row, requests, profile, sets):
    args = ["--chip", row["chip"], "--model", row["model"],
            "--precision", row["precision"], "--isl", row["isl"],
            "--osl", row["osl"], "--tp", row["tp"], "--profile", profile,
            "--requests", requests]
    for s in sets:
        args += ["--set", s]
    return output_tps(RL, args, row["id"], fail)


def load(path, version, model):
    """The version's maximum-load H100 rows: {(model, prec, tp, isl, osl):
    (row, num_requests)}."""
    rows = {}
    try:
        f = open(path, newline="")
    except OSError as e:
        fail(2, "cannot read %s: %s" % (path, e.strerror))
    with f:
        for r in csv.DictReader(f):
            n = re.search(r"num_requests=([0-9]+)",
                          r.get("batch_or_concurrency") or "")
            if (r.get("version") != version or r.get("chip") != "h100-sxm" or
                    r.get("request_rate") or not n or r.get("pp") != "1" or
                    not (r.get("tp") or "").isdigit() or
                    r.get("metric") != "tokens_per_s" or
                    (model and r.get("model") != model)):
                continue
            try:
                float(r["value"])
            except (TypeError, ValueError):
                fail(2, "%s: row %s has no numeric value" % (path, r.get("id")))
            rows[(r["model"], r["precision"], int(r["tp"]), r["isl"],
                  r["osl"])] = (r, n.group(1))
    return rows


def main():
    ap = argparse.ArgumentParser(add_help=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--profile")
    ap.add_argument("--model")
    ap.add_argument("--measurements", default=MEAS)
    ap.add_argument("--set", action="append", default=[])
    a = parse(ap, fail)
    if a.set and not a.profile:
        fail(2, "--set needs --profile (it changes the model's side)")
    rows = load(a.measurements, a.version, a.model)
    pairs = []
    for (model, prec, tp, isl, osl), wide in sorted(rows.items()):
        if prec not in WIDE or tp % 2:
            continue
        narrow = rows.get((model, "fp8", tp // 2, isl, osl))
        if narrow:
            pairs.append((model, tp, isl, osl, wide, narrow))
    if not pairs:
        fail(2, "no FP8 tp t / 16-bit tp 2t pair among version %s's "
             "maximum-load H100 rows" % a.version)
    print("%-14s %-8s %-11s %10s %10s %9s%s" % (
        "model", "tp", "isl/osl", "16-bit", "fp8", "measured",
        "  model  measured/model" if a.profile else ""))
    groups = {}
    for model, tp, isl, osl, (w, wn), (n, nn) in pairs:
        mw, mn = float(w["value"]), float(n["value"])
        ratio = mn / mw
        line = "%-14s %-8s %-11s %10.1f %10.1f %9.3f" % (
            model, "%d/%d" % (tp // 2, tp), isl + "/" + osl, mw, mn, ratio)
        model_ratio = None
        if a.profile:
            model_ratio = (predict(n, nn, a.profile, a.set) /
                           predict(w, wn, a.profile, a.set))
            line += " %6.3f %15.3f" % (model_ratio, ratio / model_ratio)
        print(line)
        groups.setdefault((model, tp), []).append((ratio, model_ratio))
    print("median per model and tp pair (FP8 at tp t over 16-bit at tp 2t):")
    for (model, tp), v in sorted(groups.items()):
        meas = statistics.median(x for x, _ in v)
        line = "  %-14s tp %d/%d  measured %.3f" % (model, tp // 2, tp, meas)
        if a.profile:
            line += "  model %.3f  measured/model %.3f" % (
                statistics.median(y for _, y in v),
                statistics.median(x / y for x, y in v))
        print(line + "  (%d pairs)" % len(v))


if __name__ == "__main__":
    main()
