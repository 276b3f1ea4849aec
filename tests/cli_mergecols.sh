#!/bin/sh
# cli_mergecols.sh: merge and export of shards whose run_columns were
# crafted (sweeps75).  Merge copies the first part's columns alone
# (copy_columns): a later part's other unit, source or dotted name was
# never compared and silently dropped, and the first's source and dotted
# name went into the merged file unchecked, where its unit was checked
# (small73); export carried a crafted source or dotted name into the
# JSON's columns.  A long points.status or points.idx of text was cut
# into a 144-byte message buffer, its closing quote lost and the cut
# unsaid.  Each refusal is exit 2 naming the part(s), the column and the
# value(s), nothing written.
. "$(dirname "$0")/clilib.sh"

cd "$tmpd" || exit 1
if ! have sqlite3 "shards crafted by hand"; then
	finish
fi
# 4 points (chip.hbm_tbps 1, 2, 3, 4), in 2 shards: p0.db holds points 0
# and 2, p1.db 1 and 3.  power_watts is the output power.watts, its unit
# "W" (model/outputs.c), its source "output" (sweeps/store.c)
spec4 spec.ini
"$RL" sweep spec.ini --db p0.db --shard 0/2 >/dev/null 2>&1
"$RL" sweep spec.ini --db p1.db --shard 1/2 >/dev/null 2>&1
"$RL" sweep spec.ini --db s.db >/dev/null 2>&1

# merge_refused PART0 PART1 PATTERN NAME: merge of the two parts exits 2,
# its stderr matching PATTERN after "rooflab merge: ", m.db not written
merge_refused() {
	rm -f m.db
	expect_exit 2 "merge refuses $4" -- "$RL" merge m.db "$1" "$2"
	expect_err "^rooflab merge: $3$" "merge names the parts, column and values ($4)"
	[ ! -e m.db ] && echo "ok - the refused merge wrote nothing ($4)" ||
		{ echo "not ok - the refused merge wrote m.db ($4)"; fails=$((fails + 1)); }
}
differ="; refusing to merge shards whose columns differ \\(a crafted or altered shard\\)"

# (1) a later part whose unit, source or dotted name of power_watts is not
# the first's: merged with exit 0, the first's kept, the other dropped
# unsaid.  Refused naming both parts, the column and both values; a line
# feed (text a CSV quotes, so no fault of the cell) shown '?' (cli_say)
for c in "unit = 'kW':unit of power_watts is 'kW', where p0\\.db run 1 has 'W'" \
	"source = 'axis':source of power_watts is 'axis', where p0\\.db run 1 has 'output'" \
	"dotted = 'power.wat':dotted of power_watts is 'power\\.wat', where p0\\.db run 1 has 'power\\.watts'" \
	"unit = 'W' || char(10) || 'x':unit of power_watts is 'W\\?x', where p0\\.db run 1 has 'W'" \
	"unit = '':unit of power_watts is '', where p0\\.db run 1 has 'W'"; do
	cp p1.db q1.db
	sqlite3 q1.db "UPDATE run_columns SET ${c%%:*} WHERE name = 'power_watts'"
	merge_refused p0.db q1.db "q1\\.db run 1: run_columns\\.${c#*:}$differ" "${c%%:*} in the second part"
done
# the parts given the other way round: the first part's value is the one kept
cp p0.db q0.db
sqlite3 q0.db "UPDATE run_columns SET unit = 'kW' WHERE name = 'power_watts'"
merge_refused q0.db p1.db "p1\\.db run 1: run_columns\\.unit of power_watts is 'W', where q0\\.db run 1 has 'kW'$differ" "unit kW in the first part"
# a later part lacking a column the first lists, or listing one more, or
# one twice
cp p1.db q1.db
sqlite3 q1.db "DELETE FROM run_columns WHERE name = 'power_watts'"
merge_refused p0.db q1.db "q1\\.db run 1: run_columns lacks the column power_watts, which p0\\.db run 1 lists$differ" "a column missing from the second part"
cp p1.db q1.db
sqlite3 q1.db "INSERT INTO run_columns SELECT run_id, 99, 'x' || char(27) || 'y', source, dotted, unit FROM run_columns WHERE name = 'power_watts'"
merge_refused p0.db q1.db "q1\\.db run 1: run_columns lists a column 'x\\?y', which p0\\.db run 1 does not$differ" "a column more in the second part"
cp p1.db q1.db
sqlite3 q1.db "INSERT INTO run_columns SELECT run_id, 99, name, source, dotted, unit FROM run_columns WHERE name = 'power_watts'"
merge_refused p0.db q1.db "q1\\.db run 1: run_columns names the column 'power_watts' twice; refusing to merge a crafted or altered shard" "a column twice in the second part"

# (1) a source or dotted name holding what export refuses (ESC, RLO
# U+202E, a byte of no UTF-8, a NUL, a blob), in the first part (copied
# into the merged file unchecked, exit 0) or a later one: refused as the
# unit is (small73), naming the part, the field, the column and the value
for c in "dotted = 'power' || char(27) || '[2J':dotted of power_watts holds text 'power\\?\\[2J' with a control character" \
	"dotted = 'power' || char(8238) || 'x':dotted of power_watts holds text 'power\\?x' with a control character" \
	"source = CAST(x'6FFF' AS TEXT):source of power_watts holds text 'o\\?' with a byte of no UTF-8" \
	"source = CAST(x'6F0042' AS TEXT):source of power_watts holds text 'o' with a NUL byte after it" \
	"dotted = x'70':dotted of power_watts holds a blob"; do
	nf="not text as rooflab writes it; refusing to merge a crafted or altered shard"
	cp p0.db q0.db
	sqlite3 q0.db "UPDATE run_columns SET ${c%%:*} WHERE name = 'power_watts'"
	merge_refused q0.db p1.db "q0\\.db run 1: run_columns\\.${c#*:}, $nf" "${c%%:*} in the first part"
	cp p1.db q1.db
	sqlite3 q1.db "UPDATE run_columns SET ${c%%:*} WHERE name = 'power_watts'"
	merge_refused p0.db q1.db "q1\\.db run 1: run_columns\\.${c#*:}, $nf" "${c%%:*} in the second part"
	# export: the JSON's columns carried the source and dotted name as they
	# stood (U+FFFD for a byte of no UTF-8); refused in either format
	cp s.db e.db
	sqlite3 e.db "UPDATE run_columns SET ${c%%:*} WHERE name = 'power_watts'"
	for fmt in csv json; do
		expect_exit 2 "export ($fmt) refuses ${c%%:*}" -- "$RL" export --db e.db --format $fmt
		expect_err "^rooflab export: e\\.db run 1: run_columns\\.${c#*:}, not text as rooflab writes it; refusing a crafted or altered database$" \
			"export names the file, run, field, column and value ($fmt, ${c%%:*})"
		[ ! -s "$tmpd/out" ] && echo "ok - the refused export ($fmt, ${c%%:*}) wrote nothing" ||
			{ echo "not ok - the refused export ($fmt, ${c%%:*}) wrote $(wc -l <"$tmpd/out") lines"; fails=$((fails + 1)); }
	done
done
# (1) plot pareto reads run_columns.dotted (plots/pareto.c run_axes: the
# chip.* axes its cost note names) into its title: a crafted one reaches
# gnuplot through gp_quote alone (plots/gp.c: a quote doubled, a control
# '?'), never as code.  plots/axislog.c compares dotted with the spec's
# [axes] keys and passes it nowhere.  The script is read through a gnuplot
# that tees it
if have gnuplot "the pareto plot of a crafted dotted name"; then
	mkdir -p gpfake
	printf '#!/bin/sh\ntee "%s" | "%s" "$@"\n' "$tmpd/gp.script" "$(command -v gnuplot)" >gpfake/gnuplot
	chmod +x gpfake/gnuplot
	cp s.db e.db
	sqlite3 e.db "UPDATE run_columns SET dotted = 'chip.hbm' || char(39) || '; system(\"touch $tmpd/pwned\"); x=' || char(27) || '[2J' WHERE name = 'chip_hbm_tbps'"
	expect_exit 0 "pareto of a crafted dotted name" -- env PATH="$tmpd/gpfake:$PATH" "$RL" plot pareto --db e.db \
		--x cost.chip_cost_usd --y throughput.output_tokens_per_s --term dumb --out p.txt
	grep -q "whatever chip\\.hbm''; system(" gp.script &&
		echo "ok - the dotted name's quote is doubled in gnuplot's title" ||
		{ echo "not ok - gnuplot's title lacks the dotted name quoted"; fails=$((fails + 1)); }
	! grep -q "$(printf '\033')" gp.script && [ ! -e pwned ] &&
		echo "ok - no ESC reaches gnuplot, nothing run" ||
		{ echo "not ok - an ESC in gnuplot's script or pwned made"; fails=$((fails + 1)); }
fi
# the parts as sweep wrote them merge, and so does a part whose unit holds
# a tab where the other's does too (the same text)
rm -f m.db
expect_exit 0 "the parts as written merge" -- "$RL" merge m.db p0.db p1.db
cp p0.db q0.db
cp p1.db q1.db
sqlite3 q0.db "UPDATE run_columns SET unit = 'W' || char(9) || 'x' WHERE name = 'power_watts'"
sqlite3 q1.db "UPDATE run_columns SET unit = 'W' || char(9) || 'x' WHERE name = 'power_watts'"
rm -f m.db
expect_exit 0 "parts whose unit holds the same tab merge" -- "$RL" merge m.db q0.db q1.db

# (3) a part's run row (runs) holding what export refuses in it
# (sweeps77: check_run_row): merge read five of its columns and refused
# only bytes of no UTF-8 there, so a version with an ESC, a chip with
# RLO U+202E or a profile_chosen with NEL (C1 U+0085) merged with exit 0
# and export of the merged file then refused it (small82).  Refused up
# front, in the first part (whose row the merged run copies) or a later
# one (whose version and times go into run_parts), naming the part, run,
# column and value; no m.db
nf="not text as rooflab writes it; refusing to merge a crafted or altered shard"
for c in "version = version || char(27) || '[2J':version holds text '0\\.1\\.0\\?\\[2J' with a control character" \
	"chip = 'h100' || char(8238) || 'x':chip holds text 'h100\\?x' with a control character" \
	"profile_chosen = 'a' || char(133) || 'b':profile_chosen holds text 'a\\?b' with a control character" \
	"model = CAST(x'6C0041' AS TEXT):model holds text 'l' with a NUL byte after it" \
	"scenario = x'41':scenario holds a blob"; do
	for q in 0 1; do
		cp p0.db q0.db
		cp p1.db q1.db
		sqlite3 q$q.db "UPDATE runs SET ${c%%:*}"
		merge_refused q0.db q1.db "q$q\\.db run 1: runs\\.${c#*:}, $nf" "runs.${c%%:*} in part $q"
	done
done
# spec and spec_path are the user's (a comment, the file system's bytes):
# export writes a control there escaped (config/json.c), so merge takes it
# as it stood, and export of the merged file writes it \u001b
cp p0.db q0.db
cp p1.db q1.db
for q in 0 1; do
	sqlite3 q$q.db "UPDATE runs SET spec_path = '/x/s' || char(27) || '.ini', spec = '; a' || char(8238) || char(10) || spec"
done
rm -f m.db
expect_exit 0 "parts whose spec and spec_path hold controls merge" -- "$RL" merge m.db q0.db q1.db
expect_exit 0 "export of the merged file" -- "$RL" export --db m.db --format json
expect_out '"spec_path": "/x/s\\u001b\.ini"' "the merged run's spec_path exported escaped"

# (2) a long status or idx of text (200 bytes; 100 two-byte letters) was
# cut into a 144-byte buffer: no closing quote, no sign of the cut.  Now
# cut as rl_utf8_quote cuts a value (model/utf8.h: at most 80 bytes
# between the quotes, the dots among them): 77 a's, or 38 e-acutes (76
# bytes: a 39th would end at byte 78, past 77), then "...'" and the size
a77=$(awk 'BEGIN { for (i = 0; i < 77; i++) printf "a" }')
e38=$(awk 'BEGIN { for (i = 0; i < 38; i++) printf "\303\251" }')
long_a="'$a77\\.\\.\\.' \\(200 bytes\\)"
long_e="'$e38\\.\\.\\.' \\(200 bytes \\(100 characters\\)\\)"
for c in "aa:$long_a" "é:$long_e"; do
	v="${c%%:*}"
	cp p0.db q0.db
	sqlite3 q0.db "UPDATE points SET status = replace(hex(zeroblob(100)), '00', '$v') WHERE idx = 2"
	merge_refused q0.db p1.db "q0\\.db: run 1: point 2's points\\.status holds ${c#*:} \\(text\\), not a whole number as rooflab writes it; refusing to merge a crafted or altered shard" "a status of 200 bytes ($v)"
	cp p0.db q0.db
	sqlite3 q0.db "UPDATE points SET idx = replace(hex(zeroblob(100)), '00', '$v') WHERE idx = 2"
	merge_refused q0.db p1.db "q0\\.db: run 1: points\\.idx holds text \\(${c#*:}\\), not a whole number as rooflab writes it; refusing to merge a crafted or altered shard" "an idx of 200 bytes ($v)"
	cp s.db e.db
	sqlite3 e.db "UPDATE points SET status = replace(hex(zeroblob(100)), '00', '$v') WHERE idx = 2"
	expect_exit 2 "export refuses a status of 200 bytes ($v)" -- "$RL" export --db e.db --format csv
	expect_err "^rooflab export: e\\.db run 1: point 2's points\\.status holds ${c#*:} \\(text\\), not a whole number as rooflab writes it; refusing a crafted or altered database$" \
		"export cuts the status visibly ($v)"
	cp s.db e.db
	sqlite3 e.db "UPDATE points SET idx = replace(hex(zeroblob(100)), '00', '$v') WHERE idx = 2"
	expect_exit 2 "export refuses an idx of 200 bytes ($v)" -- "$RL" export --db e.db --format csv
	expect_err "^rooflab export: e\\.db run 1: points\\.idx holds ${c#*:} \\(text\\), not a whole number as rooflab writes it; refusing a crafted or altered database$" \
		"export cuts the idx visibly ($v)"
done
finish
