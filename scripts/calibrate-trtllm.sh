#!/bin/sh
# calibrate-trtllm.sh: fit data/profiles/trtllm-0.10.ini on the 16
# TensorRT-LLM 0.10.0 rows of data/measurements.csv, and no other rows.
# The fixed settings and start values are in
# data/calibration/trtllm-0.10-start.ini (with their sources).
# Options given are passed on to `rooflab calibrate` (--no-loo, --json,
# ...); an --out of their own replaces the default output, which
# calibrate would otherwise refuse as --out given twice.
#   usage: scripts/calibrate-trtllm.sh [--out FILE] [calibrate options]
set -e
cd "$(dirname "$0")/.."
own_out=0
for a in "$@"; do
	case $a in --out|--out=*) own_out=1 ;; esac
done
[ "$own_out" = 1 ] || set -- --out data/profiles/trtllm-0.10.ini "$@"
./rooflab calibrate \
	--profile data/calibration/trtllm-0.10-start.ini \
	--measurements data/measurements.csv \
	--software "TensorRT-LLM 0.10.0" \
	--fit eff_compute,eff_kv_memory,eff_link,allreduce_latency_us,iter_overhead_ms,seq_overhead_us \
	"$@"
