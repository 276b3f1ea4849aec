#!/bin/sh
# cli_profileout.sh: `rooflab calibrate` carries each key's comment from the
# start file into the profile it writes whole, however long (cli/profileout.c
# read lines through a 1024-byte buffer and cut comments at 300 and 512
# characters: the shipped profiles' sources ended mid-word), never takes the
# rest of a long line for a `key =` line of its own, and refuses (exit 2,
# nothing written) a line longer than the INI reader takes back (4095
# characters, config/ini.h).  Every expectation is built from the start
# file written here, not from a run's output.
. "$(dirname "$0")/clilib.sh"
start0="$ROOFLAB_DATA/calibration/trtllm-0.10-start.ini"
fit() { # START OUT: the 0.10 rows, two parameters, no leave-out fits
	$RL calibrate --profile "$1" --software "TensorRT-LLM 0.10.0" \
		--fit eff_compute,iter_overhead_ms --no-loo --out "$2"
}
# line KEY FILE: the line of FILE that sets KEY
line() { grep "^$1 = " "$2"; }

# a comment of 3,000 characters: 300 words "src0001-x" ... "src0300-x"
# with a space after each but the last, and "!" in its place
c3000=$(awk 'BEGIN { for (i = 1; i <= 300; i++) printf "src%04d-x%s", i, i < 300 ? " " : "!" }')
expect_exit 0 "the long comment is 3,000 characters" -- test "${#c3000}" -eq 3000
# a line whose second and third 1023-byte pieces (where fgets with a
# 1024-byte buffer would cut it) start like key lines of keys set later
# in the file: layer_overhead_us (line 19) and gemm_fixed_us (line 20)
pad() { awk -v n="$1" 'BEGIN { while (n-- > 0) printf "."; }'; }
head1="eff_kv_memory = 0.5   ; measured-like source "
look1="layer_overhead_us = 99   ; LOOKALIKE at byte 1023 "
look2="gemm_fixed_us = 7   ; LOOKALIKE at byte 2046 END"
kvcom="measured-like source $(pad $((1023 - ${#head1})))$look1$(pad $((1023 - ${#look1})))$look2"
kvline="eff_kv_memory = 0.5   ; $kvcom"
expect_exit 0 "the first lookalike starts at byte 1023 of its line" -- \
	test "$(printf '%s' "$kvline" | cut -c1024-1040)" = "layer_overhead_us"
expect_exit 0 "the second at byte 2046" -- \
	test "$(printf '%s' "$kvline" | cut -c2047-2059)" = "gemm_fixed_us"

awk -v c="$c3000" -v kv="$kvline" '
	/^eff_memory = / { print "eff_memory = 0.85   ; " c; next }
	/^eff_compute = / { print "eff_compute = 0.6   ; " c; next }
	/^eff_kv_memory = / { print kv; next }
	{ print }' "$start0" >"$tmpd/start.ini"
expect_exit 0 "calibrate from the start file with long comments" -- fit "$tmpd/start.ini" "$tmpd/out.ini"

got=$(line eff_memory "$tmpd/out.ini")
expect_exit 0 "a kept key's 3,000-character comment comes out whole" -- \
	test "$got" = "eff_memory = 0.85   ; $c3000"
got=$(line eff_compute "$tmpd/out.ini")
expect_exit 0 "a fitted key's too, after 'fitted; '" -- \
	test "${got#eff_compute = *   ; fitted; }" = "$c3000"
got=$(line eff_kv_memory "$tmpd/out.ini")
expect_exit 0 "the line with the lookalikes comes out whole" -- \
	test "$got" = "$kvline"
# the keys the lookalikes name keep their own lines' values and comments
want=$(line layer_overhead_us "$start0" | sed 's/ *;/   ;/')
got=$(line layer_overhead_us "$tmpd/out.ini")
expect_exit 0 "layer_overhead_us keeps its own comment, not the lookalike's" -- \
	test "$got" = "$want"
want=$(line gemm_fixed_us "$start0" | sed 's/ *;/   ;/')
got=$(line gemm_fixed_us "$tmpd/out.ini")
expect_exit 0 "so does gemm_fixed_us" -- test "$got" = "$want"
expect_exit 1 "no line comes from a lookalike" -- \
	grep -E "^(layer_overhead_us|gemm_fixed_us) = .*LOOKALIKE" "$tmpd/out.ini"
expect_exit 0 "the profile written reads back" -- \
	$RL eval --profile "$tmpd/out.ini" --chip h100-sxm --model llama3-8b

# a fitted key's comment of 4,070 characters: its start line is 4,092
# characters (the reader takes 4,095), the profile's line would add
# "fitted; " and the fitted value: refused, nothing written
c4070="$c3000 $(pad 1069)"
awk -v c="$c4070" '/^eff_compute = / { print "eff_compute = 0.6   ; " c; next } { print }' \
	"$start0" >"$tmpd/start2.ini"
expect_exit 0 "its start line is 4,092 characters" -- \
	test "$(line eff_compute "$tmpd/start2.ini" | awk '{ print length }')" -eq 4092
expect_exit 2 "a profile line too long to read back: exit 2" -- fit "$tmpd/start2.ini" "$tmpd/out2.ini"
expect_err "cannot write .*out2\\.ini: the line of 'eff_compute' would be [0-9]+ bytes .* longer than the 4095 bytes a profile line may have" \
	"the message names the key and the limit"
expect_exit 1 "nothing is written" -- test -e "$tmpd/out2.ini"


# --software names the profile's [meta] software, which the loader takes to
# 127 bytes (config/meta.h RL_META_SOFTWARE_MAX 128, NUL included): a
# software of 128 bytes, the rows of a measurements copy naming it, wrote a
# profile (exit 0) that every command then refused ("[meta] software: 128
# bytes; at most 127 bytes"): refused here, exit 2, nothing written; 127
# bytes is written and reads back
sw127=$(awk 'BEGIN { for (i = 0; i < 127; i++) printf "s" }')
sw128="${sw127}t"
for n in 127 128; do
	eval "sw=\$sw$n"
	awk -F, -v OFS=, -v s="$sw" 'NR == 1 { print; next }
		$10 == "TensorRT-LLM 0.10.0" { $10 = s; print }' \
		"$ROOFLAB_DATA/measurements.csv" >"$tmpd/m$n.csv"
done
expect_exit 0 "the 128-byte software is 128 bytes" -- test "${#sw128}" -eq 128
expect_exit 2 "calibrate --software of 128 bytes --out: exit 2" -- \
	$RL calibrate --profile "$start0" --measurements "$tmpd/m128.csv" \
	--software "$sw128" --fit eff_compute --no-loo --out "$tmpd/sw128.ini"
expect_err "cannot write .*sw128\\.ini: --software is 128 bytes; a profile's \\[meta\\] software takes at most 127" \
	"the message names --software, its size and the limit"
expect_exit 1 "nothing is written" -- test -e "$tmpd/sw128.ini"
expect_exit 0 "calibrate --software of 127 bytes --out" -- \
	$RL calibrate --profile "$start0" --measurements "$tmpd/m127.csv" \
	--software "$sw127" --fit eff_compute --no-loo --out "$tmpd/sw127.ini"
expect_exit 0 "its [meta] software is the 127 bytes" -- \
	test "$(line software "$tmpd/sw127.ini")" = "software = $sw127"
expect_exit 0 "and it reads back" -- \
	$RL eval --profile "$tmpd/sw127.ini" --chip h100-sxm --model llama3-8b

finish
