#!/usr/bin/env python3
"""microbench-ranges.py: the physical ranges of the serving profiles'
kernel parameters, fitted from the H200 microbenchmarks of
data/measurements/h200-microbench-run1.csv, -run2.csv and -run3.csv (what each column
means: data/measurements/h200-microbench.md), and the engine's own kernel
time model (model/micro.h, model/engine.c) set against the same rows.

  usage: scripts/microbench-ranges.py [--help] [--check] [--section=NAME ...] [RUN.csv ...]
  (NAME: gemm, stream, curve, memory, attention, logits, floors, run3;
  default all; a section prints those it needs first; exit 2 with FILE:LINE
  on a run file that is missing, lacks a column or holds a bad number)

Prints, per section: the GEMM plateau efficiencies (BF16, FP8) as shares of
the datasheet peaks of data/chips/h200-sxm.ini; the engine's rows curve
eff x m / (m + gemm_m_half) fitted to the measured GEMMs per dtype; the
weight-streaming bandwidth and fixed time per GEMM (t = t0 + bytes / B over
m <= 64); the HBM streams; decode attention's share of HBM and its floor;
the logits passes in copy-pass equivalents; per-kernel floors and the
fixed time per layer they add up to.  With --check it also prints, per
fitted profile (data/profiles/*.ini), the error of the engine's kernel
times on h200-sxm against the measured ones (GEMMs, copies, decode
attention), with the engine's formulas restated here (a copy of micro.h's
two lines and engine.c's attention line: the engine exposes no kernel
times; `rooflab validate --measurements` checks the GEMM and copy ones
through model/micro.c; tests/cli_microbench.sh checks the copies).
Dependency-free: python3's standard library only.  Every number printed
is read from the CSVs or the chip and profile files, or derived from them.
"""
import csv
import math
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def ini_get(path, section, key):
    """The value of key in [section] of a rooflab INI file (comments cut)."""
    sec = None
    with open(path) as f:
        for line in f:
            s = line.split(";")[0].strip()
            if s.startswith("[") and s.endswith("]"):
                sec = s[1:-1]
            elif sec == section and "=" in s:
                k, v = s.split("=", 1)
                if k.strip() == key:
                    return v.strip()
    return None


CHIP = os.path.join(ROOT, "data/chips/h200-sxm.ini")
PEAK = {"bf16": float(ini_get(CHIP, "chip", "peak_tflops_bf16")) * 1e12,
        "fp8": float(ini_get(CHIP, "chip", "peak_tflops_fp8")) * 1e12}
HBM = float(ini_get(CHIP, "chip", "hbm_tbps")) * 1e12


class BadInput(Exception):
    """a run file that cannot be read: FILE:LINE: what (exit 2)"""


class Missing(Exception):
    """the run files hold no rows a section needs: the section is skipped
    with a line saying which, the others still print"""


def need(rows, *sections):
    """raise Missing unless every named section has rows"""
    have = {r["section"] for r in rows}
    for s in sections:
        if s not in have:
            raise Missing("no '%s' rows in the run files" % s)


def need_out(out, *keys):
    """raise Missing unless the sections this one builds on printed"""
    for k in keys:
        if k not in out:
            raise Missing("needs '%s', which an earlier section could not "
                          "derive" % k)


NUMERIC = ("m", "n", "k", "batch", "heads", "kv_heads", "ctx", "bytes",
           "flops", "time_us", "tbps", "tflops")


def load(paths):
    """rows of the runs, with run number; error rows dropped"""
    out = []
    for i, p in enumerate(paths):
        try:
            f = open(p, newline="")
        except OSError as e:
            raise BadInput("%s: cannot open (%s)" % (p, e.strerror))
        with f:
            rd = csv.DictReader(f)
            miss = [k for k in NUMERIC + ("section", "name", "dtype",
                                          "status")
                    if k not in (rd.fieldnames or [])]
            if miss:
                raise BadInput("%s:1: header lacks column '%s'" %
                               (p, miss[0]))
            for r in rd:
                if r["status"] != "ok":
                    continue
                r["run"] = i + 1
                for k in NUMERIC:
                    try:
                        v = float(r[k]) if r[k] else None
                    except ValueError:
                        v = None
                    if v is not None and not (math.isfinite(v) and v >= 0):
                        v = None
                    if v is None and r[k]:
                        raise BadInput("%s:%d: column '%s': '%s' is not a "
                                       "number >= 0" % (p, rd.line_num, k,
                                                        r[k][:40]))
                    r[k] = v
                if not (r["time_us"] and r["time_us"] > 0):
                    raise BadInput("%s:%d: column 'time_us' must be > 0" %
                                   (p, rd.line_num))
                out.append(r)
    return out


def mean_by(rows, key):
    """rows grouped by key(r), time_us averaged over runs; one row each"""
    g = {}
    for r in rows:
        g.setdefault(key(r), []).append(r)
    out = []
    for rs in g.values():
        r = dict(rs[0])
        r["time_us"] = sum(x["time_us"] for x in rs) / len(rs)
        r["runs"] = len(rs)
        out.append(r)
    return out


def pct(xs, q):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    i = q * (len(xs) - 1)
    lo = int(math.floor(i))
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo)


def linfit(xs, ys):
    """least squares y = a + b x: (a, b)"""
    n = len(xs)
    if len(set(xs)) < 2:
        raise Missing("a line needs rows of at least two sizes, %d given" %
                      len(set(xs)))
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    b = sxy / sxx
    if b <= 0:
        raise Missing("time does not grow with size: no bandwidth to fit")
    return my - b * mx, b


def gemm_model_t(r, eff, mh, eff_mem, t0=0.0):
    """the engine's GEMM time (micro.c): max(compute at eff x m/(m+mh) of
    the peak, the measured bytes at HBM x eff_mem), plus t0 (s)"""
    m = r["m"]
    e = eff * m / (m + mh) if mh > 0 else eff
    tc = r["flops"] / (PEAK[r["dtype"]] * e)
    tm = r["bytes"] / (HBM * eff_mem)
    return t0 + max(tc, tm)


def rms_log(rows, f):
    s = 0.0
    for r in rows:
        s += math.log(f(r) / (r["time_us"] * 1e-6)) ** 2
    return math.sqrt(s / len(rows))


def fit_curve(rows, eff_mem, t0):
    """(eff, gemm_m_half, rms log error) minimising the rms log error of
    the engine's GEMM time over rows: a grid, then a finer one"""
    best = (1e9, 0, 0)
    for eff in [0.40 + 0.01 * i for i in range(51)]:
        for mh in [0] + [2 ** (j / 8.0) for j in range(0, 81)]:
            e = rms_log(rows, lambda r: gemm_model_t(r, eff, mh, eff_mem, t0))
            if e < best[0]:
                best = (e, eff, mh)
    e0, eff0, mh0 = best
    for eff in [eff0 - 0.01 + 0.001 * i for i in range(21)]:
        for mh in [mh0 * 2 ** (j / 64.0) for j in range(-8, 9)]:
            e = rms_log(rows, lambda r: gemm_model_t(r, eff, mh, eff_mem, t0))
            if e < best[0]:
                best = (e, eff, mh)
    return best[1], best[2], best[0]


def gemms(rows):
    return mean_by([r for r in rows if r["section"] == "gemm"],
                   lambda r: (r["name"], r["dtype"], r["m"]))


def section_gemm(rows, out):
    need(rows, "gemm_peak", "gemm")
    print("== GEMM plateau (share of the datasheet peak: bf16 %.1f, fp8 %.1f "
          "TFLOP/s, data/chips/h200-sxm.ini)" % (PEAK["bf16"] / 1e12,
                                               PEAK["fp8"] / 1e12))
    for r in rows:
        if r["section"] == "gemm_peak":
            print("  8192^3 %s run %d: %.0f TFLOP/s = %.3f of peak" %
                  (r["dtype"], r["run"], r["tflops"],
                   r["tflops"] * 1e12 / PEAK[r["dtype"]]))
    g = gemms(rows)
    for dt in ("bf16", "fp8"):
        shapes = sorted({r["name"] for r in g if r["dtype"] == dt})
        best = []
        for s in shapes:
            rs = [r for r in g if r["name"] == s and r["dtype"] == dt]
            e = max(r["flops"] / (r["time_us"] * 1e-6) / PEAK[dt] for r in rs)
            best.append((e, s))
        best.sort()
        if not best:
            print("  %s: no serving-shape GEMM rows" % dt)
            continue
        es = [e for e, _ in best]
        large = [r["flops"] / (r["time_us"] * 1e-6) / PEAK[dt] for r in g
                 if r["dtype"] == dt and r["m"] >= 2048]
        print("  %s serving shapes, best m per shape: %.3f-%.3f of peak "
              "(median %.3f; lowest %s, highest %s)" %
              (dt, es[0], es[-1], pct(es, 0.5), best[0][1], best[-1][1]))
        print("  %s serving shapes at m >= 2048 (%d rows): 5-50-95%% %.3f "
              "%.3f %.3f" % (dt, len(large), pct(large, 0.05),
                              pct(large, 0.5), pct(large, 0.95)))
        out["eff_plateau_" + dt] = (es[0], pct(es, 0.5), es[-1])


def section_curve(rows, out, t0):
    need(rows, "gemm")
    g = gemms(rows)
    print("== the engine's GEMM rows curve eff x m / (m + gemm_m_half) "
          "(model/micro.h), time = max(compute, bytes / (HBM x 0.9)), fitted "
          "per dtype over all %d shapes x m (rms log error of the time)" %
          len({r["name"] for r in g}))
    for dt in ("bf16", "fp8"):
        rs = [r for r in g if r["dtype"] == dt]
        if not rs:
            print("  %s: no GEMM rows" % dt)
            continue
        for label, t in (("as the engine (no fixed time)", 0.0),
                         ("plus the fixed time per GEMM t0 = %.1f us" %
                          (t0 * 1e6), t0)):
            eff, mh, e = fit_curve(rs, 0.9, t)
            print("  %s, %s: eff %.3f, gemm_m_half %.0f rows, rms %.3f" %
                  (dt, label, eff, mh, e))
            out.setdefault("curve_" + dt, []).append((eff, mh, e))
        # where the fixed time is < 10% of the kernel (>= 50 us): the rms
        # of the engine's curve, eff refitted, at a few half-points
        big = [r for r in rs if r["time_us"] >= 50]
        if not big:
            print("  %s: no GEMM of >= 50 us to fit the curve on" % dt)
            continue
        line = []
        for mh in (0, 16, 32, 64, 128, 256):
            e, eff = min((rms_log(big, lambda r: gemm_model_t(
                r, x / 400.0, mh, 0.9)), x / 400.0) for x in range(200, 380))
            line.append("%d: %.3f (eff %.3f)" % (mh, e, eff))
            out.setdefault("mh_rms_" + dt, []).append((mh, e))
        print("  %s, GEMMs of >= 50 us (%d, fixed time < 10%%), rms by "
              "gemm_m_half: %s" % (dt, len(big), ", ".join(line)))
        eff, mh, e = fit_curve(big, 0.9, 0.0)
        print("  %s, GEMMs of >= 50 us, eff and gemm_m_half fitted: eff %.3f, "
              "gemm_m_half %.1f rows, rms %.3f" % (dt, eff, mh, e))
        # the half-point read off each shape: the m where the compute
        # efficiency reaches half the shape's plateau, by interpolation
        halves = []
        for s in sorted({r["name"] for r in rs}):
            c = sorted((r for r in rs if r["name"] == s), key=lambda r: r["m"])
            eff = [r["flops"] / (r["time_us"] * 1e-6) / PEAK[dt] for r in c]
            top = max(eff)
            for i in range(1, len(c)):
                if eff[i - 1] < top / 2 <= eff[i]:
                    a, b = math.log(c[i - 1]["m"]), math.log(c[i]["m"])
                    f = (top / 2 - eff[i - 1]) / (eff[i] - eff[i - 1])
                    halves.append(math.exp(a + f * (b - a)))
                    break
        if not halves:
            print("  %s: no shape crosses half its plateau between two "
                  "measured m" % dt)
            continue
        print("  %s: m at half the shape's plateau, per shape (%d): "
              "min %.0f, median %.0f, max %.0f (the weight stream sets it: "
              "a shape reaches half its plateau where streaming its weights "
              "stops hiding the compute)" %
              (dt, len(halves), min(halves), pct(halves, 0.5), max(halves)))
        out["half_" + dt] = (min(halves), pct(halves, 0.5), max(halves))


def section_stream(rows, out):
    need(rows, "gemm")
    g = [r for r in gemms(rows) if r["m"] <= 64]
    if not g:
        raise Missing("no GEMM rows of m <= 64")
    print("== weight streaming, GEMMs with m <= 64 (%d means of two runs): "
          "t = t0 + bytes / B" % len(g))
    res = {}
    for label, sel in (("bf16", lambda r: r["dtype"] == "bf16"),
                       ("fp8", lambda r: r["dtype"] == "fp8"),
                       ("both", lambda r: True)):
        rs = [r for r in g if sel(r)]
        if not rs:
            print("  %s: no rows" % label)
            continue
        a, b = linfit([r["bytes"] for r in rs], [r["time_us"] * 1e-6
                                                 for r in rs])
        res[label] = (a, 1 / b)
        print("  %s: t0 %.2f us, B %.2f TB/s = %.3f of HBM (%d rows)" %
              (label, a * 1e6, 1 / b / 1e12, 1 / b / HBM, len(rs)))
    big = [r["bytes"] / (r["time_us"] * 1e-6) / HBM for r in g
           if r["bytes"] >= 100e6]
    small = sorted((r["time_us"], r["name"], r["dtype"], r["m"], r["bytes"])
                   for r in g)
    if big:
        print("  weights >= 100 MB: %.3f-%.3f of HBM (%d rows)" %
              (min(big), max(big), len(big)))
        out["stream_big"] = (min(big), max(big))
    else:
        print("  weights >= 100 MB: no rows")
    print("  shortest: %.2f us (%s %s m %d, %.1f MB)" %
          (small[0][0], small[0][1], small[0][2], small[0][3],
           small[0][4] / 1e6))
    out["stream"] = res
    out["gemm_shortest"] = small[0][0]
    return res["both"][0]


def section_memory(rows, out):
    need(rows, "memory_large")
    print("== HBM streams (share of %.1f TB/s)" % (HBM / 1e12))
    for sec in ("memory", "memory_large"):
        for nm in sorted({r["name"] for r in rows if r["section"] == sec}):
            rs = [r for r in rows if r["section"] == sec and r["name"] == nm
                  and r["bytes"] >= 256e6]
            if not rs:
                continue
            e = [r["tbps"] * 1e12 / HBM for r in rs]
            print("  %s %s, >= 256 MB (%d rows): %.3f-%.3f" %
                  (sec, nm, len(rs), min(e), max(e)))
            out[sec + "_" + nm] = (min(e), max(e))


def attn_rows(rows, kind="sdpa_flash"):
    return mean_by([r for r in rows if r["section"] == "attention" and
                    r["name"].startswith(kind)],
                   lambda r: (r["name"], r["batch"], r["ctx"]))


def section_attention(rows, out):
    need(rows, "attention")
    print("== decode attention (share of HBM, unique KV bytes)")
    for kind in ("sdpa_flash", "grouped_bmm"):
        a = attn_rows(rows, kind)
        e = [r["bytes"] / (r["time_us"] * 1e-6) / HBM for r in a
             if r["bytes"]]
        sat = [x for r, x in zip(a, e) if r["bytes"] >= 1e9]
        if not sat:
            print("  %s: no shape with KV >= 1 GB" % kind)
            continue
        fl = min(r["time_us"] for r in a)
        print("  %s (%d shapes): max %.3f, KV >= 1 GB: %.3f-%.3f (median "
              "%.3f); floor %.1f us" % (kind, len(a), max(e), min(sat),
                                          max(sat), pct(sat, 0.5), fl))
        out["attn_" + kind] = (min(sat), pct(sat, 0.5), max(e), fl)
    a = attn_rows(rows)
    c0 = [r for r in a if r["ctx"] == 128 and r["batch"] == 1]
    if "attn_sdpa_flash" not in out:
        raise Missing("no sdpa_flash decode attention with KV >= 1 GB")
    print("  sdpa_flash at batch 1, ctx 128: %s us" %
          ", ".join("%.1f" % r["time_us"] for r in sorted(
              c0, key=lambda r: r["time_us"])))


def section_logits(rows, out):
    need(rows, "logits")
    print("== passes over fp32 logits (vocab 128256): time in copy passes "
          "(one pass = batch x vocab x 4 bytes at the copy's rate)")
    L = mean_by([r for r in rows if r["section"] == "logits"],
                lambda r: (r["name"], r["batch"]))
    by = {(r["name"], r["batch"]): r for r in L}
    names = ("copy", "softmax", "argmax", "topk50", "add_inplace")
    for b in sorted({r["batch"] for r in L}):
        if any((nm, b) not in by for nm in names):
            print("  batch %5d: skipped (needs the rows %s)" %
                  (b, ", ".join(names)))
            continue
        cp = by[("copy", b)]
        per_pass = cp["time_us"] / 2
        print("  batch %5d: copy %.1f us;" % (b, cp["time_us"]) +
              "".join(" %s %.1f us = %.1f passes;" %
                      (nm, by[(nm, b)]["time_us"],
                       by[(nm, b)]["time_us"] / per_pass)
                      for nm in ("softmax", "argmax", "topk50")))
        out.setdefault("logits", {})[b] = {
            nm: by[(nm, b)]["time_us"] / per_pass
            for nm in ("softmax", "argmax", "topk50", "add_inplace")}
    big = [out["logits"][b] for b in out.get("logits", {}) if b >= 256]
    if not big:
        raise Missing("no complete logits batch of >= 256")
    print("  batch >= 256: softmax %.1f-%.1f, argmax %.1f-%.1f, top-k(50) "
          "%.1f-%.1f copy passes" % (
              min(x["softmax"] for x in big), max(x["softmax"] for x in big),
              min(x["argmax"] for x in big), max(x["argmax"] for x in big),
              min(x["topk50"] for x in big), max(x["topk50"] for x in big)))
    tk = max(x["topk50"] for x in big)
    sm = max(x["softmax"] for x in big)
    # the sampler of the start file's logits_passes comment, pass by pass,
    # with softmax and top-k at their measured cost
    chain = [("LM head output write", 1), ("copy into the decoder", 2),
             ("bias / end-id mask", 2), ("penalties", 2),
             ("softmax (measured)", sm), ("top-k (measured)", tk)]
    tot = sum(p for _, p in chain)
    print("  sampler chain in passes: " +
          ", ".join("%s %.1f" % c for c in chain) + ": %.1f" % tot)
    out["logits_chain"] = tot


def section_floors(rows, out, t0):
    need(rows, "launch", "memory", "attention", "layer")
    need_out(out, "gemm_shortest", "memory_large_copy_eager")
    print("== per-kernel floors (CUDA graph replay, us)")
    tiny = [r["time_us"] for r in rows if r["name"] == "graph_tiny_kernel"]
    eager = [r["time_us"] for r in rows if r["name"] == "eager_tiny_kernel"]
    small = [r["time_us"] for r in rows if r["section"] == "memory" and
             r["bytes"] <= 2.2e6 and r["name"] in ("copy", "write_fill")]
    b1 = [r["time_us"] for r in attn_rows(rows) if r["batch"] == 1 and
          r["ctx"] == 128]
    g0 = out["gemm_shortest"]
    print("  empty kernel %.2f-%.2f (eager launch %.1f-%.1f); small copy or "
          "fill <= 2 MB %.2f-%.2f; GEMM %.1f (shortest measured) to %.1f (t0 "
          "fitted); decode attention at batch 1, ctx 128: %.1f-%.1f" %
          (min(tiny), max(tiny), min(eager), max(eager), min(small),
           max(small), g0, t0 * 1e6, min(b1), max(b1)))
    # a fused decoder layer (ASSUMPTION, kernels as in TensorRT-LLM's
    # Llama: 4 GEMMs, 1 attention, 3-6 others: rope/KV write, 2 norms with
    # residual, activation when unfused); all-reduces not counted
    lo = 4 * g0 + min(b1) + 3 * min(small)
    hi = 4 * t0 * 1e6 + max(b1) + 6 * max(small)
    print("  a fused layer (4 GEMMs + attention + 3-6 small kernels, no "
          "all-reduce): %.0f-%.0f us of floors a layer" % (lo, hi))
    out["layer_floor"] = (lo, hi)
    print("== unfused PyTorch layers in one CUDA graph: time - bytes / "
          "(the copy's B) = fixed time per layer")
    B = out["memory_large_copy_eager"][1] * HBM
    lay = mean_by([r for r in rows if r["section"] == "layer" and
                   r["name"].endswith("graph")],
                  lambda r: (r["name"], r["batch"]))
    for r in sorted(lay, key=lambda r: (r["name"], r["batch"])):
        print("  %s b=%d: %.0f us, bytes %.0f MB stream in %.0f us: fixed "
              "%.0f us" % (r["name"], r["batch"], r["time_us"],
                           r["bytes"] / 1e6, r["bytes"] / B * 1e6,
                           r["time_us"] - r["bytes"] / B * 1e6))


def section_run3(rows, out):
    """prompt attention and grouped expert GEMMs (run3)"""
    pa = [r for r in rows if r["section"] == "prefill_attention"]
    moe = [r for r in rows if r["section"] == "moe"]
    if not pa and not moe:
        raise Missing("no 'prefill_attention' or 'moe' rows in the run files")
    if pa:
        e = sorted((r["tflops"] * 1e12 / PEAK["bf16"], r["name"], r["ctx"])
                   for r in pa)
        long_ = [x for x, _, c in e if c >= 8192]
        print("== prompt attention (FlashAttention-2, causal, bf16): %.3f-%.3f "
              "of the BF16 peak; prompts >= 8192: %.3f-%.3f" %
              (e[0][0], e[-1][0], min(long_), max(long_)))
        out["prefill_attention"] = (min(long_), max(long_))
    if moe:
        by = {(r["name"].split(" ", 1)[1], r["m"]): r for r in moe
              if r["name"].startswith("grouped_mm")}
        ratios = []
        for r in moe:
            if not r["name"].startswith("dense_same_rows"):
                continue
            g = by.get((r["name"].split(" ", 1)[1], r["m"]))
            if g and r["m"] >= 2048:
                ratios.append(g["tflops"] / r["tflops"])
        print("== grouped expert GEMMs (Mixtral 8x7B, torch._grouped_mm) over "
              "a dense GEMM of the same rows, >= 2048 routed rows (compute "
              "bound, %d pairs): %.2f-%.2f (median %.2f)" %
              (len(ratios), min(ratios), max(ratios), pct(ratios, 0.5)))
        out["moe_ratio"] = (min(ratios), pct(ratios, 0.5), max(ratios))


def profiles():
    d = os.path.join(ROOT, "data/profiles")
    out = []
    for f in sorted(os.listdir(d)):
        if f.startswith(("trtllm-", "triton-")) and f.endswith(".ini"):
            p = os.path.join(d, f)
            g = lambda k: float(ini_get(p, "profile", k) or 0)
            out.append((f[:-4], {k: g(k) for k in (
                "eff_compute", "eff_compute_fp8", "gemm_m_half",
                "eff_memory", "eff_kv_memory", "kv_group_reread")}))
    return out


def engine_gemm_copy(rows, profile):
    """{(name, dtype, m): engine time / measured - 1} for the GEMMs and
    {bytes: ...} for the eager copies, as `rooflab validate --measurements
    --profile` costs them through model/micro.c on h200-sxm"""
    import json
    import subprocess
    import tempfile
    g = gemms(rows)
    cp = [r for r in rows if r["section"] == "memory_large" and
          r["name"] == "copy_eager"]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("id,system,chips,chip,model,precision,isl,osl,tp,software,"
                "metric,value,source\n")
        for i, r in enumerate(g):
            f.write("g%d,H200,1,h200-sxm,gemm %dx%dx%d,%s,,,1,PyTorch,"
                    "tflops,%.6g,h200-microbench\n" %
                    (i, r["m"], r["n"], r["k"], r["dtype"],
                     r["flops"] / (r["time_us"] * 1e-6) / 1e12))
        for i, r in enumerate(cp):
            f.write("c%d,H200,1,h200-sxm,device-to-device copy,,,,1,PyTorch,"
                    "tb_per_s_read_plus_write,%.6g,h200-microbench\n" %
                    (i, r["tbps"]))
        tmp = f.name
    try:
        rl = os.environ.get("ROOFLAB", os.path.join(ROOT, "rooflab"))
        js = json.loads(subprocess.run(
            [rl, "validate", "--measurements", tmp, "--profile", profile,
             "--json"], check=True, capture_output=True, text=True).stdout)
    finally:
        os.unlink(tmp)
    err = {x["id"]: x["measured"] / x["predicted"] - 1 for x in js["rows"]
           if x["status"] == "ok"}
    return ([(r, err["g%d" % i]) for i, r in enumerate(g)],
            [(r, err["c%d" % i]) for i, r in enumerate(cp)])


def check(rows):
    """the engine's kernel times against the measured ones on h200-sxm:
    GEMMs and copies through `rooflab validate` (model/micro.c), decode
    attention by engine.c's line restated (no hook: the engine costs
    attention inside an iteration only)"""
    need(rows, "gemm", "memory_large", "attention")
    a = attn_rows(rows)
    print("== held-out kernel check on h200-sxm: engine time / measured - 1, "
          "median (5%..95%): GEMMs m <= 64 | m 128-512 | m >= 1024 "
          "(model/micro.c via rooflab validate); eager copies >= 256 MB; "
          "decode attention sdpa_flash KV >= 64 MB (engine.c restated)")
    f = lambda e: "%+5.1f%% (%+.0f..%+.0f)" % (
        100 * pct(e, 0.5), 100 * pct(e, 0.05), 100 * pct(e, 0.95)) \
        if e else "no rows"
    for name, p in profiles():
        ge, ce = engine_gemm_copy(rows, name)
        es = [e for r, e in ge if r["m"] <= 64]
        em = [e for r, e in ge if 128 <= r["m"] <= 512]
        el = [e for r, e in ge if r["m"] >= 1024]
        ec = [e for r, e in ce]
        # engine.c: KV bytes x (1 + kv_group_reread x (group - 1)) / (HBM x
        # eff_kv_memory); the rows' bytes count each KV head once
        ea = []
        for r in a:
            if r["bytes"] < 64e6:
                continue
            grp = r["heads"] / r["kv_heads"]
            t = r["bytes"] * (1 + p["kv_group_reread"] * (grp - 1)) / (
                HBM * p["eff_kv_memory"])
            ea.append(t / (r["time_us"] * 1e-6) - 1)
        print("  %-15s %s | %s | %s | copy %s | attention %s" %
              (name, f(es), f(em), f(el), f(ec), f(ea)))


SECTIONS = ("gemm", "stream", "curve", "memory", "attention", "logits",
            "floors", "run3")


def main(argv):
    if "--help" in argv or "-h" in argv:
        sys.stdout.write(__doc__)
        return 0
    do_check = "--check" in argv
    only = [a.split("=", 1)[1] for a in argv if a.startswith("--section=")]
    bad = [x for x in only if x not in SECTIONS]
    if bad:
        sys.stderr.write("microbench-ranges.py: no section %s (%s)\n" %
                         (bad[0], ", ".join(SECTIONS)))
        return 2
    paths = [a for a in argv if not a.startswith("--")] or [
        os.path.join(ROOT, "data/measurements/h200-microbench-run%d.csv" % i)
        for i in (1, 2, 3)]
    try:
        rows = load(paths)
    except BadInput as e:
        sys.stderr.write("microbench-ranges.py: %s\n" % e)
        return 2
    out = {}
    want = lambda x: not only or x in only
    t0 = [0.0]

    def stream():
        t0[0] = section_stream(rows, out)
    steps = (("gemm", lambda: section_gemm(rows, out), want("gemm")),
             ("stream", stream,
              want("stream") or want("curve") or want("floors")),
             ("curve", lambda: section_curve(rows, out, t0[0]),
              want("curve")),
             ("memory", lambda: section_memory(rows, out),
              want("memory") or want("floors")),
             ("attention", lambda: section_attention(rows, out),
              want("attention") or want("floors")),
             ("logits", lambda: section_logits(rows, out), want("logits")),
             ("floors", lambda: section_floors(rows, out, t0[0]),
              want("floors")),
             ("run3", lambda: section_run3(rows, out), want("run3")),
             ("check", lambda: check(rows), do_check))
    for name, run, wanted in steps:
        if not wanted:
            continue
        try:
            run()
        except Missing as e:
            print("== %s: skipped (%s)" % (name, e))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
