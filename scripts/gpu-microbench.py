#!/usr/bin/env python3
# gpu-microbench.py: kernel-level microbenchmarks of one GPU, run once on a lent
# machine (PyTorch, no other package), whose results pin the physical ranges of
# the serving profile's parameters (data/measurements/h200-microbench.md says
# which; scripts/microbench-ranges.py derives them).
#
#   python3 scripts/gpu-microbench.py OUTDIR [BUDGET_S]
#
# Writes OUTDIR/microbench.csv (one row per measurement, flushed as it goes, so
# a run stopped at its limit keeps what it measured) and OUTDIR/env.txt.
# Sections, in order of value: launch latency, HBM streams, GEMMs of serving
# shapes (BF16 and FP8), decode attention over context lengths, passes over
# fp32 logits, one decoder layer eager and in a CUDA graph; SECTIONS=a,b (env)
# runs only those (e.g. prefill,moe: causal prompt attention, grouped expert GEMMs).
#
# Timing: CUDA events around CUDA-graph replays of `reps` calls (so launch
# overhead is not counted unless a section measures it), after warm-up; the
# operands rotate over copies totalling at least 4x the L2 cache, so a repeated
# call streams from HBM as it does in serving. Each measurement is its own
# try/except: one failure is a row with status=error, not a lost run.
import csv
import math
import os
import subprocess
import sys
import time
import traceback

import torch
import torch.nn.functional as F

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
BUDGET_S = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
T0 = time.time()
DEV = torch.device("cuda")
FIELDS = ["section", "name", "dtype", "m", "n", "k", "batch", "heads", "kv_heads",
          "ctx", "bytes", "flops", "time_us", "tbps", "tflops", "status", "note"]

os.makedirs(OUT, exist_ok=True)
_csv_file = open(os.path.join(OUT, "microbench.csv"), "w", newline="")
_csv = csv.DictWriter(_csv_file, fieldnames=FIELDS)
_csv.writeheader()


def log(msg):
    print("[%6.1fs] %s" % (time.time() - T0, msg), flush=True)


def row(**kw):
    r = {f: "" for f in FIELDS}
    r.update(kw)
    t = kw.get("time_us")
    if t and t > 0:
        if kw.get("bytes"):
            r["tbps"] = "%.4f" % (kw["bytes"] / (t * 1e-6) / 1e12)
        if kw.get("flops"):
            r["tflops"] = "%.2f" % (kw["flops"] / (t * 1e-6) / 1e12)
        r["time_us"] = "%.3f" % t
    r.setdefault("status", "ok")
    if not r["status"]:
        r["status"] = "ok"
    _csv.writerow(r)
    _csv_file.flush()


def over(frac):
    """True once the section's share of the budget is spent."""
    return time.time() - T0 > BUDGET_S * frac


def smi(args):
    try:
        return subprocess.run(["nvidia-smi"] + args, capture_output=True, text=True,
                              timeout=20).stdout
    except Exception as e:  # noqa: BLE001
        return "nvidia-smi failed: %r\n" % (e,)


L2 = 50 * 2**20
try:
    L2 = torch.cuda.get_device_properties(0).L2_cache_size or L2
except Exception:  # noqa: BLE001
    pass
ROTATE_BYTES = max(4 * L2, 256 * 2**20)


def ncopies(nbytes, cap=64):
    return max(1, min(cap, math.ceil(ROTATE_BYTES / max(1, nbytes))))


def ev_time(fn, iters):
    s = torch.cuda.Event(enable_timing=True)
    e = torch.cuda.Event(enable_timing=True)
    s.record()
    for _ in range(iters):
        fn()
    e.record()
    torch.cuda.synchronize()
    return s.elapsed_time(e) * 1e3  # us


def time_calls(calls, target_us=2000.0, graph=True):
    """Mean time (us) of one call, cycling through `calls` (closures over
    rotated operands). Graph replay by default; eager when graph=False or the
    capture fails. Returns (us, how)."""
    n = len(calls)
    for c in calls[: min(n, 3)]:
        c()
    torch.cuda.synchronize()
    # a first estimate, eager
    est = ev_time(lambda: [c() for c in calls], 3) / (3 * n)
    reps = max(n, int(target_us / max(est, 0.5)))
    reps = min(reps, 4000)
    reps = max(n, (reps // n) * n)
    if graph:
        try:
            s = torch.cuda.Stream()
            s.wait_stream(torch.cuda.current_stream())
            with torch.cuda.stream(s):
                for c in calls:
                    c()
            torch.cuda.current_stream().wait_stream(s)
            torch.cuda.synchronize()
            g = torch.cuda.CUDAGraph()
            with torch.cuda.graph(g):
                for i in range(reps):
                    calls[i % n]()
            g.replay()
            torch.cuda.synchronize()
            best = min(ev_time(g.replay, 1) for _ in range(5))
            del g
            return best / reps, "graph x%d" % reps
        except Exception as e:  # noqa: BLE001
            log("graph capture failed (%s); eager" % (str(e).splitlines()[0][:120],))
            torch.cuda.synchronize()
    k = max(1, reps // n)
    best = min(ev_time(lambda: [c() for c in calls], k) for _ in range(3))
    return best / (k * n), "eager x%d" % (k * n)


def env():
    lines = []
    p = torch.cuda.get_device_properties(0)
    lines.append("torch %s cuda %s" % (torch.__version__, torch.version.cuda))
    lines.append("device %s sm_count %d cc %d.%d total_mem_gib %.1f l2_bytes %d" % (
        p.name, p.multi_processor_count, p.major, p.minor, p.total_memory / 2**30, L2))
    lines.append(smi(["--query-gpu=name,driver_version,power.limit,clocks.max.sm,"
                      "clocks.max.mem,clocks.sm,clocks.mem,temperature.gpu",
                      "--format=csv"]))
    with open(os.path.join(OUT, "env.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    log(" | ".join(l.strip() for l in lines))
    return p


# ---------------------------------------------------------------- launch
def sec_launch():
    x = torch.zeros(1, device=DEV)
    torch.cuda.synchronize()
    # eager: back-to-back launches of a one-element kernel; the CPU issue rate
    n = 5000
    t = min(ev_time(lambda: x.add_(1.0), n) for _ in range(3)) / n
    row(section="launch", name="eager_tiny_kernel", dtype="fp32", time_us=t,
        note="one-element add_, %d back-to-back launches from PyTorch eager" % n)
    # the same kernel replayed in a CUDA graph: GPU-side time per dependent kernel
    t, how = time_calls([lambda: x.add_(1.0)], target_us=3000)
    row(section="launch", name="graph_tiny_kernel", dtype="fp32", time_us=t, note=how)
    # synchronize round trip
    torch.cuda.synchronize()
    t1 = time.perf_counter()
    for _ in range(200):
        x.add_(1.0)
        torch.cuda.synchronize()
    t = (time.perf_counter() - t1) / 200 * 1e6
    row(section="launch", name="launch_plus_sync", dtype="fp32", time_us=t,
        note="one kernel then cudaDeviceSynchronize, wall clock")


# ---------------------------------------------------------------- memory
def sec_memory():
    for lg in range(16, 34, 2):
        if over(0.12):
            break
        nbytes = 2**lg
        try:
            nc = ncopies(2 * nbytes, cap=4096)
            src = [torch.empty(nbytes // 2, dtype=torch.bfloat16, device=DEV).normal_()
                   for _ in range(nc)]
            dst = [torch.empty_like(s) for s in src]
            calls = [(lambda a=a, b=b: b.copy_(a)) for a, b in zip(src, dst)]
            t, how = time_calls(calls)
            row(section="memory", name="copy", dtype="bf16", bytes=2 * nbytes,
                time_us=t, note="read+write bytes; " + how)
            calls = [(lambda a=a: a.sum(dtype=torch.float32)) for a in src]
            t, how = time_calls(calls)
            row(section="memory", name="read_sum", dtype="bf16", bytes=nbytes,
                time_us=t, note="read bytes; " + how)
            calls = [(lambda b=b: b.fill_(1.0)) for b in dst]
            t, how = time_calls(calls)
            row(section="memory", name="write_fill", dtype="bf16", bytes=nbytes,
                time_us=t, note="write bytes; " + how)
            del src, dst, calls
        except Exception as e:  # noqa: BLE001
            row(section="memory", name="copy", bytes=2 * nbytes, status="error",
                note=repr(e)[:200])
        torch.cuda.empty_cache()


# ---------------------------------------------------------------- GEMM
# Llama-3 8B (hidden 4096, 8 KV heads of 128, FFN 14336) and 70B (8192, 8 KV
# heads, 28672): the four GEMMs of a decoder layer at tensor parallel tp.
MODELS = {"llama3-8b": (4096, 1024, 14336), "llama3-70b": (8192, 1024, 28672)}


def layer_gemms(model, tp):
    h, kv, ffn = MODELS[model]
    return [("qkv", (h + 2 * kv) // tp, h), ("o", h, h // tp),
            ("gate_up", 2 * ffn // tp, h), ("down", h, ffn // tp)]


def gemm_weights(n, k, dtype):
    """Copies of an [n,k] weight totalling at least ROTATE_BYTES."""
    nc = ncopies(n * k * (1 if dtype == "fp8" else 2))
    ws = [torch.randn(n, k, device=DEV, dtype=torch.bfloat16) for _ in range(nc)]
    if dtype == "fp8":
        ws = [w.to(torch.float8_e4m3fn) for w in ws]
    return ws


def gemm_calls(m, k, ws, dtype):
    """Closures computing [m,k] x [k,n] over the rotated weights ws."""
    a16 = torch.randn(m, k, device=DEV, dtype=torch.bfloat16)
    if dtype == "bf16":
        return [(lambda w=w: torch.matmul(a16, w.t())) for w in ws], ""
    f8 = torch.float8_e4m3fn
    a8 = a16.to(f8)
    one = torch.ones((), device=DEV, dtype=torch.float32)
    note = ""
    if m % 16:
        # cuBLASLt FP8 wants every dimension a multiple of 16 in some builds
        try:
            torch._scaled_mm(a8, ws[0].t(), scale_a=one, scale_b=one,
                             out_dtype=torch.bfloat16)
        except Exception:  # noqa: BLE001
            mp = (m + 15) // 16 * 16
            a8 = torch.randn(mp, k, device=DEV, dtype=torch.bfloat16).to(f8)
            note = "rows padded to %d; " % mp
    return [(lambda w=w: torch._scaled_mm(a8, w.t(), scale_a=one, scale_b=one,
                                          out_dtype=torch.bfloat16)) for w in ws], note


def sec_gemm_peak():
    for dtype in ("bf16", "fp8"):
        try:
            ws = gemm_weights(8192, 8192, dtype)[:1]
            calls, note = gemm_calls(8192, 8192, ws, dtype)
            t, how = time_calls(calls, target_us=20000)
            row(section="gemm_peak", name="square", dtype=dtype, m=8192, n=8192, k=8192,
                flops=2 * 8192**3, time_us=t, note=note + how + "; random data")
            del calls, ws
        except Exception as e:  # noqa: BLE001
            row(section="gemm_peak", name="square", dtype=dtype, status="error",
                note=repr(e)[:200])
        torch.cuda.empty_cache()


def sec_gemm(end_frac):
    ms = [1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384]
    plan = []
    for model, tps in (("llama3-70b", (1, 2, 4, 8)), ("llama3-8b", (1, 2, 8))):
        for tp in tps:
            for name, n, k in layer_gemms(model, tp):
                plan.append((model, tp, name, n, k))
    # the most informative first if time runs short: 70B tp1/tp8 and 8B tp1
    plan.sort(key=lambda p: (p[1] not in (1, 8), p[0] != "llama3-70b"))
    for dtype in ("fp8", "bf16"):
        for model, tp, name, n, k in plan:
            if over(end_frac):
                log("gemm: budget spent at %s %s tp%d %s" % (dtype, model, tp, name))
                return
            try:
                ws = gemm_weights(n, k, dtype)
            except Exception as e:  # noqa: BLE001
                row(section="gemm", name="%s tp%d %s" % (model, tp, name), dtype=dtype,
                    n=n, k=k, status="error", note=repr(e)[:200])
                continue
            for m in ms:
                try:
                    calls, note = gemm_calls(m, k, ws, dtype)
                    wb = n * k * (1 if dtype == "fp8" else 2)
                    ab = (m * k) * (1 if dtype == "fp8" else 2) + m * n * 2
                    t, how = time_calls(calls)
                    row(section="gemm", name="%s tp%d %s" % (model, tp, name), dtype=dtype,
                        m=m, n=n, k=k, bytes=wb + ab, flops=2 * m * n * k, time_us=t,
                        note=note + how)
                    del calls
                except Exception as e:  # noqa: BLE001
                    row(section="gemm", name="%s tp%d %s" % (model, tp, name), dtype=dtype,
                        m=m, n=n, k=k, status="error", note=repr(e)[:200])
            del ws
            torch.cuda.empty_cache()


# ---------------------------------------------------------------- attention
def attn_calls(kind, b, hq, hkv, ctx, d=128):
    kvbytes = 2 * b * hkv * ctx * d * 2
    nc = ncopies(kvbytes, cap=32)
    q = torch.randn(b, hq, 1, d, device=DEV, dtype=torch.bfloat16)
    kvs = [(torch.randn(b, hkv, ctx, d, device=DEV, dtype=torch.bfloat16),
            torch.randn(b, hkv, ctx, d, device=DEV, dtype=torch.bfloat16))
           for _ in range(nc)]
    if kind.startswith("sdpa"):
        from torch.nn.attention import SDPBackend, sdpa_kernel
        be = {"sdpa_flash": SDPBackend.FLASH_ATTENTION,
              "sdpa_efficient": SDPBackend.EFFICIENT_ATTENTION}[kind]

        def mk(k, v):
            def f():
                with sdpa_kernel([be]):
                    return F.scaled_dot_product_attention(q, k, v, enable_gqa=True)
            return f
        return [mk(k, v) for k, v in kvs], kvbytes
    # "grouped_bmm": each KV head read once for its group of query heads
    g = hq // hkv
    qg = q.view(b, hkv, g, d)
    scale = 1.0 / math.sqrt(d)

    def mk2(k, v):
        def f():
            s = torch.matmul(qg, k.transpose(-1, -2)) * scale
            p = torch.softmax(s.float(), dim=-1).to(torch.bfloat16)
            return torch.matmul(p, v)
        return f
    return [mk2(k, v) for k, v in kvs], kvbytes


def sec_attention(end_frac):
    shapes = [(64, 8, "llama3-70b tp1"), (32, 8, "llama3-8b tp1"), (8, 1, "llama3-70b tp8")]
    for kind in ("sdpa_flash", "grouped_bmm", "sdpa_efficient"):
        for hq, hkv, label in shapes:
            for b in (1, 8, 32, 128, 512):
                for ctx in (128, 512, 2048, 8192, 32768):
                    if over(end_frac):
                        return
                    if b * ctx * hkv > 2**24:   # KV of one copy at most 8 GiB
                        continue
                    try:
                        calls, kvb = attn_calls(kind, b, hq, hkv, ctx)
                        t, how = time_calls(calls)
                        row(section="attention", name="%s %s" % (kind, label), dtype="bf16",
                            batch=b, heads=hq, kv_heads=hkv, ctx=ctx, bytes=kvb,
                            flops=4 * b * hq * ctx * 128, time_us=t,
                            note="bytes = unique K and V read; " + how)
                        del calls
                    except Exception as e:  # noqa: BLE001
                        row(section="attention", name="%s %s" % (kind, label), batch=b,
                            heads=hq, kv_heads=hkv, ctx=ctx, status="error",
                            note=repr(e).splitlines()[0][:200])
                        if kind.startswith("sdpa"):
                            break
                torch.cuda.empty_cache()


# ---------------------------------------------------------------- logits
def sec_logits(end_frac):
    vocab = 128256
    for b in (1, 16, 64, 256, 1024, 4096):
        if over(end_frac):
            return
        nbytes = b * vocab * 4
        nc = ncopies(nbytes, cap=64)
        xs = [torch.randn(b, vocab, device=DEV, dtype=torch.float32) for _ in range(nc)]
        ops = [("softmax", lambda x: torch.softmax(x, dim=-1), 2),
               ("argmax", lambda x: torch.argmax(x, dim=-1), 1),
               ("topk50", lambda x: torch.topk(x, 50, dim=-1), 1),
               ("copy", lambda x: x.clone(), 2),
               ("add_inplace", lambda x: x.add_(0.0), 2)]
        for name, op, passes in ops:
            try:
                calls = [(lambda x=x, op=op: op(x)) for x in xs]
                t, how = time_calls(calls)
                row(section="logits", name=name, dtype="fp32", batch=b, n=vocab,
                    bytes=passes * nbytes, time_us=t,
                    note="%d pass(es) of batch x vocab x 4 bytes; %s" % (passes, how))
            except Exception as e:  # noqa: BLE001
                row(section="logits", name=name, batch=b, status="error", note=repr(e)[:200])
        del xs
        torch.cuda.empty_cache()


# ---------------------------------------------------------------- layer
def sec_layer(end_frac):
    """Llama-3 8B decoder layers (BF16, decode step, context 1024): 16 layers
    with their own weights, eager and in one CUDA graph, per layer."""
    h, kvd, ffn, hq, hkv, d, nl, ctx = 4096, 1024, 14336, 32, 8, 128, 16, 1024
    layers = []
    for _ in range(nl):
        layers.append(dict(
            wqkv=torch.randn(h + 2 * kvd, h, device=DEV, dtype=torch.bfloat16) * 0.01,
            wo=torch.randn(h, h, device=DEV, dtype=torch.bfloat16) * 0.01,
            wgu=torch.randn(2 * ffn, h, device=DEV, dtype=torch.bfloat16) * 0.01,
            wd=torch.randn(h, ffn, device=DEV, dtype=torch.bfloat16) * 0.01,
            n1=torch.ones(h, device=DEV, dtype=torch.bfloat16),
            n2=torch.ones(h, device=DEV, dtype=torch.bfloat16)))
    wbytes = 2 * ((h + 2 * kvd) * h + h * h + 2 * ffn * h + h * ffn)
    for b in (1, 8, 64, 256):
        if over(end_frac):
            return
        try:
            kc = [torch.randn(b, hkv, ctx, d, device=DEV, dtype=torch.bfloat16)
                  for _ in range(nl)]
            vc = [torch.randn(b, hkv, ctx, d, device=DEV, dtype=torch.bfloat16)
                  for _ in range(nl)]
            x0 = torch.randn(b, h, device=DEV, dtype=torch.bfloat16)

            def step():
                x = x0
                for i, L in enumerate(layers):
                    y = F.rms_norm(x, (h,), L["n1"])
                    qkv = torch.matmul(y, L["wqkv"].t())
                    q = qkv[:, :h].reshape(b, hq, 1, d)
                    a = F.scaled_dot_product_attention(q, kc[i], vc[i], enable_gqa=True)
                    x = x + torch.matmul(a.reshape(b, h), L["wo"].t())
                    y = F.rms_norm(x, (h,), L["n2"])
                    gu = torch.matmul(y, L["wgu"].t())
                    x = x + torch.matmul(F.silu(gu[:, :ffn]) * gu[:, ffn:], L["wd"].t())
                return x
            kvb = 2 * b * hkv * ctx * d * 2
            t, how = time_calls([step], target_us=20000, graph=False)
            row(section="layer", name="llama3-8b decode layer eager", dtype="bf16", batch=b,
                ctx=ctx, bytes=wbytes + kvb, time_us=t / nl,
                note="per layer, %d layers, PyTorch eager; bytes = weights + KV; %s" % (nl, how))
            t, how = time_calls([step], target_us=20000, graph=True)
            row(section="layer", name="llama3-8b decode layer graph", dtype="bf16", batch=b,
                ctx=ctx, bytes=wbytes + kvb, time_us=t / nl,
                note="per layer, %d layers, one CUDA graph; bytes = weights + KV; %s" % (nl, how))
            del kc, vc
        except Exception as e:  # noqa: BLE001
            row(section="layer", name="llama3-8b decode layer", batch=b, status="error",
                note=repr(e).splitlines()[0][:200])
        torch.cuda.empty_cache()


# ---------------------------------------------------------------- memory, large
def sec_memory_large(end_frac):
    """Large streams timed eagerly (ten back-to-back calls), beside the graph
    replays of sec_memory, to see whether the size or the timing changes the
    rate."""
    for lg in (28, 29, 30, 31, 32, 33):
        if over(end_frac):
            return
        nbytes = 2**lg
        try:
            a = torch.empty(nbytes // 2, dtype=torch.bfloat16, device=DEV).normal_()
            b = torch.empty_like(a)
            for name, fn, nb in (("copy_eager", lambda: b.copy_(a), 2 * nbytes),
                                 ("read_sum_eager", lambda: a.sum(dtype=torch.float32), nbytes),
                                 ("write_fill_eager", lambda: b.fill_(1.0), nbytes)):
                fn()
                torch.cuda.synchronize()
                t = min(ev_time(fn, 10) for _ in range(3)) / 10
                row(section="memory_large", name=name, dtype="bf16", bytes=nb, time_us=t,
                    note="eager, 10 back-to-back calls, best of 3")
            del a, b
        except Exception as e:  # noqa: BLE001
            row(section="memory_large", name="copy_eager", bytes=2 * nbytes, status="error",
                note=repr(e)[:200])
        torch.cuda.empty_cache()


# ---------------------------------------------------------------- attention, more shapes
def sec_attention_more(end_frac):
    """Multi-head attention without grouping (Llama-2 7B: 32 query heads, 32 KV
    heads) and Llama-3 70B at tp 4 (16 and 2)."""
    shapes = [(32, 32, "llama2-7b tp1"), (16, 2, "llama3-70b tp4")]
    for kind in ("sdpa_flash", "grouped_bmm"):
        for hq, hkv, label in shapes:
            for b in (1, 8, 32, 128):
                for ctx in (128, 512, 2048, 8192):
                    if over(end_frac):
                        return
                    if b * ctx * hkv > 2**24:
                        continue
                    try:
                        calls, kvb = attn_calls(kind, b, hq, hkv, ctx)
                        t, how = time_calls(calls)
                        row(section="attention", name="%s %s" % (kind, label), dtype="bf16",
                            batch=b, heads=hq, kv_heads=hkv, ctx=ctx, bytes=kvb,
                            flops=4 * b * hq * ctx * 128, time_us=t,
                            note="bytes = unique K and V read; " + how)
                        del calls
                    except Exception as e:  # noqa: BLE001
                        row(section="attention", name="%s %s" % (kind, label), batch=b,
                            heads=hq, kv_heads=hkv, ctx=ctx, status="error",
                            note=repr(e).splitlines()[0][:200])
                torch.cuda.empty_cache()


# ---------------------------------------------------------------- layer, tensor parallel
def sec_layer_tp(end_frac):
    """One GPU's share of Llama-3 70B decoder layers at tp 8 and tp 2 (FP8 GEMMs
    by _scaled_mm, BF16 activations; no all-reduce: one GPU), 8 layers in one
    CUDA graph and eagerly, context 2048."""
    h, kvd, ffn, hq_all, hkv_all, d, nl, ctx = 8192, 1024, 28672, 64, 8, 128, 8, 2048
    f8 = torch.float8_e4m3fn
    one = torch.ones((), device=DEV, dtype=torch.float32)
    for tp in (8, 2):
        hq, hkv = hq_all // tp, max(1, hkv_all // tp)
        qkv_n, o_k, gu_n, d_k = (h + 2 * kvd) // tp, h // tp, 2 * ffn // tp, ffn // tp
        layers = [dict(wqkv=torch.randn(qkv_n, h, device=DEV).to(f8),
                       wo=torch.randn(h, o_k, device=DEV).to(f8),
                       wgu=torch.randn(gu_n, h, device=DEV).to(f8),
                       wd=torch.randn(h, d_k, device=DEV).to(f8),
                       n1=torch.ones(h, device=DEV, dtype=torch.bfloat16),
                       n2=torch.ones(h, device=DEV, dtype=torch.bfloat16))
                  for _ in range(nl)]
        wbytes = qkv_n * h + h * o_k + gu_n * h + h * d_k

        def mm(x, w):
            m = x.shape[0]
            xp = x if m % 16 == 0 else F.pad(x, (0, 0, 0, 16 - m % 16))
            y = torch._scaled_mm(xp.to(f8), w.t(), scale_a=one, scale_b=one,
                                 out_dtype=torch.bfloat16)
            return y[:m]
        for b in (1, 16, 64, 256):
            if over(end_frac):
                return
            try:
                kc = [torch.randn(b, hkv, ctx, d, device=DEV, dtype=torch.bfloat16)
                      for _ in range(nl)]
                vc = [torch.randn(b, hkv, ctx, d, device=DEV, dtype=torch.bfloat16)
                      for _ in range(nl)]
                x0 = torch.randn(b, h, device=DEV, dtype=torch.bfloat16)

                def step():
                    x = x0
                    for i, L in enumerate(layers):
                        y = F.rms_norm(x, (h,), L["n1"])
                        qkv = mm(y, L["wqkv"])
                        q = qkv[:, :hq * d].reshape(b, hq, 1, d)
                        a = F.scaled_dot_product_attention(q, kc[i], vc[i], enable_gqa=True)
                        x = x + mm(a.reshape(b, hq * d), L["wo"])
                        y = F.rms_norm(x, (h,), L["n2"])
                        gu = mm(y, L["wgu"])
                        x = x + mm(F.silu(gu[:, :d_k]) * gu[:, d_k:], L["wd"])
                    return x
                kvb = 2 * b * hkv * ctx * d * 2
                for graph in (False, True):
                    t, how = time_calls([step], target_us=20000, graph=graph)
                    row(section="layer", name="llama3-70b tp%d fp8 decode layer %s" % (
                        tp, "graph" if graph else "eager"), dtype="fp8", batch=b, ctx=ctx,
                        heads=hq, kv_heads=hkv, bytes=wbytes + kvb, time_us=t / nl,
                        note="per layer, %d layers; one GPU's share, no all-reduce; bytes = "
                             "weights + KV; %s" % (nl, how))
                del kc, vc
            except Exception as e:  # noqa: BLE001
                row(section="layer", name="llama3-70b tp%d fp8 decode layer" % tp, batch=b,
                    status="error", note=repr(e).splitlines()[0][:200])
            torch.cuda.empty_cache()
        del layers
        torch.cuda.empty_cache()



# ---------------------------------------------------------------- prefill attention
def sec_prefill(end_frac):
    """Causal attention of whole prompts (PyTorch FlashAttention-2, bf16, GQA),
    the context phase: batch x seq about 16k tokens."""
    from torch.nn.attention import SDPBackend, sdpa_kernel
    for hq, hkv, label in ((64, 8, "llama3-70b tp1"), (32, 8, "llama3-8b tp1"),
                           (8, 1, "llama3-70b tp8")):
        for seq in (128, 512, 2048, 8192, 32768):
            if over(end_frac):
                return
            b = max(1, 16384 // seq)
            try:
                q = torch.randn(b, hq, seq, 128, device=DEV, dtype=torch.bfloat16)
                k = torch.randn(b, hkv, seq, 128, device=DEV, dtype=torch.bfloat16)
                v = torch.randn(b, hkv, seq, 128, device=DEV, dtype=torch.bfloat16)

                def f():
                    with sdpa_kernel([SDPBackend.FLASH_ATTENTION]):
                        return F.scaled_dot_product_attention(q, k, v, is_causal=True,
                                                              enable_gqa=True)
                t, how = time_calls([f], target_us=5000)
                # causal: half of the 4 b hq seq^2 d multiply-adds x 2
                fl = 2 * b * hq * seq * seq * 128
                row(section="prefill_attention", name="sdpa_flash causal %s" % label,
                    dtype="bf16", batch=b, heads=hq, kv_heads=hkv, ctx=seq, flops=fl,
                    time_us=t, note="flops = 4 b h s^2 d / 2 (causal); " + how)
                del q, k, v
            except Exception as e:  # noqa: BLE001
                row(section="prefill_attention", name="sdpa_flash causal %s" % label,
                    batch=b, ctx=seq, status="error", note=repr(e).splitlines()[0][:200])
            torch.cuda.empty_cache()


# ---------------------------------------------------------------- MoE experts
def sec_moe(end_frac):
    """Mixtral 8x7B experts (hidden 4096, FFN 14336, 8 experts, top 2) at tp 1
    and 8: the routed tokens' gate_up and down GEMMs as one grouped GEMM
    (torch._grouped_mm, bf16) against one dense GEMM of all routed rows."""
    h, ffn, ne, topk = 4096, 14336, 8, 2
    if not hasattr(torch, "_grouped_mm"):
        row(section="moe", name="grouped_mm", status="error", note="no torch._grouped_mm")
        return
    for tp in (1, 8):
        f = ffn // tp
        for tokens in (1, 16, 64, 256, 1024, 4096, 16384):
            if over(end_frac):
                return
            rows_ = tokens * topk
            per = [rows_ // ne + (1 if i < rows_ % ne else 0) for i in range(ne)]
            # 16-row alignment of each group, as grouped kernels want
            per = [(p + 15) // 16 * 16 for p in per]
            offs = torch.tensor(list(__import__("itertools").accumulate(per)),
                                device=DEV, dtype=torch.int32)
            total = int(sum(per))
            for name, n, k in (("gate_up", 2 * f, h), ("down", h, f)):
                try:
                    x = torch.randn(total, k, device=DEV, dtype=torch.bfloat16)
                    wb = ne * n * k * 2
                    nc = ncopies(wb, cap=16)
                    ws = [torch.randn(ne, n, k, device=DEV, dtype=torch.bfloat16)
                          for _ in range(nc)]
                    calls = [(lambda w=w: torch._grouped_mm(x, w.transpose(-2, -1), offs=offs,
                                                            out_dtype=torch.bfloat16))
                             for w in ws]
                    t, how = time_calls(calls)
                    row(section="moe", name="grouped_mm mixtral-8x7b tp%d %s" % (tp, name),
                        dtype="bf16", m=total, n=n, k=k, batch=tokens,
                        bytes=wb + total * (k + n) * 2, flops=2 * rows_ * n * k, time_us=t,
                        note="%d experts, top %d, rows per expert padded to 16; %s" % (
                            ne, topk, how))
                    del ws, calls
                    wd = [torch.randn(n, k, device=DEV, dtype=torch.bfloat16)
                          for _ in range(ncopies(n * k * 2))]
                    calls = [(lambda w=w: torch.matmul(x, w.t())) for w in wd]
                    t, how = time_calls(calls)
                    row(section="moe", name="dense_same_rows mixtral-8x7b tp%d %s" % (tp, name),
                        dtype="bf16", m=total, n=n, k=k, batch=tokens,
                        bytes=n * k * 2 + total * (k + n) * 2, flops=2 * total * n * k,
                        time_us=t, note="one expert's weight, all routed rows; " + how)
                    del wd, calls, x
                except Exception as e:  # noqa: BLE001
                    row(section="moe", name="grouped_mm mixtral-8x7b tp%d %s" % (tp, name),
                        batch=tokens, status="error", note=repr(e).splitlines()[0][:200])
                torch.cuda.empty_cache()


def main():
    torch.backends.cuda.matmul.allow_tf32 = False
    env()
    sections = (("launch", sec_launch), ("memory", sec_memory),
                ("gemm_peak", sec_gemm_peak),
                ("gemm", lambda: sec_gemm(0.55)),
                ("attention", lambda: sec_attention(0.75)),
                ("logits", lambda: sec_logits(0.85)),
                ("layer", lambda: sec_layer(0.97)),
                ("memory_large", lambda: sec_memory_large(0.97)),
                ("attention_more", lambda: sec_attention_more(0.97)),
                ("layer_tp", lambda: sec_layer_tp(0.97)),
                ("prefill", lambda: sec_prefill(0.97)),
                ("moe", lambda: sec_moe(0.97)))
    only = os.environ.get("SECTIONS", "")
    for name, fn in sections:
        if only and name not in only.split(","):
            continue
        log("section %s" % name)
        try:
            fn()
        except Exception:  # noqa: BLE001
            tb = traceback.format_exc()
            log(tb)
            row(section=name, status="error", note=tb.splitlines()[-1][:200])
        torch.cuda.synchronize()
        torch.cuda.empty_cache()
    with open(os.path.join(OUT, "env.txt"), "a") as f:
        f.write("after:\n" + smi(["--query-gpu=clocks.sm,clocks.mem,power.draw,"
                                  "temperature.gpu,clocks_throttle_reasons.active",
                                  "--format=csv"]))
    log("done")


if __name__ == "__main__":
    main()
