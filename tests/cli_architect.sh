#!/bin/sh
# cli_architect.sh: what a chip architect met walking the tool from a fresh
# clone with README, docs/ and --help alone (ux33's walk): a parameter
# mistyped for a bandwidth offered the capacity with no way to the rest,
# the claim's sources said "systolic array", "UCIe-A", "XMAS" and
# "NVLink-C2C" with no word of what they are, README's 494,587 tokens/s
# read against eval's first line (output tokens alone, 1/17 of it), and
# README's "ROCm" stood unexplained.  The expected words are the wording
# chosen for the reader, written here by hand.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-.}
readme="$root/README.md"

# chip.hbm_bw: the nearest name in spelling is chip.hbm_gb, a capacity; the
# message says where every chip.* key is listed, and that list holds the
# bandwidth sought
expect_exit 2 "eval --set chip.hbm_bw: unknown parameter" -- \
	$RL eval --chip h100-sxm --model llama3-8b --set chip.hbm_bw=4
expect_err "unknown parameter 'chip\.hbm_bw'; did you mean chip\.hbm_gb\? \(\`rooflab params --section chip\` lists every chip\.\* parameter\)$" \
	"names the list of the section's parameters"
expect_exit 0 "rooflab params --section chip, as the message says" -- $RL params --section chip
expect_out "^chip\.hbm_tbps +TB/s " "the list holds the bandwidth sought"
# in a sweep spec's axis too (setup_param_hint is shared)
printf '[meta]\nname = t\n[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nchip.hbm_bw = 1, 2\n' >"$tmpd/ax.ini"
expect_exit 2 "sweep axis chip.hbm_bw: refused" -- $RL sweep "$tmpd/ax.ini" --count
expect_err "unknown axis 'chip\.hbm_bw'; did you mean chip\.hbm_gb\? \(\`rooflab params --section chip\` lists every chip\.\* parameter\)" \
	"the axis's message names the list too"
# a section that is none has no such pointer: the names offered are of
# other sections (chp.hbm_tbs -> chip.hbm_tbps)
expect_exit 2 "eval --set chp.hbm_tbs" -- \
	$RL eval --chip h100-sxm --model llama3-8b --set chp.hbm_tbs=4
expect_err "unknown parameter 'chp\.hbm_tbs'; did you mean chip\.hbm_tbps" "offers the near name"
expect_no_err "params --section chp" "no list of a section that is none"

# the claim's assumption sources, each term said in words where it stands
expect_exit 0 "claim, no Monte Carlo" -- $RL claim --samples 0
tr '\n' ' ' <"$tmpd/out" | tr -s ' ' >"$tmpd/flat"
for w in "systolic array (a grid of multipliers passing operands to their neighbours, no instructions to fetch)" \
	"XMAS, a research prototype of HBM I/O over an interposer" \
	"UCIe-A, the standard die-to-die link in its form for dies on an interposer" \
	"NVLink-C2C, NVIDIA's chip-to-chip link of the GH200"; do
	if grep -qF -- "$w" "$tmpd/flat"; then
		echo "ok - claim's sources: $w"
	else
		echo "not ok - claim's sources lack: $w"; fails=$((fails + 1))
	fi
done

finish
