#!/bin/sh
# cli_load.sh: serving under load on the command line: eval --rate,
# --requests and the latency targets (regimes, the best under targets, an
# unmeetable target reported, bad input exiting 2 with the allowed range).
. "$(dirname "$0")/clilib.sh"
# checks here read eval's JSON with python3: without it the file says so
# and stops
have python3 "cli_load.sh: eval's JSON read back" || finish

E="$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 --profile trtllm-0.10"

expect_exit 0 "eval --rate" -- $E --rate 2
expect_out "under load: below capacity" "a low rate is below capacity"
expect_out "ttft_p99_s" "table has the TTFT p99"
# the wait's row names the queue every request passes, admission (load.c
# since 2026-11-30: rho = N / N_max whatever caps the batch), where it
# said "slot", the queue of a batch-size or KV-bound chip alone
expect_out "and the wait \\(iteration, admission, budget\\), mean" "the wait's row names admission"
expect_exit 0 "eval --rate --json" -- $E --rate 2 --json
# below capacity every request offered completes: 2 requests/s x 128
# output tokens = 256 tokens/s, over 8 chips 32 each
for k in '"load"' '"regime": "steady"' '"ttft_mean_s"' '"ttft_p50_s"' \
	'"ttft_p90_s"' '"ttft_p99_s"' '"tpot_s"' '"tpot_p50_s"' '"tpot_p90_s"' \
	'"tpot_p99_s"' '"e2e_s"' '"utilization"' \
	'"concurrency"' '"requests_per_s": 2,' '"output_tokens_per_s": 256,' \
	'"output_tokens_per_s_per_chip": 32,'; do
	expect_out "$k" "load json has $k"
done
expect_exit 0 "an endless stream past capacity" -- $E --rate 1000 --json
expect_out '"regime": "saturated"' "saturated is said"
expect_out '"ttft_mean_s": null' "saturated TTFT is unbounded (null)"
expect_out '"queue_growth_requests_per_s"' "saturated: queue growth"
# conservation: the queue grows by what is offered less what is served,
# 1000 requests/s less the capacity, and what is served is the capacity:
# the steady state's requests/s of the same setup with no --rate (the
# engine's figure, the same in its 10 digits), where it was held to (0, 1000)
$E --json >"$tmpd/steady.json" 2>/dev/null
if python3 -c "
import json
l = json.load(open('$tmpd/out'))['load']
cap = l['capacity_requests_per_s']
st = json.load(open('$tmpd/steady.json'))['throughput']['requests_per_s']
assert 0 < cap == st and l['requests_per_s'] == cap, (l, st)
assert abs(l['queue_growth_requests_per_s'] - (1000 - cap)) < 1e-9 * 1000, l
" 2>"$tmpd/err"; then
	echo "ok - saturated: the queue grows by 1000 requests/s less the capacity"
else
	echo "not ok - saturated: queue growth is not offered less served"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "saturated table" -- $E --rate 1000
expect_out "SATURATED" "saturated table says so"
expect_out "unbounded" "saturated table: unbounded TTFT"
expect_exit 0 "a burst" -- $E --rate inf --requests 100 --json
expect_out '"regime": "burst"' "burst regime"
expect_out '"duration_s"' "burst has a duration"
# conservation: the burst's 100 requests complete in its duration at its
# mean rate (requests_per_s = 100 / duration_s, 128 output tokens each),
# never faster than the capacity at maximum load
if python3 -c "
import json
l = json.load(open('$tmpd/out'))['load']
assert abs(l['requests_per_s'] * l['duration_s'] / 100 - 1) < 1e-8, l
assert abs(l['output_tokens_per_s'] / (128 * l['requests_per_s']) - 1) < 1e-8, l
assert l['requests_per_s'] <= l['capacity_requests_per_s'], l
" 2>"$tmpd/err"; then
	echo "ok - burst: 100 requests in duration_s at requests_per_s, under the capacity"
else
	echo "not ok - burst: duration and rate do not hold 100 requests"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "a finite run past capacity" -- $E --rate 50 --requests 100 --json
expect_out '"regime": "overload"' "overload regime"

# targets
expect_exit 0 "best under targets" -- $E --ttft-p99-max 2 --tpot-max 0.2 --json
expect_out '"best_under_targets"' "json names the search"
expect_out '"met": true' "the MLPerf-like targets are met"
# the best rate under the targets is the highest that meets them: each
# target's value within its bound and the load's own figure, one of them
# (limited_by targets) reached, and the rate below the capacity
if python3 -c "
import json
b = json.load(open('$tmpd/out'))['best_under_targets']
l = b['load']
assert b['limited_by'] == 'targets', b['limited_by']
key = {('ttft', 99): 'ttft_p99_s', ('tpot', 'mean'): 'tpot_s'}
for t in b['targets']:
    assert t['met'] and t['value_s'] <= t['max_s'], t
    assert t['value_s'] == l[key[(t['metric'], t['percentile'])]], t
assert max(t['value_s'] / t['max_s'] for t in b['targets']) > 1 - 1e-5, b['targets']
assert 0 < l['offered_requests_per_s'] < l['capacity_requests_per_s'], l
" 2>"$tmpd/err"; then
	echo "ok - best under targets: each target within its bound, one reached, below capacity"
else
	echo "not ok - best under targets: the figures do not bear it out"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# a request's TPOT spreads around the mean (prompts arriving while it
# decodes), so a 99th-percentile target admits a lower rate than the same
# bound on the mean
rps() { sed -n '/best_under_targets/,$ s/.*"offered_requests_per_s": \([0-9.e+-]*\).*/\1/p' "$tmpd/out"; }
expect_exit 0 "tpot mean target" -- $E --tpot-max 0.04 --json
r_mean=$(rps)
expect_exit 0 "tpot p99 target" -- $E --tpot-p99-max 0.04 --json
r_p99=$(rps)
expect_out '"percentile": 99' "the p99 target is named"
if awk -v a="$r_p99" -v b="$r_mean" 'BEGIN { exit !(a > 0 && a < b) }'; then
	echo "ok - tpot p99 target admits a lower rate ($r_p99 < $r_mean)"
else
	echo "not ok - tpot p99 target rate $r_p99 not below the mean's $r_mean"
	fails=$((fails + 1))
fi
expect_exit 0 "an unmeetable target is not an error" -- $E --ttft-max 0.001
expect_out "NONE: no concurrency meets ttft mean <= 1" "unmeetable reported"
# and by how much: the latency without load over the target.  By hand a
# 2048-token prompt of Llama-3 70B is 2048 x 139.0 GFLOP = 284.7 TFLOP,
# 35.6 TFLOP per chip at TP8, at least 18.0 ms at the H100's 1979 FP8
# TFLOPS: at least 18x a 1 ms target, and the ratio is the two figures'
un=$(sed -n 's/.*without any load it is already \([0-9.]*\) ms, \([0-9.e+]*\)x the target$/\1 \2/p' "$tmpd/out")
if [ -n "$un" ] && awk -v u="${un% *}" -v x="${un#* }" 'BEGIN { exit !(u >= 18 && x >= 18 && x >= u * 0.995 && x <= u * 1.005) }'; then
	echo "ok - unmeetable: by how much, the latency without load over the target ($un)"
else
	echo "not ok - unmeetable: by how much ('$un')"; fails=$((fails + 1))
fi
# (review48) a target just under the latency without load: the figure of
# that latency reads over the target's, and the ratio over 1, where both
# rounded onto it ('<= 91.9 ms; ... already 91.9 ms, 1.00x the target';
# 8B on the H100 at 32.31 ms alike).  The target: the JSON's unloaded TTFT
# less a hundred-thousandth of it, inside the last shown digit of both
expect_exit 0 "unloaded TTFT in json" -- $E --ttft-max 0.001 --json
u=$(sed -n 's/.*"unloaded_s": \([0-9.e+-]*\).*/\1/p' "$tmpd/out" | head -n 1)
t=$(awk -v u="$u" 'BEGIN { printf "%.10g", u * (1 - 1e-5) }')
expect_exit 0 "a target just under the unloaded TTFT" -- $E --ttft-max "$t"
abx=$(sed -n 's/.*no concurrency meets ttft mean <= \([0-9.]*\) ms; without any load it is already \([0-9.]*\) ms, \([0-9.e+]*\)x the target$/\1 \2 \3/p' "$tmpd/out")
if [ -n "$abx" ] && echo "$abx" | awk '{ exit !($2 > $1 && $3 > 1) }'; then
	echo "ok - just over its target, the unloaded TTFT reads over it ($abx)"
else
	echo "not ok - just over its target, the unloaded TTFT reads on it ('$abx', target $t s)"
	fails=$((fails + 1))
fi
# (small62) ... by the targets table's rule (value_beside: more decimals
# where the figure read on the target), not a last digit moved (it read
# 1.01x of a latency 1.00001x its target): each figure, read back, within
# half a unit of its last shown digit of its value (the JSON's unloaded
# TTFT in ms; over the target, u / t, by hand 1 / (1 - 1e-5) = 1.00001)
if [ -n "$abx" ] && echo "$abx" | awk -v u="$u" -v t="$t" '
	function half(s,  d) { d = index(s, ".") ? length(s) - index(s, ".") : 0; return 0.5 * 10 ^ -d }
	function near(s, v) { return s - v <= half(s) && v - s <= half(s) }
	{ exit !(near($2, u * 1e3) && near($3, u / t)) }'; then
	echo "ok - the NONE line's figures by the table's rule, nearest within their digits ($abx)"
else
	echo "not ok - the NONE line's figures not nearest within their digits ('$abx', unloaded $u s, target $t s)"
	fails=$((fails + 1))
fi
# the target as given, one figure in both lines: 0.03231 s is 32.31 ms
# (the decimal moved three places, by hand) in the NONE line and in the
# targets table under it, where the table rounded it to 32.3 ms
E8="$RL eval --chip h100-sxm --model llama3-8b --precision fp8 --isl 2048 --osl 128 --tp 1 --profile trtllm-0.10"
expect_exit 0 "a target of 0.03231 s, under the unloaded TTFT" -- $E8 --ttft-max 0.03231
expect_out "no concurrency meets ttft mean <= 32\.31 ms;" "the NONE line: the target in all its digits"
expect_out "target <= 32\.31 ms$" "the targets table: the same 32.31 ms"
expect_no_out "target <= 32\.3 ms" "the targets table: not rounded to 32.3 ms"
expect_exit 0 "unmeetable json" -- $E --ttft-p99-max 0.001 --json
expect_out '"met": false' "unmeetable json met false"
expect_out '"unloaded_s"' "unmeetable json gives the unloaded value"
expect_exit 0 "targets at a rate" -- $E --rate 2 --tpot-max 0.001
expect_out "MISSED" "a missed target at a rate"
# (small60) the targets table's value on the side of its target the verdict
# says: a value its three significant digits round onto the other side read
# "4.24 ms   target <= 4.2415 ms: MISSED".  The target: midway between the
# value (the JSON's value_s, in ms) and its three digits (%.3g, eval's
# figure under 100), so that the figure and the value lie either side of
# it; the line's value, read back, must lie above the target where it says
# MISSED and at or under it where it says met (tpot and ttft means at a rate
# of 2, one rounding down, one up, whichever each is)
E8r="$RL eval --chip h100-sxm --model llama3-8b --precision fp8 --isl 2048 --osl 128 --tp 1 --profile trtllm-0.10 --rate 2"
for m in tpot ttft; do
	expect_exit 0 "$m at a rate of 2, json" -- $E8r --$m-max 1 --json
	v=$(sed -n 's/.*"value_s": \([0-9.e+-]*\).*/\1/p' "$tmpd/out" | head -n 1)
	t=$(awk -v v="$v" 'BEGIN { f = sprintf("%.3g", v * 1e3) + 0; printf "%.8g", (f + v * 1e3) / 2e3 }')
	expect_exit 0 "$m at a rate of 2, a target between its value and its figure" -- $E8r --$m-max "$t"
	line=$(grep "^  $m mean .*target <= " "$tmpd/out")
	if echo "$line" | awk '{ v = $3; t = $7; missed = $0 ~ /: MISSED$/; met = $0 ~ /: met$/
		exit !((missed && v + 0 > t + 0) || (met && v + 0 <= t + 0)) }'; then
		echo "ok - $m: the value reads on the target's side the verdict says ($line)"
	else
		echo "not ok - $m: the value reads on the other side ('$line', value $v s, target $t s)"
		fails=$((fails + 1))
	fi
done

# the best under the targets in the table's figures, no exponent form
# (Mixtral 8x7B on 8 H100 served 1.009e+04 output tokens/s under these)
expect_exit 0 "best under targets over 10,000 tokens/s" -- $RL eval --chip h100-sxm --model mixtral-8x7b --precision fp8 --isl 2048 --osl 128 --tp 1 --ep 8 --chips 8 --profile trtllm-0.10 --ttft-max 0.5 --tpot-max 0.03
expect_out "^best under the targets: [0-9]+\.[0-9] requests/s, [0-9]{5}\.[0-9] output tokens/s \([0-9]+\.[0-9] per chip\) at a concurrency of [0-9.]+ per replica$" "best under targets: plain figures"
expect_no_out "^best under the targets: .*e\+" "best under targets: no exponent form"

# map: the best mapping under the targets
M="$RL map --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --chips 8 --profile trtllm-0.10"
expect_exit 0 "map under targets" -- $M --ttft-p99-max 2 --tpot-max 0.05 --json
expect_out '"under_targets"' "map json has under_targets"
expect_out '"met": true' "map: some mapping meets them"
expect_exit 0 "map under targets, table" -- $M --ttft-p99-max 2
expect_out "the best mapping is TP[0-9]+ x PP[0-9]+" "map names the best mapping"
expect_exit 0 "map, unmeetable" -- $M --ttft-p99-max 0.001
expect_out "no mapping meets them" "map: unmeetable reported"
expect_exit 2 "map refuses --rate" -- $M --rate 3
expect_exit 2 "map percentile out of range" -- $M --tpot-p100-max 1

# more of a chip's resource never serves less under the same targets: the
# user's walk (ux15) found Mixtral 8x7B at 8000 in / 500 out on 8 H200
# (TP1 x EP4) at 3,959 output tokens/s under a 0.5 s TTFT and 50 ms TPOT
# against the H100's 6,083, the H200 having the H100's compute and more of
# every memory resource.  The H100 with its HBM raised to the H200's 141 GB,
# or its bandwidth to 4.8 TB/s (--set), is such a chip too.
X="$RL eval --model mixtral-8x7b --precision fp8 --chips 8 --isl 8000 --osl 500 --tp 1 --ep 4 --ttft-max 0.5 --tpot-max 0.05 --json"
best_tps() { sed -n '/best_under_targets/,$ s/.*"output_tokens_per_s": \([0-9.e+-]*\).*/\1/p' "$tmpd/out" | head -1; }
expect_exit 0 "targets: h100" -- $X --chip h100-sxm
t_h100=$(best_tps)
for v in "--chip h200-sxm" "--chip h100-sxm --set chip.hbm_gb=141" \
	"--chip h100-sxm --set chip.hbm_tbps=4.8"; do
	# shellcheck disable=SC2086
	expect_exit 0 "targets: $v" -- $X $v
	t=$(best_tps)
	if awk -v a="$t" -v b="$t_h100" 'BEGIN { exit !(a > 0 && b > 0 && a >= b * (1 - 1e-6)) }'; then
		echo "ok - $v serves no less under the targets ($t >= $t_h100)"
	else
		echo "not ok - $v serves $t under the targets, below the H100's $t_h100"
		fails=$((fails + 1))
	fi
done
# and at a fixed rate (6 requests/s, below either capacity) its mean TTFT
# is no longer
ttft_of() { sed -n '/"load"/,$ s/.*"ttft_mean_s": \([0-9.e+-]*\).*/\1/p' "$tmpd/out" | head -1; }
R="$RL eval --model mixtral-8x7b --precision fp8 --chips 8 --isl 8000 --osl 500 --tp 1 --ep 4 --rate 6 --json"
expect_exit 0 "rate 6: h100" -- $R --chip h100-sxm
f_h100=$(ttft_of)
for v in "--chip h200-sxm" "--chip h100-sxm --set chip.hbm_gb=141" \
	"--chip h100-sxm --set chip.hbm_tbps=4.8"; do
	# shellcheck disable=SC2086
	expect_exit 0 "rate 6: $v" -- $R $v
	f=$(ttft_of)
	if awk -v a="$f" -v b="$f_h100" 'BEGIN { exit !(a > 0 && b > 0 && a <= b * (1 + 1e-6)) }'; then
		echo "ok - $v: mean TTFT at 6 requests/s no longer ($f <= $f_h100)"
	else
		echo "not ok - $v: mean TTFT at 6 requests/s $f, longer than the H100's $f_h100"
		fails=$((fails + 1))
	fi
done

# bad input: exit 2 with the allowed range
expect_exit 2 "rate 0" -- $E --rate 0
expect_err "> 0, or inf" "rate 0 says the range"
expect_exit 2 "negative rate" -- $E --rate -1
expect_exit 2 "rate not a number" -- $E --rate fast
expect_exit 2 "burst without requests" -- $E --rate inf
expect_err "needs --requests" "burst needs --requests"
expect_exit 0 "requests without rate: a run at maximum load" -- $E --requests 10
# trtllm-0.10 sets burst_waves false (its profile: max_utilization, no
# waves), so a run of 10 at maximum load is the steady state, byte for byte
cp "$tmpd/out" "$tmpd/req10.txt"
expect_exit 0 "the steady state" -- $E
cp "$tmpd/out" "$tmpd/steady.txt"
expect_exit 0 "no waves: --requests 10 gives the steady state's table" -- cmp "$tmpd/req10.txt" "$tmpd/steady.txt"
# a profile with burst_waves (trtllm-0.15) serves the run in waves of the
# whole requests admitted at once, its throughput the run's (docs/tour.md):
# 10 requests, far fewer than the sequences the steady state holds, fill
# one partial wave, so fewer tokens/s; 1000 come nearer the steady state
# and stay under it (a run has a start and an end the stream lacks)
E15="$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 --profile trtllm-0.15"
$E15 --json >"$tmpd/w0.json" 2>/dev/null
$E15 --requests 10 --json >"$tmpd/w10.json" 2>/dev/null
$E15 --requests 1000 --json >"$tmpd/w1000.json" 2>/dev/null
if python3 -c "
import json
t = [json.load(open('$tmpd/w%s.json' % n)) for n in ('10', '1000', '0')]
x = [d['throughput']['output_tokens_per_s'] for d in t]
assert t[2]['batch']['concurrency'] > 10, t[2]['batch']
assert 0 < x[0] < x[1] < x[2], x
" 2>"$tmpd/err"; then
	echo "ok - waves: 10 requests < 1000 < the steady state's tokens/s"
else
	echo "not ok - waves: tokens/s of 10, 1000 requests and the steady state"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 2 "fractional requests" -- $E --rate 1 --requests 2.5
expect_exit 2 "zero requests" -- $E --rate 1 --requests 0
expect_err "\[1, 1000000000000\]" "requests says the range"
expect_exit 2 "percentile 100" -- $E --ttft-p100-max 1
expect_err "\(0, 100\)" "percentile range said"
expect_exit 2 "percentile 0" -- $E --tpot-p0-max 1
expect_exit 2 "percentile not a number" -- $E --ttft-pxx-max 1
expect_exit 2 "target 0 s" -- $E --ttft-max 0
# a percentile of the end-to-end latency is refused: the model gives its
# mean alone, and "--e2e-p99-max 5" was checked against the mean ("e2e p99
# 5000.0 ms: met" at the rate where the mean is 5 s).  By hand the p99 of
# the end to end is at least the TTFT's p99 plus 127 decode steps, and at
# that rate (TP4 x DP2, 12.7 requests/s) the TTFT's p99 was 1.43 s against
# a mean of 0.46 s: the p99 end to end is over 5 s, not met.  The TTFT and
# TPOT percentiles stay targets.
E4="$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 4 --chips 8 --profile trtllm-0.10"
expect_exit 2 "e2e percentile refused" -- $E4 --e2e-p99-max 5
expect_err "^rooflab eval: --e2e-p99-max: the end-to-end latency has a mean only" "the refusal says why"
expect_err "give --e2e-max S \(the mean\), or --ttft-p99-max and --tpot-p99-max" "the refusal says what to give"
expect_exit 2 "map refuses it too" -- $M --e2e-p90-max 5
expect_err "--e2e-p90-max: .*--ttft-p90-max and --tpot-p90-max" "map's refusal names p90"
expect_exit 0 "the e2e mean stays a target" -- $E4 --e2e-max 5
# (small53: the mean solved to the bound is not a whole number, 5000.0 ms
# by eval's rule; the target given whole, 5000 ms, where it read 5000.0)
expect_out "^  e2e mean +5000.0 ms   target <= 5000 ms: met" "the e2e mean target is met at its bound"
expect_exit 2 "target missing" -- $E --ttft-max
# one target given twice (the same latency and percentile, however
# spelled) is refused: both were kept, "ttft p99 ... target <= 1000.0 ms:
# met" and "... <= 2000.0 ms: met" on two lines; another percentile of the
# same latency is a target of its own
expect_exit 2 "the same target twice" -- $E --ttft-p99-max 1 --tpot-max 1 --ttft-p99.0-max 2
expect_err "^rooflab eval: --ttft-p99.0-max: the ttft p99 target is given twice \(1 s, then '2'\): give it once$" "both values named"
# (small52) the first as given, in all its digits, where %g wrote 1.23457
expect_exit 2 "the same target twice, many digits" -- $E --ttft-p99-max 1.2345678 --ttft-p99.0-max 2
expect_err "^rooflab eval: --ttft-p99.0-max: the ttft p99 target is given twice \(1\.2345678 s, then '2'\): give it once$" "the first value in all its digits"
expect_exit 2 "map: the mean twice" -- $M --tpot-max 0.05 --tpot-max 0.05
expect_err "^rooflab map: --tpot-max: the tpot mean target is given twice" "map refuses it too"
expect_exit 0 "a mean and a percentile of one latency" -- $E --ttft-max 1 --ttft-p50-max 1 --ttft-p99-max 2
expect_out "^  ttft mean .* target <= 1000 ms: met$" "the mean's target kept"
expect_out "^  ttft p50 .* target <= 1000 ms: met$" "the p50's beside it"
expect_out "^  ttft p99 .* target <= 2000 ms: met$" "the p99's beside it"
# a percentile is named as given, its shortest decimal: "%g" made
# 99.9999999 "p100", a percentile the options refuse
expect_exit 0 "a percentile of 10 digits" -- $E --ttft-p99.9999999-max 5 --tpot-p0.1-max 1
expect_out "^  ttft p99\.9999999 .* target <= 5000 ms" "its name whole"
expect_out "^  tpot p0\.1 " "a small one whole"
expect_exit 2 "e2e percentile of 10 digits" -- $E --e2e-p99.9999999-max 5
expect_err "or --ttft-p99\.9999999-max and --tpot-p99\.9999999-max" "the refusal names it whole"
# a Poisson stream's wait grows like u / (1 - u) without bound at capacity
# (model/load.c: every request queues for admission), so a finite TTFT target
# puts the best load under targets below capacity: Sohu by design at TP2 x
# DP4 under etched-claim, TTFT <= 1 s and TPOT <= 50 ms, a utilization of
# 0.9x (not 1.000) whose mean TTFT is at most the target's 1000 ms
S="$RL eval --chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 2 --chips 8 --profile etched-claim"
expect_exit 0 "best under targets below capacity" -- $S --ttft-max 1 --tpot-max 0.05
expect_out "^  utilization +0\\.9[0-9][0-9] " "a utilization under 1"
expect_out "^  ttft_mean_s +([0-9]{1,3}\\.[0-9]|1000\\.0) ms" "its mean TTFT within the target"
finish
