#!/bin/sh
# cli_vocab.sh: scripts/vocab-pairs.sh pairs Llama-2 70B and Llama-3 70B rows
# (with --8b: Mistral-7B and Llama-3/3.1 8B rows) of one version, precision,
# tp and isl/osl, with the measured ratio worked out by hand from the csv
# and the model's ratio beside it.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}

expect_exit 0 "vocab-pairs.sh runs on 0.13" -- sh "$root/scripts/vocab-pairs.sh" 0.13.0
# published-h100.csv, 0.13.0, FP8 TP1 2048/2048: Llama-2 70B 412.37
# (trtllm-v0.13.0-0705), Llama-3 70B 162.10 (-0557): 412.37 / 162.10 = 2.544
expect_out '^0\.13\.0 +fp8 +1 +2048/2048 +412\.4 +162\.1 +2\.54 +[0-9.]+ +llama3-70b$' \
	"the TP1 FP8 2048/2048 pair with its measured ratio"
# no other version's rows when one is named
lacks() { ! grep -q -- "$1" "$tmpd/out"; }
lacks '^0\.1[12]\.0 ' && echo "ok - only 0.13's rows" ||
	{ echo "not ok - rows of other versions"; fails=$((fails + 1)); }
# every pair line has both ratios as numbers: one Llama-2 row per key, the
# 0.13 table measures Llama-3 and Llama-3.1 70B beside it
n=$(grep -cE '^0\.13\.0 .* [0-9]+\.[0-9]{2} +[0-9]+\.[0-9]{2} +llama3(\.1)?-70b$' "$tmpd/out")
[ "$n" -ge 100 ] && echo "ok - $n pairs in 0.13" ||
	{ echo "not ok - $n pairs in 0.13"; fails=$((fails + 1)); }
expect_out '^  fp8 tp1 +[0-9]+ pairs: measured +[0-9.]+, model +[0-9.]+$' \
	"a median per precision and tp"

expect_exit 0 "vocab-pairs.sh --8b runs on 0.13" -- sh "$root/scripts/vocab-pairs.sh" --8b 0.13.0
# published-h100.csv, 0.13.0, FP8 TP1 128/128: Mistral-7B 29672.75
# (trtllm-v0.13.0-0201), Llama-3.1 8B 27147.22 (-0051), Llama-3 8B 27156.81
# (-0105): 29672.75 / 27147.22 = 1.093, 29672.75 / 27156.81 = 1.093
expect_out '^version +prec +tp +isl/osl +mistral +llama3 +measured +model +\(mistral / llama3 output tokens/s\)$' \
	"the 8B pairs' header names the two models"
expect_out '^0\.13\.0 +fp8 +1 +128/128 +29672\.8 +27147\.2 +1\.09 +[0-9.]+ +llama3\.1-8b$' \
	"the FP8 128/128 pair with Llama-3.1 8B and its measured ratio"
expect_out '^0\.13\.0 +fp8 +1 +128/128 +29672\.8 +27156\.8 +1\.09 +[0-9.]+ +llama3-8b$' \
	"the FP8 128/128 pair with Llama-3 8B and its measured ratio"
lacks '70b' && echo "ok - no 70B rows with --8b" ||
	{ echo "not ok - 70B rows with --8b"; fails=$((fails + 1)); }
finish
