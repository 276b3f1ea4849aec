#!/bin/sh
# cli_breakdown.sh: eval's per-component time of each phase (GEMM,
# attention, elementwise, exposed communication, overheads), in the table and
# the JSON: the parts add up to the iteration time; one part derived by hand.
. "$(dirname "$0")/clilib.sh"

# jget GROUP KEY FILE: a number of eval's pretty-printed JSON
jget() {
	awk -v g="\"$1\": {" -v k="\"$2\":" '
		index($0, g) { in_g = 1; next }
		in_g && /^  }/ { in_g = 0 }
		in_g && index($0, k) { v = $2; sub(/,$/, "", v); print v; exit }' "$3"
}
parts="gemm_s attention_s elementwise_s communication_s overhead_s"

E="$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 --profile trtllm-0.10"
expect_exit 0 "eval --json with the breakdown" -- $E --json
cp "$tmpd/out" "$tmpd/70b.json"
for ph in prefill decode; do
	tot=$(jget $ph iteration_s "$tmpd/70b.json")
	sum=0
	missing=""
	for p in $parts; do
		v=$(jget $ph $p "$tmpd/70b.json")
		[ -n "$v" ] || missing="$missing $p"
		sum=$(awk -v a="$sum" -v b="${v:-0}" 'BEGIN { printf "%.17g", a + b }')
	done
	if [ -z "$missing" ] && awk -v s="$sum" -v t="$tot" 'BEGIN { exit !(t > 0 && (s - t) ^ 2 <= (1e-9 * t) ^ 2) }'; then
		echo "ok - $ph: the five parts add up to the iteration ($tot s)"
	else
		echo "not ok - $ph: parts [$missing missing] sum to $sum, iteration $tot"
		fails=$((fails + 1))
	fi
done
# TensorRT-LLM 0.10 hides no all-reduce (comm_overlap 0): TP8 communication
# is all exposed and not zero
c=$(jget decode communication_s "$tmpd/70b.json")
awk -v c="$c" 'BEGIN { exit !(c > 0) }' && echo "ok - TP8 decode has exposed communication" ||
	{ echo "not ok - TP8 decode communication_s = $c"; fails=$((fails + 1)); }

# profile.host_overlap h runs that share of the host time under the GPU's
# work (engine.c: time = gpu + over - h min(over, gpu)), so the exposed
# overhead is over0 - h min(over0, gpu0), gpu0 the other four parts (which
# h does not change), and the five parts still add up to the iteration
for ph in prefill decode; do
	over0=$(jget $ph overhead_s "$tmpd/70b.json")
	gpu0=0
	for p in gemm_s attention_s elementwise_s communication_s; do
		gpu0=$(awk -v a="$gpu0" -v b="$(jget $ph $p "$tmpd/70b.json")" 'BEGIN { printf "%.17g", a + b }')
	done
	for h in 0.5 1; do
		$E --set profile.host_overlap=$h --json >"$tmpd/h.json" 2>/dev/null
		o=$(jget $ph overhead_s "$tmpd/h.json")
		t=$(jget $ph iteration_s "$tmpd/h.json")
		if awk -v o="$o" -v t="$t" -v o0="$over0" -v g="$gpu0" -v h="$h" 'BEGIN {
			m = o0 < g ? o0 : g; want = o0 - h * m
			exit !(o0 > 0 && (o - want) ^ 2 <= (1e-9 * t) ^ 2 &&
			       (g + o - t) ^ 2 <= (1e-9 * t) ^ 2) }'; then
			echo "ok - $ph, host_overlap $h: exposed overhead $o s, parts add up"
		else
			echo "not ok - $ph, host_overlap $h: overhead $o (from $over0, gpu $gpu0), iteration $t"
			fails=$((fails + 1))
		fi
	done
done

expect_exit 0 "the table has the breakdown" -- $E
for p in gemm_s attention_s elementwise_s communication_s overhead_s; do
	n=$(grep -c "^  $p  " "$tmpd/out")
	[ "$n" = 2 ] && echo "ok - table: $p in prefill and decode" ||
		{ echo "not ok - table: $p appears $n times"; fails=$((fails + 1)); }
done

# By hand: Llama-3 8B in FP16 on one H100 (3.35 TB/s), one stream, ideal
# profile.  A decode step reads every weight but the input embedding once:
# (8,030,261,248 - 128,256 x 4,096) x 2 bytes / 3.35e12 B/s = 4.4806 ms
# (parameter count: the model's config.json; bandwidth: data/chips/h100-sxm.ini).
# One chip: no all-reduce; the ideal profile has no overhead.
expect_exit 0 "one H100, one stream" -- $RL eval --chip h100-sxm --model llama3-8b --precision fp16 --tp 1 --batch 1 --isl 128 --osl 128 --profile ideal --json
g=$(jget decode gemm_s "$tmpd/out")
awk -v g="$g" 'BEGIN { e = 0.0044806; exit !(g > e * 0.995 && g < e * 1.01) }' &&
	echo "ok - decode GEMM time is the weight read by hand ($g s, 4.4806 ms)" ||
	{ echo "not ok - decode gemm_s $g, by hand 4.4806 ms"; fails=$((fails + 1)); }
c=$(jget decode communication_s "$tmpd/out")
o=$(jget decode overhead_s "$tmpd/out")
[ "$c" = 0 ] && [ "$o" = 0 ] && echo "ok - one chip: no communication; ideal: no overhead" ||
	{ echo "not ok - communication $c, overhead $o"; fails=$((fails + 1)); }
finish
