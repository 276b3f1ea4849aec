#!/bin/sh
# calibrate-trtllm.sh: fit data/profiles/trtllm-0.10.ini on the 16
# TensorRT-LLM 0.10.0 rows of data/measurements.csv, and no other rows.
# The fixed settings and start values are in
# data/calibration/trtllm-0.10-start.ini (with their sources).
set -e
cd "$(dirname "$0")/.."
./rooflab calibrate \
	--profile data/calibration/trtllm-0.10-start.ini \
	--measurements data/measurements.csv \
	--software "TensorRT-LLM 0.10.0" \
	--fit eff_compute,eff_kv_memory,eff_link,allreduce_latency_us,iter_overhead_ms,seq_overhead_us \
	--out data/profiles/trtllm-0.10.ini "$@"
