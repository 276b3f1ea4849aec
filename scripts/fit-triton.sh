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
# The fit is in-sample for these rows: its leave-one-model-out error (8B
# predicted by a fit on 70B and back) is written into the profile's [meta].
#   usage: scripts/fit-triton.sh
set -e
cd "$(dirname "$0")/.."
START=data/calibration/triton-0.14-start.ini
M=data/measurements/published-h100.csv
FIT="allreduce_latency_us=5:20,allreduce_half_mb=0:32,iter_overhead_ms=0.1:5,layer_overhead_us=1:100,seq_overhead_us=0.5:50,frontend_ms=0:30"
OUT=data/profiles/triton-0.14.ini
./rooflab calibrate --profile "$START" --measurements "$M" \
	--software TensorRT-LLM --version "0.14.0 (triton backend)" \
	--chip h100-sxm --fit "$FIT" --loo-model --out "$OUT"
# `fitted` instead of `calibrated` keeps it out of eval's default profile;
# the keys taken over from trtllm-0.14 say so
INH="trtllm-0.14's value (data/profiles/trtllm-0.14.ini: the same version's offline fit, scripts/fit-profiles.sh), not refitted here"
sed -i -e "s|^software = TensorRT-LLM\$|software = TensorRT-LLM 0.14.0 (triton backend)|" \
    -e "s|^calibrated = |fitted = |" \
    -e "/^\[profile\]/,\$ s|^\([a-z_0-9]* = [^;]*\)\$|\1   ; $INH|" "$OUT"
