#!/bin/sh
# cli_transfer_scaling.sh: which terms of a serving profile scale with the
# chip, checked on made-up chips whose outcome is worked out by hand.
#
# 1. Nothing fitted is an H100 number in disguise.  A chip that is the
#    H100 SXM (data/chips/h100-sxm.ini) with every rate doubled (BF16 and
#    FP8 matrix peaks 1978.8 and 3957.8 TFLOPS, HBM 6.7 TB/s, link 900 GB/s)
#    and its memory kept, at a batch both hold (--batch 64) and with no TDP
#    (chip.tdp_w = 0: no clock lowered), runs every iteration's bytes and
#    FLOPs in half the time.  The only times that may stay are the named
#    fixed ones: host times (iter_overhead_ms, seq_overhead_us,
#    request_overhead_us), launches (layer_overhead_us), the all-reduce's
#    latencies (allreduce_latency_us, chip.link_latency_us, the ramp of
#    allreduce_half_mb, kept as a time: comm.c) and the kernel floors
#    (gemm_fixed_us, moe_layer_fixed_us, which follow the clock, not the
#    rates).  With all of them 0, throughput is exactly 2x the H100's for
#    every TensorRT-LLM profile and a dense long decode, a prefill-heavy
#    row, a 16-bit tp-1 row and an MoE row; any other time in the engine
#    that does not scale (a constant fitted on the H100) would put it under
#    2.  And with only moe_layer_fixed_us left (40 us, Mixtral's 32 MoE
#    layers) the MoE row is under 2, so the check sees a fixed time.
# 2. The kernel floors follow the chip's clock: gemm_fixed_us and
#    moe_layer_fixed_us are fitted at profile.kernel_fixed_clock_ghz (1.83,
#    the H100's design.clock_ghz) and scale by 1.83 / the chip's clock.
#    Mixtral 8x7B: 32 layers, all MoE, 4 + 1 (router) GEMMs a layer and
#    the LM head: moe_layer_fixed_us = 40 adds 32 x 40 = 1280 us to a
#    decode iteration's GEMM time on the H100, 1280 x 1.83 / 0.915 = 2560
#    us at half its clock, 1280 x 1.83 / 1.41 = 1661.28 us on the A100 SXM
#    (a100-sxm.ini: 1.41 GHz), 1280 x 1.83 / 2.062 = 1135.98 us on the
#    GB200 (gb200.ini: 2.062 GHz, hardware-more.csv gb200 max_sm_clock),
#    1280 x 1.83 / 2.1 = 1115.43 us on the MI300X and MI325X (2.1 GHz,
#    hardware-more.csv peak_engine_clock) and 1280 us on the H100 PCIe
#    (h100-pcie.ini gives no clock: the fitted microseconds); gemm_fixed_us
#    = 4 adds (32 x 5 + 1) x 4 = 644 us on the H100, 1288 us at half its
#    clock.
. "$(dirname "$0")/clilib.sh"
have python3 "cli_transfer_scaling.sh" || finish

# ev CHIP PROFILE MODEL PREC ISL OSL TP FIELD [--set ...]: one number of
# eval --json at batch 64 with no TDP (FIELD: tput, or decode_gemm_s)
ev() {
	c=$1 p=$2 m=$3 q=$4 i=$5 o=$6 t=$7 f=$8
	shift 8
	"$RL" eval --chip "$c" --profile "$p" --model "$m" --precision "$q" --isl "$i" \
		--osl "$o" --tp "$t" --batch 64 --set chip.tdp_w=0 "$@" --json 2>/dev/null |
		F=$f python3 -c 'import json, os, sys
j = json.load(sys.stdin)
print(repr(j["throughput"]["output_tokens_per_s"] if os.environ["F"] == "tput"
      else j["decode"]["gemm_s"]))'
}

DOUBLE="--set chip.peak_tflops_bf16=1978.8 --set chip.peak_tflops_fp8=3957.8
--set chip.hbm_tbps=6.7 --set chip.link_gbps=900"
FIXED0="--set profile.iter_overhead_ms=0 --set profile.seq_overhead_us=0
--set profile.request_overhead_us=0 --set profile.layer_overhead_us=0
--set profile.allreduce_latency_us=0 --set chip.link_latency_us=0
--set profile.allreduce_half_mb=0 --set profile.gemm_fixed_us=0"

# close GOT WANT REL NAME: |GOT - WANT| <= REL x WANT
close() {
	if python3 -c 'import sys; g, w, r = map(float, sys.argv[1:4]); sys.exit(abs(g - w) > r * abs(w))' "$1" "$2" "$3"; then
		echo "ok - $4"
	else
		echo "not ok - $4 (got $1, expected $2)"
		fails=$((fails + 1))
	fi
}

for p in trtllm-0.10 trtllm-0.11 trtllm-0.12 trtllm-0.13 trtllm-0.14 trtllm-0.15 \
	trtllm-0.17 trtllm-0.19 trtllm-0.20 trtllm-0.20post trtllm-0.21 trtllm-1.0 triton-0.14; do
	for row in "llama3-70b fp8 128 2048 8" "llama3-70b fp8 2048 128 8" \
		"llama3-8b fp16 128 2048 1" "mixtral-8x7b fp8 128 2048 2"; do
		# shellcheck disable=SC2086
		set -- $row
		# shellcheck disable=SC2086
		a=$(ev h100-sxm "$p" "$@" tput $FIXED0 --set profile.moe_layer_fixed_us=0)
		# shellcheck disable=SC2086
		b=$(ev h100-sxm "$p" "$@" tput $FIXED0 --set profile.moe_layer_fixed_us=0 $DOUBLE)
		r=$(python3 -c "print($b / $a)")
		close "$r" 2 1e-9 "$p $1 $2 $3/$4 tp $5: every rate doubled, no fixed time: 2x"
	done
done
# the check sees a fixed time: moe_layer_fixed_us alone keeps the MoE row under 2
# shellcheck disable=SC2086
a=$(ev h100-sxm trtllm-0.15 mixtral-8x7b fp8 128 2048 2 tput $FIXED0 --set profile.moe_layer_fixed_us=40)
# shellcheck disable=SC2086
b=$(ev h100-sxm trtllm-0.15 mixtral-8x7b fp8 128 2048 2 tput $FIXED0 --set profile.moe_layer_fixed_us=40 $DOUBLE)
if python3 -c "import sys; sys.exit(not ($b / $a < 1.99))"; then
	echo "ok - moe_layer_fixed_us 40 alone: the doubled chip under 2x ($b / $a)"
else
	echo "not ok - moe_layer_fixed_us 40 alone: the doubled chip at 2x ($b / $a)"
	fails=$((fails + 1))
fi

# 2. the kernel floors and the clock: the added GEMM time of a decode iteration
# added CHIP KEY US [--set ...]: decode GEMM seconds with KEY = US minus with 0
# (the other of the two fixed times 0)
added() {
	c=$1 k=$2 u=$3
	shift 3
	case $k in gemm_fixed_us) z=moe_layer_fixed_us ;; *) z=gemm_fixed_us ;; esac
	x=$(ev "$c" trtllm-0.15 mixtral-8x7b fp16 128 2048 4 decode_gemm_s \
		--set "profile.$z=0" --set "profile.$k=$u" "$@")
	y=$(ev "$c" trtllm-0.15 mixtral-8x7b fp16 128 2048 4 decode_gemm_s \
		--set "profile.$z=0" --set "profile.$k=0" "$@")
	python3 -c "print($x - $y)"
}
close "$(added h100-sxm moe_layer_fixed_us 40)" 1280e-6 1e-6 "moe_layer_fixed_us 40 on h100-sxm: 32 x 40 us"
close "$(added h100-sxm moe_layer_fixed_us 40 --set design.clock_ghz=0.915)" 2560e-6 1e-6 \
	"moe_layer_fixed_us 40 at half the H100's clock: 2560 us"
close "$(added a100-sxm moe_layer_fixed_us 40)" 1661.2765957e-6 1e-6 \
	"moe_layer_fixed_us 40 on a100-sxm (1.41 GHz): 1280 x 1.83 / 1.41 us"
close "$(added gb200 moe_layer_fixed_us 40)" 1135.9844811e-6 1e-6 \
	"moe_layer_fixed_us 40 on gb200 (2.062 GHz): 1280 x 1.83 / 2.062 us"
close "$(added mi300x moe_layer_fixed_us 40)" 1115.4285714e-6 1e-6 \
	"moe_layer_fixed_us 40 on mi300x (2.1 GHz): 1280 x 1.83 / 2.1 us"
close "$(added mi325x moe_layer_fixed_us 40)" 1115.4285714e-6 1e-6 \
	"moe_layer_fixed_us 40 on mi325x (2.1 GHz): 1280 x 1.83 / 2.1 us"
close "$(added h100-pcie moe_layer_fixed_us 40)" 1280e-6 1e-6 \
	"moe_layer_fixed_us 40 on h100-pcie (no clock): the fitted 1280 us"
close "$(added h100-sxm moe_layer_fixed_us 40 --set profile.kernel_fixed_clock_ghz=0 --set design.clock_ghz=0.915)" \
	1280e-6 1e-6 "kernel_fixed_clock_ghz 0: the same microseconds at any clock"
close "$(added h100-sxm gemm_fixed_us 4)" 644e-6 1e-6 "gemm_fixed_us 4 on h100-sxm: 161 GEMMs x 4 us"
close "$(added h100-sxm gemm_fixed_us 4 --set design.clock_ghz=0.915)" 1288e-6 1e-6 \
	"gemm_fixed_us 4 at half the H100's clock: 1288 us"
finish
