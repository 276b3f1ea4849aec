#!/bin/sh
# fit-triton.sh: fit the triton-0.14 profile (TensorRT-LLM 0.14.0 served
# online through Triton, published-methodology.md section 2) on that
# table's rows of data/measurements/published-h100.csv: its latencies and
# throughputs at each request rate, predicted by the load model
# (model/load.c).  The efficiencies stay trtllm-0.14's (the same version's
# offline table); only the fixed times, which the offline table cannot pin
# down, and the front end, which it does not see, are fitted, each inside
# its physical range; the start file sets what Triton's serving owns and
# the GEMMs of few rows as the H200 GEMM measurements give them (sources in
# data/calibration/triton-0.14-start.ini).
# The fit is in-sample for these rows: its leave-one-architecture-out error
# (8B predicted by a fit on 70B and back; two networks, no twins) is written
# into the profile's [meta].
#   usage: scripts/fit-triton.sh
set -e
cd "$(dirname "$0")/.."
START=data/calibration/triton-0.14-start.ini
M=data/measurements/published-h100.csv
# A weak Gaussian prior on the front end (frontend_ms ~ 5 +- 2.5 ms, the
# start file's value: ASSUMPTION, a few ms for Triton's two Python-backend
# models, tokenizer and detokenizer, the backend's queue and a local
# stream; not published), weighed as the offline fits weigh theirs
# (ROW_SIGMA 0.1, scripts/fit-profiles.sh).  The front end is the same for
# both models (the same ensemble in front of either engine), but only the
# 8B rows pin it: the 70B rows alone (TP4: 160 all-reduces and 80 layers
# an iteration, each with a fixed time) cannot tell it from the
# all-reduce's and the layers' fixed times, and the fit on them without
# the prior (this --fit less ~5/2.5, --aside the 90 8B rows) puts it at
# 11.2 ms, 8B's mean TTFT +9.8..+32.0% at 2-16 requests/s (with the
# prior 8.5 ms, +0.0..+18.7%).  Leave-one-model-out median/p90 without
# -> with it: 3.1%/15.5% -> 2.6%/12.2% (width 5 ms: 3.0%/14.5%; 1.5 ms:
# 2.1%/11.4%); the full fit moves the front end 6.35 -> 6.23 ms
# (data/calibration/NOTES.md, "Triton's front end", has the first
# figures).
FIT="allreduce_latency_us=5:20,allreduce_half_mb=0:32,iter_overhead_ms=0.1:5,layer_overhead_us=1:100,seq_overhead_us=0.5:50,frontend_ms=0:30~5/2.5"
ROW_SIGMA=0.1
OUT=data/profiles/triton-0.14.ini
./rooflab calibrate --profile "$START" --measurements "$M" \
	--software TensorRT-LLM --version "0.14.0 (triton backend)" \
	--chip h100-sxm --fit "$FIT" --row-sigma "$ROW_SIGMA" --loo-arch --out "$OUT"
# `fitted` instead of `calibrated` keeps it out of eval's default profile;
# the keys taken over from trtllm-0.14 say so
# run_fluid, which the start file does not hold, was tried on these rows
# and not kept: say so (before INH below marks it trtllm-0.14's)
FLUID="a finite run at a request rate keeps the steady state's inter-token time and end (model/load.c 2a), not the run as a fluid (2b): tried on these rows, refitted (F1-F6), and not kept: leave-one-architecture-out median 2.2% -> 2.4% (data/calibration/NOTES.md, \"The finite run as a fluid\"; scripts/fit-triton.sh)"
INH="trtllm-0.14's value (data/profiles/trtllm-0.14.ini: the same version's offline fit, scripts/fit-profiles.sh), not refitted here"
sed -i -e "s|^software = TensorRT-LLM\$|software = TensorRT-LLM 0.14.0 (triton backend)|" \
    -e "s|^calibrated = |fitted = |" \
    -e "s|^run_fluid = false\$|run_fluid = false   ; $FLUID|" \
    -e "/^\[profile\]/,\$ s|^\([a-z_0-9]* = [^;]*\)\$|\1   ; $INH|" "$OUT"
