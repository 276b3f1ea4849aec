#!/bin/sh
# cli_decodegap.sh: scripts/decode-gap.py prints, per measured row, the
# time a decode iteration would have to gain for the model to meet it:
# the measured value comes from the csv (written here by hand), and the
# error, dT, its share per sequence and per all-reduce and the --pair
# column are worked out here from rooflab eval's own JSON (not copied from
# the script's output) with the formulas of the script's header.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
py=$root/scripts/decode-gap.py
have python3 "decode-gap.py" || finish

# published-h100.csv trtllm-v0.13.0-0460: TensorRT-LLM 0.13.0, Llama-3 70B,
# 16-bit, tp 8, 128/2048, 3000 requests, 6875.97 output tokens/s; its pair
# trtllm-v0.13.0-0607: Llama-2 70B, the same, 8904.94
expect_exit 0 "one 0.13 row with its Llama-2 pair" -- python3 "$py" \
	--profile trtllm-0.13 --version 0.13.0 --model llama3-70b --precision fp16 \
	--tp 8 --shape 128/2048 --pair llama2-70b
expect_out '^llama3-70b +fp16 +8 +128/2048 +6876 ' "the row with its measured value"
expect_out '^  fp16  tp 8 +[+-][0-9.]+ \(1 rows\)$' "its median line"
line=$(grep '^llama3-70b ' "$tmpd/out")
ev() { # eval's JSON of one model at the row's settings
	"$RL" eval --chip h100-sxm --model "$1" --precision fp16 --isl 128 \
		--osl 2048 --tp 8 --profile trtllm-0.13 --requests 3000 --json
}
ev llama3-70b >"$tmpd/l3.json"
ev llama2-70b >"$tmpd/l2.json"
want=$(python3 - "$tmpd/l3.json" "$tmpd/l2.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
e = a["throughput"]["output_tokens_per_s"] / 6875.97 - 1
e2 = b["throughput"]["output_tokens_per_s"] / 8904.94 - 1
it = a["decode"]["iteration_s"]
c = a["batch"]["decode_sequences"]
dt = it * e  # 80 layers, two all-reduces a layer
print("%+.1f %.1f %.1f %.0f %.1f %+.1f" % (100 * e, dt * 1e3, dt / c * 1e6,
      dt / c / 80 * 1e9, dt / 160 * 1e6, ((1 + e) / (1 + e2) - 1) * it / c * 1e6))
PY
)
got=$(echo "$line" | awk '{print $6, $(NF-5), $(NF-4), $(NF-3), $(NF-2), $NF}')
[ -n "$want" ] && [ "$got" = "$want" ] &&
	echo "ok - error, dT, per sequence, per sequence and layer, per all-reduce and pair from eval: $got" ||
	{ echo "not ok - printed '$got', eval gives '$want'"; fails=$((fails + 1)); }

# published-h100.csv trtllm-v1.0-0083: TensorRT-LLM 1.0(main), Qwen3-235B
# FP8, tp 8 with "MoE: enable_attention_dp" in its notes, 128/2048, 3000
# requests, 19658 output tokens/s: a mixture of experts run attention data
# parallel, which validate sets up as tp 1, ep 8 (config/meassetup.c); no
# all-reduce, so no per-all-reduce column
expect_exit 0 "a 1.0 DEP8 row" -- python3 "$py" --profile trtllm-1.0 \
	--version '1.0(main)' --model qwen3-235b-a22b --shape 128/2048
"$RL" eval --chip h100-sxm --model qwen3-235b-a22b --precision fp8 --isl 128 \
	--osl 2048 --tp 1 --ep 8 --profile trtllm-1.0 --requests 3000 --json >"$tmpd/q.json"
want=$(python3 - "$tmpd/q.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
print("%+.1f %d" % (100 * (a["throughput"]["output_tokens_per_s"] / 19658 - 1),
      a["batch"]["decode_sequences"]))
PY
)
line=$(grep '^qwen3-235b-a22b ' "$tmpd/out")
got=$(echo "$line" | awk '{print $6, $7}')
[ -n "$want" ] && [ "$got" = "$want" ] && [ "$(echo "$line" | awk '{print $NF}')" = "-" ] &&
	echo "ok - the DEP8 row as tp 1, ep 8: error and sequences a rank $got, no all-reduce" ||
	{ echo "not ok - printed '$line', eval at tp 1 ep 8 gives '$want'"; fails=$((fails + 1)); }

expect_exit 2 "a version without rows: exit 2" -- python3 "$py" --profile trtllm-0.13 --version 9.9.9
expect_err 'no maximum-load H100 rows of version 9\.9\.9' "the message names the version"
expect_exit 2 "a malformed --shape: exit 2" -- python3 "$py" --profile trtllm-0.13 \
	--version 0.13.0 --shape 2048x2048
expect_exit 2 "an unknown profile: exit 2" -- python3 "$py" --profile no-such-profile \
	--version 0.13.0 --model llama3-70b --tp 8 --shape 128/2048
finish
