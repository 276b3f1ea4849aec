#!/bin/sh
# cli_pairs.sh: scripts/matched-pairs.py pairs an FP8 row at tp t with the
# 16-bit row at tp 2t of the same model and shape (the same weight and KV
# bytes per GPU) and prints measured FP8 / 16-bit.  On a made-up table the
# ratios and their median are worked out by hand; on the shipped table one
# pair's measured ratio comes from the csv's two values and its model ratio
# from two rooflab eval runs made here (not copied from the script).
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
py=$root/scripts/matched-pairs.py
have python3 "matched-pairs.py" || finish

csvf=$tmpd/rows.csv
{
	echo "id,software,version,chip,gpus,model,precision,isl,osl,tp,pp,batch_or_concurrency,request_rate,metric,value,notes"
	echo "a1,TensorRT-LLM,9.0,h100-sxm,8,llama3-70b,fp16,128,2048,8,1,max-load offline; num_requests=3000,,tokens_per_s,1000,"
	echo "a2,TensorRT-LLM,9.0,h100-sxm,4,llama3-70b,fp8,128,2048,4,1,max-load offline; num_requests=3000,,tokens_per_s,1300,"
	echo "b1,TensorRT-LLM,9.0,h100-sxm,8,llama3-70b,bf16,2048,128,8,1,max-load offline; num_requests=3000,,tokens_per_s,500,"
	echo "b2,TensorRT-LLM,9.0,h100-sxm,4,llama3-70b,fp8,2048,128,4,1,max-load offline; num_requests=3000,,tokens_per_s,400,"
	# no partner: FP8 at tp 8 (16-bit tp 16 absent), a rate row, pp 2
	echo "c1,TensorRT-LLM,9.0,h100-sxm,8,llama3-70b,fp8,500,2000,8,1,max-load offline; num_requests=3000,,tokens_per_s,900,"
	echo "d1,TensorRT-LLM,9.0,h100-sxm,8,llama3-70b,fp16,500,2000,8,1,online,2,tokens_per_s,700,"
	echo "d2,TensorRT-LLM,9.0,h100-sxm,4,llama3-70b,fp8,500,2000,4,1,online,2,tokens_per_s,800,"
	echo "e1,TensorRT-LLM,9.0,h100-sxm,8,llama3-70b,fp16,1000,1000,4,2,max-load offline; num_requests=3000,,tokens_per_s,700,"
	echo "e2,TensorRT-LLM,9.0,h100-sxm,4,llama3-70b,fp8,1000,1000,4,1,max-load offline; num_requests=3000,,tokens_per_s,800,"
} > "$csvf"
expect_exit 0 "a made-up table" -- python3 "$py" --version 9.0 --measurements "$csvf"
# 1300 / 1000 = 1.300, 400 / 500 = 0.800, median of the two 1.050
expect_out '^llama3-70b +4/8 +128/2048 +1000\.0 +1300\.0 +1\.300$' "1300 over 1000"
expect_out '^llama3-70b +4/8 +2048/128 +500\.0 +400\.0 +0\.800$' "bf16 counts as 16-bit: 400 over 500"
expect_out '^  llama3-70b +tp 4/8  measured 1\.050  \(2 pairs\)$' "the median of 1.3 and 0.8"
n=$(grep -c '^llama3-70b ' "$tmpd/out")
[ "$n" -eq 2 ] && echo "ok - only the two pairs (no rate, pp 2 or lone row)" ||
	{ echo "not ok - $n pair lines, expected 2"; fails=$((fails + 1)); }

expect_exit 2 "a version without pairs: exit 2" -- python3 "$py" --version 9.9 --measurements "$csvf"
expect_err 'no FP8 tp t / 16-bit tp 2t pair among version 9\.9' "the message names the version"
expect_exit 2 "--set without --profile: exit 2" -- python3 "$py" --version 9.0 \
	--measurements "$csvf" --set profile.kv_fraction=0.9
expect_err 'needs --profile' "the message says why"
expect_exit 2 "a malformed --set: exit 2" -- python3 "$py" --version 9.0 \
	--measurements "$csvf" --profile trtllm-0.15 --set 'kv fraction'
expect_exit 2 "an unreadable table: exit 2" -- python3 "$py" --version 9.0 \
	--measurements "$tmpd/none.csv"
expect_err 'cannot read' "the message names the file"

# published-h100.csv trtllm-v0.15.0-0229 (Llama-3.1 70B FP8 tp 4, 128/2048,
# 3000 requests) 11063.97 and -0275 (16-bit tp 8) 10252.11: 1.079
expect_exit 0 "0.15's Llama-3.1 70B pairs with the model" -- python3 "$py" \
	--version 0.15.0 --model llama3.1-70b --profile trtllm-0.15
line=$(grep -E '^llama3\.1-70b +4/8 +128/2048 ' "$tmpd/out")
echo "$line" | grep -Eq ' 10252\.1 +11064\.0 +1\.079 ' &&
	echo "ok - the measured pair 11063.97 / 10252.11" ||
	{ echo "not ok - measured pair line: $line"; fails=$((fails + 1)); }
tps() { # output tokens/s of Llama-3.1 70B 128/2048 at precision $1, tp $2
	"$RL" eval --chip h100-sxm --model llama3.1-70b --precision "$1" --isl 128 \
		--osl 2048 --tp "$2" --profile trtllm-0.15 --requests 3000 |
		awk '/^  output_tokens_per_s /{print $2}'
}
want=$(awk -v a="$(tps fp8 4)" -v b="$(tps fp16 8)" 'BEGIN{printf "%.3f", a / b}')
got=$(echo "$line" | awk '{print $7}')
[ "$got" = "$want" ] && echo "ok - the model's ratio is eval's fp8 tp 4 over fp16 tp 8 ($want)" ||
	{ echo "not ok - model ratio $got, eval gives $want"; fails=$((fails + 1)); }
finish
