#!/bin/sh
# cli_sweepnotes.sh: what the readers of a sweep database say of a run
# that is not the whole of what it looks like.
# (1) A sweep database written before runs recorded whether
# each section's profile was fitted on its chip (runs.profile_fit and
# baseline_profile_fit, added 2026-11; NULL in an earlier rooflab's run,
# or no such column in its file): report, export and plot say the run does
# not record it, with today's look-up for the [base], where they said
# nothing and the figures read as validated on the chip (plots/runfit.c).
# The expected words are eval's own note for the same chip and profile.
. "$(dirname "$0")/clilib.sh"

have sqlite3 "cli_sweepnotes.sh: the runs changed by hand" || finish
# the H200 under trtllm-0.10, fitted on the H100's rows: carried; a
# [baseline] on the H100, its own chip: not carried
cat >"$tmpd/fit.ini" <<'EOF'
[base]
chip = h200-sxm
model = llama3-8b
[axes]
scenario.isl = 128, 256
scenario.osl = 128, 256
[baseline]
chip = h100-sxm
model = llama3-8b
EOF
expect_exit 0 "a claim database for the report" -- $RL claim --samples 0 --no-design --db "$tmpd/c.db"
expect_exit 0 "a sweep on the H200 with an H100 baseline" -- $RL sweep "$tmpd/fit.ini" --db "$tmpd/new.db"
# eval's note on the H200 under the same profile: the words sweep stored
expect_exit 0 "eval on the H200" -- $RL eval --chip h200-sxm --model llama3-8b
fitw=$(sed -n 's/^note: \(profile trtllm-0\.10 was fitted on .*\)$/\1/p' "$tmpd/out")
[ -n "$fitw" ] && echo "ok - eval's note on the H200: $fitw" ||
	{ echo "not ok - eval gives no note on the H200"; fails=$((fails + 1)); }
why="the run does not record whether its profile was fitted on its chip's rows (an earlier rooflab wrote it, or the measurements could not be read when it ran)"
base="run 1's [base]: $why; by today's profiles and measurements, $fitw"
bl="run 1's [baseline]: $why, so its figures are not known to be validated on its chip"

# a file of an earlier rooflab: the four note columns not there
cp "$tmpd/new.db" "$tmpd/old.db"
sqlite3 "$tmpd/old.db" "ALTER TABLE runs DROP COLUMN profile_fit;
	ALTER TABLE runs DROP COLUMN baseline_profile_fit;
	ALTER TABLE runs DROP COLUMN software_note;
	ALTER TABLE runs DROP COLUMN baseline_software_note"
# an earlier rooflab's run in a file a later sweep added the columns to
cp "$tmpd/new.db" "$tmpd/null.db"
sqlite3 "$tmpd/null.db" "UPDATE runs SET profile_fit = NULL, baseline_profile_fit = NULL"

for f in old null; do
	expect_exit 0 "$f: export" -- $RL export --db "$tmpd/$f.db" --format csv
	if grep -qxF "rooflab export: note: $base" "$tmpd/err" &&
		grep -qxF "rooflab export: note: $bl" "$tmpd/err"; then
		echo "ok - $f: export says the run does not record it, today's look-up for the [base]"
	else
		echo "not ok - $f: export's notes"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1))
	fi
	expect_exit 0 "$f: report" -- $RL report --db "$tmpd/c.db" --sweeps "$tmpd/$f.db" --out "$tmpd/$f.md" --no-plots
	# (Markdown: a note in italics, its brackets escaped, a capital)
	b=$(printf '%s' "$base" | sed 's/^r/R/; s/\[/\\[/g; s/\]/\\]/g')
	l=$(printf '%s' "$bl" | sed 's/^r/R/; s/\[/\\[/g; s/\]/\\]/g')
	if grep -qxF "_${b}._" "$tmpd/$f.md" && grep -qxF "_${l}._" "$tmpd/$f.md"; then
		echo "ok - $f: the report's sweep section says so"
	else
		echo "not ok - $f: the report's notes"; grep '^_Run' "$tmpd/$f.md" | sed 's/^/    /'; fails=$((fails + 1))
	fi
	if have gnuplot "$f: the plots"; then
		expect_exit 0 "$f: plot heatmap" -- $RL plot heatmap --db "$tmpd/$f.db" --term dumb
		grep -qxF "rooflab plot: note: $base" "$tmpd/err" &&
			grep -qxF "rooflab plot: note: $bl" "$tmpd/err" &&
			echo "ok - $f: plot says so on stderr" ||
			{ echo "not ok - $f: plot's notes"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1)); }
	fi
done

# the run as written today: the note it stored, no "does not record"; the
# H100 [baseline] recorded '' (fitted there): nothing
expect_exit 0 "new: export" -- $RL export --db "$tmpd/new.db" --format csv
if grep -qxF "rooflab export: note: run 1's [base]: $fitw" "$tmpd/err" &&
	! grep -q "does not record\|\[baseline\]" "$tmpd/err"; then
	echo "ok - new: the stored note alone"
else
	echo "not ok - new: export's notes"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1))
fi
if have gnuplot "new: the plots"; then
	expect_exit 0 "new: plot heatmap" -- $RL plot heatmap --db "$tmpd/new.db" --term dumb
	grep -qxF "rooflab plot: note: run 1's [base]: $fitw" "$tmpd/err" &&
		! grep -q "does not record" "$tmpd/err" &&
		echo "ok - new: plot gives the stored note" ||
		{ echo "not ok - new: plot's notes"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1)); }
fi

# an earlier rooflab's run on the H100 under its own profile, no
# [baseline]: today's look-up finds it fitted there, nothing said
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 128, 256\n' >"$tmpd/h100.ini"
expect_exit 0 "a sweep on the H100" -- $RL sweep "$tmpd/h100.ini" --db "$tmpd/h100.db"
sqlite3 "$tmpd/h100.db" "ALTER TABLE runs DROP COLUMN profile_fit; ALTER TABLE runs DROP COLUMN baseline_profile_fit"
expect_exit 0 "h100: export" -- $RL export --db "$tmpd/h100.db" --format csv
if ! grep -q "note" "$tmpd/err"; then
	echo "ok - h100: an earlier run fitted on its chip: no note"
else
	echo "not ok - h100: a note where today's look-up finds the profile fitted there"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1))
fi

# (small63) the same for the software notes (runs.software_note and
# baseline_software_note, NULL in an earlier rooflab's run, where a run
# today stores '' for none): export, the report and plot said nothing of
# them.  The MI300X's preset names no software, so trtllm-0.10 on it is
# another software's carried over (sweep's own note, read back below from
# the run as written today); the H100 [baseline], whose chip the runs
# table does not hold, is said not recorded alone
printf '[base]\nchip = mi300x\nmodel = llama3-8b\nprofile = trtllm-0.10\n[axes]\nscenario.isl = 128, 256\nscenario.osl = 128, 256\n[baseline]\nchip = h100-sxm\nmodel = llama3-8b\n' >"$tmpd/sw.ini"
expect_exit 0 "a sweep on the MI300X under trtllm-0.10" -- $RL sweep "$tmpd/sw.ini" --db "$tmpd/swnew.db"
expect_exit 0 "swnew: export" -- $RL export --db "$tmpd/swnew.db" --format csv
sww=$(sed -n "s/^rooflab export: note: run 1's \[base\]: \(profile trtllm-0\.10 is of .*\)$/\1/p" "$tmpd/err")
[ -n "$sww" ] && echo "ok - the run as written today: its software note ($sww)" ||
	{ echo "not ok - no software note on the MI300X"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1)); }
cp "$tmpd/swnew.db" "$tmpd/swnull.db"
sqlite3 "$tmpd/swnull.db" "UPDATE runs SET software_note = NULL, baseline_software_note = NULL"
swhy="the run does not record whether its profile is of software its chip's preset names (an earlier rooflab wrote it)"
swb="run 1's [base]: $swhy; by today's presets, $sww"
swl="run 1's [baseline]: $swhy, so whether its figures are another software's efficiencies carried over to its chip is not known"
expect_exit 0 "swnull: export" -- $RL export --db "$tmpd/swnull.db" --format csv
if grep -qxF "rooflab export: note: $swb" "$tmpd/err" && grep -qxF "rooflab export: note: $swl" "$tmpd/err"; then
	echo "ok - swnull: export says the run does not record its software, today's look-up for the [base]"
else
	echo "not ok - swnull: export's software notes"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1))
fi
expect_exit 0 "swnull: report" -- $RL report --db "$tmpd/c.db" --sweeps "$tmpd/swnull.db" --out "$tmpd/swnull.md" --no-plots
b=$(printf '%s' "$swb" | sed 's/^r/R/; s/\[/\\[/g; s/\]/\\]/g')
l=$(printf '%s' "$swl" | sed 's/^r/R/; s/\[/\\[/g; s/\]/\\]/g')
if grep -qxF "_${b}._" "$tmpd/swnull.md" && grep -qxF "_${l}._" "$tmpd/swnull.md"; then
	echo "ok - swnull: the report's sweep section says so"
else
	echo "not ok - swnull: the report's software notes"; grep '^_Run' "$tmpd/swnull.md" | sed 's/^/    /'; fails=$((fails + 1))
fi
if have gnuplot "swnull: the plots"; then
	expect_exit 0 "swnull: plot heatmap" -- $RL plot heatmap --db "$tmpd/swnull.db" --term dumb
	grep -qxF "rooflab plot: note: $swb" "$tmpd/err" &&
		grep -qxF "rooflab plot: note: $swl" "$tmpd/err" &&
		echo "ok - swnull: plot says so on stderr" ||
		{ echo "not ok - swnull: plot's software notes"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1)); }
fi
# (small66) the same where today's look-up finds the software the same: a
# run on the H100 under trtllm-0.10 (the profile's [meta] software is
# TensorRT-LLM 0.10.0, of the TensorRT-LLM family data/chips/h100-sxm.ini
# names) whose software_note is NULL: export, report and plot said
# nothing, as if the run recorded ''; now said once, in the words above,
# with today's look-up (both read off the two presets by hand)
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 128, 256\nscenario.osl = 128, 256\n' >"$tmpd/swh.ini"
expect_exit 0 "a sweep on the H100 under its own software" -- $RL sweep "$tmpd/swh.ini" --db "$tmpd/swh.db"
sqlite3 "$tmpd/swh.db" "UPDATE runs SET software_note = NULL"
swh="run 1's [base]: $swhy; by today's presets, profile trtllm-0.10 is of TensorRT-LLM 0.10.0, software the preset of chip h100-sxm names (TensorRT-LLM)"
expect_exit 0 "swh: export" -- $RL export --db "$tmpd/swh.db" --format csv
[ "$(grep -cxF "rooflab export: note: $swh" "$tmpd/err")" = 1 ] &&
	! grep -q "\[baseline\]" "$tmpd/err" &&
	echo "ok - swh: export says once that the run does not record its software, today's the same" ||
	{ echo "not ok - swh: export's software note"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1)); }
expect_exit 0 "swh: report" -- $RL report --db "$tmpd/c.db" --sweeps "$tmpd/swh.db" --out "$tmpd/swh.md" --no-plots
b=$(printf '%s' "$swh" | sed 's/^r/R/; s/\[/\\[/g; s/\]/\\]/g')
[ "$(grep -cxF "_${b}._" "$tmpd/swh.md")" = 1 ] &&
	echo "ok - swh: the report says it once" ||
	{ echo "not ok - swh: the report's software note"; grep '^_Run' "$tmpd/swh.md" | sed 's/^/    /'; fails=$((fails + 1)); }
if have gnuplot "swh: the plots"; then
	expect_exit 0 "swh: plot heatmap" -- $RL plot heatmap --db "$tmpd/swh.db" --term dumb
	[ "$(grep -cxF "rooflab plot: note: $swh" "$tmpd/err")" = 1 ] &&
		echo "ok - swh: plot says it once on stderr" ||
		{ echo "not ok - swh: plot's software note"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1)); }
fi
# the run as written today says no "does not record"
expect_exit 0 "swnew: export again" -- $RL export --db "$tmpd/swnew.db" --format csv
! grep -q "does not record" "$tmpd/err" && echo "ok - swnew: nothing unrecorded" ||
	{ echo "not ok - swnew says something unrecorded"; sed 's/^/    /' "$tmpd/err"; fails=$((fails + 1)); }

# (2) one shard of a sweep not merged (runs.shard_count 3): the heatmap's
# title and the report's section say it is one in 3 of the design points
# and that merge joins them, where it read as the whole sweep; the merged
# run (shard_count 1) says nothing of shards.  The spec's 4 points: shard
# 1/3 holds index 1 alone (index % 3 == 1, of 0..3)
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 128, 256\nscenario.osl = 128, 256\n' >"$tmpd/sh.ini"
for i in 0 1 2; do
	expect_exit 0 "shard $i/3" -- $RL sweep "$tmpd/sh.ini" --db "$tmpd/sh$i.db" --shard $i/3
done
expect_exit 0 "merge of the 3 shards" -- $RL merge "$tmpd/shm.db" "$tmpd/sh0.db" "$tmpd/sh1.db" "$tmpd/sh2.db"
if have gnuplot "the merged shards' plots"; then
	# (shard 0/3 holds indices 0 and 3: two values of each axis, drawn)
	expect_exit 0 "heatmap of shard 0/3" -- $RL plot heatmap --db "$tmpd/sh0.db" --term dumb
	expect_out "shard 0/3 alone: one in 3 of the design points \(rooflab merge OUT\.db PART\.db\.\.\. joins the 3 shards\)" "the heatmap's title: shard 0/3 alone"
	expect_exit 0 "heatmap of the merged run" -- $RL plot heatmap --db "$tmpd/shm.db" --term dumb
	grep -q "shard" "$tmpd/out" &&
		{ echo "not ok - the merged run's title speaks of shards"; fails=$((fails + 1)); } ||
		echo "ok - the merged run: no shard line"
fi
expect_exit 0 "report of shard 1/3" -- $RL report --db "$tmpd/c.db" --sweeps "$tmpd/sh1.db" --out "$tmpd/sh1.md" --no-plots
grep -qxF "_Run 1 is shard 1/3 alone: the figures draw one in 3 of the sweep's design points; rooflab merge OUT.db PART.db... joins the 3 shards into one run._" "$tmpd/sh1.md" &&
	echo "ok - the report: shard 1/3 alone, said" ||
	{ echo "not ok - the report's shard note"; grep '^_' "$tmpd/sh1.md" | sed 's/^/    /'; fails=$((fails + 1)); }
expect_exit 0 "report of the merged run" -- $RL report --db "$tmpd/c.db" --sweeps "$tmpd/shm.db" --out "$tmpd/shm.md" --no-plots
grep -q "is shard" "$tmpd/shm.md" &&
	{ echo "not ok - the merged run's report speaks of a shard"; fails=$((fails + 1)); } ||
	echo "ok - the report of the merged run: no shard note"
# (review54) a shard pair no rooflab sweep writes (--shard I/N: whole
# numbers, N >= 1, 0 <= I < N; sweeps/store.c) in a copy of shard 0/3, run
# 1 (drawn above): the heatmap and the report refuse the file with exit 2,
# naming it, the run and both values, where 5/3 was drawn as "shard 5/3
# alone" and 0/0 or 2/-3 as the whole sweep
for c in "5 3" "-1 3" "0 0" "2 -3" "'x' 3"; do
	set -- $c
	cp "$tmpd/sh0.db" "$tmpd/shx.db"
	sqlite3 "$tmpd/shx.db" "UPDATE runs SET shard_index = $1, shard_count = $2 WHERE id = 1"
	want="shx\.db: cannot read: runs\.shard_index and shard_count of sweep run 1 hold $(echo "$1" | tr -d "'" | sed 's/^x$/text/') and $2, where rooflab sweep writes its --shard I/N"
	if have gnuplot "heatmap of a shard $1/$2"; then
		expect_exit 2 "heatmap of a shard $1/$2" -- $RL plot heatmap --db "$tmpd/shx.db" --term dumb
		expect_err "$want" "the heatmap names the file and shard $1/$2"
	fi
	expect_exit 2 "report of a shard $1/$2" -- $RL report --db "$tmpd/c.db" --sweeps "$tmpd/shx.db" --out "$tmpd/shx.md" --no-plots
	expect_err "$want" "the report names the file and shard $1/$2"
done
# ... and in a run not the newest (the report's section reads each run's
# shard): run 1 of a file whose run 2 is a sweep of another spec
cp "$tmpd/sh1.db" "$tmpd/shx.db"
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.isl = 512, 1024\n' >"$tmpd/sh2.ini"
expect_exit 0 "a second sweep into shard 1/3's file" -- $RL sweep "$tmpd/sh2.ini" --db "$tmpd/shx.db"
sqlite3 "$tmpd/shx.db" "UPDATE runs SET shard_index = 7 WHERE id = 1"
expect_exit 2 "report of a file whose older run is shard 7/3" -- $RL report --db "$tmpd/c.db" --sweeps "$tmpd/shx.db" --out "$tmpd/shx.md" --no-plots
expect_err "shx\.db: cannot read: runs\.shard_index and shard_count of sweep run 1 hold 7 and 3" "the report names run 1's shard 7/3"
# (3) (sweeps77) the sweep's own price notes, audited as claim's and
# eval's were (small76).  A price its preset's words mark an ASSUMPTION
# (sohu.ini's [cost]: Etched published none, the H100's taken) was not
# said to be one: the sweep said the price was its preset's at every
# point, and its rows' USD per token read as priced.  Now said once with
# the preset's words (config/presetnote.c, the helper claim and eval
# read), on shard 0 alone, where a kept output moves with the price and
# the spec sets none.  The words below are sohu.ini's lines above
# price_usd, copied by hand, each line's ';' and blanks dropped and the
# lines joined by one blank
pspec() { # FILE CHIP [BASE LINE] [OUTPUTS LINE]
	printf '[base]\nchip = %s\nmodel = llama3-70b\nprofile = ideal\nset = scenario.precision=fp8\nset = scenario.tp=8\nset = scenario.chips=8\n%s[axes]\nscenario.batch = 1, 2\n%s' \
		"$2" "${3:+$3
}" "${4:+[outputs]
$4
}" >"$1"
}
sohuw="ASSUMPTION: Etched published no price \(claims\.md\)\. Taken equal to the H100's per-GPU figure that a buyer compares it with, 33,625 USD \(DGX H100 ~269,000 / 8, an upper bound including the system: h100-sxm\.ini\); range 4,543 USD \(sohu-design's modelled manufacturing cost: sold at cost\) to 67,250 USD \(twice the H100 figure\)\. An assumption, not a price\."
pspec "$tmpd/p1.ini" sohu
expect_exit 0 "a sweep of sohu keeping every output" -- $RL sweep "$tmpd/p1.ini" --db "$tmpd/p1.db"
expect_err "^rooflab sweep: note: cost\.price_usd, 33625 USD at every point, is [^ ]*chips/sohu\.ini's \(price_usd\) $sohuw\$" \
	"sohu's stand-in price is said to be one, in its preset's words"
expect_exit 0 "shard 1/2 of it" -- $RL sweep "$tmpd/p1.ini" --db "$tmpd/p1s.db" --shard 1/2
expect_no_err "ASSUMPTION" "shard 1/2 leaves the note to shard 0"
pspec "$tmpd/p2.ini" sohu "set = cost.price_usd=20000"
expect_exit 0 "a sweep of sohu at a price of its own" -- $RL sweep "$tmpd/p2.ini" --db "$tmpd/p2.db"
expect_no_err "ASSUMPTION" "a price the spec sets is no stand-in of the preset's"
pspec "$tmpd/p3.ini" sohu "" "keep = throughput.output_tokens_per_s, cost.chip_cost_usd"
expect_exit 0 "a sweep of sohu keeping no output at its price" -- $RL sweep "$tmpd/p3.ini" --db "$tmpd/p3.db"
expect_no_err "ASSUMPTION" "no output moves with the price: no note"
pspec "$tmpd/p4.ini" h100-sxm "" "keep = cost.usd_per_million_tokens_at_price"
expect_exit 0 "a sweep of the H100 at its price" -- $RL sweep "$tmpd/p4.ini" --db "$tmpd/p4.db"
expect_no_err "ASSUMPTION|33625 USD" "the H100's sourced price draws no stand-in note"
# the note on a chip by its design names every design.* and chip.* axis
# swept: a fixed 512-byte buffer left out those past its 448th byte
# without a word (23 axes here, 468 bytes of names); each axis one value,
# the preset's or the table's default (rooflab params)
{
	printf '[base]\nchip = sohu-design\nmodel = llama3-70b\nprofile = ideal\nset = scenario.precision=fp8\nset = scenario.tp=8\nset = scenario.chips=8\n[axes]\n'
	for a in design.hbm_phy_edge_mm=6.5 design.hbm_phy_mm2=9.7 \
		design.aspect_ratio=1.269 design.energy_overhead=1 \
		design.sram_b_per_clk_per_kb=0.9765625 \
		design.transistors_per_fma=10000 design.fp8_per_bf16=2 \
		design.density_mtr_per_mm2=0 design.transistors=0 \
		design.fma_units=0 design.hbm_stack_gb=0 design.hbm_stack_gbps=0 \
		design.other_mm2=0 design.phy_mm2=0 design.vector_mm2=0 \
		chip.link_gbps=450 chip.link_latency_us=1 chip.tdp_w=700 \
		design.die_mm2=814 design.clock_ghz=1.5 design.hbm_gen=hbm3e \
		design.hbm_stacks=4 chip.sram_hbm_copy=true; do
		printf '%s = %s\n' "${a%%=*}" "${a#*=}"
	done
	printf '[outputs]\nkeep = cost.usd_per_million_tokens_at_price\n'
} >"$tmpd/p5.ini"
expect_exit 0 "a sweep of sohu-design over 23 axes" -- $RL sweep "$tmpd/p5.ini" --db "$tmpd/p5.db"
expect_err "^rooflab sweep: note: sohu-design is given by its design \(chip\.by_design = true\): its price \(cost\.price_usd\) is its preset's at every point, whatever design\.hbm_phy_edge_mm, design\.hbm_phy_mm2, design\.aspect_ratio, design\.energy_overhead, design\.sram_b_per_clk_per_kb, design\.transistors_per_fma, design\.fp8_per_bf16, design\.density_mtr_per_mm2, design\.transistors, design\.fma_units, design\.hbm_stack_gb, design\.hbm_stack_gbps, design\.other_mm2, design\.phy_mm2, design\.vector_mm2, chip\.link_gbps, chip\.link_latency_us, chip\.tdp_w, design\.die_mm2, design\.clock_ghz, design\.hbm_gen, design\.hbm_stacks, chip\.sram_hbm_copy \(a changed chip is not the product priced\)" \
	"the design's price note names all 23 axes"
expect_err "^rooflab sweep: note: cost\.price_usd, 33625 USD at every point, is [^ ]*chips/sohu-design\.ini's \(price_usd\) ASSUMPTION: no published price; as sohu\.ini, 33,625 USD \(the H100's per-GPU upper bound, DGX H100 ~269,000 / 8\), range 4,543 \(its own manufacturing cost in this model\) to 67,250 USD\. An assumption\.\$" \
	"sohu-design's stand-in price is said to be one"
finish
