"""rleval.py: one `rooflab eval` run's output tokens/s for the analysis
scripts (memory-gap.py, matched-pairs.py), with their exit-status rules:
eval's refusal (exit 2) is the caller's exit 2, any other failure exit 1;
their option parsing and the published rows they read (decode-gap.py
uses no eval run of this file).
"""
import csv
import os
import re
import subprocess
import sys


def output_tps(rl, args, what, fail, no_fit=None):
    """output_tokens_per_s of `rl eval ARGS`; `what` names the row in
    messages, fail(code, msg) ends the run; no_fit, if given, is returned
    where eval says the model does not fit."""
    p = subprocess.run([rl, "eval"] + args, capture_output=True, text=True)
    if no_fit is not None and p.returncode == 2 and "does not fit" in p.stderr:
        return no_fit
    if p.returncode == 2:
        fail(2, "rooflab eval refused %s: %s" % (what, p.stderr.strip()))
    if p.returncode != 0:
        fail(1, "rooflab eval failed on %s: %s" % (what, p.stderr.strip()))
    m = re.search(r"^  output_tokens_per_s\s+([0-9.eE+-]+)", p.stdout, re.M)
    if not m:
        fail(1, "no output_tokens_per_s in rooflab eval's output for " + what)
    return float(m.group(1))


def row_args(ap):
    """The options that pick the published rows and the profile, shared by
    memory-gap.py and decode-gap.py: --profile and --version (required),
    --model, --precision, --tp, --shape (ISL/OSL)."""
    ap.add_argument("--profile", required=True)
    ap.add_argument("--version", required=True)
    for opt in ("--model", "--precision", "--tp", "--shape"):
        ap.add_argument(opt)


def max_load_rows(path, a, fail):
    """(row, num_requests) of each maximum-load H100 row of the published
    table at path (num_requests= in its batch_or_concurrency, no request
    rate, pp 1, a whole tp) of version a.version, within row_args' filters
    a.precision, a.tp and a.shape (a.model is the caller's: decode-gap.py
    pairs another model with it); a --shape not ISL/OSL is exit 2."""
    if a.shape and not re.fullmatch(r"[0-9]+/[0-9]+", a.shape):
        fail(2, "--shape %r is not ISL/OSL" % a.shape)
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        n = re.search(r"num_requests=([0-9]+)", r["batch_or_concurrency"])
        if (r["version"] != a.version or r["chip"] != "h100-sxm" or
                r["request_rate"] or not n or r["pp"] != "1" or
                not r["tp"].isdigit()):
            continue
        if ((a.precision and r["precision"] != a.precision) or
                (a.tp and r["tp"] != a.tp) or
                (a.shape and r["isl"] + "/" + r["osl"] != a.shape)):
            continue
        yield r, n.group(1)


def parse(ap, fail):
    """ap's arguments, argparse's own errors as exit 2 (--help exit 0), and
    each --set checked as SECTION.KEY=VALUE (ap must define --set)."""
    try:
        a = ap.parse_args()
    except SystemExit as e:
        sys.exit(0 if e.code == 0 else 2)
    for s in a.set:
        if not re.fullmatch(r"[a-z_]+\.[a-z_0-9]+=[^\s]+", s):
            fail(2, "--set %r is not SECTION.KEY=VALUE" % s)
    return a


def mapping_args(row, root):
    """eval's --tp (and --ep) for a published row, as `rooflab validate`
    sets it up (config/meassetup.c): a mixture of experts (the preset's
    `experts` > 1) whose notes say "MoE: enable_attention_dp" (1.0's
    tables), at tp > 1, runs attention data parallel over those GPUs with
    the experts split over them, tp 1 and ep = tp (DEPn); any other row
    at its own tp"""
    tp = row["tp"]
    if "MoE: enable_attention_dp" in row["notes"] and tp.isdigit() and \
            int(tp) > 1:
        path = os.path.join(root, "data", "models", row["model"] + ".ini")
        try:
            with open(path) as f:
                m = re.search(r"^experts\s*=\s*([0-9]+)", f.read(), re.M)
        except OSError:
            m = None
        if m and int(m.group(1)) > 1:
            return ["--tp", "1", "--ep", tp]
    return ["--tp", tp]
