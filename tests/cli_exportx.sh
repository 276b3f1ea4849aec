#!/bin/sh
# cli_exportx.sh: export (and merge) of a sweep database crafted past
# what rooflab writes (fuzz15): a point's idx outside the run's [0, points) or given
# twice, a blob, text that is no UTF-8, a NUL or a control character
# (a bidirectional one among them) in a text column.  Each is exit 2
# naming the file, the run, the table, the column and the value, before a
# line is written (stdout empty), as merge refuses such a part.
. "$(dirname "$0")/clilib.sh"
# the crafted databases are made with sqlite3: without it the file says
# so and stops
have sqlite3 "cli_exportx.sh: the crafted databases" || finish

cd "$tmpd" || exit 1
# 4 points (chip.hbm_tbps 1, 2, 3, 4): idx 0 to 3, runs.points 4
spec4 spec.ini
"$RL" sweep spec.ini --db s.db 2>/dev/null

# refused DB FMT PATTERN NAME: export of DB in FMT exits 2, its stderr
# matching PATTERN (after "rooflab export: DB run 1: "), stdout empty
refused() {
	expect_exit 2 "export ($2) of $4" -- "$RL" export --db "$1" --format "$2"
	expect_err "^rooflab export: $1 run 1: $3" "export names the file, the run and the value ($2, $4)"
	[ ! -s "$tmpd/out" ] && echo "ok - the refused export ($2, $4) wrote nothing" ||
		{ echo "not ok - the refused export ($2, $4) wrote $(wc -l <"$tmpd/out") lines"; fails=$((fails + 1)); }
}

# an idx outside [0, points): the run's 4 points are 0 to 3 (runs.points
# 4, spec.ini's 4 values); -1, 4 and 2^63 - 1 are none of them.  Export
# wrote the row with exit 0 (and said the run lacks a point), where merge
# refuses the part (part_points_typed: "points.idx -1 is not one of its 8
# points (0 to 7)")
for v in -1 4 9223372036854775807; do
	cp s.db idx.db
	sqlite3 idx.db "UPDATE points SET idx = $v WHERE idx = 1"
	for fmt in csv json; do
		refused idx.db $fmt "points\\.idx $v is not one of its 4 points \\(0 to 3\\); refusing a crafted or altered database$" "idx $v"
	done
done
# a run whose runs.points is no whole number ('x', 4.5): the range above
# went unchecked, and a point of idx -1 was exported with exit 0; refused
# as merge refuses such a part ("runs.points holds text"), naming the value
for v in "'x':'x' \\(text\\)" "4.5:4\\.5 \\(real\\)"; do
	cp s.db pts.db
	sqlite3 pts.db "UPDATE runs SET points = ${v%%:*}; UPDATE points SET idx = -1 WHERE idx = 1"
	for fmt in csv json; do
		refused pts.db $fmt "runs\\.points holds ${v#*:}, not a whole number as rooflab writes it; refusing a crafted or altered database$" "runs.points ${v%%:*}"
	done
done
# an idx twice: the table made again without its UNIQUE(run_id, idx), point
# 1 renumbered 0; export wrote two rows of point 0 with exit 0.  The first
# idx held twice is named
cp s.db twice.db
sqlite3 twice.db "DROP VIEW results; CREATE TABLE p2 AS SELECT * FROM points;
	DROP TABLE points; ALTER TABLE p2 RENAME TO points;
	UPDATE points SET idx = 0 WHERE idx = 1"
for fmt in csv json; do
	refused twice.db $fmt "points\\.idx 0 is held by 2 points; refusing a crafted or altered database$" "idx 0 twice"
done
# a text column (batch_limit: a word as 'batch' or 'memory') edited by hand
# into a blob, text with a byte of no UTF-8, a NUL or a control byte: the
# CSV copied the bytes (no UTF-8, or cut at the NUL, or an ESC sent to the
# terminal), the JSON wrote U+FFFD, with exit 0.  Refused as a number
# column's text is, naming the point and the column; the value quoted
# with its bytes of no UTF-8 and controls as '?' (cli_say).  A
# bidirectional control (RLO U+202E, char(8238), E2 80 AE), which reverses
# a terminal's row after it, was exported and merged with exit 0 until
# small70: refused by rl_utf8_control, the rule of a table's cells
for c in "x'41FF42':holds a blob, not text" \
	"CAST(x'41FF42' AS TEXT):holds text 'A\\?B' with a byte of no UTF-8, not text" \
	"CAST(x'410042' AS TEXT):holds text 'A' with a NUL byte after it, not text" \
	"'a' || char(27) || '[2J':holds text 'a\\?\\[2J' with a control character, not text" \
	"'a' || char(8238) || 'b':holds text 'a\\?b' with a control character, not text"; do
	cp s.db text.db
	sqlite3 text.db "UPDATE points SET batch_limit = ${c%%:*} WHERE idx = 2"
	for fmt in csv json; do
		refused text.db $fmt "point 2's points\\.batch_limit ${c#*:} as rooflab writes it; refusing a crafted or altered database$" "batch_limit ${c%%:*}"
	done
done
# a column's unit (run_columns.unit, after the name in a --units header and
# in the JSON's columns) edited into a byte of no UTF-8 and an ESC, or a
# blob: the --units header carried the bytes with exit 0.  Refused in
# either format, naming the column
for c in "CAST(x'57FF1B' AS TEXT):holds text 'W\\?\\?' with a byte of no UTF-8" \
	"x'57':holds a blob"; do
	cp s.db unit.db
	sqlite3 unit.db "UPDATE run_columns SET unit = ${c%%:*} WHERE name = 'power_watts'"
	for fmt in csv json; do
		units=
		[ $fmt = csv ] && units=--units
		expect_exit 2 "export ($fmt) of the unit ${c%%:*}" -- "$RL" export --db unit.db --format $fmt $units
		expect_err "^rooflab export: unit\\.db run 1: run_columns\\.unit of power_watts ${c#*:}, not text as rooflab writes it; refusing a crafted or altered database$" \
			"export names the file, the run, the column and the unit ($fmt, ${c%%:*})"
		[ ! -s "$tmpd/out" ] && echo "ok - the refused export ($fmt, unit ${c%%:*}) wrote nothing" ||
			{ echo "not ok - the refused export ($fmt, unit ${c%%:*}) wrote $(wc -l <"$tmpd/out") lines"; fails=$((fails + 1)); }
	done
done
# (sweeps77) the run's row (runs: the JSON's and JSONL's "run", and what
# export's notes read) went out unchecked: a runs.version holding an ESC,
# a git_rev a byte of no UTF-8, a profile_fit RLO U+202E (char(8238)), a
# started a blob were written with exit 0 (the ESC escaped, the RLO as it
# stood, the byte U+FFFD), where the same cell in a point is refused.
# Refused the same way in every format, naming the column and the value
for c in "version = 'v' || char(27) || '[2J':runs\\.version holds text 'v\\?\\[2J' with a control character" \
	"git_rev = CAST(x'41FF42' AS TEXT):runs\\.git_rev holds text 'A\\?B' with a byte of no UTF-8" \
	"profile_fit = 'a' || char(8238) || 'b':runs\\.profile_fit holds text 'a\\?b' with a control character" \
	"started = x'41':runs\\.started holds a blob" \
	"spec_path = CAST(x'2F610042' AS TEXT):runs\\.spec_path holds text '/a' with a NUL byte after it"; do
	cp s.db run.db
	sqlite3 run.db "UPDATE runs SET ${c%%:*}"
	for fmt in csv json jsonl; do
		refused run.db $fmt "${c#*:}, not text as rooflab writes it; refusing a crafted or altered database$" "runs ${c%%:*}"
	done
done
# the spec's path (the file system's, whatever its bytes) and the spec
# (its comments may hold any) are the user's as sweep read them: written,
# each control escaped \uXXXX (ESC 1B, RLO U+202E, DEL 7F, NEL U+0085
# = C2 85) and a byte of no UTF-8 as U+FFFD, exit 0; no control byte
# reaches the output (the RLO and NEL went out as they stood)
cp s.db path.db
sqlite3 path.db "UPDATE runs SET spec_path = '/x' || char(27) || '[2J' || char(8238) || 'y' || char(127) || char(133) || CAST(x'FF' AS TEXT), spec = spec || ';' || char(8238) || CAST(x'E9' AS TEXT)"
for fmt in json jsonl; do
	expect_exit 0 "export ($fmt) of a spec path holding controls" -- "$RL" export --db path.db --format $fmt
	expect_out '"spec_path": "/x\\u001b\[2J\\u202ey\\u007f\\u0085\\ufffd"' "the path's controls written escaped ($fmt)"
	expect_out '"spec": "[^"]*;\\u202e\\ufffd"' "the spec's controls written escaped ($fmt)"
	n=$(LC_ALL=C tr -d '\n' <"$tmpd/out" | LC_ALL=C grep -c "$(printf '[\001-\037\177]\\|\302[\200-\237]\\|\342\200\256')")
	[ "$n" = 0 ] && echo "ok - no control byte in the export ($fmt)" ||
		{ echo "not ok - a control byte in the export ($fmt)"; fails=$((fails + 1)); }
done
# merge of a shard whose text column holds the same cells: merge copied
# them into the merged file with exit 0, where export of it then refused
# them; refused naming the part, the point, the column and the value,
# nothing written.  p0.db is shard 0/2 (points 0 and 2)
"$RL" sweep spec.ini --db p0.db --shard 0/2 2>/dev/null
"$RL" sweep spec.ini --db p1.db --shard 1/2 2>/dev/null
for c in "x'41FF42':holds a blob, not text" \
	"CAST(x'41FF42' AS TEXT):holds text 'A\\?B' with a byte of no UTF-8, not text" \
	"CAST(x'410042' AS TEXT):holds text 'A' with a NUL byte after it, not text" \
	"'a' || char(27) || '[2J':holds text 'a\\?\\[2J' with a control character, not text" \
	"'a' || char(8238) || 'b':holds text 'a\\?b' with a control character, not text"; do
	cp p0.db mtext.db
	sqlite3 mtext.db "UPDATE points SET batch_limit = ${c%%:*} WHERE idx = 2"
	rm -f m.db
	expect_exit 2 "merge of a part whose batch_limit is ${c%%:*}" -- "$RL" merge m.db mtext.db p1.db
	expect_err "^rooflab merge: mtext\\.db run 1: point 2's points\\.batch_limit ${c#*:} as rooflab writes it; refusing to merge a crafted or altered shard$" \
		"merge names the part, point, column and value (${c%%:*})"
	[ ! -e m.db ] && echo "ok - the refused merge wrote nothing (${c%%:*})" ||
		{ echo "not ok - the refused merge wrote m.db (${c%%:*})"; fails=$((fails + 1)); }
done
# (small73) a shard whose column's unit (run_columns.unit, which merge
# copies from the first part given into the merged file) holds what export
# refuses above: ESC, RLO U+202E (char(8238)), the C1 control NEL U+0085
# (char(133), C2 85), a byte of no UTF-8, a NUL, a blob.  Merge wrote it
# with exit 0 and export of the merged file then refused it; refused as
# export refuses it, naming the part, the run, the column and the value
# (controls and bytes of no UTF-8 shown '?'), nothing written
for c in "'W' || char(27) || '[2J':holds text 'W\\?\\[2J' with a control character" \
	"'W' || char(8238) || 'x':holds text 'W\\?x' with a control character" \
	"'W' || char(133):holds text 'W\\?' with a control character" \
	"CAST(x'57FF' AS TEXT):holds text 'W\\?' with a byte of no UTF-8" \
	"CAST(x'570042' AS TEXT):holds text 'W' with a NUL byte after it" \
	"x'57':holds a blob"; do
	cp p0.db munit.db
	sqlite3 munit.db "UPDATE run_columns SET unit = ${c%%:*} WHERE name = 'power_watts'"
	rm -f m.db
	expect_exit 2 "merge of a part whose unit of power_watts is ${c%%:*}" -- "$RL" merge m.db munit.db p1.db
	expect_err "^rooflab merge: munit\\.db run 1: run_columns\\.unit of power_watts ${c#*:}, not text as rooflab writes it; refusing to merge a crafted or altered shard$" \
		"merge names the part, run, column and unit (${c%%:*})"
	[ ! -e m.db ] && echo "ok - the refused merge wrote nothing (unit ${c%%:*})" ||
		{ echo "not ok - the refused merge wrote m.db (unit ${c%%:*})"; fails=$((fails + 1)); }
done
# a unit with a tab is text a CSV quotes (celltext.h), as export takes it
# (in both parts: parts whose units differ are refused, cli_mergecols.sh)
cp p0.db munit.db
cp p1.db munit1.db
for f in munit.db munit1.db; do
	sqlite3 $f "UPDATE run_columns SET unit = 'W' || char(9) || 'x' WHERE name = 'power_watts'"
done
rm -f m.db
expect_exit 0 "merge of a part whose unit holds a tab" -- "$RL" merge m.db munit.db munit1.db
# merge's refusal of a status or number cell edited by hand named its type
# alone ("points.status holds text"), where export names the value too;
# now the value, as export says it
for c in "status = 'ok' WHERE idx = 0:mnum\\.db: run 1: point 0's points\\.status holds 'ok' \\(text\\), not a whole number" \
	"status = 0.5 WHERE idx = 0:mnum\\.db: run 1: point 0's points\\.status holds 0\\.5 \\(real\\), not a whole number" \
	"chip_hbm_tbps = 'abc' WHERE idx = 2:mnum\\.db run 1: point 2's points\\.chip_hbm_tbps holds text 'abc', not a number"; do
	cp p0.db mnum.db
	sqlite3 mnum.db "UPDATE points SET ${c%%:*}"
	rm -f m.db
	expect_exit 2 "merge of a part whose ${c%%:*}" -- "$RL" merge m.db mnum.db p1.db
	expect_err "^rooflab merge: ${c#*:} as rooflab writes it; refusing to merge a crafted or altered shard$" \
		"merge names the part, point, column and value (${c%%:*})"
done
# (small70) a status none of the codes sweeps/README.md lists (0 to 4,
# "Status and NULL": 7, -1) was exported and merged as it stood, exit 0,
# a row no reader could place; refused as a status that is no whole
# number is, naming the point and the value
for v in 7 -1; do
	cp s.db st.db
	sqlite3 st.db "UPDATE points SET status = $v WHERE idx = 2"
	for fmt in csv json; do
		refused st.db $fmt "point 2's points\\.status holds $v, not one of the codes rooflab writes \\(0 to 4: sweeps/README\\.md, Status and NULL\\); refusing a crafted or altered database$" "status $v"
	done
	cp p0.db mst.db
	sqlite3 mst.db "UPDATE points SET status = $v WHERE idx = 2"
	rm -f m.db
	expect_exit 2 "merge of a part whose status is $v" -- "$RL" merge m.db mst.db p1.db
	expect_err "^rooflab merge: mst\\.db: run 1: point 2's points\\.status holds $v, not one of the codes rooflab writes \\(0 to 4: sweeps/README\\.md, Status and NULL\\); refusing to merge a crafted or altered shard$" \
		"merge names the part, point and status ($v)"
	[ ! -e m.db ] && echo "ok - the refused merge wrote nothing (status $v)" ||
		{ echo "not ok - the refused merge wrote m.db (status $v)"; fails=$((fails + 1)); }
done
# (small70) an infinite REAL (1e999, which SQLite keeps as inf) was
# written "inf" in the CSV and null in the JSON, which reads as no value;
# both now write "inf" / "-inf" (the JSON a string: it has no number for
# it).  Lines 3 and 4 are points 1 and 2 (index order), power_watts
# the field the header names so
cp s.db inf.db
sqlite3 inf.db "UPDATE points SET power_watts = 1e999 WHERE idx = 1; UPDATE points SET power_watts = -1e999 WHERE idx = 2"
expect_exit 0 "export (csv) of an infinite power_watts" -- "$RL" export --db inf.db --format csv
col=$(head -1 "$tmpd/out" | tr ',' '\n' | grep -n '^power_watts$' | cut -d: -f1)
got=$(awk -F, -v c="$col" 'NR == 3 || NR == 4 { printf "%s ", $c }' "$tmpd/out")
[ -n "$col" ] && [ "$got" = "inf -inf " ] &&
	echo "ok - the CSV writes inf and -inf" ||
	{ echo "not ok - the CSV's power_watts column $col reads '$got'"; fails=$((fails + 1)); }
expect_exit 0 "export (json) of an infinite power_watts" -- "$RL" export --db inf.db --format json
expect_out '"power_watts": *"inf"' "the JSON writes inf as the CSV does"
expect_out '"power_watts": *"-inf"' "the JSON writes -inf as the CSV does"
# the run as rooflab wrote it: 4 rows and a header
expect_exit 0 "export of the run as written" -- "$RL" export --db s.db --format csv
[ "$(wc -l <"$tmpd/out")" -eq 5 ] && echo "ok - the run's 4 rows and a header" ||
	{ echo "not ok - $(wc -l <"$tmpd/out") lines, not 5"; fails=$((fails + 1)); }

finish
