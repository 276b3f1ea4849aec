#!/bin/sh
# cli_microbench.sh: scripts/microbench-ranges.py reads the H200
# microbenchmarks into the numbers worked out here by hand from the CSVs,
# fits t = t0 + bytes / B exactly on made-up GEMM rows that obey it, and
# its --check costs the copies through rooflab validate at HBM x eff_memory.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
py=$root/scripts/microbench-ranges.py
have python3 "microbench-ranges.py" || finish

expect_exit 0 "the gemm section runs on the shipped runs" -- python3 "$py" --section=gemm
# run1 gemm_peak bf16: 1099511627776 flops in 1393.588 us = 788.98 TFLOP/s,
# / 989.4 (data/chips/h200-sxm.ini) = 0.797; run2 fp8: 743.659 us = 1478.5,
# / 1978.9 = 0.747
expect_out '^  8192\^3 bf16 run 1: 789 TFLOP/s = 0\.797 of peak$' "BF16 8192^3, run 1"
expect_out '^  8192\^3 fp8 run 2: 1479 TFLOP/s = 0\.747 of peak$' "FP8 8192^3, run 2"

expect_exit 0 "the logits section runs" -- python3 "$py" --section=logits
# batch 4096: top-k (5737.792 + 5760.736) / 2 = 5749.264 us; copy (981.936 +
# 1110.592) / 2 = 1046.264 us for two passes: 5749.264 / 523.132 = 10.99
expect_out '^  batch  4096: copy 1046\.3 us;.* topk50 5749\.3 us = 11\.0 passes;$' \
	"top-k at batch 4096 in copy passes"

# made-up GEMM rows (m 1) of 1, 10, 100 and 200 MB taking 5 us + bytes / 4
# TB/s: 5.25, 7.5, 30, 55 us; B / 4.8 TB/s = 0.833; the two >= 100 MB rows
# stream at 1e8 / 30 us = 3.33 and 2e8 / 55 us = 3.64 TB/s: 0.694-0.758
f=$tmpd/synth.csv
echo "section,name,dtype,m,n,k,batch,heads,kv_heads,ctx,bytes,flops,time_us,tbps,tflops,status,note" >"$f"
for dt in bf16 fp8; do
	for bt in 1000000:5.25 10000000:7.5 100000000:30 200000000:55; do
		echo "gemm,s${bt%%:*},$dt,1,1,1,,,,,${bt%%:*},2,${bt#*:},,,ok," >>"$f"
	done
done
expect_exit 0 "the stream fit runs on made-up rows" -- python3 "$py" --section=stream "$f"
expect_out '^  bf16: t0 5\.00 us, B 4\.00 TB/s = 0\.833 of HBM \(4 rows\)$' "t0 and B recovered"
expect_out '^  weights >= 100 MB: 0\.694-0\.758 of HBM \(4 rows\)$' "the large weights' stream"

# the made-up file has GEMM rows only: every other section says it is
# skipped and why, and the run still succeeds
expect_exit 0 "a file lacking sections: exit 0" -- python3 "$py" "$f"
expect_out "^== memory: skipped \\(no 'memory_large' rows in the run files\\)$" "a section without rows is skipped, named"
expect_out '^== gemm: skipped' "the plateau section needs the 8192^3 rows too"
expect_out '^  bf16: t0 5\.00 us' "the sections that have rows still print"

expect_exit 2 "an unknown section: exit 2" -- python3 "$py" --section=nothing
expect_err 'no section nothing' "the message names it"

# hostile run files: exit 2 with the file, line and column, no traceback
printf 'section,name\nx,y\n' >"$tmpd/nocols.csv"
expect_exit 2 "a run file without the columns: exit 2" -- python3 "$py" --section=gemm "$tmpd/nocols.csv"
expect_err "nocols\.csv:1: header lacks column 'm'" "names the file and the first missing column"
head -1 "$f" >"$tmpd/nan.csv"
echo "gemm,a,bf16,1,1,1,,,,,1e9,2,nan,,,ok," >>"$tmpd/nan.csv"
expect_exit 2 "a time that is not a number: exit 2" -- python3 "$py" --section=gemm "$tmpd/nan.csv"
expect_err "nan\.csv:2: column 'time_us': 'nan' is not a number >= 0" "names the file, line and column"
expect_exit 2 "a missing run file: exit 2" -- python3 "$py" "$tmpd/nope.csv"
expect_err "nope\.csv: cannot open" "names the file"

# --check: eager copies of run2 (>= 256 MB) at 3.6858, 3.7366, 4.2166,
# 4.2519, 4.2737, 4.3023 TB/s against 4.8 x 0.9 = 4.32 in every profile:
# time errors -14.7, -13.5, -2.4, -1.6, -1.1, -0.4%, median -2.0%
expect_exit 0 "--check runs" -- env ROOFLAB="$RL" python3 "$py" --check --section=logits
expect_out '^  trtllm-0\.10 .*\| copy  -2\.0% \(-14\.\.-1\) \|' "copies at HBM x eff_memory"
exit $((fails > 0))
