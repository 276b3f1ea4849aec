#!/bin/sh
# calibrate-trtllm.sh: fit data/profiles/trtllm-0.10.ini (the H100's
# default profile and the claim's baseline) on the 16 TensorRT-LLM 0.10.0
# rows of data/measurements.csv, and no other rows: scripts/refit-trtllm-
# 0.10.sh with its defaults (FP8 KV, kv_reread_heads fitted, the headline
# row counted 3 times; its header says why), from
# data/calibration/trtllm-published-start.ini, the start file of the later
# versions' fits.  Until 2026-11-30 it fitted six parameters of the old
# model from data/calibration/trtllm-0.10-start.ini (data/calibration/
# NOTES.md, "The 0.10 profile refitted with the later machinery").
# Options given are passed on to `rooflab calibrate` (--no-loo, --json,
# ...); an --out of their own replaces the default output, which
# calibrate would otherwise refuse as --out given twice.  KV, READS and
# HEADLINE_WEIGHT in the environment are not passed on: this script
# writes the shipped variant.
#   usage: scripts/calibrate-trtllm.sh [--out FILE] [calibrate options]
set -e
cd "$(dirname "$0")/.."
own_out=0
for a in "$@"; do
	case $a in --out|--out=*) own_out=1 ;; esac
done
[ "$own_out" = 1 ] || set -- --out data/profiles/trtllm-0.10.ini "$@"
KV= READS= HEADLINE_WEIGHT= exec sh scripts/refit-trtllm-0.10.sh "$@"
