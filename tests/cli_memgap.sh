#!/bin/sh
# cli_memgap.sh: scripts/memory-gap.py bisects the runtime reservation at
# which the model meets a measured row: the measured value it prints comes
# from the csv (worked out here by hand), and rooflab eval at the printed
# reservation gives at least the measured throughput while 0.02 GB more
# gives less (the printed value is rounded down to 0.01 GB) (the crossing is checked by the engine, not copied from the
# script's output); with --concurrency, the sequences in flight at which
# it meets the row, checked the same way.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
py=$root/scripts/memory-gap.py
have python3 "memory-gap.py" || finish

# published-h100.csv trtllm-v0.13.0-0557: TensorRT-LLM 0.13.0, Llama-3 70B,
# FP8, tp 1, 2048/2048, 1500 requests, 162.10 output tokens/s
expect_exit 0 "one 0.13 row against trtllm-0.15" -- python3 "$py" \
	--profile trtllm-0.15 --version 0.13.0 --model llama3-70b --precision fp8 \
	--tp 1 --shape 2048/2048 --set profile.kv_fraction=0.99
expect_out '^trtllm-v0\.13\.0-0557 +llama3-70b +fp8 +1 +2048/2048 +162\.1 +[0-9.]+ +[0-9]+\.[0-9]{2}$' \
	"the row with its measured value"
expect_out '^  llama3-70b +fp8 +tp 1 +[0-9.]+ GB \([0-9.]+-[0-9.]+, 1 rows\)$' "its median line"
gb=$(awk '/^trtllm-v0\.13\.0-0557 /{print $NF}' "$tmpd/out")
tps() { # output tokens/s at runtime_reserved_gb $1
	"$RL" eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 \
		--osl 2048 --tp 1 --profile trtllm-0.15 --requests 1500 \
		--set profile.kv_fraction=0.99 --set profile.runtime_reserved_gb="$1" |
		awk '/^  output_tokens_per_s /{print $2}'
}
at=$(tps "$gb")
above=$(tps "$(awk -v g="$gb" 'BEGIN{print g + 0.02}')")
awk -v a="$at" -v b="$above" 'BEGIN{exit !(a >= 162.1 && b < 162.1)}' &&
	echo "ok - eval crosses 162.1 tokens/s at ${gb} GB (${at} there, ${above} at +0.02 GB)" ||
	{ echo "not ok - eval gives ${at} at ${gb} GB and ${above} at +0.02 GB around 162.1"; fails=$((fails + 1)); }

# --concurrency: trtllm-v0.13.0-0460, Llama-3 70B 16-bit tp 8, 128/2048,
# 3000 requests, 6875.97 output tokens/s: the printed N sequences give at
# least that with eval --batch N and N - 1 give less; its KV tokens are
# N x (128 + 2048), worked out here
expect_exit 0 "--concurrency on one 0.13 row" -- python3 "$py" --concurrency \
	--profile trtllm-0.15 --version 0.13.0 --model llama3-70b --precision fp16 \
	--tp 8 --shape 128/2048 --set profile.kv_fraction=0.99
expect_out '^trtllm-v0\.13\.0-0460 +llama3-70b +fp16 +8 +128/2048 +6876\.0 +[0-9]+ +[0-9]+ \(0\.[0-9]{2}, [0-9]+ k\)$' \
	"the row with its measured value, sequences, share and tokens"
n=$(awk '/^trtllm-v0\.13\.0-0460 /{print $(NF-3)}' "$tmpd/out")
k=$(awk '/^trtllm-v0\.13\.0-0460 /{gsub(/\(|,/, "", $(NF-2)); print $(NF-1)}' "$tmpd/out")
awk -v n="$n" -v k="$k" 'BEGIN{exit !(k == sprintf("%.0f", n * 2176 / 1000))}' &&
	echo "ok - ${n} sequences hold ${k} k KV tokens (x 2176)" ||
	{ echo "not ok - ${n} sequences printed with ${k} k tokens, not n x 2176"; fails=$((fails + 1)); }
tpsb() { # output tokens/s at --batch $1
	"$RL" eval --chip h100-sxm --model llama3-70b --precision fp16 --isl 128 \
		--osl 2048 --tp 8 --profile trtllm-0.15 --requests 3000 \
		--set profile.kv_fraction=0.99 --batch "$1" |
		awk '/^  output_tokens_per_s /{print $2}'
}
at=$(tpsb "$n")
below=$(tpsb $((n - 1)))
awk -v a="$at" -v b="$below" 'BEGIN{exit !(a >= 6875.97 && b < 6875.97)}' &&
	echo "ok - eval crosses 6875.97 tokens/s at ${n} sequences (${at} there, ${below} at one fewer)" ||
	{ echo "not ok - eval gives ${at} at ${n} sequences and ${below} at one fewer around 6875.97"; fails=$((fails + 1)); }

# a 0.11 row's notes give its build: trtllm-v0.11.0-0162 (Llama-3 70B FP8
# tp 8, 128/2048, 3000 requests, 10887.34 tokens/s) says max_num_tokens=16384,
# max_batch_size=8192; the predicted column is eval's with those two, not
# with the profile's own 2048 / 2048
expect_exit 0 "a 0.11 row with its notes' build settings" -- python3 "$py" \
	--profile trtllm-0.11 --version 0.11.0 --model llama3-70b --tp 8 --shape 128/2048
pred=$(awk '/^trtllm-v0\.11\.0-0162 /{print $7}' "$tmpd/out")
tps11() {
	"$RL" eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 128 \
		--osl 2048 --tp 8 --profile trtllm-0.11 --requests 3000 "$@" |
		awk '/^  output_tokens_per_s /{printf "%.1f", $2}'
}
with=$(tps11 --set profile.max_num_tokens=16384 --set profile.max_batch_size=8192)
without=$(tps11)
[ "$pred" = "$with" ] && [ "$pred" != "$without" ] &&
	echo "ok - predicted ${pred}: eval with the notes' 16384 / 8192 (${without} without)" ||
	{ echo "not ok - predicted ${pred}, eval ${with} with the notes' settings, ${without} without"; fails=$((fails + 1)); }

expect_exit 2 "a version without rows: exit 2" -- python3 "$py" --profile trtllm-0.15 --version 9.9.9
expect_err 'no maximum-load H100 rows of version 9\.9\.9' "the message names the version"
expect_exit 2 "the reservation itself may not be set" -- python3 "$py" --profile trtllm-0.15 \
	--version 0.13.0 --set profile.runtime_reserved_gb=3
expect_err 'what this bisects' "the message says why"
expect_exit 2 "a malformed --shape: exit 2" -- python3 "$py" --profile trtllm-0.15 \
	--version 0.13.0 --shape 2048x2048
expect_exit 2 "an unknown profile: exit 2" -- python3 "$py" --profile no-such-profile \
	--version 0.13.0 --model llama3-70b --tp 1 --shape 2048/2048
finish
