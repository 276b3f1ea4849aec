#!/bin/sh
# cli_amd.sh: the AMD Instinct presets (mi300x.ini, mi325x.ini).  They name
# no serving software (no profile is fitted on ROCm), so eval wants
# --profile; with the roofline profile (ideal: every efficiency 1, no
# overheads, no runtime reservation, KV fraction 1) the numbers below follow
# from the sources' figures by hand.
. "$(dirname "$0")/clilib.sh"
# the checks read eval's JSON with python3: without it the file says so
have python3 "cli_amd.sh: eval's JSON read back" || finish

expect_exit 0 "presets chip" -- $RL presets chip
expect_out '^  mi300x +AMD Instinct MI300X' "mi300x is listed"
expect_out '^  mi325x +AMD Instinct MI325X' "mi325x is listed"

expect_exit 0 "mi300x names no software: eval without --profile serves it under ideal" -- \
	$RL eval --chip mi300x --model llama3-70b --tp 8
expect_out "^profile ideal \(ideal: no calibrated profile for 'mi300x'" \
	"and says so"
expect_exit 0 "mi300x evaluates llama3-70b at tp 8 with a profile" -- \
	$RL eval --chip mi300x --model llama3-70b --tp 8 --profile trtllm-1.0
expect_exit 2 "no FP4 on CDNA3" -- \
	$RL eval --chip mi300x --model llama3.1-8b --precision fp4 --tp 1 --profile ideal
expect_err "no fp4 matrix peak" "for want of an FP4 peak"

j() { # CHIP KEY-PATH: a number of eval's JSON, Llama-3.1 8B FP8 128/4096, batch 1
	$RL eval --chip "$1" --model llama3.1-8b --precision fp8 --isl 128 \
		--osl 4096 --tp 1 --batch 1 --profile ideal --json |
		python3 -c "import json,sys; d=json.load(sys.stdin); print(d$2)"
}

# At batch 1 a decode step of an 8B model reads its weights and a little KV
# and does 2 x 8e9 FLOP: 8 GB / 3.35 TB/s = 2.4 ms against 16 GFLOP / 1979
# TFLOPS = 8 us on the H100, so the step is memory-bound on every chip and
# its time goes as 1 / bandwidth: H100 / MI300X = 5.3 / 3.35 = 1.58209,
# H100 / MI325X = 6.0 / 3.35 = 1.79104.
h=$(j h100-sxm "['decode']['iteration_s']")
for cb in mi300x:5.3 mi325x:6.0; do
	c=${cb%%:*}; bw=${cb#*:}
	x=$(j $c "['decode']['iteration_s']")
	expect_exit 0 "$c: batch-1 decode step is the H100's x 3.35 / $bw" -- \
		python3 -c "r = $h / $x; w = $bw / 3.35; assert abs(r / w - 1) < 1e-3, (r, w)"
done

# KV room with the whole memory free beside the same weights: MI325X's
# exceeds MI300X's by the capacity difference, 256 - 192 = 64 GiB =
# 274.9e9 - 206.2e9 = 68.7e9 bytes (the presets' binary GB)
a=$(j mi300x "['memory']['kv_capacity_bytes']")
b=$(j mi325x "['memory']['kv_capacity_bytes']")
expect_exit 0 "mi325x holds 68.7e9 bytes more KV than mi300x" -- \
	python3 -c "d = $b - $a; assert abs(d - 68.7e9) < 1e6, d"

# Infinity Fabric: 7 links of 64 GB/s a direction, one to each other GPU of
# the node (topology mesh, link_gbps 448).  A tp 2 pair inside the 8-GPU
# node has one link (64 GB/s), a 2-GPU system the whole 448: the pair's
# all-reduces cost it more time in the node (Llama-3.1 70B FP8 prefill)
p() { # CHIPS: prefill iteration time, tp 2
	$RL eval --chip mi300x --model llama3.1-70b --precision fp8 --isl 128 \
		--osl 2048 --tp 2 --chips "$1" --batch 64 --profile ideal --json |
		python3 -c "import json,sys; print(json.load(sys.stdin)['prefill']['communication_s'])"
}
c2=$(p 2); c8=$(p 8)
expect_exit 0 "a pair in an 8-GPU node waits on its one link, a 2-GPU system not" -- \
	python3 -c "assert $c8 > $c2 >= 0, ($c8, $c2)"

finish
