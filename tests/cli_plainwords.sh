#!/bin/sh
# cli_plainwords.sh: the claim's words as an investor who knows finance, not
# GPUs, reads them (ux32's walk from a fresh clone): each term of the
# verdict's first lines said in words once, where it first stands.  The
# expected sentences are the wording chosen for the reader, written here by
# hand; the numbers in them are the options given (--samples 400, the
# default target 20x), not copied from a run.
. "$(dirname "$0")/clilib.sh"

C="$RL claim --samples 400 --seed 5"
expect_exit 0 "claim text" -- $C
cp "$tmpd/out" "$tmpd/text"
# "the stated values", "the assumption ranges", "the samples" and
# "P(>= 20x)" stood in the verdict's first three lines with no word of
# what they are; the line under the interval says, with --samples 400's
# count and the default target of 20x
expect_joined "^  in words: " \
	"^  in words: the stated values are Etched's figures, or assumptions where it published none, not measurements; the assumption ranges, how far each could be off, are listed with their sources under \"assumptions\" below; the samples are 400 draws of all of them at once \\(a Monte Carlo\\); the 90% interval holds the middle 90% of their speedups, the median the middle one; P\\(>= 20x\\) is the share of those samples whose speedup reaches 20x$" \
	"the verdict's terms in words, under its interval"
# under the first lines it explains (the interval, then the mapping with
# its own gloss), before the rule of the verdict's word
if awk '/^  over the assumption ranges: 90% interval/ { i = NR } /^    \(TP splits each layer/ { m = NR }
	/^  in words: / { w = NR } /^  the verdict.s word follows/ { r = NR }
	END { exit !(i && m && w && r && i < m && m < w && w < r) }' "$tmpd/text"; then
	echo "ok - the terms' line follows the interval and the mapping, before the word's rule"
else
	echo "not ok - the terms' line out of place"; fails=$((fails + 1))
fi
# the "assumptions" it points to is there
expect_out "^assumptions of 8x Sohu \\(as claimed\\) \\(data/uncertainty/sohu\\.ini\\)$" \
	"the assumptions section the terms point to"
# the terms below the verdict, each in words once, before the sides' table
# (token, FP8, TFLOPS, GEMM, mm2, reticle, MAC array, FMA, PHY, pJ, TDP,
# KV cache, prefill, all-reduce, PUE and Shapley stood in the text with no
# gloss; the report had its own
# list); each term it glosses is one the text goes on to use
expect_joined "^  terms used below: " \
	"^  terms used below: a token is a word or a piece of one, the unit a language model reads and writes .*; FP8 and BF16, 8- and 16-bit number formats; TFLOPS and PFLOPS, 10\\^12 and 10\\^15 arithmetic operations a second; GEMM, a matrix multiply; die, a chip's piece of silicon, mm2 its area in square millimetres, MTr/mm2 millions of transistors per mm2; reticle, the largest die a lithography machine prints at once; MAC array, .* FMA \\(fused multiply-add\\) a clock; PHY, the circuit that drives a memory's or a link's wires; pJ, a picojoule \\(10\\^-12 joules\\), the energy of one operation or bit moved; .*; Shapley factors, each difference between the sides' share of the speedup, averaged over every order of swapping them$" \
	"the terms in words, under details"
if awk '/^  terms used below: / { g = NR } /^ +side +out tok\/s/ { t = NR } END { exit !(g && t && g < t) }' "$tmpd/text"; then
	echo "ok - the terms come before the sides' table"
else
	echo "not ok - the terms do not come before the sides' table"; fails=$((fails + 1))
fi
for term in "tok/s" FP8 BF16 TFLOPS PFLOPS GEMM mm2 MTr/mm2 reticle "MAC array" FMA PHY pJ TDP "KV cache" prefill decode all-reduce PUE Shapley; do
	if awk -v w="$term" '/^  terms used below: / { g = 1; next }
		g && /^    / && !u { next }
		g { u = 1; if (index($0, w)) f = 1 } END { exit !f }' "$tmpd/text"; then
		echo "ok - '$term', glossed, is used below"
	else
		echo "not ok - '$term' is glossed but not used below"; fails=$((fails + 1))
	fi
done
# the trust line under the verdict: trtllm-0.10, scored leaving out one
# row at a time, is not one of the versions counted on model families each
# fit never saw (README's accuracy table: 13 profiles, 12 of them left out
# by model family, data/profiles/*.ini [meta]); "over 12 software versions
# (trtllm-0.10, ...)" read as one of the 12
if joined '^  how far off the model is' "$tmpd/text" | grep -Eq "over [0-9]+ software versions \(besides them, trtllm-0\.10, the baseline: [0-9.]+% / [0-9.]+%, leaving out one row at a time\)"; then
	echo "ok - the trust line: trtllm-0.10 besides the versions counted"
else
	echo "not ok - the trust line counts trtllm-0.10 ambiguously"; joined '^  how far off the model is' "$tmpd/text" | sed 's/^/    /'; fails=$((fails + 1))
fi

# two sides of the user's: their stated values are no figures of Etched's
expect_exit 0 "claim of a side b of the user's" -- $RL claim --b sohu,profile=etched-claim,label=X \
	--uncertainty sohu --samples 200 --no-design
expect_joined "^  in words: " \
	"^  in words: the stated values are the sides' preset values, not measurements; .* the samples are 200 draws " \
	"a side b of the user's: the stated values are its presets'"
# no Monte Carlo, no samples to explain
expect_exit 0 "claim without Monte Carlo" -- $RL claim --samples 0 --no-design
if grep -q "^  in words: " "$tmpd/out"; then
	echo "not ok - --samples 0 still explains samples"; fails=$((fails + 1))
else
	echo "ok - --samples 0: no line on samples"
fi
# README's verdict in plain words: each term of chips it uses is said in
# words in its "Terms" paragraph (FP8, PFLOPS, HBM, TB/s, TDP, kW, mm2, MAC
# arrays and TP8 stood there unexplained for an investor), and "samples"
# says what a sample is; the investor's path names "the chance of 20x"
# where it read "P(>= 20x)" with no word of P
readme=$(dirname "$0")/../README.md
sed -n '/^## The verdict on Sohu, in plain words/,/^## Three paths/p' "$readme" >"$tmpd/front"
tr '\n' ' ' <"$tmpd/front" | tr -s ' ' >"$tmpd/frontj"
for g in "FP8, an 8-bit number format" "PFLOPS, 10^15 arithmetic operations a second" \
	"utilization, the share of a chip's peak arithmetic it reaches" \
	"HBM, the high-bandwidth memory beside each chip, TB/s its speed in terabytes a second" \
	"TP8, one copy of the model split across 8 chips" "TDP, the power limit a chip is held to, kW its draw in kilowatts" \
	"die, the chip's silicon, mm2 its area" "MAC arrays, the part of the die that multiplies" \
	"100,000 samples (random draws of all those values at once, a Monte Carlo)" \
	"the Shapley factors (how much of the speedup each difference between the chips explains"; do
	if grep -qF -- "$g" "$tmpd/frontj"; then
		echo "ok - README's verdict says: $g"
	else
		echo "not ok - README's verdict lacks: $g"; fails=$((fails + 1))
	fi
done
# each term glossed is one the section uses outside its Terms paragraph
sed '/^Terms, for a reader/,/^$/d' "$tmpd/front" >"$tmpd/rest"
for w in FP8 PFLOPS utilization HBM TB/s TP8 TDP kW die mm2 "MAC arrays"; do
	grep -qF -- "$w" "$tmpd/rest" && echo "ok - README's verdict uses $w" ||
		{ echo "not ok - README glosses $w but its verdict does not use it"; fails=$((fails + 1)); }
done
if sed -n '/^\*\*An investor checking the claim/,/^```$/p' "$readme" | grep -q 'P(>= 20x)'; then
	echo "not ok - the investor's path still says P(>= 20x) unexplained"; fails=$((fails + 1))
else
	echo "ok - the investor's path says the chance of 20x in words"
fi
# claim --help named "P" with no word of it ("the range that moves P
# most"), and "Shapley factors" with none; it says both, and lists the two
# lines of terms the text now has
expect_exit 0 "claim --help" -- $RL claim --help
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/help"
for g in "the range that moves P(>= target), the chance of reaching it, most narrowed alone" \
	"(Shapley factors: how much of it each difference between the chips explains)" \
	"the verdict in words with the 90% interval, its terms in words and how its word is drawn" \
	"the terms used below (token, FP8, TFLOPS, TDP, KV cache and others) in words"; do
	grep -qF -- "$g" "$tmpd/help" && echo "ok - claim --help: $g" ||
		{ echo "not ok - claim --help lacks: $g"; fails=$((fails + 1)); }
done
if grep -q "moves P most" "$tmpd/help"; then
	echo "not ok - claim --help still says 'moves P most'"; fails=$((fails + 1))
else
	echo "ok - claim --help has no bare P"
fi
# the details line says what "2048 in / 128 out" counts, and per what
# (etched-bench: 2048 and 128, data/scenarios/etched-bench.ini)
if grep -q "^details: claim check etched-bench, 2048 tokens in / 128 out per request, target 20x$" "$tmpd/text"; then
	echo "ok - details: tokens per request"
else
	echo "not ok - details: tokens per request: $(grep '^details:' "$tmpd/text")"; fails=$((fails + 1))
fi

# "what must be true", one lever at a time: the brackets said in words and
# the command that works out a line alone; that command, run as it says,
# gives the same sentence as the claim's line (claim at its defaults)
expect_exit 0 "claim at its defaults, no Monte Carlo" -- $RL claim --samples 0
cp "$tmpd/out" "$tmpd/def"
expect_joined "^    \\(in brackets" \
	"^    \\(in brackets, the parameter: rooflab solve --vary PARAM, with this run's --a, --b, --config, --scenario and --target, works out its line alone\\)$" \
	"the levers' brackets in words, with the command"
joined '^  - ' "$tmpd/def" | grep '\[b\.chip\.hbm_tbps\]$' >"$tmpd/lever"
expect_exit 0 "solve --vary b.chip.hbm_tbps, as the line says" -- $RL solve --vary b.chip.hbm_tbps
joined '^  - ' "$tmpd/out" >"$tmpd/solved"
if [ -s "$tmpd/lever" ] && cmp -s "$tmpd/lever" "$tmpd/solved"; then
	echo "ok - solve --vary gives the claim's line: $(cut -c1-60 "$tmpd/lever")..."
else
	echo "not ok - solve --vary's line differs from the claim's"
	sed 's/^/    claim: /' "$tmpd/lever"; sed 's/^/    solve: /' "$tmpd/solved"; fails=$((fails + 1))
fi
finish
