#!/bin/sh
# cli_numbers.sh: numbers in the files the claim reads go through the one
# number parser (config/num.c) and its one message, "WHAT: 'TEXT' is not
# ...": an uncertainty file's distribution bounds and power cap, and a
# claim config file's samples and seed (whole numbers, as on the command
# line).  Each case exits 2 before any computation.
. "$(dirname "$0")/clilib.sh"

cat >"$tmpd/u1.ini" <<'INI'
[b.chip.hbm_tbps]
dist = uniform
low = 4.8x
high = 6
source = test
INI
expect_exit 2 "uncertainty: a bound that is not a number" -- \
	$RL claim --uncertainty "$tmpd/u1.ini" --samples 10
expect_err "\[b.chip.hbm_tbps\] low: '4.8x' is not a number$" \
	"names the section, the key and the text"

cat >"$tmpd/u2.ini" <<'INI'
[limits]
power_cap_w = -5
INI
expect_exit 2 "uncertainty: a negative power cap" -- \
	$RL claim --uncertainty "$tmpd/u2.ini" --samples 10
expect_err "power_cap_w: '-5' is outside the allowed range \(a number >= 0\)$" "the power cap's range: -5 a number outside it"

printf '[claim]\nsamples = 2.5\n' >"$tmpd/c1.ini"
expect_exit 2 "config: samples not whole" -- $RL claim --config "$tmpd/c1.ini"
expect_err "samples: '2.5' is not a whole number in \[0, 100000000\]" \
	"samples are whole in a config file too"
printf '[claim]\nseed = 4294967296\n' >"$tmpd/c2.ini"
expect_exit 2 "config: seed out of range" -- $RL claim --config "$tmpd/c2.ini"
expect_err "seed: '4294967296' is outside the allowed range \(a whole number in \[0, 4294967295\]\)" \
	"the seed's range written in full"
# the command line wins over the file: a good --samples does not hide
# the file's bad one (the file is read first)
expect_exit 2 "config read before the command line" -- \
	$RL claim --config "$tmpd/c1.ini" --samples 0
finish
