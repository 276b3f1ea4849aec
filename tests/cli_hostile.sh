#!/bin/sh
# cli_hostile.sh: hostile input is input.  Strings that gnuplot or SQLite
# would run as code (backquotes, $(...), system(...), quotes, newlines) in
# labels, titles, output paths, preset paths and database column names run
# nothing; crafted databases are refused with exit 2 and left unchanged.
. "$(dirname "$0")/clilib.sh"
root=${ROOFLAB_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
# the crafted databases are made with sqlite3: without it the file says
# so and stops
have sqlite3 "cli_hostile.sh: the crafted databases" || finish

# pwned NAME: no file named PW* appeared anywhere under $tmpd
pwned() {
	if [ -z "$(find "$tmpd" -name 'PW*' -print)" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1 (a command ran: $(find "$tmpd" -name 'PW*'))"
		fails=$((fails + 1))
		find "$tmpd" -name 'PW*' -exec rm -f {} +
	fi
}

plot_dbs
mkdir "$tmpd/w"
cd "$tmpd/w" || exit 1
nl='
'
bad="q'\"\`touch PW1\`\$(touch PW2)system(\"touch PW3\")@x${nl}end"

# ---- gnuplot: labels, titles, output paths, preset paths, column names
if have gnuplot "plot checks"; then
	expect_exit 0 "claim with a hostile label" -- "$RL" claim \
		--a "h100-sxm,label=$bad" --db c.db --samples 0
	for kind in roofline factors tornado batch; do
		expect_exit 0 "plot $kind: hostile label drawn" -- "$RL" plot "$kind" \
			--db c.db --out "$kind.svg"
		pwned "plot $kind: the label ran nothing"
	done
	expect_exit 0 "plot with a hostile output path" -- "$RL" plot factors \
		--db c.db --out "o\`touch PW4\`\$(touch PW5).svg"
	pwned "plot: the output path ran nothing"
	[ -s "o\`touch PW4\`\$(touch PW5).svg" ] &&
		echo "ok - the plot went to the path as given" ||
		{ echo "not ok - no plot at the hostile path"; fails=$((fails + 1)); }
	expect_exit 0 "plot to a path that starts with |" -- "$RL" plot factors \
		--db c.db --out "|touch PW6;x.svg"
	pwned "plot: a leading | is a file name, not a pipe"
	[ -s "|touch PW6;x.svg" ] &&
		echo "ok - the |-named plot is a file" ||
		{ echo "not ok - no |-named file"; fails=$((fails + 1)); }
	pdir="p\`touch PW7\`\$(touch PW8)"
	mkdir "$pdir"
	cp "$root/data/chips/h100-sxm.ini" "$pdir/h'\`touch PW9\`.ini"
	expect_exit 0 "claim with a hostile preset path" -- "$RL" claim \
		--a "$pdir/h'\`touch PW9\`.ini" --db p.db --samples 0
	for kind in roofline factors; do
		expect_exit 0 "plot $kind of a hostile preset path" -- "$RL" plot \
			"$kind" --db p.db --out "p$kind.svg"
	done
	pwned "plot: the preset path ran nothing"
	# a sweep results column whose name is code
	sqlite3 "$tmpd/sweep.db" "ALTER TABLE results ADD COLUMN
		\"watts_'\`touch PWa\`\$(touch PWb)\"; UPDATE results SET
		\"watts_'\`touch PWa\`\$(touch PWb)\" = power_watts;
		ALTER TABLE results DROP COLUMN power_watts"
	expect_exit 0 "pareto over a hostile column name" -- "$RL" plot pareto \
		--db "$tmpd/sweep.db" --out pc.svg
	pwned "plot: a database column name ran nothing"
	# TMPDIR holds gnuplot's messages: a quote in it is quoted, not refused
	qt="$tmpd/t'q\$(touch PWt)\`touch PWu\`"
	mkdir "$qt"
	expect_exit 0 "plot with a quote in TMPDIR" -- env TMPDIR="$qt" "$RL" \
		plot factors --db c.db --out tq.svg
	pwned "plot: TMPDIR ran nothing"
fi

# ---- crafted sweep databases: merge and export
spec4 spec.ini
"$RL" sweep spec.ini --db s0.db --shard 0/2 2>/dev/null
"$RL" sweep spec.ini --db s1.db --shard 1/2 2>/dev/null
expect_exit 0 "merge of two honest shards" -- "$RL" merge m.db s0.db s1.db
# a shard whose points were renumbered by hand into the other's: said as
# such, naming the part, not as two sweeps writing at once (it named the
# merge's temporary and said "another process is writing the same points")
cp s1.db dup1.db
sqlite3 dup1.db "UPDATE points SET idx = idx - 1"
expect_exit 2 "merge of a shard holding the other's points" -- "$RL" merge \
	dup.db s0.db dup1.db
expect_err "^rooflab merge: dup1\.db run 1: point 0 is in another part too \(a part altered by hand\); nothing was merged$" \
	"merge names the part and the point two parts hold"
[ ! -e dup.db ] && echo "ok - the refused merge wrote nothing" ||
	{ echo "not ok - the refused merge wrote dup.db"; fails=$((fails + 1)); }
# counts and indexes rooflab writes as whole numbers, edited by hand into a
# real, text or a shard that is none: refused naming the part, the table
# and the column, nothing written.  idx 0.5 was counted as point 0
# (idx % 2) and copied as 0.5, the merged run "complete" without point 0;
# runs.points 'x' was read as 0 and copied ("8 points stored of the 0");
# shard -1/2 beside 1/2 made the two parts every shard; runs.points -2^63
# merged as "8 points stored of the -9223372036854775808"; a parameter or
# output column holding text or a blob was copied into the merged file as
# it stood ('abc' as design_frac_mac: ux31).  A status or number cell's
# value is named, as export names it (fuzz15)
for c in "points SET idx = 0.5 WHERE idx = 0:points.idx holds real" \
	"points SET status = 'ok' WHERE idx = 0:point 0's points.status holds 'ok' \\(text\\)" \
	"runs SET points = 'x':runs.points holds text" \
	"runs SET next_idx = 4.5:runs.next_idx holds real" \
	"runs SET shard_index = -1:run 1 is shard -1/2, no shard rooflab writes" \
	"runs SET points = -9223372036854775808:runs.points is -9223372036854775808, below 0" \
	"points SET chip_hbm_tbps = 'abc' WHERE idx = 2:point 2's points.chip_hbm_tbps holds text 'abc', not a number" \
	"points SET throughput_output_tokens_per_s = x'00' WHERE idx = 0:point 0's points.throughput_output_tokens_per_s holds a blob, not a number"; do
	cp s0.db typed0.db
	sqlite3 typed0.db "UPDATE ${c%%:*}"
	rm -f typed.db
	expect_exit 2 "merge of a shard whose ${c%%:*}" -- "$RL" merge typed.db \
		typed0.db s1.db
	expect_err "^rooflab merge: typed0\.db.* ${c#*:}.*refusing to merge a crafted or altered shard$" \
		"merge names the part, table and column"
	[ ! -e typed.db ] && echo "ok - the refused merge wrote nothing" ||
		{ echo "not ok - the refused merge wrote typed.db"; fails=$((fails + 1)); }
done
cp s0.db evil0.db
# the column name closes the ALTER TABLE and ATTACHes a file of its own
evil="x\" REAL; COMMIT; ATTACH 'PWc.db' AS p; CREATE TABLE p.t(a); BEGIN; --"
sqlite3 evil0.db "UPDATE run_columns SET name = '$(echo "$evil" | sed "s/'/''/g")'
	WHERE ord = 0; ALTER TABLE points RENAME COLUMN chip_hbm_tbps TO
	\"$(echo "$evil" | sed 's/"/""/g')\""
expect_exit 2 "merge refuses a shard with an injected column name" -- \
	"$RL" merge m2.db evil0.db s1.db
expect_err "no parameter or output" "merge says why it refuses the shard"
# (small60) the column counted from 1, as every file, line and column
# message counts: the name altered is the one of ord 0, the first column a
# sweep writes (sweeps/store.c numbers them from 0), so column 1, where
# merge said column 0
expect_err "^rooflab merge: evil0\.db run 1: column 1 is named 'x\" REAL" "merge names the column from 1"
pwned "merge: the injected SQL ran nothing"
expect_exit 2 "export refuses the injected column name" -- \
	"$RL" export --db evil0.db --format csv
pwned "export: the injected SQL ran nothing"
cp s0.db null0.db
sqlite3 null0.db "CREATE TABLE rc AS SELECT * FROM run_columns;
	DROP TABLE run_columns; CREATE TABLE run_columns(run_id, ord, name,
	source, dotted, unit); INSERT INTO run_columns SELECT * FROM rc;
	UPDATE run_columns SET name = NULL"
expect_exit 2 "merge of a shard with NULL column names" -- \
	"$RL" merge m3.db null0.db s1.db
expect_err "NULL" "merge names the NULL column"
expect_err "^rooflab merge: null0\.db run 1: column 1 is named NULL," "the first NULL name is column 1"
expect_exit 2 "export of NULL column names" -- \
	"$RL" export --db null0.db --format json
# run_columns naming one column twice (its last renamed by hand to the
# first's name): export read the first column twice, under one name, and
# left the last out, a CSV header and JSON records with a name twice, exit
# 0 (fuzz5); refused, naming the file, the run and the column
cp s0.db twice0.db
sqlite3 twice0.db "UPDATE run_columns SET name = 'chip_hbm_tbps' WHERE
	ord = (SELECT max(ord) FROM run_columns)"
for fmt in csv json; do
	expect_exit 2 "export ($fmt) of run_columns naming a column twice" -- \
		"$RL" export --db twice0.db --format $fmt
	expect_err "^rooflab export: twice0\.db run 1: run_columns names the column 'chip_hbm_tbps' twice; refusing a crafted or foreign database$" \
		"export names the file, the run and the column ($fmt)"
done
# a number column edited by hand into text or a blob: export copied 'abc'
# into the CSV and the JSON with exit 0 where merge refuses it (ux31);
# refused as merge refuses it, naming the file, the run, the point, the
# table and the column, before a line is written (a script reading the
# CSV gets none rather than a column it cannot parse: small67).  So is an
# idx or status that is no whole number (a crafted 0.5, which the run's
# counts take as no point since small66, and 'ok' as a status; merge's
# part_points_typed), named with the value and its type.  s0.db is shard
# 0/2 (points 0 and 2): point 2's idx made 0.5, the only REAL one, so the
# first refused; point 0's status made 'ok'
for c in "chip_hbm_tbps = 'abc' WHERE idx = 2:point 2's points.chip_hbm_tbps holds text 'abc', not a number" \
	"throughput_output_tokens_per_s = x'00' WHERE idx = 0:point 0's points.throughput_output_tokens_per_s holds a blob, not a number" \
	"idx = 0.5 WHERE idx = 2:points.idx holds 0.5 \\(real\\), not a whole number" \
	"status = 'ok' WHERE idx = 0:point 0's points.status holds 'ok' \\(text\\), not a whole number"; do
	cp s0.db typedx.db
	sqlite3 typedx.db "UPDATE points SET ${c%%:*}"
	for fmt in csv json; do
		expect_exit 2 "export ($fmt) of points SET ${c%%:*}" -- \
			"$RL" export --db typedx.db --format $fmt
		expect_err "^rooflab export: typedx\.db run 1: ${c#*:} as rooflab writes it; refusing a crafted or altered database$" \
			"export names the file, run, point, table and column ($fmt)"
		expect_empty out "the refused export ($fmt) wrote nothing"
	done
done
# a run as rooflab wrote it (numbers, NULL where not modelled): as before
expect_exit 0 "export of a run whose numbers are numbers or NULL" -- \
	"$RL" export --db s0.db --format csv
# and merge of such a part: it failed making the merged table, "m5.db.tmp-PID:
# duplicate column name: chip_hbm_tbps", a file that no longer exists
# (fuzz5); now named as the part
rm -f m5.db
expect_exit 2 "merge of a part whose run_columns names a column twice" -- \
	"$RL" merge --allow-mixed-builds m5.db twice0.db s1.db
expect_err "^rooflab merge: twice0\.db run 1: run_columns names the column 'chip_hbm_tbps' 2 times; refusing to merge a crafted or altered shard$" \
	"merge names the part, the run and the column"
# the same name twice where the second holds a NUL byte and more after it
# (chip_hbm_tbps NUL x): SQLite's = tells the two apart, C and the merged
# table's CREATE TABLE read both as chip_hbm_tbps, and merge failed on
# "m6.db.tmp-PID: duplicate column name" (fuzz6); refused naming the part
cp s0.db nul0.db
sqlite3 nul0.db "UPDATE run_columns SET name = CAST('chip_hbm_tbps' ||
	char(0) || 'x' AS TEXT) WHERE ord = (SELECT max(ord) FROM run_columns)"
rm -f m6.db
expect_exit 2 "merge of a part whose run_columns names a column twice, once with a NUL after it" -- \
	"$RL" merge --allow-mixed-builds m6.db nul0.db s1.db
expect_err "^rooflab merge: nul0\.db run 1: column [0-9]*'s name holds a NUL byte after 'chip_hbm_tbps'; refusing to merge a crafted or altered shard$" \
	"merge names the part, the run and the name with a NUL"
if [ -z "$(ls | grep 'tmp-')" ] && [ ! -e m2.db ] && [ ! -e m3.db ]; then
	echo "ok - refused merges leave no file behind"
else
	echo "not ok - refused merges left: $(ls | grep -E 'tmp-|m[23].db')"
	fails=$((fails + 1))
fi
cp s0.db nopoints.db
sqlite3 nopoints.db "DROP VIEW results; DROP TABLE points"
expect_exit 2 "export of a database altered by hand" -- \
	"$RL" export --db nopoints.db --format csv
expect_exit 2 "merge of a shard altered by hand" -- \
	"$RL" merge m4.db nopoints.db s1.db
# a point column dropped by hand (ALTER TABLE points DROP COLUMN) that
# run_columns still lists: SQLite reads a double-quoted name that is no
# column as a string, so export wrote the name as every row's value under
# a header of '"""chip_hbm_tbps"""', and merge copied it into the merged
# REAL column, exit 0 both (ux31); refused, naming the file, the table and
# the column
cp s0.db dropcol0.db
cp s1.db dropcol1.db
if sqlite3 dropcol0.db "ALTER TABLE points DROP COLUMN chip_hbm_tbps" 2>/dev/null &&
	sqlite3 dropcol1.db "ALTER TABLE points DROP COLUMN chip_hbm_tbps"; then
	expect_exit 2 "export of a part whose points lack a listed column" -- \
		"$RL" export --db dropcol0.db --format csv
	expect_err "^rooflab export: dropcol0\.db run 1: the table points has no column chip_hbm_tbps, which run_columns lists; refusing an altered database$" \
		"export names the file, the table and the column"
	rm -f m7.db
	expect_exit 2 "merge of a part whose points lack a listed column" -- \
		"$RL" merge m7.db s0.db dropcol1.db
	expect_err "^rooflab merge: dropcol1\.db: its table points has no column chip_hbm_tbps, which s0\.db run 1 lists in run_columns; refusing to merge an altered shard$" \
		"merge names the part, the table and the column"
	[ ! -e m7.db ] && echo "ok - the refused merge wrote no m7.db" ||
		{ echo "not ok - the refused merge wrote m7.db"; fails=$((fails + 1)); }
else
	echo "ok - # SKIP this sqlite3 has no ALTER TABLE DROP COLUMN (3.35)"
fi
printf 'not a database at all, just text\n%.0s' 1 2 3 4 5 6 7 8 >text.db
cp s0.db norun.db
sqlite3 norun.db "DROP VIEW results; DROP TABLE runs"
expect_exit 2 "sweep --resume into a database without runs" -- "$RL" sweep \
	spec.ini --db norun.db --resume
expect_err "^rooflab sweep: norun.db: reading runs: no such table: runs" \
	"sweep names the database"
# the database is named before every store message, whatever its name
# starts with: "r" (it was left out when the message began with the
# name, here "reading runs"), and a point refused by a trigger
cp norun.db r
expect_exit 2 "sweep --resume into a database named r without runs" -- \
	"$RL" sweep spec.ini --db r --resume
expect_err "^rooflab sweep: r: reading runs: no such table: runs" \
	"sweep names the database r"
cp s0.db trig.db
sqlite3 trig.db "CREATE TRIGGER nope BEFORE INSERT ON points BEGIN SELECT RAISE(ABORT, 'refused'); END;"
expect_exit 2 "sweep into a database whose points refuse rows" -- \
	"$RL" sweep spec.ini --db trig.db
expect_err "^rooflab sweep: trig.db: storing a point: .*refused" \
	"a point that cannot be stored names the database"
# a trigger's RAISE is the database's refusal in SQLite's words, not two
# sweeps of one shard (only a UNIQUE or PRIMARY KEY conflict is that)
expect_err "^rooflab sweep: trig.db: storing a point: the database refused the write: refused$" \
	"a trigger's refusal is said in its own words"
# infinities in a crafted sweep: no point rather than a failed gnuplot
"$RL" sweep spec.ini --db inf.db 2>/dev/null
sqlite3 inf.db "UPDATE points SET power_watts = -1e999"
if have gnuplot "pareto of infinities"; then
	expect_exit 2 "pareto of a sweep whose x is all -inf" -- "$RL" plot \
		pareto --db inf.db --term dumb --out inf.txt
	expect_err "inf.db: the sweep has no points with both power_watts and .* finite" \
		"pareto says no point is finite"
	sqlite3 inf.db "UPDATE points SET power_watts = 700 WHERE idx > 0"
	expect_exit 0 "pareto of a sweep with one -inf point" -- "$RL" plot \
		pareto --db inf.db --term dumb --out inf.txt
fi
expect_exit 2 "export of a text file" -- "$RL" export --db text.db
expect_exit 2 "merge of a text file" -- "$RL" merge m5.db text.db s1.db
expect_err "not an SQLite database" "merge says the file is no database"
# a shard that fails while its rows are copied is named, not merge's own
# temporary; and a read error is not taken for the end of the rows
cp s0.db runcol.db
sqlite3 runcol.db "ALTER TABLE runs DROP COLUMN baseline_output_tokens_per_s"
expect_exit 2 "merge of a shard whose runs lack a column" -- \
	"$RL" merge m6.db runcol.db s1.db
expect_err "^rooflab merge: runcol.db: no such column" "merge names that shard"
cp s0.db erring.db
# the third column's unit fails when read (abs of the smallest integer)
sqlite3 erring.db "ALTER TABLE run_columns RENAME TO rc0; CREATE VIEW
	run_columns AS SELECT run_id, ord, name, source, dotted, CASE WHEN ord
	= 2 THEN abs(-9223372036854775807 - 1) ELSE unit END AS unit FROM rc0"
expect_exit 2 "merge of a shard whose columns fail to read" -- \
	"$RL" merge m7.db erring.db s1.db
expect_err "^rooflab merge: erring.db: integer overflow" \
	"merge names the shard, not a truncated column list"
expect_exit 2 "export --format json of columns that fail to read" -- \
	"$RL" export --db erring.db --format json
expect_err "^rooflab export: erring.db: integer overflow" \
	"export fails instead of listing 2 of the columns"
# the newest run's id fails to read: export names why, where it said the
# database held no sweep runs
cp s0.db runid.db
sqlite3 runid.db "DROP VIEW results; ALTER TABLE runs RENAME TO r0; CREATE
	VIEW runs AS SELECT abs(-9223372036854775807 - 1) AS id FROM r0"
expect_exit 2 "export of a sweep whose run ids fail to read" -- \
	"$RL" export --db runid.db --format csv
expect_err "^rooflab export: runid.db: integer overflow" \
	"export names why, not 'holds no sweep runs'"
[ ! -e m6.db ] && [ ! -e m7.db ] &&
	echo "ok - the failed merges wrote nothing" ||
	{ echo "not ok - a failed merge left its output"; fails=$((fails + 1)); }

# ---- database targets that store nothing, and other programs' files
for t in "" ":memory:" "file:u.db" "file:u.db?mode=memory"; do
	expect_exit 2 "sweep refuses --db '$t'" -- "$RL" sweep spec.ini --db "$t"
	expect_exit 2 "claim refuses --db '$t'" -- "$RL" claim --samples 0 \
		--no-design --db "$t"
done
# the option is named by the command (config/dbfile.c names none), once
"$RL" claim --samples 0 --no-design --db "" 2>"$tmpd/err"
expect_err "^rooflab claim: --db: a database needs a file name \(an empty name would store nothing\)$" \
	"claim --db '': said with the option"
"$RL" sweep spec.ini --db ":memory:" 2>"$tmpd/err"
expect_err "^rooflab sweep: --db :memory:: give a file name; in-memory databases" \
	"sweep --db :memory:: said with the option once"
[ ! -e u.db ] && [ ! -e "file:u.db" ] &&
	echo "ok - refused targets leave no file" ||
	{ echo "not ok - a refused target left a file"; fails=$((fails + 1)); }
sqlite3 foreign.db "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES('mine')"
sum=$(cksum <foreign.db)
expect_exit 2 "claim refuses another program's database" -- "$RL" claim \
	--samples 0 --no-design --db foreign.db
expect_err "foreign\.db is not a rooflab file \(an SQLite database without rooflab.s mark: application_id 0x0, 1 table or index\); it was left unchanged: give --db another file \(a new one, or a rooflab claim database\)$" "claim says what the file is and the fix"
expect_exit 2 "validate refuses another program's database" -- "$RL" \
	validate --db foreign.db
expect_exit 2 "claim refuses a sweep database" -- "$RL" claim --samples 0 \
	--no-design --db s0.db
expect_exit 2 "sweep refuses a claim-less foreign database" -- "$RL" sweep \
	spec.ini --db foreign.db
[ "$(cksum <foreign.db)" = "$sum" ] &&
	echo "ok - the foreign database is unchanged" ||
	{ echo "not ok - the foreign database was changed"; fails=$((fails + 1)); }
expect_exit 2 "claim --db on a text file" -- "$RL" claim --samples 0 \
	--no-design --db text.db
expect_err "not an SQLite database" "claim says the file is no database"
expect_exit 2 "validate --db on a text file" -- "$RL" validate --db text.db
expect_exit 0 "claim writes a new database" -- "$RL" claim --samples 0 \
	--no-design --db mine.db
expect_exit 0 "validate adds to the claim database" -- "$RL" validate \
	--db mine.db
[ "$(sqlite3 mine.db 'PRAGMA application_id')" = "$((0x524c434c))" ] &&
	echo "ok - the claim database is marked" ||
	{ echo "not ok - the claim database is not marked"; fails=$((fails + 1)); }
# an unmarked file of an older rooflab: only claim_ and validation tables
# (mine.db, its claim run 1, less version 2's tables and its mark; this
# copied a file that was never made, so claim wrote a new one).  Upgraded
# as a version 1 file is, in the transaction that marks it: version 2's
# tables, run 1 listed as a version 1 run, where it was marked alone and
# its run 1 read as a version 2 run that stored no Monte Carlo
cp mine.db old.db
sqlite3 old.db "DROP TABLE claim_mc_summary; DROP TABLE claim_tornado_sides;
	PRAGMA application_id = 0; PRAGMA user_version = 0"
expect_exit 0 "claim adds to an older unmarked claim database" -- \
	"$RL" claim --samples 0 --no-design --db old.db
n=$(sqlite3 old.db "PRAGMA application_id; PRAGMA user_version;
	SELECT group_concat(id) FROM claim_runs;
	SELECT group_concat(run_id) FROM claim_v1_runs;
	SELECT count(*) FROM sqlite_master WHERE name IN ('claim_mc_summary',
	'claim_tornado_sides')" | tr '\n' ' ')
if [ "$n" = "$((0x524c434c)) 2 1,2 1 2 " ]; then
	echo "ok - the unmarked file upgraded: marked, version 2, run 1 listed as version 1"
else
	echo "not ok - the unmarked file upgraded: $n"; fails=$((fails + 1))
fi
# the same older file with a table of the right name and the wrong
# columns (x, y): claim_tornado, which claim writes, validation, which
# validate writes.  The upgrade goes through, the run's rows do not ("table
# claim_tornado has 2 columns but 6 values were supplied", "table
# validation has no column named run_id"), and the upgrade, in the run's
# transaction, goes with them: exit 2 and the file byte for byte as it
# was, where it was left marked version 2 with version 2's tables and no
# run
for cmd in claim validate; do
	t=claim_tornado
	[ $cmd = validate ] && t=validation
	cp mine.db oldbad.db
	sqlite3 oldbad.db "DROP TABLE claim_mc_summary;
		DROP TABLE claim_tornado_sides; DROP TABLE $t;
		CREATE TABLE $t(x, y);
		PRAGMA application_id = 0; PRAGMA user_version = 0"
	cp oldbad.db oldbad.orig
	if [ $cmd = claim ]; then
		expect_exit 2 "claim into an older file whose $t has other columns" -- \
			"$RL" claim --samples 0 --no-design --db oldbad.db
	else
		expect_exit 2 "validate into an older file whose $t has other columns" -- \
			"$RL" validate --db oldbad.db
	fi
	cmp -s oldbad.db oldbad.orig &&
		echo "ok - $cmd: the older file that failed to take the run is unchanged" ||
		{ echo "not ok - $cmd: the older file changed though the run failed"
		  fails=$((fails + 1)); }
done
# a database file this user may not write (mode 444; as root, whom modes
# do not stop, immutable by chattr +i where the file system allows it):
# claim, validate and sweep refuse it before any work, exit 2 naming it,
# the file unchanged and nothing beside it, where they worked, failed at
# their first write ("attempt to write a readonly database") and the
# sweep's WAL database was left with an empty -wal and a -shm
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\nscenario.batch = 1:8:1\n' >ro.ini
"$RL" sweep ro.ini --db rosw.db 2>/dev/null
cp mine.db ro.db
chmod 444 ro.db rosw.db
imm=0
if [ -w ro.db ] && chattr +i ro.db rosw.db 2>/dev/null; then imm=1; fi
if [ -w ro.db ] || [ -w rosw.db ]; then
	echo "skipped: a file this user may not write (writable to root, no chattr +i)"
else
	cp ro.db ro.orig
	cp rosw.db rosw.orig
	expect_exit 2 "claim into a read-only database" -- \
		"$RL" claim --samples 0 --no-design --db ro.db
	expect_err "^rooflab claim: --db ro\.db: a file this user may not write \(read-only\); it was left unchanged" \
		"claim names the read-only file"
	expect_exit 2 "validate into a read-only database" -- \
		"$RL" validate --db ro.db
	expect_err "ro\.db: a file this user may not write" "validate names it"
	expect_exit 2 "sweep into a read-only database" -- \
		"$RL" sweep ro.ini --db rosw.db
	expect_err "rosw\.db: a file this user may not write" "sweep names it"
	expect_exit 2 "sweep --resume of a read-only database" -- \
		"$RL" sweep ro.ini --db rosw.db --resume
	cmp -s ro.db ro.orig && cmp -s rosw.db rosw.orig &&
		[ -z "$(ls ro.db-* rosw.db-* 2>/dev/null)" ] &&
		echo "ok - the read-only files unchanged, nothing beside them" ||
		{ echo "not ok - a read-only file changed or gained a -wal, -shm or journal"
		  ls -la ro.db* rosw.db*; fails=$((fails + 1)); }
fi
[ $imm = 1 ] && chattr -i ro.db rosw.db
chmod 644 ro.db rosw.db
expect_exit 2 "plot of a text file" -- "$RL" plot factors --db text.db \
	--out t.svg
expect_exit 2 "report of a text file" -- "$RL" report --db text.db \
	--out t.html --no-plots
sqlite3 bare.db "CREATE TABLE claim_runs(id INTEGER PRIMARY KEY);
	INSERT INTO claim_runs VALUES(1)"
expect_exit 2 "plot of a claim table altered by hand" -- "$RL" plot factors \
	--db bare.db --out b.svg
expect_exit 2 "report of a claim table altered by hand" -- "$RL" report \
	--db bare.db --out b.html --no-plots
expect_exit 2 "report to a folder that does not exist" -- "$RL" report \
	--db mine.db --out /nonexistent/x.html
# a validation table altered by hand (a column dropped): the report fails
# naming it, where its validation section stood with two empty tables
cp mine.db nocal.db
sqlite3 nocal.db "ALTER TABLE validation DROP COLUMN in_calibration"
expect_exit 2 "report of a validation table altered by hand" -- "$RL" \
	report --db nocal.db --out nocal.md --no-plots
expect_err "^rooflab report: nocal.db: cannot read: no such column: in_calibration" \
	"report names the database and the column"
[ ! -e nocal.md ] && echo "ok - no report without its validation tables" ||
	{ echo "not ok - a report without its validation tables"; fails=$((fails + 1)); }
# the claim's own tables altered by hand: every section fails the report
# naming the database and the column, where the assumptions were said to
# have no table and the verdict's throughputs and costs were left out
# (a run table: 'has no claim run', the validation left out as never run)
for tc in claim_assumptions.source claim_tornado_sides.speedup_low \
	claim_sides.value validation_runs.profile claim_runs.b_label; do
	rm -f alt.md
	cp mine.db alt.db
	sqlite3 alt.db "ALTER TABLE ${tc%.*} DROP COLUMN ${tc#*.}"
	expect_exit 2 "report of $tc dropped by hand" -- "$RL" report \
		--db alt.db --out alt.md --no-plots
	expect_err "^rooflab report: alt.db: cannot read: no such column: ${tc#*.}" \
		"report names the database and ${tc#*.}"
	[ ! -e alt.md ] && echo "ok - no report without ${tc%.*}" ||
		{ echo "not ok - a report without ${tc%.*}"; fails=$((fails + 1)); }
done
# a table whose third row fails to read (a damaged page does the same):
# the plot and the report fail instead of drawing the first two as all
cp mine.db erf.db
sqlite3 erf.db "ALTER TABLE claim_factors RENAME TO cf0; CREATE VIEW
	claim_factors AS SELECT run_id, ord, name, CASE WHEN ord = 2 THEN
	abs(-9223372036854775807 - 1) ELSE factor END AS factor FROM cf0"
if have gnuplot "plot factors of a table that fails to read"; then
	expect_exit 2 "plot factors of a table that fails to read" -- "$RL" plot \
		factors --db erf.db --term dumb --out erf.txt
	expect_err "^rooflab plot: erf.db: cannot read: integer overflow" \
		"plot says why"
fi
expect_exit 2 "report of a table that fails to read" -- "$RL" report \
	--db erf.db --out erf.html --no-plots
expect_err "^rooflab report: erf.db: cannot read: integer overflow" \
	"report says why"
# the count of a run's rows fails (claim_must's run_id overflows when
# read): the report fails naming it, where the count was taken for none
# and the verdict fell back to the solver's rows
cp mine.db must.db
sqlite3 must.db "ALTER TABLE claim_must RENAME TO cm0; CREATE VIEW
	claim_must AS SELECT abs(-9223372036854775807 - 1) AS run_id, ord, kind,
	param, text FROM cm0"
expect_exit 2 "report of a claim_must whose rows cannot be counted" -- "$RL" \
	report --db must.db --out must.html --no-plots
expect_err "^rooflab report: must.db: cannot read: integer overflow" \
	"report says why the rows cannot be counted"
# a table only a figure reads (the Monte Carlo samples) fails to read: the
# report fails naming it, where the figure became a note and the report
# was written (exit 0)
if have gnuplot "a report whose figure's table fails to read"; then
	"$RL" claim --samples 100 --no-design --db mcs.db >/dev/null 2>&1
	sqlite3 mcs.db "ALTER TABLE claim_mc_samples RENAME TO s0; CREATE VIEW
		claim_mc_samples AS SELECT run_id, i, CASE WHEN rowid = 3 THEN
		abs(-9223372036854775807 - 1) ELSE speedup END AS speedup,
		violates FROM s0"
	expect_exit 2 "report whose figure's table fails to read" -- "$RL" \
		report --db mcs.db --out mcs.html
	expect_err "^rooflab report: mcs.db: cannot read: integer overflow" \
		"report names the figure's database and why"
	[ ! -e mcs.html ] && echo "ok - no report with the figure left out" ||
		{ echo "not ok - a report with the figure left out"; fails=$((fails + 1)); }
fi
sum=$(cksum <erf.db)
expect_exit 2 "claim --db into a claim table altered by hand" -- "$RL" claim \
	--samples 0 --no-design --db erf.db
expect_err "^rooflab claim: erf.db: prepare: cannot modify claim_factors" \
	"claim names the database it could not write"
[ "$(cksum <erf.db)" = "$sum" ] && echo "ok - the refused run wrote nothing" ||
	{ echo "not ok - the refused run changed erf.db"; fails=$((fails + 1)); }
# a trigger of the database's own refuses a row: said in rl_db_error's
# words, its RAISE text's ESC as '?' (it went to the terminal raw)
cp mine.db trc.db
sqlite3 trc.db "$(printf "CREATE TRIGGER no BEFORE INSERT ON claim_sides BEGIN SELECT RAISE(ABORT, 'no \033[31m'); END;")"
expect_exit 2 "claim --db into a database whose trigger refuses rows" -- \
	"$RL" claim --samples 0 --no-design --db trc.db
expect_err "^rooflab claim: trc.db: insert: the database refused the write: no \?\[31m$" \
	"claim says the database refused the row, its ESC as '?'"
# validate --db into a database whose validation table is a view over a
# table that is gone: reading its columns fails, and validate says so and
# rolls back, where the failed read was taken for "no version column" and
# the message was ALTER TABLE's ("Cannot add a column to a view")
"$RL" validate --db vv.db >/dev/null 2>&1
sqlite3 vv.db "ALTER TABLE validation RENAME TO v0; CREATE TABLE gone(a);
	CREATE VIEW validation AS SELECT * FROM gone; DROP TABLE gone"
sum=$(cksum <vv.db)
expect_exit 2 "validate --db whose validation columns fail to read" -- "$RL" \
	validate --db vv.db
expect_err "^rooflab validate: vv.db: no such table: main.gone" \
	"validate says why the validation table cannot be read"
[ "$(cksum <vv.db)" = "$sum" ] && echo "ok - the failed validate wrote nothing" ||
	{ echo "not ok - the failed validate changed vv.db"; fails=$((fails + 1)); }
[ ! -e erf.txt ] && [ ! -e erf.html ] &&
	echo "ok - no plot or report of the rows read before the failure" ||
	{ echo "not ok - a short plot or report was written"; fails=$((fails + 1)); }
# a Markdown report that fails leaves none of its figures behind (drawn
# under temporary names, renamed after the report), and an older figure of
# the same name stands (the report once left erf-factors.svg, erf-batch.svg
# and the rest, and replaced this one)
if have gnuplot "a failed report keeps an older figure"; then
	echo old >erf-roofline.svg
	expect_exit 2 "Markdown report of a table that fails to read" -- "$RL" \
		report --db erf.db --out erf.md
	if [ ! -e erf.md ] && [ "$(ls | grep -c '^erf.*svg')" -eq 1 ] &&
		[ "$(cat erf-roofline.svg)" = old ]; then
		echo "ok - no figure of the failed Markdown report left, the old one kept"
	else
		echo "not ok - left: $(ls | grep '^erf' | tr '\n' ' ')"
		fails=$((fails + 1))
	fi
	rm -f erf-roofline.svg
fi

# ---- temporaries of killed runs are found and removed by the next run
sh -c 'exit 0' &
dead=$!
wait
for f in m9.db f.svg r.html; do
	head -c 1000 /dev/zero >"$f.tmp-$dead"
	head -c 1000 /dev/zero >"$f.tmp-$$"
done
head -c 1000 /dev/zero >"m9.db.tmp-$dead-journal"
expect_exit 0 "merge after a killed merge" -- "$RL" merge m9.db s0.db s1.db
if have gnuplot "plot after a killed plot"; then
	expect_exit 0 "plot after a killed plot" -- "$RL" plot factors \
		--db mine.db --out f.svg
else
	rm -f "f.svg.tmp-$dead"
fi
expect_exit 0 "report after a killed report" -- "$RL" report --db mine.db \
	--out r.html --no-plots
if [ -z "$(ls | grep "tmp-$dead")" ]; then
	echo "ok - the killed runs' temporaries are gone"
else
	echo "not ok - left: $(ls | grep "tmp-$dead")"; fails=$((fails + 1))
fi
if [ "$(ls | grep -c "tmp-$$\$")" -eq 3 ]; then
	echo "ok - a running process's temporaries are kept"
else
	echo "not ok - a live process's temporaries were removed"
	fails=$((fails + 1))
fi
rm -f ./*.tmp-$$

# ---- JSON output is valid UTF-8 whatever bytes the input holds.  A
# label is text rooflab keeps (JSON, database, plots): one in Latin-1 is
# refused, naming the byte; a preset's file name is what the file system
# holds, and eval's JSON names it with U+FFFD for the byte
expect_exit 2 "claim with a Latin-1 label is refused" -- "$RL" claim \
	--samples 0 --no-design --json --a "h100-sxm,label=caf$(printf '\351')"
expect_err "label: byte 4 \(0xE9\) begins no UTF-8 character" "the message names the byte"
[ -s "$tmpd/out" ] && { echo "not ok - a refused claim wrote JSON"; fails=$((fails + 1)); } ||
	echo "ok - a refused claim writes no JSON"
cp "${ROOFLAB_DATA:-$root/data}/chips/h100-sxm.ini" "caf$(printf '\351').ini"
if command -v iconv >/dev/null 2>&1; then
	expect_exit 0 "eval --json with a chip file named in Latin-1" -- "$RL" eval \
		--chip "./caf$(printf '\351').ini" --model llama3-8b --json
	if iconv -f UTF-8 -t UTF-8 "$tmpd/out" >/dev/null 2>&1; then
		echo "ok - the JSON is valid UTF-8"
	else
		echo "not ok - the JSON is not valid UTF-8"; fails=$((fails + 1))
	fi
	expect_out 'caf\\ufffd' "the byte is replaced by U+FFFD"
else
	echo "ok - skipped: no iconv (JSON UTF-8 check)"
fi

# ---- the claims file is validated like every other input
cp -r "${ROOFLAB_DATA:-$root/data}" cdata
cl=cdata/claims/etched-2024.ini
cp "$cl" claims.orig
try_claims() { # NAME PATTERN: claim with the edited claims file exits 2
	expect_exit 2 "claims file: $1" -- env ROOFLAB_DATA="$PWD/cdata" "$RL" \
		claim --samples 0 --no-design
	expect_err "$2" "claims file: $1 is named"
	cp claims.orig "$cl"
}
printf '\001\002 garbage \377\n{{{\n' >"$cl"
try_claims "garbage" "etched-2024.ini:1"
sed 's/^value = 20$/value = nan/' claims.orig >"$cl"
try_claims "nan" "speedup.value: 'nan'"
sed 's/^value = 20$/value = -1e309/' claims.orig >"$cl"
try_claims "-1e309" "speedup.value"
sed 's/^sohu = 0.90$/sohu = 7/' claims.orig >"$cl"
try_claims "a share above 1" "utilization.sohu"
sed 's/^value = 160$/value = 0/' claims.orig >"$cl"
try_claims "zero" "replacement.value"
sed 's/^\[density\]$/[densty]/' claims.orig >"$cl"
try_claims "an unknown section" "unknown section \[densty\]"
# a message about a section as a whole names its header's line (counted
# by hand: [throughput] is line 13 of the shipped file, after 4 comment
# lines, [meta], its name, a blank line and [speedup]'s 4 lines and a
# blank line); a section that is missing has none to name
grep -v '^value = 500000$' claims.orig >"$cl"
try_claims "a missing number" "etched-2024\.ini:13: \[throughput\] has no value"
: >"$cl"
try_claims "an empty file" "etched-2024\.ini: \[speedup\] needs claim and source \(the section is missing\)"
printf '[meta]\nname = x\n[speedup]\nvalue = 20\n' >"$cl"
try_claims "a section without claim" "etched-2024\.ini:3: \[speedup\] needs claim and source$"
# a section given twice (its keys joined the first's), a key given twice
# (the checks read the first, the second was passed over) and a section of
# an unknown name with no key (passed over): each refused at its line
printf '[meta]\nname = x\n\n[speedup]\nclaim = a\n[speedup]\nsource = b\n' >"$cl"
try_claims "a section given twice" "etched-2024\.ini:6: \[speedup\] is given twice in this file \(first at line 4; its keys would join or replace the first's without a word\)$"
printf '[speedup]\nvalue = 20\nvalue = 30\n' >"$cl"
try_claims "a key given twice" "etched-2024\.ini:3: \[speedup\] value is given twice in this file"
printf '[speedup]\nclaim = a\n[densty]\n' >"$cl"
try_claims "an empty unknown section" "etched-2024\.ini:3: unknown section \[densty\]"
expect_exit 0 "the shipped claims file is valid" -- env \
	ROOFLAB_DATA="$PWD/cdata" "$RL" claim --samples 0 --no-design

# ---- inputs that are not regular files: a FIFO with no writer is refused,
# not waited on for ever; a device read to its end (/dev/zero) never ends
to() { # a hang fails the check (exit 124) instead of stopping the tests
	if command -v timeout >/dev/null 2>&1; then timeout 20 "$@"; else "$@"; fi
}
mkfifo fifo.ini fifo.csv
mkdir dir.ini
for a in "claim --samples 0 --no-design --config" "sweep" \
	"validate --measurements" "validate --versions" \
	"calibrate --profile trtllm-0.10 --no-loo --measurements"; do
	for f in fifo.ini fifo.csv dir.ini /dev/zero; do
		case "$a" in sweep) extra="--db nr.db" ;; *) extra= ;; esac
		# shellcheck disable=SC2086
		expect_exit 2 "$a $f is refused" -- to "$RL" $a "$f" $extra
		case $f in
		fifo*) k="a FIFO" ;; dir*) k="a directory" ;; *) k="a device" ;;
		esac
		expect_err "^rooflab [a-z]+: $f: not a regular file \($k\)" \
			"$a $f: says what the file is"
	done
done
rm -f "$cl"
mkfifo "$cl"
expect_exit 2 "claims file: a FIFO" -- to env ROOFLAB_DATA="$PWD/cdata" "$RL" \
	claim --samples 0 --no-design
expect_err "etched-2024.ini: not a regular file \(a FIFO\)" \
	"claims file: the FIFO is named"
rm -f "$cl"
cp claims.orig "$cl"
[ ! -e nr.db ] && echo "ok - refused sweeps leave no database" ||
	{ echo "not ok - a refused sweep left nr.db"; fails=$((fails + 1)); }

# ---- databases and outputs that are not regular files: a FIFO --db is
# refused, not opened (a read-only open waits for a writer for ever); an
# output is never renamed onto a FIFO or a device (as root, onto /dev/null
# it would replace /dev/null itself; only FIFOs are made here)
mkfifo fifo.db fifo.html fifo.txt fifo.ini.out
for a in "export --format csv --db" "plot factors --term dumb --out nr.txt --db" \
	"report --out nr.html --no-plots --db" \
	"report --db mine.db --out nr.html --no-plots --sweeps" \
	"merge nr.db s1.db"; do
	for f in fifo.db dir.ini; do
		case $f in fifo*) k="a FIFO" ;; *) k="a directory" ;; esac
		# shellcheck disable=SC2086
		expect_exit 2 "$a $f (read) is refused" -- to "$RL" $a "$f"
		expect_err ": $f: not a regular file \($k\)" "$a $f: says what it is"
	done
done
for a in "claim --samples 0 --no-design --db" "validate --db" \
	"sweep spec.ini --db"; do
	# shellcheck disable=SC2086
	expect_exit 2 "$a fifo.db (written) is refused" -- to "$RL" $a fifo.db
	expect_err "--db fifo.db: a device, pipe or socket, not a database file" \
		"$a fifo.db: says what it is"
done
for a in "report --db mine.db --no-plots --out fifo.html" \
	"plot factors --db mine.db --term dumb --out fifo.txt" \
	"calibrate --profile trtllm-0.10 --no-loo --fit eff_compute --out fifo.ini.out" \
	"merge --force fifo.db s0.db s1.db"; do
	f=$(echo "$a" | grep -o 'fifo[.a-z]*')
	case $a in plot*) have gnuplot "$a: an output onto a FIFO" || continue ;; esac
	# shellcheck disable=SC2086
	expect_exit 2 "$a: an output onto a FIFO is refused" -- to "$RL" $a
	expect_err "cannot write $f: not a regular file \(a FIFO\), which the output would replace" \
		"$a: says why"
	[ -p "$f" ] && echo "ok - $a: the FIFO is still there" ||
		{ echo "not ok - $a: the FIFO was replaced"; fails=$((fails + 1)); }
done
if [ -z "$(ls | grep 'tmp-')" ] && [ ! -e nr.db ] && [ ! -e nr.html ] &&
	[ ! -e nr.txt ]; then
	echo "ok - the refusals leave no file behind"
else
	echo "not ok - left: $(ls | grep -E 'tmp-|nr\.')"; fails=$((fails + 1))
fi

# ---- messages say where: file and line of the input that is wrong
printf '[claim]\ntarget = 10\n\n[b]\nchip = sohu\nchip.hbm_tbps = 1e9\n' >side.ini
expect_exit 2 "claim --config with a side out of range" -- "$RL" claim \
	--config side.ini --samples 0
# the line of the key refused (6: chip.hbm_tbps), not of [b]'s first key (5)
expect_err "side.ini:6: \[b\]" "the side spec error names file and line"
printf '[claim]\nscenario = etched-bench\nuncertainty = nan\n' >unc.ini
expect_exit 2 "claim --config naming an unknown uncertainty" -- "$RL" claim \
	--config unc.ini --samples 0
expect_err "^rooflab claim: unc.ini:3: unknown uncertainty 'nan'" \
	"the unknown uncertainty names file and line"
printf '[a]\nchip = h100-sxm\nbogus = 1\n' >side2.ini
expect_exit 2 "claim --config with an unknown side item" -- "$RL" claim \
	--config side2.ini --samples 0
# line 3, bogus's own (chip, [a]'s first key, is at 2)
expect_err "side2.ini:3: \[a\].*bogus" "the unknown item names file and line"
printf '[chip]\npeak_tflops_bf16 = 500\nhbm_gb = 80\nhbm_tbps = 0\ntdp_w = 700\n' \
	>nohbm.ini
expect_exit 2 "a chip without HBM bandwidth" -- "$RL" eval --profile ideal --chip \
	"$PWD/nohbm.ini" --model llama3-8b
expect_err "nohbm.ini: chip: hbm_gb and hbm_tbps" "the chip error names its file"
expect_exit 2 "curve of a chip without HBM bandwidth" -- "$RL" curve --profile \
	ideal --chip "$PWD/nohbm.ini" --model llama3-8b
expect_err "nohbm TP1 x PP1: .*nohbm.ini: chip: hbm_gb" "curve names the chip's file"
printf '[chip]\npeak_tflops_bf16 = 500\nhbm_gb = 80\nhbm_tbps = 3\ntdp_w = 700\n' \
	>nofp8.ini
expect_exit 2 "fp8 on a chip with no fp8 peak" -- "$RL" eval --profile ideal \
	--chip ./nofp8.ini --model llama3-8b --precision fp8
expect_err "nofp8.ini: chip: no fp8 matrix peak" \
	"the missing peak names the chip's file"
expect_exit 2 "area of a chip with no design" -- "$RL" area --chip ./nofp8.ini
expect_err "nofp8.ini: design: no die area" "area names the chip's file"
printf '[base]\nchip = h100-sxm\nmodel = llama3-8b\nset = chip.hbm_tbps=5000\n[axes]\nscenario.batch = 1:8:2\n' \
	>range.ini
expect_exit 2 "a sweep whose [base] is out of range" -- "$RL" sweep \
	range.ini --db range.db
expect_err "range.ini:4: chip.hbm_tbps = 5000 is outside" "the [base] error names the spec file and the set line"

# ---- two --resume runs of one killed sweep: the loser exits 2 (or finds
# the run complete), never 1; every point is stored once
cat >big.ini <<'EOF'
[base]
chip = h100-sxm
model = llama3-8b
[axes]
chip.hbm_tbps = 1:12:0.05
scenario.batch = 1:100:1
EOF
"$RL" sweep big.ini --db big.db >/dev/null 2>&1 &
pid=$!
sleep 1
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
"$RL" sweep big.ini --db big.db --resume >/dev/null 2>r1.err &
p1=$!
"$RL" sweep big.ini --db big.db --resume >/dev/null 2>r2.err &
p2=$!
wait "$p1"; rc1=$?
wait "$p2"; rc2=$?
if { [ "$rc1" -eq 0 ] || [ "$rc1" -eq 2 ]; } &&
	{ [ "$rc2" -eq 0 ] || [ "$rc2" -eq 2 ]; } &&
	{ [ "$rc1" -eq 0 ] || [ "$rc2" -eq 0 ]; }; then
	echo "ok - concurrent resumes exit $rc1 and $rc2"
else
	echo "not ok - concurrent resumes exit $rc1 and $rc2"
	sed 's/^/    /' r1.err r2.err | head -4; fails=$((fails + 1))
fi
n=$(sqlite3 big.db "SELECT count(*) = count(DISTINCT idx) AND count(*) =
	(SELECT points FROM runs WHERE id = 1) FROM points")
[ "$n" = 1 ] && echo "ok - after concurrent resumes every point is there once" ||
	{ echo "not ok - points missing or doubled"; fails=$((fails + 1)); }

# ---- stdout write errors: a full disk is a failure, not exit 0
if [ -w /dev/full ]; then
	for args in params presets --help "validate" "calibrate --help" \
		"eval --help" "claim --help"; do
		# shellcheck disable=SC2086
		"$RL" $args >/dev/full 2>"$tmpd/err"
		got=$?
		if [ "$got" -ne 0 ] && grep -q "standard output" "$tmpd/err"; then
			echo "ok - $args to a full disk exits $got with a message"
		else
			echo "not ok - $args to a full disk exits $got"
			fails=$((fails + 1))
		fi
	done
else
	echo "ok - skipped: no /dev/full (stdout write errors)"
fi

# ---- text from a file reaches the terminal without its controls: a
# message quoting a preset, a sweep spec or a measurement file shows ESC
# and the C1 CSI (U+009B) as '?' (they went to stderr raw)
esc=$(printf '\033')
csi=$(printf '\302\233')
# no_controls NAME [out]: the last command's stderr (or stdout) holds
# neither
no_controls() {
	stream=${2:-err}
	if grep -q "$esc\|$csi" "$tmpd/$stream"; then
		echo "not ok - $1: a control reached std$stream"; fails=$((fails + 1))
	else
		echo "ok - $1: no control reaches std$stream"
	fi
}
printf '[chip]\nhbm%s[31m_tbps%s = 3\n' "$esc" "$csi" >esc.ini
expect_exit 2 "eval of a preset whose key holds an ESC" -- "$RL" eval \
	--chip ./esc.ini --model llama3-8b
expect_err "^rooflab eval: \./esc\.ini:2: unknown parameter 'chip\.hbm\?\[31m_tbps\?'" \
	"the key is quoted with its ESC and CSI as '?'"
no_controls "eval's message"
printf '[base]\nchip = h100%s[0m\nmodel = llama3-8b\n[axes]\nchip.hbm_tbps = 1:2:1\n' "$esc" >escspec.ini
expect_exit 2 "sweep of a spec whose chip holds an ESC" -- "$RL" sweep \
	escspec.ini --db esc.db
expect_err "^rooflab sweep: escspec\.ini:2: unknown chip 'h100\?\[0m'" \
	"the sweep's message shows the ESC as '?'"
no_controls "sweep's message"
# the file a command wrote, named on its last line: an --out whose name
# holds an ESC (a colour code) is shown with it as '?', as merge and sweep
# name theirs (the ESC went to the terminal raw); the file is written at
# its own name, bytes as given
report_out="r${esc}[31m.md"
expect_exit 0 "report --out with an ESC in its name" -- "$RL" report \
	--db "$tmpd/full.db" --out "$report_out" --no-plots
expect_out "^rooflab report: wrote r\?\[31m\.md\$" "report names its --out with the ESC as '?'"
no_controls "report's last line" out
[ -f "$report_out" ] && echo "ok - report: the file at its name as given" ||
	{ echo "not ok - report: no file at its name as given"; fails=$((fails + 1)); }
# (and calibrate's first line its profile and measurements,
# validate's its measurements)
cp "${ROOFLAB_DATA:-$root/data}/calibration/trtllm-0.10-start.ini" "s${esc}[31m.ini"
cp "${ROOFLAB_DATA:-$root/data}/measurements.csv" "m${esc}[31m.csv"
expect_exit 0 "calibrate --out with an ESC in its name" -- "$RL" calibrate \
	--profile "s${esc}[31m.ini" --measurements "m${esc}[31m.csv" \
	--software "TensorRT-LLM 0.10.0" --fit eff_compute --no-loo --out "c${esc}[31m.ini"
expect_out "^calibrating profile s\?\[31m\.ini on 16 rows of m\?\[31m\.csv, software TensorRT-LLM 0\.10\.0\$" \
	"calibrate names its profile and measurements with the ESC as '?'"
# (small72) as "rooflab calibrate: wrote FILE", every command's form
expect_out "^rooflab calibrate: wrote c\?\[31m\.ini\$" "calibrate names its --out with the ESC as '?'"
no_controls "calibrate's lines" out
expect_exit 0 "validate --measurements with an ESC in its name" -- "$RL" validate \
	--measurements "m${esc}[31m.csv"
expect_out "^model against measured: m\?\[31m\.csv\$" "validate names its measurements with the ESC as '?'"
no_controls "validate's lines" out
# a row id holding Unicode's right-to-left override U+202E (E2 80 AE:
# UAX #9's RLO, which makes a terminal show what follows reversed, the
# "Trojan Source" trick) and an isolate U+2066 (E2 81 A6): validate's
# rows table shows each as '?' (fuzz15 found U+202E printed raw)
rlo=$(printf '\342\200\256')
lri=$(printf '\342\201\246')
sed "2s/^trtllm010-/rlo${rlo}x${lri}y-/" "${ROOFLAB_DATA:-$root/data}/measurements.csv" >bidi.csv
expect_exit 0 "validate --measurements with a row id holding U+202E" -- "$RL" validate \
	--measurements bidi.csv
expect_out "rlo\?x\?y-h100-llama3-70b" "validate shows the row id's bidi controls as '?'"
if grep -q "$rlo\|$lri" "$tmpd/out"; then
	echo "not ok - validate: a bidi control reached stdout"; fails=$((fails + 1))
else
	echo "ok - validate: no bidi control reaches stdout"
fi
# (review41) eval serving a chip with no calibrated profile under ideal
# says so on stderr (since b4513e3; with --json alone since 2026-12-01,
# the text's first line saying it): a chip path holding an ESC went there
# raw, where map, curve and eval's own first line show it as '?'
cp "${ROOFLAB_DATA:-$root/data}/chips/sohu.ini" "u${esc}[31m.ini"
expect_exit 0 "eval under ideal of a chip path with an ESC" -- "$RL" eval \
	--chip "./u${esc}[31m.ini" --model llama3-8b --tp 1 --json
expect_err "^rooflab eval: ideal: no calibrated profile for '\./u\?\[31m\.ini'" \
	"eval's note of ideal shows the chip path's ESC as '?'"
no_controls "eval's note of ideal"
if have gnuplot "plot --out with an ESC"; then
	expect_exit 0 "plot --out with an ESC in its name" -- "$RL" plot heatmap \
		--db "$tmpd/sweep.db" --out "p${esc}[31m.svg"
	expect_out "^rooflab plot: wrote p\?\[31m\.svg\$" "plot names its --out with the ESC as '?'"
	no_controls "plot's last line" out
	expect_exit 0 "plot curve --out with an ESC in its name" -- "$RL" plot curve \
		--chip h100-sxm --model llama3-8b --profile trtllm-0.10 --out "k${esc}[31m.svg"
	expect_out "^rooflab plot curve: wrote k\?\[31m\.svg\$" "plot curve names its --out with the ESC as '?'"
	no_controls "plot curve's last line" out
fi

# a chip named with an ESC in a scenario (names and labels on stdout), and
# a claim's text with one in the claims file: '?' (they went out raw)
mkdir -p edata
cp -r "${ROOFLAB_DATA:-$root/data}"/. edata/
cp edata/chips/h100-sxm.ini "edata/chips/e${esc}x.ini"
printf '[preset]\nchip = e%sx\nmodel = llama3-8b\n[scenario]\nprecision = fp8\nisl = 128\nosl = 128\ntp = 1\n' "$esc" >esc-scen.ini
for c in "eval --scenario ./esc-scen.ini" "map --scenario ./esc-scen.ini --chips 2" \
	"curve --scenario ./esc-scen.ini"; do
	# shellcheck disable=SC2086
	expect_exit 0 "$c: a chip whose name holds an ESC" -- env \
		ROOFLAB_DATA="$PWD/edata" "$RL" $c
	expect_out "e\?x" "$c: the chip's name shown with its ESC as '?'"
	no_controls "$c" out
done
sed "s/^claim = Sohu is 20x/claim = Sohu${esc}[31m is 20x/" \
	edata/claims/etched-2024.ini >claims.esc
cp claims.esc edata/claims/etched-2024.ini
expect_exit 0 "claim with an ESC in a claim's text" -- env \
	ROOFLAB_DATA="$PWD/edata" "$RL" claim --samples 0 --no-design
expect_out "^  \* Sohu\?\[31m is 20x" "the claim's text shown with its ESC as '?'"
no_controls "claim" out
# a side's label inside claim's words (what must be true, each lever) and
# solve's levers: its ESC as '?', as in the side lines (the words, wrapped
# at 100 columns, went out raw)
for c in "claim --samples 0 --no-design" "solve --vary b.chip.hbm_tbps --no-design"; do
	# shellcheck disable=SC2086
	expect_exit 0 "$c: a label holding an ESC" -- "$RL" $c \
		--b "sohu,profile=etched-claim,tp=8,label=x${esc}[31my"
	expect_out "\(x\?\[31my, at 4\.8 TB/s" \
		"$c: the lever's words show the label's ESC as '?'"
	no_controls "$c: the words" out
done

finish
