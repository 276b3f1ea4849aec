#!/bin/sh
# cli_eval.sh: the command-line contract of eval, params, calibrate and
# validate, and every bad input of the engine issue (exit 2, a message).
. "$(dirname "$0")/clilib.sh"
# checks here read eval's JSON with python3: without it the file says so
# and stops
have python3 "cli_eval.sh: eval's JSON read back" || finish

E="$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8"

expect_exit 0 "eval prints a table" -- $E
expect_out "output_tokens_per_s" "table has throughput"
cp "$tmpd/out" "$tmpd/table.txt"
# under 100, 3 significant digits with their trailing zeros, so that 42.0 %
# stands beside 20.4 % and 1.70 USD/Mtoken beside 0.296 (%.3g wrote 42,
# 1.7 and 0.46 tokens/J); a whole number (replicas, limited, a clock
# share of exactly 1) whole
if awk '/^  [a-z_]+ +-?[0-9]/ { v = $2; d = v; gsub(/[^0-9]/, "", d); sub(/^0+/, "", d)
		if (v + 0 < 100 && v ~ /\./ && length(d) != 3) bad = bad " " $1 "=" v
		if (v + 0 < 100 && v !~ /\./ && v + 0 != int(v + 0)) bad = bad " " $1 "=" v
		n++ }
	/^  (replicas|limited|clock_scale|violations) / && $2 ~ /\./ { bad = bad " " $1 "=" $2 }
	END { if (bad != "" || n < 40) { print bad; exit 1 } }' "$tmpd/out"; then
	echo "ok - eval's values under 100 to 3 significant digits, whole numbers whole"
else
	echo "not ok - eval's values not to one precision"
	grep -E "^  [a-z_]+ +-?[0-9]" "$tmpd/out" | sed 's/^/    /'; fails=$((fails + 1))
fi
expect_exit 0 "eval --json" -- $E --json
for k in '"throughput"' '"output_tokens_per_s"' '"total_tokens_per_s"' \
	'"output_tokens_per_s_per_chip"' '"latency"' '"ttft_s"' '"tpot_s"' \
	'"batch"' '"concurrency"' '"utilization"' '"mfu"' '"prefill"' \
	'"decode"' '"bound"' '"memory"' '"weights_bytes"' '"kv_bytes_per_token"'; do
	expect_out "$k" "json has $k"
done
# FP8 KV cache of Llama-3 70B: 2 x 80 x 8 x 128 bytes = 163840 per token
expect_out '"kv_bytes_per_token": 163840' "json kv bytes per token by hand"
# what the figures are by their definitions: Llama-3 70B's 70,553,706,496
# parameters (test_engine.c test_llama3_70b_shape), of which the embedding
# and the LM head, 2 x 128,256 x 8,192 = 2,101,346,304, stay at 16 bits
# (trtllm-0.10.ini head_precision bf16) and the other 68,452,360,192 take
# 1 byte: 72,655,052,800 bytes, spread over tp 8 (9,081,881,600 a chip);
# a request is 2048 + 128 tokens, so the total is 17 x the output and
# the requests/s the output over 128; per chip an eighth; the table's
# output tokens/s is the JSON's to its one decimal
to=$(awk '$1 == "output_tokens_per_s" { print $2 }' "$tmpd/table.txt")
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
m, t = d['memory'], d['throughput']
assert m['weights_bytes'] == 72655052800 and m['weights_bytes_per_chip'] == 9081881600, m
o = t['output_tokens_per_s']
assert abs(t['total_tokens_per_s'] / (17 * o) - 1) < 1e-8, t
assert abs(t['requests_per_s'] * 128 / o - 1) < 1e-8, t
assert abs(t['output_tokens_per_s_per_chip'] * 8 / o - 1) < 1e-8, t
assert '%.1f' % o == '$to', (o, '$to')
" 2>"$tmpd/err"; then
	echo "ok - eval json: weights by hand, totals, requests and per chip by their definitions, the table's figure"
else
	echo "not ok - eval json: its figures by their definitions"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "scenario preset" -- $RL eval --scenario etched-bench --chip h100-sxm --json
expect_out '"isl": 2048' "scenario sets isl"
expect_out '"tp": 8' "scenario sets tp"
expect_exit 0 "preset given as a path" -- $RL eval --chip "$ROOFLAB_DATA/chips/h100-sxm.ini" --model llama3-8b
cp "$tmpd/out" "$tmpd/bypath.txt"
expect_exit 0 "preset given by its name" -- $RL eval --chip h100-sxm --model llama3-8b
cp "$tmpd/out" "$tmpd/byname.txt"
expect_exit 0 "the preset by its path serves as by its name, byte for byte" -- cmp "$tmpd/bypath.txt" "$tmpd/byname.txt"
expect_exit 0 "prefill only" -- $RL eval --chip h100-sxm --model llama3-8b --osl 1 --json
expect_out '"bound": "none"' "prefill-only has no decode bound"
# --set reaches the engine: the elementwise kernels are memory-bound at
# HBM x eff_memory (engine.c), and with the batch held by max_num_tokens
# their bytes an iteration do not move, so chip.hbm_tbps 3.35 -> 6 (the
# preset's hbm_tbps, h100-sxm.ini) scales both phases' elementwise_s by
# 3.35 / 6 exactly, and the output tokens/s rise
expect_exit 0 "--set, the preset's HBM" -- $E --json
cp "$tmpd/out" "$tmpd/hbm335.json"
expect_exit 0 "--set" -- $E --set chip.hbm_tbps=6 --json
hbm=$(awk -F' *= *' '$1 == "hbm_tbps" {print $2 + 0}' "$ROOFLAB_DATA/chips/h100-sxm.ini")
if python3 -c "
import json
a = json.load(open('$tmpd/hbm335.json'))
b = json.load(open('$tmpd/out'))
assert a['batch']['limit'] == b['batch']['limit'] == 'max_num_tokens'
for ph in ('prefill', 'decode'):
    got = b[ph]['elementwise_s'] / a[ph]['elementwise_s']
    assert abs(got / ($hbm / 6) - 1) < 1e-8, (ph, got, $hbm / 6)
assert b['throughput']['output_tokens_per_s'] > a['throughput']['output_tokens_per_s']
" 2>"$tmpd/err"; then
	echo "ok - --set chip.hbm_tbps=6: elementwise times x $hbm/6, more tokens/s"
else
	echo "not ok - --set chip.hbm_tbps=6 did not reach the engine as derived"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "params lists" -- $RL params
expect_out "chip.hbm_tbps +TB/s" "params shows unit"
expect_out "profile.max_num_tokens" "params lists profile"

# bad input: exit 2 and a message
expect_exit 2 "unknown chip" -- $RL eval --chip h900 --model llama3-8b
expect_err "unknown chip 'h900'; known: .*h100-sxm" "unknown chip lists known"
expect_exit 2 "unknown model" -- $RL eval --chip h100-sxm --model llama9
expect_err "unknown model 'llama9'; known: .*llama3-70b" "unknown model lists known"
expect_exit 2 "unknown profile" -- $E --profile nope
expect_err "unknown profile 'nope'; known: .*ideal" "unknown profile lists known"
expect_exit 2 "unknown parameter" -- $E --set chip.hbm_tbs=4
expect_err "unknown parameter 'chip.hbm_tbs'; did you mean chip.hbm_tbps" "suggests closest"
# one parameter set twice: opts_apply puts the flags before every --set
# and the --sets in order, so the one applied last won without a word
# whatever the order given (--set scenario.tp=2 --tp 1 ran tp 2)
expect_exit 2 "a flag and --set of its parameter" -- $E --set scenario.tp=4
expect_err "^rooflab eval: scenario\.tp is set twice \('--tp 8', then '--set scenario\.tp=4'; the one applied last would win without a word\): give it once$" "names both, in the order given"
expect_exit 2 "--set before the flag" -- $RL eval --chip h100-sxm --model llama3-70b --set scenario.isl=512 --isl 512
expect_err "^rooflab eval: scenario\.isl is set twice \('--set scenario\.isl=512', then '--isl 512'" "the same value twice is refused too"
expect_exit 2 "one parameter in two --set" -- $E --set chip.tdp_w=500 --set chip.hbm_tbps=4 --set chip.tdp_w=700
expect_err "^rooflab eval: chip\.tdp_w is set twice \('--set chip\.tdp_w=500', then '--set chip\.tdp_w=700'" "names the parameter"
# (small60) a blank before the '=' of an assignment ("chip.hbm_tbps = 3",
# as a sweep spec's set line "set = chip.hbm_tbps = 3" gives it to the same
# parser) was read into the name, refused as the unknown parameter
# 'chip.hbm_tbps ' with "did you mean chip.hbm_tbps?"; refused as blanks
# around the '=', as blanks around a value are (cli_badinput), exit 2, the
# parameter named and the assignment as written without them
expect_exit 2 "--set 'chip.hbm_tbps = 3', blanks around its '='" -- $E --set "chip.hbm_tbps = 3"
expect_err "^rooflab eval: --set 'chip\.hbm_tbps = 3': blanks around the '=' of chip\.hbm_tbps; write chip\.hbm_tbps=3 \(no blanks\)$" "names the parameter and how to write it"
# (fuzz12) the way to write it is itself an assignment the parser takes:
# the name and value without blanks at either end, VALUE where the value is
# none ("chip.hbm_tbps =" was told to write "chip.hbm_tbps=", refused again),
# and no name said as none (" =3" was told to write "=3")
expect_exit 2 "--set ' chip.hbm_tbps =3 ', blanks at its ends too" -- $E --set " chip.hbm_tbps =3 "
expect_err "^rooflab eval: --set ' chip\.hbm_tbps =3 ': blanks around the '=' of chip\.hbm_tbps; write chip\.hbm_tbps=3 \(no blanks\)$" "the name and value as they would be written"
expect_exit 2 "--set 'chip.hbm_tbps =', no value" -- $E --set "chip.hbm_tbps ="
expect_err "^rooflab eval: --set 'chip\.hbm_tbps =': blanks around the '=' of chip\.hbm_tbps; write chip\.hbm_tbps=VALUE \(no blanks\)$" "a value asked for, not an empty one"
expect_exit 2 "--set ' =3', no name" -- $E --set " =3"
expect_err "^rooflab eval: --set ' =3': no parameter before the '='; write section\.key=3 \(no blanks; .rooflab params. lists them\)$" "no name said as none"
# (review53) the way to write it is one that is taken: a blank after the
# value dropped too (it said "write chip.hbm_tbps=3 " , refused in turn as
# "'3 ' is not a number"), VALUE where no value is given (it said "write
# chip.hbm_tbps=", refused as "'' is not a number"); a name of blanks alone
# is fuzz12's case above
expect_exit 2 "--set 'chip.hbm_tbps = 3 '" -- $E --set "chip.hbm_tbps = 3 "
expect_err "^rooflab eval: --set 'chip\.hbm_tbps = 3 ': blanks around the '=' of chip\.hbm_tbps; write chip\.hbm_tbps=3 \(no blanks\)$" "the value's trailing blank left out of the advice"
expect_exit 2 "--set 'chip.hbm_tbps = '" -- $E --set "chip.hbm_tbps = "
expect_err "^rooflab eval: --set 'chip\.hbm_tbps = ': blanks around the '=' of chip\.hbm_tbps; write chip\.hbm_tbps=VALUE \(no blanks\)$" "no value: VALUE in the advice"
expect_exit 2 "map: the same" -- $RL map --chip h100-sxm --model llama3-70b --chips 8 --set scenario.osl=64 --osl 128
expect_err "^rooflab map: scenario\.osl is set twice" "map refuses it"
# two parameters each once both reach the engine: at chip.tdp_w=300, under
# the 370 W this run draws at full clock, the prefill clock is lowered to
# hold 300 W (limited), and HBM at 4 TB/s scales the elementwise times by
# 3.35 / 4 (as above; the TDP lowers the core clock, not HBM's rate)
expect_exit 0 "two parameters, each once" -- $E --set chip.tdp_w=300 --set chip.hbm_tbps=4 --json
if python3 -c "
import json
a = json.load(open('$tmpd/hbm335.json'))
b = json.load(open('$tmpd/out'))
assert a['power']['watts'] > 300 and a['power']['limited'] == 0, a['power']
p = b['power']
assert p['limited'] == 1 and p['prefill_clock_scale'] < 1 and abs(p['watts'] / 300 - 1) < 1e-6, p
for ph in ('prefill', 'decode'):
    got = b[ph]['elementwise_s'] / a[ph]['elementwise_s']
    assert abs(got / ($hbm / 4) - 1) < 1e-8, (ph, got, $hbm / 4)
" 2>"$tmpd/err"; then
	echo "ok - both --set reached the engine: held to 300 W, elementwise x $hbm/4"
else
	echo "not ok - two --set: not both applied as derived"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# two unknown names longer than any parameter's, alike in their first 100
# characters: unknown, not "set twice" (the names were cut to 95 bytes)
long=chip.$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "x" }')
expect_exit 2 "two long unknown names" -- $E --set "${long}a=1" --set "${long}b=2"
expect_err "unknown parameter" "each is unknown, not the other's second"
expect_exit 2 "out of range" -- $E --set profile.eff_compute=1.5
expect_err "eff_compute = 1.5 is outside the allowed \[0.001, 1\]" "names the range"
expect_exit 2 "not a number" -- $E --set chip.hbm_tbps=fast
expect_err "not a number" "says not a number"
expect_exit 2 "nan" -- $E --set chip.hbm_tbps=nan
expect_err "not a finite number" "nan refused"
expect_exit 2 "inf" -- $E --set chip.hbm_tbps=inf
expect_err "chip\.hbm_tbps.*not a finite number" "inf refused as not finite"
expect_exit 2 "bad precision" -- $RL eval --chip h100-sxm --model llama3-8b --precision int3
expect_err "'int3' is not one of" "lists precisions"
expect_exit 2 "tp does not divide heads" -- $RL eval --chip h100-sxm --model llama3-70b --tp 3
expect_err "tp = 3 does not divide the model's 64 attention heads" "tp message"
expect_exit 2 "model does not fit" -- $RL eval --chip h100-sxm --model llama3-405b --precision fp16 --tp 1
expect_err "does not fit: .* by [0-9.]+ GB" "says by how much"
expect_exit 2 "no fp8 on a100" -- $RL eval --chip a100-sxm --model llama3-8b --precision fp8
expect_err "no fp8 matrix peak" "names missing peak"
expect_exit 2 "negative isl" -- $RL eval --chip h100-sxm --model llama3-8b --isl -5
expect_exit 2 "missing chip" -- $RL eval --model llama3-8b
expect_err "missing --chip" "asks for chip"
expect_exit 2 "missing value" -- $RL eval --chip
expect_exit 2 "unknown option" -- $E --frobnicate
expect_exit 2 "unknown command" -- $RL frobnicate
expect_err "^rooflab: unknown command 'frobnicate'$" "an unknown command near none is named alone"
# a command mistyped is offered the nearest (a third of its letters, as
# every "did you mean"), where it was named alone above the usage
expect_exit 2 "mistyped command" -- $RL evl
expect_err "^rooflab: unknown command 'evl'; did you mean eval\?$" "offers eval"
expect_exit 2 "mistyped command" -- $RL valdiate
expect_err "^rooflab: unknown command 'valdiate'; did you mean validate\?$" "offers validate"
# its name as every message quotes one: a control character '?', where
# the byte went to the terminal as it was
expect_exit 2 "a command name with a control character" -- $RL "$(printf 'a\033[2Jb')"
expect_err "^rooflab: unknown command 'a\?\[2Jb'$" "the escape shown as '?'"
# a name past 127 characters is near none (the edit distance's cap, 1000,
# is no distance: 3000 letters were offered eval) and quoted cut with its
# size as typed, not as cut
expect_exit 2 "a command name of 3000 letters" -- $RL "$(awk 'BEGIN { while (i++ < 3000) printf "q" }')"
expect_err "^rooflab: unknown command 'q+\.\.\.' \(3000 bytes\)$" "quoted cut with its 3000 bytes, no suggestion"
expect_exit 2 "chips not a multiple of tp" -- $E --chips 12

printf '[chip]\npeak_tflops_fp8 = 100\nthis line is wrong\n' > "$tmpd/bad.ini"
expect_exit 2 "malformed ini" -- $RL eval --chip "$tmpd/bad.ini" --model llama3-8b
expect_err "bad.ini:3: expected 'key = value'" "file:line in message"
printf '[chip]\nhbm_tbps = -3\n' > "$tmpd/neg.ini"
expect_exit 2 "ini value out of range" -- $RL eval --chip "$tmpd/neg.ini" --model llama3-8b
expect_err "neg.ini:2: chip.hbm_tbps = -3 is outside" "ini range with file:line"
printf '[chip]\nhbm_tbsp = 3\n' > "$tmpd/typo.ini"
expect_exit 2 "ini unknown key" -- $RL eval --chip "$tmpd/typo.ini" --model llama3-8b
expect_err "typo.ini:2: unknown parameter 'chip.hbm_tbsp'; did you mean chip.hbm_tbps" "ini suggestion"
printf 'peak_tflops_fp8 = 1\n' > "$tmpd/nosec.ini"
expect_exit 2 "ini key before section" -- $RL eval --chip "$tmpd/nosec.ini" --model llama3-8b
expect_err "nosec.ini:1: key 'peak_tflops_fp8' before any \[section\]" "ini section message"

# validate and calibrate
expect_exit 0 "validate" -- $RL validate
expect_out "median \|error\|" "validate prints median"
# what a fit took from another profile is said under its leave-out error:
# fit-profiles.sh gives 0.17 0.15's three all-reduce values (comm_from) and
# fit-profiles-more.sh 0.20-post 0.20's two memory values (mem_from)
expect_out "^ +\(not fitted, so not tested by that error: eff_link, allreduce_latency_us, allreduce_half_mb from trtllm-0\.15\)$" "validate: 0.17's borrowed all-reduce named"
expect_out "^ +\(not fitted, so not tested by that error: runtime_reserved_gb, act_buffers from trtllm-0\.20\)$" "validate: 0.20-post's borrowed memory named"
# microbenchmarks predicted with the default profile's own efficiencies
# (model/micro.c): the 8192^3 BF16 GEMM at 989.4 TFLOPS x eff_compute x
# 8192 / (8192 + gemm_m_half), the copy at 3.35 TB/s x eff_memory
P="$ROOFLAB_DATA/profiles/trtllm-0.10.ini"
key() { sed -n "s/^$1 *= *\([0-9.]*\).*/\1/p" "$P"; }
G=$(awk -v e="$(key eff_compute)" -v h="$(key gemm_m_half)" 'BEGIN{print 989.4*e*8192/(8192+h)}')
C=$(awk -v e="$(key eff_memory)" 'BEGIN{print 3.35*e}')
# the row's measured value (the table's column as given) and model figure,
# the model within 0.05% of
# the hand value (989.4 and 3.35 are the presets' rounded peaks); read
# from validate --json (ten significant digits), since the table writes
# the model's figure by eval's rule, three digits (small52: 3.02 of 3.015)
$RL validate --json >"$tmpd/vj.json" 2>/dev/null
near() { # ID MEASURED HAND NAME
	if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
r = [x for x in d["rows"] if x["id"] == sys.argv[2]]
m, h = float(sys.argv[3]), float(sys.argv[4])
sys.exit(not (len(r) == 1 and r[0]["measured"] == m and
              h * 0.9995 < r[0]["predicted"] < h * 1.0005))' "$tmpd/vj.json" "$1" "$2" "$3" &&
		awk -v id="$1" -v m="$2" '$1 == id && $(NF - 5) == m { f = 1 }
			END { exit !f }' "$tmpd/out"; then
		echo "ok - $4"
	else
		echo "not ok - $4 ($1: $(grep "^$1 " "$tmpd/out"), hand $3)"
		fails=$((fails + 1))
	fi
}
near measured-h100-bf16-gemm 798 "$G" "GEMM row: peak x the profile's GEMM efficiency"
near measured-h100-d2d-copy 3 "$C" "copy row: bandwidth x the profile's memory efficiency"
# the shipped rows keep "in_sample" for the fitted chip's rows (the profiles
# were fitted on them), a --measurements file's being "fitted_chip" (small68;
# cli_validate): measured-h100-bf16-gemm is an h100-sxm row of "PyTorch 2.11 +
# cuBLAS", whose row of data/profiles/versions.csv names fitted_chip
# h100-sxm and no fitted_version: in sample
expect_exit 0 "the shipped rows' sets: in_sample, no fitted_chip" -- python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = {x["set"] for x in d["rows"] + d["groups"] + d["cells"]}
r = [x["set"] for x in d["rows"] if x["id"] == "measured-h100-bf16-gemm"]
sys.exit(not ("in_sample" in s and "fitted_chip" not in s and r == ["in_sample"]))' "$tmpd/vj.json"
expect_exit 0 "validate --db" -- $RL validate --db "$tmpd/v.db"
expect_exit 2 "validate unknown profile" -- $RL validate --profile nope
printf 'id,chip\nx,y\n' > "$tmpd/m.csv"
expect_exit 2 "measurements without columns" -- $RL validate --measurements "$tmpd/m.csv"
expect_err "header lacks column" "names the missing column"
expect_exit 0 "calibrate writes a profile" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --no-loo --out "$tmpd/fit.ini"
# (small72) in every command's form, "rooflab CMD: wrote FILE", where
# calibrate's lacked "rooflab calibrate: "
expect_out "^rooflab calibrate: wrote .*/fit\.ini\$" "calibrate says where"
# (small53) the fitted list prints each value as the profile file writes
# it (%.10g), where %12.6g cut the file's digits to six: the two fitted
# values, as fit.ini holds them, in the list, with more than six
# significant digits (a fit's value, not a round start)
for k in eff_compute iter_overhead_ms; do
	v=$(sed -n "s/^$k = \([0-9.e+-]*\) .*/\1/p" "$tmpd/fit.ini")
	d=$(printf '%s' "$v" | sed 's/e.*//; s/[^0-9]//g; s/^0*//')
	ve=$(printf '%s' "$v" | sed 's/[.+]/\\&/g')
	if [ "${#d}" -gt 6 ] && grep -qE "^  profile\.$k +$ve " "$tmpd/out"; then
		echo "ok - calibrate's fitted list: $k in the file's digits ($v)"
	else
		echo "not ok - calibrate's fitted list: $k in the file's digits (file '$v'; list: $(grep "profile\.$k" "$tmpd/out"))"
		fails=$((fails + 1))
	fi
done
# --no-loo: no leave-out error is worked out, and none is printed or
# written as "nan" (the row table's column and the profile's header)
expect_no_out "nan" "calibrate --no-loo prints no nan"
expect_out "^absolute error leave-1-out: not worked out \\(--no-loo\\)$" "and says why"
expect_exit 1 "the --no-loo profile holds no nan" -- grep -qi "nan" "$tmpd/fit.ini"
expect_exit 0 "its header says there is no leave-out error" -- grep -q "in-sample median |error| [0-9.]*%; no leave-out error (--no-loo)\\." "$tmpd/fit.ini"
expect_exit 0 "fitted profile is usable" -- $E --profile "$tmpd/fit.ini" --json
# and serves as the start file with the two fitted values set (a round
# trip through the profile file), where the start file alone does not
grep -v profile "$tmpd/out" >"$tmpd/fitrun.json"
ec=$(sed -n 's/^eff_compute = \([0-9.e+-]*\) .*/\1/p' "$tmpd/fit.ini")
io=$(sed -n 's/^iter_overhead_ms = \([0-9.e+-]*\) .*/\1/p' "$tmpd/fit.ini")
expect_exit 0 "the start file with the fitted values set" -- $E --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --set "profile.eff_compute=$ec" --set "profile.iter_overhead_ms=$io" --json
grep -v profile "$tmpd/out" >"$tmpd/setrun.json"
expect_exit 0 "the start file alone" -- $E --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --json
grep -v profile "$tmpd/out" >"$tmpd/startrun.json"
if [ -n "$ec" ] && [ -n "$io" ] && cmp -s "$tmpd/fitrun.json" "$tmpd/setrun.json" &&
	! cmp -s "$tmpd/fitrun.json" "$tmpd/startrun.json"; then
	echo "ok - the fitted profile serves as the start file with eff_compute=$ec, iter_overhead_ms=$io"
else
	echo "not ok - the fitted profile does not serve its fitted values ('$ec', '$io')"; fails=$((fails + 1))
fi
# each row left out alone (no --by-model, --by-arch): the header calls it
# leave-one-row-out, as validate and presets do (it said leave-one-out)
expect_exit 0 "calibrate with each row left out" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --out "$tmpd/fitrow.ini"
expect_exit 0 "its header says leave-one-row-out" -- grep -q "^; Fitted on 16 rows of .*, in-sample median |error| [0-9.]*%, leave-one-row-out median |error| [0-9.]*%, 90th percentile [0-9.]*%\\." "$tmpd/fitrow.ini"
expect_exit 1 "and not leave-one-out" -- grep -q "leave-one-out median" "$tmpd/fitrow.ini"
# the shipped 0.10 profile, written by scripts/calibrate-trtllm.sh: its
# leave-one-row-out figures validate's 3.3% / 9.4% (docs/validation.md)
expect_exit 0 "trtllm-0.10's header says leave-one-row-out" -- grep -q "^; Fitted on 16 rows of data/measurements.csv (software TensorRT-LLM 0.10.0): rms log error 0.044, in-sample median |error| 2.1%, leave-one-row-out median |error| 3.3%, 90th percentile 9.4%\\." "$ROOFLAB_DATA/profiles/trtllm-0.10.ini"
# a fit of every efficiency and overhead from the 0.10 start file (the
# docs/tour.md's tour): a fitted key's carried comment does not say it is not
# fitted ("fitted; ... so not fitted" for eff_attention, eff_memory,
# layer_overhead_us, request_overhead_us)
expect_exit 0 "calibrate every parameter from the 0.10 start file" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --no-loo --out "$tmpd/all.ini"
expect_exit 1 "no fitted key says it is not fitted" -- grep -E "; fitted.*(so not fitted|\\(not fitted\\)|; not fitted)" "$tmpd/all.ini"
# without --fit bounds a fraction is kept inside its own range (0.001-1):
# eff_memory ends at 0.99999996, on it, and is said so as a bound given
# by --fit is
expect_exit 0 "a fit ending on the parameter's own range is said so" -- grep -q "^eff_memory = 0\\.9999.*; fitted ON ITS upper BOUND of the parameter's range \\[0.001, 1\\]" "$tmpd/all.ini"
# a parameter fitted as log(value) (range [0, 100000] us) never reaches
# its floor 0: on the TP > 1 rows with their values ten times the
# measured, which the model is slower than at any latency >= 0, the fit
# drives log(allreduce_latency_us) down until it cannot move it (1e-9 us),
# on that floor and said so (it printed the value alone); the profile
# written does not carry the start file's own 'fitted' clause, which told
# of that fit ('fitted; fitted; start value', 'fitted; fitted in [5, 20]')
awk -F, 'NR == 1 || ($9 > 1 && $11 == "output_tokens_per_s") { if (NR > 1) $12 = $12 * 10; print }' OFS=, \
	"$ROOFLAB_DATA/measurements.csv" >"$tmpd/fast.csv"
expect_exit 0 "calibrate on rows ten times faster than measured" -- $RL calibrate --profile trtllm-0.10 --measurements "$tmpd/fast.csv" --fit allreduce_latency_us --no-loo --out "$tmpd/fast.ini"
expect_out "profile\\.allreduce_latency_us .* ON ITS lower BOUND of the parameter's range \\[0, 100000\\]" "a value driven to the range's floor of 0 is said on it"
expect_exit 0 "and so in the profile" -- grep -q "^allreduce_latency_us = [0-9.e-]*   ; fitted ON ITS lower BOUND of the parameter's range \\[0, 100000\\]" "$tmpd/fast.ini"
expect_exit 1 "no fitted key carries an earlier fit's clause" -- grep -E "; fitted[^;]*; fitted( |;|$)" "$tmpd/fast.ini" "$tmpd/all.ini"
# --out naming the measurements file: the rows were read and then replaced
# by the profile fitted on them
cp "$ROOFLAB_DATA/measurements.csv" "$tmpd/mine.csv"
sum=$(cksum <"$tmpd/mine.csv")
expect_exit 2 "calibrate --out onto its --measurements" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --measurements "$tmpd/mine.csv" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --no-loo --out "$tmpd/mine.csv"
expect_err "^rooflab calibrate: --out .*/mine\\.csv is also the measurements file .*/mine\\.csv" "says so"
[ "$(cksum <"$tmpd/mine.csv")" = "$sum" ] && echo "ok - the measurements are left unchanged" ||
	{ echo "not ok - the measurements were replaced"; fails=$((fails + 1)); }
# --aside: rows no fit takes.  Two rows with their values doubled and set
# aside give the same fit as the file without them (the profiles' fitted
# lines identical), are still listed, marked, and counted in the header
m10=$ROOFLAB_DATA/measurements.csv
a1=trtllm010-h100-llama3-70b-fp8-tp4-128-2048
a2=trtllm010-h100-llama3-8b-fp8-tp1-2048-128
grep -v -e "^$a1," -e "^$a2," "$m10" >"$tmpd/m14.csv"
awk -F, -v OFS=, -v a="$a1" -v b="$a2" '($1 == a || $1 == b) { $12 = 2 * $12 } 1' "$m10" >"$tmpd/m16.csv"
expect_exit 0 "calibrate without two rows" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --measurements "$tmpd/m14.csv" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --no-loo --out "$tmpd/fit14.ini"
expect_exit 0 "calibrate with them doubled and set aside" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --measurements "$tmpd/m16.csv" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --aside "$a1,$a2" --no-loo --out "$tmpd/fit16.ini"
expect_out "^$a1 .*  \\(set aside\\)\$" "the set-aside row is listed, marked"
expect_out '^\(2 rows set aside by --aside' "and counted"
if [ "$(grep -E '^(eff_compute|iter_overhead_ms) =' "$tmpd/fit14.ini")" = "$(grep -E '^(eff_compute|iter_overhead_ms) =' "$tmpd/fit16.ini")" ] &&
   grep -q "^; Fitted on 14 rows of .*, 2 more set aside" "$tmpd/fit16.ini"; then
	echo "ok - the rows set aside take no part in the fit"
else
	echo "not ok - the rows set aside take no part in the fit"
	diff "$tmpd/fit14.ini" "$tmpd/fit16.ini" | head -10 | sed 's/^/    /'
	fails=$((fails + 1))
fi
# --huber D: the same two rows doubled but fitted, under Huber's loss:
# the rows it weighs down are those whose log error at the fit is beyond
# D, |log(1 + error)| > 0.1, counted here from the table it prints (the
# doubled two among them), and the profile's header says how many
expect_exit 0 "calibrate --huber with the doubled rows" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --measurements "$tmpd/m16.csv" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --huber 0.1 --no-loo --out "$tmpd/fith.ini"
nb=$(awk '$1 ~ /^trtllm010-/ && $4 ~ /%$/ { e = $4; sub(/%/, "", e); l = log(1 + e / 100); if (l > 0.1 || l < -0.1) n++ } END { print n + 0 }' "$tmpd/out")
nd=$(awk -v a="$a1" -v b="$a2" '($1 == a || $1 == b) && $4 ~ /%$/ { e = $4; sub(/%/, "", e); l = log(1 + e / 100); if (l > 0.1 || l < -0.1) n++ } END { print n + 0 }' "$tmpd/out")
expect_out "^Huber's loss, delta 0.1 \\(log error\\): $nb of the 16 fitted rows beyond it" "the rows beyond delta weighted down"
expect_exit 0 "the doubled rows are beyond delta" -- test "$nd" = 2
expect_exit 0 "the header names the loss" -- grep -q "Huber's loss, delta 0.1 of log error (--huber): $nb rows beyond it" "$tmpd/fith.ini"
expect_exit 2 "calibrate bad --huber" -- $RL calibrate --profile ideal --huber 0
expect_err "huber" "the message names --huber"
expect_exit 2 "calibrate --aside with an unknown row" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --aside "$a1,no-such-row" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --aside: no row 'no-such-row' among the 16 rows" "the message names the id"
# an empty id in the list (a comma at its end or start, two together) is
# refused: one at the end was skipped without a word
for bad in "$a1," ",$a1" "$a1,,$a2"; do
	expect_exit 2 "calibrate --aside with an empty id ($bad)" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --aside "$bad" --no-loo --out "$tmpd/fitx.ini"
	expect_err "^rooflab calibrate: --aside: '$bad': an empty id \\(two commas, or one at an end\\)" "says so ($bad)"
done
# an empty list sets nothing aside: refused, as an empty id is
expect_exit 2 "calibrate --aside ''" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --aside "" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --aside: an empty list \\(ids separated by commas\\)$" "says so"
# ids are matched as written: a blank after the comma is part of the id
expect_exit 2 "calibrate --aside with a blank after its comma" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --aside "$a1, $a2" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --aside: no row ' $a2' among the 16 rows" "the id is named with its blank"
expect_exit 2 "calibrate --aside leaving too few rows" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --aside "$(grep '^trtllm010-' "$m10" | cut -d, -f1 | sed 1,2d | paste -sd, -)" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --aside leaves 2 rows to fit for 2 parameters" "the message says how many"

# --weight ID=W: a row counted W times.  Weighted 2, a row pulls the fit
# as two copies of it do: the same file with the row once more under
# another id fits the same values (the squared log errors are summed)
w1=trtllm010-h100-llama3-70b-fp8-tp8-2048-128
awk -F, -v OFS=, -v a="$w1" '{ print } $1 == a { $1 = a "-again"; print }' "$m10" >"$tmpd/m17.csv"
expect_exit 0 "calibrate with a row twice" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --measurements "$tmpd/m17.csv" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms,seq_overhead_us --no-loo --out "$tmpd/fit17.ini"
expect_exit 0 "calibrate with it weighted 2" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms,seq_overhead_us --weight "$w1=2" --no-loo --out "$tmpd/fitw2.ini"
expect_exit 0 "calibrate unweighted" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms,seq_overhead_us --no-loo --out "$tmpd/fitw1.ini"
# (to 4 significant digits: the two fits stop within the solver's tolerance)
fitted4() { sed -n 's/^\(eff_compute\|iter_overhead_ms\|seq_overhead_us\) = \([0-9.e+-]*\).*/\1 \2/p' "$1" | awk '{ printf "%s %.4g\n", $1, $2 }'; }
if [ "$(fitted4 "$tmpd/fit17.ini")" = "$(fitted4 "$tmpd/fitw2.ini")" ] &&
   [ "$(fitted4 "$tmpd/fitw1.ini")" != "$(fitted4 "$tmpd/fitw2.ini")" ]; then
	echo "ok - a row weighted 2 fits as the row twice, not as once"
else
	echo "not ok - a row weighted 2 fits as the row twice, not as once"
	fitted4 "$tmpd/fit17.ini"; fitted4 "$tmpd/fitw2.ini"; fitted4 "$tmpd/fitw1.ini"
	fails=$((fails + 1))
fi
# the profile says a row was weighted, as it says rows set aside; an
# unweighted fit says nothing of it
expect_exit 0 "the weighted profile's header" -- grep -q "^; Fitted on 16 rows .* 1 row weighted in the fit (--weight; the rms counts each once)\.\$" "$tmpd/fitw2.ini"
expect_exit 1 "the unweighted profile's header" -- grep -q "weighted" "$tmpd/fitw1.ini"
for bad in "$w1" "=2" "$w1=0" "$w1=-1" "$w1=101" "$w1=x" "$w1=2,"; do
	expect_exit 2 "calibrate bad --weight '$bad'" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "$bad" --no-loo --out "$tmpd/fitx.ini"
	expect_err "^rooflab calibrate: --weight: " "the message names --weight ('$bad')"
done
# 4.9e-324 is in (0, 100] by its figures but no normal double (strtod
# reads it with ERANGE): refused, the message saying why, where it read
# as outside the range it is in
expect_exit 2 "calibrate --weight at the smallest subnormal" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "$w1=4.9e-324" --no-loo --out "$tmpd/fitx.ini"
expect_err "is not a number in \(0, 100\]; a number nearer 0 than 2\.2250738585072014e-308 \(the smallest normal double\) is refused" "the subnormal weight's message says why"
# the range's ends: 100 is in it (0 and 101 are not, above), as a small
# weight is (a row counted a thousandth of a time)
for ok in "$w1=100" "$w1=0.001"; do
	expect_exit 0 "calibrate --weight '$ok' within (0, 100]" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "$ok" --no-loo --out "$tmpd/fitx.ini"
done
# one row named twice: with two weights, which one counts is not for the
# program to guess (the last silently won); the same weight again is the same
expect_exit 2 "calibrate --weight naming a row twice with two weights" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "$w1=2,$w1=3" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --weight: row '$w1' weighted twice \\(2, then 3\\)" "the message names the row and both weights"
# (small52) each weight as given, in all its digits, where %g wrote 2.12346
expect_exit 2 "calibrate --weight naming a row twice, many digits" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "$w1=2.1234567,$w1=3" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --weight: row '$w1' weighted twice \\(2\\.1234567, then 3\\)" "both weights in all their digits"
expect_exit 0 "calibrate --weight naming a row twice with one weight" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "$w1=2,$w1=2.0" --no-loo --out "$tmpd/fitx.ini"
# (mutation tests) one row named twice is one row weighted, as the header says
expect_exit 0 "its header: one row weighted" -- grep -q "^; Fitted on 16 rows .* 1 row weighted in the fit" "$tmpd/fitx.ini"
# an entry without an id before its '=' says so (not 'no row ""')
expect_exit 2 "calibrate --weight '=2'" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "=2" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --weight: '=2': not ID=W" "the entry named, not ID=W"
# the id is what precedes the last '=': a row whose id holds one ('lab=x',
# the 70B TP8 2048/128 row renamed) is weighted by 'lab=x=2'
awk -F, -v OFS=, -v a="$w1" '$1 == a { $1 = "lab=x" } { print }' "$m10" >"$tmpd/meq.csv"
expect_exit 0 "calibrate --weight of an id holding '='" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --measurements "$tmpd/meq.csv" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "lab=x=2" --no-loo --out "$tmpd/fitx.ini"
expect_exit 0 "its header: one row weighted" -- grep -q "^; Fitted on 16 rows .* 1 row weighted in the fit" "$tmpd/fitx.ini"
# a W out of its range names the row it weighs, of several
expect_exit 2 "calibrate --weight with one W of two out of range" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "$w1=2,$a1=0" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --weight: row '$a1': '0' is outside the allowed range \\(a number in \\(0, 100\\]\\)" "the message names the row whose W it refuses"
expect_exit 2 "calibrate --weight of an unknown row" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --weight "no-such-row=2" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --weight: no row 'no-such-row' among the 16 rows" "the message names the id"
# a row set aside is in no fit: its weight would count nowhere while the
# profile's header said "1 row weighted in the fit" (either option alone
# runs: above); refused naming the row and both options
expect_exit 2 "calibrate --weight of a row --aside sets aside" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --aside "$w1" --weight "$w1=2" --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --weight: row '$w1' is set aside by --aside: no fit takes it" "the message names the row and --aside"
# --both-ends names --fit parameters with bounds of the fit (the ends a
# fit is run again from)
expect_exit 2 "calibrate --both-ends not among --fit" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute=0.5:0.9,iter_overhead_ms --both-ends eff_link --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --both-ends: 'eff_link' is not among the --fit parameters" "the message names it"
expect_exit 2 "calibrate --both-ends without bounds" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute=0.5:0.9,iter_overhead_ms --both-ends eff_compute,iter_overhead_ms --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --both-ends: 'iter_overhead_ms' has no LOW:HIGH bounds" "the message names it"
expect_exit 0 "calibrate --both-ends with bounds" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute=0.5:0.9,iter_overhead_ms --both-ends eff_compute --no-loo --out "$tmpd/fitx.ini"
# a name as --fit takes it, dotted or not, on either side (--both-ends
# refused profile.eff_compute as 'not among the --fit parameters')
mkdir -p "$tmpd/dotted"
expect_exit 0 "calibrate --both-ends dotted" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit profile.eff_compute=0.5:0.9,iter_overhead_ms --both-ends profile.eff_compute --no-loo --out "$tmpd/dotted/fitx.ini"
expect_exit 0 "calibrate --both-ends dotted, --fit not" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute=0.5:0.9,iter_overhead_ms --both-ends profile.eff_compute --no-loo --out "$tmpd/fitd2.ini"
expect_exit 0 "the dotted fit writes what the plain one does" -- cmp "$tmpd/fitx.ini" "$tmpd/dotted/fitx.ini"
expect_exit 2 "calibrate --both-ends 'profile.' alone" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute=0.5:0.9,iter_overhead_ms --both-ends profile. --no-loo --out "$tmpd/fitx.ini"
expect_err "^rooflab calibrate: --both-ends: 'profile.' is not among the --fit parameters" "the message names it"

expect_exit 2 "calibrate bad fit param" -- $RL calibrate --profile ideal --fit eff_bogus
expect_err "not a real-valued profile parameter" "fit param message"
# a prior: NAME[=LOW:HIGH]~CENTRE/SIGMA; the profile says it was used
expect_exit 0 "calibrate with a prior" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit "eff_compute=0.5:0.81~0.7/0.05,iter_overhead_ms~1/0.5" --row-sigma 0.1 --no-loo --out "$tmpd/fitp.ini"
expect_exit 0 "the profile names the prior" -- grep -Eq '^eff_compute = .*fitted in \[0.5, 0.81\](, ON ITS [a-z]* BOUND)?, prior 0.7 \+- 0.05' "$tmpd/fitp.ini"
# (small52) the bounds and the prior as given, in all their digits
# (rl_number_write), where %g wrote [0.512346, 0.81] and 0.712346 +-
# 0.0512346
expect_exit 0 "calibrate with a prior of many digits" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit "eff_compute=0.5123456:0.81~0.7123456/0.0512345,iter_overhead_ms" --row-sigma 0.1 --no-loo --out "$tmpd/fitp7.ini"
expect_exit 0 "the profile names them in all their digits" -- grep -Eq '^eff_compute = .*fitted in \[0\.5123456, 0\.81\](, ON ITS [a-z]* BOUND)?, prior 0\.7123456 \+- 0\.0512345' "$tmpd/fitp7.ini"
for bad in "eff_compute~0.7" "eff_compute~0.7/0" "eff_compute~0.7/-1" "eff_compute~x/1" "eff_compute=0.5:0.81~0.9/0.1" "eff_compute~2/0.1" "eff_compute~0.7/0.1/2"; do
	expect_exit 2 "calibrate bad prior $bad" -- $RL calibrate --profile ideal --fit "$bad"
	expect_err "^rooflab calibrate: --fit: .*NAME\[=LOW:HIGH\]\[~CENTRE/SIGMA\] with LOW < HIGH, SIGMA > 0" "the message names --fit and its form ($bad)"
done
# an empty item of the --fit list is refused, as a sweep list's is: it
# was skipped, so that a parameter deleted by mistake left a shorter fit
for bad in "eff_compute,,iter_overhead_ms" ",eff_compute" "eff_compute," "eff_compute, ,iter_overhead_ms"; do
	expect_exit 2 "calibrate: an empty --fit item ($bad)" -- $RL calibrate --profile ideal --fit "$bad"
	expect_err "^rooflab calibrate: --fit: '$bad': an empty item \\(two commas, or one at an end\\)" "the message says so ($bad)"
done
# the list is split at its commas as a sweep list is (config/commalist.c)
# and each item stripped of blanks; an item splits again at blanks, as
# --fit has always read it: "a, b" and " a b " fit the same two
# parameters as "a,b" (fit.ini above), to the same values
for good in "eff_compute, iter_overhead_ms" " eff_compute iter_overhead_ms "; do
	expect_exit 0 "calibrate: --fit '$good'" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit "$good" --no-loo --out "$tmpd/fitb.ini"
	expect_exit 0 "fits what 'eff_compute,iter_overhead_ms' fits ('$good')" -- test "$(grep -E '^(eff_compute|iter_overhead_ms) =' "$tmpd/fit.ini")" = "$(grep -E '^(eff_compute|iter_overhead_ms) =' "$tmpd/fitb.ini")"
done
# blanks around a comma are not an item: the unknown name is 'eff_bogus'
expect_exit 2 "calibrate: --fit with blanks around its comma" -- $RL calibrate --profile ideal --fit "eff_compute , eff_bogus "
expect_err "^rooflab calibrate: --fit: 'eff_bogus' is not a real-valued" "the name without its blanks"
# a blank between two names splits them as a comma does
expect_exit 2 "calibrate: --fit names split at blanks" -- $RL calibrate --profile ideal --fit "eff_compute iter_overhead_ms eff_compute"
expect_err "^rooflab calibrate: --fit: eff_compute is listed twice" "the third name is the first again"
# blanks alone are the empty list; blanks with a comma, empty items
expect_exit 2 "calibrate: --fit of blanks alone" -- $RL calibrate --profile ideal --fit "   "
expect_err "^rooflab calibrate: --fit: empty list$" "said to be empty"
for bad in " , " "eff_compute,   "; do
	expect_exit 2 "calibrate: --fit '$bad'" -- $RL calibrate --profile ideal --fit "$bad"
	expect_err "^rooflab calibrate: --fit: '$bad': an empty item \\(two commas, or one at an end\\)" "an empty item ('$bad')"
done
expect_exit 2 "calibrate: a parameter listed twice" -- $RL calibrate --profile ideal --fit eff_compute,iter_overhead_ms,eff_compute=0.5:0.8
expect_err "^rooflab calibrate: --fit: eff_compute is listed twice" "the message names it"
expect_exit 2 "calibrate: a --fit list too long" -- $RL calibrate --profile ideal --fit "$(printf 'eff_compute,%.0s' $(seq 1 100))"
expect_err "^rooflab calibrate: --fit: the list is 1200 bytes; at most 1023 bytes" "the message says so"
# the profile goes to a folder that does not exist: exit 2, nothing left
# --loo-model (how rows are left out) with --no-loo (none is): refused, not
# ignored
expect_exit 2 "calibrate --loo-model --no-loo" -- $RL calibrate --profile ideal --loo-model --no-loo
expect_err "^rooflab calibrate: --loo-model with --no-loo" "the contradiction named"
expect_exit 2 "calibrate --loo-arch --no-loo" -- $RL calibrate --profile ideal --loo-arch --no-loo
expect_err "^rooflab calibrate: --loo-arch with --no-loo" "the contradiction named"
expect_exit 2 "calibrate --loo-model --loo-arch" -- $RL calibrate --profile ideal --loo-model --loo-arch
expect_err "^rooflab calibrate: --loo-model with --loo-arch" "the two named"
# --loo-arch leaves out together the model names whose presets are one
# network (model/archgroup.h).  The 16 rows of 0.10 under four names: tp 2
# as llama3-70b, tp 4 as llama3.1-70b (data/models: every [model] key the
# same as llama3-70b's, only RoPE scaling, which no preset key holds,
# differs), tp 8 as llama2-70b (vocabulary 32000 against 128256: another
# network) and the 8B rows as llama3-8b (another shape).  So by hand:
# llama3-70b and llama3.1-70b are one group, named so, and neither
# llama2-70b nor llama3-8b joins it.
awk -F, 'BEGIN { OFS = "," } NR == 1 || $10 == "TensorRT-LLM 0.10.0" {
	if (NR > 1 && $5 == "llama3-70b" && $9 == 4) $5 = "llama3.1-70b"
	if (NR > 1 && $5 == "llama3-70b" && $9 == 8) $5 = "llama2-70b"
	print }' "$m10" >"$tmpd/twins.csv"
expect_exit 0 "calibrate --loo-arch with twin presets" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --measurements "$tmpd/twins.csv" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --loo-arch --out "$tmpd/twins.ini"
expect_out "^leave-one-architecture-out: left out together, one network under several names: llama3-70b = llama3\.1-70b$" "the twins are named as one group, nothing else with them"
expect_out "^absolute error leave-one-architecture-out: median" "the error is called leave-one-architecture-out"
if grep -Eq '^leave_one_architecture_out = median \|error\| [0-9.]+%, 90th percentile [0-9.]+% over 16 rows \(left out together: llama3-70b = llama3\.1-70b\)$' "$tmpd/twins.ini" &&
   ! grep -q '^leave_one_model_out' "$tmpd/twins.ini"; then
	echo "ok - the profile's [meta] records the leave-one-architecture-out error and the group"
else
	echo "not ok - the profile's [meta] records the leave-one-architecture-out error and the group"
	grep '^leave' "$tmpd/twins.ini" | sed 's/^/    /'
	fails=$((fails + 1))
fi
# a shape difference keeps them apart: the tp 4 rows as llama2-70b too,
# every name is then a network of its own, and no group is named
sed 's/,llama3\.1-70b,/,llama2-70b,/' "$tmpd/twins.csv" >"$tmpd/apart.csv"
expect_exit 0 "calibrate --loo-arch without twins" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --measurements "$tmpd/apart.csv" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --loo-arch --out "$tmpd/apart.ini"
expect_out "^leave-one-architecture-out: every model name is a network of its own$" "no group named"
expect_no_out "left out together" "nothing said to be left out together"
expect_exit 2 "calibrate: --out in a missing folder" -- $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" --software "TensorRT-LLM 0.10.0" --fit eff_compute,iter_overhead_ms --no-loo --out "$tmpd/nope/fit.ini"
expect_err "cannot write .*/nope/fit\.ini: its folder .*/nope is not there \(make it first: mkdir -p .*/nope\)" "the message names the file, its folder and mkdir -p"
# a version table that is there but cannot be read is refused, as validate
# refuses it (calibrate passed over it and counted tokens_per_s as output
# tokens); a data folder without one still calibrates
vd=$tmpd/vdata
mkdir -p "$vd/profiles"
for k in chips models nodes scenarios; do ln -s "$ROOFLAB_DATA/$k" "$vd/$k"; done
ln -s "$ROOFLAB_DATA"/profiles/*.ini "$vd/profiles/"
printf 'software,version\nTensorRT-LLM,0.10.0\n' >"$vd/profiles/versions.csv"
cal() {
	ROOFLAB_DATA=$vd $RL calibrate --profile "$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini" \
		--measurements "$ROOFLAB_DATA/measurements.csv" --software "TensorRT-LLM 0.10.0" \
		--fit eff_compute --no-loo --out "$tmpd/vfit.ini"
}
expect_exit 2 "calibrate: a damaged version table" -- cal
expect_err "^rooflab calibrate: .*/profiles/versions\.csv:1: header lacks column 'profile'$" \
	"the message names the file, line and column"
rm "$vd/profiles/versions.csv"
expect_exit 0 "calibrate: no version table" -- cal
# without --measurements and --out: the profile's header names the rows'
# file (data/measurements.csv), and the profile is NAME-fitted.ini here
mkdir "$tmpd/cwd"
expect_exit 0 "calibrate with the default files" -- sh -c "cd '$tmpd/cwd' && $RL calibrate --profile ideal --software 'TensorRT-LLM 0.10.0' --fit eff_compute,iter_overhead_ms --no-loo"
expect_exit 0 "the header names the measurements" -- grep -q "^; Fitted on [0-9]* rows of .*/measurements.csv (software TensorRT-LLM 0.10.0)" "$tmpd/cwd/ideal-fitted.ini"
expect_exit 2 "calibrate bad --row-sigma" -- $RL calibrate --profile ideal --row-sigma 0
expect_err "row-sigma" "the message names --row-sigma"
expect_exit 2 "calibrate with no rows" -- $RL calibrate --profile ideal --software nothing-like-this
expect_err "/measurements\.csv: 0 modelled rows with software 'nothing-like-this' for [0-9]+ parameters: need at least" \
	"too few rows message, naming the rows' file"
# without --profile: the latest calibrated profile of the chip's software,
# said in the first line as what it is: the only calibrated one (it read
# "the latest calibrated profile", trtllm-0.10 beside profiles fitted up to
# 1.0); a chip with none is served under ideal
expect_exit 0 "eval without --profile" -- $E
first=$(head -1 "$tmpd/out")
# the date is the profile's own (scripts/calibrate-trtllm.sh writes it)
cal=$(sed -n 's/^calibrated = //p' "${ROOFLAB_DATA:-data}/profiles/trtllm-0.10.ini")
# the other profiles of the software (fitted per version, no calibrated
# date) are no default, and the note says how many there are
nfit=$(grep -l "^software = TensorRT-LLM" "${ROOFLAB_DATA:-data}"/profiles/*.ini |
	xargs grep -L "^calibrated = " | wc -l | tr -d ' ')
case $first in
"profile trtllm-0.10 (the default for this chip: the only calibrated profile for TensorRT-LLM, fitted on TensorRT-LLM 0.10.0 on $cal; $nfit other TensorRT-LLM profiles, each fitted on its version and none a default, by --profile)")
	echo "ok - the first line names the default profile and why" ;;
*)	echo "not ok - first line: $first"; fails=$((fails + 1)) ;;
esac
$E --json | grep -v profile_chosen >"$tmpd/default.json"
$E --profile trtllm-0.10 --json | grep -v profile_chosen >"$tmpd/given.json"
cmp -s "$tmpd/default.json" "$tmpd/given.json" &&
	echo "ok - the default gives what --profile trtllm-0.10 gives" ||
	{ echo "not ok - the default differs from --profile trtllm-0.10"; fails=$((fails + 1)); }
expect_exit 0 "eval --profile ideal" -- $E --profile ideal
[ "$(head -1 "$tmpd/out")" = "profile ideal (named by --profile)" ] &&
	echo "ok - the first line names the given profile" ||
	{ echo "not ok - first line: $(head -1 "$tmpd/out")"; fails=$((fails + 1)); }
expect_exit 0 "a scenario's profile" -- $RL eval --scenario trtllm-2048-128 --chip h100-sxm --model llama3-8b --precision fp8 --tp 1
expect_out "^profile trtllm-0.10 \(named by scenario trtllm-2048-128\)$" "the first line names the scenario's profile"
# a chip with no calibrated profile is served under ideal, as map, curve, a
# sweep and claim's sides serve it, and says so (eval alone refused it
# until 2026-11-30): once, in the table's first line, as map and curve say
# it (the text said it twice, on stderr and in that line, until
# 2026-12-01); with --json, where no line says it, on stderr
expect_exit 0 "a chip with no calibrated profile" -- $RL eval --chip sohu --model llama3-70b --precision fp8 --tp 8
expect_out "^profile ideal \(ideal: no calibrated profile for 'sohu' \(its preset names no software\); rooflab presets profile lists the profiles\)$" "the first line names ideal and why"
expect_no_err "no calibrated profile" "the text says it once: not on stderr too"
expect_exit 0 "the same, JSON" -- $RL eval --chip sohu --model llama3-70b --precision fp8 --tp 8 --json
expect_err "^rooflab eval: ideal: no calibrated profile for 'sohu' \(its preset names no software\); rooflab presets profile lists the profiles$" "JSON: says it falls back, on stderr"
# Llama-3 405B's FP8 weights (about 405 GB) fit in no single Sohu (154.6 GB
# of HBM, data/chips/sohu.ini): no table, so the failure says the profile
expect_exit 2 "a chip with no calibrated profile, a model that does not fit" -- $RL eval --chip sohu --model llama3-405b --precision fp8 --tp 1
expect_err "^rooflab eval: ideal: no calibrated profile for 'sohu'" "with no table, the profile said on stderr"
# ideal's figure: the same as --profile ideal names it
$RL eval --chip sohu --model llama3-70b --precision fp8 --tp 8 --json 2>/dev/null | grep -v profile_chosen >"$tmpd/fb.json"
$RL eval --chip sohu --model llama3-70b --precision fp8 --tp 8 --profile ideal --json | grep -v profile_chosen >"$tmpd/named.json"
cmp -s "$tmpd/fb.json" "$tmpd/named.json" && echo "ok - the fallback's figures are --profile ideal's" ||
	{ echo "not ok - the fallback's figures differ from --profile ideal's"; fails=$((fails + 1)); }
$RL eval --chip sohu --model llama3-70b --precision fp8 --tp 8 --json 2>/dev/null | grep -q '"profile_chosen": "ideal: no calibrated profile for' &&
	echo "ok - JSON's profile_chosen says so" ||
	{ echo "not ok - JSON's profile_chosen"; fails=$((fails + 1)); }
# the text table reads as text: a value JSON gives as null is shown n/a, and
# its description says n/a too, not JSON's word (Sohu's preset names no
# node, so no power or manufacturing cost); the description says when a
# value is n/a ("n/a where ..."), not that it is, since it stands beside
# known values too (Sohu by design names node n4: 700 W beside "n/a: the
# chip names no node" until 2026-11-29)
expect_exit 0 "a chip with no node, text table" -- $RL eval --chip sohu --model llama3-8b --profile etched-claim
expect_out "^  watts +n/a   .*\(n/a where the chip names no node\)$" "power.watts is n/a and says why in the table's word"
expect_out "^  chip_cost_usd +n/a   .*; n/a where the chip names no node\)$" "cost.chip_cost_usd says n/a"
expect_out "^  replicas +1   +data-parallel replicas \(chips / \(tp x pp\)\)$" "replicas: chips over tp x pp"
expect_exit 0 "a chip by design with a node, text table" -- $RL eval --chip sohu-design --model llama3-8b --profile etched-claim
expect_no_out "n/a:" "no description says n/a of a value that is known"
expect_no_out "null" "the text table does not say JSON's null"
# and says the known values: every iteration carries a prefill chunk here
# (the note under the table), each at the TDP (limited 1), so the chip's
# average is its 700 W; its cost $554 die + $2319 for 4 stacks of HBM +
# $1670 package = $4543 (cli_area.sh works each out; each term to the
# dollar, so 4541.5 to 4544.5)
expect_out "^  watts +700\.0 W " "Sohu by design: watts the 700 W TDP every iteration runs at"
expect_out "^  chip_cost_usd +454[1-4]\.[0-9] USD " "Sohu by design: chip cost 554 + 2319 + 1670 = 4543 USD"
# a data folder with a later TensorRT-LLM profile and a still later one of
# other software: the later TensorRT-LLM one is the default
dd=$tmpd/data
mkdir -p "$dd/profiles"
for x in chips models nodes scenarios; do ln -s "$ROOFLAB_DATA/$x" "$dd/$x"; done
cp "$ROOFLAB_DATA"/profiles/*.ini "$dd/profiles/"
sed 's/^calibrated = .*/calibrated = 2027-01-05/; s/^software = .*/software = TensorRT-LLM 0.12.0/; s/^eff_compute = .*/eff_compute = 0.5/' \
	"$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$dd/profiles/trt-later.ini"
sed 's/^calibrated = .*/calibrated = 2028-01-01/; s/^software = .*/software = TensorRT-LLM-Fork 1.0/' \
	"$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$dd/profiles/other.ini"
ROOFLAB_DATA=$dd $E >"$tmpd/out" 2>&1
# two calibrated TensorRT-LLM profiles (trtllm-0.10 and trt-later; other.ini
# is another software's): the note says which of them, the last calibrated
head -1 "$tmpd/out" | grep -q "^profile trt-later (the default for this chip: the last calibrated of the 2 calibrated profiles for TensorRT-LLM, fitted on TensorRT-LLM 0.12.0 on 2027-01-05[;)]" &&
	echo "ok - the latest calibrated profile of the chip's software is the default" ||
	{ echo "not ok - default with a later profile: $(head -1 "$tmpd/out")"; fails=$((fails + 1)); }
# eval's default profile is picked by the chip's [meta] software: a
# software longer than it keeps (127 characters) is refused, where cut it
# could match another software's profiles or none
mkdir "$tmpd/sw"
cp -R "${ROOFLAB_DATA:?}/." "$tmpd/sw/"
sw128=$(awk 'BEGIN { printf "TensorRT-LLM"; for (i = 12; i < 128; i++) printf "x" }')
sed -i "s/^software = TensorRT-LLM .*/software = $sw128/" "$tmpd/sw/chips/h100-sxm.ini"
expect_exit 2 "eval: a chip's software of 128 characters is refused" -- \
	env ROOFLAB_DATA="$tmpd/sw" $RL eval --chip h100-sxm --model llama3-8b
expect_err "\[meta\] software: 128 bytes; at most 127 bytes" "the message names the key and the limit"
sed -i "s/^software = .*/software = ${sw128%x}/" "$tmpd/sw/chips/h100-sxm.ini"
expect_exit 0 "one of 127 is read (and matches no profile's software: ideal)" -- \
	env ROOFLAB_DATA="$tmpd/sw" $RL eval --chip h100-sxm --model llama3-8b
expect_out "no calibrated profile for 'h100-sxm' \(software: ${sw128%x}\)" "so it says"
# how the default profile was chosen names the software whole (the note
# was cut at 255 bytes): the chip's 127-character software given to the
# 0.10 profile too, its calibrated date as the file says
sed -i "s/^software = .*/software = ${sw128%x}/" "$tmpd/sw/profiles/trtllm-0.10.ini"
date10=$(sed -n 's/^calibrated = //p' "$tmpd/sw/profiles/trtllm-0.10.ini")
expect_exit 0 "eval: the default profile of a 127-character software" -- \
	env ROOFLAB_DATA="$tmpd/sw" $RL eval --chip h100-sxm --model llama3-8b --json
expect_out "\"profile_chosen\": \"the default for this chip: the only calibrated profile for ${sw128%x}, fitted on ${sw128%x} on $date10\"" \
	"profile_chosen says so whole"
# GDDR6 is not priced as HBM (chip.memory gddr6, cost.c): the L40S given
# a node (n4; its die, AD102 609 mm2, is in l40s.ini) has no cost (no
# GDDR6 price per GB in silicon.csv), says why, and with its memory called
# HBM it would have had one (HBM's 15 USD/GB and the interposer)
{ cat "$ROOFLAB_DATA/chips/l40s.ini"; printf '[preset]\nnode = n4\n'; } > "$tmpd/l40s-n4.ini"
expect_exit 0 "eval: L40S with a node" -- $RL eval --chip "$tmpd/l40s-n4.ini" --model llama3-8b --precision fp8
expect_out "^  chip_cost_usd +n/a " "GDDR6: chip cost n/a"
expect_out "^\(chip.memory gddr6: no silicon interposer, and no price per GB of GDDR6 in$" "GDDR6: says why"
expect_exit 0 "eval: L40S with a node, memory called HBM" -- $RL eval --chip "$tmpd/l40s-n4.ini" --model llama3-8b --precision fp8 --set chip.memory=hbm
expect_out "^  chip_cost_usd +[0-9.]+ USD " "HBM: a chip cost"
expect_no_out "chip.memory gddr6" "HBM: no GDDR6 note"
# Its full-load power with n4, by hand from l40s.ini and the defaults: at
# 2.49 GHz over n4's 1.83 (x = 1.3607) energies pay x^2 = 1.8514
# (power.dvfs_exponent_above 2); static 66; clocked 67 mW/mm2/GHz x 609 mm2
# x 2.49 GHz x 1.8514 = 188.1; GDDR6 PHYs 1.17 pJ x 8 x 0.864 TB/s = 8.1;
# MACs 733e12 / 2 FMA/s x 0.195 pJ x 3.57 x 1.8514 = 472.4; SRAM 0.97 pJ x
# (0.01 x 733e12 + 2 x 0.864e12) = 8.8; GDDR6 7.5 pJ x 8 x 0.864 TB/s =
# 51.8: 795.2 W
expect_exit 0 "area: L40S with a node" -- $RL area --chip "$tmpd/l40s-n4.ini"
expect_out "^power at full load \(fp8, GDDR6 at full bandwidth\): 795 W = static 66 \+ clocked 188 \+ PHY 8 \+ MAC 472 \+ SRAM 9 \+ GDDR6 52$" \
	"L40S with n4: full-load power by term"
# (ux21) its memory named as what it is, GDDR6, where the line read "HBM
# at full bandwidth" and "+ HBM 52" and the table "HBM capacity (GB)"
expect_out "^  GDDR6 capacity \(GB\) +- +48\.3$" "L40S: the capacity row names GDDR6"
expect_out "^  GDDR6 bandwidth \(TB/s\) +- +0\.864$" "L40S: the bandwidth row names GDDR6, in chip.hbm_tbps's TB/s (0.864 TB/s, to the GB/s)"
expect_out "^\(full load, every MAC array busy and GDDR6 at full bandwidth at once, is a ceiling$" "L40S: the ceiling's note names GDDR6"
expect_no_out "HBM (capacity|bandwidth|at full|[0-9])" "L40S: no HBM figure"
# over its TDP even at the lowest clock (the H100's idle 70 W and HBM PHYs
# 0.65 pJ/bit x 8 x 3.35 TB/s = 17.42 W at any clock: 87.42 W and up, over
# 80 W): eval serves it at full clock and says so, a field and words, in
# the table and in JSON; under its 700 W neither
expect_exit 0 "eval: over the TDP at every clock" -- $RL eval --chip h100-sxm --model llama3-8b --precision fp8 --set chip.tdp_w=80
expect_out "^  over_tdp +1 " "the table's power.over_tdp"
expect_out "^  lowest_clock_watts +87\.[4-9] W " "its power at the lowest clock, 87.42 W and up"
expect_out "^\(over its 80 W TDP at every clock: power 8[78] W at the lowest clock 0\.00183 GHz \(0\.001 of its 1\.83 GHz\); its throughput is at full clock, one it cannot run at" \
	"the words: power at the lowest clock and that clock"
expect_exit 0 "eval json: over the TDP at every clock" -- $RL eval --chip h100-sxm --model llama3-8b --precision fp8 --set chip.tdp_w=80 --json
expect_out '"over_tdp": 1,' "json: power.over_tdp"
expect_out '"lowest_clock_watts": 87\.[4-9]' "json: its power at the lowest clock"
expect_out '"over_tdp_words": "over its 80 W TDP at every clock: power 8[78] W at the lowest clock 0\.00183 GHz' "json: the words"
# a TDP under 1 W is said as given, not rounded to '0 W' (0 is no limit):
# eval's words, map's, area's TDP line and its violation
expect_exit 0 "eval: a TDP under 1 W" -- $RL eval --chip h100-sxm --model llama3-8b --precision fp8 --set chip.tdp_w=0.4
expect_out "^\(over its 0\.4 W TDP at every clock" "eval says the 0.4 W TDP as given"
expect_exit 0 "map: a TDP under 1 W" -- $RL map --chip h100-sxm --model llama3-8b --precision fp8 --chips 1 --set chip.tdp_w=0.4
expect_out "over its 0\.4 W TDP at every clock \(8[78] W at the lowest clock\)$" "map says the 0.4 W TDP as given"
expect_out "over the chip's 0\.4 W TDP" "map's summary says it too"
expect_exit 0 "area: a TDP under 1 W" -- $RL area --chip h100-sxm --set chip.tdp_w=0.4
expect_out "^TDP: 0\.4 W$" "area's TDP line"
expect_out "over the 0\.4 W TDP even at the lowest clock" "area's violation"
# and the fit hint of a model that does not fit (5a7a76a), whose mappings
# that fit are each over the TDP: 70B at 16 bits on one H100
expect_exit 2 "eval: a model that does not fit, a TDP under 1 W" -- $RL eval --chip h100-sxm --model llama3-70b --precision bf16 --set chip.tdp_w=0.4
expect_err "the fewest chips that fit: 2 \(TP2 x PP1, TP1 x PP2\), each over the chip's 0\.4 W TDP at every clock, so none runs" "the fit hint says the 0.4 W TDP as given"
expect_exit 0 "eval under its TDP" -- $RL eval --chip h100-sxm --model llama3-8b --precision fp8
expect_no_out "over_tdp|lowest_clock_watts|at every clock" "under its TDP: no word of it in the table"
expect_out "^  limited +0 " "the table is there: under its TDP, not limited"
expect_exit 0 "eval json under its TDP" -- $RL eval --chip h100-sxm --model llama3-8b --precision fp8 --json
expect_out '"over_tdp": 0,' "json: power.over_tdp 0"
expect_out '"lowest_clock_watts": null' "json: no power at the lowest clock"
# an option after a scenario replaces the preset the scenario named whole,
# as docs/tour.md's eval contract says: trtllm-2048-128 names profile
# trtllm-0.10, whose keys etched-claim leaves unset (seq_overhead_us 19.1,
# eff_kv_memory 0.28) stayed under --profile etched-claim and cut Sohu's 8
# single-chip replicas from docs/claim.md's 494,587 total tokens/s (404,649 before
# etched-claim hid attention under the GEMMs, attn_overlap 1, 2026-11-30)
# to 250,516
expect_exit 0 "a scenario's profile replaced by --profile" -- $RL eval --scenario trtllm-2048-128 \
	--chip sohu --model llama3-70b --precision fp8 --tp 1 --chips 8 --profile etched-claim
expect_out "^  total_tokens_per_s +494587 tokens/s" "etched-claim whole: Sohu DP8's 494,587 (docs/claim.md)"
# and a scenario's chip by --chip: Sohu as claimed names no process node,
# so no power model and no cost (docs/claim.md: "Power is not modelled for the
# Sohu spec sheet"), where the H100's node, die and power stayed (2884 W)
printf '[preset]\nchip = h100-sxm\nmodel = llama3-70b\n[scenario]\nprecision = fp8\nisl = 2048\nosl = 128\ntp = 1\nchips = 8\n' >"$tmpd/sc.ini"
expect_exit 0 "a scenario's chip replaced by --chip" -- $RL eval --scenario "$tmpd/sc.ini" \
	--chip sohu --profile etched-claim --json
expect_out '"watts": null' "Sohu as claimed: no power model, nothing of the H100's kept"
expect_out '"chip_cost_usd": null' "Sohu as claimed: no manufacturing cost"
expect_out '"total_tokens_per_s": 494587\.' "the same 494,587 total tokens/s"
# whole, every section an option replaces: a preset after a scenario gives
# what that preset gives alone (its output with its own scenario of the
# same settings, byte for byte but the scenario's name): the chip's
# [design] and [cost] (sohu-design's under --chip h100-sxm, area and
# eval), its node's name (h100-sxm's n4 under a design with none), the
# model (DeepSeek-R1's latent attention and experts under --model
# llama3-8b); each check fails with that section's reset taken out
sc_write() { printf '[meta]\nname = s\n[preset]\nchip = %s\nmodel = %s\n[scenario]\nprecision = fp8\ntp = %s\nchips = %s\n' "$2" "$3" "$4" "$4" >"$tmpd/$1.ini"; }
sc_write sa sohu-design mixtral-8x7b 1
sc_write sb h100-sxm llama3-8b 1
sc_write sr h100-sxm deepseek-r1 8
sc_write s8 h100-sxm llama3-8b 8
printf '[design]\ndie_mm2 = 500\nfrac_mac = 0.2\ndensity_mtr_per_mm2 = 90\n' >"$tmpd/nn.ini"
same_as() { # WORDS A-ARGS -- B-ARGS
	w=$1; shift
	a=""; while [ "$1" != -- ]; do a="$a $1"; shift; done; shift
	$RL $a >"$tmpd/sa.out" 2>&1; echo "rc=$?" >>"$tmpd/sa.out"
	$RL "$@" >"$tmpd/sb.out" 2>&1; echo "rc=$?" >>"$tmpd/sb.out"
	sed -i '/"scenario":/d' "$tmpd/sa.out" "$tmpd/sb.out"
	if cmp -s "$tmpd/sa.out" "$tmpd/sb.out"; then echo "ok - $w"; else
		echo "not ok - $w"; diff "$tmpd/sa.out" "$tmpd/sb.out" | head -4
		fails=$((fails + 1)); fi
}
same_as "eval: sohu-design and Mixtral replaced by h100-sxm and Llama-3 8B" eval --scenario $tmpd/sa.ini --chip h100-sxm --model llama3-8b --json -- eval --scenario "$tmpd/sb.ini" --json
same_as "area: sohu-design's design replaced by the H100's" area --scenario $tmpd/sa.ini --chip h100-sxm --json -- area --chip h100-sxm --json
same_as "area: a chip with no node names none, not the H100's n4" area --scenario $tmpd/sb.ini --chip $tmpd/nn.ini -- area --chip "$tmpd/nn.ini"
same_as "eval: DeepSeek-R1 replaced by Llama-3 8B" eval --scenario $tmpd/sr.ini --model llama3-8b --json -- eval --scenario "$tmpd/s8.ini" --json
# the cost per token of the best load under targets (rl_usd_per_mtok_pair,
# the cost rows' function): with electricity free (cost.usd_per_kwh=0) it is
# the chips' price amortized alone, 8 x price_usd / (4 years x 365.25 x
# 86400 s) x 1e6 / the load's output tokens/s, the price from the preset;
# with energy, counted at the full-load power, it is the full-load figure
# times full-load tokens/s over the load's (the same USD per second)
price=$(awk -F' *= *' '$1 == "price_usd" {print $2}' "$ROOFLAB_DATA/chips/h100-sxm.ini")
U="$RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 --profile trtllm-0.10 --ttft-max 0.5 --tpot-max 0.03"
expect_exit 0 "eval: the cost under targets, energy free" -- $U --set cost.usd_per_kwh=0 --json
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
b = d['best_under_targets']
tps = b['load']['output_tokens_per_s']
want = 8 * $price / (4 * 365.25 * 86400) * 1e6 / tps
got = b['cost']['usd_per_million_tokens_at_price']
assert abs(got / want - 1) < 1e-9, (got, want)
assert tps < d['throughput']['output_tokens_per_s']  # a lower rate than full load
" 2>"$tmpd/err"; then
	echo "ok - eval: USD/Mtoken under the targets is the chips' price over the load's tokens"
else
	echo "not ok - eval: USD/Mtoken under the targets"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "eval: the cost under targets" -- $U --json
cp "$tmpd/out" "$tmpd/ucost.json"
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
b = d['best_under_targets']
r = d['throughput']['output_tokens_per_s'] / b['load']['output_tokens_per_s']
for k in ('usd_per_million_tokens_at_cost', 'usd_per_million_tokens_at_price'):
    assert abs(b['cost'][k] / (d['cost'][k] * r) - 1) < 1e-9, (k, b['cost'][k], d['cost'][k] * r)
" 2>"$tmpd/err"; then
	echo "ok - eval: USD/Mtoken under the targets is full load's scaled by the tokens/s"
else
	echo "not ok - eval: USD/Mtoken under the targets with energy"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "eval: the cost under targets, text" -- $U
expect_out "^  there: USD [0-9.]+ per million output tokens with the chips at cost, [0-9.]+ at$" "the text gives it"
# the text's two figures are the JSON's, to the table's 3 significant digits
tc=$(sed -n 's/^  there: USD \([0-9.]*\) per million output tokens with the chips at cost, \([0-9.]*\) at$/\1 \2/p' "$tmpd/out")
if python3 -c "
import json
c = json.load(open('$tmpd/ucost.json'))['best_under_targets']['cost']
want = '%#.3g %#.3g' % (c['usd_per_million_tokens_at_cost'], c['usd_per_million_tokens_at_price'])
assert '$tc' == want, ('$tc', want)
" 2>"$tmpd/err"; then
	echo "ok - the text's USD/Mtoken under the targets are the JSON's ($tc)"
else
	echo "not ok - the text's USD/Mtoken under the targets ('$tc')"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
# power.output_tokens_per_joule: output tokens/s per chip over the watts a
# chip draws (tokens/s per W).  Sohu by design at tp 1 under etched-claim
# runs only iterations carrying prefill, each held to its TDP (the clock
# lowered): every chip draws the preset's 700 W, so the figure is the system's
# output tokens/s over 8 chips x 700 W, by hand from the preset's tdp_w
tdp=$(awk -F' *= *' '$1 == "tdp_w" {print $2 + 0}' "$ROOFLAB_DATA/chips/sohu-design.ini")
expect_exit 0 "eval: output tokens per joule" -- $RL eval --chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --profile etched-claim --json
cp "$tmpd/out" "$tmpd/tpj.json"
if python3 -c "
import json
d = json.load(open('$tmpd/out'))
assert d['power']['prefill_clock_scale'] < 1 and d['power']['limited'] == 1
want = d['throughput']['output_tokens_per_s'] / (8 * $tdp)
got = d['power']['output_tokens_per_joule']
assert abs(got / want - 1) < 1e-9, (got, want)
" 2>"$tmpd/err"; then
	echo "ok - eval: tokens per joule at the TDP is tokens/s over 8 x 700 W"
else
	echo "not ok - eval: tokens per joule at the TDP"; tail -3 "$tmpd/err" | sed 's/^/    err: /'; fails=$((fails + 1))
fi
expect_exit 0 "eval: tokens per joule, text" -- $RL eval --chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --profile etched-claim
expect_out "^  output_tokens_per_joule +[0-9.]+ tokens/J   output tokens per joule" "the table gives it in tokens/J"
tj=$(sed -n 's/^  output_tokens_per_joule  *\([0-9.]*\) tokens\/J .*/\1/p' "$tmpd/out")
want=$(python3 -c "import json; print('%#.3g' % json.load(open('$tmpd/tpj.json'))['power']['output_tokens_per_joule'])")
[ -n "$tj" ] && [ "$tj" = "$want" ] && echo "ok - the table's tokens/J is the JSON's to 3 digits ($tj)" ||
	{ echo "not ok - the table's tokens/J '$tj', the JSON's '$want'"; fails=$((fails + 1)); }
# a chip naming no node has no power model: n/a, JSON null (the B200)
expect_exit 0 "eval: tokens per joule without a power model" -- $RL eval --chip b200 --model llama3-70b --precision fp8 --tp 8 --profile ideal --json
expect_out '"output_tokens_per_joule": null' "null where the power is n/a"
# a profile fitted on another chip's rows says so (ux21): trtllm-0.10 was
# fitted on the H100's rows alone (versions.csv's fitted_chip), and on as
# many as its file's header says it was fitted on (no row set aside)
n10=$(sed -n 's/^; Fitted on \([0-9]*\) rows of .*/\1/p' "$ROOFLAB_DATA/profiles/trtllm-0.10.ini")
expect_exit 0 "eval on the H200 under the H100's profile" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1
expect_out "^note: profile trtllm-0\.10 was fitted on h100-sxm rows only \($n10 serving rows of its version there, 0 on h200-sxm\): its figures here are carried from another chip, not validated on this one$" "the note names the profile, its fitted chip and 0 rows on this one"
expect_exit 0 "eval on the H200, JSON" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --json
expect_no_out 'fit_rows_on_chip' "JSON profile_fit has no fit_rows_on_chip (0 wherever it is printed)"
expect_out "\"rows_on_fitted_chip\": $n10," "JSON profile_fit counts the H100's rows"
expect_out '"fitted_chip": "h100-sxm",' "JSON profile_fit names the chip it was fitted on"
for c in b200 l40s; do
	expect_exit 0 "eval on $c" -- $RL eval --chip $c --model llama3-8b --tp 1
	expect_out "^note: profile trtllm-0\.10 was fitted on h100-sxm rows only .*0 on $c\)" "$c: the note says so"
done
expect_exit 0 "eval on the H100 it was fitted on" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1
expect_no_out "^note: profile" "no note on the chip it was fitted on"
expect_out "^profile trtllm-0\.10 \(the default for this chip" "the H100: served by trtllm-0.10, the profile fitted on it"
# a profile of a software the chip's preset does not name ([meta]
# software: data/chips/mi300x.ini names none, its comment says why) says
# its figures are that software's carried over by assumption; the H100's
# preset names TensorRT-LLM, the profile's software: no such note
expect_exit 0 "eval on the MI300X under a TensorRT-LLM profile" -- $RL eval --chip mi300x --model llama3-8b --tp 1 --profile trtllm-0.10
expect_err "^rooflab eval: note: profile trtllm-0\.10 is of TensorRT-LLM 0\.10\.0, software the preset of chip mi300x does not name \(it names none\): its figures are that software's efficiencies carried over to this chip by ASSUMPTION$" "the software note on stderr"
expect_exit 0 "the same, JSON" -- $RL eval --chip mi300x --model llama3-8b --tp 1 --profile trtllm-0.10 --json
expect_out '"software_note": "profile trtllm-0\.10 is of TensorRT-LLM 0\.10\.0, software the preset of chip mi300x does not name \(it names none\)' "JSON software_note"
expect_exit 0 "eval on the H100, JSON" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile trtllm-0.10 --json
expect_out '"software_note": null' "null where the preset names the profile's software"
expect_exit 0 "eval on the H100 again" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile trtllm-0.10
expect_no_err "software the preset" "no software note on the H100"
expect_out "^profile trtllm-0\.10 \(named by --profile\)$" "the H100: the profile line names trtllm-0.10"
# (review42) a profile given by path is read from its file for the note,
# as the chip is (setup's chip_file): a copy of trtllm-0.10 named
# mytrt.ini is TensorRT-LLM 0.10.0's ([meta] software), which the MI300X's
# preset does not name; a file named trtllm-0.10.ini whose [meta] names
# vLLM 0.6.0 is vLLM's, which the H100's preset (TensorRT-LLM) does not
# name.  The note read the shipped profile of the recorded name: none
# named mytrt (no note), and the shipped trtllm-0.10's TensorRT-LLM for
# the second (no note)
mkdir -p "$tmpd/prof"
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$tmpd/prof/mytrt.ini"
sed 's/^software = .*/software = vLLM 0.6.0/' "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/prof/trtllm-0.10.ini"
expect_exit 0 "eval on the MI300X under a copy of trtllm-0.10 by path" -- $RL eval --chip mi300x --model llama3-8b --tp 1 --profile "$tmpd/prof/mytrt.ini"
expect_err "^rooflab eval: note: profile mytrt is of TensorRT-LLM 0\.10\.0, software the preset of chip mi300x does not name \(it names none\): its figures are that software's efficiencies carried over to this chip by ASSUMPTION$" "the software note of a profile by path, read from its file"
expect_exit 0 "eval on the H100 under a vLLM file named trtllm-0.10.ini" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$tmpd/prof/trtllm-0.10.ini" --json
expect_out '"software_note": "profile trtllm-0\.10 is of vLLM 0\.6\.0, software the preset of chip h100-sxm does not name \(it names TensorRT-LLM\)' "the file's software, not the shipped profile's of that name"
# (review42) so is the fitted-on note: the file holds the fit of the
# shipped profile its [meta] names where its [profile] numbers are that
# one's.  The copy named mytrt.ini ([meta] name trtllm-0.10, the same
# numbers) is trtllm-0.10's fit, on the H100's rows ($n10 of them, none
# on the H200), where by its file name it was no fitted profile (no
# note); a refit of one's own saved as trtllm-0.10.ini (eff_link 0.6,
# not the shipped 0.55) is no fit the versions table knows, where by its
# file name it was the H100's
expect_exit 0 "eval on the H200 under a copy of trtllm-0.10 by path" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/prof/mytrt.ini"
expect_out "^note: profile mytrt \(the figures of trtllm-0\.10\) was fitted on h100-sxm rows only \($n10 serving rows of its version there, 0 on h200-sxm\): its figures here are carried from another chip, not validated on this one$" "a copy under another name: the shipped fit its [meta] names"
mkdir -p "$tmpd/refit"
sed 's/^eff_link = [0-9.]*/eff_link = 0.6/' "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/refit/trtllm-0.10.ini"
expect_exit 0 "eval on the H200 under a refit saved as trtllm-0.10.ini" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/refit/trtllm-0.10.ini"
expect_no_out "fitted on h100-sxm" "a refit of one's own under a shipped name: not said to be fitted on the H100"
expect_out "^profile trtllm-0\.10 \(named by --profile\)$" "the refit under a shipped name: its profile line"
expect_exit 0 "the same, JSON" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/refit/trtllm-0.10.ini" --json
expect_out '"profile_fit": null,' "JSON profile_fit null for the refit"
expect_exit 0 "eval on the H200 under the shipped file by path" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$ROOFLAB_DATA/profiles/trtllm-0.10.ini"
expect_out "^note: profile trtllm-0\.10 was fitted on h100-sxm rows only \($n10 serving rows" "the shipped file by path keeps its note"
# (fuzz7 mutation pass over chip_software and profile_software_note) a
# chip file built on the H100 ([preset] chip = h100-sxm) naming no software
# takes the H100's, TensorRT-LLM: trtllm-0.10 its default, no software note
# (a mutant reading the file alone, not the chip it is built on, passed);
# one naming its own, ROCm 6.2, keeps it over the H100's: no default
# profile, and the note names it (a mutant walking on to the H100 passed);
# a copy of mi300x.ini by path is read from its file (chip amd, no software;
# a mutant reading the data directory's 'amd' passed); ideal, a profile of
# no software, gets no note (a mutant taking its empty software passed)
printf '[preset]\nchip = h100-sxm\n' > "$tmpd/onh100.ini"
printf '[meta]\nsoftware = ROCm 6.2\n[preset]\nchip = h100-sxm\n' > "$tmpd/rocm.ini"
cp "$ROOFLAB_DATA/chips/mi300x.ini" "$tmpd/amd.ini"
expect_exit 0 "eval of a chip built on the H100, no profile named" -- $RL eval --chip "$tmpd/onh100.ini" --model llama3-8b --tp 1
expect_out "^profile trtllm-0\.10 \(the default for this chip: the only calibrated profile for TensorRT-LLM" "the H100's software gives its default"
expect_exit 0 "the same under trtllm-0.10, JSON" -- $RL eval --chip "$tmpd/onh100.ini" --model llama3-8b --tp 1 --profile trtllm-0.10 --json
expect_out '"software_note": null' "no software note: the software of the chip it is built on"
expect_exit 0 "eval of a chip built on the H100 naming ROCm 6.2" -- $RL eval --chip "$tmpd/rocm.ini" --model llama3-8b --tp 1
expect_out "ideal: no calibrated profile for '.*rocm\.ini' \(software: ROCm 6\.2\)" "its own software, no default profile"
expect_exit 0 "the same under trtllm-0.10" -- $RL eval --chip "$tmpd/rocm.ini" --model llama3-8b --tp 1 --profile trtllm-0.10
expect_err "^rooflab eval: note: profile trtllm-0\.10 is of TensorRT-LLM 0\.10\.0, software the preset of chip rocm does not name \(it names ROCm 6\.2\): " "the note names the chip's own software"
expect_exit 0 "a copy of the MI300X by path under trtllm-0.10" -- $RL eval --chip "$tmpd/amd.ini" --model llama3-8b --tp 1 --profile trtllm-0.10
expect_err "^rooflab eval: note: profile trtllm-0\.10 is of TensorRT-LLM 0\.10\.0, software the preset of chip amd does not name \(it names none\): " "the chip's file read, not a preset of its name"
expect_exit 0 "ideal on the H100, JSON" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile ideal --json
expect_out '"software_note": null' "no software note for ideal, a profile of no software"
expect_exit 0 "eval on the H100, JSON" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --json
expect_out '"profile_fit": null,' "JSON profile_fit null there"
expect_exit 0 "ideal is no fitted profile" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile ideal --json
expect_out '"profile_fit": null,' "JSON profile_fit null for ideal"
# (fuzz8) a chip's or profile's [meta] software longer than the 127 bytes
# the software note reads (config/profiles.c meta_info), or a calibrated
# longer than 31, is refused where the file is loaded (exit 2, the file,
# its line and the limit), as the chip's default profile refused it: the
# note was left out without a word (a copy of trtllm-0.10 whose software
# is 128 bytes on the MI300X, which names none, printed no note, where
# 127 bytes gave one; a calibrated of 32 bytes the same; a chip file of
# 128 bytes under --profile no note, where without one it was refused).
# trtllm-0.10.ini's software is on its line 7, calibrated on line 9
t127=$(awk 'BEGIN { while (i++ < 127) printf "T" }')
mkdir -p "$tmpd/long"
sed "s/^software = .*/software = ${t127}x/" "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/long/sw128.ini"
sed "s/^software = .*/software = $t127/" "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/long/sw127.ini"
sed "s/^calibrated = .*/calibrated = 2026-11-30 refit by hand, thrice/" "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/long/cal32.ini"
sed "s/^calibrated = .*/calibrated = 2026-11-30 refit by hand, twice/" "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/long/cal31.ini"
expect_exit 2 "a profile whose [meta] software is 128 bytes" -- $RL eval --chip mi300x --model llama3-8b --tp 1 --profile "$tmpd/long/sw128.ini"
expect_err "^rooflab eval: .*/long/sw128\.ini:7: \[meta\] software: 128 bytes; at most 127 bytes$" "refused naming the file, line 7 and the limit"
expect_no_out "." "nothing printed"
expect_exit 0 "one of 127 bytes" -- $RL eval --chip mi300x --model llama3-8b --tp 1 --profile "$tmpd/long/sw127.ini"
expect_err "^rooflab eval: note: profile sw127 is of $t127, software the preset of chip mi300x does not name \(it names none\): " "its software note, the 127 bytes whole"
expect_exit 2 "a profile whose [meta] calibrated is 32 bytes" -- $RL eval --chip mi300x --model llama3-8b --tp 1 --profile "$tmpd/long/cal32.ini"
expect_err "^rooflab eval: .*/long/cal32\.ini:9: \[meta\] calibrated: 32 bytes; at most 31 bytes$" "refused naming the file, line 9 and the limit"
expect_exit 0 "one of 31 bytes" -- $RL eval --chip mi300x --model llama3-8b --tp 1 --profile "$tmpd/long/cal31.ini"
expect_err "^rooflab eval: note: profile cal31 is of TensorRT-LLM 0\.10\.0, software the preset of chip mi300x does not name \(it names none\): " "its software note"
# (the lead, review47's left item) a [meta] fitted, the copy note's date
# where a profile gives no calibrated, is held in as many bytes as
# calibrated: one of 32 bytes was dropped without a word, now refused as
# calibrated is (trtllm-0.11.ini's fitted is on its line 9); one of 31
# loads, a copy of 0.11's fit
sed "s/^fitted = .*/fitted = 2026-11-30 refit by hand, thrice/" "$ROOFLAB_DATA/profiles/trtllm-0.11.ini" >"$tmpd/long/fit32.ini"
sed "s/^fitted = .*/fitted = 2026-11-30 refit by hand, twice/" "$ROOFLAB_DATA/profiles/trtllm-0.11.ini" >"$tmpd/long/fit31.ini"
expect_exit 2 "a profile whose [meta] fitted is 32 bytes" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$tmpd/long/fit32.ini"
expect_err "^rooflab eval: .*/long/fit32\.ini:9: \[meta\] fitted: 32 bytes; at most 31 bytes$" "refused naming the file, line 9 and the limit"
expect_exit 0 "one of 31 bytes" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$tmpd/long/fit31.ini"
expect_out "^profile fit31 \(named by --profile; a copy of profile trtllm-0\.11's fit" "a copy of 0.11's fit"
# (small59) the chip's default profile is chosen reading every profile's
# [meta]; one whose calibrated or software is longer than kept is refused
# there (above), but a fitted of 32 bytes in another profile was passed
# over without a word, the run going on; refused alike now, naming the
# file, its line 9 and the limit (trtllm-0.11.ini's fitted is on line 9)
mkdir "$tmpd/fd"
cp -R "${ROOFLAB_DATA:?}/." "$tmpd/fd/"
cp "$tmpd/long/fit32.ini" "$tmpd/fd/profiles/trtllm-0.11.ini"
expect_exit 2 "the default profile past a profile whose fitted is 32 bytes" -- \
	env ROOFLAB_DATA="$tmpd/fd" $RL eval --chip h100-sxm --model llama3-8b --tp 1
expect_err "^rooflab eval: .*/fd/profiles/trtllm-0\.11\.ini:9: \[meta\] fitted: 32 bytes; at most 31 bytes$" "refused naming the file, line 9 and the limit"
cp "$tmpd/long/fit31.ini" "$tmpd/fd/profiles/trtllm-0.11.ini"
expect_exit 0 "one of 31 bytes: the default chosen" -- \
	env ROOFLAB_DATA="$tmpd/fd" $RL eval --chip h100-sxm --model llama3-8b --tp 1
expect_out "^profile trtllm-0\.10 \(the default for this chip" "trtllm-0.10 the default, as with the shipped files"
printf '[meta]\nsoftware = %sx\n[preset]\nchip = h100-sxm\n' "$t127" >"$tmpd/long/chip128.ini"
expect_exit 2 "a chip file whose software is 128 bytes, under --profile" -- $RL eval --chip "$tmpd/long/chip128.ini" --model llama3-8b --tp 1 --profile trtllm-0.10
expect_err "^rooflab eval: .*/long/chip128\.ini:2: \[meta\] software: 128 bytes; at most 127 bytes$" "refused naming the chip file and line 2"
expect_exit 2 "the same with no profile named" -- $RL eval --chip "$tmpd/long/chip128.ini" --model llama3-8b --tp 1
expect_err "chip128\.ini:2: \[meta\] software: 128 bytes; at most 127 bytes$" "refused alike"
# (fuzz8) the limit is a chip's and a profile's, whose software is read: a
# model's [meta] is free text, 128 bytes of software in it taken
printf '[meta]\nsoftware = %sx\n[preset]\nmodel = llama3-8b\n' "$t127" >"$tmpd/long/model128.ini"
expect_exit 0 "a model file whose [meta] software is 128 bytes" -- $RL eval --chip h100-sxm --model "$tmpd/long/model128.ini" --tp 1
# (fuzz6's mutation pass) a chip given by path is read by its file name
# less .ini: the H100's file is the chip trtllm-0.10 was fitted on (no
# note), the H200's names h200-sxm (a mutant reading the whole path gave
# the H100's file a note)
expect_exit 0 "eval on the H100 given by path" -- $RL eval --chip "$ROOFLAB_DATA/chips/h100-sxm.ini" --model llama3-8b --tp 1
expect_no_out "^note: profile" "no note on the H100 given by path"
expect_out "^llama3-8b on 1 x h100-sxm \(TP1 x PP1\)" "the H100 given by path is read as h100-sxm"
expect_exit 0 "eval on the H200 given by path" -- $RL eval --chip "$ROOFLAB_DATA/chips/h200-sxm.ini" --model llama3-8b --tp 1
expect_out "^note: profile trtllm-0\.10 was fitted on h100-sxm rows only \($n10 serving rows of its version there, 0 on h200-sxm\)" "the H200 by path: named by its file name"
# an L40S file named h100-sxm.ini.ini is the chip h100-sxm.ini (its file
# name less .ini, as eval's own header names it), not the H100 the profile
# was fitted on: the note stripped .ini a second time and said nothing
# (fuzz6)
cp "$ROOFLAB_DATA/chips/l40s.ini" "$tmpd/h100-sxm.ini.ini"
expect_exit 0 "eval on an L40S file named h100-sxm.ini.ini" -- $RL eval --chip "$tmpd/h100-sxm.ini.ini" --model llama3-8b --tp 1
expect_out "^note: profile trtllm-0\.10 was fitted on h100-sxm rows only \($n10 serving rows of its version there, 0 on h100-sxm\.ini\)" "the chip h100-sxm.ini is not the H100"
# (small45) a fitted profile's file copied under another name (mine.ini
# from trtllm-0.10.ini) went by that name alone: no word that its fit is
# trtllm-0.10's (its [meta] name, fitted on TensorRT-LLM 0.10.0 on
# 2026-11-30: the shipped file's [meta]), and on the H200 no note that
# that fit is the H100's rows', since the versions table knows no "mine".
# Now the profile line says whose fit it is, and the chip note names that
# fit (as review42's above: "profile mine (the figures of trtllm-0.10)");
# the shipped file by its path and a copy of ideal (no fit) say nothing.
# (small46b) Both go by one rule, profile_fit_of: the [meta] name and the
# same [profile] figures
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$tmpd/mine.ini"
cp "$ROOFLAB_DATA/profiles/ideal.ini" "$tmpd/myideal.ini"
copyw="a copy of profile trtllm-0\.10's fit \(its \[meta\] name\), fitted on TensorRT-LLM 0\.10\.0 on 2026-12-01: its figures are that version's fit, validated as trtllm-0\.10"
expect_exit 0 "eval on the H200 under a copy of trtllm-0.10" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/mine.ini"
expect_out "^profile mine \(named by --profile; $copyw\)$" "the copy says whose fit it is"
expect_out "^note: profile mine \(the figures of trtllm-0\.10\) was fitted on h100-sxm rows only \($n10 serving rows of its version there, 0 on h200-sxm\)" "the copy on the H200: the fit's chip note, in profile_fit_of's words"
expect_exit 0 "the same, JSON" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/mine.ini" --json
expect_out "\"profile_chosen\": \"named by --profile; $copyw\"" "JSON profile_chosen says it"
expect_out '"fitted_chip": "h100-sxm",' "JSON profile_fit names the fit's chip"
expect_exit 0 "eval on the H100 under the copy" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$tmpd/mine.ini"
expect_no_out "^note: profile" "the copy on the H100 its fit was made on: no chip note"
expect_out "^profile mine \(named by --profile; $copyw\)$" "the copy on the H100: its profile line"
expect_exit 0 "eval under the shipped file by path" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$ROOFLAB_DATA/profiles/trtllm-0.10.ini"
expect_out "^profile trtllm-0\.10 \(named by --profile\)$" "the shipped file by path: no copy note"
expect_exit 0 "eval under a copy of ideal" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/myideal.ini"
expect_out "^profile myideal \(named by --profile\)$" "a copy of a profile fitted on nothing: no copy note"
# (fuzz8's mutation pass over profile_fit_of, copy_note and meta_cb) each
# case by the files' [meta] as data/profiles/ gives it:
# - a copy of trtllm-0.19, a profile fitted per version ([meta] fitted
#   2026-11-30, no calibrated), says whose fit it is, with that date (a
#   mutant asking for calibrated alone said nothing)
cp "$ROOFLAB_DATA/profiles/trtllm-0.19.ini" "$tmpd/mine19.ini"
expect_exit 0 "eval under a copy of trtllm-0.19" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$tmpd/mine19.ini"
expect_out "^profile mine19 \(named by --profile; a copy of profile trtllm-0\.19's fit \(its \[meta\] name\), fitted on TensorRT-LLM 0\.19\.0 on 2026-11-30: its figures are that version's fit, validated as trtllm-0\.19\)$" "a copy of a fitted profile: its fitted date"
# - a copy of trtllm-0.10 with no [meta] name, saved as trtllm-0.10.ini,
#   goes by its own name: trtllm-0.10's figures, so that fit (fitted on
#   the H100's rows: a note on the H200; a mutant leaving the name "" gave
#   none)
mkdir -p "$tmpd/noname"
sed '/^name = /d' "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/noname/trtllm-0.10.ini"
expect_exit 0 "eval on the H200 under trtllm-0.10 with no [meta] name" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/noname/trtllm-0.10.ini"
expect_out "^note: profile trtllm-0\.10 was fitted on h100-sxm rows only \($n10 serving rows of its version there, 0 on h200-sxm\)" "its own name gives the fit"
# - a [meta] name that is a path (to a copy of trtllm-0.10 with no .ini,
#   which a preset path reads) names no shipped fit: no copy note (a
#   mutant taking a path with '/' said "a copy of profile /...'s fit")
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$tmpd/fitcopy"
sed "s|^name = .*|name = $tmpd/fitcopy|" "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/pathname.ini"
expect_exit 0 "eval under a profile whose [meta] name is a path" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$tmpd/pathname.ini"
expect_out "^profile pathname \(named by --profile\)$" "a path is no shipped fit: no copy note"
# - a [meta] name ending in .ini names a file, no shipped fit, though one
#   of that name lies in the folder eval runs in (fitcopy.ini, a copy of
#   trtllm-0.10, which --profile fitcopy.ini reads there), and so does a
#   name that is ".ini" alone (a file .ini there): no copy note (mutants
#   dropping the .ini rule, or taking it from 5 bytes on, named that file
#   as the fit)
mkdir -p "$tmpd/cwd8"
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$tmpd/cwd8/fitcopy.ini"
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$tmpd/cwd8/.ini"
sed "s|^name = .*|name = fitcopy.ini|" "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/cwd8/byini.ini"
sed "s|^name = .*|name = .ini|" "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/cwd8/dotini.ini"
expect_exit 0 "eval under a profile whose [meta] name is fitcopy.ini" -- sh -c "cd '$tmpd/cwd8' && $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile byini.ini"
expect_out "^profile byini \(named by --profile\)$" "a name ending in .ini is no shipped fit: no copy note"
expect_exit 0 "eval under a profile whose [meta] name is .ini" -- sh -c "cd '$tmpd/cwd8' && $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile dotini.ini"
expect_out "^profile dotini \(named by --profile\)$" "nor is .ini alone"
# - in a data folder, a profile of both calibrated (2026-11-30) and fitted
#   (2025-01-01) dates: the copy note gives the calibrated one (a mutant
#   preferring fitted passed); one whose fitted date is 37 bytes, more than
#   meta_info keeps (31), is refused where it is loaded, naming its line 9
#   (it had none kept and no copy note without a word); and one whose
#   software is 128 bytes is
#   refused when the chip's default profile is looked for (a mutant
#   refusing past 128 alone read it)
d8=$tmpd/data8
mkdir -p "$d8/profiles"
for x in chips models nodes scenarios; do ln -s "$ROOFLAB_DATA/$x" "$d8/$x"; done
cp "$ROOFLAB_DATA"/profiles/*.ini "$d8/profiles/"
sed 's/^name = .*/name = both/; s/^calibrated = .*/calibrated = 2026-11-30\nfitted = 2025-01-01/' "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$d8/profiles/both.ini"
cp "$d8/profiles/both.ini" "$tmpd/mineboth.ini"
sed 's/^name = .*/name = longfit/; s/^fitted = .*/fitted = 2026-11-30, refit by hand twice, 2026/' "$ROOFLAB_DATA/profiles/trtllm-0.19.ini" >"$d8/profiles/longfit.ini"
cp "$d8/profiles/longfit.ini" "$tmpd/minelf.ini"
expect_exit 0 "a copy of a profile calibrated and fitted" -- env ROOFLAB_DATA="$d8" $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$tmpd/mineboth.ini"
expect_out "^profile mineboth \(named by --profile; a copy of profile both's fit \(its \[meta\] name\), fitted on TensorRT-LLM 0\.10\.0 on 2026-11-30: " "the calibrated date, not the fitted one"
expect_exit 2 "a copy of a profile whose fitted date is 37 bytes" -- env ROOFLAB_DATA="$d8" $RL eval --chip h100-sxm --model llama3-8b --tp 1 --profile "$tmpd/minelf.ini"
expect_err "^rooflab eval: .*/minelf\.ini:9: \[meta\] fitted: 37 bytes; at most 31 bytes$" "refused, naming its line 9 and the limit"
awk 'BEGIN { while (i++ < 128) printf "T" }' >"$tmpd/t128"
sed "s/^software = .*/software = $(cat "$tmpd/t128")/; s/^name = .*/name = long/" "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$d8/profiles/long.ini"
expect_exit 2 "a data folder's profile of 128-byte software, no profile named" -- env ROOFLAB_DATA="$d8" $RL eval --chip h100-sxm --model llama3-8b --tp 1
expect_err "long\.ini:7: \[meta\] software: 128 bytes; at most 127 bytes" "refused, naming it"
# (small51) a profile through a pipe (--profile <(cat mine.ini)) would be
# read once by the load and again, empty, by the copy note and the
# software note: no note, without a word.  It is refused before either,
# exit 2, as presets.c's not_a_file names a FIFO given as a preset file,
# and nothing is evaluated (no profile line without its notes); timeout:
# a reader that opened the FIFO would wait for a writer for ever
mkfifo "$tmpd/pipe.ini"
if have timeout "a profile given through a FIFO"; then
	expect_exit 2 "a profile given through a FIFO is refused" -- timeout 20 $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/pipe.ini"
	expect_err "^rooflab eval: profile file '$tmpd/pipe\.ini' is not a preset file \(not a regular file\)$" "the FIFO: named, not a regular file"
	expect_no_out "^profile" "the FIFO: no profile line"
fi
# (small51) the copy note is added to the profile note's 640 bytes
# (rl_setup.profile_note): is it cut there?  Not at its longest: a
# scenario named by 127 bytes (S, a file's name less .ini, RL_NAME_MAX -
# 1) naming a copy of a fit whose [meta] name (L) is 63 bytes (a preset
# name's most, presets.c), its software (W) 127 and its date (D) 31
# (meta_info's most; longer are refused): "named by scenario S" is 18 +
# 127 = 145 bytes, the copy's words 20 ("; a copy of profile ") + 63 (L)
# + 36 ("'s fit (its [meta] name), fitted on ") + 127 (W) + 4 (" on ") +
# 31 (D) + 51 (": its figures are that version's fit, validated as ") +
# 63 (L) = 395: 540 in all, whole, to the last L's last byte
# (profiles.c's _Static_assert fails the build where it would be cut)
mkdir "$tmpd/ld"
cp -R "$ROOFLAB_DATA/." "$tmpd/ld/"
L=$(printf 'l%.0s' $(seq 63))
W=$(printf 'w%.0s' $(seq 127))
S=$(printf 's%.0s' $(seq 127))
D=$(printf 'd%.0s' $(seq 31))
sed -e "s/^name = trtllm-0\.10\$/name = $L/" -e "s/^software = .*/software = $W/" \
	-e "s/^calibrated = .*/calibrated = $D/" \
	"$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/ld/profiles/$L.ini"
cp "$tmpd/ld/profiles/$L.ini" "$tmpd/lcopy.ini"
sed "s|^profile = trtllm-0\.10\$|profile = $tmpd/lcopy.ini|" "$ROOFLAB_DATA/scenarios/trtllm-2048-128.ini" >"$tmpd/$S.ini"
expect_exit 0 "a long scenario naming a copy of a long-named fit, JSON" -- env ROOFLAB_DATA="$tmpd/ld" $RL eval --chip h100-sxm --model llama3-8b --tp 1 --scenario "$tmpd/$S.ini" --json
expect_out "^    \"profile_chosen\": \"named by scenario $S; a copy of profile $L's fit \(its \[meta\] name\), fitted on $W on $D: its figures are that version's fit, validated as $L\",$" "the longest copy note, whole (540 bytes)"
# a refit of one's own kept under another name with trtllm-0.10's [meta]
# name (eff_link 0.6, the shipped 0.5525386176) is no copy of that fit:
# by the [meta] name alone the profile line called it "a copy of profile
# trtllm-0.10's fit" and the note on the H200 its figures the H100's
# rows'; the refit saved as trtllm-0.10.ini says nothing of a copy either
sed 's/^eff_link = [0-9.]*/eff_link = 0.6/' "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" >"$tmpd/myrefit.ini"
expect_exit 0 "eval on the H200 under a refit kept as myrefit.ini" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/myrefit.ini"
expect_out "^profile myrefit \(named by --profile\)$" "a refit under another name: no copy note"
expect_no_out "fitted on h100-sxm" "a refit under another name: not said to be fitted on the H100"
expect_exit 0 "eval on the H200 under a refit saved as trtllm-0.10.ini, the profile line" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile "$tmpd/refit/trtllm-0.10.ini"
expect_out "^profile trtllm-0\.10 \(named by --profile\)$" "a refit under a shipped name: no copy note"
# a sweep's [base] naming the copy on the H200: the fit's note, stored
printf '[base]\nchip = h200-sxm\nmodel = llama3-8b\nprofile = %s\n[axes]\nscenario.batch = 1, 2\n' "$tmpd/mine.ini" >"$tmpd/copysw.ini"
expect_exit 0 "a sweep under the copy on the H200" -- $RL sweep "$tmpd/copysw.ini" --db "$tmpd/copysw.db"
expect_err "^rooflab sweep: \[base\]: note: profile mine \(the figures of trtllm-0\.10\) was fitted on h100-sxm rows only" "sweep: the copy's [base] gets the fit's note"
# (small47) the same copy named by a scenario file (profile = its path)
# or by a sweep's [baseline] went by its file name alone: no copy note,
# and the [baseline] on the H200 no note that its fit is the H100's rows'.
# Now as --profile: the scenario's (eval, a claim side, a [baseline]) and
# the [baseline]'s profile = say whose fit it is, and the chip note names it
sed "s|^profile = trtllm-0\.10\$|profile = $tmpd/mine.ini|" "$ROOFLAB_DATA/scenarios/trtllm-2048-128.ini" >"$tmpd/copyscen.ini"
grep -q "^profile = $tmpd/mine.ini\$" "$tmpd/copyscen.ini" && echo "ok - the scenario names the copy" ||
	{ echo "not ok - copyscen.ini names no copy"; fails=$((fails + 1)); }
expect_exit 0 "eval on the H200, a scenario naming the copy" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --scenario "$tmpd/copyscen.ini"
expect_out "^profile mine \(named by scenario copyscen; $copyw\)$" "the scenario's copy says whose fit it is"
expect_out "^note: profile mine \(the figures of trtllm-0\.10\) was fitted on h100-sxm rows only \($n10 serving rows of its version there, 0 on h200-sxm\)" "the scenario's copy on the H200: the fit's chip note"
expect_exit 0 "the same, JSON" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --scenario "$tmpd/copyscen.ini" --json
expect_out "\"profile_chosen\": \"named by scenario copyscen; $copyw\"" "JSON profile_chosen says it"
expect_exit 0 "a scenario naming the shipped trtllm-0.10" -- $RL eval --chip h100-sxm --model llama3-8b --tp 1 --scenario trtllm-2048-128
expect_out "^profile trtllm-0\.10 \(named by scenario trtllm-2048-128\)$" "the shipped profile by a scenario: no copy note"
# (small46b) a scenario naming the refit kept as myrefit.ini ([meta] name
# trtllm-0.10, eff_link 0.6): no copy, by the same rule as --profile's
sed "s|^profile = trtllm-0\.10\$|profile = $tmpd/myrefit.ini|" "$ROOFLAB_DATA/scenarios/trtllm-2048-128.ini" >"$tmpd/refitscen.ini"
expect_exit 0 "eval on the H200, a scenario naming the refit" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --scenario "$tmpd/refitscen.ini"
expect_out "^profile myrefit \(named by scenario refitscen\)$" "the scenario's refit: no copy note"
expect_no_out "fitted on h100-sxm" "the scenario's refit: not said to be fitted on the H100"
expect_exit 0 "a claim side by the scenario naming the copy" -- $RL claim --a "h200-sxm,scenario=$tmpd/copyscen.ini,model=llama3-8b,tp=1" --b h100-sxm,profile=trtllm-0.10,model=llama3-8b,tp=1 --samples 0 --no-design --json
expect_out "\"profile_chosen\": \"named by scenario copyscen; $copyw\"" "claim: side a's profile_chosen says whose fit it is"
expect_out "\"note\": \"profile mine \(the figures of trtllm-0\.10\) was fitted on h100-sxm rows only" "claim: side a on the H200 gets the fit's note"
# a sweep's [baseline] naming the copy, then by the scenario, on the H200
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\nprofile = trtllm-0.10\n[baseline]\nchip = h200-sxm\nmodel = llama3-8b\nprofile = %s\n[axes]\nscenario.batch = 1, 2\n' "$tmpd/mine.ini" >"$tmpd/copybl.ini"
expect_exit 0 "a sweep whose [baseline] names the copy on the H200" -- $RL sweep "$tmpd/copybl.ini" --db "$tmpd/copybl.db"
expect_err "^rooflab sweep: \[baseline\]: note: profile mine \(the figures of trtllm-0\.10\) was fitted on h100-sxm rows only \($n10 serving rows of its version there, 0 on h200-sxm\)" "sweep: the copy's [baseline] gets the fit's note"
expect_no_err "^rooflab sweep: \[base\]: note" "the [base], on the H100 its fit was made on: no note"
# the run keeps both (runs.baseline_profile_chosen, baseline_profile_fit)
if have sqlite3 "the [baseline]'s notes stored"; then
	blrow=$(sqlite3 "$tmpd/copybl.db" "SELECT baseline_profile || '|' || baseline_profile_chosen || '|' || baseline_profile_fit FROM runs")
	case $blrow in
	"mine|named by profile=; a copy of profile trtllm-0.10's fit (its [meta] name), "*"|profile mine (the figures of trtllm-0.10) was fitted on h100-sxm rows only"*)
		echo "ok - runs keep the [baseline]'s copy note and its fit's chip note" ;;
	*) echo "not ok - runs' [baseline] columns: $blrow"; fails=$((fails + 1)) ;;
	esac
fi
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\nprofile = trtllm-0.10\n[baseline]\nchip = h200-sxm\nmodel = llama3-8b\nscenario = %s\n[axes]\nscenario.batch = 1, 2\n' "$tmpd/copyscen.ini" >"$tmpd/copybls.ini"
expect_exit 0 "a sweep whose [baseline]'s scenario names the copy" -- $RL sweep "$tmpd/copybls.ini" --db "$tmpd/copybls.db"
expect_err "^rooflab sweep: \[baseline\] serves under profile mine \(named by scenario copyscen; $copyw\)$" "sweep: the [baseline]'s scenario's copy says whose fit it is"
expect_err "^rooflab sweep: \[baseline\]: note: profile mine \(the figures of trtllm-0\.10\) was fitted on h100-sxm rows only" "sweep: and gets the fit's note"
# the rows of profiles fitted on published-h100.csv (not measurements.csv),
# as many as the file's header says were fitted and set aside; trtllm-1.0's
# not counting the rows of the versions that borrow it out of sample
# (versions.csv's fitted_version 1.0(main))
for p in trtllm-0.19 trtllm-1.0; do
	hdr=$(sed -n 2p "$ROOFLAB_DATA/profiles/$p.ini")
	nf=$(echo "$hdr" | sed -n 's/^; Fitted on \([0-9]*\) rows of .*/\1/p')
	na=$(echo "$hdr" | sed -n 's/.*, \([0-9]*\) more set aside .*/\1/p')
	n=$((nf + ${na:-0}))
	expect_exit 0 "eval on the H200 under $p" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --profile $p
	expect_out "^note: profile $p was fitted on h100-sxm rows only \($n serving rows of its version there, 0 on h200-sxm\)" "$p: its $n rows of published-h100.csv"
done
# under load too (the load's JSON carries the setup's)
expect_exit 0 "eval --rate on the H200" -- $RL eval --chip h200-sxm --model llama3-8b --tp 1 --rate 1 --requests 50
expect_out "^note: profile trtllm-0\.10 was fitted on h100-sxm rows only" "the note under load"
# (ux22) eval's and map's first lines give the chips, the replicas and the
# lengths in all their digits: a million chips of TP1 are DP1000000 (1e6 /
# 1), and 1,000,000 input tokens; %g wrote "1e+06 x h200-sxm (TP1 x PP1 x
# DP1e+06), fp8, 1e+06 in"
expect_exit 0 "eval of a million chips" -- $RL eval --chip h200-sxm --model llama3-8b --chips 1000000 --isl 1000000
expect_out "^llama3-8b on 1000000 x h200-sxm \(TP1 x PP1 x DP1000000\), fp8, 1000000 in / 128 out$" "eval's first line in whole numbers"
expect_exit 0 "map of 2^20 chips" -- $RL map --chip h200-sxm --model llama3-8b --chips 1048576
expect_out "^llama3-8b on 1048576 x h200-sxm, fp8, 2048 in / 128 out" "map's first line in whole numbers"
# Sohu as claimed has no power model (no node): its USD per million tokens
# is n/a, and eval says what is known of it, as claim's table does ("0.0732
# + energy"): the chips alone, by hand 8 x 33,625 USD (data/chips/sohu.ini
# price_usd) over 4 years of 365.25 days, over the output tokens/s; none at
# manufacturing cost (no node, no cost)
S="$RL eval --chip sohu --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --profile etched-claim"
expect_exit 0 "eval Sohu as claimed, JSON" -- $S --json
to=$(sed -n 's/.*"output_tokens_per_s": \([0-9.e+]*\).*/\1/p' "$tmpd/out" | head -1)
hp=$(awk -v t="$to" 'BEGIN { printf "%.9g", 8 * 33625 / (4 * 365.25 * 86400) / t * 1e6 }')
jp=$(sed -n '/"usd_chips_only"/,/}/s/.*"usd_per_million_tokens_at_price": \([0-9.e+-]*\).*/\1/p' "$tmpd/out")
awk -v a="$hp" -v b="$jp" 'BEGIN { exit !(b != "" && (a - b) ^ 2 < (1e-8 * a) ^ 2) }' &&
	echo "ok - JSON's usd_chips_only at price by hand ($hp)" ||
	{ echo "not ok - usd_chips_only at price '$jp', by hand $hp"; fails=$((fails + 1)); }
expect_out '"usd_per_million_tokens_at_cost": null,' "none at manufacturing cost"
expect_out '"usd_per_million_tokens_at_price": null$' "the full figure stays null"
expect_out '"note": "the chips. share alone' "a note says what it is"
# text: three significant digits, the figure under 0.1 with four decimals
want=$(awk -v u="$hp" 'BEGIN { if (u >= 0.01 && u < 0.1) printf "%.4f", u; else printf "out of the hand rule: %s", u }')
expect_exit 0 "eval Sohu as claimed, text" -- $S
expect_out "^  usd_per_million_tokens_at_price +n/a " "the full figure n/a"
expect_out "^ \(amortized\) come to $want USD/Mtoken at their price, n/a at manufacturing cost, \+ energy$" \
	"the note gives the chips' share ($want)"
expect_exit 0 "claim's table beside it" -- $RL claim --samples 0
expect_out "^  b  8x Sohu \(as claimed\) +$want \+ energy \(chip 33625\)" "claim's table writes the same $want"
# a chip with a power model: no such note, JSON null
expect_exit 0 "eval H100, text" -- $E
expect_no_out "the chips alone" "no chips-only note where the figure is known"
expect_out "^  usd_per_million_tokens_at_price +[0-9]+\.[0-9]+ USD/Mtoken " "the H100: the full figure at price, not n/a"
# (small51) a TDP as given, in all its digits (model/numtext.h
# rl_number_write, as claim's text writes it since 418418c): 700.1234 W
# reads 700.1234 and 10.1234567 W 10.1234567, where %g wrote their first
# six digits, 700.123 and 10.1235 (a TDP of 10 W is under Sohu by
# design's static power alone, so over it at every clock)
expect_exit 0 "eval: Sohu by design at 10.1234567 W" -- $RL eval --chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --profile etched-claim --set chip.tdp_w=10.1234567
expect_out "over its 10\.1234567 W TDP at every clock" "eval's over-TDP words: the TDP in all its digits"
expect_no_out "10\.1235 W" "no %g TDP"
# (ux28) a phase whose clock the TDP lowered is said under the table with
# its bound, lest "prefill bound compute" read as though MAC arrays were
# the lever: Sohu by design on etched-bench at design.frac_mac 0.3 draws
# more than its 700 W TDP at full clock (area: 1579 W at full load with
# 0.2 of the die in MAC arrays; more MAC arrays draw more), so its prefill
# iterations run at a lowered clock, the share the table's
# prefill_clock_scale gives; with the TDP at 10 kW (over any full load of
# it) and on the H100 (370 W under its 700 W) nothing is said
SD="--chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --profile etched-claim --set design.frac_mac=0.3"
expect_exit 0 "eval: Sohu by design, MAC share 0.3, held to its TDP" -- $RL eval $SD
k=$(sed -n 's/^  prefill_clock_scale  *\(0\.[0-9]*\)  .*/\1/p' "$tmpd/out")
if [ -n "$k" ] && grep -qxF "(the TDP binds: iterations carrying prefill run at $k of the nominal clock" "$tmpd/out" &&
	grep -qxF " (power.prefill_clock_scale) to stay within 700 W; what bounds them, compute," "$tmpd/out"; then
	echo "ok - eval says the TDP binds prefill, at the table's clock share ($k), and its bound"
else
	echo "not ok - eval's TDP-binds note (prefill_clock_scale '$k')"; grep -A2 "TDP binds" "$tmpd/out" | sed 's/^/    /'; fails=$((fails + 1))
fi
expect_no_out "^\(the TDP binds: decode-only" "no decode-only iteration runs there: no note for one"
expect_exit 0 "eval: the same with a 10 kW TDP" -- $RL eval $SD --set chip.tdp_w=10000
expect_no_out "^\(the TDP binds: " "no note where the TDP lowers no clock"
expect_exit 0 "eval: the H100 under its TDP" -- $RL eval --chip h100-sxm --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 8 --profile trtllm-0.10
expect_no_out "^\(the TDP binds: " "no note on the H100 at 370 W"
# (ux28) a refused design gets its error alone, not first the note that
# its price does not follow the --set: sohu-design's shares with
# design.frac_mac 0.3 ($SD) and frac_sram 0.5 add up to 0.3 + 0.07 + 0.5 +
# 0.08 + 0.25 = 1.2 (data/chips/sohu-design.ini's others), over the die
expect_exit 2 "eval: Sohu by design with its shares over the die" -- $RL eval $SD --set design.frac_sram=0.5
expect_err "the area shares add up to 1\.2 > 1" "the error names the shares' sum"
if grep -q "note: " "$tmpd/err"; then
	echo "not ok - a refused design's eval prints a price note before its error"; fails=$((fails + 1))
else
	echo "ok - a refused design's eval: the error alone, no price note"
fi
# (ux30) power.clock_scale is the lower of the two phases' clock shares,
# as its doc now says, where it read "the share of the nominal clock the
# chip runs at": Sohu by design with 2 HBM stacks runs prefill at the 700 W
# TDP (a lowered clock) and memory-bound decode under it (the full clock)
expect_exit 0 "eval: phases at two clocks" -- $RL eval --chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8 --set design.hbm_stacks=2 --json
if python3 -c "
import json
p = json.load(open('$tmpd/out'))['power']
assert p['prefill_clock_scale'] < 1 and p['decode_clock_scale'] == 1, p
assert p['clock_scale'] == min(p['prefill_clock_scale'], p['decode_clock_scale']), p
" 2>"$tmpd/perr"; then
	echo "ok - clock_scale is the lower phase's"
else
	echo "not ok - clock_scale: $(tail -1 "$tmpd/perr")"; fails=$((fails + 1))
fi
expect_exit 0 "eval: clock_scale's doc" -- $RL eval --chip h100-sxm --model llama3-8b
expect_out "^  clock_scale .* the lower of prefill_clock_scale and decode_clock_scale" "the doc says which"
# (ux30) a power-model key set on a chip with no power model (sohu.ini
# names no node: power.watts n/a) is said to change nothing, as a design.*
# key on a spec-sheet chip is: a 100 W TDP served Sohu as claimed as fast
# as none, without a word; its speed the same with it as without
expect_exit 0 "eval sohu, no --set" -- $RL eval --chip sohu --model llama3-70b --tp 8
t0=$(grep "^  total_tokens_per_s " "$tmpd/out")
expect_exit 0 "eval sohu --set chip.tdp_w=100 --set power.static_w=5" -- $RL eval --chip sohu --model llama3-70b --tp 8 --set chip.tdp_w=100 --set power.static_w=5
expect_err "^rooflab eval: warning: --set chip\.tdp_w=100 changes nothing eval computes: sohu names no process node \(node\.\*\), so it has no power model" "the TDP said inert"
expect_err "^rooflab eval: warning: --set power\.static_w=5 changes nothing eval computes" "power.static_w said inert"
[ -n "$t0" ] && [ "$t0" = "$(grep "^  total_tokens_per_s " "$tmpd/out")" ] && echo "ok - and it is: the same tokens/s" ||
	{ echo "not ok - sohu's tokens/s moved with a TDP it has no model for"; fails=$((fails + 1)); }
expect_exit 0 "eval h100-sxm --set chip.tdp_w=600" -- $RL eval --chip h100-sxm --model llama3-70b --tp 8 --set chip.tdp_w=600
expect_no_err "changes nothing" "a chip with a power model: no such warning"
# (ux30) design.fma_units and design.transistors stand behind frac_mac and
# density_mtr_per_mm2 (model/silicon.c), which sohu-design.ini gives: set
# alone they changed nothing, unsaid (100 transistors served as its 80
# billion).  Said now; with the key before them at 0 they act, in the
# direction of their sense: 1,000,000 FMA units, fewer than its 1,600,324
# (area: 20% of 80.02 B transistors / 10,000 each), serve fewer tokens/s
w="--chip sohu-design --model llama3-70b --tp 1 --chips 8 --profile etched-claim"
expect_exit 0 "eval sohu-design" -- $RL eval $w
t0=$(sed -n 's/^  total_tokens_per_s  *\([0-9.]*\) .*/\1/p' "$tmpd/out")
expect_exit 0 "eval sohu-design --set design.fma_units, .transistors" -- $RL eval $w --set design.fma_units=1000000 --set design.transistors=100
expect_err "^rooflab eval: warning: --set design\.fma_units=1000000 changes nothing eval computes: sohu-design gives design\.frac_mac, which stands before it; give --set design\.frac_mac=0 to derive" "fma_units said inert"
expect_err "^rooflab eval: warning: --set design\.transistors=100 changes nothing eval computes: sohu-design gives design\.density_mtr_per_mm2" "transistors said inert"
t1=$(sed -n 's/^  total_tokens_per_s  *\([0-9.]*\) .*/\1/p' "$tmpd/out")
expect_exit 0 "eval sohu-design, frac_mac 0, fma_units 1e6" -- $RL eval $w --set design.frac_mac=0 --set design.fma_units=1000000
expect_no_err "changes nothing" "no warning where fma_units acts"
t2=$(sed -n 's/^  total_tokens_per_s  *\([0-9.]*\) .*/\1/p' "$tmpd/out")
if python3 -c "assert $t0 == $t1 and $t2 < $t0" 2>/dev/null; then
	echo "ok - inert where said ($t0 = $t1), fewer units fewer tokens/s where not ($t2)"
else
	echo "not ok - tokens/s '$t0' '$t1' '$t2'"; fails=$((fails + 1))
fi
# (review55) the advice is one the command line takes: where the user's
# own --set of the MAC block's area stands before the FMA units, adding
# --set design.frac_mac=0 beside it is refused (both forms of one block,
# cli/parseopt.c), so the warning names that --set and says to give the
# share of 0 in its place (which clears the area too: model/params.c)
expect_exit 0 "eval sohu-design --set design.mac_mm2=160 --set design.fma_units" -- $RL eval $w --set design.mac_mm2=160 --set design.fma_units=1000000
expect_err "^rooflab eval: warning: --set design\.fma_units=1000000 changes nothing eval computes: your --set design\.mac_mm2=160, which stands before it; give --set design\.frac_mac=0 \(a share of 0 clears design\.mac_mm2 too\) in place of --set design\.mac_mm2=160" "the user's own mac_mm2 named, the share advised in its place"
expect_exit 0 "eval sohu-design --set design.mac_mm2=0 --set design.fma_units" -- $RL eval $w --set design.mac_mm2=0 --set design.fma_units=1000000
expect_err "sohu-design gives design\.frac_mac, which stands before it; give --set design\.frac_mac=0 in place of --set design\.mac_mm2=0" "mac_mm2=0 (take the share) leaves the preset's share: advised in its place"
# (small72) a --set past 300 bytes is quoted cut at a whole character with
# "..." and its size, where "%.300s" cut it without a mark (400 zeros
# shown as 284, another number, in the advice).  By hand: the assignment
# is "design.mac_mm2=" (15 bytes), 400 zeros and "160", 418 bytes; its
# first 297 bytes are the key and 282 zeros
z400=$(printf '%0400d' 0)
z282=$(printf '%0282d' 0)
expect_exit 0 "eval sohu-design with a 418-byte --set design.mac_mm2" -- $RL eval $w --set "design.mac_mm2=${z400}160" --set design.fma_units=1000000
expect_err "your --set design\.mac_mm2=${z282}\.\.\. \(418 bytes\), which stands before it; give --set design\.frac_mac=0 \(a share of 0 clears design\.mac_mm2 too\) in place of --set design\.mac_mm2=${z282}\.\.\. \(418 bytes\) to derive" \
	"a long --set: cut with '...' and its size, never as another value"
expect_err "^rooflab eval: warning: --set design\.fma_units=1000000 changes nothing" \
	"a long --set: the warning names the inert --set whole"
# (small66) more SRAM on Sohu by design takes the die's unassigned rest,
# not MAC area (model/silicon.c: the rest is 1 less the five shares; the
# preset gives no source for its 30%): said where a --set trades SRAM
# alone.  By hand from data/chips/sohu-design.ini's shares: frac_sram 0.2
# leaves 1 - 0.20 - 0.07 - 0.20 - 0.08 - 0.25 = 0.20, "20.00% left";
# sram_mm2 181.4 is 181.4 / 814 = 0.222850 of the die, leaving 1 - 0.20 -
# 0.07 - 0.222850 - 0.08 - 0.25 = 0.177150, "17.71% left"; with
# design.frac_mac set too (the trade made) nothing is said
SR="--chip sohu-design --model llama3-70b --precision fp8 --isl 2048 --osl 128 --tp 1 --chips 8"
expect_exit 0 "eval: Sohu by design, more SRAM alone" -- $RL eval $SR --set design.frac_sram=0.2
expect_err "^rooflab eval: note: --set design\.frac_sram=0\.2 takes its area from the die's unassigned rest \(20\.00% left: 1 less the five block shares, a residue with no figure of its own\), not from the MAC arrays, whose FMA units and peaks stay; lower design\.frac_mac" "eval: more SRAM takes the unassigned rest, said"
expect_exit 0 "eval: Sohu by design, SRAM by its area" -- $RL eval $SR --set design.sram_mm2=181.4
expect_err "^rooflab eval: note: --set design\.sram_mm2=181\.4 takes its area from the die's unassigned rest \(17\.71% left" "eval: SRAM by area, the rest left"
expect_exit 0 "eval: Sohu by design, SRAM traded against MACs" -- $RL eval $SR --set design.frac_sram=0.2 --set design.frac_mac=0.1
expect_no_err "unassigned rest" "eval: no note where frac_mac is set too"
# (small72) --profile PATH past validate's 127 bytes (claim/validation.c
# keeps a row's profile in RL_NAME_MAX): the other commands that take a
# profile serve it whole (its name the file's, "prof"), and validate
# refuses it naming the limit, exit 2; none cuts it to another path
lp=$tmpd/$(printf '%0200d' 0 | tr 0 p)
mkdir "$lp"
cp "${ROOFLAB_DATA}/profiles/trtllm-0.10.ini" "$lp/prof.ini"
expect_exit 0 "eval --profile of a 200-byte folder" -- $RL eval --chip h100-sxm --model llama3-8b --profile "$lp/prof.ini" --json
expect_out '"profile": "prof"' "eval: the long path's profile, by its file's name"
expect_exit 0 "curve --profile of a 200-byte folder" -- $RL curve --chip h100-sxm --model llama3-8b --profile "$lp/prof.ini" --json
expect_out '"profile": "prof"' "curve: the long path's profile"
expect_exit 0 "map --profile of a 200-byte folder" -- $RL map --chip h100-sxm --model llama3-8b --chips 8 --profile "$lp/prof.ini"
expect_out "^profile prof \(named by --profile" "map: the long path's profile"
expect_exit 0 "claim a=...,profile= of a 200-byte folder" -- $RL claim --a "h100-sxm,profile=$lp/prof.ini" --json
expect_out '"label": "8 x h100-sxm \(prof\)"' "claim: side a on the long path's profile"
expect_exit 2 "validate --profile of a 200-byte folder" -- $RL validate --profile "$lp/prof.ini"
expect_err "at most 127 bytes \(a shorter path, or the file copied into data/profiles/ and given by its name\)$" \
	"validate: refused, naming the limit and the fix"

# (small76) a chip price that is a stand-in says so in eval's row and
# JSON: data/chips/sohu-design.ini writes its 33,625 USD (the H100's) as an
# ASSUMPTION beside price_usd (config/presetnote.h); claim said so, eval's
# chip_price_usd row did not.  The H100's price is sourced (no such word);
# a price set for the run is no preset's
expect_exit 0 "eval sohu-design" -- $RL eval --chip sohu-design --model llama3-70b --tp 8
expect_out "^  chip_price_usd +33625 USD +price a buyer pays for one chip: here a stand-in, no published price, its preset's ASSUMPTION \(note below\)$" "the row says the price is a stand-in"
expect_out "^note: chip_price_usd, 33625 USD, is data/chips/sohu-design\.ini's \(price_usd\) ASSUMPTION: no published price" "the note gives the preset's words"
expect_exit 0 "eval sohu-design --json" -- $RL eval --chip sohu-design --model llama3-70b --tp 8 --json
expect_out '"chip_price_assumption": "ASSUMPTION: no published price; as sohu\.ini, 33,625 USD' "JSON: chip_price_assumption the preset's words"
expect_exit 0 "eval h100-sxm --json" -- $RL eval --chip h100-sxm --model llama3-70b --tp 8 --json
expect_out '"chip_price_assumption": null' "JSON: a sourced price is no assumption"
expect_exit 0 "eval h100-sxm" -- $RL eval --chip h100-sxm --model llama3-70b --tp 8
expect_no_out "stand-in" "a sourced price's row says no stand-in"
expect_exit 0 "eval sohu-design, its price set" -- $RL eval --chip sohu-design --model llama3-70b --tp 8 --set cost.price_usd=20000 --json
expect_out '"chip_price_assumption": null' "JSON: a price set for the run is no preset's assumption"

# (review58) a preset path that is no file is quoted cut past 300 bytes,
# at a whole character with '...' and its size, so that the reason after
# it is said: whole, a path of 1,010 bytes filled eval's 1,024-byte
# message and cut "does not exist" off (and claim's side, which takes a
# profile= of 1,023 bytes since small76, the same).  By hand: the quote is
# the path's first 297 bytes (ASCII) and "...", then "(1010 bytes)"
seg=$(printf '%0200d' 0 | tr 0 q)
gone="$tmpd/gone/$seg/$seg/$seg/$seg/"
pad=$((1010 - ${#gone} - 4))
gone="$gone$(printf "%0${pad}d" 0 | tr 0 f).ini"
g297=$(printf '%s' "$gone" | cut -c1-297 | sed 's/[].[\\*^$()+?{|]/\\&/g')
expect_exit 2 "eval --profile of a 1010-byte path that is not there" -- $RL eval --chip h100-sxm --model llama3-8b --profile "$gone"
expect_err "^rooflab eval: profile file '$g297\\.\\.\\.' \\(${#gone} bytes\\) does not exist$" \
	"eval: the long path quoted cut, the reason said"
expect_exit 2 "claim: a side's profile= of a 1010-byte path that is not there" -- $RL claim --b "h100-sxm,profile=$gone" --samples 0 --no-design
expect_err "^rooflab claim: side b \\(h100-sxm\\): profile file '$g297\\.\\.\\.' \\(${#gone} bytes\\) does not exist$" \
	"claim: the long path quoted cut, the reason said"
# and a path of 300 bytes or fewer whole, as before
expect_exit 2 "eval --chip of a short path that is not there" -- $RL eval --chip "$tmpd/gone/x.ini" --model llama3-8b
expect_err "^rooflab eval: chip file '.*/gone/x\\.ini' does not exist$" "a short path whole"
# and a preset file's own messages ("FILE:LINE: ...", config/ini.c) name a
# path past 300 bytes the same way: a profile at a path of 1,000 bytes
# with a key no parameter has, its line the file's last (the shipped
# trtllm-0.10.ini's lines and 1): whole, the path filled the 1,024 bytes
# and the reason was cut off
bad="$tmpd/bad/$seg/$seg/$seg/$seg/"
pad=$((1000 - ${#bad} - 6))
bad="$bad$(printf "%0${pad}d" 0 | tr 0 b)"
mkdir -p "$bad"
bad="$bad/p.ini"
cp "$ROOFLAB_DATA/profiles/trtllm-0.10.ini" "$bad"
printf 'bogus_key = 3\n' >>"$bad"
bl=$(($(wc -l <"$ROOFLAB_DATA/profiles/trtllm-0.10.ini") + 1))
b297=$(printf '%s' "$bad" | cut -c1-297 | sed 's/[].[\\*^$()+?{|]/\\&/g')
expect_exit 2 "eval --profile of a 1000-byte path with an unknown key" -- $RL eval --chip h100-sxm --model llama3-8b --profile "$bad"
expect_err "^rooflab eval: $b297\\.\\.\\. \\(${#bad} bytes\\):$bl: unknown parameter 'profile\\.bogus_key' \\(\`rooflab params\` lists them all\\)$" \
	"eval: the file's long path cut, its line and reason said"
expect_exit 2 "claim: a side's profile= of that file" -- $RL claim --b "h100-sxm,profile=$bad" --samples 0 --no-design
expect_err "^rooflab claim: side b \\(h100-sxm\\): $b297\\.\\.\\. \\(${#bad} bytes\\):$bl: unknown parameter 'profile\\.bogus_key' \\(\`rooflab params\` lists them all\\)$" \
	"claim: the file's long path cut, its line and reason said"
finish
