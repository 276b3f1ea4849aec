#!/bin/sh
# cli_setupcache.sh: what an evaluation keeps of a configuration once (the
# serving setup's integer flags: tp, ep, pp > 1, cuda_graphs, comm_overlap,
# host_overlap, gemm_m_half, request_overhead, the window, kv_reserve; the
# power and cost memo's TDP and price; a link's divisor) follows every
# change of it.  A sweep whose fastest axis is scenario.isl evaluates its
# points through one rl_eval_cache a thread (sweeps/README.md), so each
# design point after the first changes a kept setup; its rows must be those
# of the same sweep with isl first (no cache: rl_sweep_cache_pays), bit for
# bit, and those of `rooflab eval --set` of each point alone (its JSON's 10
# significant digits).  Each axis must change some result (else the check
# says nothing of its flag).
. "$(dirname "$0")/clilib.sh"
# the sweeps are compared point by point by python3: without it the file
# says so and stops
have python3 "cli_setupcache.sh: the sweeps compared" || finish

RL="$RL" D="$tmpd" python3 - <<'EOF'
import itertools, json, os, sqlite3, subprocess, sys

RL, D = os.environ["RL"], os.environ["D"]
fails = 0

def say(ok, name, detail=""):
    global fails
    print(("ok - " if ok else "not ok - ") + name +
          (f" ({detail})" if detail and not ok else ""))
    fails += not ok

# name, presets, fixed sets, axes (the request axis scenario.isl last)
SPECS = [
    ("flags-dense", {"chip": "h100-sxm", "model": "llama3-8b",
                     "profile": "trtllm-0.15"},
     ["scenario.precision=fp8", "scenario.chips=8", "scenario.osl=128"],
     [("scenario.tp", ["1", "8"]),
      ("profile.cuda_graphs", ["false", "true"]),
      ("chip.tdp_w", ["0", "300"]),
      ("profile.kv_reserve", ["false", "true"]),
      ("scenario.isl", ["128", "2048"])]),
    ("flags-window", {"chip": "h100-sxm", "model": "mistral-7b",
                      "profile": "trtllm-1.0"},
     ["scenario.precision=fp8", "scenario.osl=256",
      "profile.batch_rule=trtllm_bench_pytorch"],
     [("profile.gemm_m_half", ["0", "64"]),
      ("profile.host_overlap", ["0", "0.8"]),
      ("profile.request_overhead_us", ["0", "50"]),
      ("profile.sliding_window", ["false", "true"]),
      ("cost.price_usd", ["0", "25000"]),
      ("scenario.isl", ["128", "8192"])]),
    ("flags-moe", {"chip": "h100-sxm", "model": "mixtral-8x7b",
                   "profile": "trtllm-0.15"},
     ["scenario.precision=fp8", "scenario.chips=16", "scenario.osl=128"],
     [("scenario.tp", ["2", "4"]),
      ("scenario.ep", ["1", "2"]),
      ("scenario.pp", ["1", "2"]),
      ("profile.comm_overlap", ["0", "0.5"]),
      ("scenario.isl", ["128", "2048"])]),
]

def spec_text(name, presets, sets, axes):
    t = f"[meta]\nname = {name}\n[base]\n"
    t += "".join(f"{k} = {v}\n" for k, v in presets.items())
    t += "".join(f"set = {s}\n" for s in sets)
    t += "[axes]\n" + "".join(f"{k} = {', '.join(v)}\n" for k, v in axes)
    return t + "[outputs]\nkeep = all\n"

def rows(db, axes):
    """{axis values (as the grid gives them): {column: value}}"""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    out = {}
    for r in con.execute("SELECT * FROM results ORDER BY idx"):
        out[r["idx"]] = dict(r)
    con.close()
    pts = list(itertools.product(*[v for _, v in axes]))
    if len(out) != len(pts):
        return None
    return {tuple(zip([k for k, _ in axes], p)): out[i]
            for i, p in enumerate(pts)}

def same(a, b):
    if a is None or b is None:
        return a is b
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    return a == b

def flat(js):
    out = {}
    for sec, v in js.items():
        if sec in ("setup", "mapping") or not isinstance(v, dict):
            continue
        for k, x in v.items():
            if not isinstance(x, (dict, list)):
                out[f"{sec}_{k}"] = x
    return out

def g10(x):
    return x if isinstance(x, str) or x is None else "%.10g" % x

for name, presets, sets, axes in SPECS:
    path = os.path.join(D, name + ".ini")
    with open(path, "w") as f:
        f.write(spec_text(name, presets, sets, axes))
    first = [axes[-1]] + axes[:-1]  # isl first: no cache
    path2 = os.path.join(D, name + "-nocache.ini")
    with open(path2, "w") as f:
        f.write(spec_text(name, presets, sets, first))
    dbs = []
    for p in (path, path2):
        db = p[:-4] + ".db"
        r = subprocess.run([RL, "sweep", p, "--db", db], capture_output=True)
        if r.returncode != 0:
            say(False, f"{name}: sweep {os.path.basename(p)}",
                r.stderr.decode()[-300:])
        dbs.append(db)
    cached, fresh = rows(dbs[0], axes), rows(dbs[1], first)
    if cached is None or fresh is None:
        say(False, f"{name}: both sweeps store every point")
        continue
    cols = [c for c in next(iter(cached.values()))
            if c not in ("run_id", "idx") and not c.startswith("run_")]
    bad = []
    for key, r in cached.items():
        k2 = tuple(sorted(key, key=lambda kv: [a for a, _ in first].index(kv[0])))
        for c in cols:
            if c in r and not same(r[c], fresh[k2][c]):
                bad.append(f"{dict(key)} {c}: {r[c]!r} cached, "
                           f"{fresh[k2][c]!r} not")
    say(not bad, f"{name}: {len(cached)} points through a cache equal the "
        "same points without one, bit for bit", "; ".join(bad[:3]))
    # each point alone by eval --set
    bad = []
    for key, r in cached.items():
        argv = [RL, "eval", "--json"]
        for k, v in presets.items():
            argv += [f"--{k}", v]
        for s in sets + [f"{k}={v}" for k, v in key]:
            argv += ["--set", s]
        e = subprocess.run(argv, capture_output=True)
        if e.returncode != r["status"]:
            bad.append(f"{dict(key)}: eval exit {e.returncode}, sweep "
                       f"status {r['status']}")
            continue
        if e.returncode != 0:
            continue
        js = flat(json.loads(e.stdout))
        for c in cols:
            if c in js and g10(js[c]) != g10(r[c]):
                bad.append(f"{dict(key)} {c}: eval {js[c]!r}, sweep {r[c]!r}")
        if not any(c in js for c in cols if c.startswith("throughput_")):
            bad.append("eval --json has no throughput to compare")
    say(not bad, f"{name}: each point equals rooflab eval --set of it alone",
        "; ".join(bad[:3]))
    # every axis changes some result: its flag is exercised
    outs = [c for c in cols if c not in [a.replace(".", "_") for a, _ in axes]
            and c != "status"]
    for i, (ax, vals) in enumerate(axes[:-1]):
        moved = False
        for key, r in cached.items():
            if key[i][1] != vals[0]:
                continue
            other = list(key)
            other[i] = (ax, vals[1])
            o = cached[tuple(other)]
            if r["status"] == 0 and o["status"] == 0 and any(
                    not same(r[c], o[c]) for c in outs):
                moved = True
                break
        say(moved, f"{name}: {ax} {vals[0]} -> {vals[1]} changes a result")
sys.exit(1 if fails else 0)
EOF
[ $? -eq 0 ] || fails=$((fails + 1))

# calibrate evaluates each row as its fit moves the parameters; three
# that are 0 in trtllm-0.15 and that the setup tests once (request
# overhead != 0, host_overlap > 0, comm_overlap == 0) are fitted within
# bounds that keep them off 0, so every flag turns during the fit.  The
# row table's model column (eval's rule) must be what validate gives each
# row with the profile written (evaluated afresh).
m="$tmpd/m15.csv"
P=${ROOFLAB_DATA:-data}/measurements/published-h100.csv
{ head -1 "$P"
  grep ',0\.15\.0,' "$P" | head -40; } >"$m"
for k in request_overhead_us host_overlap comm_overlap; do
	v=$(sed -n "s/^$k *= *\([^ ;]*\).*/\1/p" "${ROOFLAB_DATA:-data}/profiles/trtllm-0.15.ini")
	[ "$v" = 0 ] && echo "ok - trtllm-0.15 starts the fit at $k = 0" ||
		{ echo "not ok - trtllm-0.15's $k is '$v', not 0"; fails=$((fails + 1)); }
done
expect_exit 0 "calibrate fits request_overhead_us, host_overlap and comm_overlap off 0" -- \
	$RL calibrate --profile trtllm-0.15 --measurements "$m" --no-loo \
	--fit request_overhead_us=20:200,host_overlap=0.3:0.9,comm_overlap=0.2:0.8 \
	--out "$tmpd/fit.ini"
cp "$tmpd/out" "$tmpd/cal.txt"
expect_exit 0 "validate with the fitted profile" -- \
	$RL validate --measurements "$m" --profile "$tmpd/fit.ini" --json
python3 - "$tmpd/cal.txt" "$tmpd/out" "$tmpd/fit.ini" <<'EOF2'
import json, re, sys
cal = {}
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) >= 4 and f[0].startswith("trtllm-v0.15.0-"):
        cal[f[0]] = f[2]
rows = {r["id"]: r for r in json.load(open(sys.argv[2]))["rows"]}
fit = open(sys.argv[3]).read()
vals = {k: float(re.search(rf"^{k} *= *([^ ;]+)", fit, re.M).group(1))
        for k in ("request_overhead_us", "host_overlap", "comm_overlap")}
ok = all(v > 0 for v in vals.values())
print(("ok" if ok else "not ok") + f" - the fitted values are off 0: {vals}")
# the model column by eval's rule (model/figtext.h, small52; it was
# %.5g): exponent form from 1e15, whole from 1e5, one decimal from 100,
# else three significant digits with their zeros, a whole number whole
# (from 100 too, small53)
def fig(v):
    a = abs(v)
    if a >= 1e15: return "%.3g" % v
    if a >= 1e5 or (a >= 100 and v == int(v)): return "%.0f" % v
    if a >= 100: return "%.1f" % v
    if v == int(v) or a < 1e-4: return "%.3g" % v
    t = "%#.3g" % v
    return t[:-1] if t.endswith(".") else t
bad = [f"{i}: calibrate {v}, validate {rows[i]['predicted']}"
       for i, v in cal.items()
       if i not in rows or fig(rows[i]["predicted"]) != v]
ok2 = len(cal) == 40 and not bad
print(("ok" if ok2 else "not ok") + " - calibrate's 40 predictions at the "
      "fitted values equal validate's of the profile written" +
      ("" if ok2 else f" ({len(cal)} rows; {'; '.join(bad[:3])})"))
sys.exit(0 if ok and ok2 else 1)
EOF2
[ $? -eq 0 ] || fails=$((fails + 1))
finish
